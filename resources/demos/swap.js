// Swap (notes 001 §5.4, "Swap"): fill memory past RAM, watch pages go out, then touch
// the old pages again and watch them come back as major faults.
// views: lru, timeline, zones
// 交换：内存用满后，kswapd 把不常用的匿名页换出到交换分区；再次访问这些页时产生硬性缺页，把它们换回。
//
// A 256 MiB machine with 512 MiB of swap. The program touches 320 MiB, 32 MiB a second:
// free memory falls to the low watermark, kswapd wakes and reclaims (first the page
// cache, then anonymous pages to swap: pswpout/s in `sar -W`), kbswpused grows in
// `sar -S`. Touching the first 64 MiB again swaps them in: majflt/s and pswpin/s.
// 256 MiB 内存、512 MiB 交换分区；程序每秒访问 32 MiB，共 320 MiB。
machine({ preset: "x86-64", ram: "256M", swap: "512M" });
print(sh("swapon --show"));
print(sh("free"));
const p = spawn("fill");
const buf = p.mmap(320 * MiB, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS);
sleep(1);
for (let i = 0; i < 10; i++) {
    p.touch(buf + i * 32 * MiB, 32 * MiB, { step: 4096 });
    sleep(1);
    if (i == 6) shot("kswapd-swapping");
}
shot("filled");
print("after touching 320 MiB / 访问 320 MiB 之后:");
print(sh("free"));
print(sh("swapon --show"));
print(sh(`grep -E 'VmRSS|VmSwap' /proc/${p.pid}/status`));

// The first pages went out long ago: reading them is a major fault each (swap-in).
// 最早的页面已被换出：再次读取时每页一次硬性缺页（换入）。
const before = p.maj_flt;
p.touch(buf, 64 * MiB, { step: 4096, write: false });
sleep(1);
shot("swapped-in");
print(`major faults while re-reading 64 MiB / 重新读取 64 MiB 的硬性缺页: ${p.maj_flt - before}`);
print("$ sar -W 1");
print(sh("sar -W 1"));
print("$ sar -S 1");
print(sh("sar -S 1"));
p.exit();
sleep(1);
print(sh("free"));
