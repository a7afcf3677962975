// The TLB (notes 001 §5, reference §9): hits and misses, sequential vs random access,
// and what a context switch costs with and without PCID.
// TLB：顺序访问与随机访问的命中率；有无 PCID 时进程切换对 TLB 的影响。
machine({ preset: "x86-64", ram: "1G", tlb: { entries: 64, ways: 4, policy: "LRU", pcid: true } });
const rate = () => { const t = cpu.tlb(); return `hits ${t.hits}, misses ${t.misses}, hit rate ${(100 * t.hitRate).toFixed(1)}%`; };

const p = spawn("tlb");
const buf = p.malloc(4 * MiB);
p.touch(buf, 4 * MiB, { step: 4096 }); // fault everything in first / 先让所有页面缺页装入
const base = cpu.tlb();

// Sequential: 64 bytes at a time, so 63 of every 64 accesses hit the entry just loaded.
// 顺序访问：每次 64 字节，同一页内 63/64 的访问命中刚装入的表项。
p.read(buf, 1 * MiB, { step: 64 });
print(`sequential, step 64 B: ${rate()}`);
shot("sequential");

// Random: each access to a different page of 4 MiB (1024 pages) - a 64-entry TLB mostly misses.
// 随机访问：每次访问 4 MiB 中的不同页面，64 项的 TLB 大多数未命中。
let x = 12345;
for (let i = 0; i < 400; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    p.read(buf + (x % 1024) * 4096, 1);
}
print(`after 400 random accesses: ${rate()}`);
shot("random");

// Two processes taking turns. With PCID each keeps its entries in its own ASID slot.
// 两个进程交替运行：有 PCID 时各自的表项保存在自己的 ASID 槽中，切换后仍可命中。
const q = spawn("tlb2");
const qb = q.malloc(64 * KiB);
q.touch(qb, 64 * KiB);
for (let round = 0; round < 5; round++) {
    p.read(buf, 64 * KiB, { step: 4096 });
    q.read(qb, 64 * KiB, { step: 4096 });
}
const withPcid = cpu.tlb();
print(`PCID on: ${withPcid.switches} switches, ${withPcid.flushes} flushes, ${rate()}`);
shot("pcid");

// The same without PCID: every CR3 load flushes all non-global entries.
// 没有 PCID：每次写 CR3 都会清空所有非全局表项。
machine({ preset: "x86-64", ram: "1G", tlb: { entries: 64, ways: 4, policy: "LRU", pcid: false } });
const a = spawn("tlb"), b = spawn("tlb2");
const ab = a.malloc(64 * KiB), bb = b.malloc(64 * KiB);
a.touch(ab, 64 * KiB); b.touch(bb, 64 * KiB);
for (let round = 0; round < 5; round++) {
    a.read(ab, 64 * KiB, { step: 4096 });
    b.read(bb, 64 * KiB, { step: 4096 });
}
const t = cpu.tlb();
print(`PCID off: ${t.switches} switches, ${t.flushes} flushes, ${rate()}`);
shot("no-pcid");
