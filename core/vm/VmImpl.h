#pragma once
// Internal to vm/: the class that makes the virtual-memory decisions (faults, COW,
// mappings, the TLB, fork and exec, glibc malloc) and, in VmReclaim.cpp, page
// reclaim, swap and the OOM killer. It reads the machine and changes it only by
// emitting events; VmRun.cpp and VmReclaim.cpp define its larger members.

#include "alloc/Buddy.h"
#include "alloc/Kmem.h"
#include "reclaim/Reclaim.h"
#include "sim/Machine.h"
#include "sim/Sysctl.h"
#include "vm/Layout.h"
#include "vm/VmOps.h"

#include <algorithm>
#include <array>
#include <optional>
#include <tuple>
#include <vector>

namespace memviz::vm::detail {

inline constexpr std::uint64_t kFaultAroundBytes = 64 * 1024; ///< fault_around_bytes
inline constexpr std::uint64_t kFlushCeiling = 33; ///< tlb_single_page_flush_ceiling
inline constexpr std::uint64_t kTopPad = 128 * 1024; ///< glibc DEFAULT_TOP_PAD
inline constexpr std::uint64_t kMmapMinAddr = 0x10000; ///< vm.mmap_min_addr

// What work costs on the simulated clock (memviz's own round figures for a PC with an SSD).
inline constexpr std::uint64_t kAccessNs = 1;           ///< a load or store that hits the TLB
inline constexpr std::uint64_t kWalkNs = 20;            ///< a TLB miss: the page walk
inline constexpr std::uint64_t kMinorFaultNs = 1000;    ///< a fault served from memory (zeroing or copying a page)
inline constexpr std::uint64_t kMajorFaultNs = 100000;  ///< a fault that reads a page from disk or swap
inline constexpr std::uint64_t kScanNs = 50;            ///< reclaim looks at one page
inline constexpr std::uint64_t kWritePageNs = 20000;    ///< writing one page to swap or its file
inline constexpr std::uint64_t kClockQuantumNs = 1000000; ///< work is put on the clock at least every millisecond
inline constexpr std::uint64_t kClearHugeNs = 50000;    ///< zeroing or copying a 2 MiB page (clear_huge_page) beyond the fault itself
inline constexpr std::uint64_t kCopyEntryNs = 20;       ///< fork copies one page-table entry (copy_pte_range, copy_huge_pmd)
inline constexpr std::uint64_t kPageTableNs = 500;      ///< fork allocates and clears one page-table page for the child
inline constexpr std::uint64_t kSwapClusterMax = 32;    ///< SWAP_CLUSTER_MAX
inline constexpr int kDefPriority = 12;                 ///< DEF_PRIORITY
inline constexpr int kMaxReclaimRetries = 16;           ///< MAX_RECLAIM_RETRIES
inline constexpr int kCostlyOrder = 3;                  ///< PAGE_ALLOC_COSTLY_ORDER

inline std::uint64_t mix(std::uint64_t x)
{
    x += 0x9e3779b97f4a7c15ull;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
    return x ^ (x >> 31);
}

inline Event ev(EventType t, std::uint32_t pid)
{
    Event e;
    e.type = t;
    e.pid = pid;
    return e;
}

/// get_unmapped_area(): the hint when it is free, else top-down below mmap_base; 0 when nothing fits.
/// `align` (a power of two, at least a page) aligns the address top-down (hugetlb).
inline std::uint64_t findGapIn(const Machine& m, const Mm& mm, std::uint64_t len, std::uint64_t hint,
    std::uint64_t align = 0)
{
    const std::uint64_t page = m.config.arch.pageSize();
    if (align > page) {
        const std::uint64_t mask = ~(align - 1);
        if (hint && !(hint & (align - 1)) && hint >= kMmapMinAddr && hint + len <= taskSize(m) && hint + len > hint) {
            bool free = true;
            for (const Vma& v : mm.vmas)
                if (v.start < hint + len && v.end > hint) free = false;
            if (free) return hint;
        }
        std::uint64_t end = std::min(mm.mmapBase, taskSize(m));
        for (auto it = mm.vmas.rbegin(); it != mm.vmas.rend(); ++it) {
            if (it->start >= end) continue;
            if (it->end <= end && end - it->end >= len && ((end - len) & mask) >= it->end) return (end - len) & mask;
            end = std::min(end, it->start);
        }
        return end >= kMmapMinAddr + len + align ? (end - len) & mask : 0;
    }
    const std::uint64_t top = taskSize(m);
    if (hint && !(hint & (page - 1)) && hint >= kMmapMinAddr && hint + len <= top && hint + len > hint) {
        bool free = true;
        for (const Vma& v : mm.vmas)
            if (v.start < hint + len && v.end > hint) free = false;
        if (free) return hint;
    }
    std::uint64_t end = std::min(mm.mmapBase, top);
    for (auto it = mm.vmas.rbegin(); it != mm.vmas.rend(); ++it) {
        if (it->start >= end) continue;
        if (it->end <= end && end - it->end >= len) return end - len;
        end = std::min(end, it->start);
    }
    return end >= kMmapMinAddr + len ? end - len : 0;
}

class Vm {
public:
    Vm(const Machine& m, Emitter& em)
        : m(m)
        , em(em)
        , a(m.config.arch)
        , fmt(a.entry)
    {
    }

    const Machine& m;
    Emitter& em;
    const ArchSpec& a;
    const EntryFormat& fmt;

    std::uint64_t pendingNs = 0; ///< work done but not yet put on the clock (a Clock event per quantum)
    bool reclaiming = false;     ///< inside reclaim or the OOM killer: no nested reclaim, no kswapd
    /// Pages the current fault holds a reference to (the kernel's folio lock and refcount): reclaim skips them.
    std::array<Pfn, 4> pinned { kNoPfn, kNoPfn, kNoPfn, kNoPfn };
    std::uint32_t forking = 0; ///< the child fork() is building: not yet on the task list, so no OOM candidate
    int spawnNode = 0;         ///< the node a program being spawned runs on (before its process exists)

    struct Pin {
        Vm& v;
        std::size_t slot;
        Pin(Vm& vm, Pfn p) : v(vm), slot(0)
        {
            while (slot < v.pinned.size() && v.pinned[slot] != kNoPfn) ++slot;
            if (slot < v.pinned.size()) v.pinned[slot] = p;
        }
        ~Pin()
        {
            if (slot >= v.pinned.size()) return;
            const Pfn p = v.pinned[slot];
            v.pinned[slot] = kNoPfn;
            // The task died (OOM) while holding the page and nothing maps it any more: release it.
            const Machine& m = v.m;
            if (p != m.zeroPfn && m.frames.state(p) == FrameState::Anon && m.frames.count(p) == 0
                && !(m.pageExt.test(p, PageFlag::SwapCache) && (m.swap.countOf(m.pageExt.swap(p)) & kSwapCountMask)))
                v.freeFrame(p);
        }
    };
    bool isPinned(Pfn p) const
    {
        for (Pfn x : pinned)
            if (x == p) return true;
        return false;
    }

    // ---- time, reclaim, swap and the OOM killer (VmReclaim.cpp) ----------------------
    void spend(std::uint64_t ns);
    void flushClock();
    void sleep(std::uint64_t ns);
    /// Gives kswapd the CPU when it is awake (between page accesses and after a command).
    void schedule();
    /// __alloc_pages() for a process page: fast path at low, kswapd, min, direct reclaim, OOM.
    std::optional<Pfn> allocPage(std::uint32_t pid, ZoneType zone) { return allocPages(pid, 0, zone, -1); }
    /// The same for 2^order pages from node `node`'s zonelist (-1: the process's node). Above
    /// PAGE_ALLOC_COSTLY_ORDER the OOM killer is not called.
    std::optional<Pfn> allocPages(std::uint32_t pid, int order, ZoneType zone, int node);
    bool zonesBalanced(ZoneType highest, Wmark mark) const;
    void wakeKswapd(ZoneType highest);
    void runKswapd();
    std::uint64_t directReclaim(std::uint32_t pid, ZoneType highest);
    std::uint64_t shrinkNode(std::uint32_t pid, bool direct, int priority, std::uint64_t target);
    std::uint64_t shrinkInactive(std::uint32_t pid, bool direct, LruList l, std::uint64_t n, int priority);
    void shrinkActive(std::uint32_t pid, bool direct, LruList l, std::uint64_t n, int priority);
    bool inactiveIsLow(bool file) const;
    /// Calls fn(pid, table, index, va, entry, level) for every page-table entry mapping p (rmap_walk):
    /// PTEs, or the PMDs of a transparent huge page.
    template <class Fn> void forEachMapping(Pfn p, Fn&& fn) const;
    /// folio_referenced(): how many entries mapping p have the Accessed bit; clears them. *exec: a VM_EXEC mapping.
    int referencedPtes(Pfn p, bool* exec);
    void lruMove(Pfn p, LruList from, LruList to, bool referenced);
    bool reclaimPage(Pfn p, bool direct);
    std::uint32_t allocSwapSlot() const;
    bool doSwapPage(std::uint32_t pid, const Vma& v, Pfn table, std::uint64_t idx, std::uint64_t va,
        std::uint32_t entry, bool write, std::uint32_t access);
    /// out_of_memory(): true when memory was freed by killing another task (retry the allocation).
    bool outOfMemory(std::uint32_t pid);
    void dropCaches(std::uint64_t mode);
    void swapOn(const Command& c);
    void setOomScoreAdj(std::uint32_t pid, std::int64_t value);

    std::uint64_t page() const { return a.pageSize(); }
    int levels() const { return static_cast<int>(a.levels.size()); }
    std::uint64_t alignUp(std::uint64_t v) const { return (v + page() - 1) & ~(page() - 1); }
    std::uint64_t alignDown(std::uint64_t v) const { return v & ~(page() - 1); }
    int sizeSz() const { return a.is32bit ? 4 : 8; }
    std::uint64_t minSize() const { return a.is32bit ? 16 : 32; }

    /// Bits of virtual address one entry of `level` covers.
    int spanShift(int level) const
    {
        int s = a.pageShift;
        for (int l = level + 1; l < levels(); ++l) s += a.levels[static_cast<std::size_t>(l)].bits;
        return s;
    }
    std::uint64_t indexAt(std::uint64_t va, int level) const
    {
        return (va >> spanShift(level)) & ((1ull << a.levels[static_cast<std::size_t>(level)].bits) - 1);
    }
    std::uint64_t entryAt(Pfn table, std::uint64_t idx) const { return readEntry(m, table, idx); }

    /// The node whose memory a process's pages come from first.
    int homeNode(std::uint32_t pid) const
    {
        const Process* p = pid ? m.proc(pid) : nullptr;
        return p ? p->node : spawnNode;
    }

    ZoneType userZone() const
    {
        ZoneType t;
        return buddy::resolveHighestZone(m, ZoneType::HighMem, &t) ? ZoneType::Normal : ZoneType::HighMem;
    }

    // ---- frames -------------------------------------------------------------------
    Pfn allocFrame(std::uint32_t pid, FrameState s, std::uint32_t priv, std::uint64_t va = 0)
    {
        auto r = allocPage(pid, s == FrameState::PageTable ? ZoneType::Normal : userZone());
        if (!r) return kNoPfn;
        Event e = ev(EventType::FrameOwner, pid);
        e.pfn = *r;
        e.a = static_cast<std::uint64_t>(s);
        e.b = priv;
        e.c = s == FrameState::Anon ? va >> a.pageShift : 0;
        em.onEvent(e);
        return *r;
    }
    /// Gives a block back to the buddy allocator: a page, a page table, a huge page.
    void freeFrame(Pfn p) { buddy::freePages(m, em, p, m.frames.order(p)); }
    /// A PTE table deposited with the huge PMD whose entry is at physical address `key`.
    Pfn allocDeposit(std::uint32_t pid, std::uint64_t key)
    {
        auto r = allocPage(pid, ZoneType::Normal);
        if (!r) return kNoPfn;
        Event e = ev(EventType::FrameOwner, pid);
        e.pfn = *r;
        e.a = static_cast<std::uint64_t>(FrameState::PageTable);
        e.b = pid;
        e.c = key;
        e.flags = EventFlag::Deposit;
        em.onEvent(e);
        return *r;
    }

    Pfn readIntoCache(std::uint32_t pid, std::uint32_t file, std::uint64_t idx)
    {
        auto r = allocPage(pid, userZone());
        if (!r) return kNoPfn;
        Event e = ev(EventType::PageCacheAdd, pid);
        e.pfn = *r;
        e.a = file;
        e.b = idx;
        em.onEvent(e);
        return *r;
    }

    // ---- page tables ----------------------------------------------------------------
    void setEntry(std::uint32_t pid, Pfn table, int level, std::uint64_t idx, std::uint64_t value)
    {
        Event e = ev(EventType::PteSet, pid);
        e.pfn = table;
        e.order = static_cast<std::uint8_t>(level);
        e.a = idx;
        e.c = entryAt(table, idx);
        e.b = value;
        em.onEvent(e);
    }

    /// The table of `level` for va, allocating missing levels above it (kNoPfn when
    /// memory ran out, or when a huge page maps va above that level).
    Pfn ensureTablesTo(std::uint32_t pid, std::uint64_t va, int level)
    {
        Pfn table = m.proc(pid)->mm.pgd;
        for (int l = 0; l < level; ++l) {
            const std::uint64_t idx = indexAt(va, l);
            const std::uint64_t e = entryAt(table, idx);
            if (fmt.present(e)) {
                if (l > 0 && (fmt.flags(e) & PteFlag::Huge)) return kNoPfn;
                table = fmt.pfn(e);
                continue;
            }
            const Pfn t = allocFrame(pid, FrameState::PageTable, pid);
            if (t == kNoPfn) return kNoPfn;
            setEntry(
                pid, table, l, idx, fmt.make(t, PteFlag::Present | PteFlag::Write | PteFlag::User | PteFlag::Accessed));
            table = t;
        }
        return table;
    }
    /// The leaf table for va, allocating missing levels (kNoPfn when memory ran out).
    Pfn ensureTables(std::uint32_t pid, std::uint64_t va) { return ensureTablesTo(pid, va, levels() - 1); }
    /// The table of `level` for va if every level above it is present (and no huge page maps va).
    Pfn tableAt(Pfn root, std::uint64_t va, int level) const
    {
        if (root == kNoPfn) return kNoPfn;
        Pfn table = root;
        for (int l = 0; l < level; ++l) {
            const std::uint64_t e = entryAt(table, indexAt(va, l));
            if (!fmt.present(e) || (l > 0 && (fmt.flags(e) & PteFlag::Huge))) return kNoPfn;
            table = fmt.pfn(e);
        }
        return table;
    }
    /// The leaf table for va if every upper level is present.
    Pfn leafTable(Pfn root, std::uint64_t va) const { return tableAt(root, va, levels() - 1); }

    // ---- huge pages (mm/huge_memory.c, mm/hugetlb.c) ----------------------------------
    /// PMD-sized pages exist: x86 with PAE, 4- or 5-level paging (not 2-level x86-32,
    /// whose 4 MiB pages memviz does not simulate, nor textbook machines).
    bool hugeArch() const { return !a.custom && levels() >= 3 && fmt.hugeBit >= 0; }
    int pmdLevel() const { return levels() - 2; }
    int hugeOrder() const { return a.levels.back().bits; } ///< HPAGE_PMD_ORDER
    int hugeShift() const { return a.pageShift + hugeOrder(); }
    std::uint64_t hugeSize() const { return 1ull << hugeShift(); }
    bool isHugeEntry(std::uint64_t e) const { return fmt.present(e) && (fmt.flags(e) & PteFlag::Huge); }
    bool isHugetlbPage(Pfn p) const
    {
        return p < m.frames.size() && m.frames.state(p) == FrameState::Kernel && m.frames.priv(p) == kHugetlbPriv;
    }
    bool isThp(Pfn p) const
    {
        return p < m.frames.size() && m.frames.state(p) == FrameState::Anon && m.frames.order(p) > 0;
    }
    /// Physical address of entry idx of `table`: the key of a deposited table.
    std::uint64_t entryKey(Pfn table, std::uint64_t idx) const
    {
        return table * page() + idx * static_cast<std::uint64_t>(fmt.bytes);
    }

    /// Where the translation of va ends: a PTE, or a huge PMD.
    struct Leaf {
        Pfn table = kNoPfn;
        std::uint64_t index = 0;
        std::uint64_t entry = 0;
        bool present = false;
        int level = 0;
        bool huge = false;
    };
    Leaf findLeaf(Pfn root, std::uint64_t va) const
    {
        Leaf r;
        if (root == kNoPfn) return r;
        Pfn table = root;
        for (int l = 0; l < levels(); ++l) {
            const std::uint64_t idx = indexAt(va, l);
            const std::uint64_t e = entryAt(table, idx);
            const bool huge = l > 0 && l + 1 < levels() && isHugeEntry(e);
            if (l + 1 == levels() || huge) {
                r = Leaf { table, idx, e, fmt.present(e), l, huge };
                return r;
            }
            if (!fmt.present(e)) return r;
            table = fmt.pfn(e);
        }
        return r;
    }

    struct HugeMap {
        Pfn table;          ///< the PMD table
        std::uint64_t idx;  ///< the entry
        std::uint64_t va;   ///< the first address it maps
        std::uint64_t entry;
    };
    /// Every huge PMD under `root` whose 2 MiB overlaps [start, end).
    std::vector<HugeMap> hugeMaps(Pfn root, std::uint64_t start, std::uint64_t end) const
    {
        std::vector<HugeMap> out;
        if (hugeArch() && root != kNoPfn) collectHuge(root, 0, 0, start, end, out);
        return out;
    }
    void collectHuge(Pfn table, int level, std::uint64_t base, std::uint64_t start, std::uint64_t end,
        std::vector<HugeMap>& out) const
    {
        const int sh = spanShift(level);
        const std::uint64_t n = 1ull << a.levels[static_cast<std::size_t>(level)].bits;
        for (std::uint64_t i = start > base ? (start - base) >> sh : 0; i < n; ++i) {
            const std::uint64_t va = base + (i << sh);
            if (va >= end) break;
            const std::uint64_t e = entryAt(table, i);
            if (!fmt.present(e)) continue;
            if (level == pmdLevel()) {
                if (fmt.flags(e) & PteFlag::Huge) out.push_back({ table, i, va, e });
                continue;
            }
            collectHuge(fmt.pfn(e), level + 1, va, start, end, out);
        }
    }

    std::uint32_t leafFlags(const Vma& v, bool writable, bool dirty) const
    {
        std::uint32_t f = PteFlag::Present | PteFlag::User | PteFlag::Accessed;
        if (writable) f |= PteFlag::Write;
        if (dirty) f |= PteFlag::Dirty;
        if (!(v.prot & Prot::Exec)) f |= PteFlag::NoExec;
        return f;
    }
    std::uint32_t hugeFlags(const Vma& v, bool writable, bool dirty) const
    {
        return leafFlags(v, writable, dirty) | PteFlag::Huge;
    }

    /// Visits every present leaf entry of [start, end) under `table` (level `level`, covering from `base`).
    /// With `withSwap`, leaf entries holding a swap entry are visited too.
    template <class Fn>
    void forEachLeaf(Pfn table, int level, std::uint64_t base, std::uint64_t start, std::uint64_t end, Fn&& fn,
        bool withSwap = false) const
    {
        const int sh = spanShift(level);
        const std::uint64_t n = 1ull << a.levels[static_cast<std::size_t>(level)].bits;
        const std::uint64_t span = 1ull << sh;
        std::uint64_t first = start > base ? (start - base) >> sh : 0;
        for (std::uint64_t i = first; i < n; ++i) {
            const std::uint64_t va = base + i * span;
            if (va >= end) break;
            const std::uint64_t e = entryAt(table, i);
            const bool leaf = level + 1 == levels();
            if (!fmt.present(e) && !(leaf && withSwap && e)) continue;
            if (!leaf && (fmt.flags(e) & PteFlag::Huge)) continue; // a huge page: no PTEs below (see hugeMaps)
            if (leaf)
                fn(table, i, va, e);
            else
                forEachLeaf(fmt.pfn(e), level + 1, va, start, end, fn, withSwap);
        }
    }

    // ---- the TLB ------------------------------------------------------------------
    std::uint64_t tlbSet(std::uint64_t vpn) const { return vpn % static_cast<std::uint64_t>(m.tlb.sets); }
    std::uint64_t hugeTlbSet(std::uint64_t va) const
    {
        return (va >> hugeShift()) % static_cast<std::uint64_t>(m.tlb.hugeSets);
    }
    int tlbFind(std::uint64_t vpn) const { return vm::tlbFind(m, vpn << a.pageShift); }
    /// The MMU looks va up in the 4 KiB TLB and the huge-page TLB at once.
    struct TlbHit {
        int way = -1;
        bool huge = false;
        std::uint64_t set = 0;
    };
    TlbHit tlbLookup(std::uint64_t va) const
    {
        TlbHit h;
        h.set = tlbSet(va >> a.pageShift);
        h.way = vm::tlbFind(m, va);
        if (h.way >= 0 || !hugeArch()) return h;
        const int w = vm::tlbFindHuge(m, va);
        if (w >= 0) h = TlbHit { w, true, hugeTlbSet(va) };
        return h;
    }
    const TlbEntry& tlbEntry(const TlbHit& h) const
    {
        const auto& arr = h.huge ? m.tlb.huge : m.tlb.small;
        const int ways = h.huge ? m.tlb.hugeWays : m.tlb.ways;
        return arr[static_cast<std::size_t>(h.set * static_cast<std::uint64_t>(ways) + static_cast<std::uint64_t>(h.way))];
    }
    int tlbVictim(std::uint64_t set, bool huge = false) const
    {
        const auto& arr = huge ? m.tlb.huge : m.tlb.small;
        const int ways = huge ? m.tlb.hugeWays : m.tlb.ways;
        const auto base = static_cast<std::size_t>(set * static_cast<std::uint64_t>(ways));
        for (int w = 0; w < ways; ++w)
            if (!(arr[base + static_cast<std::size_t>(w)].flags & TlbFlag::Valid)) return w;
        if (m.tlb.policy == TlbPolicy::Random)
            return static_cast<int>(
                mix(m.config.seed ^ (m.tlb.fills * 0x9e37u)) % static_cast<std::uint64_t>(ways));
        int best = 0;
        for (int w = 1; w < ways; ++w)
            if (arr[base + static_cast<std::size_t>(w)].stamp < arr[base + static_cast<std::size_t>(best)].stamp)
                best = w;
        return best;
    }
    /// Loads the translation of va from `entry` (a PTE, or a huge PMD into the huge-page TLB).
    void tlbFill(std::uint32_t pid, std::uint64_t va, std::uint64_t entry, bool retry, bool huge = false)
    {
        Event e = ev(EventType::TlbFill, pid);
        e.pfn = fmt.pfn(entry);
        if (huge) {
            const std::uint64_t set = hugeTlbSet(va);
            const int existing = vm::tlbFindHuge(m, va);
            e.a = va & ~(hugeSize() - 1);
            e.b = set;
            e.c = static_cast<std::uint64_t>(existing >= 0 ? existing : tlbVictim(set, true));
        } else {
            const std::uint64_t vpn = va >> a.pageShift;
            const std::uint64_t set = tlbSet(vpn);
            const int existing = tlbFind(vpn);
            e.a = va & ~(page() - 1);
            e.b = set;
            e.c = static_cast<std::uint64_t>(existing >= 0 ? existing : tlbVictim(set));
        }
        const std::uint32_t f = fmt.flags(entry);
        e.order = static_cast<std::uint8_t>(((f & PteFlag::Write) ? TlbFlag::Write : 0)
            | ((f & PteFlag::User) ? TlbFlag::User : 0) | ((f & PteFlag::Dirty) ? TlbFlag::Dirty : 0)
            | (huge ? TlbFlag::Huge : 0));
        e.flags = (retry ? EventFlag::Retry : 0) | (huge ? EventFlag::Huge : 0);
        em.onEvent(e);
    }
    void tlbFlush(std::uint32_t pid, TlbFlushKind kind, std::uint64_t va = 0, std::uint64_t pcid = 0)
    {
        Event e = ev(EventType::TlbFlush, pid);
        e.flags = static_cast<std::uint32_t>(kind) << EventFlag::FlushKindShift;
        e.a = va;
        e.c = pcid;
        std::uint64_t n = 0;
        for (const auto* arr : { &m.tlb.small, &m.tlb.huge })
            for (const TlbEntry& t : *arr)
                if ((t.flags & TlbFlag::Valid) && !(t.flags & TlbFlag::Global)) {
                    const bool huge = t.flags & TlbFlag::Huge;
                    switch (kind) {
                    case TlbFlushKind::All:
                    case TlbFlushKind::NonGlobal:
                        ++n;
                        break;
                    case TlbFlushKind::Asid:
                        n += t.pcid == pcid;
                        break;
                    case TlbFlushKind::Page:
                        n += t.pid == pid && t.vpn == (va >> (huge ? hugeShift() : a.pageShift));
                        break;
                    case TlbFlushKind::Mm:
                        n += t.pid == pid;
                        break;
                    }
                }
        e.b = n; // entries invalidated (for the narration)
        em.onEvent(e);
    }

    /// __vm_enough_memory(): may `pages` more be committed? Emits CommitRefused when not.
    bool enoughMemory(std::uint32_t pid, std::uint64_t pages)
    {
        const Sysctls& s = m.config.sysctl;
        const std::uint64_t committed = committedPages(m);
        std::uint64_t allowed = 0;
        bool ok = true;
        if (s.overcommitMemory == 0) { // OVERCOMMIT_GUESS: only a request larger than RAM + swap fails
            allowed = m.totalramPages() + m.swap.totalPages();
            ok = pages <= allowed;
        } else if (s.overcommitMemory == 2) { // OVERCOMMIT_NEVER
            // The admin and user reserves, min(free/32, 8 MiB) and min(free/32, 128 MiB) at boot;
            // memviz takes free pages now.
            const std::uint64_t free32 = m.freePages() / 32;
            const std::uint64_t adminReserve = std::min<std::uint64_t>(free32, (8ull << 20) / page());
            const std::uint64_t userReserve = std::min<std::uint64_t>(free32, (128ull << 20) / page());
            const Process* p = m.proc(pid);
            const std::uint64_t totalVm = p ? p->mm.totalVmPages(a.pageShift) : 0;
            const std::uint64_t limit = commitLimitPages(m);
            const std::uint64_t reserve = adminReserve + std::min(totalVm / 32, userReserve);
            allowed = limit > reserve ? limit - reserve : 0;
            ok = committed + pages < allowed;
        }
        if (ok) return true;
        Event e = ev(EventType::CommitRefused, pid);
        e.a = pages;
        e.b = committed;
        e.c = allowed;
        e.order = static_cast<std::uint8_t>(s.overcommitMemory);
        em.onEvent(e);
        return false;
    }

    void switchTo(std::uint32_t pid)
    {
        if (m.cpu.current == pid) return;
        const Process* p = m.proc(pid);
        Event e = ev(EventType::ContextSwitch, pid);
        e.a = m.cpu.current;
        e.b = p->mm.pgd;
        if (m.tlb.pcid) {
            int slot = -1;
            for (std::size_t i = 0; i < m.cpu.asidPid.size(); ++i)
                if (m.cpu.asidPid[i] == pid) slot = static_cast<int>(i);
            if (slot >= 0) {
                e.c = static_cast<std::uint64_t>(slot + 1); // CR3_NOFLUSH: this mm's entries are still good
                em.onEvent(e);
                return;
            }
            e.c = m.cpu.nextAsid + 1u;
            e.flags = EventFlag::Flushed;
            em.onEvent(e);
            tlbFlush(pid, TlbFlushKind::Asid, 0, e.c);
            return;
        }
        e.flags = EventFlag::Flushed;
        em.onEvent(e);
        tlbFlush(pid, TlbFlushKind::NonGlobal);
    }

    // ---- walks ----------------------------------------------------------------------
    /// The MMU's walk, one WalkStep per level; it ends early at a huge PMD (PS bit).
    Leaf walkShown(std::uint32_t pid, Pfn root, std::uint64_t va)
    {
        Leaf r;
        Pfn table = root;
        for (int l = 0; l < levels(); ++l) {
            const std::uint64_t idx = indexAt(va, l);
            const std::uint64_t e = entryAt(table, idx);
            const bool last = l + 1 == levels();
            const bool huge = !last && l > 0 && isHugeEntry(e);
            Event s = ev(EventType::WalkStep, pid);
            s.order = static_cast<std::uint8_t>(l);
            s.pfn = table;
            s.a = idx;
            s.b = table * page() + idx * static_cast<std::uint64_t>(fmt.bytes);
            s.c = e;
            s.flags = (fmt.present(e) ? EventFlag::Valid : 0) | (last || huge ? EventFlag::Leaf : 0)
                | (huge ? EventFlag::Huge : 0);
            em.onEvent(s);
            if (!fmt.present(e)) return r;
            if (last || huge) return Leaf { table, idx, e, true, l, huge };
            table = fmt.pfn(e);
        }
        return r;
    }

    // ---- faults ---------------------------------------------------------------------
    void fault(std::uint32_t pid, std::uint64_t va, FaultKind k, std::uint32_t access)
    {
        // What the fault costs on the clock (memviz's figures: a minor fault about a
        // microsecond, a read from disk or swap 100 µs; see Help > What memviz simplifies).
        spend((access & AccessFlag::Major) || k == FaultKind::FileMajor ? kMajorFaultNs : kMinorFaultNs);
        Event e = ev(EventType::PageFault, pid);
        e.a = va;
        e.order = static_cast<std::uint8_t>(k);
        e.flags = access;
        em.onEvent(e);
    }

    void faultAround(std::uint32_t pid, const Vma& v, Pfn table, std::uint64_t va)
    {
        const std::uint64_t win = std::max<std::uint64_t>(kFaultAroundBytes, page());
        const std::uint64_t pmdSpan = 1ull << spanShift(levels() - 2);
        std::uint64_t from = std::max({ v.start, va & ~(win - 1), va & ~(pmdSpan - 1) });
        const std::uint64_t to = std::min({ v.end, (va & ~(win - 1)) + win, (va & ~(pmdSpan - 1)) + pmdSpan });
        const File& f = m.files[v.file];
        for (std::uint64_t x = from; x < to; x += page()) {
            if (x == (va & ~(page() - 1))) continue;
            const std::uint64_t idx = indexAt(x, levels() - 1);
            if (fmt.present(entryAt(table, idx))) continue;
            auto it = f.cache.find(v.pgoff + ((x - v.start) >> a.pageShift));
            if (it == f.cache.end()) continue;
            // Mapped old and read-only: a later write still faults (write-notify / COW).
            std::uint32_t fl = leafFlags(v, false, false) & ~PteFlag::Accessed;
            setEntry(pid, table, levels() - 1, idx, fmt.make(it->second, fl));
        }
    }

    /// do_user_addr_fault() → handle_mm_fault(). False when the process died.
    bool handleFault(std::uint32_t pid, std::uint64_t va, bool write, bool present)
    {
        const std::uint32_t access
            = (write ? AccessFlag::Write : 0) | AccessFlag::User | (present ? AccessFlag::Present : 0);
        const Process* p = m.proc(pid);
        const Vma* vp = p->mm.find(va);
        const bool permitted = vp && !(vp->flags & VmaFlag::Special)
            && (write ? (vp->prot & Prot::Write) : (vp->prot & (Prot::Read | Prot::Write | Prot::Exec)));
        if (!permitted) {
            fault(pid, va, FaultKind::Segv, access);
            kill(pid, 11);
            return false;
        }
        const Vma v = *vp;
        bool announced = false; // the PageFault event is out already (a THP fault that fell back)
        if (hugeArch()) {
            const Pfn pmdTable = ensureTablesTo(pid, va, pmdLevel());
            if (pmdTable == kNoPfn) return oom(pid, va, access);
            const std::uint64_t pidx = indexAt(va, pmdLevel());
            if (v.hugetlb()) return hugetlbFault(pid, v, pmdTable, pidx, va, write, access);
            const std::uint64_t pmd = entryAt(pmdTable, pidx);
            if (isHugeEntry(pmd)) {
                if (!write || (fmt.flags(pmd) & PteFlag::Write)) return true; // spurious
                // do_huge_pmd_wp_page(): the only mapping reuses the huge page in place;
                // a shared one is split (__split_huge_pmd) and the 4 KiB page is copied below.
                const Pfn head = fmt.pfn(pmd);
                if (m.frames.count(head) == 1) {
                    fault(pid, va, FaultKind::CowReuse, access);
                    tlbFlush(pid, TlbFlushKind::Page, va & ~(hugeSize() - 1));
                    setEntry(pid, pmdTable, pmdLevel(), pidx, fmt.make(head, hugeFlags(v, true, true)));
                    return true;
                }
                splitHugeFolio(pid, head);
            } else if (!fmt.present(pmd) && write && thpAllowed(v, va)) {
                // A read fault keeps mapping the 4 KiB zero page below (the kernel would map
                // its huge zero page here; memviz has none).
                const int r = hugeAnonFault(pid, v, pmdTable, pidx, va, access);
                if (r > 0) return true;
                if (r < 0) return false;
                announced = true;
            }
        }
        const Pfn table = ensureTables(pid, va);
        if (table == kNoPfn) return oom(pid, va, access);
        const std::uint64_t idx = indexAt(va, levels() - 1);
        const std::uint64_t e = entryAt(table, idx);
        const int L = levels() - 1;

        if (!fmt.present(e) && e) {
            if (const std::uint32_t entry = SwapEntry::fromPte(fmt, e))
                return doSwapPage(pid, v, table, idx, va, entry, write, access);
        }
        if (!fmt.present(e)) {
            if (v.anon()) {
                if (!write) {
                    fault(pid, va, FaultKind::ZeroPage, access);
                    setEntry(pid, table, L, idx, fmt.make(m.zeroPfn, leafFlags(v, false, false)));
                    return true;
                }
                if (!announced) fault(pid, va, FaultKind::Anon, access);
                const Pfn f = allocFrame(pid, FrameState::Anon, pid, va);
                if (f == kNoPfn) return oom(pid, va, access);
                setEntry(pid, table, L, idx, fmt.make(f, leafFlags(v, true, true)));
                return true;
            }
            const std::uint64_t fidx = v.pgoff + ((va - v.start) >> a.pageShift);
            const File& file = m.files[v.file];
            auto it = file.cache.find(fidx);
            const bool major = it == file.cache.end();
            if (write && !v.shared()) { // do_cow_fault: copy the file page into a private one
                fault(pid, va, FaultKind::CowCopy, access | (major ? AccessFlag::Major : 0));
                const Pfn src = major ? readIntoCache(pid, v.file, fidx) : it->second;
                if (src == kNoPfn) return oom(pid, va, access);
                const Pin pin(*this, src);
                const Pfn f = allocFrame(pid, FrameState::Anon, pid, va);
                if (f == kNoPfn) return oom(pid, va, access);
                cowCopy(pid, va, src, f, false);
                setEntry(pid, table, L, idx, fmt.make(f, leafFlags(v, true, true)));
                return true;
            }
            fault(pid, va, major ? FaultKind::FileMajor : FaultKind::FileMinor, access);
            const Pfn src = major ? readIntoCache(pid, v.file, fidx) : it->second;
            if (src == kNoPfn) return oom(pid, va, access);
            setEntry(pid, table, L, idx, fmt.make(src, leafFlags(v, write, write)));
            if (!write) faultAround(pid, v, table, va);
            return true;
        }

        if (write && !(fmt.flags(e) & PteFlag::Write)) {
            const Pfn old = fmt.pfn(e);
            // (A shared anonymous mapping read before: the zero page is copied like a private one.)
            if (v.shared() && old != m.zeroPfn) { // wp_page_shared: the file page becomes writable and dirty
                fault(pid, va, FaultKind::FileMinor, access);
                tlbFlush(pid, TlbFlushKind::Page, va & ~(page() - 1));
                setEntry(pid, table, L, idx, fmt.make(old, leafFlags(v, true, true)));
                return true;
            }
            const bool swapShared = old != m.zeroPfn && m.pageExt.test(old, PageFlag::SwapCache)
                && m.swap.countOf(m.pageExt.swap(old)) & kSwapCountMask;
            if (old != m.zeroPfn && m.frames.state(old) == FrameState::Anon && m.frames.count(old) == 1 && !swapShared) {
                if (m.pageExt.test(old, PageFlag::SwapCache)) { // folio_free_swap(): the swap copy is stale from now on
                    Event d = ev(EventType::SwapCacheDel, pid);
                    d.pfn = old;
                    d.a = m.pageExt.swap(old);
                    em.onEvent(d);
                }
                fault(pid, va, FaultKind::CowReuse, access); // wp_page_reuse: the only reference
                tlbFlush(pid, TlbFlushKind::Page, va & ~(page() - 1));
                setEntry(pid, table, L, idx, fmt.make(old, leafFlags(v, true, true)));
                return true;
            }
            fault(pid, va, FaultKind::CowCopy, access); // wp_page_copy
            const Pin pin(*this, old);
            const Pfn f = allocFrame(pid, FrameState::Anon, pid, va);
            if (f == kNoPfn) return oom(pid, va, access);
            cowCopy(pid, va, old, f, old == m.zeroPfn);
            tlbFlush(pid, TlbFlushKind::Page, va & ~(page() - 1)); // ptep_clear_flush
            setEntry(pid, table, L, idx, fmt.make(f, leafFlags(v, true, true)));
            if (old != m.zeroPfn && m.frames.state(old) == FrameState::Anon && m.frames.count(old) == 0) freeFrame(old);
            return true;
        }
        return true; // spurious: another path already fixed the entry
    }

    /// thp_vma_allowable_order(): may a fault at va in v take a PMD-sized page?
    bool thpAllowed(const Vma& v, std::uint64_t va) const
    {
        if (!hugeArch() || !v.anon() || v.shared() || (v.flags & (VmaFlag::Special | VmaFlag::Hugetlb | VmaFlag::NoHugePage)))
            return false;
        switch (m.config.sysctl.thp) {
        case ThpMode::Always: break;
        case ThpMode::Madvise:
            if (!(v.flags & VmaFlag::HugePage)) return false;
            break;
        case ThpMode::Never: return false;
        }
        const std::uint64_t haddr = va & ~(hugeSize() - 1);
        return haddr >= v.start && haddr + hugeSize() <= v.end;
    }

    /// do_huge_pmd_anonymous_page() for a write fault: 1 mapped a huge page, 0 fell back
    /// to 4 KiB (the PageFault event is out), -1 the process died.
    int hugeAnonFault(std::uint32_t pid, const Vma& v, Pfn pmdTable, std::uint64_t pidx, std::uint64_t va,
        std::uint32_t access)
    {
        const std::uint64_t haddr = va & ~(hugeSize() - 1);
        fault(pid, va, FaultKind::Anon, access);
        // vma_alloc_anon_folio_pmd(): GFP_TRANSHUGE_LIGHT as with defrag "madvise" for a VMA
        // without MADV_HUGEPAGE: the free lists at the low watermark, no reclaim, no compaction.
        ZoneType t;
        std::optional<Pfn> block;
        if (!buddy::resolveHighestZone(m, userZone(), &t))
            block = buddy::getPageFromFreelist(m, em, hugeOrder(), t, Wmark::Low, homeNode(pid));
        Event tf = ev(EventType::ThpFault, pid);
        tf.a = va;
        if (!block) {
            em.onEvent(tf); // thp_fault_fallback
            return 0;
        }
        const Pfn head = *block;
        tf.pfn = head;
        tf.flags = EventFlag::Ok;
        em.onEvent(tf);
        Event o = ev(EventType::FrameOwner, pid);
        o.pfn = head;
        o.a = static_cast<std::uint64_t>(FrameState::Anon);
        o.b = pid;
        o.c = haddr >> a.pageShift;
        em.onEvent(o);
        spend(kClearHugeNs);
        // The PTE table a later split will need is allocated now and deposited with the
        // PMD (pgtable_trans_huge_deposit), so splitting never allocates.
        const Pin pin(*this, head);
        const Pfn deposit = allocDeposit(pid, entryKey(pmdTable, pidx));
        if (deposit == kNoPfn) {
            oom(pid, va, access);
            return -1;
        }
        if (!m.proc(pid)->alive()) return -1;
        setEntry(pid, pmdTable, pmdLevel(), pidx, fmt.make(head, hugeFlags(v, true, true)));
        return 1;
    }

    /// split_huge_page() with __split_huge_pmd() of every PMD mapping it: the folio becomes
    /// 512 order-0 pages and each huge PMD a PTE table (its deposited one) of 512 entries.
    void splitHugeFolio(std::uint32_t pid, Pfn head)
    {
        const std::uint64_t haddr = m.pageExt.index(head) << a.pageShift;
        struct Map {
            std::uint32_t pid;
            Pfn table;
            std::uint64_t idx;
            std::uint64_t entry;
        };
        std::vector<Map> maps;
        const std::uint64_t pidx = indexAt(haddr, pmdLevel());
        for (const auto& [p, pr] : m.procs) {
            if (!pr.alive()) continue;
            const Pfn t = tableAt(pr.mm.pgd, haddr, pmdLevel());
            if (t == kNoPfn) continue;
            const std::uint64_t e = entryAt(t, pidx);
            if (isHugeEntry(e) && fmt.pfn(e) == head) maps.push_back({ p, t, pidx, e });
        }
        Event s = ev(EventType::ThpSplit, pid);
        s.pfn = head;
        s.order = static_cast<std::uint8_t>(m.frames.order(head));
        s.a = haddr;
        em.onEvent(s);
        const Pfn n = Pfn(1) << hugeOrder();
        for (const Map& mp : maps) {
            const auto& dep = m.proc(mp.pid)->mm.deposited;
            auto it = dep.find(entryKey(mp.table, mp.idx));
            if (it == dep.end()) continue; // cannot happen: every THP mapping has its deposit
            const Pfn pt = it->second;
            // The PMD points at the table first, then the table is filled: RSS moves from the
            // huge mapping to the 512 PTEs without ever counting both.
            tlbFlush(mp.pid, TlbFlushKind::Page, haddr); // pmdp_invalidate()
            setEntry(mp.pid, mp.table, pmdLevel(), mp.idx,
                fmt.make(pt, PteFlag::Present | PteFlag::Write | PteFlag::User | PteFlag::Accessed));
            const std::uint32_t f = fmt.flags(mp.entry) & ~PteFlag::Huge;
            for (Pfn j = 0; j < n; ++j) setEntry(mp.pid, pt, levels() - 1, j, fmt.make(head + j, f));
        }
    }

    /// hugetlb_fault(): no page yet (hugetlb_no_page: one from the pool, its reservation
    /// first), or a write to a write-protected private page (hugetlb_wp: reuse or copy 2 MiB).
    bool hugetlbFault(std::uint32_t pid, const Vma& v, Pfn pmdTable, std::uint64_t pidx, std::uint64_t va, bool write,
        std::uint32_t access)
    {
        const std::uint64_t e = entryAt(pmdTable, pidx);
        const std::uint64_t haddr = va & ~(hugeSize() - 1);
        const HugetlbPool& h = m.vmc.hugetlb;
        const bool reserved = m.proc(pid)->mm.hugetlbResv > 0;
        auto take = [&](bool useReserve) -> Pfn {
            // alloc_hugetlb_folio(): a reservation always finds its page; otherwise only a
            // page nobody reserved will do.
            if ((!useReserve && h.free <= h.resv) || h.freeList.empty()) return kNoPfn;
            const Pfn p = h.freeList.back();
            Event d = ev(EventType::HugetlbPool, pid);
            d.order = static_cast<std::uint8_t>(HugetlbOp::Dequeue);
            d.pfn = p;
            d.flags = useReserve ? EventFlag::Ok : 0;
            em.onEvent(d);
            spend(kClearHugeNs);
            return p;
        };
        auto sigbus = [&]() {
            fault(pid, va, FaultKind::Oom, access); // VM_FAULT_SIGBUS
            Event n = ev(EventType::HugetlbPool, pid);
            n.order = static_cast<std::uint8_t>(HugetlbOp::NoPage);
            n.a = va;
            em.onEvent(n);
            kill(pid, 7);
            return false;
        };
        if (!fmt.present(e)) {
            if (!reserved && (h.free <= h.resv || h.freeList.empty())) return sigbus();
            fault(pid, va, FaultKind::Anon, access);
            const Pfn p = take(reserved);
            // A private page is writable at once only for a write fault; a later write to a
            // read-faulted page finds it exclusive and reuses it.
            const bool writable = (v.prot & Prot::Write) && (write || v.shared());
            setEntry(pid, pmdTable, pmdLevel(), pidx, fmt.make(p, hugeFlags(v, writable, writable && write)));
            return true;
        }
        if (!write || (fmt.flags(e) & PteFlag::Write)) return true; // spurious
        const Pfn old = fmt.pfn(e);
        if (v.shared() || m.frames.count(old) == 1) {
            fault(pid, va, FaultKind::CowReuse, access);
            tlbFlush(pid, TlbFlushKind::Page, haddr);
            setEntry(pid, pmdTable, pmdLevel(), pidx, fmt.make(old, hugeFlags(v, true, true)));
            return true;
        }
        if (h.free <= h.resv || h.freeList.empty()) return sigbus();
        fault(pid, va, FaultKind::CowCopy, access);
        const Pfn p = take(false);
        Event c = ev(EventType::CowCopy, pid);
        c.a = haddr;
        c.pfn = old;
        c.b = p;
        c.flags = EventFlag::Huge; // copy_user_large_folio(): 2 MiB
        em.onEvent(c);
        tlbFlush(pid, TlbFlushKind::Page, haddr);
        setEntry(pid, pmdTable, pmdLevel(), pidx, fmt.make(p, hugeFlags(v, true, true)));
        if (m.frames.count(old) == 0) hugetlbPut(pid, old);
        return true;
    }

    /// free_huge_folio(): the last mapping went. Back on the free list, or to the buddy
    /// allocator when the pool holds surplus pages.
    void hugetlbPut(std::uint32_t pid, Pfn p)
    {
        Event e = ev(EventType::HugetlbPool, pid);
        e.pfn = p;
        if (m.vmc.hugetlb.surplus) {
            e.order = static_cast<std::uint8_t>(HugetlbOp::Release);
            em.onEvent(e);
            freeFrame(p);
            return;
        }
        e.order = static_cast<std::uint8_t>(HugetlbOp::Enqueue);
        em.onEvent(e);
    }

    /// hugetlb_vm_op_close() / region_del: unmapping [start, end) gives back the
    /// reservations of its huge pages that were never faulted.
    void releaseReservations(std::uint32_t pid, std::uint64_t start, std::uint64_t end, bool all = false)
    {
        const Process* p = m.proc(pid);
        if (!p->mm.hugetlbResv) return;
        if (all) {
            Event e = ev(EventType::HugetlbPool, pid);
            e.order = static_cast<std::uint8_t>(HugetlbOp::Unreserve);
            e.a = p->mm.hugetlbResv;
            em.onEvent(e);
            return;
        }
        std::uint64_t empty = 0;
        for (const Vma& v : p->mm.vmas) {
            if (!v.hugetlb() || v.end <= start || v.start >= end) continue;
            for (std::uint64_t va = std::max(v.start, start); va < std::min(v.end, end); va += hugeSize()) {
                const Pfn t = tableAt(p->mm.pgd, va, pmdLevel());
                if (t == kNoPfn || !fmt.present(entryAt(t, indexAt(va, pmdLevel())))) ++empty;
            }
        }
        const std::uint64_t n = std::min(empty, p->mm.hugetlbResv);
        if (!n) return;
        Event e = ev(EventType::HugetlbPool, pid);
        e.order = static_cast<std::uint8_t>(HugetlbOp::Unreserve);
        e.a = n;
        em.onEvent(e);
    }

    /// set_max_huge_pages(): vm.nr_hugepages = n.
    void setHugePool(std::uint64_t n)
    {
        if (!hugeArch()) return;
        const HugetlbPool& h = m.vmc.hugetlb;
        auto event = [&](HugetlbOp op, Pfn pfn, std::uint64_t a) {
            Event e = ev(EventType::HugetlbPool, 0);
            e.order = static_cast<std::uint8_t>(op);
            e.pfn = pfn;
            e.a = a;
            em.onEvent(e);
        };
        if (n > h.total - h.surplus) {
            // Surplus pages become persistent first, then new pages come from the buddy
            // allocator (alloc_pool_huge_folio; memviz: the free lists, no compaction).
            const std::uint64_t k = std::min(h.surplus, n - (h.total - h.surplus));
            if (k) event(HugetlbOp::Surplus, 0, static_cast<std::uint64_t>(-static_cast<std::int64_t>(k)));
            ZoneType t;
            if (buddy::resolveHighestZone(m, userZone(), &t)) return;
            while (h.total - h.surplus < n) {
                auto p = buddy::getPageFromFreelist(m, em, hugeOrder(), t, Wmark::Low);
                if (!p) p = buddy::getPageFromFreelist(m, em, hugeOrder(), t, Wmark::Min);
                if (!p) break;
                event(HugetlbOp::Grow, *p, 0);
            }
            return;
        }
        // Shrinking: free pages go back (keeping what reservations need), pages in use
        // become surplus and leave when they are unmapped.
        const std::uint64_t minCount = std::max(n, h.resv + h.total - h.free);
        while (minCount < h.total - h.surplus && h.free > h.resv && !h.freeList.empty()) {
            const Pfn p = h.freeList.back();
            event(HugetlbOp::Shrink, p, 0);
            freeFrame(p);
        }
        if (n < h.total - h.surplus) event(HugetlbOp::Surplus, 0, h.total - h.surplus - n);
    }

    void cowCopy(std::uint32_t pid, std::uint64_t va, Pfn from, Pfn to, bool zero)
    {
        Event e = ev(EventType::CowCopy, pid);
        e.a = va;
        e.pfn = from;
        e.b = to;
        e.flags = zero ? EventFlag::ZeroFill : 0;
        em.onEvent(e);
    }

    bool oom(std::uint32_t pid, std::uint64_t va, std::uint32_t access)
    {
        const Process* p = m.proc(pid);
        if (!p || !p->alive() || m.panicked) return false; // the OOM killer chose this task, or the kernel panicked
        fault(pid, va, FaultKind::Oom, access);
        kill(pid, 9);
        return false;
    }

    // ---- accesses -------------------------------------------------------------------
    /// One access to va, followed by `repeats` more accesses to the same page.
    bool accessPage(std::uint32_t pid, std::uint64_t va, bool write, std::uint64_t repeats)
    {
        schedule();
        if (m.panicked || !m.proc(pid) || !m.proc(pid)->alive()) return false;
        switchTo(pid);
        spend(kAccessNs * (1 + repeats));
        const TlbHit hit = tlbLookup(va);
        Event look = ev(EventType::TlbLookup, pid);
        look.a = va;
        look.b = hit.set;
        look.flags = write ? AccessFlag::Write : 0;
        if (hit.way >= 0) {
            const TlbEntry& t = tlbEntry(hit);
            look.flags |= EventFlag::Hit | (hit.huge ? EventFlag::Huge : 0);
            look.pfn = static_cast<std::uint64_t>(hit.way);
            if (!write || (t.flags & TlbFlag::Write)) {
                const bool setDirty = write && !(t.flags & TlbFlag::Dirty);
                look.c = repeats;
                em.onEvent(look);
                if (setDirty) { // the first write through a clean entry: the MMU sets the Dirty bit in the PTE (or PMD)
                    const Leaf l = findLeaf(m.proc(pid)->mm.pgd, va);
                    setEntry(pid, l.table, l.level, l.index,
                        fmt.make(fmt.pfn(l.entry), fmt.flags(l.entry) | PteFlag::Dirty | PteFlag::Accessed));
                    tlbFill(pid, va, entryAt(l.table, l.index), false, l.huge);
                }
                return true;
            }
            em.onEvent(look); // the entry forbids the write: #PF with P=1, W=1
            if (!handleFault(pid, va, true, true)) return false;
        } else {
            em.onEvent(look);
            spend(kWalkNs);
            const Process* p = m.proc(pid);
            const Leaf leaf = walkShown(pid, p->mm.pgd, va);
            const std::uint32_t f = leaf.present ? fmt.flags(leaf.entry) : 0;
            const bool ok = leaf.present && (f & PteFlag::User) && (!write || (f & PteFlag::Write));
            if (ok) {
                const std::uint32_t want = PteFlag::Accessed | (write ? PteFlag::Dirty : 0);
                if ((f & want) != want) // the MMU sets Accessed (and Dirty) in the entry
                    setEntry(pid, leaf.table, leaf.level, leaf.index, fmt.make(fmt.pfn(leaf.entry), f | want));
                tlbFill(pid, va, entryAt(leaf.table, leaf.index), false, leaf.huge);
                return hits(pid, va, write, repeats);
            }
            if (!handleFault(pid, va, write, leaf.present)) return false;
        }
        if (!m.proc(pid)->alive()) return false;
        const Leaf l = findLeaf(m.proc(pid)->mm.pgd, va);
        tlbFill(pid, va, l.entry, true, l.huge);
        return hits(pid, va, write, repeats);
    }
    bool hits(std::uint32_t pid, std::uint64_t va, bool write, std::uint64_t repeats)
    {
        if (!repeats) return true;
        const TlbHit hit = tlbLookup(va);
        Event look = ev(EventType::TlbLookup, pid);
        look.a = va;
        look.b = hit.set;
        look.flags = EventFlag::Hit | (hit.huge ? EventFlag::Huge : 0) | (write ? AccessFlag::Write : 0);
        look.pfn = static_cast<std::uint64_t>(std::max(0, hit.way));
        look.c = repeats - 1;
        em.onEvent(look);
        return true;
    }

    void access(const Command& c)
    {
        const std::uint32_t pid = c.pid;
        if (!c.data.empty()) {
            // Store the bytes: one access per page touched, then the bytes land in its frame.
            std::uint64_t i = 0;
            while (i < c.data.size()) {
                const std::uint64_t va = c.addr + i;
                const std::uint64_t inPage = std::min<std::uint64_t>(c.data.size() - i, page() - (va & (page() - 1)));
                if (!accessPage(pid, va, true, 0)) return;
                const WalkResult w = translate(m, pid, va);
                for (std::uint64_t k = 0; k < inPage; k += 8) {
                    const int n = static_cast<int>(std::min<std::uint64_t>(8, inPage - k));
                    std::uint64_t v = 0;
                    for (int b = n - 1; b >= 0; --b)
                        v = (v << 8) | static_cast<std::uint8_t>(c.data[i + k + static_cast<std::uint64_t>(b)]);
                    Event e = ev(EventType::PhysWrite, pid);
                    e.a = w.paddr + k;
                    e.b = v;
                    e.order = static_cast<std::uint8_t>(n);
                    em.onEvent(e);
                }
                i += inPage;
            }
            return;
        }
        const std::uint64_t step = c.step ? c.step : page();
        const std::uint64_t end = c.addr + c.len;
        std::uint64_t va = c.addr;
        while (va < end) {
            // Accesses that stay in this page after the first are TLB hits.
            const std::uint64_t pageEnd = std::min(end, (va | (page() - 1)) + 1);
            const std::uint64_t inPage = (pageEnd - va + step - 1) / step;
            if (!accessPage(pid, va, c.write, inPage - 1)) return;
            va += inPage * step;
            if (va < c.addr) break; // wrapped
        }
    }

    // ---- address space --------------------------------------------------------------
    std::uint64_t findGap(const Mm& mm, std::uint64_t len, std::uint64_t hint) const
    {
        return findGapIn(m, mm, len, hint);
    }

    void mapRegion(std::uint32_t pid, std::uint64_t start, std::uint64_t end, std::uint8_t prot, std::uint8_t flags,
        std::uint32_t file, std::uint64_t pgoff, std::uint32_t name)
    {
        Event e = ev(EventType::MmapRegion, pid);
        e.a = start;
        e.b = end;
        e.order = prot;
        e.flags = flags;
        e.c = std::uint64_t(file) | (std::uint64_t(name) << 32);
        e.pfn = pgoff;
        em.onEvent(e);
    }

    /// Clears the PTEs of [start, end), flushes the TLB, frees anonymous pages nobody maps.
    /// Huge PMDs wholly inside go at once (zap_huge_pmd, with their deposited table); one
    /// the range cuts is split first and its PTEs are cleared with the others.
    void zap(std::uint32_t pid, std::uint64_t start, std::uint64_t end)
    {
        const Process* p = m.proc(pid);
        if (p->mm.pgd == kNoPfn) return;
        std::vector<std::uint64_t> vas;
        std::vector<Pfn> toFree, tablesToFree, hugetlbToPut;
        for (const HugeMap& h : hugeMaps(p->mm.pgd, start, end)) {
            const Pfn f = fmt.pfn(h.entry);
            if (h.va < start || h.va + hugeSize() > end) {
                if (isThp(f)) splitHugeFolio(pid, f); // hugetlb ranges are huge-page aligned (validate)
                continue;
            }
            const auto& dep = m.proc(pid)->mm.deposited;
            const auto it = dep.find(entryKey(h.table, h.idx));
            const Pfn deposit = it == dep.end() ? kNoPfn : it->second;
            setEntry(pid, h.table, pmdLevel(), h.idx, 0);
            vas.push_back(h.va);
            if (deposit != kNoPfn) tablesToFree.push_back(deposit); // zap_deposited_table()
            if (m.frames.count(f) != 0) continue;
            if (isHugetlbPage(f))
                hugetlbToPut.push_back(f);
            else if (isThp(f) && !isPinned(f))
                toFree.push_back(f);
        }
        std::vector<std::pair<Pfn, std::uint64_t>> cleared;
        forEachLeaf(
            p->mm.pgd, 0, 0, start, end,
            [&](Pfn table, std::uint64_t idx, std::uint64_t va, std::uint64_t e) {
                if (va < start) return;
                cleared.emplace_back(table, idx);
                if (fmt.present(e)) vas.push_back(va);
            },
            true);
        for (const auto& [table, idx] : cleared) {
            const std::uint64_t old = entryAt(table, idx);
            setEntry(pid, table, levels() - 1, idx, 0);
            if (!fmt.present(old)) {
                // free_swap_and_cache(): the last reference to a slot whose page sits unmapped in the swap cache frees both.
                const std::uint32_t entry = SwapEntry::fromPte(fmt, old);
                auto it = m.swap.cache.find(entry);
                if (entry && it != m.swap.cache.end() && !(m.swap.countOf(entry) & kSwapCountMask)
                    && m.frames.count(it->second) == 0 && !isPinned(it->second))
                    toFree.push_back(it->second);
                continue;
            }
            const Pfn f = fmt.pfn(old);
            if (f != m.zeroPfn && f < m.frames.size() && m.frames.state(f) == FrameState::Anon
                && m.frames.count(f) == 0 && !isPinned(f))
                toFree.push_back(f);
        }
        if (!vas.empty()) {
            if (vas.size() <= kFlushCeiling)
                for (std::uint64_t va : vas) tlbFlush(pid, TlbFlushKind::Page, va);
            else
                tlbFlush(pid, TlbFlushKind::Mm);
        }
        for (Pfn t : tablesToFree) freeFrame(t);
        for (Pfn f : hugetlbToPut) hugetlbPut(pid, f);
        for (Pfn f : toFree) freeFrame(f);
    }

    /// Frees page tables under `table` whose span no VMA touches any more (free_pgtables).
    /// Returns true when the table itself became empty and may be freed by the caller.
    void pruneTables(
        std::uint32_t pid, Pfn table, int level, std::uint64_t base, std::uint64_t start, std::uint64_t end)
    {
        if (level + 1 >= levels()) return;
        const Mm& mm = m.proc(pid)->mm;
        const int sh = spanShift(level);
        const std::uint64_t n = 1ull << a.levels[static_cast<std::size_t>(level)].bits;
        const std::uint64_t span = 1ull << sh;
        for (std::uint64_t i = start > base ? (start - base) >> sh : 0; i < n; ++i) {
            const std::uint64_t lo = base + i * span;
            if (lo >= end) break;
            const std::uint64_t e = entryAt(table, i);
            if (!fmt.present(e) || (fmt.flags(e) & PteFlag::Huge)) continue; // a huge page is no table
            const std::uint64_t hi = lo + span;
            bool used = false;
            for (const Vma& v : mm.vmas)
                if (v.start < hi && v.end > lo) used = true;
            if (used) {
                pruneTables(pid, fmt.pfn(e), level + 1, lo, start, end);
                continue;
            }
            freeSubtree(pid, fmt.pfn(e), level + 1);
            setEntry(pid, table, level, i, 0);
            freeFrame(fmt.pfn(e));
        }
    }
    void freeSubtree(std::uint32_t pid, Pfn table, int level)
    {
        if (level + 1 >= levels()) return;
        const std::uint64_t n = 1ull << a.levels[static_cast<std::size_t>(level)].bits;
        for (std::uint64_t i = 0; i < n; ++i) {
            const std::uint64_t e = entryAt(table, i);
            if (!fmt.present(e) || (fmt.flags(e) & PteFlag::Huge)) continue;
            freeSubtree(pid, fmt.pfn(e), level + 1);
            setEntry(pid, table, level, i, 0);
            freeFrame(fmt.pfn(e));
        }
    }

    void munmap(std::uint32_t pid, std::uint64_t start, std::uint64_t end)
    {
        releaseReservations(pid, start, end);
        zap(pid, start, end);
        Event e = ev(EventType::MunmapRegion, pid);
        e.a = start;
        e.b = end;
        em.onEvent(e);
        pruneTables(pid, m.proc(pid)->mm.pgd, 0, 0, start, end);
    }

    void kill(std::uint32_t pid, int sig) { teardown(pid, sig, 0); }

    /// exit_mmap(): every mapping goes, then the page tables, then the PGD.
    void teardown(std::uint32_t pid, int sig, std::uint64_t status)
    {
        const Process* p = m.proc(pid);
        if (!p || !p->alive()) return;
        const Pfn pgd = p->mm.pgd;
        releaseReservations(pid, 0, ~0ull, true);
        zap(pid, 0, ~0ull);
        // A table deposited for a huge PMD that was never set (fork ran out of memory).
        std::vector<Pfn> stray;
        for (const auto& [key, t] : m.proc(pid)->mm.deposited) stray.push_back(t);
        for (Pfn t : stray) freeFrame(t);
        if (pgd != kNoPfn) {
            freeSubtree(pid, pgd, 0);
            freeFrame(pgd);
        }
        kmem::freeTask(m, em, pid); // the kernel stack and the task_struct
        Event e = ev(EventType::ProcessExit, pid);
        e.a = static_cast<std::uint64_t>(sig);
        e.b = status;
        em.onEvent(e);
    }

    // ---- processes ------------------------------------------------------------------
    std::uint32_t ensureFile(std::uint32_t pid, const std::string& path, std::uint64_t pages, bool cache)
    {
        std::uint32_t id = m.fileByName(path);
        if (id == kNoFile) {
            id = static_cast<std::uint32_t>(m.files.size());
            Event e = ev(EventType::FileNew, pid);
            e.a = id;
            e.b = pages * page();
            e.c = m.intern(path);
            e.pfn = 1000 + id * 7;
            em.onEvent(e);
            // Shared libraries have been read by every program since boot: their pages
            // are in the page cache already (memviz's assumption, so exec costs no I/O).
            if (cache)
                for (std::uint64_t i = 0; i < pages; ++i)
                    if (readIntoCache(pid, id, i) == kNoPfn) break;
        }
        return id;
    }

    std::uint64_t mapImage(std::uint32_t pid, const ImageFile& img, std::uint64_t base, bool cache)
    {
        const std::uint32_t file = ensureFile(pid, img.path, img.filePages, cache);
        std::uint64_t at = base;
        for (const ImagePart& part : img.parts) {
            const std::uint64_t end = at + part.pages * page();
            if (part.anon)
                mapRegion(pid, at, end, part.prot, 0, kNoFile, 0, 0);
            else
                mapRegion(pid, at, end, part.prot, VmaFlag::Image, file, part.filePage, 0);
            at = end;
        }
        return at;
    }

    std::uint64_t imageBytes(const ImageFile& img) const
    {
        std::uint64_t n = 0;
        for (const ImagePart& p : img.parts) n += p.pages;
        return n * page();
    }

    /// Touches what a starting program touches: headers, some text, its data and relro, the stack.
    void startupTouches(std::uint32_t pid, const ImageFile& img, std::uint64_t base, int textReads)
    {
        std::uint64_t at = base;
        for (const ImagePart& p : img.parts) {
            const std::uint64_t end = at + p.pages * page();
            if (p.anon)
                accessPage(pid, at, true, 0);
            else if (p.prot & Prot::Exec) {
                const std::uint64_t stride
                    = std::max<std::uint64_t>(1, p.pages / static_cast<std::uint64_t>(textReads));
                for (std::uint64_t k = 0; k < p.pages; k += stride) accessPage(pid, at + k * page(), false, 0);
            } else if (p.prot & Prot::Write) {
                for (std::uint64_t x = at; x < end; x += page()) accessPage(pid, x, true, 0);
            } else {
                accessPage(pid, at, false, 0);
            }
            at = end;
        }
    }

    std::uint64_t spawn(const Command& c)
    {
        const std::uint32_t pid = m.nextPid;
        spawnNode = c.node < 0 ? 0 : c.node;
        const Pfn pgd = allocFrame(pid, FrameState::PageTable, pid);
        if (pgd == kNoPfn) return 0;
        Event e = ev(EventType::ProcessNew, pid);
        e.a = 1;
        e.b = m.intern(c.text.substr(0, 15));
        e.c = static_cast<std::uint64_t>(spawnNode);
        e.pfn = pgd;
        em.onEvent(e);
        // The ProcessNew event counted the PGD; the FrameOwner before it could not (no process yet).
        if (!kmem::allocTask(m, em, pid)) { // copy_process(): task_struct and kernel stack
            teardown(pid, 9, 0);
            return 0;
        }
        switchTo(pid);

        const ProcessLayout l = processLayout(m, pid);
        const ImageFile exe = programImage(m, absolutePath(m, c.text));
        mapImage(pid, exe, l.exeBase, true);
        std::uint64_t top = l.mmapBase;
        std::vector<std::pair<ImageFile, std::uint64_t>> libs;
        for (const ImageFile& lib : libraryImages(m)) {
            top -= imageBytes(lib);
            mapImage(pid, lib, top, true);
            libs.emplace_back(lib, top);
        }
        top -= 2 * page(); // ld.so's TLS and link-map area
        mapRegion(pid, top, top + 2 * page(), Prot::Read | Prot::Write, 0, kNoFile, 0, 0);
        mapRegion(
            pid, l.vdsoBase, l.vdsoBase + 4 * page(), Prot::Read, VmaFlag::Special, kNoFile, 0, m.intern("[vvar]"));
        mapRegion(pid, l.vdsoBase + 4 * page(), l.vdsoBase + 6 * page(), Prot::Read | Prot::Exec, VmaFlag::Special,
            kNoFile, 0, m.intern("[vdso]"));
        mapRegion(pid, l.stackTop - 33 * page(), l.stackTop, Prot::Read | Prot::Write, VmaFlag::Stack, kNoFile, 0,
            m.intern("[stack]"));

        // What the loader and libc's start-up touch (argv/envp on the stack, relocations, init code).
        for (std::uint64_t k = 1; k <= 3; ++k) accessPage(pid, l.stackTop - k * page(), true, 0);
        startupTouches(pid, exe, l.exeBase, 1);
        for (const auto& [lib, base] : libs) startupTouches(pid, lib, base, lib.parts[1].pages > 100 ? 8 : 2);
        accessPage(pid, top, true, 0);
        // iostream's stdout buffer: the first small malloc creates the 132 KiB heap.
        const std::uint64_t buf = malloc(pid, 1024);
        if (buf) accessPage(pid, buf, true, 0);
        return pid;
    }

    std::uint64_t fork(std::uint32_t parent)
    {
        // dup_mmap() charges the child's private writable mappings (security_vm_enough_memory_mm).
        std::uint64_t charge = 0;
        for (const Vma& v : m.proc(parent)->mm.vmas)
            if (v.accountable()) charge += v.size() / page();
        if (!enoughMemory(parent, charge)) return 0;
        const std::uint32_t child = m.nextPid;
        spawnNode = m.proc(parent)->node; // the child starts on its parent's node
        const Pfn pgd = allocFrame(child, FrameState::PageTable, child);
        if (pgd == kNoPfn) return 0;
        const Process* pp = m.proc(parent);
        Event e = ev(EventType::ProcessNew, child);
        e.a = parent;
        e.b = pp->comm;
        e.pfn = pgd;
        e.flags = EventFlag::Fork;
        em.onEvent(e);
        if (!kmem::allocTask(m, em, child)) {
            teardown(child, 9, 0);
            return 0;
        }
        // copy_page_range(): private mappings share their pages copy-on-write; shared file
        // mappings are left to fault in again in the child (vma_needs_copy() is false).
        // Every entry copied and every table the child needs costs time on the clock.
        bool protectedAny = false;
        forking = child;
        const std::vector<Vma> vmas = m.proc(parent)->mm.vmas; // reclaim may run while copying
        auto undo = [&]() { // out of memory while forking: the child is undone
            forking = 0;
            teardown(child, 9, 0);
            return std::uint64_t(0);
        };
        auto childTables = [&](std::uint64_t before) {
            const std::uint64_t now = m.proc(child)->mm.ptPages;
            if (now > before) spend((now - before) * kPageTableNs);
        };
        for (const Vma& v : vmas) {
            if (v.flags & VmaFlag::Special) continue;
            if (v.shared() && !v.hugetlb()) continue;
            // copy_huge_pmd() / copy_hugetlb_page_range(): one entry for 2 MiB. A
            // transparent huge page gets a deposited table in the child too; a private
            // page is write-protected in both (shared hugetlb mappings stay writable).
            for (const HugeMap& h : hugeMaps(m.proc(parent)->mm.pgd, v.start, v.end)) {
                if (h.va < v.start || h.va >= v.end) continue;
                // Reclaim may have split it while earlier tables were allocated: then its
                // PTEs are copied below with the others.
                const std::uint64_t now = entryAt(h.table, h.idx);
                if (!isHugeEntry(now)) continue;
                const Pfn f = fmt.pfn(now);
                const Pin pin(*this, f); // and must not split it from here on
                const std::uint64_t before = m.proc(child)->mm.ptPages;
                const Pfn ct = ensureTablesTo(child, h.va, pmdLevel());
                if (ct == kNoPfn || !m.proc(parent)->alive()) return undo();
                const std::uint64_t cidx = indexAt(h.va, pmdLevel());
                if (isThp(f) && allocDeposit(child, entryKey(ct, cidx)) == kNoPfn) return undo();
                if (!m.proc(parent)->alive()) return undo();
                childTables(before);
                spend(kCopyEntryNs);
                const std::uint64_t entry = entryAt(h.table, h.idx);
                std::uint32_t fl = fmt.flags(entry);
                if (!v.shared() && (fl & PteFlag::Write)) {
                    fl &= ~PteFlag::Write;
                    setEntry(parent, h.table, pmdLevel(), h.idx, fmt.make(f, fl));
                    protectedAny = true;
                }
                setEntry(child, ct, pmdLevel(), cidx, fmt.make(f, fl & ~PteFlag::Accessed));
            }
            if (v.hugetlb()) continue;
            std::vector<std::tuple<Pfn, std::uint64_t, std::uint64_t, std::uint64_t>> leaves;
            forEachLeaf(
                m.proc(parent)->mm.pgd, 0, 0, v.start, v.end,
                [&](Pfn table, std::uint64_t idx, std::uint64_t va, std::uint64_t entry) {
                    if (va >= v.start && va < v.end) leaves.emplace_back(table, idx, va, entry);
                },
                true);
            for (const auto& [table, idx, va, leafEntry] : leaves) {
                const std::uint64_t before = m.proc(child)->mm.ptPages;
                const Pfn ct = ensureTables(child, va);
                if (ct == kNoPfn || !m.proc(parent)->alive()) return undo();
                childTables(before);
                // Reclaim may have swapped the page out while the child's tables were allocated.
                const std::uint64_t entry = entryAt(table, idx);
                if (!fmt.present(entry)) { // copy_nonpresent_pte(): swap_duplicate() and copy the swap entry
                    if (entry) {
                        spend(kCopyEntryNs);
                        setEntry(child, ct, levels() - 1, indexAt(va, levels() - 1), entry);
                    }
                    continue;
                }
                spend(kCopyEntryNs);
                std::uint32_t f = fmt.flags(entry);
                if (f & PteFlag::Write) { // COW: write-protect in both
                    f &= ~PteFlag::Write;
                    setEntry(parent, table, levels() - 1, idx, fmt.make(fmt.pfn(entry), f));
                    protectedAny = true;
                }
                setEntry(child, ct, levels() - 1, indexAt(va, levels() - 1),
                    fmt.make(fmt.pfn(entry), f & ~PteFlag::Accessed));
            }
        }
        forking = 0;
        if (protectedAny) tlbFlush(parent, TlbFlushKind::Mm); // flush_tlb_mm() at the end of dup_mmap()
        return child;
    }

    // ---- glibc malloc -----------------------------------------------------------------
    std::uint64_t malloc(std::uint32_t pid, std::uint64_t n)
    {
        const Process* p = m.proc(pid);
        const MallocState& ms = p->malloc;
        const std::uint64_t nb = mallocChunkSize(n, a.is32bit);
        if (nb >= ms.mmapThreshold) {
            const std::uint64_t len = alignUp(nb + static_cast<std::uint64_t>(sizeSz()));
            const std::uint64_t at = findGap(p->mm, len, 0);
            if (!at || !enoughMemory(pid, len / page())) return 0;
            mapRegion(pid, at, at + len, Prot::Read | Prot::Write, 0, kNoFile, 0, 0);
            Event e = ev(EventType::MallocChunk, pid);
            e.a = at + 2 * static_cast<std::uint64_t>(sizeSz());
            e.b = len;
            e.flags = EventFlag::Mmapped;
            em.onEvent(e);
            return e.a;
        }
        for (const auto& [s, size] : ms.freeHeap)
            if (size >= nb) {
                Event e = ev(EventType::MallocChunk, pid);
                e.a = s;
                e.b = size - nb < minSize() ? size : nb;
                const std::uint64_t chunk = s; // applying the event erases the free chunk `s` refers to
                em.onEvent(e);
                return chunk + 2 * static_cast<std::uint64_t>(sizeSz());
            }
        const std::uint64_t topStart = ms.topStart ? ms.topStart : p->mm.startBrk;
        // A program that moved brk below the top chunk itself has no top left.
        const std::uint64_t top = p->mm.brk > topStart ? p->mm.brk - topStart : 0;
        if (top < nb + minSize()) {
            const std::uint64_t grow = alignUp(nb + kTopPad + minSize() - top);
            const std::uint64_t newBrk = std::max(p->mm.brk, topStart) + grow;
            for (const Vma& v : p->mm.vmas)
                if (!(v.flags & VmaFlag::Heap) && v.start < newBrk && v.end > p->mm.brk) return 0;
            if (!enoughMemory(pid, (alignUp(newBrk) - alignUp(p->mm.brk)) / page())) return 0;
            Event b = ev(EventType::BrkSet, pid);
            b.a = p->mm.brk;
            b.b = newBrk;
            em.onEvent(b);
        }
        Event e = ev(EventType::MallocChunk, pid);
        e.a = topStart;
        e.b = nb;
        em.onEvent(e);
        return topStart + 2 * static_cast<std::uint64_t>(sizeSz());
    }

    void free(std::uint32_t pid, std::uint64_t ptr)
    {
        if (!ptr) return;
        const MallocState& ms = m.proc(pid)->malloc;
        if (auto it = ms.mmapped.find(ptr); it != ms.mmapped.end()) {
            const std::uint64_t len = it->second;
            Event e = ev(EventType::MallocChunk, pid);
            e.a = ptr;
            e.b = len;
            e.flags = EventFlag::Mmapped | EventFlag::Free;
            em.onEvent(e);
            const std::uint64_t start = ptr - 2 * static_cast<std::uint64_t>(sizeSz());
            munmap(pid, start, start + len);
            return;
        }
        const std::uint64_t chunk = ptr - 2 * static_cast<std::uint64_t>(sizeSz());
        Event e = ev(EventType::MallocChunk, pid);
        e.a = chunk;
        e.b = ms.live.at(chunk);
        e.flags = EventFlag::Free;
        em.onEvent(e);
        // systrim(): give the top back to the kernel when it grew past the trim threshold.
        const Process* p = m.proc(pid);
        const std::uint64_t top = p->mm.brk > p->malloc.topStart ? p->mm.brk - p->malloc.topStart : 0;
        if (top >= p->malloc.trimThreshold && top > kTopPad + minSize() + 1) {
            const std::uint64_t extra = alignDown(top - kTopPad - minSize() - 1);
            if (extra) {
                const std::uint64_t newBrk = p->mm.brk - extra;
                zap(pid, alignUp(newBrk), alignUp(p->mm.brk));
                Event b = ev(EventType::BrkSet, pid);
                b.a = p->mm.brk;
                b.b = newBrk;
                em.onEvent(b);
                pruneTables(pid, m.proc(pid)->mm.pgd, 0, 0, alignUp(newBrk), alignUp(b.a));
            }
        }
    }

    std::uint64_t brk(std::uint32_t pid, std::uint64_t want)
    {
        const Mm& mm = m.proc(pid)->mm;
        if (want < mm.startBrk) return mm.brk;
        const std::uint64_t oldEnd = alignUp(mm.brk), newEnd = alignUp(want);
        if (newEnd > oldEnd) {
            for (const Vma& v : mm.vmas)
                if (!(v.flags & VmaFlag::Heap) && v.start < newEnd && v.end > oldEnd) return mm.brk; // would overlap
            if (!enoughMemory(pid, (newEnd - oldEnd) / page())) return mm.brk;
        }
        if (newEnd < oldEnd) zap(pid, newEnd, oldEnd);
        Event b = ev(EventType::BrkSet, pid);
        b.a = mm.brk;
        b.b = want;
        em.onEvent(b);
        if (newEnd < oldEnd) pruneTables(pid, m.proc(pid)->mm.pgd, 0, 0, newEnd, oldEnd);
        return want;
    }

    void mprotect(std::uint32_t pid, std::uint64_t start, std::uint64_t end, std::uint8_t prot)
    {
        Event e = ev(EventType::MprotectRegion, pid);
        e.a = start;
        e.b = end;
        e.order = prot;
        em.onEvent(e);
        // change_protection(): entries lose write (or everything, for PROT_NONE) at once.
        const Process* p = m.proc(pid);
        auto newFlags = [&](std::uint32_t f) {
            if (!(prot & Prot::Write) && (f & PteFlag::Write)) f &= ~PteFlag::Write;
            if (prot & Prot::Exec)
                f &= ~PteFlag::NoExec;
            else
                f |= PteFlag::NoExec;
            if (!prot) f &= ~(PteFlag::User);
            return f;
        };
        bool changed = false;
        // change_huge_pmd() for a huge page wholly inside; one the range cuts is split
        // first (vma_adjust_trans_huge); hugetlb ranges are aligned (validate).
        for (const HugeMap& h : hugeMaps(p->mm.pgd, start, end)) {
            const Pfn f = fmt.pfn(h.entry);
            if (h.va < start || h.va + hugeSize() > end) {
                if (isThp(f)) splitHugeFolio(pid, f);
                continue;
            }
            const std::uint64_t ne = fmt.make(f, newFlags(fmt.flags(h.entry)));
            if (ne != h.entry) {
                setEntry(pid, h.table, pmdLevel(), h.idx, ne);
                changed = true;
            }
        }
        std::vector<std::tuple<Pfn, std::uint64_t, std::uint64_t>> leaves;
        forEachLeaf(
            p->mm.pgd, 0, 0, start, end, [&](Pfn table, std::uint64_t idx, std::uint64_t va, std::uint64_t entry) {
                if (va >= start && va < end) leaves.emplace_back(table, idx, entry);
            });
        for (const auto& [table, idx, entry] : leaves) {
            const std::uint64_t ne = fmt.make(fmt.pfn(entry), newFlags(fmt.flags(entry)));
            if (ne != entry) {
                setEntry(pid, table, levels() - 1, idx, ne);
                changed = true;
            }
        }
        if (changed) tlbFlush(pid, TlbFlushKind::Mm);
    }

    /// madvise(): MADV_HUGEPAGE / MADV_NOHUGEPAGE mark the VMAs (hugepage_madvise);
    /// MADV_DONTNEED zaps the pages (the next touch faults in zeros), tables stay.
    void madvise(std::uint32_t pid, std::uint64_t start, std::uint64_t end, std::uint32_t advice)
    {
        // A VMA split inside a transparent huge page splits the page first (vma_adjust_trans_huge).
        if (advice != Madv::DontNeed)
            for (const HugeMap& h : hugeMaps(m.proc(pid)->mm.pgd, start, end))
                if ((h.va < start || h.va + hugeSize() > end) && isThp(fmt.pfn(h.entry))) {
                    const Vma* v = m.proc(pid)->mm.find(h.va);
                    if (v && !(v->flags & (VmaFlag::Hugetlb | VmaFlag::Special))) splitHugeFolio(pid, fmt.pfn(h.entry));
                }
        Event e = ev(EventType::MadviseRegion, pid);
        e.a = start;
        e.b = end;
        e.order = static_cast<std::uint8_t>(advice);
        em.onEvent(e);
        if (advice == Madv::DontNeed) zap(pid, start, end);
    }

    /// mmap(MAP_HUGETLB): the length in huge pages, a huge-page aligned address
    /// (hugetlb_get_unmapped_area), and every page reserved from the pool up front
    /// (hugetlb_reserve_pages): ENOMEM (0) when the pool cannot promise them.
    std::uint64_t mmapHugetlb(const Command& c)
    {
        const std::uint64_t len = (c.len + hugeSize() - 1) & ~(hugeSize() - 1);
        const Mm& mm = m.proc(c.pid)->mm;
        const std::uint64_t at = findGapIn(m, mm, len, (c.addr & (hugeSize() - 1)) ? 0 : c.addr, hugeSize());
        if (!at) return 0;
        const std::uint64_t pages = len / hugeSize();
        const HugetlbPool& h = m.vmc.hugetlb;
        Event r = ev(EventType::HugetlbPool, c.pid);
        r.a = pages;
        if (!hugeArch() || h.resv + pages > h.free) {
            r.order = static_cast<std::uint8_t>(HugetlbOp::NoReserve);
            r.a = len;
            em.onEvent(r);
            return 0;
        }
        r.order = static_cast<std::uint8_t>(HugetlbOp::Reserve);
        em.onEvent(r);
        const bool shared = c.mapFlags & MapFlag::Shared;
        mapRegion(c.pid, at, at + len, c.prot, VmaFlag::Hugetlb | (shared ? VmaFlag::Shared : 0), kNoFile, 0,
            m.intern("/anon_hugepage (deleted)"));
        return at;
    }
};


} // namespace memviz::vm::detail
