// Virtual memory: processes, demand paging, the zero page, copy-on-write (copy and
// reuse), file mappings through the page cache, SIGSEGV, the glibc malloc model,
// the TLB and walks against hand-computed tables, and the notes' experiments with
// their numbers (seeds/001 §4.4, §5.2, §5.3).

#include "TestUtil.h"
#include "stats/MemInfo.h"

#include "check/Checker.h"
#include "sim/Apply.h"
#include "vm/VmOps.h"

#include <QTest>

using namespace memviz;
using namespace memviz::test;
using namespace Qt::StringLiterals;

namespace {

std::uint64_t taskSizeOf(const Simulator& s) { return vm::taskSize(s.current()); }

/// Transparent huge pages off: seed-8g has them "always" (as the notes' machine), which
/// maps the aligned 2 MiB of a buffer with one fault each; the 4 KiB numbers below need
/// "never" (tst_thp covers huge pages).
void thpNever(Simulator& sim)
{
    Command c = vmCommand(CommandType::SetSysctl, 0);
    c.text = "kernel.mm.transparent_hugepage.enabled";
    c.len = 2;
    if (sim.apply(c).error) qFatal("THP never refused");
}

std::uint64_t usedKb(const Machine& m) { return m.pagesToKb(m.totalramPages() - m.freePages()); }



} // namespace

class TestVm : public QObject {
    Q_OBJECT
private slots:
    void spawnLooksLikeTheNotes();
    void demandPaging();
    void cowFork();
    void cowReuseByLastSharer();
    void zeroPageThenWrite();
    void segvKillsOnlyThatProcess();
    void mallocThresholdAndHeap();
    void fileMappingSharedAndPrivate();
    void exitFreesEverything();
    void freeingABigBufferFreesItsPageTables();
    void mallocAfterTheProgramShrankBrk();
    void deterministic();
    void randomPrograms_data();
    void randomPrograms();
};

void TestVm::spawnLooksLikeTheNotes()
{
    Simulator sim = boot("seed-8g");
    Proc p = spawnProc(sim, "demand-paging");
    // Program 20 kB + heap 132 + libraries + [vvar] 16 + [vdso] 8 + [stack] 132 = 6056 kB (ps VSZ).
    QCOMPARE(p.vszKb(), 6056u);
    QVERIFY(p.rssKb() > 200);
    QCOMPARE(p.p().majFlt, 0u);
    QVERIFY(p.p().minFlt > 20);
    QVERIFY(checkMachine(sim.current()).empty());
}

void TestVm::demandPaging()
{
    Simulator sim = boot("seed-8g");
    thpNever(sim); // one fault per 4 KiB page
    Proc p = spawnProc(sim, "demand-paging");
    const std::uint64_t vsz0 = p.vszKb(), rss0 = p.rssKb(), flt0 = p.p().minFlt;
    const std::uint64_t buf = p.malloc(100 * MiB);
    QVERIFY(buf);
    QCOMPARE(p.vszKb() - vsz0, 102404u); // the notes: 6056 -> 108460
    QCOMPARE(p.rssKb(), rss0);
    const std::uint64_t used0 = usedKb(sim.current());
    const std::uint64_t from = sim.eventCount();
    p.touch(buf, 100 * MiB);
    QCOMPARE(p.p().minFlt - flt0, 25600u); // one minor fault per 4 KiB page
    QCOMPARE(countFaults(sim, FaultKind::Anon, from), 25600u);
    QCOMPARE(p.rssKb() - rss0, 102400u);
    const std::uint64_t grew = usedKb(sim.current()) - used0;
    QVERIFY2(grew >= 102400 && grew < 102400 + 400, qPrintable(QString::number(grew))); // + page tables
    // A second pass hits: no new faults.
    p.touch(buf, 100 * MiB);
    QCOMPARE(p.p().minFlt - flt0, 25600u);
}

void TestVm::cowFork()
{
    Simulator sim = boot("seed-8g");
    Proc p = spawnProc(sim, "cow");
    const std::uint64_t buf = p.malloc(100 * MiB);
    p.touch(buf, 100 * MiB);
    Proc c = p.fork();
    QCOMPARE(c.p().minFlt, 0u);  // counters start at zero in the child
    QCOMPARE(c.vszKb(), p.vszKb());
    QCOMPARE(c.rssKb(), p.rssKb()); // the child maps the same frames
    const std::uint64_t used0 = usedKb(sim.current());
    const std::uint64_t from = sim.eventCount();
    c.touch(buf, 100 * MiB);
    QCOMPARE(c.p().minFlt, 25600u); // one COW fault per page (the notes: 29 -> 25629)
    QCOMPARE(countFaults(sim, FaultKind::CowCopy, from), 25600u);
    QCOMPARE(countEvents(sim, EventType::CowCopy, from), 25600u);
    const std::uint64_t grew = usedKb(sim.current()) - used0;
    QVERIFY2(grew >= 102400 && grew < 102400 + 400, qPrintable(QString::number(grew)));
    QCOMPARE(c.rssKb(), p.rssKb());
}

void TestVm::cowReuseByLastSharer()
{
    Simulator sim = boot("x86-64");
    Proc p = spawnProc(sim, "reuse");
    const std::uint64_t buf = p.malloc(16 * 4096);
    p.touch(buf, 16 * 4096);
    Proc c = p.fork();
    std::uint64_t from = sim.eventCount();
    c.touch(buf, 16 * 4096); // the child copies
    QCOMPARE(countFaults(sim, FaultKind::CowCopy, from), 16u);
    from = sim.eventCount();
    p.touch(buf, 16 * 4096); // the parent is now the only user: reuse in place
    QCOMPARE(countFaults(sim, FaultKind::CowReuse, from), 16u);
    QCOMPARE(countFaults(sim, FaultKind::CowCopy, from), 0u);
}

void TestVm::zeroPageThenWrite()
{
    Simulator sim = boot("x86-64");
    Proc p = spawnProc(sim, "zero");
    Command mm = vmCommand(CommandType::Mmap, p.pid);
    mm.len = 8 * 4096;
    mm.prot = Prot::Read | Prot::Write;
    mm.mapFlags = MapFlag::Private | MapFlag::Anonymous;
    const std::uint64_t at = p.run(mm).value;
    const std::uint64_t rss0 = p.rssKb();
    std::uint64_t from = sim.eventCount();
    p.touch(at, 8 * 4096, false);
    QCOMPARE(countFaults(sim, FaultKind::ZeroPage, from), 8u);
    QCOMPARE(p.rssKb(), rss0); // the zero page is not counted
    const vm::WalkResult w = vm::translate(sim.current(), p.pid, at);
    QVERIFY(w.ok);
    QCOMPARE(w.paddr >> 12, sim.current().zeroPfn);
    from = sim.eventCount();
    p.touch(at, 8 * 4096, true);
    QCOMPARE(countFaults(sim, FaultKind::CowCopy, from), 8u); // do_wp_page on the zero page: a zeroed copy
    QCOMPARE(p.rssKb(), rss0 + 32);
}

void TestVm::segvKillsOnlyThatProcess()
{
    Simulator sim = boot("x86-64");
    Proc p = spawnProc(sim, "segv");
    Proc q = spawnProc(sim, "other");
    const std::uint64_t free0 = sim.current().freePages();
    const std::uint64_t from = sim.eventCount();
    p.touch(0, 4, true); // *(int*)NULL = 0
    QCOMPARE(countFaults(sim, FaultKind::Segv, from), 1u);
    QCOMPARE(p.p().state, ProcState::Killed);
    QCOMPARE(p.p().exitSignal, 11);
    QVERIFY(q.p().alive());
    QVERIFY(sim.current().freePages() > free0); // its memory came back
    Command c = vmCommand(CommandType::Access, p.pid);
    c.len = 1;
    QCOMPARE(sim.apply(c).error.code, ErrorCode::ProcessDead);
}

void TestVm::mallocThresholdAndHeap()
{
    Simulator sim = boot("x86-64");
    Proc p = spawnProc(sim, "m");
    const Mm before = p.p().mm;
    const std::uint64_t brk0 = before.brk;
    QCOMPARE(brk0 - before.startBrk, 132u * 1024); // the first small malloc grew brk by 0x21000
    const std::uint64_t small = p.malloc(1000);
    QVERIFY(small > before.startBrk && small < brk0);
    QCOMPARE(p.p().mm.brk, brk0); // carved from the top chunk
    const std::uint64_t below = p.malloc(128 * 1024 - 100); // nb < threshold: heap
    QVERIFY(below >= before.startBrk && below < p.p().mm.brk);
    const std::uint64_t vsz = p.vszKb();
    const std::uint64_t big = p.malloc(128 * 1024); // at the threshold: its own mmap
    QVERIFY(big < before.startBrk || big > p.p().mm.brk);
    QCOMPARE(p.vszKb() - vsz, 132u);
    Command f = vmCommand(CommandType::Free, p.pid);
    f.addr = big;
    p.run(f);
    QCOMPARE(p.vszKb(), vsz); // free() of an mmapped chunk unmaps it
    f.addr = big;
    QCOMPARE(sim.apply(f).error.code, ErrorCode::NotMallocPointer);
}

void TestVm::fileMappingSharedAndPrivate()
{
    Simulator sim = boot("seed-8g");
    Command fc = vmCommand(CommandType::FileCreate, 0);
    fc.text = "testfile";
    fc.len = 6;
    fc.data = "hello\n";
    QVERIFY(!sim.apply(fc).error);
    Proc p = spawnProc(sim, "filemap");
    Command mm = vmCommand(CommandType::Mmap, p.pid);
    mm.len = 100 * MiB;
    mm.prot = Prot::Read | Prot::Write;
    mm.mapFlags = MapFlag::Shared;
    mm.text = "testfile";
    const std::uint64_t at = p.run(mm).value;
    std::uint64_t from = sim.eventCount();
    p.touch(at, 1, false);
    QCOMPARE(countFaults(sim, FaultKind::FileMajor, from), 1u); // not cached yet: read from disk
    QCOMPARE(p.p().majFlt, 1u);
    QCOMPARE(vm::readUser(sim.current(), p.pid, at, 5), std::string("hello"));
    Command w = vmCommand(CommandType::Access, p.pid);
    w.addr = at;
    w.data = "HELLO";
    p.run(w);
    const std::uint32_t file = sim.current().fileByName(vm::absolutePath(sim.current(), "testfile"));
    QCOMPARE(vm::fileContents(sim.current(), file), std::string("HELLO\n")); // MAP_SHARED reaches the file

    // A second process maps it privately: minor fault (cached), and its write copies.
    Proc q = spawnProc(sim, "private");
    mm.pid = q.pid;
    mm.mapFlags = MapFlag::Private;
    const std::uint64_t at2 = q.run(mm).value;
    from = sim.eventCount();
    q.touch(at2, 1, false);
    QCOMPARE(countFaults(sim, FaultKind::FileMinor, from), 1u);
    w.pid = q.pid;
    w.addr = at2;
    w.data = "xy";
    q.run(w);
    QCOMPARE(vm::readUser(sim.current(), q.pid, at2, 6), std::string("xyLLO\n"));
    QCOMPARE(vm::fileContents(sim.current(), file), std::string("HELLO\n")); // private writes stay private
}

void TestVm::exitFreesEverything()
{
    Simulator sim = boot("x86-64");
    const std::uint64_t free0 = sim.current().freePages();
    Proc p = spawnProc(sim, "a");
    const std::uint64_t afterSpawn = sim.current().freePages();
    const std::uint64_t buf = p.malloc(8 * MiB);
    p.touch(buf, 8 * MiB);
    Proc c = p.fork();
    c.touch(buf, 4 * MiB);
    p.run(vmCommand(CommandType::Exit, p.pid));
    c.run(vmCommand(CommandType::Exit, c.pid));
    const Machine& m = sim.current();
    QCOMPARE(m.vmc.pageTablePages, 0u);
    QCOMPARE(m.vmc.anonPages, 0u);
    // Only the page cache (the program and its libraries) stays, and the slab the
    // task_structs came from (the cache keeps its now empty slab), no kernel stack.
    QCOMPARE(m.kmem.kernelStackPages, 0u);
    QCOMPARE(m.kmem.caches[m.kmem.cacheTaskStruct].activeObjs, 0u);
    QCOMPARE(free0 - m.freePages(), m.vmc.filePages + slabPages(m, false) + slabPages(m, true));
    QVERIFY(afterSpawn < free0);
}

void TestVm::freeingABigBufferFreesItsPageTables()
{
    // Found by the debug build's per-command check while running demand-paging.js:
    // munmap() freed the 50 PTE tables of a 100 MiB buffer but the process kept counting them.
    Simulator sim = boot("x86-64");
    Proc p = spawnProc(sim, "big");
    const std::uint64_t pt0 = p.p().mm.ptPages, global0 = sim.current().vmc.pageTablePages;
    const std::uint64_t buf = p.malloc(100 * MiB);
    p.touch(buf, 100 * MiB);
    QVERIFY(p.p().mm.ptPages >= pt0 + 50);
    Command f = vmCommand(CommandType::Free, p.pid);
    f.addr = buf;
    p.run(f); // checks the machine
    QCOMPARE(p.p().mm.ptPages, pt0);
    QCOMPARE(sim.current().vmc.pageTablePages, global0);
}

void TestVm::mallocAfterTheProgramShrankBrk()
{
    // A program may move brk itself, below glibc's top chunk: malloc must grow from the
    // top again, and free must not trim what is no longer there (no unsigned wrap-around).
    Simulator sim = boot("x86-64");
    Proc p = spawnProc(sim, "brk");
    const std::uint64_t a = p.malloc(1000);
    Command b = vmCommand(CommandType::Brk, p.pid);
    b.addr = p.p().mm.startBrk; // the whole heap given back, below the top chunk
    p.run(b);
    const std::uint64_t c = p.malloc(100000);
    QVERIFY(c > a);
    QVERIFY(c + 100000 <= p.p().mm.brk);
    p.touch(c, 100000);
    QVERIFY(p.p().alive());
    Command f = vmCommand(CommandType::Free, p.pid);
    f.addr = c;
    p.run(f);
    QVERIFY(p.p().mm.brk >= p.p().mm.startBrk && p.p().mm.brk < p.p().mm.startBrk + 64 * MiB);
}

void TestVm::deterministic()
{
    auto runOnce = [] {
        Simulator sim = boot("x86-64");
        Proc p = spawnProc(sim, "d");
        const std::uint64_t b = p.malloc(MiB);
        p.touch(b, MiB);
        Proc c = p.fork();
        c.touch(b, MiB / 2);
        std::string out;
        for (std::uint64_t i = 0; i < sim.eventCount(); ++i) appendEventJson(out, sim.current(), i, sim.events()[i]);
        return out;
    };
    QCOMPARE(runOnce(), runOnce());
}

void TestVm::randomPrograms_data()
{
    QTest::addColumn<QString>("preset");
    QTest::addColumn<quint64>("seed");
    QTest::addColumn<bool>("pcid");
    for (const char* preset : {"x86-64", "x86-64-la57", "x86-32", "x86-pae"})
        for (quint64 seed : {1ull, 2ull})
            QTest::addRow("%s-%llu", preset, seed) << QString::fromLatin1(preset) << seed << (seed == 1);
}

void TestVm::randomPrograms()
{
    QFETCH(QString, preset);
    QFETCH(quint64, seed);
    QFETCH(bool, pcid);
    MachineConfig cfg = config(preset.toLatin1().constData(), "256M");
    cfg.seed = seed;
    cfg.tlb.pcid = pcid; // without PCID every switch flushes
    cfg.tlb.policy = static_cast<std::uint8_t>(seed % 3);
    Simulator sim = boot(cfg);
    std::uint64_t x = seed * 0x9E3779B97F4A7C15ull;
    auto rnd = [&](std::uint64_t n) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        return n ? x % n : 0;
    };
    Command fc = vmCommand(CommandType::FileCreate, 0);
    fc.text = "data.bin";
    fc.len = 64 * 4096;
    fc.data = "memviz";
    QVERIFY(!sim.apply(fc).error);
    std::vector<std::uint32_t> pids;
    std::map<std::uint32_t, std::vector<std::uint64_t>> ptrs, maps;
    const int steps = kSlowBuild ? 150 : 400;
    for (int i = 0; i < steps; ++i) {
        std::vector<std::uint32_t> alive;
        for (std::uint32_t pid : pids)
            if (sim.current().proc(pid)->alive()) alive.push_back(pid);
        Command c;
        const std::uint64_t op = alive.empty() ? 0 : rnd(12);
        const std::uint32_t pid = alive.empty() ? 0 : alive[rnd(alive.size())];
        switch (op) {
        case 0:
            if (alive.size() > 5) continue;
            c = vmCommand(CommandType::Spawn, 0);
            c.text = "p" + std::to_string(i);
            break;
        case 1:
            c = vmCommand(CommandType::Malloc, pid);
            c.len = rnd(2) ? 1 + rnd(200000) : 1 + rnd(4 * MiB);
            break;
        case 2:
            if (ptrs[pid].empty()) continue;
            c = vmCommand(CommandType::Free, pid);
            c.addr = ptrs[pid][rnd(ptrs[pid].size())];
            break;
        case 3:
        case 4: {
            const auto& v = sim.current().proc(pid)->mm.vmas;
            const Vma* pick = &v[rnd(v.size())];
            if (!maps[pid].empty() && rnd(2)) // half the time, one of its own mmaps
                if (const Vma* own = sim.current().proc(pid)->mm.find(maps[pid][rnd(maps[pid].size())])) pick = own;
            const Vma& vma = *pick;
            c = vmCommand(CommandType::Access, pid);
            c.addr = vma.start + rnd(vma.size());
            c.len = 1 + rnd(std::min<std::uint64_t>(vma.end - c.addr, 64 * 4096));
            c.write = rnd(2);
            c.step = rnd(2) ? 4096 : 1 + rnd(9000);
            break;
        }
        case 5:
            if (alive.size() > 5) continue;
            c = vmCommand(CommandType::Fork, pid);
            break;
        case 6:
            if (rnd(3)) continue;
            c = vmCommand(CommandType::Exit, pid);
            break;
        case 7:
            c = vmCommand(CommandType::Mmap, pid);
            c.len = 1 + rnd(64 * 4096);
            c.prot = static_cast<std::uint8_t>(rnd(2) ? (Prot::Read | Prot::Write) : Prot::Read);
            c.mapFlags = rnd(2) ? MapFlag::Shared : MapFlag::Private;
            if (rnd(2)) c.text = "data.bin";
            else c.mapFlags |= MapFlag::Anonymous;
            break;
        case 8: {
            if (maps[pid].empty()) continue;
            c = vmCommand(CommandType::Munmap, pid);
            c.addr = maps[pid][rnd(maps[pid].size())];
            c.len = 4096 * (1 + rnd(16));
            break;
        }
        case 9: {
            if (maps[pid].empty()) continue;
            c = vmCommand(CommandType::Mprotect, pid);
            c.addr = maps[pid][rnd(maps[pid].size())];
            c.len = 4096 * (1 + rnd(8));
            c.prot = static_cast<std::uint8_t>(rnd(8));
            break;
        }
        case 10:
            c = vmCommand(CommandType::Brk, pid);
            c.addr = sim.current().proc(pid)->mm.brk + (rnd(2) ? rnd(MiB) : -std::int64_t(rnd(64 * 1024)));
            break;
        default: {
            // A wild access: anywhere, may SIGSEGV.
            c = vmCommand(CommandType::Access, pid);
            c.addr = rnd(2) ? rnd(1 << 20) : rnd(taskSizeOf(sim));
            c.len = 1 + rnd(3 * 4096);
            c.write = rnd(2);
            break;
        }
        }
        const CommandResult r = sim.apply(c);
        if (r.error) continue;
        if (c.type == CommandType::Spawn || c.type == CommandType::Fork) pids.push_back(static_cast<std::uint32_t>(r.value));
        if (c.type == CommandType::Malloc && r.value) ptrs[pid].push_back(r.value);
        if (c.type == CommandType::Free) std::erase(ptrs[pid], c.addr);
        if (c.type == CommandType::Mmap) maps[pid].push_back(r.value);
        if (c.type == CommandType::Fork && r.value) {
            ptrs[static_cast<std::uint32_t>(r.value)] = ptrs[pid];
            maps[static_cast<std::uint32_t>(r.value)] = maps[pid];
        }
        const auto f = checkMachine(sim.current());
        if (!f.empty())
            QFAIL(qPrintable(u"step %1 (%2): %3"_s.arg(i).arg(QString::fromStdString(commandToJson(c)), QString::fromStdString(describe(f.front())))));
    }
    // The run exercised the interesting paths.
    std::array<std::uint64_t, static_cast<int>(FaultKind::Count)> kinds{};
    for (const Event& e : sim.events())
        if (e.type == EventType::PageFault) ++kinds[e.order];
    qInfo("faults: anon %llu zero %llu cow-copy %llu cow-reuse %llu minor %llu major %llu segv %llu oom %llu",
          (unsigned long long)kinds[1], (unsigned long long)kinds[0], (unsigned long long)kinds[2],
          (unsigned long long)kinds[3], (unsigned long long)kinds[4], (unsigned long long)kinds[5],
          (unsigned long long)kinds[6], (unsigned long long)kinds[7]);
    if (!kSlowBuild) // the short runs of sanitizer builds need not reach every path
        for (FaultKind k : {FaultKind::Anon, FaultKind::ZeroPage, FaultKind::CowCopy, FaultKind::FileMinor,
                            FaultKind::FileMajor, FaultKind::Segv})
            QVERIFY2(kinds[static_cast<std::size_t>(k)] > 0, faultKindName(k));
    // Replaying the events from the boot state gives the same machine (seeking is exact).
    const Machine replay = sim.stateAt(sim.eventCount());
    QVERIFY(replay.frames.sameAs(sim.current().frames));
    QCOMPARE(replay.vmc.anonPages, sim.current().vmc.anonPages);
    QCOMPARE(replay.procs.size(), sim.current().procs.size());
}

QTEST_GUILESS_MAIN(TestVm)
#include "tst_vm.moc"
