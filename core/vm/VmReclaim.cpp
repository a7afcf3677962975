// Page reclaim, swap and the OOM killer as Vm decisions (reference §2–§4): the
// allocation slow path, kswapd, direct reclaim, shrink_node with the LRU rules,
// swap-out and swap-in, and out_of_memory(). Like VmRun.cpp it only emits events.
//
// Simplified against Linux (listed in the app's "What memviz simplifies"): one node
// and one lruvec; kswapd runs between two page accesses of the running program and
// works until its node is balanced; the anon/file scan balance uses swappiness only
// (no recent reclaim costs, no refault detection, no MGLRU); no readahead; writeback
// is synchronous.

#include "vm/VmImpl.h"

namespace memviz::vm::detail {

// ---- time ---------------------------------------------------------------------------

void Vm::spend(std::uint64_t ns)
{
    pendingNs += ns;
    if (pendingNs >= kClockQuantumNs) flushClock();
}

void Vm::flushClock()
{
    if (!pendingNs) return;
    Event e = ev(EventType::Clock, 0);
    e.a = pendingNs;
    pendingNs = 0;
    em.onEvent(e);
}

void Vm::sleep(std::uint64_t ns)
{
    flushClock();
    schedule();
    flushClock();
    // A sleep is cut at second boundaries so each sar sample sees kswapd's progress.
    while (ns) {
        const std::uint64_t toNext = reclaim::kSecondNs - m.timeNs % reclaim::kSecondNs;
        Event e = ev(EventType::Clock, 0);
        e.a = std::min(ns, toNext);
        e.flags = EventFlag::Sleep;
        ns -= e.a;
        em.onEvent(e);
        schedule();
        flushClock();
    }
}

void Vm::schedule()
{
    if (reclaiming || m.panicked || !m.kswapd.awake) return;
    runKswapd();
}

// ---- allocation ---------------------------------------------------------------------

bool Vm::zonesBalanced(ZoneType highest, Wmark mark) const
{
    // pgdat_balanced(): any managed zone up to highest_zoneidx is above the mark. memviz's
    // one kswapd stands for every node's: it looks at each node's own zones (the head of
    // that node's zonelist), so at every zone an allocation may fall back to.
    int highestIdx = 0; // gfp_zone()'s index, the same in every node's zone array
    for (std::uint8_t zid : m.nodes[0].zones)
        if (m.zones[zid].type == highest) highestIdx = m.zones[zid].indexInNode;
    for (std::size_t n = 0; n < m.zonelists.size(); ++n)
        for (std::uint8_t zid : m.zonelists[n][static_cast<std::size_t>(highest)]) {
            const Zone& z = m.zones[zid];
            if (z.node != n) break; // past the node's own zones
            if (z.managed && buddy::watermarkOk(z, 0, z.mark(mark), highestIdx)) return true;
        }
    return false;
}

void Vm::wakeKswapd(ZoneType highest)
{
    // wakeup_kswapd(): nothing when it is awake already, after MAX_RECLAIM_RETRIES
    // failed passes, or when the node is balanced.
    if (m.kswapd.awake || m.kswapd.failures >= kMaxReclaimRetries || zonesBalanced(highest, Wmark::High)) return;
    Event e = ev(EventType::KswapdWake, 0);
    e.order = static_cast<std::uint8_t>(highest);
    em.onEvent(e);
}

std::optional<Pfn> Vm::allocPages(std::uint32_t pid, int order, ZoneType zone, int node)
{
    ZoneType t;
    if (buddy::resolveHighestZone(m, zone, &t)) return std::nullopt;
    // The CPU runs the process (or the program being started) on its home node; kernel
    // work of scripts runs on CPU 0 of node 0.
    const Process* self = pid ? m.proc(pid) : nullptr;
    const int local = self ? self->node : spawnNode;
    if (node < 0) node = local;
    if (auto p = buddy::getPageFromFreelist(m, em, order, t, Wmark::Low, node, local)) return p;
    Event slow = ev(EventType::SlowPath, pid);
    slow.flags = static_cast<std::uint32_t>(t);
    slow.order = static_cast<std::uint8_t>(order);
    em.onEvent(slow);
    wakeKswapd(t);
    if (auto p = buddy::getPageFromFreelist(m, em, order, t, Wmark::Min, node, local)) return p;
    if (!reclaiming) {
        int noProgress = 0;
        for (int loops = 0; loops < 4096; ++loops) {
            const std::uint64_t got = directReclaim(pid, t);
            if (auto p = buddy::getPageFromFreelist(m, em, order, t, Wmark::Min, node, local)) return p;
            if (m.panicked) break;
            // Without compaction, reclaim rarely makes a free block of a higher order:
            // should_reclaim_retry() gives up after MAX_RECLAIM_RETRIES rounds either way.
            if (got && (order == 0 || loops < kMaxReclaimRetries)) {
                noProgress = 0;
                continue;
            }
            if (++noProgress < kMaxReclaimRetries) continue;
            if (order > kCostlyOrder) break; // __alloc_pages_may_oom() skips costly orders
            // __alloc_pages_may_oom(): the OOM killer, then one more try.
            if (!outOfMemory(pid)) break;
            noProgress = 0;
            const Process* self = m.proc(pid);
            if (pid && (!self || !self->alive())) break;
        }
    }
    Event fail = ev(EventType::AllocFailed, pid);
    fail.flags = static_cast<std::uint32_t>(t);
    fail.order = static_cast<std::uint8_t>(order);
    em.onEvent(fail);
    return std::nullopt;
}

std::uint64_t Vm::directReclaim(std::uint32_t pid, ZoneType highest)
{
    // try_to_free_pages(): SWAP_CLUSTER_MAX pages, priority falling from DEF_PRIORITY.
    reclaiming = true;
    std::uint64_t got = 0;
    for (int prio = kDefPriority; prio >= 0 && got < kSwapClusterMax; --prio) {
        got += shrinkNode(pid, true, prio, kSwapClusterMax - got);
        if (zonesBalanced(highest, Wmark::Min) && got) break;
    }
    reclaiming = false;
    return got;
}

void Vm::runKswapd()
{
    // balance_pgdat(): reclaim until a zone is above its high watermark; give up after
    // MAX_RECLAIM_RETRIES passes that reclaim nothing.
    reclaiming = true;
    const auto highest = static_cast<ZoneType>(m.kswapd.highestZone);
    int failures = m.kswapd.failures;
    bool gaveUp = false;
    while (!zonesBalanced(highest, Wmark::High)) {
        // kswapd_shrink_node() of every node: its own zones' high marks (each node's zonelist
        // starts with them).
        std::uint64_t target = 0;
        for (std::size_t n = 0; n < m.zonelists.size(); ++n)
            for (std::uint8_t zid : m.zonelists[n][static_cast<std::size_t>(highest)]) {
                if (m.zones[zid].node != n) break;
                target += std::max<std::uint64_t>(m.zones[zid].mark(Wmark::High), kSwapClusterMax);
            }
        std::uint64_t got = 0;
        for (int prio = kDefPriority; prio >= 1; --prio) {
            got += shrinkNode(0, false, prio, target > got ? target - got : 0);
            if (zonesBalanced(highest, Wmark::High) || got >= target) break;
        }
        if (got) {
            failures = 0;
            continue;
        }
        if (++failures >= kMaxReclaimRetries) {
            gaveUp = true;
            break;
        }
    }
    reclaiming = false;
    flushClock();
    Event e = ev(EventType::KswapdSleep, 0);
    e.a = gaveUp ? 1 : 0;
    e.b = static_cast<std::uint64_t>(failures);
    em.onEvent(e);
}

// ---- shrinking the LRU lists --------------------------------------------------------

bool Vm::inactiveIsLow(bool file) const { return vm::inactiveIsLow(m, file); }

std::uint64_t Vm::shrinkNode(std::uint32_t pid, bool direct, int priority, std::uint64_t target)
{
    // get_scan_count(): how much of each list to look at.
    const bool canSwap = m.swap.freePages() > 0 || !m.swap.cache.empty();
    const std::uint64_t swappiness = m.config.sysctl.swappiness;
    std::array<std::uint64_t, kNrLru> nr {};
    for (int l = 0; l < 4; ++l) nr[static_cast<std::size_t>(l)] = m.lru.lists[static_cast<std::size_t>(l)].size >> priority;
    const std::uint64_t anon = m.lru[LruList::InactiveAnon].size + m.lru[LruList::ActiveAnon].size;
    const std::uint64_t file = m.lru[LruList::InactiveFile].size + m.lru[LruList::ActiveFile].size;
    std::uint64_t highWmarks = 0;
    for (const Zone& z : m.zones) highWmarks += z.mark(Wmark::High);
    enum { Equal, Fract, AnonOnly, FileOnly } balance = Fract;
    if (!canSwap)
        balance = FileOnly;
    else if (!priority && swappiness)
        balance = Equal;
    else if (file + m.freePages() <= highWmarks && (anon >> priority))
        balance = AnonOnly; // file_is_tiny
    else if ((m.lru[LruList::InactiveFile].size >> priority) && !inactiveIsLow(true))
        balance = FileOnly; // cache_trim_mode: plenty of inactive page cache
    for (int l = 0; l < 4; ++l) {
        const bool isFile = lruIsFile(static_cast<LruList>(l));
        std::uint64_t& n = nr[static_cast<std::size_t>(l)];
        switch (balance) {
        case Equal: break;
        case AnonOnly: if (isFile) n = 0; break;
        case FileOnly: if (!isFile) n = 0; break;
        case Fract: n = n * (isFile ? 200 - swappiness : swappiness) / 200; break;
        }
    }

    // shrink_lruvec()
    std::uint64_t got = 0;
    while (nr[0] || nr[2] || nr[3]) {
        for (int l = 0; l < 4; ++l) {
            std::uint64_t& n = nr[static_cast<std::size_t>(l)];
            if (!n) continue;
            const std::uint64_t batch = std::min(n, kSwapClusterMax);
            n -= batch;
            const auto lru = static_cast<LruList>(l);
            if (lruIsActive(lru)) {
                if (inactiveIsLow(lruIsFile(lru))) shrinkActive(pid, direct, lru, batch, priority);
            } else {
                got += shrinkInactive(pid, direct, lru, batch, priority);
            }
        }
        if (got >= target) break;
        if (m.panicked) break;
    }
    if (canSwap && inactiveIsLow(false)) shrinkActive(pid, direct, LruList::ActiveAnon, kSwapClusterMax, priority);
    return got;
}

void Vm::lruMove(Pfn p, LruList from, LruList to, bool referenced)
{
    Event e = ev(EventType::LruMove, 0);
    e.pfn = p;
    e.order = static_cast<std::uint8_t>((static_cast<int>(from) << 4) | static_cast<int>(to));
    e.flags = referenced ? EventFlag::Referenced : 0;
    em.onEvent(e);
}

template <class Fn>
void Vm::forEachMapping(Pfn p, Fn&& fn) const
{
    const FrameState s = m.frames.state(p);
    // A transparent huge page is mapped by PMDs, everything else by PTEs.
    const int L = s == FrameState::Anon && m.frames.order(p) > 0 ? pmdLevel() : levels() - 1;
    auto at = [&](std::uint32_t pid, const Process& pr, std::uint64_t va) {
        const Pfn table = tableAt(pr.mm.pgd, va, L);
        if (table == kNoPfn) return;
        const std::uint64_t idx = indexAt(va, L);
        const std::uint64_t e = entryAt(table, idx);
        if (fmt.present(e) && fmt.pfn(e) == p && (L == levels() - 1 || isHugeEntry(e))) fn(pid, table, idx, va, e, L);
    };
    if (s == FrameState::Anon) {
        const std::uint64_t va = m.pageExt.index(p) << a.pageShift;
        for (const auto& [pid, pr] : m.procs)
            if (pr.alive() && pr.mm.pgd != kNoPfn) at(pid, pr, va);
        return;
    }
    if (s != FrameState::File) return;
    const std::uint32_t file = m.frames.priv(p);
    const std::uint64_t index = m.frames.next(p);
    for (const auto& [pid, pr] : m.procs) {
        if (!pr.alive() || pr.mm.pgd == kNoPfn) continue;
        for (const Vma& v : pr.mm.vmas) {
            if (v.file != file || index < v.pgoff) continue;
            const std::uint64_t va = v.start + ((index - v.pgoff) << a.pageShift);
            if (va < v.end) at(pid, pr, va);
        }
    }
}

int Vm::referencedPtes(Pfn p, bool* exec)
{
    std::vector<std::tuple<std::uint32_t, Pfn, std::uint64_t, std::uint64_t, int>> young;
    *exec = false;
    forEachMapping(p, [&](std::uint32_t pid, Pfn table, std::uint64_t idx, std::uint64_t va, std::uint64_t e, int level) {
        if (!(fmt.flags(e) & PteFlag::Accessed)) return;
        young.emplace_back(pid, table, idx, e, level);
        if (const Vma* v = m.proc(pid)->mm.find(va); v && (v->prot & Prot::Exec)) *exec = true;
    });
    // ptep_clear_flush_young() (pmdp_clear_flush_young() for a huge page): x86 clears the bit without a TLB flush.
    for (const auto& [pid, table, idx, e, level] : young)
        setEntry(pid, table, level, idx, fmt.make(fmt.pfn(e), fmt.flags(e) & ~PteFlag::Accessed));
    return static_cast<int>(young.size());
}

std::uint64_t Vm::shrinkInactive(std::uint32_t pid, bool direct, LruList l, std::uint64_t n, int priority)
{
    const bool file = lruIsFile(l);
    const LruList active = file ? LruList::ActiveFile : LruList::ActiveAnon;
    std::uint64_t scanned = 0, got = 0;
    // Pages looked at go to the head (kept, activated) or are freed, so the tail is always the next one.
    std::uint64_t budget = m.lru[l].size;
    while (scanned < n && budget-- && m.lru[l].tail != kNil) {
        const Pfn p = m.lru[l].tail;
        ++scanned;
        spend(kScanNs);
        if (isPinned(p)) { // in use by the fault being handled: back to the head
            lruMove(p, l, l, m.pageExt.test(p, PageFlag::Referenced));
            continue;
        }
        // folio_check_references()
        bool exec = false;
        const int refPtes = referencedPtes(p, &exec);
        const bool refFolio = m.pageExt.test(p, PageFlag::Referenced);
        if (refPtes) {
            if (refFolio || refPtes > 1 || (exec && file)) {
                lruMove(p, l, active, false); // FOLIOREF_ACTIVATE
                continue;
            }
            lruMove(p, l, l, true); // FOLIOREF_KEEP: the second chance, PG_referenced set
            continue;
        }
        // shrink_folio_list(): a huge page that is to go is split first (split_folio_to_list,
        // memviz swaps no huge pages whole); its other 511 pages wait next to it on the list.
        if (m.frames.state(p) == FrameState::Anon && m.frames.order(p) > 0) splitHugeFolio(0, p);
        if (reclaimPage(p, direct))
            ++got;
        else
            lruMove(p, l, active, false); // activate_locked: could not be reclaimed (no swap slot)
    }
    Event e = ev(EventType::Reclaim, direct ? pid : 0);
    e.a = scanned;
    e.b = got;
    e.order = static_cast<std::uint8_t>(priority);
    e.flags = (direct ? EventFlag::Direct : 0) | (file ? EventFlag::FileLru : 0);
    if (scanned) em.onEvent(e);
    return got;
}

void Vm::shrinkActive(std::uint32_t pid, bool direct, LruList l, std::uint64_t n, int priority)
{
    const bool file = lruIsFile(l);
    const LruList inactive = file ? LruList::InactiveFile : LruList::InactiveAnon;
    std::uint64_t scanned = 0;
    std::uint64_t budget = m.lru[l].size;
    while (scanned < n && budget-- && m.lru[l].tail != kNil) {
        const Pfn p = m.lru[l].tail;
        ++scanned;
        spend(kScanNs);
        bool exec = false;
        const int refPtes = referencedPtes(p, &exec);
        const bool ref = m.pageExt.test(p, PageFlag::Referenced);
        if (refPtes && exec && file)
            lruMove(p, l, l, ref); // executable code in use stays active
        else
            lruMove(p, l, inactive, ref); // deactivated (PG_workingset)
    }
    Event e = ev(EventType::Reclaim, direct ? pid : 0);
    e.a = scanned;
    e.order = static_cast<std::uint8_t>(priority);
    e.flags = EventFlag::Active | (direct ? EventFlag::Direct : 0) | (file ? EventFlag::FileLru : 0);
    if (scanned) em.onEvent(e);
}

std::uint32_t Vm::allocSwapSlot() const
{
    // get_swap_pages(): areas by priority, highest first; next-fit from the area's cursor.
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < m.swap.areas.size(); ++i) order.push_back(i);
    std::stable_sort(order.begin(), order.end(),
        [&](std::size_t x, std::size_t y) { return m.swap.areas[x].priority > m.swap.areas[y].priority; });
    for (std::size_t t : order) {
        const SwapArea& s = m.swap.areas[t];
        if (s.inuse >= s.pages) continue;
        std::uint64_t off = s.cursor >= 1 && s.cursor <= s.pages ? s.cursor : 1;
        for (std::uint64_t k = 0; k < s.pages; ++k, ++off) {
            if (off > s.pages) off = 1;
            if (s.at(off) == 0) return SwapEntry::pack(static_cast<std::uint32_t>(t), off);
        }
    }
    return 0;
}

bool Vm::reclaimPage(Pfn p, bool direct)
{
    (void)direct;
    const FrameState s = m.frames.state(p);
    std::uint32_t entry = 0;
    if (s == FrameState::Anon) {
        entry = m.pageExt.swap(p);
        if (!entry) { // add_to_swap()
            entry = allocSwapSlot();
            if (!entry) return false;
            Event e = ev(EventType::SwapOut, 0);
            e.pfn = p;
            e.a = entry;
            em.onEvent(e);
        }
    } else if (s != FrameState::File) {
        return false;
    }
    // try_to_unmap(): every entry mapping the page; anon ones get the swap entry.
    std::vector<std::tuple<std::uint32_t, Pfn, std::uint64_t, std::uint64_t, std::uint64_t>> maps;
    forEachMapping(p, [&](std::uint32_t pid, Pfn table, std::uint64_t idx, std::uint64_t va, std::uint64_t e, int) {
        maps.emplace_back(pid, table, idx, va, e);
    });
    bool dirty = m.pageExt.test(p, PageFlag::Dirty);
    for (const auto& [pid, table, idx, va, e] : maps) { // order-0 pages only: huge ones were split
        dirty = dirty || (fmt.flags(e) & PteFlag::Dirty);
        setEntry(pid, table, levels() - 1, idx, entry ? SwapEntry::toPte(fmt, entry) : 0);
        tlbFlush(pid, TlbFlushKind::Page, va);
    }
    if (m.frames.count(p) != 0) return false; // a mapping rmap could not see: keep the page
    if (dirty) { // pageout()
        spend(kWritePageNs);
        Event w = ev(EventType::Writeback, 0);
        w.pfn = p;
        if (s == FrameState::Anon) {
            w.a = entry;
        } else {
            w.a = m.frames.next(p);
            w.b = m.frames.priv(p);
            w.flags = EventFlag::FileLru;
        }
        em.onEvent(w);
    }
    freeFrame(p); // leaves the LRU, the swap cache or the page cache
    return true;
}

// ---- swap-in ------------------------------------------------------------------------

bool Vm::doSwapPage(std::uint32_t pid, const Vma& v, Pfn table, std::uint64_t idx, std::uint64_t va,
    std::uint32_t entry, bool write, std::uint32_t access)
{
    auto it = m.swap.cache.find(entry);
    Pfn p = it != m.swap.cache.end() ? it->second : kNoPfn;
    if (p == kNoPfn) {
        fault(pid, va, FaultKind::Swap, access | AccessFlag::Major);
        p = allocFrame(pid, FrameState::Anon, pid, va);
        if (p == kNoPfn) return oom(pid, va, access);
        // Reclaim inside the allocation may have changed nothing here: the entry still holds the slot.
        Event in = ev(EventType::SwapIn, pid);
        in.pfn = p;
        in.a = entry;
        em.onEvent(in);
    } else {
        fault(pid, va, FaultKind::Swap, access);
    }
    if (!m.proc(pid)->alive()) return false;
    // do_swap_page(): writable at once when this is the only user of the slot and the page.
    const bool exclusive = (m.swap.countOf(entry) & kSwapCountMask) == 1 && m.frames.count(p) == 0;
    const bool writable = exclusive && (v.prot & Prot::Write);
    const bool dirty = writable && write;
    setEntry(pid, table, levels() - 1, idx, fmt.make(p, leafFlags(v, writable, dirty)));
    // should_try_to_free_swap(): a write, or swap more than half full (vm_swap_full), frees the slot.
    const bool swapFull = m.swap.usedPages() * 2 > m.swap.totalPages();
    if ((dirty || swapFull) && !(m.swap.countOf(entry) & kSwapCountMask) && m.pageExt.test(p, PageFlag::SwapCache)) {
        Event d = ev(EventType::SwapCacheDel, pid);
        d.pfn = p;
        d.a = entry;
        em.onEvent(d);
    }
    if (write && !writable) return handleFault(pid, va, true, true); // shared: copy on write now
    return true;
}

// ---- the OOM killer -----------------------------------------------------------------

bool Vm::outOfMemory(std::uint32_t pid)
{
    flushClock();
    const Sysctls& s = m.config.sysctl;
    const std::uint64_t total = reclaim::oomTotalPages(m);
    std::uint32_t victim = 0;
    std::int64_t best = 0;
    bool allocTask = false;
    const Process* self = m.proc(pid);
    if (s.oomKillAllocatingTask && self && self->alive() && self->oomScoreAdj != -1000 && pid != forking) {
        victim = pid;
        allocTask = true;
        bool unk = false;
        best = reclaim::oomBadness(m, *self, total, &unk);
    }
    // select_bad_process(): every task's badness; the dump shows them all.
    for (const auto& [p, pr] : m.procs) {
        if (!pr.alive() || p == forking) continue;
        bool unkillable = false;
        const std::int64_t points = reclaim::oomBadness(m, pr, total, &unkillable);
        if (pr.mm.pgd == kNoPfn) continue;
        Event c = ev(EventType::OomCandidates, p);
        c.a = static_cast<std::uint64_t>(points);
        c.b = pr.mm.rss();
        c.c = pr.mm.swapEnts;
        c.pfn = reclaim::pgtablesPages(m, pr);
        c.flags = static_cast<std::uint16_t>(pr.oomScoreAdj);
        em.onEvent(c);
        if (allocTask || unkillable || s.panicOnOom) continue;
        if (!victim || points >= best) { // a later task with equal points replaces the earlier one
            victim = p;
            best = points;
        }
    }
    if (s.panicOnOom) { // check_panic_on_oom() after dump_header(): one node, no cpuset or memcg, so 1 and 2 both panic
        Event e = ev(EventType::KernelPanic, pid);
        e.a = static_cast<std::uint64_t>(PanicReason::PanicOnOom);
        em.onEvent(e);
        return false;
    }
    if (!victim) {
        Event e = ev(EventType::KernelPanic, pid);
        e.a = static_cast<std::uint64_t>(PanicReason::NoVictim);
        em.onEvent(e);
        return false;
    }
    Event k = ev(EventType::OomKill, victim);
    k.a = static_cast<std::uint64_t>(best);
    k.b = total;
    k.c = pid;
    k.flags = allocTask ? EventFlag::AllocTask : 0;
    em.onEvent(k);
    const bool wasReclaiming = reclaiming;
    reclaiming = true;
    kill(victim, 9); // the oom_reaper frees its memory at once
    reclaiming = wasReclaiming;
    return victim != pid;
}

// ---- commands -----------------------------------------------------------------------

void Vm::dropCaches(std::uint64_t mode)
{
    // drop_pagecache_sb(): clean, unmapped page-cache pages go; slab has nothing to drop yet.
    std::uint64_t dropped = 0;
    if (mode & 1) {
        std::vector<Pfn> victims;
        for (const File& f : m.files)
            for (const auto& [idx, p] : f.cache)
                if (m.frames.count(p) == 0 && !m.pageExt.test(p, PageFlag::Dirty)) victims.push_back(p);
        for (Pfn p : victims) {
            freeFrame(p);
            ++dropped;
        }
    }
    Event e = ev(EventType::DropCaches, 0);
    e.a = mode;
    e.b = dropped;
    em.onEvent(e);
}

void Vm::swapOn(const Command& c)
{
    Event e = ev(EventType::SwapOn, 0);
    e.a = m.swap.areas.size();
    e.b = c.len / page();
    // Areas without a priority get -2, -3, ... (the kernel counts down from -1; memviz's
    // boot area is -2 as on the notes' machine).
    std::int64_t prio = static_cast<std::int64_t>(c.addr);
    if (!c.write) { // no priority given
        std::int64_t lowest = -1;
        for (const SwapArea& s : m.swap.areas) lowest = std::min<std::int64_t>(lowest, s.priority);
        prio = lowest - 1;
    }
    e.c = static_cast<std::uint64_t>(prio);
    e.pfn = m.intern(c.text);
    em.onEvent(e);
}

void Vm::setOomScoreAdj(std::uint32_t pid, std::int64_t value)
{
    Event e = ev(EventType::OomScoreAdj, pid);
    e.a = static_cast<std::uint64_t>(value);
    e.c = static_cast<std::uint64_t>(static_cast<std::int64_t>(m.proc(pid)->oomScoreAdj));
    em.onEvent(e);
}

} // namespace memviz::vm::detail

namespace memviz::vm {

namespace {
constexpr int kDefPriorityForTests = 12;
}

bool inactiveIsLow(const Machine& m, bool file)
{
    const LruHead& in = m.lru[file ? LruList::InactiveFile : LruList::InactiveAnon];
    const LruHead& act = m.lru[file ? LruList::ActiveFile : LruList::ActiveAnon];
    const std::uint64_t gb = ((in.size + act.size) * m.pageSize()) >> 30;
    std::uint64_t ratio = 1;
    if (gb) {
        ratio = 0;
        while ((ratio + 1) * (ratio + 1) <= 10 * gb) ++ratio; // int_sqrt(10 * gb)
    }
    return in.size * ratio < act.size;
}

void shrinkList(const Machine& m, Emitter& em, LruList l, std::uint64_t n)
{
    detail::Vm v(m, em);
    v.reclaiming = true;
    if (lruIsActive(l))
        v.shrinkActive(0, false, l, n, kDefPriorityForTests);
    else
        v.shrinkInactive(0, false, l, n, kDefPriorityForTests);
    v.flushClock();
}

std::optional<Pfn> allocKernelPages(const Machine& m, Emitter& em, std::uint32_t pid, int order, ZoneType highest,
                                    int node)
{
    detail::Vm v(m, em);
    auto p = v.allocPages(pid, order, highest, node);
    v.flushClock();
    return p;
}

} // namespace memviz::vm
