// Huge pages make fork() cheaper (notes 001 §5.6, "标准大页"): 512 MiB with 4 KiB pages vs MAP_HUGETLB.
// views: walk, processes
// 标准大页：fork() 要为子进程复制页表。同样 512 MiB，用 4 KiB 页面时页表项多、fork 慢；用 MAP_HUGETLB 的 2 MiB 大页时快得多。
//
// fork() copies the parent's page tables for the child (copy_page_range). 512 MiB of 4 KiB
// pages are 131072 PTEs in 256 PTE tables (VmPTE about 1 MiB); the same 512 MiB of 2 MiB
// hugetlb pages are 256 PMD entries and no PTE table at all. memviz charges 20 ns per copied
// entry and 0.5 µs per page-table page the child needs, so fork()'s simulated time, read with
// now() before and after, drops from milliseconds to microseconds. Hugetlb pages come from a
// pool the administrator fills first (vm.nr_hugepages): mmap(MAP_HUGETLB) reserves them
// (HugePages_Rsvd), the first touch of each 2 MiB takes one (HugePages_Free falls); they are
// not counted in RSS, never swapped, and CommitLimit leaves them out.
// fork() 为子进程复制页表（copy_page_range）。512 MiB 的 4 KiB 页面需要 131072 个 PTE、256 个 PTE 表
// （VmPTE 约 1 MiB）；同样大小的 2 MiB hugetlb 大页只需 256 个 PMD 表项，没有 PTE 表。memviz 按每复制一个表项 20 ns、
// 子进程每个页表页 0.5 µs 计时，因此用 now() 测得的 fork() 模拟时间从毫秒级降到微秒级。hugetlb 大页来自管理员预先
// 填充的大页池（vm.nr_hugepages）：mmap(MAP_HUGETLB) 时预留（HugePages_Rsvd），首次访问每个 2 MiB 时取走一个
// （HugePages_Free 减少）；它们不计入 RSS、不会被换出，CommitLimit 也不包括它们。
machine({ preset: "seed-8g" });
// 4 KiB pages for the first program: transparent huge pages off (THP would map the buffer
// with 2 MiB pages too, but still allocate and deposit a PTE table for each).
// 第一个程序使用 4 KiB 页面：关闭透明大页。
sysctl("kernel.mm.transparent_hugepage.enabled", 2);
const chomp = s => s.replace(/\s+$/, ""); // sh() output without its last newline

function timedFork(p) {
    const t0 = now();
    const c = p.fork();
    const us = (now() - t0) * 1e6;
    print(`fork() took ${us.toFixed(1)} µs of simulated time / fork() 模拟用时 ${us.toFixed(1)} µs`);
    print(chomp(sh(`grep -E 'VmRSS|VmPTE' /proc/${c.pid}/status`)));
    return c;
}

print("*** 512 MiB of 4 KiB pages / 4 KiB 页面 ***");
const a = spawn("fork-4k");
const buf = a.malloc(512 * MiB);
a.touch(buf, 512 * MiB, { step: 4096 });
print(chomp(sh(`grep -E 'VmRSS|VmPTE' /proc/${a.pid}/status`)));
print(chomp(sh("grep PageTables /proc/meminfo")));
const ac = timedFork(a);
shot("fork-4k");
ac.exit();
a.exit();
print("");

print("*** 512 MiB of hugetlb pages / hugetlb 大页 ***");
// echo 257 > /proc/sys/vm/nr_hugepages: 256 × 2 MiB for the buffer and one spare for the
// child's copy below (without it the child's write would die of SIGBUS).
// 256 个 2 MiB 大页给缓冲区，另留一个给下面子进程的写时复制（否则子进程写入时会收到 SIGBUS）。
sysctl("vm.nr_hugepages", 257);
print(chomp(sh("grep -E 'HugePages_|Hugetlb' /proc/meminfo")));
const b = spawn("fork-huge");
const hbuf = b.mmap(512 * MiB, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_HUGETLB);
print(chomp(sh("grep -E 'HugePages_(Free|Rsvd)' /proc/meminfo"))); // reserved, not yet used / 已预留，尚未使用
b.touch(hbuf, 512 * MiB, { step: 4096 });
print(chomp(sh("grep -E 'HugePages_(Free|Rsvd)' /proc/meminfo")));
print(chomp(sh(`grep -E 'VmRSS|VmPTE' /proc/${b.pid}/status`)));
print(chomp(sh("grep PageTables /proc/meminfo")));
const bc = timedFork(b);
// A translation ends at the PMD: one entry maps 2 MiB. 地址转换在 PMD 一级结束：一个表项映射 2 MiB。
bc.touch(hbuf + 3 * MiB, 1, { write: false });
shot("fork-hugetlb");
// The child's first write copies a whole 2 MiB page from the pool (hugetlb_wp).
// 子进程第一次写入时从大页池取一个新页并复制整个 2 MiB（hugetlb_wp）。
bc.touch(hbuf, 1);
print(chomp(sh("grep -E 'HugePages_Free' /proc/meminfo")));
shot("cow-2MiB");
bc.exit();
b.exit();
