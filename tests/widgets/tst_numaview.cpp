// NumaView: a card per node with its CPUs and zones, an edge per pair of nodes with its
// SLIT distance, the zonelist badges in the kernel's order for the selected node, the
// zonelist walk of an allocation lit zone by zone, the spill arrow of a NodeFallback step,
// clicks on cards and zones, and that it paints in both themes at projector and docked sizes.
//
// Set MEMVIZ_SCREENSHOTS=<dir> to also save PNGs (numaview_*.png) for a human to look at.

#include "NumaView.h"
#include "Palette.h"
#include "TestUtil.h"
#include "ViewContext.h"
#include "widgets/WidgetTestUtil.h"

#include "phys/Numa.h"
#include "sim/Simulator.h"
#include "util/Size.h"

#include <QComboBox>
#include <QDir>
#include <QImage>
#include <QSignalSpy>
#include <QTest>

#include <cmath>
#include <set>

using namespace memviz;
using memviz::test::inkShare;
using namespace Qt::StringLiterals;

namespace {

/// An x86-64 machine with one node per entry of `sizes` ("1" in `cpus` marks a node with
/// CPUs); no sizes: the plain one-node preset machine of 1 GiB.
MachineConfig numaConfig(const QStringList& sizes, const QString& distances, const QString& cpus = {}, int cpuCount = 8)
{
    const MachineConfig c = test::config("x86-64", "1G");
    return sizes.isEmpty() ? c : test::withNumaNodes(c, sizes, distances, cpus, cpuCount);
}

const char* const kLine3 = "10,20,30;20,10,20;30,20,10";
/// A four-socket SLIT: each node two hops from its neighbours and further from the opposite one.
const char* const kSlit4 = "10,16,16,22;16,10,22,16;16,22,10,16;22,16,16,10";

MachineConfig machineNamed(const QString& name)
{
    if (name == u"one node"_s) return numaConfig({}, {});
    if (name == u"x86-32"_s) return test::config("x86-32", "2G"); // no NUMA in the kernel: one node, no numastat
    if (name == u"two nodes"_s) return numaConfig({ u"512M"_s, u"512M"_s }, u"10,21;21,10"_s);
    if (name == u"line of 3"_s) return numaConfig({ u"1G"_s, u"1G"_s, u"1G"_s }, QString::fromLatin1(kLine3));
    if (name == u"4-node SLIT"_s)
        return numaConfig({ u"256M"_s, u"256M"_s, u"256M"_s, u"256M"_s }, QString::fromLatin1(kSlit4));
    if (name == u"memory-only node"_s)
        return numaConfig({ u"512M"_s, u"512M"_s, u"512M"_s }, u"10,20,20;20,10,20;20,20,10"_s, u"110"_s);
    if (name == u"8 nodes"_s) {
        QStringList sizes;
        for (int i = 0; i < 8; ++i) sizes << u"128M"_s;
        return numaConfig(sizes,
            u"10,12,12,12,32,32,32,32;12,10,12,12,32,32,32,32;12,12,10,12,32,32,32,32;12,12,12,10,32,32,32,32;"
            "32,32,32,32,10,12,12,12;32,32,32,32,12,10,12,12;32,32,32,32,12,12,10,12;32,32,32,32,12,12,12,10"_s);
    }
    qFatal("unknown machine");
}

Command allocOn(int node, int order)
{
    Command c = Command::allocPages(order, ZoneType::Normal);
    c.node = node;
    return c;
}

/// Allocations of order 10 from node 0 until one spills to another node; the index of
/// that NodeFallback event (0 when none happened).
std::uint64_t spillFromNode0(Simulator& sim)
{
    for (int i = 0; i < 4000; ++i) {
        const CommandResult r = sim.apply(allocOn(0, 10));
        if (r.error || !r.pfn) break;
        for (std::uint64_t e = r.firstEvent; e < r.endEvent; ++e)
            if (sim.events()[e].type == EventType::NodeFallback) return e;
    }
    return 0;
}

/// Shows the step to event `index` of the run at `progress`.
void showStep(ViewContext& ctx, const Simulator& sim, std::uint64_t index, double progress)
{
    ctx.setSimulator(&sim);
    auto [before, after] = sim.stepAt(index + 1);
    ctx.setState(std::move(before), std::move(after), index + 1);
    ctx.setProgress(progress);
}

void showMachine(ViewContext& ctx, const Machine& m)
{
    ctx.setState(m, m, 0);
    ctx.setProgress(1.0);
}

bool near(QRgb a, const QColor& b, int tol)
{
    return std::abs(qRed(a) - b.red()) <= tol && std::abs(qGreen(a) - b.green()) <= tol
        && std::abs(qBlue(a) - b.blue()) <= tol;
}

/// Whether some pixel of `r` in `img` is close to colour `c`.
bool hasColour(const QImage& img, const QRectF& r, const QColor& c, int tol = 40)
{
    const QRect box = r.toAlignedRect().intersected(img.rect());
    for (int y = box.top(); y <= box.bottom(); ++y)
        for (int x = box.left(); x <= box.right(); ++x)
            if (near(img.pixel(x, y), c, tol)) return true;
    return false;
}

QStringList machineNames()
{
    return { u"one node"_s, u"x86-32"_s, u"two nodes"_s, u"line of 3"_s, u"4-node SLIT"_s, u"memory-only node"_s,
        u"8 nodes"_s };
}

} // namespace

class TestNumaView : public QObject {
    Q_OBJECT
private slots:
    void cleanup() { Palette::setTheme(Theme::Light); }
    void cardsPerNode_data();
    void cardsPerNode();
    void edgesPerPair_data();
    void edgesPerPair();
    void badgesInKernelOrder_data();
    void badgesInKernelOrder();
    void zoneCheckLightsTheZone_data();
    void zoneCheckLightsTheZone();
    void nodeFallbackDrawsTheSpill();
    void handMadeWalk();
    void clickSelects();
    void paints_data();
    void paints();
    void screenshots();
};

void TestNumaView::cardsPerNode_data()
{
    QTest::addColumn<QString>("machine");
    QTest::addColumn<QSize>("size");
    for (const QString& m : machineNames()) {
        QTest::newRow(qPrintable(m + u" 1200x800"_s)) << m << QSize(1200, 800);
        QTest::newRow(qPrintable(m + u" 500x400"_s)) << m << QSize(500, 400);
    }
}

void TestNumaView::cardsPerNode()
{
    QFETCH(QString, machine);
    QFETCH(QSize, size);
    const MachineConfig c = machineNamed(machine);
    const Simulator sim = test::boot(c);
    const Machine& m = sim.current();
    ViewContext ctx;
    NumaView view(&ctx);
    view.resize(size);
    showMachine(ctx, m);

    QCOMPARE(view.cards().size(), m.nodes.size());
    for (const NumaView::Card& card : view.cards()) {
        QVERIFY2(view.rect().contains(card.rect.toAlignedRect()), qPrintable(machine));
        // Every populated zone of the node, highest first, each row inside its card.
        int last = int(ZoneType::Count);
        std::size_t populated = 0;
        for (std::uint8_t z : m.nodes[std::size_t(card.node)].zones) populated += m.zones[z].populated();
        QCOMPARE(card.zones.size(), populated);
        for (const NumaView::ZoneRow& r : card.zones) {
            QCOMPARE(int(m.zones[std::size_t(r.zoneId)].node), card.node);
            QVERIFY(int(m.zones[std::size_t(r.zoneId)].type) < last);
            last = int(m.zones[std::size_t(r.zoneId)].type);
            QVERIFY(card.rect.contains(r.row));
            QVERIFY(r.bar.width() >= 8);
        }
        // No two cards overlap; none runs into the numastat table or the zonelist chips.
        for (const NumaView::Card& o : view.cards())
            if (&o != &card) QVERIFY(!o.rect.intersects(card.rect));
        QVERIFY(!card.rect.intersects(view.numastatRect()));
        for (const NumaView::Chip& chip : view.chips()) QVERIFY(!chip.rect.intersects(card.rect));
    }
    // CPUs or "memory only".
    for (int n = 0; n < int(m.nodes.size()); ++n) {
        if (numa::nodeHasCpus(m.config, n))
            QVERIFY2(view.cpuText(n).startsWith(u"CPU"_s), qPrintable(view.cpuText(n)));
        else
            QCOMPARE(view.cpuText(n), u"memory only"_s);
    }
    if (machine == u"memory-only node"_s) QCOMPARE(view.cpuText(2), u"memory only"_s);
    if (machine == u"line of 3"_s) QCOMPARE(view.cpuText(1), u"CPUs 3-5"_s); // 8 CPUs on 3 nodes: 0-2, 3-5, 6-7
    // One node: the note that a PC without NUMA is one node.
    QCOMPARE(!view.noteRect().isEmpty(), m.nodes.size() == 1);
    if (m.nodes.size() == 1) {
        QVERIFY(view.noteText().contains(u"without NUMA"_s));
        QVERIFY(!view.noteRect().intersects(view.cards().front().rect));
        QVERIFY(view.rect().contains(view.noteRect().toAlignedRect()));
    }
    // numastat on a NUMA kernel, when the 1200x800 view has room.
    if (size.width() >= 1200) QCOMPARE(!view.numastatRect().isEmpty(), m.config.preset != "x86-32");
    if (!view.numastatRect().isEmpty()) QVERIFY(view.rect().contains(view.numastatRect().toAlignedRect()));
}

void TestNumaView::edgesPerPair_data()
{
    QTest::addColumn<QString>("machine");
    for (const QString& m : machineNames()) QTest::newRow(qPrintable(m)) << m;
}

void TestNumaView::edgesPerPair()
{
    QFETCH(QString, machine);
    const Simulator sim = test::boot(machineNamed(machine));
    const Machine& m = sim.current();
    ViewContext ctx;
    NumaView view(&ctx);
    view.resize(1200, 800);
    showMachine(ctx, m);
    const int n = int(m.nodes.size());
    QCOMPARE(int(view.edges().size()), n * (n - 1) / 2);
    std::set<std::pair<int, int>> pairs;
    std::uint32_t dMin = ~0u, dMax = 0;
    for (const NumaView::Edge& e : view.edges()) {
        QVERIFY(e.a < e.b);
        pairs.insert({ e.a, e.b });
        QCOMPARE(e.distance, m.config.nodeDistance(e.a, e.b));
        QCOMPARE(e.text, QString::number(m.config.nodeDistance(e.a, e.b)));
        // Every edge is labelled up to four nodes; beyond, the selected node's are.
        QCOMPARE(e.labelled, n <= 4 || e.a == view.selectedNode() || e.b == view.selectedNode());
        if (e.labelled) QVERIFY(view.rect().contains(e.label.toAlignedRect()));
        dMin = std::min(dMin, e.distance), dMax = std::max(dMax, e.distance);
    }
    QCOMPARE(int(pairs.size()), n * (n - 1) / 2);
    // Closer is thicker.
    for (const NumaView::Edge& a : view.edges())
        for (const NumaView::Edge& b : view.edges())
            if (a.distance < b.distance) QVERIFY(a.width > b.width);
    // The labels stay clear of the cards, and of each other up to four nodes.
    for (const NumaView::Edge& e : view.edges()) {
        if (!e.labelled) continue;
        for (const NumaView::Card& c : view.cards()) QVERIFY2(!c.rect.intersects(e.label), qPrintable(e.text));
        for (const NumaView::Edge& o : view.edges())
            if (&o != &e && o.labelled) QVERIFY(!o.label.intersects(e.label));
    }
}

void TestNumaView::badgesInKernelOrder_data()
{
    QTest::addColumn<QString>("machine");
    for (const QString& m : machineNames()) QTest::newRow(qPrintable(m)) << m;
}

void TestNumaView::badgesInKernelOrder()
{
    QFETCH(QString, machine);
    const Simulator sim = test::boot(machineNamed(machine));
    const Machine& m = sim.current();
    ViewContext ctx;
    NumaView view(&ctx);
    view.resize(1200, 800);
    showMachine(ctx, m);
    QSignalSpy spy(&view, &NumaView::selectedNodeChanged);
    for (int node = 0; node < int(m.nodes.size()); ++node) {
        view.setSelectedNode(node);
        QCOMPARE(view.selectedNode(), node);
        QCOMPARE(view.findChild<QComboBox*>()->currentIndex(), node);
        QCOMPARE(view.highestZone(), ZoneType::Normal);
        // The badges, read in rank order, are the kernel's zonelist for GFP_KERNEL ...
        std::vector<std::pair<int, int>> ranked; // rank, zone
        for (const NumaView::Card& c : view.cards())
            for (const NumaView::ZoneRow& r : c.zones)
                if (r.rank > 0) ranked.emplace_back(r.rank, r.zoneId);
        std::sort(ranked.begin(), ranked.end());
        std::vector<std::uint8_t> zones;
        for (std::size_t i = 0; i < ranked.size(); ++i) {
            QCOMPARE(ranked[i].first, int(i) + 1);
            zones.push_back(std::uint8_t(ranked[i].second));
        }
        QCOMPARE(zones, numa::zonelist(m, node, ZoneType::Normal));
        // ... whose nodes come in the fallback order find_next_best_node() gives.
        std::vector<int> nodes;
        for (std::uint8_t z : zones)
            if (std::find(nodes.begin(), nodes.end(), m.zones[z].node) == nodes.end()) nodes.push_back(m.zones[z].node);
        QCOMPARE(nodes, numa::nodeOrder(m, node));
        QCOMPARE(view.fallbackNodes(), numa::nodeOrder(m, node));
        // The chips under the graph say the same, and the kernel's line.
        QCOMPARE(view.chips().size(), zones.size());
        for (std::size_t i = 0; i < zones.size(); ++i) {
            QCOMPARE(int(view.chips()[i].zoneId), int(zones[i]));
            QCOMPARE(view.chips()[i].rank, int(i) + 1);
        }
        QString expected = QString::fromStdString(numa::fallbackOrderLine(node, numa::nodeOrder(m, node)));
        QCOMPARE(view.fallbackLine(), expected.trimmed());
    }
    QCOMPARE(spy.count(), int(m.nodes.size()) - 1);
    if (machine == u"line of 3"_s) {
        view.setSelectedNode(1);
        QCOMPARE(view.fallbackLine(), u"Fallback order for Node 1: 1 2 0"_s);
    }
}

void TestNumaView::zoneCheckLightsTheZone_data()
{
    QTest::addColumn<bool>("dark");
    QTest::newRow("light") << false;
    QTest::newRow("dark") << true;
}

void TestNumaView::zoneCheckLightsTheZone()
{
    QFETCH(bool, dark);
    Palette::setTheme(dark ? Theme::Dark : Theme::Light);
    Simulator sim = test::boot(machineNamed(u"4-node SLIT"_s));
    const std::uint64_t fb = spillFromNode0(sim);
    QVERIFY(fb > 0);
    // The ZoneChecks of the spilling command: node 0's zones fail, node 1's passes.
    std::vector<std::uint64_t> checks;
    for (std::uint64_t i = sim.commandStart(sim.events()[fb].cmd); i < fb; ++i)
        if (sim.events()[i].type == EventType::ZoneCheck) checks.push_back(i);
    QVERIFY(checks.size() >= 2);
    ViewContext ctx;
    NumaView view(&ctx);
    view.resize(1200, 800);

    // The first check: node 0's first zone, failing its watermark.
    showStep(ctx, sim, checks.front(), 1.0);
    const Event& first = sim.events()[checks.front()];
    QVERIFY(!(first.flags & EventFlag::Ok));
    QCOMPARE(view.checkingZone(), int(first.zone));
    QCOMPARE(view.checkOf(first.zone), NumaView::Check::Fail);
    QCOMPARE(view.walkNode(), 0);
    QCOMPARE(view.selectedNode(), 0);
    QVERIFY2(view.captionText().contains(u"next zone"_s), qPrintable(view.captionText()));
    // (Grab first: the first grab of a hidden widget delivers its pending resize, which lays it out again.)
    QImage img = view.grab().toImage();
    const NumaView::ZoneRow* row = view.zoneRow(first.zone);
    QVERIFY(row);
    QCOMPARE(row->rank, 1);
    const QRectF badge = row->badge;
    const QPointF inBadge(badge.left() + badge.width() * 0.22, badge.center().y());
    QVERIFY2(near(img.pixel(inBadge.toPoint()), Palette::alarm(), 40),
        qPrintable(QColor(img.pixel(inBadge.toPoint())).name()));
    // Zones the walk has not reached are not lit.
    const std::uint8_t lastZone = sim.events()[checks.back()].zone;
    QCOMPARE(view.checkOf(lastZone), NumaView::Check::None);

    // The last check passes on node 1: lit green, earlier ones still red, and a dashed
    // arrow shows the walk has left node 0.
    showStep(ctx, sim, checks.back(), 1.0);
    QCOMPARE(view.checkingZone(), int(lastZone));
    QCOMPARE(int(sim.current().zones[lastZone].node), 1);
    QCOMPARE(view.checkOf(lastZone), NumaView::Check::Pass);
    QCOMPARE(view.checkOf(first.zone), NumaView::Check::Fail);
    QCOMPARE(view.selectedNode(), 0); // the preferred node, not the node of the zone checked
    auto s = view.spill();
    QVERIFY(s);
    QCOMPARE(s->from, 0);
    QCOMPARE(s->to, 1);
    QVERIFY(!s->confirmed);
    img = view.grab().toImage();
    const NumaView::ZoneRow* passRow = view.zoneRow(lastZone);
    QVERIFY(passRow);
    const QPointF inPass(passRow->badge.left() + passRow->badge.width() * 0.22, passRow->badge.center().y());
    QVERIFY(near(img.pixel(inPass.toPoint()), Palette::tlbHit(), 40));
    // Its rank is its place in node 0's zonelist.
    const auto list = numa::zonelist(sim.current(), 0, ZoneType::Normal);
    QCOMPARE(passRow->rank, int(std::find(list.begin(), list.end(), lastZone) - list.begin()) + 1);

    // Mid-step differs from the end (the result fades in).
    ctx.setProgress(0.1);
    const QImage mid = view.grab().toImage();
    ctx.setProgress(1.0);
    QVERIFY(view.grab().toImage() != mid);
}

void TestNumaView::nodeFallbackDrawsTheSpill()
{
    Simulator sim = test::boot(machineNamed(u"4-node SLIT"_s));
    const std::uint64_t fb = spillFromNode0(sim);
    QVERIFY(fb > 0);
    const Event& e = sim.events()[fb];
    QCOMPARE(e.a, std::uint64_t(0));
    QCOMPARE(e.b, std::uint64_t(1)); // node 1 is first of the two nodes at 16
    ViewContext ctx;
    NumaView view(&ctx);
    view.resize(1200, 800);
    view.setSelectedNode(2); // the step brings the preferred node back
    showStep(ctx, sim, fb, 1.0);
    QCOMPARE(view.selectedNode(), 0);
    auto s = view.spill();
    QVERIFY(s);
    QCOMPARE(s->from, 0);
    QCOMPARE(s->to, 1);
    QVERIFY(s->confirmed);
    QCOMPARE(s->zoneId, int(e.zone));
    QVERIFY(view.captionText().contains(u"numa_miss"_s));
    // The arrow runs from card 0 to card 1 and is painted in the highlight colour.
    const QPointF start = s->path.pointAtPercent(0), end = s->path.pointAtPercent(1);
    QVERIFY(view.card(0)->rect.adjusted(-2, -2, 2, 2).contains(start));
    QVERIFY(view.card(1)->rect.adjusted(-2, -2, 2, 2).contains(end));
    const QPointF mid = s->path.pointAtPercent(0.5);
    const QRectF around(mid.x() - 3, mid.y() - 3, 6, 6);
    QImage img = view.grab().toImage();
    QVERIFY(hasColour(img, around, Palette::highlight()));
    // Early in the step the arrow has not got there yet; half-way it has grown.
    ctx.setProgress(0.15);
    QCOMPARE(view.spill()->shown, 0.15);
    img = view.grab().toImage();
    QVERIFY(!hasColour(img, around, Palette::highlight()));
    ctx.setProgress(0.5);
    const QImage half = view.grab().toImage();
    QVERIFY(half != img);
    QVERIFY(hasColour(half, QRectF(start.x() - 6, start.y() - 6, 12, 12), Palette::highlight()));

    // The BuddyAlloc after it: the arrow stays, the numastat counters move.
    showStep(ctx, sim, fb + 1, 1.0);
    QCOMPARE(sim.events()[fb + 1].type, EventType::BuddyAlloc);
    s = view.spill();
    QVERIFY(s && s->confirmed && s->shown == 1.0);
    QVERIFY(view.captionText().contains(u"not the preferred node 0"_s));

    // A step that is no allocation: no walk, no arrow.
    showMachine(ctx, sim.current());
    QVERIFY(!view.spill());
    QCOMPARE(view.checkingZone(), -1);
}

void TestNumaView::handMadeWalk()
{
    // Events given by hand (no run): node 2 of the line walks N2, then N1.
    const Simulator sim = test::boot(machineNamed(u"line of 3"_s));
    const Machine& m = sim.current();
    const auto list = numa::zonelist(m, 2, ZoneType::Normal);
    QVERIFY(list.size() >= 3);
    ViewContext ctx;
    NumaView view(&ctx);
    view.resize(1000, 700);
    showMachine(ctx, m);
    Event a;
    a.type = EventType::ZoneCheck;
    a.zone = list[0];
    a.flags = std::uint32_t(Wmark::Low);
    Event b = a;
    b.zone = list[1];
    b.flags |= EventFlag::Ok;
    view.setStepEvents({ a, b });
    QCOMPARE(view.walkNode(), 2);
    QCOMPARE(view.selectedNode(), 2);
    QCOMPARE(view.checkOf(list[0]), NumaView::Check::Fail);
    QCOMPARE(view.checkOf(list[1]), NumaView::Check::Pass);
    QCOMPARE(view.checkOf(list[2]), NumaView::Check::None);
    QCOMPARE(view.fallbackLine(), u"Fallback order for Node 2: 2 1 0"_s);
    // A single event: the zone it checks.
    view.setStepEvent(a);
    QCOMPARE(view.checkingZone(), int(list[0]));
    view.setStepEvent(std::nullopt);
    QCOMPARE(view.checkingZone(), -1);
    // A new state drops the hand-made events.
    view.setStepEvents({ a, b });
    showMachine(ctx, m);
    QCOMPARE(view.walkNode(), -1);
}

void TestNumaView::clickSelects()
{
    const Simulator sim = test::boot(machineNamed(u"line of 3"_s));
    ViewContext ctx;
    NumaView view(&ctx);
    view.resize(1200, 800);
    showMachine(ctx, sim.current());
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QSignalSpy spy(&view, &NumaView::selectedNodeChanged);
    // A click on a card's title selects its node.
    for (int node : { 2, 1, 0 }) {
        const NumaView::Card* c = view.card(node);
        QVERIFY(c);
        QTest::mouseClick(&view, Qt::LeftButton, {}, c->title.center().toPoint());
        QCOMPARE(view.selectedNode(), node);
        QCOMPARE(view.findChild<QComboBox*>()->currentIndex(), node);
    }
    QCOMPARE(spy.count(), 3);
    // A click on a zone selects its first frame (and its node).
    const NumaView::ZoneRow& z = view.card(2)->zones.front();
    QTest::mouseClick(&view, Qt::LeftButton, {}, z.bar.center().toPoint());
    QCOMPARE(view.selectedNode(), 2);
    QVERIFY(ctx.selectedFrame());
    QCOMPARE(*ctx.selectedFrame(), sim.current().zones[std::size_t(z.zoneId)].startPfn);
    // The node selector.
    auto* box = view.findChild<QComboBox*>();
    QCOMPARE(box->count(), 3);
    box->setCurrentIndex(1);
    emit box->activated(1);
    QCOMPARE(view.selectedNode(), 1);
    // Outside every card: nothing changes.
    QTest::mouseClick(&view, Qt::LeftButton, {}, QPoint(2, view.height() / 2));
    QCOMPARE(view.selectedNode(), 1);
    QVERIFY(!view.accessibleName().isEmpty());
}

void TestNumaView::paints_data()
{
    QTest::addColumn<QString>("machine");
    QTest::addColumn<bool>("dark");
    QTest::addColumn<QSize>("size");
    for (const QString& m : { u"one node"_s, u"x86-32"_s, u"4-node SLIT"_s, u"memory-only node"_s, u"8 nodes"_s })
        for (bool dark : { false, true })
            for (const QSize size : { QSize(1200, 800), QSize(500, 400) })
                QTest::newRow(qPrintable(
                    u"%1 %2 %3x%4"_s.arg(m, dark ? u"dark"_s : u"light"_s).arg(size.width()).arg(size.height())))
                    << m << dark << size;
}

void TestNumaView::paints()
{
    {
        // Before any machine exists: paints without crashing.
        ViewContext empty;
        NumaView blank(&empty);
        blank.resize(600, 400);
        QVERIFY(!blank.grab().isNull());
        QVERIFY(blank.cards().empty());
    }
    QFETCH(QString, machine);
    QFETCH(bool, dark);
    QFETCH(QSize, size);
    Palette::setTheme(dark ? Theme::Dark : Theme::Light);
    Simulator sim = test::boot(machineNamed(machine));
    ViewContext ctx;
    NumaView view(&ctx);
    view.resize(size);
    if (machine == u"4-node SLIT"_s) {
        const std::uint64_t fb = spillFromNode0(sim);
        QVERIFY(fb > 0);
        showStep(ctx, sim, fb, 0.5);
    } else {
        showMachine(ctx, sim.current());
    }
    const QImage img = view.grab().toImage();
    QVERIFY2(inkShare(img) > 0.05, qPrintable(QString::number(inkShare(img))));
    for (const NumaView::Card& c : view.cards()) {
        QVERIFY2(view.rect().contains(c.rect.toAlignedRect()), qPrintable(u"card %1"_s.arg(c.node)));
        QVERIFY(c.rect.top() > view.findChild<QComboBox*>()->geometry().bottom());
    }
    for (const NumaView::Chip& c : view.chips()) QVERIFY(view.rect().contains(c.rect.toAlignedRect()));
}

void TestNumaView::screenshots()
{
    const QByteArray dir = qgetenv("MEMVIZ_SCREENSHOTS");
    if (dir.isEmpty()) QSKIP("set MEMVIZ_SCREENSHOTS=<dir> to save screenshots");
    QDir().mkpath(QString::fromLocal8Bit(dir));
    const auto path = [&](const QString& name) -> QString { return QString::fromLocal8Bit(dir) + u'/' + name; };

    Simulator four = test::boot(machineNamed(u"4-node SLIT"_s));
    const std::uint64_t fb = spillFromNode0(four);
    QVERIFY(fb > 0);
    std::uint64_t firstCheck = fb;
    for (std::uint64_t i = four.commandStart(four.events()[fb].cmd); i < fb; ++i)
        if (four.events()[i].type == EventType::ZoneCheck) {
            firstCheck = i;
            break;
        }
    const Simulator one = test::boot(machineNamed(u"one node"_s));
    const Simulator line = test::boot(machineNamed(u"line of 3"_s));
    const Simulator eight = test::boot(machineNamed(u"8 nodes"_s));
    const Simulator memOnly = test::boot(machineNamed(u"memory-only node"_s));
    const Simulator x86_32 = test::boot(machineNamed(u"x86-32"_s));

    for (bool dark : { false, true }) {
        Palette::setTheme(dark ? Theme::Dark : Theme::Light);
        const QString sfx = dark ? u"_dark"_s : QString();
        for (const QSize size : { QSize(1200, 800), QSize(500, 400), QSize(1920, 1080) }) {
            const QString sz = u"_%1x%2"_s.arg(size.width()).arg(size.height());
            ViewContext ctx;
            NumaView view(&ctx);
            view.resize(size);
            showStep(ctx, four, fb, 0.5);
            QVERIFY(view.grab().save(path(u"numaview_spill%1%2.png"_s.arg(sz, sfx))));
            showStep(ctx, four, firstCheck, 0.6);
            QVERIFY(view.grab().save(path(u"numaview_check%1%2.png"_s.arg(sz, sfx))));
            showStep(ctx, four, fb - 1, 1.0);
            QVERIFY(view.grab().save(path(u"numaview_pass%1%2.png"_s.arg(sz, sfx))));
            ViewContext ctx1;
            NumaView v1(&ctx1);
            v1.resize(size);
            showMachine(ctx1, one.current());
            QVERIFY(v1.grab().save(path(u"numaview_one%1%2.png"_s.arg(sz, sfx))));
            showMachine(ctx1, line.current());
            v1.setSelectedNode(2);
            QVERIFY(v1.grab().save(path(u"numaview_line%1%2.png"_s.arg(sz, sfx))));
            showMachine(ctx1, eight.current());
            QVERIFY(v1.grab().save(path(u"numaview_eight%1%2.png"_s.arg(sz, sfx))));
            showMachine(ctx1, memOnly.current());
            QVERIFY(v1.grab().save(path(u"numaview_memonly%1%2.png"_s.arg(sz, sfx))));
            showMachine(ctx1, x86_32.current());
            QVERIFY(v1.grab().save(path(u"numaview_x86-32%1%2.png"_s.arg(sz, sfx))));
        }
    }
}

QTEST_MAIN(TestNumaView)
#include "tst_numaview.moc"
