// The consistency checker: each kind of violation, produced by corrupting a copy of
// a healthy machine (through FrameTable::mutableChunk or Zone fields), is reported.

#include "TestUtil.h"

#include "check/Checker.h"

#include <QTest>

#include <functional>
#include <set>

using namespace memviz;
using namespace memviz::test;
using namespace Qt::StringLiterals;

namespace {

constexpr std::uint8_t kDma = 0, kDma32 = 1;

// x86-64, 64 MiB, after three allocations in DMA32: K0 = 15872 and K1 = 15873
// (order 0), K2 = 15874 (order 1). Free lists then hold 15876@2, 15880@3 ... in
// DMA32 and, untouched, 256@8, 512@9, 1024/2048/3072@10 in DMA; 15360@9 in DMA32.
constexpr Pfn K0 = 15872, K1 = 15873, K2 = 15874;

Machine healthy()
{
    Simulator s = boot("x86-64", "64M");
    for (int order : { 0, 0, 1 }) {
        const CommandResult r = s.apply(Command::allocPages(order, ZoneType::DMA32));
        if (!r.pfn) qFatal("setup allocation failed");
    }
    return s.current();
}

FrameChunk& chunkOf(Machine& m, Pfn p)
{
    return m.frames.mutableChunk(static_cast<std::size_t>(p >> FrameChunk::kShift));
}
std::size_t slot(Pfn p)
{
    return static_cast<std::size_t>(p & (FrameChunk::kSize - 1));
}

void setState(Machine& m, Pfn p, FrameState s)
{
    chunkOf(m, p).state[slot(p)] = static_cast<std::uint8_t>(s);
}
void setOrder(Machine& m, Pfn p, int o)
{
    chunkOf(m, p).order[slot(p)] = static_cast<std::uint8_t>(o);
}

using Corruption = std::function<void(Machine&)>;

std::set<int> g_covered; ///< the kinds detects_data() has rows for

} // namespace

Q_DECLARE_METATYPE(memviz::Violation)
Q_DECLARE_METATYPE(Corruption)

class TestChecker : public QObject {
    Q_OBJECT
private slots:
    void healthyMachines();
    void detects_data();
    void detects();
    void everyKindIsCovered();
    void inHandAllowedMidCommand();
    void names();
};

void TestChecker::healthyMachines()
{
    for (const std::string& p : MachineConfig::presetNames()) {
        const Simulator s = boot(p.c_str(), "512M");
        QVERIFY2(checkMachine(s.current()).empty(), p.c_str());
    }
    QVERIFY(checkMachine(healthy()).empty());
}

void TestChecker::detects_data()
{
    QTest::addColumn<Violation>("kind");
    QTest::addColumn<Corruption>("corrupt");
    QTest::addColumn<qulonglong>("pfn"); // where the report must point (~0: anywhere)
    const auto any = ~0ull;
    struct Adder {
        // Records the kind, then registers the row.
        QTestData& operator()(const char* name, Violation v)
        {
            g_covered.insert(static_cast<int>(v));
            return QTest::newRow(name) << v;
        }
    } row;
    row("OrphanTail", Violation::OrphanTail)
        << Corruption([](Machine& m) { setState(m, K1, FrameState::Tail); }) << qulonglong(K1);
    row("MisalignedBlock", Violation::MisalignedBlock)
        << Corruption([](Machine& m) { setOrder(m, K1, 1); }) << qulonglong(K1);
    row("BlockOverlap", Violation::BlockOverlap)
        << Corruption([](Machine& m) { setOrder(m, K0, 1); }) << qulonglong(K1);
    row("BlockCrossesZone", Violation::BlockCrossesZone)
        << Corruption([](Machine& m) { m.zones[kDma].spanned -= 1; }) << 3072ull;
    row("BadOrder", Violation::BadOrder) << Corruption([](Machine& m) { setOrder(m, K0, 11); }) << qulonglong(K0);
    row("FreeNotOnList", Violation::FreeNotOnList)
        << Corruption([](Machine& m) { setState(m, K0, FrameState::Free); }) << any;
    row("ListEntryNotFree", Violation::ListEntryNotFree)
        << Corruption([](Machine& m) { setState(m, 15876, FrameState::Kernel); }) << 15876ull;
    row("ListWrongZone", Violation::ListWrongZone) << Corruption([](Machine& m) {
        std::swap(m.zones[kDma].freeArea[9], m.zones[kDma32].freeArea[9]); // 512 <-> 15360
    }) << 15360ull;
    row("ListBrokenLinks (prev)", Violation::ListBrokenLinks)
        << Corruption([](Machine& m) { m.frames.setPrev(2048, 3072); }) << any;
    row("ListBrokenLinks (cycle)", Violation::ListBrokenLinks) << Corruption([](Machine& m) {
        chunkOf(m, 3072).next[slot(3072)] = 1024; // 1024 -> 2048 -> 3072 -> 1024 ...
    }) << any;
    row("ListBrokenLinks (tail)", Violation::ListBrokenLinks)
        << Corruption([](Machine& m) { m.zones[kDma].freeArea[10].tail = 2048; }) << any;
    row("NrFreeMismatch", Violation::NrFreeMismatch)
        << Corruption([](Machine& m) { m.zones[kDma].freeArea[10].nrFree += 1; }) << any;
    row("FreePagesMismatch", Violation::FreePagesMismatch)
        << Corruption([](Machine& m) { m.zones[kDma32].freePages -= 1; }) << any;
    row("ManagedMismatch", Violation::ManagedMismatch)
        << Corruption([](Machine& m) { m.zones[kDma].managed -= 1; }) << any;
    row("InHandAtRest (frame)", Violation::InHandAtRest)
        << Corruption([](Machine& m) { setState(m, K2, FrameState::InHand); }) << qulonglong(K2);
    row("InHandAtRest (zone)", Violation::InHandAtRest)
        << Corruption([](Machine& m) { m.zones[kDma32].workPfn = static_cast<std::uint32_t>(K2); }) << qulonglong(K2);
}

void TestChecker::detects()
{
    QFETCH(Violation, kind);
    QFETCH(Corruption, corrupt);
    QFETCH(qulonglong, pfn);
    const Machine good = healthy();
    Machine bad = good; // a copy: the frame table clones only the chunk written
    corrupt(bad);
    const auto found = checkMachine(bad);
    std::string all;
    bool hit = false;
    for (const Finding& f : found) {
        all += describe(f) + "\n";
        if (f.what == kind && (pfn == ~0ull || f.pfn == pfn)) hit = true;
    }
    QVERIFY2(hit, all.c_str());
    QVERIFY(checkMachine(good).empty()); // the original is untouched
}

void TestChecker::everyKindIsCovered()
{
    // detects_data() ran before this slot: it must have a row for every Violation.
    QCOMPARE(g_covered.size(), std::size_t(static_cast<int>(Violation::InHandAtRest) + 1));
}

void TestChecker::inHandAllowedMidCommand()
{
    Machine m = healthy();
    setState(m, K2, FrameState::InHand);
    m.zones[kDma32].workPfn = static_cast<std::uint32_t>(K2);
    QVERIFY(checkMachine(m, /*atRest=*/false).empty());
    QVERIFY(!checkMachine(m, /*atRest=*/true).empty());
}

void TestChecker::names()
{
    std::set<std::string> seen;
    for (int v = 0; v <= static_cast<int>(Violation::InHandAtRest); ++v) {
        const std::string n = violationName(static_cast<Violation>(v));
        QVERIFY(n != "?");
        QVERIFY(seen.insert(n).second);
    }
    QCOMPARE(describe({ Violation::BadOrder, 42, 1, 11 }), std::string("BadOrder at pfn 42 (zone 1, order 11)"));
}

QTEST_GUILESS_MAIN(TestChecker)
#include "tst_checker.moc"
