#pragma once
/// The sliders that change the running machine (issue: memory pressure in class):
/// how many "hog" processes run and how much memory each keeps touched, a button
/// that lets them run for a few simulated seconds (re-touching their working sets,
/// which is what makes a system thrash), swappiness, overcommit_memory, panic_on_oom,
/// the THP mode, another swap area, and RAM size (a new machine).
///
/// Every change becomes commands run at the player's cursor (a later future is
/// dropped, like typing a command after stepping back), so the views and the
/// timeline show the consequences at once.

#include <QWidget>

#include <cstdint>
#include <vector>

class QComboBox;
class QLabel;
class QPushButton;
class QSlider;
class QSpinBox;
class QTimer;

namespace memviz {

class Session;
class ViewContext;
struct Command;
struct CommandResult;
struct Machine;

class PressurePanel : public QWidget {
    Q_OBJECT
public:
    PressurePanel(Session* session, ViewContext* ctx, QWidget* parent = nullptr);

    /// The hogs at the cursor: (pid, base of its working-set mapping, bytes touched so far).
    struct Hog {
        std::uint32_t pid = 0;
        std::uint64_t base = 0;
        std::uint64_t size = 0;
        std::uint64_t touched = 0;
    };
    static std::vector<Hog> hogsOf(const Machine& m);

    // Test hooks: what a user does with the controls.
    void setHogCount(int n);
    void setWorkingSetMiB(int mib);
    void runFor(int seconds);
    void setSwappiness(int v);

signals:
    void newMachineRequested(std::uint64_t ramBytes, std::uint64_t swapBytes);
    /// A sentence for the status bar (a refused change says why).
    void message(const QString& text);

protected:
    void changeEvent(QEvent* e) override;

private:
    bool refuseWhilePlaying();
    Machine baseMachine() const;
    /// Runs the commands one after another; stops at the first refusal and reports it.
    bool run(const Command& c, CommandResult* out = nullptr);
    void finish(std::uint64_t firstEvent);
    void applyHogs();
    void applySysctl(const char* name, std::uint64_t value);
    void addSwap();
    void sync();
    void retranslate();
    void updateLabels();

    Session* m_session;
    ViewContext* m_ctx;
    bool m_syncing = false;
    bool m_ownAnimation = false; ///< the player is animating the panel's last change (not a script's run)
    QTimer* m_apply = nullptr;
    QLabel* m_title = nullptr;
    QLabel* m_hogsLabel = nullptr;
    QSlider* m_hogs = nullptr;
    QLabel* m_hogsValue = nullptr;
    QLabel* m_wsLabel = nullptr;
    QSlider* m_ws = nullptr;
    QLabel* m_wsValue = nullptr;
    QLabel* m_runLabel = nullptr;
    QSpinBox* m_seconds = nullptr;
    QPushButton* m_run = nullptr;
    QLabel* m_swappinessLabel = nullptr;
    QSlider* m_swappiness = nullptr;
    QLabel* m_swappinessValue = nullptr;
    QLabel* m_overcommitLabel = nullptr;
    QComboBox* m_overcommit = nullptr;
    QLabel* m_panicLabel = nullptr;
    QComboBox* m_panic = nullptr;
    QLabel* m_thpLabel = nullptr;
    QComboBox* m_thp = nullptr;
    QLabel* m_swapLabel = nullptr;
    QComboBox* m_swapSize = nullptr;
    QPushButton* m_addSwap = nullptr;
    QLabel* m_ramLabel = nullptr;
    QComboBox* m_ram = nullptr;
    QPushButton* m_newMachine = nullptr;
    QLabel* m_summary = nullptr;
    int m_swapCount = 0;
};

} // namespace memviz
