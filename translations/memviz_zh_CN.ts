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
        <source>None of the zones %1 passed its low watermark for this order-%2 request, so __alloc_pages() enters __alloc_pages_slowpath(). The kernel would now wake kswapd (wake_all_kswapds()) to reclaim in the background; memviz does not simulate kswapd yet. The zonelist is then tried again at the lower min watermark, which lets the request dip into the reserve.</source>
        <translation>对这个 %2 阶请求，内存域 %1 均未通过 low 水位线，因此 __alloc_pages() 进入 __alloc_pages_slowpath()。此时内核会唤醒 kswapd（wake_all_kswapds()）在后台回收内存；memviz 尚未模拟 kswapd。随后以更低的 min 水位线再次遍历 zonelist，允许请求动用预留内存。</translation>
    </message>
    <message>
        <source>Even at the min watermark none of the zones %1 could supply an order-%2 block (%3). A real kernel would now try direct reclaim (__alloc_pages_direct_reclaim()), compaction and finally the OOM killer (__alloc_pages_may_oom()); memviz does not simulate these yet, so alloc_pages() returns NULL. The machine has %4 free pages in all.</source>
        <translation>即使按 min 水位线，内存域 %1 也都无法提供 %2 阶块（%3）。真实内核此时会尝试直接回收（__alloc_pages_direct_reclaim()）、内存规整，最后是 OOM killer（__alloc_pages_may_oom()）；memviz 尚未模拟这些，因此 alloc_pages() 返回 NULL。整台机器共有 %4 个空闲页。</translation>
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
        <source>The fast path (get_page_from_freelist() with ALLOC_WMARK_LOW) now skips this zone; when every zone is this low, __alloc_pages_slowpath() wakes kswapd to reclaim in the background (memviz does not simulate kswapd yet).</source>
        <translation>快速路径（带 ALLOC_WMARK_LOW 的 get_page_from_freelist()）现在会跳过该内存域；当所有内存域都降到这么低时，__alloc_pages_slowpath() 会唤醒 kswapd 在后台回收（memviz 尚未模拟 kswapd）。</translation>
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
        <source>unexpected argument &quot;%1&quot;</source>
        <translation>意外的参数“%1”</translation>
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
        <source>&lt;p&gt;memviz follows the kernel&apos;s algorithms and names, and says where it simplifies:&lt;/p&gt;&lt;ul&gt;&lt;li&gt;One buddy free list per order; Linux keeps one per migrate type (unmovable, movable, reclaimable) and may steal from another type&apos;s list.&lt;/li&gt;&lt;li&gt;No per-CPU page lists: Linux parks freed order-0..3 pages on a per-CPU list (free_unref_page) and merges them later in batches; memviz merges at once.&lt;/li&gt;&lt;li&gt;No reclaim, compaction or OOM killer yet: an allocation that fails its watermarks fails.&lt;/li&gt;&lt;li&gt;One NUMA node; physical memory is contiguous apart from the legacy holes below 1 MiB.&lt;/li&gt;&lt;li&gt;Per-CPU page-list sizes in /proc/zoneinfo are the kernel&apos;s boot-time values; their counts stay 0.&lt;/li&gt;&lt;/ul&gt;</source>
        <translation>&lt;p&gt;memviz 沿用内核的算法和命名，并指明在哪些地方做了简化：&lt;/p&gt;&lt;ul&gt;&lt;li&gt;每阶只有一个伙伴空闲链表；Linux 按迁移类型（不可移动、可移动、可回收）各维护一个，并可能从其他类型的链表中窃取。&lt;/li&gt;&lt;li&gt;没有每 CPU 页列表：Linux 会把释放的 0..3 阶页先暂存在每 CPU 列表上（free_unref_page），之后成批合并；memviz 则立即合并。&lt;/li&gt;&lt;li&gt;尚未实现回收、内存规整和 OOM killer：未通过水位线检查的分配直接失败。&lt;/li&gt;&lt;li&gt;只有一个 NUMA 节点；除 1 MiB 以下的传统空洞外，物理内存是连续的。&lt;/li&gt;&lt;li&gt;/proc/zoneinfo 中的每 CPU 页列表大小取内核启动时的值，其计数始终为 0。&lt;/li&gt;&lt;/ul&gt;</translation>
    </message>
    <message>
        <source>New machine: %1 with %2 of RAM. Try &quot;free -h&quot;, &quot;cat /proc/buddyinfo&quot; or &quot;kernel.alloc_pages(3)&quot;; the Demos menu replays the experiments of the notes.</source>
        <translation>新机器：%1，RAM %2。可以试试“free -h”“cat /proc/buddyinfo”或“kernel.alloc_pages(3)”；“演示”菜单可重放笔记中的实验。</translation>
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
</context>
<context>
    <name>memviz::ScriptEngine</name>
    <message>
        <source>the script ran for more than %1 s and was stopped (an endless loop?)</source>
        <translation>脚本运行超过 %1 秒，已被停止（死循环？）</translation>
    </message>
</context>
</TS>
