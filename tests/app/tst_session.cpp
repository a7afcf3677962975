// The controller: commands at the cursor, a new future after stepping back, seeking.
#include "Session.h"
#include "TestUtil.h"
#include "ViewContext.h"
#include "check/Checker.h"

#include <QtTest>

using namespace memviz;

class TestSession : public QObject {
    Q_OBJECT
private slots:
    void commandsAppendAndAnimate()
    {
        ViewContext ctx;
        Session s(&ctx);
        QVERIFY(!s.newMachine(test::config("x86-64", "64M")));
        const auto r = s.runCommand(Command::allocPages(2));
        QVERIFY(!r.error);
        QVERIFY(r.pfn.has_value());
        // The player starts at the command's first event and plays through it.
        QCOMPARE(s.cursor(), r.firstEvent);
        QVERIFY(s.playing());
        s.toEnd();
        QCOMPARE(s.cursor(), s.simulator()->eventCount());
        QCOMPARE(ctx.machine().frames.state(*r.pfn), FrameState::Kernel);
        QVERIFY(checkMachine(ctx.machine()).empty());
    }

    void steppingBackThenCommandStartsNewFuture()
    {
        ViewContext ctx;
        Session s(&ctx);
        s.newMachine(test::config("x86-64", "64M"));
        s.runCommand(Command::allocPages(0));
        s.runCommand(Command::allocPages(1));
        s.runCommand(Command::allocPages(2));
        s.toEnd();
        QCOMPARE(s.simulator()->commands().size(), std::size_t(3));
        s.seek(s.simulator()->commandStart(1)); // after the first command
        s.runCommand(Command::allocPages(5));
        QCOMPARE(s.simulator()->commands().size(), std::size_t(2));
        QCOMPARE(s.simulator()->commands()[1].order, 5);
    }

    void badCommandChangesNothing()
    {
        ViewContext ctx;
        Session s(&ctx);
        s.newMachine(test::config("x86-64", "64M"));
        const auto a = s.runCommand(Command::allocPages(3));
        s.toEnd();
        const auto events = s.simulator()->eventCount();
        QCOMPARE(s.runCommand(Command::allocPages(11)).error.code, ErrorCode::OrderOutOfRange);
        QCOMPARE(s.runCommand(Command::freePages(*a.pfn, 2)).error.code, ErrorCode::OrderMismatch);
        QVERIFY(!s.runCommand(Command::freePages(*a.pfn, 3)).error);
        s.toEnd();
        QCOMPARE(s.runCommand(Command::freePages(*a.pfn, 3)).error.code, ErrorCode::NotAllocated);
        QVERIFY(s.simulator()->eventCount() > events);
        QVERIFY(checkMachine(ctx.machine()).empty());
    }

    void seekMatchesReplay_data()
    {
        QTest::addColumn<int>("target");
        for (int t : {0, 1, 2, 5, 9, 17, 30}) QTest::newRow(qPrintable(QString::number(t))) << t;
    }

    void seekMatchesReplay()
    {
        QFETCH(int, target);
        ViewContext ctx;
        Session s(&ctx);
        s.newMachine(test::config("x86-64", "64M"));
        for (int o : {0, 3, 1, 4, 2}) s.runCommand(Command::allocPages(o));
        s.toEnd();
        const auto n = std::min<std::uint64_t>(static_cast<std::uint64_t>(target), s.simulator()->eventCount());
        s.seek(n);
        QCOMPARE(s.cursor(), n);
        QVERIFY(ctx.machine().frames.sameAs(s.simulator()->stateAt(n).frames));
    }
};

QTEST_MAIN(TestSession)
#include "tst_session.moc"
