#pragma once
/// Swap areas (mm/swapfile.c, mm/swap_state.c; reference §3): the swap_map of
/// each area (how many page-table entries and whether the swap cache hold a slot),
/// the swap cache (swap entry -> page), and the contents written to swap.
///
/// A swap entry names (area type, slot offset). Slot 0 of an area is its header
/// and never used, as in Linux, so a packed entry is never 0.

#include "phys/FrameTable.h"
#include "util/CowChunks.h"
#include "util/CowMap.h"

#include <array>
#include <cstdint>
#include <memory>
#include <vector>

namespace memviz {

struct EntryFormat;

namespace SwapEntry {
inline constexpr int kTypeShift = 27; ///< 5 bits of type (MAX_SWAPFILES 32), 27 bits of offset
inline constexpr std::uint32_t pack(std::uint32_t type, std::uint64_t offset)
{
    return (type << kTypeShift) | static_cast<std::uint32_t>(offset);
}
inline constexpr std::uint32_t type(std::uint32_t e) { return e >> kTypeShift; }
inline constexpr std::uint64_t offset(std::uint32_t e) { return e & ((1u << kTypeShift) - 1); }
/// The non-present page-table entry that holds a swap entry (__swp_entry_to_pte):
/// x86-64 keeps the type in bits 59..63 and the inverted offset in bits 9..58
/// (the L1TF mitigation); x86-32 keeps the type in bits 1..5 and the offset from bit 9.
std::uint64_t toPte(const EntryFormat& fmt, std::uint32_t entry);
/// The swap entry of a non-present, non-zero entry; 0 when it is not one.
std::uint32_t fromPte(const EntryFormat& fmt, std::uint64_t pte);
} // namespace SwapEntry

/// swap_map[] values: the count of references from page tables, plus SWAP_HAS_CACHE.
inline constexpr std::uint8_t kSwapHasCache = 0x40;
inline constexpr std::uint8_t kSwapCountMask = 0x3F;

struct SwapMapChunk {
    static constexpr int kShift = 12;
    std::array<std::uint8_t, 1u << kShift> count {};
};

struct SwapArea {
    std::uint32_t name = 0;     ///< string id: "/dev/sdb", "/swapfile"
    bool partition = true;      ///< TYPE column of swapon --show
    std::int16_t priority = -2; ///< swapon -p; areas without one get -2, -3, ... as in Linux
    std::uint64_t pages = 0;    ///< usable slots (SwapTotal); offsets 1..pages
    std::uint64_t inuse = 0;    ///< slots with a nonzero swap_map value
    std::uint64_t cursor = 1;   ///< next offset the slot search starts at
    CowChunks<SwapMapChunk> map;

    /// Sizes the area for `n` usable slots (offsets 1..n; offset 0 is the header).
    void setPages(std::uint64_t n)
    {
        pages = n;
        map.resize(static_cast<std::size_t>((n + 1 + (1u << SwapMapChunk::kShift) - 1) >> SwapMapChunk::kShift));
    }
    std::uint8_t at(std::uint64_t off) const
    {
        return map.get(static_cast<std::size_t>(off >> SwapMapChunk::kShift)).count[off & ((1u << SwapMapChunk::kShift) - 1)];
    }
    void setAt(std::uint64_t off, std::uint8_t v)
    {
        map.mut(static_cast<std::size_t>(off >> SwapMapChunk::kShift)).count[off & ((1u << SwapMapChunk::kShift) - 1)] = v;
    }
};

struct SwapState {
    std::vector<SwapArea> areas;              ///< type = index
    CowMap<std::uint32_t, Pfn> cache;         ///< swap cache: entry -> page
    /// What a written slot holds, for pages whose frame held bytes (shared, copy-on-write).
    CowMap<std::uint32_t, std::shared_ptr<std::vector<std::uint8_t>>> data;

    std::uint64_t totalPages() const;         ///< total_swap_pages
    std::uint64_t usedPages() const;          ///< Σ inuse
    std::uint64_t freePages() const { return totalPages() - usedPages(); }
    std::uint8_t countOf(std::uint32_t entry) const;
};

} // namespace memviz
