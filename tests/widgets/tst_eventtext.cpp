// EventText: every event type has a summary and an explanation, with this run's
// numbers and the name of the kernel function doing the step, all through tr().
// Virtual-memory texts are checked on the events of a real run (a program, fork,
// copy on write, the zero page, a file mapping, malloc, SIGSEGV, a translation).
// Reclaim, swap and OOM texts are checked on events built by hand (handBuilt()),
// and on whatever a small machine under memory pressure records.

#include "EventLogModel.h"
#include "EventText.h"
#include "TestUtil.h"
#include "alloc/Kmem.h"
#include "reclaim/Reclaim.h"
#include "sim/Apply.h"
#include "sim/MachineConfig.h"
#include "sim/Simulator.h"
#include "vm/VmOps.h"

#include <QRegularExpression>
#include <QTest>
#include <QTranslator>

#include <memory>

using namespace memviz;
using namespace Qt::StringLiterals;

namespace {

using test::makeEvent;

Event with(Event e, std::uint32_t pid, std::uint64_t time = 0)
{
    e.pid = pid;
    e.time = time;
    return e;
}

/// One event built by hand with the words its summary and explanation must hold.
struct HandRow {
    const char* name;
    Event event;
    QStringList inSummary;
    QStringList inExplanation;
};

/// Reclaim, swap and OOM events by hand, read with the booted 64 MiB x86-64 machine
/// (its swap area 0 is /dev/sdb, 2 GiB). The engine's runs may produce them too; these
/// rows make sure every type is narrated with its numbers whatever a run produces.
std::vector<HandRow> handBuilt()
{
    const Simulator sim = test::boot("x86-64", "64M");
    const Machine& m = sim.current();
    const std::uint64_t sdb = m.swap.areas.at(0).name;
    const std::uint64_t total = reclaim::oomTotalPages(m); // RAM + swap pages
    const auto lru = [](LruList from, LruList to) { return (static_cast<int>(from) << 4) | static_cast<int>(to); };
    const std::uint64_t slot42 = SwapEntry::pack(0, 42);
    const auto normal = static_cast<int>(ZoneType::Normal);
    const std::uint64_t candidatePoints = 25000 + 300 + 60 + 500 * (total / 1000);
    const auto num = [](std::int64_t v) { return QString::number(v); };
    using L = QStringList;
    return {
        { "Clock sleep", with(makeEvent(EventType::Clock, 0xFF, 0, 0, 1500000000, 0, 0, EventFlag::Sleep), 0, 2700000000),
            L { u"Sleep 1.5 s"_s, u"2.700 s"_s, u"4.200 s"_s, u"2 new sar samples"_s },
            L { u"nanosleep()"_s, u"1.5 s"_s, u"sadc"_s, u"kswapd"_s } },
        { "Clock work", with(makeEvent(EventType::Clock, 0xFF, 0, 0, 4000000), 0, 100000000),
            L { u"4 ms of work"_s, u"0.104 s"_s }, L { u"4 ms"_s, u"0.100 s"_s, u"0.104 s"_s } },
        { "LruMove activate", makeEvent(EventType::LruMove, 0xFF, lru(LruList::InactiveAnon, LruList::ActiveAnon), 0x3e00),
            L { u"0x3e00"_s, u"activated"_s, u"inactive_anon → active_anon"_s },
            L { u"folio_check_references()"_s, u"folio_activate()"_s, u"0x3e00"_s, u"active_anon"_s } },
        { "LruMove second chance",
            makeEvent(EventType::LruMove, 0xFF, lru(LruList::InactiveFile, LruList::InactiveFile), 0x3e01, 0, 0, 0,
                EventFlag::Referenced),
            L { u"0x3e01"_s, u"inactive_file"_s, u"second chance"_s },
            L { u"PG_referenced"_s, u"FOLIOREF_KEEP"_s, u"shrink_inactive_list()"_s, u"0x3e01"_s } },
        { "LruMove deactivate", makeEvent(EventType::LruMove, 0xFF, lru(LruList::ActiveAnon, LruList::InactiveAnon), 0x3e02),
            L { u"deactivated"_s, u"active_anon → inactive_anon"_s },
            L { u"shrink_active_list()"_s, u"inactive_is_low()"_s, u"PG_workingset"_s, u"0x3e02"_s } },
        { "LruMove new page",
            makeEvent(EventType::LruMove, 0xFF, lru(static_cast<LruList>(kNoLru), LruList::InactiveAnon), 7),
            L { u"joins the inactive_anon"_s }, L { u"folio_add_lru()"_s, u"0x7"_s } },
        { "KswapdWake", makeEvent(EventType::KswapdWake, 0xFF, normal, 0), L { u"kswapd0"_s, u"Normal"_s },
            L { u"wakeup_kswapd()"_s, u"balance_pgdat()"_s, u"DMA32, DMA"_s, u"pgdat_balanced()"_s } },
        { "KswapdSleep balanced", makeEvent(EventType::KswapdSleep, 0xFF, 0, 0), L { u"balanced"_s },
            L { u"pgdat_balanced()"_s, u"kswapd_try_to_sleep()"_s } },
        { "KswapdSleep gave up", makeEvent(EventType::KswapdSleep, 0xFF, 0, 0, 1, 16), L { u"16 passes"_s },
            L { u"MAX_RECLAIM_RETRIES"_s, u"16 passes"_s, u"OOM killer"_s } },
        { "Reclaim kswapd file", makeEvent(EventType::Reclaim, 0xFF, 12, 0, 32, 30, 0, EventFlag::FileLru),
            L { u"kswapd0, priority 12: scanned 32 pages of inactive_file, reclaimed 30"_s },
            L { u"shrink_inactive_list()"_s, u"shrink_folio_list()"_s, u"priority 12"_s, u"32 pages"_s,
                u"reclaims 30"_s, u"(94%)"_s, u"pgscan_kswapd"_s, u"pgscank/s"_s } },
        { "Reclaim direct anon", with(makeEvent(EventType::Reclaim, 0xFF, 10, 0, 32, 8, 0, EventFlag::Direct), 1000),
            L { u"Direct reclaim by PID 1000, priority 10"_s, u"inactive_anon"_s },
            L { u"try_to_free_pages()"_s, u"PID 1000"_s, u"(25%)"_s, u"add_to_swap()"_s, u"pgscand/s"_s,
                u"pgsteal_direct"_s } },
        { "Reclaim active", makeEvent(EventType::Reclaim, 0xFF, 11, 0, 32, 0, 0, EventFlag::Active | EventFlag::FileLru),
            L { u"32 pages from active_file to inactive_file"_s, u"priority 11"_s },
            L { u"shrink_active_list()"_s, u"pgrefill"_s, u"inactive_is_low()"_s, u"32 pages"_s } },
        { "SwapOn", makeEvent(EventType::SwapOn, 0xFF, 0, sdb, 1, 131072, static_cast<std::uint64_t>(std::int64_t(-3))),
            L { u"swapon /dev/sdb: 512 MiB (131072 pages), priority -3"_s },
            L { u"sys_swapon()"_s, u"swap area 1"_s, u"131072 slots"_s, u"priority -3"_s,
                u"SwapTotal is now 2097152 kB"_s } },
        { "SwapOut", makeEvent(EventType::SwapOut, 0xFF, 0, 0x3e00, slot42),
            L { u"0x3e00"_s, u"slot 42 of /dev/sdb"_s, u"swap cache"_s },
            L { u"add_to_swap()"_s, u"folio_alloc_swap()"_s, u"try_to_unmap()"_s, u"slot 42 of /dev/sdb"_s,
                u"0 of 524288 slots"_s } },
        { "Writeback anon", makeEvent(EventType::Writeback, 0xFF, 0, 0x3e00, slot42),
            L { u"Write page 0x3e00 to swap slot 42 of /dev/sdb"_s },
            L { u"pageout()"_s, u"swap_writepage()"_s, u"slot 42 of /dev/sdb"_s, u"pswpout is now 0"_s } },
        { "Writeback file", makeEvent(EventType::Writeback, 0xFF, 0, 0x3e05, 7, 0, 0, EventFlag::FileLru),
            L { u"dirty page 7"_s, u"0x3e05"_s }, L { u"pageout()"_s, u"->writepage()"_s, u"page 7"_s } },
        { "SwapIn", with(makeEvent(EventType::SwapIn, 0xFF, 0, 0x3e00, slot42), 1000),
            L { u"PID 1000 reads swap slot 42 of /dev/sdb into frame 0x3e00"_s },
            L { u"do_swap_page()"_s, u"swap_read_folio()"_s, u"pswpin"_s, u"0x3e00"_s } },
        { "SwapCacheDel", with(makeEvent(EventType::SwapCacheDel, 0xFF, 0, 0x3e00, slot42), 1000),
            L { u"0x3e00"_s, u"slot 42 of /dev/sdb"_s },
            L { u"folio_free_swap()"_s, u"delete_from_swap_cache()"_s, u"vm_swap_full()"_s, u"slot 42"_s } },
        { "OomCandidates", with(makeEvent(EventType::OomCandidates, 0xFF, 0, 60, candidatePoints, 25000, 300, 500), 1000),
            L { u"PID 1000: "_s + num(std::int64_t(candidatePoints)) + u" points"_s,
                u"rss 25000 + swapents 300 + pgtables 60 pages, oom_score_adj 500"_s },
            L { u"oom_evaluate_task()"_s, u"oom_badness()"_s, u"= 25360 pages"_s, u"oom_score_adj 500"_s,
                num(std::int64_t(candidatePoints)) + u" points"_s } },
        { "OomCandidates unkillable",
            with(makeEvent(EventType::OomCandidates, 0xFF, 0, 4, 0, 100, 0, static_cast<std::uint16_t>(-1000)), 1001),
            L { u"oom_score_adj -1000"_s }, L { u"LONG_MIN"_s, u"-1000"_s, u"rss 100"_s } },
        // oom_score = (1000 + 123456 · 1000 / 540000) · 2 / 3 = 818
        { "OomKill", with(makeEvent(EventType::OomKill, 0xFF, 0, 0, 123456, 540000, 1000), 1001),
            L { u"PID 1001: 123456 points"_s, u"PID 1000"_s },
            L { u"out_of_memory()"_s, u"select_bad_process()"_s, u"oom_kill_process()"_s, u"totalpages = 540000"_s,
                u"oom_score of 818"_s, u"Killed process 1001"_s } },
        { "OomKill allocating task",
            with(makeEvent(EventType::OomKill, 0xFF, 0, 0, 9000, 540000, 1000, EventFlag::AllocTask), 1000),
            L { u"PID 1000"_s, u"oom_kill_allocating_task"_s },
            L { u"vm.oom_kill_allocating_task"_s, u"9000 points"_s, u"oom_kill_process()"_s } },
        { "KernelPanic panic_on_oom", makeEvent(EventType::KernelPanic, 0xFF, 0, 0, 0),
            L { u"Kernel panic - not syncing: Out of memory: system-wide panic_on_oom is enabled"_s },
            L { u"check_panic_on_oom()"_s, u"panic(\"Out of memory: system-wide panic_on_oom is enabled\")"_s } },
        { "KernelPanic no victim", makeEvent(EventType::KernelPanic, 0xFF, 0, 0, 1),
            L { u"System is deadlocked on memory"_s },
            L { u"select_bad_process()"_s, u"panic(\"System is deadlocked on memory\")"_s } },
        { "ThpFault huge", with(makeEvent(EventType::ThpFault, 0xFF, 0, 0x3e00, 0x7f0000200000, 0, 0, EventFlag::Ok), 1000),
            L { u"PID 1000"_s, u"0x7f0000200000"_s, u"2 MiB"_s, u"0x3e00–0x3fff"_s },
            L { u"do_huge_pmd_anonymous_page()"_s, u"order-9"_s, u"512 pages"_s, u"thp_fault_alloc"_s } },
        { "ThpFault fallback", with(makeEvent(EventType::ThpFault, 0xFF, 0, 0, 0x7f0000200000), 1000),
            L { u"falls back to 4 KiB pages"_s },
            L { u"do_huge_pmd_anonymous_page()"_s, u"do_anonymous_page()"_s, u"thp_fault_fallback"_s } },
        { "ThpSplit", with(makeEvent(EventType::ThpSplit, 0xFF, 9, 0x3e00, 0x7f0000200000), 1000),
            L { u"0x7f0000200000"_s, u"0x3e00–0x3fff"_s, u"512 pages"_s, u"4 KiB"_s },
            L { u"split_huge_page()"_s, u"__split_huge_pmd()"_s, u"deposited"_s, u"thp_split_page"_s } },
        { "MadviseRegion", with(makeEvent(EventType::MadviseRegion, 0xFF, 14, 0, 0x7f0000000000, 0x7f0000400000), 1000),
            L { u"PID 1000 madvise(0x7f0000000000, 4 MiB, MADV_HUGEPAGE)"_s },
            L { u"VM_HUGEPAGE"_s, u"hugepage_madvise()"_s } },
        { "HugetlbPool dequeue",
            with(makeEvent(EventType::HugetlbPool, 0xFF, static_cast<int>(HugetlbOp::Dequeue), 0x3e00, 0, 0, 0, EventFlag::Ok),
                1000),
            L { u"PID 1000"_s, u"0x3e00–0x3fff"_s }, L { u"hugetlb_no_page()"_s, u"HugePages_Total"_s } },
        { "HugetlbPool no reserve",
            with(makeEvent(EventType::HugetlbPool, 0xFF, static_cast<int>(HugetlbOp::NoReserve), 0, 4ull << 20), 1000),
            L { u"MAP_HUGETLB"_s, u"4 MiB"_s, u"ENOMEM"_s }, L { u"hugetlb_reserve_pages()"_s, u"vm.nr_hugepages"_s } },
        { "OomScoreAdj",
            with(makeEvent(EventType::OomScoreAdj, 0xFF, 0, 0, static_cast<std::uint64_t>(std::int64_t(-500)), 0, 0), 1000),
            L { u"PID 1000 oom_score_adj = -500 (was 0)"_s },
            L { u"/proc/1000/oom_score_adj"_s, u"oom_badness()"_s,
                u"= "_s + num(-500 * std::int64_t(total / 1000)) + u" pages"_s } },
        { "DropCaches", makeEvent(EventType::DropCaches, 0xFF, 0, 0, 3, 1234),
            L { u"echo 3 > /proc/sys/vm/drop_caches"_s, u"1234 pages"_s, u"4.8 MiB"_s },
            L { u"drop_pagecache_sb()"_s, u"invalidate_mapping_pages()"_s, u"1234 pages"_s, u"drop_slab()"_s } },
        { "PageFault swap major",
            with(makeEvent(EventType::PageFault, 0xFF, static_cast<int>(FaultKind::Swap), 0, 0x7f0000001000, 0, 0,
                     AccessFlag::Major),
                1000),
            L { u"0x7f0000001000"_s, u"read back from swap (major)"_s },
            L { u"do_swap_page()"_s, u"swap_read_folio()"_s, u"pgmajfault"_s } },
        { "PageFault swap minor",
            with(makeEvent(EventType::PageFault, 0xFF, static_cast<int>(FaultKind::Swap), 0, 0x7f0000001000, 0, 0,
                     AccessFlag::Write),
                1000),
            L { u"write at 0x7f0000001000"_s, u"swap cache (minor)"_s },
            L { u"do_swap_page()"_s, u"without any disk I/O"_s } },
        { "SlowPath of a process",
            with(makeEvent(EventType::SlowPath, 0xFF, 0, 0, 0, 0, 0, static_cast<std::uint32_t>(ZoneType::Normal)), 1000),
            L { u"order-0"_s }, L { u"wakeup_kswapd()"_s, u"PID 1000"_s, u"direct reclaim"_s } },
        { "AllocFailed of a process",
            with(makeEvent(EventType::AllocFailed, 0xFF, 0, 0, 0, 0, 0, static_cast<std::uint32_t>(ZoneType::Normal)), 1000),
            L { u"order-0"_s }, L { u"direct reclaim"_s, u"OOM killer"_s, u"PID 1000"_s } },
    };
}

std::uint64_t run(Simulator& sim, Command c)
{
    const CommandResult r = sim.apply(c);
    if (r.error)
        qFatal("command %s refused: %s", std::string(commandTypeName(c.type)).c_str(), errorCodeName(r.error.code));
    return r.value;
}

Command access(std::uint32_t pid, std::uint64_t addr, std::uint64_t len, bool write)
{
    Command c = vmCommand(CommandType::Access, pid);
    c.addr = addr;
    c.len = len;
    c.write = write;
    return c;
}

/// A run with every virtual-memory event: a file with contents, a program with heap
/// and mmap memory, the zero page, a shared file mapping written through, a fork with
/// copy on write (copy and reuse), an mmapped malloc chunk freed again, mprotect and
/// the SIGSEGV it causes, a translation from CR3, physical writes, CR3 loaded by hand.
Simulator vmRun()
{
    Simulator sim = test::boot("x86-64", "256M");
    Command fc = vmCommand(CommandType::FileCreate, 0);
    fc.text = "testfile";
    fc.len = 6;
    fc.data = "hello\n";
    run(sim, fc);
    Command sp = vmCommand(CommandType::Spawn, 0);
    sp.text = "cow";
    const auto pid = static_cast<std::uint32_t>(run(sim, sp));

    Command ma = vmCommand(CommandType::Malloc, pid);
    ma.len = 16 * 4096;
    const std::uint64_t buf = run(sim, ma);
    run(sim, access(pid, buf, 16 * 4096, true)); // anonymous faults
    ma.len = 100;
    const std::uint64_t a = run(sim, ma);
    const std::uint64_t b = run(sim, ma);
    Command fr = vmCommand(CommandType::Free, pid);
    fr.addr = a;
    run(sim, fr); // between two live chunks: stays free
    ma.len = 50;
    run(sim, ma); // reuses it
    fr.addr = b;
    run(sim, fr); // borders the top chunk: merges into it

    Command mm = vmCommand(CommandType::Mmap, pid);
    mm.len = 4 * 4096;
    mm.prot = Prot::Read | Prot::Write;
    mm.mapFlags = MapFlag::Private | MapFlag::Anonymous;
    const std::uint64_t anon = run(sim, mm);
    run(sim, access(pid, anon, 4 * 4096, false)); // the zero page
    run(sim, access(pid, anon, 4 * 4096, true)); // copy on write from the zero page: zero-fill

    Command fm = vmCommand(CommandType::Mmap, pid);
    fm.len = 4096;
    fm.prot = Prot::Read | Prot::Write;
    fm.mapFlags = MapFlag::Shared;
    fm.text = "testfile";
    const std::uint64_t shared = run(sim, fm);
    run(sim, access(pid, shared, 1, false)); // file-major
    Command w = vmCommand(CommandType::Access, pid);
    w.addr = shared;
    w.data = "HELLO";
    run(sim, w); // wp_page_shared, then the bytes land in the page-cache frame

    const auto child = static_cast<std::uint32_t>(run(sim, vmCommand(CommandType::Fork, pid)));
    run(sim, access(child, buf, 4 * 4096, true)); // copy on write: copies
    run(sim, access(pid, buf, 4 * 4096, true)); // the parent is the last user: reuse

    Command big = vmCommand(CommandType::Malloc, pid);
    big.len = 256 * 1024;
    const std::uint64_t chunk = run(sim, big); // its own mmap
    fr.addr = chunk;
    run(sim, fr); // munmap_chunk

    Command tr = vmCommand(CommandType::Translate, 0);
    tr.addr = buf;
    run(sim, tr); // from CR3 (the parent's tables are loaded)
    tr.addr = 0x1000;
    run(sim, tr); // not mapped

    Command pw = vmCommand(CommandType::PhysWrite, 0);
    pw.addr = 0x100000;
    pw.data = "AB";
    run(sim, pw);
    Command base = vmCommand(CommandType::SetPageTableBase, 0);
    base.pfn = 0x200;
    run(sim, base);

    Command mp = vmCommand(CommandType::Mprotect, child);
    mp.addr = buf & ~std::uint64_t(4095);
    mp.len = 4096;
    mp.prot = Prot::Read;
    run(sim, mp);
    run(sim, access(child, buf, 8, true)); // SIGSEGV kills the child
    // Overcommit: a tunable written, then a request the strict mode refuses.
    Command sc = vmCommand(CommandType::SetSysctl, 0);
    sc.text = "vm.overcommit_memory";
    sc.len = 2;
    run(sim, sc);
    Command huge = vmCommand(CommandType::Malloc, pid);
    huge.len = 1ull << 40;
    run(sim, huge); // NULL: CommitRefused
    run(sim, vmCommand(CommandType::Exit, pid));
    return sim;
}

Command kcmd(CommandType t)
{
    return vmCommand(t, 0);
}

/// The kernel's own memory on an x86-64 machine with the allocator `slab`: a cache of
/// its own (created, grown, objects allocated and freed, shrunk), kmalloc of a size
/// class and a large one, both kfree'd, vmalloc and vfree, kmap of a lowmem page, and
/// a program started and ended (its task_struct and vmalloc'd kernel stack).
Simulator kmemRun(SlabKind slab)
{
    MachineConfig c = test::config("x86-64", "256M");
    c.slab = slab;
    Simulator sim = test::boot(c);
    Command cc = kcmd(CommandType::KmemCacheCreate);
    cc.text = "test_obj";
    cc.len = 100;
    cc.mapFlags = SlabFlag::HwcacheAlign;
    const std::uint64_t cache = run(sim, cc);
    Command ca = kcmd(CommandType::KmemCacheAlloc);
    ca.pfn = cache;
    std::vector<std::uint64_t> objects;
    for (int i = 0; i < 3; ++i) objects.push_back(run(sim, ca));
    Command cf = kcmd(CommandType::KmemCacheFree);
    cf.pfn = cache;
    for (std::uint64_t o : objects) {
        cf.addr = o;
        run(sim, cf);
    }
    Command cs = kcmd(CommandType::KmemCacheShrink);
    cs.pfn = cache;
    run(sim, cs); // SLUB: the cpu slab is deactivated first; then the empty slab goes
    Command km = kcmd(CommandType::Kmalloc);
    km.len = 100; // kmalloc-128
    const std::uint64_t small = run(sim, km);
    km.len = 20000; // above KMALLOC_MAX_CACHE_SIZE: an order-3 block
    const std::uint64_t large = run(sim, km);
    Command kf = kcmd(CommandType::Kfree);
    for (std::uint64_t a : { small, large }) {
        kf.addr = a;
        run(sim, kf);
    }
    Command vm = kcmd(CommandType::Vmalloc);
    vm.len = 64 * KiB;
    Command vf = kcmd(CommandType::Vfree);
    vf.addr = run(sim, vm);
    run(sim, vf);
    const auto page = sim.apply(Command::allocPages(0));
    if (!page.pfn) qFatal("no page for kmap");
    Command map = kcmd(CommandType::Kmap);
    map.pfn = *page.pfn;
    run(sim, map); // a direct-map page: nothing to map
    Command unmap = kcmd(CommandType::Kunmap);
    unmap.pfn = *page.pfn;
    run(sim, unmap);
    Command sp = vmCommand(CommandType::Spawn, 0);
    sp.text = "kernel";
    const auto pid = static_cast<std::uint32_t>(run(sim, sp));
    run(sim, vmCommand(CommandType::Exit, pid));
    return sim;
}

/// x86-32 with 2 GiB, so with HighMem: kmap() of every page of an order-10 HighMem block
/// (the pkmap scan wraps and flush_all_zero_pkmaps() runs), kmap_local_page(), and a
/// program's kernel stack, an order-1 lowmem block.
Simulator highmemRun()
{
    Simulator sim = test::boot("x86-32", "2G");
    test::skipPerCommandCheck(sim);
    const auto block = sim.apply(Command::allocPages(10, ZoneType::HighMem));
    if (!block.pfn) qFatal("no HighMem block");
    Command local = kcmd(CommandType::Kmap);
    local.pfn = *block.pfn;
    local.write = true;
    Command unlocal = kcmd(CommandType::Kunmap);
    unlocal.write = true;
    unlocal.addr = run(sim, local);
    run(sim, unlocal);
    Command map = kcmd(CommandType::Kmap);
    Command unmap = kcmd(CommandType::Kunmap);
    for (Pfn p = *block.pfn; p < *block.pfn + 1024; ++p) {
        map.pfn = unmap.pfn = p;
        run(sim, map);
        run(sim, unmap);
    }
    Command sp = vmCommand(CommandType::Spawn, 0);
    sp.text = "kernel";
    const auto pid = static_cast<std::uint32_t>(run(sim, sp));
    run(sim, vmCommand(CommandType::Exit, pid));
    return sim;
}

/// Two 256 MiB NUMA nodes: alloc_pages_node(1, order 10) until node 1 runs short and the
/// zonelist falls back to node 0.
Simulator numaRun()
{
    MachineConfig c = test::config("x86-64");
    c.numaNodes = { NumaNodeConfig { 256 * MiB, true }, NumaNodeConfig { 256 * MiB, true } };
    c.ramBytes = 512 * MiB;
    c.swapBytes = 0;
    Simulator sim = test::boot(c);
    for (int i = 0; i < 200; ++i) {
        Command a = Command::allocPages(10);
        a.node = 1;
        const std::uint64_t from = sim.eventCount();
        if (!sim.apply(a).pfn) break;
        for (std::uint64_t e = from; e < sim.eventCount(); ++e)
            if (sim.events()[e].type == EventType::NodeFallback) return sim;
    }
    qFatal("no NodeFallback");
}

/// Marks every string of context EventText, to prove the text goes through tr().
class MarkingTranslator : public QTranslator {
public:
    QString translate(const char* context, const char* source, const char*, int) const override
    {
        if (qstrcmp(context, "EventText") == 0) return u"«"_s + QString::fromUtf8(source);
        return QString();
    }
    bool isEmpty() const override { return false; }
};

} // namespace

Q_DECLARE_METATYPE(memviz::Event)
Q_DECLARE_METATYPE(memviz::Command)

class TestEventText : public QObject {
    Q_OBJECT
    std::unique_ptr<Simulator> m_vm;
    const Simulator& vm()
    {
        if (!m_vm) m_vm = std::make_unique<Simulator>(vmRun());
        return *m_vm;
    }
    std::vector<std::unique_ptr<Simulator>> m_kernel;
    /// The kernel-memory runs: SLAB, SLUB, x86-32 HighMem, two NUMA nodes.
    const std::vector<std::unique_ptr<Simulator>>& kernelRuns()
    {
        if (m_kernel.empty()) {
            m_kernel.push_back(std::make_unique<Simulator>(kmemRun(SlabKind::Slab)));
            m_kernel.push_back(std::make_unique<Simulator>(kmemRun(SlabKind::Slub)));
            m_kernel.push_back(std::make_unique<Simulator>(highmemRun()));
            m_kernel.push_back(std::make_unique<Simulator>(numaRun()));
        }
        return m_kernel;
    }

private slots:
    void everyTypeHasText_data();
    void everyTypeHasText();
    void everyTypeOccursInARealRun();
    void everyTypeHasNarration();
    void reclaimRunHasText();
    void newCommandTexts_data();
    void newCommandTexts();
    void durations();
    void everyVmEventHasText();
    void everyKernelEventHasText();
    void kernelTexts_data();
    void kernelTexts();
    void vmTexts_data();
    void vmTexts();
    void entriesAndProtections();
    void typeNamesDistinct();
    void listAddHeadAndTail();
    void zoneCheckVerdicts();
    void freeMentionsPerCpuListsOnlyForSmallOrders();
    void formatting();
    void statesAndZones();
    void goesThroughTr();
};

void TestEventText::everyTypeHasText_data()
{
    QTest::addColumn<Event>("event");
    QTest::addColumn<QStringList>("inSummary");
    QTest::addColumn<QStringList>("inExplanation");
    // Zone 1 of the 64 MiB x86-64 machine is DMA32.
    QTest::newRow("BuddyAlloc") << makeEvent(EventType::BuddyAlloc, 1, 0, 0x3e00, 8)
                                << QStringList { u"0x3e00"_s, u"DMA32"_s, u"4 KiB"_s }
                                << QStringList { u"__rmqueue_smallest()"_s, u"rmqueue()"_s, u"0x3e00"_s, u"order-8"_s };
    QTest::newRow("BuddySplit")
        << makeEvent(EventType::BuddySplit, 1, 3, 0x1000, 0x1004)
        << QStringList { u"Split order-3 block 0x1000 of DMA32: upper half 0x1004 → order-2 free list (head)"_s }
        << QStringList { u"expand()"_s, u"mm/page_alloc.c"_s, u"__rmqueue_smallest()"_s, u"0x1004"_s, u"32 KiB"_s,
               u"16 KiB"_s };
    QTest::newRow("BuddyFree") << makeEvent(EventType::BuddyFree, 1, 0, 0x3e00) << QStringList { u"0x3e00"_s, u"4 KiB"_s }
                               << QStringList { u"__free_one_page()"_s, u"free_unref_page()"_s, u"per-CPU"_s,
                                      u"0x3e01"_s };
    QTest::newRow("BuddyMerge") << makeEvent(EventType::BuddyMerge, 1, 1, 0x3e02, 0x3e00, 0x3e00)
                                << QStringList { u"0x3e02"_s, u"0x3e00"_s, u"order-2"_s }
                                << QStringList { u"__find_buddy_pfn()"_s, u"page_is_buddy()"_s, u"XOR"_s,
                                       u"0x3e02 XOR 0x2 = 0x3e00"_s };
    QTest::newRow("BuddyListAdd tail") << makeEvent(EventType::BuddyListAdd, 1, 8, 0x3e00, 0x3c00, 0, 0, EventFlag::Tail)
                                       << QStringList { u"TAIL"_s, u"0x3c00"_s }
                                       << QStringList { u"buddy_merge_likely()"_s, u"0x3c00"_s, u"0x3f00"_s,
                                              u"TAIL"_s };
    QTest::newRow("BuddyListAdd head") << makeEvent(EventType::BuddyListAdd, 1, 2, 0x3e04)
                                       << QStringList { u"head"_s, u"0x3e04"_s }
                                       << QStringList { u"buddy_merge_likely()"_s, u"head"_s, u"0x3e00"_s };
    QTest::newRow("ZoneCheck") << makeEvent(
        EventType::ZoneCheck, 1, 0, 0, 7936, 481, 12, static_cast<std::uint32_t>(Wmark::Low) | EventFlag::Ok)
                               << QStringList { u"7936"_s, u"481"_s, u"12"_s, u"pass"_s }
                               << QStringList { u"__zone_watermark_ok()"_s, u"zone_watermark_fast()"_s,
                                      u"lowmem_reserve"_s, u"7936"_s, u"493"_s };
    QTest::newRow("SlowPath") << makeEvent(
        EventType::SlowPath, 0xFF, 2, 0, 0, 0, 0, static_cast<std::uint32_t>(ZoneType::Normal))
                              << QStringList { u"order-2"_s, u"DMA32, DMA"_s }
                              << QStringList { u"__alloc_pages_slowpath()"_s, u"kswapd"_s, u"not simulate"_s,
                                     u"min watermark"_s };
    QTest::newRow("AllocFailed") << makeEvent(
        EventType::AllocFailed, 0xFF, 4, 0, 0, 0, 0, static_cast<std::uint32_t>(ZoneType::DMA32))
                                 << QStringList { u"order-4"_s, u"64 KiB"_s, u"DMA32, DMA"_s }
                                 << QStringList { u"direct reclaim"_s, u"compaction"_s, u"OOM killer"_s,
                                        u"does not simulate"_s };
    QTest::newRow("WatermarkCrossed") << makeEvent(
        EventType::WatermarkCrossed, 1, 0, 0, 480, 481, 0, static_cast<std::uint32_t>(Wmark::Low) | EventFlag::Below)
                                      << QStringList { u"480"_s, u"481"_s, u"low"_s }
                                      << QStringList { u"kswapd"_s, u"480"_s, u"481"_s };
    // Paths the presets do not reach (every x86 preset has PCID): written by hand.
    QTest::newRow("TlbFlush non-global") << makeEvent(EventType::TlbFlush, 0xFF, 0, 0, 0, 5, 0,
        static_cast<std::uint32_t>(TlbFlushKind::NonGlobal) << EventFlag::FlushKindShift)
                                         << QStringList { u"non-global"_s, u"5 entries"_s }
                                         << QStringList { u"Without PCID"_s, u"_PAGE_GLOBAL"_s, u"5 entries"_s };
    QTest::newRow("TlbFlush all") << makeEvent(EventType::TlbFlush, 0xFF, 0, 0, 0, 1, 0, 0)
                                  << QStringList { u"global ones too"_s, u"1 entry"_s }
                                  << QStringList { u"CR4.PGE"_s, u"1 valid"_s };
    QTest::newRow("ContextSwitch without PCID")
        << makeEvent(EventType::ContextSwitch, 0xFF, 0, 0, 0, 0x1234, 0, 0) << QStringList { u"0x1234"_s, u"flushed"_s }
        << QStringList { u"Without PCID"_s, u"switch_mm_irqs_off()"_s, u"0x1234"_s, u"single CPU"_s };
    QTest::newRow("PteSet PMD") << makeEvent(EventType::PteSet, 0xFF, 2, 0x3e00, 7, 0x3e01067, 0)
                                << QStringList { u"PMD entry 7"_s, u"0x3e00"_s, u"0x0 → 0x3e01067"_s }
                                << QStringList { u"frame 0x3e01: P RW US A D"_s, u"0 (empty)"_s,
                                       u"PTE table in frame 0x3e01"_s, u"pte_alloc()"_s, u"2 MiB"_s };
    QTest::newRow("WalkStep PTE not present")
        << makeEvent(EventType::WalkStep, 0xFF, 3, 0x3e00, 5, 0x3e00028, 0, 0)
        << QStringList { u"PTE entry 5"_s, u"0x3e00028"_s, u"page fault"_s }
        << QStringList { u"Level 4 of 4"_s, u"bits 20–12"_s, u"#PF"_s, u"0 (empty)"_s };
    QTest::newRow("TranslateDone not canonical")
        << makeEvent(EventType::TranslateDone, 0xFF, 0, 0, 0x800000000000, 0, ~std::uint64_t(0), 0)
        << QStringList { u"0x800000000000"_s, u"no walk"_s } << QStringList { u"canonical"_s };
    for (const HandRow& r : handBuilt()) QTest::newRow(r.name) << r.event << r.inSummary << r.inExplanation;
}

void TestEventText::everyTypeHasText()
{
    QFETCH(Event, event);
    QFETCH(QStringList, inSummary);
    QFETCH(QStringList, inExplanation);
    const Simulator sim = test::boot("x86-64", "64M");
    const QString s = EventText::summary(sim.current(), event);
    const QString x = EventText::explanation(sim.current(), event);
    QVERIFY(!s.isEmpty());
    QVERIFY(!x.isEmpty());
    QVERIFY2(!s.contains(u'\n'), qPrintable(s));
    static const QRegularExpression placeholder(u"%\\d"_s);
    QVERIFY2(!placeholder.match(s).hasMatch(), qPrintable(s));
    QVERIFY2(!placeholder.match(x).hasMatch(), qPrintable(x));
    for (const QString& w : inSummary) QVERIFY2(s.contains(w), qPrintable(w + u" not in: "_s + s));
    for (const QString& w : inExplanation) QVERIFY2(x.contains(w), qPrintable(w + u" not in: "_s + x));
    // 2–4 sentences, not an essay.
    const qsizetype sentences = x.count(u". "_s) + 1;
    QVERIFY2(sentences >= 2 && sentences <= 6, qPrintable(x));
}

void TestEventText::everyTypeOccursInARealRun()
{
    Simulator sim = test::boot("x86-64", "64M");
    const auto r = sim.apply(Command::allocPages(0));
    QVERIFY(r.pfn);
    sim.apply(Command::freePages(*r.pfn, 0));
    // Exhaust memory: the watermarks are crossed, the slow path runs and finally a request fails.
    for (int i = 0; i < 20000; ++i)
        if (!sim.apply(Command::allocPages(0)).pfn) break;
    std::vector<bool> seen(static_cast<std::size_t>(EventType::Count));
    for (const Event& e : sim.events()) {
        seen[static_cast<std::size_t>(e.type)] = true;
        QVERIFY(!EventText::summary(sim.initial(), e).isEmpty());
    }
    // The virtual-memory run and the kernel-memory runs (slab, kmalloc, vmalloc, kmap,
    // NUMA) supply the other types; every type has texts that are not just its internal name.
    const Simulator& v = vm();
    std::vector<std::uint64_t> firstVm(seen.size(), ~std::uint64_t(0));
    for (std::uint64_t i = 0; i < v.eventCount(); ++i) {
        const auto t = static_cast<std::size_t>(v.events()[i].type);
        seen[t] = true;
        if (firstVm[t] == ~std::uint64_t(0)) firstVm[t] = i;
    }
    for (const auto& k : kernelRuns()) {
        std::vector<bool> checked(seen.size());
        for (std::uint64_t i = 0; i < k->eventCount(); ++i) {
            const Event& e = k->events()[i];
            const auto t = static_cast<std::size_t>(e.type);
            seen[t] = true;
            if (checked[t]) continue;
            checked[t] = true;
            const QString s = EventText::summary(k->current(), e);
            const QString x = EventText::explanation(k->stateAt(i + 1), e);
            QVERIFY2(!s.isEmpty() && s != EventText::typeName(e.type), qPrintable(s));
            QVERIFY2(!x.isEmpty() && x != s, qPrintable(x));
        }
    }
    for (int t = 0; t < static_cast<int>(EventType::Count); ++t) {
        const auto type = static_cast<EventType>(t);
        const std::string_view raw = eventTypeName(type);
        const QString rawName = QString::fromLatin1(raw.data(), static_cast<qsizetype>(raw.size()));
        // Types the reclaim engine does not produce in these runs yet are covered by hand-built rows.
        const auto hand = handBuilt();
        const bool byHand
            = std::any_of(hand.begin(), hand.end(), [&](const HandRow& r) { return r.event.type == type; });
        QVERIFY2(seen[static_cast<std::size_t>(t)] || byHand, raw.data());
        const QString name = EventText::typeName(type);
        QVERIFY2(!name.isEmpty() && name != rawName, raw.data());
        if (firstVm[static_cast<std::size_t>(t)] == ~std::uint64_t(0)) continue; // a buddy event, checked below
        const std::uint64_t i = firstVm[static_cast<std::size_t>(t)];
        const Event& e = v.events()[i];
        const QString s = EventText::summary(v.current(), e);
        const QString x = EventText::explanation(v.stateAt(i + 1), e);
        QVERIFY2(!s.isEmpty() && s != rawName && s != name, raw.data());
        QVERIFY2(!x.isEmpty() && x != rawName && x != s, raw.data());
    }
    // Explanations read the machine after the event: check one of each type with its real state.
    std::vector<bool> explained(seen.size());
    for (std::uint64_t i = 0; i < sim.eventCount(); ++i) {
        const Event& e = sim.events()[i];
        if (explained[static_cast<std::size_t>(e.type)]) continue;
        explained[static_cast<std::size_t>(e.type)] = true;
        const Machine after = sim.stateAt(i + 1);
        const QString x = EventText::explanation(after, e);
        QVERIFY(!x.isEmpty());
        if (e.type == EventType::BuddySplit) {
            // "... the order-7 free list of DMA32, which now holds 1 block."
            const auto n = after.zones[e.zone].freeArea[e.order - 1].nrFree;
            QVERIFY2(x.contains(n == 1 ? u"1 block"_s : QString::number(n) + u" blocks"_s), qPrintable(x));
        }
        if (e.type == EventType::ZoneCheck) QVERIFY2(x.contains(QString::number(e.a)), qPrintable(x));
    }
}

void TestEventText::everyTypeHasNarration()
{
    // Every EventType has an English summary and explanation, whatever its fields hold:
    // all zero, or garbage (unknown pids, lists, swap areas, strings, reasons).
    const Simulator sim = test::boot("x86-64", "64M");
    static const QRegularExpression placeholder(u"%\\d"_s);
    for (int t = 0; t < static_cast<int>(EventType::Count); ++t) {
        const auto type = static_cast<EventType>(t);
        Event garbage = makeEvent(type, 0xFE, 11, 0x7fffffff, ~std::uint64_t(0), 0xdeadbeef, 0xfffff, 0xffffffff);
        garbage.pid = 4242;
        for (const Event& e : { makeEvent(type, 0xFF, 0, 0), garbage }) {
            const QString s = EventText::summary(sim.current(), e);
            const QString x = EventText::explanation(sim.current(), e);
            QVERIFY2(!s.isEmpty() && s != EventText::tr("Unknown event") && !s.contains(u'\n'), qPrintable(s));
            QVERIFY2(!x.isEmpty() && x != EventText::tr("memviz does not know this kind of event."), qPrintable(x));
            QVERIFY2(!placeholder.match(s).hasMatch(), qPrintable(s));
            QVERIFY2(!placeholder.match(x).hasMatch(), qPrintable(x));
        }
    }
}

void TestEventText::reclaimRunHasText()
{
    // A 64 MiB machine with 2 GiB of swap under pressure: a program writes more than RAM,
    // reads it back, sleeps, is given an oom_score_adj; page cache is dropped. Whatever the
    // engine records, every event reads well with the machine right after it.
    Simulator sim = test::boot("x86-64", "64M");
    const auto tryRun = [&](Command c) { return sim.apply(c); };
    Command sp = vmCommand(CommandType::Spawn, 0);
    sp.text = "hog";
    const CommandResult spawned = tryRun(sp);
    QVERIFY(!spawned.error);
    const auto pid = static_cast<std::uint32_t>(spawned.value);
    Command mm = vmCommand(CommandType::Mmap, pid);
    mm.len = 80 * MiB;
    mm.prot = Prot::Read | Prot::Write;
    mm.mapFlags = MapFlag::Private | MapFlag::Anonymous;
    const CommandResult mapped = tryRun(mm);
    QVERIFY(!mapped.error);
    tryRun(access(pid, mapped.value, 80 * MiB, true));
    tryRun(access(pid, mapped.value, 8 * MiB, false));
    Command adj = vmCommand(CommandType::SetOomScoreAdj, pid);
    adj.addr = static_cast<std::uint64_t>(std::int64_t(-500));
    tryRun(adj);
    Command sl = vmCommand(CommandType::Sleep, 0);
    sl.len = 2000000000;
    tryRun(sl);
    Command dc = vmCommand(CommandType::DropCaches, 0);
    dc.len = 3;
    tryRun(dc);

    Machine m = sim.initial();
    static const QRegularExpression placeholder(u"%\\d"_s);
    std::vector<bool> seen(static_cast<std::size_t>(EventType::Count));
    for (std::uint64_t i = 0; i < sim.eventCount(); ++i) {
        const Event& e = sim.events()[i];
        applyEvent(m, e);
        const auto t = static_cast<std::size_t>(e.type);
        const QString s = EventText::summary(sim.current(), e);
        QVERIFY2(!s.isEmpty() && !s.contains(u'\n') && !placeholder.match(s).hasMatch(), qPrintable(s));
        QCOMPARE(EventText::summary(m, e), s);
        if (seen[t] && e.type != EventType::Reclaim && e.type != EventType::SwapOut) continue;
        seen[t] = true;
        const QString x = EventText::explanation(m, e);
        QVERIFY2(!x.isEmpty() && !placeholder.match(x).hasMatch(), qPrintable(x));
        const qsizetype sentences = x.count(u". "_s) + 1;
        QVERIFY2(sentences >= 2 && sentences <= 6, qPrintable(x));
        if (e.type == EventType::Reclaim && !(e.flags & EventFlag::Active))
            QVERIFY2(s.contains(QString::number(e.a)) && s.contains(QString::number(e.b)), qPrintable(s));
        if (e.type == EventType::SwapOut) QVERIFY2(x.contains(u"/dev/sdb"_s), qPrintable(x));
    }
}

void TestEventText::newCommandTexts_data()
{
    QTest::addColumn<Command>("command");
    QTest::addColumn<QString>("text");
    Command sl = vmCommand(CommandType::Sleep, 0);
    sl.len = 1500000000;
    QTest::newRow("sleep") << sl << u"sleep 1.5 s"_s;
    Command on = vmCommand(CommandType::SwapOn, 0);
    on.text = "/swapfile";
    on.len = 512 * MiB;
    QTest::newRow("swapon") << on << u"swapon /swapfile (512 MiB)"_s;
    on.write = true;
    on.addr = 5;
    QTest::newRow("swapon -p") << on << u"swapon -p 5 /swapfile (512 MiB)"_s;
    Command adj = vmCommand(CommandType::SetOomScoreAdj, 1000);
    adj.addr = static_cast<std::uint64_t>(std::int64_t(-1000));
    QTest::newRow("oom_score_adj") << adj << u"echo -1000 > /proc/1000/oom_score_adj"_s;
    Command dc = vmCommand(CommandType::DropCaches, 0);
    dc.len = 3;
    QTest::newRow("drop_caches") << dc << u"echo 3 > /proc/sys/vm/drop_caches"_s;
    Command km = kcmd(CommandType::Kmalloc);
    km.len = 100;
    QTest::newRow("kmalloc") << km << u"kmalloc(100)"_s;
    km.node = 1;
    QTest::newRow("kmalloc_node") << km << u"kmalloc_node(100, node 1)"_s;
    Command ca = kcmd(CommandType::KmemCacheAlloc);
    ca.pfn = 5;
    QTest::newRow("kmem_cache_alloc without a machine") << ca << u"kmem_cache_alloc(cache 5)"_s;
    Command vm = kcmd(CommandType::Vmalloc);
    vm.len = 64 * KiB;
    QTest::newRow("vmalloc") << vm << u"vmalloc(64 KiB)"_s;
    Command map = kcmd(CommandType::Kmap);
    map.pfn = 0x3a000;
    QTest::newRow("kmap") << map << u"kmap(pfn 0x3a000)"_s;
}

void TestEventText::newCommandTexts()
{
    QFETCH(Command, command);
    QFETCH(QString, text);
    QCOMPARE(EventLogModel::commandText(command), text);
}

void TestEventText::durations()
{
    QCOMPARE(EventText::duration(2000000000), u"2 s"_s);
    QCOMPARE(EventText::duration(1500000000), u"1.5 s"_s);
    QCOMPARE(EventText::duration(250000000), u"250 ms"_s);
    QCOMPARE(EventText::duration(40000), u"40 µs"_s);
    QCOMPARE(EventText::duration(800), u"800 ns"_s);
}

void TestEventText::everyVmEventHasText()
{
    // Each event of the run, explained with the machine right after it (applied one by
    // one, as the player steps). Summaries read only names given once, so the machine
    // right after the event and the run's last machine give the same line.
    const Simulator& v = vm();
    Machine m = v.initial();
    static const QRegularExpression placeholder(u"%\\d"_s);
    static const QRegularExpression unknownFile(u"\\bfile \\d"_s);
    for (std::uint64_t i = 0; i < v.eventCount(); ++i) {
        const Event& e = v.events()[i];
        applyEvent(m, e);
        const QString s = EventText::summary(v.current(), e);
        QVERIFY2(!s.isEmpty() && !s.contains(u'\n') && !placeholder.match(s).hasMatch(), qPrintable(s));
        QCOMPARE(EventText::summary(m, e), s);
        const QString x = EventText::explanation(m, e);
        QVERIFY2(!x.isEmpty() && !placeholder.match(x).hasMatch(), qPrintable(x));
        QVERIFY2(!unknownFile.match(s + x).hasMatch(), qPrintable(x)); // every file is named by its path
        const qsizetype sentences = x.count(u". "_s) + 1;
        QVERIFY2(sentences >= 2 && sentences <= 6, qPrintable(x));
    }
}

void TestEventText::everyKernelEventHasText()
{
    // Every event of the kernel-memory runs, explained with the machine right after it,
    // in 2 to 6 sentences; the summary is the same with the run's last machine.
    static const QRegularExpression placeholder(u"%\\d"_s);
    std::vector<bool> seen(static_cast<std::size_t>(EventType::Count));
    for (const auto& k : kernelRuns()) {
        Machine m = k->initial();
        for (std::uint64_t i = 0; i < k->eventCount(); ++i) {
            const Event& e = k->events()[i];
            applyEvent(m, e);
            seen[static_cast<std::size_t>(e.type)] = true;
            const QString s = EventText::summary(k->current(), e);
            QVERIFY2(!s.isEmpty() && !s.contains(u'\n') && !placeholder.match(s).hasMatch(), qPrintable(s));
            QCOMPARE(EventText::summary(m, e), s);
            const QString x = EventText::explanation(m, e);
            QVERIFY2(!x.isEmpty() && !placeholder.match(x).hasMatch(), qPrintable(x));
            const qsizetype sentences = x.count(u". "_s) + 1;
            QVERIFY2(sentences >= 2 && sentences <= 6, qPrintable(x));
        }
    }
    for (EventType t : { EventType::SlabCacheNew, EventType::SlabGrow, EventType::SlabAlloc, EventType::SlabFree,
             EventType::SlabShrink, EventType::Kmalloc, EventType::Vmalloc, EventType::Vfree, EventType::Kmap,
             EventType::Kunmap, EventType::NodeFallback })
        QVERIFY2(seen[static_cast<std::size_t>(t)], eventTypeName(t).data());
}

void TestEventText::kernelTexts_data()
{
    QTest::addColumn<int>("run");
    QTest::addColumn<qulonglong>("index");
    QTest::addColumn<QStringList>("inSummary");
    QTest::addColumn<QStringList>("inExplanation");
    const auto& runs = kernelRuns();
    // The first event of run r matching `pred`; the test fails to build its rows when none does.
    const auto find = [&](int r, auto pred) -> std::uint64_t {
        const auto& ev = runs[static_cast<std::size_t>(r)]->events();
        for (std::uint64_t i = 0; i < ev.size(); ++i)
            if (pred(ev[i])) return i;
        qFatal("no such event in run %d", r);
    };
    const auto is = [](EventType t) { return [t](const Event& e) { return e.type == t; }; };
    const auto op = [](EventType t, auto o) {
        return [t, o](const Event& e) { return e.type == t && e.order == static_cast<std::uint8_t>(o); };
    };
    const auto ev = [&](int r, std::uint64_t i) { return runs[static_cast<std::size_t>(r)]->events()[i]; };
    using L = QStringList;
    enum { Slab, Slub, HighMem, Numa };
    QTest::newRow("SlabCacheNew SLAB") << int(Slab) << qulonglong(find(Slab, is(EventType::SlabCacheNew)))
        << L { u"kmem_cache_create(\"test_obj\", 100 bytes)"_s }
        << L { u"kmem_cache_create()"_s, u"calculate_slab_order()"_s, u"SLAB_HWCACHE_ALIGN"_s, u"slab_nomerge"_s,
               u"128 bytes"_s };
    QTest::newRow("SlabCacheNew SLUB") << int(Slub) << qulonglong(find(Slub, is(EventType::SlabCacheNew)))
        << L { u"test_obj"_s } << L { u"calculate_order()"_s, u"min_objects"_s, u"fls(2 CPUs)"_s };
    {
        const std::uint64_t i = find(Slab, [](const Event& e) { return e.type == EventType::SlabGrow; });
        QTest::newRow("SlabGrow SLAB") << int(Slab) << qulonglong(i) << L { u"grows"_s, EventText::pfn(ev(Slab, i).pfn) }
            << L { u"cache_alloc_refill()"_s, u"cache_grow_begin()"_s, u"slabs_free"_s, u"colouring"_s };
    }
    QTest::newRow("SlabGrow SLUB") << int(Slub) << qulonglong(find(Slub, is(EventType::SlabGrow))) << L { u"grows"_s }
        << L { u"___slab_alloc()"_s, u"new_slab()"_s, u"allocate_slab()"_s, u"CPU's slab"_s };
    {
        const std::uint64_t i = find(Slab, is(EventType::SlabAlloc));
        QTest::newRow("SlabAlloc SLAB") << int(Slab) << qulonglong(i)
            << L { u"kmem_cache_alloc(test_obj)"_s, EventText::hex(ev(Slab, i).a) }
            << L { u"____cache_alloc()"_s, u"fixup_slab_list()"_s, u"slabs_partial"_s, u"1 of "_s,
                   u"per-CPU array cache"_s };
    }
    QTest::newRow("SlabAlloc SLUB") << int(Slub) << qulonglong(find(Slub, is(EventType::SlabAlloc)))
        << L { u"kmem_cache_alloc(test_obj)"_s } << L { u"slab_alloc_node()"_s, u"cpu slab"_s };
    QTest::newRow("SlabAlloc task_struct") << int(Slab) << qulonglong(find(Slab, [](const Event& e) {
        return e.type == EventType::SlabAlloc && e.pid;
    })) << L { u"task_struct"_s } << L { u"dup_task_struct()"_s, u"(kernel)"_s };
    QTest::newRow("SlabFree SLAB") << int(Slab) << qulonglong(find(Slab, is(EventType::SlabFree)))
        << L { u"kmem_cache_free(test_obj"_s } << L { u"free_block()"_s, u"free_limit"_s, u"cache_flusharray()"_s };
    QTest::newRow("SlabFree SLUB") << int(Slub) << qulonglong(find(Slub, is(EventType::SlabFree)))
        << L { u"kmem_cache_free(test_obj"_s } << L { u"do_slab_free()"_s, u"__slab_free()"_s, u"min_partial"_s };
    QTest::newRow("SlabShrink SLAB") << int(Slab) << qulonglong(find(Slab, is(EventType::SlabShrink)))
        << L { u"test_obj gives the empty slab"_s } << L { u"slab_destroy()"_s, u"kmem_cache_shrink()"_s };
    QTest::newRow("SlabShrink SLUB deactivate") << int(Slub) << qulonglong(find(Slub, [](const Event& e) {
        return e.type == EventType::SlabShrink && (e.flags & kSlabDeactivate);
    })) << L { u"deactivate_slab"_s } << L { u"deactivate_slab()"_s, u"flush_all()"_s };
    QTest::newRow("SlabShrink SLUB discard") << int(Slub) << qulonglong(find(Slub, [](const Event& e) {
        return e.type == EventType::SlabShrink && !(e.flags & kSlabDeactivate);
    })) << L { u"back to the buddy allocator"_s } << L { u"discard_slab()"_s, u"min_partial"_s };
    QTest::newRow("Kmalloc small") << int(Slab) << qulonglong(find(Slab, [](const Event& e) {
        return e.type == EventType::Kmalloc && e.c != kNoCache && !(e.flags & EventFlag::Free);
    })) << L { u"kmalloc(100)"_s, u"kmalloc-128"_s }
        << L { u"kmalloc_slab()"_s, u"kmalloc_size_index[]"_s, u"28 bytes"_s, u"kmalloc-128"_s };
    QTest::newRow("Kmalloc large") << int(Slab) << qulonglong(find(Slab, [](const Event& e) {
        return e.type == EventType::Kmalloc && e.c == kNoCache && !(e.flags & EventFlag::Free);
    })) << L { u"kmalloc(20000)"_s, u"order-3"_s }
        << L { u"kmalloc_large()"_s, u"KMALLOC_MAX_CACHE_SIZE"_s, u"SUnreclaim"_s, u"12.5 KiB"_s };
    QTest::newRow("kfree small") << int(Slub) << qulonglong(find(Slub, [](const Event& e) {
        return e.type == EventType::Kmalloc && e.c != kNoCache && (e.flags & EventFlag::Free);
    })) << L { u"kfree("_s, u"kmalloc-128"_s } << L { u"mm/slub.c"_s, u"kmem_cache_free()"_s };
    QTest::newRow("kfree large") << int(Slab) << qulonglong(find(Slab, [](const Event& e) {
        return e.type == EventType::Kmalloc && e.c == kNoCache && (e.flags & EventFlag::Free);
    })) << L { u"kfree("_s, u"order-3"_s } << L { u"free_large_kmalloc()"_s, u"32 kB"_s };
    QTest::newRow("vmalloc reserve") << int(Slab) << qulonglong(find(Slab, [&](const Event& e) {
        return op(EventType::Vmalloc, VmallocOp::Reserve)(e) && e.c == 0;
    })) << L { u"vmalloc(64 KiB)"_s, u"68 KiB with the guard page"_s }
        << L { u"__vmalloc_node_range()"_s, u"alloc_vmap_area()"_s, u"16 pages"_s, u"Simplification"_s };
    QTest::newRow("vmalloc map") << int(Slab) << qulonglong(find(Slab, op(EventType::Vmalloc, VmallocOp::Map)))
        << L { u"vmalloc area"_s } << L { u"vmap_pages_range()"_s, u"__GFP_HIGHMEM"_s };
    QTest::newRow("kernel stack reserve") << int(Slab) << qulonglong(find(Slab, [&](const Event& e) {
        return op(EventType::Vmalloc, VmallocOp::Reserve)(e) && e.c == 1;
    })) << L { u"Kernel stack of PID"_s } << L { u"alloc_thread_stack_node()"_s, u"CONFIG_VMAP_STACK"_s, u"16 KiB"_s };
    QTest::newRow("vfree") << int(Slab) << qulonglong(find(Slab, [](const Event& e) {
        return e.type == EventType::Vfree && e.c == 0;
    })) << L { u"vfree("_s } << L { u"remove_vm_area()"_s, u"lazy_max_pages"_s, u"16 pages"_s };
    QTest::newRow("vfree kernel stack") << int(Slab) << qulonglong(find(Slab, [](const Event& e) {
        return e.type == EventType::Vfree && e.c == 1;
    })) << L { u"Kernel stack of PID"_s } << L { u"free_thread_stack()"_s, u"NR_CACHED_STACKS"_s };
    QTest::newRow("kernel TLB flush") << int(Slab) << qulonglong(find(Slab, [](const Event& e) {
        return e.type == EventType::TlbFlush && (e.flags & EventFlag::Kernel);
    })) << L { u"kernel address"_s } << L { u"flush_tlb_kernel_range()"_s, u"_PAGE_GLOBAL"_s };
    QTest::newRow("kmap direct") << int(Slab) << qulonglong(find(Slab, op(EventType::Kmap, KmapKind::Direct)))
        << L { u"direct-map"_s } << L { u"page_address()"_s, u"64-bit"_s };
    QTest::newRow("kunmap direct") << int(Slab) << qulonglong(find(Slab, op(EventType::Kunmap, KmapKind::Direct)))
        << L { u"nothing to undo"_s } << L { u"nothing to undo"_s };
    QTest::newRow("kernel stack x86-32") << int(HighMem)
        << qulonglong(find(HighMem, op(EventType::Vmalloc, VmallocOp::DirectStack))) << L { u"order-1"_s }
        << L { u"CONFIG_VMAP_STACK"_s, u"8 KiB"_s, u"no guard page"_s };
    QTest::newRow("vfree kernel stack x86-32") << int(HighMem)
        << qulonglong(find(HighMem, op(EventType::Vfree, VmallocOp::DirectStack))) << L { u"goes back"_s }
        << L { u"free_thread_stack()"_s };
    QTest::newRow("kmap pkmap") << int(HighMem) << qulonglong(find(HighMem, op(EventType::Kmap, KmapKind::Pkmap)))
        << L { u"pkmap slot 1"_s, u"count 2"_s }
        << L { u"kmap_high()"_s, u"map_new_virtual()"_s, u"LAST_PKMAP"_s, u"pkmap_count[1] is now 2"_s };
    QTest::newRow("kunmap pkmap") << int(HighMem) << qulonglong(find(HighMem, op(EventType::Kunmap, KmapKind::Pkmap)))
        << L { u"count now 1"_s } << L { u"kunmap_high()"_s, u"flush_all_zero_pkmaps()"_s };
    QTest::newRow("kmap_local") << int(HighMem) << qulonglong(find(HighMem, op(EventType::Kmap, KmapKind::Local)))
        << L { u"kmap_local_page"_s, u"fixmap slot 0"_s } << L { u"kmap_local_idx_push()"_s, u"1 of 16"_s };
    QTest::newRow("kunmap_local") << int(HighMem) << qulonglong(find(HighMem, op(EventType::Kunmap, KmapKind::Local)))
        << L { u"kunmap_local("_s } << L { u"kunmap_local_indexed()"_s, u"flush_tlb_one_kernel()"_s };
    QTest::newRow("pkmap flush") << int(HighMem) << qulonglong(find(HighMem, op(EventType::Kunmap, KmapKind::Flush)))
        << L { u"flush_all_zero_pkmaps()"_s, u"1023 unused"_s } << L { u"wraps to slot 0"_s, u"1023 slots"_s };
    {
        const std::uint64_t i = find(Numa, is(EventType::NodeFallback));
        QTest::newRow("NodeFallback") << int(Numa) << qulonglong(i) << L { u"Node 1"_s, u"(node 0)"_s }
            << L { u"get_page_from_freelist()"_s, u"zone_statistics()"_s, u"numa_miss"_s, u"1 0"_s,
                   u"node_distance(1, 0) = 20"_s };
    }
}

void TestEventText::kernelTexts()
{
    QFETCH(int, run);
    QFETCH(qulonglong, index);
    QFETCH(QStringList, inSummary);
    QFETCH(QStringList, inExplanation);
    const Simulator& k = *kernelRuns()[static_cast<std::size_t>(run)];
    const Event& e = k.events()[index];
    const QString s = EventText::summary(k.current(), e);
    const QString x = EventText::explanation(k.stateAt(index + 1), e);
    for (const QString& w : inSummary) QVERIFY2(s.contains(w), qPrintable(w + u" not in: "_s + s));
    for (const QString& w : inExplanation) QVERIFY2(x.contains(w), qPrintable(w + u" not in: "_s + x));
}

void TestEventText::vmTexts_data()
{
    QTest::addColumn<qulonglong>("index");
    QTest::addColumn<QStringList>("inSummary");
    QTest::addColumn<QStringList>("inExplanation");
    const Simulator& v = vm();
    const Machine& end = v.current();
    const auto& ev = v.events();
    // The first event matching `pred`; the test fails to build its rows when none does.
    const auto find = [&](auto pred) -> std::uint64_t {
        for (std::uint64_t i = 0; i < ev.size(); ++i)
            if (pred(ev[i])) return i;
        qFatal("no such event in the run");
    };
    const auto fault = [&](FaultKind k) {
        return
            [k](const Event& e) { return e.type == EventType::PageFault && e.order == static_cast<std::uint8_t>(k); };
    };
    const auto hex = [](std::uint64_t x) { return EventText::hex(x); };
    const std::uint32_t parent = end.procs.begin()->first;
    const QString zero = EventText::pfn(end.zeroPfn);

    {
        // A write to a page shared since fork: the source frame is what the entry maps before the copy.
        const std::uint64_t i = find([&](const Event& e) {
            return fault(FaultKind::CowCopy)(e) && (e.flags & AccessFlag::Present) && e.pid != parent;
        });
        const Event& e = ev[i];
        const vm::WalkResult w = vm::translate(v.stateAt(i + 1), e.pid, e.a);
        QVERIFY(w.ok);
        QTest::newRow("PageFault cow-copy after fork")
            << qulonglong(i) << QStringList { hex(e.a), u"copy on write"_s }
            << QStringList { u"do_wp_page()"_s, u"wp_page_copy()"_s, EventText::pfn(w.paddr >> 12), u"fork"_s,
                   QString::number(e.pid) };
    }
    {
        // Start-up writes the program's data: the first copy is do_cow_fault() of a private file page.
        const std::uint64_t i
            = find([](const Event& e) { return e.type == EventType::CowCopy && !(e.flags & EventFlag::ZeroFill); });
        const Event& e = ev[i];
        QTest::newRow("CowCopy of a private file page")
            << qulonglong(i) << QStringList { EventText::pfn(e.pfn), EventText::pfn(e.b) }
            << QStringList { u"do_cow_fault()"_s, u"/cow"_s, EventText::pfn(e.pfn), EventText::pfn(e.b) };
    }
    {
        const std::uint64_t i = find([&](const Event& e) {
            return e.type == EventType::CowCopy && !(e.flags & EventFlag::ZeroFill) && e.pid != parent;
        });
        const Event& e = ev[i];
        QTest::newRow("CowCopy after fork")
            << qulonglong(i) << QStringList { EventText::pfn(e.pfn), EventText::pfn(e.b) }
            << QStringList { u"do_wp_page()"_s, u"wp_page_copy()"_s, u"copy_user_highpage()"_s, EventText::pfn(e.pfn),
                   EventText::pfn(e.b), hex(e.a) };
    }
    {
        const std::uint64_t i
            = find([](const Event& e) { return e.type == EventType::CowCopy && (e.flags & EventFlag::ZeroFill); });
        const Event& e = ev[i];
        QTest::newRow("CowCopy zero-fill")
            << qulonglong(i) << QStringList { u"zero-filled"_s, EventText::pfn(e.b) }
            << QStringList { u"zero page"_s, zero, EventText::pfn(e.b), u"wp_page_copy()"_s };
    }
    {
        // The fault just before the first zero-filled copy is the write to the zero page.
        std::uint64_t i
            = find([](const Event& e) { return e.type == EventType::CowCopy && (e.flags & EventFlag::ZeroFill); });
        while (ev[i].type != EventType::PageFault) --i;
        QTest::newRow("PageFault cow-copy of the zero page")
            << qulonglong(i) << QStringList { u"copy on write"_s }
            << QStringList { u"do_wp_page()"_s, u"vm_normal_page()"_s, u"zero-fills"_s, zero };
    }
    {
        // Start-up writes the program's data: the first copy-on-write fault copies a private file page.
        const std::uint64_t i = find(fault(FaultKind::CowCopy));
        QTest::newRow("PageFault cow-copy of a private file page")
            << qulonglong(i) << QStringList { u"copy on write"_s }
            << QStringList { u"do_cow_fault()"_s, u"/cow"_s, u"never sees the write"_s };
    }
    {
        const std::uint64_t i = find(fault(FaultKind::ZeroPage));
        QTest::newRow("PageFault zero-page")
            << qulonglong(i) << QStringList { u"zero page"_s, hex(ev[i].a) }
            << QStringList { u"do_anonymous_page()"_s, u"read-only"_s, zero, u"RSS does not grow"_s };
    }
    {
        const std::uint64_t i = find(fault(FaultKind::Anon));
        QTest::newRow("PageFault anon") << qulonglong(i) << QStringList { u"new anonymous page"_s }
                                        << QStringList { u"do_anonymous_page()"_s, u"zeroes"_s, u"minor fault"_s };
    }
    {
        const std::uint64_t i = find(fault(FaultKind::CowReuse));
        const vm::WalkResult w = vm::translate(v.stateAt(i + 1), ev[i].pid, ev[i].a);
        QTest::newRow("PageFault cow-reuse")
            << qulonglong(i) << QStringList { u"reuse"_s }
            << QStringList { u"wp_page_reuse()"_s, u"refcount 1"_s, EventText::pfn(w.paddr >> 12) };
    }
    {
        const std::uint64_t i = find(fault(FaultKind::FileMajor));
        QTest::newRow("PageFault file-major")
            << qulonglong(i) << QStringList { u"major"_s, hex(ev[i].a) }
            << QStringList { u"filemap_fault()"_s, u"VM_FAULT_MAJOR"_s, u"/testfile"_s, u"majflt (now 1)"_s };
    }
    {
        const std::uint64_t i
            = find([&](const Event& e) { return fault(FaultKind::FileMinor)(e) && (e.flags & AccessFlag::Write); });
        QTest::newRow("PageFault file-minor, shared write") << qulonglong(
            i) << QStringList { u"minor"_s } << QStringList { u"wp_page_shared()"_s, u"/testfile"_s, u"dirty"_s };
    }
    {
        const std::uint64_t i = find(fault(FaultKind::Segv));
        QTest::newRow("PageFault segv") << qulonglong(i) << QStringList { u"SIGSEGV"_s }
                                        << QStringList { u"access_error()"_s, u"bad_area_access_error()"_s,
                                               u"SIGSEGV"_s, u"r--"_s };
    }
    {
        const std::uint64_t i = find([](const Event& e) { return e.type == EventType::ProcessExit && e.a == 11; });
        QTest::newRow("ProcessExit SIGSEGV")
            << qulonglong(i) << QStringList { u"SIGSEGV"_s, u"Segmentation fault"_s }
            << QStringList { u"Segmentation fault"_s, u"exit_mmap()"_s, u"do_exit()"_s, u"cow"_s };
    }
    {
        const std::uint64_t i = find([](const Event& e) { return e.type == EventType::ProcessExit && e.a == 0; });
        QTest::newRow("ProcessExit exit") << qulonglong(i) << QStringList { u"exits with status 0"_s }
                                          << QStringList { u"exit(0)"_s, u"exit_mmap()"_s };
    }
    {
        const std::uint64_t i
            = find([](const Event& e) { return e.type == EventType::ProcessNew && (e.flags & EventFlag::Fork); });
        QTest::newRow("ProcessNew fork") << qulonglong(
            i) << QStringList { u"fork"_s, QString::number(parent), EventText::pfn(ev[i].pfn) }
                                         << QStringList { u"copy_process()"_s, u"dup_mm()"_s, u"copy_page_range()"_s,
                                                QString::number(parent) };
    }
    {
        const std::uint64_t i
            = find([](const Event& e) { return e.type == EventType::ProcessNew && !(e.flags & EventFlag::Fork); });
        QTest::newRow("ProcessNew exec") << qulonglong(i) << QStringList { u"cow"_s, QString::number(parent) }
                                         << QStringList { u"execve()"_s, u"load_elf_binary()"_s, u"cow"_s,
                                                EventText::pfn(ev[i].pfn), u"kernel half"_s };
    }
    {
        const std::uint64_t i = find([](const Event& e) {
            return e.type == EventType::MallocChunk && (e.flags & EventFlag::Mmapped) && !(e.flags & EventFlag::Free);
        });
        QTest::newRow("MallocChunk mmapped")
            << qulonglong(i) << QStringList { hex(ev[i].a) }
            << QStringList { u"sysmalloc()"_s, u"mmap threshold (128 KiB)"_s, hex(ev[i].a) };
    }
    {
        const std::uint64_t i = find([](const Event& e) {
            return e.type == EventType::MallocChunk && (e.flags & EventFlag::Mmapped) && (e.flags & EventFlag::Free);
        });
        // The freed chunk of 260 KiB lifts the dynamic mmap threshold.
        QTest::newRow("MallocChunk free mmapped")
            << qulonglong(i) << QStringList { u"munmap_chunk()"_s, hex(ev[i].a) }
            << QStringList { u"munmap_chunk()"_s, u"IS_MMAPPED"_s, u"raises the threshold to 260 KiB"_s };
    }
    {
        const std::uint64_t i = find([](const Event& e) { return e.type == EventType::MallocChunk && !e.flags; });
        QTest::newRow("MallocChunk from the top")
            << qulonglong(i) << QStringList { hex(ev[i].a), hex(ev[i].a + 16) }
            << QStringList { u"_int_malloc()"_s, u"request2size()"_s, u"top chunk"_s, hex(ev[i].a + 16) };
    }
    {
        const auto heapFree
            = [](const Event& e) { return e.type == EventType::MallocChunk && e.flags == EventFlag::Free; };
        const std::uint64_t i = find(heapFree);
        QTest::newRow("MallocChunk free between live chunks")
            << qulonglong(i) << QStringList { u"free("_s + hex(ev[i].a + 16) + u')', u"112 bytes"_s }
            << QStringList { u"stays on the free chunks"_s, u"tcache"_s, u"M_TRIM_THRESHOLD (128 KiB)"_s };
        std::uint64_t r = i + 1;
        while (ev[r].type != EventType::MallocChunk) ++r;
        QTest::newRow("MallocChunk reuse") << qulonglong(r) << QStringList { u"64 bytes"_s, hex(ev[i].a) }
                                           << QStringList { u"reuses a free chunk"_s, hex(ev[i].a + 16) };
        std::uint64_t t = r + 1;
        while (!heapFree(ev[t])) ++t;
        QTest::newRow("MallocChunk free into the top")
            << qulonglong(t) << QStringList { u"112 bytes"_s } << QStringList { u"merges into it"_s };
    }
    {
        // A write through a TLB entry a read loaded (the zero page): the hit itself faults.
        std::uint64_t i = 0;
        while (!(ev[i].type == EventType::TlbLookup && (ev[i].flags & EventFlag::Hit)
            && (ev[i].flags & AccessFlag::Write) && ev[i + 1].type == EventType::PageFault))
            ++i;
        QTest::newRow("TlbLookup hit, write not allowed")
            << qulonglong(i) << QStringList { u"TLB hit: write"_s }
            << QStringList { u"does not allow writing"_s, u"present, write"_s };
    }
    {
        const std::uint64_t i = find([](const Event& e) { return e.type == EventType::BrkSet && e.b > e.a; });
        QTest::newRow("BrkSet") << qulonglong(i) << QStringList { hex(ev[i].a), hex(ev[i].b), u"+132 KiB"_s }
                                << QStringList { u"brk()"_s, u"M_TOP_PAD"_s, u"[heap]"_s, u"132 KiB"_s };
    }
    {
        // The entry written right after the first anonymous fault maps that page.
        const std::uint64_t f = find(fault(FaultKind::Anon));
        std::uint64_t i = f;
        while (ev[i].type != EventType::PteSet || ev[i].order != 3) ++i;
        const Event& e = ev[i];
        QTest::newRow("PteSet leaf") << qulonglong(i) << QStringList { u"PTE entry"_s, hex(e.b), EventText::pfn(e.pfn) }
                                     << QStringList { hex(ev[f].a & ~std::uint64_t(0xfff)),
                                            EventText::pfn(e.b >> 12 & 0xfffffffff), u"P RW US A D NX"_s, u"writable"_s,
                                            u"an anonymous page"_s };
    }
    {
        const std::uint64_t i = find([](const Event& e) { return e.type == EventType::WalkStep && e.order == 2; });
        QTest::newRow("WalkStep PMD") << qulonglong(i) << QStringList { u"PMD entry"_s, hex(ev[i].b) }
                                      << QStringList { u"PMD"_s, u"bits 29–21"_s, hex(ev[i].b), u"Level 3 of 4"_s };
    }
    {
        const std::uint64_t i = find([](const Event& e) {
            return e.type == EventType::TlbFlush
                && ((e.flags >> EventFlag::FlushKindShift) & 0xF) == static_cast<std::uint32_t>(TlbFlushKind::Asid);
        });
        QTest::newRow("TlbFlush pcid") << qulonglong(i) << QStringList { u"PCID"_s }
                                       << QStringList { u"choose_new_asid()"_s, u"CR3_NOFLUSH"_s };
    }
    {
        const std::uint64_t i = find([](const Event& e) { return e.type == EventType::ContextSwitch; });
        QTest::newRow("ContextSwitch") << qulonglong(i) << QStringList { EventText::pfn(ev[i].b), u"new PCID 1"_s }
                                       << QStringList { u"switch_mm_irqs_off()"_s, u"slot 0"_s, u"single CPU"_s };
    }
    {
        const std::uint64_t i
            = find([](const Event& e) { return e.type == EventType::TlbLookup && !(e.flags & EventFlag::Hit); });
        QTest::newRow("TlbLookup miss") << qulonglong(i) << QStringList { u"miss"_s, hex(ev[i].a) }
                                        << QStringList { u"walks the page tables"_s, u"4 levels"_s };
    }
    {
        const std::uint64_t i
            = find([](const Event& e) { return e.type == EventType::TlbFill && (e.flags & EventFlag::Retry); });
        QTest::newRow("TlbFill retry") << qulonglong(i) << QStringList { u"after the fault"_s }
                                       << QStringList { u"Simplification"_s, u"16 sets × 4 ways"_s, u"LRU"_s };
    }
    {
        const std::uint64_t i
            = find([](const Event& e) { return e.type == EventType::TranslateDone && (e.flags & EventFlag::Valid); });
        QTest::newRow("TranslateDone") << qulonglong(i) << QStringList { hex(ev[i].a), hex(ev[i].b) }
                                       << QStringList { hex(ev[i].b), u"never faults"_s };
    }
    {
        const std::uint64_t i
            = find([](const Event& e) { return e.type == EventType::TranslateDone && !(e.flags & EventFlag::Valid); });
        QTest::newRow("TranslateDone not mapped")
            << qulonglong(i) << QStringList { u"not mapped"_s } << QStringList { u"not present"_s, u"0x1000"_s };
    }
    {
        const std::uint64_t i = find([&](const Event& e) {
            return e.type == EventType::PageCacheAdd && e.a == end.fileByName(vm::absolutePath(end, "testfile"));
        });
        QTest::newRow("PageCacheAdd") << qulonglong(i) << QStringList { u"/testfile"_s, EventText::pfn(ev[i].pfn) }
                                      << QStringList { u"filemap_add_folio()"_s, u"/testfile"_s };
    }
    {
        const std::uint64_t i = find([](const Event& e) { return e.type == EventType::MunmapRegion; });
        QTest::newRow("MunmapRegion") << qulonglong(i) << QStringList { hex(ev[i].a), u"260 KiB"_s }
                                      << QStringList { u"do_vmi_munmap()"_s, u"zap_pte_range()"_s };
    }
    {
        const std::uint64_t i = find([](const Event& e) { return e.type == EventType::MprotectRegion; });
        QTest::newRow("MprotectRegion") << qulonglong(i) << QStringList { u"r--"_s }
                                        << QStringList { u"mprotect_fixup()"_s, u"change_protection()"_s };
    }
    {
        const std::uint64_t i = find([](const Event& e) {
            return e.type == EventType::MmapRegion && (e.flags & VmaFlag::Shared) && (e.c & 0xFFFFFFFFu) != kNoFile;
        });
        QTest::newRow("MmapRegion shared file")
            << qulonglong(i) << QStringList { u"/testfile"_s, u"shared"_s }
            << QStringList { u"mmap_region()"_s, u"shared mapping"_s, u"demand paging"_s };
    }
    {
        const std::uint64_t i = find([](const Event& e) { return e.type == EventType::FrameOwner; });
        QTest::newRow("FrameOwner page table")
            << qulonglong(i) << QStringList { u"page table"_s } << QStringList { u"pgd_alloc()"_s, u"PageTables"_s };
    }
    {
        const std::uint64_t i = find([](const Event& e) { return e.type == EventType::FileWrite; });
        QTest::newRow("FileWrite") << qulonglong(i) << QStringList { u"\"hello\\n\""_s, u"/testfile"_s }
                                   << QStringList { u"6 byte(s)"_s, u"offset 0"_s };
    }
    {
        const std::uint64_t i = find([](const Event& e) { return e.type == EventType::PhysWrite && e.pid == 0; });
        QTest::newRow("PhysWrite") << qulonglong(i) << QStringList { u"\"AB\""_s, u"0x100000"_s }
                                   << QStringList { u"frame 0x100"_s, u"textbook"_s };
    }
    {
        const std::uint64_t i = find([](const Event& e) { return e.type == EventType::SetPageTableBase; });
        QTest::newRow("SetPageTableBase")
            << qulonglong(i) << QStringList { u"CR3 = frame 0x200"_s } << QStringList { u"0x200000"_s, u"PGD"_s };
    }
}

void TestEventText::vmTexts()
{
    QFETCH(qulonglong, index);
    QFETCH(QStringList, inSummary);
    QFETCH(QStringList, inExplanation);
    const Simulator& v = vm();
    const Event& e = v.events()[index];
    const QString s = EventText::summary(v.current(), e);
    const QString x = EventText::explanation(v.stateAt(index + 1), e);
    for (const QString& w : inSummary) QVERIFY2(s.contains(w), qPrintable(w + u" not in: "_s + s));
    for (const QString& w : inExplanation) QVERIFY2(x.contains(w), qPrintable(w + u" not in: "_s + x));
}

void TestEventText::entriesAndProtections()
{
    const Simulator sim = test::boot("x86-64", "64M");
    const Machine& m = sim.current();
    QCOMPARE(EventText::entry(m, 0), u"0 (empty)"_s);
    QCOMPARE(EventText::entry(m, 0x3e00000), u"0x3e00000 (not present)"_s);
    QCOMPARE(EventText::entry(m, 0x8000000005e22067ull), u"0x8000000005e22067 (frame 0x5e22: P RW US A D NX)"_s);
    QCOMPARE(EventText::entry(m, 0x1e00183), u"0x1e00183 (frame 0x1e00: P RW PS G)"_s);
    QCOMPARE(EventText::protection(Prot::Read | Prot::Exec), u"r-x"_s);
    QCOMPARE(EventText::protection(0), u"---"_s);
    QCOMPARE(EventText::hex(0x7f3a2c000000), u"0x7f3a2c000000"_s);
    // A textbook machine's entries have only a valid bit and a frame number.
    auto spec = ArchSpec::makeCustom(256, { 4, 4 }, 1, 7, 0, 4, 4096);
    QVERIFY(std::holds_alternative<ArchSpec>(spec));
    MachineConfig c;
    c.preset = "custom";
    c.arch = std::get<ArchSpec>(spec);
    c.ramBytes = 4096;
    const Simulator book = test::boot(c);
    QCOMPARE(EventText::entry(book.current(), 0x85), u"0x85 (frame 0x5: P)"_s);
    QCOMPARE(EventText::entry(book.current(), 0x05), u"0x5 (not present)"_s);
}

void TestEventText::typeNamesDistinct()
{
    QStringList names;
    for (int t = 0; t < static_cast<int>(EventType::Count); ++t) {
        const QString n = EventText::typeName(static_cast<EventType>(t));
        QVERIFY(!n.isEmpty());
        QVERIFY2(!names.contains(n), qPrintable(n));
        names << n;
    }
}

void TestEventText::listAddHeadAndTail()
{
    const Simulator sim = test::boot("x86-64", "64M");
    const Machine& m = sim.current();
    // Order 10 cannot merge further: the text says so instead of naming a buddy rule.
    const QString top = EventText::explanation(m, makeEvent(EventType::BuddyListAdd, 1, 10, 0x2000));
    QVERIFY2(top.contains(u"largest order"_s), qPrintable(top));
    const QString tail
        = EventText::summary(m, makeEvent(EventType::BuddyListAdd, 1, 0, 0x3e01, 0x3e02, 0, 0, EventFlag::Tail));
    QVERIFY(tail.contains(u"TAIL"_s));
    QVERIFY(tail.contains(u"0x3e02"_s));
}

void TestEventText::zoneCheckVerdicts()
{
    const Simulator sim = test::boot("x86-64", "64M");
    const Machine& m = sim.current();
    const auto low = static_cast<std::uint32_t>(Wmark::Low);
    const auto min = static_cast<std::uint32_t>(Wmark::Min);
    // Below the mark: fails on the count.
    QString x = EventText::explanation(m, makeEvent(EventType::ZoneCheck, 1, 0, 0, 400, 481, 0, low));
    QVERIFY2(x.contains(u"400 ≤ 481"_s), qPrintable(x));
    QVERIFY(EventText::summary(m, makeEvent(EventType::ZoneCheck, 1, 0, 0, 400, 481, 0, low)).contains(u"fail"_s));
    // Enough pages but no large block: fails on fragmentation.
    x = EventText::explanation(m, makeEvent(EventType::ZoneCheck, 1, 3, 0, 7936, 481, 0, low));
    QVERIFY2(x.contains(u"no free list of order 3"_s), qPrintable(x));
    QVERIFY2(x.contains(u"7936 − 7 = 7929"_s), qPrintable(x));
    // The slow path's retry names the min watermark.
    x = EventText::explanation(m, makeEvent(EventType::ZoneCheck, 1, 0, 0, 7936, 385, 0, min | EventFlag::Ok));
    QVERIFY2(x.contains(u"ALLOC_WMARK_MIN"_s), qPrintable(x));
}

void TestEventText::freeMentionsPerCpuListsOnlyForSmallOrders()
{
    const Simulator sim = test::boot("x86-64", "64M");
    for (int o = 0; o <= kMaxOrder; ++o) {
        const QString x = EventText::explanation(sim.current(), makeEvent(EventType::BuddyFree, 1, o, 0x2000));
        QCOMPARE(x.contains(u"free_unref_page()"_s), o <= 3);
        QVERIFY(x.contains(u"__free_one_page()"_s));
    }
}

void TestEventText::formatting()
{
    QCOMPARE(EventText::pfn(0x3e00), u"0x3e00"_s);
    QCOMPARE(EventText::bytes(4096), u"4 KiB"_s);
    QCOMPARE(EventText::bytes(4ull << 20), u"4 MiB"_s);
    QCOMPARE(EventText::bytes(3ull << 29), u"1.5 GiB"_s);
    QCOMPARE(EventText::bytes(512), u"512 B"_s);
    QCOMPARE(EventText::pages(1), u"1 page"_s);
    QCOMPARE(EventText::pages(8), u"8 pages"_s);
    const Simulator sim = test::boot("x86-64", "64M");
    QCOMPARE(EventText::orderLabel(sim.current(), 3), u"order 3 · 8 pages · 32 KiB"_s);
}

void TestEventText::statesAndZones()
{
    for (int s = 0; s < static_cast<int>(FrameState::Count); ++s)
        QVERIFY(!EventText::frameStateName(static_cast<FrameState>(s)).isEmpty());
    QCOMPARE(EventText::zoneName(ZoneType::DMA), u"DMA"_s);
    QCOMPARE(EventText::zoneName(ZoneType::DMA32), u"DMA32"_s);
    QCOMPARE(EventText::zoneName(ZoneType::Normal), u"Normal"_s);
    QCOMPARE(EventText::zoneName(ZoneType::HighMem), u"HighMem"_s);
    const Simulator sim = test::boot("x86-64", "64M");
    QCOMPARE(EventText::zoneLabel(sim.current(), 1), u"DMA32"_s);
    QCOMPARE(EventText::frameStateName(FrameState::Slab), u"slab"_s);
    QCOMPARE(EventText::frameStateName(FrameState::KernelStack), u"kernel stack"_s);
    // With more than one node a zone says which.
    const Simulator& numa = *kernelRuns()[3];
    const Machine& nm = numa.current();
    for (std::size_t z = 0; z < nm.zones.size(); ++z)
        QVERIFY(EventText::zoneLabel(nm, static_cast<int>(z)).endsWith(u"(node %1)"_s.arg(nm.zones[z].node)));
}

void TestEventText::goesThroughTr()
{
    MarkingTranslator tr;
    QVERIFY(QCoreApplication::installTranslator(&tr));
    const Simulator sim = test::boot("x86-64", "64M");
    for (int t = 0; t < static_cast<int>(EventType::Count); ++t) {
        const Event e = makeEvent(static_cast<EventType>(t), 1, 2, 0x3e00, 0x3e04, 0x3e00, 0, 0);
        QVERIFY(EventText::typeName(e.type).startsWith(u"«"_s));
        QVERIFY(EventText::summary(sim.current(), e).startsWith(u"«"_s));
        QVERIFY(EventText::explanation(sim.current(), e).contains(u"«"_s));
    }
    QVERIFY(EventText::frameStateName(FrameState::Free).startsWith(u"«"_s));
    QCOMPARE(EventText::zoneName(ZoneType::Normal), u"Normal"_s); // kernel names stay
    QCoreApplication::removeTranslator(&tr);
}

QTEST_GUILESS_MAIN(TestEventText)
#include "tst_eventtext.moc"
