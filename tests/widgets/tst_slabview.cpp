// SlabView: the strip geometry, that each row's groups hold the slabs of the cache's lists
// (SLAB: full, partial, free; SLUB: cpu slab, partial, full), what each slab step
// highlights and that its row is scrolled into view, hit-testing and tooltips of objects,
// "+N more" for crowded lists, selection by click, and that it paints in both themes at
// several sizes, a 2000-object kmalloc-8 included.
//
// Set MEMVIZ_SCREENSHOTS=<dir> to also save PNGs (slabview_*.png) for a human to look at.

#include "EventText.h"
#include "Palette.h"
#include "SlabView.h"
#include "TestUtil.h"
#include "ViewContext.h"
#include "widgets/WidgetTestUtil.h"
#include "sim/Simulator.h"

#include <QComboBox>
#include <QDir>
#include <QElapsedTimer>
#include <QImage>
#include <QSignalSpy>
#include <QTest>

using namespace memviz;
using memviz::test::inkShare;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(memviz::SlabKind)

namespace {

Simulator slabMachine(SlabKind kind, const char* ram = "256M")
{
    MachineConfig c = test::config("x86-64", ram);
    c.slab = kind;
    Simulator sim = test::boot(c);
    test::skipPerCommandCheck(sim);
    return sim;
}

CommandResult run(Simulator& sim, const Command& c)
{
    const CommandResult r = sim.apply(c);
    if (r.error) qFatal("command %s refused: %s", std::string(commandTypeName(c.type)).c_str(), errorCodeName(r.error.code));
    return r;
}

std::uint32_t createCache(Simulator& sim, const char* name, std::uint64_t size, std::uint64_t align = 0,
    std::uint32_t flags = 0)
{
    Command c;
    c.type = CommandType::KmemCacheCreate;
    c.text = name;
    c.len = size;
    c.step = align;
    c.mapFlags = flags;
    return std::uint32_t(run(sim, c).value);
}

std::uint64_t cacheAlloc(Simulator& sim, std::uint32_t cache)
{
    Command c;
    c.type = CommandType::KmemCacheAlloc;
    c.pfn = cache;
    return run(sim, c).value;
}

void cacheFree(Simulator& sim, std::uint32_t cache, std::uint64_t addr)
{
    Command c;
    c.type = CommandType::KmemCacheFree;
    c.pfn = cache;
    c.addr = addr;
    run(sim, c);
}

void cacheShrink(Simulator& sim, std::uint32_t cache)
{
    Command c;
    c.type = CommandType::KmemCacheShrink;
    c.pfn = cache;
    run(sim, c);
}

std::uint64_t kmalloc(Simulator& sim, std::uint64_t len)
{
    Command c;
    c.type = CommandType::Kmalloc;
    c.len = len;
    return run(sim, c).value;
}

/// A script's cache "my_obj" of 200-byte objects with `n` allocated and every third freed.
std::uint32_t busyCache(Simulator& sim, int n)
{
    const std::uint32_t id = createCache(sim, "my_obj", 200);
    std::vector<std::uint64_t> objs;
    for (int i = 0; i < n; ++i) objs.push_back(cacheAlloc(sim, id));
    for (int i = 0; i < n; i += 3) cacheFree(sim, id, objs[std::size_t(i)]);
    return id;
}

/// The position just after the last event of type t from event `from` on (0: none).
std::uint64_t afterLast(const Simulator& sim, EventType t, std::uint64_t from = 0, std::uint32_t flags = 0)
{
    std::uint64_t at = 0;
    for (std::uint64_t i = from; i < sim.eventCount(); ++i)
        if (sim.events()[i].type == t && (sim.events()[i].flags & flags) == flags) at = i + 1;
    return at;
}

/// The id of the cache called `name` (kNoCache when there is none).
std::uint32_t cacheNamed(const Machine& m, const char* name)
{
    for (std::uint32_t i = 0; i < m.kmem.caches.size(); ++i)
        if (m.str(m.kmem.caches[i].name) == name) return i;
    return kNoCache;
}

void seek(ViewContext& ctx, const Simulator& sim, std::uint64_t n, double progress = 1.0)
{
    ctx.setSimulator(&sim);
    auto [before, after] = sim.stepAt(n);
    ctx.setState(std::move(before), std::move(after), n);
    ctx.setProgress(progress);
}

std::vector<Pfn> listOf(const SlabCache& c, SlabList l)
{
    std::vector<Pfn> out;
    if (l == SlabList::Cpu) {
        if (c.cpuSlab != ~Pfn(0)) out.push_back(c.cpuSlab);
        return out;
    }
    for (const SlabNodeLists& n : c.nodes) {
        const auto& v = l == SlabList::Full ? n.full : l == SlabList::Partial ? n.partial : n.free;
        out.insert(out.end(), v.begin(), v.end());
    }
    return out;
}

/// Every row's groups against the machine: the right lists in the right order, their
/// counts, strips in list order with the right object count, and geometry that stays
/// inside the group.
void checkRows(const SlabView& view, const Machine& m)
{
    const bool slub = m.config.slab == SlabKind::Slub;
    const std::array<SlabList, 3> order = slub
        ? std::array<SlabList, 3> { SlabList::Cpu, SlabList::Partial, SlabList::Full }
        : std::array<SlabList, 3> { SlabList::Full, SlabList::Partial, SlabList::Free };
    for (const SlabView::Row& r : view.rows()) {
        QVERIFY(r.cache < m.kmem.caches.size());
        const SlabCache& c = m.kmem.caches[r.cache];
        QCOMPARE(r.groups.size(), std::size_t(3));
        std::uint64_t total = 0;
        for (std::size_t k = 0; k < 3; ++k) {
            const SlabView::Group& g = r.groups[k];
            QCOMPARE(g.list, order[k]);
            const std::vector<Pfn> all = listOf(c, g.list);
            QCOMPARE(g.slabs, std::uint64_t(all.size()));
            QCOMPARE(g.strips.size() + g.hidden, all.size());
            QCOMPARE(g.more.isEmpty(), g.hidden == 0);
            total += g.slabs;
            std::size_t at = 0;
            for (const SlabView::Strip& s : g.strips) {
                const auto it = m.kmem.slabs.find(s.pfn);
                QVERIFY(it != m.kmem.slabs.end());
                QCOMPARE(it->second.cache, r.cache);
                QCOMPARE(it->second.list, g.list);
                QCOMPARE(s.geo.objects, std::uint32_t(c.objsPerSlab));
                // In list order (all shown: exactly the list).
                const auto pos = std::find(all.begin(), all.end(), s.pfn);
                QVERIFY(pos != all.end());
                if (g.hidden == 0) QCOMPARE(std::size_t(pos - all.begin()), at);
                ++at;
                QVERIFY2(g.area.adjusted(-0.5, -0.5, 0.5, 0.5).contains(s.geo.rect),
                    qPrintable(u"strip outside its group in row %1"_s.arg(r.cache)));
                QVERIFY(s.geo.cellRect(0).width() > 0);
            }
            for (std::size_t i = 0; i + 1 < g.strips.size(); ++i)
                QVERIFY(!g.strips[i].geo.rect.intersects(g.strips[i + 1].geo.rect));
            if (!g.more.isEmpty()) QVERIFY(g.area.adjusted(-0.5, -0.5, 0.5, 0.5).contains(g.more));
            if (k > 0) QVERIFY(r.groups[k - 1].rect.right() < g.rect.left());
            QVERIFY(r.rect.contains(g.rect));
        }
        QCOMPARE(total, c.numSlabs);
    }
    for (std::size_t i = 0; i + 1 < view.rows().size(); ++i)
        QVERIFY(view.rows()[i].rect.bottom() <= view.rows()[i + 1].rect.top());
}

bool near(QRgb a, const QColor& b, int tol = 40)
{
    return std::abs(qRed(a) - b.red()) <= tol && std::abs(qGreen(a) - b.green()) <= tol
        && std::abs(qBlue(a) - b.blue()) <= tol;
}

/// Pixels of the highlight colour in r.
int highlightPixels(const QImage& img, const QRect& r)
{
    int n = 0;
    const QRect c = r.intersected(img.rect());
    for (int y = c.top(); y <= c.bottom(); ++y)
        for (int x = c.left(); x <= c.right(); ++x) n += near(img.pixel(x, y), Palette::highlight());
    return n;
}

} // namespace

class TestSlabView : public QObject {
    Q_OBJECT
private slots:
    void cleanup() { Palette::setTheme(Theme::Light); }
    void stripGeometry_data();
    void stripGeometry();
    void rowsMatchMachine_data();
    void rowsMatchMachine();
    void filters();
    void stepHighlights_data();
    void stepHighlights();
    void largeKmalloc();
    void animates_data();
    void animates();
    void crowdedList_data();
    void crowdedList();
    void hitTestAndTooltips_data();
    void hitTestAndTooltips();
    void clickSelectsSlab();
    void bigCachePaints();
    void paints_data();
    void paints();
    void screenshots();
};

void TestSlabView::stripGeometry_data()
{
    QTest::addColumn<int>("objects");
    QTest::addColumn<int>("size");
    QTest::addColumn<qulonglong>("bytes");
    QTest::addColumn<double>("width");
    QTest::addColumn<bool>("dense");
    QTest::addColumn<bool>("leftover");
    QTest::newRow("kmalloc-128, one page") << 32 << 128 << 4096ull << 320.0 << false << false;
    QTest::newRow("200-byte objects, leftover") << 20 << 200 << 4096ull << 400.0 << false << true;
    QTest::newRow("kmalloc-8: density bar") << 512 << 8 << 4096ull << 380.0 << true << false;
    QTest::newRow("task_struct, 8 pages") << 3 << 9856 << 32768ull << 120.0 << false << true;
    QTest::newRow("one object per slab") << 1 << 4096 << 4096ull << 60.0 << false << false;
}

void TestSlabView::stripGeometry()
{
    QFETCH(int, objects);
    QFETCH(int, size);
    QFETCH(qulonglong, bytes);
    QFETCH(double, width);
    QFETCH(bool, dense);
    QFETCH(bool, leftover);
    const QRectF r(10, 20, width, 14);
    const SlabStripGeometry g = SlabStripGeometry::make(r, std::uint32_t(objects), std::uint32_t(size), bytes);
    QCOMPARE(g.dense(), dense);
    QVERIFY(qFuzzyCompare(g.cellWidth(), width * size / double(bytes)));
    QCOMPARE(g.leftoverRect().isEmpty(), !leftover);
    // Cells tile the strip from its left edge; the leftover follows the last one.
    QVERIFY(qFuzzyCompare(g.cellRect(0).left(), r.left()));
    const QRectF last = g.cellRect(std::uint32_t(objects - 1));
    if (leftover) QVERIFY(std::abs(g.leftoverRect().left() - last.right()) < 1e-6);
    QVERIFY(last.right() <= r.right() + 1e-6);
    QVERIFY(g.cellRect(std::uint32_t(objects)).isEmpty());
    for (std::uint32_t i : { 0u, std::uint32_t(objects / 2), std::uint32_t(objects - 1) })
        QCOMPARE(g.objectAt(g.cellRect(i).center().x()), std::optional<std::uint32_t>(i));
    QVERIFY(!g.objectAt(r.left() - 1));
    if (leftover) QVERIFY(!g.objectAt(g.leftoverRect().center().x()));
}

void TestSlabView::rowsMatchMachine_data()
{
    QTest::addColumn<SlabKind>("kind");
    QTest::addColumn<int>("objects");
    QTest::addColumn<QSize>("size");
    QTest::newRow("SLAB, a few") << SlabKind::Slab << 30 << QSize(1200, 700);
    QTest::newRow("SLAB, many") << SlabKind::Slab << 400 << QSize(1200, 700);
    QTest::newRow("SLUB, a few") << SlabKind::Slub << 30 << QSize(1200, 700);
    QTest::newRow("SLUB, many") << SlabKind::Slub << 400 << QSize(1200, 700);
    QTest::newRow("SLAB, small view") << SlabKind::Slab << 100 << QSize(600, 400);
    QTest::newRow("SLUB, small view") << SlabKind::Slub << 100 << QSize(600, 400);
}

void TestSlabView::rowsMatchMachine()
{
    QFETCH(SlabKind, kind);
    QFETCH(int, objects);
    QFETCH(QSize, size);
    Simulator sim = slabMachine(kind);
    const std::uint32_t id = busyCache(sim, objects);
    kmalloc(sim, 100);
    ViewContext ctx;
    SlabView view(&ctx);
    view.resize(size);
    seek(ctx, sim, sim.eventCount());
    const Machine& m = ctx.machine();
    checkRows(view, m);
    // The script's cache comes first; kmalloc-128 (in use) has a row too.
    QVERIFY(!view.rows().empty());
    QCOMPARE(view.rows().front().cache, id);
    QVERIFY(view.row(cacheNamed(m, "kmalloc-128")));
    // Both lists the workload leaves are in use.
    const SlabView::Row* r = view.row(id);
    QVERIFY(r);
    std::uint64_t partial = 0;
    for (const auto& g : r->groups)
        if (g.list == SlabList::Partial) partial = g.slabs;
    QVERIFY(partial > 0);
    QVERIFY(inkShare(view.grab().toImage()) > 0.05);
}

void TestSlabView::filters()
{
    Simulator sim = slabMachine(SlabKind::Slab);
    const std::uint32_t id = createCache(sim, "empty_cache", 64);
    kmalloc(sim, 500); // kmalloc-512
    ViewContext ctx;
    SlabView view(&ctx);
    view.resize(1000, 600);
    seek(ctx, sim, sim.eventCount());
    const Machine& m = ctx.machine();
    QSignalSpy spy(&view, &SlabView::filterChanged);

    // In use: the script's empty cache and the caches with slabs, not the empty boot caches.
    QCOMPARE(view.filter(), SlabView::Filter::InUse);
    QVERIFY(view.row(id));
    QVERIFY(view.row(cacheNamed(m, "kmalloc-512")));
    for (const SlabView::Row& r : view.rows()) {
        const SlabCache& c = m.kmem.caches[r.cache];
        QVERIFY(c.numSlabs > 0 || !(c.flags & (SlabFlag::Kernel | SlabFlag::Kmalloc)));
    }
    const std::size_t inUse = view.rows().size();

    view.setFilter(SlabView::Filter::All);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(view.rows().size(), m.kmem.caches.size());
    QVERIFY(view.rows().size() > inUse);
    QCOMPARE(view.rows().front().cache, id); // the script's own first
    checkRows(view, m);

    view.setFilter(SlabView::Filter::Kmalloc);
    QCOMPARE(spy.count(), 2);
    QVERIFY(!view.rows().empty());
    for (const SlabView::Row& r : view.rows()) QVERIFY(m.kmem.caches[r.cache].flags & SlabFlag::Kmalloc);
    QVERIFY(!view.row(id));
    // The combo box drives the same setting.
    auto* box = view.findChild<QComboBox*>();
    QVERIFY(box);
    QCOMPARE(box->currentIndex(), int(SlabView::Filter::Kmalloc));
    box->setCurrentIndex(0);
    emit box->activated(0);
    QCOMPARE(view.filter(), SlabView::Filter::InUse);
    QCOMPARE(spy.count(), 3);
}

void TestSlabView::stepHighlights_data()
{
    QTest::addColumn<SlabKind>("kind");
    QTest::addColumn<int>("type");
    QTest::addColumn<bool>("deactivate");
    const auto row = [](const char* name, SlabKind k, EventType t, bool deact = false) {
        QTest::newRow(name) << k << int(t) << deact;
    };
    row("SLAB grow", SlabKind::Slab, EventType::SlabGrow);
    row("SLAB alloc", SlabKind::Slab, EventType::SlabAlloc);
    row("SLAB free", SlabKind::Slab, EventType::SlabFree);
    row("SLAB shrink", SlabKind::Slab, EventType::SlabShrink);
    row("SLAB kmalloc", SlabKind::Slab, EventType::Kmalloc);
    row("SLAB cache new", SlabKind::Slab, EventType::SlabCacheNew);
    row("SLUB grow", SlabKind::Slub, EventType::SlabGrow);
    row("SLUB alloc", SlabKind::Slub, EventType::SlabAlloc);
    row("SLUB free", SlabKind::Slub, EventType::SlabFree);
    row("SLUB shrink", SlabKind::Slub, EventType::SlabShrink);
    row("SLUB deactivate", SlabKind::Slub, EventType::SlabShrink, true);
}

void TestSlabView::stepHighlights()
{
    QFETCH(SlabKind, kind);
    QFETCH(int, type);
    QFETCH(bool, deactivate);
    const auto t = static_cast<EventType>(type);
    Simulator sim = slabMachine(kind);
    // Boot caches in use above... then the script's cache, all shown: its row must be
    // scrolled into view in a small window.
    for (std::uint64_t sz : { 8ull, 16ull, 32ull, 64ull, 96ull, 128ull, 192ull, 256ull, 512ull, 1024ull, 2048ull })
        kmalloc(sim, sz);
    const std::uint64_t start = sim.eventCount();
    const std::uint32_t id = createCache(sim, "dentry_like", 192, 0, SlabFlag::Reclaimable);
    std::vector<std::uint64_t> objs;
    for (int i = 0; i < 60; ++i) objs.push_back(cacheAlloc(sim, id));
    for (int i = 0; i < 60; ++i) cacheFree(sim, id, objs[std::size_t(i)]);
    cacheShrink(sim, id);
    kmalloc(sim, 1000);

    std::uint64_t at = afterLast(sim, t, start, deactivate ? kSlabDeactivate : 0);
    if (t == EventType::SlabShrink && !deactivate) {
        // The last give-back (not a deactivation).
        at = 0;
        for (std::uint64_t i = start; i < sim.eventCount(); ++i)
            if (sim.events()[i].type == t && !(sim.events()[i].flags & kSlabDeactivate)) at = i + 1;
    }
    if (t == EventType::SlabGrow || t == EventType::SlabAlloc) {
        // The script cache's first (a later step of the same kind is kmalloc-1k's).
        for (std::uint64_t i = start; i < sim.eventCount(); ++i)
            if (sim.events()[i].type == t && sim.events()[i].b == id) {
                at = i + 1;
                break;
            }
    }
    QVERIFY2(at > 0, "no such event in the run");
    const Event e = sim.events()[at - 1];

    ViewContext ctx;
    SlabView view(&ctx);
    view.setFilter(SlabView::Filter::All);
    view.resize(700, 420);
    seek(ctx, sim, at);
    const Machine& m = ctx.machine();

    const auto cache = view.highlightedCache();
    QVERIFY(cache);
    const SlabView::Row* r = view.row(*cache);
    QVERIFY(r);
    // Scrolled into view.
    QVERIFY2(view.rowsViewport().adjusted(0, -1, 0, 1).contains(r->rect),
        qPrintable(u"row %1 not in view"_s.arg(*cache)));
    QVERIFY(view.captionText().contains(QString::fromStdString(m.str(m.kmem.caches[*cache].name))));
    checkRows(view, m);

    if (t == EventType::SlabCacheNew) {
        QCOMPARE(*cache, id);
        QVERIFY(!view.highlightedSlab());
        return;
    }
    const auto slab = view.highlightedSlab();
    QVERIFY(slab);
    QVERIFY(!r->info.isEmpty());
    const QImage img = view.grab().toImage();
    if (t == EventType::SlabShrink && !deactivate) {
        // Gone back to the buddy allocator: no strip, the box and the pfn range stay.
        QCOMPARE(*slab, Pfn(e.pfn));
        QVERIFY(!view.strip(*slab));
        QVERIFY(!r->buddy.isEmpty());
        QVERIFY(view.captionText().contains(EventText::pfn(e.pfn)));
        QVERIFY(highlightPixels(img, r->buddy.toAlignedRect().adjusted(-2, -2, 2, 2)) > 0);
        return;
    }
    const SlabView::Strip* s = view.strip(*slab);
    QVERIFY(s);
    QCOMPARE(s->list, m.kmem.slabs.at(*slab).list);
    if (t == EventType::SlabGrow) {
        QVERIFY(!r->buddy.isEmpty());
        QCOMPARE(s->list, kind == SlabKind::Slub ? SlabList::Cpu : SlabList::Free);
    }
    if (deactivate) QVERIFY(s->list == SlabList::Partial || s->list == SlabList::Full);
    // The strip is outlined in the highlight colour.
    QVERIFY(highlightPixels(img, s->geo.rect.toAlignedRect().adjusted(-4, -4, 4, 4)) > 10);
    if (t == EventType::SlabAlloc || t == EventType::SlabFree || t == EventType::Kmalloc) {
        const auto obj = view.highlightedObject();
        QVERIFY(obj);
        if (t != EventType::Kmalloc) QCOMPARE(*obj, std::uint32_t(e.c));
        const QRectF cell = view.objectRect(*slab, *obj);
        QVERIFY(!cell.isEmpty());
        // The object's cell is ringed in the highlight colour.
        QVERIFY(highlightPixels(img, cell.toAlignedRect().adjusted(-4, -4, 4, 4)) > 4);
        QCOMPARE(kmem::objectAddress(m, *slab, *obj), e.a);
        // Used after an allocation, free after a free.
        QCOMPARE(m.kmem.slabs.at(*slab).isUsed(*obj), t != EventType::SlabFree);
        const auto hit = view.hitTest(cell.center());
        QCOMPARE(hit.slab, std::optional<Pfn>(*slab));
        QCOMPARE(hit.object, std::optional<std::uint32_t>(*obj));
    }
}

void TestSlabView::largeKmalloc()
{
    Simulator sim = slabMachine(SlabKind::Slab);
    const std::uint64_t addr = kmalloc(sim, 64 * 1024);
    QVERIFY(addr);
    ViewContext ctx;
    SlabView view(&ctx);
    view.resize(900, 500);
    seek(ctx, sim, afterLast(sim, EventType::Kmalloc));
    QVERIFY(!view.highlightedCache());
    QVERIFY(view.captionText().contains(u"buddy"_s));
    QVERIFY(inkShare(view.grab().toImage()) > 0.02);
}

void TestSlabView::animates_data()
{
    QTest::addColumn<SlabKind>("kind");
    QTest::addColumn<int>("type");
    QTest::newRow("SLAB grow") << SlabKind::Slab << int(EventType::SlabGrow);
    QTest::newRow("SLAB alloc") << SlabKind::Slab << int(EventType::SlabAlloc);
    QTest::newRow("SLAB free") << SlabKind::Slab << int(EventType::SlabFree);
    QTest::newRow("SLAB shrink") << SlabKind::Slab << int(EventType::SlabShrink);
    QTest::newRow("SLUB grow") << SlabKind::Slub << int(EventType::SlabGrow);
    QTest::newRow("SLUB alloc") << SlabKind::Slub << int(EventType::SlabAlloc);
}

void TestSlabView::animates()
{
    QFETCH(SlabKind, kind);
    QFETCH(int, type);
    Simulator sim = slabMachine(kind);
    const std::uint32_t id = createCache(sim, "my_obj", 500);
    std::vector<std::uint64_t> objs;
    for (int i = 0; i < 20; ++i) objs.push_back(cacheAlloc(sim, id));
    for (std::uint64_t a : objs) cacheFree(sim, id, a);
    cacheShrink(sim, id);
    const std::uint64_t at = afterLast(sim, static_cast<EventType>(type));
    QVERIFY(at > 0);
    ViewContext ctx;
    SlabView view(&ctx);
    view.resize(1000, 560);
    seek(ctx, sim, at, 0.0);
    const QImage start = view.grab().toImage();
    ctx.setProgress(0.5);
    const QImage mid = view.grab().toImage();
    ctx.setProgress(1.0);
    const QImage end = view.grab().toImage();
    QVERIFY(mid != end);
    QVERIFY(start != mid);
    QVERIFY(inkShare(mid) > 0.05);
}

void TestSlabView::crowdedList_data()
{
    QTest::addColumn<SlabKind>("kind");
    QTest::addColumn<QSize>("size");
    QTest::newRow("SLAB 1200x700") << SlabKind::Slab << QSize(1200, 700);
    QTest::newRow("SLAB 600x400") << SlabKind::Slab << QSize(600, 400);
    QTest::newRow("SLUB 1200x700") << SlabKind::Slub << QSize(1200, 700);
}

void TestSlabView::crowdedList()
{
    QFETCH(SlabKind, kind);
    QFETCH(QSize, size);
    // One object per slab under SLAB (SLUB puts 8 in an order-3 slab): hundreds of full slabs.
    Simulator sim = slabMachine(kind);
    const std::uint32_t id = createCache(sim, "page_sized", 4000);
    std::vector<std::uint64_t> objs;
    for (int i = 0; i < 400; ++i) objs.push_back(cacheAlloc(sim, id));
    // Free an object on a slab in the middle of the full list: its step must show it.
    cacheFree(sim, id, objs[200]);
    ViewContext ctx;
    SlabView view(&ctx);
    view.resize(size);
    seek(ctx, sim, afterLast(sim, EventType::SlabFree));
    const Machine& m = ctx.machine();
    QCOMPARE(m.kmem.caches[id].objsPerSlab, std::uint16_t(kind == SlabKind::Slab ? 1 : 8));
    checkRows(view, m);
    const SlabView::Row* r = view.row(id);
    QVERIFY(r);
    const SlabView::Group* full = nullptr;
    for (const auto& g : r->groups)
        if (g.list == SlabList::Full) full = &g;
    QVERIFY(full);
    QVERIFY(full->slabs >= (kind == SlabKind::Slab ? 398u : 48u));
    QVERIFY(full->hidden > 0);
    QVERIFY(!full->more.isEmpty());
    QVERIFY(full->strips.size() >= 4);
    // Strips shrank to fit several side by side before collapsing.
    QVERIFY(full->strips[0].geo.rect.top() == full->strips[1].geo.rect.top());
    // The freed object's slab is shown even though it sat in the middle of the list.
    const auto slab = view.highlightedSlab();
    QVERIFY(slab);
    QVERIFY(view.strip(*slab));
    QVERIFY(view.toolTipAt(full->more.center()).contains(QLocale().toString(qulonglong(full->hidden))));
}

void TestSlabView::hitTestAndTooltips_data()
{
    QTest::addColumn<SlabKind>("kind");
    QTest::addColumn<int>("objectSize");
    QTest::newRow("SLAB 200 B") << SlabKind::Slab << 200;
    QTest::newRow("SLAB 2000 B") << SlabKind::Slab << 2000;
    QTest::newRow("SLUB 64 B") << SlabKind::Slub << 64;
    QTest::newRow("SLUB 16 B (density bar)") << SlabKind::Slub << 16;
}

void TestSlabView::hitTestAndTooltips()
{
    QFETCH(SlabKind, kind);
    QFETCH(int, objectSize);
    Simulator sim = slabMachine(kind);
    const std::uint32_t id = createCache(sim, "probe", std::uint64_t(objectSize));
    for (int i = 0; i < 5; ++i) cacheAlloc(sim, id);
    ViewContext ctx;
    SlabView view(&ctx);
    view.resize(1100, 600);
    seek(ctx, sim, sim.eventCount());
    const Machine& m = ctx.machine();
    const SlabView::Row* r = view.row(id);
    QVERIFY(r);
    const SlabView::Strip* s = nullptr;
    for (const auto& g : r->groups)
        if (!g.strips.empty()) s = &g.strips.front();
    QVERIFY(s);
    const Slab& slab = m.kmem.slabs.at(s->pfn);
    const std::uint32_t n = m.kmem.caches[id].objsPerSlab;
    for (std::uint32_t i : { 0u, std::min(4u, n - 1), n / 2, n - 1 }) {
        const QRectF cell = view.objectRect(s->pfn, i);
        QVERIFY(!cell.isEmpty());
        const auto hit = view.hitTest(cell.center());
        QCOMPARE(hit.cache, id);
        QCOMPARE(hit.slab, std::optional<Pfn>(s->pfn));
        QCOMPARE(hit.object, std::optional<std::uint32_t>(i));
        const QString tip = view.toolTipAt(cell.center());
        QVERIFY2(tip.contains(EventText::hex(kmem::objectAddress(m, s->pfn, i))), qPrintable(tip));
        QVERIFY(tip.contains(EventText::pfn(s->pfn)));
        QVERIFY(tip.contains(u"probe"_s));
        QVERIFY(tip.contains(slab.isUsed(i) ? SlabView::tr("in use") : SlabView::tr("free")));
    }
    // The row's name and a group label have tooltips of their own.
    QVERIFY(view.toolTipAt(r->header.topLeft() + QPointF(5, r->header.height() / 2)).contains(u"probe"_s));
    QVERIFY(!view.toolTipAt(r->groups[1].label.center()).isEmpty());
    QVERIFY(!view.hitTest(QPointF(-5, -5)).slab);
}

void TestSlabView::clickSelectsSlab()
{
    Simulator sim = slabMachine(SlabKind::Slab);
    const std::uint32_t id = createCache(sim, "clicky", 300);
    for (int i = 0; i < 30; ++i) cacheAlloc(sim, id);
    ViewContext ctx;
    SlabView view(&ctx);
    view.resize(1000, 560);
    seek(ctx, sim, sim.eventCount());
    const SlabView::Row* r = view.row(id);
    QVERIFY(r);
    const SlabView::Strip* s = nullptr;
    for (const auto& g : r->groups)
        if (!g.strips.empty()) s = &g.strips.front();
    QVERIFY(s);
    const Pfn pfn = s->pfn;
    QSignalSpy sel(&ctx, &ViewContext::selectionChanged);
    QSignalSpy clicked(&view, &SlabView::slabClicked);
    QTest::mouseClick(&view, Qt::LeftButton, {}, s->geo.cellRect(1).center().toPoint());
    QCOMPARE(sel.count(), 1);
    QCOMPARE(clicked.count(), 1);
    QCOMPARE(clicked.front().front().toULongLong(), qulonglong(pfn));
    QCOMPARE(ctx.selectedFrame(), std::optional<Pfn>(pfn));
    // A click on nothing keeps the selection.
    QTest::mouseClick(&view, Qt::LeftButton, {}, QPoint(2, 2));
    QCOMPARE(ctx.selectedFrame(), std::optional<Pfn>(pfn));
    QVERIFY(!view.grab().isNull());
    // The selected slab's cache keeps its row under any filter, and a frame selected
    // elsewhere (a tail page of the slab, as the physical map may pick) scrolls it into view.
    view.setFilter(SlabView::Filter::Kmalloc);
    QVERIFY(view.row(id));
    view.setFilter(SlabView::Filter::All);
    view.resize(700, 300);
    view.scrollToCache(cacheNamed(ctx.machine(), "task_struct")); // the last row
    QVERIFY(view.rows().size() > 3);
    QVERIFY(!view.rowsViewport().contains(view.row(id)->rect)); // scrolled away from it
    ctx.setSelectedFrame(std::nullopt);
    ctx.setSelectedFrame(pfn + ((Pfn(1) << ctx.machine().kmem.caches[id].order) - 1));
    const SlabView::Row* again = view.row(id);
    QVERIFY(again);
    QVERIFY(view.rowsViewport().adjusted(0, -1, 0, 1).contains(again->rect));
}

void TestSlabView::bigCachePaints()
{
    // kmalloc-8 under SLUB has 512 objects a slab: 2000 of them are four slabs whose cells
    // would be under a pixel, so they become density bars.
    Simulator sim = slabMachine(SlabKind::Slub);
    for (int i = 0; i < 2000; ++i) kmalloc(sim, 8);
    const Machine& m = sim.current();
    const std::uint32_t k8 = cacheNamed(m, "kmalloc-8");
    QVERIFY(k8 != kNoCache);
    QCOMPARE(m.str(m.kmem.caches[k8].name), std::string("kmalloc-8"));
    QVERIFY(m.kmem.caches[k8].activeObjs >= 2000);
    ViewContext ctx;
    SlabView view(&ctx);
    view.resize(1200, 700);
    QElapsedTimer timer;
    timer.start();
    seek(ctx, sim, sim.eventCount());
    const QImage img = view.grab().toImage();
    qInfo("kmalloc-8 with 2000 objects: first paint %lld ms", timer.restart());
    for (int i = 0; i < 5; ++i) view.grab();
    qInfo("five more paints: %lld ms", timer.elapsed());
    QVERIFY(inkShare(img) > 0.05);
    const SlabView::Row* r = view.row(k8);
    QVERIFY(r);
    checkRows(view, ctx.machine());
    bool dense = false;
    for (const auto& g : r->groups)
        for (const auto& s : g.strips) dense |= s.geo.dense();
    QVERIFY(dense);
    // Hit-testing still finds single objects in a density bar.
    const SlabView::Strip* s = nullptr;
    for (const auto& g : r->groups)
        if (!g.strips.empty()) s = &g.strips.front();
    QVERIFY(s);
    const auto hit = view.hitTest(s->geo.rect.center());
    QVERIFY(hit.object);
    QVERIFY(*hit.object < 512);
}

void TestSlabView::paints_data()
{
    QTest::addColumn<SlabKind>("kind");
    QTest::addColumn<bool>("dark");
    QTest::addColumn<QSize>("size");
    QTest::addColumn<double>("progress");
    for (SlabKind k : { SlabKind::Slab, SlabKind::Slub }) {
        const char* name = k == SlabKind::Slab ? "SLAB" : "SLUB";
        for (bool dark : { false, true }) {
            const char* theme = dark ? "dark" : "light";
            QTest::addRow("%s %s 1200x700", name, theme) << k << dark << QSize(1200, 700) << 1.0;
            QTest::addRow("%s %s 600x400 mid-step", name, theme) << k << dark << QSize(600, 400) << 0.5;
            QTest::addRow("%s %s minimum", name, theme) << k << dark << QSize(420, 280) << 1.0;
        }
        QTest::addRow("%s 1080p", name) << k << false << QSize(1920, 1080) << 0.5;
    }
}

void TestSlabView::paints()
{
    {
        // Before any machine exists: paints without crashing.
        ViewContext empty;
        SlabView blank(&empty);
        blank.resize(600, 400);
        QVERIFY(!blank.grab().isNull());
        QVERIFY(blank.rows().empty());
    }
    QFETCH(SlabKind, kind);
    QFETCH(bool, dark);
    QFETCH(QSize, size);
    QFETCH(double, progress);
    Palette::setTheme(dark ? Theme::Dark : Theme::Light);
    Simulator sim = slabMachine(kind);
    busyCache(sim, 50);
    kmalloc(sim, 100);
    kmalloc(sim, 3000);
    ViewContext ctx;
    SlabView view(&ctx);
    view.resize(size);
    seek(ctx, sim, afterLast(sim, EventType::SlabAlloc), progress);
    const QImage img = view.grab().toImage();
    QVERIFY(inkShare(img) > 0.05);
    checkRows(view, ctx.machine());
    // Rows lie inside the view horizontally, and the visible ones are in the viewport.
    for (const auto& r : view.rows()) {
        QVERIFY(r.rect.left() >= 0 && r.rect.right() <= size.width());
        for (const auto& g : r.groups) QVERIFY(g.rect.right() <= size.width());
    }
    QVERIFY(view.rowsViewport().bottom() <= size.height());
}

void TestSlabView::screenshots()
{
    const QByteArray dir = qgetenv("MEMVIZ_SCREENSHOTS");
    if (dir.isEmpty()) QSKIP("set MEMVIZ_SCREENSHOTS=<dir> to save screenshots");
    QDir().mkpath(QString::fromLocal8Bit(dir));
    const auto path = [&](const QString& name) -> QString { return QString::fromLocal8Bit(dir) + u'/' + name; };
    for (SlabKind kind : { SlabKind::Slab, SlabKind::Slub }) {
        const QString k = kind == SlabKind::Slab ? u"slab"_s : u"slub"_s;
        Simulator sim = slabMachine(kind);
        for (int i = 0; i < 300; ++i) kmalloc(sim, 8 + std::uint64_t(i % 3) * 60);
        const std::uint64_t start = sim.eventCount();
        const std::uint32_t id = createCache(sim, "my_obj", 500);
        std::vector<std::uint64_t> objs;
        for (int i = 0; i < 40; ++i) objs.push_back(cacheAlloc(sim, id));
        for (int i = 0; i < 40; i += 3) cacheFree(sim, id, objs[std::size_t(i)]);
        const std::uint64_t grow = afterLast(sim, EventType::SlabGrow, start);
        const std::uint64_t alloc = afterLast(sim, EventType::SlabAlloc, start);
        const std::uint64_t freeAt = afterLast(sim, EventType::SlabFree, start);
        cacheShrink(sim, id);
        for (std::uint64_t a : objs) (void)a;
        const std::uint64_t end = sim.eventCount();
        for (bool dark : { false, true }) {
            Palette::setTheme(dark ? Theme::Dark : Theme::Light);
            const QString theme = dark ? u"dark"_s : u"light"_s;
            for (QSize size : { QSize(1200, 700), QSize(600, 400), QSize(420, 280), QSize(1920, 1080) }) {
                ViewContext ctx;
                SlabView view(&ctx);
                view.resize(size);
                const QString sz = u"%1x%2"_s.arg(size.width()).arg(size.height());
                const auto shot = [&](std::uint64_t at, double progress, const QString& what) {
                    seek(ctx, sim, at, progress);
                    view.grab().save(path(u"slabview_%1_%2_%3_%4.png"_s.arg(k, what, theme, sz)));
                };
                shot(grow - 1, 1.0, u"idle"_s); // the buddy allocator's step before the grow
                shot(grow, 0.5, u"grow-mid"_s);
                shot(alloc, 0.5, u"alloc-mid"_s);
                shot(freeAt, 1.0, u"free"_s);
                shot(end, 1.0, u"shrink"_s);
                view.setFilter(SlabView::Filter::All);
                shot(alloc, 1.0, u"all"_s);
            }
        }
    }
    // A crowded list ("+N more"), a slab selected by a click, a large kmalloc.
    for (SlabKind kind : { SlabKind::Slab, SlabKind::Slub }) {
        const QString k = kind == SlabKind::Slab ? u"slab"_s : u"slub"_s;
        Simulator sim = slabMachine(kind);
        const std::uint32_t id = createCache(sim, "page_sized", 4000);
        std::vector<std::uint64_t> objs;
        for (int i = 0; i < 400; ++i) objs.push_back(cacheAlloc(sim, id));
        cacheFree(sim, id, objs[200]);
        const std::uint64_t freed = sim.eventCount();
        kmalloc(sim, 100000);
        for (bool dark : { false, true }) {
            Palette::setTheme(dark ? Theme::Dark : Theme::Light);
            const QString theme = dark ? u"dark"_s : u"light"_s;
            for (QSize size : { QSize(1200, 700), QSize(600, 400) }) {
                ViewContext ctx;
                SlabView view(&ctx);
                view.resize(size);
                const QString sz = u"%1x%2"_s.arg(size.width()).arg(size.height());
                seek(ctx, sim, freed);
                if (const auto s = view.highlightedSlab()) ctx.setSelectedFrame(*s);
                view.grab().save(path(u"slabview_%1_crowded_%2_%3.png"_s.arg(k, theme, sz)));
                seek(ctx, sim, sim.eventCount());
                view.grab().save(path(u"slabview_%1_kmalloc-large_%2_%3.png"_s.arg(k, theme, sz)));
            }
        }
    }
}

QTEST_MAIN(TestSlabView)
#include "tst_slabview.moc"
