#include "KernelSpaceView.h"

#include "EventText.h"
#include "ViewContext.h"
#include "alloc/KernelMap.h"
#include "sim/Machine.h"
#include "sim/Simulator.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEasingCurve>
#include <QEvent>
#include <QFontMetricsF>
#include <QHelpEvent>
#include <QLabel>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QResizeEvent>
#include <QToolTip>

#include <algorithm>
#include <array>
#include <cmath>

namespace memviz {

using namespace Qt::StringLiterals;

namespace {

constexpr double kLogUnit = 4096.0; ///< the log scale counts pages
constexpr std::size_t kMaxLinesPerGroup = 400; ///< more mapped pages than this: every n-th gets a line
constexpr std::size_t kMaxBandLines = 600; ///< slab and kmalloc lines inside the direct-map band
constexpr std::uint64_t kEventLookBack = 200000; ///< events searched back for the last kmalloc and vmalloc
constexpr std::size_t kCompareMaxPages = 32; ///< pages a panel card draws

using V = KernelSpaceView;

bool isCanonicalHole(const KernelRegion& r)
{
    return r.kind == KernelRegionKind::Hole && r.name == "non-canonical";
}
bool isVmallocOffset(const KernelRegion& r)
{
    return r.kind == KernelRegionKind::Hole && r.name == "VMALLOC_OFFSET";
}
/// Bytes of a region (end 0 is 2^64, which the unsigned subtraction gets right).
std::uint64_t sizeOf(const KernelRegion& r)
{
    return r.end - r.start;
}

QString hex(std::uint64_t v)
{
    return EventText::hex(v);
}
QString bytes(std::uint64_t v)
{
    return v == 0 ? u"0"_s : EventText::bytes(v);
}
/// A region's size for a label: "896 MiB", "≈104 MiB" (104 MiB less two guard pages).
QString sizeText(std::uint64_t v)
{
    QString s = bytes(v);
    if (s.contains(u".0 "_s)) s = u'≈' + s.replace(u".0 "_s, u" "_s);
    return s;
}

QString num(std::uint64_t v)
{
    return QLocale().toString(qulonglong(v));
}
QString latin1(std::string_view s)
{
    return QString::fromLatin1(s.data(), qsizetype(s.size()));
}

/// Highlight colour for text and lines: lifted on the dark theme.
QColor hot()
{
    return Palette::isDark() ? Palette::highlight().lighter(140) : Palette::highlight();
}

QColor kmapColour()
{
    return Palette::isDark() ? QColor(0x4f, 0xd1, 0xd9) : QColor(0x00, 0x83, 0x8f);
}
QColor directColour()
{
    return Palette::isDark() ? QColor(0x6f, 0x9c, 0xe0) : QColor(0x3a, 0x6e, 0xb8);
}

QColor lineColour(V::LineKind k)
{
    switch (k) {
    case V::LineKind::Vmalloc:
        return Palette::frame(ZoneType::Count, FrameState::Vmalloc);
    case V::LineKind::KernelStack:
    case V::LineKind::DirectStack:
        return Palette::frame(ZoneType::Count, FrameState::KernelStack);
    case V::LineKind::Pkmap:
    case V::LineKind::KmapLocal:
    case V::LineKind::DirectPage:
        return kmapColour();
    case V::LineKind::Slab:
        return Palette::frame(ZoneType::Count, FrameState::Slab);
    case V::LineKind::Kmalloc: {
        const QColor c = Palette::frame(ZoneType::Count, FrameState::Slab);
        return Palette::isDark() ? c.lighter(125) : c.darker(125);
    }
    }
    return Palette::mutedText();
}

QColor regionFill(KernelRegionKind k)
{
    const QColor bg = Palette::background();
    const double a = Palette::isDark() ? 0.42 : 0.32;
    switch (k) {
    case KernelRegionKind::DirectMap:
        return Palette::mix(bg, directColour(), a + 0.08);
    case KernelRegionKind::Vmalloc:
        return Palette::mix(bg, lineColour(V::LineKind::Vmalloc), a);
    case KernelRegionKind::Pkmap:
    case KernelRegionKind::Fixmap:
        return Palette::mix(bg, kmapColour(), a);
    case KernelRegionKind::KernelText:
    case KernelRegionKind::Modules:
        return Palette::mix(bg, Palette::frame(ZoneType::Count, FrameState::KernelImage), a);
    case KernelRegionKind::Vmemmap:
        return Palette::mix(bg, Palette::frame(ZoneType::Count, FrameState::MemMap), a + 0.05);
    case KernelRegionKind::Other:
        return Palette::mix(bg, Palette::mutedText(), 0.20);
    case KernelRegionKind::User:
        return Palette::mix(bg, Palette::mutedText(), 0.12);
    case KernelRegionKind::Hole:
        break;
    }
    return bg;
}

/// A region's label: its name, its start and size, a one-line form, and how much it
/// matters when there is no room for every label (0 most).
struct RegionText {
    QString name, shortName, detail, shortDetail, oneLine;
    int priority = 9;
    bool labelled = true;
};

RegionText regionText(const Machine& m, const KernelRegion& r)
{
    const KernelLayout& l = m.kmem.layout;
    const bool is32 = m.config.arch.is32bit;
    const std::uint64_t size = sizeOf(r);
    RegionText t;
    switch (r.kind) {
    case KernelRegionKind::User:
        t.name = KernelSpaceView::tr("user space");
        t.detail = KernelSpaceView::tr("0 – %1 · %2, not to scale").arg(hex(r.end - 1), bytes(size));
        t.priority = 1;
        break;
    case KernelRegionKind::DirectMap:
        t.name = is32 ? KernelSpaceView::tr("direct map (lowmem)") : KernelSpaceView::tr("direct map");
        t.priority = 0;
        break;
    case KernelRegionKind::Vmalloc:
        t.name = KernelSpaceView::tr("vmalloc area");
        t.priority = 0;
        break;
    case KernelRegionKind::Pkmap:
        t.name = KernelSpaceView::tr("pkmap (kmap window)");
        t.priority = 1;
        break;
    case KernelRegionKind::Fixmap:
        t.name = l.kmapLocalSlots ? KernelSpaceView::tr("fixmap (kmap_local slots)") : KernelSpaceView::tr("fixmap");
        t.priority = 1;
        break;
    case KernelRegionKind::KernelText:
        t.name = KernelSpaceView::tr("kernel text");
        t.priority = 2;
        break;
    case KernelRegionKind::Modules:
        t.name = KernelSpaceView::tr("modules");
        t.priority = 2;
        break;
    case KernelRegionKind::Vmemmap:
        t.name = KernelSpaceView::tr("vmemmap (struct pages)");
        t.priority = 2;
        break;
    case KernelRegionKind::Other:
        t.name = latin1(r.name);
        t.priority = 3;
        break;
    case KernelRegionKind::Hole:
        if (isVmallocOffset(r)) {
            t.name = KernelSpaceView::tr("gap (VMALLOC_OFFSET)");
            t.priority = 2;
        } else if (isCanonicalHole(r)) {
            t.name = KernelSpaceView::tr("non-canonical hole");
            t.detail = KernelSpaceView::tr("no addresses here");
            t.priority = 3;
        } else {
            t.labelled = false;
        }
        break;
    }
    switch (r.kind) {
    case KernelRegionKind::DirectMap:
        t.shortName = KernelSpaceView::tr("direct map");
        break;
    case KernelRegionKind::Vmalloc:
        t.shortName = KernelSpaceView::tr("vmalloc");
        break;
    case KernelRegionKind::Pkmap:
        t.shortName = KernelSpaceView::tr("pkmap");
        break;
    case KernelRegionKind::Fixmap:
        t.shortName = KernelSpaceView::tr("fixmap");
        break;
    case KernelRegionKind::Vmemmap:
        t.shortName = KernelSpaceView::tr("vmemmap");
        break;
    case KernelRegionKind::User:
        t.shortName = KernelSpaceView::tr("user");
        break;
    case KernelRegionKind::Hole:
        t.shortName = isCanonicalHole(r) ? KernelSpaceView::tr("non-canonical") : KernelSpaceView::tr("gap");
        break;
    default:
        t.shortName = t.name;
        break;
    }
    if (t.detail.isEmpty()) t.detail = KernelSpaceView::tr("%1 · %2").arg(hex(r.start), sizeText(size));
    t.shortDetail = r.kind == KernelRegionKind::User ? KernelSpaceView::tr("%1, not to scale").arg(bytes(size))
        : isCanonicalHole(r)                         ? t.detail
                                                     : sizeText(size);
    t.oneLine = r.kind == KernelRegionKind::User || isCanonicalHole(r) ? t.name
                                                                       : KernelSpaceView::tr("%1 · %2").arg(t.name, sizeText(size));
    return t;
}

QString regionDescription(const Machine& m, const KernelRegion& r)
{
    const KernelLayout& l = m.kmem.layout;
    const bool is32 = m.config.arch.is32bit;
    switch (r.kind) {
    case KernelRegionKind::User:
        return KernelSpaceView::tr("The process's own addresses. Every process has its own; the kernel half above is the same in "
                     "every process.");
    case KernelRegionKind::DirectMap:
        if (is32)
            return KernelSpaceView::tr(
                "Lowmem mapped 1:1 at PAGE_OFFSET: virtual = physical + %1. kmalloc, the slab caches and page "
                "tables live here. It ends at high_memory (%2): frames above %3 (HighMem) have no address here.")
                .arg(hex(l.pageOffset), hex(l.highMemory), bytes(l.highMemory - l.pageOffset));
        return KernelSpaceView::tr("All of RAM mapped 1:1 at PAGE_OFFSET: virtual = physical + %1; %2 of RAM in a region of %3. "
                     "kmalloc and the slab caches live here.")
            .arg(hex(l.pageOffset), bytes(l.highMemory - l.pageOffset), bytes(sizeOf(r)));
    case KernelRegionKind::Vmalloc:
        return is32 ? KernelSpaceView::tr("vmalloc() reserves virtually contiguous areas here (a guard page after each) and maps "
                            "any free frames into them, one page at a time, HighMem first.")
                    : KernelSpaceView::tr("vmalloc() reserves virtually contiguous areas here (a guard page after each) and maps "
                            "any free frames into them, one page at a time. Kernel stacks are vmalloc'd too "
                            "(CONFIG_VMAP_STACK).");
    case KernelRegionKind::Pkmap:
        return KernelSpaceView::tr("%1 slots for kmap(): a HighMem page keeps its slot while it is used; slots no longer used are "
                     "freed when the search for a free slot wraps around.")
            .arg(l.lastPkmap);
    case KernelRegionKind::Fixmap:
        if (l.kmapLocalSlots)
            return KernelSpaceView::tr("Addresses fixed at compile time. Among them %1 kmap_local (kmap_atomic) slots per CPU: "
                         "short-lived mappings of HighMem pages, used like a stack.")
                .arg(l.kmapLocalSlots);
        return KernelSpaceView::tr("Addresses fixed at compile time (local APIC, early ioremap, ...).");
    case KernelRegionKind::KernelText:
        return KernelSpaceView::tr("The kernel image, mapped at __START_KERNEL_map (%1); _text is at %2.")
            .arg(hex(l.startKernelMap), hex(l.kernelTextStart));
    case KernelRegionKind::Modules:
        return KernelSpaceView::tr("Loadable modules are mapped here.");
    case KernelRegionKind::Vmemmap:
        return KernelSpaceView::tr("The struct page array: one entry for every frame.");
    case KernelRegionKind::Other:
        return KernelSpaceView::tr("The kernel uses this for %1; memviz does not simulate it.").arg(latin1(r.name));
    case KernelRegionKind::Hole:
        if (isVmallocOffset(r))
            return KernelSpaceView::tr("A gap between the direct map and the vmalloc area: a stray access past either faults.");
        if (isCanonicalHole(r))
            return KernelSpaceView::tr(
                "Not canonical: the CPU refuses these addresses, so user and kernel halves sit at the two ends.");
        return KernelSpaceView::tr("Unused.");
    }
    return QString();
}

/// Stacks boxes of heights h (sorted by wanted centre, top first) between lo and hi
/// without overlap, each as near its centre as it can be. False when they do not fit.
bool stack(std::vector<double>& top, const std::vector<double>& want, const std::vector<double>& h, double lo,
    double hi, double gap)
{
    const std::size_t n = want.size();
    top.assign(n, 0);
    if (n == 0) return true;
    double need = -gap;
    for (double x : h) need += x + gap;
    if (need > hi - lo + 0.5) return false;
    double prev = lo - gap;
    for (std::size_t i = 0; i < n; ++i) {
        top[i] = std::max(want[i] - h[i] / 2, prev + gap);
        prev = top[i] + h[i];
    }
    double next = hi + gap;
    for (std::size_t i = n; i-- > 0;) {
        top[i] = std::min(top[i], next - gap - h[i]);
        next = top[i];
    }
    return true;
}

/// A zig-zag across a vertical bar at y: the mark of a break in the scale.
void drawBreak(QPainter& p, double left, double right, double y, double amp)
{
    QPainterPath zig;
    const int teeth = std::max(2, int((right - left + 6) / 6));
    const double step = (right - left + 6) / teeth;
    zig.moveTo(left - 3, y);
    for (int i = 1; i <= teeth; ++i) zig.lineTo(left - 3 + step * i, y + ((i % 2) ? -amp : amp));
    p.setBrush(Qt::NoBrush);
    p.setPen(QPen(Palette::background(), Palette::line(4)));
    p.drawPath(zig);
    p.setPen(QPen(Palette::mutedText(), Palette::line(1.3)));
    p.drawPath(zig);
}

double distanceToSegment(QPointF p, QPointF a, QPointF b)
{
    const QPointF d = b - a;
    const double len2 = QPointF::dotProduct(d, d);
    double t = len2 > 0 ? QPointF::dotProduct(p - a, d) / len2 : 0;
    t = std::clamp(t, 0.0, 1.0);
    const QPointF q = a + d * t;
    return std::hypot(p.x() - q.x(), p.y() - q.y());
}

/// "250000–250003, 249010, …": frames in page order, consecutive ones as a range.
QString frameList(const std::vector<Pfn>& frames, std::size_t maxParts)
{
    QStringList parts;
    std::size_t i = 0;
    while (i < frames.size()) {
        std::size_t j = i;
        while (j + 1 < frames.size() && frames[j + 1] == frames[j] + 1) ++j;
        if (parts.size() >= qsizetype(maxParts)) {
            parts << u"…"_s;
            break;
        }
        parts << (j > i ? QString::number(frames[i]) + u'–' + QString::number(frames[j]) : QString::number(frames[i]));
        i = j + 1;
    }
    return parts.join(u", "_s);
}

int runsOf(const std::vector<Pfn>& frames)
{
    int runs = frames.empty() ? 0 : 1;
    for (std::size_t i = 1; i < frames.size(); ++i) runs += frames[i] != frames[i - 1] + 1;
    return runs;
}

} // namespace

// ---- KernelSpaceScale -----------------------------------------------------------------

KernelSpaceScale KernelSpaceScale::make(Mode mode, const KernelLayout& l)
{
    KernelSpaceScale s;
    s.mode = mode;
    struct Piece {
        Segment seg;
        double fixed = -1; ///< a fixed share (the user stub, the non-canonical hole)
        bool hole = false;
        double weight = 0; ///< bytes its share by size counts (the whole region for a direct map's RAM part)
    };
    std::vector<Piece> pieces;
    for (std::size_t i = 0; i < l.regions.size(); ++i) {
        const KernelRegion& r = l.regions[i];
        const std::uint64_t size = sizeOf(r);
        if (size == 0) continue;
        Piece p;
        p.seg.start = r.start;
        p.seg.size = size;
        p.seg.region = static_cast<int>(i);
        p.weight = double(size);
        if (r.kind == KernelRegionKind::User) {
            p.fixed = kUserShare;
            p.seg.broken = true;
        } else if (isCanonicalHole(r)) {
            p.fixed = kCanonShare;
            p.seg.broken = true;
            p.hole = true;
        } else if (mode == Mode::Break && r.kind == KernelRegionKind::DirectMap && l.highMemory > r.start
            && l.highMemory - r.start < size) {
            // The part that maps RAM, with the room of the whole region (the band starts
            // there), then the rest of the region behind a break.
            Piece ram = p;
            ram.seg.size = l.highMemory - r.start;
            pieces.push_back(ram);
            p.seg.start = l.highMemory;
            p.seg.size = size - ram.seg.size;
            p.seg.broken = true;
            p.hole = true;
        } else {
            p.hole = r.kind == KernelRegionKind::Hole;
            p.seg.broken = mode == Mode::Break && p.hole;
        }
        pieces.push_back(p);
    }
    if (pieces.empty()) return s;

    double fixedSum = 0;
    for (const Piece& p : pieces)
        if (p.fixed >= 0) fixedSum += p.fixed;
    const double avail = std::max(0.1, 1.0 - fixedSum);
    std::vector<double> share(pieces.size(), 0.0);
    switch (mode) {
    case Mode::Linear: {
        double total = 0;
        for (const Piece& p : pieces)
            if (p.fixed < 0) total += double(p.seg.size);
        for (std::size_t i = 0; i < pieces.size(); ++i)
            if (pieces[i].fixed < 0 && total > 0) share[i] = avail * double(pieces[i].seg.size) / total;
        break;
    }
    case Mode::Log: {
        double total = 0;
        std::vector<double> w(pieces.size(), 0.0);
        for (std::size_t i = 0; i < pieces.size(); ++i)
            if (pieces[i].fixed < 0) {
                w[i] = std::log2(std::max(double(pieces[i].seg.size), kLogUnit) / kLogUnit) + 3;
                total += w[i];
            }
        for (std::size_t i = 0; i < pieces.size(); ++i)
            if (total > 0) share[i] = avail * w[i] / total;
        break;
    }
    case Mode::Break: {
        int holes = 0, regions = 0;
        double sizes = 0;
        for (const Piece& p : pieces) {
            if (p.fixed >= 0) continue;
            if (p.hole) {
                ++holes;
            } else {
                ++regions;
                sizes += p.weight;
            }
        }
        const double holeShare = holes ? std::min(0.03, 0.3 * avail / holes) : 0.0;
        const double rest = avail - holes * holeShare;
        const double minEach = regions ? 0.45 * rest / regions : 0.0;
        const double byScale = rest - regions * minEach;
        for (std::size_t i = 0; i < pieces.size(); ++i) {
            if (pieces[i].fixed >= 0) continue;
            share[i] = pieces[i].hole ? holeShare : minEach + (sizes > 0 ? byScale * pieces[i].weight / sizes : 0.0);
        }
        break;
    }
    }
    double total = 0;
    for (std::size_t i = 0; i < pieces.size(); ++i) total += pieces[i].fixed >= 0 ? pieces[i].fixed : share[i];
    double acc = 0;
    for (std::size_t i = 0; i < pieces.size(); ++i) {
        Segment g = pieces[i].seg;
        g.from = acc / total;
        acc += pieces[i].fixed >= 0 ? pieces[i].fixed : share[i];
        g.to = acc / total;
        s.segments.push_back(g);
    }
    s.segments.back().to = 1.0;
    return s;
}

const KernelSpaceScale::Segment* KernelSpaceScale::segmentOf(std::uint64_t va) const
{
    if (segments.empty()) return nullptr;
    auto it = std::upper_bound(
        segments.begin(), segments.end(), va, [](std::uint64_t v, const Segment& g) { return v < g.start; });
    if (it == segments.begin()) return nullptr;
    --it;
    return va - it->start < it->size ? &*it : nullptr;
}

double KernelSpaceScale::fraction(std::uint64_t va) const
{
    if (segments.empty()) return 0;
    auto it = std::upper_bound(
        segments.begin(), segments.end(), va, [](std::uint64_t v, const Segment& g) { return v < g.start; });
    if (it == segments.begin()) return segments.front().from;
    const Segment& g = *--it;
    const std::uint64_t off = va - g.start;
    if (off >= g.size) return g.to;
    const double u = mode == Mode::Log ? std::log1p(double(off) / kLogUnit) / std::log1p(double(g.size) / kLogUnit)
                                       : double(off) / double(g.size);
    return g.from + (g.to - g.from) * u;
}

double KernelSpaceScale::fractionOfEnd(std::uint64_t end) const
{
    if (segments.empty()) return 0;
    if (end == 0) return segments.back().to;
    // The end of a segment is where the next one starts: the boundary's fraction either way.
    const Segment* g = segmentOf(end - 1);
    if (g && end - g->start == g->size) return g->to;
    return fraction(end);
}

double KernelSpaceScale::share(int region) const
{
    double s = 0;
    for (const Segment& g : segments)
        if (g.region == region) s += g.to - g.from;
    return s;
}

// ---- the view -------------------------------------------------------------------------

struct KernelSpaceView::Fonts : ScaledFonts {
    explicit Fonts(const QWidget* w)
        : ScaledFonts(w, 48.0, 92.0, 22.0)
    {
    }
};

struct KernelSpaceView::CompareData {
    bool hasK = false, hasV = false;
    std::uint64_t kVa = 0, kBytes = 0;
    Pfn kPfn = 0;
    int kOrder = 0;
    std::uint64_t vVa = 0, vBytes = 0;
    std::vector<Pfn> vPages;
};

QRectF KernelSpaceView::Inset::cell(std::size_t i) const
{
    const double h = rect.height() / double(std::max<std::size_t>(1, vas.size()));
    return QRectF(rect.left(), rect.bottom() - h * double(i + 1), rect.width(), h);
}

KernelSpaceView::KernelSpaceView(ViewContext* ctx, QWidget* parent)
    : QWidget(parent)
    , m_ctx(ctx)
    , m_scaleLabel(new QLabel(this))
    , m_scaleBox(new QComboBox(this))
    , m_compareBox(new QCheckBox(this))
{
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMouseTracking(true);
    m_scaleLabel->setBuddy(m_scaleBox);
    m_scaleBox->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    for (int i = 0; i < 3; ++i) m_scaleBox->addItem(QString());
    connect(m_scaleBox, &QComboBox::activated, this, [this](int i) { setScale(static_cast<Scale>(i)); });
    connect(m_compareBox, &QCheckBox::clicked, this, [this](bool on) { setCompare(on ? Compare::On : Compare::Off); });
    connect(m_ctx, &ViewContext::stateChanged, this, &KernelSpaceView::onStateChanged);
    connect(m_ctx, &ViewContext::progressChanged, this, qOverload<>(&QWidget::update));
    connect(m_ctx, &ViewContext::selectionChanged, this, qOverload<>(&QWidget::update));
    retranslate();
}

KernelSpaceView::~KernelSpaceView() = default;

KernelSpaceView::Scale KernelSpaceView::defaultScale(const Machine& m)
{
    return m.config.arch.is32bit ? Scale::Linear : Scale::Break;
}

KernelSpaceView::Scale KernelSpaceView::scale() const
{
    return m_userScale.value_or(defaultScale(m_ctx->machine()));
}

void KernelSpaceView::setScale(Scale s)
{
    const Scale before = scale();
    m_userScale = s;
    m_scaleBox->setCurrentIndex(static_cast<int>(s));
    invalidate();
    if (before != s) emit scaleChanged(s);
}

void KernelSpaceView::setCompare(Compare c)
{
    m_compare = c;
    invalidate();
}

bool KernelSpaceView::compareShown() const
{
    ensureLayout();
    return m_compareShown;
}

void KernelSpaceView::setStepEvent(std::optional<Event> e)
{
    m_override = e;
    invalidate();
}

const Event* KernelSpaceView::stepEvent() const
{
    return m_override ? &*m_override : m_ctx->currentEvent();
}

void KernelSpaceView::onStateChanged()
{
    m_override.reset();
    m_scanDirty = true;
    m_imagesDirty = true;
    invalidate();
}

void KernelSpaceView::invalidate()
{
    m_dirty = true;
    update();
}

void KernelSpaceView::retranslate()
{
    m_scaleLabel->setText(tr("&Scale:"));
    m_scaleBox->setItemText(0, tr("to scale"));
    m_scaleBox->setItemText(1, tr("breaks over holes"));
    m_scaleBox->setItemText(2, tr("logarithmic"));
    m_scaleBox->setToolTip(tr("To scale: every region as long as its addresses. Breaks: every region gets room, the "
                              "holes between them are cut short. Logarithmic: lengths by the logarithm of the size."));
    m_compareBox->setText(tr("&kmalloc vs vmalloc"));
    m_compareBox->setToolTip(tr("Set the last large kmalloc (one block of contiguous frames) beside the last vmalloc "
                                "(pages from anywhere). Shown by itself once both exist."));
    setAccessibleName(tr("Kernel address space"));
    setAccessibleDescription(tr("The kernel's virtual address regions and the physical frames they map"));
    invalidate();
}

void KernelSpaceView::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    else if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange)
        invalidate();
    QWidget::changeEvent(event);
}

void KernelSpaceView::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    if (event->size() == m_laidOut && !m_dirty) return; // grab() of a hidden view resends the size
    m_imagesDirty = true;
    invalidate();
}

bool KernelSpaceView::event(QEvent* event)
{
    if (event->type() == QEvent::ToolTip) {
        auto* he = static_cast<QHelpEvent*>(event);
        const QString s = toolTipAt(he->pos());
        if (s.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(he->globalPos(), s, this);
        return true;
    }
    return QWidget::event(event);
}

void KernelSpaceView::mousePressEvent(QMouseEvent* event)
{
    if (event->button() == Qt::LeftButton) {
        if (const auto pfn = frameAt(event->position())) {
            m_ctx->setSelectedFrame(*pfn);
            return;
        }
    }
    QWidget::mousePressEvent(event);
}

// ---- accessors ------------------------------------------------------------------------

const std::vector<KernelSpaceView::RegionBox>& KernelSpaceView::regions() const
{
    ensureLayout();
    return m_regions;
}
const std::vector<KernelSpaceView::ZoneStrip>& KernelSpaceView::strips() const
{
    ensureLayout();
    return m_strips;
}
const std::vector<KernelSpaceView::MapLine>& KernelSpaceView::lines() const
{
    ensureLayout();
    return m_lines;
}
const std::vector<KernelSpaceView::Inset>& KernelSpaceView::insets() const
{
    ensureLayout();
    return m_insets;
}
const KernelSpaceView::DirectBand& KernelSpaceView::directBand() const
{
    ensureLayout();
    return m_band;
}
const std::vector<KernelSpaceView::CompareCard>& KernelSpaceView::compareCards() const
{
    ensureLayout();
    return m_cards;
}
QRectF KernelSpaceView::virtualBar() const
{
    ensureLayout();
    return m_vbar;
}
QRectF KernelSpaceView::physicalBar() const
{
    ensureLayout();
    return m_pbar;
}
QRectF KernelSpaceView::tlbBadgeRect() const
{
    ensureLayout();
    return m_badge;
}

double KernelSpaceView::yOfAddress(std::uint64_t va) const
{
    ensureLayout();
    return m_vbar.bottom() - m_scale.fraction(va) * m_vbar.height();
}

const KernelSpaceView::ZoneStrip* KernelSpaceView::stripOf(Pfn p) const
{
    for (const ZoneStrip& s : m_strips)
        if (p >= s.start && p < s.end) return &s;
    return nullptr;
}

std::optional<QPointF> KernelSpaceView::pointOfFrame(Pfn p) const
{
    ensureLayout();
    const ZoneStrip* s = stripOf(p);
    if (!s || s->cells == 0) return std::nullopt;
    const std::uint64_t n = s->end - s->start;
    const std::uint64_t i = (p - s->start) * s->cells / n;
    const auto cols = static_cast<std::uint64_t>(s->cols);
    const double x = s->image.left() + (double(i % cols) + 0.5) * s->cellPx;
    const double y = s->image.bottom() - (double(i / cols) + 0.5) * s->cellPx;
    return QPointF(x, y);
}

std::optional<Pfn> KernelSpaceView::frameAt(QPointF pos) const
{
    ensureLayout();
    // The panel's cells.
    for (const CompareCard& c : m_cards) {
        for (std::size_t i = 0; i < c.frameCells.size() && i < c.frames.size(); ++i)
            if (c.frameCells[i].adjusted(-1, -1, 1, 1).contains(pos)) return c.frames[i];
        for (std::size_t i = 0; i < c.pageCells.size() && i < c.frames.size(); ++i)
            if (c.pageCells[i].adjusted(-1, -1, 1, 1).contains(pos)) return c.frames[i];
    }
    // An inset's cell.
    for (const Inset& in : m_insets)
        if (in.rect.adjusted(-1, -1, 1, 1).contains(pos))
            for (std::size_t i = 0; i < in.vas.size(); ++i)
                if (in.cell(i).adjusted(-1, -0.5, 1, 0.5).contains(pos))
                    return in.pfns[i] == kNoPfn ? std::nullopt : std::optional<Pfn>(in.pfns[i]);
    // A line's frame end, then anywhere along a line.
    const MapLine* best = nullptr;
    double bestD = 5;
    for (const MapLine& l : m_lines) {
        const double d = std::hypot(pos.x() - l.to.x(), pos.y() - l.to.y());
        if (d < bestD) {
            bestD = d;
            best = &l;
        }
    }
    if (best) return best->pfn;
    if (!m_pbar.contains(pos)) {
        bestD = 3;
        for (const MapLine& l : m_lines) {
            const double d = distanceToSegment(pos, l.from, l.to);
            if (d < bestD) {
                bestD = d;
                best = &l;
            }
        }
        if (best) return best->pfn;
    }
    // The physical bar.
    for (const ZoneStrip& s : m_strips) {
        if (!s.image.contains(pos) || s.cells == 0) continue;
        const auto col = static_cast<std::uint64_t>((pos.x() - s.image.left()) / s.cellPx);
        const auto row = static_cast<std::uint64_t>((s.image.bottom() - pos.y()) / s.cellPx);
        if (col >= std::uint64_t(s.cols)) continue;
        const std::uint64_t i = row * std::uint64_t(s.cols) + col;
        if (i >= s.cells) continue;
        const std::uint64_t n = s.end - s.start;
        return s.start + (i * n + s.cells - 1) / s.cells;
    }
    return std::nullopt;
}

// ---- captions -------------------------------------------------------------------------

QString KernelSpaceView::footnoteText() const
{
    return tr("Simplified: the kernel's mappings are tables, not page tables in simulated memory; KASLR is off, so "
              "every region is at its documented address; one CPU.");
}

QString KernelSpaceView::defaultCaption() const
{
    const Machine& m = m_ctx->machine();
    const KernelLayout& l = m.kmem.layout;
    if (l.regions.empty()) return QString();
    if (m.config.arch.is32bit) {
        if (!m.kmem.pkmap.empty())
            return tr("The kernel's 1 GiB of addresses (left) against physical memory (right). The first %1 of RAM "
                      "is mapped 1:1 (the band); HighMem above it has no permanent address: kmap and vmalloc map "
                      "its frames a page at a time.")
                .arg(bytes(l.highMemory - l.pageOffset));
        return tr("The kernel's 1 GiB of addresses (left) against physical memory (right). All of this machine's "
                  "RAM fits below %1 and is mapped 1:1 (the band): it has no HighMem.")
            .arg(hex(l.highMemory));
    }
    return tr("The kernel half of the address space (left) against physical memory (right). The direct map covers "
              "all of RAM (the band); vmalloc maps frames from anywhere into a virtually contiguous area.");
}

QString KernelSpaceView::captionText() const
{
    const QString s = stepCaption();
    return s.isEmpty() ? defaultCaption() : s;
}

QString KernelSpaceView::stepCaption() const
{
    const Machine& m = m_ctx->machine();
    const Event* e = stepEvent();
    if (!e) return QString();
    const auto frame = [](std::uint64_t p) { return QString::number(p); };
    switch (e->type) {
    case EventType::Vmalloc:
        switch (static_cast<VmallocOp>(e->order)) {
        case VmallocOp::Reserve:
            return tr("vmalloc reserves %1 at %2 (a guard page included); its pages come next, one frame at a time.")
                .arg(bytes(e->b), hex(e->a));
        case VmallocOp::Map:
            return tr("vmalloc maps page %1 of the area: %2 → frame %3. Any free frame will do, so the frames of "
                      "one area need not be contiguous.")
                .arg(e->c)
                .arg(hex(e->a), frame(e->pfn));
        case VmallocOp::DirectStack:
            return tr("A kernel stack of %1: the order-1 block at frame %2, reached through the direct map at %3.")
                .arg(bytes(e->b), frame(e->pfn), hex(e->a));
        }
        break;
    case EventType::Vfree:
        if (static_cast<VmallocOp>(e->order) == VmallocOp::DirectStack)
            return tr("The kernel stack at %1 is given back.").arg(hex(e->a));
        return tr("vfree(%1): the area's mappings go (%2 with its guard page); its frames return to the buddy "
                  "allocator and the kernel TLB is flushed over the area.")
            .arg(hex(e->a), bytes(e->b));
    case EventType::Kmap:
        switch (static_cast<KmapKind>(e->order)) {
        case KmapKind::Pkmap:
            return tr("kmap(): HighMem frame %1 is mapped in pkmap slot %2 at %3 (count %4).")
                .arg(frame(e->pfn))
                .arg(e->c)
                .arg(hex(e->a))
                .arg(e->b);
        case KmapKind::Local:
            return tr("kmap_local_page(): HighMem frame %1 gets kmap_local slot %2 at %3 in the fixmap, until "
                      "kunmap_local().")
                .arg(frame(e->pfn))
                .arg(e->c)
                .arg(hex(e->a));
        case KmapKind::Direct:
            return tr("kmap() of frame %1 maps nothing: the direct map already has it at %2.")
                .arg(frame(e->pfn), hex(e->a));
        case KmapKind::Flush:
            break;
        }
        break;
    case EventType::Kunmap:
        switch (static_cast<KmapKind>(e->order)) {
        case KmapKind::Pkmap:
            return tr("kunmap(): pkmap slot %1 keeps frame %2 mapped (count %3) until the next flush of unused slots.")
                .arg(e->c)
                .arg(frame(e->pfn))
                .arg(e->b);
        case KmapKind::Local:
            return tr("kunmap_local(): slot %1 is free again and the TLB entry of %2 is flushed.")
                .arg(e->c)
                .arg(hex(e->a));
        case KmapKind::Flush:
            return tr("The search for a free pkmap slot wrapped around: %1 slots no longer used are freed and the "
                      "kernel TLB is flushed over the window.")
                .arg(e->a);
        case KmapKind::Direct:
            return tr("kunmap() of a frame in the direct map does nothing.");
        }
        break;
    case EventType::Kmalloc:
        if (e->flags & EventFlag::Free) return tr("kfree(%1).").arg(hex(e->a));
        if (e->c == kNoCache)
            return tr("kmalloc(%1) is too big for the kmalloc caches: %2 contiguous frames from the buddy allocator "
                      "(order %3), at %4 in the direct map.")
                .arg(bytes(e->b))
                .arg(1u << e->order)
                .arg(e->order)
                .arg(hex(e->a));
        if (e->c < m.kmem.caches.size())
            return tr("kmalloc(%1): an object of %2 at %3, in a slab reached through the direct map.")
                .arg(bytes(e->b), QString::fromStdString(m.str(m.kmem.caches[e->c].name)), hex(e->a));
        break;
    case EventType::SlabGrow:
        if (e->b < m.kmem.caches.size())
            return tr("A new slab of %1: frame %2 and up, reached through the direct map.")
                .arg(QString::fromStdString(m.str(m.kmem.caches[e->b].name)), frame(e->pfn));
        break;
    case EventType::TlbFlush:
        if (!(e->flags & EventFlag::Kernel)) break;
        if (static_cast<TlbFlushKind>((e->flags >> EventFlag::FlushKindShift) & 0xF) == TlbFlushKind::Page)
            return tr("The TLB entry of kernel address %1 is flushed (invlpg): no CPU may keep using the old mapping.")
                .arg(hex(e->a));
        return tr("The whole TLB is flushed, global kernel entries too.");
    default:
        break;
    }
    return QString();
}

// ---- layout ---------------------------------------------------------------------------

void KernelSpaceView::placeHeader() const
{
    const Fonts f(this);
    for (QWidget* w : std::initializer_list<QWidget*> { m_scaleLabel, m_scaleBox, m_compareBox }) {
        w->setFont(f.text);
        w->adjustSize();
    }
    const int h = int(std::max<qreal>(m_scaleBox->sizeHint().height(), f.lh * 1.5)) + 12;
    const int y = h / 2;
    const int pad = int(std::round(f.lh * 0.6));
    m_scaleBox->move(width() - pad - m_scaleBox->width(), y - m_scaleBox->height() / 2);
    m_scaleLabel->move(m_scaleBox->x() - 6 - m_scaleLabel->width(), y - m_scaleLabel->height() / 2);
    m_compareBox->move(m_scaleLabel->x() - pad * 2 - m_compareBox->width(), y - m_compareBox->height() / 2);
    // Too narrow for the title and both: the check box goes (the panel follows Auto).
    const qreal titleW = QFontMetricsF(f.title).horizontalAdvance(tr("Kernel address space"));
    m_compareBox->setVisible(m_compareBox->x() > pad + titleW + pad);
    m_header = QRectF(0, 0, width(), h);
}

void KernelSpaceView::scanFrames() const
{
    const Machine& m = m_ctx->machine();
    m_largeBlocks.clear();
    m_directStacks.clear();
    const bool stacks = m.config.arch.is32bit && m.kmem.kernelStackPages > 0;
    if (m.kmem.largeKmallocPages == 0 && !stacks) return;
    const FrameTable& ft = m.frames;
    const Pfn frames = ft.size();
    for (std::size_t ci = 0; ci < ft.chunkCount(); ++ci) {
        const FrameChunk& ch = ft.chunk(ci);
        const Pfn base = Pfn(ci) << FrameChunk::kShift;
        for (std::uint32_t i = 0; i < FrameChunk::kSize && base + i < frames; ++i) {
            const auto s = static_cast<FrameState>(ch.state[i]);
            if (s == FrameState::Kernel && ch.priv[i] == kKmallocLargePriv)
                m_largeBlocks.emplace_back(base + i, ch.order[i]);
            else if (stacks && s == FrameState::KernelStack)
                m_directStacks.emplace_back(base + i, ch.order[i]);
        }
    }
}

KernelSpaceView::CompareData KernelSpaceView::findCompareData() const
{
    const Machine& m = m_ctx->machine();
    CompareData d;
    const auto kmallocLive = [&](Pfn p, int order) {
        return p < m.frames.size() && m.frames.state(p) == FrameState::Kernel && m.frames.priv(p) == kKmallocLargePriv
            && m.frames.order(p) == order;
    };
    const auto vmallocLive = [&](std::uint64_t a) {
        const auto it = m.kmem.vmAreas.find(a);
        return it != m.kmem.vmAreas.end() && it->second.kind == VmAreaKind::Vmalloc ? &it->second : nullptr;
    };
    // The last ones of the run, from the event log.
    const Simulator* sim = m_ctx->simulator();
    if (sim && !m_override) {
        const std::uint64_t cursor = std::min<std::uint64_t>(m_ctx->cursor(), sim->eventCount());
        for (std::uint64_t n = cursor; n-- > 0 && cursor - n <= kEventLookBack && !(d.hasK && d.hasV);) {
            const Event& e = sim->events()[n];
            if (!d.hasK && e.type == EventType::Kmalloc && !(e.flags & EventFlag::Free) && e.c == kNoCache
                && kmallocLive(e.pfn, e.order)) {
                d.hasK = true;
                d.kVa = e.a;
                d.kBytes = e.b;
                d.kPfn = e.pfn;
                d.kOrder = e.order;
            } else if (!d.hasV && e.type == EventType::Vmalloc && e.order == std::uint8_t(VmallocOp::Reserve)
                && e.c == std::uint64_t(VmAreaKind::Vmalloc)) {
                if (const VmArea* a = vmallocLive(e.a)) {
                    d.hasV = true;
                    d.vVa = a->addr;
                    d.vBytes = a->requested;
                    d.vPages = a->pages;
                }
            }
        }
    }
    // Without a run (or further back than the search): the highest ones.
    if (!d.hasK && !m_largeBlocks.empty()) {
        const auto [pfn, order] = m_largeBlocks.back();
        d.hasK = true;
        d.kPfn = pfn;
        d.kOrder = order;
        d.kBytes = m.pageSize() << order;
        d.kVa = physToVirt(m.kmem.layout, pfn * m.pageSize());
    }
    if (!d.hasV)
        for (auto it = m.kmem.vmAreas.rbegin(); it != m.kmem.vmAreas.rend(); ++it)
            if (it->second.kind == VmAreaKind::Vmalloc) {
                d.hasV = true;
                d.vVa = it->second.addr;
                d.vBytes = it->second.requested;
                d.vPages = it->second.pages;
                break;
            }
    return d;
}

void KernelSpaceView::ensureLayout() const
{
    if (!m_dirty) return;
    m_dirty = false;
    m_cacheDirty = true;
    m_laidOut = size();
    placeHeader();
    const Fonts f(this);
    const Machine& m = m_ctx->machine();
    m_scale = KernelSpaceScale::make(scale(), m.kmem.layout);
    m_scaleBox->setCurrentIndex(static_cast<int>(scale()));
    if (m_scanDirty) {
        scanFrames();
        m_scanDirty = false;
    }
    m_regions.clear();
    m_regionLabels.clear();
    m_strips.clear();
    m_stripLabels.clear();
    m_lines.clear();
    m_insets.clear();
    m_cards.clear();
    m_band = DirectBand();
    m_badge = QRectF();
    m_panel = QRectF();

    const qreal W = width(), H = height();
    const qreal pad = std::round(f.lh * 0.6);
    const CompareData cd = findCompareData();
    const bool hasSpace = !m_scale.segments.empty() && m.frames.size() > 0;
    m_compareShown = hasSpace
        && (m_compare == Compare::On || (m_compare == Compare::Auto && cd.hasK && cd.hasV && W >= 760 && H >= 460));
    m_compareBox->setChecked(m_compareShown);
    m_compareBox->setEnabled(hasSpace);

    // The caption: what the step did, or how to read the view.
    m_captionText = captionText();
    const QFontMetricsF fmb(f.bold), fms(f.small);
    const int capLines = W < 700 ? 3 : 2;
    const QRectF capArea(pad, m_header.bottom() + pad * 0.4, W - 2 * pad, fmb.lineSpacing() * capLines + 2);
    const QRectF capUsed = fmb.boundingRect(capArea, Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop, m_captionText);
    m_caption = QRectF(capArea.left(), capArea.top(), capArea.width(), std::min(capArea.height(), capUsed.height()));

    // The footer: the footnote (two lines at most) and, with room, the legend.
    const QRectF noteArea(pad, 0, W - 2 * pad, fms.lineSpacing() * 2 + 2);
    const qreal noteH = std::min(
        noteArea.height(), fms.boundingRect(noteArea, Qt::TextWordWrap | Qt::AlignLeft, footnoteText()).height());
    m_footnote = QRectF(pad, H - pad * 0.4 - noteH, W - 2 * pad, noteH);
    const qreal legendH = f.slh * 1.25;
    m_legend = H >= 420 && hasSpace ? QRectF(pad, m_footnote.top() - legendH - 2, W - 2 * pad, legendH) : QRectF();
    const qreal bodyTop = m_caption.bottom() + pad * 0.6;
    const qreal bodyBottom = (m_legend.isEmpty() ? m_footnote.top() : m_legend.top()) - pad * 0.4;
    QRectF body(pad, bodyTop, W - 2 * pad, std::max<qreal>(40, bodyBottom - bodyTop));
    if (!hasSpace) return;

    // The panel: at the right on a wide view, else at the bottom.
    if (m_compareShown) {
        if (body.width() >= 1000 || body.width() > body.height() * 2.2) {
            const qreal pw = std::clamp(body.width() * 0.3, 260.0, 540.0);
            m_panel = QRectF(body.right() - pw, body.top(), pw, body.height());
            body.setRight(m_panel.left() - pad * 1.5);
        } else {
            const qreal ph = std::clamp(body.height() * 0.4, 150.0, 320.0);
            m_panel = QRectF(body.left(), body.bottom() - ph, body.width(), ph);
            body.setBottom(m_panel.top() - pad);
        }
    }

    // Columns: region labels | virtual bar | mappings | physical bar | zone labels.
    const qreal headH = f.slh * 1.4;
    const qreal barTop = body.top() + headH + 4, barBottom = body.bottom() - 2;
    std::vector<RegionText> texts;
    const KernelLayout& l = m.kmem.layout;
    qreal leftNeed = 0;
    for (const KernelRegion& r : l.regions) {
        texts.push_back(regionText(m, r));
        const RegionText& t = texts.back();
        if (!t.labelled) continue;
        leftNeed = std::max(
            { leftNeed, QFontMetricsF(f.smallBold).horizontalAdvance(t.name), fms.horizontalAdvance(t.detail) });
    }
    leftNeed += 22; // the leader
    qreal rightNeed = 0;
    const std::uint64_t ps = m.pageSize();
    for (const Zone& z : m.zones) {
        if (!z.populated()) continue;
        rightNeed = std::max(
            rightNeed, fms.horizontalAdvance(tr("%1 – %2").arg(bytes(z.startPfn * ps), bytes(z.endPfn() * ps))));
        if (z.type == ZoneType::HighMem) rightNeed = std::max(rightNeed, fms.horizontalAdvance(tr("no direct map")));
    }
    for (std::size_t i = 0; i < m.zones.size(); ++i)
        if (m.zones[i].populated())
            rightNeed
                = std::max(rightNeed, QFontMetricsF(f.smallBold).horizontalAdvance(EventText::zoneLabel(m, int(i))));
    rightNeed += 14;
    const qreal vbarW = std::clamp(body.width() * 0.045, 22.0, 56.0);
    qreal pbarW = std::clamp(body.width() * 0.16, 48.0, 200.0);
    qreal leftW = std::min(leftNeed, body.width() * 0.32), rightW = std::min(rightNeed, body.width() * 0.26);
    const qreal minLines = body.width() * 0.24;
    qreal over = leftW + vbarW + minLines + pbarW + rightW - body.width();
    if (over > 0) {
        // The physical bar gives way first (it stays a raster of the frames), then the labels.
        const qreal give = std::min(over, pbarW - 48.0);
        pbarW -= give;
        over -= give;
    }
    if (over > 0) {
        const qreal k = std::max(0.3, 1 - over / (leftW + rightW));
        leftW *= k;
        rightW *= k;
    }
    m_vbar = QRectF(body.left() + leftW, barTop, vbarW, barBottom - barTop);
    m_pbar = QRectF(body.right() - rightW - pbarW, barTop, pbarW, barBottom - barTop);
    m_linesArea = QRectF(m_vbar.right(), barTop, m_pbar.left() - m_vbar.right(), barBottom - barTop);
    // Headings centred over the bars, kept inside the diagram.
    {
        const QFontMetricsF fmsb(f.smallBold);
        m_vheadText = tr("virtual addresses ↑");
        m_pheadText = tr("physical memory (%1) ↑").arg(bytes(std::uint64_t(m.frames.size()) * m.pageSize()));
        const qreal vw = fmsb.horizontalAdvance(m_vheadText) + 4, pw = fmsb.horizontalAdvance(m_pheadText) + 4;
        m_vhead = QRectF(std::max(body.left(), m_vbar.center().x() - vw / 2), body.top(), vw, headH);
        m_phead = QRectF(std::min(body.right() - pw, m_pbar.center().x() - pw / 2), body.top(), pw, headH);
    }

    // Regions on the bar, then their labels to the left of it.
    for (std::size_t i = 0; i < l.regions.size(); ++i) {
        const KernelRegion& r = l.regions[i];
        if (sizeOf(r) == 0) continue;
        RegionBox b;
        b.region = int(i);
        b.kind = r.kind;
        b.start = r.start;
        b.end = r.end;
        const double y0 = m_vbar.bottom() - m_scale.fraction(r.start) * m_vbar.height();
        const double y1 = m_vbar.bottom() - m_scale.fractionOfEnd(r.end) * m_vbar.height();
        b.rect = QRectF(m_vbar.left(), y1, m_vbar.width(), y0 - y1);
        for (const auto& g : m_scale.segments)
            if (g.region == int(i) && g.broken) b.broken = true;
        b.name = texts[i].name;
        m_regions.push_back(b);
        m_regionLabels.push_back(Label());
    }
    {
        std::vector<std::size_t> idx;
        for (std::size_t k = 0; k < m_regions.size(); ++k)
            if (texts[std::size_t(m_regions[k].region)].labelled) idx.push_back(k);
        std::sort(idx.begin(), idx.end(),
            [&](std::size_t a, std::size_t b) { return m_regions[a].start > m_regions[b].start; });
        const qreal labelRight = m_vbar.left() - 16;
        const qreal labelW = std::max<qreal>(20, labelRight - body.left());
        // Two lines each; then two for the important ones; then one each; then fewer labels.
        for (int mode = 0; mode < 6; ++mode) { // (the headings sit above m_vbar.top() - 0.3 lines)
            std::vector<std::size_t> shown;
            std::vector<double> want, hs;
            for (std::size_t k : idx) {
                const RegionText& t = texts[std::size_t(m_regions[k].region)];
                if (mode >= 3 && t.priority > 5 - mode) continue;
                const bool two = mode == 0 || (mode == 1 && t.priority <= 1);
                shown.push_back(k);
                want.push_back(std::clamp(m_regions[k].rect.center().y(), m_vbar.top(), m_vbar.bottom()));
                hs.push_back(two ? f.slh * 2 : f.slh);
            }
            std::vector<double> tops;
            const double lo = m_vbar.top() - f.slh * 0.3, hi = m_vbar.bottom() + f.slh * 0.3;
            if (!stack(tops, want, hs, lo, hi, 2)) {
                if (mode < 5) continue;
                stack(tops, want, hs, lo - 1e6, hi, 2);
            } else if (mode < 5) {
                // A label pushed far from its region (large text in presentation mode) reads as
                // another region's: fewer lines instead.
                bool near = true;
                for (std::size_t j = 0; j < shown.size() && j < tops.size(); ++j) {
                    const QRectF& rr = m_regions[shown[j]].rect;
                    const double a = std::clamp(rr.top(), lo, hi), b = std::clamp(rr.bottom(), lo, hi);
                    near = near && tops[j] <= b + f.slh * 1.5 && tops[j] + hs[j] >= a - f.slh * 1.5;
                }
                if (!near) continue;
            }
            for (std::size_t j = 0; j < shown.size() && j < tops.size(); ++j) {
                const RegionText& t = texts[std::size_t(m_regions[shown[j]].region)];
                Label& lb = m_regionLabels[shown[j]];
                const bool two = hs[j] > f.slh * 1.5;
                // The longest form that fits: no number cut in the middle.
                const auto fits
                    = [&](const QFontMetricsF& fm, const QString& s) { return fm.horizontalAdvance(s) <= labelW; };
                const QFontMetricsF fmsb(f.smallBold);
                const bool user = m_regions[shown[j]].kind == KernelRegionKind::User;
                const QString shortOne = user ? t.shortName
                                              : KernelSpaceView::tr("%1 · %2").arg(t.shortName,
                                                  sizeText(sizeOf(l.regions[std::size_t(m_regions[shown[j]].region)])));
                if (two)
                    lb.line1 = fits(fmsb, t.name) ? t.name : t.shortName;
                else
                    lb.line1 = fits(fmsb, t.oneLine) ? t.oneLine : fits(fmsb, shortOne) ? shortOne : t.shortName;
                lb.line2 = !two ? QString() : fits(fms, t.detail) ? t.detail : t.shortDetail;
                lb.rect = QRectF(labelRight - labelW, tops[j], labelW, hs[j]);
                lb.anchorY = want[j];
                m_regions[shown[j]].label = lb.rect;
            }
            break;
        }
    }

    layoutStrips(f);
    // The images follow the strips' geometry, which a longer caption or the panel can change.
    std::vector<std::uint64_t> key;
    for (const ZoneStrip& s : m_strips)
        key.insert(key.end(), { s.start, s.end, std::uint64_t(s.cols), std::uint64_t(s.rows), s.cells });
    if (key != m_stripKey) {
        m_stripKey = std::move(key);
        m_imagesDirty = true;
    }
    layoutMappings(f);
    layoutCompare(f, cd);

    // A kernel TLB flush: the badge over the mappings.
    if (const Event* e = stepEvent(); e && e->type == EventType::TlbFlush && (e->flags & EventFlag::Kernel)) {
        const bool page
            = static_cast<TlbFlushKind>((e->flags >> EventFlag::FlushKindShift) & 0xF) == TlbFlushKind::Page;
        m_badgeText = page ? tr("TLB flushed: %1").arg(hex(e->a)) : tr("TLB flushed: all, global entries too");
        // In the heading row, between the two headings.
        const qreal lo = std::max(m_vhead.right(), m_linesArea.left()) + 6,
                    hi = std::min(m_phead.left(), m_linesArea.right()) - 6;
        const qreal w = std::min(
            QFontMetricsF(f.smallBold).horizontalAdvance(m_badgeText) + f.slh * 1.4, std::max<qreal>(40, hi - lo));
        const qreal h = f.slh * 1.35;
        m_badge = QRectF(std::clamp((lo + hi) / 2 - w / 2, m_linesArea.left(),
                             std::max(m_linesArea.left(), m_linesArea.right() - w)),
            body.top(), w, h);
    }
    // The direct map's rule on a label inside the band, clear of the insets and the badge.
    m_bandLabel = QRectF();
    if (!m_band.polygon.isEmpty()) {
        const std::uint64_t lowBytes = std::uint64_t(m_band.frames) * m.pageSize();
        m_bandText1 = m.config.arch.is32bit ? tr("direct map: lowmem 1:1 (%1)").arg(bytes(lowBytes))
                                            : tr("direct map: all RAM 1:1 (%1)").arg(bytes(lowBytes));
        m_bandText2 = tr("va = pa + %1").arg(hex(l.pageOffset));
        const QFontMetricsF fmsb(f.smallBold);
        const qreal w = std::max(fmsb.horizontalAdvance(m_bandText1), fms.horizontalAdvance(m_bandText2)) + 12;
        const qreal h = f.slh * 2 + 6;
        double best = 1e9;
        const auto bandAt = [&](double x, double* top, double* bottom) {
            const double u = (x - m_vbar.right()) / std::max(1.0, m_pbar.left() - m_vbar.right());
            *top = m_band.virtualTop + (m_band.physicalTop - m_band.virtualTop) * u;
            *bottom = m_band.virtualBottom + (m_band.physicalBottom - m_band.virtualBottom) * u;
        };
        for (int k = 0; k <= 24; ++k) {
            const qreal x = m_linesArea.left() + m_linesArea.width() * (0.2 + 0.65 * k / 24.0);
            const QRectF probe(x - w / 2, 0, w, h);
            if (probe.left() < m_linesArea.left() + 4 || probe.right() > m_linesArea.right() - 4) continue;
            // Its middle inside the band (its corners may stick out of a narrow band).
            double top, bottom;
            bandAt(x, &top, &bottom);
            top += 3;
            bottom -= 3;
            if (bottom - top < h) continue;
            const double mid = (top + bottom) / 2;
            for (int j = 0; j <= 40; ++j) {
                const double dy = (j % 2 ? 1 : -1) * double((j + 1) / 2) * h * 0.25;
                const double y = mid + dy - h / 2;
                if (y < top || y + h > bottom) continue;
                const QRectF r(probe.left(), y, w, h);
                bool clear = !r.intersects(m_badge);
                for (const Inset& in : m_insets)
                    clear = clear && !r.intersects(in.rect.united(in.label).adjusted(-6, -4, 6, 4));
                if (!clear) continue;
                const double cost
                    = std::abs(x - m_linesArea.center().x()) / m_linesArea.width() + std::abs(dy) / (bottom - top);
                if (cost < best) {
                    best = cost;
                    m_bandLabel = r;
                }
                break;
            }
        }
    }
    if (m_imagesDirty) renderStrips();
}

void KernelSpaceView::layoutStrips(const Fonts& f) const
{
    const Machine& m = m_ctx->machine();
    const Pfn frames = m.frames.size();
    std::vector<int> ids;
    for (std::size_t i = 0; i < m.zones.size(); ++i) {
        const Zone& z = m.zones[i];
        if (z.populated() && z.spanned > 0 && z.startPfn < frames) ids.push_back(int(i));
    }
    std::sort(ids.begin(), ids.end(),
        [&](int a, int b) { return m.zones[std::size_t(a)].startPfn < m.zones[std::size_t(b)].startPfn; });
    Pfn cursor = 0;
    for (int id : ids) {
        const Zone& z = m.zones[std::size_t(id)];
        Pfn start = std::max(cursor, z.startPfn);
        const Pfn end = std::min(frames, z.endPfn());
        if (end <= start) continue;
        // Frames outside every zone (pfn 0 on a PC) join their neighbour.
        if (start > cursor) {
            if (m_strips.empty())
                start = cursor;
            else
                m_strips.back().end = start;
        }
        ZoneStrip s;
        s.zoneId = id;
        s.start = start;
        s.end = end;
        m_strips.push_back(s);
        cursor = end;
    }
    if (m_strips.empty()) {
        ZoneStrip s;
        s.end = frames;
        m_strips.push_back(s);
    } else {
        m_strips.back().end = frames;
    }

    // Heights: by size, but every zone at least two lines of text tall.
    const std::size_t n = m_strips.size();
    const double gap = 5;
    const double avail = m_pbar.height() - gap * double(n - 1);
    double minH = std::max<double>(f.slh * 1.6, 16);
    if (minH * double(n) > avail * 0.7) minH = avail * 0.7 / double(n);
    std::vector<double> h(n, 0.0);
    std::vector<bool> fixed(n, false);
    for (int pass = 0; pass < 4; ++pass) {
        double rest = avail, sum = 0;
        for (std::size_t i = 0; i < n; ++i) {
            if (fixed[i])
                rest -= minH;
            else
                sum += double(m_strips[i].end - m_strips[i].start);
        }
        bool changed = false;
        for (std::size_t i = 0; i < n; ++i) {
            if (fixed[i]) {
                h[i] = minH;
                continue;
            }
            h[i] = sum > 0 ? rest * double(m_strips[i].end - m_strips[i].start) / sum : minH;
            if (h[i] < minH) {
                fixed[i] = true;
                changed = true;
            }
        }
        if (!changed) break;
    }
    double y = m_pbar.bottom();
    for (std::size_t i = 0; i < n; ++i) {
        ZoneStrip& s = m_strips[i];
        const double top = std::round(y - h[i]);
        s.rect = QRectF(m_pbar.left(), top, m_pbar.width(), std::round(y) - top);
        y = top - gap;
        // Cells: one pixel (or more) per frame when they fit, else several frames per pixel.
        const std::uint64_t frm = s.end - s.start;
        const int W = std::max(1, int(s.rect.width())), R = std::max(1, int(s.rect.height()));
        const std::uint64_t px = std::uint64_t(W) * std::uint64_t(R);
        if (frm <= px) {
            int c = std::max(1, int(std::sqrt(double(px) / double(frm))));
            while (c > 1
                && ((frm + std::uint64_t(W / c) - 1) / std::uint64_t(W / c)) * std::uint64_t(c) > std::uint64_t(R))
                --c;
            s.cellPx = c;
            s.cols = std::max(1, W / c);
            s.rows = int((frm + std::uint64_t(s.cols) - 1) / std::uint64_t(s.cols));
            s.cells = frm;
        } else {
            s.cellPx = 1;
            s.cols = W;
            s.rows = R;
            s.cells = px;
        }
        s.framesPerCell = double(frm) / double(s.cells);
        s.image = QRectF(s.rect.left(), s.rect.bottom() - s.rows * s.cellPx, s.cols * s.cellPx, s.rows * s.cellPx);
    }

    // Labels to the right: the zone, its range, and on HighMem that the direct map ends below it.
    const std::uint64_t ps = m.pageSize();
    std::vector<double> want, hs;
    for (const ZoneStrip& s : m_strips) {
        Label lb;
        if (s.zoneId >= 0) {
            const Zone& z = m.zones[std::size_t(s.zoneId)];
            lb.line1 = EventText::zoneLabel(m, s.zoneId);
            lb.ink = Palette::ink(Palette::zone(z.type));
            if (z.type == ZoneType::HighMem) lb.line3 = tr("no direct map");
        } else {
            lb.line1 = tr("RAM");
            lb.ink = Palette::text();
        }
        lb.line2 = tr("%1 – %2").arg(bytes(s.start * ps), bytes(s.end * ps));
        lb.anchorY = s.rect.center().y();
        m_stripLabels.push_back(lb);
        want.push_back(lb.anchorY);
        hs.push_back(f.slh * (lb.line3.isEmpty() ? 2 : 3));
    }
    // Top first for stacking.
    std::vector<std::size_t> order(n);
    for (std::size_t i = 0; i < n; ++i) order[i] = n - 1 - i;
    std::vector<double> w2, h2, tops;
    for (std::size_t i : order) {
        w2.push_back(want[i]);
        h2.push_back(hs[i]);
    }
    if (!stack(tops, w2, h2, m_pbar.top() - f.slh, m_pbar.bottom() + f.slh * 0.5, 2)) {
        // No room for the ranges: names only.
        for (Label& lb : m_stripLabels) lb.line2.clear();
        h2.assign(n, f.slh);
        stack(tops, w2, h2, m_pbar.top() - f.slh, m_pbar.bottom() + f.slh * 0.5, 1);
        for (Label& lb : m_stripLabels) lb.line3.clear();
    }
    const qreal x = m_pbar.right() + 10;
    const qreal right = !m_panel.isEmpty() && m_panel.left() > m_pbar.right() ? m_panel.left() - 6 : width() - 4;
    for (std::size_t j = 0; j < order.size() && j < tops.size(); ++j)
        m_stripLabels[order[j]].rect = QRectF(x, tops[j], std::max<qreal>(10, right - x), h2[j]);
}

void KernelSpaceView::renderStrips() const
{
    m_imagesDirty = false;
    m_stripImages.clear();
    const Machine& m = m_ctx->machine();
    if (m.frames.size() == 0) return;
    m_renderer.setColumns(1024); // a multiple of 4: the image's bytes are the frames in order
    m_renderer.renderAll(m);
    const QImage& src = m_renderer.image();
    if (src.isNull() || src.bytesPerLine() != 1024) return;
    const uchar* idx = src.constBits();
    const QList<QRgb> colours = Palette::frameColourTable();
    for (const ZoneStrip& s : m_strips) {
        QImage img(std::max(1, s.cols), std::max(1, s.rows), QImage::Format_Indexed8);
        img.setColorTable(colours);
        img.fill(0);
        const std::uint64_t n = s.end - s.start;
        const auto cols = static_cast<std::uint64_t>(s.cols);
        for (std::uint64_t i = 0; i < s.cells; ++i) {
            const Pfn lo = s.start + (i * n + s.cells - 1) / s.cells;
            const Pfn hi = s.start + ((i + 1) * n + s.cells - 1) / s.cells;
            uchar v = 0;
            for (Pfn p = lo; p < hi; ++p) v = std::max(v, idx[p]);
            const int row = int(i / cols), col = int(i % cols);
            img.scanLine(s.rows - 1 - row)[col] = v;
        }
        m_stripImages.push_back(std::move(img));
    }
}

void KernelSpaceView::layoutMappings(const Fonts& f) const
{
    const Machine& m = m_ctx->machine();
    const Machine& before = m_ctx->previousMachine();
    const KernelLayout& l = m.kmem.layout;
    const std::uint64_t ps = m.pageSize();
    const Pfn frames = m.frames.size();
    const Event* e = stepEvent();
    const auto yOf = [&](std::uint64_t va) { return m_vbar.bottom() - m_scale.fraction(va) * m_vbar.height(); };
    const auto is
        = [&](EventType t, auto op) { return e && e->type == t && e->order == static_cast<std::uint8_t>(op); };

    // The direct map: a band from [PAGE_OFFSET, high_memory) to the frames below high_memory.
    if (l.highMemory > l.pageOffset && !m_strips.empty()) {
        const Pfn lowEnd = std::min<Pfn>(frames, (l.highMemory - l.pageOffset) / ps);
        double pTop = m_strips.front().image.bottom();
        for (const ZoneStrip& s : m_strips) {
            if (lowEnd >= s.end) {
                pTop = s.image.top();
            } else if (lowEnd > s.start) {
                const std::uint64_t i = (lowEnd - s.start) * s.cells / (s.end - s.start);
                pTop = s.image.bottom() - double(i / std::uint64_t(s.cols) + 1) * s.cellPx;
            }
        }
        m_band.frames = lowEnd;
        m_band.virtualBottom = yOf(l.pageOffset);
        m_band.virtualTop = m_vbar.bottom() - m_scale.fractionOfEnd(l.highMemory) * m_vbar.height();
        m_band.physicalBottom = m_strips.front().image.bottom();
        m_band.physicalTop = pTop;
        m_band.polygon
            = QPolygonF({ QPointF(m_vbar.right(), m_band.virtualBottom), QPointF(m_vbar.right(), m_band.virtualTop),
                QPointF(m_pbar.left(), m_band.physicalTop), QPointF(m_pbar.left(), m_band.physicalBottom) });
    }

    // Groups of mapped pages: each vmalloc area, the kernel stacks, the pkmap slots, the kmap_local slots.
    struct Group {
        Inset in;
        std::vector<bool> grow; ///< per cell: the line grows in this step
        std::vector<bool> fade; ///< per cell: the mapping goes in this step
        int priority = 0; ///< 0 always gets an inset
        bool inset = true;
    };
    std::vector<Group> groups;
    const auto addArea = [&](const VmArea& a, bool fading) {
        Group g;
        g.in.kind = LineKind::Vmalloc;
        g.in.start = a.addr;
        g.in.end = a.addr + a.size;
        for (std::size_t i = 0; i < a.pages.size(); ++i) {
            g.in.vas.push_back(a.addr + i * ps);
            g.in.pfns.push_back(a.pages[i]);
        }
        g.in.vas.push_back(a.addr + a.pages.size() * ps); // the guard page
        g.in.pfns.push_back(kNoPfn);
        g.in.guard = true;
        g.in.text = tr("vmalloc(%1)").arg(bytes(a.requested));
        g.in.shortText = tr("vmalloc");
        g.in.fades = fading;
        g.grow.assign(g.in.vas.size(), false);
        g.fade.assign(g.in.vas.size(), fading);
        const bool cur = e && (e->type == EventType::Vmalloc || e->type == EventType::Vfree) && e->a >= a.addr
            && e->a < a.addr + a.size;
        g.in.current = cur;
        if (cur && is(EventType::Vmalloc, VmallocOp::Map) && e->c < a.pages.size()) {
            g.in.flash = int(e->c);
            g.grow[e->c] = true;
        }
        g.priority = cur || fading ? 0 : 2;
        groups.push_back(std::move(g));
    };
    Group stacks;
    stacks.in.kind = LineKind::KernelStack;
    int stackCount = 0;
    for (const auto& [addr, a] : m.kmem.vmAreas) {
        if (a.kind == VmAreaKind::Vmalloc) {
            addArea(a, false);
            continue;
        }
        if (stacks.in.vas.empty()) stacks.in.start = a.addr;
        stacks.in.end = a.addr + a.size;
        ++stackCount;
        const bool cur = e && e->type == EventType::Vmalloc && e->a >= a.addr && e->a < a.addr + a.size;
        for (std::size_t i = 0; i < a.pages.size(); ++i) {
            stacks.in.vas.push_back(a.addr + i * ps);
            stacks.in.pfns.push_back(a.pages[i]);
            const bool g = cur && is(EventType::Vmalloc, VmallocOp::Map) && e->c == i;
            stacks.grow.push_back(g);
            stacks.fade.push_back(false);
            if (g) stacks.in.flash = int(stacks.in.vas.size() - 1);
        }
        stacks.in.current = stacks.in.current || cur;
    }
    // vfree: the area is gone from the machine; it fades out from the one before.
    if (e && e->type == EventType::Vfree && e->order != std::uint8_t(VmallocOp::DirectStack))
        if (const auto it = before.kmem.vmAreas.find(e->a);
            it != before.kmem.vmAreas.end() && !m.kmem.vmAreas.count(e->a)) {
            if (it->second.kind == VmAreaKind::Vmalloc) {
                addArea(it->second, true);
            } else {
                const VmArea& a = it->second;
                for (std::size_t i = 0; i < a.pages.size(); ++i) {
                    stacks.in.vas.push_back(a.addr + i * ps);
                    stacks.in.pfns.push_back(a.pages[i]);
                    stacks.grow.push_back(false);
                    stacks.fade.push_back(true);
                }
                if (stacks.in.start == 0 || a.addr < stacks.in.start) stacks.in.start = a.addr;
                stacks.in.end = std::max(stacks.in.end, a.addr + a.size);
                stacks.in.current = true;
                ++stackCount;
            }
        }
    if (!stacks.in.vas.empty()) {
        // Address order (a fading stack was appended last).
        std::vector<std::size_t> ord(stacks.in.vas.size());
        for (std::size_t i = 0; i < ord.size(); ++i) ord[i] = i;
        std::stable_sort(
            ord.begin(), ord.end(), [&](std::size_t a, std::size_t b) { return stacks.in.vas[a] < stacks.in.vas[b]; });
        Group s = stacks;
        s.in.vas.clear();
        s.in.pfns.clear();
        s.grow.clear();
        s.fade.clear();
        s.in.flash = -1;
        for (std::size_t k : ord) {
            s.in.vas.push_back(stacks.in.vas[k]);
            s.in.pfns.push_back(stacks.in.pfns[k]);
            s.grow.push_back(stacks.grow[k]);
            s.fade.push_back(stacks.fade[k]);
            if (stacks.grow[k]) s.in.flash = int(s.in.vas.size() - 1);
        }
        s.in.text = tr("kernel stacks (%1)").arg(stackCount);
        s.in.shortText = tr("stacks");
        s.priority = s.in.current ? 0 : 1;
        groups.push_back(std::move(s));
    }
    // The pkmap slots in use (count >= 1 maps the page), and the ones a flush frees.
    if (!m.kmem.pkmap.empty() || !before.kmem.pkmap.empty()) {
        Group g;
        g.in.kind = LineKind::Pkmap;
        g.in.start = l.pkmapBase;
        g.in.end = l.pkmapAddr(l.lastPkmap);
        const std::size_t slotCount = std::max(m.kmem.pkmap.size(), before.kmem.pkmap.size());
        std::size_t used = 0;
        const bool flush = e && e->type == EventType::Kunmap && e->order == std::uint8_t(KmapKind::Flush);
        for (std::size_t i = 0; i < slotCount; ++i) {
            const bool now = i < m.kmem.pkmap.size() && m.kmem.pkmap[i].count >= 1;
            const bool was = flush && i < before.kmem.pkmap.size() && before.kmem.pkmap[i].count >= 1;
            if (!now && !was) continue;
            used += now;
            g.in.vas.push_back(l.pkmapAddr(std::uint32_t(i)));
            g.in.pfns.push_back(now ? m.kmem.pkmap[i].page : before.kmem.pkmap[i].page);
            const bool cur = e && (e->type == EventType::Kmap || e->type == EventType::Kunmap)
                && e->order == std::uint8_t(KmapKind::Pkmap) && e->c == i;
            const bool isNew = cur && e->type == EventType::Kmap
                && (i >= before.kmem.pkmap.size() || before.kmem.pkmap[i].count == 0
                    || before.kmem.pkmap[i].page != e->pfn);
            g.grow.push_back(isNew);
            g.fade.push_back(!now);
            if (cur) g.in.flash = int(g.in.vas.size() - 1);
        }
        g.in.current = g.in.flash >= 0 || flush;
        g.in.text = tr("pkmap: %1 of %2 slots").arg(used).arg(l.lastPkmap);
        g.in.shortText = tr("pkmap %1/%2").arg(used).arg(l.lastPkmap);
        if (!g.in.vas.empty()) groups.push_back(std::move(g));
    }
    // kmap_local: a stack of fixmap slots; slot 0 has the highest address.
    if (l.kmapLocalSlots && (!m.kmem.kmapLocal.empty() || !before.kmem.kmapLocal.empty())) {
        Group g;
        g.in.kind = LineKind::KmapLocal;
        const std::size_t nowN = m.kmem.kmapLocal.size();
        const bool pop = e && e->type == EventType::Kunmap && e->order == std::uint8_t(KmapKind::Local);
        const std::size_t n = pop ? std::max(nowN, before.kmem.kmapLocal.size()) : nowN;
        for (std::size_t k = n; k-- > 0;) {
            const bool now = k < nowN;
            if (!now && k >= before.kmem.kmapLocal.size()) continue;
            g.in.vas.push_back(l.kmapLocalAddr(std::uint32_t(k)));
            g.in.pfns.push_back(now ? m.kmem.kmapLocal[k] : before.kmem.kmapLocal[k]);
            const bool cur = e && (e->type == EventType::Kmap || e->type == EventType::Kunmap)
                && e->order == std::uint8_t(KmapKind::Local) && e->c == k;
            g.grow.push_back(cur && e->type == EventType::Kmap);
            g.fade.push_back(!now);
            if (cur) g.in.flash = int(g.in.vas.size() - 1);
        }
        if (!g.in.vas.empty()) {
            g.in.start = g.in.vas.front();
            g.in.end = g.in.vas.back() + ps;
            g.in.current = g.in.flash >= 0;
            g.in.text = tr("kmap_local: %1 of %2 slots").arg(nowN).arg(l.kmapLocalSlots);
            g.in.shortText = tr("kmap_local %1/%2").arg(nowN).arg(l.kmapLocalSlots);
            groups.push_back(std::move(g));
        }
    }

    // Insets: in a column beside the bar, each near the addresses it magnifies.
    const qreal insetW = std::clamp(f.lh * 0.8, 10.0, 18.0);
    const qreal insetX = m_vbar.right() + std::clamp(m_linesArea.width() * 0.07, 12.0, 44.0);
    const qreal labelH = f.slh + 2;
    qreal ch = std::clamp(f.lh * 0.5, 5.0, 11.0);
    const qreal capH = m_vbar.height() * 0.3;
    const auto heightOf = [&](const Group& g, qreal c) { return std::min(capH, c * double(g.in.vas.size())); };
    for (int attempt = 0; attempt < 40; ++attempt) {
        std::vector<std::size_t> ids;
        for (std::size_t i = 0; i < groups.size(); ++i)
            if (groups[i].inset) ids.push_back(i);
        double need = 0;
        for (std::size_t i : ids) need += labelH + 2 + heightOf(groups[i], ch) + 6;
        if (need <= m_vbar.height() + 6 || ids.empty()) break;
        if (ch > 2.5) {
            ch *= 0.85;
            continue;
        }
        // Still too many: the vmalloc areas of lowest priority (the oldest first) lose theirs.
        std::size_t drop = groups.size();
        for (std::size_t i : ids)
            if (groups[i].priority > 0 && (drop == groups.size() || groups[i].priority > groups[drop].priority))
                drop = i;
        if (drop == groups.size()) break;
        groups[drop].inset = false;
    }
    {
        std::vector<std::size_t> ids;
        for (std::size_t i = 0; i < groups.size(); ++i)
            if (groups[i].inset) ids.push_back(i);
        std::sort(ids.begin(), ids.end(),
            [&](std::size_t a, std::size_t b) { return groups[a].in.start > groups[b].in.start; });
        std::vector<double> want, hs, tops;
        for (std::size_t i : ids) {
            const double mid = (yOf(groups[i].in.start) + m_vbar.bottom()
                                   - m_scale.fractionOfEnd(groups[i].in.end) * m_vbar.height())
                / 2;
            const double h = labelH + 2 + heightOf(groups[i], ch);
            want.push_back(mid - (labelH + 2) / 2);
            hs.push_back(h);
        }
        if (!stack(tops, want, hs, m_vbar.top(), m_vbar.bottom(), 6))
            stack(tops, want, hs, m_vbar.top() - 1e6, m_vbar.bottom(), 6);
        const QFontMetricsF fms(f.small);
        for (std::size_t j = 0; j < ids.size() && j < tops.size(); ++j) {
            Inset& in = groups[ids[j]].in;
            in.rect = QRectF(insetX, tops[j] + labelH + 2, insetW, hs[j] - labelH - 2);
            const qreal room = m_linesArea.right() - insetX - 8;
            if (fms.horizontalAdvance(in.text) + 10 > room && !in.shortText.isEmpty()) in.text = in.shortText;
            const qreal tw = std::min(fms.horizontalAdvance(in.text) + 10, room);
            in.label = QRectF(insetX - 2, tops[j], std::max<qreal>(10, tw), labelH);
        }
    }

    // Lines: from an inset's cell, or from the bar where the group has no inset.
    const auto frameOk = [&](Pfn p) { return p != kNoPfn && p < frames; };
    for (Group& g : groups) {
        std::size_t mapped = 0;
        for (Pfn p : g.in.pfns) mapped += frameOk(p);
        const std::size_t every = std::max<std::size_t>(1, (mapped + kMaxLinesPerGroup - 1) / kMaxLinesPerGroup);
        std::size_t k = 0;
        for (std::size_t i = 0; i < g.in.vas.size(); ++i) {
            const Pfn p = g.in.pfns[i];
            if (!frameOk(p)) continue;
            const bool special = g.grow[i] || int(i) == g.in.flash || g.fade[i];
            if (k++ % every != 0 && !special) continue;
            const auto to = pointOfFrame(p);
            if (!to) continue;
            MapLine ln;
            ln.kind = g.in.kind;
            ln.va = g.in.vas[i];
            ln.pfn = p;
            ln.from
                = g.inset ? QPointF(g.in.rect.right(), g.in.cell(i).center().y()) : QPointF(m_vbar.right(), yOf(ln.va));
            ln.to = *to;
            ln.grows = g.grow[i];
            ln.fades = g.fade[i];
            ln.current = int(i) == g.in.flash;
            m_lines.push_back(ln);
        }
        if (g.inset) m_insets.push_back(g.in);
    }

    // Inside the direct-map band: slabs, large kmallocs, x86-32 kernel stacks.
    struct Block {
        LineKind kind;
        Pfn pfn;
        int order;
        bool current, fades;
    };
    std::vector<Block> blocks;
    Pfn curSlab = kNoPfn;
    if (e && (e->type == EventType::SlabGrow || e->type == EventType::SlabAlloc || e->type == EventType::SlabFree))
        curSlab = e->pfn;
    if (e && e->type == EventType::Kmalloc && e->c != kNoCache && !(e->flags & EventFlag::Free)) {
        Pfn slab = kNoPfn;
        if (kmem::objectCache(m, e->a, &slab) != kNoCache) curSlab = slab;
    }
    for (const auto& [pfn, slab] : m.kmem.slabs) {
        const int order = slab.cache < m.kmem.caches.size() ? m.kmem.caches[slab.cache].order : 0;
        blocks.push_back({ LineKind::Slab, pfn, order, pfn == curSlab, false });
    }
    if (e && e->type == EventType::SlabShrink && !m.kmem.slabs.count(e->pfn))
        if (const auto it = before.kmem.slabs.find(e->pfn); it != before.kmem.slabs.end())
            blocks.push_back({ LineKind::Slab, e->pfn, 0, true, true });
    for (const auto& [pfn, order] : m_largeBlocks) {
        const bool cur = e && e->type == EventType::Kmalloc && e->c == kNoCache && e->pfn == pfn;
        blocks.push_back({ LineKind::Kmalloc, pfn, order, cur, false });
    }
    if (e && e->type == EventType::Kmalloc && e->c == kNoCache && (e->flags & EventFlag::Free))
        blocks.push_back({ LineKind::Kmalloc, e->pfn, e->order, true, true });
    const bool stackStep = e && (e->type == EventType::Vmalloc || e->type == EventType::Vfree)
        && e->order == std::uint8_t(VmallocOp::DirectStack);
    bool stackShown = false;
    for (const auto& [p, order] : m_directStacks) {
        const bool cur = stackStep && p == e->pfn;
        stackShown = stackShown || cur;
        blocks.push_back({ LineKind::DirectStack, p, order, cur, cur && e->type == EventType::Vfree });
    }
    if (stackStep && !stackShown) // the stack is no longer one: it fades from where it was
        blocks.push_back({ LineKind::DirectStack, e->pfn, 1, true, e->type == EventType::Vfree });
    if (e && e->type == EventType::Kmap && e->order == std::uint8_t(KmapKind::Direct))
        blocks.push_back({ LineKind::DirectPage, e->pfn, 0, true, false });
    const std::size_t every = std::max<std::size_t>(1, (blocks.size() + kMaxBandLines - 1) / kMaxBandLines);
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        const Block& b = blocks[i];
        if (i % every != 0 && !b.current) continue;
        if (b.pfn >= frames) continue;
        const Pfn mid = std::min<Pfn>(frames - 1, b.pfn + ((Pfn(1) << b.order) >> 1));
        const auto to = pointOfFrame(mid);
        if (!to) continue;
        MapLine ln;
        ln.kind = b.kind;
        ln.pfn = b.pfn;
        ln.va = physToVirt(l, b.pfn * ps);
        ln.from = QPointF(m_vbar.right(), yOf(physToVirt(l, mid * ps)));
        ln.to = *to;
        ln.current = b.current;
        ln.fades = b.fades;
        ln.grows = b.current && !b.fades && b.kind != LineKind::Slab;
        m_lines.push_back(ln);
    }
}

void KernelSpaceView::layoutCompare(const Fonts& f, const CompareData& d) const
{
    m_compareEmpty.clear();
    if (!m_compareShown || m_panel.isEmpty()) return;
    std::vector<CompareCard> cards;
    if (d.hasK) {
        CompareCard c;
        c.vmalloc = false;
        c.va = d.kVa;
        c.bytes = d.kBytes;
        c.pages = 1ull << d.kOrder;
        for (std::uint64_t i = 0; i < c.pages && i < kCompareMaxPages; ++i) c.frames.push_back(d.kPfn + i);
        c.runs = 1;
        cards.push_back(c);
    }
    if (d.hasV) {
        CompareCard c;
        c.vmalloc = true;
        c.va = d.vVa;
        c.bytes = d.vBytes;
        c.pages = d.vPages.size();
        std::vector<Pfn> mapped;
        for (Pfn p : d.vPages)
            if (p != kNoPfn) mapped.push_back(p);
        c.runs = runsOf(mapped);
        for (std::size_t i = 0; i < mapped.size() && i < kCompareMaxPages; ++i) c.frames.push_back(mapped[i]);
        cards.push_back(c);
    }
    if (!d.hasK && !d.hasV)
        m_compareEmpty = tr("Nothing to compare yet: run kmalloc() of more than 8 KiB and vmalloc().");
    else if (!d.hasK)
        m_compareEmpty = tr("No large kmalloc yet: kmalloc() of more than 8 KiB takes contiguous frames.");
    else if (!d.hasV)
        m_compareEmpty = tr("No vmalloc area yet: vmalloc() maps frames from anywhere.");

    const qreal pad = std::round(f.lh * 0.5);
    const QRectF inner = m_panel.adjusted(pad, f.lh * 1.3 + pad * 0.5, -pad, -pad);
    const bool vertical = m_panel.height() > m_panel.width() * 0.8;
    const int cardSlots = 2;
    const qreal gap = pad;
    const QFontMetricsF fms(f.small);
    const qreal rowLabelW = std::max(fms.horizontalAdvance(tr("virtual")), fms.horizontalAdvance(tr("physical"))) + 8;
    for (std::size_t k = 0; k < cards.size(); ++k) {
        CompareCard& c = cards[k];
        const int slot = c.vmalloc ? 1 : 0;
        c.rect = vertical ? QRectF(inner.left(), inner.top() + slot * (inner.height() + gap) / cardSlots, inner.width(),
                     (inner.height() - gap) / cardSlots)
                          : QRectF(inner.left() + slot * (inner.width() + gap) / cardSlots, inner.top(),
                              (inner.width() - gap) / cardSlots, inner.height());
        // Title, two lines of explanation, the page row, the links, the frame row, the frame list.
        const std::size_t n = c.frames.size();
        std::vector<Pfn> sorted = c.frames;
        std::sort(sorted.begin(), sorted.end());
        const int shownRuns = runsOf(sorted);
        const double slotsW = double(n) + 0.9 * double(std::max(0, shownRuns - 1));
        const qreal avail = c.rect.width() - rowLabelW - 4;
        const qreal cellW = std::min<qreal>(26, avail / std::max(1.0, double(n)));
        const qreal frameW = std::min<qreal>(cellW, avail / std::max(1.0, slotsW)); // room for the gaps between runs
        const qreal cellH = std::clamp(cellW * 1.2, 10.0, 22.0);
        const qreal textTop = c.rect.top() + f.lh + f.slh * 3 + 4;
        const qreal pageY = textTop + f.slh + 2;
        const qreal listH = f.slh * 2 + 4;
        const qreal frameY = std::max(pageY + cellH + 18, c.rect.bottom() - listH - cellH - 2);
        const qreal linkMax = std::clamp(c.rect.height() * 0.3, 24.0, 90.0);
        const qreal fy = std::min(frameY, pageY + cellH + linkMax);
        const qreal x0 = c.rect.left() + rowLabelW;
        for (std::size_t i = 0; i < n; ++i)
            c.pageCells.push_back(QRectF(x0 + double(i) * cellW, pageY, cellW - 1, cellH));
        // Frames in physical order, consecutive ones touching, a gap between runs.
        std::vector<double> xs(n, 0.0);
        double x = x0;
        for (std::size_t i = 0; i < sorted.size(); ++i) {
            if (i > 0 && sorted[i] != sorted[i - 1] + 1) x += frameW * 0.9;
            for (std::size_t j = 0; j < n; ++j)
                if (c.frames[j] == sorted[i]) xs[j] = x;
            x += frameW;
        }
        for (std::size_t i = 0; i < n; ++i)
            c.frameCells.push_back(QRectF(xs[i], fy, std::max<qreal>(1, frameW - 1), cellH));
    }
    m_cards = std::move(cards);
}

// ---- tooltips ---------------------------------------------------------------------------

QString KernelSpaceView::frameText(Pfn p) const
{
    const Machine& m = m_ctx->machine();
    const std::uint64_t ps = m.pageSize();
    if (p >= m.frames.size()) return QString();
    QString s = tr("<b>frame %1</b> (%2) · physical %3").arg(QString::number(p), EventText::pfn(p), hex(p * ps));
    const std::uint8_t z = m.zoneOf(p);
    const FrameState st = m.frames.state(m.frames.headOf(p));
    s += u"<br>"_s
        + tr("%1 · %2").arg(
            z < m.zones.size() ? EventText::zoneLabel(m, z) : tr("no zone"), EventText::frameStateName(st));
    const std::uint64_t va = kmem::kernelAddressOf(m, p);
    if (va) {
        QString where;
        if (inVmallocRange(m.kmem.layout, va))
            where = tr("vmalloc area");
        else if (pkmapSlotOf(m.kmem.layout, va) >= 0)
            where = tr("pkmap slot %1").arg(pkmapSlotOf(m.kmem.layout, va));
        else
            where = tr("direct map");
        s += u"<br>"_s + tr("kernel address %1 (%2)").arg(hex(va), where);
        if (inVmallocRange(m.kmem.layout, va) && !kmem::isHighMemPage(m, p))
            s += u"<br>"_s + tr("also in the direct map at %1").arg(hex(physToVirt(m.kmem.layout, p * ps)));
    } else if (kmem::isHighMemPage(m, p)) {
        s += u"<br>"_s + tr("HighMem: no kernel address until kmap() or vmalloc maps it");
    }
    for (std::size_t i = 0; i < m.kmem.kmapLocal.size(); ++i)
        if (m.kmem.kmapLocal[i] == p)
            s += u"<br>"_s
                + tr("kmap_local slot %1 at %2").arg(i).arg(hex(m.kmem.layout.kmapLocalAddr(std::uint32_t(i))));
    return s;
}

QString KernelSpaceView::toolTipAt(QPointF pos) const
{
    ensureLayout();
    const Machine& m = m_ctx->machine();
    const std::uint64_t ps = m.pageSize();
    const auto mapping = [&](const QString& what, std::uint64_t va, Pfn p) {
        return tr("<b>%1</b><br>%2 → frame %3 (physical %4)").arg(what, hex(va), QString::number(p), hex(p * ps));
    };
    const auto kindName = [&](LineKind k) {
        switch (k) {
        case LineKind::Vmalloc:
            return tr("vmalloc page");
        case LineKind::KernelStack:
            return tr("kernel stack page");
        case LineKind::DirectStack:
            return tr("kernel stack (direct map)");
        case LineKind::Pkmap:
            return tr("pkmap slot");
        case LineKind::KmapLocal:
            return tr("kmap_local slot");
        case LineKind::DirectPage:
            return tr("direct-map page");
        case LineKind::Slab:
            return tr("slab (direct map)");
        case LineKind::Kmalloc:
            return tr("large kmalloc (direct map)");
        }
        return QString();
    };
    for (const CompareCard& c : m_cards)
        for (std::size_t i = 0; i < c.frames.size(); ++i)
            if ((i < c.pageCells.size() && c.pageCells[i].contains(pos))
                || (i < c.frameCells.size() && c.frameCells[i].contains(pos)))
                return mapping(c.vmalloc ? tr("vmalloc page %1").arg(i) : tr("kmalloc page %1").arg(i), c.va + i * ps,
                    c.frames[i]);
    for (const Inset& in : m_insets) {
        if (in.label.contains(pos)) return tr("%1 · %2 – %3").arg(in.text, hex(in.start), hex(in.end - 1));
        if (!in.rect.adjusted(-1, -1, 1, 1).contains(pos)) continue;
        for (std::size_t i = 0; i < in.vas.size(); ++i)
            if (in.cell(i).adjusted(-1, -0.5, 1, 0.5).contains(pos)) {
                if (in.pfns[i] == kNoPfn)
                    return in.guard && i + 1 == in.vas.size()
                        ? tr("guard page at %1: never mapped, so running off the area faults").arg(hex(in.vas[i]))
                        : tr("%1: reserved, no frame mapped yet").arg(hex(in.vas[i]));
                return mapping(kindName(in.kind), in.vas[i], in.pfns[i]);
            }
    }
    for (const MapLine& l : m_lines)
        if (std::hypot(pos.x() - l.to.x(), pos.y() - l.to.y()) < 4
            || (!m_pbar.contains(pos) && distanceToSegment(pos, l.from, l.to) < 2.5))
            return mapping(kindName(l.kind), l.va, l.pfn);
    for (const ZoneStrip& s : m_strips)
        if (s.image.contains(pos))
            if (const auto p = frameAt(pos)) {
                QString t = frameText(*p);
                if (s.framesPerCell > 1.01)
                    t += u"<br>"_s
                        + tr("a cell here holds about %1 frames").arg(num(std::uint64_t(std::lround(s.framesPerCell))));
                return t;
            }
    for (std::size_t k = 0; k < m_regions.size(); ++k) {
        const RegionBox& b = m_regions[k];
        if (!b.rect.contains(pos) && !b.label.contains(pos)) continue;
        const KernelRegion& r = m.kmem.layout.regions[std::size_t(b.region)];
        return tr("<b>%1</b><br>%2 – %3 (%4)<br>%5")
            .arg(b.name, hex(r.start), hex(r.end - 1), bytes(sizeOf(r)), regionDescription(m, r));
    }
    if (m_band.polygon.containsPoint(pos, Qt::OddEvenFill))
        return tr("<b>The direct map</b><br>virtual = physical + PAGE_OFFSET (%1): frames 0 – %2 (%3) need no "
                  "page-table work to be reached")
            .arg(hex(m.kmem.layout.pageOffset), QString::number(m_band.frames ? m_band.frames - 1 : 0),
                bytes(m_band.frames * ps));
    return QString();
}

// ---- painting -------------------------------------------------------------------------

void KernelSpaceView::paintEvent(QPaintEvent*)
{
    if (m_generation != Palette::generation()) {
        m_generation = Palette::generation();
        m_imagesDirty = true;
        m_dirty = true;
        for (QWidget* w : std::initializer_list<QWidget*> { m_scaleLabel, m_compareBox }) Palette::applyTextColour(w);
    }
    ensureLayout();
    const Fonts f(this);
    // The settled picture is painted once per state into an image; a tick of the
    // animation paints only what moves over it.
    const qreal dpr = devicePixelRatioF();
    const QSize px = (QSizeF(size()) * dpr).toSize();
    if (m_cacheDirty || m_cache.size() != px) {
        m_cacheDirty = false;
        m_cache = QImage(px, QImage::Format_ARGB32_Premultiplied);
        m_cache.setDevicePixelRatio(dpr);
        m_cache.fill(Palette::background());
        QPainter cp(&m_cache);
        cp.setRenderHint(QPainter::Antialiasing);
        cp.setRenderHint(QPainter::TextAntialiasing);
        paintHeader(cp, f);
        if (m_regions.empty() || m_strips.empty()) {
            cp.setFont(f.text);
            cp.setPen(Palette::mutedText());
            cp.drawText(rect(), Qt::AlignCenter | Qt::TextWordWrap,
                m_ctx->machine().frames.size() == 0 ? tr("No machine yet.")
                                                    : tr("This machine has no kernel address space to show (a "
                                                         "textbook page-table spec)."));
        } else {
            paintVirtualBar(cp, f);
            paintPhysicalBar(cp, f);
            paintMappings(cp, f, 1.0, false);
            paintInsets(cp, f, 1.0, false);
            paintCompare(cp, f, 1.0, false);
            paintFooter(cp, f);
        }
    }
    QPainter p(this);
    p.drawImage(QPointF(0, 0), m_cache);
    if (m_regions.empty() || m_strips.empty()) return;
    p.setRenderHint(QPainter::Antialiasing);
    p.setRenderHint(QPainter::TextAntialiasing);
    const double t = QEasingCurve(QEasingCurve::InOutCubic).valueForProgress(std::clamp(m_ctx->progress(), 0.0, 1.0));
    paintMappings(p, f, t, true);
    paintInsets(p, f, t, true);
    paintCompare(p, f, t, true);
}

void KernelSpaceView::paintHeader(QPainter& p, const Fonts& f) const
{
    const qreal pad = std::round(f.lh * 0.6);
    p.setFont(f.title);
    p.setPen(Palette::text());
    const qreal right = (m_compareBox->isVisible() ? m_compareBox->x() : m_scaleLabel->x()) - pad;
    const QRectF titleRect(pad, m_header.top(), std::max<qreal>(10, right - pad), m_header.height());
    p.drawText(titleRect, Qt::AlignLeft | Qt::AlignVCenter,
        QFontMetricsF(f.title).elidedText(tr("Kernel address space"), Qt::ElideRight, titleRect.width()));
    p.setPen(QPen(Palette::gridLine(), Palette::line(1)));
    p.drawLine(QPointF(0, m_header.bottom() - 0.5), QPointF(width(), m_header.bottom() - 0.5));
    drawViewCaption(p, f, m_caption, m_captionText, !stepCaption().isEmpty());
}

void KernelSpaceView::paintVirtualBar(QPainter& p, const Fonts& f) const
{
    const Machine& m = m_ctx->machine();
    const KernelLayout& l = m.kmem.layout;
    const Event* e = stepEvent();
    // The heading.
    p.setFont(f.smallBold);
    p.setPen(Palette::mutedText());
    p.drawText(m_vhead, Qt::AlignCenter, m_vheadText);

    // Segments: a region's fill, lighter where it is cut short.
    p.setPen(Qt::NoPen);
    for (const auto& g : m_scale.segments) {
        const KernelRegion& r = l.regions[std::size_t(g.region)];
        const double y0 = m_vbar.bottom() - g.from * m_vbar.height(), y1 = m_vbar.bottom() - g.to * m_vbar.height();
        const QRectF rr(m_vbar.left(), y1, m_vbar.width(), y0 - y1);
        QColor fill = regionFill(r.kind);
        if (g.broken && r.kind == KernelRegionKind::DirectMap) fill = Palette::faded(fill, 0.6);
        p.fillRect(rr, fill);
        if (r.kind == KernelRegionKind::Hole && !g.broken && rr.height() > 3)
            p.fillRect(rr, QBrush(Palette::gridLine(), Qt::BDiagPattern));
    }
    // Boundaries between regions.
    p.setPen(QPen(Palette::gridLine(), Palette::line(1)));
    for (const RegionBox& b : m_regions)
        p.drawLine(QPointF(m_vbar.left(), b.rect.top()), QPointF(m_vbar.right(), b.rect.top()));
    p.setBrush(Qt::NoBrush);
    p.drawRect(m_vbar);
    // Breaks: a zig-zag where the scale is cut.
    for (const auto& g : m_scale.segments) {
        if (!g.broken) continue;
        const double y0 = m_vbar.bottom() - g.from * m_vbar.height(), y1 = m_vbar.bottom() - g.to * m_vbar.height();
        const double h = y0 - y1;
        const double amp = std::min(3.0, std::max(1.5, h / 4));
        if (h >= 14) {
            drawBreak(p, m_vbar.left(), m_vbar.right(), y1 + h * 0.3, amp);
            drawBreak(p, m_vbar.left(), m_vbar.right(), y1 + h * 0.7, amp);
        } else {
            drawBreak(p, m_vbar.left(), m_vbar.right(), (y0 + y1) / 2, amp);
        }
    }
    // The step's region.
    if (e) {
        std::uint64_t va = 0;
        if (e->type == EventType::Vmalloc || e->type == EventType::Vfree || e->type == EventType::Kmap
            || e->type == EventType::Kunmap || e->type == EventType::Kmalloc || e->type == EventType::SlabAlloc)
            va = e->a;
        if (e->type == EventType::SlabGrow) va = physToVirt(l, e->pfn * m.pageSize());
        if (e->type == EventType::Kunmap && e->order == std::uint8_t(KmapKind::Flush)) va = l.pkmapBase;
        if (e->type == EventType::TlbFlush && (e->flags & EventFlag::Kernel)
            && static_cast<TlbFlushKind>((e->flags >> EventFlag::FlushKindShift) & 0xF) == TlbFlushKind::Page)
            va = e->a;
        if (va)
            if (const KernelRegion* r = regionOf(l, va))
                for (const RegionBox& b : m_regions)
                    if (b.start == r->start) {
                        p.setPen(QPen(hot(), Palette::line(2.5)));
                        p.setBrush(Qt::NoBrush);
                        p.drawRect(b.rect.adjusted(-1.5, -1.5, 1.5, 1.5));
                    }
    }

    // Labels with leaders to their regions.
    const QFontMetricsF fms(f.small), fmsb(f.smallBold);
    for (std::size_t k = 0; k < m_regions.size(); ++k) {
        const Label& lb = m_regionLabels[k];
        if (lb.rect.isEmpty()) continue;
        const RegionBox& b = m_regions[k];
        const KernelRegion& r = l.regions[std::size_t(b.region)];
        const bool hole = r.kind == KernelRegionKind::Hole;
        const qreal ly = lb.rect.top() + (lb.line2.isEmpty() ? lb.rect.height() / 2 : f.slh / 2);
        const qreal ay = std::clamp(lb.anchorY, b.rect.top(), b.rect.bottom());
        p.setPen(QPen(Palette::mutedText(), Palette::line(1)));
        const qreal x1 = lb.rect.right() + 3, x2 = m_vbar.left() - 5;
        if (std::abs(ly - ay) > 1)
            p.drawPolyline(
                QPolygonF({ QPointF(x1, ly), QPointF(x2 - 4, ly), QPointF(x2, ay), QPointF(m_vbar.left(), ay) }));
        else
            p.drawLine(QPointF(x1, ly), QPointF(m_vbar.left(), ay));
        p.setFont(f.smallBold);
        p.setPen(hole ? Palette::mutedText() : Palette::text());
        p.drawText(QRectF(lb.rect.left(), lb.rect.top(), lb.rect.width(), f.slh), Qt::AlignRight | Qt::AlignVCenter,
            fmsb.elidedText(lb.line1, Qt::ElideRight, lb.rect.width()));
        if (!lb.line2.isEmpty()) {
            p.setFont(f.small);
            p.setPen(Palette::mutedText());
            p.drawText(QRectF(lb.rect.left(), lb.rect.top() + f.slh, lb.rect.width(), f.slh),
                Qt::AlignRight | Qt::AlignVCenter, fms.elidedText(lb.line2, Qt::ElideMiddle, lb.rect.width()));
        }
    }
}

void KernelSpaceView::paintPhysicalBar(QPainter& p, const Fonts& f) const
{
    const Machine& m = m_ctx->machine();
    p.setFont(f.smallBold);
    p.setPen(Palette::mutedText());
    p.drawText(m_phead, Qt::AlignCenter, m_pheadText);
    for (std::size_t i = 0; i < m_strips.size(); ++i) {
        const ZoneStrip& s = m_strips[i];
        p.fillRect(s.rect, Palette::tint(Palette::text(), Palette::isDark() ? 0.05 : 0.03));
        if (i < m_stripImages.size()) {
            p.save();
            p.setRenderHint(QPainter::SmoothPixmapTransform, false);
            p.drawImage(s.image, m_stripImages[i]);
            p.restore();
        }
        const bool high = s.zoneId >= 0 && m.zones[std::size_t(s.zoneId)].type == ZoneType::HighMem;
        const QColor zc = s.zoneId >= 0 ? Palette::zone(m.zones[std::size_t(s.zoneId)].type) : Palette::mutedText();
        p.setPen(QPen(Palette::gridLine(), Palette::line(1)));
        p.setBrush(Qt::NoBrush);
        p.drawRect(s.rect);
        // The zone's hue as a stripe on the outer edge.
        p.fillRect(QRectF(s.rect.right() + 1, s.rect.top(), 4, s.rect.height()), zc);
        if (high) {
            // No band reaches HighMem: its edge facing the virtual side is marked.
            p.setPen(QPen(Palette::alarm(), Palette::line(2), Qt::DashLine));
            p.drawLine(QPointF(s.rect.left() - 3, s.rect.top()), QPointF(s.rect.left() - 3, s.rect.bottom()));
        }
        // The label, with a leader when it had to move.
        if (i >= m_stripLabels.size()) continue;
        const Label& lb = m_stripLabels[i];
        if (lb.rect.isEmpty()) continue;
        const qreal ly = lb.rect.top() + f.slh / 2;
        const qreal ay = std::clamp(lb.anchorY, s.rect.top(), s.rect.bottom());
        if (!(ay >= lb.rect.top() && ay <= lb.rect.bottom())) {
            p.setPen(QPen(Palette::mutedText(), Palette::line(1)));
            p.drawPolyline(QPolygonF({ QPointF(s.rect.right() + 6, ay), QPointF(lb.rect.left() - 2, ly) }));
        }
        const QFontMetricsF fms(f.small);
        p.setFont(f.smallBold);
        p.setPen(lb.ink);
        p.drawText(QRectF(lb.rect.left(), lb.rect.top(), lb.rect.width(), f.slh), Qt::AlignLeft | Qt::AlignVCenter,
            fms.elidedText(lb.line1, Qt::ElideRight, lb.rect.width()));
        p.setFont(f.small);
        if (!lb.line2.isEmpty()) {
            p.setPen(Palette::mutedText());
            p.drawText(QRectF(lb.rect.left(), lb.rect.top() + f.slh, lb.rect.width(), f.slh),
                Qt::AlignLeft | Qt::AlignVCenter, fms.elidedText(lb.line2, Qt::ElideRight, lb.rect.width()));
        }
        if (!lb.line3.isEmpty()) {
            p.setPen(Palette::ink(Palette::alarm()));
            p.drawText(QRectF(lb.rect.left(), lb.rect.top() + 2 * f.slh, lb.rect.width(), f.slh),
                Qt::AlignLeft | Qt::AlignVCenter, fms.elidedText(lb.line3, Qt::ElideRight, lb.rect.width()));
        }
    }
}

void KernelSpaceView::paintMappings(QPainter& p, const Fonts& f, double t, bool overlay) const
{
    // The band's rule, over the lines that cross it.
    const auto bandLabel = [&] {
        if (m_bandLabel.isEmpty()) return;
        const QRectF& r = m_bandLabel;
        p.setPen(QPen(Palette::withAlpha(directColour(), 0.6), Palette::line(1)));
        p.setBrush(Palette::withAlpha(Palette::background(), 0.92));
        p.drawRoundedRect(r, 4, 4);
        p.setFont(f.smallBold);
        p.setPen(Palette::ink(directColour()));
        p.drawText(QRectF(r.left(), r.top() + 3, r.width(), f.slh), Qt::AlignCenter, m_bandText1);
        p.setFont(f.small);
        p.drawText(QRectF(r.left(), r.top() + 3 + f.slh, r.width(), f.slh), Qt::AlignCenter, m_bandText2);
    };
    const auto moving = [](const MapLine& l) { return l.current || l.grows || l.fades; };
    // A casing in the background colour keeps a line visible over frames of its own hue:
    // only where it crosses the physical bar (wide antialiased strokes are not cheap).
    const auto cased = [](const MapLine& l) { return l.kind != LineKind::Slab && l.kind != LineKind::Kmalloc; };
    const auto casingOf = [this](QPointF from, QPointF to) {
        const double dx = to.x() - from.x();
        const double u = dx > 1 ? std::clamp((m_pbar.left() - 3 - from.x()) / dx, 0.0, 1.0) : 0.0;
        return QLineF(from + (to - from) * u, to);
    };
    if (!overlay) {
        // The direct map's band.
        if (!m_band.polygon.isEmpty()) {
            const QColor c = directColour();
            p.setPen(Qt::NoPen);
            p.setBrush(Palette::withAlpha(c, Palette::isDark() ? 0.22 : 0.16));
            p.drawPolygon(m_band.polygon);
            p.setPen(QPen(Palette::withAlpha(c, 0.7), Palette::line(1.2)));
            p.drawLine(m_band.polygon[0], m_band.polygon[3]);
            p.drawLine(m_band.polygon[1], m_band.polygon[2]);
        }
        // Connectors from the bar to the insets: a wedge from the magnified range.
        for (const Inset& in : m_insets) {
            if (in.fades) continue;
            const double y0 = m_vbar.bottom() - m_scale.fraction(in.start) * m_vbar.height();
            const double y1 = m_vbar.bottom() - m_scale.fractionOfEnd(in.end) * m_vbar.height();
            const QColor c = lineColour(in.kind);
            p.setPen(QPen(Palette::withAlpha(c, 0.55), Palette::line(1)));
            p.setBrush(Palette::withAlpha(c, 0.10));
            p.drawPolygon(QPolygonF({ QPointF(m_vbar.right(), y0 + 0.5), QPointF(m_vbar.right(), y1 - 0.5),
                QPointF(in.rect.left(), in.rect.top()), QPointF(in.rect.left(), in.rect.bottom()) }));
        }
        // The settled lines, thin and see-through, batched by kind.
        constexpr int kinds = int(LineKind::Kmalloc) + 1;
        std::vector<QLineF> casing;
        std::array<std::vector<QLineF>, kinds> byKind;
        std::array<std::vector<QPointF>, kinds> ends;
        for (const MapLine& l : m_lines) {
            if (moving(l)) continue;
            byKind[std::size_t(l.kind)].emplace_back(l.from, l.to);
            if (cased(l)) {
                casing.push_back(casingOf(l.from, l.to));
                ends[std::size_t(l.kind)].push_back(l.to);
            }
        }
        // Casings help a few lines; a fan of hundreds is visible by itself, and their casings
        // would wash out the frames where they end.
        if (casing.size() <= 64) {
            p.setPen(QPen(Palette::withAlpha(Palette::background(), 0.33), Palette::line(3.0)));
            p.drawLines(casing.data(), int(casing.size()));
        }
        for (int k = 0; k < kinds; ++k) {
            const auto kind = static_cast<LineKind>(k);
            const QColor c = lineColour(kind);
            const double a = kind == LineKind::Slab ? 0.35 : 0.6;
            p.setPen(QPen(Palette::withAlpha(c, a), Palette::line(1.0)));
            p.drawLines(byKind[std::size_t(k)].data(), int(byKind[std::size_t(k)].size()));
            // A dot on each frame, ringed in the background colour so it stands out on a busy raster.
            p.setPen(QPen(Palette::withAlpha(Palette::background(), a), Palette::line(1.5)));
            p.setBrush(Palette::withAlpha(Palette::ink(c), a));
            // One dot per cell, however many frames of it are mapped; small and plain when
            // there are many (a row of ringed dots would hide the frames).
            auto& pts = ends[std::size_t(k)];
            std::sort(pts.begin(), pts.end(),
                [](QPointF a, QPointF b) { return a.x() < b.x() || (a.x() == b.x() && a.y() < b.y()); });
            pts.erase(std::unique(pts.begin(), pts.end()), pts.end());
            const bool few = pts.size() <= 32;
            if (!few) p.setPen(Qt::NoPen);
            for (const QPointF& pt : pts) p.drawEllipse(pt, few ? 3.0 : 1.6, few ? 3.0 : 1.6);
        }
        bandLabel();
        return;
    }

    // Over the settled picture: the step's lines (growing, fading), the selected frame's.
    const std::optional<Pfn> sel = m_ctx->selectedFrame();
    for (const MapLine& l : m_lines) {
        const bool selected = sel && *sel == l.pfn;
        if (!moving(l) && !selected) continue;
        const bool lit = l.current || selected;
        const QColor c = l.current ? hot() : selected ? Palette::text() : lineColour(l.kind);
        double a = lit ? 1.0 : 0.6;
        if (l.fades) a *= 1.0 - t;
        if (a <= 0.01) continue;
        const QPointF to = l.grows ? l.from + (l.to - l.from) * t : l.to;
        if (cased(l) || lit) {
            p.setPen(QPen(Palette::withAlpha(Palette::background(), 0.55 * a), Palette::line(lit ? 4.5 : 3.0)));
            p.drawLine(lit ? QLineF(l.from, to) : casingOf(l.from, to));
        }
        p.setPen(QPen(Palette::withAlpha(c, a), Palette::line(lit ? 2.4 : 1.0)));
        p.drawLine(l.from, to);
        if (!l.grows || t > 0.85) {
            if (lit) {
                p.setBrush(Qt::NoBrush);
                p.setPen(QPen(Palette::withAlpha(c, a), Palette::line(2)));
                p.drawEllipse(l.to, 4.5, 4.5);
            } else if (cased(l)) {
                p.setPen(QPen(Palette::withAlpha(Palette::background(), a), Palette::line(1.5)));
                p.setBrush(Palette::withAlpha(Palette::ink(c), a));
                p.drawEllipse(l.to, 3.0, 3.0);
            }
        }
    }
    if (std::any_of(
            m_lines.begin(), m_lines.end(), [&](const MapLine& l) { return moving(l) || (sel && *sel == l.pfn); }))
        bandLabel();
    // The selected frame, wherever it is.
    if (sel)
        if (const auto pt = pointOfFrame(*sel)) {
            p.setBrush(Qt::NoBrush);
            p.setPen(QPen(Palette::background(), Palette::line(4)));
            p.drawEllipse(*pt, 6, 6);
            p.setPen(QPen(Palette::text(), Palette::line(2)));
            p.drawEllipse(*pt, 6, 6);
        }
    // The TLB flush badge.
    if (!m_badge.isEmpty()) {
        const double a = std::clamp(t / 0.2, 0.0, 1.0);
        p.setPen(Qt::NoPen);
        p.setBrush(Palette::withAlpha(Palette::tlbMiss(), a));
        p.drawRoundedRect(m_badge, m_badge.height() / 2, m_badge.height() / 2);
        p.setFont(f.smallBold);
        p.setPen(Palette::withAlpha(Palette::textOn(Palette::tlbMiss()), a));
        p.drawText(m_badge, Qt::AlignCenter,
            QFontMetricsF(f.smallBold).elidedText(m_badgeText, Qt::ElideRight, m_badge.width() - 8));
    }
}

void KernelSpaceView::paintInsets(QPainter& p, const Fonts& f, double t, bool overlay) const
{
    const QFontMetricsF fms(f.small);
    for (const Inset& in : m_insets) {
        const QColor c = lineColour(in.kind);
        // A vfree'd area fades over the step: all of it is drawn over the settled picture.
        if (in.fades == overlay) {
            const double fade = in.fades ? 1.0 - t : 1.0;
            const double h = in.rect.height() / double(std::max<std::size_t>(1, in.vas.size()));
            p.setPen(Qt::NoPen);
            // Cells thinner than a pixel: one fill for the mapped pages (an area maps all of them).
            if (h < 1.5) p.fillRect(in.rect, Palette::withAlpha(c, fade));
            for (std::size_t i = 0; i < in.vas.size() && h >= 1.5; ++i) {
                const QRectF r = in.cell(i);
                if (in.pfns[i] == kNoPfn) {
                    // The guard page hatched; a page reserved but not mapped yet empty.
                    p.fillRect(r, Palette::withAlpha(Palette::background(), fade));
                    if (in.guard && i + 1 == in.vas.size())
                        p.fillRect(r, QBrush(Palette::withAlpha(Palette::mutedText(), fade), Qt::BDiagPattern));
                    continue;
                }
                p.fillRect(h >= 4 ? r.adjusted(0, 0.5, 0, -0.5) : r, Palette::withAlpha(c, fade));
            }
            p.setBrush(Qt::NoBrush);
            p.setPen(QPen(Palette::withAlpha(in.current ? hot() : Palette::mutedText(), fade),
                Palette::line(in.current ? 2 : 1)));
            p.drawRect(in.rect);
        }
        // The flash of the slot or page the step maps: a ring that grows and fades.
        if (overlay && in.flash >= 0 && std::size_t(in.flash) < in.vas.size()) {
            const QRectF r = in.cell(std::size_t(in.flash));
            const qreal grow = 2 + 7 * t;
            p.setBrush(Qt::NoBrush);
            p.setPen(QPen(Palette::withAlpha(Palette::highlight(), 1.0 - 0.7 * t), Palette::line(2.5)));
            p.drawRect(r.adjusted(-grow, -grow / 2, grow, grow / 2));
            p.setPen(QPen(hot(), Palette::line(2)));
            p.drawRect(r);
        }
        // The name above, on a pill so that lines pass under it (again over the step's lines).
        {
            p.setPen(Qt::NoPen);
            p.setBrush(Palette::withAlpha(Palette::background(), 0.9));
            p.drawRoundedRect(in.label, 3, 3);
            p.setFont(f.small);
            p.setPen(in.current ? hot() : Palette::ink(c));
            p.drawText(in.label.adjusted(2, 0, -2, 0), Qt::AlignLeft | Qt::AlignVCenter,
                fms.elidedText(in.text, Qt::ElideRight, in.label.width() - 4));
        }
    }
}

void KernelSpaceView::paintCompare(QPainter& p, const Fonts& f, double t, bool overlay) const
{
    if (m_panel.isEmpty()) return;
    if (overlay) {
        // Only the step's links move.
        const Event* e = stepEvent();
        const std::uint64_t ps = m_ctx->machine().pageSize();
        for (const CompareCard& c : m_cards)
            for (std::size_t i = 0; i < c.pageCells.size() && i < c.frameCells.size(); ++i) {
                const bool lit = e
                    && ((c.vmalloc && e->type == EventType::Vmalloc && e->order == std::uint8_t(VmallocOp::Map)
                            && e->a == c.va + i * ps)
                        || (!c.vmalloc && e->type == EventType::Kmalloc && e->c == kNoCache && e->a == c.va));
                if (!lit) continue;
                const QPointF a(c.pageCells[i].center().x(), c.pageCells[i].bottom());
                const QPointF b(c.frameCells[i].center().x(), c.frameCells[i].top());
                p.setPen(QPen(hot(), Palette::line(2.2)));
                p.drawLine(a, a + (b - a) * t);
            }
        return;
    }
    const Machine& m = m_ctx->machine();
    const std::uint64_t ps = m.pageSize();
    const Event* e = stepEvent();
    const qreal pad = std::round(f.lh * 0.5);
    p.setPen(QPen(Palette::gridLine(), Palette::line(1)));
    p.setBrush(Palette::tint(Palette::text(), Palette::isDark() ? 0.05 : 0.025));
    p.drawRoundedRect(m_panel, 6, 6);
    p.setFont(f.bold);
    p.setPen(Palette::text());
    p.drawText(QRectF(m_panel.left() + pad, m_panel.top() + pad * 0.5, m_panel.width() - 2 * pad, f.lh * 1.2),
        Qt::AlignLeft | Qt::AlignVCenter, tr("kmalloc vs vmalloc"));
    const QFontMetricsF fms(f.small), fmb(f.bold);
    if (m_cards.size() < 2 && !m_compareEmpty.isEmpty()) {
        const QRectF r(m_panel.left() + pad, m_panel.bottom() - f.slh * 3 - pad, m_panel.width() - 2 * pad, f.slh * 3);
        p.setFont(f.small);
        p.setPen(Palette::mutedText());
        p.drawText(
            r, Qt::AlignLeft | Qt::AlignBottom | Qt::TextWordWrap, Palette::fitWrapped(f.small, r, m_compareEmpty));
    }
    for (const CompareCard& c : m_cards) {
        const QColor lc = lineColour(c.vmalloc ? LineKind::Vmalloc : LineKind::Kmalloc);
        const QString title = c.vmalloc ? tr("vmalloc(%1)").arg(bytes(c.bytes)) : tr("kmalloc(%1)").arg(bytes(c.bytes));
        p.setFont(f.bold);
        p.setPen(Palette::ink(lc));
        p.drawText(QRectF(c.rect.left(), c.rect.top(), c.rect.width(), f.lh), Qt::AlignLeft | Qt::AlignVCenter,
            fmb.elidedText(title, Qt::ElideRight, c.rect.width()));
        QString sub;
        if (!c.vmalloc)
            sub = tr(
                "%1 contiguous frames: one order-%2 block from the buddy allocator, reached through the direct map.")
                      .arg(c.pages)
                      .arg(int(std::log2(double(c.pages))));
        else if (c.runs <= 1)
            sub = tr("%1 pages, each from any free frame; virtually contiguous. Here the frames happen to be "
                     "contiguous too.")
                      .arg(c.pages);
        else
            sub = tr("%1 pages, each from any free frame: virtually contiguous, physically in %2 pieces.")
                      .arg(c.pages)
                      .arg(c.runs);
        const QRectF subR(c.rect.left(), c.rect.top() + f.lh, c.rect.width(), f.slh * 3 + 2);
        p.setFont(f.small);
        p.setPen(Palette::mutedText());
        p.drawText(subR, Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, Palette::fitWrapped(f.small, subR, sub));
        if (c.pageCells.empty()) continue;
        const qreal left = c.rect.left();
        const QRectF& first = c.pageCells.front();
        // The virtual range above the pages, the row names beside them.
        p.setPen(Palette::mutedText());
        p.drawText(QRectF(first.left(), first.top() - f.slh - 1, c.rect.right() - first.left(), f.slh),
            Qt::AlignLeft | Qt::AlignBottom,
            fms.elidedText(tr("%1 – %2").arg(hex(c.va), hex(c.va + c.pages * ps - 1)), Qt::ElideRight,
                c.rect.right() - first.left()));
        const auto rowLabel = [&](const QRectF& cell, const QString& s) {
            p.drawText(QRectF(left, cell.center().y() - f.slh / 2, first.left() - left - 4, f.slh),
                Qt::AlignRight | Qt::AlignVCenter, s);
        };
        rowLabel(first, tr("virtual"));
        rowLabel(c.frameCells.front(), tr("physical"));
        // The step's page, if it is one of these.
        int litPage = -1;
        bool litAll = false;
        if (e && c.vmalloc && e->type == EventType::Vmalloc && e->order == std::uint8_t(VmallocOp::Map) && e->a >= c.va
            && e->a < c.va + c.pages * ps)
            litPage = int((e->a - c.va) / ps);
        if (e && !c.vmalloc && e->type == EventType::Kmalloc && e->c == kNoCache && e->a == c.va) litAll = true;
        // Links (the step's grow over the settled picture), then the cells.
        for (std::size_t i = 0; i < c.pageCells.size() && i < c.frameCells.size(); ++i) {
            if (litAll || int(i) == litPage) continue;
            const QPointF a(c.pageCells[i].center().x(), c.pageCells[i].bottom());
            const QPointF b(c.frameCells[i].center().x(), c.frameCells[i].top());
            p.setPen(QPen(Palette::withAlpha(Palette::ink(lc), 0.8), Palette::line(1.1)));
            p.drawLine(a, b);
        }
        for (std::size_t i = 0; i < c.pageCells.size(); ++i) {
            const bool lit = litAll || int(i) == litPage;
            p.setPen(lit ? QPen(hot(), Palette::line(2)) : QPen(Palette::gridLine(), Palette::line(1)));
            p.setBrush(Palette::tint(lc, 0.55));
            p.drawRect(c.pageCells[i]);
            if (i < c.frameCells.size() && i < c.frames.size()) {
                const Pfn pf = c.frames[i];
                const std::uint8_t z = m.zoneOf(pf);
                const FrameState st = pf < m.frames.size() ? m.frames.state(m.frames.headOf(pf)) : FrameState::Hole;
                const QColor fc = Palette::frame(z < m.zones.size() ? m.zones[z].type : ZoneType::Count, st);
                p.setBrush(fc);
                p.setPen(lit ? QPen(hot(), Palette::line(2)) : QPen(Palette::gridLine(), Palette::line(1)));
                p.drawRect(c.frameCells[i]);
            }
        }
        // Under each run of frames, its first frame number when it fits.
        p.setFont(f.small);
        p.setPen(Palette::mutedText());
        std::vector<std::size_t> byX(c.frameCells.size());
        for (std::size_t i = 0; i < byX.size(); ++i) byX[i] = i;
        std::sort(byX.begin(), byX.end(),
            [&](std::size_t a, std::size_t b) { return c.frameCells[a].left() < c.frameCells[b].left(); });
        qreal freeX = -1e9;
        for (std::size_t k = 0; k < byX.size(); ++k) {
            const std::size_t i = byX[k];
            const bool runStart = k == 0 || c.frames[i] != c.frames[byX[k - 1]] + 1;
            if (!runStart) continue;
            const QString s = QString::number(c.frames[i]);
            const qreal w = fms.horizontalAdvance(s);
            const qreal x = c.frameCells[i].left();
            if (x < freeX || x + w > c.rect.right()) continue;
            p.drawText(QRectF(x, c.frameCells[i].bottom() + 1, w + 2, f.slh), Qt::AlignLeft | Qt::AlignTop, s);
            freeX = x + w + fms.horizontalAdvance(u"  "_s);
        }
        // Every frame, listed.
        std::vector<Pfn> all = c.frames;
        QString list = c.vmalloc ? tr("frames %1").arg(frameList(all, 12))
                                 : tr("frames %1–%2").arg(c.frames.front()).arg(c.frames.front() + c.pages - 1);
        if (c.vmalloc && c.pages > c.frames.size())
            list += u' ' + tr("(first %1 of %2 pages)").arg(c.frames.size()).arg(c.pages);
        const QRectF listR(c.rect.left(), c.frameCells.front().bottom() + f.slh + 2, c.rect.width(),
            std::max<qreal>(f.slh, c.rect.bottom() - c.frameCells.front().bottom() - f.slh - 2));
        p.setPen(Palette::text());
        p.drawText(listR, Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, Palette::fitWrapped(f.small, listR, list));
    }
}

void KernelSpaceView::paintFooter(QPainter& p, const Fonts& f) const
{
    const QFontMetricsF fms(f.small);
    if (!m_legend.isEmpty()) {
        struct Item {
            QColor c;
            QString text;
            bool band;
        };
        const bool is32 = m_ctx->machine().config.arch.is32bit;
        const std::vector<Item> items = {
            { directColour(), is32 ? tr("direct map: lowmem 1:1") : tr("direct map: all RAM 1:1"), true },
            { lineColour(LineKind::Vmalloc), tr("vmalloc page"), false },
            { lineColour(LineKind::KernelStack), tr("kernel stack"), false },
            { lineColour(LineKind::Pkmap), tr("kmap / kmap_local slot"), false },
            { lineColour(LineKind::Slab), tr("slab / kmalloc"), false },
            { hot(), tr("this step"), false },
        };
        qreal x = m_legend.left();
        const qreal cy = m_legend.center().y();
        const qreal sw = f.slh * 1.6;
        p.setFont(f.small);
        for (const Item& it : items) {
            const qreal need = sw + 5 + fms.horizontalAdvance(it.text) + f.slh;
            if (x + need - f.slh > m_legend.right()) break;
            if (it.band) {
                p.setPen(QPen(Palette::withAlpha(it.c, 0.7), Palette::line(1)));
                p.setBrush(Palette::withAlpha(it.c, Palette::isDark() ? 0.3 : 0.22));
                p.drawRect(QRectF(x, cy - f.slh * 0.3, sw, f.slh * 0.6));
            } else {
                p.setPen(QPen(it.c, Palette::line(2.2)));
                p.drawLine(QPointF(x, cy), QPointF(x + sw, cy));
            }
            p.setPen(Palette::mutedText());
            p.drawText(QRectF(x + sw + 5, m_legend.top(), fms.horizontalAdvance(it.text) + 2, m_legend.height()),
                Qt::AlignLeft | Qt::AlignVCenter, it.text);
            x += need;
        }
    }
    p.setFont(f.small);
    p.setPen(Palette::mutedText());
    p.drawText(m_footnote, Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap,
        Palette::fitWrapped(f.small, m_footnote, footnoteText()));
}

} // namespace memviz
