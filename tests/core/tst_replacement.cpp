// The page-replacement lab (reference: the classic policies and §3's two lists) on
// hand-worked reference strings, Belady's anomaly among them.

#include "reclaim/Replacement.h"

#include <QTest>

using namespace memviz;

Q_DECLARE_METATYPE(memviz::ReplPolicy)

namespace {
const std::vector<std::int64_t> kBelady = { 1, 2, 3, 4, 1, 2, 5, 1, 2, 3, 4, 5 };
}

class TestReplacement : public QObject {
    Q_OBJECT
private slots:
    void misses_data()
    {
        QTest::addColumn<ReplPolicy>("policy");
        QTest::addColumn<int>("frames");
        QTest::addColumn<int>("misses");
        // Belady's anomaly: FIFO misses more with 4 frames than with 3.
        QTest::newRow("FIFO 3") << ReplPolicy::Fifo << 3 << 9;
        QTest::newRow("FIFO 4") << ReplPolicy::Fifo << 4 << 10;
        // LRU and OPT are stack algorithms: more frames never hurt.
        QTest::newRow("LRU 3") << ReplPolicy::Lru << 3 << 10;
        QTest::newRow("LRU 4") << ReplPolicy::Lru << 4 << 8;
        QTest::newRow("OPT 3") << ReplPolicy::Opt << 3 << 7;
        QTest::newRow("OPT 4") << ReplPolicy::Opt << 4 << 6;
        // Second chance, worked by hand: the hand sweeps the use bits set at load and hit.
        QTest::newRow("CLOCK 3") << ReplPolicy::Clock << 3 << 9;
        QTest::newRow("FIFO 12 frames") << ReplPolicy::Fifo << 12 << 5;
    }
    void misses()
    {
        QFETCH(ReplPolicy, policy);
        QFETCH(int, frames);
        QFETCH(int, misses);
        const ReplResult r = simulateReplacement(policy, frames, kBelady);
        QCOMPARE(int(r.misses), misses);
        QCOMPARE(int(r.hits + r.misses), int(kBelady.size()));
        QCOMPARE(int(r.steps.size()), int(kBelady.size()));
    }

    void fifoVictimsInOrder()
    {
        const ReplResult r = simulateReplacement(ReplPolicy::Fifo, 3, kBelady);
        std::vector<std::int64_t> victims;
        for (const ReplStep& s : r.steps)
            if (s.victim != kNoPage) victims.push_back(s.victim);
        QCOMPARE(victims, (std::vector<std::int64_t>{ 1, 2, 3, 4, 1, 2 }));
        // After the 4th reference: 4 took frame 0 from 1.
        QCOMPARE(r.steps[3].frames, (std::vector<std::int64_t>{ 4, 2, 3 }));
        QVERIFY(r.steps[7].hit); // the 8th reference, 1, finds it loaded again
    }

    void optEvictsTheFarthestNextUse()
    {
        // At 4 (step 4): 1 is used next at step 5, 2 at step 6, 3 at step 10: 3 goes.
        const ReplResult r = simulateReplacement(ReplPolicy::Opt, 3, kBelady);
        QCOMPARE(r.steps[3].victim, std::int64_t(3));
        // A page never used again goes first: at 3, page 1 is not used again, page 2 is.
        const ReplResult q = simulateReplacement(ReplPolicy::Opt, 2, { 1, 2, 3, 2 });
        QCOMPARE(q.steps[2].victim, std::int64_t(1));
    }

    void clockHandAndUseBits()
    {
        const ReplResult r = simulateReplacement(ReplPolicy::Clock, 3, kBelady);
        // The first eviction sweeps all three use bits and takes frame 0 (page 1); the hand moves on.
        QCOMPARE(r.steps[3].victim, std::int64_t(1));
        QCOMPARE(r.steps[3].hand, 1);
        QCOMPARE(r.steps[3].useBits, (std::vector<bool>{ true, false, false }));
        // Hits only set the bit.
        QVERIFY(r.steps[7].hit);
        QVERIFY(r.steps[7].useBits[1]);
    }

    void linuxGivesReferencedPagesASecondChance()
    {
        // 1 and 2 load onto the inactive list; 1 is touched again (PG_referenced); 3 needs a
        // frame: 1 at the tail is referenced and rotates, 2 is evicted.
        const ReplResult r = simulateReplacement(ReplPolicy::Linux, 2, { 1, 2, 1, 3 });
        QCOMPARE(r.steps[3].victim, std::int64_t(2));
        QCOMPARE(r.steps[3].frames, (std::vector<std::int64_t>{ 1, 3 }));
        // A third access to a referenced inactive page activates it (mark_page_accessed).
        const ReplResult a = simulateReplacement(ReplPolicy::Linux, 2, { 1, 1, 1 });
        QVERIFY(!a.steps[1].active[0]);
        QVERIFY(a.steps[2].active[0]);
        // Enough frames: only the first touch of each page misses.
        const ReplResult big = simulateReplacement(ReplPolicy::Linux, 5, kBelady);
        QCOMPARE(int(big.misses), 5);
    }

    void namesRoundTrip()
    {
        for (ReplPolicy p : { ReplPolicy::Fifo, ReplPolicy::Lru, ReplPolicy::Opt, ReplPolicy::Clock, ReplPolicy::Linux }) {
            ReplPolicy q = ReplPolicy::Fifo;
            QVERIFY(replPolicyFromName(replPolicyName(p), &q));
            QCOMPARE(q, p);
        }
        ReplPolicy q;
        QVERIFY(replPolicyFromName("clock", &q));
        QVERIFY(!replPolicyFromName("MRU", &q));
        QVERIFY(simulateReplacement(ReplPolicy::Fifo, 0, kBelady).steps.empty());
    }
};

QTEST_MAIN(TestReplacement)
#include "tst_replacement.moc"
