// A slab cache of ready objects above the buddy allocator (notes 002 二.2 "Slab算法": kmem_cache, slabs_full/partial/empty).
// views: slab, buddy, physical
// Slab 算法：在伙伴系统之上为反复使用的内核对象准备缓存池。kmem_cache 管理 slabs_full / slabs_partial / slabs_empty 三个链表。
//
// kmem_cache_create() makes a cache for one kind of object and works out its layout: a 1 KiB
// object fits 4 times in one 4 KiB page, so each slab is one page from the buddy allocator
// cut into 4 objects (calculate_slab_order). The first allocation finds no slab and grows the
// cache (cache_grow_begin: alloc_pages). Allocation takes from a partial slab first, then an
// empty one; a slab whose objects are all in use moves to slabs_full, and one freed back to
// nothing moves to slabs_free. kmem_cache_shrink() gives the empty slabs back to the buddy
// allocator. /proc/slabinfo and the Slab lines of /proc/meminfo count all of it. memviz runs
// the classic SLAB allocator the notes describe (machine({ slab: "slub" }) switches to SLUB,
// Linux 6.8+); it has one CPU and no per-CPU array caches, so a freed object goes straight
// back to its slab.
// kmem_cache_create() 为一种对象建立缓存并计算布局：1 KiB 的对象一页放 4 个，所以每个 slab 是伙伴系统给的一页，
// 切成 4 个对象（calculate_slab_order）。第一次分配时没有 slab，缓存增长（cache_grow_begin：alloc_pages）。
// 分配先找部分使用的 slab，再找空 slab；对象全部用完的 slab 移到 slabs_full，对象全部释放的 slab 移到 slabs_free。
// kmem_cache_shrink() 把空 slab 还给伙伴系统。/proc/slabinfo 和 /proc/meminfo 的 Slab 行统计这些内存。
// memviz 使用笔记中描述的经典 SLAB 分配器（machine({ slab: "slub" }) 可切换为 Linux 6.8 以后的 SLUB）；
// 只模拟一个 CPU，没有 per-CPU 对象缓存，释放的对象直接回到它的 slab。
machine({ preset: "x86-64", ram: "1G", swap: 0 });
const slabLines = () =>
    sh("cat /proc/slabinfo").split("\n").filter(l => l.startsWith("# name") || l.startsWith("my_obj")).join("\n");

const c = kernel.kmem_cache_create("my_obj", 1024, 0, SLAB_HWCACHE_ALIGN);
print(c.toString());
shot("cache created / 创建缓存");

const objs = [];
objs.push(c.alloc()); // no slab yet: the cache grows by one page / 还没有 slab：缓存增长一页
shot("first slab / 第一个 slab");
for (let i = 0; i < 3; ++i) objs.push(c.alloc()); // the slab fills up: slabs_full / 放满：移到 slabs_full
shot("slab full / slab 已满");
for (let i = 0; i < 4; ++i) objs.push(c.alloc()); // a second slab, filled too / 第二个 slab，也放满
objs.push(c.alloc()); // a third slab, partial / 第三个 slab，部分使用
print(slabLines());
shot("three slabs / 三个 slab");

// Free two objects of the first slab: it becomes partial (at the tail of slabs_partial).
// 释放第一个 slab 的两个对象：它变为部分使用，放到 slabs_partial 末尾。
c.free(objs[1]);
c.free(objs[2]);
shot("partial again / 又变为部分使用");
// The next allocation reuses a partial slab: no new page.
// 下一次分配复用部分使用的 slab，不需要新页。
objs[1] = c.alloc();
// Free the whole second slab: it moves to slabs_free and keeps its page.
// 释放整个第二个 slab：它移到 slabs_free，但仍占着页。
for (let i = 4; i < 8; ++i) c.free(objs[i]);
print(slabLines());
print(sh("grep -E '^(Slab|SReclaimable|SUnreclaim)' /proc/meminfo"));
shot("an empty slab / 一个空 slab");

// kmem_cache_shrink(): empty slabs go back to the buddy allocator.
// kmem_cache_shrink()：空 slab 还给伙伴系统。
const freed = c.shrink();
print(`kmem_cache_shrink freed ${freed} slab(s) / 释放了 ${freed} 个 slab`);
print(slabLines());
shot("shrunk / 收缩之后");
