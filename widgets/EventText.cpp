#include "EventText.h"

#include "sim/Machine.h"

namespace memviz {

using namespace Qt::StringLiterals;

namespace {

std::uint64_t blockPages(int order)
{
    return std::uint64_t(1) << order;
}

QString markName(Wmark w)
{
    switch (w) {
    case Wmark::Min:
        return EventText::tr("min");
    case Wmark::Low:
        return EventText::tr("low");
    case Wmark::High:
        return EventText::tr("high");
    case Wmark::Promo:
        return EventText::tr("promo");
    }
    return QString();
}

QString eventZone(const Machine& m, const Event& e)
{
    if (e.zone < m.zones.size()) return EventText::zoneLabel(m, e.zone);
    return EventText::tr("(no zone)");
}

std::uint64_t nrFree(const Machine& m, const Event& e, int order)
{
    if (e.zone >= m.zones.size() || order < 0 || order > kMaxOrder) return 0;
    return m.zones[e.zone].freeArea[static_cast<std::size_t>(order)].nrFree;
}

std::uint64_t zoneFree(const Machine& m, const Event& e)
{
    return e.zone < m.zones.size() ? m.zones[e.zone].freePages : 0;
}

/// "0x3e00–0x3e07" for a block of several pages, "0x3e00" for one page.
QString pfnRange(std::uint64_t pfn, int order)
{
    if (order == 0) return EventText::pfn(pfn);
    return EventText::pfn(pfn) + u"–"_s + EventText::pfn(pfn + blockPages(order) - 1);
}

/// The zones an allocation limited to `highest` may use, in fallback order: "DMA32, DMA".
QString zonelist(const Machine& m, ZoneType highest)
{
    QStringList names;
    const auto t = static_cast<std::size_t>(highest);
    if (!m.zonelists.empty() && t < m.zonelists[0].size())
        for (std::uint8_t id : m.zonelists[0][t]) names << EventText::zoneLabel(m, id);
    return names.isEmpty() ? EventText::zoneName(highest) : names.join(u", "_s);
}

QString blockCount(std::uint64_t n)
{
    return n == 1 ? EventText::tr("1 block") : EventText::tr("%1 blocks").arg(n);
}

} // namespace

QString EventText::pfn(std::uint64_t pfn)
{
    return u"0x"_s + QString::number(pfn, 16);
}

QString EventText::bytes(std::uint64_t bytes)
{
    constexpr std::uint64_t kKiB = 1024, kMiB = kKiB * 1024, kGiB = kMiB * 1024, kTiB = kGiB * 1024;
    const auto fmt = [](std::uint64_t b, std::uint64_t unit, const QString& name) -> QString {
        if (b % unit == 0) return QString::number(b / unit) + u' ' + name;
        return QString::number(double(b) / double(unit), 'f', 1) + u' ' + name;
    };
    if (bytes >= kTiB) return fmt(bytes, kTiB, u"TiB"_s);
    if (bytes >= kGiB) return fmt(bytes, kGiB, u"GiB"_s);
    if (bytes >= kMiB) return fmt(bytes, kMiB, u"MiB"_s);
    if (bytes >= kKiB) return fmt(bytes, kKiB, u"KiB"_s);
    return QString::number(bytes) + u" B"_s;
}

QString EventText::pages(std::uint64_t n)
{
    return n == 1 ? tr("1 page") : tr("%1 pages").arg(n);
}

QString EventText::orderLabel(const Machine& m, int order)
{
    return tr("order %1 · %2 · %3").arg(order).arg(pages(blockPages(order)), bytes(m.pageSize() << order));
}

QString EventText::zoneName(ZoneType t)
{
    switch (t) {
    case ZoneType::DMA:
        return u"DMA"_s;
    case ZoneType::DMA32:
        return u"DMA32"_s;
    case ZoneType::Normal:
        return u"Normal"_s;
    case ZoneType::HighMem:
        return u"HighMem"_s;
    case ZoneType::Movable:
        return u"Movable"_s;
    case ZoneType::Device:
        return u"Device"_s;
    case ZoneType::Count:
        break;
    }
    return u"?"_s;
}

QString EventText::zoneLabel(const Machine& m, int zoneId)
{
    if (zoneId < 0 || static_cast<std::size_t>(zoneId) >= m.zones.size()) return tr("(no zone)");
    const Zone& z = m.zones[static_cast<std::size_t>(zoneId)];
    if (m.nodes.size() > 1) return tr("%1 (node %2)").arg(zoneName(z.type)).arg(z.node);
    return zoneName(z.type);
}

QString EventText::frameStateName(FrameState s)
{
    switch (s) {
    case FrameState::Tail:
        return tr("inside a block");
    case FrameState::Free:
        return tr("free");
    case FrameState::InHand:
        return tr("in the allocator's hand");
    case FrameState::Kernel:
        return tr("allocated (kernel)");
    case FrameState::Firmware:
        return tr("firmware");
    case FrameState::KernelImage:
        return tr("kernel image");
    case FrameState::MemMap:
        return tr("memmap (struct page array)");
    case FrameState::BootAlloc:
        return tr("boot allocation");
    case FrameState::Hole:
        return tr("hole (no RAM)");
    case FrameState::Count:
        break;
    }
    return tr("unknown");
}

QString EventText::typeName(EventType t)
{
    switch (t) {
    case EventType::BuddyAlloc:
        return tr("Allocate");
    case EventType::BuddySplit:
        return tr("Split");
    case EventType::BuddyFree:
        return tr("Free");
    case EventType::BuddyMerge:
        return tr("Merge");
    case EventType::BuddyListAdd:
        return tr("Add to free list");
    case EventType::ZoneCheck:
        return tr("Watermark check");
    case EventType::SlowPath:
        return tr("Slow path");
    case EventType::AllocFailed:
        return tr("Allocation failed");
    case EventType::WatermarkCrossed:
        return tr("Watermark crossed");
    case EventType::Count:
        break;
    }
    return tr("Unknown event");
}

QString EventText::summary(const Machine& m, const Event& e)
{
    const QString zone = eventZone(m, e);
    const int o = e.order;
    const auto mark = static_cast<Wmark>(e.flags & EventFlag::MarkMask);
    switch (e.type) {
    case EventType::BuddyAlloc:
        if (static_cast<int>(e.a) == o)
            return tr("Allocate order-%1 block %2 of %3 (%4) from the head of the order-%1 free list")
                .arg(o)
                .arg(pfn(e.pfn), zone, bytes(m.pageSize() << o));
        return tr("Allocate order-%1 block %2 of %3 (%4), the low end of an order-%5 block")
            .arg(o)
            .arg(pfn(e.pfn), zone, bytes(m.pageSize() << o))
            .arg(e.a);
    case EventType::BuddySplit:
        return tr("Split order-%1 block %2 of %3: upper half %4 → order-%5 free list (head)")
            .arg(o)
            .arg(pfn(e.pfn), zone, pfn(e.a))
            .arg(o - 1);
    case EventType::BuddyFree:
        return tr("Free order-%1 block %2 of %3 (%4)").arg(o).arg(pfn(e.pfn), zone, bytes(m.pageSize() << o));
    case EventType::BuddyMerge:
        return tr("Merge order-%1 block %2 with its free buddy %3 → order-%4 block %5")
            .arg(o)
            .arg(pfn(e.pfn), pfn(e.a))
            .arg(o + 1)
            .arg(pfn(e.b));
    case EventType::BuddyListAdd:
        if (e.flags & EventFlag::Tail)
            return tr("Put order-%1 block %2 of %3 at the TAIL of the order-%1 free list (likely buddy %4 is free)")
                .arg(o)
                .arg(pfn(e.pfn), zone, pfn(e.a));
        return tr("Put order-%1 block %2 of %3 at the head of the order-%1 free list").arg(o).arg(pfn(e.pfn), zone);
    case EventType::ZoneCheck: {
        const bool ok = e.flags & EventFlag::Ok;
        return tr("Watermark check %1, order %2: free %3 vs %4 %5 + reserve %6 → %7")
            .arg(zone)
            .arg(o)
            .arg(e.a)
            .arg(markName(mark))
            .arg(e.b)
            .arg(e.c)
            .arg(ok ? tr("pass") : tr("fail"));
    }
    case EventType::SlowPath:
        return tr("Slow path for an order-%1 request: no zone (%2) passed its low watermark")
            .arg(o)
            .arg(zonelist(m, static_cast<ZoneType>(e.flags)));
    case EventType::AllocFailed:
        return tr("Allocation failed: no zone (%1) can supply an order-%2 block (%3)")
            .arg(zonelist(m, static_cast<ZoneType>(e.flags)))
            .arg(o)
            .arg(bytes(m.pageSize() << o));
    case EventType::WatermarkCrossed:
        if (e.flags & EventFlag::Below)
            return tr("%1 fell to its %2 watermark: %3 free pages ≤ %4").arg(zone, markName(mark)).arg(e.a).arg(e.b);
        return tr("%1 rose above its %2 watermark: %3 free pages > %4").arg(zone, markName(mark)).arg(e.a).arg(e.b);
    case EventType::Count:
        break;
    }
    return tr("Unknown event");
}

QString EventText::explanation(const Machine& m, const Event& e)
{
    const QString zone = eventZone(m, e);
    const int o = e.order;
    const auto size = [&](int order) { return bytes(m.pageSize() << order); };
    const auto mark = static_cast<Wmark>(e.flags & EventFlag::MarkMask);
    switch (e.type) {
    case EventType::BuddySplit:
        return tr("expand() in mm/page_alloc.c, called from __rmqueue_smallest(), halves the order-%1 block at %2 "
                  "(%3, %4). The lower half %2 stays in the allocator's hand as an order-%5 block; the upper half "
                  "%6 (%7) goes on the head of the order-%5 free list of %8, which now holds %9. Halving repeats "
                  "until the block is exactly as large as the request.")
            .arg(o)
            .arg(pfn(e.pfn), pages(blockPages(o)), size(o))
            .arg(o - 1)
            .arg(pfn(e.a), size(o - 1), zone, blockCount(nrFree(m, e, o - 1)));
    case EventType::BuddyAlloc: {
        const int from = static_cast<int>(e.a);
        QString how = from == o
            ? tr("It was the first block on the order-%1 free list, which now holds %2.")
                  .arg(o)
                  .arg(blockCount(nrFree(m, e, o)))
            : tr("It is the low end of the order-%1 block taken from the head of the order-%1 list; the upper "
                 "halves split off on the way down now wait on the free lists of orders %2 to %3.")
                  .arg(from)
                  .arg(o)
                  .arg(from - 1);
        return tr("__rmqueue_smallest() (through rmqueue() in mm/page_alloc.c) hands the order-%1 block %2 "
                  "(%3, %4) to the caller of alloc_pages(). %5 %6 now has %7 free pages (%8).")
            .arg(o)
            .arg(pfnRange(e.pfn, o), pages(blockPages(o)), size(o), how, zone)
            .arg(zoneFree(m, e))
            .arg(bytes(m.pageSize() * zoneFree(m, e)));
    }
    case EventType::BuddyFree: {
        const QString pcp = o <= 3
            ? tr("Simplification: memviz has no per-CPU page lists. A real kernel would normally park a freed "
                 "order-%1 block on a per-CPU list (free_unref_page()) and merge it only later, in batches.")
                  .arg(o)
            : tr("Blocks above order 3 skip the per-CPU lists in the kernel too and go straight to the buddy "
                 "free lists.");
        return tr("__free_pages() gives the order-%1 block %2 (%3, %4) back to %5. __free_one_page() in "
                  "mm/page_alloc.c now looks for its buddy, %6 (pfn XOR %7), to merge with. %8")
            .arg(o)
            .arg(pfnRange(e.pfn, o), pages(blockPages(o)), size(o), zone, pfn(e.pfn ^ blockPages(o)))
            .arg(blockPages(o))
            .arg(pcp);
    }
    case EventType::BuddyMerge:
        return tr("__free_one_page() finds the buddy with __find_buddy_pfn(): buddy = pfn XOR (1 << order) = "
                  "%1 XOR %2 = %3. page_is_buddy() confirms that %3 is a free order-%4 block of the same zone, so "
                  "it leaves the order-%4 free list (now %5) and the two halves become the order-%6 block %7 "
                  "(%8). The search repeats one order up.")
            .arg(pfn(e.pfn), pfn(blockPages(o)), pfn(e.a))
            .arg(o)
            .arg(blockCount(nrFree(m, e, o)))
            .arg(o + 1)
            .arg(pfn(e.b), size(o + 1));
    case EventType::BuddyListAdd: {
        const std::uint64_t buddy = e.pfn ^ blockPages(o);
        const QString why = o >= kMaxOrder
            ? tr("Order %1 is the largest order, so the block cannot grow any further.").arg(kMaxOrder)
            : tr("Its buddy %1 is not a free order-%2 block, so __free_one_page() stops merging.")
                  .arg(pfn(buddy))
                  .arg(o);
        if (e.flags & EventFlag::Tail) {
            return tr("%1 buddy_merge_likely() looks one level up: the order-%2 block that %3 would form with "
                      "%4 has the buddy %5, and that block is free. So a merge two levels up is likely once %4 "
                      "comes back, and %3 goes on the TAIL of the order-%6 free list (now %7): allocations take "
                      "from the head, so they reach it last.")
                .arg(why)
                .arg(o + 1)
                .arg(pfn(e.pfn), pfn(buddy), pfn(e.a))
                .arg(o)
                .arg(blockCount(nrFree(m, e, o)));
        }
        QString rule;
        if (o < kMaxOrder - 1) {
            const std::uint64_t higher = e.pfn & ~blockPages(o);
            rule = tr("buddy_merge_likely() checked the order-%1 buddy %2 of the block %3 would form, found it "
                      "busy, so there is no reason to save the block for later.")
                       .arg(o + 1)
                       .arg(pfn(higher ^ blockPages(o + 1)), pfn(higher));
        }
        return tr("%1 The order-%2 block %3 goes on the head of the order-%2 free list of %4 (now %5), so "
                  "the next order-%2 allocation takes it first.")
            .arg(rule.isEmpty() ? why : why + u' ' + rule)
            .arg(o)
            .arg(pfn(e.pfn), zone, blockCount(nrFree(m, e, o)));
    }
    case EventType::ZoneCheck: {
        const bool ok = e.flags & EventFlag::Ok;
        const std::int64_t usable = static_cast<std::int64_t>(e.a) - static_cast<std::int64_t>(blockPages(o) - 1);
        const std::uint64_t need = e.b + e.c;
        const QString path = mark == Wmark::Min
            ? tr("The slow path retries against the min watermark (ALLOC_WMARK_MIN).")
            : tr("The fast path checks the %1 watermark (ALLOC_WMARK_LOW).").arg(markName(mark));
        QString verdict;
        if (ok)
            verdict
                = tr("%1 > %2, so %3 passes and the block is taken from this zone.").arg(usable).arg(need).arg(zone);
        else if (usable > static_cast<std::int64_t>(need))
            verdict = tr("There are enough free pages, but no free list of order %1 or more holds a block, so %2 "
                         "fails and the walk moves on to the next zone.")
                          .arg(o)
                          .arg(zone);
        else
            verdict = tr("%1 ≤ %2, so %3 fails and the zonelist walk moves on to the next zone.")
                          .arg(usable)
                          .arg(need)
                          .arg(zone);
        return tr("%11 get_page_from_freelist() asks __zone_watermark_ok() (through zone_watermark_fast()) "
                  "whether %1 may serve an order-%2 request: free pages minus the 2^%2 − 1 the request itself uses "
                  "(%3 − %4 = %5) must stay above the %6 watermark plus lowmem_reserve (%7 + %8 = %9). %10")
            .arg(zone)
            .arg(o)
            .arg(e.a)
            .arg(blockPages(o) - 1)
            .arg(usable)
            .arg(markName(mark))
            .arg(e.b)
            .arg(e.c)
            .arg(need)
            .arg(verdict, path);
    }
    case EventType::SlowPath:
        return tr("None of the zones %1 passed its low watermark for this order-%2 request, so __alloc_pages() enters "
                  "__alloc_pages_slowpath(). The kernel would now wake kswapd (wake_all_kswapds()) to reclaim in "
                  "the background; memviz does not simulate kswapd yet. The zonelist is then tried again at the "
                  "lower min watermark, which lets the request dip into the reserve.")
            .arg(zonelist(m, static_cast<ZoneType>(e.flags)))
            .arg(o);
    case EventType::AllocFailed:
        return tr("Even at the min watermark none of the zones %1 could supply an order-%2 block (%3). A real kernel "
                  "would now try direct reclaim (__alloc_pages_direct_reclaim()), compaction and finally the OOM "
                  "killer (__alloc_pages_may_oom()); memviz does not simulate these yet, so alloc_pages() returns "
                  "NULL. The machine has %4 free pages in all.")
            .arg(zonelist(m, static_cast<ZoneType>(e.flags)))
            .arg(o)
            .arg(size(o))
            .arg(m.freePages());
    case EventType::WatermarkCrossed: {
        const bool below = e.flags & EventFlag::Below;
        QString head = below ? tr("%1 now has %2 free pages, at or below its %3 watermark (%4 pages).")
                                   .arg(zone)
                                   .arg(e.a)
                                   .arg(markName(mark))
                                   .arg(e.b)
                             : tr("%1 now has %2 free pages, above its %3 watermark (%4 pages) again.")
                                   .arg(zone)
                                   .arg(e.a)
                                   .arg(markName(mark))
                                   .arg(e.b);
        QString meaning;
        switch (mark) {
        case Wmark::Low:
            meaning = below ? tr("The fast path (get_page_from_freelist() with ALLOC_WMARK_LOW) now skips this zone; "
                                 "when every zone is this low, __alloc_pages_slowpath() wakes kswapd to reclaim in "
                                 "the background (memviz does not simulate kswapd yet).")
                            : tr("The fast path (get_page_from_freelist() with ALLOC_WMARK_LOW) may allocate from "
                                 "it again without waking kswapd.");
            break;
        case Wmark::Min:
            meaning = below ? tr("Only the slow path's retries and allocations allowed into the reserve (__GFP_HIGH, "
                                 "GFP_ATOMIC) may still take pages here; an ordinary request would go to direct "
                                 "reclaim (__alloc_pages_direct_reclaim()).")
                            : tr("Ordinary allocations in the slow path (ALLOC_WMARK_MIN) may use this zone again.");
            break;
        case Wmark::High:
        case Wmark::Promo:
            meaning = below ? tr("Once woken, kswapd keeps reclaiming until the zone is back above this mark "
                                 "(pgdat_balanced() in mm/vmscan.c).")
                            : tr("kswapd would now consider the node balanced (pgdat_balanced() in mm/vmscan.c) and "
                                 "go back to sleep.");
            break;
        }
        return head + u' ' + meaning;
    }
    case EventType::Count:
        break;
    }
    return tr("memviz does not know this kind of event.");
}

} // namespace memviz
