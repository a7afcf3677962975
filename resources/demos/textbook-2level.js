// A textbook exercise: a two-level page table with 32-byte pages, a 32 KiB virtual
// views: walk, physical
// space (15 bits: 5 + 5 + 5), 4 KiB of physical memory (128 frames) and one-byte
// entries whose top bit is "valid" and whose low 7 bits are the frame number.
// 教科书练习：两级页表，页面 32 字节，虚拟地址 15 位（5+5+5），物理内存 4 KiB，
// 页表项 1 字节：最高位是有效位，低 7 位是页框号。
machine({ arch: { pageSize: 32, levels: [5, 5], entryBytes: 1, validBit: 7, pfnBits: [0, 6] }, ram: 4096 });

// Fill physical memory like a textbook dump: random bytes, page tables with mostly
// invalid entries (0x7f), a page directory in frame 108.
// 像教科书那样填充物理内存：随机字节；页表中大多数表项无效（0x7f）；页目录在第 108 页框。
let seed = 42;
const rand = (n) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
const mem = [];
for (let i = 0; i < 4096; i++) mem.push(rand(30)); // data bytes 0..29
const PDBR = 108;
const tables = [33, 17, 92];
for (let i = 0; i < 32; i++) mem[PDBR * 32 + i] = 0x7f;
tables.forEach((t, k) => {
    mem[PDBR * 32 + [24, 3, 30][k]] = 0x80 | t; // valid PDEs
    for (let i = 0; i < 32; i++) mem[t * 32 + i] = rand(3) == 0 ? (0x80 | (1 + rand(126))) : 0x7f;
});
mem[33 * 32 + 8] = 0x80 | 53; // make 0x611c valid: PTE 8 of table 33 -> frame 53
phys.write(0, mem);
cpu.setPageTableBase(PDBR);
print(`PDBR: ${PDBR} (decimal) [the page directory is in frame ${PDBR}]`);
print("page 108: " + phys.read(PDBR * 32, 32).map((b) => b.toString(16).padStart(2, "0")).join(""));

for (const va of [0x611c, 0x6000, 0x0100, 0x0d4f, 0x7a3e, 0x6117]) {
    const r = cpu.translate(va);
    const pde = r.steps[0], pte = r.steps[1];
    let line = `Virtual Address 0x${va.toString(16).padStart(4, "0")}:\n`;
    line += `  --> pde index:0x${pde.index.toString(16)} [decimal ${pde.index}] pde contents:0x${pde.entry.toString(16)} (valid ${pde.valid ? 1 : 0}, pfn 0x${pde.pfn.toString(16)} [decimal ${pde.pfn}])\n`;
    if (pte) line += `    --> pte index:0x${pte.index.toString(16)} [decimal ${pte.index}] pte contents:0x${pte.entry.toString(16)} (valid ${pte.valid ? 1 : 0}, pfn 0x${pte.pfn.toString(16)} [decimal ${pte.pfn}])\n`;
    line += r.ok ? `      --> Translates to Physical Address 0x${r.paddr.toString(16)} --> Value: ${r.value}`
                 : `      --> Fault (${r.faultLevel == 0 ? "page directory entry not valid" : "page table entry not valid"})`;
    print(line);
    shot(`va-${va.toString(16)}`);
}
