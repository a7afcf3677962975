#include "sim/Apply.h"

#include "alloc/Buddy.h"
#include "alloc/Kmem.h"
#include "reclaim/Reclaim.h"
#include "vm/VmOps.h"

namespace memviz {

void applyEvent(Machine& m, const Event& e)
{
    m.timeNs = e.time;
    switch (e.type) {
    case EventType::BuddyAlloc:
    case EventType::BuddySplit:
    case EventType::BuddyFree:
    case EventType::BuddyMerge:
    case EventType::BuddyListAdd: buddy::apply(m, e); break;
    case EventType::AllocFailed: ++m.vm.allocFailed; break;
    case EventType::ZoneCheck:
    case EventType::SlowPath:
    case EventType::WatermarkCrossed:
    case EventType::Count: break; // narration only: nothing changes
    case EventType::Clock:
    case EventType::LruMove:
    case EventType::KswapdWake:
    case EventType::KswapdSleep:
    case EventType::Reclaim:
    case EventType::SwapOn:
    case EventType::SwapOut:
    case EventType::Writeback:
    case EventType::SwapIn:
    case EventType::SwapCacheDel:
    case EventType::OomCandidates:
    case EventType::OomKill:
    case EventType::KernelPanic:
    case EventType::ThpFault:
    case EventType::OomScoreAdj:
    case EventType::DropCaches:
    case EventType::CommitRefused: reclaim::apply(m, e); break;
    case EventType::SlabCacheNew:
    case EventType::SlabGrow:
    case EventType::SlabAlloc:
    case EventType::SlabFree:
    case EventType::SlabShrink:
    case EventType::Kmalloc:
    case EventType::Vmalloc:
    case EventType::Vfree:
    case EventType::Kmap:
    case EventType::Kunmap: kmem::apply(m, e); break;
    case EventType::NodeFallback: break; // narration; the NUMA counters move with BuddyAlloc
    default: vm::apply(m, e); break;
    }
}

} // namespace memviz
