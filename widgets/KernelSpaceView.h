#pragma once
/// The kernel half of the virtual address space against physical memory: a bar of the
/// architecture's kernel regions (direct map, vmalloc area, pkmap window, fixmap; on
/// 64-bit also vmemmap, kernel text, modules) beside the frames of each zone, and the
/// mappings between them: the direct map as a band from lowmem to the low frames, one
/// line per vmalloc page, per pkmap and kmap_local slot and per slab. A panel sets the
/// last large kmalloc (contiguous frames) beside the last vmalloc (scattered frames).
/// The current step animates: a mapped page's line grows, a kmap slot flashes, a vfree
/// fades, a kernel TLB flush shows a badge.

#include "FrameMapRenderer.h"
#include "Palette.h"
#include "arch/KernelLayout.h"
#include "sim/Event.h"

#include <QImage>
#include <QPointF>
#include <QPolygonF>
#include <QRectF>
#include <QString>
#include <QWidget>

#include <cstdint>
#include <optional>
#include <vector>

class QCheckBox;
class QComboBox;
class QLabel;
class QPainter;

namespace memviz {

class ViewContext;
struct Machine;

/// Places kernel virtual addresses on a vertical bar: 0 at the bottom, 1 at the top.
/// Every region of the layout is one segment of the bar (two for a 64-bit direct map in
/// Break mode: the part that maps RAM and the unused rest). The user half is a stub and
/// the 64-bit non-canonical hole a break in every mode; the modes differ in how the
/// kernel regions share the rest:
///  - Linear: by size, to scale (the default on 32-bit, where the kernel has 1 GiB);
///  - Break: every region a minimum share plus a share by size, every hole a short
///    zig-zag break (the default on 64-bit, where a to-scale bar is 64 TiB of direct map
///    and nothing else);
///  - Log: by the logarithm of the size, and logarithmic inside each region too, so the
///    first pages of a region (where vmalloc and the direct map start) get room.
struct KernelSpaceScale {
    enum class Mode : std::uint8_t { Linear, Break, Log };
    static constexpr double kUserShare = 0.06; ///< the user half's stub
    static constexpr double kCanonShare = 0.035; ///< the 64-bit non-canonical hole

    struct Segment {
        std::uint64_t start = 0;
        std::uint64_t size = 0; ///< bytes (the last 64-bit region ends at 2^64)
        double from = 0, to = 0; ///< share of the bar, bottom .. top
        int region = -1; ///< index into KernelLayout::regions
        bool broken = false; ///< not to scale: drawn with a zig-zag break
    };

    Mode mode = Mode::Linear;
    std::vector<Segment> segments; ///< address order, covering the whole address space

    static KernelSpaceScale make(Mode mode, const KernelLayout& l);
    /// Where va lies on the bar, 0 .. 1 (monotonic in va).
    double fraction(std::uint64_t va) const;
    /// Where an exclusive end address lies (end 0 is 2^64: the top of the bar).
    double fractionOfEnd(std::uint64_t end) const;
    /// The share of the bar region `region` takes (all its segments).
    double share(int region) const;
    const Segment* segmentOf(std::uint64_t va) const;
};

class KernelSpaceView : public QWidget {
    Q_OBJECT
public:
    using Scale = KernelSpaceScale::Mode;
    /// The kmalloc-vs-vmalloc panel: shown when both exist (Auto), always, or never.
    enum class Compare : std::uint8_t { Auto, On, Off };
    /// What a mapping line stands for.
    enum class LineKind : std::uint8_t {
        Vmalloc, ///< a page of a vmalloc area
        KernelStack, ///< a page of a vmalloc'd kernel stack (64-bit)
        DirectStack, ///< an x86-32 kernel stack, in the direct map
        Pkmap, ///< a pkmap slot in use (kmap of a HighMem page)
        KmapLocal, ///< a kmap_local slot in the fixmap
        DirectPage, ///< kmap() of a page the direct map reaches (the current step only)
        Slab, ///< a slab, in the direct map
        Kmalloc, ///< a large kmalloc's block, in the direct map
    };

    explicit KernelSpaceView(ViewContext* ctx, QWidget* parent = nullptr);
    ~KernelSpaceView() override;

    QSize sizeHint() const override { return QSize(1200, 800); }
    QSize minimumSizeHint() const override { return QSize(480, 360); }

    /// The scale in use: the user's choice, else the architecture's default.
    Scale scale() const;
    /// Chooses the scale (kept for later machines).
    void setScale(Scale s);
    /// To scale on 32-bit, breaks over the holes on 64-bit.
    static Scale defaultScale(const Machine& m);

    Compare compare() const { return m_compare; }
    void setCompare(Compare c);
    /// Whether the kmalloc-vs-vmalloc panel is on screen.
    bool compareShown() const;

    /// Shows `e` as the current step instead of the context's event: for tests and
    /// hand-made states. The next state change of the context drops it.
    void setStepEvent(std::optional<Event> e);

    // ---- the picture as laid out (widget coordinates), for tests and exports ----

    /// One region of the layout on the virtual bar.
    struct RegionBox {
        int region = -1; ///< index into KernelLayout::regions
        KernelRegionKind kind = KernelRegionKind::Hole;
        std::uint64_t start = 0, end = 0; ///< as in the layout (end 0: 2^64)
        QRectF rect; ///< on the bar
        QRectF label; ///< its label (empty when it has none)
        QString name; ///< the label's first line
        bool broken = false; ///< drawn with a zig-zag break (not to scale)
    };
    /// The frames of one zone as a raster: row-major from the bottom-left, `framesPerCell`
    /// frames to a cell of cellPx × cellPx pixels.
    struct ZoneStrip {
        int zoneId = -1; ///< -1: frames outside every zone
        Pfn start = 0, end = 0;
        QRectF rect; ///< the room it has
        QRectF image; ///< where its cells are drawn (bottom-left of rect)
        int cols = 1, rows = 1, cellPx = 1;
        std::uint64_t cells = 0; ///< cells in use: frame offset o is in cell o * cells / frames
        double framesPerCell = 1;
    };
    /// A line from a mapped virtual page to its frame.
    struct MapLine {
        LineKind kind = LineKind::Vmalloc;
        std::uint64_t va = 0;
        Pfn pfn = 0;
        QPointF from, to; ///< virtual side, frame (to == pointOfFrame(pfn))
        bool current = false; ///< drawn bold in the highlight colour
        bool grows = false; ///< grows from `from` to `to` with the step's progress
        bool fades = false; ///< fades out with the step's progress (a vfree, a kunmap)
    };
    /// A magnified stretch of the virtual bar: one cell per page (a vmalloc area with its
    /// guard page on top, the kernel stacks, the pkmap slots or kmap_local slots in use),
    /// addresses growing upwards like the bar's.
    struct Inset {
        LineKind kind = LineKind::Vmalloc;
        std::uint64_t start = 0, end = 0; ///< the virtual range it magnifies
        QRectF rect; ///< the cells
        QRectF label; ///< the name above it
        QString text;
        QString shortText; ///< the name when `text` does not fit
        std::vector<std::uint64_t> vas; ///< per cell, bottom first
        std::vector<Pfn> pfns; ///< per cell; kNoPfn: not mapped (a guard page)
        int flash = -1; ///< the cell the current step maps or unmaps
        bool guard = false; ///< the top cell is the area's guard page
        bool current = false;
        bool fades = false;
        QRectF cell(std::size_t i) const;
    };
    /// The direct map drawn as a band from its virtual range to the frames it maps.
    struct DirectBand {
        QPolygonF polygon; ///< empty when the machine has no direct map
        double virtualTop = 0, virtualBottom = 0; ///< y on the virtual bar: high_memory, PAGE_OFFSET
        double physicalTop = 0, physicalBottom = 0; ///< y on the physical bar
        Pfn frames = 0; ///< frames it maps: lowmem ([0, high_memory - PAGE_OFFSET))
    };
    /// One side of the kmalloc-vs-vmalloc panel.
    struct CompareCard {
        bool vmalloc = false; ///< else the large kmalloc
        std::uint64_t va = 0, bytes = 0;
        std::vector<Pfn> frames; ///< per page, in address order (those shown)
        std::uint64_t pages = 0; ///< all its pages
        int runs = 0; ///< runs of consecutive frames among all its pages
        QRectF rect;
        std::vector<QRectF> pageCells; ///< per page shown
        std::vector<QRectF> frameCells; ///< the frame of each page shown
    };

    const std::vector<RegionBox>& regions() const;
    const std::vector<ZoneStrip>& strips() const;
    const std::vector<MapLine>& lines() const;
    const std::vector<Inset>& insets() const;
    const DirectBand& directBand() const;
    const std::vector<CompareCard>& compareCards() const;
    QRectF virtualBar() const;
    QRectF physicalBar() const;
    /// The y of a kernel virtual address on the bar.
    double yOfAddress(std::uint64_t va) const;
    /// The centre of a frame's cell on the physical bar.
    std::optional<QPointF> pointOfFrame(Pfn p) const;
    /// The frame under pos: a line's end or an inset's or panel's cell nearby, else the cell of the physical bar.
    std::optional<Pfn> frameAt(QPointF pos) const;
    /// Tooltip for a widget position (empty where there is nothing to explain).
    QString toolTipAt(QPointF pos) const;
    /// The text under the header: what the current step did, or how to read the view.
    QString captionText() const;
    /// The "TLB flushed" badge of a kernel TLB flush step (empty when not shown).
    QRectF tlbBadgeRect() const;
    /// The simplifications footnote.
    QString footnoteText() const;

signals:
    void scaleChanged(memviz::KernelSpaceView::Scale scale);

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void changeEvent(QEvent* event) override;
    bool event(QEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;

private:
    struct Fonts;
    struct CompareData;
    struct Label {
        QRectF rect;
        QString line1, line2, line3;
        QColor ink;
        double anchorY = 0; ///< where its leader points
    };

    void onStateChanged();
    void invalidate();
    void retranslate();
    void placeHeader() const;
    void ensureLayout() const;
    const Event* stepEvent() const;
    QString stepCaption() const;
    QString defaultCaption() const;

    void scanFrames() const;
    CompareData findCompareData() const;
    void layoutRegions(const Fonts& f) const;
    void layoutStrips(const Fonts& f) const;
    void layoutMappings(const Fonts& f) const;
    void layoutCompare(const Fonts& f, const CompareData& d) const;
    void renderStrips() const;
    const ZoneStrip* stripOf(Pfn p) const;
    QString frameText(Pfn p) const;

    void paintHeader(QPainter& p, const Fonts& f) const;
    void paintVirtualBar(QPainter& p, const Fonts& f) const;
    void paintPhysicalBar(QPainter& p, const Fonts& f) const;
    /// Each paints the settled part (overlay false, into the cache) or what the step
    /// moves at progress t (overlay true, over it).
    void paintMappings(QPainter& p, const Fonts& f, double t, bool overlay) const;
    void paintInsets(QPainter& p, const Fonts& f, double t, bool overlay) const;
    void paintCompare(QPainter& p, const Fonts& f, double t, bool overlay) const;
    void paintFooter(QPainter& p, const Fonts& f) const;

    ViewContext* m_ctx;
    QLabel* m_scaleLabel;
    QComboBox* m_scaleBox;
    QCheckBox* m_compareBox;
    std::optional<Scale> m_userScale;
    Compare m_compare = Compare::Auto;
    std::optional<Event> m_override;

    mutable bool m_dirty = true;
    mutable bool m_imagesDirty = true;
    mutable bool m_scanDirty = true;
    mutable bool m_cacheDirty = true;
    mutable QImage m_cache; ///< the settled picture
    mutable QSize m_laidOut; ///< the size the layout is for
    mutable int m_generation = -1; ///< Palette::generation() it was made for (theme, presentation mode)
    mutable KernelSpaceScale m_scale;
    mutable QRectF m_header, m_caption, m_legend, m_footnote, m_panel, m_vbar, m_pbar, m_vhead, m_phead, m_badge,
        m_linesArea;
    mutable QString m_captionText, m_badgeText, m_bandText1, m_bandText2, m_vheadText, m_pheadText;
    mutable QRectF m_bandLabel; ///< the direct map's rule inside its band (empty: no room)
    mutable bool m_compareShown = false;
    mutable std::vector<RegionBox> m_regions;
    mutable std::vector<Label> m_regionLabels; ///< parallel to m_regions (empty rect: none)
    mutable std::vector<ZoneStrip> m_strips;
    mutable std::vector<Label> m_stripLabels; ///< parallel to m_strips
    mutable std::vector<QImage> m_stripImages; ///< parallel to m_strips
    mutable std::vector<std::uint64_t> m_stripKey; ///< the strips' geometry the images were made for
    mutable std::vector<MapLine> m_lines;
    mutable std::vector<Inset> m_insets;
    mutable DirectBand m_band;
    mutable std::vector<CompareCard> m_cards;
    mutable QString m_compareEmpty; ///< the panel's text when a side is missing
    mutable FrameMapRenderer m_renderer;
    /// Frames found by scanning the frame table: large kmalloc blocks and x86-32 stacks.
    mutable std::vector<std::pair<Pfn, int>> m_largeBlocks; ///< head, order
    mutable std::vector<std::pair<Pfn, int>> m_directStacks; ///< head, order
};

} // namespace memviz
