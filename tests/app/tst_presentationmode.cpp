// Presentation mode, offscreen: only the chosen views, full screen, no menus, large
// type, the pointer ring on top, Page Down/Up as a presenter's remote sends them, Esc
// back to exactly the layout before.
#include "ExplainPanel.h"
#include "MainWindow.h"
#include "PlayerBar.h"
#include "Palette.h"
#include "PointerHighlight.h"
#include "Session.h"
#include "ViewContext.h"

#include <QApplication>
#include <QScreen>
#include <QComboBox>
#include <QDockWidget>
#include <QLabel>
#include <QMenuBar>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolButton>
#include <QtTest>

using namespace memviz;

class TestPresentationMode : public QObject {
    Q_OBJECT
    Options small() const
    {
        Options o;
        o.ram = QStringLiteral("64M");
        return o;
    }
    static bool tabShown(QTabWidget* t, QWidget* w) { return t->isTabVisible(t->indexOf(w)); }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
    }

    void layout_data()
    {
        QTest::addColumn<QStringList>("views");
        QTest::addColumn<QString>("centre");     // the centre view shown
        QTest::addColumn<QStringList>("docks");  // the docks shown
        QTest::newRow("buddy and narration") << QStringList{u"buddy"_qs, u"explain"_qs} << u"buddy"_qs
                                             << QStringList{u"explain"_qs};
        QTest::newRow("two centre views, two docks")
            << QStringList{u"walk"_qs, u"tlb"_qs, u"cow"_qs, u"physical"_qs} << u"walk"_qs
            << QStringList{u"tlb"_qs, u"physical"_qs};
        QTest::newRow("docks only") << QStringList{u"zones"_qs} << QString() << QStringList{u"zones"_qs};
    }

    void layout()
    {
        QFETCH(QStringList, views);
        QFETCH(QString, centre);
        QFETCH(QStringList, docks);
        MainWindow w(small());
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.loadDemo(u":/demos/buddy.js"_qs, true);
        w.session()->toEnd();
        auto* tabs = w.findChild<QTabWidget*>(u"centre"_qs);
        QVERIFY(tabs);
        QHash<QString, bool> before;
        for (const QString& id : w.presentableViews())
            if (QDockWidget* d = w.dock(id)) before.insert(id, d->isVisible());
        const QFont fontBefore = QApplication::font();
        const bool consoleBefore = w.dock(u"console"_qs)->isVisible();

        w.setPresentationViews(views);
        QCOMPARE(w.presentationViews(), views.size() == 4 ? QStringList({u"walk"_qs, u"cow"_qs, u"physical"_qs, u"tlb"_qs})
                                                          : views); // catalogue order
        w.setPresentationMode(true);
        QVERIFY(w.presentationMode());
        QVERIFY(w.isFullScreen());
        QVERIFY(!w.menuBar()->isVisible());
        QVERIFY(!w.statusBar()->isVisible());
        for (const QString& id : {u"physical"_qs, u"processes"_qs, u"tlb"_qs, u"zones"_qs, u"oom"_qs, u"events"_qs,
                 u"explain"_qs, u"console"_qs, u"script"_qs, u"alloc"_qs, u"pressure"_qs})
            QCOMPARE(w.dock(id)->isVisible(), docks.contains(id));
        for (const QString& id : docks) { // no small caption or float/close buttons on the projector
            QWidget* bar = w.dock(id)->titleBarWidget();
            QVERIFY(bar && bar->sizeHint().height() <= 0);
        }
        if (!centre.isEmpty()) {
            QCOMPARE(tabs->currentWidget(), w.view(centre));
            for (const QString& id : {u"buddy"_qs, u"walk"_qs, u"cow"_qs, u"timeline"_qs, u"lru"_qs, u"slab"_qs,
                     u"kernel"_qs, u"numa"_qs})
                QCOMPARE(tabShown(tabs, w.view(id)), views.contains(id));
        }
        // The player: no speed control, the position never cut, the chapters on the bar (not
        // hidden behind the tool bar's overflow button) even on this small screen.
        auto* player = w.findChild<PlayerBar*>();
        QVERIFY(player && player->compact());
        QCoreApplication::processEvents();
        for (QComboBox* c : player->findChildren<QComboBox*>()) QVERIFY(!c->isVisible()); // the speed
        auto* position = player->findChild<PositionLabel*>();
        QVERIFY(position && !position->text().isEmpty());
        QVERIFY2(position->width() >= position->fontMetrics().horizontalAdvance(position->text()),
            qPrintable(position->text()));
        QVERIFY(w.findChild<QComboBox*>(u"chapters"_qs)->isVisible());
        QVERIFY(player->window()->width() <= w.screen()->geometry().width());
        // Large type and the presentation palette.
        QVERIFY(QApplication::font().pointSizeF() >= 16);
        QVERIFY(QApplication::font().pointSizeF() > fontBefore.pointSizeF());
        QVERIFY(Palette::presentation());
        // The pointer ring covers the window, above everything, and lets the mouse through.
        auto* ring = w.findChild<PointerHighlight*>();
        QVERIFY(ring && ring->isVisible());
        QCOMPARE(ring->geometry(), w.rect());
        QVERIFY(ring->testAttribute(Qt::WA_TransparentForMouseEvents));
        QWidget* top = nullptr;
        for (QObject* o : w.children())
            if (auto* c = qobject_cast<QWidget*>(o); c && c->isVisible() && !c->isWindow()) top = c;
        QCOMPARE(top, static_cast<QWidget*>(ring));
        ring->follow(w.mapToGlobal(QPoint(200, 150)));
        QCOMPARE(ring->ringCentre(), QPoint(200, 150));

        // Esc puts everything back.
        QTest::keyClick(&w, Qt::Key_Escape);
        QVERIFY(!w.presentationMode());
        QVERIFY(!w.isFullScreen());
        QVERIFY(w.menuBar()->isVisible());
        QCOMPARE(QApplication::font(), fontBefore);
        QVERIFY(!player->compact());
        QVERIFY(!Palette::presentation());
        QVERIFY(!w.findChild<PointerHighlight*>());
        QCOMPARE(w.dock(u"console"_qs)->isVisible(), consoleBefore);
        for (int i = 0; i < tabs->count(); ++i) QVERIFY(tabs->isTabVisible(i));
        for (auto it = before.cbegin(); it != before.cend(); ++it) QCOMPARE(w.dock(it.key())->isVisible(), it.value());
        for (const QString& id : docks) QVERIFY(!w.dock(id)->titleBarWidget());
    }

    void positionLabelFits_data()
    {
        QTest::addColumn<int>("width");
        QTest::addColumn<QString>("shown");
        QTest::newRow("room for all") << 2000 << u"event 366,374 / 931,176 · command 6 / 10"_qs;
        QTest::newRow("events only") << 0 << u"event 366,374 / 931,176"_qs; // width: see below
        QTest::newRow("numbers only") << 1 << u"366,374 / 931,176"_qs;
    }

    void positionLabelFits()
    {
        // The longest form that fits is shown; the label asks for the widest and settles for the
        // narrowest (a projector's large type on a small screen).
        QFETCH(int, width);
        QFETCH(QString, shown);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        PlayerBar bar;
        bar.setAttribute(Qt::WA_DontShowOnScreen);
        bar.show();
        QCoreApplication::processEvents();
        bar.setPosition(366374, 931176, 6, 10);
        auto* label = bar.findChild<PositionLabel*>();
        QVERIFY(label);
        const QFontMetrics fm = label->fontMetrics();
        QCOMPARE(label->toolTip(), u"event 366,374 / 931,176 · command 6 / 10"_qs);
        QVERIFY(label->sizeHint().width() > fm.horizontalAdvance(u"event 931,176 / 931,176 · command 10 / 10"_qs));
        QVERIFY(label->minimumSizeHint().width() >= fm.horizontalAdvance(u"931,176 / 931,176"_qs));
        QVERIFY(label->minimumSizeHint().width() < fm.horizontalAdvance(u"event 366,374 / 931,176"_qs));
        if (width == 0) width = fm.horizontalAdvance(u"event 366,374 / 931,176 · "_qs) + fm.averageCharWidth();
        if (width == 1) width = fm.horizontalAdvance(u"event 366,374 / 93"_qs);
        label->resize(width, label->height());
        QCOMPARE(label->text(), shown);
        QVERIFY(fm.horizontalAdvance(label->text()) <= label->width());
        QLocale::setDefault(QLocale::c());
    }

    void playerIconsOnTheDarkTheme()
    {
        // The style's media icons are dark: on the dark theme they are redrawn in the text colour.
        const auto lightness = [](const QIcon& icon) {
            const QImage img = icon.pixmap(22, 22).toImage().convertToFormat(QImage::Format_ARGB32);
            qint64 sum = 0, n = 0;
            for (int y = 0; y < img.height(); ++y)
                for (int x = 0; x < img.width(); ++x)
                    if (qAlpha(img.pixel(x, y)) > 128) sum += QColor(img.pixel(x, y)).lightness(), ++n;
            return n ? int(sum / n) : -1;
        };
        for (Theme theme : { Theme::Dark, Theme::Light }) {
            Palette::applyToApplication(theme);
            PlayerBar bar;
            QCoreApplication::processEvents();
            const QList<QToolButton*> buttons = bar.findChildren<QToolButton*>();
            QCOMPARE(buttons.size(), 7);
            int checked = 0;
            for (QToolButton* b : buttons) {
                if (b->toolTip().contains(u"Step"_qs)) continue; // the style's coloured arrows
                const int l = lightness(b->icon());
                QVERIFY2(l >= 0, qPrintable(b->toolTip()));
                if (theme == Theme::Dark) QVERIFY2(l > 150, qPrintable(u"%1: %2"_qs.arg(b->toolTip()).arg(l)));
                ++checked;
            }
            QCOMPARE(checked, 5);
            bar.setCompact(true);
            QCOMPARE(buttons.first()->iconSize(), QSize(30, 30));
        }
        Palette::applyToApplication(Theme::Light);
    }

    void pageDownPlaysTheNextCommand()
    {
        MainWindow w(small());
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.loadDemo(u":/demos/buddy.js"_qs, true);
        Session* s = w.session();
        s->toStart();
        const Simulator* sim = s->simulator();
        QVERIFY(sim && sim->commands().size() > 3);
        w.setPresentationViews({u"buddy"_qs, u"explain"_qs});
        w.setPresentationMode(true);
        w.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        // The first Page Down starts playing the first command; the second finishes it at once.
        QTest::keyClick(&w, Qt::Key_PageDown);
        QVERIFY(s->playing());
        QTest::keyClick(&w, Qt::Key_PageDown);
        QVERIFY(!s->playing());
        QCOMPARE(s->cursor(), sim->commandStart(1));
        // Page Down again: the second command plays to its end.
        QTest::keyClick(&w, Qt::Key_PageDown);
        QTRY_VERIFY_WITH_TIMEOUT(!s->playing(), 20000);
        QCOMPARE(s->cursor(), sim->commandStart(2));
        // Page Up: back to the start of the previous command.
        QTest::keyClick(&w, Qt::Key_PageUp);
        QCOMPARE(s->cursor(), sim->commandStart(1));
        // The narration follows the cursor in presentation mode too.
        auto* explain = qobject_cast<ExplainPanel*>(w.view(u"explain"_qs));
        QVERIFY(explain && explain->isVisible());
        QVERIFY(explain->plainText().contains(QString::number(s->cursor())));
        w.setPresentationMode(false);
    }

    void viewChoiceIsRemembered()
    {
        {
            MainWindow w(small());
            w.setPresentationViews({u"numa"_qs, u"explain"_qs, u"nonsense"_qs});
            QCOMPARE(w.presentationViews(), QStringList({u"numa"_qs, u"explain"_qs}));
        }
        MainWindow again(small());
        QCOMPARE(again.presentationViews(), QStringList({u"numa"_qs, u"explain"_qs}));
    }
};

QTEST_MAIN(TestPresentationMode)
#include "tst_presentationmode.moc"
