#include "CowView.h"

#include "EventText.h"
#include "ViewContext.h"
#include "sim/Machine.h"
#include "sim/Simulator.h"
#include "vm/VmOps.h"

#include <QComboBox>
#include <QEasingCurve>
#include <QEvent>
#include <QFontDatabase>
#include <QLabel>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>
#include <map>
#include <numbers>

namespace memviz {

using namespace Qt::StringLiterals;

namespace {

constexpr int kPad = 8;

QRectF lerp(const QRectF& a, const QRectF& b, double t)
{
    return QRectF(a.x() + (b.x() - a.x()) * t, a.y() + (b.y() - a.y()) * t, a.width() + (b.width() - a.width()) * t,
        a.height() + (b.height() - a.height()) * t);
}

QPointF lerp(const QPointF& a, const QPointF& b, double t)
{
    return a + (b - a) * t;
}

QColor hotText()
{
    return Palette::theme() == Theme::Dark ? Palette::highlight().lighter(140) : Palette::highlight();
}

QString hex(std::uint64_t v)
{
    return u"0x"_s + QString::number(v, 16);
}

QString procLabel(const Machine& m, std::uint32_t pid)
{
    const Process* p = m.proc(pid);
    return p ? CowView::tr("%1 %2").arg(pid).arg(QString::fromStdString(m.str(p->comm))) : QString::number(pid);
}

CowEntry readEntry(const Machine& m, std::uint32_t pid, std::uint64_t va)
{
    CowEntry e;
    const Process* p = m.proc(pid);
    if (!p) return e;
    const Vma* v = p->mm.find(va);
    e.inVma = v != nullptr;
    const vm::WalkResult w = vm::translate(m, pid, va);
    if (!w.ok) return e;
    e.present = true;
    e.pfn = w.paddr >> m.config.arch.pageShift;
    e.writable = w.flags & PteFlag::Write;
    e.zero = e.pfn == m.zeroPfn;
    e.cow = !e.writable && v && (v->prot & Prot::Write) && !v->shared();
    return e;
}

} // namespace

// ---------------------------------------------------------------------------------
// CowFault

CowFault CowFault::at(const EventLog& events, std::uint64_t n, std::array<std::uint32_t, 2> pids, int leafLevel)
{
    CowFault f;
    if (n == 0 || n > events.size() || !pids[0]) return f;
    const std::uint32_t cmd = events[n - 1].cmd;
    const auto ours = [&](const Event& e) { return e.pid && (e.pid == pids[0] || e.pid == pids[1]); };
    // Back to the fault of this command (a fault takes a few dozen events at most).
    std::uint64_t i = n;
    int budget = 512;
    std::optional<std::uint64_t> faultAt;
    while (i > 0 && budget-- > 0) {
        const Event& e = events[i - 1];
        if (e.cmd != cmd) break;
        if (ours(e)) {
            if (e.type == EventType::TlbFill && (e.flags & EventFlag::Retry)) {
                // The fault is over: the retried access filled the TLB. On that very
                // step the fault is still told (its outcome); later only its page counts.
                f.pid = e.pid;
                f.va = e.a;
                if (i != n) return f;
                f.finished = true;
                --i;
                continue;
            }
            if (e.type == EventType::PageFault) {
                faultAt = i - 1;
                break;
            }
        }
        --i;
    }
    if (!faultAt) return f;
    const Event& pf = events[*faultAt];
    f.active = !f.finished;
    f.pid = pf.pid;
    f.va = pf.a;
    f.kind = pf.order;
    for (std::uint64_t j = *faultAt + 1; j < n; ++j) {
        const Event& e = events[j];
        if (e.pid != f.pid) continue;
        if (e.type == EventType::FrameOwner && static_cast<FrameState>(e.a) == FrameState::Anon) f.newFrame = e.pfn;
        if (e.type == EventType::CowCopy) {
            f.oldFrame = e.pfn;
            f.newFrame = e.b;
            f.copied = true;
        }
        if (e.type == EventType::PteSet && e.order == leafLevel && f.newFrame) f.mapped = true;
    }
    return f;
}

// ---------------------------------------------------------------------------------
// CowLayout

CowLayout::CowLayout(const Machine& m, std::array<std::uint32_t, 2> pids, std::uint64_t firstVa, int rows,
    const CowFault& fault, const QRectF& area)
{
    if (rows <= 0 || area.width() <= 0 || area.height() <= 0) return;
    const std::uint64_t page = m.pageSize();
    m_page = page;
    const double ew = std::clamp(area.width() * 0.2, 170.0, 320.0);
    const double gap = std::max(28.0, area.width() * 0.035);
    const double midL = area.left() + ew + gap, midR = area.right() - ew - gap;
    const double laneW = (midR - midL) / 3;
    m_laneX = { midL + laneW / 2, midL + 1.5 * laneW, midL + 2.5 * laneW };
    m_rowH = area.height() / rows;
    const double boxH = std::min(m_rowH - 14, 52.0);
    // Frames narrower than their lanes: the gaps between lanes carry the copy arrow.
    const double frameW = std::clamp(laneW * 0.66, std::min(laneW - 8, 104.0), 200.0);

    std::map<Pfn, int> sides; // bit per side mapping the frame in this window
    std::map<Pfn, int> firstRow;
    for (int i = 0; i < rows; ++i) {
        Row r;
        r.va = firstVa + std::uint64_t(i) * page;
        const double yc = area.top() + (i + 0.5) * m_rowH;
        for (int s = 0; s < 2; ++s) {
            r.entry[static_cast<std::size_t>(s)] = readEntry(m, pids[static_cast<std::size_t>(s)], r.va);
            const double x = s == 0 ? area.left() : area.right() - ew;
            r.rect[static_cast<std::size_t>(s)] = QRectF(x, yc - boxH / 2, ew, boxH);
            const CowEntry& e = r.entry[static_cast<std::size_t>(s)];
            if (!e.present) continue;
            sides[e.pfn] |= 1 << s;
            if (!firstRow.count(e.pfn)) firstRow[e.pfn] = i;
        }
        m_rows.push_back(r);
    }

    // Frames: shared ones in the middle lane, a process's own in the lane on its side,
    // each in the row of its first entry (or the nearest free row of its lane).
    std::vector<std::array<bool, 3>> taken(static_cast<std::size_t>(rows), { false, false, false });
    const auto place = [&](Pfn pfn, int lane, int row, bool inFlight) {
        int at = -1;
        for (int d = 0; d < rows && at < 0; ++d)
            for (int cand : { row + d, row - d })
                if (cand >= 0 && cand < rows
                    && !taken[static_cast<std::size_t>(cand)][static_cast<std::size_t>(lane)]) {
                    at = cand;
                    break;
                }
        if (at < 0) at = row;
        taken[static_cast<std::size_t>(at)][static_cast<std::size_t>(lane)] = true;
        CowFrame f;
        f.pfn = pfn;
        f.lane = lane;
        f.row = at;
        f.inFlight = inFlight;
        f.empty = inFlight && !fault.copied;
        f.zero = pfn == m.zeroPfn;
        if (pfn < m.frames.size()) {
            const Pfn head = m.frames.headOf(pfn);
            f.state = m.frames.state(head);
            f.mapcount = m.frames.count(head);
            f.owner = f.state == FrameState::Anon ? m.frames.priv(head) : 0;
        }
        const double yc = area.top() + (at + 0.5) * m_rowH;
        f.rect = QRectF(m_laneX[static_cast<std::size_t>(lane)] - frameW / 2, yc - boxH / 2, frameW, boxH);
        m_frames.push_back(f);
    };
    std::vector<std::pair<int, Pfn>> order;
    for (const auto& [pfn, row] : firstRow) order.emplace_back(row, pfn);
    std::sort(order.begin(), order.end());
    for (const auto& [row, pfn] : order) {
        const int mask = sides[pfn];
        place(pfn, mask == 3 ? 1 : (mask == 1 ? 0 : 2), row, false);
    }
    // The frame the fault in progress allocated, beside the writer until its entry points at it.
    if (fault.active && fault.newFrame && !fault.mapped && !frame(*fault.newFrame)
        && (fault.pid == pids[0] || fault.pid == pids[1])) {
        const int row = rowOf(fault.va);
        if (row >= 0) place(*fault.newFrame, fault.pid == pids[0] ? 0 : 2, row, true);
    }
}

const CowFrame* CowLayout::frame(Pfn pfn) const
{
    for (const CowFrame& f : m_frames)
        if (f.pfn == pfn) return &f;
    return nullptr;
}

int CowLayout::rowOf(std::uint64_t va) const
{
    if (m_rows.empty() || va < m_rows.front().va || !m_page) return -1;
    const std::uint64_t row = (va - m_rows.front().va) / m_page;
    return row < m_rows.size() ? static_cast<int>(row) : -1;
}

std::optional<Pfn> CowLayout::target(int side, int row) const
{
    if (row < 0 || static_cast<std::size_t>(row) >= m_rows.size() || side < 0 || side > 1) return std::nullopt;
    const CowEntry& e = m_rows[static_cast<std::size_t>(row)].entry[static_cast<std::size_t>(side)];
    if (!e.present) return std::nullopt;
    return e.pfn;
}

QPointF CowLayout::anchor(const CowFrame& f, int side) const
{
    return side == 0 ? QPointF(f.rect.left(), f.rect.center().y()) : QPointF(f.rect.right(), f.rect.center().y());
}

// ---------------------------------------------------------------------------------
// CowView

CowView::CowView(ViewContext* ctx, QWidget* parent)
    : QWidget(parent)
    , m_ctx(ctx)
    , m_pairLabel(new QLabel(this))
    , m_pairBox(new QComboBox(this))
{
    setAttribute(Qt::WA_OpaquePaintEvent);
    m_pairBox->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_pairLabel->setBuddy(m_pairBox);
    connect(m_pairBox, &QComboBox::activated, this, &CowView::onPairActivated);
    connect(m_ctx, &ViewContext::stateChanged, this, &CowView::onStateChanged);
    connect(m_ctx, &ViewContext::progressChanged, this, qOverload<>(&QWidget::update));
    retranslate();
    syncSelector();
}

CowView::~CowView() = default;

QString CowView::emptyHint()
{
    return tr("No fork yet. Copy-on-write appears after fork(): spawn a program, let it write to some memory, "
              "then fork it. Parent and child then share every page until one of them writes.");
}

QFont CowView::textFont() const
{
    return Palette::viewFont(this);
}

QFont CowView::monoFont() const
{
    return Palette::monoFont(textFont());
}

std::vector<std::pair<std::uint32_t, std::uint32_t>> CowView::pairs() const
{
    std::vector<std::pair<std::uint32_t, std::uint32_t>> out;
    const Machine& m = m_ctx->machine();
    for (const auto& [pid, p] : m.procs)
        if (p.ppid != pid && m.proc(p.ppid)) out.emplace_back(p.ppid, pid);
    return out;
}

std::pair<std::uint32_t, std::uint32_t> CowView::pair() const
{
    ensureLayouts();
    return m_pair;
}

void CowView::choosePair(std::uint32_t parent, std::uint32_t child)
{
    m_following = false;
    m_pinned = { parent, child };
    syncSelector();
    invalidate();
}

void CowView::followEvents()
{
    m_following = true;
    m_pinned = {};
    syncSelector();
    invalidate();
}

std::uint64_t CowView::firstVa() const
{
    ensureLayouts();
    return m_firstVa;
}

int CowView::rowCount() const
{
    ensureLayouts();
    return m_rows;
}

const CowLayout& CowView::layoutBefore() const
{
    ensureLayouts();
    return m_before;
}

const CowLayout& CowView::layoutAfter() const
{
    ensureLayouts();
    return m_after;
}

std::optional<Pfn> CowView::lineTarget(int side, std::uint64_t va, bool after) const
{
    ensureLayouts();
    const CowLayout& l = after ? m_after : m_before;
    return l.target(side, l.rowOf(va));
}

bool CowView::isSharedFrame(Pfn pfn) const
{
    ensureLayouts();
    const CowFrame* f = m_after.frame(pfn);
    return f && f->shared();
}

bool CowView::isCowEntry(int side, std::uint64_t va) const
{
    ensureLayouts();
    const int row = m_after.rowOf(va);
    if (row < 0 || side < 0 || side > 1) return false;
    return m_after.rows()[static_cast<std::size_t>(row)].entry[static_cast<std::size_t>(side)].cow;
}

std::optional<Pfn> CowView::copyingTo() const
{
    const Event* e = m_ctx->currentEvent();
    ensureLayouts();
    if (!e || e->type != EventType::CowCopy || (e->pid != m_pair.first && e->pid != m_pair.second)) return std::nullopt;
    return e->b;
}

const CowFault& CowView::fault() const
{
    ensureLayouts();
    return m_fault;
}

void CowView::onStateChanged()
{
    syncSelector();
    invalidate();
}

void CowView::syncSelector() const
{
    // The selector is a child widget: keep it current now, not at the next paint.
    choose();
    rebuildPairList();
    placeHeader();
}

void CowView::onPairActivated(int index)
{
    const QVariant v = m_pairBox->itemData(index);
    if (!v.isValid() || v.toULongLong() == 0) {
        followEvents();
        return;
    }
    const std::uint64_t packed = v.toULongLong();
    choosePair(static_cast<std::uint32_t>(packed >> 32), static_cast<std::uint32_t>(packed & 0xFFFFFFFFu));
}

void CowView::invalidate()
{
    m_dirty = true;
    update();
}

void CowView::retranslate()
{
    m_pairLabel->setText(tr("&Processes:"));
    m_pairBox->setToolTip(tr("The parent and child whose page tables are compared. \"Follow\" switches to the "
                             "pair of each step as you play."));
    setAccessibleName(tr("Copy-on-write"));
    m_listed.clear(); // refill the selector with translated text
    invalidate();
}

void CowView::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    else if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange)
        invalidate();
    QWidget::changeEvent(event);
}

void CowView::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    invalidate();
}

QRectF CowView::headerRect() const
{
    const double h = std::max(m_pairBox->sizeHint().height(), m_pairLabel->sizeHint().height()) + 12;
    return QRectF(0, 0, width(), h);
}

QRectF CowView::captionRect() const
{
    return QRectF(kPad, height() - m_captionH - kPad, width() - 2 * kPad, m_captionH);
}

void CowView::placeHeader() const
{
    m_pairLabel->setFont(textFont());
    m_pairBox->setFont(textFont());
    m_pairLabel->adjustSize();
    m_pairBox->adjustSize();
    const int y = int(headerRect().center().y());
    m_pairLabel->move(kPad, y - m_pairLabel->height() / 2);
    m_pairBox->move(m_pairLabel->geometry().right() + 6, y - m_pairBox->height() / 2);
}

void CowView::rebuildPairList() const
{
    const Machine& m = m_ctx->machine();
    const auto all = pairs();
    auto* box = m_pairBox;
    const QSignalBlocker block(box);
    if (all != m_listed || box->count() != static_cast<int>(all.size()) + 1) {
        m_listed = all;
        box->clear();
        box->addItem(QString(), QVariant::fromValue<qulonglong>(0));
        for (const auto& [parent, child] : all)
            box->addItem(tr("%1 and its child %2").arg(procLabel(m, parent), procLabel(m, child)),
                QVariant::fromValue<qulonglong>((qulonglong(parent) << 32) | child));
    }
    box->setItemText(0,
        m_pair.first ? tr("Follow the current step (%1, %2)").arg(m_pair.first).arg(m_pair.second)
                     : tr("Follow the current step"));
    int current = 0;
    if (!m_following)
        current = std::max(
            0, box->findData(QVariant::fromValue<qulonglong>((qulonglong(m_pair.first) << 32) | m_pair.second)));
    box->setCurrentIndex(current);
    box->setEnabled(!all.empty());
}

void CowView::choose() const
{
    const Machine& m = m_ctx->machine();
    const auto all = pairs();
    const auto valid
        = [&](std::pair<std::uint32_t, std::uint32_t> p) { return std::find(all.begin(), all.end(), p) != all.end(); };
    std::pair<std::uint32_t, std::uint32_t> chosen {};
    if (!m_following && valid(m_pinned)) {
        chosen = m_pinned;
    } else {
        std::uint32_t pid = m.cpu.current;
        if (const Event* e = m_ctx->currentEvent(); e && e->pid && m.proc(e->pid)) pid = e->pid;
        if (const Process* p = m.proc(pid)) {
            if (valid({ p->ppid, pid }))
                chosen = { p->ppid, pid };
            else
                for (const auto& pr : all)
                    if (pr.first == pid) chosen = pr; // its newest child
        }
        if (!chosen.first && valid(m_pair)) chosen = m_pair;
        if (!chosen.first && !all.empty()) chosen = all.back();
    }
    if (chosen != m_pair) {
        m_pair = chosen;
        m_focus = 0;
    }
}

std::uint64_t CowView::defaultFocus() const
{
    // The first page both processes map in the parent's biggest private writable
    // region (the memory a COW demo writes to), else that region's start.
    const Machine& m = m_ctx->machine();
    const Process* parent = m.proc(m_pair.first);
    if (!parent) return 0;
    std::vector<const Vma*> vmas;
    for (const Vma& v : parent->mm.vmas)
        if ((v.prot & Prot::Write) && !v.shared() && !(v.flags & VmaFlag::Special)) vmas.push_back(&v);
    std::stable_sort(vmas.begin(), vmas.end(), [](const Vma* a, const Vma* b) { return a->size() > b->size(); });
    const std::uint64_t page = m.pageSize();
    for (const Vma* v : vmas) {
        int probes = 0;
        for (std::uint64_t va = v->start; va < v->end && probes < 512; va += page, ++probes)
            if (vm::translate(m, m_pair.first, va).ok && vm::translate(m, m_pair.second, va).ok) return va;
    }
    return vmas.empty() ? 0 : vmas.front()->start;
}

void CowView::ensureLayouts() const
{
    if (!m_dirty && m_generation == Palette::generation()) return;
    m_dirty = false;
    m_generation = Palette::generation();
    syncSelector();

    const Machine& m = m_ctx->machine();
    const std::array<std::uint32_t, 2> pids { m_pair.first, m_pair.second };
    const int leaf = static_cast<int>(m.config.arch.levels.size()) - 1;
    const Simulator* sim = m_ctx->simulator();
    const std::uint64_t n = m_ctx->cursor();
    m_fault = sim ? CowFault::at(sim->events(), n, pids, leaf) : CowFault {};
    m_faultBefore = sim && n > 0 ? CowFault::at(sim->events(), n - 1, pids, leaf) : CowFault {};

    // The page to show: the fault's, the step's, the last one, or a shared page.
    const Event* e = m_ctx->currentEvent();
    if (m_pair.first) {
        if (m_fault.va && (m_fault.pid == pids[0] || m_fault.pid == pids[1]))
            m_focus = m_fault.va;
        else if (e && (e->pid == pids[0] || e->pid == pids[1])
            && (e->type == EventType::TlbLookup || e->type == EventType::TlbFill || e->type == EventType::PageFault
                || e->type == EventType::CowCopy))
            m_focus = e->a;
        if (!m_focus) m_focus = defaultFocus();
    }

    // Geometry: header, column titles, rows, and a caption as tall as its text.
    const QFont tf = textFont();
    const QFontMetricsF fm(tf), fmb(Palette::bold(tf));
    m_captionTag.clear();
    m_captionTitle.clear();
    m_captionBody.clear();
    if (m_pair.first) {
        if (e) {
            m_captionTag = EventText::typeName(e->type) + u"  #"_s + QString::number(n);
            m_captionTitle = EventText::summary(m, *e);
        }
        m_captionBody = phaseText();
    }
    const double capW = std::max(100.0, double(width() - 2 * kPad - 24));
    const double tagW = m_captionTag.isEmpty() ? 0 : fmb.horizontalAdvance(m_captionTag) + 24;
    const double titleH = m_captionTitle.isEmpty()
        ? 0
        : fmb.boundingRect(QRectF(0, 0, std::max(50.0, capW - tagW), 1000), Qt::TextWordWrap, m_captionTitle).height();
    const double bodyH = fm.boundingRect(QRectF(0, 0, capW, 2000), Qt::TextWordWrap, m_captionBody).height();
    m_captionH = m_pair.first ? std::clamp(titleH + bodyH + 26, fm.lineSpacing() * 3 + 20, height() * 0.3) : 0;

    const QRectF head = headerRect();
    const double titles = 2 * fm.height() + 12;
    const double top = head.bottom() + kPad + titles;
    const double bottom = (m_captionH > 0 ? captionRect().top() : height()) - kPad;
    m_body = QRectF(kPad + 4, top, width() - 2 * kPad - 8, std::max(0.0, bottom - top));
    m_rows = std::clamp(int(m_body.height() / (2 * fm.height() + 16)), 3, 16);

    m_firstVa = windowStart(m_focus, m_rows);
    if (!m_pair.first) {
        m_before = CowLayout();
        m_after = CowLayout();
        return;
    }
    m_after = CowLayout(m, pids, m_firstVa, m_rows, m_fault, m_body);
    m_before = CowLayout(m_ctx->previousMachine(), pids, m_firstVa, m_rows, m_faultBefore, m_body);
}

std::uint64_t CowView::windowStart(std::uint64_t focus, int rows) const
{
    // Windows are aligned to their size from the start of the focus's VMA: stepping
    // through consecutive pages moves the window only when the page leaves it, so the
    // picture stays put; and a window never shows pages past the VMA's ends when the
    // VMA is long enough to fill it.
    const Machine& m = m_ctx->machine();
    const std::uint64_t page = m.pageSize();
    const std::uint64_t block = page * static_cast<std::uint64_t>(std::max(1, rows));
    const Vma* v = nullptr;
    for (std::uint32_t pid : { m_pair.first, m_pair.second })
        if (const Process* p = m.proc(pid); p && !v) v = p->mm.find(focus);
    if (!v) return focus / block * block;
    std::uint64_t first = v->start + (focus - v->start) / block * block;
    if (v->size() >= block && first + block > v->end) first = v->end - block;
    return first;
}

QString CowView::phaseText() const
{
    const Machine& m = m_ctx->machine();
    const auto other = [&](std::uint32_t pid) { return pid == m_pair.first ? m_pair.second : m_pair.first; };
    if (!m_fault.active && !m_fault.finished) {
        return tr("After fork() the parent and the child map the same frames. fork() made every private writable "
                  "page read-only in both page tables (the locks), so the first write by either process faults; "
                  "do_wp_page() then copies the page, or just makes it writable when no one else maps it.");
    }
    const std::uint32_t w = m_fault.pid;
    const QString va = hex(m_fault.va);
    switch (static_cast<FaultKind>(m_fault.kind)) {
    case FaultKind::CowCopy: {
        if (!m_fault.newFrame)
            return tr("Process %1 writes to %2, but its entry is read-only: page fault. The frame is shared, so "
                      "do_wp_page() cannot just make it writable: wp_page_copy() first allocates a new frame.")
                .arg(w)
                .arg(va);
        if (!m_fault.copied)
            return tr("Frame %1 is the new frame for process %2's private copy. Nobody maps it yet.")
                .arg(hex(*m_fault.newFrame))
                .arg(w);
        if (!m_fault.mapped)
            return tr("The page's %1 are copied from frame %2 into frame %3. Next the writer's entry is pointed "
                      "at the copy and made writable, and its stale TLB entry is flushed.")
                .arg(EventText::bytes(m.pageSize()), hex(*m_fault.oldFrame), hex(*m_fault.newFrame));
        const Pfn old = m_fault.oldFrame.value_or(0);
        const int left = old < m.frames.size() ? m.frames.count(old) : 0;
        return tr("Process %1 now writes to its own copy in frame %2. Process %3 keeps frame %4, whose mapcount "
                  "is now %5: when it writes, the kernel reuses the frame instead of copying it.")
            .arg(w)
            .arg(hex(*m_fault.newFrame))
            .arg(other(w))
            .arg(hex(old))
            .arg(left);
    }
    case FaultKind::CowReuse:
        return tr("Process %1 writes to %2. Its entry is read-only, but no one else maps the frame any more "
                  "(mapcount 1): wp_page_reuse() makes the entry writable in place. No copy, no new frame.")
            .arg(w)
            .arg(va);
    case FaultKind::ZeroPage:
        return tr("Process %1 reads untouched anonymous memory at %2: the entry maps the shared zero page, "
                  "read-only. A later write gets a zeroed frame of its own.")
            .arg(w)
            .arg(va);
    case FaultKind::Anon:
        return tr("Process %1 writes to untouched anonymous memory at %2: do_anonymous_page() gives the page a "
                  "zeroed frame of its own, writable. Nothing is shared, nothing is copied.")
            .arg(w)
            .arg(va);
    default:
        break;
    }
    if (const Event* e = m_ctx->currentEvent()) return EventText::explanation(m, *e);
    return {};
}

// --- painting ---------------------------------------------------------------------

void CowView::paintEvent(QPaintEvent*)
{
    ensureLayouts();
    {
        QPalette pal = m_pairLabel->palette();
        if (pal.color(QPalette::WindowText) != Palette::text()) {
            pal.setColor(QPalette::WindowText, Palette::text());
            m_pairLabel->setPalette(pal);
        }
    }
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.setRenderHint(QPainter::TextAntialiasing);
    p.fillRect(rect(), Palette::background());
    const QRectF head = headerRect();
    p.setPen(QPen(Palette::gridLine(), Palette::line(1)));
    p.drawLine(QPointF(0, head.bottom() - 0.5), QPointF(width(), head.bottom() - 0.5));

    const QFont tf = textFont();
    if (!m_pair.first) {
        p.setFont(tf);
        p.setPen(Palette::mutedText());
        const QRectF area = QRectF(rect()).adjusted(width() * 0.15, head.bottom(), -width() * 0.15, 0);
        p.drawText(area, Qt::AlignCenter | Qt::TextWordWrap, m_ctx->simulator() ? emptyHint() : tr("No machine yet."));
        return;
    }
    // The window, at the right of the header.
    const Machine& m = m_ctx->machine();
    const std::uint64_t last = m_firstVa + m.pageSize() * static_cast<std::uint64_t>(m_rows) - 1;
    const QString window = tr("virtual pages %1 – %2").arg(hex(m_firstVa), hex(last));
    const QRectF wr(m_pairBox->geometry().right() + 16, head.top(), head.right() - m_pairBox->geometry().right() - 24,
        head.height());
    p.setFont(tf);
    p.setPen(Palette::mutedText());
    p.drawText(wr, Qt::AlignRight | Qt::AlignVCenter, QFontMetricsF(tf).elidedText(window, Qt::ElideLeft, wr.width()));

    const double t = QEasingCurve(QEasingCurve::InOutCubic).valueForProgress(std::clamp(m_ctx->progress(), 0.0, 1.0));
    paintColumnTitles(p);
    paintLines(p, t);
    paintFrames(p, t);
    paintEntries(p, t);
    paintCopy(p, t);
    paintCaption(p);
}

void CowView::paintColumnTitles(QPainter& p) const
{
    const Machine& m = m_ctx->machine();
    const QFont tf = textFont();
    const QFontMetricsF fm(tf), fmb(Palette::bold(tf));
    const double y = headerRect().bottom() + kPad;
    const auto lanes = m_after.laneX();
    const CowLayout::Row* row0 = m_after.rows().empty() ? nullptr : &m_after.rows().front();
    if (!row0) return;
    const std::array<QRectF, 2> cols { QRectF(row0->rect[0].left(), y, row0->rect[0].width(), fm.height() * 2),
        QRectF(row0->rect[1].left(), y, row0->rect[1].width(), fm.height() * 2) };
    const std::array<std::uint32_t, 2> pids { m_pair.first, m_pair.second };
    const double laneW = lanes[1] - lanes[0];
    const QString names[3]
        = { tr("only %1").arg(m_pair.first), tr("shared by both"), tr("only %1").arg(m_pair.second) };
    for (int s = 0; s < 2; ++s) {
        QRectF r = cols[static_cast<std::size_t>(s)];
        const std::uint32_t pid = pids[static_cast<std::size_t>(s)];
        const Process* pr = m.proc(pid);
        const double dot = fm.height() * 0.6;
        QString title = s == 0 ? tr("%1 (parent)").arg(procLabel(m, pid)) : tr("%1 (child)").arg(procLabel(m, pid));
        if (pr && !pr->alive()) title += u" — "_s + tr("exited");
        // The titles may run on over the neighbouring lane, up to that lane's own title (large
        // text in presentation mode, or Chinese, would not fit over the entries alone).
        const double gap = fm.averageCharWidth() * 2;
        if (s == 0) {
            r.setRight(std::max(r.right(), lanes[0] - std::min(laneW - 4, fm.horizontalAdvance(names[0])) / 2 - gap));
        } else {
            const double need = std::max(dot + 6 + fmb.horizontalAdvance(title),
                fm.horizontalAdvance(tr("its page-table entries (PTEs)")));
            const double limit = lanes[2] + std::min(laneW - 4, fm.horizontalAdvance(names[2])) / 2 + gap;
            r.setLeft(std::min(r.left(), std::max(limit, r.right() - need)));
        }
        p.setPen(Qt::NoPen);
        p.setBrush(Palette::process(pid));
        p.drawEllipse(QRectF(r.left(), r.top() + (fm.height() - dot) / 2, dot, dot));
        p.setFont(Palette::bold(tf));
        p.setPen(Palette::text());
        p.drawText(QRectF(r.left() + dot + 6, r.top(), r.width() - dot - 6, fm.height()),
            Qt::AlignLeft | Qt::AlignVCenter, fmb.elidedText(title, Qt::ElideRight, r.width() - dot - 6));
        p.setFont(tf);
        p.setPen(Palette::mutedText());
        p.drawText(QRectF(r.left(), r.top() + fm.height(), r.width(), fm.height()), Qt::AlignLeft | Qt::AlignVCenter,
            fm.elidedText(tr("its page-table entries (PTEs)"), Qt::ElideRight, r.width()));
    }
    // Lanes: who maps the frames in each.
    p.setFont(Palette::bold(tf));
    p.setPen(Palette::text());
    p.drawText(QRectF(lanes[0] - laneW / 2, y, 3 * laneW, fm.height()), Qt::AlignCenter, tr("physical frames"));
    p.setFont(tf);
    p.setPen(Palette::mutedText());
    for (int l = 0; l < 3; ++l)
        p.drawText(QRectF(lanes[static_cast<std::size_t>(l)] - laneW / 2, y + fm.height(), laneW, fm.height()),
            Qt::AlignCenter, fm.elidedText(names[l], Qt::ElideRight, laneW - 4));
    // Faint lane bands.
    p.setPen(Qt::NoPen);
    for (int l = 0; l < 3; ++l) {
        const QColor band = l == 1
            ? Palette::tint(Palette::text(), 0.05)
            : Palette::tint(Palette::process(l == 0 ? m_pair.first : m_pair.second),
                Palette::theme() == Theme::Dark ? 0.08 : 0.06);
        p.setBrush(band);
        p.drawRoundedRect(QRectF(lanes[static_cast<std::size_t>(l)] - laneW / 2 + 3, m_body.top() - 2, laneW - 6,
                              m_body.height() + 4),
            6, 6);
    }
}

void CowView::paintLines(QPainter& p, double t) const
{
    const std::array<std::uint32_t, 2> pids { m_pair.first, m_pair.second };
    const auto& rowsA = m_after.rows();
    const auto& rowsB = m_before.rows();
    // Frames where they are drawn now, to route lines around the ones in their way.
    std::vector<std::pair<Pfn, QRectF>> boxes;
    for (const CowFrame& fa : m_after.frames()) {
        const CowFrame* fb = m_before.frame(fa.pfn);
        boxes.emplace_back(fa.pfn, fb ? lerp(fb->rect, fa.rect, t) : fa.rect);
    }
    for (std::size_t i = 0; i < rowsA.size(); ++i) {
        for (int s = 0; s < 2; ++s) {
            const auto b = m_before.target(s, static_cast<int>(i));
            const auto a = m_after.target(s, static_cast<int>(i));
            const CowFrame* fb = b ? m_before.frame(*b) : nullptr;
            const CowFrame* fa = a ? m_after.frame(*a) : nullptr;
            if (!fb && !fa) continue;
            const QRectF box = rowsA[i].rect[static_cast<std::size_t>(s)];
            const QPointF from
                = s == 0 ? QPointF(box.right(), box.center().y()) : QPointF(box.left(), box.center().y());
            QPointF to;
            double opacity = 1;
            if (fb && fa)
                to = lerp(m_before.anchor(*fb, s), m_after.anchor(*fa, s), t);
            else if (fa)
                to = m_after.anchor(*fa, s), opacity = t;
            else
                to = m_before.anchor(*fb, s), opacity = 1 - t;
            const Pfn target = fa ? fa->pfn : fb->pfn;
            const CowEntry& ea = rowsA[i].entry[static_cast<std::size_t>(s)];
            const CowEntry& eb = i < rowsB.size() ? rowsB[i].entry[static_cast<std::size_t>(s)] : ea;
            const bool writable = (t < 0.5 ? eb : ea).writable;
            const QColor c = Palette::process(pids[static_cast<std::size_t>(s)]);

            // A frame between the entry and its target (a copy in flight on the
            // writer's side) is passed underneath rather than crossed.
            const double lo = std::min(from.x(), to.x()), hi = std::max(from.x(), to.x());
            QRectF block;
            for (const auto& [pfn, r] : boxes)
                if (pfn != target && r.right() > lo + 2 && r.left() < hi - 2 && r.top() < std::max(from.y(), to.y())
                    && r.bottom() > std::min(from.y(), to.y()))
                    block = block.isNull() ? r : block.united(r);
            QPainterPath path(from);
            if (block.isNull()) {
                const double dx = (to.x() - from.x()) * 0.5;
                path.cubicTo(from + QPointF(dx, 0), to - QPointF(dx, 0), to);
            } else {
                const double under = block.bottom() + 7;
                const double dir = to.x() > from.x() ? 1 : -1;
                const QPointF in(dir > 0 ? block.left() - 4 : block.right() + 4, under);
                const QPointF out(dir > 0 ? block.right() + 4 : block.left() - 4, under);
                const double bend = 16;
                path.lineTo(in.x() - dir * 2 * bend, from.y());
                path.cubicTo(in.x() - dir * bend, from.y(), in.x() - dir * bend, under, in.x(), under);
                path.lineTo(out);
                path.cubicTo(
                    out.x() + dir * bend, under, out.x() + dir * bend, to.y(), out.x() + dir * 2 * bend, to.y());
                path.lineTo(to);
            }
            p.save();
            p.setOpacity(opacity);
            p.setPen(QPen(Palette::withAlpha(Palette::background(), 0.85), Palette::line(5.5)));
            p.setBrush(Qt::NoBrush);
            p.drawPath(path);
            p.setPen(QPen(c, Palette::line(2.5), writable ? Qt::SolidLine : Qt::DashLine, Qt::RoundCap));
            p.drawPath(path);
            // Arrowhead at the frame.
            const QPointF dir(s == 0 ? 1 : -1, 0);
            QPolygonF head;
            head << to << to - dir * 9 + QPointF(0, 4.5) << to - dir * 9 - QPointF(0, 4.5);
            p.setPen(Qt::NoPen);
            p.setBrush(c);
            p.drawPolygon(head);
            p.restore();
        }
    }
}

void CowView::paintFrames(QPainter& p, double t) const
{
    const QFont tf = textFont();
    const QFontMetricsF fm(tf), fmb(Palette::bold(tf));
    // The second line (mapcount, "zero page") in the entries' smaller font.
    QFont small = tf;
    small.setPointSizeF(std::max(9.5, tf.pointSizeF() * 0.9));
    const QFontMetricsF sfm(small);
    const Event* e = m_ctx->currentEvent();
    const auto fill = [](const CowFrame& f) {
        if (f.zero) return Palette::zeroPage();
        switch (f.state) {
        case FrameState::Anon:
            return Palette::process(f.owner);
        case FrameState::File:
            return Palette::pageCache(f.mapcount > 0);
        default:
            break;
        }
        return Palette::frame(ZoneType::Normal, f.state == FrameState::Tail ? FrameState::Kernel : f.state);
    };
    const auto draw
        = [&](const CowFrame& f, const QRectF& r, double opacity, int mapcount, bool inFlight, double filled) {
              p.save();
              p.setOpacity(opacity);
              // A frame for a copy starts empty (zeroed) and fills as the bytes arrive.
              const QColor full = fill(f);
              const QColor c = filled >= 1 ? full : Palette::background();
              const bool shared = f.zero || mapcount >= 2;
              // Shared frames: a second ring (the lane title says "shared"). In-flight frames: dashed.
              if (shared) {
                  p.setPen(QPen(Palette::text(), Palette::line(2)));
                  p.setBrush(Qt::NoBrush);
                  p.drawRoundedRect(r.adjusted(-4, -4, 4, 4), 8, 8);
              }
              QPen border(inFlight ? Palette::text() : c.darker(140), Palette::line(inFlight ? 2 : 1.5));
              if (inFlight) border.setStyle(Qt::DashLine);
              p.setPen(border);
              p.setBrush(c);
              p.drawRoundedRect(r, 6, 6);
              if (filled > 0 && filled < 1) {
                  p.save();
                  p.setClipRect(QRectF(r.left(), r.top(), r.width() * filled, r.height()));
                  p.setBrush(full);
                  p.drawRoundedRect(r, 6, 6);
                  p.restore();
              }
              const QRectF inner = r.adjusted(6, 2, -6, -2);
              const bool two = inner.height() >= fmb.height() + sfm.height() - 2;
              QString top = tr("pfn %1").arg(hex(f.pfn));
              if (fmb.horizontalAdvance(top) > inner.width()) top = hex(f.pfn); // narrow: the number alone
              // Still too wide (a big machine's frame numbers in a narrow window): a smaller
              // font rather than an elided number, which would say nothing.
              QFont topFont = Palette::bold(tf);
              for (int step = 0; step < 12 && QFontMetricsF(topFont).horizontalAdvance(top) > inner.width(); ++step) {
                  if (topFont.pixelSize() > 0)
                      topFont.setPixelSize(std::max(7, topFont.pixelSize() - 1));
                  else
                      topFont.setPointSizeF(std::max(5.5, topFont.pointSizeF() - 0.5));
              }
              const QFontMetricsF tfm(topFont);
              QString bottom;
              if (f.zero)
                  bottom = tr("zero page");
              else if (inFlight)
                  bottom = filled >= 1 ? tr("copy, unmapped") : (filled > 0 ? tr("copying…") : tr("new, empty"));
              else if (f.state == FrameState::Anon || f.state == FrameState::File)
                  bottom = sfm.horizontalAdvance(tr("mapcount %1").arg(mapcount)) <= inner.width()
                      ? tr("mapcount %1").arg(mapcount)
                      : tr("map %1", "short for mapcount").arg(mapcount);
              else
                  bottom = EventText::frameStateName(f.state);
              // The text in the ink of what is under it: the filled part and the empty part.
              const double split = r.left() + r.width() * std::clamp(filled, 0.0, 1.0);
              for (const bool onFill : { true, false }) {
                  const QRectF clip = onFill ? QRectF(r.left(), r.top(), split - r.left(), r.height())
                                             : QRectF(split, r.top(), r.right() - split, r.height());
                  if (clip.width() <= 0) continue;
                  p.save();
                  p.setClipRect(clip);
                  p.setPen(Palette::textOn(onFill ? full : c));
                  p.setFont(topFont);
                  if (two) {
                      const double y0 = inner.center().y() - (tfm.height() + sfm.height()) / 2;
                      p.drawText(QRectF(inner.left(), y0, inner.width(), tfm.height()), Qt::AlignCenter,
                          tfm.elidedText(top, Qt::ElideRight, inner.width()));
                      p.setFont(small);
                      p.drawText(QRectF(inner.left(), y0 + tfm.height(), inner.width(), sfm.height()), Qt::AlignCenter,
                          sfm.elidedText(bottom, Qt::ElideRight, inner.width()));
                  } else {
                      p.drawText(inner, Qt::AlignCenter, tfm.elidedText(top, Qt::ElideRight, inner.width()));
                  }
                  p.restore();
              }
              p.restore();
          };
    const bool newFrameStep = e && e->type == EventType::FrameOwner;
    for (const CowFrame& fa : m_after.frames()) {
        const CowFrame* fb = m_before.frame(fa.pfn);
        const QRectF r = fb ? lerp(fb->rect, fa.rect, t) : fa.rect;
        const int count = fb && t < 0.5 ? fb->mapcount : fa.mapcount;
        double opacity = 1;
        QRectF shown = r;
        if (!fb) {
            // A frame joining the picture: grows in (a new frame) or fades in (first mapped here).
            opacity = t;
            if (newFrameStep && e->pfn == fa.pfn) {
                const double k = 0.6 + 0.4 * t;
                shown = QRectF(r.center().x() - r.width() * k / 2, r.center().y() - r.height() * k / 2, r.width() * k,
                    r.height() * k);
            }
        }
        const double filled = (fb ? (fb->empty ? 0.0 : 1.0) * (1 - t) : 0.0) + (fa.empty ? 0.0 : 1.0) * (fb ? t : 1.0);
        draw(fa, shown, opacity, count, fb && t < 0.5 ? fb->inFlight : fa.inFlight, filled);
        if (newFrameStep && e->pfn == fa.pfn) {
            p.save();
            p.setPen(QPen(Palette::highlight(), Palette::line(3)));
            p.setBrush(Qt::NoBrush);
            const double grow = (1 - t) * (1 - t) * 30;
            p.drawRoundedRect(shown.adjusted(-5 - grow, -5 - grow, 5 + grow, 5 + grow), 8, 8);
            p.restore();
        }
    }
    for (const CowFrame& fb : m_before.frames())
        if (!m_after.frame(fb.pfn)) draw(fb, fb.rect, 1 - t, fb.mapcount, fb.inFlight, fb.empty ? 0.0 : 1.0);
}

void CowView::paintLock(QPainter& p, const QRectF& r, const QColor& c, double open) const
{
    // A padlock in r: body below, shackle above; `open` lifts and swings the shackle.
    const double w = r.width(), h = r.height();
    const QRectF body(r.left(), r.top() + h * 0.45, w, h * 0.55);
    const double sw = w * 0.62;
    const double lift = open * h * 0.22;
    QRectF shackle(r.center().x() - sw / 2, r.top() - lift, sw, h * 0.9);
    p.save();
    p.setPen(QPen(c, std::max(Palette::line(1.6), w * 0.14), Qt::SolidLine, Qt::RoundCap));
    p.setBrush(Qt::NoBrush);
    QPainterPath arc;
    arc.moveTo(shackle.left(), body.top());
    arc.lineTo(shackle.left(), shackle.top() + sw / 2);
    arc.arcTo(QRectF(shackle.left(), shackle.top(), sw, sw), 180, -180);
    arc.lineTo(shackle.right(), shackle.top() + sw / 2 + (body.top() - shackle.top() - sw / 2) * (1 - open));
    p.drawPath(arc);
    p.setPen(Qt::NoPen);
    p.setBrush(c);
    p.drawRoundedRect(body, 2, 2);
    p.restore();
}

void CowView::paintEntries(QPainter& p, double t) const
{
    const QFont tf = textFont(), mf = monoFont();
    const QFontMetricsF fm(tf), mfm(mf);
    const Event* e = m_ctx->currentEvent();
    const std::array<std::uint32_t, 2> pids { m_pair.first, m_pair.second };
    const auto& rowsA = m_after.rows();
    const auto& rowsB = m_before.rows();
    const double pulse = t < 1.0 ? 0.5 - 0.5 * std::cos(t * 2 * std::numbers::pi * 2) : 1.0;
    QFont small = tf;
    small.setPointSizeF(std::max(9.5, tf.pointSizeF() * 0.9));
    const QFontMetricsF sfm(small);
    for (std::size_t i = 0; i < rowsA.size(); ++i) {
        for (int s = 0; s < 2; ++s) {
            const auto si = static_cast<std::size_t>(s);
            const CowEntry& a = rowsA[i].entry[si];
            const CowEntry& b = i < rowsB.size() ? rowsB[i].entry[si] : a;
            const CowEntry& shown = t < 0.5 ? b : a;
            const QRectF r = rowsA[i].rect[si];
            const QColor hue = Palette::process(pids[si]);
            // Box: tinted by the process when the entry maps something, dashed when not.
            QPen border(shown.present ? hue : Palette::gridLine(), Palette::line(shown.present ? 1.5 : 1.2));
            if (!shown.present) border.setStyle(Qt::DashLine);
            p.setPen(border);
            p.setBrush(shown.present
                    ? Palette::tint(hue, Palette::theme() == Theme::Dark ? 0.16 : 0.10)
                    : Palette::background());
            p.drawRoundedRect(r, 6, 6);
            const QRectF inner = r.adjusted(8, 2, -8, -2);
            const bool two = inner.height() >= fm.height() + sfm.height();
            const double lockW = std::min(inner.height() * 0.55, fm.height() * 1.0);
            const double textW = inner.width() - lockW - 10;
            p.setFont(mf);
            p.setPen(shown.inVma || shown.present ? Palette::text() : Palette::mutedText());
            const QRectF line1(inner.left(), two ? inner.center().y() - mfm.height() : inner.top(), textW,
                two ? mfm.height() : inner.height());
            p.drawText(line1, Qt::AlignLeft | Qt::AlignVCenter, mfm.elidedText(hex(rowsA[i].va), Qt::ElideLeft, textW));
            QString state;
            if (!shown.inVma && !shown.present)
                state = tr("no VMA here");
            else if (!shown.present)
                state = tr("not present");
            else if (shown.zero)
                state = tr("read-only · zero page");
            else if (shown.cow)
                state = tr("read-only · COW");
            else if (shown.writable)
                state = tr("writable");
            else
                state = tr("read-only");
            if (two) {
                p.setFont(small);
                p.setPen(shown.cow ? hotText() : Palette::mutedText());
                p.drawText(QRectF(inner.left(), inner.center().y(), textW, sfm.height()),
                    Qt::AlignLeft | Qt::AlignVCenter, sfm.elidedText(state, Qt::ElideRight, textW));
            }
            // Lock: closed on read-only entries; on the step that makes one writable it
            // opens and fades into "RW" (and the other way round).
            const bool wasLocked = b.present && !b.writable, isLocked = a.present && !a.writable;
            const bool unlocking = wasLocked && !isLocked, locking = !wasLocked && isLocked;
            const double lockOpacity = unlocking ? std::clamp((1 - t) / 0.4, 0.0, 1.0)
                : locking                        ? std::clamp(t / 0.4, 0.0, 1.0)
                : isLocked                       ? 1.0
                                                 : 0.0;
            if (lockOpacity > 0) {
                const double open = unlocking ? std::min(1.0, 2 * t) : (locking ? std::max(0.0, 1 - 2 * t) : 0.0);
                const QRectF lr(inner.right() - lockW, inner.center().y() - lockW * 0.55, lockW * 0.8, lockW * 1.05);
                const QColor lc = (t < 0.5 ? b.cow : a.cow) ? hotText() : Palette::mutedText();
                p.setOpacity(lockOpacity);
                paintLock(p, lr, lc, open);
                p.setOpacity(1);
            }
            double rwOpacity = 0;
            if (a.present && a.writable)
                rwOpacity = b.present && b.writable ? 1.0 : t;
            else if (b.present && b.writable)
                rwOpacity = 1 - t;
            if (rwOpacity > 0.01) {
                p.setOpacity(rwOpacity);
                p.setFont(Palette::bold(small));
                p.setPen(Palette::theme() == Theme::Dark ? hue.lighter(120) : hue.darker(140));
                p.drawText(QRectF(inner.right() - lockW - 14, inner.top(), lockW + 14, inner.height()),
                    Qt::AlignRight | Qt::AlignVCenter, tr("RW", "writable entry"));
                p.setOpacity(1);
            }

            // The writer of a fault in progress: outlined; pulsing on the fault and PTE steps themselves.
            const bool writer = m_fault.active && m_fault.pid == pids[si] && m_after.rowOf(m_fault.va) == int(i);
            const bool stepHere = e && e->pid == pids[si]
                && ((e->type == EventType::PageFault && m_after.rowOf(e->a) == int(i))
                    || (e->type == EventType::PteSet && writer));
            if (writer || stepHere) {
                const QColor hl = Palette::highlight();
                p.setBrush(Qt::NoBrush);
                p.setPen(QPen(Palette::withAlpha(Palette::background(), 0.9), Palette::line(6)));
                p.drawRoundedRect(r.adjusted(-3, -3, 3, 3), 8, 8);
                p.setPen(QPen(Palette::withAlpha(hl, stepHere ? 0.55 + 0.45 * pulse : 0.9),
                    Palette::line(stepHere ? 3 + 1.5 * (1 - pulse) : 2.5)));
                p.drawRoundedRect(r.adjusted(-3, -3, 3, 3), 8, 8);
                // "write" on the outer side of the box.
                const QString w = m_fault.kind == int(FaultKind::ZeroPage) ? tr("read") : tr("write");
                p.setFont(Palette::bold(small));
                const double ww = sfm.horizontalAdvance(w) + 12;
                const QRectF tag(s == 0 ? r.left() : r.right() - ww, r.top() - sfm.height() * 0.75, ww, sfm.height());
                p.setPen(Qt::NoPen);
                p.setBrush(hl);
                p.drawRoundedRect(tag, 4, 4);
                p.setPen(Qt::white);
                p.drawText(tag, Qt::AlignCenter, w);
            }
        }
    }
}

void CowView::paintCopy(QPainter& p, double t) const
{
    const Event* e = m_ctx->currentEvent();
    if (!e || e->type != EventType::CowCopy || (e->pid != m_pair.first && e->pid != m_pair.second)) return;
    const CowFrame* to = m_after.frame(e->b);
    const CowFrame* from = m_after.frame(e->pfn);
    if (!to || !from) return; // the new frame fills up by itself (paintFrames)
    const bool zero = e->flags & EventFlag::ZeroFill;
    const QColor hl = Palette::highlight();
    const QFont tf = textFont();
    const QFontMetricsF fm(Palette::bold(tf));
    // An arrow across the gap from the source frame to the new one, in the upper half
    // of the row (lines to frames run along the middle), with the page sliding along it.
    const bool right = to->rect.center().x() > from->rect.center().x();
    const double y = from->rect.center().y() - from->rect.height() * 0.22;
    const QPointF a(right ? from->rect.right() + 3 : from->rect.left() - 3, y);
    const QPointF b(right ? to->rect.left() - 3 : to->rect.right() + 3, y);
    const QPointF dir(right ? 1 : -1, 0);
    p.save();
    p.setPen(QPen(Palette::withAlpha(Palette::background(), 0.9), Palette::line(6)));
    p.drawLine(a, b);
    p.setPen(QPen(hl, Palette::line(3), Qt::SolidLine, Qt::FlatCap));
    p.drawLine(a, b - dir * 6);
    QPolygonF head;
    head << b << b - dir * 9 + QPointF(0, 5.5) << b - dir * 9 - QPointF(0, 5.5);
    p.setPen(Qt::NoPen);
    p.setBrush(hl);
    p.drawPolygon(head);
    // The page: a small sheet with lines of bytes, riding on the arrow.
    const double ph = std::min(from->rect.height() * 0.5, 26.0), pw = ph * 0.78;
    const QPointF c = lerp(a + dir * (pw / 2), b - dir * (pw / 2 + 6), t);
    const QRectF sheet(c.x() - pw / 2, c.y() - ph / 2, pw, ph);
    p.setPen(QPen(hl.darker(120), Palette::line(1.5)));
    p.setBrush(Palette::background());
    p.drawRect(sheet);
    p.setPen(QPen(Palette::withAlpha(Palette::text(), 0.6), Palette::line(1)));
    for (int k = 1; k <= 3; ++k) {
        const double ly = sheet.top() + sheet.height() * k / 4.0;
        p.drawLine(QPointF(sheet.left() + 2.5, ly), QPointF(sheet.right() - 2.5 - (k % 2) * pw * 0.25, ly));
    }
    // What happens, above the arrow.
    const QString label = zero ? tr("zero-fill") : tr("copy");
    const double lw = fm.horizontalAdvance(label) + 10;
    const QRectF lr(lerp(a, b, 0.5).x() - lw / 2, sheet.top() - fm.height() - 2, lw, fm.height());
    p.setPen(Qt::NoPen);
    p.setBrush(Palette::withAlpha(Palette::background(), 0.85));
    p.drawRoundedRect(lr, 3, 3);
    p.setFont(Palette::bold(tf));
    p.setPen(hotText());
    p.drawText(lr, Qt::AlignCenter, label);
    p.restore();
}

void CowView::paintCaption(QPainter& p) const
{
    if (m_captionH <= 0) return;
    const QRectF r = captionRect();
    const QFont tf = textFont();
    const QFont tb = Palette::bold(tf);
    p.setPen(QPen(Palette::gridLine(), Palette::line(1)));
    p.setBrush(Palette::tint(Palette::text(), Palette::theme() == Theme::Dark ? 0.07 : 0.035));
    p.drawRoundedRect(r.adjusted(0.5, 0.5, -0.5, -0.5), 8, 8);
    const QRectF inner = r.adjusted(12, 8, -12, -8);
    double x = inner.left();
    const QFontMetricsF bfm(tb);
    if (!m_captionTag.isEmpty()) {
        const QRectF tag(x, inner.top(), bfm.horizontalAdvance(m_captionTag) + 14, bfm.height() + 4);
        p.setPen(Qt::NoPen);
        p.setBrush(Palette::highlight());
        p.drawRoundedRect(tag, 4, 4);
        p.setFont(tb);
        p.setPen(Qt::white);
        p.drawText(tag, Qt::AlignCenter, m_captionTag);
        x = tag.right() + 10;
    }
    double bodyTop = inner.top();
    if (!m_captionTitle.isEmpty()) {
        p.setFont(tb);
        p.setPen(Palette::text());
        const QRectF titleRect(x, inner.top() + 2, inner.right() - x, inner.height());
        const QRectF used = p.boundingRect(titleRect, Qt::TextWordWrap, m_captionTitle);
        p.drawText(titleRect, Qt::TextWordWrap, m_captionTitle);
        bodyTop = std::max(used.bottom(), inner.top() + bfm.height() + 4) + 4;
    }
    p.setFont(tf);
    p.setPen(Palette::text());
    p.drawText(QRectF(inner.left(), bodyTop, inner.width(), inner.bottom() - bodyTop), Qt::TextWordWrap, m_captionBody);
}

} // namespace memviz
