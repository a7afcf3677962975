// A 32-bit machine with 2 GiB: the 3G/1G split, the 896 MiB direct map and HighMem (notes 002 一.3, 003 "Zone").
// views: kernel, zones, physical
// 32 位机器、2 GiB 内存：3G/1G 划分，896 MiB 直接映射区和高端内存（ZONE_HIGHMEM）。
//
// On x86-32 the kernel owns only the top 1 GiB of every address space, [3 GiB, 4 GiB).
// Physical memory up to 896 MiB (ZONE_DMA and ZONE_NORMAL) is mapped there once and for all
// at PAGE_OFFSET 0xC0000000 (the direct map: __va(pa) = pa + 0xC0000000); what lies above
// 896 MiB (ZONE_HIGHMEM) has no permanent kernel address. The rest of the kernel's gigabyte
// holds the vmalloc area, the persistent kmap window (pkmap, 1024 slots here) and the fixmap
// with the per-CPU temporary (kmap_local) slots. To touch a HighMem page the kernel must map
// it first: kmap() finds a free pkmap slot (map_new_virtual), kunmap() leaves it mapped but
// unused until the next wrap-around flush; kmap_local_page() takes the next temporary slot,
// which must be released in reverse order. vmalloc() takes its pages from HighMem first.
// x86-32 上内核只拥有每个地址空间最高的 1 GiB，即 [3 GiB, 4 GiB)。896 MiB 以下的物理内存（ZONE_DMA 和
// ZONE_NORMAL）一次性映射在 PAGE_OFFSET 0xC0000000 处（直接映射：__va(pa) = pa + 0xC0000000）；896 MiB 以上的
// 高端内存（ZONE_HIGHMEM）没有固定的内核地址。内核 1 GiB 的其余部分是 vmalloc 区、永久映射区（pkmap，这里 1024 个
// 槽位）和固定映射区（其中有每个 CPU 的临时映射槽位）。内核要访问高端页面必须先映射：kmap() 找一个空闲的 pkmap
// 槽位（map_new_virtual），kunmap() 之后映射仍保留，直到下一次回绕时统一刷新；kmap_local_page() 占用下一个临时
// 槽位，必须按相反顺序释放。vmalloc() 优先从高端内存取页。
machine({ preset: "x86-32", ram: "2G", swap: 0 });
const hex = a => "0x" + a.toString(16);
print(sh("grep -E '^(MemTotal|HighTotal|HighFree|LowTotal|LowFree)' /proc/meminfo"));
print(`__va(16 MiB) = ${hex(kernel.__va(16 * MiB))}, __pa(0xC1000000) = ${hex(kernel.__pa(0xC1000000))}`);
shot("the 3G/1G split / 3G/1G 划分");

const low = kernel.alloc_pages(0);                      // GFP_KERNEL: lowmem / 低端内存
const high = kernel.alloc_pages(0, { zone: "HighMem" }); // GFP_HIGHUSER: HighMem / 高端内存
print(`lowmem page pfn ${low.pfn} (${low.zone}), HighMem page pfn ${high.pfn} (${high.zone})`);
print(`kmap(lowmem page) = ${hex(kernel.kmap(low))}: its direct-map address, nothing to map / 直接映射地址，无需映射`);
const a = kernel.kmap(high);
print(`kmap(HighMem page) = ${hex(a)}: a slot of the pkmap window / pkmap 窗口中的一个槽位`);
shot("kmap of a HighMem page / kmap 高端页面");
print(`kmap again = ${hex(kernel.kmap(high))}: the same slot, one more user / 同一个槽位，多一个使用者`);
kernel.kunmap(high);
kernel.kunmap(high);
const high2 = kernel.alloc_pages(0, { zone: "HighMem" });
print(`another page: kmap = ${hex(kernel.kmap(high2))}: the next slot / 下一个槽位`);
shot("the next pkmap slot / 下一个槽位");

const t1 = kernel.kmap_local_page(high);
const t2 = kernel.kmap_local_page(high2);
print(`kmap_local_page: ${hex(t1)}, then ${hex(t2)} (fixmap slots, a stack / 固定映射区的槽位，按栈使用)`);
shot("kmap_local / 临时映射");
kernel.kunmap_local(t2);
kernel.kunmap_local(t1);

const v = kernel.vmalloc(32 * KiB);
print(`vmalloc(32 KiB) = ${hex(v)}, its pages come from HighMem / 页面来自高端内存`);
print(sh("cat /proc/vmallocinfo"));
shot("vmalloc on x86-32 / 32 位上的 vmalloc");
kernel.vfree(v);
kernel.kunmap(high2);
