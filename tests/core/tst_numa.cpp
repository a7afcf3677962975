// NUMA nodes (reference §2): the fallback order of each node as build_all_zonelists()
// computes it (find_next_best_node with node_load carried from node to node), the
// zonelists made from it, nodes laid out one after the other with their zones and
// memmaps, allocations falling back in zonelist order with NodeFallback events and the
// zone_statistics() counters, refused configurations, and numactl --hardware, numastat
// and the node files byte for byte.

#include "TestUtil.h"

#include "phys/Numa.h"
#include "stats/MemInfo.h"
#include "stats/Numa.h"
#include "stats/ProcFiles.h"
#include "stats/Shell.h"

#include <QElapsedTimer>
#include <QTest>

using namespace memviz;
using namespace memviz::test;
using namespace Qt::StringLiterals;
using namespace std::string_literals;

namespace {

/// An x86-64 machine with one node per entry of `sizes` ("1" in `cpus` marks a node with CPUs).
MachineConfig numaConfig(const QStringList& sizes, const QString& distances, const QString& cpus = {}, int cpuCount = 6)
{
    return withNumaNodes(config("x86-64"), sizes, distances, cpus, cpuCount);
}

/// `count` nodes of 64 MiB each (enough for the orders, which need no boot).
MachineConfig smallNodes(int count, const QString& distances, const QString& cpus = {})
{
    QStringList sizes;
    for (int i = 0; i < count; ++i) sizes << u"64M"_s;
    return numaConfig(sizes, distances, cpus);
}

QString joinOrders(const std::vector<std::vector<int>>& orders)
{
    QStringList out;
    for (const auto& o : orders) {
        QStringList nodes;
        for (int n : o) nodes << QString::number(n);
        out << nodes.join(u' ');
    }
    return out.join(u'|');
}

QStringList labels(const Machine& m, int node, ZoneType highest = ZoneType::Normal)
{
    QStringList out;
    for (const std::string& s : numa::zonelistLabels(m, node, highest)) out << QString::fromStdString(s);
    return out;
}

const char* const kLine3 = "10,20,30;20,10,20;30,20,10";

/// The 3 x 8 GiB machine of the issue (6 CPUs: 0-1, 2-3, 4-5).
MachineConfig threeBy8G()
{
    return numaConfig({ u"8G"_s, u"8G"_s, u"8G"_s }, QString::fromLatin1(kLine3));
}

/// Two 256 MiB nodes: node 1 is all DMA32 (256-512 MiB), quick to exhaust.
MachineConfig twoSmall()
{
    MachineConfig c = numaConfig({ u"256M"_s, u"256M"_s }, u"10,21;21,10"_s, {}, 2);
    c.swapBytes = 0;
    return c;
}

Command allocOn(int node, int order, ZoneType zone = ZoneType::Normal)
{
    Command c = Command::allocPages(order, zone);
    c.node = node;
    return c;
}

void expectClean(const Simulator& s)
{
    const auto f = checkMachine(s.current());
    if (!f.empty()) QFAIL(describe(f.front()).c_str());
}

std::uint8_t zoneOn(const Machine& m, int node, ZoneType t)
{
    return m.zoneId(t, node);
}

} // namespace

class TestNuma : public QObject {
    Q_OBJECT

private slots:
    // ---- the fallback order -----------------------------------------------------------

    void nodeOrders_data()
    {
        QTest::addColumn<int>("nodes");
        QTest::addColumn<QString>("distances");
        QTest::addColumn<QString>("cpus");
        QTest::addColumn<QString>("expected");
        // val(n) = (distance(local, n) + (n < local) + 1 if n has CPUs) * MAX_NUMNODES(8) + node_load[n];
        // node_load[n] += 1 when n starts a new distance group (distance != the previous
        // node's); node_load is cleared once and carried from node 0's build to node 1's ...
        QTest::newRow("one node") << 1 << QString() << QString() << u"0"_s;
        QTest::newRow("two nodes, SLIT 21") << 2 << u"10,21;21,10"_s << QString() << u"0 1|1 0"_s;
        // Four nodes all at REMOTE_DISTANCE, all with CPUs (load starts 0 0 0 0):
        //  node 0: 0; then 1,2,3 at (20+0+1)*8 = 168 -> 1 (first), load[1]=1; 2, 3 same distance.
        //  node 1: 1; 0 = (20+1+1)*8 = 176, 2 = 168, 3 = 168 -> 2, load[2]=1; then 3 (168) before 0 (176).
        //  node 2: 2; 3 = 168 -> 3, load[3]=1; then 0 = 176 + 0 before 1 = 176 + 1.
        //  node 3: 3; 0 = 176, 1 = 177, 2 = 177 -> 0, load[0]=1; then 1, 2.
        QTest::newRow("4 nodes all 20") << 4 << u"10,20,20,20;20,10,20,20;20,20,10,20;20,20,20,10"_s << QString()
                                        << u"0 1 2 3|1 2 3 0|2 3 0 1|3 0 1 2"_s;
        // The line [[10,20,30],[20,10,20],[30,20,10]]:
        //  node 0: 0, 1 (168; load[1]=1), 2 (distance 30 != 20: load[2]=1).
        //  node 1: 1; 0 = (20+1+1)*8 = 176, 2 = (20+0+1)*8 + 1 = 169 -> 2 (load[2]=2), then 0.
        //  node 2: 2; 0 = (30+1+1)*8 = 256, 1 = (20+1+1)*8 + 1 = 177 -> 1 (load[1]=2), then 0 (load[0]=1).
        QTest::newRow("line of 3") << 3 << QString::fromLatin1(kLine3) << QString() << u"0 1 2|1 2 0|2 1 0"_s;
        // Node 2 has memory but no CPUs (no PENALTY_FOR_NODE_WITH_CPUS), all at 20:
        //  node 0: 0; 1 = (20+0+1)*8 = 168, 2 = (20+0+0)*8 = 160 -> 2 first (load[2]=1), then 1.
        //  node 1: 1; 0 = (20+1+1)*8 = 176, 2 = 160 + 1 = 161 -> 2 (load[2]=2), then 0.
        //  node 2: 2 (the local node first); 0 = 176 + 0, 1 = 176 + 0 -> 0 (load[0]=1), then 1.
        QTest::newRow("memory-only node") << 3 << u"10,20,20;20,10,20;20,20,10"_s << u"110"_s << u"0 2 1|1 2 0|2 0 1"_s;
        // Two groups of four (12 inside a group, 32 across), as on a two-socket machine with
        // sub-NUMA clustering. Node_load makes the far group round-robin:
        //  node 0: 0 1 2 3 (1 starts the 12 group: load[1]=1), 4 starts the 32 group (load[4]=1), 5 6 7.
        //  node 1: 1; 2 = (12+0+1)*8 = 104, 3 = 104, 0 = (12+1+1)*8 = 112 -> 2 (load[2]=1), 3, 0;
        //          far group: 4 = (32+0+1)*8 + load[4](1) = 265, 5 = 264 -> 5 (load[5]=1), then
        //          6 = 264 before 4 = 265, 7 = 264 before 4: 5 6 7 4.
        //  node 2: 2, 3 (load[3]=1), 0 = 112 + 0 before 1 = 112 + 1; far: 4 = 265, 5 = 265,
        //          6 = 264 -> 6 (load[6]=1), 7 = 264, then 4 before 5 (first on a tie): 6 7 4 5.
        //  node 3: 3; 0 = 112 + 0, 1 = 113, 2 = 113 -> 0 (load[0]=1), 1, 2; far: 7 = 264 is the
        //          only one with load 0 -> 7 (load[7]=1), then 4 5 6.
        //  nodes 4-7 mirror it: 4 5 6 7 0 1 2 3, 5 6 7 4 1 2 3 0, 6 7 4 5 2 3 0 1, 7 4 5 6 3 0 1 2.
        QTest::newRow("8 nodes, two groups")
            << 8
            << u"10,12,12,12,32,32,32,32;12,10,12,12,32,32,32,32;12,12,10,12,32,32,32,32;12,12,12,10,32,32,32,32;"
               "32,32,32,32,10,12,12,12;32,32,32,32,12,10,12,12;32,32,32,32,12,12,10,12;32,32,32,32,12,12,12,10"_s
            << QString()
            << u"0 1 2 3 4 5 6 7|1 2 3 0 5 6 7 4|2 3 0 1 6 7 4 5|3 0 1 2 7 4 5 6|4 5 6 7 0 1 2 3|5 6 7 4 1 2 3 0|"
               "6 7 4 5 2 3 0 1|7 4 5 6 3 0 1 2"_s;
        // No matrix: LOCAL_DISTANCE 10 on the diagonal, REMOTE_DISTANCE 20 elsewhere.
        QTest::newRow("default distances") << 3 << QString() << QString() << u"0 1 2|1 2 0|2 0 1"_s;
    }

    void nodeOrders()
    {
        QFETCH(int, nodes);
        QFETCH(QString, distances);
        QFETCH(QString, cpus);
        QFETCH(QString, expected);
        const MachineConfig c = smallNodes(nodes, distances, cpus);
        QVERIFY(!c.validate());
        QCOMPARE(joinOrders(numa::nodeOrders(c)), expected);
        // nodeOrder(config, n) is one row of it; a booted machine's zonelists give it back.
        const QStringList rows = expected.split(u'|');
        const Simulator s = boot(c);
        for (int n = 0; n < nodes; ++n) {
            QCOMPARE(joinOrders({ numa::nodeOrder(c, n) }), rows[n]);
            QCOMPARE(joinOrders({ numa::nodeOrder(s.current(), n) }), rows[n]);
        }
    }

    void fallbackOrderLine()
    {
        // build_zonelists(): pr_info("Fallback order for Node %d: ", ...) then pr_cont("%d ") per node.
        QCOMPARE(numa::fallbackOrderLine(0, { 0, 1, 2 }), "Fallback order for Node 0: 0 1 2 "s);
        QCOMPARE(numa::fallbackOrderLine(2, { 2, 1, 0 }), "Fallback order for Node 2: 2 1 0 "s);
        QCOMPARE(numa::fallbackOrderLine(0, { 0 }), "Fallback order for Node 0: 0 "s);
        const auto lines = numa::fallbackOrderLines(threeBy8G());
        QCOMPARE(lines,
            std::vector<std::string>({ "Fallback order for Node 0: 0 1 2 ", "Fallback order for Node 1: 1 2 0 ",
                "Fallback order for Node 2: 2 1 0 " }));
    }

    void dmesgShowsTheFallbackOrder()
    {
        // A NUMA machine's boot log has the lines, before the swap area's; one node has none.
        MachineConfig c = threeBy8G();
        c.swapBytes = 64 * MiB;
        const Simulator s = boot(c);
        const std::string log = runShell(s.current(), "dmesg").out;
        const auto at = log.find("[    0.000000] Fallback order for Node 0: 0 1 2 \n"
                                 "[    0.000000] Fallback order for Node 1: 1 2 0 \n"
                                 "[    0.000000] Fallback order for Node 2: 2 1 0 \n");
        QVERIFY2(at != std::string::npos, log.c_str());
        QVERIFY(at < log.find("Adding 65536k swap"));
        const Simulator one = boot(test::config("x86-64", "1G"));
        QVERIFY(runShell(one.current(), "dmesg").out.find("Fallback order") == std::string::npos);
    }

    void nodeCpus_data()
    {
        QTest::addColumn<int>("cpuCount");
        QTest::addColumn<QString>("cpus");
        QTest::addColumn<QString>("expected");
        // Contiguous blocks over the nodes with CPUs, the first nodes taking the remainder.
        QTest::newRow("6 on 3") << 6 << u"111"_s << u"0 1|2 3|4 5"_s;
        QTest::newRow("20 on 3") << 20 << u"111"_s << u"0 1 2 3 4 5 6|7 8 9 10 11 12 13|14 15 16 17 18 19"_s;
        QTest::newRow("2 on 3") << 2 << u"111"_s << u"0|1|"_s;
        QTest::newRow("memory-only middle") << 4 << u"101"_s << u"0 1||2 3"_s;
        QTest::newRow("no CPU node") << 2 << u"000"_s << u"0 1||"_s;
    }

    void nodeCpus()
    {
        QFETCH(int, cpuCount);
        QFETCH(QString, cpus);
        QFETCH(QString, expected);
        MachineConfig c = smallNodes(3, {}, cpus);
        c.cpus = cpuCount;
        std::vector<std::vector<int>> all;
        for (int n = 0; n < 3; ++n) all.push_back(numa::nodeCpus(c, n));
        QCOMPARE(joinOrders(all), expected);
    }

    // ---- booting several nodes --------------------------------------------------------

    void threeNodesOf8G()
    {
        QElapsedTimer t;
        t.start();
        const Simulator s = boot(threeBy8G());
        const qint64 ms = t.elapsed();
        qInfo("3 x 8 GiB machine booted in %lld ms", static_cast<long long>(ms));
        QVERIFY2(ms < 20000, "booting 24 GiB must stay interactive");
        const Machine& m = s.current();
        QCOMPARE(m.nodes.size(), std::size_t(3));
        QCOMPARE(
            labels(m, 0), QStringList({ u"N0:Normal"_s, u"N0:DMA32"_s, u"N0:DMA"_s, u"N1:Normal"_s, u"N2:Normal"_s }));
        QCOMPARE(
            labels(m, 1), QStringList({ u"N1:Normal"_s, u"N2:Normal"_s, u"N0:Normal"_s, u"N0:DMA32"_s, u"N0:DMA"_s }));
        QCOMPARE(
            labels(m, 2), QStringList({ u"N2:Normal"_s, u"N1:Normal"_s, u"N0:Normal"_s, u"N0:DMA32"_s, u"N0:DMA"_s }));
        // GFP_DMA32 from node 2: only node 0 has such zones.
        QCOMPARE(labels(m, 2, ZoneType::DMA32), QStringList({ u"N0:DMA32"_s, u"N0:DMA"_s }));
        QCOMPARE(labels(m, 1, ZoneType::DMA), QStringList({ u"N0:DMA"_s }));
        QVERIFY(numa::zonelistLabels(m, 3).empty());
        expectClean(s);
    }

    void zoneSpans_data()
    {
        QTest::addColumn<QStringList>("sizes");
        QTest::addColumn<QString>("expected"); // per node: type:start+spanned/managed ..., "|" between nodes
        // 2 GiB + 2 GiB: node 0 = DMA [1, 4096) and DMA32 [4096, 524288); node 1 = DMA32 up to 4 GiB.
        // Node 0: DMA managed 3840 (the low MiB); DMA32 loses the 16 MiB kernel image (4096
        // frames) and node 0's memmap (524288 * 64 B = 8192 frames at its top).
        // Node 1: its memmap, 8192 frames at the top of node 1.
        QTest::newRow("2G+2G") << QStringList({ u"2G"_s, u"2G"_s })
                               << u"DMA:1+4095/3840 DMA32:4096+520192/507904|DMA32:524288+524288/516096"_s;
        // 8 GiB x 3: node 0 = DMA, DMA32 (4096..1048576), Normal (4..8 GiB); nodes 1 and 2 Normal.
        // Memmaps: 2097152 * 64 B = 32768 frames at the top of each node.
        QTest::newRow("3x8G") << QStringList({ u"8G"_s, u"8G"_s, u"8G"_s })
                              << u"DMA:1+4095/3840 DMA32:4096+1044480/1040384 Normal:1048576+1048576/1015808|"
                                 "Normal:2097152+2097152/2064384|Normal:4194304+2097152/2064384"_s;
        // A node straddling 4 GiB: node 1 = 3..5 GiB holds DMA32 and Normal. Node 0's memmap:
        // 786432 * 64 B = 12288 frames; node 1's (8192 frames) sits at its top, in Normal.
        QTest::newRow("3G+2G") << QStringList({ u"3G"_s, u"2G"_s })
                               << u"DMA:1+4095/3840 DMA32:4096+782336/765952|DMA32:786432+262144/262144 "
                                  "Normal:1048576+262144/253952"_s;
    }

    void zoneSpans()
    {
        QFETCH(QStringList, sizes);
        QFETCH(QString, expected);
        QString dist;
        const Simulator s = boot(numaConfig(sizes, dist));
        const Machine& m = s.current();
        QStringList nodes;
        Pfn start = 0;
        for (const Node& n : m.nodes) {
            QCOMPARE(n.startPfn, start);
            QCOMPARE(n.spanned, *parseSize(sizes[n.id].toStdString()) >> 12);
            // Every node has the arch's whole zone array, so zone_idx() is the same everywhere.
            QCOMPARE(n.zones.size(), m.nodes[0].zones.size());
            QStringList zones;
            for (std::size_t i = 0; i < n.zones.size(); ++i) {
                const Zone& z = m.zones[n.zones[i]];
                QCOMPARE(int(z.node), n.id);
                QCOMPARE(int(z.indexInNode), int(i));
                QCOMPARE(z.type, m.zones[m.nodes[0].zones[i]].type);
                if (!z.populated()) continue;
                QVERIFY(z.startPfn >= n.startPfn && z.endPfn() <= n.startPfn + n.spanned);
                zones << u"%1:%2+%3/%4"_s.arg(QString::fromLatin1(zoneTypeName(z.type)))
                             .arg(z.startPfn)
                             .arg(z.spanned)
                             .arg(z.managed);
            }
            nodes << zones.join(u' ');
            // The node's memmap sits at its top: spanned * 64 bytes, in whole pages.
            const Pfn end = n.startPfn + n.spanned, mm = (n.spanned * 64 + 4095) / 4096;
            QCOMPARE(m.frames.state(end - 1), FrameState::MemMap);
            QCOMPARE(m.frames.state(end - mm), FrameState::MemMap);
            QVERIFY(m.frames.state(end - mm - 1) != FrameState::MemMap);
            start = end;
        }
        QCOMPARE(nodes.join(u'|'), expected);
        // The kernel image stays on node 0.
        QCOMPARE(m.frames.state(4096), FrameState::KernelImage);
        expectClean(s);
    }

    void singleNodeConfigUnchanged()
    {
        // numaNodes with one node of all the RAM boots the same machine as no numaNodes.
        const MachineConfig plain = config("x86-64", "2G");
        MachineConfig one = plain;
        one.numaNodes = { NumaNodeConfig { 2 * GiB, true } };
        Simulator a = boot(plain), b = boot(one);
        QCOMPARE(formatZoneinfo(b.current()), formatZoneinfo(a.current()));
        QCOMPARE(formatBuddyinfo(b.current()), formatBuddyinfo(a.current()));
        for (int i = 0; i < 50; ++i) {
            const auto ra = a.apply(Command::allocPages(i % 5)), rb = b.apply(Command::allocPages(i % 5));
            QCOMPARE(ra.pfn, rb.pfn);
        }
        QCOMPARE(formatVmstat(b.current()), formatVmstat(a.current()));
        QCOMPARE(a.eventCount(), b.eventCount());
    }

    // ---- allocations falling back -----------------------------------------------------

    void fallbackToNextNode()
    {
        Simulator s = boot(twoSmall());
        const Machine& m = s.current();
        const std::uint8_t n0 = zoneOn(m, 0, ZoneType::DMA32), n1 = zoneOn(m, 1, ZoneType::DMA32);
        QCOMPARE(labels(m, 1), QStringList({ u"N1:DMA32"_s, u"N0:DMA32"_s, u"N0:DMA"_s }));
        const Zone base0 = m.zones[n0], base1 = m.zones[n1]; // what boot counted already
        const Pfn node1Start = m.nodes[1].startPfn;
        // alloc_pages_node(1, order 8) until node 1 is below its low watermark.
        std::uint64_t onNode1 = 0;
        std::uint64_t fallbackEvent = 0;
        for (int i = 0; i < 1000 && !fallbackEvent; ++i) {
            const std::uint64_t before = s.eventCount();
            const CommandResult r = s.apply(allocOn(1, 8));
            QVERIFY(!r.error && r.pfn);
            expectClean(s);
            for (std::uint64_t e = before; e < s.eventCount(); ++e)
                if (s.events()[e].type == EventType::NodeFallback) fallbackEvent = e;
            if (fallbackEvent) {
                // The first zone of the list refused at the low watermark, node 0's DMA32 took it.
                QVERIFY(*r.pfn < node1Start);
                const Event& f = s.events()[fallbackEvent];
                QCOMPARE(f.zone, n0);
                QCOMPARE(f.a, std::uint64_t(1));
                QCOMPARE(f.b, std::uint64_t(0));
                QCOMPARE(f.pfn, *r.pfn);
                QCOMPARE(int(f.order), 8);
                const Event& next = s.events()[fallbackEvent + 1];
                QCOMPARE(next.type, EventType::BuddyAlloc);
                QCOMPARE(next.pfn, *r.pfn);
                std::vector<std::uint8_t> checked;
                for (std::uint64_t e = before; e < fallbackEvent; ++e)
                    if (s.events()[e].type == EventType::ZoneCheck) checked.push_back(s.events()[e].zone);
                QCOMPARE(checked, std::vector<std::uint8_t>({ n1, n0 }));
                QCOMPARE(s.events()[before].type, EventType::ZoneCheck);
                QVERIFY(!(s.events()[before].flags & EventFlag::Ok));
            } else {
                QVERIFY(*r.pfn >= node1Start);
                ++onNode1;
            }
        }
        QVERIFY(fallbackEvent);
        QVERIFY(onNode1 > 100); // 256 MiB less its memmap and watermarks, in 1 MiB blocks
        // zone_statistics(): node 1 was preferred every time, its zone hit; node 0's zone
        // missed once and node 1's zone counts the foreign allocation. The kernel's commands
        // run on node 0's CPU: local for node 0's zone, other for node 1's.
        const Machine& after = s.current();
        const Zone &z0 = after.zones[n0], &z1 = after.zones[n1];
        QCOMPARE(z1.numaHit - base1.numaHit, onNode1);
        QCOMPARE(z1.numaMiss - base1.numaMiss, std::uint64_t(0));
        QCOMPARE(z1.numaForeign - base1.numaForeign, std::uint64_t(1));
        QCOMPARE(z1.numaLocal - base1.numaLocal, std::uint64_t(0));
        QCOMPARE(z1.numaOther - base1.numaOther, onNode1);
        QCOMPARE(z0.numaHit - base0.numaHit, std::uint64_t(0));
        QCOMPARE(z0.numaMiss - base0.numaMiss, std::uint64_t(1));
        QCOMPARE(z0.numaForeign - base0.numaForeign, std::uint64_t(0));
        QCOMPARE(z0.numaLocal - base0.numaLocal, std::uint64_t(1));
        QCOMPARE(z0.numaOther - base0.numaOther, std::uint64_t(0));
        // Node 0 allocations from node 0: hits, local.
        for (int i = 0; i < 3; ++i) QVERIFY(s.apply(allocOn(0, 0)).pfn);
        QCOMPARE(s.current().zones[n0].numaHit - base0.numaHit, std::uint64_t(3));
        QCOMPARE(s.current().zones[n0].numaLocal - base0.numaLocal, std::uint64_t(4));

        // /proc/vmstat sums the zones; numastat and the node files show them per node.
        std::uint64_t node[2][5] = {}; // hit miss foreign local other
        for (const Zone& z : s.current().zones) {
            std::uint64_t* n = node[z.node];
            n[0] += z.numaHit, n[1] += z.numaMiss, n[2] += z.numaForeign, n[3] += z.numaLocal, n[4] += z.numaOther;
        }
        QCOMPARE(node[1][0], z1.numaHit); // node 1 has the one zone
        auto sum = [&](int i) { return std::to_string(node[0][i] + node[1][i]); };
        const std::string expectVm = "numa_hit " + sum(0) + "\nnuma_miss " + sum(1) + "\nnuma_foreign " + sum(2)
            + "\nnuma_interleave 0\nnuma_local " + sum(3) + "\nnuma_other " + sum(4) + "\n";
        const std::string vmstat = formatVmstat(s.current());
        QVERIFY2(vmstat.find(expectVm) != std::string::npos, vmstat.c_str());
        // numastat: "%-16s" labels, "%16s"/"%16.0f" columns.
        auto row = [&](const char* label, std::uint64_t a, std::uint64_t b) {
            return QString::fromLatin1(label).leftJustified(16) + QString::number(a).rightJustified(16)
                + QString::number(b).rightJustified(16) + u'\n';
        };
        const QString expectNumastat = QString(16, u' ') + u"node0"_s.rightJustified(16) + u"node1"_s.rightJustified(16)
            + u'\n' + row("numa_hit", node[0][0], node[1][0]) + row("numa_miss", node[0][1], node[1][1])
            + row("numa_foreign", node[0][2], node[1][2]) + row("interleave_hit", 0, 0)
            + row("local_node", node[0][3], node[1][3]) + row("other_node", node[0][4], node[1][4]);
        QCOMPARE(QString::fromStdString(runShell(s.current(), "numastat").out), expectNumastat);
        QCOMPARE(node[1][1], std::uint64_t(0));
        QCOMPARE(node[1][2], std::uint64_t(1));
        std::string file;
        QVERIFY(readNodeFile(s.current(), 1, "numastat", &file));
        QCOMPARE(file,
            "numa_hit " + std::to_string(node[1][0])
                + "\nnuma_miss 0\nnuma_foreign 1\ninterleave_hit 0\n"
                  "local_node "
                + std::to_string(node[1][3]) + "\nother_node " + std::to_string(node[1][4]) + "\n");
        // /proc/zoneinfo has the zone's lines.
        const std::string zi = formatZoneinfo(s.current());
        const auto at = zi.find("Node 1, zone    DMA32");
        QVERIFY(at != std::string::npos);
        const std::string z1Text = zi.substr(at, zi.find("Node 1, zone   Normal") - at);
        QVERIFY2(z1Text.find("\n      numa_foreign 1\n") != std::string::npos, z1Text.c_str());
        QVERIFY(z1Text.find("\n      numa_other   " + std::to_string(z1.numaOther) + "\n") != std::string::npos);
        expectClean(s);
    }

    void processHomeNode()
    {
        // A program spawned on node 1 gets its pages from node 1 (local hits); its child too.
        MachineConfig c = numaConfig({ u"1G"_s, u"1G"_s }, u"10,20;20,10"_s, {}, 2);
        Simulator s = boot(c);
        const Pfn node1Start = s.current().nodes[1].startPfn;
        Command sp = vmCommand(CommandType::Spawn, 0);
        sp.text = "remote";
        sp.node = 1;
        std::uint64_t from = s.eventCount();
        const CommandResult r = s.apply(sp);
        QVERIFY(!r.error);
        Proc p { s, static_cast<std::uint32_t>(r.value) };
        QCOMPARE(int(p.p().node), 1);
        // Every block the commands since `from` took came from node 1, without fallback.
        auto allOnNode1 = [&](std::uint64_t since) {
            std::uint64_t allocs = 0;
            for (std::uint64_t e = since; e < s.eventCount(); ++e) {
                const Event& ev = s.events()[e];
                if (ev.type == EventType::NodeFallback) return std::uint64_t(0);
                if (ev.type != EventType::BuddyAlloc) continue;
                if (ev.pfn < node1Start) return std::uint64_t(0);
                ++allocs;
            }
            return allocs;
        };
        QVERIFY(allOnNode1(from) > 0); // page tables, task_struct, kernel stack, the first pages
        from = s.eventCount();
        const std::uint64_t a = p.malloc(4 * MiB);
        p.touch(a, 4 * MiB);
        QVERIFY(allOnNode1(from) > 1024);
        from = s.eventCount();
        Proc child = p.fork();
        QCOMPARE(int(child.p().node), 1);
        // The child's PGD, task_struct and stack come from the parent's node too.
        QVERIFY(allOnNode1(from) > 0);
        from = s.eventCount();
        child.touch(a, 64 * KiB); // COW copies on node 1
        QCOMPARE(allOnNode1(from), std::uint64_t(16));
        const Zone& z = s.current().zones[zoneOn(s.current(), 1, ZoneType::DMA32)];
        QVERIFY(z.numaHit > 1024);
        QCOMPARE(z.numaLocal, z.numaHit);
        QCOMPARE(z.numaOther, std::uint64_t(0));
        expectClean(s);
    }

    void reclaimSeesEveryNode()
    {
        // An allocation that exhausts both nodes wakes kswapd (every zone of the zonelist
        // below low) and the machine stays consistent; pages come from both nodes.
        MachineConfig c = numaConfig({ u"128M"_s, u"128M"_s }, u"10,20;20,10"_s, {}, 2);
        c.swapBytes = 256 * MiB;
        Simulator s = boot(c);
        Command sp = vmCommand(CommandType::Spawn, 0);
        sp.text = "hog";
        sp.node = 1;
        Proc p { s, static_cast<std::uint32_t>(s.apply(sp).value) };
        const std::uint64_t a = p.mmap(320 * MiB);
        p.touch(a, 320 * MiB);
        QVERIFY(countEvents(s, EventType::NodeFallback) > 0);
        QVERIFY(countEvents(s, EventType::KswapdWake) > 0);
        QVERIFY(s.current().rc.pswpout > 0);
        expectClean(s);
    }

    void deterministic()
    {
        auto run = [](Simulator& s) {
            Command sp = vmCommand(CommandType::Spawn, 0);
            sp.text = "a";
            sp.node = 2;
            Proc p { s, static_cast<std::uint32_t>(s.apply(sp).value) };
            const std::uint64_t a = p.malloc(8 * MiB);
            p.touch(a, 8 * MiB);
            for (int i = 0; i < 20; ++i) s.apply(allocOn(i % 3, i % 4));
        };
        const MachineConfig c = numaConfig({ u"256M"_s, u"256M"_s, u"256M"_s }, QString::fromLatin1(kLine3));
        Simulator a = boot(c), b = boot(c);
        run(a);
        run(b);
        QCOMPARE(a.eventCount(), b.eventCount());
        for (std::uint64_t i = 0; i < a.eventCount(); ++i) {
            const Event &x = a.events()[i], &y = b.events()[i];
            QVERIFY(x.type == y.type && x.zone == y.zone && x.order == y.order && x.pfn == y.pfn && x.a == y.a
                && x.b == y.b && x.c == y.c && x.time == y.time && x.flags == y.flags);
        }
        QCOMPARE(formatZoneinfo(a.current()), formatZoneinfo(b.current()));
        expectClean(a);
    }

    // ---- configurations refused -------------------------------------------------------

    void badConfigs_data()
    {
        QTest::addColumn<QStringList>("sizes");
        QTest::addColumn<QString>("distances");
        QTest::addColumn<QString>("preset");
        QTest::addColumn<QString>("detail");
        QTest::addColumn<qint64>("a");
        QTest::addColumn<qint64>("b");
        const QStringList two { u"1G"_s, u"1G"_s }, three { u"1G"_s, u"1G"_s, u"1G"_s };
        QTest::newRow("asymmetric") << two << u"10,20;21,10"_s << u"x86-64"_s << u"distance"_s << 0ll << 1ll;
        QTest::newRow("zero off-diagonal") << two << u"10,0;0,10"_s << u"x86-64"_s << u"distance"_s << 0ll << 1ll;
        QTest::newRow("off-diagonal 10") << two << u"10,10;10,10"_s << u"x86-64"_s << u"distance"_s << 0ll << 1ll;
        QTest::newRow("off-diagonal 256") << two << u"10,256;256,10"_s << u"x86-64"_s << u"distance"_s << 0ll << 1ll;
        QTest::newRow("diagonal 20") << two << u"10,20;20,20"_s << u"x86-64"_s << u"distance"_s << 1ll << 1ll;
        QTest::newRow("2x2 for 3 nodes") << three << u"10,20;20,10"_s << u"x86-64"_s << u"distance"_s << -1ll << 2ll;
        QTest::newRow("short row") << three << u"10,20,20;20,10;20,20,10"_s << u"x86-64"_s << u"distance"_s << 1ll
                                   << -1ll;
        QStringList nine;
        for (int i = 0; i < 9; ++i) nine << u"64M"_s;
        QTest::newRow("9 nodes") << nine << QString() << u"x86-64"_s << u"nodes"_s << 9ll << 8ll;
        QTest::newRow("32-bit preset") << two << QString() << u"x86-pae"_s << u"node-arch"_s << 0ll << 0ll;
        QTest::newRow("x86-32 preset") << QStringList({ u"512M"_s, u"512M"_s }) << QString() << u"x86-32"_s
                                       << u"node-arch"_s << 0ll << 0ll;
        QTest::newRow("node below 64M") << QStringList({ u"1G"_s, u"32M"_s }) << QString() << u"x86-64"_s
                                        << u"node-ram"_s << 1ll << qint64(32 * MiB);
    }

    void badConfigs()
    {
        QFETCH(QStringList, sizes);
        QFETCH(QString, distances);
        QFETCH(QString, preset);
        QFETCH(QString, detail);
        QFETCH(qint64, a);
        QFETCH(qint64, b);
        MachineConfig c = numaConfig(sizes, distances);
        const MachineConfig p = config(preset.toLatin1().constData());
        c.arch = p.arch;
        c.preset = p.preset;
        const Error e = c.validate();
        QCOMPARE(errorCodeName(e.code), "BadNuma");
        QCOMPARE(QString::fromStdString(e.detail), detail);
        QCOMPARE(e.a, a);
        QCOMPARE(e.b, b);
        const auto v = Simulator::create(c);
        QVERIFY(std::holds_alternative<Error>(v));
        QCOMPARE(std::get<Error>(v).code, ErrorCode::BadNuma);
    }

    void badRamSums()
    {
        MachineConfig c = numaConfig({ u"1G"_s, u"1G"_s }, {});
        c.ramBytes = 3 * GiB; // not the sum of the nodes
        Error e = c.validate();
        QCOMPARE(e.code, ErrorCode::BadNuma);
        QCOMPARE(e.detail, "node-ram"s);
        QCOMPARE(e.a, -1ll);
        QCOMPARE(e.b, qint64(2 * GiB));
        // Node 0 holds the kernel image, the boot allocations and its memmap.
        c = numaConfig({ u"64M"_s, u"1G"_s }, {});
        c.bootReservedBytes = 40 * MiB;
        e = c.validate();
        QCOMPARE(e.code, ErrorCode::BadNuma);
        QCOMPARE(e.detail, "node-ram"s);
        QCOMPARE(e.a, 0ll);
        // A node size that is no whole number of pages.
        c = numaConfig({ u"1G"_s, u"1G"_s }, {});
        c.numaNodes[1].ramBytes += 100;
        c.ramBytes += 100;
        e = c.validate();
        QCOMPARE(e.detail, "node-ram"s);
        QCOMPARE(e.a, 1ll);
        // Sizes that wrap the 64-bit sum around to exactly the RAM (a crafted session file):
        // a node larger than the whole machine is refused before it is added.
        c = numaConfig({ u"256M"_s, u"256M"_s, u"256M"_s }, {});
        c.ramBytes = 512 * MiB;
        c.numaNodes[1].ramBytes = std::uint64_t(1) << 63;
        c.numaNodes[2].ramBytes = (std::uint64_t(1) << 63) + 256 * MiB;
        e = c.validate();
        QCOMPARE(e.code, ErrorCode::BadNuma);
        QCOMPARE(e.detail, "node-ram"s);
        QCOMPARE(e.a, 1ll);
        QVERIFY(std::holds_alternative<Error>(Simulator::create(c)));
    }

    void bootReservationWraps()
    {
        // 2^64 - (the kernel and its memmap) would wrap the reserved total to a small number.
        MachineConfig c = config("x86-64");
        c.ramBytes = 512 * MiB;
        c.bootReservedBytes = ~std::uint64_t(0) - 64 * MiB;
        const Error e = c.validate();
        QCOMPARE(e.code, ErrorCode::RamTooSmall);
        QVERIFY(std::holds_alternative<Error>(Simulator::create(c)));
    }

    // ---- numactl, numastat and the node files -----------------------------------------

    void numactlHardware()
    {
        // Node sizes from the managed pages of zoneSpans' 3x8G row: node 0 = 3840 + 1040384 +
        // 1015808 = 2060032 pages = 8240128 kB = 8047 MB; nodes 1, 2 = 2064384 pages = 8064 MB.
        // Free: the same less what boot allocated from each node (taken from the zones).
        const Simulator s = boot(threeBy8G());
        const Machine& m = s.current();
        auto freeMb = [&](int node) {
            std::uint64_t free = 0;
            for (std::uint8_t z : m.nodes[static_cast<std::size_t>(node)].zones) free += m.zones[z].freePages;
            return QString::number(free * 4 / 1024);
        };
        const QString expected = u"available: 3 nodes (0-2)\n"
                                 "node 0 cpus: 0 1\n"
                                 "node 0 size: 8047 MB\n"
                                 "node 0 free: %1 MB\n"
                                 "node 1 cpus: 2 3\n"
                                 "node 1 size: 8064 MB\n"
                                 "node 1 free: %2 MB\n"
                                 "node 2 cpus: 4 5\n"
                                 "node 2 size: 8064 MB\n"
                                 "node 2 free: %3 MB\n"
                                 "node distances:\n"
                                 "node   0   1   2 \n"
                                 "  0:  10  20  30 \n"
                                 "  1:  20  10  20 \n"
                                 "  2:  30  20  10 \n"_s.arg(freeMb(0), freeMb(1), freeMb(2));
        QCOMPARE(QString::fromStdString(formatNumactlHardware(m)), expected);
        const ShellResult r = runShell(m, "numactl --hardware");
        QCOMPARE(QString::fromStdString(r.out), expected);
        QCOMPARE(r.status, 0);
        QCOMPARE(runShell(m, "numactl -H").out, r.out);
        QCOMPARE(runShell(m, "numactl --hardware | grep size").out,
            "node 0 size: 8047 MB\nnode 1 size: 8064 MB\nnode 2 size: 8064 MB\n"s);
        // Boot takes no memory from nodes 1 and 2 but their memmaps (already not managed).
        QCOMPARE(freeMb(1), u"8064"_s);
    }

    void numactlSingleNode()
    {
        // The x86-64 preset at 2 GiB: one node; managed = 3840 + (524288 - 4096 - 4096 - 8192)
        // = 511744 pages = 2046976 kB = 1999 MB.
        const Simulator s = boot("x86-64", "2G");
        const ShellResult r = runShell(s.current(), "numactl --hardware");
        const std::string head = "available: 1 nodes (0)\nnode 0 cpus: 0 1\nnode 0 size: 1999 MB\nnode 0 free: ";
        QCOMPARE(r.out.substr(0, head.size()), head);
        const std::string tail = " MB\nnode distances:\nnode   0 \n  0:  10 \n";
        QCOMPARE(r.out.substr(r.out.size() - tail.size()), tail);
        // numastat: one column, node0.
        const std::string ns = runShell(s.current(), "numastat").out;
        QCOMPARE(ns.substr(0, 33), "                           node0\n"s);
        QCOMPARE(runShell(s.current(), "cat /sys/devices/system/node/node0/distance").out, "10\n"s);
        QCOMPARE(runShell(s.current(), "cat /sys/devices/system/node/node1/distance").status, 1);
    }

    void noNumaOn32Bit()
    {
        const Simulator s = boot("x86-32");
        ShellResult r = runShell(s.current(), "numactl --hardware");
        QCOMPARE(r.out, "No NUMA available on this system\n"s);
        QCOMPARE(r.status, 1);
        r = runShell(s.current(), "numastat");
        QCOMPARE(r.err, "sysfs not mounted or system not NUMA aware: No such file or directory\n"s);
        QCOMPARE(r.status, 1);
        QCOMPARE(runShell(s.current(), "cat /sys/devices/system/node/node0/meminfo").err,
            "cat: /sys/devices/system/node/node0/meminfo: No such file or directory\n"s);
    }

    void numastatFolds()
    {
        // Eight nodes: one line without a terminal; at 80 columns four node columns per section
        // (16 for the labels + 4 x 16), a blank line between the sections.
        QStringList sizes;
        for (int i = 0; i < 8; ++i) sizes << u"64M"_s;
        const Simulator s = boot(numaConfig(sizes, {}));
        const std::string wide = formatNumastat(s.current());
        QVERIFY(wide.starts_with(std::string(16, ' ') + "           node0           node1"));
        QCOMPARE(std::count(wide.begin(), wide.end(), '\n'), 7l);
        const std::string folded = formatNumastat(s.current(), 80);
        QCOMPARE(std::count(folded.begin(), folded.end(), '\n'), 15l);
        QVERIFY(folded.find("\n\n                           node4           node5           node6           node7\n")
            != std::string::npos);
        QVERIFY(folded.starts_with("                           node0           node1           node2           node3\n"
                                   "numa_hit        "));
    }

    void nodeFiles()
    {
        const Simulator s = boot(threeBy8G());
        const Machine& m = s.current();
        QCOMPARE(runShell(m, "cat /sys/devices/system/node/node0/distance").out, "10 20 30\n"s);
        QCOMPARE(runShell(m, "cat /sys/devices/system/node/node2/distance").out, "30 20 10\n"s);
        QCOMPARE(runShell(m, "cat /sys/devices/system/node/node1/cpulist").out, "2-3\n"s);
        const ShellResult dir = runShell(m, "cat /sys/devices/system/node/node1");
        QCOMPARE(dir.err, "cat: /sys/devices/system/node/node1: Is a directory\n"s);
        // meminfo: MemTotal/MemFree per node (node 1 = 2064384 pages = 8257536 kB).
        const std::string mi = runShell(m, "cat /sys/devices/system/node/node1/meminfo").out;
        QVERIFY(mi.starts_with("Node 1 MemTotal:        8257536 kB\nNode 1 MemFree:         "));
        QVERIFY(mi.ends_with(
            "Node 1 HugePages_Total:     0\nNode 1 HugePages_Free:      0\nNode 1 HugePages_Surp:      0\n"));
        QCOMPARE(std::count(mi.begin(), mi.end(), '\n'), 37l);
        // Node 0's meminfo carries the machine's node counters: its totals match /proc/meminfo's lines.
        const MemInfo i = computeMemInfo(m);
        const std::string mi0 = runShell(m, "cat /sys/devices/system/node/node0/meminfo").out;
        char line[128];
        std::snprintf(line, sizeof line, "Node 0 FilePages:      %8lu kB\n",
            static_cast<unsigned long>(i.cached + i.buffers + i.swapCached));
        QVERIFY(mi0.find(line) != std::string::npos);
        // The shell lists them for completion; numactl and numastat are commands.
        const auto files = shellFiles(m);
        QVERIFY(std::find(files.begin(), files.end(), "/sys/devices/system/node/node2/numastat") != files.end());
        const auto cmds = shellCommands();
        QVERIFY(std::find(cmds.begin(), cmds.end(), "numastat") != cmds.end());
        QVERIFY(std::find(cmds.begin(), cmds.end(), "numactl") != cmds.end());
        QCOMPARE(runShell(m, "numactl --show").status, 1);
        QCOMPARE(runShell(m, "numastat -m").status, 1);
    }

    void procFilesPerNode()
    {
        // /proc/buddyinfo and /proc/zoneinfo list every node ("Node 1, zone   Normal").
        const Simulator s = boot(numaConfig({ u"4G"_s, u"1G"_s }, u"10,20;20,10"_s));
        const Machine& m = s.current();
        const std::string bi = formatBuddyinfo(m);
        QVERIFY(bi.find("Node 0, zone      DMA ") != std::string::npos);
        QVERIFY(bi.find("Node 0, zone    DMA32 ") != std::string::npos);
        QVERIFY(bi.find("Node 1, zone   Normal ") != std::string::npos);
        QCOMPARE(std::count(bi.begin(), bi.end(), '\n'), 3l);
        const std::string zi = formatZoneinfo(m);
        QVERIFY(zi.find("Node 1, zone   Normal\n  per-node stats\n      nr_inactive_anon 0\n") != std::string::npos);
        QVERIFY(zi.find("Node 1, zone      DMA\n  pages free     0\n") != std::string::npos);
        // Node 1 has 3 of the 6 CPUs: pcp high = low watermark / 3.
        const Zone& n1 = m.zones[m.zoneId(ZoneType::Normal, 1)];
        const auto at = zi.find("Node 1, zone   Normal");
        const std::string text = zi.substr(at);
        const std::uint64_t high = std::max<std::uint64_t>(n1.wmark[1] / 3, 4 * 63);
        QVERIFY2(text.find("\n              high:     " + std::to_string(high) + "\n") != std::string::npos,
            text.substr(0, 3000).c_str());
    }
};

QTEST_MAIN(TestNuma)
#include "tst_numa.moc"
