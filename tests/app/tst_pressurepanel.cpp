// The memory-pressure panel: hogs and their working sets become commands at the
// cursor, rounds of work pass time, tunables change, and nothing changes while a
// script's run is playing.
#include "PressurePanel.h"
#include "Session.h"
#include "TestUtil.h"
#include "ViewContext.h"

#include "check/Checker.h"
#include "sim/Sysctl.h"

#include <QSignalSpy>
#include <QtTest>

using namespace memviz;

class TestPressurePanel : public QObject {
    Q_OBJECT
private slots:
    void hogsTouchTheirWorkingSets_data()
    {
        QTest::addColumn<int>("hogs");
        QTest::addColumn<int>("mib");
        QTest::newRow("one hog, 32 MiB") << 1 << 32;
        QTest::newRow("three hogs, 48 MiB") << 3 << 48;
    }

    void hogsTouchTheirWorkingSets()
    {
        QFETCH(int, hogs);
        QFETCH(int, mib);
        ViewContext ctx;
        Session s(&ctx);
        QVERIFY(!s.newMachine(test::config("x86-64", "256M")));
        PressurePanel panel(&s, &ctx);
        panel.setHogCount(hogs);
        panel.setWorkingSetMiB(mib);
        const Machine& m = s.simulator()->current();
        const auto list = PressurePanel::hogsOf(m);
        QCOMPARE(int(list.size()), hogs);
        for (const auto& h : list) {
            QCOMPARE(h.touched, std::uint64_t(mib) * MiB);
            QVERIFY(m.proc(h.pid)->mm.rssAnon * 4096 >= std::uint64_t(mib) * MiB);
        }
        QVERIFY(m.timeNs >= 1000000000ull); // each change lets a second pass: the timeline grows
        QVERIFY(checkMachine(m).empty());

        // Smaller working sets give the memory back; fewer hogs exit.
        panel.setWorkingSetMiB(mib / 2);
        for (const auto& h : PressurePanel::hogsOf(s.simulator()->current()))
            QCOMPARE(h.touched, std::uint64_t(mib / 2) * MiB);
        panel.setHogCount(hogs - 1);
        QCOMPARE(int(PressurePanel::hogsOf(s.simulator()->current()).size()), hogs - 1);
        QVERIFY(checkMachine(s.simulator()->current()).empty());
    }

    void roundsOfWorkPassTimeAndThrash()
    {
        ViewContext ctx;
        Session s(&ctx);
        MachineConfig c = test::config("x86-64", "128M");
        c.swapBytes = 256 * MiB;
        QVERIFY(!s.newMachine(c));
        PressurePanel panel(&s, &ctx);
        panel.setHogCount(2);
        panel.setWorkingSetMiB(80); // 160 MiB touched on 128 MiB of RAM
        const std::uint64_t t0 = s.simulator()->current().timeNs, maj0 = s.simulator()->current().vmc.pgmajfault;
        panel.runFor(2);
        const Machine& m = s.simulator()->current();
        QVERIFY(m.timeNs >= t0 + 2000000000ull);
        QVERIFY(m.vmc.pgmajfault > maj0 + 1000); // each round swaps the other hog's pages back in
        QVERIFY(m.rc.pswpout > 0);
        QVERIFY(checkMachine(m).empty());
    }

    void tunables()
    {
        ViewContext ctx;
        Session s(&ctx);
        QVERIFY(!s.newMachine(test::config("x86-64", "128M")));
        PressurePanel panel(&s, &ctx);
        panel.setSwappiness(10);
        QCOMPARE(s.simulator()->current().config.sysctl.swappiness, 10u);
        QCOMPARE(s.simulator()->commands().back().type, CommandType::SetSysctl);
    }

    void refusedWhileARunPlays()
    {
        ViewContext ctx;
        Session s(&ctx);
        QVERIFY(!s.newMachine(test::config("x86-64", "128M")));
        // A run that is not the panel's own (as a script's would be) is playing.
        Simulator sim = *s.simulator();
        Command sp = vmCommand(CommandType::Spawn, 0);
        sp.text = "script";
        QVERIFY(!sim.apply(sp).error);
        s.adopt(std::move(sim), 0);
        s.play();
        QVERIFY(s.playing());
        PressurePanel panel(&s, &ctx);
        QSignalSpy said(&panel, &PressurePanel::message);
        const std::size_t commands = s.simulator()->commands().size();
        panel.setHogCount(2);
        panel.setSwappiness(100);
        QCOMPARE(s.simulator()->commands().size(), commands); // nothing changed
        QVERIFY(said.count() >= 1);
        QVERIFY(said.first().first().toString().contains(QStringLiteral("pause")));
        QCOMPARE(s.simulator()->current().config.sysctl.swappiness, 60u);
    }
};

QTEST_MAIN(TestPressurePanel)
#include "tst_pressurepanel.moc"
