<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>EventText</name>
    <message>
        <source>min</source>
        <translation>min</translation>
    </message>
    <message>
        <source>low</source>
        <translation>low</translation>
    </message>
    <message>
        <source>high</source>
        <translation>high</translation>
    </message>
    <message>
        <source>promo</source>
        <translation>promo</translation>
    </message>
    <message>
        <source>(no zone)</source>
        <translation>（无内存域）</translation>
    </message>
    <message>
        <source>1 block</source>
        <translation>1 个块</translation>
    </message>
    <message>
        <source>%1 blocks</source>
        <translation>%1 个块</translation>
    </message>
    <message>
        <source>1 page</source>
        <translation>1 页</translation>
    </message>
    <message>
        <source>%1 pages</source>
        <translation>%1 页</translation>
    </message>
    <message>
        <source>order %1 · %2 · %3</source>
        <translation>%1 阶 · %2 · %3</translation>
    </message>
    <message>
        <source>%1 (node %2)</source>
        <translation>%1（节点 %2）</translation>
    </message>
    <message>
        <source>inside a block</source>
        <translation>位于块内部</translation>
    </message>
    <message>
        <source>free</source>
        <translation>空闲</translation>
    </message>
    <message>
        <source>in the allocator&apos;s hand</source>
        <translation>分配器正在处理</translation>
    </message>
    <message>
        <source>allocated (kernel)</source>
        <translation>已分配（内核）</translation>
    </message>
    <message>
        <source>firmware</source>
        <translation>固件</translation>
    </message>
    <message>
        <source>kernel image</source>
        <translation>内核映像</translation>
    </message>
    <message>
        <source>memmap (struct page array)</source>
        <translation>memmap（struct page 数组）</translation>
    </message>
    <message>
        <source>boot allocation</source>
        <translation>启动期分配</translation>
    </message>
    <message>
        <source>hole (no RAM)</source>
        <translation>空洞（无 RAM）</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Allocate</source>
        <translation>分配</translation>
    </message>
    <message>
        <source>Split</source>
        <translation>拆分</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>释放</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>合并</translation>
    </message>
    <message>
        <source>Add to free list</source>
        <translation>加入空闲链表</translation>
    </message>
    <message>
        <source>Watermark check</source>
        <translation>水位线检查</translation>
    </message>
    <message>
        <source>Slow path</source>
        <translation>慢速路径</translation>
    </message>
    <message>
        <source>Allocation failed</source>
        <translation>分配失败</translation>
    </message>
    <message>
        <source>Watermark crossed</source>
        <translation>越过水位线</translation>
    </message>
    <message>
        <source>Unknown event</source>
        <translation>未知事件</translation>
    </message>
    <message>
        <source>Allocate order-%1 block %2 of %3 (%4) from the head of the order-%1 free list</source>
        <translation>从 %1 阶空闲链表头分配 %3 的 %1 阶块 %2（%4）</translation>
    </message>
    <message>
        <source>Allocate order-%1 block %2 of %3 (%4), the low end of an order-%5 block</source>
        <translation>分配 %3 的 %1 阶块 %2（%4），即某个 %5 阶块的低端</translation>
    </message>
    <message>
        <source>Split order-%1 block %2 of %3: upper half %4 → order-%5 free list (head)</source>
        <translation>拆分 %3 的 %1 阶块 %2：上半部分 %4 → %5 阶空闲链表（链表头）</translation>
    </message>
    <message>
        <source>Free order-%1 block %2 of %3 (%4)</source>
        <translation>释放 %3 的 %1 阶块 %2（%4）</translation>
    </message>
    <message>
        <source>Merge order-%1 block %2 with its free buddy %3 → order-%4 block %5</source>
        <translation>将 %1 阶块 %2 与其空闲伙伴 %3 合并 → %4 阶块 %5</translation>
    </message>
    <message>
        <source>Put order-%1 block %2 of %3 at the TAIL of the order-%1 free list (likely buddy %4 is free)</source>
        <translation>将 %3 的 %1 阶块 %2 放到 %1 阶空闲链表的【链表尾】（可能的伙伴 %4 空闲）</translation>
    </message>
    <message>
        <source>Put order-%1 block %2 of %3 at the head of the order-%1 free list</source>
        <translation>将 %3 的 %1 阶块 %2 放到 %1 阶空闲链表头</translation>
    </message>
    <message>
        <source>Watermark check %1, order %2: free %3 vs %4 %5 + reserve %6 → %7</source>
        <translation>水位线检查 %1，%2 阶：空闲 %3 对比 %4 %5 + 预留 %6 → %7</translation>
    </message>
    <message>
        <source>pass</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>fail</source>
        <translation>未通过</translation>
    </message>
    <message>
        <source>Slow path for an order-%1 request: no zone (%2) passed its low watermark</source>
        <translation>%1 阶请求进入慢速路径：内存域（%2）均未通过 low 水位线</translation>
    </message>
    <message>
        <source>Allocation failed: no zone (%1) can supply an order-%2 block (%3)</source>
        <translation>分配失败：内存域（%1）均无法提供 %2 阶块（%3）</translation>
    </message>
    <message>
        <source>%1 fell to its %2 watermark: %3 free pages ≤ %4</source>
        <translation>%1 降至 %2 水位线：空闲页 %3 ≤ %4</translation>
    </message>
    <message>
        <source>%1 rose above its %2 watermark: %3 free pages &gt; %4</source>
        <translation>%1 回升到 %2 水位线以上：空闲页 %3 &gt; %4</translation>
    </message>
    <message>
        <source>expand() in mm/page_alloc.c, called from __rmqueue_smallest(), halves the order-%1 block at %2 (%3, %4). The lower half %2 stays in the allocator&apos;s hand as an order-%5 block; the upper half %6 (%7) goes on the head of the order-%5 free list of %8, which now holds %9. Halving repeats until the block is exactly as large as the request.</source>
        <translation>mm/page_alloc.c 中的 expand()（由 __rmqueue_smallest() 调用）将位于 %2 的 %1 阶块（%3，%4）一分为二。下半部分 %2 作为 %5 阶块仍由分配器处理；上半部分 %6（%7）放到 %8 的 %5 阶空闲链表头，该链表现有 %9。如此反复对半拆分，直到块的大小恰好等于请求的大小。</translation>
    </message>
    <message>
        <source>It was the first block on the order-%1 free list, which now holds %2.</source>
        <translation>它原是 %1 阶空闲链表上的第一个块，该链表现有 %2。</translation>
    </message>
    <message>
        <source>It is the low end of the order-%1 block taken from the head of the order-%1 list; the upper halves split off on the way down now wait on the free lists of orders %2 to %3.</source>
        <translation>它是从 %1 阶链表头取下的那个 %1 阶块的低端；逐级拆分时分出的各个上半部分，现在位于 %2 阶到 %3 阶的空闲链表上。</translation>
    </message>
    <message>
        <source>__rmqueue_smallest() (through rmqueue() in mm/page_alloc.c) hands the order-%1 block %2 (%3, %4) to the caller of alloc_pages(). %5 %6 now has %7 free pages (%8).</source>
        <translation>__rmqueue_smallest()（经由 mm/page_alloc.c 中的 rmqueue()）把 %1 阶块 %2（%3，%4）交给 alloc_pages() 的调用者。%5%6 现有 %7 个空闲页（%8）。</translation>
    </message>
    <message>
        <source>Simplification: memviz has no per-CPU page lists. A real kernel would normally park a freed order-%1 block on a per-CPU list (free_unref_page()) and merge it only later, in batches.</source>
        <translation>简化：memviz 没有每 CPU 页列表。真实内核通常会把释放的 %1 阶块先暂存在每 CPU 列表上（free_unref_page()），之后才成批合并。</translation>
    </message>
    <message>
        <source>Blocks above order 3 skip the per-CPU lists in the kernel too and go straight to the buddy free lists.</source>
        <translation>在内核中，高于 3 阶的块同样不经过每 CPU 列表，而是直接进入伙伴系统的空闲链表。</translation>
    </message>
    <message>
        <source>__free_pages() gives the order-%1 block %2 (%3, %4) back to %5. __free_one_page() in mm/page_alloc.c now looks for its buddy, %6 (pfn XOR %7), to merge with. %8</source>
        <translation>__free_pages() 把 %1 阶块 %2（%3，%4）归还给 %5。mm/page_alloc.c 中的 __free_one_page() 随即查找它的伙伴 %6（pfn XOR %7），准备与之合并。%8</translation>
    </message>
    <message>
        <source>__free_one_page() finds the buddy with __find_buddy_pfn(): buddy = pfn XOR (1 &lt;&lt; order) = %1 XOR %2 = %3. page_is_buddy() confirms that %3 is a free order-%4 block of the same zone, so it leaves the order-%4 free list (now %5) and the two halves become the order-%6 block %7 (%8). The search repeats one order up.</source>
        <translation>__free_one_page() 用 __find_buddy_pfn() 找到伙伴：buddy = pfn XOR (1 &lt;&lt; order) = %1 XOR %2 = %3。page_is_buddy() 确认 %3 是同一内存域中空闲的 %4 阶块，于是它离开 %4 阶空闲链表（现有 %5），两半合并成 %6 阶块 %7（%8）。随后在高一阶上重复查找。</translation>
    </message>
    <message>
        <source>Order %1 is the largest order, so the block cannot grow any further.</source>
        <translation>%1 阶是最高阶，块无法再变大。</translation>
    </message>
    <message>
        <source>Its buddy %1 is not a free order-%2 block, so __free_one_page() stops merging.</source>
        <translation>它的伙伴 %1 不是空闲的 %2 阶块，因此 __free_one_page() 停止合并。</translation>
    </message>
    <message>
        <source>%1 buddy_merge_likely() looks one level up: the order-%2 block that %3 would form with %4 has the buddy %5, and that block is free. So a merge two levels up is likely once %4 comes back, and %3 goes on the TAIL of the order-%6 free list (now %7): allocations take from the head, so they reach it last.</source>
        <translation>%1buddy_merge_likely() 向上多看一阶：%3 与 %4 将组成的 %2 阶块，其伙伴 %5 是空闲的。因此一旦 %4 被释放，很可能连续向上合并两阶，于是 %3 被放到 %6 阶空闲链表的【链表尾】（现有 %7）：分配从链表头取块，所以最后才会取到它。</translation>
    </message>
    <message>
        <source>buddy_merge_likely() checked the order-%1 buddy %2 of the block %3 would form, found it busy, so there is no reason to save the block for later.</source>
        <translation>buddy_merge_likely() 检查了 %3 将组成的块的 %1 阶伙伴 %2，发现它正被占用，因此没有理由把该块留到以后。</translation>
    </message>
    <message>
        <source>%1 The order-%2 block %3 goes on the head of the order-%2 free list of %4 (now %5), so the next order-%2 allocation takes it first.</source>
        <translation>%1于是 %2 阶块 %3 被放到 %4 的 %2 阶空闲链表头（现有 %5），下一次 %2 阶分配会最先取到它。</translation>
    </message>
    <message>
        <source>The slow path retries against the min watermark (ALLOC_WMARK_MIN).</source>
        <translation>慢速路径按 min 水位线重试（ALLOC_WMARK_MIN）。</translation>
    </message>
    <message>
        <source>The fast path checks the %1 watermark (ALLOC_WMARK_LOW).</source>
        <translation>快速路径检查 %1 水位线（ALLOC_WMARK_LOW）。</translation>
    </message>
    <message>
        <source>%1 &gt; %2, so %3 passes and the block is taken from this zone.</source>
        <translation>%1 &gt; %2，因此 %3 通过检查，从该内存域取块。</translation>
    </message>
    <message>
        <source>There are enough free pages, but no free list of order %1 or more holds a block, so %2 fails and the walk moves on to the next zone.</source>
        <translation>空闲页足够，但 %1 阶及以上的空闲链表中都没有块，因此 %2 未通过，遍历转到下一个内存域。</translation>
    </message>
    <message>
        <source>%1 ≤ %2, so %3 fails and the zonelist walk moves on to the next zone.</source>
        <translation>%1 ≤ %2，因此 %3 未通过，zonelist 遍历转到下一个内存域。</translation>
    </message>
    <message>
        <source>%11 get_page_from_freelist() asks __zone_watermark_ok() (through zone_watermark_fast()) whether %1 may serve an order-%2 request: free pages minus the 2^%2 − 1 the request itself uses (%3 − %4 = %5) must stay above the %6 watermark plus lowmem_reserve (%7 + %8 = %9). %10</source>
        <translation>%11get_page_from_freelist() 通过 zone_watermark_fast() 调用 __zone_watermark_ok()，询问 %1 能否满足 %2 阶请求：空闲页减去请求本身要用的 2^%2 − 1 页（%3 − %4 = %5），必须高于 %6 水位线加 lowmem_reserve（%7 + %8 = %9）。%10</translation>
    </message>
    <message>
        <source>%1 now has %2 free pages, at or below its %3 watermark (%4 pages).</source>
        <translation>%1 现有 %2 个空闲页，已降至 %3 水位线（%4 页）或更低。</translation>
    </message>
    <message>
        <source>%1 now has %2 free pages, above its %3 watermark (%4 pages) again.</source>
        <translation>%1 现有 %2 个空闲页，重新高于 %3 水位线（%4 页）。</translation>
    </message>
    <message>
        <source>The fast path (get_page_from_freelist() with ALLOC_WMARK_LOW) may allocate from it again without waking kswapd.</source>
        <translation>快速路径（带 ALLOC_WMARK_LOW 的 get_page_from_freelist()）又可以从该内存域分配，无需唤醒 kswapd。</translation>
    </message>
    <message>
        <source>Only the slow path&apos;s retries and allocations allowed into the reserve (__GFP_HIGH, GFP_ATOMIC) may still take pages here; an ordinary request would go to direct reclaim (__alloc_pages_direct_reclaim()).</source>
        <translation>只有慢速路径的重试以及允许动用预留内存的分配（__GFP_HIGH、GFP_ATOMIC）还能从这里取页；普通请求会转入直接回收（__alloc_pages_direct_reclaim()）。</translation>
    </message>
    <message>
        <source>Ordinary allocations in the slow path (ALLOC_WMARK_MIN) may use this zone again.</source>
        <translation>慢速路径中的普通分配（ALLOC_WMARK_MIN）又可以使用该内存域。</translation>
    </message>
    <message>
        <source>Once woken, kswapd keeps reclaiming until the zone is back above this mark (pgdat_balanced() in mm/vmscan.c).</source>
        <translation>kswapd 一旦被唤醒，就会持续回收，直到该内存域回到这条水位线以上（mm/vmscan.c 中的 pgdat_balanced()）。</translation>
    </message>
    <message>
        <source>kswapd would now consider the node balanced (pgdat_balanced() in mm/vmscan.c) and go back to sleep.</source>
        <translation>此时 kswapd 会认为该节点已平衡（mm/vmscan.c 中的 pgdat_balanced()），重新进入睡眠。</translation>
    </message>
    <message>
        <source>memviz does not know this kind of event.</source>
        <translation>memviz 无法识别这类事件。</translation>
    </message>
    <message>
        <source>file %1</source>
        <translation>文件 %1</translation>
    </message>
    <message>
        <source>PID %1</source>
        <translation>PID %1</translation>
    </message>
    <message>
        <source>PID %1 (%2)</source>
        <translation>PID %1（%2）</translation>
    </message>
    <message>
        <source>1 entry</source>
        <translation>1 个表项</translation>
    </message>
    <message>
        <source>%1 entries</source>
        <translation>%1 个表项</translation>
    </message>
    <message>
        <source>level %1</source>
        <translation>第 %1 级</translation>
    </message>
    <message>
        <source>the shared zero page</source>
        <translation>共享零页</translation>
    </message>
    <message>
        <source>beyond the end of RAM</source>
        <translation>超出 RAM 末尾</translation>
    </message>
    <message>
        <source>an anonymous page mapped %1 times</source>
        <translation>被映射 %1 次的匿名页</translation>
    </message>
    <message>
        <source>an anonymous page</source>
        <translation>匿名页</translation>
    </message>
    <message>
        <source>page %1 of %2 in the page cache</source>
        <translation>页缓存中 %2 的第 %1 页</translation>
    </message>
    <message>
        <source>LRU</source>
        <translation>LRU</translation>
    </message>
    <message>
        <source>FIFO</source>
        <translation>FIFO</translation>
    </message>
    <message>
        <source>random</source>
        <translation>随机</translation>
    </message>
    <message>
        <source>write</source>
        <translation>写</translation>
    </message>
    <message>
        <source>read</source>
        <translation>读</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 字节</translation>
    </message>
    <message>
        <source>malloc() in %1: the chunk this request needs is at least the mmap threshold (%2), so sysmalloc() does not use the heap. It maps %3 of its own at %4, the chunk plus its header rounded up to pages, and returns %5. free() will give it straight back to the kernel with munmap(); its pages fault in when first touched.</source>
        <translation>%1 中的 malloc()：该请求所需的 chunk 不小于 mmap 阈值（%2），因此 sysmalloc() 不使用堆，而是在 %4 处单独映射 %3（chunk 加上头部，按页向上取整），并返回 %5。free() 会直接用 munmap() 把它归还给内核；其中的页在首次访问时才通过缺页中断调入。</translation>
    </message>
    <message>
        <source>free(%1) in %2 finds the IS_MMAPPED bit in the chunk header, so munmap_chunk() gives the whole %3 mapping back to the kernel with munmap(): VSZ and RSS drop at once.</source>
        <translation>%2 中的 free(%1) 发现 chunk 头部设置了 IS_MMAPPED 位，因此 munmap_chunk() 用 munmap() 把整个 %3 的映射归还给内核：VSZ 和 RSS 立即下降。</translation>
    </message>
    <message>
        <source>Because the chunk was larger than the mmap threshold (and at most %1), glibc raises the threshold to %2 and the trim threshold to %3 (the dynamic mmap threshold): requests of this size come from the heap from now on.</source>
        <translation>由于该 chunk 大于 mmap 阈值（且不超过 %1），glibc 把 mmap 阈值提高到 %2，把 trim 阈值提高到 %3（即动态 mmap 阈值）：此后这种大小的请求将从堆中分配。</translation>
    </message>
    <message>
        <source>The mmap threshold stays at %1, so requests of this size keep getting mappings of their own.</source>
        <translation>mmap 阈值保持 %1 不变，因此这种大小的请求仍会各自获得单独的映射。</translation>
    </message>
    <message>
        <source>free(%1) in %2 gives the chunk of %3 at %4 back to malloc, coalesced with free neighbours.</source>
        <translation>%2 中的 free(%1) 把位于 %4 的 %3 chunk 归还给 malloc，并与相邻的空闲 chunk 合并。</translation>
    </message>
    <message>
        <source>It borders the top chunk and merges into it; the top now starts at %1.</source>
        <translation>它与 top chunk 相邻，因此并入 top chunk；top chunk 现在从 %1 开始。</translation>
    </message>
    <message>
        <source>It stays on the free chunks for a later malloc() to reuse.</source>
        <translation>它留在空闲 chunk 中，供之后的 malloc() 复用。</translation>
    </message>
    <message>
        <source>The memory stays in the process, so RSS does not drop, unless the top chunk grows past M_TRIM_THRESHOLD (%1) and systrim() lowers the break. Simplification: memviz has no tcache or fastbins and coalesces at once.</source>
        <translation>这块内存仍留在进程中，因此 RSS 不会下降；除非 top chunk 增长到超过 M_TRIM_THRESHOLD（%1），由 systrim() 降低 program break。简化：memviz 没有 tcache 和 fastbins，会立即合并。</translation>
    </message>
    <message>
        <source>glibc&apos;s malloc() (_int_malloc() in malloc/malloc.c) of %1 finds no free chunk large enough and carves a chunk of %2 off the top chunk at %3: the request plus SIZE_SZ (%4 bytes) for the header, rounded up to 16 bytes (request2size()). It returns %5, just past the header. The top chunk now runs from %6 to the program break %7 (%8 left); no page is touched until the program writes.</source>
        <translation>%1 的 glibc malloc()（malloc/malloc.c 中的 _int_malloc()）找不到足够大的空闲 chunk，于是在 %3 处从 top chunk 切出一个 %2 的 chunk：请求大小加上头部的 SIZE_SZ（%4 字节），再向上取整到 16 字节（request2size()）。它返回紧跟在头部之后的 %5。top chunk 现在从 %6 延伸到 program break %7（剩余 %8）；在程序写入之前，不会访问任何页。</translation>
    </message>
    <message>
        <source>glibc&apos;s malloc() in %1 reuses a free chunk: the chunk of %2 at %3 is memory an earlier free() gave back, so neither the heap nor RSS grows, and it returns %4. Simplification: memviz keeps one address-ordered list of free heap chunks instead of glibc&apos;s tcache, fastbins and bins, and takes the first that fits.</source>
        <translation>%1 中的 glibc malloc() 复用了一个空闲 chunk：位于 %3 的 %2 chunk 是先前 free() 归还的内存，因此堆和 RSS 都不增长，返回 %4。简化：memviz 只维护一个按地址排序的空闲堆 chunk 链表，取第一个大小合适的 chunk，而没有实现 glibc 的 tcache、fastbins 和 bins。</translation>
    </message>
    <message>
        <source>Entry %1 of the %2 table in frame %3 (physical address %4) changes from %5 to %6.</source>
        <translation>页框 %3（物理地址 %4）中 %2 表的第 %1 项由 %5 变为 %6。</translation>
    </message>
    <message>
        <source>This %1 entry of %2 now points to the %3 table in frame %4, allocated with %5 (on a fault, or while fork() copies the tables) for the %6 of the address space this entry covers.</source>
        <translation>%2 的这个 %1 表项现在指向页框 %4 中的 %3 表。该表由 %5 分配（在缺页中断时，或在 fork() 复制页表时），负责此表项所覆盖的 %6 地址空间。</translation>
    </message>
    <message>
        <source>free_pgtables() unhooks the next-level table in frame %1, which no VMA of %2 needs any more; it goes back to the buddy allocator.</source>
        <translation>free_pgtables() 摘除页框 %1 中的下一级页表，因为 %2 的任何 VMA 都不再需要它；该页框归还给伙伴分配器。</translation>
    </message>
    <message>
        <source>a page</source>
        <translation>某一页</translation>
    </message>
    <message>
        <source>The leaf entry for %1 of %2 is cleared (zap_pte_range() when unmapping or at exit): the next access to it faults.</source>
        <translation>%2 中 %1 的末级表项被清除（解除映射或进程退出时由 zap_pte_range() 完成）：下次访问它会触发缺页中断。</translation>
    </message>
    <message>
        <source>This leaf entry maps the virtual page %1 of %2 to frame %3, %4, %5.</source>
        <translation>该末级表项把 %2 的虚拟页 %1 映射到页框 %3（%4），%5。</translation>
    </message>
    <message>
        <source>writable</source>
        <translation>可写</translation>
    </message>
    <message>
        <source>read-only</source>
        <translation>只读</translation>
    </message>
    <message>
        <source>The leaf entry for %1 of %2 now maps frame %3 instead of %4 (a copy-on-write copy replaces the shared page), %5.</source>
        <translation>%2 中 %1 的末级表项现在映射页框 %3，而不再是 %4（写时复制的副本取代了共享页），%5。</translation>
    </message>
    <message>
        <source>The leaf entry for %1 of %2 loses RW: fork&apos;s copy_present_pte() write-protects a private page in parent and child so the first write copies it, and mprotect&apos;s change_protection() does the same when writing is no longer allowed.</source>
        <translation>%2 中 %1 的末级表项失去 RW 位：fork 的 copy_present_pte() 会在父、子进程中对私有页设置写保护，使第一次写入时复制该页；mprotect 的 change_protection() 在不再允许写入时也会这样做。</translation>
    </message>
    <message>
        <source>The leaf entry for %1 of %2 becomes writable and dirty in place, without a copy (wp_page_reuse() or wp_page_shared()).</source>
        <translation>%2 中 %1 的末级表项被原地改为可写并置脏，无需复制（wp_page_reuse() 或 wp_page_shared()）。</translation>
    </message>
    <message>
        <source>The MMU sets Accessed (and Dirty on a write) in the leaf entry for %1 of %2 during the walk; memviz shows this hardware update as a write of the entry.</source>
        <translation>MMU 在页表遍历过程中设置 %2 中 %1 的末级表项的 Accessed 位（写访问时还设置 Dirty 位）；memviz 把这一硬件更新显示为对该表项的一次写入。</translation>
    </message>
    <message>
        <source>The leaf entry for %1 of %2 gets new permission bits.</source>
        <translation>%2 中 %1 的末级表项获得新的权限位。</translation>
    </message>
    <message>
        <source>It is minor fault number %1 of the process (no disk I/O).</source>
        <translation>这是该进程的第 %1 次软性缺页（无磁盘 I/O）。</translation>
    </message>
    <message>
        <source>a file</source>
        <translation>某个文件</translation>
    </message>
    <message>
        <source>%1 reads %2, which lies in an anonymous VMA but has no page yet. do_anonymous_page() (mm/memory.c) sees a read fault and maps the shared zero page (frame %3) read-only: no memory is allocated and RSS does not grow. A later write faults again and gets a page of its own.</source>
        <translation>%1 读取 %2，该地址位于匿名 VMA 中，但尚无对应的页。do_anonymous_page()（mm/memory.c）发现这是读缺页，于是以只读方式映射共享零页（页框 %3）：不分配内存，RSS 也不增长。之后的写入会再次触发缺页中断，并获得独立的页。</translation>
    </message>
    <message>
        <source>%1 writes to %2 in an anonymous VMA for the first time. do_anonymous_page() (mm/memory.c) allocates a frame, zeroes it and maps it writable and dirty; RssAnon grows by one page.</source>
        <translation>%1 首次写入匿名 VMA 中的 %2。do_anonymous_page()（mm/memory.c）分配一个页框，将其清零，并以可写、脏的状态映射；RssAnon 增加一页。</translation>
    </message>
    <message>
        <source>%1 writes to %2 in a private mapping of %3 (file page %4) that is not mapped yet and not cached. do_cow_fault() reads the page from disk into the page cache first (a major fault), then copies it into a new anonymous frame, so the file never sees the write.</source>
        <translation>%1 写入 %3 的私有映射中的 %2（文件第 %4 页），该页尚未映射，也不在页缓存中。do_cow_fault() 先把该页从磁盘读入页缓存（硬性缺页），再把它复制到一个新的匿名页框中，因此这次写入永远不会反映到文件上。</translation>
    </message>
    <message>
        <source>%1 writes to %2 in a private mapping of %3 (file page %4) that is not mapped yet. do_cow_fault() takes the cached page and copies it into a new anonymous frame, so the file never sees the write.</source>
        <translation>%1 写入 %3 的私有映射中的 %2（文件第 %4 页），该页尚未映射。do_cow_fault() 取出页缓存中的该页，把它复制到一个新的匿名页框中，因此这次写入永远不会反映到文件上。</translation>
    </message>
    <message>
        <source>%1 writes to %2, whose entry maps the shared zero page (frame %3) read-only. do_wp_page() finds no normal page behind it (vm_normal_page() is NULL), so wp_page_copy() allocates a new frame and zero-fills it instead of copying.</source>
        <translation>%1 写入 %2，其表项以只读方式映射共享零页（页框 %3）。do_wp_page() 发现它背后没有普通页（vm_normal_page() 返回 NULL），因此 wp_page_copy() 分配一个新页框并将其清零，而不是复制。</translation>
    </message>
    <message>
        <source>%1 writes to %2 in a private mapping of %3, whose entry maps the page-cache page (frame %4) read-only until the first write. do_wp_page() → wp_page_copy() allocates a new anonymous frame and copies the page into it, so the file never sees the write.</source>
        <translation>%1 写入 %3 的私有映射中的 %2，在第一次写入之前，其表项以只读方式映射页缓存中的页（页框 %4）。do_wp_page() → wp_page_copy() 分配一个新的匿名页框并把该页复制进去，因此这次写入永远不会反映到文件上。</translation>
    </message>
    <message>
        <source>%1 writes to %2, whose entry is read-only although the VMA is writable: frame %3 (%4) is shared copy-on-write since a fork. do_wp_page() cannot reuse it, so wp_page_copy() allocates a new frame, copies the page and maps the copy writable in this process only; the other users keep frame %3.</source>
        <translation>%1 写入 %2：虽然 VMA 可写，但其表项是只读的，因为自 fork 以来页框 %3（%4）以写时复制方式共享。do_wp_page() 不能直接复用它，因此 wp_page_copy() 分配一个新页框，复制该页，并仅在本进程中以可写方式映射这份副本；其他使用者继续使用页框 %3。</translation>
    </message>
    <message>
        <source>%1 writes to %2, a copy-on-write page: do_wp_page() → wp_page_copy() gives it a new frame of its own with a copy of the page.</source>
        <translation>%1 写入写时复制页 %2：do_wp_page() → wp_page_copy() 为它分配一个独立的新页框，存放该页的副本。</translation>
    </message>
    <message>
        <source>%1 writes to %2, whose entry is read-only since a fork, but the page (frame %3) now has a single reference: the other sharers copied it already or exited. do_wp_page() → wp_page_reuse() (wp_can_reuse_anon_folio(): refcount 1) makes the entry writable and dirty in place, with no copy and no new frame.</source>
        <translation>%1 写入 %2，其表项自 fork 以来是只读的，但该页（页框 %3）现在只剩一个引用：其他共享者已复制过它或已退出。do_wp_page() → wp_page_reuse()（wp_can_reuse_anon_folio()：refcount 为 1）原地把表项改为可写并置脏，不复制，也不分配新页框。</translation>
    </message>
    <message>
        <source>?</source>
        <translation>?</translation>
    </message>
    <message>
        <source>%1 writes to %2 in a shared mapping of %3; the page (frame %4) is mapped read-only so that the kernel notices the first write. wp_page_shared() marks the entry writable and dirty, and the write goes to the page-cache page, so to the file. Simplification: memviz does not write dirty pages back to disk; the page cache is what cat reads.</source>
        <translation>%1 写入 %3 的共享映射中的 %2；该页（页框 %4）以只读方式映射，以便内核察觉第一次写入。wp_page_shared() 将表项标记为可写并置脏，写入的数据进入页缓存中的页，也就是写入了文件。简化：memviz 不会把脏页写回磁盘；cat 读到的就是页缓存中的内容。</translation>
    </message>
    <message>
        <source>A %1 by %2 at %3 hits a mapping of %4 (file page %5), and that page is already in the page cache. filemap_fault() finds it and maps it; on a read, do_read_fault() also maps the cached neighbours within 64 KiB read-only (fault-around).</source>
        <translation>%2 在 %3 处的%1访问落在 %4 的映射上（文件第 %5 页），而该页已在页缓存中。filemap_fault() 找到并映射它；如果是读访问，do_read_fault() 还会以只读方式映射 64 KiB 范围内已缓存的相邻页（fault-around）。</translation>
    </message>
    <message>
        <source>A %1 by %2 at %3 hits a mapping of %4 (file page %5), and that page is not in the page cache. filemap_fault() allocates a frame, reads the page from disk and returns VM_FAULT_MAJOR: a major fault, counted in the process&apos;s majflt (now %6) and in /proc/vmstat pgmajfault. Simplification: memviz reads just this page, without readahead.</source>
        <translation>%2 在 %3 处的%1访问落在 %4 的映射上（文件第 %5 页），而该页不在页缓存中。filemap_fault() 分配一个页框，从磁盘读入该页，并返回 VM_FAULT_MAJOR：这是一次硬性缺页，计入进程的 majflt（现为 %6）和 /proc/vmstat 的 pgmajfault。简化：memviz 只读入这一页，不做预读。</translation>
    </message>
    <message>
        <source>%1 tries to %2 %3, but no VMA contains that address, so do_user_addr_fault() goes to bad_area(). The kernel sends SIGSEGV (signal 11, SEGV_MAPERR); its default action ends the process and the shell prints &quot;Segmentation fault&quot;.</source>
        <translation>%1 试图%2 %3，但没有任何 VMA 包含该地址，因此 do_user_addr_fault() 转入 bad_area()。内核发送 SIGSEGV（信号 11，SEGV_MAPERR）；其默认动作是终止进程，shell 打印“Segmentation fault”（段错误）。</translation>
    </message>
    <message>
        <source>%1 tries to %2 %3 in the VMA %4–%5, whose protection %6 does not allow it: access_error() sends the fault to bad_area_access_error(). The kernel sends SIGSEGV (signal 11, SEGV_ACCERR); its default action ends the process and the shell prints &quot;Segmentation fault&quot;.</source>
        <translation>%1 试图%2 VMA %4–%5 中的 %3，但该 VMA 的保护属性 %6 不允许这样做：access_error() 把该缺页交给 bad_area_access_error() 处理。内核发送 SIGSEGV（信号 11，SEGV_ACCERR）；其默认动作是终止进程，shell 打印“Segmentation fault”（段错误）。</translation>
    </message>
    <message>
        <source>%1 takes a page fault at %2.</source>
        <translation>%1 在 %2 处发生缺页中断。</translation>
    </message>
    <message>
        <source>0 (empty)</source>
        <translation>0（空）</translation>
    </message>
    <message>
        <source>%1 (not present)</source>
        <translation>%1（不存在）</translation>
    </message>
    <message>
        <source>%1 (frame %2: %3)</source>
        <translation>%1（页框 %2：%3）</translation>
    </message>
    <message>
        <source>page table</source>
        <translation>页表</translation>
    </message>
    <message>
        <source>anonymous page</source>
        <translation>匿名页</translation>
    </message>
    <message>
        <source>page cache</source>
        <translation>页缓存</translation>
    </message>
    <message>
        <source>New process</source>
        <translation>新建进程</translation>
    </message>
    <message>
        <source>Process exit</source>
        <translation>进程退出</translation>
    </message>
    <message>
        <source>Map region</source>
        <translation>映射区域</translation>
    </message>
    <message>
        <source>Unmap region</source>
        <translation>解除映射</translation>
    </message>
    <message>
        <source>Change protection</source>
        <translation>修改保护属性</translation>
    </message>
    <message>
        <source>Move program break</source>
        <translation>移动 program break</translation>
    </message>
    <message>
        <source>malloc / free</source>
        <translation>malloc / free</translation>
    </message>
    <message>
        <source>Set page-table entry</source>
        <translation>设置页表项</translation>
    </message>
    <message>
        <source>Frame use</source>
        <translation>页框用途</translation>
    </message>
    <message>
        <source>Add to page cache</source>
        <translation>加入页缓存</translation>
    </message>
    <message>
        <source>New file</source>
        <translation>新建文件</translation>
    </message>
    <message>
        <source>Write file</source>
        <translation>写文件</translation>
    </message>
    <message>
        <source>Write physical memory</source>
        <translation>写物理内存</translation>
    </message>
    <message>
        <source>TLB lookup</source>
        <translation>TLB 查找</translation>
    </message>
    <message>
        <source>TLB fill</source>
        <translation>TLB 填充</translation>
    </message>
    <message>
        <source>TLB flush</source>
        <translation>TLB 刷新</translation>
    </message>
    <message>
        <source>Page walk step</source>
        <translation>页表遍历步骤</translation>
    </message>
    <message>
        <source>Page fault</source>
        <translation>缺页中断</translation>
    </message>
    <message>
        <source>Copy on write</source>
        <translation>写时复制</translation>
    </message>
    <message>
        <source>Context switch</source>
        <translation>上下文切换</translation>
    </message>
    <message>
        <source>Load CR3</source>
        <translation>加载 CR3</translation>
    </message>
    <message>
        <source>Translation</source>
        <translation>地址转换</translation>
    </message>
    <message>
        <source>fork: PID %1 (%2) is a copy of PID %3, its PGD in frame %4</source>
        <translation>fork：PID %1（%2）是 PID %3 的副本，其 PGD 位于页框 %4</translation>
    </message>
    <message>
        <source>New process PID %1 runs %2, its PGD in frame %3</source>
        <translation>新进程 PID %1 运行 %2，其 PGD 位于页框 %3</translation>
    </message>
    <message>
        <source>PID %1 is killed by SIGSEGV (Segmentation fault)</source>
        <translation>PID %1 被 SIGSEGV 终止（段错误）</translation>
    </message>
    <message>
        <source>PID %1 is killed by SIGKILL</source>
        <translation>PID %1 被 SIGKILL 终止</translation>
    </message>
    <message>
        <source>PID %1 is killed by signal %2</source>
        <translation>PID %1 被信号 %2 终止</translation>
    </message>
    <message>
        <source>PID %1 exits with status %2</source>
        <translation>PID %1 退出，状态码 %2</translation>
    </message>
    <message>
        <source>shared</source>
        <translation>共享</translation>
    </message>
    <message>
        <source>private</source>
        <translation>私有</translation>
    </message>
    <message>
        <source>PID %1 maps %2 (%3, %4) as %5</source>
        <translation>PID %1 映射 %2（%3，%4），作为 %5</translation>
    </message>
    <message>
        <source>PID %1 maps %2 (%3, %4, %5) from page %6 of %7</source>
        <translation>PID %1 从 %7 的第 %6 页起映射 %2（%3，%4，%5）</translation>
    </message>
    <message>
        <source>PID %1 maps %2 (%3, %4, %5) anonymous</source>
        <translation>PID %1 匿名映射 %2（%3，%4，%5）</translation>
    </message>
    <message>
        <source>PID %1 unmaps %2–%3 (%4)</source>
        <translation>PID %1 解除映射 %2–%3（%4）</translation>
    </message>
    <message>
        <source>PID %1 sets %2–%3 (%4) to %5</source>
        <translation>PID %1 将 %2–%3（%4）的保护属性设为 %5</translation>
    </message>
    <message>
        <source>PID %1 moves its program break %2 → %3 (+%4)</source>
        <translation>PID %1 移动 program break：%2 → %3（+%4）</translation>
    </message>
    <message>
        <source>PID %1 moves its program break %2 → %3 (−%4)</source>
        <translation>PID %1 移动 program break：%2 → %3（−%4）</translation>
    </message>
    <message>
        <source>PID %1 free(%2): munmap_chunk() unmaps its %3 mapping</source>
        <translation>PID %1 free(%2)：munmap_chunk() 解除其 %3 的映射</translation>
    </message>
    <message>
        <source>PID %1 malloc: a mapping of its own, %2 at %3, returns %4</source>
        <translation>PID %1 malloc：单独映射 %2，位于 %3，返回 %4</translation>
    </message>
    <message>
        <source>PID %1 free(%2): the chunk of %3 at %4 goes back to the heap</source>
        <translation>PID %1 free(%2)：位于 %4 的 %3 chunk 归还给堆</translation>
    </message>
    <message>
        <source>PID %1 malloc: chunk of %2 at %3 in the heap, returns %4</source>
        <translation>PID %1 malloc：堆中位于 %3 的 %2 chunk，返回 %4</translation>
    </message>
    <message>
        <source>PID %1: %2 entry %3 of table %4: %5 → %6</source>
        <translation>PID %1：页表 %4 的 %2 第 %3 项：%5 → %6</translation>
    </message>
    <message>
        <source>Frame %1 becomes a page table of PID %2</source>
        <translation>页框 %1 成为 PID %2 的页表</translation>
    </message>
    <message>
        <source>Frame %1 becomes an anonymous page of PID %2</source>
        <translation>页框 %1 成为 PID %2 的匿名页</translation>
    </message>
    <message>
        <source>Frame %1 becomes %2</source>
        <translation>页框 %1 用作：%2</translation>
    </message>
    <message>
        <source>Page %1 of %2 is read from disk into frame %3 (page cache)</source>
        <translation>%2 的第 %1 页从磁盘读入页框 %3（页缓存）</translation>
    </message>
    <message>
        <source>New file %1 (%2, inode %3)</source>
        <translation>新建文件 %1（%2，inode %3）</translation>
    </message>
    <message>
        <source>Write %1 at offset %2 of %3</source>
        <translation>在 %3 的偏移 %2 处写入 %1</translation>
    </message>
    <message>
        <source>Write %1 at physical address %2</source>
        <translation>在物理地址 %2 处写入 %1</translation>
    </message>
    <message>
        <source>TLB miss: %1 %2 (set %3)</source>
        <translation>TLB 未命中：%1 %2（组 %3）</translation>
    </message>
    <message>
        <source>TLB hit: %1 %2 (set %3, way %4), then %5 more hits in this page</source>
        <translation>TLB 命中：%1 %2（组 %3，路 %4），之后在该页中又命中 %5 次</translation>
    </message>
    <message>
        <source>TLB hit: %1 %2 (set %3, way %4)</source>
        <translation>TLB 命中：%1 %2（组 %3，路 %4）</translation>
    </message>
    <message>
        <source>TLB fill after the fault: page %1 → frame %2 (set %3, way %4)</source>
        <translation>缺页处理后填充 TLB：页 %1 → 页框 %2（组 %3，路 %4）</translation>
    </message>
    <message>
        <source>TLB fill: page %1 → frame %2 (set %3, way %4)</source>
        <translation>TLB 填充：页 %1 → 页框 %2（组 %3，路 %4）</translation>
    </message>
    <message>
        <source>TLB flush: every entry, global ones too (%1)</source>
        <translation>TLB 刷新：所有表项，包括全局表项（%1）</translation>
    </message>
    <message>
        <source>TLB flush: every non-global entry (%1)</source>
        <translation>TLB 刷新：所有非全局表项（%1）</translation>
    </message>
    <message>
        <source>TLB flush: PCID %1 is reused (%2)</source>
        <translation>TLB 刷新：PCID %1 被重用（%2）</translation>
    </message>
    <message>
        <source>TLB flush: invlpg %1 of PID %2 (%3)</source>
        <translation>TLB 刷新：invlpg PID %2 的 %1（%3）</translation>
    </message>
    <message>
        <source>TLB flush: every entry of PID %1 (%2)</source>
        <translation>TLB 刷新：PID %1 的所有表项（%2）</translation>
    </message>
    <message>
        <source>TLB flush (%1)</source>
        <translation>TLB 刷新（%1）</translation>
    </message>
    <message>
        <source>%1 entry %2 at %3</source>
        <translation>%1 第 %2 项（位于 %3）</translation>
    </message>
    <message>
        <source>Walk: %1 is not present → page fault</source>
        <translation>遍历：%1 不存在 → 缺页异常</translation>
    </message>
    <message>
        <source>Walk: %1 maps frame %2</source>
        <translation>遍历：%1 映射页框 %2</translation>
    </message>
    <message>
        <source>Walk: %1 → next table in frame %2</source>
        <translation>遍历：%1 → 页框 %2 中的下一级页表</translation>
    </message>
    <message>
        <source>PID %1 page fault, read at %2: map the shared zero page</source>
        <translation>PID %1 缺页中断，读 %2：映射共享零页</translation>
    </message>
    <message>
        <source>PID %1 page fault, write at %2: a new anonymous page</source>
        <translation>PID %1 缺页中断，写 %2：分配新的匿名页</translation>
    </message>
    <message>
        <source>PID %1 page fault, write at %2: copy on write</source>
        <translation>PID %1 缺页中断，写 %2：写时复制</translation>
    </message>
    <message>
        <source>PID %1 page fault, write at %2: reuse the page, the only reference</source>
        <translation>PID %1 缺页中断，写 %2：只剩一个引用，复用该页</translation>
    </message>
    <message>
        <source>PID %1 page fault, %2 at %3: file page in the page cache (minor)</source>
        <translation>PID %1 缺页中断，%2 %3：文件页已在页缓存中（软性缺页）</translation>
    </message>
    <message>
        <source>PID %1 page fault, %2 at %3: file page read from disk (major)</source>
        <translation>PID %1 缺页中断，%2 %3：从磁盘读入文件页（硬性缺页）</translation>
    </message>
    <message>
        <source>PID %1 page fault, %2 at %3: not allowed → SIGSEGV</source>
        <translation>PID %1 缺页中断，%2 %3：不允许访问 → SIGSEGV</translation>
    </message>
    <message>
        <source>PID %1 page fault, %2 at %3: out of memory</source>
        <translation>PID %1 缺页中断，%2 %3：内存不足</translation>
    </message>
    <message>
        <source>PID %1 page fault at %2</source>
        <translation>PID %1 在 %2 处缺页中断</translation>
    </message>
    <message>
        <source>PID %1 copy on write at %2: new frame %3 zero-filled (the source is the zero page)</source>
        <translation>PID %1 在 %2 处写时复制：新页框 %3 填零（源页是零页）</translation>
    </message>
    <message>
        <source>PID %1 copy on write at %2: frame %3 → new frame %4</source>
        <translation>PID %1 在 %2 处写时复制：页框 %3 → 新页框 %4</translation>
    </message>
    <message>
        <source>Switch to PID %1: CR3 = frame %2, TLB flushed</source>
        <translation>切换到 PID %1：CR3 = 页框 %2，TLB 已刷新</translation>
    </message>
    <message>
        <source>Switch to PID %1: CR3 = frame %2, new PCID %3 (flushed)</source>
        <translation>切换到 PID %1：CR3 = 页框 %2，新 PCID %3（已刷新）</translation>
    </message>
    <message>
        <source>Switch to PID %1: CR3 = frame %2, PCID %3 kept (no flush)</source>
        <translation>切换到 PID %1：CR3 = 页框 %2，保留 PCID %3（不刷新）</translation>
    </message>
    <message>
        <source>CR3 = frame %1</source>
        <translation>CR3 = 页框 %1</translation>
    </message>
    <message>
        <source>CR3 = frame %1 (was %2)</source>
        <translation>CR3 = 页框 %1（原为 %2）</translation>
    </message>
    <message>
        <source>Translate %1 → physical %2</source>
        <translation>转换 %1 → 物理地址 %2</translation>
    </message>
    <message>
        <source>Translate %1: not mapped, the %2 entry is not present</source>
        <translation>转换 %1：未映射，%2 表项不存在</translation>
    </message>
    <message>
        <source>Translate %1: no walk (no page table, or not a canonical address)</source>
        <translation>转换 %1：未进行页表遍历（没有页表，或不是规范地址）</translation>
    </message>
    <message>
        <source>fork() creates PID %1 as a copy of %2: copy_process() duplicates the task and dup_mm() its address space, %3 VMAs, with a new PGD in frame %4. copy_page_range() then gives the child page tables that map the parent&apos;s private pages, write-protected in both processes, so the first write by either side takes a copy-on-write fault. Shared mappings are not copied: the child faults them in again.</source>
        <translation>fork() 创建 PID %1，作为 %2 的副本：copy_process() 复制任务，dup_mm() 复制其地址空间（%3 个 VMA），新的 PGD 位于页框 %4。随后 copy_page_range() 为子进程建立页表，映射父进程的私有页，并在父子两个进程中都设置写保护，因此任何一方第一次写入时都会触发写时复制缺页。共享映射的页表项不复制：子进程会通过缺页中断重新建立映射。</translation>
    </message>
    <message>
        <source>The shell forks and the child calls execve() for %1: load_elf_binary() gives PID %2 a new, empty address space whose top-level table (PGD) is frame %3. Next the program, ld.so and the shared libraries, [vvar], [vdso] and the stack are mapped, and start-up code touches its first pages. Simplification: memviz creates the process directly, without the shell&apos;s fork, and its page tables have no kernel half.</source>
        <translation>shell 执行 fork，子进程对 %1 调用 execve()：load_elf_binary() 为 PID %2 建立一个全新的空地址空间，其顶级页表（PGD）位于页框 %3。接着映射程序本身、ld.so 与共享库、[vvar]、[vdso] 以及栈，启动代码随后访问最初的几页。简化：memviz 直接创建进程，不经过 shell 的 fork，且其页表没有内核部分。</translation>
    </message>
    <message>
        <source>%1 made an access no VMA allows (the page fault before), so the kernel sent it SIGSEGV (signal 11); its default action ends the process and the shell prints &quot;Segmentation fault&quot;.</source>
        <translation>%1 进行了任何 VMA 都不允许的访问（见前面的缺页中断），因此内核向它发送 SIGSEGV（信号 11）；其默认动作是终止进程，shell 打印“Segmentation fault”（段错误）。</translation>
    </message>
    <message>
        <source>%1 is killed by signal %2.</source>
        <translation>%1 被信号 %2 终止。</translation>
    </message>
    <message>
        <source>%1 calls exit(%2).</source>
        <translation>%1 调用 exit(%2)。</translation>
    </message>
    <message>
        <source>mmap_region() in mm/mmap.c adds a VMA for %1–%2 (%3, %4) to the address space of %5.</source>
        <translation>mm/mmap.c 中的 mmap_region() 在 %5 的地址空间中为 %1–%2（%3，%4）添加一个虚拟内存区域（VMA）。</translation>
    </message>
    <message>
        <source>%1 is the kernel&apos;s page for system calls that need no kernel entry (gettimeofday(), clock_gettime()). memviz counts it in VSZ but never faults it in.</source>
        <translation>%1 是内核提供的页，用于无需陷入内核的系统调用（gettimeofday()、clock_gettime()）。memviz 把它计入 VSZ，但从不通过缺页中断调入它。</translation>
    </message>
    <message>
        <source>It is the process&apos;s stack, [stack] (VM_GROWSDOWN), set up by execve(); argv and the environment sit at its top.</source>
        <translation>这是进程的栈 [stack]（VM_GROWSDOWN），由 execve() 建立；argv 和环境变量位于其顶端。</translation>
    </message>
    <message>
        <source>It is a shared mapping of %1 from file page %2: reads and writes go to the page-cache pages themselves, so every process mapping the file and the file itself see the writes.</source>
        <translation>这是 %1 从文件第 %2 页开始的共享映射：读写直接作用于页缓存中的页，因此所有映射该文件的进程以及文件本身都能看到写入的内容。</translation>
    </message>
    <message>
        <source>It is a private mapping of %1 from file page %2: reads come from the page cache, and the first write to a page copies it (copy on write), so the file never changes.</source>
        <translation>这是 %1 从文件第 %2 页开始的私有映射：读取来自页缓存，对某页的第一次写入会复制该页（写时复制），因此文件本身永远不会改变。</translation>
    </message>
    <message>
        <source>It is a shared anonymous mapping: its pages read as zeros until written.</source>
        <translation>这是共享匿名映射：在写入之前，读取其中的页都得到零。</translation>
    </message>
    <message>
        <source>It is a private anonymous mapping: a read of an untouched page maps the shared zero page, the first write gets a zeroed frame of its own.</source>
        <translation>这是私有匿名映射：读取未访问过的页时映射共享零页，第一次写入时获得一个独立的、已清零的页框。</translation>
    </message>
    <message>
        <source>It joins an adjacent VMA of the same kind (vma_merge()), which now spans %1–%2.</source>
        <translation>它与相邻的同类 VMA 合并（vma_merge()），合并后的 VMA 覆盖 %1–%2。</translation>
    </message>
    <message>
        <source>No frame is allocated and no page-table entry written: pages arrive on first access (demand paging), so VSZ grows by %1 while RSS does not.</source>
        <translation>此时既不分配页框，也不写页表项：页在首次访问时才分配（请求分页），因此 VSZ 增加 %1，而 RSS 不变。</translation>
    </message>
    <message>
        <source>do_vmi_munmap() removes %1–%2 (%3) from the address space of %4, splitting VMAs that straddle the edges. Before this, zap_pte_range() cleared the range&apos;s page-table entries, flushed them from the TLB and freed the anonymous pages no one else maps; free_pgtables() then frees page tables no VMA needs any more. The process now has %5 VMAs and an RSS of %6.</source>
        <translation>do_vmi_munmap() 从 %4 的地址空间中移除 %1–%2（%3），并拆分跨越边界的 VMA。在此之前，zap_pte_range() 清除了该范围内的页表项，将它们从 TLB 中刷新，并释放了没有其他进程映射的匿名页；随后 free_pgtables() 释放不再被任何 VMA 需要的页表。该进程现有 %5 个 VMA，RSS 为 %6。</translation>
    </message>
    <message>
        <source>mprotect() (mprotect_fixup() in mm/mprotect.c) gives %1–%2 (%3) of %4 the protection %5, splitting VMAs at the edges when needed. change_protection() rewrites the present page-table entries of the range at once: they lose RW when writing is no longer allowed and get NX when executing is not, and the process&apos;s TLB entries are flushed. Pages not present yet get the new rights when they fault in; an access the new protection forbids ends in SIGSEGV.</source>
        <translation>mprotect()（mm/mprotect.c 中的 mprotect_fixup()）把 %4 的 %1–%2（%3）的保护属性设为 %5，必要时在边界处拆分 VMA。change_protection() 立即改写该范围内已存在的页表项：不再允许写时清除 RW 位，不再允许执行时设置 NX 位，并刷新该进程的 TLB 表项。尚未调入的页在缺页调入时获得新权限；新保护属性所禁止的访问将以 SIGSEGV 告终。</translation>
    </message>
    <message>
        <source>The program break of %1 moves down from %2 to %3 (%4 less). glibc&apos;s free() does this through systrim() once the top chunk has grown past M_TRIM_THRESHOLD (128 KiB), keeping M_TOP_PAD; the kernel&apos;s brk() unmaps the pages above the new break and the [heap] VMA shrinks.</source>
        <translation>%1 的 program break 从 %2 下移到 %3（减少 %4）。当 top chunk 增长到超过 M_TRIM_THRESHOLD（128 KiB）时，glibc 的 free() 通过 systrim() 完成这一操作，并保留 M_TOP_PAD；内核的 brk() 解除新 break 以上各页的映射，[heap] VMA 随之缩小。</translation>
    </message>
    <message>
        <source>The [heap] VMA now spans %1 from %2.</source>
        <translation>[heap] VMA 现在从 %2 开始，大小为 %1。</translation>
    </message>
    <message>
        <source>The brk() system call moves the program break of %1 from %2 to %3 (%4 more).</source>
        <translation>brk() 系统调用把 %1 的 program break 从 %2 移到 %3（增加 %4）。</translation>
    </message>
    <message>
        <source>glibc&apos;s malloc grows the heap this way when its top chunk is too small: by the request plus M_TOP_PAD (128 KiB), rounded up to a page, so the next small mallocs need no system call. No frame is allocated yet: the new heap pages fault in when first written.</source>
        <translation>top chunk 不够大时，glibc 的 malloc 就这样扩展堆：扩展量为请求大小加上 M_TOP_PAD（128 KiB），并按页向上取整，这样后续的小块 malloc 就无需再进行系统调用。此时尚未分配页框：新的堆页在首次写入时才通过缺页中断调入。</translation>
    </message>
    <message>
        <source>The buddy allocator handed out frame %1, zeroed, and it becomes a page table of PID %2 (pgd_alloc() for the top level, __pte_alloc() / __pmd_alloc() / __pud_alloc() below it). Page tables are counted in /proc/meminfo PageTables, now %3 kB, and in the process&apos;s VmPTE.</source>
        <translation>伙伴分配器分配出页框 %1，清零后用作 PID %2 的页表（顶级页表由 pgd_alloc() 分配，其下各级由 __pte_alloc() / __pmd_alloc() / __pud_alloc() 分配）。页表计入 /proc/meminfo 的 PageTables（现为 %3 kB）以及该进程的 VmPTE。</translation>
    </message>
    <message>
        <source>The buddy allocator handed out frame %1; it is zeroed and becomes an anonymous page of PID %2 (folio_add_new_anon_rmap() in do_anonymous_page() or wp_page_copy()). It counts in /proc/meminfo AnonPages, now %3 kB, and once mapped in the process&apos;s RssAnon.</source>
        <translation>伙伴分配器分配出页框 %1，清零后成为 PID %2 的匿名页（由 do_anonymous_page() 或 wp_page_copy() 中的 folio_add_new_anon_rmap() 完成）。它计入 /proc/meminfo 的 AnonPages（现为 %3 kB），映射后还计入该进程的 RssAnon。</translation>
    </message>
    <message>
        <source>Frame %1 is now used as %2 on behalf of PID %3. Its use decides what freeing it later updates.</source>
        <translation>页框 %1 现在为 PID %3 所用，用途：%2。它的用途决定了日后释放它时要更新哪些统计。</translation>
    </message>
    <message>
        <source>Page %1 of %2 (file offset %3) is read from disk into frame %4 and added to the file&apos;s page cache (filemap_add_folio()); /proc/meminfo Cached is now %5 kB. filemap_fault() does this when a mapped file page is not cached, which makes the fault a major one. When a program starts, memviz loads its file and the libraries&apos; pages this way up front, as if they had been read since boot.</source>
        <translation>%2 的第 %1 页（文件偏移 %3）从磁盘读入页框 %4，并加入该文件的页缓存（filemap_add_folio()）；/proc/meminfo 的 Cached 现为 %5 kB。当被映射的文件页不在缓存中时，filemap_fault() 就会这样做，这使该次缺页成为硬性缺页。程序启动时，memviz 预先用这种方式载入程序文件和各个库的页，就像它们自开机以来早已被读入一样。</translation>
    </message>
    <message>
        <source>The program file %1 (%2, inode %3) exists on the disk memviz simulates; execve() needs it. memviz assumes its pages have been read since boot and puts them in the page cache right away, so starting a program costs no disk reads (no major faults).</source>
        <translation>程序文件 %1（%2，inode %3）位于 memviz 模拟的磁盘上，execve() 需要用到它。memviz 假定它的页自开机以来已被读过，直接将其放入页缓存，因此启动程序不需要读磁盘（没有硬性缺页）。</translation>
    </message>
    <message>
        <source>The script creates %1 on memviz&apos;s simulated disk: %2, inode %3. None of its pages is in the page cache yet, so the first access through mmap() costs a major fault (a disk read).</source>
        <translation>脚本在 memviz 模拟的磁盘上创建 %1：%2，inode %3。它的页都还不在页缓存中，因此通过 mmap() 的首次访问会引发一次硬性缺页（读磁盘）。</translation>
    </message>
    <message>
        <source>%1 byte(s), %2, are written at offset %3 of %4 on the simulated disk: this is how a script gives a new file its contents. A later fault copies them into the page cache, which then holds the newest bytes of that page.</source>
        <translation>%1 个字节（%2）被写入模拟磁盘上 %4 的偏移 %3 处：脚本就是这样为新文件写入内容的。之后的缺页中断会把它们复制到页缓存中，页缓存随后保存该页最新的字节。</translation>
    </message>
    <message>
        <source>The store of %1 reaches physical memory: the MMU translated the virtual address to physical address %2 (frame %3, offset %4) and the %5 byte(s) %6 land there. Which frame that is depends on the mapping: after a copy-on-write fault it is the process&apos;s own copy.</source>
        <translation>%1 的写操作到达物理内存：MMU 已把虚拟地址转换为物理地址 %2（页框 %3，偏移 %4），%5 个字节 %6 写入该处。具体是哪个页框取决于映射：发生写时复制缺页之后，就是该进程自己的副本。</translation>
    </message>
    <message>
        <source>The script stores %1 byte(s), %2, directly at physical address %3 (frame %4, offset %5), as a textbook exercise sets up memory by hand, for example page tables to walk. Nothing checks what the frame is used for.</source>
        <translation>脚本把 %1 个字节（%2）直接写入物理地址 %3（页框 %4，偏移 %5），就像教材习题中手工布置内存那样，例如构造供遍历的页表。不会检查该页框的用途。</translation>
    </message>
    <message>
        <source>The CPU looks up virtual page %1 (page number %2) in the TLB: set %3 = %2 mod %4 sets, and none of its ways holds this page for the current process. So the MMU walks the page tables from CR3 (frame %5), reading one entry per level, %6 levels.</source>
        <translation>CPU 在 TLB 中查找虚拟页 %1（页号 %2）：组号 %3 = %2 mod %4（组数），该组的所有路中都没有当前进程这一页的表项。于是 MMU 从 CR3（页框 %5）开始遍历页表，每级读取一个表项，共 %6 级。</translation>
    </message>
    <message>
        <source>The CPU looks up virtual page %1 (page number %2) in the TLB: set %3 = %2 mod %4 sets, and way %5 holds a valid translation for this process. So the physical address is known at once, without the %6 memory reads of a page walk.</source>
        <translation>CPU 在 TLB 中查找虚拟页 %1（页号 %2）：组号 %3 = %2 mod %4（组数），第 %5 路中有该进程的有效转换。因此立即得到物理地址，省去了页表遍历所需的 %6 次内存读取。</translation>
    </message>
    <message>
        <source>But the entry does not allow writing, so the CPU raises a page fault (error code: present, write) without walking the tables.</source>
        <translation>但该表项不允许写，因此 CPU 不遍历页表，直接触发缺页异常（错误码：页存在，写访问）。</translation>
    </message>
    <message>
        <source>The next %1 accesses to the same page hit the same entry; memviz counts them in this one step.</source>
        <translation>之后对同一页的 %1 次访问都命中同一表项；memviz 把它们合并计入这一步。</translation>
    </message>
    <message>
        <source>reads and writes</source>
        <translation>读写</translation>
    </message>
    <message>
        <source>reads only</source>
        <translation>只读</translation>
    </message>
    <message>
        <source>The translation of page %1 to frame %2 is loaded into way %3 of TLB set %4 (%5 sets × %6 ways, %7 replacement), tagged with PCID %8; it allows %9.</source>
        <translation>页 %1 → 页框 %2 的转换被装入 TLB 第 %4 组的第 %3 路（%5 组 × %6 路，替换策略：%7），标记为 PCID %8；访问权限：%9。</translation>
    </message>
    <message>
        <source>This is the access retried after the fault handler fixed the entry. Simplification: the CPU would walk the page tables again; memviz loads the TLB straight from the fixed entry.</source>
        <translation>这是缺页处理程序修复表项后重新执行的访问。简化：真实 CPU 会重新遍历页表；memviz 直接用修复后的表项填充 TLB。</translation>
    </message>
    <message>
        <source>The walk found a valid entry; later accesses to this page hit here until the entry is evicted or flushed.</source>
        <translation>页表遍历找到了有效表项；在该表项被替换出去或被刷新之前，之后对这一页的访问都会在此命中。</translation>
    </message>
    <message>
        <source>Every TLB entry is invalidated, the global kernel entries too (as when CR4.PGE is toggled): %1 valid translations are gone. Every page touched next costs a miss and a page walk.</source>
        <translation>所有 TLB 表项都失效了，包括内核的全局表项（如同切换 CR4.PGE 时）：%1 个有效转换全部丢失。接下来访问的每一页都要付出一次未命中和一次页表遍历的代价。</translation>
    </message>
    <message>
        <source>Without PCID, writing CR3 invalidates every TLB entry that is not global: %1 of the previous process are gone, while the kernel&apos;s global entries (_PAGE_GLOBAL) survive. The new process starts with a cold TLB: each page it touches costs a miss and a walk.</source>
        <translation>没有 PCID 时，写 CR3 会使所有非全局的 TLB 表项失效：上一个进程的 %1 全部丢失，而内核的全局表项（_PAGE_GLOBAL）得以保留。新进程从冷 TLB 开始运行：它访问的每一页都要付出一次未命中和一次页表遍历的代价。</translation>
    </message>
    <message>
        <source>switch_mm_irqs_off() found no ASID slot for PID %1 on this CPU, so choose_new_asid() takes the next one round-robin (TLB_NR_DYN_ASIDS = 6 slots): PCID %2. CR3 is written without CR3_NOFLUSH, but no entry tagged with PCID %2 was left, so nothing is lost.</source>
        <translation>switch_mm_irqs_off() 在该 CPU 上没有找到 PID %1 的 ASID 槽位，因此 choose_new_asid() 轮转选取下一个槽位（TLB_NR_DYN_ASIDS = 6 个槽位）：PCID %2。写 CR3 时未设置 CR3_NOFLUSH，但已没有标记为 PCID %2 的表项，因此不会丢失任何转换。</translation>
    </message>
    <message>
        <source>switch_mm_irqs_off() found no ASID slot for PID %1 on this CPU, so choose_new_asid() takes the next one round-robin (TLB_NR_DYN_ASIDS = 6 slots): PCID %2, last used by another mm. CR3 is written without CR3_NOFLUSH and the %3 tagged with PCID %2 are flushed; entries of the other PCIDs stay.</source>
        <translation>switch_mm_irqs_off() 在该 CPU 上没有找到 PID %1 的 ASID 槽位，因此 choose_new_asid() 轮转选取下一个槽位（TLB_NR_DYN_ASIDS = 6 个槽位）：PCID %2，它上次由另一个 mm 使用。写 CR3 时未设置 CR3_NOFLUSH，标记为 PCID %2 的 %3 被刷新；其他 PCID 的表项保留。</translation>
    </message>
    <message>
        <source>The page-table entry for %1 of %2 changed (write-protected, copied on write or unmapped), so its old translation must not be used again: invlpg invalidates just that page (flush_tlb_page(); range flushes do this for up to tlb_single_page_flush_ceiling = 33 pages). It dropped %3.</source>
        <translation>%2 中 %1 的页表项已改变（被写保护、写时复制或解除映射），因此其旧的转换不能再使用：invlpg 只使这一页失效（flush_tlb_page()；范围刷新在不超过 tlb_single_page_flush_ceiling = 33 页时也逐页这样做）。共丢弃 %3。</translation>
    </message>
    <message>
        <source>flush_tlb_mm() invalidates every TLB entry of %1: %2. The kernel does this after fork() write-protected the parent&apos;s pages, after mprotect(), and when more than 33 pages are unmapped at once. The next access to each page misses and walks the tables again.</source>
        <translation>flush_tlb_mm() 使 %1 的所有 TLB 表项失效：%2。内核在 fork() 对父进程的页设置写保护之后、mprotect() 之后，以及一次解除映射超过 33 页时这样做。之后对每一页的访问都会未命中，并重新遍历页表。</translation>
    </message>
    <message>
        <source>TLB entries are invalidated: %1. The next access to those pages misses and walks the tables.</source>
        <translation>TLB 表项已失效：%1。之后对这些页的访问会未命中，并遍历页表。</translation>
    </message>
    <message>
        <source>Level %1 of %2, the %3 table in frame %4: the MMU takes index %5 from bits %6–%7 of the virtual address and reads the %8-byte entry at physical address %9.</source>
        <translation>第 %1 级（共 %2 级），页框 %4 中的 %3 表：MMU 从虚拟地址的第 %6–%7 位取出索引 %5，读取物理地址 %9 处的 %8 字节表项。</translation>
    </message>
    <message>
        <source>The entry, %1, is not present: the walk stops at the %2 level. A real access raises a page fault (#PF) here for the kernel&apos;s handler to decide; a translation only reports it.</source>
        <translation>表项 %1 不存在：页表遍历停在 %2 级。真实的访问会在此触发缺页异常（#PF），交由内核的处理程序决定如何处理；地址转换命令只报告这一结果。</translation>
    </message>
    <message>
        <source>The entry, %1, is present and maps the page itself: the physical address is frame %2 plus the offset within the page.</source>
        <translation>表项 %1 存在，并直接映射该页：物理地址 = 页框 %2 + 页内偏移。</translation>
    </message>
    <message>
        <source>The entry, %1, is present and points to the next-level table in frame %2; each %3 entry covers %4.</source>
        <translation>表项 %1 存在，指向页框 %2 中的下一级页表；每个 %3 表项覆盖 %4。</translation>
    </message>
    <message>
        <source>The page at %1 of %2 mapped the shared zero page (frame %3), so wp_page_copy() does not copy it: it clears the new frame %4 instead (zero-fill). The process gets a zeroed page of its own, mapped writable, and RssAnon grows by one page.</source>
        <translation>%2 在 %1 处的页原本映射共享零页（页框 %3），因此 wp_page_copy() 不复制它，而是把新页框 %4 清零（填零）。该进程获得一个独立的已清零页，以可写方式映射，RssAnon 增加一页。</translation>
    </message>
    <message>
        <source>do_cow_fault() copies page %1 of %2, the page-cache page in frame %3, into the new anonymous frame %4 (copy_user_highpage()) for %5 at %6. The private mapping gets frame %4, writable and dirty; the page cache and the file keep the original.</source>
        <translation>do_cow_fault() 为 %5 在 %6 处的访问，把 %2 的第 %1 页（页缓存中的页，位于页框 %3）复制到新的匿名页框 %4（copy_user_highpage()）。私有映射获得页框 %4，可写且为脏；页缓存和文件保留原始内容。</translation>
    </message>
    <message>
        <source>do_wp_page() → wp_page_copy() copies the %1 page in frame %2 into the new frame %3 (copy_user_highpage()) for %4 at %5. This process&apos;s entry will point at frame %3, writable and dirty; the other users of frame %2 keep the original.</source>
        <translation>do_wp_page() → wp_page_copy() 为 %4 在 %5 处的访问，把页框 %2 中的 %1 页面复制到新页框 %3（copy_user_highpage()）。该进程的表项将指向页框 %3，可写且为脏；页框 %2 的其他使用者保留原页。</translation>
    </message>
    <message>
        <source>the kernel</source>
        <translation>内核</translation>
    </message>
    <message>
        <source>The scheduler of memviz&apos;s single CPU switches from %1 to %2: switch_mm_irqs_off() writes CR3 with frame %3, the new process&apos;s top-level table (%4).</source>
        <translation>memviz 唯一的 CPU 上，调度器从 %1 切换到 %2：switch_mm_irqs_off() 把页框 %3（新进程的顶级页表 %4）写入 CR3。</translation>
    </message>
    <message>
        <source>Without PCID every CR3 write flushes all non-global TLB entries: the new process starts with a cold TLB, and only the kernel&apos;s global entries survive.</source>
        <translation>没有 PCID 时，每次写 CR3 都会刷新所有非全局 TLB 表项：新进程从冷 TLB 开始运行，只有内核的全局表项得以保留。</translation>
    </message>
    <message>
        <source>This mm has no ASID slot on the CPU, so choose_new_asid() takes slot %1 round-robin (TLB_NR_DYN_ASIDS = 6) and CR3 gets PCID %2 without CR3_NOFLUSH: the old entries tagged with PCID %2 are flushed, those of the other PCIDs survive.</source>
        <translation>该 mm 在此 CPU 上没有 ASID 槽位，因此 choose_new_asid() 轮转选取槽位 %1（TLB_NR_DYN_ASIDS = 6），CR3 获得 PCID %2，且不设置 CR3_NOFLUSH：标记为 PCID %2 的旧表项被刷新，其他 PCID 的表项保留。</translation>
    </message>
    <message>
        <source>This mm still owns ASID slot %1, so CR3 gets PCID %2 with CR3_NOFLUSH (bit 63) set: the TLB entries it left behind are still valid and are used again, no flush.</source>
        <translation>该 mm 仍拥有 ASID 槽位 %1，因此 CR3 获得 PCID %2 并设置 CR3_NOFLUSH（第 63 位）：它之前留下的 TLB 表项仍然有效，可以继续使用，无需刷新。</translation>
    </message>
    <message>
        <source>The script loads CR3 with frame %1 (physical address %2): a translation without a process now walks the tables whose top level (%3) is in that frame. On x86 CR3 holds the physical address of the top-level table; the kernel writes it on every switch between processes (switch_mm_irqs_off()).</source>
        <translation>脚本将页框 %1（物理地址 %2）装入 CR3：此后不属于任何进程的地址转换，将从该页框中的顶级页表（%3）开始遍历。在 x86 上，CR3 保存顶级页表的物理地址；内核在每次进程切换时写入它（switch_mm_irqs_off()）。</translation>
    </message>
    <message>
        <source>The walk from the top-level table in frame %1 ends at a present leaf entry: virtual address %2 is physical address %3 (frame %4, offset %5). This walk only reads the tables, as a textbook exercise does: it sets no Accessed bit, fills no TLB entry and never faults.</source>
        <translation>从页框 %1 中的顶级页表开始的遍历，终止于一个存在的末级表项：虚拟地址 %2 对应物理地址 %3（页框 %4，偏移 %5）。这次遍历像教材习题一样只读取页表：不设置 Accessed 位，不填充 TLB 表项，也不会触发缺页异常。</translation>
    </message>
    <message>
        <source>The walk for %1 stops at the %2 level: that entry is not present, so the address has no physical address now. A real access would raise a page fault here and the kernel would decide (demand paging, copy on write or SIGSEGV); this translation only reports it.</source>
        <translation>%1 的页表遍历停在 %2 级：该表项不存在，因此这个地址目前没有对应的物理地址。真实的访问会在此触发缺页异常，由内核决定如何处理（请求分页、写时复制或 SIGSEGV）；这次地址转换只报告这一结果。</translation>
    </message>
    <message>
        <source>No walk happens for %1: there is no page table to start from, or the address is not canonical (on x86-64 the bits above the virtual-address width must repeat its top bit). A real access would fault at once.</source>
        <translation>%1 没有进行页表遍历：没有可作为起点的页表，或者该地址不是规范地址（在 x86-64 上，虚拟地址宽度以上的各位必须与该宽度内的最高位相同）。真实的访问会立即触发异常。</translation>
    </message>
    <message>
        <source>Tunable changed</source>
        <translation>内核参数已修改</translation>
    </message>
    <message>
        <source>Commit refused</source>
        <translation>提交被拒绝</translation>
    </message>
    <message>
        <source>%1 = %2 (was %3)</source>
        <translation>%1 = %2（原为 %3）</translation>
    </message>
    <message>
        <source>PID %1 may not commit %2 more: ENOMEM (overcommit_memory = %3)</source>
        <translation>PID %1 不能再提交 %2：ENOMEM（overcommit_memory = %3）</translation>
    </message>
    <message>
        <source>vm.overcommit_memory is now %1 (was %2). 0: guess — only a single request larger than RAM plus swap fails; 1: always — every request succeeds; 2: never — requests fail with ENOMEM once Committed_AS would reach CommitLimit (%3) minus the admin and user reserves (__vm_enough_memory() in mm/util.c).</source>
        <translation>vm.overcommit_memory 现在为 %1（原为 %2）。0：启发式——只有单次请求大于物理内存加交换空间时才失败；1：总是——所有请求都成功；2：从不——一旦 Committed_AS 将达到 CommitLimit（%3）减去管理员和用户预留，请求就以 ENOMEM 失败（mm/util.c 中的 __vm_enough_memory()）。</translation>
    </message>
    <message>
        <source>%1 is now %2 (was %3): CommitLimit = RAM × overcommit_ratio / 100 + swap, or overcommit_kbytes + swap when that is set, is now %4 (vm_commit_limit()). Setting one of the two clears the other.</source>
        <translation>%1 现在为 %2（原为 %3）：CommitLimit = 物理内存 × overcommit_ratio / 100 + 交换空间（若设置了 overcommit_kbytes，则为 overcommit_kbytes + 交换空间），现为 %4（vm_commit_limit()）。设置其中一个会清除另一个。</translation>
    </message>
    <message>
        <source>%1 is now %2 (was %3). Where it matters the kernel recomputes at once: the watermarks of every zone follow min_free_kbytes, watermark_scale_factor and the THP setting (setup_per_zone_wmarks()).</source>
        <translation>%1 现在为 %2（原为 %3）。相关的值内核会立即重新计算：每个内存域的水位线随 min_free_kbytes、watermark_scale_factor 和透明大页设置而变（setup_per_zone_wmarks()）。</translation>
    </message>
    <message>
        <source>__vm_enough_memory() refuses PID %1 %2 more of committed memory: Committed_AS is %3 and the limit under vm.overcommit_memory = %4 is %5. The mmap(), brk() or fork() fails with ENOMEM now — malloc() returns NULL — instead of the OOM killer choosing a victim later.</source>
        <translation>__vm_enough_memory() 拒绝 PID %1 再提交 %2 内存：Committed_AS 为 %3，在 vm.overcommit_memory = %4 下的上限为 %5。mmap()、brk() 或 fork() 现在就以 ENOMEM 失败——malloc() 返回 NULL——而不是以后由 OOM killer 选出牺牲者。</translation>
    </message>
    <message>
        <source>no LRU list</source>
        <translation>无 LRU 链表</translation>
    </message>
    <message>
        <source>swap area %1</source>
        <translation>交换区 %1</translation>
    </message>
    <message>
        <source>slot %1 of %2</source>
        <translation>%2 的槽位 %1</translation>
    </message>
    <message>
        <source>%1 of %2 slots</source>
        <translation>%1/%2 个槽位</translation>
    </message>
    <message>
        <source>Page %1 joins the %2 list</source>
        <translation>页 %1 加入 %2 链表</translation>
    </message>
    <message>
        <source>Page %1 leaves the %2 list</source>
        <translation>页 %1 离开 %2 链表</translation>
    </message>
    <message>
        <source>Page %1 stays on %2 with PG_referenced set: a second chance</source>
        <translation>页 %1 留在 %2 上并设置 PG_referenced：第二次机会</translation>
    </message>
    <message>
        <source>Page %1 rotates to the head of %2</source>
        <translation>页 %1 轮转到 %2 的头部</translation>
    </message>
    <message>
        <source>Page %1 is activated: %2 → %3</source>
        <translation>页 %1 被激活：%2 → %3</translation>
    </message>
    <message>
        <source>Page %1 is deactivated: %2 → %3</source>
        <translation>页 %1 被降级：%2 → %3</translation>
    </message>
    <message>
        <source>folio_add_lru() (mm/swap.c) puts the new page in frame %1 at the head of %2, now %3: new anonymous and page-cache pages start on the inactive list of their type and must be used again to be promoted. Reclaim takes pages from the other end, the tail.</source>
        <translation>folio_add_lru()（mm/swap.c）把页框 %1 中的新页放到 %2 的头部，该链表现有 %3：新的匿名页和页缓存页都从各自类型的不活跃链表开始，必须再次被使用才能晋升。回收从另一端即尾部取页。</translation>
    </message>
    <message>
        <source>The page in frame %1 leaves %2 (now %3): it is isolated for reclaim or freed, and no LRU list holds it any more.</source>
        <translation>页框 %1 中的页离开 %2（现有 %3）：它被隔离以供回收或已被释放，不再位于任何 LRU 链表上。</translation>
    </message>
    <message>
        <source>shrink_active_list() (mm/vmscan.c) finds the executable file page in frame %1 referenced and rotates it back to the head of %2: program code in use stays in memory. Every other page it scans moves to the inactive list.</source>
        <translation>shrink_active_list()（mm/vmscan.c）发现页框 %1 中的可执行文件页被访问过，把它轮转回 %2 的头部：正在使用的程序代码留在内存中。它扫描到的其他页都会移到不活跃链表。</translation>
    </message>
    <message>
        <source>folio_check_references() (mm/vmscan.c), called by shrink_folio_list() while shrink_inactive_list() scans %1, finds the Accessed bit set in a page-table entry of the page in frame %2 but PG_referenced still clear: its first use since it was last looked at. It sets PG_referenced and keeps the page, moving it to the head of %1 (FOLIOREF_KEEP): a second chance. Used again before reclaim comes back and it is activated, otherwise it is reclaimed.</source>
        <translation>shrink_inactive_list() 扫描 %1 时，shrink_folio_list() 调用 folio_check_references()（mm/vmscan.c），后者发现页框 %2 中的页在某个页表项中设置了访问位（Accessed），但 PG_referenced 仍未设置：这是它自上次检查以来第一次被使用。于是设置 PG_referenced 并保留该页，把它移到 %1 的头部（FOLIOREF_KEEP）：第二次机会。如果在回收再次扫到它之前又被使用，它就会被激活，否则就会被回收。</translation>
    </message>
    <message>
        <source>The page in frame %1 is in use right now (the fault being handled holds it), so reclaim puts it back at the head of %2 instead of freeing it.</source>
        <translation>页框 %1 中的页此刻正在使用（正在处理的缺页持有它），因此回收把它放回 %2 的头部，而不是释放它。</translation>
    </message>
    <message>
        <source>folio_check_references() (mm/vmscan.c) finds the page in frame %1 referenced again: PG_referenced was already set from an earlier scan, or several page-table entries have the Accessed bit, or it is executable code (a page that cannot get a swap slot is activated too). So it is activated: it leaves %2 for the head of %3, now %4. folio_activate() does the same for a file page read twice (folio_mark_accessed()).</source>
        <translation>folio_check_references()（mm/vmscan.c）发现页框 %1 中的页再次被访问：PG_referenced 已在之前的扫描中设置，或者有多个页表项设置了访问位，或者它是可执行代码（无法获得交换槽位的页也会被激活）。因此它被激活：离开 %2，移到 %3 的头部，该链表现有 %4。对于被读取两次的文件页，folio_activate() 也会这样做（folio_mark_accessed()）。</translation>
    </message>
    <message>
        <source>shrink_active_list() (mm/vmscan.c) takes the page in frame %1 from the tail of %2 because the inactive list is too short (inactive_is_low()) and moves it to the head of %3, now %4, clearing PG_active and setting PG_workingset. Unless it is used again it will be reclaimed from there.</source>
        <translation>由于不活跃链表太短（inactive_is_low()），shrink_active_list()（mm/vmscan.c）从 %2 的尾部取下页框 %1 中的页，移到 %3 的头部（该链表现有 %4），清除 PG_active 并设置 PG_workingset。除非再次被使用，否则它将从那里被回收。</translation>
    </message>
    <message>
        <source>PID %1&apos;s allocation found no free page even at the min watermark, so the task reclaims itself (direct reclaim: try_to_free_pages() → shrink_node()) and stalls meanwhile.</source>
        <translation>PID %1 的分配即使按 min 水位线也找不到空闲页，因此该任务自己进行回收（直接回收：try_to_free_pages() → shrink_node()），期间处于停顿状态。</translation>
    </message>
    <message>
        <source>kswapd0 reclaims in the background (balance_pgdat() → shrink_node()).</source>
        <translation>kswapd0 在后台回收（balance_pgdat() → shrink_node()）。</translation>
    </message>
    <message>
        <source>At priority %1 shrink_active_list() (mm/vmscan.c) moves %2 from the tail of %3 to %4, which was too short (inactive_is_low()); /proc/vmstat counts them in pgrefill. No page is freed here: they get their last chance on the inactive list, which now holds %5.</source>
        <translation>在优先级 %1 下，shrink_active_list()（mm/vmscan.c）把 %2 从 %3 的尾部移到 %4，因为后者太短（inactive_is_low()）；/proc/vmstat 把它们计入 pgrefill。这里不释放任何页：它们在不活跃链表上得到最后一次机会，该链表现有 %5。</translation>
    </message>
    <message>
        <source>Clean page-cache pages are simply dropped; dirty ones are written back first.</source>
        <translation>干净的页缓存页直接丢弃；脏页先回写。</translation>
    </message>
    <message>
        <source>Anonymous pages get a swap slot (add_to_swap()) and are written out (pageout()).</source>
        <translation>匿名页获得一个交换槽位（add_to_swap()）并被写出（pageout()）。</translation>
    </message>
    <message>
        <source>At priority %1 (the scan target is the list&apos;s size &gt;&gt; %1) shrink_inactive_list() (mm/vmscan.c) isolates %2 from the tail of %3 and shrink_folio_list() reclaims %4 of them (%5%)%6. %7 %8 and %9 grow by these numbers (sar -B %10 and pgsteal/s).</source>
        <translation>在优先级 %1 下（扫描目标为链表长度 &gt;&gt; %1），shrink_inactive_list()（mm/vmscan.c）从 %3 的尾部隔离出 %2，shrink_folio_list() 回收了其中的 %4 页（%5%）%6。%7 %8 和 %9 都按这些数目增加（即 sar -B 的 %10 和 pgsteal/s）。</translation>
    </message>
    <message>
        <source>; the rest were in use: kept for a second chance or activated</source>
        <translation>；其余的页正在使用：被保留以获得第二次机会，或被激活</translation>
    </message>
    <message>
        <source>The allocation of %1 failed even after reclaim made no progress, so __alloc_pages_may_oom() calls out_of_memory(). vm.oom_kill_allocating_task is set, so the OOM killer takes the allocating task itself (%2 points) instead of scanning for the worst one.</source>
        <translation>%1 的分配在回收毫无进展后仍然失败，因此 __alloc_pages_may_oom() 调用 out_of_memory()。由于设置了 vm.oom_kill_allocating_task，OOM killer 直接选择发起分配的任务本身（%2 分），而不去扫描找出最差的那个。</translation>
    </message>
    <message>
        <source>The allocation of %1 failed even after reclaim made no progress, so __alloc_pages_may_oom() calls out_of_memory(). select_bad_process() chose %2, the task with the most points: %3 of totalpages = %4 (RAM + swap), an oom_score of %5.</source>
        <translation>%1 的分配在回收毫无进展后仍然失败，因此 __alloc_pages_may_oom() 调用 out_of_memory()。select_bad_process() 选中了 %2，即得分最高的任务：%3 分（totalpages = %4，即 RAM + 交换空间），oom_score 为 %5。</translation>
    </message>
    <message>
        <source>oom_kill_process() (mm/oom_kill.c) sends %1 SIGKILL and the oom_reaper frees its anonymous memory at once; dmesg reads &quot;Out of memory: Killed process %2&quot;. The machine now has %3 free pages.</source>
        <translation>oom_kill_process()（mm/oom_kill.c）向 %1 发送 SIGKILL，oom_reaper 立即释放其匿名内存；dmesg 中显示“Out of memory: Killed process %2”。机器现有 %3 个空闲页。</translation>
    </message>
    <message>
        <source>%1 faults at %2, but no frame can be allocated for the page or its page tables, even after reclaim and the OOM killer: the handler returns VM_FAULT_OOM. Simplification: Linux would retry the fault once the OOM killer&apos;s victim has freed its memory; memviz ends the faulting process with SIGKILL.</source>
        <translation>%1 在 %2 处发生缺页中断，但即使经过回收和 OOM killer，仍无法为该页或其页表分配页框：处理程序返回 VM_FAULT_OOM。简化：Linux 会在 OOM killer 的牺牲者释放内存后重试这次缺页；memviz 则用 SIGKILL 终止发生缺页的进程。</translation>
    </message>
    <message>
        <source>A %1 by %2 at %3 finds a swap entry in the page-table entry: the page was swapped out. do_swap_page() (mm/memory.c) does not find it in the swap cache, so it allocates a frame and swap_read_folio() reads the page back from swap: a major fault, counted in the process&apos;s majflt (now %4) and in /proc/vmstat pgmajfault. Simplification: no swap readahead, just this page is read.</source>
        <translation>%2 在 %3 处的%1访问在页表项中发现一个交换项（swap entry）：该页已被换出。do_swap_page()（mm/memory.c）在交换缓存中找不到它，于是分配一个页框，由 swap_read_folio() 从交换空间读回该页：这是一次硬性缺页，计入进程的 majflt（现为 %4）和 /proc/vmstat 的 pgmajfault。简化：不做交换预读，只读入这一页。</translation>
    </message>
    <message>
        <source>A %1 by %2 at %3 finds a swap entry in the page-table entry, but the page is still in the swap cache (not freed yet, or read back for another process). do_swap_page() (mm/memory.c) maps that page again without any disk I/O.</source>
        <translation>%2 在 %3 处的%1访问在页表项中发现一个交换项，但该页仍在交换缓存中（尚未释放，或已为另一个进程读回）。do_swap_page()（mm/memory.c）无需任何磁盘 I/O 就重新映射该页。</translation>
    </message>
    <message>
        <source>Time passes</source>
        <translation>时间流逝</translation>
    </message>
    <message>
        <source>LRU move</source>
        <translation>LRU 移动</translation>
    </message>
    <message>
        <source>Wake kswapd</source>
        <translation>唤醒 kswapd</translation>
    </message>
    <message>
        <source>kswapd sleeps</source>
        <translation>kswapd 睡眠</translation>
    </message>
    <message>
        <source>Shrink LRU list</source>
        <translation>收缩 LRU 链表</translation>
    </message>
    <message>
        <source>Enable swap area</source>
        <translation>启用交换区</translation>
    </message>
    <message>
        <source>Swap out</source>
        <translation>换出</translation>
    </message>
    <message>
        <source>Write back</source>
        <translation>回写</translation>
    </message>
    <message>
        <source>Swap in</source>
        <translation>换入</translation>
    </message>
    <message>
        <source>Leave swap cache</source>
        <translation>离开交换缓存</translation>
    </message>
    <message>
        <source>OOM candidate</source>
        <translation>OOM 候选进程</translation>
    </message>
    <message>
        <source>OOM kill</source>
        <translation>OOM 杀死进程</translation>
    </message>
    <message>
        <source>Kernel panic</source>
        <translation>内核恐慌</translation>
    </message>
    <message>
        <source>Huge page fault</source>
        <translation>大页缺页中断</translation>
    </message>
    <message>
        <source>Set oom_score_adj</source>
        <translation>设置 oom_score_adj</translation>
    </message>
    <message>
        <source>Drop caches</source>
        <translation>丢弃缓存</translation>
    </message>
    <message>
        <source>PID %1 page fault, %2 at %3: swapped out, read back from swap (major)</source>
        <translation>PID %1 缺页中断，%2 %3：已换出，从交换空间读回（硬性缺页）</translation>
    </message>
    <message>
        <source>PID %1 page fault, %2 at %3: swapped out, still in the swap cache (minor)</source>
        <translation>PID %1 缺页中断，%2 %3：已换出，仍在交换缓存中（软性缺页）</translation>
    </message>
    <message>
        <source>A tunable = %1 (was %2)</source>
        <translation>某个可调参数 = %1（原为 %2）</translation>
    </message>
    <message>
        <source>Sleep %1: the clock goes from %2 to %3</source>
        <translation>休眠 %1：时钟从 %2 走到 %3</translation>
    </message>
    <message>
        <source>Time passes: %1 of work, the clock reaches %2</source>
        <translation>时间流逝：工作 %1，时钟到达 %2</translation>
    </message>
    <message>
        <source>1 new sar sample</source>
        <translation>1 个新的 sar 样本</translation>
    </message>
    <message>
        <source>%1 new sar samples</source>
        <translation>%1 个新的 sar 样本</translation>
    </message>
    <message>
        <source>Wake kswapd0: every zone up to %1 is below its low watermark</source>
        <translation>唤醒 kswapd0：%1 及以下的所有内存域都低于 low 水位线</translation>
    </message>
    <message>
        <source>kswapd0 gives up after %1 passes that reclaimed nothing and sleeps</source>
        <translation>kswapd0 连续 %1 轮未回收到任何页，放弃并睡眠</translation>
    </message>
    <message>
        <source>kswapd0 goes back to sleep: the node is balanced</source>
        <translation>kswapd0 重新睡眠：节点已平衡</translation>
    </message>
    <message>
        <source>Direct reclaim by PID %1</source>
        <translation>PID %1 直接回收</translation>
    </message>
    <message>
        <source>%1, priority %2: %3 from %4 to %5 (shrink_active_list)</source>
        <translation>%1，优先级 %2：把 %3 从 %4 移到 %5（shrink_active_list）</translation>
    </message>
    <message>
        <source>%1, priority %2: scanned %3 of %4, reclaimed %5</source>
        <translation>%1，优先级 %2：扫描 %4 中的 %3，回收 %5 页</translation>
    </message>
    <message>
        <source>swapon %1: %2 (%3), priority %4</source>
        <translation>swapon %1：%2（%3），优先级 %4</translation>
    </message>
    <message>
        <source>Page %1 gets swap %2 and joins the swap cache</source>
        <translation>页 %1 分到 %2，加入交换缓存</translation>
    </message>
    <message>
        <source>Write dirty page %1 of %2 (frame %3) back to disk</source>
        <translation>将 %2 的第 %1 页（脏页，页框 %3）回写到磁盘</translation>
    </message>
    <message>
        <source>Write page %1 to swap %2</source>
        <translation>将页 %1 写入 %2</translation>
    </message>
    <message>
        <source>PID %1 reads swap %2 into frame %3 (major fault)</source>
        <translation>PID %1 把 %2 读入页框 %3（硬性缺页）</translation>
    </message>
    <message>
        <source>Page %1 leaves the swap cache and releases swap %2</source>
        <translation>页 %1 离开交换缓存，释放 %2</translation>
    </message>
    <message>
        <source>OOM candidate PID %1: %2 points (rss %3 + swapents %4 + pgtables %5 pages, oom_score_adj %6)</source>
        <translation>OOM 候选进程 PID %1：%2 分（rss %3 + swapents %4 + pgtables %5 页，oom_score_adj %6）</translation>
    </message>
    <message>
        <source>OOM killer kills PID %1, the allocating task (oom_kill_allocating_task)</source>
        <translation>OOM killer 杀死 PID %1，即发起分配的任务（oom_kill_allocating_task）</translation>
    </message>
    <message>
        <source>OOM killer kills PID %1: %2 points, the most of all, for the allocation of PID %3</source>
        <translation>OOM killer 杀死 PID %1：%2 分，为所有进程中最高，起因是 PID %3 的分配</translation>
    </message>
    <message>
        <source>Kernel panic - not syncing: %1</source>
        <translation>内核恐慌：Kernel panic - not syncing: %1</translation>
    </message>
    <message>
        <source>PID %1 huge page fault at %2: one %3 page, frames %4</source>
        <translation>PID %1 在 %2 处发生大页缺页中断：一个 %3 的页，页框 %4</translation>
    </message>
    <message>
        <source>PID %1 huge page fault at %2: no free %3 block, falls back to %4 pages</source>
        <translation>PID %1 在 %2 处发生大页缺页中断：没有空闲的 %3 块，回退为 %4 的页</translation>
    </message>
    <message>
        <source>PID %1 oom_score_adj = %2 (was %3)</source>
        <translation>PID %1 oom_score_adj = %2（原为 %3）</translation>
    </message>
    <message>
        <source>echo %1 &gt; /proc/sys/vm/drop_caches: %2 dropped (%3)</source>
        <translation>echo %1 &gt; /proc/sys/vm/drop_caches：丢弃了 %2（%3）</translation>
    </message>
    <message>
        <source>None of the zones %1 passed its low watermark for this order-%2 request of PID %3, so __alloc_pages() enters __alloc_pages_slowpath(). It wakes kswapd (wake_all_kswapds() → wakeup_kswapd()) to reclaim in the background, unless kswapd is awake already, and tries the zonelist again at the lower min watermark, which lets the request dip into the reserve. If that fails too, the task reclaims itself (direct reclaim).</source>
        <translation>对 PID %3 的这个 %2 阶请求，内存域 %1 均未通过 low 水位线，因此 __alloc_pages() 进入 __alloc_pages_slowpath()。若 kswapd 尚未醒来，它会唤醒 kswapd（wake_all_kswapds() → wakeup_kswapd()）在后台回收，并以更低的 min 水位线再次遍历 zonelist，允许请求动用预留内存。如果仍然失败，该任务就自己进行回收（直接回收）。</translation>
    </message>
    <message>
        <source>None of the zones %1 passed its low watermark for this order-%2 request, so __alloc_pages() enters __alloc_pages_slowpath(). The kernel would now wake kswapd (wake_all_kswapds()) to reclaim in the background; memviz&apos;s bare alloc_pages() exercise does not simulate kswapd or reclaim. The zonelist is then tried again at the lower min watermark, which lets the request dip into the reserve.</source>
        <translation>对这个 %2 阶请求，内存域 %1 均未通过 low 水位线，因此 __alloc_pages() 进入 __alloc_pages_slowpath()。此时内核会唤醒 kswapd（wake_all_kswapds()）在后台回收内存；memviz 中单纯的 alloc_pages() 练习不模拟 kswapd 和回收。随后以更低的 min 水位线再次遍历 zonelist，允许请求动用预留内存。</translation>
    </message>
    <message>
        <source>None of the zones %1 can supply an order-%2 block (%3) for PID %4, even at the min watermark and after direct reclaim (__alloc_pages_direct_reclaim()) and the OOM killer (__alloc_pages_may_oom()) had their turn, so the allocation fails. The machine has %5 free pages in all.</source>
        <translation>即使按 min 水位线，并且直接回收（__alloc_pages_direct_reclaim()）和 OOM killer（__alloc_pages_may_oom()）都已轮到过，内存域 %1 仍无法为 PID %4 提供 %2 阶块（%3），因此分配失败。整台机器共有 %5 个空闲页。</translation>
    </message>
    <message>
        <source>Even at the min watermark none of the zones %1 could supply an order-%2 block (%3). A real kernel would now try direct reclaim (__alloc_pages_direct_reclaim()), compaction and finally the OOM killer (__alloc_pages_may_oom()); memviz&apos;s bare alloc_pages() exercise does not simulate these, so alloc_pages() returns NULL. The machine has %4 free pages in all.</source>
        <translation>即使按 min 水位线，内存域 %1 也都无法提供 %2 阶块（%3）。真实内核此时会尝试直接回收（__alloc_pages_direct_reclaim()）、内存规整，最后是 OOM killer（__alloc_pages_may_oom()）；memviz 中单纯的 alloc_pages() 练习不模拟这些，因此 alloc_pages() 返回 NULL。整台机器共有 %4 个空闲页。</translation>
    </message>
    <message>
        <source>The fast path (get_page_from_freelist() with ALLOC_WMARK_LOW) now skips this zone; when every zone is this low, __alloc_pages_slowpath() wakes kswapd (wakeup_kswapd()) to reclaim in the background.</source>
        <translation>快速路径（带 ALLOC_WMARK_LOW 的 get_page_from_freelist()）现在会跳过该内存域；当所有内存域都降到这么低时，__alloc_pages_slowpath() 会唤醒 kswapd（wakeup_kswapd()）在后台回收。</translation>
    </message>
    <message>
        <source>The OOM killer chose %1 (oom_kill_process(), the step before) and sent it SIGKILL (signal 9), which cannot be caught or ignored.</source>
        <translation>OOM killer 选中了 %1（上一步的 oom_kill_process()），并向它发送了 SIGKILL（信号 9），该信号无法被捕获或忽略。</translation>
    </message>
    <message>
        <source>%1 ran out of memory for a page or a page table, even after reclaim and the OOM killer, and is killed with SIGKILL (signal 9). Simplification: Linux would retry the fault once memory was freed; memviz ends the process that needed the memory.</source>
        <translation>%1 在为某页或页表申请内存时，即使经过回收和 OOM killer 仍内存不足，因此被 SIGKILL（信号 9）终止。简化：Linux 会在有内存释放后重试这次缺页；memviz 直接终止需要内存的这个进程。</translation>
    </message>
    <message>
        <source>do_exit() → exit_mm() → mmput() → exit_mmap() unmapped every VMA, freed the anonymous pages no other process maps and their swap slots, then the page tables and the PGD; page-cache pages stay cached. The machine now has %1 free pages.</source>
        <translation>do_exit() → exit_mm() → mmput() → exit_mmap() 解除了所有 VMA 的映射，释放了没有其他进程映射的匿名页及其交换槽位，然后释放页表和 PGD；页缓存中的页仍保留在缓存中。机器现有 %1 个空闲页。</translation>
    </message>
    <message>
        <source>A tunable memviz does not know is now %1 (was %2). The kernel applies a new value at once.</source>
        <translation>memviz 不认识的某个可调参数现在为 %1（原为 %2）。内核会立即应用新值。</translation>
    </message>
    <message>
        <source>vm.swappiness is now %1 (was %2): how readily reclaim takes anonymous pages (to swap) rather than page-cache pages, from 0 to 200. get_scan_count() (mm/vmscan.c) weighs the anon lists by swappiness and the file lists by 200 − swappiness: 0 avoids swapping until the page cache is nearly gone, 100 treats both alike.</source>
        <translation>vm.swappiness 现在为 %1（原为 %2）：表示回收时在多大程度上倾向于取匿名页（换出到交换空间）而不是页缓存页，取值 0 到 200。get_scan_count()（mm/vmscan.c）以 swappiness 为匿名页链表加权，以 200 − swappiness 为文件页链表加权：0 表示在页缓存几乎耗尽之前避免交换，100 表示两者同等对待。</translation>
    </message>
    <message>
        <source>vm.panic_on_oom is now %1 (was %2). When it is not 0, out_of_memory() calls panic() from check_panic_on_oom() instead of killing a process; memviz has one node and no cgroups, so 1 and 2 act alike.</source>
        <translation>vm.panic_on_oom 现在为 %1（原为 %2）。当它不为 0 时，out_of_memory() 会从 check_panic_on_oom() 调用 panic()，而不是杀死某个进程；memviz 只有一个节点且没有 cgroup，因此 1 和 2 的效果相同。</translation>
    </message>
    <message>
        <source>vm.oom_kill_allocating_task is now %1 (was %2). When it is not 0, the OOM killer kills the task whose allocation failed instead of scanning every task for the highest oom_badness() (unless that task is unkillable); vm.panic_on_oom still comes first.</source>
        <translation>vm.oom_kill_allocating_task 现在为 %1（原为 %2）。当它不为 0 时，OOM killer 杀死分配失败的那个任务（除非该任务不可杀死），而不是扫描所有任务找出 oom_badness() 最高者；vm.panic_on_oom 仍然优先。</translation>
    </message>
    <message>
        <source>The program sleeps (nanosleep()) for %1: simulated time moves from %2 to %3 since boot. Meanwhile kswapd keeps reclaiming if it is awake.</source>
        <translation>程序休眠（nanosleep()）%1：模拟时间从开机后 %2 走到 %3。在此期间，如果 kswapd 处于唤醒状态，它会继续回收。</translation>
    </message>
    <message>
        <source>Time passes while the CPU works: %1, from %2 to %3 since boot. memviz charges each page access, fault, reclaim scan and disk write a little simulated time and adds it up in steps like this one.</source>
        <translation>CPU 工作期间时间流逝：%1，从开机后 %2 到 %3。memviz 为每次页访问、缺页、回收扫描和磁盘写入计入少量模拟时间，并像这一步这样分段累加。</translation>
    </message>
    <message>
        <source>At every whole second sar&apos;s collector (sadc) reads /proc/meminfo and /proc/vmstat: the history now holds %1 samples, what sar and the timeline plot show.</source>
        <translation>每到整秒，sar 的采集器（sadc）读取 /proc/meminfo 和 /proc/vmstat：历史记录现有 %1 个样本，即 sar 和时间线图所显示的内容。</translation>
    </message>
    <message>
        <source>__alloc_pages_slowpath() calls wakeup_kswapd() (mm/vmscan.c): every zone up to %1 (%2) is below its low watermark. kswapd0, node 0&apos;s reclaim thread, now reclaims in the background with balance_pgdat(), priority falling from DEF_PRIORITY (12), until a zone is above its high watermark (pgdat_balanced()); the allocation goes on at the min watermark meanwhile. The machine has %3 free pages. Simplification: kswapd runs between two page accesses of the program.</source>
        <translation>__alloc_pages_slowpath() 调用 wakeup_kswapd()（mm/vmscan.c）：%1 及以下的所有内存域（%2）都低于 low 水位线。kswapd0 是节点 0 的回收线程，它现在通过 balance_pgdat() 在后台回收，优先级从 DEF_PRIORITY（12）开始逐步降低，直到某个内存域高于 high 水位线（pgdat_balanced()）；在此期间分配按 min 水位线继续进行。机器现有 %3 个空闲页。简化：kswapd 在程序的两次页访问之间运行。</translation>
    </message>
    <message>
        <source>balance_pgdat() made %1 passes in a row that reclaimed nothing (kswapd_failures reached MAX_RECLAIM_RETRIES = 16): no page can be freed, for lack of swap space or because every page is in use. kswapd0 sleeps, and wakeup_kswapd() leaves it asleep until some reclaim succeeds; allocations now reclaim directly and finally call the OOM killer. The machine has %2 free pages.</source>
        <translation>balance_pgdat() 连续 %1 轮未回收到任何页（kswapd_failures 达到 MAX_RECLAIM_RETRIES = 16）：由于缺少交换空间，或者所有页都在使用中，没有页可以释放。kswapd0 进入睡眠，在某次回收成功之前 wakeup_kswapd() 都不会唤醒它；此后的分配会直接回收，最终调用 OOM killer。机器现有 %2 个空闲页。</translation>
    </message>
    <message>
        <source>balance_pgdat() stops: a zone is above its high watermark again (pgdat_balanced()), with %1 free pages in the machine. kswapd_try_to_sleep() puts kswapd0 to sleep until the next wakeup_kswapd().</source>
        <translation>balance_pgdat() 停止：某个内存域重新高于 high 水位线（pgdat_balanced()），整台机器有 %1 个空闲页。kswapd_try_to_sleep() 让 kswapd0 睡眠，直到下一次 wakeup_kswapd()。</translation>
    </message>
    <message>
        <source>sys_swapon() (mm/swapfile.c) enables %1 as swap area %2: %3, %4 slots of one page each, priority %5. Areas of higher priority fill first; equal priorities take turns. SwapTotal is now %6 kB and CommitLimit grows with it; anonymous pages can be reclaimed only while swap has room.</source>
        <translation>sys_swapon()（mm/swapfile.c）启用 %1 作为交换区 %2：%3，共 %4 个槽位，每个槽位一页，优先级 %5。优先级高的交换区先被填满；优先级相同的轮流使用。SwapTotal 现在为 %6 kB，CommitLimit 随之增大；只有交换空间还有余量时，匿名页才能被回收。</translation>
    </message>
    <message>
        <source>Reclaim chose the anonymous page in frame %1, so add_to_swap() (mm/swap_state.c) reserves %2 (folio_alloc_swap() → get_swap_pages()) and puts the page in the swap cache, marked dirty: the slot holds nothing yet, pageout() writes it next. try_to_unmap() then turns every page-table entry mapping the page into that swap entry, so the next access faults into do_swap_page(). The area has %3 in use.</source>
        <translation>回收选中了页框 %1 中的匿名页，因此 add_to_swap()（mm/swap_state.c）预留 %2（folio_alloc_swap() → get_swap_pages()），并把该页放入交换缓存、标记为脏：槽位中还没有内容，接下来由 pageout() 写入。随后 try_to_unmap() 把映射该页的每个页表项都改为这个交换项，因此下次访问会触发缺页并进入 do_swap_page()。该交换区已用 %3。</translation>
    </message>
    <message>
        <source>pageout() (mm/vmscan.c) has the file system write the dirty page %1 of %2 from frame %3 back to disk (-&gt;writepage()); once clean, the page can leave the page cache. pgpgout is now %4 kB. Simplification: the write completes at once.</source>
        <translation>pageout()（mm/vmscan.c）让文件系统把 %2 的第 %1 页（脏页）从页框 %3 回写到磁盘（-&gt;writepage()）；变干净后，该页就可以离开页缓存。pgpgout 现在为 %4 kB。简化：写操作立即完成。</translation>
    </message>
    <message>
        <source>pageout() (mm/vmscan.c) calls swap_writepage() (mm/page_io.c), which writes the %1 page in frame %2 to %3. /proc/vmstat pswpout is now %4 (sar -W pswpout/s) and pgpgout %5 kB. Then the frame is freed: the data lives only in swap, and the page-table entries hold the swap entry. Simplification: the write completes at once.</source>
        <translation>pageout()（mm/vmscan.c）调用 swap_writepage()（mm/page_io.c），把页框 %2 中 %1 的页写入 %3。/proc/vmstat 的 pswpout 现在为 %4（sar -W 的 pswpout/s），pgpgout 为 %5 kB。随后释放该页框：数据只存在于交换空间中，页表项中保存的是交换项。简化：写操作立即完成。</translation>
    </message>
    <message>
        <source>do_swap_page() (mm/memory.c) allocated frame %1 for %2 and swap_read_folio() (mm/page_io.c) reads %3 into it. pswpin is now %4 (sar -W pswpin/s). The page stays in the swap cache with its slot: if it is not written, reclaim can drop it again without another write.</source>
        <translation>do_swap_page()（mm/memory.c）为 %2 分配了页框 %1，swap_read_folio()（mm/page_io.c）把 %3 读入其中。pswpin 现在为 %4（sar -W 的 pswpin/s）。该页连同其槽位仍留在交换缓存中：只要它没有被写过，回收时就可以再次直接丢弃它，无需再写一次。</translation>
    </message>
    <message>
        <source>folio_free_swap() → delete_from_swap_cache() (mm/swap_state.c) takes the page in frame %1 out of the swap cache and releases %2: no page-table entry refers to the slot any more, and the page was written to (its copy in swap is stale) or swap is more than half full (vm_swap_full()). The area has %3 in use; should the page be reclaimed again it needs a new slot and a new write.</source>
        <translation>folio_free_swap() → delete_from_swap_cache()（mm/swap_state.c）把页框 %1 中的页移出交换缓存，并释放 %2：已没有页表项引用该槽位，并且该页被写过（交换空间中的副本已过时），或者交换空间已用超过一半（vm_swap_full()）。该交换区已用 %3；如果该页再次被回收，就需要新的槽位和一次新的写入。</translation>
    </message>
    <message>
        <source>oom_evaluate_task() (mm/oom_kill.c) skips %1: its oom_score_adj is -1000, so oom_badness() returns LONG_MIN and the OOM killer never chooses it. dump_tasks() still lists it in the kernel log with rss %2, swapents %3 and %4 page-table pages.</source>
        <translation>oom_evaluate_task()（mm/oom_kill.c）跳过 %1：它的 oom_score_adj 为 -1000，因此 oom_badness() 返回 LONG_MIN，OOM killer 永远不会选中它。dump_tasks() 仍会在内核日志中列出它：rss %2，swapents %3，页表页 %4 个。</translation>
    </message>
    <message>
        <source>select_bad_process() → oom_evaluate_task() (mm/oom_kill.c) scores %1 with oom_badness(): rss %2 + swap entries %3 + page-table pages %4 = %5 pages, plus oom_score_adj %6 × totalpages / 1000, %7 points in all. The task with the most points is killed; a later task with equal points replaces an earlier one. dump_tasks() prints this row in the kernel log.</source>
        <translation>select_bad_process() → oom_evaluate_task()（mm/oom_kill.c）用 oom_badness() 为 %1 打分：rss %2 + 交换项 %3 + 页表页 %4 = %5 页，再加上 oom_score_adj %6 × totalpages / 1000，共 %7 分。得分最高的任务会被杀死；得分相同时，后面的任务取代前面的。dump_tasks() 会在内核日志中打印这一行。</translation>
    </message>
    <message>
        <source>out_of_memory() calls check_panic_on_oom() before choosing a victim: vm.panic_on_oom is %1, so instead of killing a process the kernel calls panic(&quot;%2&quot;). The machine stops: nothing runs any more and every later command is refused. Servers choose this (with kernel.panic = N to reboot) when a clean restart is better than a machine missing a random process.</source>
        <translation>out_of_memory() 在选择牺牲者之前调用 check_panic_on_oom()：vm.panic_on_oom 为 %1，因此内核不杀死进程，而是调用 panic(&quot;%2&quot;)。机器停止：不再运行任何东西，之后的所有命令都会被拒绝。当干净的重启比缺了某个随机进程的机器更好时，服务器会选择这种方式（配合 kernel.panic = N 自动重启）。</translation>
    </message>
    <message>
        <source>out_of_memory() found no process it may kill: select_bad_process() chose none, because every task is init, a kernel thread or has oom_score_adj -1000. So the kernel calls panic(&quot;%1&quot;). The machine stops: nothing runs any more and every later command is refused.</source>
        <translation>out_of_memory() 找不到可以杀死的进程：select_bad_process() 什么也没选中，因为每个任务要么是 init，要么是内核线程，要么 oom_score_adj 为 -1000。于是内核调用 panic(&quot;%1&quot;)。机器停止：不再运行任何东西，之后的所有命令都会被拒绝。</translation>
    </message>
    <message>
        <source>%1 faults at %2 where a %3 huge page would fit, but do_huge_pmd_anonymous_page() (mm/huge_memory.c) finds no free order-%4 block (memory is low or fragmented). The fault falls back to a normal %5 page (do_anonymous_page()) and thp_fault_fallback counts it. Simplification: memviz has no khugepaged to collapse the range later.</source>
        <translation>%1 在 %2 处发生缺页中断，此处本可放下一个 %3 的大页，但 do_huge_pmd_anonymous_page()（mm/huge_memory.c）找不到空闲的 %4 阶块（内存不足或碎片化）。这次缺页回退为普通的 %5 页（do_anonymous_page()），并计入 thp_fault_fallback。简化：memviz 没有 khugepaged，不会在之后把该区间合并为大页。</translation>
    </message>
    <message>
        <source>Writing %1 to /proc/%2/oom_score_adj (fs/proc/base.c; it was %4) changes how the OOM killer weighs %3: oom_badness() adds oom_score_adj × totalpages / 1000 = %5 pages to its points. -1000 makes it unkillable, 1000 makes it the first victim; children inherit the value across fork(). /proc/%2/oom_score is now %6 (0 to 2000).</source>
        <translation>向 /proc/%2/oom_score_adj 写入 %1（fs/proc/base.c；原为 %4）会改变 OOM killer 对 %3 的评估：oom_badness() 会在它的得分上加上 oom_score_adj × totalpages / 1000 = %5 页。-1000 使它不可杀死，1000 使它成为首选牺牲者；子进程在 fork() 时继承该值。/proc/%2/oom_score 现在为 %6（0 到 2000）。</translation>
    </message>
    <message>
        <source>Writing %1 to /proc/sys/vm/drop_caches makes drop_pagecache_sb() (fs/drop_caches.c) walk every file&apos;s page cache and free the clean pages no process maps (invalidate_mapping_pages()): %2, %3. Dirty and mapped pages stay; Cached is now %4 kB, and the next read of a dropped page is a major fault again.</source>
        <translation>向 /proc/sys/vm/drop_caches 写入 %1 会让 drop_pagecache_sb()（fs/drop_caches.c）遍历每个文件的页缓存，释放没有被任何进程映射的干净页（invalidate_mapping_pages()）：%2，%3。脏页和已映射的页保留；Cached 现在为 %4 kB，下次读取被丢弃的页又会是一次硬性缺页。</translation>
    </message>
    <message>
        <source>Writing %1 to /proc/sys/vm/drop_caches leaves the page cache alone (only 1 and 3 drop it).</source>
        <translation>向 /proc/sys/vm/drop_caches 写入 %1 不会影响页缓存（只有 1 和 3 会丢弃它）。</translation>
    </message>
    <message>
        <source>Split huge page</source>
        <translation>拆分大页</translation>
    </message>
    <message>
        <source>madvise</source>
        <translation>madvise</translation>
    </message>
    <message>
        <source>Hugetlb pool</source>
        <translation>hugetlb 池</translation>
    </message>
    <message>
        <source>Walk: %1 maps the %2 page at frame %3 (PS bit: the walk ends here)</source>
        <translation>遍历：%1 映射页框 %3 处的 %2 页（PS 位：遍历到此结束）</translation>
    </message>
    <message>
        <source>Split the huge page at %1 (frames %2) into %3 of %4</source>
        <translation>将 %1 处的大页（页框 %2）拆分为 %3（每页 %4）</translation>
    </message>
    <message>
        <source>PID %1 madvise(%2, %3, %4)</source>
        <translation>PID %1 madvise(%2, %3, %4)</translation>
    </message>
    <message>
        <source>%1 faults at %2 in an anonymous VMA with transparent huge pages enabled, and the %3-aligned range around it lies inside the VMA. do_huge_pmd_anonymous_page() (mm/huge_memory.c) takes an order-%4 block, frames %5, zeroes it and maps it with one PMD entry (PS bit): one fault for %6, one TLB entry in the huge-page TLB. A PTE table is still allocated and deposited with the PMD (pgtable_trans_huge_deposit), so that splitting the huge page later needs no memory; it counts in PageTables. thp_fault_alloc counts the fault and AnonHugePages grows by %3.</source>
        <translation>%1 在启用了透明大页的匿名 VMA 中的 %2 处发生缺页中断，且其周围按 %3 对齐的区间完全位于该 VMA 内。do_huge_pmd_anonymous_page()（mm/huge_memory.c）取一个 %4 阶块（页框 %5），将其清零并用一个 PMD 表项（PS 位）映射：一次缺页就映射了 %6，在大页 TLB 中只占一个表项。仍会分配一张 PTE 表并随 PMD 寄存（pgtable_trans_huge_deposit），以便之后拆分大页时无需再分配内存；它计入 PageTables。thp_fault_alloc 计入此次缺页，AnonHugePages 增加 %3。</translation>
    </message>
    <message>
        <source>split_huge_page() (mm/huge_memory.c) turns the order-%1 transparent huge page at %2 back into %3 of %4, frames %5. First __split_huge_pmd() replaces every PMD that maps it by the PTE table deposited with that PMD, filled with %6 entries pointing at consecutive frames, so no memory is needed; then the folio becomes %6 order-0 pages on the LRU, next to each other. The bytes stay where they are. The kernel splits when a munmap(), mprotect() or brk() cuts the huge page, when a process writes to one it shares after fork(), and when reclaim wants to swap it out. thp_split_page and thp_split_pmd in /proc/vmstat count it.</source>
        <translation>split_huge_page()（mm/huge_memory.c）把位于 %2 的 %1 阶透明大页重新变回 %3（每页 %4），页框 %5。首先 __split_huge_pmd() 用随各 PMD 寄存的 PTE 表替换映射该大页的每个 PMD，表中填入 %6 个指向连续页框的表项，因此无需额外内存；然后该 folio 变成 LRU 链表上相邻的 %6 个 0 阶页。数据原地不动。当 munmap()、mprotect() 或 brk() 切开大页、进程写入 fork() 后共享的大页，以及回收要把它换出时，内核都会拆分大页。/proc/vmstat 中的 thp_split_page 和 thp_split_pmd 对此计数。</translation>
    </message>
    <message>
        <source>madvise(MADV_HUGEPAGE) marks [%1, %2) of %3 VM_HUGEPAGE (hugepage_madvise(), splitting VMAs at the edges). With transparent_hugepage/enabled = madvise only such ranges get huge pages at fault time; with always every private anonymous range does.</source>
        <translation>madvise(MADV_HUGEPAGE) 把 %3 的 [%1, %2) 标记为 VM_HUGEPAGE（hugepage_madvise()，必要时在边界处拆分 VMA）。当 transparent_hugepage/enabled = madvise 时，只有这样的区间在缺页时才会得到大页；为 always 时，所有私有匿名区间都会得到大页。</translation>
    </message>
    <message>
        <source>madvise(MADV_NOHUGEPAGE) marks [%1, %2) of %3 VM_NOHUGEPAGE: no transparent huge pages there from now on, even with transparent_hugepage/enabled = always. Huge pages already mapped stay.</source>
        <translation>madvise(MADV_NOHUGEPAGE) 把 %3 的 [%1, %2) 标记为 VM_NOHUGEPAGE：此后这里不再使用透明大页，即使 transparent_hugepage/enabled = always 也是如此。已经映射的大页保持不变。</translation>
    </message>
    <message>
        <source>madvise(MADV_DONTNEED) drops the pages of [%1, %2) in %3 (zap_page_range_single()): the entries are cleared and the anonymous pages freed; the next access faults in a zero page again. A huge page only partly in the range is split first.</source>
        <translation>madvise(MADV_DONTNEED) 丢弃 %3 中 [%1, %2) 的页（zap_page_range_single()）：表项被清除，匿名页被释放；下次访问时又会缺页并映射零页。对于只有一部分落在该区间内的大页，会先将其拆分。</translation>
    </message>
    <message>
        <source>Hugetlb pool grows: frames %1 become a free %2 huge page (%3 in the pool)</source>
        <translation>hugetlb 池扩大：页框 %1 成为一个空闲的 %2 大页（池中共 %3 个）</translation>
    </message>
    <message>
        <source>Hugetlb pool shrinks: the free huge page at frames %1 goes back (%2 left)</source>
        <translation>hugetlb 池缩小：位于页框 %1 的空闲大页被归还（剩 %2 个）</translation>
    </message>
    <message>
        <source>Hugetlb pool: %1 surplus huge pages</source>
        <translation>hugetlb 池：%1 个超额（surplus）大页</translation>
    </message>
    <message>
        <source>PID %1 reserves %2 huge pages (HugePages_Rsvd %3)</source>
        <translation>PID %1 预留 %2 个大页（HugePages_Rsvd %3）</translation>
    </message>
    <message>
        <source>PID %1 gives back %2 reserved huge pages (HugePages_Rsvd %3)</source>
        <translation>PID %1 归还 %2 个预留的大页（HugePages_Rsvd %3）</translation>
    </message>
    <message>
        <source>PID %1 takes the huge page at frames %2 from the pool (%3 free)</source>
        <translation>PID %1 从池中取走位于页框 %2 的大页（剩 %3 个空闲）</translation>
    </message>
    <message>
        <source>The huge page at frames %1 goes back on the pool&apos;s free list (%2 free)</source>
        <translation>位于页框 %1 的大页回到池的空闲链表（%2 个空闲）</translation>
    </message>
    <message>
        <source>The surplus huge page at frames %1 leaves the pool</source>
        <translation>位于页框 %1 的超额大页离开池</translation>
    </message>
    <message>
        <source>PID %1 faults at %2 but the pool has no huge page for it: SIGBUS</source>
        <translation>PID %1 在 %2 处发生缺页中断，但池中没有可供它使用的大页：SIGBUS</translation>
    </message>
    <message>
        <source>PID %1 mmap(MAP_HUGETLB) of %2: the pool cannot reserve the pages, ENOMEM</source>
        <translation>PID %1 mmap(MAP_HUGETLB) %2：池无法预留这些页，ENOMEM</translation>
    </message>
    <message>
        <source>The pool now holds %1 huge pages: %2 free, %3 reserved, %4 surplus (HugePages_Total, _Free, _Rsvd, _Surp in /proc/meminfo).</source>
        <translation>池中现有 %1 个大页：%2 个空闲，%3 个已预留，%4 个超额（即 /proc/meminfo 中的 HugePages_Total、_Free、_Rsvd、_Surp）。</translation>
    </message>
    <message>
        <source>Writing vm.nr_hugepages makes set_max_huge_pages() (mm/hugetlb.c) grow or shrink the pool of %1 pages: it takes order-%2 blocks from the buddy allocator (they are allocated memory from then on, in use or not, and CommitLimit no longer counts them), or gives free ones back. Pages in use or reserved cannot go: they become surplus and leave when unmapped. %3</source>
        <translation>写入 vm.nr_hugepages 会让 set_max_huge_pages()（mm/hugetlb.c）扩大或缩小 %1 大页池：它从伙伴分配器取走 %2 阶块（此后无论是否使用，这些块都算作已分配内存，CommitLimit 也不再把它们计算在内），或者把空闲的块归还。正在使用或已预留的页不能归还：它们成为超额页，解除映射后离开池。%3</translation>
    </message>
    <message>
        <source>mmap(MAP_HUGETLB) reserves all the huge pages of the mapping at once (hugetlb_reserve_pages()), so a later fault cannot fail; munmap() and exit give back the reservations that were never faulted. Hugetlb memory is not charged to Committed_AS. %1</source>
        <translation>mmap(MAP_HUGETLB) 一次性预留映射所需的全部大页（hugetlb_reserve_pages()），因此之后的缺页不会失败；munmap() 和进程退出时归还从未发生缺页的预留。hugetlb 内存不计入 Committed_AS。%1</translation>
    </message>
    <message>
        <source>hugetlb_no_page() or hugetlb_wp() (mm/hugetlb.c) takes a page from the pool&apos;s free list and clears it: one fault for %1, one PMD entry, no PTE table. Hugetlb pages never go on the LRU and are never swapped, and they are not counted in RSS. %2</source>
        <translation>hugetlb_no_page() 或 hugetlb_wp()（mm/hugetlb.c）从池的空闲链表取一页并清零：一次缺页映射 %1，一个 PMD 表项，不需要 PTE 表。hugetlb 页从不进入 LRU 链表，也从不被换出，并且不计入 RSS。%2</translation>
    </message>
    <message>
        <source>free_huge_folio(): nothing maps the huge page any more, so it goes back on the pool&apos;s free list, or to the buddy allocator if it was a surplus page. %1</source>
        <translation>free_huge_folio()：已没有任何映射指向该大页，因此它回到池的空闲链表；如果它是超额页，则归还给伙伴分配器。%1</translation>
    </message>
    <message>
        <source>The fault needs a huge page but the pool has none this process may take (every free page is reserved for another mapping): hugetlb returns VM_FAULT_SIGBUS and the process dies of SIGBUS. %1</source>
        <translation>这次缺页需要一个大页，但池中没有该进程可以取用的大页（每个空闲页都已为其他映射预留）：hugetlb 返回 VM_FAULT_SIGBUS，进程因 SIGBUS 而终止。%1</translation>
    </message>
    <message>
        <source>hugetlb_reserve_pages() finds fewer free huge pages than the mapping needs beyond those already reserved, so mmap() fails with ENOMEM at once instead of a later fault failing. Raise vm.nr_hugepages first. %1</source>
        <translation>hugetlb_reserve_pages() 发现，除已预留的之外，空闲大页不够该映射所需，因此 mmap() 立即以 ENOMEM 失败，而不是等到之后的缺页才失败。请先调大 vm.nr_hugepages。%1</translation>
    </message>
    <message>
        <source>cache %1</source>
        <translation>缓存 %1</translation>
    </message>
    <message>
        <source>1 slab</source>
        <translation>1 个 slab</translation>
    </message>
    <message>
        <source>%1 slabs</source>
        <translation>%1 个 slab</translation>
    </message>
    <message>
        <source>1 object</source>
        <translation>1 个对象</translation>
    </message>
    <message>
        <source>%1 objects</source>
        <translation>%1 个对象</translation>
    </message>
    <message>
        <source>no objects in use</source>
        <translation>没有对象在使用</translation>
    </message>
    <message>
        <source>%1 of %2 objects in use</source>
        <translation>共 %2 个对象，已使用 %1 个</translation>
    </message>
    <message>
        <source>no list</source>
        <translation>不在任何链表上</translation>
    </message>
    <message>
        <source>no list (SLUB keeps full slabs on a list only with debugging on)</source>
        <translation>不在任何链表上（SLUB 只有在开启调试时才把满 slab 放到链表上）</translation>
    </message>
    <message>
        <source>the partial list of node %1</source>
        <translation>节点 %1 的部分链表</translation>
    </message>
    <message>
        <source>the CPU&apos;s slab</source>
        <translation>CPU 的 slab</translation>
    </message>
    <message>
        <source>kmem_cache_create(&quot;%1&quot;, %2 bytes): cache %3</source>
        <translation>kmem_cache_create(&quot;%1&quot;, %2 字节)：缓存 %3</translation>
    </message>
    <message>
        <source>kmem_cache_create(&quot;%1&quot;, %2 bytes): %3 objects of %4 bytes per slab of %5</source>
        <translation>kmem_cache_create(&quot;%1&quot;, %2 字节)：每个 slab 为 %5，容纳 %3 个 %4 字节的对象</translation>
    </message>
    <message>
        <source>kmem_cache_create() (mm/slab_common.c) makes the cache %1 for objects of %2 bytes (align %3, flags %4): calculate_alignment() aligns them to %5 bytes, so each takes %6 bytes in a slab.</source>
        <translation>kmem_cache_create()（mm/slab_common.c）为 %2 字节的对象创建缓存 %1（对齐 %3，标志 %4）：calculate_alignment() 把对象对齐到 %5 字节，因此每个对象在 slab 中占 %6 字节。</translation>
    </message>
    <message>
        <source>No slab layout fits objects of this size.</source>
        <translation>没有适合这种大小对象的 slab 布局。</translation>
    </message>
    <message>
        <source>calculate_order() (mm/slub.c) wants at least min_objects = 4 × (fls(%1 CPUs) + 1) = %2 objects per slab with little waste, at most order 3 (slub_max_order): order %3, %4 per slab of %5, %6 bytes left over.</source>
        <translation>calculate_order()（mm/slub.c）希望每个 slab 至少容纳 min_objects = 4 × (fls(%1 个 CPU) + 1) = %2 个对象，且浪费很少，阶数最多为 3（slub_max_order）：结果为 %3 阶，每个 %5 的 slab 容纳 %4，剩余 %6 字节。</translation>
    </message>
    <message>
        <source>the freelist index (a byte per object) in the slab after the objects</source>
        <translation>freelist 索引（每个对象一字节）放在 slab 中所有对象之后</translation>
    </message>
    <message>
        <source>the freelist index in a free object (OBJFREELIST_SLAB) or off the slab (OFF_SLAB)</source>
        <translation>freelist 索引放在某个空闲对象中（OBJFREELIST_SLAB）或 slab 之外（OFF_SLAB）</translation>
    </message>
    <message>
        <source>calculate_slab_order() (mm/slab.c) tries order 0 upwards until at most 1/8 of the slab is left over or slab_max_order (%1) is reached: order %2, %3 per slab of %4, %5, %6 bytes left over.</source>
        <translation>calculate_slab_order()（mm/slab.c）从 0 阶开始逐阶尝试，直到 slab 的剩余空间不超过 1/8，或达到 slab_max_order（%1）：结果为 %2 阶，每个 %4 的 slab 容纳 %3，%5，剩余 %6 字节。</translation>
    </message>
    <message>
        <source>No memory is taken yet: the first allocation grows the cache by a slab.</source>
        <translation>此时还没有占用内存：第一次分配时，缓存才会增加一个 slab。</translation>
    </message>
    <message>
        <source>Simplification: memviz never merges a new cache with a compatible one (as if booted with slab_nomerge).</source>
        <translation>简化：memviz 从不把新缓存与兼容的已有缓存合并（相当于以 slab_nomerge 启动）。</translation>
    </message>
    <message>
        <source>Simplification: memviz never merges a new cache with a compatible one (as with slab_nomerge) and has no slab colouring.</source>
        <translation>简化：memviz 从不把新缓存与兼容的已有缓存合并（如同 slab_nomerge），也没有 slab 着色。</translation>
    </message>
    <message>
        <source>%1 now has %2; /proc/meminfo Slab is %3 kB.</source>
        <translation>%1 现有 %2；/proc/meminfo 的 Slab 为 %3 kB。</translation>
    </message>
    <message>
        <source>___slab_alloc() (mm/slub.c) finds no free object in the cpu slab of %1 and no slab on node %2&apos;s partial list, so new_slab() → allocate_slab() takes an order-%3 block from the buddy allocator, frames %4 in %5, and threads its %6 of %7 bytes on a freelist. It becomes the CPU&apos;s slab; a previous cpu slab goes back to its node (deactivate_slab()).</source>
        <translation>___slab_alloc()（mm/slub.c）在 %1 的 cpu slab 中找不到空闲对象，节点 %2 的部分链表上也没有 slab，于是 new_slab() → allocate_slab() 从伙伴分配器取一个 %3 阶块（%5 中的页框 %4），并把其中的 %6（每个 %7 字节）串成 freelist。它成为该 CPU 的 slab；之前的 cpu slab 回到其节点（deactivate_slab()）。</translation>
    </message>
    <message>
        <source>Simplification: one CPU, so one cpu slab and no per-CPU partial list.</source>
        <translation>简化：只有一个 CPU，因此只有一个 cpu slab，也没有每 CPU 部分链表。</translation>
    </message>
    <message>
        <source>cache_alloc_refill() (mm/slab.c) finds neither a partial nor a free slab of %1 on node %2, so cache_grow_begin() takes an order-%3 block from the buddy allocator (kmem_getpages()), frames %4 in %5, and cuts it into %6 of %7 bytes. The new slab goes on slabs_free, and the allocation takes its object from it next.</source>
        <translation>cache_alloc_refill()（mm/slab.c）在节点 %2 上既找不到 %1 的部分 slab，也找不到空闲 slab，于是 cache_grow_begin() 从伙伴分配器取一个 %3 阶块（kmem_getpages()），即 %5 中的页框 %4，并把它切分成 %6，每个 %7 字节。新 slab 放入 slabs_free，这次分配接着就从中取出对象。</translation>
    </message>
    <message>
        <source>Simplification: no slab colouring, so every slab&apos;s first object starts at its first byte.</source>
        <translation>简化：没有 slab 着色，因此每个 slab 的第一个对象都从 slab 的第一个字节开始。</translation>
    </message>
    <message>
        <source>slab_alloc_node() (mm/slub.c) pops object %1 off the freelist of the cpu slab at frames %2 of %3: address %4 in the direct map, the slab&apos;s start plus %1 × %5 bytes. When the cpu slab had no free object, ___slab_alloc() first made a partial slab of the node or a new one the cpu slab. The slab has %6; a full slab leaves every list until one of its objects is freed.</source>
        <translation>slab_alloc_node()（mm/slub.c）从 %3 的 cpu slab（页框 %2）的 freelist 上取出对象 %1：直接映射区中的地址 %4，即 slab 起始地址加 %1 × %5 字节。如果 cpu slab 已没有空闲对象，___slab_alloc() 会先把节点上的一个部分 slab 或一个新 slab 设为 cpu slab。该 slab 现在%6；满 slab 会离开所有链表，直到它的某个对象被释放。</translation>
    </message>
    <message>
        <source>____cache_alloc() → cache_alloc_refill() (mm/slab.c) takes object %1 of the slab at frames %2 of %3, partial slabs first, then free ones: address %4 in the direct map, the slab&apos;s start plus %1 × %5 bytes. fixup_slab_list() puts the slab at the head of %6; it has %7. Simplification: one CPU and no per-CPU array cache, so objects come straight from their slab instead of batchcount (%8) at a time.</source>
        <translation>____cache_alloc() → cache_alloc_refill()（mm/slab.c）先从部分 slab、再从空闲 slab 中取对象，这次取的是 %3 的 slab（页框 %2）中的对象 %1：直接映射区中的地址 %4，即 slab 起始地址加 %1 × %5 字节。fixup_slab_list() 把该 slab 放到 %6 的头部；它现在%7。简化：只有一个 CPU，也没有每 CPU 的 array cache，因此对象直接从所属 slab 中取出，而不是一次取 batchcount（%8）个。</translation>
    </message>
    <message>
        <source>It is the task_struct of %1: dup_task_struct() (kernel/fork.c) allocates it for copy_process().</source>
        <translation>这是 %1 的 task_struct：dup_task_struct()（kernel/fork.c）为 copy_process() 分配了它。</translation>
    </message>
    <message>
        <source>kmem_cache_free() → do_slab_free() (mm/slub.c) pushes object %1 at %2 on the freelist of its slab at frames %3 of %4, which has %5. In __slab_free() a full slab that gets an object back goes on the node&apos;s partial list, and an empty slab other than the cpu slab is freed once the node keeps min_partial (%6) partial slabs.</source>
        <translation>kmem_cache_free() → do_slab_free()（mm/slub.c）把位于 %2 的对象 %1 放回其所在 slab（%4 的 slab，页框 %3）的 freelist，该 slab 现在%5。在 __slab_free() 中，满 slab 收回一个对象后会进入节点的部分链表；除 cpu slab 以外的空 slab，在节点已保有 min_partial（%6）个部分 slab 时会被释放。</translation>
    </message>
    <message>
        <source>kmem_cache_free() → __cache_free() → free_block() (mm/slab.c) puts object %1 at %2 back on the freelist of its slab at frames %3 of %4, which has %5. free_block() moves an empty slab to the head of slabs_free and any other to the tail of slabs_partial; while the node holds more than free_limit (%6) free objects, free slabs go back to the buddy allocator. Simplification: no per-CPU array cache, so the object does not wait there for cache_flusharray().</source>
        <translation>kmem_cache_free() → __cache_free() → free_block()（mm/slab.c）把位于 %2 的对象 %1 放回其所在 slab（%4 的 slab，页框 %3）的 freelist，该 slab 现在%5。free_block() 把变空的 slab 移到 slabs_free 的头部，其他 slab 移到 slabs_partial 的尾部；只要节点持有的空闲对象超过 free_limit（%6）个，空闲 slab 就会归还给伙伴分配器。简化：没有每 CPU 的 array cache，因此对象不会先在那里等待 cache_flusharray()。</translation>
    </message>
    <message>
        <source>%1 has ended, and free_task() gives its task_struct back.</source>
        <translation>%1 已结束，free_task() 归还它的 task_struct。</translation>
    </message>
    <message>
        <source>deactivate_slab() (mm/slub.c) takes the slab at frames %1 of %2 away from the CPU: it has %3 and goes to %4. ___slab_alloc() does this when the cpu slab has no free object or lies on another node than the one asked for, and kmem_cache_shrink() flushes the cpu slab first (flush_all()).</source>
        <translation>deactivate_slab()（mm/slub.c）把 %2 的 slab（页框 %1）从 CPU 上摘下：它%3，去向：%4。当 cpu slab 没有空闲对象，或者它所在的节点不是请求的节点时，___slab_alloc() 会这样做；kmem_cache_shrink() 也会先刷出 cpu slab（flush_all()）。</translation>
    </message>
    <message>
        <source>%1 has %2 left; /proc/meminfo Slab is %3 kB.</source>
        <translation>%1 还剩 %2；/proc/meminfo 的 Slab 为 %3 kB。</translation>
    </message>
    <message>
        <source>No object of the slab at frames %1 of %2 is in use, so discard_slab() → free_slab() (mm/slub.c) gives its order-%3 block back to the buddy allocator (the steps that follow). __slab_free() does this once the node keeps min_partial (%4) partial slabs, kmem_cache_shrink() frees every empty slab, and ___slab_alloc() drops an empty cpu slab left on another node.</source>
        <translation>%2 的 slab（页框 %1）中已没有对象在使用，因此 discard_slab() → free_slab()（mm/slub.c）把它的 %3 阶块归还给伙伴分配器（见后续步骤）。当节点已保有 min_partial（%4）个部分 slab 时，__slab_free() 会这样做；kmem_cache_shrink() 会释放所有空 slab；___slab_alloc() 也会丢弃留在其他节点上的空 cpu slab。</translation>
    </message>
    <message>
        <source>No object of the slab at frames %1 of %2 is in use, so slab_destroy() → kmem_freepages() (mm/slab.c) gives its order-%3 block back to the buddy allocator (the steps that follow). free_block() does this while the node holds more than free_limit free objects, and kmem_cache_shrink() (drain_freelist()) empties slabs_free.</source>
        <translation>%2 的 slab（页框 %1）中已没有对象在使用，因此 slab_destroy() → kmem_freepages()（mm/slab.c）把它的 %3 阶块归还给伙伴分配器（见后续步骤）。只要节点持有的空闲对象超过 free_limit，free_block() 就会这样做；kmem_cache_shrink()（drain_freelist()）则会清空 slabs_free。</translation>
    </message>
    <message>
        <source>kfree(%1): the order-%2 block at frames %3 goes back to the buddy allocator</source>
        <translation>kfree(%1)：页框 %3 处的 %2 阶块归还给伙伴分配器</translation>
    </message>
    <message>
        <source>kmalloc(%1) → %2: too large for a slab cache, an order-%3 block at frames %4</source>
        <translation>kmalloc(%1) → %2：对 slab 缓存来说太大，直接分配页框 %4 处的 %3 阶块</translation>
    </message>
    <message>
        <source>kfree(%1): an object of %2</source>
        <translation>kfree(%1)：%2 的一个对象</translation>
    </message>
    <message>
        <source>kmalloc(%1) → %2 from %3</source>
        <translation>kmalloc(%1) → %2，来自 %3</translation>
    </message>
    <message>
        <source>kfree(%1) finds that the page the address lies in is not a slab, so it is a large kmalloc: free_large_kmalloc() (mm/slab_common.c) gives the order-%2 block at frames %3 back to the buddy allocator (the steps that follow). SUnreclaim in /proc/meminfo drops by %4 kB.</source>
        <translation>kfree(%1) 发现该地址所在的页不是 slab，所以这是一次大块 kmalloc：free_large_kmalloc()（mm/slab_common.c）把页框 %3 处的 %2 阶块归还给伙伴分配器（见后续步骤）。/proc/meminfo 中的 SUnreclaim 减少 %4 kB。</translation>
    </message>
    <message>
        <source>kmalloc(%1) is above KMALLOC_MAX_CACHE_SIZE (8 KiB, two pages), so kmalloc_large() (mm/slab_common.c) skips the slab caches and takes an order-%2 block straight from the buddy allocator: frames %3 in %4, at %5 in the direct map, %6 of it unused. The pages count in /proc/meminfo SUnreclaim (NR_SLAB_UNRECLAIMABLE_B) although no cache holds them; kmalloc() of more than KMALLOC_MAX_SIZE (4 MiB) fails.</source>
        <translation>kmalloc(%1) 超过了 KMALLOC_MAX_CACHE_SIZE（8 KiB，即两页），因此 kmalloc_large()（mm/slab_common.c）绕过 slab 缓存，直接从伙伴分配器取一个 %2 阶块：%4 中的页框 %3，位于直接映射区的 %5，其中 %6 未被使用。这些页虽然不属于任何缓存，仍计入 /proc/meminfo 的 SUnreclaim（NR_SLAB_UNRECLAIMABLE_B）；超过 KMALLOC_MAX_SIZE（4 MiB）的 kmalloc() 会失败。</translation>
    </message>
    <message>
        <source>kfree(%1) (%2) needs no size: the page the address lies in is a slab of %3, and the object&apos;s offset in the slab gives its index. So the object goes back to %3 like a kmem_cache_free() (the steps that follow).</source>
        <translation>kfree(%1)（%2）不需要知道大小：该地址所在的页是 %3 的一个 slab，对象在 slab 中的偏移就给出了它的索引。因此该对象像 kmem_cache_free() 一样归还给 %3（见后续步骤）。</translation>
    </message>
    <message>
        <source>kmalloc(%1) picks a size class with kmalloc_slab(): up to 192 bytes through kmalloc_size_index[] (96 and 192 are classes of their own), above that the next power of two, from %2 bytes up under %3. So the request goes to %4, and %5 bytes of the %6-byte object stay unused. The object comes from that cache like any kmem_cache_alloc() (the steps before) and lies at %7 in the direct map: physically contiguous, as kmalloc() memory always is.</source>
        <translation>kmalloc(%1) 用 kmalloc_slab() 选择大小档位：192 字节以内查 kmalloc_size_index[]（96 和 192 各自单独成档），超过 192 字节则取下一个 2 的幂；%3 下的档位从 %2 字节起。因此该请求交给 %4，%6 字节的对象中有 %5 字节未被使用。该对象像任何 kmem_cache_alloc() 一样从该缓存中取得（见前面的步骤），位于直接映射区的 %7：物理上连续，kmalloc() 分配的内存总是如此。</translation>
    </message>
    <message>
        <source>Kernel stack of PID %1: reserve %2 in the vmalloc area (%3 with the guard page)</source>
        <translation>PID %1 的内核栈：在 vmalloc 区预留 %2（含保护页共 %3）</translation>
    </message>
    <message>
        <source>vmalloc(%1): reserve %2 (%3 with the guard page)</source>
        <translation>vmalloc(%1)：预留 %2（含保护页共 %3）</translation>
    </message>
    <message>
        <source>Map page %1 of the vmalloc area at %2: %3 → frame %4</source>
        <translation>映射 vmalloc 区域（%2）的第 %1 页：%3 → 页框 %4</translation>
    </message>
    <message>
        <source>Kernel stack of PID %1: the order-1 block at frames %2, at %3 in the direct map</source>
        <translation>PID %1 的内核栈：页框 %2 处的 1 阶块，位于直接映射区的 %3</translation>
    </message>
    <message>
        <source>vmalloc at %1</source>
        <translation>vmalloc，位于 %1</translation>
    </message>
    <message>
        <source>Simplification: memviz keeps the kernel&apos;s mappings as a table of areas instead of page tables in simulated memory.</source>
        <translation>简化：memviz 用一张区域表记录内核的映射，而不是在模拟内存中建立页表。</translation>
    </message>
    <message>
        <source>copy_process() → dup_task_struct() → alloc_thread_stack_node() (kernel/fork.c) gives %1 its kernel stack: with CONFIG_VMAP_STACK it is vmalloc&apos;d, %2 (THREAD_SIZE) aligned to its size, here at %3. Every vmalloc area ends in an unmapped guard page, so a stack overflowing downwards runs into unmapped memory and faults instead of corrupting its neighbour; the %4 come next, from the process&apos;s node. Simplification: no per-CPU cache of freed stacks (NR_CACHED_STACKS).</source>
        <translation>copy_process() → dup_task_struct() → alloc_thread_stack_node()（kernel/fork.c）为 %1 分配内核栈：启用 CONFIG_VMAP_STACK 时，内核栈由 vmalloc 分配，大小为 %2（THREAD_SIZE），并按自身大小对齐，这里位于 %3。每个 vmalloc 区域的末尾都有一个未映射的保护页，因此向下溢出的栈会撞上未映射的内存而触发缺页异常，而不会破坏相邻的区域；接下来分配这 %4，它们来自该进程所在的节点。简化：没有缓存已释放内核栈的每 CPU 缓存（NR_CACHED_STACKS）。</translation>
    </message>
    <message>
        <source>__vmalloc_node_range() (mm/vmalloc.c) rounds %1 up to %2 and alloc_vmap_area() reserves %3 at %4: the lowest gap that fits in the vmalloc area %5–%6 (first fit), a guard page included so that an overrun faults instead of running into the next area. Then __vmalloc_area_node() takes the pages one by one from the buddy allocator and maps each: the memory is contiguous in kernel virtual addresses only.</source>
        <translation>__vmalloc_node_range()（mm/vmalloc.c）把 %1 向上取整为 %2，alloc_vmap_area() 在 %4 处预留 %3：这是 vmalloc 区（动态内存映射区）%5–%6 中能放下它的最低空隙（首次适配），其中含一个保护页，使越界访问触发缺页异常，而不会闯入下一个区域。随后 __vmalloc_area_node() 从伙伴分配器逐页取页并逐一映射：这块内存只在内核虚拟地址上连续。</translation>
    </message>
    <message>
        <source>(unknown)</source>
        <translation>（未知）</translation>
    </message>
    <message>
        <source>It is a page of the kernel stack of %1; KernelStack in /proc/meminfo is now %2 kB.</source>
        <translation>这是 %1 内核栈的一页；/proc/meminfo 中的 KernelStack 现为 %2 kB。</translation>
    </message>
    <message>
        <source>VmallocUsed in /proc/meminfo is now %1 kB.</source>
        <translation>/proc/meminfo 中的 VmallocUsed 现为 %1 kB。</translation>
    </message>
    <message>
        <source>__vmalloc_area_node() (mm/vmalloc.c) took frame %1 in %2 from the buddy allocator (vm_area_alloc_pages(), GFP_KERNEL | __GFP_HIGHMEM) and vmap_pages_range() maps it at %3, page %4 of the area at %5. The frames of an area need not be contiguous, nor in lowmem on x86-32: only the addresses are.</source>
        <translation>__vmalloc_area_node()（mm/vmalloc.c）从伙伴分配器取得 %2 中的页框 %1（vm_area_alloc_pages()，GFP_KERNEL | __GFP_HIGHMEM），vmap_pages_range() 把它映射到 %3，即 %5 处区域的第 %4 页。一个区域的各个页框不必连续，在 x86-32 上也不必位于低端内存：连续的只是地址。</translation>
    </message>
    <message>
        <source>x86-32 has no vmalloc&apos;d stacks (no CONFIG_VMAP_STACK): alloc_thread_stack_node() (kernel/fork.c) takes an order-1 block of lowmem, %1 = THREAD_SIZE, frames %2, and the kernel stack of %3 lives at its direct-map address %4. There is no guard page, so an overflowing stack silently overwrites the memory below it. KernelStack in /proc/meminfo is now %5 kB.</source>
        <translation>x86-32 上的内核栈不用 vmalloc 分配（没有 CONFIG_VMAP_STACK）：alloc_thread_stack_node()（kernel/fork.c）从低端内存取一个 1 阶块，%1 = THREAD_SIZE，页框 %2，%3 的内核栈就位于它在直接映射区中的地址 %4。这里没有保护页，因此栈溢出时会悄无声息地覆盖其下方的内存。/proc/meminfo 中的 KernelStack 现为 %5 kB。</translation>
    </message>
    <message>
        <source>A vmalloc area changes at %1. %2</source>
        <translation>%1 处的 vmalloc 区域发生变化。%2</translation>
    </message>
    <message>
        <source>Kernel stack of PID %1: the order-1 block at frames %2 goes back</source>
        <translation>PID %1 的内核栈：页框 %2 处的 1 阶块被归还</translation>
    </message>
    <message>
        <source>Kernel stack of PID %1 at %2 is freed</source>
        <translation>PID %1 位于 %2 的内核栈被释放</translation>
    </message>
    <message>
        <source>vfree(%1): unmap %2 (%3 with the guard page)</source>
        <translation>vfree(%1)：解除 %2 的映射（含保护页共 %3）</translation>
    </message>
    <message>
        <source>%1 has ended: free_thread_stack() (kernel/fork.c) gives its kernel stack, the order-1 block at frames %2 (%3 at %4 in the direct map), back to the buddy allocator (the steps that follow). KernelStack in /proc/meminfo is now %5 kB.</source>
        <translation>%1 已结束：free_thread_stack()（kernel/fork.c）把它的内核栈，即页框 %2 处的 1 阶块（%3，位于直接映射区的 %4），归还给伙伴分配器（见后续步骤）。/proc/meminfo 中的 KernelStack 现为 %5 kB。</translation>
    </message>
    <message>
        <source>Simplification: Linux purges freed areas lazily (lazy_max_pages) with one TLB flush for many; memviz flushes at once, page by page up to 33 pages (tlb_single_page_flush_ceiling) or the whole TLB above that.</source>
        <translation>简化：Linux 会延迟清除已释放的区域（lazy_max_pages），攒够一批后只刷新一次 TLB；memviz 则立即刷新：不超过 33 页（tlb_single_page_flush_ceiling）时逐页刷新，超过时刷新整个 TLB。</translation>
    </message>
    <message>
        <source>%1 has ended: free_thread_stack() (kernel/fork.c) vfree()s its kernel stack at %2. remove_vm_area() unmaps its %3, which go back to the buddy allocator, and the kernel TLB entries of the range are flushed (the steps that follow). Linux would keep the stack for the next fork (NR_CACHED_STACKS) and free it after an RCU grace period.</source>
        <translation>%1 已结束：free_thread_stack()（kernel/fork.c）用 vfree() 释放它位于 %2 的内核栈。remove_vm_area() 解除其 %3 的映射，这些页归还给伙伴分配器，该范围的内核 TLB 表项也被刷新（见后续步骤）。真实的 Linux 会把这个栈留给下一次 fork 使用（NR_CACHED_STACKS），并在 RCU 宽限期之后才释放它。</translation>
    </message>
    <message>
        <source>vfree(%1) (mm/vmalloc.c) finds the area with find_vmap_area() and remove_vm_area() unmaps its %2; they go back to the buddy allocator one by one and the kernel TLB entries of %3 are flushed (the steps that follow). VmallocUsed in /proc/meminfo is now %4 kB.</source>
        <translation>vfree(%1)（mm/vmalloc.c）用 find_vmap_area() 找到该区域，remove_vm_area() 解除其 %2 的映射；这些页逐一归还给伙伴分配器，%3 的内核 TLB 表项被刷新（见后续步骤）。/proc/meminfo 中的 VmallocUsed 现为 %4 kB。</translation>
    </message>
    <message>
        <source>kunmap(page %1): pkmap slot %2 at %3, count now %4</source>
        <translation>kunmap(页 %1)：%3 处的 pkmap 槽位 %2，计数现为 %4</translation>
    </message>
    <message>
        <source>kmap(page %1) → %2 (pkmap slot %3, count %4)</source>
        <translation>kmap(页 %1) → %2（pkmap 槽位 %3，计数 %4）</translation>
    </message>
    <message>
        <source>kunmap_local(%1): fixmap slot %2 of page %3 is released</source>
        <translation>kunmap_local(%1)：释放页 %3 的临时映射槽位 %2</translation>
    </message>
    <message>
        <source>kmap_local_page(page %1) → %2 (fixmap slot %3)</source>
        <translation>kmap_local_page(页 %1) → %2（临时映射槽位 %3）</translation>
    </message>
    <message>
        <source>kunmap(page %1): a direct-map page, nothing to undo</source>
        <translation>kunmap(页 %1)：直接映射区中的页，无需撤销</translation>
    </message>
    <message>
        <source>kmap(page %1) → %2: a direct-map address, nothing to map</source>
        <translation>kmap(页 %1) → %2：直接映射区地址，无需映射</translation>
    </message>
    <message>
        <source>flush_all_zero_pkmaps(): %1 unused pkmap slots freed</source>
        <translation>flush_all_zero_pkmaps()：释放了 %1 个未使用的 pkmap 槽位</translation>
    </message>
    <message>
        <source>kunmap(page %1)</source>
        <translation>kunmap(页 %1)</translation>
    </message>
    <message>
        <source>kmap(page %1)</source>
        <translation>kmap(页 %1)</translation>
    </message>
    <message>
        <source>kmap() (mm/highmem.c) of the HighMem page in frame %1: the page has no permanent kernel address, so kmap_high() gives it one in the persistent kmap window at %2. A slot already mapping the page just counts one user more; otherwise map_new_virtual() scans on from last_pkmap_nr for a slot with count 0 and writes its PTE: slot %3, address %4. pkmap_count[%3] is now %5: 1 for the mapping plus one per user, so the page stays mapped until kunmap(). The window has %6 slots (LAST_PKMAP); when all are in use kmap() sleeps.</source>
        <translation>kmap()（mm/highmem.c）映射页框 %1 中的高端内存页：该页没有永久的内核地址，因此 kmap_high() 在位于 %2 的永久内存映射区（pkmap）中为它分配一个。如果已有槽位映射着该页，只需把使用者计数加一；否则 map_new_virtual() 从 last_pkmap_nr 开始往后查找计数为 0 的槽位，并写入它的 PTE：槽位 %3，地址 %4。pkmap_count[%3] 现为 %5：映射本身占 1，每个使用者再加 1，因此该页在 kunmap() 之前一直保持映射。该映射区共有 %6 个槽位（LAST_PKMAP）；全部占用时 kmap() 会睡眠等待。</translation>
    </message>
    <message>
        <source>kmap_local_page() (include/linux/highmem-internal.h → __kmap_local_pfn_prot() in mm/highmem.c) maps the HighMem page in frame %1 at a per-CPU fixmap slot: kmap_local_idx_push() takes slot %2 at %3 and its PTE is written, with no lock and no TLB flush. The slots form a stack, %4 of %5 in use now, so kunmap_local() must release them in reverse order. It is the cheap way to reach a HighMem page for a moment; kmap_atomic() does the same with page faults and preemption off.</source>
        <translation>kmap_local_page()（include/linux/highmem-internal.h → mm/highmem.c 中的 __kmap_local_pfn_prot()）把页框 %1 中的高端内存页映射到固定映射区（fixmap）中一个每 CPU 的临时映射槽位：kmap_local_idx_push() 取得位于 %3 的槽位 %2 并写入其 PTE，既不加锁，也不刷新 TLB。这些槽位构成一个栈，当前已使用 %4 个（共 %5 个），因此 kunmap_local() 必须按相反的顺序释放它们。这是短暂访问高端内存页的廉价方式；kmap_atomic() 做的是同样的事，只是同时禁用了缺页处理和抢占。</translation>
    </message>
    <message>
        <source>The page in frame %1 is not in HighMem, so it has a permanent address in the direct map: kmap() and kmap_local_page() just return page_address() = %2, and kunmap() has nothing to undo. On 64-bit every page is like this, since all RAM is in the direct map.</source>
        <translation>页框 %1 中的页不在高端内存中，因此它在直接映射区中有永久地址：kmap() 和 kmap_local_page() 只是返回 page_address() = %2，kunmap() 也无需撤销任何东西。在 64 位系统上每一页都是这样，因为全部 RAM 都在直接映射区中。</translation>
    </message>
    <message>
        <source>kmap() maps the page in frame %1. Only HighMem pages need it.</source>
        <translation>kmap() 映射页框 %1 中的页。只有高端内存页才需要这样做。</translation>
    </message>
    <message>
        <source>kunmap() → kunmap_high() (mm/highmem.c) drops one user of pkmap slot %1 (%2, page %3): pkmap_count is now %4. At 1 the slot keeps its mapping, unused, until map_new_virtual() wraps around to slot 0 and flush_all_zero_pkmaps() frees all such slots with one TLB flush: kunmap() itself never flushes.</source>
        <translation>kunmap() → kunmap_high()（mm/highmem.c）让 pkmap 槽位 %1（%2，页 %3）的使用者减一：pkmap_count 现为 %4。计数为 1 时，槽位保留映射但无人使用，直到 map_new_virtual() 绕回槽位 0，由 flush_all_zero_pkmaps() 释放所有这样的槽位，并且只刷新一次 TLB：kunmap() 本身从不刷新 TLB。</translation>
    </message>
    <message>
        <source>kunmap_local() → kunmap_local_indexed() (mm/highmem.c) clears the PTE of fixmap slot %1 (%2, page %3), flushes that one kernel address from the TLB (flush_tlb_one_kernel(), the step that follows) and pops the slot: %4 of %5 in use. Unlike kunmap(), the slot is free again at once: a kmap_local mapping lives only until its kunmap_local().</source>
        <translation>kunmap_local() → kunmap_local_indexed()（mm/highmem.c）清除临时映射槽位 %1（%2，页 %3）的 PTE，从 TLB 中刷新这一个内核地址（flush_tlb_one_kernel()，见下一步），并弹出该槽位：已使用 %4 个（共 %5 个）。与 kunmap() 不同，该槽位立即重新空闲：kmap_local 映射只存活到与之对应的 kunmap_local() 为止。</translation>
    </message>
    <message>
        <source>The page in frame %1 (%2) is in the direct map, not in HighMem: kmap() gave its permanent address, so kunmap() and kunmap_local() have nothing to undo. On 64-bit every page is like this.</source>
        <translation>页框 %1（%2）中的页位于直接映射区，不在高端内存中：kmap() 返回的就是它的永久地址，因此 kunmap() 和 kunmap_local() 都无需撤销任何东西。在 64 位系统上每一页都是这样。</translation>
    </message>
    <message>
        <source>map_new_virtual() has scanned to the end of the pkmap window and wraps to slot 0, so flush_all_zero_pkmaps() (mm/highmem.c) first frees every slot whose pkmap_count is 1 (mapped, but without a user since its kunmap()): %1 slots, their PTEs cleared. When it freed any, one flush_tlb_kernel_range() over the whole window follows: batching the flushes at the wrap is why kunmap() does not flush.</source>
        <translation>map_new_virtual() 已扫描到永久内存映射区（pkmap）的末尾并绕回槽位 0，因此 flush_all_zero_pkmaps()（mm/highmem.c）先释放所有 pkmap_count 为 1 的槽位（仍有映射，但自 kunmap() 之后已无使用者）：共 %1 个槽位，其 PTE 被清除。只要释放了槽位，随后就对整个映射区执行一次 flush_tlb_kernel_range()：正因为在绕回时批量刷新，kunmap() 才不需要刷新 TLB。</translation>
    </message>
    <message>
        <source>kunmap() of the page in frame %1. Only HighMem pages need it.</source>
        <translation>对页框 %1 中的页执行 kunmap()。只有高端内存页才需要这样做。</translation>
    </message>
    <message>
        <source>get_page_from_freelist() (mm/page_alloc.c) walks the zonelist of node %1, whose fallback order is %2: none of node %1&apos;s zones could give an order-%3 block at the watermark, so the block %4 comes from %5, next in that order (node_distance(%1, %6) = %7). zone_statistics() counts it as numa_miss of node %6 and numa_foreign of node %1 (numastat shows both), and a CPU of node %1 reaches it only across the interconnect, more slowly than its own memory. The order was fixed at boot by build_zonelists(): nearest node first, equal distances taken in turn.</source>
        <translation>get_page_from_freelist()（mm/page_alloc.c）遍历节点 %1 的 zonelist，其后备顺序为 %2：节点 %1 的所有 zone 都无法在满足水位线要求的前提下提供 %3 阶块，因此块 %4 来自按该顺序排在后面的 %5（node_distance(%1, %6) = %7）。zone_statistics() 把它记为节点 %6 的 numa_miss 和节点 %1 的 numa_foreign（numastat 会同时显示这两项），而节点 %1 的 CPU 只能经由互连访问它，比访问本节点的内存更慢。这个顺序在启动时由 build_zonelists() 确定：最近的节点在前，距离相同的节点轮流排在前面。</translation>
    </message>
    <message>
        <source>slab</source>
        <translation>slab</translation>
    </message>
    <message>
        <source>vmalloc page</source>
        <translation>vmalloc 页</translation>
    </message>
    <message>
        <source>kernel stack</source>
        <translation>内核栈</translation>
    </message>
    <message>
        <source>New slab cache</source>
        <translation>新建 slab 缓存</translation>
    </message>
    <message>
        <source>Slab cache grows</source>
        <translation>slab 缓存增长</translation>
    </message>
    <message>
        <source>Slab object allocated</source>
        <translation>分配 slab 对象</translation>
    </message>
    <message>
        <source>Slab object freed</source>
        <translation>释放 slab 对象</translation>
    </message>
    <message>
        <source>Slab leaves cache</source>
        <translation>slab 离开缓存</translation>
    </message>
    <message>
        <source>kmalloc / kfree</source>
        <translation>kmalloc / kfree</translation>
    </message>
    <message>
        <source>vmalloc</source>
        <translation>vmalloc</translation>
    </message>
    <message>
        <source>vfree</source>
        <translation>vfree</translation>
    </message>
    <message>
        <source>kmap</source>
        <translation>kmap</translation>
    </message>
    <message>
        <source>kunmap</source>
        <translation>kunmap</translation>
    </message>
    <message>
        <source>NUMA node fallback</source>
        <translation>NUMA 节点后备分配</translation>
    </message>
    <message>
        <source>TLB flush: invlpg kernel address %1 (%2)</source>
        <translation>刷新 TLB：invlpg 内核地址 %1（%2）</translation>
    </message>
    <message>
        <source>%1 grows: a new slab of %2 at frames %3 in %4</source>
        <translation>%1 增长：新增一个 %2 的 slab，位于 %4 的页框 %3</translation>
    </message>
    <message>
        <source>kmem_cache_alloc(%1) → %2: object %3 of the slab at %4</source>
        <translation>kmem_cache_alloc(%1) → %2：%4 处 slab 的对象 %3</translation>
    </message>
    <message>
        <source>kmem_cache_free(%1, %2): object %3 of the slab at %4</source>
        <translation>kmem_cache_free(%1, %2)：%4 处 slab 的对象 %3</translation>
    </message>
    <message>
        <source>%1: the cpu slab at %2 goes back to its node (deactivate_slab)</source>
        <translation>%1：%2 处的 cpu slab 回到其节点（deactivate_slab）</translation>
    </message>
    <message>
        <source>%1 gives the empty slab at frames %2 back to the buddy allocator</source>
        <translation>%1 把页框 %2 处的空 slab 归还给伙伴分配器</translation>
    </message>
    <message>
        <source>Node %1 has no room for an order-%2 block: %3 comes from %4</source>
        <translation>节点 %1 无法提供 %2 阶块：%3 来自 %4</translation>
    </message>
    <message>
        <source>flush_tlb_kernel_range() (arch/x86/mm/tlb.c) was asked to flush more than tlb_single_page_flush_ceiling = 33 pages of kernel addresses, so do_flush_tlb_all() invalidates every TLB entry, the global ones too: %1 valid translations are gone. Every page touched next costs a miss and a page walk.</source>
        <translation>flush_tlb_kernel_range()（arch/x86/mm/tlb.c）要刷新的内核地址超过 tlb_single_page_flush_ceiling = 33 页，因此 do_flush_tlb_all() 使所有 TLB 表项失效，包括全局表项：%1 个有效转换全部丢失。之后访问的每一页都要付出一次未命中和一次页表遍历的代价。</translation>
    </message>
    <message>
        <source>The kernel unmapped %1 (vfree(), kunmap_local() or the pkmap flush), so flush_tlb_kernel_range() (arch/x86/mm/tlb.c) invalidates its translation with invlpg (flush_tlb_one_kernel()), page by page for up to tlb_single_page_flush_ceiling = 33 pages. Kernel mappings are global (_PAGE_GLOBAL): no CR3 write drops them, only such a flush. It dropped %2.</source>
        <translation>内核解除了 %1 的映射（vfree()、kunmap_local() 或 pkmap 批量刷新），因此 flush_tlb_kernel_range()（arch/x86/mm/tlb.c）用 invlpg 使它的转换失效（flush_tlb_one_kernel()），不超过 tlb_single_page_flush_ceiling = 33 页时逐页进行。内核映射是全局的（_PAGE_GLOBAL）：写 CR3 不会清除它们，只有这样的刷新才会。本次丢弃了 %2。</translation>
    </message>
    <message>
        <source>drop_slab() (mm/vmscan.c) then runs the shrinkers of the reclaimable slab caches (dentries, inodes) so that they free unused objects and empty slabs. memviz&apos;s slab caches have no shrinkers: their objects belong to the script or to live processes, so drop_slab() frees nothing here.</source>
        <translation>接着 drop_slab()（mm/vmscan.c）运行可回收 slab 缓存（dentry、inode）的 shrinker，让它们释放未使用的对象和空 slab。memviz 的 slab 缓存没有 shrinker：其中的对象属于脚本或仍在运行的进程，因此 drop_slab() 在这里不会释放任何东西。</translation>
    </message>
    <message>
        <source>Simplification:</source>
        <translation>简化：</translation>
    </message>
</context>
<context>
    <name>ExerciseText</name>
    <message>
        <source>%1. Virtual address %2 = %3 %4 %5 (binary: PDE index | PTE index | offset)</source>
        <translation>%1. 虚拟地址 %2 = %3 %4 %5（二进制：PDE 索引 | PTE 索引 | 页内偏移）</translation>
    </message>
    <message>
        <source>PDE index %1 (%2): byte %2 of page %3 (address %4) = %5: valid 1, PFN %6 (%7)</source>
        <translation>PDE 索引 %1（%2）：页 %3 中偏移 %2 处的字节（地址 %4）= %5：有效位 1，PFN %6（%7）</translation>
    </message>
    <message>
        <source>PDE index %1 (%2): byte %2 of page %3 (address %4) = %5: valid 0</source>
        <translation>PDE 索引 %1（%2）：页 %3 中偏移 %2 处的字节（地址 %4）= %5：有效位 0</translation>
    </message>
    <message>
        <source>PTE index %1 (%2): byte %2 of page %3 (address %4) = %5: valid 1, PFN %6 (%7)</source>
        <translation>PTE 索引 %1（%2）：页 %3 中偏移 %2 处的字节（地址 %4）= %5：有效位 1，PFN %6（%7）</translation>
    </message>
    <message>
        <source>PTE index %1 (%2): byte %2 of page %3 (address %4) = %5: valid 0</source>
        <translation>PTE 索引 %1（%2）：页 %3 中偏移 %2 处的字节（地址 %4）= %5：有效位 0</translation>
    </message>
    <message>
        <source>→ physical address %1 × %2 + %3 = %4; the byte there is %5 (%6)</source>
        <translation>→ 物理地址 %1 × %2 + %3 = %4；该处的字节为 %5（%6）</translation>
    </message>
    <message>
        <source>→ fault: the page-directory entry is not valid (PDE fault)</source>
        <translation>→ 缺页：页目录项无效（PDE 缺页）</translation>
    </message>
    <message>
        <source>→ fault: the page-table entry is not valid (PTE fault)</source>
        <translation>→ 缺页：页表项无效（PTE 缺页）</translation>
    </message>
    <message>
        <source>PDE fault</source>
        <translation>PDE 缺页</translation>
    </message>
    <message>
        <source>PTE fault</source>
        <translation>PTE 缺页</translation>
    </message>
    <message>
        <source>In all: %1 of the %2 addresses translate; %3 fault.</source>
        <translation>总计：%2 个地址中有 %1 个转换成功，%3 个缺页。</translation>
    </message>
    <message>
        <source>Address translation with a two-level page table (seed %1)</source>
        <translation>二级页表的地址转换（种子 %1）</translation>
    </message>
    <message>
        <source>A textbook machine, as in OSTEP&apos;s paging-multilevel-translate.py:</source>
        <translation>一台教科书式的机器，与 OSTEP 的 paging-multilevel-translate.py 相同：</translation>
    </message>
    <message>
        <source>page size: %1 bytes</source>
        <translation>页大小：%1 字节</translation>
    </message>
    <message>
        <source>virtual addresses: %1 bits = %2 bits page-directory index | %2 bits page-table index | %3 bits offset</source>
        <translation>虚拟地址：%1 位 = %2 位页目录索引 | %2 位页表索引 | %3 位页内偏移</translation>
    </message>
    <message>
        <source>physical memory: %1 bytes = %2 frames of %3 bytes; physical address = PFN × %3 + offset</source>
        <translation>物理内存：%1 字节 = %2 个页框，每个 %3 字节；物理地址 = PFN × %3 + 页内偏移</translation>
    </message>
    <message>
        <source>bit %1 = valid, bits %2–%3 = PFN (frame number)</source>
        <translation>第 %1 位 = 有效位，第 %2–%3 位 = PFN（页框号）</translation>
    </message>
    <message>
        <source>bits %2–%3 = PFN (frame number), bit %1 = valid</source>
        <translation>第 %2–%3 位 = PFN（页框号），第 %1 位 = 有效位</translation>
    </message>
    <message>
        <source>page-directory and page-table entries: 1 byte each, %1</source>
        <translation>页目录项和页表项：各占 1 字节，%1</translation>
    </message>
    <message>
        <source>the page directory and every page table fill one page (%1 entries); the page directory is in frame %2 (PDBR = %2, decimal)</source>
        <translation>页目录和每个页表各占满一页（%1 个表项）；页目录位于页框 %2（PDBR = %2，十进制）</translation>
    </message>
    <message>
        <source>Memory dump (hex, byte offsets on top). These are all the pages the questions need; every other page holds data too.</source>
        <translation>内存转储（十六进制，顶部标出字节偏移）。这里列出了解题所需的全部页；其他各页中也存有数据。</translation>
    </message>
    <message>
        <source>Translate each virtual address: give the physical address and the byte stored there, or say that the translation faults and whether the page-directory entry (PDE) or the page-table entry (PTE) is not valid.</source>
        <translation>转换下列每个虚拟地址：给出物理地址以及该处存储的字节；若转换时缺页，则指出是页目录项（PDE）还是页表项（PTE）无效。</translation>
    </message>
    <message>
        <source>set %1: %2</source>
        <translation>组 %1：%2</translation>
    </message>
    <message>
        <source>TLB hits and misses (seed %1)</source>
        <translation>TLB 命中与未命中（种子 %1）</translation>
    </message>
    <message>
        <source>A process reads the virtual addresses below, one after the other. The machine is x86-64 with 4 KiB pages: the virtual page number (VPN) is the address without its last three hex digits (address &gt;&gt; 12).</source>
        <translation>一个进程依次读取下列虚拟地址。机器为 x86-64，页大小为 4 KiB：虚拟页号（VPN）就是地址去掉最后三位十六进制数字（address &gt;&gt; 12）。</translation>
    </message>
    <message>
        <source>The TLB has 4 entries and is fully associative (one set of 4 ways).</source>
        <translation>TLB 有 4 个表项，采用全相联（1 组 × 4 路）。</translation>
    </message>
    <message>
        <source>The TLB has 4 entries and is 2-way set-associative: 2 sets of 2 ways; a page goes to set VPN mod 2 (the lowest bit of the VPN).</source>
        <translation>TLB 有 4 个表项，采用 2 路组相联：2 组 × 2 路；页放入第 VPN mod 2 组（即 VPN 的最低位）。</translation>
    </message>
    <message>
        <source>Replacement: LRU. A miss in a full set evicts the entry used longest ago (a hit counts as a use).</source>
        <translation>替换策略：LRU。组已满时，未命中会淘汰最久未使用的表项（命中也算一次使用）。</translation>
    </message>
    <message>
        <source>Replacement: FIFO. A miss in a full set evicts the entry loaded longest ago (hits do not change the order).</source>
        <translation>替换策略：FIFO。组已满时，未命中会淘汰最早装入的表项（命中不改变顺序）。</translation>
    </message>
    <message>
        <source>A miss loads the page&apos;s translation into its set: into the lowest-numbered empty way while there is one, else in place of the victim.</source>
        <translation>未命中时，把该页的地址转换装入其所在的组：若还有空路，则装入编号最小的空路，否则替换被淘汰的表项。</translation>
    </message>
    <message>
        <source>Every address lies in one read-only anonymous mapping of 16 pages at %1, so no access fails (the first access to a page also takes a page fault; that does not change what the TLB does).</source>
        <translation>所有地址都位于 %1 处一个 16 页的只读匿名映射中，因此每次访问都不会失败（首次访问某页时还会发生缺页异常，但这不影响 TLB 的行为）。</translation>
    </message>
    <message>
        <source>The TLB is empty at the start: the process has just been switched back in, and without PCID loading CR3 flushed the TLB.</source>
        <translation>开始时 TLB 为空：该进程刚被切换回来，而在没有 PCID 的情况下，加载 CR3 会刷新 TLB。</translation>
    </message>
    <message>
        <source>Accesses:</source>
        <translation>访问序列：</translation>
    </message>
    <message>
        <source>Which accesses hit in the TLB and which miss? Which entry does each miss evict? What does the TLB hold at the end?</source>
        <translation>哪些访问在 TLB 中命中，哪些未命中？每次未命中淘汰了哪个表项？最后 TLB 中有哪些表项？</translation>
    </message>
    <message>
        <source>Type h for a hit or m for a miss.</source>
        <translation>命中输入 h，未命中输入 m。</translation>
    </message>
    <message>
        <source>VPN %1, set %2</source>
        <translation>VPN %1，组 %2</translation>
    </message>
    <message>
        <source>VPN %1</source>
        <translation>VPN %1</translation>
    </message>
    <message>
        <source>hit (way %1)</source>
        <translation>命中（路 %1）</translation>
    </message>
    <message>
        <source>miss → loaded into way %1, which was empty</source>
        <translation>未命中 → 装入路 %1（原为空）</translation>
    </message>
    <message>
        <source>miss → way %1: evicts %2, the entry used longest ago</source>
        <translation>未命中 → 路 %1：淘汰最久未使用的表项 %2</translation>
    </message>
    <message>
        <source>miss → way %1: evicts %2, the entry loaded longest ago</source>
        <translation>未命中 → 路 %1：淘汰最早装入的表项 %2</translation>
    </message>
    <message>
        <source>TLB: %1</source>
        <translation>TLB：%1</translation>
    </message>
    <message>
        <source>hit</source>
        <translation>命中</translation>
    </message>
    <message>
        <source>miss</source>
        <translation>未命中</translation>
    </message>
    <message>
        <source>In all: %1 hits and %2 misses in %3 accesses (%4 TLB, %5). At the end the TLB holds: %6</source>
        <translation>总计：%3 次访问中命中 %1 次，未命中 %2 次（%4 TLB，%5）。最后 TLB 中有：%6</translation>
    </message>
    <message>
        <source>fully associative</source>
        <translation>全相联</translation>
    </message>
    <message>
        <source>2-way</source>
        <translation>2 路组相联</translation>
    </message>
    <message>
        <source>%1. free(%2): block %3 (order %4).</source>
        <translation>%1. free(%2)：块 %3（%4 阶）。</translation>
    </message>
    <message>
        <source>Its buddy %1 (%2 XOR %3) is free with order %4: they merge into %5.</source>
        <translation>它的伙伴 %1（%2 XOR %3）是空闲的 %4 阶块：两者合并为 %5。</translation>
    </message>
    <message>
        <source>Block %1 is the whole zone: nothing left to merge with.</source>
        <translation>块 %1 就是整个内存域：已没有可以合并的伙伴。</translation>
    </message>
    <message>
        <source>Its buddy %1 (%2 XOR %3) is not a free block of order %4: no more merging.</source>
        <translation>它的伙伴 %1（%2 XOR %3）不是空闲的 %4 阶块：合并到此为止。</translation>
    </message>
    <message>
        <source>%1 goes to the tail of list %2: the buddy of the block it would form, %3, is free, so a merge is likely soon (buddy_merge_likely()).</source>
        <translation>%1 放到 %2 阶链表的尾部：它将组成的块的伙伴 %3 是空闲的，因此很可能很快就会合并（buddy_merge_likely()）。</translation>
    </message>
    <message>
        <source>%1 goes to the head of list %2.</source>
        <translation>%1 放到 %2 阶链表的头部。</translation>
    </message>
    <message>
        <source>free(%1)</source>
        <translation>free(%1)</translation>
    </message>
    <message>
        <source>Free lists: %1</source>
        <translation>空闲链表：%1</translation>
    </message>
    <message>
        <source>%1 = alloc(%2)</source>
        <translation>%1 = alloc(%2)</translation>
    </message>
    <message>
        <source>list %1 is not empty; its head, block %2, is taken.</source>
        <translation>%1 阶链表非空；取下其头部的块 %2。</translation>
    </message>
    <message>
        <source>the lowest non-empty list of order ≥ %1 is list %2.</source>
        <translation>阶 ≥ %1 的非空链表中，阶最低的是 %2 阶链表。</translation>
    </message>
    <message>
        <source>Its head, block %1, is split (expand()):</source>
        <translation>拆分其头部的块 %1（expand()）：</translation>
    </message>
    <message>
        <source>  %1 → %2 + %3; %4 goes to the head of list %5.</source>
        <translation>  %1 → %2 + %3；%4 放到 %5 阶链表的头部。</translation>
    </message>
    <message>
        <source>%1 = pfn %2.</source>
        <translation>%1 = pfn %2。</translation>
    </message>
    <message>
        <source>%1 = pfn %2 (pages %2–%3).</source>
        <translation>%1 = pfn %2（页 %2–%3）。</translation>
    </message>
    <message>
        <source>After all requests: %1</source>
        <translation>全部请求完成后：%1</translation>
    </message>
    <message>
        <source>The buddy allocator (seed %1)</source>
        <translation>伙伴分配器（种子 %1）</translation>
    </message>
    <message>
        <source>A zone of %1 page frames, pfn 0 to %2, all free at the start: one block of order %3 (%1 pages) at pfn 0. A block of order k is 2^k pages and starts at a multiple of 2^k; its buddy starts at pfn XOR 2^k. Linux has orders up to 10; this zone only uses orders 0 to %3.</source>
        <translation>一个内存域有 %1 个页框（pfn 0 到 %2），开始时全部空闲：pfn 0 处是一个 %3 阶块（%1 页）。k 阶块包含 2^k 页，起始于 2^k 的整数倍；它的伙伴起始于 pfn XOR 2^k。Linux 的阶最高为 10；这个内存域只用到 0 到 %3 阶。</translation>
    </message>
    <message>
        <source>The allocator works as Linux&apos;s (mm/page_alloc.c), with one free list per order:</source>
        <translation>分配器的工作方式与 Linux（mm/page_alloc.c）相同，每阶一个空闲链表：</translation>
    </message>
    <message>
        <source>alloc(k) takes the block at the head of the lowest non-empty free list of order ≥ k. While that block is larger than 2^k pages it is halved (expand()): the lower half is kept, the upper half goes to the head of the list one order lower.</source>
        <translation>alloc(k) 在阶 ≥ k 的非空空闲链表中选阶最低的一个，取下其头部的块。只要该块大于 2^k 页，就将其一分为二（expand()）：保留下半部分，上半部分放到低一阶的链表头部。</translation>
    </message>
    <message>
        <source>free(X) gives block X back. While its buddy is a free block of the same order, the two merge into one block of the next order (at the lower pfn) and the buddy leaves its list.</source>
        <translation>free(X) 归还块 X。只要它的伙伴是同阶的空闲块，两者就合并为高一阶的块（位于较低的 pfn），伙伴则离开它所在的链表。</translation>
    </message>
    <message>
        <source>The block that comes out goes to the head of its list, except when its buddy is busy but the buddy of the block the two would form is free: then a merge is likely soon, and it goes to the tail (buddy_merge_likely()).</source>
        <translation>最终得到的块放到其所在链表的头部；例外的情况是：它的伙伴正被占用，但两者将组成的块的伙伴是空闲的——这时很可能很快就会合并，于是它被放到链表尾部（buddy_merge_likely()）。</translation>
    </message>
    <message>
        <source>At the start: %1</source>
        <translation>开始时：%1</translation>
    </message>
    <message>
        <source>Requests, in order (each alloc names its block):</source>
        <translation>请求序列，按顺序（每个 alloc 为它分配到的块命名）：</translation>
    </message>
    <message>
        <source>For each request: which pfn does the alloc return, which blocks are split or merged, and what are the free lists afterwards?</source>
        <translation>对每个请求：alloc 返回哪个 pfn？哪些块被拆分或合并？之后的空闲链表是什么样的？</translation>
    </message>
    <message>
        <source>For an alloc type the pfn it returns. For a free type the block that ends up on a free list after merging, as pfn/order (e.g. 8/3).</source>
        <translation>对 alloc，输入它返回的 pfn。对 free，输入合并后最终放入空闲链表的块，格式为 pfn/阶（例如 8/3）。</translation>
    </message>
    <message>
        <source>Page replacement with %1 (seed %2)</source>
        <translation>%1 页面置换（种子 %2）</translation>
    </message>
    <message>
        <source>Reference string (page numbers, in order): %1</source>
        <translation>访问串（页号，按顺序）：%1</translation>
    </message>
    <message>
        <source>Frames: %1 (numbered 0 to %2), all empty at the start. Policy: %3.</source>
        <translation>页框：%1 个（编号 0 到 %2），开始时全部为空。置换策略：%3。</translation>
    </message>
    <message>
        <source>A miss fills the lowest-numbered empty frame while there is one; after that the policy chooses the victim.</source>
        <translation>未命中时，若还有空页框，就填入编号最小的空页框；页框用完之后，由置换策略选出被淘汰页。</translation>
    </message>
    <message>
        <source>FIFO evicts the page that was loaded longest ago; hits change nothing.</source>
        <translation>FIFO 淘汰最早装入的页；命中不改变任何状态。</translation>
    </message>
    <message>
        <source>LRU evicts the page that was used longest ago; a hit counts as a use.</source>
        <translation>LRU 淘汰最久未使用的页；命中也算一次使用。</translation>
    </message>
    <message>
        <source>OPT (Belady) evicts the page whose next use is farthest in the future; a page never used again counts as farthest, and among several such pages the one in the lowest-numbered frame goes.</source>
        <translation>OPT（Belady）淘汰下次使用距今最远的页；此后不再使用的页视为最远，若有多个这样的页，则淘汰编号最小的页框中的那一页。</translation>
    </message>
    <message>
        <source>CLOCK (second chance): each frame has a use bit, set when its page is loaded or used. The hand points at frame 0 at the start and stays there while empty frames are filled. On a miss with no empty frame, the hand looks at its frame: a set use bit is cleared and the hand moves on to the next frame (after the last comes frame 0); the first frame with a clear use bit is the victim, and the hand stops one frame past it. In the solution, * marks a set use bit.</source>
        <translation>CLOCK（第二次机会）：每个页框有一个使用位，页装入或被使用时置 1。开始时指针指向页框 0，填充空页框期间一直停在那里。未命中且没有空页框时，指针检查它所指的页框：使用位为 1 则将其清零，指针移到下一个页框（最后一个之后是页框 0）；第一个使用位为 0 的页框中的页即为被淘汰页，指针停在该页框的下一个页框。解答中用 * 标出使用位为 1 的页框。</translation>
    </message>
    <message>
        <source>For each access: is it a hit or a miss, and which page does a miss evict? How many misses are there in all?</source>
        <translation>对每次访问：是命中还是未命中？未命中时淘汰哪一页？总共有多少次未命中（缺页）？</translation>
    </message>
    <message>
        <source>Type h for a hit, m for a miss that fills an empty frame, or m and the evicted page for a miss that evicts one (e.g. m 3).</source>
        <translation>命中输入 h；未命中并填入空页框输入 m；未命中并淘汰了某页，则输入 m 加被淘汰的页号（例如 m 3）。</translation>
    </message>
    <message>
        <source>page %1</source>
        <translation>页 %1</translation>
    </message>
    <message>
        <source>hit (frame %1)</source>
        <translation>命中（页框 %1）</translation>
    </message>
    <message>
        <source>miss → frame %1, which was empty</source>
        <translation>未命中 → 页框 %1（原为空）</translation>
    </message>
    <message>
        <source>%1 at access %2</source>
        <translation>%1 在第 %2 次访问</translation>
    </message>
    <message>
        <source>%1 never</source>
        <translation>%1 不再使用</translation>
    </message>
    <message>
        <source>loaded: %1</source>
        <translation>装入：%1</translation>
    </message>
    <message>
        <source>last used: %1</source>
        <translation>上次使用：%1</translation>
    </message>
    <message>
        <source>next used: %1</source>
        <translation>下次使用：%1</translation>
    </message>
    <message>
        <source>the hand is at frame %1, whose use bit is clear</source>
        <translation>指针位于页框 %1，其使用位为 0</translation>
    </message>
    <message>
        <source>miss → frame %1: evicts %2 (%3)</source>
        <translation>未命中 → 页框 %1：淘汰 %2（%3）</translation>
    </message>
    <message>
        <source>miss, evicts %1</source>
        <translation>未命中，淘汰 %1</translation>
    </message>
    <message>
        <source>hand → frame %1</source>
        <translation>指针 → 页框 %1</translation>
    </message>
    <message>
        <source>%1. page %2 → %3   %4</source>
        <translation>%1. 页 %2 → %3   %4</translation>
    </message>
    <message>
        <source>In all: %1 misses and %2 hits in %3 accesses with %4 frames (%5).</source>
        <translation>总计：%4 个页框、%3 次访问中，未命中 %1 次，命中 %2 次（%5）。</translation>
    </message>
    <message>
        <source>Address translation</source>
        <translation>地址转换</translation>
    </message>
    <message>
        <source>TLB hits and misses</source>
        <translation>TLB 命中与未命中</translation>
    </message>
    <message>
        <source>Buddy allocator</source>
        <translation>伙伴分配器</translation>
    </message>
    <message>
        <source>Page replacement</source>
        <translation>页面置换</translation>
    </message>
    <message>
        <source>Worked solution (by memviz&apos;s simulator):</source>
        <translation>详细解答（由 memviz 的模拟器给出）：</translation>
    </message>
    <message>
        <source>--exercise: unknown kind &quot;%1&quot;; the kinds are %2</source>
        <translation>--exercise：未知的类型“%1”；可用的类型有 %2</translation>
    </message>
    <message>
        <source>--seed: &quot;%1&quot; is not a whole number from 0 to 18446744073709551615</source>
        <translation>--seed：“%1”不是 0 到 18446744073709551615 之间的整数</translation>
    </message>
    <message>
        <source>%1, byte %2</source>
        <translation>%1，字节 %2</translation>
    </message>
    <message>
        <source>Type the physical address and the byte stored there in hex (e.g. 0x1a7 3c), or PDE or PTE when the translation faults at that level.</source>
        <translation>输入十六进制的物理地址和该处存放的字节（例如 0x1a7 3c）；若转换在某一级缺页，则输入 PDE 或 PTE。</translation>
    </message>
    <message>
        <source>%1. %2: %3: %4</source>
        <comment>a TLB access: its number, the address, the VPN (and set), the outcome</comment>
        <translation>%1. %2：%3：%4</translation>
    </message>
    <message>
        <source>%1. %2 = alloc(%3): %4</source>
        <translation>%1. %2 = alloc(%3)：%4</translation>
    </message>
    <message>
        <source>Free lists are written as [order] and the first pfn of each block on that list, head first: %1 means the list of order 2 holds block 4, then block 12. Nothing else allocates from this zone, and there are no per-CPU page lists.</source>
        <translation>空闲链表写作 [阶] 后跟该链表上各块的起始 pfn，从链表头开始：%1 表示 2 阶链表上依次是块 4 和块 12。这个内存域没有其他分配者，也没有每 CPU 页列表。</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between the pages of a victim&apos;s reason: 1 at access 2, 3 at access 5</comment>
        <translation>，</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between frame numbers: frames 0, 1, 2</comment>
        <translation>、</translation>
    </message>
    <message>
        <source>the hand clears the use bits of frames %1 and comes back to frame %2, whose use bit is now clear</source>
        <translation>指针清除页框 %1 的使用位，回到页框 %2，它的使用位现在已清零</translation>
    </message>
    <message>
        <source>the hand clears the use bit of frame %1 and moves on to frame %2, whose use bit is clear</source>
        <translation>指针清除页框 %1 的使用位，移到页框 %2，它的使用位为 0</translation>
    </message>
    <message>
        <source>the hand clears the use bits of frames %1 and moves on to frame %2, whose use bit is clear</source>
        <translation>指针清除页框 %1 的使用位，移到页框 %2，它的使用位为 0</translation>
    </message>
    <message>
        <source>; </source>
        <comment>before where the CLOCK hand is after the access</comment>
        <translation>；</translation>
    </message>
    <message>
        <source>The physical address is right, but the byte stored there is not.</source>
        <translation>物理地址正确，但该处存放的字节不对。</translation>
    </message>
</context>
<context>
    <name>SessionFile</name>
    <message>
        <source>%1 is out of range: expected %2</source>
        <translation>%1 超出范围：应为 %2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is out of range: expected %2</source>
        <translation>“%1”超出范围：应为 %2</translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation>不能为空</translation>
    </message>
    <message>
        <source>must not contain a NUL character</source>
        <translation>不能包含 NUL 字符</translation>
    </message>
</context>
<context>
    <name>memviz</name>
    <message>
        <source>memviz — an interactive laboratory for Linux memory management.
Without options it opens the window with the default machine. With --headless it runs a
script without a window, prints what the script prints, and writes the event log and
pictures of every view.</source>
        <translation>memviz — Linux 内存管理交互式实验室。
不带选项时，打开窗口并使用默认机器。使用 --headless 时，不打开窗口，
直接运行脚本，输出脚本打印的内容，并写出事件日志和
每个视图的图片。</translation>
    </message>
    <message>
        <source>Run without a window (needs --script).</source>
        <translation>不打开窗口运行（需要 --script）。</translation>
    </message>
    <message>
        <source>JavaScript file to run (in the window: opened in the editor and run).</source>
        <translation>要运行的 JavaScript 文件（窗口模式下：在编辑器中打开并运行）。</translation>
    </message>
    <message>
        <source>file</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Headless: directory for events.jsonl and the PNG pictures (created if missing).</source>
        <translation>无窗口模式：存放 events.jsonl 和 PNG 图片的目录（不存在时自动创建）。</translation>
    </message>
    <message>
        <source>dir</source>
        <translation>目录</translation>
    </message>
    <message>
        <source>Machine preset: %1 (default x86-64).</source>
        <translation>机器预设：%1（默认 x86-64）。</translation>
    </message>
    <message>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>RAM size, e.g. 512M, 8G (default: the preset&apos;s).</source>
        <translation>RAM 大小，例如 512M、8G（默认取预设值）。</translation>
    </message>
    <message>
        <source>size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Swap size, e.g. 2G (default: the preset&apos;s).</source>
        <translation>交换空间大小，例如 2G（默认取预设值）。</translation>
    </message>
    <message>
        <source>Random seed of the machine (default 1).</source>
        <translation>机器的随机种子（默认 1）。</translation>
    </message>
    <message>
        <source>n</source>
        <translation>n</translation>
    </message>
    <message>
        <source>User interface language: en or zh_CN (default: the system&apos;s).</source>
        <translation>界面语言：en 或 zh_CN（默认跟随系统）。</translation>
    </message>
    <message>
        <source>language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Stop a script that runs longer than this many seconds (default 10).</source>
        <translation>脚本运行超过该秒数即停止（默认 10）。</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>秒数</translation>
    </message>
    <message>
        <source>Try memviz --help.
</source>
        <translation>请运行 memviz --help 查看帮助。
</translation>
    </message>
    <message>
        <source>--timeout needs a whole number of seconds ≥ 1</source>
        <translation>--timeout 需要 ≥ 1 的整数秒数</translation>
    </message>
    <message>
        <source>--headless needs --script FILE</source>
        <translation>--headless 需要配合 --script 文件 使用</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a whole number</source>
        <translation>“%1”不是整数</translation>
    </message>
    <message>
        <source>unknown preset &quot;%1&quot; (known presets: %2)</source>
        <translation>未知预设“%1”（已知预设：%2）</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a size: write a number of bytes or a number with K, M, G or T, e.g. &quot;512M&quot; or &quot;8G&quot;</source>
        <translation>“%1”不是有效的大小：请写字节数，或带 K、M、G、T 后缀的数，例如“512M”或“8G”</translation>
    </message>
    <message>
        <source>RAM of %1 is too small for this machine: it needs at least %2</source>
        <translation>RAM %1 对这台机器来说太小：至少需要 %2</translation>
    </message>
    <message>
        <source>RAM of %1 is too large for this architecture: at most %2</source>
        <translation>RAM %1 对该架构来说太大：最多 %2</translation>
    </message>
    <message>
        <source>swap of %1 is too large: at most %2</source>
        <translation>交换空间 %1 太大：最多 %2</translation>
    </message>
    <message>
        <source>%1 = %2 is out of range</source>
        <translation>%1 = %2 超出范围</translation>
    </message>
    <message>
        <source>order %1 is out of range: the buddy allocator has orders 0 to %2 (MAX_PAGE_ORDER)</source>
        <translation>%1 阶超出范围：伙伴分配器的阶为 0 到 %2（MAX_PAGE_ORDER）</translation>
    </message>
    <message>
        <source>this machine has no zone &quot;%1&quot;</source>
        <translation>这台机器没有内存域“%1”</translation>
    </message>
    <message>
        <source>zone %1 has no memory on this machine</source>
        <translation>这台机器上的内存域 %1 没有内存</translation>
    </message>
    <message>
        <source>pfn %1 (0x%2) is beyond the end of physical memory</source>
        <translation>pfn %1（0x%2）超出了物理内存的末尾</translation>
    </message>
    <message>
        <source>pfn %1 (0x%2) is not an allocated block: it is free already or was never allocated (double free?)</source>
        <translation>pfn %1（0x%2）不是已分配的块：它已经空闲，或从未被分配过（重复释放？）</translation>
    </message>
    <message>
        <source>the block at pfn %1 (0x%2) was allocated with order %3, not order %4</source>
        <translation>pfn %1（0x%2）处的块是按 %3 阶分配的，而不是 %4 阶</translation>
    </message>
    <message>
        <source>pfn %1 (0x%2) is inside the block that starts at pfn %3 (0x%4): free the block by its first frame</source>
        <translation>pfn %1（0x%2）位于起始于 pfn %3（0x%4）的块内部：请用块的第一个页框来释放该块</translation>
    </message>
    <message>
        <source>unknown error</source>
        <translation>未知错误</translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation>无法写入 %1</translation>
    </message>
    <message>
        <source>unknown picture format &quot;%1&quot;: use .png or .svg</source>
        <translation>未知的图片格式“%1”：请使用 .png 或 .svg</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>cannot create the directory %1</source>
        <translation>无法创建目录 %1</translation>
    </message>
    <message>
        <source>Buddy allocator</source>
        <translation>伙伴分配器</translation>
    </message>
    <message>
        <source>Physical memory</source>
        <translation>物理内存</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>custom architecture: %1 = %2 does not fit (the page size must be a power of two, each level 1 to 20 index bits, entries 1, 2, 4 or 8 bytes, the valid bit outside the frame number, and the frame number wide enough for every frame)</source>
        <translation>自定义架构：%1 = %2 不合适（页大小必须是 2 的幂，每级 1 到 20 个索引位，页表项为 1、2、4 或 8 字节，有效位不能落在页框号字段内，页框号字段须足以表示每个页框）</translation>
    </message>
    <message>
        <source>CR3 holds no page table yet: set the page-table base first</source>
        <translation>CR3 中还没有页表：请先设置页表基址</translation>
    </message>
    <message>
        <source>there is no process with PID %1</source>
        <translation>不存在 PID 为 %1 的进程</translation>
    </message>
    <message>
        <source>process %1 has ended (it exited or was killed), so it cannot do anything any more</source>
        <translation>进程 %1 已结束（已退出或被杀死），无法再执行任何操作</translation>
    </message>
    <message>
        <source>length %1 is not valid: it must be more than 0 and fit in the address space</source>
        <translation>长度 %1 无效：必须大于 0，且不能超出地址空间</translation>
    </message>
    <message>
        <source>address 0x%1 is not valid here: it must be a multiple of the page size and lie in user space</source>
        <translation>地址 0x%1 在此无效：必须是页大小的整数倍，且位于用户空间</translation>
    </message>
    <message>
        <source>no free range of %1 is left in the process&apos;s address space (ENOMEM)</source>
        <translation>进程的地址空间中已没有 %1 大小的空闲区间（ENOMEM）</translation>
    </message>
    <message>
        <source>a file name is missing</source>
        <translation>缺少文件名</translation>
    </message>
    <message>
        <source>there is no file &quot;%1&quot;</source>
        <translation>不存在文件“%1”</translation>
    </message>
    <message>
        <source>the file &quot;%1&quot; exists already</source>
        <translation>文件“%1”已存在</translation>
    </message>
    <message>
        <source>free(0x%1): malloc() did not return this pointer, or it was freed already (double free)</source>
        <translation>free(0x%1)：该指针不是 malloc() 返回的，或者已被释放过（重复释放）</translation>
    </message>
    <message>
        <source>the write reaches physical address 0x%1, beyond the end of physical memory (%2)</source>
        <translation>写入到达物理地址 0x%1，超出了物理内存的末尾（%2）</translation>
    </message>
    <message>
        <source>this needs processes, and custom textbook machines have none: choose an x86 preset</source>
        <translation>此操作需要进程，而自定义的教科书机器没有进程：请选择 x86 预设</translation>
    </message>
    <message>
        <source>out of memory: the command needs %1 more pages (page tables for a new process) and none are free</source>
        <translation>内存不足：该命令还需要 %1 页（用于新进程的页表），但已没有空闲页</translation>
    </message>
    <message>
        <source>nothing is mapped in part of 0x%1–0x%2: munmap() and mprotect() need the whole range to be mapped</source>
        <translation>0x%1–0x%2 中有部分区域未映射：munmap() 和 mprotect() 要求整个范围都已映射</translation>
    </message>
    <message>
        <source>Page walk</source>
        <translation>页表遍历</translation>
    </message>
    <message>
        <source>Copy-on-write</source>
        <translation>写时复制</translation>
    </message>
    <message>
        <source>Processes</source>
        <translation>进程</translation>
    </message>
    <message>
        <source>TLB</source>
        <translation>TLB</translation>
    </message>
    <message>
        <source>the kernel has panicked: this machine runs nothing more (step back before the panic, or start a new machine)</source>
        <translation>内核已恐慌（kernel panic）：这台机器不再运行任何东西（请退回到恐慌之前，或新建一台机器）</translation>
    </message>
    <message>
        <source>oom_score_adj %1 is out of range: it must be between -1000 and 1000</source>
        <translation>oom_score_adj %1 超出范围：必须介于 -1000 和 1000 之间</translation>
    </message>
    <message>
        <source>swap area &quot;%1&quot; is already in use</source>
        <translation>交换区“%1”已在使用中</translation>
    </message>
    <message>
        <source>no more swap areas: Linux allows at most %1</source>
        <translation>不能再添加交换区：Linux 最多允许 %1 个</translation>
    </message>
    <message>
        <source>drop_caches takes 1 (page cache), 2 (reclaimable slab) or 3 (both), not %1</source>
        <translation>drop_caches 只接受 1（页缓存）、2（可回收 slab）或 3（两者），而不是 %1</translation>
    </message>
    <message>
        <source>a sleep of %1 ns is not valid: it must be more than 0 and at most one day</source>
        <translation>休眠 %1 ns 无效：必须大于 0 且不超过一天</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <source>Zones</source>
        <translation>内存域</translation>
    </message>
    <message>
        <source>LRU lists and swap</source>
        <translation>LRU 链表与交换空间</translation>
    </message>
    <message>
        <source>OOM killer</source>
        <translation>OOM killer</translation>
    </message>
    <message>
        <source>NUMA nodes need a 64-bit x86 preset: 32-bit and textbook machines have a single node</source>
        <translation>NUMA 节点需要 64 位 x86 预设：32 位机器和教科书机器只有一个节点</translation>
    </message>
    <message>
        <source>%1 NUMA nodes: memviz supports 1 to %2 nodes</source>
        <translation>%1 个 NUMA 节点：memviz 支持 1 到 %2 个节点</translation>
    </message>
    <message>
        <source>the NUMA nodes&apos; memory adds up to %1, not to the machine&apos;s RAM</source>
        <translation>各 NUMA 节点的内存合计为 %1，与机器的内存不符</translation>
    </message>
    <message>
        <source>NUMA node %1 has %2 of memory: each node needs at least 64 MiB, a whole number of pages</source>
        <translation>NUMA 节点 %1 有 %2 内存：每个节点至少需要 64 MiB，且必须是整数个页</translation>
    </message>
    <message>
        <source>NUMA node %1 has %2 of memory: too little for the kernel image, the boot allocations and the node&apos;s memmap with 16 MiB to spare</source>
        <translation>NUMA 节点 %1 有 %2 内存：太少，放下内核映像、启动时的分配和该节点的 memmap 后剩余不足 16 MiB</translation>
    </message>
    <message>
        <source>the distance matrix has %1 rows: it needs one row per NUMA node</source>
        <translation>距离矩阵有 %1 行：每个 NUMA 节点需要一行</translation>
    </message>
    <message>
        <source>row %1 of the distance matrix has the wrong length: it needs one entry per NUMA node</source>
        <translation>距离矩阵第 %1 行的长度不对：每个 NUMA 节点需要一项</translation>
    </message>
    <message>
        <source>distance[%1][%1] must be 10 (LOCAL_DISTANCE): a node&apos;s distance to itself</source>
        <translation>distance[%1][%1] 必须为 10（LOCAL_DISTANCE）：这是节点到自身的距离</translation>
    </message>
    <message>
        <source>distance[%1][%2] is not valid: a distance between two nodes must be 11 to 255, and the matrix symmetric (distance[%1][%2] equal to distance[%2][%1])</source>
        <translation>distance[%1][%2] 无效：两个节点之间的距离必须在 11 到 255 之间，且矩阵必须对称（distance[%1][%2] 等于 distance[%2][%1]）</translation>
    </message>
    <message>
        <source>the NUMA configuration is not valid (%1)</source>
        <translation>NUMA 配置无效（%1）</translation>
    </message>
    <message>
        <source>pfn %1 (0x%2) is still mapped with kmap() or kmap_local_page(): kunmap it before freeing the block</source>
        <translation>pfn %1（0x%2）仍被 kmap() 或 kmap_local_page() 映射：释放该块之前请先 kunmap</translation>
    </message>
    <message>
        <source>there is no slab cache with id %1 (kmem_cache_create() returns the id of a new cache)</source>
        <translation>没有 id 为 %1 的 slab 缓存（kmem_cache_create() 返回新缓存的 id）</translation>
    </message>
    <message>
        <source>a slab cache named &quot;%1&quot; exists already</source>
        <translation>名为“%1”的 slab 缓存已存在</translation>
    </message>
    <message>
        <source>a slab cache needs a name</source>
        <translation>slab 缓存需要一个名称</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid slab cache name: it must be 1 to 32 characters, without spaces, colons or control characters</source>
        <translation>“%1”不是有效的 slab 缓存名称：必须为 1 到 32 个字符，不含空格、冒号或控制字符</translation>
    </message>
    <message>
        <source>%1 bytes (%2) is too large: at most %3 (KMALLOC_MAX_SIZE for kmalloc() and slab objects, the machine&apos;s RAM for vmalloc())</source>
        <translation>%1 字节（%2）太大：最多 %3（kmalloc() 和 slab 对象的上限为 KMALLOC_MAX_SIZE，vmalloc() 的上限为机器的内存大小）</translation>
    </message>
    <message>
        <source>alignment %1 is not valid: it must be a power of two and at most the page size</source>
        <translation>对齐值 %1 无效：必须是 2 的幂，且不超过页大小</translation>
    </message>
    <message>
        <source>kfree() / kmem_cache_free() of 0x%1: not an object kmalloc() or kmem_cache_alloc() handed out to the script, or it was freed already (double free)</source>
        <translation>kfree() / kmem_cache_free() 0x%1：这不是 kmalloc() 或 kmem_cache_alloc() 交给脚本的对象，或者它已被释放（重复释放）</translation>
    </message>
    <message>
        <source>0x%1 is an object of the slab cache %2 (&quot;%3&quot;), not of the cache given to kmem_cache_free()</source>
        <translation>0x%1 是 slab 缓存 %2（“%3”）的对象，不属于传给 kmem_cache_free() 的缓存</translation>
    </message>
    <message>
        <source>vfree(0x%1): not an address vmalloc() returned, or it was freed already (double free)</source>
        <translation>vfree(0x%1)：这不是 vmalloc() 返回的地址，或者它已被释放（重复释放）</translation>
    </message>
    <message>
        <source>no free range of %1 (plus a guard page) is left in the kernel&apos;s vmalloc area</source>
        <translation>内核的 vmalloc 区中已没有 %1（另加一个保护页）的空闲范围</translation>
    </message>
    <message>
        <source>all %1 kmap slots are in use (LAST_PKMAP for kmap(), KM_MAX_IDX for kmap_local_page()): kunmap a page first; the kernel would wait for a slot</source>
        <translation>全部 %1 个 kmap 槽位都已占用（kmap() 为 LAST_PKMAP，kmap_local_page() 为 KM_MAX_IDX）：请先 kunmap 一个页；内核会等待空闲槽位</translation>
    </message>
    <message>
        <source>kunmap of 0x%1: no kmap() or kmap_local_page() mapping of that page or address is in use (a kmap_local slot can only be released from the top, the most recent first)</source>
        <translation>kunmap 0x%1：该页或该地址没有正在使用的 kmap() 或 kmap_local_page() 映射（kmap_local 槽位只能从栈顶释放，即最近映射的先释放）</translation>
    </message>
    <message>
        <source>there is no NUMA node %1: this machine has one node, node 0</source>
        <translation>不存在 NUMA 节点 %1：这台机器只有一个节点，即节点 0</translation>
    </message>
    <message>
        <source>there is no NUMA node %1: this machine has nodes 0 to %2</source>
        <translation>不存在 NUMA 节点 %1：这台机器有节点 0 到 %2</translation>
    </message>
    <message>
        <source>distance[%1][%1] is %2, but a node&apos;s distance to itself must be 10 (LOCAL_DISTANCE)</source>
        <translation>distance[%1][%1] 为 %2，但节点到自身的距离必须为 10（LOCAL_DISTANCE）</translation>
    </message>
    <message>
        <source>The distance matrix must be symmetric: distance[%1][%2] is %3 but distance[%2][%1] is %4</source>
        <translation>距离矩阵必须对称：distance[%1][%2] 为 %3，但 distance[%2][%1] 为 %4</translation>
    </message>
    <message>
        <source>distance[%1][%2] is %3: a distance between two different nodes must be 11 to 255</source>
        <translation>distance[%1][%2] 为 %3：两个不同节点之间的距离必须在 11 到 255 之间</translation>
    </message>
    <message>
        <source>the NUMA nodes&apos; memory adds up to %1, but the machine&apos;s RAM is %2</source>
        <translation>各 NUMA 节点的内存合计为 %1，但机器的内存为 %2</translation>
    </message>
    <message>
        <source>Slab caches</source>
        <translation>Slab 缓存</translation>
    </message>
    <message>
        <source>Kernel address space</source>
        <translation>内核地址空间</translation>
    </message>
    <message>
        <source>NUMA nodes</source>
        <translation>NUMA 节点</translation>
    </message>
    <message>
        <source>A .memviz session file to open.</source>
        <translation>要打开的 .memviz 会话文件。</translation>
    </message>
    <message>
        <source>[session.memviz]</source>
        <translation>[session.memviz]</translation>
    </message>
    <message>
        <source>Print a generated exercise and exit: translate, tlb, buddy or replacement (the same --seed gives the same exercise).</source>
        <translation>生成一道练习，打印后退出：translate、tlb、buddy 或 replacement（相同的 --seed 生成相同的练习）。</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>With --exercise: also print the worked solution.</source>
        <translation>与 --exercise 同用：同时打印详细解答。</translation>
    </message>
    <message>
        <source>Headless: write numbered PNG frames of one view (buddy, walk, ...) for a range of steps into --out.</source>
        <translation>无窗口模式：把某个视图（buddy、walk 等）在一段步骤范围内的各帧写成带编号的 PNG 图片，存入 --out 目录。</translation>
    </message>
    <message>
        <source>view</source>
        <translation>视图</translation>
    </message>
    <message>
        <source>With --animate: also write VIEW.gif (looping).</source>
        <translation>与 --animate 同用：同时写出 VIEW.gif（VIEW 为视图名，循环播放）。</translation>
    </message>
    <message>
        <source>With --animate: the picture size (default 1280x800).</source>
        <translation>与 --animate 同用：图片尺寸（默认 1280x800）。</translation>
    </message>
    <message>
        <source>WxH</source>
        <translation>宽x高</translation>
    </message>
    <message>
        <source>With --animate --gif: frames per second (default 8).</source>
        <translation>与 --animate --gif 同用：每秒帧数（默认 8）。</translation>
    </message>
    <message>
        <source>With --animate: pictures per step, showing its animation (default 1).</source>
        <translation>与 --animate 同用：每步的图片数，用于展示该步的动画（默认 1）。</translation>
    </message>
    <message>
        <source>Start in presentation mode (headless: pictures in its look: large type, thick lines, high contrast).</source>
        <translation>以演示模式启动（无窗口模式下：图片采用演示模式的外观：大字号、粗线条、高对比度）。</translation>
    </message>
    <message>
        <source>Colour theme: light or dark (default: the saved choice).</source>
        <translation>配色主题：light 或 dark（默认：上次保存的选择）。</translation>
    </message>
    <message>
        <source>theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>unexpected argument &quot;%1&quot; (only a .memviz session file can be named without an option)</source>
        <translation>意外的参数“%1”（只有 .memviz 会话文件可以不带选项直接给出）</translation>
    </message>
    <message>
        <source>--theme needs light or dark, not &quot;%1&quot;</source>
        <translation>--theme 需要 light 或 dark，而不是“%1”</translation>
    </message>
    <message>
        <source>--answers needs --exercise KIND</source>
        <translation>--answers 需要配合 --exercise 类型 使用</translation>
    </message>
    <message>
        <source>--%1 needs --animate VIEW</source>
        <translation>--%1 需要配合 --animate 视图 使用</translation>
    </message>
    <message>
        <source>--animate needs --headless</source>
        <translation>--animate 需要配合 --headless 使用</translation>
    </message>
    <message>
        <source>--from needs a whole number ≥ 0</source>
        <translation>--from 需要 ≥ 0 的整数</translation>
    </message>
    <message>
        <source>--to needs a whole number ≥ 0</source>
        <translation>--to 需要 ≥ 0 的整数</translation>
    </message>
    <message>
        <source>--to %1 is before --from %2</source>
        <translation>--to %1 位于 --from %2 之前</translation>
    </message>
    <message>
        <source>--size needs WIDTHxHEIGHT between 64x64 and 7680x4320, e.g. 1280x800</source>
        <translation>--size 需要 64x64 到 7680x4320 之间的 宽x高，例如 1280x800</translation>
    </message>
    <message>
        <source>--fps needs a whole number from 1 to 50</source>
        <translation>--fps 需要 1 到 50 之间的整数</translation>
    </message>
    <message>
        <source>--frames-per-step needs a whole number from 1 to 30</source>
        <translation>--frames-per-step 需要 1 到 30 之间的整数</translation>
    </message>
    <message>
        <source>a session file opens in the window: not with --headless or --exercise</source>
        <translation>会话文件在窗口中打开：不能与 --headless 或 --exercise 同用</translation>
    </message>
    <message>
        <source>--animate: there is no view &quot;%1&quot;; the views are: %2</source>
        <translation>--animate：没有视图“%1”；可用的视图有：%2</translation>
    </message>
    <message>
        <source>--animate %1: %2</source>
        <translation>--animate %1：%2</translation>
    </message>
    <message>
        <source>Page-replacement lab</source>
        <translation>页面置换实验</translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation>讲解</translation>
    </message>
    <message>
        <source>the run has %1 events, so --to %2 is past its end (choose %3 to %1)</source>
        <translation>这次运行只有 %1 个事件，--to %2 超出了结尾（请选择 %3 到 %1）</translation>
    </message>
    <message>
        <source>With --animate: start at the run after n events, shown at rest (default 0).</source>
        <translation>与 --animate 同用：从执行 n 个事件后的状态开始，先静态显示（默认 0）。</translation>
    </message>
    <message>
        <source>With --animate: the last step, included (default: the end of the run).</source>
        <translation>与 --animate 同用：结束步，包含在内（默认：运行的末尾）。</translation>
    </message>
    <message>
        <source>interrupted: %1</source>
        <translation>已中断：%1</translation>
    </message>
</context>
<context>
    <name>memviz::AllocPanel</name>
    <message>
        <source>Machine</source>
        <translation>机器</translation>
    </message>
    <message>
        <source>New machine…</source>
        <translation>新建机器…</translation>
    </message>
    <message>
        <source>Allocate pages (alloc_pages)</source>
        <translation>分配页（alloc_pages）</translation>
    </message>
    <message>
        <source>Order:</source>
        <translation>阶：</translation>
    </message>
    <message>
        <source>Highest zone:</source>
        <translation>最高内存域：</translation>
    </message>
    <message>
        <source>gfp_zone(): the allocation may use this zone and, if it is short, the lower zones after it in the zonelist.</source>
        <translation>gfp_zone()：分配可以使用该内存域；若其不足，再使用 zonelist 中排在它之后的更低内存域。</translation>
    </message>
    <message>
        <source>Allocate</source>
        <translation>分配</translation>
    </message>
    <message>
        <source>Allocated blocks</source>
        <translation>已分配的块</translation>
    </message>
    <message>
        <source>Free selected</source>
        <translation>释放所选</translation>
    </message>
    <message>
        <source>Free all</source>
        <translation>全部释放</translation>
    </message>
    <message>
        <source>memviz keeps one free list per order (the kernel keeps one per migrate type) and has no per-CPU page lists, so a freed page merges with its buddy at once.</source>
        <translation>memviz 每阶只维护一个空闲链表（内核按迁移类型各维护一个），也没有每 CPU 页列表，因此释放的页会立即与其伙伴合并。</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s) = %1</source>
        <translation>
            <numerusform>%n 页 = %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 · %2 RAM · %3 swap · %Ln CPU(s)</source>
        <translation>
            <numerusform>%1 · %2 RAM · %3 交换空间 · %Ln 个 CPU</numerusform>
        </translation>
    </message>
    <message>
        <source>pfn 0x%1 · order %2 · %3 · %4</source>
        <translation>pfn 0x%1 · %2 阶 · %3 · %4</translation>
    </message>
</context>
<context>
    <name>memviz::Animation</name>
    <message>
        <source>The run has %1 events, so a range cannot start at event %2 (choose 0 to %1)</source>
        <translation>本次运行共有 %1 个事件，因此范围不能从事件 %2 开始（请选择 0 到 %1）</translation>
    </message>
    <message>
        <source>The range ends at event %1, before its start at event %2</source>
        <translation>范围结束于事件 %1，早于其起始事件 %2</translation>
    </message>
    <message>
        <source>Choose numbered PNG pictures, an animated GIF, or both</source>
        <translation>请选择带编号的 PNG 图片、GIF 动画，或两者都选</translation>
    </message>
    <message>
        <source>Pictures per step must be 1 to %1, not %2</source>
        <translation>每步图片数必须为 1 到 %1，而不是 %2</translation>
    </message>
    <message>
        <source>The GIF&apos;s speed must be 1 to %1 pictures per second, not %2</source>
        <translation>GIF 的速度必须为每秒 1 到 %1 张图片，而不是 %2</translation>
    </message>
    <message>
        <source>The picture size must be between %1×%1 and %2×%3 pixels, not %4×%5</source>
        <translation>图片尺寸必须在 %1×%1 到 %2×%3 像素之间，而不是 %4×%5</translation>
    </message>
    <message>
        <source>Choose a folder for the pictures</source>
        <translation>请选择存放图片的文件夹</translation>
    </message>
    <message>
        <source>&quot;%1&quot; cannot start file names: use letters, digits, &apos;_&apos;, &apos;-&apos; and &apos;.&apos;</source>
        <translation>“%1”不能用作文件名前缀：请只使用字母、数字、&apos;_&apos;、&apos;-&apos; 和 &apos;.&apos;</translation>
    </message>
    <message>
        <source>There is nothing to draw the pictures from</source>
        <translation>没有可用来绘制图片的内容</translation>
    </message>
    <message>
        <source>Cannot create the folder %1</source>
        <translation>无法创建文件夹 %1</translation>
    </message>
    <message>
        <source>Cannot write in the folder %1: %2</source>
        <translation>无法写入文件夹 %1：%2</translation>
    </message>
    <message>
        <source>Nothing was drawn at event %L1</source>
        <translation>事件 %L1 处没有绘制出任何内容</translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation>无法写入 %1</translation>
    </message>
    <message>
        <source>The export was cancelled; nothing was written</source>
        <translation>导出已取消；未写入任何内容</translation>
    </message>
    <message>
        <source>There is no view &quot;%1&quot;; the views are: %2</source>
        <translation>没有视图“%1”；可用的视图有：%2</translation>
    </message>
    <message>
        <source>Cannot replace %1: it is a folder, or the folder does not let it be replaced; nothing was written</source>
        <translation>无法替换 %1：它是一个文件夹，或者所在文件夹不允许替换它；没有写入任何文件</translation>
    </message>
    <message>
        <source>Cannot write %1; nothing was written</source>
        <translation>无法写入 %1；没有写入任何文件</translation>
    </message>
</context>
<context>
    <name>memviz::AnimationDialog</name>
    <message>
        <source>Export animation</source>
        <translation>导出动画</translation>
    </message>
    <message>
        <source>Picture of:</source>
        <translation>图片内容：</translation>
    </message>
    <message>
        <source>Steps:</source>
        <translation>步骤：</translation>
    </message>
    <message>
        <source>Events:</source>
        <translation>事件：</translation>
    </message>
    <message>
        <source>Pictures per step:</source>
        <translation>每步图片数：</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>尺寸：</translation>
    </message>
    <message>
        <source>Width × height:</source>
        <translation>宽 × 高：</translation>
    </message>
    <message>
        <source>GIF speed:</source>
        <translation>GIF 速度：</translation>
    </message>
    <message>
        <source>Write:</source>
        <translation>输出：</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>文件夹：</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>pixels</source>
        <translation>像素</translation>
    </message>
    <message>
        <source>pictures per second</source>
        <translation>张图片/秒</translation>
    </message>
    <message>
        <source>Event n shows the machine after n events (0: just booted), as the player counts them</source>
        <translation>事件 n 表示发生 n 个事件之后的机器状态（0：刚启动），与播放器的计数方式一致</translation>
    </message>
    <message>
        <source>1: one picture per event. More: the step&apos;s animation in between, the last picture showing the event done</source>
        <translation>1：每个事件一张图片。大于 1：中间插入该步的动画，最后一张图片显示事件完成后的状态</translation>
    </message>
    <message>
        <source>1 = one picture per event; more show each step&apos;s animation</source>
        <translation>1 = 每个事件一张图片；更多则展示每一步的动画</translation>
    </message>
    <message>
        <source>How fast the GIF plays</source>
        <translation>GIF 的播放速度</translation>
    </message>
    <message>
        <source>Numbered PNG pictures</source>
        <translation>带编号的 PNG 图片</translation>
    </message>
    <message>
        <source>Animated GIF (loops)</source>
        <translation>GIF 动画（循环播放）</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>The whole window</source>
        <translation>整个窗口</translation>
    </message>
    <message>
        <source>This command (events %L1 to %L2)</source>
        <translation>当前命令（事件 %L1 到 %L2）</translation>
    </message>
    <message>
        <source>This chapter, &quot;%1&quot; (events %L2 to %L3)</source>
        <translation>当前章节“%1”（事件 %L2 到 %L3）</translation>
    </message>
    <message>
        <source>The whole run (events %L1 to %L2)</source>
        <translation>整个运行过程（事件 %L1 到 %L2）</translation>
    </message>
    <message>
        <source>The events typed below</source>
        <translation>下方输入的事件</translation>
    </message>
    <message>
        <source>As on screen (%1×%2)</source>
        <translation>与屏幕上相同（%1×%2）</translation>
    </message>
    <message>
        <source>HD (1280×720)</source>
        <translation>高清（1280×720）</translation>
    </message>
    <message>
        <source>Full HD (1920×1080)</source>
        <translation>全高清（1920×1080）</translation>
    </message>
    <message>
        <source>Typed below</source>
        <translation>在下方输入</translation>
    </message>
    <message>
        <source>start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>There is no run to export yet</source>
        <translation>还没有可导出的运行</translation>
    </message>
    <message>
        <source>1 step</source>
        <translation>1 步</translation>
    </message>
    <message>
        <source>%L1 steps</source>
        <translation>%L1 步</translation>
    </message>
    <message>
        <source>1 picture of %1×%2</source>
        <translation>1 张 %1×%2 的图片</translation>
    </message>
    <message>
        <source>%L1 pictures of %2×%3</source>
        <translation>%L1 张 %2×%3 的图片</translation>
    </message>
    <message>
        <source>%1 … %2</source>
        <translation>%1 … %2</translation>
    </message>
    <message>
        <source>%1, playing %2 s</source>
        <translation>%1，播放 %2 秒</translation>
    </message>
    <message>
        <source>Folder for the pictures</source>
        <translation>存放图片的文件夹</translation>
    </message>
    <message>
        <source>There is nothing to draw the pictures from</source>
        <translation>没有可用来绘制图片的内容</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Drawing picture %L1 of %L2…</source>
        <translation>正在绘制第 %L1 张图片（共 %L2 张）…</translation>
    </message>
    <message>
        <source>Wrote 1 picture to %1.</source>
        <translation>已将 1 张图片写入 %1。</translation>
    </message>
    <message>
        <source>Wrote %L1 pictures to %2.</source>
        <translation>已将 %L1 张图片写入 %2。</translation>
    </message>
    <message>
        <source>Open the folder</source>
        <translation>打开文件夹</translation>
    </message>
</context>
<context>
    <name>memviz::BuddyView</name>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Follow events (%1)</source>
        <translation>跟随事件（%1）</translation>
    </message>
    <message>
        <source>&amp;Zone:</source>
        <translation>内存域(&amp;Z)：</translation>
    </message>
    <message>
        <source>The zone whose free lists are shown. &quot;Follow events&quot; switches to the zone of each step as you play.</source>
        <translation>要显示其空闲链表的内存域。选择“跟随事件”时，播放过程中会切换到每一步所在的内存域。</translation>
    </message>
    <message>
        <source>The buddy allocator</source>
        <translation>伙伴分配器</translation>
    </message>
    <message>
        <source>Each row is the free list of one order: blocks of 2^order contiguous pages, largest at the top. alloc_pages() takes the first block (the head) of the smallest list that can serve the request and splits it; __free_pages() merges a freed block with its buddy. Step through a command to watch it happen.</source>
        <translation>每一行是一个阶的空闲链表，其中的块由 2^order 个连续页组成，阶最大的在最上方。alloc_pages() 从能满足请求的最小阶链表中取出第一个块（链表头）并拆分；__free_pages() 将释放的块与其伙伴合并。逐步执行一条命令，即可观察这一过程。</translation>
    </message>
    <message>
        <source>(This step happens in zone %1; the diagram shows %2.)</source>
        <translation>（此步发生在内存域 %1；图中显示的是 %2。）</translation>
    </message>
    <message>
        <source>order %1</source>
        <translation>%1 阶</translation>
    </message>
    <message>
        <source>nr_free</source>
        <translation>nr_free</translation>
    </message>
    <message>
        <source>+%1 more</source>
        <translation>还有 %1 个</translation>
    </message>
    <message>
        <source>head</source>
        <translation>链表头</translation>
    </message>
    <message>
        <source>tail</source>
        <translation>链表尾</translation>
    </message>
    <message>
        <source>This zone has no memory.</source>
        <translation>该内存域没有内存。</translation>
    </message>
    <message>
        <source>No machine yet.</source>
        <translation>尚未创建机器。</translation>
    </message>
    <message>
        <source>%1: %2 free pages (%3) · watermarks min %4 · low %5 · high %6</source>
        <translation>%1：%2 个空闲页（%3）· 水位线 min %4 · low %5 · high %6</translation>
    </message>
    <message>
        <source>order</source>
        <translation>阶</translation>
    </message>
    <message>
        <source>in hand</source>
        <translation>处理中</translation>
    </message>
    <message>
        <source>free list: head → tail</source>
        <translation>空闲链表：链表头 → 链表尾</translation>
    </message>
    <message>
        <source>← likely buddy</source>
        <translation>← 可能的伙伴</translation>
    </message>
    <message>
        <source>free block on a list</source>
        <translation>链表上的空闲块</translation>
    </message>
    <message>
        <source>in the allocator&apos;s hand, or allocated</source>
        <translation>分配器正在处理，或已分配</translation>
    </message>
    <message>
        <source>this step</source>
        <translation>本步</translation>
    </message>
    <message>
        <source>blocks not shown</source>
        <translation>未显示的块</translation>
    </message>
    <message>
        <source>allocated →</source>
        <translation>已分配 →</translation>
    </message>
</context>
<context>
    <name>memviz::ConsoleWidget</name>
    <message>
        <source>Type a command (free -h, cat /proc/buddyinfo) or JavaScript (kernel.alloc_pages(3)); ↑/↓ for history</source>
        <translation>输入命令（free -h、cat /proc/buddyinfo）或 JavaScript（kernel.alloc_pages(3)）；↑/↓ 浏览历史</translation>
    </message>
</context>
<context>
    <name>memviz::CowView</name>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>No fork yet. Copy-on-write appears after fork(): spawn a program, let it write to some memory, then fork it. Parent and child then share every page until one of them writes.</source>
        <translation>尚未 fork。写时复制发生在 fork() 之后：先启动一个程序，让它写一些内存，再 fork 它。此后父子进程共享每一页，直到其中一方写入。</translation>
    </message>
    <message>
        <source>&amp;Processes:</source>
        <translation>进程(&amp;P)：</translation>
    </message>
    <message>
        <source>The parent and child whose page tables are compared. &quot;Follow&quot; switches to the pair of each step as you play.</source>
        <translation>要比较页表的父进程和子进程。选择“跟随当前步”时，播放过程中会切换到每一步涉及的那对进程。</translation>
    </message>
    <message>
        <source>Copy-on-write</source>
        <translation>写时复制</translation>
    </message>
    <message>
        <source>%1 and its child %2</source>
        <translation>%1 及其子进程 %2</translation>
    </message>
    <message>
        <source>Follow the current step (%1, %2)</source>
        <translation>跟随当前步（%1，%2）</translation>
    </message>
    <message>
        <source>Follow the current step</source>
        <translation>跟随当前步</translation>
    </message>
    <message>
        <source>After fork() the parent and the child map the same frames. fork() made every private writable page read-only in both page tables (the locks), so the first write by either process faults; do_wp_page() then copies the page, or just makes it writable when no one else maps it.</source>
        <translation>fork() 之后，父进程和子进程映射相同的页框。fork() 在双方页表中把每个私有可写页都设为只读（图中的锁），因此任一进程的第一次写入都会触发缺页中断；随后 do_wp_page() 复制该页，若已没有其他进程映射它，则只需将其设为可写。</translation>
    </message>
    <message>
        <source>Process %1 writes to %2, but its entry is read-only: page fault. The frame is shared, so do_wp_page() cannot just make it writable: wp_page_copy() first allocates a new frame.</source>
        <translation>进程 %1 写入 %2，但其页表项是只读的：触发缺页中断。该页框是共享的，所以 do_wp_page() 不能直接将其设为可写：wp_page_copy() 先分配一个新页框。</translation>
    </message>
    <message>
        <source>Frame %1 is the new frame for process %2&apos;s private copy. Nobody maps it yet.</source>
        <translation>页框 %1 是为进程 %2 的私有副本分配的新页框，目前还没有任何进程映射它。</translation>
    </message>
    <message>
        <source>The page&apos;s %1 are copied from frame %2 into frame %3. Next the writer&apos;s entry is pointed at the copy and made writable, and its stale TLB entry is flushed.</source>
        <translation>该页的 %1 内容从页框 %2 复制到页框 %3。接下来，写入方的页表项改为指向这份副本并设为可写，其过时的 TLB 表项被刷新。</translation>
    </message>
    <message>
        <source>Process %1 now writes to its own copy in frame %2. Process %3 keeps frame %4, whose mapcount is now %5: when it writes, the kernel reuses the frame instead of copying it.</source>
        <translation>进程 %1 现在写入自己位于页框 %2 的副本。进程 %3 保留页框 %4，其 mapcount 现为 %5：当它写入时，内核会直接重用该页框，而不再复制。</translation>
    </message>
    <message>
        <source>Process %1 writes to %2. Its entry is read-only, but no one else maps the frame any more (mapcount 1): wp_page_reuse() makes the entry writable in place. No copy, no new frame.</source>
        <translation>进程 %1 写入 %2。其页表项是只读的，但已没有其他进程映射该页框（mapcount 为 1）：wp_page_reuse() 就地将页表项设为可写。无需复制，也无需新页框。</translation>
    </message>
    <message>
        <source>Process %1 reads untouched anonymous memory at %2: the entry maps the shared zero page, read-only. A later write gets a zeroed frame of its own.</source>
        <translation>进程 %1 读取 %2 处尚未访问过的匿名内存：页表项映射共享的零页，只读。之后写入时才会得到一个属于自己的清零页框。</translation>
    </message>
    <message>
        <source>Process %1 writes to untouched anonymous memory at %2: do_anonymous_page() gives the page a zeroed frame of its own, writable. Nothing is shared, nothing is copied.</source>
        <translation>进程 %1 写入 %2 处尚未访问过的匿名内存：do_anonymous_page() 为该页分配一个属于自己的清零页框，可写。既无共享，也无复制。</translation>
    </message>
    <message>
        <source>No machine yet.</source>
        <translation>尚未创建机器。</translation>
    </message>
    <message>
        <source>virtual pages %1 – %2</source>
        <translation>虚拟页 %1 – %2</translation>
    </message>
    <message>
        <source>%1 (parent)</source>
        <translation>%1（父进程）</translation>
    </message>
    <message>
        <source>%1 (child)</source>
        <translation>%1（子进程）</translation>
    </message>
    <message>
        <source>exited</source>
        <translation>已退出</translation>
    </message>
    <message>
        <source>its page-table entries (PTEs)</source>
        <translation>其页表项（PTE）</translation>
    </message>
    <message>
        <source>physical frames</source>
        <translation>物理页框</translation>
    </message>
    <message>
        <source>only %1</source>
        <translation>仅 %1</translation>
    </message>
    <message>
        <source>shared by both</source>
        <translation>双方共享</translation>
    </message>
    <message>
        <source>pfn %1</source>
        <translation>pfn %1</translation>
    </message>
    <message>
        <source>zero page</source>
        <translation>零页</translation>
    </message>
    <message>
        <source>copy, unmapped</source>
        <translation>副本，未映射</translation>
    </message>
    <message>
        <source>copying…</source>
        <translation>复制中…</translation>
    </message>
    <message>
        <source>new, empty</source>
        <translation>新分配，空</translation>
    </message>
    <message>
        <source>mapcount %1</source>
        <translation>mapcount %1</translation>
    </message>
    <message>
        <source>map %1</source>
        <comment>short for mapcount</comment>
        <translation>map %1</translation>
    </message>
    <message>
        <source>no VMA here</source>
        <translation>此处无 VMA</translation>
    </message>
    <message>
        <source>not present</source>
        <translation>不存在</translation>
    </message>
    <message>
        <source>read-only · zero page</source>
        <translation>只读 · 零页</translation>
    </message>
    <message>
        <source>read-only · COW</source>
        <translation>只读 · COW</translation>
    </message>
    <message>
        <source>writable</source>
        <translation>可写</translation>
    </message>
    <message>
        <source>read-only</source>
        <translation>只读</translation>
    </message>
    <message>
        <source>RW</source>
        <comment>writable entry</comment>
        <translation>RW</translation>
    </message>
    <message>
        <source>read</source>
        <translation>读取</translation>
    </message>
    <message>
        <source>write</source>
        <translation>写入</translation>
    </message>
    <message>
        <source>zero-fill</source>
        <translation>清零</translation>
    </message>
    <message>
        <source>copy</source>
        <translation>复制</translation>
    </message>
</context>
<context>
    <name>memviz::EventLogModel</name>
    <message>
        <source>#%1 %2</source>
        <translation>#%1 %2</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>命令</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>What happens</source>
        <translation>发生了什么</translation>
    </message>
    <message>
        <source>alloc_pages(order %1, %2)</source>
        <translation>alloc_pages(%1 阶, %2)</translation>
    </message>
    <message>
        <source>free_pages(%1, order %2)</source>
        <translation>free_pages(%1, %2 阶)</translation>
    </message>
    <message>
        <source>spawn &quot;%1&quot;</source>
        <translation>spawn &quot;%1&quot;</translation>
    </message>
    <message>
        <source>fork() in PID %1</source>
        <translation>fork()（PID %1）</translation>
    </message>
    <message>
        <source>exit(%1) in PID %2</source>
        <translation>exit(%1)（PID %2）</translation>
    </message>
    <message>
        <source>mmap(%1, %2, %3, shared anonymous) in PID %4</source>
        <translation>mmap(%1, %2, %3, 共享匿名)（PID %4）</translation>
    </message>
    <message>
        <source>mmap(%1, %2, %3, private anonymous) in PID %4</source>
        <translation>mmap(%1, %2, %3, 私有匿名)（PID %4）</translation>
    </message>
    <message>
        <source>mmap(%1, %2, %3, shared, &quot;%4&quot; at offset %5) in PID %6</source>
        <translation>mmap(%1, %2, %3, 共享, &quot;%4&quot; 偏移 %5)（PID %6）</translation>
    </message>
    <message>
        <source>mmap(%1, %2, %3, private, &quot;%4&quot; at offset %5) in PID %6</source>
        <translation>mmap(%1, %2, %3, 私有, &quot;%4&quot; 偏移 %5)（PID %6）</translation>
    </message>
    <message>
        <source>munmap(%1, %2) in PID %3</source>
        <translation>munmap(%1, %2)（PID %3）</translation>
    </message>
    <message>
        <source>mprotect(%1, %2, %3) in PID %4</source>
        <translation>mprotect(%1, %2, %3)（PID %4）</translation>
    </message>
    <message>
        <source>brk(%1) in PID %2</source>
        <translation>brk(%1)（PID %2）</translation>
    </message>
    <message>
        <source>write %1 bytes at %2 in PID %3</source>
        <translation>在 %2 处写入 %1 字节（PID %3）</translation>
    </message>
    <message>
        <source>write %1 at %2 in PID %3</source>
        <translation>在 %2 处写入 %1（PID %3）</translation>
    </message>
    <message>
        <source>read %1 at %2 in PID %3</source>
        <translation>在 %2 处读取 %1（PID %3）</translation>
    </message>
    <message>
        <source>malloc(%1) in PID %2</source>
        <translation>malloc(%1)（PID %2）</translation>
    </message>
    <message>
        <source>free(%1) in PID %2</source>
        <translation>free(%1)（PID %2）</translation>
    </message>
    <message>
        <source>create file &quot;%1&quot; (%2)</source>
        <translation>创建文件“%1”（%2）</translation>
    </message>
    <message>
        <source>write %1 bytes at physical %2</source>
        <translation>在物理地址 %2 处写入 %1 字节</translation>
    </message>
    <message>
        <source>set CR3 to frame %1</source>
        <translation>将 CR3 设为页框 %1</translation>
    </message>
    <message>
        <source>translate %1 from CR3</source>
        <translation>从 CR3 开始转换 %1</translation>
    </message>
    <message>
        <source>translate %1 in PID %2</source>
        <translation>转换 %1（PID %2）</translation>
    </message>
    <message>
        <source>switch to PID %1</source>
        <translation>切换到 PID %1</translation>
    </message>
    <message>
        <source>sysctl %1 = %2</source>
        <translation>sysctl %1 = %2</translation>
    </message>
    <message>
        <source>sleep %1</source>
        <translation>休眠 %1</translation>
    </message>
    <message>
        <source>swapon -p %1 %2 (%3)</source>
        <translation>swapon -p %1 %2（%3）</translation>
    </message>
    <message>
        <source>swapon %1 (%2)</source>
        <translation>swapon %1（%2）</translation>
    </message>
    <message>
        <source>echo %1 &gt; /proc/%2/oom_score_adj</source>
        <translation>echo %1 &gt; /proc/%2/oom_score_adj</translation>
    </message>
    <message>
        <source>echo %1 &gt; /proc/sys/vm/drop_caches</source>
        <translation>echo %1 &gt; /proc/sys/vm/drop_caches</translation>
    </message>
    <message>
        <source>madvise(%1, %2, %3) in PID %4</source>
        <translation>madvise(%1, %2, %3)（PID %4）</translation>
    </message>
    <message>
        <source>kmem_cache_alloc_node(%1, node %2)</source>
        <translation>kmem_cache_alloc_node(%1, 节点 %2)</translation>
    </message>
    <message>
        <source>kmem_cache_alloc(%1)</source>
        <translation>kmem_cache_alloc(%1)</translation>
    </message>
    <message>
        <source>kmem_cache_free(%1, %2)</source>
        <translation>kmem_cache_free(%1, %2)</translation>
    </message>
    <message>
        <source>kmem_cache_shrink(%1)</source>
        <translation>kmem_cache_shrink(%1)</translation>
    </message>
    <message>
        <source>alloc_pages_node(node %1, order %2, %3)</source>
        <translation>alloc_pages_node(节点 %1, %2 阶, %3)</translation>
    </message>
    <message>
        <source>spawn &quot;%1&quot; on node %2</source>
        <translation>spawn &quot;%1&quot;（节点 %2）</translation>
    </message>
    <message>
        <source>kmem_cache_create(&quot;%1&quot;, %2, align %3)</source>
        <translation>kmem_cache_create(&quot;%1&quot;, %2, 对齐 %3)</translation>
    </message>
    <message>
        <source>kmem_cache_create(&quot;%1&quot;, %2)</source>
        <translation>kmem_cache_create(&quot;%1&quot;, %2)</translation>
    </message>
    <message>
        <source>cache %1</source>
        <translation>缓存 %1</translation>
    </message>
    <message>
        <source>kmalloc_node(%1, node %2)</source>
        <translation>kmalloc_node(%1, 节点 %2)</translation>
    </message>
    <message>
        <source>kmalloc(%1)</source>
        <translation>kmalloc(%1)</translation>
    </message>
    <message>
        <source>kfree(%1)</source>
        <translation>kfree(%1)</translation>
    </message>
    <message>
        <source>vmalloc_node(%1, node %2)</source>
        <translation>vmalloc_node(%1, 节点 %2)</translation>
    </message>
    <message>
        <source>vmalloc(%1)</source>
        <translation>vmalloc(%1)</translation>
    </message>
    <message>
        <source>vfree(%1)</source>
        <translation>vfree(%1)</translation>
    </message>
    <message>
        <source>kmap_local_page(pfn %1)</source>
        <translation>kmap_local_page(pfn %1)</translation>
    </message>
    <message>
        <source>kmap(pfn %1)</source>
        <translation>kmap(pfn %1)</translation>
    </message>
    <message>
        <source>kunmap_local(%1)</source>
        <translation>kunmap_local(%1)</translation>
    </message>
    <message>
        <source>kunmap(pfn %1)</source>
        <translation>kunmap(pfn %1)</translation>
    </message>
</context>
<context>
    <name>memviz::EventLogView</name>
    <message>
        <source>Filter by event type (e.g. split, merge, watermark)</source>
        <translation>按事件类型筛选（如：拆分、合并、水位线）</translation>
    </message>
    <message>
        <source>Shows only events whose type contains this text.</source>
        <translation>只显示类型中包含此文本的事件。</translation>
    </message>
</context>
<context>
    <name>memviz::ExerciseDialog</name>
    <message>
        <source>h or m</source>
        <translation>h 或 m</translation>
    </message>
    <message>
        <source>h, m or m page</source>
        <translation>h、m 或 m 页号</translation>
    </message>
    <message>
        <source>pfn</source>
        <translation>pfn</translation>
    </message>
    <message>
        <source>pfn/order</source>
        <translation>pfn/阶</translation>
    </message>
    <message>
        <source>Exercises</source>
        <translation>练习</translation>
    </message>
    <message>
        <source>&amp;Exercise:</source>
        <translation>练习(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;Seed:</source>
        <translation>种子(&amp;S)：</translation>
    </message>
    <message>
        <source>The same seed always gives the same exercise, in every language.</source>
        <translation>相同的种子总是生成相同的练习，与界面语言无关。</translation>
    </message>
    <message>
        <source>&amp;New exercise</source>
        <translation>新练习(&amp;N)</translation>
    </message>
    <message>
        <source>The next seed (Ctrl+N)</source>
        <translation>下一个种子（Ctrl+N）</translation>
    </message>
    <message>
        <source>A−</source>
        <translation>A−</translation>
    </message>
    <message>
        <source>Smaller text (Ctrl+-)</source>
        <translation>缩小文字（Ctrl+-）</translation>
    </message>
    <message>
        <source>A+</source>
        <translation>A+</translation>
    </message>
    <message>
        <source>Larger text for a projector (Ctrl++)</source>
        <translation>放大文字，便于投影（Ctrl++）</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>Copy the problem and the steps shown so far to the clipboard</source>
        <translation>将题目和目前已显示的步骤复制到剪贴板</translation>
    </message>
    <message>
        <source>Your answers</source>
        <translation>你的答案</translation>
    </message>
    <message>
        <source>C&amp;heck answers</source>
        <translation>检查答案(&amp;H)</translation>
    </message>
    <message>
        <source>Checks every line you filled in (Enter checks one line)</source>
        <translation>检查你填写的每一行（按 Enter 只检查一行）</translation>
    </message>
    <message>
        <source>Worked solution</source>
        <translation>详细解答</translation>
    </message>
    <message>
        <source>&amp;Reveal next step</source>
        <translation>显示下一步(&amp;R)</translation>
    </message>
    <message>
        <source>Ctrl+R</source>
        <translation>Ctrl+R</translation>
    </message>
    <message>
        <source>Reveal &amp;all</source>
        <translation>全部显示(&amp;A)</translation>
    </message>
    <message>
        <source>Ctrl+Shift+R</source>
        <translation>Ctrl+Shift+R</translation>
    </message>
    <message>
        <source>H&amp;ide solution</source>
        <translation>隐藏解答(&amp;I)</translation>
    </message>
    <message>
        <source>The worked solution appears here one step at a time, as memviz&apos;s simulator found it: Reveal next step (Ctrl+R), or Reveal all.</source>
        <translation>详细解答会在这里逐步显示，内容即 memviz 模拟器得出的结果：点击“显示下一步”（Ctrl+R）或“全部显示”。</translation>
    </message>
    <message>
        <source>Step %1 of %2</source>
        <translation>第 %1 步，共 %2 步</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>正确</translation>
    </message>
    <message>
        <source>Not what the simulator found</source>
        <translation>与模拟器得出的结果不符</translation>
    </message>
    <message>
        <source>Cannot read this answer. %1</source>
        <translation>无法识别这个答案。%1</translation>
    </message>
    <message>
        <source>0x… (and the byte), or PDE / PTE</source>
        <translation>0x…（及字节），或 PDE / PTE</translation>
    </message>
</context>
<context>
    <name>memviz::ExplainPanel</name>
    <message numerus="yes">
        <source>Start of the run · %Ln step(s) recorded</source>
        <translation>
            <numerusform>运行开始 · 已记录 %Ln 步</numerusform>
        </translation>
    </message>
    <message>
        <source>No machine yet</source>
        <translation>尚未创建机器</translation>
    </message>
    <message>
        <source>Every step of the run is explained here: what happened, why, with this run&apos;s numbers and the kernel function that does it in Linux. Step with → and ←, jump to the next command with Page Down, or press Space to play.</source>
        <translation>这里逐一解释运行中的每一步：发生了什么、为什么发生，并给出本次运行的具体数值以及 Linux 中完成这一操作的内核函数。用 → 和 ← 逐步查看，按 Page Down 跳到下一条命令，或按 Space 播放。</translation>
    </message>
    <message>
        <source>Step %L1 of %L2</source>
        <translation>第 %L1 步，共 %L2 步</translation>
    </message>
    <message>
        <source>command %L1: %2</source>
        <translation>命令 %L1：%2</translation>
    </message>
    <message>
        <source>memviz simplifies:</source>
        <translation>memviz 的简化处理：</translation>
    </message>
</context>
<context>
    <name>memviz::GifWriter</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Not enough memory to encode the GIF %1</source>
        <translation>内存不足，无法编码 GIF %1</translation>
    </message>
    <message>
        <source>The GIF encoder failed on %1: %2 (giflib error %3)</source>
        <translation>GIF 编码器处理 %1 时失败：%2（giflib 错误 %3）</translation>
    </message>
    <message>
        <source>A GIF picture must be 1 to 65535 pixels wide and high, not %1×%2</source>
        <translation>GIF 图像的宽和高必须在 1 到 65535 像素之间，而不是 %1×%2</translation>
    </message>
    <message>
        <source>The GIF is not open</source>
        <translation>GIF 尚未打开</translation>
    </message>
    <message>
        <source>A frame of %1×%2 pixels does not fit the GIF %3 of %4×%5</source>
        <translation>%1×%2 像素的帧与 GIF %3 的尺寸 %4×%5 不符</translation>
    </message>
    <message>
        <source>The GIF %1 has no frames</source>
        <translation>GIF %1 中没有帧</translation>
    </message>
</context>
<context>
    <name>memviz::KernelApi</name>
    <message>
        <source>alloc_pages(order): order must be a whole number from 0 to 10</source>
        <translation>alloc_pages(order)：order 必须是 0 到 10 之间的整数</translation>
    </message>
    <message>
        <source>alloc_pages(order, options): options must be an object, e.g. { zone: &quot;DMA32&quot; }</source>
        <translation>alloc_pages(order, options)：options 必须是对象，例如 { zone: &quot;DMA32&quot; }</translation>
    </message>
    <message>
        <source>free_pages(block): pass the block alloc_pages() returned, or a pfn and an order</source>
        <translation>free_pages(block)：请传入 alloc_pages() 返回的块，或者一个 pfn 和一个 order</translation>
    </message>
    <message>
        <source>free_pages(): pfn and order must not be negative</source>
        <translation>free_pages()：pfn 和 order 不能为负数</translation>
    </message>
    <message>
        <source>%1: options must be an object, e.g. { node: 1 }</source>
        <translation>%1：options 必须是对象，例如 { node: 1 }</translation>
    </message>
    <message>
        <source>%1: pass a cache from kmem_cache_create() or the name of a cache in /proc/slabinfo</source>
        <translation>%1：请传入 kmem_cache_create() 返回的缓存，或 /proc/slabinfo 中某个缓存的名称</translation>
    </message>
    <message>
        <source>%1: pass the page alloc_pages() returned, or its pfn</source>
        <translation>%1：请传入 alloc_pages() 返回的页，或它的 pfn</translation>
    </message>
    <message>
        <source>kmem_cache_create(name, size, align, flags): name must be a string, e.g. &quot;task_struct&quot;</source>
        <translation>kmem_cache_create(name, size, align, flags)：name 必须是字符串，例如 &quot;task_struct&quot;</translation>
    </message>
    <message>
        <source>kmem_cache_create(name, size, align, flags): size, align and flags must be whole numbers, e.g. kmem_cache_create(&quot;task_struct&quot;, 1792, 64, SLAB_HWCACHE_ALIGN)</source>
        <translation>kmem_cache_create(name, size, align, flags)：size、align 和 flags 必须是整数，例如 kmem_cache_create(&quot;task_struct&quot;, 1792, 64, SLAB_HWCACHE_ALIGN)</translation>
    </message>
    <message>
        <source>%1: pass the object&apos;s address</source>
        <translation>%1：请传入对象的地址</translation>
    </message>
    <message>
        <source>kmalloc(size): size must be a number of bytes or a size like &quot;64K&quot;</source>
        <translation>kmalloc(size)：size 必须是字节数，或形如 &quot;64K&quot; 的大小</translation>
    </message>
    <message>
        <source>kfree(addr): pass the address kmalloc() returned</source>
        <translation>kfree(addr)：请传入 kmalloc() 返回的地址</translation>
    </message>
    <message>
        <source>vmalloc(size): size must be a number of bytes or a size like &quot;64K&quot;</source>
        <translation>vmalloc(size)：size 必须是字节数，或形如 &quot;64K&quot; 的大小</translation>
    </message>
    <message>
        <source>vfree(addr): pass the address vmalloc() returned</source>
        <translation>vfree(addr)：请传入 vmalloc() 返回的地址</translation>
    </message>
    <message>
        <source>kunmap_local(addr): pass the address kmap_local_page() returned</source>
        <translation>kunmap_local(addr)：请传入 kmap_local_page() 返回的地址</translation>
    </message>
    <message>
        <source>__pa(): %1 is not a direct-map address (only lowmem has one)</source>
        <translation>__pa()：%1 不是直接映射区中的地址（只有低端内存才有这种地址）</translation>
    </message>
    <message>
        <source>__va(): physical address %1 is not in the direct map (HighMem has no permanent kernel address; use kmap)</source>
        <translation>__va()：物理地址 %1 不在直接映射区中（高端内存没有永久的内核地址；请使用 kmap）</translation>
    </message>
</context>
<context>
    <name>memviz::KernelSpaceView</name>
    <message>
        <source>user space</source>
        <translation>用户空间</translation>
    </message>
    <message>
        <source>0 – %1 · %2, not to scale</source>
        <translation>0 – %1 · %2，未按比例</translation>
    </message>
    <message>
        <source>direct map (lowmem)</source>
        <translation>直接映射区（低端内存）</translation>
    </message>
    <message>
        <source>direct map</source>
        <translation>直接映射区</translation>
    </message>
    <message>
        <source>vmalloc area</source>
        <translation>vmalloc 区（动态内存映射区）</translation>
    </message>
    <message>
        <source>pkmap (kmap window)</source>
        <translation>永久内存映射区（pkmap）</translation>
    </message>
    <message>
        <source>fixmap (kmap_local slots)</source>
        <translation>固定映射区（kmap_local 槽位）</translation>
    </message>
    <message>
        <source>fixmap</source>
        <translation>固定映射区</translation>
    </message>
    <message>
        <source>kernel text</source>
        <translation>内核代码</translation>
    </message>
    <message>
        <source>modules</source>
        <translation>模块</translation>
    </message>
    <message>
        <source>vmemmap (struct pages)</source>
        <translation>vmemmap（struct page 数组）</translation>
    </message>
    <message>
        <source>gap (VMALLOC_OFFSET)</source>
        <translation>间隙（VMALLOC_OFFSET）</translation>
    </message>
    <message>
        <source>non-canonical hole</source>
        <translation>非规范地址空洞</translation>
    </message>
    <message>
        <source>no addresses here</source>
        <translation>此处没有地址</translation>
    </message>
    <message>
        <source>vmalloc</source>
        <translation>vmalloc</translation>
    </message>
    <message>
        <source>pkmap</source>
        <translation>pkmap</translation>
    </message>
    <message>
        <source>vmemmap</source>
        <translation>vmemmap</translation>
    </message>
    <message>
        <source>user</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>non-canonical</source>
        <translation>非规范</translation>
    </message>
    <message>
        <source>gap</source>
        <translation>间隙</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1, not to scale</source>
        <translation>%1，未按比例</translation>
    </message>
    <message>
        <source>The process&apos;s own addresses. Every process has its own; the kernel half above is the same in every process.</source>
        <translation>进程自己的地址。每个进程都有自己的一份；上方的内核部分在每个进程中都相同。</translation>
    </message>
    <message>
        <source>Lowmem mapped 1:1 at PAGE_OFFSET: virtual = physical + %1. kmalloc, the slab caches and page tables live here. It ends at high_memory (%2): frames above %3 (HighMem) have no address here.</source>
        <translation>低端内存在 PAGE_OFFSET 处 1:1 映射：虚拟地址 = 物理地址 + %1。kmalloc、slab 缓存和页表都位于这里。它止于 high_memory（%2）：%3 以上的页框（高端内存）在这里没有地址。</translation>
    </message>
    <message>
        <source>All of RAM mapped 1:1 at PAGE_OFFSET: virtual = physical + %1; %2 of RAM in a region of %3. kmalloc and the slab caches live here.</source>
        <translation>全部内存在 PAGE_OFFSET 处 1:1 映射：虚拟地址 = 物理地址 + %1；%2 的内存位于一个 %3 的区域中。kmalloc 和 slab 缓存位于这里。</translation>
    </message>
    <message>
        <source>vmalloc() reserves virtually contiguous areas here (a guard page after each) and maps any free frames into them, one page at a time, HighMem first.</source>
        <translation>vmalloc() 在这里预留虚拟地址连续的区域（每个区域之后有一个保护页），并把任意空闲页框逐页映射进去，优先使用高端内存。</translation>
    </message>
    <message>
        <source>vmalloc() reserves virtually contiguous areas here (a guard page after each) and maps any free frames into them, one page at a time. Kernel stacks are vmalloc&apos;d too (CONFIG_VMAP_STACK).</source>
        <translation>vmalloc() 在这里预留虚拟地址连续的区域（每个区域之后有一个保护页），并把任意空闲页框逐页映射进去。内核栈也由 vmalloc 分配（CONFIG_VMAP_STACK）。</translation>
    </message>
    <message>
        <source>%1 slots for kmap(): a HighMem page keeps its slot while it is used; slots no longer used are freed when the search for a free slot wraps around.</source>
        <translation>供 kmap() 使用的 %1 个槽位：高端内存页在使用期间一直占用其槽位；查找空闲槽位绕回开头时，释放不再使用的槽位。</translation>
    </message>
    <message>
        <source>Addresses fixed at compile time. Among them %1 kmap_local (kmap_atomic) slots per CPU: short-lived mappings of HighMem pages, used like a stack.</source>
        <translation>编译时确定的固定地址。其中包括每个 CPU %1 个 kmap_local（kmap_atomic）槽位：用于高端内存页的短期映射，按栈的方式使用。</translation>
    </message>
    <message>
        <source>Addresses fixed at compile time (local APIC, early ioremap, ...).</source>
        <translation>编译时确定的固定地址（local APIC、early ioremap 等）。</translation>
    </message>
    <message>
        <source>The kernel image, mapped at __START_KERNEL_map (%1); _text is at %2.</source>
        <translation>内核映像，映射在 __START_KERNEL_map（%1）；_text 位于 %2。</translation>
    </message>
    <message>
        <source>Loadable modules are mapped here.</source>
        <translation>可加载模块映射在这里。</translation>
    </message>
    <message>
        <source>The struct page array: one entry for every frame.</source>
        <translation>struct page 数组：每个页框对应一项。</translation>
    </message>
    <message>
        <source>The kernel uses this for %1; memviz does not simulate it.</source>
        <translation>内核把这里用于 %1；memviz 不模拟它。</translation>
    </message>
    <message>
        <source>A gap between the direct map and the vmalloc area: a stray access past either faults.</source>
        <translation>直接映射区与 vmalloc 区之间的间隙：越过任一区域的误访问都会触发异常。</translation>
    </message>
    <message>
        <source>Not canonical: the CPU refuses these addresses, so user and kernel halves sit at the two ends.</source>
        <translation>非规范地址：CPU 拒绝这些地址，因此用户和内核两半分别位于两端。</translation>
    </message>
    <message>
        <source>Unused.</source>
        <translation>未使用。</translation>
    </message>
    <message>
        <source>&amp;Scale:</source>
        <translation>刻度(&amp;S)：</translation>
    </message>
    <message>
        <source>to scale</source>
        <translation>按比例</translation>
    </message>
    <message>
        <source>breaks over holes</source>
        <translation>空洞处截断</translation>
    </message>
    <message>
        <source>logarithmic</source>
        <translation>对数</translation>
    </message>
    <message>
        <source>To scale: every region as long as its addresses. Breaks: every region gets room, the holes between them are cut short. Logarithmic: lengths by the logarithm of the size.</source>
        <translation>按比例：每个区域的长度与其地址范围成比例。截断：每个区域都有足够空间，区域之间的空洞被截短。对数：长度按大小的对数计算。</translation>
    </message>
    <message>
        <source>&amp;kmalloc vs vmalloc</source>
        <translation>kmalloc 与 vmalloc 对比(&amp;K)</translation>
    </message>
    <message>
        <source>Set the last large kmalloc (one block of contiguous frames) beside the last vmalloc (pages from anywhere). Shown by itself once both exist.</source>
        <translation>把最近一次大块 kmalloc（一块连续的页框）与最近一次 vmalloc（页来自任意位置）并排显示。两者都存在后单独显示此对比。</translation>
    </message>
    <message>
        <source>Kernel address space</source>
        <translation>内核地址空间</translation>
    </message>
    <message>
        <source>The kernel&apos;s virtual address regions and the physical frames they map</source>
        <translation>内核的虚拟地址区域及其映射的物理页框</translation>
    </message>
    <message>
        <source>Simplified: the kernel&apos;s mappings are tables, not page tables in simulated memory; KASLR is off, so every region is at its documented address; one CPU.</source>
        <translation>简化：内核的映射以表的形式保存，而不是模拟内存中的页表；KASLR 关闭，因此每个区域都位于文档给出的地址；只有一个 CPU。</translation>
    </message>
    <message>
        <source>The kernel&apos;s 1 GiB of addresses (left) against physical memory (right). The first %1 of RAM is mapped 1:1 (the band); HighMem above it has no permanent address: kmap and vmalloc map its frames a page at a time.</source>
        <translation>内核的 1 GiB 地址（左）与物理内存（右）对照。内存的前 %1 被 1:1 映射（色带）；其上的高端内存没有永久地址：kmap 和 vmalloc 逐页映射它的页框。</translation>
    </message>
    <message>
        <source>The kernel&apos;s 1 GiB of addresses (left) against physical memory (right). All of this machine&apos;s RAM fits below %1 and is mapped 1:1 (the band): it has no HighMem.</source>
        <translation>内核的 1 GiB 地址（左）与物理内存（右）对照。这台机器的全部内存都在 %1 以下，都被 1:1 映射（色带）：它没有高端内存。</translation>
    </message>
    <message>
        <source>The kernel half of the address space (left) against physical memory (right). The direct map covers all of RAM (the band); vmalloc maps frames from anywhere into a virtually contiguous area.</source>
        <translation>地址空间的内核部分（左）与物理内存（右）对照。直接映射区覆盖全部内存（色带）；vmalloc 把任意位置的页框映射到一段虚拟地址连续的区域中。</translation>
    </message>
    <message>
        <source>vmalloc reserves %1 at %2 (a guard page included); its pages come next, one frame at a time.</source>
        <translation>vmalloc 在 %2 预留 %1（含一个保护页）；接下来逐个页框映射它的页。</translation>
    </message>
    <message>
        <source>vmalloc maps page %1 of the area: %2 → frame %3. Any free frame will do, so the frames of one area need not be contiguous.</source>
        <translation>vmalloc 映射该区域的第 %1 页：%2 → 页框 %3。任何空闲页框都可以，因此同一区域的页框不必连续。</translation>
    </message>
    <message>
        <source>A kernel stack of %1: the order-1 block at frame %2, reached through the direct map at %3.</source>
        <translation>一个 %1 的内核栈：位于页框 %2 的 1 阶块，通过直接映射区中的 %3 访问。</translation>
    </message>
    <message>
        <source>The kernel stack at %1 is given back.</source>
        <translation>位于 %1 的内核栈被归还。</translation>
    </message>
    <message>
        <source>vfree(%1): the area&apos;s mappings go (%2 with its guard page); its frames return to the buddy allocator and the kernel TLB is flushed over the area.</source>
        <translation>vfree(%1)：撤销该区域的映射（%2，含保护页）；其页框归还给伙伴分配器，并在该区域范围内刷新内核 TLB。</translation>
    </message>
    <message>
        <source>kmap(): HighMem frame %1 is mapped in pkmap slot %2 at %3 (count %4).</source>
        <translation>kmap()：高端内存页框 %1 映射到 pkmap 槽位 %2，地址 %3（计数 %4）。</translation>
    </message>
    <message>
        <source>kmap_local_page(): HighMem frame %1 gets kmap_local slot %2 at %3 in the fixmap, until kunmap_local().</source>
        <translation>kmap_local_page()：高端内存页框 %1 获得固定映射区中的 kmap_local 槽位 %2，地址 %3，直到 kunmap_local()。</translation>
    </message>
    <message>
        <source>kmap() of frame %1 maps nothing: the direct map already has it at %2.</source>
        <translation>对页框 %1 的 kmap() 不建立任何映射：直接映射区中已有它，地址为 %2。</translation>
    </message>
    <message>
        <source>kunmap(): pkmap slot %1 keeps frame %2 mapped (count %3) until the next flush of unused slots.</source>
        <translation>kunmap()：pkmap 槽位 %1 仍保持页框 %2 的映射（计数 %3），直到下一次刷新未使用的槽位。</translation>
    </message>
    <message>
        <source>kunmap_local(): slot %1 is free again and the TLB entry of %2 is flushed.</source>
        <translation>kunmap_local()：槽位 %1 重新空闲，%2 的 TLB 表项被刷新。</translation>
    </message>
    <message>
        <source>The search for a free pkmap slot wrapped around: %1 slots no longer used are freed and the kernel TLB is flushed over the window.</source>
        <translation>查找空闲 pkmap 槽位时绕回了开头：释放 %1 个不再使用的槽位，并在整个 pkmap 窗口范围内刷新内核 TLB。</translation>
    </message>
    <message>
        <source>kunmap() of a frame in the direct map does nothing.</source>
        <translation>对直接映射区中页框的 kunmap() 不做任何事。</translation>
    </message>
    <message>
        <source>kfree(%1).</source>
        <translation>kfree(%1)。</translation>
    </message>
    <message>
        <source>kmalloc(%1) is too big for the kmalloc caches: %2 contiguous frames from the buddy allocator (order %3), at %4 in the direct map.</source>
        <translation>kmalloc(%1) 对 kmalloc 缓存来说太大：从伙伴分配器取得 %2 个连续页框（%3 阶），位于直接映射区的 %4。</translation>
    </message>
    <message>
        <source>kmalloc(%1): an object of %2 at %3, in a slab reached through the direct map.</source>
        <translation>kmalloc(%1)：位于 %3 的一个 %2 对象，所在的 slab 通过直接映射区访问。</translation>
    </message>
    <message>
        <source>A new slab of %1: frame %2 and up, reached through the direct map.</source>
        <translation>%1 的一个新 slab：从页框 %2 开始，通过直接映射区访问。</translation>
    </message>
    <message>
        <source>The TLB entry of kernel address %1 is flushed (invlpg): no CPU may keep using the old mapping.</source>
        <translation>刷新内核地址 %1 的 TLB 表项（invlpg）：任何 CPU 都不能再使用旧映射。</translation>
    </message>
    <message>
        <source>The whole TLB is flushed, global kernel entries too.</source>
        <translation>刷新整个 TLB，全局的内核表项也一并刷新。</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>no direct map</source>
        <translation>无直接映射</translation>
    </message>
    <message>
        <source>virtual addresses ↑</source>
        <translation>虚拟地址 ↑</translation>
    </message>
    <message>
        <source>physical memory (%1) ↑</source>
        <translation>物理内存（%1） ↑</translation>
    </message>
    <message>
        <source>TLB flushed: %1</source>
        <translation>已刷新 TLB：%1</translation>
    </message>
    <message>
        <source>TLB flushed: all, global entries too</source>
        <translation>已刷新 TLB：全部，包括全局表项</translation>
    </message>
    <message>
        <source>direct map: lowmem 1:1 (%1)</source>
        <translation>直接映射区：低端内存 1:1（%1）</translation>
    </message>
    <message>
        <source>direct map: all RAM 1:1 (%1)</source>
        <translation>直接映射区：全部内存 1:1（%1）</translation>
    </message>
    <message>
        <source>va = pa + %1</source>
        <translation>va = pa + %1</translation>
    </message>
    <message>
        <source>RAM</source>
        <translation>RAM</translation>
    </message>
    <message>
        <source>vmalloc(%1)</source>
        <translation>vmalloc(%1)</translation>
    </message>
    <message>
        <source>kernel stacks (%1)</source>
        <translation>内核栈（%1）</translation>
    </message>
    <message>
        <source>stacks</source>
        <translation>栈</translation>
    </message>
    <message>
        <source>pkmap: %1 of %2 slots</source>
        <translation>pkmap：已用 %1 个槽位，共 %2 个</translation>
    </message>
    <message>
        <source>pkmap %1/%2</source>
        <translation>pkmap %1/%2</translation>
    </message>
    <message>
        <source>kmap_local: %1 of %2 slots</source>
        <translation>kmap_local：已用 %1 个槽位，共 %2 个</translation>
    </message>
    <message>
        <source>kmap_local %1/%2</source>
        <translation>kmap_local %1/%2</translation>
    </message>
    <message>
        <source>Nothing to compare yet: run kmalloc() of more than 8 KiB and vmalloc().</source>
        <translation>尚无可对比的内容：请运行大于 8 KiB 的 kmalloc() 和 vmalloc()。</translation>
    </message>
    <message>
        <source>No large kmalloc yet: kmalloc() of more than 8 KiB takes contiguous frames.</source>
        <translation>尚无大块 kmalloc：大于 8 KiB 的 kmalloc() 占用连续的页框。</translation>
    </message>
    <message>
        <source>No vmalloc area yet: vmalloc() maps frames from anywhere.</source>
        <translation>尚无 vmalloc 区域：vmalloc() 从任意位置映射页框。</translation>
    </message>
    <message>
        <source>virtual</source>
        <translation>虚拟</translation>
    </message>
    <message>
        <source>physical</source>
        <translation>物理</translation>
    </message>
    <message>
        <source>&lt;b&gt;frame %1&lt;/b&gt; (%2) · physical %3</source>
        <translation>&lt;b&gt;页框 %1&lt;/b&gt;（%2） · 物理地址 %3</translation>
    </message>
    <message>
        <source>no zone</source>
        <translation>无 zone</translation>
    </message>
    <message>
        <source>pkmap slot %1</source>
        <translation>pkmap 槽位 %1</translation>
    </message>
    <message>
        <source>kernel address %1 (%2)</source>
        <translation>内核地址 %1（%2）</translation>
    </message>
    <message>
        <source>also in the direct map at %1</source>
        <translation>同时位于直接映射区的 %1</translation>
    </message>
    <message>
        <source>HighMem: no kernel address until kmap() or vmalloc maps it</source>
        <translation>高端内存：在被 kmap() 或 vmalloc 映射之前没有内核地址</translation>
    </message>
    <message>
        <source>kmap_local slot %1 at %2</source>
        <translation>kmap_local 槽位 %1，地址 %2</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2 → frame %3 (physical %4)</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2 → 页框 %3（物理地址 %4）</translation>
    </message>
    <message>
        <source>vmalloc page</source>
        <translation>vmalloc 页</translation>
    </message>
    <message>
        <source>kernel stack page</source>
        <translation>内核栈页</translation>
    </message>
    <message>
        <source>kernel stack (direct map)</source>
        <translation>内核栈（直接映射区）</translation>
    </message>
    <message>
        <source>pkmap slot</source>
        <translation>pkmap 槽位</translation>
    </message>
    <message>
        <source>kmap_local slot</source>
        <translation>kmap_local 槽位</translation>
    </message>
    <message>
        <source>direct-map page</source>
        <translation>直接映射区页</translation>
    </message>
    <message>
        <source>slab (direct map)</source>
        <translation>slab（直接映射区）</translation>
    </message>
    <message>
        <source>large kmalloc (direct map)</source>
        <translation>大块 kmalloc（直接映射区）</translation>
    </message>
    <message>
        <source>vmalloc page %1</source>
        <translation>vmalloc 第 %1 页</translation>
    </message>
    <message>
        <source>kmalloc page %1</source>
        <translation>kmalloc 第 %1 页</translation>
    </message>
    <message>
        <source>%1 · %2 – %3</source>
        <translation>%1 · %2 – %3</translation>
    </message>
    <message>
        <source>guard page at %1: never mapped, so running off the area faults</source>
        <translation>位于 %1 的保护页：从不映射，因此越出该区域的访问会触发异常</translation>
    </message>
    <message>
        <source>%1: reserved, no frame mapped yet</source>
        <translation>%1：已预留，尚未映射页框</translation>
    </message>
    <message>
        <source>a cell here holds about %1 frames</source>
        <translation>这里每格约含 %1 个页框</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2 – %3 (%4)&lt;br&gt;%5</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2 – %3（%4）&lt;br&gt;%5</translation>
    </message>
    <message>
        <source>&lt;b&gt;The direct map&lt;/b&gt;&lt;br&gt;virtual = physical + PAGE_OFFSET (%1): frames 0 – %2 (%3) need no page-table work to be reached</source>
        <translation>&lt;b&gt;直接映射区&lt;/b&gt;&lt;br&gt;虚拟地址 = 物理地址 + PAGE_OFFSET（%1）：访问页框 0 – %2（%3）无需任何页表操作</translation>
    </message>
    <message>
        <source>No machine yet.</source>
        <translation>尚未创建机器。</translation>
    </message>
    <message>
        <source>This machine has no kernel address space to show (a textbook page-table spec).</source>
        <translation>这台机器没有可显示的内核地址空间（教科书式的页表规格）。</translation>
    </message>
    <message>
        <source>kmalloc vs vmalloc</source>
        <translation>kmalloc 与 vmalloc 对比</translation>
    </message>
    <message>
        <source>kmalloc(%1)</source>
        <translation>kmalloc(%1)</translation>
    </message>
    <message>
        <source>%1 contiguous frames: one order-%2 block from the buddy allocator, reached through the direct map.</source>
        <translation>%1 个连续页框：来自伙伴分配器的一个 %2 阶块，通过直接映射区访问。</translation>
    </message>
    <message>
        <source>%1 pages, each from any free frame; virtually contiguous. Here the frames happen to be contiguous too.</source>
        <translation>%1 个页，每页取自任意空闲页框；虚拟地址连续。这里的页框碰巧也是连续的。</translation>
    </message>
    <message>
        <source>%1 pages, each from any free frame: virtually contiguous, physically in %2 pieces.</source>
        <translation>%1 个页，每页取自任意空闲页框：虚拟地址连续，物理上分成 %2 段。</translation>
    </message>
    <message>
        <source>frames %1</source>
        <translation>页框 %1</translation>
    </message>
    <message>
        <source>frames %1–%2</source>
        <translation>页框 %1–%2</translation>
    </message>
    <message>
        <source>(first %1 of %2 pages)</source>
        <translation>（前 %1 页，共 %2 页）</translation>
    </message>
    <message>
        <source>direct map: lowmem 1:1</source>
        <translation>直接映射区：低端内存 1:1</translation>
    </message>
    <message>
        <source>direct map: all RAM 1:1</source>
        <translation>直接映射区：全部内存 1:1</translation>
    </message>
    <message>
        <source>kernel stack</source>
        <translation>内核栈</translation>
    </message>
    <message>
        <source>kmap / kmap_local slot</source>
        <translation>kmap / kmap_local 槽位</translation>
    </message>
    <message>
        <source>slab / kmalloc</source>
        <translation>slab / kmalloc</translation>
    </message>
    <message>
        <source>this step</source>
        <translation>本步</translation>
    </message>
</context>
<context>
    <name>memviz::LruSwapView</name>
    <message>
        <source>inactive anon</source>
        <translation>不活跃匿名页</translation>
    </message>
    <message>
        <source>active anon</source>
        <translation>活跃匿名页</translation>
    </message>
    <message>
        <source>inactive file</source>
        <translation>不活跃文件页</translation>
    </message>
    <message>
        <source>active file</source>
        <translation>活跃文件页</translation>
    </message>
    <message>
        <source>unevictable</source>
        <translation>不可回收</translation>
    </message>
    <message>
        <source>anonymous (process colour)</source>
        <translation>匿名页（按进程着色）</translation>
    </message>
    <message>
        <source>page cache</source>
        <translation>页缓存</translation>
    </message>
    <message>
        <source>referenced</source>
        <translation>已访问</translation>
    </message>
    <message>
        <source>dirty</source>
        <translation>脏</translation>
    </message>
    <message>
        <source>in swap cache</source>
        <translation>在交换缓存中</translation>
    </message>
    <message>
        <source>free slot</source>
        <translation>空闲槽位</translation>
    </message>
    <message>
        <source>slot used by page tables</source>
        <translation>被页表引用的槽位</translation>
    </message>
    <message>
        <source>slot in swap cache</source>
        <translation>在交换缓存中的槽位</translation>
    </message>
    <message>
        <source>LRU lists and swap</source>
        <translation>LRU 链表与交换空间</translation>
    </message>
    <message>
        <source>The pages of each LRU list from head to tail, and every slot of each swap area</source>
        <translation>每个 LRU 链表中从头到尾的页，以及每个交换区的每个槽位</translation>
    </message>
    <message>
        <source>page %1: anonymous, of %2</source>
        <translation>页 %1：匿名页，属于 %2</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>page %1: page cache of %2, page %3</source>
        <translation>页 %1：%2 的页缓存，第 %3 页</translation>
    </message>
    <message>
        <source>page %1</source>
        <translation>页 %1</translation>
    </message>
    <message>
        <source>on the %1 list</source>
        <translation>位于%1链表上</translation>
    </message>
    <message>
        <source>workingset</source>
        <translation>工作集（workingset）</translation>
    </message>
    <message>
        <source>in the swap cache (slot %1 of area %2)</source>
        <translation>在交换缓存中（交换区 %2 的槽位 %1）</translation>
    </message>
    <message>
        <source>slots %1 – %2: %3 in use, %4 in the swap cache</source>
        <translation>槽位 %1 – %2：%3 个已用，%4 个在交换缓存中</translation>
    </message>
    <message>
        <source>slot 0: the swap header (never used for pages)</source>
        <translation>槽位 0：交换区头部（从不用于存放页）</translation>
    </message>
    <message>
        <source>slot %1: free</source>
        <translation>槽位 %1：空闲</translation>
    </message>
    <message>
        <source>slot %1: %2 page-table entries refer to it</source>
        <translation>槽位 %1：有 %2 个页表项引用它</translation>
    </message>
    <message>
        <source>in the swap cache: page %1</source>
        <translation>在交换缓存中：页 %1</translation>
    </message>
    <message>
        <source>in the swap cache</source>
        <translation>在交换缓存中</translation>
    </message>
    <message>
        <source>slot %1 of %2</source>
        <translation>%2 的槽位 %1</translation>
    </message>
    <message>
        <source>Page %1 joins the head of the %2 list.</source>
        <translation>页 %1 加入%2链表的头部。</translation>
    </message>
    <message>
        <source>Page %1 leaves the %2 list (isolated for reclaim, or freed).</source>
        <translation>页 %1 离开%2链表（被隔离以供回收，或已释放）。</translation>
    </message>
    <message>
        <source>Page %1 was referenced: it gets a second chance (PG_referenced) and goes back to the head of the %2 list.</source>
        <translation>页 %1 被访问过：它获得第二次机会（PG_referenced），回到%2链表的头部。</translation>
    </message>
    <message>
        <source>Page %1 is rotated to the head of the %2 list.</source>
        <translation>页 %1 被轮转到%2链表的头部。</translation>
    </message>
    <message>
        <source>Page %1 is activated: referenced again, it moves from the %2 list to the head of the %3 list.</source>
        <translation>页 %1 被激活：它再次被访问，从%2链表移到%3链表的头部。</translation>
    </message>
    <message>
        <source>Page %1 is deactivated: it moves from the %2 list to the head of the %3 list.</source>
        <translation>页 %1 被降级：从%2链表移到%3链表的头部。</translation>
    </message>
    <message>
        <source>Direct reclaim scans the tail of the %1 list: %2 pages scanned, %3 reclaimed (priority %4).</source>
        <translation>直接回收扫描%1链表的尾部：扫描 %2 页，回收 %3 页（优先级 %4）。</translation>
    </message>
    <message>
        <source>kswapd scans the tail of the %1 list: %2 pages scanned, %3 reclaimed (priority %4).</source>
        <translation>kswapd 扫描%1链表的尾部：扫描 %2 页，回收 %3 页（优先级 %4）。</translation>
    </message>
    <message>
        <source>add_to_swap(): page %1 gets %2 and joins the swap cache. It stays dirty until it is written out.</source>
        <translation>add_to_swap()：页 %1 分到 %2，加入交换缓存。在被写出之前它一直是脏的。</translation>
    </message>
    <message>
        <source>pageout(): page %1 is written back to its file.</source>
        <translation>pageout()：页 %1 被回写到它的文件。</translation>
    </message>
    <message>
        <source>pageout(): page %1 is written to %2; once clean it can be freed.</source>
        <translation>pageout()：页 %1 被写入 %2；变干净后即可释放。</translation>
    </message>
    <message>
        <source>swap_read_folio(): %1 is read into page %2 (a major fault). The page stays in the swap cache.</source>
        <translation>swap_read_folio()：%1 被读入页 %2（硬性缺页）。该页仍留在交换缓存中。</translation>
    </message>
    <message>
        <source>Page %1 leaves the swap cache; %2 is freed unless a page table still refers to it.</source>
        <translation>页 %1 离开交换缓存；除非仍有页表引用 %2，否则它会被释放。</translation>
    </message>
    <message>
        <source>swapon: a swap area of %1 slots is enabled.</source>
        <translation>swapon：启用了一个有 %1 个槽位的交换区。</translation>
    </message>
    <message>
        <source>Each row is an LRU list: new and rotated pages enter at the head (left), reclaim takes pages from the tail (right). Below, every slot of each swap area.</source>
        <translation>每一行是一个 LRU 链表：新页和被轮转的页从头部（左侧）进入，回收从尾部（右侧）取页。下方是每个交换区的所有槽位。</translation>
    </message>
    <message>
        <source>+ %1 more</source>
        <translation>+ 另有 %1 个</translation>
    </message>
    <message>
        <source>%1 pages · %2</source>
        <translation>%1 页 · %2</translation>
    </message>
    <message>
        <source>pgactivate %1 · pgdeactivate %2 · pswpout %3 · pswpin %4</source>
        <translation>pgactivate %1 · pgdeactivate %2 · pswpout %3 · pswpin %4</translation>
    </message>
    <message>
        <source>← head: newest</source>
        <translation>← 头部：最新</translation>
    </message>
    <message>
        <source>tail: oldest, reclaim takes these →</source>
        <translation>尾部：最旧，回收从这里取页 →</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>空</translation>
    </message>
    <message>
        <source>No machine yet.</source>
        <translation>尚未创建机器。</translation>
    </message>
    <message>
        <source>No swap area. Anonymous pages cannot be reclaimed without one: only the page cache can.</source>
        <translation>没有交换区。没有交换区，匿名页就无法回收：只有页缓存可以回收。</translation>
    </message>
    <message>
        <source>%1 (%2, priority %3): %4 / %5 slots used (%6 of %7)</source>
        <translation>%1（%2，优先级 %3）：已用 %4 / %5 个槽位（%6 / %7）</translation>
    </message>
    <message>
        <source>partition</source>
        <translation>分区</translation>
    </message>
    <message>
        <source>file</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>SwapCached %1 pages</source>
        <translation>SwapCached %1 页</translation>
    </message>
    <message>
        <source>%1 slots per dot</source>
        <translation>每个点 %1 个槽位</translation>
    </message>
</context>
<context>
    <name>memviz::MainWindow</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>Reset layout</source>
        <translation>重置布局</translation>
    </message>
    <message>
        <source>The default layout is used the next time memviz starts.</source>
        <translation>下次启动 memviz 时将使用默认布局。</translation>
    </message>
    <message>
        <source>About memviz</source>
        <translation>关于 memviz</translation>
    </message>
    <message>
        <source>&lt;h3&gt;memviz %1&lt;/h3&gt;&lt;p&gt;An interactive laboratory for Linux memory management: a deterministic simulation of the kernel&apos;s memory subsystem, shown step by step.&lt;/p&gt;&lt;p&gt;Follows Linux 6.12 (mm/page_alloc.c) and procps-ng 4.0.2.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;memviz %1&lt;/h3&gt;&lt;p&gt;Linux 内存管理交互式实验室：以确定性的方式模拟内核的内存子系统，并逐步展示。&lt;/p&gt;&lt;p&gt;依据 Linux 6.12（mm/page_alloc.c）和 procps-ng 4.0.2。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>memviz — Linux memory management laboratory</source>
        <translation>memviz — Linux 内存管理实验室</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Demos</source>
        <translation>演示(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Export view</source>
        <translation>导出视图</translation>
    </message>
    <message>
        <source>&amp;New machine…</source>
        <translation>新建机器(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Open script…</source>
        <translation>打开脚本(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Run script</source>
        <translation>运行脚本(&amp;R)</translation>
    </message>
    <message>
        <source>Export window as PNG…</source>
        <translation>将窗口导出为 PNG…</translation>
    </message>
    <message>
        <source>Export window as SVG…</source>
        <translation>将窗口导出为 SVG…</translation>
    </message>
    <message>
        <source>Save event log (JSON lines)…</source>
        <translation>保存事件日志（JSON lines）…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Light theme</source>
        <translation>浅色主题</translation>
    </message>
    <message>
        <source>Dark theme</source>
        <translation>深色主题</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>系统语言</translation>
    </message>
    <message>
        <source>What memviz simplifies</source>
        <translation>memviz 做了哪些简化</translation>
    </message>
    <message>
        <source>&amp;About memviz</source>
        <translation>关于 memviz(&amp;A)</translation>
    </message>
    <message>
        <source>%1 as PNG…</source>
        <translation>%1（PNG）…</translation>
    </message>
    <message>
        <source>%1 as SVG…</source>
        <translation>%1（SVG）…</translation>
    </message>
    <message>
        <source>Machine and allocation</source>
        <translation>机器与分配</translation>
    </message>
    <message>
        <source>Console</source>
        <translation>控制台</translation>
    </message>
    <message>
        <source>Script</source>
        <translation>脚本</translation>
    </message>
    <message>
        <source>Buddy allocator: split, fragment, merge back</source>
        <translation>伙伴分配器：拆分、碎片化、再合并</translation>
    </message>
    <message>
        <source>alloc_pages(order %1) failed: no zone could satisfy it</source>
        <translation>alloc_pages(%1 阶) 失败：没有内存域能满足该请求</translation>
    </message>
    <message>
        <source>untitled.js</source>
        <translation>未命名.js</translation>
    </message>
    <message>
        <source>Running %1 …</source>
        <translation>正在运行 %1 …</translation>
    </message>
    <message>
        <source>The session is unchanged.</source>
        <translation>会话未改变。</translation>
    </message>
    <message>
        <source>%1 · RAM %2 · free %3 · min_free_kbytes %4</source>
        <translation>%1 · RAM %2 · 空闲 %3 · min_free_kbytes %4</translation>
    </message>
    <message>
        <source>New machine</source>
        <translation>新建机器</translation>
    </message>
    <message>
        <source>SVG (*.svg)</source>
        <translation>SVG (*.svg)</translation>
    </message>
    <message>
        <source>PNG (*.png)</source>
        <translation>PNG (*.png)</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>Export window</source>
        <translation>导出窗口</translation>
    </message>
    <message>
        <source>Save event log</source>
        <translation>保存事件日志</translation>
    </message>
    <message>
        <source>JSON lines (*.jsonl)</source>
        <translation>JSON lines (*.jsonl)</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>New machine: %1 with %2 of RAM. Try &quot;free -h&quot;, &quot;cat /proc/buddyinfo&quot; or &quot;kernel.alloc_pages(3)&quot;; the Demos menu replays the experiments of the notes.</source>
        <translation>新机器：%1，RAM %2。可以试试“free -h”“cat /proc/buddyinfo”或“kernel.alloc_pages(3)”；“演示”菜单可重放笔记中的实验。</translation>
    </message>
    <message>
        <source>start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>end</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>Chapter:</source>
        <translation>章节：</translation>
    </message>
    <message>
        <source>Demand paging: malloc 100 MiB, then touch it</source>
        <translation>请求分页：先 malloc 100 MiB，再逐页访问</translation>
    </message>
    <message>
        <source>Copy-on-write after fork()</source>
        <translation>fork() 之后的写时复制</translation>
    </message>
    <message>
        <source>mmap() of anonymous memory and /proc/PID/maps</source>
        <translation>用 mmap() 映射匿名内存与 /proc/PID/maps</translation>
    </message>
    <message>
        <source>File mapping: MAP_SHARED and MAP_PRIVATE</source>
        <translation>文件映射：MAP_SHARED 与 MAP_PRIVATE</translation>
    </message>
    <message>
        <source>Segmentation fault</source>
        <translation>段错误</translation>
    </message>
    <message>
        <source>Multi-level page tables: sparse vs dense, x86 vs x86-64</source>
        <translation>多级页表：稀疏与稠密，x86 与 x86-64</translation>
    </message>
    <message>
        <source>The TLB: locality, context switches, PCID</source>
        <translation>TLB：局部性、上下文切换与 PCID</translation>
    </message>
    <message>
        <source>Textbook exercise: a tiny two-level page table</source>
        <translation>教科书练习：一个极小的二级页表</translation>
    </message>
    <message>
        <source>%1 recorded %L2 events: shown from &quot;%3&quot;. Choose a chapter (Ctrl+Page Down for the next) and step with ← →, or press Space to play.</source>
        <translation>%1 记录了 %L2 个事件：从“%3”开始显示。请选择章节（Ctrl+Page Down 跳到下一章节），用 ← → 逐步查看，或按 Space 播放。</translation>
    </message>
    <message>
        <source>Centre view only (hide the docks)</source>
        <translation>只显示中央视图（隐藏停靠窗口）</translation>
    </message>
    <message>
        <source>OOM kill: %1 (%2)</source>
        <translation>OOM 杀死：%1（%2）</translation>
    </message>
    <message>
        <source>kernel panic</source>
        <translation>内核恐慌</translation>
    </message>
    <message>
        <source>kswapd wakes</source>
        <translation>kswapd 被唤醒</translation>
    </message>
    <message>
        <source>Memory pressure</source>
        <translation>内存压力</translation>
    </message>
    <message>
        <source>sar -r and sar -B while a program touches memory</source>
        <translation>程序访问内存时的 sar -r 与 sar -B</translation>
    </message>
    <message>
        <source>Swap: fill memory past RAM, then touch old pages again</source>
        <translation>交换：填满内存直至超出 RAM，再重新访问旧页</translation>
    </message>
    <message>
        <source>Thrashing: two working sets larger than RAM</source>
        <translation>系统抖动：两个工作集之和超过 RAM</translation>
    </message>
    <message>
        <source>The OOM killer, oom_score_adj and panic_on_oom</source>
        <translation>OOM killer、oom_score_adj 与 panic_on_oom</translation>
    </message>
    <message>
        <source>Overcommit: the same mmap() under modes 0, 1 and 2</source>
        <translation>过量分配：同一个 mmap() 在模式 0、1、2 下的表现</translation>
    </message>
    <message>
        <source>free against available: the page cache</source>
        <translation>free 与 available 对比：页缓存</translation>
    </message>
    <message>
        <source>Transparent huge pages: always against never</source>
        <translation>透明大页：always 与 never 对比</translation>
    </message>
    <message>
        <source>fork() with and without huge pages</source>
        <translation>使用与不使用大页时的 fork()</translation>
    </message>
    <message>
        <source>The kernel stopped the machine (vm.panic_on_oom). Step back before the panic to look at it, or start a new machine.</source>
        <translation>内核停止了这台机器（vm.panic_on_oom）。请退回到内核恐慌之前查看，或新建一台机器。</translation>
    </message>
    <message>
        <source>Slab caches: full, partial and free slabs</source>
        <translation>Slab 缓存：满、部分和空闲 slab</translation>
    </message>
    <message>
        <source>kmalloc against vmalloc: contiguous and scattered frames</source>
        <translation>kmalloc 与 vmalloc 对比：连续的与分散的页框</translation>
    </message>
    <message>
        <source>x86-32 with 2 GiB: the direct map, HighMem and kmap</source>
        <translation>2 GiB 的 x86-32：直接映射区、高端内存与 kmap</translation>
    </message>
    <message>
        <source>Four NUMA nodes: the fallback order and spilling to the next node</source>
        <translation>四个 NUMA 节点：后备顺序与溢出到下一个节点</translation>
    </message>
    <message>
        <source>User and kernel allocations both end in the buddy allocator</source>
        <translation>用户分配和内核分配最终都落到伙伴分配器</translation>
    </message>
    <message>
        <source>&lt;p&gt;memviz follows the kernel&apos;s algorithms and names, and says where it simplifies:&lt;/p&gt;&lt;ul&gt;&lt;li&gt;One buddy free list per order; Linux keeps one per migrate type (unmovable, movable, reclaimable) and may steal from another type&apos;s list.&lt;/li&gt;&lt;li&gt;No per-CPU page lists: Linux parks freed order-0..3 pages on a per-CPU list (free_unref_page) and merges them later in batches; memviz merges at once.&lt;/li&gt;&lt;li&gt;No compaction: an allocation of a higher order that finds no free block fails after reclaim. Kernel allocations from the buddy exercise (alloc_pages) do not reclaim.&lt;/li&gt;&lt;li&gt;Physical memory is contiguous apart from the legacy holes below 1 MiB; NUMA nodes follow one another in physical order (machine({ nodes: [...] })).&lt;/li&gt;&lt;li&gt;Per-CPU page-list sizes in /proc/zoneinfo are the kernel&apos;s boot-time values; their counts stay 0.&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;Virtual memory:&lt;/p&gt;&lt;ul&gt;&lt;li&gt;One CPU; the user page tables hold no kernel half.&lt;/li&gt;&lt;li&gt;Huge pages are 2 MiB only (no 1 GiB pages, none on 2-level x86-32). Transparent huge pages never reclaim or compact, have no huge zero page (a read maps the 4 KiB zero page), no khugepaged and no multi-size THP; anonymous mappings are not aligned to 2 MiB for them. Splitting splits the whole huge page and all its mappings at once; reclaim splits before swapping. The hugetlb pool grows from the free lists only (no overcommitted huge pages, no hugetlbfs files); reservations are per process.&lt;/li&gt;&lt;li&gt;After a fault the retried access is shown as a TLB fill without a second walk; the MMU sets Accessed and Dirty on the walk that loads the TLB.&lt;/li&gt;&lt;li&gt;Dirty page-cache pages are not written back (cat reads the page cache, which is the file); the shared libraries are in the page cache from the start, so exec reads nothing from disk.&lt;/li&gt;&lt;li&gt;glibc malloc without tcache and fastbins: a freed heap chunk coalesces at once. No SIGBUS past the end of a mapped file. munmap() of an unmapped range is refused (Linux accepts it silently).&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;Memory pressure:&lt;/p&gt;&lt;ul&gt;&lt;li&gt;Simulated time is charged by memviz&apos;s round figures: 1 ns a TLB hit, 20 ns a walk, 1 µs a minor fault, 100 µs a read from disk or swap, 20 µs writing a page out, 50 ns to look at a page in reclaim. Writeback is synchronous. No CPU time is accounted (sar -u and vmstat show an idle CPU; interrupts and context switches are 0).&lt;/li&gt;&lt;li&gt;One set of LRU lists and one kswapd for all nodes. kswapd runs between two page accesses of the running program and works until a zone is above its high watermark (or gives up after 16 passes that free nothing).&lt;/li&gt;&lt;li&gt;The anon/file balance uses swappiness and the cache-trim rule only: no recent reclaim costs, no refault (workingset) detection, no MGLRU; no swap readahead; no slab shrinking.&lt;/li&gt;&lt;li&gt;One swap entry per page; swap slots are found next-fit from the area&apos;s cursor, highest priority area first. x86 keeps the swap entry in the non-present PTE as Linux does (type in bits 59-63, the offset inverted in bits 9-58).&lt;/li&gt;&lt;li&gt;The OOM killer knows no cpusets, mempolicies or memory cgroups, so panic_on_oom 1 and 2 both panic; the victim&apos;s memory is freed at once (the oom_reaper&apos;s work).&lt;/li&gt;&lt;li&gt;sar reports the per-second history the machine recorded since boot, as if it had been started in a second terminal at boot; vmstat, like procps 4.0.2, reads memory once per run.&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;The kernel&apos;s own memory:&lt;/p&gt;&lt;ul&gt;&lt;li&gt;One CPU: the classic SLAB allocator has no per-CPU array caches or shared arrays (a freed object goes straight back to its slab, and cache_reap never runs); SLUB has one cpu slab and no per-CPU partial list. No slab colouring, no merging of compatible caches (as with slab_nomerge), no constructors. kmalloc&apos;s size classes are those of Linux 6.x in both modes.&lt;/li&gt;&lt;li&gt;The caches have no shrinkers: drop_caches 2 frees nothing, and SReclaimable stays 0 unless a script creates a cache with SLAB_RECLAIM_ACCOUNT. Boot-time slab, percpu and driver memory are not simulated, so Slab starts at 0 kB.&lt;/li&gt;&lt;li&gt;The kernel&apos;s mappings (direct map, vmalloc area, pkmap, fixmap) are kept as tables, not as page tables in simulated memory; KASLR is off. vfree() flushes the kernel TLB at once instead of purging lazily. On x86-32 lowmem keeps the notes&apos; 896 MiB (a 6.12 kernel shrinks it to keep 128 MiB of vmalloc space).&lt;/li&gt;&lt;li&gt;kmap() and kmap_local_page() refuse instead of sleeping or crashing: when every pkmap slot is taken, on a 17th kmap_local, or on kunmap of a page that is not mapped.&lt;/li&gt;&lt;li&gt;NUMA: one set of per-node counters in /proc/zoneinfo (node 0 shows the machine&apos;s); numactl only shows the hardware, numastat only its default table; no memory policies (interleave, bind) and no NUMA balancing. The hugetlb pool is filled from node 0&apos;s zonelist.&lt;/li&gt;&lt;/ul&gt;</source>
        <translation>&lt;p&gt;memviz 遵循内核的算法和命名，并说明在哪些地方做了简化：&lt;/p&gt;&lt;ul&gt;&lt;li&gt;每阶只有一个伙伴分配器空闲链表；Linux 按迁移类型（不可移动、可移动、可回收）各维护一个，并可能从其他类型的链表中挪用。&lt;/li&gt;&lt;li&gt;没有每 CPU 页列表：Linux 把释放的 0..3 阶页先暂存在每 CPU 列表上（free_unref_page），之后再成批合并；memviz 立即合并。&lt;/li&gt;&lt;li&gt;没有内存规整：找不到空闲块的高阶分配在回收之后失败。伙伴分配器练习中的内核分配（alloc_pages）不进行回收。&lt;/li&gt;&lt;li&gt;物理内存除 1 MiB 以下的传统空洞外都是连续的；NUMA 节点按物理地址顺序依次排列（machine({ nodes: [...] })）。&lt;/li&gt;&lt;li&gt;/proc/zoneinfo 中每 CPU 页列表的大小是内核启动时的值；其计数始终为 0。&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;虚拟内存：&lt;/p&gt;&lt;ul&gt;&lt;li&gt;只有一个 CPU；用户页表中不含内核部分。&lt;/li&gt;&lt;li&gt;大页只有 2 MiB 一种（没有 1 GiB 页，二级页表的 x86-32 上没有大页）。透明大页从不回收或规整，没有大零页（读访问映射 4 KiB 的零页），没有 khugepaged，也没有多尺寸 THP；匿名映射不会为此按 2 MiB 对齐。拆分时一次拆开整个大页及其所有映射；回收时先拆分再换出。hugetlb 池只从空闲链表扩充（没有超额分配的大页，没有 hugetlbfs 文件）；预留按进程计算。&lt;/li&gt;&lt;li&gt;缺页之后重试的访问显示为一次 TLB 填充，不再进行第二次页表遍历；MMU 在装入 TLB 的那次遍历中设置 Accessed 和 Dirty 位。&lt;/li&gt;&lt;li&gt;脏的页缓存页不会被回写（cat 读取的是页缓存，页缓存就是文件本身）；共享库从一开始就在页缓存中，因此 exec 不从磁盘读取任何内容。&lt;/li&gt;&lt;li&gt;glibc malloc 没有 tcache 和 fastbins：释放的堆 chunk 立即合并。访问超出映射文件末尾时不会产生 SIGBUS。对未映射区间的 munmap() 会被拒绝（Linux 会默默接受）。&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;内存压力：&lt;/p&gt;&lt;ul&gt;&lt;li&gt;模拟时间按 memviz 的整数估值计算：TLB 命中 1 ns，页表遍历 20 ns，软性缺页 1 µs，从磁盘或交换区读取 100 µs，写出一页 20 µs，回收时检查一页 50 ns。回写是同步的。不统计 CPU 时间（sar -u 和 vmstat 显示 CPU 空闲；中断和上下文切换均为 0）。&lt;/li&gt;&lt;li&gt;所有节点共用一组 LRU 链表和一个 kswapd。kswapd 在运行中程序的两次页访问之间运行，一直工作到某个 zone 高于其 high 水位线（或连续 16 轮未释放任何页后放弃）。&lt;/li&gt;&lt;li&gt;匿名页与文件页的平衡只依据 swappiness 和缓存修剪规则：不考虑近期回收代价，没有重新缺页（workingset）检测，没有 MGLRU；没有交换预读；不收缩 slab。&lt;/li&gt;&lt;li&gt;每页一个交换项；交换槽位从交换区的游标开始按 next-fit 查找，优先级最高的交换区优先。x86 像 Linux 一样把交换项保存在不存在（non-present）的 PTE 中（类型在第 59-63 位，取反后的偏移在第 9-58 位）。&lt;/li&gt;&lt;li&gt;OOM killer 不了解 cpuset、内存策略（mempolicy）或内存 cgroup，因此 panic_on_oom 为 1 和 2 时都会 panic；受害进程的内存立即释放（即 oom_reaper 的工作）。&lt;/li&gt;&lt;li&gt;sar 报告机器自启动以来记录的每秒历史，就好像它在启动时就已在第二个终端中运行；vmstat 与 procps 4.0.2 一样，每次运行只读取一次内存信息。&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;内核自身的内存：&lt;/p&gt;&lt;ul&gt;&lt;li&gt;只有一个 CPU：经典的 SLAB 分配器没有每 CPU array cache 或共享数组（释放的对象直接回到它的 slab，cache_reap 从不运行）；SLUB 只有一个 cpu slab，没有每 CPU 部分链表。没有 slab 着色，不合并兼容的缓存（相当于 slab_nomerge），没有构造函数。两种模式下 kmalloc 的大小类别都与 Linux 6.x 相同。&lt;/li&gt;&lt;li&gt;缓存没有 shrinker：drop_caches 2 不释放任何内存，除非脚本用 SLAB_RECLAIM_ACCOUNT 创建缓存，否则 SReclaimable 保持为 0。不模拟启动时的 slab、percpu 和驱动内存，因此 Slab 从 0 kB 开始。&lt;/li&gt;&lt;li&gt;内核的映射（直接映射区、vmalloc 区、pkmap、fixmap）以表的形式保存，而不是模拟内存中的页表；KASLR 关闭。vfree() 立即刷新内核 TLB，而不是延迟清除。在 x86-32 上低端内存保持笔记中的 896 MiB（6.12 内核会将其缩小，以保留 128 MiB 的 vmalloc 空间）。&lt;/li&gt;&lt;li&gt;kmap() 和 kmap_local_page() 在以下情况下直接拒绝，而不是睡眠或崩溃：所有 pkmap 槽位都已占用、第 17 次 kmap_local，或对未映射的页执行 kunmap。&lt;/li&gt;&lt;li&gt;NUMA：/proc/zoneinfo 中只有一组每节点计数器（节点 0 显示整台机器的计数）；numactl 只显示硬件，numastat 只显示其默认表格；没有内存策略（interleave、bind），也没有 NUMA 平衡。hugetlb 池按节点 0 的 zonelist 填充。&lt;/li&gt;&lt;/ul&gt;</translation>
    </message>
    <message>
        <source>Views in presentation mode</source>
        <translation>演示模式中的视图</translation>
    </message>
    <message>
        <source>Presentation mode shows only these views (the centre views as tabs):</source>
        <translation>演示模式只显示以下视图（中央视图以标签页形式显示）：</translation>
    </message>
    <message>
        <source>Choose at least one view; the choice was not changed.</source>
        <translation>请至少选择一个视图；选择未作更改。</translation>
    </message>
    <message>
        <source>&amp;Class</source>
        <translation>课堂(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Exercises…</source>
        <translation>练习(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Page-replacement lab</source>
        <translation>页面置换实验(&amp;P)</translation>
    </message>
    <message>
        <source>Open &amp;session…</source>
        <translation>打开会话(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Save session</source>
        <translation>保存会话(&amp;S)</translation>
    </message>
    <message>
        <source>Save session &amp;as…</source>
        <translation>会话另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>Recent sessions</source>
        <translation>最近的会话</translation>
    </message>
    <message>
        <source>Export animation (PNG pictures, GIF)…</source>
        <translation>导出动画（PNG 图片、GIF）…</translation>
    </message>
    <message>
        <source>Export table</source>
        <translation>导出表格</translation>
    </message>
    <message>
        <source>OOM candidates (CSV or text)…</source>
        <translation>OOM 候选进程（CSV 或文本）…</translation>
    </message>
    <message>
        <source>Event log (CSV or text)…</source>
        <translation>事件日志（CSV 或文本）…</translation>
    </message>
    <message>
        <source>Timeline data (CSV or text)…</source>
        <translation>时间线数据（CSV 或文本）…</translation>
    </message>
    <message>
        <source>Presentation mode</source>
        <translation>演示模式</translation>
    </message>
    <message>
        <source>Views in presentation mode…</source>
        <translation>演示模式中的视图…</translation>
    </message>
    <message>
        <source>Presentation · Page Down: next command · Page Up: back · ← →: one step · Space: play · Esc: leave</source>
        <translation>演示模式 · Page Down：下一条命令 · Page Up：后退 · ← →：单步 · Space：播放 · Esc：退出</translation>
    </message>
    <message>
        <source>Export the OOM candidates</source>
        <translation>导出 OOM 候选进程</translation>
    </message>
    <message>
        <source>Export the event log</source>
        <translation>导出事件日志</translation>
    </message>
    <message>
        <source>Export the timeline&apos;s data</source>
        <translation>导出时间线数据</translation>
    </message>
    <message>
        <source>There is no machine to save.</source>
        <translation>没有可保存的机器。</translation>
    </message>
    <message>
        <source>Opened %1: %L2 commands, %L3 events, at step %L4.</source>
        <translation>已打开 %1：%L2 条命令，%L3 个事件，当前位于第 %L4 步。</translation>
    </message>
    <message>
        <source>Save session</source>
        <translation>保存会话</translation>
    </message>
    <message>
        <source>memviz sessions (*.memviz)</source>
        <translation>memviz 会话 (*.memviz)</translation>
    </message>
    <message>
        <source>Open session</source>
        <translation>打开会话</translation>
    </message>
    <message>
        <source>Clear the list</source>
        <translation>清空列表</translation>
    </message>
    <message>
        <source>Page replacement: FIFO, LRU, OPT, CLOCK and Belady&apos;s anomaly</source>
        <translation>页面置换：FIFO、LRU、OPT、CLOCK 与 Belady 异常</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>It was removed from the recent sessions.</source>
        <translation>已将它从最近的会话中移除。</translation>
    </message>
    <message>
        <source>Page-replacement lab (CSV or text)…</source>
        <translation>页面置换实验（CSV 或文本）…</translation>
    </message>
    <message>
        <source>Export the page-replacement lab</source>
        <translation>导出页面置换实验</translation>
    </message>
</context>
<context>
    <name>memviz::NewMachineDialog</name>
    <message>
        <source>New machine</source>
        <translation>新建机器</translation>
    </message>
    <message>
        <source>Preset:</source>
        <translation>预设：</translation>
    </message>
    <message>
        <source>A size such as 64M, 512M, 8G</source>
        <translation>大小，例如 64M、512M、8G</translation>
    </message>
    <message>
        <source>RAM:</source>
        <translation>RAM：</translation>
    </message>
    <message>
        <source>Swap:</source>
        <translation>交换空间：</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>种子：</translation>
    </message>
    <message>
        <source>CPUs:</source>
        <translation>CPU 数：</translation>
    </message>
    <message>
        <source>RAM: </source>
        <translation>RAM： </translation>
    </message>
    <message>
        <source>Swap: </source>
        <translation>交换空间： </translation>
    </message>
</context>
<context>
    <name>memviz::NumaView</name>
    <message>
        <source>Node %1</source>
        <translation>节点 %1</translation>
    </message>
    <message>
        <source>Fallback order of &amp;node:</source>
        <translation>节点的后备顺序(&amp;N)：</translation>
    </message>
    <message>
        <source>The node whose zonelist is numbered: the order in which an allocation that prefers this node tries the zones. It follows the allocation being shown.</source>
        <translation>对其 zonelist 编号的节点：编号即优先使用该节点的分配依次尝试各 zone 的顺序。它随所显示的分配而变化。</translation>
    </message>
    <message>
        <source>NUMA nodes</source>
        <translation>NUMA 节点</translation>
    </message>
    <message>
        <source>The nodes with their zones and free memory, the distances between them and the zonelist fallback order of the selected node</source>
        <translation>各节点及其 zone 和空闲内存、节点之间的距离，以及所选节点的 zonelist 后备顺序</translation>
    </message>
    <message>
        <source>Fallback order for Node %1: %2</source>
        <extracomment>The kernel&apos;s boot message (build_zonelists); keep the numbers as they are.</extracomment>
        <translation>Fallback order for Node %1: %2</translation>
    </message>
    <message>
        <source>memory only</source>
        <translation>仅内存</translation>
    </message>
    <message>
        <source>no CPUs</source>
        <translation>无 CPU</translation>
    </message>
    <message>
        <source>CPU %1</source>
        <translation>CPU %1</translation>
    </message>
    <message>
        <source>CPUs %1</source>
        <translation>CPU %1</translation>
    </message>
    <message>
        <source>Zonelist entry %1 of node %2: %3</source>
        <translation>节点 %2 的 zonelist 第 %1 项：%3</translation>
    </message>
    <message>
        <source>Node %1&apos;s allocation checks %2</source>
        <translation>节点 %1 的分配检查 %2</translation>
    </message>
    <message>
        <source>%1 has %2 free pages, above its %3 watermark of %4 (+ %5 reserve): the pages come from here.</source>
        <translation>%1 有 %2 个空闲页，高于其 %3 水位线 %4（+ %5 预留）：页从这里分配。</translation>
    </message>
    <message>
        <source>%1 has %2 free pages but no free block of order %3: try the next zone.</source>
        <translation>%1 有 %2 个空闲页，但没有 %3 阶的空闲块：尝试下一个 zone。</translation>
    </message>
    <message>
        <source>%1 has %2 free pages, %3 without the rest of the order-%4 request: not above its %5 watermark of %6 (+ %7 reserve). Try the next zone.</source>
        <translation>%1 有 %2 个空闲页，扣除 %4 阶请求的其余页后为 %3：不高于其 %5 水位线 %6（+ %7 预留）。尝试下一个 zone。</translation>
    </message>
    <message>
        <source>%1 has %2 free pages, not above its %3 watermark of %4 (+ %5 reserve): try the next zone.</source>
        <translation>%1 有 %2 个空闲页，不高于其 %3 水位线 %4（+ %5 预留）：尝试下一个 zone。</translation>
    </message>
    <message>
        <source>No zone of node %1 is above its watermark: the order-%2 block comes from %3 on node %4 (distance %5). numastat counts a numa_miss on node %4 and a numa_foreign on node %1.</source>
        <translation>节点 %1 没有 zone 高于其水位线：%2 阶块来自节点 %4 上的 %3（距离 %5）。numastat 在节点 %4 上记一次 numa_miss，在节点 %1 上记一次 numa_foreign。</translation>
    </message>
    <message>
        <source>The order-%1 block at pfn %2 comes from %3 on the preferred node %4: a numa_hit.</source>
        <translation>pfn %2 处的 %1 阶块来自首选节点 %4 上的 %3：一次 numa_hit。</translation>
    </message>
    <message>
        <source>The order-%1 block at pfn %2 comes from %3 on node %4, not the preferred node %5: a numa_miss on node %4 and a numa_foreign on node %5.</source>
        <translation>pfn %2 处的 %1 阶块来自节点 %4 上的 %3，而不是首选节点 %5：在节点 %4 上记一次 numa_miss，在节点 %5 上记一次 numa_foreign。</translation>
    </message>
    <message>
        <source>Every zone in node %1&apos;s zonelist is at or below its low watermark: the slow path wakes kswapd and walks the zonelist again against the min watermark.</source>
        <translation>节点 %1 的 zonelist 中每个 zone 都处于或低于其 low 水位线：慢速路径唤醒 kswapd，并按 min 水位线再次遍历 zonelist。</translation>
    </message>
    <message>
        <source>No zone in node %1&apos;s zonelist could satisfy the allocation.</source>
        <translation>节点 %1 的 zonelist 中没有 zone 能满足这次分配。</translation>
    </message>
    <message>
        <source>The numbers 1, 2, 3 … are the order in which an allocation tries the zones of node 0 (its zonelist); a zone gives pages only while it stays above its watermark.</source>
        <translation>数字 1、2、3 … 是分配尝试节点 0 各 zone 的顺序（即它的 zonelist）；zone 只有在保持高于其水位线时才提供页。</translation>
    </message>
    <message>
        <source>Each card is a node with its zones; the lines are the SLIT distances between nodes (10 is a node to itself), thicker when closer. The numbers 1, 2, 3 … are the order in which an allocation on node %1 tries the zones.</source>
        <translation>每张卡片是一个节点及其 zone；连线表示节点之间的 SLIT 距离（10 表示节点到自身），距离越近线越粗。数字 1、2、3 … 是节点 %1 上的分配尝试各 zone 的顺序。</translation>
    </message>
    <message>
        <source>One node. A PC without NUMA is one node: every CPU shares all of memory (UMA), and Linux still puts all physical memory into node 0 so that the same code serves NUMA and non-NUMA machines. Allocations fall back only between the zones of this node.</source>
        <translation>单个节点。没有 NUMA 的 PC 就是一个节点：所有 CPU 共享全部内存（UMA），而 Linux 仍把全部物理内存放入节点 0，使同一套代码能同时用于 NUMA 和非 NUMA 机器。分配只在本节点的各 zone 之间后备。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Node %1&lt;/b&gt; · %2</source>
        <translation>&lt;b&gt;节点 %1&lt;/b&gt; · %2</translation>
    </message>
    <message>
        <source>%1 of RAM, pfn %2 to %3</source>
        <translation>%1 内存，pfn %2 到 %3</translation>
    </message>
    <message>
        <source>managed %1 pages (%2), free %3 pages (%4)</source>
        <translation>受管 %1 页（%2），空闲 %3 页（%4）</translation>
    </message>
    <message>
        <source>node %1: %2</source>
        <translation>节点 %1：%2</translation>
    </message>
    <message>
        <source>distances (node_distance): %1</source>
        <translation>距离（node_distance）：%1</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;present %2 pages, managed %3 pages (%4)&lt;br&gt;free %5 pages (%6)</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;实有（present）%2 页，受管（managed）%3 页（%4）&lt;br&gt;空闲 %5 页（%6）</translation>
    </message>
    <message>
        <source>%1: %2 pages (%3)</source>
        <translation>%1：%2 页（%3）</translation>
    </message>
    <message>
        <source>entry %1 of node %2&apos;s zonelist</source>
        <translation>节点 %2 的 zonelist 第 %1 项</translation>
    </message>
    <message>
        <source>not in node %1&apos;s zonelist up to %2</source>
        <translation>不在节点 %1 的 zonelist（最高到 %2）中</translation>
    </message>
    <message>
        <source>Click to select its first frame.</source>
        <translation>点击以选中它的第一个页框。</translation>
    </message>
    <message>
        <source>Zonelist up to %1:</source>
        <translation>zonelist（最高到 %1）：</translation>
    </message>
    <message>
        <source>No machine yet.</source>
        <translation>尚未创建机器。</translation>
    </message>
    <message>
        <source>preferred</source>
        <translation>首选</translation>
    </message>
    <message>
        <source>selected</source>
        <translation>已选中</translation>
    </message>
    <message>
        <source>%1 RAM · %2 free (%3 %)</source>
        <translation>%1 内存 · 空闲 %2（%3 %）</translation>
    </message>
    <message>
        <source>%1 · %2 free</source>
        <translation>%1 · 空闲 %2</translation>
    </message>
    <message>
        <source>Click to show its fallback order.</source>
        <translation>点击以显示它的后备顺序。</translation>
    </message>
    <message>
        <source>node_distance(%1, %2) = %3: the SLIT&apos;s relative cost of node %1 reaching node %2&apos;s memory (10 is a node&apos;s own memory).</source>
        <translation>node_distance(%1, %2) = %3：SLIT 中节点 %1 访问节点 %2 内存的相对代价（10 表示节点自身的内存）。</translation>
    </message>
    <message>
        <source>numa_hit: allocations that got memory on the node they preferred (counted on that node).</source>
        <translation>numa_hit：在首选节点上获得内存的分配（计在该节点上）。</translation>
    </message>
    <message>
        <source>numa_miss: allocations that preferred another node but got memory on this one.</source>
        <translation>numa_miss：首选其他节点、却在本节点获得内存的分配。</translation>
    </message>
    <message>
        <source>numa_foreign: allocations that preferred this node but got memory on another one.</source>
        <translation>numa_foreign：首选本节点、却在其他节点获得内存的分配。</translation>
    </message>
    <message>
        <source>local_node: allocations satisfied here for a CPU of this node.</source>
        <translation>local_node：在本节点为本节点的 CPU 满足的分配。</translation>
    </message>
    <message>
        <source>other_node: allocations satisfied here for a CPU of another node.</source>
        <translation>other_node：在本节点为其他节点的 CPU 满足的分配。</translation>
    </message>
    <message>
        <source>build_zonelists() prints this at boot: the nodes by find_next_best_node(), nearest first, ties taken in turn.</source>
        <translation>build_zonelists() 在启动时打印这一行：按 find_next_best_node() 排列的节点，最近的在前，距离相同时轮流排列。</translation>
    </message>
</context>
<context>
    <name>memviz::OomTableModel</name>
    <message>
        <source>%1 — killed</source>
        <translation>%1 — 已被杀死</translation>
    </message>
    <message>
        <source>unkillable</source>
        <translation>不可杀死</translation>
    </message>
    <message>
        <source>oom_score_adj is -1000: the OOM killer never chooses this process.</source>
        <translation>oom_score_adj 为 -1000：OOM killer 永远不会选中这个进程。</translation>
    </message>
    <message>
        <source>The OOM killer cannot choose this process.</source>
        <translation>OOM killer 不能选择这个进程。</translation>
    </message>
    <message>
        <source>points = %1 RSS + %2 swap entries + %3 page tables + oom_score_adj %4 × totalpages/1000 = %5</source>
        <translation>得分 = RSS %1 + 交换项 %2 + 页表 %3 + oom_score_adj %4 × totalpages/1000 = %5</translation>
    </message>
    <message>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>RSS
(pages)</source>
        <translation>RSS
（页）</translation>
    </message>
    <message>
        <source>Swap
entries</source>
        <translation>交换项
（页）</translation>
    </message>
    <message>
        <source>Page
tables</source>
        <translation>页表
（页）</translation>
    </message>
    <message>
        <source>oom_score_adj</source>
        <translation>oom_score_adj</translation>
    </message>
    <message>
        <source>Points
(badness)</source>
        <translation>得分
（badness）</translation>
    </message>
    <message>
        <source>oom_score</source>
        <translation>oom_score</translation>
    </message>
    <message>
        <source>Resident pages: anonymous + file + shmem (get_mm_rss)</source>
        <translation>常驻页：匿名页 + 文件页 + shmem（get_mm_rss）</translation>
    </message>
    <message>
        <source>Swap entries in the page tables (MM_SWAPENTS), pages</source>
        <translation>页表中的交换项（MM_SWAPENTS），单位为页</translation>
    </message>
    <message>
        <source>Page-table pages (mm_pgtables_bytes / PAGE_SIZE)</source>
        <translation>页表页（mm_pgtables_bytes / PAGE_SIZE）</translation>
    </message>
    <message>
        <source>/proc/PID/oom_score_adj, -1000 (never kill) to 1000 (kill first). Double-click to change it.</source>
        <translation>/proc/PID/oom_score_adj，取值从 -1000（永不杀死）到 1000（最先杀死）。双击可修改。</translation>
    </message>
    <message>
        <source>oom_badness(): RSS + swap + page tables + oom_score_adj × totalpages / 1000. The highest is killed.</source>
        <translation>oom_badness()：RSS + 交换项 + 页表 + oom_score_adj × totalpages / 1000。得分最高者被杀死。</translation>
    </message>
    <message>
        <source>/proc/PID/oom_score: (1000 + points × 1000 / totalpages) × 2 / 3, 0 to 2000</source>
        <translation>/proc/PID/oom_score：(1000 + 得分 × 1000 / totalpages) × 2 / 3，取值 0 到 2000</translation>
    </message>
</context>
<context>
    <name>memviz::OomView</name>
    <message>
        <source>oom_score_adj</source>
        <translation>oom_score_adj</translation>
    </message>
    <message>
        <source>OOM killer</source>
        <translation>OOM killer</translation>
    </message>
    <message>
        <source>OOM candidates</source>
        <translation>OOM 候选进程</translation>
    </message>
    <message>
        <source>Kernel panic - not syncing: Out of memory: system-wide panic_on_oom is enabled</source>
        <translation>内核恐慌：Kernel panic - not syncing: Out of memory: system-wide panic_on_oom is enabled</translation>
    </message>
    <message>
        <source>vm.panic_on_oom is set, so running out of memory stops the whole machine instead of killing a process. Nothing runs any more.</source>
        <translation>设置了 vm.panic_on_oom，因此内存耗尽时会停止整台机器，而不是杀死某个进程。不再运行任何东西。</translation>
    </message>
    <message>
        <source>Kernel panic - not syncing: System is deadlocked on memory</source>
        <translation>内核恐慌：Kernel panic - not syncing: System is deadlocked on memory</translation>
    </message>
    <message>
        <source>Memory ran out and the OOM killer found no process it may kill (every candidate is unkillable or already gone). Nothing runs any more.</source>
        <translation>内存已耗尽，而 OOM killer 找不到可以杀死的进程（每个候选进程都不可杀死或已结束）。不再运行任何东西。</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>the kernel</source>
        <translation>内核</translation>
    </message>
    <message>
        <source>Out of memory: Killed process %1</source>
        <translation>内存不足：已杀死进程 %1</translation>
    </message>
    <message>
        <source>vm.oom_kill_allocating_task is set: the task whose allocation failed, %1, is killed without comparing points.</source>
        <translation>设置了 vm.oom_kill_allocating_task：分配失败的任务 %1 直接被杀死，不比较得分。</translation>
    </message>
    <message>
        <source>It has the largest badness, %1 points (totalpages %2 = RAM + swap). The allocation of %3 invoked the OOM killer.</source>
        <translation>它的 badness 最大，为 %1 分（totalpages %2 = RAM + 交换空间）。%3 的分配触发了 OOM killer。</translation>
    </message>
    <message>
        <source>Out of memory: the OOM killer scores every process (oom_badness)</source>
        <translation>内存不足：OOM killer 为每个进程打分（oom_badness）</translation>
    </message>
    <message>
        <source>%1 (%2) scores %3 points. %4 processes scored so far; the highest will be killed.</source>
        <translation>%1（%2）得 %3 分。目前已为 %4 个进程打分；得分最高者将被杀死。</translation>
    </message>
    <message>
        <source>No processes: the OOM killer has nobody to choose.</source>
        <translation>没有进程：OOM killer 无人可选。</translation>
    </message>
    <message>
        <source>Every process is unkillable: running out of memory now would panic the kernel.</source>
        <translation>所有进程都不可杀死：如果现在内存耗尽，将导致内核恐慌（kernel panic）。</translation>
    </message>
    <message>
        <source>If memory ran out now, the OOM killer would kill %1 (%2): it has the most points.</source>
        <translation>如果现在内存耗尽，OOM killer 会杀死 %1（%2）：它的得分最高。</translation>
    </message>
    <message>
        <source>Last OOM kill: %1 (%2) at %3 s.</source>
        <translation>上一次 OOM 杀死进程：%1（%2），时间 %3 s。</translation>
    </message>
    <message>
        <source>points = RSS + swap entries + page tables + oom_score_adj × (totalpages / 1000), the division first. totalpages = RAM %1 + swap %2 = %3 pages, so each step of oom_score_adj is worth %4 pages. oom_score_adj -1000 makes a process unkillable.%5</source>
        <translation>得分 = RSS + 交换项 + 页表 + oom_score_adj × (totalpages / 1000)，先做除法。totalpages = RAM %1 + 交换空间 %2 = %3 页，因此 oom_score_adj 每变化 1 相当于 %4 页。oom_score_adj 为 -1000 的进程不可杀死。%5</translation>
    </message>
    <message>
        <source> Double-click an oom_score_adj cell to change it.</source>
        <translation> 双击 oom_score_adj 单元格可修改它。</translation>
    </message>
</context>
<context>
    <name>memviz::PageWalkView</name>
    <message>
        <source>V</source>
        <translation>V</translation>
    </message>
    <message>
        <source>P</source>
        <translation>P</translation>
    </message>
    <message>
        <source>RW</source>
        <translation>RW</translation>
    </message>
    <message>
        <source>US</source>
        <translation>US</translation>
    </message>
    <message>
        <source>A</source>
        <translation>A</translation>
    </message>
    <message>
        <source>D</source>
        <translation>D</translation>
    </message>
    <message>
        <source>PS</source>
        <translation>PS</translation>
    </message>
    <message>
        <source>G</source>
        <translation>G</translation>
    </message>
    <message>
        <source>NX</source>
        <translation>NX</translation>
    </message>
    <message>
        <source>zero page</source>
        <translation>零页</translation>
    </message>
    <message>
        <source>new anonymous page</source>
        <translation>新匿名页</translation>
    </message>
    <message>
        <source>COW copy</source>
        <translation>COW 复制</translation>
    </message>
    <message>
        <source>COW reuse</source>
        <translation>COW 重用</translation>
    </message>
    <message>
        <source>file page, minor</source>
        <translation>文件页，软性缺页</translation>
    </message>
    <message>
        <source>file page, major</source>
        <translation>文件页，硬性缺页</translation>
    </message>
    <message>
        <source>SIGSEGV</source>
        <translation>SIGSEGV</translation>
    </message>
    <message>
        <source>out of memory</source>
        <translation>内存不足</translation>
    </message>
    <message>
        <source>do_anonymous_page(): a read of untouched anonymous memory maps the shared zero page read-only. No memory is used until the first write.</source>
        <translation>do_anonymous_page()：读取尚未访问过的匿名内存时，映射共享的零页（只读）。首次写入之前不占用内存。</translation>
    </message>
    <message>
        <source>do_anonymous_page(): the first write to anonymous memory gets a new zeroed page, mapped writable and dirty.</source>
        <translation>do_anonymous_page()：首次写入匿名内存时，分配一个新的清零页，以可写、脏的状态映射。</translation>
    </message>
    <message>
        <source>do_cow_fault(): a private write to a file page copies it into a new anonymous page.</source>
        <translation>do_cow_fault()：对文件页的私有写入会把它复制到一个新的匿名页中。</translation>
    </message>
    <message>
        <source>do_wp_page() → wp_page_copy(): the page is shared (or the zero page), so the writer gets its own copy.</source>
        <translation>do_wp_page() → wp_page_copy()：该页是共享的（或是零页），因此写入方得到一份自己的副本。</translation>
    </message>
    <message>
        <source>do_wp_page() → wp_page_reuse(): nobody else maps the page any more, so it is made writable in place, without a copy.</source>
        <translation>do_wp_page() → wp_page_reuse()：已没有其他进程映射该页，因此就地将其设为可写，无需复制。</translation>
    </message>
    <message>
        <source>The page is in the page cache already: it is only mapped (a minor fault, no I/O).</source>
        <translation>该页已在页缓存中：只需建立映射（软性缺页，无 I/O）。</translation>
    </message>
    <message>
        <source>filemap_fault(): the page is not in the page cache, so it is read from the disk first (a major fault).</source>
        <translation>filemap_fault()：该页不在页缓存中，因此先从磁盘读入（硬性缺页）。</translation>
    </message>
    <message>
        <source>bad_area(): no VMA covers the address, or the VMA forbids this access. The process gets SIGSEGV.</source>
        <translation>bad_area()：没有 VMA 覆盖该地址，或 VMA 不允许这种访问。进程收到 SIGSEGV。</translation>
    </message>
    <message>
        <source>No memory for the page: the fault fails with VM_FAULT_OOM and the process is killed.</source>
        <translation>没有内存可分配给该页：缺页处理以 VM_FAULT_OOM 失败，进程被杀死。</translation>
    </message>
    <message>
        <source>set %1 · way %2</source>
        <translation>组 %1 · 路 %2</translation>
    </message>
    <message>
        <source>TLB lookup</source>
        <translation>TLB 查找</translation>
    </message>
    <message>
        <source>HIT · way %1</source>
        <translation>命中 · 路 %1</translation>
    </message>
    <message>
        <source>filled way %1</source>
        <translation>已填入路 %1</translation>
    </message>
    <message>
        <source>page frame</source>
        <translation>页框</translation>
    </message>
    <message>
        <source>copy of %1</source>
        <translation>%1 的副本</translation>
    </message>
    <message>
        <source>new zeroed page</source>
        <translation>新的清零页</translation>
    </message>
    <message>
        <source>the shared zero page</source>
        <translation>共享的零页</translation>
    </message>
    <message>
        <source>from the TLB</source>
        <translation>来自 TLB</translation>
    </message>
    <message>
        <source>read from disk</source>
        <translation>从磁盘读入</translation>
    </message>
    <message>
        <source>same frame, now writable</source>
        <translation>同一页框，现可写</translation>
    </message>
    <message>
        <source>page-cache page</source>
        <translation>页缓存中的页</translation>
    </message>
    <message>
        <source>no TLB lookup:</source>
        <translation>不查 TLB：</translation>
    </message>
    <message>
        <source>Translate walks</source>
        <translation>Translate 命令</translation>
    </message>
    <message>
        <source>from CR3</source>
        <translation>从 CR3 遍历</translation>
    </message>
    <message>
        <source>sign ext.</source>
        <translation>符号扩展</translation>
    </message>
    <message>
        <source>copies of bit %1</source>
        <translation>第 %1 位的副本</translation>
    </message>
    <message>
        <source>offset</source>
        <translation>页内偏移</translation>
    </message>
    <message>
        <source>bits %1–%2</source>
        <translation>第 %1–%2 位</translation>
    </message>
    <message>
        <source>pgd of pid %1</source>
        <translation>pid %1 的 pgd</translation>
    </message>
    <message>
        <source>set by a script</source>
        <translation>由脚本设置</translation>
    </message>
    <message>
        <source>CR3</source>
        <translation>CR3</translation>
    </message>
    <message>
        <source>PCID %1</source>
        <translation>PCID %1</translation>
    </message>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%n 个表项</numerusform>
        </translation>
    </message>
    <message>
        <source>table %1</source>
        <translation>页表 %1</translation>
    </message>
    <message>
        <source>physical address</source>
        <translation>物理地址</translation>
    </message>
    <message>
        <source>pid %1 (%2)</source>
        <translation>pid %1（%2）</translation>
    </message>
    <message>
        <source>Translate %1 from CR3</source>
        <translation>从 CR3 转换 %1</translation>
    </message>
    <message>
        <source>Translate %1 in %2</source>
        <translation>在 %2 中转换 %1</translation>
    </message>
    <message>
        <source>%1 writes to %2</source>
        <translation>%1 写入 %2</translation>
    </message>
    <message>
        <source>%1 reads %2</source>
        <translation>%1 读取 %2</translation>
    </message>
    <message>
        <source>done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>step %1</source>
        <translation>第 %1 步</translation>
    </message>
    <message>
        <source>the last translation · %1</source>
        <translation>上次地址转换 · %1</translation>
    </message>
    <message numerus="yes">
        <source>The current step is not part of an address translation; this is the last one, %n step(s) earlier.</source>
        <translation>
            <numerusform>当前步不属于地址转换；这里显示的是 %n 步之前的最近一次地址转换。</numerusform>
        </translation>
    </message>
    <message>
        <source>set %1: no match</source>
        <translation>组 %1：无匹配</translation>
    </message>
    <message>
        <source>HIT, read-only</source>
        <translation>命中，只读</translation>
    </message>
    <message>
        <source>HIT</source>
        <translation>命中</translation>
    </message>
    <message>
        <source>MISS → walk</source>
        <translation>未命中 → 遍历</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>空</translation>
    </message>
    <message>
        <source>not present</source>
        <translation>不存在</translation>
    </message>
    <message>
        <source>no table: the entry above maps a large page</source>
        <translation>无页表：上一级表项映射的是大页</translation>
    </message>
    <message>
        <source>not reached: the entry above is not valid</source>
        <translation>未到达：上一级表项无效</translation>
    </message>
    <message>
        <source>new table %1</source>
        <translation>新页表 %1</translation>
    </message>
    <message>
        <source>not walked: TLB hit</source>
        <translation>未遍历：TLB 命中</translation>
    </message>
    <message>
        <source>large page: %1</source>
        <translation>大页：%1</translation>
    </message>
    <message>
        <source>No physical address: the access was refused.</source>
        <translation>无物理地址：访问被拒绝。</translation>
    </message>
    <message>
        <source>No physical address: the translation fails.</source>
        <translation>无物理地址：地址转换失败。</translation>
    </message>
    <message>
        <source>Physical address: not known yet.</source>
        <translation>物理地址：尚未确定。</translation>
    </message>
    <message>
        <source>Page fault: write to a read-only page</source>
        <translation>缺页中断：写入只读页</translation>
    </message>
    <message>
        <source>Page fault: write to a page that is not present</source>
        <translation>缺页中断：写入不存在的页</translation>
    </message>
    <message>
        <source>Page fault: access to a protected page</source>
        <translation>缺页中断：访问受保护的页</translation>
    </message>
    <message>
        <source>Page fault: read of a page that is not present</source>
        <translation>缺页中断：读取不存在的页</translation>
    </message>
    <message>
        <source>The address is not canonical</source>
        <translation>该地址不是规范地址</translation>
    </message>
    <message>
        <source>No page table: CR3 is not set</source>
        <translation>没有页表：CR3 未设置</translation>
    </message>
    <message>
        <source>The translation fails at %1: the entry is not valid</source>
        <translation>地址转换在 %1 失败：该表项无效</translation>
    </message>
    <message>
        <source>A Translate command only walks the tables. A real access would raise a page fault (#PF) here, and the kernel&apos;s fault handler would decide: map a page, or send SIGSEGV.</source>
        <translation>Translate 命令只遍历页表。真实的访问会在这里触发缺页中断（#PF），由内核的缺页处理程序决定：映射一个页，或发送 SIGSEGV。</translation>
    </message>
    <message>
        <source>No page fault: the TLB had the translation, so no walk was needed.</source>
        <translation>没有缺页中断：TLB 中已有该地址转换，无需页表遍历。</translation>
    </message>
    <message>
        <source>No page fault: every entry on the way was valid and allowed the access.</source>
        <translation>没有缺页中断：沿途每个表项都有效，且允许此次访问。</translation>
    </message>
    <message>
        <source>The CPU set %1 in the %2 entry: %3 → %4</source>
        <translation>CPU 在 %2 表项中设置了%1：%3 → %4</translation>
    </message>
    <message>
        <source>Accessed and Dirty</source>
        <translation>访问位和脏位</translation>
    </message>
    <message>
        <source>Accessed</source>
        <translation>访问位</translation>
    </message>
    <message>
        <source>new %1 table in frame %2</source>
        <translation>页框 %2 中的新 %1 表</translation>
    </message>
    <message>
        <source>read from disk into page-cache frame %1</source>
        <translation>从磁盘读入页缓存页框 %1</translation>
    </message>
    <message>
        <source>new zeroed frame %1</source>
        <translation>新的清零页框 %1</translation>
    </message>
    <message>
        <source>frame %1 zero-filled (the old page was the zero page)</source>
        <translation>页框 %1 已清零（原页是零页）</translation>
    </message>
    <message>
        <source>copied frame %1 → new frame %2</source>
        <translation>已复制页框 %1 → 新页框 %2</translation>
    </message>
    <message>
        <source>stale TLB entry flushed (invlpg)</source>
        <translation>过时的 TLB 表项已刷新（invlpg）</translation>
    </message>
    <message>
        <source>%1[%2]: %3 → %4</source>
        <translation>%1[%2]: %3 → %4</translation>
    </message>
    <message numerus="yes">
        <source>+%n neighbouring page(s) mapped too (fault-around)</source>
        <translation>
            <numerusform>另有 %n 个相邻页一并映射（fault-around）</numerusform>
        </translation>
    </message>
    <message>
        <source>process %1 killed by SIGSEGV</source>
        <translation>进程 %1 被 SIGSEGV 终止</translation>
    </message>
    <message>
        <source>process %1 killed by signal %2</source>
        <translation>进程 %1 被信号 %2 终止</translation>
    </message>
    <message>
        <source>access retried: TLB filled (set %1, way %2)</source>
        <translation>重试访问：TLB 已填充（组 %1，路 %2）</translation>
    </message>
    <message>
        <source>No address translation yet — run a program that touches memory</source>
        <translation>尚无地址转换 — 运行一个访问内存的程序</translation>
    </message>
    <message>
        <source>When a process reads or writes memory, this view shows how its virtual address is translated: the TLB lookup, each page table the walker reads, the page fault and what the kernel did about it, and the physical address at the end.</source>
        <translation>进程读写内存时，此视图展示其虚拟地址如何被转换：TLB 查找、页表遍历读取的每一级页表、缺页中断及内核的处理，以及最终得到的物理地址。</translation>
    </message>
    <message>
        <source>Bits %1–%2 are not translated: on x86-64 they must repeat bit %3 (a canonical address).</source>
        <translation>第 %1–%2 位不参与转换：在 x86-64 上，它们必须与第 %3 位相同（规范地址）。</translation>
    </message>
    <message>
        <source>Offset %1 (bits %2–%3): the byte inside the page, copied unchanged into the physical address.</source>
        <translation>页内偏移 %1（第 %2–%3 位）：页内的字节位置，原样复制到物理地址中。</translation>
    </message>
    <message>
        <source>%1 index %2 (bits %3–%4): selects entry %2 of the %1 table.</source>
        <translation>%1 索引 %2（第 %3–%4 位）：选中 %1 表的表项 %2。</translation>
    </message>
    <message>
        <source>%1[%2] at physical %3: %4</source>
        <translation>%1[%2]，物理地址 %3：%4</translation>
    </message>
    <message>
        <source>Not valid: an access through it faults.</source>
        <translation>无效：经由它的访问会触发缺页中断。</translation>
    </message>
    <message>
        <source>Frame %1</source>
        <translation>页框 %1</translation>
    </message>
    <message>
        <source>writable</source>
        <translation>可写</translation>
    </message>
    <message>
        <source>read-only</source>
        <translation>只读</translation>
    </message>
    <message>
        <source>user</source>
        <translation>用户态</translation>
    </message>
    <message>
        <source>kernel only</source>
        <translation>仅内核</translation>
    </message>
    <message>
        <source>accessed</source>
        <translation>已访问</translation>
    </message>
    <message>
        <source>dirty</source>
        <translation>脏</translation>
    </message>
    <message>
        <source>large page</source>
        <translation>大页</translation>
    </message>
    <message>
        <source>global</source>
        <translation>全局</translation>
    </message>
    <message>
        <source>no execute</source>
        <translation>不可执行</translation>
    </message>
    <message numerus="yes">
        <source>The %1 table in frame %2: %n entries of %3 bytes.</source>
        <translation>
            <numerusform>页框 %2 中的 %1 表：%n 个表项，每个 %3 字节。</numerusform>
        </translation>
    </message>
    <message>
        <source>The TLB caches translations by virtual page number. A hit gives the frame at once; a miss makes the CPU walk the page tables and then fill a TLB way.</source>
        <translation>TLB 按虚拟页号缓存地址转换。命中时立即得到页框；未命中时，CPU 遍历页表，再填入 TLB 的某一路。</translation>
    </message>
    <message>
        <source>CR3 holds the frame of the top-level table (the process&apos;s pgd); a context switch loads it.</source>
        <translation>CR3 保存顶级页表（进程的 pgd）所在的页框；上下文切换时会加载它。</translation>
    </message>
    <message>
        <source>Frame %1: physical address = frame × page size + offset = %2.</source>
        <translation>页框 %1：物理地址 = 页框号 × 页大小 + 页内偏移 = %2。</translation>
    </message>
    <message>
        <source>swap-in</source>
        <translation>换入</translation>
    </message>
    <message>
        <source>do_swap_page(): the entry holds a swap entry, so a new page is read back from swap (a major fault) and mapped again.</source>
        <translation>do_swap_page()：表项中保存的是交换项，因此分配新页并从交换空间读回（硬性缺页），再重新映射。</translation>
    </message>
    <message>
        <source>do_swap_page(): the entry holds a swap entry, but the page is still in the swap cache, so it is only mapped again (a minor fault, no I/O).</source>
        <translation>do_swap_page()：表项中保存的是交换项，但该页仍在交换缓存中，因此只需重新映射（软性缺页，无 I/O）。</translation>
    </message>
</context>
<context>
    <name>memviz::PhysicalMemoryView</name>
    <message>
        <source>Physical memory</source>
        <translation>物理内存</translation>
    </message>
    <message>
        <source>No machine yet: create one to see its physical memory.</source>
        <translation>尚未创建机器：新建一台机器即可查看其物理内存。</translation>
    </message>
    <message>
        <source>%1 · order %2</source>
        <translation>%1 · %2 阶</translation>
    </message>
    <message numerus="yes">
        <source>1 pixel = %n frames</source>
        <translation>
            <numerusform>1 像素 = %n 个页框</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>1 frame = %n px</source>
        <translation>
            <numerusform>1 个页框 = %n 像素</numerusform>
        </translation>
    </message>
    <message>
        <source>Zones</source>
        <translation>内存域</translation>
    </message>
    <message>
        <source>Frame states</source>
        <translation>页框状态</translation>
    </message>
    <message>
        <source>Marks</source>
        <translation>标记</translation>
    </message>
    <message>
        <source>This step&apos;s blocks</source>
        <translation>本步涉及的块</translation>
    </message>
    <message>
        <source>Selected frame</source>
        <translation>选中的页框</translation>
    </message>
    <message>
        <source>Zone boundary</source>
        <translation>内存域边界</translation>
    </message>
    <message>
        <source>Zoom: Ctrl+wheel, + and −; 0 fits</source>
        <translation>缩放：Ctrl+wheel、+ 和 −；0 适应窗口</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>空闲</translation>
    </message>
    <message>
        <source>Allocated (kernel)</source>
        <translation>已分配（内核）</translation>
    </message>
    <message>
        <source>In the allocator&apos;s hands</source>
        <translation>分配器正在处理</translation>
    </message>
    <message>
        <source>Firmware</source>
        <translation>固件</translation>
    </message>
    <message>
        <source>Kernel image</source>
        <translation>内核映像</translation>
    </message>
    <message>
        <source>memmap (struct page)</source>
        <translation>memmap (struct page)</translation>
    </message>
    <message>
        <source>Boot allocations</source>
        <translation>启动期分配</translation>
    </message>
    <message>
        <source>Hole (no RAM)</source>
        <translation>空洞（无 RAM）</translation>
    </message>
    <message>
        <source>free, on the buddy allocator&apos;s order-%1 free list</source>
        <translation>空闲，位于伙伴分配器的 %1 阶空闲链表上</translation>
    </message>
    <message>
        <source>allocated by the kernel (alloc_pages)</source>
        <translation>已由内核分配（alloc_pages）</translation>
    </message>
    <message>
        <source>in the allocator&apos;s hands: being split or merged right now</source>
        <translation>分配器正在处理：此刻正在拆分或合并</translation>
    </message>
    <message>
        <source>reserved for the firmware (BIOS)</source>
        <translation>为固件（BIOS）保留</translation>
    </message>
    <message>
        <source>the kernel image (text, data and bss)</source>
        <translation>内核映像（text、data 和 bss 段）</translation>
    </message>
    <message>
        <source>memmap: the kernel&apos;s array of struct page</source>
        <translation>memmap：内核的 struct page 数组</translation>
    </message>
    <message>
        <source>reserved at boot (memblock allocation)</source>
        <translation>启动时保留（memblock 分配）</translation>
    </message>
    <message>
        <source>a hole: no RAM at this address</source>
        <translation>空洞：该地址处没有 RAM</translation>
    </message>
    <message>
        <source>inside a block with no head (inconsistent frame table)</source>
        <translation>位于没有块首的块内部（页框表不一致）</translation>
    </message>
    <message>
        <source>Frame %1 (pfn %2)</source>
        <translation>页框 %1（pfn %2）</translation>
    </message>
    <message>
        <source>Physical address %1 – %2</source>
        <translation>物理地址 %1 – %2</translation>
    </message>
    <message>
        <source>Zone: none (outside every zone)</source>
        <translation>内存域：无（不属于任何内存域）</translation>
    </message>
    <message>
        <source>Zone: %1</source>
        <translation>内存域：%1</translation>
    </message>
    <message>
        <source>State: %1</source>
        <translation>状态：%1</translation>
    </message>
    <message numerus="yes">
        <source>Block: head pfn %1 (%2), order %3 = %n frame(s), %4</source>
        <translation>
            <numerusform>块：块首 pfn %1（%2），%3 阶 = %n 个页框，%4</numerusform>
        </translation>
    </message>
    <message>
        <source>Block: this frame alone (order 0), reserved at boot, never handed to the buddy allocator</source>
        <translation>块：仅此一个页框（0 阶），启动时保留，从未交给伙伴分配器</translation>
    </message>
    <message numerus="yes">
        <source>This pixel shows pfn %1–%2 (%n frame(s)) by its most important state</source>
        <translation>
            <numerusform>此像素表示 pfn %1–%2（%n 个页框），按其中最重要的状态着色</numerusform>
        </translation>
    </message>
    <message>
        <source>Free this block (order %1)</source>
        <translation>释放此块（%1 阶）</translation>
    </message>
    <message>
        <source>Select this frame</source>
        <translation>选中此页框</translation>
    </message>
    <message>
        <source>Copy frame details</source>
        <translation>复制页框详情</translation>
    </message>
    <message>
        <source>Zoom to fit</source>
        <translation>缩放以适应窗口</translation>
    </message>
    <message>
        <source>Follow the current step</source>
        <translation>跟随当前步</translation>
    </message>
    <message>
        <source>order %1</source>
        <translation>%1 阶</translation>
    </message>
    <message>
        <source>o%1</source>
        <comment>short for: order</comment>
        <translation>%1阶</translation>
    </message>
    <message>
        <source>%1 · %2 frames of %3 · %4</source>
        <translation>%1 · %2 个 %3 页框 · %4</translation>
    </message>
    <message>
        <source>pfn %1–%2</source>
        <translation>pfn %1–%2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Page cache, mapped</source>
        <translation>页缓存（已映射）</translation>
    </message>
    <message>
        <source>Page cache, not mapped</source>
        <translation>页缓存（未映射）</translation>
    </message>
    <message>
        <source>Shared zero page</source>
        <translation>共享零页</translation>
    </message>
    <message>
        <source>Processes</source>
        <translation>进程</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>还有 %n 个进程</numerusform>
        </translation>
    </message>
    <message>
        <source>Page table (process colour, dark)</source>
        <translation>页表（进程颜色，深色）</translation>
    </message>
    <message>
        <source>Anonymous page (process colour)</source>
        <translation>匿名页（进程颜色）</translation>
    </message>
    <message>
        <source>Page cache</source>
        <translation>页缓存</translation>
    </message>
    <message>
        <source>a page table of a process</source>
        <translation>某个进程的页表</translation>
    </message>
    <message>
        <source>an anonymous page of a process</source>
        <translation>某个进程的匿名页</translation>
    </message>
    <message>
        <source>a page of the page cache</source>
        <translation>页缓存中的一页</translation>
    </message>
    <message>
        <source>process %1</source>
        <translation>进程 %1</translation>
    </message>
    <message>
        <source>process %1 (%2)</source>
        <translation>进程 %1（%2）</translation>
    </message>
    <message>
        <source>, exited</source>
        <translation>，已退出</translation>
    </message>
    <message>
        <source>State: anonymous page of %1</source>
        <translation>状态：%1 的匿名页</translation>
    </message>
    <message>
        <source>Mapped by no page-table entry yet (mapcount 0)</source>
        <translation>尚无页表项映射它（mapcount 0）</translation>
    </message>
    <message>
        <source>Mapped by page-table entries: mapcount %1</source>
        <translation>被页表项映射：mapcount %1</translation>
    </message>
    <message>
        <source>Shared copy-on-write since fork(): the first write by a sharer copies it (do_wp_page).</source>
        <translation>自 fork() 起以写时复制方式共享：任一共享者第一次写入时都会复制它（do_wp_page）。</translation>
    </message>
    <message>
        <source>State: page table of %1</source>
        <translation>状态：%1 的页表</translation>
    </message>
    <message>
        <source>Level: %1, the root of the tree (CR3 holds it while the process runs)</source>
        <translation>层级：%1，页表树的根（进程运行期间由 CR3 指向它）</translation>
    </message>
    <message>
        <source>Level: %1 (level %2 of %3)</source>
        <translation>层级：%1（第 %2 级，共 %3 级）</translation>
    </message>
    <message>
        <source>file %1</source>
        <translation>文件 %1</translation>
    </message>
    <message>
        <source>State: page cache of %1</source>
        <translation>状态：%1 的页缓存</translation>
    </message>
    <message>
        <source>Page %1 of the file (offset %2)</source>
        <translation>文件的第 %1 页（偏移 %2）</translation>
    </message>
    <message>
        <source>Not mapped by any process: only cached (a later read or mmap finds it here)</source>
        <translation>未被任何进程映射：仅被缓存（之后的 read 或 mmap 会在这里找到它）</translation>
    </message>
    <message>
        <source>zero</source>
        <comment>the shared zero page, in a cell</comment>
        <translation>零页</translation>
    </message>
    <message>
        <source>PT %1</source>
        <comment>page table of a pid, in a cell</comment>
        <translation>页表 %1</translation>
    </message>
    <message>
        <source>cache</source>
        <comment>page cache, in a cell</comment>
        <translation>缓存</translation>
    </message>
    <message>
        <source>State: the shared zero page (empty_zero_page, in the kernel&apos;s bss)</source>
        <translation>状态：共享零页（empty_zero_page，位于内核的 bss 段）</translation>
    </message>
    <message>
        <source>A read of untouched anonymous memory maps this frame read-only instead of allocating; the first write gives the page a zeroed frame of its own.</source>
        <translation>读取尚未访问过的匿名内存时，不分配新页框，而是以只读方式映射此页框；第一次写入时，该页才获得一个属于自己的、已清零的页框。</translation>
    </message>
    <message>
        <source>Slab (kmalloc, kmem_cache)</source>
        <translation>Slab（kmalloc、kmem_cache）</translation>
    </message>
    <message>
        <source>vmalloc area page</source>
        <translation>vmalloc 区的页</translation>
    </message>
    <message>
        <source>Kernel stack</source>
        <translation>内核栈</translation>
    </message>
    <message>
        <source>a slab: objects of one slab cache (kmem_cache_alloc, kmalloc)</source>
        <translation>slab：同一个 slab 缓存的对象（kmem_cache_alloc、kmalloc）</translation>
    </message>
    <message>
        <source>a page of a vmalloc area</source>
        <translation>vmalloc 区域中的一页</translation>
    </message>
    <message>
        <source>a page of a process&apos;s kernel stack</source>
        <translation>进程内核栈中的一页</translation>
    </message>
    <message>
        <source>State: slab of the cache %1</source>
        <translation>状态：缓存 %1 的 slab</translation>
    </message>
    <message>
        <source>Objects in use: %1 of %2, %3 bytes each</source>
        <translation>已使用的对象：%1/%2，每个 %3 字节</translation>
    </message>
    <message>
        <source>none (a full slab)</source>
        <translation>无（满 slab）</translation>
    </message>
    <message>
        <source>the partial list of node %1</source>
        <translation>节点 %1 的部分链表</translation>
    </message>
    <message>
        <source>the CPU&apos;s slab (SLUB)</source>
        <translation>CPU 的 slab（SLUB）</translation>
    </message>
    <message>
        <source>List: %1</source>
        <translation>链表：%1</translation>
    </message>
    <message>
        <source>Kernel address %1 (direct map)</source>
        <translation>内核地址 %1（直接映射区）</translation>
    </message>
    <message>
        <source>State: page %1 of the vmalloc area %2–%3</source>
        <translation>状态：vmalloc 区域 %2–%3 的第 %1 页</translation>
    </message>
    <message>
        <source>vmalloc(%1): %2 mapped, the last page a guard</source>
        <translation>vmalloc(%1)：映射了 %2，最后一页是保护页</translation>
    </message>
    <message>
        <source>Kernel address %1</source>
        <translation>内核地址 %1</translation>
    </message>
    <message>
        <source>State: kernel stack of process %1 (%2)</source>
        <translation>状态：进程 %1（%2）的内核栈</translation>
    </message>
    <message>
        <source>State: kernel stack of process %1</source>
        <translation>状态：进程 %1 的内核栈</translation>
    </message>
    <message>
        <source>Kernel address %1 (vmalloc area)</source>
        <translation>内核地址 %1（vmalloc 区）</translation>
    </message>
    <message>
        <source>State: a large kmalloc() (above 8 KiB: straight from the buddy allocator)</source>
        <translation>状态：大块 kmalloc()（超过 8 KiB：直接来自伙伴分配器）</translation>
    </message>
    <message>
        <source>slab</source>
        <comment>a slab, in a cell</comment>
        <translation>slab</translation>
    </message>
    <message>
        <source>vmalloc</source>
        <comment>a vmalloc page, in a cell</comment>
        <translation>vmalloc</translation>
    </message>
    <message>
        <source>stack %1</source>
        <comment>kernel stack of a pid, in a cell</comment>
        <translation>栈 %1</translation>
    </message>
    <message>
        <source>Zone: %1 (node %2)</source>
        <translation>内存域：%1（节点 %2）</translation>
    </message>
</context>
<context>
    <name>memviz::PlayerBar</name>
    <message>
        <source>Jump to the start of the run (Home)</source>
        <translation>跳到运行的开头（Home）</translation>
    </message>
    <message>
        <source>Previous command (Page Up)</source>
        <translation>上一条命令（Page Up）</translation>
    </message>
    <message>
        <source>Step back one event (Left)</source>
        <translation>后退一步：上一个事件（Left）</translation>
    </message>
    <message>
        <source>Pause (Space)</source>
        <translation>暂停（Space）</translation>
    </message>
    <message>
        <source>Play (Space)</source>
        <translation>播放（Space）</translation>
    </message>
    <message>
        <source>Step forward one event (Right)</source>
        <translation>前进一步：下一个事件（Right）</translation>
    </message>
    <message>
        <source>Next command (Page Down)</source>
        <translation>下一条命令（Page Down）</translation>
    </message>
    <message>
        <source>Jump to the end of the run (End)</source>
        <translation>跳到运行的末尾（End）</translation>
    </message>
    <message>
        <source>Drag to move through the whole run</source>
        <translation>拖动以浏览整个运行过程</translation>
    </message>
    <message>
        <source>Speed:</source>
        <translation>速度：</translation>
    </message>
    <message>
        <source>%1 events/s</source>
        <translation>%1 事件/秒</translation>
    </message>
    <message>
        <source>event %L1 / %L2 · command %L3 / %L4</source>
        <translation>事件 %L1 / %L2 · 命令 %L3 / %L4</translation>
    </message>
    <message>
        <source>event %L1 / %L2</source>
        <translation>事件 %L1 / %L2</translation>
    </message>
</context>
<context>
    <name>memviz::PressurePanel</name>
    <message>
        <source>Memory pressure</source>
        <translation>内存压力</translation>
    </message>
    <message>
        <source>&amp;Hog processes:</source>
        <translation>hog 进程数(&amp;H)：</translation>
    </message>
    <message>
        <source>How many &quot;hog&quot; processes run; each keeps its working set touched</source>
        <translation>运行多少个“hog”（吃内存）进程；每个进程都不断访问自己的工作集</translation>
    </message>
    <message>
        <source>&amp;Working set each:</source>
        <translation>每个的工作集(&amp;W)：</translation>
    </message>
    <message>
        <source>Memory each hog has touched (written); dragging right makes it touch more pages</source>
        <translation>每个 hog 进程已访问（写入）的内存；向右拖动会让它访问更多页</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>&amp;Swappiness:</source>
        <translation>swappiness(&amp;S)：</translation>
    </message>
    <message>
        <source>vm.swappiness: 0 reclaims page cache first, 200 prefers swapping anonymous pages</source>
        <translation>vm.swappiness：0 优先回收页缓存，200 更倾向于把匿名页换出</translation>
    </message>
    <message>
        <source>Overcommit:</source>
        <translation>过量分配：</translation>
    </message>
    <message>
        <source>vm.overcommit_memory: 0 heuristic, 1 always, 2 never (ENOMEM beyond CommitLimit)</source>
        <translation>vm.overcommit_memory：0 启发式，1 总是允许，2 从不（超过 CommitLimit 即返回 ENOMEM）</translation>
    </message>
    <message>
        <source>Panic on OOM:</source>
        <translation>OOM 时恐慌：</translation>
    </message>
    <message>
        <source>vm.panic_on_oom: 0 kills a process, 1 and 2 stop the machine with a kernel panic</source>
        <translation>vm.panic_on_oom：0 杀死一个进程，1 和 2 以内核恐慌（kernel panic）停止机器</translation>
    </message>
    <message>
        <source>THP:</source>
        <translation>透明大页（THP）：</translation>
    </message>
    <message>
        <source>/sys/kernel/mm/transparent_hugepage/enabled</source>
        <translation>/sys/kernel/mm/transparent_hugepage/enabled</translation>
    </message>
    <message>
        <source>Swap:</source>
        <translation>交换空间：</translation>
    </message>
    <message>
        <source>Add swap area</source>
        <translation>添加交换区</translation>
    </message>
    <message>
        <source>RAM:</source>
        <translation>RAM：</translation>
    </message>
    <message>
        <source>New machine</source>
        <translation>新建机器</translation>
    </message>
    <message>
        <source>Starts a new run on a machine with this much RAM (and the same swap)</source>
        <translation>在具有这么多 RAM 的机器上重新开始一次运行（交换空间不变）</translation>
    </message>
    <message>
        <source>%1 MiB</source>
        <translation>%1 MiB</translation>
    </message>
    <message>
        <source>RAM %1, swap %2 (%3 used); %4 hog(s)</source>
        <translation>RAM %1，交换空间 %2（已用 %3）；%4 个 hog 进程</translation>
    </message>
    <message>
        <source>The player is playing a run: pause it first (Space), then change the machine</source>
        <translation>播放器正在播放一次运行：请先暂停（Space），再修改机器</translation>
    </message>
    <message>
        <source>The kernel has panicked: step back before the panic, or start a new machine</source>
        <translation>内核已恐慌：请退回到恐慌之前，或新建一台机器</translation>
    </message>
    <message>
        <source>mmap() of the hog&apos;s memory failed (ENOMEM): see vm.overcommit_memory</source>
        <translation>hog 进程内存的 mmap() 失败（ENOMEM）：参见 vm.overcommit_memory</translation>
    </message>
    <message>
        <source>Let them work:</source>
        <translation>让它们工作：</translation>
    </message>
    <message>
        <source> rounds</source>
        <translation> 轮</translation>
    </message>
    <message>
        <source>In each round every hog touches its whole working set again, then a second passes; when the working sets do not fit in RAM together, a round takes much longer: thrashing</source>
        <translation>每一轮中，每个 hog 进程把自己的整个工作集重新访问一遍，然后过去一秒；当所有工作集加起来放不进内存时，一轮要花长得多的时间：这就是系统抖动</translation>
    </message>
</context>
<context>
    <name>memviz::ProcessHandle</name>
    <message>
        <source>options must be an object, e.g. { step: 4096 }</source>
        <translation>options 必须是对象，例如 { step: 4096 }</translation>
    </message>
    <message>
        <source>prot must be PROT_READ | PROT_WRITE ... or a string like &quot;rw&quot;</source>
        <translation>prot 必须是 PROT_READ | PROT_WRITE ... 这样的组合，或 &quot;rw&quot; 这样的字符串</translation>
    </message>
    <message>
        <source>file must be a name or what files.create() returned</source>
        <translation>file 必须是文件名，或 files.create() 的返回值</translation>
    </message>
    <message>
        <source>advice must be MADV_HUGEPAGE, MADV_NOHUGEPAGE or MADV_DONTNEED</source>
        <translation>advice 必须是 MADV_HUGEPAGE、MADV_NOHUGEPAGE 或 MADV_DONTNEED</translation>
    </message>
</context>
<context>
    <name>memviz::ProcessView</name>
    <message>
        <source>program</source>
        <translation>程序</translation>
    </message>
    <message>
        <source>shared library</source>
        <translation>共享库</translation>
    </message>
    <message>
        <source>heap (brk)</source>
        <translation>堆（brk）</translation>
    </message>
    <message>
        <source>stack</source>
        <translation>栈</translation>
    </message>
    <message>
        <source>anonymous mmap</source>
        <translation>匿名 mmap</translation>
    </message>
    <message>
        <source>shared file mapping</source>
        <translation>共享文件映射</translation>
    </message>
    <message>
        <source>private file mapping</source>
        <translation>私有文件映射</translation>
    </message>
    <message>
        <source>vvar / vdso</source>
        <translation>vvar / vdso</translation>
    </message>
    <message>
        <source>signal %1</source>
        <translation>信号 %1</translation>
    </message>
    <message>
        <source>Follow the current step</source>
        <translation>跟随当前步</translation>
    </message>
    <message>
        <source>Show the process that runs the current step. Clicking a process in the tree shows that one instead.</source>
        <translation>显示正在执行当前步的进程。在进程树中点击某个进程，则改为显示该进程。</translation>
    </message>
    <message>
        <source>Processes and address spaces</source>
        <translation>进程与地址空间</translation>
    </message>
    <message>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>exited</source>
        <translation>已退出</translation>
    </message>
    <message>
        <source>killed by %1</source>
        <translation>被 %1 终止</translation>
    </message>
    <message>
        <source>Process %1 (%2), child of %3</source>
        <translation>进程 %1（%2），%3 的子进程</translation>
    </message>
    <message>
        <source>Process %1 (%2)</source>
        <translation>进程 %1（%2）</translation>
    </message>
    <message>
        <source>Processes</source>
        <translation>进程</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>on the CPU</source>
        <translation>正在 CPU 上</translation>
    </message>
    <message>
        <source>anonymous</source>
        <translation>匿名</translation>
    </message>
    <message>
        <source>%1 free</source>
        <translation>空闲 %1</translation>
    </message>
    <message>
        <source>%1 kB</source>
        <translation>%1 kB</translation>
    </message>
    <message>
        <source>VSZ</source>
        <translation>VSZ</translation>
    </message>
    <message>
        <source>every VMA, touched or not</source>
        <translation>全部 VMA，无论是否访问过</translation>
    </message>
    <message>
        <source>RSS</source>
        <translation>RSS</translation>
    </message>
    <message>
        <source>anon %1 kB · file %2 kB</source>
        <translation>匿名 %1 kB · 文件 %2 kB</translation>
    </message>
    <message>
        <source>Page tables</source>
        <translation>页表</translation>
    </message>
    <message>
        <source>VmPTE %1 kB</source>
        <translation>VmPTE %1 kB</translation>
    </message>
    <message>
        <source>min_flt</source>
        <translation>min_flt</translation>
    </message>
    <message>
        <source>minor faults: no disk I/O</source>
        <translation>软性缺页：无磁盘 I/O</translation>
    </message>
    <message>
        <source>maj_flt</source>
        <translation>maj_flt</translation>
    </message>
    <message>
        <source>major faults: read from disk</source>
        <translation>硬性缺页：从磁盘读入</translation>
    </message>
    <message>
        <source>No processes yet: spawn a program to see its address space.</source>
        <translation>尚无进程：启动一个程序即可查看其地址空间。</translation>
    </message>
    <message>
        <source>No machine yet.</source>
        <translation>尚未创建机器。</translation>
    </message>
    <message>
        <source>Processes (fork tree)</source>
        <translation>进程（fork 树）</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>暂无</translation>
    </message>
    <message>
        <source>Memory of %1</source>
        <translation>进程 %1 的内存</translation>
    </message>
    <message>
        <source>VMA kinds</source>
        <translation>VMA 类型</translation>
    </message>
    <message>
        <source>Address space of %1 (gaps not to scale)</source>
        <translation>进程 %1 的地址空间（空隙未按比例）</translation>
    </message>
    <message>
        <source>/proc/%1/maps</source>
        <translation>/proc/%1/maps</translation>
    </message>
    <message>
        <source>start</source>
        <comment>maps column</comment>
        <translation>起始</translation>
    </message>
    <message>
        <source>end</source>
        <comment>maps column</comment>
        <translation>结束</translation>
    </message>
    <message>
        <source>perm</source>
        <comment>maps column</comment>
        <translation>权限</translation>
    </message>
    <message>
        <source>offset</source>
        <comment>maps column</comment>
        <translation>偏移</translation>
    </message>
    <message>
        <source>name</source>
        <comment>maps column</comment>
        <translation>名称</translation>
    </message>
    <message numerus="yes">
        <source>▲ %n more</source>
        <translation>
            <numerusform>▲ 还有 %n 行</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>▼ %n more (scroll)</source>
        <translation>
            <numerusform>▼ 还有 %n 行（可滚动）</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>%1 of %2 have a page-table entry (resident, or the zero page)</source>
        <translation>%2 中有 %1 页有页表项（驻留内存，或为零页）</translation>
    </message>
    <message>
        <source>Private file mapping: a write copies the page (copy-on-write); the file does not change.</source>
        <translation>私有文件映射：写入时复制该页（写时复制）；文件本身不变。</translation>
    </message>
    <message>
        <source>Anonymous: a read maps the shared zero page, the first write a zeroed frame.</source>
        <translation>匿名：读取时映射共享的零页，首次写入时分配清零页框。</translation>
    </message>
    <message>
        <source>%1: %2. Click to show its address space.</source>
        <translation>%1：%2。点击可显示其地址空间。</translation>
    </message>
</context>
<context>
    <name>memviz::ReplacementLabTable</name>
    <message>
        <source>Replacement table</source>
        <translation>置换表</translation>
    </message>
    <message>
        <source>1 frame</source>
        <translation>1 个页框</translation>
    </message>
    <message>
        <source>%1 frames</source>
        <translation>%1 个页框</translation>
    </message>
    <message>
        <source>misses: %1</source>
        <translation>缺页：%1</translation>
    </message>
    <message>
        <source>hits: %1 (%2 %)</source>
        <translation>命中：%1（%2 %）</translation>
    </message>
    <message>
        <source>misses: %1 of %2</source>
        <translation>缺页：%1 / %2</translation>
    </message>
    <message>
        <source>hits: %1 of %2</source>
        <translation>命中：%1 / %2</translation>
    </message>
    <message>
        <source>Step %1: %2</source>
        <translation>第 %1 步：%2</translation>
    </message>
    <message>
        <source>hit</source>
        <translation>命中</translation>
    </message>
    <message>
        <source>miss: page loaded</source>
        <translation>缺页：调入页面</translation>
    </message>
    <message>
        <source>victim of the miss</source>
        <translation>缺页时的被淘汰页</translation>
    </message>
    <message>
        <source>use bit (CLOCK), PG_referenced (LINUX)</source>
        <translation>使用位（CLOCK）、PG_referenced（LINUX）</translation>
    </message>
    <message>
        <source>use bit</source>
        <translation>使用位</translation>
    </message>
    <message>
        <source>PG_referenced</source>
        <translation>PG_referenced</translation>
    </message>
    <message>
        <source>clock hand</source>
        <translation>时钟指针</translation>
    </message>
    <message>
        <source>active list (LINUX); unshaded: inactive</source>
        <translation>活跃链表（LINUX）；无底纹：不活跃链表</translation>
    </message>
    <message>
        <source>not replayed yet</source>
        <translation>尚未重放</translation>
    </message>
    <message>
        <source>Step %1: page %2 is referenced</source>
        <translation>第 %1 步：访问页 %2</translation>
    </message>
    <message>
        <source>%1 stands for virtual page 0x%2</source>
        <translation>%1 代表虚拟页 0x%2</translation>
    </message>
    <message>
        <source>Not replayed yet: step forward (→) or click the column.</source>
        <translation>尚未重放：请单步前进（→）或点击该列。</translation>
    </message>
    <message>
        <source>%1, %2 frames, step %3, frame %4</source>
        <translation>%1，%2 个页框，第 %3 步，页框 %4</translation>
    </message>
    <message>
        <source>Not replayed yet.</source>
        <translation>尚未重放。</translation>
    </message>
    <message>
        <source>Empty frame.</source>
        <translation>空页框。</translation>
    </message>
    <message>
        <source>Holds page %1.</source>
        <translation>存放页 %1。</translation>
    </message>
    <message>
        <source>Page %1 is virtual page 0x%2.</source>
        <translation>页 %1 即虚拟页 0x%2。</translation>
    </message>
    <message>
        <source>Hit: the page referenced at this step was already here.</source>
        <translation>命中：本步访问的页已在此页框中。</translation>
    </message>
    <message>
        <source>Miss: loaded here in place of page %1.</source>
        <translation>缺页：调入此处，替换页 %1。</translation>
    </message>
    <message>
        <source>Miss: loaded into this free frame.</source>
        <translation>缺页：调入这个空闲页框。</translation>
    </message>
    <message>
        <source>Use bit set.</source>
        <translation>使用位为 1。</translation>
    </message>
    <message>
        <source>Use bit clear.</source>
        <translation>使用位为 0。</translation>
    </message>
    <message>
        <source>The clock hand points here: the next frame it examines.</source>
        <translation>时钟指针指向这里：这是它下一个要检查的页框。</translation>
    </message>
    <message>
        <source>On the active list.</source>
        <translation>位于活跃链表上。</translation>
    </message>
    <message>
        <source>On the inactive list.</source>
        <translation>位于不活跃链表上。</translation>
    </message>
    <message>
        <source>PG_referenced set.</source>
        <translation>PG_referenced 已设置。</translation>
    </message>
    <message>
        <source>PG_referenced clear.</source>
        <translation>PG_referenced 未设置。</translation>
    </message>
    <message>
        <source>Step %1: not replayed yet.</source>
        <translation>第 %1 步：尚未重放。</translation>
    </message>
    <message>
        <source>%1, step %2: %3</source>
        <translation>%1，第 %2 步：%3</translation>
    </message>
    <message>
        <source>Counts so far (up to step %1) of the whole string&apos;s.</source>
        <translation>以上计数为：截至第 %1 步的值 / 整个访问串的总数。</translation>
    </message>
    <message>
        <source>No reference string yet: type one, draw a random one or record one from the run.</source>
        <translation>尚无访问串：请输入一个，随机生成一个，或从运行过程中记录一个。</translation>
    </message>
    <message>
        <source>Choose at least one policy.</source>
        <translation>请至少选择一种置换策略。</translation>
    </message>
    <message>
        <source>step</source>
        <translation>步</translation>
    </message>
    <message>
        <source>page</source>
        <translation>页</translation>
    </message>
</context>
<context>
    <name>memviz::ReplacementLabView</name>
    <message>
        <source>FIFO evicts the page that was loaded first, however often it is used.</source>
        <translation>FIFO 淘汰最先调入的页，无论它被使用得多频繁。</translation>
    </message>
    <message>
        <source>LRU evicts the page whose last use lies furthest back.</source>
        <translation>LRU 淘汰最近一次使用距今最久的页。</translation>
    </message>
    <message>
        <source>OPT (Belady&apos;s optimum) evicts the page whose next use lies farthest ahead: the fewest misses possible, but only with knowledge of the future.</source>
        <translation>OPT（Belady 最优算法）淘汰下一次使用距现在最远的页：缺页次数最少，但前提是预先知道未来的访问。</translation>
    </message>
    <message>
        <source>CLOCK (second chance): the hand passes over pages whose use bit is set, clearing it, and evicts the first page without one.</source>
        <translation>CLOCK（第二次机会）：指针扫过使用位为 1 的页并将其清零，淘汰遇到的第一个使用位为 0 的页。</translation>
    </message>
    <message>
        <source>LINUX: a new page joins the inactive list; a second access moves it to the active list; reclaim takes the inactive list&apos;s tail, giving a referenced page another round.</source>
        <translation>LINUX：新页加入不活跃链表；再次访问时移到活跃链表；回收从不活跃链表的尾部取页，被访问过的页可以再留一轮。</translation>
    </message>
    <message>
        <source>hit: %1 is already in frame %2; FIFO&apos;s order does not change</source>
        <translation>命中：页 %1 已在页框 %2 中；FIFO 的顺序不变</translation>
    </message>
    <message>
        <source>hit: %1 is in frame %2 and becomes the most recently used page</source>
        <translation>命中：页 %1 在页框 %2 中，成为最近使用的页</translation>
    </message>
    <message>
        <source>hit: %1 is already in frame %2</source>
        <translation>命中：页 %1 已在页框 %2 中</translation>
    </message>
    <message>
        <source>hit: %1 is in frame %2; its use bit stays set</source>
        <translation>命中：页 %1 在页框 %2 中；其使用位保持为 1</translation>
    </message>
    <message>
        <source>hit: %1 is in frame %2; its use bit is set</source>
        <translation>命中：页 %1 在页框 %2 中；其使用位置为 1</translation>
    </message>
    <message>
        <source>hit: %1 was referenced before on the inactive list: mark_page_accessed() moves it to the active list</source>
        <translation>命中：页 %1 此前已在不活跃链表上被访问过：mark_page_accessed() 将其移到活跃链表</translation>
    </message>
    <message>
        <source>hit: %1 on the active list gets PG_referenced</source>
        <translation>命中：活跃链表上的页 %1 被设置 PG_referenced</translation>
    </message>
    <message>
        <source>hit: %1 on the inactive list gets PG_referenced (mark_page_accessed)</source>
        <translation>命中：不活跃链表上的页 %1 被设置 PG_referenced（mark_page_accessed）</translation>
    </message>
    <message>
        <source>hit: %1 is in frame %2 and already has PG_referenced</source>
        <translation>命中：页 %1 在页框 %2 中，且已设置 PG_referenced</translation>
    </message>
    <message>
        <source>miss: %1 goes into free frame %2 with its use bit set</source>
        <translation>缺页：页 %1 调入空闲页框 %2，使用位置为 1</translation>
    </message>
    <message>
        <source>miss: %1 goes into free frame %2 at the head of the inactive list</source>
        <translation>缺页：页 %1 调入空闲页框 %2，位于不活跃链表头部</translation>
    </message>
    <message>
        <source>miss: %1 goes into free frame %2</source>
        <translation>缺页：页 %1 调入空闲页框 %2</translation>
    </message>
    <message>
        <source>miss: %1 evicts %2 (first in: loaded at step %3)</source>
        <translation>缺页：页 %1 淘汰页 %2（最先进入：于第 %3 步调入）</translation>
    </message>
    <message>
        <source>miss: %1 evicts %2 (least recently used: last used at step %3)</source>
        <translation>缺页：页 %1 淘汰页 %2（最久未使用：最近一次使用在第 %3 步）</translation>
    </message>
    <message>
        <source>miss: %1 evicts %2: next used farthest away (never again)</source>
        <translation>缺页：页 %1 淘汰页 %2：其下次使用最远（以后不再使用）</translation>
    </message>
    <message>
        <source>miss: %1 evicts %2: next used farthest away (at step %3)</source>
        <translation>缺页：页 %1 淘汰页 %2：其下次使用最远（在第 %3 步）</translation>
    </message>
    <message>
        <source>miss: the hand finds %1 with its use bit clear and evicts it for %2</source>
        <translation>缺页：指针找到使用位为 0 的页 %1，将其淘汰以换入页 %2</translation>
    </message>
    <message>
        <source>miss: %1 has its use bit set — cleared, the hand moves on; %2 is evicted for %3</source>
        <translation>缺页：页 %1 的使用位为 1——清零后指针继续前进；淘汰页 %2，换入页 %3</translation>
    </message>
    <message>
        <source>miss: %1 have their use bits set — cleared, the hand moves on; %2 is evicted for %3</source>
        <translation>缺页：页 %1 的使用位均为 1——清零后指针继续前进；淘汰页 %2，换入页 %3</translation>
    </message>
    <message>
        <source>miss: %1 evicts %2 from the tail of the inactive list</source>
        <translation>缺页：页 %1 从不活跃链表尾部淘汰页 %2</translation>
    </message>
    <message>
        <source>; %1 moved to the inactive list (the active list was the longer one)</source>
        <translation>；页 %1 移到不活跃链表（活跃链表较长）</translation>
    </message>
    <message>
        <source>; %1 had PG_referenced — cleared, another round</source>
        <translation>；页 %1 原已设置 PG_referenced——将其清除，再留一轮</translation>
    </message>
    <message>
        <source>“%1” (entry %2, column %3) is not a page number: type whole numbers from 0 to %4, separated by spaces or commas.</source>
        <translation>“%1”（第 %2 项，第 %3 列）不是页号：请输入 0 到 %4 之间的整数，以空格或逗号分隔。</translation>
    </message>
    <message>
        <source>“%1” (entry %2, column %3) is too large: page numbers go from 0 to %4.</source>
        <translation>“%1”（第 %2 项，第 %3 列）太大：页号范围是 0 到 %4。</translation>
    </message>
    <message>
        <source>Type at least one page number, for example 1 2 3 4 1 2 5.</source>
        <translation>请至少输入一个页号，例如 1 2 3 4 1 2 5。</translation>
    </message>
    <message>
        <source>%1 references: the lab replays at most %2.</source>
        <translation>访问串含 %1 次访问：本实验最多重放 %2 次。</translation>
    </message>
    <message>
        <source>&amp;String:</source>
        <translation>访问串(&amp;S)：</translation>
    </message>
    <message>
        <source>e.g. 1 2 3 4 1 2 5</source>
        <translation>例如 1 2 3 4 1 2 5</translation>
    </message>
    <message>
        <source>Page numbers (0 to %1) separated by spaces or commas, at most %2; Enter replays them.</source>
        <translation>页号（0 到 %1），以空格或逗号分隔，最多 %2 个；按 Enter 重放。</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>Random:</source>
        <translation>随机：</translation>
    </message>
    <message>
        <source>seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <source>length</source>
        <translation>长度</translation>
    </message>
    <message>
        <source>pages</source>
        <translation>页数</translation>
    </message>
    <message>
        <source>&amp;Generate</source>
        <translation>生成(&amp;G)</translation>
    </message>
    <message>
        <source>A random string for this seed (the same seed always gives the same string); no page twice in a row, since a repeated page always hits.</source>
        <translation>按此种子生成的随机访问串（相同的种子总是得到相同的访问串）；同一页不会连续出现两次，因为紧接着重复访问的页必然命中。</translation>
    </message>
    <message>
        <source>From the &amp;run:</source>
        <translation>取自运行(&amp;R)：</translation>
    </message>
    <message>
        <source>The process whose page accesses are recorded</source>
        <translation>要记录其页访问的进程</translation>
    </message>
    <message>
        <source>Record last %1</source>
        <translation>记录最近 %1 次</translation>
    </message>
    <message>
        <source>The last %1 page accesses of the process up to the player&apos;s position (consecutive accesses to one page count once); pages are numbered 1, 2, 3 … in order of first use.</source>
        <translation>该进程截至播放器当前位置的最近 %1 次页访问（对同一页的连续访问只计一次）；各页按首次使用的顺序编号为 1、2、3 …。</translation>
    </message>
    <message>
        <source>follow the player</source>
        <translation>跟随播放器</translation>
    </message>
    <message>
        <source>Record again at every step of the run</source>
        <translation>在运行的每一步都重新记录</translation>
    </message>
    <message>
        <source>&amp;Frames:</source>
        <translation>页框数(&amp;F)：</translation>
    </message>
    <message>
        <source>compare with %1</source>
        <translation>与 %1 个页框对比</translation>
    </message>
    <message>
        <source>Show every policy a second time with one frame more</source>
        <translation>每种策略再多用一个页框显示一次</translation>
    </message>
    <message>
        <source>Policies:</source>
        <translation>策略：</translation>
    </message>
    <message>
        <source>Belady&apos;s anomaly</source>
        <translation>Belady 异常</translation>
    </message>
    <message>
        <source>FIFO on 1 2 3 4 1 2 5 1 2 3 4 5 with 3 and with 4 frames: more frames, more misses</source>
        <translation>FIFO 在 1 2 3 4 1 2 5 1 2 3 4 5 上分别使用 3 个和 4 个页框：页框更多，缺页反而更多</translation>
    </message>
    <message>
        <source>To the start (Home)</source>
        <translation>到开头（Home）</translation>
    </message>
    <message>
        <source>Step back (←)</source>
        <translation>后退一步（←）</translation>
    </message>
    <message>
        <source>Step forward (→)</source>
        <translation>前进一步（→）</translation>
    </message>
    <message>
        <source>To the end (End)</source>
        <translation>到末尾（End）</translation>
    </message>
    <message>
        <source>Misses by frames</source>
        <translation>缺页次数随页框数的变化</translation>
    </message>
    <message>
        <source>Misses of the whole string with 1, 2, 3 … frames. A line that goes up is Belady&apos;s anomaly: LRU and OPT never show one (they are stack algorithms: n frames always hold what n − 1 would), FIFO and CLOCK can.</source>
        <translation>整个访问串在 1、2、3 … 个页框下的缺页次数。曲线上升之处即为 Belady 异常：LRU 和 OPT 从不出现这种情况（它们是栈算法：n 个页框中的页总是包含 n − 1 个页框时会有的页），FIFO 和 CLOCK 则可能出现。</translation>
    </message>
    <message>
        <source>frames</source>
        <translation>页框数</translation>
    </message>
    <message>
        <source>misses</source>
        <translation>缺页次数</translation>
    </message>
    <message>
        <source>Page-replacement lab</source>
        <translation>页面置换实验</translation>
    </message>
    <message>
        <source>A reference string replayed under several page-replacement policies side by side</source>
        <translation>同一访问串在多种页面置换策略下并排重放</translation>
    </message>
    <message>
        <source>The reference string is empty.</source>
        <translation>访问串为空。</translation>
    </message>
    <message>
        <source>Page %1 (entry %2) is out of range: page numbers go from 0 to %3.</source>
        <translation>页 %1（第 %2 项）超出范围：页号为 0 到 %3。</translation>
    </message>
    <message>
        <source>No run to record from yet: run a script or spawn a process first.</source>
        <translation>还没有可供记录的运行：请先运行脚本或创建一个进程。</translation>
    </message>
    <message>
        <source>There is no process %1 at this point of the run.</source>
        <translation>在运行的这一时刻不存在进程 %1。</translation>
    </message>
    <message>
        <source>Process %1 (%2) made no page access up to event %3.</source>
        <translation>截至事件 %3，进程 %1（%2）没有任何页访问。</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1 (ended)</source>
        <translation>%1（已结束）</translation>
    </message>
    <message>
        <source>no process</source>
        <translation>无进程</translation>
    </message>
    <message>
        <source>Typed string: %1 references to %2 distinct pages.</source>
        <translation>输入的访问串：%1 次访问，涉及 %2 个不同的页。</translation>
    </message>
    <message>
        <source>Random string, seed %1: %2 references to pages 1–%3, no page twice in a row.</source>
        <translation>随机访问串，种子 %1：%2 次访问，页号 1–%3，同一页不会连续出现两次。</translation>
    </message>
    <message>
        <source>%1 = 0x%2</source>
        <translation>%1 = 0x%2</translation>
    </message>
    <message>
        <source>Recorded: all %1 page accesses of process %2 (%3) up to event %4 (repeats of one page folded).</source>
        <translation>已记录：进程 %2（%3）截至事件 %4 的全部 %1 次页访问（对同一页的连续访问已合并）。</translation>
    </message>
    <message>
        <source>Recorded: the last %1 page accesses of process %2 (%3) up to event %4 (repeats of one page folded).</source>
        <translation>已记录：进程 %2（%3）截至事件 %4 的最近 %1 次页访问（对同一页的连续访问已合并）。</translation>
    </message>
    <message>
        <source>Virtual pages: %1</source>
        <translation>虚拟页：%1</translation>
    </message>
    <message>
        <source>Belady&apos;s anomaly: FIFO misses %1 times with %2 frames and %3 times with %4 frames on the same string.</source>
        <translation>Belady 异常：在同一访问串上，FIFO 使用 %2 个页框时缺页 %1 次，使用 %4 个页框时缺页 %3 次。</translation>
    </message>
    <message>
        <source>%1: more frames, more misses (Belady&apos;s anomaly) at %2→%3 frames: %4 → %5 misses.</source>
        <translation>%1：页框更多，缺页反而更多（Belady 异常），页框数 %2→%3 时，缺页次数 %4 → %5。</translation>
    </message>
    <message>
        <source>No anomaly on this string: one frame more never costs a miss more.</source>
        <translation>此访问串上没有异常：多一个页框从不会多一次缺页。</translation>
    </message>
    <message>
        <source>step %1 of %2</source>
        <translation>第 %1 步，共 %2 步</translation>
    </message>
    <message>
        <source>Pause (Space)</source>
        <translation>暂停（Space）</translation>
    </message>
    <message>
        <source>Play the string step by step (Space)</source>
        <translation>逐步播放访问串（Space）</translation>
    </message>
    <message>
        <source>Only the accesses inside this mapping of the process (as in /proc/PID/maps), for example the array a program walks; or all of its accesses, exec&apos;s set-up of the stack included</source>
        <translation>只记录进程在这个映射（即 /proc/PID/maps 中的一行）内的访问，例如程序遍历的数组；或者记录它的全部访问（包括 exec 建立栈时的访问）</translation>
    </message>
    <message>
        <source>all mappings</source>
        <translation>全部映射</translation>
    </message>
    <message>
        <source>Process %1 has no mapping at 0x%2 at this point of the run.</source>
        <translation>在运行的这一时刻，进程 %1 在 0x%2 处没有映射。</translation>
    </message>
    <message>
        <source>Process %1 (%2) made no page access inside 0x%3–0x%4 up to event %5.</source>
        <translation>截至事件 %5，进程 %1（%2）在 0x%3–0x%4 内没有任何页访问。</translation>
    </message>
    <message>
        <source>Only accesses inside the mapping 0x%1–0x%2.</source>
        <translation>只计映射 0x%1–0x%2 内的访问。</translation>
    </message>
</context>
<context>
    <name>memviz::ScriptApi</name>
    <message>
        <source>machine() takes an object, e.g. machine({ preset: &quot;x86-64&quot;, ram: &quot;8G&quot; })</source>
        <translation>machine() 需要一个对象参数，例如 machine({ preset: &quot;x86-64&quot;, ram: &quot;8G&quot; })</translation>
    </message>
    <message>
        <source>machine(): unknown option &quot;%1&quot; (known: %2)</source>
        <translation>machine()：未知选项“%1”（已知选项：%2）</translation>
    </message>
    <message>
        <source>machine(): seed must be a whole number ≥ 0</source>
        <translation>machine()：seed 必须是 ≥ 0 的整数</translation>
    </message>
    <message>
        <source>machine(): cpus must be a whole number from 1 to 256</source>
        <translation>machine()：cpus 必须是 1 到 256 之间的整数</translation>
    </message>
    <message>
        <source>machine(): arch must be a preset name or an object like { pageSize: 32, levels: [5, 5], entryBytes: 1, validBit: 7, pfnBits: [0, 6] }</source>
        <translation>machine()：arch 必须是预设名，或形如 { pageSize: 32, levels: [5, 5], entryBytes: 1, validBit: 7, pfnBits: [0, 6] } 的对象</translation>
    </message>
    <message>
        <source>machine(): arch.%1 must be a whole number</source>
        <translation>machine()：arch.%1 必须是整数</translation>
    </message>
    <message>
        <source>machine(): arch.levels must list the index bits of each level, e.g. [5, 5]</source>
        <translation>machine()：arch.levels 必须列出每一级的索引位数，例如 [5, 5]</translation>
    </message>
    <message>
        <source>machine(): arch.pfnBits must be [lowest bit, highest bit] of the frame number</source>
        <translation>machine()：arch.pfnBits 必须是页框号的 [最低位, 最高位]</translation>
    </message>
    <message>
        <source>machine(): tlb must be an object like { entries: 64, ways: 4, policy: &quot;LRU&quot;, pcid: true }</source>
        <translation>machine()：tlb 必须是形如 { entries: 64, ways: 4, policy: &quot;LRU&quot;, pcid: true } 的对象</translation>
    </message>
    <message>
        <source>machine(): tlb.entries must be a multiple of tlb.ways (both powers of two)</source>
        <translation>machine()：tlb.entries 必须是 tlb.ways 的整数倍（两者都须是 2 的幂）</translation>
    </message>
    <message>
        <source>machine(): tlb.policy must be &quot;LRU&quot;, &quot;FIFO&quot; or &quot;random&quot;</source>
        <translation>machine()：tlb.policy 必须是 &quot;LRU&quot;、&quot;FIFO&quot; 或 &quot;random&quot;</translation>
    </message>
    <message>
        <source>machine(): nodes must list the NUMA nodes, e.g. nodes: [{ ram: &quot;8G&quot; }, { ram: &quot;8G&quot; }]</source>
        <translation>machine()：nodes 必须列出各个 NUMA 节点，例如 nodes: [{ ram: &quot;8G&quot; }, { ram: &quot;8G&quot; }]</translation>
    </message>
    <message>
        <source>machine(): nodes[%1] needs its memory, e.g. { ram: &quot;8G&quot; } (add memoryOnly: true for a node without CPUs)</source>
        <translation>machine()：nodes[%1] 需要指定内存大小，例如 { ram: &quot;8G&quot; }（没有 CPU 的节点再加上 memoryOnly: true）</translation>
    </message>
    <message>
        <source>machine(): distance must be a matrix like [[10, 20], [20, 10]]</source>
        <translation>machine()：distance 必须是形如 [[10, 20], [20, 10]] 的矩阵</translation>
    </message>
    <message>
        <source>machine(): distance[%1][%2] must be a whole number like 10 or 20</source>
        <translation>machine()：distance[%1][%2] 必须是整数，例如 10 或 20</translation>
    </message>
    <message>
        <source>machine(): distance[%1] must be a row of numbers</source>
        <translation>machine()：distance[%1] 必须是一行数字</translation>
    </message>
    <message>
        <source>machine(): slab must be &quot;slab&quot; (the classic allocator of the notes) or &quot;slub&quot; (Linux 6.8 and later)</source>
        <translation>machine()：slab 必须是 &quot;slab&quot;（笔记中讲的经典分配器）或 &quot;slub&quot;（Linux 6.8 及以后的版本）</translation>
    </message>
    <message>
        <source>lab.replacement({ policy: &quot;FIFO&quot; | &quot;LRU&quot; | &quot;OPT&quot; | &quot;CLOCK&quot; | &quot;LINUX&quot;, frames: 3, refs: [1, 2, 3, 4, 1, 2, 5] })</source>
        <translation>lab.replacement({ policy: &quot;FIFO&quot; | &quot;LRU&quot; | &quot;OPT&quot; | &quot;CLOCK&quot; | &quot;LINUX&quot;, frames: 3, refs: [1, 2, 3, 4, 1, 2, 5] })</translation>
    </message>
    <message>
        <source>lab.replacement(): unknown policy &quot;%1&quot; (FIFO, LRU, OPT, CLOCK or LINUX)</source>
        <translation>lab.replacement()：未知的置换策略“%1”（可选 FIFO、LRU、OPT、CLOCK 或 LINUX）</translation>
    </message>
    <message>
        <source>lab.replacement(): frames must be a whole number from 1 to 64</source>
        <translation>lab.replacement()：frames 必须是 1 到 64 之间的整数</translation>
    </message>
    <message>
        <source>lab.replacement(): refs[%1] must be a page number (a whole number ≥ 0)</source>
        <translation>lab.replacement()：refs[%1] 必须是页号（≥ 0 的整数）</translation>
    </message>
</context>
<context>
    <name>memviz::ScriptEditor</name>
    <message>
        <source>Open…</source>
        <translation>打开…</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Run the script (F5). A failed script leaves the session as it was.</source>
        <translation>运行脚本（F5）。脚本失败时，会话保持原样。</translation>
    </message>
    <message>
        <source>Untitled script</source>
        <translation>未命名脚本</translation>
    </message>
    <message>
        <source>Open script</source>
        <translation>打开脚本</translation>
    </message>
    <message>
        <source>JavaScript (*.js);;All files (*)</source>
        <translation>JavaScript (*.js);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>Save script</source>
        <translation>保存脚本</translation>
    </message>
    <message>
        <source>JavaScript (*.js)</source>
        <translation>JavaScript (*.js)</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Unsaved script</source>
        <translation>脚本未保存</translation>
    </message>
    <message>
        <source>The script &quot;%1&quot; has changes that are not saved. Save them first?</source>
        <translation>脚本“%1”有尚未保存的修改。要先保存吗？</translation>
    </message>
</context>
<context>
    <name>memviz::ScriptEngine</name>
    <message>
        <source>the script ran for more than %1 s and was stopped (an endless loop?)</source>
        <translation>脚本运行超过 %1 秒，已被停止（死循环？）</translation>
    </message>
</context>
<context>
    <name>memviz::SessionFile</name>
    <message>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <source>true</source>
        <translation>true</translation>
    </message>
    <message>
        <source>false</source>
        <translation>false</translation>
    </message>
    <message>
        <source>the number %1</source>
        <translation>数字 %1</translation>
    </message>
    <message>
        <source>the text &quot;%1&quot;</source>
        <translation>文本“%1”</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>列表</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>空</translation>
    </message>
    <message>
        <source>expected %1, found %2</source>
        <translation>应为%1，实际为%2</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true 或 false</translation>
    </message>
    <message>
        <source>text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>a view id such as &quot;walk&quot;</source>
        <translation>视图 ID（例如 &quot;walk&quot;）</translation>
    </message>
    <message>
        <source>a whole number from %1 to %2</source>
        <translation>%1 到 %2 之间的整数</translation>
    </message>
    <message>
        <source>a whole number from %1 to %2 written as a decimal string, e.g. &quot;4096&quot;</source>
        <translation>写成十进制字符串的 %1 到 %2 之间的整数（例如 &quot;4096&quot;）</translation>
    </message>
    <message>
        <source>one of %1</source>
        <translation>%1 之一</translation>
    </message>
    <message>
        <source>missing (expected %1)</source>
        <translation>缺失（应为%1）</translation>
    </message>
    <message>
        <source>the text is too long (%1 characters, at most %2)</source>
        <translation>文本太长（%1 个字符，最多 %2 个）</translation>
    </message>
    <message>
        <source>is not valid base64</source>
        <translation>不是有效的 base64</translation>
    </message>
    <message>
        <source>a machine has 1 to 6 paging levels, this list has %1</source>
        <translation>一台机器有 1 到 6 级分页，而此列表有 %1 项</translation>
    </message>
    <message>
        <source>the textbook machine these page size, levels and entries describe</source>
        <translation>这些页大小、级数和页表项所描述的教科书机器</translation>
    </message>
    <message>
        <source>unknown architecture &quot;%1&quot; (known: %2, or a custom one with &quot;custom&quot;: true)</source>
        <translation>未知架构“%1”（已知架构：%2，或使用 &quot;custom&quot;: true 的自定义架构）</translation>
    </message>
    <message>
        <source>the %1 architecture</source>
        <translation>%1 架构</translation>
    </message>
    <message>
        <source>%1 does not match %2, which has %3</source>
        <translation>%1 与 %2 不符（后者为 %3）</translation>
    </message>
    <message>
        <source>a decimal string</source>
        <translation>十进制字符串</translation>
    </message>
    <message>
        <source>expected 6 numbers (one per zone type), found %1</source>
        <translation>应为 6 个数（每种内存域类型一个），实际为 %1 个</translation>
    </message>
    <message>
        <source>%1 NUMA nodes: memviz supports 1 to %2 nodes</source>
        <translation>%1 个 NUMA 节点：memviz 支持 1 到 %2 个节点</translation>
    </message>
    <message>
        <source>the distance matrix has %1 rows: it needs one row per NUMA node</source>
        <translation>距离矩阵有 %1 行：每个 NUMA 节点需要一行</translation>
    </message>
    <message>
        <source>row %1 of the distance matrix has the wrong length: it needs one entry per NUMA node</source>
        <translation>距离矩阵第 %1 行的长度不对：每个 NUMA 节点需要一项</translation>
    </message>
    <message>
        <source>missing: this is not a memviz session</source>
        <translation>缺失：这不是 memviz 会话</translation>
    </message>
    <message>
        <source>expected &quot;%1&quot;, found %2: this is not a memviz session</source>
        <translation>应为“%1”，实际为%2：这不是 memviz 会话</translation>
    </message>
    <message>
        <source>a whole number</source>
        <translation>整数</translation>
    </message>
    <message>
        <source>made by a newer memviz (format version %1); this memviz reads version %2</source>
        <translation>由更新版本的 memviz 创建（格式版本 %1）；此 memviz 只能读取版本 %2</translation>
    </message>
    <message>
        <source>the event counts add up to more than 2^64</source>
        <translation>事件计数之和超过 2^64</translation>
    </message>
    <message>
        <source>must not contain a NUL character</source>
        <translation>不得包含 NUL 字符</translation>
    </message>
    <message>
        <source>the first string must be empty (id 0 means no name)</source>
        <translation>第一个字符串必须为空（id 0 表示没有名称）</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is listed twice</source>
        <translation>“%1”出现了两次</translation>
    </message>
    <message>
        <source>the list is empty: the first string must be the empty one</source>
        <translation>列表为空：第一个字符串必须是空字符串</translation>
    </message>
    <message>
        <source>%1 events, but the commands&apos; event counts add up to %2</source>
        <translation>共 %1 个事件，但各命令的事件计数之和为 %2</translation>
    </message>
    <message>
        <source>line %1, column %2</source>
        <translation>第 %1 行第 %2 列</translation>
    </message>
    <message>
        <source>Cannot open the session &quot;%1&quot;: %2</source>
        <translation>无法打开会话“%1”：%2</translation>
    </message>
    <message>
        <source>Cannot open the session &quot;%1&quot;: at %2: %3</source>
        <translation>无法打开会话“%1”：位于 %2：%3</translation>
    </message>
    <message>
        <source>Cannot save the session &quot;%1&quot;: %2</source>
        <translation>无法保存会话“%1”：%2</translation>
    </message>
    <message>
        <source>the event counts of the commands are missing (build the data with sessionFromSimulator())</source>
        <translation>缺少各命令的事件计数（请用 sessionFromSimulator() 构建数据）</translation>
    </message>
    <message>
        <source>it is a folder</source>
        <translation>这是一个文件夹</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>文件为空</translation>
    </message>
    <message>
        <source>the file is not text: this is not a memviz session</source>
        <translation>文件不是文本：这不是 memviz 会话</translation>
    </message>
    <message>
        <source>the file ends in the middle of the JSON text: it is truncated (%1)</source>
        <translation>文件在 JSON 文本中途结束：文件被截断了（%1）</translation>
    </message>
    <message>
        <source>not valid JSON (%1)</source>
        <translation>不是有效的 JSON（%1）</translation>
    </message>
    <message>
        <source>the top level</source>
        <translation>顶层</translation>
    </message>
    <message>
        <source>expected a JSON object, found %1: this is not a memviz session</source>
        <translation>应为 JSON 对象，实际为%1：这不是 memviz 会话</translation>
    </message>
    <message>
        <source>a single value</source>
        <translation>单个值</translation>
    </message>
    <message>
        <source>the commands&apos; event counts are missing</source>
        <translation>缺少各命令的事件计数</translation>
    </message>
    <message>
        <source>a fresh boot of this machine names its string %1 &quot;%2&quot;, the file %3</source>
        <translation>这台机器全新启动时把字符串 %1 命名为 &quot;%2&quot;，而文件中为 %3</translation>
    </message>
    <message>
        <source>the %1 command is refused when the run is rebuilt: %2</source>
        <translation>重建运行过程时，%1 命令被拒绝：%2</translation>
    </message>
    <message>
        <source>rebuilding the run, this %1 command makes %2 events, but the file records %3: the file was changed, or made by a memviz that simulates differently</source>
        <translation>重建运行过程时，这条 %1 命令产生了 %2 个事件，但文件记录的是 %3 个：文件被修改过，或者是由模拟方式不同的 memviz 创建的</translation>
    </message>
    <message>
        <source>the rebuilt run has %1 events, the file records %2</source>
        <translation>重建后的运行过程有 %1 个事件，文件记录的是 %2 个</translation>
    </message>
    <message>
        <source>the rebuilt run&apos;s events differ from the recorded ones (checksum %1, the file records %2): the file was changed, or made by a memviz that simulates differently</source>
        <translation>重建后的运行过程的事件与记录的不一致（校验和 %1，文件记录的是 %2）：文件被修改过，或者是由模拟方式不同的 memviz 创建的</translation>
    </message>
    <message>
        <source>there is no such file</source>
        <translation>文件不存在</translation>
    </message>
    <message>
        <source>it is a folder, not a session file</source>
        <translation>这是一个文件夹，不是会话文件</translation>
    </message>
    <message>
        <source>the file is too large (%1 bytes; a session is at most %2 bytes)</source>
        <translation>文件太大（%1 字节；会话文件最多 %2 字节）</translation>
    </message>
    <message>
        <source>the machine&apos;s names are not valid UTF-8 text or hold a NUL character</source>
        <translation>机器的名称不是有效的 UTF-8 文本，或含有 NUL 字符</translation>
    </message>
    <message>
        <source>the text of command %1 is not valid UTF-8 or holds a NUL character</source>
        <translation>命令 %1 的文本不是有效的 UTF-8，或含有 NUL 字符</translation>
    </message>
    <message>
        <source>a name in the simulator&apos;s string table is not valid UTF-8 or holds a NUL character</source>
        <translation>模拟器字符串表中的某个名称不是有效的 UTF-8，或含有 NUL 字符</translation>
    </message>
    <message>
        <source>it would be %L1 bytes; memviz opens sessions of at most %L2 bytes</source>
        <translation>文件将有 %L1 字节；memviz 只能打开不超过 %L2 字节的会话</translation>
    </message>
    <message>
        <source>memviz could not open it again: at %1: %2</source>
        <translation>memviz 无法再次打开它：位于 %1：%2</translation>
    </message>
</context>
<context>
    <name>memviz::SlabView</name>
    <message>
        <source>full</source>
        <translation>满</translation>
    </message>
    <message>
        <source>partial</source>
        <translation>部分</translation>
    </message>
    <message>
        <source>free</source>
        <translation>空闲</translation>
    </message>
    <message>
        <source>cpu slab</source>
        <translation>cpu slab</translation>
    </message>
    <message>
        <source>in use</source>
        <translation>已使用</translation>
    </message>
    <message>
        <source>object in use</source>
        <translation>已使用的对象</translation>
    </message>
    <message>
        <source>free object</source>
        <translation>空闲对象</translation>
    </message>
    <message>
        <source>next</source>
        <translation>下一个</translation>
    </message>
    <message>
        <source>handed out next</source>
        <translation>下一个被分配</translation>
    </message>
    <message>
        <source>share in use</source>
        <translation>已使用比例</translation>
    </message>
    <message>
        <source>share in use (objects too small to draw)</source>
        <translation>已使用比例（对象太小，无法逐个绘制）</translation>
    </message>
    <message>
        <source>left over</source>
        <translation>剩余空间</translation>
    </message>
    <message>
        <source>this step</source>
        <translation>本步</translation>
    </message>
    <message>
        <source>S&amp;how:</source>
        <translation>显示(&amp;H)：</translation>
    </message>
    <message>
        <source>caches in use</source>
        <translation>使用中的缓存</translation>
    </message>
    <message>
        <source>all caches</source>
        <translation>全部缓存</translation>
    </message>
    <message>
        <source>kmalloc only</source>
        <translation>仅 kmalloc</translation>
    </message>
    <message>
        <source>&quot;Caches in use&quot;: caches that have slabs, the caches a script created and the cache of the current step. The kernel&apos;s boot caches (kmalloc-8 … kmalloc-8k, kmem_cache, task_struct) are listed after the script&apos;s own.</source>
        <translation>“使用中的缓存”：拥有 slab 的缓存、脚本创建的缓存，以及当前步骤涉及的缓存。内核启动时创建的缓存（kmalloc-8 … kmalloc-8k、kmem_cache、task_struct）排在脚本自己的缓存之后。</translation>
    </message>
    <message>
        <source>Slab caches</source>
        <translation>Slab 缓存</translation>
    </message>
    <message>
        <source>Each slab cache with its slabs on their lists, and the objects of each slab in use or free</source>
        <translation>每个 slab 缓存及其各链表上的 slab，以及每个 slab 中已使用或空闲的对象</translation>
    </message>
    <message>
        <source>SLUB (Linux 6.8+): the CPU allocates from its cpu slab, then from a slab of the node&apos;s partial list, then from a new slab from the buddy allocator. Full slabs are on no list (drawn apart here).</source>
        <translation>SLUB（Linux 6.8+）：CPU 先从它的 cpu slab 分配，其次从节点部分链表上的 slab 分配，最后从伙伴分配器取得新的 slab。满 slab 不在任何链表上（这里单独画出）。</translation>
    </message>
    <message>
        <source>SLAB, as the notes draw it: each cache has three lists, full, partial and free. Allocation takes a partial slab, then a free one, and only then grows the cache by a slab from the buddy allocator.</source>
        <translation>SLAB（按笔记中的画法）：每个缓存有三个链表：满、部分和空闲。分配时先取部分 slab，再取空闲 slab，都没有时才从伙伴分配器取一个 slab 来扩充缓存。</translation>
    </message>
    <message>
        <source>kfree(%1): a large kmalloc is not in a slab; its %2 go straight back to the buddy allocator.</source>
        <translation>kfree(%1)：大块 kmalloc 不在 slab 中；它的 %2 直接归还给伙伴分配器。</translation>
    </message>
    <message>
        <source>kmalloc(%1) is larger than %2: it goes straight to the buddy allocator (order %3 at pfn %4), no slab cache.</source>
        <translation>kmalloc(%1) 大于 %2：直接交给伙伴分配器（%3 阶，pfn %4），不经过 slab 缓存。</translation>
    </message>
    <message>
        <source>%1–%2</source>
        <translation>%1–%2</translation>
    </message>
    <message>
        <source> The slab becomes the cpu slab.</source>
        <translation> 该 slab 成为 cpu slab。</translation>
    </message>
    <message>
        <source> The slab moves from the %1 list to the %2 list.</source>
        <translation> 该 slab 从%1链表移到%2链表。</translation>
    </message>
    <message>
        <source>kmem_cache_create(&quot;%1&quot;, %2): objects of %3 bytes (stride %4), %5 per slab of %6 (order %7). It has no slabs yet: the first allocation grows it.</source>
        <translation>kmem_cache_create(&quot;%1&quot;, %2)：对象 %3 字节（步长 %4），每个 %6 的 slab 容纳 %5 个（%7 阶）。它还没有 slab：第一次分配时才会扩充。</translation>
    </message>
    <message>
        <source>%1 grows: the buddy allocator gives %2 (order %3, pfn %4), cut into %5 objects of %6 bytes. The new slab becomes the cpu slab.</source>
        <translation>%1 扩充：伙伴分配器提供 %2（%3 阶，pfn %4），切分成 %5 个 %6 字节的对象。新 slab 成为 cpu slab。</translation>
    </message>
    <message>
        <source>%1 grows: the buddy allocator gives %2 (order %3, pfn %4), cut into %5 objects of %6 bytes. The new slab joins the free list.</source>
        <translation>%1 扩充：伙伴分配器提供 %2（%3 阶，pfn %4），切分成 %5 个 %6 字节的对象。新 slab 加入空闲链表。</translation>
    </message>
    <message>
        <source>%1 hands out object %2 of the slab at pfn %3: address %4 (%5 of %6 objects of the slab in use).</source>
        <translation>%1 分配出 pfn %3 处 slab 的对象 %2：地址 %4（该 slab 的 %6 个对象中已使用 %5 个）。</translation>
    </message>
    <message>
        <source>Object %1 at %2 goes back to its slab of %3 at pfn %4 (%5 of %6 objects of the slab in use).</source>
        <translation>位于 %2 的对象 %1 回到它所属的 %3 slab（pfn %4）（该 slab 的 %6 个对象中已使用 %5 个）。</translation>
    </message>
    <message>
        <source>deactivate_slab(): the cpu slab of %1 goes back to the node, onto the %2 list.</source>
        <translation>deactivate_slab()：%1 的 cpu slab 回到节点，放入%2链表。</translation>
    </message>
    <message>
        <source>%1 gives an empty slab back: pfn %2 (order %3) returns to the buddy allocator.</source>
        <translation>%1 归还一个空 slab：pfn %2（%3 阶）回到伙伴分配器。</translation>
    </message>
    <message>
        <source>kfree(%1): the object belongs to %2, which takes it back.</source>
        <translation>kfree(%1)：该对象属于 %2，由它收回。</translation>
    </message>
    <message>
        <source>kmalloc(%1) is served by %2, the smallest size class that fits: object at %3 (%4 bytes of it unused).</source>
        <translation>kmalloc(%1) 由 %2 提供，这是能容纳它的最小大小类别：对象位于 %3（其中 %4 字节未使用）。</translation>
    </message>
    <message>
        <source>full (SLUB keeps no list) · %1</source>
        <translation>满（SLUB 不维护链表） · %1</translation>
    </message>
    <message>
        <source>full (slabs_full) · %1</source>
        <translation>满（slabs_full） · %1</translation>
    </message>
    <message>
        <source>partial (node list) · %1</source>
        <translation>部分（节点链表） · %1</translation>
    </message>
    <message>
        <source>partial (slabs_partial) · %1</source>
        <translation>部分（slabs_partial） · %1</translation>
    </message>
    <message>
        <source>free (slabs_free) · %1</source>
        <translation>空闲（slabs_free） · %1</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Slabs with every object in use. SLUB keeps them on no list (only with slub_debug); memviz draws them here. A free into one of them puts it on the partial list.</source>
        <translation>所有对象都已使用的 slab。SLUB 不把它们放在任何链表上（仅在启用 slub_debug 时才放）；memviz 把它们画在这里。释放其中的一个对象会把该 slab 放到部分链表上。</translation>
    </message>
    <message>
        <source>slabs_full: slabs with every object in use. A free moves the slab to slabs_partial.</source>
        <translation>slabs_full：所有对象都已使用的 slab。释放一个对象会把该 slab 移到 slabs_partial。</translation>
    </message>
    <message>
        <source>The node&apos;s partial list: slabs with free objects that are not the cpu slab. When the cpu slab is full, the CPU takes the first of these.</source>
        <translation>节点的部分链表：有空闲对象、且不是 cpu slab 的 slab。cpu slab 用满时，CPU 取其中的第一个。</translation>
    </message>
    <message>
        <source>slabs_partial: slabs with some objects in use. Allocation looks here first; a slab that fills up moves to slabs_full, one that empties to slabs_free.</source>
        <translation>slabs_partial：部分对象已使用的 slab。分配时先查找这里；填满的 slab 移到 slabs_full，全部空出的移到 slabs_free。</translation>
    </message>
    <message>
        <source>slabs_free: slabs with no object in use. Allocation uses them when no partial slab is left; they go back to the buddy allocator when the node holds more free objects than its free_limit, or at kmem_cache_shrink().</source>
        <translation>slabs_free：没有任何对象在使用的 slab。没有部分 slab 可用时，分配才使用它们；当节点持有的空闲对象多于其 free_limit，或调用 kmem_cache_shrink() 时，它们被归还给伙伴分配器。</translation>
    </message>
    <message>
        <source>The cpu slab (kmem_cache_cpu-&gt;slab): the one slab this CPU allocates from, without taking the node&apos;s lock.</source>
        <translation>cpu slab（kmem_cache_cpu-&gt;slab）：该 CPU 从中分配的那一个 slab，分配时无需获取节点的锁。</translation>
    </message>
    <message>
        <source>object size %1 bytes, stride %2 bytes (aligned to %3)</source>
        <translation>对象大小 %1 字节，步长 %2 字节（按 %3 对齐）</translation>
    </message>
    <message>
        <source>%1 objects per slab of %2 (order %3)</source>
        <translation>每个 %2 的 slab 含 %1 个对象（%3 阶）</translation>
    </message>
    <message>
        <source>%1 of %2 objects in use, %3 slabs</source>
        <translation>已使用 %1/%2 个对象，%3 个 slab</translation>
    </message>
    <message>
        <source>since boot: %1 allocations, %2 frees, %3 slabs grown, %4 given back</source>
        <translation>自启动以来：分配 %1 次，释放 %2 次，扩充 %3 个 slab，归还 %4 个</translation>
    </message>
    <message>
        <source>min_partial %1: empty slabs the node keeps on its partial list</source>
        <translation>min_partial %1：节点在其部分链表上保留的空 slab 数</translation>
    </message>
    <message>
        <source>tunables: limit %1, batchcount %2, shared %3</source>
        <translation>可调参数：limit %1，batchcount %2，shared %3</translation>
    </message>
    <message>
        <source>a kmalloc size class</source>
        <translation>一个 kmalloc 大小类别</translation>
    </message>
    <message>
        <source>created at boot by the kernel</source>
        <translation>由内核在启动时创建</translation>
    </message>
    <message>
        <source>reclaimable (SReclaimable)</source>
        <translation>可回收（SReclaimable）</translation>
    </message>
    <message>
        <source>SLAB_HWCACHE_ALIGN</source>
        <translation>SLAB_HWCACHE_ALIGN</translation>
    </message>
    <message>
        <source>%1, object %2 of %3</source>
        <translation>%1，对象 %2（共 %3 个）</translation>
    </message>
    <message>
        <source>slab at pfn %1 (%2 list)</source>
        <translation>slab 位于 pfn %1（%2链表）</translation>
    </message>
    <message>
        <source>slab at pfn %1–%2 (%3 list)</source>
        <translation>slab 位于 pfn %1–%2（%3链表）</translation>
    </message>
    <message>
        <source>address %1</source>
        <translation>地址 %1</translation>
    </message>
    <message>
        <source>free: the cache hands it out next</source>
        <translation>空闲：缓存下一个分配的就是它</translation>
    </message>
    <message>
        <source>free: first on this slab&apos;s freelist</source>
        <translation>空闲：位于该 slab 的 freelist 首位</translation>
    </message>
    <message>
        <source>%1 bytes left over at the end of the slab: %2 objects of %3 bytes fill %4 of %5 bytes.</source>
        <translation>slab 末尾剩余 %1 字节：%2 个 %3 字节的对象占用了 %5 字节中的 %4 字节。</translation>
    </message>
    <message>
        <source>%1 more slabs on the %2 list are not drawn. A bigger view shows more of them.</source>
        <translation>%2链表上还有 %1 个 slab 未画出。放大视图可以显示更多。</translation>
    </message>
    <message>
        <source>The buddy allocator: a slab is 2^order contiguous pages from it (alloc_pages()), and an empty slab goes back to it (free_pages()).</source>
        <translation>伙伴分配器：slab 是从它取得的 2^order 个连续页（alloc_pages()），空 slab 会归还给它（free_pages()）。</translation>
    </message>
    <message>
        <source>memviz simplifies: one CPU, so SLAB has no per-CPU array caches and SLUB no per-CPU partial list; no slab colouring, no merging of caches, no constructors.</source>
        <translation>memviz 的简化：只有一个 CPU，因此 SLAB 没有每 CPU array cache，SLUB 没有每 CPU 部分链表；没有 slab 着色，不合并缓存，没有构造函数。</translation>
    </message>
    <message>
        <source>+%1 more</source>
        <translation>+%1 个</translation>
    </message>
    <message>
        <source>buddy allocator</source>
        <translation>伙伴分配器</translation>
    </message>
    <message>
        <source>No machine yet.</source>
        <translation>尚未创建机器。</translation>
    </message>
    <message>
        <source>No cache to show with this filter.</source>
        <translation>此筛选条件下没有可显示的缓存。</translation>
    </message>
    <message>
        <source>SLUB</source>
        <translation>SLUB</translation>
    </message>
    <message>
        <source>SLAB</source>
        <translation>SLAB</translation>
    </message>
    <message>
        <source>%1 · %2 caches · %3 slabs · %4</source>
        <translation>%1 · %2 个缓存 · %3 个 slab · %4</translation>
    </message>
    <message>
        <source>%1-byte objects</source>
        <translation>%1 字节的对象</translation>
    </message>
    <message>
        <source>%1-byte objects (stride %2)</source>
        <translation>%1 字节的对象（步长 %2）</translation>
    </message>
    <message>
        <source>%1 · %2 per slab of %3 (order %4) · %5 / %6 objects in use</source>
        <translation>%1 · 每个 %3 的 slab 含 %2 个（%4 阶） · 已使用 %5 / %6 个对象</translation>
    </message>
    <message>
        <source>%1 B · %2/slab · %3 · %4/%5 in use</source>
        <translation>%1 B · %2/slab · %3 · 已用 %4/%5</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>空</translation>
    </message>
    <message>
        <source>slab at pfn %1 (%2)</source>
        <translation>slab 位于 pfn %1（%2）</translation>
    </message>
    <message>
        <source>slab at pfn %1–%2 (%3, order %4)</source>
        <translation>slab 位于 pfn %1–%2（%3，%4 阶）</translation>
    </message>
    <message>
        <source> · object %1 at %2</source>
        <translation> · 对象 %1，位于 %2</translation>
    </message>
    <message>
        <source> · back to the buddy allocator</source>
        <translation> · 归还给伙伴分配器</translation>
    </message>
    <message>
        <source> · from the buddy allocator</source>
        <translation> · 来自伙伴分配器</translation>
    </message>
    <message>
        <source>pfn %1 · object %2 · %3</source>
        <translation>pfn %1 · 对象 %2 · %3</translation>
    </message>
    <message>
        <source>pfn %1, order %2</source>
        <translation>pfn %1，%2 阶</translation>
    </message>
</context>
<context>
    <name>memviz::TableExport</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>CSV table (*.csv)</source>
        <translation>CSV 表格 (*.csv)</translation>
    </message>
    <message>
        <source>Plain-text table (*.txt)</source>
        <translation>纯文本表格 (*.txt)</translation>
    </message>
    <message>
        <source>policy</source>
        <translation>策略</translation>
    </message>
    <message>
        <source>frames</source>
        <translation>页框数</translation>
    </message>
    <message>
        <source>step</source>
        <translation>步</translation>
    </message>
    <message>
        <source>page</source>
        <translation>页</translation>
    </message>
    <message>
        <source>virtual page</source>
        <translation>虚拟页</translation>
    </message>
    <message>
        <source>hit or miss</source>
        <translation>命中或缺页</translation>
    </message>
    <message>
        <source>victim</source>
        <translation>被淘汰页</translation>
    </message>
    <message>
        <source>frames after the access</source>
        <translation>访问后的页框</translation>
    </message>
    <message>
        <source>what happened</source>
        <translation>发生了什么</translation>
    </message>
    <message>
        <source>hit</source>
        <translation>命中</translation>
    </message>
    <message>
        <source>miss</source>
        <translation>缺页</translation>
    </message>
</context>
<context>
    <name>memviz::TimelinePlot</name>
    <message>
        <source>MemTotal: all the RAM the kernel manages</source>
        <translation>MemTotal：内核管理的全部 RAM</translation>
    </message>
    <message>
        <source>MemTotal − MemAvailable: memory in use that cannot be reclaimed easily</source>
        <translation>MemTotal − MemAvailable：正在使用、不易回收的内存</translation>
    </message>
    <message>
        <source>MemFree: pages on the buddy allocator&apos;s free lists</source>
        <translation>MemFree：伙伴分配器空闲链表上的页</translation>
    </message>
    <message>
        <source>Shmem: shared memory and tmpfs</source>
        <translation>Shmem：共享内存和 tmpfs</translation>
    </message>
    <message>
        <source>Buffers + Cached + SReclaimable: page cache and reclaimable slab</source>
        <translation>Buffers + Cached + SReclaimable：页缓存和可回收的 slab</translation>
    </message>
    <message>
        <source>MemAvailable: what a new program could get without swapping (si_mem_available())</source>
        <translation>MemAvailable：新程序无需交换即可获得的内存（si_mem_available()）</translation>
    </message>
    <message>
        <source>SwapTotal − SwapFree: swap slots in use</source>
        <translation>SwapTotal − SwapFree：已用的交换槽位</translation>
    </message>
    <message>
        <source>MemFree</source>
        <translation>MemFree</translation>
    </message>
    <message>
        <source>MemAvailable</source>
        <translation>MemAvailable</translation>
    </message>
    <message>
        <source>MemTotal − (MemFree + Buffers + Cached + Slab), as sysstat 12.6 computes it</source>
        <translation>MemTotal − (MemFree + Buffers + Cached + Slab)，与 sysstat 12.6 的算法相同</translation>
    </message>
    <message>
        <source>kbmemused as a percentage of MemTotal</source>
        <translation>kbmemused 占 MemTotal 的百分比</translation>
    </message>
    <message>
        <source>Buffers: block-device page cache</source>
        <translation>Buffers：块设备的页缓存</translation>
    </message>
    <message>
        <source>Cached: the page cache of files, without swap cache and buffers</source>
        <translation>Cached：文件的页缓存，不含交换缓存和 buffers</translation>
    </message>
    <message>
        <source>Committed_AS: memory promised to processes (overcommit accounting)</source>
        <translation>Committed_AS：已承诺给进程的内存（过量分配记账）</translation>
    </message>
    <message>
        <source>Committed_AS as a percentage of MemTotal + SwapTotal (can exceed 100)</source>
        <translation>Committed_AS 占 MemTotal + SwapTotal 的百分比（可超过 100）</translation>
    </message>
    <message>
        <source>Active: pages on the active LRU lists</source>
        <translation>Active：活跃 LRU 链表上的页</translation>
    </message>
    <message>
        <source>Inactive: pages on the inactive LRU lists, reclaimed first</source>
        <translation>Inactive：不活跃 LRU 链表上的页，最先被回收</translation>
    </message>
    <message>
        <source>Dirty: pages waiting to be written back</source>
        <translation>Dirty：等待回写的页</translation>
    </message>
    <message>
        <source>AnonPages: anonymous pages mapped by processes</source>
        <translation>AnonPages：进程映射的匿名页</translation>
    </message>
    <message>
        <source>Slab: kernel slab caches</source>
        <translation>Slab：内核 slab 缓存</translation>
    </message>
    <message>
        <source>PageTables: memory holding page tables</source>
        <translation>PageTables：存放页表的内存</translation>
    </message>
    <message>
        <source>KiB read from disk per second (files and swap)</source>
        <translation>每秒从磁盘读入的 KiB（文件和交换空间）</translation>
    </message>
    <message>
        <source>KiB written to disk per second (files and swap)</source>
        <translation>每秒写入磁盘的 KiB（文件和交换空间）</translation>
    </message>
    <message>
        <source>Page faults per second, minor and major</source>
        <translation>每秒缺页中断次数，包括软性缺页和硬性缺页</translation>
    </message>
    <message>
        <source>Major faults per second: faults that had to read from disk or swap</source>
        <translation>每秒硬性缺页次数：需要从磁盘或交换空间读取的缺页</translation>
    </message>
    <message>
        <source>Pages freed per second</source>
        <translation>每秒释放的页数</translation>
    </message>
    <message>
        <source>Pages scanned per second by kswapd</source>
        <translation>每秒 kswapd 扫描的页数</translation>
    </message>
    <message>
        <source>Pages scanned per second by direct reclaim</source>
        <translation>每秒直接回收扫描的页数</translation>
    </message>
    <message>
        <source>Pages reclaimed per second</source>
        <translation>每秒回收的页数</translation>
    </message>
    <message>
        <source>Reclaim efficiency: pages reclaimed per page scanned, 0 when nothing was scanned</source>
        <translation>回收效率：每扫描一页回收的页数，未扫描时为 0</translation>
    </message>
    <message>
        <source>Pages swapped in per second</source>
        <translation>每秒换入的页数</translation>
    </message>
    <message>
        <source>Pages swapped out per second</source>
        <translation>每秒换出的页数</translation>
    </message>
    <message>
        <source>SwapFree</source>
        <translation>SwapFree</translation>
    </message>
    <message>
        <source>SwapTotal − SwapFree</source>
        <translation>SwapTotal − SwapFree</translation>
    </message>
    <message>
        <source>Swap in use as a percentage of SwapTotal</source>
        <translation>已用交换空间占 SwapTotal 的百分比</translation>
    </message>
    <message>
        <source>SwapCached: pages in memory that also have a copy in swap</source>
        <translation>SwapCached：在内存中、同时在交换空间中也有副本的页</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>数据系列</translation>
    </message>
    <message>
        <source>Choose the columns of free and sar to plot</source>
        <translation>选择要绘制的 free 和 sar 列</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>适应窗口</translation>
    </message>
    <message>
        <source>Show the whole history again (or double-click the plot); drag to pan, wheel to zoom</source>
        <translation>重新显示全部历史（或双击图表）；拖动可平移，滚轮可缩放</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Default selection</source>
        <translation>默认选择</translation>
    </message>
    <message>
        <source>PNG image…</source>
        <translation>PNG 图片…</translation>
    </message>
    <message>
        <source>PDF document…</source>
        <translation>PDF 文档…</translation>
    </message>
    <message>
        <source>SVG drawing…</source>
        <translation>SVG 矢量图…</translation>
    </message>
    <message>
        <source>CSV of the plotted data…</source>
        <translation>所绘数据的 CSV…</translation>
    </message>
    <message>
        <source>One sample per simulated second since boot.
Let time pass (sleep() in a script) to see the history.</source>
        <translation>自开机起每个模拟秒一个样本。
让时间流逝（在脚本中调用 sleep()）即可看到历史。</translation>
    </message>
    <message>
        <source>Time since boot (s)</source>
        <translation>开机后的时间（s）</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <source>Per second, % (dashed lines)</source>
        <translation>每秒量，%（虚线）</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>t = %1 s</source>
        <translation>t = %1 s</translation>
    </message>
    <message>
        <source>Cannot write the PNG image %1</source>
        <translation>无法写入 PNG 图片 %1</translation>
    </message>
    <message>
        <source>memviz timeline</source>
        <translation>memviz 时间线</translation>
    </message>
    <message>
        <source>Cannot write the PDF document %1</source>
        <translation>无法写入 PDF 文档 %1</translation>
    </message>
    <message>
        <source>Cannot write the SVG drawing %1</source>
        <translation>无法写入 SVG 矢量图 %1</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>SVG drawing (*.svg)</source>
        <translation>SVG 矢量图 (*.svg)</translation>
    </message>
    <message>
        <source>CSV table (*.csv)</source>
        <translation>CSV 表格 (*.csv)</translation>
    </message>
    <message>
        <source>Export timeline</source>
        <translation>导出时间线</translation>
    </message>
</context>
<context>
    <name>memviz::TlbView</name>
    <message>
        <source>LRU</source>
        <translation>LRU</translation>
    </message>
    <message>
        <source>FIFO</source>
        <translation>FIFO</translation>
    </message>
    <message>
        <source>random</source>
        <translation>随机</translation>
    </message>
    <message>
        <source>TLB</source>
        <translation>TLB</translation>
    </message>
    <message>
        <source>replacement</source>
        <translation>替换策略</translation>
    </message>
    <message>
        <source>hits</source>
        <translation>命中</translation>
    </message>
    <message>
        <source>misses</source>
        <translation>未命中</translation>
    </message>
    <message>
        <source>hit rate</source>
        <translation>命中率</translation>
    </message>
    <message>
        <source>fills</source>
        <translation>填充</translation>
    </message>
    <message>
        <source>evictions</source>
        <translation>淘汰</translation>
    </message>
    <message>
        <source>flushes</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>PCID</source>
        <translation>PCID</translation>
    </message>
    <message>
        <source>off</source>
        <translation>关</translation>
    </message>
    <message>
        <source>CR3</source>
        <translation>CR3</translation>
    </message>
    <message>
        <source>current PCID</source>
        <translation>当前 PCID</translation>
    </message>
    <message>
        <source>ASID slots</source>
        <translation>ASID 槽位</translation>
    </message>
    <message>
        <source>set %1</source>
        <translation>组 %1</translation>
    </message>
    <message>
        <source>Huge-page TLB, set %1, way %2</source>
        <translation>大页 TLB，组 %1，路 %2</translation>
    </message>
    <message>
        <source>Set %1, way %2</source>
        <translation>组 %1，路 %2</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>空</translation>
    </message>
    <message>
        <source>Virtual page %1 (address %2) → frame %3 (physical %4)</source>
        <translation>虚拟页 %1（地址 %2）→ 页框 %3（物理地址 %4）</translation>
    </message>
    <message>
        <source>Global kernel entry: it survives CR3 loads (no flush without INVLPG or a full flush).</source>
        <translation>全局内核表项：加载 CR3 后依然有效（只有 INVLPG 或全部刷新才会清除它）。</translation>
    </message>
    <message>
        <source>pid %1</source>
        <translation>pid %1</translation>
    </message>
    <message>
        <source>PCID %1</source>
        <translation>PCID %1</translation>
    </message>
    <message>
        <source>writable</source>
        <translation>可写</translation>
    </message>
    <message>
        <source>read-only</source>
        <translation>只读</translation>
    </message>
    <message>
        <source>dirty</source>
        <translation>脏</translation>
    </message>
    <message>
        <source>user</source>
        <translation>用户态</translation>
    </message>
    <message>
        <source>Filled at tick %1 (FIFO replaces the oldest).</source>
        <translation>于时刻 %1 填入（FIFO 替换最早填入的表项）。</translation>
    </message>
    <message>
        <source>Last used at tick %1 (LRU replaces the least recently used).</source>
        <translation>最近一次使用于时刻 %1（LRU 替换最久未使用的表项）。</translation>
    </message>
    <message>
        <source>on</source>
        <translation>开</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Each cell is one TLB entry: virtual page → frame, coloured by the process it belongs to.</source>
        <translation>每个格子是一个 TLB 表项：虚拟页 → 页框，颜色表示所属进程。</translation>
    </message>
    <message>
        <source>%1 pages: %2 sets × %3 ways</source>
        <translation>%1 页：%2 组 × %3 路</translation>
    </message>
    <message>
        <source>cell: vpn → pfn · pid/PCID · G W D</source>
        <translation>格子：vpn → pfn · pid/PCID · G W D</translation>
    </message>
    <message>
        <source>cell: vpn → pfn · pid · G W D</source>
        <translation>格子：vpn → pfn · pid · G W D</translation>
    </message>
    <message>
        <source>way %1</source>
        <translation>路 %1</translation>
    </message>
    <message>
        <source>kernel</source>
        <translation>内核</translation>
    </message>
    <message>
        <source>Large pages (a PMD entry with PS set) are cached here, apart from the 4 KiB entries. memviz maps only 4 KiB pages so far, so this TLB stays empty.</source>
        <translation>大页（设置了 PS 的 PMD 表项）缓存在这里，与 4 KiB 表项分开。memviz 目前只映射 4 KiB 页，所以这个 TLB 一直为空。</translation>
    </message>
    <message>
        <source>global (kernel)</source>
        <translation>全局（内核）</translation>
    </message>
    <message>
        <source>hit</source>
        <translation>命中</translation>
    </message>
    <message>
        <source>miss, fill</source>
        <translation>未命中，填充</translation>
    </message>
    <message>
        <source>flushed</source>
        <translation>已刷新</translation>
    </message>
</context>
<context>
    <name>memviz::VmScript</name>
    <message>
        <source>%1 is not a size (give a number of bytes, e.g. 100 * MiB, or a string like &quot;100M&quot;)</source>
        <translation>%1 不是有效的大小（请给出字节数，例如 100 * MiB，或 &quot;100M&quot; 这样的字符串）</translation>
    </message>
    <message>
        <source>%1 is not an address (a whole number such as 0x7f3d665fd000)</source>
        <translation>%1 不是有效的地址（应为整数，例如 0x7f3d665fd000）</translation>
    </message>
    <message>
        <source>spawn(name): give the program&apos;s name, e.g. spawn(&quot;demand-paging&quot;)</source>
        <translation>spawn(name)：请给出程序名，例如 spawn(&quot;demand-paging&quot;)</translation>
    </message>
    <message>
        <source>translate(pid, vaddr): pid must be a process id or handle</source>
        <translation>translate(pid, vaddr)：pid 必须是进程 ID 或进程句柄</translation>
    </message>
    <message>
        <source>files.create(name, size[, content]): give a file name, e.g. files.create(&quot;testfile&quot;, 100 * MiB, &quot;hello\n&quot;)</source>
        <translation>files.create(name, size[, content])：请给出文件名，例如 files.create(&quot;testfile&quot;, 100 * MiB, &quot;hello
&quot;)</translation>
    </message>
    <message>
        <source>phys.write(): element %1 is not a byte (0..255)</source>
        <translation>phys.write()：元素 %1 不是字节（0..255）</translation>
    </message>
    <message>
        <source>phys.write(paddr, bytes): bytes must be an array of numbers 0..255, one number, or a string</source>
        <translation>phys.write(paddr, bytes)：bytes 必须是由 0..255 的数组成的数组、单个数或字符串</translation>
    </message>
    <message>
        <source>cpu.setPageTableBase(pfn): give the frame number of the top-level table</source>
        <translation>cpu.setPageTableBase(pfn)：请给出顶级页表所在的页框号</translation>
    </message>
    <message>
        <source>cpu.translate(): no page-table base yet: call cpu.setPageTableBase(pfn) first</source>
        <translation>cpu.translate()：尚未设置页表基址：请先调用 cpu.setPageTableBase(pfn)</translation>
    </message>
    <message>
        <source>cpu.translate(): %1 is outside the %2-bit virtual address space</source>
        <translation>cpu.translate()：%1 超出了 %2 位虚拟地址空间</translation>
    </message>
    <message>
        <source>sleep(): give a number of seconds, e.g. sleep(1) or sleep(0.5)</source>
        <translation>sleep()：请给出秒数，例如 sleep(1) 或 sleep(0.5)</translation>
    </message>
    <message>
        <source>swapon(): the first argument is the swap area&apos;s name, e.g. swapon(&quot;/swapfile&quot;, &quot;1G&quot;)</source>
        <translation>swapon()：第一个参数是交换区的名称，例如 swapon(&quot;/swapfile&quot;, &quot;1G&quot;)</translation>
    </message>
    <message>
        <source>swapon(): priority must be a number from -1 to 32767</source>
        <translation>swapon()：priority 必须是 -1 到 32767 之间的数</translation>
    </message>
    <message>
        <source>sysctl(): unknown tunable &quot;%1&quot;</source>
        <translation>sysctl()：未知的可调参数“%1”</translation>
    </message>
    <message>
        <source>sysctl(): %1 takes a whole number from %2 to %3</source>
        <translation>sysctl()：%1 只接受 %2 到 %3 之间的整数</translation>
    </message>
    <message>
        <source>spawn(name, { node: N }): the node must be a whole number, e.g. spawn(&quot;a&quot;, { node: 1 })</source>
        <translation>spawn(name, { node: N })：node 必须是整数，例如 spawn(&quot;a&quot;, { node: 1 })</translation>
    </message>
    <message>
        <source>spawn(name, options): options must be an object, e.g. { node: 1 }</source>
        <translation>spawn(name, options)：options 必须是对象，例如 { node: 1 }</translation>
    </message>
</context>
<context>
    <name>memviz::ZoneView</name>
    <message>
        <source>&amp;Scale:</source>
        <translation>刻度(&amp;S)：</translation>
    </message>
    <message>
        <source>watermarks magnified</source>
        <translation>放大水位线</translation>
    </message>
    <message>
        <source>linear</source>
        <translation>线性</translation>
    </message>
    <message>
        <source>logarithmic</source>
        <translation>对数</translation>
    </message>
    <message>
        <source>Every bar is scaled to its own zone. &quot;Watermarks magnified&quot; spreads 0 to twice the high watermark over most of the bar and compresses the rest behind a break.</source>
        <translation>每个条形按各自的内存域缩放。“放大水位线”把 0 到 high 水位线两倍的范围展开到条形的大部分，其余部分压缩在断点之后。</translation>
    </message>
    <message>
        <source>Zones and watermarks</source>
        <translation>内存域与水位线</translation>
    </message>
    <message>
        <source>Free pages of each zone against its min, low and high watermarks, and kswapd&apos;s state</source>
        <translation>每个内存域的空闲页与其 min、low、high 水位线的对比，以及 kswapd 的状态</translation>
    </message>
    <message>
        <source>kswapd is woken when every zone an allocation may use is below its low watermark, reclaims until one of them is above high, and gives up after %1 passes that reclaim nothing.</source>
        <translation>当分配可用的所有内存域都低于 low 水位线时，kswapd 被唤醒，一直回收到其中一个高于 high，并在连续 %1 轮未回收到任何页后放弃。</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;present %2 pages, managed %3 pages (%4)&lt;br&gt;free %5 pages (%6)</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;实有（present）%2 页，受管（managed）%3 页（%4）&lt;br&gt;空闲 %5 页（%6）</translation>
    </message>
    <message>
        <source>%1: %2 pages (%3)</source>
        <translation>%1：%2 页（%3）</translation>
    </message>
    <message>
        <source>watermark boost: %1 pages</source>
        <translation>水位线提升（watermark boost）：%1 页</translation>
    </message>
    <message>
        <source>kswapd0: asleep</source>
        <translation>kswapd0：睡眠中</translation>
    </message>
    <message>
        <source>kswapd0: awake, reclaiming for %1 · %2 passes without progress</source>
        <translation>kswapd0：已唤醒，正在为 %1 回收 · 连续 %2 轮没有进展</translation>
    </message>
    <message>
        <source>kswapd0: awake, reclaiming for %1</source>
        <translation>kswapd0：已唤醒，正在为 %1 回收</translation>
    </message>
    <message>
        <source>kswapd0: gave up (%1 passes reclaimed nothing)</source>
        <translation>kswapd0：已放弃（连续 %1 轮未回收到任何页）</translation>
    </message>
    <message>
        <source>kswapd0 asleep</source>
        <translation>kswapd0 睡眠中</translation>
    </message>
    <message>
        <source>kswapd0 awake</source>
        <translation>kswapd0 已唤醒</translation>
    </message>
    <message>
        <source>kswapd0 gave up</source>
        <translation>kswapd0 已放弃</translation>
    </message>
    <message>
        <source>Free pages of each zone against its watermarks. Below low, kswapd wakes; below min, only emergency allocations succeed and the allocating task reclaims itself; above high, kswapd sleeps.</source>
        <translation>每个内存域的空闲页与其水位线的对比。低于 low 时唤醒 kswapd；低于 min 时只有紧急分配能成功，发起分配的任务要自己进行回收；高于 high 时 kswapd 睡眠。</translation>
    </message>
    <message>
        <source>a zone</source>
        <translation>某个内存域</translation>
    </message>
    <message>
        <source>%1 fell below its %2 watermark: %3 free pages, the mark is %4.</source>
        <translation>%1 降到 %2 水位线以下：空闲页 %3，水位线为 %4。</translation>
    </message>
    <message>
        <source>%1 rose above its %2 watermark: %3 free pages, the mark is %4.</source>
        <translation>%1 升到 %2 水位线以上：空闲页 %3，水位线为 %4。</translation>
    </message>
    <message>
        <source>%1 passes the %2 check: %3 free pages, more than %2 %4 + lowmem_reserve %5.</source>
        <translation>%1 通过 %2 检查：空闲页 %3，多于 %2 %4 + lowmem_reserve %5。</translation>
    </message>
    <message>
        <source>%1 fails the %2 check: %3 free pages, not more than %2 %4 + lowmem_reserve %5.</source>
        <translation>%1 未通过 %2 检查：空闲页 %3，不多于 %2 %4 + lowmem_reserve %5。</translation>
    </message>
    <message>
        <source>Every zone is below its low watermark: the allocation takes the slow path (__alloc_pages_slowpath), wakes kswapd and retries against min.</source>
        <translation>所有内存域都低于 low 水位线：分配进入慢速路径（__alloc_pages_slowpath），唤醒 kswapd，并按 min 水位线重试。</translation>
    </message>
    <message>
        <source>kswapd wakes: every zone an allocation up to %1 may use is below its low watermark. It reclaims until one of them is above high.</source>
        <translation>kswapd 被唤醒：最高可用到 %1 的分配所能使用的每个内存域都低于 low 水位线。它会一直回收，直到其中一个高于 high。</translation>
    </message>
    <message>
        <source>kswapd gives up: %1 passes in a row reclaimed nothing (MAX_RECLAIM_RETRIES). It is not woken again until reclaim makes progress.</source>
        <translation>kswapd 放弃：连续 %1 轮未回收到任何页（MAX_RECLAIM_RETRIES）。在回收取得进展之前不会再唤醒它。</translation>
    </message>
    <message>
        <source>kswapd goes back to sleep: a zone is above its high watermark again (balanced).</source>
        <translation>kswapd 重新睡眠：某个内存域再次高于 high 水位线（已平衡）。</translation>
    </message>
    <message>
        <source>No zone could satisfy the allocation.</source>
        <translation>没有内存域能满足这次分配。</translation>
    </message>
    <message>
        <source>Direct reclaim by the allocating task: scanned %1 pages, reclaimed %2.</source>
        <translation>发起分配的任务进行直接回收：扫描 %1 页，回收 %2 页。</translation>
    </message>
    <message>
        <source>kswapd reclaims: scanned %1 pages, reclaimed %2.</source>
        <translation>kswapd 回收：扫描 %1 页，回收 %2 页。</translation>
    </message>
    <message>
        <source>below min: only emergency allocations</source>
        <translation>低于 min：只允许紧急分配</translation>
    </message>
    <message>
        <source>min to low: kswapd wakes, direct reclaim</source>
        <translation>min 到 low：唤醒 kswapd，直接回收</translation>
    </message>
    <message>
        <source>low to high: kswapd reclaims until above high</source>
        <translation>low 到 high：kswapd 回收直到高于 high</translation>
    </message>
    <message>
        <source>%1 %2 · %3</source>
        <translation>%1 %2 · %3</translation>
    </message>
    <message>
        <source>No machine yet.</source>
        <translation>尚未创建机器。</translation>
    </message>
    <message>
        <source>managed %1 pages (%2) · free %3 pages (%4, %5 %)</source>
        <translation>受管 %1 页（%2）· 空闲 %3 页（%4，%5 %）</translation>
    </message>
    <message>
        <source>%1 of %2 free (%3 %)</source>
        <translation>空闲 %1 / %2（%3 %）</translation>
    </message>
    <message>
        <source>free %1</source>
        <translation>空闲 %1</translation>
    </message>
    <message>
        <source>%1 managed</source>
        <translation>受管 %1</translation>
    </message>
    <message>
        <source>%1 = 2 × high</source>
        <translation>%1 = 2 × high</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>lowmem_reserve: none (no higher zone)</source>
        <translation>lowmem_reserve：无（没有更高的内存域）</translation>
    </message>
    <message>
        <source>lowmem_reserve (pages kept from allocations that may use a higher zone): %1</source>
        <translation>lowmem_reserve（为可能使用更高内存域的分配保留的页）：%1</translation>
    </message>
</context>
</TS>
