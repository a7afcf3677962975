// Applying the time, reclaim, swap and OOM events: the only code that changes the
// LRU lists, the swap areas and cache, the counters of reclaim and the kernel log.
#include "reclaim/Reclaim.h"

#include "sim/Machine.h"
#include "vm/VmOps.h"

#include <algorithm>

namespace memviz::reclaim {

namespace {

void swapRef(Machine& m, std::uint32_t entry, int delta)
{
    const std::uint32_t t = SwapEntry::type(entry);
    if (t >= m.swap.areas.size()) return;
    SwapArea& a = m.swap.areas[t];
    const std::uint64_t off = SwapEntry::offset(entry);
    if (off == 0 || off > a.pages) return;
    const std::uint8_t before = a.at(off);
    const int count = (before & kSwapCountMask) + delta;
    const std::uint8_t after = static_cast<std::uint8_t>((before & kSwapHasCache) | (count & kSwapCountMask));
    a.setAt(off, after);
    if (before == 0 && after != 0) ++a.inuse;
    if (before != 0 && after == 0) --a.inuse;
}

void swapCacheFlag(Machine& m, std::uint32_t entry, bool on)
{
    const std::uint32_t t = SwapEntry::type(entry);
    if (t >= m.swap.areas.size()) return;
    SwapArea& a = m.swap.areas[t];
    const std::uint64_t off = SwapEntry::offset(entry);
    if (off == 0 || off > a.pages) return;
    const std::uint8_t before = a.at(off);
    const std::uint8_t after = static_cast<std::uint8_t>(on ? (before | kSwapHasCache) : (before & ~kSwapHasCache));
    a.setAt(off, after);
    if (before == 0 && after != 0) ++a.inuse;
    if (before != 0 && after == 0) {
        --a.inuse;
        m.swap.data.erase(entry); // the slot is free: what it held is gone
    }
}

void addToSwapCache(Machine& m, Pfn p, std::uint32_t entry)
{
    m.swap.cache.set(entry, p);
    m.pageExt.setSwap(p, entry);
    m.pageExt.set(p, PageFlag::SwapCache, true);
    swapCacheFlag(m, entry, true);
}

void deleteFromSwapCache(Machine& m, Pfn p)
{
    const std::uint32_t entry = m.pageExt.swap(p);
    if (!entry) return;
    m.swap.cache.erase(entry);
    m.pageExt.setSwap(p, 0);
    m.pageExt.set(p, PageFlag::SwapCache, false);
    swapCacheFlag(m, entry, false);
}

void log(Machine& m, KlogKind k, std::uint32_t pid, std::uint32_t comm, std::initializer_list<std::int64_t> v)
{
    KlogRecord r;
    r.timeNs = m.timeNs;
    r.kind = k;
    r.pid = pid;
    r.comm = comm;
    std::size_t i = 0;
    for (std::int64_t x : v) r.v[i++] = x;
    m.klog.push_back(r);
}

} // namespace

void boot(Machine& m)
{
    m.pageExt.reset(m.frames.size());
    if (m.config.swapBytes && !m.config.arch.custom) {
        SwapArea a;
        a.name = m.intern(m.config.swapName);
        a.partition = m.config.swapName.rfind("/dev/", 0) == 0;
        a.priority = -2;
        a.setPages(m.config.swapBytes / m.pageSize());
        m.swap.areas.push_back(std::move(a));
        log(m, KlogKind::SwapOn, 0, 0,
            { 0, static_cast<std::int64_t>(m.pagesToKb(m.swap.areas[0].pages)), -2 });
    }
    m.samples.push(takeSample(m));
    m.nextSampleNs = kSecondNs;
}

void frameReleased(Machine& m, Pfn p)
{
    if (p >= m.frames.size()) return;
    lruUnlink(m, p);
    if (m.pageExt.test(p, PageFlag::SwapCache)) deleteFromSwapCache(m, p);
    m.pageExt.clear(p);
}

void swapPteChanged(Machine& m, Process* pr, std::uint64_t oldPte, std::uint64_t newPte)
{
    const EntryFormat& fmt = m.config.arch.entry;
    if (const std::uint32_t o = SwapEntry::fromPte(fmt, oldPte)) {
        swapRef(m, o, -1);
        if (pr && pr->mm.swapEnts) --pr->mm.swapEnts;
    }
    if (const std::uint32_t n = SwapEntry::fromPte(fmt, newPte)) {
        swapRef(m, n, +1);
        if (pr) ++pr->mm.swapEnts;
    }
}

void apply(Machine& m, const Event& e)
{
    ReclaimCounters& rc = m.rc;
    const std::uint64_t pageKb = m.pageSize() / 1024 ? m.pageSize() / 1024 : 1;
    switch (e.type) {
    case EventType::Clock:
        m.timeNs = e.time + e.a;
        while (m.nextSampleNs <= m.timeNs) {
            Sample s = takeSample(m);
            s.timeNs = m.nextSampleNs;
            m.samples.push(s);
            m.nextSampleNs += kSecondNs;
        }
        break;
    case EventType::LruMove: {
        const int from = e.order >> 4, to = e.order & 0xF;
        if (to == kNoLru)
            lruUnlink(m, e.pfn);
        else if (from != to || m.pageExt.lru(e.pfn) != to)
            lruLink(m, e.pfn, static_cast<LruList>(to));
        else
            lruLink(m, e.pfn, static_cast<LruList>(to)); // rotated to the head of its list
        m.pageExt.set(e.pfn, PageFlag::Referenced, e.flags & EventFlag::Referenced);
        if (from != kNoLru && to != kNoLru && from != to) {
            const std::uint64_t pages = Pfn(1) << m.frames.order(e.pfn); // folio_nr_pages()
            if (lruIsActive(static_cast<LruList>(to))) {
                rc.pgactivate += pages;
            } else {
                rc.pgdeactivate += pages;
                m.pageExt.set(e.pfn, PageFlag::Workingset, true);
            }
        }
        break;
    }
    case EventType::KswapdWake:
        m.kswapd.awake = true;
        m.kswapd.highestZone = e.order;
        ++rc.kswapdWakeups;
        ++rc.pageoutrun;
        break;
    case EventType::KswapdSleep:
        m.kswapd.awake = false;
        m.kswapd.failures = static_cast<int>(e.b);
        break;
    case EventType::Reclaim:
        if (e.flags & EventFlag::Active) {
            rc.pgrefill += e.a;
            break;
        }
        if (e.flags & EventFlag::Direct) {
            rc.pgscanDirect += e.a;
            rc.pgstealDirect += e.b;
        } else {
            rc.pgscanKswapd += e.a;
            rc.pgstealKswapd += e.b;
        }
        if (e.flags & EventFlag::FileLru) {
            rc.pgscanFile += e.a;
            rc.pgstealFile += e.b;
        } else {
            rc.pgscanAnon += e.a;
            rc.pgstealAnon += e.b;
        }
        break;
    case EventType::SwapOn: {
        SwapArea a;
        a.name = static_cast<std::uint32_t>(e.pfn);
        a.partition = m.str(a.name).rfind("/dev/", 0) == 0;
        a.priority = static_cast<std::int16_t>(static_cast<std::int64_t>(e.c));
        a.setPages(e.b);
        if (m.swap.areas.size() <= e.a) m.swap.areas.resize(e.a + 1);
        m.swap.areas[e.a] = std::move(a);
        log(m, KlogKind::SwapOn, 0, 0,
            { static_cast<std::int64_t>(e.a), static_cast<std::int64_t>(m.pagesToKb(e.b)), static_cast<std::int64_t>(e.c) });
        break;
    }
    case EventType::SwapOut: {
        const auto entry = static_cast<std::uint32_t>(e.a);
        addToSwapCache(m, e.pfn, entry);
        SwapArea& a = m.swap.areas[SwapEntry::type(entry)];
        a.cursor = SwapEntry::offset(entry) + 1;
        m.pageExt.set(e.pfn, PageFlag::Dirty, true); // add_to_swap() dirties the folio: swap holds nothing yet
        break;
    }
    case EventType::Writeback:
        rc.pgpgout += pageKb;
        m.pageExt.set(e.pfn, PageFlag::Dirty, false);
        if (!(e.flags & EventFlag::FileLru)) {
            ++rc.pswpout;
            const auto entry = static_cast<std::uint32_t>(e.a);
            if (m.phys.hasContents(e.pfn)) {
                auto page = std::make_shared<std::vector<std::uint8_t>>(m.pageSize());
                for (std::uint64_t i = 0; i < m.pageSize(); ++i) (*page)[i] = m.phys.read8(e.pfn * m.pageSize() + i);
                m.swap.data.set(entry, std::move(page));
            } else {
                m.swap.data.erase(entry);
            }
        }
        break;
    case EventType::SwapIn: {
        const auto entry = static_cast<std::uint32_t>(e.a);
        ++rc.pswpin;
        rc.pgpgin += pageKb;
        m.phys.clearPage(e.pfn);
        auto it = m.swap.data.find(entry);
        if (it != m.swap.data.end()) {
            const auto& bytes = *it->second;
            for (std::uint64_t i = 0; i < bytes.size(); ++i)
                if (bytes[i]) m.phys.write8(e.pfn * m.pageSize() + i, bytes[i]);
        }
        addToSwapCache(m, e.pfn, entry);
        break;
    }
    case EventType::SwapCacheDel:
        deleteFromSwapCache(m, e.pfn);
        break;
    case EventType::OomCandidates: {
        const Process* p = m.proc(e.pid);
        if (!p) break;
        log(m, KlogKind::OomTask, e.pid, p->comm,
            { 1000, static_cast<std::int64_t>(p->mm.totalVmPages(m.config.arch.pageShift)),
                static_cast<std::int64_t>(p->mm.rss()), static_cast<std::int64_t>(p->mm.rssAnon),
                static_cast<std::int64_t>(p->mm.rssFile),
                static_cast<std::int64_t>(pgtablesPages(m, *p) * m.pageSize()), static_cast<std::int64_t>(p->mm.swapEnts),
                p->oomScoreAdj });
        break;
    }
    case EventType::OomKill: {
        ++rc.oomKill;
        const Process* trigger = m.proc(static_cast<std::uint32_t>(e.c));
        const Process* p = m.proc(e.pid);
        log(m, KlogKind::OomInvoked, static_cast<std::uint32_t>(e.c), trigger ? trigger->comm : 0,
            { 0, trigger ? trigger->oomScoreAdj : 0 });
        if (p)
            log(m, KlogKind::OomKilled, e.pid, p->comm,
                { static_cast<std::int64_t>(m.pagesToKb(p->mm.totalVmPages(m.config.arch.pageShift))),
                    static_cast<std::int64_t>(m.pagesToKb(p->mm.rssAnon)),
                    static_cast<std::int64_t>(m.pagesToKb(p->mm.rssFile)),
                    static_cast<std::int64_t>(m.pagesToKb(p->mm.rssShmem)),
                    static_cast<std::int64_t>(m.pagesToKb(pgtablesPages(m, *p))), p->oomScoreAdj, 1000 });
        break;
    }
    case EventType::KernelPanic:
        m.panicked = true;
        log(m, KlogKind::Panic, e.pid, 0, { static_cast<std::int64_t>(e.a) });
        break;
    case EventType::OomScoreAdj:
        if (Process* p = m.procMut(e.pid)) p->oomScoreAdj = static_cast<std::int16_t>(static_cast<std::int64_t>(e.a));
        break;
    case EventType::DropCaches:
        if (e.a & 1) ++rc.dropPagecache;
        break;
    case EventType::CommitRefused:
        if (e.order == 2)
            if (const Process* p = m.proc(e.pid))
                log(m, KlogKind::CommitRefused, e.pid, p->comm, { static_cast<std::int64_t>(e.a * m.pageSize()) });
        break;
    case EventType::ThpFault:
        if (e.flags & EventFlag::Ok)
            ++rc.thpFaultAlloc;
        else
            ++rc.thpFaultFallback;
        break;
    default:
        break;
    }
}

std::uint64_t pgtablesPages(const Machine& m, const Process& p)
{
    if (p.mm.pgd == kNoPfn || p.mm.ptPages == 0) return 0;
    std::uint64_t n = p.mm.ptPages - 1;
    const ArchSpec& a = m.config.arch;
    if (!a.custom && a.levels.size() == 5) {
        std::uint64_t p4d = 0;
        for (std::uint64_t i = 0; i < a.entriesAt(0); ++i)
            if (a.entry.present(vm::readEntry(m, p.mm.pgd, i))) ++p4d;
        n -= std::min(n, p4d);
    }
    return n;
}

std::uint64_t oomTotalPages(const Machine& m) { return m.totalramPages() + m.swap.totalPages(); }

std::int64_t oomBadness(const Machine& m, const Process& p, std::uint64_t totalPages, bool* unkillable)
{
    *unkillable = !p.alive() || p.mm.pgd == kNoPfn || p.oomScoreAdj == -1000 || p.pid <= 1;
    if (*unkillable) return 0;
    // get_mm_rss + MM_SWAPENTS + mm_pgtables_bytes / PAGE_SIZE, then adj * totalpages / 1000.
    const std::int64_t points = static_cast<std::int64_t>(p.mm.rss() + p.mm.swapEnts + pgtablesPages(m, p));
    const std::int64_t adj = static_cast<std::int64_t>(p.oomScoreAdj) * static_cast<std::int64_t>(totalPages / 1000);
    return points + adj;
}

std::uint64_t oomScore(const Machine& m, const Process& p)
{
    const std::uint64_t total = oomTotalPages(m);
    bool unkillable = false;
    const std::int64_t badness = oomBadness(m, p, total, &unkillable);
    if (unkillable || total == 0) return 0;
    // proc_oom_score(): (1000 + badness * 1000 / totalpages) * 2 / 3
    const std::int64_t points = (1000 + badness * 1000 / static_cast<std::int64_t>(total)) * 2 / 3;
    return points < 0 ? 0 : static_cast<std::uint64_t>(points);
}

} // namespace memviz::reclaim
