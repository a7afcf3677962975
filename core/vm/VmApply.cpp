// Applying virtual-memory events: the only code that changes processes, VMAs,
// page-table contents, the page cache, the TLB and the CPU.

#include "reclaim/Reclaim.h"
#include "sim/Machine.h"
#include "sim/Sysctl.h"
#include "vm/Layout.h"
#include "vm/VmOps.h"

#include <algorithm>

namespace memviz::vm {

namespace {

int leafLevel(const Machine& m)
{
    return static_cast<int>(m.config.arch.levels.size()) - 1;
}

bool countsAsMapped(const Machine& m, Pfn p)
{
    if (p == m.zeroPfn || p >= m.frames.size()) return false;
    const FrameState s = m.frames.state(p);
    return s == FrameState::Anon || s == FrameState::File;
}

/// Entry count of p (its mapcount; a huge PMD counts once on the head) moves by delta,
/// and the owner's RSS by delta pages per entry (512 for a huge PMD mapping).
void rssAdd(Machine& m, Process* pr, Pfn p, int delta, std::uint64_t pages = 1)
{
    const FrameState s = m.frames.state(p);
    const std::uint16_t before = m.frames.count(p);
    m.frames.setCount(p, static_cast<std::uint16_t>(before + delta));
    if (s == FrameState::File) {
        if (before == 0 && delta > 0) ++m.vmc.fileMapped;
        if (before == 1 && delta < 0) --m.vmc.fileMapped;
    }
    if (!pr) return;
    std::uint64_t& c = s == FrameState::Anon ? pr->mm.rssAnon : pr->mm.rssFile;
    c += static_cast<std::uint64_t>(static_cast<std::int64_t>(delta)) * pages;
    pr->mm.hiwaterRss = std::max(pr->mm.hiwaterRss, pr->mm.rss());
}

/// A page of the hugetlb pool (a Kernel block marked kHugetlbPriv).
bool isHugetlbPage(const Machine& m, Pfn p)
{
    return p < m.frames.size() && m.frames.state(p) == FrameState::Kernel && m.frames.priv(p) == kHugetlbPriv;
}

/// Inserts v keeping the list sorted; merges with an adjacent anonymous neighbour of the same kind.
void insertVma(Mm& mm, Vma v)
{
    auto it = std::lower_bound(
        mm.vmas.begin(), mm.vmas.end(), v.start, [](const Vma& x, std::uint64_t s) { return x.start < s; });
    auto mergeable = [](const Vma& a, const Vma& b) {
        return a.anon() && b.anon() && a.prot == b.prot && a.flags == b.flags && a.name == b.name
            && !(a.flags & (VmaFlag::Special | VmaFlag::Stack | VmaFlag::Heap | VmaFlag::Hugetlb));
    };
    if (it != mm.vmas.begin()) {
        Vma& prev = *(it - 1);
        if (prev.end == v.start && mergeable(prev, v)) {
            prev.end = v.end;
            if (it != mm.vmas.end() && it->start == prev.end && mergeable(prev, *it)) {
                prev.end = it->end;
                mm.vmas.erase(it);
            }
            return;
        }
    }
    if (it != mm.vmas.end() && it->start == v.end && mergeable(*it, v)) {
        it->start = v.start;
        return;
    }
    mm.vmas.insert(it, v);
}

/// Cuts [s, e) out of the VMA list, splitting VMAs that straddle the edges.
void removeRange(Mm& mm, std::uint64_t s, std::uint64_t e, int pageShift)
{
    std::vector<Vma> out;
    out.reserve(mm.vmas.size() + 1);
    for (const Vma& v : mm.vmas) {
        if (v.end <= s || v.start >= e) {
            out.push_back(v);
            continue;
        }
        if (v.start < s) {
            Vma a = v;
            a.end = s;
            out.push_back(a);
        }
        if (v.end > e) {
            Vma b = v;
            b.start = e;
            if (!b.anon()) b.pgoff += (e - v.start) >> pageShift;
            out.push_back(b);
        }
    }
    mm.vmas = std::move(out);
}

/// Splits the VMAs at s and e and lets `change` alter the parts inside [s, e).
template <class Fn> void changeRange(Mm& mm, std::uint64_t s, std::uint64_t e, int pageShift, Fn&& change)
{
    std::vector<Vma> parts;
    for (const Vma& v : mm.vmas)
        if (v.end > s && v.start < e) {
            Vma mid = v;
            mid.start = std::max(v.start, s);
            mid.end = std::min(v.end, e);
            if (!mid.anon()) mid.pgoff += (mid.start - v.start) >> pageShift;
            change(mid);
            parts.push_back(mid);
        }
    removeRange(mm, s, e, pageShift);
    for (const Vma& v : parts) insertVma(mm, v);
}

void setProt(Mm& mm, std::uint64_t s, std::uint64_t e, std::uint8_t prot, int pageShift)
{
    changeRange(mm, s, e, pageShift, [&](Vma& v) { v.prot = prot; });
}

/// hugepage_madvise(): VM_HUGEPAGE / VM_NOHUGEPAGE on the VMAs in [s, e), split at the
/// edges; hugetlb and special mappings (VM_NO_KHUGEPAGED) are left as they are.
void setHugeAdvice(Mm& mm, std::uint64_t s, std::uint64_t e, std::uint32_t advice, int pageShift)
{
    std::vector<std::pair<std::uint64_t, std::uint64_t>> ranges;
    for (const Vma& v : mm.vmas)
        if (v.end > s && v.start < e && !(v.flags & (VmaFlag::Hugetlb | VmaFlag::Special)))
            ranges.emplace_back(std::max(v.start, s), std::min(v.end, e));
    for (const auto& [from, to] : ranges)
        changeRange(mm, from, to, pageShift, [&](Vma& v) {
            if (advice == Madv::HugePage)
                v.flags = static_cast<std::uint8_t>((v.flags & ~VmaFlag::NoHugePage) | VmaFlag::HugePage);
            else
                v.flags = static_cast<std::uint8_t>((v.flags & ~VmaFlag::HugePage) | VmaFlag::NoHugePage);
        });
}

TlbEntry* tlbSlot(Tlb& t, bool huge, std::uint64_t set, std::uint64_t way)
{
    auto& arr = huge ? t.huge : t.small;
    const int ways = huge ? t.hugeWays : t.ways;
    const std::size_t i = static_cast<std::size_t>(set * static_cast<std::uint64_t>(ways) + way);
    return i < arr.size() ? &arr[i] : nullptr;
}

void flushTlb(Machine& m, const Event& e)
{
    const auto kind = static_cast<TlbFlushKind>((e.flags >> EventFlag::FlushKindShift) & 0xF);
    const std::uint64_t vpnSmall = e.a >> m.config.arch.pageShift;
    for (auto* arr : { &m.tlb.small, &m.tlb.huge })
        for (TlbEntry& t : *arr) {
            if (!(t.flags & TlbFlag::Valid)) continue;
            bool drop = false;
            switch (kind) {
            case TlbFlushKind::All:
                drop = true;
                break;
            case TlbFlushKind::NonGlobal:
                drop = !(t.flags & TlbFlag::Global);
                break;
            case TlbFlushKind::Asid:
                drop = !(t.flags & TlbFlag::Global) && t.pcid == e.c;
                break;
            case TlbFlushKind::Page: {
                const bool huge = t.flags & TlbFlag::Huge;
                const int hs = m.config.arch.levels.back().bits + m.config.arch.pageShift;
                drop = !(t.flags & TlbFlag::Global) && t.pid == e.pid
                    && (huge ? t.vpn == (e.a >> hs) : t.vpn == vpnSmall);
                break;
            }
            case TlbFlushKind::Mm:
                drop = !(t.flags & TlbFlag::Global) && t.pid == e.pid;
                break;
            }
            if (drop) t.flags = 0;
        }
    ++m.tlb.flushes;
}

} // namespace

void frameReleased(Machine& m, Pfn pfn)
{
    reclaim::frameReleased(m, pfn);
    switch (m.frames.state(pfn)) {
    case FrameState::PageTable:
        --m.vmc.pageTablePages;
        if (Process* owner = m.procMut(m.frames.priv(pfn)); owner && owner->mm.ptPages) --owner->mm.ptPages;
        break;
    case FrameState::Anon:
        m.vmc.anonPages -= Pfn(1) << m.frames.order(pfn);
        if (m.frames.order(pfn) > 0) --m.vmc.anonThps;
        break;
    case FrameState::File: {
        --m.vmc.filePages;
        const std::uint32_t f = m.frames.priv(pfn);
        if (f < m.files.size()) m.files[f].cache.erase(m.frames.next(pfn));
        m.frames.setNext(pfn, kNil);
        break;
    }
    default:
        break;
    }
    // Only touch what holds something: a plain kernel block (the buddy benchmark's case)
    // carries no count, owner or contents, and writing them would clone shared chunks.
    if (m.frames.count(pfn)) m.frames.setCount(pfn, 0);
    if (m.frames.priv(pfn)) m.frames.setPriv(pfn, 0);
    if (m.phys.pagesHeld()) m.phys.clearRange(pfn, Pfn(1) << m.frames.order(pfn));
}

void apply(Machine& m, const Event& e)
{
    const int shift = m.config.arch.pageShift;
    Process* pr = e.pid ? m.procMut(e.pid) : nullptr;
    switch (e.type) {
    case EventType::ProcessNew: {
        Process p;
        p.pid = e.pid;
        p.ppid = static_cast<std::uint32_t>(e.a);
        p.comm = static_cast<std::uint32_t>(e.b);
        p.startTimeNs = m.timeNs;
        p.mm.pgd = e.pfn;
        p.mm.ptPages = 1;
        if (e.flags & EventFlag::Fork) {
            if (const Process* parent = m.proc(p.ppid)) {
                p.mm.vmas = parent->mm.vmas;
                p.mm.startBrk = parent->mm.startBrk;
                p.mm.brk = parent->mm.brk;
                p.mm.mmapBase = parent->mm.mmapBase;
                p.mm.stackTop = parent->mm.stackTop;
                p.malloc = parent->malloc;
                p.oomScoreAdj = parent->oomScoreAdj;
                p.node = parent->node;
            }
        } else {
            const ProcessLayout l = processLayout(m, e.pid);
            p.mm.startBrk = p.mm.brk = l.startBrk;
            p.mm.mmapBase = l.mmapBase;
            p.mm.stackTop = l.stackTop;
            p.node = static_cast<std::uint8_t>(e.c);
        }
        p.mm.hiwaterVm = p.mm.totalVmPages(shift);
        m.procs[e.pid] = std::move(p);
        m.nextPid = std::max(m.nextPid, e.pid + 1);
        break;
    }
    case EventType::ProcessExit:
        if (pr) {
            pr->state = e.a ? ProcState::Killed : ProcState::Exited;
            pr->exitSignal = static_cast<int>(e.a);
            pr->mm.vmas.clear();
            pr->mm.pgd = kNoPfn;
            pr->mm.ptPages = 0;
            pr->mm.swapEnts = 0;
            pr->mm.deposited.clear();
            pr->mm.hugetlbResv = 0;
            pr->malloc = MallocState {};
        }
        for (auto& slot : m.cpu.asidPid)
            if (slot == e.pid) slot = 0;
        if (m.cpu.current == e.pid) {
            m.cpu.current = 0;
            m.cpu.cr3 = kNoPfn;
        }
        break;
    case EventType::MmapRegion:
        if (pr) {
            Vma v;
            v.start = e.a;
            v.end = e.b;
            v.prot = e.order;
            v.flags = static_cast<std::uint8_t>(e.flags);
            v.file = static_cast<std::uint32_t>(e.c & 0xFFFFFFFFu);
            v.name = static_cast<std::uint32_t>(e.c >> 32);
            v.pgoff = e.pfn;
            insertVma(pr->mm, v);
            pr->mm.hiwaterVm = std::max(pr->mm.hiwaterVm, pr->mm.totalVmPages(shift));
        }
        break;
    case EventType::MunmapRegion:
        if (pr) removeRange(pr->mm, e.a, e.b, shift);
        break;
    case EventType::MprotectRegion:
        if (pr) setProt(pr->mm, e.a, e.b, e.order, shift);
        break;
    case EventType::BrkSet:
        if (pr) {
            Mm& mm = pr->mm;
            const std::uint64_t page = m.config.arch.pageSize();
            const std::uint64_t oldEnd = (e.a + page - 1) & ~(page - 1);
            const std::uint64_t newEnd = (e.b + page - 1) & ~(page - 1);
            mm.brk = e.b;
            if (pr->malloc.topStart == 0) pr->malloc.topStart = mm.startBrk;
            if (newEnd > oldEnd) {
                Vma v;
                v.start = oldEnd;
                v.end = newEnd;
                v.prot = Prot::Read | Prot::Write;
                v.flags = VmaFlag::Heap;
                v.name = m.intern("[heap]");
                // Extends the existing heap VMA, or creates it.
                auto it = std::find_if(mm.vmas.begin(), mm.vmas.end(),
                    [&](const Vma& x) { return (x.flags & VmaFlag::Heap) && x.end == oldEnd; });
                if (it != mm.vmas.end())
                    it->end = newEnd;
                else
                    insertVma(mm, v);
            } else if (newEnd < oldEnd) {
                removeRange(mm, newEnd, oldEnd, shift);
            }
            mm.hiwaterVm = std::max(mm.hiwaterVm, mm.totalVmPages(shift));
        }
        break;
    case EventType::MallocChunk:
        if (pr) {
            MallocState& ms = pr->malloc;
            const bool freeing = e.flags & EventFlag::Free;
            if (e.flags & EventFlag::Mmapped) {
                if (!freeing) {
                    ms.mmapped[e.a] = e.b;
                } else {
                    ms.mmapped.erase(e.a);
                    // Dynamic threshold (reference §11): free() of a larger mmapped chunk raises it.
                    const std::uint64_t maxThr = m.config.arch.is32bit ? 512 * 1024 : 32ull << 20;
                    if (e.b > ms.mmapThreshold && e.b <= maxThr) {
                        ms.mmapThreshold = e.b;
                        ms.trimThreshold = 2 * e.b;
                    }
                }
            } else if (!freeing) {
                ms.live[e.a] = e.b;
                ms.heapInUse += e.b;
                auto it = ms.freeHeap.upper_bound(e.a);
                if (it != ms.freeHeap.begin() && std::prev(it)->first + std::prev(it)->second > e.a) {
                    --it;
                    const std::uint64_t fs = it->first, fsz = it->second;
                    ms.freeHeap.erase(it);
                    if (e.a > fs) ms.freeHeap[fs] = e.a - fs;
                    if (e.a + e.b < fs + fsz) ms.freeHeap[e.a + e.b] = fs + fsz - (e.a + e.b);
                } else {
                    ms.topStart = std::max(ms.topStart, e.a + e.b);
                }
            } else {
                ms.live.erase(e.a);
                ms.heapInUse -= e.b;
                std::uint64_t s = e.a, len = e.b;
                auto next = ms.freeHeap.find(s + len);
                if (next != ms.freeHeap.end()) {
                    len += next->second;
                    ms.freeHeap.erase(next);
                }
                auto it = ms.freeHeap.lower_bound(s);
                if (it != ms.freeHeap.begin()) {
                    auto prev = std::prev(it);
                    if (prev->first + prev->second == s) {
                        s = prev->first;
                        len += prev->second;
                        ms.freeHeap.erase(prev);
                    }
                }
                if (s + len == ms.topStart)
                    ms.topStart = s; // coalesced into the top chunk
                else
                    ms.freeHeap[s] = len;
            }
        }
        break;
    case EventType::PteSet: {
        const auto& fmt = m.config.arch.entry;
        m.phys.writeLE(e.pfn * m.config.arch.pageSize() + e.a * static_cast<std::uint64_t>(fmt.bytes), e.b, fmt.bytes);
        if (m.config.arch.custom) break;
        if (e.order == leafLevel(m)) {
            if (fmt.present(e.c) && countsAsMapped(m, fmt.pfn(e.c))) rssAdd(m, pr, fmt.pfn(e.c), -1);
            if (fmt.present(e.b) && countsAsMapped(m, fmt.pfn(e.b))) rssAdd(m, pr, fmt.pfn(e.b), +1);
            if ((e.b | e.c) && !(fmt.present(e.b) && fmt.present(e.c))) reclaim::swapPteChanged(m, pr, e.c, e.b);
            break;
        }
        // A huge PMD maps a 2 MiB page: one count on the head frame (the entire mapcount),
        // 512 pages of RSS for a transparent huge page, none for hugetlb (HugetlbPages).
        const std::uint64_t hugePages = Pfn(1) << m.config.arch.levels.back().bits;
        const bool oldHuge = fmt.present(e.c) && (fmt.flags(e.c) & PteFlag::Huge);
        const bool newHuge = fmt.present(e.b) && (fmt.flags(e.b) & PteFlag::Huge);
        auto account = [&](std::uint64_t entry, int delta) {
            const Pfn f = fmt.pfn(entry);
            if (countsAsMapped(m, f))
                rssAdd(m, pr, f, delta, hugePages);
            else if (isHugetlbPage(m, f))
                m.frames.setCount(f, static_cast<std::uint16_t>(m.frames.count(f) + delta));
        };
        if (oldHuge) account(e.c, -1);
        if (newHuge) account(e.b, +1);
        if (oldHuge && !newHuge && pr) {
            // The deposited table leaves with the huge mapping: it becomes the PTE table
            // of a split (pgtable_trans_huge_withdraw), or the zap frees it.
            pr->mm.deposited.erase(e.pfn * m.config.arch.pageSize() + e.a * static_cast<std::uint64_t>(fmt.bytes));
            if (fmt.present(e.b)) ++m.vmc.thpSplitPmd;
        }
        break;
    }
    case EventType::FrameOwner: {
        const auto s = static_cast<FrameState>(e.a);
        const int order = m.frames.order(e.pfn);
        m.frames.setHead(e.pfn, s, order);
        m.frames.setPriv(e.pfn, static_cast<std::uint32_t>(e.b));
        m.frames.setCount(e.pfn, 0);
        // The kernel hands out zeroed pages (__GFP_ZERO / clear_page, clear_huge_page).
        if (order)
            m.phys.clearRange(e.pfn, Pfn(1) << order);
        else
            m.phys.clearPage(e.pfn);
        if (s == FrameState::PageTable) {
            ++m.vmc.pageTablePages;
            if (pr) {
                ++pr->mm.ptPages;
                if (e.flags & EventFlag::Deposit) pr->mm.deposited[e.c] = e.pfn;
            }
        } else if (s == FrameState::Anon) {
            m.vmc.anonPages += Pfn(1) << order;
            if (order) ++m.vmc.anonThps;
            lruLink(m, e.pfn, lruForNew(true)); // folio_add_lru_vma(): the inactive anon list
            m.pageExt.setIndex(e.pfn, e.c);     // folio->index: where rmap finds its mappings
        }
        break;
    }
    case EventType::PageCacheAdd: {
        m.frames.setHead(e.pfn, FrameState::File, m.frames.order(e.pfn));
        m.frames.setPriv(e.pfn, static_cast<std::uint32_t>(e.a));
        m.frames.setNext(e.pfn, static_cast<std::uint32_t>(e.b));
        m.frames.setCount(e.pfn, 0);
        ++m.vmc.filePages;
        m.phys.clearPage(e.pfn);
        lruLink(m, e.pfn, lruForNew(false));
        File& f = m.files[e.a];
        f.cache.set(e.b, e.pfn);
        const std::uint64_t page = m.config.arch.pageSize();
        const std::uint64_t from = e.b * page;
        for (std::uint64_t i = from; i < std::min<std::uint64_t>(f.data.size(), from + page); ++i)
            if (f.data[i]) m.phys.write8(e.pfn * page + (i - from), static_cast<std::uint8_t>(f.data[i]));
        break;
    }
    case EventType::FileNew: {
        if (m.files.size() <= e.a) m.files.resize(e.a + 1);
        File& f = m.files[e.a];
        f.name = static_cast<std::uint32_t>(e.c);
        f.size = e.b;
        f.inode = e.pfn;
        break;
    }
    case EventType::FileWrite: {
        File& file = m.files[e.a];
        const std::uint64_t off = e.b;
        if (file.data.size() < off + e.order) file.data.resize(off + e.order, '\0');
        std::uint64_t v = e.c;
        for (int i = 0; i < e.order; ++i, v >>= 8)
            file.data[off + static_cast<std::uint64_t>(i)] = static_cast<char>(v & 0xFF);
        file.size = std::max<std::uint64_t>(file.size, off + e.order);
        break;
    }
    case EventType::PhysWrite:
        m.phys.writeLE(e.a, e.b, e.order);
        break;
    case EventType::TlbLookup:
        if (e.flags & EventFlag::Hit) {
            m.tlb.hits += 1 + e.c;
            if (TlbEntry* t = tlbSlot(m.tlb, e.flags & EventFlag::Huge, e.b, static_cast<std::uint64_t>(e.pfn)))
                if (m.tlb.policy == TlbPolicy::Lru) t->stamp = ++m.tlb.clock;
        } else {
            ++m.tlb.misses;
        }
        break;
    case EventType::TlbFill:
        if (TlbEntry* t = tlbSlot(m.tlb, e.flags & EventFlag::Huge, e.b, e.c)) {
            if (t->flags & TlbFlag::Valid) ++m.tlb.evictions;
            const int hs = (e.flags & EventFlag::Huge) ? m.config.arch.levels.back().bits + shift : shift;
            t->vpn = e.a >> hs;
            t->pfn = e.pfn;
            t->pid = e.pid;
            t->pcid = m.cpu.pcid;
            t->flags = static_cast<std::uint8_t>(e.order | TlbFlag::Valid);
            t->stamp = ++m.tlb.clock;
            ++m.tlb.fills;
        }
        break;
    case EventType::TlbFlush:
        flushTlb(m, e);
        break;
    case EventType::PageFault: {
        const auto kind = static_cast<FaultKind>(e.order);
        ++m.vmc.pgfault; // counted for every fault, failed ones included (mm_account_fault)
        if (kind == FaultKind::FileMajor || (e.flags & AccessFlag::Major)) {
            ++m.vmc.pgmajfault;
            if (pr) ++pr->majFlt;
        } else if (kind != FaultKind::Segv && kind != FaultKind::Oom) {
            if (pr) ++pr->minFlt;
        }
        if (kind == FaultKind::CowCopy) ++m.vmc.cowFaults;
        break;
    }
    case EventType::CowCopy: {
        const Pfn n = (e.flags & EventFlag::Huge) ? Pfn(1) << m.config.arch.levels.back().bits : 1;
        for (Pfn i = 0; i < n; ++i) {
            if (e.flags & EventFlag::ZeroFill)
                m.phys.clearPage(e.b + i);
            else
                m.phys.copyPage(e.pfn + i, e.b + i);
        }
        break;
    }
    case EventType::ThpSplit: {
        // split_huge_page(): 2^order order-0 anonymous pages with the head's owner, rmap
        // index and flags, each after the head on its LRU list. The head keeps the count of
        // the PMD mappings; the PTEs the split writes next count on every page.
        const Pfn head = e.pfn;
        const int order = m.frames.order(head);
        const std::uint32_t owner = m.frames.priv(head);
        const std::uint64_t index = m.pageExt.index(head);
        for (Pfn i = 1; i < (Pfn(1) << order); ++i) {
            m.frames.setHead(head + i, FrameState::Anon, 0);
            m.frames.setPriv(head + i, owner);
            m.frames.setCount(head + i, 0);
            m.pageExt.setIndex(head + i, index + i);
        }
        m.frames.setHead(head, FrameState::Anon, 0);
        lruSplit(m, head, order);
        if (order) --m.vmc.anonThps;
        ++m.vmc.thpSplitPage;
        break;
    }
    case EventType::MadviseRegion:
        if (pr && (e.order == Madv::HugePage || e.order == Madv::NoHugePage)) setHugeAdvice(pr->mm, e.a, e.b, e.order, shift);
        break;
    case EventType::HugetlbPool: {
        HugetlbPool& h = m.vmc.hugetlb;
        switch (static_cast<HugetlbOp>(e.order)) {
        case HugetlbOp::Grow:
            m.frames.setPriv(e.pfn, kHugetlbPriv);
            m.frames.setCount(e.pfn, 0);
            ++h.total;
            ++h.free;
            h.freeList.push_back(e.pfn);
            break;
        case HugetlbOp::Shrink:
            h.freeList.erase(std::find(h.freeList.begin(), h.freeList.end(), e.pfn));
            --h.total;
            --h.free;
            m.frames.setPriv(e.pfn, 0);
            break;
        case HugetlbOp::Surplus:
            h.surplus += e.a; // two's complement: a decrease wraps back
            break;
        case HugetlbOp::Reserve:
            h.resv += e.a;
            if (pr) pr->mm.hugetlbResv += e.a;
            break;
        case HugetlbOp::Unreserve:
            h.resv -= e.a;
            if (pr) pr->mm.hugetlbResv -= e.a;
            break;
        case HugetlbOp::Dequeue:
            h.freeList.erase(std::find(h.freeList.begin(), h.freeList.end(), e.pfn));
            --h.free;
            if (e.flags & EventFlag::Ok) {
                --h.resv;
                if (pr) --pr->mm.hugetlbResv;
            }
            m.phys.clearRange(e.pfn, Pfn(1) << m.frames.order(e.pfn)); // clear_huge_page()
            break;
        case HugetlbOp::Enqueue:
            h.freeList.push_back(e.pfn);
            ++h.free;
            break;
        case HugetlbOp::Release:
            --h.total;
            --h.surplus;
            m.frames.setPriv(e.pfn, 0);
            break;
        case HugetlbOp::NoPage:
        case HugetlbOp::NoReserve:
            break;
        }
        break;
    }
    case EventType::ContextSwitch:
        m.cpu.current = e.pid;
        m.cpu.cr3 = e.b;
        m.cpu.pcid = static_cast<std::uint16_t>(e.c);
        if (m.tlb.pcid && e.c) {
            const std::size_t slot = static_cast<std::size_t>(e.c - 1);
            if (m.cpu.asidPid[slot] != e.pid) {
                m.cpu.asidPid[slot] = e.pid;
                m.cpu.nextAsid = static_cast<std::uint8_t>((slot + 1) % m.cpu.asidPid.size());
            }
        }
        ++m.cpu.switches;
        break;
    case EventType::SysctlSet:
        applySysctl(m, static_cast<Sysctl>(e.a), e.b);
        break;
    case EventType::SetPageTableBase:
        m.cpu.cr3 = e.pfn;
        break;
    default:
        break;
    }
}

} // namespace memviz::vm
