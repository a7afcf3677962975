// The TLB (notes 001 §5, reference §9): hits and misses, sequential vs random access,
// views: walk, tlb
// and what a context switch costs with and without PCID.
// TLB：顺序访问与随机访问的命中率；有无 PCID 时进程切换对 TLB 的影响。
machine({ preset: "x86-64", ram: "1G", tlb: { entries: 64, ways: 4, policy: "LRU", pcid: true } });
// Hits and misses since the mark: each experiment is measured on its own.
let mark = cpu.tlb();
const since = () => {
    const t = cpu.tlb(), h = t.hits - mark.hits, m = t.misses - mark.misses;
    const s = `hits ${h}, misses ${m}, hit rate ${(100 * h / Math.max(1, h + m)).toFixed(1)}%, flushes ${t.flushes - mark.flushes}`;
    mark = t;
    return s;
};

const p = spawn("tlb");
const buf = p.malloc(4 * MiB);
p.touch(buf, 4 * MiB, { step: 4096 }); // fault everything in first / 先让所有页面缺页装入
since();

// Sequential: 64 bytes at a time, so 63 of every 64 accesses hit the entry just loaded.
// 顺序访问：每次 64 字节，同一页内 63/64 的访问命中刚装入的表项。
p.read(buf, 1 * MiB, { step: 64 });
print(`sequential, 1 MiB read 64 B at a time: ${since()}`);
shot("sequential");

// Random: each access to a different page of 4 MiB (1024 pages) - a 64-entry TLB mostly misses.
// 随机访问：每次访问 4 MiB 中的不同页面，64 项的 TLB 大多数未命中。
let x = 12345;
for (let i = 0; i < 400; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    p.read(buf + ((x >> 12) % 1024) * 4096, 1);
}
print(`random, 400 accesses over 1024 pages: ${since()}`);
shot("random");

// Two processes taking turns. With PCID each keeps its entries in its own ASID slot.
// 两个进程交替运行：有 PCID 时各自的表项保存在自己的 ASID 槽中，切换后仍可命中。
const q = spawn("tlb2");
const qb = q.malloc(64 * KiB);
q.touch(qb, 64 * KiB);
since();
for (let round = 0; round < 5; round++) {
    p.read(buf, 64 * KiB, { step: 4096 });
    q.read(qb, 64 * KiB, { step: 4096 });
}
print(`PCID on, two processes x 16 pages, 5 rounds: ${since()}`);
shot("pcid");

// The same without PCID: every CR3 load flushes all non-global entries.
// 没有 PCID：每次写 CR3 都会清空所有非全局表项。
machine({ preset: "x86-64", ram: "1G", tlb: { entries: 64, ways: 4, policy: "LRU", pcid: false } });
const a = spawn("tlb"), b = spawn("tlb2");
const ab = a.malloc(64 * KiB), bb = b.malloc(64 * KiB);
a.touch(ab, 64 * KiB); b.touch(bb, 64 * KiB);
mark = cpu.tlb();
for (let round = 0; round < 5; round++) {
    a.read(ab, 64 * KiB, { step: 4096 });
    b.read(bb, 64 * KiB, { step: 4096 });
}
print(`PCID off, the same 5 rounds: ${since()}`);
shot("no-pcid");
