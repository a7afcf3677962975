// The segmentation fault (notes 001 §4.2, segv.cpp: "*p = 0" with p == nullptr).
// views: walk, processes
// 段错误：向 NULL 写入，地址 0 不属于任何 VMA，内核发送 SIGSEGV，进程在打印第二行之前就结束了。
machine({ preset: "seed-8g" });
const p = spawn("segv");
print("$ ./segv");
print("before invalid access");
shot("before");
p.write(0, [0, 0, 0, 0]); // int *p = nullptr; *p = 0;  -> bash prints "Segmentation fault"
if (p.alive) print("after invalid access"); // never printed: the process is gone
shot("killed");
print(sh("ps -eo pid,comm | grep segv") || "(segv is no longer in ps / 进程已不存在)");

// A write to a read-only mapping is refused the same way (access_error()).
// 写只读映射同样会被拒绝（access_error），进程收到 SIGSEGV。
print("$ ./readonly   (writes to a PROT_READ mapping)");
const q = spawn("readonly");
const ro = q.mmap(4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS);
q.read(ro, 1);   // fine: reading is allowed / 读取是允许的
q.write(ro, [1]); // bad_area: the VMA has no VM_WRITE -> "Segmentation fault"
shot("readonly");
