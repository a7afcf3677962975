#include "PressurePanel.h"

#include "ErrorText.h"
#include "Session.h"
#include "ViewContext.h"

#include "sim/Simulator.h"
#include "sim/Sysctl.h"
#include "util/Size.h"
#include "vm/VmOps.h"

#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSlider>
#include <QSpinBox>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace memviz {

namespace {

constexpr int kMaxHogs = 6;
constexpr std::uint64_t kEventsToAnimate = 3000; ///< bigger changes jump to their end

bool isHog(const Machine& m, const Process& p) { return p.alive() && m.str(p.comm).rfind("hog", 0) == 0; }

/// Pages of [base, base + size) are touched as a prefix: the first page neither present nor swapped ends it.
std::uint64_t touchedPrefix(const Machine& m, std::uint32_t pid, std::uint64_t base, std::uint64_t size)
{
    const std::uint64_t page = m.pageSize();
    auto used = [&](std::uint64_t i) {
        const vm::WalkResult w = vm::translate(m, pid, base + i * page);
        // Present, or a swap entry in the last-level entry.
        return w.ok || (w.steps.size() == m.config.arch.levels.size() && w.steps.back().entry != 0);
    };
    std::uint64_t lo = 0, hi = size / page; // answer in [lo, hi]
    while (lo < hi) {
        const std::uint64_t mid = (lo + hi) / 2;
        if (used(mid))
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo * page;
}

} // namespace

std::vector<PressurePanel::Hog> PressurePanel::hogsOf(const Machine& m)
{
    std::vector<Hog> out;
    for (const auto& [pid, p] : m.procs) {
        if (!isHog(m, p)) continue;
        Hog h;
        h.pid = pid;
        for (const Vma& v : p.mm.vmas)
            if (v.anon() && !v.shared() && !(v.flags & (VmaFlag::Heap | VmaFlag::Stack | VmaFlag::Special))
                && v.size() > h.size) {
                h.base = v.start;
                h.size = v.size();
            }
        // The working set is the prefix of the biggest region, holes re-mapped right after it included.
        if (h.size) {
            std::uint64_t end = h.base + h.size;
            for (const Vma& v : p.mm.vmas)
                if (v.start == end && v.anon()) end = v.end;
            h.size = end - h.base;
            h.touched = touchedPrefix(m, pid, h.base, h.size);
        }
        out.push_back(h);
    }
    return out;
}

PressurePanel::PressurePanel(Session* session, ViewContext* ctx, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_ctx(ctx)
{
    setObjectName(QStringLiteral("pressurePanel"));
    auto* outer = new QVBoxLayout(this);
    m_title = new QLabel(this);
    QFont tf = m_title->font();
    tf.setBold(true);
    m_title->setFont(tf);
    outer->addWidget(m_title);
    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setRowWrapPolicy(QFormLayout::WrapAllRows); // a narrow dock: each label above its control
    outer->addLayout(form);

    auto sliderRow = [&](QLabel*& label, QSlider*& slider, QLabel*& value, int lo, int hi, int step) {
        label = new QLabel(this);
        slider = new QSlider(Qt::Horizontal, this);
        slider->setRange(lo, hi);
        slider->setSingleStep(step);
        slider->setPageStep(step * 4);
        value = new QLabel(this);
        value->setMinimumWidth(fontMetrics().horizontalAdvance(QStringLiteral("0000 MiB")));
        auto* row = new QHBoxLayout;
        row->addWidget(slider, 1);
        row->addWidget(value);
        form->addRow(label, row);
        label->setBuddy(slider);
    };
    sliderRow(m_hogsLabel, m_hogs, m_hogsValue, 0, kMaxHogs, 1);
    m_hogs->setPageStep(1);
    m_hogs->setTickPosition(QSlider::TicksBelow);
    sliderRow(m_wsLabel, m_ws, m_wsValue, 0, 1024, 16);
    m_runLabel = new QLabel(this);
    m_seconds = new QSpinBox(this);
    m_seconds->setRange(1, 30);
    m_seconds->setValue(3);
    m_run = new QPushButton(this);
    auto* runRow = new QHBoxLayout;
    runRow->addWidget(m_seconds);
    runRow->addWidget(m_run, 1);
    form->addRow(m_runLabel, runRow);
    sliderRow(m_swappinessLabel, m_swappiness, m_swappinessValue, 0, 200, 10);

    m_overcommitLabel = new QLabel(this);
    m_overcommit = new QComboBox(this);
    m_overcommit->addItems({ QStringLiteral("0"), QStringLiteral("1"), QStringLiteral("2") });
    form->addRow(m_overcommitLabel, m_overcommit);
    m_panicLabel = new QLabel(this);
    m_panic = new QComboBox(this);
    m_panic->addItems({ QStringLiteral("0"), QStringLiteral("1"), QStringLiteral("2") });
    form->addRow(m_panicLabel, m_panic);
    m_thpLabel = new QLabel(this);
    m_thp = new QComboBox(this);
    m_thp->addItems({ QStringLiteral("always"), QStringLiteral("madvise"), QStringLiteral("never") });
    form->addRow(m_thpLabel, m_thp);

    m_swapLabel = new QLabel(this);
    m_swapSize = new QComboBox(this);
    for (const char* s : { "64M", "256M", "512M", "1G", "2G", "4G" }) m_swapSize->addItem(QString::fromLatin1(s));
    m_swapSize->setCurrentIndex(2);
    m_addSwap = new QPushButton(this);
    auto* swapRow = new QHBoxLayout;
    swapRow->addWidget(m_swapSize);
    swapRow->addWidget(m_addSwap, 1);
    form->addRow(m_swapLabel, swapRow);

    m_ramLabel = new QLabel(this);
    m_ram = new QComboBox(this);
    for (const char* s : { "128M", "256M", "512M", "1G", "2G", "4G", "8G" }) m_ram->addItem(QString::fromLatin1(s));
    m_ram->setCurrentIndex(1);
    m_newMachine = new QPushButton(this);
    auto* ramRow = new QHBoxLayout;
    ramRow->addWidget(m_ram);
    ramRow->addWidget(m_newMachine, 1);
    form->addRow(m_ramLabel, ramRow);

    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    outer->addWidget(m_summary);
    outer->addStretch(1);

    // Dragging applies what the slider says at most ten times a second.
    m_apply = new QTimer(this);
    m_apply->setSingleShot(true);
    m_apply->setInterval(100);
    connect(m_apply, &QTimer::timeout, this, &PressurePanel::applyHogs);
    for (QSlider* s : { m_hogs, m_ws })
        connect(s, &QSlider::valueChanged, this, [this, s] {
            // A working set needs someone to touch it: the first drag brings one hog.
            if (!m_syncing && s == m_ws && m_ws->value() > 0 && m_hogs->value() == 0) {
                m_syncing = true;
                m_hogs->setValue(1);
                m_syncing = false;
            }
            updateLabels();
            if (!m_syncing) m_apply->start();
        });
    connect(m_swappiness, &QSlider::valueChanged, this, [this](int v) {
        updateLabels();
        if (!m_syncing && !m_swappiness->isSliderDown()) applySysctl("vm.swappiness", static_cast<std::uint64_t>(v));
    });
    connect(m_swappiness, &QSlider::sliderReleased, this,
        [this] { applySysctl("vm.swappiness", static_cast<std::uint64_t>(m_swappiness->value())); });
    connect(m_run, &QPushButton::clicked, this, [this] { runFor(m_seconds->value()); });
    connect(m_overcommit, &QComboBox::activated, this,
        [this](int i) { applySysctl("vm.overcommit_memory", static_cast<std::uint64_t>(i)); });
    connect(m_panic, &QComboBox::activated, this,
        [this](int i) { applySysctl("vm.panic_on_oom", static_cast<std::uint64_t>(i)); });
    connect(m_thp, &QComboBox::activated, this,
        [this](int i) { applySysctl("kernel.mm.transparent_hugepage.enabled", static_cast<std::uint64_t>(i)); });
    connect(m_addSwap, &QPushButton::clicked, this, &PressurePanel::addSwap);
    connect(m_newMachine, &QPushButton::clicked, this, [this] {
        const auto ram = parseSize(m_ram->currentText().toStdString());
        const std::uint64_t swap = m_ctx->simulator() ? m_ctx->simulator()->config().swapBytes : 0;
        emit newMachineRequested(ram.value_or(256 * MiB), swap);
    });
    auto* resync = new QTimer(this);
    resync->setSingleShot(true);
    resync->setInterval(150);
    connect(resync, &QTimer::timeout, this, &PressurePanel::sync);
    connect(ctx, &ViewContext::stateChanged, resync, qOverload<>(&QTimer::start));
    connect(session, &Session::runChanged, this, [this] { m_ownAnimation = false; });
    retranslate();
    sync();
}

void PressurePanel::changeEvent(QEvent* e)
{
    if (e->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(e);
}

void PressurePanel::retranslate()
{
    m_title->setText(tr("Memory pressure"));
    m_hogsLabel->setText(tr("&Hog processes:"));
    m_hogs->setToolTip(tr("How many \"hog\" processes run; each keeps its working set touched"));
    m_wsLabel->setText(tr("&Working set each:"));
    m_ws->setToolTip(tr("Memory each hog has touched (written); dragging right makes it touch more pages"));
    m_runLabel->setText(tr("Let them work:"));
    m_seconds->setSuffix(tr(" rounds"));
    m_run->setText(tr("Run"));
    m_run->setToolTip(tr("In each round every hog touches its whole working set again, then a second passes; "
                         "when the working sets do not fit in RAM together, a round takes much longer: thrashing"));
    m_swappinessLabel->setText(tr("&Swappiness:"));
    m_swappiness->setToolTip(tr("vm.swappiness: 0 reclaims page cache first, 200 prefers swapping anonymous pages"));
    m_overcommitLabel->setText(tr("Overcommit:"));
    m_overcommit->setToolTip(tr("vm.overcommit_memory: 0 heuristic, 1 always, 2 never (ENOMEM beyond CommitLimit)"));
    m_panicLabel->setText(tr("Panic on OOM:"));
    m_panic->setToolTip(tr("vm.panic_on_oom: 0 kills a process, 1 and 2 stop the machine with a kernel panic"));
    m_thpLabel->setText(tr("THP:"));
    m_thp->setToolTip(tr("/sys/kernel/mm/transparent_hugepage/enabled"));
    m_swapLabel->setText(tr("Swap:"));
    m_addSwap->setText(tr("Add swap area"));
    m_ramLabel->setText(tr("RAM:"));
    m_newMachine->setText(tr("New machine"));
    m_newMachine->setToolTip(tr("Starts a new run on a machine with this much RAM (and the same swap)"));
    updateLabels();
}

void PressurePanel::updateLabels()
{
    m_hogsValue->setText(QString::number(m_hogs->value()));
    m_wsValue->setText(tr("%1 MiB").arg(m_ws->value()));
    m_swappinessValue->setText(QString::number(m_swappiness->value()));
    if (!m_ctx->simulator()) {
        m_summary->clear();
        return;
    }
    const Machine& m = m_ctx->machine();
    m_summary->setText(tr("RAM %1, swap %2 (%3 used); %4 hog(s)")
                           .arg(QString::fromStdString(formatSize(m.totalramPages() * m.pageSize())),
                               QString::fromStdString(formatSize(m.swap.totalPages() * m.pageSize())),
                               QString::fromStdString(formatSize(m.swap.usedPages() * m.pageSize())))
                           .arg(hogsOf(m).size()));
}

void PressurePanel::sync()
{
    const bool have = m_ctx->simulator() && !m_ctx->machine().config.arch.custom;
    for (QWidget* w : std::initializer_list<QWidget*> { m_hogs, m_ws, m_run, m_seconds, m_swappiness, m_overcommit,
             m_panic, m_thp, m_addSwap, m_swapSize })
        w->setEnabled(have);
    if (!have || m_apply->isActive() || m_hogs->isSliderDown() || m_ws->isSliderDown()) return;
    const Machine& m = m_ctx->machine();
    m_syncing = true;
    const std::uint64_t maxMiB = std::min<std::uint64_t>(8192, (m.totalramPages() + m.swap.totalPages()) * m.pageSize() * 3 / 2 / MiB);
    m_ws->setMaximum(static_cast<int>(std::max<std::uint64_t>(64, maxMiB / 16 * 16)));
    const auto hogs = hogsOf(m);
    m_hogs->setValue(static_cast<int>(hogs.size()));
    if (!hogs.empty()) m_ws->setValue(static_cast<int>(hogs.front().touched / MiB));
    m_swappiness->setValue(static_cast<int>(m.config.sysctl.swappiness));
    m_overcommit->setCurrentIndex(static_cast<int>(m.config.sysctl.overcommitMemory));
    m_panic->setCurrentIndex(static_cast<int>(m.config.sysctl.panicOnOom));
    m_thp->setCurrentIndex(static_cast<int>(m.config.sysctl.thp));
    m_syncing = false;
    updateLabels();
}

bool PressurePanel::refuseWhilePlaying()
{
    if (!m_session->simulator()) return true;
    if (m_session->playing()) {
        if (!m_ownAnimation) { // a script's run (or a replay the user started) is playing
            emit message(tr("The player is playing a run: pause it first (Space), then change the machine"));
            sync();
            return true;
        }
        // The panel's own last change is still being animated: it counts as done.
        m_session->pause();
        m_session->seek(m_session->simulator()->eventCount());
    }
    if (m_session->simulator()->current().panicked
        && m_session->commandsToKeep() == m_session->simulator()->commands().size()) {
        emit message(tr("The kernel has panicked: step back before the panic, or start a new machine"));
        return true;
    }
    return false;
}

Machine PressurePanel::baseMachine() const
{
    // The state a command run now builds on: after the cursor's command (Session::runCommand).
    const Simulator* sim = m_session->simulator();
    return sim->stateAt(sim->commandStart(m_session->commandsToKeep()));
}

bool PressurePanel::run(const Command& c, CommandResult* out)
{
    const CommandResult r = m_session->runCommand(c);
    if (r.error) {
        emit message(errorText(r.error));
        return false;
    }
    if (out) *out = r;
    return true;
}

void PressurePanel::finish(std::uint64_t firstEvent)
{
    const Simulator* sim = m_session->simulator();
    if (!sim) return;
    // A big change jumps to its end (the timeline shows what happened); a small one animates.
    if (sim->eventCount() - firstEvent > kEventsToAnimate) {
        m_session->pause();
        m_session->seek(sim->eventCount());
    }
    m_ownAnimation = m_session->playing();
}

void PressurePanel::setHogCount(int n)
{
    m_hogs->setValue(n);
    m_apply->stop();
    applyHogs();
}

void PressurePanel::setWorkingSetMiB(int mib)
{
    m_ws->setValue(mib);
    m_apply->stop();
    applyHogs();
}

void PressurePanel::setSwappiness(int v)
{
    m_swappiness->setValue(v);
    applySysctl("vm.swappiness", static_cast<std::uint64_t>(v));
}

void PressurePanel::applyHogs()
{
    if (refuseWhilePlaying()) return;
    const Simulator* sim = m_session->simulator();
    const Machine base = baseMachine();
    const std::uint64_t first = sim->eventCount();
    const std::uint64_t page = base.pageSize();
    const int want = m_hogs->value();
    const std::uint64_t ws = static_cast<std::uint64_t>(m_ws->value()) * MiB;
    std::vector<Hog> hogs = hogsOf(base);
    // Fewer hogs: the newest exit.
    while (static_cast<int>(hogs.size()) > want) {
        if (!run(vmCommand(CommandType::Exit, hogs.back().pid))) return;
        hogs.pop_back();
    }
    // More hogs: each maps room for the largest working set the slider allows.
    // Mode 0 refuses a single mapping larger than RAM + swap: stay below that.
    const std::uint64_t limit = (base.totalramPages() + base.swap.totalPages()) * page / 10 * 9 / MiB * MiB;
    const std::uint64_t room = std::min<std::uint64_t>(static_cast<std::uint64_t>(m_ws->maximum()) * MiB, limit);
    int next = 1;
    for (const Hog& h : hogs) {
        const std::string name = base.str(base.proc(h.pid)->comm);
        next = std::max(next, std::atoi(name.c_str() + 3) + 1);
    }
    while (static_cast<int>(hogs.size()) < want) {
        Command s = vmCommand(CommandType::Spawn, 0);
        s.text = "hog" + std::to_string(next++);
        CommandResult r;
        if (!run(s, &r)) return;
        Hog h;
        h.pid = static_cast<std::uint32_t>(r.value);
        Command mm = vmCommand(CommandType::Mmap, h.pid);
        mm.len = room;
        mm.prot = Prot::Read | Prot::Write;
        mm.mapFlags = MapFlag::Private | MapFlag::Anonymous;
        if (!run(mm, &r) || !r.value) {
            if (!r.error) emit message(tr("mmap() of the hog's memory failed (ENOMEM): see vm.overcommit_memory"));
            finish(first);
            return;
        }
        h.base = r.value;
        h.size = room;
        hogs.push_back(h);
    }
    // Each hog's working set: touch more, or give the part above the new size back.
    for (const Hog& h : hogs) {
        const Process* p = m_session->simulator()->current().proc(h.pid);
        if (!p || !p->alive()) continue;
        const std::uint64_t target = std::min(ws, h.size);
        if (h.touched < target) {
            Command a = vmCommand(CommandType::Access, h.pid);
            a.addr = h.base + h.touched;
            a.len = target - h.touched;
            a.write = true;
            a.step = page;
            if (!run(a)) break;
        } else if (h.touched > target) {
            Command u = vmCommand(CommandType::Munmap, h.pid);
            u.addr = h.base + target;
            u.len = h.touched - target;
            if (!run(u)) break;
            Command mm = vmCommand(CommandType::Mmap, h.pid); // the room stays reserved for later
            mm.addr = u.addr;
            mm.len = u.len;
            mm.prot = Prot::Read | Prot::Write;
            mm.mapFlags = MapFlag::Private | MapFlag::Anonymous;
            if (!run(mm)) break;
        }
    }
    // The hogs run for a second with their new working sets: the timeline gets a sample.
    if (!m_session->simulator()->current().panicked) {
        Command sl = vmCommand(CommandType::Sleep, 0);
        sl.len = 1000000000ull;
        run(sl);
    }
    finish(first);
}

void PressurePanel::runFor(int seconds)
{
    if (refuseWhilePlaying()) return;
    const std::uint64_t first = m_session->simulator()->eventCount();
    for (int s = 0; s < seconds; ++s) {
        const Machine base = baseMachine();
        for (const Hog& h : hogsOf(base)) {
            if (!h.touched) continue;
            Command a = vmCommand(CommandType::Access, h.pid);
            a.addr = h.base;
            a.len = h.touched;
            a.write = true;
            a.step = base.pageSize();
            if (!run(a)) break;
        }
        if (m_session->simulator()->current().panicked) break;
        Command sl = vmCommand(CommandType::Sleep, 0);
        sl.len = 1000000000ull;
        if (!run(sl)) break;
    }
    finish(first);
}

void PressurePanel::applySysctl(const char* name, std::uint64_t value)
{
    if (m_syncing || refuseWhilePlaying()) return;
    if (m_ctx->simulator() && sysctlByName(name)
        && sysctlValue(baseMachine(), sysctlByName(name)->id) == value)
        return;
    Command c = vmCommand(CommandType::SetSysctl, 0);
    c.text = name;
    c.len = value;
    run(c);
}

void PressurePanel::addSwap()
{
    if (refuseWhilePlaying()) return;
    const auto size = parseSize(m_swapSize->currentText().toStdString());
    Command c = vmCommand(CommandType::SwapOn, 0);
    const Machine& m = m_session->simulator()->current();
    int n = static_cast<int>(m.swap.areas.size());
    c.text = "/swapfile" + (n ? std::to_string(n) : std::string());
    c.len = size.value_or(512 * MiB);
    run(c);
}

} // namespace memviz
