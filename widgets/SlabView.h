#pragma once
/// The slab allocator above the buddy allocator (the notes' kmem_cache picture): one row
/// per slab cache with its geometry and counts, and its slabs as strips of object cells
/// (filled = in use, hollow = free, a dot on the object handed out next) grouped by list:
/// full | partial | free under SLAB, cpu slab | partial | full under SLUB. The current
/// step is animated: an object cell filling or emptying, a new slab sliding in from the
/// buddy allocator and an empty one going back to it, a slab moving between lists.
/// Clicking a slab selects its first frame, so the physical map shows where it lies.

#include "Palette.h"
#include "alloc/Kmem.h"
#include "sim/Event.h"

#include <QRectF>
#include <QString>
#include <QWidget>

#include <cstdint>
#include <optional>
#include <vector>

class QComboBox;
class QLabel;
class QPainter;
class QScrollBar;

namespace memviz {

class ViewContext;
struct Machine;

/// Where the objects of one slab go inside its strip. The strip stands for the slab's
/// 2^order pages; object i covers [i·size, (i+1)·size) of it and what is left at the
/// end is the slab's leftover. Cells narrower than kMinCellPx are drawn as a density
/// bar (share of objects in use per pixel column) instead.
struct SlabStripGeometry {
    static constexpr double kMinCellPx = 3.0;  ///< below: a density bar
    static constexpr double kHollowCellPx = 6.0; ///< from here on free cells are drawn hollow with gaps

    QRectF rect;                ///< the whole slab (its pages)
    std::uint32_t objects = 0;  ///< objects per slab
    std::uint32_t size = 0;     ///< object stride in bytes
    std::uint64_t bytes = 0;    ///< slab size: page size << order

    static SlabStripGeometry make(const QRectF& rect, std::uint32_t objects, std::uint32_t size, std::uint64_t bytes);
    double cellWidth() const;
    bool dense() const { return cellWidth() < kMinCellPx; }
    /// The cell of object i (empty past the last object).
    QRectF cellRect(std::uint32_t i) const;
    /// The object under x (nothing over the leftover or outside the strip).
    std::optional<std::uint32_t> objectAt(double x) const;
    /// The part of the strip after the last object.
    QRectF leftoverRect() const;
};

class SlabView : public QWidget {
    Q_OBJECT
public:
    /// Which caches get a row.
    enum class Filter : std::uint8_t {
        InUse,   ///< caches with slabs, the script's own caches and the cache of the current step
        All,     ///< every cache
        Kmalloc, ///< the kmalloc-N size classes (and the cache of the current step)
    };
    Q_ENUM(Filter)

    explicit SlabView(ViewContext* ctx, QWidget* parent = nullptr);
    ~SlabView() override;

    QSize sizeHint() const override { return QSize(1000, 600); }
    QSize minimumSizeHint() const override { return QSize(420, 280); }

    Filter filter() const { return m_filter; }
    void setFilter(Filter f);

    /// Shows `e` as the current step instead of the context's event: for tests and
    /// hand-made states (a context without a run has no events). The next state change
    /// of the context drops it.
    void setStepEvent(std::optional<Event> e);

    /// Scrolls the rows so that the cache's row is in view (when it has one).
    void scrollToCache(std::uint32_t cache);

    /// One slab as drawn.
    struct Strip {
        Pfn pfn = 0;
        SlabList list = SlabList::Free;
        SlabStripGeometry geo;
    };
    /// One list of a cache as drawn (a labelled group of strips).
    struct Group {
        SlabList list = SlabList::Full;
        QRectF rect;   ///< label and strips
        QRectF label;
        QRectF area;   ///< where the strips go
        std::uint64_t slabs = 0;  ///< slabs on the list
        std::vector<Strip> strips; ///< those shown, in list order (the current step's slab always among them)
        std::uint64_t hidden = 0;  ///< slabs not shown
        QRectF more;               ///< the "+N more" box (empty when hidden == 0)
    };
    /// One cache's row.
    struct Row {
        std::uint32_t cache = 0;
        QRectF rect;    ///< the whole row (widget coordinates; may lie outside the rows' viewport)
        QRectF header;  ///< name and numbers
        std::vector<Group> groups; ///< three: SLAB full, partial, free; SLUB cpu, partial, full
        QRectF info;    ///< the current step's slab: its pfn range (empty in other rows)
        QRectF buddy;   ///< the "buddy allocator" box a new slab comes from (current row of a grow or shrink)
    };
    /// The rows shown, top to bottom, for the machine at the cursor.
    const std::vector<Row>& rows() const;
    /// The row of `cache`, nullptr when it has none.
    const Row* row(std::uint32_t cache) const;
    /// Where the rows are drawn (between the caption and the legend); rows scroll inside it.
    QRectF rowsViewport() const;
    /// The strip of the slab at `pfn`, nullptr when it is not shown.
    const Strip* strip(Pfn pfn) const;
    /// The cell of object `index` of the slab at `pfn`, empty when not shown.
    QRectF objectRect(Pfn pfn, std::uint32_t index) const;

    /// What is under a point: a cache row, maybe a slab, maybe one of its objects.
    struct Hit {
        std::uint32_t cache = kNoCache;
        std::optional<Pfn> slab;
        std::optional<std::uint32_t> object;
        std::optional<SlabList> group; ///< over a group's label or strips
        bool more = false;             ///< over a "+N more" box
        bool leftover = false;         ///< over a slab's leftover bytes
    };
    Hit hitTest(QPointF p) const;

    /// What the current step is about: its cache, its slab and the object (kmalloc
    /// narrations name the object by address).
    std::optional<std::uint32_t> highlightedCache() const;
    std::optional<Pfn> highlightedSlab() const;
    std::optional<std::uint32_t> highlightedObject() const;

    /// The sentence under the title (what the step did, or how to read the lists of
    /// this machine's allocator).
    QString captionText() const;
    /// The label of a list as drawn above its group ("partial · 3").
    QString groupLabel(std::uint32_t cache, SlabList l, std::uint64_t slabs) const;
    /// Tooltip of an object: cache, slab pfn range, index, kernel address, used or free.
    QString toolTipForObject(Pfn slab, std::uint32_t index) const;
    /// Tooltip of whatever is at p (empty when nothing).
    QString toolTipAt(QPointF p) const;

signals:
    void filterChanged(memviz::SlabView::Filter filter);
    /// The user clicked a slab (its first frame is now the context's selected frame).
    void slabClicked(quint64 pfn);

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void changeEvent(QEvent* event) override;
    bool event(QEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;

private:
    struct Fonts;
    struct Metrics;

public:
    struct Plan; ///< how a row's strips are laid out (SlabView.cpp)

private:

    void onStateChanged(bool step);
    void invalidate();
    void retranslate();
    void ensureLayout() const;
    const Event* stepEvent() const;
    QString stepCaption() const;
    std::vector<std::uint32_t> shownCaches() const;
    void layoutGroups(const Machine& m, Row& row, const Plan& plan, const Metrics& mx) const;
    QString cacheToolTip(std::uint32_t cache) const;
    QString listToolTip(SlabList l) const;
    const Row* beforeRow(std::uint32_t cache) const;

    void paintHeader(QPainter& p, const Fonts& f) const;
    void paintRow(QPainter& p, const Fonts& f, const Row& row, double t) const;
    void paintStrips(QPainter& p, const Row& row, const Row* before, double t) const;
    void paintStep(QPainter& p, const Fonts& f, const Row& row, double t) const;
    void paintLegend(QPainter& p, const Fonts& f) const;

    ViewContext* m_ctx;
    QLabel* m_filterLabel;
    QComboBox* m_filterBox;
    QScrollBar* m_scroll;
    Filter m_filter = Filter::InUse;
    std::optional<Event> m_override;
    mutable std::optional<std::uint32_t> m_scrollTo; ///< bring this cache's row into view at the next layout

    mutable bool m_dirty = true;
    mutable std::vector<Row> m_rows;
    mutable std::vector<Row> m_before; ///< the same rows for the machine before the step
    mutable QRectF m_header, m_caption, m_viewport, m_legend;
    mutable QString m_captionText;
    mutable qreal m_cellH = 14;
    mutable bool m_compactLegend = false;
    mutable int m_generation = -1; ///< Palette::generation() it was made for (theme, presentation mode)
};

} // namespace memviz
