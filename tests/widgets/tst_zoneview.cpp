// ZoneView: the bar scale maths, where the watermark marks land on each bar, kswapd's
// badge in its three states, what a watermark crossing highlights, and that it paints.
//
// Set MEMVIZ_SCREENSHOTS=<dir> to also save PNGs (zoneview_*.png) for a human to look at.

#include "Palette.h"
#include "TestUtil.h"
#include "widgets/WidgetTestUtil.h"
#include "ViewContext.h"
#include "ZoneView.h"
#include "sim/Apply.h"
#include "sim/Simulator.h"

#include <QComboBox>
#include <QDir>
#include <QImage>
#include <QSignalSpy>
#include <QTest>

#include <cmath>

using namespace memviz;
using memviz::test::inkShare;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(memviz::ZoneBarScale::Mode)

namespace {


/// Kernel allocations from `zone` until its free pages are just under the low watermark.
Machine nearlyFull(Simulator& sim, ZoneType zone)
{
    const std::uint8_t id = sim.current().zoneId(zone);
    const auto freeOf = [&] { return sim.current().zones[id].freePages; };
    const auto low = [&] { return sim.current().zones[id].mark(Wmark::Low); };
    const auto min = [&] { return sim.current().zones[id].mark(Wmark::Min); };
    const std::uint64_t target = (low() + min()) / 2 + 1;
    for (int order = 9; order >= 0; --order)
        while (freeOf() > target + (1u << order) && freeOf() > low()) {
            const CommandResult r = sim.apply(Command::allocPages(order, zone));
            if (!r.pfn) break;
        }
    return sim.current();
}

void show(ViewContext& ctx, ZoneView& v, const Machine& before, const Machine& after, std::optional<Event> e)
{
    ctx.setState(before, after, 1);
    ctx.setProgress(1.0);
    v.setStepEvent(e);
}

Event kswapdWake(ZoneType highest)
{
    Event e;
    e.type = EventType::KswapdWake;
    e.order = static_cast<std::uint8_t>(highest);
    return e;
}

Event kswapdSleep(bool gaveUp, int failures)
{
    Event e;
    e.type = EventType::KswapdSleep;
    e.a = gaveUp ? 1 : 0;
    e.b = std::uint64_t(failures);
    return e;
}

bool near(QRgb a, const QColor& b, int tol)
{
    return std::abs(qRed(a) - b.red()) <= tol && std::abs(qGreen(a) - b.green()) <= tol
        && std::abs(qBlue(a) - b.blue()) <= tol;
}

} // namespace

class TestZoneView : public QObject {
    Q_OBJECT
private slots:
    void cleanup() { Palette::setTheme(Theme::Light); }
    void scaleFractions_data();
    void scaleFractions();
    void zoomFallsBackOnTinyZones();
    void marksWhereTheNumbersSay_data();
    void marksWhereTheNumbersSay();
    void kswapdBadge_data();
    void kswapdBadge();
    void watermarkCrossing();
    void scaleSelector();
    void paints_data();
    void paints();
    void screenshots();
};

void TestZoneView::scaleFractions_data()
{
    QTest::addColumn<ZoneBarScale::Mode>("mode");
    QTest::addColumn<qulonglong>("managed");
    QTest::addColumn<qulonglong>("high");
    QTest::addColumn<qulonglong>("pages");
    QTest::addColumn<double>("fraction");
    using M = ZoneBarScale::Mode;
    // The worked example of reference §2: a 750,000-page zone with high = 19008.
    QTest::newRow("linear low") << M::Linear << 750000ull << 19008ull << 15840ull << 15840.0 / 750000;
    QTest::newRow("linear full") << M::Linear << 750000ull << 19008ull << 750000ull << 1.0;
    QTest::newRow("linear clamps") << M::Linear << 1000ull << 10ull << 5000ull << 1.0;
    QTest::newRow("zoom low") << M::WatermarkZoom << 750000ull << 19008ull << 15840ull << 0.7 * 15840 / 38016;
    QTest::newRow("zoom at break") << M::WatermarkZoom << 750000ull << 19008ull << 38016ull << 0.7;
    QTest::newRow("zoom above break")
        << M::WatermarkZoom << 750000ull << 19008ull << 394008ull << 0.7 + 0.3 * (394008.0 - 38016) / (750000 - 38016);
    QTest::newRow("zoom full") << M::WatermarkZoom << 750000ull << 19008ull << 750000ull << 1.0;
    QTest::newRow("log empty") << M::Log << 750000ull << 19008ull << 0ull << 0.0;
    QTest::newRow("log low") << M::Log << 750000ull << 19008ull << 15840ull << std::log1p(15840.0) / std::log1p(750000.0);
    QTest::newRow("log full") << M::Log << 750000ull << 19008ull << 750000ull << 1.0;
    QTest::newRow("empty zone") << M::Linear << 0ull << 0ull << 10ull << 0.0;
}

void TestZoneView::scaleFractions()
{
    QFETCH(ZoneBarScale::Mode, mode);
    QFETCH(qulonglong, managed);
    QFETCH(qulonglong, high);
    QFETCH(qulonglong, pages);
    QFETCH(double, fraction);
    const ZoneBarScale s = ZoneBarScale::make(mode, managed, high);
    QVERIFY(std::abs(s.fraction(pages) - fraction) < 1e-9);
    // Monotonic and inside 0..1.
    double last = -1;
    for (std::uint64_t p = 0; p <= managed; p += std::max<std::uint64_t>(1, managed / 97)) {
        const double f = s.fraction(p);
        QVERIFY(f >= last && f >= 0 && f <= 1);
        last = f;
    }
}

void TestZoneView::zoomFallsBackOnTinyZones()
{
    // 2·high is more than 70 % of the zone: a break would shrink, not magnify.
    const ZoneBarScale s = ZoneBarScale::make(ZoneBarScale::Mode::WatermarkZoom, 100, 40);
    QVERIFY(!s.hasBreak());
    QCOMPARE(s.mode, ZoneBarScale::Mode::Linear);
    QCOMPARE(s.fraction(50), 0.5);
    const ZoneBarScale big = ZoneBarScale::make(ZoneBarScale::Mode::WatermarkZoom, 750000, 19008);
    QVERIFY(big.hasBreak());
    QCOMPARE(big.ticks(), (std::vector<std::uint64_t> { 0, 38016, 750000 }));
}

void TestZoneView::marksWhereTheNumbersSay_data()
{
    QTest::addColumn<QString>("preset");
    QTest::addColumn<QString>("ram");
    QTest::addColumn<ZoneBarScale::Mode>("mode");
    for (const auto mode : { ZoneBarScale::Mode::WatermarkZoom, ZoneBarScale::Mode::Linear, ZoneBarScale::Mode::Log }) {
        const QString m = QString::number(int(mode));
        QTest::newRow(qPrintable(u"x86-64 1G mode "_s + m)) << u"x86-64"_s << u"1G"_s << mode;
        QTest::newRow(qPrintable(u"x86-64 6G mode "_s + m)) << u"x86-64"_s << u"6G"_s << mode;
        QTest::newRow(qPrintable(u"x86-32 2G mode "_s + m)) << u"x86-32"_s << u"2G"_s << mode;
    }
}

void TestZoneView::marksWhereTheNumbersSay()
{
    QFETCH(QString, preset);
    QFETCH(QString, ram);
    QFETCH(ZoneBarScale::Mode, mode);
    Simulator sim = test::boot(preset.toLatin1().constData(), ram.toLatin1().constData());
    const Machine& m = sim.current();
    ViewContext ctx;
    ZoneView view(&ctx);
    view.resize(900, 520);
    view.setScale(mode);
    show(ctx, view, m, m, std::nullopt);

    std::size_t populated = 0;
    for (const Zone& z : m.zones) populated += z.populated() && z.managed > 0;
    QCOMPARE(view.bars().size(), populated);
    const QImage img = view.grab().toImage();
    for (const ZoneView::Bar& b : view.bars()) {
        const Zone& z = m.zones[std::size_t(b.zoneId)];
        QVERIFY(b.track.width() > 300);
        QVERIFY(view.rect().contains(b.track.toRect()));
        // The low mark where the numbers put it: its share of the zone on this bar's scale.
        const double f = b.scale.fraction(z.mark(Wmark::Low));
        QVERIFY(std::abs(b.xLow - (b.track.left() + f * b.track.width())) < 1e-6);
        if (b.scale.mode == ZoneBarScale::Mode::Linear)
            QVERIFY(std::abs(f - double(z.mark(Wmark::Low)) / double(z.managed)) < 1e-12);
        QVERIFY(b.track.left() <= b.xMin && b.xMin <= b.xLow && b.xLow <= b.xHigh && b.xHigh <= b.track.right());
        QVERIFY(std::abs(b.xFree - ZoneView::xOf(b, z.freePages)) < 1e-6);
        // ... and the line is painted there: the pixel on the track is the low mark's colour.
        if (b.xLow - b.xMin > 3 && b.xHigh - b.xLow > 3) {
            const QRgb px = img.pixel(int(std::lround(b.xLow - 0.5)), int(b.track.top() + 2));
            QVERIFY2(near(px, Palette::ink(Palette::watermark(Wmark::Low)), 60),
                qPrintable(u"pixel %1 at x=%2"_s.arg(QColor(px).name()).arg(b.xLow)));
        }
        // Rows do not overlap.
        for (const ZoneView::Bar& o : view.bars())
            if (&o != &b) QVERIFY(!o.row.intersects(b.row));
    }
}

void TestZoneView::kswapdBadge_data()
{
    QTest::addColumn<int>("which");
    QTest::addColumn<int>("state");
    QTest::addColumn<QString>("words");
    QTest::newRow("boot: asleep") << 0 << int(ZoneView::KswapdState::Asleep) << u"asleep"_s;
    QTest::newRow("woken") << 1 << int(ZoneView::KswapdState::Awake) << u"awake"_s;
    QTest::newRow("balanced again") << 2 << int(ZoneView::KswapdState::Asleep) << u"asleep"_s;
    QTest::newRow("gave up") << 3 << int(ZoneView::KswapdState::GaveUp) << u"gave up"_s;
}

void TestZoneView::kswapdBadge()
{
    QFETCH(int, which);
    QFETCH(int, state);
    QFETCH(QString, words);
    Simulator sim = test::boot("x86-64", "256M");
    Machine before = sim.current();
    std::optional<Event> e;
    if (which == 1) e = kswapdWake(ZoneType::Normal);
    if (which == 2) e = kswapdSleep(false, 0);
    if (which == 3) e = kswapdSleep(true, 16);
    if (which >= 2) applyEvent(before, kswapdWake(ZoneType::Normal));
    Machine after = before;
    if (e) applyEvent(after, *e);

    ViewContext ctx;
    ZoneView view(&ctx);
    view.resize(900, 520);
    show(ctx, view, before, after, e);
    QCOMPARE(int(view.kswapdState()), state);
    QVERIFY2(view.kswapdText().contains(words), qPrintable(view.kswapdText()));
    QCOMPARE(view.kswapdHighlighted(), which != 0);
    const QRectF badge = view.kswapdBadgeRect();
    QVERIFY(badge.width() > 40 && view.rect().contains(badge.toRect()));
    // The badge does not run into the title or the scale selector.
    QVERIFY(badge.right() < view.findChild<QComboBox*>()->geometry().left());
    if (which == 3) QVERIFY(view.captionText().contains(u"16"_s));
    QVERIFY(inkShare(view.grab().toImage()) > 0.05);
}

void TestZoneView::watermarkCrossing()
{
    Simulator sim = test::boot("x86-64", "256M");
    const Machine before = sim.current();
    const Machine after = nearlyFull(sim, ZoneType::DMA32);
    const std::uint8_t id = after.zoneId(ZoneType::DMA32);
    const Zone& z = after.zones[id];
    QVERIFY(z.freePages <= z.mark(Wmark::Low));
    QVERIFY(z.freePages > z.mark(Wmark::Min));

    Event e;
    e.type = EventType::WatermarkCrossed;
    e.zone = id;
    e.flags = static_cast<std::uint32_t>(Wmark::Low) | EventFlag::Below;
    e.a = z.freePages;
    e.b = z.mark(Wmark::Low);

    ViewContext ctx;
    ZoneView view(&ctx);
    view.resize(900, 520);
    show(ctx, view, before, after, e);
    QCOMPARE(view.highlightedZone(), int(id));
    QCOMPARE(view.highlightedMark(), std::optional<Wmark>(Wmark::Low));
    QVERIFY(view.captionText().contains(u"below"_s));
    QVERIFY(!view.kswapdHighlighted());
    // Free pages now sit between min and low on the bar.
    const auto it = std::find_if(view.bars().begin(), view.bars().end(), [&](const auto& b) { return b.zoneId == id; });
    QVERIFY(it != view.bars().end());
    QVERIFY(it->xFree > it->xMin && it->xFree <= it->xLow);

    // The step animates: mid-way differs from the end.
    ctx.setState(before, after, 1);
    view.setStepEvent(e);
    ctx.setProgress(0.3);
    const QImage mid = view.grab().toImage();
    ctx.setProgress(1.0);
    QVERIFY(view.grab().toImage() != mid);

    // A new state drops the hand-made event.
    ctx.setState(after, after, 2);
    QCOMPARE(view.highlightedZone(), -1);
}

void TestZoneView::scaleSelector()
{
    Simulator sim = test::boot("x86-64", "1G");
    ViewContext ctx;
    ZoneView view(&ctx);
    view.resize(900, 520);
    show(ctx, view, sim.current(), sim.current(), std::nullopt);
    QSignalSpy spy(&view, &ZoneView::scaleChanged);
    auto* box = view.findChild<QComboBox*>();
    QVERIFY(box);
    QCOMPARE(box->count(), 3);
    QCOMPARE(box->currentIndex(), int(ZoneBarScale::Mode::WatermarkZoom));
    box->setCurrentIndex(int(ZoneBarScale::Mode::Log));
    emit box->activated(int(ZoneBarScale::Mode::Log));
    QCOMPARE(view.scale(), ZoneBarScale::Mode::Log);
    QCOMPARE(spy.count(), 1);
    for (const auto& b : view.bars()) QCOMPARE(b.scale.mode, ZoneBarScale::Mode::Log);
    QVERIFY(!view.accessibleName().isEmpty());
}

void TestZoneView::paints_data()
{
    QTest::addColumn<bool>("dark");
    QTest::addColumn<QSize>("size");
    QTest::newRow("light 900x500") << false << QSize(900, 500);
    QTest::newRow("dark 900x500") << true << QSize(900, 500);
    QTest::newRow("small docked") << false << QSize(520, 320);
    QTest::newRow("projector 1080p") << false << QSize(1920, 1080);
}

void TestZoneView::paints()
{
    {
        // Before any machine exists: paints without crashing.
        ViewContext empty;
        ZoneView blank(&empty);
        blank.resize(600, 400);
        QVERIFY(!blank.grab().isNull());
    }
    QFETCH(bool, dark);
    QFETCH(QSize, size);
    Palette::setTheme(dark ? Theme::Dark : Theme::Light);
    Simulator sim = test::boot("x86-64", "1G");
    const Machine m = nearlyFull(sim, ZoneType::DMA32);
    ViewContext ctx;
    ZoneView view(&ctx);
    view.resize(size);
    show(ctx, view, m, m, kswapdWake(ZoneType::Normal));
    const QImage img = view.grab().toImage();
    QVERIFY(inkShare(img) > 0.05);
    for (const auto& b : view.bars()) {
        QVERIFY(b.track.height() >= 14);
        QVERIFY(b.track.bottom() <= b.row.bottom() + 1);
        // Everything inside the view, nothing under the header.
        QVERIFY2(b.row.bottom() <= size.height(), qPrintable(u"row bottom %1"_s.arg(b.row.bottom())));
        QVERIFY(b.row.top() > view.kswapdBadgeRect().bottom());
    }
    QVERIFY(view.kswapdBadgeRect().right() <= size.width());
}

void TestZoneView::screenshots()
{
    const QByteArray dir = qgetenv("MEMVIZ_SCREENSHOTS");
    if (dir.isEmpty()) QSKIP("set MEMVIZ_SCREENSHOTS=<dir> to save screenshots");
    QDir().mkpath(QString::fromLocal8Bit(dir));
    const auto path = [&](const QString& name) -> QString { return QString::fromLocal8Bit(dir) + u'/' + name; };

    Simulator sim = test::boot("x86-64", "6G");
    const Machine before = sim.current();
    Machine full = nearlyFull(sim, ZoneType::Normal);
    const Event wake = kswapdWake(ZoneType::Normal);
    Machine awake = full;
    applyEvent(awake, wake);
    Machine gaveUp = awake;
    applyEvent(gaveUp, kswapdSleep(true, 16));
    Event crossed;
    crossed.type = EventType::WatermarkCrossed;
    crossed.zone = full.zoneId(ZoneType::Normal);
    crossed.flags = static_cast<std::uint32_t>(Wmark::Low) | EventFlag::Below;
    crossed.a = full.zones[crossed.zone].freePages;
    crossed.b = full.zones[crossed.zone].mark(Wmark::Low);

    for (bool dark : { false, true }) {
        Palette::setTheme(dark ? Theme::Dark : Theme::Light);
        const QString sfx = dark ? u"_dark"_s : QString();
        ViewContext ctx;
        ZoneView view(&ctx);
        view.resize(900, 500);
        show(ctx, view, full, awake, wake);
        QVERIFY(view.grab().save(path(u"zoneview_awake%1.png"_s.arg(sfx))));
        show(ctx, view, before, full, crossed);
        QVERIFY(view.grab().save(path(u"zoneview_crossed%1.png"_s.arg(sfx))));
        show(ctx, view, awake, gaveUp, kswapdSleep(true, 16));
        view.setScale(ZoneBarScale::Mode::Linear);
        QVERIFY(view.grab().save(path(u"zoneview_gaveup_linear%1.png"_s.arg(sfx))));
        view.setScale(ZoneBarScale::Mode::Log);
        QVERIFY(view.grab().save(path(u"zoneview_log%1.png"_s.arg(sfx))));
        view.setScale(ZoneBarScale::Mode::WatermarkZoom);
        show(ctx, view, before, before, std::nullopt);
        QVERIFY(view.grab().save(path(u"zoneview_boot%1.png"_s.arg(sfx))));
        view.resize(1920, 1080);
        show(ctx, view, full, awake, wake);
        QVERIFY(view.grab().save(path(u"zoneview_1080p%1.png"_s.arg(sfx))));
        view.resize(560, 340);
        QVERIFY(view.grab().save(path(u"zoneview_docked%1.png"_s.arg(sfx))));
    }
}

QTEST_MAIN(TestZoneView)
#include "tst_zoneview.moc"
