#pragma once
/// Commands: the user-level operations a script line, a button or the console asks
/// for. They are recorded; replaying them from the same config gives the same events.

#include "phys/Zone.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace memviz {

enum class CommandType : std::uint8_t {
    AllocPages, ///< kernel alloc_pages(gfp, order): order, zone = highest zone allowed
    FreePages,  ///< kernel __free_pages(page, order): pfn, order
    // Virtual memory: pid is the process the command runs in.
    Spawn,      ///< a new program named `text` (fork + exec from the shell): result value = pid
    Fork,       ///< fork(): result value = the child's pid
    Exit,       ///< exit(status = len)
    Mmap,       ///< mmap(addr hint, len, prot, flags, file `text`, offset): value = address
    Munmap,     ///< munmap(addr, len)
    Mprotect,   ///< mprotect(addr, len, prot)
    Brk,        ///< brk(addr): value = the new break
    Access,     ///< the program reads (or writes) len bytes from addr, one access every `step` bytes; `data` bytes are stored when given
    Malloc,     ///< glibc malloc(len): value = the pointer (0 when it failed)
    Free,       ///< glibc free(addr)
    FileCreate, ///< a file named `text` of len bytes with `data` at its start
    PhysWrite,  ///< bytes `data` at physical address addr
    SetPageTableBase, ///< CR3 := frame number pfn (textbook machines)
    Translate,  ///< walk the page tables for addr (as pid's mm, or from CR3 when pid is 0) without faulting
    Switch,     ///< schedule pid: load its mm
    SetSysctl,  ///< a tunable (`text`: "vm.overcommit_memory", ... see sim/Sysctl.h) := len
    Sleep,      ///< simulated time passes: len nanoseconds (kswapd keeps working meanwhile)
    SwapOn,     ///< swapon `text` (a device or file name) of len bytes; with `write` set, priority = (int64)addr, else the next default (-2, -3, ...)
    SetOomScoreAdj, ///< /proc/pid/oom_score_adj := (int64)addr
    DropCaches, ///< echo len > /proc/sys/vm/drop_caches (1 page cache, 2 slab, 3 both)
    Madvise,    ///< madvise(addr, len, advice = mapFlags): MADV_DONTNEED, MADV_HUGEPAGE, MADV_NOHUGEPAGE (vm/Vm.h Madv)
    // The kernel's own memory (alloc/Kmem.h); `node` is the preferred NUMA node (-1: the CPU's).
    KmemCacheCreate, ///< kmem_cache_create(name `text`, object size len, align step, flags mapFlags): value = cache id
    KmemCacheAlloc,  ///< kmem_cache_alloc_node(cache pfn, node): value = the object's address
    KmemCacheFree,   ///< kmem_cache_free(cache pfn, object addr)
    KmemCacheShrink, ///< kmem_cache_shrink(cache pfn): value = slabs given back
    Kmalloc,         ///< kmalloc_node(len, node): value = the address
    Kfree,           ///< kfree(addr)
    Vmalloc,         ///< vmalloc_node(len, node): value = the address
    Vfree,           ///< vfree(addr)
    Kmap,            ///< kmap(page pfn), or kmap_local_page() when `write` is set: value = the address
    Kunmap,          ///< kunmap(page pfn), or kunmap_local(addr) when `write` is set
};

struct Command {
    CommandType type = CommandType::AllocPages;
    int order = 0;
    ZoneType zone = ZoneType::Normal; ///< gfp_zone(): the highest zone the caller accepts
    std::uint64_t pfn = 0;
    // Virtual memory fields.
    std::uint32_t pid = 0;
    std::uint64_t addr = 0;
    std::uint64_t len = 0;
    std::uint64_t step = 0;     ///< Access: bytes between accesses (0: one per page)
    std::uint64_t offset = 0;   ///< Mmap: file offset in bytes
    std::uint8_t prot = 0;      ///< Prot bits
    std::uint32_t mapFlags = 0; ///< MapFlag bits (Madvise: the advice)
    bool write = false;         ///< Access: a store
    std::string text;           ///< Spawn: program name; Mmap/FileCreate: file path
    std::string data;           ///< bytes to store (Access, FileCreate, PhysWrite)
    int node = -1;              ///< NUMA node asked for (alloc_pages_node, kmalloc_node, spawn's home node); -1: none

    static Command allocPages(int order, ZoneType highest = ZoneType::Normal)
    {
        Command c;
        c.type = CommandType::AllocPages;
        c.order = order;
        c.zone = highest;
        return c;
    }
    static Command freePages(std::uint64_t pfn, int order)
    {
        Command c;
        c.type = CommandType::FreePages;
        c.pfn = pfn;
        c.order = order;
        return c;
    }
};

Command vmCommand(CommandType t, std::uint32_t pid);

/// {"op":"alloc_pages","order":3,"zone":"Normal"}
std::string commandToJson(const Command& c);
std::string_view commandTypeName(CommandType t); ///< "alloc_pages", "spawn", "mmap", ...

} // namespace memviz
