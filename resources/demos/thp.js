// Transparent huge pages (notes 001 §5.6, "透明大页"): the demand-paging experiment with THP on and off.
// views: walk, processes
// 透明大页：分别在 always 和 never 模式下重复请求分页实验（malloc 100 MiB 后逐页写入）。
//
// The notes' program mallocs 100 MiB and writes one byte per 4 KiB page. With THP "always"
// (the notes' machine: `[always] madvise never`) the first write into each 2 MiB-aligned piece
// that lies wholly inside the mapping takes one order-9 block and maps it with one PMD entry
// (do_huge_pmd_anonymous_page): 49 huge faults, plus 512 small ones at the unaligned ends -
// 561 minor faults, where the notes' ps went from 153 to 715 (562). With "never" every 4 KiB
// page faults once: 25600, and the walk goes down to the PTE each time. AnonHugePages shows the
// huge pages, thp_fault_alloc counts them. PageTables hardly changes: for every huge page the
// kernel still allocates a PTE table and deposits it with the PMD, so that splitting the huge
// page later needs no memory. Only hugetlb pages save the tables (hugetlb-fork.js).
// 笔记中的程序 malloc 100 MiB，每 4 KiB 写一个字节。透明大页为 always 时（笔记中的机器即如此），
// 每个完全位于映射内、按 2 MiB 对齐的区域第一次写入时分配一个 9 阶块，用一个 PMD 表项映射：
// 49 次大页缺页，加上两端未对齐部分的 512 次普通缺页，共 561 次（笔记中 ps 从 153 增至 715，即 562 次）。
// never 时每个 4 KiB 页面各缺页一次，共 25600 次。AnonHugePages 显示大页用量，thp_fault_alloc 计数。
// PageTables 几乎不变：内核仍为每个大页分配一个 PTE 表并寄存（deposit）在 PMD 上，以便日后拆分时无需分配内存；
// 只有 hugetlb 大页才真正省下页表（见 hugetlb-fork.js）。
machine({ preset: "seed-8g" });
const chomp = s => s.replace(/\s+$/, ""); // sh() output without its last newline

function experiment(mode, name) {
    // echo always|never > /sys/kernel/mm/transparent_hugepage/enabled (0 always, 1 madvise, 2 never)
    sysctl("kernel.mm.transparent_hugepage.enabled", mode);
    print(`$ cat /sys/kernel/mm/transparent_hugepage/enabled`);
    print(chomp(sh("cat /sys/kernel/mm/transparent_hugepage/enabled")));
    const p = spawn(name);
    const buf = p.malloc(100 * MiB);
    const t0 = now(), f0 = p.min_flt;
    p.touch(buf, 100 * MiB, { step: 4096 }); // one byte per 4 KiB page / 每页写一个字节
    const ms = (now() - t0) * 1000;
    print(`touched 100 MiB: ${p.min_flt - f0} minor faults, ${ms.toFixed(1)} ms of simulated time`);
    print(`写满 100 MiB：缺页 ${p.min_flt - f0} 次，模拟用时 ${ms.toFixed(1)} ms`);
    print(chomp(sh(`ps -o pid,comm,rss,min_flt -p ${p.pid}`)));
    print(chomp(sh("grep -E 'AnonHugePages|PageTables' /proc/meminfo")));
    print(chomp(sh("grep -E 'thp_fault_alloc|thp_fault_fallback ' /proc/vmstat")));
    // A translation in the middle of the buffer: with a huge page it ends at the PMD (the PS
    // bit maps 2 MiB at once). 缓冲区中间地址的转换：大页在 PMD 一级结束（PS 位一次映射 2 MiB）。
    const w = p.translate(buf + 50 * MiB);
    print(`translate(buf + 50 MiB): ${w.steps.map(s => s.name).join(" → ")} → 0x${w.paddr.toString(16)}`);
    print("");
    p.touch(buf + 50 * MiB, 1); // shown step by step in the page-walk view / 在页表遍历视图中逐步查看
    shot(name);
    p.exit();
}

experiment(0, "thp-always");
experiment(2, "thp-never");
