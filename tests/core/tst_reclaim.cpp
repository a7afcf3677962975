// Memory pressure: kswapd and the watermarks, the LRU rules, swap-out and swap-in,
// the OOM killer's badness and modes, drop_caches, simulated time, bad input, and
// long random programs under pressure with the checker after every command.

#include "TestUtil.h"

#include "reclaim/Reclaim.h"
#include "sim/Apply.h"
#include "stats/MemInfo.h"
#include "vm/VmOps.h"

#include <QTest>

#include <map>

using namespace memviz;
using namespace memviz::test;

namespace {

MachineConfig small(const char* ram, const char* swap, const char* preset = "x86-64")
{
    MachineConfig c = config(preset, ram);
    c.swapBytes = *parseSize(swap);
    return c;
}


void checked(Simulator& s)
{
    const auto f = checkMachine(s.current());
    if (!f.empty()) QFAIL(qPrintable(QString::fromStdString(describe(f.front()))));
}

Command sysctl(const char* name, std::uint64_t v)
{
    Command c = vmCommand(CommandType::SetSysctl, 0);
    c.text = name;
    c.len = v;
    return c;
}

const Zone& userZone(const Machine& m)
{
    // The zone user pages come from on these x86-64 machines below 4 GiB: DMA32.
    return m.zones[m.zoneId(ZoneType::DMA32)];
}

} // namespace

class TestReclaim : public QObject {
    Q_OBJECT
private slots:
    void kswapdWakesBelowLowAndSleepsAboveHigh();
    void secondChanceKeepsHotPages();
    void inactiveIsLowRatio_data();
    void inactiveIsLowRatio();
    void swapRoundTripKeepsContents();
    void swapEntryInPte();
    void forkSharesSwapEntries();
    void swappinessZeroPrefersPageCache();
    void dropCachesFreesCleanCache();
    void badnessAndOomScore_data();
    void badnessAndOomScore();
    void oomKillerPicksLargest();
    void panicOnOom_data();
    void panicOnOom();
    void oomKillAllocatingTask();
    void nothingLeaksWhenKilled();
    void sleepSamplesEverySecond();
    void badInputChangesNothing_data();
    void badInputChangesNothing();
    void deterministic();
    void randomPressure_data();
    void randomPressure();
};

void TestReclaim::kswapdWakesBelowLowAndSleepsAboveHigh()
{
    Simulator sim = boot(small("128M", "256M"));
    Proc p = spawnProc(sim, "fill");
    const Zone& z0 = userZone(sim.current());
    const std::uint64_t low = z0.mark(Wmark::Low), high = z0.mark(Wmark::High);
    QVERIFY(low < high);
    const std::uint64_t at = p.mmap(160 * MiB);
    // Touch page by page until kswapd wakes: at that moment every zone is below low.
    std::uint64_t woke = ~0ull;
    for (std::uint64_t off = 0; off < 160 * MiB && woke == ~0ull; off += 64 * 4096) {
        const CommandResult r = p.touch(at + off, 64 * 4096);
        for (std::uint64_t i = r.firstEvent; i < r.endEvent; ++i)
            if (sim.events()[i].type == EventType::KswapdWake) {
                woke = i;
                break;
            }
    }
    QVERIFY(woke != ~0ull);
    const Machine before = sim.stateAt(woke);
    QVERIFY(!before.kswapd.awake);
    // The fast path failed at low in every zone of the zonelist: wakeup_kswapd().
    for (std::uint8_t zid : before.zonelists[0][static_cast<std::size_t>(ZoneType::Normal)]) {
        const Zone& z = before.zones[zid];
        QVERIFY(!buddy::watermarkOk(z, 0, z.mark(Wmark::Low), before.zones[before.zonelists[0][2].front()].indexInNode));
    }
    QVERIFY(sim.stateAt(woke + 1).kswapd.awake);
    // It reclaims until a zone is above high, then sleeps (KswapdSleep, not given up).
    std::uint64_t slept = ~0ull;
    for (std::uint64_t i = woke; i < sim.eventCount(); ++i)
        if (sim.events()[i].type == EventType::KswapdSleep) {
            slept = i;
            break;
        }
    QVERIFY(slept != ~0ull);
    QCOMPARE(sim.events()[slept].a, 0u);
    const Machine after = sim.stateAt(slept + 1);
    QVERIFY(!after.kswapd.awake);
    QVERIFY(userZone(after).freePages > high);
    QVERIFY(after.rc.pgstealKswapd > 0);
    QVERIFY(after.rc.pgscanKswapd >= after.rc.pgstealKswapd);
    QCOMPARE(after.rc.pgscanDirect, 0u);
}

namespace {
/// Applies events to a machine copy (what the Simulator's recorder does), for driving one reclaim batch by hand.
struct ApplyTo final : Emitter {
    Machine& m;
    std::vector<Event> seen;
    explicit ApplyTo(Machine& mm) : m(mm) {}
    void onEvent(const Event& e) override
    {
        Event x = e;
        x.time = m.timeNs;
        applyEvent(m, x);
        seen.push_back(x);
    }
};
} // namespace

void TestReclaim::secondChanceKeepsHotPages()
{
    // folio_check_references() by hand: 8 pages touched once, scanned twice with 4 of
    // them touched again in between (a one-entry TLB, so every access walks and sets Accessed).
    MachineConfig cfg = small("64M", "64M");
    cfg.tlb.sets = 1;
    cfg.tlb.ways = 1;
    Simulator sim = boot(cfg);
    Proc p = spawnProc(sim, "p");
    const std::uint64_t buf = p.mmap(8 * 4096);
    p.touch(buf, 8 * 4096);
    Machine m = sim.current();
    std::vector<Pfn> pages;
    for (std::uint64_t i = 0; i < 8; ++i) pages.push_back(vm::translate(m, p.pid, buf + i * 4096).paddr >> 12);
    // New anon pages are on the inactive list, the newest at the head: ours are the 8 newest.
    for (Pfn f : pages) QCOMPARE(m.pageExt.lru(f), std::uint8_t(LruList::InactiveAnon));
    QCOMPARE(Pfn(m.lru[LruList::InactiveAnon].head), pages.back());
    // Move our pages to the tail so the batch sees them first (oldest first: page 0).
    for (Pfn f : pages) lruLink(m, f, LruList::InactiveAnon, false);

    // First scan: each is referenced once by its PTE -> KEEP with PG_referenced, Accessed cleared.
    ApplyTo first(m);
    vm::shrinkList(m, first, LruList::InactiveAnon, 8);
    for (Pfn f : pages) {
        QCOMPARE(m.pageExt.lru(f), std::uint8_t(LruList::InactiveAnon));
        QVERIFY(m.pageExt.test(f, PageFlag::Referenced));
    }
    for (std::uint64_t i = 0; i < 8; ++i) {
        const vm::WalkResult w = vm::translate(m, p.pid, buf + i * 4096);
        QVERIFY(!(m.config.arch.entry.flags(w.steps.back().entry) & PteFlag::Accessed));
    }
    std::uint64_t keeps = 0;
    for (const Event& e : first.seen)
        keeps += e.type == EventType::LruMove && (e.flags & EventFlag::Referenced) && (e.order >> 4) == (e.order & 0xF);
    QCOMPARE(keeps, 8u);

    // Pages 0-3 are used again; then the second scan activates them and reclaims 4-7 to swap.
    for (std::uint64_t i = 0; i < 4; ++i) {
        const vm::WalkResult w = vm::translate(m, p.pid, buf + i * 4096);
        const auto& fmt = m.config.arch.entry;
        Event set;
        set.type = EventType::PteSet;
        set.pid = p.pid;
        set.pfn = w.steps.back().table;
        set.order = static_cast<std::uint8_t>(w.steps.back().level);
        set.a = w.steps.back().index;
        set.c = w.steps.back().entry;
        set.b = fmt.make(fmt.pfn(set.c), fmt.flags(set.c) | PteFlag::Accessed); // what the MMU does on the walk
        applyEvent(m, set);
    }
    for (Pfn f : pages) lruLink(m, f, LruList::InactiveAnon, false);
    const std::uint64_t swapBefore = m.swap.usedPages();
    ApplyTo second(m);
    vm::shrinkList(m, second, LruList::InactiveAnon, 8);
    for (std::uint64_t i = 0; i < 4; ++i) QCOMPARE(m.pageExt.lru(pages[i]), std::uint8_t(LruList::ActiveAnon));
    for (std::uint64_t i = 4; i < 8; ++i) {
        QVERIFY(m.frames.state(pages[i]) == FrameState::Free || m.frames.state(pages[i]) == FrameState::Tail);
        QVERIFY(!vm::translate(m, p.pid, buf + i * 4096).ok); // a swap entry now
    }
    QCOMPARE(m.swap.usedPages(), swapBefore + 4);
    QCOMPARE(m.rc.pgactivate, 4u);
    QCOMPARE(m.rc.pswpout, 4u);

    // The active list, scanned while inactive is low, deactivates them (no exec mapping).
    QVERIFY(vm::inactiveIsLow(m, false) || m.lru[LruList::InactiveAnon].size >= m.lru[LruList::ActiveAnon].size);
    for (std::uint64_t i = 0; i < 4; ++i) lruLink(m, pages[i], LruList::ActiveAnon, false);
    ApplyTo third(m);
    vm::shrinkList(m, third, LruList::ActiveAnon, 4);
    for (std::uint64_t i = 0; i < 4; ++i) {
        QCOMPARE(m.pageExt.lru(pages[i]), std::uint8_t(LruList::InactiveAnon));
        QVERIFY(m.pageExt.test(pages[i], PageFlag::Workingset));
    }
    QCOMPARE(m.rc.pgdeactivate, 4u);
    QCOMPARE(m.rc.pgrefill, 4u);
    const auto f = checkMachine(m);
    QVERIFY2(f.empty(), f.empty() ? "" : describe(f.front()).c_str());
}

void TestReclaim::inactiveIsLowRatio_data()
{
    QTest::addColumn<quint64>("totalPages");
    QTest::addColumn<quint64>("inactive");
    QTest::addColumn<bool>("low");
    // Below 1 GiB the ratio is 1:1; at 1 GiB int_sqrt(10) = 3; at 10 GiB int_sqrt(100) = 10.
    QTest::newRow("512M 1:1 even") << 131072ull << 65536ull << false;
    QTest::newRow("512M less inactive") << 131072ull << 65535ull << true;
    QTest::newRow("1G 3:1 boundary") << 262144ull << 65536ull << false; // 65536*3 < 196608 is false
    QTest::newRow("1G below 3:1") << 262144ull << 65535ull << true;
    QTest::newRow("10G 10:1") << 2621440ull << 238312ull << true; // 238312*10 < 2383128
    QTest::newRow("10G above 10:1") << 2621440ull << 238400ull << false;
}

void TestReclaim::inactiveIsLowRatio()
{
    QFETCH(quint64, totalPages);
    QFETCH(quint64, inactive);
    QFETCH(bool, low);
    // The rule, as shrink_list sees it: deactivate from active only when inactive is low.
    const std::uint64_t active = totalPages - inactive;
    const std::uint64_t gb = (totalPages * 4096) >> 30;
    std::uint64_t ratio = 1;
    if (gb) {
        ratio = 0;
        while ((ratio + 1) * (ratio + 1) <= 10 * gb) ++ratio;
    }
    QCOMPARE(inactive * ratio < active, low);
    // And the machine agrees: build lists of these sizes by hand and ask shrink through a run.
    Simulator sim = boot(small("64M", "64M"));
    Machine m = sim.current();
    m.lru.lists[static_cast<std::size_t>(LruList::InactiveAnon)].size = inactive;
    m.lru.lists[static_cast<std::size_t>(LruList::ActiveAnon)].size = active;
    QCOMPARE(vm::inactiveIsLow(m, false), low);
}

void TestReclaim::swapRoundTripKeepsContents()
{
    Simulator sim = boot(small("96M", "256M"));
    Proc p = spawnProc(sim, "writer");
    const std::uint64_t buf = p.mmap(4 * 4096);
    const std::string text = "memviz swap round trip: these bytes go to the swap area and come back";
    p.write(buf + 4096 + 100, text);
    // Push everything out with a big second process.
    Proc hog = spawnProc(sim, "hog");
    const std::uint64_t big = hog.mmap(200 * MiB);
    hog.touch(big, 200 * MiB);
    hog.touch(big, 200 * MiB); // the hog's own pages cycle, the writer's page is long cold
    const Machine& m = sim.current();
    const Process* w = m.proc(p.pid);
    QVERIFY(w->mm.swapEnts > 0);
    const vm::WalkResult gone = vm::translate(m, p.pid, buf + 4096);
    QVERIFY(!gone.ok);
    const std::uint64_t majBefore = w->majFlt, pswpin = m.rc.pswpin;
    // Reading it faults it back in (a major fault through the swap cache) with the same bytes.
    const CommandResult r = p.touch(buf + 4096, 4096, false);
    QCOMPARE(sim.current().proc(p.pid)->majFlt, majBefore + 1);
    QCOMPARE(sim.current().rc.pswpin, pswpin + 1);
    QCOMPARE(vm::readUser(sim.current(), p.pid, buf + 4096 + 100, text.size()), text);
    bool swapFault = false;
    for (std::uint64_t i = r.firstEvent; i < r.endEvent; ++i) {
        const Event& e = sim.events()[i];
        swapFault = swapFault
            || (e.type == EventType::PageFault && e.order == static_cast<std::uint8_t>(FaultKind::Swap)
                && (e.flags & AccessFlag::Major));
    }
    QVERIFY(swapFault);
    QVERIFY(countEvents(sim, EventType::SwapIn, r.firstEvent, r.endEvent) == 1);
    checked(sim);
}

void TestReclaim::swapEntryInPte()
{
    // The x86-64 swap PTE: type in bits 59..63, the offset inverted in bits 9..58, present clear.
    const EntryFormat& fmt = config("x86-64").arch.entry;
    const std::uint32_t e = SwapEntry::pack(3, 0x1234);
    const std::uint64_t pte = SwapEntry::toPte(fmt, e);
    QVERIFY(!fmt.present(pte));
    QCOMPARE(pte >> 59, 3ull);
    QCOMPARE((~pte >> 9) & ((1ull << 50) - 1), 0x1234ull);
    QCOMPARE(SwapEntry::fromPte(fmt, pte), e);
    QCOMPARE(SwapEntry::fromPte(fmt, 0), 0u);
    const EntryFormat& f32 = config("x86-32").arch.entry;
    QCOMPARE(SwapEntry::fromPte(f32, SwapEntry::toPte(f32, SwapEntry::pack(1, 77))), SwapEntry::pack(1, 77));
}

void TestReclaim::forkSharesSwapEntries()
{
    Simulator sim = boot(small("96M", "256M"));
    Proc p = spawnProc(sim, "parent");
    const std::uint64_t buf = p.mmap(16 * 4096);
    p.touch(buf, 16 * 4096);
    Proc hog = spawnProc(sim, "hog");
    const std::uint64_t big = hog.mmap(150 * MiB);
    hog.touch(big, 150 * MiB);
    hog.touch(big, 150 * MiB);
    const std::uint64_t swapped = sim.current().proc(p.pid)->mm.swapEnts;
    QVERIFY(swapped > 0);
    hog.exit();
    Proc child = p.fork(); // copy_nonpresent_pte(): the child gets the same entries, counts go to 2
    QCOMPARE(sim.current().proc(child.pid)->mm.swapEnts, swapped);
    const Machine& m = sim.current();
    std::uint64_t twos = 0;
    for (std::uint64_t off = 1; off <= m.swap.areas[0].pages; ++off) twos += (m.swap.areas[0].at(off) & kSwapCountMask) == 2;
    QCOMPARE(twos, swapped);
    checked(sim);
    // The child reads one: swapped in once, then the parent's fault finds it in the swap cache (minor).
    const std::uint64_t va = [&] {
        for (std::uint64_t i = 0; i < 16; ++i)
            if (!vm::translate(sim.current(), p.pid, buf + i * 4096).ok) return buf + i * 4096;
        return buf;
    }();
    const std::uint64_t pswpin = sim.current().rc.pswpin;
    child.touch(va, 8, false);
    p.touch(va, 8, false);
    QCOMPARE(sim.current().rc.pswpin, pswpin + 1);
    QCOMPARE(vm::translate(sim.current(), p.pid, va).paddr, vm::translate(sim.current(), child.pid, va).paddr);
    // A write in the child copies: the parent keeps the swap-cache page.
    child.touch(va, 8, true);
    QVERIFY(vm::translate(sim.current(), p.pid, va).paddr != vm::translate(sim.current(), child.pid, va).paddr);
    child.exit();
    p.exit();
    QCOMPARE(sim.current().swap.usedPages(), 0u);
    QVERIFY(sim.current().swap.cache.empty());
    checked(sim);
}

void TestReclaim::swappinessZeroPrefersPageCache()
{
    // With swappiness 0 and page cache to drop, reclaim takes the cache and swaps nothing.
    for (std::uint64_t swappiness : {0ull, 200ull}) {
        Simulator sim = boot(small("128M", "256M"));
        QVERIFY(!sim.apply(sysctl("vm.swappiness", swappiness)).error);
        Command f = vmCommand(CommandType::FileCreate, 0);
        f.text = "big.dat";
        f.len = 40 * MiB;
        QVERIFY(!sim.apply(f).error);
        Proc reader = spawnProc(sim, "reader");
        Command mm = vmCommand(CommandType::Mmap, reader.pid);
        mm.len = 40 * MiB;
        mm.prot = Prot::Read;
        mm.mapFlags = MapFlag::Private;
        mm.text = "big.dat";
        const std::uint64_t fm = reader.run(mm).value;
        reader.touch(fm, 40 * MiB, false);
        reader.exit(); // the page cache stays, unmapped
        Proc hog = spawnProc(sim, "hog");
        const std::uint64_t big = hog.mmap(80 * MiB);
        hog.touch(big, 80 * MiB);
        const Machine& m = sim.current();
        QVERIFY(m.rc.pgstealFile > 0);
        if (swappiness == 0) QCOMPARE(m.rc.pswpout, 0u);
        checked(sim);
    }
}

void TestReclaim::dropCachesFreesCleanCache()
{
    Simulator sim = boot(small("128M", "128M"));
    Command f = vmCommand(CommandType::FileCreate, 0);
    f.text = "log.txt";
    f.len = 8 * MiB;
    QVERIFY(!sim.apply(f).error);
    Proc p = spawnProc(sim, "cat");
    Command mm = vmCommand(CommandType::Mmap, p.pid);
    mm.len = 8 * MiB;
    mm.prot = Prot::Read;
    mm.mapFlags = MapFlag::Private;
    mm.text = "log.txt";
    const std::uint64_t at = p.run(mm).value;
    p.touch(at, 8 * MiB, false);
    const MemInfo before = computeMemInfo(sim.current());
    Command d = vmCommand(CommandType::DropCaches, 0);
    d.len = 1;
    QVERIFY(!sim.apply(d).error);
    const MemInfo mapped = computeMemInfo(sim.current());
    // Mapped page-cache pages stay (drop_caches skips them).
    QVERIFY(mapped.cached >= 8 * 1024);
    p.exit();
    QVERIFY(!sim.apply(d).error);
    const MemInfo after = computeMemInfo(sim.current());
    QVERIFY(after.cached < before.cached);
    QVERIFY(after.memFree > before.memFree + 8 * 1024);
    QCOMPARE(sim.current().rc.dropPagecache, 2u);
    checked(sim);
}

void TestReclaim::badnessAndOomScore_data()
{
    QTest::addColumn<quint64>("rss");
    QTest::addColumn<quint64>("swapents");
    QTest::addColumn<quint64>("pgtables");
    QTest::addColumn<int>("adj");
    QTest::addColumn<quint64>("totalpages");
    QTest::addColumn<qint64>("badness");
    QTest::addColumn<quint64>("score");
    // badness = rss + swapents + pgtables + adj * (totalpages / 1000)
    // oom_score = (1000 + badness * 1000 / totalpages) * 2 / 3
    QTest::newRow("tiny, adj 0 -> 666") << 100ull << 0ull << 3ull << 0 << 1000000ull << 103ll << 666ull;
    QTest::newRow("half of memory") << 500000ull << 0ull << 0ull << 0 << 1000000ull << 500000ll << 1000ull;
    QTest::newRow("swap counts") << 1000ull << 9000ull << 10ull << 0 << 1000000ull << 10010ll << 673ull;
    QTest::newRow("adj 500") << 1000ull << 0ull << 0ull << 500 << 1000000ull << 501000ll << 1000ull;
    QTest::newRow("adj -999 nearly zero") << 1000ull << 0ull << 0ull << -999 << 1000000ull << -998000ll << 1ull;
    QTest::newRow("adj -500") << 0ull << 0ull << 0ull << -500 << 1000000ull << -500000ll << 333ull;
    QTest::newRow("integer division first") << 10ull << 0ull << 0ull << 1 << 1999ull << 11ll << 670ull;
}

void TestReclaim::badnessAndOomScore()
{
    QFETCH(quint64, rss);
    QFETCH(quint64, swapents);
    QFETCH(quint64, pgtables);
    QFETCH(int, adj);
    QFETCH(quint64, totalpages);
    QFETCH(qint64, badness);
    QFETCH(quint64, score);
    Simulator sim = boot(small("64M", "0"));
    Machine m = sim.current();
    Process p;
    p.pid = 4242;
    p.mm.pgd = 1;
    p.mm.rssAnon = rss;
    p.mm.swapEnts = swapents;
    p.mm.ptPages = pgtables + 1; // mm_pgtables_bytes() leaves the PGD out
    p.oomScoreAdj = static_cast<std::int16_t>(adj);
    bool unkillable = true;
    QCOMPARE(reclaim::oomBadness(m, p, totalpages, &unkillable), badness);
    QVERIFY(!unkillable);
    const std::int64_t points = (1000 + badness * 1000 / static_cast<std::int64_t>(totalpages)) * 2 / 3;
    QCOMPARE(static_cast<quint64>(std::max<std::int64_t>(points, 0)), score);
    // oom_score uses totalram + total swap of the machine; -1000 is never chosen.
    p.oomScoreAdj = -1000;
    reclaim::oomBadness(m, p, totalpages, &unkillable);
    QVERIFY(unkillable);
    QCOMPARE(reclaim::oomScore(m, p), 0u);
    p.oomScoreAdj = 0;
    p.mm.rssAnon = 0;
    p.mm.swapEnts = 0;
    p.mm.ptPages = 0;
    QCOMPARE(reclaim::oomScore(m, p), 666u);
}

void TestReclaim::oomKillerPicksLargest()
{
    MachineConfig cfg = small("128M", "0");
    cfg.sysctl.overcommitMemory = 1;
    Simulator sim = boot(cfg);
    Proc a = spawnProc(sim, "small");
    Proc b = spawnProc(sim, "large");
    Proc c = spawnProc(sim, "trigger");
    a.touch(a.mmap(10 * MiB), 10 * MiB);
    b.touch(b.mmap(50 * MiB), 50 * MiB);
    // The trigger asks for more than is left: reclaim finds nothing (no swap, little cache).
    const std::uint64_t t = c.mmap(100 * MiB);
    const CommandResult r = access(sim, c.pid, t, 80 * MiB, true);
    std::uint64_t kill = ~0ull;
    std::vector<std::uint32_t> candidates;
    for (std::uint64_t i = r.firstEvent; i < r.endEvent; ++i) {
        const Event& e = sim.events()[i];
        if (e.type == EventType::OomCandidates && kill == ~0ull) candidates.push_back(e.pid);
        if (e.type == EventType::OomKill && kill == ~0ull) kill = i;
    }
    QVERIFY(kill != ~0ull);
    QCOMPARE(sim.events()[kill].pid, b.pid); // the largest badness
    QVERIFY(candidates.size() >= 3);
    QCOMPARE(sim.current().proc(b.pid)->state, ProcState::Killed);
    QVERIFY(sim.current().proc(a.pid)->alive());
    QVERIFY(sim.current().proc(c.pid)->alive());
    QCOMPARE(sim.current().rc.oomKill, 1u);
    // The kernel log has the kill line and a task dump row per candidate.
    std::uint64_t killed = 0, tasks = 0;
    for (const KlogRecord& k : sim.current().klog) {
        killed += k.kind == KlogKind::OomKilled;
        tasks += k.kind == KlogKind::OomTask;
    }
    QCOMPARE(killed, 1u);
    QCOMPARE(tasks, candidates.size());
    checked(sim);
}

void TestReclaim::panicOnOom_data()
{
    QTest::addColumn<int>("mode");
    QTest::newRow("0 kills") << 0;
    QTest::newRow("1 panics") << 1;
    QTest::newRow("2 panics") << 2;
}

void TestReclaim::panicOnOom()
{
    QFETCH(int, mode);
    MachineConfig cfg = small("96M", "0");
    cfg.sysctl.overcommitMemory = 1;
    Simulator sim = boot(cfg);
    QVERIFY(!sim.apply(sysctl("vm.panic_on_oom", static_cast<std::uint64_t>(mode))).error);
    Proc hog = spawnProc(sim, "hog");
    Command mm = vmCommand(CommandType::Mmap, hog.pid);
    mm.len = 200 * MiB;
    mm.prot = Prot::Read | Prot::Write;
    mm.mapFlags = MapFlag::Private | MapFlag::Anonymous;
    const std::uint64_t at = sim.apply(mm).value;
    access(sim, hog.pid, at, 200 * MiB, true);
    const Machine& m = sim.current();
    QCOMPARE(m.panicked, mode != 0);
    QCOMPARE(countEvents(sim, EventType::KernelPanic), std::uint64_t(mode != 0));
    QCOMPARE(countEvents(sim, EventType::OomKill), std::uint64_t(mode == 0));
    if (mode) {
        // A panicked machine runs nothing more, and says why.
        const CommandResult r = sim.apply(vmCommand(CommandType::Spawn, 0));
        QCOMPARE(r.error.code, ErrorCode::Panicked);
        QCOMPARE(m.klog.back().kind, KlogKind::Panic);
    } else {
        QCOMPARE(m.proc(hog.pid)->state, ProcState::Killed);
    }
}

void TestReclaim::oomKillAllocatingTask()
{
    MachineConfig cfg = small("128M", "0");
    cfg.sysctl.overcommitMemory = 1;
    cfg.sysctl.oomKillAllocatingTask = 1;
    Simulator sim = boot(cfg);
    Proc big = spawnProc(sim, "big");
    big.touch(big.mmap(60 * MiB), 60 * MiB);
    Proc small1 = spawnProc(sim, "small");
    const std::uint64_t at = small1.mmap(100 * MiB);
    access(sim, small1.pid, at, 100 * MiB, true);
    // The allocating task dies although "big" has the larger badness.
    QCOMPARE(sim.current().proc(small1.pid)->state, ProcState::Killed);
    QVERIFY(sim.current().proc(big.pid)->alive());
    bool flagged = false;
    for (std::uint64_t i = 0; i < sim.eventCount(); ++i)
        if (sim.events()[i].type == EventType::OomKill) flagged = sim.events()[i].flags & EventFlag::AllocTask;
    QVERIFY(flagged);
    checked(sim);
}

void TestReclaim::nothingLeaksWhenKilled()
{
    MachineConfig cfg = small("128M", "64M");
    cfg.sysctl.overcommitMemory = 1;
    Simulator sim = boot(cfg);
    const std::uint64_t freeAtBoot = sim.current().freePages();
    Proc a = spawnProc(sim, "a");
    Proc b = a.fork();
    a.touch(a.mmap(40 * MiB), 40 * MiB);
    const std::uint64_t at = b.mmap(300 * MiB);
    access(sim, b.pid, at, 300 * MiB, true);
    checked(sim);
    QVERIFY(sim.current().rc.oomKill >= 1);
    for (std::uint32_t pid : {a.pid, b.pid})
        if (sim.current().proc(pid)->alive()) Proc{sim, pid}.exit();
    const Machine& m = sim.current();
    QCOMPARE(m.swap.usedPages(), 0u);
    QVERIFY(m.swap.cache.empty());
    QCOMPARE(m.vmc.anonPages, 0u);
    QCOMPARE(m.vmc.pageTablePages, 0u);
    // Only page cache (libraries, the program) and the task_struct slab the cache keeps stay allocated.
    QCOMPARE(m.kmem.kernelStackPages, 0u);
    QCOMPARE(m.freePages() + m.vmc.filePages + slabPages(m, false) + slabPages(m, true), freeAtBoot);
    checked(sim);
}

void TestReclaim::sleepSamplesEverySecond()
{
    Simulator sim = boot(small("256M", "0"));
    QCOMPARE(sim.current().samples.size(), 1u);
    Command s = vmCommand(CommandType::Sleep, 0);
    s.len = 2500000000ull;
    QVERIFY(!sim.apply(s).error);
    QCOMPARE(sim.current().timeNs, 2500000000ull);
    QCOMPARE(sim.current().samples.size(), 3u); // boot, 1 s, 2 s
    QCOMPARE(sim.current().samples[2].timeNs, 2000000000ull);
    // Touching 10 MB and sleeping a second, ten times: kbmemused grows about 10 MB a sample.
    Proc p = spawnProc(sim, "demand-paging");
    const std::uint64_t buf = p.malloc(100 * MiB);
    const std::size_t first = sim.current().samples.size();
    for (int i = 0; i < 10; ++i) {
        p.touch(buf + static_cast<std::uint64_t>(i) * 10 * MiB, 10 * MiB);
        s.len = 1000000000ull;
        QVERIFY(!sim.apply(s).error);
    }
    const Machine& m = sim.current();
    QCOMPARE(m.samples.size(), first + 10);
    for (std::size_t i = first + 1; i < m.samples.size(); ++i) { // the first second also holds the spawn
        const Sample& a = m.samples[i - 1];
        const Sample& b = m.samples[i];
        const std::int64_t grow = static_cast<std::int64_t>(a.memFree) - static_cast<std::int64_t>(b.memFree);
        QVERIFY2(grow > 10000 && grow < 10600, qPrintable(QString::number(grow)));
    }
    // Seeking back gives back the past samples too.
    QCOMPARE(sim.stateAt(0).samples.size(), 1u);
}

void TestReclaim::badInputChangesNothing_data()
{
    QTest::addColumn<int>("which");
    QTest::addColumn<int>("code");
    QTest::newRow("swappiness 201") << 0 << int(ErrorCode::BadSysctl);
    QTest::newRow("panic_on_oom 3") << 1 << int(ErrorCode::BadSysctl);
    QTest::newRow("swap larger than the disk") << 2 << int(ErrorCode::SwapTooLarge);
    QTest::newRow("swap area twice") << 3 << int(ErrorCode::SwapExists);
    QTest::newRow("oom_score_adj 1001") << 4 << int(ErrorCode::BadOomScoreAdj);
    QTest::newRow("drop_caches 4") << 5 << int(ErrorCode::BadDropCaches);
    QTest::newRow("sleep 0") << 6 << int(ErrorCode::BadDuration);
    QTest::newRow("swap of 1 page") << 7 << int(ErrorCode::BadLength);
}

void TestReclaim::badInputChangesNothing()
{
    QFETCH(int, which);
    QFETCH(int, code);
    Simulator sim = boot(small("64M", "64M"));
    const std::uint32_t pid = spawn(sim, "x");
    const std::uint64_t events = sim.eventCount();
    const std::size_t commands = sim.commands().size();
    Command c;
    switch (which) {
    case 0: c = sysctl("vm.swappiness", 201); break;
    case 1: c = sysctl("vm.panic_on_oom", 3); break;
    case 2:
        c = vmCommand(CommandType::SwapOn, 0);
        c.text = "/swapfile";
        c.len = kMaxSwapBytes;
        break;
    case 3:
        c = vmCommand(CommandType::SwapOn, 0);
        c.text = "/dev/sdb";
        c.len = 64 * MiB;
        break;
    case 4:
        c = vmCommand(CommandType::SetOomScoreAdj, pid);
        c.addr = 1001;
        break;
    case 5:
        c = vmCommand(CommandType::DropCaches, 0);
        c.len = 4;
        break;
    case 6: c = vmCommand(CommandType::Sleep, 0); break;
    case 7:
        c = vmCommand(CommandType::SwapOn, 0);
        c.text = "/swapfile";
        c.len = 4096;
        break;
    }
    const CommandResult r = sim.apply(c);
    QCOMPARE(int(r.error.code), code);
    QCOMPARE(sim.eventCount(), events);
    QCOMPARE(sim.commands().size(), commands);
}

void TestReclaim::deterministic()
{
    auto runOnce = [] {
        Simulator sim = boot(small("96M", "128M"));
        Proc p = spawnProc(sim, "t");
        const std::uint64_t at = p.mmap(150 * MiB);
        p.touch(at, 150 * MiB);
        p.touch(at, 20 * MiB, false);
        std::string out;
        for (std::uint64_t i = 0; i < sim.eventCount(); i += 7) appendEventJson(out, sim.current(), i, sim.events()[i]);
        return out;
    };
    QCOMPARE(runOnce(), runOnce());
}

void TestReclaim::randomPressure_data()
{
    QTest::addColumn<QString>("preset");
    QTest::addColumn<quint64>("seed");
    for (const char* preset : {"x86-64", "x86-64-la57", "x86-32", "x86-pae"})
        for (quint64 seed : {1ull, 2ull})
            QTest::addRow("%s-%llu", preset, seed) << QString::fromLatin1(preset) << seed;
}

void TestReclaim::randomPressure()
{
    QFETCH(QString, preset);
    QFETCH(quint64, seed);
    MachineConfig cfg = small("64M", "48M", preset.toLatin1().constData());
    cfg.seed = seed;
    cfg.sysctl.overcommitMemory = 1;
    Simulator sim = boot(cfg);
    skipPerCommandCheck(sim);
    std::uint64_t x = seed * 0x9E3779B97F4A7C15ull + 7;
    auto rnd = [&](std::uint64_t n) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        return n ? x % n : 0;
    };
    Command fc = vmCommand(CommandType::FileCreate, 0);
    fc.text = "data.bin";
    fc.len = 2 * MiB;
    QVERIFY(!sim.apply(fc).error);
    std::vector<std::uint32_t> pids;
    std::map<std::uint32_t, std::vector<std::uint64_t>> maps;
    const int steps = kSlowBuild ? 60 : 160;
    for (int i = 0; i < steps && !sim.current().panicked; ++i) {
        std::vector<std::uint32_t> alive;
        for (std::uint32_t pid : pids)
            if (sim.current().proc(pid)->alive()) alive.push_back(pid);
        Command c;
        std::uint64_t op = alive.empty() ? 0 : rnd(12);
        if (!alive.empty() && i % 25 == 24) op = 100; // a burst of pressure: map and touch 40 MiB
        const std::uint32_t pid = alive.empty() ? 0 : alive[rnd(alive.size())];
        switch (op) {
        case 0:
            if (alive.size() > 4) continue;
            c = vmCommand(CommandType::Spawn, 0);
            c.text = "p" + std::to_string(i);
            break;
        case 1:
        case 2: {
            c = vmCommand(CommandType::Mmap, pid);
            c.len = (1 + rnd(24)) * MiB;
            c.prot = Prot::Read | Prot::Write;
            c.mapFlags = MapFlag::Private;
            if (rnd(4)) c.mapFlags |= MapFlag::Anonymous;
            else {
                c.text = "data.bin";
                c.len = std::min<std::uint64_t>(c.len, 2 * MiB);
                if (rnd(2)) c.mapFlags = MapFlag::Shared;
            }
            break;
        }
        case 3:
        case 4:
        case 5: {
            if (maps[pid].empty()) continue;
            const std::uint64_t at = maps[pid][rnd(maps[pid].size())];
            const Vma* v = sim.current().proc(pid)->mm.find(at);
            if (!v) continue;
            c = vmCommand(CommandType::Access, pid);
            c.addr = v->start + rnd(v->size() / 4);
            c.len = rnd(2) ? v->end - c.addr : 1 + rnd(v->end - c.addr);
            c.write = rnd(3) != 0;
            break;
        }
        case 6:
            if (alive.size() > 4) continue;
            c = vmCommand(CommandType::Fork, pid);
            break;
        case 7:
            if (rnd(3)) continue;
            c = vmCommand(CommandType::Exit, pid);
            break;
        case 8:
            c = vmCommand(CommandType::Sleep, 0);
            c.len = 1 + rnd(1500000000ull);
            break;
        case 9:
            c = rnd(2) ? sysctl("vm.swappiness", rnd(201)) : vmCommand(CommandType::DropCaches, 0);
            if (c.type == CommandType::DropCaches) c.len = 1 + rnd(3);
            break;
        case 10:
            c = vmCommand(CommandType::SetOomScoreAdj, pid);
            c.addr = static_cast<std::uint64_t>(static_cast<std::int64_t>(rnd(2001)) - 1000);
            break;
        case 100: {
            c = vmCommand(CommandType::Mmap, pid);
            c.len = 40 * MiB;
            c.prot = Prot::Read | Prot::Write;
            c.mapFlags = MapFlag::Private | MapFlag::Anonymous;
            const CommandResult m = sim.apply(c);
            if (m.error || !m.value) continue;
            maps[pid].push_back(m.value);
            c = vmCommand(CommandType::Access, pid);
            c.addr = m.value;
            c.len = 40 * MiB;
            c.write = true;
            break;
        }
        default:
            if (sim.current().swap.areas.size() > 2) continue;
            c = vmCommand(CommandType::SwapOn, 0);
            c.text = "/swapfile" + std::to_string(i);
            c.len = (1 + rnd(16)) * MiB;
            break;
        }
        const CommandResult r = sim.apply(c);
        if (!r.error) {
            if (c.type == CommandType::Spawn || c.type == CommandType::Fork) {
                if (r.value) pids.push_back(static_cast<std::uint32_t>(r.value));
            } else if (c.type == CommandType::Mmap && r.value) {
                maps[pid].push_back(r.value);
            }
        }
        const auto f = checkMachine(sim.current());
        if (!f.empty())
            QFAIL(qPrintable(QStringLiteral("after step %1 (%2): %3")
                                 .arg(i)
                                 .arg(QString::fromStdString(commandToJson(c)))
                                 .arg(QString::fromStdString(describe(f.front())))));
    }
    // Pressure happened: something was reclaimed.
    QVERIFY(sim.current().rc.pgstealKswapd + sim.current().rc.pgstealDirect > 0);
}

QTEST_GUILESS_MAIN(TestReclaim)
#include "tst_reclaim.moc"
