#include "Session.h"

#include "ViewContext.h"
#include "sim/Apply.h"

#include <algorithm>

namespace memviz {

Session::Session(ViewContext* ctx, QObject* parent) : QObject(parent), m_ctx(ctx)
{
    m_timer.setInterval(16); // ~60 frames a second while animating
    connect(&m_timer, &QTimer::timeout, this, &Session::tick);
}

Error Session::newMachine(const MachineConfig& config)
{
    auto created = Simulator::create(config);
    if (auto* e = std::get_if<Error>(&created)) return *e;
    adopt(std::move(std::get<Simulator>(created)), 0);
    return {};
}

void Session::adopt(Simulator sim, std::uint64_t cursor)
{
    pause();
    m_sim = std::move(sim);
    m_ctx->setSimulator(&*m_sim);
    showRun(cursor);
}

void Session::showRun(std::uint64_t cursor)
{
    m_cursor = std::min<std::uint64_t>(cursor, m_sim->eventCount());
    auto [before, after] = m_sim->stepAt(m_cursor);
    m_current = after;
    m_progress = 1.0;
    m_ctx->setState(std::move(before), std::move(after), m_cursor);
    emit runChanged();
    emit cursorChanged(m_cursor);
}

std::size_t Session::commandAtCursor() const
{
    if (!m_sim || m_cursor == 0) return 0;
    return m_sim->commandOfEvent(m_cursor - 1);
}

std::size_t Session::commandsToKeep() const
{
    // A half-shown command is kept whole (commands are atomic), and so is one the
    // player is still animating towards.
    const std::uint64_t reached = m_playing && m_stopAt ? std::max(m_cursor, *m_stopAt) : m_cursor;
    return reached == 0 ? 0 : m_sim->commandOfEvent(std::min(reached, m_sim->eventCount()) - 1) + 1;
}

Simulator Session::baseForNewCommands() const
{
    Simulator base = *m_sim;
    base.truncate(commandsToKeep());
    return base;
}

CommandResult Session::runCommand(const Command& c)
{
    CommandResult r;
    if (!m_sim) return r;
    // A command still being animated counts as done: the new one comes after it.
    if (m_playing && m_stopAt) setCursor(*m_stopAt, false);
    // Validate against the state the command would run on before changing anything.
    const std::size_t keep = commandsToKeep();
    r.error = Simulator::validate(m_sim->stateAt(m_sim->commandStart(keep)), c);
    if (r.error) return r;
    pause();
    m_sim->truncate(keep); // a new future after stepping back, like typing after an undo
    const std::uint64_t start = m_sim->eventCount();
    r = m_sim->apply(c);
    showRun(start);
    playUntil(r.endEvent);
    return r;
}

void Session::setCursor(std::uint64_t cursor, bool animate)
{
    if (!m_sim) return;
    cursor = std::min<std::uint64_t>(cursor, m_sim->eventCount());
    Machine previous;
    if (cursor == m_cursor + 1) {
        previous = m_current;
        applyEvent(m_current, m_sim->events()[m_cursor]);
    } else if (cursor == m_cursor) {
        return;
    } else {
        std::tie(previous, m_current) = m_sim->stepAt(cursor);
    }
    const bool step = cursor == m_cursor + 1;
    m_cursor = cursor;
    m_ctx->setState(std::move(previous), m_current, m_cursor);
    m_progress = step && animate ? 0.0 : 1.0;
    if (m_progress < 1.0) {
        m_clock.restart();
        m_timer.start();
    } else {
        m_ctx->setProgress(1.0);
    }
    emit cursorChanged(m_cursor);
}

void Session::seek(std::uint64_t cursor)
{
    setCursor(cursor, false);
}

void Session::stepForward()
{
    if (!m_sim || m_cursor >= m_sim->eventCount()) return;
    setCursor(m_cursor + 1, true);
}

void Session::stepBack()
{
    if (m_cursor == 0) return;
    pause();
    setCursor(m_cursor - 1, false);
}

void Session::toStart()
{
    pause();
    setCursor(0, false);
}

void Session::toEnd()
{
    pause();
    if (m_sim) setCursor(m_sim->eventCount(), false);
}

void Session::nextCommand()
{
    if (!m_sim) return;
    pause();
    // Command boundaries are commandStart(0..n); go to the first one after the cursor.
    const std::size_t n = m_sim->commands().size();
    for (std::size_t k = 0; k <= n; ++k)
        if (m_sim->commandStart(k) > m_cursor) return setCursor(m_sim->commandStart(k), false);
}

void Session::previousCommand()
{
    if (!m_sim || m_cursor == 0) return;
    pause();
    const std::size_t n = m_sim->commands().size();
    std::uint64_t target = 0;
    for (std::size_t k = 0; k <= n; ++k)
        if (m_sim->commandStart(k) < m_cursor) target = m_sim->commandStart(k);
    setCursor(target, false);
}

void Session::play()
{
    if (!m_sim) return;
    if (m_cursor >= m_sim->eventCount()) return;
    m_playing = true;
    m_clock.restart();
    m_timer.start();
    emit playingChanged(true);
}

void Session::pause()
{
    m_stopAt.reset();
    if (!m_playing) return;
    m_playing = false;
    emit playingChanged(false);
}

void Session::togglePlay()
{
    if (m_playing) pause();
    else play();
}

void Session::setSpeed(double eventsPerSecond) { m_speed = std::max(0.1, eventsPerSecond); }

void Session::playUntil(std::uint64_t cursor)
{
    m_stopAt = cursor;
    play();
}

void Session::presentNext()
{
    if (!m_sim) return;
    if (m_playing) {
        const std::uint64_t end = m_stopAt.value_or(m_sim->eventCount());
        pause();
        setCursor(end, false);
        return;
    }
    const std::size_t n = m_sim->commands().size();
    for (std::size_t k = 0; k <= n; ++k)
        if (m_sim->commandStart(k) > m_cursor) return playUntil(m_sim->commandStart(k));
}

void Session::finishAnimation()
{
    m_progress = 1.0;
    m_ctx->setProgress(1.0);
}

void Session::tick()
{
    const double dt = static_cast<double>(m_clock.restart()) / 1000.0;
    if (m_progress < 1.0) {
        // Fast speeds skip the in-between frames entirely.
        m_progress = m_speed >= 60 ? 1.0 : std::min(1.0, m_progress + dt * m_speed);
        m_ctx->setProgress(m_progress);
        if (m_progress < 1.0) return;
    }
    if (!m_playing) {
        m_timer.stop();
        return;
    }
    const std::uint64_t limit = std::min<std::uint64_t>(m_stopAt.value_or(m_sim->eventCount()), m_sim->eventCount());
    if (m_cursor >= limit) {
        pause();
        m_timer.stop();
        return;
    }
    if (m_speed >= 60) {
        // Many events per frame: jump, no per-event animation.
        const auto n = std::max<std::uint64_t>(1, static_cast<std::uint64_t>(m_speed * std::max(dt, 0.016)));
        setCursor(std::min(limit, m_cursor + n), false);
    } else {
        setCursor(m_cursor + 1, true);
    }
}

} // namespace memviz
