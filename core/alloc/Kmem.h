#pragma once
/// The kernel's own memory above the buddy allocator (reference §6, DESIGN core/alloc):
/// slab caches and the kmalloc size classes, vmalloc areas, and kmap's windows for
/// HighMem pages. Plain values inside Machine, changed only by kmem::apply.
///
/// Simplifications (the UI says so): the kernel's own mappings (direct map, vmalloc
/// area, pkmap, fixmap) are kept as these tables instead of page tables in simulated
/// memory; one CPU, so SLAB has no per-CPU array caches and SLUB one cpu slab;
/// vmalloc flushes the kernel TLB at vfree instead of purging lazily.

#include "arch/KernelLayout.h"
#include "phys/FrameTable.h"
#include "sim/Command.h"
#include "sim/Error.h"
#include "sim/Event.h"
#include "sim/MachineConfig.h"

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace memviz {

struct Machine;
class Emitter;

/// Bits of SlabCache::flags (kmem_cache_create's flags, as far as memviz uses them).
namespace SlabFlag {
inline constexpr std::uint32_t HwcacheAlign = 1u << 0; ///< SLAB_HWCACHE_ALIGN: objects on cache lines (64 B)
inline constexpr std::uint32_t Reclaimable = 1u << 1;  ///< SLAB_RECLAIM_ACCOUNT: counted in SReclaimable (dentry, inode caches)
inline constexpr std::uint32_t Kmalloc = 1u << 2;      ///< one of the kmalloc-N caches
inline constexpr std::uint32_t Kernel = 1u << 3;       ///< created at boot by the kernel itself (task_struct, ...)
} // namespace SlabFlag

inline constexpr std::uint32_t kNoCache = 0xFFFFFFFFu;

/// The three lists of the classic SLAB allocator (the notes' slabs_full/partial/free).
/// SLUB has a cpu slab and a node partial list; its full slabs are on no list and an
/// empty slab is freed at once unless the node keeps min_partial of them.
enum class SlabList : std::uint8_t { Full, Partial, Free, Cpu };

/// One slab: 2^order frames from the buddy allocator cut into objects.
struct Slab {
    Pfn pfn = 0;                     ///< first frame
    std::uint32_t cache = 0;
    std::uint16_t inuse = 0;         ///< objects handed out
    std::uint8_t node = 0;           ///< the node its frames are on
    SlabList list = SlabList::Free;
    std::vector<std::uint16_t> freeObjs; ///< free object indices; the back is handed out next (LIFO, like both allocators' freelists)
    std::vector<std::uint64_t> used;     ///< bitmap of objects in use
    bool isUsed(std::uint32_t i) const { return (used[i >> 6] >> (i & 63)) & 1u; }
};

/// Per-node lists of a cache (struct kmem_cache_node). Order inside a list: the
/// front is where allocation looks first.
struct SlabNodeLists {
    std::vector<Pfn> full, partial, free;
    std::uint64_t freeObjects = 0;   ///< free objects in this node's slabs (SLAB's n->free_objects)
};

/// A slab cache (struct kmem_cache).
struct SlabCache {
    std::uint32_t name = 0;          ///< string id, e.g. "kmalloc-128", "task_struct"
    std::uint32_t objectSize = 0;    ///< what the caller asked for (slabinfo objsize under SLAB is `size`)
    std::uint32_t align = 0;
    std::uint32_t size = 0;          ///< object size with alignment: the stride inside a slab
    std::uint8_t order = 0;          ///< gfporder: 2^order frames per slab
    std::uint16_t objsPerSlab = 0;
    std::uint32_t flags = 0;         ///< SlabFlag bits
    std::uint32_t limit = 0, batchcount = 0, shared = 0; ///< SLAB tunables (slabinfo), from enable_cpucache()
    std::uint32_t minPartial = 0;    ///< SLUB: empty slabs a node keeps on its partial list
    std::vector<SlabNodeLists> nodes; ///< one per NUMA node
    Pfn cpuSlab = ~Pfn(0);           ///< SLUB: the (one) CPU's slab, ~0 when none; SLAB: unused
    std::uint64_t activeObjs = 0;    ///< objects in use
    std::uint64_t numSlabs = 0;
    std::uint64_t allocs = 0, frees = 0, grown = 0, reaped = 0; ///< counters since boot
    std::uint64_t totalObjs() const { return numSlabs * objsPerSlab; }
};

/// What a vmalloc-area mapping is for.
enum class VmAreaKind : std::uint8_t { Vmalloc, Stack };

/// One area of the vmalloc range (struct vm_struct + vmap_area).
struct VmArea {
    std::uint64_t addr = 0;          ///< start (kernel virtual address)
    std::uint64_t size = 0;          ///< bytes including the guard page
    VmAreaKind kind = VmAreaKind::Vmalloc;
    std::uint32_t pid = 0;           ///< Stack: the process
    std::uint64_t requested = 0;     ///< bytes asked for
    std::vector<Pfn> pages;          ///< frames mapped, in address order (kNoPfn where not mapped yet)
};

/// The persistent kmap window (pkmap_count[] and the page each slot maps).
struct PkmapSlot {
    Pfn page = ~Pfn(0);
    std::uint32_t count = 0;         ///< 0 free, 1 mapped but unused (cleared at the next flush), n > 1: n - 1 users
};

/// kmap kinds (Kmap/Kunmap events' order).
enum class KmapKind : std::uint8_t {
    Pkmap,   ///< kmap(): a slot of the persistent window (x86-32 HighMem pages)
    Local,   ///< kmap_local_page()/kmap_atomic(): a per-CPU fixmap slot, stack order
    Direct,  ///< a page with a direct-map address (lowmem, every page on 64-bit): nothing to map
    Flush,   ///< flush_all_zero_pkmaps(): slots with count 1 become free (a = slots freed)
};

/// SlabShrink flag: SLUB's cpu slab goes back to its node's lists (deactivate_slab), not to the buddy allocator.
inline constexpr std::uint32_t kSlabDeactivate = EventFlag::Ok;

/// How a cache lays out its slabs (what kmem_cache_create computes).
struct SlabGeometry {
    std::uint32_t size = 0;   ///< object stride
    std::uint32_t align = 0;
    std::uint8_t order = 0;
    std::uint16_t objs = 0;   ///< objects per slab; 0: no layout fits
    bool onSlabFreelist = false; ///< SLAB: the freelist index array takes room in the slab
};

/// Frames of a large kmalloc (above the largest size class) carry this in priv.
inline constexpr std::uint32_t kKmallocLargePriv = 0xFFFFFFE0u;

/// Vmalloc event operations (order).
enum class VmallocOp : std::uint8_t {
    Reserve, ///< a vmap area is reserved: a = address, b = size with guard, c = VmAreaKind, pid
    Map,     ///< one frame is mapped: a = its address, pfn = frame, c = page index
    DirectStack, ///< x86-32: the order-1 block at pfn becomes pid's kernel stack at direct-map address a (b = THREAD_SIZE)
};

struct Kmem {
    KernelLayout layout;             ///< the kernel half of the address space (set at boot)
    std::vector<SlabCache> caches;   ///< cache id = index
    std::map<Pfn, Slab> slabs;       ///< by first frame
    std::map<std::uint64_t, VmArea> vmAreas; ///< by start address
    std::uint64_t vmallocPages = 0;  ///< frames mapped in vmalloc areas (VmallocUsed)
    std::vector<PkmapSlot> pkmap;    ///< LAST_PKMAP slots (empty without HighMem)
    std::uint32_t lastPkmapNr = 0;   ///< where map_new_virtual() continues its search
    std::vector<Pfn> kmapLocal;      ///< per-CPU kmap_local slots in use, bottom first (a stack)
    std::uint64_t kernelStackPages = 0; ///< KernelStack (all processes' stacks)
    std::uint64_t largeKmallocPages = 0; ///< pages of live large kmallocs
    std::uint32_t cacheKmemCache = kNoCache; ///< ids of the caches spawn/fork use
    std::uint32_t cacheTaskStruct = kNoCache;
    std::uint32_t cacheMmStruct = kNoCache;
    std::uint32_t cacheVmArea = kNoCache;
    std::array<std::uint32_t, 14> kmallocCaches{}; ///< by kmalloc index (kmallocIndex), kNoCache where none
};

namespace kmem {

/// KMALLOC_MAX_CACHE_SIZE: larger kmallocs go to the page allocator (two pages).
inline constexpr std::uint64_t kKmallocMaxCacheSize = 8192;
/// KMALLOC_MAX_SIZE: 2^(MAX_PAGE_ORDER + PAGE_SHIFT), the largest kmalloc and slab object.
inline constexpr std::uint64_t kKmallocMaxSize = 4ull << 20;

/// The layout kmem_cache_create() computes for an object size, alignment and SlabFlag
/// bits under the machine's slab allocator (SLAB: calculate_slab_order with its freelist
/// index, SLUB: calculate_order with min_objects from the CPU count).
SlabGeometry slabGeometry(SlabKind kind, std::uint64_t pageSize, std::uint64_t ramBytes, int cpus, bool is32bit,
                          std::uint64_t objectSize, std::uint64_t align, std::uint32_t flags);
/// The kmalloc size class of a request (8 ... 8192 with 96 and 192; 32 is the smallest
/// under SLAB); 0 above KMALLOC_MAX_CACHE_SIZE (the page allocator's) or for 0 bytes.
std::uint32_t kmallocSize(SlabKind kind, std::uint64_t bytes);
/// The slab cache a kernel virtual address belongs to (kNoCache when it is not in a slab)
/// and, through *slab / *index, which slab and object.
std::uint32_t objectCache(const Machine& m, std::uint64_t addr, Pfn* slab = nullptr, std::uint32_t* index = nullptr);
/// The kernel virtual address of object `index` of the slab at pfn.
std::uint64_t objectAddress(const Machine& m, Pfn slab, std::uint32_t index);

/// Creates the boot-time caches (kmem_cache_init(): the kmalloc-N caches, task_struct, ...)
/// and the pkmap window. Called by bootMachine after the buddy allocator is filled.
void boot(Machine& m);

bool handles(CommandType t); ///< the kmem commands (KmemCache*, Kmalloc, Kfree, Vmalloc, Vfree, Kmap, Kunmap)
Error validate(const Machine& m, const Command& c);
void run(const Machine& m, Emitter& em, const Command& c, std::uint64_t* value);
bool handles(EventType t);
void apply(Machine& m, const Event& e);

/// A new process's kernel side (copy_process()): its task_struct from the task_struct
/// cache and its kernel stack. False when memory ran out (nothing is left allocated).
bool allocTask(const Machine& m, Emitter& em, std::uint32_t pid);
/// Frees them again when the process exits.
void freeTask(const Machine& m, Emitter& em, std::uint32_t pid);

} // namespace kmem
} // namespace memviz
