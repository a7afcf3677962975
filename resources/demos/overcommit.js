// Overcommit (reference §5): the same allocations under vm.overcommit_memory 0, 1 and 2.
// views: processes, timeline
// 内存过量分配：同样的 mmap 在 overcommit_memory = 0、1、2 三种模式下的结果。
//
// 1 GiB of RAM and 512 MiB of swap. Mode 0 (heuristic) refuses only a single request
// larger than RAM + swap; mode 1 never refuses; mode 2 refuses once Committed_AS would
// pass CommitLimit = RAM × overcommit_ratio (50%) + swap, with ENOMEM at mmap() instead
// of an OOM kill later. Private writable mappings are charged to Committed_AS at mmap
// time, before a single page is touched.
machine({ preset: "x86-64", ram: "1G", swap: "512M" });
for (const mode of [0, 1, 2]) {
    sysctl("vm.overcommit_memory", mode);
    print(`--- vm.overcommit_memory = ${mode} ---`);
    const p = spawn(`alloc-mode${mode}`);
    for (const size of ["1200M", "2G"]) {
        const at = p.mmap(size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS);
        print(`mmap(${size}): ${at === null || at === 0 ? "ENOMEM" : "0x" + at.toString(16)}`);
    }
    print(sh("grep -E 'CommitLimit|Committed_AS' /proc/meminfo"));
    print(sh("free -v"));
    shot(`mode-${mode}`);
    p.exit();
}
