// BuddyLayout: rows 10..0 top to bottom, lists head first, "+N more" when a list
// overflows, the working block at its order, keys that match across a step.

#include "BuddyLayout.h"
#include "TestUtil.h"
#include "sim/MachineConfig.h"
#include "sim/Simulator.h"

#include <QTest>

using namespace memviz;
using namespace Qt::StringLiterals;

namespace {

/// The list of one order as the frame table links it, head first.
std::vector<Pfn> listOf(const Machine& m, int zone, int order)
{
    std::vector<Pfn> out;
    for (std::uint32_t p = m.zones[static_cast<std::size_t>(zone)].freeArea[static_cast<std::size_t>(order)].head;
         p != kNil; p = m.frames.next(p))
        out.push_back(p);
    return out;
}

std::vector<const BuddyBox*> rowBoxes(const BuddyLayout& l, int order)
{
    std::vector<const BuddyBox*> out;
    const BuddyRow& r = l.row(order);
    for (int i = 0; i < r.boxCount; ++i) out.push_back(&l.boxes()[static_cast<std::size_t>(r.firstBox + i)]);
    return out;
}

/// Index of the first event of the given type at or after `from`.
std::uint64_t findEvent(const Simulator& sim, EventType t, std::uint64_t from = 0)
{
    for (std::uint64_t i = from; i < sim.eventCount(); ++i)
        if (sim.events()[i].type == t) return i;
    return sim.eventCount();
}

constexpr int kDMA32 = 1;

} // namespace

class TestBuddyLayout : public QObject {
    Q_OBJECT
private slots:
    void rowsTopToBottom_data();
    void rowsTopToBottom();
    void headFirst();
    void moreWhenOverflowing_data();
    void moreWhenOverflowing();
    void narrowWidthOverflows();
    void focusKeepsBlockVisible();
    void workingBlockAtItsOrder();
    void keysMatchAcrossSplit();
    void keysMatchAcrossMerge();
    void partOf();
    void invalidZone();
};

void TestBuddyLayout::rowsTopToBottom_data()
{
    QTest::addColumn<QSizeF>("size");
    QTest::addColumn<int>("maxPerRow");
    QTest::newRow("sizeHint") << QSizeF(900, 400) << 12;
    QTest::newRow("projector") << QSizeF(1600, 800) << 12;
    QTest::newRow("small") << QSizeF(700, 300) << 12;
    QTest::newRow("few per row") << QSizeF(900, 400) << 3;
}

void TestBuddyLayout::rowsTopToBottom()
{
    QFETCH(QSizeF, size);
    QFETCH(int, maxPerRow);
    Simulator sim = test::boot("x86-64", "64M");
    sim.apply(Command::allocPages(0));
    sim.apply(Command::allocPages(1));
    const BuddyLayout l(sim.current(), kDMA32, size, maxPerRow);
    QVERIFY(l.isValid());
    QCOMPARE(int(l.rows().size()), kNrOrders);
    const QRectF area(QPointF(0, 0), size);
    qreal lastBottom = l.labelHeader().bottom();
    for (std::size_t i = 0; i < l.rows().size(); ++i) {
        const BuddyRow& r = l.rows()[i];
        QCOMPARE(r.order, kMaxOrder - int(i));
        QCOMPARE(&l.row(r.order), &r);
        QVERIFY(r.rect.top() >= lastBottom - 0.01); // below the previous row, no overlap
        lastBottom = r.rect.bottom();
        // Columns left to right, none overlapping.
        QVERIFY(r.labelRect.right() <= r.countRect.left());
        QVERIFY(r.countRect.right() <= r.workCell.left());
        QVERIFY(r.workCell.right() <= r.listRect.left());
        QVERIFY(r.listRect.right() <= r.exitCell.left());
        QCOMPARE(r.nrFree, sim.current().zones[kDMA32].freeArea[std::size_t(r.order)].nrFree);
        // Boxes of a row: inside the list area and the row, left to right, not overlapping.
        const auto boxes = rowBoxes(l, r.order);
        QVERIFY(int(boxes.size()) <= maxPerRow);
        qreal x = r.listRect.left() - 0.01;
        for (const BuddyBox* b : boxes) {
            QVERIFY(b->rect.left() >= x);
            QVERIFY2(b->rect.right() <= r.listRect.right() + 0.01, qPrintable(QString::number(r.order)));
            QVERIFY(r.rect.contains(b->rect));
            x = b->rect.right();
        }
        if (!boxes.empty()) {
            QVERIFY(r.headMarker.right() <= boxes.front()->rect.left());
            QVERIFY(r.tailMarker.left() >= boxes.back()->rect.right());
            QVERIFY(r.tailMarker.right() <= r.exitCell.left());
        }
    }
    QVERIFY(lastBottom <= area.bottom() + 0.01);
    // Width grows with the order, moderately.
    QVERIFY(l.boxWidth(10) > l.boxWidth(0));
    QVERIFY(l.boxWidth(10) < 2 * l.boxWidth(0));
}

void TestBuddyLayout::headFirst()
{
    Simulator sim = test::boot("x86-64", "64M");
    // Free two order-0 pages so the order-0 list has a known order: the last freed is the head.
    const Pfn a = *sim.apply(Command::allocPages(0)).pfn;
    const Pfn b = *sim.apply(Command::allocPages(0)).pfn;
    const Pfn c = *sim.apply(Command::allocPages(0)).pfn;
    sim.apply(Command::freePages(a, 0));
    sim.apply(Command::freePages(c, 0));
    const Machine& m = sim.current();
    const BuddyLayout l(m, kDMA32, QSizeF(1600, 600), 20);
    for (int o = 0; o <= kMaxOrder; ++o) {
        const auto expect = listOf(m, kDMA32, o);
        const auto boxes = rowBoxes(l, o);
        QCOMPARE(boxes.size(), expect.size()); // all fit at this width
        for (std::size_t i = 0; i < boxes.size(); ++i) {
            QCOMPARE(boxes[i]->pfn(), expect[i]);
            QCOMPARE(boxes[i]->order(), o);
            QCOMPARE(boxes[i]->listIndex, i);
            QCOMPARE(boxes[i]->isHead, i == 0);
            QCOMPARE(boxes[i]->isTail, i + 1 == boxes.size());
            QCOMPARE(boxes[i]->role, BuddyBox::Role::Free);
        }
    }
    Q_UNUSED(b);
    // The order-10 list of DMA32 in its boot order.
    const auto top = rowBoxes(l, 10);
    QCOMPARE(top.front()->pfn(), Pfn(0x2000));
    QVERIFY(top.front()->rect.left() < top.back()->rect.left());
}

void TestBuddyLayout::moreWhenOverflowing_data()
{
    QTest::addColumn<int>("maxPerRow");
    QTest::addColumn<int>("shownBlocks");
    QTest::addColumn<int>("hidden");
    // DMA32's order-10 list has 7 blocks.
    QTest::newRow("all fit") << 10 << 7 << 0;
    QTest::newRow("exactly") << 7 << 7 << 0;
    QTest::newRow("six slots") << 6 << 5 << 2; // 4 from the head, +2 more, tail
    QTest::newRow("four slots") << 4 << 3 << 4; // head, head+1, +4 more, tail
    QTest::newRow("three slots") << 3 << 2 << 5; // head, +5 more, tail
    QTest::newRow("two slots") << 2 << 1 << 6; // head, +6 more
}

void TestBuddyLayout::moreWhenOverflowing()
{
    QFETCH(int, maxPerRow);
    QFETCH(int, shownBlocks);
    QFETCH(int, hidden);
    const Simulator sim = test::boot("x86-64", "64M");
    const BuddyLayout l(sim.current(), kDMA32, QSizeF(2400, 600), maxPerRow);
    const auto boxes = rowBoxes(l, 10);
    int blocks = 0, more = 0;
    std::uint64_t hiddenCount = 0;
    for (const BuddyBox* b : boxes) {
        if (b->role == BuddyBox::Role::More)
            ++more, hiddenCount += b->hidden;
        else
            ++blocks;
    }
    QCOMPARE(blocks, shownBlocks);
    QCOMPARE(int(hiddenCount), hidden);
    QCOMPARE(more, hidden ? 1 : 0);
    QVERIFY(int(boxes.size()) <= maxPerRow);
    QCOMPARE(boxes.front()->pfn(), Pfn(0x2000));
    QVERIFY(boxes.front()->isHead);
    if (hidden) {
        // The tail stays visible when there is room, so the tail rule can be seen.
        if (maxPerRow >= 3) {
            QVERIFY(boxes.back()->isTail);
            QCOMPARE(boxes.back()->pfn(), Pfn(0x3800));
            QCOMPARE(boxes[boxes.size() - 2]->role, BuddyBox::Role::More);
        } else {
            QCOMPARE(boxes.back()->role, BuddyBox::Role::More);
        }
        // Shown + hidden = nr_free, and list positions stay consistent.
        QCOMPARE(std::uint64_t(blocks) + hiddenCount, l.row(10).nrFree);
    }
}

void TestBuddyLayout::narrowWidthOverflows()
{
    const Simulator sim = test::boot("x86-64", "64M");
    const BuddyLayout l(sim.current(), kDMA32, QSizeF(700, 400), 50);
    const auto boxes = rowBoxes(l, 10);
    QVERIFY(boxes.size() < 7);
    bool sawMore = false;
    for (const BuddyBox* b : boxes) {
        QVERIFY(b->rect.right() <= l.row(10).listRect.right() + 0.01);
        sawMore |= b->role == BuddyBox::Role::More;
    }
    QVERIFY(sawMore);
}

void TestBuddyLayout::focusKeepsBlockVisible()
{
    const Simulator sim = test::boot("x86-64", "64M");
    const Pfn middle = 0x2c00; // 4th of 7 on the order-10 list
    const Pfn focus[] = { middle };
    const BuddyLayout without(sim.current(), kDMA32, QSizeF(2400, 600), 5);
    QVERIFY(!without.findBlock(middle, 10));
    const BuddyLayout with(sim.current(), kDMA32, QSizeF(2400, 600), 5, {}, focus);
    const BuddyBox* b = with.findBlock(middle, 10);
    QVERIFY(b);
    QCOMPARE(b->listIndex, 3u);
    QVERIFY(rowBoxes(with, 10).size() <= 5);
}

void TestBuddyLayout::workingBlockAtItsOrder()
{
    Simulator sim = test::boot("x86-64", "64M");
    sim.apply(Command::allocPages(0));
    const std::uint64_t split = findEvent(sim, EventType::BuddySplit);
    QVERIFY(split < sim.eventCount());
    for (std::uint64_t n = split + 1; n < split + 8; ++n) {
        const Machine m = sim.stateAt(n);
        const BuddyLayout l(m, kDMA32, QSizeF(900, 400), 12);
        const BuddyBox* w = l.working();
        QVERIFY(w);
        const int order = m.zones[kDMA32].workOrder;
        QCOMPARE(w->order(), order);
        QCOMPARE(w->pfn(), Pfn(m.zones[kDMA32].workPfn));
        QCOMPARE(w->role, BuddyBox::Role::Working);
        QVERIFY(l.row(order).rect.contains(w->rect));
        QVERIFY(l.row(order).workCell.contains(w->rect));
        QCOMPARE(w->rect, l.workRect(order));
        QCOMPARE(w->rect.width(), l.boxWidth(order));
        // It is not also drawn in a list.
        for (const BuddyBox& b : l.boxes())
            if (&b != w) QVERIFY(!(b.key == w->key));
    }
    // After the allocation nothing is in hand.
    QVERIFY(!BuddyLayout(sim.current(), kDMA32, QSizeF(900, 400), 12).working());
}

void TestBuddyLayout::keysMatchAcrossSplit()
{
    Simulator sim = test::boot("x86-64", "64M");
    sim.apply(Command::allocPages(0));
    const std::uint64_t first = findEvent(sim, EventType::BuddySplit);
    // The second split: the working order-7 block 0x3e00 becomes 0x3e00 (in hand) + 0x3e40 (free, order 6).
    const std::uint64_t n = first + 1;
    const Event& e = sim.events()[n];
    QCOMPARE(e.type, EventType::BuddySplit);
    const BuddyLayout before(sim.stateAt(n), kDMA32, QSizeF(900, 400), 12);
    const BuddyLayout after(sim.stateAt(n + 1), kDMA32, QSizeF(900, 400), 12);
    const BuddyBox* parent = before.findBlock(e.pfn, e.order);
    QVERIFY(parent);
    QCOMPARE(parent->role, BuddyBox::Role::Working);
    QVERIFY(!after.findBlock(e.pfn, e.order));
    const BuddyBox* lower = after.findBlock(e.pfn, e.order - 1);
    const BuddyBox* upper = after.findBlock(e.a, e.order - 1);
    QVERIFY(lower && upper);
    QCOMPARE(lower->role, BuddyBox::Role::Working);
    QCOMPARE(upper->role, BuddyBox::Role::Free);
    QVERIFY(upper->isHead);
    QVERIFY(!before.findBlock(lower->pfn(), lower->order()));
    QVERIFY(!before.findBlock(upper->pfn(), upper->order()));
    // Lower half = left half of the parent, upper half = right half.
    const QRectF l = BuddyLayout::partOf(parent->rect, parent->pfn(), parent->order(), lower->pfn(), lower->order());
    const QRectF u = BuddyLayout::partOf(parent->rect, parent->pfn(), parent->order(), upper->pfn(), upper->order());
    QCOMPARE(l.left(), parent->rect.left());
    QCOMPARE(u.right(), parent->rect.right());
    QVERIFY(qAbs(l.right() - u.left()) < 0.01);
    // The order-7 block left by the first split is in both layouts under the same key.
    const BuddyBox* stay = before.findBlock(0x3e80, 7);
    QVERIFY(stay);
    QVERIFY(after.findBlock(0x3e80, 7));
}

void TestBuddyLayout::keysMatchAcrossMerge()
{
    Simulator sim = test::boot("x86-64", "64M");
    const Pfn p = *sim.apply(Command::allocPages(0)).pfn;
    const auto r = sim.apply(Command::freePages(p, 0));
    const std::uint64_t n = findEvent(sim, EventType::BuddyMerge, r.firstEvent);
    const Event& e = sim.events()[n];
    const BuddyLayout before(sim.stateAt(n), kDMA32, QSizeF(900, 400), 12);
    const BuddyLayout after(sim.stateAt(n + 1), kDMA32, QSizeF(900, 400), 12);
    QVERIFY(before.findBlock(e.pfn, e.order)); // the freed block, in hand
    QVERIFY(before.findBlock(e.a, e.order)); // its buddy on the list
    QVERIFY(!after.findBlock(e.a, e.order)); // the buddy left the list
    const BuddyBox* merged = after.findBlock(e.b, e.order + 1);
    QVERIFY(merged);
    QCOMPARE(merged->role, BuddyBox::Role::Working);
}

void TestBuddyLayout::partOf()
{
    const QRectF parent(100, 10, 80, 20);
    QCOMPARE(BuddyLayout::partOf(parent, 0x100, 3, 0x100, 2), QRectF(100, 10, 40, 20));
    QCOMPARE(BuddyLayout::partOf(parent, 0x100, 3, 0x104, 2), QRectF(140, 10, 40, 20));
    QCOMPARE(BuddyLayout::partOf(parent, 0x100, 3, 0x106, 1), QRectF(160, 10, 20, 20));
}

void TestBuddyLayout::invalidZone()
{
    const Simulator sim = test::boot("x86-64", "64M");
    QVERIFY(!BuddyLayout(sim.current(), 2, QSizeF(900, 400), 12).isValid()); // Normal: empty below 4 GiB
    QVERIFY(!BuddyLayout(sim.current(), 99, QSizeF(900, 400), 12).isValid());
    QVERIFY(!BuddyLayout().isValid());
}

QTEST_GUILESS_MAIN(TestBuddyLayout)
#include "tst_buddylayout.moc"
