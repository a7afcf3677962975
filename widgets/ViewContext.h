#pragma once
/// What every view draws from: the machine at the player's cursor, the machine one
/// event earlier (for animating the step between them), the event just applied and
/// the animation's progress. Views read it; they ask for changes through signals.

#include "sim/Command.h"
#include "sim/Event.h"
#include "sim/Machine.h"

#include <QObject>

#include <cstdint>
#include <optional>

namespace memviz {

class Simulator;

class ViewContext : public QObject {
    Q_OBJECT
public:
    explicit ViewContext(QObject* parent = nullptr);

    /// The run being shown (events, commands, config); null before a machine exists.
    const Simulator* simulator() const { return m_sim; }
    /// The machine after `cursor()` events.
    const Machine& machine() const { return m_machine; }
    /// The machine before the current event (== machine() when cursor() is 0).
    const Machine& previousMachine() const { return m_previous; }
    /// Events applied so far (0 .. simulator()->eventCount()).
    std::uint64_t cursor() const { return m_cursor; }
    /// The event that led to machine(), or null at the start of the run.
    const Event* currentEvent() const;
    /// 0 at the start of the step to the current event, 1 when it is fully shown.
    double progress() const { return m_progress; }
    /// Frames the user selected (e.g. by clicking the physical map); nullopt if none.
    std::optional<Pfn> selectedFrame() const { return m_selected; }

    // Called by the app's controller.
    void setSimulator(const Simulator* sim);
    void setState(Machine previous, Machine current, std::uint64_t cursor);
    void setProgress(double p);
    void setSelectedFrame(std::optional<Pfn> pfn);

signals:
    /// The cursor or the run changed; `step` is true for a one-event step forward
    /// (views animate it), false for a jump (views redraw at once).
    void stateChanged(bool step);
    void progressChanged(double progress);
    void selectionChanged();
    /// A view asks the app to run a command at the cursor (e.g. "free this block").
    void commandRequested(const memviz::Command& command);
    /// A view asks the player to jump to a position (number of events applied).
    void seekRequested(std::uint64_t cursor);

private:
    const Simulator* m_sim = nullptr;
    Machine m_machine;
    Machine m_previous;
    std::uint64_t m_cursor = 0;
    double m_progress = 1.0;
    std::optional<Pfn> m_selected;
};

} // namespace memviz
