#pragma once
/// The physical memory map: every frame of the machine as a cell coloured by zone
/// and state (pages of processes in their process's colour, page tables darker,
/// the page cache and the zero page in colours of their own), zoomable from many frames per pixel up to large cells with block
/// outlines and pfn numbers, with zone boundaries, a legend, tooltips, selection
/// and the blocks of the current step highlighted as the player animates it.

#include "FrameMapRenderer.h"
#include "Palette.h"
#include "phys/FrameTable.h"
#include "phys/Zone.h"

#include <QAbstractScrollArea>
#include <QFont>
#include <QImage>
#include <QPoint>
#include <QRect>
#include <QStringList>

#include <cstdint>
#include <optional>
#include <vector>

class QMenu;

namespace memviz {

class ViewContext;
struct Machine;

/// Layout maths of the frame grid, apart from painting so that it can be tested.
///
/// A cell stands for `framesPerCell` consecutive frames; it is `cellPx` logical pixels
/// square (cellPx is 1 when framesPerCell > 1: many frames per pixel). Cells run
/// row-major, `columns` to a row. When frames are visible (framesPerCell == 1) rows
/// hold a whole number of the largest buddy blocks, or a power of two of frames when
/// smaller, so a block never wraps across rows: a student sees a block as one bar or
/// one rectangle. Below a pixel per frame rows only need to fill the width.
struct FrameGridGeometry {
    struct Zoom {
        int framesPerCell = 1;
        int cellPx = 1;
        double pixelsPerFrame() const { return double(cellPx) / framesPerCell; }
        friend bool operator==(const Zoom&, const Zoom&) = default;
    };

    Pfn frames = 0;
    int framesPerCell = 1;
    int cellPx = 1;
    int columns = 1;
    QPoint origin; ///< widget position of the top-left corner of cell 0 (scrolling included)

    static constexpr int kMaxCellPx = 48;

    /// The geometry for `frames` at `zoom` in a grid area `availableWidth` wide.
    static FrameGridGeometry make(Pfn frames, Zoom zoom, int availableWidth, QPoint origin = {});
    /// Cells per row for a zoom: as many as fit, with block-aligned rows (see above).
    static int columnsFor(Zoom zoom, int availableWidth);
    /// The largest zoom at which all frames fit in width x height.
    static Zoom fitZoom(Pfn frames, int width, int height);
    /// One step along the zoom ladder (1/3072 .. 1/2 px per frame, 1 .. 48 px per frame).
    static Zoom zoomIn(Zoom z);
    static Zoom zoomOut(Zoom z);

    Pfn rowFrames() const { return Pfn(columns) * Pfn(framesPerCell); }
    std::int64_t rows() const;
    int width() const { return columns * cellPx; }
    std::int64_t height() const { return rows() * cellPx; }

    /// The first frame of the cell under a widget position; nothing outside the grid.
    std::optional<Pfn> pfnAt(QPoint pos) const;
    /// The cell that shows frame p, in widget coordinates.
    QRect cellRect(Pfn p) const;
    /// At most three rectangles covering the cells of frames [first, last).
    std::vector<QRect> rangeRects(Pfn first, Pfn last) const;
    std::int64_t rowOf(Pfn p) const { return std::int64_t(p / rowFrames()); }
    int columnOf(Pfn p) const { return int((p % rowFrames()) / Pfn(framesPerCell)); }
    std::int64_t rowTop(std::int64_t row) const { return origin.y() + row * cellPx; }
};

class PhysicalMemoryView : public QAbstractScrollArea {
    Q_OBJECT
public:
    explicit PhysicalMemoryView(ViewContext* ctx, QWidget* parent = nullptr);
    ~PhysicalMemoryView() override;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

    /// The current grid layout (viewport coordinates).
    const FrameGridGeometry& geometry() const { return m_geo; }
    bool isFit() const { return m_fit; }
    void zoomIn(QPoint anchor = QPoint(-1, -1));
    void zoomOut(QPoint anchor = QPoint(-1, -1));
    void zoomToFit();
    void setZoom(FrameGridGeometry::Zoom zoom, QPoint anchor = QPoint(-1, -1));

    /// The frame a click at a viewport position selects: the most interesting frame
    /// of the cell (what its colour shows); nothing outside the grid.
    std::optional<Pfn> frameAt(QPoint viewportPos);
    /// Tooltip text for a frame of the machine at the cursor.
    QString toolTipForFrame(Pfn pfn) const;
    /// Fills the context menu for a frame; "Free this block" only on allocated blocks.
    void populateContextMenu(QMenu* menu, Pfn pfn);
    /// The one-pixel-per-frame map, brought up to date with the context.
    const QImage& frameMap();
    /// Whether the view scrolls to the blocks of each new step.
    bool followsSteps() const { return m_follow; }
    void setFollowsSteps(bool on) { m_follow = on; }

protected:
    void paintEvent(QPaintEvent* e) override;
    void resizeEvent(QResizeEvent* e) override;
    void scrollContentsBy(int dx, int dy) override;
    void wheelEvent(QWheelEvent* e) override;
    void keyPressEvent(QKeyEvent* e) override;
    void mousePressEvent(QMouseEvent* e) override;
    void mouseReleaseEvent(QMouseEvent* e) override;
    void contextMenuEvent(QContextMenuEvent* e) override;
    void changeEvent(QEvent* e) override;
    bool viewportEvent(QEvent* e) override;

private:
    struct Highlight {
        Pfn first = 0;
        Pfn last = 0;
        bool primary = true;
    };

    void onStateChanged(bool step);
    void relayout();
    void ensureRendered();
    void updateDisplayRows(int firstRow, int lastRow);
    void updateScrollBar();
    void scrollToRange(Pfn first, Pfn last);
    std::vector<Highlight> highlights() const;
    int zoneAtEvent() const;

    void paintGrid(QPainter& p, const QRect& gridArea);
    void paintBlockDetail(QPainter& p, const QRect& gridArea);
    void paintZoneBoundaries(QPainter& p, const QRect& gridArea);
    void paintStepFade(QPainter& p);
    void paintHighlights(QPainter& p, const QRect& gridArea);
    void paintGutter(QPainter& p);
    void paintHeader(QPainter& p);
    /// Lays the legend out in `area` (a side panel, or a band below the grid when
    /// `band`); paints it when `p` is given. Returns the size it needs.
    QSize legend(QPainter* p, const QRect& area, int compact, bool band) const;

    QFont textFont() const;
    QFont smallFont() const;
    QString stateLegendName(FrameState s) const;
    QString stateDescription(FrameState s, int order) const;
    QString zoneRangeText(const Zone& z) const;
    /// Tooltip lines for a page of a process or of the page cache.
    QStringList ownerLines(Pfn head) const;
    /// Tooltip lines for the kernel's own memory: a slab (its cache and objects in use), a
    /// vmalloc page (its area), a kernel stack (its process), a large kmalloc; empty for others.
    QStringList kernelLines(Pfn head) const;
    /// A short owner label for a cell ("1000", "PT 1000", "cache"); empty for other frames.
    QString ownerTag(Pfn head) const;

    ViewContext* m_ctx;
    FrameMapRenderer m_renderer;
    QImage m_display;            ///< the map downsampled to one pixel per cell (framesPerCell > 1)
    QImage m_paintScratch;       ///< RGB32 rows being painted
    FrameTable m_rendered;       ///< the frames the map shows; holds their chunks for diffing
    std::vector<std::uint64_t> m_renderedZones; ///< zone spans the map was rendered with
    bool m_dirtyAll = true;
    int m_renderedGeneration; ///< Palette::generation() of the colour table

    FrameGridGeometry m_geo;
    FrameGridGeometry::Zoom m_zoom;
    bool m_fit = true;
    bool m_follow = true;
    int m_headerHeight = 0;
    int m_gutterWidth = 0;
    QRect m_gridArea;            ///< where the grid shows (viewport coordinates)
    QRect m_legendRect;          ///< null when there is no room for a legend
    bool m_legendBand = false;   ///< legend below the grid rather than beside it
    int m_legendCompact = 0;     ///< 0 full legend, 1 without the marks
    QFont m_legendFont;          ///< textFont(), or smaller when presentation mode's leaves no room
    int m_scrollY = 0;
    int m_wheelAccum = 0;
    int m_layoutGeneration = 0;
    Pfn m_layoutFrames = ~Pfn(0); ///< frame count the layout was made for
    bool m_legendVm = false;      ///< the legend shows the owner states (processes or files exist)
    bool m_legendKernel = false;  ///< the legend shows slab, vmalloc and kernel-stack frames (some exist)
    std::vector<std::uint32_t> m_legendPids; ///< live processes the legend lists
};

} // namespace memviz
