// The buddy allocator (reference §1, §2), case by case on small machines: the split
// path, the merge path, the tail rule, zone fallback, watermark refusal, bad input.

#include "TestUtil.h"

#include "check/Checker.h"
#include "stats/ProcFiles.h"

#include <QTest>

using namespace memviz;
using namespace memviz::test;
using namespace Qt::StringLiterals;

namespace {

// x86-64 with 64 MiB: DMA [1, 4096) holds 256@o8, 512@o9, 1024/2048/3072@o10;
// DMA32 [4096, 16384) holds 8192..14336 (7 x o10), 15360@o9 and 15872@o8; the
// kernel image sits at [4096, 8192) and the memmap at [16128, 16384).
constexpr std::uint8_t kDma = 0, kDma32 = 1, kNormal = 2;

Simulator small()
{
    return boot("x86-64", "64M");
}

std::vector<EventType> typesOf(const Simulator& s, const CommandResult& r)
{
    std::vector<EventType> t;
    for (std::uint64_t i = r.firstEvent; i < r.endEvent; ++i) t.push_back(s.events()[i].type);
    return t;
}

std::vector<Event> eventsOf(const Simulator& s, const CommandResult& r, EventType type)
{
    std::vector<Event> out;
    for (std::uint64_t i = r.firstEvent; i < r.endEvent; ++i)
        if (s.events()[i].type == type) out.push_back(s.events()[i]);
    return out;
}

Pfn alloc(Simulator& s, int order, ZoneType z = ZoneType::DMA32)
{
    const CommandResult r = s.apply(Command::allocPages(order, z));
    if (r.error || !r.pfn) qFatal("allocation of order %d failed", order);
    return *r.pfn;
}

CommandResult release(Simulator& s, Pfn pfn, int order)
{
    const CommandResult r = s.apply(Command::freePages(pfn, order));
    if (r.error) qFatal("free of %llu failed: %s", static_cast<unsigned long long>(pfn), errorCodeName(r.error.code));
    return r;
}

/// The pfns on a free list, head first.
std::vector<Pfn> freeList(const Machine& m, std::uint8_t zone, int order)
{
    std::vector<Pfn> out;
    for (std::uint32_t p = m.zones[zone].freeArea[static_cast<std::size_t>(order)].head; p != kNil;
         p = m.frames.next(p))
        out.push_back(p);
    return out;
}

std::string findings(const Machine& m)
{
    std::string s;
    for (const Finding& f : checkMachine(m)) s += describe(f) + "\n";
    return s;
}

} // namespace

Q_DECLARE_METATYPE(memviz::ErrorCode)

class TestBuddy : public QObject {
    Q_OBJECT
private slots:
    void bootLayout();
    void splitPath();
    void mergePath();
    void tailRule_data();
    void tailRule();
    void tailRuleNotAtTopOrders();
    void zoneFallbackNormalToDma32();
    void zoneFallbackDma32ToDma();
    void zoneFallbackChain();
    void watermarkRefusal();
    void badInput_data();
    void badInput();
    void unknownZone();
};

void TestBuddy::bootLayout()
{
    const Simulator s = small();
    const Machine& m = s.current();
    QCOMPARE(freeList(m, kDma, 10), (std::vector<Pfn> { 1024, 2048, 3072 })); // boot frees at the tail, lowest first
    QCOMPARE(freeList(m, kDma, 9), (std::vector<Pfn> { 512 }));
    QCOMPARE(freeList(m, kDma, 8), (std::vector<Pfn> { 256 }));
    QCOMPARE(freeList(m, kDma32, 10), (std::vector<Pfn> { 8192, 9216, 10240, 11264, 12288, 13312, 14336 }));
    QCOMPARE(freeList(m, kDma32, 9), (std::vector<Pfn> { 15360 }));
    QCOMPARE(freeList(m, kDma32, 8), (std::vector<Pfn> { 15872 }));
    QVERIFY(!m.zones[kNormal].populated());
    QCOMPARE(findings(m), std::string());
}

void TestBuddy::splitPath()
{
    Simulator s = small();
    // An order-3 request splits the order-8 block at 15872 down to order 3 and takes
    // its lowest part; the upper halves 16000@7 .. 15880@3 go onto the lists.
    QCOMPARE(alloc(s, 3), Pfn(15872));
    const Pfn P = 15880;
    QCOMPARE(freeList(s.current(), kDma32, 3), (std::vector<Pfn> { P }));
    for (int o = 0; o < 3; ++o) QVERIFY(freeList(s.current(), kDma32, o).empty());

    // Now an order-0 request is served from the order-3 block at P: expand() keeps
    // the lower half at each step and puts P+4, P+2, P+1 at the heads of lists 2, 1, 0.
    const CommandResult r = s.apply(Command::allocPages(0, ZoneType::DMA32));
    QCOMPARE(r.pfn, std::optional<Pfn>(P));
    QCOMPARE(typesOf(s, r),
        (std::vector<EventType> { EventType::ZoneCheck, EventType::BuddySplit, EventType::BuddySplit,
            EventType::BuddySplit, EventType::BuddyAlloc }));
    const auto splits = eventsOf(s, r, EventType::BuddySplit);
    QCOMPARE(int(splits[0].order), 3);
    QCOMPARE(splits[0].a, P + 4);
    QCOMPARE(int(splits[1].order), 2);
    QCOMPARE(splits[1].a, P + 2);
    QCOMPARE(int(splits[2].order), 1);
    QCOMPARE(splits[2].a, P + 1);
    for (const Event& e : splits) QCOMPARE(e.pfn, P);
    const Event a = eventsOf(s, r, EventType::BuddyAlloc).at(0);
    QCOMPARE(a.pfn, P);
    QCOMPARE(a.a, std::uint64_t(3)); // from_order
    QCOMPARE(int(a.zone), int(kDma32));
    const Machine& m = s.current();
    QCOMPARE(m.zones[kDma32].freeArea[2].head, std::uint32_t(P + 4));
    QCOMPARE(m.zones[kDma32].freeArea[1].head, std::uint32_t(P + 2));
    QCOMPARE(m.zones[kDma32].freeArea[0].head, std::uint32_t(P + 1));
    QVERIFY(freeList(m, kDma32, 3).empty());
    QCOMPARE(m.frames.state(P), FrameState::Kernel);
    QCOMPARE(m.frames.order(P), 0);
    QCOMPARE(m.frames.state(P + 1), FrameState::Free);
    QCOMPARE(m.frames.order(P + 4), 2);
    QCOMPARE(m.frames.state(P + 5), FrameState::Tail);
    QCOMPARE(findings(m), std::string());
    // The next order-0 request takes the head of list 0.
    QCOMPARE(alloc(s, 0), P + 1);
}

void TestBuddy::mergePath()
{
    Simulator s = small();
    const std::string bootInfo = formatBuddyinfo(s.current());
    const Pfn A = alloc(s, 3); // 15872
    const std::string afterA = formatBuddyinfo(s.current());
    const Pfn P = alloc(s, 0); // 15880, see splitPath
    QCOMPARE(P, Pfn(15880));

    // Freeing P merges with P+1, P+2, P+4 (free at orders 0, 1, 2) and stops at order
    // 3 because its buddy A is allocated.
    const CommandResult r = release(s, P, 0);
    QCOMPARE(typesOf(s, r),
        (std::vector<EventType> { EventType::BuddyFree, EventType::BuddyMerge, EventType::BuddyMerge,
            EventType::BuddyMerge, EventType::BuddyListAdd }));
    const auto merges = eventsOf(s, r, EventType::BuddyMerge);
    const Pfn buddies[] = { P + 1, P + 2, P + 4 };
    for (int k = 0; k < 3; ++k) {
        QCOMPARE(int(merges[static_cast<std::size_t>(k)].order), k);
        QCOMPARE(merges[static_cast<std::size_t>(k)].a, buddies[k]);
        QCOMPARE(merges[static_cast<std::size_t>(k)].b, P); // combined = pfn & buddy
    }
    const Event add = eventsOf(s, r, EventType::BuddyListAdd).at(0);
    QCOMPARE(add.pfn, P);
    QCOMPARE(int(add.order), 3);
    QCOMPARE(formatBuddyinfo(s.current()), afterA);
    QCOMPARE(findings(s.current()), std::string());

    // Freeing A climbs back to order 8: 15880@3, 15888@4, 15904@5, 15936@6, 16000@7.
    const CommandResult r2 = release(s, A, 3);
    QCOMPARE(eventsOf(s, r2, EventType::BuddyMerge).size(), std::size_t(5));
    const Event add2 = eventsOf(s, r2, EventType::BuddyListAdd).at(0);
    QCOMPARE(add2.pfn, Pfn(15872));
    QCOMPARE(int(add2.order), 8);
    QCOMPARE(formatBuddyinfo(s.current()), bootInfo);
    QCOMPARE(freeList(s.current(), kDma32, 8), (std::vector<Pfn> { 15872 }));
    QCOMPARE(s.current().zones[kDma32].freePages, s.initial().zones[kDma32].freePages);
    QCOMPARE(findings(s.current()), std::string());
}

void TestBuddy::tailRule_data()
{
    QTest::addColumn<bool>("freeH");
    QTest::addColumn<bool>("toTail");
    QTest::newRow("higher buddy free: tail") << true << true;
    QTest::newRow("higher buddy busy: head") << false << false;
}

void TestBuddy::tailRule()
{
    QFETCH(bool, freeH);
    QFETCH(bool, toTail);
    Simulator s = small();
    // Inside the order-8 block at 15872: X=15872 and Y=15873 (order 0), H=15874
    // (order 1), Z=15876 and Zb=15877 (order 0).
    const Pfn X = alloc(s, 0), Y = alloc(s, 0), H = alloc(s, 1), Z = alloc(s, 0), Zb = alloc(s, 0);
    QCOMPARE((std::vector<Pfn> { X, Y, H, Z, Zb }), (std::vector<Pfn> { 15872, 15873, 15874, 15876, 15877 }));
    release(s, Z, 0); // Zb busy: Z stays at order 0 on list 0
    if (freeH) {
        // H's buddy X is busy; the would-be order-2 block's buddy Z is free only at
        // order 0, so H goes to the head of list 1.
        const CommandResult rh = release(s, H, 1);
        QCOMPARE(eventsOf(s, rh, EventType::BuddyListAdd).at(0).flags & EventFlag::Tail, 0u);
    }
    // Freeing X: its buddy Y is busy. buddy_merge_likely(): the order-1 buddy of
    // X|Y is H; if H is free at order 1 the pair is likely to merge soon, so X goes
    // to the tail of list 0, behind Z.
    const CommandResult r = release(s, X, 0);
    QCOMPARE(typesOf(s, r), (std::vector<EventType> { EventType::BuddyFree, EventType::BuddyListAdd }));
    const Event add = eventsOf(s, r, EventType::BuddyListAdd).at(0);
    QCOMPARE((add.flags & EventFlag::Tail) != 0, toTail);
    QCOMPARE(add.a, toTail ? H : Pfn(0)); // likely_buddy
    QCOMPARE(freeList(s.current(), kDma32, 0), toTail ? (std::vector<Pfn> { Z, X }) : (std::vector<Pfn> { X, Z }));
    QCOMPARE(findings(s.current()), std::string());
    // Allocation takes the head: Z when X went to the tail, X otherwise.
    QCOMPARE(alloc(s, 0), toTail ? Z : X);
}

void TestBuddy::tailRuleNotAtTopOrders()
{
    // buddy_merge_likely() is false from MAX_PAGE_ORDER - 1 on: an order-9 block goes
    // to the head even when the order-10 buddy of its pair is free.
    Simulator s = small();
    QCOMPARE(alloc(s, 9), Pfn(15360)); // the order-9 list first
    QCOMPARE(alloc(s, 9), Pfn(8192)); // then the first order-10 block, split
    QCOMPARE(alloc(s, 9), Pfn(8704));
    const CommandResult r = release(s, 8192, 9); // buddy 8704 busy; 9216 is free at order 10
    QCOMPARE(s.current().frames.state(9216), FrameState::Free);
    QCOMPARE(s.current().frames.order(9216), 10);
    const Event add = eventsOf(s, r, EventType::BuddyListAdd).at(0);
    QCOMPARE(add.flags & EventFlag::Tail, 0u);
    QCOMPARE(freeList(s.current(), kDma32, 9).front(), Pfn(8192));
}

void TestBuddy::zoneFallbackNormalToDma32()
{
    // x86-64 with 4352 MiB: Normal is [4G, 4352M) minus memmap = 47 order-10 blocks
    // (48128 pages). Order-10 requests fill Normal; the 47th finds 1024 free pages, and
    // 1024 - 1023 <= low, so Normal fails the check and DMA32 serves it.
    Simulator s = boot("x86-64", "4352M");
    skipPerCommandCheck(s); // checked once at the end
    const std::uint8_t normal = s.current().zoneId(ZoneType::Normal);
    const std::uint8_t dma32 = s.current().zoneId(ZoneType::DMA32);
    for (int i = 0; i < 46; ++i) QCOMPARE(s.current().zoneOf(alloc(s, 10, ZoneType::Normal)), normal);
    const CommandResult r = s.apply(Command::allocPages(10, ZoneType::Normal));
    QVERIFY(r.pfn.has_value());
    QCOMPARE(s.current().zoneOf(*r.pfn), dma32);
    const auto checks = eventsOf(s, r, EventType::ZoneCheck);
    QCOMPARE(checks.size(), std::size_t(2));
    QCOMPARE(checks[0].zone, normal);
    QCOMPARE(checks[0].flags & EventFlag::Ok, 0u);
    QCOMPARE(checks[0].a, std::uint64_t(1024));
    QCOMPARE(checks[0].b, s.current().zones[normal].mark(Wmark::Low));
    QCOMPARE(checks[1].zone, dma32);
    QCOMPARE(checks[1].flags & EventFlag::Ok, EventFlag::Ok);
    // The DMA32 check charges DMA32's protection against Normal allocations.
    QCOMPARE(checks[1].c, s.current().zones[dma32].lowmemReserve[2]);
    QCOMPARE(eventsOf(s, r, EventType::SlowPath).size(), std::size_t(0));
    QCOMPARE(findings(s.current()), std::string());
}

void TestBuddy::zoneFallbackDma32ToDma()
{
    // 64 MiB: DMA32's seven order-10 blocks go first (its low mark, ~500 pages, still
    // passes for the 7th), then the zonelist falls back to DMA, whose protection
    // against DMA32 requests is only 7936 / 256 = 31 pages, for its three blocks. The
    // 11th request finds no order-10 block anywhere.
    Simulator s = small();
    const Machine& m = s.current();
    std::vector<std::uint8_t> zones;
    CommandResult r;
    for (int i = 0; i < 11; ++i) {
        r = s.apply(Command::allocPages(10, ZoneType::DMA32));
        if (!r.pfn) break;
        zones.push_back(m.zoneOf(*r.pfn));
    }
    QCOMPARE(zones,
        (std::vector<std::uint8_t> { kDma32, kDma32, kDma32, kDma32, kDma32, kDma32, kDma32, kDma, kDma, kDma }));
    QVERIFY(!r.pfn.has_value());
    QCOMPARE(eventsOf(s, r, EventType::AllocFailed).size(), std::size_t(1));
    // The first DMA block came after DMA32 was checked and refused (no order-10 block left).
    const CommandResult eighth { {}, s.commandStart(7), s.commandStart(8), {} };
    const auto checks = eventsOf(s, eighth, EventType::ZoneCheck);
    QCOMPARE(checks.size(), std::size_t(2));
    QCOMPARE(checks[0].zone, kDma32);
    QCOMPARE(checks[0].flags & EventFlag::Ok, 0u);
    QCOMPARE(checks[1].zone, kDma);
    QCOMPARE(checks[1].c, m.zones[kDma].lowmemReserve[1]);
    QCOMPARE(m.zones[kDma].lowmemReserve[1], std::uint64_t(31));
    QCOMPARE(findings(m), std::string());
}

void TestBuddy::zoneFallbackChain()
{
    // With lowmem_reserve_ratio[DMA] raised to 4096 the DMA zone's protection against
    // Normal allocations ((DMA32 + Normal) / 4096 = 266 pages) lets it take part:
    // GFP_KERNEL order-10 requests go Normal -> DMA32 -> DMA, each step after the
    // higher zones failed their check, and the first refusal of all is a SlowPath
    // followed (at the min mark) by a last DMA32 block, then AllocFailed.
    MachineConfig c = config("x86-64", "4352M");
    c.sysctl.lowmemReserveRatio[static_cast<int>(ZoneType::DMA)] = 4096;
    Simulator s = boot(c);
    skipPerCommandCheck(s); // checked once at the end
    const Machine& m = s.current();
    const std::uint8_t order[] = { kNormal, kDma32, kDma };
    std::vector<std::uint8_t> seen;
    int failedAt = -1;
    for (int i = 0; i < 2000 && failedAt < 0; ++i) {
        const CommandResult r = s.apply(Command::allocPages(10, ZoneType::Normal));
        if (!r.pfn) {
            failedAt = i;
            break;
        }
        const std::uint8_t z = m.zoneOf(*r.pfn);
        if (seen.empty() || seen.back() != z) {
            seen.push_back(z);
            // Every zone listed before the serving one was checked and refused.
            const auto checks = eventsOf(s, r, EventType::ZoneCheck);
            QVERIFY(!checks.empty());
            QCOMPARE(checks.back().zone, z);
            for (std::size_t k = 0; k + 1 < checks.size(); ++k) QCOMPARE(checks[k].flags & EventFlag::Ok, 0u);
        }
    }
    QVERIFY(failedAt > 0);
    QVERIFY(seen.size() >= 3);
    QCOMPARE(seen[0], order[0]);
    QCOMPARE(seen[1], order[1]);
    QCOMPARE(seen[2], order[2]);
    QCOMPARE(findings(m), std::string());
}

void TestBuddy::watermarkRefusal()
{
    // Order-0 requests limited to DMA32 until nothing is left: each zone stops at
    // exactly min + lowmem_reserve[DMA32's index] (an order-0 request needs free >
    // mark + reserve), then the request fails: low-mark checks, SlowPath, min-mark
    // checks, AllocFailed. The failed request changes no frame and no list.
    Simulator s = small();
    skipPerCommandCheck(s); // checked once at the end
    CommandResult last;
    for (int i = 0; i < 20000; ++i) {
        last = s.apply(Command::allocPages(0, ZoneType::DMA32));
        if (!last.pfn) break;
    }
    QVERIFY(!last.pfn.has_value());
    const Machine& m = s.current();
    const Zone& dma32 = m.zones[kDma32];
    const Zone& dma = m.zones[kDma];
    QCOMPARE(dma32.freePages, dma32.mark(Wmark::Min) + dma32.lowmemReserve[1]);
    QCOMPARE(dma.freePages, dma.mark(Wmark::Min) + dma.lowmemReserve[1]);
    QVERIFY(dma.lowmemReserve[1] > 0); // DMA is protected against DMA32 allocations
    QCOMPARE(typesOf(s, last),
        (std::vector<EventType> { EventType::ZoneCheck, EventType::ZoneCheck, EventType::SlowPath, EventType::ZoneCheck,
            EventType::ZoneCheck, EventType::AllocFailed }));
    const auto checks = eventsOf(s, last, EventType::ZoneCheck);
    QCOMPARE(checks[0].flags & EventFlag::MarkMask, static_cast<std::uint32_t>(Wmark::Low));
    QCOMPARE(checks[2].flags & EventFlag::MarkMask, static_cast<std::uint32_t>(Wmark::Min));
    QCOMPARE(checks[1].c, dma.lowmemReserve[1]);
    QCOMPARE(m.vm.allocFailed, std::uint64_t(1));

    // One more refusal leaves the frame table, the lists and the counters alone.
    const Machine before = m;
    const std::string info = formatBuddyinfo(before);
    const CommandResult again = s.apply(Command::allocPages(0, ZoneType::DMA32));
    QVERIFY(!again.pfn.has_value());
    QVERIFY(!again.error);
    QVERIFY(s.current().frames.sameAs(before.frames));
    QCOMPARE(formatBuddyinfo(s.current()), info);
    QCOMPARE(s.current().vm.allocFailed, std::uint64_t(2));
    QCOMPARE(findings(s.current()), std::string());
}

void TestBuddy::badInput_data()
{
    QTest::addColumn<int>("op"); // 0 alloc, 1 free
    QTest::addColumn<qlonglong>("pfn");
    QTest::addColumn<int>("order");
    QTest::addColumn<int>("zone");
    QTest::addColumn<ErrorCode>("code");
    // The machine has: an order-2 block at 15872 (allocated, see badInput), an order-0
    // block at 15876 that was allocated and freed again, the kernel image at 4096.
    const int normal = static_cast<int>(ZoneType::Normal);
    QTest::newRow("alloc order 11") << 0 << 0ll << 11 << normal << ErrorCode::OrderOutOfRange;
    QTest::newRow("alloc order -1") << 0 << 0ll << -1 << normal << ErrorCode::OrderOutOfRange;
    QTest::newRow("free twice") << 1 << 15876ll << 0 << 0 << ErrorCode::NotAllocated;
    QTest::newRow("free a tail frame") << 1 << 15873ll << 0 << 0 << ErrorCode::NotBlockHead;
    QTest::newRow("free with the wrong order") << 1 << 15872ll << 1 << 0 << ErrorCode::OrderMismatch;
    QTest::newRow("free order 11") << 1 << 15872ll << 11 << 0 << ErrorCode::OrderOutOfRange;
    QTest::newRow("free order -1") << 1 << 15872ll << -1 << 0 << ErrorCode::OrderOutOfRange;
    QTest::newRow("free pfn out of range") << 1 << 16384ll << 0 << 0 << ErrorCode::PfnOutOfRange;
    QTest::newRow("free a free block") << 1 << 8192ll << 10 << 0 << ErrorCode::NotAllocated;
    QTest::newRow("free a reserved frame") << 1 << 4096ll << 0 << 0 << ErrorCode::NotAllocated;
    QTest::newRow("free inside a free block") << 1 << 8193ll << 0 << 0 << ErrorCode::NotAllocated;
}

void TestBuddy::badInput()
{
    QFETCH(int, op);
    QFETCH(qlonglong, pfn);
    QFETCH(int, order);
    QFETCH(int, zone);
    QFETCH(ErrorCode, code);
    Simulator s = small();
    QCOMPARE(alloc(s, 2), Pfn(15872));
    const Pfn once = alloc(s, 0);
    QCOMPARE(once, Pfn(15876));
    release(s, once, 0);

    const Machine before = s.current();
    const std::uint64_t events = s.eventCount();
    const std::size_t commands = s.commands().size();
    const CommandResult r = op == 0 ? s.apply(Command::allocPages(order, static_cast<ZoneType>(zone)))
                                    : s.apply(Command::freePages(static_cast<std::uint64_t>(pfn), order));
    QCOMPARE(r.error.code, code);
    QVERIFY(!r.pfn.has_value());
    QCOMPARE(s.eventCount(), events);
    QCOMPARE(s.commands().size(), commands);
    QVERIFY(s.current().frames.sameAs(before.frames));
    QCOMPARE(formatZoneinfo(s.current()), formatZoneinfo(before));
    if (code == ErrorCode::NotBlockHead) QCOMPARE(r.error.b, std::int64_t(15872)); // names the head
    if (code == ErrorCode::OrderMismatch) QCOMPARE(r.error.detail, std::string("2"));
    if (code == ErrorCode::OrderOutOfRange) QCOMPARE(r.error.a, std::int64_t(order));
}

void TestBuddy::unknownZone()
{
    // x86-32 has no Device zone (and no DMA32: a DMA32 request means Normal there);
    // x86-64 has no HighMem (a HighMem request means Normal).
    Simulator s32 = boot("x86-32", "128M");
    const CommandResult r = s32.apply(Command::allocPages(0, ZoneType::Device));
    QCOMPARE(r.error.code, ErrorCode::UnknownZone);
    QCOMPARE(r.error.detail, std::string("Device"));
    QCOMPARE(s32.eventCount(), std::uint64_t(0));
    const CommandResult r32 = s32.apply(Command::allocPages(0, ZoneType::DMA32));
    QVERIFY(!r32.error);
    QCOMPARE(s32.current().zones[s32.current().zoneOf(*r32.pfn)].type, ZoneType::Normal);
    Simulator s64 = small();
    const CommandResult r64 = s64.apply(Command::allocPages(0, ZoneType::HighMem));
    QVERIFY(!r64.error);
    QCOMPARE(eventsOf(s64, r64, EventType::SlowPath).size(), std::size_t(0));
}

QTEST_GUILESS_MAIN(TestBuddy)
#include "tst_buddy.moc"
