#pragma once
/// The app's controller: owns the run (a Simulator), the player's cursor and the
/// animation clock, and feeds the views' ViewContext.

#include "sim/Simulator.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <optional>

namespace memviz {

class ViewContext;

class Session : public QObject {
    Q_OBJECT
public:
    explicit Session(ViewContext* ctx, QObject* parent = nullptr);

    /// Starts a new run on a fresh machine. Returns the error and keeps the current
    /// run when the config is impossible.
    Error newMachine(const MachineConfig& config);
    /// Replaces the run (e.g. with a script's result) and puts the cursor at `cursor`.
    void adopt(Simulator sim, std::uint64_t cursor);

    const Simulator* simulator() const { return m_sim ? &*m_sim : nullptr; }
    std::uint64_t cursor() const { return m_cursor; }
    bool playing() const { return m_playing; }
    double speed() const { return m_speed; }
    /// The command the cursor is in (the one whose events are being shown).
    std::size_t commandAtCursor() const;

    /// Runs a command at the cursor: a later future is dropped first. On success the
    /// player animates the command's events from the cursor.
    CommandResult runCommand(const Command& c);
    /// The run truncated so that the cursor's command is the last one (what a script
    /// or command typed now builds on).
    Simulator baseForNewCommands() const;
    /// How many commands a new command keeps: all those whose events the cursor reached.
    std::size_t commandsToKeep() const;

public slots:
    void seek(std::uint64_t cursor);
    void stepForward();
    void stepBack();
    void toStart();
    void toEnd();
    void nextCommand();
    void previousCommand();
    void play();
    void pause();
    void togglePlay();
    void setSpeed(double eventsPerSecond);
    /// Play until the cursor reaches `cursor`, then stop.
    void playUntil(std::uint64_t cursor);
    /// Skip the rest of the current step's animation.
    void finishAnimation();
    /// A presenter's "next": plays the next command's events, animated, and stops at its end;
    /// pressed again while they play, it skips to that end (like a slide's build).
    void presentNext();

signals:
    void runChanged();
    void cursorChanged(std::uint64_t cursor);
    void playingChanged(bool playing);

private:
    void setCursor(std::uint64_t cursor, bool animate);
    void showRun(std::uint64_t cursor); ///< the views show the (new or changed) run from `cursor`
    void tick();
    ViewContext* m_ctx;
    std::optional<Simulator> m_sim;
    std::uint64_t m_cursor = 0;
    Machine m_current; ///< machine at the cursor (kept to step forward cheaply)
    bool m_playing = false;
    std::optional<std::uint64_t> m_stopAt;
    double m_speed = 4.0;
    double m_progress = 1.0;
    QTimer m_timer;
    QElapsedTimer m_clock;
};

} // namespace memviz
