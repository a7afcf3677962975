#include "TimelinePlot.h"

#include "Palette.h"
#include "sim/Machine.h"

// qcustomplot.h uses Qt's foreach in two inline templates, which QT_NO_FOREACH (the
// project's rule) removes; a range-for stands in for it only while the header is read.
#define foreach(declaration, container) for (declaration : container)
#include <qcustomplot.h>
#undef foreach

#include <QEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QMenu>
#include <QMessageBox>
#include <QSaveFile>
#include <QSvgGenerator>
#include <QToolButton>
#include <QToolTip>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <cstring>

namespace memviz {

using namespace Qt::StringLiterals;

namespace {

constexpr double kNsPerS = 1e9;
constexpr double kMiBinKb = 1024.0, kGiBinKb = 1024.0 * 1024.0;

double seconds(std::uint64_t ns)
{
    return double(ns) / kNsPerS;
}

/// kB as people read it: "512 KiB", "37.5 MiB", "1.25 GiB".
QString readableKb(double kb)
{
    if (std::abs(kb) >= kGiBinKb) return QString::number(kb / kGiBinKb, 'f', 2) + u" GiB"_s;
    if (std::abs(kb) >= kMiBinKb) return QString::number(kb / kMiBinKb, 'f', 1) + u" MiB"_s;
    return QString::number(std::llround(kb)) + u" KiB"_s;
}

/// Memory axis: values are kB, ticks are nice steps in the largest unit that fits
/// ("0 MiB", "20 MiB" ... or "0.5 GiB", "1 GiB" ...).
class KibTicker : public QCPAxisTicker {
protected:
    double getTickStep(const QCPRange& range) override
    {
        const double top = std::max(std::abs(range.lower), std::abs(range.upper));
        m_unit = top >= kGiBinKb ? kGiBinKb : top >= kMiBinKb ? kMiBinKb : 1.0;
        return QCPAxisTicker::getTickStep(QCPRange(range.lower / m_unit, range.upper / m_unit)) * m_unit;
    }
    QString getTickLabel(double tick, const QLocale&, QChar, int) override
    {
        const QString unit = m_unit == kGiBinKb ? u"GiB"_s : m_unit == kMiBinKb ? u"MiB"_s : u"KiB"_s;
        const double v = tick / m_unit;
        return QString::number(std::abs(v) < 1e-9 ? 0.0 : v, 'g', 6) + u' ' + unit;
    }

private:
    double m_unit = 1.0;
};

/// Rate and percent axis: plain numbers, thousands as "12k", millions as "1.5M".
class RateTicker : public QCPAxisTicker {
protected:
    QString getTickLabel(double tick, const QLocale& locale, QChar formatChar, int precision) override
    {
        if (std::abs(tick) >= 1e6) return QString::number(tick / 1e6, 'g', 4) + u'M';
        if (std::abs(tick) >= 1e4) return QString::number(tick / 1e3, 'g', 4) + u'k';
        return QCPAxisTicker::getTickLabel(tick, locale, formatChar, precision);
    }
};

/// Distinguishable hues (the d3/Tableau set the zones use), one per quantity: the same
/// quantity keeps its hue in every group (free's "free" and sar's kbmemfree).
QColor baseColour(TimelinePlot::Series s)
{
    using S = TimelinePlot::Series;
    const QColor grey(0x7f, 0x7f, 0x7f), red(0xd6, 0x27, 0x28), green(0x2c, 0xa0, 0x2c), cyan(0x17, 0xbe, 0xcf),
        blue(0x1f, 0x77, 0xb4), purple(0x94, 0x67, 0xbd), orange(0xff, 0x7f, 0x0e), brown(0x8c, 0x56, 0x4b),
        pink(0xe3, 0x77, 0xc2), olive(0xbc, 0xbd, 0x22), teal(0x1a, 0x9e, 0x8f), vermilion(0xe6, 0x55, 0x0d),
        navy(0x39, 0x49, 0xab), magenta(0xc2, 0x18, 0x5b), moss(0x6b, 0x8e, 0x23);
    switch (s) {
    case S::MemTotal:
        return grey;
    case S::MemUsed:
        return red;
    case S::MemFree:
    case S::KbMemFree:
        return green;
    case S::MemShared:
        return cyan;
    case S::MemBuffCache:
    case S::KbCached:
        return Palette::pageCache(true);
    case S::MemAvailable:
    case S::KbAvail:
        return blue;
    case S::SwapUsed:
    case S::KbSwpUsed:
    case S::PctSwpUsed:
        return purple;
    case S::KbMemUsed:
    case S::PctMemUsed:
        return vermilion;
    case S::KbBuffers:
        return brown;
    case S::KbCommit:
    case S::PctCommit:
        return pink;
    case S::KbActive:
        return orange;
    case S::KbInact:
        return teal;
    case S::KbDirty:
        return olive;
    case S::KbAnonPg:
        return Palette::process(1000);
    case S::KbSlab:
        return grey.darker(130);
    case S::KbPgTbl:
        return Palette::pageTable(1000);
    // Rates get hues the default selection (free's used, free, buff/cache, available,
    // swap used) does not use, so they can be added to it.
    case S::PgpginPerS:
        return navy;
    case S::PgpgoutPerS:
        return olive;
    case S::FaultPerS:
        return cyan;
    case S::MajfltPerS:
        return magenta;
    case S::PgfreePerS:
        return moss;
    case S::PgscankPerS:
        return pink;
    case S::PgscandPerS:
        return vermilion;
    case S::PgstealPerS:
        return brown;
    case S::PctVmeff:
        return grey;
    case S::PswpinPerS:
        return teal;
    case S::PswpoutPerS:
        return orange;
    case S::KbSwpFree:
        return cyan;
    case S::KbSwpCad:
        return olive;
    case S::Count:
        break;
    }
    return grey;
}

QPen seriesPen(TimelinePlot::Series s)
{
    QPen pen(Palette::ink(baseColour(s)), Palette::line(3.0));
    pen.setCapStyle(Qt::FlatCap);
    pen.setJoinStyle(Qt::RoundJoin);
    if (TimelinePlot::onRightAxis(s)) {
        pen.setWidthF(Palette::line(2.5));
        pen.setDashPattern({ 4.0, 1.6 }); // long dashes: a jagged rate still reads as one line
    }
    return pen;
}

/// Non-negative difference of a cumulative counter (a counter never runs backwards;
/// if it did, sar would print nonsense and the plot shows 0 instead).
double delta(std::uint64_t prev, std::uint64_t cur)
{
    return cur >= prev ? double(cur - prev) : 0.0;
}

double percent(double part, double whole)
{
    return whole > 0 ? 100.0 * part / whole : 0.0;
}

} // namespace

// ---- the columns ----------------------------------------------------------------------

TimelinePlot::Group TimelinePlot::group(Series s)
{
    if (s <= Series::SwapUsed) return Group::Free;
    if (s <= Series::KbPgTbl) return Group::SarR;
    if (s <= Series::PctVmeff) return Group::SarB;
    if (s <= Series::PswpoutPerS) return Group::SarW;
    return Group::SarS;
}

TimelinePlot::Unit TimelinePlot::unit(Series s)
{
    switch (s) {
    case Series::PctMemUsed:
    case Series::PctCommit:
    case Series::PctVmeff:
    case Series::PctSwpUsed:
        return Unit::Percent;
    case Series::PgpginPerS:
    case Series::PgpgoutPerS:
    case Series::FaultPerS:
    case Series::MajfltPerS:
    case Series::PgfreePerS:
    case Series::PgscankPerS:
    case Series::PgscandPerS:
    case Series::PgstealPerS:
    case Series::PswpinPerS:
    case Series::PswpoutPerS:
        return Unit::PerSecond;
    default:
        return Unit::KiB;
    }
}

QString TimelinePlot::columnName(Series s)
{
    switch (s) {
    case Series::MemTotal:
        return u"Mem total"_s;
    case Series::MemUsed:
        return u"Mem used"_s;
    case Series::MemFree:
        return u"Mem free"_s;
    case Series::MemShared:
        return u"Mem shared"_s;
    case Series::MemBuffCache:
        return u"Mem buff/cache"_s;
    case Series::MemAvailable:
        return u"Mem available"_s;
    case Series::SwapUsed:
        return u"Swap used"_s;
    case Series::KbMemFree:
        return u"kbmemfree"_s;
    case Series::KbAvail:
        return u"kbavail"_s;
    case Series::KbMemUsed:
        return u"kbmemused"_s;
    case Series::PctMemUsed:
        return u"%memused"_s;
    case Series::KbBuffers:
        return u"kbbuffers"_s;
    case Series::KbCached:
        return u"kbcached"_s;
    case Series::KbCommit:
        return u"kbcommit"_s;
    case Series::PctCommit:
        return u"%commit"_s;
    case Series::KbActive:
        return u"kbactive"_s;
    case Series::KbInact:
        return u"kbinact"_s;
    case Series::KbDirty:
        return u"kbdirty"_s;
    case Series::KbAnonPg:
        return u"kbanonpg"_s;
    case Series::KbSlab:
        return u"kbslab"_s;
    case Series::KbPgTbl:
        return u"kbpgtbl"_s;
    case Series::PgpginPerS:
        return u"pgpgin/s"_s;
    case Series::PgpgoutPerS:
        return u"pgpgout/s"_s;
    case Series::FaultPerS:
        return u"fault/s"_s;
    case Series::MajfltPerS:
        return u"majflt/s"_s;
    case Series::PgfreePerS:
        return u"pgfree/s"_s;
    case Series::PgscankPerS:
        return u"pgscank/s"_s;
    case Series::PgscandPerS:
        return u"pgscand/s"_s;
    case Series::PgstealPerS:
        return u"pgsteal/s"_s;
    case Series::PctVmeff:
        return u"%vmeff"_s;
    case Series::PswpinPerS:
        return u"pswpin/s"_s;
    case Series::PswpoutPerS:
        return u"pswpout/s"_s;
    case Series::KbSwpFree:
        return u"kbswpfree"_s;
    case Series::KbSwpUsed:
        return u"kbswpused"_s;
    case Series::PctSwpUsed:
        return u"%swpused"_s;
    case Series::KbSwpCad:
        return u"kbswpcad"_s;
    case Series::Count:
        break;
    }
    return u"?"_s;
}

QString TimelinePlot::groupName(Group g)
{
    switch (g) {
    case Group::Free:
        return u"free"_s;
    case Group::SarR:
        return u"sar -r"_s;
    case Group::SarB:
        return u"sar -B"_s;
    case Group::SarW:
        return u"sar -W"_s;
    case Group::SarS:
        return u"sar -S"_s;
    case Group::Count:
        break;
    }
    return QString();
}

QString TimelinePlot::description(Series s)
{
    switch (s) {
    case Series::MemTotal:
        return tr("MemTotal: all the RAM the kernel manages");
    case Series::MemUsed:
        return tr("MemTotal − MemAvailable: memory in use that cannot be reclaimed easily");
    case Series::MemFree:
        return tr("MemFree: pages on the buddy allocator's free lists");
    case Series::MemShared:
        return tr("Shmem: shared memory and tmpfs");
    case Series::MemBuffCache:
        return tr("Buffers + Cached + SReclaimable: page cache and reclaimable slab");
    case Series::MemAvailable:
        return tr("MemAvailable: what a new program could get without swapping (si_mem_available())");
    case Series::SwapUsed:
        return tr("SwapTotal − SwapFree: swap slots in use");
    case Series::KbMemFree:
        return tr("MemFree");
    case Series::KbAvail:
        return tr("MemAvailable");
    case Series::KbMemUsed:
        return tr("MemTotal − (MemFree + Buffers + Cached + Slab), as sysstat 12.6 computes it");
    case Series::PctMemUsed:
        return tr("kbmemused as a percentage of MemTotal");
    case Series::KbBuffers:
        return tr("Buffers: block-device page cache");
    case Series::KbCached:
        return tr("Cached: the page cache of files, without swap cache and buffers");
    case Series::KbCommit:
        return tr("Committed_AS: memory promised to processes (overcommit accounting)");
    case Series::PctCommit:
        return tr("Committed_AS as a percentage of MemTotal + SwapTotal (can exceed 100)");
    case Series::KbActive:
        return tr("Active: pages on the active LRU lists");
    case Series::KbInact:
        return tr("Inactive: pages on the inactive LRU lists, reclaimed first");
    case Series::KbDirty:
        return tr("Dirty: pages waiting to be written back");
    case Series::KbAnonPg:
        return tr("AnonPages: anonymous pages mapped by processes");
    case Series::KbSlab:
        return tr("Slab: kernel slab caches");
    case Series::KbPgTbl:
        return tr("PageTables: memory holding page tables");
    case Series::PgpginPerS:
        return tr("KiB read from disk per second (files and swap)");
    case Series::PgpgoutPerS:
        return tr("KiB written to disk per second (files and swap)");
    case Series::FaultPerS:
        return tr("Page faults per second, minor and major");
    case Series::MajfltPerS:
        return tr("Major faults per second: faults that had to read from disk or swap");
    case Series::PgfreePerS:
        return tr("Pages freed per second");
    case Series::PgscankPerS:
        return tr("Pages scanned per second by kswapd");
    case Series::PgscandPerS:
        return tr("Pages scanned per second by direct reclaim");
    case Series::PgstealPerS:
        return tr("Pages reclaimed per second");
    case Series::PctVmeff:
        return tr("Reclaim efficiency: pages reclaimed per page scanned, 0 when nothing was scanned");
    case Series::PswpinPerS:
        return tr("Pages swapped in per second");
    case Series::PswpoutPerS:
        return tr("Pages swapped out per second");
    case Series::KbSwpFree:
        return tr("SwapFree");
    case Series::KbSwpUsed:
        return tr("SwapTotal − SwapFree");
    case Series::PctSwpUsed:
        return tr("Swap in use as a percentage of SwapTotal");
    case Series::KbSwpCad:
        return tr("SwapCached: pages in memory that also have a copy in swap");
    case Series::Count:
        break;
    }
    return QString();
}

std::optional<double> TimelinePlot::value(Series s, const Sample* prev, const Sample& c)
{
    if (isRate(s)) {
        if (!prev) return std::nullopt;
        const double dt = c.timeNs > prev->timeNs ? seconds(c.timeNs - prev->timeNs) : 0.0;
        const auto rate
            = [&](std::uint64_t Sample::*field) { return dt > 0 ? delta(prev->*field, c.*field) / dt : 0.0; };
        switch (s) {
        case Series::PgpginPerS:
            return rate(&Sample::pgpgin);
        case Series::PgpgoutPerS:
            return rate(&Sample::pgpgout);
        case Series::FaultPerS:
            return rate(&Sample::pgfault);
        case Series::MajfltPerS:
            return rate(&Sample::pgmajfault);
        case Series::PgfreePerS:
            return rate(&Sample::pgfree);
        case Series::PgscankPerS:
            return rate(&Sample::pgscanKswapd);
        case Series::PgscandPerS:
            return rate(&Sample::pgscanDirect);
        case Series::PgstealPerS:
            return dt > 0
                ? (delta(prev->pgstealKswapd, c.pgstealKswapd) + delta(prev->pgstealDirect, c.pgstealDirect)) / dt
                : 0.0;
        case Series::PctVmeff: {
            const double scanned
                = delta(prev->pgscanKswapd, c.pgscanKswapd) + delta(prev->pgscanDirect, c.pgscanDirect);
            const double stolen
                = delta(prev->pgstealKswapd, c.pgstealKswapd) + delta(prev->pgstealDirect, c.pgstealDirect);
            return percent(stolen, scanned);
        }
        case Series::PswpinPerS:
            return rate(&Sample::pswpin);
        case Series::PswpoutPerS:
            return rate(&Sample::pswpout);
        default:
            return std::nullopt;
        }
    }
    const double total = double(c.memTotal);
    // procps-ng 4.0.2: available falls back to MemFree when missing or larger than MemTotal;
    // used is total − available, or total − free when that would be negative.
    const double available
        = (c.memAvailable == 0 || c.memAvailable > c.memTotal) ? double(c.memFree) : double(c.memAvailable);
    const double swapUsed = c.swapTotal >= c.swapFree ? double(c.swapTotal - c.swapFree) : 0.0;
    // sysstat 12.6: kbmemused = MemTotal − min(MemTotal, MemFree + Buffers + Cached + Slab).
    const double notUsed = std::min(total, double(c.memFree + c.buffers + c.cached + c.slab));
    switch (s) {
    case Series::MemTotal:
        return total;
    case Series::MemUsed:
        return total >= available ? total - available : total - double(c.memFree);
    case Series::MemFree:
    case Series::KbMemFree:
        return double(c.memFree);
    case Series::MemShared:
        return double(c.shmem);
    case Series::MemBuffCache:
        return double(c.buffers + c.cached + c.sReclaimable);
    case Series::MemAvailable:
        return available;
    case Series::KbAvail:
        return double(c.memAvailable);
    case Series::SwapUsed:
    case Series::KbSwpUsed:
        return swapUsed;
    case Series::KbMemUsed:
        return total - notUsed;
    case Series::PctMemUsed:
        return percent(total - notUsed, total);
    case Series::KbBuffers:
        return double(c.buffers);
    case Series::KbCached:
        return double(c.cached);
    case Series::KbCommit:
        return double(c.committedAs);
    case Series::PctCommit:
        return percent(double(c.committedAs), total + double(c.swapTotal));
    case Series::KbActive:
        return double(c.active);
    case Series::KbInact:
        return double(c.inactive);
    case Series::KbDirty:
        return double(c.dirty);
    case Series::KbAnonPg:
        return double(c.anonPages);
    case Series::KbSlab:
        return double(c.slab);
    case Series::KbPgTbl:
        return double(c.pageTables);
    case Series::KbSwpFree:
        return double(c.swapFree);
    case Series::PctSwpUsed:
        return percent(swapUsed, double(c.swapTotal));
    case Series::KbSwpCad:
        return double(c.swapCached);
    default:
        return std::nullopt;
    }
}

QList<TimelinePlot::Series> TimelinePlot::defaultSelection()
{
    // free's columns, and the two rates that show memory pressure at a glance (right axis).
    return { Series::MemUsed, Series::MemFree, Series::MemBuffCache, Series::MemAvailable, Series::SwapUsed,
        Series::MajfltPerS, Series::PswpoutPerS };
}

// ---- the widget -----------------------------------------------------------------------

TimelinePlot::TimelinePlot(QWidget* parent)
    : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    auto* bar = new QHBoxLayout;
    bar->setContentsMargins(4, 2, 4, 2);
    m_seriesButton = new QToolButton(this);
    m_fitButton = new QToolButton(this);
    m_exportButton = new QToolButton(this);
    for (QToolButton* b : { m_seriesButton, m_fitButton, m_exportButton }) {
        b->setAutoRaise(true);
        b->setToolButtonStyle(Qt::ToolButtonTextOnly);
        bar->addWidget(b);
    }
    bar->addStretch(1);
    layout->addLayout(bar);

    m_plot = new QCustomPlot(this);
    layout->addWidget(m_plot, 1);
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    QCPAxisRect* rect = m_plot->axisRect();
    rect->setRangeDrag(Qt::Horizontal);
    rect->setRangeZoom(Qt::Horizontal);
    rect->setRangeDragAxes(m_plot->xAxis, nullptr);
    rect->setRangeZoomAxes(m_plot->xAxis, nullptr);
    m_plot->setNoAntialiasingOnDrag(true);
    m_plot->setAutoAddPlottableToLegend(true);

    m_plot->yAxis->setTicker(QSharedPointer<KibTicker>::create());
    m_plot->yAxis2->setTicker(QSharedPointer<RateTicker>::create());
    m_plot->yAxis2->setTickLabels(true);
    m_plot->yAxis->setRange(0, 1024);
    m_plot->yAxis2->setRange(0, 100);
    m_plot->xAxis->setRange(0, 60);
    for (QCPAxis* a : { m_plot->xAxis, m_plot->yAxis, m_plot->yAxis2 }) {
        a->setPadding(6);
        a->setLabelPadding(6);
        a->grid()->setSubGridVisible(false);
    }
    m_plot->yAxis2->grid()->setVisible(false);

    // The legend goes under the plot, in rows, so it never hides a line.
    m_plot->legend->setVisible(true);
    m_plot->plotLayout()->addElement(1, 0, m_plot->legend);
    m_plot->plotLayout()->setRowStretchFactor(1, 0.001);
    m_plot->legend->setFillOrder(QCPLegend::foColumnsFirst);
    m_plot->legend->setIconSize(36, 14);
    m_plot->legend->setMargins(QMargins(6, 4, 6, 4));

    // The player's time: a line and its time at the top, on the buffered overlay layer so
    // that moving them repaints only that layer.
    m_cursor = new QCPItemStraightLine(m_plot);
    m_cursor->setSelectable(false);
    m_cursor->point1->setCoords(0, 0);
    m_cursor->point2->setCoords(0, 1);
    m_cursorLabel = new QCPItemText(m_plot);
    m_cursorLabel->setSelectable(false);
    m_cursorLabel->setClipToAxisRect(false);
    m_cursorLabel->position->setTypeX(QCPItemPosition::ptPlotCoords);
    m_cursorLabel->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
    m_cursorLabel->position->setCoords(0, 0);
    m_cursorLabel->setPositionAlignment(Qt::AlignHCenter | Qt::AlignBottom);
    m_cursorLabel->setPadding(QMargins(4, 1, 4, 1));
    placeCursor();
    if (m_plot->layer(u"overlay"_s)) {
        m_cursor->setLayer(u"overlay"_s);
        m_cursorLabel->setLayer(u"overlay"_s);
    }
    // Said when there is nothing to draw a line through yet.
    m_emptyHint = new QCPItemText(m_plot);
    m_emptyHint->setSelectable(false);
    m_emptyHint->position->setType(QCPItemPosition::ptAxisRectRatio);
    m_emptyHint->position->setCoords(0.5, 0.45);
    m_emptyHint->setPositionAlignment(Qt::AlignCenter);
    m_emptyHint->setTextAlignment(Qt::AlignCenter);

    connect(m_plot->xAxis, qOverload<const QCPRange&>(&QCPAxis::rangeChanged), this, [this](const QCPRange& r) {
        if (m_settingRange) return;
        m_follow = false;
        if (r.size() < 2.0) { // not narrower than two samples
            m_settingRange = true;
            m_plot->xAxis->setRange(r.center(), 2.0, Qt::AlignCenter);
            m_settingRange = false;
        }
        updateRanges();
        replotSoon();
    });
    connect(m_plot, &QCustomPlot::afterReplot, this, [this] { m_painted = true; });
    connect(m_plot, &QCustomPlot::mouseDoubleClick, this, [this](QMouseEvent*) { fit(); });
    connect(m_plot, &QCustomPlot::mouseMove, this, [this](QMouseEvent* e) {
        if (e->buttons() == Qt::NoButton) showValuesAt(e->pos());
    });
    m_plot->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_plot, &QWidget::customContextMenuRequested, this, &TimelinePlot::showContextMenu);
    connect(m_fitButton, &QToolButton::clicked, this, &TimelinePlot::fit);

    buildMenus();
    m_seriesButton->setMenu(m_seriesMenu);
    m_seriesButton->setPopupMode(QToolButton::InstantPopup);
    m_exportButton->setMenu(m_exportMenu);
    m_exportButton->setPopupMode(QToolButton::InstantPopup);

    setSelection(defaultSelection());
    retranslate();
    applyTheme();
    applyFonts();
}

TimelinePlot::~TimelinePlot() = default;

void TimelinePlot::buildMenus()
{
    m_seriesMenu = new QMenu(this);
    m_seriesMenu->setToolTipsVisible(true);
    m_exportMenu = new QMenu(this);
    // Texts are set in retranslate(); actions carry what they stand for in data().
    QAction* defaults = m_seriesMenu->addAction(QString());
    defaults->setData(u"default"_s);
    connect(defaults, &QAction::triggered, this, [this] { setSelection(defaultSelection()); });
    for (int g = 0; g < static_cast<int>(Group::Count); ++g) {
        m_seriesMenu->addSection(groupName(static_cast<Group>(g)));
        for (int i = 0; i < kSeriesCount; ++i) {
            const auto s = static_cast<Series>(i);
            if (group(s) != static_cast<Group>(g)) continue;
            QAction* a = m_seriesMenu->addAction(columnName(s));
            a->setCheckable(true);
            a->setData(i);
            connect(a, &QAction::toggled, this, [this, s](bool on) { setSeriesSelected(s, on); });
        }
    }
    connect(m_seriesMenu, &QMenu::aboutToShow, this, [this] {
        for (QAction* a : m_seriesMenu->actions())
            if (a->isCheckable()) {
                const QSignalBlocker block(a);
                a->setChecked(isSelected(static_cast<Series>(a->data().toInt())));
            }
    });
    for (const QString& format : { u"png"_s, u"pdf"_s, u"svg"_s, u"csv"_s }) {
        QAction* a = m_exportMenu->addAction(QString());
        a->setData(format);
        connect(a, &QAction::triggered, this, [this, format] { exportWithDialog(format); });
    }
}

void TimelinePlot::retranslate()
{
    m_seriesButton->setText(tr("Series"));
    m_seriesButton->setToolTip(tr("Choose the columns of free and sar to plot"));
    m_fitButton->setText(tr("Fit"));
    m_fitButton->setToolTip(tr("Show the whole history again (or double-click the plot); drag to pan, wheel to zoom"));
    m_exportButton->setText(tr("Export"));
    for (QAction* a : m_seriesMenu->actions()) {
        if (a->data().toString() == u"default"_s)
            a->setText(tr("Default selection"));
        else if (a->isCheckable())
            a->setToolTip(description(static_cast<Series>(a->data().toInt())));
    }
    for (QAction* a : m_exportMenu->actions()) {
        const QString f = a->data().toString();
        if (f == u"png"_s)
            a->setText(tr("PNG image…"));
        else if (f == u"pdf"_s)
            a->setText(tr("PDF document…"));
        else if (f == u"svg"_s)
            a->setText(tr("SVG drawing…"));
        else
            a->setText(tr("CSV of the plotted data…"));
    }
    placeCursor(); // its "%1 s" is translated too
    m_emptyHint->setText(tr("One sample per simulated second since boot.\nLet time pass (sleep() in a script) to see "
                            "the history."));
    m_plot->xAxis->setLabel(tr("Time since boot (s)"));
    m_plot->yAxis->setLabel(tr("Memory"));
    m_plot->yAxis2->setLabel(tr("Per second, % (dashed lines)"));
    replotSoon();
}

void TimelinePlot::applyFonts()
{
    const QFont f = Palette::viewFont(this);
    const qreal px = QFontInfo(f).pixelSize();
    if (px == m_fontPx) return;
    m_fontPx = px;
    QFont small = f;
    if (f.pointSizeF() > 0) small.setPointSizeF(f.pointSizeF() * 0.92);
    for (QCPAxis* a : { m_plot->xAxis, m_plot->yAxis, m_plot->yAxis2 }) {
        a->setTickLabelFont(small);
        a->setLabelFont(f);
    }
    m_cursorLabel->setFont(small);
    m_emptyHint->setFont(f);
    // Room above the plot for the cursor's time, and on the right for half the last time label.
    const QFontMetricsF fm(small);
    m_plot->axisRect()->setMinimumMargins(
        QMargins(0, int(fm.height()) + 8, int(fm.horizontalAdvance(u"00000"_s) / 2) + 6, 0));
    m_plot->legend->setFont(f);
    // As many legend entries in a row as fit: about 11 characters each.
    const int perEntry = int(QFontMetricsF(f).averageCharWidth() * 11 + 36 + 16);
    m_plot->legend->setWrap(std::max(1, std::min(6, m_plot->width() / std::max(1, perEntry))));
    m_plot->legend->setFillOrder(QCPLegend::foColumnsFirst, true); // re-flows the entries
    replotSoon();
}

void TimelinePlot::syncStyle()
{
    if (m_styleGeneration == Palette::generation()) return;
    applyTheme();
    m_fontPx = 0;
    applyFonts();
}

void TimelinePlot::applyTheme()
{
    m_styleGeneration = Palette::generation();
    const QColor bg = Palette::background(), text = Palette::text(), muted = Palette::mutedText();
    m_plot->setBackground(bg);
    m_plot->axisRect()->setBackground(bg);
    for (QCPAxis* a : { m_plot->xAxis, m_plot->yAxis, m_plot->yAxis2 }) {
        a->setBasePen(QPen(muted, Palette::line(1)));
        a->setTickPen(QPen(muted, Palette::line(1)));
        a->setSubTickPen(QPen(muted, Palette::line(1)));
        a->setTickLabelColor(text);
        a->setLabelColor(text);
        a->grid()->setPen(QPen(Palette::gridLine(), Palette::line(1), Qt::SolidLine));
        a->grid()->setZeroLinePen(QPen(Palette::gridLine(), Palette::line(1), Qt::SolidLine));
    }
    m_plot->legend->setBrush(bg);
    m_plot->legend->setBorderPen(Qt::NoPen);
    m_plot->legend->setTextColor(text);
    // Not the crimson of "this step": next to free's red "used" line it would read as data.
    m_cursor->setPen(QPen(Palette::withAlpha(text, 0.75), Palette::line(2.0)));
    m_cursorLabel->setColor(bg);
    m_cursorLabel->setBrush(Palette::withAlpha(text, 0.85));
    m_cursorLabel->setPen(Qt::NoPen);
    m_emptyHint->setColor(muted);
    for (int i = 0; i < kSeriesCount; ++i)
        if (QCPGraph* g = m_graphs[static_cast<std::size_t>(i)]) g->setPen(seriesPen(static_cast<Series>(i)));
    replotSoon();
}

void TimelinePlot::changeEvent(QEvent* event)
{
    switch (event->type()) {
    case QEvent::LanguageChange:
        retranslate();
        break;
    case QEvent::FontChange:
        m_fontPx = 0;
        applyFonts();
        break;
    case QEvent::PaletteChange:
    case QEvent::StyleChange:
        applyTheme();
        break;
    default:
        break;
    }
    QWidget::changeEvent(event);
}

void TimelinePlot::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    m_fontPx = 0; // the legend's wrap follows the width
    applyFonts();
}

// ---- data -----------------------------------------------------------------------------

void TimelinePlot::setMachine(const Machine& m)
{
    syncStyle();
    setSamples(m.samples);
}

void TimelinePlot::setSamples(const SampleLog& log)
{
    const std::size_t had = m_log.size(), n = log.size();
    const auto same = [&](std::size_t i) { return std::memcmp(&log[i], &m_log[i], sizeof(Sample)) == 0; };
    // The plotted history continues when the sample both have last and the first agree.
    const bool continues = had && n && same(0) && same(std::min(n, had) - 1);
    if (!continues) {
        m_log = log;
        rebuild();
    } else if (n > had) {
        m_log = log;
        append(had, n);
    } else if (n < had) {
        const double keep = n ? seconds(log[n - 1].timeNs) : -1.0; // removeAfter drops the keys after it
        for (QCPGraph* g : m_graphs)
            if (g) g->data()->removeAfter(keep);
        m_log = log;
    } else {
        return;
    }
    updateRanges();
    replotSoon();
}

void TimelinePlot::rebuild()
{
    ++m_rebuilds;
    for (int i = 0; i < kSeriesCount; ++i)
        if (m_graphs[static_cast<std::size_t>(i)]) fillGraph(static_cast<Series>(i));
}

void TimelinePlot::fillGraph(Series s)
{
    QCPGraph* g = m_graphs[static_cast<std::size_t>(s)];
    QVector<QCPGraphData> points;
    points.reserve(static_cast<qsizetype>(m_log.size()));
    for (std::size_t i = 0; i < m_log.size(); ++i)
        if (const auto v = value(s, i ? &m_log[i - 1] : nullptr, m_log[i]))
            points.append(QCPGraphData(seconds(m_log[i].timeNs), *v));
    g->data()->set(points, true);
}

void TimelinePlot::append(std::size_t from, std::size_t to)
{
    QVector<QCPGraphData> points;
    points.reserve(static_cast<qsizetype>(to - from));
    for (int k = 0; k < kSeriesCount; ++k) {
        QCPGraph* g = m_graphs[static_cast<std::size_t>(k)];
        if (!g) continue;
        const auto s = static_cast<Series>(k);
        points.clear();
        for (std::size_t i = from; i < to; ++i)
            if (const auto v = value(s, i ? &m_log[i - 1] : nullptr, m_log[i]))
                points.append(QCPGraphData(seconds(m_log[i].timeNs), *v));
        g->data()->add(points, true);
    }
}

QCPGraph* TimelinePlot::makeGraph(Series s)
{
    QCPGraph* g = m_plot->addGraph(m_plot->xAxis, onRightAxis(s) ? m_plot->yAxis2 : m_plot->yAxis);
    g->setName(columnName(s));
    g->setPen(seriesPen(s));
    g->setLineStyle(QCPGraph::lsLine);
    g->setAdaptiveSampling(true);
    g->setSelectable(QCP::stNone);
    return g;
}

QList<TimelinePlot::Series> TimelinePlot::selection() const
{
    QList<Series> out;
    for (int i = 0; i < kSeriesCount; ++i)
        if (m_graphs[static_cast<std::size_t>(i)]) out << static_cast<Series>(i);
    return out;
}

void TimelinePlot::setSelection(const QList<Series>& series)
{
    // Graphs are made in the order of the columns, so the legend reads like free and sar.
    m_plot->clearGraphs();
    m_graphs.fill(nullptr);
    for (int i = 0; i < kSeriesCount; ++i) {
        const auto s = static_cast<Series>(i);
        if (!series.contains(s)) continue;
        m_graphs[static_cast<std::size_t>(i)] = makeGraph(s);
        fillGraph(s);
    }
    m_plot->yAxis2->setVisible(std::any_of(series.begin(), series.end(), [](Series s) { return onRightAxis(s); }));
    updateRanges();
    replotSoon();
}

void TimelinePlot::setSeriesSelected(Series s, bool on)
{
    if (s == Series::Count || isSelected(s) == on) return;
    QList<Series> next = selection();
    if (on)
        next << s;
    else
        next.removeAll(s);
    setSelection(next);
}

int TimelinePlot::pointCount(Series s) const
{
    const QCPGraph* g = graph(s);
    return g ? g->data()->size() : 0;
}

// ---- view -----------------------------------------------------------------------------

void TimelinePlot::updateRanges()
{
    if (m_follow) {
        const double t0 = m_log.empty() ? 0.0 : seconds(m_log[0].timeNs);
        const double t1 = m_log.empty() ? 0.0 : seconds(m_log.back().timeNs);
        m_settingRange = true;
        // The player's cursor may be past the last whole second recorded: keep it in view.
        const double t2 = std::max({ t1, t0 + 10.0, m_cursorS });
        m_plot->xAxis->setRange(t0, t2 + (t2 - t0) * 0.015);
        m_settingRange = false;
    }
    m_emptyHint->setVisible(m_log.size() < 2);
    // More samples in view than pixels (2000 at least, wider than any plot is laid out
    // before it is shown): draw each graph as one polyline instead of joined
    // segments (QCP::phFastPolylines). With 10^5 samples a replot takes about 8 ms instead
    // of 110; sparse lines keep the smoother joins, where the fast path shows seams.
    std::ptrdiff_t dense = 0;
    for (const QCPGraph* g : m_graphs)
        if (g && !g->data()->isEmpty()) {
            const auto d = g->data();
            dense = std::max<std::ptrdiff_t>(
                dense, d->findEnd(m_plot->xAxis->range().upper) - d->findBegin(m_plot->xAxis->range().lower));
        }
    m_plot->setPlottingHint(QCP::phFastPolylines, dense > std::max(2000, m_plot->width()));
    m_cursorLabel->setVisible(m_plot->xAxis->range().contains(m_cursorS));
    // Values from 0 to a little above the highest point in view, per axis.
    const QCPRange keys = m_plot->xAxis->range();
    double left = 0, right = 0;
    for (int i = 0; i < kSeriesCount; ++i) {
        const QCPGraph* g = m_graphs[static_cast<std::size_t>(i)];
        if (!g || g->data()->isEmpty()) continue;
        bool found = false;
        const QCPRange r = g->getValueRange(found, QCP::sdBoth, keys);
        if (!found) continue;
        double& top = onRightAxis(static_cast<Series>(i)) ? right : left;
        top = std::max(top, r.upper);
    }
    m_plot->yAxis->setRange(0, left > 0 ? left * 1.08 : 1024.0);
    m_plot->yAxis2->setRange(0, right > 0 ? right * 1.1 : 10.0);
}

void TimelinePlot::fit()
{
    m_follow = true;
    updateRanges();
    replotSoon();
}

void TimelinePlot::placeCursor()
{
    const double t = m_cursorS;
    m_cursor->point1->setCoords(t, 0);
    m_cursor->point2->setCoords(t, 1);
    m_cursorLabel->position->setCoords(t, 0);
    m_cursorLabel->setText(tr("%1 s").arg(QString::number(t, 'f', std::abs(t - std::round(t)) < 0.05 ? 0 : 1)));
    m_cursorLabel->setVisible(m_plot->xAxis->range().contains(t));
}

void TimelinePlot::setCursorTime(std::uint64_t ns)
{
    const double t = seconds(ns);
    if (t == m_cursorS) return;
    m_cursorS = t;
    if (m_follow && t > m_plot->xAxis->range().upper) {
        updateRanges();
        placeCursor();
        replotSoon();
        return;
    }
    placeCursor();
    if (QCPLayer* l = m_cursor->layer(); m_painted && l && l->mode() == QCPLayer::lmBuffered)
        l->replot(); // only the cursor's layer is drawn again
    else
        replotSoon();
}

void TimelinePlot::replotSoon()
{
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void TimelinePlot::showValuesAt(const QPoint& pos)
{
    if (m_log.empty() || !m_plot->axisRect()->rect().contains(pos)) {
        QToolTip::hideText();
        return;
    }
    const double t = m_plot->xAxis->pixelToCoord(pos.x());
    // The sample nearest to t (samples are sorted by time).
    std::size_t lo = 0, hi = m_log.size() - 1;
    while (lo < hi) {
        const std::size_t mid = (lo + hi) / 2;
        if (seconds(m_log[mid].timeNs) < t)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo > 0 && std::abs(seconds(m_log[lo - 1].timeNs) - t) < std::abs(seconds(m_log[lo].timeNs) - t)) --lo;
    QStringList lines { tr("t = %1 s").arg(QString::number(seconds(m_log[lo].timeNs), 'f', 0)) };
    for (Series s : selection()) {
        const auto v = value(s, lo ? &m_log[lo - 1] : nullptr, m_log[lo]);
        if (!v) continue;
        lines << columnName(s) + u"  "_s + (unit(s) == Unit::KiB ? readableKb(*v) : QString::number(*v, 'f', 2));
    }
    QToolTip::showText(m_plot->mapToGlobal(pos), lines.join(u'\n'), m_plot);
}

void TimelinePlot::showContextMenu(const QPoint& pos)
{
    QMenu menu(this);
    QAction* series = menu.addMenu(m_seriesMenu);
    series->setText(tr("Series"));
    menu.addAction(tr("Fit"), this, &TimelinePlot::fit);
    QAction* exports = menu.addMenu(m_exportMenu);
    exports->setText(tr("Export"));
    menu.exec(m_plot->mapToGlobal(pos));
}

// ---- export ---------------------------------------------------------------------------

namespace {
bool fail(QString* error, const QString& message)
{
    if (error) *error = message;
    return false;
}
} // namespace

bool TimelinePlot::exportPng(const QString& path, QSize size, QString* error)
{
    if (size.isEmpty()) size = m_plot->size();
    if (!m_plot->savePng(path, size.width(), size.height()))
        return fail(error, tr("Cannot write the PNG image %1").arg(path));
    return true;
}

bool TimelinePlot::exportPdf(const QString& path, QSize size, QString* error)
{
    if (size.isEmpty()) size = m_plot->size();
    if (!m_plot->savePdf(path, size.width(), size.height(), QCP::epNoCosmetic, u"memviz"_s, tr("memviz timeline")))
        return fail(error, tr("Cannot write the PDF document %1").arg(path));
    return true;
}

bool TimelinePlot::exportSvg(const QString& path, QSize size, QString* error)
{
    if (size.isEmpty()) size = m_plot->size();
    QSvgGenerator gen;
    gen.setFileName(path);
    gen.setSize(size);
    gen.setViewBox(QRect(QPoint(0, 0), size));
    gen.setTitle(tr("memviz timeline"));
    QCPPainter painter;
    if (!painter.begin(&gen)) return fail(error, tr("Cannot write the SVG drawing %1").arg(path));
    m_plot->toPainter(&painter, size.width(), size.height());
    if (!painter.end()) return fail(error, tr("Cannot write the SVG drawing %1").arg(path));
    return true;
}

QString TimelinePlot::csv() const
{
    const QList<Series> cols = selection();
    QString out = u"time_s"_s;
    for (Series s : cols) out += u',' + columnName(s);
    out += u'\n';
    for (std::size_t i = 0; i < m_log.size(); ++i) {
        const std::uint64_t ns = m_log[i].timeNs;
        out += ns % 1000000000ull ? QString::number(seconds(ns), 'f', 3) : QString::number(ns / 1000000000ull);
        for (Series s : cols) {
            out += u',';
            const auto v = value(s, i ? &m_log[i - 1] : nullptr, m_log[i]);
            if (!v) continue;
            out += unit(s) == Unit::KiB ? QString::number(std::llround(*v)) : QString::number(*v, 'f', 2);
        }
        out += u'\n';
    }
    return out;
}

bool TimelinePlot::exportCsv(const QString& path, QString* error) const
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(csv().toUtf8()) < 0 || !f.commit())
        return fail(error, tr("Cannot write %1: %2").arg(path, f.errorString()));
    return true;
}

void TimelinePlot::exportWithDialog(const QString& format)
{
    QString filter;
    if (format == u"png"_s)
        filter = tr("PNG image (*.png)");
    else if (format == u"pdf"_s)
        filter = tr("PDF document (*.pdf)");
    else if (format == u"svg"_s)
        filter = tr("SVG drawing (*.svg)");
    else
        filter = tr("CSV table (*.csv)");
    QString path = QFileDialog::getSaveFileName(this, tr("Export timeline"), u"timeline."_s + format, filter);
    if (path.isEmpty()) return;
    if (!path.endsWith(u'.' + format, Qt::CaseInsensitive)) path += u'.' + format;
    QString error;
    bool ok = false;
    if (format == u"png"_s)
        ok = exportPng(path, QSize(), &error);
    else if (format == u"pdf"_s)
        ok = exportPdf(path, QSize(), &error);
    else if (format == u"svg"_s)
        ok = exportSvg(path, QSize(), &error);
    else
        ok = exportCsv(path, &error);
    if (!ok) QMessageBox::warning(this, tr("Export timeline"), error);
}

} // namespace memviz
