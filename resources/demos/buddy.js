// The buddy allocator (notes 000 and 002, "伙伴系统"): split, fragmentation, merging back.
// views: buddy, physical
//
// A small x86-64 machine so every frame is visible. Allocations ask for GFP_KERNEL
// memory (highest zone Normal); with 64 MiB there is no Normal zone, so the zonelist
// falls back to DMA32, as on a real machine with less than 4 GiB.
machine({ preset: "x86-64", ram: "64M", swap: "0" });
print("At boot the free lists hold large, naturally aligned blocks:");
print(sh("cat /proc/buddyinfo"));

// 1. Splitting: the smallest free block that fits is taken from the head of its
//    list and expand() halves it down to order 0; each upper half goes to the head
//    of the next lower free list.
shot("boot");
const first = kernel.alloc_pages(0);
print(`order-0 page at pfn 0x${first.pfn.toString(16)} (${first.zone})`);
shot("first-split");

// 2. A mix of orders: the lists fill with leftovers of earlier splits.
const blocks = [];
for (const order of [0, 1, 0, 2, 3, 0, 1, 4, 0, 2]) blocks.push(kernel.alloc_pages(order));
print("After eleven allocations of mixed orders:");
print(sh("cat /proc/buddyinfo"));

// 3. Fragmentation: free every other block. The free pages are scattered in small
//    pieces whose buddies are still allocated, so they cannot merge.
for (let i = 0; i < blocks.length; i += 2) kernel.free_pages(blocks[i]);
print("Every other block freed - small free pieces, no merging yet:");
print(sh("cat /proc/buddyinfo"));
shot("fragmented");

// 4. Merging back: freeing the rest lets each block find its buddy
//    (pfn XOR 2^order) and climb order by order back to order 10.
for (let i = 1; i < blocks.length; i += 2) kernel.free_pages(blocks[i]);
kernel.free_pages(first);
print("Everything freed - the blocks merged back to order 10:");
print(sh("cat /proc/buddyinfo"));
print(sh("free -h"));
