// Page walks against hand-computed tables: the textbook custom spec (32-byte pages,
// two 5-bit levels, 1-byte entries with the valid bit on top) with faults at every
// level; x86 entries written by the fault handler with their real flag bits; the
// TLB's replacement policies and flush rules (PCID, global entries, invlpg).

#include "TestUtil.h"

#include "check/Checker.h"
#include "vm/VmOps.h"

#include <QTest>

using namespace memviz;
using namespace memviz::test;

namespace {

using memviz::test::spawn;
using memviz::test::access;
using memviz::test::mmapAnon;

Simulator textbook()
{
    auto spec = ArchSpec::makeCustom(32, {5, 5}, 1, 7, 0, 7, 4096);
    if (!std::holds_alternative<ArchSpec>(spec)) qFatal("spec refused");
    MachineConfig c;
    c.preset = "custom";
    c.arch = std::get<ArchSpec>(spec);
    c.ramBytes = 4096;
    return boot(c);
}

void physWrite(Simulator& s, std::uint64_t addr, std::initializer_list<int> bytes)
{
    Command c = vmCommand(CommandType::PhysWrite, 0);
    c.addr = addr;
    for (int b : bytes) c.data.push_back(static_cast<char>(b));
    if (s.apply(c).error) qFatal("phys write refused");
}

std::uint64_t count(const Simulator& s, std::uint64_t from, EventType t, std::uint32_t flagsAll = 0)
{
    std::uint64_t n = 0;
    for (std::uint64_t i = from; i < s.eventCount(); ++i)
        n += s.events()[i].type == t && (s.events()[i].flags & flagsAll) == flagsAll;
    return n;
}

} // namespace

class TestWalk : public QObject {
    Q_OBJECT
private slots:
    void textbookTranslate_data();
    void textbookTranslate();
    void textbookTranslateEmitsSteps();
    void x86HandBuiltTables_data();
    void x86HandBuiltTables();
    void oomKillsTheFaultingProcess();
    void holesAreRefused();
    void x86EntryBits_data();
    void x86EntryBits();
    void walkMatchesSplit_data();
    void walkMatchesSplit();
    void tlbReplacement_data();
    void tlbReplacement();
    void pcidKeepsEntriesAcrossSwitches_data();
    void pcidKeepsEntriesAcrossSwitches();
    void globalEntriesSurviveCr3Loads_data();
    void globalEntriesSurviveCr3Loads();
    void invlpgOnUnmapAndCow();
};

void TestWalk::textbookTranslate_data()
{
    QTest::addColumn<quint64>("va");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<quint64>("paddr");
    QTest::addColumn<int>("faultLevel");
    QTest::addColumn<int>("value");
    // 0x611c = 11000 01000 11100: PDE 24 -> 0xa1 (frame 33), PTE 8 -> 0xb5 (frame 53), offset 28.
    QTest::newRow("valid") << 0x611cull << true << quint64(53 * 32 + 28) << -1 << 0x08;
    // 0x0100 = 00000 01000 00000: PDE 0 is 0x7f: valid bit clear -> fault at level 0.
    QTest::newRow("pde invalid") << 0x0100ull << false << 0ull << 0 << 0;
    // 0x6000 = 11000 00000 00000: PDE 24 valid, PTE 0 is 0x35 (valid bit clear) -> fault at level 1.
    QTest::newRow("pte invalid") << 0x6000ull << false << 0ull << 1 << 0;
    // 0x613f: same page as 0x611c, last byte of it.
    QTest::newRow("offset 31") << 0x611full << true << quint64(53 * 32 + 31) << -1 << 0x2a;
}

void TestWalk::textbookTranslate()
{
    QFETCH(quint64, va);
    QFETCH(bool, ok);
    QFETCH(quint64, paddr);
    QFETCH(int, faultLevel);
    QFETCH(int, value);
    Simulator s = textbook();
    const std::uint64_t top = 108 * 32; // page-directory frame 108
    physWrite(s, top + 0, {0x7f});      // invalid (bit 7 clear) although the frame bits are set
    physWrite(s, top + 24, {0xa1});     // valid, frame 0x21 = 33
    physWrite(s, 33 * 32 + 0, {0x35});  // invalid
    physWrite(s, 33 * 32 + 8, {0xb5});  // valid, frame 0x35 = 53
    physWrite(s, 53 * 32 + 28, {0x08});
    physWrite(s, 53 * 32 + 31, {0x2a});
    Command cr3 = vmCommand(CommandType::SetPageTableBase, 0);
    cr3.pfn = 108;
    QVERIFY(!s.apply(cr3).error);
    const vm::WalkResult w = vm::walk(s.current(), s.current().cpu.cr3, va);
    QCOMPARE(w.ok, ok);
    QCOMPARE(w.faultLevel, faultLevel);
    if (ok) {
        QCOMPARE(w.paddr, paddr);
        QCOMPARE(int(s.current().phys.read8(w.paddr)), value);
        QCOMPARE(w.steps.size(), std::size_t(2));
        QCOMPARE(w.steps[0].entryAddr, top + ((va >> 10) & 31));
        QCOMPARE(w.steps[1].pfn, Pfn(53));
    } else {
        QCOMPARE(w.steps.size(), std::size_t(faultLevel + 1));
        QVERIFY(!w.steps.back().valid);
    }
    QVERIFY(checkMachine(s.current()).empty());
}

void TestWalk::textbookTranslateEmitsSteps()
{
    Simulator s = textbook();
    physWrite(s, 108 * 32 + 24, {0xa1});
    physWrite(s, 33 * 32 + 8, {0xb5});
    Command cr3 = vmCommand(CommandType::SetPageTableBase, 0);
    cr3.pfn = 108;
    s.apply(cr3);
    const std::uint64_t from = s.eventCount();
    Command t = vmCommand(CommandType::Translate, 0);
    t.addr = 0x611c;
    const CommandResult r = s.apply(t);
    QVERIFY(!r.error);
    QCOMPARE(r.value, std::uint64_t(53 * 32 + 28));
    QCOMPARE(count(s, from, EventType::WalkStep), 2u);
    QCOMPARE(count(s, from, EventType::TranslateDone, EventFlag::Valid), 1u);
    // Bad input changes nothing: a physical write past the end, a process command on a textbook machine.
    Command bad = vmCommand(CommandType::PhysWrite, 0);
    bad.addr = 4090;
    bad.data = "12345678";
    QCOMPARE(s.apply(bad).error.code, ErrorCode::PhysOutOfRange);
    Command sp = vmCommand(CommandType::Spawn, 0);
    sp.text = "x";
    QCOMPARE(s.apply(sp).error.code, ErrorCode::NeedsProcesses);
}

void TestWalk::x86HandBuiltTables_data()
{
    QTest::addColumn<QString>("preset");
    QTest::addColumn<int>("missingLevel"); // -1: every level present
    for (const char* p : {"x86-64", "x86-64-la57", "x86-32", "x86-pae"}) {
        const int levels = QString::fromLatin1(p) == QLatin1String("x86-64-la57") ? 5
                         : QString::fromLatin1(p) == QLatin1String("x86-64")      ? 4
                         : QString::fromLatin1(p) == QLatin1String("x86-32")      ? 2
                                                                                  : 3;
        for (int l = -1; l < levels; ++l) QTest::addRow("%s missing %d", p, l) << QString::fromLatin1(p) << l;
    }
}

void TestWalk::x86HandBuiltTables()
{
    // Tables written byte by byte into simulated memory, CR3 loaded by hand, and the
    // walker's answer compared with the arithmetic: a fault exactly at the level whose
    // entry was left out, else frame << 12 | offset.
    QFETCH(QString, preset);
    QFETCH(int, missingLevel);
    Simulator s = boot(preset.toLatin1().constData(), "256M");
    const ArchSpec& a = s.current().config.arch;
    const int levels = static_cast<int>(a.levels.size());
    const std::uint64_t va = a.is32bit ? 0x0804a123ull : 0x00007f1234567abcull;
    const AddressSplit split = splitAddress(a, va);
    // Tables in frames 0x3000, 0x3001, ...; the data page in frame 0x4000 (all free RAM, untouched by the kernel).
    const Pfn base = 0x3000, data = 0x4000;
    for (int l = 0; l < levels; ++l) {
        if (l == missingLevel) continue;
        const Pfn next = l + 1 < levels ? base + Pfn(l + 1) : data;
        const std::uint64_t entry = a.entry.make(next, PteFlag::Present | PteFlag::Write | PteFlag::User);
        Command w = vmCommand(CommandType::PhysWrite, 0);
        w.addr = (base + Pfn(l)) * 4096 + split.indices[static_cast<std::size_t>(l)] * std::uint64_t(a.entry.bytes);
        for (int b = 0; b < a.entry.bytes; ++b) w.data.push_back(static_cast<char>((entry >> (8 * b)) & 0xff));
        QVERIFY(!s.apply(w).error);
    }
    Command cr3 = vmCommand(CommandType::SetPageTableBase, 0);
    cr3.pfn = base;
    QVERIFY(!s.apply(cr3).error);
    Command t = vmCommand(CommandType::Translate, 0);
    t.addr = va;
    const CommandResult r = s.apply(t);
    QVERIFY(!r.error);
    const vm::WalkResult w = vm::walk(s.current(), base, va);
    if (missingLevel < 0) {
        QVERIFY(w.ok);
        QCOMPARE(w.paddr, data * 4096 + (va & 0xfff));
        QCOMPARE(r.value, w.paddr);
        QCOMPARE(vm::translateAddress(s.current(), base, va), w.paddr);
    } else {
        QVERIFY(!w.ok);
        QCOMPARE(w.faultLevel, missingLevel);
        QCOMPARE(vm::translateAddress(s.current(), base, va), ~0ull);
    }
    QCOMPARE(count(s, 0, EventType::WalkStep), std::uint64_t(missingLevel < 0 ? levels : missingLevel + 1));
}

void TestWalk::oomKillsTheFaultingProcess()
{
    // 64 MiB of RAM, no swap, and a process that touches 100 MiB: reclaim finds nothing
    // to free, the OOM killer runs, and the hog (the largest task) is its victim.
    MachineConfig c = config("x86-64", "64M");
    c.swapBytes = 0;
    c.sysctl.overcommitMemory = 1; // mode 0 would refuse a single mapping larger than RAM + swap
    Simulator s = boot(c);
    const std::uint32_t pid = spawn(s, "hog");
    const std::uint64_t at = mmapAnon(s, pid, 100 * MiB);
    QVERIFY(at);
    access(s, pid, at, 100 * MiB, true);
    const Process* p = s.current().proc(pid);
    QCOMPARE(p->state, ProcState::Killed);
    QCOMPARE(p->exitSignal, 9);
    std::uint64_t kills = 0;
    for (const Event& e : s.events())
        if (e.type == EventType::OomKill) {
            ++kills;
            QCOMPARE(e.pid, pid);
        }
    QCOMPARE(kills, 1u);
}

void TestWalk::holesAreRefused()
{
    Simulator s = boot("x86-64", "256M");
    const std::uint32_t pid = spawn(s, "holes");
    const std::uint64_t at = mmapAnon(s, pid, 4 * 4096);
    const std::uint64_t events = s.eventCount();
    Command c = vmCommand(CommandType::Munmap, pid);
    c.addr = at - 2 * 4096;
    c.len = 4 * 4096; // starts in the hole below the mapping (mmap places it lowest, top-down)
    QCOMPARE(s.apply(c).error.code, ErrorCode::NotMapped);
    c.type = CommandType::Mprotect;
    QCOMPARE(s.apply(c).error.code, ErrorCode::NotMapped);
    c.addr = 0x1000;
    c.len = 4096;
    QCOMPARE(s.apply(c).error.code, ErrorCode::NotMapped);
    QCOMPARE(s.eventCount(), events); // refused commands change nothing
}

void TestWalk::x86EntryBits_data()
{
    QTest::addColumn<QString>("preset");
    QTest::addColumn<bool>("write");
    QTest::addColumn<quint64>("flagBits"); // the entry with its frame number masked out
    // P|RW|US|A|D = 0x67, plus NX (bit 63) on PAE and 64-bit: anonymous data is not executable.
    QTest::newRow("x86-64 write") << "x86-64" << true << 0x8000000000000067ull;
    QTest::newRow("la57 write") << "x86-64-la57" << true << 0x8000000000000067ull;
    QTest::newRow("pae write") << "x86-pae" << true << 0x8000000000000067ull;
    QTest::newRow("x86-32 write") << "x86-32" << true << 0x67ull; // no NX in 4-byte entries
    // A read maps the zero page: P|US|A, read-only.
    QTest::newRow("x86-64 read") << "x86-64" << false << 0x8000000000000025ull;
    QTest::newRow("x86-32 read") << "x86-32" << false << 0x25ull;
}

void TestWalk::x86EntryBits()
{
    QFETCH(QString, preset);
    QFETCH(bool, write);
    QFETCH(quint64, flagBits);
    Simulator s = boot(preset.toLatin1().constData(), "256M");
    const std::uint32_t pid = spawn(s, "bits");
    const std::uint64_t at = mmapAnon(s, pid, 4096);
    access(s, pid, at, 1, write);
    const vm::WalkResult w = vm::translate(s.current(), pid, at);
    QVERIFY(w.ok);
    const EntryFormat& f = s.current().config.arch.entry;
    const std::uint64_t e = w.steps.back().entry;
    QCOMPARE(e & ~(f.pfnMask() << f.pfnShift), flagBits);
    QCOMPARE(w.steps.size(), s.current().config.arch.levels.size());
    if (!write) QCOMPARE(f.pfn(e), s.current().zeroPfn);
}

void TestWalk::walkMatchesSplit_data()
{
    QTest::addColumn<QString>("preset");
    for (const char* p : {"x86-64", "x86-64-la57", "x86-32", "x86-pae"}) QTest::newRow(p) << QString::fromLatin1(p);
}

void TestWalk::walkMatchesSplit()
{
    QFETCH(QString, preset);
    Simulator s = boot(preset.toLatin1().constData(), "256M");
    const std::uint32_t pid = spawn(s, "split");
    const std::uint64_t at = mmapAnon(s, pid, 3 * 4096);
    access(s, pid, at + 4096 + 123, 1, true);
    const std::uint64_t va = at + 4096 + 123;
    const Machine& m = s.current();
    const vm::WalkResult w = vm::translate(m, pid, va);
    const AddressSplit split = splitAddress(m.config.arch, va);
    QVERIFY(w.ok);
    QCOMPARE(w.steps.size(), split.indices.size());
    Pfn table = m.proc(pid)->mm.pgd;
    for (std::size_t l = 0; l < split.indices.size(); ++l) {
        QCOMPARE(w.steps[l].index, split.indices[l]);
        QCOMPARE(w.steps[l].table, table);
        QCOMPARE(w.steps[l].entryAddr, table * 4096 + split.indices[l] * std::uint64_t(m.config.arch.entry.bytes));
        QCOMPARE(m.frames.state(table), FrameState::PageTable);
        table = w.steps[l].pfn;
    }
    QCOMPARE(w.paddr, (table << 12) + split.offset);
    QCOMPARE(m.frames.state(table), FrameState::Anon);
    // Unmapped neighbour pages fault at the leaf level; a far address at the top.
    QCOMPARE(vm::translate(m, pid, at).faultLevel, int(split.indices.size()) - 1);
}

void TestWalk::tlbReplacement_data()
{
    QTest::addColumn<int>("policy");
    QTest::addColumn<bool>("aHitsAtEnd");
    // One set of two ways; pages A B A C A: LRU evicts B for C, so A still hits; FIFO evicts A (filled first).
    QTest::newRow("LRU") << 0 << true;
    QTest::newRow("FIFO") << 1 << false;
}

void TestWalk::tlbReplacement()
{
    QFETCH(int, policy);
    QFETCH(bool, aHitsAtEnd);
    MachineConfig c = config("x86-64", "256M");
    c.tlb.sets = 1;
    c.tlb.ways = 2;
    c.tlb.policy = static_cast<std::uint8_t>(policy);
    Simulator s = boot(c);
    const std::uint32_t pid = spawn(s, "tlb");
    const std::uint64_t at = mmapAnon(s, pid, 3 * 4096);
    const std::uint64_t A = at, B = at + 4096, C = at + 8192;
    for (std::uint64_t p : {A, B, C}) access(s, pid, p, 1, true); // fault everything in first
    for (std::uint64_t p : {A, B, A, C}) access(s, pid, p, 1, false);
    const std::uint64_t from = s.eventCount();
    access(s, pid, A, 1, false);
    QCOMPARE(count(s, from, EventType::TlbLookup, EventFlag::Hit), aHitsAtEnd ? 1u : 0u);
}

void TestWalk::pcidKeepsEntriesAcrossSwitches_data()
{
    QTest::addColumn<bool>("pcid");
    QTest::newRow("pcid") << true;
    QTest::newRow("no pcid") << false;
}

void TestWalk::pcidKeepsEntriesAcrossSwitches()
{
    QFETCH(bool, pcid);
    MachineConfig c = config("x86-64", "256M");
    c.tlb.pcid = pcid;
    Simulator s = boot(c);
    const std::uint32_t a = spawn(s, "a");
    const std::uint32_t b = spawn(s, "b");
    const std::uint64_t pa = mmapAnon(s, a, 4096);
    access(s, a, pa, 1, true);
    const std::uint64_t pb = mmapAnon(s, b, 4096);
    access(s, b, pb, 1, true); // switch to b
    const std::uint64_t from = s.eventCount();
    access(s, a, pa, 1, false); // back to a
    QCOMPARE(count(s, from, EventType::ContextSwitch), 1u);
    // With PCID, a's ASID slot still holds its entries (CR3_NOFLUSH): a hit. Without, the CR3 load flushed it.
    QCOMPARE(count(s, from, EventType::TlbLookup, EventFlag::Hit), pcid ? 1u : 0u);
    QCOMPARE(count(s, from, EventType::TlbFlush), pcid ? 0u : 1u);
}

void TestWalk::globalEntriesSurviveCr3Loads_data()
{
    QTest::addColumn<int>("sets");
    QTest::addColumn<int>("ways");
    QTest::addColumn<int>("atBoot"); // kernel text entries the boot leaves in the TLB
    QTest::newRow("preset") << 0 << 0 << 4;
    // Fewer sets than entries: they share sets, each in a way of its own (none written over).
    QTest::newRow("fully associative, 4 ways") << 1 << 4 << 4;
    QTest::newRow("fully associative, 8 ways") << 1 << 8 << 4;
    QTest::newRow("2 sets x 2 ways") << 2 << 2 << 4;
    QTest::newRow("1 set x 2 ways") << 1 << 2 << 2;
    QTest::newRow("4 sets x 1 way") << 4 << 1 << 4;
}

void TestWalk::globalEntriesSurviveCr3Loads()
{
    QFETCH(int, sets);
    QFETCH(int, ways);
    QFETCH(int, atBoot);
    MachineConfig c = config("x86-64", "256M");
    c.tlb.pcid = false;
    if (sets) {
        c.tlb.sets = sets;
        c.tlb.ways = ways;
    }
    Simulator s = boot(c);
    auto globals = [](const Machine& m) {
        int n = 0;
        for (const TlbEntry& t : m.tlb.small) n += (t.flags & TlbFlag::Valid) && (t.flags & TlbFlag::Global);
        return n;
    };
    QCOMPARE(globals(s.current()), atBoot); // the kernel text the boot CPU ran
    const std::uint32_t a = spawn(s, "a");
    const std::uint32_t b = spawn(s, "b");
    access(s, a, s.current().proc(a)->mm.stackTop - 8, 1, false);
    access(s, b, s.current().proc(b)->mm.stackTop - 8, 1, false);
    // Every CR3 load without PCID flushes the non-global entries and keeps the global ones
    // (replacement may still evict a global entry when its set is full, as on real CPUs).
    int flushes = 0;
    for (std::uint64_t i = 0; i < s.eventCount(); ++i) {
        const Event& e = s.events()[i];
        if (e.type != EventType::TlbFlush) continue;
        auto [before, after] = s.stepAt(i + 1);
        QCOMPARE(globals(after), globals(before));
        int nonGlobal = 0;
        for (const TlbEntry& t : after.tlb.small) nonGlobal += (t.flags & TlbFlag::Valid) && !(t.flags & TlbFlag::Global);
        QCOMPARE(nonGlobal, 0);
        ++flushes;
    }
    QVERIFY(flushes >= 3);
}

void TestWalk::invlpgOnUnmapAndCow()
{
    Simulator s = boot("x86-64", "256M");
    const std::uint32_t pid = spawn(s, "inv");
    const std::uint64_t at = mmapAnon(s, pid, 8 * 4096);
    access(s, pid, at, 8 * 4096, true);
    std::uint64_t from = s.eventCount();
    Command un = vmCommand(CommandType::Munmap, pid);
    un.addr = at;
    un.len = 3 * 4096;
    QVERIFY(!s.apply(un).error);
    QCOMPARE(count(s, from, EventType::TlbFlush), 3u); // three invlpg, below the 33-page ceiling
    // Beyond tlb_single_page_flush_ceiling a whole-mm flush replaces the invlpgs.
    const std::uint64_t big = mmapAnon(s, pid, 64 * 4096);
    access(s, pid, big, 64 * 4096, true);
    from = s.eventCount();
    un.addr = big;
    un.len = 64 * 4096;
    QVERIFY(!s.apply(un).error);
    QCOMPARE(count(s, from, EventType::TlbFlush), 1u);
    // A COW copy flushes the old translation of that page.
    Command fork = vmCommand(CommandType::Fork, pid);
    const std::uint32_t child = static_cast<std::uint32_t>(s.apply(fork).value);
    access(s, child, at + 3 * 4096, 1, false); // child's TLB now holds a read-only entry
    from = s.eventCount();
    access(s, child, at + 3 * 4096, 1, true);
    QCOMPARE(count(s, from, EventType::CowCopy), 1u);
    QCOMPARE(count(s, from, EventType::TlbFlush), 1u);
    QVERIFY(checkMachine(s.current()).empty());
}

QTEST_GUILESS_MAIN(TestWalk)
#include "tst_walk.moc"
