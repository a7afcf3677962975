#include "alloc/Buddy.h"
#include "alloc/KernelMap.h"
#include "vm/VmOps.h"

#include "sim/Machine.h"

namespace memviz::buddy {

namespace {

void listDel(Machine& m, Zone& z, int order, Pfn p)
{
    FreeArea& fa = z.freeArea[static_cast<std::size_t>(order)];
    const std::uint32_t n = m.frames.next(p), pv = m.frames.prev(p);
    if (pv != kNil) m.frames.setNext(pv, n);
    else fa.head = n;
    if (n != kNil) m.frames.setPrev(n, pv);
    else fa.tail = pv;
    m.frames.setNext(p, kNil);
    m.frames.setPrev(p, kNil);
    --fa.nrFree;
    z.freePages -= Pfn(1) << order;
}

void listAdd(Machine& m, Zone& z, int order, Pfn p, bool tail)
{
    FreeArea& fa = z.freeArea[static_cast<std::size_t>(order)];
    const auto p32 = static_cast<std::uint32_t>(p);
    if (tail) {
        m.frames.setNext(p, kNil);
        m.frames.setPrev(p, fa.tail);
        if (fa.tail != kNil) m.frames.setNext(fa.tail, p32);
        else fa.head = p32;
        fa.tail = p32;
    } else {
        m.frames.setPrev(p, kNil);
        m.frames.setNext(p, fa.head);
        if (fa.head != kNil) m.frames.setPrev(fa.head, p32);
        else fa.tail = p32;
        fa.head = p32;
    }
    ++fa.nrFree;
    z.freePages += Pfn(1) << order;
}

/// Emits WatermarkCrossed for every mark the zone's free count passed.
void reportCrossings(const Zone& z, std::uint8_t zid, std::uint64_t before, Emitter& em)
{
    const std::uint64_t after = z.freePages;
    if (before == after) return;
    for (int w = 0; w <= static_cast<int>(Wmark::High); ++w) {
        const std::uint64_t mark = z.mark(static_cast<Wmark>(w));
        const bool wasAbove = before > mark, isAbove = after > mark;
        if (wasAbove == isAbove) continue;
        Event e;
        e.type = EventType::WatermarkCrossed;
        e.zone = zid;
        e.flags = static_cast<std::uint32_t>(w) | (isAbove ? 0 : EventFlag::Below);
        e.a = after;
        e.b = mark;
        em.onEvent(e);
    }
}

/// zone_idx() of zone type t: its index in a node's zone array (every node has the same).
int zoneIndexOf(const Machine& m, ZoneType t)
{
    if (m.nodes.empty()) return 0;
    for (std::uint8_t zid : m.nodes[0].zones)
        if (m.zones[zid].type == t) return m.zones[zid].indexInNode;
    return 0;
}

/// __rmqueue_smallest(): the first block of the smallest sufficient order, split down.
/// `preferred` is the first zone of the zonelist (ac->preferred_zoneref) and `localNode`
/// the node of the allocating CPU: BuddyAlloc carries both for zone_statistics().
std::optional<Pfn> rmqueueSmallest(const Machine& m, Emitter& em, std::uint8_t zid, int order, std::uint8_t preferred,
                                   int localNode)
{
    const Zone& z = m.zones[zid];
    for (int cur = order; cur < kNrOrders; ++cur) {
        const std::uint32_t head = z.freeArea[static_cast<std::size_t>(cur)].head;
        if (head == kNil) continue;
        const Pfn p = head;
        // expand(): keep the lower half, put the upper half on the next list down.
        for (int o = cur; o > order; --o) {
            Event e;
            e.type = EventType::BuddySplit;
            e.zone = zid;
            e.order = static_cast<std::uint8_t>(o);
            e.pfn = p;
            e.a = p + (Pfn(1) << (o - 1));
            em.onEvent(e);
        }
        const std::uint8_t preferredNode = m.zones[preferred].node;
        if (z.node != preferredNode) { // the block comes from another node than the preferred one
            Event f;
            f.type = EventType::NodeFallback;
            f.zone = zid;
            f.order = static_cast<std::uint8_t>(order);
            f.pfn = p;
            f.a = preferredNode;
            f.b = z.node;
            em.onEvent(f);
        }
        Event e;
        e.type = EventType::BuddyAlloc;
        e.zone = zid;
        e.order = static_cast<std::uint8_t>(order);
        e.pfn = p;
        e.a = static_cast<std::uint64_t>(cur);
        e.c = static_cast<std::uint64_t>(preferred) | static_cast<std::uint64_t>(localNode & 0xFF) << 8;
        em.onEvent(e);
        return p;
    }
    return std::nullopt;
}

std::optional<Pfn> tryZonelist(const Machine& m, Emitter& em, int order, ZoneType highest, Wmark mark, int node,
                               int localNode)
{
    const auto& list = m.zonelists[static_cast<std::size_t>(node)][static_cast<std::size_t>(highest)];
    // highest_zoneidx: gfp_zone()'s zone index, the same in every node's zone array.
    const int highestIdx = zoneIndexOf(m, highest);
    for (std::uint8_t zid : list) {
        const Zone& z = m.zones[zid];
        const std::uint64_t markPages = z.mark(mark);
        const bool ok = watermarkOk(z, order, markPages, highestIdx);
        Event e;
        e.type = EventType::ZoneCheck;
        e.zone = zid;
        e.order = static_cast<std::uint8_t>(order);
        e.flags = static_cast<std::uint32_t>(mark) | (ok ? EventFlag::Ok : 0);
        e.a = z.freePages;
        e.b = markPages;
        e.c = z.lowmemReserve[static_cast<std::size_t>(highestIdx)];
        em.onEvent(e);
        if (!ok) continue;
        const std::uint64_t before = z.freePages;
        if (auto p = rmqueueSmallest(m, em, zid, order, list.front(), localNode)) {
            reportCrossings(m.zones[zid], zid, before, em);
            return p;
        }
    }
    return std::nullopt;
}

} // namespace

std::optional<Pfn> getPageFromFreelist(const Machine& m, Emitter& em, int order, ZoneType highest, Wmark mark,
                                       int node, int localNode)
{
    // By default the allocating CPU runs on the node it allocates for (a process's home node).
    return tryZonelist(m, em, order, highest, mark, node, localNode < 0 ? node : localNode);
}

Error resolveHighestZone(const Machine& m, ZoneType requested, ZoneType* out)
{
    ZoneType t = requested;
    if (t == ZoneType::HighMem && !m.config.arch.is32bit) t = ZoneType::Normal;
    if (t == ZoneType::DMA32 && m.config.arch.is32bit) t = ZoneType::Normal;
    if (m.zoneId(t) == kNoZone) return Error{ErrorCode::UnknownZone, 0, 0, std::string(zoneTypeName(requested))};
    if (m.zonelists[0][static_cast<std::size_t>(t)].empty())
        return Error{ErrorCode::ZoneNotPopulated, 0, 0, std::string(zoneTypeName(requested))};
    *out = t;
    return {};
}

Error validateAlloc(const Machine& m, int order, ZoneType highest, int node)
{
    if (order < 0 || order > kMaxOrder) return Error{ErrorCode::OrderOutOfRange, order, kMaxOrder, {}};
    if (node >= static_cast<int>(m.nodes.size()) || node < -1)
        return Error{ErrorCode::UnknownNode, node, static_cast<std::int64_t>(m.nodes.size()), {}};
    ZoneType t;
    return resolveHighestZone(m, highest, &t);
}

Error validateFree(const Machine& m, Pfn pfn, int order)
{
    if (order < 0 || order > kMaxOrder) return Error{ErrorCode::OrderOutOfRange, order, kMaxOrder, {}};
    if (pfn >= m.frames.size()) return Error{ErrorCode::PfnOutOfRange, static_cast<std::int64_t>(pfn), 0, {}};
    const FrameState s = m.frames.state(pfn);
    if (s == FrameState::Tail) {
        const Pfn h = m.frames.headOf(pfn);
        if (isAllocated(m.frames.state(h)))
            return Error{ErrorCode::NotBlockHead, static_cast<std::int64_t>(pfn), static_cast<std::int64_t>(h), {}};
        return Error{ErrorCode::NotAllocated, static_cast<std::int64_t>(pfn), 0, {}};
    }
    if (s != FrameState::Kernel) return Error{ErrorCode::NotAllocated, static_cast<std::int64_t>(pfn), 0, {}};
    // Not while the kernel still has it mapped (kmap): the pkmap slot would point at a free page.
    if (kmem::kmapUsers(m, pfn, order)) return Error{ErrorCode::NotAllocated, static_cast<std::int64_t>(pfn), 0, "kmapped"};
    if (m.frames.order(pfn) != order)
        return Error{ErrorCode::OrderMismatch, static_cast<std::int64_t>(pfn), order,
                     std::to_string(m.frames.order(pfn))};
    return {};
}

bool watermarkOk(const Zone& z, int order, std::uint64_t mark, int highestZoneIndex)
{
    const auto freePages = static_cast<std::int64_t>(z.freePages) - ((std::int64_t(1) << order) - 1);
    const auto min = static_cast<std::int64_t>(mark + z.lowmemReserve[static_cast<std::size_t>(highestZoneIndex)]);
    if (freePages <= min) return false;
    if (order == 0) return true;
    for (int o = order; o < kNrOrders; ++o)
        if (z.freeArea[static_cast<std::size_t>(o)].nrFree) return true;
    return false;
}

std::optional<Pfn> allocPages(const Machine& m, Emitter& em, int order, ZoneType highest, int node)
{
    ZoneType t;
    if (resolveHighestZone(m, highest, &t)) return std::nullopt;
    // Fast path: get_page_from_freelist() with ALLOC_WMARK_LOW.
    // alloc_pages_node() from the kernel's own commands: the CPU is on node 0.
    constexpr int kLocalNode = 0;
    if (auto p = tryZonelist(m, em, order, t, Wmark::Low, node, kLocalNode)) return p;
    // Slow path: the kernel would wake kswapd here; then it retries at the min watermark.
    Event slow;
    slow.type = EventType::SlowPath;
    slow.order = static_cast<std::uint8_t>(order);
    slow.flags = static_cast<std::uint32_t>(t);
    em.onEvent(slow);
    if (auto p = tryZonelist(m, em, order, t, Wmark::Min, node, kLocalNode)) return p;
    Event fail;
    fail.type = EventType::AllocFailed;
    fail.order = static_cast<std::uint8_t>(order);
    fail.flags = static_cast<std::uint32_t>(t);
    em.onEvent(fail);
    return std::nullopt;
}

void freePages(const Machine& m, Emitter& em, Pfn pfn, int order)
{
    const std::uint8_t zid = m.zoneOf(pfn);
    const Zone& z = m.zones[zid];
    const std::uint64_t before = z.freePages;
    Event f;
    f.type = EventType::BuddyFree;
    f.zone = zid;
    f.order = static_cast<std::uint8_t>(order);
    f.pfn = pfn;
    em.onEvent(f);

    // __free_one_page(): merge with the buddy while it is a free block of the same order.
    Pfn buddyPfn = pfn ^ (Pfn(1) << order);
    while (order < kMaxOrder) {
        buddyPfn = pfn ^ (Pfn(1) << order);
        const bool isBuddy = z.contains(buddyPfn) && m.frames.state(buddyPfn) == FrameState::Free
            && m.frames.order(buddyPfn) == order;
        if (!isBuddy) break;
        Event e;
        e.type = EventType::BuddyMerge;
        e.zone = zid;
        e.order = static_cast<std::uint8_t>(order);
        e.pfn = pfn;
        e.a = buddyPfn;
        e.b = pfn & buddyPfn;
        em.onEvent(e);
        pfn &= buddyPfn;
        ++order;
    }
    // buddy_merge_likely(): if the block we would form with our (busy) buddy has a
    // free buddy itself, queue at the tail so this block is still free when ours returns.
    bool toTail = false;
    Pfn likely = 0;
    if (order < kMaxOrder - 1) {
        const Pfn higher = buddyPfn & pfn;
        const Pfn higherBuddy = higher ^ (Pfn(1) << (order + 1));
        toTail = z.contains(higherBuddy) && m.frames.state(higherBuddy) == FrameState::Free
            && m.frames.order(higherBuddy) == order + 1;
        likely = higherBuddy;
    }
    Event add;
    add.type = EventType::BuddyListAdd;
    add.zone = zid;
    add.order = static_cast<std::uint8_t>(order);
    add.pfn = pfn;
    add.flags = toTail ? EventFlag::Tail : 0;
    add.a = toTail ? likely : 0;
    em.onEvent(add);
    reportCrossings(m.zones[zid], zid, before, em);
}

void apply(Machine& m, const Event& e)
{
    Zone& z = m.zones[e.zone];
    const int order = e.order;
    switch (e.type) {
    case EventType::BuddySplit: {
        if (m.frames.state(e.pfn) == FrameState::Free) listDel(m, z, order, e.pfn);
        m.frames.setHead(e.a, FrameState::Free, order - 1);
        listAdd(m, z, order - 1, e.a, false);
        m.frames.setHead(e.pfn, FrameState::InHand, order - 1);
        z.workPfn = static_cast<std::uint32_t>(e.pfn);
        z.workOrder = static_cast<std::uint8_t>(order - 1);
        break;
    }
    case EventType::BuddyAlloc:
        if (m.frames.state(e.pfn) == FrameState::Free) listDel(m, z, order, e.pfn);
        m.frames.setHead(e.pfn, FrameState::Kernel, order);
        z.workPfn = kNil;
        m.vm.pgalloc[static_cast<std::size_t>(z.type)] += Pfn(1) << order;
        { // zone_statistics(): one event per allocation (c = preferred zone | local node << 8)
            Zone& preferred = m.zones[static_cast<std::size_t>(e.c & 0xFF) < m.zones.size() ? e.c & 0xFF : e.zone];
            const auto localNode = static_cast<std::uint8_t>(e.c >> 8);
            if (z.node == preferred.node) {
                ++z.numaHit;
            } else {
                ++z.numaMiss;
                ++preferred.numaForeign;
            }
            if (z.node == localNode) ++z.numaLocal;
            else ++z.numaOther;
        }
        break;
    case EventType::BuddyFree:
        vm::frameReleased(m, e.pfn); // page-table, anonymous and page-cache counters follow the state
        m.frames.setHead(e.pfn, FrameState::InHand, order);
        z.workPfn = static_cast<std::uint32_t>(e.pfn);
        z.workOrder = static_cast<std::uint8_t>(order);
        m.vm.pgfree += Pfn(1) << order;
        break;
    case EventType::BuddyMerge: {
        listDel(m, z, order, e.a);
        const Pfn combined = e.b;
        const Pfn upper = e.pfn | e.a;
        m.frames.setTail(upper);
        m.frames.setHead(combined, FrameState::InHand, order + 1);
        z.workPfn = static_cast<std::uint32_t>(combined);
        z.workOrder = static_cast<std::uint8_t>(order + 1);
        break;
    }
    case EventType::BuddyListAdd:
        m.frames.setHead(e.pfn, FrameState::Free, order);
        listAdd(m, z, order, e.pfn, (e.flags & EventFlag::Tail) != 0);
        z.workPfn = kNil;
        break;
    default: break;
    }
}

} // namespace memviz::buddy
