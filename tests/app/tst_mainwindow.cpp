// The main window end to end, offscreen: a demo from the menu's resource, console
// commands, a failing script, mouse-style commands, export, language switching.
#include "ConsoleWidget.h"
#include "Exporter.h"
#include "Language.h"
#include "MainWindow.h"
#include "ScriptEditor.h"
#include "Session.h"
#include "SessionFile.h"
#include "TestUtil.h"
#include "ViewContext.h"

#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QTabWidget>
#include <QSettings>
#include <QTemporaryDir>
#include <QtTest>

using namespace memviz;

class TestMainWindow : public QObject {
    Q_OBJECT
    Options small() const
    {
        Options o;
        o.ram = QStringLiteral("64M");
        return o;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
    }

    void demoRunsFromResources()
    {
        MainWindow w(small());
        w.loadDemo(QStringLiteral(":/demos/buddy.js"), true);
        const Simulator* sim = w.session()->simulator();
        QVERIFY(sim);
        QVERIFY(sim->eventCount() > 50);
        QVERIFY(w.console()->text().contains(QStringLiteral("Node 0, zone    DMA32")));
        w.session()->toEnd();
        QCOMPARE(w.context()->cursor(), sim->eventCount());
    }

    void longRunOpensAtItsFirstChapter()
    {
        // cow.js records about a million events: the window shows its first shot(), paused,
        // and lists the shots as chapters; Ctrl+Page Down goes to the next one.
        MainWindow w(small());
        w.loadDemo(QStringLiteral(":/demos/cow.js"), true);
        const Simulator* sim = w.session()->simulator();
        QVERIFY(sim && sim->eventCount() > 500000);
        auto* chapters = w.findChild<QComboBox*>(QStringLiteral("chapters"));
        QVERIFY(chapters);
        QCOMPARE(chapters->count(), 5); // start, forked, first-cow, parent-reuse, end
        QCOMPARE(chapters->currentText(), QStringLiteral("forked"));
        QCOMPARE(w.context()->cursor(), chapters->itemData(1).toULongLong());
        QVERIFY(!w.session()->playing());
        w.show();
        w.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        QTest::keyClick(&w, Qt::Key_PageDown, Qt::ControlModifier);
        QCOMPARE(w.context()->cursor(), chapters->itemData(2).toULongLong());
        // The demo's "// views: cow, processes" line brought the COW view to the front.
        auto* centre = w.findChild<QTabWidget*>(QStringLiteral("centre"));
        QVERIFY(centre);
        QCOMPARE(centre->currentWidget(), w.view(QStringLiteral("cow")));
    }

    void focusModeHidesAndRestoresTheDocks()
    {
        MainWindow w(small());
        w.show();
        w.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        QList<QDockWidget*> visible;
        for (QDockWidget* d : w.findChildren<QDockWidget*>())
            if (d->isVisible()) visible << d;
        QVERIFY(visible.size() >= 3);
        QTest::keyClick(&w, Qt::Key_F, Qt::ControlModifier | Qt::ShiftModifier);
        for (QDockWidget* d : w.findChildren<QDockWidget*>()) QVERIFY(!d->isVisible());
        QTest::keyClick(&w, Qt::Key_F, Qt::ControlModifier | Qt::ShiftModifier);
        for (QDockWidget* d : visible) QVERIFY(d->isVisible());
    }

    void processHandlesLiveAcrossConsoleLines()
    {
        MainWindow w(small());
        w.console()->submit(QStringLiteral("var p = spawn('a')"));
        w.console()->submit(QStringLiteral("var b = p.malloc(1 << 20)"));
        w.console()->submit(QStringLiteral("p.touch(b, 1 << 20); p.min_flt > 256"));
        QVERIFY2(w.console()->text().endsWith(QStringLiteral("true")), qPrintable(w.console()->text().right(200)));
        w.console()->submit(QStringLiteral("ps -eo pid,comm,rss"));
        QVERIFY(w.console()->text().contains(QStringLiteral("   1000 a")));
    }

    void consoleShellAndJavaScript()
    {
        MainWindow w(small());
        w.console()->submit(QStringLiteral("free -m"));
        QVERIFY(w.console()->text().contains(QStringLiteral("Swap:")));
        w.console()->submit(QStringLiteral("var b = kernel.alloc_pages(2)"));
        w.console()->submit(QStringLiteral("b.order"));
        QVERIFY(w.console()->text().endsWith(QStringLiteral("2")));
        w.console()->submit(QStringLiteral("kernel.free_pages(b)"));
        w.console()->submit(QStringLiteral("kernel.free_pages(b)"));
        QVERIFY(w.console()->text().contains(QStringLiteral("console:1: ")));
        QCOMPARE(w.session()->simulator()->commands().size(), std::size_t(2));
    }

    void failingScriptKeepsTheSession()
    {
        MainWindow w(small());
        w.console()->submit(QStringLiteral("kernel.alloc_pages(1)"));
        const auto before = w.session()->simulator()->eventCount();
        QVERIFY(!w.runScript(QStringLiteral("kernel.alloc_pages(0);\nkernel.alloc_pages(99);\n"), QStringLiteral("x.js")));
        QCOMPARE(w.session()->simulator()->eventCount(), before);
        QCOMPARE(w.scriptEditor()->editor()->errorLine(), 2);
    }

    void commandsFromViews()
    {
        MainWindow w(small());
        emit w.context()->commandRequested(Command::allocPages(3));
        w.session()->toEnd();
        QCOMPARE(w.session()->simulator()->commands().size(), std::size_t(1));
        // A refused command changes nothing and says why.
        emit w.context()->commandRequested(Command::allocPages(11));
        QCOMPARE(w.session()->simulator()->commands().size(), std::size_t(1));
        QVERIFY(w.console()->text().contains(QStringLiteral("order 11")));
    }

    void exportsPngAndSvg_data()
    {
        QTest::addColumn<QString>("view");
        QTest::addColumn<QString>("suffix");
        for (const QString& v : {QStringLiteral("buddy"), QStringLiteral("physical"), QStringLiteral("events")})
            for (const QString& s : {QStringLiteral("png"), QStringLiteral("svg")})
                QTest::newRow(qPrintable(v + QLatin1Char('.') + s)) << v << s;
    }

    void exportsPngAndSvg()
    {
        QFETCH(QString, view);
        QFETCH(QString, suffix);
        MainWindow w(small());
        w.resize(1400, 900);
        w.show();
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("x.") + suffix);
        QCOMPARE(exportWidget(w.view(view), path), QString());
        QVERIFY(QFileInfo(path).size() > 1000);
        QVERIFY(!exportWidget(w.view(view), dir.filePath(QStringLiteral("x.bmpx"))).isEmpty());
    }

    void languageSwitch()
    {
        MainWindow w(small());
        const QString english = w.windowTitle();
        applyLanguage(QStringLiteral("zh_CN"));
        QCoreApplication::processEvents(); // LanguageChange reaches windows as a posted event
        QVERIFY2(w.windowTitle().contains(QStringLiteral("内存")), qPrintable(w.windowTitle()));
        applyLanguage(QStringLiteral("en"));
        QCoreApplication::processEvents();
        QCOMPARE(w.windowTitle(), english);
    }

    void sessionRoundTripsThroughTheWindow()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("lesson.memviz"));
        QByteArray events;
        std::uint64_t cursor = 0;
        {
            MainWindow w(small());
            w.loadDemo(QStringLiteral(":/demos/buddy.js"), true);
            w.session()->pause();
            const Simulator* sim = w.session()->simulator();
            w.session()->seek(sim->eventCount() / 2);
            cursor = w.session()->cursor();
            events = QByteArray::number(sessionEventChecksum(*sim));
            QCOMPARE(w.saveSessionTo(path), QString());
            QCOMPARE(w.recentSessions().value(0), QFileInfo(path).absoluteFilePath());
        }
        MainWindow w(small());
        QCOMPARE(w.openSessionFrom(path), QString());
        const Simulator* sim = w.session()->simulator();
        QVERIFY(sim);
        QCOMPARE(QByteArray::number(sessionEventChecksum(*sim)), events);
        QCOMPARE(w.session()->cursor(), cursor);
        QVERIFY(w.scriptEditor()->source().contains(QStringLiteral("alloc_pages")));
        auto* chapters = w.findChild<QComboBox*>(QStringLiteral("chapters"));
        QVERIFY(chapters->count() > 2); // buddy.js's shot()s
        QCOMPARE(w.sessionPath(), path);
    }

    void damagedSessionKeepsTheOpenOne_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("inMessage");
        QTest::newRow("garbage") << QByteArray("\x89PNG\r\n garbage") << QStringLiteral("broken.memviz");
        QTest::newRow("newer") << QByteArray(R"({"format":"memviz-session","version":99})") << QStringLiteral("99");
        QTest::newRow("empty") << QByteArray() << QStringLiteral("broken.memviz");
    }

    void damagedSessionKeepsTheOpenOne()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, inMessage);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("broken.memviz"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(bytes);
        f.close();
        MainWindow w(small());
        w.loadDemo(QStringLiteral(":/demos/buddy.js"), true);
        w.session()->pause();
        const std::uint64_t count = w.session()->simulator()->eventCount();
        const std::uint64_t cursor = w.session()->cursor();
        const QString error = w.openSessionFrom(path);
        QVERIFY2(error.contains(inMessage), qPrintable(error));
        QCOMPARE(w.session()->simulator()->eventCount(), count);
        QCOMPARE(w.session()->cursor(), cursor);
        QVERIFY(w.sessionPath().isEmpty());
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
