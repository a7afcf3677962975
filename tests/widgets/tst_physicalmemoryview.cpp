// PhysicalMemoryView: grid maths (FrameGridGeometry) as data rows, and the widget
// itself offscreen: painting into images and SVG, hit-testing, tooltips, the
// context menu, zooming and step-wise re-rendering; pages of processes in their
// owners' colours, their tooltips and the frames of virtual-memory steps.
//
// Set MEMVIZ_SCREENSHOTS=<dir> to save physview_processes_*.png (spawn, malloc,
// fork, one copy-on-write) for a human to look at.

#include "EventText.h"
#include "FrameMapRenderer.h"
#include "TestUtil.h"
#include "Palette.h"
#include "PhysicalMemoryView.h"
#include "ViewContext.h"
#include "alloc/KernelMap.h"
#include "sim/MachineConfig.h"
#include "sim/Simulator.h"
#include "util/Size.h"
#include "vm/VmOps.h"

#include <QAction>
#include <QBuffer>
#include <QDir>
#include <QMenu>
#include <QPainter>
#include <QSet>
#include <QSvgGenerator>
#include <QTest>

#include <memory>

using namespace memviz;
using Zoom = FrameGridGeometry::Zoom;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(Zoom)

namespace {

/// Shows the machine after `n` events in the context (a jump).
void showAt(ViewContext& ctx, const Simulator& sim, std::uint64_t n)
{
    ctx.setSimulator(&sim);
    ctx.setState(sim.stateAt(n ? n - 1 : 0), sim.stateAt(n), n);
}

int distinctColours(const QImage& img)
{
    QSet<QRgb> colours;
    for (int y = 0; y < img.height(); y += 2)
        for (int x = 0; x < img.width(); x += 2) colours.insert(img.pixel(x, y));
    return static_cast<int>(colours.size());
}

FrameGridGeometry geometry(qulonglong frames, int k, int cell, int columns, QPoint origin)
{
    FrameGridGeometry g;
    g.frames = frames;
    g.framesPerCell = k;
    g.cellPx = cell;
    g.columns = columns;
    g.origin = origin;
    return g;
}

} // namespace

class TestPhysicalMemoryView : public QObject {
    Q_OBJECT
private slots:
    // --- FrameGridGeometry ---------------------------------------------------------

    void pfnAt_data()
    {
        QTest::addColumn<qulonglong>("frames");
        QTest::addColumn<int>("framesPerCell");
        QTest::addColumn<int>("cellPx");
        QTest::addColumn<int>("columns");
        QTest::addColumn<QPoint>("origin");
        QTest::addColumn<QPoint>("pos");
        QTest::addColumn<qlonglong>("pfn"); // -1: nothing there
        QTest::newRow("1 px, first cell") << 16384ull << 1 << 1 << 1024 << QPoint(0, 0) << QPoint(0, 0) << 0ll;
        QTest::newRow("1 px, row 2 col 5") << 16384ull << 1 << 1 << 1024 << QPoint(0, 0) << QPoint(5, 2) << 2053ll;
        QTest::newRow("16 px, inside a cell") << 16384ull << 1 << 16 << 64 << QPoint(80, 30)
                                              << QPoint(80 + 3 * 16 + 15, 30 + 2 * 16) << 131ll;
        QTest::newRow("16 px, left of the grid") << 16384ull << 1 << 16 << 64 << QPoint(80, 30) << QPoint(79, 40)
                                                 << -1ll;
        QTest::newRow("16 px, right of the grid") << 16384ull << 1 << 16 << 64 << QPoint(80, 30)
                                                  << QPoint(80 + 64 * 16, 40) << -1ll;
        QTest::newRow("16 px, above the grid") << 16384ull << 1 << 16 << 64 << QPoint(80, 30) << QPoint(100, 29)
                                               << -1ll;
        QTest::newRow("48 px, scrolled") << 16384ull << 1 << 48 << 16 << QPoint(0, -480) << QPoint(47, 0) << 160ll;
        QTest::newRow("3 frames per pixel") << 2097152ull << 3 << 1 << 1024 << QPoint(0, 0) << QPoint(10, 1)
                                            << 3102ll;
        QTest::newRow("8 frames per pixel, offset")
            << 4194304ull << 8 << 1 << 1024 << QPoint(90, 40) << QPoint(90 + 1023, 40 + 511)
            << qlonglong((511 * 1024 + 1023) * 8);
        QTest::newRow("past the last frame") << 1000ull << 1 << 4 << 64 << QPoint(0, 0) << QPoint(4 * 40, 4 * 15)
                                             << -1ll;
        QTest::newRow("last frame") << 1000ull << 1 << 4 << 64 << QPoint(0, 0) << QPoint(4 * 39, 4 * 15) << 999ll;
    }
    void pfnAt()
    {
        QFETCH(qulonglong, frames);
        QFETCH(int, framesPerCell);
        QFETCH(int, cellPx);
        QFETCH(int, columns);
        QFETCH(QPoint, origin);
        QFETCH(QPoint, pos);
        QFETCH(qlonglong, pfn);
        const FrameGridGeometry g = geometry(frames, framesPerCell, cellPx, columns, origin);
        const auto got = g.pfnAt(pos);
        QCOMPARE(got.has_value(), pfn >= 0);
        if (got) {
            QCOMPARE(qlonglong(*got), pfn);
            QVERIFY(g.cellRect(*got).contains(pos)); // and back
        }
    }

    void cellRectRoundTrip_data()
    {
        QTest::addColumn<int>("framesPerCell");
        QTest::addColumn<int>("cellPx");
        QTest::addColumn<int>("columns");
        QTest::newRow("1 px") << 1 << 1 << 1024;
        QTest::newRow("5 px") << 1 << 5 << 128;
        QTest::newRow("48 px") << 1 << 48 << 16;
        QTest::newRow("3 per px") << 3 << 1 << 1024;
        QTest::newRow("12 per px") << 12 << 1 << 1280;
    }
    void cellRectRoundTrip()
    {
        QFETCH(int, framesPerCell);
        QFETCH(int, cellPx);
        QFETCH(int, columns);
        const FrameGridGeometry g = geometry(2097152, framesPerCell, cellPx, columns, QPoint(70, -1000));
        for (Pfn p : {Pfn(0), Pfn(1), Pfn(4095), Pfn(4096), Pfn(1048575), Pfn(2097151)}) {
            const QRect r = g.cellRect(p);
            QCOMPARE(r.size(), QSize(cellPx, cellPx));
            QCOMPARE(qulonglong(*g.pfnAt(r.center())), qulonglong(p - p % Pfn(framesPerCell)));
        }
    }

    void columnsFor_data()
    {
        QTest::addColumn<int>("framesPerCell");
        QTest::addColumn<int>("cellPx");
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("columns");
        QTest::newRow("1 px: whole order-10 blocks") << 1 << 1 << 1100 << 1024;
        QTest::newRow("1 px, wide") << 1 << 1 << 2500 << 2048;
        QTest::newRow("2 px: power of two") << 1 << 2 << 1100 << 512;
        QTest::newRow("5 px") << 1 << 5 << 100 << 16;
        QTest::newRow("16 px") << 1 << 16 << 1100 << 64;
        QTest::newRow("48 px") << 1 << 48 << 1100 << 16;
        QTest::newRow("2 per px: rows of 17 x 128 frames") << 2 << 1 << 1100 << 1088;
        QTest::newRow("3 per px: rows of 17 x 192 frames") << 3 << 1 << 1100 << 1088;
        QTest::newRow("3 per px: rows of order-10 blocks") << 3 << 1 << 1040 << 1024;
        QTest::newRow("4 per px, wide") << 4 << 1 << 1300 << 1280;
        QTest::newRow("3 per px, narrow: 97% of the width") << 3 << 1 << 500 << 496;
        QTest::newRow("2 per px, odd width") << 2 << 1 << 974 << 960;
        QTest::newRow("tiny width") << 1 << 48 << 10 << 1;
    }
    void columnsFor()
    {
        QFETCH(int, framesPerCell);
        QFETCH(int, cellPx);
        QFETCH(int, width);
        QFETCH(int, columns);
        const int got = FrameGridGeometry::columnsFor({framesPerCell, cellPx}, width);
        QCOMPARE(got, columns);
        QVERIFY(got * cellPx <= std::max(width, cellPx));
    }

    void fitZoom_data()
    {
        QTest::addColumn<qulonglong>("frames");
        QTest::addColumn<QSize>("area");
        QTest::addColumn<Zoom>("zoom");
        QTest::newRow("64 MiB in 1100x700") << 16384ull << QSize(1100, 700) << Zoom{1, 5};
        QTest::newRow("8 GiB in 1100x700") << 2097152ull << QSize(1100, 700) << Zoom{3, 1};
        QTest::newRow("16 GiB in 1100x700") << 4194304ull << QSize(1100, 700) << Zoom{6, 1};
        QTest::newRow("tiny machine, big area: 48 px max") << 64ull << QSize(1100, 700) << Zoom{1, 48};
    }
    void fitZoom()
    {
        QFETCH(qulonglong, frames);
        QFETCH(QSize, area);
        QFETCH(Zoom, zoom);
        const Zoom got = FrameGridGeometry::fitZoom(frames, area.width(), area.height());
        QCOMPARE(got.framesPerCell, zoom.framesPerCell);
        QCOMPARE(got.cellPx, zoom.cellPx);
        const FrameGridGeometry g = FrameGridGeometry::make(frames, got, area.width());
        QVERIFY(g.height() <= area.height());
        QVERIFY(g.width() <= area.width());
    }

    void zoomLadder()
    {
        Zoom z{6144, 1};
        double last = z.pixelsPerFrame();
        int steps = 0;
        for (Zoom n = FrameGridGeometry::zoomIn(z); !(n == z); z = n, n = FrameGridGeometry::zoomIn(z), ++steps) {
            QVERIFY(n.pixelsPerFrame() > last);
            last = n.pixelsPerFrame();
        }
        QCOMPARE(z.cellPx, FrameGridGeometry::kMaxCellPx);
        QVERIFY(steps > 20);
        // Off-ladder zooms (from fit) step to their neighbours.
        QCOMPARE(FrameGridGeometry::zoomIn({1, 7}).cellPx, 8);
        QCOMPARE(FrameGridGeometry::zoomOut({1, 7}).cellPx, 6);
        QCOMPARE(FrameGridGeometry::zoomOut({1, 1}).framesPerCell, 2);
    }

    void rangeRects_data()
    {
        QTest::addColumn<qulonglong>("first");
        QTest::addColumn<qulonglong>("last");
        QTest::addColumn<QList<QRect>>("rects");
        // 16 columns of 10 px, origin (0, 0).
        QTest::newRow("inside a row") << 3ull << 5ull << QList<QRect>{QRect(30, 0, 20, 10)};
        QTest::newRow("two full rows") << 16ull << 48ull << QList<QRect>{QRect(0, 10, 160, 20)};
        QTest::newRow("partial, full, partial")
            << 8ull << 40ull << QList<QRect>{QRect(80, 0, 80, 10), QRect(0, 10, 160, 10), QRect(0, 20, 80, 10)};
        QTest::newRow("end of a row into the next") << 14ull << 18ull
                                                    << QList<QRect>{QRect(140, 0, 20, 10), QRect(0, 10, 20, 10)};
        QTest::newRow("empty") << 5ull << 5ull << QList<QRect>{};
    }
    void rangeRects()
    {
        QFETCH(qulonglong, first);
        QFETCH(qulonglong, last);
        QFETCH(QList<QRect>, rects);
        const FrameGridGeometry g = geometry(1000, 1, 10, 16, QPoint(0, 0));
        const auto got = g.rangeRects(first, last);
        QCOMPARE(QList<QRect>(got.begin(), got.end()), rects);
    }

    // --- the widget ----------------------------------------------------------------

    void initTestCase()
    {
        m_sim8g = test::bootOwned(0, "seed-8g");
        QVERIFY(m_sim8g);
        for (int order : {0, 3, 5, 9, 2, 10}) QVERIFY(m_sim8g->apply(Command::allocPages(order)).pfn);
        m_small = test::bootOwned(64 * MiB);
        QVERIFY(m_small);
        m_block = *m_small->apply(Command::allocPages(2)).pfn;

        // Processes: spawn, malloc, touch 8 MiB, fork, the child writes one page (a copy).
        m_procs = test::bootOwned(128 * MiB);
        Command sp = vmCommand(CommandType::Spawn, 0);
        sp.text = "cow";
        const auto pid = static_cast<std::uint32_t>(m_procs->apply(sp).value);
        QCOMPARE(pid, 1000u);
        Command mc = vmCommand(CommandType::Malloc, pid);
        mc.len = 100 * MiB;
        const std::uint64_t buf = m_procs->apply(mc).value;
        Command touch = vmCommand(CommandType::Access, pid);
        touch.addr = buf;
        touch.len = 8 * MiB;
        touch.write = true;
        QVERIFY(!m_procs->apply(touch).error);
        const auto child = static_cast<std::uint32_t>(m_procs->apply(vmCommand(CommandType::Fork, pid)).value);
        QCOMPARE(child, 1001u);
        touch.pid = child;
        touch.len = 1;
        QVERIFY(!m_procs->apply(touch).error);
        m_childCopy = vm::translate(m_procs->current(), child, buf).paddr >> 12;

        // The kernel's own memory: a cache of its own grown and shrunk again, a large
        // kmalloc, a vmalloc area that stays.
        m_kmem = test::bootOwned(128 * MiB);
        Command cc = vmCommand(CommandType::KmemCacheCreate, 0);
        cc.text = "test_obj";
        cc.len = 200;
        const std::uint64_t cache = m_kmem->apply(cc).value;
        Command ca = vmCommand(CommandType::KmemCacheAlloc, 0);
        ca.pfn = cache;
        Command cf = vmCommand(CommandType::KmemCacheFree, 0);
        cf.pfn = cache;
        cf.addr = m_kmem->apply(ca).value;
        QVERIFY(cf.addr);
        QVERIFY(!m_kmem->apply(cf).error);
        Command cs = vmCommand(CommandType::KmemCacheShrink, 0);
        cs.pfn = cache;
        QCOMPARE(m_kmem->apply(cs).value, 1ull);
        Command km = vmCommand(CommandType::Kmalloc, 0);
        km.len = 20000;
        QVERIFY(m_kmem->apply(km).value);
        km.len = 100;
        QVERIFY(m_kmem->apply(km).value); // kmalloc-128 gets a slab
        Command vm = vmCommand(CommandType::Vmalloc, 0);
        vm.len = 3 * 4096;
        m_vmalloc = m_kmem->apply(vm).value;
        QVERIFY(m_vmalloc);
    }

    void rendersOffscreen()
    {
        ViewContext ctx;
        showAt(ctx, *m_sim8g, m_sim8g->eventCount());
        PhysicalMemoryView view(&ctx);
        view.resize(1000, 700);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QVERIFY(view.isFit());
        QVERIFY(view.geometry().framesPerCell > 1); // 2 Mi frames: many per pixel
        const QImage img = view.grab().toImage();
        QCOMPARE(img.size(), QSize(1000, 700) * img.devicePixelRatio());
        QVERIFY2(distinctColours(img) >= 12, qPrintable(QString::number(distinctColours(img))));
    }

    void rendersIntoImageAndSvg()
    {
        ViewContext ctx;
        showAt(ctx, *m_small, m_small->eventCount());
        PhysicalMemoryView view(&ctx); // never shown: render() must lay it out itself
        view.resize(900, 600);
        QImage img(view.size(), QImage::Format_ARGB32);
        img.fill(Qt::transparent);
        view.render(&img);
        QVERIFY(distinctColours(img) >= 12);

        QBuffer svg;
        svg.open(QIODevice::WriteOnly);
        QSvgGenerator gen;
        gen.setOutputDevice(&svg);
        gen.setSize(view.size());
        gen.setViewBox(QRect(QPoint(0, 0), view.size()));
        QPainter p(&gen);
        view.render(&p);
        p.end();
        const QByteArray text = svg.data();
        QVERIFY(text.contains("<image"));
        QVERIFY(text.contains("DMA32"));
        QVERIFY(text.size() > 10000);
    }

    void clickSelectsFrame_data()
    {
        QTest::addColumn<Zoom>("zoom");
        QTest::addColumn<qulonglong>("pfn");
        QTest::newRow("16 px") << Zoom{1, 16} << 4100ull;
        QTest::newRow("48 px") << Zoom{1, 48} << 37ull;
        QTest::newRow("2 px") << Zoom{1, 2} << 16000ull;
    }
    void clickSelectsFrame()
    {
        QFETCH(Zoom, zoom);
        QFETCH(qulonglong, pfn);
        ViewContext ctx;
        showAt(ctx, *m_small, m_small->eventCount());
        PhysicalMemoryView view(&ctx);
        view.resize(900, 600);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setZoom(zoom);
        QCOMPARE(view.geometry().cellPx, zoom.cellPx);
        ctx.setSelectedFrame(pfn); // scrolls it into view
        const QRect cell = view.geometry().cellRect(pfn);
        QVERIFY(view.viewport()->rect().contains(cell.center()));
        ctx.setSelectedFrame(std::nullopt);
        QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, cell.center());
        QCOMPARE(ctx.selectedFrame().value_or(~0ull), pfn);
    }

    void clicksOutsideTheGridSelectNothing()
    {
        ViewContext ctx;
        showAt(ctx, *m_small, m_small->eventCount());
        PhysicalMemoryView view(&ctx);
        view.resize(900, 600);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setZoom({1, 16});
        ctx.setSelectedFrame(12000); // scrolled: rows now pass under the header
        QVERIFY(view.geometry().origin.y() < 0);
        const int x = view.geometry().origin.x() + 5;
        for (const QPoint at : {QPoint(x, 3), QPoint(3, 300), QPoint(view.viewport()->width() - 3, 300)}) {
            QVERIFY(!view.frameAt(at));
            QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, at);
            QCOMPARE(ctx.selectedFrame().value_or(0), Pfn(12000));
        }
    }

    void clickAtManyFramesPerPixelPicksTheInterestingOne()
    {
        auto sim = test::bootOwned(8 * GiB);
        const Pfn p = *sim->apply(Command::allocPages(0)).pfn;
        ViewContext ctx;
        showAt(ctx, *sim, sim->eventCount());
        PhysicalMemoryView view(&ctx);
        view.resize(1000, 700);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const int k = view.geometry().framesPerCell;
        QVERIFY(k > 1);
        view.frameMap();
        const QPoint at = view.geometry().cellRect(p).center();
        QCOMPARE(qulonglong(view.frameAt(at).value_or(0)), qulonglong(p));
    }

    void toolTipNamesTheFrame()
    {
        ViewContext ctx;
        showAt(ctx, *m_small, m_small->eventCount());
        PhysicalMemoryView view(&ctx);
        const QString tip = view.toolTipForFrame(m_block + 1);
        QVERIFY2(tip.contains(QString::number(m_block + 1)), qPrintable(tip));
        QVERIFY(tip.contains(QStringLiteral("0x") + QString::number(m_block + 1, 16)));
        QVERIFY(tip.contains(QStringLiteral("0x") + QString::number((m_block + 1) * 4096, 16))); // physical address
        QVERIFY(tip.contains(QStringLiteral("DMA32")));
        QVERIFY(tip.contains(QString::number(m_block))); // the head
        QVERIFY(tip.contains(QStringLiteral("order 2")));
        QVERIFY(view.toolTipForFrame(1).contains(QStringLiteral("DMA")));
        QVERIFY(view.toolTipForFrame(10'000'000).isEmpty());
    }

    // --- pages of processes -----------------------------------------------------------

    void ownerToolTips_data()
    {
        QTest::addColumn<int>("state"); // FrameState, or -1 for the zero page
        QTest::addColumn<QStringList>("needles");
        QTest::newRow("anonymous page shared after fork")
            << int(FrameState::Anon) << QStringList{u"anonymous page of process 1000 (cow)"_s, u"mapcount 2"_s,
                                                    u"copy-on-write"_s};
        QTest::newRow("page table")
            << int(FrameState::PageTable) << QStringList{u"page table of process"_s, u"Level:"_s};
        QTest::newRow("page cache") << int(FrameState::File)
                                    << QStringList{u"page cache of /"_s, u"Page "_s, u"Mapped by"_s,
                                                   u"offset 0x"_s};
        QTest::newRow("zero page") << -1 << QStringList{u"shared zero page"_s, u"empty_zero_page"_s};
        // The kernel's side of the two processes: their task_structs (one 9856-byte object per
        // order-2 slab under SLAB) and kernel stacks.
        QTest::newRow("slab") << int(FrameState::Slab)
                              << QStringList{u"slab of the cache task_struct"_s, u"Objects in use: 1 of 1"_s,
                                             u"9856 bytes each"_s, u"List: slabs_full"_s,
                                             u"Kernel address 0xffff888"_s, u"Block: head pfn"_s};
        QTest::newRow("kernel stack") << int(FrameState::KernelStack)
                                      << QStringList{u"kernel stack of process 100"_s,
                                                     u"Kernel address 0xffffc9"_s, u"(vmalloc area)"_s};
    }
    void ownerToolTips()
    {
        QFETCH(int, state);
        QFETCH(QStringList, needles);
        ViewContext ctx;
        showAt(ctx, *m_procs, m_procs->eventCount());
        PhysicalMemoryView view(&ctx);
        const Machine& m = ctx.machine();
        Pfn pfn = m.zeroPfn;
        if (state >= 0) {
            pfn = ~Pfn(0);
            for (Pfn p = 0; p < m.frames.size() && pfn == ~Pfn(0); ++p) {
                if (m.frames.state(p) != static_cast<FrameState>(state)) continue;
                // The shared anonymous pages: the ones the parent touched before fork.
                if (state == int(FrameState::Anon) && m.frames.count(p) != 2) continue;
                if (state == int(FrameState::File) && m.frames.count(p) == 0) continue;
                pfn = p;
            }
            QVERIFY(pfn != ~Pfn(0));
        }
        const QString tip = view.toolTipForFrame(pfn);
        for (const QString& n : needles) QVERIFY2(tip.contains(n), qPrintable(tip));
        QVERIFY(!tip.contains(u"reserved at boot"_s));
    }

    void kernelMemoryToolTipsAndLegend()
    {
        ViewContext ctx;
        showAt(ctx, *m_kmem, m_kmem->eventCount());
        PhysicalMemoryView view(&ctx);
        const Machine& m = ctx.machine();
        // The vmalloc area's second page: its frame names the area and its address.
        const Pfn page = kmem::kernelVirtToPfn(m, m_vmalloc + 4096);
        QVERIFY(page < m.frames.size());
        QCOMPARE(m.frames.state(page), FrameState::Vmalloc);
        QString tip = view.toolTipForFrame(page);
        for (const QString& n : {u"page 1 of the vmalloc area"_s, EventText::hex(m_vmalloc), u"vmalloc(12288)"_s,
                 QString(u"Kernel address "_s + EventText::hex(m_vmalloc + 4096))})
            QVERIFY2(tip.contains(n), qPrintable(QString(n + u" not in: "_s + tip)));
        QVERIFY(!tip.contains(u"reserved at boot"_s));
        // A large kmalloc: an order-3 block allocated by the kernel, named as such.
        Pfn large = ~Pfn(0);
        for (Pfn p = 0; p < m.frames.size() && large == ~Pfn(0); ++p)
            if (m.frames.state(p) == FrameState::Kernel && m.frames.priv(p) == kKmallocLargePriv) large = p;
        QVERIFY(large != ~Pfn(0));
        tip = view.toolTipForFrame(large + 1);
        QVERIFY2(tip.contains(u"large kmalloc()"_s) && tip.contains(u"order 3"_s), qPrintable(tip));
        // The legend lists the kernel's states once they hold frames.
        view.resize(1280, 900);
        QBuffer svg;
        svg.open(QIODevice::WriteOnly);
        QSvgGenerator gen;
        gen.setOutputDevice(&svg);
        gen.setSize(view.size());
        gen.setViewBox(QRect(QPoint(0, 0), view.size()));
        QPainter p(&gen);
        view.render(&p);
        p.end();
        for (const char* needle : {"Slab (kmalloc, kmem_cache)", "vmalloc area page", "Kernel stack"})
            QVERIFY2(svg.data().contains(needle), needle);
    }

    void ownerColoursAndLegend()
    {
        ViewContext ctx;
        showAt(ctx, *m_procs, m_procs->eventCount());
        PhysicalMemoryView view(&ctx);
        view.resize(1280, 720);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const QImage& map = view.frameMap();
        const Machine& m = ctx.machine();
        // Every frame of a process is painted in its owner's colour.
        int seen = 0;
        for (Pfn p = 0; p < m.frames.size(); ++p) {
            const FrameState s = m.frames.state(p);
            if (s != FrameState::Anon && s != FrameState::PageTable) continue;
            const QColor want
                = s == FrameState::Anon ? Palette::process(m.frames.priv(p)) : Palette::pageTable(m.frames.priv(p));
            QCOMPARE(map.color(map.pixelIndex(int(p % Pfn(map.width())), int(p / Pfn(map.width())))), want.rgb());
            ++seen;
        }
        QVERIFY(seen > 500);
        // The legend lists both processes and the new states (rendered text in an SVG).
        QBuffer svg;
        svg.open(QIODevice::WriteOnly);
        QSvgGenerator gen;
        gen.setOutputDevice(&svg);
        gen.setSize(view.size());
        gen.setViewBox(QRect(QPoint(0, 0), view.size()));
        QPainter p(&gen);
        view.render(&p);
        p.end();
        const QByteArray text = svg.data();
        for (const char* needle : {"Processes", "1000 cow", "1001 cow", "Page cache, mapped", "Shared zero page"})
            QVERIFY2(text.contains(needle), needle);
        const QString dir = qEnvironmentVariable("MEMVIZ_SCREENSHOTS");
        if (!dir.isEmpty()) {
            QDir().mkpath(dir);
            for (const QSize size : {QSize(1280, 720), QSize(1920, 1080)}) {
                view.resize(size);
                QVERIFY(view.grab().save(dir + u"/physview_processes_%1x%2.png"_s.arg(size.width()).arg(size.height())));
            }
            Palette::setTheme(Theme::Dark);
            view.resize(1280, 720);
            QVERIFY(view.grab().save(dir + u"/physview_processes_1280x720_dark.png"_s));
            Palette::setTheme(Theme::Light);
            // Zoomed in on the child's copies.
            view.resize(1280, 720);
            view.setZoom({1, 24});
            ctx.setSelectedFrame(m_childCopy);
            QVERIFY(view.grab().save(dir + u"/physview_processes_zoom_1280x720.png"_s));
        }
    }

    void vmStepsReRenderWhatChanged()
    {
        // Page-table pages, mapcounts (page cache mapped or not) and owners change
        // through the steps of a fork: the step-wise map must equal a full render.
        auto sim = test::bootOwned(64 * MiB);
        Command sp = vmCommand(CommandType::Spawn, 0);
        sp.text = "cow";
        const auto pid = static_cast<std::uint32_t>(sim->apply(sp).value);
        const std::uint64_t from = sim->eventCount();
        QVERIFY(sim->apply(vmCommand(CommandType::Fork, pid)).value);
        ViewContext ctx;
        ctx.setSimulator(sim.get());
        const auto [b0, a0] = sim->stepAt(from);
        ctx.setState(b0, a0, from);
        PhysicalMemoryView view(&ctx);
        view.resize(900, 600);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.frameMap();
        int steps = 0;
        for (std::uint64_t n = from + 2; n <= sim->eventCount(); n += 3, ++steps) {
            // A jump to n - 1 (full render), then the one-event step to n (only changed chunks).
            const auto [b1, a1] = sim->stepAt(n - 1);
            ctx.setState(b1, a1, n - 1);
            view.frameMap();
            const auto [before, after] = sim->stepAt(n);
            ctx.setState(before, after, n);
            const QImage stepped = view.frameMap();
            FrameMapRenderer full;
            full.setColumns(stepped.width());
            full.renderAll(ctx.machine());
            QCOMPARE(stepped, full.image());
        }
        QVERIFY(steps > 20);
    }

    void highlightsVmSteps_data()
    {
        QTest::addColumn<int>("type");
        QTest::addColumn<bool>("kernel"); // from the kernel-memory run
        QTest::newRow("a frame gets its use") << int(EventType::FrameOwner) << false;
        QTest::newRow("page cache fill") << int(EventType::PageCacheAdd) << false;
        QTest::newRow("copy on write") << int(EventType::CowCopy) << false;
        QTest::newRow("an entry is written") << int(EventType::PteSet) << false;
        QTest::newRow("a slab cache grows") << int(EventType::SlabGrow) << true;
        QTest::newRow("an empty slab goes") << int(EventType::SlabShrink) << true;
        QTest::newRow("a large kmalloc") << int(EventType::Kmalloc) << true;
        QTest::newRow("a vmalloc page is mapped") << int(EventType::Vmalloc) << true;
        QTest::newRow("a kernel stack page is mapped") << int(EventType::Vmalloc) << false;
    }
    void highlightsVmSteps()
    {
        QFETCH(int, type);
        QFETCH(bool, kernel);
        const Simulator& sim = kernel ? *m_kmem : *m_procs;
        const auto t = static_cast<EventType>(type);
        std::uint64_t n = 0;
        for (std::uint64_t i = 0; i < sim.eventCount() && !n; ++i) {
            const Event& e = sim.events()[i];
            if (e.type != t) continue;
            // A leaf entry that maps a frame (not a table's own entry, not a clear).
            if (t == EventType::PteSet && !(sim.config().arch.entry.present(e.b) && e.order == 3)) continue;
            // Steps with frames: a page mapped (not the area reserved), a large kmalloc, a slab given back.
            if (t == EventType::Vmalloc && e.order != static_cast<std::uint8_t>(VmallocOp::Map)) continue;
            if (t == EventType::Kmalloc && e.c != kNoCache) continue;
            if (t == EventType::SlabShrink && (e.flags & kSlabDeactivate)) continue;
            n = i + 1;
        }
        QVERIFY(n);
        const Event& e = sim.events()[n - 1];
        const EntryFormat& fmt = sim.config().arch.entry;
        const Pfn target = t == EventType::CowCopy ? e.b : t == EventType::PteSet ? fmt.pfn(e.b) : e.pfn;
        ViewContext ctx;
        showAt(ctx, sim, n);
        PhysicalMemoryView view(&ctx);
        view.resize(900, 600);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setZoom({1, 16});
        ctx.setSelectedFrame(target); // scrolls it into view
        ctx.setSelectedFrame(std::nullopt);
        ctx.setProgress(1.0);
        const QImage img = view.viewport()->grab().toImage();
        const QRect cell = view.geometry().cellRect(target);
        const QColor hl = Palette::highlight();
        const qreal dpr = img.devicePixelRatio();
        int hits = 0;
        for (int dx = -4; dx <= 1; ++dx) {
            const QColor c = img.pixelColor(QPoint(cell.left() + dx, cell.center().y()) * dpr);
            if (std::abs(c.red() - hl.red()) < 40 && std::abs(c.green() - hl.green()) < 40
                && std::abs(c.blue() - hl.blue()) < 40)
                ++hits;
        }
        QVERIFY2(hits > 0, qPrintable(u"no highlight at pfn %1"_s.arg(target)));
    }

    void contextMenuFreesAllocatedBlock()
    {
        ViewContext ctx;
        showAt(ctx, *m_small, m_small->eventCount());
        PhysicalMemoryView view(&ctx);
        std::vector<Command> requested;
        connect(&ctx, &ViewContext::commandRequested, this, [&](const Command& c) { requested.push_back(c); });
        QMenu menu;
        view.populateContextMenu(&menu, m_block + 3); // a tail frame: the block is freed by its head
        auto* free = menu.findChild<QAction*>(QStringLiteral("freeBlock"));
        QVERIFY(free);
        QVERIFY(free->text().contains(QStringLiteral("order 2")));
        free->trigger();
        QCOMPARE(requested.size(), std::size_t(1));
        QCOMPARE(requested[0].type, CommandType::FreePages);
        QCOMPARE(qulonglong(requested[0].pfn), qulonglong(m_block));
        QCOMPARE(requested[0].order, 2);
    }

    void contextMenuOnFreeBlockIsHarmless_data()
    {
        QTest::addColumn<qulonglong>("pfn");
        QTest::newRow("free block") << qulonglong(m_block + 4);
        QTest::newRow("kernel image") << 4096ull;
        QTest::newRow("hole") << 0ull;
    }
    void contextMenuOnFreeBlockIsHarmless()
    {
        QFETCH(qulonglong, pfn);
        ViewContext ctx;
        showAt(ctx, *m_small, m_small->eventCount());
        PhysicalMemoryView view(&ctx);
        int requested = 0;
        connect(&ctx, &ViewContext::commandRequested, this, [&] { ++requested; });
        QMenu menu;
        view.populateContextMenu(&menu, pfn);
        QVERIFY(!menu.findChild<QAction*>(QStringLiteral("freeBlock")));
        for (QAction* a : menu.actions())
            if (a->isEnabled() && !a->isSeparator()) a->trigger();
        QCOMPARE(requested, 0);
    }

    void stepsReRenderWhatChanged()
    {
        auto sim = test::bootOwned(64 * MiB);
        ViewContext ctx;
        ctx.setSimulator(sim.get());
        ctx.setState(sim->current(), sim->current(), 0);
        PhysicalMemoryView view(&ctx);
        view.resize(900, 600);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.frameMap();
        const Pfn p = *sim->apply(Command::allocPages(4)).pfn;
        sim->apply(Command::allocPages(0));
        sim->apply(Command::freePages(p, 4));
        for (std::uint64_t n = 1; n <= sim->eventCount(); ++n) {
            ctx.setState(sim->stateAt(n - 1), sim->stateAt(n), n); // one-event steps
            ctx.setProgress(0.5);
            const QImage stepped = view.frameMap();
            FrameMapRenderer full;
            full.setColumns(view.frameMap().width());
            full.renderAll(ctx.machine());
            QCOMPARE(stepped, full.image());
            QVERIFY(!view.grab().isNull()); // paints mid-animation
        }
    }

    void highlightsTheCurrentStep()
    {
        auto sim = test::bootOwned(64 * MiB);
        const CommandResult res = sim->apply(Command::allocPages(3));
        ViewContext ctx;
        showAt(ctx, *sim, res.endEvent - 1); // ends with BuddyAlloc? find it
        std::uint64_t alloc = 0;
        for (std::uint64_t n = 0; n < sim->eventCount(); ++n)
            if (sim->events()[n].type == EventType::BuddyAlloc) alloc = n + 1;
        QVERIFY(alloc > 0);
        showAt(ctx, *sim, alloc);
        QCOMPARE(ctx.currentEvent()->type, EventType::BuddyAlloc);
        PhysicalMemoryView view(&ctx);
        view.resize(900, 600);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setZoom({1, 16});
        ctx.setSelectedFrame(*res.pfn); // brings the block into view
        ctx.setSelectedFrame(std::nullopt);
        ctx.setProgress(1.0);
        const QImage img = view.viewport()->grab().toImage();
        const QRect block = view.geometry().rangeRects(*res.pfn, *res.pfn + 8).front();
        const QColor hl = Palette::highlight();
        int hits = 0;
        const qreal dpr = img.devicePixelRatio();
        for (int dx = -3; dx <= 1; ++dx) {
            const QColor c = img.pixelColor(QPoint(block.left() + dx, block.center().y()) * dpr);
            if (std::abs(c.red() - hl.red()) < 40 && std::abs(c.green() - hl.green()) < 40
                && std::abs(c.blue() - hl.blue()) < 40)
                ++hits;
        }
        QVERIFY2(hits > 0, "no highlight outline at the block's left edge");
    }

    void zoomKeysAndWheel()
    {
        ViewContext ctx;
        showAt(ctx, *m_small, m_small->eventCount());
        PhysicalMemoryView view(&ctx);
        view.resize(900, 600);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const double fit = view.geometry().cellPx / double(view.geometry().framesPerCell);
        QTest::keyClick(&view, Qt::Key_Plus);
        QVERIFY(!view.isFit());
        QVERIFY(view.geometry().cellPx / double(view.geometry().framesPerCell) > fit);
        QTest::keyClick(&view, Qt::Key_Minus);
        QTest::keyClick(&view, Qt::Key_Minus);
        QVERIFY(view.geometry().cellPx / double(view.geometry().framesPerCell) < fit);
        QTest::keyClick(&view, Qt::Key_0);
        QVERIFY(view.isFit());
        const QPoint at = view.viewport()->rect().center();
        QWheelEvent wheel(at, view.viewport()->mapToGlobal(at), {}, QPoint(0, 120), Qt::NoButton, Qt::ControlModifier,
                          Qt::NoScrollPhase, false);
        QCoreApplication::sendEvent(view.viewport(), &wheel);
        QVERIFY(!view.isFit());
        QVERIFY(view.geometry().cellPx / double(view.geometry().framesPerCell) > fit);
    }

    void themeAndLanguageChanges()
    {
        ViewContext ctx;
        showAt(ctx, *m_small, m_small->eventCount());
        PhysicalMemoryView view(&ctx);
        view.resize(800, 560);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        Palette::setTheme(Theme::Dark);
        QImage dark = view.viewport()->grab().toImage();
        QCOMPARE(dark.pixelColor(dark.width() / 2, dark.height() - 2), Palette::background());
        QVERIFY(distinctColours(dark) >= 10);
        Palette::setTheme(Theme::Light);
        QEvent change(QEvent::LanguageChange);
        QCoreApplication::sendEvent(&view, &change);
        QImage light = view.viewport()->grab().toImage();
        QVERIFY(distinctColours(light) >= 10);
        QVERIFY(light != dark);
    }

    void sizeHintAndEmptyMachine()
    {
        ViewContext ctx; // no machine yet
        PhysicalMemoryView view(&ctx);
        QCOMPARE(view.sizeHint(), QSize(640, 480));
        view.resize(view.sizeHint());
        const QImage img = view.grab().toImage();
        QVERIFY(!img.isNull());
        QVERIFY(view.toolTipForFrame(0).isEmpty());
    }

private:
    std::unique_ptr<Simulator> m_sim8g;
    std::unique_ptr<Simulator> m_small;
    std::unique_ptr<Simulator> m_procs;
    std::unique_ptr<Simulator> m_kmem;
    std::uint64_t m_vmalloc = 0;
    Pfn m_block = 0;
    Pfn m_childCopy = 0;
};

QTEST_MAIN(TestPhysicalMemoryView)
#include "tst_physicalmemoryview.moc"
