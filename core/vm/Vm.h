#pragma once
/// Virtual memory state: processes and their mm (VMAs, page-table root, counters),
/// files with their page cache, the CPU (current mm, CR3, PCID slots) and the TLB,
/// and the contents of physical memory where something needs them (page tables,
/// bytes a script or a file wrote).
///
/// Like the rest of Machine these are plain values changed only by sim/Apply.
/// Reference §9–§11 (mm/memory.c, arch/x86/mm/tlb.c, glibc malloc).

#include "phys/FrameTable.h"
#include "util/CowMap.h"

#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace memviz {

inline constexpr Pfn kNoPfn = ~Pfn(0);
inline constexpr std::uint32_t kNoFile = 0xFFFFFFFFu;

/// PROT_* of mmap(2).
namespace Prot {
inline constexpr std::uint8_t Read = 1;
inline constexpr std::uint8_t Write = 2;
inline constexpr std::uint8_t Exec = 4;
} // namespace Prot

/// Kind bits of a VMA.
namespace VmaFlag {
inline constexpr std::uint8_t Shared = 1; ///< MAP_SHARED (else private, copy-on-write)
inline constexpr std::uint8_t Heap = 2; ///< the brk area: "[heap]"
inline constexpr std::uint8_t Stack = 4; ///< "[stack]" (VM_GROWSDOWN)
inline constexpr std::uint8_t Special = 8; ///< [vvar]/[vdso]: no struct page behind it, never faults here
inline constexpr std::uint8_t Image = 16; ///< mapped at exec (the program and its libraries)
inline constexpr std::uint8_t Hugetlb = 32; ///< VM_HUGETLB: MAP_HUGETLB, 2 MiB pages from the hugetlb pool
inline constexpr std::uint8_t HugePage = 64; ///< VM_HUGEPAGE: madvise(MADV_HUGEPAGE)
inline constexpr std::uint8_t NoHugePage = 128; ///< VM_NOHUGEPAGE: madvise(MADV_NOHUGEPAGE)
} // namespace VmaFlag

/// mmap(2) flags a command passes.
namespace MapFlag {
inline constexpr std::uint32_t Shared = 0x01;
inline constexpr std::uint32_t Private = 0x02;
inline constexpr std::uint32_t Anonymous = 0x20;
inline constexpr std::uint32_t Hugetlb = 0x40000; ///< MAP_HUGETLB
} // namespace MapFlag

/// madvise(2) advice values memviz understands.
namespace Madv {
inline constexpr std::uint32_t DontNeed = 4;    ///< MADV_DONTNEED: drop the pages (anonymous memory reads zeros again)
inline constexpr std::uint32_t HugePage = 14;   ///< MADV_HUGEPAGE: THP for this range also in "madvise" mode
inline constexpr std::uint32_t NoHugePage = 15; ///< MADV_NOHUGEPAGE: never THP for this range
} // namespace Madv

struct Vma {
    std::uint64_t start = 0, end = 0; ///< [start, end), page aligned
    std::uint8_t prot = 0; ///< Prot bits
    std::uint8_t flags = 0; ///< VmaFlag bits
    std::uint32_t file = kNoFile; ///< backing file, kNoFile for anonymous memory
    std::uint64_t pgoff = 0; ///< file offset in pages
    std::uint32_t name = 0; ///< string id of a name such as "[heap]" (0: none; files use their path)

    bool anon() const { return file == kNoFile; }
    bool shared() const { return flags & VmaFlag::Shared; }
    bool hugetlb() const { return flags & VmaFlag::Hugetlb; }
    /// VM_ACCOUNT (accountable_mapping()): private and writable, charged to Committed_AS
    /// (hugetlb mappings are not: their pages are reserved from the pool instead).
    bool accountable() const { return (prot & Prot::Write) && !shared() && !hugetlb(); }
    std::uint64_t size() const { return end - start; }
    bool contains(std::uint64_t va) const { return va >= start && va < end; }
};

/// glibc's main arena, reduced to what decides where memory comes from (reference §11).
struct MallocState {
    std::uint64_t mmapThreshold = 128 * 1024; ///< dynamic: raised by free() of a larger mmapped chunk
    std::uint64_t trimThreshold = 128 * 1024;
    std::uint64_t topStart = 0; ///< the top chunk is [topStart, brk)
    std::map<std::uint64_t, std::uint64_t> live; ///< chunk address -> chunk size (heap chunks)
    std::map<std::uint64_t, std::uint64_t> freeHeap; ///< free heap chunks (coalesced), address -> size
    std::map<std::uint64_t, std::uint64_t> mmapped; ///< mmapped chunks: user pointer -> mapping length
    std::uint64_t heapInUse = 0; ///< bytes of live heap chunks
};

struct Mm {
    std::vector<Vma> vmas; ///< sorted by start, never overlapping
    Pfn pgd = kNoPfn; ///< frame of the top-level table (what CR3 holds)
    std::uint64_t startBrk = 0, brk = 0;
    std::uint64_t mmapBase = 0; ///< top-down mmap allocations start below this
    std::uint64_t stackTop = 0;
    std::uint64_t rssAnon = 0, rssFile = 0, rssShmem = 0; ///< pages (MM_ANONPAGES, MM_FILEPAGES, MM_SHMEMPAGES)
    std::uint64_t hiwaterRss = 0; ///< VmHWM, pages
    std::uint64_t hiwaterVm = 0; ///< VmPeak, pages
    std::uint64_t ptPages = 0; ///< page-table pages below the PGD plus the PGD itself (VmPTE)
    std::uint64_t swapEnts = 0; ///< MM_SWAPENTS: swap entries in this mm's page tables (VmSwap)
    /// PTE tables deposited with huge PMDs (pgtable_trans_huge_deposit), by the physical
    /// address of the PMD entry: a split takes its table from here and never allocates.
    /// Counted in ptPages (mm_inc_nr_ptes) and PageTables like the tables in the tree.
    std::map<std::uint64_t, Pfn> deposited;
    std::uint64_t hugetlbResv = 0; ///< hugetlb pages reserved by this mm's mmaps and not yet faulted

    std::uint64_t totalVmPages(int pageShift) const;
    std::uint64_t rss() const { return rssAnon + rssFile + rssShmem; }
    /// The VMA containing va, or nullptr.
    const Vma* find(std::uint64_t va) const;
};

enum class ProcState : std::uint8_t { Running, Exited, Killed };

struct Process {
    std::uint32_t pid = 0;
    std::uint32_t ppid = 0;
    std::uint32_t comm = 0; ///< string id of the command name (≤ 15 chars like TASK_COMM_LEN)
    ProcState state = ProcState::Running;
    int exitSignal = 0; ///< SIGSEGV (11), SIGKILL (9) when Killed
    std::uint64_t minFlt = 0, majFlt = 0;
    std::uint64_t startTimeNs = 0;
    std::int16_t oomScoreAdj = 0; ///< /proc/PID/oom_score_adj, -1000..1000 (inherited by fork)
    std::uint8_t node = 0;        ///< NUMA node its CPU is on: where its memory comes from first (inherited by fork)
    std::uint64_t taskStruct = 0; ///< address of its task_struct (a slab object), 0 when none
    std::uint64_t kstack = 0;     ///< address of its kernel stack, 0 when none
    Mm mm;
    MallocState malloc;
    bool alive() const { return state == ProcState::Running; }
};

/// A file on the simulated disk with its page cache (struct address_space).
struct File {
    std::uint32_t name = 0; ///< string id of the path
    std::uint64_t size = 0; ///< bytes
    std::uint64_t inode = 0;
    std::string data; ///< the disk's bytes (only as many as were written; the rest reads 0)
    CowMap<std::uint64_t, Pfn> cache; ///< page index -> page-cache frame (shared by machine copies)
};

/// One TLB entry. A "set" holds `ways` consecutive entries.
struct TlbEntry {
    std::uint64_t vpn = 0; ///< virtual page number (of the huge page for huge entries)
    Pfn pfn = 0;
    std::uint32_t pid = 0; ///< the mm the translation belongs to (the PCID tag when PCID is on)
    std::uint16_t pcid = 0;
    std::uint8_t flags = 0; ///< TlbFlag bits
    std::uint64_t stamp = 0; ///< LRU: last use; FIFO: fill time
};

namespace TlbFlag {
inline constexpr std::uint8_t Valid = 1;
inline constexpr std::uint8_t Write = 2;
inline constexpr std::uint8_t User = 4;
inline constexpr std::uint8_t Global = 8;
inline constexpr std::uint8_t Huge = 16;
inline constexpr std::uint8_t Dirty = 32;
} // namespace TlbFlag

enum class TlbPolicy : std::uint8_t { Lru, Fifo, Random };

struct Tlb {
    int sets = 16, ways = 4; ///< 4 KiB entries: sets × ways
    int hugeSets = 8, hugeWays = 4; ///< separate entries for 2 MiB / 4 MiB pages
    TlbPolicy policy = TlbPolicy::Lru;
    bool pcid = true;
    std::vector<TlbEntry> small, huge;
    std::uint64_t hits = 0, misses = 0, flushes = 0, fills = 0, evictions = 0;
    std::uint64_t clock = 0; ///< stamps for LRU/FIFO
};

/// Per-CPU state that matters for translation (one CPU is simulated).
struct Cpu {
    std::uint32_t current = 0; ///< pid whose mm is loaded (0: none / the kernel)
    Pfn cr3 = kNoPfn; ///< frame number loaded in CR3 (the page-table base)
    std::uint16_t pcid = 0;
    /// TLB_NR_DYN_ASIDS slots: which mm each ASID last held.
    std::array<std::uint32_t, 6> asidPid {};
    std::uint8_t nextAsid = 0;
    std::uint64_t switches = 0;
};

/// Bytes of physical memory that hold something (page tables, written data).
/// Frames without contents read as zeros. Indexed directly by frame number in
/// copy-on-write chunks of 4096 frames, and each page is shared between Machine
/// copies until one of them writes it, so a copy costs a few pointer copies and a
/// lookup is two array indexings (the walk's hot path).
class PhysMem {
public:
    using Page = std::shared_ptr<std::vector<std::uint8_t>>;
    struct Chunk {
        static constexpr int kShift = 12;
        std::array<Page, 1u << kShift> pages;
    };

    void setPageSize(std::uint64_t ps) { m_pageSize = ps; }
    std::uint64_t pageSize() const { return m_pageSize; }
    std::uint8_t read8(std::uint64_t paddr) const
    {
        const std::uint8_t* p = pageData(paddr / m_pageSize);
        return p ? p[paddr % m_pageSize] : 0;
    }
    std::uint64_t readLE(std::uint64_t paddr, int bytes) const ///< little-endian, within one page
    {
        const std::uint8_t* p = pageData(paddr / m_pageSize);
        if (!p) return 0;
        p += paddr % m_pageSize;
        std::uint64_t v = 0;
        for (int i = bytes - 1; i >= 0; --i) v = (v << 8) | p[i];
        return v;
    }
    void write8(std::uint64_t paddr, std::uint8_t v);
    void writeLE(std::uint64_t paddr, std::uint64_t v, int bytes);
    void copyPage(Pfn from, Pfn to);  ///< to := from (zero if from holds nothing)
    void clearPage(Pfn p);            ///< the frame reads as zeros again
    void clearRange(Pfn p, Pfn count);
    bool hasContents(Pfn p) const { return pageData(p) != nullptr; }
    std::size_t pagesHeld() const { return m_held; }

private:
    const std::uint8_t* pageData(Pfn p) const
    {
        const std::size_t c = static_cast<std::size_t>(p >> Chunk::kShift);
        if (c >= m_chunks.size() || !m_chunks[c]) return nullptr;
        const Page& pg = m_chunks[c]->pages[p & ((1u << Chunk::kShift) - 1)];
        return pg ? pg->data() : nullptr;
    }
    Page& slot(Pfn p); ///< writable slot (clones a shared chunk)
    std::vector<std::uint8_t>& mut(Pfn p);
    std::uint64_t m_pageSize = 4096;
    std::vector<std::shared_ptr<Chunk>> m_chunks;
    std::size_t m_held = 0;
};

/// Frames of a hugetlb page carry this in priv: a Kernel block of the huge order that
/// belongs to the hugetlb pool (count = mapcount while a process maps it).
inline constexpr std::uint32_t kHugetlbPriv = 0xFFFFFFF0u;

/// The hugetlb pool of the default hstate (2 MiB; mm/hugetlb.c). The kernel allocates
/// pages into it when vm.nr_hugepages grows; mmap(MAP_HUGETLB) reserves, a fault takes.
struct HugetlbPool {
    std::uint64_t total = 0;   ///< nr_huge_pages (HugePages_Total)
    std::uint64_t free = 0;    ///< free_huge_pages (HugePages_Free)
    std::uint64_t resv = 0;    ///< resv_huge_pages (HugePages_Rsvd): reserved, not yet faulted
    std::uint64_t surplus = 0; ///< surplus_huge_pages (HugePages_Surp): freed to the buddy allocator when unmapped
    std::vector<Pfn> freeList; ///< hugepage_freelists: the back is the head (enqueue and dequeue there)
};

/// HugetlbPool event operations (Event::order).
enum class HugetlbOp : std::uint8_t {
    Grow,      ///< a page from the buddy allocator joins the pool (pfn)
    Shrink,    ///< a free page leaves the pool for the buddy allocator (pfn)
    Surplus,   ///< the surplus count changes by a (two's complement)
    Reserve,   ///< mmap reserves a pages for pid
    Unreserve, ///< munmap/exit gives back a reservations of pid
    Dequeue,   ///< a fault takes page pfn (flags Ok: it used one of pid's reservations)
    Enqueue,   ///< the last mapping of page pfn went away: back on the free list
    Release,   ///< the last mapping of surplus page pfn went away: it leaves the pool
    NoPage,    ///< a fault at address a found no page it may take: SIGBUS
    NoReserve, ///< mmap of a bytes could not reserve its pages: ENOMEM
};

/// Counters of /proc/vmstat and meminfo that virtual memory moves.
struct VmCounters {
    std::uint64_t pgfault = 0, pgmajfault = 0;
    std::uint64_t cowFaults = 0; ///< memviz's own: copies made by do_wp_page
    std::uint64_t pageTablePages = 0; ///< NR_PAGETABLE (meminfo PageTables)
    std::uint64_t anonPages = 0; ///< NR_ANON_MAPPED (meminfo AnonPages): anon frames mapped by someone
    std::uint64_t filePages = 0; ///< NR_FILE_PAGES (meminfo Cached)
    std::uint64_t fileMapped = 0; ///< NR_FILE_MAPPED (meminfo Mapped)
    std::uint64_t dirtyFile = 0; ///< NR_FILE_DIRTY (meminfo Dirty)
    std::uint64_t anonThps = 0; ///< NR_ANON_THPS: anonymous order-9 folios (meminfo AnonHugePages)
    std::uint64_t thpSplitPage = 0, thpSplitPmd = 0; ///< /proc/vmstat thp_split_page, thp_split_pmd
    HugetlbPool hugetlb;
};

/// Fault kinds of the PageFault event (reference §10).
enum class FaultKind : std::uint8_t {
    ZeroPage, ///< read of untouched anonymous memory: the shared zero page, read-only
    Anon, ///< first write: a new zeroed frame (do_anonymous_page)
    CowCopy, ///< write to a shared or read-only page: copy it (do_wp_page -> wp_page_copy)
    CowReuse, ///< write, but this mm holds the only reference: make it writable in place
    FileMinor, ///< the page is in the page cache: map it
    FileMajor, ///< not cached: read it from disk first (VM_FAULT_MAJOR)
    Segv, ///< no VMA, or the VMA forbids the access: SIGSEGV
    Oom, ///< no memory for the page: the fault fails (VM_FAULT_OOM)
    Swap, ///< the entry holds a swap entry: do_swap_page() (major when read from swap, minor from the swap cache)
    Count
};
const char* faultKindName(FaultKind k); ///< "zero-page", "anon", "cow-copy", ...

/// Access flags of an Access command and of the PageFault event (x86 error code bits).
namespace AccessFlag {
inline constexpr std::uint32_t Write = 1u << 1;
inline constexpr std::uint32_t User = 1u << 2;
inline constexpr std::uint32_t Exec = 1u << 4;
inline constexpr std::uint32_t Present = 1u << 0; ///< the PTE was present (protection fault)
inline constexpr std::uint32_t Major = 1u << 8; ///< PageFault: the page had to be read from disk
} // namespace AccessFlag

} // namespace memviz
