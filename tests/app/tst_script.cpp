// Scripts: the API, error locations, runaway loops, and a failed script changing nothing.
#include "ScriptEngine.h"
#include "TestUtil.h"

#include <QCoreApplication>
#include <QtTest>

using namespace memviz;

class TestScript : public QObject {
    Q_OBJECT
private slots:
    void allocFreeAndShell()
    {
        ScriptEngine e;
        const auto r = e.run(QStringLiteral("const b = kernel.alloc_pages(3);\n"
                                            "print(b.order, b.zone);\n"
                                            "kernel.free_pages(b);\n"
                                            "print(sh('cat /proc/buddyinfo').split('\\n').length > 1);\n"),
                             QStringLiteral("t.js"), nullptr, test::config("x86-64", "64M"));
        QVERIFY2(r.ok, qPrintable(r.errorLine()));
        QCOMPARE(r.output, QStringLiteral("3 DMA32\ntrue\n"));
        QCOMPARE(r.sim->commands().size(), std::size_t(2));
    }

    void errors_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("contains");
        QTest::newRow("syntax") << QStringLiteral("kernel.alloc_pages(0);\nvar x = ;\n") << 2 << QStringLiteral("SyntaxError");
        QTest::newRow("order 11") << QStringLiteral("\n\nkernel.alloc_pages(11);\n") << 3 << QStringLiteral("order 11");
        QTest::newRow("double free") << QStringLiteral("const b = kernel.alloc_pages(2);\nkernel.free_pages(b);\nkernel.free_pages(b);\n")
                                     << 3 << QStringLiteral("double free");
        QTest::newRow("unknown preset") << QStringLiteral("machine({ preset: 'pdp-11' });") << 1 << QStringLiteral("pdp-11");
        QTest::newRow("ram not a size") << QStringLiteral("\nmachine({ ram: 'lots' });") << 2 << QStringLiteral("lots");
        QTest::newRow("unknown zone") << QStringLiteral("kernel.alloc_pages(0, { zone: 'Nowhere' });") << 1 << QStringLiteral("Nowhere");
        QTest::newRow("reference") << QStringLiteral("\n\n\nnoSuchFunction();") << 4 << QStringLiteral("ReferenceError");
        QTest::newRow("thrown") << QStringLiteral("throw new Error('boom');") << 1 << QStringLiteral("boom");
    }

    void errors()
    {
        QFETCH(QString, source);
        QFETCH(int, line);
        QFETCH(QString, contains);
        ScriptEngine e;
        const MachineConfig cfg = test::config("x86-64", "64M");
        Simulator base = std::get<Simulator>(Simulator::create(cfg));
        base.apply(Command::allocPages(1));
        const auto eventsBefore = base.eventCount();
        const auto r = e.run(source, QStringLiteral("demo.js"), &base, cfg);
        QVERIFY(!r.ok);
        QCOMPARE(r.line, line);
        QVERIFY2(r.message.contains(contains), qPrintable(r.message));
        QVERIFY2(r.errorLine().startsWith(QStringLiteral("demo.js:%1: ").arg(line)), qPrintable(r.errorLine()));
        // The base run the caller holds is untouched.
        QCOMPARE(base.eventCount(), eventsBefore);
    }

    void runawayLoopIsInterrupted()
    {
        ScriptEngine e;
        e.setTimeoutMs(300);
        QElapsedTimer t;
        t.start();
        const auto r = e.run(QStringLiteral("let i = 0;\nwhile (true) { i++; }\n"), QStringLiteral("loop.js"), nullptr, test::config("x86-64", "64M"));
        QVERIFY(!r.ok);
        QVERIFY2(r.message.contains(QStringLiteral("stopped")), qPrintable(r.message));
        // The engine is usable again afterwards.
        const auto ok = e.run(QStringLiteral("print('again')"), QStringLiteral("b.js"), nullptr, test::config("x86-64", "64M"));
        QVERIFY2(ok.ok, qPrintable(ok.errorLine()));
        QCOMPARE(ok.output, QStringLiteral("again\n"));
    }

    void outOfMemoryReturnsNull()
    {
        ScriptEngine e;
        const auto r = e.run(QStringLiteral("let n = 0;\nwhile (kernel.alloc_pages(10, { zone: 'DMA' }) !== null) n++;\nprint(n);"),
                             QStringLiteral("oom.js"), nullptr, test::config("x86-64", "64M"));
        QVERIFY2(r.ok, qPrintable(r.errorLine()));
        QVERIFY(r.output.toInt() >= 1);
        QCOMPARE(r.sim->events().back().type, EventType::AllocFailed);
    }

    void machineOptions()
    {
        ScriptEngine e;
        const auto r = e.run(QStringLiteral("machine({ preset: 'x86-32', ram: 512 * MiB, swap: '1G', seed: 7 });\n"
                                            "print(sh('free -m'));"),
                             QStringLiteral("m.js"), nullptr, test::config("x86-64", "64M"));
        QVERIFY2(r.ok, qPrintable(r.errorLine()));
        QVERIFY(r.newMachine);
        QCOMPARE(r.sim->config().preset, std::string("x86-32"));
        QCOMPARE(r.sim->config().swapBytes, 1ull << 30);
        QVERIFY(r.output.contains(QStringLiteral("Swap:           1024")));
    }

    void shotsRecordTheCursor()
    {
        ScriptEngine e;
        const auto r = e.run(QStringLiteral("shot('a'); kernel.alloc_pages(0); shot('b');"), QStringLiteral("s.js"),
                             nullptr, test::config("x86-64", "64M"));
        QVERIFY(r.ok);
        QCOMPARE(r.shots.size(), std::size_t(2));
        QCOMPARE(r.shots[0].cursor, std::uint64_t(0));
        QCOMPARE(r.shots[1].cursor, r.sim->eventCount());
    }
};

QTEST_MAIN(TestScript)
#include "tst_script.moc"
