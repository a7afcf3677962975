#include "stats/Slabinfo.h"

#include "sim/Machine.h"
#include "stats/Printf.h"

namespace memviz {

std::string formatSlabinfo(const Machine& m)
{
    std::string out = "slabinfo - version: 2.1\n"
                      "# name            <active_objs> <num_objs> <objsize> <objperslab> <pagesperslab> : tunables "
                      "<limit> <batchcount> <sharedfactor> : slabdata <active_slabs> <num_slabs> <sharedavail>\n";
    const bool slub = m.config.slab == SlabKind::Slub;
    const auto& caches = m.kmem.caches;
    for (auto it = caches.rbegin(); it != caches.rend(); ++it) {
        const SlabCache& c = *it;
        const unsigned long numObjs = c.numSlabs * c.objsPerSlab;
        unsigned long freeObjs = 0, freeSlabs = 0;
        for (const SlabNodeLists& n : c.nodes) {
            if (slub) {
                // count_partial(): only objects free in the node's partial slabs; the cpu
                // slab's free objects count as active.
                for (Pfn p : n.partial) freeObjs += c.objsPerSlab - m.kmem.slabs.at(p).inuse;
            } else {
                freeObjs += n.freeObjects;
                freeSlabs += n.free.size();
            }
        }
        const unsigned long numSlabs = c.numSlabs;
        const unsigned long activeSlabs = slub ? numSlabs : numSlabs - freeSlabs;
        appendf(out, "%-17s %6lu %6lu %6u %4u %4d : tunables %4u %4u %4u : slabdata %6lu %6lu %6lu\n",
                       m.str(c.name).c_str(), numObjs - freeObjs, numObjs, c.size, unsigned(c.objsPerSlab),
                       1 << c.order, slub ? 0u : c.limit, slub ? 0u : c.batchcount, slub ? 0u : c.shared,
                       activeSlabs, numSlabs, 0ul);
    }
    return out;
}

} // namespace memviz
