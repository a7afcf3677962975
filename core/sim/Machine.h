#pragma once
/// The whole simulated machine as a plain, copyable value. Copies are cheap: the
/// frame table shares its chunks copy-on-write. Only sim/Apply mutates a Machine;
/// the subsystems read it through `const Machine&` and emit events.

#include "phys/FrameTable.h"
#include "phys/Zone.h"
#include "sim/MachineConfig.h"

#include <array>
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

    std::uint64_t pageSize() const { return config.arch.pageSize(); }
    std::uint64_t pagesToKb(std::uint64_t pages) const { return pages * (pageSize() / 1024); }
    /// Zone id of the zone spanning pfn, kNoZone for none.
    std::uint8_t zoneOf(Pfn p) const;
    /// Zone id of the given type on node 0 (kNoZone if the arch has no such zone).
    std::uint8_t zoneId(ZoneType t, int node = 0) const;
    std::uint64_t totalramPages() const;   ///< Σ managed
    std::uint64_t freePages() const;       ///< Σ NR_FREE_PAGES
};

} // namespace memviz
