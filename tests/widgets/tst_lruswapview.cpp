// LruSwapView: the swap grid maths, that each queue shows its list's pages in link order
// from head to tail (the tail end when the list is long), what an LRU move, a reclaim
// batch and a swap-out highlight, that the grid colours the right slot, that a 2 GiB
// area stays fast, and that it paints.
//
// Set MEMVIZ_SCREENSHOTS=<dir> to also save PNGs (lruswapview_*.png) for a human to look at.

#include "EventText.h"
#include "LruSwapView.h"
#include "Palette.h"
#include "TestUtil.h"
#include "widgets/WidgetTestUtil.h"
#include "ViewContext.h"
#include "sim/Apply.h"
#include "sim/Simulator.h"

#include <QDir>
#include <QElapsedTimer>
#include <QImage>
#include <QTest>

using namespace memviz;
using memviz::test::inkShare;
using namespace Qt::StringLiterals;

namespace {


/// A machine whose process "hog" has touched `pages` anonymous pages (all on the
/// inactive anon list), with a swap area of `swapBytes` (0: the preset's 2 GiB).
Simulator withPages(std::uint64_t pages, std::uint64_t swapBytes = 0)
{
    MachineConfig c = test::config("x86-64", "256M");
    if (swapBytes) c.swapBytes = swapBytes;
    Simulator sim = test::boot(c);
    test::skipPerCommandCheck(sim);
    const std::uint32_t pid = test::spawn(sim, "hog");
    const std::uint64_t buf = test::mallocIn(sim, pid, pages * 4096);
    test::access(sim, pid, buf, pages * 4096, true);
    return sim;
}

/// The pages of list `l` from head to tail, following the links.
std::vector<Pfn> walk(const Machine& m, LruList l)
{
    std::vector<Pfn> out;
    for (std::uint32_t p = m.lru[l].head; p != kNil; p = m.pageExt.next(p)) out.push_back(p);
    return out;
}

Event lruMove(Pfn pfn, LruList from, LruList to, bool referenced = false)
{
    Event e;
    e.type = EventType::LruMove;
    e.pfn = pfn;
    e.order = static_cast<std::uint8_t>((int(from) << 4) | int(to));
    if (referenced) e.flags |= EventFlag::Referenced;
    return e;
}

Event swapOut(Pfn pfn, std::uint32_t entry)
{
    Event e;
    e.type = EventType::SwapOut;
    e.pfn = pfn;
    e.a = entry;
    return e;
}

void show(ViewContext& ctx, LruSwapView& v, const Machine& before, const Machine& after, std::optional<Event> e,
    double progress = 1.0)
{
    ctx.setState(before, after, 1);
    ctx.setProgress(progress);
    v.setStepEvent(e);
}

bool near(QRgb a, const QColor& b, int tol = 8)
{
    return std::abs(qRed(a) - b.red()) <= tol && std::abs(qGreen(a) - b.green()) <= tol
        && std::abs(qBlue(a) - b.blue()) <= tol;
}

/// Marks `n` slots from offset 1 as used by one page-table entry each (what swapped-out
/// pages leave behind), straight in the swap map.
void fillSwap(Machine& m, std::uint64_t n)
{
    SwapArea& a = m.swap.areas[0];
    for (std::uint64_t o = 1; o <= n && o <= a.pages; ++o)
        if (a.at(o) == 0) {
            a.setAt(o, 1);
            ++a.inuse;
        }
}

} // namespace

class TestLruSwapView : public QObject {
    Q_OBJECT
private slots:
    void cleanup() { Palette::setTheme(Theme::Light); }
    void gridGeometry_data();
    void gridGeometry();
    void queueOrder_data();
    void queueOrder();
    void lruMoveAnimates_data();
    void lruMoveAnimates();
    void reclaimBatch();
    void swapOutColoursTheSlot();
    void bigSwapStaysFast();
    void slotStates_data();
    void slotStates();
    void paints_data();
    void paints();
    void screenshots();
};

void TestLruSwapView::gridGeometry_data()
{
    QTest::addColumn<qulonglong>("slotCount");
    QTest::addColumn<QSizeF>("area");
    QTest::addColumn<double>("cellW"); ///< 0: fractional cells that fill the area
    QTest::addColumn<qulonglong>("perCell");
    QTest::newRow("tiny area, big squares") << 100ull << QSizeF(400, 200) << 18.0 << 1ull;
    QTest::newRow("4 MiB swap: squares") << 1025ull << QSizeF(800, 150) << 10.0 << 1ull;
    QTest::newRow("one slot per cell, filled") << 100001ull << QSizeF(800, 150) << 0.0 << 1ull;
    QTest::newRow("2 GiB, grouped") << 524289ull << QSizeF(800, 150) << 0.0 << 5ull;
    QTest::newRow("2 GiB, small area") << 524289ull << QSizeF(400, 60) << 0.0 << 22ull;
    QTest::newRow("2 GiB, projector") << 524289ull << QSizeF(1900, 450) << 0.0 << 1ull;
}

void TestLruSwapView::gridGeometry()
{
    QFETCH(qulonglong, slotCount);
    QFETCH(QSizeF, area);
    QFETCH(double, cellW);
    QFETCH(qulonglong, perCell);
    SwapGridGeometry g = SwapGridGeometry::fit(slotCount, area);
    g.origin = QPointF(10, 20);
    QCOMPARE(g.slotsPerCell, perCell);
    if (cellW > 0) {
        QVERIFY(g.squares());
        QCOMPARE(g.cellW, cellW);
    } else {
        // Fills the area: nearly all of its height and width, cells at least a pixel.
        QVERIFY(!g.squares());
        QVERIFY(g.cellW >= 1 && g.cellH >= 1);
        QVERIFY(g.size().width() >= area.width() - 1);
        QVERIFY(g.size().height() >= area.height() * 0.9);
    }
    QVERIFY(g.size().width() <= area.width() + 1e-6 && g.size().height() <= area.height() + 1e-6);
    QVERIFY(g.cells() * g.slotsPerCell >= slotCount);
    // Round trip for the first, a middle and the last slot.
    for (std::uint64_t off : { 0ull, slotCount / 2, slotCount - 1 }) {
        const QRectF r = g.cellRect(off);
        QVERIFY(!r.isEmpty());
        const auto back = g.offsetAt(r.center());
        QVERIFY(back);
        QCOMPARE(*back, off / perCell * perCell);
    }
    QVERIFY(g.cellRect(slotCount).isEmpty());
    QVERIFY(!g.offsetAt(QPointF(5, 5)));
}

void TestLruSwapView::queueOrder_data()
{
    QTest::addColumn<int>("pages");
    QTest::addColumn<QSize>("size");
    QTest::newRow("short list, all shown") << 12 << QSize(900, 500);
    QTest::newRow("thousands, tail end shown") << 3000 << QSize(900, 500);
    QTest::newRow("projector") << 3000 << QSize(1920, 1080);
}

void TestLruSwapView::queueOrder()
{
    QFETCH(int, pages);
    QFETCH(QSize, size);
    Simulator sim = withPages(std::uint64_t(pages));
    Machine m = sim.current();
    // Activate a few pages so two lists are in use, one of them with PG_referenced.
    const std::vector<Pfn> inactive = walk(m, LruList::InactiveAnon);
    QVERIFY(inactive.size() >= std::size_t(pages));
    for (int i = 0; i < 5; ++i) applyEvent(m, lruMove(inactive[std::size_t(i) * 2], LruList::InactiveAnon, LruList::ActiveAnon, i == 0));

    ViewContext ctx;
    LruSwapView view(&ctx);
    view.resize(size);
    show(ctx, view, m, m, std::nullopt);
    for (LruList l : { LruList::InactiveAnon, LruList::ActiveAnon, LruList::InactiveFile, LruList::ActiveFile }) {
        const LruSwapView::Queue* q = view.queue(l);
        QVERIFY(q);
        const std::vector<Pfn> all = walk(m, l);
        QCOMPARE(q->size, m.lru[l].size);
        QCOMPARE(std::uint64_t(all.size()), q->size);
        // The queue shows the list in link order head -> tail: all of it, or its newest
        // pages, the "+ N more" box, and the tail end.
        QCOMPARE(q->hidden + q->pages.size(), all.size());
        const std::size_t head = std::size_t(q->headCount);
        std::vector<Pfn> expect(all.begin(), all.begin() + std::ptrdiff_t(head));
        expect.insert(expect.end(), all.end() - std::ptrdiff_t(q->pages.size() - head), all.end());
        QCOMPARE(q->pages, expect);
        QCOMPARE(q->more.isEmpty(), q->hidden == 0);
        QCOMPARE(head > 0, q->hidden > 0);
        for (std::size_t i = 0; i + 1 < q->cells.size(); ++i) QVERIFY(q->cells[i].right() < q->cells[i + 1].left());
        if (!q->cells.empty()) {
            QVERIFY(q->cells.back().right() <= q->strip.right() + 0.5); // the tail at the right end
            QVERIFY(q->cells.front().left() >= q->strip.left() - 0.5);  // the head at the left end
            if (!q->more.isEmpty()) {
                QVERIFY(q->more.left() > q->cells[head - 1].right());
                QVERIFY(q->more.right() < q->cells[head].left());
                QVERIFY(q->more.width() >= QFontMetricsF(view.font()).horizontalAdvance(u"+ 1,000 more"_s) * 0.8);
            }
            QCOMPARE(view.pageRect(q->pages.back()), q->cells.back());
        }
    }
    QCOMPARE(view.queue(LruList::ActiveAnon)->pages.size(), std::size_t(5));
    QVERIFY(!view.queue(LruList::Unevictable)); // empty: not shown
    if (pages > 1000) QVERIFY(view.queue(LruList::InactiveAnon)->hidden > 0);
    QVERIFY(inkShare(view.grab().toImage()) > 0.05);
}

void TestLruSwapView::lruMoveAnimates_data()
{
    QTest::addColumn<int>("from");
    QTest::addColumn<int>("to");
    QTest::newRow("activate") << int(LruList::InactiveAnon) << int(LruList::ActiveAnon);
    QTest::newRow("rotate (second chance)") << int(LruList::InactiveAnon) << int(LruList::InactiveAnon);
    QTest::newRow("isolate") << int(LruList::InactiveAnon) << int(kNoLru);
}

void TestLruSwapView::lruMoveAnimates()
{
    QFETCH(int, from);
    QFETCH(int, to);
    Simulator sim = withPages(40);
    const Machine before = sim.current();
    const Pfn tail = before.lru[LruList::InactiveAnon].tail;
    Event e = lruMove(tail, static_cast<LruList>(from), static_cast<LruList>(to), from == to);
    e.order = static_cast<std::uint8_t>((from << 4) | to);
    Machine after = before;
    applyEvent(after, e);

    ViewContext ctx;
    LruSwapView view(&ctx);
    view.resize(900, 500);
    show(ctx, view, before, after, e, 0.4);
    const auto mv = view.movedLists();
    QVERIFY(mv);
    QCOMPARE(int(mv->first), from);
    QCOMPARE(int(mv->second), to);
    QCOMPARE(view.highlightedPage(), std::optional<Pfn>(tail));
    if (to != int(kNoLru)) {
        // After the step the page is the head of its new list, the leftmost cell shown there.
        const LruSwapView::Queue* q = view.queue(static_cast<LruList>(to));
        QVERIFY(q && !q->pages.empty());
        QCOMPARE(after.lru[static_cast<LruList>(to)].head, std::uint32_t(tail));
        QCOMPARE(q->pages.front(), tail); // the head stays in view even when the list is long
        QVERIFY(!view.pageRect(tail).isEmpty());
    } else {
        QVERIFY(view.pageRect(tail).isEmpty());
    }
    QVERIFY(!view.captionText().isEmpty());
    const QImage mid = view.grab().toImage();
    ctx.setProgress(1.0);
    QVERIFY(view.grab().toImage() != mid);
}

void TestLruSwapView::reclaimBatch()
{
    Simulator sim = withPages(100);
    const Machine m = sim.current();
    Event e;
    e.type = EventType::Reclaim;
    e.a = 32;
    e.b = 20;
    e.order = 12;
    ViewContext ctx;
    LruSwapView view(&ctx);
    view.resize(900, 500);
    show(ctx, view, m, m, e);
    QCOMPARE(view.scannedList(), std::optional<LruList>(LruList::InactiveAnon));
    QVERIFY(view.captionText().contains(u"32"_s));
    e.flags = EventFlag::FileLru | EventFlag::Active | EventFlag::Direct;
    view.setStepEvent(e);
    QCOMPARE(view.scannedList(), std::optional<LruList>(LruList::ActiveFile));
}

void TestLruSwapView::swapOutColoursTheSlot()
{
    // A 4 MiB area: 1024 slots, one cell each.
    Simulator sim = withPages(40, 4ull << 20);
    const Machine before = sim.current();
    const Pfn victim = before.lru[LruList::InactiveAnon].tail;
    const std::uint32_t entry = SwapEntry::pack(0, 1);
    const Event e = swapOut(victim, entry);
    Machine after = before;
    applyEvent(after, e);
    QVERIFY(after.pageExt.test(victim, PageFlag::SwapCache));
    QCOMPARE(after.swap.areas[0].at(1), kSwapHasCache);
    // A few slots used by page tables only, further on.
    SwapArea& a = after.swap.areas[0];
    for (std::uint64_t o : { 7ull, 8ull, 300ull }) {
        a.setAt(o, 1);
        ++a.inuse;
    }

    ViewContext ctx;
    LruSwapView view(&ctx);
    view.resize(900, 500);
    show(ctx, view, before, after, e);
    QCOMPARE(view.highlightedEntry(), std::optional<std::uint32_t>(entry));
    QCOMPARE(view.highlightedPage(), std::optional<Pfn>(victim));
    QCOMPARE(view.swapPanels().size(), std::size_t(1));
    QCOMPARE(view.swapPanels()[0].grid.slotsPerCell, 1ull);
    QVERIFY(view.swapPanels()[0].grid.squares());
    const QRectF slot = view.slotRect(entry);
    QVERIFY(!slot.isEmpty());
    QVERIFY(view.rect().contains(slot.toRect()));
    QVERIFY(!view.pageRect(victim).isEmpty()); // still on its list: the swap cache holds it

    const QImage img = view.grab().toImage();
    const auto at = [&](std::uint64_t off) {
        return img.pixel(view.slotRect(SwapEntry::pack(0, off)).center().toPoint());
    };
    QVERIFY2(near(at(1), LruSwapView::slotColour(LruSwapView::SlotState::Cached)), qPrintable(QColor(at(1)).name()));
    QVERIFY(near(at(7), LruSwapView::slotColour(LruSwapView::SlotState::Used)));
    QVERIFY(near(at(300), LruSwapView::slotColour(LruSwapView::SlotState::Used)));
    QVERIFY(near(at(2), LruSwapView::slotColour(LruSwapView::SlotState::Free)));
    // The header slot, next to the highlighted one: seen without the step's ring.
    view.setStepEvent(std::nullopt);
    const QImage plain = view.grab().toImage();
    QVERIFY(near(plain.pixel(view.slotRect(SwapEntry::pack(0, 0)).center().toPoint()),
        LruSwapView::slotColour(LruSwapView::SlotState::Header)));
    QVERIFY(view.toolTipForSlot(0, 1).contains(EventText::pfn(victim)));
}

void TestLruSwapView::bigSwapStaysFast()
{
    Simulator sim = withPages(40);
    Machine m = sim.current();
    QCOMPARE(m.swap.areas[0].pages, 524288ull);
    fillSwap(m, 262144);
    ViewContext ctx;
    LruSwapView view(&ctx);
    view.resize(900, 500);
    QElapsedTimer t;
    t.start();
    show(ctx, view, m, m, std::nullopt);
    const QImage first = view.grab().toImage();
    const qint64 firstMs = t.restart();
    // A step that does not touch swap reuses the grid image.
    Machine next = m;
    applyEvent(next, lruMove(m.lru[LruList::InactiveAnon].tail, LruList::InactiveAnon, LruList::ActiveAnon));
    show(ctx, view, m, next, std::nullopt);
    view.grab();
    const qint64 secondMs = t.elapsed();
    qInfo("2 GiB swap: first paint %lld ms, next step %lld ms", firstMs, secondMs);
    QVERIFY(firstMs < 1500);
    QVERIFY(secondMs < 500);
    const auto& g = view.swapPanels()[0].grid;
    QVERIFY(g.slotsPerCell > 1);
    // Half used: the first half of the grid is the used colour, the second half free.
    const QRectF early = view.slotRect(SwapEntry::pack(0, 1000)), late = view.slotRect(SwapEntry::pack(0, 400000));
    QVERIFY(near(first.pixel(early.center().toPoint()), LruSwapView::slotColour(LruSwapView::SlotState::Used)));
    QVERIFY(near(first.pixel(late.center().toPoint()), LruSwapView::slotColour(LruSwapView::SlotState::Free)));
}

void TestLruSwapView::slotStates_data()
{
    QTest::addColumn<qulonglong>("offset");
    QTest::addColumn<int>("value");
    QTest::addColumn<int>("state");
    using S = LruSwapView::SlotState;
    QTest::newRow("header") << 0ull << 0 << int(S::Header);
    QTest::newRow("free") << 5ull << 0 << int(S::Free);
    QTest::newRow("one pte") << 5ull << 1 << int(S::Used);
    QTest::newRow("shared by fork") << 5ull << 2 << int(S::Used);
    QTest::newRow("cache only") << 5ull << int(kSwapHasCache) << int(S::Cached);
    QTest::newRow("cache and pte") << 5ull << int(kSwapHasCache | 1) << int(S::Cached);
}

void TestLruSwapView::slotStates()
{
    QFETCH(qulonglong, offset);
    QFETCH(int, value);
    QFETCH(int, state);
    QCOMPARE(int(LruSwapView::slotState(offset, std::uint8_t(value))), state);
}

void TestLruSwapView::paints_data()
{
    QTest::addColumn<bool>("dark");
    QTest::addColumn<QSize>("size");
    QTest::newRow("light") << false << QSize(900, 500);
    QTest::newRow("dark") << true << QSize(900, 500);
    QTest::newRow("docked") << false << QSize(560, 360);
    QTest::newRow("1080p") << false << QSize(1920, 1080);
}

void TestLruSwapView::paints()
{
    {
        // Before any machine exists: paints without crashing.
        ViewContext empty;
        LruSwapView blank(&empty);
        blank.resize(600, 400);
        QVERIFY(!blank.grab().isNull());
    }
    QFETCH(bool, dark);
    QFETCH(QSize, size);
    Palette::setTheme(dark ? Theme::Dark : Theme::Light);
    Simulator sim = withPages(500);
    Machine m = sim.current();
    fillSwap(m, 1000);
    ViewContext ctx;
    LruSwapView view(&ctx);
    view.resize(size);
    show(ctx, view, m, m, std::nullopt);
    QVERIFY(inkShare(view.grab().toImage()) > 0.05);
    // Rows and grids stay inside the view and apart.
    for (const auto& q : view.queues()) QVERIFY(q.row.bottom() <= size.height());
    for (const auto& sp : view.swapPanels()) {
        QVERIFY(sp.grid.origin.y() + sp.grid.size().height() <= size.height());
        QVERIFY(sp.title.top() >= view.queues().back().row.bottom());
    }
    QVERIFY(!view.accessibleName().isEmpty());
}

void TestLruSwapView::screenshots()
{
    const QByteArray dir = qgetenv("MEMVIZ_SCREENSHOTS");
    if (dir.isEmpty()) QSKIP("set MEMVIZ_SCREENSHOTS=<dir> to save screenshots");
    QDir().mkpath(QString::fromLocal8Bit(dir));
    const auto path = [&](const QString& name) -> QString { return QString::fromLocal8Bit(dir) + u'/' + name; };

    // Thousands of pages: some activated, some referenced, a few swapped out.
    Simulator sim = withPages(4000);
    test::Proc reader { sim, test::spawn(sim, "reader") };
    Command fc = vmCommand(CommandType::FileCreate, reader.pid);
    fc.text = "/data/log";
    fc.len = 600 * 4096;
    sim.apply(fc);
    Command mm = vmCommand(CommandType::Mmap, reader.pid);
    mm.text = "/data/log";
    mm.len = 600 * 4096;
    mm.prot = Prot::Read;
    mm.mapFlags = MapFlag::Private;
    const std::uint64_t fileVa = sim.apply(mm).value;
    test::access(sim, reader.pid, fileVa, 600 * 4096, false);

    Machine m = sim.current();
    std::vector<Pfn> inactive = walk(m, LruList::InactiveAnon);
    for (std::size_t i = 0; i < 1200; i += 3) applyEvent(m, lruMove(inactive[i], LruList::InactiveAnon, LruList::ActiveAnon, i % 2 == 0));
    std::vector<Pfn> files = walk(m, LruList::InactiveFile);
    for (std::size_t i = 0; i < files.size(); i += 4) applyEvent(m, lruMove(files[i], LruList::InactiveFile, LruList::ActiveFile));
    inactive = walk(m, LruList::InactiveAnon);
    for (std::size_t i = 0; i < 30; ++i)
        applyEvent(m, lruMove(inactive[inactive.size() - 1 - i * 3], LruList::InactiveAnon, LruList::InactiveAnon, true));
    fillSwap(m, 262144);
    inactive = walk(m, LruList::InactiveAnon);
    for (std::size_t i = 0; i < 6; ++i) applyEvent(m, swapOut(inactive[inactive.size() - 2 - i * 2], SwapEntry::pack(0, 262145 + i)));

    const Pfn tail = m.lru[LruList::InactiveAnon].tail;
    const Event activate = lruMove(tail, LruList::InactiveAnon, LruList::ActiveAnon);
    Machine activated = m;
    applyEvent(activated, activate);
    inactive = walk(activated, LruList::InactiveAnon);
    const Event out = swapOut(inactive.back(), SwapEntry::pack(0, 262151));
    Machine swapped = activated;
    applyEvent(swapped, out);

    // The small-swap machine: one cell per slot.
    Simulator small = withPages(300, 4ull << 20);
    Machine sm = small.current();
    std::vector<Pfn> sIn = walk(sm, LruList::InactiveAnon);
    for (std::size_t i = 0; i < 40; ++i) applyEvent(sm, swapOut(sIn[sIn.size() - 1 - i], SwapEntry::pack(0, 1 + i)));
    fillSwap(sm, 300);
    sIn = walk(sm, LruList::InactiveAnon);
    const Event sOut = swapOut(sIn[sIn.size() - 41], SwapEntry::pack(0, 301));
    Machine sm2 = sm;
    applyEvent(sm2, sOut);

    for (bool dark : { false, true }) {
        Palette::setTheme(dark ? Theme::Dark : Theme::Light);
        const QString sfx = dark ? u"_dark"_s : QString();
        ViewContext ctx;
        LruSwapView view(&ctx);
        view.resize(900, 500);
        show(ctx, view, m, activated, activate, 0.5);
        QVERIFY(view.grab().save(path(u"lruswapview_activate_mid%1.png"_s.arg(sfx))));
        show(ctx, view, m, activated, activate, 1.0);
        QVERIFY(view.grab().save(path(u"lruswapview_activate%1.png"_s.arg(sfx))));
        show(ctx, view, activated, swapped, out, 1.0);
        QVERIFY(view.grab().save(path(u"lruswapview_swapout%1.png"_s.arg(sfx))));
        show(ctx, view, sm, sm2, sOut, 1.0);
        QVERIFY(view.grab().save(path(u"lruswapview_smallswap%1.png"_s.arg(sfx))));
        view.resize(1920, 1080);
        show(ctx, view, activated, swapped, out, 1.0);
        QVERIFY(view.grab().save(path(u"lruswapview_1080p%1.png"_s.arg(sfx))));
        view.resize(560, 360);
        QVERIFY(view.grab().save(path(u"lruswapview_docked%1.png"_s.arg(sfx))));
    }
}

QTEST_MAIN(TestLruSwapView)
#include "tst_lruswapview.moc"
