#pragma once
/// The main window: dockable views around the buddy allocator, the player bar,
/// the script editor and console, menus for machines, demos, export and language.

#include "CommandLine.h"
#include "ScriptEngine.h"

#include <QHash>
#include <QMainWindow>
#include <QPointer>

class QAction;
class QActionGroup;
class QDockWidget;
class QComboBox;
class QLabel;
class QTabWidget;
class QMenu;

namespace memviz {

class AllocPanel;
class ExerciseDialog;
class PressurePanel;
class ConsoleWidget;
class PlayerBar;
class ScriptEditor;
class ScriptEngine;
class Session;
class ViewContext;
struct Command;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(const Options& options, QWidget* parent = nullptr);
    ~MainWindow() override;

    Session* session() const { return m_session; }
    ViewContext* context() const { return m_ctx; }
    ConsoleWidget* console() const { return m_console; }
    ScriptEditor* scriptEditor() const { return m_editor; }
    QWidget* view(const QString& id) const { return m_views.value(id); }
    QDockWidget* dock(const QString& id) const { return m_docks.value(id); }

    /// Presentation mode: full screen, large fonts, thick lines, high contrast, only the chosen
    /// views, no menus; Page Down/Up (a presenter's remote) play the next command or go back, Esc
    /// leaves, and the mouse pointer is ringed so a class can follow it.
    void setPresentationMode(bool on);
    bool presentationMode() const { return m_presenting; }
    /// The views presentation mode shows (ids of centre views and docks); saved in the settings.
    void setPresentationViews(const QStringList& ids);
    QStringList presentationViews() const { return m_presentationViews; }
    /// The views presentation mode can show: centre views and docks, in the catalogue's order.
    QStringList presentableViews() const;

    /// Runs a script: on success the run is replaced or extended and the player
    /// animates the new events; on failure the session is unchanged.
    bool runScript(const QString& source, const QString& fileName);
    /// A console line: a shell command or a line of JavaScript.
    void runConsoleLine(const QString& line);
    void loadDemo(const QString& resourcePath, bool run);

    /// Saves the session (machine, command log, player position, layout, script, chapters) as a
    /// .memviz file; a translated reason on failure, empty on success.
    QString saveSessionTo(const QString& path);
    /// Opens a .memviz file: the run is rebuilt from its commands and shown exactly as saved.
    /// A damaged, truncated or newer file gives the reason and leaves the session as it was.
    QString openSessionFrom(const QString& path);
    QString sessionPath() const { return m_sessionPath; }
    QStringList recentSessions() const;

protected:
    void closeEvent(QCloseEvent* e) override;
    void changeEvent(QEvent* e) override;

private:
    void buildViews();
    void buildMenus();
    void retranslate();
    void runCommand(const Command& c);
    void updateStatus();
    void newMachine();
    void updatePanic();
    void announceMachine();
    void exportView(const QString& id, const QString& format);
    void exportWindow(const QString& format);
    void saveEventLog();
    void exportAnimation();
    void exportTable(const QString& what);
    /// The light or dark theme; `remember` keeps it as the user's choice for the next start
    /// (not for --theme or a session file's look).
    void setTheme(bool dark, bool remember = true);
    void showSimplifications();
    void setChapters(const std::vector<ScriptShot>& shots);
    void gotoChapter(int direction);
    /// Shows in the chapter box the chapter the cursor is in.
    void followChapter();
    void raiseView(const QString& id);
    /// Hides every dock (and brings back the ones it hid): the centre view alone, for a projector.
    void setFocusMode(bool on);
    void choosePresentationViews();
    void saveSession(bool askForName);
    void openSession();
    void addRecentSession(const QString& path);
    void removeRecentSession(const QString& path);
    /// The .memviz file this run was opened from or saved to ("" for a new run), in the title.
    void setSessionPath(const QString& path);
    void updateWindowTitle();
    void updateRecentMenu();
    static QString demoTitle(const QString& file);
    /// Runs longer than this start paused at their first chapter instead of playing.
    static constexpr std::uint64_t kPlayWholeRunEvents = 5000;

    Options m_options;
    ViewContext* m_ctx = nullptr;
    Session* m_session = nullptr;
    ScriptEngine* m_consoleEngine = nullptr;
    ScriptEngine* m_scriptEngine = nullptr;
    PlayerBar* m_player = nullptr;
    ConsoleWidget* m_console = nullptr;
    ScriptEditor* m_editor = nullptr;
    AllocPanel* m_alloc = nullptr;
    PressurePanel* m_pressure = nullptr;
    QLabel* m_panic = nullptr;
    QLabel* m_status = nullptr;
    QTabWidget* m_centre = nullptr;
    QComboBox* m_chapters = nullptr;
    QLabel* m_chapterLabel = nullptr;
    QList<QDockWidget*> m_focusHidden;
    // Presentation mode: what it changed, to put back.
    bool m_presenting = false;
    QStringList m_presentationViews;
    QByteArray m_presentSavedState;
    bool m_presentWasMaximized = false;
    QByteArray m_presentSavedGeometry;
    QFont m_presentSavedFont;
    QWidget* m_pointer = nullptr;
    QLabel* m_presentHint = nullptr;
    QList<QObject*> m_presentKeys;
    QPointer<ExerciseDialog> m_exercises;
    std::vector<ScriptShot> m_shots; ///< the chapters' source: the last script's shot()s
    QString m_sessionPath;           ///< the .memviz file last saved or opened
    QHash<QString, QWidget*> m_views;
    QHash<QString, QDockWidget*> m_docks;
    QHash<QString, QAction*> m_actions;
    QHash<QString, QMenu*> m_menus;
    QActionGroup* m_languageGroup = nullptr;
    QActionGroup* m_themeGroup = nullptr;
};

} // namespace memviz
