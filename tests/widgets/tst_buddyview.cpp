// BuddyView: paints (image, SVG, HiDPI) at every stage of an animated step, follows
// the zone of the current event unless pinned, and survives a language change.
//
// Set MEMVIZ_SCREENSHOTS=<dir> to also save PNGs of a split and a merge, mid-step,
// in the light and the dark theme (buddyview_*.png), for a human to look at.

#include "BuddyView.h"
#include "TestUtil.h"
#include "Palette.h"
#include "ViewContext.h"
#include "sim/MachineConfig.h"
#include "sim/Simulator.h"

#include <QBuffer>
#include <QComboBox>
#include <QDir>
#include <QImage>
#include <QPainter>
#include <QSet>
#include <QSignalSpy>
#include <QSvgGenerator>
#include <QTest>
#include <QTranslator>

using namespace memviz;
using namespace Qt::StringLiterals;

namespace {

constexpr int kDMA = 0;
constexpr int kDMA32 = 1;

/// A run with some history, so the lists are not trivially short.
Simulator storyMachine()
{
    Simulator sim = test::boot("x86-64", "64M");
    std::vector<Pfn> got;
    for (int order : { 0, 0, 1, 0, 2, 0, 3, 0 }) got.push_back(*sim.apply(Command::allocPages(order)).pfn);
    sim.apply(Command::freePages(got[1], 0));
    sim.apply(Command::freePages(got[3], 0));
    sim.apply(Command::freePages(got[4], 2));
    return sim;
}

std::uint64_t findEvent(const Simulator& sim, EventType t, std::uint64_t from = 0)
{
    for (std::uint64_t i = from; i < sim.eventCount(); ++i)
        if (sim.events()[i].type == t) return i;
    return sim.eventCount();
}

/// Shows event index n (0-based) as the step in progress.
void showStep(ViewContext& ctx, const Simulator& sim, std::uint64_t n, double progress)
{
    ctx.setSimulator(&sim);
    ctx.setState(sim.stateAt(n), sim.stateAt(n + 1), n + 1);
    ctx.setProgress(progress);
}

QImage render(QWidget& w, qreal dpr = 1)
{
    QImage img(w.size() * dpr, QImage::Format_ARGB32_Premultiplied);
    img.setDevicePixelRatio(dpr);
    img.fill(Qt::transparent);
    w.render(&img);
    return img;
}

/// Share of pixels that differ from the background, and the number of distinct colours.
std::pair<double, int> ink(const QImage& img)
{
    const QRgb bg = Palette::background().rgb();
    qsizetype differ = 0;
    QSet<QRgb> colours;
    for (int y = 0; y < img.height(); y += 2)
        for (int x = 0; x < img.width(); x += 2) {
            const QRgb c = img.pixel(x, y);
            if (c != bg) ++differ;
            if (colours.size() < 1000) colours.insert(c);
        }
    return { double(differ) / (double(img.width() / 2) * (img.height() / 2)), int(colours.size()) };
}

/// Marks every string of the view's context, to see that a language change re-reads them.
class MarkingTranslator : public QTranslator {
public:
    QString translate(const char* context, const char* source, const char*, int) const override
    {
        if (qstrcmp(context, "memviz::BuddyView") == 0) return u"«"_s + QString::fromUtf8(source);
        return QString();
    }
    bool isEmpty() const override { return false; }
};

} // namespace

class TestBuddyView : public QObject {
    Q_OBJECT
private slots:
    void cleanup() { Palette::setTheme(Theme::Light); }
    void paintsSplitStep_data();
    void paintsSplitStep();
    void paintsEveryBuddyEvent();
    void smallViewKeepsRowsReadable();
    void svgAndHiDpi();
    void followsZoneOfEvent();
    void pinnedZoneStays();
    void selectorListsPopulatedZones();
    void emptyContext();
    void languageChange();
    void screenshots();
};

void TestBuddyView::paintsSplitStep_data()
{
    QTest::addColumn<double>("progress");
    QTest::addColumn<bool>("dark");
    for (bool dark : { false, true })
        for (double p : { 0.0, 0.5, 1.0 }) QTest::addRow("%s %.1f", dark ? "dark" : "light", p) << p << dark;
}

void TestBuddyView::paintsSplitStep()
{
    QFETCH(double, progress);
    QFETCH(bool, dark);
    Palette::setTheme(dark ? Theme::Dark : Theme::Light);
    Simulator sim = test::boot("x86-64", "64M");
    sim.apply(Command::allocPages(0));
    const std::uint64_t n = findEvent(sim, EventType::BuddySplit) + 1; // the second split
    ViewContext ctx;
    BuddyView view(&ctx);
    view.resize(view.sizeHint());
    showStep(ctx, sim, n, progress);
    const QImage img = render(view);
    const auto [share, colours] = ink(img);
    QVERIFY2(share > 0.05, qPrintable(QString::number(share)));
    QVERIFY2(colours > 8, qPrintable(QString::number(colours)));
    QCOMPARE(view.zone(), kDMA32);
    QVERIFY(view.layoutBefore().isValid() && view.layoutAfter().isValid());
    QVERIFY(view.layoutAfter().working());

    // The picture moves between the start and the end of the step.
    ctx.setProgress(0.0);
    const QImage start = render(view);
    ctx.setProgress(1.0);
    const QImage end = render(view);
    QVERIFY(start != end);
}

void TestBuddyView::smallViewKeepsRowsReadable()
{
    // The buddy tab of a 1280x720 window: the rows stay a line of text high (the caption gives
    // way), and a list holding one block shows that block, not a "+1 more" that fits no better.
    Simulator sim = test::boot("x86-64", "64M");
    for (int o : { 0, 1, 2, 3 }) sim.apply(Command::allocPages(o));
    ViewContext ctx;
    BuddyView view(&ctx);
    view.resize(560, 410);
    showStep(ctx, sim, sim.eventCount(), 1.0);
    const QImage img = render(view);
    QVERIFY(!img.isNull());
    const BuddyLayout& l = view.layoutAfter();
    QVERIFY(l.isValid());
    const QFontMetricsF fm(view.font());
    for (const BuddyRow& row : l.rows()) {
        QVERIFY2(row.rect.height() >= fm.height(), qPrintable(QString::number(row.rect.height())));
        if (row.nrFree == 1) {
            QCOMPARE(row.boxCount, 1);
            const BuddyBox& b = l.boxes()[std::size_t(row.firstBox)];
            QCOMPARE(b.role, BuddyBox::Role::Free);
            QVERIFY(b.rect.right() <= row.listRect.right() + 0.5);
        }
    }
}

void TestBuddyView::paintsEveryBuddyEvent()
{
    Simulator sim = storyMachine();
    ViewContext ctx;
    BuddyView view(&ctx);
    view.resize(view.sizeHint());
    std::vector<bool> seen(static_cast<std::size_t>(EventType::Count));
    for (std::uint64_t n = 0; n < sim.eventCount(); ++n) {
        const auto t = static_cast<std::size_t>(sim.events()[n].type);
        if (seen[t]) continue;
        seen[t] = true;
        for (double p : { 0.0, 0.3, 0.7, 1.0 }) {
            showStep(ctx, sim, n, p);
            QVERIFY(ink(render(view)).first > 0.05);
        }
    }
    QVERIFY(seen[static_cast<std::size_t>(EventType::BuddyMerge)]);
    QVERIFY(seen[static_cast<std::size_t>(EventType::BuddyListAdd)]);
}

void TestBuddyView::svgAndHiDpi()
{
    Simulator sim = test::boot("x86-64", "64M");
    sim.apply(Command::allocPages(0));
    ViewContext ctx;
    BuddyView view(&ctx);
    view.resize(view.sizeHint());
    showStep(ctx, sim, findEvent(sim, EventType::BuddySplit), 0.5);

    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QSvgGenerator svg;
    svg.setOutputDevice(&buffer);
    svg.setSize(view.size());
    svg.setViewBox(QRect(QPoint(0, 0), view.size()));
    {
        QPainter p(&svg);
        view.render(&p);
    }
    const QByteArray out = buffer.data();
    QVERIFY(out.contains("<svg"));
    QVERIFY(out.size() > 5000);

    const QImage hi = render(view, 2.0);
    QCOMPARE(hi.size(), view.size() * 2);
    QVERIFY(ink(hi).first > 0.05);

    const QPixmap grabbed = view.grab();
    QVERIFY(!grabbed.isNull());
}

void TestBuddyView::followsZoneOfEvent()
{
    Simulator sim = test::boot("x86-64", "64M");
    sim.apply(Command::allocPages(0)); // DMA32
    const auto dma = sim.apply(Command::allocPages(0, ZoneType::DMA));
    QVERIFY(dma.pfn);
    ViewContext ctx;
    BuddyView view(&ctx);
    view.resize(view.sizeHint());
    QSignalSpy spy(&view, &BuddyView::zoneChanged);
    showStep(ctx, sim, 1, 1.0);
    QCOMPARE(view.zone(), kDMA32);
    showStep(ctx, sim, findEvent(sim, EventType::BuddySplit, dma.firstEvent), 1.0);
    QCOMPARE(view.zone(), kDMA);
    QVERIFY(!spy.isEmpty());
    QCOMPARE(spy.last().at(0).toInt(), kDMA);
    QVERIFY(!view.isZonePinned());
}

void TestBuddyView::pinnedZoneStays()
{
    Simulator sim = test::boot("x86-64", "64M");
    sim.apply(Command::allocPages(0));
    const auto dma = sim.apply(Command::allocPages(0, ZoneType::DMA));
    ViewContext ctx;
    BuddyView view(&ctx);
    view.resize(view.sizeHint());
    showStep(ctx, sim, 1, 1.0);
    view.pinZone(kDMA32);
    QVERIFY(view.isZonePinned());
    showStep(ctx, sim, dma.firstEvent + 1, 1.0);
    QCOMPARE(view.zone(), kDMA32); // pinned: does not follow the DMA event
    QVERIFY(ink(render(view)).first > 0.05);
    view.followEvents();
    QCOMPARE(view.zone(), kDMA);
    // The selector does the same as the API.
    auto* box = view.findChild<QComboBox*>();
    QVERIFY(box);
    const int idx = box->findData(kDMA32);
    QVERIFY(idx > 0);
    box->setCurrentIndex(idx);
    emit box->activated(idx);
    QVERIFY(view.isZonePinned());
    QCOMPARE(view.zone(), kDMA32);
    box->setCurrentIndex(0);
    emit box->activated(0);
    QVERIFY(!view.isZonePinned());
    QCOMPARE(view.zone(), kDMA);
}

void TestBuddyView::selectorListsPopulatedZones()
{
    Simulator sim = test::boot("x86-64", "64M");
    ViewContext ctx;
    ctx.setSimulator(&sim);
    ctx.setState(sim.current(), sim.current(), 0);
    BuddyView view(&ctx);
    auto* box = view.findChild<QComboBox*>();
    QVERIFY(box);
    QCOMPARE(box->count(), 3); // follow, DMA, DMA32 (Normal is empty below 4 GiB)
    QCOMPARE(box->itemText(1), u"DMA"_s);
    QCOMPARE(box->itemText(2), u"DMA32"_s);
    QCOMPARE(view.zone(), kDMA32); // nothing to follow yet: the largest zone
}

void TestBuddyView::emptyContext()
{
    ViewContext ctx;
    BuddyView view(&ctx);
    view.resize(view.sizeHint());
    QCOMPARE(view.zone(), -1);
    QVERIFY(ink(render(view)).first > 0.0);
}

void TestBuddyView::languageChange()
{
    Simulator sim = test::boot("x86-64", "64M");
    sim.apply(Command::allocPages(0));
    ViewContext ctx;
    BuddyView view(&ctx);
    view.resize(view.sizeHint());
    showStep(ctx, sim, 2, 0.5);
    auto* box = view.findChild<QComboBox*>();
    QVERIFY(box && !box->itemText(0).startsWith(u"«"_s));
    MarkingTranslator marker;
    QVERIFY(QCoreApplication::installTranslator(&marker));
    QEvent change(QEvent::LanguageChange);
    QCoreApplication::sendEvent(&view, &change);
    QVERIFY2(box->itemText(0).startsWith(u"«"_s), qPrintable(box->itemText(0)));
    QVERIFY(ink(render(view)).first > 0.05);
    QCoreApplication::removeTranslator(&marker);
    QCoreApplication::sendEvent(&view, &change);
    QVERIFY(!box->itemText(0).startsWith(u"«"_s));
}

void TestBuddyView::screenshots()
{
    const QByteArray dir = qgetenv("MEMVIZ_SCREENSHOTS");
    if (dir.isEmpty()) QSKIP("set MEMVIZ_SCREENSHOTS=<dir> to save screenshots");
    Simulator sim = storyMachine();
    // A split in the middle of a long chain, and a merge of a freed block with its buddy.
    const std::uint64_t split = findEvent(sim, EventType::BuddySplit, findEvent(sim, EventType::BuddySplit) + 2);
    const std::uint64_t merge = findEvent(sim, EventType::BuddyMerge, sim.commandStart(sim.commands().size() - 1));
    // The tail rule: free the only page of a fresh machine; the order-8 block goes to the tail.
    Simulator tailSim = test::boot("x86-64", "64M");
    tailSim.apply(Command::freePages(*tailSim.apply(Command::allocPages(0)).pfn, 0));
    const std::uint64_t tail = tailSim.eventCount() - 1;
    QCOMPARE(tailSim.events()[tail].type, EventType::BuddyListAdd);
    QVERIFY(tailSim.events()[tail].flags & EventFlag::Tail);
    const std::uint64_t alloc = findEvent(sim, EventType::BuddyAlloc, split);
    const std::uint64_t free = findEvent(sim, EventType::BuddyFree);
    struct Shot {
        const char* name;
        const Simulator* sim;
        std::uint64_t event;
        double progress;
    };
    const Shot shots[] = { { "split", &sim, split, 0.5 }, { "merge", &sim, merge, 0.5 },
        { "split_end", &sim, split, 1.0 }, { "merge_end", &sim, merge, 1.0 }, { "alloc", &sim, alloc, 0.5 },
        { "free", &sim, free, 0.5 }, { "tailadd", &tailSim, tail, 1.0 }, { "tailadd_mid", &tailSim, tail, 0.5 } };
    for (bool dark : { false, true }) {
        Palette::setTheme(dark ? Theme::Dark : Theme::Light);
        for (const Shot& s : shots) {
            QVERIFY(s.event < s.sim->eventCount());
            ViewContext ctx;
            BuddyView view(&ctx);
            view.resize(view.sizeHint());
            showStep(ctx, *s.sim, s.event, s.progress);
            const QString path = QDir(QString::fromLocal8Bit(dir))
                                     .filePath(u"buddyview_%1_%2.png"_s.arg(
                                         QString::fromLatin1(s.name), dark ? u"dark"_s : u"light"_s));
            QVERIFY(view.grab().save(path));
        }
    }
}

QTEST_MAIN(TestBuddyView)
#include "tst_buddyview.moc"
