#pragma once
/// Applying the reclaim, swap, OOM and time events (the decisions are in vm/VmReclaim.cpp,
/// which needs the page tables), and the helpers the views and formatters share.

#include "phys/FrameTable.h"
#include "sim/Event.h"

#include <cstdint>

namespace memviz {

struct Machine;
struct Process;

namespace reclaim {

inline constexpr std::uint64_t kSecondNs = 1000000000ull;

/// Sets up what boot gives: the per-frame page flags, the swap area of the config,
/// the first sample of the history.
void boot(Machine& m);

void apply(Machine& m, const Event& e);

/// Called when an allocated frame goes back to the buddy allocator: it leaves its
/// LRU list and the swap cache.
void frameReleased(Machine& m, Pfn pfn);

/// A leaf entry changed from `oldPte` to `newPte` in `pr`'s page tables: swap_map
/// counts and MM_SWAPENTS follow swap entries.
void swapPteChanged(Machine& m, Process* pr, std::uint64_t oldPte, std::uint64_t newPte);

/// mm_pgtables_bytes() / PAGE_SIZE: the PTE, PMD and PUD tables, neither the PGD nor
/// (with 5-level paging) P4D tables. What VmPTE, the OOM report and oom_badness count.
std::uint64_t pgtablesPages(const Machine& m, const Process& p);
/// oom_badness() in pages; `unkillable` when the kernel returns LONG_MIN.
std::int64_t oomBadness(const Machine& m, const Process& p, std::uint64_t totalPages, bool* unkillable);
/// totalram_pages + total_swap_pages.
std::uint64_t oomTotalPages(const Machine& m);
/// /proc/PID/oom_score (0..2000 since Linux 5.9).
std::uint64_t oomScore(const Machine& m, const Process& p);

} // namespace reclaim
} // namespace memviz
