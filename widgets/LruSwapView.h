#pragma once
/// Page reclaim's lists and the swap areas: each LRU list (active and inactive, anon and
/// file, unevictable when used) as a queue of page cells from the head (newest) to the
/// tail (oldest, where reclaim takes pages), with referenced, dirty and swap-cache marks;
/// below it every slot of each swap area as a grid painted into an image (free, used by
/// page tables, in the swap cache). The current step is animated: a page moving between
/// lists flies along an arrow, a swap-out or swap-in links the page and its slot.

#include "Palette.h"
#include "phys/FrameTable.h"
#include "reclaim/Lru.h"
#include "reclaim/Swap.h"
#include "sim/Event.h"

#include <QImage>
#include <QPointF>
#include <QRectF>
#include <QSizeF>
#include <QString>
#include <QWidget>

#include <cstdint>
#include <optional>
#include <vector>

class QPainter;

namespace memviz {

class ViewContext;
struct Machine;

/// Where the slots of one swap area go: cells row-major, `slotsPerCell` consecutive
/// slots each. Square cells of whole pixels (with room for borders) when every slot gets
/// one of at least kMinSquarePx; otherwise cells of fractional size that fill the area,
/// one slot each while that leaves each a pixel, else groups (a 2 GiB area has 524,288
/// slots). Slot 0, the area's header, is the first cell.
struct SwapGridGeometry {
    static constexpr int kMinSquarePx = 4;
    std::uint64_t slotCount = 0; ///< offsets 0 .. slotCount - 1 (pages + 1)
    std::uint64_t slotsPerCell = 1;
    double cellW = 1, cellH = 1;
    int columns = 1;
    QPointF origin;

    /// The grid that shows every slot in `area`, square cells of up to maxCellPx first.
    static SwapGridGeometry fit(std::uint64_t slotCount, QSizeF area, int maxCellPx = 18);
    std::uint64_t cells() const { return slotsPerCell ? (slotCount + slotsPerCell - 1) / slotsPerCell : 0; }
    std::uint64_t rows() const { return columns > 0 ? (cells() + std::uint64_t(columns) - 1) / std::uint64_t(columns) : 0; }
    QSizeF size() const { return QSizeF(double(columns) * cellW, double(rows()) * cellH); }
    /// Square cells big enough to be told apart (they get borders).
    bool squares() const { return cellW == cellH && cellW >= kMinSquarePx; }
    /// The cell holding slot `offset`.
    QRectF cellRect(std::uint64_t offset) const;
    /// The first slot of the cell under `p`; nothing outside the grid.
    std::optional<std::uint64_t> offsetAt(QPointF p) const;
};

class LruSwapView : public QWidget {
    Q_OBJECT
public:
    explicit LruSwapView(ViewContext* ctx, QWidget* parent = nullptr);
    ~LruSwapView() override;

    QSize sizeHint() const override { return QSize(960, 600); }
    QSize minimumSizeHint() const override { return QSize(420, 300); }

    /// Shows `e` as the current step instead of the context's event: for tests and
    /// hand-made states (a context without a run has no events). The next state change
    /// of the context drops it.
    void setStepEvent(std::optional<Event> e);

    /// One LRU list as drawn.
    struct Queue {
        LruList list = LruList::InactiveAnon;
        std::uint64_t size = 0;   ///< pages on the list
        QRectF row;               ///< label and cells
        QRectF strip;             ///< where the cells go: head side left, tail right
        /// The pages shown, in list order head → tail: all of them, or when the list is
        /// long the newest `headCount` at the head, then (after the "+ N more" box) its tail end.
        std::vector<Pfn> pages;
        std::vector<QRectF> cells; ///< their cells, same order
        int headCount = 0;         ///< pages of `pages` before the "+ N more" box
        std::uint64_t hidden = 0;  ///< pages between the head and the tail end not shown
        QRectF more;               ///< the "+ N more" box (empty when hidden == 0)
    };
    /// The lists shown (the four evictable ones, the unevictable one when it is not empty).
    const std::vector<Queue>& queues() const;
    /// The queue of `l`, nullptr when it is not shown.
    const Queue* queue(LruList l) const;
    /// The cell of page `pfn`, empty when it is not shown.
    QRectF pageRect(Pfn pfn) const;

    /// One swap area as drawn.
    struct SwapPanel {
        int type = 0; ///< the area's index (swap type)
        QRectF title;
        SwapGridGeometry grid;
    };
    const std::vector<SwapPanel>& swapPanels() const;
    /// The cell of a swap entry's slot, empty when its area is not shown.
    QRectF slotRect(std::uint32_t entry) const;

    /// What a slot holds, as the grid colours it.
    enum class SlotState : std::uint8_t { Free, Used, Cached, Header };
    static SlotState slotState(std::uint64_t offset, std::uint8_t swapMap);
    static QColor slotColour(SlotState s);

    /// What the current step highlights: a page, a swap entry, a list move (from, to:
    /// LruList values or kNoLru), the list a reclaim batch scans.
    std::optional<Pfn> highlightedPage() const;
    std::optional<std::uint32_t> highlightedEntry() const;
    std::optional<std::pair<std::uint8_t, std::uint8_t>> movedLists() const;
    std::optional<LruList> scannedList() const;

    /// The sentence under the title (what the step does, or how to read the view).
    QString captionText() const;
    /// Tooltips of a page cell and of a swap slot.
    QString toolTipForPage(Pfn pfn) const;
    QString toolTipForSlot(int type, std::uint64_t offset) const;

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void changeEvent(QEvent* event) override;
    bool event(QEvent* event) override;

private:
    struct Fonts;

    void onStateChanged();
    void invalidate();
    void ensureLayout() const;
    const Event* stepEvent() const;
    QString stepCaption() const;
    std::vector<Queue> layoutQueues(const Machine& m, const Fonts& f) const;
    void renderGrids() const;
    QPointF pageAnchor(const std::vector<Queue>& qs, Pfn pfn, std::uint8_t list) const;

    void paintQueues(QPainter& p, const Fonts& f) const;
    void paintCell(QPainter& p, const QRectF& r, Pfn pfn, const Machine& m) const;
    void paintSwap(QPainter& p, const Fonts& f) const;
    void paintStep(QPainter& p, const Fonts& f, double t) const;
    void paintLegend(QPainter& p, const Fonts& f) const;

    ViewContext* m_ctx;
    std::optional<Event> m_override;

    mutable bool m_dirty = true;
    mutable std::vector<Queue> m_queues;
    mutable std::vector<Queue> m_before; ///< the same lists in the machine before the step
    mutable std::vector<SwapPanel> m_panels;
    mutable QRectF m_header, m_caption, m_legend, m_lruTitle, m_swapArea;
    mutable QString m_captionText;
    mutable qreal m_labelW = 0;
    mutable qreal m_cellPx = 16;

    // Swap grids painted into images, one pixel per cell; rebuilt when a swap map
    // changes (compared by shared chunks), the geometry or the theme.
    mutable std::vector<QImage> m_gridImages;
    mutable std::vector<CowChunks<SwapMapChunk>> m_gridMaps;
    mutable std::vector<SwapGridGeometry> m_gridGeos;
    mutable int m_gridGeneration = -1; ///< Palette::generation() of the grid images' colours
    mutable bool m_gridsValid = false;
};

} // namespace memviz
