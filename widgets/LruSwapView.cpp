#include "LruSwapView.h"

#include "EventText.h"
#include "ViewContext.h"
#include "sim/Machine.h"

#include <QEasingCurve>
#include <QEvent>
#include <QFontInfo>
#include <QHelpEvent>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace memviz {

using namespace Qt::StringLiterals;

namespace {

QString num(std::uint64_t v)
{
    return QLocale().toString(qulonglong(v));
}

QColor hot()
{
    return Palette::isDark() ? Palette::highlight().lighter(140) : Palette::highlight();
}

/// Lists top to bottom: each type's active list above its inactive list, so activation
/// and deactivation are moves between neighbouring rows.
constexpr LruList kOrder[] = { LruList::ActiveAnon, LruList::InactiveAnon, LruList::ActiveFile, LruList::InactiveFile,
    LruList::Unevictable };

QString listName(LruList l)
{
    switch (l) {
    case LruList::InactiveAnon:
        return LruSwapView::tr("inactive anon");
    case LruList::ActiveAnon:
        return LruSwapView::tr("active anon");
    case LruList::InactiveFile:
        return LruSwapView::tr("inactive file");
    case LruList::ActiveFile:
        return LruSwapView::tr("active file");
    case LruList::Unevictable:
        return LruSwapView::tr("unevictable");
    case LruList::Count:
        break;
    }
    return QString();
}

QString listName(std::uint8_t l)
{
    return l < kNrLru ? listName(static_cast<LruList>(l)) : QString();
}

QColor cellFill(const Machine& m, Pfn pfn)
{
    if (pfn >= m.frames.size()) return Palette::mutedText();
    switch (m.frames.state(pfn)) {
    case FrameState::Anon:
        return Palette::process(m.frames.priv(pfn));
    case FrameState::File:
        return Palette::pageCache(m.frames.count(pfn) > 0);
    default:
        return Palette::tint(Palette::mutedText(), 0.6);
    }
}

QString areaName(const Machine& m, const SwapArea& a)
{
    return QString::fromStdString(m.str(a.name));
}

/// 0 before `from`, 1 after `to`, linear in between.
double ramp(double t, double from, double to)
{
    return std::clamp((t - from) / (to - from), 0.0, 1.0);
}

void arrowHead(QPainter& p, QPointF tip, QPointF from, qreal size, const QColor& c)
{
    const QPointF d = tip - from;
    const double len = std::hypot(d.x(), d.y());
    if (len < 1e-6) return;
    const QPointF u = d / len, n(-u.y(), u.x());
    QPolygonF head;
    head << tip << tip - u * size + n * size * 0.55 << tip - u * size - n * size * 0.55;
    p.setPen(Qt::NoPen);
    p.setBrush(c);
    p.drawPolygon(head);
}

struct LegendItem {
    int kind = 0; // 0 swatch, 1 referenced, 2 dirty, 3 swap cache
    QColor fill;
    QString text;
};

// Colour-table indices of the swap grid images.
enum GridIndex : std::uint8_t { GNone, GFree, GPartUsed, GUsed, GCached, GHeader, GCount };

} // namespace

namespace {

std::vector<LegendItem> legendItems()
{
    const QColor anon = Palette::process(1000), file = Palette::pageCache(true);
    return {
        { 0, anon, LruSwapView::tr("anonymous (process colour)") },
        { 0, file, LruSwapView::tr("page cache") },
        { 1, anon, LruSwapView::tr("referenced") },
        { 2, anon, LruSwapView::tr("dirty") },
        { 3, anon, LruSwapView::tr("in swap cache") },
        { 0, LruSwapView::slotColour(LruSwapView::SlotState::Free), LruSwapView::tr("free slot") },
        { 0, LruSwapView::slotColour(LruSwapView::SlotState::Used), LruSwapView::tr("slot used by page tables") },
        { 0, LruSwapView::slotColour(LruSwapView::SlotState::Cached), LruSwapView::tr("slot in swap cache") },
    };
}

/// The legend's items flowed into `width` from (0, 0): one box per item.
std::vector<QRectF> flowLegend(const QFont& font, qreal width)
{
    const QFontMetricsF fm(font);
    const qreal h = fm.lineSpacing() * 1.3, s = h * 0.7;
    std::vector<QRectF> out;
    qreal x = 0, y = 0;
    for (const LegendItem& it : legendItems()) {
        const qreal need = s + 5 + fm.horizontalAdvance(it.text) + h * 0.8;
        if (x > 0 && x + need > width) {
            x = 0;
            y += h;
        }
        out.emplace_back(x, y, need, h);
        x += need;
    }
    return out;
}

} // namespace

// ---- SwapGridGeometry -------------------------------------------------------------------

SwapGridGeometry SwapGridGeometry::fit(std::uint64_t n, QSizeF area, int maxCellPx)
{
    SwapGridGeometry g;
    g.slotCount = n;
    const double W = std::max(1.0, std::floor(area.width())), H = std::max(1.0, std::floor(area.height()));
    for (int px = maxCellPx; px >= kMinSquarePx; --px) {
        const int cols = int(W) / px;
        if (cols < 1) continue;
        const std::uint64_t rows = (n + std::uint64_t(cols) - 1) / std::uint64_t(cols);
        if (double(rows) * px <= H) {
            g.cellW = g.cellH = px;
            g.columns = cols;
            return g;
        }
    }
    // Fill the area: at least a pixel per cell, grouping slots when there are more than pixels.
    const double pixels = W * H;
    g.slotsPerCell = std::max<std::uint64_t>(1, std::uint64_t(std::ceil(double(n) / pixels)));
    for (;;) {
        const double cells = double(g.cells());
        int cols = int(std::clamp(std::round(std::sqrt(cells * W / H)), 1.0, W));
        std::uint64_t rows = (g.cells() + std::uint64_t(cols) - 1) / std::uint64_t(cols);
        if (double(rows) > H) {
            cols = int(W);
            rows = (g.cells() + std::uint64_t(cols) - 1) / std::uint64_t(cols);
        }
        if (double(rows) <= H) {
            g.columns = cols;
            g.cellW = W / cols;
            g.cellH = std::min(H / double(rows), g.cellW * 4);
            return g;
        }
        ++g.slotsPerCell;
    }
}

QRectF SwapGridGeometry::cellRect(std::uint64_t offset) const
{
    if (offset >= slotCount || columns < 1) return QRectF();
    const std::uint64_t cell = offset / slotsPerCell;
    const std::uint64_t row = cell / std::uint64_t(columns), col = cell % std::uint64_t(columns);
    return QRectF(origin.x() + double(col) * cellW, origin.y() + double(row) * cellH, cellW, cellH);
}

std::optional<std::uint64_t> SwapGridGeometry::offsetAt(QPointF p) const
{
    const double x = p.x() - origin.x(), y = p.y() - origin.y();
    if (x < 0 || y < 0 || columns < 1) return std::nullopt;
    const std::uint64_t col = std::uint64_t(x / cellW), row = std::uint64_t(y / cellH);
    if (col >= std::uint64_t(columns)) return std::nullopt;
    const std::uint64_t off = (row * std::uint64_t(columns) + col) * slotsPerCell;
    if (off >= slotCount) return std::nullopt;
    return off;
}

// ---- fonts and legend ---------------------------------------------------------------------

struct LruSwapView::Fonts : ScaledFonts {
    explicit Fonts(const QWidget* w) : ScaledFonts(w, 40.0, 68.0, 26.0) {}
};

// ---- the view ---------------------------------------------------------------------------

LruSwapView::LruSwapView(ViewContext* ctx, QWidget* parent)
    : QWidget(parent)
    , m_ctx(ctx)
{
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMouseTracking(true);
    setAccessibleName(tr("LRU lists and swap"));
    setAccessibleDescription(tr("The pages of each LRU list from head to tail, and every slot of each swap area"));
    connect(m_ctx, &ViewContext::stateChanged, this, &LruSwapView::onStateChanged);
    connect(m_ctx, &ViewContext::progressChanged, this, qOverload<>(&QWidget::update));
}

LruSwapView::~LruSwapView() = default;

void LruSwapView::setStepEvent(std::optional<Event> e)
{
    m_override = e;
    invalidate();
}

const Event* LruSwapView::stepEvent() const
{
    return m_override ? &*m_override : m_ctx->currentEvent();
}

void LruSwapView::onStateChanged()
{
    m_override.reset();
    invalidate();
}

void LruSwapView::invalidate()
{
    m_dirty = true;
    update();
}

void LruSwapView::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    m_gridsValid = false;
    invalidate();
}

void LruSwapView::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        setAccessibleName(tr("LRU lists and swap"));
        setAccessibleDescription(tr("The pages of each LRU list from head to tail, and every slot of each swap area"));
        invalidate();
    } else if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange) {
        m_gridsValid = false;
        invalidate();
    }
    QWidget::changeEvent(event);
}

bool LruSwapView::event(QEvent* event)
{
    if (event->type() == QEvent::ToolTip) {
        auto* he = static_cast<QHelpEvent*>(event);
        ensureLayout();
        for (const Queue& q : m_queues)
            for (std::size_t i = 0; i < q.cells.size(); ++i)
                if (q.cells[i].contains(he->pos())) {
                    QToolTip::showText(he->globalPos(), toolTipForPage(q.pages[i]), this, q.cells[i].toAlignedRect());
                    return true;
                }
        for (const SwapPanel& sp : m_panels)
            if (const auto off = sp.grid.offsetAt(he->pos())) {
                QToolTip::showText(he->globalPos(), toolTipForSlot(sp.type, *off), this,
                    sp.grid.cellRect(*off).toAlignedRect());
                return true;
            }
        QToolTip::hideText();
        return true;
    }
    return QWidget::event(event);
}

QString LruSwapView::toolTipForPage(Pfn pfn) const
{
    const Machine& m = m_ctx->machine();
    if (pfn >= m.frames.size()) return QString();
    QStringList lines;
    const FrameState s = m.frames.state(pfn);
    if (s == FrameState::Anon) {
        const Process* p = m.proc(m.frames.priv(pfn));
        lines << tr("page %1: anonymous, of %2").arg(EventText::pfn(pfn), p ? tr("%1 (%2)").arg(p->pid).arg(QString::fromStdString(m.str(p->comm))) : QString::number(m.frames.priv(pfn)));
    } else if (s == FrameState::File) {
        const std::uint32_t f = m.frames.priv(pfn);
        lines << tr("page %1: page cache of %2, page %3")
                     .arg(EventText::pfn(pfn),
                         f < m.files.size() ? QString::fromStdString(m.str(m.files[f].name)) : QString::number(f))
                     .arg(m.frames.next(pfn));
    } else {
        lines << tr("page %1").arg(EventText::pfn(pfn));
    }
    lines << tr("on the %1 list").arg(listName(m.pageExt.lru(pfn)));
    QStringList flags;
    if (m.pageExt.test(pfn, PageFlag::Referenced)) flags << tr("referenced");
    if (m.pageExt.test(pfn, PageFlag::Dirty)) flags << tr("dirty");
    if (m.pageExt.test(pfn, PageFlag::Workingset)) flags << tr("workingset");
    if (m.pageExt.test(pfn, PageFlag::SwapCache)) {
        const std::uint32_t e = m.pageExt.swap(pfn);
        flags << tr("in the swap cache (slot %1 of area %2)").arg(num(SwapEntry::offset(e))).arg(SwapEntry::type(e));
    }
    if (!flags.isEmpty()) lines << flags.join(u", "_s);
    return lines.join(u"\n"_s);
}

QString LruSwapView::toolTipForSlot(int type, std::uint64_t offset) const
{
    const Machine& m = m_ctx->machine();
    if (type < 0 || std::size_t(type) >= m.swap.areas.size()) return QString();
    const SwapArea& a = m.swap.areas[std::size_t(type)];
    const SwapPanel* sp = nullptr;
    for (const SwapPanel& p : m_panels)
        if (p.type == type) sp = &p;
    const std::uint64_t per = sp ? sp->grid.slotsPerCell : 1;
    if (per > 1) {
        const std::uint64_t first = offset, last = std::min(a.pages, offset + per - 1);
        std::uint64_t used = 0, cached = 0;
        for (std::uint64_t o = std::max<std::uint64_t>(first, 1); o <= last; ++o) {
            const std::uint8_t v = a.at(o);
            used += v != 0;
            cached += (v & kSwapHasCache) != 0;
        }
        return tr("slots %1 – %2: %3 in use, %4 in the swap cache").arg(num(first), num(last), num(used), num(cached));
    }
    if (offset == 0) return tr("slot 0: the swap header (never used for pages)");
    if (offset > a.pages) return QString();
    const std::uint8_t v = a.at(offset);
    if (v == 0) return tr("slot %1: free").arg(num(offset));
    QString s = tr("slot %1: %2 page-table entries refer to it").arg(num(offset)).arg(v & kSwapCountMask);
    if (v & kSwapHasCache) {
        const std::uint32_t e = SwapEntry::pack(std::uint32_t(type), offset);
        auto it = m.swap.cache.find(e);
        s += u"\n"_s
            + (it != m.swap.cache.end() ? tr("in the swap cache: page %1").arg(EventText::pfn(it->second))
                                        : tr("in the swap cache"));
    }
    return s;
}

// ---- state ------------------------------------------------------------------------------

LruSwapView::SlotState LruSwapView::slotState(std::uint64_t offset, std::uint8_t v)
{
    if (offset == 0) return SlotState::Header;
    if (v & kSwapHasCache) return SlotState::Cached;
    return v ? SlotState::Used : SlotState::Free;
}

QColor LruSwapView::slotColour(SlotState s)
{
    const bool dark = Palette::isDark();
    switch (s) {
    case SlotState::Free:
        return Palette::tint(Palette::text(), dark ? 0.12 : 0.08);
    case SlotState::Used:
        return dark ? QColor(0x6a, 0x9a, 0xdc) : QColor(0x3f, 0x6f, 0xb0);
    case SlotState::Cached:
        return dark ? QColor(0x3c, 0xd0, 0x9c) : QColor(0x12, 0x9a, 0x6e);
    case SlotState::Header:
        return Palette::mutedText();
    }
    return Qt::gray;
}

std::optional<Pfn> LruSwapView::highlightedPage() const
{
    const Event* e = stepEvent();
    if (!e) return std::nullopt;
    switch (e->type) {
    case EventType::LruMove:
    case EventType::SwapOut:
    case EventType::SwapIn:
    case EventType::SwapCacheDel:
    case EventType::Writeback:
        return e->pfn;
    default:
        return std::nullopt;
    }
}

std::optional<std::uint32_t> LruSwapView::highlightedEntry() const
{
    const Event* e = stepEvent();
    if (!e) return std::nullopt;
    switch (e->type) {
    case EventType::SwapOut:
    case EventType::SwapIn:
    case EventType::SwapCacheDel:
        return static_cast<std::uint32_t>(e->a);
    case EventType::Writeback:
        if (!(e->flags & EventFlag::FileLru)) return static_cast<std::uint32_t>(e->a);
        return std::nullopt;
    default:
        return std::nullopt;
    }
}

std::optional<std::pair<std::uint8_t, std::uint8_t>> LruSwapView::movedLists() const
{
    const Event* e = stepEvent();
    if (!e || e->type != EventType::LruMove) return std::nullopt;
    return std::make_pair(std::uint8_t(e->order >> 4), std::uint8_t(e->order & 0xF));
}

std::optional<LruList> LruSwapView::scannedList() const
{
    const Event* e = stepEvent();
    if (!e || e->type != EventType::Reclaim) return std::nullopt;
    const bool file = e->flags & EventFlag::FileLru, active = e->flags & EventFlag::Active;
    return file ? (active ? LruList::ActiveFile : LruList::InactiveFile)
                : (active ? LruList::ActiveAnon : LruList::InactiveAnon);
}

QString LruSwapView::stepCaption() const
{
    const Event* e = stepEvent();
    if (!e) return QString();
    const Machine& m = m_ctx->machine();
    const auto slotText = [&](std::uint32_t entry) {
        const std::uint32_t t = SwapEntry::type(entry);
        const QString area = t < m.swap.areas.size() ? areaName(m, m.swap.areas[t]) : QString::number(t);
        return tr("slot %1 of %2").arg(num(SwapEntry::offset(entry)), area);
    };
    switch (e->type) {
    case EventType::LruMove: {
        const std::uint8_t from = e->order >> 4, to = e->order & 0xF;
        const QString page = EventText::pfn(e->pfn);
        if (from == kNoLru && to != kNoLru) return tr("Page %1 joins the head of the %2 list.").arg(page, listName(to));
        if (to == kNoLru) return tr("Page %1 leaves the %2 list (isolated for reclaim, or freed).").arg(page, listName(from));
        if (from == to)
            return (e->flags & EventFlag::Referenced)
                ? tr("Page %1 was referenced: it gets a second chance (PG_referenced) and goes back to the head of the "
                     "%2 list.")
                      .arg(page, listName(to))
                : tr("Page %1 is rotated to the head of the %2 list.").arg(page, listName(to));
        if (lruIsActive(static_cast<LruList>(to)))
            return tr("Page %1 is activated: referenced again, it moves from the %2 list to the head of the %3 list.")
                .arg(page, listName(from), listName(to));
        return tr("Page %1 is deactivated: it moves from the %2 list to the head of the %3 list.")
            .arg(page, listName(from), listName(to));
    }
    case EventType::Reclaim: {
        const QString list = listName(*scannedList());
        return ((e->flags & EventFlag::Direct)
                    ? tr("Direct reclaim scans the tail of the %1 list: %2 pages scanned, %3 reclaimed (priority %4).")
                    : tr("kswapd scans the tail of the %1 list: %2 pages scanned, %3 reclaimed (priority %4)."))
            .arg(list, num(e->a), num(e->b))
            .arg(e->order);
    }
    case EventType::SwapOut:
        return tr("add_to_swap(): page %1 gets %2 and joins the swap cache. It stays dirty until it is written out.")
            .arg(EventText::pfn(e->pfn), slotText(std::uint32_t(e->a)));
    case EventType::Writeback:
        if (e->flags & EventFlag::FileLru)
            return tr("pageout(): page %1 is written back to its file.").arg(EventText::pfn(e->pfn));
        return tr("pageout(): page %1 is written to %2; once clean it can be freed.")
            .arg(EventText::pfn(e->pfn), slotText(std::uint32_t(e->a)));
    case EventType::SwapIn:
        return tr("swap_read_folio(): %1 is read into page %2 (a major fault). The page stays in the swap cache.")
            .arg(slotText(std::uint32_t(e->a)), EventText::pfn(e->pfn));
    case EventType::SwapCacheDel:
        return tr("Page %1 leaves the swap cache; %2 is freed unless a page table still refers to it.")
            .arg(EventText::pfn(e->pfn), slotText(std::uint32_t(e->a)));
    case EventType::SwapOn:
        return tr("swapon: a swap area of %1 slots is enabled.").arg(num(e->b));
    default:
        return QString();
    }
}

QString LruSwapView::captionText() const
{
    const QString s = stepCaption();
    if (!s.isEmpty()) return s;
    return tr("Each row is an LRU list: new and rotated pages enter at the head (left), reclaim takes pages from "
              "the tail (right). Below, every slot of each swap area.");
}

// ---- layout -----------------------------------------------------------------------------

const std::vector<LruSwapView::Queue>& LruSwapView::queues() const
{
    ensureLayout();
    return m_queues;
}

const LruSwapView::Queue* LruSwapView::queue(LruList l) const
{
    ensureLayout();
    for (const Queue& q : m_queues)
        if (q.list == l) return &q;
    return nullptr;
}

QRectF LruSwapView::pageRect(Pfn pfn) const
{
    ensureLayout();
    for (const Queue& q : m_queues)
        for (std::size_t i = 0; i < q.pages.size(); ++i)
            if (q.pages[i] == pfn) return q.cells[i];
    return QRectF();
}

const std::vector<LruSwapView::SwapPanel>& LruSwapView::swapPanels() const
{
    ensureLayout();
    return m_panels;
}

QRectF LruSwapView::slotRect(std::uint32_t entry) const
{
    ensureLayout();
    for (const SwapPanel& sp : m_panels)
        if (std::uint32_t(sp.type) == SwapEntry::type(entry)) return sp.grid.cellRect(SwapEntry::offset(entry));
    return QRectF();
}

/// The rows of `m`'s lists in the rectangles already decided in m_queues (same lists).
std::vector<LruSwapView::Queue> LruSwapView::layoutQueues(const Machine& m, const Fonts& f) const
{
    std::vector<Queue> out = m_queues;
    const QFontMetricsF fms(f.small);
    const qreal pitch = m_cellPx + std::max(2.0, std::round(m_cellPx * 0.18));
    for (Queue& q : out) {
        const LruHead& h = m.lru[q.list];
        q.size = h.size;
        q.pages.clear();
        q.cells.clear();
        q.more = QRectF();
        // Room for cells; when the list is longer, a "+ N more" box at the head end.
        const int fitAll = int(std::floor((q.strip.width() + pitch - m_cellPx) / pitch));
        int shown = int(std::min<std::uint64_t>(h.size, std::uint64_t(std::max(0, fitAll))));
        q.hidden = h.size - std::uint64_t(shown);
        qreal moreW = 0;
        if (q.hidden > 0) {
            moreW = fms.horizontalAdvance(tr("+ %1 more").arg(num(h.size))) + 14;
            shown = std::max(0, int(std::floor((q.strip.width() - moreW - 10 + pitch - m_cellPx) / pitch)));
            shown = int(std::min<std::uint64_t>(h.size, std::uint64_t(shown)));
            q.hidden = h.size - std::uint64_t(shown);
        }
        // The head's newest pages stay in view when the middle is folded away, so a
        // page moving to the head is seen arriving.
        const int headShown = q.hidden > 0 ? std::min(2, shown / 4) : 0;
        const int tailShown = shown - headShown;
        q.headCount = headShown;
        std::vector<Pfn> fromTail;
        fromTail.reserve(std::size_t(tailShown));
        std::uint32_t p = h.tail;
        for (int i = 0; i < tailShown && p != kNil; ++i) {
            fromTail.push_back(p);
            p = m.pageExt.prev(p);
        }
        const qreal cy = q.strip.center().y() - m_cellPx / 2;
        std::uint32_t hp = h.head;
        for (int i = 0; i < headShown && hp != kNil; ++i) {
            q.pages.push_back(hp);
            q.cells.emplace_back(q.strip.left() + double(i) * pitch, cy, m_cellPx, m_cellPx);
            hp = m.pageExt.next(hp);
        }
        for (std::size_t i = fromTail.size(); i-- > 0;) {
            q.pages.push_back(fromTail[i]);
            q.cells.emplace_back(q.strip.right() - m_cellPx - double(i) * pitch, cy, m_cellPx, m_cellPx);
        }
        if (q.hidden > 0) {
            const qreal left = q.strip.left() + double(headShown) * pitch + (headShown ? 4 : 0);
            const qreal right = fromTail.empty() ? q.strip.right() : q.cells[std::size_t(headShown)].left() - 6;
            q.more = QRectF(left, cy - 2, std::max(0.0, right - left), m_cellPx + 4);
        }
    }
    return out;
}

void LruSwapView::ensureLayout() const
{
    if (!m_dirty) return;
    m_dirty = false;
    const Fonts f(this);
    const Machine& m = m_ctx->machine();
    const qreal pad = std::round(f.lh * 0.6);
    const qreal W = width(), H = height();
    const QFontMetricsF fmb(f.bold), fms(f.small), fmt(f.title);

    m_header = QRectF(0, 0, W, std::round(f.lh * 1.9));
    m_captionText = captionText();
    const QRectF capArea(pad, m_header.bottom() + pad * 0.4, W - 2 * pad, fmb.lineSpacing() * 2 + 2);
    const QRectF used = fmb.boundingRect(capArea, Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop, m_captionText);
    m_caption = QRectF(capArea.left(), capArea.top(), capArea.width(), std::min(capArea.height(), used.height()));

    // The legend flows along the bottom, on as many lines as it needs.
    const auto legendBoxes = flowLegend(f.small, W - 2 * pad);
    const qreal legendH = legendBoxes.empty() ? 0 : legendBoxes.back().bottom();
    m_legend = QRectF(pad, H - pad * 0.5 - legendH, W - 2 * pad, legendH);

    // Lists: the evictable four, the unevictable one only when used.
    std::vector<LruList> lists;
    for (LruList l : kOrder)
        if (l != LruList::Unevictable || m.lru[l].size > 0) lists.push_back(l);
    m_lruTitle = QRectF(pad, m_caption.bottom() + pad * 0.6, W - 2 * pad, fms.lineSpacing());
    const qreal lruTop = m_lruTitle.bottom() + 2;
    const bool hasSwap = !m.swap.areas.empty();
    const qreal bottom = m_legend.top() - pad * 0.5;
    // Rows: two lines of label text or a cell, whichever is taller; the swap grids want
    // at least a third of the rest.
    const qreal labelRowH = f.lh + fms.lineSpacing() + 4;
    const qreal swapMin = hasSwap ? std::max<qreal>(f.lh * 2 + 40, (bottom - lruTop) * 0.34) : 0;
    const qreal rowAvail = (bottom - lruTop - swapMin - (hasSwap ? pad : 0)) / qreal(lists.size());
    const qreal rowH = std::clamp(rowAvail, labelRowH, std::max(labelRowH, f.lh * 2.8));
    m_cellPx = std::floor(std::clamp(rowH - 10, 10.0, f.lh * 1.6));

    m_labelW = 0;
    for (LruList l : lists) {
        m_labelW = std::max(m_labelW, fmb.horizontalAdvance(listName(l)));
        m_labelW = std::max(m_labelW, fms.horizontalAdvance(tr("%1 pages · %2").arg(num(m.lru[l].size), EventText::bytes(m.lru[l].size * m.pageSize()))));
    }
    m_labelW = std::min(std::ceil(m_labelW + pad), W * 0.32);
    const qreal tailRoom = std::ceil(fms.horizontalAdvance(u"→"_s) + pad * 1.2);

    m_queues.clear();
    qreal y = lruTop;
    for (LruList l : lists) {
        Queue q;
        q.list = l;
        q.row = QRectF(pad, y, W - 2 * pad, rowH);
        q.strip = QRectF(pad + m_labelW, y, W - 2 * pad - m_labelW - tailRoom, rowH);
        m_queues.push_back(q);
        y += rowH;
    }
    m_queues = layoutQueues(m, f);
    m_before = layoutQueues(m_ctx->previousMachine(), f);

    // Swap areas share the rest, each with a title line above its grid.
    m_panels.clear();
    m_swapArea = QRectF(pad, y + pad, W - 2 * pad, std::max<qreal>(0, bottom - y - pad));
    if (hasSwap) {
        const qreal each = m_swapArea.height() / qreal(m.swap.areas.size());
        for (std::size_t i = 0; i < m.swap.areas.size(); ++i) {
            SwapPanel sp;
            sp.type = int(i);
            const qreal top = m_swapArea.top() + each * qreal(i);
            sp.title = QRectF(m_swapArea.left(), top, m_swapArea.width(), f.lh * 1.2);
            const QSizeF gridArea(m_swapArea.width(), std::max<qreal>(4, each - sp.title.height() - 4));
            sp.grid = SwapGridGeometry::fit(m.swap.areas[i].pages + 1, gridArea);
            sp.grid.origin = QPointF(m_swapArea.left(), sp.title.bottom() + 2);
            m_panels.push_back(sp);
        }
    }
}

void LruSwapView::renderGrids() const
{
    const Machine& m = m_ctx->machine();
    const bool sameShape = m_gridImages.size() == m_panels.size() && m_gridGeneration == Palette::generation();
    if (!sameShape) {
        m_gridImages.assign(m_panels.size(), QImage());
        m_gridMaps.assign(m_panels.size(), CowChunks<SwapMapChunk>());
        m_gridGeos.assign(m_panels.size(), SwapGridGeometry());
        m_gridGeneration = Palette::generation();
    }
    QList<QRgb> table(GCount);
    table[GNone] = Palette::background().rgb();
    table[GFree] = slotColour(SlotState::Free).rgb();
    table[GUsed] = slotColour(SlotState::Used).rgb();
    table[GPartUsed] = Palette::mix(slotColour(SlotState::Free), slotColour(SlotState::Used), 0.55).rgb();
    table[GCached] = slotColour(SlotState::Cached).rgb();
    table[GHeader] = slotColour(SlotState::Header).rgb();
    for (std::size_t i = 0; i < m_panels.size(); ++i) {
        const SwapPanel& sp = m_panels[i];
        const SwapArea& a = m.swap.areas[std::size_t(sp.type)];
        const SwapGridGeometry& g = sp.grid;
        const bool geoSame = m_gridGeos[i].slotCount == g.slotCount && m_gridGeos[i].columns == g.columns
            && m_gridGeos[i].slotsPerCell == g.slotsPerCell;
        if (m_gridsValid && geoSame && !m_gridImages[i].isNull() && m_gridMaps[i].sharesAllWith(a.map)) continue;
        QImage img(std::max(1, g.columns), int(std::max<std::uint64_t>(1, g.rows())), QImage::Format_Indexed8);
        img.setColorTable(table);
        img.fill(GNone);
        const std::uint64_t cells = g.cells();
        const std::uint64_t last = a.pages; // offsets 1..pages are slots
        for (std::uint64_t c = 0; c < cells; ++c) {
            const std::uint64_t first = c * g.slotsPerCell, end = std::min(first + g.slotsPerCell, last + 1);
            std::uint8_t idx = GFree;
            std::uint64_t usedN = 0, n = 0;
            bool cached = false, header = false;
            for (std::uint64_t o = first; o < end; ++o) {
                if (o == 0) {
                    header = true;
                    continue;
                }
                const std::uint8_t v = a.at(o);
                ++n;
                usedN += v != 0;
                cached |= (v & kSwapHasCache) != 0;
            }
            if (cached)
                idx = GCached;
            else if (usedN > 0)
                idx = usedN * 2 >= n ? GUsed : GPartUsed;
            else if (header)
                idx = GHeader;
            const std::uint64_t row = c / std::uint64_t(g.columns), col = c % std::uint64_t(g.columns);
            img.scanLine(int(row))[col] = idx;
        }
        m_gridImages[i] = img;
        m_gridMaps[i] = a.map;
        m_gridGeos[i] = g;
    }
    m_gridsValid = true;
}

// ---- painting -----------------------------------------------------------------------------

void LruSwapView::paintEvent(QPaintEvent*)
{
    ensureLayout();
    renderGrids();
    const Fonts f(this);
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.setRenderHint(QPainter::TextAntialiasing);
    p.fillRect(rect(), Palette::background());
    const qreal pad = std::round(f.lh * 0.6);

    // Title and counters.
    const Machine& m = m_ctx->machine();
    p.setFont(f.title);
    p.setPen(Palette::text());
    const QString title = tr("LRU lists and swap");
    p.drawText(QRectF(pad, 0, width() - 2 * pad, m_header.height()), Qt::AlignLeft | Qt::AlignVCenter, title);
    {
        const qreal x = pad + QFontMetricsF(f.title).horizontalAdvance(title) + pad * 2;
        const ReclaimCounters& rc = m.rc;
        const QString counters = tr("pgactivate %1 · pgdeactivate %2 · pswpout %3 · pswpin %4")
                                     .arg(num(rc.pgactivate), num(rc.pgdeactivate), num(rc.pswpout), num(rc.pswpin));
        p.setFont(f.small);
        p.setPen(Palette::mutedText());
        const QRectF r(x, 0, width() - pad - x, m_header.height());
        p.drawText(r, Qt::AlignRight | Qt::AlignVCenter,
            QFontMetricsF(f.small).elidedText(counters, Qt::ElideLeft, r.width()));
    }
    p.setPen(QPen(Palette::gridLine(), Palette::line(1)));
    p.drawLine(QPointF(0, m_header.bottom() - 0.5), QPointF(width(), m_header.bottom() - 0.5));

    drawViewCaption(p, f, m_caption, m_captionText, !stepCaption().isEmpty());

    paintQueues(p, f);
    paintSwap(p, f);
    const double t = QEasingCurve(QEasingCurve::InOutCubic).valueForProgress(std::clamp(m_ctx->progress(), 0.0, 1.0));
    paintStep(p, f, t);
    paintLegend(p, f);
}

void LruSwapView::paintCell(QPainter& p, const QRectF& r, Pfn pfn, const Machine& m) const
{
    const QColor fill = cellFill(m, pfn);
    const QColor ink = Palette::textOn(fill);
    p.setPen(QPen(fill.darker(Palette::isDark() ? 80 : 125), Palette::line(1)));
    p.setBrush(fill);
    p.drawRect(r.adjusted(0.5, 0.5, -0.5, -0.5));
    if (pfn >= m.frames.size()) return;
    const qreal s = r.width();
    if (m.pageExt.test(pfn, PageFlag::SwapCache)) {
        // Hatched, with a border in the grid's swap-cache colour.
        p.setBrush(QBrush(Palette::withAlpha(ink, 0.55), Qt::BDiagPattern));
        p.setPen(QPen(slotColour(SlotState::Cached), std::max(Palette::line(2.0), s * 0.12)));
        p.drawRect(r.adjusted(1, 1, -1, -1));
    }
    if (m.pageExt.test(pfn, PageFlag::Referenced)) {
        const qreal d = std::max(3.0, s * 0.34);
        p.setPen(Qt::NoPen);
        p.setBrush(ink);
        p.drawEllipse(QRectF(r.left() + s * 0.12, r.top() + s * 0.12, d, d));
    }
    if (m.pageExt.test(pfn, PageFlag::Dirty)) {
        const qreal d = std::max(4.0, s * 0.45);
        QPolygonF tri;
        tri << QPointF(r.right(), r.bottom()) << QPointF(r.right() - d, r.bottom()) << QPointF(r.right(), r.bottom() - d);
        p.setPen(Qt::NoPen);
        p.setBrush(ink);
        p.drawPolygon(tri);
    }
}

void LruSwapView::paintQueues(QPainter& p, const Fonts& f) const
{
    const Machine& m = m_ctx->machine();
    const QFontMetricsF fms(f.small), fmb(f.bold);
    if (m_queues.empty()) return;

    // Column titles: which end is which.
    const Queue& first = m_queues.front();
    p.setFont(f.small);
    p.setPen(Palette::mutedText());
    p.drawText(QRectF(first.strip.left(), m_lruTitle.top(), first.strip.width() / 2, m_lruTitle.height()),
        Qt::AlignLeft | Qt::AlignVCenter, tr("← head: newest"));
    p.drawText(QRectF(first.strip.center().x(), m_lruTitle.top(), m_lruTitle.right() - first.strip.center().x(),
                   m_lruTitle.height()),
        Qt::AlignRight | Qt::AlignVCenter, tr("tail: oldest, reclaim takes these →"));

    const std::optional<LruList> scanned = scannedList();
    const Event* e = stepEvent();
    for (std::size_t k = 0; k < m_queues.size(); ++k) {
        const Queue& q = m_queues[k];
        // Alternate anon and file bands so the two halves read as pairs.
        if (!lruIsFile(q.list) && q.list != LruList::Unevictable) {
            p.setPen(Qt::NoPen);
            p.setBrush(Palette::tint(Palette::text(), Palette::isDark() ? 0.05 : 0.03));
            p.drawRect(q.row);
        }
        const bool lit = scanned && *scanned == q.list;
        if (lit) {
            p.setPen(QPen(Palette::highlight(), Palette::line(2)));
            p.setBrush(Palette::withAlpha(Palette::highlight(), 0.06));
            p.drawRoundedRect(q.row.adjusted(-2, 1, 2, -1), 4, 4);
        }
        const QRectF label(q.row.left() + 4, q.row.top(), m_labelW - 8, q.row.height());
        const qreal textH = f.lh + fms.lineSpacing();
        const qreal ty = q.row.center().y() - textH / 2;
        p.setFont(f.bold);
        p.setPen(lit ? hot() : Palette::text());
        p.drawText(QRectF(label.left(), ty, label.width(), f.lh), Qt::AlignLeft | Qt::AlignVCenter,
            fmb.elidedText(listName(q.list), Qt::ElideRight, label.width()));
        p.setFont(f.small);
        p.setPen(Palette::mutedText());
        const QString sz = tr("%1 pages · %2").arg(num(q.size), EventText::bytes(q.size * m.pageSize()));
        p.drawText(QRectF(label.left(), ty + f.lh, label.width(), fms.lineSpacing()), Qt::AlignLeft | Qt::AlignVCenter,
            fms.elidedText(sz, Qt::ElideRight, label.width()));

        // The queue's spine from the head to the tail, then the cells.
        const qreal sy = q.strip.center().y();
        qreal spineLeft = q.strip.left();
        if (q.size == 0) {
            // "empty" where the head would be, the spine after it.
            p.setFont(f.small);
            p.setPen(Palette::mutedText());
            p.drawText(q.strip.adjusted(4, 0, 0, 0), Qt::AlignLeft | Qt::AlignVCenter, tr("empty"));
            spineLeft = std::min(q.strip.right(), q.strip.left() + 4 + fms.horizontalAdvance(tr("empty")) + 6);
        }
        p.setPen(QPen(Palette::gridLine(), Palette::line(2)));
        p.drawLine(QPointF(spineLeft, sy), QPointF(q.strip.right() + 4, sy));
        for (std::size_t i = 0; i < q.pages.size(); ++i) paintCell(p, q.cells[i], q.pages[i], m);
        if (!q.more.isEmpty()) {
            p.setPen(QPen(Palette::mutedText(), Palette::line(1), Qt::DashLine));
            p.setBrush(Palette::background());
            p.drawRoundedRect(q.more, 3, 3);
            p.setFont(f.small);
            p.setPen(Palette::text());
            p.drawText(q.more, Qt::AlignCenter,
                fms.elidedText(tr("+ %1 more").arg(num(q.hidden)), Qt::ElideRight, q.more.width() - 4));
        }
        // The tail end: an arrow out of the list (eviction for the inactive lists,
        // deactivation for the active ones).
        const qreal ax = q.strip.right() + 6;
        p.setPen(QPen(lit ? hot() : Palette::mutedText(), Palette::line(lit ? 2.5 : 1.5)));
        p.drawLine(QPointF(ax, sy), QPointF(ax + fms.horizontalAdvance(u"→"_s), sy));
        arrowHead(p, QPointF(ax + fms.horizontalAdvance(u"→"_s) + 4, sy), QPointF(ax, sy), 7,
            lit ? hot() : Palette::mutedText());
        if (lit && e && !q.cells.empty()) {
            // The batch taken from the tail: as many cells as it scanned, bracketed.
            const std::size_t n = std::min<std::size_t>(q.cells.size(), std::size_t(e->a));
            const QRectF a = q.cells[q.cells.size() - n], b = q.cells.back();
            p.setPen(QPen(hot(), Palette::line(2)));
            p.setBrush(Qt::NoBrush);
            p.drawRoundedRect(QRectF(a.topLeft(), b.bottomRight()).adjusted(-3, -3, 3, 3), 3, 3);
        }
    }
}

void LruSwapView::paintSwap(QPainter& p, const Fonts& f) const
{
    const Machine& m = m_ctx->machine();
    const QFontMetricsF fm(f.text), fms(f.small);
    if (m_panels.empty()) {
        p.setFont(f.text);
        p.setPen(Palette::mutedText());
        p.drawText(m_swapArea, Qt::AlignCenter | Qt::TextWordWrap,
            m.frames.size() == 0
                ? tr("No machine yet.")
                : tr("No swap area. Anonymous pages cannot be reclaimed without one: only the page cache can."));
        return;
    }
    const std::uint64_t cachedPages = m.swap.cache.size();
    for (std::size_t i = 0; i < m_panels.size(); ++i) {
        const SwapPanel& sp = m_panels[i];
        const SwapArea& a = m.swap.areas[std::size_t(sp.type)];
        const std::uint64_t ps = m.pageSize();
        const QString t = tr("%1 (%2, priority %3): %4 / %5 slots used (%6 of %7)")
                              .arg(areaName(m, a), a.partition ? tr("partition") : tr("file"))
                              .arg(a.priority)
                              .arg(num(a.inuse), num(a.pages), EventText::bytes(a.inuse * ps),
                                  EventText::bytes(a.pages * ps));
        QStringList extra;
        if (i == 0) extra << tr("SwapCached %1 pages").arg(num(cachedPages));
        if (sp.grid.slotsPerCell > 1) extra << tr("%1 slots per dot").arg(num(sp.grid.slotsPerCell));
        const QString side = extra.join(u" · "_s);
        const QFontMetricsF fb(f.bold);
        const qreal sideW = side.isEmpty() ? 0 : fms.horizontalAdvance(side) + f.lh;
        const bool sideFits = fb.horizontalAdvance(t) + sideW <= sp.title.width();
        p.setFont(f.bold);
        p.setPen(Palette::text());
        p.drawText(sp.title, Qt::AlignLeft | Qt::AlignVCenter,
            fb.elidedText(sideFits ? t : t + u" · "_s + side, Qt::ElideRight, sp.title.width()));
        if (sideFits && !side.isEmpty()) {
            p.setFont(f.small);
            p.setPen(Palette::mutedText());
            p.drawText(sp.title, Qt::AlignRight | Qt::AlignVCenter, side);
        }
        if (i < m_gridImages.size() && !m_gridImages[i].isNull()) {
            const QRectF target(sp.grid.origin, sp.grid.size());
            p.save();
            p.setRenderHint(QPainter::SmoothPixmapTransform, false);
            p.setRenderHint(QPainter::Antialiasing, false);
            p.drawImage(target, m_gridImages[i]);
            if (sp.grid.squares() && sp.grid.cellW >= 6) {
                // Cell borders when cells are big enough to be counted.
                p.setPen(QPen(Palette::background(), Palette::line(1)));
                for (int c = 0; c <= sp.grid.columns; ++c)
                    p.drawLine(QPointF(target.left() + c * sp.grid.cellW, target.top()),
                        QPointF(target.left() + c * sp.grid.cellW, target.bottom()));
                for (std::uint64_t r = 0; r <= sp.grid.rows(); ++r)
                    p.drawLine(QPointF(target.left(), target.top() + double(r) * sp.grid.cellH),
                        QPointF(target.right(), target.top() + double(r) * sp.grid.cellH));
            }
            // Slots in the swap cache are what a step is about, but a pixel is hard to
            // see: mark each with a small square when there are not too many.
            if (!sp.grid.squares() && m.swap.cache.size() <= 4096) {
                const qreal d = 5;
                p.setPen(QPen(Palette::background(), Palette::line(1)));
                p.setBrush(slotColour(SlotState::Cached));
                for (auto it = m.swap.cache.begin(); it != m.swap.cache.end(); ++it) {
                    if (SwapEntry::type(it->first) != std::uint32_t(sp.type)) continue;
                    const QPointF c = sp.grid.cellRect(SwapEntry::offset(it->first)).center();
                    p.drawRect(QRectF(c.x() - d / 2, c.y() - d / 2, d, d));
                }
            }
            p.restore();
        }
    }
}

QPointF LruSwapView::pageAnchor(const std::vector<Queue>& qs, Pfn pfn, std::uint8_t list) const
{
    for (const Queue& q : qs) {
        if (std::uint8_t(q.list) != list) continue;
        for (std::size_t i = 0; i < q.pages.size(); ++i)
            if (q.pages[i] == pfn) return q.cells[i].center();
        // Not shown: the "+ N more" box (the page is nearer the head).
        if (!q.more.isEmpty()) return q.more.center();
        return QPointF(q.strip.left(), q.strip.center().y());
    }
    return QPointF(-1, -1);
}

void LruSwapView::paintStep(QPainter& p, const Fonts& f, double t) const
{
    const Machine& m = m_ctx->machine();
    const Event* e = stepEvent();
    if (!e) return;
    const qreal cell = m_cellPx;
    const auto ring = [&](const QRectF& r, qreal width) {
        p.setPen(QPen(Palette::highlight(), Palette::line(width)));
        p.setBrush(Qt::NoBrush);
        const qreal grow = std::max(3.0, (12 - r.width()) / 2);
        p.drawRoundedRect(r.adjusted(-grow, -grow, grow, grow), 3, 3);
    };

    if (const auto mv = movedLists()) {
        const auto [from, to] = *mv;
        const QPointF dest = to == kNoLru ? QPointF(-1, -1) : pageAnchor(m_queues, e->pfn, to);
        QPointF src = from == kNoLru ? QPointF(-1, -1) : pageAnchor(m_before, e->pfn, from);
        const Queue* dq = to == kNoLru ? nullptr : queue(static_cast<LruList>(to));
        const Queue* sq = nullptr;
        for (const Queue& q : m_queues)
            if (std::uint8_t(q.list) == from) sq = &q;
        if (from == kNoLru && dq) src = QPointF(dq->strip.left() - cell, dq->strip.center().y());
        QPointF end = dest;
        if (to == kNoLru && sq) end = QPointF(sq->strip.right() + cell * 1.5, sq->strip.center().y());
        if (src.x() < 0 || end.x() < 0) return;
        // A curved arrow from where the page was to where it is now, bulging away from the rows.
        QPainterPath path(src);
        const QPointF mid = (src + end) / 2;
        const qreal bulge = std::max<qreal>(cell * 1.5, std::abs(end.x() - src.x()) * 0.12);
        const QPointF ctl(mid.x(), std::min(src.y(), end.y()) - bulge);
        path.quadTo(ctl, end);
        p.setPen(QPen(Palette::withAlpha(hot(), 0.85), Palette::line(2.5), Qt::DashLine));
        p.setBrush(Qt::NoBrush);
        p.drawPath(path);
        arrowHead(p, end, path.pointAtPercent(0.92), 12, hot());
        // The page travelling along it.
        const QPointF at = path.pointAtPercent(std::clamp(t, 0.0, 1.0));
        const QRectF ghost(at.x() - cell / 2, at.y() - cell / 2, cell, cell);
        if (t < 1) {
            paintCell(p, ghost, e->pfn, m);
            ring(ghost, 2.5);
        }
        if (dq && t >= 1) {
            const QRectF r = pageRect(e->pfn);
            if (!r.isEmpty()) ring(r, 3);
        }
        return;
    }

    const auto entry = highlightedEntry();
    const auto page = highlightedPage();
    QRectF pr = page ? pageRect(*page) : QRectF();
    if (page && pr.isEmpty()) {
        // The page is not among the cells shown: point at its list's "+ N more" box.
        const std::uint8_t l = *page < m.frames.size() ? m.pageExt.lru(*page) : kNoLru;
        const Queue* q = l < kNrLru ? queue(static_cast<LruList>(l)) : nullptr;
        if (q) pr = q->more.isEmpty() ? QRectF(q->strip.left(), q->strip.top(), cell, q->strip.height()) : q->more;
    }
    QRectF sr = entry ? slotRect(*entry) : QRectF();
    if (!sr.isEmpty()) {
        // A ring around the slot that settles over the step (a one-pixel slot gets a ring you can see).
        const qreal grow = std::max(3.0, (20 - sr.width()) / 2) + 8 * (1 - ramp(t, 0.3, 1.0));
        p.setPen(QPen(Palette::highlight(), Palette::line(3)));
        p.setBrush(Qt::NoBrush);
        p.drawRoundedRect(sr.adjusted(-grow, -grow, grow, grow), 3, 3);
    }
    if (!pr.isEmpty()) ring(pr, 3);
    if (!pr.isEmpty() && !sr.isEmpty()) {
        // Page to slot (swap-out, writeback) or slot to page (swap-in), drawn as it goes.
        const bool in = e->type == EventType::SwapIn;
        QPointF a = in ? sr.center() : QPointF(pr.center().x(), pr.bottom() + 3);
        QPointF b = in ? QPointF(pr.center().x(), pr.bottom() + 3) : sr.center();
        const QPointF dir = b - a;
        const double len = std::hypot(dir.x(), dir.y());
        if (len > 1) {
            const qreal stop = std::max(3.0, (20 - sr.width()) / 2) + sr.width() / 2 + 4;
            if (in)
                a += dir / len * stop;
            else
                b -= dir / len * stop;
            const QPointF tip = a + (b - a) * ramp(t, 0.0, 0.8);
            p.setPen(QPen(hot(), Palette::line(2.5)));
            p.drawLine(a, tip);
            arrowHead(p, tip, a, 11, hot());
        }
    }
    (void)f;
}

void LruSwapView::paintLegend(QPainter& p, const Fonts& f) const
{
    const auto items = legendItems();
    const auto boxes = flowLegend(f.small, m_legend.width());
    p.setFont(f.small);
    for (std::size_t i = 0; i < items.size() && i < boxes.size(); ++i) {
        const LegendItem& it = items[i];
        const QRectF box = boxes[i].translated(m_legend.topLeft());
        const qreal s = box.height() * 0.7;
        const QRectF r(box.left(), box.center().y() - s / 2, s, s);
        p.setPen(QPen(it.fill.darker(125), Palette::line(1)));
        p.setBrush(it.fill);
        p.drawRect(r);
        const QColor ink = Palette::textOn(it.fill);
        if (it.kind == 1) {
            p.setPen(Qt::NoPen);
            p.setBrush(ink);
            p.drawEllipse(QRectF(r.left() + s * 0.12, r.top() + s * 0.12, s * 0.34, s * 0.34));
        } else if (it.kind == 2) {
            QPolygonF tri;
            tri << QPointF(r.right(), r.bottom()) << QPointF(r.right() - s * 0.45, r.bottom())
                << QPointF(r.right(), r.bottom() - s * 0.45);
            p.setPen(Qt::NoPen);
            p.setBrush(ink);
            p.drawPolygon(tri);
        } else if (it.kind == 3) {
            p.setBrush(QBrush(Palette::withAlpha(ink, 0.55), Qt::BDiagPattern));
            p.setPen(QPen(slotColour(SlotState::Cached), Palette::line(2)));
            p.drawRect(r.adjusted(1, 1, -1, -1));
        }
        p.setPen(Palette::mutedText());
        p.drawText(QRectF(r.right() + 5, box.top(), box.right() - r.right() - 5, box.height()),
            Qt::AlignLeft | Qt::AlignVCenter, it.text);
    }
}

} // namespace memviz
