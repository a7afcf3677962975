#pragma once
/// The event-sourced simulator: commands in, events out, any past state on demand.
///
/// apply() validates a command, then runs the subsystem's decision code, which
/// emits events; each event is applied to the live machine and recorded. The state
/// after any number of events is rebuilt from the nearest checkpoint (a cheap
/// copy-on-write Machine copy) by re-applying events — commands never re-run.

#include "sim/Command.h"
#include "sim/Error.h"
#include "sim/Event.h"
#include "sim/EventLog.h"
#include "sim/Machine.h"

#include <memory>
#include <optional>
#include <utility>
#include <variant>
#include <vector>

namespace memviz {

struct CommandResult {
    Error error;                ///< set when the command was refused; nothing changed then
    std::uint64_t firstEvent = 0;
    std::uint64_t endEvent = 0; ///< one past the command's last event
    std::optional<Pfn> pfn;     ///< alloc_pages: the block, or nothing when memory ran out
    std::uint64_t value = 0;    ///< virtual-memory commands: the pid, address or break they return
};

class Simulator {
public:
    /// Boots a machine; an Error when the config is impossible.
    static std::variant<Simulator, Error> create(const MachineConfig& config);

    CommandResult apply(const Command& command);
    /// Would `command` be accepted on machine `m`? (What apply() checks first.)
    static Error validate(const Machine& m, const Command& command);

    const MachineConfig& config() const { return m_initial.config; }
    const Machine& initial() const { return m_initial; }
    const Machine& current() const { return m_current; }
    const EventLog& events() const { return m_events; }
    const std::vector<Command>& commands() const { return m_commands; }
    std::uint64_t eventCount() const { return m_events.size(); }
    /// Index of the first event of command i (== eventCount() for i == commands().size()).
    std::uint64_t commandStart(std::size_t i) const;
    /// The command that produced event n.
    std::size_t commandOfEvent(std::uint64_t n) const { return m_events[n].cmd; }

    /// The machine after the first n events (n <= eventCount()).
    Machine stateAt(std::uint64_t n) const;
    /// The machines before and after event n-1, i.e. after n-1 and n events (one seek);
    /// both are the boot state for n == 0. What a view needs to show or animate step n.
    std::pair<Machine, Machine> stepAt(std::uint64_t n) const;

    /// Forgets commands [n, end) and their events: the machine returns to the state
    /// before command n. Used to start a new future after stepping back.
    void truncate(std::size_t n);

    /// Checkpoint tuning (tests and benchmarks). Interval in events; budget in bytes of
    /// frame-table chunks the checkpoints keep alive beyond the boot state.
    void setCheckpointPolicy(std::uint64_t interval, std::uint64_t budgetBytes);
    std::size_t checkpointCount() const { return m_checkpoints.size(); }
    std::uint64_t checkpointBytes() const { return pinnedBytes(); }
    std::uint64_t checkpointInterval() const { return m_interval; }

    /// When off, events are applied but neither they nor the commands are kept (the
    /// benchmark's raw-speed mode: the machine moves on, the run cannot be replayed).
    void setRecording(bool on) { m_recording = on; }

    /// Runs the consistency checker after every command and aborts with its findings
    /// on a violation. On by default in debug builds (NDEBUG unset).
    void setCheckAfterEachCommand(bool on) { m_check = on; }

private:
    explicit Simulator(Machine booted);
    class Recorder;
    void record(const Event& e);
    void maybeCheckpoint();
    void thinCheckpoints();

    struct Checkpoint {
        std::uint64_t event = 0;      ///< state after this many events
        std::uint64_t ownBytes = 0;   ///< frame-table, page-flag and swap-map chunks not shared with the previous checkpoint
        Machine machine;
    };
    std::uint64_t pinnedBytes() const;
    static std::uint64_t ownBytes(const Machine& m, const Machine& prev);

    Machine m_initial;
    Machine m_current;
    std::vector<Command> m_commands;
    std::vector<std::uint64_t> m_commandStart;
    EventLog m_events;
    std::vector<Checkpoint> m_checkpoints;
    std::uint64_t m_interval = 4096;
    std::uint64_t m_budgetBytes = 512ull << 20;
    std::uint32_t m_cmd = 0;
    bool m_recording = true;
#ifdef NDEBUG
    bool m_check = false;
#else
    bool m_check = true;
#endif
};

} // namespace memviz
