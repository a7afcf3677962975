#pragma once
/// Typed events: the fine-grained steps of a command that the views animate.
///
/// Every change to a Machine is made by applying an event (sim/Apply.h), so the
/// state after any event is well defined: seeking replays events, never commands.
/// An Event is a fixed-size record with no heap data, so recording one allocates
/// nothing beyond the log's own growth.

#include <cstdint>
#include <string>
#include <string_view>

namespace memviz {

struct Machine;

enum class EventType : std::uint16_t {
    BuddyAlloc,       ///< a block leaves the allocator for its caller (c = preferred zone id | allocating CPU's node << 8, for zone_statistics)
    BuddySplit,       ///< expand(): a block is halved, the upper half goes on the lower free list
    BuddyFree,        ///< a block comes back to the allocator (__free_one_page starts)
    BuddyMerge,       ///< the freed block meets its free buddy and they combine
    BuddyListAdd,     ///< the (merged) block is put on a free list, at the head or the tail
    ZoneCheck,        ///< the zonelist walk tests a zone against a watermark
    SlowPath,         ///< every zone failed the low watermark: __alloc_pages_slowpath
    AllocFailed,      ///< no zone could satisfy the request
    WatermarkCrossed, ///< a zone's free pages crossed its min/low/high watermark
    // Virtual memory (vm/). Field use is listed in Event.cpp (appendEventJson).
    ProcessNew,       ///< a process appears (spawn = exec of a new program, or fork)
    ProcessExit,      ///< a process ends (exit, or killed by a signal); its mm is already torn down
    MmapRegion,       ///< a VMA is added (mmap, exec, brk's first growth); merges with an equal neighbour
    MunmapRegion,     ///< [a, b) leaves the address space (VMAs split or removed)
    MprotectRegion,   ///< [a, b) gets new permissions
    BrkSet,           ///< the program break moves from a to b (the [heap] VMA follows)
    MallocChunk,      ///< glibc malloc hands out or takes back a chunk
    PteSet,           ///< an entry of a page table (any level) is written
    FrameOwner,       ///< an allocated frame gets its use: anonymous page, page table, ...
    PageCacheAdd,     ///< a frame joins a file's page cache, filled from the disk
    FileNew,          ///< a file is created on the simulated disk
    FileWrite,        ///< bytes reach a file on disk
    PhysWrite,        ///< bytes are stored at a physical address
    TlbLookup,        ///< the CPU looks the page up in the TLB: hit or miss
    TlbFill,          ///< a translation is loaded into a TLB way (evicting what was there)
    TlbFlush,         ///< TLB entries are invalidated (CR3 load, PCID switch, invlpg, flush_tlb_mm)
    WalkStep,         ///< the page walker reads one entry of one level
    PageFault,        ///< the walk (or the TLB entry's permissions) failed: the fault handler decides
    CowCopy,          ///< do_wp_page copies a shared page into a new frame (or zero-fills it)
    ContextSwitch,    ///< another process's mm is loaded: CR3 written, with or without a flush
    SetPageTableBase, ///< a script loads CR3 by hand (textbook exercises)
    TranslateDone,    ///< a translation finished: the physical address, or the level that failed
    SysctlSet,        ///< a tunable changes (a = Sysctl id, b = new value, c = old value)
    CommitRefused,    ///< __vm_enough_memory() says no: ENOMEM (a = pages asked, b = committed, c = limit, order = mode)
    // Time, reclaim, swap and the OOM killer (reclaim/). Field use in Event.cpp.
    Clock,            ///< simulated time passes: a = nanoseconds (work done, or a sleep)
    LruMove,          ///< a page moves between LRU lists or gets/loses PG_referenced (order = from << 4 | to)
    KswapdWake,       ///< wakeup_kswapd(): every eligible zone is below low (order = highest zone type)
    KswapdSleep,      ///< kswapd goes back to sleep (a = 0 balanced, 1 gave up after MAX_RECLAIM_RETRIES)
    Reclaim,          ///< one shrink_{in,}active_list() batch: a = scanned, b = reclaimed, order = priority
    SwapOn,           ///< a swap area is enabled: a = type, b = pages, c = priority (as int64), pfn = name string id
    SwapOut,          ///< add_to_swap(): the page gets swap entry a and joins the swap cache
    Writeback,        ///< pageout(): the page is written to swap (anon, a = entry) or to its file (a = index)
    SwapIn,           ///< swap_read_folio(): a new page is read from swap entry a (major fault)
    SwapCacheDel,     ///< the page leaves the swap cache and its slot is released if unused (a = entry)
    OomCandidates,    ///< one row of the OOM killer's table (pid; a = points, b = rss, c = swapents, pfn = pgtables pages)
    OomKill,          ///< the victim is chosen (pid; a = points, b = totalpages, c = the allocating pid)
    KernelPanic,      ///< the machine stops (a = PanicReason)
    ThpFault,         ///< a huge-page-aligned anonymous fault (a = address; Ok flag: one order-9 page at pfn, else fallback)
    OomScoreAdj,      ///< /proc/PID/oom_score_adj is written (a = new, c = old; both int16 as two's complement)
    DropCaches,       ///< echo N > /proc/sys/vm/drop_caches (a = N, b = pages dropped)
    // Huge pages (vm/). Field use in Event.cpp.
    ThpSplit,         ///< split_huge_page(): the order-9 anonymous folio pfn becomes 512 order-0 pages (a = its address)
    MadviseRegion,    ///< madvise(a, b - a, order = advice): MADV_HUGEPAGE / MADV_NOHUGEPAGE change the VMAs' flags
    HugetlbPool,      ///< the hugetlb pool changes (order = HugetlbOp, pfn = page, a = count)
    // The kernel's own memory (alloc/Kmem.h) and NUMA. Field use in Event.cpp.
    SlabCacheNew,     ///< kmem_cache_create(): c = cache id, pfn = name string id, a = object size, b = align, flags = SlabFlag
    SlabGrow,         ///< a new slab: the 2^order frames at pfn (just allocated) become slab of cache b
    SlabAlloc,        ///< object c of the slab at pfn is handed out: a = its address, b = cache id
    SlabFree,         ///< object c of the slab at pfn comes back: a = its address, b = cache id
    SlabShrink,       ///< an empty slab at pfn leaves cache b (its frames go back to the buddy allocator next)
    Kmalloc,          ///< kmalloc (or kfree with flags Free): a = address, b = bytes asked, c = cache id or kNoCache for a large one (pfn, order)
    Vmalloc,          ///< a vmalloc area is reserved (Reserve: a = address, b = size with guard, c = VmAreaKind, pfn = bytes asked), a page mapped (Map), or an x86-32 stack made (DirectStack); order = VmallocOp
    Vfree,            ///< the area at a (b bytes with its guard page, c = VmAreaKind; order DirectStack: the x86-32 stack) is unmapped; its frames go back next
    Kmap,             ///< a page gets a kernel address: order = KmapKind, pfn = page, a = address, c = slot, b = pkmap count after (Local: slots in use after; Direct: narration only)
    Kunmap,           ///< kunmap()/kunmap_local(): order = KmapKind, pfn = page, a = address, c = slot, b = count after (Flush at every wrap: a = slots freed, a TLB flush follows when a > 0)
    NodeFallback,     ///< the allocation got memory from zone `zone` on node b, not from its preferred node a
    Count             ///< (at most 64: the event log's type filter is a 64-bit mask)
};

/// Bits of Event::flags for ZoneCheck / WatermarkCrossed / BuddyListAdd.
namespace EventFlag {
inline constexpr std::uint32_t MarkMask = 0x3; ///< Wmark in the low bits
inline constexpr std::uint32_t Ok = 1u << 4;   ///< ZoneCheck passed
inline constexpr std::uint32_t Below = 1u << 5; ///< WatermarkCrossed downwards
inline constexpr std::uint32_t Tail = 1u << 6;  ///< BuddyListAdd at the tail
inline constexpr std::uint32_t Hit = 1u << 7;   ///< TlbLookup hit
inline constexpr std::uint32_t Huge = 1u << 8;  ///< TLB: the huge-page TLB; WalkStep: a large-page leaf; CowCopy: a whole huge page
inline constexpr std::uint32_t Fork = 1u << 9;  ///< ProcessNew by fork (else a new program)
inline constexpr std::uint32_t Free = 1u << 10; ///< MallocChunk: freed (else allocated)
inline constexpr std::uint32_t Mmapped = 1u << 11; ///< MallocChunk: a chunk of its own mmap
inline constexpr std::uint32_t ZeroFill = 1u << 12; ///< CowCopy from the zero page: the new frame is zeroed
inline constexpr std::uint32_t Flushed = 1u << 13;  ///< ContextSwitch flushed the TLB
inline constexpr std::uint32_t Valid = 1u << 14;    ///< TranslateDone ok / WalkStep: the entry is valid
inline constexpr std::uint32_t Retry = 1u << 15;    ///< TlbFill after the fault handler fixed the entry
inline constexpr std::uint32_t Leaf = 1u << 16;     ///< WalkStep: this entry maps the page itself
inline constexpr std::uint32_t Kernel = 1u << 17;   ///< TlbFlush of global (kernel) entries too
inline constexpr std::uint32_t FlushKindShift = 20; ///< TlbFlush: TlbFlushKind in bits 20..23
inline constexpr std::uint32_t Direct = 1u << 24;   ///< Reclaim: by the allocating task (else kswapd)
inline constexpr std::uint32_t Active = 1u << 25;   ///< Reclaim: an active-list scan
inline constexpr std::uint32_t FileLru = 1u << 26;  ///< Reclaim/Writeback: file pages (else anon)
inline constexpr std::uint32_t Referenced = 1u << 27; ///< LruMove: PG_referenced set afterwards
inline constexpr std::uint32_t AllocTask = 1u << 28; ///< OomKill: oom_kill_allocating_task chose the victim
inline constexpr std::uint32_t Sleep = 1u << 29;    ///< Clock: a sleep, not work
inline constexpr std::uint32_t Deposit = 1u << 30;  ///< FrameOwner: a PTE table deposited with the huge PMD whose entry is at physical address c
} // namespace EventFlag

static_assert(static_cast<int>(EventType::Count) <= 64, "the event log's type filter is a 64-bit mask");

/// TlbFlush kinds (flags >> FlushKindShift).
enum class TlbFlushKind : std::uint8_t {
    All,       ///< everything, global entries included
    NonGlobal, ///< CR3 written without PCID: every non-global entry
    Asid,      ///< one PCID's entries (its slot is reused)
    Page,      ///< invlpg of one address (a = vaddr)
    Mm,        ///< flush_tlb_mm: all entries of one process (pid)
};

struct Event {
    EventType type = EventType::Count;
    std::uint8_t zone = 0xFF;   ///< machine zone id, 0xFF when none
    std::uint8_t order = 0;
    std::uint32_t cmd = 0;      ///< index of the command that produced it
    std::uint32_t flags = 0;
    std::uint32_t pid = 0;      ///< process on whose behalf (0: the kernel itself)
    std::uint64_t time = 0;     ///< simulated time, ns
    std::uint64_t pfn = 0;
    std::uint64_t a = 0;        ///< per type, see eventFieldNames in Event.cpp
    std::uint64_t b = 0;
    std::uint64_t c = 0;
};

std::string_view eventTypeName(EventType t);
bool eventTypeFromName(std::string_view name, EventType* out);

/// One JSON object (no newline): {"seq":7,"cmd":2,"type":"BuddySplit","zone":"Normal",...}
void appendEventJson(std::string& out, const Machine& m, std::uint64_t seq, const Event& e);

} // namespace memviz
