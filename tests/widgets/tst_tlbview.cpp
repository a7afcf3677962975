// TlbView: what it says the current step does to the TLB (hit, miss, fill with or
// without eviction, flush, context switch) on every x86 preset and a textbook machine,
// where cells are and what their tooltips say, and that it paints readably.
//
// Set MEMVIZ_SCREENSHOTS=<dir> to also save PNGs (tlbview_*.png) for a human to look at.

#include "Palette.h"
#include "TestUtil.h"
#include "widgets/WidgetTestUtil.h"
#include "TlbView.h"
#include "ViewContext.h"
#include "sim/Simulator.h"

#include <QDir>
#include <QImage>
#include <QSet>
#include <QTest>

using namespace memviz;
using memviz::test::inkShare;
using namespace Qt::StringLiterals;

namespace {

using memviz::test::spawn;
using memviz::test::mallocIn;
using memviz::test::access;

/// Two processes touching a few hundred pages, then a fork and a child writing:
/// hits, misses, fills with eviction, context switches with PCIDs, flushes.
Simulator busy(const char* preset)
{
    const std::string p = preset;
    Simulator sim = test::boot(preset, p == "x86-32" || p == "x86-pae" ? "1G" : "256M");
    const std::uint32_t a = spawn(sim, "alpha");
    const std::uint32_t b = spawn(sim, "beta");
    const std::uint64_t page = sim.config().arch.pageSize();
    const std::uint64_t bufA = mallocIn(sim, a, 300 * page);
    const std::uint64_t bufB = mallocIn(sim, b, 64 * page);
    access(sim, a, bufA, 200 * page, true);
    access(sim, b, bufB, 64 * page, false);
    access(sim, a, bufA, 16 * page, false, 512); // 8 accesses per page: repeats
    const CommandResult f = sim.apply(vmCommand(CommandType::Fork, a));
    if (!f.value) qFatal("fork failed");
    access(sim, static_cast<std::uint32_t>(f.value), bufA, 8 * page, true);
    access(sim, a, bufA + 200 * page, 40 * page, true);
    return sim;
}

void showStep(ViewContext& ctx, const Simulator& sim, std::uint64_t n, double progress = 1.0)
{
    ctx.setSimulator(&sim);
    auto [before, after] = sim.stepAt(n + 1);
    ctx.setState(std::move(before), std::move(after), n + 1);
    ctx.setProgress(progress);
}

template <class Pred> std::uint64_t findEvent(const Simulator& sim, Pred pred, std::uint64_t from = 0)
{
    for (std::uint64_t i = from; i < sim.eventCount(); ++i)
        if (pred(sim.events()[i])) return i;
    return sim.eventCount();
}


} // namespace

class TestTlbView : public QObject {
    Q_OBJECT
private slots:
    void cleanup() { Palette::setTheme(Theme::Light); }
    void stepsOnEveryPreset_data();
    void stepsOnEveryPreset();
    void hitAndRepeats();
    void fillEvicts();
    void flushSweeps();
    void contextSwitch();
    void segvDropsEntries();
    void textbookMachine();
    void cellsAndTooltips();
    void readableSizes_data();
    void readableSizes();
    void screenshots();
};

void TestTlbView::stepsOnEveryPreset_data()
{
    QTest::addColumn<QString>("preset");
    QTest::newRow("x86-64 4-level") << u"x86-64"_s;
    QTest::newRow("x86-32 2-level") << u"x86-32"_s;
    QTest::newRow("PAE") << u"x86-pae"_s;
    QTest::newRow("LA57 5-level") << u"x86-64-la57"_s;
}

void TestTlbView::stepsOnEveryPreset()
{
    QFETCH(QString, preset);
    Simulator sim = busy(preset.toLatin1().constData());
    ViewContext ctx;
    TlbView view(&ctx);
    view.resize(1280, 720);
    // One of each kind of TLB event, mid-animation and at its end.
    const std::uint64_t miss
        = findEvent(sim, [](const Event& e) { return e.type == EventType::TlbLookup && !(e.flags & EventFlag::Hit); });
    const std::uint64_t hit
        = findEvent(sim, [](const Event& e) { return e.type == EventType::TlbLookup && (e.flags & EventFlag::Hit); });
    const std::uint64_t fill = findEvent(sim, [](const Event& e) { return e.type == EventType::TlbFill; });
    QVERIFY(miss < sim.eventCount() && hit < sim.eventCount() && fill < sim.eventCount());
    for (double p : { 0.0, 0.4, 1.0 }) {
        showStep(ctx, sim, miss, p);
        QCOMPARE(view.touch(), TlbView::Touch::Miss);
        QCOMPARE(view.touchedSet(), int(sim.events()[miss].b));
        QVERIFY(!view.touchedCell());
        showStep(ctx, sim, hit, p);
        QCOMPARE(view.touch(), TlbView::Touch::Hit);
        QCOMPARE(*view.touchedCell(), (TlbView::Cell { false, int(sim.events()[hit].b), int(sim.events()[hit].pfn) }));
        showStep(ctx, sim, fill, p);
        QCOMPARE(view.touch(), TlbView::Touch::Fill);
        const TlbView::Cell c = *view.touchedCell();
        QCOMPARE(c.set, int(sim.events()[fill].b));
        QCOMPARE(c.way, int(sim.events()[fill].c));
        // The filled way now holds the event's page.
        const TlbEntry& e = ctx.machine().tlb.small[std::size_t(c.set * ctx.machine().tlb.ways + c.way)];
        QCOMPARE(e.vpn, sim.events()[fill].a >> sim.config().arch.pageShift);
        QVERIFY(inkShare(view.grab().toImage()) > 0.08);
    }
    // Animated: the picture moves during a fill.
    showStep(ctx, sim, fill, 0.3);
    const QImage mid = view.grab().toImage();
    ctx.setProgress(1.0);
    QVERIFY(view.grab().toImage() != mid);
}

void TestTlbView::hitAndRepeats()
{
    Simulator sim = busy("x86-64");
    // A lookup that stands for several accesses to the same page.
    const std::uint64_t n = findEvent(
        sim, [](const Event& e) { return e.type == EventType::TlbLookup && (e.flags & EventFlag::Hit) && e.c > 0; });
    QVERIFY(n < sim.eventCount());
    ViewContext ctx;
    TlbView view(&ctx);
    view.resize(1280, 720);
    showStep(ctx, sim, n, 0.5);
    QCOMPARE(view.touch(), TlbView::Touch::Hit);
    const TlbView::Cell c = *view.touchedCell();
    const TlbEntry& e = ctx.machine().tlb.small[std::size_t(c.set * ctx.machine().tlb.ways + c.way)];
    QVERIFY(e.flags & TlbFlag::Valid);
    QCOMPARE(e.vpn, sim.events()[n].a >> 12);
    QCOMPARE(ctx.machine().tlb.hits, ctx.previousMachine().tlb.hits + 1 + sim.events()[n].c);
    QVERIFY(!view.evicts());
}

void TestTlbView::fillEvicts()
{
    Simulator sim = busy("x86-64");
    // 200 pages through 64 entries: later fills replace valid entries.
    std::uint64_t n = 0;
    bool found = false;
    ViewContext ctx;
    TlbView view(&ctx);
    view.resize(1280, 720);
    for (std::uint64_t from = 0; !found;) {
        n = findEvent(
            sim, [](const Event& e) { return e.type == EventType::TlbFill; }, from);
        QVERIFY(n < sim.eventCount());
        showStep(ctx, sim, n, 0.5);
        found = view.evicts();
        from = n + 1;
    }
    const TlbView::Cell c = *view.touchedCell();
    const TlbEntry& old = ctx.previousMachine().tlb.small[std::size_t(c.set * 4 + c.way)];
    const TlbEntry& neu = ctx.machine().tlb.small[std::size_t(c.set * 4 + c.way)];
    QVERIFY(old.flags & TlbFlag::Valid);
    QVERIFY(old.vpn != neu.vpn || old.pid != neu.pid);
    QCOMPARE(ctx.machine().tlb.evictions, ctx.previousMachine().tlb.evictions + 1);
    QVERIFY(inkShare(view.grab().toImage()) > 0.08);
}

void TestTlbView::flushSweeps()
{
    Simulator sim = busy("x86-64");
    ViewContext ctx;
    TlbView view(&ctx);
    view.resize(1280, 720);
    std::uint64_t from = 0;
    for (;;) {
        const std::uint64_t n = findEvent(
            sim, [](const Event& e) { return e.type == EventType::TlbFlush && e.b > 0; }, from);
        QVERIFY2(n < sim.eventCount(), "no flush that drops entries");
        showStep(ctx, sim, n, 0.5);
        QCOMPARE(view.touch(), TlbView::Touch::Flush);
        if (!view.flushedCells().empty()) break;
        from = n + 1;
    }
    const auto gone = view.flushedCells();
    for (const TlbView::Cell& c : gone) {
        QVERIFY(!c.huge);
        const std::size_t i = std::size_t(c.set * ctx.machine().tlb.ways + c.way);
        QVERIFY(ctx.previousMachine().tlb.small[i].flags & TlbFlag::Valid);
        QVERIFY(!(ctx.machine().tlb.small[i].flags & TlbFlag::Valid));
        QVERIFY(!(ctx.previousMachine().tlb.small[i].flags & TlbFlag::Global)); // kernel entries stay
    }
    // The sweep moves: mid-step differs from the end.
    const QImage mid = view.grab().toImage();
    ctx.setProgress(1.0);
    QVERIFY(view.grab().toImage() != mid);
}

void TestTlbView::contextSwitch()
{
    Simulator sim = busy("x86-64");
    const std::uint64_t n = findEvent(
        sim, [](const Event& e) { return e.type == EventType::ContextSwitch; }, 1);
    QVERIFY(n < sim.eventCount());
    ViewContext ctx;
    TlbView view(&ctx);
    view.resize(1280, 720);
    showStep(ctx, sim, n, 0.5);
    QCOMPARE(view.touch(), TlbView::Touch::Switch);
    QCOMPARE(view.touchedSet(), -1);
    QVERIFY(ctx.machine().cpu.pcid != 0);
    QCOMPARE(ctx.machine().cpu.asidPid[ctx.machine().cpu.pcid - 1], sim.events()[n].pid);
}

void TestTlbView::segvDropsEntries()
{
    // *(int*)NULL = 0: a miss, the walk, SIGSEGV; exit_mmap() then flushes the dead
    // process's entries, and only those.
    Simulator sim = test::boot("x86-64", "256M");
    const std::uint32_t victim = spawn(sim, "crash");
    const std::uint32_t other = spawn(sim, "other");
    access(sim, other, mallocIn(sim, other, 8 * 4096), 8 * 4096, true); // few: the victim keeps entries too
    const CommandResult r = access(sim, victim, 0, 4, true);
    QVERIFY(!r.error);
    ViewContext ctx;
    TlbView view(&ctx);
    view.resize(1280, 720);
    showStep(ctx, sim,
        r.firstEvent
            + (findEvent(
                   sim, [](const Event& e) { return e.type == EventType::TlbLookup; }, r.firstEvent)
                - r.firstEvent));
    QCOMPARE(view.touch(), TlbView::Touch::Miss);
    bool swept = false;
    for (std::uint64_t n = r.firstEvent; n < r.endEvent; ++n) {
        if (sim.events()[n].type != EventType::TlbFlush) continue;
        showStep(ctx, sim, n, 0.5);
        for (const TlbView::Cell& c : view.flushedCells()) {
            const TlbEntry& e = ctx.previousMachine().tlb.small[std::size_t(c.set * ctx.machine().tlb.ways + c.way)];
            QCOMPARE(e.pid, victim);
            swept = true;
        }
    }
    QVERIFY(swept);
    // The other process keeps its entries.
    int others = 0;
    for (const TlbEntry& e : sim.current().tlb.small) others += (e.flags & TlbFlag::Valid) && e.pid == other;
    QVERIFY(others > 0);
    QVERIFY(inkShare(view.grab().toImage()) > 0.08);
}

void TestTlbView::textbookMachine()
{
    auto spec = ArchSpec::makeCustom(32, { 5, 5 }, 1, 7, 0, 7, 4096);
    QVERIFY(std::holds_alternative<ArchSpec>(spec));
    MachineConfig c;
    c.preset = "custom";
    c.arch = std::get<ArchSpec>(spec);
    c.ramBytes = 4096;
    Simulator sim = test::boot(c);
    Command w = vmCommand(CommandType::PhysWrite, 0);
    w.addr = 2 * 32 + 0x18;
    w.data = std::string(1, char(0x83));
    QVERIFY(!sim.apply(w).error);
    Command base = vmCommand(CommandType::SetPageTableBase, 0);
    base.pfn = 2;
    QVERIFY(!sim.apply(base).error);
    Command t = vmCommand(CommandType::Translate, 0);
    t.addr = 0x611c;
    const CommandResult r = sim.apply(t);
    QVERIFY(!r.error);
    ViewContext ctx;
    TlbView view(&ctx);
    view.resize(1280, 720);
    showStep(ctx, sim, r.endEvent - 1);
    // Translate commands walk from CR3 and never use the TLB: an empty TLB, nothing touched.
    QCOMPARE(view.touch(), TlbView::Touch::None);
    QVERIFY(view.flushedCells().empty());
    QVERIFY(!view.cellRect({ false, 0, 0 }).isEmpty());
    QVERIFY(view.toolTipForCell({ false, 0, 0 }).contains(u"empty"_s));
    QVERIFY(inkShare(view.grab().toImage()) > 0.03);
}

void TestTlbView::cellsAndTooltips()
{
    Simulator sim = busy("x86-64");
    ViewContext ctx;
    TlbView view(&ctx);
    view.resize(1280, 720);
    showStep(ctx, sim, sim.eventCount() - 1);
    const Tlb& tlb = ctx.machine().tlb;
    int valid = 0;
    for (bool huge : { false, true })
        for (int s = 0; s < (huge ? tlb.hugeSets : tlb.sets); ++s)
            for (int w = 0; w < (huge ? tlb.hugeWays : tlb.ways); ++w) {
                const TlbView::Cell c { huge, s, w };
                const QRectF r = view.cellRect(c);
                QVERIFY(!r.isEmpty());
                QVERIFY(QRectF(view.rect()).contains(r));
                QCOMPARE(*view.cellAt(r.center()), c);
                const TlbEntry& e
                    = (huge ? tlb.huge : tlb.small)[std::size_t(s * (huge ? tlb.hugeWays : tlb.ways) + w)];
                const QString tip = view.toolTipForCell(c);
                if (e.flags & TlbFlag::Valid) {
                    ++valid;
                    QVERIFY2(tip.contains(u"0x"_s + QString::number(e.vpn, 16)), qPrintable(tip));
                    if (e.flags & TlbFlag::Global)
                        QVERIFY(tip.contains(u"Global"_s));
                    else
                        QVERIFY(tip.contains(u"pid %1"_s.arg(e.pid)));
                } else {
                    QVERIFY(tip.contains(u"empty"_s));
                }
            }
    QVERIFY(valid > 40);
    // Cells do not overlap each other.
    QVERIFY(!view.cellRect({ false, 0, 0 }).intersects(view.cellRect({ false, 0, 1 }).adjusted(1, 0, 0, 0)));
    QVERIFY(!view.cellRect({ false, 0, 3 }).intersects(view.cellRect({ true, 0, 0 })));
    QVERIFY(!view.cellAt(QPointF(1, 1)));
    // Different processes get different colours; kernel entries are neutral.
    QVERIFY(TlbView::processColour(1000) != TlbView::processColour(1001));
    QVERIFY(TlbView::processColour(1000) != TlbView::processColour(0, true));
}

void TestTlbView::readableSizes_data()
{
    QTest::addColumn<QString>("preset");
    QTest::addColumn<QSize>("size");
    QTest::addColumn<double>("minPx");
    QTest::addColumn<int>("minLines");
    for (const QString& p : { u"x86-64"_s, u"x86-32"_s, u"x86-64-la57"_s }) {
        QTest::addRow("%s 1280x720", qPrintable(p)) << p << QSize(1280, 720) << 14.0 << 2;
        QTest::addRow("%s 1920x1080", qPrintable(p)) << p << QSize(1920, 1080) << 20.0 << 2;
        QTest::addRow("%s 800x500", qPrintable(p)) << p << QSize(800, 500) << 9.0 << 2;
    }
}

void TestTlbView::readableSizes()
{
    QFETCH(QString, preset);
    QFETCH(QSize, size);
    QFETCH(double, minPx);
    QFETCH(int, minLines);
    Simulator sim = busy(preset.toLatin1().constData());
    ViewContext ctx;
    TlbView view(&ctx);
    view.resize(size);
    showStep(ctx, sim, sim.eventCount() - 1);
    QVERIFY2(view.baseFontPixels() >= minPx, qPrintable(QString::number(view.baseFontPixels())));
    QVERIFY2(view.cellTextLines() >= minLines, qPrintable(QString::number(view.cellTextLines())));
    QVERIFY(inkShare(view.grab().toImage()) > 0.08);
}

void TestTlbView::screenshots()
{
    const QByteArray dir = qgetenv("MEMVIZ_SCREENSHOTS");
    if (dir.isEmpty()) QSKIP("set MEMVIZ_SCREENSHOTS=<dir> to save screenshots");
    QDir().mkpath(QString::fromLocal8Bit(dir));
    const auto path = [&](const QString& name) { return QDir(QString::fromLocal8Bit(dir)).filePath(name); };
    Simulator sim = busy("x86-64");
    const std::uint64_t hit = findEvent(
        sim, [](const Event& e) { return e.type == EventType::TlbLookup && (e.flags & EventFlag::Hit) && e.c > 0; });
    const std::uint64_t flush = findEvent(
        sim, [](const Event& e) { return e.type == EventType::TlbFlush && e.b > 3; }, 2000);
    for (bool darkTheme : { false, true }) {
        Palette::setTheme(darkTheme ? Theme::Dark : Theme::Light);
        const QString sfx = darkTheme ? u"_dark"_s : QString();
        ViewContext ctx;
        TlbView view(&ctx);
        view.resize(1280, 720);
        showStep(ctx, sim, sim.eventCount() - 1);
        QVERIFY(view.grab().save(path(u"tlbview_busy%1.png"_s.arg(sfx))));
        view.resize(1920, 1080);
        QVERIFY(view.grab().save(path(u"tlbview_busy_1080p%1.png"_s.arg(sfx))));
        view.resize(800, 500);
        QVERIFY(view.grab().save(path(u"tlbview_busy_docked%1.png"_s.arg(sfx))));
        view.resize(1280, 720);
        showStep(ctx, sim, hit, 0.35);
        QVERIFY(view.grab().save(path(u"tlbview_hit%1.png"_s.arg(sfx))));
        // A fill that evicts.
        for (std::uint64_t from = 0;;) {
            const std::uint64_t n = findEvent(
                sim, [](const Event& e) { return e.type == EventType::TlbFill; }, from);
            if (n >= sim.eventCount()) break;
            showStep(ctx, sim, n, 0.3);
            if (view.evicts()) break;
            from = n + 1;
        }
        QVERIFY(view.grab().save(path(u"tlbview_evict%1.png"_s.arg(sfx))));
        if (flush < sim.eventCount()) {
            showStep(ctx, sim, flush, 0.5);
            QVERIFY(view.grab().save(path(u"tlbview_flush%1.png"_s.arg(sfx))));
        }
    }
}

QTEST_MAIN(TestTlbView)
#include "tst_tlbview.moc"
