#include "BuddyView.h"

#include "EventText.h"
#include "Palette.h"
#include "ViewContext.h"
#include "sim/Machine.h"
#include "sim/Simulator.h"

#include <QComboBox>
#include <QEasingCurve>
#include <QEvent>
#include <QLabel>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace memviz {

using namespace Qt::StringLiterals;

namespace {

QFont atLeast(QFont f, qreal pt)
{
    if (f.pointSizeF() > 0) {
        if (f.pointSizeF() < pt) f.setPointSizeF(pt);
    } else {
        f.setPointSizeF(pt);
    }
    return f;
}

/// The font of the view's text: the widget's font, at least `pt` points; in presentation
/// mode the view font (16 pt and up, growing with the view), captions larger alike.
QFont viewFontAtLeast(const QWidget* w, qreal pt)
{
    if (!Palette::presentation()) return atLeast(w->font(), pt);
    QFont f = Palette::viewFont(w);
    if (f.pointSizeF() > 0) f.setPointSizeF(f.pointSizeF() * pt / 10);
    return f;
}

QRectF lerp(const QRectF& a, const QRectF& b, double t)
{
    return QRectF(a.x() + (b.x() - a.x()) * t, a.y() + (b.y() - a.y()) * t, a.width() + (b.width() - a.width()) * t,
        a.height() + (b.height() - a.height()) * t);
}

/// 0 before `from`, 1 after `to`, linear in between.
double ramp(double t, double from, double to)
{
    return std::clamp((t - from) / (to - from), 0.0, 1.0);
}

double luminance(const QColor& c)
{
    const auto lin = [](double v) { return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * lin(c.redF()) + 0.7152 * lin(c.greenF()) + 0.0722 * lin(c.blueF());
}

/// Black or white, whichever reads better on `fill` (WCAG contrast).
QColor textOn(const QColor& fill)
{
    const double l = luminance(fill);
    const double onWhite = 1.05 / (l + 0.05), onBlack = (l + 0.05) / 0.05;
    return onBlack >= onWhite ? QColor(0x14, 0x14, 0x14) : QColor(Qt::white);
}

bool contains(const BuddyBox& outer, const BuddyBox& inner)
{
    return outer.role != BuddyBox::Role::More && inner.role != BuddyBox::Role::More && outer.order() > inner.order()
        && inner.pfn() >= outer.pfn() && inner.pfn() < outer.pfn() + (Pfn(1) << outer.order());
}

const BuddyBox* containerIn(const BuddyLayout& l, const BuddyBox& box)
{
    for (const BuddyBox& b : l.boxes())
        if (contains(b, box)) return &b;
    return nullptr;
}

bool hasPartsIn(const BuddyLayout& l, const BuddyBox& box)
{
    for (const BuddyBox& b : l.boxes())
        if (contains(box, b)) return true;
    return false;
}

/// Highlight colour for text: lifted on the dark theme so it keeps its contrast on a tinted band.
QColor hotText()
{
    return Palette::theme() == Theme::Dark ? Palette::highlight().lighter(140) : Palette::highlight();
}

bool isBuddyEvent(EventType t)
{
    return t == EventType::BuddyAlloc || t == EventType::BuddySplit || t == EventType::BuddyFree
        || t == EventType::BuddyMerge || t == EventType::BuddyListAdd;
}

} // namespace

struct BuddyView::Sprite {
    BuddyBoxKey key;
    QRectF rect; ///< where it is now
    QRectF from; ///< where it was at the start of the step
    QRectF to; ///< where it is at the end of the step
    QColor fill;
    QColor border;
    QString label;
    qreal opacity = 1;
    bool highlight = false;
    bool dashed = false; ///< "+N more" boxes and the ghost of a block that was split
    bool hollow = false; ///< no fill (ghost)
    int z = 0; ///< painting order
};

BuddyView::BuddyView(ViewContext* ctx, QWidget* parent)
    : QWidget(parent)
    , m_ctx(ctx)
    , m_zoneLabel(new QLabel(this))
    , m_zoneBox(new QComboBox(this))
{
    setAttribute(Qt::WA_OpaquePaintEvent);
    m_zoneBox->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_zoneLabel->setBuddy(m_zoneBox);
    connect(m_zoneBox, &QComboBox::activated, this, &BuddyView::onZoneActivated);
    connect(m_ctx, &ViewContext::stateChanged, this, &BuddyView::onStateChanged);
    connect(m_ctx, &ViewContext::progressChanged, this, qOverload<>(&QWidget::update));
    retranslate();
    onStateChanged();
}

const BuddyLayout& BuddyView::layoutBefore() const
{
    ensureLayouts();
    return m_before;
}

const BuddyLayout& BuddyView::layoutAfter() const
{
    ensureLayouts();
    return m_after;
}

void BuddyView::setMaxBlocksPerRow(int n)
{
    m_maxBlocksPerRow = std::max(n, 2);
    invalidate();
}

void BuddyView::pinZone(int zoneId)
{
    m_pinned = true;
    if (zoneId != m_zone) {
        m_zone = zoneId;
        emit zoneChanged(m_zone);
    }
    rebuildZoneList();
    invalidate();
}

void BuddyView::followEvents()
{
    m_pinned = false;
    chooseZone();
    rebuildZoneList();
    invalidate();
}

void BuddyView::onStateChanged()
{
    rebuildZoneList();
    chooseZone();
    rebuildZoneList(); // the "follow" entry names the zone it follows
    invalidate();
}

void BuddyView::chooseZone()
{
    const Machine& m = m_ctx->machine();
    const auto usable = [&](int id) {
        return id >= 0 && static_cast<std::size_t>(id) < m.zones.size()
            && m.zones[static_cast<std::size_t>(id)].populated();
    };
    int zone = m_zone;
    if (!m_pinned) {
        const Event* e = m_ctx->currentEvent();
        if (e && usable(e->zone)) zone = e->zone;
    }
    if (!usable(zone)) {
        // Nothing to follow yet: the zone a GFP_KERNEL allocation tries first
        // (Normal on big machines, DMA32 on small 64-bit ones).
        zone = -1;
        if (!m.zonelists.empty()) {
            const auto& list = m.zonelists[0][static_cast<std::size_t>(ZoneType::Normal)];
            if (!list.empty()) zone = list.front();
        }
        for (std::size_t i = 0; zone < 0 && i < m.zones.size(); ++i)
            if (m.zones[i].populated()) zone = static_cast<int>(i);
    }
    if (zone != m_zone) {
        m_zone = zone;
        emit zoneChanged(m_zone);
    }
}

void BuddyView::rebuildZoneList()
{
    const Machine& m = m_ctx->machine();
    std::vector<int> ids;
    for (std::size_t i = 0; i < m.zones.size(); ++i)
        if (m.zones[i].populated()) ids.push_back(static_cast<int>(i));
    const QSignalBlocker block(m_zoneBox);
    if (ids != m_zoneIds || m_zoneBox->count() != static_cast<int>(ids.size()) + 1) {
        m_zoneIds = ids;
        m_zoneBox->clear();
        m_zoneBox->addItem(QString(), -1);
        for (int id : ids) m_zoneBox->addItem(EventText::zoneLabel(m, id), id);
    }
    const QString followed = m_zone >= 0 ? EventText::zoneLabel(m, m_zone) : tr("none");
    m_zoneBox->setItemText(0, tr("Follow events (%1)").arg(followed));
    m_zoneBox->setCurrentIndex(m_pinned ? std::max(0, m_zoneBox->findData(m_zone)) : 0);
    placeHeader();
}

void BuddyView::onZoneActivated(int index)
{
    const int id = m_zoneBox->itemData(index).toInt();
    if (id < 0)
        followEvents();
    else
        pinZone(id);
}

void BuddyView::retranslate()
{
    m_zoneLabel->setText(tr("&Zone:"));
    m_zoneBox->setToolTip(tr("The zone whose free lists are shown. \"Follow events\" switches to the zone of "
                             "each step as you play."));
    m_zoneIds.clear(); // forces the selector to be refilled with translated text
    rebuildZoneList();
    invalidate();
}

void BuddyView::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    else if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange)
        invalidate();
    QWidget::changeEvent(event);
}

void BuddyView::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    placeHeader();
    invalidate();
}

void BuddyView::placeHeader()
{
    m_zoneLabel->adjustSize();
    m_zoneBox->adjustSize();
    const int y = int(headerRect().center().y());
    m_zoneLabel->move(8, y - m_zoneLabel->height() / 2);
    m_zoneBox->move(m_zoneLabel->geometry().right() + 6, y - m_zoneBox->height() / 2);
}

void BuddyView::invalidate()
{
    m_dirty = true;
    update();
}

QRectF BuddyView::headerRect() const
{
    // As tall as the selector, or as the statistics' text (larger in presentation mode).
    const qreal text = QFontMetricsF(viewFontAtLeast(this, 10)).height();
    const qreal h = std::max<qreal>({ qreal(m_zoneBox->sizeHint().height()),
                        qreal(m_zoneLabel->sizeHint().height()), text })
        + 12;
    return QRectF(0, 0, width(), h);
}

QRectF BuddyView::captionRect() const
{
    ensureLayouts();
    return QRectF(8, height() - m_captionHeight - 8, width() - 16, m_captionHeight);
}

QString BuddyView::captionTag() const
{
    const Event* e = m_ctx->currentEvent();
    if (!e) return QString();
    return EventText::typeName(e->type) + u"  #"_s + QString::number(m_ctx->cursor());
}

QString BuddyView::captionTitle() const
{
    const Event* e = m_ctx->currentEvent();
    if (!e) return tr("The buddy allocator");
    return EventText::summary(m_ctx->machine(), *e);
}

QString BuddyView::captionBody() const
{
    const Event* e = m_ctx->currentEvent();
    if (!e)
        return tr("Each row is the free list of one order: blocks of 2^order contiguous pages, largest at the top. "
                  "alloc_pages() takes the first block (the head) of the smallest list that can serve the request "
                  "and splits it; __free_pages() merges a freed block with its buddy. Step through a command to "
                  "watch it happen.");
    QString text = EventText::explanation(m_ctx->machine(), *e);
    if (m_zone >= 0 && e->zone < m_ctx->machine().zones.size() && e->zone != m_zone && isBuddyEvent(e->type))
        text += u' '
            + tr("(This step happens in zone %1; the diagram shows %2.)")
                  .arg(EventText::zoneLabel(m_ctx->machine(), e->zone), EventText::zoneLabel(m_ctx->machine(), m_zone));
    return text;
}

void BuddyView::ensureLayouts() const
{
    if (!m_dirty) return;
    m_dirty = false;
    const Machine& after = m_ctx->machine();
    const Machine& before = m_ctx->previousMachine();

    const QFont base = viewFontAtLeast(this, 10);
    const QFontMetricsF fm(base), fmb(Palette::bold(base));
    const QFont capFont = viewFontAtLeast(this, 11);
    const QFontMetricsF cfm(capFont), cfmb(Palette::bold(capFont));

    // Caption: as tall as its text needs, at most 40 % of the widget.
    const qreal capW = std::max<qreal>(100, width() - 16 - 24);
    const QString tag = captionTag();
    const qreal tagW = tag.isEmpty() ? 0 : cfmb.horizontalAdvance(tag) + 14 + 10;
    const qreal titleH
        = cfmb.boundingRect(QRectF(0, 0, std::max<qreal>(50, capW - tagW), 1000), Qt::TextWordWrap, captionTitle())
              .height();
    const qreal bodyH = cfm.boundingRect(QRectF(0, 0, capW, 2000), Qt::TextWordWrap, captionBody()).height();
    m_captionHeight = std::clamp(titleH + bodyH + 26, cfm.lineSpacing() * 4 + 26, height() * 0.4);
    // The rows come first: each at least a line of text high. On a short view (a 720-line
    // screen) the caption gives way, down to its title and a line, and elides the rest
    // (the Explanation dock has it all).
    const qreal rowsNeed = (kMaxOrder + 1) * (fm.height() + 4);
    const qreal room = height() - headerRect().height() - 20 - fm.height() - 6 - rowsNeed;
    m_captionHeight = std::max(std::min(m_captionHeight, room), titleH + cfm.lineSpacing() + 26);

    // Column widths from the fonts, so nothing is clipped in any language.
    BuddyLayout::Metrics k;
    k.headerHeight = fmb.height() + 8;
    qreal labelW = 0;
    for (int o = 0; o <= kMaxOrder; ++o) {
        labelW = std::max(labelW, fmb.horizontalAdvance(tr("order %1").arg(o)));
        labelW = std::max(labelW,
            fm.horizontalAdvance(EventText::pages(Pfn(1) << o) + u" · "_s + EventText::bytes(after.pageSize() << o)));
    }
    k.labelWidth = labelW + 6;
    k.countWidth = std::max(fmb.horizontalAdvance(tr("nr_free")), fmb.horizontalAdvance(u"00000"_s)) + 8;
    const Pfn maxPfn = std::max<Pfn>(after.frames.size(), 0x1000);
    k.boxMinWidth = fm.horizontalAdvance(EventText::pfn(maxPfn)) + 18;
    std::uint64_t mostFree = 9;
    if (m_zone >= 0 && static_cast<std::size_t>(m_zone) < after.zones.size())
        mostFree = std::max<std::uint64_t>(mostFree, after.zones[static_cast<std::size_t>(m_zone)].managed);
    k.moreWidth = fm.horizontalAdvance(tr("+%1 more").arg(mostFree)) + 16;
    k.markerWidth = std::max(fm.horizontalAdvance(tr("head")), fm.horizontalAdvance(tr("tail"))) + 8;
    k.exitWidth = std::max(fmb.horizontalAdvance(tr("allocated →")) + 12, k.boxMinWidth * 1.3 + 8);
    k.maxBoxHeight = fm.height() * 1.9;

    const QRectF head = headerRect();
    const QRectF area(0, head.bottom(), width(),
        std::max<qreal>(0, height() - head.height() - m_captionHeight - 20 - fm.height() - 6));

    std::vector<Pfn> focus;
    if (const Event* e = m_ctx->currentEvent(); e && isBuddyEvent(e->type)) focus = { e->pfn, e->a, e->b };
    m_before = BuddyLayout(before, m_zone, area, m_maxBlocksPerRow, k, focus);
    m_after = BuddyLayout(after, m_zone, area, m_maxBlocksPerRow, k, focus);
}

std::vector<BuddyView::Sprite> BuddyView::sprites(double t) const
{
    std::vector<Sprite> out;
    const Machine& m = m_ctx->machine();
    if (!m_after.isValid()) return out;
    const ZoneType zt = m.zones[static_cast<std::size_t>(m_zone)].type;
    const bool dark = Palette::theme() == Theme::Dark;
    const QColor zoneColor = Palette::zone(zt);
    const QColor freeFill = Palette::frame(zt, FrameState::Free);
    const QColor strongFill = Palette::frame(zt, FrameState::Kernel);
    const QColor freeBorder = dark ? zoneColor.lighter(130) : zoneColor.darker(115);
    const QColor strongBorder = dark ? zoneColor.lighter(160) : zoneColor.darker(150);
    const auto fillOf = [&](BuddyBox::Role r) { return r == BuddyBox::Role::Working ? strongFill : freeFill; };
    const auto borderOf = [&](BuddyBox::Role r) { return r == BuddyBox::Role::Working ? strongBorder : freeBorder; };

    const Event* e = m_ctx->currentEvent();
    if (e && (e->zone != m_zone || !isBuddyEvent(e->type))) e = nullptr;
    std::vector<BuddyBoxKey> hot;
    BuddyBoxKey likely { BuddyBoxKey::Kind::More, 0xFF, 0 }; // matches nothing unless set
    if (e) {
        const int o = e->order;
        hot.push_back(BuddyBoxKey::block(e->pfn, o));
        switch (e->type) {
        case EventType::BuddySplit:
            hot.push_back(BuddyBoxKey::block(e->pfn, o - 1));
            hot.push_back(BuddyBoxKey::block(e->a, o - 1));
            break;
        case EventType::BuddyMerge:
            hot.push_back(BuddyBoxKey::block(e->a, o));
            hot.push_back(BuddyBoxKey::block(e->b, o + 1));
            break;
        case EventType::BuddyListAdd:
            if (e->flags & EventFlag::Tail) likely = BuddyBoxKey::block(e->a, o + 1);
            break;
        default:
            break;
        }
    }
    const auto isHot = [&](const BuddyBoxKey& k) { return std::find(hot.begin(), hot.end(), k) != hot.end(); };
    const auto label = [&](const BuddyBox& b) {
        return b.role == BuddyBox::Role::More ? tr("+%1 more").arg(b.hidden) : EventText::pfn(b.pfn());
    };
    const auto base = [&](const BuddyBox& b) {
        Sprite s;
        s.key = b.key;
        s.label = label(b);
        s.fill = b.role == BuddyBox::Role::More ? Palette::background() : fillOf(b.role);
        s.border = b.role == BuddyBox::Role::More ? Palette::mutedText() : borderOf(b.role);
        s.dashed = b.role == BuddyBox::Role::More || b.key == likely;
        s.highlight = isHot(b.key) || b.key == likely;
        return s;
    };

    for (const BuddyBox& a : m_after.boxes()) {
        Sprite s = base(a);
        s.to = a.rect;
        s.from = a.rect;
        if (const BuddyBox* b = m_before.find(a.key)) {
            s.from = b->rect;
            if (a.role != BuddyBox::Role::More) {
                s.fill = Palette::mix(fillOf(b->role), fillOf(a.role), t);
                s.border = Palette::mix(borderOf(b->role), borderOf(a.role), t);
            }
            s.z = b->rect == a.rect ? 0 : 1;
        } else if (const BuddyBox* parent = containerIn(m_before, a)) {
            // A half of a split: starts as its part of the parent, flies to its row.
            s.from = BuddyLayout::partOf(parent->rect, parent->pfn(), parent->order(), a.pfn(), a.order());
            s.fill = Palette::mix(fillOf(parent->role), fillOf(a.role), t);
            s.border = Palette::mix(borderOf(parent->role), borderOf(a.role), t);
            s.z = 1;
        } else if (hasPartsIn(m_before, a)) {
            // The result of a merge: appears once its two halves have arrived.
            s.opacity = ramp(t, 0.55, 0.95);
            s.z = 2;
        } else if (e && e->type == EventType::BuddyFree && a.key == BuddyBoxKey::block(e->pfn, e->order)) {
            // A block coming back from its user enters from the "allocated" lane.
            s.from = m_after.exitRect(a.order());
            s.fill = Palette::mix(strongFill, fillOf(a.role), t);
            s.z = 1;
        } else {
            s.opacity = t;
        }
        s.rect = lerp(s.from, s.to, t);
        if (s.highlight) s.z = s.z == 2 ? 4 : 3; // a merged block covers its arriving halves
        out.push_back(s);
    }
    for (const BuddyBox& b : m_before.boxes()) {
        if (m_after.find(b.key)) continue;
        Sprite s = base(b);
        s.from = b.rect;
        s.to = b.rect;
        if (const BuddyBox* whole = containerIn(m_after, b)) {
            // A buddy being absorbed: moves into its half of the merged block.
            s.to = BuddyLayout::partOf(whole->rect, whole->pfn(), whole->order(), b.pfn(), b.order());
            s.fill = Palette::mix(fillOf(b.role), fillOf(whole->role), t);
            s.z = 1;
        } else if (hasPartsIn(m_after, b)) {
            // The block being split: stays behind as an outline, so the end of the step still shows it.
            s.hollow = true;
            s.dashed = true;
            s.opacity = 1 - 0.6 * ramp(t, 0.2, 0.8);
            s.label.clear();
            s.z = -1;
        } else if (e && e->type == EventType::BuddyAlloc && b.key == BuddyBoxKey::block(e->pfn, e->order)) {
            // Handed to the caller: slides out to the "allocated" lane and stays there for this step.
            s.to = m_after.exitRect(b.order());
            s.fill = Palette::mix(fillOf(b.role), strongFill, t);
            s.border = Palette::mix(borderOf(b.role), strongBorder, t);
            s.z = 1;
        } else {
            s.opacity = 1 - t;
        }
        s.rect = lerp(s.from, s.to, t);
        if (s.highlight && s.z >= 0) s.z = 3;
        out.push_back(s);
    }
    std::stable_sort(out.begin(), out.end(), [](const Sprite& x, const Sprite& y) { return x.z < y.z; });
    return out;
}

void BuddyView::paintEvent(QPaintEvent*)
{
    if (m_generation != Palette::generation()) {
        // The selector's label is a child widget: give it the view's text colour.
        m_generation = Palette::generation();
        Palette::applyTextColour(m_zoneLabel);
        m_dirty = true; // the layout measures text in fonts that presentation mode changes
        placeHeader();
    }
    ensureLayouts();
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.setRenderHint(QPainter::TextAntialiasing);
    p.fillRect(rect(), Palette::background());
    paintHeader(p);

    const double t = QEasingCurve(QEasingCurve::InOutCubic).valueForProgress(std::clamp(m_ctx->progress(), 0.0, 1.0));
    if (!m_after.isValid()) {
        p.setPen(Palette::mutedText());
        p.setFont(viewFontAtLeast(this, 12));
        const QRectF area(0, headerRect().bottom(), width(), captionRect().top() - headerRect().bottom());
        p.drawText(area, Qt::AlignCenter | Qt::TextWordWrap,
            m_ctx->simulator() ? tr("This zone has no memory.") : tr("No machine yet."));
    } else {
        paintRows(p, t);
        paintLinks(p, m_before, 1 - t);
        paintLinks(p, m_after, t);
        const std::vector<Sprite> all = sprites(t);
        paintTrails(p, all, t);
        for (const Sprite& s : all) paintSprite(p, s);
        paintMarkers(p, t);
        paintLegend(p);
    }
    paintCaption(p);
}

void BuddyView::paintHeader(QPainter& p) const
{
    const QRectF head = headerRect();
    const QFont base = viewFontAtLeast(this, 10);

    const Machine& m = m_ctx->machine();
    if (m_zone < 0 || static_cast<std::size_t>(m_zone) >= m.zones.size()) return;
    const Zone& z = m.zones[static_cast<std::size_t>(m_zone)];
    const Event* e = m_ctx->currentEvent();
    const bool hot
        = e && e->zone == m_zone && (e->type == EventType::ZoneCheck || e->type == EventType::WatermarkCrossed);
    const QString stats = tr("%1: %2 free pages (%3) · watermarks min %4 · low %5 · high %6")
                              .arg(EventText::zoneLabel(m, m_zone))
                              .arg(z.freePages)
                              .arg(EventText::bytes(z.freePages * m.pageSize()))
                              .arg(z.mark(Wmark::Min))
                              .arg(z.mark(Wmark::Low))
                              .arg(z.mark(Wmark::High));
    const qreal left = m_zoneBox->geometry().right() + 16;
    const QRectF r(left, head.top(), head.right() - 8 - left, head.height());
    p.setFont(hot ? Palette::bold(base) : base);
    p.setPen(hot ? hotText() : Palette::text());
    p.drawText(
        r, Qt::AlignRight | Qt::AlignVCenter, QFontMetricsF(p.font()).elidedText(stats, Qt::ElideRight, r.width()));
    p.setPen(QPen(Palette::gridLine(), Palette::line(1)));
    p.drawLine(QPointF(0, head.bottom() - 0.5), QPointF(width(), head.bottom() - 0.5));
}

void BuddyView::paintRows(QPainter& p, double t) const
{
    const BuddyLayout& l = m_after;
    const Machine& m = m_ctx->machine();
    const QFont base = viewFontAtLeast(this, 10);
    const QFont strong = Palette::bold(base);
    const QFontMetricsF fm(base);
    const Event* e = m_ctx->currentEvent();
    const bool eventHere = e && e->zone == m_zone && isBuddyEvent(e->type);
    const ZoneType zt = m.zones[static_cast<std::size_t>(m_zone)].type;

    // Column backgrounds: the "in hand" column and the "allocated" lane.
    const QRectF rowsArea(l.area().left(), l.rows().front().rect.top(), l.area().width(),
        l.rows().back().rect.bottom() - l.rows().front().rect.top());
    const QColor tray = Palette::tint(Palette::zone(zt), Palette::theme() == Theme::Dark ? 0.10 : 0.06);
    const QRectF workCol(l.workHeader().left(), rowsArea.top(), l.workHeader().width(), rowsArea.height());
    const QRectF exitCol(l.exitHeader().left(), rowsArea.top(), l.exitHeader().width(), rowsArea.height());
    p.setPen(Qt::NoPen);
    p.setBrush(tray);
    p.drawRoundedRect(workCol, 6, 6);
    p.setBrush(Palette::tint(Palette::mutedText(), 0.08));
    p.drawRoundedRect(exitCol, 6, 6);

    // Column titles.
    p.setFont(strong);
    p.setPen(Palette::mutedText());
    const auto title = [&](const QRectF& r, const QString& s, Qt::Alignment a) {
        p.drawText(r, a | Qt::AlignVCenter, QFontMetricsF(strong).elidedText(s, Qt::ElideRight, r.width()));
    };
    title(l.labelHeader(), tr("order"), Qt::AlignLeft);
    title(l.countHeader(), tr("nr_free"), Qt::AlignRight);
    title(l.workHeader(), tr("in hand"), Qt::AlignHCenter);
    title(l.listHeader(), tr("free list: head → tail"), Qt::AlignLeft);
    title(l.exitHeader(), tr("allocated →"), Qt::AlignHCenter);

    const bool twoLines = l.rows().front().rect.height() >= fm.height() * 2;
    for (const BuddyRow& row : l.rows()) {
        const int o = row.order;
        const bool hotRow = eventHere
            && (o == e->order || (e->type == EventType::BuddySplit && o == e->order - 1)
                || (e->type == EventType::BuddyMerge && o == e->order + 1));
        if (hotRow) {
            QColor band = Palette::highlight();
            band.setAlphaF(Palette::theme() == Theme::Dark ? 0.16f : 0.08f);
            p.fillRect(row.rect, band);
        }
        p.setPen(QPen(Palette::gridLine(), Palette::line(1)));
        p.drawLine(QPointF(row.rect.left() + 4, row.rect.bottom() - 0.5),
            QPointF(row.rect.right() - 4, row.rect.bottom() - 0.5));

        // Label: "order 3" over "8 pages · 32 KiB".
        const QString detail = EventText::pages(Pfn(1) << o) + u" · "_s + EventText::bytes(m.pageSize() << o);
        if (twoLines) {
            const QRectF top(
                row.labelRect.left(), row.labelRect.center().y() - fm.height(), row.labelRect.width(), fm.height());
            const QRectF bottom = top.translated(0, fm.height());
            p.setFont(strong);
            p.setPen(Palette::text());
            p.drawText(top, Qt::AlignLeft | Qt::AlignVCenter, tr("order %1").arg(o));
            p.setFont(base);
            p.setPen(Palette::mutedText());
            p.drawText(bottom, Qt::AlignLeft | Qt::AlignVCenter, fm.elidedText(detail, Qt::ElideRight, bottom.width()));
        } else {
            // Too short for two lines: "order 3" and the block size side by side.
            const QString name = tr("order %1").arg(o);
            p.setFont(strong);
            p.setPen(Palette::text());
            p.drawText(row.labelRect, Qt::AlignLeft | Qt::AlignVCenter, name);
            const qreal used = QFontMetricsF(strong).horizontalAdvance(name) + 6;
            const QRectF rest = row.labelRect.adjusted(used, 0, 0, 0);
            p.setFont(base);
            p.setPen(Palette::mutedText());
            p.drawText(rest, Qt::AlignLeft | Qt::AlignVCenter,
                fm.elidedText(u"· "_s + EventText::bytes(m.pageSize() << o), Qt::ElideRight, rest.width()));
        }

        // nr_free: the old count until half-way through the step, then the new one.
        const std::uint64_t before = m_before.isValid() ? m_before.row(o).nrFree : row.nrFree;
        const bool changed = before != row.nrFree;
        p.setFont(changed ? strong : base);
        p.setPen(changed ? hotText() : Palette::text());
        p.drawText(row.countRect, Qt::AlignRight | Qt::AlignVCenter, QString::number(t < 0.5 ? before : row.nrFree));
    }
}

void BuddyView::paintLinks(QPainter& p, const BuddyLayout& l, qreal opacity) const
{
    if (opacity <= 0.01 || !l.isValid()) return;
    p.save();
    p.setOpacity(opacity);
    QColor c = Palette::mutedText();
    p.setPen(QPen(c, Palette::line(1.2)));
    p.setBrush(c);
    for (const BuddyRow& row : l.rows()) {
        for (int i = 1; i < row.boxCount; ++i) {
            const QRectF a = l.boxes()[static_cast<std::size_t>(row.firstBox + i - 1)].rect;
            const QRectF b = l.boxes()[static_cast<std::size_t>(row.firstBox + i)].rect;
            const qreal y = a.center().y();
            const QPointF from(a.right() + 1.5, y), to(b.left() - 1.5, y);
            if (to.x() - from.x() < 4) continue;
            p.drawLine(from, to);
            QPolygonF head;
            head << to << QPointF(to.x() - 4, y - 3) << QPointF(to.x() - 4, y + 3);
            p.drawPolygon(head);
        }
    }
    p.restore();
}

void BuddyView::paintMarkers(QPainter& p, double t) const
{
    const QFont base = viewFontAtLeast(this, 10);
    const QFontMetricsF fm(base);
    const Event* e = m_ctx->currentEvent();
    const bool tailAdd = e && e->zone == m_zone && e->type == EventType::BuddyListAdd && (e->flags & EventFlag::Tail);
    const bool headAdd = e && e->zone == m_zone
        && ((e->type == EventType::BuddyListAdd && !(e->flags & EventFlag::Tail)) || e->type == EventType::BuddySplit);
    const int hotOrder = e ? (e->type == EventType::BuddySplit ? e->order - 1 : e->order) : -1;
    p.setFont(base);
    for (int o = 0; o <= kMaxOrder; ++o) {
        const BuddyRow& a = m_after.row(o);
        const BuddyRow& b = m_before.isValid() ? m_before.row(o) : a;
        const auto draw = [&](const QRectF& rb, const QRectF& ra, const QString& text, bool hot, Qt::Alignment align) {
            QRectF r;
            qreal opacity = 1;
            if (!rb.isNull() && !ra.isNull())
                r = lerp(rb, ra, t);
            else if (!ra.isNull())
                r = ra, opacity = t;
            else if (!rb.isNull())
                r = rb, opacity = 1 - t;
            else
                return;
            p.setOpacity(opacity);
            p.setFont(hot ? Palette::bold(base) : base);
            p.setPen(hot ? hotText() : Palette::mutedText());
            p.drawText(r, align | Qt::AlignVCenter, fm.elidedText(text, Qt::ElideRight, r.width() + 4));
        };
        draw(b.headMarker, a.headMarker, tr("head"), headAdd && o == hotOrder, Qt::AlignRight);
        draw(b.tailMarker, a.tailMarker, tr("tail"), tailAdd && o == hotOrder, Qt::AlignLeft);
    }
    // The tail rule names the free block that makes a bigger merge likely: point at it.
    if (tailAdd && e->order < kMaxOrder) {
        if (const BuddyBox* likely = m_after.findBlock(e->a, e->order + 1)) {
            const BuddyRow& row = m_after.row(e->order + 1);
            const QString text = tr("← likely buddy");
            const QFont f = Palette::bold(base);
            const qreal w = QFontMetricsF(f).horizontalAdvance(text);
            // Only where there is room: after the "tail" tag of the last box of its list.
            const qreal x = row.tailMarker.left() + fm.horizontalAdvance(tr("tail")) + 8;
            if (likely->isTail && x + w <= row.exitCell.left() - 2) {
                p.setOpacity(t);
                p.setFont(f);
                p.setPen(hotText());
                p.drawText(QRectF(x, likely->rect.top(), w + 2, likely->rect.height()),
                    Qt::AlignLeft | Qt::AlignVCenter, text);
                p.setOpacity(1);
            }
        }
    }
    p.setOpacity(1);
}

void BuddyView::paintTrails(QPainter& p, const std::vector<Sprite>& all, double t) const
{
    // Where each block of this step came from: a faint outline at its start and an
    // arrow to where it is now, so a paused frame still tells the story of the step.
    const auto border = [](const QRectF& r, QPointF towards) {
        const QPointF c = r.center(), d = towards - c;
        if (qFuzzyIsNull(d.x()) && qFuzzyIsNull(d.y())) return c;
        const qreal sx = qFuzzyIsNull(d.x()) ? 1e9 : (r.width() / 2) / std::abs(d.x());
        const qreal sy = qFuzzyIsNull(d.y()) ? 1e9 : (r.height() / 2) / std::abs(d.y());
        const qreal k = std::min({ sx, sy, qreal(1) });
        return c + d * k;
    };
    QColor c = Palette::highlight();
    for (const Sprite& s : all) {
        if (!s.highlight || s.hollow || s.from == s.to || s.z < 0 || t <= 0.02) continue;
        p.save();
        p.setOpacity(0.55);
        p.setBrush(Qt::NoBrush);
        p.setPen(QPen(c, Palette::line(1.5), Qt::DashLine));
        p.drawRoundedRect(s.from.adjusted(0.5, 0.5, -0.5, -0.5), 5, 5);
        const QPointF a = border(s.from, s.rect.center());
        const QPointF b = border(s.rect, s.from.center());
        const QLineF line(a, b);
        if (line.length() > 8) {
            p.setOpacity(0.8);
            p.setPen(QPen(c, Palette::line(2), Qt::SolidLine, Qt::RoundCap));
            p.drawLine(line);
            const QLineF unit = line.unitVector();
            const QPointF dir(unit.dx(), unit.dy()), normal(-dir.y(), dir.x());
            QPolygonF head;
            head << b << b - dir * 9 + normal * 4.5 << b - dir * 9 - normal * 4.5;
            p.setPen(Qt::NoPen);
            p.setBrush(c);
            p.drawPolygon(head);
        }
        p.restore();
    }
}

void BuddyView::paintLegend(QPainter& p) const
{
    const ZoneType zt = m_ctx->machine().zones[static_cast<std::size_t>(m_zone)].type;
    const QFont base = viewFontAtLeast(this, 10);
    const QFontMetricsF fm(base);
    p.setFont(base);
    const qreal h = fm.height();
    const qreal y = m_after.area().bottom() + 4;
    qreal x = m_after.area().left() + 8;
    const qreal right = m_after.area().right() - 8;
    struct Item {
        QColor fill, border;
        bool dashed;
        qreal width;
        QString text;
    };
    const QColor zc = Palette::zone(zt);
    const Item items[] = {
        { Palette::frame(zt, FrameState::Free), zc, false, 2.0, tr("free block on a list") },
        { Palette::frame(zt, FrameState::Kernel), zc, false, 2.0, tr("in the allocator's hand, or allocated") },
        { Palette::background(), Palette::highlight(), false, 3.0, tr("this step") },
        { Palette::background(), Palette::mutedText(), true, 1.5, tr("blocks not shown") },
    };
    for (const Item& it : items) {
        const qreal need = h * 1.8 + 6 + fm.horizontalAdvance(it.text) + 20;
        if (x + need > right) break;
        const QRectF sw(x, y + 2, h * 1.8, h - 4);
        QPen pen(it.border, Palette::line(it.width));
        if (it.dashed) pen.setStyle(Qt::DashLine);
        p.setPen(pen);
        p.setBrush(it.fill);
        p.drawRoundedRect(sw, 3, 3);
        p.setPen(Palette::mutedText());
        p.drawText(QRectF(sw.right() + 6, y, need, h), Qt::AlignLeft | Qt::AlignVCenter, it.text);
        x += need;
    }
}

void BuddyView::paintSprite(QPainter& p, const Sprite& s) const
{
    if (s.opacity <= 0.01 || s.rect.width() < 1) return;
    p.save();
    p.setOpacity(s.opacity);
    const QRectF r = s.rect.adjusted(0.5, 0.5, -0.5, -0.5);
    QPen pen(s.highlight ? Palette::highlight() : s.border, Palette::line(s.highlight ? 3.0 : 1.5));
    if (s.dashed) pen.setStyle(Qt::DashLine);
    p.setPen(pen);
    p.setBrush(s.hollow ? QBrush(Qt::NoBrush) : QBrush(s.fill));
    p.drawRoundedRect(r, 5, 5);
    if (!s.label.isEmpty()) {
        QFont f = viewFontAtLeast(this, 10);
        // Short rows (a small screen): the label shrinks to the box instead of crossing its border.
        if (QFontMetricsF(f).height() > r.height() - 1)
            f = Palette::pixelFont(f, std::max<qreal>(7, (r.height() - 1) / QFontMetricsF(f).height() * QFontInfo(f).pixelSize()));
        const QFontMetricsF fm(f);
        if (fm.horizontalAdvance(s.label) <= r.width() - 4) {
            p.setFont(f);
            p.setPen(s.hollow ? Palette::text()
                              : (s.key.kind == BuddyBoxKey::Kind::More ? Palette::mutedText() : textOn(s.fill)));
            p.drawText(r, Qt::AlignCenter, s.label);
        }
    }
    p.restore();
}

void BuddyView::paintCaption(QPainter& p) const
{
    const QRectF r = captionRect();
    const QFont capFont = viewFontAtLeast(this, 11);
    const QFont capBold = Palette::bold(capFont);
    p.setPen(QPen(Palette::gridLine(), Palette::line(1)));
    p.setBrush(Palette::tint(Palette::text(), Palette::theme() == Theme::Dark ? 0.07 : 0.035));
    p.drawRoundedRect(r.adjusted(0.5, 0.5, -0.5, -0.5), 8, 8);

    const QRectF inner = r.adjusted(12, 8, -12, -8);
    qreal x = inner.left();
    const Event* e = m_ctx->currentEvent();
    if (e) {
        // A tag with the event type and number, then the one-line summary.
        const QString tag = captionTag();
        const QFontMetricsF bfm(capBold);
        const QRectF tagRect(x, inner.top(), bfm.horizontalAdvance(tag) + 14, bfm.height() + 4);
        p.setPen(Qt::NoPen);
        p.setBrush(Palette::highlight());
        p.drawRoundedRect(tagRect, 4, 4);
        p.setFont(capBold);
        p.setPen(Qt::white);
        p.drawText(tagRect, Qt::AlignCenter, tag);
        x = tagRect.right() + 10;
    }
    p.setFont(capBold);
    p.setPen(Palette::text());
    const QRectF titleRect(x, inner.top() + 2, inner.right() - x, inner.height());
    const QRectF titleUsed = p.boundingRect(titleRect, Qt::TextWordWrap, captionTitle());
    p.drawText(titleRect, Qt::TextWordWrap, captionTitle());
    p.setFont(capFont);
    const QRectF body(inner.left(), std::max(titleUsed.bottom(), inner.top() + QFontMetricsF(capBold).height() + 4) + 6,
        inner.width(), 0);
    const QRectF bodyRect(body.left(), body.top(), body.width(), std::max<qreal>(0, inner.bottom() - body.top()));
    p.drawText(bodyRect, Qt::TextWordWrap, Palette::fitWrapped(capFont, bodyRect, captionBody()));
}

} // namespace memviz
