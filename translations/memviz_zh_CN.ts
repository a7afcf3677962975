<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>EventText</name>
    <message>
        <source>min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>low</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>high</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>promo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no zone)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 block</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 blocks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>order %1 · %2 · %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (node %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>inside a block</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>free</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in the allocator&apos;s hand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>allocated (kernel)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>firmware</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kernel image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>memmap (struct page array)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>boot allocation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hole (no RAM)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allocate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Split</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add to free list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Watermark check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slow path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allocation failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Watermark crossed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allocate order-%1 block %2 of %3 (%4) from the head of the order-%1 free list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allocate order-%1 block %2 of %3 (%4), the low end of an order-%5 block</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Split order-%1 block %2 of %3: upper half %4 → order-%5 free list (head)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free order-%1 block %2 of %3 (%4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge order-%1 block %2 with its free buddy %3 → order-%4 block %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put order-%1 block %2 of %3 at the TAIL of the order-%1 free list (likely buddy %4 is free)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put order-%1 block %2 of %3 at the head of the order-%1 free list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Watermark check %1, order %2: free %3 vs %4 %5 + reserve %6 → %7</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pass</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slow path for an order-%1 request: no zone (%2) passed its low watermark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allocation failed: no zone (%1) can supply an order-%2 block (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 fell to its %2 watermark: %3 free pages ≤ %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 rose above its %2 watermark: %3 free pages &gt; %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expand() in mm/page_alloc.c, called from __rmqueue_smallest(), halves the order-%1 block at %2 (%3, %4). The lower half %2 stays in the allocator&apos;s hand as an order-%5 block; the upper half %6 (%7) goes on the head of the order-%5 free list of %8, which now holds %9. Halving repeats until the block is exactly as large as the request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It was the first block on the order-%1 free list, which now holds %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It is the low end of the order-%1 block taken from the head of the order-%1 list; the upper halves split off on the way down now wait on the free lists of orders %2 to %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>__rmqueue_smallest() (through rmqueue() in mm/page_alloc.c) hands the order-%1 block %2 (%3, %4) to the caller of alloc_pages(). %5 %6 now has %7 free pages (%8).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simplification: memviz has no per-CPU page lists. A real kernel would normally park a freed order-%1 block on a per-CPU list (free_unref_page()) and merge it only later, in batches.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocks above order 3 skip the per-CPU lists in the kernel too and go straight to the buddy free lists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>__free_pages() gives the order-%1 block %2 (%3, %4) back to %5. __free_one_page() in mm/page_alloc.c now looks for its buddy, %6 (pfn XOR %7), to merge with. %8</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>__free_one_page() finds the buddy with __find_buddy_pfn(): buddy = pfn XOR (1 &lt;&lt; order) = %1 XOR %2 = %3. page_is_buddy() confirms that %3 is a free order-%4 block of the same zone, so it leaves the order-%4 free list (now %5) and the two halves become the order-%6 block %7 (%8). The search repeats one order up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order %1 is the largest order, so the block cannot grow any further.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its buddy %1 is not a free order-%2 block, so __free_one_page() stops merging.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 buddy_merge_likely() looks one level up: the order-%2 block that %3 would form with %4 has the buddy %5, and that block is free. So a merge two levels up is likely once %4 comes back, and %3 goes on the TAIL of the order-%6 free list (now %7): allocations take from the head, so they reach it last.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>buddy_merge_likely() checked the order-%1 buddy %2 of the block %3 would form, found it busy, so there is no reason to save the block for later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 The order-%2 block %3 goes on the head of the order-%2 free list of %4 (now %5), so the next order-%2 allocation takes it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The slow path retries against the min watermark (ALLOC_WMARK_MIN).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The fast path checks the %1 watermark (ALLOC_WMARK_LOW).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 &gt; %2, so %3 passes and the block is taken from this zone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There are enough free pages, but no free list of order %1 or more holds a block, so %2 fails and the walk moves on to the next zone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ≤ %2, so %3 fails and the zonelist walk moves on to the next zone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%11 get_page_from_freelist() asks __zone_watermark_ok() (through zone_watermark_fast()) whether %1 may serve an order-%2 request: free pages minus the 2^%2 − 1 the request itself uses (%3 − %4 = %5) must stay above the %6 watermark plus lowmem_reserve (%7 + %8 = %9). %10</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None of the zones %1 passed its low watermark for this order-%2 request, so __alloc_pages() enters __alloc_pages_slowpath(). The kernel would now wake kswapd (wake_all_kswapds()) to reclaim in the background; memviz does not simulate kswapd yet. The zonelist is then tried again at the lower min watermark, which lets the request dip into the reserve.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Even at the min watermark none of the zones %1 could supply an order-%2 block (%3). A real kernel would now try direct reclaim (__alloc_pages_direct_reclaim()), compaction and finally the OOM killer (__alloc_pages_may_oom()); memviz does not simulate these yet, so alloc_pages() returns NULL. The machine has %4 free pages in all.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 now has %2 free pages, at or below its %3 watermark (%4 pages).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 now has %2 free pages, above its %3 watermark (%4 pages) again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The fast path (get_page_from_freelist() with ALLOC_WMARK_LOW) now skips this zone; when every zone is this low, __alloc_pages_slowpath() wakes kswapd to reclaim in the background (memviz does not simulate kswapd yet).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The fast path (get_page_from_freelist() with ALLOC_WMARK_LOW) may allocate from it again without waking kswapd.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the slow path&apos;s retries and allocations allowed into the reserve (__GFP_HIGH, GFP_ATOMIC) may still take pages here; an ordinary request would go to direct reclaim (__alloc_pages_direct_reclaim()).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ordinary allocations in the slow path (ALLOC_WMARK_MIN) may use this zone again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Once woken, kswapd keeps reclaiming until the zone is back above this mark (pgdat_balanced() in mm/vmscan.c).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kswapd would now consider the node balanced (pgdat_balanced() in mm/vmscan.c) and go back to sleep.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>memviz does not know this kind of event.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>memviz</name>
    <message>
        <source>memviz — an interactive laboratory for Linux memory management.
Without options it opens the window with the default machine. With --headless it runs a
script without a window, prints what the script prints, and writes the event log and
pictures of every view.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run without a window (needs --script).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JavaScript file to run (in the window: opened in the editor and run).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Headless: directory for events.jsonl and the PNG pictures (created if missing).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dir</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Machine preset: %1 (default x86-64).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RAM size, e.g. 512M, 8G (default: the preset&apos;s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Swap size, e.g. 2G (default: the preset&apos;s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Random seed of the machine (default 1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>n</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User interface language: en or zh_CN (default: the system&apos;s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop a script that runs longer than this many seconds (default 10).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try memviz --help.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected argument &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--timeout needs a whole number of seconds ≥ 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--headless needs --script FILE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a whole number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown preset &quot;%1&quot; (known presets: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a size: write a number of bytes or a number with K, M, G or T, e.g. &quot;512M&quot; or &quot;8G&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RAM of %1 is too small for this machine: it needs at least %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RAM of %1 is too large for this architecture: at most %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>swap of %1 is too large: at most %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 = %2 is out of range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>order %1 is out of range: the buddy allocator has orders 0 to %2 (MAX_PAGE_ORDER)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this machine has no zone &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>zone %1 has no memory on this machine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pfn %1 (0x%2) is beyond the end of physical memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pfn %1 (0x%2) is not an allocated block: it is free already or was never allocated (double free?)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the block at pfn %1 (0x%2) was allocated with order %3, not order %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pfn %1 (0x%2) is inside the block that starts at pfn %3 (0x%4): free the block by its first frame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown picture format &quot;%1&quot;: use .png or .svg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot create the directory %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buddy allocator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Physical memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>memviz::AllocPanel</name>
    <message>
        <source>Machine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New machine…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allocate pages (alloc_pages)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Highest zone:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gfp_zone(): the allocation may use this zone and, if it is short, the lower zones after it in the zonelist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allocate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allocated blocks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>memviz keeps one free list per order (the kernel keeps one per migrate type) and has no per-CPU page lists, so a freed page merges with its buddy at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n page(s) = %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 · %2 RAM · %3 swap · %Ln CPU(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>pfn 0x%1 · order %2 · %3 · %4</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>memviz::BuddyView</name>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow events (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Zone:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The zone whose free lists are shown. &quot;Follow events&quot; switches to the zone of each step as you play.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The buddy allocator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each row is the free list of one order: blocks of 2^order contiguous pages, largest at the top. alloc_pages() takes the first block (the head) of the smallest list that can serve the request and splits it; __free_pages() merges a freed block with its buddy. Step through a command to watch it happen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(This step happens in zone %1; the diagram shows %2.)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>order %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nr_free</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+%1 more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>head</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>allocated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This zone has no memory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No machine yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 free pages (%3) · watermarks min %4 · low %5 · high %6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in hand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>free list: head → tail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>← likely buddy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>free block on a list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in the allocator&apos;s hand, or allocated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>blocks not shown</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>memviz::ConsoleWidget</name>
    <message>
        <source>Type a command (free -h, cat /proc/buddyinfo) or JavaScript (kernel.alloc_pages(3)); ↑/↓ for history</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>memviz::EventLogModel</name>
    <message>
        <source>#%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What happens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>alloc_pages(order %1, %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>free_pages(%1, order %2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>memviz::EventLogView</name>
    <message>
        <source>Filter by event type (e.g. split, merge, watermark)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shows only events whose type contains this text.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>memviz::KernelApi</name>
    <message>
        <source>alloc_pages(order): order must be a whole number from 0 to 10</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>alloc_pages(order, options): options must be an object, e.g. { zone: &quot;DMA32&quot; }</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>free_pages(block): pass the block alloc_pages() returned, or a pfn and an order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>free_pages(): pfn and order must not be negative</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>memviz::MainWindow</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset layout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The default layout is used the next time memviz starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About memviz</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;memviz %1&lt;/h3&gt;&lt;p&gt;An interactive laboratory for Linux memory management: a deterministic simulation of the kernel&apos;s memory subsystem, shown step by step.&lt;/p&gt;&lt;p&gt;Follows Linux 6.12 (mm/page_alloc.c) and procps-ng 4.0.2.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>memviz — Linux memory management laboratory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Demos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New machine…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open script…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Run script</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export window as PNG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export window as SVG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save event log (JSON lines)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What memviz simplifies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About memviz</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 as PNG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 as SVG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Machine and allocation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Script</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buddy allocator: split, fragment, merge back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>alloc_pages(order %1) failed: no zone could satisfy it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>untitled.js</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running %1 …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The session is unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · RAM %2 · free %3 · min_free_kbytes %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New machine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SVG (*.svg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save event log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON lines (*.jsonl)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;memviz follows the kernel&apos;s algorithms and names, and says where it simplifies:&lt;/p&gt;&lt;ul&gt;&lt;li&gt;One buddy free list per order; Linux keeps one per migrate type (unmovable, movable, reclaimable) and may steal from another type&apos;s list.&lt;/li&gt;&lt;li&gt;No per-CPU page lists: Linux parks freed order-0..3 pages on a per-CPU list (free_unref_page) and merges them later in batches; memviz merges at once.&lt;/li&gt;&lt;li&gt;No reclaim, compaction or OOM killer yet: an allocation that fails its watermarks fails.&lt;/li&gt;&lt;li&gt;One NUMA node; physical memory is contiguous apart from the legacy holes below 1 MiB.&lt;/li&gt;&lt;li&gt;Per-CPU page-list sizes in /proc/zoneinfo are the kernel&apos;s boot-time values; their counts stay 0.&lt;/li&gt;&lt;/ul&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>memviz::NewMachineDialog</name>
    <message>
        <source>New machine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preset:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A size such as 64M, 512M, 8G</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RAM:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Swap:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPUs:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RAM: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Swap: </source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>memviz::PhysicalMemoryView</name>
    <message>
        <source>Physical memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No machine yet: create one to see its physical memory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · order %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>1 pixel = %n frames</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>1 frame = %n px</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 frames of %2 · %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pfn %1–%2 · %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zones</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frame states</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This step&apos;s blocks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selected frame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zone boundary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom: Ctrl+wheel, + and −; 0 fits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allocated (kernel)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the allocator&apos;s hands</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Firmware</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kernel image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>memmap (struct page)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Boot allocations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hole (no RAM)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>free, on the buddy allocator&apos;s order-%1 free list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>allocated by the kernel (alloc_pages)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in the allocator&apos;s hands: being split or merged right now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reserved for the firmware (BIOS)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the kernel image (text, data and bss)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>memmap: the kernel&apos;s array of struct page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reserved at boot (memblock allocation)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a hole: no RAM at this address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>inside a block with no head (inconsistent frame table)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frame %1 (pfn %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Physical address %1 – %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zone: none (outside every zone)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zone: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Block: head pfn %1 (%2), order %3 = %n frame(s), %4</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Block: this frame alone (order 0), reserved at boot, never handed to the buddy allocator</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>This pixel shows pfn %1–%2 (%n frame(s)) by its most important state</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Free this block (order %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select this frame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy frame details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom to fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow the current step</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>memviz::PlayerBar</name>
    <message>
        <source>Jump to the start of the run (Home)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous command (Page Up)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step back one event (Left)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause (Space)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play (Space)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step forward one event (Right)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next command (Page Down)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jump to the end of the run (End)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drag to move through the whole run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 events/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>event %L1 / %L2 · command %L3 / %L4</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>memviz::ScriptApi</name>
    <message>
        <source>machine() takes an object, e.g. machine({ preset: &quot;x86-64&quot;, ram: &quot;8G&quot; })</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>machine(): unknown option &quot;%1&quot; (known: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>machine(): seed must be a whole number ≥ 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>machine(): cpus must be a whole number from 1 to 256</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>memviz::ScriptEditor</name>
    <message>
        <source>Open…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the script (F5). A failed script leaves the session as it was.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Untitled script</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open script</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JavaScript (*.js);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save script</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JavaScript (*.js)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>memviz::ScriptEngine</name>
    <message>
        <source>the script ran for more than %1 s and was stopped (an endless loop?)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
