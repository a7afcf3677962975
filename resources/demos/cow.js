// Copy-on-write (notes 001 §5.3, "写时复制").
// views: cow, processes
// 写时复制：fork() 只复制页表，父子进程共享物理页；哪一方写入，哪一方才复制该页。
//
// The notes' cow.cpp: malloc 100 MiB and touch every page, fork; the child prints ps and
// free, writes one byte in every page, and prints them again. Each write is a COW fault
// (do_wp_page -> wp_page_copy): min_flt grows by 25600 and "used" by about 100 MiB.
// 子进程每写一页触发一次写时复制缺页：min_flt 增加 25600，used 增加约 100 MiB。
//
// Transparent huge pages off (the notes' machine has them "always"), so the buffer is
// 25600 pages of 4 KiB and every page is one COW fault. With THP, fork() would share 2 MiB
// pages and the child's first write to each would split it before copying 4 KiB.
// 关闭透明大页（笔记中的机器为 always），缓冲区由 25600 个 4 KiB 页面组成，每页一次写时复制缺页；
// 若开启透明大页，子进程第一次写某个 2 MiB 大页时会先拆分它，再复制 4 KiB。
machine({ preset: "seed-8g" });
sysctl("kernel.mm.transparent_hugepage.enabled", 2); // echo never > /sys/kernel/mm/transparent_hugepage/enabled

const p = spawn("cow");
const buf = p.malloc(100 * MiB);
p.touch(buf, 100 * MiB, { step: 4096 });
print("*** free memory info before fork ***:");
print(sh("free"));

const c = p.fork(); // both page tables now map the same frames, read-only
shot("forked");
const psChild = () => sh(`ps -eo pid,comm,vsz,rss,min_flt,maj_flt | grep '^ *${c.pid} '`);
print("*** child ps info before memory access ***:");
print(psChild());
print("*** free memory info before memory access ***:");
print(sh("free"));

// The first write shows one COW copy step by step; then the rest of the buffer.
// 先单独写第一页（逐步观察一次复制），再写其余所有页面。
c.touch(buf, 1);
shot("first-cow");
c.touch(buf + 4096, 100 * MiB - 4096, { step: 4096 });
print("*** child ps info after memory access ***:");
print(psChild());
print("*** free memory info after memory access ***:");
print(sh("free"));

// The parent is now the only user of its pages: a write reuses them in place (cow-reuse).
// 此时父进程是这些页面的唯一使用者：写入时直接复用（cow-reuse），无需复制。
p.touch(buf, 4 * 4096, { step: 4096 });
shot("parent-reuse");
c.exit();
p.exit();
