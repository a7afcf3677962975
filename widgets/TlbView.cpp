#include "TlbView.h"

#include "EventText.h"
#include "ViewContext.h"
#include "sim/Machine.h"

#include <QEvent>
#include <QFontDatabase>
#include <QHelpEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace memviz {

using namespace Qt::StringLiterals;

namespace {

QString hex(std::uint64_t v)
{
    return u"0x"_s + QString::number(v, 16);
}

int hexWidth(std::uint64_t v)
{
    int d = 1;
    while (v >>= 4) ++d;
    return d;
}

double ramp(double t, double from, double to)
{
    return std::clamp((t - from) / (to - from), 0.0, 1.0);
}

QColor hitColour()
{
    return Palette::tlbHit();
}
QColor fillColour()
{
    return Palette::tlbMiss();
}
QColor flushColour()
{
    return Palette::alarm();
}

QString policyName(TlbPolicy p)
{
    switch (p) {
    case TlbPolicy::Lru:
        return TlbView::tr("LRU");
    case TlbPolicy::Fifo:
        return TlbView::tr("FIFO");
    case TlbPolicy::Random:
        return TlbView::tr("random");
    }
    return QString();
}

} // namespace

QColor TlbView::processColour(std::uint32_t pid, bool global)
{
    if (global || pid == 0) return Palette::isDark() ? QColor(0x40, 0x46, 0x50) : QColor(0xd5, 0xda, 0xe1);
    // The process's hue in every view (Palette::process), pale enough to read text on.
    return Palette::tint(Palette::process(pid), Palette::isDark() ? 0.42 : 0.30);
}

// ---- layout --------------------------------------------------------------------------

struct TlbView::Layout {
    qreal px = 14;
    QFont font, bold, small, smallBold, mono, monoSmall, title;
    qreal lh = 0, slh = 0, pad = 0, margin = 0;

    /// Header slots: counters, CPU state, ASID slots.
    enum class Slot { Title, Hits, Misses, Rate, Fills, Evictions, Flushes, Pcid, Cr3, CurPcid, Policy, Asids };
    struct Item {
        Slot slot;
        QRectF rect;
    };
    std::vector<Item> items;
    QRectF header, status;

    struct Grid {
        bool huge = false;
        int sets = 0, ways = 0;
        QRectF title, area; ///< area: the cells (without the set labels and way headers)
        qreal labelW = 0, headH = 0, cellW = 0, cellH = 0;
        int lines = 0; ///< text lines per cell
        QRectF cell(int set, int way) const
        {
            return QRectF(area.left() + way * cellW, area.top() + set * cellH, cellW, cellH);
        }
    };
    Grid main, huge; ///< the 4 KiB-page TLB and the huge-page TLB
    QRectF legend, hugeNote;
};

TlbView::TlbView(ViewContext* ctx, QWidget* parent)
    : QWidget(parent)
    , m_ctx(ctx)
{
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMouseTracking(true);
    connect(m_ctx, &ViewContext::stateChanged, this, &TlbView::invalidate);
    connect(m_ctx, &ViewContext::progressChanged, this, qOverload<>(&QWidget::update));
}

TlbView::~TlbView() = default;

void TlbView::invalidate()
{
    m_layoutDirty = true;
    m_cacheDirty = true;
    update();
}

void TlbView::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    invalidate();
}

void TlbView::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange || event->type() == QEvent::FontChange
        || event->type() == QEvent::StyleChange) {
        m_fitKey.clear(); // translated strings have other widths
        invalidate();
    }
    QWidget::changeEvent(event);
}

bool TlbView::event(QEvent* event)
{
    if (event->type() == QEvent::ToolTip) {
        auto* he = static_cast<QHelpEvent*>(event);
        const auto c = cellAt(he->pos());
        if (c)
            QToolTip::showText(he->globalPos(), toolTipForCell(*c), this, cellRect(*c).toAlignedRect());
        else
            QToolTip::hideText();
        return true;
    }
    return QWidget::event(event);
}

const TlbEntry* TlbView::entry(const Machine& m, Cell c) const
{
    const auto& arr = c.huge ? m.tlb.huge : m.tlb.small;
    const int ways = c.huge ? m.tlb.hugeWays : m.tlb.ways;
    const auto i = static_cast<std::size_t>(c.set) * static_cast<std::size_t>(ways) + static_cast<std::size_t>(c.way);
    return c.set >= 0 && c.way >= 0 && c.way < ways && i < arr.size() ? &arr[i] : nullptr;
}

// ---- what the current step does --------------------------------------------------------

TlbView::Touch TlbView::touch() const
{
    const Event* e = m_ctx->currentEvent();
    if (!e) return Touch::None;
    switch (e->type) {
    case EventType::TlbLookup:
        return (e->flags & EventFlag::Hit) ? Touch::Hit : Touch::Miss;
    case EventType::TlbFill:
        return Touch::Fill;
    case EventType::TlbFlush:
        return Touch::Flush;
    case EventType::ContextSwitch:
        return Touch::Switch;
    default:
        return Touch::None;
    }
}

std::optional<TlbView::Cell> TlbView::touchedCell() const
{
    const Event* e = m_ctx->currentEvent();
    const Touch t = touch();
    if (t == Touch::Hit) return Cell { (e->flags & EventFlag::Huge) != 0, int(e->b), int(e->pfn) };
    if (t == Touch::Fill) return Cell { (e->flags & EventFlag::Huge) != 0, int(e->b), int(e->c) };
    return std::nullopt;
}

int TlbView::touchedSet() const
{
    const Touch t = touch();
    if (t == Touch::Hit || t == Touch::Miss || t == Touch::Fill) return int(m_ctx->currentEvent()->b);
    return -1;
}

bool TlbView::evicts() const
{
    if (touch() != Touch::Fill) return false;
    const TlbEntry* old = entry(m_ctx->previousMachine(), *touchedCell());
    return old && (old->flags & TlbFlag::Valid);
}

std::vector<TlbView::Cell> TlbView::flushedCells() const
{
    std::vector<Cell> out;
    if (touch() != Touch::Flush) return out;
    const Machine& before = m_ctx->previousMachine();
    const Machine& now = m_ctx->machine();
    for (bool huge : { false, true }) {
        const int sets = huge ? now.tlb.hugeSets : now.tlb.sets;
        const int ways = huge ? now.tlb.hugeWays : now.tlb.ways;
        for (int s = 0; s < sets; ++s)
            for (int w = 0; w < ways; ++w) {
                const TlbEntry* a = entry(before, { huge, s, w });
                const TlbEntry* b = entry(now, { huge, s, w });
                if (a && (a->flags & TlbFlag::Valid) && (!b || !(b->flags & TlbFlag::Valid)))
                    out.push_back({ huge, s, w });
            }
    }
    return out;
}

// ---- layout -----------------------------------------------------------------------------

void TlbView::ensureLayout() const
{
    if (!m_layoutDirty && m_layout) return;
    m_layoutDirty = false;
    auto l = std::make_unique<Layout>();
    // The fitted size depends on the size, the TLB's shape and the machine's frame count only.
    const Machine& m = m_ctx->machine();
    const QString key = QString::number(width()) + u'x' + QString::number(height()) + u'|' + QString::number(m.tlb.sets)
        + u'x' + QString::number(m.tlb.ways) + u'|' + QString::number(m.tlb.hugeSets) + u'x'
        + QString::number(m.tlb.hugeWays) + u'|' + QString::number(m.frames.size()) + u'|'
        + QString::number(m.config.arch.vaBits()) + u'|' + font().key();
    if (key == m_fitKey && fits(*l, m_fitPx)) {
        m_layout = std::move(l);
        return;
    }
    const qreal maxPx = std::clamp<qreal>(std::min(height() / 30.0, width() / 52.0), 10, 26);
    bool ok = false;
    for (qreal px = maxPx; px >= 8 && !ok; px -= 0.5) ok = fits(*l, px);
    if (!ok) fits(*l, 8);
    m_fitKey = key;
    m_fitPx = l->px;
    m_layout = std::move(l);
}

bool TlbView::fits(Layout& l, qreal px) const
{
    const Machine& m = m_ctx->machine();
    const Tlb& tlb = m.tlb;
    const ArchSpec& a = m.config.arch;
    l = Layout();
    l.px = px;
    const QFont base = font();
    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    l.font = Palette::pixelFont(base, px);
    l.bold = Palette::pixelFont(base, px, true);
    l.small = Palette::pixelFont(base, px * 0.88);
    l.smallBold = Palette::pixelFont(base, px * 0.88, true);
    l.title = Palette::pixelFont(base, px * 1.2, true);
    l.mono = Palette::pixelFont(fixed, px);
    l.monoSmall = Palette::pixelFont(fixed, px * 0.9);
    const QFontMetricsF fm(l.font), fmb(l.bold), fms(l.small), fmsb(l.smallBold), fmt(l.title), fmm(l.mono),
        fmms(l.monoSmall);
    l.lh = fm.lineSpacing();
    l.slh = fms.lineSpacing();
    l.pad = std::round(px * 0.45);
    l.margin = std::round(px * 0.7);
    const qreal W = width(), H = height();
    const qreal innerW = W - 2 * l.margin;
    const qreal legendH = std::ceil(fms.lineSpacing() * 1.4);
    const qreal bottom = H - l.margin - legendH - l.pad;

    // Two columns: the 4 KiB TLB on the left, at full height; the counters, the CPU's
    // PCID state, the current step and the huge-page TLB on the right.
    const bool hasHuge = tlb.hugeSets > 0 && tlb.hugeWays > 0 && !tlb.huge.empty();
    const qreal gap = std::round(px * 1.6);
    const int ways = std::max(1, tlb.ways), sets = std::max(1, tlb.sets);
    const qreal rightW = std::floor(std::clamp(innerW * 0.36, px * 16, px * 30));
    const qreal mainW = innerW - rightW - gap;
    const qreal rightX = l.margin + mainW + gap;

    // ---- right column: header items flow left to right, wrapping ----------------------
    const auto pair = [&](const QString& label, const QString& value) {
        return std::ceil(fms.horizontalAdvance(label) + l.pad * 0.5 + fmb.horizontalAdvance(value) + l.pad * 2);
    };
    const QString num = u"000000"_s;
    struct Need {
        Layout::Slot slot;
        qreal w;
        bool breakBefore;
    };
    const qreal slotW = fmsb.horizontalAdvance(u"0000"_s) + l.pad;
    const std::vector<Need> needs = {
        { Layout::Slot::Title, fmt.horizontalAdvance(tr("TLB")) + l.pad, false },
        { Layout::Slot::Policy, pair(tr("replacement"), tr("random")), false },
        { Layout::Slot::Hits, pair(tr("hits"), num), true },
        { Layout::Slot::Misses, pair(tr("misses"), num), false },
        { Layout::Slot::Rate, pair(tr("hit rate"), u"100.0 %"_s), false },
        { Layout::Slot::Fills, pair(tr("fills"), num), false },
        { Layout::Slot::Evictions, pair(tr("evictions"), num), false },
        { Layout::Slot::Flushes, pair(tr("flushes"), num), false },
        { Layout::Slot::Pcid, pair(tr("PCID"), tr("off")), true },
        { Layout::Slot::Cr3, pair(tr("CR3"), u"0x"_s + QString(hexWidth(m.frames.size()), u'8')), false },
        { Layout::Slot::CurPcid, pair(tr("current PCID"), u"6"_s), false },
        { Layout::Slot::Asids, fms.horizontalAdvance(tr("ASID slots")) + l.pad + 6 * (slotW + 3) + l.pad, true },
    };
    qreal x = rightX, y = l.margin;
    const qreal itemH = std::ceil(std::max(fmt.lineSpacing(), fmb.lineSpacing() + l.pad * 0.6));
    for (const Need& n : needs) {
        if (n.w > rightW) return false;
        if ((n.breakBefore && x > rightX) || x + n.w > rightX + rightW) {
            x = rightX;
            y += itemH + l.pad * 0.5;
        }
        l.items.push_back({ n.slot, QRectF(x, y, n.w, itemH) });
        x += n.w + l.pad * 0.6;
    }
    y += itemH;
    l.header = QRectF(rightX, l.margin, rightW, y - l.margin);
    y += l.pad;
    l.status = QRectF(rightX, y, rightW, std::ceil(fm.lineSpacing() * 3));
    y = l.status.bottom() + l.pad * 1.5;

    // ---- the grids ---------------------------------------------------------------------
    // Lines a cell of height h holds: the page number, then smaller lines.
    const auto linesFor = [&](qreal h) {
        const qreal room = h - l.pad * 0.6;
        if (room < fmm.lineSpacing()) return 0;
        return std::min(3, 1 + int((room - fmm.lineSpacing()) / fmms.lineSpacing()));
    };
    const auto setup = [&](Layout::Grid& g, bool huge, qreal left, qreal top, qreal width) {
        g.huge = huge;
        g.sets = huge ? tlb.hugeSets : tlb.sets;
        g.ways = huge ? tlb.hugeWays : tlb.ways;
        g.labelW = std::ceil(fmsb.horizontalAdvance(tr("set %1").arg(std::max(1, g.sets - 1))) + l.pad * 1.6);
        g.title = QRectF(left, top, width, std::ceil(fmb.lineSpacing() * 1.1));
        g.headH = std::ceil(fms.lineSpacing() * 1.1);
        g.cellW = std::floor((width - g.labelW) / std::max(1, g.ways));
        return g.title.bottom() + g.headH;
    };
    const qreal mainTop = setup(l.main, false, l.margin, l.margin, mainW);
    // Rows as tall as two text lines at least; three when there is room.
    const qreal cellH = std::floor(std::min((bottom - mainTop) / sets, fmm.lineSpacing() * 3 + l.pad * 1.4));
    if (cellH < fmm.lineSpacing() + fmms.lineSpacing() + l.pad * 0.8) return false;
    l.main.cellH = cellH;
    l.main.area = QRectF(l.main.title.left() + l.main.labelW, mainTop, l.main.cellW * ways, cellH * sets);
    l.main.lines = linesFor(cellH);
    // A cell must hold a user virtual page number (kernel ones, longer, are elided in the middle).
    const int vpnDigits = std::max(1, (std::min(a.vaBits(), 47) - a.pageShift + 3) / 4);
    if (l.main.cellW - l.pad * 1.6 < fmm.horizontalAdvance(QString(vpnDigits + 2, u'0'))) return false;

    if (hasHuge) {
        const qreal top = setup(l.huge, true, rightX, y, rightW);
        // As tall as the main rows if there is room, else down to a coloured strip.
        const qreal h = std::floor(std::min(cellH, (bottom - top) / l.huge.sets));
        if (h < fms.lineSpacing() * 0.8) return false;
        l.huge.cellH = h;
        l.huge.area = QRectF(l.huge.title.left() + l.huge.labelW, top, l.huge.cellW * l.huge.ways, h * l.huge.sets);
        l.huge.lines = linesFor(h);
        const qreal noteTop = l.huge.area.bottom() + l.pad * 1.5;
        l.hugeNote = QRectF(rightX, noteTop, rightW, std::max<qreal>(0, bottom - noteTop));
    }
    l.legend = QRectF(l.margin, H - l.margin - legendH, innerW, legendH);
    return true;
}

qreal TlbView::baseFontPixels() const
{
    ensureLayout();
    return m_layout->px;
}

int TlbView::cellTextLines() const
{
    ensureLayout();
    return m_layout->main.lines;
}

QRectF TlbView::cellRect(Cell c) const
{
    ensureLayout();
    const Layout::Grid& g = c.huge ? m_layout->huge : m_layout->main;
    if (c.set < 0 || c.set >= g.sets || c.way < 0 || c.way >= g.ways) return QRectF();
    return g.cell(c.set, c.way);
}

std::optional<TlbView::Cell> TlbView::cellAt(QPointF pos) const
{
    ensureLayout();
    for (const Layout::Grid* g : { &m_layout->main, &m_layout->huge }) {
        if (!g->sets || !g->area.contains(pos)) continue;
        const int way = std::clamp(int((pos.x() - g->area.left()) / g->cellW), 0, g->ways - 1);
        const int set = std::clamp(int((pos.y() - g->area.top()) / g->cellH), 0, g->sets - 1);
        return Cell { g->huge, set, way };
    }
    return std::nullopt;
}

QString TlbView::toolTipForCell(Cell c) const
{
    const Machine& m = m_ctx->machine();
    const TlbEntry* e = entry(m, c);
    const QString where = c.huge ? tr("Huge-page TLB, set %1, way %2").arg(c.set).arg(c.way)
                                 : tr("Set %1, way %2").arg(c.set).arg(c.way);
    if (!e || !(e->flags & TlbFlag::Valid)) return where + u": "_s + tr("empty");
    const int shift = c.huge ? m.config.arch.pageShift + m.config.arch.levels.back().bits : m.config.arch.pageShift;
    QString s = where + u'\n'
        + tr("Virtual page %1 (address %2) → frame %3 (physical %4)")
              .arg(hex(e->vpn), hex(e->vpn << shift), hex(e->pfn), hex(e->pfn << m.config.arch.pageShift));
    if (e->flags & TlbFlag::Global) {
        s += u'\n' + tr("Global kernel entry: it survives CR3 loads (no flush without INVLPG or a full flush).");
    } else {
        QString who = tr("pid %1").arg(e->pid);
        if (const Process* p = m.proc(e->pid)) who += u" ("_s + QString::fromStdString(m.str(p->comm)) + u')';
        s += u'\n' + who;
        if (m.tlb.pcid) s += u" · "_s + tr("PCID %1").arg(e->pcid);
    }
    QStringList flags;
    flags << ((e->flags & TlbFlag::Write) ? tr("writable") : tr("read-only"));
    if (e->flags & TlbFlag::Dirty) flags << tr("dirty");
    if (e->flags & TlbFlag::User) flags << tr("user");
    s += u'\n' + flags.join(u", "_s);
    s += u'\n'
        + (m.tlb.policy == TlbPolicy::Fifo
                ? tr("Filled at tick %1 (FIFO replaces the oldest).").arg(e->stamp)
                : tr("Last used at tick %1 (LRU replaces the least recently used).").arg(e->stamp));
    return s;
}

// ---- painting --------------------------------------------------------------------------

struct TlbView::Painter {
    const TlbView& v;
    QPainter& p;
    const Layout& l;
    const Machine& now;
    const Machine& before;

    void box(const QRectF& r, const QColor& fill, const QColor& border, qreal width,
        Qt::PenStyle style = Qt::SolidLine) const
    {
        p.setPen(QPen(border, Palette::line(width), style));
        p.setBrush(fill);
        p.drawRoundedRect(r, std::min(l.px * 0.3, r.height() / 3), std::min(l.px * 0.3, r.height() / 3));
    }

    void text(const QRectF& r, const QFont& f, const QColor& c, const QString& s,
        Qt::Alignment align = Qt::AlignLeft | Qt::AlignVCenter, Qt::TextElideMode elide = Qt::ElideRight) const
    {
        p.setFont(f);
        p.setPen(c);
        p.drawText(r, align, QFontMetricsF(f).elidedText(s, elide, r.width() + 0.5));
    }

    // ---- header ----------------------------------------------------------------------
    void pairAt(const QRectF& r, const QString& label, const QString& value, bool changed) const
    {
        const QFontMetricsF fms(l.small);
        const qreal lw = fms.horizontalAdvance(label);
        box(r,
            changed ? Palette::tint(Palette::highlight(), Palette::isDark() ? 0.25 : 0.10)
                    : Palette::background(),
            changed ? Palette::highlight() : Palette::gridLine(), changed ? 1.6 : 1);
        text(QRectF(r.left() + l.pad, r.top(), lw + 1, r.height()), l.small, Palette::mutedText(), label);
        text(QRectF(r.left() + l.pad + lw + l.pad * 0.5, r.top(), r.width() - lw - l.pad * 2.5, r.height()), l.bold,
            changed ? Palette::ink(Palette::highlight()) : Palette::text(), value);
    }

    void header() const
    {
        const Tlb &t = now.tlb, &o = before.tlb;
        const Cpu& c = now.cpu;
        for (const Layout::Item& it : l.items) {
            switch (it.slot) {
            case Layout::Slot::Title:
                text(it.rect, l.title, Palette::text(), TlbView::tr("TLB"));
                break;
            case Layout::Slot::Hits:
                pairAt(it.rect, TlbView::tr("hits"), QString::number(t.hits), t.hits != o.hits);
                break;
            case Layout::Slot::Misses:
                pairAt(it.rect, TlbView::tr("misses"), QString::number(t.misses), t.misses != o.misses);
                break;
            case Layout::Slot::Rate: {
                const std::uint64_t all = t.hits + t.misses;
                const QString rate
                    = all ? QString::number(100.0 * double(t.hits) / double(all), 'f', 1) + u" %"_s : u"—"_s;
                pairAt(it.rect, TlbView::tr("hit rate"), rate, false);
                break;
            }
            case Layout::Slot::Fills:
                pairAt(it.rect, TlbView::tr("fills"), QString::number(t.fills), t.fills != o.fills);
                break;
            case Layout::Slot::Evictions:
                pairAt(it.rect, TlbView::tr("evictions"), QString::number(t.evictions), t.evictions != o.evictions);
                break;
            case Layout::Slot::Flushes:
                pairAt(it.rect, TlbView::tr("flushes"), QString::number(t.flushes), t.flushes != o.flushes);
                break;
            case Layout::Slot::Pcid:
                pairAt(it.rect, TlbView::tr("PCID"), t.pcid ? TlbView::tr("on") : TlbView::tr("off"), false);
                break;
            case Layout::Slot::Cr3:
                pairAt(it.rect, TlbView::tr("CR3"), c.cr3 == kNoPfn ? TlbView::tr("none") : hex(c.cr3),
                    c.cr3 != before.cpu.cr3);
                break;
            case Layout::Slot::CurPcid:
                pairAt(it.rect, TlbView::tr("current PCID"), t.pcid ? QString::number(c.pcid) : u"—"_s,
                    c.pcid != before.cpu.pcid);
                break;
            case Layout::Slot::Policy:
                pairAt(it.rect, TlbView::tr("replacement"), policyName(t.policy), false);
                break;
            case Layout::Slot::Asids:
                asids(it.rect);
                break;
            }
        }
    }

    void asids(const QRectF& r) const
    {
        const QFontMetricsF fms(l.small);
        const QString label = TlbView::tr("ASID slots");
        text(QRectF(r.left(), r.top(), fms.horizontalAdvance(label) + 1, r.height()), l.small, Palette::mutedText(),
            label);
        qreal x = r.left() + fms.horizontalAdvance(label) + l.pad;
        const qreal w = (r.right() - x) / 6 - 3;
        for (std::size_t i = 0; i < now.cpu.asidPid.size(); ++i) {
            const std::uint32_t pid = now.cpu.asidPid[i];
            const bool active = now.tlb.pcid && now.cpu.pcid == i + 1;
            const bool changed = pid != before.cpu.asidPid[i];
            const QRectF s(x, r.top() + 1, w, r.height() - 2);
            const QColor fill = pid ? TlbView::processColour(pid) : Palette::background();
            box(s, fill,
                active        ? Palette::text()
                    : changed ? Palette::highlight()
                              : Palette::gridLine(),
                active || changed ? 2 : 1);
            text(s, l.smallBold, pid ? Palette::text() : Palette::mutedText(),
                pid ? QString::number(pid) : QString::number(i + 1), Qt::AlignCenter, Qt::ElideMiddle);
            x += w + 3;
        }
    }

    void status() const
    {
        const Event* e = v.m_ctx->currentEvent();
        if (!e) {
            p.setFont(l.font);
            p.setPen(Palette::mutedText());
            p.drawText(l.status, Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop,
                Palette::fitWrapped(l.font, l.status,
                    TlbView::tr("Each cell is one TLB entry: virtual page → frame, coloured by the process it belongs "
                                "to.")));
            return;
        }
        const QString s = EventText::summary(now, *e);
        const bool ours = v.touch() != Touch::None;
        p.setFont(ours ? l.bold : l.font);
        p.setPen(ours ? Palette::text() : Palette::mutedText());
        p.drawText(l.status, Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop, Palette::fitWrapped(p.font(), l.status, s));
    }

    // ---- grids -------------------------------------------------------------------------
    void gridFrame(const Layout::Grid& g) const
    {
        if (!g.sets) return;
        const ArchSpec& a = now.config.arch;
        const std::uint64_t page = g.huge ? (a.pageSize() << a.levels.back().bits) : a.pageSize();
        const QString title
            = TlbView::tr("%1 pages: %2 sets × %3 ways").arg(EventText::bytes(page)).arg(g.sets).arg(g.ways);
        text(g.title, l.bold, Palette::text(), title);
        if (!g.huge) {
            // What a cell says, right of the title where there is room.
            const QString key = now.tlb.pcid ? TlbView::tr("cell: vpn → pfn · pid/PCID · G W D")
                                             : TlbView::tr("cell: vpn → pfn · pid · G W D");
            const qreal used = QFontMetricsF(l.bold).horizontalAdvance(title) + l.pad * 2;
            const QRectF rest(
                g.title.left() + used, g.title.top(), g.area.right() - g.title.left() - used, g.title.height());
            if (QFontMetricsF(l.small).horizontalAdvance(key) <= rest.width())
                text(rest, l.small, Palette::mutedText(), key, Qt::AlignRight | Qt::AlignVCenter);
        }
        const QRectF head(g.area.left(), g.title.bottom(), g.area.width(), g.headH);
        for (int w = 0; w < g.ways; ++w)
            text(QRectF(head.left() + w * g.cellW, head.top(), g.cellW, head.height()), l.small, Palette::mutedText(),
                TlbView::tr("way %1").arg(w), Qt::AlignCenter);
        for (int s = 0; s < g.sets; ++s) {
            const QRectF lab(g.title.left(), g.area.top() + s * g.cellH, g.labelW - l.pad * 0.5, g.cellH);
            text(lab, l.small, Palette::mutedText(), TlbView::tr("set %1").arg(s), Qt::AlignRight | Qt::AlignVCenter);
        }
    }

    /// A cell's lines, the richest that fit its width.
    QStringList cellLines(const Layout::Grid& g, const TlbEntry& e) const
    {
        const QFontMetricsF fm(l.monoSmall);
        const qreal w = g.cellW - l.pad * 1.6;
        const bool global = e.flags & TlbFlag::Global;
        QString flags;
        if (global) flags += u'G';
        if (e.flags & TlbFlag::Write) flags += u'W';
        if (e.flags & TlbFlag::Dirty) flags += u'D';
        const QString vpn = hex(e.vpn);
        const QString pfn = hex(e.pfn);
        // "pid/PCID" (the key above the grid says so); kernel entries have no owner.
        const QString who = global ? TlbView::tr("kernel")
            : now.tlb.pcid         ? QString::number(e.pid) + u'/' + QString::number(e.pcid)
                                   : QString::number(e.pid);
        const auto fits = [&](const QString& s) { return fm.horizontalAdvance(s) <= w; };
        const auto first = [&](std::initializer_list<QString> options) {
            for (const QString& o : options)
                if (fits(o)) return o;
            return *std::prev(options.end());
        };
        const QString sep = u" · "_s;
        const auto join = [&](std::initializer_list<QString> parts) {
            QStringList kept;
            for (const QString& s : parts)
                if (!s.isEmpty()) kept << s;
            return kept.join(sep);
        };
        const QString to = u"→ "_s + pfn;
        if (g.lines >= 3) return { vpn, to, first({ join({ who, flags }), flags }) };
        if (g.lines == 2) return { vpn, first({ join({ to, who, flags }), join({ to, flags }), to }) };
        if (g.lines == 1) return { vpn };
        return {};
    }

    /// One entry; `flash` blends its fill towards `flashColour` (the text stays on top, crisp).
    void cell(const Layout::Grid& g, int set, int way, const TlbEntry* e, qreal opacity = 1, double flash = 0,
        const QColor& flashColour = QColor()) const
    {
        const QRectF r = g.cell(set, way).adjusted(2, 2, -2, -2);
        p.save();
        p.setOpacity(opacity);
        if (!e || !(e->flags & TlbFlag::Valid)) {
            box(r, Palette::background(), Palette::gridLine(), 1, Qt::DashLine);
            p.restore();
            return;
        }
        const bool global = e->flags & TlbFlag::Global;
        const QColor base = TlbView::processColour(e->pid, global);
        const QColor fill = flash > 0
            ? Palette::mix(base, Palette::mix(Palette::background(), flashColour, Palette::isDark() ? 0.55 : 0.45), flash)
            : base;
        const QColor border = Palette::isDark() ? base.lighter(170) : base.darker(global ? 150 : 135);
        box(r, fill, border, 1.3);
        const QStringList lines = cellLines(g, *e);
        const qreal lh = QFontMetricsF(l.mono).lineSpacing(), slh = QFontMetricsF(l.monoSmall).lineSpacing();
        qreal y = r.center().y() - (lines.isEmpty() ? 0 : lh + slh * (lines.size() - 1)) / 2;
        for (int i = 0; i < lines.size(); ++i) {
            const qreal h = i == 0 ? lh : slh;
            text(QRectF(r.left() + l.pad * 0.6, y, r.width() - l.pad * 1.2, h), i == 0 ? l.mono : l.monoSmall,
                i == 0 ? Palette::text() : (Palette::isDark() ? QColor(0xdd, 0xdd, 0xdd) : QColor(0x33, 0x33, 0x33)), lines[i],
                Qt::AlignLeft | Qt::AlignVCenter, Qt::ElideMiddle);
            y += h;
        }
        p.restore();
    }

    void cells(const Layout::Grid& g, const std::vector<Cell>& skip) const
    {
        for (int s = 0; s < g.sets; ++s)
            for (int w = 0; w < g.ways; ++w) {
                const Cell c { g.huge, s, w };
                const bool skipped = std::find(skip.begin(), skip.end(), c) != skip.end();
                cell(g, s, w, skipped ? nullptr : v.entry(now, c));
            }
    }

    void hugeNote() const
    {
        if (l.hugeNote.height() < l.slh * 2) return;
        bool any = false;
        for (const TlbEntry& e : now.tlb.huge) any = any || (e.flags & TlbFlag::Valid);
        if (any) return;
        p.setFont(l.small);
        p.setPen(Palette::mutedText());
        p.drawText(l.hugeNote, Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop,
            Palette::fitWrapped(l.small, l.hugeNote,
                TlbView::tr("Large pages (a PMD entry with PS set) are cached here, apart from the 4 KiB entries. "
                            "memviz maps only 4 KiB pages so far, so this TLB stays empty.")));
    }

    void legend() const
    {
        // The processes that own entries now, then the markers.
        std::vector<std::uint32_t> pids;
        bool global = false;
        for (const auto* arr : { &now.tlb.small, &now.tlb.huge })
            for (const TlbEntry& e : *arr) {
                if (!(e.flags & TlbFlag::Valid)) continue;
                if (e.flags & TlbFlag::Global)
                    global = true;
                else if (std::find(pids.begin(), pids.end(), e.pid) == pids.end())
                    pids.push_back(e.pid);
            }
        std::sort(pids.begin(), pids.end());
        struct Item {
            QColor fill, border;
            Qt::PenStyle style;
            QString text;
        };
        std::vector<Item> items;
        for (std::uint32_t pid : pids) {
            QString name = TlbView::tr("pid %1").arg(pid);
            if (const Process* pr = now.proc(pid)) name += u" "_s + QString::fromStdString(now.str(pr->comm));
            items.push_back(
                { TlbView::processColour(pid), TlbView::processColour(pid).darker(130), Qt::SolidLine, name });
        }
        if (global)
            items.push_back({ TlbView::processColour(0, true), Palette::mutedText(), Qt::SolidLine,
                TlbView::tr("global (kernel)") });
        items.push_back({ Palette::background(), Palette::gridLine(), Qt::DashLine, TlbView::tr("empty") });
        items.push_back({ Palette::background(), hitColour(), Qt::SolidLine, TlbView::tr("hit") });
        items.push_back({ Palette::background(), fillColour(), Qt::SolidLine, TlbView::tr("miss, fill") });
        items.push_back({ Palette::background(), flushColour(), Qt::DashLine, TlbView::tr("flushed") });
        const QFontMetricsF fms(l.small);
        const qreal h = fms.height();
        qreal x = l.legend.left();
        const qreal y = l.legend.center().y() - h / 2;
        // Markers always show; processes as many as fit before them.
        qreal markersW = 0;
        for (std::size_t i = items.size() - 4; i < items.size(); ++i)
            markersW += h * 1.6 + 6 + fms.horizontalAdvance(items[i].text) + l.pad * 1.5;
        for (std::size_t i = 0; i < items.size(); ++i) {
            const Item& it = items[i];
            const qreal need = h * 1.6 + 6 + fms.horizontalAdvance(it.text) + l.pad * 1.5;
            const bool marker = i + 4 >= items.size();
            if (!marker && x + need + markersW > l.legend.right()) continue;
            if (x + need > l.legend.right() + l.pad) break;
            const QRectF sw(x, y + 1, h * 1.6, h - 2);
            box(sw, it.fill, it.border, it.style == Qt::DashLine ? 1.5 : 2.2, it.style);
            text(QRectF(sw.right() + 6, l.legend.top(), need, l.legend.height()), l.small, Palette::mutedText(),
                it.text);
            x += need;
        }
    }

    // ---- the animated overlay ---------------------------------------------------------
    void ring(const QRectF& r, const QColor& c, double k, qreal width) const
    {
        p.save();
        p.setOpacity(ramp(k, 0, 0.3));
        p.setBrush(Qt::NoBrush);
        // A halo in the text colour keeps the ring visible on a cell of a similar hue. Thick
        // (presentation mode), it moves outwards so as not to cover the cell's text.
        const qreal halo = width + Palette::line(2.5);
        const qreal out = std::max<qreal>(1, halo / 2 - 2);
        p.setPen(QPen(Palette::text(), halo));
        p.drawRoundedRect(r.adjusted(-out, -out, out, out), l.px * 0.3, l.px * 0.3);
        p.setPen(QPen(c, width));
        p.drawRoundedRect(r.adjusted(-out, -out, out, out), l.px * 0.3, l.px * 0.3);
        p.restore();
    }

    void setBand(const Layout::Grid& g, int set, const QColor& c, double k) const
    {
        if (set < 0 || set >= g.sets) return;
        const QRectF band(g.title.left(), g.area.top() + set * g.cellH, g.area.right() - g.title.left(), g.cellH);
        QColor fill = c;
        fill.setAlphaF(float((Palette::isDark() ? 0.22 : 0.14) * ramp(k, 0, 0.4)));
        p.fillRect(band, fill);
        QColor edge = c;
        edge.setAlphaF(float(ramp(k, 0, 0.4)));
        p.setPen(QPen(edge, Palette::line(1.5)));
        p.setBrush(Qt::NoBrush);
        p.drawRect(band.adjusted(0.5, 0.5, -0.5, -0.5));
        // The set label as a tag in the state's colour.
        const QRectF lab(g.title.left(), band.top() + 2, g.labelW - l.pad * 0.4, band.height() - 4);
        p.save();
        p.setOpacity(ramp(k, 0, 0.4));
        box(lab, c, c, 1);
        text(lab.adjusted(0, 0, -l.pad * 0.3, 0), l.smallBold, Palette::textOn(c), TlbView::tr("set %1").arg(set),
            Qt::AlignRight | Qt::AlignVCenter);
        p.restore();
    }

    void overlay(double t) const
    {
        const Touch touch = v.touch();
        const Event* e = v.m_ctx->currentEvent();
        if (touch == Touch::None || !e) return;
        const bool hugeEv = e->flags & EventFlag::Huge;
        const Layout::Grid& g = hugeEv ? l.huge : l.main;
        const qreal ringW = std::max(Palette::line(3.0), l.px * 0.24);
        // A flash that peaks early and settles into a ring.
        const double flash = std::sin(std::clamp(t, 0.0, 1.0) * M_PI) * (1 - t * 0.6);
        if (touch == Touch::Hit || touch == Touch::Miss) {
            const QColor c = touch == Touch::Hit ? hitColour() : fillColour();
            setBand(g, int(e->b), c, t);
            if (touch == Touch::Hit) {
                const Cell cell { hugeEv, int(e->b), int(e->pfn) };
                const QRectF r = g.cell(cell.set, cell.way).adjusted(2, 2, -2, -2);
                p.fillRect(r.adjusted(-1, -1, 1, 1), Palette::background());
                this->cell(g, cell.set, cell.way, v.entry(now, cell), 1, flash, hitColour());
                ring(r, hitColour(), t, ringW);
                if (e->c > 0) repeatTag(r, e->c + 1, t, v.entry(now, cell));
            }
        } else if (touch == Touch::Fill) {
            const Cell cell { hugeEv, int(e->b), int(e->c) };
            const QRectF r = g.cell(cell.set, cell.way).adjusted(2, 2, -2, -2);
            setBand(g, cell.set, fillColour(), t);
            const TlbEntry* old = v.entry(before, cell);
            const TlbEntry* neu = v.entry(now, cell);
            // The evicted entry slides out and fades; the new one fades in.
            if (old && (old->flags & TlbFlag::Valid) && t < 0.45) {
                p.save();
                p.setClipRect(g.cell(cell.set, cell.way));
                p.translate(r.width() * 0.5 * ramp(t, 0, 0.45), 0);
                cell_(g, cell, old, 1 - ramp(t, 0, 0.45));
                p.restore();
            }
            if (ramp(t, 0.45, 0.9) > 0.01)
                this->cell(g, cell.set, cell.way, neu, ramp(t, 0.45, 0.9), flash, fillColour());
            ring(r, fillColour(), t, ringW);
        } else if (touch == Touch::Flush) {
            const std::vector<Cell> gone = v.flushedCells();
            if (gone.empty()) return;
            // A sweep line runs down both grids; entries fade as it passes them.
            const qreal top = l.main.area.top(), bottom = std::max(l.main.area.bottom(), l.huge.area.bottom());
            const qreal sweepY = top + (bottom - top + l.px * 2) * ramp(t, 0, 0.85);
            for (const Cell& c : gone) {
                const Layout::Grid& gg = c.huge ? l.huge : l.main;
                const QRectF r = gg.cell(c.set, c.way);
                const double k = ramp(sweepY - r.top(), 0, r.height() + l.px);
                cell_(gg, c, v.entry(before, c), 1 - k);
                p.save();
                p.setOpacity(0.4 + 0.6 * k);
                p.setPen(QPen(flushColour(), Palette::line(1.6), Qt::DashLine));
                p.setBrush(Qt::NoBrush);
                p.drawRoundedRect(r.adjusted(3, 3, -3, -3), l.px * 0.3, l.px * 0.3);
                p.restore();
            }
            if (t < 0.95) {
                p.save();
                QColor c = flushColour();
                c.setAlphaF(float(1 - ramp(t, 0.8, 0.95)));
                p.setPen(QPen(c, std::max(Palette::line(2.0), l.px * 0.16)));
                for (const Layout::Grid* gg : { &l.main, &l.huge })
                    if (gg->sets && sweepY >= gg->area.top() && sweepY <= gg->area.bottom() + l.px)
                        p.drawLine(QPointF(gg->area.left(), sweepY), QPointF(gg->area.right(), sweepY));
                p.restore();
            }
        } else if (touch == Touch::Switch) {
            for (const Layout::Item& it : l.items)
                if (it.slot == Layout::Slot::Cr3 || it.slot == Layout::Slot::CurPcid
                    || it.slot == Layout::Slot::Asids) {
                    p.save();
                    p.setOpacity(ramp(t, 0, 0.4));
                    p.setPen(QPen(Palette::highlight(), ringW));
                    p.setBrush(Qt::NoBrush);
                    p.drawRoundedRect(it.rect.adjusted(-2, -2, 2, 2), l.px * 0.3, l.px * 0.3);
                    p.restore();
                }
        }
    }

    void cell_(const Layout::Grid& g, Cell c, const TlbEntry* e, qreal opacity) const
    {
        if (opacity <= 0.01) return;
        // Cover what the cache drew there, then the entry.
        if (opacity >= 0.99) p.fillRect(g.cell(c.set, c.way).adjusted(1, 1, -1, -1), Palette::background());
        cell(g, c.set, c.way, e, opacity);
    }

    void tag(const QRectF& cellR, const QString& s, const QColor& c, double k, const QString& beside = QString()) const
    {
        const QFontMetricsF fm(l.smallBold);
        const qreal w = fm.horizontalAdvance(s) + l.pad;
        // Only where it leaves the first line of the cell readable.
        if (!beside.isEmpty() && QFontMetricsF(l.mono).horizontalAdvance(beside) + w + l.pad * 1.5 > cellR.width())
            return;
        const qreal h = fm.height();
        const QRectF r(cellR.right() - w - 3, cellR.top() + 3, w, h);
        p.save();
        p.setOpacity(p.opacity() * ramp(k, 0.2, 0.6));
        box(r, c, c, 1);
        text(r, l.smallBold, Palette::textOn(c), s, Qt::AlignCenter);
        p.restore();
    }

    void repeatTag(const QRectF& r, std::uint64_t n, double k, const TlbEntry* e) const
    {
        tag(r, u"×"_s + QString::number(n), Palette::ink(hitColour()), k, e ? hex(e->vpn) : QString());
    }
};

void TlbView::paintEvent(QPaintEvent*)
{
    ensureLayout();
    const Machine& now = m_ctx->machine();
    const Machine& before = m_ctx->previousMachine();
    QPainter p(this);
    const qreal dpr = devicePixelRatioF();
    const QSize px = (QSizeF(size()) * dpr).toSize();
    // The cells the current step animates are left empty in the cache.
    std::vector<Cell> skip;
    if (touch() == Touch::Fill) skip.push_back(*touchedCell());
    if (m_cacheDirty || m_cache.size() != px || m_cacheGeneration != Palette::generation()) {
        m_cacheDirty = false;
        m_cacheGeneration = Palette::generation();
        if (m_cache.size() != px) m_cache = QImage(px, QImage::Format_ARGB32_Premultiplied);
        m_cache.setDevicePixelRatio(dpr);
        m_cache.fill(Palette::background());
        QPainter cp(&m_cache);
        cp.setRenderHint(QPainter::Antialiasing);
        const Painter pa { *this, cp, *m_layout, now, before };
        pa.header();
        pa.status();
        pa.gridFrame(m_layout->main);
        pa.cells(m_layout->main, skip);
        if (m_layout->huge.sets) {
            pa.gridFrame(m_layout->huge);
            pa.cells(m_layout->huge, skip);
            pa.hugeNote();
        }
        pa.legend();
    }
    p.drawImage(QPointF(0, 0), m_cache);
    p.setRenderHint(QPainter::Antialiasing);
    const Painter pa { *this, p, *m_layout, now, before };
    pa.overlay(std::clamp(m_ctx->progress(), 0.0, 1.0));
}

} // namespace memviz
