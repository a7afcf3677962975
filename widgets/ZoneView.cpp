#include "ZoneView.h"

#include "EventText.h"
#include "ViewContext.h"
#include "sim/Machine.h"

#include <QComboBox>
#include <QEasingCurve>
#include <QEvent>
#include <QFontInfo>
#include <QHelpEvent>
#include <QLabel>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace memviz {

using namespace Qt::StringLiterals;

namespace {

/// MAX_RECLAIM_RETRIES: kswapd stops being woken after this many fruitless passes.
constexpr int kMaxReclaimRetries = 16;

QString num(std::uint64_t v)
{
    return QLocale().toString(qulonglong(v));
}

QColor dangerColour()
{
    return Palette::watermark(Wmark::Min);
}
QColor warningColour()
{
    return Palette::watermark(Wmark::Low);
}

/// Highlight colour for text and lines: lifted on the dark theme.
QColor hot()
{
    return Palette::isDark() ? Palette::highlight().lighter(140) : Palette::highlight();
}

bool isZoneEvent(EventType t)
{
    return t == EventType::WatermarkCrossed || t == EventType::ZoneCheck;
}

} // namespace

// ---- ZoneBarScale ---------------------------------------------------------------------

ZoneBarScale ZoneBarScale::make(Mode mode, std::uint64_t managed, std::uint64_t high)
{
    ZoneBarScale s;
    s.mode = mode;
    s.managed = managed;
    if (mode == Mode::WatermarkZoom) {
        const std::uint64_t end = std::max<std::uint64_t>(2 * high, 1);
        // Only a magnification is worth a break: 0 .. end must be a smaller share of the
        // zone than of the bar.
        if (double(end) < double(managed) * kZoomShare)
            s.zoomEnd = end;
        else
            s.mode = Mode::Linear;
    }
    return s;
}

double ZoneBarScale::fraction(std::uint64_t pages) const
{
    if (managed == 0) return 0;
    const double p = double(std::min(pages, managed));
    switch (mode) {
    case Mode::WatermarkZoom:
        if (zoomEnd > 0) {
            if (p <= double(zoomEnd)) return kZoomShare * p / double(zoomEnd);
            return kZoomShare + (1 - kZoomShare) * (p - double(zoomEnd)) / double(managed - zoomEnd);
        }
        return p / double(managed);
    case Mode::Linear:
        return p / double(managed);
    case Mode::Log:
        return std::log1p(p) / std::log1p(double(managed));
    }
    return 0;
}

std::vector<std::uint64_t> ZoneBarScale::ticks() const
{
    std::vector<std::uint64_t> out { 0 };
    if (hasBreak()) out.push_back(zoomEnd);
    if (mode == Mode::Log)
        for (std::uint64_t v = 10; v < managed; v *= 10) out.push_back(v);
    if (managed > 0) out.push_back(managed);
    return out;
}

// ---- the view -------------------------------------------------------------------------

struct ZoneView::Fonts : ScaledFonts {
    explicit Fonts(const QWidget* w) : ScaledFonts(w, 36.0, 64.0, 28.0) {}
};

namespace {

/// A watermark label above a bar: where it belongs (x) and where it is drawn.
struct MarkLabel {
    enum Dir { Centred, Right, Left }; ///< the label centred on its line, or a flag to the right or left of it
    Wmark mark = Wmark::Min;
    double x = 0;
    QRectF rect;
    QString text;
    int row = 0; ///< 0: the line nearest the track
    Dir dir = Centred;
};

/// Gives each label (sorted by x) a line and a side so that no two labels overlap and no
/// watermark line, which runs from the track up to its own label, crosses another label.
/// Fewest lines first, then centred labels before flags. Returns the lines used, 0 when
/// nothing fits (the caller then pushes them apart on one line).
int arrangeLabels(std::vector<MarkLabel>& ls, double lo, double hi, double gap, int maxRows)
{
    const int n = int(ls.size());
    if (n == 0) return 1;
    int best = -1, bestCost = 0;
    std::vector<int> choice(std::size_t(n), 0), bestChoice;
    std::vector<double> left(static_cast<std::size_t>(n), 0.0);
    int total = 1;
    for (int i = 0; i < n; ++i) total *= 3 * maxRows;
    for (int code = 0; code < total; ++code) {
        int c = code, rows = 0, cost = 0;
        bool ok = true;
        for (int i = 0; i < n && ok; ++i) {
            const int v = c % (3 * maxRows);
            c /= 3 * maxRows;
            choice[std::size_t(i)] = v;
            const int row = v / 3, dir = v % 3;
            const MarkLabel& l = ls[std::size_t(i)];
            const double w = l.rect.width();
            const double x0 = dir == MarkLabel::Centred ? l.x - w / 2 : dir == MarkLabel::Right ? l.x + 3 : l.x - 3 - w;
            if (x0 < lo || x0 + w > hi) ok = false;
            left[std::size_t(i)] = x0;
            rows = std::max(rows, row + 1);
            cost += dir == MarkLabel::Centred ? 0 : dir == MarkLabel::Right ? 1 : 2;
        }
        if (!ok) continue;
        for (int i = 0; i < n && ok; ++i)
            for (int j = 0; j < n && ok; ++j) {
                if (i == j) continue;
                const int ri = choice[std::size_t(i)] / 3, rj = choice[std::size_t(j)] / 3;
                const double li = left[std::size_t(i)], wi = ls[std::size_t(i)].rect.width();
                if (ri == rj && j > i && li < left[std::size_t(j)] + ls[std::size_t(j)].rect.width() + gap
                    && left[std::size_t(j)] < li + wi + gap)
                    ok = false;
                // j's line runs through every line below its own label.
                if (rj > ri && ls[std::size_t(j)].x > li - 3 && ls[std::size_t(j)].x < li + wi + 3) ok = false;
            }
        if (!ok) continue;
        cost += rows * 100;
        if (best < 0 || cost < bestCost) {
            best = code;
            bestCost = cost;
            bestChoice = choice;
        }
    }
    if (best < 0) return 0;
    int rows = 0;
    for (int i = 0; i < n; ++i) {
        MarkLabel& l = ls[std::size_t(i)];
        l.row = bestChoice[std::size_t(i)] / 3;
        l.dir = static_cast<MarkLabel::Dir>(bestChoice[std::size_t(i)] % 3);
        const double w = l.rect.width();
        l.rect.moveLeft(l.dir == MarkLabel::Centred ? l.x - w / 2 : l.dir == MarkLabel::Right ? l.x + 3 : l.x - 3 - w);
        rows = std::max(rows, l.row + 1);
    }
    return rows;
}

/// Places labels of widths `w` centred on sorted `x` between `lo` and `hi` without
/// overlapping; returns false when they do not fit on one line.
bool placeRow(std::vector<MarkLabel*>& labels, double lo, double hi, double gap)
{
    if (labels.empty()) return true;
    double need = -gap;
    for (const MarkLabel* l : labels) need += l->rect.width() + gap;
    if (need > hi - lo) return false;
    double prevRight = lo - gap;
    for (MarkLabel* l : labels) {
        const double left = std::max(l->x - l->rect.width() / 2, prevRight + gap);
        l->rect.moveLeft(left);
        prevRight = l->rect.right();
    }
    double nextLeft = hi + gap;
    for (auto it = labels.rbegin(); it != labels.rend(); ++it) {
        MarkLabel* l = *it;
        const double left = std::min(l->rect.left(), nextLeft - gap - l->rect.width());
        l->rect.moveLeft(left);
        nextLeft = l->rect.left();
    }
    return labels.front()->rect.left() >= lo - 0.5;
}

} // namespace

struct ZoneView::Marks {
    std::vector<MarkLabel> labels;
    int rows = 1;
};

ZoneView::ZoneView(ViewContext* ctx, QWidget* parent)
    : QWidget(parent)
    , m_ctx(ctx)
    , m_scaleLabel(new QLabel(this))
    , m_scaleBox(new QComboBox(this))
{
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMouseTracking(true);
    m_scaleLabel->setBuddy(m_scaleBox);
    m_scaleBox->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    for (int i = 0; i < 3; ++i) m_scaleBox->addItem(QString());
    connect(m_scaleBox, &QComboBox::activated, this, [this](int i) { setScale(static_cast<Scale>(i)); });
    connect(m_ctx, &ViewContext::stateChanged, this, &ZoneView::onStateChanged);
    connect(m_ctx, &ViewContext::progressChanged, this, qOverload<>(&QWidget::update));
    retranslate();
}

ZoneView::~ZoneView() = default;

void ZoneView::setScale(Scale s)
{
    if (s == m_scale) return;
    m_scale = s;
    m_scaleBox->setCurrentIndex(static_cast<int>(s));
    invalidate();
    emit scaleChanged(s);
}

void ZoneView::setStepEvent(std::optional<Event> e)
{
    m_override = e;
    invalidate();
}

const Event* ZoneView::stepEvent() const
{
    return m_override ? &*m_override : m_ctx->currentEvent();
}

void ZoneView::onStateChanged()
{
    m_override.reset();
    invalidate();
}

void ZoneView::invalidate()
{
    m_dirty = true;
    update();
}

void ZoneView::retranslate()
{
    m_scaleLabel->setText(tr("&Scale:"));
    m_scaleBox->setItemText(0, tr("watermarks magnified"));
    m_scaleBox->setItemText(1, tr("linear"));
    m_scaleBox->setItemText(2, tr("logarithmic"));
    m_scaleBox->setCurrentIndex(static_cast<int>(m_scale));
    m_scaleBox->setToolTip(tr("Every bar is scaled to its own zone. \"Watermarks magnified\" spreads 0 to twice the "
                              "high watermark over most of the bar and compresses the rest behind a break."));
    setAccessibleName(tr("Zones and watermarks"));
    setAccessibleDescription(tr("Free pages of each zone against its min, low and high watermarks, and kswapd's state"));
    invalidate();
}

void ZoneView::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    else if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange)
        invalidate();
    QWidget::changeEvent(event);
}

void ZoneView::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    invalidate();
}

bool ZoneView::event(QEvent* event)
{
    if (event->type() == QEvent::ToolTip) {
        auto* he = static_cast<QHelpEvent*>(event);
        ensureLayout();
        if (m_badge.contains(he->pos())) {
            QToolTip::showText(he->globalPos(),
                tr("kswapd is woken when every zone an allocation may use is below its low watermark, reclaims "
                   "until one of them is above high, and gives up after %1 passes that reclaim nothing.")
                    .arg(kMaxReclaimRetries),
                this, m_badge.toAlignedRect());
            return true;
        }
        for (const Bar& b : m_bars)
            if (b.row.contains(he->pos())) {
                QToolTip::showText(he->globalPos(), zoneTooltip(b.zoneId), this, b.row.toAlignedRect());
                return true;
            }
        QToolTip::hideText();
        return true;
    }
    return QWidget::event(event);
}

QString ZoneView::zoneTooltip(int zoneId) const
{
    const Machine& m = m_ctx->machine();
    const Zone& z = m.zones[static_cast<std::size_t>(zoneId)];
    const std::uint64_t ps = m.pageSize();
    QString s = tr("<b>%1</b><br>present %2 pages, managed %3 pages (%4)<br>free %5 pages (%6)")
                    .arg(EventText::zoneLabel(m, zoneId), num(z.present), num(z.managed), EventText::bytes(z.managed * ps),
                        num(z.freePages), EventText::bytes(z.freePages * ps));
    for (Wmark w : { Wmark::Min, Wmark::Low, Wmark::High })
        s += u"<br>"_s + tr("%1: %2 pages (%3)").arg(QString::fromLatin1(wmarkName(w).data(), qsizetype(wmarkName(w).size())), num(z.mark(w)), EventText::bytes(z.mark(w) * ps));
    if (z.watermarkBoost) s += u"<br>"_s + tr("watermark boost: %1 pages").arg(num(z.watermarkBoost));
    return s;
}

// ---- state ----------------------------------------------------------------------------

ZoneView::KswapdState ZoneView::kswapdState() const
{
    const Kswapd& k = m_ctx->machine().kswapd;
    if (k.awake) return KswapdState::Awake;
    return k.failures >= kMaxReclaimRetries ? KswapdState::GaveUp : KswapdState::Asleep;
}

QString ZoneView::kswapdText() const
{
    const Machine& m = m_ctx->machine();
    const Kswapd& k = m.kswapd;
    switch (kswapdState()) {
    case KswapdState::Asleep:
        return tr("kswapd0: asleep");
    case KswapdState::Awake: {
        const QString zone = EventText::zoneName(static_cast<ZoneType>(k.highestZone));
        if (k.failures > 0)
            return tr("kswapd0: awake, reclaiming for %1 · %2 passes without progress").arg(zone).arg(k.failures);
        return tr("kswapd0: awake, reclaiming for %1").arg(zone);
    }
    case KswapdState::GaveUp:
        return tr("kswapd0: gave up (%1 passes reclaimed nothing)").arg(k.failures);
    }
    return QString();
}

QString ZoneView::kswapdShortText() const
{
    switch (kswapdState()) {
    case KswapdState::Asleep:
        return tr("kswapd0 asleep");
    case KswapdState::Awake:
        return tr("kswapd0 awake");
    case KswapdState::GaveUp:
        return tr("kswapd0 gave up");
    }
    return QString();
}

QRectF ZoneView::kswapdBadgeRect() const
{
    ensureLayout();
    return m_badge;
}

int ZoneView::highlightedZone() const
{
    const Event* e = stepEvent();
    if (!e || !isZoneEvent(e->type) || e->zone >= m_ctx->machine().zones.size()) return -1;
    return e->zone;
}

std::optional<Wmark> ZoneView::highlightedMark() const
{
    if (highlightedZone() < 0) return std::nullopt;
    return static_cast<Wmark>(stepEvent()->flags & EventFlag::MarkMask);
}

bool ZoneView::kswapdHighlighted() const
{
    const Event* e = stepEvent();
    return e && (e->type == EventType::KswapdWake || e->type == EventType::KswapdSleep);
}

QString ZoneView::captionText() const
{
    const QString s = stepCaption();
    if (!s.isEmpty()) return s;
    return tr("Free pages of each zone against its watermarks. Below low, kswapd wakes; below min, only "
              "emergency allocations succeed and the allocating task reclaims itself; above high, kswapd sleeps.");
}

QString ZoneView::stepCaption() const
{
    const Machine& m = m_ctx->machine();
    const Event* e = stepEvent();
    const auto markName = [](const Event& ev) {
        const std::string_view n = wmarkName(static_cast<Wmark>(ev.flags & EventFlag::MarkMask));
        return QString::fromLatin1(n.data(), qsizetype(n.size()));
    };
    const auto zoneOf = [&](const Event& ev) {
        return ev.zone < m.zones.size() ? EventText::zoneLabel(m, ev.zone) : tr("a zone");
    };
    if (e) {
        switch (e->type) {
        case EventType::WatermarkCrossed:
            if (e->flags & EventFlag::Below)
                return tr("%1 fell below its %2 watermark: %3 free pages, the mark is %4.")
                    .arg(zoneOf(*e), markName(*e), num(e->a), num(e->b));
            return tr("%1 rose above its %2 watermark: %3 free pages, the mark is %4.")
                .arg(zoneOf(*e), markName(*e), num(e->a), num(e->b));
        case EventType::ZoneCheck:
            return ((e->flags & EventFlag::Ok)
                    ? tr("%1 passes the %2 check: %3 free pages, more than %2 %4 + lowmem_reserve %5.")
                    : tr("%1 fails the %2 check: %3 free pages, not more than %2 %4 + lowmem_reserve %5."))
                .arg(zoneOf(*e), markName(*e), num(e->a), num(e->b), num(e->c));
        case EventType::SlowPath:
            return tr("Every zone is below its low watermark: the allocation takes the slow path "
                      "(__alloc_pages_slowpath), wakes kswapd and retries against min.");
        case EventType::KswapdWake:
            return tr("kswapd wakes: every zone an allocation up to %1 may use is below its low watermark. "
                      "It reclaims until one of them is above high.")
                .arg(EventText::zoneName(static_cast<ZoneType>(e->order)));
        case EventType::KswapdSleep:
            if (e->a)
                return tr("kswapd gives up: %1 passes in a row reclaimed nothing (MAX_RECLAIM_RETRIES). "
                          "It is not woken again until reclaim makes progress.")
                    .arg(m.kswapd.failures);
            return tr("kswapd goes back to sleep: a zone is above its high watermark again (balanced).");
        case EventType::AllocFailed:
            return tr("No zone could satisfy the allocation.");
        case EventType::Reclaim:
            return ((e->flags & EventFlag::Direct) ? tr("Direct reclaim by the allocating task: scanned %1 pages, "
                                                        "reclaimed %2.")
                                                   : tr("kswapd reclaims: scanned %1 pages, reclaimed %2."))
                .arg(num(e->a), num(e->b));
        default:
            break;
        }
    }
    return QString();
}

// ---- layout ---------------------------------------------------------------------------

const std::vector<ZoneView::Bar>& ZoneView::bars() const
{
    ensureLayout();
    return m_bars;
}

double ZoneView::xOf(const Bar& bar, std::uint64_t pages)
{
    return bar.track.left() + bar.scale.fraction(pages) * bar.track.width();
}

void ZoneView::placeHeader() const
{
    const Fonts f(this);
    m_scaleLabel->setFont(f.text);
    m_scaleBox->setFont(f.text);
    m_scaleLabel->adjustSize();
    m_scaleBox->adjustSize();
    const int h = int(std::max<qreal>(m_scaleBox->sizeHint().height(), f.lh * 1.5)) + 12;
    const int y = h / 2;
    const int pad = int(std::round(f.lh * 0.6));
    m_scaleBox->move(width() - pad - m_scaleBox->width(), y - m_scaleBox->height() / 2);
    m_scaleLabel->move(m_scaleBox->x() - 6 - m_scaleLabel->width(), y - m_scaleLabel->height() / 2);
    m_header = QRectF(0, 0, width(), h);
}

std::vector<ZoneView::LegendItem> ZoneView::legendItems() const
{
    const double a = Palette::isDark() ? 0.38 : 0.28;
    return {
        { Palette::withAlpha(dangerColour(), a), tr("below min: only emergency allocations") },
        { Palette::withAlpha(warningColour(), a), tr("min to low: kswapd wakes, direct reclaim") },
        { Palette::withAlpha(warningColour(), a * 0.35), tr("low to high: kswapd reclaims until above high") },
    };
}

/// Flows the legend's items from `r`'s top-left corner, wrapping; returns each swatch's row box.
std::vector<QRectF> ZoneView::flowLegend(const QRectF& r, const QFont& font) const
{
    const QFontMetricsF fm(font);
    const qreal h = fm.lineSpacing() * 1.2, sw = h * 1.4;
    std::vector<QRectF> out;
    qreal x = r.left(), y = r.top();
    for (const LegendItem& it : legendItems()) {
        const qreal need = sw + 6 + fm.horizontalAdvance(it.text) + h;
        if (x > r.left() && x + need > r.right()) {
            x = r.left();
            y += h;
        }
        out.emplace_back(x, y, need, h);
        x += need;
    }
    return out;
}

void ZoneView::ensureLayout() const
{
    if (!m_dirty) return;
    m_dirty = false;
    placeHeader();
    const Fonts f(this);
    const Machine& m = m_ctx->machine();
    const qreal pad = std::round(f.lh * 0.6);
    const qreal W = width(), H = height();

    // kswapd's badge: between the title and the scale selector; its short form when the
    // whole text does not fit (the caption and the tooltip say the rest).
    const QFontMetricsF fmt(f.title), fmb(f.bold);
    const qreal titleRight = pad + fmt.horizontalAdvance(tr("Zones and watermarks")) + pad * 1.5;
    const qreal badgeRight = m_scaleLabel->x() - pad;
    const qreal badgeH = std::round(f.lh * 1.35);
    m_badgeText = kswapdText();
    if (fmb.horizontalAdvance(m_badgeText) + badgeH * 1.3 > badgeRight - titleRight) m_badgeText = kswapdShortText();
    const qreal badgeW = std::min(fmb.horizontalAdvance(m_badgeText) + badgeH * 1.3, badgeRight - pad);
    m_badge = QRectF(badgeRight - badgeW, m_header.center().y() - badgeH / 2, badgeW, badgeH);

    std::vector<int> ids;
    for (std::size_t i = 0; i < m.zones.size(); ++i)
        if (m.zones[i].populated() && m.zones[i].managed > 0) ids.push_back(int(i));
    m_bars.clear();
    m_marks.clear();

    // Each bar's scale and mark labels (their x only depends on the width).
    const QFontMetricsF fms(f.small), fmsb(f.smallBold);
    const qreal trackLeft = pad * 1.5, trackRight = W - pad * 1.5;
    const double gap = fms.horizontalAdvance(u"  "_s);
    const std::uint64_t ps = m.pageSize();
    // Three lines of labels only where there is height to spare.
    const int maxLabelRows = H >= 44 * f.lh ? 3 : 2;
    for (int id : ids) {
        const Zone& z = m.zones[std::size_t(id)];
        Bar b;
        b.zoneId = id;
        b.scale = ZoneBarScale::make(m_scale, z.managed, z.mark(Wmark::High));
        b.track = QRectF(trackLeft, 0, trackRight - trackLeft, 0);
        Marks mk;
        for (Wmark w : { Wmark::Min, Wmark::Low, Wmark::High }) {
            MarkLabel l;
            l.mark = w;
            const std::string_view name = wmarkName(w);
            l.text = tr("%1 %2 · %3")
                         .arg(QString::fromLatin1(name.data(), qsizetype(name.size())), num(z.mark(w)),
                             EventText::bytes(z.mark(w) * ps));
            l.rect = QRectF(0, 0, fmsb.horizontalAdvance(l.text + u" ↓"_s) + 2, fms.height());
            l.x = xOf(b, z.mark(w));
            mk.labels.push_back(l);
        }
        mk.rows = arrangeLabels(mk.labels, trackLeft, trackRight, gap, maxLabelRows);
        if (mk.rows == 0) {
            // Too narrow for any clean arrangement: one line, pushed apart, with hooks.
            std::vector<MarkLabel*> all;
            for (MarkLabel& l : mk.labels) {
                l.row = 0;
                l.dir = MarkLabel::Centred;
                all.push_back(&l);
            }
            if (!placeRow(all, trackLeft, trackRight, gap)) placeRow(all, trackLeft - 1e6, trackRight, gap);
            mk.rows = 1;
        }
        m_bars.push_back(b);
        m_marks.push_back(std::move(mk));
    }

    // Heights: the name line, the mark labels, the track, the axis and (when there is
    // room) the lowmem_reserve line; the track takes what is left, within limits. The
    // caption gets up to three lines and the legend its lines only while the bars fit.
    const qreal n = qreal(std::max<std::size_t>(1, ids.size()));
    const qreal leader = std::round(f.slh * 0.45); // room for the leader lines under the labels
    // The tick labels' line as laid out, with the CJK fallback font's taller lines in Chinese.
    m_axisH = std::max(f.slh, fms.boundingRect(QRectF(0, 0, 1e6, 1e6), Qt::AlignLeft | Qt::AlignTop,
                                   tr("%1 managed").arg(u"0"_s)).height());
    const auto fixedOf = [&](const Marks& mk, bool reserve) {
        return f.lh + mk.rows * fms.height() + leader + 3 + m_axisH + (reserve ? m_axisH : 0);
    };
    qreal minRows = (n - 1) * pad * 0.8;
    for (const Marks& mk : m_marks) minRows += fixedOf(mk, false) + 14;
    const auto legendRows = flowLegend(QRectF(pad, 0, W - 2 * pad, 0), f.small);
    qreal legendH = legendRows.empty() ? 0 : legendRows.back().bottom();
    const qreal capTop = m_header.bottom() + pad * 0.5;
    qreal spare = H - capTop - pad - minRows - pad * 0.5;
    const QFontMetricsF fmbCap(f.bold);
    m_captionText = captionText();
    const int capMax = W < 700 ? 3 : 2;
    const int capLines = std::clamp(int((spare - legendH - pad) / fmbCap.lineSpacing()), 1, capMax);
    const QRectF capArea(pad, capTop, W - 2 * pad, fmbCap.lineSpacing() * capLines + 2);
    const QRectF usedCap = fmbCap.boundingRect(capArea, Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop, m_captionText);
    m_caption = QRectF(capArea.left(), capArea.top(), capArea.width(), std::min(capArea.height(), usedCap.height()));
    spare -= m_caption.height() + pad;
    if (spare < legendH) legendH = 0; // no room for the legend
    m_legend = QRectF();
    if (ids.empty()) {
        if (legendH > 0) m_legend = QRectF(pad, H - pad * 0.5 - legendH, W - 2 * pad, legendH);
        return;
    }

    const qreal top = m_caption.bottom() + pad;
    const qreal avail = H - pad * 0.5 - legendH - (legendH > 0 ? pad : 0) - top;
    m_showReserve = true;
    qreal fixedSum = 0;
    for (const Marks& mk : m_marks) fixedSum += fixedOf(mk, true);
    qreal trackH = (avail - fixedSum - (n - 1) * pad) / n;
    if (trackH < 18) {
        m_showReserve = false;
        fixedSum = 0;
        for (const Marks& mk : m_marks) fixedSum += fixedOf(mk, false);
        trackH = (avail - fixedSum - (n - 1) * pad * 0.8) / n;
    }
    trackH = std::clamp(trackH, 14.0, f.lh * 2.4);
    m_trackH = trackH;
    const qreal rowGap = std::clamp((avail - fixedSum - n * trackH) / std::max(1.0, n - 1), pad * 0.8, f.lh * 2.0);

    qreal y = top;
    for (std::size_t k = 0; k < m_bars.size(); ++k) {
        Bar& b = m_bars[k];
        Marks& mk = m_marks[k];
        const qreal rowH = fixedOf(mk, m_showReserve) + trackH;
        b.row = QRectF(pad, y, W - 2 * pad, rowH);
        const qreal labelsTop = y + f.lh + 1;
        for (MarkLabel& l : mk.labels) l.rect.moveTop(labelsTop + (mk.rows - 1 - l.row) * fms.height());
        b.track.setTop(labelsTop + mk.rows * fms.height() + leader + 3);
        b.track.setHeight(trackH);
        const Zone& z = m.zones[std::size_t(b.zoneId)];
        b.xMin = xOf(b, z.mark(Wmark::Min));
        b.xLow = xOf(b, z.mark(Wmark::Low));
        b.xHigh = xOf(b, z.mark(Wmark::High));
        b.xFree = xOf(b, z.freePages);
        y += rowH + rowGap;
    }
    if (legendH > 0)
        m_legend = QRectF(pad, std::min(y - rowGap + pad * 1.5, H - pad * 0.5 - legendH), W - 2 * pad, legendH);
}

// ---- painting -------------------------------------------------------------------------

void ZoneView::paintEvent(QPaintEvent*)
{
    if (m_generation != Palette::generation()) {
        m_generation = Palette::generation();
        Palette::applyTextColour(m_scaleLabel);
        m_dirty = true; // the layout measures text in fonts that presentation mode changes
    }
    ensureLayout();
    const Fonts f(this);
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.setRenderHint(QPainter::TextAntialiasing);
    p.fillRect(rect(), Palette::background());
    paintHeader(p, f);

    // The caption: what the step did (highlighted) or how to read the view.
    drawViewCaption(p, f, m_caption, m_captionText, !stepCaption().isEmpty());

    if (m_bars.empty()) {
        p.setFont(f.text);
        p.setPen(Palette::mutedText());
        p.drawText(rect(), Qt::AlignCenter, tr("No machine yet."));
        return;
    }
    const double t = QEasingCurve(QEasingCurve::InOutCubic).valueForProgress(std::clamp(m_ctx->progress(), 0.0, 1.0));
    for (const Bar& b : m_bars) paintBar(p, f, b, t);
    paintLegend(p, f);
}

void ZoneView::paintHeader(QPainter& p, const Fonts& f) const
{
    const qreal pad = std::round(f.lh * 0.6);
    p.setFont(f.title);
    p.setPen(Palette::text());
    const QRectF titleRect(pad, m_header.top(), m_badge.left() - pad * 1.5, m_header.height());
    p.drawText(titleRect, Qt::AlignLeft | Qt::AlignVCenter,
        QFontMetricsF(f.title).elidedText(tr("Zones and watermarks"), Qt::ElideRight, titleRect.width()));

    // kswapd's badge: grey asleep, orange awake, red when it gave up.
    if (m_badge.width() > 20) {
        const KswapdState s = kswapdState();
        const QColor fill = s == KswapdState::Awake ? warningColour()
            : s == KswapdState::GaveUp              ? Palette::alarm()
                                                    : Palette::tint(Palette::mutedText(), 0.25);
        const bool lit = kswapdHighlighted();
        const double t = std::clamp(m_ctx->progress(), 0.0, 1.0);
        if (lit) {
            // A ring that grows and fades over the step.
            const qreal grow = 2 + 8 * t;
            p.setPen(QPen(Palette::withAlpha(Palette::highlight(), 1.0 - 0.6 * t), Palette::line(3)));
            p.setBrush(Qt::NoBrush);
            p.drawRoundedRect(m_badge.adjusted(-grow, -grow, grow, grow), m_badge.height() / 2 + grow,
                m_badge.height() / 2 + grow);
        }
        p.setPen(lit ? QPen(Palette::highlight(), Palette::line(2.5)) : QPen(fill.darker(115), Palette::line(1)));
        p.setBrush(fill);
        p.drawRoundedRect(m_badge, m_badge.height() / 2, m_badge.height() / 2);
        const QColor ink = Palette::textOn(fill);
        const qreal d = m_badge.height() * 0.36;
        const QRectF dot(m_badge.left() + m_badge.height() * 0.35, m_badge.center().y() - d / 2, d, d);
        p.setPen(Qt::NoPen);
        p.setBrush(s == KswapdState::Asleep ? Palette::mutedText() : ink);
        p.drawEllipse(dot);
        p.setFont(f.bold);
        p.setPen(ink);
        const QRectF tr_(dot.right() + d * 0.6, m_badge.top(), m_badge.right() - dot.right() - d * 1.2, m_badge.height());
        p.drawText(tr_, Qt::AlignLeft | Qt::AlignVCenter,
            QFontMetricsF(f.bold).elidedText(m_badgeText, Qt::ElideRight, tr_.width()));
    }
    p.setPen(QPen(Palette::gridLine(), Palette::line(1)));
    p.drawLine(QPointF(0, m_header.bottom() - 0.5), QPointF(width(), m_header.bottom() - 0.5));
}

void ZoneView::paintBar(QPainter& p, const Fonts& f, const Bar& b, double t) const
{
    const Machine& m = m_ctx->machine();
    const Machine& before = m_ctx->previousMachine();
    const Zone& z = m.zones[std::size_t(b.zoneId)];
    const std::uint64_t ps = m.pageSize();
    const Event* e = stepEvent();
    const bool hotZone = highlightedZone() == b.zoneId;
    const std::optional<Wmark> hotMark = hotZone ? highlightedMark() : std::nullopt;
    const Marks& mk = m_marks[std::size_t(&b - m_bars.data())];
    const QFontMetricsF fm(f.text), fms(f.small), fmb(f.bold), fmsb(f.smallBold);

    if (hotZone) {
        p.setPen(QPen(Palette::highlight(), Palette::line(2)));
        p.setBrush(Palette::withAlpha(Palette::highlight(), Palette::isDark() ? 0.10 : 0.05));
        p.drawRoundedRect(b.row.adjusted(-4, -2, 4, 3), 6, 6);
    }

    // Name line: zone, managed, free (a shorter form when the long one does not fit).
    const QColor zc = Palette::zone(z.type);
    qreal x = b.row.left();
    const QString name = EventText::zoneLabel(m, b.zoneId);
    p.setFont(f.bold);
    p.setPen(Palette::ink(zc));
    p.drawText(QRectF(x, b.row.top(), fmb.horizontalAdvance(name) + 2, f.lh), Qt::AlignLeft | Qt::AlignVCenter, name);
    x += fmb.horizontalAdvance(name) + fm.horizontalAdvance(u"   "_s);
    const std::uint64_t pct = z.managed ? (z.freePages * 100 + z.managed / 2) / z.managed : 0;
    QString stats = tr("managed %1 pages (%2) · free %3 pages (%4, %5 %)")
                        .arg(num(z.managed), EventText::bytes(z.managed * ps), num(z.freePages),
                            EventText::bytes(z.freePages * ps))
                        .arg(pct);
    const QRectF statsRect(x, b.row.top(), b.row.right() - x, f.lh);
    if (fm.horizontalAdvance(stats) > statsRect.width())
        stats = tr("%1 of %2 free (%3 %)")
                    .arg(EventText::bytes(z.freePages * ps), EventText::bytes(z.managed * ps))
                    .arg(pct);
    p.setFont(f.text);
    p.setPen(Palette::text());
    p.drawText(statsRect, Qt::AlignLeft | Qt::AlignVCenter, fm.elidedText(stats, Qt::ElideRight, statsRect.width()));

    // The track with its bands: below min (danger), min..low (warning), low..high (pale).
    const QRectF tr_ = b.track;
    p.setPen(Qt::NoPen);
    p.setBrush(Palette::tint(Palette::text(), Palette::isDark() ? 0.10 : 0.06));
    p.drawRect(tr_);
    const double a = Palette::isDark() ? 0.38 : 0.28;
    p.setBrush(Palette::withAlpha(dangerColour(), a));
    p.drawRect(QRectF(tr_.left(), tr_.top(), b.xMin - tr_.left(), tr_.height()));
    p.setBrush(Palette::withAlpha(warningColour(), a));
    p.drawRect(QRectF(b.xMin, tr_.top(), b.xLow - b.xMin, tr_.height()));
    p.setBrush(Palette::withAlpha(warningColour(), a * 0.35));
    p.drawRect(QRectF(b.xLow, tr_.top(), b.xHigh - b.xLow, tr_.height()));

    // Free pages: a bar inside the track, animated from the previous state, in the zone's
    // hue above low and in the band's colour below it.
    std::uint64_t freeBefore = z.freePages;
    if (std::size_t(b.zoneId) < before.zones.size()) freeBefore = before.zones[std::size_t(b.zoneId)].freePages;
    const double xBefore = xOf(b, freeBefore);
    const double xNow = xBefore + (b.xFree - xBefore) * t;
    const QColor fillC = z.freePages <= z.mark(Wmark::Min) ? dangerColour()
        : z.freePages <= z.mark(Wmark::Low)                ? warningColour()
                                                           : zc;
    const qreal inset = std::max(2.0, std::round(tr_.height() * 0.14));
    const QRectF fillR(
        tr_.left(), tr_.top() + inset, std::max(0.0, xNow - tr_.left()), tr_.height() - 2 * inset);
    p.setBrush(fillC);
    p.drawRect(fillR);
    if (freeBefore != z.freePages && t < 1) {
        // The part that changes in this step, outlined.
        p.setBrush(Qt::NoBrush);
        p.setPen(QPen(Palette::highlight(), Palette::line(1.5), Qt::DashLine));
        p.drawRect(QRectF(std::min(xBefore, b.xFree), fillR.top(), std::abs(b.xFree - xBefore), fillR.height()));
    }
    p.setPen(QPen(Palette::gridLine(), Palette::line(1)));
    p.setBrush(Qt::NoBrush);
    p.drawRect(tr_.adjusted(0.5, 0.5, -0.5, -0.5));

    // The break of the magnified scale: a zig-zag across the track.
    if (b.scale.hasBreak()) {
        const double bx = tr_.left() + ZoneBarScale::kZoomShare * tr_.width();
        QPainterPath zig;
        const double h = tr_.height() + 6, y0 = tr_.top() - 3, step = h / 4;
        zig.moveTo(bx - 2, y0);
        for (int i = 1; i <= 4; ++i) zig.lineTo(bx + (i % 2 ? 3 : -3), y0 + step * i);
        p.setPen(QPen(Palette::background(), Palette::line(5)));
        p.drawPath(zig);
        p.setPen(QPen(Palette::mutedText(), Palette::line(1.5)));
        p.drawPath(zig);
    }

    // Watermark lines; each label is underlined and the underline runs to its line.
    for (const MarkLabel& l : mk.labels) {
        const bool lit = hotMark && *hotMark == l.mark;
        const QColor c = Palette::ink(Palette::watermark(l.mark));
        const QColor ink = lit ? hot() : c;
        const double mx = l.mark == Wmark::Min ? b.xMin : l.mark == Wmark::Low ? b.xLow : b.xHigh;
        p.setPen(QPen(ink, Palette::line(lit ? 3.5 : 2)));
        p.drawLine(QPointF(mx, tr_.top() - 2), QPointF(mx, tr_.bottom() + 2));
        QString text = l.text;
        if (lit && e) {
            if (e->type == EventType::WatermarkCrossed) text += (e->flags & EventFlag::Below) ? u" ↓"_s : u" ↑"_s;
            if (e->type == EventType::ZoneCheck) text += (e->flags & EventFlag::Ok) ? u" ✓"_s : u" ✗"_s;
        }
        // The leader: a flag's pole runs up beside its label; a centred label sits on its
        // line, or (pushed aside on a crowded line) is reached by a hook.
        const qreal tw = (lit ? fmsb : fms).horizontalAdvance(text);
        QRectF textRect = l.rect;
        if (l.dir == MarkLabel::Centred) textRect = QRectF(l.rect.center().x() - tw / 2, l.rect.top(), tw, l.rect.height());
        const qreal uy = l.rect.bottom() + 1;
        p.setPen(QPen(ink, Palette::line(1)));
        if (l.dir == MarkLabel::Centred) {
            p.drawLine(QPointF(mx, uy), QPointF(mx, tr_.top() - 2));
            if (mx < textRect.left() + 2) p.drawLine(QPointF(mx, uy), QPointF(textRect.left() + 6, uy));
            if (mx > textRect.right() - 2) p.drawLine(QPointF(textRect.right() - 6, uy), QPointF(mx, uy));
        } else {
            p.drawLine(QPointF(mx, l.rect.top() + 2), QPointF(mx, tr_.top() - 2));
        }
        p.setFont(lit ? f.smallBold : f.small);
        p.setPen(ink);
        const Qt::Alignment al = l.dir == MarkLabel::Right ? Qt::AlignLeft : l.dir == MarkLabel::Left ? Qt::AlignRight
                                                                                                        : Qt::AlignHCenter;
        p.drawText(l.rect, al | Qt::AlignVCenter, text);
    }

    // The free label on a pill of its own (so the mark lines pass under it): inside the
    // fill when it fits, else just after it.
    {
        const QString s = tr("free %1").arg(num(z.freePages));
        const qreal w = fmsb.horizontalAdvance(s) + 10;
        const qreal h = std::min(tr_.height() - 2, fmsb.height() + 2);
        QRectF lr;
        QColor bg;
        if (fillR.width() >= w + 4) {
            lr = QRectF(fillR.right() - w - 2, tr_.center().y() - h / 2, w, h);
            bg = fillC;
        } else {
            lr = QRectF(std::min(fillR.right() + 4, tr_.right() - w - 2), tr_.center().y() - h / 2, w, h);
            bg = Palette::background();
        }
        if (h >= fmsb.height() * 0.75) {
            p.setPen(bg == fillC ? Qt::NoPen : QPen(Palette::gridLine(), Palette::line(1)));
            p.setBrush(bg);
            p.drawRoundedRect(lr, 3, 3);
            p.setFont(f.smallBold);
            p.setPen(Palette::textOn(bg));
            p.drawText(lr, Qt::AlignCenter, s);
        }
    }

    // Axis ticks under the track: 0 and the zone's size first, the others where they fit.
    const qreal axisTop = tr_.bottom() + 2;
    p.setFont(f.small);
    const auto ticks = b.scale.ticks();
    std::vector<QRectF> taken;
    const qreal sep = fms.horizontalAdvance(u"  "_s);
    const auto tickText = [&](std::size_t i) {
        const std::uint64_t v = ticks[i];
        if (i + 1 == ticks.size()) return tr("%1 managed").arg(num(v));
        if (b.scale.hasBreak() && v == b.scale.zoomEnd) return tr("%1 = 2 × high").arg(num(v));
        return num(v);
    };
    std::vector<std::size_t> order;
    if (!ticks.empty()) order.push_back(0);
    if (ticks.size() > 1) order.push_back(ticks.size() - 1);
    for (std::size_t i = 1; i + 1 < ticks.size(); ++i) order.push_back(i);
    for (std::size_t i : order) {
        const double tx = xOf(b, ticks[i]);
        const QString s = tickText(i);
        const double w = fms.horizontalAdvance(s);
        const double left = std::clamp(tx - w / 2, tr_.left(), tr_.right() - w);
        const QRectF r(left, axisTop + 1, w + 1, m_axisH);
        if (std::any_of(taken.begin(), taken.end(), [&](const QRectF& o) { return o.adjusted(-sep, 0, sep, 0).intersects(r); }))
            continue;
        taken.push_back(r);
        p.setPen(QPen(Palette::mutedText(), Palette::line(1)));
        p.drawLine(QPointF(tx, tr_.bottom()), QPointF(tx, tr_.bottom() + 3));
        p.drawText(r, Qt::AlignLeft | Qt::AlignTop, s);
    }

    // lowmem_reserve: what this zone keeps back from allocations that could have used a higher zone.
    if (m_showReserve) {
        const qreal resTop = axisTop + m_axisH;
        QStringList parts;
        const Node* node = z.node < m.nodes.size() ? &m.nodes[z.node] : nullptr;
        for (std::size_t j = std::size_t(z.indexInNode) + 1; node && j < node->zones.size(); ++j) {
            const Zone& hz = m.zones[node->zones[j]];
            if (!hz.populated()) continue;
            parts << tr("%1 %2").arg(EventText::zoneName(hz.type), num(z.lowmemReserve[j]));
        }
        const QString s = parts.isEmpty()
            ? tr("lowmem_reserve: none (no higher zone)")
            : tr("lowmem_reserve (pages kept from allocations that may use a higher zone): %1").arg(parts.join(u" · "_s));
        p.setPen(Palette::mutedText());
        p.drawText(QRectF(b.row.left(), resTop, b.row.width(), m_axisH), Qt::AlignLeft | Qt::AlignTop,
            fms.elidedText(s, Qt::ElideRight, b.row.width()));
    }
}

void ZoneView::paintLegend(QPainter& p, const Fonts& f) const
{
    if (m_legend.isEmpty()) return;
    const auto items = legendItems();
    const auto boxes = flowLegend(m_legend, f.small);
    p.setFont(f.small);
    for (std::size_t i = 0; i < items.size() && i < boxes.size(); ++i) {
        const QRectF& box = boxes[i];
        const qreal h = box.height();
        const QRectF r(box.left(), box.top() + h * 0.2, h * 1.4, h * 0.6);
        p.setPen(QPen(Palette::gridLine(), Palette::line(1)));
        p.setBrush(Palette::tint(Palette::text(), Palette::isDark() ? 0.10 : 0.06));
        p.drawRect(r);
        p.setBrush(items[i].fill);
        p.drawRect(r);
        p.setPen(Palette::mutedText());
        p.drawText(QRectF(r.right() + 6, box.top(), box.right() - r.right() - 6, h), Qt::AlignLeft | Qt::AlignVCenter,
            items[i].text);
    }
}

} // namespace memviz
