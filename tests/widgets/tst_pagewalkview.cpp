// PageWalkView: the translation it rebuilds from the event log (TLB lookup, walk steps,
// fault, fix-ups, fill) on every x86 preset and a textbook spec, step by step and never
// past the cursor; what it highlights; and that it paints readably at projector sizes.
//
// Set MEMVIZ_SCREENSHOTS=<dir> to also save PNGs (pagewalk_*.png) for a human to look at.

#include "PageWalkView.h"
#include "Palette.h"
#include "TestUtil.h"
#include "ViewContext.h"
#include "sim/Simulator.h"
#include "vm/VmOps.h"

#include <QDir>
#include <QImage>
#include <QSet>
#include <QTest>

using namespace memviz;
using namespace Qt::StringLiterals;

namespace {

using memviz::test::spawn;
using memviz::test::mallocIn;
using memviz::test::access;

/// The textbook machine: 32-byte pages, two levels of 5 index bits, 1-byte entries with
/// the valid bit on top, 4 KiB of RAM. L1 table in frame 2, L2 table in frame 3, and
/// 0x611c (indices 0x18, 0x08, offset 0x1c) mapped to frame 0x33.
Simulator textbook()
{
    auto spec = ArchSpec::makeCustom(32, { 5, 5 }, 1, 7, 0, 7, 4096);
    if (!std::holds_alternative<ArchSpec>(spec)) qFatal("bad spec");
    MachineConfig c;
    c.preset = "custom";
    c.arch = std::get<ArchSpec>(spec);
    c.ramBytes = 4096;
    c.swapBytes = 0;
    Simulator sim = test::boot(c);
    const auto phys = [&](std::uint64_t addr, char byte) {
        Command w = vmCommand(CommandType::PhysWrite, 0);
        w.addr = addr;
        w.data = std::string(1, byte);
        if (sim.apply(w).error) qFatal("PhysWrite refused");
    };
    phys(2 * 32 + 0x18, char(0x83)); // L1[0x18] -> frame 3, valid
    phys(3 * 32 + 0x08, char(0xb3)); // L2[0x08] -> frame 0x33, valid
    Command base = vmCommand(CommandType::SetPageTableBase, 0);
    base.pfn = 2;
    if (sim.apply(base).error) qFatal("SetPageTableBase refused");
    return sim;
}

CommandResult translate(Simulator& sim, std::uint64_t va)
{
    Command t = vmCommand(CommandType::Translate, 0);
    t.addr = va;
    return sim.apply(t);
}

/// Shows event n (0-based) as the step in progress.
void showStep(ViewContext& ctx, const Simulator& sim, std::uint64_t n, double progress = 1.0)
{
    ctx.setSimulator(&sim);
    auto [before, after] = sim.stepAt(n + 1);
    ctx.setState(std::move(before), std::move(after), n + 1);
    ctx.setProgress(progress);
}

std::uint64_t findEvent(const Simulator& sim, EventType t, std::uint64_t from, std::uint64_t to)
{
    for (std::uint64_t i = from; i < to; ++i)
        if (sim.events()[i].type == t) return i;
    return to;
}

/// Share of sampled pixels that differ from the background, and the distinct colours.
std::pair<double, int> inkOf(const QImage& img)
{
    const QRgb bg = Palette::background().rgb();
    qsizetype differ = 0, total = 0;
    QSet<QRgb> colours;
    for (int y = 0; y < img.height(); y += 3)
        for (int x = 0; x < img.width(); x += 3) {
            const QRgb c = img.pixel(x, y);
            ++total;
            if ((c & 0xffffff) != (bg & 0xffffff)) ++differ;
            if (colours.size() < 2000) colours.insert(c);
        }
    return { double(differ) / double(std::max<qsizetype>(1, total)), int(colours.size()) };
}

QImage grabAt(QWidget& w, QSize size)
{
    w.resize(size);
    return w.grab().toImage();
}

struct AccessRun {
    Simulator sim;
    std::uint32_t pid = 0;
    std::uint64_t va = 0;
    CommandResult r;
};

/// A process writes the first page of a fresh 256 KiB mmapped malloc chunk: a TLB miss,
/// a walk, an anonymous-page fault, and the retried access filling the TLB.
AccessRun anonWrite(const char* preset)
{
    AccessRun a { test::boot(preset, preset[4] == '3' || std::string(preset) == "x86-pae" ? "1G" : "256M"), 0, 0, {} };
    a.pid = spawn(a.sim, "walker");
    const std::uint64_t buf = mallocIn(a.sim, a.pid, 256 * 1024);
    if (!buf) qFatal("malloc failed");
    a.va = (buf + 3 * 4096 + 0x2a8) & ~std::uint64_t(7);
    a.r = access(a.sim, a.pid, a.va, 8, true);
    if (a.r.error) qFatal("access refused");
    return a;
}

} // namespace

class TestPageWalkView : public QObject {
    Q_OBJECT
private slots:
    void cleanup() { Palette::setTheme(Theme::Light); }
    void anonFault_data();
    void anonFault();
    void growsStepByStep_data();
    void growsStepByStep();
    void tlbHit();
    void segvAccess();
    void cowWrite();
    void accessedBitByMmu();
    void textbookTranslate_data();
    void textbookTranslate();
    void staleAfterAccess();
    void emptyState();
    void readableSizes_data();
    void readableSizes();
    void tooltips();
    void screenshots();
};

void TestPageWalkView::anonFault_data()
{
    QTest::addColumn<QString>("preset");
    QTest::addColumn<QStringList>("names");
    QTest::newRow("x86-64 4-level") << u"x86-64"_s << QStringList { u"PGD"_s, u"PUD"_s, u"PMD"_s, u"PTE"_s };
    QTest::newRow("x86-32 2-level") << u"x86-32"_s << QStringList { u"PGD"_s, u"PTE"_s };
    QTest::newRow("PAE 3-level") << u"x86-pae"_s << QStringList { u"PGD"_s, u"PMD"_s, u"PTE"_s };
    QTest::newRow("LA57 5-level") << u"x86-64-la57"_s
                                  << QStringList { u"PGD"_s, u"P4D"_s, u"PUD"_s, u"PMD"_s, u"PTE"_s };
}

void TestPageWalkView::anonFault()
{
    QFETCH(QString, preset);
    QFETCH(QStringList, names);
    AccessRun run = anonWrite(preset.toLatin1().constData());
    ViewContext ctx;
    PageWalkView view(&ctx);
    view.resize(1280, 720);
    showStep(ctx, run.sim, run.r.endEvent - 1);

    QVERIFY(view.hasTranslation());
    const PageWalkTrace& t = view.trace();
    QCOMPARE(t.source, PageWalkTrace::Source::Access);
    QCOMPARE(t.start,
        run.r.firstEvent
            + (findEvent(run.sim, EventType::TlbLookup, run.r.firstEvent, run.r.endEvent) - run.r.firstEvent));
    QCOMPARE(t.va, run.va);
    QVERIFY(t.write);
    QVERIFY(t.tlbLooked && !t.tlbHit);
    QCOMPARE(view.levelNames(), names);
    QCOMPARE(int(t.levels.size()), names.size());
    QVERIFY(t.walkedLevels() >= 1);
    QVERIFY(t.failedLevel() >= 0);
    QCOMPARE(view.faultKind(), std::optional<FaultKind>(FaultKind::Anon));
    QVERIFY(t.complete);
    QVERIFY(t.filled && t.fillRetry);
    // The fault handler built whatever was missing; the leaf entry was rewritten.
    const int n = int(t.levels.size());
    QVERIFY(t.writeOf(n - 1));
    QCOMPARE(t.writeOf(n - 1)->oldValue, std::uint64_t(0));
    for (int l = 0; l < n; ++l) {
        QVERIFY2(t.levels[std::size_t(l)].table != kNoPfn, qPrintable(u"level %1"_s.arg(l)));
        QVERIFY(t.levels[std::size_t(l)].walked || t.levels[std::size_t(l)].created);
    }
    // Indices highlighted are the address's own.
    const AddressSplit split = splitAddress(run.sim.config().arch, run.va);
    for (int l = 0; l < n; ++l) {
        QCOMPARE(view.highlightedIndex(l), qint64(split.indices[std::size_t(l)]));
        const auto rows = view.shownRows(l);
        QVERIFY(std::find(rows.begin(), rows.end(), qint64(split.indices[std::size_t(l)])) != rows.end());
        QVERIFY(rows.size() >= 3);
    }
    // The physical address is the one the page tables give now.
    const vm::WalkResult w = vm::translate(run.sim.current(), run.pid, run.va);
    QVERIFY(w.ok);
    QCOMPARE(view.physicalAddress(), std::optional<std::uint64_t>(w.paddr));
    QCOMPARE(t.frame, w.paddr >> 12);
    QCOMPARE(t.newFrame, t.frame);
    QCOMPARE(view.currentStage(), u"fill"_s);

    const auto [share, colours] = inkOf(view.grab().toImage());
    QVERIFY2(share > 0.08, qPrintable(QString::number(share)));
    QVERIFY2(colours > 20, qPrintable(QString::number(colours)));
}

void TestPageWalkView::growsStepByStep_data()
{
    QTest::addColumn<QString>("preset");
    QTest::newRow("x86-64") << u"x86-64"_s;
    QTest::newRow("x86-32") << u"x86-32"_s;
    QTest::newRow("la57") << u"x86-64-la57"_s;
}

void TestPageWalkView::growsStepByStep()
{
    QFETCH(QString, preset);
    AccessRun run = anonWrite(preset.toLatin1().constData());
    const std::uint64_t look = findEvent(run.sim, EventType::TlbLookup, run.r.firstEvent, run.r.endEvent);
    QVERIFY(look < run.r.endEvent);
    ViewContext ctx;
    PageWalkView view(&ctx);
    view.resize(1280, 720);
    QStringList stages;
    int walked = -1;
    bool faultSeen = false;
    QImage previous;
    for (std::uint64_t n = look; n < run.r.endEvent; ++n) {
        showStep(ctx, run.sim, n, 0.5);
        const PageWalkTrace& t = view.trace();
        QCOMPARE(t.start, look);
        QCOMPARE(t.end, n + 1); // never past the cursor
        QVERIFY(t.walkedLevels() >= walked); // only grows
        walked = t.walkedLevels();
        if (n == look) {
            QCOMPARE(view.currentStage(), u"tlb"_s);
            QCOMPARE(walked, 0);
            QVERIFY(!view.faultKind());
            QVERIFY(!view.physicalAddress());
        }
        faultSeen = faultSeen || view.faultKind().has_value();
        if (faultSeen) QVERIFY(view.faultKind().has_value());
        if (stages.isEmpty() || stages.last() != view.currentStage()) stages << view.currentStage();
        // The picture changes from step to step (the caption at least), and the parts a
        // step adds grow in during it.
        // A clock tick (the access's work put on the simulated clock) changes nothing drawn.
        const bool tick = run.sim.events()[n].type == EventType::Clock;
        const QImage mid = view.grab().toImage();
        if (!tick) QVERIFY(mid != previous);
        const QString stage = view.currentStage();
        ctx.setProgress(1.0);
        previous = view.grab().toImage();
        if (!tick && (stage == u"tlb"_s || stage.startsWith(u"level"_s) || stage == u"fault"_s || stage == u"fill"_s))
            QVERIFY2(previous != mid, qPrintable(stage));
    }
    QCOMPARE(stages.first(), u"tlb"_s);
    QVERIFY2(stages.contains(u"level 0"_s), qPrintable(stages.join(u',')));
    QVERIFY(stages.contains(u"fault"_s));
    QCOMPARE(stages.last(), u"fill"_s);
    QVERIFY(stages.indexOf(u"level 0"_s) < stages.indexOf(u"fault"_s));
}

void TestPageWalkView::tlbHit()
{
    AccessRun run = anonWrite("x86-64");
    const CommandResult again = access(run.sim, run.pid, run.va + 8, 8, false);
    QVERIFY(!again.error);
    // One TlbLookup, a hit, and the nanoseconds it took put on the clock.
    QCOMPARE(again.endEvent - again.firstEvent, std::uint64_t(2));
    QCOMPARE(run.sim.events()[again.firstEvent + 1].type, EventType::Clock);
    ViewContext ctx;
    PageWalkView view(&ctx);
    view.resize(1280, 720);
    showStep(ctx, run.sim, again.firstEvent, 0.3);
    const PageWalkTrace& t = view.trace();
    QVERIFY(t.tlbHit);
    QVERIFY(!t.tlbReadOnly);
    QVERIFY(t.complete);
    QCOMPARE(t.walkedLevels(), 0);
    QVERIFY(!view.faultKind());
    QCOMPARE(t.tlbSet, (run.va >> 12) % std::uint64_t(run.sim.current().tlb.sets));
    // The saved walk is shown for reference, the address comes from the TLB.
    for (const PageWalkTrace::Level& l : t.levels) QVERIFY(l.skipped);
    QCOMPARE(view.physicalAddress(),
        std::optional<std::uint64_t>(vm::translate(run.sim.current(), run.pid, run.va + 8).paddr));
    QCOMPARE(view.currentStage(), u"tlb"_s);
    QVERIFY(inkOf(view.grab().toImage()).first > 0.08);
}

void TestPageWalkView::segvAccess()
{
    Simulator sim = test::boot("x86-64", "256M");
    const std::uint32_t pid = spawn(sim, "crash");
    const CommandResult r = access(sim, pid, 0, 4, true); // *(int*)NULL = 0
    QVERIFY(!r.error);
    ViewContext ctx;
    PageWalkView view(&ctx);
    view.resize(1280, 720);
    const std::uint64_t fault = findEvent(sim, EventType::PageFault, r.firstEvent, r.endEvent);
    QVERIFY(fault < r.endEvent);
    showStep(ctx, sim, fault, 0.5);
    QCOMPARE(view.faultKind(), std::optional<FaultKind>(FaultKind::Segv));
    QCOMPARE(view.currentStage(), u"fault"_s);
    QVERIFY(!view.trace().killed); // the kill comes later
    showStep(ctx, sim, r.endEvent - 1);
    const PageWalkTrace& t = view.trace();
    QCOMPARE(view.faultKind(), std::optional<FaultKind>(FaultKind::Segv));
    QVERIFY(t.killed);
    QCOMPARE(t.signal, 11);
    QVERIFY(!view.physicalAddress());
    QVERIFY(t.writes.empty()); // the teardown's PteSets are not fix-ups
    QVERIFY(inkOf(view.grab().toImage()).first > 0.08);
}

void TestPageWalkView::cowWrite()
{
    AccessRun run = anonWrite("x86-64");
    const CommandResult fork = run.sim.apply(vmCommand(CommandType::Fork, run.pid));
    QVERIFY(!fork.error && fork.value);
    const auto child = static_cast<std::uint32_t>(fork.value);
    const CommandResult w = access(run.sim, child, run.va, 8, true);
    QVERIFY(!w.error);
    ViewContext ctx;
    PageWalkView view(&ctx);
    view.resize(1280, 720);
    showStep(ctx, run.sim, w.endEvent - 1);
    const PageWalkTrace& t = view.trace();
    QCOMPARE(t.pid, child);
    QCOMPARE(view.faultKind(), std::optional<FaultKind>(FaultKind::CowCopy));
    QVERIFY(t.cow && !t.cowZero);
    QVERIFY(t.cowFrom != t.cowTo);
    QCOMPARE(t.frame, t.cowTo);
    const PageWalkTrace::EntryWrite* leaf = t.writeOf(int(t.levels.size()) - 1);
    QVERIFY(leaf);
    const EntryFormat& fmt = run.sim.config().arch.entry;
    QCOMPARE(fmt.pfn(leaf->oldValue), t.cowFrom);
    QCOMPARE(fmt.pfn(leaf->newValue), t.cowTo);
    QVERIFY(!(fmt.flags(leaf->oldValue) & PteFlag::Write));
    QVERIFY(fmt.flags(leaf->newValue) & PteFlag::Write);
    QCOMPARE(t.walkedLevels(), int(t.levels.size())); // every table existed: the walk reached the PTE
}

void TestPageWalkView::accessedBitByMmu()
{
    // fork() copies the PTEs "old" (Accessed clear): the child's first read walks to a
    // present entry, and the MMU sets Accessed in it before filling the TLB. No fault.
    AccessRun run = anonWrite("x86-64");
    const CommandResult fork = run.sim.apply(vmCommand(CommandType::Fork, run.pid));
    const auto child = static_cast<std::uint32_t>(fork.value);
    const CommandResult r = access(run.sim, child, run.va, 8, false);
    QVERIFY(!r.error);
    ViewContext ctx;
    PageWalkView view(&ctx);
    view.resize(1280, 720);
    showStep(ctx, run.sim, r.endEvent - 1);
    const PageWalkTrace& t = view.trace();
    QVERIFY(!view.faultKind());
    QCOMPARE(t.walkedLevels(), int(t.levels.size()));
    QVERIFY(t.filled && !t.fillRetry);
    const PageWalkTrace::EntryWrite* w = t.writeOf(int(t.levels.size()) - 1);
    QVERIFY(w);
    const EntryFormat& fmt = run.sim.config().arch.entry;
    QVERIFY(!(fmt.flags(w->oldValue) & PteFlag::Accessed));
    QVERIFY(fmt.flags(w->newValue) & PteFlag::Accessed);
    // Known as soon as the leaf was read, before the A-bit write and the fill.
    QVERIFY(t.resolvedAt < w->at);
    QCOMPARE(
        view.physicalAddress(), std::optional<std::uint64_t>(vm::translate(run.sim.current(), child, run.va).paddr));
    if (!qEnvironmentVariableIsEmpty("MEMVIZ_SCREENSHOTS"))
        QVERIFY(view.grab().save(
            QDir(qEnvironmentVariable("MEMVIZ_SCREENSHOTS")).filePath(u"pagewalk_accessed_bit.png"_s)));
}

void TestPageWalkView::textbookTranslate_data()
{
    QTest::addColumn<quint64>("va");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<quint64>("paddr");
    QTest::addColumn<int>("walked");
    QTest::newRow("0x611c maps") << quint64(0x611c) << true << quint64(0x67c) << 2;
    QTest::newRow("0x6100 same page") << quint64(0x6100) << true << quint64(0x660) << 2;
    QTest::newRow("0x6140 L2 invalid") << quint64(0x6140) << false << quint64(0) << 2;
    QTest::newRow("0x011c L1 invalid") << quint64(0x011c) << false << quint64(0) << 1;
}

void TestPageWalkView::textbookTranslate()
{
    QFETCH(quint64, va);
    QFETCH(bool, ok);
    QFETCH(quint64, paddr);
    QFETCH(int, walked);
    Simulator sim = textbook();
    const CommandResult r = translate(sim, va);
    QVERIFY(!r.error);
    ViewContext ctx;
    PageWalkView view(&ctx);
    view.resize(1280, 720);
    // The first step: only the top level is known.
    showStep(ctx, sim, r.firstEvent, 0.5);
    QCOMPARE(view.trace().source, PageWalkTrace::Source::Translate);
    QCOMPARE(view.trace().walkedLevels(), 1);
    QCOMPARE(view.currentStage(), u"level 0"_s);
    QVERIFY(!view.physicalAddress());
    showStep(ctx, sim, r.endEvent - 1);
    const PageWalkTrace& t = view.trace();
    QCOMPARE(view.levelNames(), (QStringList { u"L1"_s, u"L2"_s }));
    QCOMPARE(t.start, r.firstEvent);
    QCOMPARE(t.root, Pfn(2));
    QVERIFY(!t.tlbLooked);
    QVERIFY(t.done);
    QCOMPARE(t.doneOk, ok);
    QCOMPARE(t.walkedLevels(), walked);
    QCOMPARE(view.highlightedIndex(0), qint64((va >> 10) & 31));
    QCOMPARE(view.currentStage(), u"done"_s);
    if (ok) {
        QCOMPARE(view.physicalAddress(), std::optional<std::uint64_t>(paddr));
        QCOMPARE(t.frame, Pfn(paddr >> 5));
    } else {
        QVERIFY(!view.physicalAddress());
        QCOMPARE(t.doneFaultLevel, walked - 1);
        QCOMPARE(t.failedLevel(), walked - 1);
    }
    QVERIFY(!view.faultKind());
    QVERIFY(inkOf(view.grab().toImage()).first > 0.08);
}

void TestPageWalkView::staleAfterAccess()
{
    AccessRun run = anonWrite("x86-64");
    const std::uint64_t before = run.sim.eventCount();
    mallocIn(run.sim, run.pid, 1000); // no access
    QVERIFY(run.sim.eventCount() > before);
    ViewContext ctx;
    PageWalkView view(&ctx);
    view.resize(1280, 720);
    showStep(ctx, run.sim, run.sim.eventCount() - 1);
    const PageWalkTrace& t = view.trace();
    QVERIFY(t.isValid());
    QVERIFY(t.end < t.cursor); // the last translation, shown as finished
    QVERIFY(view.currentStage().isEmpty());
    QCOMPARE(t.va, run.va);
}

void TestPageWalkView::emptyState()
{
    ViewContext ctx;
    PageWalkView view(&ctx);
    QVERIFY(!view.hasTranslation());
    QVERIFY(!view.faultKind());
    QVERIFY(view.shownRows(0).empty());
    const QImage img = grabAt(view, QSize(1280, 720));
    const double share = inkOf(img).first;
    QVERIFY2(share > 0.002 && share < 0.2, qPrintable(QString::number(share))); // a centred hint, nothing else

    // A booted machine with no access yet: still the hint.
    Simulator sim = test::boot("x86-64", "256M");
    sim.apply(Command::allocPages(0));
    showStep(ctx, sim, 0);
    QVERIFY(!view.hasTranslation());
}

void TestPageWalkView::readableSizes_data()
{
    QTest::addColumn<QString>("preset");
    QTest::addColumn<QSize>("size");
    QTest::addColumn<double>("minPx");
    for (const QString& p : { u"x86-64"_s, u"x86-32"_s, u"x86-64-la57"_s, u"custom"_s }) {
        QTest::addRow("%s 1280x720", qPrintable(p)) << p << QSize(1280, 720) << 15.0;
        QTest::addRow("%s 1920x1080", qPrintable(p)) << p << QSize(1920, 1080) << 22.0;
        QTest::addRow("%s 900x560", qPrintable(p)) << p << QSize(900, 560) << 10.0;
    }
}

void TestPageWalkView::readableSizes()
{
    QFETCH(QString, preset);
    QFETCH(QSize, size);
    QFETCH(double, minPx);
    std::optional<AccessRun> run;
    std::optional<Simulator> tb;
    ViewContext ctx;
    PageWalkView view(&ctx);
    view.resize(size);
    if (preset == u"custom"_s) {
        tb.emplace(textbook());
        const CommandResult r = translate(*tb, 0x611c);
        showStep(ctx, *tb, r.endEvent - 1);
    } else {
        run.emplace(anonWrite(preset.toLatin1().constData()));
        showStep(ctx, run->sim, run->r.endEvent - 1);
    }
    QVERIFY(view.hasTranslation());
    QVERIFY2(view.baseFontPixels() >= minPx, qPrintable(QString::number(view.baseFontPixels())));
    QVERIFY(inkOf(view.grab().toImage()).first > 0.05);
}

void TestPageWalkView::tooltips()
{
    AccessRun run = anonWrite("x86-64");
    ViewContext ctx;
    PageWalkView view(&ctx);
    view.resize(1280, 720);
    showStep(ctx, run.sim, run.r.endEvent - 1);
    int found = 0;
    for (int y = 0; y < 720; y += 20)
        for (int x = 0; x < 1280; x += 20) found += !view.toolTipAt(QPointF(x, y)).isEmpty();
    QVERIFY2(found > 100, qPrintable(QString::number(found)));
}

void TestPageWalkView::screenshots()
{
    const QByteArray dir = qgetenv("MEMVIZ_SCREENSHOTS");
    if (dir.isEmpty()) QSKIP("set MEMVIZ_SCREENSHOTS=<dir> to save screenshots");
    QDir().mkpath(QString::fromLocal8Bit(dir));
    const auto save = [&](QWidget& w, const QString& name, QSize size) {
        w.resize(size);
        QVERIFY(w.grab().save(QDir(QString::fromLocal8Bit(dir)).filePath(name)));
    };
    for (bool darkTheme : { false, true }) {
        Palette::setTheme(darkTheme ? Theme::Dark : Theme::Light);
        const QString sfx = darkTheme ? u"_dark"_s : QString();
        {
            AccessRun run = anonWrite("x86-64");
            const std::uint64_t look = findEvent(run.sim, EventType::TlbLookup, run.r.firstEvent, run.r.endEvent);
            ViewContext ctx;
            PageWalkView view(&ctx);
            showStep(ctx, run.sim, look + 3, 0.5); // the third level growing in
            save(view, u"pagewalk_4level_mid%1.png"_s.arg(sfx), QSize(1280, 720));
            showStep(ctx, run.sim, run.r.endEvent - 1);
            save(view, u"pagewalk_4level_anon%1.png"_s.arg(sfx), QSize(1280, 720));
            save(view, u"pagewalk_4level_anon_1080p%1.png"_s.arg(sfx), QSize(1920, 1080));
            const CommandResult fork = run.sim.apply(vmCommand(CommandType::Fork, run.pid));
            const CommandResult w = access(run.sim, static_cast<std::uint32_t>(fork.value), run.va, 8, true);
            showStep(ctx, run.sim, w.endEvent - 1);
            save(view, u"pagewalk_cow%1.png"_s.arg(sfx), QSize(1280, 720));
            const CommandResult hit = access(run.sim, static_cast<std::uint32_t>(fork.value), run.va, 8, false);
            showStep(ctx, run.sim, hit.firstEvent, 0.6);
            save(view, u"pagewalk_hit%1.png"_s.arg(sfx), QSize(1280, 720));
        }
        {
            AccessRun run = anonWrite("x86-64-la57");
            ViewContext ctx;
            PageWalkView view(&ctx);
            showStep(ctx, run.sim, run.r.endEvent - 1);
            save(view, u"pagewalk_la57%1.png"_s.arg(sfx), QSize(1280, 720));
            save(view, u"pagewalk_la57_docked%1.png"_s.arg(sfx), QSize(900, 560));
        }
        {
            AccessRun run = anonWrite("x86-32");
            ViewContext ctx;
            PageWalkView view(&ctx);
            showStep(ctx, run.sim, run.r.endEvent - 1);
            save(view, u"pagewalk_x86_32%1.png"_s.arg(sfx), QSize(1280, 720));
        }
        {
            Simulator sim = textbook();
            const CommandResult r = translate(sim, 0x611c);
            ViewContext ctx;
            PageWalkView view(&ctx);
            showStep(ctx, sim, r.endEvent - 1);
            save(view, u"pagewalk_textbook%1.png"_s.arg(sfx), QSize(1280, 720));
            const CommandResult bad = translate(sim, 0x6140);
            showStep(ctx, sim, bad.endEvent - 1);
            save(view, u"pagewalk_textbook_fail%1.png"_s.arg(sfx), QSize(1280, 720));
        }
        {
            Simulator sim = test::boot("x86-64", "256M");
            const std::uint32_t pid = spawn(sim, "crash");
            const CommandResult r = access(sim, pid, 0, 4, true);
            ViewContext ctx;
            PageWalkView view(&ctx);
            showStep(ctx, sim, r.endEvent - 1);
            save(view, u"pagewalk_segv%1.png"_s.arg(sfx), QSize(1280, 720));
        }
        {
            ViewContext ctx;
            PageWalkView view(&ctx);
            save(view, u"pagewalk_empty%1.png"_s.arg(sfx), QSize(1280, 720));
        }
    }
}

QTEST_MAIN(TestPageWalkView)
#include "tst_pagewalkview.moc"
