// The OOM killer (notes 001 §2, "内存不足"): three hogs with different oom_score_adj grow
// until memory and swap run out; the kernel's oom_badness() picks the victim.
// views: oom, timeline, processes
// OOM killer：三个进程不断申请内存，内存和交换空间耗尽时，内核按 oom_badness() 计算分数并杀死得分最高的进程。
//
// badness = RSS + swap entries + page-table pages + oom_score_adj × (RAM+swap pages / 1000).
// hog-b is not the largest, but its oom_score_adj of 500 makes it the victim; hog-c
// (-500) is protected. `dmesg` shows the kernel's report. Then vm.panic_on_oom=1 turns
// the next OOM into a kernel panic (笔记：服务器上常把 vm.panic_on_oom 设为 1).
machine({ preset: "x86-64", ram: "256M", swap: "128M" });
sysctl("vm.overcommit_memory", 1); // let the hogs map more than they can ever touch
const hogs = [spawn("hog-a"), spawn("hog-b"), spawn("hog-c")];
hogs[1].oom_score_adj = 500;
hogs[2].oom_score_adj = -500;
const maps = hogs.map(h => h.mmap(512 * MiB, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS));
const sizes = [8, 6, 8]; // MiB a second each
for (let s = 0; s < 40 && hogs.every(h => h.alive); s++) {
    hogs.forEach((h, i) => h.touch(maps[i] + s * sizes[i] * MiB, sizes[i] * MiB, { step: 4096 }));
    sleep(1);
}
shot("killed");
print(sh("ps -eo pid,comm,rss,stat"));
hogs.forEach(h => print(`${h.name}: ${h.state}, oom_score_adj ${h.oom_score_adj}`));
print("$ dmesg");
print(sh("dmesg"));

print("$ sysctl vm.panic_on_oom=1");
sysctl("vm.panic_on_oom", 1);
const last = hogs.filter(h => h.alive)[0];
const big = last.mmap(1024 * MiB, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS);
try {
    last.touch(big, 1024 * MiB, { step: 4096 });
} catch (e) {
    print(e.message);
}
shot("panic");
print(sh("dmesg | grep -E 'panic|Out of memory'"));
