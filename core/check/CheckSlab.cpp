#include "check/CheckSlab.h"

#include "alloc/Kmem.h"
#include "sim/Machine.h"

#include <algorithm>
#include <bit>
#include <set>

namespace memviz {

void checkSlab(const Machine& m, std::vector<Finding>& out)
{
    auto report = [&](Violation v, Pfn p, std::uint32_t pid = 0, std::uint64_t addr = 0) {
        if (out.size() < 64) out.push_back({v, p, -1, -1, pid, addr});
    };
    const Kmem& k = m.kmem;
    const FrameTable& ft = m.frames;
    std::vector<std::uint64_t> active(k.caches.size(), 0), slabs(k.caches.size(), 0);
    std::vector<std::vector<std::uint64_t>> nodeFree(k.caches.size(), std::vector<std::uint64_t>(m.nodes.size(), 0));
    for (const auto& [pfn, s] : k.slabs) {
        if (s.pfn != pfn || s.cache >= k.caches.size()) {
            report(Violation::SlabBroken, pfn);
            continue;
        }
        const SlabCache& c = k.caches[s.cache];
        if (pfn >= ft.size() || ft.state(pfn) != FrameState::Slab || ft.order(pfn) != c.order
            || ft.priv(pfn) != s.cache || ft.count(pfn) != s.inuse)
            report(Violation::SlabBroken, pfn);
        const std::uint8_t zid = m.zoneOf(pfn);
        if (zid == kNoZone || m.zones[zid].node != s.node) report(Violation::SlabBroken, pfn);
        // Objects: the bitmap, the free list and inuse agree.
        std::uint64_t used = 0;
        for (std::uint64_t w : s.used) used += static_cast<std::uint64_t>(std::popcount(w));
        std::set<std::uint16_t> freeSet(s.freeObjs.begin(), s.freeObjs.end());
        bool bad = used != s.inuse || s.inuse + s.freeObjs.size() != c.objsPerSlab
            || freeSet.size() != s.freeObjs.size() || s.used.size() != (c.objsPerSlab + 63u) / 64u;
        for (std::uint16_t i : s.freeObjs)
            if (i >= c.objsPerSlab || s.isUsed(i)) bad = true;
        if (bad) report(Violation::SlabBroken, pfn);
        // List membership: SLAB keeps full/partial/free by the count; SLUB's partial list
        // holds slabs with free objects, its full "list" only full ones.
        const bool slub = m.config.slab == SlabKind::Slub;
        switch (s.list) {
        case SlabList::Full: bad = s.inuse != c.objsPerSlab; break;
        case SlabList::Partial: bad = slub ? s.inuse == c.objsPerSlab : (s.inuse == 0 || s.inuse == c.objsPerSlab); break;
        case SlabList::Free: bad = slub || s.inuse != 0; break;
        case SlabList::Cpu: bad = !slub || c.cpuSlab != pfn; break;
        }
        if (s.list != SlabList::Cpu && s.node < c.nodes.size()) {
            const SlabNodeLists& n = c.nodes[s.node];
            const auto& v = s.list == SlabList::Full ? n.full : s.list == SlabList::Partial ? n.partial : n.free;
            if (std::count(v.begin(), v.end(), pfn) != 1) bad = true;
        }
        if (bad) report(Violation::SlabBroken, pfn);
        active[s.cache] += s.inuse;
        ++slabs[s.cache];
        if (s.node < m.nodes.size()) nodeFree[s.cache][s.node] += c.objsPerSlab - s.inuse;
    }
    for (std::size_t i = 0; i < k.caches.size(); ++i) {
        const SlabCache& c = k.caches[i];
        std::size_t listed = c.cpuSlab != ~Pfn(0);
        if (c.cpuSlab != ~Pfn(0) && !k.slabs.count(c.cpuSlab)) report(Violation::SlabBroken, c.cpuSlab);
        for (std::size_t n = 0; n < c.nodes.size(); ++n) {
            const SlabNodeLists& l = c.nodes[n];
            listed += l.full.size() + l.partial.size() + l.free.size();
            if (n < m.nodes.size() && l.freeObjects != nodeFree[i][n]) report(Violation::SlabBroken, 0);
        }
        if (c.activeObjs != active[i] || c.numSlabs != slabs[i] || listed != slabs[i] || c.nodes.size() != m.nodes.size())
            report(Violation::SlabBroken, 0);
    }
    // Every Slab frame has its slab record; large kmalloc blocks add up.
    std::uint64_t large = 0;
    for (Pfn p = 0; p < ft.size();) {
        const FrameState s = ft.state(p);
        const int order = s == FrameState::Tail ? 0 : ft.order(p);
        if (s == FrameState::Slab && !k.slabs.count(p)) report(Violation::SlabBroken, p);
        if (s == FrameState::Kernel && ft.priv(p) == kKmallocLargePriv) large += Pfn(1) << order;
        p += Pfn(1) << order;
    }
    if (large != k.largeKmallocPages) report(Violation::KmallocBroken, 0);
    // A live process owns one task_struct object; a dead one none.
    for (const auto& [pid, pr] : m.procs) {
        if (m.config.arch.custom) break; // textbook machines have no kernel objects
        if (!pr.alive()) {
            if (pr.taskStruct) report(Violation::KmallocBroken, 0, pid, pr.taskStruct);
            continue;
        }
        Pfn slab = 0;
        std::uint32_t idx = 0;
        if (kmem::objectCache(m, pr.taskStruct, &slab, &idx) != k.cacheTaskStruct || !k.slabs.at(slab).isUsed(idx))
            report(Violation::KmallocBroken, 0, pid, pr.taskStruct);
    }
}

} // namespace memviz
