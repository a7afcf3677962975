#pragma once
/// The whole simulated machine as a plain, copyable value. Copies are cheap: the
/// frame table shares its chunks copy-on-write. Only sim/Apply mutates a Machine;
/// the subsystems read it through `const Machine&` and emit events.

#include "alloc/Kmem.h"
#include "phys/FrameTable.h"
#include "phys/Zone.h"
#include "reclaim/Lru.h"
#include "reclaim/Swap.h"
#include "sim/History.h"
#include "sim/MachineConfig.h"
#include "vm/Vm.h"

#include <array>
#include <map>
#include <memory>
#include <string>
#include <cstdint>
#include <vector>

namespace memviz {

/// Event counters of /proc/vmstat that exist so far.
struct VmEvents {
    std::array<std::uint64_t, static_cast<int>(ZoneType::Count)> pgalloc{}; ///< pages, by zone type
    std::uint64_t pgfree = 0;       ///< pages freed
    std::uint64_t allocFailed = 0;  ///< requests no zone could satisfy (memviz's own counter)
};

/// Reclaim, swap and OOM counters of /proc/vmstat (reference §3, §8).
struct ReclaimCounters {
    std::uint64_t pgpgin = 0, pgpgout = 0; ///< kB read from / written to disk (files and swap)
    std::uint64_t pswpin = 0, pswpout = 0; ///< pages swapped in / out
    std::uint64_t pgscanKswapd = 0, pgscanDirect = 0, pgstealKswapd = 0, pgstealDirect = 0;
    std::uint64_t pgscanAnon = 0, pgscanFile = 0, pgstealAnon = 0, pgstealFile = 0;
    std::uint64_t pgrefill = 0;      ///< pages scanned on the active lists
    std::uint64_t pgactivate = 0, pgdeactivate = 0, pgrotated = 0;
    std::uint64_t pageoutrun = 0;    ///< kswapd's balance_pgdat() passes
    std::uint64_t allocstall = 0;    ///< direct reclaim entries
    std::uint64_t kswapdWakeups = 0; ///< memviz's own: times kswapd was woken
    std::uint64_t dropPagecache = 0; ///< drop_caches writes
    std::uint64_t oomKill = 0;
    std::uint64_t swapRa = 0, swapRaHit = 0;
    std::uint64_t thpFaultAlloc = 0, thpFaultFallback = 0;
};

/// kswapd of node 0 (reference §2: woken below low, reclaims until a zone is above high).
struct Kswapd {
    bool awake = false;
    std::uint8_t highestZone = 0; ///< ZoneType the waker allocates from (highest_zoneidx)
    int failures = 0;             ///< kswapd_failures: passes that reclaimed nothing
};

struct Machine {
    MachineConfig config;
    FrameTable frames;
    std::vector<Zone> zones;   ///< every zone of every node, ids are indices
    std::vector<Node> nodes;
    /// zonelists[node][zone type]: the fallback order for an allocation whose highest
    /// allowed zone is that type (ZONELIST_FALLBACK, populated zones only).
    std::vector<std::array<std::vector<std::uint8_t>, static_cast<int>(ZoneType::Count)>> zonelists;

    std::uint64_t minFreeKbytes = 0;
    std::uint64_t totalreservePages = 0;
    VmEvents vm;
    std::uint64_t timeNs = 0;

    // Virtual memory (vm/Vm.h).
    std::map<std::uint32_t, Process> procs; ///< live and dead processes by pid (dead ones until reaped)
    std::uint32_t nextPid = 1000;
    std::vector<File> files;                ///< file id = index
    PhysMem phys;
    Cpu cpu;
    Tlb tlb;
    VmCounters vmc;
    Pfn zeroPfn = kNoPfn;                   ///< the shared zero page (inside the kernel image's bss)

    // Reclaim and swap (reclaim/).
    PageExt pageExt;                        ///< LRU links and page flags, per frame
    LruVec lru;                             ///< node 0's lists
    SwapState swap;
    Kswapd kswapd;
    ReclaimCounters rc;
    bool panicked = false;                  ///< the kernel panicked: nothing runs any more

    // The kernel's own memory (alloc/Kmem.h): slab caches, vmalloc areas, kmap slots.
    Kmem kmem;

    // History (sim/History.h).
    SampleLog samples;                      ///< one per simulated second since boot
    std::uint64_t nextSampleNs = 0;
    std::vector<KlogRecord> klog;
    /// Interned strings (process names, paths, VMA names). Append-only and shared by
    /// every copy of the machine: an id never changes meaning, so sharing is safe.
    std::shared_ptr<std::vector<std::string>> strings = std::make_shared<std::vector<std::string>>(1);

    std::uint64_t pageSize() const { return config.arch.pageSize(); }
    std::uint64_t pagesToKb(std::uint64_t pages) const { return pages * (pageSize() / 1024); }
    /// Zone id of the zone spanning pfn, kNoZone for none.
    std::uint8_t zoneOf(Pfn p) const;
    /// Zone id of the given type on node 0 (kNoZone if the arch has no such zone).
    std::uint8_t zoneId(ZoneType t, int node = 0) const;
    std::uint64_t totalramPages() const;   ///< Σ managed
    std::uint64_t freePages() const;       ///< Σ NR_FREE_PAGES

    const std::string& str(std::uint32_t id) const { return (*strings)[id]; }
    /// Id of s, adding it when new (the only mutation allowed outside Apply; see strings).
    std::uint32_t intern(const std::string& s) const;
    const Process* proc(std::uint32_t pid) const;
    Process* procMut(std::uint32_t pid);
    /// The file with this path, or kNoFile.
    std::uint32_t fileByName(const std::string& path) const;
};

} // namespace memviz
