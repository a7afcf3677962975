#include "MainWindow.h"

#include "AllocPanel.h"
#include "AnimationDialog.h"
#include "EventLogModel.h"
#include "EventLogView.h"
#include "OomView.h"
#include "ReplacementLabView.h"
#include "TableExport.h"
#include "TimelinePlot.h"
#include "PressurePanel.h"
#include "ConsoleWidget.h"
#include "ErrorText.h"
#include "ExerciseDialog.h"
#include "Exporter.h"
#include "Headless.h"
#include "Language.h"
#include "NewMachineDialog.h"
#include "Palette.h"
#include "PlayerBar.h"
#include "PointerHighlight.h"
#include "ScriptEditor.h"
#include "ScriptEngine.h"
#include "SessionFile.h"
#include "Session.h"
#include "ViewContext.h"
#include "Views.h"
#include "stats/Shell.h"
#include "util/Size.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QListWidget>
#include <QRegularExpression>
#include <QTabWidget>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSaveFile>
#include <QScrollArea>
#include <QScrollBar>
#include <QScreen>
#include <QSettings>
#include <QShortcut>
#include <QStatusBar>
#include <QStyle>
#include <QStyleFactory>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

namespace memviz {

MainWindow::MainWindow(const Options& options, QWidget* parent) : QMainWindow(parent), m_options(options)
{
    setObjectName(QStringLiteral("MainWindow"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/memviz.svg")));
    setDockNestingEnabled(true);
    m_ctx = new ViewContext(this);
    m_session = new Session(m_ctx, this);
    m_consoleEngine = new ScriptEngine(this);
    m_scriptEngine = new ScriptEngine(this);
    m_consoleEngine->setTimeoutMs(options.timeoutSeconds * 1000);
    m_scriptEngine->setTimeoutMs(options.timeoutSeconds * 1000);

    buildViews();
    buildMenus();

    connect(m_ctx, &ViewContext::commandRequested, this, &MainWindow::runCommand);
    connect(m_ctx, &ViewContext::seekRequested, m_session, &Session::seek);
    connect(m_session, &Session::cursorChanged, this, &MainWindow::updateStatus);
    connect(m_session, &Session::runChanged, this, &MainWindow::updateStatus);
    connect(m_session, &Session::playingChanged, m_player, &PlayerBar::setPlaying);
    connect(m_player, &PlayerBar::playToggled, m_session, &Session::togglePlay);
    connect(m_player, &PlayerBar::stepForward, m_session, &Session::stepForward);
    connect(m_player, &PlayerBar::stepBack, m_session, &Session::stepBack);
    connect(m_player, &PlayerBar::toStart, m_session, &Session::toStart);
    connect(m_player, &PlayerBar::toEnd, m_session, &Session::toEnd);
    connect(m_player, &PlayerBar::nextCommand, m_session, &Session::nextCommand);
    connect(m_player, &PlayerBar::previousCommand, m_session, &Session::previousCommand);
    connect(m_player, &PlayerBar::seek, m_session, &Session::seek);
    connect(m_player, &PlayerBar::speedChanged, m_session, &Session::setSpeed);
    connect(m_console, &ConsoleWidget::submitted, this, &MainWindow::runConsoleLine);
    connect(m_editor, &ScriptEditor::runRequested, this, &MainWindow::runScript);
    connect(m_alloc, &AllocPanel::newMachineRequested, this, &MainWindow::newMachine);
    connect(m_consoleEngine, &ScriptEngine::printed, this, [this](const QString& t) { m_console->append(t); });
    connect(m_scriptEngine, &ScriptEngine::printed, this, [this](const QString& t) { m_console->append(t); });

    QSettings settings;
    m_player->setSpeedIndex(settings.value(QStringLiteral("player/speedIndex"), 3).toInt());
    m_session->setSpeed(PlayerBar::speeds().value(m_player->speedIndex(), 4.0));
    setTheme(options.theme.isEmpty() ? settings.value(QStringLiteral("ui/theme")).toString() == QLatin1String("dark")
                                     : options.theme == QLatin1String("dark"),
             options.theme.isEmpty());
    m_presentationViews = settings.value(QStringLiteral("presentation/views")).toStringList();
    if (m_presentationViews.isEmpty()) {
        // By default the step-by-step views of the centre and the narration.
        for (int i = 0; i < m_centre->count(); ++i) m_presentationViews << m_views.key(m_centre->widget(i));
        m_presentationViews << QStringLiteral("explain");
    }

    MachineConfig cfg;
    QString error;
    if (!configFromOptions(options, &cfg, &error)) {
        m_console->append(error, ConsoleWidget::Kind::Error);
        configFromOptions(Options(), &cfg, &error);
    }
    m_session->newMachine(cfg);
    connect(m_session, &Session::runChanged, this, &MainWindow::announceMachine);
    announceMachine();

    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray())) {
        // First start: nearly the whole screen, so the buddy lists have room.
        const QRect avail = screen() ? screen()->availableGeometry() : QRect(0, 0, 1600, 1000);
        resize(avail.size() * 0.95);
    }
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    retranslate();
    updateStatus();

    if (options.presentation) QTimer::singleShot(0, this, [this] { setPresentationMode(true); });
    if (!options.sessionFile.isEmpty()) {
        const QString path = options.sessionFile;
        QTimer::singleShot(0, this, [this, path] {
            const QString error = openSessionFrom(path);
            if (!error.isEmpty()) m_console->append(error, ConsoleWidget::Kind::Error);
        });
    }
    if (!options.script.isEmpty()) {
        QFile f(options.script);
        if (f.open(QIODevice::ReadOnly | QIODevice::Text)) {
            m_editor->setSource(QString::fromUtf8(f.readAll()), options.script);
            QTimer::singleShot(0, this, [this] { runScript(m_editor->source(), m_editor->fileName()); });
        } else {
            m_console->append(tr("Cannot read %1: %2").arg(options.script, f.errorString()), ConsoleWidget::Kind::Error);
        }
    }
}

MainWindow::~MainWindow() = default;

void MainWindow::buildViews()
{
    // The big step-by-step views share the centre as tabs; the others dock around them.
    m_centre = new QTabWidget(this);
    m_centre->setObjectName(QStringLiteral("centre"));
    m_centre->setDocumentMode(true);
    for (const QString& id : {QStringLiteral("buddy"), QStringLiteral("walk"), QStringLiteral("cow"),
             QStringLiteral("timeline"), QStringLiteral("lru"), QStringLiteral("slab"), QStringLiteral("kernel"),
             QStringLiteral("numa"), QStringLiteral("replacement")}) {
        QWidget* w = createView(id, m_ctx, this);
        w->setObjectName(QStringLiteral("view-") + id);
        m_views.insert(id, w);
        m_centre->addTab(w, QString());
    }
    // A kernel panic stops the machine: a banner above the views says so while the cursor is after it.
    auto* centre = new QWidget(this);
    auto* centreLayout = new QVBoxLayout(centre);
    centreLayout->setContentsMargins(0, 0, 0, 0);
    centreLayout->setSpacing(0);
    m_panic = new QLabel(centre);
    m_panic->setObjectName(QStringLiteral("panicBanner"));
    m_panic->setWordWrap(true);
    m_panic->setTextFormat(Qt::PlainText);
    m_panic->setMargin(12);
    m_panic->setStyleSheet(QStringLiteral("QLabel { background: #000000; color: #ff5050; font-family: monospace; "
                                          "font-weight: bold; font-size: 14pt; }"));
    m_panic->hide();
    centreLayout->addWidget(m_panic);
    centreLayout->addWidget(m_centre, 1);
    setCentralWidget(centre);
    connect(m_ctx, &ViewContext::stateChanged, this, &MainWindow::updatePanic);

    auto dock = [this](const QString& id, QWidget* w, Qt::DockWidgetArea area) {
        auto* d = new QDockWidget(this);
        d->setObjectName(QStringLiteral("dock-") + id);
        d->setWidget(w);
        addDockWidget(area, d);
        m_docks.insert(id, d);
        return d;
    };
    QWidget* physical = createView(QStringLiteral("physical"), m_ctx, this);
    m_views.insert(QStringLiteral("physical"), physical);
    QDockWidget* physDock = dock(QStringLiteral("physical"), physical, Qt::RightDockWidgetArea);
    QWidget* processes = createView(QStringLiteral("processes"), m_ctx, this);
    m_views.insert(QStringLiteral("processes"), processes);
    QDockWidget* procDock = dock(QStringLiteral("processes"), processes, Qt::RightDockWidgetArea);
    QWidget* tlb = createView(QStringLiteral("tlb"), m_ctx, this);
    m_views.insert(QStringLiteral("tlb"), tlb);
    QDockWidget* tlbDock = dock(QStringLiteral("tlb"), tlb, Qt::RightDockWidgetArea);
    QWidget* zones = createView(QStringLiteral("zones"), m_ctx, this);
    m_views.insert(QStringLiteral("zones"), zones);
    QDockWidget* zoneDock = dock(QStringLiteral("zones"), zones, Qt::RightDockWidgetArea);
    QWidget* oom = createView(QStringLiteral("oom"), m_ctx, this);
    m_views.insert(QStringLiteral("oom"), oom);
    QDockWidget* oomDock = dock(QStringLiteral("oom"), oom, Qt::RightDockWidgetArea);
    tabifyDockWidget(physDock, procDock);
    tabifyDockWidget(procDock, tlbDock);
    tabifyDockWidget(tlbDock, zoneDock);
    tabifyDockWidget(zoneDock, oomDock);
    physDock->raise();
    QWidget* events = createView(QStringLiteral("events"), m_ctx, this);
    m_views.insert(QStringLiteral("events"), events);
    QDockWidget* evDock = dock(QStringLiteral("events"), events, Qt::BottomDockWidgetArea);
    QWidget* explain = createView(QStringLiteral("explain"), m_ctx, this);
    m_views.insert(QStringLiteral("explain"), explain);
    QDockWidget* explainDock = dock(QStringLiteral("explain"), explain, Qt::BottomDockWidgetArea);

    // The two panels of controls scroll rather than make the window taller than a 720-line
    // screen (docks tabbed together ask for the tallest one's minimum).
    auto scrolled = [this](QWidget* panel) {
        auto* area = new QScrollArea(this);
        area->setWidget(panel);
        area->setWidgetResizable(true);
        area->setFrameShape(QFrame::NoFrame);
        area->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        area->setMinimumWidth(panel->minimumSizeHint().width() + area->verticalScrollBar()->sizeHint().width());
        return area;
    };
    m_alloc = new AllocPanel(m_ctx, this);
    QDockWidget* allocDock = dock(QStringLiteral("alloc"), scrolled(m_alloc), Qt::LeftDockWidgetArea);
    m_pressure = new PressurePanel(m_session, m_ctx, this);
    QDockWidget* pressureDock = dock(QStringLiteral("pressure"), scrolled(m_pressure), Qt::LeftDockWidgetArea);
    tabifyDockWidget(allocDock, pressureDock);
    allocDock->raise();
    connect(m_pressure, &PressurePanel::message, this, [this](const QString& text) { statusBar()->showMessage(text, 10000); });
    connect(m_pressure, &PressurePanel::newMachineRequested, this, [this](std::uint64_t ram, std::uint64_t swap) {
        const Simulator* sim = m_session->simulator();
        MachineConfig c = sim ? sim->config() : MachineConfig();
        c.ramBytes = ram;
        c.swapBytes = swap;
        if (Error e = m_session->newMachine(c)) QMessageBox::warning(this, tr("New machine"), errorText(e));
        else {
            setChapters({});
            setSessionPath({}); // a new run: Save asks for a name instead of replacing the last file
        }
    });
    m_console = new ConsoleWidget(this);
    QDockWidget* conDock = dock(QStringLiteral("console"), m_console, Qt::BottomDockWidgetArea);
    m_editor = new ScriptEditor(this);
    QDockWidget* edDock = dock(QStringLiteral("script"), m_editor, Qt::BottomDockWidgetArea);
    tabifyDockWidget(conDock, evDock);
    tabifyDockWidget(evDock, edDock);
    conDock->raise();
    // The narration of the current step sits beside the console, always in sight.
    splitDockWidget(conDock, explainDock, Qt::Horizontal);
    resizeDocks({m_docks.value(QStringLiteral("physical")), m_docks.value(QStringLiteral("alloc"))}, {400, 260},
                Qt::Horizontal);
    resizeDocks({conDock}, {240}, Qt::Vertical);

    m_player = new PlayerBar(this);
    auto* bar = new QToolBar(this);
    bar->setObjectName(QStringLiteral("player"));
    bar->setMovable(false);
    bar->addWidget(m_player);
    // The script's shot() points as chapters: a long run (the notes' 100 MiB experiments
    // record about a million events) is explored by jumping between them.
    m_chapterLabel = new QLabel(this);
    m_chapters = new QComboBox(this);
    m_chapters->setObjectName(QStringLiteral("chapters"));
    m_chapters->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_chapters->setMinimumContentsLength(12);
    bar->addSeparator();
    bar->addWidget(m_chapterLabel);
    bar->addWidget(m_chapters);
    connect(m_chapters, &QComboBox::activated, this, [this](int i) {
        const QVariant v = m_chapters->itemData(i);
        if (!v.isValid()) return;
        m_session->pause();
        m_session->seek(v.toULongLong());
    });
    addToolBar(Qt::BottomToolBarArea, bar);

    m_status = new QLabel(this);
    statusBar()->addPermanentWidget(m_status);

    // Player keys; text fields keep their own keys (ShortcutOverride), so typing a
    // space in the console does not start the player.
    auto key = [this](QKeySequence k, auto slot) {
        auto* s = new QShortcut(k, this);
        connect(s, &QShortcut::activated, m_session, slot);
    };
    key(Qt::Key_Space, &Session::togglePlay);
    key(Qt::Key_Right, &Session::stepForward);
    key(Qt::Key_Left, &Session::stepBack);
    key(Qt::Key_Home, &Session::toStart);
    key(Qt::Key_End, &Session::toEnd);
    auto* pageDown = new QShortcut(QKeySequence(Qt::Key_PageDown), this);
    connect(pageDown, &QShortcut::activated, this, [this] {
        // A presenter's remote sends Page Down: play the next command as a build; else jump to it.
        if (m_presenting) m_session->presentNext();
        else m_session->nextCommand();
    });
    key(Qt::Key_PageUp, &Session::previousCommand);
    auto* next = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_PageDown), this);
    connect(next, &QShortcut::activated, this, [this] { gotoChapter(+1); });
    auto* prev = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_PageUp), this);
    connect(prev, &QShortcut::activated, this, [this] { gotoChapter(-1); });
}

void MainWindow::setChapters(const std::vector<ScriptShot>& shots)
{
    m_shots = shots;
    m_chapters->clear();
    m_chapters->addItem(tr("start"), QVariant::fromValue<qulonglong>(0));
    const Simulator* sim = m_session->simulator();
    // The script's shot()s, and the moments a class wants to find again: every OOM kill
    // (the cursor on it shows the candidate table), a kernel panic, kswapd's first wake-up.
    std::vector<std::pair<std::uint64_t, QString>> marks;
    for (const ScriptShot& s : shots) marks.emplace_back(s.cursor, s.name);
    if (sim) {
        bool kswapd = false;
        for (std::uint64_t i = 0; i < sim->eventCount(); ++i) {
            const Event& e = sim->events()[i];
            if (e.type == EventType::OomKill) {
                const Process* p = sim->current().proc(e.pid);
                marks.emplace_back(i + 1, tr("OOM kill: %1 (%2)")
                                              .arg(e.pid)
                                              .arg(p ? QString::fromStdString(sim->current().str(p->comm)) : QString()));
            } else if (e.type == EventType::KernelPanic) {
                marks.emplace_back(i + 1, tr("kernel panic"));
            } else if (e.type == EventType::KswapdWake && !kswapd) {
                kswapd = true;
                marks.emplace_back(i + 1, tr("kswapd wakes"));
            }
        }
    }
    std::stable_sort(marks.begin(), marks.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (const auto& [cursor, name] : marks) m_chapters->addItem(name, QVariant::fromValue<qulonglong>(cursor));
    m_chapters->addItem(tr("end"), QVariant::fromValue<qulonglong>(sim ? sim->eventCount() : 0));
}

void MainWindow::followChapter()
{
    // The chapter box names the chapter the player is in: the latest one at or before the
    // cursor. A chapter chosen among several at one position stays chosen.
    if (!m_chapters) return;
    const std::uint64_t at = m_session->cursor();
    const int cur = m_chapters->currentIndex();
    const std::uint64_t curAt = cur >= 0 ? m_chapters->itemData(cur).toULongLong() : 0;
    int pick = -1;
    std::uint64_t pickAt = 0;
    for (int i = 0; i < m_chapters->count(); ++i) {
        const std::uint64_t c = m_chapters->itemData(i).toULongLong();
        if (c <= at && (pick < 0 || c > pickAt)) {
            pick = i;
            pickAt = c;
        }
    }
    if (pick < 0 || (cur >= 0 && curAt == pickAt)) return;
    m_chapters->setCurrentIndex(pick);
}

void MainWindow::gotoChapter(int direction)
{
    const std::uint64_t at = m_session->cursor();
    int pick = -1;
    if (direction > 0) {
        for (int i = 0; i < m_chapters->count() && pick < 0; ++i)
            if (m_chapters->itemData(i).toULongLong() > at) pick = i;
    } else {
        for (int i = m_chapters->count() - 1; i >= 0 && pick < 0; --i)
            if (m_chapters->itemData(i).toULongLong() < at) pick = i;
    }
    if (pick < 0) return;
    m_chapters->setCurrentIndex(pick);
    m_session->pause();
    m_session->seek(m_chapters->itemData(pick).toULongLong());
}

void MainWindow::setFocusMode(bool on)
{
    if (on) {
        m_focusHidden.clear();
        for (QDockWidget* d : std::as_const(m_docks))
            if (d->isVisible()) {
                m_focusHidden.append(d);
                d->hide();
            }
    } else {
        for (QDockWidget* d : std::as_const(m_focusHidden)) d->show();
        m_focusHidden.clear();
    }
    if (QAction* a = m_actions.value(QStringLiteral("focus"))) a->setChecked(on);
}

QStringList MainWindow::presentableViews() const
{
    QStringList ids;
    for (const ViewInfo& v : viewCatalogue())
        if (m_views.contains(v.id)) ids << v.id;
    return ids;
}

void MainWindow::setPresentationViews(const QStringList& ids)
{
    QStringList keep;
    for (const QString& id : presentableViews())
        if (ids.contains(id)) keep << id;
    m_presentationViews = keep;
    QSettings().setValue(QStringLiteral("presentation/views"), keep);
    if (m_presenting) {
        // Apply at once: leave and come back with the new choice.
        setPresentationMode(false);
        setPresentationMode(true);
    }
}

void MainWindow::choosePresentationViews()
{
    QDialog dlg(this);
    dlg.setWindowTitle(tr("Views in presentation mode"));
    auto* layout = new QVBoxLayout(&dlg);
    auto* label = new QLabel(tr("Presentation mode shows only these views (the centre views as tabs):"), &dlg);
    label->setWordWrap(true);
    layout->addWidget(label);
    auto* list = new QListWidget(&dlg);
    for (const QString& id : presentableViews()) {
        QString title = id;
        for (const ViewInfo& v : viewCatalogue())
            if (v.id == id) title = v.title;
        auto* item = new QListWidgetItem(title, list);
        item->setData(Qt::UserRole, id);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(m_presentationViews.contains(id) ? Qt::Checked : Qt::Unchecked);
    }
    layout->addWidget(list, 1);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dlg);
    connect(buttons, &QDialogButtonBox::accepted, &dlg, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dlg, &QDialog::reject);
    layout->addWidget(buttons);
    dlg.resize(420, 520);
    if (dlg.exec() != QDialog::Accepted) return;
    QStringList ids;
    for (int i = 0; i < list->count(); ++i)
        if (list->item(i)->checkState() == Qt::Checked) ids << list->item(i)->data(Qt::UserRole).toString();
    if (ids.isEmpty()) {
        QMessageBox::information(this, tr("Views in presentation mode"), tr("Choose at least one view; the choice was not changed."));
        return;
    }
    setPresentationViews(ids);
}

void MainWindow::setPresentationMode(bool on)
{
    if (on == m_presenting) return;
    if (on) {
        if (!m_focusHidden.isEmpty()) setFocusMode(false);
        m_presenting = true;
        m_presentSavedState = saveState();
        m_presentWasMaximized = isMaximized();
        m_presentSavedGeometry = saveGeometry();
        m_presentSavedFont = QApplication::font();
        QStringList ids = m_presentationViews;
        if (ids.isEmpty()) ids = presentableViews();
        for (auto it = m_docks.cbegin(); it != m_docks.cend(); ++it) {
            it.value()->setVisible(ids.contains(it.key()));
            // No title bars on the projector: a dock's small caption and float/close buttons
            // only take room (the dock keeps its place; the normal layout comes back on leave).
            it.value()->setTitleBarWidget(new QWidget(it.value()));
        }
        bool anyCentre = false;
        for (int i = 0; i < m_centre->count(); ++i) anyCentre = anyCentre || ids.contains(m_views.key(m_centre->widget(i)));
        for (int i = 0; i < m_centre->count(); ++i)
            m_centre->setTabVisible(i, !anyCentre || ids.contains(m_views.key(m_centre->widget(i))) || i == m_centre->currentIndex());
        if (anyCentre && !ids.contains(m_views.key(m_centre->currentWidget())))
            for (int i = 0; i < m_centre->count(); ++i)
                if (ids.contains(m_views.key(m_centre->widget(i)))) {
                    m_centre->setCurrentIndex(i);
                    break;
                }
        for (int i = 0; i < m_centre->count(); ++i)
            if (anyCentre && !ids.contains(m_views.key(m_centre->widget(i)))) m_centre->setTabVisible(i, false);
        menuBar()->hide();
        statusBar()->hide();
        // Large type everywhere: docks, tables and the player follow the application font, the
        // views' own text grows from it (Palette::viewFont), lines thicken and colours harden.
        QFont big = m_presentSavedFont;
        if (big.pointSizeF() > 0) big.setPointSizeF(std::max(16.0, big.pointSizeF() * 1.6));
        else big.setPixelSize(std::max(22, big.pixelSize() * 8 / 5));
        QApplication::setFont(big);
        Palette::setPresentation(true);
        m_player->setCompact(true);
        // Without a window manager (a bare X server on a classroom PC) full screen is only a
        // hint: take the whole screen ourselves first.
        if (QScreen* sc = screen()) setGeometry(sc->geometry());
        showFullScreen();
        // The narration gets room for its sentences at the larger type.
        if (QDockWidget* ex = m_docks.value(QStringLiteral("explain")); ex && ex->isVisible())
            resizeDocks({ex}, {height() / 4}, Qt::Vertical);
        m_pointer = new PointerHighlight(this);
        m_pointer->show();
        m_presentHint = new QLabel(this);
        m_presentHint->setObjectName(QStringLiteral("presentationHint"));
        m_presentHint->setStyleSheet(QStringLiteral("QLabel { background: rgba(0, 0, 0, 190); color: white; padding: 10px; "
                                                    "border-radius: 6px; }"));
        retranslate();
        m_presentHint->adjustSize();
        m_presentHint->move((width() - m_presentHint->width()) / 2, 12);
        m_presentHint->show();
        m_presentHint->raise();
        m_pointer->raise();
        QTimer::singleShot(5000, m_presentHint, &QWidget::hide);
        auto* esc = new QShortcut(QKeySequence(Qt::Key_Escape), this);
        connect(esc, &QShortcut::activated, this, [this] { setPresentationMode(false); });
        m_presentKeys.append(esc);
    } else {
        m_presenting = false;
        qDeleteAll(m_presentKeys);
        m_presentKeys.clear();
        delete m_pointer;
        m_pointer = nullptr;
        delete m_presentHint;
        m_presentHint = nullptr;
        Palette::setPresentation(false);
        m_player->setCompact(false);
        QApplication::setFont(m_presentSavedFont);
        for (int i = 0; i < m_centre->count(); ++i) m_centre->setTabVisible(i, true);
        for (QDockWidget* d : std::as_const(m_docks)) {
            QWidget* bar = d->titleBarWidget();
            d->setTitleBarWidget(nullptr);
            delete bar;
        }
        menuBar()->show();
        statusBar()->show();
        if (m_presentWasMaximized) showMaximized();
        else showNormal();
        restoreGeometry(m_presentSavedGeometry);
        restoreState(m_presentSavedState);
    }
    if (QAction* a = m_actions.value(QStringLiteral("present"))) a->setChecked(on);
    for (QWidget* w : std::as_const(m_views)) w->update();
    emit m_ctx->stateChanged(false);
}

void MainWindow::raiseView(const QString& id)
{
    // A presentation shows the views chosen for it, and only those.
    if (m_presenting && !m_presentationViews.isEmpty() && !m_presentationViews.contains(id)) return;
    if (QWidget* w = m_views.value(id); w && m_centre->indexOf(w) >= 0) m_centre->setCurrentWidget(w);
    else if (QDockWidget* d = m_docks.value(id)) {
        d->show();
        d->raise();
    }
}

void MainWindow::buildMenus()
{
    auto menu = [this](const QString& id) {
        QMenu* m = menuBar()->addMenu(QString());
        m_menus.insert(id, m);
        return m;
    };
    auto action = [this](QMenu* m, const QString& id, auto slot, QKeySequence key = {}) {
        QAction* a = m->addAction(QString());
        a->setShortcut(key);
        connect(a, &QAction::triggered, this, slot);
        m_actions.insert(id, a);
        return a;
    };
    QMenu* file = menu(QStringLiteral("file"));
    action(file, QStringLiteral("new"), [this] { newMachine(); }, QKeySequence::New);
    action(file, QStringLiteral("open"), [this] { m_editor->openFile(); m_docks.value(QStringLiteral("script"))->raise(); },
           QKeySequence::Open);
    action(file, QStringLiteral("run"), [this] { runScript(m_editor->source(), m_editor->fileName()); },
           QKeySequence(Qt::Key_F5));
    file->addSeparator();
    action(file, QStringLiteral("openSession"), [this] { openSession(); }, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    QMenu* recent = file->addMenu(QString());
    m_menus.insert(QStringLiteral("recent"), recent);
    action(file, QStringLiteral("saveSession"), [this] { saveSession(false); }, QKeySequence::Save);
    action(file, QStringLiteral("saveSessionAs"), [this] { saveSession(true); }, QKeySequence::SaveAs);
    file->addSeparator();
    QMenu* exportView = file->addMenu(QString());
    m_menus.insert(QStringLiteral("exportView"), exportView);
    for (const ViewInfo& v : viewCatalogue()) {
        for (const QString& fmt : {QStringLiteral("png"), QStringLiteral("svg")}) {
            QAction* a = exportView->addAction(QString());
            const QString id = v.id;
            connect(a, &QAction::triggered, this, [this, id, fmt] { this->exportView(id, fmt); });
            m_actions.insert(QStringLiteral("export-%1-%2").arg(v.id, fmt), a);
        }
    }
    action(file, QStringLiteral("exportWindowPng"), [this] { exportWindow(QStringLiteral("png")); });
    action(file, QStringLiteral("exportWindowSvg"), [this] { exportWindow(QStringLiteral("svg")); });
    action(file, QStringLiteral("exportAnimation"), [this] { exportAnimation(); });
    QMenu* tables = file->addMenu(QString());
    m_menus.insert(QStringLiteral("exportTables"), tables);
    for (const QString& t : {QStringLiteral("oom"), QStringLiteral("events"), QStringLiteral("timeline"), QStringLiteral("replacement")})
        action(tables, QStringLiteral("exportTable-") + t, [this, t] { exportTable(t); });
    action(file, QStringLiteral("saveEvents"), [this] { saveEventLog(); });
    file->addSeparator();
    action(file, QStringLiteral("quit"), [this] { close(); }, QKeySequence::Quit);

    QMenu* demos = menu(QStringLiteral("demos"));
    const QStringList found = QDir(QStringLiteral(":/demos")).entryList({QStringLiteral("*.js")}, QDir::Files, QDir::Name);
    for (const QString& f : found) {
        QAction* a = demos->addAction(QString());
        a->setData(f);
        const QString path = QStringLiteral(":/demos/") + f;
        connect(a, &QAction::triggered, this, [this, path] {
            if (m_editor->mayDiscard()) loadDemo(path, true); // the script's unsaved edits are not lost silently
        });
        m_actions.insert(QStringLiteral("demo-") + f, a);
    }

    QMenu* view = menu(QStringLiteral("view"));
    for (auto it = m_docks.cbegin(); it != m_docks.cend(); ++it) {
        QAction* a = it.value()->toggleViewAction();
        view->addAction(a);
    }
    view->addSeparator();
    m_themeGroup = new QActionGroup(this);
    QAction* light = action(view, QStringLiteral("light"), [this] { setTheme(false); });
    QAction* dark = action(view, QStringLiteral("dark"), [this] { setTheme(true); });
    for (QAction* a : {light, dark}) {
        a->setCheckable(true);
        m_themeGroup->addAction(a);
    }
    // For a projector: the centre view alone, its text as large as the window allows.
    QAction* focus = action(view, QStringLiteral("focus"), [this](bool on) { setFocusMode(on); },
                            QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    focus->setCheckable(true);
    QAction* present = action(view, QStringLiteral("present"), [this](bool on) { setPresentationMode(on); },
                              QKeySequence(Qt::Key_F11));
    present->setCheckable(true);
    action(view, QStringLiteral("presentViews"), [this] { choosePresentationViews(); });
    action(view, QStringLiteral("resetLayout"), [this] {
        QSettings().remove(QStringLiteral("window/state"));
        QMessageBox::information(this, tr("Reset layout"), tr("The default layout is used the next time memviz starts."));
    });

    QMenu* tools = menu(QStringLiteral("tools"));
    action(tools, QStringLiteral("exercises"), [this] {
        if (!m_exercises) m_exercises = new ExerciseDialog(this);
        m_exercises->show();
        m_exercises->raise();
        m_exercises->activateWindow();
    });
    action(tools, QStringLiteral("replacementLab"), [this] { raiseView(QStringLiteral("replacement")); });

    QMenu* lang = menu(QStringLiteral("language"));
    m_languageGroup = new QActionGroup(this);
    for (const QString& code : {QString(), QStringLiteral("en"), QStringLiteral("zh_CN")}) {
        QAction* a = lang->addAction(QString());
        a->setCheckable(true);
        a->setData(code);
        m_languageGroup->addAction(a);
        m_actions.insert(QStringLiteral("lang-") + (code.isEmpty() ? QStringLiteral("system") : code), a);
        connect(a, &QAction::triggered, this, [code] {
            QSettings().setValue(QStringLiteral("ui/language"), code);
            applyLanguage(code);
        });
    }
    const QString saved = m_options.language.isEmpty() ? QSettings().value(QStringLiteral("ui/language")).toString()
                                                       : m_options.language;
    for (QAction* a : m_languageGroup->actions())
        if (a->data().toString() == saved) a->setChecked(true);

    QMenu* help = menu(QStringLiteral("help"));
    action(help, QStringLiteral("simplifications"), [this] { showSimplifications(); });
    action(help, QStringLiteral("about"), [this] {
        QMessageBox::about(this, tr("About memviz"),
                           tr("<h3>memviz %1</h3><p>An interactive laboratory for Linux memory management: a "
                              "deterministic simulation of the kernel's memory subsystem, shown step by step.</p>"
                              "<p>Follows Linux 6.12 (mm/page_alloc.c) and procps-ng 4.0.2.</p>")
                               .arg(QStringLiteral(MEMVIZ_VERSION)));
    });
}

void MainWindow::retranslate()
{
    updateWindowTitle();
    m_menus.value(QStringLiteral("file"))->setTitle(tr("&File"));
    m_menus.value(QStringLiteral("demos"))->setTitle(tr("&Demos"));
    m_menus.value(QStringLiteral("view"))->setTitle(tr("&View"));
    m_menus.value(QStringLiteral("language"))->setTitle(tr("&Language"));
    m_menus.value(QStringLiteral("tools"))->setTitle(tr("&Class"));
    m_actions.value(QStringLiteral("exercises"))->setText(tr("&Exercises…"));
    m_actions.value(QStringLiteral("replacementLab"))->setText(tr("&Page-replacement lab"));
    m_menus.value(QStringLiteral("help"))->setTitle(tr("&Help"));
    m_menus.value(QStringLiteral("exportView"))->setTitle(tr("Export view"));
    m_actions.value(QStringLiteral("new"))->setText(tr("&New machine…"));
    m_actions.value(QStringLiteral("open"))->setText(tr("&Open script…"));
    m_actions.value(QStringLiteral("run"))->setText(tr("&Run script"));
    m_actions.value(QStringLiteral("openSession"))->setText(tr("Open &session…"));
    m_actions.value(QStringLiteral("saveSession"))->setText(tr("&Save session"));
    m_actions.value(QStringLiteral("saveSessionAs"))->setText(tr("Save session &as…"));
    m_menus.value(QStringLiteral("recent"))->setTitle(tr("Recent sessions"));
    updateRecentMenu();
    m_actions.value(QStringLiteral("exportWindowPng"))->setText(tr("Export window as PNG…"));
    m_actions.value(QStringLiteral("exportWindowSvg"))->setText(tr("Export window as SVG…"));
    m_actions.value(QStringLiteral("saveEvents"))->setText(tr("Save event log (JSON lines)…"));
    m_actions.value(QStringLiteral("exportAnimation"))->setText(tr("Export animation (PNG pictures, GIF)…"));
    m_menus.value(QStringLiteral("exportTables"))->setTitle(tr("Export table"));
    m_actions.value(QStringLiteral("exportTable-oom"))->setText(tr("OOM candidates (CSV or text)…"));
    m_actions.value(QStringLiteral("exportTable-events"))->setText(tr("Event log (CSV or text)…"));
    m_actions.value(QStringLiteral("exportTable-timeline"))->setText(tr("Timeline data (CSV or text)…"));
    m_actions.value(QStringLiteral("exportTable-replacement"))->setText(tr("Page-replacement lab (CSV or text)…"));
    m_actions.value(QStringLiteral("quit"))->setText(tr("&Quit"));
    m_actions.value(QStringLiteral("light"))->setText(tr("Light theme"));
    m_actions.value(QStringLiteral("dark"))->setText(tr("Dark theme"));
    m_actions.value(QStringLiteral("resetLayout"))->setText(tr("Reset layout"));
    m_actions.value(QStringLiteral("focus"))->setText(tr("Centre view only (hide the docks)"));
    m_actions.value(QStringLiteral("present"))->setText(tr("Presentation mode"));
    m_actions.value(QStringLiteral("presentViews"))->setText(tr("Views in presentation mode…"));
    m_actions.value(QStringLiteral("lang-system"))->setText(tr("System language"));
    m_actions.value(QStringLiteral("lang-en"))->setText(QStringLiteral("English"));
    m_actions.value(QStringLiteral("lang-zh_CN"))->setText(QStringLiteral("简体中文"));
    m_actions.value(QStringLiteral("simplifications"))->setText(tr("What memviz simplifies"));
    m_actions.value(QStringLiteral("about"))->setText(tr("&About memviz"));
    for (const ViewInfo& v : viewCatalogue()) {
        m_actions.value(QStringLiteral("export-%1-png").arg(v.id))->setText(tr("%1 as PNG…").arg(v.title));
        m_actions.value(QStringLiteral("export-%1-svg").arg(v.id))->setText(tr("%1 as SVG…").arg(v.title));
        if (QDockWidget* d = m_docks.value(v.id)) d->setWindowTitle(v.title);
    }
    for (int i = 0; i < m_centre->count(); ++i)
        for (const ViewInfo& v : viewCatalogue())
            if (m_views.value(v.id) == m_centre->widget(i)) m_centre->setTabText(i, v.title);
    m_chapterLabel->setText(tr("Chapter:"));
    if (m_chapters->count() >= 2) {
        m_chapters->setItemText(0, tr("start"));
        m_chapters->setItemText(m_chapters->count() - 1, tr("end"));
    }
    m_docks.value(QStringLiteral("alloc"))->setWindowTitle(tr("Machine and allocation"));
    m_docks.value(QStringLiteral("pressure"))->setWindowTitle(tr("Memory pressure"));
    m_docks.value(QStringLiteral("console"))->setWindowTitle(tr("Console"));
    m_docks.value(QStringLiteral("script"))->setWindowTitle(tr("Script"));
    if (m_presentHint)
        m_presentHint->setText(tr("Presentation · Page Down: next command · Page Up: back · ← →: one step · "
                                  "Space: play · Esc: leave"));
    for (QAction* a : m_menus.value(QStringLiteral("demos"))->actions()) {
        const QString f = a->data().toString();
        a->setText(demoTitle(f));
    }
    updateStatus();
}

QString MainWindow::demoTitle(const QString& file)
{
    if (file == QLatin1String("buddy.js")) return tr("Buddy allocator: split, fragment, merge back");
    if (file == QLatin1String("demand-paging.js")) return tr("Demand paging: malloc 100 MiB, then touch it");
    if (file == QLatin1String("cow.js")) return tr("Copy-on-write after fork()");
    if (file == QLatin1String("mmap.js")) return tr("mmap() of anonymous memory and /proc/PID/maps");
    if (file == QLatin1String("filemap.js")) return tr("File mapping: MAP_SHARED and MAP_PRIVATE");
    if (file == QLatin1String("segv.js")) return tr("Segmentation fault");
    if (file == QLatin1String("multilevel.js")) return tr("Multi-level page tables: sparse vs dense, x86 vs x86-64");
    if (file == QLatin1String("tlb.js")) return tr("The TLB: locality, context switches, PCID");
    if (file == QLatin1String("textbook-2level.js")) return tr("Textbook exercise: a tiny two-level page table");
    if (file == QLatin1String("sar-demand-paging.js")) return tr("sar -r and sar -B while a program touches memory");
    if (file == QLatin1String("swap.js")) return tr("Swap: fill memory past RAM, then touch old pages again");
    if (file == QLatin1String("thrashing.js")) return tr("Thrashing: two working sets larger than RAM");
    if (file == QLatin1String("oom.js")) return tr("The OOM killer, oom_score_adj and panic_on_oom");
    if (file == QLatin1String("overcommit.js")) return tr("Overcommit: the same mmap() under modes 0, 1 and 2");
    if (file == QLatin1String("free-vs-available.js")) return tr("free against available: the page cache");
    if (file == QLatin1String("thp.js")) return tr("Transparent huge pages: always against never");
    if (file == QLatin1String("hugetlb-fork.js")) return tr("fork() with and without huge pages");
    if (file == QLatin1String("slab.js")) return tr("Slab caches: full, partial and free slabs");
    if (file == QLatin1String("kmalloc-vmalloc.js")) return tr("kmalloc against vmalloc: contiguous and scattered frames");
    if (file == QLatin1String("highmem.js")) return tr("x86-32 with 2 GiB: the direct map, HighMem and kmap");
    if (file == QLatin1String("numa.js")) return tr("Four NUMA nodes: the fallback order and spilling to the next node");
    if (file == QLatin1String("replacement.js")) return tr("Page replacement: FIFO, LRU, OPT, CLOCK and Belady's anomaly");
    if (file == QLatin1String("kernel-vs-user.js")) return tr("User and kernel allocations both end in the buddy allocator");
    return file;
}

void MainWindow::changeEvent(QEvent* e)
{
    if (e->type() == QEvent::LanguageChange) retranslate();
    QMainWindow::changeEvent(e);
}

void MainWindow::closeEvent(QCloseEvent* e)
{
    setPresentationMode(false); // save the normal layout, not the presentation's
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    settings.setValue(QStringLiteral("player/speedIndex"), m_player->speedIndex());
    QMainWindow::closeEvent(e);
}

void MainWindow::runCommand(const Command& c)
{
    const CommandResult r = m_session->runCommand(c);
    if (r.error) {
        const QString msg = errorText(r.error);
        m_console->append(msg, ConsoleWidget::Kind::Error);
        statusBar()->showMessage(msg, 8000);
    } else if (c.type == CommandType::AllocPages && !r.pfn) {
        const QString msg = tr("alloc_pages(order %1) failed: no zone could satisfy it").arg(c.order);
        m_console->append(msg, ConsoleWidget::Kind::Error);
        statusBar()->showMessage(msg, 8000);
    }
}

bool MainWindow::runScript(const QString& source, const QString& fileName)
{
    const Simulator base = m_session->baseForNewCommands();
    const QString name = fileName.isEmpty() ? tr("untitled.js") : QFileInfo(fileName).fileName();
    m_scriptEngine->reset();
    m_console->append(tr("Running %1 …").arg(name), ConsoleWidget::Kind::Info);
    ScriptOutcome r = m_scriptEngine->run(source, name, &base, base.config());
    if (!r.ok) {
        m_editor->showError(r.line, r.errorLine());
        m_console->append(r.errorLine(), ConsoleWidget::Kind::Error);
        m_console->append(tr("The session is unchanged."), ConsoleWidget::Kind::Info);
        m_docks.value(QStringLiteral("script"))->raise();
        return false;
    }
    m_editor->clearError();
    const std::uint64_t from = r.newMachine ? 0 : r.firstNewEvent;
    const std::uint64_t added = r.sim->eventCount() - from;
    m_session->adopt(std::move(*r.sim), from);
    setChapters(r.shots);
    if (r.newMachine) setSessionPath({});
    // A script may name the views it is about in a comment: "// views: walk, tlb".
    static const QRegularExpression viewsLine(QStringLiteral("^\\s*//\\s*views?:\\s*([a-z, ]+)$"),
                                              QRegularExpression::MultilineOption);
    const QRegularExpressionMatch vm = viewsLine.match(source.left(4000));
    if (vm.hasMatch()) {
        const QStringList ids = vm.captured(1).split(QLatin1Char(','), Qt::SkipEmptyParts);
        for (auto it = ids.rbegin(); it != ids.rend(); ++it) raiseView(it->trimmed());
    }
    if (added > kPlayWholeRunEvents) {
        // Too long to watch event by event: start at the first chapter, paused.
        const std::uint64_t first = r.shots.empty() ? m_session->simulator()->eventCount() : r.shots.front().cursor;
        m_session->pause();
        m_session->seek(first);
        const int at = m_chapters->findData(QVariant::fromValue<qulonglong>(first));
        m_chapters->setCurrentIndex(at >= 0 ? at : m_chapters->count() - 1);
        m_console->append(tr("%1 recorded %L2 events: shown from \"%3\". Choose a chapter (Ctrl+Page Down for the next) "
                             "and step with ← →, or press Space to play.")
                              .arg(name)
                              .arg(added)
                              .arg(m_chapters->currentText()),
                          ConsoleWidget::Kind::Info);
    } else {
        m_session->play();
    }
    return true;
}

void MainWindow::runConsoleLine(const QString& line)
{
    const auto words = shellSplit(line.toStdString());
    const auto known = shellCommands();
    if (!words.empty() && std::find(known.begin(), known.end(), words[0]) != known.end()) {
        const ShellResult r = runShell(m_ctx->machine(), line.toStdString());
        if (!r.out.empty()) m_console->append(QString::fromStdString(r.out));
        if (!r.err.empty()) m_console->append(QString::fromStdString(r.err), ConsoleWidget::Kind::Error);
        if (r.command) runCommand(*r.command); // sysctl vm.x=y, echo y > /proc/sys/vm/x
        return;
    }
    const Simulator base = m_session->baseForNewCommands();
    const std::uint64_t before = base.eventCount();
    ScriptOutcome r = m_consoleEngine->run(line, QStringLiteral("console"), &base, base.config());
    if (!r.ok) {
        m_console->append(r.errorLine(), ConsoleWidget::Kind::Error);
        return;
    }
    if (!r.value.isUndefined()) m_console->append(ScriptEngine::display(m_consoleEngine->jsEngine(), r.value));
    if (r.newMachine || r.sim->eventCount() != before) {
        const std::uint64_t from = r.newMachine ? 0 : before;
        const std::uint64_t end = r.sim->eventCount();
        m_session->adopt(std::move(*r.sim), from);
        if (r.newMachine) {
            setChapters({});
            setSessionPath({});
        }
        m_session->playUntil(end);
    }
}

void MainWindow::loadDemo(const QString& resourcePath, bool run)
{
    QFile f(resourcePath);
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text)) return;
    m_editor->setSource(QString::fromUtf8(f.readAll()), resourcePath);
    m_docks.value(QStringLiteral("script"))->raise();
    if (run) runScript(m_editor->source(), resourcePath);
}

void MainWindow::updateStatus()
{
    const Simulator* sim = m_session->simulator();
    if (!sim) return;
    const std::size_t commands = sim->commands().size();
    const std::size_t cmd = m_session->cursor() == 0 ? 0 : m_session->commandAtCursor() + 1;
    m_player->setPosition(m_session->cursor(), sim->eventCount(), cmd, commands);
    followChapter();
    const MachineConfig& c = sim->config();
    const Machine& m = m_ctx->machine();
    m_status->setText(tr("%1 · RAM %2 · free %3 · min_free_kbytes %4")
                          .arg(QString::fromStdString(c.preset), QString::fromStdString(formatSize(c.ramBytes)),
                               QString::fromStdString(formatSize(m.freePages() * m.pageSize())))
                          .arg(m.minFreeKbytes));
}

void MainWindow::announceMachine()
{
    // Each new, empty machine gets a line saying what it is and what to try.
    const Simulator* sim = m_session->simulator();
    if (!sim || sim->eventCount() != 0) return;
    const MachineConfig& c = sim->config();
    m_console->append(tr("New machine: %1 with %2 of RAM. Try \"free -h\", \"cat /proc/buddyinfo\" or "
                         "\"kernel.alloc_pages(3)\"; the Demos menu replays the experiments of the notes.")
                          .arg(QString::fromStdString(c.preset), QString::fromStdString(formatSize(c.ramBytes))),
                      ConsoleWidget::Kind::Info);
}

void MainWindow::updatePanic()
{
    const bool panicked = m_ctx->simulator() && m_ctx->machine().panicked;
    if (panicked) {
        const Machine& m = m_ctx->machine();
        const bool noVictim = !m.klog.empty() && m.klog.back().kind == KlogKind::Panic
            && m.klog.back().v[0] == static_cast<std::int64_t>(PanicReason::NoVictim);
        m_panic->setText(
            (noVictim ? QStringLiteral("Kernel panic - not syncing: System is deadlocked on memory")
                      : QStringLiteral("Kernel panic - not syncing: Out of memory: %1 panic_on_oom is enabled")
                            .arg(m.config.sysctl.panicOnOom == 2 ? QStringLiteral("compulsory") : QStringLiteral("system-wide")))
            + QStringLiteral("\n")
            + tr("The kernel stopped the machine (vm.panic_on_oom). Step back before the panic to look at it, or start a new machine."));
    }
    m_panic->setVisible(panicked);
}

void MainWindow::newMachine()
{
    const Simulator* sim = m_session->simulator();
    NewMachineDialog dlg(sim ? sim->config() : MachineConfig(), this);
    if (dlg.exec() != QDialog::Accepted) return;
    if (Error e = m_session->newMachine(dlg.config())) QMessageBox::warning(this, tr("New machine"), errorText(e));
    else {
        setChapters({}); // the last script's chapters belong to its run
        setSessionPath({});
    }
}

void MainWindow::exportView(const QString& id, const QString& format)
{
    QWidget* w = m_views.value(id);
    if (!w) return;
    const QString path = QFileDialog::getSaveFileName(this, tr("Export view"), QStringLiteral("memviz-%1.%2").arg(id, format),
                                                      format == QLatin1String("svg") ? tr("SVG (*.svg)") : tr("PNG (*.png)"));
    if (path.isEmpty()) return;
    const QString e = exportWidget(w, path);
    if (!e.isEmpty()) QMessageBox::warning(this, tr("Export view"), e);
    else statusBar()->showMessage(tr("Saved %1").arg(path), 5000);
}

void MainWindow::exportWindow(const QString& format)
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export window"), QStringLiteral("memviz.%1").arg(format),
                                                      format == QLatin1String("svg") ? tr("SVG (*.svg)") : tr("PNG (*.png)"));
    if (path.isEmpty()) return;
    const QString e = exportWidget(this, path);
    if (!e.isEmpty()) QMessageBox::warning(this, tr("Export window"), e);
    else statusBar()->showMessage(tr("Saved %1").arg(path), 5000);
}

void MainWindow::exportAnimation()
{
    const Simulator* sim = m_session->simulator();
    if (!sim) return;
    m_session->pause();
    const std::uint64_t was = m_session->cursor();
    AnimationSetup s;
    s.sim = sim;
    s.cursor = was;
    for (int i = 0; i < m_chapters->count(); ++i) s.chapters.append({m_chapters->itemData(i).toULongLong(), m_chapters->itemText(i)});
    s.currentView = m_views.key(m_centre->currentWidget());
    s.viewSize = [this](const QString& id) {
        QWidget* w = m_views.value(id);
        return w && w->isVisible() ? w->size() : QSize();
    };
    s.devicePixelRatio = devicePixelRatioF();
    s.windowSize = size();
    s.windowFrames = [this](std::uint64_t cursor, double progress) {
        m_session->seek(cursor);           // one event forward is a cheap step
        m_ctx->setProgress(progress);      // the step's animation at this point
        QCoreApplication::processEvents(); // queued repaints and replots
        return grab().toImage();
    };
    s.windowDone = [this, was] { m_session->seek(was); };
    AnimationDialog d(std::move(s), this);
    d.exec();
}

void MainWindow::exportTable(const QString& what)
{
    if (what == QLatin1String("oom")) {
        if (auto* v = qobject_cast<OomView*>(m_views.value(what)))
            TableExport::saveWithDialog(this, *TableExport::fromModel(*v->model()), QStringLiteral("oom-candidates"),
                                        tr("Export the OOM candidates"));
    } else if (what == QLatin1String("events")) {
        if (auto* v = qobject_cast<EventLogView*>(m_views.value(what)))
            TableExport::saveWithDialog(this, *TableExport::fromModel(*v->model()), QStringLiteral("events"),
                                        tr("Export the event log"));
    } else if (what == QLatin1String("replacement")) {
        if (auto* v = qobject_cast<ReplacementLabView*>(m_views.value(what)))
            TableExport::saveWithDialog(this, *TableExport::fromReplacementLab(v->table()->model()),
                                        QStringLiteral("replacement"), tr("Export the page-replacement lab"));
    } else if (auto* p = qobject_cast<TimelinePlot*>(m_views.value(QStringLiteral("timeline")))) {
        TableExport::saveWithDialog(this, *TableExport::fromTimeline(*p), QStringLiteral("timeline"),
                                    tr("Export the timeline's data"));
    }
}

void MainWindow::saveEventLog()
{
    const Simulator* sim = m_session->simulator();
    if (!sim) return;
    const QString path = QFileDialog::getSaveFileName(this, tr("Save event log"), QStringLiteral("events.jsonl"),
                                                      tr("JSON lines (*.jsonl)"));
    if (path.isEmpty()) return;
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(eventsJsonl(*sim)) < 0 || !f.commit())
        QMessageBox::warning(this, tr("Save event log"), tr("Cannot write %1: %2").arg(path, f.errorString()));
}

QString MainWindow::saveSessionTo(const QString& path)
{
    const Simulator* sim = m_session->simulator();
    if (!sim) return tr("There is no machine to save.");
    m_session->pause();
    // Focus mode hides every dock for a while: the layout saved is the one it will give back.
    const bool focused = !m_focusHidden.isEmpty();
    if (focused) setFocusMode(false);
    SessionData d = sessionFromSimulator(*sim, m_session->cursor());
    d.windowState = saveState();
    d.windowGeometry = saveGeometry();
    d.centreView = m_views.key(m_centre->currentWidget());
    for (auto it = m_docks.cbegin(); it != m_docks.cend(); ++it)
        if (it.value()->toggleViewAction()->isChecked()) d.visibleDocks << it.key(); // open, even if behind a tab
    d.visibleDocks.sort();
    if (focused) setFocusMode(true);
    d.scriptSource = m_editor->source();
    d.scriptName = m_editor->fileName();
    d.chapters = m_shots;
    if (QAction* a = m_languageGroup->checkedAction()) d.language = a->data().toString(); // "" = the system's
    d.theme = Palette::isDark() ? QStringLiteral("dark") : QStringLiteral("light");
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const QString error = memviz::saveSession(path, d);
    QApplication::restoreOverrideCursor();
    if (!error.isEmpty()) return error;
    setSessionPath(path);
    addRecentSession(path);
    return QString();
}

QString MainWindow::openSessionFrom(const QString& path)
{
    QApplication::setOverrideCursor(Qt::WaitCursor);
    auto loaded = loadSession(path);
    QApplication::restoreOverrideCursor();
    if (auto* e = std::get_if<SessionError>(&loaded)) return e->message();
    LoadedSession& s = std::get<LoadedSession>(loaded);
    if (m_presenting) setPresentationMode(false);
    if (!m_focusHidden.isEmpty()) setFocusMode(false);
    const SessionData& d = s.data;
    // The script's name is only shown: saving it asks where (a file's path names no place to write
    // on this computer).
    m_editor->setSource(d.scriptSource, QFileInfo(d.scriptName).fileName(), false);
    m_session->adopt(std::move(s.sim), d.cursor);
    setChapters(d.chapters);
    const int at = m_chapters->findData(QVariant::fromValue<qulonglong>(d.cursor));
    if (at >= 0) m_chapters->setCurrentIndex(at);
    if (!d.windowGeometry.isEmpty()) restoreGeometry(d.windowGeometry);
    // The saved layout; the list of open docks when the layout does not fit this memviz.
    if (d.windowState.isEmpty() || !restoreState(d.windowState))
        for (auto it = m_docks.cbegin(); it != m_docks.cend(); ++it)
            it.value()->setVisible(d.visibleDocks.contains(it.key()));
    if (QWidget* w = m_views.value(d.centreView); w && m_centre->indexOf(w) >= 0) m_centre->setCurrentWidget(w);
    setTheme(d.theme == QLatin1String("dark"), false);
    if (QAction* now = m_languageGroup->checkedAction(); !now || now->data().toString() != d.language) {
        applyLanguage(d.language);
        for (QAction* a : m_languageGroup->actions()) a->setChecked(a->data().toString() == d.language);
    }
    setSessionPath(path);
    addRecentSession(path);
    m_console->append(tr("Opened %1: %L2 commands, %L3 events, at step %L4.")
                          .arg(QDir::toNativeSeparators(path))
                          .arg(d.commands.size())
                          .arg(d.eventCount)
                          .arg(m_session->cursor()),
                      ConsoleWidget::Kind::Info);
    updateStatus();
    return QString();
}

void MainWindow::saveSession(bool askForName)
{
    QString path = m_sessionPath;
    if (askForName || path.isEmpty()) {
        // The dialog adds ".memviz" itself, before it asks about replacing a file of that name.
        QFileDialog dlg(this, tr("Save session"), path.isEmpty() ? QStringLiteral("session.memviz") : path,
                        tr("memviz sessions (*.memviz)"));
        dlg.setAcceptMode(QFileDialog::AcceptSave);
        dlg.setDefaultSuffix(QStringLiteral("memviz"));
        if (dlg.exec() != QDialog::Accepted || dlg.selectedFiles().isEmpty()) return;
        path = dlg.selectedFiles().constFirst();
    }
    const QString error = saveSessionTo(path);
    if (!error.isEmpty()) QMessageBox::warning(this, tr("Save session"), error);
    else statusBar()->showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(path)), 5000);
}

void MainWindow::openSession()
{
    if (!m_editor->mayDiscard()) return;
    const QString path = QFileDialog::getOpenFileName(this, tr("Open session"), QString(), tr("memviz sessions (*.memviz)"));
    if (path.isEmpty()) return;
    const QString error = openSessionFrom(path);
    if (!error.isEmpty()) QMessageBox::warning(this, tr("Open session"), error);
}

QStringList MainWindow::recentSessions() const
{
    return QSettings().value(QStringLiteral("session/recent")).toStringList();
}

void MainWindow::addRecentSession(const QString& path)
{
    QStringList recent = recentSessions();
    const QString abs = QFileInfo(path).absoluteFilePath();
    recent.removeAll(abs);
    recent.prepend(abs);
    while (recent.size() > 8) recent.removeLast();
    QSettings().setValue(QStringLiteral("session/recent"), recent);
    updateRecentMenu();
}

void MainWindow::removeRecentSession(const QString& path)
{
    QStringList recent = recentSessions();
    recent.removeAll(QFileInfo(path).absoluteFilePath());
    QSettings().setValue(QStringLiteral("session/recent"), recent);
    updateRecentMenu();
}

void MainWindow::setSessionPath(const QString& path)
{
    m_sessionPath = path;
    updateWindowTitle();
}

void MainWindow::updateWindowTitle()
{
    const QString app = tr("memviz — Linux memory management laboratory");
    setWindowTitle(m_sessionPath.isEmpty() ? app : tr("%1 — %2").arg(QFileInfo(m_sessionPath).fileName(), app));
}

void MainWindow::updateRecentMenu()
{
    QMenu* menu = m_menus.value(QStringLiteral("recent"));
    if (!menu) return;
    menu->clear();
    const QStringList recent = recentSessions();
    for (int i = 0; i < recent.size(); ++i) {
        const QString path = recent[i];
        QString name = QFileInfo(path).fileName();
        name.replace(QLatin1Char('&'), QStringLiteral("&&")); // a '&' in the name is no shortcut mark
        QAction* a = menu->addAction(QStringLiteral("&%1 %2").arg(i + 1).arg(name));
        a->setToolTip(QDir::toNativeSeparators(path));
        a->setStatusTip(QDir::toNativeSeparators(path));
        connect(a, &QAction::triggered, this, [this, path] {
            if (!m_editor->mayDiscard()) return;
            const QString error = openSessionFrom(path);
            if (error.isEmpty()) return;
            if (!QFileInfo::exists(path)) { // moved or deleted: the entry goes
                removeRecentSession(path);
                QMessageBox::warning(this, tr("Open session"),
                                     error + QStringLiteral("\n\n") + tr("It was removed from the recent sessions."));
            } else {
                QMessageBox::warning(this, tr("Open session"), error);
            }
        });
    }
    if (!recent.isEmpty()) menu->addSeparator();
    QAction* clear = menu->addAction(tr("Clear the list"));
    clear->setEnabled(!recent.isEmpty());
    connect(clear, &QAction::triggered, this, [this] {
        QSettings().remove(QStringLiteral("session/recent"));
        updateRecentMenu();
    });
}

void MainWindow::setTheme(bool dark, bool remember)
{
    Palette::applyToApplication(dark ? Theme::Dark : Theme::Light);
    if (remember) QSettings().setValue(QStringLiteral("ui/theme"), dark ? QStringLiteral("dark") : QStringLiteral("light"));
    if (m_themeGroup) m_actions.value(dark ? QStringLiteral("dark") : QStringLiteral("light"))->setChecked(true);
    for (QWidget* w : std::as_const(m_views)) w->update();
    emit m_ctx->stateChanged(false);
}

void MainWindow::showSimplifications()
{
    QMessageBox::information(
        this, tr("What memviz simplifies"),
        tr("<p>memviz follows the kernel's algorithms and names, and says where it simplifies:</p><ul>"
           "<li>One buddy free list per order; Linux keeps one per migrate type (unmovable, movable, reclaimable) "
           "and may steal from another type's list.</li>"
           "<li>No per-CPU page lists: Linux parks freed order-0..3 pages on a per-CPU list (free_unref_page) and "
           "merges them later in batches; memviz merges at once.</li>"
           "<li>No compaction: an allocation of a higher order that finds no free block fails after reclaim. "
           "Kernel allocations from the buddy exercise (alloc_pages) do not reclaim.</li>"
           "<li>Physical memory is contiguous apart from the legacy holes below 1 MiB; NUMA nodes follow one "
           "another in physical order (machine({ nodes: [...] })).</li>"
           "<li>Per-CPU page-list sizes in /proc/zoneinfo are the kernel's boot-time values; their counts stay 0.</li>"
           "</ul><p>Virtual memory:</p><ul>"
           "<li>One CPU; the user page tables hold no kernel half.</li>"
           "<li>Huge pages are 2 MiB only (no 1 GiB pages, none on 2-level x86-32). Transparent huge pages never "
           "reclaim or compact, have no huge zero page (a read maps the 4 KiB zero page), no khugepaged and no "
           "multi-size THP; anonymous mappings are not aligned to 2 MiB for them. Splitting splits the whole huge "
           "page and all its mappings at once; reclaim splits before swapping. The hugetlb pool grows from the free "
           "lists only (no overcommitted huge pages, no hugetlbfs files); reservations are per process.</li>"
           "<li>After a fault the retried access is shown as a TLB fill without a second walk; the MMU sets "
           "Accessed and Dirty on the walk that loads the TLB.</li>"
           "<li>Dirty page-cache pages are not written back (cat reads the page cache, which is the file); the "
           "shared libraries are in the page cache from the start, so exec reads nothing from disk.</li>"
           "<li>glibc malloc without tcache and fastbins: a freed heap chunk coalesces at once. No SIGBUS past the "
           "end of a mapped file. munmap() of an unmapped range is refused (Linux accepts it silently).</li>"
           "</ul><p>Memory pressure:</p><ul>"
           "<li>Simulated time is charged by memviz's round figures: 1 ns a TLB hit, 20 ns a walk, 1 µs a minor "
           "fault, 100 µs a read from disk or swap, 20 µs writing a page out, 50 ns to look at a page in reclaim. "
           "Writeback is synchronous. No CPU time is accounted (sar -u and vmstat show an idle CPU; interrupts and "
           "context switches are 0).</li>"
           "<li>One set of LRU lists and one kswapd for all nodes. kswapd runs between two page accesses of the running program "
           "and works until a zone is above its high watermark (or gives up after 16 passes that free nothing).</li>"
           "<li>The anon/file balance uses swappiness and the cache-trim rule only: no recent reclaim costs, no "
           "refault (workingset) detection, no MGLRU; no swap readahead; no slab shrinking.</li>"
           "<li>One swap entry per page; swap slots are found next-fit from the area's cursor, highest priority "
           "area first. x86 keeps the swap entry in the non-present PTE as Linux does (type in bits 59-63, the "
           "offset inverted in bits 9-58).</li>"
           "<li>The OOM killer knows no cpusets, mempolicies or memory cgroups, so panic_on_oom 1 and 2 both "
           "panic; the victim's memory is freed at once (the oom_reaper's work).</li>"
           "<li>sar reports the per-second history the machine recorded since boot, as if it had been started in "
           "a second terminal at boot; vmstat, like procps 4.0.2, reads memory once per run.</li>"
           "</ul><p>The kernel's own memory:</p><ul>"
           "<li>One CPU: the classic SLAB allocator has no per-CPU array caches or shared arrays (a freed object "
           "goes straight back to its slab, and cache_reap never runs); SLUB has one cpu slab and no per-CPU "
           "partial list. No slab colouring, no merging of compatible caches (as with slab_nomerge), no "
           "constructors. kmalloc's size classes are those of Linux 6.x in both modes.</li>"
           "<li>The caches have no shrinkers: drop_caches 2 frees nothing, and SReclaimable stays 0 unless a "
           "script creates a cache with SLAB_RECLAIM_ACCOUNT. Boot-time slab, percpu and driver memory are not "
           "simulated, so Slab starts at 0 kB.</li>"
           "<li>The kernel's mappings (direct map, vmalloc area, pkmap, fixmap) are kept as tables, not as page "
           "tables in simulated memory; KASLR is off. vfree() flushes the kernel TLB at once instead of purging "
           "lazily. On x86-32 lowmem keeps the notes' 896 MiB (a 6.12 kernel shrinks it to keep 128 MiB of "
           "vmalloc space).</li>"
           "<li>kmap() and kmap_local_page() refuse instead of sleeping or crashing: when every pkmap slot is "
           "taken, on a 17th kmap_local, or on kunmap of a page that is not mapped.</li>"
           "<li>NUMA: one set of per-node counters in /proc/zoneinfo (node 0 shows the machine's); numactl only "
           "shows the hardware, numastat only its default table; no memory policies (interleave, bind) and no "
           "NUMA balancing. The hugetlb pool is filled from node 0's zonelist.</li>"
           "</ul>"));
}

} // namespace memviz
