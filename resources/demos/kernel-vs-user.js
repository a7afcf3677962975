// User and kernel allocations both end in the buddy allocator (notes 002 二.3 "用户和内核的物理内存分配").
// views: buddy, slab, physical
// 用户和内核的物理内存分配：用户进程的内存和内核对象最终都由伙伴系统分配。
//
// A process's malloc() only reserves virtual memory; its pages come from the buddy allocator
// one by one at the first touch (demand paging). The kernel allocates for itself too: a
// task_struct and a kernel stack for every new process (the stack is vmalloc'd on x86-64),
// slab objects through kmalloc, whole blocks with alloc_pages. Every one of these paths ends
// in __alloc_pages() taking blocks off the same free lists, which is why /proc/buddyinfo
// moves for all of them. The physical map colours each use: anonymous pages by process,
// slab pages, vmalloc pages, kernel stacks.
// 进程的 malloc() 只预留虚拟内存，页面在第一次访问时才逐页从伙伴系统取得（请求调页）。内核也为自己分配内存：
// 每个新进程一个 task_struct 和一个内核栈（x86-64 上内核栈用 vmalloc 分配），kmalloc 的 slab 对象，
// alloc_pages 的整块内存。所有这些路径最终都进入 __alloc_pages()，从同一组空闲链表取块，所以 /proc/buddyinfo
// 对它们都有变化。物理内存图为每种用途着色：按进程区分的匿名页、slab 页、vmalloc 页、内核栈。
machine({ preset: "x86-64", ram: "1G", swap: 0 });
print(sh("cat /proc/buddyinfo"));
shot("boot / 启动后");

const p = spawn("user-app");                // task_struct (slab) + kernel stack (vmalloc) + page tables
print(`pid ${p.pid}: task_struct from the slab cache, a 16 KiB kernel stack / 来自 slab 的 task_struct，16 KiB 内核栈`);
const buf = p.malloc(256 * KiB);
p.touch(buf, 256 * KiB);                    // 64 anonymous pages, one fault each / 64 个匿名页
shot("user pages / 用户页面");

const objs = [];
for (let i = 0; i < 40; ++i) objs.push(kernel.kmalloc(512)); // kmalloc-512: slabs from the buddy allocator
shot("kernel objects / 内核对象");
const block = kernel.alloc_pages(3);        // a raw order-3 block / 直接分配一个 order-3 块
print(sh("cat /proc/buddyinfo"));
print(sh("grep -E '^(AnonPages|Slab|KernelStack|VmallocUsed|PageTables)' /proc/meminfo"));
shot("both in the buddy allocator / 都来自伙伴系统");

for (const o of objs) kernel.kfree(o);
kernel.free_pages(block);
p.exit();
print(sh("grep -E '^(AnonPages|Slab|KernelStack)' /proc/meminfo"));
