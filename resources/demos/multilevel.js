// Multi-level page tables (notes 001 §5.5, "多级页表").
// views: walk, processes
// 多级页表：只有用到的那部分地址空间才需要页表。稠密使用（连续 64 MiB）与稀疏使用
// （每 1 GiB 只用一页）所需的页表内存相差很大；x86（2 级）与 x86-64（4 级）也不同。
//
// A single-level table for a 47-bit space with 8-byte entries would need
// 8 B × 128 TiB / 4 KiB = 256 GiB; four levels need only the tables that are used.
// 单级页表需要 256 GiB；四级页表只需要实际用到的那些表。
// VmPTE of /proc/PID/status: the page tables below the top level, in kB.
const pte = (p) => parseInt(sh(`cat /proc/${p.pid}/status | grep VmPTE`).split(/\s+/)[1]);

machine({ preset: "x86-64", ram: "1G" });
print("x86-64: PGD 9 bits / PUD 9 / PMD 9 / PTE 9 / offset 12");
const dense = spawn("dense");
const d = dense.mmap(64 * MiB, "rw", "private");
const before = pte(dense);
print(`dense: VmPTE ${before} kB after start-up (the program, its libraries, heap and stack)`);
dense.touch(d, 64 * MiB, { step: 4096 });
print(`dense: 64 MiB touched = 16384 pages -> +${pte(dense) - before} kB of page tables (32 PTE tables of 512 entries)`);
shot("dense");

// 16 GiB of private writable memory is more than this machine's RAM + swap, so the default
// overcommit heuristic (mode 0) would refuse it with ENOMEM; mode 1 lets a sparse program reserve it.
// 16 GiB 的私有可写内存超过了物理内存加交换空间，默认的 overcommit 模式 0 会以 ENOMEM 拒绝；模式 1 允许。
sh("sysctl -w vm.overcommit_memory=1");
const sparse = spawn("sparse");
const s = sparse.mmap(16 * GiB, "rw", "private");
const sparse0 = pte(sparse);
for (let i = 0; i < 16; i++) sparse.touch(s + i * GiB, 1);
print(`sparse: one page in each GiB of 16 GiB = 16 pages -> +${pte(sparse) - sparse0} kB (a PMD and a PTE table for every page)`);
shot("sparse");
print(sh("grep PageTables /proc/meminfo"));

// The same dense experiment on 32-bit x86 without PAE: two levels of 1024 4-byte entries.
// 同样的稠密实验在 32 位 x86（两级页表，每级 1024 个 4 字节表项）上：
machine({ preset: "x86-32", ram: "512M" });
print("x86-32: PGD 10 bits / PTE 10 / offset 12");
const d32 = spawn("dense32");
const b32 = d32.mmap(64 * MiB, "rw", "private");
const d32before = pte(d32);
d32.touch(b32, 64 * MiB, { step: 4096 });
print(`dense: 64 MiB touched -> +${pte(d32) - d32before} kB (16 PTE tables of 1024 4-byte entries)`);
shot("dense-x86-32");
