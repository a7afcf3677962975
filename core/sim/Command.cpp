#include "sim/Command.h"

#include "util/Json.h"

namespace memviz {

std::string commandToJson(const Command& c)
{
    std::string out;
    JsonObjectWriter w(out);
    switch (c.type) {
    case CommandType::AllocPages:
        w.field("op", "alloc_pages").field("order", c.order).field("zone", zoneTypeName(c.zone));
        if (c.node >= 0) w.field("node", c.node);
        break;
    case CommandType::FreePages: w.field("op", "free_pages").field("pfn", c.pfn).field("order", c.order); break;
    default:
        w.field("op", commandTypeName(c.type));
        if (c.pid) w.field("pid", static_cast<std::uint64_t>(c.pid));
        switch (c.type) {
        case CommandType::Spawn:
            w.field("name", c.text);
            if (c.node >= 0) w.field("node", c.node);
            break;
        case CommandType::Exit: w.field("status", c.len); break;
        case CommandType::Mmap:
            w.field("addr", c.addr).field("len", c.len).field("prot", static_cast<std::uint64_t>(c.prot));
            w.field("flags", static_cast<std::uint64_t>(c.mapFlags));
            if (!c.text.empty()) w.field("file", c.text).field("offset", c.offset);
            break;
        case CommandType::Munmap: w.field("addr", c.addr).field("len", c.len); break;
        case CommandType::Mprotect:
            w.field("addr", c.addr).field("len", c.len).field("prot", static_cast<std::uint64_t>(c.prot));
            break;
        case CommandType::Brk: w.field("addr", c.addr); break;
        case CommandType::Access:
            w.field("addr", c.addr).field("len", c.len).field("step", c.step).field("write", c.write);
            if (!c.data.empty()) w.field("bytes", static_cast<std::uint64_t>(c.data.size()));
            break;
        case CommandType::Malloc: w.field("size", c.len); break;
        case CommandType::Free: w.field("addr", c.addr); break;
        case CommandType::FileCreate: w.field("name", c.text).field("size", c.len); break;
        case CommandType::PhysWrite:
            w.field("paddr", c.addr).field("bytes", static_cast<std::uint64_t>(c.data.size()));
            break;
        case CommandType::SetPageTableBase: w.field("pfn", c.pfn); break;
        case CommandType::Translate: w.field("addr", c.addr); break;
        case CommandType::SetSysctl: w.field("name", c.text).field("value", c.len); break;
        case CommandType::Sleep: w.field("ns", c.len); break;
        case CommandType::SwapOn:
            w.field("name", c.text).field("size", c.len).field("priority", static_cast<std::int64_t>(c.addr));
            break;
        case CommandType::SetOomScoreAdj: w.field("value", static_cast<std::int64_t>(c.addr)); break;
        case CommandType::DropCaches: w.field("value", c.len); break;
        case CommandType::Madvise:
            w.field("addr", c.addr).field("len", c.len).field("advice", static_cast<std::uint64_t>(c.mapFlags));
            break;
        case CommandType::KmemCacheCreate:
            w.field("name", c.text).field("size", c.len).field("align", c.step);
            w.field("flags", static_cast<std::uint64_t>(c.mapFlags));
            break;
        case CommandType::KmemCacheAlloc:
            w.field("cache", c.pfn);
            if (c.node >= 0) w.field("node", c.node);
            break;
        case CommandType::KmemCacheFree: w.field("cache", c.pfn).field("addr", c.addr); break;
        case CommandType::KmemCacheShrink: w.field("cache", c.pfn); break;
        case CommandType::Kmalloc:
        case CommandType::Vmalloc:
            w.field("size", c.len);
            if (c.node >= 0) w.field("node", c.node);
            break;
        case CommandType::Kfree:
        case CommandType::Vfree: w.field("addr", c.addr); break;
        case CommandType::Kmap: w.field("pfn", c.pfn).field("local", c.write); break;
        case CommandType::Kunmap:
            if (c.write)
                w.field("addr", c.addr).field("local", true);
            else
                w.field("pfn", c.pfn);
            break;
        default: break;
        }
        break;
    }
    w.close();
    return out;
}

Command vmCommand(CommandType t, std::uint32_t pid)
{
    Command c;
    c.type = t;
    c.pid = pid;
    return c;
}

std::string_view commandTypeName(CommandType t)
{
    switch (t) {
    case CommandType::AllocPages: return "alloc_pages";
    case CommandType::FreePages: return "free_pages";
    case CommandType::Spawn: return "spawn";
    case CommandType::Fork: return "fork";
    case CommandType::Exit: return "exit";
    case CommandType::Mmap: return "mmap";
    case CommandType::Munmap: return "munmap";
    case CommandType::Mprotect: return "mprotect";
    case CommandType::Brk: return "brk";
    case CommandType::Access: return "access";
    case CommandType::Malloc: return "malloc";
    case CommandType::Free: return "free";
    case CommandType::Sleep: return "sleep";
    case CommandType::SwapOn: return "swapon";
    case CommandType::SetOomScoreAdj: return "oom_score_adj";
    case CommandType::DropCaches: return "drop_caches";
    case CommandType::Madvise: return "madvise";
    case CommandType::FileCreate: return "file_create";
    case CommandType::PhysWrite: return "phys_write";
    case CommandType::SetPageTableBase: return "set_page_table_base";
    case CommandType::Translate: return "translate";
    case CommandType::Switch: return "switch";
    case CommandType::SetSysctl: return "sysctl";
    case CommandType::KmemCacheCreate: return "kmem_cache_create";
    case CommandType::KmemCacheAlloc: return "kmem_cache_alloc";
    case CommandType::KmemCacheFree: return "kmem_cache_free";
    case CommandType::KmemCacheShrink: return "kmem_cache_shrink";
    case CommandType::Kmalloc: return "kmalloc";
    case CommandType::Kfree: return "kfree";
    case CommandType::Vmalloc: return "vmalloc";
    case CommandType::Vfree: return "vfree";
    case CommandType::Kmap: return "kmap";
    case CommandType::Kunmap: return "kunmap";
    }
    return "?";
}

} // namespace memviz
