#pragma once
/// The main window: dockable views around the buddy allocator, the player bar,
/// the script editor and console, menus for machines, demos, export and language.

#include "CommandLine.h"
#include "ScriptEngine.h"

#include <QHash>
#include <QMainWindow>

class QAction;
class QActionGroup;
class QDockWidget;
class QComboBox;
class QLabel;
class QTabWidget;
class QMenu;

namespace memviz {

class AllocPanel;
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

    /// Runs a script: on success the run is replaced or extended and the player
    /// animates the new events; on failure the session is unchanged.
    bool runScript(const QString& source, const QString& fileName);
    /// A console line: a shell command or a line of JavaScript.
    void runConsoleLine(const QString& line);
    void loadDemo(const QString& resourcePath, bool run);

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
    void setTheme(bool dark);
    void showSimplifications();
    void setChapters(const std::vector<ScriptShot>& shots);
    void gotoChapter(int direction);
    void raiseView(const QString& id);
    /// Hides every dock (and brings back the ones it hid): the centre view alone, for a projector.
    void setFocusMode(bool on);
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
    QHash<QString, QWidget*> m_views;
    QHash<QString, QDockWidget*> m_docks;
    QHash<QString, QAction*> m_actions;
    QHash<QString, QMenu*> m_menus;
    QActionGroup* m_languageGroup = nullptr;
    QActionGroup* m_themeGroup = nullptr;
};

} // namespace memviz
