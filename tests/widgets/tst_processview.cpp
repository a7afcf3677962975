// ProcessView: the address-space scale as data rows, then the widget offscreen: the
// fork tree (dead processes and how they died), VMAs drawn by kind, /proc/PID/maps
// lines, counters, the VMA of the current step, selection and following.
//
// Set MEMVIZ_SCREENSHOTS=<dir> to also save processview_*.png at 1280x720 and
// 1920x1080, light and dark, after spawn + malloc(100 MiB) + fork.

#include "Palette.h"
#include "ProcessView.h"
#include "TestUtil.h"
#include "widgets/WidgetTestUtil.h"
#include "ViewContext.h"
#include "sim/Machine.h"
#include "sim/Simulator.h"

#include <QDir>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace memviz;
using memviz::test::inkShare;
using namespace Qt::StringLiterals;

using Ranges = QList<QPair<qulonglong, qulonglong>>;
Q_DECLARE_METATYPE(Ranges)

namespace {

using memviz::test::spawn;
using memviz::test::mallocIn;

void touch(Simulator& sim, std::uint32_t pid, std::uint64_t addr, std::uint64_t len, bool write = true)
{
    Command c = vmCommand(CommandType::Access, pid);
    c.addr = addr;
    c.len = len;
    c.write = write;
    c.step = 4096;
    QVERIFY(!sim.apply(c).error);
}

std::uint32_t fork(Simulator& sim, std::uint32_t pid)
{
    return static_cast<std::uint32_t>(sim.apply(vmCommand(CommandType::Fork, pid)).value);
}

/// Shows the machine after `n` events (a jump, or the step to event n when `progress` < 1).
void showAt(ViewContext& ctx, const Simulator& sim, std::uint64_t n, double progress = 1.0)
{
    ctx.setSimulator(&sim);
    const auto [before, after] = sim.stepAt(n);
    ctx.setState(before, after, n);
    ctx.setProgress(progress);
}

/// Index one past the first event of type t at or after `from` for `pid` (0: any).
std::uint64_t after(const Simulator& sim, EventType t, std::uint64_t from = 0, std::uint32_t pid = 0)
{
    for (std::uint64_t i = from; i < sim.eventCount(); ++i)
        if (sim.events()[i].type == t && (!pid || sim.events()[i].pid == pid)) return i + 1;
    return 0;
}


int colours(const QImage& img)
{
    QSet<QRgb> c;
    for (int y = 0; y < img.height(); y += 3)
        for (int x = 0; x < img.width(); x += 3) c.insert(img.pixel(x, y));
    return static_cast<int>(c.size());
}

} // namespace

class TestProcessView : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        m_sim = test::bootOwned(1 * GiB);
        m_parent = spawn(*m_sim, "cow");
        QVERIFY(m_parent);
        m_spawnEnd = m_sim->eventCount();
        m_buf = mallocIn(*m_sim, m_parent, 100 * MiB);
        QVERIFY(m_buf);
        m_mallocEnd = m_sim->eventCount();
        touch(*m_sim, m_parent, m_buf, 2 * MiB);
        m_child = fork(*m_sim, m_parent);
        QVERIFY(m_child);
        m_forkEnd = m_sim->eventCount();
    }

    // --- AddressSpaceScale -----------------------------------------------------------

    void scale_data()
    {
        QTest::addColumn<Ranges>("ranges");
        QTest::addColumn<qulonglong>("hi");
        QTest::addColumn<double>("height");
        QTest::addColumn<int>("breaks");
        const qulonglong top = 0x7ffffffff000ull;
        QTest::newRow("one page in 128 TiB")
            << Ranges { { 0x555555554000ull, 0x555555555000ull } } << top << 400.0 << 2;
        QTest::newRow("adjacent VMAs, no gap between")
            << Ranges { { 0x7f0000000000ull, 0x7f0000001000ull }, { 0x7f0000001000ull, 0x7f0000100000ull } } << top
            << 300.0 << 2;
        QTest::newRow("a small gap keeps a sliver")
            << Ranges { { 0x10000ull, 0x11000ull }, { 0x20000ull, 0x21000ull } } << 0x40000ull << 200.0 << 0;
        QTest::newRow("program, heap, libraries, stack")
            << Ranges { { 0x555555554000ull, 0x555555559000ull }, { 0x555555a00000ull, 0x555555a21000ull },
                   { 0x7ffff7c00000ull, 0x7ffff7e00000ull }, { 0x7ffffffde000ull, 0x7ffffffff000ull } }
            << top << 500.0 << 4;
        Ranges many;
        for (qulonglong i = 0; i < 60; ++i)
            many.append({ 0x7f0000000000ull + 2 * i * 4096, 0x7f0000000000ull + (2 * i + 1) * 4096 });
        QTest::newRow("60 VMAs in 300 px") << many << top << 300.0 << 2;
    }
    void scale()
    {
        QFETCH(Ranges, ranges);
        QFETCH(qulonglong, hi);
        QFETCH(double, height);
        QFETCH(int, breaks);
        std::vector<std::pair<std::uint64_t, std::uint64_t>> r;
        for (const auto& [s, e] : ranges) r.emplace_back(s, e);
        const AddressSpaceScale sc(r, 0, hi, 10, height);
        QCOMPARE(sc.breakCount(), breaks);
        // The pieces tile [0, hi) and [10, 10 + height], highest address at the top.
        const auto& ps = sc.pieces();
        QVERIFY(!ps.empty());
        QCOMPARE(qulonglong(ps.front().start), 0ull);
        QCOMPARE(qulonglong(ps.back().end), hi);
        QVERIFY(qAbs(ps.front().bottom - (10 + height)) < 0.01);
        QVERIFY2(ps.back().top >= 10 - 0.01, qPrintable(QString::number(ps.back().top)));
        for (std::size_t i = 1; i < ps.size(); ++i) {
            QCOMPARE(ps[i].start, ps[i - 1].end);
            QVERIFY(qAbs(ps[i].bottom - ps[i - 1].top) < 0.01);
        }
        int vmas = 0;
        for (const auto& p : ps) {
            QVERIFY(p.bottom - p.top > 0);
            if (p.vma) {
                ++vmas;
                // Readable: a VMA is never thinner than 3 px, even 60 of them in 300 px.
                QVERIFY2(p.bottom - p.top >= 3, qPrintable(QString::number(p.bottom - p.top)));
            }
        }
        QCOMPARE(vmas, ranges.size());
        // yOf goes up as the address goes up, and hits the piece edges.
        double last = 1e9;
        for (const auto& p : ps) {
            QVERIFY(qAbs(sc.yOf(p.start) - p.bottom) < 0.01);
            QVERIFY(sc.yOf(p.start) <= last + 0.01);
            last = sc.yOf(p.start);
        }
        for (int i = 0; i < ranges.size(); ++i) QVERIFY(sc.vmaPiece(i));
    }

    void scaleGivesBigVmasMoreRoom()
    {
        const AddressSpaceScale sc({ { 0x1000000, 0x1001000 }, { 0x2000000, 0x8400000 } }, 0, 0x10000000, 0, 400);
        const auto* small = sc.vmaPiece(0);
        const auto* big = sc.vmaPiece(1);
        QVERIFY(big->bottom - big->top > 2 * (small->bottom - small->top));
        // ... but by the logarithm: 25600 pages is not 25600 times one page.
        QVERIFY(big->bottom - big->top < 40 * (small->bottom - small->top));
    }

    // --- the widget ------------------------------------------------------------------

    void forkTree()
    {
        auto sim = test::bootOwned(256 * MiB);
        const std::uint32_t a = spawn(*sim, "shell");
        const std::uint32_t b = fork(*sim, a);
        const std::uint32_t c = fork(*sim, b);
        const std::uint32_t other = spawn(*sim, "cat");
        // c touches an address nothing maps: SIGSEGV.
        touch(*sim, c, 0x1000, 1, false);
        Command ex = vmCommand(CommandType::Exit, other);
        QVERIFY(!sim->apply(ex).error);
        ViewContext ctx;
        showAt(ctx, *sim, sim->eventCount());
        ProcessView view(&ctx);
        view.resize(1280, 720);
        const auto& rows = view.treeRows();
        QCOMPARE(rows.size(), std::size_t(4));
        QCOMPARE(rows[0].pid, a);
        QCOMPARE(rows[0].depth, 0);
        QCOMPARE(rows[1].pid, b);
        QCOMPARE(rows[1].depth, 1);
        QCOMPARE(rows[2].pid, c);
        QCOMPARE(rows[2].depth, 2);
        QVERIFY(!rows[2].alive);
        QVERIFY2(rows[2].status.contains(u"SIGSEGV"_s), qPrintable(rows[2].status));
        QCOMPARE(rows[3].pid, other);
        QCOMPARE(rows[3].depth, 0);
        QVERIFY(!rows[3].alive);
        QCOMPARE(rows[3].status, ProcessView::tr("exited"));
        QVERIFY(rows[0].alive);
        // Rows do not overlap and sit in the tree column.
        for (std::size_t i = 1; i < rows.size(); ++i) QVERIFY(rows[i].rect.top() >= rows[i - 1].rect.bottom() - 0.01);
        QVERIFY(inkShare(view.grab().toImage()) > 0.05);
    }

    void vmasByKind()
    {
        ViewContext ctx;
        showAt(ctx, *m_sim, m_forkEnd);
        ProcessView view(&ctx);
        view.resize(1280, 720);
        view.selectProcess(m_parent);
        const Process& p = *ctx.machine().proc(m_parent);
        const auto& boxes = view.vmaBoxes();
        QCOMPARE(boxes.size(), p.mm.vmas.size());
        QSet<int> kinds;
        for (const auto& b : boxes) {
            kinds.insert(int(b.kind));
            QVERIFY2(b.rect.height() >= 3, qPrintable(b.name));
            QVERIFY(view.rect().contains(b.rect.toRect()));
        }
        for (VmaKind k :
            { VmaKind::Program, VmaKind::Library, VmaKind::Heap, VmaKind::Stack, VmaKind::Anon, VmaKind::Special })
            QVERIFY2(kinds.contains(int(k)), qPrintable(QString::number(int(k))));
        // Higher addresses higher up.
        for (std::size_t i = 1; i < boxes.size(); ++i)
            QVERIFY(boxes[i].rect.bottom() <= boxes[i - 1].rect.top() + 0.01);
        // The 100 MiB malloc is its own anonymous VMA, the tallest one.
        const auto big = std::max_element(
            boxes.begin(), boxes.end(), [](const auto& x, const auto& y) { return x.rect.height() < y.rect.height(); });
        QCOMPARE(big->kind, VmaKind::Anon);
        QVERIFY(big->start <= m_buf && big->end > m_buf);
        QVERIFY(view.scale().breakCount() >= 3);
    }

    void mapsLines()
    {
        ViewContext ctx;
        showAt(ctx, *m_sim, m_forkEnd);
        ProcessView view(&ctx);
        view.resize(1280, 720);
        view.selectProcess(m_parent);
        const QStringList lines = view.mapsLines();
        QCOMPARE(lines.size(), qsizetype(ctx.machine().proc(m_parent)->mm.vmas.size()));
        const QRegularExpression re(u"^[0-9a-f]{8,}-[0-9a-f]{8,} [r-][w-][x-][ps] [0-9a-f]{8}( .+)?$"_s);
        for (const QString& l : lines) QVERIFY2(re.match(l).hasMatch(), qPrintable(l));
        QVERIFY(lines.filter(u"[heap]"_s).size() == 1);
        QVERIFY(lines.filter(u"[stack]"_s).size() == 1);
        QVERIFY(lines.filter(u"[vdso]"_s).size() == 1);
        QVERIFY(lines.filter(u"libc.so.6"_s).size() >= 5);
        QVERIFY(lines.first().endsWith(u"/cow"_s)); // the program's headers, lowest
        QVERIFY(lines.first().contains(u" r--p 00000000 "_s));
    }

    void vmaToolTips_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QStringList>("needles");
        QTest::newRow("the 100 MiB chunk") << int(
            VmaKind::Anon) << QStringList { u"anonymous mmap"_s, u"100.0 MiB"_s, u"pages have a page-table entry"_s };
        QTest::newRow("the heap") << int(VmaKind::Heap) << QStringList { u"[heap]"_s, u"heap (brk)"_s };
        QTest::newRow("libc's text") << int(VmaKind::Library) << QStringList { u"libc.so.6"_s, u"shared library"_s };
    }
    void vmaToolTips()
    {
        QFETCH(int, kind);
        QFETCH(QStringList, needles);
        ViewContext ctx;
        showAt(ctx, *m_sim, m_forkEnd);
        ProcessView view(&ctx);
        view.resize(1280, 720);
        view.selectProcess(m_parent);
        const auto& boxes = view.vmaBoxes();
        int index = -1;
        for (std::size_t i = 0; i < boxes.size() && index < 0; ++i)
            if (int(boxes[i].kind) == kind && (kind != int(VmaKind::Library) || boxes[i].name == u"libc.so.6"_s)
                && (kind != int(VmaKind::Anon) || (boxes[i].start <= m_buf && boxes[i].end > m_buf)))
                index = int(i);
        QVERIFY(index >= 0);
        const QString tip = view.toolTipForVma(index);
        for (const QString& n : needles) QVERIFY2(tip.contains(n), qPrintable(tip));
    }

    void counters()
    {
        ViewContext ctx;
        showAt(ctx, *m_sim, m_forkEnd);
        ProcessView view(&ctx);
        view.resize(1280, 720);
        for (std::uint32_t pid : { m_parent, m_child }) {
            view.selectProcess(pid);
            const Process& p = *ctx.machine().proc(pid);
            const auto c = view.counters();
            QCOMPARE(c.vszKb, p.mm.totalVmPages(12) * 4);
            QCOMPARE(c.rssKb, p.mm.rss() * 4);
            QCOMPARE(c.rssAnonKb, p.mm.rssAnon * 4);
            QCOMPARE(c.minFlt, p.minFlt);
            QCOMPARE(c.ptPages, p.mm.ptPages);
        }
        view.selectProcess(m_child);
        QCOMPARE(view.counters().minFlt, 0u); // fork zeroes the child's fault counters
        QVERIFY(view.counters().rssAnonKb >= 2048); // it maps the parent's touched pages
    }

    void highlightsTheStepsVma_data()
    {
        QTest::addColumn<int>("type");
        QTest::addColumn<int>("kind"); // of the highlighted VMA, -1: none
        QTest::addColumn<bool>("address"); // an address marker
        QTest::newRow("mmap of the 100 MiB chunk") << int(EventType::MmapRegion) << int(VmaKind::Anon) << false;
        QTest::newRow("brk grows the heap") << int(EventType::BrkSet) << int(VmaKind::Heap) << true;
        QTest::newRow("page fault in the chunk") << int(EventType::PageFault) << int(VmaKind::Anon) << true;
        QTest::newRow("a fault on the stack at exec") << int(EventType::TlbFill) << int(VmaKind::Stack) << true;
    }
    void highlightsTheStepsVma()
    {
        QFETCH(int, type);
        QFETCH(int, kind);
        QFETCH(bool, address);
        const auto t = static_cast<EventType>(type);
        std::uint64_t from = 0;
        if (t == EventType::MmapRegion || t == EventType::PageFault) from = m_spawnEnd;
        const std::uint64_t n = after(*m_sim, t, from, m_parent);
        QVERIFY(n);
        ViewContext ctx;
        showAt(ctx, *m_sim, n, 0.5);
        ProcessView view(&ctx);
        view.resize(1280, 720);
        QCOMPARE(view.selectedPid(), m_parent);
        QVERIFY(view.isFollowing());
        const int h = view.highlightedVma();
        QVERIFY(h >= 0);
        QCOMPARE(int(view.vmaBoxes()[std::size_t(h)].kind), kind);
        QVERIFY(view.vmaBoxes()[std::size_t(h)].highlighted);
        QCOMPARE(view.eventAddress() != 0, address);
        if (address) {
            const auto& b = view.vmaBoxes()[std::size_t(h)];
            const std::uint64_t va = view.eventAddress();
            QVERIFY(t == EventType::BrkSet ? va <= b.end : (va >= b.start && va < b.end));
        }
        QVERIFY(!view.grab().isNull());
    }

    void munmapNamesAGoneRange()
    {
        auto sim = test::bootOwned(256 * MiB);
        const std::uint32_t pid = spawn(*sim, "cow");
        const std::uint64_t big = mallocIn(*sim, pid, 8 * MiB);
        const std::uint64_t from = sim->eventCount();
        Command f = vmCommand(CommandType::Free, pid);
        f.addr = big;
        QVERIFY(!sim->apply(f).error);
        const std::uint64_t n = after(*sim, EventType::MunmapRegion, from);
        QVERIFY(n);
        ViewContext ctx;
        showAt(ctx, *sim, n, 0.4);
        ProcessView view(&ctx);
        view.resize(1280, 720);
        QCOMPARE(view.highlightedVma(), -1); // the VMA is gone ...
        for (const auto& b : view.vmaBoxes()) QVERIFY(!(b.start <= big && b.end > big));
        QVERIFY(!view.grab().isNull()); // ... and its range is drawn as a dashed bracket
    }

    void clickPinsAProcess()
    {
        ViewContext ctx;
        showAt(ctx, *m_sim, m_forkEnd);
        ProcessView view(&ctx);
        view.resize(1280, 720);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QCOMPARE(view.selectedPid(), m_parent); // on the CPU
        const auto rows = view.treeRows();
        QCOMPARE(rows.size(), std::size_t(2));
        QCOMPARE(rows[1].pid, m_child);
        QTest::mouseClick(&view, Qt::LeftButton, {}, rows[1].rect.center().toPoint());
        QCOMPARE(view.selectedPid(), m_child);
        QVERIFY(!view.isFollowing());
        // Steps do not move a pinned view ...
        showAt(ctx, *m_sim, m_forkEnd - 1);
        QCOMPARE(view.selectedPid(), m_child);
        // ... until it follows again.
        view.followEvents();
        QCOMPARE(view.selectedPid(), m_parent);
        QVERIFY(view.isFollowing());
    }

    void emptyAndDeadStates()
    {
        ViewContext none;
        ProcessView empty(&none);
        empty.resize(800, 500);
        QCOMPARE(empty.selectedPid(), 0u);
        QVERIFY(empty.vmaBoxes().empty());
        QVERIFY(inkShare(empty.grab().toImage()) > 0.005);

        auto sim = test::bootOwned(256 * MiB);
        const std::uint32_t pid = spawn(*sim, "crash");
        touch(*sim, pid, 0x10, 1, true); // below mmap_min_addr: SIGSEGV
        ViewContext ctx;
        showAt(ctx, *sim, sim->eventCount());
        ProcessView view(&ctx);
        view.resize(1280, 720);
        QCOMPARE(view.selectedPid(), pid);
        QVERIFY(view.vmaBoxes().empty()); // exit_mmap() took every VMA
        QVERIFY(ProcessView::statusText(*ctx.machine().proc(pid)).contains(u"SIGSEGV"_s));
        QVERIFY(!view.grab().isNull());
    }

    void grabsAndScreenshots_data()
    {
        QTest::addColumn<QSize>("size");
        QTest::addColumn<int>("theme");
        QTest::addColumn<QString>("when");
        QTest::newRow("after fork 1280x720 light") << QSize(1280, 720) << int(Theme::Light) << u"fork"_s;
        QTest::newRow("after fork 1920x1080 light") << QSize(1920, 1080) << int(Theme::Light) << u"fork"_s;
        QTest::newRow("after fork 1280x720 dark") << QSize(1280, 720) << int(Theme::Dark) << u"fork"_s;
        QTest::newRow("after fork 800x500 light") << QSize(800, 500) << int(Theme::Light) << u"fork"_s;
        QTest::newRow("a fault 1280x720 light") << QSize(1280, 720) << int(Theme::Light) << u"fault"_s;
    }
    void grabsAndScreenshots()
    {
        QFETCH(QSize, size);
        QFETCH(int, theme);
        QFETCH(QString, when);
        Palette::setTheme(static_cast<Theme>(theme));
        ViewContext ctx;
        // The last step of the fork, or a fault in the 100 MiB chunk; mid-animation.
        const std::uint64_t n
            = when == u"fork"_s ? m_forkEnd : after(*m_sim, EventType::PageFault, m_mallocEnd, m_parent);
        showAt(ctx, *m_sim, n, 0.6);
        ProcessView view(&ctx);
        view.resize(size);
        const QImage img = view.grab().toImage();
        Palette::setTheme(Theme::Light);
        QVERIFY(!img.isNull());
        QVERIFY2(inkShare(img) > 0.08, qPrintable(QString::number(inkShare(img))));
        QVERIFY(colours(img) > 20);
        const QString dir = qEnvironmentVariable("MEMVIZ_SCREENSHOTS");
        if (!dir.isEmpty()) {
            QDir().mkpath(dir);
            const QString name = u"processview_%1_%2x%3%4.png"_s.arg(when)
                                     .arg(size.width())
                                     .arg(size.height())
                                     .arg(theme == int(Theme::Dark) ? u"_dark"_s : QString());
            QVERIFY(img.save(dir + u'/' + name));
        }
    }

private:
    std::unique_ptr<Simulator> m_sim;
    std::uint32_t m_parent = 0, m_child = 0;
    std::uint64_t m_buf = 0;
    std::uint64_t m_spawnEnd = 0, m_mallocEnd = 0, m_forkEnd = 0;
};

QTEST_MAIN(TestProcessView)
#include "tst_processview.moc"
