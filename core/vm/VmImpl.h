#pragma once
// Internal to vm/: the class that makes the virtual-memory decisions (faults, COW,
// mappings, the TLB, fork and exec, glibc malloc) and, in VmReclaim.cpp, page
// reclaim, swap and the OOM killer. It reads the machine and changes it only by
// emitting events; VmRun.cpp and VmReclaim.cpp define its larger members.

#include "alloc/Buddy.h"
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
inline constexpr std::uint64_t kSwapClusterMax = 32;    ///< SWAP_CLUSTER_MAX
inline constexpr int kDefPriority = 12;                 ///< DEF_PRIORITY
inline constexpr int kMaxReclaimRetries = 16;           ///< MAX_RECLAIM_RETRIES

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
inline std::uint64_t findGapIn(const Machine& m, const Mm& mm, std::uint64_t len, std::uint64_t hint)
{
    const std::uint64_t page = m.config.arch.pageSize();
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
    std::optional<Pfn> allocPage(std::uint32_t pid, ZoneType zone);
    bool zonesBalanced(ZoneType highest, Wmark mark) const;
    void wakeKswapd(ZoneType highest);
    void runKswapd();
    std::uint64_t directReclaim(std::uint32_t pid, ZoneType highest);
    std::uint64_t shrinkNode(std::uint32_t pid, bool direct, int priority, std::uint64_t target);
    std::uint64_t shrinkInactive(std::uint32_t pid, bool direct, LruList l, std::uint64_t n, int priority);
    void shrinkActive(std::uint32_t pid, bool direct, LruList l, std::uint64_t n, int priority);
    bool inactiveIsLow(bool file) const;
    /// Calls fn(pid, table, index, va, pte) for every page-table entry mapping p (rmap_walk).
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
    void freeFrame(Pfn p) { buddy::freePages(m, em, p, 0); }

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

    /// The leaf table for va, allocating missing levels (kNoPfn when memory ran out).
    Pfn ensureTables(std::uint32_t pid, std::uint64_t va)
    {
        Pfn table = m.proc(pid)->mm.pgd;
        for (int l = 0; l + 1 < levels(); ++l) {
            const std::uint64_t idx = indexAt(va, l);
            const std::uint64_t e = entryAt(table, idx);
            if (fmt.present(e)) {
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
    /// The leaf table for va if every upper level is present.
    Pfn leafTable(Pfn root, std::uint64_t va) const
    {
        Pfn table = root;
        for (int l = 0; l + 1 < levels(); ++l) {
            const std::uint64_t e = entryAt(table, indexAt(va, l));
            if (!fmt.present(e)) return kNoPfn;
            table = fmt.pfn(e);
        }
        return table;
    }

    std::uint32_t leafFlags(const Vma& v, bool writable, bool dirty) const
    {
        std::uint32_t f = PteFlag::Present | PteFlag::User | PteFlag::Accessed;
        if (writable) f |= PteFlag::Write;
        if (dirty) f |= PteFlag::Dirty;
        if (!(v.prot & Prot::Exec)) f |= PteFlag::NoExec;
        return f;
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
            if (leaf)
                fn(table, i, va, e);
            else
                forEachLeaf(fmt.pfn(e), level + 1, va, start, end, fn, withSwap);
        }
    }

    // ---- the TLB ------------------------------------------------------------------
    std::uint64_t tlbSet(std::uint64_t vpn) const { return vpn % static_cast<std::uint64_t>(m.tlb.sets); }
    int tlbFind(std::uint64_t vpn) const { return vm::tlbFind(m, vpn << a.pageShift); }
    int tlbVictim(std::uint64_t set) const
    {
        const auto base = static_cast<std::size_t>(set * static_cast<std::uint64_t>(m.tlb.ways));
        for (int w = 0; w < m.tlb.ways; ++w)
            if (!(m.tlb.small[base + static_cast<std::size_t>(w)].flags & TlbFlag::Valid)) return w;
        if (m.tlb.policy == TlbPolicy::Random)
            return static_cast<int>(
                mix(m.config.seed ^ (m.tlb.fills * 0x9e37u)) % static_cast<std::uint64_t>(m.tlb.ways));
        int best = 0;
        for (int w = 1; w < m.tlb.ways; ++w)
            if (m.tlb.small[base + static_cast<std::size_t>(w)].stamp
                < m.tlb.small[base + static_cast<std::size_t>(best)].stamp)
                best = w;
        return best;
    }
    void tlbFill(std::uint32_t pid, std::uint64_t va, std::uint64_t entry, bool retry)
    {
        const std::uint64_t vpn = va >> a.pageShift;
        const std::uint64_t set = tlbSet(vpn);
        const int existing = tlbFind(vpn);
        Event e = ev(EventType::TlbFill, pid);
        e.a = va & ~(page() - 1);
        e.pfn = fmt.pfn(entry);
        e.b = set;
        e.c = static_cast<std::uint64_t>(existing >= 0 ? existing : tlbVictim(set));
        const std::uint32_t f = fmt.flags(entry);
        e.order = static_cast<std::uint8_t>(((f & PteFlag::Write) ? TlbFlag::Write : 0)
            | ((f & PteFlag::User) ? TlbFlag::User : 0) | ((f & PteFlag::Dirty) ? TlbFlag::Dirty : 0));
        e.flags = retry ? EventFlag::Retry : 0;
        em.onEvent(e);
    }
    void tlbFlush(std::uint32_t pid, TlbFlushKind kind, std::uint64_t va = 0, std::uint64_t pcid = 0)
    {
        Event e = ev(EventType::TlbFlush, pid);
        e.flags = static_cast<std::uint32_t>(kind) << EventFlag::FlushKindShift;
        e.a = va;
        e.c = pcid;
        std::uint64_t n = 0;
        for (const TlbEntry& t : m.tlb.small)
            if ((t.flags & TlbFlag::Valid) && !(t.flags & TlbFlag::Global)) {
                switch (kind) {
                case TlbFlushKind::All:
                case TlbFlushKind::NonGlobal:
                    ++n;
                    break;
                case TlbFlushKind::Asid:
                    n += t.pcid == pcid;
                    break;
                case TlbFlushKind::Page:
                    n += t.pid == pid && t.vpn == (va >> a.pageShift);
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
    struct Leaf {
        Pfn table = kNoPfn;
        std::uint64_t index = 0;
        std::uint64_t entry = 0;
        bool present = false;
    };
    Leaf walkShown(std::uint32_t pid, Pfn root, std::uint64_t va)
    {
        Leaf r;
        Pfn table = root;
        for (int l = 0; l < levels(); ++l) {
            const std::uint64_t idx = indexAt(va, l);
            const std::uint64_t e = entryAt(table, idx);
            const bool last = l + 1 == levels();
            Event s = ev(EventType::WalkStep, pid);
            s.order = static_cast<std::uint8_t>(l);
            s.pfn = table;
            s.a = idx;
            s.b = table * page() + idx * static_cast<std::uint64_t>(fmt.bytes);
            s.c = e;
            s.flags = (fmt.present(e) ? EventFlag::Valid : 0) | (last ? EventFlag::Leaf : 0);
            em.onEvent(s);
            if (!fmt.present(e)) return r;
            if (last) {
                r.table = table;
                r.index = idx;
                r.entry = e;
                r.present = true;
                return r;
            }
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
                fault(pid, va, FaultKind::Anon, access);
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
            if (v.shared()) { // wp_page_shared: the file page becomes writable and dirty
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
        const std::uint64_t vpn = va >> a.pageShift;
        const int way = tlbFind(vpn);
        Event look = ev(EventType::TlbLookup, pid);
        look.a = va;
        look.b = tlbSet(vpn);
        look.flags = write ? AccessFlag::Write : 0;
        if (way >= 0) {
            const TlbEntry& t = m.tlb.small[static_cast<std::size_t>(
                look.b * static_cast<std::uint64_t>(m.tlb.ways) + static_cast<std::uint64_t>(way))];
            look.flags |= EventFlag::Hit;
            look.pfn = static_cast<std::uint64_t>(way);
            if (!write || (t.flags & TlbFlag::Write)) {
                const bool setDirty = write && !(t.flags & TlbFlag::Dirty);
                look.c = repeats;
                em.onEvent(look);
                if (setDirty) { // the first write through a clean entry: the MMU sets the Dirty bit in the PTE
                    const Pfn table = leafTable(m.proc(pid)->mm.pgd, va);
                    const std::uint64_t idx = indexAt(va, levels() - 1);
                    const std::uint64_t pte = entryAt(table, idx);
                    setEntry(pid, table, levels() - 1, idx, fmt.make(fmt.pfn(pte), fmt.flags(pte) | PteFlag::Dirty | PteFlag::Accessed));
                    tlbFill(pid, va, entryAt(table, idx), false);
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
                    setEntry(pid, leaf.table, levels() - 1, leaf.index, fmt.make(fmt.pfn(leaf.entry), f | want));
                tlbFill(pid, va, entryAt(leaf.table, leaf.index), false);
                return hits(pid, va, write, repeats);
            }
            if (!handleFault(pid, va, write, leaf.present)) return false;
        }
        if (!m.proc(pid)->alive()) return false;
        const Pfn t = leafTable(m.proc(pid)->mm.pgd, va);
        tlbFill(pid, va, entryAt(t, indexAt(va, levels() - 1)), true);
        return hits(pid, va, write, repeats);
    }
    bool hits(std::uint32_t pid, std::uint64_t va, bool write, std::uint64_t repeats)
    {
        if (!repeats) return true;
        const std::uint64_t vpn = va >> a.pageShift;
        Event look = ev(EventType::TlbLookup, pid);
        look.a = va;
        look.b = tlbSet(vpn);
        look.flags = EventFlag::Hit | (write ? AccessFlag::Write : 0);
        look.pfn = static_cast<std::uint64_t>(std::max(0, tlbFind(vpn)));
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
    void zap(std::uint32_t pid, std::uint64_t start, std::uint64_t end)
    {
        const Process* p = m.proc(pid);
        if (p->mm.pgd == kNoPfn) return;
        std::vector<std::pair<Pfn, std::uint64_t>> cleared;
        std::vector<std::uint64_t> vas;
        forEachLeaf(
            p->mm.pgd, 0, 0, start, end,
            [&](Pfn table, std::uint64_t idx, std::uint64_t va, std::uint64_t e) {
                if (va < start) return;
                cleared.emplace_back(table, idx);
                if (fmt.present(e)) vas.push_back(va);
            },
            true);
        std::vector<Pfn> toFree;
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
            if (!fmt.present(e)) continue;
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
            if (!fmt.present(e)) continue;
            freeSubtree(pid, fmt.pfn(e), level + 1);
            setEntry(pid, table, level, i, 0);
            freeFrame(fmt.pfn(e));
        }
    }

    void munmap(std::uint32_t pid, std::uint64_t start, std::uint64_t end)
    {
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
        zap(pid, 0, ~0ull);
        if (pgd != kNoPfn) {
            freeSubtree(pid, pgd, 0);
            freeFrame(pgd);
        }
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
        const Pfn pgd = allocFrame(pid, FrameState::PageTable, pid);
        if (pgd == kNoPfn) return 0;
        Event e = ev(EventType::ProcessNew, pid);
        e.a = 1;
        e.b = m.intern(c.text.substr(0, 15));
        e.pfn = pgd;
        em.onEvent(e);
        // The ProcessNew event counted the PGD; the FrameOwner before it could not (no process yet).
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
        const Pfn pgd = allocFrame(child, FrameState::PageTable, child);
        if (pgd == kNoPfn) return 0;
        const Process* pp = m.proc(parent);
        Event e = ev(EventType::ProcessNew, child);
        e.a = parent;
        e.b = pp->comm;
        e.pfn = pgd;
        e.flags = EventFlag::Fork;
        em.onEvent(e);
        // copy_page_range(): private mappings share their pages copy-on-write; shared file
        // mappings are left to fault in again in the child (vma_needs_copy() is false).
        bool protectedAny = false;
        forking = child;
        const std::vector<Vma> vmas = m.proc(parent)->mm.vmas; // reclaim may run while copying
        for (const Vma& v : vmas) {
            if (v.shared() || (v.flags & VmaFlag::Special)) continue;
            std::vector<std::tuple<Pfn, std::uint64_t, std::uint64_t, std::uint64_t>> leaves;
            forEachLeaf(
                m.proc(parent)->mm.pgd, 0, 0, v.start, v.end,
                [&](Pfn table, std::uint64_t idx, std::uint64_t va, std::uint64_t entry) {
                    if (va >= v.start && va < v.end) leaves.emplace_back(table, idx, va, entry);
                },
                true);
            for (const auto& [table, idx, va, leafEntry] : leaves) {
                const Pfn ct = ensureTables(child, va);
                if (ct == kNoPfn || !m.proc(parent)->alive()) { // out of memory while forking: the child is undone
                    forking = 0;
                    teardown(child, 9, 0);
                    return 0;
                }
                // Reclaim may have swapped the page out while the child's tables were allocated.
                const std::uint64_t entry = entryAt(table, idx);
                if (!fmt.present(entry)) { // copy_nonpresent_pte(): swap_duplicate() and copy the swap entry
                    if (entry) setEntry(child, ct, levels() - 1, indexAt(va, levels() - 1), entry);
                    continue;
                }
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
        std::vector<std::tuple<Pfn, std::uint64_t, std::uint64_t>> leaves;
        forEachLeaf(
            p->mm.pgd, 0, 0, start, end, [&](Pfn table, std::uint64_t idx, std::uint64_t va, std::uint64_t entry) {
                if (va >= start && va < end) leaves.emplace_back(table, idx, entry);
            });
        bool changed = false;
        for (const auto& [table, idx, entry] : leaves) {
            std::uint32_t f = fmt.flags(entry);
            if (!(prot & Prot::Write) && (f & PteFlag::Write)) f &= ~PteFlag::Write;
            if (prot & Prot::Exec)
                f &= ~PteFlag::NoExec;
            else
                f |= PteFlag::NoExec;
            if (!prot) f &= ~(PteFlag::User);
            const std::uint64_t ne = fmt.make(fmt.pfn(entry), f);
            if (ne != entry) {
                setEntry(pid, table, levels() - 1, idx, ne);
                changed = true;
            }
        }
        if (changed) tlbFlush(pid, TlbFlushKind::Mm);
    }
};


} // namespace memviz::vm::detail
