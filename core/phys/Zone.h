#pragma once
/// Nodes and zones (reference §2): zone types, spans, watermarks, and the buddy
/// free lists each zone owns.

#include "phys/FrameTable.h"

#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

namespace memviz {

enum class ZoneType : std::uint8_t { DMA, DMA32, Normal, HighMem, Movable, Device, Count };

/// The kernel's zone_names[] spelling.
std::string_view zoneTypeName(ZoneType t);
bool zoneTypeFromName(std::string_view name, ZoneType* out);

enum class Wmark : std::uint8_t { Min, Low, High, Promo };
std::string_view wmarkName(Wmark w);

struct FreeArea {
    std::uint32_t head = kNil; ///< list head: allocation takes from here
    std::uint32_t tail = kNil;
    std::uint64_t nrFree = 0;  ///< blocks on the list
};

inline constexpr std::uint8_t kNoZone = 0xFF;
inline constexpr int kMaxZonesPerNode = 6;

struct Zone {
    ZoneType type = ZoneType::Normal;
    std::uint8_t node = 0;
    std::uint8_t indexInNode = 0;   ///< zone_idx(): position in the node's zone array
    Pfn startPfn = 0;
    Pfn spanned = 0;
    Pfn present = 0;
    Pfn managed = 0;                ///< present minus what boot reserved
    std::array<FreeArea, kNrOrders> freeArea{};
    std::uint64_t freePages = 0;    ///< NR_FREE_PAGES: pages on the free lists
    std::array<std::uint64_t, 4> wmark{}; ///< min, low, high, promo (pages)
    std::uint64_t watermarkBoost = 0;
    std::array<std::uint64_t, kMaxZonesPerNode> lowmemReserve{}; ///< protection[] by zone index
    // zone_statistics() (one count per allocation, as the kernel's NUMA events):
    std::uint64_t numaHit = 0;      ///< allocations satisfied from this zone on the preferred node
    std::uint64_t numaMiss = 0;     ///< allocations satisfied here although another node was preferred
    std::uint64_t numaForeign = 0;  ///< allocations that preferred this zone but were satisfied on another node
    std::uint64_t numaLocal = 0;    ///< allocations satisfied here by a CPU of this node
    std::uint64_t numaOther = 0;    ///< allocations satisfied here by a CPU of another node
    /// The block the allocator holds between steps of a split or merge (kNil when idle).
    std::uint32_t workPfn = kNil;
    std::uint8_t workOrder = 0;

    bool populated() const { return present != 0; }
    bool contains(Pfn p) const { return p >= startPfn && p < startPfn + spanned; }
    Pfn endPfn() const { return startPfn + spanned; }
    std::uint64_t mark(Wmark w) const { return wmark[static_cast<int>(w)] + watermarkBoost; }
};

struct Node {
    int id = 0;
    std::vector<std::uint8_t> zones; ///< machine zone ids, in zone-index order (all zone types of the arch)
    Pfn startPfn = 0;
    Pfn spanned = 0;
};

} // namespace memviz
