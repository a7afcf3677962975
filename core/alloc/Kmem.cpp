#include "alloc/Kmem.h"

#include "alloc/KmemOps.h"
#include "sim/Machine.h"

namespace memviz::kmem {

void boot(Machine& m)
{
    if (m.config.arch.custom) return; // a textbook machine has no kernel of its own
    m.kmem.layout = kernelLayout(m.config.arch, m.config.ramBytes);
    detail::bootSlab(m);
    detail::bootVmalloc(m);
    detail::bootKmap(m);
}

bool handles(CommandType t)
{
    switch (t) {
    case CommandType::KmemCacheCreate:
    case CommandType::KmemCacheAlloc:
    case CommandType::KmemCacheFree:
    case CommandType::KmemCacheShrink:
    case CommandType::Kmalloc:
    case CommandType::Kfree:
    case CommandType::Vmalloc:
    case CommandType::Vfree:
    case CommandType::Kmap:
    case CommandType::Kunmap: return true;
    default: return false;
    }
}

Error validate(const Machine& m, const Command& c)
{
    if (m.config.arch.custom) return Error{ErrorCode::NeedsProcesses, 0, 0, {}};
    if (c.node >= static_cast<int>(m.nodes.size()) || c.node < -1)
        return Error{ErrorCode::UnknownNode, c.node, static_cast<std::int64_t>(m.nodes.size()), {}};
    switch (c.type) {
    case CommandType::Vmalloc:
    case CommandType::Vfree: return detail::validateVmalloc(m, c);
    case CommandType::Kmap:
    case CommandType::Kunmap: return detail::validateKmap(m, c);
    default: return detail::validateSlab(m, c);
    }
}

void run(const Machine& m, Emitter& em, const Command& c, std::uint64_t* value)
{
    switch (c.type) {
    case CommandType::Vmalloc:
    case CommandType::Vfree: detail::runVmalloc(m, em, c, value); break;
    case CommandType::Kmap:
    case CommandType::Kunmap: detail::runKmap(m, em, c, value); break;
    default: detail::runSlab(m, em, c, value); break;
    }
}

bool handles(EventType t)
{
    switch (t) {
    case EventType::SlabCacheNew:
    case EventType::SlabGrow:
    case EventType::SlabAlloc:
    case EventType::SlabFree:
    case EventType::SlabShrink:
    case EventType::Kmalloc:
    case EventType::Vmalloc:
    case EventType::Vfree:
    case EventType::Kmap:
    case EventType::Kunmap: return true;
    default: return false;
    }
}

void apply(Machine& m, const Event& e)
{
    switch (e.type) {
    case EventType::Vmalloc:
    case EventType::Vfree: detail::applyVmalloc(m, e); break;
    case EventType::Kmap:
    case EventType::Kunmap: detail::applyKmap(m, e); break;
    default: detail::applySlab(m, e); break;
    }
}

bool allocTask(const Machine& m, Emitter& em, std::uint32_t pid)
{
    if (m.config.arch.custom) return true;
    const Process* p = m.proc(pid);
    const int node = p ? p->node : 0;
    if (!detail::cacheAlloc(m, em, m.kmem.cacheTaskStruct, node, pid)) return false;
    if (!detail::allocStack(m, em, pid)) {
        // The OOM killer may have chosen the new task meanwhile: its exit freed the task_struct already.
        const Process* now = m.proc(pid);
        if (now && now->alive() && now->taskStruct)
            detail::cacheFree(m, em, m.kmem.cacheTaskStruct, now->taskStruct, pid);
        return false;
    }
    return true;
}

void freeTask(const Machine& m, Emitter& em, std::uint32_t pid)
{
    const Process* p = m.proc(pid);
    if (!p) return;
    if (p->kstack) detail::freeStack(m, em, pid);
    if (p->taskStruct) detail::cacheFree(m, em, m.kmem.cacheTaskStruct, m.proc(pid)->taskStruct, pid);
}

} // namespace memviz::kmem
