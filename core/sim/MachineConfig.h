#pragma once
/// What a simulated machine is made of: architecture, RAM, swap, seed and sysctls.

#include "arch/ArchSpec.h"
#include "sim/Error.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace memviz {

/// The simulated disk's room for swap (all areas together).
inline constexpr std::uint64_t kMaxSwapBytes = 256ull << 30;
/// MAX_SWAPFILES.
inline constexpr int kMaxSwapAreas = 32;

enum class ThpMode : std::uint8_t { Always, Madvise, Never };

/// The vm.* sysctls that exist so far. Defaults are the kernel's.
struct Sysctls {
    std::uint64_t minFreeKbytes = 0;        ///< 0: computed at boot as the kernel does
    std::uint32_t watermarkScaleFactor = 10; ///< vm.watermark_scale_factor (1..3000)
    std::uint32_t lowmemReserveRatio[6] = {256, 256, 32, 0, 0, 0}; ///< by ZoneType
    ThpMode thp = ThpMode::Madvise;         ///< /sys/kernel/mm/transparent_hugepage/enabled
    std::uint32_t overcommitMemory = 0;      ///< vm.overcommit_memory: 0 guess, 1 always, 2 never (reference §5)
    std::uint32_t overcommitRatio = 50;      ///< vm.overcommit_ratio, % of RAM in CommitLimit
    std::uint64_t overcommitKbytes = 0;      ///< vm.overcommit_kbytes (replaces the ratio when set)
    std::uint32_t swappiness = 60;           ///< vm.swappiness, 0..200: anon against file in reclaim (reference §3)
    std::uint32_t panicOnOom = 0;            ///< vm.panic_on_oom: 0 kill, 1 and 2 panic (one node: no constrained OOMs)
    std::uint32_t oomKillAllocatingTask = 0; ///< vm.oom_kill_allocating_task: kill the allocating task instead of choosing
};

/// The TLB the CPU has (reference §9). Defaults: a 64-entry 4-way L1 dTLB, 32 entries
/// for large pages, LRU replacement, PCID on (as on every x86-64 CPU since Westmere).
struct TlbConfig {
    int sets = 16, ways = 4;
    int hugeSets = 8, hugeWays = 4;
    std::uint8_t policy = 0; ///< TlbPolicy: 0 LRU, 1 FIFO, 2 random
    bool pcid = true;
};

/// Which slab allocator the kernel was built with (reference §6). SLAB is what the
/// notes teach (full/partial/free lists); SLUB is the only one in Linux 6.8+.
enum class SlabKind : std::uint8_t { Slab, Slub };

/// One NUMA node of the machine: its memory and whether CPUs sit on it (a node
/// without CPUs, like CXL memory, gets no PENALTY_FOR_NODE_WITH_CPUS).
struct NumaNodeConfig {
    std::uint64_t ramBytes = 0;
    bool hasCpus = true;
};

/// MAX_NUMNODES of memviz (the kernel's default CONFIG_NODES_SHIFT allows more).
inline constexpr int kMaxNumaNodes = 8;

struct MachineConfig {
    std::string preset = "x86-64"; ///< the preset this config came from
    ArchSpec arch;
    std::uint64_t ramBytes = 0;
    std::uint64_t swapBytes = 0;          ///< the swap area enabled at boot (swapBytes / page size slots), none if 0
    std::string swapName = "/dev/sdb";    ///< its device (swapon --show NAME)
    std::uint64_t bootEpoch = 1709239110; ///< wall-clock time at boot, seconds since 1970 (sar's timestamps; 2024-02-29 20:38:30 UTC)
    std::uint64_t seed = 1;
    std::uint64_t bootReservedBytes = 0; ///< boot-time allocations beyond the kernel image and memmap
    std::string hostname = "memviz";
    int cpus = 2;                        ///< online CPUs (pagesets in zoneinfo, the sar banner)
    Sysctls sysctl;
    TlbConfig tlb;
    /// NUMA nodes in physical-address order; empty: one node holding all of ramBytes.
    /// When set, ramBytes is their sum.
    std::vector<NumaNodeConfig> numaNodes;
    /// node_distance(i, j) (the ACPI SLIT); empty: LOCAL_DISTANCE 10 on the diagonal,
    /// REMOTE_DISTANCE 20 elsewhere.
    std::vector<std::vector<std::uint32_t>> distance;
    SlabKind slab = SlabKind::Slab;

    int nodeCount() const { return numaNodes.empty() ? 1 : static_cast<int>(numaNodes.size()); }
    std::uint32_t nodeDistance(int from, int to) const;

    /// The preset's machine (RAM, swap, seed, reserves); nothing for an unknown name.
    static std::variant<MachineConfig, Error> fromPreset(std::string_view name);
    /// Names accepted by fromPreset: the architecture presets plus machine presets like "seed-8g".
    static std::vector<std::string> presetNames();

    /// Checks sizes against the architecture; an Error names the first problem.
    Error validate() const;

    /// Bytes of the kernel's own memmap (64-byte struct page per frame) reserved at boot.
    std::uint64_t memmapBytes() const;
};

} // namespace memviz
