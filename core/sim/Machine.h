#pragma once
/// The whole simulated machine as a plain, copyable value. Copies are cheap: the
/// frame table shares its chunks copy-on-write. Only sim/Apply mutates a Machine;
/// the subsystems read it through `const Machine&` and emit events.

#include "phys/FrameTable.h"
#include "phys/Zone.h"
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
