#include "PageWalkView.h"

#include "EventText.h"
#include "ViewContext.h"
#include "sim/Simulator.h"
#include "vm/VmOps.h"

#include <QEvent>
#include <QFontDatabase>
#include <QHelpEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace memviz {

using namespace Qt::StringLiterals;

namespace {

constexpr std::uint64_t kNever = PageWalkTrace::kNever;

QString hex(std::uint64_t v)
{
    return u"0x"_s + QString::number(v, 16);
}

QString hexDigits(std::uint64_t v, int digits)
{
    return u"0x"_s + QString::number(v, 16).rightJustified(digits, u'0');
}

/// `bits` binary digits, grouped by four from the right when `group`.
QString binary(std::uint64_t v, int bits, bool group = false)
{
    QString s;
    s.reserve(bits + bits / 4);
    for (int i = bits - 1; i >= 0; --i) {
        s += ((v >> i) & 1u) ? u'1' : u'0';
        if (group && i > 0 && i % 4 == 0) s += u' ';
    }
    return s;
}

int hexWidth(std::uint64_t v)
{
    int d = 1;
    while (v >>= 4) ++d;
    return d;
}

int decWidth(std::uint64_t v)
{
    int d = 1;
    while (v /= 10) ++d;
    return d;
}

double ramp(double t, double from, double to)
{
    return std::clamp((t - from) / (to - from), 0.0, 1.0);
}

double easeOut(double t)
{
    return 1 - (1 - t) * (1 - t);
}

/// A level's hue: by Linux name for the x86 presets (PTE is always amber, PMD purple ...),
/// by position for custom specs (first blue, last amber).
QColor levelColour(const ArchSpec& a, int level)
{
    const QColor blue(0x2f, 0x6f, 0xd0), teal(0x0b, 0x95, 0xa3), green(0x2e, 0x93, 0x45), purple(0x8a, 0x55, 0xc4),
        amber(0xc2, 0x6a, 0x0c), pink(0xc2, 0x3d, 0x8a);
    if (level < 0 || static_cast<std::size_t>(level) >= a.levels.size()) return QColor(0x7a, 0x7f, 0x87);
    if (!a.custom) {
        const std::string& n = a.levels[static_cast<std::size_t>(level)].name;
        if (n == "PGD") return blue;
        if (n == "P4D") return teal;
        if (n == "PUD") return green;
        if (n == "PMD") return purple;
        if (n == "PTE") return amber;
    }
    const int n = static_cast<int>(a.levels.size());
    if (level == 0) return blue;
    if (level == n - 1) return amber;
    const QColor middle[] = { green, purple, teal, pink };
    return middle[(level - 1) % 4];
}

QColor offsetColour()
{
    return QColor(0x6e, 0x76, 0x80);
}
QColor hitColour()
{
    return Palette::tlbHit();
}
QColor missColour()
{
    return Palette::tlbMiss();
}
QColor faultColour()
{
    return Palette::alarm();
}

/// A pale fill of a hue on the current background.
QColor tint(const QColor& c, double strength = 1.0)
{
    return Palette::tint(c, (Palette::isDark() ? 0.30 : 0.16) * strength);
}

void arrowHead(QPainter& p, QPointF tip, QPointF from, qreal size, const QColor& c)
{
    const QLineF line(from, tip);
    if (line.length() < 1) return;
    const QLineF unit = line.unitVector();
    const QPointF dir(unit.dx(), unit.dy()), normal(-dir.y(), dir.x());
    QPolygonF head;
    head << tip << tip - dir * size + normal * size * 0.5 << tip - dir * size - normal * size * 0.5;
    p.save();
    p.setPen(Qt::NoPen);
    p.setBrush(c);
    p.drawPolygon(head);
    p.restore();
}

/// A polyline arrow grown to `t` of its length.
void growArrow(QPainter& p, const QPolygonF& path, double t, const QColor& c, qreal width, qreal head,
    Qt::PenStyle style = Qt::SolidLine)
{
    if (path.size() < 2 || t <= 0) return;
    qreal total = 0;
    for (int i = 1; i < path.size(); ++i) total += QLineF(path[i - 1], path[i]).length();
    qreal left = total * std::clamp(t, 0.0, 1.0);
    QPolygonF drawn;
    drawn << path[0];
    for (int i = 1; i < path.size() && left > 0; ++i) {
        const QLineF seg(path[i - 1], path[i]);
        if (seg.length() <= left) {
            drawn << path[i];
            left -= seg.length();
        } else {
            drawn << seg.pointAt(left / seg.length());
            left = 0;
        }
    }
    p.save();
    QPen pen(c, Palette::line(width), style, Qt::RoundCap, Qt::RoundJoin);
    p.setPen(pen);
    p.setBrush(Qt::NoBrush);
    const QPointF tip = drawn.back();
    const QPointF before = drawn.size() >= 2 ? drawn[drawn.size() - 2] : drawn[0];
    // Stop the line short of the tip so the head stays sharp.
    QPolygonF body = drawn;
    if (QLineF(before, tip).length() > head)
        body.back() = QLineF(tip, before).pointAt(head * 0.6 / QLineF(before, tip).length());
    p.drawPolyline(body);
    p.restore();
    arrowHead(p, tip, before, head, c);
}

bool isTranslateCommand(const Simulator& sim, const Event& e)
{
    return e.cmd < sim.commands().size() && sim.commands()[e.cmd].type == CommandType::Translate;
}

/// Bits of address below level `level`'s index: the span one of its entries maps.
int spanShift(const ArchSpec& a, int level)
{
    int s = a.pageShift;
    for (std::size_t l = static_cast<std::size_t>(level) + 1; l < a.levels.size(); ++l) s += a.levels[l].bits;
    return s;
}

} // namespace

// ---- PageWalkTrace -------------------------------------------------------------------

int PageWalkTrace::walkedLevels() const
{
    return static_cast<int>(std::count_if(levels.begin(), levels.end(), [](const Level& l) { return l.walked; }));
}

int PageWalkTrace::failedLevel() const
{
    for (const Level& l : levels)
        if ((l.walked || l.skipped) && !l.valid) return l.level;
    return -1;
}

const PageWalkTrace::EntryWrite* PageWalkTrace::writeOf(int level) const
{
    if (level < 0 || static_cast<std::size_t>(level) >= levels.size()) return nullptr;
    const Level& l = levels[static_cast<std::size_t>(level)];
    if (l.table == kNoPfn) return nullptr;
    const EntryWrite* found = nullptr;
    for (const EntryWrite& w : writes)
        if (w.level == level && w.table == l.table && w.index == l.index) found = &w;
    return found;
}

int PageWalkTrace::neighbourWrites() const
{
    if (levels.empty()) return 0;
    const Level& leaf = levels.back();
    int n = 0;
    for (const EntryWrite& w : writes)
        if (w.level == leaf.level && !(w.table == leaf.table && w.index == leaf.index)) ++n;
    return n;
}

std::uint64_t PageWalkTrace::findStart(
    const Simulator& sim, std::uint64_t cursor, std::uint64_t hintCursor, std::uint64_t hintStart)
{
    const auto& ev = sim.events();
    cursor = std::min<std::uint64_t>(cursor, ev.size());
    const bool useHint = hintStart != kNever && hintCursor <= cursor && hintStart < hintCursor;
    const std::uint64_t floor = useHint ? hintCursor : 0;
    for (std::uint64_t i = cursor; i-- > floor;) {
        const Event& e = ev[i];
        if (isTranslateCommand(sim, e)) return sim.commandStart(e.cmd);
        if (e.type == EventType::TlbLookup) return i;
    }
    return useHint ? hintStart : kNever;
}

PageWalkTrace PageWalkTrace::build(
    const Simulator& sim, std::uint64_t start, std::uint64_t cursor, const Machine& atStart)
{
    PageWalkTrace t;
    const auto& ev = sim.events();
    cursor = std::min<std::uint64_t>(cursor, ev.size());
    if (start == kNever || start >= cursor) return t;
    const ArchSpec& a = atStart.config.arch;
    const EntryFormat& fmt = a.entry;
    const int n = static_cast<int>(a.levels.size());
    const Event& s = ev[start];
    const bool translate = isTranslateCommand(sim, s);
    if (!translate && s.type != EventType::TlbLookup) return t;

    t.start = start;
    t.cursor = cursor;
    t.end = start + 1;
    t.levels.resize(static_cast<std::size_t>(n));
    for (int l = 0; l < n; ++l) t.levels[static_cast<std::size_t>(l)].level = l;

    if (translate) {
        const Command& c = sim.commands()[s.cmd];
        t.source = Source::Translate;
        t.va = c.addr;
        t.pid = c.pid;
        const Process* p = c.pid ? atStart.proc(c.pid) : nullptr;
        t.root = c.pid ? (p ? p->mm.pgd : kNoPfn) : atStart.cpu.cr3;
    } else {
        t.source = Source::Access;
        t.va = s.a;
        t.pid = s.pid;
        t.write = s.flags & AccessFlag::Write;
        t.tlbLooked = true;
        t.tlbHit = s.flags & EventFlag::Hit;
        t.tlbHuge = s.flags & EventFlag::Huge;
        t.tlbSet = s.b;
        if (const Process* p = atStart.proc(s.pid)) t.root = p->mm.pgd;
        if (t.tlbHit) {
            t.tlbWay = s.pfn;
            t.tlbRepeats = s.c;
            const auto& arr = t.tlbHuge ? atStart.tlb.huge : atStart.tlb.small;
            const int ways = t.tlbHuge ? atStart.tlb.hugeWays : atStart.tlb.ways;
            const std::size_t i = static_cast<std::size_t>(t.tlbSet * static_cast<std::uint64_t>(ways) + t.tlbWay);
            if (i < arr.size()) {
                t.tlbPfn = arr[i].pfn;
                t.tlbReadOnly = t.write && !(arr[i].flags & TlbFlag::Write);
            }
        }
    }
    t.split = splitAddress(a, t.va);
    for (int l = 0; l < n; ++l)
        t.levels[static_cast<std::size_t>(l)].index = t.split.indices[static_cast<std::size_t>(l)];

    // A hit that allows the access is the whole translation.
    if (t.tlbHit && !t.tlbReadOnly) t.complete = true;

    bool dying = false;
    for (std::uint64_t j = translate ? start : start + 1; j < cursor && !t.complete; ++j) {
        const Event& e = ev[j];
        if (e.cmd != s.cmd) break;
        if (!translate && e.type == EventType::TlbLookup) break;
        t.end = j + 1;
        if (dying) {
            if (e.type == EventType::ProcessExit && e.pid == t.pid) {
                t.killed = true;
                t.signal = static_cast<int>(e.a);
                t.killedAt = j;
                t.complete = true;
            }
            continue; // the teardown of the killed process is not part of the translation
        }
        switch (e.type) {
        case EventType::WalkStep: {
            if (e.order >= n) break;
            Level& l = t.levels[e.order];
            l.table = e.pfn;
            l.index = e.a;
            l.entryAddr = e.b;
            l.entry = e.c;
            l.valid = e.flags & EventFlag::Valid;
            l.leaf = e.flags & EventFlag::Leaf;
            l.walked = true;
            l.tableAt = l.at = j;
            if (e.order == 0) t.root = e.pfn;
            break;
        }
        case EventType::PageFault:
            t.faulted = true;
            t.faultKind = static_cast<FaultKind>(e.order);
            t.faultFlags = e.flags;
            t.faultAt = j;
            dying = t.faultKind == FaultKind::Segv || t.faultKind == FaultKind::Oom;
            break;
        case EventType::PteSet:
            t.writes.push_back({ e.order, e.pfn, e.a, e.c, e.b, j });
            break;
        case EventType::FrameOwner:
            if (static_cast<FrameState>(e.a) == FrameState::Anon) {
                t.newFrame = e.pfn;
                t.newFrameAt = j;
            }
            break;
        case EventType::PageCacheAdd:
            t.cacheFrame = e.pfn;
            t.cacheAt = j;
            break;
        case EventType::CowCopy:
            t.cow = true;
            t.cowZero = e.flags & EventFlag::ZeroFill;
            t.cowFrom = e.pfn;
            t.cowTo = e.b;
            t.cowAt = j;
            break;
        case EventType::TlbFlush:
            t.flushed = true;
            t.flushAt = j;
            break;
        case EventType::TlbFill:
            t.filled = true;
            t.fillSet = e.b;
            t.fillWay = e.c;
            t.fillPfn = e.pfn;
            t.fillRetry = e.flags & EventFlag::Retry;
            t.fillAt = j;
            t.complete = true;
            break;
        case EventType::TranslateDone:
            t.done = true;
            t.doneOk = e.flags & EventFlag::Valid;
            t.doneFaultLevel = t.doneOk ? -1 : static_cast<int>(e.c);
            t.doneAt = j;
            t.root = e.pfn;
            t.complete = true;
            break;
        case EventType::ProcessExit:
            if (e.pid == t.pid) {
                t.killed = true;
                t.signal = static_cast<int>(e.a);
                t.killedAt = j;
                t.complete = true;
            }
            break;
        default:
            break;
        }
    }

    // A TLB hit skips the walk: show the one it saved, read from the tables as they were.
    if (t.tlbHit && t.root != kNoPfn) {
        const vm::WalkResult w = vm::walk(atStart, t.root, t.va);
        for (const vm::WalkStep& st : w.steps) {
            Level& l = t.levels[static_cast<std::size_t>(st.level)];
            l.table = st.table;
            l.index = st.index;
            l.entryAddr = st.entryAddr;
            l.entry = st.entry;
            l.valid = st.valid;
            l.leaf = st.leaf;
            l.skipped = true;
            l.tableAt = l.at = start;
        }
    }

    // Tables the fault handler created below the level where the walk stopped.
    for (int l = 1; l < n; ++l) {
        Level& L = t.levels[static_cast<std::size_t>(l)];
        const Level& up = t.levels[static_cast<std::size_t>(l - 1)];
        if (L.table != kNoPfn || up.table == kNoPfn) continue;
        for (const EntryWrite& w : t.writes)
            if (w.level == l - 1 && w.table == up.table && w.index == up.index && fmt.present(w.newValue)
                && !(l > 1 && (fmt.flags(w.newValue) & PteFlag::Huge))) { // a huge PMD is no table
                L.table = fmt.pfn(w.newValue);
                L.created = true;
                L.tableAt = w.at;
                L.entryAddr = L.table * a.pageSize() + L.index * static_cast<std::uint64_t>(fmt.bytes);
                L.leaf = l == n - 1;
                break;
            }
        if (!L.created) continue;
        for (const EntryWrite& w : t.writes)
            if (w.level == l && w.table == L.table && w.index == L.index) {
                L.entry = w.newValue;
                L.valid = fmt.present(w.newValue);
                L.at = w.at;
                break;
            }
    }

    // The result: where the physical address became known.
    auto resolve = [&](Pfn frame, int shift, std::uint64_t at) {
        if (t.resolved) return;
        t.resolved = true;
        t.frame = frame;
        t.mapShift = shift;
        const std::uint64_t mask = shift >= 64 ? ~0ull : (1ull << shift) - 1;
        t.paddr = (frame << a.pageShift) + (t.va & mask);
        t.resolvedAt = at;
    };
    if (t.source == Source::Translate) {
        if (t.done && t.doneOk) {
            for (const Level& l : t.levels)
                if (l.walked && l.leaf && l.valid)
                    resolve(l.entry ? fmt.pfn(l.entry) : 0, spanShift(a, l.level), t.doneAt);
            if (!t.resolved) resolve(sim.events()[t.doneAt].b >> a.pageShift, a.pageShift, t.doneAt);
            t.paddr = sim.events()[t.doneAt].b;
        }
    } else if (t.tlbHit && !t.tlbReadOnly) {
        const int shift = t.tlbHuge ? a.pageShift + a.levels.back().bits : a.pageShift;
        resolve(t.tlbPfn, shift, start);
    } else {
        for (const Level& l : t.levels) {
            if (!l.walked || !l.leaf || !l.valid) continue;
            const std::uint32_t f = fmt.flags(l.entry);
            const bool ok = (f & PteFlag::User) && (!t.write || (f & PteFlag::Write));
            if (ok) resolve(fmt.pfn(l.entry), spanShift(a, l.level), l.at);
        }
        if (t.filled) // a huge-page TLB entry maps 2 MiB from its first frame
            resolve(t.fillPfn, (ev[t.fillAt].flags & EventFlag::Huge) ? a.pageShift + a.levels.back().bits : a.pageShift,
                t.fillAt);
    }
    // The clock ticks that end the command (the work of the access put on the clock) belong to it.
    for (std::uint64_t j = t.start; j < t.end; ++j)
        if (ev[j].type == EventType::Clock) t.clockAt.push_back(j);
    while (t.end < cursor && ev[t.end].cmd == s.cmd && ev[t.end].type == EventType::Clock) t.clockAt.push_back(t.end++);
    return t;
}

// ---- layout --------------------------------------------------------------------------

struct PageWalkView::Layout {
    qreal px = 14;
    int context = 2;
    QFont font, bold, small, smallBold, mono, monoBold, monoSmall, title, monoBig, monoBigBold;
    qreal lh = 0, slh = 0, mlh = 0, pad = 0, margin = 0, arrowGap = 0, chipH = 0;

    struct Field {
        QRectF box, below;
        int level = 0; ///< -1: the offset, -2: the bits above the walk (sign extension)
        int hi = 0, lo = 0; ///< bit range
    };
    struct Row {
        QRectF rect;
        qint64 index = -1; ///< -1: a "…" gap
    };
    struct Column {
        QRectF rect, header, footer;
        std::vector<Row> rows;
        int used = -1; ///< row of the entry the walk uses
    };

    QRectF titleRect, addrRect;
    std::vector<Field> fields;
    QRectF tlbBox, cr3Box, frameBox;
    std::vector<Column> columns;
    QRectF flowRect, faultBox, faultLeft, faultRight, resultRect, captionRect;
    std::vector<FaultKind> chipKinds;
    std::vector<QRectF> chipRects;
    qreal chipTop = 0;
    int flagLines = 1;
};

namespace {

struct FlagChip {
    const char* label;
    std::uint32_t flag;
};

/// The flags a level's entry has, by their x86 mnemonics (D and G only mean something
/// in an entry that maps a page, PS only above the last level); custom formats only
/// have a valid bit. Labels go through PageWalkView::tr().
std::vector<FlagChip> flagChips(const ArchSpec& a, bool leaf, bool lastLevel)
{
    if (a.custom) return { { QT_TRANSLATE_NOOP("memviz::PageWalkView", "V"), PteFlag::Present } };
    std::vector<FlagChip> out = { { QT_TRANSLATE_NOOP("memviz::PageWalkView", "P"), PteFlag::Present },
        { QT_TRANSLATE_NOOP("memviz::PageWalkView", "RW"), PteFlag::Write },
        { QT_TRANSLATE_NOOP("memviz::PageWalkView", "US"), PteFlag::User },
        { QT_TRANSLATE_NOOP("memviz::PageWalkView", "A"), PteFlag::Accessed } };
    if (leaf) out.push_back({ QT_TRANSLATE_NOOP("memviz::PageWalkView", "D"), PteFlag::Dirty });
    if (!lastLevel) out.push_back({ QT_TRANSLATE_NOOP("memviz::PageWalkView", "PS"), PteFlag::Huge });
    if (leaf) out.push_back({ QT_TRANSLATE_NOOP("memviz::PageWalkView", "G"), PteFlag::Global });
    if (a.entry.nxBit >= 0) out.push_back({ QT_TRANSLATE_NOOP("memviz::PageWalkView", "NX"), PteFlag::NoExec });
    return out;
}

/// Rows of a table to draw: the first and last entries, a window of `context` around
/// the one in use, "…" (-1) for what lies between.
std::vector<qint64> windowRows(std::uint64_t entries, std::uint64_t index, int context)
{
    std::vector<qint64> out;
    const auto n = static_cast<qint64>(entries);
    const auto idx = static_cast<qint64>(index);
    if (n <= 2 * context + 3) {
        for (qint64 i = 0; i < n; ++i) out.push_back(i);
        return out;
    }
    qint64 lo = std::max<qint64>(0, idx - context), hi = std::min<qint64>(n - 1, idx + context);
    // Keep the window as wide near the ends as in the middle.
    if (lo == 0) hi = std::min<qint64>(n - 1, 2 * context);
    if (hi == n - 1) lo = std::max<qint64>(0, n - 1 - 2 * context);
    if (lo > 0) {
        out.push_back(0);
        if (lo > 1) out.push_back(-1);
    }
    for (qint64 i = lo; i <= hi; ++i) out.push_back(i);
    if (hi < n - 1) {
        if (hi < n - 2) out.push_back(-1);
        out.push_back(n - 1);
    }
    return out;
}

QString faultKindLabel(FaultKind k)
{
    switch (k) {
    case FaultKind::ZeroPage:
        return PageWalkView::tr("zero page");
    case FaultKind::Anon:
        return PageWalkView::tr("new anonymous page");
    case FaultKind::CowCopy:
        return PageWalkView::tr("COW copy");
    case FaultKind::CowReuse:
        return PageWalkView::tr("COW reuse");
    case FaultKind::FileMinor:
        return PageWalkView::tr("file page, minor");
    case FaultKind::FileMajor:
        return PageWalkView::tr("file page, major");
    case FaultKind::Segv:
        return PageWalkView::tr("SIGSEGV");
    case FaultKind::Oom:
        return PageWalkView::tr("out of memory");
    case FaultKind::Swap:
        return PageWalkView::tr("swap-in");
    case FaultKind::Count:
        break;
    }
    return QString();
}

QString faultKindExplanation(FaultKind k, bool write, bool major)
{
    switch (k) {
    case FaultKind::ZeroPage:
        return PageWalkView::tr("do_anonymous_page(): a read of untouched anonymous memory maps the shared zero "
                                "page read-only. No memory is used until the first write.");
    case FaultKind::Anon:
        return PageWalkView::tr("do_anonymous_page(): the first write to anonymous memory gets a new zeroed "
                                "page, mapped writable and dirty.");
    case FaultKind::CowCopy:
        if (major || !write)
            return PageWalkView::tr("do_cow_fault(): a private write to a file page copies it into a new "
                                    "anonymous page.");
        return PageWalkView::tr("do_wp_page() → wp_page_copy(): the page is shared (or the zero page), so the "
                                "writer gets its own copy.");
    case FaultKind::CowReuse:
        return PageWalkView::tr("do_wp_page() → wp_page_reuse(): nobody else maps the page any more, so it is "
                                "made writable in place, without a copy.");
    case FaultKind::FileMinor:
        return PageWalkView::tr("The page is in the page cache already: it is only mapped (a minor fault, no I/O).");
    case FaultKind::FileMajor:
        return PageWalkView::tr("filemap_fault(): the page is not in the page cache, so it is read from the disk "
                                "first (a major fault).");
    case FaultKind::Segv:
        return PageWalkView::tr("bad_area(): no VMA covers the address, or the VMA forbids this access. The "
                                "process gets SIGSEGV.");
    case FaultKind::Oom:
        return PageWalkView::tr("No memory for the page: the fault fails with VM_FAULT_OOM and the process is "
                                "killed.");
    case FaultKind::Swap:
        if (major)
            return PageWalkView::tr("do_swap_page(): the entry holds a swap entry, so a new page is read back from "
                                    "swap (a major fault) and mapped again.");
        return PageWalkView::tr("do_swap_page(): the entry holds a swap entry, but the page is still in the swap "
                                "cache, so it is only mapped again (a minor fault, no I/O).");
    case FaultKind::Count:
        break;
    }
    return QString();
}

} // namespace

// ---- the view ------------------------------------------------------------------------

PageWalkView::PageWalkView(ViewContext* ctx, QWidget* parent)
    : QWidget(parent)
    , m_ctx(ctx)
{
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMouseTracking(true);
    connect(m_ctx, &ViewContext::stateChanged, this, [this](bool step) {
        if (!step) m_hintStart = PageWalkTrace::kNever;
        onStateChanged();
    });
    connect(m_ctx, &ViewContext::progressChanged, this, qOverload<>(&QWidget::update));
    onStateChanged();
}

PageWalkView::~PageWalkView() = default;

void PageWalkView::onStateChanged()
{
    m_traceDirty = true;
    invalidateLayout();
}

void PageWalkView::invalidateLayout()
{
    m_layoutDirty = true;
    m_cacheDirty = true;
    update();
}

const PageWalkTrace& PageWalkView::trace() const
{
    rebuildTrace();
    return m_trace;
}

void PageWalkView::rebuildTrace() const
{
    if (!m_traceDirty) return;
    m_traceDirty = false;
    const Simulator* sim = m_ctx->simulator();
    const std::uint64_t cursor = m_ctx->cursor();
    if (!sim || cursor == 0 || cursor > sim->eventCount()) {
        m_trace = PageWalkTrace();
        m_hintStart = PageWalkTrace::kNever;
        return;
    }
    if (sim != m_snapshotSim) m_hintStart = PageWalkTrace::kNever;
    const std::uint64_t start = PageWalkTrace::findStart(*sim, cursor, m_hintCursor, m_hintStart);
    m_hintCursor = cursor;
    m_hintStart = start;
    if (start == PageWalkTrace::kNever) {
        m_trace = PageWalkTrace();
        return;
    }
    // The tables as the walk found them: the machine before the translation began. The
    // first event is compared too: after a truncation the same index may start another run.
    const Event& first = sim->events()[start];
    const Event& seen = m_snapshotEvent;
    const bool same = start == m_snapshotStart && sim == m_snapshotSim && first.type == seen.type
        && first.cmd == seen.cmd && first.pid == seen.pid && first.a == seen.a && first.b == seen.b
        && first.flags == seen.flags && first.time == seen.time;
    if (!same) {
        m_atStart = start + 1 == cursor ? m_ctx->previousMachine() : sim->stateAt(start);
        m_snapshotStart = start;
        m_snapshotSim = sim;
        m_snapshotEvent = first;
    }
    m_trace = PageWalkTrace::build(*sim, start, cursor, m_atStart);
}

QStringList PageWalkView::levelNames() const
{
    QStringList out;
    for (const PagingLevel& l : m_ctx->machine().config.arch.levels) out << QString::fromStdString(l.name);
    return out;
}

qint64 PageWalkView::highlightedIndex(int level) const
{
    const PageWalkTrace& t = trace();
    if (level < 0 || static_cast<std::size_t>(level) >= t.levels.size()) return -1;
    const PageWalkTrace::Level& l = t.levels[static_cast<std::size_t>(level)];
    return l.table == kNoPfn ? -1 : static_cast<qint64>(l.index);
}

std::vector<qint64> PageWalkView::shownRows(int level) const
{
    ensureLayout();
    if (!m_layout || level < 0 || static_cast<std::size_t>(level) >= m_layout->columns.size()) return {};
    if (highlightedIndex(level) < 0) return {};
    std::vector<qint64> out;
    for (const Layout::Row& r : m_layout->columns[static_cast<std::size_t>(level)].rows) out.push_back(r.index);
    return out;
}

std::optional<FaultKind> PageWalkView::faultKind() const
{
    const PageWalkTrace& t = trace();
    if (!t.faulted) return std::nullopt;
    return t.faultKind;
}

std::optional<std::uint64_t> PageWalkView::physicalAddress() const
{
    const PageWalkTrace& t = trace();
    if (!t.resolved) return std::nullopt;
    return t.paddr;
}

QString PageWalkView::currentStage() const
{
    const PageWalkTrace& t = trace();
    if (!t.isValid() || t.cursor == 0) return QString();
    std::uint64_t cur = t.cursor - 1;
    if (cur < t.start || cur >= t.end) return QString();
    // A clock tick shows the stage before it.
    while (cur > t.start && std::find(t.clockAt.begin(), t.clockAt.end(), cur) != t.clockAt.end()) --cur;
    if (t.tlbLooked && cur == t.start) return u"tlb"_s;
    for (const PageWalkTrace::Level& l : t.levels)
        if (l.walked && l.at == cur) return u"level %1"_s.arg(l.level);
    if (cur == t.faultAt) return u"fault"_s;
    if (cur == t.fillAt) return u"fill"_s;
    if (cur == t.doneAt) return u"done"_s;
    if (cur == t.killedAt) return u"killed"_s;
    return u"fix-up"_s;
}

qreal PageWalkView::baseFontPixels() const
{
    ensureLayout();
    return m_layout ? m_layout->px : 0;
}

void PageWalkView::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    invalidateLayout();
}

void PageWalkView::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange || event->type() == QEvent::FontChange
        || event->type() == QEvent::StyleChange || event->type() == QEvent::PaletteChange) {
        m_fitKey.clear(); // translated strings have other widths
        invalidateLayout();
    }
    QWidget::changeEvent(event);
}

bool PageWalkView::event(QEvent* event)
{
    if (event->type() == QEvent::ToolTip) {
        auto* he = static_cast<QHelpEvent*>(event);
        const QString text = toolTipAt(he->pos());
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(he->globalPos(), text, this);
        return true;
    }
    return QWidget::event(event);
}

void PageWalkView::ensureLayout() const
{
    rebuildTrace();
    if (!m_layoutDirty && m_layout) return;
    m_layoutDirty = false;
    m_cacheDirty = true;
    if (!m_trace.isValid()) {
        m_layout.reset();
        return;
    }
    auto l = std::make_unique<Layout>();
    // The fitted size depends only on these (the layout measures the widest values the
    // machine can show, not the current ones), so a step usually reuses it.
    const ArchSpec& a = m_atStart.config.arch;
    QString key = QString::number(width()) + u'x' + QString::number(height()) + u'|' + QString::fromStdString(a.name)
        + u'|' + QString::number(a.vaBits()) + u'|' + QString::number(a.levels.size()) + u'|'
        + QString::number(a.entry.bytes) + u'|' + QString::number(m_atStart.frames.size()) + u'|'
        + QString::number(m_atStart.tlb.sets * 100 + m_atStart.tlb.ways) + u'|' + QString::number(int(m_trace.source))
        + (m_trace.pid ? u"p"_s : u"k"_s)
        + (m_trace.faulted && m_trace.faultKind == FaultKind::Oom ? u"o"_s : QString()) + u'|' + font().key();
    if (key == m_fitKey && fits(*l, m_fitPx, m_fitContext)) {
        m_layout = std::move(l);
        return;
    }
    // The largest text that fits, from big (a projector at 1080p) down to small (a docked view).
    const qreal maxPx = std::clamp<qreal>(std::min(height() / 30.0, width() / 48.0), 11, 28);
    bool ok = false;
    for (qreal px = maxPx; px >= 9 && !ok; px -= 0.5)
        for (int context : { 2, 1 })
            if (fits(*l, px, context)) {
                ok = true;
                break;
            }
    if (!ok) fits(*l, 9, 1); // too small a widget: the smallest layout, whatever it costs
    // Room to spare at that size: more entries around the used one.
    for (int context = l->context + 1; ok && context <= 6; ++context) {
        auto more = std::make_unique<Layout>();
        if (!fits(*more, l->px, context)) break;
        l = std::move(more);
    }
    m_fitKey = key;
    m_fitPx = l->px;
    m_fitContext = l->context;
    m_layout = std::move(l);
}

bool PageWalkView::fits(Layout& l, qreal px, int context) const
{
    const PageWalkTrace& t = m_trace;
    const Machine& m = m_atStart;
    const ArchSpec& a = m.config.arch;
    const int n = static_cast<int>(a.levels.size());
    l = Layout();
    l.px = px;
    l.context = context;
    const QFont base = font();
    QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    l.font = Palette::pixelFont(base, px);
    l.bold = Palette::pixelFont(base, px, true);
    l.small = Palette::pixelFont(base, px * 0.86);
    l.smallBold = Palette::pixelFont(base, px * 0.86, true);
    l.title = Palette::pixelFont(base, px * 1.15, true);
    l.mono = Palette::pixelFont(fixed, px);
    l.monoBold = Palette::pixelFont(fixed, px, true);
    l.monoSmall = Palette::pixelFont(fixed, px * 0.86);
    l.monoBig = Palette::pixelFont(fixed, px * 1.12);
    l.monoBigBold = Palette::pixelFont(fixed, px * 1.12, true);
    const QFontMetricsF fm(l.font), fmb(l.bold), fms(l.small), fmsb(l.smallBold), fmt(l.title), fmm(l.mono),
        fmmb(l.monoBold), fmms(l.monoSmall), fmbig(l.monoBigBold);
    l.lh = fm.lineSpacing();
    l.slh = fms.lineSpacing();
    l.mlh = fmm.lineSpacing();
    l.pad = std::round(px * 0.45);
    l.margin = std::round(px * 0.7);
    l.arrowGap = std::round(px * 1.7);
    l.chipH = fmsb.height() + l.pad * 0.6;
    const qreal W = width(), H = height();
    const qreal innerW = W - 2 * l.margin;

    // Widths of the longest values this machine can show, so the layout does not move
    // between steps.
    const int pfnDigits = hexWidth(std::max<std::uint64_t>(m.frames.size(), 2) - 1);
    const int entryDigits = a.entry.bytes * 2;
    const int vpnDigits = std::max(1, (a.vaBits() - a.pageShift + 3) / 4);
    const QString pfnT = hexDigits(0, pfnDigits);
    const auto w = [](const QFontMetricsF& f, const QString& s) { return f.horizontalAdvance(s); };

    // ---- title -------------------------------------------------------------------------
    qreal y = l.margin;
    l.titleRect = QRectF(l.margin, y, innerW, fmt.lineSpacing() * 1.2);
    y = l.titleRect.bottom() + l.pad;

    // ---- right-hand boxes (TLB on top, the page frame below) ----------------------------
    const QString setT = tr("set %1 · way %2").arg(m.tlb.sets - 1).arg(m.tlb.ways - 1);
    qreal boxNeed = std::max({ w(fmb, tr("TLB lookup")), w(fmms, u"vpn "_s + hexDigits(0, vpnDigits)), w(fms, setT),
        w(fmsb, tr("HIT · way %1").arg(m.tlb.ways - 1)), w(fms, tr("filled way %1").arg(m.tlb.ways - 1)),
        w(fmb, tr("page frame")), w(fmbig, pfnT), w(fms, tr("copy of %1").arg(pfnT)), w(fms, tr("new zeroed page")),
        w(fms, tr("the shared zero page")), w(fms, tr("from the TLB")), w(fms, tr("read from disk")),
        w(fms, tr("same frame, now writable")), w(fms, tr("page-cache page")) });
    if (t.source == PageWalkTrace::Source::Translate)
        boxNeed = std::max(
            { boxNeed, w(fms, tr("no TLB lookup:")), w(fms, tr("Translate walks")), w(fms, tr("from CR3")) });
    const qreal boxW = std::ceil(boxNeed + 2 * l.pad);

    // ---- the address bar ---------------------------------------------------------------
    const int vaBits = a.vaBits();
    const bool highBits = !a.custom && !a.is32bit && vaBits < 64;
    struct FieldNeed {
        int level, hi, lo;
        qreal need;
    };
    std::vector<FieldNeed> needs;
    const auto fieldNeed = [&](int level, int hi, int lo) {
        const int bits = hi - lo + 1;
        QString name, digits, value;
        if (level == -2) {
            name = tr("sign ext.");
            digits = hexDigits(0, (bits + 3) / 4);
            value = tr("copies of bit %1").arg(lo - 1);
        } else {
            name = level == -1 ? tr("offset") : QString::fromStdString(a.levels[static_cast<std::size_t>(level)].name);
            digits = binary(0, bits);
            const std::uint64_t max = (1ull << bits) - 1;
            value = QString::number(max) + u" · "_s + hexDigits(max, (bits + 3) / 4);
        }
        const qreal need
            = std::max({ w(fmb, name), w(fmm, digits), w(fms, tr("bits %1–%2").arg(hi).arg(lo)), w(fmsb, value) })
            + 2 * l.pad;
        needs.push_back({ level, hi, lo, std::ceil(need) });
    };
    if (highBits) fieldNeed(-2, 63, vaBits);
    for (int lv = 0, top = vaBits - 1; lv < n; ++lv) {
        const int bits = a.levels[static_cast<std::size_t>(lv)].bits;
        fieldNeed(lv, top, top - bits + 1);
        top -= bits;
    }
    fieldNeed(-1, a.pageShift - 1, 0);
    const qreal fieldGap = std::round(px * 0.3);
    const qreal addrW = innerW - boxW - l.arrowGap;
    qreal sumNeed = fieldGap * qreal(needs.size() - 1);
    int sumBits = 0;
    for (const FieldNeed& f : needs) {
        sumNeed += f.need;
        sumBits += f.hi - f.lo + 1;
    }
    if (sumNeed > addrW) return false;
    const qreal boxH = std::ceil(fmb.lineSpacing() + fmm.lineSpacing() + l.pad * 1.6);
    const qreal tlbH
        = std::ceil(fmb.lineSpacing() + fmms.lineSpacing() + fms.lineSpacing() * 2 + l.chipH + 4 + l.pad * 1.2);
    const qreal belowH = std::max(std::ceil(fms.lineSpacing() + fmsb.lineSpacing() + l.pad * 0.5), tlbH - boxH);
    l.addrRect = QRectF(l.margin, y, addrW, boxH + belowH);
    {
        const qreal extra = addrW - sumNeed;
        qreal x = l.margin;
        for (const FieldNeed& f : needs) {
            const qreal fw = std::floor(f.need + extra * (f.hi - f.lo + 1) / std::max(1, sumBits));
            Layout::Field field;
            field.level = f.level;
            field.hi = f.hi;
            field.lo = f.lo;
            field.box = QRectF(x, y, fw, boxH);
            field.below = QRectF(x, y + boxH, fw, belowH);
            l.fields.push_back(field);
            x += fw + fieldGap;
        }
    }
    l.tlbBox = QRectF(W - l.margin - boxW, y, boxW, l.addrRect.height());
    y = l.addrRect.bottom();

    // ---- the flow: CR3, one column per level, the frame -------------------------------
    const qreal connectorGap = std::round(l.lh * 1.5);
    y += connectorGap;
    const QString pidText
        = t.pid ? tr("pgd of pid %1").arg(QString(std::max(5, decWidth(t.pid)), u'9')) : tr("set by a script");
    const qreal cr3W = std::ceil(
        std::max({ w(fmb, tr("CR3")), w(fmmb, pfnT), w(fms, pidText), w(fms, tr("PCID %1").arg(6)) }) + 2 * l.pad);
    const qreal colAvail = innerW - cr3W - boxW - l.arrowGap * (n + 1);
    const qreal colW = std::floor(colAvail / n);

    const int idxDigits = [&] {
        int d = 1;
        for (int lv = 0; lv < n; ++lv) d = std::max(d, decWidth(a.entriesAt(lv) - 1));
        return d;
    }();
    const qreal idxW = w(fmms, QString(idxDigits, u'0'));
    const QString contentT = a.custom ? QString(hexDigits(0, entryDigits) + u" → "_s + pfnT) : QString(u"→ "_s + pfnT);
    const QString footerT = a.entry.bytes <= 2
        ? QString(hexDigits(0, entryDigits) + u" = "_s + binary(0, a.entry.bits(), true))
        : hexDigits(0, entryDigits);
    qreal headerNeed = 0;
    for (int lv = 0; lv < n; ++lv)
        headerNeed = std::max(headerNeed,
            w(fmb, QString::fromStdString(a.levels[static_cast<std::size_t>(lv)].name)) + l.pad
                + w(fms, tr("%n entries", nullptr, int(std::min<std::uint64_t>(a.entriesAt(lv), 1u << 30)))));
    headerNeed = std::max(headerNeed, w(fms, tr("table %1").arg(pfnT)));
    const qreal rowNeed = idxW + l.pad + w(fmmb, contentT);
    // Flag chips: one line if they fit, else two.
    const auto chipsWidth = [&](const std::vector<FlagChip>& chips, int from, int to) {
        qreal s = 0;
        for (int i = from; i < to; ++i) s += w(fmsb, tr(chips[static_cast<std::size_t>(i)].label)) + l.pad * 0.9 + 3;
        return s;
    };
    const std::vector<FlagChip> widest = flagChips(a, true, false);
    const qreal innerColW = colW - 2 * l.pad;
    if (innerColW < std::max({ rowNeed, headerNeed, w(fmms, footerT) })) return false;
    const int nChips = static_cast<int>(widest.size());
    l.flagLines = chipsWidth(widest, 0, nChips) <= innerColW ? 1 : 2;
    if (l.flagLines == 2 && chipsWidth(widest, 0, (nChips + 1) / 2) > innerColW) return false;

    const qreal headerH = std::ceil(fmb.lineSpacing() + fms.lineSpacing() + l.pad);
    const qreal rowH = std::ceil(fmm.lineSpacing() * 1.22);
    const qreal gapH = std::ceil(rowH * 0.7);
    const qreal usedExtra = std::ceil(l.flagLines * (l.chipH + 3) + l.pad * 0.5);
    const qreal footerH = std::ceil(fms.lineSpacing() * 1.25);
    qreal maxRowsH = 0;
    for (int lv = 0; lv < n; ++lv) {
        const std::uint64_t entries = a.entriesAt(lv);
        const qreal h
            = entries <= std::uint64_t(2 * context + 3) ? qreal(entries) * rowH : (2 * context + 3) * rowH + 2 * gapH;
        maxRowsH = std::max(maxRowsH, h);
    }
    const qreal flowH = headerH + maxRowsH + usedExtra + footerH;
    l.flowRect = QRectF(l.margin, y, innerW, flowH);
    l.cr3Box = QRectF(l.margin, y, cr3W,
        std::ceil(fmb.lineSpacing() + fmmb.lineSpacing() + fms.lineSpacing() * (a.custom ? 1 : 2) + l.pad * 2));
    l.frameBox = QRectF(W - l.margin - boxW, y, boxW, flowH);
    for (int lv = 0; lv < n; ++lv) {
        Layout::Column c;
        const qreal x = l.margin + cr3W + l.arrowGap + lv * (colW + l.arrowGap);
        const PageWalkTrace::Level& L = t.levels[static_cast<std::size_t>(lv)];
        const std::vector<qint64> rows = windowRows(a.entriesAt(lv), L.index, context);
        c.header = QRectF(x, y, colW, headerH);
        qreal ry = c.header.bottom();
        for (qint64 r : rows) {
            Layout::Row row;
            row.index = r;
            const bool used = r >= 0 && static_cast<std::uint64_t>(r) == L.index;
            const qreal h = r < 0 ? gapH : rowH + (used ? usedExtra : 0);
            row.rect = QRectF(x, ry, colW, h);
            if (used) c.used = static_cast<int>(c.rows.size());
            c.rows.push_back(row);
            ry += h;
        }
        c.footer = QRectF(x, ry, colW, footerH);
        c.rect = QRectF(x, y, colW, c.footer.bottom() - y);
        l.columns.push_back(c);
    }
    y += flowH;

    // ---- the fault box, the result and the caption ------------------------------------
    y += std::round(l.lh * 1.1); // room for the arrow down to the fault box
    const qreal halfW = std::floor((innerW - l.pad * 3) / 2);
    // The branches of the fault handler (a Translate command never faults: no chips).
    if (t.source == PageWalkTrace::Source::Access)
        l.chipKinds = { FaultKind::ZeroPage, FaultKind::Anon, FaultKind::CowCopy, FaultKind::CowReuse,
            FaultKind::FileMinor, FaultKind::FileMajor, FaultKind::Segv };
    if (t.faulted && t.faultKind == FaultKind::Oom) l.chipKinds.push_back(FaultKind::Oom);
    const qreal chipRowH = std::ceil(l.chipH * 1.25);
    qreal cx = 0;
    int chipRows = 1;
    std::vector<QPointF> chipPos;
    std::vector<qreal> chipW;
    for (FaultKind k : l.chipKinds) {
        const qreal cw = std::ceil(w(fmsb, faultKindLabel(k)) + l.pad * 1.6);
        if (cw > halfW) return false;
        if (cx > 0 && cx + cw > halfW) {
            cx = 0;
            ++chipRows;
        }
        chipPos.emplace_back(cx, (chipRows - 1) * chipRowH);
        chipW.push_back(cw);
        cx += cw + l.pad * 0.6;
    }
    if (chipRows > 2) return false;
    // The explanation under the chips: two lines, or as many as it takes up to four (Chinese
    // lines are taller than Latin ones).
    qreal explainH = 2 * l.lh;
    if (t.faulted) {
        const QString ex = faultKindExplanation(
            t.faultKind, t.faultFlags & AccessFlag::Write, t.faultFlags & AccessFlag::Major);
        explainH = std::clamp(
            QFontMetricsF(l.font).boundingRect(QRectF(0, 0, halfW, 1e6), Qt::TextWordWrap, ex).height() + 1, explainH,
            4 * l.lh);
    }
    const qreal leftH = fmb.lineSpacing() * 1.15 + chipRows * chipRowH + l.pad * 0.4 + explainH;
    const qreal rightH = 5 * l.lh;
    const qreal faultH = t.source == PageWalkTrace::Source::Translate
        ? std::ceil(fmb.lineSpacing() * 1.2 + 2 * l.lh + 2 * l.pad)
        : std::ceil(std::max(leftH, rightH) + 2 * l.pad);
    l.faultBox = QRectF(l.margin, y, innerW, faultH);
    l.faultLeft = QRectF(l.margin + l.pad, y + l.pad, halfW, faultH - 2 * l.pad);
    l.faultRight = QRectF(l.faultLeft.right() + l.pad, y + l.pad, innerW - halfW - 3 * l.pad, faultH - 2 * l.pad);
    l.chipTop = l.faultLeft.top() + fmb.lineSpacing() * 1.15;
    for (std::size_t i = 0; i < chipPos.size(); ++i)
        l.chipRects.emplace_back(l.faultLeft.left() + chipPos[i].x(), l.chipTop + chipPos[i].y(), chipW[i], l.chipH);
    y = l.faultBox.bottom() + l.pad;

    const int paDigits = hexWidth(std::max<std::uint64_t>(m.frames.size() * a.pageSize(), 2) - 1);
    const QString resultT = tr("physical address") + u" = "_s + pfnT + u" << "_s + QString::number(a.pageShift)
        + u" | "_s + hexDigits(0, (a.pageShift + 3) / 4) + u" = "_s + hexDigits(0, paDigits);
    if (w(fmbig, resultT) > innerW) return false;
    l.resultRect = QRectF(l.margin, y, innerW, std::ceil(fmbig.lineSpacing() * 1.25));
    y = l.resultRect.bottom() + l.pad * 0.5;
    l.captionRect = QRectF(l.margin, y, innerW, std::ceil(fm.lineSpacing() * 2 + l.pad));
    y = l.captionRect.bottom() + l.margin;
    return y <= H;
}

// ---- painting ------------------------------------------------------------------------

/// One pass over the picture: the settled part (everything that appeared before the
/// current event) or the overlay (what the current event adds, grown to t).
struct PageWalkView::Scene {
    const PageWalkView& v;
    QPainter& p;
    const Layout& l;
    const PageWalkTrace& tc;
    const Machine& start;
    const ArchSpec& a;
    bool overlay;
    double t;
    std::uint64_t current; ///< the current event when it belongs to the translation, else kNever

    /// Whether something that appeared at event `at` is drawn in this pass, and how far grown.
    bool show(std::uint64_t at, double& k) const
    {
        if (at == kNever || at >= tc.cursor) return false;
        if (at == current) {
            if (!overlay) return false;
            k = t;
            return true;
        }
        if (overlay) return false;
        k = 1;
        return true;
    }

    QColor colourOf(int level) const { return level == -1 ? offsetColour() : levelColour(a, level); }

    /// Fades and slides a box in as k goes from 0 to 1; restore with p.restore().
    void enter(double k) const
    {
        p.save();
        p.setOpacity(p.opacity() * ramp(k, 0, 0.55));
        p.translate(0, -(1 - easeOut(ramp(k, 0, 0.7))) * l.px * 0.6);
    }

    /// The crimson outline of "this is the current step".
    void currentOutline(const QRectF& r, double k) const
    {
        if (!overlay) return;
        p.save();
        p.setOpacity(ramp(k, 0.2, 0.8));
        p.setPen(QPen(Palette::highlight(), std::max(Palette::line(2.0), l.px * 0.18)));
        p.setBrush(Qt::NoBrush);
        p.drawRoundedRect(r.adjusted(-2, -2, 2, 2), l.px * 0.4, l.px * 0.4);
        p.restore();
    }

    void box(const QRectF& r, const QColor& fill, const QColor& border, qreal width = 1.5,
        Qt::PenStyle style = Qt::SolidLine) const
    {
        p.setPen(QPen(border, Palette::line(width), style));
        p.setBrush(fill);
        p.drawRoundedRect(r.adjusted(0.5, 0.5, -0.5, -0.5), l.px * 0.35, l.px * 0.35);
    }

    void text(const QRectF& r, const QFont& f, const QColor& c, const QString& s,
        Qt::Alignment align = Qt::AlignLeft | Qt::AlignVCenter) const
    {
        p.setFont(f);
        p.setPen(c);
        p.drawText(r, align, QFontMetricsF(f).elidedText(s, Qt::ElideRight, r.width() + 0.5));
    }

    /// A flag chip: filled when on, outlined when off.
    qreal chip(QPointF at, const QString& label, bool on, const QColor& c) const
    {
        const QFontMetricsF fm(l.smallBold);
        const QRectF r(at.x(), at.y(), fm.horizontalAdvance(label) + l.pad * 0.9, l.chipH);
        p.setPen(QPen(on ? c : Palette::gridLine(), Palette::line(1.2)));
        p.setBrush(on ? QBrush(c) : QBrush(Qt::NoBrush));
        p.drawRoundedRect(r.adjusted(0.5, 0.5, -0.5, -0.5), 3, 3);
        p.setFont(l.smallBold);
        p.setPen(on ? Palette::textOn(c) : Palette::mutedText());
        p.drawText(r, Qt::AlignCenter, label);
        return r.width();
    }

    std::uint64_t entryAt(Pfn table, std::uint64_t index) const { return vm::readEntry(start, table, index); }

    void paint() const
    {
        if (!overlay) {
            title();
            caption();
        }
        addressBar();
        tlbBox();
        cr3Box();
        for (std::size_t i = 0; i < l.columns.size(); ++i) column(static_cast<int>(i));
        arrows();
        frameBox();
        faultBox();
        result();
    }

    // ---- title and caption ---------------------------------------------------------
    void title() const
    {
        const Machine& now = v.m_ctx->machine();
        QString who;
        if (const Process* pr = tc.pid ? now.proc(tc.pid) : nullptr)
            who = PageWalkView::tr("pid %1 (%2)").arg(tc.pid).arg(QString::fromStdString(now.str(pr->comm)));
        QString head;
        if (tc.source == PageWalkTrace::Source::Translate)
            head = who.isEmpty() ? PageWalkView::tr("Translate %1 from CR3").arg(hex(tc.va))
                                 : PageWalkView::tr("Translate %1 in %2").arg(hex(tc.va), who);
        else if (tc.write)
            head = PageWalkView::tr("%1 writes to %2").arg(who, hex(tc.va));
        else
            head = PageWalkView::tr("%1 reads %2").arg(who, hex(tc.va));
        const bool stale = tc.end < tc.cursor;
        QString status = tc.complete ? PageWalkView::tr("done") : PageWalkView::tr("step %1").arg(tc.eventCount());
        if (stale) status = PageWalkView::tr("the last translation · %1").arg(status);
        const QFontMetricsF fmt(l.title), fms(l.font);
        const qreal sw = std::min(fms.horizontalAdvance(status) + 2, l.titleRect.width() * 0.45);
        text(l.titleRect.adjusted(0, 0, -sw - l.pad, 0), l.title, Palette::text(), head);
        text(l.titleRect, l.font, Palette::mutedText(), status, Qt::AlignRight | Qt::AlignVCenter);
    }

    void caption() const
    {
        const Event* e = v.m_ctx->currentEvent();
        QString s;
        if (e && tc.cursor - 1 >= tc.start && tc.cursor - 1 < tc.end)
            s = EventText::summary(v.m_ctx->machine(), *e);
        else if (e)
            s = PageWalkView::tr("The current step is not part of an address translation; this is the last one, "
                                 "%n step(s) earlier.",
                nullptr, int(std::min<std::uint64_t>(tc.cursor - tc.end, 1u << 30)));
        if (s.isEmpty()) return;
        p.setFont(l.font);
        p.setPen(Palette::mutedText());
        const QFontMetricsF fm(l.font);
        // Two lines at most: wrap, and elide what a third line would hold.
        const QRectF r = l.captionRect;
        const QRectF need = fm.boundingRect(r, Qt::TextWordWrap, s);
        if (need.height() <= r.height() + 1) {
            p.drawText(r, Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop, s);
            return;
        }
        QString first = s;
        int cut = int(s.size());
        while (cut > 0 && fm.horizontalAdvance(s.left(cut)) > r.width()) cut = int(s.lastIndexOf(u' ', cut - 1));
        if (cut <= 0) cut = int(s.size());
        first = s.left(cut);
        p.drawText(QRectF(r.left(), r.top(), r.width(), fm.lineSpacing()), Qt::AlignLeft | Qt::AlignVCenter, first);
        p.drawText(QRectF(r.left(), r.top() + fm.lineSpacing(), r.width(), fm.lineSpacing()),
            Qt::AlignLeft | Qt::AlignVCenter, fm.elidedText(s.mid(cut).trimmed(), Qt::ElideRight, r.width()));
    }

    // ---- the address bar -----------------------------------------------------------
    std::uint64_t levelAt(int level) const
    {
        const PageWalkTrace::Level& L = tc.levels[static_cast<std::size_t>(level)];
        if (L.walked || L.skipped) return L.at;
        return L.tableAt;
    }

    void addressBar() const
    {
        double k = 0;
        const std::uint64_t va = tc.va;
        for (const Layout::Field& f : l.fields) {
            const int bits = f.hi - f.lo + 1;
            const std::uint64_t value = (va >> f.lo) & (bits >= 64 ? ~0ull : (1ull << bits) - 1);
            const QColor c = f.level == -2 ? Palette::gridLine() : colourOf(f.level);
            if (show(tc.start, k)) {
                enter(k);
                box(f.box, f.level == -2 ? Palette::background() : tint(c),
                    f.level == -2 ? Palette::mutedText() : Palette::ink(c), 1.2, f.level == -2 ? Qt::DashLine : Qt::SolidLine);
                const QRectF inner = f.box.adjusted(l.pad, l.pad * 0.5, -l.pad, -l.pad * 0.5);
                const QFontMetricsF fmb(l.bold);
                QString name;
                if (f.level == -2)
                    name = PageWalkView::tr("sign ext.");
                else if (f.level == -1)
                    name = PageWalkView::tr("offset");
                else
                    name = QString::fromStdString(a.levels[static_cast<std::size_t>(f.level)].name);
                text(QRectF(inner.left(), inner.top(), inner.width(), fmb.lineSpacing()), l.bold,
                    f.level == -2 ? Palette::mutedText() : Palette::ink(c), name, Qt::AlignHCenter | Qt::AlignVCenter);
                const QString digits = f.level == -2 ? hexDigits(value, (bits + 3) / 4) : binary(value, bits);
                text(QRectF(inner.left(), inner.top() + fmb.lineSpacing(), inner.width(),
                         inner.height() - fmb.lineSpacing()),
                    l.mono, Palette::text(), digits, Qt::AlignHCenter | Qt::AlignVCenter);
                const QFontMetricsF fms(l.small);
                text(QRectF(f.below.left(), f.below.top() + l.pad * 0.25, f.below.width(), fms.lineSpacing()), l.small,
                    Palette::mutedText(), PageWalkView::tr("bits %1–%2").arg(f.hi).arg(f.lo),
                    Qt::AlignHCenter | Qt::AlignVCenter);
                const QString val = f.level == -2
                    ? PageWalkView::tr("copies of bit %1").arg(f.lo - 1)
                    : QString::number(value) + u" · "_s + hexDigits(value, (bits + 3) / 4);
                text(QRectF(f.below.left(), f.below.top() + l.pad * 0.25 + fms.lineSpacing(), f.below.width(),
                         QFontMetricsF(l.smallBold).lineSpacing()),
                    l.smallBold, f.level == -2 ? Palette::mutedText() : Palette::ink(c), val,
                    Qt::AlignHCenter | Qt::AlignVCenter);
                p.restore();
            }
            // The field lights up when the walker uses it.
            const std::uint64_t used = f.level >= 0 ? levelAt(f.level) : f.level == -1 ? tc.resolvedAt : kNever;
            if (show(used, k)) {
                p.save();
                p.setOpacity(
                    ramp(k, 0, 0.5) * (f.level >= 0 && tc.levels[static_cast<std::size_t>(f.level)].skipped ? 0.5 : 1));
                p.setPen(QPen(Palette::ink(c), std::max(Palette::line(2.5), l.px * 0.2)));
                p.setBrush(Qt::NoBrush);
                p.drawRoundedRect(f.box.adjusted(1, 1, -1, -1), l.px * 0.35, l.px * 0.35);
                p.restore();
                if (f.level < 0 || !tc.levels[static_cast<std::size_t>(f.level)].skipped) currentOutline(f.box, k);
            }
        }
    }

    // ---- TLB and CR3 ---------------------------------------------------------------
    void tlbBox() const
    {
        double k = 0;
        const QRectF r = l.tlbBox;
        if (!show(tc.start, k)) {
            // Filled in later in the translation: only the line that changed.
            if (tc.filled && show(tc.fillAt, k)) tlbFillLine(k);
            return;
        }
        enter(k);
        const bool translate = tc.source == PageWalkTrace::Source::Translate;
        const QColor state = translate ? Palette::mutedText()
            : tc.tlbHit                ? (tc.tlbReadOnly ? faultColour() : hitColour())
                                       : missColour();
        box(r, translate ? Palette::background() : tint(state, 0.8), translate ? Palette::gridLine() : Palette::ink(state), 1.5,
            translate ? Qt::DashLine : Qt::SolidLine);
        const QRectF in = r.adjusted(l.pad, l.pad * 0.6, -l.pad, -l.pad * 0.6);
        const QFontMetricsF fmb(l.bold), fms(l.small), fmms(l.monoSmall);
        qreal y = in.top();
        text(QRectF(in.left(), y, in.width(), fmb.lineSpacing()), l.bold, Palette::text(),
            PageWalkView::tr("TLB lookup"));
        y += fmb.lineSpacing();
        if (translate) {
            for (const QString& s : { PageWalkView::tr("no TLB lookup:"), PageWalkView::tr("Translate walks"),
                     PageWalkView::tr("from CR3") }) {
                text(QRectF(in.left(), y, in.width(), fms.lineSpacing()), l.small, Palette::mutedText(), s);
                y += fms.lineSpacing();
            }
        } else {
            const std::uint64_t vpn = tc.va >> (tc.tlbHuge ? a.pageShift + a.levels.back().bits : a.pageShift);
            text(QRectF(in.left(), y, in.width(), fmms.lineSpacing()), l.monoSmall, Palette::text(),
                u"vpn "_s + hex(vpn));
            y += fmms.lineSpacing();
            text(QRectF(in.left(), y, in.width(), fms.lineSpacing()), l.small, Palette::text(),
                tc.tlbHit ? PageWalkView::tr("set %1 · way %2").arg(tc.tlbSet).arg(tc.tlbWay)
                          : PageWalkView::tr("set %1: no match").arg(tc.tlbSet));
            y += fms.lineSpacing() + 2;
            const QString verdict = tc.tlbHit
                ? (tc.tlbReadOnly ? PageWalkView::tr("HIT, read-only") : PageWalkView::tr("HIT"))
                : PageWalkView::tr("MISS → walk");
            chip(QPointF(in.left(), y), verdict, true, state);
        }
        p.restore();
        currentOutline(r, k);
        if (tc.filled && show(tc.fillAt, k)) tlbFillLine(k);
    }

    void tlbFillLine(double k) const
    {
        const QRectF r = l.tlbBox;
        const QFontMetricsF fms(l.small);
        const QRectF line(
            r.left() + l.pad, r.bottom() - l.pad * 0.6 - fms.lineSpacing(), r.width() - 2 * l.pad, fms.lineSpacing());
        p.save();
        p.setOpacity(ramp(k, 0.1, 0.6));
        p.fillRect(line.adjusted(-2, 0, 2, 0), tint(missColour(), 0.8));
        text(line, l.smallBold, Palette::ink(missColour()), PageWalkView::tr("filled way %1").arg(tc.fillWay));
        p.restore();
    }

    void cr3Box() const
    {
        double k = 0;
        std::uint64_t at = tc.levels.empty() ? kNever : tc.levels[0].tableAt;
        if (tc.source == PageWalkTrace::Source::Translate) at = tc.start;
        if (!show(at, k)) return;
        const bool skipped = !tc.levels.empty() && tc.levels[0].skipped;
        enter(k);
        if (skipped) p.setOpacity(p.opacity() * 0.5);
        const QRectF r = l.cr3Box;
        box(r, Palette::background(), Palette::text(), 1.5);
        const QRectF in = r.adjusted(l.pad, l.pad, -l.pad, -l.pad);
        const QFontMetricsF fmb(l.bold), fmmb(l.monoBold), fms(l.small);
        qreal y = in.top();
        text(QRectF(in.left(), y, in.width(), fmb.lineSpacing()), l.bold, Palette::text(), PageWalkView::tr("CR3"));
        y += fmb.lineSpacing();
        text(QRectF(in.left(), y, in.width(), fmmb.lineSpacing()), l.monoBold, Palette::text(),
            tc.root == kNoPfn ? PageWalkView::tr("none") : hex(tc.root));
        y += fmmb.lineSpacing();
        text(QRectF(in.left(), y, in.width(), fms.lineSpacing()), l.small, Palette::mutedText(),
            tc.pid ? PageWalkView::tr("pgd of pid %1").arg(tc.pid) : PageWalkView::tr("set by a script"));
        y += fms.lineSpacing();
        const Machine& now = v.m_ctx->machine();
        if (!a.custom && now.tlb.pcid && tc.source == PageWalkTrace::Source::Access)
            text(QRectF(in.left(), y, in.width(), fms.lineSpacing()), l.small, Palette::mutedText(),
                PageWalkView::tr("PCID %1").arg(now.cpu.pcid));
        p.restore();
        if (!skipped) currentOutline(r, k);
    }

    // ---- the tables ----------------------------------------------------------------
    QString entryText(std::uint64_t e, bool used) const
    {
        const EntryFormat& f = a.entry;
        if (a.custom) {
            const QString raw = hexDigits(e, f.bytes * 2);
            return f.present(e) ? raw + u" → "_s + hex(f.pfn(e)) : raw;
        }
        if (!e) return used ? PageWalkView::tr("empty") : u"—"_s;
        if (!f.present(e)) return PageWalkView::tr("not present");
        return u"→ "_s + hex(f.pfn(e));
    }

    /// Where the column of a level is drawn from, and when a placeholder says it was not reached.
    std::uint64_t placeholderAt(int level) const
    {
        const int failed = tc.failedLevel();
        if (failed >= 0 && level > failed) return tc.levels[static_cast<std::size_t>(failed)].at;
        for (const PageWalkTrace::Level& L : tc.levels)
            if ((L.walked || L.skipped) && L.leaf && L.valid && L.level < level) return L.at;
        if (tc.source == PageWalkTrace::Source::Translate && tc.done) return tc.doneAt;
        if (tc.killed && tc.levels[0].table == kNoPfn) return tc.faultAt;
        return kNever;
    }

    void column(int level) const
    {
        const Layout::Column& c = l.columns[static_cast<std::size_t>(level)];
        const PageWalkTrace::Level& L = tc.levels[static_cast<std::size_t>(level)];
        const QColor hue = colourOf(level);
        double k = 0;
        const QString name = QString::fromStdString(a.levels[static_cast<std::size_t>(level)].name);
        if (L.table == kNoPfn) {
            if (!show(placeholderAt(level), k)) return;
            p.save();
            p.setOpacity(ramp(k, 0, 0.6));
            box(c.rect, Palette::background(), Palette::gridLine(), 1.2, Qt::DashLine);
            text(c.header.adjusted(l.pad, 0, -l.pad, 0), l.bold, Palette::mutedText(), name,
                Qt::AlignHCenter | Qt::AlignVCenter);
            bool large = false;
            for (const PageWalkTrace::Level& U : tc.levels)
                if ((U.walked || U.skipped) && U.leaf && U.valid && U.level < level) large = true;
            for (const PageWalkTrace::EntryWrite& w : tc.writes) // the fault handler mapped a huge page above
                if (w.level < level && w.at < tc.cursor && a.entry.present(w.newValue)
                    && (a.entry.flags(w.newValue) & PteFlag::Huge))
                    large = true;
            p.setFont(l.small);
            p.setPen(Palette::mutedText());
            p.drawText(c.rect.adjusted(l.pad, c.header.height(), -l.pad, -l.pad), Qt::AlignCenter | Qt::TextWordWrap,
                large ? PageWalkView::tr("no table: the entry above maps a large page")
                      : PageWalkView::tr("not reached: the entry above is not valid"));
            p.restore();
            return;
        }
        const bool skipped = L.skipped;
        if (show(L.tableAt, k)) {
            enter(k);
            if (skipped) p.setOpacity(p.opacity() * 0.45);
            box(c.rect, Palette::background(), Palette::ink(hue), 1.5);
            // Header band in the level's hue.
            QPainterPath band;
            const qreal rad = l.px * 0.35;
            band.addRoundedRect(c.header.adjusted(0.75, 0.75, -0.75, 0), rad, rad);
            p.save();
            p.setClipRect(c.header);
            p.fillPath(band, tint(hue, 1.3));
            p.restore();
            const QFontMetricsF fmb(l.bold), fms(l.small);
            const QRectF hin = c.header.adjusted(l.pad, l.pad * 0.4, -l.pad, 0);
            text(QRectF(hin.left(), hin.top(), hin.width(), fmb.lineSpacing()), l.bold, Palette::ink(hue), name);
            const std::uint64_t entries = a.entriesAt(level);
            text(QRectF(hin.left(), hin.top(), hin.width(), fmb.lineSpacing()), l.small, Palette::mutedText(),
                PageWalkView::tr("%n entries", nullptr, int(std::min<std::uint64_t>(entries, 1u << 30))),
                Qt::AlignRight | Qt::AlignVCenter);
            text(QRectF(hin.left(), hin.top() + fmb.lineSpacing(), hin.width(), fms.lineSpacing()), l.small,
                Palette::text(),
                L.created ? PageWalkView::tr("new table %1").arg(hex(L.table))
                          : PageWalkView::tr("table %1").arg(hex(L.table)));
            for (std::size_t i = 0; i < c.rows.size(); ++i) {
                const Layout::Row& row = c.rows[i];
                if (row.index < 0) {
                    text(row.rect, l.mono, Palette::mutedText(), u"…"_s, Qt::AlignHCenter | Qt::AlignVCenter);
                    continue;
                }
                const std::uint64_t value = entryAt(L.table, static_cast<std::uint64_t>(row.index));
                if (static_cast<int>(i) == c.used)
                    usedRow(c, level, value, false);
                else
                    plainRow(row, value, false);
            }
            if (skipped) {
                p.setOpacity(ramp(k, 0, 0.55));
                const QRectF lbl = c.footer.adjusted(l.pad, 0, -l.pad, 0);
                text(lbl, l.smallBold, Palette::ink(hitColour()), PageWalkView::tr("not walked: TLB hit"),
                    Qt::AlignHCenter | Qt::AlignVCenter);
            }
            p.restore();
            if (!skipped) currentOutline(c.used >= 0 ? c.rows[static_cast<std::size_t>(c.used)].rect : c.rect, k);
        }
        // Entries rewritten in this translation (A/D by the MMU, or the fault handler).
        for (const PageWalkTrace::EntryWrite& w : tc.writes) {
            if (w.level != level || w.table != L.table) continue;
            if (!show(w.at, k)) continue;
            for (std::size_t i = 0; i < c.rows.size(); ++i) {
                const Layout::Row& row = c.rows[i];
                if (row.index < 0 || static_cast<std::uint64_t>(row.index) != w.index) continue;
                p.save();
                p.setOpacity(ramp(k, 0.15, 0.75));
                if (static_cast<int>(i) == c.used) {
                    usedRow(c, level, w.newValue, true);
                    p.restore();
                    currentOutline(row.rect, k);
                } else {
                    plainRow(row, w.newValue, true);
                    p.restore();
                }
            }
        }
    }

    void plainRow(const Layout::Row& row, std::uint64_t value, bool rewritten) const
    {
        const QRectF r = row.rect.adjusted(1.5, 0, -1.5, 0);
        p.fillRect(r, rewritten ? tint(Palette::highlight(), 0.9) : Palette::background());
        const QFontMetricsF fms(l.monoSmall);
        const qreal idxW = fms.horizontalAdvance(QString(decWidth(std::uint64_t(row.index)), u'0'));
        const QRectF idx(r.left() + l.pad, r.top(), std::max(idxW, r.width() * 0.22), r.height());
        text(idx, l.monoSmall, Palette::mutedText(), QString::number(row.index));
        const QRectF val(idx.right() + l.pad, r.top(), r.right() - l.pad - idx.right() - l.pad, r.height());
        const bool empty = !a.entry.present(value);
        text(val, rewritten ? l.monoBold : l.mono, empty ? Palette::mutedText() : Palette::text(),
            entryText(value, false), Qt::AlignRight | Qt::AlignVCenter);
        p.setPen(QPen(Palette::gridLine(), Palette::line(1)));
        p.drawLine(
            QPointF(r.left() + l.pad * 0.5, r.bottom() - 0.5), QPointF(r.right() - l.pad * 0.5, r.bottom() - 0.5));
    }

    void usedRow(const Layout::Column& c, int level, std::uint64_t value, bool rewritten) const
    {
        const Layout::Row& row = c.rows[static_cast<std::size_t>(c.used)];
        const QColor hue = colourOf(level);
        const PageWalkTrace::Level& L = tc.levels[static_cast<std::size_t>(level)];
        const QRectF r = row.rect.adjusted(1.5, 0, -1.5, 0);
        const bool valid = a.entry.present(value);
        const QColor fill = rewritten ? tint(Palette::highlight(), 0.9)
            : valid                   ? tint(hue, 1.6)
                                      : tint(faultColour(), 1.2);
        p.fillRect(r, fill);
        p.setPen(QPen(valid || rewritten ? Palette::ink(hue) : faultColour(),
            std::max(Palette::line(2.0), l.px * 0.16)));
        p.setBrush(Qt::NoBrush);
        p.drawRect(r.adjusted(1, 1, -1, -1));
        const qreal lineH = std::ceil(QFontMetricsF(l.mono).lineSpacing() * 1.22);
        const QRectF top(r.left() + l.pad, r.top(), r.width() - 2 * l.pad, lineH);
        text(top, l.monoBold, Palette::ink(hue), QString::number(row.index));
        text(top, l.monoBold, valid ? Palette::text() : faultColour(), entryText(value, true),
            Qt::AlignRight | Qt::AlignVCenter);
        // Flag chips.
        const bool lastLevel = level + 1 == static_cast<int>(a.levels.size());
        const bool leaf = lastLevel || (a.entry.flags(value) & PteFlag::Huge);
        std::vector<FlagChip> chips = flagChips(a, leaf, lastLevel);
        const std::uint32_t flags = a.entry.flags(value);
        const qreal chipGap = 3;
        if (value == 0) chips.clear(); // an empty entry has no flags worth reading
        qreal x = top.left(), y = top.bottom() + l.pad * 0.25;
        const int perLine = l.flagLines == 1 ? int(chips.size()) : int((chips.size() + 1) / 2);
        int onLine = 0;
        for (const FlagChip& ch : chips) {
            if (onLine == perLine) {
                onLine = 0;
                x = top.left();
                y += l.chipH + chipGap;
            }
            x += chip(QPointF(x, y), PageWalkView::tr(ch.label), (flags & ch.flag) != 0, Palette::ink(hue)) + chipGap;
            ++onLine;
        }
        // The raw entry below the table, in binary as well for small textbook entries.
        QRectF foot = c.footer.adjusted(l.pad, 0, -l.pad, 0);
        p.fillRect(
            c.footer.adjusted(1.5, 1, -1.5, -1.5), rewritten ? tint(Palette::highlight(), 0.9) : Palette::background());
        const QString raw = a.entry.bytes <= 2
            ? QString(hexDigits(value, a.entry.bytes * 2) + u" = "_s + binary(value, a.entry.bits(), true))
            : hexDigits(value, a.entry.bytes * 2);
        if (!L.skipped || rewritten)
            text(foot, l.monoSmall, Palette::mutedText(), raw, Qt::AlignHCenter | Qt::AlignVCenter);
    }

    // ---- arrows --------------------------------------------------------------------
    void arrows() const
    {
        double k = 0;
        const qreal width = std::max(2.0, l.px * 0.15), head = l.px * 0.75;
        const int n = static_cast<int>(tc.levels.size());
        // The address fields select the tables' entries.
        for (const Layout::Field& f : l.fields) {
            if (f.level < 0) continue;
            const PageWalkTrace::Level& L = tc.levels[static_cast<std::size_t>(f.level)];
            if (L.table == kNoPfn || !show(L.tableAt, k)) continue;
            const Layout::Column& c = l.columns[static_cast<std::size_t>(f.level)];
            QPolygonF path;
            path << QPointF(f.below.center().x(), f.below.bottom() + 1)
                 << QPointF(c.header.center().x(), c.header.top() - 2);
            growArrow(p, path, ramp(k, 0, 0.7),
                L.skipped ? Palette::tint(Palette::ink(colourOf(f.level)), 0.5) : Palette::ink(colourOf(f.level)),
                width, head, L.skipped ? Qt::DashLine : Qt::SolidLine);
        }
        // CR3 → the top table.
        if (n > 0 && tc.levels[0].table != kNoPfn && show(tc.levels[0].tableAt, k)) {
            const QRectF h = l.columns[0].header;
            const qreal y = std::min(l.cr3Box.center().y(), h.bottom() - 2);
            QPolygonF path;
            path << QPointF(l.cr3Box.right() + 1, y) << QPointF(h.left() - 2, y);
            growArrow(
                p, path, ramp(k, 0, 0.6), tc.levels[0].skipped ? Palette::mutedText() : Palette::text(), width, head);
        }
        // Each used entry points at the next table.
        for (int lv = 0; lv + 1 < n; ++lv) {
            const PageWalkTrace::Level& next = tc.levels[static_cast<std::size_t>(lv + 1)];
            if (next.table == kNoPfn || !show(next.tableAt, k)) continue;
            const Layout::Column& c = l.columns[static_cast<std::size_t>(lv)];
            if (c.used < 0) continue;
            const QRectF row = c.rows[static_cast<std::size_t>(c.used)].rect;
            const QRectF h = l.columns[static_cast<std::size_t>(lv + 1)].header;
            QPolygonF path;
            path << QPointF(row.right() + 1, row.top() + l.lh * 0.6) << QPointF(h.left() - 2, h.center().y());
            const QColor col = next.skipped ? Palette::mutedText()
                : next.created              ? Palette::highlight()
                                            : Palette::text();
            growArrow(p, path, ramp(k, 0, 0.6), col, width, head);
        }
        // The leaf entry → the frame.
        if (tc.resolved && show(tc.resolvedAt, k) && !(tc.tlbHit && !tc.tlbReadOnly)) {
            int leaf = -1;
            for (int lv = 0; lv < n; ++lv)
                if (tc.levels[static_cast<std::size_t>(lv)].table != kNoPfn
                    && (tc.levels[static_cast<std::size_t>(lv)].leaf || lv == n - 1))
                    leaf = lv;
            if (leaf >= 0 && l.columns[static_cast<std::size_t>(leaf)].used >= 0) {
                const Layout::Column& c = l.columns[static_cast<std::size_t>(leaf)];
                const QRectF row = c.rows[static_cast<std::size_t>(c.used)].rect;
                const QRectF fb = l.frameBox;
                // The frame box sits to the right of the last column; a large-page leaf
                // further left draws over the lower columns' headers.
                QPolygonF path;
                const qreal y = std::clamp(row.top() + l.lh * 0.6, fb.top() + l.pad, fb.bottom() - l.pad);
                path << QPointF(row.right() + 1, row.top() + l.lh * 0.6) << QPointF(fb.left() - 2, y);
                growArrow(p, path, ramp(k, 0, 0.6), Palette::ink(colourOf(n - 1)), width, head);
            }
        }
        // The offset goes straight into the physical address.
        if (tc.resolved && show(tc.resolvedAt, k)) {
            const Layout::Field& f = l.fields.back();
            QPolygonF path;
            path << QPointF(f.below.center().x(), f.below.bottom() + 1)
                 << QPointF(l.frameBox.left() + l.frameBox.width() * 0.25, l.frameBox.top() - 2);
            growArrow(p, path, ramp(k, 0, 0.7), Palette::ink(offsetColour()), width, head);
        }
        // TLB hit: the frame comes from the TLB; a fill goes back up.
        if (tc.tlbHit && !tc.tlbReadOnly && show(tc.start, k)) {
            QPolygonF path;
            const qreal x = l.frameBox.left() + l.frameBox.width() * 0.72;
            path << QPointF(x, l.tlbBox.bottom() + 1) << QPointF(x, l.frameBox.top() - 2);
            growArrow(p, path, ramp(k, 0.1, 0.8), Palette::ink(hitColour()), width * 1.3, head);
        }
        if (tc.filled && show(tc.fillAt, k)) {
            QPolygonF path;
            const qreal x = l.frameBox.left() + l.frameBox.width() * 0.72;
            path << QPointF(x, l.frameBox.top() - 1) << QPointF(x, l.tlbBox.bottom() + 2);
            growArrow(p, path, ramp(k, 0.1, 0.8), Palette::ink(missColour()), width * 1.3, head);
        }
        // The walk (or the TLB entry) fails: down into the fault handler.
        if (tc.faulted && show(tc.faultAt, k)) {
            QPolygonF path;
            const int failed = tc.failedLevel();
            int from = failed;
            if (from < 0)
                for (int lv = n - 1; lv >= 0; --lv)
                    if (tc.levels[static_cast<std::size_t>(lv)].table != kNoPfn) {
                        from = lv;
                        break;
                    }
            if (tc.tlbHit) {
                const qreal x = l.frameBox.left() - l.arrowGap * 0.5;
                path << QPointF(l.tlbBox.left() - 1, l.tlbBox.bottom() - l.lh) << QPointF(x, l.tlbBox.bottom() - l.lh)
                     << QPointF(x, l.faultBox.top() - 2);
            } else if (from >= 0 && l.columns[static_cast<std::size_t>(from)].used >= 0) {
                const Layout::Column& c = l.columns[static_cast<std::size_t>(from)];
                const QRectF row = c.rows[static_cast<std::size_t>(c.used)].rect;
                const qreal x = c.rect.right() + l.arrowGap * 0.5;
                path << QPointF(row.right() + 1, row.bottom() - l.pad) << QPointF(x, row.bottom() - l.pad)
                     << QPointF(x, l.faultBox.top() - 2);
            } else {
                path << QPointF(l.cr3Box.center().x(), l.cr3Box.bottom() + 1)
                     << QPointF(l.cr3Box.center().x(), l.faultBox.top() - 2);
            }
            growArrow(p, path, ramp(k, 0, 0.6), faultColour(), width * 1.2, head);
        }
    }

    // ---- the frame and the result --------------------------------------------------
    void frameBox() const
    {
        double k = 0;
        const QRectF r = l.frameBox;
        const QFontMetricsF fmb(l.bold), fmbig(l.monoBigBold), fms(l.small);
        if (show(tc.start, k)) {
            p.save();
            p.setOpacity(ramp(k, 0, 0.6));
            box(r, Palette::background(), Palette::gridLine(), 1.2, Qt::DashLine);
            text(QRectF(r.left() + l.pad, r.top() + l.pad, r.width() - 2 * l.pad, fmb.lineSpacing()), l.bold,
                Palette::mutedText(), PageWalkView::tr("page frame"));
            p.restore();
        }
        if (!tc.resolved || !show(tc.resolvedAt, k)) return;
        enter(k);
        const QColor hue = colourOf(static_cast<int>(a.levels.size()) - 1);
        box(r, tint(hue, 1.1), Palette::ink(hue), 2);
        const QRectF in = r.adjusted(l.pad, l.pad, -l.pad, -l.pad);
        qreal y = in.top();
        text(QRectF(in.left(), y, in.width(), fmb.lineSpacing()), l.bold, Palette::text(),
            PageWalkView::tr("page frame"));
        y += fmb.lineSpacing();
        // The frame number level with the leaf entry that names it.
        const Layout::Column& leafCol = l.columns.back();
        if (leafCol.used >= 0)
            y = std::clamp(leafCol.rows[static_cast<std::size_t>(leafCol.used)].rect.top(), y,
                in.bottom() - fmbig.lineSpacing() - fms.lineSpacing() * 2);
        text(QRectF(in.left(), y, in.width(), fmbig.lineSpacing()), l.monoBigBold, Palette::text(), hex(tc.frame));
        y += fmbig.lineSpacing();
        QString note;
        const Machine& now = v.m_ctx->machine();
        if (tc.frame == now.zeroPfn && now.zeroPfn != kNoPfn)
            note = PageWalkView::tr("the shared zero page");
        else if (tc.cow && tc.frame == tc.cowTo)
            note = tc.cowZero ? PageWalkView::tr("new zeroed page")
                              : PageWalkView::tr("copy of %1").arg(hex(tc.cowFrom));
        else if (tc.newFrame == tc.frame)
            note = PageWalkView::tr("new zeroed page");
        else if (tc.cacheFrame == tc.frame)
            note = PageWalkView::tr("read from disk");
        else if (tc.faulted && tc.faultKind == FaultKind::CowReuse)
            note = PageWalkView::tr("same frame, now writable");
        else if (tc.faulted && tc.faultKind == FaultKind::FileMinor)
            note = PageWalkView::tr("page-cache page");
        else if (tc.tlbHit && !tc.tlbReadOnly)
            note = PageWalkView::tr("from the TLB");
        if (!note.isEmpty())
            text(QRectF(in.left(), y, in.width(), fms.lineSpacing()), l.small, Palette::mutedText(), note);
        y += fms.lineSpacing();
        if (tc.mapShift > a.pageShift)
            text(QRectF(in.left(), y, in.width(), fms.lineSpacing()), l.small, Palette::mutedText(),
                PageWalkView::tr("large page: %1").arg(EventText::bytes(1ull << tc.mapShift)));
        p.restore();
        currentOutline(r, k);
    }

    void result() const
    {
        double k = 0;
        const QRectF r = l.resultRect;
        if (!tc.resolved || tc.resolvedAt >= tc.cursor) {
            if (overlay) return;
            QString s;
            if (tc.killed || (tc.faulted && (tc.faultKind == FaultKind::Segv || tc.faultKind == FaultKind::Oom)))
                s = PageWalkView::tr("No physical address: the access was refused.");
            else if (tc.done && !tc.doneOk)
                s = PageWalkView::tr("No physical address: the translation fails.");
            else
                s = PageWalkView::tr("Physical address: not known yet.");
            text(r, l.font, Palette::mutedText(), s);
            return;
        }
        if (!show(tc.resolvedAt, k)) return;
        enter(k);
        const int shift = a.pageShift;
        const std::uint64_t offset = tc.va & ((tc.mapShift >= 64 ? ~0ull : (1ull << tc.mapShift) - 1));
        struct Seg {
            QString s;
            QFont f;
            QColor c;
        };
        const QColor frameC = Palette::ink(colourOf(static_cast<int>(a.levels.size()) - 1));
        const Seg segs[] = {
            { PageWalkView::tr("physical address") + u" = "_s, l.font, Palette::text() },
            { hex(tc.frame), l.monoBigBold, frameC },
            { u" << "_s + QString::number(shift) + (tc.mapShift > shift ? u" + "_s : u" | "_s), l.monoBig,
                Palette::mutedText() },
            { hexDigits(offset, (tc.mapShift + 3) / 4), l.monoBigBold, Palette::ink(offsetColour()) },
            { u" = "_s, l.monoBig, Palette::mutedText() },
            { hex(tc.paddr), l.monoBigBold, Palette::text() },
        };
        qreal x = r.left();
        for (const Seg& s : segs) {
            const qreal sw = QFontMetricsF(s.f).horizontalAdvance(s.s);
            text(QRectF(x, r.top(), sw + 2, r.height()), s.f, s.c, s.s);
            x += sw;
        }
        p.restore();
    }

    // ---- the fault -----------------------------------------------------------------
    void faultBox() const
    {
        double k = 0;
        const QRectF r = l.faultBox;
        const QFontMetricsF fmb(l.bold), fm(l.font);
        if (tc.faulted) {
            if (show(tc.faultAt, k)) {
                enter(k);
                box(r, tint(faultColour(), 0.45), faultColour(), 2);
                const QRectF left = l.faultLeft;
                const bool write = tc.faultFlags & AccessFlag::Write;
                const bool present = tc.faultFlags & AccessFlag::Present;
                const QString what = write
                    ? (present ? PageWalkView::tr("Page fault: write to a read-only page")
                               : PageWalkView::tr("Page fault: write to a page that is not present"))
                    : (present ? PageWalkView::tr("Page fault: access to a protected page")
                               : PageWalkView::tr("Page fault: read of a page that is not present"));
                text(
                    QRectF(left.left(), left.top(), left.width(), fmb.lineSpacing()), l.bold, Palette::ink(faultColour()), what);
                for (std::size_t i = 0; i < l.chipKinds.size(); ++i) {
                    const FaultKind kind = l.chipKinds[i];
                    const QRectF cr = l.chipRects[i];
                    const bool taken = kind == tc.faultKind;
                    const QColor c
                        = kind == FaultKind::Segv || kind == FaultKind::Oom ? faultColour() : QColor(0x2f, 0x6f, 0xd0);
                    p.setPen(QPen(taken ? c : Palette::gridLine(), Palette::line(taken ? 2 : 1.2)));
                    p.setBrush(taken ? c : Palette::background());
                    p.drawRoundedRect(cr.adjusted(0.5, 0.5, -0.5, -0.5), l.chipH * 0.3, l.chipH * 0.3);
                    p.setFont(l.smallBold);
                    p.setPen(taken ? Palette::textOn(c) : Palette::mutedText());
                    p.drawText(cr, Qt::AlignCenter, faultKindLabel(kind));
                }
                const qreal ey
                    = l.chipRects.empty() ? left.top() + fmb.lineSpacing() : l.chipRects.back().bottom() + l.pad * 0.6;
                p.setFont(l.font);
                p.setPen(Palette::text());
                const QRectF er(left.left(), ey, left.width(), left.bottom() - ey);
                p.drawText(er, Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop,
                    fitWrapped(faultKindExplanation(tc.faultKind, write, tc.faultFlags & AccessFlag::Major), er));
                p.restore();
                currentOutline(r, k);
            }
            fixLines();
            return;
        }
        // No fault.
        if (tc.source == PageWalkTrace::Source::Translate && tc.done && !tc.doneOk) {
            if (!show(tc.doneAt, k)) return;
            enter(k);
            box(r, tint(faultColour(), 0.45), faultColour(), 2);
            const QRectF in = r.adjusted(l.pad, l.pad, -l.pad, -l.pad);
            const int lv = tc.doneFaultLevel;
            const QString lvName = lv >= 0 && static_cast<std::size_t>(lv) < a.levels.size()
                ? QString::fromStdString(a.levels[static_cast<std::size_t>(lv)].name)
                : QString();
            const QString head = !tc.split.canonical ? PageWalkView::tr("The address is not canonical")
                : tc.root == kNoPfn
                ? PageWalkView::tr("No page table: CR3 is not set")
                : PageWalkView::tr("The translation fails at %1: the entry is not valid").arg(lvName);
            text(QRectF(in.left(), in.top(), in.width(), fmb.lineSpacing()), l.bold, Palette::ink(faultColour()), head);
            p.setFont(l.font);
            p.setPen(Palette::text());
            const QRectF body(
                in.left(), in.top() + fmb.lineSpacing() * 1.2, in.width(), in.height() - fmb.lineSpacing() * 1.2);
            p.drawText(body, Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop,
                fitWrapped(
                    PageWalkView::tr("A Translate command only walks the tables. A real access would raise a page "
                                     "fault (#PF) here, and the kernel's fault handler would decide: map a page, "
                                     "or send SIGSEGV."),
                    body));
            p.restore();
            currentOutline(r, k);
            return;
        }
        if (!tc.complete || overlay) return;
        // A translation that needed no fault: say so, quietly.
        const QRectF in = r.adjusted(l.pad, l.pad, -l.pad, -l.pad);
        box(r, Palette::background(), Palette::gridLine(), 1, Qt::DashLine);
        const QString s = tc.tlbHit
            ? PageWalkView::tr("No page fault: the TLB had the translation, so no walk was needed.")
            : PageWalkView::tr("No page fault: every entry on the way was valid and allowed the access.");
        text(QRectF(in.left(), in.top(), in.width(), fmb.lineSpacing()), l.bold, Palette::mutedText(), s);
        // The MMU's own write on a walk: Accessed (and Dirty for a store) in the leaf entry.
        if (const PageWalkTrace::EntryWrite* w = tc.writeOf(static_cast<int>(a.levels.size()) - 1))
            text(QRectF(in.left(), in.top() + fmb.lineSpacing() * 1.2, in.width(), fm.lineSpacing()), l.font,
                Palette::text(),
                PageWalkView::tr("The CPU set %1 in the %2 entry: %3 → %4")
                    .arg(tc.write ? PageWalkView::tr("Accessed and Dirty") : PageWalkView::tr("Accessed"),
                        QString::fromStdString(a.levels.back().name), hexDigits(w->oldValue, a.entry.bytes * 2),
                        hexDigits(w->newValue, a.entry.bytes * 2)));
    }

    /// Text cut at a word so that it fits the rectangle when wrapped (elided at the end).
    QString fitWrapped(const QString& s, const QRectF& r) const { return Palette::fitWrapped(p.font(), r, s); }

    /// The handler's fix-ups, one line each, in the order they happened.
    void fixLines() const
    {
        struct Line {
            std::uint64_t at;
            QString text;
            bool strong;
        };
        std::vector<Line> lines;
        const int n = static_cast<int>(a.levels.size());
        for (const PageWalkTrace::Level& L : tc.levels)
            if (L.created)
                lines.push_back({ L.tableAt,
                    PageWalkView::tr("new %1 table in frame %2")
                        .arg(QString::fromStdString(a.levels[static_cast<std::size_t>(L.level)].name), hex(L.table)),
                    false });
        if (tc.cacheFrame != kNoPfn)
            lines.push_back({ tc.cacheAt,
                PageWalkView::tr("read from disk into page-cache frame %1").arg(hex(tc.cacheFrame)), false });
        if (tc.newFrame != kNoPfn && !tc.cow)
            lines.push_back({ tc.newFrameAt, PageWalkView::tr("new zeroed frame %1").arg(hex(tc.newFrame)), false });
        if (tc.cow)
            lines.push_back({ tc.cowAt,
                tc.cowZero
                    ? PageWalkView::tr("frame %1 zero-filled (the old page was the zero page)").arg(hex(tc.cowTo))
                    : PageWalkView::tr("copied frame %1 → new frame %2").arg(hex(tc.cowFrom), hex(tc.cowTo)),
                false });
        if (tc.flushed) lines.push_back({ tc.flushAt, PageWalkView::tr("stale TLB entry flushed (invlpg)"), false });
        if (const PageWalkTrace::EntryWrite* w = tc.writeOf(n - 1))
            lines.push_back({ w->at,
                PageWalkView::tr("%1[%2]: %3 → %4")
                    .arg(QString::fromStdString(a.levels.back().name))
                    .arg(w->index)
                    .arg(hexDigits(w->oldValue, a.entry.bytes * 2), hexDigits(w->newValue, a.entry.bytes * 2)),
                true });
        if (const int around = tc.neighbourWrites(); around > 0) {
            std::uint64_t first = kNever;
            for (const PageWalkTrace::EntryWrite& w : tc.writes)
                if (w.level == n - 1 && !(w.table == tc.levels.back().table && w.index == tc.levels.back().index))
                    first = std::min(first, w.at);
            lines.push_back({ first,
                PageWalkView::tr("+%n neighbouring page(s) mapped too (fault-around)", nullptr, around), false });
        }
        if (tc.killed)
            lines.push_back({ tc.killedAt,
                tc.signal == 11 ? PageWalkView::tr("process %1 killed by SIGSEGV").arg(tc.pid)
                                : PageWalkView::tr("process %1 killed by signal %2").arg(tc.pid).arg(tc.signal),
                true });
        if (tc.filled)
            lines.push_back({ tc.fillAt,
                PageWalkView::tr("access retried: TLB filled (set %1, way %2)").arg(tc.fillSet).arg(tc.fillWay),
                true });
        std::stable_sort(lines.begin(), lines.end(), [](const Line& x, const Line& y) { return x.at < y.at; });
        const QFontMetricsF fm(l.font);
        const int room = std::max(1, int(l.faultRight.height() / fm.lineSpacing()));
        // Keep the latest lines when there are more than fit.
        const std::size_t from = lines.size() > std::size_t(room) ? lines.size() - std::size_t(room) : 0;
        qreal y = l.faultRight.top();
        double k = 0;
        for (std::size_t i = from; i < lines.size(); ++i) {
            const QRectF lr(l.faultRight.left(), y, l.faultRight.width(), fm.lineSpacing());
            y += fm.lineSpacing();
            if (!show(lines[i].at, k)) continue;
            p.save();
            p.setOpacity(ramp(k, 0, 0.6));
            const qreal dot = l.px * 0.3;
            p.setPen(Qt::NoPen);
            p.setBrush(lines[i].strong ? faultColour() : Palette::mutedText());
            p.drawEllipse(QPointF(lr.left() + dot, lr.center().y()), dot * 0.5, dot * 0.5);
            text(lr.adjusted(dot * 2.5, 0, 0, 0), lines[i].strong ? l.bold : l.font, Palette::text(), lines[i].text);
            p.restore();
        }
    }
};

void PageWalkView::paintScene(QPainter& p, bool overlay, double t) const
{
    const PageWalkTrace& tr = m_trace;
    const std::uint64_t cur = tr.cursor ? tr.cursor - 1 : kNever;
    const Scene s { *this, p, *m_layout, tr, m_atStart, m_atStart.config.arch, overlay, t,
        cur >= tr.start && cur < tr.end ? cur : kNever };
    s.paint();
}

void PageWalkView::paintEmpty(QPainter& p) const
{
    const qreal px = std::clamp<qreal>(height() / 28.0, 13, 26);
    const QFont big = Palette::pixelFont(font(), px * 1.2, true), body = Palette::pixelFont(font(), px);
    const QRectF r = rect().adjusted(px * 2, px, -px * 2, -px);
    const QString title = tr("No address translation yet — run a program that touches memory");
    const QString sub = tr("When a process reads or writes memory, this view shows how its virtual address is "
                           "translated: the TLB lookup, each page table the walker reads, the page fault and what the "
                           "kernel did about it, and the physical address at the end.");
    const QFontMetricsF fb(big), fm(body);
    const QRectF tb = fb.boundingRect(r, Qt::TextWordWrap | Qt::AlignHCenter, title);
    const QRectF sb
        = fm.boundingRect(QRectF(r.left(), 0, r.width(), r.height()), Qt::TextWordWrap | Qt::AlignHCenter, sub);
    const qreal total = tb.height() + px + sb.height();
    const qreal top = r.top() + std::max<qreal>(0, (r.height() - total) / 2);
    p.setFont(big);
    p.setPen(Palette::text());
    p.drawText(QRectF(r.left(), top, r.width(), tb.height()), Qt::TextWordWrap | Qt::AlignHCenter, title);
    p.setFont(body);
    p.setPen(Palette::mutedText());
    p.drawText(
        QRectF(r.left(), top + tb.height() + px, r.width(), sb.height()), Qt::TextWordWrap | Qt::AlignHCenter, sub);
}

void PageWalkView::paintEvent(QPaintEvent*)
{
    ensureLayout();
    QPainter p(this);
    if (!m_layout || !m_trace.isValid()) {
        p.fillRect(rect(), Palette::background());
        paintEmpty(p);
        return;
    }
    const qreal dpr = devicePixelRatioF();
    const QSize px = (QSizeF(size()) * dpr).toSize();
    if (m_cacheDirty || m_cache.size() != px || m_cacheGeneration != Palette::generation()) {
        m_cacheDirty = false;
        m_cacheGeneration = Palette::generation();
        if (m_cache.size() != px) m_cache = QImage(px, QImage::Format_ARGB32_Premultiplied);
        m_cache.setDevicePixelRatio(dpr);
        m_cache.fill(Palette::background());
        QPainter cp(&m_cache);
        cp.setRenderHint(QPainter::Antialiasing);
        cp.setRenderHint(QPainter::TextAntialiasing);
        paintScene(cp, false, 1.0);
    }
    p.drawImage(QPointF(0, 0), m_cache);
    p.setRenderHint(QPainter::Antialiasing);
    p.setRenderHint(QPainter::TextAntialiasing);
    paintScene(p, true, std::clamp(m_ctx->progress(), 0.0, 1.0));
}

QString PageWalkView::toolTipAt(QPointF pos) const
{
    ensureLayout();
    if (!m_layout || !m_trace.isValid()) return QString();
    const Layout& l = *m_layout;
    const PageWalkTrace& t = m_trace;
    const ArchSpec& a = m_atStart.config.arch;
    for (const Layout::Field& f : l.fields)
        if (f.box.united(f.below).contains(pos)) {
            const int bits = f.hi - f.lo + 1;
            const std::uint64_t v = (t.va >> f.lo) & (bits >= 64 ? ~0ull : (1ull << bits) - 1);
            if (f.level == -2)
                return tr("Bits %1–%2 are not translated: on x86-64 they must repeat bit %3 (a canonical address).")
                    .arg(f.hi)
                    .arg(f.lo)
                    .arg(f.lo - 1);
            if (f.level == -1)
                return tr("Offset %1 (bits %2–%3): the byte inside the page, copied unchanged into the physical "
                          "address.")
                    .arg(hex(v))
                    .arg(f.hi)
                    .arg(f.lo);
            return tr("%1 index %2 (bits %3–%4): selects entry %2 of the %1 table.")
                .arg(QString::fromStdString(a.levels[static_cast<std::size_t>(f.level)].name))
                .arg(v)
                .arg(f.hi)
                .arg(f.lo);
        }
    for (std::size_t lv = 0; lv < l.columns.size(); ++lv) {
        const Layout::Column& c = l.columns[lv];
        const PageWalkTrace::Level& L = t.levels[lv];
        if (!c.rect.contains(pos) || L.table == kNoPfn) continue;
        const QString name = QString::fromStdString(a.levels[lv].name);
        for (const Layout::Row& r : c.rows) {
            if (!r.rect.contains(pos) || r.index < 0) continue;
            std::uint64_t e = vm::readEntry(m_atStart, L.table, static_cast<std::uint64_t>(r.index));
            for (const PageWalkTrace::EntryWrite& w : t.writes)
                if (w.level == int(lv) && w.table == L.table && w.index == std::uint64_t(r.index) && w.at < t.cursor)
                    e = w.newValue;
            const std::uint64_t addr = L.table * a.pageSize() + std::uint64_t(r.index) * std::uint64_t(a.entry.bytes);
            QString s = tr("%1[%2] at physical %3: %4")
                            .arg(name)
                            .arg(r.index)
                            .arg(hex(addr), hexDigits(e, a.entry.bytes * 2));
            if (!a.entry.present(e)) return s + u'\n' + tr("Not valid: an access through it faults.");
            s += u'\n' + tr("Frame %1").arg(hex(a.entry.pfn(e)));
            if (!a.custom) {
                const std::uint32_t f = a.entry.flags(e);
                QStringList on;
                if (f & PteFlag::Write)
                    on << tr("writable");
                else
                    on << tr("read-only");
                on << ((f & PteFlag::User) ? tr("user") : tr("kernel only"));
                if (f & PteFlag::Accessed) on << tr("accessed");
                if (f & PteFlag::Dirty) on << tr("dirty");
                if (f & PteFlag::Huge) on << tr("large page");
                if (f & PteFlag::Global) on << tr("global");
                if (f & PteFlag::NoExec) on << tr("no execute");
                s += u" · "_s + on.join(u", "_s);
            }
            return s;
        }
        return tr("The %1 table in frame %2: %n entries of %3 bytes.", nullptr,
            int(std::min<std::uint64_t>(a.entriesAt(int(lv)), 1u << 30)))
            .arg(name, hex(L.table))
            .arg(a.entry.bytes);
    }
    if (l.tlbBox.contains(pos))
        return tr("The TLB caches translations by virtual page number. A hit gives the frame at once; a miss "
                  "makes the CPU walk the page tables and then fill a TLB way.");
    if (l.cr3Box.contains(pos))
        return tr("CR3 holds the frame of the top-level table (the process's pgd); a context switch loads it.");
    if (l.frameBox.contains(pos) && t.resolved)
        return tr("Frame %1: physical address = frame × page size + offset = %2.").arg(hex(t.frame), hex(t.paddr));
    for (std::size_t i = 0; i < l.chipRects.size(); ++i)
        if (l.chipRects[i].contains(pos) && t.faulted) return faultKindExplanation(l.chipKinds[i], true, false);
    return QString();
}

} // namespace memviz
