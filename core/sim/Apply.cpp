#include "sim/Apply.h"

#include "alloc/Buddy.h"
#include "vm/VmOps.h"

namespace memviz {

void applyEvent(Machine& m, const Event& e)
{
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
    default: vm::apply(m, e); break;
    }
    m.timeNs = e.time;
}

} // namespace memviz
