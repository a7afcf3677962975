// Page replacement (notes 001 §5.4, Swap: which page goes out when memory is full):
// FIFO, LRU, OPT, CLOCK and the kernel's two LRU lists on the same reference string,
// and Belady's anomaly: FIFO misses more with 4 frames than with 3.
// views: replacement
// 页面置换：内存满时换出哪一页？同一页面访问串上比较 FIFO、LRU、OPT、CLOCK 与内核的两条 LRU 链表；
// 以及 Belady 异常：FIFO 用 4 个页框反而比 3 个页框缺页更多。
//
// The lab view (Class ▸ Page-replacement lab) replays any string column by column; this
// script prints the textbook tables. 页面置换实验视图可以逐列回放任意访问串；本脚本打印教科书式表格。
const refs = [1, 2, 3, 4, 1, 2, 5, 1, 2, 3, 4, 5];
machine({ preset: "x86-64", ram: "256M" }); // for the run at the end / 供最后的真实运行使用

function table(policy, frames) {
    const r = lab.replacement({ policy, frames, refs });
    const rows = [];
    for (let f = 0; f < frames; f++)
        rows.push(r.steps.map((s) => (s.frames[f] === undefined || s.frames[f] === null || s.frames[f] < 0 ? "." : String(s.frames[f]))).join(" "));
    print(`${policy}, ${frames} frames: ${r.misses} misses, ${r.hits} hits`);
    print("  ref   " + refs.join(" "));
    rows.forEach((row, f) => print(`  [${f}]   ${row}`));
    print("  miss  " + r.steps.map((s) => (s.hit ? " " : "*")).join(" "));
    print("  out   " + r.steps.map((s) => (s.victim === undefined || s.victim === null || s.victim < 0 ? " " : String(s.victim))).join(" "));
    return r;
}

const f3 = table("FIFO", 3);
const f4 = table("FIFO", 4);
print(`Belady's anomaly: FIFO ${f3.misses} misses with 3 frames, ${f4.misses} with 4.`);
print(`Belady 异常：FIFO 3 个页框缺页 ${f3.misses} 次，4 个页框 ${f4.misses} 次。`);
shot("belady");
for (const p of ["LRU", "OPT", "CLOCK", "LINUX"]) table(p, 3);
print("OPT is the lower bound no real policy beats (it needs the future); LRU never has Belady's anomaly (a stack algorithm).");
print("OPT 是下界（需要预知未来）；LRU 是栈算法，不会出现 Belady 异常。");
shot("policies");

// The same string as a real run: a process reading the pages of a five-page buffer in that
// order. In the lab view, "From the run": choose the process and its buffer's mapping (the
// 7f…-7f… r--p line), then Record - the string is the run's own page accesses, pages labelled
// 1, 2, 3 … in order of first use. With "all mappings" exec's set-up of the stack comes first.
// The buffer is read-only so that it stays a mapping of its own: the kernel merges a new
// mapping into a neighbour of the same kind (vma_merge()).
// 用真实运行得到同一访问串：进程按上面的顺序依次读取一个 5 页缓冲区中的页面。在实验视图的
// “取自运行”中选择该进程和缓冲区所在的映射（r--p 那一行），再点“记录”，访问串就是这次运行的页访问。
// 缓冲区设为只读，这样它不会与相邻的同类映射合并（vma_merge()）。
const p = spawn("refs");
const buf = p.mmap(5 * 4096, "r");
for (const r of refs) p.read(buf + (r - 1) * 4096, 1);
print(`process ${p.pid} read pages ${refs.join(" ")} of its buffer at 0x${buf.toString(16)}`);
shot("run");
