// The slab allocator and kmalloc (reference §6): objects per slab against hand-worked
// layouts of both allocators, list movement step by step, kmalloc size classes, large
// kmalloc, /proc/slabinfo, task_structs, bad input and random programs with the checker.

#include "TestUtil.h"

#include "alloc/Kmem.h"
#include "check/Checker.h"
#include "stats/MemInfo.h"
#include "stats/Shell.h"
#include "stats/Slabinfo.h"

#include <QTest>

#include <random>

using namespace memviz;
using namespace memviz::test;

Q_DECLARE_METATYPE(memviz::SlabKind)

namespace {

MachineConfig slabMachine(SlabKind kind, int cpus = 2, const char* preset = "x86-64", const char* ram = "1G")
{
    MachineConfig c = config(preset, ram);
    c.slab = kind;
    c.cpus = cpus;
    c.swapBytes = 0;
    return c;
}

Command createCache(const std::string& name, std::uint64_t size, std::uint64_t align = 0, std::uint32_t flags = 0)
{
    Command c;
    c.type = CommandType::KmemCacheCreate;
    c.text = name;
    c.len = size;
    c.step = align;
    c.mapFlags = flags;
    return c;
}

Command cacheCmd(CommandType t, std::uint64_t cache, std::uint64_t addr = 0)
{
    Command c;
    c.type = t;
    c.pfn = cache;
    c.addr = addr;
    return c;
}

Command kmallocCmd(std::uint64_t size)
{
    Command c;
    c.type = CommandType::Kmalloc;
    c.len = size;
    return c;
}

Command kfreeCmd(std::uint64_t addr)
{
    Command c;
    c.type = CommandType::Kfree;
    c.addr = addr;
    return c;
}

std::uint64_t run(Simulator& sim, const Command& c)
{
    const CommandResult r = sim.apply(c);
    if (r.error) qFatal("command refused: %s", errorCodeName(r.error.code));
    const auto findings = checkMachine(sim.current());
    if (!findings.empty()) qFatal("checker: %s", describe(findings.front()).c_str());
    return r.value;
}

std::uint32_t cacheId(const Machine& m, const std::string& name)
{
    for (std::uint32_t i = 0; i < m.kmem.caches.size(); ++i)
        if (m.str(m.kmem.caches[i].name) == name) return i;
    return kNoCache;
}

/// The slabs of a list of node 0 as "pfn:inuse" in list order.
std::vector<std::pair<Pfn, int>> listOf(const Machine& m, std::uint32_t cache, SlabList l)
{
    const SlabNodeLists& n = m.kmem.caches[cache].nodes[0];
    const auto& v = l == SlabList::Full ? n.full : l == SlabList::Partial ? n.partial : n.free;
    std::vector<std::pair<Pfn, int>> out;
    for (Pfn p : v) out.emplace_back(p, m.kmem.slabs.at(p).inuse);
    return out;
}

} // namespace

class TestSlab : public QObject {
    Q_OBJECT
private slots:
    void geometry_data();
    void geometry();
    void kmallocClasses_data();
    void kmallocClasses();
    void bootCaches();
    void slabListMovement();
    void slabFreeLimit();
    void slubListMovement();
    void shrinkGivesSlabsBack_data();
    void shrinkGivesSlabsBack();
    void kmallocUsesTheClassCache();
    void largeKmallocGoesToThePageAllocator();
    void slabinfoFormat();
    void slubSlabinfoCountsCpuSlabActive();
    void taskStructPerProcess();
    void x86_32SlabsComeFromLowmem();
    void badInput_data();
    void badInput();
    void randomProgramsStayConsistent_data();
    void randomProgramsStayConsistent();
};

void TestSlab::geometry_data()
{
    QTest::addColumn<SlabKind>("kind");
    QTest::addColumn<int>("cpus");
    QTest::addColumn<int>("size");
    QTest::addColumn<int>("align");
    QTest::addColumn<int>("flags");
    QTest::addColumn<int>("stride");
    QTest::addColumn<int>("order");
    QTest::addColumn<int>("objs");
    const int hw = static_cast<int>(SlabFlag::HwcacheAlign);
    // SLAB on a machine above 32 MiB (slab_max_order 1), worked by hand from
    // __kmem_cache_create() and calculate_slab_order():
    // 32 B: 128 byte-indices do not fit in a 32 B object (no OBJFREELIST), an off-slab
    // index would need kmalloc-128 > 32/2, so on-slab: 4096 / 33 = 124, 4 B left.
    QTest::newRow("SLAB 32 on-slab") << SlabKind::Slab << 2 << 32 << 0 << 0 << 32 << 0 << 124;
    // 64 B: 64 indices fit in one object: the freelist lives in a free object.
    QTest::newRow("SLAB 64 objfreelist") << SlabKind::Slab << 2 << 64 << 0 << 0 << 64 << 0 << 64;
    QTest::newRow("SLAB 96") << SlabKind::Slab << 2 << 96 << 0 << 0 << 96 << 0 << 42;
    QTest::newRow("SLAB 192") << SlabKind::Slab << 2 << 192 << 0 << 0 << 192 << 0 << 21;
    QTest::newRow("SLAB 1024") << SlabKind::Slab << 2 << 1024 << 0 << 0 << 1024 << 0 << 4;
    // 8192 B: nothing fits in one page; order 1 holds one object with nothing left.
    QTest::newRow("SLAB 8192") << SlabKind::Slab << 2 << 8192 << 0 << 0 << 8192 << 1 << 1;
    // 1100 B -> 1104 (8-byte words): order 0 leaves 784 B (> 1/8), order 1 leaves 464 B.
    QTest::newRow("SLAB 1100 order 1") << SlabKind::Slab << 2 << 1100 << 0 << 0 << 1104 << 1 << 7;
    // 40 B: on-slab 4096 / 41 = 99.
    QTest::newRow("SLAB 40") << SlabKind::Slab << 2 << 40 << 0 << 0 << 40 << 0 << 99;
    // SLAB_HWCACHE_ALIGN on 24 B: the cache line halves while the object fits in half: 32.
    QTest::newRow("SLAB 24 hwcache") << SlabKind::Slab << 2 << 24 << 0 << hw << 32 << 0 << 124;
    // A small object is at least SLAB_OBJ_MIN_SIZE (16 B): 4096 / 17 = 240.
    QTest::newRow("SLAB 8 min size") << SlabKind::Slab << 2 << 8 << 0 << 0 << 16 << 0 << 240;
    // task_struct of 9856 B: order 2 holds one; order 2 >= slab_max_order stops the search.
    QTest::newRow("SLAB task_struct") << SlabKind::Slab << 2 << 9856 << 64 << hw << 9856 << 2 << 1;
    QTest::newRow("SLAB 1792 hwcache") << SlabKind::Slab << 2 << 1792 << 0 << hw << 1792 << 0 << 2;
    // SLUB, calculate_order(): min_objects = 4 * (fls(nr_cpus) + 1): 12 with 2 CPUs,
    // 24 with 20 (the notes' machine); the smallest order holding them, within 1/16 waste.
    QTest::newRow("SLUB 8") << SlabKind::Slub << 2 << 8 << 0 << 0 << 8 << 0 << 512;
    QTest::newRow("SLUB 192") << SlabKind::Slub << 2 << 192 << 0 << 0 << 192 << 0 << 21;
    QTest::newRow("SLUB 256 2 cpus") << SlabKind::Slub << 2 << 256 << 0 << 0 << 256 << 0 << 16;
    QTest::newRow("SLUB 256 20 cpus") << SlabKind::Slub << 20 << 256 << 0 << 0 << 256 << 1 << 32;
    QTest::newRow("SLUB 1024 20 cpus") << SlabKind::Slub << 20 << 1024 << 0 << 0 << 1024 << 3 << 32;
    // 2 KiB: at most 16 fit in order 3, so min_objects becomes 16: order 3.
    QTest::newRow("SLUB 2048") << SlabKind::Slub << 2 << 2048 << 0 << 0 << 2048 << 3 << 16;
    QTest::newRow("SLUB 8192") << SlabKind::Slub << 2 << 8192 << 0 << 0 << 8192 << 3 << 4;
    // 100 B -> 104: 4096 % 104 = 40 wasted.
    QTest::newRow("SLUB 100") << SlabKind::Slub << 2 << 100 << 0 << 0 << 104 << 0 << 39;
    // 9856 B: 3 fit in order 3 leaving 3200 B: too much for 1/16 (2048), fine for 1/8.
    QTest::newRow("SLUB task_struct") << SlabKind::Slub << 2 << 9856 << 64 << hw << 9856 << 3 << 3;
}

void TestSlab::geometry()
{
    QFETCH(SlabKind, kind);
    QFETCH(int, cpus);
    QFETCH(int, size);
    QFETCH(int, align);
    QFETCH(int, flags);
    QFETCH(int, stride);
    QFETCH(int, order);
    QFETCH(int, objs);
    const SlabGeometry g = kmem::slabGeometry(kind, 4096, 8ull << 30, cpus, false, static_cast<std::uint64_t>(size),
                                              static_cast<std::uint64_t>(align), static_cast<std::uint32_t>(flags));
    QCOMPARE(int(g.size), stride);
    QCOMPARE(int(g.order), order);
    QCOMPARE(int(g.objs), objs);
    // The same through kmem_cache_create on a machine.
    Simulator sim = boot(slabMachine(kind, cpus));
    const auto id = static_cast<std::uint32_t>(run(sim, createCache("test_cache", static_cast<std::uint64_t>(size),
                                                                     static_cast<std::uint64_t>(align),
                                                                     static_cast<std::uint32_t>(flags))));
    const SlabCache& c = sim.current().kmem.caches[id];
    QCOMPARE(int(c.objsPerSlab), objs);
    QCOMPARE(int(c.order), order);
    QCOMPARE(int(c.size), stride);
}

void TestSlab::kmallocClasses_data()
{
    QTest::addColumn<SlabKind>("kind");
    QTest::addColumn<int>("bytes");
    QTest::addColumn<int>("cls");
    for (auto [b, c] : std::initializer_list<std::pair<int, int>>{ { 1, 8 }, { 8, 8 }, { 9, 16 }, { 17, 32 }, { 33, 64 },
             { 64, 64 }, { 65, 96 }, { 96, 96 }, { 97, 128 }, { 100, 128 }, { 128, 128 }, { 129, 192 }, { 192, 192 },
             { 193, 256 }, { 1000, 1024 }, { 4097, 8192 }, { 8192, 8192 }, { 8193, 0 }, { 0, 0 } })
        QTest::addRow("SLUB %d", b) << SlabKind::Slub << b << c;
    // SLAB's smallest class is kmalloc-32 (KMALLOC_SHIFT_LOW 5).
    for (auto [b, c] : std::initializer_list<std::pair<int, int>>{ { 1, 32 }, { 32, 32 }, { 33, 64 }, { 65, 96 } })
        QTest::addRow("SLAB %d", b) << SlabKind::Slab << b << c;
}

void TestSlab::kmallocClasses()
{
    QFETCH(SlabKind, kind);
    QFETCH(int, bytes);
    QFETCH(int, cls);
    QCOMPARE(int(kmem::kmallocSize(kind, static_cast<std::uint64_t>(bytes))), cls);
}

void TestSlab::bootCaches()
{
    for (SlabKind kind : { SlabKind::Slab, SlabKind::Slub }) {
        Simulator sim = boot(slabMachine(kind));
        const Machine& m = sim.current();
        QVERIFY(cacheId(m, "kmem_cache") != kNoCache);
        QVERIFY(cacheId(m, "kmalloc-96") != kNoCache);
        QVERIFY(cacheId(m, "kmalloc-8k") != kNoCache);
        QCOMPARE(cacheId(m, "kmalloc-8") != kNoCache, kind == SlabKind::Slub);
        QCOMPARE(cacheId(m, "kmem_cache_node") != kNoCache, kind == SlabKind::Slub);
        QCOMPARE(m.kmem.cacheTaskStruct, cacheId(m, "task_struct"));
        // Caches exist from boot; their slabs come with the first allocation.
        for (const SlabCache& c : m.kmem.caches) QCOMPARE(c.numSlabs, 0u);
        QVERIFY(checkMachine(m).empty());
    }
}

void TestSlab::slabListMovement()
{
    // A 1 KiB cache under SLAB: 4 objects per one-page slab.
    Simulator sim = boot(slabMachine(SlabKind::Slab));
    const auto id = static_cast<std::uint32_t>(run(sim, createCache("foo", 1024)));
    QCOMPARE(int(sim.current().kmem.caches[id].objsPerSlab), 4);
    std::vector<std::uint64_t> objs;
    // The first object grows the cache: a slab from the buddy allocator, first on the free
    // list, then (one object in use) at the head of the partial list.
    std::uint64_t from = sim.eventCount();
    objs.push_back(run(sim, cacheCmd(CommandType::KmemCacheAlloc, id)));
    QCOMPARE(countEvents(sim, EventType::SlabGrow, from), 1u);
    QCOMPARE(countEvents(sim, EventType::BuddyAlloc, from), 1u);
    const Pfn s1 = sim.current().kmem.caches[id].nodes[0].partial.front();
    QCOMPARE(listOf(sim.current(), id, SlabList::Partial), (std::vector<std::pair<Pfn, int>>{ { s1, 1 } }));
    // Objects are handed out from index 0 up, at the slab's direct-map address.
    QCOMPARE(objs[0], physToVirt(sim.current().kmem.layout, s1 * 4096));
    for (int i = 1; i < 4; ++i) objs.push_back(run(sim, cacheCmd(CommandType::KmemCacheAlloc, id)));
    QCOMPARE(objs[3], objs[0] + 3 * 1024);
    // Full: the slab moved to slabs_full.
    QCOMPARE(listOf(sim.current(), id, SlabList::Full), (std::vector<std::pair<Pfn, int>>{ { s1, 4 } }));
    QVERIFY(listOf(sim.current(), id, SlabList::Partial).empty());
    // The fifth object needs a second slab.
    from = sim.eventCount();
    objs.push_back(run(sim, cacheCmd(CommandType::KmemCacheAlloc, id)));
    QCOMPARE(countEvents(sim, EventType::SlabGrow, from), 1u);
    const Pfn s2 = sim.current().kmem.caches[id].nodes[0].partial.front();
    QVERIFY(s2 != s1);
    // Freeing from the full slab: it goes to the tail of the partial list.
    run(sim, cacheCmd(CommandType::KmemCacheFree, id, objs[1]));
    QCOMPARE(listOf(sim.current(), id, SlabList::Partial), (std::vector<std::pair<Pfn, int>>{ { s2, 1 }, { s1, 3 } }));
    // LIFO: the object freed last is the next one handed out, from the first partial slab.
    // The partial list's head is s2, so the next object comes from s2 ...
    const std::uint64_t again = run(sim, cacheCmd(CommandType::KmemCacheAlloc, id));
    QCOMPARE(again, objs[4] + 1024);
    // ... and s2 moves to the head (fixup_slab_list): free s2's objects, it becomes free.
    run(sim, cacheCmd(CommandType::KmemCacheFree, id, objs[4]));
    run(sim, cacheCmd(CommandType::KmemCacheFree, id, again));
    QCOMPARE(listOf(sim.current(), id, SlabList::Free), (std::vector<std::pair<Pfn, int>>{ { s2, 0 } }));
    QCOMPARE(listOf(sim.current(), id, SlabList::Partial), (std::vector<std::pair<Pfn, int>>{ { s1, 3 } }));
    // A partial slab is used before a free one.
    const std::uint64_t reused = run(sim, cacheCmd(CommandType::KmemCacheAlloc, id));
    QCOMPARE(reused, objs[1]);
    QCOMPARE(listOf(sim.current(), id, SlabList::Full), (std::vector<std::pair<Pfn, int>>{ { s1, 4 } }));
    const SlabCache& c = sim.current().kmem.caches[id];
    QCOMPARE(c.activeObjs, 4u);
    QCOMPARE(c.numSlabs, 2u);
    QCOMPARE(sim.current().frames.state(s1), FrameState::Slab);
    QCOMPARE(int(sim.current().frames.count(s1)), 4);
}

void TestSlab::slabFreeLimit()
{
    // free_limit = (1 + nr_cpus) * batchcount + num = 3 * 27 + 4 = 85 for 1 KiB objects
    // (limit 54, batchcount 27) with 2 CPUs: free slabs beyond that go back at once.
    Simulator sim = boot(slabMachine(SlabKind::Slab));
    const auto id = static_cast<std::uint32_t>(run(sim, createCache("foo", 1024)));
    const SlabCache& c0 = sim.current().kmem.caches[id];
    QCOMPARE(c0.limit, 54u);
    QCOMPARE(c0.batchcount, 27u);
    QCOMPARE(c0.shared, 8u);
    std::vector<std::uint64_t> objs;
    for (int i = 0; i < 120; ++i) objs.push_back(run(sim, cacheCmd(CommandType::KmemCacheAlloc, id)));
    QCOMPARE(sim.current().kmem.caches[id].numSlabs, 30u);
    std::uint64_t from = sim.eventCount();
    for (std::uint64_t o : objs) {
        run(sim, cacheCmd(CommandType::KmemCacheFree, id, o));
        const SlabNodeLists& n = sim.current().kmem.caches[id].nodes[0];
        QVERIFY(n.freeObjects <= 85 || n.free.empty());
    }
    // All free: between 81 and 85 free objects, a multiple of 4: 84, in 21 free slabs.
    const SlabCache& c = sim.current().kmem.caches[id];
    QCOMPARE(c.numSlabs, 21u);
    QCOMPARE(c.nodes[0].freeObjects, 84u);
    QCOMPARE(countEvents(sim, EventType::SlabShrink, from), 9u);
}

void TestSlab::slubListMovement()
{
    // SLUB with 2 CPUs: a 1 KiB cache has 16 objects in an order-2 slab, min_partial 5.
    Simulator sim = boot(slabMachine(SlabKind::Slub));
    const auto id = static_cast<std::uint32_t>(run(sim, createCache("foo", 1024)));
    QCOMPARE(int(sim.current().kmem.caches[id].objsPerSlab), 16);
    QCOMPARE(int(sim.current().kmem.caches[id].order), 2);
    QCOMPARE(sim.current().kmem.caches[id].minPartial, 5u);
    std::vector<std::uint64_t> objs;
    for (int i = 0; i < 16; ++i) objs.push_back(run(sim, cacheCmd(CommandType::KmemCacheAlloc, id)));
    const Pfn s1 = sim.current().kmem.caches[id].cpuSlab;
    QCOMPARE(sim.current().kmem.slabs.at(s1).list, SlabList::Cpu);
    // The cpu slab is full: the 17th object deactivates it (to no list but "full") and
    // makes a new cpu slab.
    std::uint64_t from = sim.eventCount();
    objs.push_back(run(sim, cacheCmd(CommandType::KmemCacheAlloc, id)));
    QCOMPARE(countEvents(sim, EventType::SlabGrow, from), 1u);
    const Pfn s2 = sim.current().kmem.caches[id].cpuSlab;
    QVERIFY(s2 != s1);
    QCOMPARE(sim.current().kmem.slabs.at(s1).list, SlabList::Full);
    // A free into the full slab makes it partial (on the node list).
    run(sim, cacheCmd(CommandType::KmemCacheFree, id, objs[0]));
    QCOMPARE(listOf(sim.current(), id, SlabList::Partial), (std::vector<std::pair<Pfn, int>>{ { s1, 15 } }));
    // Emptying it: fewer than min_partial partial slabs, so the node keeps it.
    from = sim.eventCount();
    for (int i = 1; i < 16; ++i) run(sim, cacheCmd(CommandType::KmemCacheFree, id, objs[static_cast<std::size_t>(i)]));
    QCOMPARE(countEvents(sim, EventType::SlabShrink, from), 0u);
    QCOMPARE(listOf(sim.current(), id, SlabList::Partial), (std::vector<std::pair<Pfn, int>>{ { s1, 0 } }));
    // Objects in the cpu slab go back to the cpu slab.
    run(sim, cacheCmd(CommandType::KmemCacheFree, id, objs[16]));
    QCOMPARE(sim.current().kmem.caches[id].cpuSlab, s2);
    QCOMPARE(int(sim.current().kmem.slabs.at(s2).inuse), 0);
    // kmem_cache_shrink: the cpu slab is flushed and every empty slab discarded.
    from = sim.eventCount();
    QCOMPARE(run(sim, cacheCmd(CommandType::KmemCacheShrink, id)), 2u);
    QCOMPARE(sim.current().kmem.caches[id].numSlabs, 0u);
    QCOMPARE(sim.current().kmem.caches[id].cpuSlab, ~Pfn(0));
    QCOMPARE(sim.current().frames.state(s1), FrameState::Free);
}

void TestSlab::shrinkGivesSlabsBack_data()
{
    QTest::addColumn<SlabKind>("kind");
    QTest::newRow("SLAB") << SlabKind::Slab;
    QTest::newRow("SLUB") << SlabKind::Slub;
}

void TestSlab::shrinkGivesSlabsBack()
{
    QFETCH(SlabKind, kind);
    Simulator sim = boot(slabMachine(kind));
    const std::uint64_t free0 = sim.current().freePages();
    const auto id = static_cast<std::uint32_t>(run(sim, createCache("bar", 512)));
    std::vector<std::uint64_t> objs;
    for (int i = 0; i < 100; ++i) objs.push_back(run(sim, cacheCmd(CommandType::KmemCacheAlloc, id)));
    const MemInfo mid = computeMemInfo(sim.current());
    const SlabCache& c = sim.current().kmem.caches[id];
    QCOMPARE(mid.sUnreclaim, (c.numSlabs << c.order) * 4);
    for (std::uint64_t o : objs) run(sim, cacheCmd(CommandType::KmemCacheFree, id, o));
    run(sim, cacheCmd(CommandType::KmemCacheShrink, id));
    QCOMPARE(sim.current().kmem.caches[id].numSlabs, 0u);
    QCOMPARE(sim.current().freePages(), free0);
    QCOMPARE(computeMemInfo(sim.current()).sUnreclaim, 0u);
}

void TestSlab::kmallocUsesTheClassCache()
{
    Simulator sim = boot(slabMachine(SlabKind::Slub));
    const std::uint64_t from = sim.eventCount();
    const std::uint64_t a = run(sim, kmallocCmd(100));
    const Machine& m = sim.current();
    const std::uint32_t k128 = cacheId(m, "kmalloc-128");
    QCOMPARE(kmem::objectCache(m, a), k128);
    QVERIFY(a >= m.kmem.layout.pageOffset && a < m.kmem.layout.highMemory);
    QCOMPARE(m.kmem.caches[k128].activeObjs, 1u);
    QCOMPARE(countEvents(sim, EventType::Kmalloc, from), 1u);
    QCOMPARE(countEvents(sim, EventType::SlabAlloc, from), 1u);
    run(sim, kfreeCmd(a));
    QCOMPARE(sim.current().kmem.caches[k128].activeObjs, 0u);
    // kmalloc(96) takes kmalloc-96, kmalloc(150) kmalloc-192.
    QCOMPARE(kmem::objectCache(sim.current(), run(sim, kmallocCmd(96))), cacheId(sim.current(), "kmalloc-96"));
    QCOMPARE(kmem::objectCache(sim.current(), run(sim, kmallocCmd(150))), cacheId(sim.current(), "kmalloc-192"));
}

void TestSlab::largeKmallocGoesToThePageAllocator()
{
    Simulator sim = boot(slabMachine(SlabKind::Slab));
    const std::uint64_t free0 = sim.current().freePages();
    const std::uint64_t from = sim.eventCount();
    const std::uint64_t a = run(sim, kmallocCmd(64 * KiB));
    const Machine& m = sim.current();
    // get_order(64 KiB) = 4: one contiguous block of 16 frames at its direct-map address.
    const Pfn p = virtToPhys(m.kmem.layout, a) / 4096;
    QCOMPARE(m.frames.order(p), 4);
    QCOMPARE(m.frames.priv(p), kKmallocLargePriv);
    QCOMPARE(countEvents(sim, EventType::SlabAlloc, from), 0u);
    QCOMPARE(free0 - m.freePages(), 16u);
    QCOMPARE(computeMemInfo(m).sUnreclaim, 64u);
    QCOMPARE(kmem::objectCache(m, a), kNoCache);
    run(sim, kfreeCmd(a));
    QCOMPARE(sim.current().freePages(), free0);
    QCOMPARE(sim.current().kmem.largeKmallocPages, 0u);
}

void TestSlab::slabinfoFormat()
{
    // Fixture typed by hand from cache_show()'s format and SLAB's get_slabinfo().
    Simulator sim = boot(slabMachine(SlabKind::Slab));
    const auto id = static_cast<std::uint32_t>(run(sim, createCache("foo", 1024)));
    for (int i = 0; i < 5; ++i) run(sim, cacheCmd(CommandType::KmemCacheAlloc, id));
    const std::string text = formatSlabinfo(sim.current());
    const std::string head = "slabinfo - version: 2.1\n"
                             "# name            <active_objs> <num_objs> <objsize> <objperslab> <pagesperslab> : "
                             "tunables <limit> <batchcount> <sharedfactor> : slabdata <active_slabs> <num_slabs> "
                             "<sharedavail>\n";
    QCOMPARE(text.substr(0, head.size()), head);
    // The newest cache first (list_add to slab_caches).
    const std::string foo
        = "foo                    5      8   1024    4    1 : tunables   54   27    8 : slabdata      2      2      0\n";
    QCOMPARE(text.substr(head.size(), foo.size()), foo);
    // task_struct (9856 B, one per order-2 slab, limit 8 above a page, no shared array).
    QVERIFY(text.find("\ntask_struct            0      0   9856    1    4 : tunables    8    4    0 : slabdata      0      0      0\n")
            != std::string::npos);
    // kmem_cache (created first) is the last line.
    QVERIFY(text.size() > 20 && text.rfind("\nkmem_cache ") != std::string::npos);
    QCOMPARE(text.substr(text.rfind('\n', text.size() - 2) + 1, 11), std::string("kmem_cache "));
    // Free slabs are inactive under SLAB: free 4 objects of the first slab.
    for (std::uint64_t i = 0; i < 4; ++i)
        run(sim, cacheCmd(CommandType::KmemCacheFree, id, kmem::objectAddress(sim.current(),
                                                                               sim.current().kmem.caches[id].nodes[0].free.empty()
                                                                                   ? sim.current().kmem.caches[id].nodes[0].full.front()
                                                                                   : sim.current().kmem.caches[id].nodes[0].free.front(),
                                                                               static_cast<std::uint32_t>(i))));
    const std::string after = formatSlabinfo(sim.current()).substr(head.size(), foo.size());
    QCOMPARE(after,
             std::string("foo                    1      8   1024    4    1 : tunables   54   27    8 : slabdata      1      2      0\n"));
    // The shell reads the same text.
    QCOMPARE(runShell(sim.current(), "cat /proc/slabinfo").out, formatSlabinfo(sim.current()));
}

void TestSlab::slubSlabinfoCountsCpuSlabActive()
{
    // SLUB: objects free in the cpu slab count as active; tunables are 0.
    Simulator sim = boot(slabMachine(SlabKind::Slub));
    const auto id = static_cast<std::uint32_t>(run(sim, createCache("foo", 1024)));
    for (int i = 0; i < 3; ++i) run(sim, cacheCmd(CommandType::KmemCacheAlloc, id));
    const std::string text = formatSlabinfo(sim.current());
    QVERIFY(text.find("\nfoo                   16     16   1024   16    4 : tunables    0    0    0 : slabdata      1      1      0\n")
            != std::string::npos);
}

void TestSlab::taskStructPerProcess()
{
    Simulator sim = boot(slabMachine(SlabKind::Slab));
    const std::uint32_t ts = sim.current().kmem.cacheTaskStruct;
    Proc a = spawnProc(sim, "a");
    const Process* pa = sim.current().proc(a.pid);
    QVERIFY(pa->taskStruct != 0);
    QCOMPARE(kmem::objectCache(sim.current(), pa->taskStruct), ts);
    Proc b = a.fork();
    QCOMPARE(sim.current().kmem.caches[ts].activeObjs, 2u);
    QVERIFY(sim.current().proc(b.pid)->taskStruct != sim.current().proc(a.pid)->taskStruct);
    b.exit();
    QCOMPARE(sim.current().kmem.caches[ts].activeObjs, 1u);
    QCOMPARE(sim.current().proc(b.pid)->taskStruct, 0u);
    // Scripts may not free a task_struct: it belongs to the process.
    Command bad = cacheCmd(CommandType::KmemCacheFree, ts, sim.current().proc(a.pid)->taskStruct);
    QCOMPARE(sim.apply(bad).error.code, ErrorCode::NotKernelObject);
    QVERIFY(checkMachine(sim.current()).empty());
}

void TestSlab::x86_32SlabsComeFromLowmem()
{
    Simulator sim = boot(slabMachine(SlabKind::Slab, 2, "x86-32", "2G"));
    const auto id = static_cast<std::uint32_t>(run(sim, createCache("foo", 2048)));
    for (int i = 0; i < 200; ++i) {
        const std::uint64_t a = run(sim, cacheCmd(CommandType::KmemCacheAlloc, id));
        QVERIFY(a >= 0xC0000000u && a < 0xF8000000u); // the 896 MiB direct map
    }
    for (const auto& [pfn, s] : sim.current().kmem.slabs)
        QVERIFY(sim.current().zones[sim.current().zoneOf(pfn)].type != ZoneType::HighMem);
}

void TestSlab::badInput_data()
{
    QTest::addColumn<int>("which");
    QTest::addColumn<QString>("code");
    QTest::newRow("empty name") << 0 << "BadCacheName";
    QTest::newRow("name with space") << 1 << "BadCacheName";
    QTest::newRow("duplicate name") << 2 << "CacheExists";
    QTest::newRow("size 0") << 3 << "BadLength";
    QTest::newRow("object too large") << 4 << "ObjectTooLarge";
    QTest::newRow("align 3") << 5 << "BadAlign";
    QTest::newRow("align above a page") << 6 << "BadAlign";
    QTest::newRow("unknown cache") << 7 << "UnknownCache";
    QTest::newRow("free of another cache's object") << 8 << "WrongCache";
    QTest::newRow("free of a free object") << 9 << "NotKernelObject";
    QTest::newRow("double free") << 10 << "NotKernelObject";
    QTest::newRow("kfree of garbage") << 11 << "NotKernelObject";
    QTest::newRow("kfree of a cache object") << 12 << "NotKernelObject";
    QTest::newRow("kmalloc 0") << 13 << "BadLength";
    QTest::newRow("kmalloc above 4 MiB") << 14 << "ObjectTooLarge";
    QTest::newRow("kfree inside a large kmalloc") << 15 << "NotKernelObject";
    QTest::newRow("unknown node") << 16 << "UnknownNode";
}

void TestSlab::badInput()
{
    QFETCH(int, which);
    QFETCH(QString, code);
    Simulator sim = boot(slabMachine(SlabKind::Slab));
    const auto foo = static_cast<std::uint32_t>(run(sim, createCache("foo", 64)));
    const auto bar = static_cast<std::uint32_t>(run(sim, createCache("bar", 64)));
    const std::uint64_t obj = run(sim, cacheCmd(CommandType::KmemCacheAlloc, foo));
    const std::uint64_t obj2 = run(sim, cacheCmd(CommandType::KmemCacheAlloc, foo));
    const std::uint64_t freed = run(sim, cacheCmd(CommandType::KmemCacheAlloc, foo));
    run(sim, cacheCmd(CommandType::KmemCacheFree, foo, freed));
    const std::uint64_t large = run(sim, kmallocCmd(32 * KiB));
    (void)obj2;
    Command c;
    switch (which) {
    case 0: c = createCache("", 64); break;
    case 1: c = createCache("my cache", 64); break;
    case 2: c = createCache("kmalloc-64", 64); break;
    case 3: c = createCache("zero", 0); break;
    case 4: c = createCache("huge", 5 * MiB); break;
    case 5: c = createCache("odd", 64, 3); break;
    case 6: c = createCache("wide", 64, 8192); break;
    case 7: c = cacheCmd(CommandType::KmemCacheAlloc, 999); break;
    case 8: c = cacheCmd(CommandType::KmemCacheFree, bar, obj); break;
    case 9: c = cacheCmd(CommandType::KmemCacheFree, foo, freed); break;
    case 10: {
        run(sim, cacheCmd(CommandType::KmemCacheFree, foo, obj));
        c = cacheCmd(CommandType::KmemCacheFree, foo, obj);
        break;
    }
    case 11: c = kfreeCmd(0x1234); break;
    case 12: c = kfreeCmd(obj); break;
    case 13: c = kmallocCmd(0); break;
    case 14: c = kmallocCmd(5 * MiB); break;
    case 15: c = kfreeCmd(large + 4096); break;
    case 16:
        c = kmallocCmd(64);
        c.node = 3;
        break;
    }
    const Machine before = sim.current();
    const std::uint64_t events = sim.eventCount();
    const CommandResult r = sim.apply(c);
    QCOMPARE(QString::fromLatin1(errorCodeName(r.error.code)), code);
    QCOMPARE(sim.eventCount(), events);
    QCOMPARE(sim.current().kmem.slabs.size(), before.kmem.slabs.size());
    QCOMPARE(sim.current().kmem.caches.size(), before.kmem.caches.size());
    QCOMPARE(sim.current().freePages(), before.freePages());
    QVERIFY(checkMachine(sim.current()).empty());
}

void TestSlab::randomProgramsStayConsistent_data()
{
    QTest::addColumn<SlabKind>("kind");
    QTest::addColumn<QString>("preset");
    QTest::addColumn<QString>("ram");
    QTest::addColumn<int>("seed");
    for (int seed : { 1, 2 }) {
        QTest::addRow("SLAB x86-64 %d", seed) << SlabKind::Slab << "x86-64" << "128M" << seed;
        QTest::addRow("SLUB x86-64 %d", seed) << SlabKind::Slub << "x86-64" << "128M" << seed;
        QTest::addRow("SLAB x86-32 %d", seed) << SlabKind::Slab << "x86-32" << "128M" << seed;
        QTest::addRow("SLUB x86-pae %d", seed) << SlabKind::Slub << "x86-pae" << "128M" << seed;
    }
}

void TestSlab::randomProgramsStayConsistent()
{
    QFETCH(SlabKind, kind);
    QFETCH(QString, preset);
    QFETCH(QString, ram);
    QFETCH(int, seed);
    const QByteArray p = preset.toLatin1(), r = ram.toLatin1();
    auto program = [&](Simulator& sim) {
        std::mt19937_64 rng(static_cast<std::uint64_t>(seed));
        std::vector<std::uint32_t> caches;
        std::vector<std::pair<std::uint32_t, std::uint64_t>> objs; // cache, address
        std::vector<std::uint64_t> kmallocs;
        std::vector<std::uint32_t> pids;
        const int steps = kSlowBuild ? 300 : 1000;
        for (int i = 0; i < steps; ++i) {
            const int op = static_cast<int>(rng() % 10);
            if (op == 0 && caches.size() < 6) {
                const std::uint64_t size = 8 + rng() % 3000;
                const std::uint32_t flags = (rng() & 1) ? SlabFlag::HwcacheAlign : 0;
                const std::uint64_t align = (rng() % 3 == 0) ? (8u << (rng() % 4)) : 0;
                caches.push_back(static_cast<std::uint32_t>(
                    run(sim, createCache("c" + std::to_string(caches.size()), size, align, flags))));
            } else if (op <= 3 && !caches.empty()) {
                const std::uint32_t c = caches[rng() % caches.size()];
                if (const std::uint64_t a = run(sim, cacheCmd(CommandType::KmemCacheAlloc, c))) objs.emplace_back(c, a);
            } else if (op == 4 && !objs.empty()) {
                const std::size_t k = rng() % objs.size();
                run(sim, cacheCmd(CommandType::KmemCacheFree, objs[k].first, objs[k].second));
                objs.erase(objs.begin() + static_cast<std::ptrdiff_t>(k));
            } else if (op == 5) {
                const std::uint64_t size = (rng() % 8 == 0) ? (8 * KiB + rng() % (200 * KiB)) : 1 + rng() % 8192;
                if (const std::uint64_t a = run(sim, kmallocCmd(size))) kmallocs.push_back(a);
            } else if (op == 6 && !kmallocs.empty()) {
                const std::size_t k = rng() % kmallocs.size();
                run(sim, kfreeCmd(kmallocs[k]));
                kmallocs.erase(kmallocs.begin() + static_cast<std::ptrdiff_t>(k));
            } else if (op == 7 && !caches.empty()) {
                run(sim, cacheCmd(CommandType::KmemCacheShrink, caches[rng() % caches.size()]));
            } else if (op == 8 && pids.size() < 4) {
                pids.push_back(spawn(sim, "p"));
            } else if (op == 9 && !pids.empty()) {
                const std::size_t k = rng() % pids.size();
                run(sim, vmCommand(CommandType::Exit, pids[k]));
                pids.erase(pids.begin() + static_cast<std::ptrdiff_t>(k));
            }
        }
    };
    MachineConfig cfg = slabMachine(kind, 2, p.constData(), r.constData());
    Simulator a = boot(cfg);
    program(a);
    Simulator b = boot(cfg);
    program(b);
    // Deterministic: the same events, and replaying them rebuilds the same machine.
    QCOMPARE(a.eventCount(), b.eventCount());
    std::string ja, jb;
    for (std::uint64_t i = 0; i < a.eventCount(); ++i) {
        appendEventJson(ja, a.current(), i, a.events()[i]);
        appendEventJson(jb, b.current(), i, b.events()[i]);
    }
    QVERIFY(ja == jb);
    const Machine replay = a.stateAt(a.eventCount());
    QCOMPARE(formatSlabinfo(replay), formatSlabinfo(a.current()));
    QVERIFY(checkMachine(replay).empty());
}

QTEST_MAIN(TestSlab)
#include "tst_slab.moc"
