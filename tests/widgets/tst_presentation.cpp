// Presentation mode and HiDPI for every view: Palette::setPresentation makes lines thicker
// (Palette::line), text and outlines of higher contrast (WCAG contrast ratios checked here),
// pale fills stronger and the view fonts larger; each view, given real content, paints
// differently in presentation mode, its outlines really get thicker, switching the mode or
// the theme leaves nothing stale (the same picture as a view made in that mode), and at
// devicePixelRatio 2 it paints a crisp picture twice the size (not a 1x one scaled up).
//
// The suite runs with QT_SCALE_FACTOR=2 (set by main() unless the caller chose one), so
// that every QWidget::grab() is a HiDPI grab.
//
// Set MEMVIZ_SCREENSHOTS=<dir> to also save presentation_<view>_<theme>_<mode>_<size>.png
// for every view at the projector sizes 1920x1080 and 1280x720 (rendered at 1x), and
// presentation_<view>_hidpi.png (a dpr 2 grab); MEMVIZ_SCREENSHOT_VIEWS=buddy,walk limits
// them to some views, MEMVIZ_SCREENSHOT_QM=<file.qm> loads a translation first (the
// compiled zh_CN one is in the build's app/ directory) to check the layouts in Chinese.

#include "BuddyView.h"
#include "CowView.h"
#include "KernelSpaceView.h"
#include "LruSwapView.h"
#include "NumaView.h"
#include "OomView.h"
#include "PageWalkView.h"
#include "Palette.h"
#include "PhysicalMemoryView.h"
#include "ProcessView.h"
#include "SlabView.h"
#include "TestUtil.h"
#include "TimelinePlot.h"
#include "TlbView.h"
#include "ViewContext.h"
#include "ZoneView.h"
#include "widgets/WidgetTestUtil.h"

#include <QApplication>
#include <QDir>
#include <QImage>
#include <QPainter>
#include <QPixmap>
#include <QScopeGuard>
#include <QTest>
#include <QTranslator>

#include <algorithm>
#include <cmath>
#include <functional>
#include <memory>

using namespace memviz;
using namespace Qt::StringLiterals;

namespace {

/// WCAG 2 relative luminance of an sRGB colour.
double luminance(const QColor& c)
{
    const auto lin = [](double v) { return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * lin(c.redF()) + 0.7152 * lin(c.greenF()) + 0.0722 * lin(c.blueF());
}

/// WCAG 2 contrast ratio, 1 (none) .. 21 (black on white).
double contrast(const QColor& a, const QColor& b)
{
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

/// One run that gives every view something to show: two processes sharing pages after
/// fork() with a copy-on-write fault, a slab cache, kmalloc and vmalloc, an order-3
/// allocation (a split), and a hog that pushes a two-node machine into swap.
struct Run {
    std::unique_ptr<Simulator> sim;
    std::uint32_t parent = 0, child = 0;
};

CommandResult apply(Simulator& sim, const Command& c)
{
    const CommandResult r = sim.apply(c);
    if (r.error)
        qFatal("command %s refused: %s", std::string(commandTypeName(c.type)).c_str(), errorCodeName(r.error.code));
    return r;
}

void sleepFor(Simulator& sim, std::uint64_t ns)
{
    Command c = vmCommand(CommandType::Sleep, 0);
    c.len = ns;
    apply(sim, c);
}

Command kernelCommand(CommandType t, std::uint64_t len = 0)
{
    Command c;
    c.type = t;
    c.len = len;
    return c;
}

Run makeRun()
{
    MachineConfig c
        = test::withNumaNodes(test::config("x86-64"), { u"64M"_s, u"64M"_s }, u"10,20;20,10"_s, QString(), 2);
    c.swapBytes = 256ull << 20;
    Run r;
    r.sim = std::make_unique<Simulator>(test::boot(c));
    Simulator& sim = *r.sim;
    test::skipPerCommandCheck(sim);
    r.parent = test::spawn(sim, "demo");
    const std::uint64_t buf = test::mallocIn(sim, r.parent, 2 * MiB);
    test::access(sim, r.parent, buf, 256 * KiB, true);
    sleepFor(sim, 500'000'000);
    r.child = test::forkOf(sim, r.parent);
    test::access(sim, r.child, buf + 3 * 4096, 1, true); // copy-on-write
    sleepFor(sim, 500'000'000);

    Command cache = kernelCommand(CommandType::KmemCacheCreate, 192);
    cache.text = "demo_obj";
    const std::uint64_t id = apply(sim, cache).value;
    for (int i = 0; i < 6; ++i) {
        Command a = kernelCommand(CommandType::KmemCacheAlloc);
        a.pfn = id;
        apply(sim, a);
    }
    apply(sim, kernelCommand(CommandType::Kmalloc, 100));
    apply(sim, kernelCommand(CommandType::Kmalloc, 5000));
    apply(sim, kernelCommand(CommandType::Vmalloc, 40 * KiB));
    apply(sim, Command::allocPages(3));
    sleepFor(sim, 500'000'000);

    const std::uint32_t hog = test::spawn(sim, "hog");
    const std::uint64_t big = test::mmapAnon(sim, hog, 144 * MiB);
    for (int i = 0; i < 4; ++i) {
        test::access(sim, hog, big + std::uint64_t(i) * 36 * MiB, 36 * MiB, true);
        sleepFor(sim, 1'000'000'000);
    }
    test::access(sim, r.parent, buf, 64 * KiB, false); // TLB traffic at the end
    return r;
}

/// 1 + the index of the last event matching `pred` (the cursor that shows it), or the end.
std::uint64_t after(const Simulator& sim, const std::function<bool(const Event&)>& pred)
{
    for (std::uint64_t i = sim.eventCount(); i-- > 0;)
        if (pred(sim.events()[i])) return i + 1;
    return sim.eventCount();
}

std::function<bool(const Event&)> ofType(EventType t)
{
    return [t](const Event& e) { return e.type == t; };
}

const QStringList& viewIds()
{
    static const QStringList ids { u"buddy"_s, u"walk"_s, u"cow"_s, u"physical"_s, u"processes"_s, u"tlb"_s,
        u"timeline"_s, u"zones"_s, u"lru"_s, u"oom"_s, u"slab"_s, u"kernel"_s, u"numa"_s };
    return ids;
}

/// A view with its context, showing the step of the run that view is about.
struct Shown {
    ViewContext ctx;
    std::unique_ptr<QWidget> view;
};

std::unique_ptr<Shown> show(const Run& run, const QString& id, QSize size)
{
    const Simulator& sim = *run.sim;
    auto s = std::make_unique<Shown>();
    s->ctx.setSimulator(&sim);
    std::uint64_t n = sim.eventCount();
    const std::uint32_t child = run.child;
    if (id == u"buddy") n = after(sim, ofType(EventType::BuddySplit));
    else if (id == u"walk" || id == u"cow" || id == u"physical" || id == u"processes")
        n = after(sim, [child](const Event& e) { return e.type == EventType::CowCopy && e.pid == child; });
    else if (id == u"tlb") n = after(sim, ofType(EventType::TlbFill));
    else if (id == u"zones") n = after(sim, ofType(EventType::WatermarkCrossed));
    else if (id == u"lru") n = after(sim, ofType(EventType::SwapOut));
    else if (id == u"slab") n = after(sim, ofType(EventType::SlabAlloc));
    else if (id == u"kernel") n = after(sim, ofType(EventType::Vmalloc));
    else if (id == u"numa") n = after(sim, ofType(EventType::NodeFallback));
    auto [before, now] = sim.stepAt(n);
    s->ctx.setState(std::move(before), std::move(now), n);
    s->ctx.setProgress(1.0);

    QWidget* w = nullptr;
    if (id == u"buddy") w = new BuddyView(&s->ctx);
    else if (id == u"walk") w = new PageWalkView(&s->ctx);
    else if (id == u"cow") w = new CowView(&s->ctx);
    else if (id == u"physical") w = new PhysicalMemoryView(&s->ctx);
    else if (id == u"processes") w = new ProcessView(&s->ctx);
    else if (id == u"tlb") w = new TlbView(&s->ctx);
    else if (id == u"zones") w = new ZoneView(&s->ctx);
    else if (id == u"lru") w = new LruSwapView(&s->ctx);
    else if (id == u"oom") w = new OomView(&s->ctx);
    else if (id == u"slab") w = new SlabView(&s->ctx);
    else if (id == u"kernel") w = new KernelSpaceView(&s->ctx);
    else if (id == u"numa") w = new NumaView(&s->ctx);
    else if (id == u"timeline") {
        // As the app wires it: the whole run's history, the cursor at the player's time.
        auto* plot = new TimelinePlot;
        Shown* shown = s.get();
        const auto update = [plot, shown, &sim] {
            plot->setMachine(sim.current());
            plot->setCursorTime(shown->ctx.machine().timeNs);
        };
        QObject::connect(&s->ctx, &ViewContext::stateChanged, plot, update);
        update();
        w = plot;
    }
    if (!w) qFatal("no view %s", qPrintable(id));
    s->view.reset(w);
    w->setAttribute(Qt::WA_DontShowOnScreen);
    w->resize(size);
    w->show();
    QCoreApplication::processEvents();
    return s;
}

/// What the app does after switching the theme or presentation mode: a jump to the same
/// step (views drop what they cached) and a repaint.
void repaintAll(Shown& s)
{
    emit s.ctx.stateChanged(false);
    s.view->update();
    QCoreApplication::processEvents();
}

/// The view painted at 1x (whatever the screen's ratio), as the app's exporter would at dpr 1.
QImage render1x(QWidget* w)
{
    QImage img(w->size(), QImage::Format_RGB32);
    img.setDevicePixelRatio(1);
    img.fill(Palette::background());
    QPainter p(&img);
    w->render(&p);
    p.end();
    return img;
}

/// Detail finer than two device pixels: the mean difference between the picture and the
/// picture averaged over 2x2 blocks. A picture painted at 2x has it (glyph stems, one-pixel
/// edges); a 1x picture scaled up has little.
double fineDetail(const QImage& src)
{
    const QImage img = src.convertToFormat(QImage::Format_RGB32);
    double sum = 0;
    qsizetype n = 0;
    for (int y = 0; y + 1 < img.height(); y += 2) {
        const QRgb* a = reinterpret_cast<const QRgb*>(img.constScanLine(y));
        const QRgb* b = reinterpret_cast<const QRgb*>(img.constScanLine(y + 1));
        for (int x = 0; x + 1 < img.width(); x += 2) {
            const QRgb q[4] = { a[x], a[x + 1], b[x], b[x + 1] };
            for (int shift : { 16, 8, 0 }) {
                const auto channel = [shift](QRgb v) { return int((v >> shift) & 0xff); };
                const double mean = (channel(q[0]) + channel(q[1]) + channel(q[2]) + channel(q[3])) / 4.0;
                for (QRgb v : q) sum += std::abs(channel(v) - mean);
            }
            n += 12;
        }
    }
    return n ? sum / double(n) : 0;
}

/// Sharp edges: neighbouring device pixels (across and down) that differ by more than 160 in
/// some channel. Glyph stems and lines painted at the device's resolution have them; a
/// picture painted at half the resolution and scaled up smoothly has its steps halved.
qsizetype sharpEdges(const QImage& src)
{
    const QImage img = src.convertToFormat(QImage::Format_RGB32);
    const auto jump = [](QRgb a, QRgb b) {
        return std::max({ std::abs(qRed(a) - qRed(b)), std::abs(qGreen(a) - qGreen(b)), std::abs(qBlue(a) - qBlue(b)) })
            > 160;
    };
    qsizetype n = 0;
    for (int y = 0; y + 1 < img.height(); ++y) {
        const QRgb* a = reinterpret_cast<const QRgb*>(img.constScanLine(y));
        const QRgb* b = reinterpret_cast<const QRgb*>(img.constScanLine(y + 1));
        for (int x = 0; x + 1 < img.width(); ++x) n += jump(a[x], a[x + 1]) + jump(a[x], b[x]);
    }
    return n;
}

QString screenshotDir()
{
    return qEnvironmentVariable("MEMVIZ_SCREENSHOTS");
}

} // namespace

class TestPresentation : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanup()
    {
        // Normal mode and the light theme again, whatever a test function did.
        Palette::setPresentation(false);
        Palette::setTheme(Theme::Light);
    }

    void lineWidths_data();
    void lineWidths();
    void generationChanges();
    void contrastRatios_data();
    void contrastRatios();
    void paleFillsStronger();
    void viewFontGrows_data();
    void viewFontGrows();

    void presentationDiffers_data();
    void presentationDiffers();
    void themeSwitchRepaints_data();
    void themeSwitchRepaints();
    void outlinesThicker_data();
    void outlinesThicker();
    void hiDpi_data();
    void hiDpi();

    void screenshots();

private:
    Run m_run;
};

void TestPresentation::initTestCase()
{
    m_run = makeRun();
    const Simulator& sim = *m_run.sim;
    // The run has what the views are about.
    for (EventType t : { EventType::BuddySplit, EventType::CowCopy, EventType::TlbFill, EventType::SwapOut,
             EventType::SlabAlloc, EventType::Vmalloc, EventType::NodeFallback, EventType::WatermarkCrossed })
        QVERIFY2(test::countEvents(sim, t) > 0, qPrintable(u"no %1 event in the run"_s.arg(int(t))));
}

void TestPresentation::lineWidths_data()
{
    QTest::addColumn<double>("width");
    QTest::addColumn<double>("normal");
    QTest::addColumn<double>("presentation");
    QTest::newRow("hairline 0") << 0.0 << 1.0 << 1.0;
    QTest::newRow("thin 0.4") << 0.4 << 1.0 << 1.0;
    QTest::newRow("0.75") << 0.75 << 1.0 << 1.5;
    QTest::newRow("1") << 1.0 << 1.0 << 2.0;
    QTest::newRow("1.5") << 1.5 << 1.5 << 3.0;
    QTest::newRow("2.5") << 2.5 << 2.5 << 5.0;
    QTest::newRow("6") << 6.0 << 6.0 << 12.0;
}

void TestPresentation::lineWidths()
{
    QFETCH(double, width);
    QFETCH(double, normal);
    QFETCH(double, presentation);
    QVERIFY(!Palette::presentation());
    QCOMPARE(Palette::line(width), normal);
    Palette::setPresentation(true);
    QVERIFY(Palette::presentation());
    QCOMPARE(Palette::line(width), presentation);
}

void TestPresentation::generationChanges()
{
    const int g0 = Palette::generation();
    Palette::setPresentation(false); // no change: same generation
    Palette::setTheme(Theme::Light);
    QCOMPARE(Palette::generation(), g0);
    Palette::setPresentation(true);
    const int g1 = Palette::generation();
    QVERIFY(g1 != g0);
    Palette::setTheme(Theme::Dark);
    QVERIFY(Palette::generation() != g1);
}

void TestPresentation::contrastRatios_data()
{
    QTest::addColumn<bool>("dark");
    QTest::newRow("light") << false;
    QTest::newRow("dark") << true;
}

void TestPresentation::contrastRatios()
{
    QFETCH(bool, dark);
    Palette::setTheme(dark ? Theme::Dark : Theme::Light);
    const QColor bg = Palette::background();
    const double textNormal = contrast(Palette::text(), bg), mutedNormal = contrast(Palette::mutedText(), bg);
    const double gridNormal = contrast(Palette::gridLine(), bg);
    QVERIFY2(textNormal >= 4.5, qPrintable(QString::number(textNormal)));
    QVERIFY2(mutedNormal >= 4.5, qPrintable(QString::number(mutedNormal)));

    Palette::setPresentation(true);
    QCOMPARE(Palette::background(), bg);
    const double textShow = contrast(Palette::text(), bg), mutedShow = contrast(Palette::mutedText(), bg);
    const double gridShow = contrast(Palette::gridLine(), bg);
    QVERIFY2(mutedShow >= 7, qPrintable(QString::number(mutedShow)));
    QVERIFY2(textShow >= 12, qPrintable(QString::number(textShow)));
    QVERIFY(textShow >= textNormal);
    // Muted text close to text, grid lines and outlines stronger (darker on light, lighter on dark).
    QVERIFY2(mutedShow > mutedNormal + 2, qPrintable(u"%1 vs %2"_s.arg(mutedShow).arg(mutedNormal)));
    QVERIFY2(gridShow >= 2 && gridShow > gridNormal * 1.5, qPrintable(u"%1 vs %2"_s.arg(gridShow).arg(gridNormal)));
    if (dark) QVERIFY(luminance(Palette::gridLine()) > luminance(bg));
    else QVERIFY(luminance(Palette::gridLine()) < luminance(bg));
}

void TestPresentation::paleFillsStronger()
{
    for (Theme theme : { Theme::Light, Theme::Dark }) {
        Palette::setTheme(theme);
        const QColor bg = Palette::background();
        // Free frames of each zone, a pale tint and the unmapped page cache: further from the
        // background, the hue kept.
        for (ZoneType z : { ZoneType::DMA, ZoneType::DMA32, ZoneType::Normal, ZoneType::HighMem }) {
            Palette::setPresentation(false);
            const QColor normal = Palette::frame(z, FrameState::Free);
            const QColor tint = Palette::tint(Palette::zone(z), 0.1);
            Palette::setPresentation(true);
            const QColor shown = Palette::frame(z, FrameState::Free);
            QVERIFY(contrast(shown, bg) > contrast(normal, bg));
            QVERIFY(contrast(Palette::tint(Palette::zone(z), 0.1), bg) > contrast(tint, bg));
            QVERIFY2(std::abs(shown.hslHue() - Palette::zone(z).hslHue()) <= 6,
                qPrintable(u"zone %1: hue %2 vs %3"_s.arg(int(z)).arg(shown.hslHue()).arg(Palette::zone(z).hslHue())));
        }
        Palette::setPresentation(false);
        const QColor cached = Palette::pageCache(false);
        const QColor faded = Palette::faded(Palette::text(), 0.5);
        Palette::setPresentation(true);
        QVERIFY(Palette::pageCache(false).hslSaturationF() > cached.hslSaturationF());
        QVERIFY(contrast(Palette::faded(Palette::text(), 0.5), bg) > contrast(faded, bg));
        // tint() stays between the background and the colour, and is the identity at the ends.
        QCOMPARE(Palette::tint(Palette::highlight(), 0), bg);
        QCOMPARE(Palette::tint(Palette::highlight(), 1).rgb(), Palette::highlight().rgb());
    }
}

void TestPresentation::viewFontGrows_data()
{
    QTest::addColumn<QSize>("size");
    QTest::newRow("dock 500x320") << QSize(500, 320);
    QTest::newRow("720p 1280x720") << QSize(1280, 720);
    QTest::newRow("1080p 1920x1080") << QSize(1920, 1080);
    QTest::newRow("4k 3840x2160") << QSize(3840, 2160);
}

void TestPresentation::viewFontGrows()
{
    QFETCH(QSize, size);
    QWidget w;
    w.resize(size);
    const QFont normal = Palette::viewFont(&w);
    Palette::setPresentation(true);
    const QFont shown = Palette::viewFont(&w);
    QVERIFY2(shown.pointSizeF() > normal.pointSizeF(),
        qPrintable(u"%1 pt vs %2 pt"_s.arg(shown.pointSizeF()).arg(normal.pointSizeF())));
    QVERIFY(shown.pointSizeF() >= 16);
    QVERIFY(shown.pointSizeF() <= std::max(24.0, w.font().pointSizeF()));
    // The scaled fonts of the views follow.
    Palette::setPresentation(false);
    const ScaledFonts a(&w, 30, 60, 22);
    Palette::setPresentation(true);
    const ScaledFonts b(&w, 30, 60, 22);
    QVERIFY(b.px > a.px);
    QVERIFY(b.small.pixelSize() > a.small.pixelSize());
}

void TestPresentation::presentationDiffers_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<bool>("dark");
    for (const QString& id : viewIds()) {
        QTest::newRow(qPrintable(id + u" light"_s)) << id << false;
        QTest::newRow(qPrintable(id + u" dark"_s)) << id << true;
    }
}

void TestPresentation::presentationDiffers()
{
    QFETCH(QString, id);
    QFETCH(bool, dark);
    Palette::setTheme(dark ? Theme::Dark : Theme::Light);
    auto s = show(m_run, id, QSize(1280, 720));
    const QImage normal = render1x(s->view.get());
    QVERIFY2(test::inkShare(normal) > 0.02, "the view draws little: no content?");

    Palette::setPresentation(true);
    repaintAll(*s);
    const QImage shown = render1x(s->view.get());
    QVERIFY(normal != shown);
    QVERIFY2(test::inkShare(shown) > 0.02, "presentation mode draws little");
    // Nothing stale: the same picture as a view made in presentation mode.
    {
        auto fresh = show(m_run, id, QSize(1280, 720));
        const QImage made = render1x(fresh->view.get());
        if (made != shown && !screenshotDir().isEmpty()) {
            shown.save(u"%1/stale_%2_%3_toggled.png"_s.arg(screenshotDir(), id, dark ? u"dark"_s : u"light"_s));
            made.save(u"%1/stale_%2_%3_fresh.png"_s.arg(screenshotDir(), id, dark ? u"dark"_s : u"light"_s));
        }
        QCOMPARE(made, shown);
    }
    // Back to normal: the same picture as before (nothing cached from presentation mode).
    Palette::setPresentation(false);
    repaintAll(*s);
    QCOMPARE(render1x(s->view.get()), normal);
}

void TestPresentation::themeSwitchRepaints_data()
{
    presentationDiffers_data(); // "dark": presentation mode on while switching
}

void TestPresentation::themeSwitchRepaints()
{
    // Light to dark as the app does it (the theme, a jump to the same step, a repaint): the
    // same picture as a view made in the dark theme, nothing cached from the light one.
    QFETCH(QString, id);
    QFETCH(bool, dark);
    Palette::setPresentation(dark);
    auto s = show(m_run, id, QSize(960, 600));
    const QImage light = render1x(s->view.get());
    Palette::setTheme(Theme::Dark);
    repaintAll(*s);
    const QImage switched = render1x(s->view.get());
    QVERIFY(switched != light);
    auto fresh = show(m_run, id, QSize(960, 600));
    QCOMPARE(render1x(fresh->view.get()), switched);
}

void TestPresentation::outlinesThicker_data()
{
    // The views whose header ends in a grid line across the whole width.
    QTest::addColumn<QString>("id");
    QTest::addColumn<bool>("dark");
    for (const QString& id : { u"buddy"_s, u"cow"_s, u"physical"_s, u"processes"_s, u"zones"_s, u"lru"_s, u"slab"_s,
             u"kernel"_s, u"numa"_s }) {
        QTest::newRow(qPrintable(id + u" light"_s)) << id << false;
        QTest::newRow(qPrintable(id + u" dark"_s)) << id << true;
    }
}

void TestPresentation::outlinesThicker()
{
    // The header's bottom line, measured down the left edge (left of any text): how many
    // pixels' worth of the grid-line colour it lays down. One in normal mode, two in
    // presentation mode (antialiased edges count by their coverage).
    QFETCH(QString, id);
    QFETCH(bool, dark);
    Palette::setTheme(dark ? Theme::Dark : Theme::Light);
    auto s = show(m_run, id, QSize(1280, 720));
    const auto lineWidth = [](const QImage& img) {
        // Painting blends in the sRGB-encoded values: measure coverage there.
        const double bg = qGray(Palette::background().rgb()), grid = qGray(Palette::gridLine().rgb());
        std::vector<double> cover;
        for (int y = 0; y < img.height() / 3; ++y)
            cover.push_back(std::clamp((qGray(img.pixel(2, y)) - bg) / (grid - bg), 0.0, 1.0));
        const auto peak = std::find_if(cover.begin(), cover.end(), [](double c) { return c > 0.9; });
        if (peak == cover.end()) return 0.0;
        double sum = 0;
        for (auto it = std::max(cover.begin(), peak - 3); it != cover.end() && it <= peak + 3; ++it)
            if (*it > 0.15) sum += *it;
        return sum;
    };
    const double normal = lineWidth(render1x(s->view.get()));
    QVERIFY2(normal >= 0.9 && normal <= 1.4, qPrintable(u"header line %1 px wide in normal mode"_s.arg(normal)));
    Palette::setPresentation(true);
    repaintAll(*s);
    const double shown = lineWidth(render1x(s->view.get()));
    QVERIFY2(shown >= 1.8 && shown <= 2.6, qPrintable(u"header line %1 px wide in presentation mode"_s.arg(shown)));
}

void TestPresentation::hiDpi_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<bool>("presentation");
    for (const QString& id : viewIds()) {
        QTest::newRow(qPrintable(id)) << id << false;
        QTest::newRow(qPrintable(id + u" presentation"_s)) << id << true;
    }
}

void TestPresentation::hiDpi()
{
    QFETCH(QString, id);
    QFETCH(bool, presentation);
    Palette::setPresentation(presentation);
    const QSize size(960, 600);
    auto s = show(m_run, id, size);
    QWidget* w = s->view.get();
    QCOMPARE(w->devicePixelRatioF(), 2.0);
    const QPixmap pm = w->grab();
    QCOMPARE(pm.devicePixelRatio(), 2.0);
    QCOMPARE(pm.size(), size * 2);
    const QImage hi = pm.toImage();
    QVERIFY2(test::inkShare(hi) > 0.02, "blank HiDPI grab");
    // Crisp: sharp steps between neighbouring device pixels (a 1x picture scaled up smoothly
    // has none, its steps are halved) and detail inside 2x2 blocks (a 1x picture scaled up
    // pixel by pixel has none).
    const QImage lo = render1x(w);
    const QImage smooth = lo.scaled(size * 2, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    const qsizetype edgesHi = sharpEdges(hi), edgesLo = sharpEdges(lo);
    QVERIFY2(edgesHi > edgesLo,
        qPrintable(u"%1 sharp edges at dpr 2, %2 at dpr 1"_s.arg(edgesHi).arg(edgesLo)));
    const double detailHi = fineDetail(hi), detailSmooth = fineDetail(smooth);
    QVERIFY2(detailHi > detailSmooth * 0.5,
        qPrintable(u"fine detail %1 at dpr 2, %2 for a 1x picture scaled up"_s.arg(detailHi).arg(detailSmooth)));
}

void TestPresentation::screenshots()
{
    const QString dir = screenshotDir();
    if (dir.isEmpty()) QSKIP("set MEMVIZ_SCREENSHOTS=<dir> to save the pictures");
    QDir().mkpath(dir);
    QTranslator translator;
    if (const QString qm = qEnvironmentVariable("MEMVIZ_SCREENSHOT_QM"); !qm.isEmpty()) {
        QVERIFY2(translator.load(qm), qPrintable(qm));
        QCoreApplication::installTranslator(&translator);
    }
    const QStringList only = qEnvironmentVariable("MEMVIZ_SCREENSHOT_VIEWS").split(u',', Qt::SkipEmptyParts);
    const QFont appFont = QApplication::font();
    const auto restoreFont = qScopeGuard([&] { QApplication::setFont(appFont); });
    for (const QString& id : viewIds()) {
        if (!only.isEmpty() && !only.contains(id)) continue;
        for (bool dark : { false, true })
            for (bool on : { false, true }) {
                Palette::setTheme(dark ? Theme::Dark : Theme::Light);
                Palette::setPresentation(on);
                // As the main window does in presentation mode: the application font 1.6 times
                // larger, at least 16 pt (header widgets, tables and the player follow it).
                QFont big = appFont;
                if (on) big.setPointSizeF(std::max(16.0, appFont.pointSizeF() * 1.6));
                QApplication::setFont(big);
                for (const QSize size : { QSize(1920, 1080), QSize(1280, 720) }) {
                    if (!on && size.width() == 1280) continue;
                    auto s = show(m_run, id, size);
                    const QString name = u"%1/presentation_%2_%3_%4_%5x%6.png"_s
                                             .arg(dir, id, dark ? u"dark"_s : u"light"_s, on ? u"on"_s : u"off"_s)
                                             .arg(size.width())
                                             .arg(size.height());
                    QVERIFY(render1x(s->view.get()).save(name));
                }
            }
        Palette::setTheme(Theme::Light);
        Palette::setPresentation(true);
        auto s = show(m_run, id, QSize(960, 600));
        QVERIFY(s->view->grab().save(u"%1/presentation_%2_hidpi.png"_s.arg(dir, id)));
    }
}

int main(int argc, char** argv)
{
    // Every window at devicePixelRatio 2, as on a HiDPI screen.
    if (!qEnvironmentVariableIsSet("QT_SCALE_FACTOR")) qputenv("QT_SCALE_FACTOR", "2");
    QApplication app(argc, argv);
    TestPresentation t;
    return QTest::qExec(&t, argc, argv);
}

#include "tst_presentation.moc"
