#include "SlabView.h"

#include "EventText.h"
#include "ViewContext.h"
#include "sim/Machine.h"

#include <QComboBox>
#include <QEasingCurve>
#include <QEvent>
#include <QHelpEvent>
#include <QImage>
#include <QLabel>
#include <QLinearGradient>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>
#include <QSignalBlocker>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <array>
#include <cmath>

namespace memviz {

using namespace Qt::StringLiterals;

namespace {

constexpr Pfn kNoSlab = ~Pfn(0);

QString num(std::uint64_t v)
{
    return QLocale().toString(qulonglong(v));
}

/// Highlight colour for text and lines: lifted on the dark theme.
QColor hot()
{
    return Palette::isDark() ? Palette::highlight().lighter(140) : Palette::highlight();
}

/// 0 before `from`, 1 after `to`, linear in between.
double ramp(double t, double from, double to)
{
    return std::clamp((t - from) / (to - from), 0.0, 1.0);
}

QRectF lerp(const QRectF& a, const QRectF& b, double t)
{
    return QRectF(a.left() + (b.left() - a.left()) * t, a.top() + (b.top() - a.top()) * t,
        a.width() + (b.width() - a.width()) * t, a.height() + (b.height() - a.height()) * t);
}

QColor slabColour()
{
    return Palette::frame(ZoneType::Normal, FrameState::Slab);
}
/// The inside of a slab: its free bytes.
QColor stripFill()
{
    return Palette::tint(slabColour(), Palette::isDark() ? 0.16 : 0.09);
}
/// The outline of a free object.
QColor freeEdge()
{
    return Palette::tint(slabColour(), Palette::isDark() ? 0.75 : 0.65);
}
QColor buddyFill()
{
    return Palette::frame(ZoneType::Normal, FrameState::Free);
}

bool isSlub(const Machine& m)
{
    return m.config.slab == SlabKind::Slub;
}

QString cacheName(const Machine& m, std::uint32_t c)
{
    if (c >= m.kmem.caches.size()) return QString();
    return QString::fromStdString(m.str(m.kmem.caches[c].name));
}

/// The three groups of a row, left to right.
std::array<SlabList, 3> groupLists(bool slub)
{
    if (slub) return { SlabList::Cpu, SlabList::Partial, SlabList::Full };
    return { SlabList::Full, SlabList::Partial, SlabList::Free };
}

/// The slabs of list l of a cache, every node's in turn, in list order (front first).
std::vector<Pfn> listSlabs(const SlabCache& c, SlabList l)
{
    std::vector<Pfn> out;
    if (l == SlabList::Cpu) {
        if (c.cpuSlab != kNoSlab) out.push_back(c.cpuSlab);
        return out;
    }
    for (const SlabNodeLists& n : c.nodes) {
        const std::vector<Pfn>& v = l == SlabList::Full ? n.full : l == SlabList::Partial ? n.partial : n.free;
        out.insert(out.end(), v.begin(), v.end());
    }
    return out;
}

std::uint64_t listCount(const Machine& m, std::uint32_t cache, SlabList l)
{
    if (cache >= m.kmem.caches.size()) return 0;
    const SlabCache& c = m.kmem.caches[cache];
    if (l == SlabList::Cpu) return c.cpuSlab != kNoSlab ? 1 : 0;
    std::uint64_t n = 0;
    for (const SlabNodeLists& nl : c.nodes)
        n += (l == SlabList::Full ? nl.full : l == SlabList::Partial ? nl.partial : nl.free).size();
    return n;
}

const Slab* findSlab(const Machine& m, Pfn pfn)
{
    const auto it = m.kmem.slabs.find(pfn);
    return it == m.kmem.slabs.end() ? nullptr : &it->second;
}

/// The object the cache hands out next (its slab and index); nothing when the next
/// allocation has to grow the cache. Node 0's lists: the one CPU sits on node 0.
std::optional<std::pair<Pfn, std::uint32_t>> nextObject(const Machine& m, std::uint32_t cache)
{
    if (cache >= m.kmem.caches.size()) return std::nullopt;
    const SlabCache& c = m.kmem.caches[cache];
    Pfn slab = kNoSlab;
    if (isSlub(m)) {
        if (c.cpuSlab != kNoSlab) {
            const Slab* s = findSlab(m, c.cpuSlab);
            if (s && !s->freeObjs.empty()) slab = c.cpuSlab;
        }
        if (slab == kNoSlab && !c.nodes.empty() && !c.nodes[0].partial.empty()) slab = c.nodes[0].partial.front();
    } else if (!c.nodes.empty()) {
        if (!c.nodes[0].partial.empty())
            slab = c.nodes[0].partial.front();
        else if (!c.nodes[0].free.empty())
            slab = c.nodes[0].free.front();
    }
    const Slab* s = slab == kNoSlab ? nullptr : findSlab(m, slab);
    if (!s || s->freeObjs.empty()) return std::nullopt;
    return std::make_pair(slab, std::uint32_t(s->freeObjs.back()));
}

QString listName(SlabList l)
{
    switch (l) {
    case SlabList::Full:
        return SlabView::tr("full");
    case SlabList::Partial:
        return SlabView::tr("partial");
    case SlabList::Free:
        return SlabView::tr("free");
    case SlabList::Cpu:
        return SlabView::tr("cpu slab");
    }
    return QString();
}

struct LegendItem {
    enum Kind { Used, FreeObj, Next, Dense, Leftover, Step } kind;
    QString text;
};

/// The legend; `compact` shortens the texts for a small view.
std::vector<LegendItem> legendItems(bool compact)
{
    return {
        { LegendItem::Used, compact ? SlabView::tr("in use") : SlabView::tr("object in use") },
        { LegendItem::FreeObj, compact ? SlabView::tr("free") : SlabView::tr("free object") },
        { LegendItem::Next, compact ? SlabView::tr("next") : SlabView::tr("handed out next") },
        { LegendItem::Dense,
            compact ? SlabView::tr("share in use") : SlabView::tr("share in use (objects too small to draw)") },
        { LegendItem::Leftover, SlabView::tr("left over") },
        { LegendItem::Step, SlabView::tr("this step") },
    };
}

/// The legend's items flowed into `width` from (0, 0): one box per item.
std::vector<QRectF> flowLegend(const QFont& font, qreal width, bool compact)
{
    const QFontMetricsF fm(font);
    const qreal h = fm.lineSpacing() * 1.25, s = h * 0.7;
    std::vector<QRectF> out;
    qreal x = 0, y = 0;
    for (const LegendItem& it : legendItems(compact)) {
        const qreal need = s * 1.6 + 5 + fm.horizontalAdvance(it.text) + h * 0.8;
        if (x > 0 && x + need > width) {
            x = 0;
            y += h;
        }
        out.emplace_back(x, y, need, h);
        x += need;
    }
    return out;
}

/// Rects of cells collected over many strips, painted in a few calls.
struct CellBatch {
    QList<QRectF> used, hollow;
};

} // namespace

// ---- SlabStripGeometry --------------------------------------------------------------------

SlabStripGeometry SlabStripGeometry::make(const QRectF& rect, std::uint32_t objects, std::uint32_t size,
    std::uint64_t bytes)
{
    SlabStripGeometry g;
    g.rect = rect;
    g.objects = objects;
    g.size = size;
    g.bytes = std::max<std::uint64_t>(bytes, std::uint64_t(objects) * size);
    return g;
}

double SlabStripGeometry::cellWidth() const
{
    if (bytes == 0) return 0;
    return rect.width() * double(size) / double(bytes);
}

QRectF SlabStripGeometry::cellRect(std::uint32_t i) const
{
    if (i >= objects) return QRectF();
    const double w = cellWidth();
    return QRectF(rect.left() + w * i, rect.top(), w, rect.height());
}

std::optional<std::uint32_t> SlabStripGeometry::objectAt(double x) const
{
    const double w = cellWidth();
    if (w <= 0 || x < rect.left() || x >= rect.right()) return std::nullopt;
    const auto i = static_cast<std::uint32_t>((x - rect.left()) / w);
    if (i >= objects) return std::nullopt;
    return i;
}

QRectF SlabStripGeometry::leftoverRect() const
{
    const double used = cellWidth() * objects;
    if (rect.width() - used < 0.5) return QRectF();
    return QRectF(rect.left() + used, rect.top(), rect.width() - used, rect.height());
}

// ---- fonts and metrics --------------------------------------------------------------------

struct SlabView::Fonts : ScaledFonts {
    explicit Fonts(const QWidget* w) : ScaledFonts(w, 40.0, 68.0, 26.0) {}
};

struct SlabView::Metrics {
    qreal pad = 8, lh = 18, slh = 15;
    qreal cellH = 14, lineGap = 4, colGap = 6, groupGap = 12, minStripW = 40;
    qreal rowPadTop = 4, rowPadBottom = 6, rowGap = 4;
    int maxLines = 3;
};

/// How a row's slabs are laid out: as many lines as the fullest group needs (up to
/// maxLines), and per group a strip width and the strips on a line. A list with few slabs
/// keeps wide strips whose objects can be seen; a crowded one narrows its strips, then
/// folds the rest into "+N more".
struct SlabView::Plan {
    std::array<double, 3> stripW { 40, 40, 40 };
    std::array<int, 3> cols { 1, 1, 1 };
    int lines = 1;
};

namespace {

/// The plan for three groups of width gw holding counts[k] slabs of `objects` objects
/// that fill `share` of the slab: cells about as wide as they are tall while the strip
/// fits a group, strips side by side when there are more slabs than lines, narrower
/// strips down to minStripW when even that does not fit.
SlabView::Plan makePlan(const std::array<std::uint64_t, 3>& counts, double gw, std::uint32_t objects, double share,
    double cellH, double colGap, double minStripW, int maxLines)
{
    SlabView::Plan pl;
    const double minW = std::min(minStripW, gw);
    const double target = std::clamp(double(std::max<std::uint32_t>(objects, 1)) * cellH / std::max(share, 0.05), minW, gw);
    const int colsAtTarget = std::max(1, int(std::floor((gw + colGap) / (target + colGap))));
    std::uint64_t lines = 1;
    for (std::uint64_t n : counts) lines = std::max(lines, (n + std::uint64_t(colsAtTarget) - 1) / std::uint64_t(colsAtTarget));
    pl.lines = int(std::min<std::uint64_t>(lines, std::uint64_t(maxLines)));
    for (std::size_t k = 0; k < counts.size(); ++k) {
        const std::uint64_t n = counts[k];
        pl.stripW[k] = target;
        pl.cols[k] = colsAtTarget;
        if ((n + std::uint64_t(colsAtTarget) - 1) / std::uint64_t(colsAtTarget) <= std::uint64_t(pl.lines)) continue;
        const std::uint64_t cols = (n + std::uint64_t(pl.lines) - 1) / std::uint64_t(pl.lines);
        pl.cols[k] = int(std::min<std::uint64_t>(cols, 100000));
        pl.stripW[k] = (gw - double(pl.cols[k] - 1) * colGap) / pl.cols[k];
        if (pl.stripW[k] < minW) {
            pl.stripW[k] = minW;
            pl.cols[k] = std::max(1, int(std::floor((gw + colGap) / (minW + colGap))));
        }
    }
    return pl;
}

} // namespace

// ---- the view -----------------------------------------------------------------------------

SlabView::SlabView(ViewContext* ctx, QWidget* parent)
    : QWidget(parent)
    , m_ctx(ctx)
    , m_filterLabel(new QLabel(this))
    , m_filterBox(new QComboBox(this))
    , m_scroll(new QScrollBar(Qt::Vertical, this))
{
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMouseTracking(true);
    m_filterLabel->setBuddy(m_filterBox);
    m_filterBox->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    for (int i = 0; i < 3; ++i) m_filterBox->addItem(QString());
    connect(m_filterBox, &QComboBox::activated, this, [this](int i) { setFilter(static_cast<Filter>(i)); });
    m_scroll->hide();
    connect(m_scroll, &QScrollBar::valueChanged, this, [this] { invalidate(); });
    connect(m_ctx, &ViewContext::stateChanged, this, &SlabView::onStateChanged);
    connect(m_ctx, &ViewContext::progressChanged, this, qOverload<>(&QWidget::update));
    connect(m_ctx, &ViewContext::selectionChanged, this, [this] {
        // A slab frame picked in another view (the physical map): bring its cache's row into view.
        const Machine& m = m_ctx->machine();
        if (const auto sel = m_ctx->selectedFrame(); sel && *sel < m.frames.size()) {
            const Pfn head = m.frames.headOf(*sel);
            if (m.frames.state(head) == FrameState::Slab)
                if (const Slab* s = findSlab(m, head)) m_scrollTo = s->cache;
        }
        invalidate();
    });
    retranslate();
    m_scrollTo = highlightedCache();
}

SlabView::~SlabView() = default;

void SlabView::setFilter(Filter f)
{
    if (f == m_filter) return;
    m_filter = f;
    m_filterBox->setCurrentIndex(static_cast<int>(f));
    m_scrollTo = highlightedCache();
    invalidate();
    emit filterChanged(f);
}

void SlabView::setStepEvent(std::optional<Event> e)
{
    m_override = e;
    m_scrollTo = highlightedCache();
    invalidate();
}

void SlabView::scrollToCache(std::uint32_t cache)
{
    m_scrollTo = cache;
    invalidate();
}

const Event* SlabView::stepEvent() const
{
    return m_override ? &*m_override : m_ctx->currentEvent();
}

void SlabView::onStateChanged(bool)
{
    m_override.reset();
    m_scrollTo = highlightedCache();
    invalidate();
}

void SlabView::invalidate()
{
    m_dirty = true;
    update();
}

void SlabView::retranslate()
{
    m_filterLabel->setText(tr("S&how:"));
    m_filterBox->setItemText(0, tr("caches in use"));
    m_filterBox->setItemText(1, tr("all caches"));
    m_filterBox->setItemText(2, tr("kmalloc only"));
    m_filterBox->setCurrentIndex(static_cast<int>(m_filter));
    m_filterBox->setToolTip(tr("\"Caches in use\": caches that have slabs, the caches a script created and the cache "
                               "of the current step. The kernel's boot caches (kmalloc-8 … kmalloc-8k, kmem_cache, "
                               "task_struct) are listed after the script's own."));
    setAccessibleName(tr("Slab caches"));
    setAccessibleDescription(
        tr("Each slab cache with its slabs on their lists, and the objects of each slab in use or free"));
    invalidate();
}

void SlabView::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    else if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange)
        invalidate();
    QWidget::changeEvent(event);
}

void SlabView::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    m_scrollTo = highlightedCache();
    invalidate();
}

void SlabView::wheelEvent(QWheelEvent* event)
{
    if (!m_scroll->isVisible()) {
        QWidget::wheelEvent(event);
        return;
    }
    const int steps = event->angleDelta().y() / 40; // three single steps a notch
    m_scroll->setValue(m_scroll->value() - steps * m_scroll->singleStep());
    event->accept();
}

void SlabView::mousePressEvent(QMouseEvent* event)
{
    if (event->button() == Qt::LeftButton) {
        const Hit h = hitTest(event->position());
        if (h.slab) {
            m_ctx->setSelectedFrame(*h.slab);
            emit slabClicked(quint64(*h.slab));
            event->accept();
            return;
        }
    }
    QWidget::mousePressEvent(event);
}

bool SlabView::event(QEvent* event)
{
    if (event->type() == QEvent::ToolTip) {
        auto* he = static_cast<QHelpEvent*>(event);
        const QString s = toolTipAt(he->pos());
        if (s.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(he->globalPos(), s, this, QRect(he->pos() - QPoint(2, 2), QSize(4, 4)));
        return true;
    }
    return QWidget::event(event);
}

// ---- state --------------------------------------------------------------------------------

std::optional<std::uint32_t> SlabView::highlightedCache() const
{
    const Event* e = stepEvent();
    if (!e) return std::nullopt;
    const Machine& m = m_ctx->machine();
    std::uint64_t c = kNoCache;
    switch (e->type) {
    case EventType::SlabCacheNew:
    case EventType::Kmalloc:
        c = e->c;
        break;
    case EventType::SlabGrow:
    case EventType::SlabAlloc:
    case EventType::SlabFree:
    case EventType::SlabShrink:
        c = e->b;
        break;
    default:
        return std::nullopt;
    }
    if (c >= m.kmem.caches.size()) return std::nullopt;
    return std::uint32_t(c);
}

std::optional<Pfn> SlabView::highlightedSlab() const
{
    const Event* e = stepEvent();
    if (!e || !highlightedCache()) return std::nullopt;
    switch (e->type) {
    case EventType::SlabGrow:
    case EventType::SlabAlloc:
    case EventType::SlabFree:
    case EventType::SlabShrink:
        return e->pfn;
    case EventType::Kmalloc: {
        Pfn slab = 0;
        if (kmem::objectCache(m_ctx->machine(), e->a, &slab) != kNoCache) return slab;
        if (kmem::objectCache(m_ctx->previousMachine(), e->a, &slab) != kNoCache) return slab;
        return std::nullopt;
    }
    default:
        return std::nullopt;
    }
}

std::optional<std::uint32_t> SlabView::highlightedObject() const
{
    const Event* e = stepEvent();
    if (!e || !highlightedCache()) return std::nullopt;
    switch (e->type) {
    case EventType::SlabAlloc:
    case EventType::SlabFree:
        return std::uint32_t(e->c);
    case EventType::Kmalloc: {
        std::uint32_t idx = 0;
        if (kmem::objectCache(m_ctx->machine(), e->a, nullptr, &idx) != kNoCache) return idx;
        if (kmem::objectCache(m_ctx->previousMachine(), e->a, nullptr, &idx) != kNoCache) return idx;
        return std::nullopt;
    }
    default:
        return std::nullopt;
    }
}

QString SlabView::captionText() const
{
    const QString s = stepCaption();
    if (!s.isEmpty()) return s;
    if (isSlub(m_ctx->machine()))
        return tr("SLUB (Linux 6.8+): the CPU allocates from its cpu slab, then from a slab of the node's partial "
                  "list, then from a new slab from the buddy allocator. Full slabs are on no list (drawn apart here).");
    return tr("SLAB, as the notes draw it: each cache has three lists, full, partial and free. Allocation takes a "
              "partial slab, then a free one, and only then grows the cache by a slab from the buddy allocator.");
}

QString SlabView::stepCaption() const
{
    const Event* e = stepEvent();
    const auto cache = highlightedCache();
    if (!e) return QString();
    const Machine& m = m_ctx->machine();
    const Machine& pm = m_ctx->previousMachine();
    const std::uint64_t ps = m.pageSize();
    if (e->type == EventType::Kmalloc && !cache && e->c == kNoCache) {
        if (e->flags & EventFlag::Free)
            return tr("kfree(%1): a large kmalloc is not in a slab; its %2 go straight back to the buddy allocator.")
                .arg(EventText::hex(e->a), EventText::pages(std::uint64_t(1) << e->order));
        return tr("kmalloc(%1) is larger than %2: it goes straight to the buddy allocator (order %3 at pfn %4), "
                  "no slab cache.")
            .arg(QString::number(e->b), EventText::bytes(kmem::kKmallocMaxCacheSize))
            .arg(e->order)
            .arg(EventText::pfn(e->pfn));
    }
    if (!cache) return QString();
    const SlabCache& c = m.kmem.caches[*cache];
    const QString name = cacheName(m, *cache);
    const auto range = [&](Pfn pfn, int order) {
        const Pfn last = pfn + (Pfn(1) << order) - 1;
        return last == pfn ? EventText::pfn(pfn) : tr("%1–%2").arg(EventText::pfn(pfn), EventText::pfn(last));
    };
    // A sentence on the slab's list change, when it has one.
    const auto moved = [&](Pfn pfn) -> QString {
        const Slab* a = findSlab(pm, pfn);
        const Slab* b = findSlab(m, pfn);
        if (!a || !b || a->list == b->list) return QString();
        if (b->list == SlabList::Cpu)
            return tr(" The slab becomes the cpu slab.");
        return tr(" The slab moves from the %1 list to the %2 list.").arg(listName(a->list), listName(b->list));
    };
    switch (e->type) {
    case EventType::SlabCacheNew:
        return tr("kmem_cache_create(\"%1\", %2): objects of %3 bytes (stride %4), %5 per slab of %6 (order %7). "
                  "It has no slabs yet: the first allocation grows it.")
            .arg(name, QString::number(c.objectSize), num(c.objectSize), num(c.size), num(c.objsPerSlab),
                EventText::pages(std::uint64_t(1) << c.order))
            .arg(c.order);
    case EventType::SlabGrow:
        return (isSlub(m) ? tr("%1 grows: the buddy allocator gives %2 (order %3, pfn %4), cut into %5 objects of %6 "
                               "bytes. The new slab becomes the cpu slab.")
                          : tr("%1 grows: the buddy allocator gives %2 (order %3, pfn %4), cut into %5 objects of %6 "
                               "bytes. The new slab joins the free list."))
            .arg(name, EventText::bytes(ps << e->order))
            .arg(e->order)
            .arg(range(e->pfn, e->order), num(c.objsPerSlab), num(c.size));
    case EventType::SlabAlloc: {
        const Slab* s = findSlab(m, e->pfn);
        return tr("%1 hands out object %2 of the slab at pfn %3: address %4 (%5 of %6 objects of the slab in use).")
                   .arg(name, num(e->c), EventText::pfn(e->pfn), EventText::hex(e->a))
                   .arg(s ? s->inuse : 0)
                   .arg(c.objsPerSlab)
            + moved(e->pfn);
    }
    case EventType::SlabFree: {
        const Slab* s = findSlab(m, e->pfn);
        return tr("Object %1 at %2 goes back to its slab of %3 at pfn %4 (%5 of %6 objects of the slab in use).")
                   .arg(num(e->c), EventText::hex(e->a), name, EventText::pfn(e->pfn))
                   .arg(s ? s->inuse : 0)
                   .arg(c.objsPerSlab)
            + moved(e->pfn);
    }
    case EventType::SlabShrink:
        if (e->flags & kSlabDeactivate) {
            const Slab* s = findSlab(m, e->pfn);
            return tr("deactivate_slab(): the cpu slab of %1 goes back to the node, onto the %2 list.")
                .arg(name, s ? listName(s->list) : listName(SlabList::Partial));
        }
        return tr("%1 gives an empty slab back: pfn %2 (order %3) returns to the buddy allocator.")
            .arg(name, range(e->pfn, e->order))
            .arg(e->order);
    case EventType::Kmalloc:
        if (e->flags & EventFlag::Free)
            return tr("kfree(%1): the object belongs to %2, which takes it back.").arg(EventText::hex(e->a), name);
        return tr("kmalloc(%1) is served by %2, the smallest size class that fits: object at %3 (%4 bytes of it "
                  "unused).")
            .arg(QString::number(e->b), name, EventText::hex(e->a))
            .arg(num(c.size > e->b ? c.size - e->b : 0));
    default:
        return QString();
    }
}

QString SlabView::groupLabel(std::uint32_t cache, SlabList l, std::uint64_t slabs) const
{
    (void)cache;
    switch (l) {
    case SlabList::Full:
        return isSlub(m_ctx->machine()) ? tr("full (SLUB keeps no list) · %1").arg(num(slabs))
                                        : tr("full (slabs_full) · %1").arg(num(slabs));
    case SlabList::Partial:
        return isSlub(m_ctx->machine()) ? tr("partial (node list) · %1").arg(num(slabs))
                                        : tr("partial (slabs_partial) · %1").arg(num(slabs));
    case SlabList::Free:
        return tr("free (slabs_free) · %1").arg(num(slabs));
    case SlabList::Cpu:
        return tr("cpu slab");
    }
    return QString();
}

namespace {

/// The short label when the long one does not fit.
QString shortGroupLabel(SlabList l, std::uint64_t slabs)
{
    if (l == SlabList::Cpu) return SlabView::tr("cpu slab");
    return SlabView::tr("%1 · %2").arg(listName(l), num(slabs));
}

} // namespace

QString SlabView::listToolTip(SlabList l) const
{
    const bool slub = isSlub(m_ctx->machine());
    switch (l) {
    case SlabList::Full:
        return slub ? tr("Slabs with every object in use. SLUB keeps them on no list (only with slub_debug); memviz "
                         "draws them here. A free into one of them puts it on the partial list.")
                    : tr("slabs_full: slabs with every object in use. A free moves the slab to slabs_partial.");
    case SlabList::Partial:
        return slub ? tr("The node's partial list: slabs with free objects that are not the cpu slab. When the cpu "
                         "slab is full, the CPU takes the first of these.")
                    : tr("slabs_partial: slabs with some objects in use. Allocation looks here first; a slab that "
                         "fills up moves to slabs_full, one that empties to slabs_free.");
    case SlabList::Free:
        return tr("slabs_free: slabs with no object in use. Allocation uses them when no partial slab is left; "
                  "they go back to the buddy allocator when the node holds more free objects than its free_limit, "
                  "or at kmem_cache_shrink().");
    case SlabList::Cpu:
        return tr("The cpu slab (kmem_cache_cpu->slab): the one slab this CPU allocates from, without taking the "
                  "node's lock.");
    }
    return QString();
}

QString SlabView::cacheToolTip(std::uint32_t cache) const
{
    const Machine& m = m_ctx->machine();
    if (cache >= m.kmem.caches.size()) return QString();
    const SlabCache& c = m.kmem.caches[cache];
    QStringList lines;
    lines << u"<b>"_s + cacheName(m, cache).toHtmlEscaped() + u"</b>"_s;
    lines << tr("object size %1 bytes, stride %2 bytes (aligned to %3)").arg(num(c.objectSize), num(c.size), num(c.align));
    lines << tr("%1 objects per slab of %2 (order %3)")
                 .arg(num(c.objsPerSlab), EventText::pages(std::uint64_t(1) << c.order))
                 .arg(c.order);
    lines << tr("%1 of %2 objects in use, %3 slabs").arg(num(c.activeObjs), num(c.totalObjs()), num(c.numSlabs));
    lines << tr("since boot: %1 allocations, %2 frees, %3 slabs grown, %4 given back")
                 .arg(num(c.allocs), num(c.frees), num(c.grown), num(c.reaped));
    if (isSlub(m))
        lines << tr("min_partial %1: empty slabs the node keeps on its partial list").arg(c.minPartial);
    else
        lines << tr("tunables: limit %1, batchcount %2, shared %3").arg(c.limit).arg(c.batchcount).arg(c.shared);
    QStringList kinds;
    if (c.flags & SlabFlag::Kmalloc) kinds << tr("a kmalloc size class");
    if (c.flags & SlabFlag::Kernel) kinds << tr("created at boot by the kernel");
    if (c.flags & SlabFlag::Reclaimable) kinds << tr("reclaimable (SReclaimable)");
    if (c.flags & SlabFlag::HwcacheAlign) kinds << tr("SLAB_HWCACHE_ALIGN");
    if (!kinds.isEmpty()) lines << kinds.join(u", "_s);
    return lines.join(u"<br>"_s);
}

QString SlabView::toolTipForObject(Pfn slab, std::uint32_t index) const
{
    const Machine& m = m_ctx->machine();
    const Slab* s = findSlab(m, slab);
    if (!s || s->cache >= m.kmem.caches.size()) return QString();
    const SlabCache& c = m.kmem.caches[s->cache];
    if (index >= c.objsPerSlab) return QString();
    const Pfn last = slab + (Pfn(1) << c.order) - 1;
    QStringList lines;
    lines << tr("%1, object %2 of %3").arg(cacheName(m, s->cache), num(index), num(c.objsPerSlab));
    lines << (last == slab ? tr("slab at pfn %1 (%2 list)").arg(EventText::pfn(slab), listName(s->list))
                           : tr("slab at pfn %1–%2 (%3 list)").arg(EventText::pfn(slab), EventText::pfn(last), listName(s->list)));
    lines << tr("address %1").arg(EventText::hex(kmem::objectAddress(m, slab, index)));
    const bool used = s->isUsed(index);
    QString state = used ? tr("in use") : tr("free");
    if (const auto next = nextObject(m, s->cache); next && next->first == slab && next->second == index)
        state = tr("free: the cache hands it out next");
    else if (!used && !s->freeObjs.empty() && s->freeObjs.back() == index)
        state = tr("free: first on this slab's freelist");
    lines << state;
    return lines.join(u"\n"_s);
}

QString SlabView::toolTipAt(QPointF p) const
{
    const Hit h = hitTest(p);
    const Machine& m = m_ctx->machine();
    if (h.slab && h.object) return toolTipForObject(*h.slab, *h.object);
    if (h.slab && h.leftover) {
        const Slab* s = findSlab(m, *h.slab);
        if (!s) return QString();
        const SlabCache& c = m.kmem.caches[s->cache];
        const std::uint64_t bytes = m.pageSize() << c.order;
        return tr("%1 bytes left over at the end of the slab: %2 objects of %3 bytes fill %4 of %5 bytes.")
            .arg(num(bytes - std::uint64_t(c.objsPerSlab) * c.size), num(c.objsPerSlab), num(c.size),
                num(std::uint64_t(c.objsPerSlab) * c.size), num(bytes));
    }
    if (h.more && h.group) {
        for (const Row& r : m_rows)
            if (r.cache == h.cache)
                for (const Group& g : r.groups)
                    if (g.list == *h.group)
                        return tr("%1 more slabs on the %2 list are not drawn. A bigger view shows more of them.")
                            .arg(num(g.hidden), listName(g.list));
    }
    if (h.group) return listToolTip(*h.group);
    if (h.cache != kNoCache) {
        const Row* r = row(h.cache);
        if (r && r->buddy.contains(p))
            return tr("The buddy allocator: a slab is 2^order contiguous pages from it (alloc_pages()), and an "
                      "empty slab goes back to it (free_pages()).");
        return cacheToolTip(h.cache);
    }
    if (m_header.contains(p))
        return tr("memviz simplifies: one CPU, so SLAB has no per-CPU array caches and SLUB no per-CPU partial "
                  "list; no slab colouring, no merging of caches, no constructors.");
    return QString();
}

// ---- layout -------------------------------------------------------------------------------

std::vector<std::uint32_t> SlabView::shownCaches() const
{
    const Machine& m = m_ctx->machine();
    const Machine& pm = m_ctx->previousMachine();
    const auto ev = highlightedCache();
    std::optional<std::uint32_t> selected;
    if (const auto sel = m_ctx->selectedFrame(); sel && *sel < m.frames.size()) {
        const Pfn head = m.frames.headOf(*sel);
        if (const Slab* s = m.frames.state(head) == FrameState::Slab ? findSlab(m, head) : nullptr) selected = s->cache;
    }
    std::vector<std::uint32_t> own, kernel;
    for (std::uint32_t c = 0; c < m.kmem.caches.size(); ++c) {
        const SlabCache& k = m.kmem.caches[c];
        const bool isOwn = !(k.flags & (SlabFlag::Kernel | SlabFlag::Kmalloc));
        const bool inUse = k.numSlabs > 0 || (c < pm.kmem.caches.size() && pm.kmem.caches[c].numSlabs > 0);
        bool show = false;
        switch (m_filter) {
        case Filter::InUse:
            show = inUse || isOwn;
            break;
        case Filter::All:
            show = true;
            break;
        case Filter::Kmalloc:
            show = k.flags & SlabFlag::Kmalloc;
            break;
        }
        if ((ev && *ev == c) || (selected && *selected == c)) show = true;
        if (show) (isOwn ? own : kernel).push_back(c);
    }
    // The script's own caches first: the boot caches must not push them out of sight.
    own.insert(own.end(), kernel.begin(), kernel.end());
    return own;
}

void SlabView::layoutGroups(const Machine& m, Row& row, const Plan& pl, const Metrics& mx) const
{
    const bool slub = isSlub(m_ctx->machine());
    const auto lists = groupLists(slub);
    const QFontMetricsF fms(Fonts(this).small);
    const qreal inner = row.rect.width() - 8;
    const qreal gw = (inner - 2 * mx.groupGap) / 3;
    const qreal top = row.header.bottom() + 2;
    const qreal areaH = pl.lines * mx.cellH + (pl.lines - 1) * mx.lineGap;
    const SlabCache* c = row.cache < m.kmem.caches.size() ? &m.kmem.caches[row.cache] : nullptr;
    const auto ev = highlightedSlab();
    const std::uint64_t bytes = c ? m.pageSize() << c->order : 0;
    row.groups.clear();
    for (std::size_t k = 0; k < lists.size(); ++k) {
        Group g;
        g.list = lists[k];
        const qreal x = row.rect.left() + 4 + qreal(k) * (gw + mx.groupGap);
        g.label = QRectF(x, top, gw, mx.slh);
        g.area = QRectF(x, g.label.bottom() + 4, gw, areaH);
        g.rect = g.label.united(g.area);
        if (!c || c->objsPerSlab == 0) {
            row.groups.push_back(g);
            continue;
        }
        const int cols = pl.cols[k];
        const double stripW = pl.stripW[k];
        const std::vector<Pfn> all = listSlabs(*c, g.list);
        g.slabs = all.size();
        const std::size_t capacity = std::size_t(cols) * std::size_t(pl.lines);
        std::size_t shown = all.size();
        std::size_t moreSlots = 0;
        if (all.size() > capacity) {
            const qreal moreW = fms.horizontalAdvance(tr("+%1 more").arg(num(all.size()))) + 12;
            moreSlots = std::min(capacity, std::size_t(std::ceil((moreW + mx.colGap) / (stripW + mx.colGap))));
            shown = capacity - moreSlots;
        }
        std::vector<Pfn> pick(all.begin(), all.begin() + std::ptrdiff_t(shown));
        if (ev && shown > 0 && std::find(pick.begin(), pick.end(), *ev) == pick.end()
            && std::find(all.begin(), all.end(), *ev) != all.end())
            pick.back() = *ev; // the step's slab is always drawn
        g.hidden = all.size() - pick.size();
        for (std::size_t i = 0; i < pick.size(); ++i) {
            const int col = int(i % std::size_t(cols)), line = int(i / std::size_t(cols));
            const QRectF r(x + col * (stripW + mx.colGap), g.area.top() + line * (mx.cellH + mx.lineGap), stripW,
                mx.cellH);
            Strip s;
            s.pfn = pick[i];
            s.list = g.list;
            s.geo = SlabStripGeometry::make(r, c->objsPerSlab, c->size, bytes);
            g.strips.push_back(s);
        }
        if (g.hidden > 0) {
            const int col = int(shown % std::size_t(cols)), line = int(shown / std::size_t(cols));
            const qreal left = x + col * (stripW + mx.colGap);
            const qreal w = std::min(g.area.right() - left, moreSlots * (stripW + mx.colGap) - mx.colGap);
            g.more = QRectF(left, g.area.top() + line * (mx.cellH + mx.lineGap), std::max(w, 0.0), mx.cellH);
        }
        row.groups.push_back(g);
    }
}

void SlabView::ensureLayout() const
{
    if (!m_dirty) return;
    m_dirty = false;
    const Fonts f(this);
    const Machine& m = m_ctx->machine();
    const Machine& pm = m_ctx->previousMachine();
    const qreal W = width(), H = height();
    const QFontMetricsF fmb(f.bold), fms(f.small);

    Metrics mx;
    mx.pad = std::round(f.lh * 0.6);
    mx.lh = f.lh;
    mx.slh = f.slh;
    mx.cellH = std::floor(std::clamp(f.lh * 0.8, 10.0, 26.0));
    mx.lineGap = std::max(3.0, std::round(mx.cellH * 0.3));
    mx.colGap = std::max(4.0, std::round(mx.cellH * 0.4));
    mx.groupGap = std::round(mx.pad * 1.4);
    mx.minStripW = std::round(mx.cellH * 3);
    mx.rowPadTop = std::round(mx.pad * 0.4);
    mx.rowPadBottom = std::round(mx.pad * 0.7);
    mx.rowGap = std::round(mx.pad * 0.4);
    m_cellH = mx.cellH;
    const qreal pad = mx.pad;

    // Header: the title on the left, the filter on the right.
    m_header = QRectF(0, 0, W, std::round(f.lh * 1.9));
    {
        QFont wf = f.small;
        m_filterBox->setFont(wf);
        m_filterLabel->setFont(wf);
        const QSize cs = m_filterBox->sizeHint(), ls = m_filterLabel->sizeHint();
        const int cy = int(m_header.center().y());
        m_filterBox->setGeometry(int(W - pad) - cs.width(), cy - cs.height() / 2, cs.width(), cs.height());
        m_filterLabel->setGeometry(m_filterBox->x() - 6 - ls.width(), cy - ls.height() / 2, ls.width(), ls.height());
    }

    // Caption: what the step did, or how to read the lists.
    m_captionText = captionText();
    const int capLines = W < 800 && H >= 360 ? 3 : 2;
    // Chinese lines come from the CJK fallback font, which is taller than the Latin one.
    const bool cjk = std::any_of(m_captionText.cbegin(), m_captionText.cend(), [](QChar c) { return c.unicode() >= 0x2E80; });
    const QRectF capArea(pad, m_header.bottom() + pad * 0.4, W - 2 * pad,
                         fmb.lineSpacing() * (cjk ? 1.35 : 1.0) * capLines + 2);
    const QFontMetricsF capFm(stepCaption().isEmpty() ? f.text : f.bold);
    const QRectF used = capFm.boundingRect(capArea, Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop, m_captionText);
    // A caption longer than a line gets all its lines (the measured rect can stay one line for
    // text without spaces, such as Chinese).
    const bool longCaption = capFm.horizontalAdvance(m_captionText) > capArea.width();
    m_caption = QRectF(capArea.left(), capArea.top(), capArea.width(),
                       longCaption ? capArea.height() : std::min(capArea.height(), used.height()));

    // The legend flows along the bottom, shortened when the long one would take a third line.
    m_compactLegend = H < 360;
    auto boxes = flowLegend(f.small, W - 2 * pad, m_compactLegend);
    if (!m_compactLegend && !boxes.empty() && boxes.back().bottom() > boxes.back().height() * 2.5) {
        m_compactLegend = true;
        boxes = flowLegend(f.small, W - 2 * pad, true);
    }
    const qreal legendH = boxes.empty() ? 0 : boxes.back().bottom();
    m_legend = QRectF(pad, H - pad * 0.5 - legendH, W - 2 * pad, legendH);

    const qreal top = m_caption.bottom() + pad * 0.5;
    const qreal bottom = m_legend.top() - pad * 0.5;
    const qreal viewH = std::max<qreal>(0, bottom - top);
    const std::vector<std::uint32_t> caches = shownCaches();
    // Few rows (a demo's own cache): larger cells, so the objects read from the back of a
    // classroom instead of leaving most of the view empty.
    std::uint64_t mostSlabs = 0;
    for (std::uint32_t c : caches) mostSlabs = std::max(mostSlabs, m.kmem.caches[c].numSlabs);
    if (!caches.empty() && caches.size() <= 4 && mostSlabs <= 8) {
        const qreal roomy = std::floor(viewH / (double(caches.size()) * 6.0));
        if (roomy > mx.cellH) {
            mx.cellH = std::min<qreal>(roomy, 56);
            mx.lineGap = std::max(3.0, std::round(mx.cellH * 0.3));
            mx.colGap = std::max(4.0, std::round(mx.cellH * 0.4));
            mx.minStripW = std::round(mx.cellH * 3);
            m_cellH = mx.cellH;
        }
    }
    mx.maxLines = std::clamp(int(viewH / ((mx.cellH + mx.lineGap) * 5)), 2, 6);

    const auto evCache = highlightedCache();
    const auto evSlab = highlightedSlab();
    const Event* e = stepEvent();
    const bool buddyStep = e && evCache
        && (e->type == EventType::SlabGrow || (e->type == EventType::SlabShrink && !(e->flags & kSlabDeactivate)));
    const bool slub = isSlub(m);

    struct RowSpec {
        std::uint32_t cache;
        Plan plan;
        qreal y, h;
    };
    std::vector<RowSpec> specs;
    qreal contentH = 0, sbW = 0;
    for (int pass = 0; pass < 2; ++pass) {
        sbW = pass ? m_scroll->sizeHint().width() : 0;
        const qreal rowW = W - sbW - 2 * pad;
        const qreal gw = (rowW - 8 - 2 * mx.groupGap) / 3;
        specs.clear();
        contentH = 0;
        for (std::uint32_t c : caches) {
            const SlabCache& k = m.kmem.caches[c];
            std::array<std::uint64_t, 3> counts {};
            const auto lists = groupLists(slub);
            for (std::size_t g = 0; g < lists.size(); ++g)
                counts[g] = std::max(listCount(m, c, lists[g]), listCount(pm, c, lists[g]));
            const std::uint64_t bytes = m.pageSize() << k.order;
            const double share = bytes ? double(std::uint64_t(k.objsPerSlab) * k.size) / double(bytes) : 1.0;
            const Plan pl = makePlan(counts, gw, k.objsPerSlab, share, mx.cellH, mx.colGap, mx.minStripW, mx.maxLines);
            qreal h = mx.rowPadTop + mx.lh + 2 + mx.slh + 4 + pl.lines * mx.cellH + (pl.lines - 1) * mx.lineGap
                + mx.rowPadBottom;
            if (evCache && *evCache == c && evSlab) h += mx.slh + 2; // the step's slab: its pfn range
            specs.push_back({ c, pl, contentH, h });
            contentH += h + mx.rowGap;
        }
        if (contentH <= viewH + 0.5) break;
    }

    // Scrolling: keep the step's cache in view.
    const qreal maxScroll = std::max<qreal>(0, contentH - viewH);
    qreal scroll = std::clamp<qreal>(m_scroll->value(), 0, maxScroll);
    if (m_scrollTo) {
        for (const RowSpec& s : specs)
            if (s.cache == *m_scrollTo) {
                if (s.y < scroll)
                    scroll = s.y;
                else if (s.y + s.h > scroll + viewH)
                    scroll = std::min(s.y, s.y + s.h - viewH);
            }
        m_scrollTo.reset();
    }
    scroll = std::round(std::clamp<qreal>(scroll, 0, maxScroll));
    {
        const QSignalBlocker block(m_scroll);
        m_scroll->setRange(0, int(std::ceil(maxScroll)));
        m_scroll->setPageStep(int(std::max<qreal>(1, viewH)));
        m_scroll->setSingleStep(int(std::max<qreal>(1, f.lh)));
        m_scroll->setValue(int(scroll));
        m_scroll->setGeometry(int(W - sbW), int(top), int(sbW), int(viewH));
        m_scroll->setVisible(sbW > 0);
    }
    m_viewport = QRectF(0, top, W - sbW, viewH);

    m_rows.clear();
    m_before.clear();
    const QFontMetricsF fmsb(f.smallBold);
    for (const RowSpec& s : specs) {
        Row r;
        r.cache = s.cache;
        r.rect = QRectF(pad, top + s.y - scroll, W - sbW - 2 * pad, s.h);
        r.header = QRectF(r.rect.left() + 4, r.rect.top() + mx.rowPadTop, r.rect.width() - 8, mx.lh);
        if (buddyStep && *evCache == s.cache) {
            const qreal bw = fmsb.horizontalAdvance(tr("buddy allocator")) + 16;
            r.buddy = QRectF(r.header.right() - bw, r.header.top() + 1, bw, r.header.height() - 2);
        }
        Row b = r;
        layoutGroups(m, r, s.plan, mx);
        layoutGroups(pm, b, s.plan, mx);
        if (evCache && *evCache == s.cache && evSlab) {
            const qreal y = r.groups.empty() ? r.header.bottom() : r.groups.front().area.bottom() + 2;
            r.info = QRectF(r.header.left(), y, r.header.width(), mx.slh);
            b.info = r.info;
        }
        m_rows.push_back(std::move(r));
        m_before.push_back(std::move(b));
    }
}

const std::vector<SlabView::Row>& SlabView::rows() const
{
    ensureLayout();
    return m_rows;
}

const SlabView::Row* SlabView::row(std::uint32_t cache) const
{
    ensureLayout();
    for (const Row& r : m_rows)
        if (r.cache == cache) return &r;
    return nullptr;
}

const SlabView::Row* SlabView::beforeRow(std::uint32_t cache) const
{
    for (const Row& r : m_before)
        if (r.cache == cache) return &r;
    return nullptr;
}

QRectF SlabView::rowsViewport() const
{
    ensureLayout();
    return m_viewport;
}

const SlabView::Strip* SlabView::strip(Pfn pfn) const
{
    ensureLayout();
    for (const Row& r : m_rows)
        for (const Group& g : r.groups)
            for (const Strip& s : g.strips)
                if (s.pfn == pfn) return &s;
    return nullptr;
}

QRectF SlabView::objectRect(Pfn pfn, std::uint32_t index) const
{
    const Strip* s = strip(pfn);
    return s ? s->geo.cellRect(index) : QRectF();
}

SlabView::Hit SlabView::hitTest(QPointF p) const
{
    ensureLayout();
    Hit h;
    if (!m_viewport.contains(p)) return h;
    for (const Row& r : m_rows) {
        if (!r.rect.contains(p)) continue;
        h.cache = r.cache;
        for (const Group& g : r.groups) {
            if (!g.rect.adjusted(-2, -2, 2, 2).contains(p)) continue;
            h.group = g.list;
            if (g.more.contains(p)) h.more = true;
            for (const Strip& s : g.strips) {
                if (!s.geo.rect.contains(p)) continue;
                h.slab = s.pfn;
                h.object = s.geo.objectAt(p.x());
                h.leftover = !h.object && s.geo.leftoverRect().contains(p);
                return h;
            }
            return h;
        }
        return h;
    }
    return h;
}

// ---- painting -----------------------------------------------------------------------------

void SlabView::paintEvent(QPaintEvent*)
{
    if (m_generation != Palette::generation()) {
        m_generation = Palette::generation();
        Palette::applyTextColour(m_filterLabel);
        m_dirty = true; // the layout measures text in fonts that presentation mode changes
    }
    ensureLayout();
    const Fonts f(this);
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.setRenderHint(QPainter::TextAntialiasing);
    p.fillRect(rect(), Palette::background());
    paintHeader(p, f);


    drawViewCaption(p, f, m_caption, m_captionText, !stepCaption().isEmpty());

    const Machine& m = m_ctx->machine();
    if (m.frames.size() == 0 || m.kmem.caches.empty()) {
        p.setFont(f.text);
        p.setPen(Palette::mutedText());
        p.drawText(m_viewport, Qt::AlignCenter, tr("No machine yet."));
        paintLegend(p, f);
        return;
    }
    if (m_rows.empty()) {
        p.setFont(f.text);
        p.setPen(Palette::mutedText());
        p.drawText(m_viewport, Qt::AlignCenter | Qt::TextWordWrap, tr("No cache to show with this filter."));
    }
    const double t = QEasingCurve(QEasingCurve::InOutCubic).valueForProgress(std::clamp(m_ctx->progress(), 0.0, 1.0));
    p.save();
    p.setClipRect(m_viewport);
    for (const Row& r : m_rows)
        if (r.rect.intersects(m_viewport)) paintRow(p, f, r, t);
    p.restore();
    paintLegend(p, f);
}

void SlabView::paintHeader(QPainter& p, const Fonts& f) const
{
    const Machine& m = m_ctx->machine();
    const qreal pad = std::round(f.lh * 0.6);
    const QFontMetricsF fmt(f.title), fms(f.small);
    const qreal right = m_filterLabel->x() - pad;
    p.setFont(f.title);
    p.setPen(Palette::text());
    const QString title = tr("Slab caches");
    const qreal tw = std::min(fmt.horizontalAdvance(title) + 2, std::max<qreal>(0, right - pad));
    p.drawText(QRectF(pad, m_header.top(), tw, m_header.height()), Qt::AlignLeft | Qt::AlignVCenter,
        fmt.elidedText(title, Qt::ElideRight, tw));
    if (!m.kmem.caches.empty()) {
        std::uint64_t slabs = 0, pages = 0;
        for (const SlabCache& c : m.kmem.caches) {
            slabs += c.numSlabs;
            pages += c.numSlabs << c.order;
        }
        const QString kind = isSlub(m) ? tr("SLUB") : tr("SLAB");
        const QString s = tr("%1 · %2 caches · %3 slabs · %4").arg(kind, num(m.kmem.caches.size()), num(slabs),
            EventText::bytes(pages * m.pageSize()));
        const QRectF r(pad + tw + pad, m_header.top(), right - (pad + tw + pad), m_header.height());
        if (r.width() > 30) {
            p.setFont(f.small);
            p.setPen(Palette::mutedText());
            p.drawText(r, Qt::AlignLeft | Qt::AlignVCenter, fms.elidedText(s, Qt::ElideRight, r.width()));
        }
    }
    p.setPen(QPen(Palette::gridLine(), Palette::line(1)));
    p.drawLine(QPointF(0, m_header.bottom() - 0.5), QPointF(width(), m_header.bottom() - 0.5));
}

void SlabView::paintRow(QPainter& p, const Fonts& f, const Row& row, double t) const
{
    const Machine& m = m_ctx->machine();
    if (row.cache >= m.kmem.caches.size()) return;
    const SlabCache& c = m.kmem.caches[row.cache];
    const auto evCache = highlightedCache();
    const bool lit = evCache && *evCache == row.cache;
    const QFontMetricsF fmb(f.bold), fms(f.small), fmsb(f.smallBold);

    if (lit) {
        p.setPen(QPen(Palette::highlight(), Palette::line(2)));
        p.setBrush(Palette::withAlpha(Palette::highlight(), Palette::isDark() ? 0.10 : 0.05));
        p.drawRoundedRect(row.rect.adjusted(-3, 0, 3, 0), 6, 6);
    } else {
        p.setPen(QPen(Palette::gridLine(), Palette::line(1)));
        p.drawLine(QPointF(row.rect.left(), row.rect.bottom() + 0.5), QPointF(row.rect.right(), row.rect.bottom() + 0.5));
    }

    // Name and numbers; the shorter form when the long one does not fit.
    const QString name = cacheName(m, row.cache);
    const qreal right = row.buddy.isEmpty() ? row.header.right() : row.buddy.left() - 8;
    const qreal nameW = std::min(fmb.horizontalAdvance(name) + 2, std::max<qreal>(0, right - row.header.left()));
    p.setFont(f.bold);
    p.setPen(lit ? hot() : Palette::text());
    p.drawText(QRectF(row.header.left(), row.header.top(), nameW, row.header.height()), Qt::AlignLeft | Qt::AlignVCenter,
        fmb.elidedText(name, Qt::ElideRight, nameW));
    const qreal sx = row.header.left() + nameW + fms.horizontalAdvance(u"  "_s);
    const QRectF statsR(sx, row.header.top(), std::max<qreal>(0, right - sx), row.header.height());
    const QString pagesText = EventText::pages(std::uint64_t(1) << c.order);
    const QString objects = c.objectSize == c.size
        ? tr("%1-byte objects").arg(num(c.size))
        : tr("%1-byte objects (stride %2)").arg(num(c.objectSize), num(c.size));
    QString stats = tr("%1 · %2 per slab of %3 (order %4) · %5 / %6 objects in use")
                        .arg(objects, num(c.objsPerSlab), pagesText)
                        .arg(c.order)
                        .arg(num(c.activeObjs), num(c.totalObjs()));
    if (fms.horizontalAdvance(stats) > statsR.width())
        stats = tr("%1 B · %2/slab · %3 · %4/%5 in use")
                    .arg(num(c.size), num(c.objsPerSlab), pagesText, num(c.activeObjs), num(c.totalObjs()));
    p.setFont(f.small);
    p.setPen(Palette::mutedText());
    p.drawText(statsR, Qt::AlignLeft | Qt::AlignVCenter, fms.elidedText(stats, Qt::ElideRight, statsR.width()));

    // Groups: a faint box per list with its label above.
    const Event* e = stepEvent();
    const Slab* evAfter = nullptr;
    if (lit && e) {
        if (const auto s = highlightedSlab()) evAfter = findSlab(m, *s);
    }
    const bool moving = lit && evAfter && t < 1;
    for (const Group& g : row.groups) {
        p.setPen(Qt::NoPen);
        p.setBrush(Palette::tint(Palette::text(), Palette::isDark() ? 0.05 : 0.035));
        p.drawRoundedRect(g.area.adjusted(-3, -2, 3, 2), 4, 4);
        const bool target = lit && evAfter && evAfter->list == g.list;
        QString label = groupLabel(row.cache, g.list, g.slabs);
        const QFontMetricsF& lf = target ? fmsb : fms;
        if (lf.horizontalAdvance(label) > g.label.width()) label = shortGroupLabel(g.list, g.slabs);
        p.setFont(target ? f.smallBold : f.small);
        p.setPen(target ? hot() : Palette::mutedText());
        p.drawText(g.label, Qt::AlignLeft | Qt::AlignVCenter, lf.elidedText(label, Qt::ElideRight, g.label.width()));
        if (g.slabs == 0 && !(moving && evAfter->list == g.list)) {
            const QString none = g.list == SlabList::Cpu ? tr("none") : tr("empty");
            p.setPen(Palette::withAlpha(Palette::mutedText(), 0.8));
            p.drawText(QRectF(g.area.left() + 4, g.area.top(), g.area.width() - 8, m_cellH), Qt::AlignLeft | Qt::AlignVCenter,
                fms.elidedText(none, Qt::ElideRight, g.area.width() - 8));
        }
        if (!g.more.isEmpty()) {
            p.setPen(QPen(Palette::mutedText(), Palette::line(1), Qt::DashLine));
            p.setBrush(Palette::background());
            p.drawRoundedRect(g.more.adjusted(0.5, 0.5, -0.5, -0.5), 3, 3);
            p.setPen(Palette::text());
            p.drawText(g.more, Qt::AlignCenter,
                fms.elidedText(tr("+%1 more").arg(num(g.hidden)), Qt::ElideRight, g.more.width() - 4));
        }
    }

    paintStrips(p, row, lit ? beforeRow(row.cache) : nullptr, t);
    if (lit) paintStep(p, f, row, t);
}

namespace {

/// Where the step's moving strip is at t, and how opaque (a slab given back fades out).
struct Placed {
    Pfn pfn = 0;
    QRectF rect;
    const Slab* slab = nullptr;
    double opacity = 1;
};

/// The small strip at the buddy allocator's box a new slab starts from (and a freed one ends in).
QRectF atBuddy(const QRectF& box, const QRectF& strip)
{
    const qreal w = std::min(strip.width(), box.width() * 0.8);
    return QRectF(box.center().x() - w / 2, box.center().y() - strip.height() / 2, w, strip.height());
}

/// How far the slab of the step has moved between lists by t: objects fill or empty
/// first, then the slab moves.
double moveShare(const Event* e, double t)
{
    if (e && (e->type == EventType::SlabAlloc || e->type == EventType::SlabFree)) return ramp(t, 0.45, 1.0);
    return t;
}

} // namespace

void SlabView::paintStrips(QPainter& p, const Row& row, const Row* before, double t) const
{
    const Machine& m = m_ctx->machine();
    const Machine& pm = m_ctx->previousMachine();
    const Event* e = stepEvent();
    const bool animate = before && e && t < 1;
    const double mt = moveShare(e, t);
    const bool grow = e && e->type == EventType::SlabGrow;
    const bool giveBack = e && e->type == EventType::SlabShrink && !(e->flags & kSlabDeactivate);

    std::vector<Placed> items;
    for (const Group& g : row.groups)
        for (const Strip& s : g.strips) {
            Placed it;
            it.pfn = s.pfn;
            it.rect = s.geo.rect;
            it.slab = findSlab(m, s.pfn);
            if (animate) {
                const Strip* was = nullptr;
                for (const Group& bg : before->groups)
                    for (const Strip& bs : bg.strips)
                        if (bs.pfn == s.pfn) was = &bs;
                if (grow && s.pfn == e->pfn && !row.buddy.isEmpty())
                    it.rect = lerp(atBuddy(row.buddy, it.rect), it.rect, t);
                else if (was && was->geo.rect != it.rect)
                    it.rect = lerp(was->geo.rect, it.rect, mt);
            }
            items.push_back(it);
        }
    if (const auto ev = highlightedSlab()) {
        // The step's slab on top of the others moving past it.
        const auto it = std::find_if(items.begin(), items.end(), [&](const Placed& x) { return x.pfn == *ev; });
        if (it != items.end()) std::rotate(it, it + 1, items.end());
    }
    if (animate && giveBack) {
        // The empty slab leaves: from where it was to the buddy allocator, fading.
        for (const Group& bg : before->groups)
            for (const Strip& bs : bg.strips)
                if (bs.pfn == e->pfn) {
                    Placed it;
                    it.pfn = bs.pfn;
                    it.rect = row.buddy.isEmpty() ? bs.geo.rect : lerp(bs.geo.rect, atBuddy(row.buddy, bs.geo.rect), t);
                    it.slab = findSlab(pm, bs.pfn);
                    it.opacity = 1 - 0.7 * ramp(t, 0.5, 1.0);
                    items.push_back(it);
                }
    }
    if (items.empty()) return;
    const SlabCache* c = row.cache < m.kmem.caches.size() ? &m.kmem.caches[row.cache] : nullptr;
    if (!c) return;
    const std::uint64_t bytes = m.pageSize() << c->order;
    const QColor slabC = slabColour(), fill = stripFill(), edge = freeEdge();
    const auto next = nextObject(m, row.cache);
    std::optional<Pfn> selected;
    if (const auto sel = m_ctx->selectedFrame(); sel && *sel < m.frames.size()) selected = m.frames.headOf(*sel);

    p.save();
    p.setRenderHint(QPainter::Antialiasing, false);
    for (const Placed& it : items) {
        const SlabStripGeometry geo = SlabStripGeometry::make(it.rect, c->objsPerSlab, c->size, bytes);
        p.setOpacity(it.opacity);
        CellBatch b;
        const QRectF sr = it.rect.adjusted(0, 0, -1, -1);
        const double cw = geo.cellWidth();
        const QRectF lo = geo.leftoverRect();
        p.setPen(Qt::NoPen);
        p.setBrush(fill);
        p.drawRect(sr);
        if (!lo.isEmpty()) {
            p.setBrush(QBrush(Palette::withAlpha(Palette::mutedText(), 0.45), Qt::BDiagPattern));
            p.drawRect(lo.adjusted(0, 0, -1, -1));
        }
        const Slab* s = it.slab;
        if (s && geo.dense()) {
            // A density bar: each device pixel column coloured by the share of its objects in use.
            const QRectF objs(it.rect.left(), it.rect.top(), cw * geo.objects, it.rect.height());
            const qreal dpr = p.device() ? p.device()->devicePixelRatioF() : 1.0;
            const int wpx = std::max(1, int(std::round(objs.width() * dpr)));
            QImage img(wpx, 1, QImage::Format_RGB32);
            auto* line = reinterpret_cast<QRgb*>(img.scanLine(0));
            for (int x = 0; x < wpx; ++x) {
                const std::uint32_t i0 = std::uint32_t(std::uint64_t(x) * geo.objects / std::uint64_t(wpx));
                const std::uint32_t i1 = std::max(i0 + 1, std::uint32_t(std::uint64_t(x + 1) * geo.objects / std::uint64_t(wpx)));
                std::uint32_t n = 0;
                for (std::uint32_t i = i0; i < i1 && i < geo.objects; ++i) n += s->isUsed(i);
                line[x] = Palette::mix(fill, slabC, double(n) / double(i1 - i0)).rgb();
            }
            p.drawImage(objs.adjusted(0, 1, 0, -1), img);
        } else if (s) {
            const bool hollow = cw >= SlabStripGeometry::kHollowCellPx;
            // Runs of used objects merge when cells have no gaps between them.
            std::uint32_t runStart = 0;
            bool inRun = false;
            for (std::uint32_t i = 0; i <= geo.objects; ++i) {
                const bool u = i < geo.objects && s->isUsed(i);
                if (hollow) {
                    if (i == geo.objects) break;
                    const QRectF cr = geo.cellRect(i).adjusted(1, 1, -1, -1);
                    (u ? b.used : b.hollow).push_back(cr);
                    continue;
                }
                if (u && !inRun) {
                    runStart = i;
                    inRun = true;
                } else if (!u && inRun) {
                    const QRectF a = geo.cellRect(runStart), z = geo.cellRect(i - 1);
                    b.used.push_back(QRectF(a.left(), a.top() + 1, z.right() - a.left(), a.height() - 2));
                    inRun = false;
                }
            }
            p.setPen(Qt::NoPen);
            p.setBrush(slabC);
            p.drawRects(b.used);
            if (!b.hollow.isEmpty()) {
                p.setPen(QPen(edge, Palette::line(1)));
                p.setBrush(Qt::NoBrush);
                p.drawRects(b.hollow.constData(), int(b.hollow.size()));
            }
        }
        // The slab's outline: its pages.
        p.setPen(QPen(Palette::ink(slabC), Palette::line(1)));
        p.setBrush(Qt::NoBrush);
        p.drawRect(sr);
        // Page boundaries of a multi-page slab, as ticks along its bottom edge.
        const int pages = 1 << c->order;
        if (pages > 1 && it.rect.width() / pages >= 6) {
            p.setPen(QPen(Palette::ink(slabC), Palette::line(1)));
            for (int k = 1; k < pages; ++k) {
                const qreal x = std::round(it.rect.left() + it.rect.width() * k / pages);
                p.drawLine(QPointF(x, sr.bottom() - std::max(2.0, sr.height() * 0.25)), QPointF(x, sr.bottom()));
            }
        }
        // The object handed out next.
        if (next && next->first == it.pfn && it.opacity >= 1) {
            const QRectF cr = geo.cellRect(next->second);
            p.setRenderHint(QPainter::Antialiasing, true);
            if (geo.dense()) {
                p.setPen(QPen(Palette::text(), Palette::line(2)));
                p.drawLine(QPointF(cr.center().x(), sr.top() - 1), QPointF(cr.center().x(), sr.bottom() + 1));
            } else {
                const qreal d = std::max(3.0, std::min(cr.width(), cr.height()) * 0.45);
                p.setPen(Qt::NoPen);
                p.setBrush(Palette::text());
                p.drawEllipse(QRectF(cr.center().x() - d / 2, cr.center().y() - d / 2, d, d));
            }
            p.setRenderHint(QPainter::Antialiasing, false);
        }
        if (selected && *selected == it.pfn) {
            p.setPen(QPen(Palette::text(), Palette::line(2), Qt::DashLine));
            p.setBrush(Qt::NoBrush);
            p.drawRect(it.rect.adjusted(-2, -2, 1, 1));
        }
    }
    p.setOpacity(1);
    p.restore();
}

void SlabView::paintStep(QPainter& p, const Fonts& f, const Row& row, double t) const
{
    const Machine& m = m_ctx->machine();
    const Event* e = stepEvent();
    if (!e || row.cache >= m.kmem.caches.size()) return;
    const SlabCache& c = m.kmem.caches[row.cache];
    const std::uint64_t bytes = m.pageSize() << c.order;
    const auto slab = highlightedSlab();
    const auto obj = highlightedObject();
    const Row* before = beforeRow(row.cache);
    const QFontMetricsF fms(f.small), fmsb(f.smallBold);
    const bool giveBack = e->type == EventType::SlabShrink && !(e->flags & kSlabDeactivate);

    // The buddy allocator's box, for a slab coming from it or going back.
    if (!row.buddy.isEmpty()) {
        const QColor bf = buddyFill();
        p.setPen(QPen(Palette::highlight(), Palette::line(2)));
        p.setBrush(bf);
        p.drawRoundedRect(row.buddy, 4, 4);
        p.setFont(f.smallBold);
        p.setPen(Palette::textOn(bf));
        p.drawText(row.buddy, Qt::AlignCenter, fmsb.elidedText(tr("buddy allocator"), Qt::ElideRight, row.buddy.width() - 4));
    }
    if (!slab) return;

    // Where the step's slab is drawn now (moving strips follow paintStrips' rule).
    QRectF now;
    const Strip* after = nullptr;
    for (const Group& g : row.groups)
        for (const Strip& s : g.strips)
            if (s.pfn == *slab) after = &s;
    const Strip* was = nullptr;
    if (before)
        for (const Group& g : before->groups)
            for (const Strip& s : g.strips)
                if (s.pfn == *slab) was = &s;
    if (after) {
        now = after->geo.rect;
        if (t < 1) {
            if (e->type == EventType::SlabGrow && !row.buddy.isEmpty())
                now = lerp(atBuddy(row.buddy, now), now, t);
            else if (was && was->geo.rect != now)
                now = lerp(was->geo.rect, now, moveShare(e, t));
        }
    } else if (was && giveBack) {
        now = t < 1 && !row.buddy.isEmpty() ? lerp(was->geo.rect, atBuddy(row.buddy, was->geo.rect), t) : QRectF();
    }

    if (!now.isEmpty()) {
        p.setPen(QPen(Palette::highlight(), Palette::line(2.5)));
        p.setBrush(Qt::NoBrush);
        p.drawRect(now.adjusted(-2.5, -2.5, 1.5, 1.5));
    }

    // The object: a cell filling (allocation) or emptying (free), ringed.
    if (obj && !now.isEmpty()) {
        const SlabStripGeometry geo = SlabStripGeometry::make(now, c.objsPerSlab, c.size, bytes);
        const QRectF cr = geo.cellRect(*obj);
        const bool alloc = e->type == EventType::SlabAlloc;
        const bool freeing = e->type == EventType::SlabFree;
        const double ft = ramp(t, 0, was && after && was->geo.rect != after->geo.rect ? 0.45 : 0.8);
        if (!geo.dense()) {
            if ((alloc || freeing) && ft < 1) {
                const QRectF inner = cr.adjusted(1, 1, -1, -1);
                p.setPen(Qt::NoPen);
                p.setBrush(stripFill());
                p.drawRect(inner);
                const double share = alloc ? ft : 1 - ft;
                p.setBrush(Palette::mix(Palette::highlight(), slabColour(), alloc ? ft : 1 - ft));
                p.drawRect(QRectF(inner.left(), inner.bottom() - inner.height() * share, inner.width(), inner.height() * share));
            }
            const qreal grow = 2.5 + 5 * (1 - ramp(t, 0, 0.6));
            p.setPen(QPen(Palette::highlight(), Palette::line(2.5)));
            p.setBrush(Qt::NoBrush);
            p.drawRoundedRect(cr.adjusted(-grow, -grow, grow, grow), 3, 3);
        } else {
            // Too small to see: a bar across the strip at the object, with a pointer above.
            const qreal x = cr.center().x();
            p.setPen(QPen(Palette::highlight(), Palette::line(3)));
            p.drawLine(QPointF(x, now.top() - 4), QPointF(x, now.bottom() + 3));
            QPolygonF tri;
            const qreal s = std::max(5.0, m_cellH * 0.45);
            tri << QPointF(x, now.top() - 3) << QPointF(x - s * 0.6, now.top() - 3 - s) << QPointF(x + s * 0.6, now.top() - 3 - s);
            p.setPen(Qt::NoPen);
            p.setBrush(Palette::highlight());
            p.drawPolygon(tri);
        }
    }

    // The slab's frames (and the object's address) on the info line.
    if (!row.info.isEmpty()) {
        const int order = c.order;
        const Pfn last = *slab + (Pfn(1) << order) - 1;
        QString s = last == *slab ? tr("slab at pfn %1 (%2)").arg(EventText::pfn(*slab), EventText::pages(1))
                                  : tr("slab at pfn %1–%2 (%3, order %4)")
                                        .arg(EventText::pfn(*slab), EventText::pfn(last), EventText::pages(Pfn(1) << order))
                                        .arg(order);
        const QString addr = obj ? EventText::hex(kmem::objectAddress(m, *slab, *obj)) : QString();
        if (obj) s += tr(" · object %1 at %2").arg(num(*obj), addr);
        else if (giveBack) s += tr(" · back to the buddy allocator");
        else if (e->type == EventType::SlabGrow) s += tr(" · from the buddy allocator");
        if (fmsb.horizontalAdvance(s) > row.info.width()) {
            // The short form keeps the frame number and the address.
            s = obj ? tr("pfn %1 · object %2 · %3").arg(EventText::pfn(*slab), num(*obj), addr)
                    : tr("pfn %1, order %2").arg(EventText::pfn(*slab)).arg(order);
        }
        // Under the group that holds (or held) the slab, moved left when it would not fit.
        qreal x = row.info.left();
        const SlabList l = after ? after->list : was ? was->list : SlabList::Partial;
        for (const Group& g : row.groups)
            if (g.list == l) x = g.area.left();
        const qreal w = fmsb.horizontalAdvance(s) + 2;
        x = std::max(row.info.left(), std::min(x, row.info.right() - w));
        p.setFont(f.smallBold);
        p.setPen(hot());
        const QRectF r(x, row.info.top(), row.info.right() - x, row.info.height());
        p.drawText(r, Qt::AlignLeft | Qt::AlignVCenter, fmsb.elidedText(s, Qt::ElideRight, r.width()));
    }
}

void SlabView::paintLegend(QPainter& p, const Fonts& f) const
{
    const auto items = legendItems(m_compactLegend);
    const auto boxes = flowLegend(f.small, m_legend.width(), m_compactLegend);
    const QColor slabC = slabColour(), fill = stripFill();
    p.setFont(f.small);
    for (std::size_t i = 0; i < items.size() && i < boxes.size(); ++i) {
        const LegendItem& it = items[i];
        const QRectF box = boxes[i].translated(m_legend.topLeft());
        const qreal s = std::round(box.height() * 0.7);
        const QRectF r(box.left(), std::round(box.center().y() - s / 2), std::round(s * 1.6), s);
        p.setPen(Qt::NoPen);
        switch (it.kind) {
        case LegendItem::Used:
            p.setBrush(slabC);
            p.drawRect(r);
            break;
        case LegendItem::FreeObj:
            p.setBrush(fill);
            p.drawRect(r);
            p.setPen(QPen(freeEdge(), Palette::line(1)));
            p.setBrush(Qt::NoBrush);
            p.drawRect(r.adjusted(1.5, 1.5, -1.5, -1.5));
            break;
        case LegendItem::Next: {
            p.setBrush(fill);
            p.drawRect(r);
            p.setPen(QPen(freeEdge(), Palette::line(1)));
            p.setBrush(Qt::NoBrush);
            p.drawRect(r.adjusted(1.5, 1.5, -1.5, -1.5));
            const qreal d = s * 0.45;
            p.setPen(Qt::NoPen);
            p.setBrush(Palette::text());
            p.drawEllipse(QRectF(r.center().x() - d / 2, r.center().y() - d / 2, d, d));
            break;
        }
        case LegendItem::Dense: {
            QLinearGradient g(r.topLeft(), r.topRight());
            g.setColorAt(0, slabC);
            g.setColorAt(1, fill);
            p.setBrush(g);
            p.drawRect(r);
            break;
        }
        case LegendItem::Leftover:
            p.setBrush(fill);
            p.drawRect(r);
            p.setBrush(QBrush(Palette::withAlpha(Palette::mutedText(), 0.45), Qt::BDiagPattern));
            p.drawRect(r);
            break;
        case LegendItem::Step:
            p.setBrush(slabC);
            p.drawRect(r.adjusted(3, 3, -3, -3));
            p.setPen(QPen(Palette::highlight(), Palette::line(2)));
            p.setBrush(Qt::NoBrush);
            p.drawRoundedRect(r.adjusted(1, 1, -1, -1), 2, 2);
            break;
        }
        if (it.kind != LegendItem::Step) {
            p.setPen(QPen(Palette::ink(slabC), Palette::line(1)));
            p.setBrush(Qt::NoBrush);
            p.drawRect(r.adjusted(0.5, 0.5, -0.5, -0.5));
        }
        p.setPen(Palette::mutedText());
        p.drawText(QRectF(r.right() + 5, box.top(), box.right() - r.right() - 5, box.height()),
            Qt::AlignLeft | Qt::AlignVCenter, it.text);
    }
}

} // namespace memviz
