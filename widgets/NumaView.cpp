#include "NumaView.h"

#include "NumaGraph.h"

#include "EventText.h"
#include "ViewContext.h"
#include "phys/Numa.h"
#include "sim/Machine.h"
#include "sim/Simulator.h"
#include "stats/Numa.h"

#include <QComboBox>
#include <QEasingCurve>
#include <QEvent>
#include <QHelpEvent>
#include <QLabel>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QSignalBlocker>
#include <QToolTip>


#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>

namespace memviz {

using namespace Qt::StringLiterals;

namespace {

/// How far back the view looks for the start of the current zonelist walk: two walks
/// (fast path and slow path) over eight nodes of three zones, the splits and the alloc.
constexpr std::uint64_t kWalkLookBack = 96;


QString num(std::uint64_t v)
{
    return QLocale().toString(qulonglong(v));
}

QString latin(std::string_view s)
{
    return QString::fromLatin1(s.data(), qsizetype(s.size()));
}

/// Highlight colour for text and lines: lifted on the dark theme.
QColor hot()
{
    return Palette::isDark() ? Palette::highlight().lighter(140) : Palette::highlight();
}

QColor passColour()
{
    return Palette::tlbHit();
}
QColor failColour()
{
    return Palette::alarm();
}

double smooth(double t)
{
    return QEasingCurve(QEasingCurve::InOutCubic).valueForProgress(std::clamp(t, 0.0, 1.0));
}

/// Where the ray from r's centre towards `towards` leaves r.
QPointF borderPoint(const QRectF& r, const QPointF& towards)
{
    const QPointF c = r.center();
    const QPointF d = towards - c;
    if (std::abs(d.x()) < 1e-9 && std::abs(d.y()) < 1e-9) return c;
    const double tx = std::abs(d.x()) > 1e-9 ? r.width() / 2 / std::abs(d.x()) : 1e18;
    const double ty = std::abs(d.y()) > 1e-9 ? r.height() / 2 / std::abs(d.y()) : 1e18;
    return c + d * std::min({ tx, ty, 1.0 });
}

/// "0-3,6": a CPU list as the kernel's cpulist files print it.
QString cpuList(const std::vector<int>& cpus)
{
    QStringList parts;
    for (std::size_t i = 0; i < cpus.size();) {
        std::size_t j = i;
        while (j + 1 < cpus.size() && cpus[j + 1] == cpus[j] + 1) ++j;
        parts << (j == i ? QString::number(cpus[i]) : u"%1-%2"_s.arg(cpus[i]).arg(cpus[j]));
        i = j + 1;
    }
    return parts.join(u',');
}

std::uint64_t nodeRamBytes(const Machine& m, int node)
{
    const auto& nodes = m.config.numaNodes;
    if (node >= 0 && std::size_t(node) < nodes.size()) return nodes[std::size_t(node)].ramBytes;
    return m.config.ramBytes;
}

/// The populated zones of a node, highest first (the order of a zonelist within a node).
std::vector<int> zonesOf(const Machine& m, int node)
{
    std::vector<int> out;
    if (node < 0 || std::size_t(node) >= m.nodes.size()) return out;
    const auto& ids = m.nodes[std::size_t(node)].zones;
    for (auto it = ids.rbegin(); it != ids.rend(); ++it)
        if (*it < m.zones.size() && m.zones[*it].populated() && m.zones[*it].managed > 0) out.push_back(*it);
    return out;
}

std::uint64_t nodeManaged(const Machine& m, int node)
{
    std::uint64_t s = 0;
    for (int z : zonesOf(m, node)) s += m.zones[std::size_t(z)].managed;
    return s;
}

std::uint64_t nodeFree(const Machine& m, int node)
{
    std::uint64_t s = 0;
    for (int z : zonesOf(m, node)) s += m.zones[std::size_t(z)].freePages;
    return s;
}

std::uint64_t freeBefore(const Machine& before, const Machine& now, int zoneId)
{
    if (std::size_t(zoneId) < before.zones.size()) return before.zones[std::size_t(zoneId)].freePages;
    return now.zones[std::size_t(zoneId)].freePages;
}

/// The numastat rows: label and the counter.
struct StatRow {
    const char* label;
    std::uint64_t NodeNumaStat::*field;
};
constexpr std::array<StatRow, 5> kStatRows { {
    { "numa_hit", &NodeNumaStat::numaHit },
    { "numa_miss", &NodeNumaStat::numaMiss },
    { "numa_foreign", &NodeNumaStat::numaForeign },
    { "local_node", &NodeNumaStat::localNode },
    { "other_node", &NodeNumaStat::otherNode },
} };

} // namespace

struct NumaView::Fonts : ScaledFonts {
    QFont mono, monoBold; ///< the numastat table
    QFont line; ///< the kernel's fallback line
    explicit Fonts(const QWidget* w)
        : ScaledFonts(w, 44.0, 80.0, 26.0)
    {
        mono = Palette::monoFont(small);
        monoBold = Palette::bold(mono);
        line = Palette::bold(Palette::monoFont(text));
    }
};

/// The fonts inside the cards: as large as the graph's room allows (NumaView::m_cardPx).
struct NumaView::CardFonts {
    QFont text, bold, small, smallBold;
    qreal px = 14, lh = 0, slh = 0;
    CardFonts(const QWidget* w, qreal size)
        : px(size)
    {
        const QFont base = Palette::viewFont(w);
        text = Palette::pixelFont(base, px);
        bold = Palette::pixelFont(base, px, true);
        small = Palette::pixelFont(base, std::max(11.0, px * 0.88));
        smallBold = Palette::pixelFont(base, std::max(11.0, px * 0.88), true);
        lh = QFontMetricsF(text).lineSpacing();
        slh = QFontMetricsF(small).lineSpacing();
    }
};

// ---- construction and state -----------------------------------------------------------

NumaView::NumaView(ViewContext* ctx, QWidget* parent)
    : QWidget(parent)
    , m_ctx(ctx)
    , m_nodeLabel(new QLabel(this))
    , m_nodeBox(new QComboBox(this))
{
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMouseTracking(true);
    m_nodeLabel->setBuddy(m_nodeBox);
    m_nodeBox->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    connect(m_nodeBox, &QComboBox::activated, this, [this](int i) { setSelectedNode(i); });
    connect(m_ctx, &ViewContext::stateChanged, this, &NumaView::onStateChanged);
    connect(m_ctx, &ViewContext::progressChanged, this, qOverload<>(&QWidget::update));
    connect(m_ctx, &ViewContext::selectionChanged, this, qOverload<>(&QWidget::update));
    retranslate();
    syncNodeBox();
    // The style's polish changes the selector's size and so the header's: polish before any layout.
    ensurePolished();
}

NumaView::~NumaView() = default;

void NumaView::setSelectedNode(int node)
{
    const int count = int(m_ctx->machine().nodes.size());
    node = std::clamp(node, 0, std::max(0, count - 1));
    if (node == m_node) return;
    m_node = node;
    syncNodeBox();
    invalidate();
    emit selectedNodeChanged(node);
}

void NumaView::setStepEvent(std::optional<Event> e)
{
    std::vector<Event> v;
    if (e) v.push_back(*e);
    setStepEvents(std::move(v));
}

void NumaView::setStepEvents(std::vector<Event> events)
{
    m_override = std::move(events);
    invalidate();
    followStep();
}

void NumaView::onStateChanged()
{
    m_override.clear();
    invalidate();
    syncNodeBox();
    followStep();
}

void NumaView::followStep()
{
    const int n = walkNode();
    if (n >= 0) setSelectedNode(n);
    const int count = int(m_ctx->machine().nodes.size());
    if (m_node >= count && count > 0) setSelectedNode(count - 1);
}

void NumaView::invalidate()
{
    m_dirty = true;
    m_walkDirty = true;
    update();
}

void NumaView::syncNodeBox()
{
    const int count = int(m_ctx->machine().nodes.size());
    const QSignalBlocker block(m_nodeBox);
    if (m_nodeBox->count() != count) {
        m_nodeBox->clear();
        for (int i = 0; i < count; ++i) m_nodeBox->addItem(tr("Node %1").arg(i));
    }
    m_nodeBox->setCurrentIndex(std::min(m_node, count - 1));
    m_nodeBox->setEnabled(count > 1);
}

void NumaView::retranslate()
{
    m_nodeLabel->setText(tr("Fallback order of &node:"));
    const int count = m_nodeBox->count();
    for (int i = 0; i < count; ++i) m_nodeBox->setItemText(i, tr("Node %1").arg(i));
    m_nodeBox->setToolTip(tr("The node whose zonelist is numbered: the order in which an allocation that prefers this "
                             "node tries the zones. It follows the allocation being shown."));
    setAccessibleName(tr("NUMA nodes"));
    setAccessibleDescription(tr("The nodes with their zones and free memory, the distances between them and the "
                                "zonelist fallback order of the selected node"));
    invalidate();
}

void NumaView::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    else if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange)
        invalidate();
    QWidget::changeEvent(event);
}

void NumaView::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    invalidate();
}

const Event* NumaView::stepEvent() const
{
    return m_override.empty() ? m_ctx->currentEvent() : &m_override.back();
}

std::vector<Event> NumaView::recentSteps() const
{
    if (!m_override.empty()) return m_override;
    std::vector<Event> out;
    const Simulator* sim = m_ctx->simulator();
    const std::uint64_t cur = m_ctx->cursor();
    if (!sim || cur == 0 || cur > sim->eventCount()) return out;
    const std::uint32_t cmd = sim->events()[cur - 1].cmd;
    for (std::uint64_t i = cur > kWalkLookBack ? cur - kWalkLookBack : 0; i < cur; ++i)
        if (sim->events()[i].cmd == cmd) out.push_back(sim->events()[i]);
    return out;
}

// ---- the zonelist walk ----------------------------------------------------------------

const NumaView::Walk& NumaView::walk() const
{
    if (!m_walkDirty) return m_walk;
    m_walkDirty = false;
    m_walk = Walk {};
    const Machine& m = m_ctx->machine();
    const std::vector<Event> steps = recentSteps();
    if (steps.empty() || m.zones.empty()) return m_walk;

    // Back from the current step over one allocation as get_page_from_freelist() emits it:
    // ZoneCheck+ [BuddySplit* NodeFallback? BuddyAlloc WatermarkCrossed*], or the walk
    // that ends in SlowPath / AllocFailed.
    const auto stageOf = [](EventType t) {
        switch (t) {
        case EventType::WatermarkCrossed:
            return 0;
        case EventType::BuddyAlloc:
        case EventType::SlowPath:
        case EventType::AllocFailed:
            return 1;
        case EventType::NodeFallback:
            return 2;
        case EventType::BuddySplit:
            return 3;
        case EventType::ZoneCheck:
            return 4;
        default:
            return -1;
        }
    };
    int last = -1;
    std::vector<const Event*> zcs;
    Walk w;
    for (auto it = steps.rbegin(); it != steps.rend(); ++it) {
        const int s = stageOf(it->type);
        if (s < 0 || s < last || (s == last && (s == 1 || s == 2))) break;
        if (it->zone >= m.zones.size()) break;
        last = s;
        if (it->type == EventType::BuddyAlloc) w.alloc = *it;
        if (it->type == EventType::NodeFallback) w.fallback = *it;
        if (it->type == EventType::ZoneCheck) zcs.push_back(&*it);
    }
    if (zcs.empty()) return m_walk;
    for (auto it = zcs.rbegin(); it != zcs.rend(); ++it)
        w.checks.emplace_back((*it)->zone, ((*it)->flags & EventFlag::Ok) != 0);

    // The walked node: the preferred zone's (BuddyAlloc), the preferred node
    // (NodeFallback), else the node of the first zone tried.
    w.node = m.zones[w.checks.front().first].node;
    if (w.fallback) w.node = int(w.fallback->a);
    if (w.alloc && (w.alloc->c & 0xFF) < m.zones.size()) w.node = m.zones[w.alloc->c & 0xFF].node;
    if (w.node < 0 || std::size_t(w.node) >= m.zonelists.size()) w.node = -1;

    // gfp_zone(): the zonelist the checks are a prefix of (GFP_KERNEL's first).
    if (w.node >= 0) {
        for (ZoneType t : { ZoneType::Normal, ZoneType::HighMem, ZoneType::Movable, ZoneType::DMA32, ZoneType::DMA,
                 ZoneType::Device }) {
            const auto& list = m.zonelists[std::size_t(w.node)][std::size_t(t)];
            if (list.size() < w.checks.size()) continue;
            bool prefix = true;
            for (std::size_t i = 0; i < w.checks.size() && prefix; ++i) prefix = list[i] == w.checks[i].first;
            if (prefix) {
                w.highest = t;
                break;
            }
        }
    }
    m_walk = std::move(w);
    return m_walk;
}

int NumaView::walkNode() const
{
    return walk().node;
}

int NumaView::checkingZone() const
{
    const Event* e = stepEvent();
    if (!e || e->type != EventType::ZoneCheck || e->zone >= m_ctx->machine().zones.size()) return -1;
    return e->zone;
}

NumaView::Check NumaView::checkOf(int zoneId) const
{
    const Walk& w = walk();
    Check c = Check::None;
    for (const auto& [z, ok] : w.checks)
        if (z == zoneId) c = ok ? Check::Pass : Check::Fail;
    if (c == Check::None && checkingZone() == zoneId)
        c = (stepEvent()->flags & EventFlag::Ok) ? Check::Pass : Check::Fail;
    return c;
}

ZoneType NumaView::highestZone() const
{
    const Walk& w = walk();
    if (w.valid() && w.node >= 0) return w.highest;
    const Machine& m = m_ctx->machine();
    if (std::size_t(m_node) >= m.zonelists.size()) return ZoneType::Normal;
    const auto& lists = m.zonelists[std::size_t(m_node)];
    if (!lists[std::size_t(ZoneType::Normal)].empty()) return ZoneType::Normal;
    for (int t = int(ZoneType::Count) - 1; t >= 0; --t)
        if (!lists[std::size_t(t)].empty()) return static_cast<ZoneType>(t);
    return ZoneType::Normal;
}

std::vector<std::uint8_t> NumaView::fallbackZones() const
{
    const Machine& m = m_ctx->machine();
    if (std::size_t(m_node) >= m.zonelists.size()) return {};
    return numa::zonelist(m, m_node, highestZone());
}

std::vector<int> NumaView::fallbackNodes() const
{
    const Machine& m = m_ctx->machine();
    if (std::size_t(m_node) >= m.nodes.size() || m.zonelists.empty()) return {};
    return numa::nodeOrder(m, m_node);
}

QString NumaView::fallbackLine() const
{
    QStringList nodes;
    for (int n : fallbackNodes()) nodes << QString::number(n);
    //: The kernel's boot message (build_zonelists); keep the numbers as they are.
    return tr("Fallback order for Node %1: %2").arg(m_node).arg(nodes.join(u' '));
}

QString NumaView::cpuText(int node) const
{
    const MachineConfig& c = m_ctx->machine().config;
    if (!numa::nodeHasCpus(c, node)) return tr("memory only");
    const std::vector<int> cpus = numa::nodeCpus(c, node);
    if (cpus.empty()) return tr("no CPUs");
    if (cpus.size() == 1) return tr("CPU %1").arg(cpus.front());
    return tr("CPUs %1").arg(cpuList(cpus));
}

std::optional<NumaView::Spill> NumaView::spill() const
{
    ensureLayout();
    const Walk& w = walk();
    const Event* e = stepEvent();
    if (!w.valid() || !e || w.node < 0) return std::nullopt;
    const Machine& m = m_ctx->machine();
    Spill s;
    s.from = w.node;
    const double t = std::clamp(m_ctx->progress(), 0.0, 1.0);
    if (w.fallback) {
        s.to = int(w.fallback->b);
        s.zoneId = w.fallback->zone;
        s.confirmed = true;
        s.shown = e->type == EventType::NodeFallback ? t : 1.0;
    } else {
        // Still walking: the zone being checked is on another node than the preferred one.
        if (e->type != EventType::ZoneCheck) return std::nullopt;
        s.zoneId = w.checks.back().first;
        s.to = m.zones[std::size_t(s.zoneId)].node;
        s.shown = t;
    }
    const Card* a = card(s.from);
    const Card* b = card(s.to);
    if (s.from == s.to || !a || !b) return std::nullopt;
    // A curve bowed towards the middle of the graph, so it stays clear of the straight edge.
    const QPointF p0 = borderPoint(a->rect, b->rect.center());
    const QPointF p1 = borderPoint(b->rect, a->rect.center());
    const QPointF mid = (p0 + p1) / 2;
    const QPointF d = p1 - p0;
    const double len = std::hypot(d.x(), d.y());
    QPointF normal = len > 0 ? QPointF(-d.y() / len, d.x() / len) : QPointF();
    const QPointF centre = m_graph.center();
    if (QPointF::dotProduct(centre - mid, normal) < 0) normal = -normal;
    const double bow = std::min(len * 0.22, std::max(a->rect.height(), b->rect.height()) * 0.5);
    s.path.moveTo(p0);
    s.path.quadTo(mid + normal * bow, p1);
    return s;
}

// ---- text -----------------------------------------------------------------------------

QString NumaView::stepCaption() const
{
    const Event* e = stepEvent();
    const Machine& m = m_ctx->machine();
    if (!e || m.nodes.empty()) return QString();
    const Walk& w = walk();
    const auto label = [&](int zoneId) {
        return zoneId >= 0 && std::size_t(zoneId) < m.zones.size()
            ? QString::fromStdString(numa::zoneLabel(m, std::uint8_t(zoneId)))
            : QString();
    };
    const int node = w.node >= 0 ? w.node : m_node;
    switch (e->type) {
    case EventType::ZoneCheck: {
        if (e->zone >= m.zones.size()) return QString();
        const auto list = fallbackZones();
        const auto it = std::find(list.begin(), list.end(), e->zone);
        const int place = it == list.end() ? 0 : int(it - list.begin()) + 1;
        const QString mark = latin(wmarkName(static_cast<Wmark>(e->flags & EventFlag::MarkMask)));
        const QString head = place > 0 ? tr("Zonelist entry %1 of node %2: %3").arg(place).arg(node).arg(label(e->zone))
                                       : tr("Node %1's allocation checks %2").arg(node).arg(label(e->zone));
        if (e->flags & EventFlag::Ok)
            return tr("%1 has %2 free pages, above its %3 watermark of %4 (+ %5 reserve): the pages come from here.")
                .arg(head, num(e->a), mark, num(e->b), num(e->c));
        // __zone_watermark_ok() counts the free pages less the request's (1 << order) - 1.
        const std::uint64_t extra = (std::uint64_t(1) << e->order) - 1;
        const std::uint64_t usable = e->a > extra ? e->a - extra : 0;
        if (e->order > 0 && usable > e->b + e->c)
            return tr("%1 has %2 free pages but no free block of order %3: try the next zone.")
                .arg(head, num(e->a))
                .arg(e->order);
        if (e->order > 0)
            return tr("%1 has %2 free pages, %3 without the rest of the order-%4 request: not above its %5 watermark "
                      "of %6 (+ %7 reserve). Try the next zone.")
                .arg(head, num(e->a), num(usable))
                .arg(e->order)
                .arg(mark, num(e->b), num(e->c));
        return tr("%1 has %2 free pages, not above its %3 watermark of %4 (+ %5 reserve): try the next zone.")
            .arg(head, num(e->a), mark, num(e->b), num(e->c));
    }
    case EventType::NodeFallback:
        return tr(
            "No zone of node %1 is above its watermark: the order-%2 block comes from %3 on node %4 (distance %5). "
            "numastat counts a numa_miss on node %4 and a numa_foreign on node %1.")
            .arg(e->a)
            .arg(e->order)
            .arg(label(e->zone))
            .arg(e->b)
            .arg(m.config.nodeDistance(int(e->a), int(e->b)));
    case EventType::BuddyAlloc: {
        if (e->zone >= m.zones.size()) return QString();
        const std::uint64_t pref = e->c & 0xFF;
        const int used = m.zones[e->zone].node;
        const int prefNode = pref < m.zones.size() ? m.zones[pref].node : used;
        if (used == prefNode)
            return tr("The order-%1 block at pfn %2 comes from %3 on the preferred node %4: a numa_hit.")
                .arg(e->order)
                .arg(EventText::pfn(e->pfn), label(e->zone))
                .arg(prefNode);
        return tr("The order-%1 block at pfn %2 comes from %3 on node %4, not the preferred node %5: a numa_miss on "
                  "node %4 and a numa_foreign on node %5.")
            .arg(e->order)
            .arg(EventText::pfn(e->pfn), label(e->zone))
            .arg(used)
            .arg(prefNode);
    }
    case EventType::SlowPath:
        if (!w.valid()) return QString();
        return tr("Every zone in node %1's zonelist is at or below its low watermark: the slow path wakes kswapd and "
                  "walks the zonelist again against the min watermark.")
            .arg(node);
    case EventType::AllocFailed:
        if (!w.valid()) return QString();
        return tr("No zone in node %1's zonelist could satisfy the allocation.").arg(node);
    case EventType::BuddySplit:
    case EventType::WatermarkCrossed:
        if (!w.valid()) return QString();
        return EventText::summary(m, *e);
    default:
        break;
    }
    return QString();
}

QString NumaView::captionText() const
{
    const QString s = stepCaption();
    if (!s.isEmpty()) return s;
    if (m_ctx->machine().nodes.size() <= 1)
        return tr("The numbers 1, 2, 3 … are the order in which an allocation tries the zones of node 0 (its "
                  "zonelist); a zone gives pages only while it stays above its watermark.");
    return tr("Each card is a node with its zones; the lines are the SLIT distances between nodes (10 is a node to "
              "itself), thicker when closer. The numbers 1, 2, 3 … are the order in which an allocation on node %1 "
              "tries the zones.")
        .arg(m_node);
}

QString NumaView::noteText() const
{
    return tr("One node. A PC without NUMA is one node: every CPU shares all of memory (UMA), and Linux still puts "
              "all physical memory into node 0 so that the same code serves NUMA and non-NUMA machines. Allocations "
              "fall back only between the zones of this node.");
}

QString NumaView::nodeTooltip(int node) const
{
    const Machine& m = m_ctx->machine();
    if (node < 0 || std::size_t(node) >= m.nodes.size()) return QString();
    const Node& n = m.nodes[std::size_t(node)];
    const std::uint64_t ps = m.pageSize(), managed = nodeManaged(m, node), free = nodeFree(m, node);
    QString s = tr("<b>Node %1</b> · %2").arg(node).arg(cpuText(node));
    s += u"<br>"_s
        + tr("%1 of RAM, pfn %2 to %3")
              .arg(EventText::bytes(nodeRamBytes(m, node)), EventText::pfn(n.startPfn),
                  EventText::pfn(n.startPfn + n.spanned - 1));
    s += u"<br>"_s
        + tr("managed %1 pages (%2), free %3 pages (%4)")
              .arg(num(managed), EventText::bytes(managed * ps), num(free), EventText::bytes(free * ps));
    if (m.nodes.size() > 1) {
        QStringList d;
        for (std::size_t j = 0; j < m.nodes.size(); ++j)
            d << tr("node %1: %2").arg(j).arg(m.config.nodeDistance(node, int(j)));
        s += u"<br>"_s + tr("distances (node_distance): %1").arg(d.join(u", "_s));
    }
    return s;
}

QString NumaView::zoneTooltip(int zoneId) const
{
    const Machine& m = m_ctx->machine();
    const Zone& z = m.zones[std::size_t(zoneId)];
    const std::uint64_t ps = m.pageSize();
    QString s
        = tr("<b>%1</b><br>present %2 pages, managed %3 pages (%4)<br>free %5 pages (%6)")
              .arg(QString::fromStdString(numa::zoneLabel(m, std::uint8_t(zoneId))), num(z.present), num(z.managed),
                  EventText::bytes(z.managed * ps), num(z.freePages), EventText::bytes(z.freePages * ps));
    for (Wmark w : { Wmark::Min, Wmark::Low, Wmark::High })
        s += u"<br>"_s
            + tr("%1: %2 pages (%3)").arg(latin(wmarkName(w)), num(z.mark(w)), EventText::bytes(z.mark(w) * ps));
    const auto list = fallbackZones();
    const auto it = std::find(list.begin(), list.end(), std::uint8_t(zoneId));
    if (it != list.end())
        s += u"<br>"_s + tr("entry %1 of node %2's zonelist").arg(int(it - list.begin()) + 1).arg(m_node);
    else
        s += u"<br>"_s + tr("not in node %1's zonelist up to %2").arg(m_node).arg(EventText::zoneName(highestZone()));
    s += u"<br>"_s + tr("Click to select its first frame.");
    return s;
}

// ---- layout ---------------------------------------------------------------------------

const std::vector<NumaView::Card>& NumaView::cards() const
{
    ensureLayout();
    return m_cards;
}

const std::vector<NumaView::Edge>& NumaView::edges() const
{
    ensureLayout();
    return m_edges;
}

const std::vector<NumaView::Chip>& NumaView::chips() const
{
    ensureLayout();
    return m_chips;
}

const NumaView::Card* NumaView::card(int node) const
{
    ensureLayout();
    for (const Card& c : m_cards)
        if (c.node == node) return &c;
    return nullptr;
}

const NumaView::ZoneRow* NumaView::zoneRow(int zoneId) const
{
    ensureLayout();
    for (const Card& c : m_cards)
        for (const ZoneRow& z : c.zones)
            if (z.zoneId == zoneId) return &z;
    return nullptr;
}

int NumaView::nodeAt(const QPointF& pos) const
{
    ensureLayout();
    for (const Card& c : m_cards)
        if (c.rect.contains(pos)) return c.node;
    return -1;
}

int NumaView::zoneAt(const QPointF& pos) const
{
    ensureLayout();
    for (const Card& c : m_cards)
        for (const ZoneRow& z : c.zones)
            if (z.row.contains(pos)) return z.zoneId;
    for (const Chip& c : m_chips)
        if (c.rect.contains(pos)) return c.zoneId;
    return -1;
}

QRectF NumaView::numastatRect() const
{
    ensureLayout();
    return m_table;
}

QRectF NumaView::noteRect() const
{
    ensureLayout();
    return m_note;
}

void NumaView::placeHeader() const
{
    const Fonts f(this);
    m_nodeLabel->setFont(f.text);
    m_nodeBox->setFont(f.text);
    m_nodeLabel->adjustSize();
    m_nodeBox->adjustSize();
    const int h = int(std::max<qreal>(m_nodeBox->sizeHint().height(), f.lh * 1.5)) + 12;
    const int y = h / 2;
    const int pad = int(std::round(f.lh * 0.6));
    m_nodeBox->move(width() - pad - m_nodeBox->width(), y - m_nodeBox->height() / 2);
    m_nodeLabel->move(m_nodeBox->x() - 6 - m_nodeLabel->width(), y - m_nodeLabel->height() / 2);
    // The label goes when the title would not fit beside it.
    const qreal titleW = QFontMetricsF(f.title).horizontalAdvance(tr("NUMA nodes"));
    m_nodeLabel->setVisible(m_nodeLabel->x() > pad + titleW + pad);
    m_header = QRectF(0, 0, width(), h);
}

NumaView::CardFonts NumaView::cardFonts() const
{
    return CardFonts(this, m_cardPx);
}

qreal NumaView::cardHeight(const CardFonts& f, int zones, int detail) const
{
    const qreal cp = std::round(f.slh * 0.45);
    qreal h = cp + f.lh * 1.15;
    if (detail >= 2) h += f.slh;
    if (detail >= 1) h += std::round(f.slh * 0.6) + 2 + cp * 0.7;
    return h + zones * std::round(f.slh * 1.35) + cp;
}

void NumaView::layoutCard(const CardFonts& f, Card& c, int detail) const
{
    const Machine& m = m_ctx->machine();
    const qreal cp = std::round(f.slh * 0.45);
    const qreal x0 = c.rect.left() + cp, x1 = c.rect.right() - cp, w = x1 - x0;
    qreal y = c.rect.top() + cp;
    c.title = QRectF(x0, y, w, f.lh * 1.15);
    y = c.title.bottom();
    if (detail >= 2) y += f.slh;
    c.freeBar = QRectF();
    if (detail >= 1) {
        c.freeBar = QRectF(x0, y + 2, w, std::round(f.slh * 0.6));
        y = c.freeBar.bottom() + cp * 0.7;
    }
    const QFontMetricsF fmsb(f.smallBold), fms(f.small);
    qreal nameW = 0;
    for (const Zone& z : m.zones)
        if (z.populated()) nameW = std::max(nameW, fmsb.horizontalAdvance(EventText::zoneName(z.type)));
    const qreal rh = std::round(f.slh * 1.35), d = std::round(f.slh * 1.1);
    const qreal pctW = fms.horizontalAdvance(u"1023 MiB"_s) + 6;
    const bool showPct = w - d - nameW - 12 - pctW > f.px * 4;
    const auto list = fallbackZones();
    c.zones.clear();
    for (int id : zonesOf(m, c.node)) {
        ZoneRow r;
        r.zoneId = id;
        r.row = QRectF(x0, y, w, rh);
        r.badge = QRectF(x0, y + (rh - d) / 2, d, d);
        const qreal barLeft = r.badge.right() + 6 + nameW + 6;
        r.bar = QRectF(barLeft, y + rh * 0.24, std::max(8.0, x1 - barLeft - (showPct ? pctW : 0)), rh * 0.52);
        const Zone& z = m.zones[std::size_t(id)];
        r.scale = ZoneBarScale::make(ZoneBarScale::Mode::WatermarkZoom, z.managed, z.mark(Wmark::High));
        const auto it = std::find(list.begin(), list.end(), std::uint8_t(id));
        r.rank = it == list.end() ? 0 : int(it - list.begin()) + 1;
        c.zones.push_back(r);
        y += rh;
    }
}

void NumaView::layoutGraph(const Fonts& f, const QRectF& area) const
{
    const Machine& m = m_ctx->machine();
    const int n = int(m.nodes.size());
    m_cards.clear();
    m_edges.clear();
    m_note = QRectF();
    if (n == 0 || area.height() < 10 || area.width() < 10) return;
    const qreal pad = std::round(f.lh * 0.6);
    int maxZones = 0;
    for (int i = 0; i < n; ++i) maxZones = std::max(maxZones, int(zonesOf(m, i).size()));

    // The graph: its vertices laid out on a circle (Boost's circle layout, rotated so that
    // four nodes sit on the corners and three make a triangle), stretched to the area.
    // (NumaGraph.h: the graph of the SLIT distances, built with Boost.Graph.)
    const NumaGraph g = numaGraph(m.config, n);
    const double rot = n == 2 ? std::numbers::pi : -std::numbers::pi / 2 - std::numbers::pi / n;
    std::vector<QPointF> circle;
    double minX = 1e9, maxX = -1e9, minY = 1e9, maxY = -1e9;
    for (std::size_t v = 0; v < g.x.size(); ++v) {
        const double x = g.x[v] * std::cos(rot) - g.y[v] * std::sin(rot);
        const double y = g.x[v] * std::sin(rot) + g.y[v] * std::cos(rot);
        circle.emplace_back(x, y);
        minX = std::min(minX, x), maxX = std::max(maxX, x);
        minY = std::min(minY, y), maxY = std::max(maxY, y);
    }
    for (QPointF& u : circle)
        u = QPointF(maxX - minX > 1e-6 ? (u.x() - minX) / (maxX - minX) : 0.5,
            maxY - minY > 1e-6 ? (u.y() - minY) / (maxY - minY) : 0.5);

    // Room between cards for a distance label.
    const qreal gapX = std::max(f.px * 4.5, area.width() * 0.06), gapY = f.slh * 2.0;
    const auto placeAt = [&](const std::vector<QPointF>& at, qreal cw, qreal ch) {
        std::vector<QRectF> out;
        for (const QPointF& u : at) {
            const qreal cx = area.left() + cw / 2 + u.x() * std::max(0.0, area.width() - cw);
            const qreal cy = area.top() + ch / 2 + u.y() * std::max(0.0, area.height() - ch);
            out.emplace_back(cx - cw / 2, cy - ch / 2, cw, ch);
        }
        return out;
    };
    const auto fits = [&](const std::vector<QRectF>& rs) {
        for (std::size_t i = 0; i < rs.size(); ++i) {
            if (rs[i].height() > area.height() + 0.5 || rs[i].width() > area.width() + 0.5) return false;
            for (std::size_t j = i + 1; j < rs.size(); ++j)
                if (rs[i]
                        .adjusted(-gapX / 2, -gapY / 2, gapX / 2, gapY / 2)
                        .intersects(rs[j].adjusted(-gapX / 2, -gapY / 2, gapX / 2, gapY / 2)))
                    return false;
        }
        return true;
    };
    const double share = n == 1 ? 0.6 : n <= 4 ? 0.4 : n <= 6 ? 0.3 : 0.24;
    const qreal maxPx = f.px * (n <= 2 ? 1.6 : n <= 4 ? 1.4 : 1.15);
    const qreal minPx = std::max(11.0, f.px * 0.8);
    std::vector<QRectF> rects;
    int detail = 0;
    qreal cardPx = minPx;

    if (n == 1) {
        // One card and the note beside it, or under it when narrow.
        const QFont base = Palette::viewFont(this);
        const auto notePx = [&](qreal px) { return std::max(f.px, std::min(px * 0.8, f.px * 1.5)); };
        const auto noteHeight = [&](qreal w, qreal px) {
            return QFontMetricsF(Palette::pixelFont(base, notePx(px)))
                .boundingRect(QRectF(0, 0, w, 1e6), Qt::TextWordWrap, noteText())
                .height();
        };
        const QFontMetricsF fm(f.text);
        bool placed = false;
        for (int d = 2; d >= 0 && !placed; --d)
            for (qreal px = f.px * 1.9; px >= minPx - 0.01 && !placed; px -= 1) {
                const CardFonts cf(this, px);
                const qreal cw = std::min(px * 19, area.width()), ch = cardHeight(cf, maxZones, d);
                if (ch > area.height()) continue;
                const qreal nPx = notePx(px);
                const qreal noteW = std::min(area.width() - cw - pad * 2, nPx * 30);
                if (noteW >= nPx * 14 && noteHeight(noteW, px) <= area.height()) {
                    const qreal total = cw + pad * 2 + noteW;
                    const QRectF r(
                        area.left() + (area.width() - total) / 2, area.top() + (area.height() - ch) / 2, cw, ch);
                    rects = { r };
                    const qreal nh = noteHeight(noteW, px);
                    m_note = QRectF(r.right() + pad * 2, std::max(area.top(), r.center().y() - nh / 2), noteW, nh);
                } else if (px <= f.px + 0.01) {
                    // Under the card (at the plain text size only: a big card is not worth losing the note).
                    const qreal nh = noteHeight(area.width(), px);
                    const qreal top = area.top() + std::max(0.0, (area.height() - ch - pad - nh) / 2);
                    rects = { QRectF(area.left() + (area.width() - cw) / 2, top, cw, ch) };
                    const qreal room = area.bottom() - (top + ch + pad);
                    if (room >= fm.lineSpacing())
                        m_note = QRectF(area.left(), top + ch + pad, area.width(), std::min(nh, room));
                } else {
                    continue;
                }
                detail = d;
                cardPx = px;
                m_notePx = notePx(px);
                placed = true;
            }
        if (!placed) {
            m_notePx = f.px;
            const CardFonts cf(this, minPx);
            const qreal ch = std::min(cardHeight(cf, maxZones, 0), area.height());
            rects = { QRectF(area.left() + std::max(0.0, (area.width() - minPx * 19) / 2), area.top(),
                std::min(minPx * 19, area.width()), ch) };
        }
    } else {
        // On the circle, the largest text that fits, keeping the cards' detail first ...
        bool placed = false;
        for (int d = 2; d >= 0 && !placed; --d)
            for (qreal px = maxPx; px >= f.px - 0.01 && !placed; px -= 1) {
                const CardFonts cf(this, px);
                const qreal cw = std::min(px * 20, area.width() * share);
                if (cw < px * (d == 2 ? 15 : 12)) continue;
                const auto rs = placeAt(circle, cw, cardHeight(cf, maxZones, d));
                if (!fits(rs)) continue;
                rects = rs, detail = d, cardPx = px, placed = true;
            }
        // ... else in a grid of rows, node 0 top left.
        for (qreal px = f.px; px >= minPx - 0.01 && !placed; px -= 1)
            for (int d = 2; d >= 0 && !placed; --d) {
                const CardFonts cf(this, px);
                const qreal ch = cardHeight(cf, maxZones, d);
                int bestRows = 0;
                qreal bestW = 0;
                for (int rows = 1; rows <= n; ++rows) {
                    const int cols = (n + rows - 1) / rows;
                    const qreal cw = std::min(px * 20, (area.width() - gapX * 0.5 * (cols - 1)) / cols);
                    if (cw < px
                                * (d == 2        ? 15
                                        : d == 1 ? 10
                                                 : 8)
                        || rows * ch + (rows - 1) * f.slh * 1.6 > area.height())
                        continue;
                    if (cw > bestW) bestW = cw, bestRows = rows;
                }
                if (!bestRows) continue;
                const int cols = (n + bestRows - 1) / bestRows;
                std::vector<QPointF> at;
                for (int i = 0; i < n; ++i)
                    at.emplace_back(cols > 1 ? double(i % cols) / (cols - 1) : 0.5,
                        bestRows > 1 ? double(i / cols) / (bestRows - 1) : 0.5);
                rects = placeAt(at, bestW, ch), detail = d, cardPx = px, placed = true;
            }
        if (!placed) {
            // Too small for anything clean: a grid that may touch.
            const int rows = std::max(1, int(std::round(std::sqrt(double(n))))), cols = (n + rows - 1) / rows;
            const CardFonts cf(this, minPx);
            const qreal cw = (area.width() - 4 * (cols - 1)) / cols;
            const qreal ch = std::min(cardHeight(cf, maxZones, 0), (area.height() - 4 * (rows - 1)) / rows);
            std::vector<QPointF> at;
            for (int i = 0; i < n; ++i)
                at.emplace_back(
                    cols > 1 ? double(i % cols) / (cols - 1) : 0.5, rows > 1 ? double(i / cols) / (rows - 1) : 0.5);
            rects = placeAt(at, cw, ch);
        }
    }
    m_detail = detail;
    m_cardPx = cardPx;
    const CardFonts cf(this, cardPx);
    for (int i = 0; i < n; ++i) {
        Card c;
        c.node = i;
        c.rect = rects[std::size_t(i)];
        layoutCard(cf, c, detail);
        m_cards.push_back(c);
    }

    // Edges: from the graph, each pair once; the closer, the thicker. Labels where they
    // clear the cards and the other labels.
    std::uint32_t dMin = ~0u, dMax = 0;
    for (const NumaGraphEdge& ge : g.edges) dMin = std::min(dMin, ge.distance), dMax = std::max(dMax, ge.distance);
    const QFontMetricsF fmsb(cf.smallBold);
    std::vector<QRectF> taken;
    for (const Card& c : m_cards) taken.push_back(c.rect.adjusted(-2, -2, 2, 2));
    for (const NumaGraphEdge& ge : g.edges) {
        Edge e;
        e.a = ge.a;
        e.b = ge.b;
        e.distance = ge.distance;
        const QRectF ra = m_cards[std::size_t(e.a)].rect, rb = m_cards[std::size_t(e.b)].rect;
        e.line = QLineF(borderPoint(ra, rb.center()), borderPoint(rb, ra.center()));
        const double t = dMax > dMin ? double(e.distance - dMin) / double(dMax - dMin) : 0.35;
        e.width = std::max(1.5, cf.px * (0.4 - 0.28 * t));
        e.text = QString::number(e.distance);
        e.labelled = n <= 4 || e.a == m_node || e.b == m_node;
        m_edges.push_back(e);
    }
    // The selected node's labels are placed first: they must not be the ones pushed aside.
    std::stable_sort(m_edges.begin(), m_edges.end(), [&](const Edge& x, const Edge& y) {
        const bool mx = x.a == m_node || x.b == m_node, my = y.a == m_node || y.b == m_node;
        return mx && !my;
    });
    for (Edge& e : m_edges) {
        if (!e.labelled) continue;
        const QSizeF sz(fmsb.horizontalAdvance(e.text) + cf.slh * 0.8, cf.slh * 1.15);
        QRectF best;
        for (double at : { 0.5, 0.38, 0.62, 0.28, 0.72, 0.2, 0.8 }) {
            const QPointF p = e.line.pointAt(at);
            const QRectF r(p.x() - sz.width() / 2, p.y() - sz.height() / 2, sz.width(), sz.height());
            if (best.isNull()) best = r;
            if (std::none_of(taken.begin(), taken.end(),
                    [&](const QRectF& o) { return o.intersects(r.adjusted(-2, -2, 2, 2)); })) {
                best = r;
                break;
            }
        }
        e.label = best;
        taken.push_back(best);
    }
    std::sort(m_edges.begin(), m_edges.end(),
        [](const Edge& x, const Edge& y) { return std::pair(x.a, x.b) < std::pair(y.a, y.b); });
}

void NumaView::ensureLayout() const
{
    if (!m_dirty) return;
    m_dirty = false;
    placeHeader();
    const Fonts f(this);
    const Machine& m = m_ctx->machine();
    const qreal pad = std::round(f.lh * 0.6);
    const qreal W = width(), H = height();
    m_cards.clear();
    m_edges.clear();
    m_chips.clear();
    m_table = m_note = m_fallbackText = m_chipsLabel = m_graph = QRectF();

    // The caption: what the step did, up to two lines (three when narrow).
    const QFontMetricsF fmCap(f.bold);
    m_captionText = captionText();
    const int capLines = W < 700 ? 3 : 2;
    // Chinese lines come from the CJK fallback font, which is taller than the Latin one.
    const bool cjk = std::any_of(m_captionText.cbegin(), m_captionText.cend(), [](QChar c) { return c.unicode() >= 0x2E80; });
    const QRectF capArea(pad, m_header.bottom() + pad * 0.5, W - 2 * pad,
                         fmCap.lineSpacing() * (cjk ? 1.35 : 1.0) * capLines + 2);
    const QRectF used = fmCap.boundingRect(capArea, Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop, m_captionText);
    // A caption longer than a line gets all its lines (the measured rect can stay one line for
    // text without spaces, such as Chinese).
    const bool longCaption = fmCap.horizontalAdvance(m_captionText) > capArea.width();
    m_caption = QRectF(capArea.left(), capArea.top(), capArea.width(),
                       longCaption ? capArea.height() : std::min(capArea.height(), used.height()));
    if (m.nodes.empty()) return;

    // The bottom band: the fallback line and the zonelist as chips; the numastat table
    // beside them when wide, under them when not, left out when the graph needs the room.
    const QFontMetricsF fmMono(f.mono), fmMonoB(f.monoBold);
    const int n = int(m.nodes.size());
    const bool numa = numaAvailable(m);
    const qreal rowH = std::round(f.slh * 1.15);
    qreal labelW = 0;
    for (const StatRow& r : kStatRows)
        labelW = std::max(labelW, fmMono.horizontalAdvance(QString::fromLatin1(r.label)));
    labelW += fmMono.horizontalAdvance(u"  "_s);
    qreal colW = fmMonoB.horizontalAdvance(u"node0"_s);
    for (int i = 0; i < n; ++i) {
        const NodeNumaStat s = nodeNumaStat(m, i);
        for (const StatRow& r : kStatRows)
            colW = std::max(colW, fmMonoB.horizontalAdvance(QString::number(s.*r.field)));
    }
    colW += fmMono.horizontalAdvance(u"   "_s);
    const qreal tableW = labelW + n * colW, tableH = rowH * 6 + 4;

    const auto list = fallbackZones();
    const QFontMetricsF fmLine(f.line);
    const auto flow = [&](qreal width, std::vector<Chip>* out, QRectF* labelRect) {
        // Returns the height of the chips' lines.
        const QFontMetricsF fm(m_chipsSmall ? f.small : f.text), fmb(m_chipsSmall ? f.smallBold : f.bold);
        const qreal d = std::round(fm.lineSpacing() * 1.05);
        const QString lead = tr("Zonelist up to %1:").arg(EventText::zoneName(highestZone()));
        const qreal chipH = d + 4, arrowW = fm.horizontalAdvance(u" → "_s);
        qreal x = fm.horizontalAdvance(lead) + 8, y = 0;
        if (labelRect) *labelRect = QRectF(0, 0, x - 8, chipH);
        for (std::size_t i = 0; i < list.size(); ++i) {
            const QString text = QString::fromStdString(numa::zoneLabel(m, list[i]));
            const qreal w = d + 6 + fmb.horizontalAdvance(text) + 10;
            if (x > 0 && x + w > width) {
                x = 0;
                y += chipH + 3;
            }
            if (out) out->push_back(Chip { list[i], int(i) + 1, QRectF(x, y, w, chipH) });
            x += w + arrowW;
        }
        return y + chipH;
    };

    const qreal top = m_caption.bottom() + pad * 0.6;
    qreal minGraph
        = std::max(cardHeight(CardFonts(this, f.px), 1, 0) * (n >= 3 ? 2 : 1) + (n >= 3 ? f.slh * 2 : 0), f.lh * 3);
    if (n == 1) // the card and the whole note under it
        minGraph = cardHeight(CardFonts(this, f.px), int(zonesOf(m, 0).size()), 0) + pad
            + QFontMetricsF(f.text).boundingRect(QRectF(0, 0, W - 2 * pad, 1e6), Qt::TextWordWrap, noteText()).height();
    bool table = numa;
    bool wide = table && W - 2 * pad - tableW - 2 * pad >= f.px * 22;
    qreal textW = wide ? W - 2 * pad - tableW - 2 * pad : W - 2 * pad;
    // More than two lines of chips in the text size: small ones.
    m_chipsSmall = false;
    if (flow(textW, nullptr, nullptr) > 2 * (std::round(f.lh * 1.05) + 7)) m_chipsSmall = true;
    qreal textH = fmLine.lineSpacing() + 4 + flow(textW, nullptr, nullptr);
    qreal bottomH = wide ? std::max(tableH, textH) : textH + (table ? pad * 0.5 + tableH : 0);
    if (table && H - pad * 0.5 - bottomH - pad - top < minGraph) {
        table = wide = false;
        textW = W - 2 * pad;
        m_chipsSmall = flow(textW, nullptr, nullptr) > 2 * (std::round(f.lh * 1.05) + 7);
        textH = fmLine.lineSpacing() + 4 + flow(textW, nullptr, nullptr);
        bottomH = textH;
    }
    const qreal bottomTop = H - pad * 0.5 - bottomH;
    m_graph = QRectF(pad, top, W - 2 * pad, std::max(0.0, bottomTop - pad - top));

    // Fallback line and chips.
    const qreal textLeft = wide ? pad + tableW + 2 * pad : pad;
    const qreal textTop = wide ? bottomTop + std::max(0.0, (bottomH - textH) / 2) : bottomTop;
    m_fallbackText = QRectF(textLeft, textTop, textW, fmLine.lineSpacing());
    std::vector<Chip> chips;
    QRectF lead;
    flow(textW, &chips, &lead);
    const qreal chipsTop = m_fallbackText.bottom() + 4;
    m_chipsLabel = lead.translated(textLeft, chipsTop);
    for (Chip& c : chips) {
        c.rect.translate(textLeft, chipsTop);
        if (c.rect.bottom() <= H) m_chips.push_back(c);
    }
    if (table) {
        const qreal tableTop = wide ? bottomTop + std::max(0.0, (bottomH - tableH) / 2)
                                    : chipsTop + textH - fmLine.lineSpacing() - 4 + pad * 0.5;
        m_table = QRectF(pad, tableTop, tableW, tableH);
    }

    layoutGraph(f, m_graph);
}

// ---- painting -------------------------------------------------------------------------

void NumaView::paintEvent(QPaintEvent*)
{
    if (m_generation != Palette::generation()) {
        m_generation = Palette::generation();
        Palette::applyTextColour(m_nodeLabel);
        m_dirty = true; // the layout measures text in fonts that presentation mode changes
    }
    ensureLayout();
    const Fonts f(this);
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.setRenderHint(QPainter::TextAntialiasing);
    p.fillRect(rect(), Palette::background());
    paintHeader(p, f);


    drawViewCaption(p, f, m_caption, m_captionText, !stepCaption().isEmpty());

    if (m_cards.empty()) {
        p.setFont(f.text);
        p.setPen(Palette::mutedText());
        p.drawText(rect(), Qt::AlignCenter, tr("No machine yet."));
        return;
    }
    const double t = smooth(m_ctx->progress());
    paintEdges(p);
    const CardFonts cf = cardFonts();
    for (const Card& c : m_cards) paintCard(p, cf, c, t);
    paintSpill(p, f);
    if (!m_note.isEmpty()) {
        p.setPen(QPen(Palette::gridLine(), Palette::line(3)));
        p.drawLine(QPointF(m_note.left() - 8, m_note.top() + 2), QPointF(m_note.left() - 8, m_note.bottom() - 2));
        const QFont nf = Palette::pixelFont(Palette::viewFont(this), m_notePx);
        p.setFont(nf);
        p.setPen(Palette::mutedText());
        p.drawText(
            m_note, Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop, Palette::fitWrapped(nf, m_note, noteText()));
    }
    paintBottom(p, f);
}

void NumaView::paintHeader(QPainter& p, const Fonts& f) const
{
    const qreal pad = std::round(f.lh * 0.6);
    p.setFont(f.title);
    p.setPen(Palette::text());
    const qreal right = (m_nodeLabel->isVisible() ? m_nodeLabel->x() : m_nodeBox->x()) - pad;
    const QRectF titleRect(pad, m_header.top(), std::max(0.0, right - pad), m_header.height());
    p.drawText(titleRect, Qt::AlignLeft | Qt::AlignVCenter,
        QFontMetricsF(f.title).elidedText(tr("NUMA nodes"), Qt::ElideRight, titleRect.width()));
    p.setPen(QPen(Palette::gridLine(), Palette::line(1)));
    p.drawLine(QPointF(0, m_header.bottom() - 0.5), QPointF(width(), m_header.bottom() - 0.5));
}

void NumaView::paintEdges(QPainter& p) const
{
    if (m_edges.empty()) return;
    std::uint32_t dMin = ~0u, dMax = 0;
    for (const Edge& e : m_edges) dMin = std::min(dMin, e.distance), dMax = std::max(dMax, e.distance);
    // Lines first (the selected node's on top), then every label over them.
    std::vector<const Edge*> order;
    for (const Edge& e : m_edges) order.push_back(&e);
    std::stable_partition(order.begin(), order.end(), [&](const Edge* e) { return e->a != m_node && e->b != m_node; });
    const auto colourOf = [&](const Edge& e) {
        const double t = dMax > dMin ? double(e.distance - dMin) / double(dMax - dMin) : 0.3;
        return Palette::faded(Palette::text(), 0.15 + 0.45 * t);
    };
    for (const Edge* e : order) {
        const bool mine = e->a == m_node || e->b == m_node;
        QColor c = colourOf(*e);
        if (!mine) c = Palette::faded(c, e->labelled ? 0.45 : 0.6);
        p.setPen(QPen(c, Palette::line(e->labelled ? e->width : std::min<qreal>(e->width, 1.5)), Qt::SolidLine,
            Qt::RoundCap));
        p.drawLine(e->line);
    }
    p.setFont(cardFonts().smallBold);
    for (const Edge* e : order) {
        if (!e->labelled) continue;
        const bool mine = e->a == m_node || e->b == m_node;
        const QColor c = colourOf(*e);
        p.setPen(QPen(mine ? c : Palette::faded(c, 0.45), Palette::line(mine ? 1.5 : 1)));
        p.setBrush(Palette::background());
        p.drawRoundedRect(e->label, e->label.height() / 2, e->label.height() / 2);
        p.setPen(mine ? Palette::text() : Palette::mutedText());
        p.drawText(e->label, Qt::AlignCenter, e->text);
    }
}

void NumaView::paintBadge(QPainter& p, const QFont& font, const QRectF& r, int rank, int zoneId) const
{
    const Check c = checkOf(zoneId);
    const bool now = checkingZone() == zoneId;
    const double t = smooth(m_ctx->progress());
    const QColor neutral = Palette::faded(Palette::text(), Palette::isDark() ? 0.35 : 0.25);
    QColor fill = neutral;
    if (c != Check::None) {
        const QColor result = c == Check::Pass ? passColour() : failColour();
        // The result appears over the first half of the step being checked.
        fill = now ? Palette::mix(neutral, result, std::min(1.0, t * 2)) : result;
    }
    if (now) {
        // A ring that grows and fades over the step.
        const qreal grow = 2 + r.width() * 0.5 * t;
        p.setPen(QPen(Palette::withAlpha(fill, 1.0 - 0.7 * t), Palette::line(2.5)));
        p.setBrush(Qt::NoBrush);
        p.drawEllipse(r.adjusted(-grow, -grow, grow, grow));
    }
    p.setPen(Qt::NoPen);
    p.setBrush(fill);
    p.drawEllipse(r);
    QFont bf = font;
    bf.setPixelSize(std::max(9, int(std::lround(r.height() * (rank >= 10 ? 0.55 : 0.68)))));
    p.setFont(bf);
    p.setPen(Palette::textOn(fill));
    p.drawText(r, Qt::AlignCenter, QString::number(rank));
}

void NumaView::paintCard(QPainter& p, const CardFonts& f, const Card& c, double t) const
{
    const Machine& m = m_ctx->machine();
    const Machine& before = m_ctx->previousMachine();
    const Event* e = stepEvent();
    const std::uint64_t ps = m.pageSize();
    const QFontMetricsF fms(f.small), fmb(f.bold), fmsb(f.smallBold);
    const bool selected = c.node == m_node;
    const std::optional<Spill> sp = spill();
    const bool target = sp && sp->confirmed && sp->to == c.node;

    // The card.
    p.setPen(selected ? QPen(Palette::text(), Palette::line(2.5))
            : target  ? QPen(hot(), Palette::line(2.5))
                      : QPen(Palette::gridLine(), Palette::line(1.2)));
    p.setBrush(Palette::tint(Palette::text(), Palette::isDark() ? 0.08 : 0.04));
    p.drawRoundedRect(c.rect, 8, 8);

    // Title: the node, a tag for the selected one, its CPUs on the right.
    p.setFont(f.bold);
    p.setPen(Palette::text());
    const QString name = tr("Node %1").arg(c.node);
    const qreal nameW = fmb.horizontalAdvance(name);
    p.drawText(
        QRectF(c.title.left(), c.title.top(), nameW + 2, c.title.height()), Qt::AlignLeft | Qt::AlignVCenter, name);
    qreal x = c.title.left() + nameW + std::round(f.px * 0.5);
    const QString cpus = cpuText(c.node);
    const qreal cpuW = fms.horizontalAdvance(cpus);
    if (selected && m.nodes.size() > 1) {
        const QString tag = walkNode() == c.node ? tr("preferred") : tr("selected");
        const qreal tw = fmsb.horizontalAdvance(tag) + 10, th = fmsb.height() + 2;
        if (x + tw + 8 + cpuW <= c.title.right()) {
            const QRectF tr_(x, c.title.center().y() - th / 2, tw, th);
            p.setPen(Qt::NoPen);
            p.setBrush(Palette::text());
            p.drawRoundedRect(tr_, th / 2, th / 2);
            p.setFont(f.smallBold);
            p.setPen(Palette::background());
            p.drawText(tr_, Qt::AlignCenter, tag);
            x = tr_.right() + 8;
        }
    }
    // The CPUs when they fit whole (the tooltip has them otherwise).
    const QRectF cpuRect(x, c.title.top(), c.title.right() - x, c.title.height());
    if (cpuW <= cpuRect.width()) {
        p.setFont(f.small);
        p.setPen(Palette::mutedText());
        p.drawText(cpuRect, Qt::AlignRight | Qt::AlignVCenter, cpus);
    }

    // Memory and free memory.
    const std::uint64_t managed = nodeManaged(m, c.node), free = nodeFree(m, c.node);
    if (m_detail >= 2) {
        const std::uint64_t pct = managed ? (free * 100 + managed / 2) / managed : 0;
        QString s = tr("%1 RAM · %2 free (%3 %)")
                        .arg(EventText::bytes(nodeRamBytes(m, c.node)), EventText::bytes(free * ps))
                        .arg(pct);
        const QRectF r(c.title.left(), c.title.bottom(), c.title.width(), f.slh);
        if (fms.horizontalAdvance(s) > r.width())
            s = tr("%1 · %2 free").arg(EventText::bytes(nodeRamBytes(m, c.node)), EventText::bytes(free * ps));
        p.setPen(Palette::text());
        p.drawText(r, Qt::AlignLeft | Qt::AlignVCenter, fms.elidedText(s, Qt::ElideRight, r.width()));
    }
    const QColor track = Palette::tint(Palette::text(), Palette::isDark() ? 0.14 : 0.08);
    if (!c.freeBar.isEmpty() && managed > 0) {
        // One segment per zone, lowest zone first: the node's free pages in the zones' colours.
        p.setPen(Qt::NoPen);
        p.setBrush(track);
        p.drawRect(c.freeBar);
        qreal bx = c.freeBar.left();
        const auto zones = zonesOf(m, c.node);
        for (auto it = zones.rbegin(); it != zones.rend(); ++it) {
            const std::uint64_t was = freeBefore(before, m, *it), now = m.zones[std::size_t(*it)].freePages;
            const double pages = double(was) + (double(now) - double(was)) * t;
            const qreal w = c.freeBar.width() * pages / double(managed);
            p.setBrush(Palette::zone(m.zones[std::size_t(*it)].type));
            p.drawRect(QRectF(bx, c.freeBar.top(), w, c.freeBar.height()));
            bx += w;
        }
        p.setPen(QPen(Palette::gridLine(), Palette::line(1)));
        p.setBrush(Qt::NoBrush);
        p.drawRect(c.freeBar);
    }

    // Zones: badge, name, bar with the watermarks.
    const std::uint8_t usedZone
        = e && (e->type == EventType::BuddyAlloc || e->type == EventType::NodeFallback) ? e->zone : kNoZone;
    for (const ZoneRow& r : c.zones) {
        const Zone& z = m.zones[std::size_t(r.zoneId)];
        const Check chk = checkOf(r.zoneId);
        const bool now = checkingZone() == r.zoneId;
        if (chk != Check::None) {
            const QColor rc = chk == Check::Pass ? passColour() : failColour();
            const double a = (now ? std::min(1.0, t * 2) : 1.0) * (Palette::isDark() ? 0.26 : 0.16);
            p.setPen(now ? QPen(Palette::withAlpha(rc, 0.9), Palette::line(1.5)) : Qt::NoPen);
            p.setBrush(Palette::withAlpha(rc, a));
            p.drawRoundedRect(r.row.adjusted(-3, 0, 3, 0), 5, 5);
        }
        if (r.zoneId == usedZone) {
            p.setPen(QPen(hot(), Palette::line(2)));
            p.setBrush(Qt::NoBrush);
            p.drawRoundedRect(r.row.adjusted(-3, 0, 3, 0), 5, 5);
        }
        if (m_ctx->selectedFrame() && z.contains(*m_ctx->selectedFrame())) {
            p.setPen(QPen(Palette::text(), Palette::line(1), Qt::DotLine));
            p.setBrush(Qt::NoBrush);
            p.drawRoundedRect(r.row.adjusted(-2, 1, 2, -1), 4, 4);
        }
        if (r.rank > 0)
            paintBadge(p, f.smallBold, r.badge, r.rank, r.zoneId);
        else {
            p.setPen(QPen(Palette::gridLine(), Palette::line(1), Qt::DashLine));
            p.setBrush(Qt::NoBrush);
            p.drawEllipse(r.badge.adjusted(2, 2, -2, -2));
        }
        p.setFont(f.smallBold);
        p.setPen(Palette::ink(Palette::zone(z.type)));
        p.drawText(QRectF(r.badge.right() + 6, r.row.top(), r.bar.left() - r.badge.right() - 8, r.row.height()),
            Qt::AlignLeft | Qt::AlignVCenter, EventText::zoneName(z.type));

        const QRectF& b = r.bar;
        p.setPen(Qt::NoPen);
        p.setBrush(track);
        p.drawRect(b);
        const std::uint64_t was = freeBefore(before, m, r.zoneId);
        const double fWas = r.scale.fraction(was), fNow = r.scale.fraction(z.freePages);
        const double frac = fWas + (fNow - fWas) * t;
        const QColor fillC = z.freePages <= z.mark(Wmark::Min) ? Palette::watermark(Wmark::Min)
            : z.freePages <= z.mark(Wmark::Low)                ? Palette::watermark(Wmark::Low)
                                                               : Palette::zone(z.type);
        p.setBrush(fillC);
        p.drawRect(QRectF(b.left(), b.top(), b.width() * frac, b.height()));
        p.setPen(QPen(Palette::gridLine(), Palette::line(1)));
        p.setBrush(Qt::NoBrush);
        p.drawRect(b);
        if (r.scale.hasBreak() && b.width() >= 40) {
            const qreal bx = b.left() + ZoneBarScale::kZoomShare * b.width();
            p.setPen(QPen(Palette::background(), Palette::line(3)));
            p.drawLine(QPointF(bx - 2, b.bottom() + 1), QPointF(bx + 2, b.top() - 1));
            p.setPen(QPen(Palette::mutedText(), Palette::line(1.2)));
            p.drawLine(QPointF(bx - 2, b.bottom() + 1), QPointF(bx + 2, b.top() - 1));
        }
        for (Wmark w : { Wmark::Min, Wmark::Low, Wmark::High }) {
            const qreal mx = b.left() + b.width() * r.scale.fraction(z.mark(w));
            p.setPen(QPen(Palette::ink(Palette::watermark(w)), Palette::line(2)));
            p.drawLine(QPointF(mx, b.top() - 3), QPointF(mx, b.bottom() + 3));
        }
        if (b.right() + 6 < r.row.right() - 20) {
            // Free memory in bytes, not a share: the bar magnifies the watermarks.
            const QRectF tr_(b.right() + 4, r.row.top(), r.row.right() - b.right() - 4, r.row.height());
            const QString s = EventText::bytes(z.freePages * ps);
            if (fms.horizontalAdvance(s) <= tr_.width()) {
                p.setFont(f.small);
                p.setPen(Palette::mutedText());
                p.drawText(tr_, Qt::AlignRight | Qt::AlignVCenter, s);
            }
        }
    }
}

void NumaView::paintSpill(QPainter& p, const Fonts& f) const
{
    const std::optional<Spill> s = spill();
    if (!s || s->shown <= 0) return;
    const double shown = smooth(s->shown);
    // The arrow grows from the preferred node to the node that gives the pages.
    QPainterPath part;
    const int steps = 40;
    for (int i = 0; i <= steps; ++i) {
        const double at = shown * i / steps;
        const QPointF q = s->path.pointAtPercent(at);
        if (i == 0)
            part.moveTo(q);
        else
            part.lineTo(q);
    }
    const QColor c = s->confirmed ? hot() : Palette::faded(hot(), 0.3);
    const qreal w = std::max(3.0, f.px * 0.3);
    p.setBrush(Qt::NoBrush);
    p.setPen(QPen(Palette::background(), Palette::line(w + 4), Qt::SolidLine, Qt::RoundCap));
    p.drawPath(part);
    p.setPen(QPen(c, Palette::line(w), s->confirmed ? Qt::SolidLine : Qt::DashLine, Qt::RoundCap));
    p.drawPath(part);
    // The head at the tip.
    const QPointF tip = s->path.pointAtPercent(shown);
    const double ang = -s->path.angleAtPercent(shown) * std::numbers::pi / 180;
    const qreal hl = std::max(12.0, f.px * 1.1);
    QPolygonF head;
    head << tip << tip - QPointF(std::cos(ang - 0.45), std::sin(ang - 0.45)) * hl
         << tip - QPointF(std::cos(ang + 0.45), std::sin(ang + 0.45)) * hl;
    p.setPen(QPen(Palette::background(), Palette::line(1.5)));
    p.setBrush(c);
    p.drawPolygon(head);
}

void NumaView::paintBottom(QPainter& p, const Fonts& f) const
{
    const Machine& m = m_ctx->machine();
    const QFontMetricsF fmMono(f.mono);
    // The kernel's boot line.
    if (!m_fallbackText.isEmpty()) {
        p.setFont(f.line);
        p.setPen(Palette::text());
        p.drawText(m_fallbackText, Qt::AlignLeft | Qt::AlignVCenter,
            QFontMetricsF(f.line).elidedText(fallbackLine(), Qt::ElideRight, m_fallbackText.width()));
    }
    if (!m_chipsLabel.isEmpty()) {
        p.setFont(m_chipsSmall ? f.small : f.text);
        p.setPen(Palette::mutedText());
        p.drawText(m_chipsLabel, Qt::AlignLeft | Qt::AlignVCenter,
            tr("Zonelist up to %1:").arg(EventText::zoneName(highestZone())));
    }
    for (std::size_t i = 0; i < m_chips.size(); ++i) {
        const Chip& c = m_chips[i];
        const Check chk = checkOf(c.zoneId);
        const QColor edge = chk == Check::Pass ? passColour() : chk == Check::Fail ? failColour() : Palette::gridLine();
        p.setPen(QPen(edge, Palette::line(chk == Check::None ? 1 : 1.8)));
        p.setBrush(Palette::tint(Palette::text(), Palette::isDark() ? 0.08 : 0.04));
        p.drawRoundedRect(c.rect, c.rect.height() / 2, c.rect.height() / 2);
        const qreal d = c.rect.height() - 4;
        const QFont& chipFont = m_chipsSmall ? f.smallBold : f.bold;
        paintBadge(p, chipFont, QRectF(c.rect.left() + 2, c.rect.top() + 2, d, d), c.rank, c.zoneId);
        const Zone& z = m.zones[std::size_t(c.zoneId)];
        p.setFont(chipFont);
        p.setPen(Palette::ink(Palette::zone(z.type)));
        p.drawText(QRectF(c.rect.left() + d + 6, c.rect.top(), c.rect.width() - d - 8, c.rect.height()),
            Qt::AlignLeft | Qt::AlignVCenter, QString::fromStdString(numa::zoneLabel(m, c.zoneId)));
        if (i + 1 < m_chips.size() && m_chips[i + 1].rect.top() == c.rect.top()) {
            p.setFont(m_chipsSmall ? f.small : f.text);
            p.setPen(Palette::mutedText());
            p.drawText(
                QRectF(c.rect.right(), c.rect.top(), m_chips[i + 1].rect.left() - c.rect.right(), c.rect.height()),
                Qt::AlignCenter, u"→"_s);
        }
    }

    // numastat: one column per node, the counters that changed in this step highlighted.
    if (m_table.isEmpty()) return;
    const Machine& before = m_ctx->previousMachine();
    const int n = int(m.nodes.size());
    const qreal rowH = (m_table.height() - 4) / 6;
    qreal labelW = 0;
    for (const StatRow& r : kStatRows)
        labelW = std::max(labelW, fmMono.horizontalAdvance(QString::fromLatin1(r.label)));
    labelW += fmMono.horizontalAdvance(u"  "_s);
    const qreal colW = (m_table.width() - labelW) / std::max(1, n);
    p.setFont(f.monoBold);
    p.setPen(Palette::mutedText());
    p.drawText(QRectF(m_table.left(), m_table.top(), labelW, rowH), Qt::AlignLeft | Qt::AlignVCenter, u"numastat"_s);
    for (int i = 0; i < n; ++i) {
        p.setPen(i == m_node ? Palette::text() : Palette::mutedText());
        p.drawText(QRectF(m_table.left() + labelW + colW * i, m_table.top(), colW, rowH),
            Qt::AlignRight | Qt::AlignVCenter, u"node%1"_s.arg(i));
    }
    p.setPen(QPen(Palette::gridLine(), Palette::line(1)));
    p.drawLine(QPointF(m_table.left(), m_table.top() + rowH + 1), QPointF(m_table.right(), m_table.top() + rowH + 1));
    std::vector<NodeNumaStat> now, was;
    for (int i = 0; i < n; ++i) {
        now.push_back(nodeNumaStat(m, i));
        was.push_back(std::size_t(i) < before.nodes.size() ? nodeNumaStat(before, i) : now.back());
    }
    for (std::size_t r = 0; r < kStatRows.size(); ++r) {
        const qreal y = m_table.top() + 3 + rowH * qreal(r + 1);
        p.setFont(f.mono);
        p.setPen(Palette::mutedText());
        p.drawText(QRectF(m_table.left(), y, labelW, rowH), Qt::AlignLeft | Qt::AlignVCenter,
            QString::fromLatin1(kStatRows[r].label));
        for (int i = 0; i < n; ++i) {
            const std::uint64_t v = now[std::size_t(i)].*kStatRows[r].field;
            const bool changed = v != was[std::size_t(i)].*kStatRows[r].field;
            p.setFont(changed ? f.monoBold : f.mono);
            p.setPen(changed ? hot() : Palette::text());
            p.drawText(QRectF(m_table.left() + labelW + colW * i, y, colW, rowH), Qt::AlignRight | Qt::AlignVCenter,
                QString::number(v));
        }
    }
}

// ---- interaction ----------------------------------------------------------------------

bool NumaView::event(QEvent* event)
{
    if (event->type() == QEvent::ToolTip) {
        auto* he = static_cast<QHelpEvent*>(event);
        ensureLayout();
        const QPointF pos = he->pos();
        const Machine& m = m_ctx->machine();
        if (const int z = zoneAt(pos); z >= 0) {
            QToolTip::showText(he->globalPos(), zoneTooltip(z), this);
            return true;
        }
        if (const int n = nodeAt(pos); n >= 0) {
            QToolTip::showText(
                he->globalPos(), nodeTooltip(n) + u"<br>"_s + tr("Click to show its fallback order."), this);
            return true;
        }
        for (const Edge& e : m_edges)
            if (e.labelled && e.label.contains(pos)) {
                QToolTip::showText(he->globalPos(),
                    tr("node_distance(%1, %2) = %3: the SLIT's relative cost of node %1 reaching node %2's memory "
                       "(10 is a node's own memory).")
                        .arg(e.a)
                        .arg(e.b)
                        .arg(e.distance),
                    this);
                return true;
            }
        if (m_table.contains(pos)) {
            const qreal rowH = (m_table.height() - 4) / 6;
            const int row = int((pos.y() - m_table.top() - 3) / rowH) - 1;
            const QString tips[] = {
                tr("numa_hit: allocations that got memory on the node they preferred (counted on that node)."),
                tr("numa_miss: allocations that preferred another node but got memory on this one."),
                tr("numa_foreign: allocations that preferred this node but got memory on another one."),
                tr("local_node: allocations satisfied here for a CPU of this node."),
                tr("other_node: allocations satisfied here for a CPU of another node."),
            };
            if (row >= 0 && row < 5) {
                QToolTip::showText(he->globalPos(), tips[row], this);
                return true;
            }
        }
        if (m_fallbackText.contains(pos) && m.nodes.size() > 0) {
            QToolTip::showText(he->globalPos(),
                tr("build_zonelists() prints this at boot: the nodes by find_next_best_node(), nearest first, ties "
                   "taken in turn."),
                this);
            return true;
        }
        QToolTip::hideText();
        return true;
    }
    return QWidget::event(event);
}

void NumaView::mousePressEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton) {
        QWidget::mousePressEvent(event);
        return;
    }
    const Machine& m = m_ctx->machine();
    const QPointF pos = event->position();
    if (const int z = zoneAt(pos); z >= 0) {
        const Zone& zone = m.zones[std::size_t(z)];
        // Inside a card the click also selects the node; a chip only the frame.
        if (nodeAt(pos) >= 0) setSelectedNode(zone.node);
        m_ctx->setSelectedFrame(zone.startPfn);
        event->accept();
        return;
    }
    if (const int n = nodeAt(pos); n >= 0) {
        setSelectedNode(n);
        event->accept();
        return;
    }
    QWidget::mousePressEvent(event);
}

void NumaView::mouseMoveEvent(QMouseEvent* event)
{
    // A hand over what a click selects: a card (its node) or a zone (its first frame).
    const QPointF pos = event->position();
    const bool clickable = nodeAt(pos) >= 0 || zoneAt(pos) >= 0;
    if (clickable != (cursor().shape() == Qt::PointingHandCursor)) {
        if (clickable)
            setCursor(Qt::PointingHandCursor);
        else
            unsetCursor();
    }
    QWidget::mouseMoveEvent(event);
}

} // namespace memviz
