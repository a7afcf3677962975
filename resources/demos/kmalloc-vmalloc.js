// kmalloc against vmalloc (notes 000 "伙伴系统，SLAB分配器，Kmalloc，Vmalloc分别是什么？", 002 一.3): contiguous vs scattered frames.
// views: kernel, physical, slab
// kmalloc 与 vmalloc：kmalloc 在直接映射区分配物理上连续的内存；vmalloc 在 vmalloc 区把零散的物理页映射成连续的虚拟地址。
//
// kmalloc(100) takes an object of the kmalloc-128 slab cache: small requests are rounded up
// to a size class (8 ... 8192, with 96 and 192) and served by the slab allocator. A request
// above 8 KiB goes straight to the buddy allocator (kmalloc_large): kmalloc(64 KiB) is one
// order-4 block, 16 physically contiguous frames, at its direct-map address (__va of its
// physical address). vmalloc(64 KiB) instead reserves 64 KiB plus a guard page in the
// vmalloc area and maps 16 single pages taken wherever the buddy allocator has them: the
// virtual range is contiguous, the frames are not. Before it, this script frees every other
// page of a run of single pages, so the free lists hold scattered pages as on a busy
// machine. vfree() unmaps the area and flushes the kernel's TLB entries (memviz flushes at
// once; Linux purges lazily).
// kmalloc(100) 从 kmalloc-128 slab 缓存取一个对象：小请求向上取整到大小类别（8 … 8192，另有 96 和 192），由 slab
// 分配器满足。超过 8 KiB 的请求直接交给伙伴系统（kmalloc_large）：kmalloc(64 KiB) 是一个 order-4 块，16 个物理连续的
// 页帧，地址是它在直接映射区的地址（物理地址的 __va）。vmalloc(64 KiB) 则在 vmalloc 区预留 64 KiB 加一个保护页，
// 把伙伴系统手里零散的 16 个单页映射进去：虚拟地址连续，页帧不连续。脚本先释放一串单页中的隔页，让空闲链表像
// 繁忙的机器一样只剩零散的页。vfree() 解除映射并刷新内核的 TLB 表项（memviz 立即刷新；Linux 延迟批量清除）。
machine({ preset: "x86-64", ram: "1G", swap: 0 });
const hex = a => (typeof a === "string" ? a : "0x" + a.toString(16));

const small = kernel.kmalloc(100);
print(`kmalloc(100) = ${hex(small)}  (kmalloc-128, __pa = ${hex(kernel.__pa(small))})`);
shot("kmalloc(100)");

// Scatter the free single pages: take 64, give back every other one.
// 打散空闲单页：分配 64 页，每隔一页释放一页。
const pages = [];
for (let i = 0; i < 64; ++i) pages.push(kernel.alloc_pages(0));
for (let i = 0; i < 64; i += 2) kernel.free_pages(pages[i]);

const big = kernel.kmalloc(64 * KiB);
print(`kmalloc(64 KiB) = ${hex(big)}: frames ${kernel.__pa(big) / 4096} .. ${kernel.__pa(big) / 4096 + 15}, contiguous / 物理连续`);
shot("kmalloc(64 KiB): one order-4 block / 一个 order-4 块");

const v = kernel.vmalloc(64 * KiB);
print(`vmalloc(64 KiB) = ${hex(v)}`);
print(sh("cat /proc/vmallocinfo"));
print(sh("grep -E '^Vmalloc' /proc/meminfo"));
shot("vmalloc(64 KiB): 16 scattered frames / 16 个零散页帧");

kernel.vfree(v);
shot("vfree: unmapped, TLB flushed / 解除映射并刷新 TLB");
kernel.kfree(big);
kernel.kfree(small);
for (let i = 1; i < 64; i += 2) kernel.free_pages(pages[i]);
print(sh("grep -E '^(Slab|SUnreclaim|VmallocUsed)' /proc/meminfo"));
