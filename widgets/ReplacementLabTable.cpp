#include "ReplacementLabTable.h"

#include "Palette.h"

#include <QEvent>
#include <QFontInfo>
#include <QFontMetricsF>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QScrollBar>
#include <QStaticText>
#include <QToolTip>

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace memviz {

using namespace Qt::StringLiterals;

namespace {

/// Dark-theme-aware colours of the table.
QColor hitInk()
{
    return Palette::ink(Palette::tlbHit());
}
QColor missInk()
{
    return Palette::ink(Palette::tlbMiss());
}
QColor hitFill()
{
    return Palette::mix(Palette::background(), Palette::tlbHit(), Palette::isDark() ? 0.34 : 0.24);
}
QColor missFill()
{
    return Palette::mix(Palette::background(), Palette::tlbMiss(), Palette::isDark() ? 0.34 : 0.26);
}
/// A LINUX page on the active list: a blue wash, apart from the grey of columns not replayed
/// and from the hit and miss colours.
QColor activeFill()
{
    return Palette::isDark() ? Palette::mix(Palette::background(), QColor(0x6a, 0x9a, 0xdc), 0.36)
                             : Palette::mix(Palette::background(), QColor(0x3f, 0x6f, 0xb0), 0.24);
}
/// Columns not replayed yet.
QColor futureFill()
{
    return Palette::mix(Palette::background(), Palette::gridLine(), Palette::isDark() ? 0.55 : 0.45);
}
QColor hot()
{
    return Palette::isDark() ? Palette::highlight().lighter(130) : Palette::highlight();
}

} // namespace

/// The policy's own colour (the panel's stripe, its line in the plot).
QColor replacementPolicyColour(ReplPolicy p)
{
    switch (p) {
    case ReplPolicy::Fifo:
        return QColor(0x1f, 0x77, 0xb4);
    case ReplPolicy::Lru:
        return QColor(0x94, 0x67, 0xbd);
    case ReplPolicy::Opt:
        return QColor(0x7f, 0x7f, 0x7f);
    case ReplPolicy::Clock:
        return QColor(0x17, 0xa5, 0xb8);
    case ReplPolicy::Linux:
        return QColor(0x8c, 0x56, 0x4b);
    }
    return Palette::text();
}

// ---- geometry -----------------------------------------------------------------------------

ReplacementLabGeometry ReplacementLabGeometry::fit(const std::vector<int>& panelFrames, const std::vector<bool>& paired,
    int columns, QSizeF viewport, qreal preferredPx, qreal minPx, const std::function<qreal(qreal)>& labelWidth,
    const std::function<qreal(qreal)>& cellWidth, int narrLines, int legendLines, qreal smallLine)
{
    ReplacementLabGeometry g;
    g.columns = std::max(0, columns);
    g.viewport = viewport;
    g.panelFrames = panelFrames;
    const auto isPaired = [&](std::size_t i) { return i < paired.size() && paired[i]; };
    auto heights = [&](qreal px) {
        g.px = px;
        g.idxH = std::round(px * 1.2);
        g.refH = std::round(px * 1.75);
        g.narrH = std::round(px * smallLine * std::max(1, narrLines) + px * 0.4);
        g.rowH = std::round(px * 1.55);
        g.gap = std::round(px * 0.75);
        g.legendH = std::round(px * smallLine * 1.45 * std::max(1, legendLines) + px * 0.45);
        g.panelY.assign(panelFrames.size(), 0);
        qreal y = 0;
        for (std::size_t i = 0; i < panelFrames.size(); ++i) {
            if (i > 0) y += isPaired(i) ? std::round(px * 0.2) : g.gap;
            g.panelY[i] = y;
            y += g.narrH + bodyRows(panelFrames[i]) * g.rowH;
        }
        g.bodyH = y + std::round(px * 0.4);
        return g.headerH() + g.bodyH + g.legendH;
    };
    const auto columnWidth = [&](qreal px) { return std::max(cellWidth(px) + px * 0.9, px * 2.1); };
    const auto labelW = [&](qreal px) { return std::ceil(std::min(labelWidth(px), viewport.width() * 0.34)); };
    // The largest text that shows every panel and every column, down to minPx; past that the
    // panels and columns scroll.
    qreal px = std::max(preferredPx, minPx);
    qreal need = heights(px);
    if (need > viewport.height() && px > minPx) {
        // Heights grow almost linearly with px: one scaled guess, then small steps down.
        px = std::max(minPx, std::floor(px * viewport.height() / need));
        while (heights(px) > viewport.height() && px > minPx) px = std::max(minPx, px - 0.5);
    }
    while (labelW(px) + g.columns * columnWidth(px) > viewport.width() && px > minPx) px = std::max(minPx, px - 0.5);
    heights(px);
    g.labelW = labelW(px);
    qreal colW = columnWidth(px);
    const qreal avail = viewport.width() - g.labelW;
    if (g.columns > 0 && colW * g.columns < avail) colW = std::min(avail / g.columns, px * 3.6);
    g.colW = std::max<qreal>(4, std::floor(colW));
    return g;
}

QRectF ReplacementLabGeometry::bodyArea() const
{
    return QRectF(0, headerH(), viewport.width(), std::max<qreal>(0, viewport.height() - headerH() - legendH));
}

QRectF ReplacementLabGeometry::gridArea() const
{
    const QRectF b = bodyArea();
    return QRectF(labelW, b.top(), std::max<qreal>(0, viewport.width() - labelW), b.height());
}

QRectF ReplacementLabGeometry::legendArea() const
{
    return QRectF(0, viewport.height() - legendH, viewport.width(), legendH);
}

qreal ReplacementLabGeometry::maxScrollX() const
{
    return std::max<qreal>(0, std::ceil(gridW() - (viewport.width() - labelW)));
}

qreal ReplacementLabGeometry::maxScrollY() const
{
    return std::max<qreal>(0, std::ceil(bodyH - bodyArea().height()));
}

qreal ReplacementLabGeometry::panelTop(int panel) const
{
    if (panel < 0 || std::size_t(panel) >= panelY.size()) return 0;
    return headerH() + panelY[std::size_t(panel)] - scroll.y();
}

QRectF ReplacementLabGeometry::indexRect(int col) const
{
    return QRectF(columnX(col), 0, colW, idxH);
}

QRectF ReplacementLabGeometry::refRect(int col) const
{
    return QRectF(columnX(col), idxH, colW, refH);
}

QRectF ReplacementLabGeometry::narrationRect(int panel) const
{
    return QRectF(0, panelTop(panel), viewport.width(), narrH);
}

QRectF ReplacementLabGeometry::panelBodyRect(int panel) const
{
    if (panel < 0 || std::size_t(panel) >= panelFrames.size()) return QRectF();
    return QRectF(0, panelTop(panel) + narrH, viewport.width(), bodyRows(panelFrames[std::size_t(panel)]) * rowH);
}

QRectF ReplacementLabGeometry::labelRect(int panel) const
{
    const QRectF b = panelBodyRect(panel);
    return QRectF(b.left(), b.top(), labelW, b.height());
}

QRectF ReplacementLabGeometry::cellRect(int panel, int slot, int col) const
{
    return QRectF(columnX(col), panelTop(panel) + narrH + slot * rowH, colW, rowH);
}

QRectF ReplacementLabGeometry::outcomeRect(int panel, int col) const
{
    if (panel < 0 || std::size_t(panel) >= panelFrames.size()) return QRectF();
    return cellRect(panel, panelFrames[std::size_t(panel)], col);
}

ReplacementLabGeometry::Hit ReplacementLabGeometry::hitTest(QPointF p) const
{
    Hit h;
    if (p.x() < 0 || p.y() < 0 || p.x() >= viewport.width() || p.y() >= viewport.height()) return h;
    const auto colAt = [&](qreal x) {
        if (x < labelW || colW <= 0) return -1;
        const int c = int(std::floor((x - labelW + scroll.x()) / colW));
        return c >= 0 && c < columns ? c : -1;
    };
    if (p.y() < headerH()) {
        h.col = colAt(p.x());
        if (h.col >= 0) h.kind = p.y() < idxH ? Hit::Index : Hit::Ref;
        return h;
    }
    if (!bodyArea().contains(p)) return h;
    for (int i = 0; i < int(panelFrames.size()); ++i) {
        if (narrationRect(i).contains(p)) {
            h.kind = Hit::Narration;
            h.panel = i;
            return h;
        }
        const QRectF b = panelBodyRect(i);
        if (!b.contains(p)) continue;
        h.panel = i;
        if (p.x() < labelW) {
            h.kind = Hit::Label;
            return h;
        }
        h.col = colAt(p.x());
        const int row = int(std::floor((p.y() - b.top()) / rowH));
        const int frames = panelFrames[std::size_t(i)];
        if (h.col < 0 || row > frames) return Hit { Hit::None, i, -1, -1 };
        h.kind = row < frames ? Hit::Cell : Hit::Outcome;
        h.slot = row < frames ? row : -1;
        return h;
    }
    return h;
}

// ---- the table ----------------------------------------------------------------------------

struct ReplacementLabTable::Fonts {
    QFont text, bold, small, smallBold, strike;
    qreal px = 14;
};

struct ReplacementLabTable::Legend {
    enum Kind { Hit, Miss, Victim, UseBit, Hand, Active, Future };
};

namespace {

void drawCentred(QPainter& p, const QRectF& r, const QStaticText& t)
{
    const QSizeF s = t.size();
    p.drawStaticText(QPointF(r.center().x() - s.width() / 2, r.center().y() - s.height() / 2), t);
}

/// A tick drawn as lines (no font needs to have ✓).
void drawCheck(QPainter& p, const QRectF& r, const QColor& c, qreal w)
{
    const qreal s = std::min(r.width(), r.height()) * 0.42;
    const QPointF o = r.center();
    QPainterPath path;
    path.moveTo(o + QPointF(-s * 0.55, 0));
    path.lineTo(o + QPointF(-s * 0.12, s * 0.45));
    path.lineTo(o + QPointF(s * 0.6, -s * 0.5));
    p.setPen(QPen(c, w, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    p.setBrush(Qt::NoBrush);
    p.drawPath(path);
}

void drawCross(QPainter& p, const QRectF& r, const QColor& c, qreal w)
{
    const qreal s = std::min(r.width(), r.height()) * 0.2;
    const QPointF o = r.center();
    p.setPen(QPen(c, w, Qt::SolidLine, Qt::RoundCap));
    p.drawLine(o + QPointF(-s, -s), o + QPointF(s, s));
    p.drawLine(o + QPointF(-s, s), o + QPointF(s, -s));
}

/// CLOCK's hand: a small triangle at the left edge of the frame it points to.
void drawHand(QPainter& p, const QRectF& r, const QColor& c)
{
    const qreal h = std::min(r.height() * 0.5, r.width() * 0.3);
    const QPointF a(r.left() + 2, r.center().y() - h / 2);
    const QPointF pts[3] = { a, QPointF(a.x() + h * 0.75, r.center().y()), QPointF(a.x(), a.y() + h) };
    p.setPen(Qt::NoPen);
    p.setBrush(c);
    p.drawPolygon(pts, 3);
}

/// A use bit or PG_referenced: a dot in the cell's top-right corner.
void drawUseBit(QPainter& p, const QRectF& r, const QColor& c, qreal px)
{
    const qreal rad = std::max<qreal>(2.0, px * 0.17);
    p.setPen(Qt::NoPen);
    p.setBrush(c);
    p.drawEllipse(QPointF(r.right() - rad - 3, r.top() + rad + 3), rad, rad);
}

} // namespace

QString replacementPolicyText(ReplPolicy p)
{
    return QString::fromLatin1(replPolicyName(p));
}

/// Page labels laid out once per font (QStaticText), shared by every cell that shows the page.
struct ReplacementLabTable::LabelCache {
    QFont font, bold;
    std::unordered_map<std::int64_t, std::pair<QStaticText, QStaticText>> texts;
    void setFonts(const QFont& f, const QFont& b)
    {
        if (f == font && b == bold) return;
        texts.clear();
        font = f;
        bold = b;
    }
    const std::pair<QStaticText, QStaticText>& get(std::int64_t page)
    {
        auto it = texts.find(page);
        if (it != texts.end()) return it->second;
        QStaticText a(ReplacementLabTable::pageLabel(page)), b(ReplacementLabTable::pageLabel(page));
        a.setTextFormat(Qt::PlainText);
        b.setTextFormat(Qt::PlainText);
        a.prepare(QTransform(), font);
        b.prepare(QTransform(), bold);
        return texts.emplace(page, std::make_pair(a, b)).first->second;
    }
};

ReplacementLabTable::ReplacementLabTable(QWidget* parent)
    : QAbstractScrollArea(parent)
    , m_cache(std::make_unique<LabelCache>())
{
    setFrameShape(QFrame::NoFrame);
    setFocusPolicy(Qt::StrongFocus);
    viewport()->setAttribute(Qt::WA_OpaquePaintEvent);
    viewport()->setMouseTracking(true);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    setAccessibleName(tr("Replacement table"));
}

ReplacementLabTable::~ReplacementLabTable() = default;

QString ReplacementLabTable::pageLabel(std::int64_t page)
{
    return page < 0 ? QString() : QString::number(page);
}

void ReplacementLabTable::setModel(ReplacementLabModel model)
{
    m_model = std::move(model);
    m_model.step = std::clamp(m_model.step, 0, int(m_model.refs.size()));
    invalidate();
    ensureLayout();
    ensureColumnVisible(m_model.step - 1);
}

void ReplacementLabTable::setStep(int step)
{
    step = std::clamp(step, 0, int(m_model.refs.size()));
    if (step == m_model.step) return;
    m_model.step = step;
    // The label column's counts and the narration change, the geometry does not.
    ensureColumnVisible(step - 1);
    viewport()->update();
}

void ReplacementLabTable::invalidate()
{
    m_dirty = true;
    viewport()->update();
}

ReplacementLabTable::Fonts ReplacementLabTable::fonts(qreal px) const
{
    const QFont base = Palette::viewFont(this);
    Fonts f;
    f.px = px;
    f.text = Palette::pixelFont(base, px);
    f.bold = Palette::pixelFont(base, px, true);
    f.small = Palette::pixelFont(base, std::max<qreal>(11, px * 0.88));
    f.smallBold = Palette::pixelFont(base, std::max<qreal>(11, px * 0.88), true);
    f.strike = f.text;
    f.strike.setStrikeOut(true);
    return f;
}

QStringList ReplacementLabTable::labelLines(int panel) const
{
    return labelLinesAt(panel, m_model.step);
}

QStringList ReplacementLabTable::labelLinesAt(int panel, int step, bool widest) const
{
    if (panel < 0 || std::size_t(panel) >= m_model.panels.size()) return {};
    const ReplacementLabPanel& pn = m_model.panels[std::size_t(panel)];
    const QLocale loc;
    const int n = int(pn.result.steps.size());
    step = std::clamp(step, 0, n);
    const QString misses = loc.toString(qulonglong(pn.result.misses)), hits = loc.toString(qulonglong(pn.result.hits));
    QStringList out;
    out << replacementPolicyText(pn.policy);
    out << (pn.frames == 1 ? tr("1 frame") : tr("%1 frames").arg(pn.frames));
    if (step >= n && !widest) {
        out << tr("misses: %1").arg(misses);
        const double ratio = n ? 100.0 * double(pn.result.hits) / n : 0.0;
        out << tr("hits: %1 (%2 %)").arg(hits, loc.toString(ratio, 'f', 0));
    } else {
        std::uint64_t h = 0;
        for (int t = 0; t < step; ++t) h += pn.result.steps[std::size_t(t)].hit;
        // So far, of the whole string's.
        const QString mSoFar = widest ? misses : loc.toString(qulonglong(std::uint64_t(step) - h));
        const QString hSoFar = widest ? hits : loc.toString(qulonglong(h));
        out << tr("misses: %1 of %2").arg(mSoFar, misses);
        out << tr("hits: %1 of %2").arg(hSoFar, hits);
    }
    return out;
}

QString ReplacementLabTable::narrationText(int panel) const
{
    if (panel < 0 || std::size_t(panel) >= m_model.panels.size()) return QString();
    const ReplacementLabPanel& pn = m_model.panels[std::size_t(panel)];
    const int t = m_model.step - 1;
    if (t < 0 || std::size_t(t) >= pn.narration.size()) return pn.rule;
    return tr("Step %1: %2").arg(t + 1).arg(pn.narration[std::size_t(t)]);
}

std::vector<std::pair<QString, int>> ReplacementLabTable::legendItems() const
{
    bool clock = false, linux = false;
    for (const ReplacementLabPanel& p : m_model.panels) {
        clock |= p.policy == ReplPolicy::Clock;
        linux |= p.policy == ReplPolicy::Linux;
    }
    std::vector<std::pair<QString, int>> items {
        { tr("hit"), Legend::Hit },
        { tr("miss: page loaded"), Legend::Miss },
        { tr("victim of the miss"), Legend::Victim },
    };
    if (clock && linux)
        items.emplace_back(tr("use bit (CLOCK), PG_referenced (LINUX)"), Legend::UseBit);
    else if (clock)
        items.emplace_back(tr("use bit"), Legend::UseBit);
    else if (linux)
        items.emplace_back(tr("PG_referenced"), Legend::UseBit);
    if (clock) items.emplace_back(tr("clock hand"), Legend::Hand);
    if (linux) items.emplace_back(tr("active list (LINUX); unshaded: inactive"), Legend::Active);
    items.emplace_back(tr("not replayed yet"), Legend::Future);
    return items;
}

void ReplacementLabTable::ensureLayout() const
{
    if (!m_dirty) return;
    const_cast<ReplacementLabTable*>(this)->m_dirty = false;
    auto* self = const_cast<ReplacementLabTable*>(this);

    const QSizeF vp = viewport()->size();
    const qreal basePx = QFontInfo(Palette::viewFont(this)).pixelSize();
    const qreal preferred = std::clamp(vp.height() / 20.0, basePx, 28.0);
    // The small font's line spacing per pixel of text (CJK fonts have taller lines).
    const qreal smallLine = QFontMetricsF(fonts(40).small).lineSpacing() / 40.0;
    const qreal minPx = std::min<qreal>(basePx, 13.0);

    std::vector<int> frames;
    std::vector<bool> paired;
    std::int64_t widest = 0;
    for (std::int64_t r : m_model.refs) widest = std::max(widest, r);
    for (const ReplacementLabPanel& p : m_model.panels) {
        frames.push_back(p.frames);
        paired.push_back(p.pairedWithPrevious);
    }
    const QString widestLabel = pageLabel(widest);
    const auto labelWidth = [&](qreal px) {
        const Fonts f = fonts(px);
        const QFontMetricsF fb(f.bold), ft(f.text), fs(f.small);
        qreal w = 0;
        // Both forms (so far while stepping, totals at the end): the column keeps its width while stepping.
        for (int i = 0; i < int(m_model.panels.size()); ++i)
            for (const QStringList& lines : { labelLinesAt(i, int(m_model.refs.size())), labelLinesAt(i, 0, true) })
                for (int k = 0; k < lines.size(); ++k) w = std::max(w, (k == 0 ? fb : ft).horizontalAdvance(lines[k]));
        // Room for the stripe, the slot numbers and padding.
        return w + px * 1.1 + fs.horizontalAdvance(u"10"_s) + px * 0.8;
    };
    // CLOCK's hand sits left of the page and a use bit right of it: their columns need that room too.
    bool marks = false;
    for (const ReplacementLabPanel& p : m_model.panels)
        marks |= p.policy == ReplPolicy::Clock || p.policy == ReplPolicy::Linux;
    const auto cellWidth = [&](qreal px) {
        return QFontMetricsF(fonts(px).bold).horizontalAdvance(widestLabel) + (marks ? px * 1.1 : 0.0);
    };

    // Narrations on one line when the longest fits the width, else two; the legend likewise.
    int narrLines = 1, legendLines = 1;
    for (int pass = 0; pass < 3; ++pass) {
        self->m_geo = ReplacementLabGeometry::fit(frames, paired, int(m_model.refs.size()), vp, preferred, minPx,
            labelWidth, cellWidth, narrLines, legendLines, smallLine);
        const Fonts f = fonts(m_geo.px);
        const QFontMetricsF fs(f.small);
        qreal longest = 0;
        for (const ReplacementLabPanel& p : m_model.panels) {
            longest = std::max(longest, fs.horizontalAdvance(p.rule));
            for (const QString& s : p.narration) longest = std::max(longest, fs.horizontalAdvance(s));
        }
        longest += fs.horizontalAdvance(tr("Step %1: %2").arg(m_model.refs.size()).arg(QString()));
        const int wantNarr = longest > vp.width() - m_geo.px * 1.2 ? 2 : 1;
        const std::vector<QRectF> legend = flowLegend(m_geo.px, vp.width());
        const int wantLegend = legend.empty() ? 1 : int(std::lround(legend.back().top() / legend.back().height())) + 1;
        if (wantNarr == narrLines && wantLegend == legendLines) break;
        narrLines = wantNarr;
        legendLines = wantLegend;
    }
    self->m_legendLines = legendLines;

    // Scroll bars follow the layout.
    self->m_settingScroll = true;
    QScrollBar* h = horizontalScrollBar();
    QScrollBar* v = verticalScrollBar();
    h->setRange(0, int(m_geo.maxScrollX()));
    h->setPageStep(std::max(1, int(m_geo.gridArea().width())));
    h->setSingleStep(std::max(1, int(m_geo.colW)));
    v->setRange(0, int(m_geo.maxScrollY()));
    v->setPageStep(std::max(1, int(m_geo.bodyArea().height())));
    v->setSingleStep(std::max(1, int(m_geo.rowH)));
    self->m_settingScroll = false;
    self->m_geo.scroll = QPointF(h->value(), v->value());
}

const ReplacementLabGeometry& ReplacementLabTable::geometry() const
{
    ensureLayout();
    return m_geo;
}

void ReplacementLabTable::ensureColumnVisible(int col)
{
    ensureLayout();
    if (col < 0 || col >= m_geo.columns) return;
    const qreal left = m_geo.colW * col, right = left + m_geo.colW;
    const qreal w = m_geo.gridArea().width();
    QScrollBar* h = horizontalScrollBar();
    // Out of view, or in view with earlier steps hidden while later ones show: bring it to
    // three quarters of the width, so that the steps that led to it are in sight (the scroll
    // bar clamps at both ends).
    const int target = std::max(0, int(std::round(right - w * 0.75)));
    const bool visible = left >= h->value() && right <= h->value() + w;
    if (!visible || h->value() > target) h->setValue(target);
}

void ReplacementLabTable::scrollContentsBy(int, int)
{
    m_geo.scroll = QPointF(horizontalScrollBar()->value(), verticalScrollBar()->value());
    viewport()->update();
}

void ReplacementLabTable::resizeEvent(QResizeEvent* event)
{
    QAbstractScrollArea::resizeEvent(event);
    invalidate();
    ensureLayout();
    ensureColumnVisible(m_model.step - 1);
}

void ReplacementLabTable::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange
        || event->type() == QEvent::LanguageChange)
        invalidate();
    QAbstractScrollArea::changeEvent(event);
}

void ReplacementLabTable::keyPressEvent(QKeyEvent* event)
{
    // The lab's stepper keys belong to the lab (the parent view).
    switch (event->key()) {
    case Qt::Key_Left:
    case Qt::Key_Right:
    case Qt::Key_Home:
    case Qt::Key_End:
    case Qt::Key_Space:
        if (!(event->modifiers() & ~Qt::KeypadModifier)) {
            event->ignore();
            return;
        }
        break;
    default:
        break;
    }
    QAbstractScrollArea::keyPressEvent(event);
}

bool ReplacementLabTable::viewportEvent(QEvent* event)
{
    switch (event->type()) {
    case QEvent::Resize:
        // The viewport also changes size when a scroll bar comes or goes.
        invalidate();
        ensureLayout();
        ensureColumnVisible(m_model.step - 1);
        break;
    case QEvent::ToolTip: {
        auto* he = static_cast<QHelpEvent*>(event);
        const QString tip = toolTipAt(he->pos());
        if (tip.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(he->globalPos(), tip, viewport());
        return true;
    }
    case QEvent::MouseButtonPress: {
        auto* me = static_cast<QMouseEvent*>(event);
        if (me->button() == Qt::LeftButton) {
            const ReplacementLabGeometry::Hit h = geometry().hitTest(me->position());
            if (h.col >= 0) emit columnClicked(h.col);
        }
        break;
    }
    default:
        break;
    }
    return QAbstractScrollArea::viewportEvent(event);
}

// ---- tooltips -----------------------------------------------------------------------------

QString ReplacementLabTable::refToolTip(int col) const
{
    if (col < 0 || std::size_t(col) >= m_model.refs.size()) return QString();
    const std::int64_t page = m_model.refs[std::size_t(col)];
    QString s = tr("Step %1: page %2 is referenced").arg(col + 1).arg(pageLabel(page));
    if (page >= 1 && std::size_t(page) <= m_model.vpns.size()) {
        const std::uint64_t vpn = m_model.vpns[std::size_t(page - 1)];
        s += u'\n' + tr("%1 stands for virtual page 0x%2").arg(pageLabel(page), QString::number(vpn, 16));
    }
    if (col >= m_model.step) s += u'\n' + tr("Not replayed yet: step forward (→) or click the column.");
    return s;
}

QString ReplacementLabTable::cellToolTip(int panel, int slot, int col) const
{
    if (panel < 0 || std::size_t(panel) >= m_model.panels.size()) return QString();
    const ReplacementLabPanel& pn = m_model.panels[std::size_t(panel)];
    if (col < 0 || std::size_t(col) >= pn.result.steps.size() || slot < 0 || slot >= pn.frames) return QString();
    const QString head
        = tr("%1, %2 frames, step %3, frame %4").arg(replacementPolicyText(pn.policy)).arg(pn.frames).arg(col + 1).arg(slot);
    if (col >= m_model.step) return head + u'\n' + tr("Not replayed yet.");
    const ReplStep& st = pn.result.steps[std::size_t(col)];
    const std::int64_t page = st.frames[std::size_t(slot)];
    QStringList lines { head };
    if (page == kNoPage) {
        lines << tr("Empty frame.");
        return lines.join(u'\n');
    }
    lines << tr("Holds page %1.").arg(pageLabel(page));
    if (page >= 1 && std::size_t(page) <= m_model.vpns.size())
        lines << tr("Page %1 is virtual page 0x%2.")
                     .arg(pageLabel(page), QString::number(m_model.vpns[std::size_t(page - 1)], 16));
    if (slot == st.slot) {
        if (st.hit)
            lines << tr("Hit: the page referenced at this step was already here.");
        else if (st.victim != kNoPage)
            lines << tr("Miss: loaded here in place of page %1.").arg(pageLabel(st.victim));
        else
            lines << tr("Miss: loaded into this free frame.");
        if (std::size_t(col) < pn.narration.size()) lines << pn.narration[std::size_t(col)];
    }
    if (pn.policy == ReplPolicy::Clock) {
        if (std::size_t(slot) < st.useBits.size())
            lines << (st.useBits[std::size_t(slot)] ? tr("Use bit set.") : tr("Use bit clear."));
        if (st.hand == slot) lines << tr("The clock hand points here: the next frame it examines.");
    }
    if (pn.policy == ReplPolicy::Linux) {
        if (std::size_t(slot) < st.active.size())
            lines << (st.active[std::size_t(slot)] ? tr("On the active list.") : tr("On the inactive list."));
        if (std::size_t(slot) < st.useBits.size())
            lines << (st.useBits[std::size_t(slot)] ? tr("PG_referenced set.") : tr("PG_referenced clear."));
    }
    return lines.join(u'\n');
}

QString ReplacementLabTable::outcomeToolTip(int panel, int col) const
{
    if (panel < 0 || std::size_t(panel) >= m_model.panels.size()) return QString();
    const ReplacementLabPanel& pn = m_model.panels[std::size_t(panel)];
    if (col < 0 || std::size_t(col) >= pn.result.steps.size()) return QString();
    if (col >= m_model.step) return tr("Step %1: not replayed yet.").arg(col + 1);
    const QString what = std::size_t(col) < pn.narration.size() ? pn.narration[std::size_t(col)] : QString();
    return tr("%1, step %2: %3").arg(replacementPolicyText(pn.policy)).arg(col + 1).arg(what);
}

QString ReplacementLabTable::toolTipAt(QPointF pos) const
{
    const ReplacementLabGeometry::Hit h = geometry().hitTest(pos);
    switch (h.kind) {
    case ReplacementLabGeometry::Hit::Index:
    case ReplacementLabGeometry::Hit::Ref:
        return refToolTip(h.col);
    case ReplacementLabGeometry::Hit::Narration: {
        const QString s = narrationText(h.panel);
        return s;
    }
    case ReplacementLabGeometry::Hit::Label: {
        const ReplacementLabPanel& pn = m_model.panels[std::size_t(h.panel)];
        QString s = labelLines(h.panel).join(u'\n') + u"\n\n" + pn.rule;
        if (m_model.step < int(m_model.refs.size()))
            s += u'\n' + tr("Counts so far (up to step %1) of the whole string's.").arg(m_model.step);
        return s;
    }
    case ReplacementLabGeometry::Hit::Cell:
        return cellToolTip(h.panel, h.slot, h.col);
    case ReplacementLabGeometry::Hit::Outcome:
        return outcomeToolTip(h.panel, h.col);
    case ReplacementLabGeometry::Hit::None:
        break;
    }
    return QString();
}

// ---- painting -----------------------------------------------------------------------------

void ReplacementLabTable::paintEvent(QPaintEvent*)
{
    ensureLayout();
    const ReplacementLabGeometry& g = m_geo;
    const Fonts f = fonts(g.px);
    m_cache->setFonts(f.text, f.bold);
    QPainter p(viewport());
    p.fillRect(viewport()->rect(), Palette::background());
    p.setRenderHint(QPainter::TextAntialiasing);

    if (m_model.refs.empty() || m_model.panels.empty()) {
        p.setFont(f.text);
        p.setPen(Palette::mutedText());
        p.drawText(QRectF(viewport()->rect()).adjusted(g.px, g.px, -g.px, -g.px), Qt::AlignCenter | Qt::TextWordWrap,
            m_model.refs.empty()
                ? tr("No reference string yet: type one, draw a random one or record one from the run.")
                : tr("Choose at least one policy."));
        return;
    }
    const qreal sx = g.scroll.x();
    const int c0 = std::max(0, int(std::floor(sx / g.colW)));
    const int c1 = std::min(g.columns - 1, int(std::floor((sx + g.gridArea().width()) / g.colW)));

    const QRectF body = g.bodyArea();
    p.save();
    p.setClipRect(body);
    for (int i = 0; i < int(m_model.panels.size()); ++i) {
        const qreal top = g.panelTop(i);
        const qreal bottom = g.panelBodyRect(i).bottom();
        if (bottom < body.top() || top > body.bottom()) continue;
        paintPanel(p, f, i, c0, c1);
    }
    p.restore();
    paintHeader(p, f, c0, c1);
    paintCurrentColumn(p);
    paintLegend(p, f);
}

void ReplacementLabTable::paintHeader(QPainter& p, const Fonts& f, int c0, int c1) const
{
    const ReplacementLabGeometry& g = m_geo;
    p.fillRect(QRectF(0, 0, g.viewport.width(), g.headerH()), Palette::background());
    // The corner: what the two rows are.
    p.setFont(f.small);
    p.setPen(Palette::mutedText());
    const qreal pad = std::round(g.px * 0.5);
    const QRectF idxCorner(pad, 0, g.labelW - 2 * pad, g.idxH), refCorner(pad, g.idxH, g.labelW - 2 * pad, g.refH);
    const QFontMetricsF fs(f.small);
    p.drawText(
        idxCorner, Qt::AlignRight | Qt::AlignVCenter, fs.elidedText(tr("step"), Qt::ElideRight, idxCorner.width()));
    p.drawText(
        refCorner, Qt::AlignRight | Qt::AlignVCenter, fs.elidedText(tr("page"), Qt::ElideRight, refCorner.width()));

    p.save();
    p.setClipRect(QRectF(g.labelW, 0, g.viewport.width() - g.labelW, g.headerH()));
    LabelCache& cache = *m_cache;
    const int cur = m_model.step - 1;
    // Step numbers only where they fit (every other one on narrow columns).
    const qreal numW = fs.horizontalAdvance(QString::number(g.columns)) + 4;
    const int every = numW > g.colW ? int(std::ceil(numW / g.colW)) : 1;
    for (int c = c0; c <= c1; ++c) {
        const QRectF ir = g.indexRect(c), rr = g.refRect(c);
        if ((c + 1) % every == 0 || c == cur || every == 1) {
            p.setFont(f.small);
            p.setPen(c == cur ? hot() : Palette::mutedText());
            p.drawText(ir, Qt::AlignCenter, QString::number(c + 1));
        }
        const std::int64_t page = m_model.refs[std::size_t(c)];
        if (c == cur) {
            p.fillRect(rr.adjusted(1, 1, -1, -1), Palette::highlight());
            p.setPen(Qt::white);
        } else {
            p.setPen(c < m_model.step ? Palette::text() : Palette::mutedText());
        }
        p.setFont(f.bold);
        drawCentred(p, rr, cache.get(page).second);
    }
    p.restore();
    p.setPen(QPen(Palette::gridLine(), 1));
    p.drawLine(QPointF(0, g.headerH() - 0.5), QPointF(g.viewport.width(), g.headerH() - 0.5));
}

void ReplacementLabTable::paintPanel(QPainter& p, const Fonts& f, int i, int c0, int c1) const
{
    const ReplacementLabGeometry& g = m_geo;
    const ReplacementLabPanel& pn = m_model.panels[std::size_t(i)];
    const qreal pad = std::round(g.px * 0.5);
    const QColor policy = Palette::ink(replacementPolicyColour(pn.policy));

    // The narration line(s).
    const QRectF nr = g.narrationRect(i).adjusted(pad, std::round(g.px * 0.2), -pad, 0);
    const bool stepping = m_model.step > 0;
    p.setFont(stepping ? f.smallBold : f.small);
    p.setPen(stepping ? Palette::text() : Palette::mutedText());
    const QString narr = narrationText(i);
    p.drawText(nr, Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignVCenter, Palette::fitWrapped(p.font(), nr, narr));

    // The label column: a stripe in the policy's colour, then policy, frames, misses, hits.
    const QRectF lr = g.labelRect(i);
    p.fillRect(QRectF(lr.left(), lr.top(), std::max<qreal>(4, g.px * 0.28), lr.height()), policy);
    const QStringList lines = labelLines(i);
    const QFontMetricsF fb(f.bold), ft(f.text), fs(f.small);
    const qreal slotW = fs.horizontalAdvance(u"10"_s) + pad;
    const qreal textL = lr.left() + g.px * 0.7;
    const qreal textW = lr.width() - (textL - lr.left()) - slotW - pad * 0.5;
    for (int k = 0; k < lines.size() && k < ReplacementLabGeometry::bodyRows(pn.frames); ++k) {
        const QRectF r(textL, lr.top() + k * g.rowH, textW, g.rowH);
        p.setFont(k == 0 ? f.bold : f.text);
        p.setPen(k == 0 ? policy : Palette::text());
        p.drawText(
            r, Qt::AlignLeft | Qt::AlignVCenter, (k == 0 ? fb : ft).elidedText(lines[k], Qt::ElideRight, r.width()));
    }
    // Slot numbers beside the frame rows.
    p.setFont(f.small);
    p.setPen(Palette::mutedText());
    for (int s = 0; s < pn.frames; ++s)
        p.drawText(QRectF(lr.right() - slotW - pad * 0.5, lr.top() + s * g.rowH, slotW, g.rowH),
            Qt::AlignRight | Qt::AlignVCenter, QString::number(s));

    if (g.columns == 0 || c1 < c0) return;
    p.save();
    p.setClipRect(g.gridArea().intersected(g.panelBodyRect(i).adjusted(g.labelW, 0, 0, 0)));
    const int rows = pn.frames + 1;
    const qreal top = g.panelBodyRect(i).top();
    const qreal left = g.columnX(c0), right = g.columnX(c1 + 1);

    // Columns not replayed yet: dimmed and empty.
    if (m_model.step <= c1) {
        const qreal fx = g.columnX(std::max(c0, m_model.step));
        p.fillRect(QRectF(fx, top, right - fx, rows * g.rowH), futureFill());
    }
    // The outcome row's background, then the grid lines in one call.
    std::vector<QLineF> lines2;
    lines2.reserve(std::size_t(rows + 2 + (c1 - c0 + 2)));
    for (int r = 0; r <= rows; ++r) {
        const qreal y = std::round(top + r * g.rowH) + 0.5;
        lines2.emplace_back(left, y, right, y);
    }
    for (int c = c0; c <= c1 + 1; ++c) {
        const qreal x = std::round(g.columnX(c)) + 0.5;
        lines2.emplace_back(x, top, x, top + rows * g.rowH);
    }

    LabelCache& cache = *m_cache;
    const qreal outline = std::max<qreal>(2.0, std::round(g.px * 0.14));
    const int lastShown = std::min(c1, m_model.step - 1);
    p.setRenderHint(QPainter::Antialiasing, false);
    // Fills first (active list shading, outcome cells), then text and marks on top.
    for (int c = c0; c <= lastShown; ++c) {
        const ReplStep& st = pn.result.steps[std::size_t(c)];
        if (pn.policy == ReplPolicy::Linux)
            for (int s = 0; s < pn.frames; ++s)
                if (st.frames[std::size_t(s)] != kNoPage && std::size_t(s) < st.active.size()
                    && st.active[std::size_t(s)])
                    p.fillRect(g.cellRect(i, s, c).adjusted(1, 1, 0, 0), activeFill());
        p.fillRect(g.outcomeRect(i, c).adjusted(1, 1, 0, 0), st.hit ? hitFill() : missFill());
    }
    p.setPen(QPen(Palette::gridLine(), 1));
    p.drawLines(lines2.data(), int(lines2.size()));
    p.setRenderHint(QPainter::Antialiasing, true);
    const QColor ink = Palette::text();
    const QColor mark
        = Palette::isDark() ? Palette::text() : Palette::mix(Palette::text(), Palette::background(), 0.15);
    for (int c = c0; c <= lastShown; ++c) {
        const ReplStep& st = pn.result.steps[std::size_t(c)];
        for (int s = 0; s < pn.frames; ++s) {
            const std::int64_t page = st.frames[std::size_t(s)];
            const QRectF r = g.cellRect(i, s, c);
            if (page != kNoPage) {
                const bool ref = s == st.slot;
                p.setFont(ref ? f.bold : f.text);
                p.setPen(ink);
                drawCentred(p, r, ref ? cache.get(page).second : cache.get(page).first);
                if (ref) {
                    p.setPen(QPen(st.hit ? hitInk() : missInk(), outline));
                    p.setBrush(Qt::NoBrush);
                    p.drawRect(r.adjusted(outline / 2 + 1.5, outline / 2 + 1.5, -outline / 2 - 1, -outline / 2 - 1));
                }
                if ((pn.policy == ReplPolicy::Clock || pn.policy == ReplPolicy::Linux)
                    && std::size_t(s) < st.useBits.size() && st.useBits[std::size_t(s)])
                    drawUseBit(p, r, mark, g.px);
            }
            if (pn.policy == ReplPolicy::Clock && st.hand == s) drawHand(p, r, Palette::mutedText());
        }
        const QRectF o = g.outcomeRect(i, c);
        const qreal w = std::max<qreal>(2.0, g.px * 0.16);
        if (st.hit) {
            drawCheck(p, o, hitInk(), w);
        } else if (st.victim != kNoPage) {
            p.setFont(f.strike);
            p.setPen(missInk().darker(Palette::isDark() ? 100 : 115));
            p.drawText(o, Qt::AlignCenter, pageLabel(st.victim));
        } else {
            drawCross(p, o, missInk(), w);
        }
    }
    p.restore();
}

void ReplacementLabTable::paintCurrentColumn(QPainter& p) const
{
    const ReplacementLabGeometry& g = m_geo;
    const int c = m_model.step - 1;
    if (c < 0 || c >= g.columns) return;
    const qreal x = g.columnX(c);
    if (x + g.colW < g.labelW || x > g.viewport.width()) return;
    p.save();
    const QRectF body = g.bodyArea();
    p.setClipRect(QRectF(g.labelW, 0, g.viewport.width() - g.labelW, body.bottom()));
    const qreal w = std::max<qreal>(2.0, std::round(g.px * 0.15));
    p.setPen(QPen(hot(), w));
    p.setBrush(Qt::NoBrush);
    p.setRenderHint(QPainter::Antialiasing, false);
    const qreal in = w / 2;
    for (int i = 0; i < int(m_model.panels.size()); ++i) {
        const QRectF b = g.panelBodyRect(i);
        const int rows = m_model.panels[std::size_t(i)].frames + 1;
        if (b.bottom() < body.top() || b.top() > body.bottom()) continue;
        p.save();
        p.setClipRect(QRectF(g.labelW, body.top(), g.viewport.width() - g.labelW, body.height()));
        p.drawRect(QRectF(x + in, b.top() + in, g.colW - 2 * in, rows * g.rowH - 2 * in + 1));
        p.restore();
    }
    p.restore();
}

std::vector<QRectF> ReplacementLabTable::flowLegend(qreal px, qreal width) const
{
    const Fonts f = fonts(px);
    const QFontMetricsF fs(f.small);
    const qreal lh = std::round(fs.lineSpacing() * 1.45);
    const qreal box = std::round(fs.height() * 1.05);
    const qreal left = std::round(px * 0.5);
    std::vector<QRectF> out;
    qreal x = left, y = 0;
    for (const auto& it : legendItems()) {
        const qreal need = box + px * 0.4 + fs.horizontalAdvance(it.first) + px * 1.2;
        if (x > left && x + need > width) {
            x = left;
            y += lh;
        }
        out.emplace_back(x, y, need, lh);
        x += need;
    }
    return out;
}

void ReplacementLabTable::paintLegend(QPainter& p, const Fonts& f) const
{
    const ReplacementLabGeometry& g = m_geo;
    const QRectF area = g.legendArea();
    p.fillRect(area, Palette::background());
    p.setPen(QPen(Palette::gridLine(), 1));
    p.drawLine(QPointF(0, area.top() + 0.5), QPointF(area.right(), area.top() + 0.5));
    const QFontMetricsF fs(f.small);
    const qreal box = std::round(fs.height() * 1.05);
    const std::vector<QRectF> cells = flowLegend(g.px, area.width());
    const auto items = legendItems();
    p.setFont(f.small);
    for (std::size_t i = 0; i < items.size() && i < cells.size(); ++i) {
        const auto& [text, kind] = items[i];
        const QRectF c = cells[i].translated(0, area.top() + std::round(g.px * 0.2));
        const QRectF b(c.left(), c.top() + (c.height() - box) / 2, box, box);
        p.setRenderHint(QPainter::Antialiasing, true);
        switch (kind) {
        case Legend::Hit:
            p.setPen(QPen(hitInk(), 2));
            p.setBrush(Qt::NoBrush);
            p.drawRect(b.adjusted(1, 1, -1, -1));
            break;
        case Legend::Miss:
            p.setPen(QPen(missInk(), 2));
            p.setBrush(Qt::NoBrush);
            p.drawRect(b.adjusted(1, 1, -1, -1));
            break;
        case Legend::Victim: {
            p.fillRect(b, missFill());
            QFont s = f.small;
            s.setStrikeOut(true);
            p.setFont(s);
            p.setPen(missInk());
            p.drawText(b, Qt::AlignCenter, u"7"_s);
            p.setFont(f.small);
            break;
        }
        case Legend::UseBit:
            p.setPen(QPen(Palette::gridLine(), 1));
            p.setBrush(Qt::NoBrush);
            p.drawRect(b);
            drawUseBit(p, b, Palette::text(), g.px * 0.8);
            break;
        case Legend::Hand:
            p.setPen(QPen(Palette::gridLine(), 1));
            p.setBrush(Qt::NoBrush);
            p.drawRect(b);
            drawHand(p, b, Palette::mutedText());
            break;
        case Legend::Active:
            p.fillRect(b, activeFill());
            break;
        case Legend::Future:
            p.fillRect(b, futureFill());
            break;
        }
        p.setPen(Palette::text());
        p.drawText(QRectF(b.right() + g.px * 0.4, c.top(), c.right() - b.right(), c.height()),
            Qt::AlignLeft | Qt::AlignVCenter, text);
    }
}

} // namespace memviz
