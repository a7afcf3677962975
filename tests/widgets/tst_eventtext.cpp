// EventText: every event type has a summary and an explanation, with this run's
// numbers and the name of the kernel function doing the step, all through tr().

#include "EventText.h"
#include "TestUtil.h"
#include "sim/MachineConfig.h"
#include "sim/Simulator.h"

#include <QRegularExpression>
#include <QTest>
#include <QTranslator>

using namespace memviz;
using namespace Qt::StringLiterals;

namespace {

Event make(EventType t, std::uint8_t zone, int order, std::uint64_t pfn, std::uint64_t a = 0, std::uint64_t b = 0,
    std::uint64_t c = 0, std::uint32_t flags = 0)
{
    Event e;
    e.type = t;
    e.zone = zone;
    e.order = static_cast<std::uint8_t>(order);
    e.pfn = pfn;
    e.a = a;
    e.b = b;
    e.c = c;
    e.flags = flags;
    return e;
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

class TestEventText : public QObject {
    Q_OBJECT
private slots:
    void everyTypeHasText_data();
    void everyTypeHasText();
    void everyTypeOccursInARealRun();
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
    QTest::newRow("BuddyAlloc") << make(EventType::BuddyAlloc, 1, 0, 0x3e00, 8)
                                << QStringList { u"0x3e00"_s, u"DMA32"_s, u"4 KiB"_s }
                                << QStringList { u"__rmqueue_smallest()"_s, u"rmqueue()"_s, u"0x3e00"_s, u"order-8"_s };
    QTest::newRow("BuddySplit")
        << make(EventType::BuddySplit, 1, 3, 0x1000, 0x1004)
        << QStringList { u"Split order-3 block 0x1000 of DMA32: upper half 0x1004 → order-2 free list (head)"_s }
        << QStringList { u"expand()"_s, u"mm/page_alloc.c"_s, u"__rmqueue_smallest()"_s, u"0x1004"_s, u"32 KiB"_s,
               u"16 KiB"_s };
    QTest::newRow("BuddyFree") << make(EventType::BuddyFree, 1, 0, 0x3e00) << QStringList { u"0x3e00"_s, u"4 KiB"_s }
                               << QStringList { u"__free_one_page()"_s, u"free_unref_page()"_s, u"per-CPU"_s,
                                      u"0x3e01"_s };
    QTest::newRow("BuddyMerge") << make(EventType::BuddyMerge, 1, 1, 0x3e02, 0x3e00, 0x3e00)
                                << QStringList { u"0x3e02"_s, u"0x3e00"_s, u"order-2"_s }
                                << QStringList { u"__find_buddy_pfn()"_s, u"page_is_buddy()"_s, u"XOR"_s,
                                       u"0x3e02 XOR 0x2 = 0x3e00"_s };
    QTest::newRow("BuddyListAdd tail") << make(EventType::BuddyListAdd, 1, 8, 0x3e00, 0x3c00, 0, 0, EventFlag::Tail)
                                       << QStringList { u"TAIL"_s, u"0x3c00"_s }
                                       << QStringList { u"buddy_merge_likely()"_s, u"0x3c00"_s, u"0x3f00"_s,
                                              u"TAIL"_s };
    QTest::newRow("BuddyListAdd head") << make(EventType::BuddyListAdd, 1, 2, 0x3e04)
                                       << QStringList { u"head"_s, u"0x3e04"_s }
                                       << QStringList { u"buddy_merge_likely()"_s, u"head"_s, u"0x3e00"_s };
    QTest::newRow("ZoneCheck") << make(
        EventType::ZoneCheck, 1, 0, 0, 7936, 481, 12, static_cast<std::uint32_t>(Wmark::Low) | EventFlag::Ok)
                               << QStringList { u"7936"_s, u"481"_s, u"12"_s, u"pass"_s }
                               << QStringList { u"__zone_watermark_ok()"_s, u"zone_watermark_fast()"_s,
                                      u"lowmem_reserve"_s, u"7936"_s, u"493"_s };
    QTest::newRow("SlowPath") << make(
        EventType::SlowPath, 0xFF, 2, 0, 0, 0, 0, static_cast<std::uint32_t>(ZoneType::Normal))
                              << QStringList { u"order-2"_s, u"DMA32, DMA"_s }
                              << QStringList { u"__alloc_pages_slowpath()"_s, u"kswapd"_s, u"not simulate"_s,
                                     u"min watermark"_s };
    QTest::newRow("AllocFailed") << make(
        EventType::AllocFailed, 0xFF, 4, 0, 0, 0, 0, static_cast<std::uint32_t>(ZoneType::DMA32))
                                 << QStringList { u"order-4"_s, u"64 KiB"_s, u"DMA32, DMA"_s }
                                 << QStringList { u"direct reclaim"_s, u"compaction"_s, u"OOM killer"_s,
                                        u"does not simulate"_s };
    QTest::newRow("WatermarkCrossed") << make(
        EventType::WatermarkCrossed, 1, 0, 0, 480, 481, 0, static_cast<std::uint32_t>(Wmark::Low) | EventFlag::Below)
                                      << QStringList { u"480"_s, u"481"_s, u"low"_s }
                                      << QStringList { u"kswapd"_s, u"480"_s, u"481"_s };
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
    for (int t = 0; t < static_cast<int>(EventType::Count); ++t)
        QVERIFY2(seen[static_cast<std::size_t>(t)], eventTypeName(static_cast<EventType>(t)).data());
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
    const QString top = EventText::explanation(m, make(EventType::BuddyListAdd, 1, 10, 0x2000));
    QVERIFY2(top.contains(u"largest order"_s), qPrintable(top));
    const QString tail
        = EventText::summary(m, make(EventType::BuddyListAdd, 1, 0, 0x3e01, 0x3e02, 0, 0, EventFlag::Tail));
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
    QString x = EventText::explanation(m, make(EventType::ZoneCheck, 1, 0, 0, 400, 481, 0, low));
    QVERIFY2(x.contains(u"400 ≤ 481"_s), qPrintable(x));
    QVERIFY(EventText::summary(m, make(EventType::ZoneCheck, 1, 0, 0, 400, 481, 0, low)).contains(u"fail"_s));
    // Enough pages but no large block: fails on fragmentation.
    x = EventText::explanation(m, make(EventType::ZoneCheck, 1, 3, 0, 7936, 481, 0, low));
    QVERIFY2(x.contains(u"no free list of order 3"_s), qPrintable(x));
    QVERIFY2(x.contains(u"7936 − 7 = 7929"_s), qPrintable(x));
    // The slow path's retry names the min watermark.
    x = EventText::explanation(m, make(EventType::ZoneCheck, 1, 0, 0, 7936, 385, 0, min | EventFlag::Ok));
    QVERIFY2(x.contains(u"ALLOC_WMARK_MIN"_s), qPrintable(x));
}

void TestEventText::freeMentionsPerCpuListsOnlyForSmallOrders()
{
    const Simulator sim = test::boot("x86-64", "64M");
    for (int o = 0; o <= kMaxOrder; ++o) {
        const QString x = EventText::explanation(sim.current(), make(EventType::BuddyFree, 1, o, 0x2000));
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
}

void TestEventText::goesThroughTr()
{
    MarkingTranslator tr;
    QVERIFY(QCoreApplication::installTranslator(&tr));
    const Simulator sim = test::boot("x86-64", "64M");
    for (int t = 0; t < static_cast<int>(EventType::Count); ++t) {
        const Event e = make(static_cast<EventType>(t), 1, 2, 0x3e00, 0x3e04, 0x3e00, 0, 0);
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
