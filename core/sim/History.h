#pragma once
/// What the machine remembers about its past for the tools that report over time:
/// one Sample per simulated second (what sar's data collector would have read from
/// /proc/meminfo and /proc/vmstat at that moment) and the kernel log (dmesg).
///
/// Both are part of the Machine's state and change only by applying events (a Clock
/// event crossing a second boundary appends samples; OomKill, KernelPanic, SwapOn
/// and CommitRefused append log records), so seeking back gives back their past too.
/// Samples are kept in shared copy-on-write chunks so copying a machine stays cheap.

#include <array>
#include <cstdint>
#include <memory>
#include <vector>

namespace memviz {

struct Machine;

/// sar's inputs at one second: /proc/meminfo values in kB and cumulative
/// /proc/vmstat counters (pages, pgpgin/pgpgout in kB).
struct Sample {
    std::uint64_t timeNs = 0; ///< simulated time since boot
    // /proc/meminfo (kB)
    std::uint64_t memTotal = 0, memFree = 0, memAvailable = 0, buffers = 0, cached = 0, swapCached = 0;
    std::uint64_t active = 0, inactive = 0, activeAnon = 0, inactiveAnon = 0, activeFile = 0, inactiveFile = 0;
    std::uint64_t swapTotal = 0, swapFree = 0, dirty = 0, shmem = 0;
    std::uint64_t committedAs = 0, commitLimit = 0, anonPages = 0, mapped = 0, slab = 0, sReclaimable = 0;
    std::uint64_t kernelStack = 0, pageTables = 0, vmallocUsed = 0, anonHugePages = 0;
    // /proc/vmstat (cumulative)
    std::uint64_t pgpgin = 0, pgpgout = 0, pgfault = 0, pgmajfault = 0, pgfree = 0;
    std::uint64_t pgscanKswapd = 0, pgscanDirect = 0, pgstealKswapd = 0, pgstealDirect = 0;
    std::uint64_t pswpin = 0, pswpout = 0, oomKill = 0;
};

/// The Sample of a machine as it is now (timeNs = m.timeNs).
Sample takeSample(const Machine& m);

/// Append-only list of samples; copies share full chunks.
class SampleLog {
public:
    static constexpr std::size_t kChunk = 256;
    std::size_t size() const { return m_size; }
    bool empty() const { return m_size == 0; }
    const Sample& operator[](std::size_t i) const { return (*m_chunks[i / kChunk])[i % kChunk]; }
    const Sample& back() const { return (*this)[m_size - 1]; }
    void push(const Sample& s);

private:
    std::vector<std::shared_ptr<std::array<Sample, kChunk>>> m_chunks;
    std::size_t m_size = 0;
};

/// One line (or group of lines) of the kernel log; dmesg formats it (stats/Dmesg).
enum class KlogKind : std::uint8_t {
    SwapOn,        ///< v: [0] area type, [1] kB, [2] priority
    OomInvoked,    ///< "%s invoked oom-killer: gfp_mask=..., order=%d, oom_score_adj=%d" (pid = the allocating task)
    OomTask,       ///< one row of dump_tasks (pid; v: uid, total_vm pages, rss, rss_anon, rss_file, pgtables bytes, swapents, adj)
    OomKilled,     ///< "Out of memory: Killed process ..." (pid = victim; v: total_vm kB, anon, file, shmem kB, pgtables kB, adj)
    OomReaped,     ///< "oom_reaper: reaped process ..." (pid; v: anon, file, shmem kB after)
    Panic,         ///< "Kernel panic - not syncing: ..." (v[0]: PanicReason)
    CommitRefused, ///< "__vm_enough_memory: pid: %d, comm: %s, bytes: %lu not enough memory ..."
    FallbackOrder, ///< build_zonelists() at boot on NUMA machines: "Fallback order for Node %d: ..." (v[0]: node)
};

enum class PanicReason : std::uint8_t {
    PanicOnOom,    ///< vm.panic_on_oom set: "Out of memory: system-wide panic_on_oom is enabled"
    NoVictim,      ///< nothing left to kill: "System is deadlocked on memory"
};

struct KlogRecord {
    std::uint64_t timeNs = 0;
    KlogKind kind = KlogKind::SwapOn;
    std::uint32_t pid = 0;
    std::uint32_t comm = 0; ///< string id of the task's name
    std::array<std::int64_t, 8> v {};
};

} // namespace memviz
