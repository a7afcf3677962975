// The event-sourced simulator: determinism, seeking (checkpoints + replay), truncating
// and re-applying, bounded checkpoints, and a seeded random property test on every
// preset with the consistency checker after every command.

#include "TestUtil.h"

#include "check/Checker.h"
#include "sim/Apply.h"
#include "stats/ProcFiles.h"

#include <QTest>

#include <map>

using namespace memviz;
using namespace memviz::test;
using namespace Qt::StringLiterals;

namespace {

/// splitmix64: a tiny portable generator, so runs are identical on every standard library.
class Rng {
public:
    explicit Rng(std::uint64_t seed)
        : m_state(seed)
    {
    }
    std::uint64_t next()
    {
        std::uint64_t z = (m_state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    std::uint64_t below(std::uint64_t n) { return next() % n; }

private:
    std::uint64_t m_state;
};

struct Block {
    Pfn pfn;
    int order;
};

/// Drives a simulator with random alloc_pages (order 0..10, any zone type, so some
/// requests are refused) and free_pages of live blocks; returns what it ran.
class Workload {
public:
    explicit Workload(std::uint64_t seed)
        : m_rng(seed)
    {
    }

    /// One command chosen from the live blocks; applies it and tracks the result.
    CommandResult step(Simulator& s, Command* ran = nullptr)
    {
        Command c;
        const bool doFree = !m_live.empty() && m_rng.below(100) < 45;
        if (doFree) {
            const std::size_t k = static_cast<std::size_t>(m_rng.below(m_live.size()));
            c = Command::freePages(m_live[k].pfn, m_live[k].order);
            m_live[k] = m_live.back();
            m_live.pop_back();
        } else {
            // Mostly small orders, as real kernels see them; now and then a big one.
            static const int orders[] = { 0, 0, 0, 0, 1, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 };
            const int order = orders[m_rng.below(std::size(orders))];
            const auto zone = static_cast<ZoneType>(m_rng.below(static_cast<int>(ZoneType::Count)));
            c = Command::allocPages(order, zone);
        }
        const CommandResult r = s.apply(c);
        if (r.pfn) m_live.push_back({ *r.pfn, c.order });
        if (ran) *ran = c;
        return r;
    }

    const std::vector<Block>& live() const { return m_live; }
    void forget() { m_live.clear(); }

private:
    Rng m_rng;
    std::vector<Block> m_live;
};

/// Simulator::checkpointBytes() where the simulator has it (it is newer than this test).
template <class Sim> std::optional<std::uint64_t> checkpointBytesOf(const Sim& s)
{
    if constexpr (requires { s.checkpointBytes(); })
        return s.checkpointBytes();
    else
        return std::nullopt;
}

/// These tests are about event sourcing; consistency is checked where it matters
/// (randomProperty, seekMidCommandIsConsistent), not by Debug builds after every command.
Simulator quietBoot(const char* preset, const char* ram)
{
    Simulator s = boot(preset, ram);
    skipPerCommandCheck(s);
    return s;
}

std::string eventLog(const Simulator& s)
{
    std::string out;
    for (std::uint64_t i = 0; i < s.eventCount(); ++i) {
        appendEventJson(out, s.current(), i, s.events()[i]);
        out.push_back('\n');
    }
    return out;
}

/// Differences between two machines (empty when equal), field by field.
std::string diff(const Machine& a, const Machine& b)
{
    std::string d;
    if (!a.frames.sameAs(b.frames)) d += "frames ";
    if (a.zones.size() != b.zones.size()) return d + "zone count";
    for (std::size_t i = 0; i < a.zones.size(); ++i) {
        const Zone& x = a.zones[i];
        const Zone& y = b.zones[i];
        bool same = x.freePages == y.freePages && x.wmark == y.wmark && x.watermarkBoost == y.watermarkBoost
            && x.lowmemReserve == y.lowmemReserve && x.numaHit == y.numaHit && x.numaLocal == y.numaLocal
            && x.workPfn == y.workPfn && x.workOrder == y.workOrder && x.managed == y.managed;
        for (int o = 0; o < kNrOrders; ++o) {
            const FreeArea& fx = x.freeArea[static_cast<std::size_t>(o)];
            const FreeArea& fy = y.freeArea[static_cast<std::size_t>(o)];
            same = same && fx.head == fy.head && fx.tail == fy.tail && fx.nrFree == fy.nrFree;
        }
        if (!same) d += "zone" + std::to_string(i) + " ";
    }
    if (a.vm.pgalloc != b.vm.pgalloc || a.vm.pgfree != b.vm.pgfree || a.vm.allocFailed != b.vm.allocFailed) d += "vm ";
    if (a.timeNs != b.timeNs) d += "time ";
    if (a.minFreeKbytes != b.minFreeKbytes || a.totalreservePages != b.totalreservePages) d += "reserves ";
    return d;
}

/// The machine after n events, rebuilt from boot without checkpoints.
Machine replay(const Simulator& s, std::uint64_t n)
{
    Machine m = s.initial();
    for (std::uint64_t i = 0; i < n; ++i) applyEvent(m, s.events()[i]);
    return m;
}

std::string findings(const Machine& m, bool atRest = true)
{
    std::string s;
    for (const Finding& f : checkMachine(m, atRest)) s += describe(f) + "\n";
    return s;
}

Simulator run(
    const char* preset, const char* ram, std::uint64_t seed, int commands, std::vector<Command>* ran = nullptr)
{
    Simulator s = quietBoot(preset, ram);
    Workload w(seed);
    for (int i = 0; i < commands; ++i) {
        Command c;
        w.step(s, &c);
        if (ran) ran->push_back(c);
    }
    return s;
}

} // namespace

class TestSimulator : public QObject {
    Q_OBJECT
private slots:
    void deterministic();
    void seek();
    void seekMidCommandIsConsistent();
    void truncateAndReapply();
    void truncateStartsNewFuture();
    void checkpointsStayBounded_data();
    void checkpointsStayBounded();
    void checkpointsSurviveLongRuns();
    void recordingOff();
    void randomProperty_data();
    void randomProperty();
};

void TestSimulator::deterministic()
{
    // Same config, same commands: the same event log byte for byte, the same machine.
    std::vector<Command> cmds;
    const Simulator a = run("x86-64", "128M", 42, 1500, &cmds);
    Simulator b = quietBoot("x86-64", "128M");
    for (const Command& c : cmds) b.apply(c);
    const std::string log = eventLog(a);
    QVERIFY(log.size() > 10000);
    QCOMPARE(eventLog(b), log);
    QCOMPARE(diff(a.current(), b.current()), std::string());
    // And the driver itself is reproducible.
    const Simulator c = run("x86-64", "128M", 42, 1500);
    QCOMPARE(eventLog(c), log);
    // A different seed is a different run.
    QVERIFY(eventLog(run("x86-64", "128M", 43, 1500)) != log);
}

void TestSimulator::seek()
{
    Simulator s = quietBoot("x86-64", "128M");
    s.setCheckpointPolicy(64, 512ull << 20);
    Workload w(7);
    for (int i = 0; i < 1200; ++i) w.step(s);
    const std::uint64_t total = s.eventCount();
    QVERIFY2(total > 2500, qPrintable(QString::number(total)));
    QVERIFY(s.checkpointCount() > 10);
    std::vector<std::uint64_t> points = { 0, 1, 2, 63, 64, 65, total - 1, total };
    Rng rng(99);
    for (int i = 0; i < 60; ++i) points.push_back(rng.below(total + 1));
    for (std::size_t c = 0; c < s.commands().size(); c += 97) { // command boundaries and their neighbours
        const std::uint64_t at = s.commandStart(c);
        for (std::uint64_t n : { at, at + 1, at ? at - 1 : 0 }) points.push_back(std::min(n, total));
    }
    for (std::uint64_t n : points) {
        const Machine m = s.stateAt(n);
        QVERIFY2(diff(m, replay(s, n)).empty(), qPrintable(QString::number(n)));
    }
    QCOMPARE(diff(s.stateAt(total), s.current()), std::string());
    QCOMPARE(diff(s.stateAt(0), s.initial()), std::string());
    QCOMPARE(diff(s.stateAt(total + 5), s.current()), std::string()); // clamped
}

void TestSimulator::seekMidCommandIsConsistent()
{
    // Every event leaves a consistent machine; between the events of one command the
    // allocator may hold one block in hand, nothing else.
    Simulator s = quietBoot("x86-32", "1G");
    Workload w(3);
    for (int i = 0; i < 300; ++i) w.step(s);
    for (std::uint64_t n = 0; n <= s.eventCount(); n += kSlowBuild ? 23 : 7) {
        const Machine m = s.stateAt(n);
        QVERIFY2(findings(m, false).empty(), qPrintable(QString::number(n)));
    }
    for (std::size_t c = 0; c <= s.commands().size(); ++c)
        QVERIFY2(findings(s.stateAt(s.commandStart(c)), true).empty(), qPrintable(QString::number(c)));
}

void TestSimulator::truncateAndReapply()
{
    std::vector<Command> cmds;
    Simulator s = quietBoot("x86-64", "128M");
    s.setCheckpointPolicy(32, 512ull << 20);
    Workload w(11);
    for (int i = 0; i < 800; ++i) {
        Command c;
        w.step(s, &c);
        cmds.push_back(c);
    }
    const std::string log = eventLog(s);
    const Machine end = s.current();
    for (std::size_t k : { std::size_t(0), std::size_t(1), std::size_t(399), std::size_t(799) }) {
        const std::uint64_t cut = s.commandStart(k);
        const Machine expected = s.stateAt(cut);
        s.truncate(k);
        QCOMPARE(s.commands().size(), k);
        QCOMPARE(s.eventCount(), cut);
        QCOMPARE(diff(s.current(), expected), std::string());
        for (std::size_t i = k; i < cmds.size(); ++i) s.apply(cmds[i]);
        QCOMPARE(eventLog(s), log);
        QCOMPARE(diff(s.current(), end), std::string());
        // Seeks still agree with a replay after the checkpoints were cut and rebuilt.
        for (std::uint64_t n = 0; n <= s.eventCount(); n += s.eventCount() / 13 + 1)
            QVERIFY2(diff(s.stateAt(n), replay(s, n)).empty(), qPrintable(QString::number(n)));
    }
    s.truncate(cmds.size() + 10); // past the end: nothing happens
    QCOMPARE(eventLog(s), log);
}

void TestSimulator::truncateStartsNewFuture()
{
    Simulator s = quietBoot("x86-64", "128M");
    s.setCheckpointPolicy(16, 512ull << 20);
    Workload w(5);
    for (int i = 0; i < 300; ++i) w.step(s);
    s.truncate(150);
    // A different future: a block of order 10 first, then more random work.
    const CommandResult r = s.apply(Command::allocPages(10));
    QCOMPARE(r.firstEvent, s.commandStart(150));
    QCOMPARE(s.commands().size(), std::size_t(151));
    for (std::uint64_t i = r.firstEvent; i < r.endEvent; ++i) QCOMPARE(s.events()[i].cmd, 150u);
    Workload w2(6);
    for (int i = 0; i < 100; ++i) w2.step(s);
    QCOMPARE(findings(s.current()), std::string());
    for (std::uint64_t n = 0; n <= s.eventCount(); n += 37)
        QVERIFY2(diff(s.stateAt(n), replay(s, n)).empty(), qPrintable(QString::number(n)));
}

void TestSimulator::checkpointsStayBounded_data()
{
    QTest::addColumn<qulonglong>("interval");
    QTest::addColumn<qulonglong>("budget");
    QTest::addColumn<int>("maxCount");
    // A budget smaller than one 64 KiB chunk thins at almost every checkpoint.
    QTest::newRow("tiny budget") << 8ull << 4096ull << 64;
    QTest::newRow("1 MiB budget") << 16ull << (1ull << 20) << 128;
    // A checkpoint per event: the count cap (1024) thins instead.
    QTest::newRow("count cap") << 1ull << (1ull << 40) << 1024;
}

void TestSimulator::checkpointsStayBounded()
{
    QFETCH(qulonglong, interval);
    QFETCH(qulonglong, budget);
    QFETCH(int, maxCount);
    Simulator s = quietBoot("x86-64", "256M");
    s.setCheckpointPolicy(interval, budget);
    Workload w(21);
    std::size_t most = 0;
    for (int i = 0; i < 2500; ++i) {
        w.step(s);
        most = std::max(most, s.checkpointCount());
    }
    QVERIFY2(most <= static_cast<std::size_t>(maxCount), qPrintable(QString::number(most)));
    QVERIFY(s.checkpointCount() >= 1);
    QVERIFY(s.checkpointInterval() > interval); // it grew when thinning
    Rng rng(1);
    for (int i = 0; i < 25; ++i) {
        const std::uint64_t n = rng.below(s.eventCount() + 1);
        QVERIFY2(diff(s.stateAt(n), replay(s, n)).empty(), qPrintable(QString::number(n)));
    }
}

void TestSimulator::checkpointsSurviveLongRuns()
{
    // A budget of four whole frame tables can always hold several checkpoints, however
    // long the run: each checkpoint pins at most one table's worth of chunks. (An
    // estimate that only grows - all clones since boot - would collapse them to two
    // and double the interval at every checkpoint, making seeks slower and slower.)
    Simulator s = quietBoot("x86-64", "256M");
    const std::uint64_t table = s.current().frames.chunkCount() * sizeof(FrameChunk);
    s.setCheckpointPolicy(256, 4 * table);
    Workload w(33);
    while (s.eventCount() < 100000) w.step(s);
    QVERIFY2(s.checkpointCount() >= 3, qPrintable(QString::number(s.checkpointCount())));
    QVERIFY(s.checkpointInterval() < 100000 / 2);
    if (const auto bytes = checkpointBytesOf(s)) QVERIFY(*bytes <= 4 * table);
    // Seeks stay correct.
    Rng rng(4);
    for (int i = 0; i < 10; ++i) {
        const std::uint64_t n = rng.below(s.eventCount() + 1);
        QVERIFY2(diff(s.stateAt(n), replay(s, n)).empty(), qPrintable(QString::number(n)));
    }
}

void TestSimulator::recordingOff()
{
    // Without recording the machine still changes exactly as with it.
    std::vector<Command> cmds;
    const Simulator rec = run("x86-64", "128M", 8, 500, &cmds);
    Simulator raw = quietBoot("x86-64", "128M");
    raw.setRecording(false);
    for (const Command& c : cmds) raw.apply(c);
    QCOMPARE(raw.eventCount(), std::uint64_t(0));
    QCOMPARE(diff(raw.current(), rec.current()), std::string());
}

void TestSimulator::randomProperty_data()
{
    QTest::addColumn<QString>("preset");
    QTest::addColumn<QString>("ram");
    QTest::addColumn<int>("commands");
    for (const std::string& p : MachineConfig::presetNames()) {
        const QString name = QString::fromStdString(p);
        // seed-8g keeps ~290 MiB of boot allocations, so it needs more RAM; x86-32
        // gets 1 GiB so HighMem is populated.
        QString ram = u"128M"_s;
        if (p == "seed-8g") ram = u"512M"_s;
        if (p == "x86-32" || p == "x86-pae") ram = u"1G"_s;
        // The checker reads every frame after every command: in slow builds the
        // bigger machines run a third of the commands.
        const int commands = kSlowBuild && ram != u"128M"_s ? 1000 : 3000;
        QTest::newRow(qPrintable(name + u' ' + ram)) << name << ram << commands;
    }
    QTest::newRow("x86-64 4352M (Normal zone)") << u"x86-64"_s << u"4352M"_s << (kSlowBuild ? 130 : 400);
}

void TestSimulator::randomProperty()
{
    QFETCH(QString, preset);
    QFETCH(QString, ram);
    QFETCH(int, commands);
    const QByteArray p = preset.toLatin1(), r = ram.toLatin1();
    Simulator s = boot(p.constData(), r.constData());
    skipPerCommandCheck(s); // this test runs the checker after every command itself
    s.setRecording(false); // the live machine is what is checked; keep memory flat
    const Machine booted = s.current();
    const std::string bootInfo = formatBuddyinfo(booted);
    Workload w(0xC0FFEE ^ static_cast<std::uint64_t>(qHash(preset)));
    int allocs = 0, refused = 0, errors = 0;
    for (int i = 0; i < commands; ++i) {
        Command c;
        const CommandResult res = w.step(s, &c);
        if (res.error)
            ++errors;
        else if (c.type == CommandType::AllocPages && !res.pfn)
            ++refused;
        else if (c.type == CommandType::AllocPages)
            ++allocs;
        const std::string f = findings(s.current());
        if (!f.empty())
            QFAIL(qPrintable(u"after command %1 (%2): "_s.arg(i).arg(QString::fromStdString(commandToJson(c)))
                + QString::fromStdString(f)));
    }
    qDebug("%d allocations, %d refused for lack of memory, %d invalid", allocs, refused, errors);
    QVERIFY(allocs > commands / 4);
    // Free everything that is still allocated: the machine is back at its boot layout.
    for (const Block& b : w.live()) {
        const CommandResult res = s.apply(Command::freePages(b.pfn, b.order));
        QVERIFY(!res.error);
    }
    w.forget();
    QCOMPARE(findings(s.current()), std::string());
    QCOMPARE(formatBuddyinfo(s.current()), bootInfo);
    const Machine& m = s.current();
    for (Pfn q = 0; q < m.frames.size(); ++q)
        if (m.frames.state(q) != booted.frames.state(q) || m.frames.order(q) != booted.frames.order(q))
            QFAIL(qPrintable(u"frame %1 differs from boot"_s.arg(q)));
    for (std::size_t z = 0; z < m.zones.size(); ++z) QCOMPARE(m.zones[z].freePages, booted.zones[z].freePages);
}

QTEST_GUILESS_MAIN(TestSimulator)
#include "tst_simulator.moc"
