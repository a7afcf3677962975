// FrameMapRenderer: one pixel per frame through Palette's colour table, head walking,
// owner colours (processes, page tables, page cache, the zero page), partial
// re-rendering and max-downsampling.

#include "FrameMapRenderer.h"
#include "TestUtil.h"
#include "Palette.h"
#include "sim/Command.h"
#include "sim/Machine.h"
#include "sim/MachineConfig.h"
#include "sim/Simulator.h"
#include "util/Size.h"

#include <QScopeGuard>
#include <QTest>

#include <cstring>
#include <memory>

using namespace memviz;

namespace {

int pixel(const FrameMapRenderer& r, Pfn p) { return r.image().pixelIndex(r.columnOf(p), r.rowOf(p)); }

/// The index a frame should have, worked out independently of the renderer.
int indexOf(const Machine& m, Pfn p)
{
    if (p == m.zeroPfn) return Palette::kZeroPageIndex;
    const Pfn h = m.frames.headOf(p);
    const FrameState s = m.frames.state(h);
    if (s == FrameState::Anon) return Palette::kAnonIndex + Palette::processSlot(m.frames.priv(h));
    if (s == FrameState::PageTable) return Palette::kPageTableIndex + Palette::processSlot(m.frames.priv(h));
    if (s == FrameState::File) return Palette::kFileIndex + (m.frames.count(h) ? 1 : 0);
    const std::uint8_t z = m.zoneOf(p);
    return Palette::frameIndex(z == kNoZone ? Palette::kNoZoneSlot : static_cast<int>(m.zones[z].type), s);
}

/// The frames an event may have changed.
std::pair<Pfn, Pfn> touched(const Event& e)
{
    const Pfn size = Pfn(1) << e.order;
    if (e.type == EventType::BuddyMerge) return {e.b, e.b + 2 * size};
    return {e.pfn, e.pfn + size};
}

} // namespace

class TestFrameMapRenderer : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        m_sim = test::bootOwned(64 * MiB);
        QVERIFY(m_sim);
        QCOMPARE(m_sim->current().frames.size(), Pfn(16384));
    }

    void colourIndicesRankStates()
    {
        for (int slot = 0; slot < Palette::kZoneSlots; ++slot) {
            QVERIFY(Palette::frameIndex(slot, FrameState::Kernel) > Palette::frameIndex(slot, FrameState::Free));
            QVERIFY(Palette::frameIndex(slot, FrameState::InHand) > Palette::frameIndex(slot, FrameState::Kernel));
            QVERIFY(Palette::frameIndex(slot, FrameState::Free) > Palette::frameIndex(slot, FrameState::Hole));
            for (int s = 1; s < static_cast<int>(FrameState::Count); ++s) {
                const auto st = static_cast<FrameState>(s);
                const int i = Palette::frameIndex(slot, st);
                QVERIFY(i >= 1 && i < Palette::kFrameIndexCount);
                QCOMPARE(Palette::stateOfIndex(i), st);
                // Owner states have no zone: their colour is the owner's.
                QCOMPARE(Palette::zoneSlotOfIndex(i), Palette::isOwnerState(st) ? -1 : slot);
            }
        }
        QCOMPARE(Palette::frameColourTable().size(), Palette::kFrameIndexCount);
    }

    void ownerIndices_data()
    {
        QTest::addColumn<int>("state");
        QTest::addColumn<uint>("priv");
        QTest::addColumn<int>("count");
        QTest::addColumn<int>("ownerSlot");
        QTest::newRow("anon of the first pid") << int(FrameState::Anon) << 1000u << 1 << 0;
        QTest::newRow("anon of the next pid") << int(FrameState::Anon) << 1001u << 2 << 1;
        QTest::newRow("anon, 12 pids later: same slot") << int(FrameState::Anon) << 1012u << 1 << 0;
        QTest::newRow("anon of a low pid") << int(FrameState::Anon) << 5u << 1 << 5 + 12 - 1000 % 12;
        QTest::newRow("page table of 1003") << int(FrameState::PageTable) << 1003u << 0 << 3;
        QTest::newRow("page cache, not mapped") << int(FrameState::File) << 7u << 0 << 0;
        QTest::newRow("page cache, mapped twice") << int(FrameState::File) << 7u << 2 << 1;
    }
    void ownerIndices()
    {
        QFETCH(int, state);
        QFETCH(uint, priv);
        QFETCH(int, count);
        QFETCH(int, ownerSlot);
        const auto st = static_cast<FrameState>(state);
        const int i = Palette::ownerIndex(st, priv, static_cast<std::uint16_t>(count));
        QCOMPARE(Palette::stateOfIndex(i), st);
        QCOMPARE(Palette::ownerSlotOfIndex(i), ownerSlot % Palette::kProcessSlots);
        QCOMPARE(Palette::zoneSlotOfIndex(i), -1);
        // Ranked above every zone-coloured state but below the allocator's hands.
        QVERIFY(i > Palette::frameIndex(Palette::kNoZoneSlot, FrameState::Kernel));
        QVERIFY(i < Palette::frameIndex(0, FrameState::InHand));
        const QList<QRgb> table = Palette::frameColourTable();
        if (st == FrameState::Anon) QCOMPARE(table[i], Palette::process(priv).rgb());
        if (st == FrameState::PageTable) QCOMPARE(table[i], Palette::pageTable(priv).rgb());
        if (st == FrameState::File) QCOMPARE(table[i], Palette::pageCache(count > 0).rgb());
    }

    void processHuesAreDistinctAndReadable_data()
    {
        QTest::addColumn<int>("theme");
        QTest::newRow("light") << int(Theme::Light);
        QTest::newRow("dark") << int(Theme::Dark);
    }
    void processHuesAreDistinctAndReadable()
    {
        QFETCH(int, theme);
        Palette::setTheme(static_cast<Theme>(theme));
        const auto restore = qScopeGuard([] { Palette::setTheme(Theme::Light); });
        auto distance = [](const QColor& a, const QColor& b) {
            return std::abs(a.red() - b.red()) + std::abs(a.green() - b.green()) + std::abs(a.blue() - b.blue());
        };
        auto luminance = [](const QColor& c) { return 0.2126 * c.redF() + 0.7152 * c.greenF() + 0.0722 * c.blueF(); };
        const QColor bg = Palette::background();
        for (std::uint32_t pid = 1000; pid < 1000 + Palette::kProcessSlots; ++pid) {
            const QColor a = Palette::process(pid), t = Palette::pageTable(pid);
            // Consecutive pids (parent and child) far apart; every hue apart from the highlight.
            QVERIFY2(distance(a, Palette::process(pid + 1)) > 120, qPrintable(QString::number(pid)));
            QVERIFY(distance(a, Palette::highlight()) > 90);
            QVERIFY(distance(a, bg) > 150);
            QVERIFY(distance(t, bg) > 90);
            // Page tables are the darker shade of the same process.
            QVERIFY(luminance(t) < luminance(a));
            QCOMPARE(Palette::process(pid + Palette::kProcessSlots), a);
        }
        QVERIFY(distance(Palette::zeroPage(), Palette::pageCache(true)) > 150);
        QVERIFY(distance(Palette::pageCache(true), Palette::pageCache(false)) > 60);
    }

    void processPagesTakeTheirOwnersColour()
    {
        auto sim = test::bootOwned(64 * MiB);
        Command spawn = vmCommand(CommandType::Spawn, 0);
        spawn.text = "cow";
        const auto pid = static_cast<std::uint32_t>(sim->apply(spawn).value);
        QVERIFY(pid);
        const std::uint32_t child = static_cast<std::uint32_t>(sim->apply(vmCommand(CommandType::Fork, pid)).value);
        QVERIFY(child);
        const Machine& m = sim->current();
        FrameMapRenderer r;
        r.setColumns(256);
        r.renderAll(m);
        int anon = 0, tables = 0, files = 0;
        for (Pfn p = 0; p < m.frames.size(); ++p) {
            const int got = pixel(r, p);
            QCOMPARE(got, int(FrameMapRenderer::indexOfFrame(m, p)));
            if (got != indexOf(m, p)) QFAIL(qPrintable(QStringLiteral("pfn %1").arg(p)));
            const FrameState s = m.frames.state(p);
            anon += s == FrameState::Anon;
            tables += s == FrameState::PageTable;
            files += s == FrameState::File;
            if (s == FrameState::PageTable && m.frames.priv(p) == child)
                QCOMPARE(got, Palette::kPageTableIndex + Palette::processSlot(child));
        }
        QVERIFY(anon > 10);
        QVERIFY(tables > 4);
        QVERIFY(files > 100);
        QCOMPARE(pixel(r, m.zeroPfn), Palette::kZeroPageIndex);
        QCOMPARE(r.image().color(Palette::kZeroPageIndex), Palette::zeroPage().rgb());
        // Re-rendering a range gives the same owner colours.
        FrameMapRenderer part;
        part.setColumns(256);
        part.renderAll(sim->initial());
        part.renderRange(m, 0, m.frames.size());
        QCOMPARE(part.image(), r.image());
    }

    void imageLayout_data()
    {
        QTest::addColumn<int>("columns");
        QTest::newRow("1024 per row") << 1024;
        QTest::newRow("padded rows (1000)") << 1000;
        QTest::newRow("3 per row") << 3;
        QTest::newRow("more than the machine") << 20000;
    }
    void imageLayout()
    {
        QFETCH(int, columns);
        FrameMapRenderer r;
        r.setColumns(columns);
        r.renderAll(m_sim->current());
        const Pfn frames = m_sim->current().frames.size();
        QCOMPARE(r.image().format(), QImage::Format_Indexed8);
        QCOMPARE(r.image().width(), columns);
        QCOMPARE(Pfn(r.image().height()), (frames + columns - 1) / columns);
        // Pixels past the last frame are "no frame".
        for (Pfn p = frames; p < Pfn(r.image().width()) * Pfn(r.image().height()); ++p)
            QCOMPARE(pixel(r, p), 0);
        // Every frame has the index of its zone and its head's state.
        for (Pfn p = 0; p < frames; ++p)
            if (pixel(r, p) != indexOf(m_sim->current(), p)) QFAIL(qPrintable(QStringLiteral("pfn %1").arg(p)));
    }

    void reservedFrames_data()
    {
        QTest::addColumn<qulonglong>("pfn");
        QTest::addColumn<int>("zoneSlot");
        QTest::addColumn<int>("state");
        const Pfn last = 16384 - 1;
        QTest::newRow("pfn 0: hole outside every zone") << 0ull << Palette::kNoZoneSlot << int(FrameState::Hole);
        QTest::newRow("pfn 1: firmware in DMA") << 1ull << int(ZoneType::DMA) << int(FrameState::Firmware);
        QTest::newRow("legacy VGA hole in DMA") << 0xa0ull << int(ZoneType::DMA) << int(FrameState::Hole);
        QTest::newRow("kernel image at 16 MiB") << 4096ull << int(ZoneType::DMA32) << int(FrameState::KernelImage);
        QTest::newRow("memmap at the top") << qulonglong(last) << int(ZoneType::DMA32) << int(FrameState::MemMap);
    }
    void reservedFrames()
    {
        QFETCH(qulonglong, pfn);
        QFETCH(int, zoneSlot);
        QFETCH(int, state);
        const Machine& m = m_sim->initial();
        QCOMPARE(int(m.frames.state(pfn)), state); // the fixture is what the test thinks it is
        FrameMapRenderer r;
        r.setColumns(256);
        r.renderAll(m);
        QCOMPARE(pixel(r, pfn), int(Palette::frameIndex(zoneSlot, static_cast<FrameState>(state))));
        QCOMPARE(r.image().pixel(r.columnOf(pfn), r.rowOf(pfn)),
                 Palette::frame(static_cast<ZoneType>(zoneSlot), static_cast<FrameState>(state)).rgb());
    }

    void freeFrame()
    {
        const Machine& m = m_sim->initial();
        const std::uint8_t z = m.zoneId(ZoneType::DMA32);
        const Pfn head = m.zones[z].freeArea[kMaxOrder].head;
        QVERIFY(head != kNil);
        FrameMapRenderer r;
        r.setColumns(128);
        r.renderAll(m);
        const int freeIdx = Palette::frameIndex(int(ZoneType::DMA32), FrameState::Free);
        QCOMPARE(pixel(r, head), freeIdx);
        QCOMPARE(pixel(r, head + 517), freeIdx);                // a tail takes its head's state
        QCOMPARE(pixel(r, head + (1 << kMaxOrder) - 1), freeIdx); // the last frame of the block
    }

    void allocatedBlock()
    {
        auto sim = test::bootOwned(64 * MiB);
        const CommandResult res = sim->apply(Command::allocPages(3));
        QVERIFY(!res.error);
        QVERIFY(res.pfn);
        const Pfn p = *res.pfn;
        FrameMapRenderer r;
        r.setColumns(64);
        r.renderAll(sim->current());
        const std::uint8_t z = sim->current().zoneOf(p);
        const int slot = int(sim->current().zones[z].type);
        for (Pfn f = p; f < p + 8; ++f) QCOMPARE(pixel(r, f), int(Palette::frameIndex(slot, FrameState::Kernel)));
        QCOMPARE(pixel(r, p + 8), int(Palette::frameIndex(slot, FrameState::Free)));
    }

    void renderRangeMatchesRenderAll_data()
    {
        QTest::addColumn<int>("columns");
        QTest::addColumn<QList<int>>("script"); // >= 0: alloc that order; < 0: free the -n-th allocation
        QTest::newRow("alloc order 3, 64 per row") << 64 << QList<int>{3};
        QTest::newRow("alloc order 0 twice, 100 per row") << 100 << QList<int>{0, 0};
        QTest::newRow("alloc then free (merges), 1024 per row") << 1024 << QList<int>{2, 5, -1};
        QTest::newRow("free everything, 3 per row") << 3 << QList<int>{0, 1, 4, -1, -2, -3};
        QTest::newRow("large block, 4096 per row") << 4096 << QList<int>{10, 9, -2};
    }
    void renderRangeMatchesRenderAll()
    {
        QFETCH(int, columns);
        QFETCH(QList<int>, script);
        auto sim = test::bootOwned(64 * MiB);
        std::vector<std::pair<Pfn, int>> allocs;
        FrameMapRenderer stepwise;
        stepwise.setColumns(columns);
        stepwise.renderAll(sim->current());
        for (int op : script) {
            const std::uint64_t before = sim->eventCount();
            if (op >= 0) {
                const CommandResult res = sim->apply(Command::allocPages(op));
                QVERIFY(res.pfn);
                allocs.push_back({*res.pfn, op});
            } else {
                const auto [pfn, order] = allocs[static_cast<std::size_t>(-op - 1)];
                QVERIFY(!sim->apply(Command::freePages(pfn, order)).error);
            }
            // Step by step, re-rendering only what each event touched.
            for (std::uint64_t n = before; n < sim->eventCount(); ++n) {
                const auto [first, last] = touched(sim->events()[n]);
                const Machine after = sim->stateAt(n + 1);
                stepwise.renderRange(after, first, last);
            }
            FrameMapRenderer full;
            full.setColumns(columns);
            full.renderAll(sim->current());
            QCOMPARE(stepwise.image(), full.image());
        }
    }

    void renderRangeStartsInsideABlock()
    {
        auto sim = test::bootOwned(64 * MiB);
        FrameMapRenderer r;
        r.setColumns(32);
        r.renderAll(sim->current());
        const Pfn p = *sim->apply(Command::allocPages(3)).pfn;
        const int slot = int(sim->current().zones[sim->current().zoneOf(p)].type);
        // Only the last five frames of the new block: the three before stay as they were.
        r.renderRange(sim->current(), p + 3, p + 8);
        for (Pfn f = p; f < p + 3; ++f) QVERIFY(pixel(r, f) != Palette::frameIndex(slot, FrameState::Kernel));
        for (Pfn f = p + 3; f < p + 8; ++f) QCOMPARE(pixel(r, f), int(Palette::frameIndex(slot, FrameState::Kernel)));
        r.renderRange(sim->current(), p, p + 3);
        FrameMapRenderer full;
        full.setColumns(32);
        full.renderAll(sim->current());
        QCOMPARE(r.image(), full.image());
    }

    void renderRangeWithoutImageRendersAll()
    {
        FrameMapRenderer r;
        r.setColumns(512);
        r.renderRange(m_sim->current(), 10, 20);
        FrameMapRenderer full;
        full.setColumns(512);
        full.renderAll(m_sim->current());
        QCOMPARE(r.image(), full.image());
    }

    void refreshColoursFollowsTheme()
    {
        FrameMapRenderer r;
        r.setColumns(128);
        r.renderAll(m_sim->current());
        const QImage lightBits = r.image();
        const int idx = Palette::frameIndex(int(ZoneType::DMA32), FrameState::Free);
        Palette::setTheme(Theme::Dark);
        r.refreshColours();
        QCOMPARE(r.image().color(idx), Palette::frame(ZoneType::DMA32, FrameState::Free).rgb());
        QCOMPARE(r.image().color(0), Palette::background().rgb());
        Palette::setTheme(Theme::Light);
        QVERIFY(r.image().color(idx) != Palette::frame(ZoneType::DMA32, FrameState::Free).rgb());
        // The indices did not move.
        for (int y = 0; y < r.image().height(); ++y)
            QVERIFY(std::memcmp(r.image().constScanLine(y), lightBits.constScanLine(y), 128) == 0);
        r.refreshColours();
        QCOMPARE(r.image(), lightBits);
    }

    void downsampleKeepsMostInteresting_data()
    {
        QTest::addColumn<int>("factor");
        QTest::newRow("2") << 2;
        QTest::newRow("3") << 3;
        QTest::newRow("5") << 5;
        QTest::newRow("6") << 6;
        QTest::newRow("8") << 8;
        QTest::newRow("12") << 12;
        QTest::newRow("1 (a copy)") << 1;
    }
    void downsampleKeepsMostInteresting()
    {
        QFETCH(int, factor);
        auto sim = test::bootOwned(64 * MiB);
        const Pfn p = *sim->apply(Command::allocPages(0)).pfn; // one allocated frame among free ones
        FrameMapRenderer r;
        r.setColumns(256 * factor);
        r.renderAll(sim->current());
        QImage small;
        FrameMapRenderer::downsampleMax(r.image(), factor, &small, 0, r.image().height());
        QCOMPARE(small.width(), 256);
        QCOMPARE(small.height(), r.image().height());
        QCOMPARE(small.colorTable(), r.image().colorTable());
        const int slot = int(sim->current().zones[sim->current().zoneOf(p)].type);
        QCOMPARE(small.pixelIndex(r.columnOf(p) / factor, r.rowOf(p)),
                 int(Palette::frameIndex(slot, FrameState::Kernel)));
        // Every downsampled pixel is the max of its run.
        for (int y = 0; y < small.height(); ++y)
            for (int x = 0; x < small.width(); ++x) {
                int best = 0;
                for (int k = 0; k < factor; ++k) best = std::max(best, r.image().pixelIndex(x * factor + k, y));
                if (small.pixelIndex(x, y) != best) QFAIL("not the max of its run");
            }
    }

private:
    std::unique_ptr<Simulator> m_sim;
};

QTEST_GUILESS_MAIN(TestFrameMapRenderer)
#include "tst_framemaprenderer.moc"
