#include "sim/Simulator.h"

#include "alloc/Buddy.h"
#include "alloc/Kmem.h"
#include "check/Checker.h"
#include "phys/Boot.h"
#include "sim/Apply.h"
#include "vm/VmOps.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

namespace memviz {

class Simulator::Recorder final : public Emitter {
public:
    explicit Recorder(Simulator& s) : m_sim(s) {}
    void onEvent(const Event& e) override { m_sim.record(e); }

private:
    Simulator& m_sim;
};

std::variant<Simulator, Error> Simulator::create(const MachineConfig& config)
{
    if (Error e = config.validate()) return e;
    return Simulator(bootMachine(config));
}

Simulator::Simulator(Machine booted) : m_initial(std::move(booted)), m_current(m_initial)
{
    m_checkpoints.push_back({0, 0, m_initial});
}

std::uint64_t Simulator::commandStart(std::size_t i) const
{
    return i < m_commandStart.size() ? m_commandStart[i] : m_events.size();
}

void Simulator::record(const Event& ev)
{
    Event e = ev;
    e.cmd = m_cmd;
    e.time = m_current.timeNs;
    applyEvent(m_current, e);
    if (!m_recording) return;
    m_events.push_back(e);
    maybeCheckpoint();
}

/// Memory a checkpoint of `m` pins beyond its neighbour `prev`: the copy-on-write chunks
/// of the frame table, the per-frame page flags and the swap maps that are its own.
std::uint64_t Simulator::ownBytes(const Machine& m, const Machine& prev)
{
    std::uint64_t n = m.frames.chunksNotSharedWith(prev.frames) * sizeof(FrameChunk);
    n += m.pageExt.bytesNotSharedWith(prev.pageExt);
    for (std::size_t t = 0; t < m.swap.areas.size(); ++t)
        n += t < prev.swap.areas.size()
            ? m.swap.areas[t].map.chunksNotSharedWith(prev.swap.areas[t].map) * sizeof(SwapMapChunk)
            : m.swap.areas[t].map.size() * sizeof(SwapMapChunk);
    return n;
}

void Simulator::maybeCheckpoint()
{
    if (m_events.size() - m_checkpoints.back().event < m_interval) return;
    const std::uint64_t own = ownBytes(m_current, m_checkpoints.back().machine);
    m_checkpoints.push_back({m_events.size(), own, m_current});
    while (m_checkpoints.size() > 2 && (pinnedBytes() > m_budgetBytes || m_checkpoints.size() > 1024))
        thinCheckpoints();
}

std::uint64_t Simulator::pinnedBytes() const
{
    std::uint64_t bytes = 0;
    for (const Checkpoint& c : m_checkpoints) bytes += c.ownBytes;
    return bytes;
}

void Simulator::thinCheckpoints()
{
    // Keep the boot state, the newest checkpoint and every other one between them;
    // seeks get at most twice as long, the pinned memory about half.
    std::vector<Checkpoint> kept;
    const std::size_t last = m_checkpoints.size() - 1;
    for (std::size_t i = 0; i <= last; ++i)
        if (i == 0 || i == last || i % 2 == 0) kept.push_back(std::move(m_checkpoints[i]));
    for (std::size_t i = 1; i < kept.size(); ++i)
        kept[i].ownBytes = ownBytes(kept[i].machine, kept[i - 1].machine);
    m_checkpoints = std::move(kept);
    m_interval *= 2;
}

void Simulator::setCheckpointPolicy(std::uint64_t interval, std::uint64_t budgetBytes)
{
    m_interval = std::max<std::uint64_t>(interval, 1);
    m_budgetBytes = budgetBytes;
}

Error Simulator::validate(const Machine& m, const Command& c)
{
    if (m.panicked) return Error{ErrorCode::Panicked, 0, 0, {}};
    switch (c.type) {
    case CommandType::AllocPages: return buddy::validateAlloc(m, c.order, c.zone, c.node);
    case CommandType::FreePages: return buddy::validateFree(m, c.pfn, c.order);
    default: return kmem::handles(c.type) ? kmem::validate(m, c) : vm::validate(m, c);
    }
}

CommandResult Simulator::apply(const Command& c)
{
    CommandResult r;
    r.error = validate(m_current, c);
    if (r.error) return r;

    m_cmd = static_cast<std::uint32_t>(m_commands.size());
    if (m_recording) { // the raw-speed mode keeps neither events nor the commands that made them
        m_commands.push_back(c);
        m_commandStart.push_back(m_events.size());
    }
    r.firstEvent = m_events.size();
    Recorder rec(*this);
    switch (c.type) {
    case CommandType::AllocPages:
        r.pfn = buddy::allocPages(m_current, rec, c.order, c.zone, c.node < 0 ? 0 : c.node);
        if (r.pfn) r.value = *r.pfn;
        break;
    case CommandType::FreePages: buddy::freePages(m_current, rec, c.pfn, c.order); break;
    default:
        if (kmem::handles(c.type))
            kmem::run(m_current, rec, c, &r.value);
        else
            vm::run(m_current, rec, c, &r.value);
        break;
    }
    r.endEvent = m_events.size();
    if (m_check) {
        const auto findings = checkMachine(m_current);
        if (!findings.empty()) {
            std::fprintf(stderr, "memviz: consistency check failed after command %u:\n", m_cmd);
            for (const Finding& f : findings) std::fprintf(stderr, "  %s\n", describe(f).c_str());
            std::abort();
        }
    }
    return r;
}

Machine Simulator::stateAt(std::uint64_t n) const
{
    n = std::min<std::uint64_t>(n, m_events.size());
    auto it = std::upper_bound(m_checkpoints.begin(), m_checkpoints.end(), n,
                               [](std::uint64_t v, const Checkpoint& c) { return v < c.event; });
    const Checkpoint& cp = *(it - 1);
    Machine m = cp.machine;
    for (std::uint64_t i = cp.event; i < n; ++i) applyEvent(m, m_events[i]);
    return m;
}

std::pair<Machine, Machine> Simulator::stepAt(std::uint64_t n) const
{
    n = std::min<std::uint64_t>(n, m_events.size());
    Machine before = stateAt(n ? n - 1 : 0);
    Machine after = before;
    if (n) applyEvent(after, m_events[n - 1]);
    return {std::move(before), std::move(after)};
}

void Simulator::truncate(std::size_t n)
{
    if (n >= m_commands.size()) return;
    const std::uint64_t cut = m_commandStart[n];
    m_current = stateAt(cut);
    m_commands.resize(n);
    m_commandStart.resize(n);
    m_events.truncate(cut);
    while (m_checkpoints.size() > 1 && m_checkpoints.back().event > cut) m_checkpoints.pop_back();
}

} // namespace memviz
