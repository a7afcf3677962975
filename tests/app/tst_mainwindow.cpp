// The main window end to end, offscreen: a demo from the menu's resource, console
// commands, a failing script, mouse-style commands, export, language switching.
#include "CommandLine.h"
#include "ConsoleWidget.h"
#include "Exporter.h"
#include "Language.h"
#include "MainWindow.h"
#include "Palette.h"
#include "ScriptEditor.h"
#include "Session.h"
#include "SessionFile.h"
#include "TestUtil.h"
#include "ViewContext.h"

#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QTabWidget>
#include <QSettings>
#include <QTemporaryDir>
#include <QTimer>
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

    void fitsASmallScreen()
    {
        // A 1280x720 laptop or projector: the window's own minimum leaves room for a task bar.
        MainWindow w(small());
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.loadDemo(QStringLiteral(":/demos/buddy.js"), true);
        QCoreApplication::processEvents();
        // (The panels of controls scroll: tabbed together they made the window 770 lines tall.)
        QVERIFY2(w.minimumSizeHint().height() <= 680, qPrintable(QString::number(w.minimumSizeHint().height())));
        QVERIFY2(w.minimumSizeHint().width() <= 1270, qPrintable(QString::number(w.minimumSizeHint().width())));
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

    void chapterBoxFollowsThePlayer()
    {
        // Stepping or seeking anywhere, the chapter box names the chapter the cursor is in.
        MainWindow w(small());
        w.loadDemo(QStringLiteral(":/demos/buddy.js"), true);
        w.session()->pause();
        auto* chapters = w.findChild<QComboBox*>(QStringLiteral("chapters"));
        QVERIFY(chapters && chapters->count() > 3);
        const std::uint64_t end = w.session()->simulator()->eventCount();
        for (std::uint64_t at : { std::uint64_t(0), end / 3, end / 2, end - 1, end }) {
            w.session()->seek(at);
            std::uint64_t expected = 0; // the latest chapter position at or before the cursor
            for (int i = 0; i < chapters->count(); ++i)
                if (chapters->itemData(i).toULongLong() <= at) expected = std::max<std::uint64_t>(expected, chapters->itemData(i).toULongLong());
            QCOMPARE(chapters->currentData().toULongLong(), expected);
        }
        // A chapter chosen among several at one position stays chosen while the cursor stays.
        int a = -1;
        for (int i = 0; i + 1 < chapters->count() && a < 0; ++i)
            if (chapters->itemData(i) == chapters->itemData(i + 1)) a = i;
        if (a >= 0) {
            w.session()->seek(chapters->itemData(a).toULongLong());
            chapters->setCurrentIndex(a);
            w.session()->seek(chapters->itemData(a).toULongLong());
            QCOMPARE(chapters->currentIndex(), a);
        }
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
        QSettings().remove(QStringLiteral("ui/theme"));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("lesson.memviz"));
        QByteArray events;
        std::uint64_t cursor = 0;
        QStringList docksShown;
        {
            MainWindow w(small());
            w.show();
            QVERIFY(QTest::qWaitForWindowExposed(&w));
            w.loadDemo(QStringLiteral(":/demos/buddy.js"), true);
            w.session()->pause();
            const Simulator* sim = w.session()->simulator();
            w.session()->seek(sim->eventCount() / 2);
            cursor = w.session()->cursor();
            events = QByteArray::number(sessionEventChecksum(*sim));
            // A layout of one's own: the walk in the centre, the TLB dock closed.
            w.findChild<QTabWidget*>(QStringLiteral("centre"))->setCurrentWidget(w.view(QStringLiteral("walk")));
            w.dock(QStringLiteral("tlb"))->close();
            for (QDockWidget* d : w.findChildren<QDockWidget*>())
                if (d->isVisible()) docksShown << d->objectName();
            QVERIFY(!docksShown.isEmpty());
            // Saved in focus mode: the layout written is the one focus mode gives back.
            QTest::keyClick(&w, Qt::Key_F, Qt::ControlModifier | Qt::ShiftModifier);
            for (QDockWidget* d : w.findChildren<QDockWidget*>()) QVERIFY(!d->isVisible());
            QCOMPARE(w.saveSessionTo(path), QString());
            for (QDockWidget* d : w.findChildren<QDockWidget*>()) QVERIFY(!d->isVisible()); // still focused
            QCOMPARE(w.recentSessions().value(0), QFileInfo(path).absoluteFilePath());
            QVERIFY(w.windowTitle().startsWith(QStringLiteral("lesson.memviz — ")));
        }
        MainWindow w(small());
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QCOMPARE(w.openSessionFrom(path), QString());
        const Simulator* sim = w.session()->simulator();
        QVERIFY(sim);
        QCOMPARE(QByteArray::number(sessionEventChecksum(*sim)), events);
        QCOMPARE(w.session()->cursor(), cursor);
        QVERIFY(w.scriptEditor()->source().contains(QStringLiteral("alloc_pages")));
        auto* chapters = w.findChild<QComboBox*>(QStringLiteral("chapters"));
        QVERIFY(chapters->count() > 2); // buddy.js's shot()s
        QCOMPARE(w.sessionPath(), path);
        QVERIFY(w.windowTitle().startsWith(QStringLiteral("lesson.memviz — ")));
        // The layout: the centre view and the docks shown.
        QVERIFY(w.view(QStringLiteral("walk"))->isVisible());
        QStringList shown;
        for (QDockWidget* d : w.findChildren<QDockWidget*>())
            if (d->isVisible()) shown << d->objectName();
        shown.sort();
        docksShown.sort();
        QCOMPARE(shown, docksShown);
        QVERIFY(!w.dock(QStringLiteral("tlb"))->isVisible());
        // The script's name is shown, but Save asks where: the file's path is another computer's.
        QCOMPARE(w.scriptEditor()->fileName(), QStringLiteral("buddy.js"));
        QVERIFY(!w.scriptEditor()->savesInPlace());

        // A new run is no longer that file: Save asks for a name instead of replacing it.
        w.runConsoleLine(QStringLiteral("machine({ preset: 'x86-64', ram: '64M' })"));
        QVERIFY(w.sessionPath().isEmpty());
        QVERIFY(!w.windowTitle().contains(QStringLiteral("lesson.memviz")));
    }

    void unsavedScriptIsNotLostSilently()
    {
        MainWindow w(small());
        w.loadDemo(QStringLiteral(":/demos/buddy.js"), true);
        QVERIFY(!w.scriptEditor()->isModified());
        QTest::keyClicks(w.scriptEditor()->editor(), QStringLiteral("// my own line "));
        QVERIFY(w.scriptEditor()->isModified());
        const std::uint64_t events = w.session()->simulator()->eventCount();
        QAction* demo = nullptr;
        for (QAction* a : w.findChildren<QAction*>())
            if (a->data().toString() == QStringLiteral("textbook-2level.js")) demo = a;
        QVERIFY(demo);
        const auto answer = [this](QMessageBox::StandardButton b, QString* text) {
            QTimer::singleShot(0, this, [b, text] {
                if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget())) {
                    *text = box->text();
                    box->button(b)->click();
                }
            });
        };
        // Cancel: nothing changes.
        QString asked;
        answer(QMessageBox::Cancel, &asked);
        demo->trigger();
        QVERIFY2(asked.contains(QStringLiteral("buddy.js")) && asked.contains(QStringLiteral("not saved")), qPrintable(asked));
        QVERIFY(w.scriptEditor()->source().contains(QStringLiteral("// my own line")));
        QCOMPARE(w.session()->simulator()->eventCount(), events);
        // Discard: the demo replaces it.
        asked.clear();
        answer(QMessageBox::Discard, &asked);
        demo->trigger();
        QVERIFY(!asked.isEmpty());
        QVERIFY(!w.scriptEditor()->source().contains(QStringLiteral("// my own line")));
        QVERIFY(!w.scriptEditor()->isModified());
        // Unchanged text is replaced without a question (were one asked, the timer would answer it).
        asked.clear();
        answer(QMessageBox::Cancel, &asked);
        demo->trigger();
        QCoreApplication::processEvents();
        QVERIFY(asked.isEmpty());
    }

    void sessionThemeIsNotTheUsersChoice()
    {
        // A session's look is for this sitting; the theme chosen in the menu stays for the next start.
        QSettings().setValue(QStringLiteral("ui/theme"), QStringLiteral("light"));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("dark.memviz"));
        {
            Options o = small();
            o.theme = QStringLiteral("dark"); // --theme dark: not remembered either
            MainWindow w(o);
            QVERIFY(Palette::isDark());
            QCOMPARE(QSettings().value(QStringLiteral("ui/theme")).toString(), QStringLiteral("light"));
            QCOMPARE(w.saveSessionTo(path), QString());
        }
        MainWindow w(small());
        QVERIFY(!Palette::isDark());
        QCOMPARE(w.openSessionFrom(path), QString());
        QVERIFY(Palette::isDark());
        QCOMPARE(QSettings().value(QStringLiteral("ui/theme")).toString(), QStringLiteral("light"));
        Palette::applyToApplication(Theme::Light);
    }

    void recentSessionsMenu()
    {
        QSettings().remove(QStringLiteral("session/recent"));
        QTemporaryDir dir;
        const QString good = dir.filePath(QStringLiteral("A&B.memviz"));
        const QString gone = dir.filePath(QStringLiteral("gone.memviz"));
        MainWindow w(small());
        QCOMPARE(w.saveSessionTo(gone), QString());
        QVERIFY(QFile::remove(gone));
        QCOMPARE(w.saveSessionTo(good), QString());
        QCOMPARE(w.recentSessions(),
                 QStringList({ QFileInfo(good).absoluteFilePath(), QFileInfo(gone).absoluteFilePath() }));
        QMenu* recent = nullptr;
        for (QMenu* m : w.findChildren<QMenu*>())
            for (QAction* a : m->actions())
                if (a->text() == QStringLiteral("Clear the list")) recent = m;
        QVERIFY(recent);
        const QList<QAction*> items = recent->actions();
        QVERIFY(items.size() >= 4); // two files, a separator, Clear the list
        QCOMPARE(items[0]->text(), QStringLiteral("&1 A&&B.memviz")); // the '&' is shown, not a shortcut
        QCOMPARE(items[1]->text(), QStringLiteral("&2 gone.memviz"));
        // The missing file: a message, and the entry goes.
        QString shownText;
        QTimer::singleShot(0, this, [&shownText] {
            if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget())) {
                shownText = box->text();
                box->close();
            }
        });
        const std::uint64_t count = w.session()->simulator()->eventCount();
        items[1]->trigger();
        QVERIFY2(shownText.contains(QStringLiteral("gone.memviz")), qPrintable(shownText));
        QVERIFY(shownText.contains(QStringLiteral("removed from the recent sessions")));
        QCOMPARE(w.recentSessions(), QStringList({ QFileInfo(good).absoluteFilePath() }));
        QCOMPARE(w.session()->simulator()->eventCount(), count);
        // The other one opens.
        recent->actions().constFirst()->trigger();
        QCOMPARE(w.sessionPath(), QFileInfo(good).absoluteFilePath());
    }

    void sessionFileOnTheCommandLine_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QString>("session");
        QTest::newRow("file") << QStringList({ u"memviz"_qs, u"lesson.memviz"_qs }) << true << u"lesson.memviz"_qs;
        QTest::newRow("a script") << QStringList({ u"memviz"_qs, u"lesson.js"_qs }) << false << QString();
        QTest::newRow("two files") << QStringList({ u"memviz"_qs, u"a.memviz"_qs, u"b.memviz"_qs }) << false << QString();
        QTest::newRow("with --headless")
            << QStringList({ u"memviz"_qs, u"a.memviz"_qs, u"--headless"_qs, u"--script"_qs, u"x.js"_qs }) << false
            << QString();
    }

    void sessionFileOnTheCommandLine()
    {
        QFETCH(QStringList, args);
        QFETCH(bool, ok);
        QFETCH(QString, session);
        Options o;
        int code = -1;
        QCOMPARE(parseCommandLine(args, &o, &code), ok);
        if (!ok) QCOMPARE(code, 2);
        else QCOMPARE(o.sessionFile, session);
    }

    void sessionFileOpensAtStart()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("start.memviz"));
        std::uint64_t count = 0;
        {
            MainWindow w(small());
            w.runConsoleLine(QStringLiteral("kernel.alloc_pages(3)"));
            count = w.session()->simulator()->eventCount();
            QCOMPARE(w.saveSessionTo(path), QString());
        }
        Options o = small();
        o.sessionFile = path;
        MainWindow w(o);
        QTRY_COMPARE(w.sessionPath(), path);
        QCOMPARE(w.session()->simulator()->eventCount(), count);
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
        const QString goodPath = dir.filePath(QStringLiteral("good.memviz"));
        {
            MainWindow w(small());
            w.loadDemo(QStringLiteral(":/demos/buddy.js"), true);
            w.session()->pause();
            QCOMPARE(w.saveSessionTo(goodPath), QString());
        }
        MainWindow w(small());
        QCOMPARE(w.openSessionFrom(goodPath), QString());
        const std::uint64_t count = w.session()->simulator()->eventCount();
        const std::uint64_t cursor = w.session()->cursor();
        const QString script = w.scriptEditor()->source();
        const int chapters = w.findChild<QComboBox*>(QStringLiteral("chapters"))->count();
        const QString title = w.windowTitle();
        const QString error = w.openSessionFrom(path);
        QVERIFY2(error.contains(inMessage), qPrintable(error));
        QCOMPARE(w.session()->simulator()->eventCount(), count);
        QCOMPARE(w.session()->cursor(), cursor);
        QCOMPARE(w.scriptEditor()->source(), script);
        QCOMPARE(w.findChild<QComboBox*>(QStringLiteral("chapters"))->count(), chapters);
        QCOMPARE(w.sessionPath(), goodPath);
        QCOMPARE(w.windowTitle(), title);
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
