// KernelSpaceView: the address-space scale in its three modes; the regions in address
// order with their labels inside the view; vmalloc lines ending at the frames the area
// maps; the direct-map band ending at high_memory on x86-32 and covering all RAM on
// 64-bit; pkmap and kmap_local lines to HighMem pages; the kmalloc-vs-vmalloc panel; the
// step's animation; clicking a frame; and that it paints in both themes, large and small.
//
// Set MEMVIZ_SCREENSHOTS=<dir> to also save PNGs (kernelspace_*.png) for a human to look at.

#include "KernelSpaceView.h"
#include "Palette.h"
#include "TestUtil.h"
#include "ViewContext.h"
#include "alloc/KernelMap.h"
#include "sim/Simulator.h"
#include "widgets/WidgetTestUtil.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QImage>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <set>

using namespace memviz;
using memviz::test::inkShare;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(memviz::KernelSpaceScale::Mode)

namespace {

constexpr std::uint64_t kPage = 4096;
using Scale = KernelSpaceScale::Mode;
using Kind = KernelSpaceView::LineKind;

CommandResult run(Simulator& s, const Command& c)
{
    const CommandResult r = s.apply(c);
    if (r.error)
        qFatal("command %s refused: %s", std::string(commandTypeName(c.type)).c_str(), errorCodeName(r.error.code));
    return r;
}

Command cmd(CommandType t, std::uint64_t len = 0, std::uint64_t addr = 0)
{
    Command c;
    c.type = t;
    c.len = len;
    c.addr = addr;
    return c;
}

std::uint64_t vmalloc(Simulator& s, std::uint64_t len)
{
    return run(s, cmd(CommandType::Vmalloc, len)).value;
}
std::uint64_t kmalloc(Simulator& s, std::uint64_t len)
{
    return run(s, cmd(CommandType::Kmalloc, len)).value;
}

std::uint64_t kmap(Simulator& s, Pfn pfn, bool local = false)
{
    Command c = cmd(CommandType::Kmap);
    c.pfn = pfn;
    c.write = local;
    return run(s, c).value;
}

Pfn allocPage(Simulator& s, ZoneType zone)
{
    const CommandResult r = run(s, Command::allocPages(0, zone));
    if (!r.pfn) qFatal("alloc_pages failed");
    return *r.pfn;
}

/// Takes 2n pages of a zone and gives every other one back: the order-0 free list is then
/// a scatter of single pages, so a vmalloc after it gets frames far apart.
void fragment(Simulator& s, ZoneType zone, int n)
{
    std::vector<Pfn> taken;
    for (int i = 0; i < 2 * n; ++i) taken.push_back(allocPage(s, zone));
    for (std::size_t i = 0; i < taken.size(); i += 2) run(s, Command::freePages(taken[i], 0));
}

/// Leaves `pages` single free pages in a zone, each `blocks` order-10 blocks from the next:
/// every page taken with the rest of its order-10 block and `blocks - 1` more blocks, then
/// the pages given back. A vmalloc after it gets frames spread over the zone.
void scatter(Simulator& s, ZoneType zone, int pages, int blocks)
{
    std::vector<Pfn> singles;
    for (int i = 0; i < pages; ++i) {
        singles.push_back(allocPage(s, zone));
        for (int order = 0; order < 10; ++order) run(s, Command::allocPages(order, zone)); // the rest of its block
        for (int b = 1; b < blocks; ++b) run(s, Command::allocPages(10, zone));
    }
    for (Pfn p : singles) run(s, Command::freePages(p, 0));
}

/// The player at cursor n (n events applied), at progress t of the step into it.
void showAt(ViewContext& ctx, const Simulator& sim, std::uint64_t n, double t = 1.0)
{
    auto [before, after] = sim.stepAt(n);
    ctx.setState(std::move(before), std::move(after), n);
    ctx.setProgress(t);
}

/// A cursor just after the last event of type t (and kind `order` when given), 0 when none.
std::uint64_t cursorAfterLast(const Simulator& s, EventType t, int order = -1)
{
    for (std::uint64_t n = s.eventCount(); n-- > 0;)
        if (s.events()[n].type == t && (order < 0 || s.events()[n].order == order)) return n + 1;
    return 0;
}

const KernelSpaceView::RegionBox* regionOfKind(const KernelSpaceView& v, KernelRegionKind k)
{
    for (const auto& b : v.regions())
        if (b.kind == k) return &b;
    return nullptr;
}

std::vector<KernelSpaceView::MapLine> linesOf(const KernelSpaceView& v, Kind k)
{
    std::vector<KernelSpaceView::MapLine> out;
    for (const auto& l : v.lines())
        if (l.kind == k) out.push_back(l);
    return out;
}

bool samePoint(QPointF a, QPointF b)
{
    return std::abs(a.x() - b.x()) < 1e-6 && std::abs(a.y() - b.y()) < 1e-6;
}

void addPresetRows()
{
    QTest::addColumn<QString>("preset");
    for (const char* p : { "x86-32", "x86-pae", "x86-64", "x86-64-la57" }) QTest::newRow(p) << QString::fromLatin1(p);
}

} // namespace

class TestKernelSpaceView : public QObject {
    Q_OBJECT
private slots:
    void cleanup() { Palette::setTheme(Theme::Light); }
    void scaleIsMonotonic_data();
    void scaleIsMonotonic();
    void linearIsToScale();
    void regionsInAddressOrder_data();
    void regionsInAddressOrder();
    void breakModeMinimum_data();
    void breakModeMinimum();
    void defaultScale_data();
    void defaultScale();
    void vmallocLinesEndAtFrames_data();
    void vmallocLinesEndAtFrames();
    void directMapBand_data();
    void directMapBand();
    void kmapLines_data();
    void kmapLines();
    void comparePanel();
    void animatesTheStep();
    void reserveStep();
    void kernelStacks_data();
    void kernelStacks();
    void vfreeFades();
    void kernelTlbFlushBadge();
    void clickSelectsFrame_data();
    void clickSelectsFrame();
    void tooltips();
    void paints_data();
    void paints();
    void textbookMachine();
    void screenshots();
};

void TestKernelSpaceView::scaleIsMonotonic_data()
{
    QTest::addColumn<QString>("preset");
    QTest::addColumn<Scale>("mode");
    for (const char* p : { "x86-32", "x86-pae", "x86-64", "x86-64-la57" })
        for (Scale s : { Scale::Linear, Scale::Break, Scale::Log })
            QTest::addRow("%s mode %d", p, int(s)) << QString::fromLatin1(p) << s;
}

void TestKernelSpaceView::scaleIsMonotonic()
{
    QFETCH(QString, preset);
    QFETCH(Scale, mode);
    const Simulator sim = test::boot(preset.toLatin1().constData(), "2G");
    const KernelLayout& l = sim.current().kmem.layout;
    const KernelSpaceScale s = KernelSpaceScale::make(mode, l);
    QVERIFY(!s.segments.empty());
    QCOMPARE(s.segments.front().start, 0ull);
    QCOMPARE(s.segments.front().from, 0.0);
    QCOMPARE(s.segments.back().to, 1.0);
    for (std::size_t i = 0; i + 1 < s.segments.size(); ++i) {
        const auto& a = s.segments[i];
        const auto& b = s.segments[i + 1];
        QCOMPARE(a.start + a.size, b.start); // contiguous in addresses
        QVERIFY(std::abs(a.to - b.from) < 1e-12); // and on the bar
        QVERIFY(a.to > a.from);
    }
    // The user half is a stub of the same share in every mode.
    QVERIFY(std::abs(s.share(0) - KernelSpaceScale::kUserShare) < 1e-9);
    double last = -1;
    for (const KernelRegion& r : l.regions) {
        for (std::uint64_t va : { r.start, r.start + (r.end - r.start) / 3, r.end - 1 }) {
            const double fr = s.fraction(va);
            QVERIFY2(fr >= last - 1e-12 && fr >= 0 && fr <= 1, std::string(r.name).c_str());
            last = fr;
        }
    }
    QCOMPARE(s.fractionOfEnd(l.regions.back().end), 1.0);
}

void TestKernelSpaceView::linearIsToScale()
{
    // x86-32 to scale: the 1 GiB kernel half shares what the user stub leaves, by size.
    const Simulator sim = test::boot("x86-32", "2G");
    const KernelLayout& l = sim.current().kmem.layout;
    const KernelSpaceScale s = KernelSpaceScale::make(Scale::Linear, l);
    const double kernel = 1.0 - KernelSpaceScale::kUserShare;
    QVERIFY(std::abs(s.fraction(l.highMemory) - s.fraction(l.pageOffset) - kernel * 896.0 / 1024.0) < 1e-9);
    QVERIFY(std::abs(s.fraction(l.vmallocEnd) - s.fraction(l.vmallocStart)
                - kernel * double(l.vmallocEnd - l.vmallocStart) / double(1ull << 30))
        < 1e-9);
    // Log mode gives the first pages of a region room: page 16 of vmalloc is well above its start.
    const KernelSpaceScale lg = KernelSpaceScale::make(Scale::Log, l);
    QVERIFY(lg.fraction(l.vmallocStart + 16 * kPage) - lg.fraction(l.vmallocStart) > 0.25 * lg.share(3));
}

void TestKernelSpaceView::regionsInAddressOrder_data()
{
    QTest::addColumn<QString>("preset");
    QTest::addColumn<Scale>("mode");
    QTest::addColumn<QSize>("size");
    for (const char* p : { "x86-32", "x86-pae", "x86-64", "x86-64-la57" })
        for (Scale s : { Scale::Linear, Scale::Break, Scale::Log })
            for (QSize sz : { QSize(1200, 800), QSize(500, 400) })
                QTest::addRow("%s mode %d %dx%d", p, int(s), sz.width(), sz.height())
                    << QString::fromLatin1(p) << s << sz;
}

void TestKernelSpaceView::regionsInAddressOrder()
{
    QFETCH(QString, preset);
    QFETCH(Scale, mode);
    QFETCH(QSize, size);
    Simulator sim = test::boot(preset.toLatin1().constData(), "2G");
    vmalloc(sim, 64 * KiB);
    ViewContext ctx;
    ctx.setSimulator(&sim);
    KernelSpaceView view(&ctx);
    view.resize(size);
    view.setScale(mode);
    showAt(ctx, sim, sim.eventCount());

    const auto& rs = view.regions();
    QCOMPARE(rs.size(), sim.current().kmem.layout.regions.size());
    const QRectF bar = view.virtualBar();
    QVERIFY(QRectF(view.rect()).contains(bar));
    for (std::size_t i = 0; i < rs.size(); ++i) {
        QVERIFY(rs[i].rect.height() > 0);
        QVERIFY(rs[i].rect.top() >= bar.top() - 0.5 && rs[i].rect.bottom() <= bar.bottom() + 0.5);
        if (i + 1 < rs.size()) {
            QVERIFY(rs[i].start < rs[i + 1].start); // address order
            QVERIFY2(rs[i + 1].rect.bottom() <= rs[i].rect.top() + 0.5,
                qPrintable(rs[i + 1].name)); // higher above, no overlap
        }
    }
    // Labels inside the view, clear of each other and of the bar.
    std::vector<QRectF> labels;
    for (const auto& b : rs)
        if (!b.label.isEmpty()) labels.push_back(b.label);
    QVERIFY(labels.size() >= 2);
    for (std::size_t i = 0; i < labels.size(); ++i) {
        QVERIFY2(QRectF(view.rect()).adjusted(-0.5, -0.5, 0.5, 0.5).contains(labels[i]),
            qPrintable(u"label %1,%2 %3x%4"_s.arg(labels[i].x())
                           .arg(labels[i].y())
                           .arg(labels[i].width())
                           .arg(labels[i].height())));
        QVERIFY(labels[i].right() < bar.left());
        for (std::size_t j = i + 1; j < labels.size(); ++j) QVERIFY(!labels[i].intersects(labels[j]));
    }
    // The direct map and the vmalloc area are always labelled.
    QVERIFY(!regionOfKind(view, KernelRegionKind::DirectMap)->label.isEmpty());
    QVERIFY(!regionOfKind(view, KernelRegionKind::Vmalloc)->label.isEmpty());
    // The zone strips: inside the view, the physical bar right of the virtual one.
    QVERIFY(view.physicalBar().left() > bar.right() + 40);
    for (const auto& s : view.strips()) QVERIFY(QRectF(view.rect()).contains(s.rect));
}

void TestKernelSpaceView::breakModeMinimum_data()
{
    addPresetRows();
}

void TestKernelSpaceView::breakModeMinimum()
{
    QFETCH(QString, preset);
    Simulator sim = test::boot(preset.toLatin1().constData(), "2G");
    ViewContext ctx;
    KernelSpaceView view(&ctx);
    view.resize(1200, 800);
    ctx.setState(sim.current(), sim.current(), 0);
    view.setScale(Scale::Break);
    const double bar = view.virtualBar().height();
    int regions = 0;
    for (const auto& b : view.regions()) {
        if (b.kind == KernelRegionKind::Hole || b.kind == KernelRegionKind::User) continue;
        ++regions;
        // Every region, the 4 KiB vsyscall page as much as the 64 TiB direct map, gets room for a line of text.
        QVERIFY2(
            b.rect.height() >= std::max(12.0, bar * 0.02), qPrintable(u"%1: %2 px"_s.arg(b.name).arg(b.rect.height())));
        QVERIFY(!b.label.isEmpty());
    }
    QVERIFY(regions >= 6);
    // Holes are breaks.
    for (const auto& b : view.regions())
        if (b.kind == KernelRegionKind::Hole) QVERIFY(b.broken);
    // To scale, the small regions of 64-bit are slivers: the break mode is what shows them.
    if (!sim.current().config.arch.is32bit) {
        view.setScale(Scale::Linear);
        QVERIFY(regionOfKind(view, KernelRegionKind::Fixmap)->rect.height() < 1);
    }
}

void TestKernelSpaceView::defaultScale_data()
{
    addPresetRows();
}

void TestKernelSpaceView::defaultScale()
{
    QFETCH(QString, preset);
    const Simulator sim = test::boot(preset.toLatin1().constData(), "2G");
    ViewContext ctx;
    KernelSpaceView view(&ctx);
    view.resize(900, 600);
    ctx.setState(sim.current(), sim.current(), 0);
    const Scale want = sim.current().config.arch.is32bit ? Scale::Linear : Scale::Break;
    QCOMPARE(view.scale(), want);
    auto* box = view.findChild<QComboBox*>();
    QVERIFY(box);
    view.regions();
    QCOMPARE(box->currentIndex(), int(want));
    // The user's choice sticks.
    QSignalSpy spy(&view, &KernelSpaceView::scaleChanged);
    box->setCurrentIndex(int(Scale::Log));
    emit box->activated(int(Scale::Log));
    QCOMPARE(view.scale(), Scale::Log);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(view.regions().front().kind, KernelRegionKind::User);
}

void TestKernelSpaceView::vmallocLinesEndAtFrames_data()
{
    addPresetRows();
}

void TestKernelSpaceView::vmallocLinesEndAtFrames()
{
    QFETCH(QString, preset);
    Simulator sim = test::boot(preset.toLatin1().constData(), "2G");
    const bool highmem = sim.current().config.arch.is32bit;
    fragment(sim, highmem ? ZoneType::HighMem : ZoneType::Normal, 24);
    const std::uint64_t a = vmalloc(sim, 64 * KiB);
    const VmArea* area = kmem::vmAreaAt(sim.current(), a);
    QVERIFY(area && area->pages.size() == 16);
    ViewContext ctx;
    ctx.setSimulator(&sim);
    KernelSpaceView view(&ctx);
    view.resize(1200, 800);
    showAt(ctx, sim, sim.eventCount());

    std::vector<KernelSpaceView::MapLine> ls;
    for (const auto& l : linesOf(view, Kind::Vmalloc))
        if (l.va >= a && l.va < a + area->size) ls.push_back(l);
    QCOMPARE(ls.size(), std::size_t(16));
    std::sort(ls.begin(), ls.end(), [](const auto& x, const auto& y) { return x.va < y.va; });
    const auto inset
        = std::find_if(view.insets().begin(), view.insets().end(), [&](const auto& in) { return in.start == a; });
    QVERIFY(inset != view.insets().end());
    QCOMPARE(inset->vas.size(), std::size_t(17)); // 16 pages and the guard page
    QCOMPARE(inset->pfns.back(), kNoPfn);
    for (std::size_t i = 0; i < ls.size(); ++i) {
        QCOMPARE(ls[i].va, a + i * kPage);
        QCOMPARE(ls[i].pfn, area->pages[i]); // the frame the area maps there
        const auto pt = view.pointOfFrame(area->pages[i]);
        QVERIFY(pt);
        QVERIFY(samePoint(ls[i].to, *pt)); // the line ends at that frame
        QVERIFY(view.physicalBar().contains(ls[i].to));
        // Frames that share a cell of the bar share its point: the frame there is one of them.
        const auto hit = view.frameAt(ls[i].to);
        QVERIFY(hit && samePoint(*view.pointOfFrame(*hit), *pt));
        // ... and starts at its page's cell, address growing upwards.
        QVERIFY(std::abs(ls[i].from.x() - inset->rect.right()) < 1e-6);
        QVERIFY(inset->cell(i).contains(QPointF(inset->rect.center().x(), ls[i].from.y())));
        if (i) QVERIFY(ls[i].from.y() < ls[i - 1].from.y());
        // The frame is in the zone strip the machine says.
        const std::uint8_t z = sim.current().zoneOf(area->pages[i]);
        const auto strip
            = std::find_if(view.strips().begin(), view.strips().end(), [&](const auto& s) { return s.zoneId == z; });
        QVERIFY(strip != view.strips().end() && strip->image.adjusted(-1, -1, 1, 1).contains(ls[i].to));
    }
    // Scattered: the fragmented free list gives frames far apart, so the lines end apart.
    std::set<std::pair<int, int>> ends;
    for (const auto& l : ls) ends.insert({ int(l.to.x()), int(l.to.y()) });
    QVERIFY(ends.size() >= 4);
    // The inset sits at the area's place: its connector starts where the bar has the area.
    QVERIFY(std::abs(view.yOfAddress(a) - view.yOfAddress(a + area->size)) < inset->rect.height() + 1);
}

void TestKernelSpaceView::directMapBand_data()
{
    QTest::addColumn<QString>("preset");
    QTest::addColumn<QString>("ram");
    QTest::addColumn<bool>("highmem");
    QTest::newRow("x86-32 2G") << u"x86-32"_s << u"2G"_s << true;
    QTest::newRow("x86-pae 4G") << u"x86-pae"_s << u"4G"_s << true;
    QTest::newRow("x86-32 512M") << u"x86-32"_s << u"512M"_s << false;
    QTest::newRow("x86-64 2G") << u"x86-64"_s << u"2G"_s << false;
    QTest::newRow("x86-64-la57 1G") << u"x86-64-la57"_s << u"1G"_s << false;
}

void TestKernelSpaceView::directMapBand()
{
    QFETCH(QString, preset);
    QFETCH(QString, ram);
    QFETCH(bool, highmem);
    const Simulator sim = test::boot(preset.toLatin1().constData(), ram.toLatin1().constData());
    const Machine& m = sim.current();
    const KernelLayout& l = m.kmem.layout;
    ViewContext ctx;
    KernelSpaceView view(&ctx);
    view.resize(1200, 800);
    ctx.setState(m, m, 0);
    const auto& band = view.directBand();
    QCOMPARE(band.polygon.size(), 4);
    QVERIFY(std::abs(band.virtualBottom - view.yOfAddress(l.pageOffset)) < 1e-6);
    QVERIFY(std::abs(band.virtualTop - view.yOfAddress(l.highMemory)) < 1e-6);
    QVERIFY(band.virtualTop < band.virtualBottom);
    const auto& strips = view.strips();
    QCOMPARE(band.physicalBottom, strips.front().image.bottom());
    if (highmem) {
        // x86-32: the band ends at high_memory, 896 MiB: the top of Normal; HighMem is above it, unmapped.
        QCOMPARE(l.highMemory - l.pageOffset, 896ull << 20);
        QCOMPARE(band.frames, Pfn((896ull << 20) / kPage));
        const auto normal = std::find_if(strips.begin(), strips.end(),
            [&](const auto& s) { return s.zoneId >= 0 && m.zones[std::size_t(s.zoneId)].type == ZoneType::Normal; });
        const auto high = std::find_if(strips.begin(), strips.end(),
            [&](const auto& s) { return s.zoneId >= 0 && m.zones[std::size_t(s.zoneId)].type == ZoneType::HighMem; });
        QVERIFY(normal != strips.end() && high != strips.end());
        QCOMPARE(normal->end, band.frames);
        QCOMPARE(band.physicalTop, normal->image.top());
        QVERIFY(high->rect.bottom() < band.physicalTop); // no band reaches HighMem
        QVERIFY(!band.polygon.containsPoint(
            QPointF(view.physicalBar().left() - 2, high->rect.center().y()), Qt::OddEvenFill));
        // A lowmem frame has its point inside the band's reach, a HighMem one not.
        QVERIFY(view.pointOfFrame(band.frames - 1)->y() >= band.physicalTop - 1);
        QVERIFY(view.pointOfFrame(band.frames)->y() < band.physicalTop);
    } else {
        // All of RAM is in the direct map.
        QCOMPARE(band.frames, m.frames.size());
        QCOMPARE(band.physicalTop, strips.back().image.top());
    }
}

void TestKernelSpaceView::kmapLines_data()
{
    addPresetRows();
}

void TestKernelSpaceView::kmapLines()
{
    QFETCH(QString, preset);
    Simulator sim = test::boot(preset.toLatin1().constData(), "2G");
    const bool highmem = sim.current().config.arch.is32bit;
    const Pfn page = allocPage(sim, highmem ? ZoneType::HighMem : ZoneType::Normal);
    const Pfn local = allocPage(sim, highmem ? ZoneType::HighMem : ZoneType::Normal);
    QCOMPARE(kmem::isHighMemPage(sim.current(), page), highmem);
    const std::uint64_t va = kmap(sim, page);
    const std::uint64_t lva = kmap(sim, local, true);
    ViewContext ctx;
    ctx.setSimulator(&sim);
    KernelSpaceView view(&ctx);
    view.resize(1200, 800);
    showAt(ctx, sim, sim.eventCount());
    const auto pk = linesOf(view, Kind::Pkmap);
    const auto lc = linesOf(view, Kind::KmapLocal);
    if (!highmem) {
        // 64-bit: kmap() is page_address(), nothing to draw beyond the direct map.
        QVERIFY(pk.empty() && lc.empty());
        // At the kmap step the page's direct-map line is the step's.
        showAt(ctx, sim, cursorAfterLast(sim, EventType::Kmap));
        const auto d = linesOf(view, Kind::DirectPage);
        QCOMPARE(d.size(), std::size_t(1));
        QCOMPARE(d[0].pfn, local);
        QVERIFY(d[0].current);
        return;
    }
    QCOMPARE(pk.size(), std::size_t(1));
    QCOMPARE(pk[0].pfn, page);
    QCOMPARE(pk[0].va, va);
    QVERIFY(samePoint(pk[0].to, *view.pointOfFrame(page)));
    QCOMPARE(lc.size(), std::size_t(1));
    QCOMPARE(lc[0].pfn, local);
    QCOMPARE(lc[0].va, lva);
    // Both start at a cell of their inset, which magnifies the pkmap window and the fixmap.
    int found = 0;
    for (const auto& in : view.insets()) {
        if (in.kind == Kind::Pkmap) {
            ++found;
            QVERIFY(in.start == sim.current().kmem.layout.pkmapBase);
            QCOMPARE(in.pfns, std::vector<Pfn> { page });
            QVERIFY(std::abs(pk[0].from.y() - in.cell(0).center().y()) < 1e-6);
        }
        if (in.kind == Kind::KmapLocal) {
            ++found;
            QCOMPARE(in.vas, std::vector<std::uint64_t> { lva });
        }
    }
    QCOMPARE(found, 2);
    // At the kmap step the slot flashes and its line grows.
    showAt(ctx, sim, cursorAfterLast(sim, EventType::Kmap, int(KmapKind::Pkmap)), 0.5);
    const auto in
        = std::find_if(view.insets().begin(), view.insets().end(), [](const auto& i) { return i.kind == Kind::Pkmap; });
    QVERIFY(in != view.insets().end());
    QCOMPARE(in->flash, 0);
    const auto cur = linesOf(view, Kind::Pkmap);
    QVERIFY(cur.size() == 1 && cur[0].current && cur[0].grows);
}

void TestKernelSpaceView::comparePanel()
{
    Simulator sim = test::boot("x86-32", "2G");
    fragment(sim, ZoneType::HighMem, 24);
    const std::uint64_t v = vmalloc(sim, 64 * KiB);
    const std::uint64_t k = kmalloc(sim, 64 * KiB);
    ViewContext ctx;
    ctx.setSimulator(&sim);
    KernelSpaceView view(&ctx);
    view.resize(1200, 800);
    showAt(ctx, sim, sim.eventCount());
    QVERIFY(view.compareShown()); // automatic: both exist
    QVERIFY(view.findChild<QCheckBox*>()->isChecked());
    const auto& cards = view.compareCards();
    QCOMPARE(cards.size(), std::size_t(2));
    const auto& kc = cards[0];
    const auto& vc = cards[1];
    QVERIFY(!kc.vmalloc && vc.vmalloc);
    QCOMPARE(kc.va, k);
    QCOMPARE(kc.pages, 16ull);
    QCOMPARE(kc.runs, 1);
    for (std::size_t i = 1; i < kc.frames.size(); ++i) QCOMPARE(kc.frames[i], kc.frames[i - 1] + 1); // contiguous
    QCOMPARE(kc.frames.front(), virtToPhys(sim.current().kmem.layout, k) / kPage);
    QCOMPARE(vc.va, v);
    QCOMPARE(vc.frames, kmem::vmAreaAt(sim.current(), v)->pages);
    QVERIFY(vc.runs > 1); // scattered
    QCOMPARE(vc.pageCells.size(), std::size_t(16));
    QCOMPARE(vc.frameCells.size(), std::size_t(16));
    for (const auto& c : cards) {
        QVERIFY(QRectF(view.rect()).contains(c.rect));
        for (std::size_t i = 0; i < c.pageCells.size(); ++i) {
            QVERIFY(c.rect.contains(c.pageCells[i]));
            QVERIFY(c.rect.contains(c.frameCells[i]));
            QVERIFY(c.frameCells[i].top() > c.pageCells[i].bottom());
            QCOMPARE(view.frameAt(c.frameCells[i].center()), std::optional<Pfn>(c.frames[i]));
        }
    }
    // The panel stays clear of the diagram.
    for (const auto& c : cards)
        QVERIFY(c.rect.left() > view.physicalBar().right() || c.rect.top() > view.physicalBar().bottom());
    // Off hides it; a small view does not show it by itself; On shows it there too.
    view.setCompare(KernelSpaceView::Compare::Off);
    QVERIFY(!view.compareShown());
    QVERIFY(view.compareCards().empty());
    view.setCompare(KernelSpaceView::Compare::Auto);
    view.resize(500, 400);
    QVERIFY(!view.compareShown());
    view.setCompare(KernelSpaceView::Compare::On);
    QVERIFY(view.compareShown());
    QCOMPARE(view.compareCards().size(), std::size_t(2));
    // With only one of them, Auto leaves the panel away.
    Simulator one = test::boot("x86-32", "2G");
    vmalloc(one, 16 * KiB);
    ViewContext ctx1;
    ctx1.setSimulator(&one);
    KernelSpaceView v1(&ctx1);
    v1.resize(1200, 800);
    showAt(ctx1, one, one.eventCount());
    QVERIFY(!v1.compareShown());
}

void TestKernelSpaceView::animatesTheStep()
{
    Simulator sim = test::boot("x86-32", "2G");
    const std::uint64_t a = vmalloc(sim, 64 * KiB);
    ViewContext ctx;
    ctx.setSimulator(&sim);
    KernelSpaceView view(&ctx);
    view.resize(1200, 800);
    // The step that maps the last page.
    const std::uint64_t n = cursorAfterLast(sim, EventType::Vmalloc, int(VmallocOp::Map));
    const Event& e = sim.events()[n - 1];
    showAt(ctx, sim, n, 0.3);
    QVERIFY2(view.captionText().contains(QString::number(e.pfn)), qPrintable(view.captionText()));
    const auto cur
        = std::count_if(view.lines().begin(), view.lines().end(), [&](const auto& l) { return l.current && l.grows; });
    QCOMPARE(cur, 1);
    const auto it = std::find_if(view.lines().begin(), view.lines().end(), [](const auto& l) { return l.grows; });
    QCOMPARE(it->va, e.a);
    QCOMPARE(it->pfn, Pfn(e.pfn));
    const auto in
        = std::find_if(view.insets().begin(), view.insets().end(), [&](const auto& i) { return i.start == a; });
    QVERIFY(in != view.insets().end() && in->current);
    QCOMPARE(in->flash, int(e.c));
    const QImage mid = view.grab().toImage();
    ctx.setProgress(1.0);
    QVERIFY(view.grab().toImage() != mid);
    // A new state drops a hand-made event.
    view.setStepEvent(std::nullopt);
    showAt(ctx, sim, 1);
    QVERIFY(std::none_of(view.lines().begin(), view.lines().end(), [](const auto& l) { return l.current; }));
}

void TestKernelSpaceView::reserveStep()
{
    // vmalloc reserves the area first: its inset is there, lit, every page still without a frame.
    Simulator sim = test::boot("x86-32", "2G");
    const std::uint64_t a = vmalloc(sim, 16 * KiB);
    ViewContext ctx;
    ctx.setSimulator(&sim);
    KernelSpaceView view(&ctx);
    view.resize(1200, 800);
    showAt(ctx, sim, cursorAfterLast(sim, EventType::Vmalloc, int(VmallocOp::Reserve)), 0.5);
    const auto in
        = std::find_if(view.insets().begin(), view.insets().end(), [&](const auto& i) { return i.start == a; });
    QVERIFY(in != view.insets().end());
    QVERIFY(in->current && in->guard);
    QCOMPARE(in->vas.size(), std::size_t(5));
    for (Pfn p : in->pfns) QCOMPARE(p, kNoPfn);
    QVERIFY(view.toolTipAt(in->cell(0).center()).contains(u"no frame"_s));
    QVERIFY(view.toolTipAt(in->cell(4).center()).contains(u"guard"_s));
    QVERIFY(view.captionText().contains(u"reserves"_s));
    QVERIFY(std::none_of(
        view.lines().begin(), view.lines().end(), [&](const auto& l) { return l.va >= a && l.va < a + 5 * kPage; }));
}

void TestKernelSpaceView::kernelStacks_data()
{
    addPresetRows();
}

void TestKernelSpaceView::kernelStacks()
{
    QFETCH(QString, preset);
    Simulator sim = test::boot(preset.toLatin1().constData(), "2G");
    test::spawn(sim, "sh");
    test::spawn(sim, "cat");
    ViewContext ctx;
    ctx.setSimulator(&sim);
    KernelSpaceView view(&ctx);
    view.resize(1200, 800);
    showAt(ctx, sim, sim.eventCount());
    const Machine& m = sim.current();
    if (m.config.arch.is32bit) {
        // THREAD_SIZE 8 KiB: an order-1 lowmem block each, reached through the direct map (lines in the band).
        const auto ls = linesOf(view, Kind::DirectStack);
        std::size_t stacks = 0;
        for (const auto& [pid, proc] : m.procs) stacks += proc.kstack != 0;
        QVERIFY(stacks >= 2);
        QCOMPARE(ls.size(), stacks);
        for (const auto& l : ls) {
            QVERIFY(l.pfn < view.directBand().frames);
            QVERIFY(std::abs(l.from.y() - view.yOfAddress(physToVirt(m.kmem.layout, l.pfn * kPage))) < 1.5);
        }
        QVERIFY(std::none_of(
            view.insets().begin(), view.insets().end(), [](const auto& i) { return i.kind == Kind::KernelStack; }));
    } else {
        // CONFIG_VMAP_STACK: 16 KiB vmalloc'd, one inset for all stacks.
        const auto in = std::find_if(
            view.insets().begin(), view.insets().end(), [](const auto& i) { return i.kind == Kind::KernelStack; });
        QVERIFY(in != view.insets().end());
        std::size_t stackPages = 0;
        for (const auto& [addr, area] : m.kmem.vmAreas)
            if (area.kind == VmAreaKind::Stack) stackPages += area.pages.size();
        QVERIFY(stackPages >= 8);
        QCOMPARE(in->vas.size(), stackPages);
        QCOMPARE(linesOf(view, Kind::KernelStack).size(), stackPages);
        for (std::size_t i = 1; i < in->vas.size(); ++i) QVERIFY(in->vas[i] > in->vas[i - 1]);
    }
}

void TestKernelSpaceView::vfreeFades()
{
    Simulator sim = test::boot("x86-64", "1G");
    const std::uint64_t a = vmalloc(sim, 32 * KiB);
    run(sim, cmd(CommandType::Vfree, 0, a));
    ViewContext ctx;
    ctx.setSimulator(&sim);
    KernelSpaceView view(&ctx);
    view.resize(1200, 800);
    const std::uint64_t n = cursorAfterLast(sim, EventType::Vfree);
    showAt(ctx, sim, n, 0.5);
    std::size_t fading = 0;
    for (const auto& l : view.lines()) fading += l.fades && l.va >= a && l.va < a + 9 * kPage;
    QCOMPARE(fading, std::size_t(8));
    QVERIFY(view.captionText().contains(u"vfree"_s));
    // At the end of the run the area is gone for good.
    showAt(ctx, sim, sim.eventCount());
    for (const auto& l : view.lines()) QVERIFY(!(l.va >= a && l.va < a + 9 * kPage && l.kind == Kind::Vmalloc));
}

void TestKernelSpaceView::kernelTlbFlushBadge()
{
    Simulator sim = test::boot("x86-32", "2G");
    const std::uint64_t a = vmalloc(sim, 8 * KiB);
    run(sim, cmd(CommandType::Vfree, 0, a));
    ViewContext ctx;
    ctx.setSimulator(&sim);
    KernelSpaceView view(&ctx);
    view.resize(1200, 800);
    const std::uint64_t n = cursorAfterLast(sim, EventType::TlbFlush);
    QVERIFY(sim.events()[n - 1].flags & EventFlag::Kernel);
    showAt(ctx, sim, n, 0.5);
    const QRectF badge = view.tlbBadgeRect();
    QVERIFY(!badge.isEmpty());
    QVERIFY(QRectF(view.rect()).contains(badge));
    QVERIFY(badge.left() >= view.virtualBar().right() && badge.right() <= view.physicalBar().left());
    showAt(ctx, sim, n - 1 - 2); // before the flushes
    QVERIFY(view.tlbBadgeRect().isEmpty());
}

void TestKernelSpaceView::clickSelectsFrame_data()
{
    addPresetRows();
}

void TestKernelSpaceView::clickSelectsFrame()
{
    QFETCH(QString, preset);
    Simulator sim = test::boot(preset.toLatin1().constData(), "2G");
    const std::uint64_t a = vmalloc(sim, 16 * KiB);
    ViewContext ctx;
    ctx.setSimulator(&sim);
    KernelSpaceView view(&ctx);
    view.resize(1200, 800);
    showAt(ctx, sim, sim.eventCount());
    const Pfn want = kmem::vmAreaAt(sim.current(), a)->pages[2];
    const QPointF pt = *view.pointOfFrame(want);
    QSignalSpy spy(&ctx, &ViewContext::selectionChanged);
    QTest::mouseClick(&view, Qt::LeftButton, {}, pt.toPoint());
    QVERIFY(ctx.selectedFrame());
    QVERIFY(samePoint(*view.pointOfFrame(*ctx.selectedFrame()), pt)); // that frame, or one sharing its cell
    QVERIFY(std::count(kmem::vmAreaAt(sim.current(), a)->pages.begin(), kmem::vmAreaAt(sim.current(), a)->pages.end(),
        *ctx.selectedFrame()));
    QCOMPARE(spy.count(), 1);
    // Anywhere on the physical bar selects the frame there.
    const auto& s = view.strips().front();
    QTest::mouseClick(&view, Qt::LeftButton, {}, QPoint(int(s.image.left() + 1), int(s.image.bottom() - 1)));
    QVERIFY(ctx.selectedFrame());
    QVERIFY(*ctx.selectedFrame() >= s.start && *ctx.selectedFrame() < s.end);
    // A page of the inset selects its frame.
    const auto in
        = std::find_if(view.insets().begin(), view.insets().end(), [&](const auto& i) { return i.start == a; });
    QVERIFY(in != view.insets().end());
    QTest::mouseClick(&view, Qt::LeftButton, {}, in->cell(1).center().toPoint());
    QCOMPARE(ctx.selectedFrame(), std::optional<Pfn>(kmem::vmAreaAt(sim.current(), a)->pages[1]));
}

void TestKernelSpaceView::tooltips()
{
    Simulator sim = test::boot("x86-32", "2G");
    const std::uint64_t a = vmalloc(sim, 16 * KiB);
    ViewContext ctx;
    ctx.setSimulator(&sim);
    KernelSpaceView view(&ctx);
    view.resize(1200, 800);
    showAt(ctx, sim, sim.eventCount());
    const auto* vm = regionOfKind(view, KernelRegionKind::Vmalloc);
    const QString region = view.toolTipAt(QPointF(vm->rect.center().x(), vm->rect.top() + 2));
    QVERIFY2(region.contains(u"0xf8800000"_s), qPrintable(region));
    const Pfn p = kmem::vmAreaAt(sim.current(), a)->pages[0];
    const QString frame = view.toolTipAt(*view.pointOfFrame(p));
    QVERIFY2(frame.contains(QString::number(p)) && frame.contains(u"0xf8800000"_s), qPrintable(frame));
    const auto* dm = regionOfKind(view, KernelRegionKind::DirectMap);
    QVERIFY(view.toolTipAt(dm->rect.center()).contains(u"high_memory"_s));
}

void TestKernelSpaceView::paints_data()
{
    QTest::addColumn<QString>("preset");
    QTest::addColumn<bool>("dark");
    QTest::addColumn<QSize>("size");
    for (const char* p : { "x86-32", "x86-64" })
        for (bool dark : { false, true })
            for (QSize s : { QSize(1200, 800), QSize(500, 400) })
                QTest::addRow("%s %s %dx%d", p, dark ? "dark" : "light", s.width(), s.height())
                    << QString::fromLatin1(p) << dark << s;
}

void TestKernelSpaceView::paints()
{
    {
        // Before any machine exists: paints without crashing.
        ViewContext empty;
        KernelSpaceView blank(&empty);
        blank.resize(600, 400);
        QVERIFY(!blank.grab().isNull());
    }
    QFETCH(QString, preset);
    QFETCH(bool, dark);
    QFETCH(QSize, size);
    Palette::setTheme(dark ? Theme::Dark : Theme::Light);
    Simulator sim = test::boot(preset.toLatin1().constData(), "2G");
    const bool is32 = sim.current().config.arch.is32bit;
    vmalloc(sim, 64 * KiB);
    kmalloc(sim, 64 * KiB);
    if (is32) kmap(sim, allocPage(sim, ZoneType::HighMem));
    test::spawn(sim, "cat");
    ViewContext ctx;
    ctx.setSimulator(&sim);
    KernelSpaceView view(&ctx);
    view.resize(size);
    showAt(ctx, sim, sim.eventCount(), 0.5);
    const QImage img = view.grab().toImage();
    QVERIFY2(inkShare(img) > 0.08, qPrintable(QString::number(inkShare(img))));
    // The bars are drawn where the layout says: the virtual bar's middle is not background.
    const QRgb bg = Palette::background().rgb();
    const QPointF c = view.virtualBar().center();
    int painted = 0;
    for (int dy = -20; dy <= 20; dy += 4)
        painted += (img.pixel(int(c.x()), int(c.y()) + dy) & 0xffffff) != (bg & 0xffffff);
    QVERIFY(painted > 5);
    for (const auto& s : view.strips()) QVERIFY(QRectF(view.rect()).contains(s.image));
    for (const auto& in : view.insets()) {
        QVERIFY(QRectF(view.rect()).contains(in.rect));
        QVERIFY(in.rect.left() > view.virtualBar().right() && in.label.right() <= view.physicalBar().left());
    }
    // Insets do not overlap one another (labels included).
    const auto& ins = view.insets();
    for (std::size_t i = 0; i < ins.size(); ++i)
        for (std::size_t j = i + 1; j < ins.size(); ++j)
            QVERIFY(!ins[i].rect.united(ins[i].label).intersects(ins[j].rect.united(ins[j].label)));
    QVERIFY(!view.footnoteText().isEmpty());
}

void TestKernelSpaceView::textbookMachine()
{
    // A textbook page-table spec has no kernel half: the view says so and draws no bars.
    auto spec = ArchSpec::makeCustom(32, { 5, 5 }, 1, 7, 0, 7, 4096);
    QVERIFY(std::holds_alternative<ArchSpec>(spec));
    MachineConfig c;
    c.preset = "custom";
    c.arch = std::get<ArchSpec>(spec);
    c.ramBytes = 4096;
    c.swapBytes = 0;
    const Simulator sim = test::boot(c);
    ViewContext ctx;
    KernelSpaceView view(&ctx);
    view.resize(800, 500);
    ctx.setState(sim.current(), sim.current(), 0);
    QVERIFY(view.regions().empty());
    QVERIFY(view.lines().empty());
    QVERIFY(!view.compareShown());
    QVERIFY(!view.grab().isNull());
    QVERIFY(!view.frameAt(QPointF(400, 250)));
    QVERIFY(view.toolTipAt(QPointF(400, 250)).isEmpty());
}

void TestKernelSpaceView::screenshots()
{
    const QByteArray dir = qgetenv("MEMVIZ_SCREENSHOTS");
    if (dir.isEmpty()) QSKIP("set MEMVIZ_SCREENSHOTS=<dir> to save screenshots");
    QDir().mkpath(QString::fromLocal8Bit(dir));
    const auto path = [&](const QString& name) -> QString { return QString::fromLocal8Bit(dir) + u'/' + name; };

    for (bool dark : { false, true }) {
        Palette::setTheme(dark ? Theme::Dark : Theme::Light);
        const QString sfx = dark ? u"_dark"_s : QString();
        {
            // The notes' 32-bit machine: vmalloc(64 KiB), kmalloc(64 KiB), kmap of a HighMem page.
            Simulator sim = test::boot("x86-32", "2G");
            vmalloc(sim, 64 * KiB);
            kmalloc(sim, 64 * KiB);
            kmap(sim, allocPage(sim, ZoneType::HighMem));
            ViewContext ctx;
            ctx.setSimulator(&sim);
            KernelSpaceView view(&ctx);
            view.resize(1200, 800);
            showAt(ctx, sim, cursorAfterLast(sim, EventType::Kmap), 0.5);
            QVERIFY(view.grab().save(path(u"kernelspace_x86-32_kmap%1.png"_s.arg(sfx))));
            showAt(ctx, sim, cursorAfterLast(sim, EventType::Vmalloc, int(VmallocOp::Map)), 0.5);
            QVERIFY(view.grab().save(path(u"kernelspace_x86-32_vmalloc_map%1.png"_s.arg(sfx))));
            view.resize(500, 400);
            showAt(ctx, sim, sim.eventCount());
            QVERIFY(view.grab().save(path(u"kernelspace_x86-32_small%1.png"_s.arg(sfx))));
            view.resize(900, 620);
            view.setCompare(KernelSpaceView::Compare::On);
            QVERIFY(view.grab().save(path(u"kernelspace_x86-32_compare_bottom%1.png"_s.arg(sfx))));
            view.setCompare(KernelSpaceView::Compare::Auto);
            // vfree: the area's lines fade, then the kernel TLB flush.
            view.resize(1200, 800);
            run(sim, cmd(CommandType::Vfree, 0, sim.current().kmem.vmAreas.begin()->first));
            showAt(ctx, sim, cursorAfterLast(sim, EventType::Vfree), 0.5);
            QVERIFY(view.grab().save(path(u"kernelspace_x86-32_vfree%1.png"_s.arg(sfx))));
            showAt(ctx, sim, cursorAfterLast(sim, EventType::TlbFlush), 0.6);
            QVERIFY(view.grab().save(path(u"kernelspace_x86-32_tlbflush%1.png"_s.arg(sfx))));
        }
        {
            // Scattered frames: single free pages spread over HighMem first.
            Simulator sim = test::boot("x86-32", "2G");
            scatter(sim, ZoneType::HighMem, 16, 12);
            vmalloc(sim, 64 * KiB);
            kmalloc(sim, 64 * KiB);
            kmap(sim, allocPage(sim, ZoneType::HighMem), true);
            ViewContext ctx;
            ctx.setSimulator(&sim);
            KernelSpaceView view(&ctx);
            view.resize(1200, 800);
            showAt(ctx, sim, sim.eventCount());
            QVERIFY(view.grab().save(path(u"kernelspace_x86-32_scattered%1.png"_s.arg(sfx))));
        }
        {
            // A busy 32-bit machine: processes (their stacks in the direct map), many areas, small kmallocs.
            Simulator sim = test::boot("x86-32", "2G");
            for (const char* name : { "sh", "cat", "top" }) test::spawn(sim, name);
            for (std::uint64_t kb : { 8, 64, 200, 12, 1024, 40, 4, 16 }) vmalloc(sim, kb * KiB);
            for (int i = 0; i < 40; ++i) kmalloc(sim, 100 + 50 * std::uint64_t(i));
            kmalloc(sim, 32 * KiB);
            for (int i = 0; i < 3; ++i) kmap(sim, allocPage(sim, ZoneType::HighMem), i == 2);
            ViewContext ctx;
            ctx.setSimulator(&sim);
            KernelSpaceView view(&ctx);
            view.resize(1200, 800);
            showAt(ctx, sim, sim.eventCount());
            QVERIFY(view.grab().save(path(u"kernelspace_x86-32_busy%1.png"_s.arg(sfx))));
            view.setScale(Scale::Log);
            QVERIFY(view.grab().save(path(u"kernelspace_x86-32_busy_log%1.png"_s.arg(sfx))));
        }
        {
            // A 100 MiB vmalloc on 64-bit: 25600 pages, a line for every 64th.
            Simulator sim = test::boot("x86-64", "4G");
            vmalloc(sim, 100 * MiB);
            kmalloc(sim, 4 * MiB);
            ViewContext ctx;
            ctx.setSimulator(&sim);
            KernelSpaceView view(&ctx);
            view.resize(1200, 800);
            showAt(ctx, sim, sim.eventCount());
            QVERIFY(view.grab().save(path(u"kernelspace_x86-64_big%1.png"_s.arg(sfx))));
        }
        {
            Simulator sim = test::boot("x86-64", "2G");
            vmalloc(sim, 64 * KiB);
            kmalloc(sim, 64 * KiB);
            test::spawn(sim, "cat");
            ViewContext ctx;
            ctx.setSimulator(&sim);
            KernelSpaceView view(&ctx);
            view.resize(1200, 800);
            showAt(ctx, sim, sim.eventCount());
            QVERIFY(view.grab().save(path(u"kernelspace_x86-64_break%1.png"_s.arg(sfx))));
            view.setScale(Scale::Log);
            QVERIFY(view.grab().save(path(u"kernelspace_x86-64_log%1.png"_s.arg(sfx))));
            view.setScale(Scale::Linear);
            QVERIFY(view.grab().save(path(u"kernelspace_x86-64_linear%1.png"_s.arg(sfx))));
            view.setScale(Scale::Break);
            view.resize(1920, 1080);
            QVERIFY(view.grab().save(path(u"kernelspace_x86-64_1080p%1.png"_s.arg(sfx))));
            view.resize(500, 400);
            QVERIFY(view.grab().save(path(u"kernelspace_x86-64_small%1.png"_s.arg(sfx))));
        }
    }
}

QTEST_MAIN(TestKernelSpaceView)
#include "tst_kernelspaceview.moc"
