// mmap() of anonymous memory (notes 001 §4.4, "为进程分配内存" experiment mmap.cpp).
// views: processes, walk
// mmap 申请 100MB 匿名内存：/proc/PID/maps 多出一行 100MB 的 rw-p 区域，但还没有物理内存。
machine({ preset: "seed-8g" });

const p = spawn("mmap");
print("*** Mem map before allocation ***");
print(sh(`cat /proc/${p.pid}/maps`));
shot("before");

const ALLOC_SIZE = 100 * 1024 * 1024;
const mem = p.mmap(ALLOC_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS);
print(`*** succeeded to allocate memory: address = 0x${mem.toString(16)}; size = 0x${ALLOC_SIZE.toString(16)}`);
print("*** Mem map after allocation ***");
print(sh(`cat /proc/${p.pid}/maps`));
shot("after");

// Reading untouched anonymous memory maps the shared zero page: no new RSS.
// 读取从未写过的匿名内存只会映射共享的零页，RSS 不变。
p.read(mem, 4 * 4096, { step: 4096 });
print(sh(`cat /proc/${p.pid}/status | grep -E 'VmSize|VmRSS|RssAnon'`));
shot("zero-page");

p.munmap(mem, ALLOC_SIZE);
p.exit();
