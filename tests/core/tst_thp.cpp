// Huge pages: transparent huge pages (do_huge_pmd_anonymous_page, the fallback, the
// enabled modes and madvise, splitting on munmap/mprotect/MADV_DONTNEED/COW/reclaim
// with the bytes kept, the huge-page TLB, walks that end at the PMD, fork) and hugetlb
// (vm.nr_hugepages, MAP_HUGETLB reservations and faults, ENOMEM, SIGBUS, private COW,
// surplus pages, fork copying 512 times fewer entries in less simulated time). Proc runs
// the consistency checker after every command.

#include "TestUtil.h"

#include "reclaim/Reclaim.h"
#include "sim/Apply.h"
#include "sim/Sysctl.h"
#include "stats/MemInfo.h"
#include "stats/Shell.h"
#include "vm/VmOps.h"

#include <QTest>

#include <algorithm>

using namespace memviz;
using namespace memviz::test;
using namespace Qt::StringLiterals;

namespace {

constexpr std::uint64_t kHuge = 2 * MiB;
constexpr std::uint64_t kHint = 0x7f0000000000ull; ///< 2 MiB aligned, far from everything a program maps

MachineConfig thpConfig(ThpMode mode, const char* preset = "x86-64", const char* ram = "512M")
{
    MachineConfig c = config(preset, ram);
    c.sysctl.thp = mode;
    return c;
}

Command sysctl(const char* name, std::uint64_t v)
{
    Command c = vmCommand(CommandType::SetSysctl, 0);
    c.text = name;
    c.len = v;
    return c;
}

void setSysctl(Simulator& s, const char* name, std::uint64_t v)
{
    const CommandResult r = s.apply(sysctl(name, v));
    if (r.error) qFatal("sysctl %s refused", name);
}

/// mmap(hint, len, PROT_READ | PROT_WRITE, flags): the address (0 for MAP_FAILED).
std::uint64_t mmapAt(Proc& p, std::uint64_t hint, std::uint64_t len,
    std::uint32_t flags = MapFlag::Private | MapFlag::Anonymous)
{
    Command c = vmCommand(CommandType::Mmap, p.pid);
    c.addr = hint;
    c.len = len;
    c.prot = Prot::Read | Prot::Write;
    c.mapFlags = flags;
    return p.run(c).value;
}

void madvise(Proc& p, std::uint64_t addr, std::uint64_t len, std::uint32_t advice)
{
    Command c = vmCommand(CommandType::Madvise, p.pid);
    c.addr = addr;
    c.len = len;
    c.mapFlags = advice;
    p.run(c);
}

void munmap(Proc& p, std::uint64_t addr, std::uint64_t len)
{
    Command c = vmCommand(CommandType::Munmap, p.pid);
    c.addr = addr;
    c.len = len;
    p.run(c);
}

void mprotect(Proc& p, std::uint64_t addr, std::uint64_t len, std::uint8_t prot)
{
    Command c = vmCommand(CommandType::Mprotect, p.pid);
    c.addr = addr;
    c.len = len;
    c.prot = prot;
    p.run(c);
}



/// Order-9 blocks handed out by the buddy allocator since event `from`.
std::uint64_t hugeAllocs(const Simulator& s, std::uint64_t from)
{
    std::uint64_t n = 0;
    for (std::uint64_t i = from; i < s.eventCount(); ++i)
        n += s.events()[i].type == EventType::BuddyAlloc && s.events()[i].order == 9;
    return n;
}

MemInfo meminfo(const Simulator& s) { return computeMemInfo(s.current()); }

/// The bytes the test writes into the first huge page of a buffer, away from page edges.
const std::vector<std::pair<std::uint64_t, std::string>>& marks()
{
    static const std::vector<std::pair<std::uint64_t, std::string>> m = {
        { 0, "head" }, { 7 * 4096 + 5, "seventh" }, { MiB + 3, "middle" }, { 300 * 4096 + 4090, "across pages" },
    };
    return m;
}

void writeMarks(Proc& p, std::uint64_t base)
{
    for (const auto& [off, s] : marks()) p.write(base + off, s);
}

void verifyMarks(const Simulator& s, std::uint32_t pid, std::uint64_t base)
{
    for (const auto& [off, text] : marks())
        QCOMPARE(vm::readUser(s.current(), pid, base + off, text.size()), text);
}

int levelsOf(const Simulator& s) { return static_cast<int>(s.current().config.arch.levels.size()); }

/// Applies events to a machine copy, for driving one reclaim batch by hand.
struct ApplyTo final : Emitter {
    Machine& m;
    explicit ApplyTo(Machine& mm) : m(mm) {}
    void onEvent(const Event& e) override
    {
        Event x = e;
        x.time = m.timeNs;
        applyEvent(m, x);
    }
};

} // namespace

class TestThp : public QObject {
    Q_OBJECT
private slots:
    void faultSize_data();
    void faultSize();
    void demandPagingLikeTheNotes();
    void modes_data();
    void modes();
    void notAlignedOrOutsideTheVma_data();
    void notAlignedOrOutsideTheVma();
    void fallbackWhenFragmented();
    void readFaultKeepsTheZeroPage();
    void splitKeepsContents_data();
    void splitKeepsContents();
    void reclaimSplitsByHand();
    void reclaimUnderPressureKeepsContents();
    void hugeTlbAndWalk_data();
    void hugeTlbAndWalk();
    void forkSharesHugePages();
    void exitAndMunmapFreeTheBlock();
    void lruCountsPages();
    void checkerSeesBrokenHugeMappings();
    void hugetlbPool_data();
    void hugetlbPool();
    void hugetlbFaults();
    void hugetlbEnomem();
    void hugetlbSigbusWithoutReservation();
    void hugetlbPrivateCow();
    void hugetlbSurplus();
    void hugetlbAlignment();
    void forkCopiesFewerEntries_data();
    void forkCopiesFewerEntries();
    void madviseFromScriptsNumbers();
    void randomHugePressure_data();
    void randomHugePressure();
};

void TestThp::faultSize_data()
{
    QTest::addColumn<quint64>("mapLen");
    QTest::addColumn<quint64>("touchLen");
    QTest::addColumn<quint64>("hugeFaults");
    QTest::addColumn<quint64>("smallFaults");
    QTest::newRow("one huge page") << quint64(kHuge) << quint64(kHuge) << quint64(1) << quint64(0);
    QTest::newRow("three huge pages") << quint64(3 * kHuge) << quint64(3 * kHuge) << quint64(3) << quint64(0);
    QTest::newRow("one byte") << quint64(kHuge) << quint64(1) << quint64(1) << quint64(0);
    // The last 1 MiB has no aligned 2 MiB inside the VMA: 4 KiB pages there.
    QTest::newRow("2 MiB + 1 MiB") << quint64(3 * MiB) << quint64(3 * MiB) << quint64(1) << quint64(256);
}

void TestThp::faultSize()
{
    QFETCH(quint64, mapLen);
    QFETCH(quint64, touchLen);
    QFETCH(quint64, hugeFaults);
    QFETCH(quint64, smallFaults);
    Simulator sim = boot(thpConfig(ThpMode::Always));
    Proc p = spawnProc(sim, "thp");
    const std::uint64_t buf = mmapAt(p, kHint, mapLen);
    QCOMPARE(buf, kHint);
    const MemInfo before = meminfo(sim);
    const std::uint64_t rss0 = p.rssKb(), flt0 = p.p().minFlt, pt0 = p.p().mm.ptPages;
    const std::uint64_t from = sim.eventCount();
    p.touch(buf, touchLen);
    const MemInfo after = meminfo(sim);
    // One order-9 block and one fault per aligned 2 MiB; RSS counts all 512 pages.
    QCOMPARE(hugeAllocs(sim, from), hugeFaults);
    QCOMPARE(sim.current().rc.thpFaultAlloc, hugeFaults);
    QCOMPARE(sim.current().rc.thpFaultFallback, 0u);
    QCOMPARE(p.p().minFlt - flt0, hugeFaults + smallFaults);
    QCOMPARE(p.rssKb() - rss0, hugeFaults * 2048 + smallFaults * 4);
    QCOMPARE(after.anonHugePages - before.anonHugePages, hugeFaults * 2048);
    QCOMPARE(after.anonPages - before.anonPages, hugeFaults * 2048 + smallFaults * 4);
    // Page tables: a PUD and a PMD table for the new 1 GiB, one deposited PTE table per
    // huge page (pgtable_trans_huge_deposit), one PTE table for the 4 KiB part.
    const std::uint64_t tables = 2 + hugeFaults + (smallFaults ? 1 : 0);
    QCOMPARE(p.p().mm.ptPages - pt0, tables);
    QCOMPARE(after.pageTables - before.pageTables, tables * 4);
    QCOMPARE(p.p().mm.deposited.size(), std::size_t(hugeFaults));
    const vm::WalkResult w = vm::translate(sim.current(), p.pid, buf + 12345);
    QVERIFY(w.ok);
    QCOMPARE(w.pageShift, 21);
    QCOMPARE(int(w.steps.size()), levelsOf(sim) - 1);
    QVERIFY(w.flags & PteFlag::Huge);
}

void TestThp::demandPagingLikeTheNotes()
{
    // seeds/001 §5.2 on the notes' machine (THP "always"): malloc(100 MiB) and touch it.
    // The notes' ps shows min_flt 153 -> 715 (562 faults): 49 huge pages and 512 small ones.
    Simulator sim = boot("seed-8g");
    Proc p = spawnProc(sim, "demand-paging");
    const std::uint64_t buf = p.malloc(100 * MiB);
    const std::uint64_t flt0 = p.p().minFlt, rss0 = p.rssKb();
    p.touch(buf, 100 * MiB);
    const std::uint64_t start = buf - 16, end = start + 100 * MiB + 4096; // glibc's mmapped chunk
    const std::uint64_t firstHuge = (start + kHuge - 1) & ~(kHuge - 1), lastHuge = end & ~(kHuge - 1);
    const std::uint64_t huge = (lastHuge - firstHuge) / kHuge;
    QCOMPARE(huge, 49u);
    QCOMPARE(p.p().minFlt - flt0, huge + (100 * MiB - huge * kHuge) / 4096);
    QCOMPARE(p.p().minFlt - flt0, 561u);
    QCOMPARE(p.rssKb() - rss0, 102400u);
    QCOMPARE(meminfo(sim).anonHugePages, huge * 2048);
    const std::string vmstat = runShell(sim.current(), "grep thp_fault_alloc /proc/vmstat").out;
    QCOMPARE(vmstat, std::string("thp_fault_alloc 49\n"));
}

void TestThp::modes_data()
{
    QTest::addColumn<int>("mode");
    QTest::addColumn<int>("advice"); // 0 none
    QTest::addColumn<bool>("huge");
    QTest::newRow("always") << int(ThpMode::Always) << 0 << true;
    QTest::newRow("always, MADV_NOHUGEPAGE") << int(ThpMode::Always) << int(Madv::NoHugePage) << false;
    QTest::newRow("madvise") << int(ThpMode::Madvise) << 0 << false;
    QTest::newRow("madvise, MADV_HUGEPAGE") << int(ThpMode::Madvise) << int(Madv::HugePage) << true;
    QTest::newRow("never") << int(ThpMode::Never) << 0 << false;
    QTest::newRow("never, MADV_HUGEPAGE") << int(ThpMode::Never) << int(Madv::HugePage) << false;
}

void TestThp::modes()
{
    QFETCH(int, mode);
    QFETCH(int, advice);
    QFETCH(bool, huge);
    Simulator sim = boot(thpConfig(ThpMode::Always));
    setSysctl(sim, "kernel.mm.transparent_hugepage.enabled", std::uint64_t(mode)); // echo X > .../enabled
    Proc p = spawnProc(sim, "modes");
    const std::uint64_t buf = mmapAt(p, kHint, 2 * kHuge);
    if (advice) {
        madvise(p, buf, kHuge, std::uint32_t(advice)); // the first 2 MiB only: the VMA is split
        QCOMPARE(p.p().mm.find(buf)->end, buf + kHuge);
        QVERIFY(p.p().mm.find(buf)->flags & (advice == Madv::HugePage ? VmaFlag::HugePage : VmaFlag::NoHugePage));
    }
    p.touch(buf, kHuge);
    QCOMPARE(sim.current().rc.thpFaultAlloc, huge ? 1u : 0u);
    QCOMPARE(meminfo(sim).anonHugePages, huge ? 2048u : 0u);
    // The second 2 MiB has no advice: huge only with "always".
    p.touch(buf + kHuge, kHuge);
    QCOMPARE(sim.current().rc.thpFaultAlloc, (huge ? 1u : 0u) + (mode == int(ThpMode::Always) ? 1u : 0u));
    QCOMPARE(sim.current().rc.thpFaultFallback, 0u);
}

void TestThp::notAlignedOrOutsideTheVma_data()
{
    QTest::addColumn<quint64>("hint");
    QTest::addColumn<quint64>("len");
    QTest::addColumn<quint64>("hugeFaults");
    QTest::newRow("2 MiB, not aligned") << quint64(kHint + 4096) << quint64(kHuge) << quint64(0);
    QTest::newRow("2 MiB - 4 KiB, aligned") << quint64(kHint) << quint64(kHuge - 4096) << quint64(0);
    QTest::newRow("4 MiB from 1 MiB") << quint64(kHint + MiB) << quint64(2 * kHuge) << quint64(1);
    QTest::newRow("4 MiB, aligned") << quint64(kHint) << quint64(2 * kHuge) << quint64(2);
}

void TestThp::notAlignedOrOutsideTheVma()
{
    QFETCH(quint64, hint);
    QFETCH(quint64, len);
    QFETCH(quint64, hugeFaults);
    Simulator sim = boot(thpConfig(ThpMode::Always));
    Proc p = spawnProc(sim, "align");
    const std::uint64_t buf = mmapAt(p, hint, len);
    QCOMPARE(buf, hint);
    const std::uint64_t flt0 = p.p().minFlt;
    p.touch(buf, len);
    QCOMPARE(sim.current().rc.thpFaultAlloc, hugeFaults);
    QCOMPARE(sim.current().rc.thpFaultFallback, 0u); // never tried: no fallback counted
    QCOMPARE(p.p().minFlt - flt0, hugeFaults + (len - hugeFaults * kHuge) / 4096);
}

void TestThp::fallbackWhenFragmented()
{
    // No free block of order 9 or more, plenty of free order-0 pages: THP falls back.
    Simulator sim = boot(thpConfig(ThpMode::Always, "x86-64", "128M"));
    skipPerCommandCheck(sim);
    std::vector<Pfn> pages;
    for (;;) {
        const CommandResult r = sim.apply(Command::allocPages(0));
        if (!r.pfn) break;
        pages.push_back(*r.pfn);
    }
    for (Pfn f : pages) // every odd frame: its buddy stays allocated, nothing merges
        if (f & 1) sim.apply(Command::freePages(f, 0));
    for (int o = 9; o <= kMaxOrder; ++o) // and whatever large block survived the drain
        while (true) {
            bool any = false;
            for (const Zone& z : sim.current().zones)
                for (int k = o; k <= kMaxOrder; ++k) any = any || z.freeArea[static_cast<std::size_t>(k)].nrFree;
            if (!any || !sim.apply(Command::allocPages(9)).pfn) break;
        }
    for (const Zone& z : sim.current().zones)
        for (int k = 9; k <= kMaxOrder; ++k) QCOMPARE(z.freeArea[static_cast<std::size_t>(k)].nrFree, 0u);
    QVERIFY(checkMachine(sim.current()).empty());
    Proc p = spawnProc(sim, "frag");
    const std::uint64_t buf = mmapAt(p, kHint, 2 * kHuge);
    const std::uint64_t from = sim.eventCount(), flt0 = p.p().minFlt;
    p.touch(buf, 2 * kHuge);
    QCOMPARE(sim.current().rc.thpFaultAlloc, 0u);
    QCOMPARE(sim.current().rc.thpFaultFallback, 2u); // one per aligned 2 MiB tried
    QCOMPARE(p.p().minFlt - flt0, 2 * kHuge / 4096); // the fallback fault is counted once
    QCOMPARE(countEvents(sim, EventType::PageFault, from), 2 * kHuge / 4096);
    QCOMPARE(meminfo(sim).anonHugePages, 0u);
    QCOMPARE(runShell(sim.current(), "grep thp_fault_fallback /proc/vmstat").out,
        std::string("thp_fault_fallback 2\nthp_fault_fallback_charge 0\n"));
}

void TestThp::readFaultKeepsTheZeroPage()
{
    // A read of untouched memory maps the 4 KiB zero page (the kernel would map its huge
    // zero page); the PMD then holds a PTE table, so a later write is a 4 KiB COW fault.
    Simulator sim = boot(thpConfig(ThpMode::Always));
    Proc p = spawnProc(sim, "zero");
    const std::uint64_t buf = mmapAt(p, kHint, kHuge);
    const std::uint64_t from = sim.eventCount();
    p.touch(buf, kHuge, false);
    QCOMPARE(countFaults(sim, FaultKind::ZeroPage, from), kHuge / 4096);
    QCOMPARE(sim.current().rc.thpFaultAlloc, 0u);
    p.touch(buf, 4096, true);
    QCOMPARE(countFaults(sim, FaultKind::CowCopy, from), 1u);
    QCOMPARE(sim.current().rc.thpFaultAlloc, 0u);
}

void TestThp::splitKeepsContents_data()
{
    QTest::addColumn<QString>("how");
    QTest::newRow("munmap of 4 KiB") << u"munmap"_s;
    QTest::newRow("mprotect of 4 KiB") << u"mprotect"_s;
    QTest::newRow("MADV_DONTNEED of 4 KiB") << u"dontneed"_s;
    QTest::newRow("brk-like munmap of the tail") << u"tail"_s;
    QTest::newRow("COW write after fork") << u"cow"_s;
}

void TestThp::splitKeepsContents()
{
    QFETCH(QString, how);
    Simulator sim = boot(thpConfig(ThpMode::Always));
    Proc p = spawnProc(sim, "split");
    const std::uint64_t buf = mmapAt(p, kHint, 2 * kHuge);
    p.touch(buf, 2 * kHuge);
    writeMarks(p, buf);
    QCOMPARE(meminfo(sim).anonHugePages, 4096u);
    const std::uint64_t rss = p.rssKb(), pt = p.p().mm.ptPages;
    const std::uint64_t hole = buf + 100 * 4096; // no mark in this page
    if (how == u"munmap"_s) {
        munmap(p, hole, 4096);
        QCOMPARE(p.rssKb(), rss - 4);
        QVERIFY(!p.p().mm.find(hole));
    } else if (how == u"mprotect"_s) {
        mprotect(p, hole, 4096, Prot::Read);
        QCOMPARE(p.rssKb(), rss);
        const vm::WalkResult w = vm::translate(sim.current(), p.pid, hole);
        QVERIFY(w.ok && !(w.flags & PteFlag::Write) && w.pageShift == 12);
    } else if (how == u"dontneed"_s) {
        madvise(p, hole, 4096, Madv::DontNeed);
        QCOMPARE(p.rssKb(), rss - 4);
        p.touch(hole, 4096, false); // reads zeros again (the zero page)
        QCOMPARE(vm::readUser(sim.current(), p.pid, hole, 4), std::string(4, '\0'));
    } else if (how == u"tail"_s) {
        munmap(p, buf + kHuge - 64 * 4096, kHuge + 64 * 4096); // cuts the first huge page, removes the second
        QCOMPARE(p.rssKb(), rss - 2048 - 256);
    } else {
        Proc c = p.fork();
        QCOMPARE(c.rssKb(), p.rssKb());
        const std::uint64_t from = sim.eventCount();
        c.write(buf + 64, "child");
        QCOMPARE(countFaults(sim, FaultKind::CowCopy, from), 1u); // 4 KiB copied, not 2 MiB
        QCOMPARE(sim.current().vmc.thpSplitPmd, 2u);            // the parent's and the child's PMD
        QCOMPARE(vm::readUser(sim.current(), c.pid, buf + 64, 5), std::string("child"));
        QCOMPARE(vm::readUser(sim.current(), p.pid, buf + 64, 5), std::string(5, '\0'));
        verifyMarks(sim, c.pid, buf);
        // The other huge page is still shared whole, so the parent's write splits it too.
        p.write(buf + kHuge + 1, "x");
        QCOMPARE(sim.current().vmc.thpSplitPage, 2u);
    }
    QCOMPARE(sim.current().vmc.thpSplitPage, how == u"cow"_s ? 2u : 1u);
    // The deposited table became the PTE table: nothing allocated (the tail case freed the
    // second huge page's deposit).
    QCOMPARE(p.p().mm.ptPages, how == u"tail"_s ? pt - 1 : pt);
    QVERIFY(meminfo(sim).anonHugePages <= 2048u);
    verifyMarks(sim, p.pid, buf);
    // Every piece of the split page is an order-0 anonymous page on the LRU now.
    const Machine& m = sim.current();
    const Pfn f = vm::translate(m, p.pid, buf + 5 * 4096).paddr >> 12;
    QCOMPARE(m.frames.order(f), 0);
    QCOMPARE(m.frames.state(f), FrameState::Anon);
    QVERIFY(m.pageExt.lru(f) != kNoLru);
    QCOMPARE(m.pageExt.index(f), (buf + 5 * 4096) >> 12);
}

void TestThp::reclaimSplitsByHand()
{
    // shrink_inactive_list() meets the huge page at the tail: the first scan keeps it
    // (PMD Accessed, second chance); the second splits it and swaps its first page out.
    MachineConfig cfg = thpConfig(ThpMode::Always, "x86-64", "128M");
    cfg.swapBytes = 64 * MiB;
    Simulator sim = boot(cfg);
    Proc p = spawnProc(sim, "reclaim");
    const std::uint64_t buf = mmapAt(p, kHint, kHuge);
    p.touch(buf, kHuge);
    writeMarks(p, buf);
    Machine m = sim.current();
    const Pfn head = vm::translate(m, p.pid, buf).paddr >> 12;
    QCOMPARE(m.frames.order(head), 9);
    lruLink(m, head, LruList::InactiveAnon, false); // to the tail
    QCOMPARE(Pfn(m.lru[LruList::InactiveAnon].tail), head);
    ApplyTo first(m);
    vm::shrinkList(m, first, LruList::InactiveAnon, 1);
    QCOMPARE(m.frames.order(head), 9);
    QVERIFY(m.pageExt.test(head, PageFlag::Referenced));
    lruLink(m, head, LruList::InactiveAnon, false);
    const std::uint64_t inactive = m.lru[LruList::InactiveAnon].size;
    ApplyTo second(m);
    vm::shrinkList(m, second, LruList::InactiveAnon, 1);
    QCOMPARE(m.vmc.thpSplitPage, 1u);
    QCOMPARE(m.rc.pswpout, 1u);
    QCOMPARE(m.lru[LruList::InactiveAnon].size, inactive - 1); // 511 pages stay, counted one by one
    QCOMPARE(Pfn(m.lru[LruList::InactiveAnon].tail), head + 1); // the next page of the folio is next in line
    QVERIFY(!vm::translate(m, p.pid, buf).ok);                  // a swap entry now
    for (const auto& [off, text] : marks())
        if (off >= 4096) QCOMPARE(vm::readUser(m, p.pid, buf + off, text.size()), text);
    const auto f = checkMachine(m);
    QVERIFY2(f.empty(), f.empty() ? "" : describe(f.front()).c_str());
}

void TestThp::reclaimUnderPressureKeepsContents()
{
    MachineConfig cfg = thpConfig(ThpMode::Always, "x86-64", "128M");
    cfg.swapBytes = 256 * MiB;
    Simulator sim = boot(cfg);
    Proc a = spawnProc(sim, "old");
    const std::uint64_t buf = mmapAt(a, kHint, 8 * kHuge);
    a.touch(buf, 8 * kHuge);
    for (std::uint64_t i = 0; i < 8; ++i) writeMarks(a, buf + i * kHuge);
    QCOMPARE(meminfo(sim).anonHugePages, 8u * 2048);
    Proc b = spawnProc(sim, "hog");
    const std::uint64_t big = b.mmap(160 * MiB);
    b.touch(big, 160 * MiB);
    QVERIFY(sim.current().vmc.thpSplitPage > 0);
    QVERIFY(sim.current().rc.pswpout > 0);
    QVERIFY(a.rssKb() < 8 * 2048);
    a.touch(buf, 8 * kHuge, false); // swap-in where needed
    for (std::uint64_t i = 0; i < 8; ++i) verifyMarks(sim, a.pid, buf + i * kHuge);
}

void TestThp::hugeTlbAndWalk_data()
{
    QTest::addColumn<QString>("preset");
    QTest::addColumn<quint64>("hint");
    QTest::newRow("x86-64") << u"x86-64"_s << quint64(kHint);
    QTest::newRow("x86-64-la57") << u"x86-64-la57"_s << quint64(kHint);
    QTest::newRow("x86-pae") << u"x86-pae"_s << quint64(0x40000000);
}

void TestThp::hugeTlbAndWalk()
{
    QFETCH(QString, preset);
    QFETCH(quint64, hint);
    Simulator sim = boot(thpConfig(ThpMode::Always, preset.toLatin1().constData(), "1G"));
    Proc p = spawnProc(sim, "tlb");
    const std::uint64_t buf = mmapAt(p, hint, kHuge);
    QCOMPARE(buf, hint);
    std::uint64_t from = sim.eventCount();
    p.touch(buf + 8192, 1);
    // The walk ends at the PMD with a huge leaf; the fill goes to the huge-page TLB.
    const int levels = levelsOf(sim);
    std::uint64_t steps = 0, hugeLeaves = 0, hugeFills = 0;
    for (std::uint64_t i = from; i < sim.eventCount(); ++i) {
        const Event& e = sim.events()[i];
        if (e.type == EventType::TlbFill && (e.flags & EventFlag::Huge)) {
            ++hugeFills;
            QCOMPARE(e.a, buf);
        }
    }
    QCOMPARE(hugeFills, 1u);
    const Machine& m = sim.current();
    std::uint64_t valid = 0;
    for (const TlbEntry& t : m.tlb.huge)
        if ((t.flags & TlbFlag::Valid) && t.pid == p.pid) {
            ++valid;
            QVERIFY(t.flags & TlbFlag::Huge);
            QCOMPARE(t.vpn, buf >> 21);
        }
    QCOMPARE(valid, 1u);
    // Every other 4 KiB page of the 2 MiB hits that entry: no walk, no fault.
    from = sim.eventCount();
    p.touch(buf, kHuge);
    for (std::uint64_t i = from; i < sim.eventCount(); ++i) {
        const Event& e = sim.events()[i];
        QVERIFY(e.type != EventType::WalkStep && e.type != EventType::PageFault);
        if (e.type == EventType::TlbLookup) QVERIFY((e.flags & EventFlag::Hit) && (e.flags & EventFlag::Huge));
    }
    QCOMPARE(vm::tlbTranslate(m, buf + 5 * 4096 + 7), vm::translate(m, p.pid, buf).paddr / 4096 + 5);
    // A translation walks levels - 1 entries, the last one a huge leaf.
    Command t = vmCommand(CommandType::Translate, p.pid);
    t.addr = buf + 0x12345;
    from = sim.eventCount();
    p.run(t);
    for (std::uint64_t i = from; i < sim.eventCount(); ++i) {
        const Event& e = sim.events()[i];
        if (e.type != EventType::WalkStep) continue;
        ++steps;
        if ((e.flags & EventFlag::Leaf) && (e.flags & EventFlag::Huge)) {
            ++hugeLeaves;
            QCOMPARE(int(e.order), levels - 2);
        }
    }
    QCOMPARE(steps, std::uint64_t(levels - 1));
    QCOMPARE(hugeLeaves, 1u);
    QCOMPARE(vm::translateAddress(sim.current(), p.p().mm.pgd, buf + 0x12345), vm::translate(m, p.pid, buf).paddr + 0x12345);
    // munmap flushes the huge entry.
    munmap(p, buf, kHuge);
    for (const TlbEntry& e : sim.current().tlb.huge) QVERIFY(!(e.flags & TlbFlag::Valid) || e.pid != p.pid);
}

void TestThp::forkSharesHugePages()
{
    Simulator sim = boot(thpConfig(ThpMode::Always));
    Proc p = spawnProc(sim, "parent");
    const std::uint64_t buf = mmapAt(p, kHint, 2 * kHuge);
    p.touch(buf, 2 * kHuge);
    writeMarks(p, buf);
    const Pfn head = vm::translate(sim.current(), p.pid, buf).paddr >> 12;
    Proc c = p.fork();
    const Machine& m = sim.current();
    // Both PMDs map the same block, write-protected; the mapcount is on the head.
    QCOMPARE(m.frames.count(head), std::uint16_t(2));
    QCOMPARE(vm::translate(m, c.pid, buf).paddr >> 12, head);
    QVERIFY(!(vm::translate(m, c.pid, buf).flags & PteFlag::Write));
    QVERIFY(!(vm::translate(m, p.pid, buf).flags & PteFlag::Write));
    QCOMPARE(c.p().mm.deposited.size(), std::size_t(2)); // copy_huge_pmd() deposits a table in the child
    QCOMPARE(c.rssKb() >= 4096, true);
    verifyMarks(sim, c.pid, buf);
    // The child exits: the parent is the only mapping again and reuses the huge page in place.
    c.exit();
    QCOMPARE(sim.current().frames.count(head), std::uint16_t(1));
    const std::uint64_t from = sim.eventCount();
    p.write(buf + 3, "!");
    QCOMPARE(countFaults(sim, FaultKind::CowReuse, from), 1u);
    QCOMPARE(sim.current().vmc.thpSplitPage, 0u);
    QVERIFY(vm::translate(sim.current(), p.pid, buf).flags & PteFlag::Write);
}

void TestThp::exitAndMunmapFreeTheBlock()
{
    Simulator sim = boot(thpConfig(ThpMode::Always));
    Proc p = spawnProc(sim, "free");
    const std::uint64_t free0 = sim.current().freePages();
    const std::uint64_t buf = mmapAt(p, kHint, 4 * kHuge);
    p.touch(buf, 4 * kHuge);
    QVERIFY(sim.current().freePages() < free0 - 4 * 512);
    munmap(p, buf, 4 * kHuge); // zap_huge_pmd() and the deposited tables, then free_pgtables()
    QCOMPARE(sim.current().freePages(), free0);
    QCOMPARE(meminfo(sim).anonHugePages, 0u);
    const std::uint64_t buf2 = mmapAt(p, kHint, 4 * kHuge);
    p.touch(buf2, 4 * kHuge);
    Proc c = p.fork();
    c.exit();
    p.exit();
    QCOMPARE(meminfo(sim).anonHugePages, 0u);
    QCOMPARE(sim.current().vmc.anonThps, 0u);
}

void TestThp::lruCountsPages()
{
    Simulator sim = boot(thpConfig(ThpMode::Always));
    Proc p = spawnProc(sim, "lru");
    const std::uint64_t inactive0 = sim.current().lru[LruList::InactiveAnon].size;
    const std::uint64_t buf = mmapAt(p, kHint, kHuge);
    p.touch(buf, kHuge);
    const Machine& m = sim.current();
    const Pfn head = vm::translate(m, p.pid, buf).paddr >> 12;
    QCOMPARE(m.lru[LruList::InactiveAnon].size, inactive0 + 512); // one folio, 512 pages
    QCOMPARE(Pfn(m.lru[LruList::InactiveAnon].head), head);
    QCOMPARE(meminfo(sim).inactiveAnon, (inactive0 + 512) * 4);
    // Activation moves all 512 pages and counts them (pgactivate is in pages).
    Machine copy = m;
    Event mv;
    mv.type = EventType::LruMove;
    mv.pfn = head;
    mv.order = static_cast<std::uint8_t>((int(LruList::InactiveAnon) << 4) | int(LruList::ActiveAnon));
    applyEvent(copy, mv);
    QCOMPARE(copy.lru[LruList::ActiveAnon].size, m.lru[LruList::ActiveAnon].size + 512);
    QCOMPARE(copy.rc.pgactivate, m.rc.pgactivate + 512);
    QVERIFY(checkMachine(copy).empty());
}

void TestThp::checkerSeesBrokenHugeMappings()
{
    Simulator sim = boot(thpConfig(ThpMode::Always));
    Proc p = spawnProc(sim, "broken");
    const std::uint64_t buf = mmapAt(p, kHint, kHuge);
    p.touch(buf, kHuge);
    auto has = [](const std::vector<Finding>& f, Violation v) {
        return std::any_of(f.begin(), f.end(), [&](const Finding& x) { return x.what == v; });
    };
    Machine lost = sim.current();
    lost.procMut(p.pid)->mm.deposited.clear(); // the deposited table is nobody's now
    QVERIFY(has(checkMachine(lost), Violation::HugeMapBroken));
    Machine lru = sim.current();
    lru.lru.lists[static_cast<std::size_t>(LruList::InactiveAnon)].size -= 511; // counted as one page
    QVERIFY(has(checkMachine(lru), Violation::LruBroken));
    Machine pool = sim.current();
    pool.vmc.hugetlb.total = 1;
    QVERIFY(has(checkMachine(pool), Violation::HugetlbPoolBroken));
}

void TestThp::hugetlbPool_data()
{
    QTest::addColumn<quint64>("pages");
    QTest::newRow("0") << quint64(0);
    QTest::newRow("1") << quint64(1);
    QTest::newRow("64") << quint64(64);
}

void TestThp::hugetlbPool()
{
    QFETCH(quint64, pages);
    Simulator sim = boot(thpConfig(ThpMode::Never, "x86-64", "512M"));
    const MemInfo before = meminfo(sim);
    setSysctl(sim, "vm.nr_hugepages", pages);
    MemInfo i = meminfo(sim);
    QCOMPARE(i.hugePagesTotal, pages);
    QCOMPARE(i.hugePagesFree, pages);
    QCOMPARE(i.hugePagesRsvd, 0u);
    QCOMPARE(i.hugePagesSurp, 0u);
    QCOMPARE(i.hugetlb, pages * 2048);
    QCOMPARE(before.memFree - i.memFree, pages * 2048); // the pool's pages are allocated memory
    // vm_commit_limit(): (totalram - hugetlb) * 50% + swap, in pages.
    QCOMPARE(i.commitLimit, ((before.memTotal / 4 - pages * 512) * 50 / 100 + i.swapTotal / 4) * 4);
    QCOMPARE(sysctlValue(sim.current(), Sysctl::NrHugepages), pages);
    QCOMPARE(runShell(sim.current(), "cat /proc/sys/vm/nr_hugepages").out, std::to_string(pages) + "\n");
    const std::string text = runShell(sim.current(), "grep -E 'HugePages_|Hugetlb' /proc/meminfo").out;
    QVERIFY2(text.find("HugePages_Total:   " + std::string(5 - std::to_string(pages).size(), ' ') + std::to_string(pages))
            != std::string::npos,
        text.c_str());
    setSysctl(sim, "vm.nr_hugepages", 0); // every free page goes back
    i = meminfo(sim);
    QCOMPARE(i.hugePagesTotal, 0u);
    QCOMPARE(i.memFree, before.memFree);
    QVERIFY(checkMachine(sim.current()).empty());
}

void TestThp::hugetlbFaults()
{
    Simulator sim = boot(thpConfig(ThpMode::Never));
    setSysctl(sim, "vm.nr_hugepages", 8);
    Proc p = spawnProc(sim, "hugetlb");
    const std::uint64_t rss0 = p.rssKb(), committed0 = meminfo(sim).committedAs;
    const std::uint64_t buf
        = mmapAt(p, 0, 3 * MiB, MapFlag::Private | MapFlag::Anonymous | MapFlag::Hugetlb); // rounded up to 4 MiB
    QVERIFY(buf);
    QCOMPARE(buf % kHuge, 0u);
    QCOMPARE(p.p().mm.find(buf)->end, buf + 2 * kHuge);
    QVERIFY(p.p().mm.find(buf)->hugetlb());
    QCOMPARE(meminfo(sim).hugePagesRsvd, 2u);
    QCOMPARE(meminfo(sim).committedAs, committed0); // not charged to Committed_AS
    const std::uint64_t from = sim.eventCount(), flt0 = p.p().minFlt;
    p.write(buf + 1000, "hugetlb");
    QCOMPARE(p.p().minFlt - flt0, 1u);
    MemInfo i = meminfo(sim);
    QCOMPARE(i.hugePagesFree, 7u);
    QCOMPARE(i.hugePagesRsvd, 1u);
    QCOMPARE(p.rssKb(), rss0); // hugetlb pages are not RSS
    QCOMPARE(hugeAllocs(sim, from), 0u); // from the pool, not the buddy allocator
    const vm::WalkResult w = vm::translate(sim.current(), p.pid, buf + 1000);
    QVERIFY(w.ok && (w.flags & PteFlag::Huge));
    QCOMPARE(w.pageShift, 21);
    QCOMPARE(vm::readUser(sim.current(), p.pid, buf + 1000, 7), std::string("hugetlb"));
    // Every 4 KiB of the 2 MiB is there now: no more faults.
    p.touch(buf, kHuge);
    QCOMPARE(p.p().minFlt - flt0, 1u);
    // Never on the LRU, never reclaimed; munmap gives the page and the reservation back.
    const Pfn page = w.paddr >> 12;
    QCOMPARE(sim.current().pageExt.lru(page), kNoLru);
    munmap(p, buf, 2 * kHuge);
    i = meminfo(sim);
    QCOMPARE(i.hugePagesFree, 8u);
    QCOMPARE(i.hugePagesRsvd, 0u);
    // Exit gives back the reservations of a mapping it never touched.
    QVERIFY(mmapAt(p, 0, 4 * kHuge, MapFlag::Private | MapFlag::Anonymous | MapFlag::Hugetlb));
    QCOMPARE(meminfo(sim).hugePagesRsvd, 4u);
    p.exit();
    i = meminfo(sim);
    QCOMPARE(i.hugePagesRsvd, 0u);
    QCOMPARE(i.hugePagesFree, 8u);
}

void TestThp::hugetlbEnomem()
{
    Simulator sim = boot(thpConfig(ThpMode::Never));
    setSysctl(sim, "vm.nr_hugepages", 1);
    Proc p = spawnProc(sim, "enomem");
    const std::uint64_t from = sim.eventCount();
    const std::uint64_t vsz = p.vszKb();
    QCOMPARE(mmapAt(p, 0, 2 * kHuge, MapFlag::Private | MapFlag::Anonymous | MapFlag::Hugetlb), 0u);
    QCOMPARE(p.vszKb(), vsz);
    bool refused = false;
    for (std::uint64_t i = from; i < sim.eventCount(); ++i)
        refused = refused
            || (sim.events()[i].type == EventType::HugetlbPool
                && sim.events()[i].order == static_cast<std::uint8_t>(HugetlbOp::NoReserve));
    QVERIFY(refused);
    QVERIFY(mmapAt(p, 0, kHuge, MapFlag::Private | MapFlag::Anonymous | MapFlag::Hugetlb));
    // The one page is reserved now: nothing left for another mapping.
    QCOMPARE(mmapAt(p, 0, kHuge, MapFlag::Shared | MapFlag::Anonymous | MapFlag::Hugetlb), 0u);
    QCOMPARE(meminfo(sim).hugePagesRsvd, 1u);
}

void TestThp::hugetlbSigbusWithoutReservation()
{
    // The child of fork() has no reservations: with every free page reserved for the
    // parent, its first touch of an unfaulted page gets SIGBUS.
    Simulator sim = boot(thpConfig(ThpMode::Never));
    setSysctl(sim, "vm.nr_hugepages", 2);
    Proc p = spawnProc(sim, "owner");
    const std::uint64_t buf = mmapAt(p, 0, 2 * kHuge, MapFlag::Private | MapFlag::Anonymous | MapFlag::Hugetlb);
    Proc c = p.fork();
    c.touch(buf, 1);
    QCOMPARE(c.p().state, ProcState::Killed);
    QCOMPARE(c.p().exitSignal, 7);
    // The parent's reservations still hold.
    p.touch(buf, 2 * kHuge);
    QVERIFY(p.p().alive());
    QCOMPARE(meminfo(sim).hugePagesFree, 0u);
    QCOMPARE(meminfo(sim).hugePagesRsvd, 0u);
}

void TestThp::hugetlbPrivateCow()
{
    Simulator sim = boot(thpConfig(ThpMode::Never));
    setSysctl(sim, "vm.nr_hugepages", 4);
    Proc p = spawnProc(sim, "cow");
    const std::uint64_t buf = mmapAt(p, 0, kHuge, MapFlag::Private | MapFlag::Anonymous | MapFlag::Hugetlb);
    writeMarks(p, buf);
    const Pfn page = vm::translate(sim.current(), p.pid, buf).paddr >> 12;
    Proc c = p.fork();
    QCOMPARE(sim.current().frames.count(page), std::uint16_t(2));
    QCOMPARE(meminfo(sim).hugePagesFree, 3u);
    std::uint64_t from = sim.eventCount();
    c.write(buf + 64, "child"); // hugetlb_wp(): a new 2 MiB page, all 512 pages copied
    QCOMPARE(countFaults(sim, FaultKind::CowCopy, from), 1u);
    std::uint64_t huge = 0;
    for (std::uint64_t i = from; i < sim.eventCount(); ++i)
        huge += sim.events()[i].type == EventType::CowCopy && (sim.events()[i].flags & EventFlag::Huge);
    QCOMPARE(huge, 1u);
    QCOMPARE(meminfo(sim).hugePagesFree, 2u);
    verifyMarks(sim, c.pid, buf);
    verifyMarks(sim, p.pid, buf);
    QCOMPARE(vm::readUser(sim.current(), c.pid, buf + 64, 5), std::string("child"));
    QCOMPARE(vm::readUser(sim.current(), p.pid, buf + 64, 5), std::string(5, '\0'));
    // The parent is alone with its page now: a write reuses it.
    from = sim.eventCount();
    p.write(buf + 64, "parent");
    QCOMPARE(countFaults(sim, FaultKind::CowReuse, from), 1u);
    QCOMPARE(meminfo(sim).hugePagesFree, 2u);
    c.exit();
    QCOMPARE(meminfo(sim).hugePagesFree, 3u);
}

void TestThp::hugetlbSurplus()
{
    // Shrinking below the pages in use makes them surplus; they leave when unmapped.
    Simulator sim = boot(thpConfig(ThpMode::Never));
    setSysctl(sim, "vm.nr_hugepages", 4);
    Proc p = spawnProc(sim, "surplus");
    const std::uint64_t buf = mmapAt(p, 0, 3 * kHuge, MapFlag::Private | MapFlag::Anonymous | MapFlag::Hugetlb);
    p.touch(buf, 3 * kHuge);
    const std::uint64_t free0 = sim.current().freePages();
    setSysctl(sim, "vm.nr_hugepages", 1);
    MemInfo i = meminfo(sim);
    QCOMPARE(i.hugePagesTotal, 3u);
    QCOMPARE(i.hugePagesFree, 0u);
    QCOMPARE(i.hugePagesSurp, 2u);
    QCOMPARE(sysctlValue(sim.current(), Sysctl::NrHugepages), 1u);
    QCOMPARE(sim.current().freePages(), free0 + 512);
    munmap(p, buf, 3 * kHuge);
    i = meminfo(sim);
    QCOMPARE(i.hugePagesTotal, 1u);
    QCOMPARE(i.hugePagesFree, 1u);
    QCOMPARE(i.hugePagesSurp, 0u);
    QCOMPARE(sim.current().freePages(), free0 + 3 * 512);
    // Growing again turns nothing surplus into persistent and allocates the rest.
    setSysctl(sim, "vm.nr_hugepages", 5);
    QCOMPARE(meminfo(sim).hugePagesTotal, 5u);
}

void TestThp::hugetlbAlignment()
{
    Simulator sim = boot(thpConfig(ThpMode::Never));
    setSysctl(sim, "vm.nr_hugepages", 4);
    Proc p = spawnProc(sim, "align");
    const std::uint64_t buf = mmapAt(p, 0, 2 * kHuge, MapFlag::Private | MapFlag::Anonymous | MapFlag::Hugetlb);
    Command c = vmCommand(CommandType::Munmap, p.pid);
    c.addr = buf + 4096;
    c.len = 4096;
    QCOMPARE(sim.apply(c).error.code, ErrorCode::BadAddress); // EINVAL: not at a huge page boundary
    c.type = CommandType::Mprotect;
    c.prot = Prot::Read;
    QCOMPARE(sim.apply(c).error.code, ErrorCode::BadAddress);
    c.type = CommandType::Madvise;
    c.mapFlags = 99;
    c.addr = buf;
    c.len = kHuge;
    QCOMPARE(sim.apply(c).error.code, ErrorCode::BadSysctl); // not an advice memviz knows
    // At the boundary: fine.
    mprotect(p, buf + kHuge, kHuge, Prot::Read);
    munmap(p, buf, kHuge);
    QCOMPARE(meminfo(sim).hugePagesRsvd, 1u);
}

void TestThp::forkCopiesFewerEntries_data()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("4 KiB pages") << u"small"_s;
    QTest::newRow("transparent huge pages") << u"thp"_s;
    QTest::newRow("MAP_HUGETLB") << u"hugetlb"_s;
}

void TestThp::forkCopiesFewerEntries()
{
    QFETCH(QString, kind);
    constexpr std::uint64_t kLen = 64 * MiB;
    Simulator sim = boot(thpConfig(kind == u"thp"_s ? ThpMode::Always : ThpMode::Never));
    setSysctl(sim, "vm.nr_hugepages", kLen / kHuge);
    // The same program without the buffer: the entries fork() copies for the rest.
    auto childEntries = [&](std::uint64_t from, std::uint32_t child) {
        std::uint64_t n = 0;
        for (std::uint64_t i = from; i < sim.eventCount(); ++i) {
            const Event& e = sim.events()[i];
            if (e.type != EventType::PteSet || e.pid != child || !e.b) continue;
            const bool huge = sim.current().config.arch.entry.flags(e.b) & PteFlag::Huge;
            n += e.order == levelsOf(sim) - 1 || huge;
        }
        return n;
    };
    Proc base = spawnProc(sim, "fork");
    std::uint64_t from = sim.eventCount();
    const Proc baseChild = base.fork();
    const std::uint64_t baseEntries = childEntries(from, baseChild.pid);
    Proc p = spawnProc(sim, "fork");
    const std::uint64_t buf = mmapAt(p, kHint, kLen,
        MapFlag::Private | MapFlag::Anonymous | (kind == u"hugetlb"_s ? MapFlag::Hugetlb : 0));
    QCOMPARE(buf, kHint);
    p.touch(buf, kLen);
    // Entries the child gets for the buffer, and the time fork() takes.
    const std::uint64_t t0 = sim.current().timeNs;
    from = sim.eventCount();
    Proc c = p.fork();
    const std::uint64_t took = sim.current().timeNs - t0;
    const std::uint64_t bufEntries = kind == u"small"_s ? kLen / 4096 : kLen / kHuge;
    // (The second program touches a few more pages at start-up than the first.)
    const std::uint64_t entries = childEntries(from, c.pid) - baseEntries;
    QVERIFY2(entries >= bufEntries && entries < bufEntries + 64, qPrintable(QString::number(entries)));
    // 20 ns per entry copied and 0.5 µs per table page of the child.
    if (kind == u"small"_s) {
        QVERIFY2(took > bufEntries * 20, qPrintable(QString::number(took)));
    } else {
        QVERIFY2(took < kLen / 4096 * 20 / 5, qPrintable(QString::number(took))); // over five times faster
    }
    // The child's page tables: 32 PTE tables of 4 KiB pages, or none for hugetlb (a
    // transparent huge page still deposits one).
    const std::uint64_t childTables = reclaim::pgtablesPages(sim.current(), c.p());
    if (kind == u"hugetlb"_s)
        QVERIFY2(childTables < 20, qPrintable(QString::number(childTables)));
    else
        QVERIFY2(childTables >= kLen / kHuge, qPrintable(QString::number(childTables)));
}

void TestThp::madviseFromScriptsNumbers()
{
    // The JSON of the new command and events (what the event log saves).
    Command c = vmCommand(CommandType::Madvise, 1000);
    c.addr = kHint;
    c.len = kHuge;
    c.mapFlags = Madv::HugePage;
    QCOMPARE(commandToJson(c),
        std::string(R"({"op":"madvise","pid":1000,"addr":139637976727552,"len":2097152,"advice":14})"));
    Simulator sim = boot(thpConfig(ThpMode::Always));
    Proc p = spawnProc(sim, "json");
    const std::uint64_t buf = mmapAt(p, kHint, 2 * kHuge);
    p.touch(buf, 2 * kHuge);
    const std::uint64_t from = sim.eventCount();
    munmap(p, buf, 4096);
    for (std::uint64_t i = from; i < sim.eventCount(); ++i)
        if (sim.events()[i].type == EventType::ThpSplit) {
            std::string json;
            appendEventJson(json, sim.current(), i, sim.events()[i]);
            QVERIFY2(json.find(R"("type":"ThpSplit")") != std::string::npos, json.c_str());
            QVERIFY2(json.find(R"("order":9,"vaddr":139637976727552)") != std::string::npos, json.c_str());
            return;
        }
    QFAIL("no ThpSplit event");
}

void TestThp::randomHugePressure_data()
{
    QTest::addColumn<QString>("preset");
    QTest::addColumn<quint64>("seed");
    for (const char* preset : { "x86-64", "x86-64-la57", "x86-pae", "x86-32" })
        for (quint64 seed : { 1ull, 2ull, 3ull })
            QTest::addRow("%s-%llu", preset, seed) << QString::fromLatin1(preset) << seed;
}

void TestThp::randomHugePressure()
{
    // Random programs on a small machine with THP "always", a hugetlb pool and swap:
    // huge pages faulted, shared by fork, cut by munmap/mprotect/madvise, split by COW and
    // reclaim, the pool grown and shrunk; the checker after every command.
    QFETCH(QString, preset);
    QFETCH(quint64, seed);
    MachineConfig cfg = thpConfig(ThpMode::Always, preset.toLatin1().constData(), "96M");
    cfg.swapBytes = 96 * MiB;
    cfg.seed = seed;
    cfg.sysctl.overcommitMemory = 1;
    Simulator sim = boot(cfg);
    skipPerCommandCheck(sim);
    const bool is32 = sim.current().config.arch.is32bit;
    std::uint64_t x = seed * 0x9E3779B97F4A7C15ull + 11;
    auto rnd = [&](std::uint64_t n) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        return n ? x % n : 0;
    };
    std::vector<std::uint32_t> pids;
    const int steps = kSlowBuild ? 80 : 240;
    std::uint64_t nextHint = is32 ? 0x40000000ull : kHint;
    for (int i = 0; i < steps && !sim.current().panicked; ++i) {
        std::vector<std::uint32_t> alive;
        for (std::uint32_t pid : pids)
            if (sim.current().proc(pid)->alive()) alive.push_back(pid);
        Command c;
        const std::uint64_t op = alive.empty() ? 0 : rnd(14);
        const std::uint32_t pid = alive.empty() ? 0 : alive[rnd(alive.size())];
        // A random piece of one of the process's anonymous mappings.
        auto piece = [&](Command& cmd) {
            std::vector<Vma> anon;
            for (const Vma& v : sim.current().proc(pid)->mm.vmas)
                if (v.anon() && !(v.flags & (VmaFlag::Special | VmaFlag::Stack | VmaFlag::Heap)) && v.size() >= kHuge)
                    anon.push_back(v);
            if (anon.empty()) return false;
            const Vma& v = anon[rnd(anon.size())];
            const std::uint64_t pages = v.size() / 4096;
            const std::uint64_t first = rnd(pages), n = 1 + rnd(std::min<std::uint64_t>(pages - first, 1024));
            cmd.addr = v.start + first * 4096;
            cmd.len = n * 4096;
            if (v.hugetlb()) { // whole huge pages only
                cmd.addr = v.start + (first * 4096 & ~(kHuge - 1));
                cmd.len = kHuge * (1 + rnd((v.end - cmd.addr) / kHuge));
            }
            return true;
        };
        switch (op) {
        case 0:
            if (alive.size() > 3) continue;
            c = vmCommand(CommandType::Spawn, 0);
            c.text = "h" + std::to_string(i);
            break;
        case 1:
        case 2: {
            c = vmCommand(CommandType::Mmap, pid);
            c.len = (1 + rnd(6)) * kHuge - (rnd(2) ? 0 : 4096 * rnd(64));
            c.addr = rnd(3) ? nextHint + (rnd(2) ? 0 : 4096 * rnd(512)) : 0;
            nextHint += 16 * kHuge;
            c.prot = Prot::Read | Prot::Write;
            c.mapFlags = MapFlag::Private | MapFlag::Anonymous;
            if (!rnd(4)) c.mapFlags |= MapFlag::Hugetlb;
            if (!rnd(8)) c.mapFlags = (c.mapFlags & ~MapFlag::Private) | MapFlag::Shared;
            break;
        }
        case 3:
        case 4:
        case 5:
            c = vmCommand(CommandType::Access, pid);
            if (!piece(c)) continue;
            c.write = rnd(4) != 0;
            if (!rnd(3)) c.step = 64 * 1024;
            break;
        case 6:
            if (alive.size() > 3) continue;
            c = vmCommand(CommandType::Fork, pid);
            break;
        case 7:
            if (rnd(3)) continue;
            c = vmCommand(CommandType::Exit, pid);
            break;
        case 8:
            c = vmCommand(CommandType::Munmap, pid);
            if (!piece(c)) continue;
            break;
        case 9:
            c = vmCommand(CommandType::Mprotect, pid);
            if (!piece(c)) continue;
            c.prot = rnd(3) ? (Prot::Read | Prot::Write) : (rnd(2) ? Prot::Read : 0);
            break;
        case 10: {
            c = vmCommand(CommandType::Madvise, pid);
            if (!piece(c)) continue;
            const std::uint32_t advice[] = { Madv::DontNeed, Madv::HugePage, Madv::NoHugePage };
            c.mapFlags = advice[rnd(3)];
            break;
        }
        case 11:
            c = sysctl("vm.nr_hugepages", rnd(24));
            break;
        case 12:
            c = sysctl("kernel.mm.transparent_hugepage.enabled", rnd(3));
            break;
        default: { // pressure: map and touch 48 MiB
            c = vmCommand(CommandType::Mmap, pid);
            c.len = 48 * MiB;
            c.prot = Prot::Read | Prot::Write;
            c.mapFlags = MapFlag::Private | MapFlag::Anonymous;
            const CommandResult m = sim.apply(c);
            if (m.error || !m.value) continue;
            c = vmCommand(CommandType::Access, pid);
            c.addr = m.value;
            c.len = 48 * MiB;
            c.write = true;
            break;
        }
        }
        const CommandResult r = sim.apply(c);
        if (!r.error && (c.type == CommandType::Spawn || c.type == CommandType::Fork) && r.value)
            pids.push_back(static_cast<std::uint32_t>(r.value));
        const auto f = checkMachine(sim.current());
        if (!f.empty())
            QFAIL(qPrintable(QStringLiteral("after step %1 (%2): %3")
                                 .arg(i)
                                 .arg(QString::fromStdString(commandToJson(c)))
                                 .arg(QString::fromStdString(describe(f.front())))));
    }
}

QTEST_GUILESS_MAIN(TestThp)
#include "tst_thp.moc"
