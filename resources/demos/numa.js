// Four NUMA nodes with a SLIT distance matrix: the zonelist fallback order and allocations spilling to the next best node (notes 002 二.1.4, 003 "Node").
// views: numa, zones, physical
// 四个 NUMA 节点和 SLIT 距离矩阵：zonelist 的后备顺序，以及本节点内存用完后分配溢出到次优节点。
//
// Each node is a group of CPUs with its own memory; reaching another node's memory costs
// more, and the firmware's SLIT table gives the relative distance (10 local). At boot the
// kernel builds, for every node, a zonelist: its own zones first (highest first), then the
// other nodes' in order of distance (find_next_best_node; nodes at equal distance are taken
// round-robin so they share the load). An allocation walks that list: when the local node's
// zones are below their low watermark, the page comes from the next node (numa_miss on that
// node, numa_foreign on the preferred one) before any reclaim. Here nodes 1 and 2 are both
// 16 away from node 0: one of them is second in node 0's list, the other in node 3's.
// 每个节点是一组 CPU 和它们的本地内存；访问其他节点的内存更慢，固件的 SLIT 表给出相对距离（本地为 10）。
// 启动时内核为每个节点建立 zonelist：先是本节点的 zone（从高到低），再按距离排列其他节点的 zone
// （find_next_best_node；距离相同的节点轮流排在前面，以分摊负载）。分配沿着这个列表查找：本地节点的 zone
// 都低于 low 水位时，先从下一个节点取页（该节点 numa_miss，首选节点 numa_foreign），然后才考虑回收。
// 这里节点 1 和节点 2 到节点 0 的距离都是 16。
machine({ preset: "x86-64", swap: 0, cpus: 8,
          nodes: [{ ram: "512M" }, { ram: "512M" }, { ram: "512M" }, { ram: "512M" }],
          distance: [[10, 16, 16, 22], [16, 10, 22, 16], [16, 22, 10, 16], [22, 16, 16, 10]] });
print(sh("numactl --hardware"));
for (let n = 0; n < 4; ++n) print(`zonelist(${n}): ${kernel.zonelist(n).join(" ")}`);
shot("nodes and distances / 节点与距离");

// A program on node 0 takes 600 MiB: more than node 0 has.
// 节点 0 上的程序占用 600 MiB：超过节点 0 的内存。
const p = spawn("hog", { node: 0 });
const buf = p.mmap(600 * MiB);
p.touch(buf, 400 * MiB);
shot("node 0 filling / 节点 0 在填满");
p.touch(buf + 400 * MiB, 200 * MiB);
print(sh("numastat"));
shot("spilled to the next node / 溢出到下一个节点");

// kmalloc_node(): the kernel can ask for a node too.
// kmalloc_node()：内核也可以指定节点。
const k = kernel.kmalloc(64 * KiB, { node: 3 });
print(`kmalloc(64 KiB, node 3): __pa = 0x${kernel.__pa(k).toString(16)}`);
print(sh("cat /sys/devices/system/node/node3/numastat"));
