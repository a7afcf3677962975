#pragma once
/// The consistency checker: every frame accounted for exactly once, free lists
/// well formed, counters equal to what they count. Run after every command in
/// tests and debug builds.

#include "phys/FrameTable.h"

#include <cstdint>
#include <string>
#include <vector>

namespace memviz {

struct Machine;

enum class Violation : std::uint8_t {
    OrphanTail,          ///< a Tail frame not covered by any head's block
    MisalignedBlock,     ///< a head whose pfn is not aligned to its order
    BlockOverlap,        ///< a block reaching into another head's frames
    BlockCrossesZone,    ///< a block not inside one zone
    BadOrder,            ///< an order above MAX_PAGE_ORDER
    FreeNotOnList,       ///< a Free head missing from its list
    ListEntryNotFree,    ///< a list entry that is not a Free head of that order
    ListWrongZone,       ///< a list entry outside the list's zone
    ListBrokenLinks,     ///< prev/next inconsistent, a cycle, or head/tail wrong
    NrFreeMismatch,      ///< nr_free differs from the list length
    FreePagesMismatch,   ///< NR_FREE_PAGES differs from the lists' pages
    ManagedMismatch,     ///< managed differs from present minus reserved frames
    InHandAtRest,        ///< a block still held by the allocator between commands
    // Virtual memory.
    PageTableBad,        ///< a table frame that is not a PageTable page of its process, or reached twice
    PtPagesMismatch,     ///< mm's page-table page count differs from the tables reachable from its PGD
    PteBadFrame,         ///< a leaf entry maps a frame that is not an anonymous, page-cache or zero page
    PteOutsideVma,       ///< a present leaf entry where the process has no VMA
    ZeroPageWritable,    ///< the shared zero page mapped writable
    MapcountMismatch,    ///< a frame's mapcount differs from the entries mapping it
    RssMismatch,         ///< a process's RSS counters differ from its page tables
    VmCounterMismatch,   ///< PageTables/AnonPages/Cached/Mapped differ from the frames they count
    LeakedPage,          ///< a page-table or anonymous frame nobody references
    VmaBroken,           ///< VMAs unsorted, overlapping, empty or unaligned
    PageCacheBroken,     ///< page cache index and frame disagree
    StaleTlb,            ///< a TLB entry of a live process disagrees with its page table (a missed flush)
    // Reclaim and swap.
    LruBroken,           ///< an LRU list's links, size or list tags are inconsistent
    LruMembership,       ///< an anonymous or page-cache page not on the LRU list of its kind, or another frame on one
    SwapCountMismatch,   ///< a swap_map count differs from the swap entries in page tables (or SWAP_HAS_CACHE from the swap cache)
    SwapEntsMismatch,    ///< a process's MM_SWAPENTS differs from the swap entries in its tables
    SwapCacheBroken,     ///< the swap cache and the pages' swap entries disagree
    BadSwapEntry,        ///< a page-table entry holds a swap entry outside every swap area
    // Huge pages.
    HugeMapBroken,       ///< a huge PMD maps what it may not (unaligned, wrong page kind, outside a VMA), or a THP mapping and its deposited table disagree
    HugetlbPoolBroken,   ///< the hugetlb pool's counts, free list or reservations differ from its pages
    // The kernel's own memory.
    SlabBroken,          ///< a slab's frames, object bitmap, free list or list membership, or a cache's counts, disagree
    KmallocBroken,       ///< a large kmalloc block or the count of their pages, or a task_struct, is inconsistent
    VmallocBroken,       ///< a vmalloc area, its frames, a kernel stack or the VmallocUsed/KernelStack counts disagree
    KmapBroken,          ///< a pkmap slot or kmap_local slot is inconsistent
};

struct Finding {
    Violation what;
    std::uint64_t pfn = 0;
    int zone = -1;
    int order = -1;
    std::uint32_t pid = 0;  ///< virtual-memory findings: the process
    std::uint64_t addr = 0; ///< and the virtual address
};

const char* violationName(Violation v);
std::string describe(const Finding& f); ///< for test failure messages and logs

/// All problems found (empty when consistent). `atRest` means between commands,
/// where no allocator step may be half-done.
std::vector<Finding> checkMachine(const Machine& m, bool atRest = true);

} // namespace memviz
