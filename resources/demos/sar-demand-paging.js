// sar while a program touches memory (notes 001 §5.2, the two-terminal experiment).
// views: timeline, processes
// 笔记中的两个终端实验：一个终端运行 demand-paging，另一个终端运行 `sar -r 1` 和 `sar -B 1`。
//
// The program mallocs 100 MB, waits, then touches it 10 MB a second. memviz records
// what sar's collector would read every simulated second, so `sar -r 1` after the run
// prints the rows the second terminal showed: kbcommit jumps by about 100 MB at the
// malloc, kbmemused grows about 10 MB a second only while pages are touched, and both
// fall back when the program frees the buffer and exits. `sar -B 1` shows fault/s of
// about 5 a second, as in the notes: the notes' machine (and seed-8g) has transparent huge
// pages "always", so each fault maps 2 MiB and 10 MB a second is five faults.
// 透明大页为 always：每次缺页映射 2 MiB，所以每秒 10 MB 只有约 5 次缺页，与笔记中的 sar -B 一致。
// memviz 每个模拟秒记录一次 sar 的采样；运行结束后 `sar -r 1` 打印第二个终端看到的行：
// malloc 时 kbcommit 增加约 100 MB；访问内存时 kbmemused 每秒增加约 10 MB；释放后回落。
machine({ preset: "seed-8g" });
sleep(2);
const p = spawn("demand-paging");
sleep(1);
print("[before allocation] / 分配之前");
const buf = p.malloc(100 * MiB);
print(`[allocated 100MB at 0x${buf.toString(16)}] / 已分配 100MB`);
shot("allocated");
sleep(3);
for (let i = 1; i <= 10; i++) {
    p.touch(buf + (i - 1) * 10 * MiB, 10 * MiB, { step: 4096 });
    print(`[touched ${i * 10}MB]`);
    sleep(1);
    if (i == 5) shot("touching");
}
shot("touched");
p.free(buf);
p.exit();
print("[freed and exited] / 释放并退出");
sleep(3);
shot("after");
print("$ sar -r 1");
print(sh("sar -r 1"));
print("$ sar -B 1");
print(sh("sar -B 1"));
