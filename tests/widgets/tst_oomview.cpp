// OomView: the candidate table against hand-computed oom_badness() and its order, the
// table of an OOM kill step by step with the victim and the reason, the oom_score_adj
// editor's signal and range, the kernel-panic banner, the model under
// QAbstractItemModelTester, and that it paints.
//
// Set MEMVIZ_SCREENSHOTS=<dir> to also save PNGs (oomview_*.png) for a human to look at.

#include "OomView.h"
#include "Palette.h"
#include "TestUtil.h"
#include "widgets/WidgetTestUtil.h"
#include "ViewContext.h"
#include "reclaim/Reclaim.h"
#include "sim/Apply.h"
#include "sim/History.h"
#include "sim/Simulator.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QDir>
#include <QHeaderView>
#include <QImage>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTest>

using namespace memviz;
using memviz::test::inkShare;
using namespace Qt::StringLiterals;

namespace {


struct Spec {
    const char* name;
    std::uint64_t pages; ///< anonymous pages touched
    int adj;
};

/// Five processes of different sizes and oom_score_adj values.
Simulator fiveProcesses(const std::vector<Spec>& specs)
{
    Simulator sim = test::boot("x86-64", "256M");
    test::skipPerCommandCheck(sim);
    for (const Spec& s : specs) {
        const std::uint32_t pid = test::spawn(sim, s.name);
        if (s.pages) {
            const std::uint64_t buf = test::mallocIn(sim, pid, s.pages * 4096);
            test::access(sim, pid, buf, s.pages * 4096, true);
        }
        if (s.adj) {
            Command c = vmCommand(CommandType::SetOomScoreAdj, pid);
            c.addr = static_cast<std::uint64_t>(static_cast<std::int64_t>(s.adj));
            const CommandResult r = sim.apply(c);
            if (r.error) qFatal("oom_score_adj refused");
        }
    }
    return sim;
}

const std::vector<Spec> kLesson = {
    { "web", 2000, 0 },
    { "db", 5000, -500 },
    { "cron", 100, 0 },
    { "hog", 8000, 0 },
    { "sshd", 300, -1000 },
};

/// oom_badness() by hand (reference §4): rss + swapents + page-table pages, plus
/// adj * (totalpages / 1000) with the division first.
std::int64_t badness(const Process& p, std::uint64_t total)
{
    return std::int64_t(p.mm.rss() + p.mm.swapEnts + (p.mm.ptPages ? p.mm.ptPages - 1 : 0)) + std::int64_t(p.oomScoreAdj) * std::int64_t(total / 1000);
}

/// The events the OOM killer records: one row per candidate (in pid order), then the kill.
std::vector<Event> oomEvents(const Machine& m, std::uint32_t trigger, bool allocTask = false)
{
    std::vector<Event> out;
    const std::uint64_t total = reclaim::oomTotalPages(m);
    std::int64_t best = std::numeric_limits<std::int64_t>::min();
    std::uint32_t victim = 0;
    for (const auto& [pid, p] : m.procs) {
        if (!p.alive()) continue;
        bool unkillable = false;
        const std::int64_t pts = reclaim::oomBadness(m, p, total, &unkillable);
        Event e;
        e.type = EventType::OomCandidates;
        e.pid = pid;
        e.a = static_cast<std::uint64_t>(pts);
        e.b = p.mm.rss();
        e.c = p.mm.swapEnts;
        e.pfn = p.mm.ptPages ? p.mm.ptPages - 1 : 0;
        e.flags = static_cast<std::uint16_t>(p.oomScoreAdj);
        out.push_back(e);
        if (!unkillable && pts >= best) {
            best = pts;
            victim = pid;
        }
    }
    Event k;
    k.type = EventType::OomKill;
    k.pid = allocTask ? trigger : victim;
    k.a = static_cast<std::uint64_t>(allocTask ? badness(*m.proc(trigger), total) : best);
    k.b = total;
    k.c = trigger;
    if (allocTask) k.flags |= EventFlag::AllocTask;
    out.push_back(k);
    return out;
}

std::uint32_t pidOf(const Machine& m, const char* name)
{
    for (const auto& [pid, p] : m.procs)
        if (m.str(p.comm) == name) return pid;
    return 0;
}

} // namespace

class TestOomView : public QObject {
    Q_OBJECT
private slots:
    void cleanup() { Palette::setTheme(Theme::Light); }
    void livePointsAndOrder_data();
    void livePointsAndOrder();
    void modelTester();
    void killStepByStep();
    void allocatingTask();
    void adjEditor_data();
    void adjEditor();
    void adjEditorWidget();
    void panicBanner_data();
    void panicBanner();
    void paints_data();
    void paints();
    void screenshots();
};

void TestOomView::livePointsAndOrder_data()
{
    QTest::addColumn<int>("hogAdj");
    QTest::addColumn<QString>("top");
    QTest::newRow("largest rss wins") << 0 << u"hog"_s;
    QTest::newRow("adj -500 pulls hog below web") << -500 << u"web"_s;
    QTest::newRow("adj -1000: hog unkillable") << -1000 << u"web"_s;
    QTest::newRow("adj +1000: hog first anyway") << 1000 << u"hog"_s;
}

void TestOomView::livePointsAndOrder()
{
    QFETCH(int, hogAdj);
    QFETCH(QString, top);
    std::vector<Spec> specs = kLesson;
    specs[3].adj = hogAdj;
    Simulator sim = fiveProcesses(specs);
    const Machine& m = sim.current();
    ViewContext ctx;
    OomView view(&ctx);
    view.resize(900, 520);
    ctx.setState(m, m, 1);
    QCOMPARE(view.mode(), OomView::Mode::Live);
    const auto& rows = view.rows();
    QCOMPARE(rows.size(), std::size_t(5));
    const std::uint64_t total = m.totalramPages() + m.swap.totalPages();
    for (const OomRow& r : rows) {
        const Process& p = *m.proc(r.pid);
        QCOMPARE(r.rss, p.mm.rss());
        QCOMPARE(r.pgTables, p.mm.ptPages - 1); // mm_pgtables_bytes() leaves the PGD out
        QCOMPARE(r.adj, int(p.oomScoreAdj));
        QCOMPARE(r.unkillable, p.oomScoreAdj == -1000);
        if (!r.unkillable) {
            QCOMPARE(r.points, badness(p, total));
            // oom_score = (1000 + points * 1000 / totalpages) * 2 / 3
            const std::int64_t score = (1000 + r.points * 1000 / std::int64_t(total)) * 2 / 3;
            QCOMPARE(r.score, std::uint64_t(std::max<std::int64_t>(0, score)));
            QCOMPARE(r.score, reclaim::oomScore(m, p));
        }
        QVERIFY(r.editable);
        QVERIFY(!r.victim);
    }
    // Sorted by points, highest first; unkillable rows last.
    for (std::size_t i = 0; i + 1 < rows.size(); ++i) {
        if (rows[i + 1].unkillable) continue;
        QVERIFY(!rows[i].unkillable);
        QVERIFY(rows[i].points >= rows[i + 1].points);
    }
    QCOMPARE(rows.front().name, top);
    QVERIFY(view.bannerTitle().contains(top));
    QCOMPARE(view.victimRow(), -1);
    // The model shows the same: the points bar of the top row is full.
    QCOMPARE(view.model()->data(view.model()->index(0, OomTableModel::Points), OomTableModel::BarRole).toDouble(), 1.0);
    QCOMPARE(view.model()->data(view.model()->index(0, OomTableModel::Pid)).toString(), QString::number(rows[0].pid));
}

void TestOomView::modelTester()
{
    Simulator sim = fiveProcesses(kLesson);
    const Machine& m = sim.current();
    ViewContext ctx;
    OomView view(&ctx);
    QAbstractItemModelTester tester(view.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    ctx.setState(m, m, 1);
    view.setStepEvents(oomEvents(m, pidOf(m, "web")));
    view.setStepEvents({});
    QCOMPARE(view.model()->columnCount(), int(OomTableModel::ColumnCount));
    for (int c = 0; c < view.model()->columnCount(); ++c)
        QVERIFY(!view.model()->headerData(c, Qt::Horizontal).toString().isEmpty());
}

void TestOomView::killStepByStep()
{
    Simulator sim = fiveProcesses(kLesson);
    const Machine m = sim.current();
    const std::uint32_t hog = pidOf(m, "hog"), web = pidOf(m, "web");
    const std::vector<Event> all = oomEvents(m, web);
    QCOMPARE(all.back().pid, hog);
    ViewContext ctx;
    OomView view(&ctx);
    view.resize(900, 520);
    ctx.setState(m, m, 1);

    // Scanning: the rows dumped so far, the newest one marked.
    view.setStepEvents(std::vector<Event>(all.begin(), all.begin() + 3));
    QCOMPARE(view.mode(), OomView::Mode::Scanning);
    QCOMPARE(view.rows().size(), std::size_t(3));
    QCOMPARE(view.victimRow(), -1);
    int current = 0;
    for (const OomRow& r : view.rows()) current += r.current ? 1 : 0;
    QCOMPARE(current, 1);
    const auto cur = std::find_if(view.rows().begin(), view.rows().end(), [](const OomRow& r) { return r.current; });
    QCOMPARE(cur->pid, all[2].pid);
    QVERIFY(!(view.model()->flags(view.model()->index(0, OomTableModel::Adj)) & Qt::ItemIsEditable));

    // The kill: every candidate, the victim on top and highlighted, the reason.
    view.setStepEvents(all);
    QCOMPARE(view.mode(), OomView::Mode::Killed);
    QCOMPARE(view.rows().size(), std::size_t(5));
    QCOMPARE(view.victimRow(), 0);
    QCOMPARE(view.rows()[0].pid, hog);
    QCOMPARE(view.rows()[0].points, static_cast<std::int64_t>(all.back().a));
    QVERIFY(view.bannerTitle().contains(QString::number(hog)));
    QVERIFY(view.bannerDetail().contains(u"largest badness"_s));
    const QModelIndex v = view.model()->index(0, OomTableModel::Name);
    QVERIFY(view.model()->data(v, Qt::FontRole).value<QFont>().bold());
    QVERIFY(view.model()->data(v, Qt::BackgroundRole).isValid());
    QVERIFY(!view.model()->data(view.model()->index(1, OomTableModel::Name), Qt::BackgroundRole).isValid());
    // Event rows carry the numbers of the events (a candidate's oom_score_adj as int16).
    const auto db = std::find_if(view.rows().begin(), view.rows().end(), [](const OomRow& r) { return r.name == u"db"_s; });
    QCOMPARE(db->adj, -500);

    // Another step goes back to the live table.
    ctx.setState(m, m, 2);
    QCOMPARE(view.mode(), OomView::Mode::Live);
    QCOMPARE(view.victimRow(), -1);
}

void TestOomView::allocatingTask()
{
    Simulator sim = fiveProcesses(kLesson);
    const Machine m = sim.current();
    const std::uint32_t cron = pidOf(m, "cron");
    ViewContext ctx;
    OomView view(&ctx);
    ctx.setState(m, m, 1);
    view.setStepEvents(oomEvents(m, cron, true));
    QCOMPARE(view.mode(), OomView::Mode::Killed);
    const int v = view.victimRow();
    QVERIFY(v > 0); // not the largest: chosen because it allocated
    QCOMPARE(view.rows()[std::size_t(v)].pid, cron);
    QVERIFY(view.bannerDetail().contains(u"oom_kill_allocating_task"_s));
}

void TestOomView::adjEditor_data()
{
    QTest::addColumn<QVariant>("value");
    QTest::addColumn<bool>("accepted");
    QTest::addColumn<int>("signalled");
    QTest::newRow("500") << QVariant(500) << true << 500;
    QTest::newRow("-1000 (never kill)") << QVariant(-1000) << true << -1000;
    QTest::newRow("1000 (kill first)") << QVariant(1000) << true << 1000;
    QTest::newRow("as text") << QVariant(u"-250"_s) << true << -250;
    QTest::newRow("1001 refused") << QVariant(1001) << false << 0;
    QTest::newRow("-1500 refused") << QVariant(-1500) << false << 0;
    QTest::newRow("not a number") << QVariant(u"lots"_s) << false << 0;
    QTest::newRow("unchanged: no command") << QVariant(0) << true << 0;
}

void TestOomView::adjEditor()
{
    QFETCH(QVariant, value);
    QFETCH(bool, accepted);
    QFETCH(int, signalled);
    Simulator sim = fiveProcesses(kLesson);
    const Machine& m = sim.current();
    ViewContext ctx;
    OomView view(&ctx);
    ctx.setState(m, m, 1);
    QSignalSpy spy(&view, &OomView::oomScoreAdjRequested);
    // The row of "web" (oom_score_adj 0).
    int row = -1;
    for (std::size_t i = 0; i < view.rows().size(); ++i)
        if (view.rows()[i].name == u"web"_s) row = int(i);
    QVERIFY(row >= 0);
    const QModelIndex idx = view.model()->index(row, OomTableModel::Adj);
    QVERIFY(view.model()->flags(idx) & Qt::ItemIsEditable);
    QVERIFY(!(view.model()->flags(view.model()->index(row, OomTableModel::Points)) & Qt::ItemIsEditable));
    QCOMPARE(view.model()->setData(idx, value), accepted);
    QCOMPARE(spy.count(), signalled ? 1 : 0);
    if (signalled) {
        QCOMPARE(spy.at(0).at(0).value<std::uint32_t>(), pidOf(m, "web"));
        QCOMPARE(spy.at(0).at(1).toInt(), signalled);
    }
    // The table does not change by itself: the app runs the command and the machine changes.
    QCOMPARE(view.rows()[std::size_t(row)].adj, 0);
}

void TestOomView::adjEditorWidget()
{
    Simulator sim = fiveProcesses(kLesson);
    const Machine& m = sim.current();
    ViewContext ctx;
    OomView view(&ctx);
    view.resize(900, 520);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    ctx.setState(m, m, 1);
    QSignalSpy spy(&view, &OomView::oomScoreAdjRequested);
    const QModelIndex idx = view.model()->index(0, OomTableModel::Adj);
    view.table()->setCurrentIndex(idx);
    view.table()->edit(idx);
    auto* spin = view.table()->findChild<QSpinBox*>();
    QVERIFY(spin);
    QCOMPARE(spin->minimum(), -1000);
    QCOMPARE(spin->maximum(), 1000);
    spin->setValue(5000); // clamped by the editor
    QCOMPARE(spin->value(), 1000);
    QTest::keyClick(spin, Qt::Key_Return);
    QTRY_COMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).value<std::uint32_t>(), view.rows()[0].pid);
    QCOMPARE(spy.at(0).at(1).toInt(), 1000);
}

void TestOomView::panicBanner_data()
{
    QTest::addColumn<int>("reason");
    QTest::addColumn<QString>("words");
    QTest::newRow("no victim") << int(PanicReason::NoVictim) << u"deadlocked"_s;
    QTest::newRow("panic_on_oom") << int(PanicReason::PanicOnOom) << u"panic_on_oom"_s;
}

void TestOomView::panicBanner()
{
    QFETCH(int, reason);
    QFETCH(QString, words);
    Simulator sim = fiveProcesses(kLesson);
    const Machine before = sim.current();
    Machine m = before;
    Event e;
    e.type = EventType::KernelPanic;
    e.a = std::uint64_t(reason);
    applyEvent(m, e);
    QVERIFY(m.panicked);
    ViewContext ctx;
    OomView view(&ctx);
    view.resize(900, 520);
    ctx.setState(before, before, 1);
    QVERIFY(!view.panicShown());
    ctx.setState(before, m, 2);
    view.setStepEvents({ e });
    QVERIFY(view.panicShown());
    QVERIFY(view.bannerTitle().startsWith(u"Kernel panic - not syncing"_s));
    QVERIFY2(view.bannerTitle().contains(words) || view.bannerDetail().contains(words), qPrintable(view.bannerTitle()));
    // The banner is red across the top of the view.
    const QImage img = view.grab().toImage();
    int red = 0;
    for (int x = 20; x < img.width() - 20; x += 10) {
        const QColor c = img.pixelColor(x, 14);
        red += c.red() > 180 && c.green() < 90 && c.blue() < 90;
    }
    QVERIFY2(red > (img.width() - 40) / 10 / 2, qPrintable(QString::number(red)));
}

void TestOomView::paints_data()
{
    QTest::addColumn<bool>("dark");
    QTest::addColumn<QSize>("size");
    QTest::newRow("light") << false << QSize(900, 500);
    QTest::newRow("dark") << true << QSize(900, 500);
    QTest::newRow("docked") << false << QSize(540, 320);
    QTest::newRow("1080p") << false << QSize(1920, 1080);
}

void TestOomView::paints()
{
    {
        // Before any machine exists: paints without crashing.
        ViewContext empty;
        OomView blank(&empty);
        blank.resize(600, 400);
        QVERIFY(!blank.grab().isNull());
    }
    QFETCH(bool, dark);
    QFETCH(QSize, size);
    Palette::setTheme(dark ? Theme::Dark : Theme::Light);
    Simulator sim = fiveProcesses(kLesson);
    const Machine m = sim.current();
    ViewContext ctx;
    OomView view(&ctx);
    view.resize(size);
    ctx.setState(m, m, 1);
    view.setStepEvents(oomEvents(m, pidOf(m, "web")));
    const QImage img = view.grab().toImage();
    QVERIFY(inkShare(img) > 0.05);
    // Every column fits: nothing is cut off on the right at a normal size.
    if (size.width() >= 900) {
        const QHeaderView* h = view.table()->horizontalHeader();
        QVERIFY(h->sectionViewportPosition(OomTableModel::Score) + h->sectionSize(OomTableModel::Score)
            <= view.table()->viewport()->width() + 1);
    }
    QVERIFY(!view.accessibleName().isEmpty());
}

void TestOomView::screenshots()
{
    const QByteArray dir = qgetenv("MEMVIZ_SCREENSHOTS");
    if (dir.isEmpty()) QSKIP("set MEMVIZ_SCREENSHOTS=<dir> to save screenshots");
    QDir().mkpath(QString::fromLocal8Bit(dir));
    const auto path = [&](const QString& name) -> QString { return QString::fromLocal8Bit(dir) + u'/' + name; };
    Simulator sim = fiveProcesses(kLesson);
    const Machine m = sim.current();
    const std::vector<Event> all = oomEvents(m, pidOf(m, "web"));
    Machine panicked = m;
    Event pe;
    pe.type = EventType::KernelPanic;
    pe.a = std::uint64_t(PanicReason::NoVictim);
    applyEvent(panicked, pe);

    for (bool dark : { false, true }) {
        Palette::setTheme(dark ? Theme::Dark : Theme::Light);
        const QString sfx = dark ? u"_dark"_s : QString();
        ViewContext ctx;
        OomView view(&ctx);
        view.resize(900, 500);
        ctx.setState(m, m, 1);
        QVERIFY(view.grab().save(path(u"oomview_live%1.png"_s.arg(sfx))));
        view.setStepEvents(std::vector<Event>(all.begin(), all.begin() + 3));
        QVERIFY(view.grab().save(path(u"oomview_scanning%1.png"_s.arg(sfx))));
        view.setStepEvents(all);
        QVERIFY(view.grab().save(path(u"oomview_kill%1.png"_s.arg(sfx))));
        ctx.setState(m, panicked, 2);
        view.setStepEvents({ pe });
        QVERIFY(view.grab().save(path(u"oomview_panic%1.png"_s.arg(sfx))));
        view.resize(1920, 1080);
        ctx.setState(m, m, 1);
        view.setStepEvents(all);
        QVERIFY(view.grab().save(path(u"oomview_kill_1080p%1.png"_s.arg(sfx))));
        view.resize(540, 320);
        QVERIFY(view.grab().save(path(u"oomview_kill_docked%1.png"_s.arg(sfx))));
    }
}

QTEST_MAIN(TestOomView)
#include "tst_oomview.moc"
