#include "ProcessView.h"

#include "EventText.h"
#include "ViewContext.h"
#include "sim/Machine.h"
#include "sim/Simulator.h"
#include "vm/VmOps.h"

#include <QCheckBox>
#include <QEvent>
#include <QFontInfo>
#include <QFontDatabase>
#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <numbers>

namespace memviz {

using namespace Qt::StringLiterals;

// ---------------------------------------------------------------------------------
// AddressSpaceScale

AddressSpaceScale::AddressSpaceScale(const std::vector<std::pair<std::uint64_t, std::uint64_t>>& ranges,
    std::uint64_t lo, std::uint64_t hi, double top, double height, const Params& k)
{
    // Pieces by address: gaps between the ranges, and the ranges.
    std::uint64_t at = lo;
    const auto addGap = [&](std::uint64_t from, std::uint64_t to) {
        if (to <= from) return;
        Piece g;
        g.start = from;
        g.end = to;
        g.isBreak = to - from >= k.breakBytes;
        m_pieces.push_back(g);
    };
    for (std::size_t i = 0; i < ranges.size(); ++i) {
        const auto [s, e] = ranges[i];
        if (e <= s) continue;
        addGap(at, s);
        Piece v;
        v.start = s;
        v.end = e;
        v.vma = true;
        v.index = static_cast<int>(i);
        m_pieces.push_back(v);
        at = std::max(at, e);
    }
    addGap(at, hi);
    if (m_pieces.empty()) return;

    // Heights: breaks are fixed; VMAs and small gaps share the rest by the log of
    // their size in pages, each at least its minimum (water-filling).
    const auto pagesOf = [&](const Piece& p) {
        return std::max<double>(1.0, double(p.end - p.start) / double(std::max<std::uint64_t>(1, k.pageSize)));
    };
    const std::size_t n = m_pieces.size();
    std::vector<double> weight(n, 0), minimum(n, 0), h(n, 0);
    int breaks = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const Piece& p = m_pieces[i];
        if (p.isBreak) {
            ++breaks;
            continue;
        }
        weight[i] = p.vma ? 1.0 + std::log2(pagesOf(p)) : 0.3 * (1.0 + std::log2(pagesOf(p)));
        minimum[i] = p.vma ? k.minVmaPx : k.gapPx;
    }
    double breakPx = k.breakPx;
    double mins = 0;
    for (double m : minimum) mins += m;
    // Not enough room: breaks give up height first (down to a third), then the minimums shrink.
    if (breaks && height - breaks * breakPx < mins) breakPx = std::max(k.breakPx / 3, (height - mins) / breaks);
    const double avail = std::max(0.0, height - breaks * breakPx);
    if (mins > avail && mins > 0)
        for (double& m : minimum) m *= avail / mins;
    std::vector<bool> fixed(n, false);
    for (bool changed = true; changed;) {
        changed = false;
        double sumW = 0, used = 0;
        for (std::size_t i = 0; i < n; ++i) {
            if (m_pieces[i].isBreak) continue;
            if (fixed[i])
                used += minimum[i];
            else
                sumW += weight[i];
        }
        const double rest = std::max(0.0, avail - used);
        for (std::size_t i = 0; i < n; ++i) {
            if (m_pieces[i].isBreak || fixed[i]) continue;
            h[i] = sumW > 0 ? rest * weight[i] / sumW : 0;
            if (h[i] < minimum[i]) {
                h[i] = minimum[i];
                fixed[i] = true;
                changed = true;
            }
        }
    }
    double y = top + height; // the lowest address at the bottom
    for (std::size_t i = 0; i < n; ++i) {
        Piece& p = m_pieces[i];
        const double ph = p.isBreak ? breakPx : h[i];
        p.bottom = y;
        p.top = y - ph;
        y = p.top;
    }
}

double AddressSpaceScale::yOf(std::uint64_t va) const
{
    if (m_pieces.empty()) return 0;
    if (va <= m_pieces.front().start) return m_pieces.front().bottom;
    if (va >= m_pieces.back().end) return m_pieces.back().top;
    auto it = std::upper_bound(
        m_pieces.begin(), m_pieces.end(), va, [](std::uint64_t v, const Piece& p) { return v < p.end; });
    if (it == m_pieces.end()) return m_pieces.back().top;
    const Piece& p = *it;
    const double f = double(va - p.start) / double(p.end - p.start);
    return p.bottom - f * (p.bottom - p.top);
}

const AddressSpaceScale::Piece* AddressSpaceScale::vmaPiece(int index) const
{
    for (const Piece& p : m_pieces)
        if (p.vma && p.index == index) return &p;
    return nullptr;
}

int AddressSpaceScale::breakCount() const
{
    return static_cast<int>(std::count_if(m_pieces.begin(), m_pieces.end(), [](const Piece& p) { return p.isBreak; }));
}

// ---------------------------------------------------------------------------------
// ProcessView

namespace {

constexpr int kPad = 8;
constexpr double kBarWidth = 58;

/// Highlight colour for text: lifted on the dark theme.
QColor hotText()
{
    return Palette::theme() == Theme::Dark ? Palette::highlight().lighter(140) : Palette::highlight();
}

QString hexAddr(std::uint64_t v, int digits)
{
    return QString::number(v, 16).rightJustified(digits, u'0');
}

QString baseName(const std::string& path)
{
    const auto slash = path.rfind('/');
    return QString::fromStdString(slash == std::string::npos ? path : path.substr(slash + 1));
}

/// Places labels (centres in `want`) `h` apart inside [top, bottom]: first pushed
/// down past their upper neighbours, then back up from the bottom.
void spread(std::vector<double>& y, double h, double top, double bottom)
{
    if (y.empty()) return;
    for (std::size_t i = 0; i < y.size(); ++i) {
        const double lo = i ? y[i - 1] + h : top + h / 2;
        y[i] = std::max(y[i], lo);
    }
    for (std::size_t i = y.size(); i-- > 0;) {
        const double hi = i + 1 < y.size() ? y[i + 1] - h : bottom - h / 2;
        y[i] = std::min(y[i], hi);
    }
}

/// Labels are laid out top to bottom, i.e. from the highest address down.
void placeLabels(std::vector<double>& want, double h, double top, double bottom)
{
    std::vector<std::size_t> order(want.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return want[a] < want[b]; });
    std::vector<double> y;
    for (std::size_t i : order) y.push_back(want[i]);
    spread(y, h, top, bottom);
    for (std::size_t k = 0; k < order.size(); ++k) want[order[k]] = y[k];
}

QString kindName(VmaKind k)
{
    switch (k) {
    case VmaKind::Program:
        return ProcessView::tr("program");
    case VmaKind::Library:
        return ProcessView::tr("shared library");
    case VmaKind::Heap:
        return ProcessView::tr("heap (brk)");
    case VmaKind::Stack:
        return ProcessView::tr("stack");
    case VmaKind::Anon:
        return ProcessView::tr("anonymous mmap");
    case VmaKind::SharedFile:
        return ProcessView::tr("shared file mapping");
    case VmaKind::PrivateFile:
        return ProcessView::tr("private file mapping");
    case VmaKind::Special:
        return ProcessView::tr("vvar / vdso");
    case VmaKind::Count:
        break;
    }
    return {};
}

QString signalName(int sig)
{
    switch (sig) {
    case 9:
        return u"SIGKILL"_s;
    case 11:
        return u"SIGSEGV"_s;
    case 15:
        return u"SIGTERM"_s;
    case 6:
        return u"SIGABRT"_s;
    case 7:
        return u"SIGBUS"_s;
    default:
        break;
    }
    return ProcessView::tr("signal %1").arg(sig);
}

std::uint32_t programFile(const Process& p)
{
    for (const Vma& v : p.mm.vmas)
        if ((v.flags & VmaFlag::Image) && !v.anon()) return v.file; // the lowest: the PIE program
    return kNoFile;
}

} // namespace

ProcessView::ProcessView(ViewContext* ctx, QWidget* parent)
    : QWidget(parent)
    , m_ctx(ctx)
    , m_follow(new QCheckBox(this))
{
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMouseTracking(false);
    m_follow->setChecked(true);
    connect(m_follow, &QCheckBox::toggled, this, [this](bool on) {
        if (on)
            followEvents();
        else if (m_following)
            selectProcess(selectedPid());
    });
    connect(m_ctx, &ViewContext::stateChanged, this, &ProcessView::onStateChanged);
    connect(m_ctx, &ViewContext::progressChanged, this, qOverload<>(&QWidget::update));
    retranslate();
}

ProcessView::~ProcessView() = default;

QFont ProcessView::textFont() const
{
    return Palette::viewFont(this);
}

QFont ProcessView::monoFont() const
{
    return Palette::monoFont(textFont());
}

std::uint32_t ProcessView::selectedPid() const
{
    ensureLayout();
    return m_pid;
}

void ProcessView::selectProcess(std::uint32_t pid)
{
    m_following = false;
    m_pinned = pid;
    m_userScrolled = false;
    m_listScroll = 0;
    {
        const QSignalBlocker block(m_follow);
        m_follow->setChecked(false);
    }
    invalidate();
}

void ProcessView::followEvents()
{
    m_following = true;
    m_pinned = 0;
    m_userScrolled = false;
    {
        const QSignalBlocker block(m_follow);
        m_follow->setChecked(true);
    }
    invalidate();
}

void ProcessView::onStateChanged()
{
    m_userScrolled = false;
    invalidate();
}

void ProcessView::invalidate()
{
    m_dirty = true;
    update();
}

void ProcessView::retranslate()
{
    m_follow->setText(tr("Follow the current step"));
    m_follow->setToolTip(tr("Show the process that runs the current step. Clicking a process in the tree "
                            "shows that one instead."));
    setAccessibleName(tr("Processes and address spaces"));
    placeHeader();
    invalidate();
}

void ProcessView::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    else if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange)
        invalidate();
    QWidget::changeEvent(event);
}

void ProcessView::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    placeHeader();
    invalidate();
}

QRectF ProcessView::headerRect() const
{
    const QFontMetricsF fm(Palette::bold(textFont()));
    const double h = std::max<double>(m_follow->sizeHint().height(), fm.height()) + 14;
    return QRectF(0, 0, width(), h);
}

void ProcessView::placeHeader()
{
    m_follow->setFont(textFont());
    m_follow->adjustSize();
    const QRectF h = headerRect();
    m_follow->move(int(h.right()) - m_follow->width() - kPad, int(h.center().y()) - m_follow->height() / 2);
}

std::uint32_t ProcessView::choosePid() const
{
    const Machine& m = m_ctx->machine();
    if (m.procs.empty()) return 0;
    if (!m_following && m.proc(m_pinned)) return m_pinned;
    if (m.cpu.current && m.proc(m.cpu.current)) return m.cpu.current;
    if (const Event* e = m_ctx->currentEvent(); e && e->pid && m.proc(e->pid)) return e->pid;
    if (m_pid && m.proc(m_pid)) return m_pid;
    for (auto it = m.procs.rbegin(); it != m.procs.rend(); ++it)
        if (it->second.alive()) return it->first;
    return m.procs.rbegin()->first;
}

// --- static helpers ---------------------------------------------------------------

VmaKind ProcessView::kindOf(const Machine&, const Process& p, const Vma& v)
{
    if (v.flags & VmaFlag::Special) return VmaKind::Special;
    if (v.flags & VmaFlag::Stack) return VmaKind::Stack;
    if (v.flags & VmaFlag::Heap) return VmaKind::Heap;
    if (!v.anon()) {
        if (v.flags & VmaFlag::Image) return v.file == programFile(p) ? VmaKind::Program : VmaKind::Library;
        return v.shared() ? VmaKind::SharedFile : VmaKind::PrivateFile;
    }
    return VmaKind::Anon;
}

QString ProcessView::mapsLine(const Machine& m, const Vma& v)
{
    QString perms = u"---p"_s;
    if (v.prot & Prot::Read) perms[0] = u'r';
    if (v.prot & Prot::Write) perms[1] = u'w';
    if (v.prot & Prot::Exec) perms[2] = u'x';
    if (v.shared()) perms[3] = u's';
    QString name;
    if (!v.anon() && v.file < m.files.size())
        name = QString::fromStdString(m.str(m.files[v.file].name));
    else if (v.name)
        name = QString::fromStdString(m.str(v.name));
    const std::uint64_t offset = v.anon() ? 0 : v.pgoff * m.pageSize();
    QString line = hexAddr(v.start, 8) + u'-' + hexAddr(v.end, 8) + u' ' + perms + u' ' + hexAddr(offset, 8);
    if (!name.isEmpty()) line += u' ' + name;
    return line;
}

QString ProcessView::statusText(const Process& p)
{
    switch (p.state) {
    case ProcState::Running:
        return tr("running");
    case ProcState::Exited:
        return tr("exited");
    case ProcState::Killed:
        return tr("killed by %1").arg(signalName(p.exitSignal));
    }
    return {};
}

// --- queries ----------------------------------------------------------------------

const std::vector<ProcessView::TreeRow>& ProcessView::treeRows() const
{
    ensureLayout();
    return m_tree;
}

const std::vector<ProcessView::VmaBox>& ProcessView::vmaBoxes() const
{
    ensureLayout();
    return m_boxes;
}

int ProcessView::highlightedVma() const
{
    ensureLayout();
    return m_highlight;
}

std::uint64_t ProcessView::eventAddress() const
{
    ensureLayout();
    return m_eventVa;
}

QStringList ProcessView::mapsLines() const
{
    ensureLayout();
    QStringList out;
    for (const ListRow& r : m_list) out << r.text;
    return out;
}

const AddressSpaceScale& ProcessView::scale() const
{
    ensureLayout();
    return m_scale;
}

ProcessView::Counters ProcessView::counters() const
{
    Counters c;
    const Machine& m = m_ctx->machine();
    const Process* p = m.proc(selectedPid());
    if (!p) return c;
    c.vszKb = m.pagesToKb(p->mm.totalVmPages(m.config.arch.pageShift));
    c.rssKb = m.pagesToKb(p->mm.rss());
    c.rssAnonKb = m.pagesToKb(p->mm.rssAnon);
    c.rssFileKb = m.pagesToKb(p->mm.rssFile + p->mm.rssShmem);
    c.minFlt = p->minFlt;
    c.majFlt = p->majFlt;
    c.ptPages = p->mm.ptPages;
    return c;
}

// --- layout -----------------------------------------------------------------------

void ProcessView::ensureLayout() const
{
    if (!m_dirty && m_generation == Palette::generation()) return;
    m_dirty = false;
    m_generation = Palette::generation();
    m_pid = choosePid();

    const QFontMetricsF fm(textFont()), mfm(monoFont());
    m_lineH = std::ceil(std::max(fm.height(), mfm.height())) + 4;
    const QRectF head = headerRect();
    const double captionH = m_ctx->currentEvent() ? fm.height() + 16 : 0;
    m_captionRect = QRectF(kPad, height() - captionH - kPad / 2, width() - 2 * kPad, captionH);
    const double bodyTop = head.bottom() + kPad;
    const double bodyBottom = (captionH > 0 ? m_captionRect.top() : height()) - kPad;

    // Three columns: tree and counters, the bar, the maps list.
    // Presentation mode's larger text widens the first two (the maps list gives way).
    const double k = Palette::presentation() ? std::max(1.0, QFontInfo(textFont()).pixelSize() / 14.0) : 1.0;
    const double leftW = std::clamp(width() * 0.22, 230.0 * k, 320.0 * k);
    const double midW = std::clamp(width() * 0.31, 330.0 * k, 520.0 * k);
    m_treeRect = QRectF(kPad, bodyTop, leftW, 0);
    m_barArea = QRectF(m_treeRect.right() + 2 * kPad, bodyTop, midW, bodyBottom - bodyTop);
    m_listRect = QRectF(m_barArea.right() + 2 * kPad, bodyTop, std::max(0.0, width() - m_barArea.right() - 3 * kPad),
        bodyBottom - bodyTop);

    layoutTree();
    m_countersRect = QRectF(kPad, m_treeRect.bottom() + 2 * kPad, leftW, bodyBottom - m_treeRect.bottom() - 2 * kPad);
    layoutProcess();

    // Caption: the current step in one line.
    m_caption.clear();
    m_captionTag.clear();
    if (const Event* e = m_ctx->currentEvent()) {
        m_captionTag = EventText::typeName(e->type) + u"  #"_s + QString::number(m_ctx->cursor());
        m_caption = EventText::summary(m_ctx->machine(), *e);
    }
    const Machine& m = m_ctx->machine();
    if (const Process* p = m.proc(m_pid)) {
        const Process* parent = m.proc(p->ppid);
        m_title = parent ? tr("Process %1 (%2), child of %3")
                               .arg(p->pid)
                               .arg(QString::fromStdString(m.str(p->comm)))
                               .arg(parent->pid)
                         : tr("Process %1 (%2)").arg(p->pid).arg(QString::fromStdString(m.str(p->comm)));
        if (!p->alive()) m_title += u" — "_s + statusText(*p);
    } else {
        m_title = tr("Processes");
    }
}

void ProcessView::layoutTree() const
{
    const Machine& m = m_ctx->machine();
    m_tree.clear();
    std::map<std::uint32_t, std::vector<std::uint32_t>> children;
    std::vector<std::uint32_t> roots;
    for (const auto& [pid, p] : m.procs) {
        if (p.ppid != pid && m.proc(p.ppid))
            children[p.ppid].push_back(pid);
        else
            roots.push_back(pid);
    }
    const QFontMetricsF fmb(Palette::bold(textFont()));
    const double rowH = m_lineH + 6;
    double y = m_treeRect.top() + fmb.height() + 8; // below the title
    std::function<void(std::uint32_t, int)> visit = [&](std::uint32_t pid, int depth) {
        const Process& p = m.procs.at(pid);
        TreeRow r;
        r.pid = pid;
        r.depth = depth;
        r.name = tr("%1 %2").arg(pid).arg(QString::fromStdString(m.str(p.comm)));
        r.alive = p.alive();
        r.onCpu = m.cpu.current == pid;
        r.status = r.onCpu ? tr("on the CPU") : statusText(p);
        r.rect = QRectF(m_treeRect.left(), y, m_treeRect.width(), rowH);
        y += rowH;
        m_tree.push_back(r);
        if (depth < 12) // a fork bomb stays drawable
            for (std::uint32_t c : children[pid]) visit(c, depth + 1);
    };
    for (std::uint32_t r : roots) visit(r, 0);
    if (m_tree.empty()) y += rowH; // room for the hint
    m_treeRect.setHeight(y - m_treeRect.top());
}

void ProcessView::layoutProcess() const
{
    const Machine& m = m_ctx->machine();
    m_boxes.clear();
    m_list.clear();
    m_counters.clear();
    m_rightLabels.clear();
    m_leftLabels.clear();
    m_highlight = -1;
    m_eventVa = 0;
    m_eventStart = m_eventEnd = 0;
    m_scale = AddressSpaceScale();
    const Process* p = m.proc(m_pid);
    if (!p) return;

    const QFontMetricsF fm(textFont()), fmb(Palette::bold(textFont())), mfm(monoFont());
    const int digits = m.config.arch.is32bit ? 8 : 12;

    // The step's address or range, when it is about this process.
    const Event* e = m_ctx->currentEvent();
    if (e && e->pid == m_pid) {
        switch (e->type) {
        case EventType::MmapRegion:
        case EventType::MunmapRegion:
        case EventType::MprotectRegion:
            m_eventStart = e->a;
            m_eventEnd = e->b;
            break;
        case EventType::BrkSet:
            m_eventVa = e->b;
            break;
        case EventType::PageFault:
        case EventType::CowCopy:
        case EventType::TlbLookup:
        case EventType::TlbFill:
        case EventType::MallocChunk:
            m_eventVa = e->a;
            break;
        default:
            break;
        }
    }

    // Boxes and the scale.
    std::vector<std::pair<std::uint64_t, std::uint64_t>> ranges;
    for (const Vma& v : p->mm.vmas) {
        VmaBox b;
        b.start = v.start;
        b.end = v.end;
        b.kind = kindOf(m, *p, v);
        if (!v.anon() && v.file < m.files.size())
            b.name = baseName(m.str(m.files[v.file].name));
        else if (v.name)
            b.name = QString::fromStdString(m.str(v.name));
        const QString line = mapsLine(m, v);
        b.perms = line.section(u' ', 1, 1);
        const bool hit = (m_eventEnd > m_eventStart && v.start < m_eventEnd && v.end > m_eventStart)
            || (m_eventVa && v.contains(m_eventVa))
            || (e && e->pid == m_pid && e->type == EventType::BrkSet && (v.flags & VmaFlag::Heap));
        b.highlighted = hit;
        if (hit && m_highlight < 0) m_highlight = static_cast<int>(m_boxes.size());
        m_boxes.push_back(b);
        m_list.push_back({ line, b.kind, hit });
        ranges.emplace_back(v.start, v.end);
    }
    const std::uint64_t top = std::max(vm::taskSize(m), ranges.empty() ? 0 : ranges.back().second);

    const double titleH = fmb.height() + 8;
    const double monoW = mfm.horizontalAdvance(QString(digits + 2, u'0'));
    const double barLeft = m_barArea.left() + monoW + 14;
    const double barTop = m_barArea.top() + titleH + fm.height() / 2 + 2;
    const double barBottom = m_barArea.bottom() - fm.height() / 2 - 2;
    m_barRect = QRectF(barLeft, barTop, kBarWidth, std::max(10.0, barBottom - barTop));
    AddressSpaceScale::Params k;
    k.pageSize = m.pageSize();
    k.breakPx = std::max(30.0, fm.height() * 1.8);
    k.minVmaPx = 7;
    m_scale = AddressSpaceScale(ranges, 0, top, m_barRect.top(), m_barRect.height(), k);
    for (std::size_t i = 0; i < m_boxes.size(); ++i)
        if (const auto* piece = m_scale.vmaPiece(static_cast<int>(i)))
            m_boxes[i].rect = QRectF(m_barRect.left(), piece->top, m_barRect.width(), piece->bottom - piece->top);

    // Right labels: one per group of adjacent VMAs of one file or name (a library's
    // anonymous bss tail joins its file), at the group's centre.
    struct Group {
        std::size_t first, last;
        QString name;
        VmaKind kind;
        bool hot;
    };
    std::vector<Group> groups;
    for (std::size_t i = 0; i < m_boxes.size(); ++i) {
        const VmaBox& b = m_boxes[i];
        const Vma& v = p->mm.vmas[i];
        if (!groups.empty()) {
            Group& g = groups.back();
            const VmaBox& prev = m_boxes[g.last];
            const Vma& pv = p->mm.vmas[g.last];
            const bool adjacent = prev.end == b.start;
            const bool sameFile = !v.anon() && !pv.anon() && v.file == pv.file;
            const bool bssTail = v.anon() && !v.name && !pv.anon() && (pv.flags & VmaFlag::Image);
            const bool sameName = v.anon() && pv.anon() && v.name == pv.name && v.name;
            if (adjacent && (sameFile || bssTail || sameName)) {
                g.last = i;
                g.hot = g.hot || b.highlighted;
                continue;
            }
        }
        groups.push_back({ i, i, b.name.isEmpty() ? tr("anonymous") : b.name, b.kind, b.highlighted });
    }
    const double labelH = fm.height() + 2;
    std::vector<double> want;
    for (const Group& g : groups) {
        const double y0 = m_boxes[g.last].rect.top(), y1 = m_boxes[g.first].rect.bottom();
        std::uint64_t bytes = 0;
        for (std::size_t i = g.first; i <= g.last; ++i) bytes += m_boxes[i].end - m_boxes[i].start;
        Label l;
        l.text = g.name;
        l.detail = EventText::bytes(bytes);
        l.want = (y0 + y1) / 2;
        l.colour = Palette::vma(g.kind);
        l.hot = g.hot;
        l.strong = g.hot;
        m_rightLabels.push_back(l);
        want.push_back(l.want);
    }
    placeLabels(want, labelH, m_barRect.top() - fm.height() / 2, m_barRect.bottom() + fm.height() / 2);
    for (std::size_t i = 0; i < want.size(); ++i) m_rightLabels[i].y = want[i];

    // Left labels: the addresses at the edges of each run of mapped memory (between breaks),
    // and the size of each break.
    std::vector<double> lw;
    const auto& pieces = m_scale.pieces();
    for (std::size_t i = 0; i < pieces.size(); ++i) {
        const auto& pc = pieces[i];
        if (pc.isBreak) {
            Label l;
            l.text = tr("%1 free").arg(EventText::bytes(pc.end - pc.start));
            l.want = (pc.top + pc.bottom) / 2;
            l.colour = Palette::mutedText();
            m_leftLabels.push_back(l);
            continue;
        }
        const bool startsRun = i == 0 || pieces[i - 1].isBreak;
        const bool endsRun = i + 1 == pieces.size() || pieces[i + 1].isBreak;
        if (endsRun) {
            Label l;
            l.text = u"0x"_s + hexAddr(pc.end, digits);
            l.want = pc.top;
            l.colour = Palette::text();
            m_leftLabels.push_back(l);
        }
        if (startsRun) {
            Label l;
            l.text = u"0x"_s + hexAddr(pc.start, digits);
            l.want = pc.bottom;
            l.colour = Palette::text();
            m_leftLabels.push_back(l);
        }
    }
    // The first and last pieces are usually breaks: the ends of the space get their addresses too.
    if (!pieces.empty()) {
        m_leftLabels.push_back({ u"0x"_s + hexAddr(pieces.back().end, digits), {}, pieces.back().top, 0,
            Palette::mutedText(), false, false });
        m_leftLabels.push_back(
            { u"0x"_s + hexAddr(0, digits), {}, pieces.front().bottom, 0, Palette::mutedText(), false, false });
    }
    for (const Label& l : m_leftLabels) lw.push_back(l.want);
    placeLabels(lw, fm.height(), m_barRect.top() - fm.height() / 2, m_barRect.bottom() + fm.height() / 2);
    for (std::size_t i = 0; i < lw.size(); ++i) m_leftLabels[i].y = lw[i];

    // The maps list: as many rows as fit; the highlighted one kept in view.
    const int n = static_cast<int>(m_list.size());
    m_listRows = std::max(1, int((m_listRect.height() - titleH - m_lineH) / m_lineH));
    if (n > m_listRows) m_listRows = std::max(1, m_listRows - 1); // a line says how many more
    if (!m_userScrolled && m_highlight >= 0 && (m_highlight < m_listScroll || m_highlight >= m_listScroll + m_listRows))
        m_listScroll = m_highlight - m_listRows / 3;
    m_listScroll = std::clamp(m_listScroll, 0, std::max(0, n - m_listRows));

    // Counters, with what the step changed.
    const Process* before = m_ctx->previousMachine().proc(m_pid);
    const auto kb = [&](std::uint64_t pages) { return m.pagesToKb(pages); };
    const auto delta = [&](std::uint64_t now, std::uint64_t was, bool inKb) -> QString {
        if (!before || now == was) return {};
        const auto d = static_cast<long long>(now) - static_cast<long long>(was);
        const QString num = (d > 0 ? u"+"_s : QString()) + QString::number(d);
        return inKb ? tr("%1 kB").arg(num) : num;
    };
    const int shift = m.config.arch.pageShift;
    const std::uint64_t vsz = kb(p->mm.totalVmPages(shift));
    const std::uint64_t vszWas = before ? m.pagesToKb(before->mm.totalVmPages(shift)) : vsz;
    m_counters.push_back(
        { tr("VSZ"), tr("%1 kB").arg(vsz), delta(vsz, vszWas, true), tr("every VMA, touched or not") });
    const std::uint64_t rss = kb(p->mm.rss());
    m_counters.push_back({ tr("RSS"), tr("%1 kB").arg(rss), delta(rss, before ? kb(before->mm.rss()) : rss, true),
        tr("anon %1 kB · file %2 kB").arg(kb(p->mm.rssAnon)).arg(kb(p->mm.rssFile + p->mm.rssShmem)) });
    m_counters.push_back({ tr("Page tables"), EventText::pages(p->mm.ptPages),
        delta(p->mm.ptPages, before ? before->mm.ptPages : p->mm.ptPages, false),
        tr("VmPTE %1 kB").arg(kb(p->mm.ptPages)) });
    m_counters.push_back({ tr("min_flt"), QString::number(p->minFlt),
        delta(p->minFlt, before ? before->minFlt : p->minFlt, false), tr("minor faults: no disk I/O") });
    m_counters.push_back({ tr("maj_flt"), QString::number(p->majFlt),
        delta(p->majFlt, before ? before->majFlt : p->majFlt, false), tr("major faults: read from disk") });
}

// --- painting ---------------------------------------------------------------------

void ProcessView::paintEvent(QPaintEvent*)
{
    // Presentation mode changes the fonts: the check box in the header follows.
    if (m_generation != Palette::generation()) placeHeader();
    ensureLayout();
    {
        // The check box is a child widget: give it the view's text colour.
        QPalette pal = m_follow->palette();
        if (pal.color(QPalette::WindowText) != Palette::text()) {
            pal.setColor(QPalette::WindowText, Palette::text());
            m_follow->setPalette(pal);
        }
    }
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.setRenderHint(QPainter::TextAntialiasing);
    p.fillRect(rect(), Palette::background());

    // Header: which process, and the follow switch.
    const QRectF head = headerRect();
    const QFont tf = textFont();
    p.setFont(Palette::bold(tf));
    p.setPen(Palette::text());
    const QRectF titleRect(kPad, head.top(), m_follow->x() - 2 * kPad, head.height());
    p.drawText(titleRect, Qt::AlignLeft | Qt::AlignVCenter,
        QFontMetricsF(p.font()).elidedText(m_title, Qt::ElideRight, titleRect.width()));
    p.setPen(QPen(Palette::gridLine(), Palette::line(1)));
    p.drawLine(QPointF(0, head.bottom() - 0.5), QPointF(width(), head.bottom() - 0.5));

    paintTree(p);
    const Machine& m = m_ctx->machine();
    if (!m.proc(m_pid)) {
        p.setFont(tf);
        p.setPen(Palette::mutedText());
        const QRectF area(m_barArea.left(), m_barArea.top(), width() - m_barArea.left() - kPad, m_barArea.height());
        p.drawText(area, Qt::AlignCenter | Qt::TextWordWrap,
            m_ctx->simulator() ? tr("No processes yet: spawn a program to see its address space.")
                               : tr("No machine yet."));
    } else {
        paintCounters(p);
        paintBar(p);
        paintList(p);
    }
    paintCaption(p);
}

void ProcessView::paintTree(QPainter& p) const
{
    const QFont tf = textFont();
    const QFontMetricsF fm(tf), fmb(Palette::bold(tf));
    p.setFont(Palette::bold(tf));
    p.setPen(Palette::text());
    p.drawText(QRectF(m_treeRect.left(), m_treeRect.top(), m_treeRect.width(), fmb.height() + 4),
        Qt::AlignLeft | Qt::AlignVCenter, tr("Processes (fork tree)"));
    if (m_tree.empty()) {
        p.setFont(tf);
        p.setPen(Palette::mutedText());
        p.drawText(QRectF(m_treeRect.left() + 4, m_treeRect.top() + fmb.height() + 8, m_treeRect.width(), m_lineH),
            Qt::AlignLeft | Qt::AlignVCenter, tr("none yet"));
        return;
    }
    const double indent = 20, dot = 12;
    std::map<std::uint32_t, QPointF> dots;
    for (const TreeRow& r : m_tree) {
        const double x = r.rect.left() + 4 + r.depth * indent;
        const QPointF c(x + dot / 2, r.rect.center().y());
        dots[r.pid] = c;
        if (r.pid == m_pid) {
            p.setPen(Qt::NoPen);
            p.setBrush(
                Palette::tint(Palette::text(), Palette::theme() == Theme::Dark ? 0.14 : 0.08));
            p.drawRoundedRect(r.rect.adjusted(0, 1, 0, -1), 5, 5);
        }
    }
    // Connectors from each parent to its children.
    const Machine& m = m_ctx->machine();
    p.setPen(QPen(Palette::mutedText(), Palette::line(1.2)));
    for (const TreeRow& r : m_tree) {
        const Process* pr = m.proc(r.pid);
        if (!pr || r.depth == 0) continue;
        auto it = dots.find(pr->ppid);
        if (it == dots.end()) continue;
        const QPointF a = it->second, b = dots[r.pid];
        QPainterPath path(QPointF(a.x(), a.y() + dot / 2));
        path.lineTo(a.x(), b.y());
        path.lineTo(b.x() - dot / 2 - 2, b.y());
        p.setBrush(Qt::NoBrush);
        p.drawPath(path);
    }
    for (const TreeRow& r : m_tree) {
        const QPointF c = dots[r.pid];
        const QColor hue = r.alive ? Palette::process(r.pid) : Palette::mutedText();
        p.setPen(QPen(r.onCpu ? Palette::text() : hue.darker(130), Palette::line(r.onCpu ? 2 : 1)));
        p.setBrush(r.alive ? QBrush(hue) : QBrush(Qt::NoBrush));
        p.drawEllipse(c, dot / 2, dot / 2);
        const double x = c.x() + dot / 2 + 6;
        const QRectF text(x, r.rect.top(), r.rect.right() - x - 4, r.rect.height());
        p.setFont(r.pid == m_pid ? Palette::bold(tf) : tf);
        p.setPen(r.alive ? Palette::text() : Palette::mutedText());
        const QString name = QFontMetricsF(p.font()).elidedText(r.name, Qt::ElideRight, text.width() * 0.55);
        p.drawText(text, Qt::AlignLeft | Qt::AlignVCenter, name);
        const double used = QFontMetricsF(p.font()).horizontalAdvance(name) + 8;
        p.setFont(tf);
        p.setPen(r.onCpu ? Palette::text() : Palette::mutedText());
        const QRectF st = text.adjusted(used, 0, 0, 0);
        p.drawText(st, Qt::AlignRight | Qt::AlignVCenter, fm.elidedText(r.status, Qt::ElideRight, st.width()));
        if (!r.alive) {
            // Struck through: the task is a zombie until its parent reaps it.
            p.setPen(QPen(Palette::mutedText(), Palette::line(1)));
            p.drawLine(QPointF(x, r.rect.center().y()), QPointF(x + fm.horizontalAdvance(name), r.rect.center().y()));
        }
    }
}

void ProcessView::paintCounters(QPainter& p) const
{
    const QFont tf = textFont();
    const QFontMetricsF fm(tf), fmb(Palette::bold(tf));
    const Machine& m = m_ctx->machine();
    const Process* pr = m.proc(m_pid);
    QRectF r = m_countersRect;
    p.setPen(QPen(Palette::gridLine(), Palette::line(1)));
    p.drawLine(QPointF(r.left(), r.top() - kPad + 0.5), QPointF(r.right(), r.top() - kPad + 0.5));
    p.setFont(Palette::bold(tf));
    p.setPen(Palette::text());
    p.drawText(QRectF(r.left(), r.top(), r.width(), fmb.height() + 4), Qt::AlignLeft | Qt::AlignVCenter,
        fmb.elidedText(tr("Memory of %1").arg(pr ? pr->pid : 0), Qt::ElideRight, r.width()));
    double y = r.top() + fmb.height() + 8;
    const double nameW = std::max({ fmb.horizontalAdvance(tr("Page tables")), fmb.horizontalAdvance(tr("min_flt")),
                             fmb.horizontalAdvance(tr("VSZ")) })
        + 10;
    for (const CounterRow& c : m_counters) {
        if (y + 2 * fm.height() > r.bottom()) break;
        const bool hot = !c.delta.isEmpty();
        p.setFont(Palette::bold(tf));
        p.setPen(Palette::text());
        p.drawText(QRectF(r.left(), y, nameW, fm.height()), Qt::AlignLeft | Qt::AlignVCenter, c.name);
        p.setFont(hot ? Palette::bold(tf) : tf);
        p.setPen(hot ? hotText() : Palette::text());
        const QString value = hot ? c.value + u"  ("_s + c.delta + u')' : c.value;
        p.drawText(QRectF(r.left() + nameW, y, r.width() - nameW, fm.height()), Qt::AlignLeft | Qt::AlignVCenter,
            fm.elidedText(value, Qt::ElideRight, r.width() - nameW));
        y += fm.height();
        p.setFont(tf);
        p.setPen(Palette::mutedText());
        p.drawText(QRectF(r.left() + 12, y, r.width() - 12, fm.height()), Qt::AlignLeft | Qt::AlignVCenter,
            fm.elidedText(c.note, Qt::ElideRight, r.width() - 12));
        y += fm.height() + 6;
    }

    // The legend of VMA kinds, two to a line, below the counters when there is room.
    const VmaKind kinds[] = { VmaKind::Program, VmaKind::Library, VmaKind::Heap, VmaKind::Stack, VmaKind::Anon,
        VmaKind::SharedFile, VmaKind::PrivateFile, VmaKind::Special };
    const double sw = fm.height() * 0.8;
    double widest = 0;
    for (VmaKind k : kinds) widest = std::max(widest, fm.horizontalAdvance(kindName(k)));
    // Two to a line when the names fit, else one.
    const int perLine = 2 * (sw + 8 + widest) <= r.width() ? 2 : 1;
    const double colW = r.width() / perLine;
    const int lines = 8 / perLine;
    y += 4;
    if (y + fmb.height() + lines * (fm.height() + 4) > r.bottom()) return;
    p.setFont(Palette::bold(tf));
    p.setPen(Palette::text());
    p.drawText(QRectF(r.left(), y, r.width(), fmb.height()), Qt::AlignLeft | Qt::AlignVCenter, tr("VMA kinds"));
    y += fmb.height() + 4;
    p.setFont(tf);
    for (int i = 0; i < 8; ++i) {
        const double x = r.left() + (i % perLine) * colW;
        const double yy = y + (i / perLine) * (fm.height() + 4);
        p.setPen(QPen(Palette::withAlpha(Palette::text(), 0.5), Palette::line(1)));
        p.setBrush(Palette::vma(kinds[i]));
        p.drawRect(QRectF(x + 0.5, yy + (fm.height() - sw) / 2 + 0.5, sw, sw));
        p.setPen(Palette::text());
        p.drawText(QRectF(x + sw + 6, yy, colW - sw - 8, fm.height()), Qt::AlignLeft | Qt::AlignVCenter,
            fm.elidedText(kindName(kinds[i]), Qt::ElideRight, colW - sw - 8));
    }
}

void ProcessView::paintBar(QPainter& p) const
{
    const QFont tf = textFont();
    const QFontMetricsF fm(tf), fmb(Palette::bold(tf)), mfm(monoFont());
    const double t = std::clamp(m_ctx->progress(), 0.0, 1.0);
    p.setFont(Palette::bold(tf));
    p.setPen(Palette::text());
    p.drawText(QRectF(m_barArea.left(), m_barArea.top(), m_barArea.width(), fmb.height() + 4),
        Qt::AlignLeft | Qt::AlignVCenter,
        fmb.elidedText(tr("Address space of %1 (gaps not to scale)").arg(m_pid), Qt::ElideRight, m_barArea.width()));

    // Gaps: small ones are background, breaks a zig-zag band.
    const QRectF bar = m_barRect;
    p.setPen(QPen(Palette::gridLine(), Palette::line(1)));
    p.setBrush(Palette::tint(Palette::text(), 0.03));
    p.drawRect(bar.adjusted(-0.5, -0.5, 0.5, 0.5));
    for (const auto& pc : m_scale.pieces()) {
        if (!pc.isBreak) continue;
        const QRectF band(bar.left() - 6, pc.top + 3, bar.width() + 12, pc.bottom - pc.top - 6);
        p.setPen(Qt::NoPen);
        p.setBrush(Palette::background());
        p.drawRect(band.adjusted(0, -3, 0, 3));
        QPen zig(Palette::mutedText(), Palette::line(1.5));
        zig.setJoinStyle(Qt::MiterJoin);
        p.setPen(zig);
        for (const double y : { band.top(), band.bottom() }) {
            QPolygonF line;
            const double step = 6;
            for (double x = band.left(), k = 0; x <= band.right() + 0.1; x += step, ++k)
                line << QPointF(x, y + ((int(k) % 2) ? 3 : -3));
            p.drawPolyline(line);
        }
    }

    // VMAs.
    p.setFont(monoFont());
    for (std::size_t i = 0; i < m_boxes.size(); ++i) {
        const VmaBox& b = m_boxes[i];
        if (b.rect.height() <= 0) continue;
        QColor fill = Palette::vma(b.kind);
        p.setPen(QPen(Palette::background(), Palette::line(1)));
        p.setBrush(fill);
        p.drawRect(b.rect);
        if (b.kind == VmaKind::SharedFile || b.kind == VmaKind::Special) {
            p.setBrush(QBrush(Palette::withAlpha(Palette::textOn(fill), 0.25), Qt::BDiagPattern));
            p.drawRect(b.rect);
        }
        if (b.rect.height() >= mfm.height()) {
            p.setPen(Palette::textOn(fill));
            p.drawText(b.rect, Qt::AlignCenter, b.perms.left(3));
        }
    }

    // The range or address of the current step.
    const QColor hl = Palette::highlight();
    const double pulse = t < 1.0 ? 0.5 - 0.5 * std::cos(t * 2 * std::numbers::pi * 2) : 1.0;
    if (m_highlight >= 0) {
        for (const VmaBox& b : m_boxes) {
            if (!b.highlighted) continue;
            const QRectF r = b.rect.adjusted(-3, -2, 3, 2);
            p.setBrush(Qt::NoBrush);
            p.setPen(QPen(Palette::withAlpha(Palette::background(), 0.9), Palette::line(6)));
            p.drawRect(r);
            p.setPen(QPen(Palette::withAlpha(hl, 0.55 + 0.45 * pulse), Palette::line(3 + 1.5 * (1 - pulse))));
            p.drawRect(r);
        }
    }
    if (m_eventEnd > m_eventStart) {
        // The range a step names (an munmap'ed range no longer has a VMA): a dashed bracket.
        const double y0 = m_scale.yOf(m_eventEnd), y1 = m_scale.yOf(m_eventStart);
        const QRectF r(bar.left() - 8, y0, bar.width() + 16, std::max(3.0, y1 - y0));
        QPen pen(hl, Palette::line(2), Qt::DashLine);
        p.setPen(pen);
        p.setBrush(Palette::withAlpha(hl, 0.12));
        p.drawRect(r);
    }
    if (m_eventVa) {
        const double y = m_scale.yOf(m_eventVa);
        const double x = bar.left() - 4;
        QPolygonF arrow;
        arrow << QPointF(x, y) << QPointF(x - 11, y - 7) << QPointF(x - 11, y + 7);
        p.setPen(QPen(Palette::background(), Palette::line(1.5)));
        p.setBrush(hl);
        p.drawPolygon(arrow);
        p.setPen(QPen(hl, Palette::line(2)));
        p.drawLine(QPointF(bar.left(), y), QPointF(bar.right() + 4, y));
    }

    // Right labels with leader lines to their group.
    const double lx = bar.right() + 18;
    const double lw = m_barArea.right() - lx;
    for (const Label& l : m_rightLabels) {
        p.setPen(QPen(Palette::withAlpha(l.hot ? hl : Palette::mutedText(), 0.8), Palette::line(l.hot ? 2 : 1)));
        p.drawLine(QPointF(bar.right() + 2, l.want), QPointF(lx - 4, l.y));
        const QRectF r(lx, l.y - fm.height() / 2, lw, fm.height());
        p.setFont(l.strong ? Palette::bold(tf) : tf);
        const QFontMetricsF lfm(p.font());
        // The whole name first; the size only when it fits beside it.
        const QString name = lfm.elidedText(l.text, Qt::ElideMiddle, lw);
        p.setPen(l.hot ? hotText() : Palette::text());
        p.drawText(r, Qt::AlignLeft | Qt::AlignVCenter, name);
        const double used = lfm.horizontalAdvance(name) + 6;
        if (used + fm.horizontalAdvance(l.detail) <= lw) {
            p.setFont(tf);
            p.setPen(Palette::mutedText());
            p.drawText(r.adjusted(used, 0, 0, 0), Qt::AlignLeft | Qt::AlignVCenter, l.detail);
        }
    }
    // Left labels: addresses (monospace) and gap sizes.
    const double ax = m_barArea.left();
    const double aw = bar.left() - 14 - ax;
    for (const Label& l : m_leftLabels) {
        const bool addr = l.text.startsWith(u"0x"_s);
        p.setFont(addr ? monoFont() : tf);
        p.setPen(l.colour);
        const QFontMetricsF lfm(p.font());
        p.drawText(QRectF(ax, l.y - lfm.height() / 2, aw, lfm.height()), Qt::AlignRight | Qt::AlignVCenter,
            lfm.elidedText(l.text, Qt::ElideLeft, aw));
        if (addr) {
            p.setPen(QPen(Palette::withAlpha(Palette::mutedText(), 0.8), Palette::line(1)));
            p.drawLine(QPointF(ax + aw + 3, l.y), QPointF(bar.left() - 2, l.want));
        }
    }
}

void ProcessView::paintList(QPainter& p) const
{
    if (m_listRect.width() < 80) return;
    const QFont tf = textFont();
    const QFontMetricsF fmb(Palette::bold(tf)), mfm(monoFont());
    const QRectF r = m_listRect;
    p.setFont(Palette::bold(tf));
    p.setPen(Palette::text());
    const double titleH = fmb.height() + 8;
    p.drawText(QRectF(r.left(), r.top(), r.width(), fmb.height() + 4), Qt::AlignLeft | Qt::AlignVCenter,
        tr("/proc/%1/maps").arg(m_pid));
    // Column header.
    const double chip = 8;
    const double x = r.left() + chip + 8;
    const double w = r.right() - x;
    double y = r.top() + titleH;
    p.setFont(monoFont());
    p.setPen(Palette::mutedText());
    const int digits = m_ctx->machine().config.arch.is32bit ? 8 : 12;
    // Each title at its column's position in the monospaced rows below (measured, so that
    // wide Chinese titles stay over their columns).
    const double cw = mfm.horizontalAdvance(QLatin1Char('0'));
    const struct {
        QString text;
        int column;
    } titles[] = { { tr("start", "maps column"), 0 }, { tr("end", "maps column"), digits + 1 },
        { tr("perm", "maps column"), 2 * digits + 2 }, { tr("offset", "maps column"), 2 * digits + 7 },
        { tr("name", "maps column"), 2 * digits + 16 } };
    for (const auto& t : titles) {
        const double tx = x + t.column * cw;
        if (tx >= r.right()) break;
        p.drawText(QRectF(tx, y, r.right() - tx, m_lineH), Qt::AlignLeft | Qt::AlignVCenter,
            mfm.elidedText(t.text, Qt::ElideRight, r.right() - tx));
    }
    y += m_lineH;
    const int n = static_cast<int>(m_list.size());
    const int first = m_listScroll, last = std::min(n, first + m_listRows);
    for (int i = first; i < last; ++i) {
        const ListRow& row = m_list[static_cast<std::size_t>(i)];
        const QRectF line(r.left(), y, r.width(), m_lineH);
        if (row.highlighted) {
            p.setPen(Qt::NoPen);
            p.setBrush(Palette::withAlpha(Palette::highlight(), Palette::theme() == Theme::Dark ? 0.22 : 0.12));
            p.drawRoundedRect(line, 3, 3);
        }
        p.setPen(QPen(Palette::withAlpha(Palette::text(), 0.4), Palette::line(1)));
        p.setBrush(Palette::vma(row.kind));
        p.drawRect(QRectF(r.left() + 2.5, y + (m_lineH - chip) / 2 + 0.5, chip, chip));
        p.setPen(row.highlighted ? hotText() : Palette::text());
        QFont f = monoFont();
        f.setBold(row.highlighted);
        p.setFont(f);
        // Long paths lose their directories first: the file name is what a student looks for.
        const QString text = row.text;
        const qsizetype nameAt = text.indexOf(u' ', text.indexOf(u' ', text.indexOf(u' ') + 1) + 1);
        QString shown = text;
        if (QFontMetricsF(f).horizontalAdvance(text) > w && nameAt > 0) {
            const QString head = text.left(nameAt + 1);
            const double room = w - QFontMetricsF(f).horizontalAdvance(head);
            shown = head + QFontMetricsF(f).elidedText(text.mid(nameAt + 1), Qt::ElideLeft, std::max(10.0, room));
        }
        p.drawText(QRectF(x, y, w, m_lineH), Qt::AlignLeft | Qt::AlignVCenter,
            QFontMetricsF(f).elidedText(shown, Qt::ElideRight, w));
        y += m_lineH;
    }
    // More lines above or below: say so.
    p.setFont(tf);
    p.setPen(Palette::mutedText());
    if (first > 0)
        p.drawText(QRectF(r.left(), r.top(), r.width(), fmb.height() + 4), Qt::AlignRight | Qt::AlignVCenter,
            tr("▲ %n more", nullptr, first));
    if (last < n)
        p.drawText(QRectF(r.left(), y, r.width(), m_lineH), Qt::AlignRight | Qt::AlignVCenter,
            tr("▼ %n more (scroll)", nullptr, n - last));
}

void ProcessView::paintCaption(QPainter& p) const
{
    if (m_captionRect.height() <= 0 || m_caption.isEmpty()) return;
    const QFont tf = textFont();
    const QFontMetricsF fm(tf), fmb(Palette::bold(tf));
    const QRectF r = m_captionRect;
    p.setPen(QPen(Palette::gridLine(), Palette::line(1)));
    p.setBrush(Palette::tint(Palette::text(), Palette::theme() == Theme::Dark ? 0.07 : 0.035));
    p.drawRoundedRect(r.adjusted(0.5, 0.5, -0.5, -0.5), 6, 6);
    const QRectF tag(r.left() + 8, r.center().y() - fmb.height() / 2 - 2, fmb.horizontalAdvance(m_captionTag) + 14,
        fmb.height() + 4);
    p.setPen(Qt::NoPen);
    p.setBrush(Palette::highlight());
    p.drawRoundedRect(tag, 4, 4);
    p.setFont(Palette::bold(tf));
    p.setPen(Qt::white);
    p.drawText(tag, Qt::AlignCenter, m_captionTag);
    p.setFont(tf);
    p.setPen(Palette::text());
    const QRectF text(tag.right() + 10, r.top(), r.right() - tag.right() - 18, r.height());
    p.drawText(text, Qt::AlignLeft | Qt::AlignVCenter, fm.elidedText(m_caption, Qt::ElideRight, text.width()));
}

// --- input ------------------------------------------------------------------------

void ProcessView::mousePressEvent(QMouseEvent* event)
{
    ensureLayout();
    if (event->button() != Qt::LeftButton) {
        QWidget::mousePressEvent(event);
        return;
    }
    for (const TreeRow& r : m_tree)
        if (r.rect.contains(event->position())) {
            selectProcess(r.pid);
            event->accept();
            return;
        }
    QWidget::mousePressEvent(event);
}

void ProcessView::wheelEvent(QWheelEvent* event)
{
    ensureLayout();
    if (!m_listRect.contains(event->position())) {
        QWidget::wheelEvent(event);
        return;
    }
    const int steps = event->angleDelta().y() / 40;
    m_listScroll = std::clamp(m_listScroll - steps, 0, std::max(0, static_cast<int>(m_list.size()) - m_listRows));
    m_userScrolled = true;
    update();
    event->accept();
}

QString ProcessView::toolTipForVma(int index) const
{
    const Machine& m = m_ctx->machine();
    const Process* p = m.proc(m_pid);
    if (!p || index < 0 || static_cast<std::size_t>(index) >= p->mm.vmas.size()) return {};
    const Vma& v = p->mm.vmas[static_cast<std::size_t>(index)];
    const VmaBox& b = m_boxes[static_cast<std::size_t>(index)];
    QStringList lines;
    lines << mapsLine(m, v);
    const std::uint64_t pages = v.size() / m.pageSize();
    lines << tr("%1 · %2 · %3").arg(kindName(b.kind), EventText::bytes(v.size()), EventText::pages(pages));
    // Resident pages: a walk per page (allocation-free), bounded so the tooltip stays instant.
    if (pages <= 65536) {
        std::uint64_t present = 0;
        for (std::uint64_t va = v.start; va < v.end; va += m.pageSize())
            present += vm::translateAddress(m, p->mm.pgd, va) != ~0ull;
        lines << tr("%1 of %2 have a page-table entry (resident, or the zero page)")
                     .arg(present)
                     .arg(EventText::pages(pages));
    }
    if (!v.anon() && !v.shared() && (v.prot & Prot::Write))
        lines << tr("Private file mapping: a write copies the page (copy-on-write); the file does not change.");
    if (v.anon() && !(v.flags & VmaFlag::Special))
        lines << tr("Anonymous: a read maps the shared zero page, the first write a zeroed frame.");
    return lines.join(u'\n');
}

bool ProcessView::event(QEvent* event)
{
    if (event->type() == QEvent::ToolTip) {
        ensureLayout();
        auto* he = static_cast<QHelpEvent*>(event);
        const QPointF pos = he->pos();
        for (std::size_t i = 0; i < m_boxes.size(); ++i)
            if (m_boxes[i].rect.adjusted(0, -1, 0, 1).contains(pos)) {
                QToolTip::showText(he->globalPos(), toolTipForVma(static_cast<int>(i)), this, m_boxes[i].rect.toRect());
                return true;
            }
        const double listTop = m_listRect.top() + QFontMetricsF(Palette::bold(textFont())).height() + 8 + m_lineH;
        if (m_listRect.contains(pos) && pos.y() >= listTop) {
            const int row = m_listScroll + int((pos.y() - listTop) / m_lineH);
            if (row >= 0 && row < static_cast<int>(m_list.size()) && row < m_listScroll + m_listRows) {
                QToolTip::showText(he->globalPos(), toolTipForVma(row), this);
                return true;
            }
        }
        for (const TreeRow& r : m_tree)
            if (r.rect.contains(pos)) {
                QToolTip::showText(he->globalPos(),
                    tr("%1: %2. Click to show its address space.").arg(r.name, r.status), this, r.rect.toRect());
                return true;
            }
        QToolTip::hideText();
        event->ignore();
        return true;
    }
    return QWidget::event(event);
}

} // namespace memviz
