// Thrashing (notes 001 §5.4, "系统抖动"): two programs whose working sets together
// exceed RAM take turns; every turn swaps the other's pages out and its own back in.
// views: timeline, lru
// 系统抖动：两个进程的工作集之和超过物理内存，轮流运行时不断换出对方的页面、换入自己的页面，
// 大部分时间花在磁盘 I/O 上，程序几乎没有进展。
//
// 192 MiB of RAM, 512 MiB of swap, two programs of 112 MiB each. Alone, one pass over
// its memory takes milliseconds; taking turns, each pass costs thousands of major faults
// of 100 µs each: simulated time runs on while little work gets done (sar -B majflt/s,
// sar -W pswpin/s and pswpout/s stay high).
machine({ preset: "x86-64", ram: "192M", swap: "512M" });
const a = spawn("worker-a"), b = spawn("worker-b");
const SIZE = 112 * MiB;
const ma = a.mmap(SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS);
const mb = b.mmap(SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS);
let t = now();
a.touch(ma, SIZE, { step: 4096 });
print(`worker-a alone, first pass: ${(now() - t).toFixed(3)} s`);
t = now();
a.touch(ma, SIZE, { step: 4096 });
print(`worker-a alone, second pass (all in RAM): ${(now() - t).toFixed(3)} s`);
shot("one-fits");
for (let round = 1; round <= 3; round++) {
    for (const [p, m] of [[b, mb], [a, ma]]) {
        const t0 = now(), f0 = p.maj_flt;
        p.touch(m, SIZE, { step: 4096 });
        print(`round ${round} ${p.name}: ${(now() - t0).toFixed(3)} s, ${p.maj_flt - f0} major faults`);
    }
    if (round == 2) shot("thrashing");
}
sleep(1);
print("$ sar -B 1");
print(sh("sar -B 1"));
print("$ sar -W 1");
print(sh("sar -W 1"));
