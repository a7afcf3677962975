#include "check/Checker.h"
#include "check/CheckKernelMap.h"
#include "check/CheckSlab.h"

#include "sim/Machine.h"

#include <algorithm>
#include <cstdio>
#include <unordered_map>
#include <unordered_set>

namespace memviz {

const char* violationName(Violation v)
{
    switch (v) {
    case Violation::OrphanTail: return "OrphanTail";
    case Violation::MisalignedBlock: return "MisalignedBlock";
    case Violation::BlockOverlap: return "BlockOverlap";
    case Violation::BlockCrossesZone: return "BlockCrossesZone";
    case Violation::BadOrder: return "BadOrder";
    case Violation::FreeNotOnList: return "FreeNotOnList";
    case Violation::ListEntryNotFree: return "ListEntryNotFree";
    case Violation::ListWrongZone: return "ListWrongZone";
    case Violation::ListBrokenLinks: return "ListBrokenLinks";
    case Violation::NrFreeMismatch: return "NrFreeMismatch";
    case Violation::FreePagesMismatch: return "FreePagesMismatch";
    case Violation::ManagedMismatch: return "ManagedMismatch";
    case Violation::InHandAtRest: return "InHandAtRest";
    case Violation::PageTableBad: return "PageTableBad";
    case Violation::PtPagesMismatch: return "PtPagesMismatch";
    case Violation::PteBadFrame: return "PteBadFrame";
    case Violation::PteOutsideVma: return "PteOutsideVma";
    case Violation::ZeroPageWritable: return "ZeroPageWritable";
    case Violation::MapcountMismatch: return "MapcountMismatch";
    case Violation::RssMismatch: return "RssMismatch";
    case Violation::VmCounterMismatch: return "VmCounterMismatch";
    case Violation::LeakedPage: return "LeakedPage";
    case Violation::VmaBroken: return "VmaBroken";
    case Violation::PageCacheBroken: return "PageCacheBroken";
    case Violation::StaleTlb: return "StaleTlb";
    case Violation::LruBroken: return "LruBroken";
    case Violation::LruMembership: return "LruMembership";
    case Violation::SwapCountMismatch: return "SwapCountMismatch";
    case Violation::SwapEntsMismatch: return "SwapEntsMismatch";
    case Violation::SwapCacheBroken: return "SwapCacheBroken";
    case Violation::BadSwapEntry: return "BadSwapEntry";
    case Violation::HugeMapBroken: return "HugeMapBroken";
    case Violation::HugetlbPoolBroken: return "HugetlbPoolBroken";
    case Violation::SlabBroken: return "SlabBroken";
    case Violation::KmallocBroken: return "KmallocBroken";
    case Violation::VmallocBroken: return "VmallocBroken";
    case Violation::KmapBroken: return "KmapBroken";
    }
    return "?";
}

std::string describe(const Finding& f)
{
    char buf[192];
    if (f.pid || f.addr)
        std::snprintf(buf, sizeof buf, "%s at pfn %llu (pid %u, address 0x%llx)", violationName(f.what),
                      static_cast<unsigned long long>(f.pfn), f.pid, static_cast<unsigned long long>(f.addr));
    else
        std::snprintf(buf, sizeof buf, "%s at pfn %llu (zone %d, order %d)", violationName(f.what),
                      static_cast<unsigned long long>(f.pfn), f.zone, f.order);
    return buf;
}

namespace {

/// Page tables, mapcounts, RSS and the virtual-memory counters, recomputed from the
/// tables in simulated memory and compared with what the machine keeps.
void checkVm(const Machine& m, std::vector<Finding>& out)
{
    const ArchSpec& a = m.config.arch;
    if (a.custom) return;
    const EntryFormat& fmt = a.entry;
    const FrameTable& ft = m.frames;
    auto report = [&](Violation v, Pfn p, std::uint32_t pid = 0, std::uint64_t addr = 0) {
        if (out.size() < 64) out.push_back({v, p, -1, -1, pid, addr});
    };
    const int levels = static_cast<int>(a.levels.size());
    std::vector<int> spanShift(static_cast<std::size_t>(levels));
    for (int l = levels - 1, s = a.pageShift; l >= 0; --l) {
        spanShift[static_cast<std::size_t>(l)] = s;
        s += a.levels[static_cast<std::size_t>(l)].bits;
    }
    std::unordered_map<Pfn, std::uint32_t> mapcount;
    std::unordered_map<Pfn, std::uint32_t> tableOwner;
    // PMD-sized pages (x86 with 3 or more levels): a huge PMD is a leaf.
    const bool hugeArch = levels >= 3 && fmt.hugeBit >= 0;
    const int pmdLevel = levels - 2;
    const int hugeOrder = a.levels.back().bits;
    const std::uint64_t hugeSize = a.pageSize() << hugeOrder;
    auto isHugetlb = [&](Pfn f) {
        return f < ft.size() && ft.state(f) == FrameState::Kernel && ft.priv(f) == kHugetlbPriv;
    };
    std::unordered_map<std::uint32_t, std::uint32_t> swapRefs; // swap entry -> page-table entries holding it
    std::uint64_t tables = 0;

    for (const auto& [pid, p] : m.procs) {
        const Mm& mm = p.mm;
        for (std::size_t i = 0; i < mm.vmas.size(); ++i) {
            const Vma& v = mm.vmas[i];
            if (v.start >= v.end || (v.start & (a.pageSize() - 1)) || (v.end & (a.pageSize() - 1))
                || (i && mm.vmas[i - 1].end > v.start))
                report(Violation::VmaBroken, 0, pid, v.start);
        }
        if (!p.alive()) {
            if (mm.pgd != kNoPfn || !mm.vmas.empty() || mm.rss()) report(Violation::VmaBroken, 0, pid);
            continue;
        }
        std::uint64_t anon = 0, file = 0, ptPages = 0, swapEnts = 0;
        std::unordered_set<std::uint64_t> thpKeys; // PMD entries (physical addresses) mapping a THP
        // Iterative walk of the table tree.
        struct Item {
            Pfn table;
            int level;
            std::uint64_t base;
        };
        std::vector<Item> stack{{mm.pgd, 0, 0}};
        while (!stack.empty()) {
            const Item it = stack.back();
            stack.pop_back();
            if (it.table >= ft.size() || ft.state(it.table) != FrameState::PageTable || ft.priv(it.table) != pid
                || !tableOwner.emplace(it.table, pid).second) {
                report(Violation::PageTableBad, it.table, pid, it.base);
                continue;
            }
            ++ptPages;
            ++tables;
            const std::uint64_t n = a.entriesAt(it.level);
            const bool leafLevel = it.level + 1 == levels;
            for (std::uint64_t i = 0; i < n; ++i) {
                const std::uint64_t e = m.phys.readLE(it.table * a.pageSize() + i * static_cast<std::uint64_t>(fmt.bytes), fmt.bytes);
                if (!fmt.present(e)) {
                    if (e && leafLevel) {
                        const std::uint64_t va = it.base + (i << spanShift[static_cast<std::size_t>(it.level)]);
                        const std::uint32_t entry = SwapEntry::fromPte(fmt, e);
                        const std::uint32_t t = SwapEntry::type(entry);
                        const std::uint64_t off = SwapEntry::offset(entry);
                        if (!entry || t >= m.swap.areas.size() || off == 0 || off > m.swap.areas[t].pages)
                            report(Violation::BadSwapEntry, 0, pid, va);
                        else
                            ++swapRefs[entry];
                        if (!mm.find(va)) report(Violation::PteOutsideVma, 0, pid, va);
                        ++swapEnts;
                    }
                    continue;
                }
                const std::uint64_t va = it.base + (i << spanShift[static_cast<std::size_t>(it.level)]);
                if (!leafLevel && hugeArch && it.level > 0 && (fmt.flags(e) & PteFlag::Huge)) {
                    // A huge PMD: a transparent huge page (its head counted once, 512 pages of
                    // RSS, a deposited table) or a hugetlb page (no RSS) inside one VMA.
                    const Pfn f = fmt.pfn(e);
                    const Vma* v = mm.find(va);
                    if (it.level != pmdLevel || (f & ((Pfn(1) << hugeOrder) - 1)) || !v || v->end < va + hugeSize) {
                        report(Violation::HugeMapBroken, f, pid, va);
                        continue;
                    }
                    if (isHugetlb(f)) {
                        if (!v->hugetlb()) report(Violation::HugeMapBroken, f, pid, va);
                        ++mapcount[f];
                    } else if (f < ft.size() && ft.state(f) == FrameState::Anon && ft.order(f) == hugeOrder) {
                        if (v->hugetlb() || !v->anon()) report(Violation::HugeMapBroken, f, pid, va);
                        ++mapcount[f];
                        anon += Pfn(1) << hugeOrder;
                        thpKeys.insert(it.table * a.pageSize() + i * static_cast<std::uint64_t>(fmt.bytes));
                    } else {
                        report(Violation::PteBadFrame, f, pid, va);
                    }
                    continue;
                }
                if (!leafLevel) {
                    stack.push_back({fmt.pfn(e), it.level + 1, va});
                    continue;
                }
                const Pfn f = fmt.pfn(e);
                if (!mm.find(va)) report(Violation::PteOutsideVma, f, pid, va);
                if (f == m.zeroPfn) {
                    if (fmt.flags(e) & PteFlag::Write) report(Violation::ZeroPageWritable, f, pid, va);
                    continue;
                }
                const FrameState s = f < ft.size() ? ft.state(f) : FrameState::Hole;
                if ((s != FrameState::Anon && s != FrameState::File) || ft.order(f) != 0) {
                    report(Violation::PteBadFrame, f, pid, va);
                    continue;
                }
                ++mapcount[f];
                (s == FrameState::Anon ? anon : file) += 1;
            }
        }
        // Deposited tables: one per THP mapping, empty, owned by the process, in ptPages.
        for (const auto& [key, t] : mm.deposited) {
            if (!thpKeys.count(key)) report(Violation::HugeMapBroken, t, pid, key);
            if (t >= ft.size() || ft.state(t) != FrameState::PageTable || ft.priv(t) != pid
                || !tableOwner.emplace(t, pid).second) {
                report(Violation::PageTableBad, t, pid, key);
                continue;
            }
            if (m.phys.hasContents(t)) report(Violation::HugeMapBroken, t, pid, key); // filled only by a split
            ++ptPages;
            ++tables;
        }
        if (thpKeys.size() != mm.deposited.size()) report(Violation::HugeMapBroken, 0, pid);
        if (ptPages != mm.ptPages) report(Violation::PtPagesMismatch, mm.pgd, pid);
        if (anon != mm.rssAnon || file != mm.rssFile) report(Violation::RssMismatch, mm.pgd, pid);
        if (swapEnts != mm.swapEnts) report(Violation::SwapEntsMismatch, mm.pgd, pid);
    }

    // Every frame of a virtual-memory use is counted, referenced and has the right mapcount.
    std::uint64_t nTables = 0, nAnon = 0, nFile = 0, nMapped = 0, nThp = 0;
    std::uint64_t hugetlbPages = 0, hugetlbFree = 0;
    const HugetlbPool& pool = m.vmc.hugetlb;
    std::unordered_set<Pfn> poolFree(pool.freeList.begin(), pool.freeList.end());
    if (poolFree.size() != pool.freeList.size()) report(Violation::HugetlbPoolBroken, 0);
    for (Pfn p = 0; p < ft.size();) {
        const FrameState s = ft.state(p);
        const int order = s == FrameState::Tail ? 0 : ft.order(p);
        if (s == FrameState::Kernel && ft.priv(p) == kHugetlbPriv) {
            // A page of the hugetlb pool: free (on the free list, unmapped) or mapped.
            ++hugetlbPages;
            auto it = mapcount.find(p);
            const std::uint32_t mc = it == mapcount.end() ? 0 : it->second;
            if (order != hugeOrder || mc != ft.count(p)) report(Violation::HugetlbPoolBroken, p);
            if (poolFree.count(p)) {
                ++hugetlbFree;
                if (mc) report(Violation::HugetlbPoolBroken, p);
            } else if (!mc) {
                report(Violation::LeakedPage, p);
            }
        } else if (s == FrameState::PageTable) {
            ++nTables;
            if (!tableOwner.count(p)) report(Violation::LeakedPage, p, ft.priv(p));
        } else if (s == FrameState::Anon || s == FrameState::File) {
            auto it = mapcount.find(p);
            const std::uint32_t mc = it == mapcount.end() ? 0 : it->second;
            if (mc != ft.count(p)) report(Violation::MapcountMismatch, p, ft.priv(p));
            // Every anonymous and page-cache page is on the LRU list of its kind.
            const std::uint8_t l = m.pageExt.lru(p);
            if (l == kNoLru || lruIsFile(static_cast<LruList>(l)) != (s == FrameState::File))
                report(Violation::LruMembership, p, ft.priv(p));
            if (s == FrameState::Anon) {
                nAnon += Pfn(1) << order;
                nThp += order > 0;
                if (order && order != hugeOrder) report(Violation::HugeMapBroken, p, ft.priv(p));
                // An unmapped anonymous page may only wait in the swap cache for a swap entry still in use.
                const std::uint32_t entry = m.pageExt.swap(p);
                const bool cachedForSwap = entry && (m.swap.countOf(entry) & kSwapCountMask);
                if (!mc && !cachedForSwap) report(Violation::LeakedPage, p, ft.priv(p));
            } else {
                ++nFile;
                nMapped += mc > 0;
                const std::uint32_t fid = ft.priv(p);
                if (fid >= m.files.size()) {
                    report(Violation::PageCacheBroken, p);
                } else {
                    auto c = m.files[fid].cache.find(ft.next(p));
                    if (c == m.files[fid].cache.end() || c->second != p) report(Violation::PageCacheBroken, p);
                }
            }
        }
        p += Pfn(1) << order;
    }
    std::uint64_t cacheEntries = 0;
    for (const File& f : m.files) cacheEntries += f.cache.size();
    // The pool: counts, free list, reservations (HugePages_Total/Free/Rsvd/Surp).
    std::uint64_t resv = 0;
    for (const auto& [pid, p] : m.procs) resv += p.mm.hugetlbResv;
    if (hugetlbPages != pool.total || hugetlbFree != pool.free || pool.freeList.size() != pool.free
        || resv != pool.resv || pool.resv > pool.free || pool.surplus > pool.total)
        report(Violation::HugetlbPoolBroken, 1);

    // LRU lists: links both ways, sizes, tags; only anonymous and page-cache heads on them.
    std::uint64_t onLru = 0;
    for (int l = 0; l < kNrLru; ++l) {
        const LruHead& h = m.lru.lists[static_cast<std::size_t>(l)];
        std::uint64_t n = 0;
        std::uint32_t prev = kNil;
        for (std::uint32_t cur = h.head; cur != kNil; cur = m.pageExt.next(cur)) {
            // The list counts pages: a huge folio 2^order of them.
            if (cur >= ft.size() || m.pageExt.prev(cur) != prev || m.pageExt.lru(cur) != l
                || (n += Pfn(1) << (ft.state(cur) == FrameState::Tail ? 0 : ft.order(cur))) > h.size) {
                report(Violation::LruBroken, cur < ft.size() ? cur : 0);
                break;
            }
            const FrameState s = ft.state(cur);
            if (s != FrameState::Anon && s != FrameState::File) report(Violation::LruMembership, cur);
            prev = cur;
        }
        if (n != h.size || h.tail != prev) report(Violation::LruBroken, static_cast<Pfn>(l));
        onLru += n;
    }
    if (onLru != nAnon + nFile) report(Violation::LruMembership, 0);

    // Swap: swap_map counts = entries in page tables, SWAP_HAS_CACHE = in the swap cache.
    for (const auto& [entry, pfn] : m.swap.cache)
        if (pfn >= ft.size() || ft.state(pfn) != FrameState::Anon || m.pageExt.swap(pfn) != entry
            || !m.pageExt.test(pfn, PageFlag::SwapCache))
            report(Violation::SwapCacheBroken, pfn);
    for (std::size_t t = 0; t < m.swap.areas.size(); ++t) {
        const SwapArea& area = m.swap.areas[t];
        std::uint64_t inuse = 0;
        for (std::uint64_t off = 1; off <= area.pages; ++off) {
            const std::uint8_t v = area.at(off);
            if (!v) continue;
            ++inuse;
            const auto entry = SwapEntry::pack(static_cast<std::uint32_t>(t), off);
            if (v & kSwapCountMask) {
                auto it = swapRefs.find(entry);
                if (it == swapRefs.end() || it->second != (v & kSwapCountMask))
                    report(Violation::SwapCountMismatch, off, 0, t);
            }
            if ((v & kSwapHasCache) && m.swap.cache.find(entry) == m.swap.cache.end())
                report(Violation::SwapCacheBroken, off, 0, t);
        }
        if (inuse != area.inuse) report(Violation::SwapCountMismatch, 0, 0, t);
    }
    for (const auto& [entry, refs] : swapRefs)
        if ((m.swap.countOf(entry) & kSwapCountMask) != refs) report(Violation::SwapCountMismatch, SwapEntry::offset(entry));
    for (const auto& [entry, pfn] : m.swap.cache)
        if (!(m.swap.countOf(entry) & kSwapHasCache)) report(Violation::SwapCacheBroken, pfn);
    if (nTables != m.vmc.pageTablePages || tables != nTables) report(Violation::VmCounterMismatch, 0);
    if (nAnon != m.vmc.anonPages || nFile != m.vmc.filePages || nMapped != m.vmc.fileMapped || cacheEntries != nFile
        || nThp != m.vmc.anonThps)
        report(Violation::VmCounterMismatch, 1);

    // The TLB never holds a translation its process's tables no longer give (a missed
    // flush): a 4 KiB entry its PTE, a huge-page entry its huge PMD.
    for (const auto* arr : { &m.tlb.small, &m.tlb.huge })
        for (const TlbEntry& t : *arr) {
            if (!(t.flags & TlbFlag::Valid) || (t.flags & TlbFlag::Global)) continue;
            const Process* p = m.proc(t.pid);
            if (!p || !p->alive()) continue;
            const bool huge = t.flags & TlbFlag::Huge;
            const std::uint64_t va = t.vpn << (huge ? a.pageShift + hugeOrder : a.pageShift);
            Pfn table = p->mm.pgd;
            std::uint64_t e = 0;
            bool hugeLeaf = false;
            for (int l = 0; l < levels; ++l) {
                const std::uint64_t idx = (va >> spanShift[static_cast<std::size_t>(l)]) & (a.entriesAt(l) - 1);
                e = m.phys.readLE(table * a.pageSize() + idx * static_cast<std::uint64_t>(fmt.bytes), fmt.bytes);
                if (!fmt.present(e)) break;
                if (hugeArch && l > 0 && l + 1 < levels && (fmt.flags(e) & PteFlag::Huge)) {
                    hugeLeaf = true;
                    break;
                }
                table = fmt.pfn(e);
            }
            if (!fmt.present(e) || hugeLeaf != huge || fmt.pfn(e) != t.pfn
                || ((t.flags & TlbFlag::Write) && !(fmt.flags(e) & PteFlag::Write)))
                report(Violation::StaleTlb, t.pfn, t.pid, va);
        }
}

} // namespace

std::vector<Finding> checkMachine(const Machine& m, bool atRest)
{
    std::vector<Finding> out;
    const FrameTable& ft = m.frames;
    const Pfn n = ft.size();
    auto report = [&](Violation v, Pfn p, int zone = -1, int order = -1) {
        if (out.size() < 64) out.push_back({v, p, zone, order});
    };

    // 1. Walk frames in address order: each head owns exactly 2^order frames, all Tail.
    std::vector<std::uint64_t> freeHeadsPerZoneOrder(m.zones.size() * kNrOrders, 0);
    std::vector<std::uint64_t> reservedPerZone(m.zones.size(), 0);
    std::vector<std::uint64_t> holesPerZone(m.zones.size(), 0);
    Pfn p = 0;
    while (p < n) {
        const FrameState s = ft.state(p);
        const int zid = m.zoneOf(p);
        if (s == FrameState::Tail) {
            report(Violation::OrphanTail, p, zid);
            ++p;
            continue;
        }
        const int order = ft.order(p);
        if (order > kMaxOrder) {
            report(Violation::BadOrder, p, zid, order);
            ++p;
            continue;
        }
        const Pfn size = Pfn(1) << order;
        if (p & (size - 1)) report(Violation::MisalignedBlock, p, zid, order);
        if (s == FrameState::Hole && zid == kNoZone) { ++p; continue; } // pfn 0 lies before every zone
        if (zid < 0 || zid == kNoZone || p + size > m.zones[static_cast<std::size_t>(zid)].endPfn()) {
            report(Violation::BlockCrossesZone, p, zid, order);
        }
        if (isReserved(s) && zid != kNoZone) ++reservedPerZone[static_cast<std::size_t>(zid)];
        if (s == FrameState::Hole && zid != kNoZone) ++holesPerZone[static_cast<std::size_t>(zid)];
        if (s == FrameState::Free && zid != kNoZone)
            ++freeHeadsPerZoneOrder[static_cast<std::size_t>(zid) * kNrOrders + static_cast<std::size_t>(order)];
        if (s == FrameState::InHand && atRest) report(Violation::InHandAtRest, p, zid, order);
        Pfn q = p + 1;
        for (; q < p + size && q < n; ++q)
            if (ft.state(q) != FrameState::Tail) {
                report(Violation::BlockOverlap, q, zid, order);
                break;
            }
        p = q;
    }

    // 2. Free lists: linked both ways, right zone/order/state, lengths match.
    for (std::size_t z = 0; z < m.zones.size(); ++z) {
        const Zone& zone = m.zones[z];
        std::uint64_t pages = 0;
        for (int o = 0; o < kNrOrders; ++o) {
            const FreeArea& fa = zone.freeArea[static_cast<std::size_t>(o)];
            std::uint64_t len = 0;
            std::uint32_t prev = kNil;
            std::uint32_t cur = fa.head;
            bool broken = false;
            while (cur != kNil) {
                if (cur >= n || len > n) {
                    broken = true;
                    break;
                }
                if (ft.prev(cur) != prev) broken = true;
                if (!zone.contains(cur)) report(Violation::ListWrongZone, cur, static_cast<int>(z), o);
                if (ft.state(cur) != FrameState::Free || ft.order(cur) != o)
                    report(Violation::ListEntryNotFree, cur, static_cast<int>(z), o);
                ++len;
                prev = cur;
                cur = ft.next(cur);
            }
            if (broken || fa.tail != prev) report(Violation::ListBrokenLinks, prev == kNil ? 0 : prev, static_cast<int>(z), o);
            if (len != fa.nrFree) report(Violation::NrFreeMismatch, fa.head == kNil ? 0 : fa.head, static_cast<int>(z), o);
            if (freeHeadsPerZoneOrder[z * kNrOrders + static_cast<std::size_t>(o)] != fa.nrFree)
                report(Violation::FreeNotOnList, fa.head == kNil ? 0 : fa.head, static_cast<int>(z), o);
            pages += fa.nrFree << o;
        }
        if (pages != zone.freePages) report(Violation::FreePagesMismatch, zone.startPfn, static_cast<int>(z));
        if (zone.populated()
            && (zone.managed + reservedPerZone[z] != zone.present || zone.present + holesPerZone[z] != zone.spanned))
            report(Violation::ManagedMismatch, zone.startPfn, static_cast<int>(z));
        if (atRest && zone.workPfn != kNil) report(Violation::InHandAtRest, zone.workPfn, static_cast<int>(z));
    }
    checkVm(m, out);
    checkSlab(m, out);
    checkKernelMappings(m, out);
    return out;
}

} // namespace memviz
