// Demand paging (notes 001 §5.2, "请求分页").
// views: walk, processes
// 请求分页：malloc 只分配虚拟内存，第一次访问每个页面时才由缺页中断分配物理内存。
//
// The notes' program: malloc(100 MiB), wait, then touch the buffer 10 MB at a time
// while `ps -eo pid,comm,vsz,rss,maj_flt,min_flt` watches it. VSZ grows at malloc;
// RSS and min_flt grow only while the pages are touched - one minor fault per 4 KiB.
// 笔记中的程序：malloc(100 MiB)，然后每次访问 10 MB；用 ps 观察 VSZ、RSS 和缺页次数。
//
// The notes' machine has transparent huge pages "always", which map each aligned 2 MiB of
// the buffer with one fault (its ps shows only 562 new faults; see thp.js). This demo turns
// THP off first, so every 4 KiB page faults once: 25600 minor faults.
// 笔记中的机器开启了透明大页（always），每个对齐的 2 MiB 只缺页一次（ps 只多了 562 次，见 thp.js）。
// 本演示先关闭透明大页，使每个 4 KiB 页面恰好缺页一次：共 25600 次。
machine({ preset: "seed-8g" });
sysctl("kernel.mm.transparent_hugepage.enabled", 2); // echo never > /sys/kernel/mm/transparent_hugepage/enabled
const ps = () => sh("ps -eo pid,comm,vsz,rss,maj_flt,min_flt | grep demand-paging");

const p = spawn("demand-paging");
print("before allocation / 分配之前:");
print(ps());
shot("before");

const buf = p.malloc(100 * MiB); // glibc: >= 128 KiB, so its own mmap of 102404 kB
print(`allocated 100MB at 0x${buf.toString(16)} / 已分配 100MB（仅虚拟内存）:`);
print(ps());
shot("allocated");

// Touch one byte per page, 10 MB at a time, like the notes' loop.
// 每页写一个字节，每次 10 MB，与笔记中的循环相同。
for (let i = 1; i <= 10; i++) {
    p.touch(buf + (i - 1) * 10 * MiB, 10 * MiB, { step: 4096 });
    print(`touched ${i * 10}MB:`);
    print(ps());
    if (i == 1) shot("touched-10MB");
}
shot("touched");
print(sh("free"));

p.free(buf); // munmap: the 25600 frames go back to the buddy allocator
p.exit();
print("after free() and exit / 释放并退出之后:");
print(sh("free"));
