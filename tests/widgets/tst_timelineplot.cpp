// TimelinePlot: the columns of free and sar computed from hand-made samples, rates
// between samples, the CSV of what is plotted, image exports of the requested size,
// the cursor, and growing histories appended without a rebuild.

#include "TimelinePlot.h"

// See TimelinePlot.cpp: qcustomplot.h needs foreach, which QT_NO_FOREACH removes.
#define foreach(declaration, container) for (declaration : container)
#include <qcustomplot.h>
#undef foreach

#include <QImage>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace memviz;
using namespace Qt::StringLiterals;
using Series = TimelinePlot::Series;

namespace {

/// Second 1 of a 1 GB machine with 2 GB of swap (kB; counters cumulative).
Sample first()
{
    Sample s;
    s.timeNs = 1000000000;
    s.memTotal = 1000000;
    s.memFree = 200000;
    s.memAvailable = 500000;
    s.buffers = 10000;
    s.cached = 300000;
    s.sReclaimable = 20000;
    s.slab = 50000;
    s.shmem = 5000;
    s.swapTotal = 2000000;
    s.swapFree = 1500000;
    s.swapCached = 3000;
    s.committedAs = 800000;
    s.active = 400000;
    s.inactive = 300000;
    s.dirty = 1200;
    s.anonPages = 350000;
    s.pageTables = 8000;
    s.pgpgin = 1000;
    s.pgpgout = 3000;
    s.pgfault = 5000;
    s.pgmajfault = 10;
    s.pgfree = 7000;
    s.pgscanKswapd = 100;
    s.pgstealKswapd = 50;
    s.pswpin = 4;
    s.pswpout = 6;
    return s;
}

/// Two seconds later: reclaim and swap at work.
Sample later()
{
    Sample s = first();
    s.timeNs = 3000000000;
    s.memFree = 150000;
    s.pgpgin = 1400;
    s.pgpgout = 3240;
    s.pgfault = 9000;
    s.pgmajfault = 14;
    s.pgfree = 8000;
    s.pgscanKswapd = 700;
    s.pgscanDirect = 200;
    s.pgstealKswapd = 450;
    s.pgstealDirect = 100;
    s.pswpin = 24;
    s.pswpout = 66;
    return s;
}

/// `n` samples, one a second from second `from`: memory filling up, swap growing.
SampleLog history(std::size_t n, std::size_t from = 0)
{
    SampleLog log;
    for (std::size_t i = from; i < from + n; ++i) {
        Sample s = first();
        s.timeNs = i * 1000000000ull;
        s.memFree = 900000 - (i * 1000) % 800000;
        s.memAvailable = s.memFree + 100000;
        s.swapFree = s.swapTotal - i * 10;
        s.pgfault = i * 500;
        s.pgscanKswapd = i * i;
        s.pgstealKswapd = i * i / 2;
        s.pswpout = i * 10;
        log.push(s);
    }
    return log;
}

} // namespace

class TestTimelinePlot : public QObject {
    Q_OBJECT
private slots:
    void values_data();
    void values();
    void ratesNeedAPreviousSample();
    void vmeffWithoutScans();
    void columnsAndGroups();
    void csvIsExact();
    void exportsImages();
    void exportCsvFile();
    void cursorFollowsTime();
    void appendsWithoutRebuilding();
    void followsDataUntilZoomed();
    void selectionAndAxes();
};

void TestTimelinePlot::values_data()
{
    QTest::addColumn<Series>("series");
    QTest::addColumn<double>("expected");
    // free: MemTotal − MemAvailable; Buffers + Cached + SReclaimable.
    QTest::newRow("Mem total") << Series::MemTotal << 1000000.0;
    QTest::newRow("Mem used") << Series::MemUsed << 500000.0;
    QTest::newRow("Mem free") << Series::MemFree << 150000.0;
    QTest::newRow("Mem shared") << Series::MemShared << 5000.0;
    QTest::newRow("Mem buff/cache") << Series::MemBuffCache << 330000.0;
    QTest::newRow("Mem available") << Series::MemAvailable << 500000.0;
    QTest::newRow("Swap used") << Series::SwapUsed << 500000.0;
    // sar -r (12.6): kbmemused = 1000000 − min(1000000, 150000 + 10000 + 300000 + 50000) = 490000.
    QTest::newRow("kbmemfree") << Series::KbMemFree << 150000.0;
    QTest::newRow("kbavail") << Series::KbAvail << 500000.0;
    QTest::newRow("kbmemused") << Series::KbMemUsed << 490000.0;
    QTest::newRow("%memused") << Series::PctMemUsed << 49.0;
    QTest::newRow("kbbuffers") << Series::KbBuffers << 10000.0;
    QTest::newRow("kbcached") << Series::KbCached << 300000.0;
    QTest::newRow("kbcommit") << Series::KbCommit << 800000.0;
    QTest::newRow("%commit over RAM + swap") << Series::PctCommit << 800000.0 * 100 / 3000000;
    QTest::newRow("kbactive") << Series::KbActive << 400000.0;
    QTest::newRow("kbinact") << Series::KbInact << 300000.0;
    QTest::newRow("kbdirty") << Series::KbDirty << 1200.0;
    QTest::newRow("kbanonpg") << Series::KbAnonPg << 350000.0;
    QTest::newRow("kbslab") << Series::KbSlab << 50000.0;
    QTest::newRow("kbpgtbl") << Series::KbPgTbl << 8000.0;
    // sar -B over the two seconds between the samples.
    QTest::newRow("pgpgin/s") << Series::PgpginPerS << 200.0;
    QTest::newRow("pgpgout/s") << Series::PgpgoutPerS << 120.0;
    QTest::newRow("fault/s") << Series::FaultPerS << 2000.0;
    QTest::newRow("majflt/s") << Series::MajfltPerS << 2.0;
    QTest::newRow("pgfree/s") << Series::PgfreePerS << 500.0;
    QTest::newRow("pgscank/s") << Series::PgscankPerS << 300.0;
    QTest::newRow("pgscand/s") << Series::PgscandPerS << 100.0;
    QTest::newRow("pgsteal/s kswapd + direct") << Series::PgstealPerS << 250.0;
    QTest::newRow("%vmeff = 500 / 800") << Series::PctVmeff << 62.5;
    // sar -W, sar -S
    QTest::newRow("pswpin/s") << Series::PswpinPerS << 10.0;
    QTest::newRow("pswpout/s") << Series::PswpoutPerS << 30.0;
    QTest::newRow("kbswpfree") << Series::KbSwpFree << 1500000.0;
    QTest::newRow("kbswpused") << Series::KbSwpUsed << 500000.0;
    QTest::newRow("%swpused") << Series::PctSwpUsed << 25.0;
    QTest::newRow("kbswpcad") << Series::KbSwpCad << 3000.0;
}

void TestTimelinePlot::values()
{
    QFETCH(Series, series);
    QFETCH(double, expected);
    const Sample a = first(), b = later();
    const std::optional<double> v = TimelinePlot::value(series, &a, b);
    QVERIFY(v.has_value());
    QCOMPARE(*v, expected);
    // Levels do not depend on the previous sample.
    if (!TimelinePlot::isRate(series)) QCOMPARE(TimelinePlot::value(series, nullptr, b), v);
}

void TestTimelinePlot::ratesNeedAPreviousSample()
{
    const Sample a = first();
    for (int i = 0; i < TimelinePlot::kSeriesCount; ++i) {
        const auto s = static_cast<Series>(i);
        QCOMPARE(TimelinePlot::value(s, nullptr, a).has_value(), !TimelinePlot::isRate(s));
    }
    // procps: MemAvailable above MemTotal (or missing) falls back to MemFree, and so does used.
    Sample odd = a;
    odd.memAvailable = 2000000;
    QCOMPARE(*TimelinePlot::value(Series::MemAvailable, nullptr, odd), 200000.0);
    QCOMPARE(*TimelinePlot::value(Series::MemUsed, nullptr, odd), 800000.0);
    // No swap: %swpused is 0, not a division by zero.
    odd.swapTotal = odd.swapFree = 0;
    QCOMPARE(*TimelinePlot::value(Series::PctSwpUsed, nullptr, odd), 0.0);
    // Two samples at the same time: rates are 0.
    QCOMPARE(*TimelinePlot::value(Series::FaultPerS, &a, a), 0.0);
}

void TestTimelinePlot::vmeffWithoutScans()
{
    // sar prints %vmeff 0.00 when nothing was scanned, even if pages were stolen otherwise.
    const Sample a = first();
    Sample b = a;
    b.timeNs += 1000000000;
    b.pgstealKswapd += 10;
    QCOMPARE(*TimelinePlot::value(Series::PctVmeff, &a, b), 0.0);
    QCOMPARE(*TimelinePlot::value(Series::PgstealPerS, &a, b), 10.0);
}

void TestTimelinePlot::columnsAndGroups()
{
    QStringList names;
    for (int i = 0; i < TimelinePlot::kSeriesCount; ++i) {
        const auto s = static_cast<Series>(i);
        const QString n = TimelinePlot::columnName(s);
        QVERIFY2(!names.contains(n), qPrintable(n));
        names << n;
        QVERIFY(!TimelinePlot::description(s).isEmpty());
        QCOMPARE(TimelinePlot::onRightAxis(s), TimelinePlot::unit(s) != TimelinePlot::Unit::KiB);
    }
    QCOMPARE(TimelinePlot::group(Series::SwapUsed), TimelinePlot::Group::Free);
    QCOMPARE(TimelinePlot::group(Series::KbMemFree), TimelinePlot::Group::SarR);
    QCOMPARE(TimelinePlot::group(Series::KbPgTbl), TimelinePlot::Group::SarR);
    QCOMPARE(TimelinePlot::group(Series::PgpginPerS), TimelinePlot::Group::SarB);
    QCOMPARE(TimelinePlot::group(Series::PctVmeff), TimelinePlot::Group::SarB);
    QCOMPARE(TimelinePlot::group(Series::PswpoutPerS), TimelinePlot::Group::SarW);
    QCOMPARE(TimelinePlot::group(Series::KbSwpCad), TimelinePlot::Group::SarS);
    QCOMPARE(TimelinePlot::groupName(TimelinePlot::Group::SarB), u"sar -B"_s);
}

void TestTimelinePlot::csvIsExact()
{
    SampleLog log;
    Sample s0 = first();
    s0.timeNs = 0;
    Sample s1 = first();
    Sample s2 = later();
    s2.timeNs = 2000000000;
    log.push(s0);
    log.push(s1);
    log.push(s2);
    TimelinePlot plot;
    plot.setSelection({ Series::MemUsed, Series::PgscankPerS, Series::PctVmeff, Series::PctSwpUsed });
    plot.setSamples(log);
    // s0 → s1: no counter moved; s1 → s2 in one second: 600 scanned by kswapd, 200 direct, 500 stolen.
    const QString expected = u"time_s,Mem used,pgscank/s,%vmeff,%swpused\n"
                             "0,500000,,,25.00\n"
                             "1,500000,0.00,0.00,25.00\n"
                             "2,500000,600.00,62.50,25.00\n"_s;
    QCOMPARE(plot.csv(), expected);
    // Empty history: the header only.
    plot.setSamples(SampleLog());
    QCOMPARE(plot.csv(), u"time_s,Mem used,pgscank/s,%vmeff,%swpused\n"_s);
}

void TestTimelinePlot::exportsImages()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    TimelinePlot plot;
    plot.resize(900, 500);
    plot.setSamples(history(300));
    const QSize size(800, 450);
    QString error;

    const QString png = dir.filePath(u"t.png"_s);
    QVERIFY2(plot.exportPng(png, size, &error), qPrintable(error));
    const QImage img(png);
    QCOMPARE(img.size(), size);
    QVERIFY(QFileInfo(png).size() > 1000);

    const QString svg = dir.filePath(u"t.svg"_s);
    QVERIFY2(plot.exportSvg(svg, size, &error), qPrintable(error));
    QVERIFY(QFileInfo(svg).size() > 1000);
    QSvgRenderer renderer(svg);
    QVERIFY(renderer.isValid());
    QCOMPARE(renderer.viewBox(), QRect(QPoint(0, 0), size));
    QFile svgFile(svg);
    QVERIFY(svgFile.open(QIODevice::ReadOnly));
    const QByteArray svgText = svgFile.readAll();
    QVERIFY(svgText.contains("<svg"));
    QVERIFY(svgText.contains("viewBox=\"0 0 800 450\""));

    const QString pdf = dir.filePath(u"t.pdf"_s);
    QVERIFY2(plot.exportPdf(pdf, size, &error), qPrintable(error));
    QFile pdfFile(pdf);
    QVERIFY(pdfFile.open(QIODevice::ReadOnly));
    QVERIFY(pdfFile.readAll().startsWith("%PDF"));

    // An unwritable path reports an error instead of pretending.
    QVERIFY(!plot.exportPng(dir.filePath(u"missing/dir/t.png"_s), size, &error));
    QVERIFY(!error.isEmpty());
}

void TestTimelinePlot::exportCsvFile()
{
    QTemporaryDir dir;
    TimelinePlot plot;
    plot.setSamples(history(5));
    const QString path = dir.filePath(u"t.csv"_s);
    QString error;
    QVERIFY2(plot.exportCsv(path, &error), qPrintable(error));
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(f.readAll()), plot.csv());
    QCOMPARE(plot.csv().count(u'\n'), 6);
    QVERIFY2(plot.csv().startsWith(u"time_s,Mem used,Mem free,Mem buff/cache,Mem available,Swap used,majflt/s,pswpout/s\n"_s),
             qPrintable(plot.csv().section(u'\n', 0, 0)));
    QVERIFY(!plot.exportCsv(dir.filePath(u"missing/dir/t.csv"_s), &error));
    QVERIFY(!error.isEmpty());
}

void TestTimelinePlot::cursorFollowsTime()
{
    TimelinePlot plot;
    plot.resize(800, 450);
    plot.setSamples(history(60));
    plot.setCursorTime(12500000000ull);
    QCOMPARE(plot.cursorSeconds(), 12.5);
    QCustomPlot* cp = plot.customPlot();
    QCPItemStraightLine* line = nullptr;
    for (int i = 0; i < cp->itemCount() && !line; ++i) line = qobject_cast<QCPItemStraightLine*>(cp->item(i));
    QVERIFY(line);
    QCOMPARE(line->point1->coords().x(), 12.5);
    QCOMPARE(line->point2->coords().x(), 12.5);
    cp->replot();
    QCOMPARE(line->point1->pixelPosition().x(), cp->xAxis->coordToPixel(12.5));
    plot.setCursorTime(40000000000ull);
    QCOMPARE(line->point1->coords().x(), 40.0);
}

void TestTimelinePlot::appendsWithoutRebuilding()
{
    TimelinePlot plot;
    plot.setSelection({ Series::MemUsed, Series::FaultPerS });
    const SampleLog all = history(300);
    SampleLog grow;
    for (std::size_t i = 0; i < 100; ++i) grow.push(all[i]);
    plot.setSamples(grow);
    const int built = plot.rebuildCount();
    QCOMPARE(plot.pointCount(Series::MemUsed), 100);
    QCOMPARE(plot.pointCount(Series::FaultPerS), 99); // a rate starts at the second sample

    // The run goes on: the same history, longer (a copy shares its chunks).
    for (std::size_t i = 100; i < 300; ++i) {
        grow.push(all[i]);
        if (i % 50 == 0) plot.setSamples(grow);
    }
    plot.setSamples(grow);
    QCOMPARE(plot.rebuildCount(), built);
    QCOMPARE(plot.pointCount(Series::MemUsed), 300);
    QCOMPARE(plot.pointCount(Series::FaultPerS), 299);
    const QCPGraph* g = plot.graph(Series::FaultPerS);
    QCOMPARE((g->data()->constEnd() - 1)->key, 299.0);
    QCOMPARE((g->data()->constEnd() - 1)->value, 500.0);

    // Stepping back: a prefix drops the points after it, still no rebuild.
    SampleLog back;
    for (std::size_t i = 0; i < 120; ++i) back.push(all[i]);
    plot.setSamples(back);
    QCOMPARE(plot.rebuildCount(), built);
    QCOMPARE(plot.pointCount(Series::MemUsed), 120);
    QCOMPARE(plot.pointCount(Series::FaultPerS), 119);
    plot.setSamples(back); // nothing new: nothing done
    QCOMPARE(plot.rebuildCount(), built);

    // Another run's history is rebuilt.
    plot.setSamples(history(50, 7));
    QCOMPARE(plot.rebuildCount(), built + 1);
    QCOMPARE(plot.pointCount(Series::MemUsed), 50);
}

void TestTimelinePlot::followsDataUntilZoomed()
{
    TimelinePlot plot;
    plot.resize(800, 450);
    plot.setSamples(history(100));
    QVERIFY(plot.followsData());
    QCOMPARE(plot.customPlot()->xAxis->range().lower, 0.0);
    QCOMPARE(plot.customPlot()->xAxis->range().upper, 99.0 * 1.015); // the last sample and a 1.5 % margin
    plot.customPlot()->xAxis->setRange(10, 30); // as a drag or the wheel does
    QVERIFY(!plot.followsData());
    plot.setSamples(history(150));
    QCOMPARE(plot.customPlot()->xAxis->range().upper, 30.0);
    // The memory axis starts at 0 and covers what is in view.
    QCOMPARE(plot.customPlot()->yAxis->range().lower, 0.0);
    // The highest line in view is Mem available at second 10: 990000 kB.
    QVERIFY(plot.customPlot()->yAxis->range().upper >= 990000);
    QVERIFY(plot.customPlot()->yAxis->range().upper < 1100000);
    plot.fit();
    QVERIFY(plot.followsData());
    QCOMPARE(plot.customPlot()->xAxis->range().upper, 149.0 * 1.015);
}

void TestTimelinePlot::selectionAndAxes()
{
    TimelinePlot plot;
    QCOMPARE(plot.selection(), TimelinePlot::defaultSelection());
    QCOMPARE(plot.customPlot()->graphCount(), 7);
    QVERIFY(plot.customPlot()->yAxis2->visible()); // majflt/s and pswpout/s
    plot.setSelection({ Series::MemUsed, Series::MemFree, Series::MemBuffCache, Series::MemAvailable, Series::SwapUsed });
    QCOMPARE(plot.customPlot()->graphCount(), 5);
    QVERIFY(!plot.customPlot()->yAxis2->visible()); // no rate or percent selected
    plot.setSamples(history(10));
    plot.setSeriesSelected(Series::PswpoutPerS, true);
    QVERIFY(plot.customPlot()->yAxis2->visible());
    QCOMPARE(plot.graph(Series::PswpoutPerS)->valueAxis(), plot.customPlot()->yAxis2);
    QCOMPARE(plot.graph(Series::MemUsed)->valueAxis(), plot.customPlot()->yAxis);
    QCOMPARE(plot.pointCount(Series::PswpoutPerS), 9);
    QVERIFY(plot.graph(Series::PswpoutPerS)->pen().style() != Qt::SolidLine); // dashed: right axis
    QCOMPARE(plot.graph(Series::MemUsed)->pen().style(), Qt::SolidLine);
    // Legend order follows the columns: free's first, then sar -W.
    QCOMPARE(plot.customPlot()->graph(plot.customPlot()->graphCount() - 1)->name(), u"pswpout/s"_s);
    plot.setSeriesSelected(Series::MemUsed, false);
    QVERIFY(!plot.isSelected(Series::MemUsed));
    QCOMPARE(plot.customPlot()->graphCount(), 5);
    QVERIFY(plot.graph(Series::PswpoutPerS)->adaptiveSampling());
}

QTEST_MAIN(TestTimelinePlot)
#include "tst_timelineplot.moc"
