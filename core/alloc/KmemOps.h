#pragma once
/// Internal interface between the kmem dispatcher (Kmem.cpp) and its parts: the slab
/// allocator and kmalloc (Slab.cpp), vmalloc and kernel stacks (Vmalloc.cpp), kmap
/// (Kmap.cpp). Not for use outside core/alloc and core/check.

#include "alloc/Kmem.h"

#include <optional>

namespace memviz {
struct Machine;
class Emitter;
}

namespace memviz::kmem::detail {

// ---- Slab.cpp: slab caches and kmalloc -------------------------------------------------
void bootSlab(Machine& m);
/// KmemCacheCreate/Alloc/Free/Shrink, Kmalloc, Kfree.
Error validateSlab(const Machine& m, const Command& c);
void runSlab(const Machine& m, Emitter& em, const Command& c, std::uint64_t* value);
/// SlabCacheNew, SlabGrow, SlabAlloc, SlabFree, SlabShrink, Kmalloc.
void applySlab(Machine& m, const Event& e);
/// kmem_cache_alloc_node() on behalf of pid: the object's address, nothing when memory ran out.
std::optional<std::uint64_t> cacheAlloc(const Machine& m, Emitter& em, std::uint32_t cache, int node,
                                        std::uint32_t pid);
/// kmem_cache_free() of a live object of the cache.
void cacheFree(const Machine& m, Emitter& em, std::uint32_t cache, std::uint64_t addr, std::uint32_t pid);

// ---- Vmalloc.cpp: vmalloc areas and kernel stacks ------------------------------------
void bootVmalloc(Machine& m);
/// Vmalloc, Vfree.
Error validateVmalloc(const Machine& m, const Command& c);
void runVmalloc(const Machine& m, Emitter& em, const Command& c, std::uint64_t* value);
/// Vmalloc, Vfree events.
void applyVmalloc(Machine& m, const Event& e);
/// A new task's kernel stack (THREAD_SIZE): vmalloc'd on 64-bit (CONFIG_VMAP_STACK), an
/// order-1 block from the direct map on x86-32. The address; nothing when memory ran out.
std::optional<std::uint64_t> allocStack(const Machine& m, Emitter& em, std::uint32_t pid);
void freeStack(const Machine& m, Emitter& em, std::uint32_t pid);

// ---- Kmap.cpp: kmap, kmap_local ---------------------------------------------------------
void bootKmap(Machine& m);
/// Kmap, Kunmap.
Error validateKmap(const Machine& m, const Command& c);
void runKmap(const Machine& m, Emitter& em, const Command& c, std::uint64_t* value);
/// Kmap, Kunmap events.
void applyKmap(Machine& m, const Event& e);

} // namespace memviz::kmem::detail
