// Writable tunables through the shell (sysctl vm.x=y, echo y > /proc/sys/vm/x, the THP
// switch) as commands of the run, and overcommit (reference §5): CommitLimit from the
// ratio or kbytes, and modes 0, 1, 2 refusing with ENOMEM (CommitRefused) or not.

#include "TestUtil.h"

#include "check/Checker.h"
#include "sim/Sysctl.h"
#include "stats/MemInfo.h"
#include "stats/Shell.h"

#include <QTest>

using namespace memviz;
using namespace memviz::test;

namespace {

/// Runs a shell line and applies the write it asks for; returns what it printed.
std::string sh(Simulator& sim, const std::string& line, ErrorCode* error = nullptr)
{
    const ShellResult r = runShell(sim.current(), line);
    if (r.command) {
        const CommandResult c = sim.apply(*r.command);
        if (error) *error = c.error.code;
    }
    return r.out + r.err;
}

std::uint64_t refusals(const Simulator& s)
{
    std::uint64_t n = 0;
    for (const Event& e : s.events()) n += e.type == EventType::CommitRefused;
    return n;
}

} // namespace

class TestSysctl : public QObject {
    Q_OBJECT
private slots:
    void shellWrites_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QString>("read");
        QTest::addColumn<QString>("expected");
        QTest::newRow("sysctl -w") << "sysctl -w vm.overcommit_memory=2" << "cat /proc/sys/vm/overcommit_memory" << "2\n";
        QTest::newRow("sysctl") << "sysctl vm.overcommit_ratio=80" << "sysctl vm.overcommit_ratio" << "vm.overcommit_ratio = 80\n";
        QTest::newRow("echo") << "echo 1 > /proc/sys/vm/overcommit_memory" << "cat /proc/sys/vm/overcommit_memory" << "1\n";
        QTest::newRow("echo thp") << "echo never >/sys/kernel/mm/transparent_hugepage/enabled"
                                  << "cat /sys/kernel/mm/transparent_hugepage/enabled" << "always madvise [never]\n";
        QTest::newRow("min_free_kbytes") << "sysctl -w vm.min_free_kbytes=100000" << "cat /proc/sys/vm/min_free_kbytes"
                                         << "100000\n";
    }
    void shellWrites()
    {
        QFETCH(QString, line);
        QFETCH(QString, read);
        QFETCH(QString, expected);
        Simulator sim = boot("x86-64", "1G");
        ErrorCode err = ErrorCode::None;
        sh(sim, line.toStdString(), &err);
        QCOMPARE(err, ErrorCode::None);
        QCOMPARE(QString::fromStdString(sh(sim, read.toStdString())), expected);
        QVERIFY(checkMachine(sim.current()).empty());
        // Replaying the events gives the same tunables (the write is an event).
        const Machine replay = sim.stateAt(sim.eventCount());
        QCOMPARE(replay.config.sysctl.overcommitMemory, sim.current().config.sysctl.overcommitMemory);
        QCOMPARE(replay.minFreeKbytes, sim.current().minFreeKbytes);
    }

    void badWritesChangeNothing_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QString>("message");
        QTest::newRow("out of range") << "sysctl -w vm.overcommit_memory=3" << "";
        QTest::newRow("not a number") << "echo lots > /proc/sys/vm/overcommit_memory" << "bash: echo: write error: Invalid argument\n";
        QTest::newRow("unknown key") << "sysctl vm.no_such_knob=1"
                                     << "sysctl: cannot stat /proc/sys/vm/no_such_knob: No such file or directory\n";
        QTest::newRow("thp word") << "echo sometimes > /sys/kernel/mm/transparent_hugepage/enabled"
                                  << "bash: echo: write error: Invalid argument\n";
    }
    void badWritesChangeNothing()
    {
        QFETCH(QString, line);
        QFETCH(QString, message);
        Simulator sim = boot("x86-64", "1G");
        ErrorCode err = ErrorCode::None;
        const std::string out = sh(sim, line.toStdString(), &err);
        if (!message.isEmpty()) QCOMPARE(QString::fromStdString(out), message);
        else QCOMPARE(err, ErrorCode::BadSysctl);
        QCOMPARE(sim.eventCount(), 0u);
    }

    void commitLimitFollowsRatioAndKbytes()
    {
        Simulator sim = boot("seed-8g");
        const Machine& m = sim.current();
        auto limitKb = [&] { return computeMemInfo(sim.current()).commitLimit; };
        // (totalram * 50 / 100 + swap) pages, in kB.
        QCOMPARE(limitKb(), m.pagesToKb(m.totalramPages() * 50 / 100 + (2ull << 30) / 4096));
        sh(sim, "sysctl -w vm.overcommit_ratio=100");
        QCOMPARE(limitKb(), sim.current().pagesToKb(sim.current().totalramPages() + (2ull << 30) / 4096));
        sh(sim, "sysctl -w vm.overcommit_kbytes=1048576"); // clears the ratio
        QCOMPARE(limitKb(), 1048576u + 2097152u);
        QCOMPARE(sim.current().config.sysctl.overcommitRatio, 0u);
    }

    void overcommitModes_data()
    {
        QTest::addColumn<int>("mode");
        QTest::addColumn<bool>("hugeOk");     // malloc(16 GiB) on 1 GiB RAM + 2 GiB swap
        QTest::addColumn<bool>("mediumOk");   // malloc(2.75 GiB): under RAM + swap, over CommitLimit (2.5 GiB)
        QTest::newRow("0 guess") << 0 << false << true;
        QTest::newRow("1 always") << 1 << true << true;
        QTest::newRow("2 never") << 2 << false << false;
    }
    void overcommitModes()
    {
        QFETCH(int, mode);
        QFETCH(bool, hugeOk);
        QFETCH(bool, mediumOk);
        MachineConfig c = config("x86-64", "1G");
        c.swapBytes = 2ull << 30;
        Simulator sim = boot(c);
        sh(sim, "sysctl -w vm.overcommit_memory=" + std::to_string(mode));
        const std::uint32_t pid = spawn(sim, "hog");
        const std::uint64_t committed0 = committedPages(sim.current());
        QCOMPARE(mallocIn(sim, pid, 16ull << 30) != 0, hugeOk);
        QCOMPARE(mallocIn(sim, pid, 2816ull << 20) != 0, mediumOk);
        QCOMPARE(refusals(sim), std::uint64_t(!hugeOk) + std::uint64_t(!mediumOk));
        if (!hugeOk && !mediumOk) QCOMPARE(committedPages(sim.current()), committed0); // nothing charged
        QVERIFY(checkMachine(sim.current()).empty());
    }

    void modeTwoRefusesForkAndBrkToo()
    {
        MachineConfig c = config("x86-64", "1G");
        c.swapBytes = 0;
        Simulator sim = boot(c);
        sh(sim, "sysctl -w vm.overcommit_memory=2"); // CommitLimit = 512 MiB
        const std::uint32_t pid = spawn(sim, "big");
        QVERIFY(mallocIn(sim, pid, 300ull << 20)); // fits under the limit
        Command f = vmCommand(CommandType::Fork, pid);
        QCOMPARE(sim.apply(f).value, 0u); // the child would commit another 300 MiB
        Command b = vmCommand(CommandType::Brk, pid);
        b.addr = sim.current().proc(pid)->mm.brk + (400ull << 20);
        const std::uint64_t brk0 = sim.current().proc(pid)->mm.brk;
        QCOMPARE(sim.apply(b).value, brk0); // brk() returns the old break
        QCOMPARE(refusals(sim), 2u);
    }
};

QTEST_GUILESS_MAIN(TestSysctl)
#include "tst_sysctl.moc"
