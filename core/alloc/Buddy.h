#pragma once
/// The buddy allocator (reference §1, mm/page_alloc.c): zonelist walk with
/// watermark checks, __rmqueue_smallest + expand on allocation, __free_one_page
/// with buddy merging and the tail rule on free.
///
/// Simplifications (the UI says so): one free list per order instead of one per
/// migrate type; no per-CPU page lists, so a freed order-0 page merges at once;
/// no reclaim or compaction before failing (they arrive with later subsystems).

#include "phys/Zone.h"
#include "sim/Error.h"
#include "sim/Event.h"

#include <optional>

namespace memviz {

struct Machine;

/// Receives the events a decision produces; applies them to the machine the
/// decision is reading before returning, so the next step sees the new state.
class Emitter {
public:
    virtual ~Emitter() = default;
    virtual void onEvent(const Event& e) = 0; // not "emit": that is a Qt macro
};

namespace buddy {

/// gfp_zone(): the zone type an allocation asking for `requested` starts from on
/// this machine (HighMem means Normal on 64-bit, DMA32 means Normal on 32-bit).
/// Returns an error for a zone the architecture does not have.
Error resolveHighestZone(const Machine& m, ZoneType requested, ZoneType* out);

Error validateAlloc(const Machine& m, int order, ZoneType highest, int node = -1);
Error validateFree(const Machine& m, Pfn pfn, int order);

/// __zone_watermark_ok(): free - (2^order - 1) must exceed mark + lowmem_reserve,
/// and for order > 0 some list of order >= the request must be non-empty.
bool watermarkOk(const Zone& z, int order, std::uint64_t mark, int highestZoneIndex);

/// get_page_from_freelist(): one walk of node `node`'s zonelist for `highest` (a resolved
/// zone type) at watermark `mark`, emitting a ZoneCheck per zone. Nothing when all refuse.
/// `localNode` is the allocating CPU's node (numa_local/numa_other); -1: the same as node.
std::optional<Pfn> getPageFromFreelist(const Machine& m, Emitter& em, int order, ZoneType highest, Wmark mark,
                                       int node = 0, int localNode = -1);

/// alloc_pages_node(): walks the preferred node's zonelist at the low watermark, then
/// (slow path) at min. Returns the first pfn of the block, or nothing when every zone refuses.
std::optional<Pfn> allocPages(const Machine& m, Emitter& em, int order, ZoneType highest, int node = 0);

/// __free_pages(): the block must be an allocated block of exactly this order.
void freePages(const Machine& m, Emitter& em, Pfn pfn, int order);

/// Applies a buddy event to the machine (the only code that changes free lists).
void apply(Machine& m, const Event& e);

} // namespace buddy
} // namespace memviz
