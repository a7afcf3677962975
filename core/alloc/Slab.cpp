// The slab allocator and kmalloc (reference §6).
//
// Two allocators, as a kernel is built with one of them:
// - SLAB (mm/slab.c, Linux ≤ 6.7; what the notes teach): per node three lists,
//   slabs_full / slabs_partial / slabs_free. Allocation takes from a partial slab
//   first, then a free one, else grows the cache by 2^gfporder pages; a free moves the
//   slab between the lists and gives a free slab back to the buddy allocator once the
//   node holds more than free_limit free objects. Objects per slab come from
//   calculate_slab_order() with the freelist index array in the slab (on-slab), in a
//   free object (OBJFREELIST_SLAB) or kmalloc'd elsewhere (OFF_SLAB).
// - SLUB (mm/slub.c, the only one since 6.8): one cpu slab the CPU allocates from,
//   node partial lists, full slabs on no list; an empty slab is discarded unless its
//   node keeps fewer than min_partial partial slabs. Objects per slab from
//   calculate_order() with min_objects = 4 * (fls(nr_cpus) + 1).
//
// Simplifications (the UI says so): one CPU, so SLAB has no per-CPU array caches
// (objects go straight back to their slab) and SLUB no per-CPU partial list; no slab
// colouring, no cache_reap timer, no merging of compatible caches (as with
// slab_nomerge), no destructors/constructors; kmalloc size classes are Linux 6.x's
// (8 or 32 ... 8192 with 96 and 192; larger requests go to the page allocator) in
// both modes.

#include "alloc/KmemOps.h"

#include "alloc/Buddy.h"
#include "sim/Machine.h"
#include "vm/VmOps.h"

#include <algorithm>
#include <bit>

namespace memviz::kmem {

namespace {

constexpr std::uint32_t kCacheLine = 64;      ///< cache_line_size() on x86
constexpr std::uint32_t kSlabObjMaxNum = 255; ///< SLAB_OBJ_MAX_NUM with a byte-sized freelist index
constexpr std::uint32_t kSlabObjMinSize = 16; ///< SLAB_OBJ_MIN_SIZE with a byte-sized index
constexpr int kSlubMaxOrder = 3;              ///< slub_max_order = PAGE_ALLOC_COSTLY_ORDER
constexpr std::uint32_t kMaxObjsPerPage = 32767;
constexpr int kMaxOrderKmalloc = 10;          ///< KMALLOC_MAX_ORDER (MAX_PAGE_ORDER)

std::uint64_t alignUp(std::uint64_t v, std::uint64_t a)
{
    return (v + a - 1) / a * a;
}

int fls(std::uint32_t x)
{
    return x ? 32 - std::countl_zero(x) : 0;
}

/// get_order(): the smallest order whose block holds `size` bytes.
int getOrder(std::uint64_t size, std::uint64_t page)
{
    int order = 0;
    while ((page << order) < size) ++order;
    return order;
}

/// calculate_alignment() of mm/slab_common.c.
std::uint32_t calculateAlignment(std::uint32_t flags, std::uint64_t align, std::uint64_t size, bool is32bit)
{
    const std::uint64_t word = is32bit ? 4 : 8;
    if (flags & SlabFlag::HwcacheAlign) {
        std::uint64_t ralign = kCacheLine;
        while (size <= ralign / 2) ralign /= 2;
        align = std::max(align, ralign);
    }
    align = std::max<std::uint64_t>(align, 8); // ARCH_SLAB_MINALIGN: __alignof__(unsigned long long)
    return static_cast<std::uint32_t>(alignUp(align, word));
}

/// The kmalloc classes in creation order (create_kmalloc_caches: 96 after 64, 192 after 128).
constexpr std::uint32_t kKmallocClasses[] = { 8, 16, 32, 64, 96, 128, 192, 256, 512, 1024, 2048, 4096, 8192 };

/// SLAB's calculate_slab_order() for one freelist placement. Returns num (0: none fits).
struct OrderResult {
    std::uint32_t num = 0;
    int order = 0;
    std::uint64_t left = 0;
};

enum class FreelistAt { ObjFreelist, OffSlab, OnSlab };

OrderResult slabCalculateOrder(std::uint64_t size, std::uint64_t page, int slabMaxOrder, std::uint32_t flags,
                               FreelistAt at)
{
    OrderResult r;
    for (int order = 0; order <= kMaxOrderKmalloc; ++order) {
        const std::uint64_t slabSize = page << order;
        std::uint64_t num, left;
        if (at == FreelistAt::OnSlab) {
            num = slabSize / (size + 1); // a byte of freelist index per object
            left = slabSize % (size + 1);
        } else {
            num = slabSize / size;
            left = slabSize % size;
        }
        if (!num) continue;
        if (num > kSlabObjMaxNum) break;
        if (at == FreelistAt::OffSlab) {
            // The index array comes from a kmalloc cache; only worth it when that
            // cache's objects are at most half this cache's.
            std::uint32_t fl = 0;
            for (std::uint32_t c : kKmallocClasses)
                if (c >= 32 && c >= num) {
                    fl = c;
                    break;
                }
            if (!fl || fl > size / 2) continue;
        }
        r.num = static_cast<std::uint32_t>(num);
        r.order = order;
        r.left = left;
        if (flags & SlabFlag::Reclaimable) break; // SLAB_RECLAIM_ACCOUNT: order 0 suits the reclaimers
        if (order >= slabMaxOrder) break;
        if (left * 8 <= slabSize) break; // acceptable internal fragmentation
    }
    return r;
}

/// SLUB's calc_slab_order().
int slubCalcOrder(std::uint64_t size, int minOrder, int maxOrder, std::uint64_t fract, std::uint64_t page)
{
    int order = minOrder;
    for (; order <= maxOrder; ++order) {
        const std::uint64_t slabSize = page << order;
        if (slabSize % size <= slabSize / fract) break;
    }
    return order;
}

} // namespace

SlabGeometry slabGeometry(SlabKind kind, std::uint64_t pageSize, std::uint64_t ramBytes, int cpus, bool is32bit,
                          std::uint64_t objectSize, std::uint64_t align, std::uint32_t flags)
{
    SlabGeometry g;
    const std::uint64_t word = is32bit ? 4 : 8;
    const std::uint32_t al = calculateAlignment(flags, align, objectSize, is32bit);
    g.align = al;
    std::uint64_t size = alignUp(objectSize, word);
    size = alignUp(size, al);
    if (kind == SlabKind::Slab) {
        // __kmem_cache_create(): a byte-sized freelist index needs 16-byte objects.
        if (size < kSlabObjMinSize) size = alignUp(kSlabObjMinSize, al);
        const int slabMaxOrder = ramBytes > (32ull << 20) ? 1 : 0; // SLAB_MAX_ORDER_HI above 32 MiB
        OrderResult r = slabCalculateOrder(size, pageSize, slabMaxOrder, flags, FreelistAt::ObjFreelist);
        // set_objfreelist_slab_cache(): the index array must fit in one object.
        if (!r.num || r.num > size) {
            r = slabCalculateOrder(size, pageSize, slabMaxOrder, flags, FreelistAt::OffSlab);
            // set_off_slab_cache(): if the leftover holds the index anyway, keep it on the slab.
            if (!r.num || r.left >= r.num) {
                r = slabCalculateOrder(size, pageSize, slabMaxOrder, flags, FreelistAt::OnSlab);
                g.onSlabFreelist = true;
            }
        }
        g.size = static_cast<std::uint32_t>(size);
        g.order = static_cast<std::uint8_t>(r.order);
        g.objs = static_cast<std::uint16_t>(r.num);
        return g;
    }
    // SLUB: calculate_sizes() then calculate_order().
    const auto orderObjects = [&](int order) { return (pageSize << order) / size; };
    std::uint32_t nrCpus = static_cast<std::uint32_t>(std::max(cpus, 1));
    std::uint64_t minObjects = 4u * static_cast<std::uint64_t>(fls(nrCpus) + 1);
    const std::uint64_t maxObjects = std::max<std::uint64_t>(orderObjects(kSlubMaxOrder), 1);
    minObjects = std::min(minObjects, maxObjects);
    const int minOrder = getOrder(minObjects * size, pageSize);
    int order = -1;
    if (orderObjects(minOrder) > kMaxObjsPerPage) {
        order = getOrder(size * kMaxObjsPerPage, pageSize) - 1;
    } else {
        for (std::uint64_t fraction = 16; fraction > 1; fraction /= 2) {
            const int o = slubCalcOrder(size, minOrder, kSlubMaxOrder, fraction, pageSize);
            if (o <= kSlubMaxOrder) {
                order = o;
                break;
            }
        }
        if (order < 0) order = getOrder(size, pageSize);
    }
    g.size = static_cast<std::uint32_t>(size);
    if (order > kMaxOrderKmalloc) return g; // objs 0: nothing fits
    g.order = static_cast<std::uint8_t>(order);
    g.objs = static_cast<std::uint16_t>(std::min<std::uint64_t>(orderObjects(order), kMaxObjsPerPage));
    return g;
}

std::uint32_t kmallocSize(SlabKind kind, std::uint64_t bytes)
{
    if (bytes == 0 || bytes > kKmallocMaxCacheSize) return 0;
    const std::uint32_t minSize = kind == SlabKind::Slab ? 32 : 8; // KMALLOC_SHIFT_LOW
    // kmalloc_size_index[] for ≤ 192 bytes: 65..96 -> 96, 129..192 -> 192; then powers of two.
    if (bytes <= minSize) return minSize;
    if (bytes > 64 && bytes <= 96) return 96;
    if (bytes > 128 && bytes <= 192) return 192;
    return std::bit_ceil(static_cast<std::uint32_t>(bytes));
}

std::uint64_t objectAddress(const Machine& m, Pfn slab, std::uint32_t index)
{
    const auto it = m.kmem.slabs.find(slab);
    if (it == m.kmem.slabs.end()) return 0;
    const SlabCache& c = m.kmem.caches[it->second.cache];
    return physToVirt(m.kmem.layout, slab * m.pageSize()) + std::uint64_t(index) * c.size;
}

std::uint32_t objectCache(const Machine& m, std::uint64_t addr, Pfn* slabOut, std::uint32_t* indexOut)
{
    const KernelLayout& l = m.kmem.layout;
    if (!inDirectMap(l, addr)) return kNoCache;
    const Pfn pfn = virtToPhys(l, addr) / m.pageSize();
    if (pfn >= m.frames.size()) return kNoCache;
    const Pfn head = m.frames.headOf(pfn);
    if (m.frames.state(head) != FrameState::Slab) return kNoCache;
    const auto it = m.kmem.slabs.find(head);
    if (it == m.kmem.slabs.end()) return kNoCache;
    const SlabCache& c = m.kmem.caches[it->second.cache];
    const std::uint64_t off = addr - physToVirt(l, head * m.pageSize());
    if (off % c.size || off / c.size >= c.objsPerSlab) return kNoCache;
    if (slabOut) *slabOut = head;
    if (indexOut) *indexOut = static_cast<std::uint32_t>(off / c.size);
    return it->second.cache;
}

} // namespace memviz::kmem

namespace memviz::kmem::detail {

namespace {

bool slub(const Machine& m)
{
    return m.config.slab == SlabKind::Slub;
}

/// The cache kmalloc uses for `bytes` (kNoCache above KMALLOC_MAX_CACHE_SIZE).
std::uint32_t kmallocCache(const Machine& m, std::uint64_t bytes)
{
    const std::uint32_t size = kmallocSize(m.config.slab, bytes);
    if (!size) return kNoCache;
    for (std::size_t i = 0; i < std::size(kKmallocClasses); ++i)
        if (kKmallocClasses[i] == size) return m.kmem.kmallocCaches[i];
    return kNoCache;
}

std::vector<Pfn>& listOf(SlabNodeLists& n, SlabList l)
{
    return l == SlabList::Full ? n.full : l == SlabList::Partial ? n.partial : n.free;
}

void unlinkSlab(SlabCache& c, Slab& s)
{
    if (s.list == SlabList::Cpu) {
        c.cpuSlab = ~Pfn(0);
        return;
    }
    auto& v = listOf(c.nodes[s.node], s.list);
    v.erase(std::find(v.begin(), v.end(), s.pfn));
}

void linkSlab(SlabCache& c, Slab& s, SlabList l, bool atHead)
{
    s.list = l;
    if (l == SlabList::Cpu) {
        c.cpuSlab = s.pfn;
        return;
    }
    auto& v = listOf(c.nodes[s.node], l);
    if (atHead)
        v.insert(v.begin(), s.pfn);
    else
        v.push_back(s.pfn);
}

/// SLUB's deactivate_slab(): the cpu slab goes back to its node (partial when it has
/// free objects, else full, which SLUB tracks only with debugging on).
void deactivateCpuSlab(Machine& m, SlabCache& c)
{
    if (c.cpuSlab == ~Pfn(0)) return;
    Slab& s = m.kmem.slabs.at(c.cpuSlab);
    c.cpuSlab = ~Pfn(0);
    linkSlab(c, s, s.inuse == c.objsPerSlab ? SlabList::Full : SlabList::Partial, false);
}

SlabCache makeCache(const Machine& m, std::uint32_t name, std::uint64_t objectSize, std::uint64_t align,
                    std::uint32_t flags)
{
    const MachineConfig& cfg = m.config;
    const SlabGeometry g = slabGeometry(cfg.slab, m.pageSize(), cfg.ramBytes, cfg.cpus, cfg.arch.is32bit, objectSize,
                                        align, flags);
    SlabCache c;
    c.name = name;
    c.objectSize = static_cast<std::uint32_t>(objectSize);
    c.align = g.align;
    c.size = g.size;
    c.order = g.order;
    c.objsPerSlab = g.objs;
    c.flags = flags;
    c.nodes.resize(m.nodes.size());
    if (cfg.slab == SlabKind::Slab) {
        // enable_cpucache(): the tunables /proc/slabinfo shows.
        const std::uint64_t page = m.pageSize();
        c.limit = g.size > 131072 ? 1 : g.size > page ? 8 : g.size > 1024 ? 24 : g.size > 256 ? 54 : 120;
        c.shared = (g.size <= page && cfg.cpus > 1) ? 8 : 0;
        c.batchcount = (c.limit + 1) / 2;
    } else {
        // min_partial = clamp(ilog2(size) / 2, MIN_PARTIAL 5, MAX_PARTIAL 10).
        const std::uint32_t log = static_cast<std::uint32_t>(std::bit_width(std::max<std::uint32_t>(g.size, 1)) - 1);
        c.minPartial = std::clamp<std::uint32_t>(log / 2, 5, 10);
    }
    return c;
}

/// SLAB's n->free_limit: (1 + nr_cpus) * batchcount + objects per slab.
std::uint64_t freeLimit(const Machine& m, const SlabCache& c)
{
    return (1 + static_cast<std::uint64_t>(std::max(m.config.cpus, 1))) * c.batchcount + c.objsPerSlab;
}

Event slabEvent(EventType t, std::uint32_t pid)
{
    Event e;
    e.type = t;
    e.pid = pid;
    return e;
}

/// cache_grow_begin()/new_slab(): 2^order pages for a new slab, from `node` first.
std::optional<Pfn> grow(const Machine& m, Emitter& em, std::uint32_t cache, int node, std::uint32_t pid)
{
    const SlabCache& c = m.kmem.caches[cache];
    // GFP_KERNEL: lowmem only (slab objects are addressed through the direct map).
    auto p = vm::allocKernelPages(m, em, pid, c.order, ZoneType::Normal, node);
    if (!p) return std::nullopt;
    Event e = slabEvent(EventType::SlabGrow, pid);
    e.zone = m.zoneOf(*p);
    e.pfn = *p;
    e.order = c.order;
    e.b = cache;
    em.onEvent(e);
    return p;
}

void discard(const Machine& m, Emitter& em, std::uint32_t cache, Pfn slab, std::uint32_t pid)
{
    const int order = m.kmem.caches[cache].order;
    Event e = slabEvent(EventType::SlabShrink, pid);
    e.zone = m.zoneOf(slab);
    e.pfn = slab;
    e.order = static_cast<std::uint8_t>(order);
    e.b = cache;
    em.onEvent(e);
    buddy::freePages(m, em, slab, order);
}

void deactivate(const Machine& m, Emitter& em, std::uint32_t cache, std::uint32_t pid)
{
    const SlabCache& c = m.kmem.caches[cache];
    Event e = slabEvent(EventType::SlabShrink, pid);
    e.zone = m.zoneOf(c.cpuSlab);
    e.pfn = c.cpuSlab;
    e.order = c.order;
    e.b = cache;
    e.flags = kSlabDeactivate;
    em.onEvent(e);
}

/// Number of partial slabs of a node (SLUB's n->nr_partial).
std::size_t nrPartial(const SlabCache& c, int node)
{
    return c.nodes[static_cast<std::size_t>(node)].partial.size();
}

std::uint64_t emitAlloc(const Machine& m, Emitter& em, std::uint32_t cache, Pfn slab, std::uint32_t pid)
{
    const Slab& s = m.kmem.slabs.at(slab);
    const std::uint32_t idx = s.freeObjs.back();
    Event e = slabEvent(EventType::SlabAlloc, pid);
    e.zone = m.zoneOf(slab);
    e.pfn = slab;
    e.b = cache;
    e.c = idx;
    e.a = objectAddress(m, slab, idx);
    em.onEvent(e);
    return e.a;
}

} // namespace

std::optional<std::uint64_t> cacheAlloc(const Machine& m, Emitter& em, std::uint32_t cache, int node, std::uint32_t pid)
{
    if (cache >= m.kmem.caches.size()) return std::nullopt;
    const int want = node < 0 ? (pid && m.proc(pid) ? m.proc(pid)->node : 0) : node;
    Pfn slab = kNil;
    if (!slub(m)) {
        // ____cache_alloc_node(): a partial slab first, then a free one, else grow.
        const SlabNodeLists& n = m.kmem.caches[cache].nodes[static_cast<std::size_t>(want)];
        if (!n.partial.empty())
            slab = n.partial.front();
        else if (!n.free.empty())
            slab = n.free.front();
    } else {
        // ___slab_alloc(): the cpu slab while it has objects (and is on an acceptable
        // node), then the node's partial list, then a new slab.
        const SlabCache& c = m.kmem.caches[cache];
        if (c.cpuSlab != ~Pfn(0)) {
            const Slab& s = m.kmem.slabs.at(c.cpuSlab);
            if (!s.freeObjs.empty() && (node < 0 || s.node == node)) slab = c.cpuSlab;
        }
        if (slab == kNil) {
            if (c.cpuSlab != ~Pfn(0)) {
                const Slab& s = m.kmem.slabs.at(c.cpuSlab);
                // An empty cpu slab left behind for another node is discarded when the
                // node keeps enough partial slabs, like deactivate_slab().
                if (s.inuse == 0 && nrPartial(c, s.node) >= c.minPartial)
                    discard(m, em, cache, c.cpuSlab, pid);
                else
                    deactivate(m, em, cache, pid);
            }
            const SlabNodeLists& n = m.kmem.caches[cache].nodes[static_cast<std::size_t>(want)];
            if (!n.partial.empty()) slab = n.partial.front();
        }
    }
    if (slab == kNil) {
        auto p = grow(m, em, cache, want, pid);
        if (!p) return std::nullopt;
        slab = *p;
    }
    return emitAlloc(m, em, cache, slab, pid);
}

void cacheFree(const Machine& m, Emitter& em, std::uint32_t cache, std::uint64_t addr, std::uint32_t pid)
{
    Pfn slab = 0;
    std::uint32_t idx = 0;
    if (objectCache(m, addr, &slab, &idx) != cache) return;
    Event e = slabEvent(EventType::SlabFree, pid);
    e.zone = m.zoneOf(slab);
    e.pfn = slab;
    e.b = cache;
    e.c = idx;
    e.a = addr;
    em.onEvent(e);
    const SlabCache& c = m.kmem.caches[cache];
    const Slab& s = m.kmem.slabs.at(slab);
    if (!slub(m)) {
        // free_block(): while the node holds more than free_limit free objects, free
        // slabs go back to the buddy allocator (the last of slabs_free first).
        const int node = s.node;
        while (m.kmem.caches[cache].nodes[node].freeObjects > freeLimit(m, c)
               && !m.kmem.caches[cache].nodes[node].free.empty())
            discard(m, em, cache, m.kmem.caches[cache].nodes[node].free.back(), pid);
    } else if (s.inuse == 0 && s.list != SlabList::Cpu && nrPartial(c, s.node) >= c.minPartial) {
        // __slab_free(): an empty slab is discarded when the node has min_partial others.
        discard(m, em, cache, slab, pid);
    }
}

namespace {

std::uint64_t shrinkCache(const Machine& m, Emitter& em, std::uint32_t cache, std::uint32_t pid)
{
    // kmem_cache_shrink(): SLUB flushes the cpu slab first; then every empty slab goes.
    if (slub(m) && m.kmem.caches[cache].cpuSlab != ~Pfn(0)) deactivate(m, em, cache, pid);
    std::uint64_t n = 0;
    for (std::size_t node = 0; node < m.nodes.size(); ++node) {
        for (;;) {
            const SlabNodeLists& l = m.kmem.caches[cache].nodes[node];
            Pfn victim = kNil;
            if (!l.free.empty()) {
                victim = l.free.back();
            } else {
                for (Pfn p : l.partial)
                    if (m.kmem.slabs.at(p).inuse == 0) {
                        victim = p;
                        break;
                    }
            }
            if (victim == kNil) break;
            discard(m, em, cache, victim, pid);
            ++n;
        }
    }
    return n;
}

bool validName(const std::string& s)
{
    if (s.empty() || s.size() > 32) return false;
    for (char ch : s)
        if (ch <= ' ' || ch == ':' || static_cast<unsigned char>(ch) >= 0x7F) return false;
    return true;
}

} // namespace

Error validateSlab(const Machine& m, const Command& c)
{
    const auto& caches = m.kmem.caches;
    switch (c.type) {
    case CommandType::KmemCacheCreate: {
        if (!validName(c.text)) return Error{ErrorCode::BadCacheName, 0, 0, c.text};
        for (const SlabCache& k : caches)
            if (m.str(k.name) == c.text) return Error{ErrorCode::CacheExists, 0, 0, c.text};
        if (c.len == 0) return Error{ErrorCode::BadLength, 0, 0, {}};
        if (c.len > kKmallocMaxSize)
            return Error{ErrorCode::ObjectTooLarge, static_cast<std::int64_t>(c.len),
                         static_cast<std::int64_t>(kKmallocMaxSize), {}};
        if (c.step && ((c.step & (c.step - 1)) || c.step > m.pageSize()))
            return Error{ErrorCode::BadAlign, static_cast<std::int64_t>(c.step), 0, {}};
        const SlabGeometry g = slabGeometry(m.config.slab, m.pageSize(), m.config.ramBytes, m.config.cpus,
                                            m.config.arch.is32bit, c.len, c.step, c.mapFlags);
        if (!g.objs)
            return Error{ErrorCode::ObjectTooLarge, static_cast<std::int64_t>(c.len),
                         static_cast<std::int64_t>(kKmallocMaxSize), {}};
        if (caches.size() >= 0xFFFF) return Error{ErrorCode::OutOfMemory, 0, 0, {}};
        return {};
    }
    case CommandType::KmemCacheAlloc:
    case CommandType::KmemCacheShrink:
        if (c.pfn >= caches.size()) return Error{ErrorCode::UnknownCache, static_cast<std::int64_t>(c.pfn), 0, {}};
        return {};
    case CommandType::KmemCacheFree: {
        if (c.pfn >= caches.size()) return Error{ErrorCode::UnknownCache, static_cast<std::int64_t>(c.pfn), 0, {}};
        Pfn slab = 0;
        std::uint32_t idx = 0;
        const std::uint32_t owner = objectCache(m, c.addr, &slab, &idx);
        if (owner == kNoCache || !m.kmem.slabs.at(slab).isUsed(idx))
            return Error{ErrorCode::NotKernelObject, static_cast<std::int64_t>(c.addr), 0, {}};
        if (owner != c.pfn)
            return Error{ErrorCode::WrongCache, static_cast<std::int64_t>(c.addr), static_cast<std::int64_t>(owner),
                         m.str(caches[owner].name)};
        if (caches[owner].flags & SlabFlag::Kernel)
            return Error{ErrorCode::NotKernelObject, static_cast<std::int64_t>(c.addr), 0, {}};
        return {};
    }
    case CommandType::Kmalloc:
        if (c.len == 0) return Error{ErrorCode::BadLength, 0, 0, {}};
        if (c.len > kKmallocMaxSize)
            return Error{ErrorCode::ObjectTooLarge, static_cast<std::int64_t>(c.len),
                         static_cast<std::int64_t>(kKmallocMaxSize), {}};
        return {};
    case CommandType::Kfree: {
        Pfn slab = 0;
        std::uint32_t idx = 0;
        const std::uint32_t owner = objectCache(m, c.addr, &slab, &idx);
        if (owner != kNoCache) {
            if (!(caches[owner].flags & SlabFlag::Kmalloc) || !m.kmem.slabs.at(slab).isUsed(idx))
                return Error{ErrorCode::NotKernelObject, static_cast<std::int64_t>(c.addr), 0, {}};
            return {};
        }
        // A large kmalloc: the address of the block's first page.
        const KernelLayout& l = m.kmem.layout;
        if (inDirectMap(l, c.addr) && c.addr % m.pageSize() == 0) {
            const Pfn p = virtToPhys(l, c.addr) / m.pageSize();
            if (p < m.frames.size() && m.frames.state(p) == FrameState::Kernel && m.frames.priv(p) == kKmallocLargePriv)
                return {};
        }
        return Error{ErrorCode::NotKernelObject, static_cast<std::int64_t>(c.addr), 0, {}};
    }
    default: return {};
    }
}

void runSlab(const Machine& m, Emitter& em, const Command& c, std::uint64_t* value)
{
    switch (c.type) {
    case CommandType::KmemCacheCreate: {
        Event e = slabEvent(EventType::SlabCacheNew, 0);
        e.c = m.kmem.caches.size();
        e.pfn = m.intern(c.text);
        e.a = c.len;
        e.b = c.step;
        e.flags = c.mapFlags & (SlabFlag::HwcacheAlign | SlabFlag::Reclaimable);
        em.onEvent(e);
        *value = e.c;
        break;
    }
    case CommandType::KmemCacheAlloc:
        *value = cacheAlloc(m, em, static_cast<std::uint32_t>(c.pfn), c.node, 0).value_or(0);
        break;
    case CommandType::KmemCacheFree: cacheFree(m, em, static_cast<std::uint32_t>(c.pfn), c.addr, 0); break;
    case CommandType::KmemCacheShrink: *value = shrinkCache(m, em, static_cast<std::uint32_t>(c.pfn), 0); break;
    case CommandType::Kmalloc: {
        const std::uint32_t cache = kmallocCache(m, c.len);
        Event k = slabEvent(EventType::Kmalloc, 0);
        k.b = c.len;
        k.c = cache;
        if (cache != kNoCache) {
            const auto a = cacheAlloc(m, em, cache, c.node, 0);
            if (!a) break;
            k.a = *a;
            em.onEvent(k);
            *value = *a;
            break;
        }
        // kmalloc_large_node(): straight to the page allocator, counted as unreclaimable slab.
        const int order = [&] {
            int o = 0;
            while ((m.pageSize() << o) < c.len) ++o;
            return o;
        }();
        auto p = vm::allocKernelPages(m, em, 0, order, ZoneType::Normal, c.node);
        if (!p) break;
        k.pfn = *p;
        k.order = static_cast<std::uint8_t>(order);
        k.zone = m.zoneOf(*p);
        k.a = physToVirt(m.kmem.layout, *p * m.pageSize());
        em.onEvent(k);
        *value = k.a;
        break;
    }
    case CommandType::Kfree: {
        Pfn slab = 0;
        std::uint32_t idx = 0;
        const std::uint32_t cache = objectCache(m, c.addr, &slab, &idx);
        Event k = slabEvent(EventType::Kmalloc, 0);
        k.flags = EventFlag::Free;
        k.a = c.addr;
        if (cache != kNoCache) {
            k.b = m.kmem.caches[cache].objectSize;
            k.c = cache;
            em.onEvent(k);
            cacheFree(m, em, cache, c.addr, 0);
            break;
        }
        const Pfn p = virtToPhys(m.kmem.layout, c.addr) / m.pageSize();
        k.c = kNoCache;
        k.pfn = p;
        k.order = static_cast<std::uint8_t>(m.frames.order(p));
        k.b = m.pageSize() << k.order;
        k.zone = m.zoneOf(p);
        em.onEvent(k);
        buddy::freePages(m, em, p, k.order);
        break;
    }
    default: break;
    }
}

void applySlab(Machine& m, const Event& e)
{
    Kmem& k = m.kmem;
    switch (e.type) {
    case EventType::SlabCacheNew: {
        SlabCache c = makeCache(m, static_cast<std::uint32_t>(e.pfn), e.a, e.b, e.flags);
        k.caches.push_back(std::move(c));
        break;
    }
    case EventType::SlabGrow: {
        SlabCache& c = k.caches[e.b];
        m.frames.setHead(e.pfn, FrameState::Slab, c.order);
        m.frames.setPriv(e.pfn, static_cast<std::uint32_t>(e.b));
        m.frames.setCount(e.pfn, 0);
        Slab s;
        s.pfn = e.pfn;
        s.cache = static_cast<std::uint32_t>(e.b);
        s.node = e.zone < m.zones.size() ? m.zones[e.zone].node : 0;
        s.freeObjs.resize(c.objsPerSlab);
        for (std::uint32_t i = 0; i < c.objsPerSlab; ++i) // object 0 is handed out first
            s.freeObjs[i] = static_cast<std::uint16_t>(c.objsPerSlab - 1 - i);
        s.used.assign((c.objsPerSlab + 63u) / 64u, 0);
        Slab& placed = k.slabs[e.pfn] = std::move(s);
        ++c.numSlabs;
        ++c.grown;
        c.nodes[placed.node].freeObjects += c.objsPerSlab;
        if (m.config.slab == SlabKind::Slub) {
            deactivateCpuSlab(m, c);
            linkSlab(c, placed, SlabList::Cpu, false);
        } else {
            linkSlab(c, placed, SlabList::Free, false);
        }
        break;
    }
    case EventType::SlabAlloc: {
        SlabCache& c = k.caches[e.b];
        Slab& s = k.slabs.at(e.pfn);
        const auto idx = static_cast<std::uint32_t>(e.c);
        s.freeObjs.erase(std::find(s.freeObjs.begin(), s.freeObjs.end(), static_cast<std::uint16_t>(idx)));
        s.used[idx >> 6] |= 1ull << (idx & 63);
        ++s.inuse;
        m.frames.setCount(e.pfn, s.inuse);
        ++c.activeObjs;
        ++c.allocs;
        --c.nodes[s.node].freeObjects;
        if (m.config.slab == SlabKind::Slub) {
            if (s.list != SlabList::Cpu) { // it becomes the cpu slab
                unlinkSlab(c, s);
                deactivateCpuSlab(m, c);
                linkSlab(c, s, SlabList::Cpu, false);
            }
        } else {
            // fixup_slab_list(): to the head of full or partial.
            unlinkSlab(c, s);
            linkSlab(c, s, s.inuse == c.objsPerSlab ? SlabList::Full : SlabList::Partial, true);
        }
        if (e.pid && e.b == k.cacheTaskStruct)
            if (Process* p = m.procMut(e.pid)) p->taskStruct = e.a;
        break;
    }
    case EventType::SlabFree: {
        SlabCache& c = k.caches[e.b];
        Slab& s = k.slabs.at(e.pfn);
        const auto idx = static_cast<std::uint32_t>(e.c);
        s.freeObjs.push_back(static_cast<std::uint16_t>(idx));
        s.used[idx >> 6] &= ~(1ull << (idx & 63));
        --s.inuse;
        m.frames.setCount(e.pfn, s.inuse);
        --c.activeObjs;
        ++c.frees;
        ++c.nodes[s.node].freeObjects;
        if (m.config.slab == SlabKind::Slab) {
            // free_block(): an empty slab to the head of slabs_free, any other to the
            // tail of slabs_partial ("maximum time for the other objects to be freed").
            unlinkSlab(c, s);
            linkSlab(c, s, s.inuse == 0 ? SlabList::Free : SlabList::Partial, s.inuse == 0);
        } else if (s.list == SlabList::Full) { // __slab_free(): a full slab becomes partial
            unlinkSlab(c, s);
            linkSlab(c, s, SlabList::Partial, false);
        }
        if (e.pid && e.b == k.cacheTaskStruct)
            if (Process* p = m.procMut(e.pid); p && p->taskStruct == e.a) p->taskStruct = 0;
        break;
    }
    case EventType::SlabShrink: {
        SlabCache& c = k.caches[e.b];
        Slab& s = k.slabs.at(e.pfn);
        if (e.flags & kSlabDeactivate) {
            deactivateCpuSlab(m, c);
            break;
        }
        unlinkSlab(c, s);
        --c.numSlabs;
        ++c.reaped;
        c.nodes[s.node].freeObjects -= c.objsPerSlab;
        k.slabs.erase(e.pfn);
        m.frames.setHead(e.pfn, FrameState::Kernel, e.order);
        m.frames.setPriv(e.pfn, 0);
        m.frames.setCount(e.pfn, 0);
        break;
    }
    case EventType::Kmalloc:
        if (e.c != kNoCache) break; // narration: the SlabAlloc/SlabFree did the work
        if (e.flags & EventFlag::Free) {
            m.frames.setPriv(e.pfn, 0);
            k.largeKmallocPages -= 1ull << e.order;
        } else {
            m.frames.setPriv(e.pfn, kKmallocLargePriv);
            k.largeKmallocPages += 1ull << e.order;
        }
        break;
    default: break;
    }
}

void bootSlab(Machine& m)
{
    // kmem_cache_init() and create_kmalloc_caches(): the caches exist from boot; their
    // slabs come with the first allocation. memviz adds task_struct (fork_init()).
    Kmem& k = m.kmem;
    k.kmallocCaches.fill(kNoCache);
    auto add = [&](const std::string& name, std::uint64_t size, std::uint64_t align, std::uint32_t flags) {
        k.caches.push_back(makeCache(m, m.intern(name), size, align, flags | SlabFlag::Kernel));
        return static_cast<std::uint32_t>(k.caches.size() - 1);
    };
    const bool is32 = m.config.arch.is32bit;
    k.cacheKmemCache = add("kmem_cache", is32 ? 132 : 256, 0, SlabFlag::HwcacheAlign);
    if (m.config.slab == SlabKind::Slub) add("kmem_cache_node", is32 ? 36 : 64, 0, SlabFlag::HwcacheAlign);
    const std::uint32_t minSize = m.config.slab == SlabKind::Slab ? 32 : 8;
    for (std::size_t i = 0; i < std::size(kKmallocClasses); ++i) {
        const std::uint32_t size = kKmallocClasses[i];
        if (size < minSize) continue;
        const std::string name = size >= 1024 ? "kmalloc-" + std::to_string(size / 1024) + "k"
                                              : "kmalloc-" + std::to_string(size);
        k.kmallocCaches[i] = add(name, size, 0, SlabFlag::Kmalloc);
    }
    // task_struct: SLAB_HWCACHE_ALIGN; about its size on a Linux 6.x build of each architecture.
    k.cacheTaskStruct = add("task_struct", is32 ? 1792 : 9856, 64, SlabFlag::HwcacheAlign);
}

} // namespace memviz::kmem::detail
