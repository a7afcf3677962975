// free against available (notes 001 §1, "free"): the page cache makes `free` small
// while `available` stays large, because the kernel can drop clean cache at once.
// views: timeline, lru
// free 与 available：读取大文件后页缓存增加，free 列变小，但 available 几乎不变，
// 因为干净的页缓存随时可以释放；`echo 1 > /proc/sys/vm/drop_caches` 把它们丢掉。
machine({ preset: "x86-64", ram: "1G", swap: "1G" });
print(sh("free -w"));
files.create("big.log", 200 * MiB, "log line 1\n");
const reader = spawn("cat");
const m = reader.mmap(200 * MiB, PROT_READ, MAP_PRIVATE, "big.log");
reader.touch(m, 200 * MiB, { step: 4096, write: false }); // major faults: read from disk
reader.exit();
sleep(1);
shot("cached");
print("after reading a 200 MiB file / 读取 200 MiB 文件之后:");
print(sh("free -w"));
print(sh("grep -E 'MemFree|MemAvailable|^Cached|Active\\(file\\)|Inactive\\(file\\)' /proc/meminfo"));
print("$ echo 1 > /proc/sys/vm/drop_caches");
drop_caches(1);
sleep(1);
shot("dropped");
print(sh("free -w"));
print("$ sar -r 1");
print(sh("sar -r 1"));
