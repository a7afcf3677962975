#include "PhysicalMemoryView.h"

#include "ViewContext.h"
#include "alloc/KernelMap.h"
#include "sim/Command.h"
#include "sim/Event.h"
#include "sim/Machine.h"
#include "vm/VmOps.h"

#include <QAction>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QGuiApplication>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QLocale>
#include <QMenu>
#include <QMouseEvent>
#include <QPaintEngine>
#include <QPainter>
#include <QScrollBar>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <functional>
#include <numbers>
#include <numeric>

namespace memviz {

// ---------------------------------------------------------------------------------
// FrameGridGeometry

namespace {

constexpr int kLargestBlock = 1 << kMaxOrder; ///< frames in an order-10 block

/// The zoom ladder, fewest pixels per frame first: 1/6144 .. 1/2, then 1 .. 48 px.
const std::vector<FrameGridGeometry::Zoom>& zoomLadder()
{
    static const std::vector<FrameGridGeometry::Zoom> ladder = [] {
        std::vector<int> ks;
        for (int a = 0; a <= 11; ++a) {
            ks.push_back(1 << a);
            ks.push_back(3 << a);
        }
        std::sort(ks.begin(), ks.end(), std::greater<>());
        std::vector<FrameGridGeometry::Zoom> v;
        for (int k : ks)
            if (k >= 2) v.push_back({k, 1});
        for (int c : {1, 2, 3, 4, 5, 6, 8, 10, 12, 16, 20, 24, 32, 40, 48}) v.push_back({1, c});
        return v;
    }();
    return ladder;
}

} // namespace

int FrameGridGeometry::columnsFor(Zoom zoom, int availableWidth)
{
    const int k = std::max(1, zoom.framesPerCell);
    const int cell = std::max(1, zoom.cellPx);
    const int fit = std::max(1, availableWidth / cell); // cells that fit in a row
    if (k == 1) {
        // Blocks are visible: whole order-10 blocks per row, or a power of two of
        // frames below that, so that no block ever wraps.
        if (fit >= kLargestBlock) return fit - fit % kLargestBlock;
        return static_cast<int>(std::bit_floor(static_cast<unsigned>(fit)));
    }
    // Many frames per pixel: rows of a multiple of the largest block size that still
    // fills 97% of the width (blocks up to that size never wrap).
    for (int j = kMaxOrder; j >= 0; --j) {
        const std::int64_t unit = std::lcm(std::int64_t(1) << j, std::int64_t(k));
        const std::int64_t rowFrames = std::int64_t(fit) * k / unit * unit;
        const auto columns = static_cast<int>(rowFrames / k);
        if (columns * 100 >= fit * 97) return columns;
    }
    return fit;
}

FrameGridGeometry FrameGridGeometry::make(Pfn frames, Zoom zoom, int availableWidth, QPoint origin)
{
    FrameGridGeometry g;
    g.frames = frames;
    g.framesPerCell = std::max(1, zoom.framesPerCell);
    g.cellPx = g.framesPerCell > 1 ? 1 : std::clamp(zoom.cellPx, 1, kMaxCellPx);
    g.columns = columnsFor({g.framesPerCell, g.cellPx}, availableWidth);
    g.origin = origin;
    return g;
}

FrameGridGeometry::Zoom FrameGridGeometry::fitZoom(Pfn frames, int width, int height)
{
    auto fits = [&](Zoom z) {
        const Pfn perRow = Pfn(columnsFor(z, width)) * Pfn(z.framesPerCell);
        const Pfn rows = (frames + perRow - 1) / perRow;
        return rows * Pfn(z.cellPx) <= Pfn(std::max(1, height));
    };
    for (int c = kMaxCellPx; c >= 1; --c)
        if (fits({1, c})) return {1, c};
    const auto& ladder = zoomLadder();
    for (auto it = ladder.rbegin(); it != ladder.rend(); ++it)
        if (it->framesPerCell > 1 && fits(*it)) return *it;
    return ladder.front();
}

FrameGridGeometry::Zoom FrameGridGeometry::zoomIn(Zoom z)
{
    for (const Zoom& l : zoomLadder())
        if (l.pixelsPerFrame() > z.pixelsPerFrame() * (1 + 1e-9)) return l;
    return z;
}

FrameGridGeometry::Zoom FrameGridGeometry::zoomOut(Zoom z)
{
    const auto& ladder = zoomLadder();
    for (auto it = ladder.rbegin(); it != ladder.rend(); ++it)
        if (it->pixelsPerFrame() < z.pixelsPerFrame() * (1 - 1e-9)) return *it;
    return z;
}

std::int64_t FrameGridGeometry::rows() const
{
    const Pfn per = rowFrames();
    return per ? std::int64_t((frames + per - 1) / per) : 0;
}

std::optional<Pfn> FrameGridGeometry::pfnAt(QPoint pos) const
{
    const std::int64_t x = std::int64_t(pos.x()) - origin.x(), y = std::int64_t(pos.y()) - origin.y();
    if (x < 0 || y < 0 || cellPx <= 0) return std::nullopt;
    const std::int64_t col = x / cellPx, row = y / cellPx;
    if (col >= columns) return std::nullopt;
    const Pfn p = (Pfn(row) * Pfn(columns) + Pfn(col)) * Pfn(framesPerCell);
    if (p >= frames) return std::nullopt;
    return p;
}

QRect FrameGridGeometry::cellRect(Pfn p) const
{
    return QRect(origin.x() + columnOf(p) * cellPx, static_cast<int>(rowTop(rowOf(p))), cellPx, cellPx);
}

std::vector<QRect> FrameGridGeometry::rangeRects(Pfn first, Pfn last) const
{
    std::vector<QRect> out;
    last = std::min(last, frames);
    if (first >= last) return out;
    const auto k = Pfn(framesPerCell), cols = Pfn(columns);
    const Pfn c0 = first / k, c1 = (last - 1) / k; // first and last cell, inclusive
    const auto r0 = std::int64_t(c0 / cols), r1 = std::int64_t(c1 / cols);
    const int x0 = int(c0 % cols), x1 = int(c1 % cols);
    auto rect = [&](int colA, int colB, std::int64_t rowA, std::int64_t rowB) { // inclusive
        return QRect(origin.x() + colA * cellPx, static_cast<int>(rowTop(rowA)), (colB - colA + 1) * cellPx,
                     static_cast<int>((rowB - rowA + 1) * cellPx));
    };
    if (r0 == r1) {
        out.push_back(rect(x0, x1, r0, r0));
        return out;
    }
    std::int64_t fullFrom = r0, fullTo = r1;
    if (x0 > 0) {
        out.push_back(rect(x0, columns - 1, r0, r0));
        fullFrom = r0 + 1;
    }
    if (x1 < columns - 1) fullTo = r1 - 1;
    if (fullTo >= fullFrom) out.push_back(rect(0, columns - 1, fullFrom, fullTo));
    if (x1 < columns - 1) out.push_back(rect(0, x1, r1, r1));
    return out;
}

// ---------------------------------------------------------------------------------
// PhysicalMemoryView

namespace {

constexpr int kPad = 8;
constexpr int kZoneBar = 6;

QString hex(std::uint64_t v) { return QStringLiteral("0x") + QString::number(v, 16); }

QString zoneName(ZoneType t)
{
    // The kernel's zone_names[] spelling, never translated.
    return QString::fromLatin1(zoneTypeName(t).data(), static_cast<qsizetype>(zoneTypeName(t).size()));
}

QString sizeText(std::uint64_t bytes)
{
    // "32 KiB", "1.5 GiB"; "16 MiB" rather than "16.0 MiB".
    const QLocale locale;
    QString t = locale.formattedDataSize(static_cast<qint64>(bytes), 1, QLocale::DataSizeIecFormat);
    t.replace(locale.decimalPoint() + QLatin1Char('0') + QLatin1Char(' '), QStringLiteral(" "));
    return t;
}

/// Grows a rectangle to at least `min` pixels square around its centre, so that a
/// block narrower than a pixel still shows where it is.
QRect atLeast(QRect r, int min)
{
    if (r.width() < min) r.adjust(-(min - r.width()) / 2, 0, (min - r.width() + 1) / 2, 0);
    if (r.height() < min) r.adjust(0, -(min - r.height()) / 2, 0, (min - r.height() + 1) / 2);
    return r;
}

/// Live processes in pid order, at most `max` (the legend lists their colours).
std::vector<std::uint32_t> legendPids(const Machine& m, std::size_t max)
{
    std::vector<std::uint32_t> pids;
    for (const auto& [pid, p] : m.procs)
        if (p.alive() && pids.size() < max) pids.push_back(pid);
    return pids;
}

constexpr std::size_t kLegendProcesses = 8;

/// Whether the kernel's own allocations (slab, vmalloc, kernel stacks) hold any frame:
/// the legend lists their states then. Cheap: read from the kmem tables, not the frames.
bool kernelMemoryInUse(const Machine& m)
{
    return !m.kmem.slabs.empty() || m.kmem.vmallocPages || m.kmem.kernelStackPages;
}

QString procName(const Machine& m, std::uint32_t pid)
{
    const Process* p = m.proc(pid);
    return p ? QString::fromStdString(m.str(p->comm)) : QString();
}

/// The level of page-table frame `table` in the tree of `p` (0 = top), -1 if not found.
int tableLevel(const Machine& m, const Process& p, Pfn table)
{
    const ArchSpec& a = m.config.arch;
    const int levels = static_cast<int>(a.levels.size());
    if (p.mm.pgd == kNoPfn) return -1;
    std::vector<Pfn> frontier{p.mm.pgd};
    for (int l = 0; l < levels && !frontier.empty(); ++l) {
        if (std::find(frontier.begin(), frontier.end(), table) != frontier.end()) return l;
        if (l + 1 == levels) break;
        std::vector<Pfn> next;
        const std::uint64_t n = 1ull << a.levels[static_cast<std::size_t>(l)].bits;
        for (Pfn t : frontier)
            for (std::uint64_t i = 0; i < n; ++i) {
                const std::uint64_t e = vm::readEntry(m, t, i);
                if (a.entry.present(e) && !(a.entry.flags(e) & PteFlag::Huge)) next.push_back(a.entry.pfn(e));
            }
        frontier = std::move(next);
    }
    return -1;
}

std::vector<const Zone*> zonesByStart(const Machine& m)
{
    std::vector<const Zone*> zs;
    for (const Zone& z : m.zones)
        if (z.populated() && z.startPfn < m.frames.size()) zs.push_back(&z);
    std::sort(zs.begin(), zs.end(), [](const Zone* a, const Zone* b) { return a->startPfn < b->startPfn; });
    return zs;
}

} // namespace

PhysicalMemoryView::PhysicalMemoryView(ViewContext* ctx, QWidget* parent)
    : QAbstractScrollArea(parent), m_ctx(ctx), m_renderedGeneration(Palette::generation())
{
    setFrameShape(QFrame::NoFrame);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    setFocusPolicy(Qt::StrongFocus);
    viewport()->setMouseTracking(false);
    viewport()->setAttribute(Qt::WA_OpaquePaintEvent);
    setAccessibleName(tr("Physical memory"));
    connect(ctx, &ViewContext::stateChanged, this, &PhysicalMemoryView::onStateChanged);
    connect(ctx, &ViewContext::progressChanged, viewport(), qOverload<>(&QWidget::update));
    connect(ctx, &ViewContext::selectionChanged, this, [this] {
        if (const auto sel = m_ctx->selectedFrame(); sel && *sel < m_ctx->machine().frames.size())
            scrollToRange(*sel, *sel + 1);
        viewport()->update();
    });
    relayout();
}

PhysicalMemoryView::~PhysicalMemoryView() = default;

QSize PhysicalMemoryView::sizeHint() const { return QSize(640, 480); }
QSize PhysicalMemoryView::minimumSizeHint() const { return QSize(240, 180); }

QFont PhysicalMemoryView::textFont() const
{
    // Projector-friendly: never below 10.5 pt, whatever the desktop's default; 16 pt in
    // presentation mode (the legend beside the map stays compact, so not larger).
    const bool show = Palette::presentation();
    QFont f = font();
    if (f.pointSizeF() > 0) f.setPointSizeF(std::max(show ? 16.0 : 10.5, f.pointSizeF()));
    else f.setPixelSize(std::max(show ? 21 : 14, f.pixelSize()));
    return f;
}

QFont PhysicalMemoryView::smallFont() const
{
    // pfn numbers inside cells: the only text allowed below 10 pt (it is repeated
    // information, the tooltip and the selection line carry it too).
    QFont f = font();
    if (f.pointSizeF() > 0) f.setPointSizeF(std::max(8.0, f.pointSizeF() * 0.85));
    return f;
}

// --- state and layout ---------------------------------------------------------------

void PhysicalMemoryView::onStateChanged(bool step)
{
    if (!step) m_dirtyAll = true;
    const Machine& m = m_ctx->machine();
    // The legend lists the live processes and the owner states once there are any.
    const bool vm = !m.procs.empty() || !m.files.empty();
    if (m.frames.size() != m_layoutFrames || vm != m_legendVm || kernelMemoryInUse(m) != m_legendKernel
        || legendPids(m, kLegendProcesses) != m_legendPids)
        relayout();
    if (step && m_follow) {
        const auto hs = highlights();
        for (const Highlight& h : hs)
            if (h.primary) {
                scrollToRange(h.first, h.last);
                break;
            }
    }
    viewport()->update();
}

void PhysicalMemoryView::relayout()
{
    const Machine& m = m_ctx->machine();
    const Pfn frames = m.frames.size();
    const QRect vp = viewport()->rect();
    m_legendVm = !m.procs.empty() || !m.files.empty();
    m_legendKernel = kernelMemoryInUse(m);
    m_legendPids = legendPids(m, kLegendProcesses);
    const QFontMetrics fm(textFont());
    QFont bold = textFont();
    bold.setBold(true);
    const QFontMetrics fmb(bold);

    m_headerHeight = fmb.height() + 2 * kPad;
    // Row labels are hex pfns: size the gutter for the widest digits.
    const QString widestPfn = QStringLiteral("0x") + QString(hex(frames ? frames - 1 : 0).size() - 2, QLatin1Char('0'));
    int labelW = fm.horizontalAdvance(widestPfn);
    for (const Zone& z : m.zones)
        if (z.populated()) labelW = std::max(labelW, fmb.horizontalAdvance(zoneName(z.type)));
    m_gutterWidth = kPad + labelW + kPad + kZoneBar + 4;

    // The legend stays whole, never clipped: beside the grid when that leaves the
    // grid most of the width, else as a band below it, else (tiny views) not at all.
    // Presentation mode's large text may leave no room for it: then it is set smaller
    // (the normal text size) rather than left out.
    m_legendFont = textFont();
    for (int attempt = 0; attempt < 2; ++attempt) {
        m_legendRect = QRect();
        m_legendBand = false;
        m_legendCompact = 0;
        QSize side = legend(nullptr, QRect(0, 0, 0, vp.height()), 0, false);
        if (side.height() > vp.height())
            side = legend(nullptr, QRect(0, 0, 0, vp.height()), m_legendCompact = 1, false);
        if (side.height() <= vp.height()
            && vp.width() - m_gutterWidth - side.width() >= std::max(400, vp.width() * 11 / 20)) {
            m_legendRect = QRect(vp.width() - side.width(), 0, side.width(), vp.height());
        } else {
            m_legendCompact = 0;
            QSize band = legend(nullptr, QRect(0, 0, vp.width(), 0), 0, true);
            if (band.height() > vp.height() * 2 / 5)
                band = legend(nullptr, QRect(0, 0, vp.width(), 0), m_legendCompact = 1, true);
            if (band.height() <= vp.height() * 2 / 5 && band.width() <= vp.width()) {
                m_legendBand = true;
                m_legendRect = QRect(0, vp.height() - band.height(), vp.width(), band.height());
            }
        }
        if (!m_legendRect.isNull() || !Palette::presentation()) break;
        if (m_legendFont.pointSizeF() > 0) m_legendFont.setPointSizeF(10.5);
        else m_legendFont.setPixelSize(14);
    }
    const int right = m_legendRect.isNull() || m_legendBand ? vp.width() : m_legendRect.left();
    const int bottom = m_legendBand ? m_legendRect.top() : vp.height();
    m_gridArea = QRect(m_gutterWidth, m_headerHeight, std::max(0, right - m_gutterWidth),
                       std::max(0, bottom - m_headerHeight));

    const int gridW = std::max(1, m_gridArea.width() - kPad);
    const int gridH = std::max(1, m_gridArea.height() - kPad);
    if (m_fit && frames) m_zoom = FrameGridGeometry::fitZoom(frames, gridW, gridH);
    const FrameGridGeometry g = FrameGridGeometry::make(frames, m_zoom, gridW, QPoint(m_gutterWidth, m_headerHeight));
    if (g.rowFrames() != m_geo.rowFrames() || g.framesPerCell != m_geo.framesPerCell || frames != m_layoutFrames)
        m_dirtyAll = true;
    m_geo = g;
    m_layoutFrames = frames;
    updateScrollBar();
    viewport()->update();
}

void PhysicalMemoryView::updateScrollBar()
{
    const int gridH = std::max(1, m_gridArea.height());
    const std::int64_t content = m_geo.height() + kPad;
    const int max = static_cast<int>(std::clamp<std::int64_t>(content - gridH, 0, INT_MAX / 2));
    QScrollBar* sb = verticalScrollBar();
    const int generation = ++m_layoutGeneration;
    m_scrollY = std::clamp(m_scrollY, 0, max);
    m_geo.origin = QPoint(m_gutterWidth, m_headerHeight - m_scrollY);
    const int wanted = m_scrollY;
    sb->setRange(0, max); // may show or hide the scroll bar, which lays the view out again
    if (generation != m_layoutGeneration) return;
    sb->setPageStep(gridH);
    sb->setSingleStep(std::max(m_geo.cellPx, 24));
    sb->setValue(wanted);
    m_scrollY = wanted;
    m_geo.origin = QPoint(m_gutterWidth, m_headerHeight - m_scrollY);
}

void PhysicalMemoryView::scrollContentsBy(int, int)
{
    m_scrollY = verticalScrollBar()->value();
    m_geo.origin = QPoint(m_gutterWidth, m_headerHeight - m_scrollY);
    viewport()->update();
}

void PhysicalMemoryView::resizeEvent(QResizeEvent* e)
{
    QAbstractScrollArea::resizeEvent(e);
    relayout();
}

void PhysicalMemoryView::scrollToRange(Pfn first, Pfn last)
{
    if (first >= m_geo.frames) return;
    const auto rects = m_geo.rangeRects(first, last);
    if (rects.empty()) return;
    const int top = rects.front().top(), bottom = rects.back().bottom();
    const int gridTop = m_gridArea.top(), gridBottom = m_gridArea.bottom();
    if (top >= gridTop && bottom <= gridBottom) return;
    // Put the range a third of the way down the grid.
    const int contentTop = top - m_geo.origin.y();
    m_scrollY = contentTop - (gridBottom - gridTop) / 3;
    updateScrollBar();
    viewport()->update();
}

void PhysicalMemoryView::setZoom(FrameGridGeometry::Zoom zoom, QPoint anchor)
{
    const QRect vp = viewport()->rect();
    if (anchor.x() < 0 || anchor.y() < m_headerHeight)
        anchor = QPoint(m_gutterWidth + m_geo.width() / 2, (m_headerHeight + vp.height()) / 2);
    // Keep the frame under the anchor where it is.
    std::optional<Pfn> pfn = m_geo.pfnAt(QPoint(std::min(anchor.x(), m_gutterWidth + m_geo.width() - 1), anchor.y()));
    if (!pfn) pfn = m_geo.pfnAt(QPoint(m_gutterWidth, std::max(m_headerHeight, 0)));
    m_fit = false;
    m_zoom = zoom;
    relayout();
    if (pfn) {
        const std::int64_t contentTop = m_geo.rowOf(*pfn) * m_geo.cellPx;
        m_scrollY
            = static_cast<int>(std::clamp<std::int64_t>(contentTop - (anchor.y() - m_headerHeight), 0, INT_MAX / 2));
        updateScrollBar();
    }
    viewport()->update();
}

void PhysicalMemoryView::zoomIn(QPoint anchor) { setZoom(FrameGridGeometry::zoomIn(m_zoom), anchor); }
void PhysicalMemoryView::zoomOut(QPoint anchor) { setZoom(FrameGridGeometry::zoomOut(m_zoom), anchor); }

void PhysicalMemoryView::zoomToFit()
{
    m_fit = true;
    m_scrollY = 0;
    relayout();
}

// --- rendering the map ------------------------------------------------------------

void PhysicalMemoryView::ensureRendered()
{
    const Machine& m = m_ctx->machine();
    const Pfn frames = m.frames.size();
    if (frames != m_layoutFrames) relayout();
    if (Palette::generation() != m_renderedGeneration) {
        m_renderedGeneration = Palette::generation();
        m_renderer.refreshColours();
        if (!m_display.isNull()) m_display.setColorTable(Palette::frameColourTable());
        relayout(); // presentation mode's fonts size the header, the gutter and the legend
    }
    if (!frames) return;

    std::vector<std::uint64_t> zones;
    for (const Zone& z : m.zones) {
        zones.push_back(z.startPfn);
        zones.push_back(z.spanned);
    }
    const auto rowFrames = static_cast<int>(m_geo.rowFrames());
    if (m_renderer.columns() != rowFrames) {
        m_renderer.setColumns(rowFrames);
        m_dirtyAll = true;
    }
    if (m_dirtyAll || m_rendered.size() != frames || zones != m_renderedZones || m_renderer.image().isNull()
        || m_renderer.frames() != frames) {
        m_renderer.renderAll(m);
        updateDisplayRows(0, m_renderer.image().height());
    } else {
        // A step: re-render only the chunks the machine no longer shares with the
        // frames on screen (copy-on-write: an unchanged chunk is the same object).
        bool changed = false;
        const std::size_t n = m.frames.chunkCount();
        for (std::size_t ci = 0; ci < n;) {
            if (&m.frames.chunk(ci) == &m_rendered.chunk(ci)) {
                ++ci;
                continue;
            }
            std::size_t end = ci + 1;
            while (end < n && &m.frames.chunk(end) != &m_rendered.chunk(end)) ++end;
            const Pfn first = Pfn(ci) << FrameChunk::kShift;
            const Pfn last = std::min(frames, Pfn(end) << FrameChunk::kShift);
            m_renderer.renderRange(m, first, last);
            updateDisplayRows(m_renderer.rowOf(first), m_renderer.rowOf(last - 1) + 1);
            changed = true;
            ci = end;
        }
        if (!changed) return;
    }
    m_rendered = m.frames;
    m_renderedZones = std::move(zones);
    m_dirtyAll = false;
}

void PhysicalMemoryView::updateDisplayRows(int firstRow, int lastRow)
{
    if (m_geo.framesPerCell > 1)
        FrameMapRenderer::downsampleMax(m_renderer.image(), m_geo.framesPerCell, &m_display, firstRow, lastRow);
    else
        m_display = QImage();
}

const QImage& PhysicalMemoryView::frameMap()
{
    ensureRendered();
    return m_renderer.image();
}

std::optional<Pfn> PhysicalMemoryView::frameAt(QPoint pos)
{
    if (!m_gridArea.contains(pos)) return std::nullopt; // header, gutter, legend
    const auto base = m_geo.pfnAt(pos);
    if (!base || m_geo.framesPerCell == 1) return base;
    // A pixel of many frames shows the most interesting of them: pick that one.
    ensureRendered();
    const QImage& img = m_renderer.image();
    const Pfn end = std::min(*base + Pfn(m_geo.framesPerCell), m_geo.frames);
    Pfn best = *base;
    int bestIndex = -1;
    for (Pfn p = *base; p < end; ++p) {
        const int v = img.constScanLine(m_renderer.rowOf(p))[m_renderer.columnOf(p)];
        if (v > bestIndex) bestIndex = v, best = p;
    }
    return best;
}

// --- the current step -----------------------------------------------------------

std::vector<PhysicalMemoryView::Highlight> PhysicalMemoryView::highlights() const
{
    std::vector<Highlight> out;
    const Event* e = m_ctx->currentEvent();
    if (!e) return out;
    const Pfn size = Pfn(1) << std::min<int>(e->order, kMaxOrder);
    switch (e->type) {
    case EventType::BuddySplit:
        // The block being halved, and its upper half going onto the free list below.
        out.push_back({e->pfn, e->pfn + size, true});
        out.push_back({e->a, e->a + size / 2, false});
        break;
    case EventType::BuddyMerge:
        out.push_back({e->b, e->b + 2 * size, true});
        out.push_back({e->pfn, e->pfn + size, false});
        out.push_back({e->a, e->a + size, false});
        break;
    case EventType::BuddyAlloc:
    case EventType::BuddyFree:
    case EventType::BuddyListAdd: out.push_back({e->pfn, e->pfn + size, true}); break;
    // Virtual memory: the frame the step gives a use, copies into or points an entry at.
    case EventType::FrameOwner:
    case EventType::PageCacheAdd:
    case EventType::ProcessNew:
    case EventType::TlbFill:
    case EventType::SetPageTableBase: out.push_back({e->pfn, e->pfn + 1, true}); break;
    case EventType::CowCopy:
        out.push_back({e->b, e->b + 1, true});
        out.push_back({e->pfn, e->pfn + 1, false});
        break;
    case EventType::PteSet: {
        const EntryFormat& fmt = m_ctx->machine().config.arch.entry;
        if (fmt.present(e->b)) out.push_back({fmt.pfn(e->b), fmt.pfn(e->b) + 1, true});
        else if (fmt.present(e->c)) out.push_back({fmt.pfn(e->c), fmt.pfn(e->c) + 1, true});
        out.push_back({e->pfn, e->pfn + 1, false}); // the table holding the entry
        break;
    }
    case EventType::WalkStep: {
        out.push_back({e->pfn, e->pfn + 1, true});
        const EntryFormat& fmt = m_ctx->machine().config.arch.entry;
        if (e->flags & EventFlag::Valid) out.push_back({fmt.pfn(e->c), fmt.pfn(e->c) + 1, false});
        break;
    }
    case EventType::ContextSwitch: out.push_back({e->b, e->b + 1, true}); break;
    case EventType::TranslateDone:
        if (e->flags & EventFlag::Valid) {
            const Pfn f = e->b >> m_ctx->machine().config.arch.pageShift;
            out.push_back({f, f + 1, true});
        }
        break;
    // The kernel's own memory: the slab, the mapped page, the block of a large kmalloc.
    case EventType::SlabGrow:
    case EventType::SlabShrink:
    case EventType::NodeFallback: out.push_back({e->pfn, e->pfn + size, true}); break;
    case EventType::SlabAlloc:
    case EventType::SlabFree: {
        const Machine& m = m_ctx->machine();
        const int order = e->b < m.kmem.caches.size() ? m.kmem.caches[e->b].order : 0;
        out.push_back({e->pfn, e->pfn + (Pfn(1) << std::min(order, kMaxOrder)), true});
        break;
    }
    case EventType::Kmalloc:
        if (e->c == kNoCache) {
            out.push_back({e->pfn, e->pfn + size, true});
        } else {
            // The slab the object lies in (a kfree is narrated before the object leaves it).
            const Machine& m = m_ctx->machine();
            Pfn slab = 0;
            if (const std::uint32_t cache = kmem::objectCache(m, e->a, &slab); cache != kNoCache) {
                const int order = m.kmem.caches[cache].order;
                out.push_back({slab, slab + (Pfn(1) << std::min(order, kMaxOrder)), true});
            }
        }
        break;
    case EventType::Vmalloc:
        if (e->order == static_cast<std::uint8_t>(VmallocOp::Map)) out.push_back({e->pfn, e->pfn + 1, true});
        else if (e->order == static_cast<std::uint8_t>(VmallocOp::DirectStack)) out.push_back({e->pfn, e->pfn + 2, true});
        break;
    case EventType::Vfree:
        if (e->order == static_cast<std::uint8_t>(VmallocOp::DirectStack)) {
            out.push_back({e->pfn, e->pfn + 2, true});
        } else {
            // The area is gone after the event: its pages are in the machine before it.
            const auto& areas = m_ctx->previousMachine().kmem.vmAreas;
            if (const auto it = areas.find(e->a); it != areas.end())
                for (const Pfn p : it->second.pages)
                    if (p != kNoPfn) out.push_back({p, p + 1, true});
        }
        break;
    case EventType::Kmap:
    case EventType::Kunmap:
        if (e->order != static_cast<std::uint8_t>(KmapKind::Flush)) out.push_back({e->pfn, e->pfn + 1, true});
        break;
    default: break;
    }
    // Frames a stale or foreign event names that this machine does not have.
    const Pfn frames = m_ctx->machine().frames.size();
    std::erase_if(out, [frames](const Highlight& h) { return h.first >= frames; });
    return out;
}

int PhysicalMemoryView::zoneAtEvent() const
{
    // Steps about a whole zone (the zonelist walk, watermarks) rather than a block.
    const Event* e = m_ctx->currentEvent();
    if (!e || e->zone >= m_ctx->machine().zones.size()) return -1;
    if (e->type != EventType::ZoneCheck && e->type != EventType::WatermarkCrossed) return -1;
    return e->zone;
}

// --- painting ---------------------------------------------------------------------

void PhysicalMemoryView::paintEvent(QPaintEvent*)
{
    QPainter p(viewport());
    const QRect vp = viewport()->rect();
    p.fillRect(vp, Palette::background());
    const Machine& m = m_ctx->machine();
    if (!m.frames.size()) {
        p.setFont(textFont());
        p.setPen(Palette::mutedText());
        p.drawText(vp, Qt::AlignCenter | Qt::TextWordWrap,
                   tr("No machine yet: create one to see its physical memory."));
        return;
    }
    ensureRendered();
    const QRect gridArea = m_gridArea;
    p.save();
    p.setClipRect(gridArea);
    paintGrid(p, gridArea);
    paintStepFade(p);
    paintBlockDetail(p, gridArea);
    paintZoneBoundaries(p, gridArea);
    // Outlines of blocks in the first column may spill a little into the gutter.
    p.setClipRect(gridArea.adjusted(-kZoneBar, 0, 0, 0));
    paintHighlights(p, gridArea);
    p.restore();
    paintGutter(p);
    paintHeader(p);
    if (!m_legendRect.isNull()) legend(&p, m_legendRect, m_legendCompact, m_legendBand);
}

void PhysicalMemoryView::paintGrid(QPainter& p, const QRect& gridArea)
{
    const QImage& img = m_geo.framesPerCell > 1 ? m_display : m_renderer.image();
    if (img.isNull()) return;
    const int cell = m_geo.cellPx;
    const std::int64_t top = gridArea.top() - std::int64_t(m_geo.origin.y());
    const int r0 = static_cast<int>(std::clamp<std::int64_t>(top / cell, 0, img.height()));
    const int r1
        = static_cast<int>(std::clamp<std::int64_t>((top + gridArea.height() + cell - 1) / cell, 0, img.height()));
    if (r1 <= r0) return;

    // Indexed -> RGB32 for the visible rows only, through the colour table.
    std::array<QRgb, 256> lut;
    lut.fill(Palette::background().rgb());
    const QList<QRgb> table = img.colorTable();
    std::copy_n(table.begin(), std::min<qsizetype>(table.size(), 256), lut.begin());
    if (m_paintScratch.width() != img.width() || m_paintScratch.height() != r1 - r0)
        m_paintScratch = QImage(img.width(), r1 - r0, QImage::Format_RGB32);
    for (int y = r0; y < r1; ++y) {
        const uchar* s = img.constScanLine(y);
        auto* d = reinterpret_cast<QRgb*>(m_paintScratch.scanLine(y - r0));
        for (int x = 0; x < img.width(); ++x) d[x] = lut[s[x]];
    }
    const QRect target(m_geo.origin.x(), static_cast<int>(m_geo.rowTop(r0)), img.width() * cell, (r1 - r0) * cell);
    // Vector outputs (SVG) smooth scaled images in most viewers: hand them real cells.
    const bool vector = p.paintEngine() && p.paintEngine()->type() != QPaintEngine::Raster
        && p.paintEngine()->type() != QPaintEngine::OpenGL2;
    if (vector && cell > 1)
        p.drawImage(target.topLeft(),
                    m_paintScratch.scaled(target.size(), Qt::IgnoreAspectRatio, Qt::FastTransformation));
    else
        p.drawImage(target, m_paintScratch);
    // The last row's unused end stays background; nothing else to do for "no frame".
}

void PhysicalMemoryView::paintBlockDetail(QPainter& p, const QRect& gridArea)
{
    const int cell = m_geo.cellPx;
    if (m_geo.framesPerCell != 1 || cell < 5) return;
    const Machine& m = m_ctx->machine();
    const FrameTable& ft = m.frames;
    const std::int64_t top = gridArea.top() - std::int64_t(m_geo.origin.y());
    const std::int64_t r0 = std::max<std::int64_t>(0, top / cell);
    const std::int64_t r1 = std::min<std::int64_t>(m_geo.rows(), (top + gridArea.height() + cell - 1) / cell);
    if (r1 <= r0) return;
    const Pfn first = Pfn(r0) * m_geo.rowFrames(), last = std::min(m_geo.frames, Pfn(r1) * m_geo.rowFrames());

    // Frame separators: thin gaps of background between cells.
    if (cell >= 8) {
        p.setPen(QPen(Palette::withAlpha(Palette::background(), 0.6), Palette::line(0)));
        QVector<QLine> lines;
        const int x0 = m_geo.origin.x(), x1 = x0 + m_geo.width();
        const int y0 = int(m_geo.rowTop(r0)), y1 = int(m_geo.rowTop(r1));
        for (int c = 1; c < m_geo.columns; ++c) lines.append(QLine(x0 + c * cell, y0, x0 + c * cell, y1));
        for (std::int64_t r = r0 + 1; r < r1; ++r)
            lines.append(QLine(x0, int(m_geo.rowTop(r)), x1, int(m_geo.rowTop(r))));
        p.drawLines(lines);
    }

    // Buddy blocks (free, allocated, in hand) get an outline: a student sees blocks,
    // not just frames. Boot reservations are single frames no allocator manages.
    struct Block {
        QRect rect; ///< the block's first row
        Pfn head;
        int order;
        FrameState state;
    };
    std::vector<Block> blocks;
    QVector<QRect> outlines;
    Pfn pfn = ft.headOf(first);
    while (pfn < last) {
        const FrameState s = ft.state(pfn);
        const int order = s == FrameState::Tail ? 0 : std::min(ft.order(pfn), kMaxOrder);
        const Pfn end = pfn + (Pfn(1) << order);
        if (s == FrameState::Free || s == FrameState::InHand || isAllocated(s)) {
            const auto rects = m_geo.rangeRects(pfn, end);
            for (const QRect& r : rects) outlines.append(r.adjusted(0, 0, -1, -1));
            if (!rects.empty()) blocks.push_back({rects.front(), pfn, order, s});
        }
        pfn = end;
    }
    QPen outline(Palette::withAlpha(Palette::text(), 0.8), Palette::line(cell >= 20 ? 2 : 1));
    outline.setJoinStyle(Qt::MiterJoin);
    p.setPen(outline);
    p.setBrush(Qt::NoBrush);
    p.drawRects(outlines);

    const QImage& img = m_renderer.image();
    const QList<QRgb> table = img.colorTable();
    auto fillOf = [&](Pfn f) {
        const int v = img.constScanLine(m_renderer.rowOf(f))[m_renderer.columnOf(f)];
        return QColor::fromRgb(v < table.size() ? table[v] : Palette::background().rgb());
    };

    // pfn numbers in every cell when they fit at a readable size (the largest up to
    // the text size), the block's order under the head's number when there is room.
    QFont numberFont = textFont();
    const QString widest = QString(QString::number(m_geo.frames ? m_geo.frames - 1 : 0).size(), QLatin1Char('0'));
    while (numberFont.pointSizeF() > 7.5 && QFontMetrics(numberFont).horizontalAdvance(widest) > cell - 6)
        numberFont.setPointSizeF(numberFont.pointSizeF() - 0.5);
    const QFontMetrics nfm(numberFont);
    if (nfm.horizontalAdvance(widest) <= cell - 6 && nfm.height() <= cell) {
        const bool twoLines = 2 * nfm.height() + 4 <= cell;
        p.setFont(numberFont);
        for (Pfn f = first; f < last; ++f) {
            const QRect r = m_geo.cellRect(f);
            if (!r.intersects(gridArea)) continue;
            p.setPen(Palette::textOn(fillOf(f)));
            p.drawText(twoLines ? r.adjusted(0, 3, 0, 0) : r,
                       twoLines ? Qt::AlignHCenter | Qt::AlignTop : Qt::AlignCenter, QString::number(f));
        }
        if (!twoLines) return;
        QFont tagFont = numberFont;
        tagFont.setBold(true);
        const QFontMetrics tfm(tagFont);
        p.setFont(tagFont);
        for (const Block& b : blocks) {
            if (!b.rect.intersects(gridArea)) continue;
            const QRect area
                = QRect(b.rect.left() + 3, b.rect.top() + cell - nfm.height() - 3, b.rect.width() - 6, nfm.height());
            QString tag = ownerTag(b.head);
            if (tag.isEmpty()) {
                tag = tr("order %1").arg(b.order);
                if (tfm.horizontalAdvance(tag) > area.width()) tag = tr("o%1", "short for: order").arg(b.order);
            }
            if (tfm.horizontalAdvance(tag) > area.width()) continue;
            p.setPen(Palette::textOn(fillOf(b.head)));
            p.drawText(area, Qt::AlignLeft | Qt::AlignVCenter, tag);
        }
        return;
    }

    // Otherwise the head pfn (and order) at the start of each block that has room.
    const QFont label = textFont();
    const QFontMetrics fm(label);
    if (cell < fm.height()) return;
    p.setFont(label);
    for (const Block& b : blocks) {
        if (!b.rect.intersects(gridArea)) continue;
        const QString owner = ownerTag(b.head);
        const QString withOrder
            = owner.isEmpty() ? tr("%1 · order %2").arg(b.head).arg(b.order) : tr("%1 · %2").arg(b.head).arg(owner);
        const QString plain = QString::number(b.head);
        const int room = b.rect.width() - 6;
        const QString text = fm.horizontalAdvance(withOrder) <= room ? withOrder
            : fm.horizontalAdvance(plain) <= room                    ? plain
                                                                     : QString();
        if (text.isEmpty()) continue;
        p.setPen(Palette::textOn(fillOf(b.head)));
        p.drawText(QRect(b.rect.left() + 3, b.rect.top(), room, cell), Qt::AlignLeft | Qt::AlignVCenter, text);
    }
}

void PhysicalMemoryView::paintZoneBoundaries(QPainter& p, const QRect&)
{
    const Machine& m = m_ctx->machine();
    QPen pen(Palette::text(), Palette::line(2));
    pen.setCapStyle(Qt::SquareCap);
    pen.setJoinStyle(Qt::MiterJoin);
    p.setPen(pen);
    p.setBrush(Qt::NoBrush);
    const int left = m_geo.origin.x(), right = left + m_geo.width();
    for (const Zone* z : zonesByStart(m)) {
        const Pfn b = z->startPfn;
        const std::int64_t row = m_geo.rowOf(b);
        const int col = m_geo.columnOf(b);
        if (row == 0 && col == 0) continue; // the top of the grid
        const int y = static_cast<int>(m_geo.rowTop(row));
        const int x = left + col * m_geo.cellPx;
        if (m_geo.cellPx < 4) {
            // Rows of a pixel or two: a line across would hide them. Mark the boundary
            // with ticks on both sides of the grid (the gutter's tick and zone bar do the rest).
            const int yb = col == 0 ? y : y + m_geo.cellPx;
            p.drawLine(right + 2, yb, right + kPad, yb);
            continue;
        }
        if (col == 0) {
            p.drawLine(left, y, right, y);
        } else {
            const int yb = y + m_geo.cellPx;
            p.drawPolyline(QPolygon({QPoint(left, yb), QPoint(x, yb), QPoint(x, y), QPoint(right, y)}));
        }
    }
}

void PhysicalMemoryView::paintStepFade(QPainter& p)
{
    // While the step plays, the frames it touched fade from their old colours to the new.
    const double t = std::clamp(m_ctx->progress(), 0.0, 1.0);
    if (t >= 1.0 || m_geo.framesPerCell != 1 || m_geo.cellPx < 2) return;
    const Machine& m = m_ctx->machine();
    const Machine& prev = m_ctx->previousMachine();
    if (prev.frames.size() != m.frames.size() || !m.frames.size()) return;
    p.setOpacity(1.0 - t);
    const QList<QRgb> table = m_renderer.image().colorTable();
    for (const Highlight& h : highlights()) {
        if (!h.primary) continue;
        Pfn f = prev.frames.headOf(std::min(h.first, m.frames.size() - 1));
        while (f < h.last && f < m.frames.size()) {
            const FrameState s = prev.frames.state(f);
            const int order = s == FrameState::Tail ? 0 : std::min(prev.frames.order(f), kMaxOrder);
            const Pfn end = f + (Pfn(1) << order);
            const int index = FrameMapRenderer::indexOfFrame(prev, f);
            const QColor c = index < table.size() ? QColor::fromRgb(table[index]) : Palette::background();
            for (const QRect& r : m_geo.rangeRects(std::max(f, h.first), std::min(end, h.last))) p.fillRect(r, c);
            f = end;
        }
    }
    p.setOpacity(1.0);
}

void PhysicalMemoryView::paintHighlights(QPainter& p, const QRect& gridArea)
{
    const Machine& m = m_ctx->machine();
    const double t = std::clamp(m_ctx->progress(), 0.0, 1.0);
    const auto hs = highlights();
    p.setRenderHint(QPainter::Antialiasing, true);

    // The blocks of the step: a ring that closes in on them as the step starts,
    // then a steady outline with a halo so it reads on any fill.
    const QColor hl = Palette::highlight();
    const double pulse = t < 1.0 ? 0.5 - 0.5 * std::cos(t * 2 * std::numbers::pi * 2) : 1.0; // two beats per step
    for (const Highlight& h : hs) {
        for (const QRect& raw : m_geo.rangeRects(h.first, h.last)) {
            const QRectF r = QRectF(atLeast(raw, 10)).adjusted(-1, -1, 1, 1);
            if (!r.intersects(gridArea)) continue;
            if (h.primary && t < 1.0) {
                const double grow = (1.0 - t) * (1.0 - t) * 48.0;
                p.setPen(QPen(Palette::withAlpha(hl, 0.25 + 0.6 * t), Palette::line(3)));
                p.setBrush(Qt::NoBrush);
                p.drawRoundedRect(r.adjusted(-grow, -grow, grow, grow), 4, 4);
            }
            const double width = h.primary ? 3.0 + 1.5 * (1.0 - pulse) : 2.0;
            p.setPen(QPen(Palette::withAlpha(Palette::background(), 0.9), Palette::line(width + 3)));
            p.setBrush(Qt::NoBrush);
            p.drawRect(r);
            QPen pen(Palette::withAlpha(hl, h.primary ? 0.55 + 0.45 * pulse : 0.9), Palette::line(width));
            if (!h.primary) pen.setStyle(Qt::DashLine);
            p.setPen(pen);
            p.drawRect(r);
        }
    }

    // The shared zero page, once there are processes that may map it: a ring in its colour.
    if (m.zeroPfn < m.frames.size() && !m.procs.empty()) {
        const QRectF r = QRectF(atLeast(m_geo.cellRect(m.zeroPfn), 10)).adjusted(-2, -2, 2, 2);
        if (r.intersects(gridArea)) {
            p.setBrush(Qt::NoBrush);
            p.setPen(QPen(Palette::withAlpha(Palette::background(), 0.9), Palette::line(5)));
            p.drawEllipse(r);
            p.setPen(QPen(Palette::zeroPage(), Palette::line(2.5)));
            p.drawEllipse(r);
        }
    }

    // The selected frame, and the block it belongs to.
    if (const auto sel = m_ctx->selectedFrame(); sel && *sel < m.frames.size()) {
        const Pfn head = m.frames.headOf(*sel);
        const FrameState s = m.frames.state(head);
        const int order = s == FrameState::Tail ? 0 : std::min(m.frames.order(head), kMaxOrder);
        if (order > 0 && m_geo.framesPerCell == 1) {
            QPen dashed(Palette::text(), Palette::line(1.5), Qt::DashLine);
            p.setPen(dashed);
            for (const QRect& r : m_geo.rangeRects(head, head + (Pfn(1) << order)))
                p.drawRect(QRectF(r).adjusted(0.5, 0.5, -0.5, -0.5));
        }
        const QRectF r = QRectF(atLeast(m_geo.cellRect(*sel), 8)).adjusted(-1, -1, 1, 1);
        p.setPen(QPen(Palette::background(), Palette::line(5)));
        p.drawRect(r);
        p.setPen(QPen(Palette::text(), Palette::line(2.5)));
        p.drawRect(r);
    }
    p.setRenderHint(QPainter::Antialiasing, false);
}

void PhysicalMemoryView::paintGutter(QPainter& p)
{
    const Machine& m = m_ctx->machine();
    const QRect gutter(0, m_gridArea.top(), m_gutterWidth, m_gridArea.height());
    p.save();
    p.setClipRect(gutter);
    const QFont font = textFont();
    QFont bold = font;
    bold.setBold(true);
    const QFontMetrics fm(font), fmb(bold);
    const int barX = m_gutterWidth - kZoneBar - 4;
    const int eventZone = zoneAtEvent();

    // Where a pfn sits vertically: rows partly in a zone count in proportion.
    auto yOf = [&](Pfn pfn) {
        const std::int64_t row = m_geo.rowOf(pfn);
        return double(m_geo.rowTop(row))
            + double(m_geo.cellPx) * double(pfn % m_geo.rowFrames()) / double(m_geo.rowFrames());
    };
    const auto zones = zonesByStart(m);
    std::vector<QRect> taken;
    int prevBottom = m_headerHeight - 1000000;
    for (const Zone* z : zones) {
        const double y0 = yOf(z->startPfn), y1 = yOf(std::min(z->endPfn(), m.frames.size()));
        const QRectF bar(barX, y0, kZoneBar, std::max(2.0, y1 - y0));
        p.fillRect(bar, Palette::zone(z->type));
        if (eventZone >= 0 && &m.zones[static_cast<std::size_t>(eventZone)] == z) {
            // The zone the current step examines.
            p.setPen(QPen(Palette::highlight(), Palette::line(3)));
            p.drawRect(bar.adjusted(-2.5, 0, 2.5, 0));
        }
        // The zone's name at its first row; it sticks to the top while the zone is
        // scrolled through and is pushed down rather than drawn over its neighbour.
        int labelY = std::max({int(y0), m_headerHeight + 2, prevBottom + 2});
        if (y1 < m_headerHeight) continue;
        if (labelY > int(y1) && int(y0) >= m_headerHeight) labelY = std::max(int(y0), prevBottom + 2);
        const QRect label(kPad, labelY, barX - kPad - 2, fmb.height());
        p.setFont(bold);
        p.setPen(Palette::text());
        p.drawText(label, Qt::AlignLeft | Qt::AlignVCenter, zoneName(z->type));
        // A tick joins the name to the boundary line on the grid.
        if (y0 >= m_headerHeight) {
            p.setPen(QPen(Palette::text(), Palette::line(2)));
            p.drawLine(QPointF(kPad, y0), QPointF(m_gutterWidth, y0));
        }
        taken.push_back(label.adjusted(0, -2, 0, 2));
        prevBottom = label.bottom();
    }

    // Row labels: the hex pfn at the start of every n-th row, n a power of two.
    p.setFont(font);
    p.setPen(Palette::mutedText());
    const int wanted = fm.height() * 2;
    std::int64_t every = 1;
    while (every * m_geo.cellPx < wanted) every *= 2;
    const std::int64_t firstRow = std::max<std::int64_t>(0, (m_headerHeight - m_geo.origin.y()) / m_geo.cellPx);
    const std::int64_t lastRow
        = std::min<std::int64_t>(m_geo.rows(), (m_gridArea.bottom() - m_geo.origin.y()) / m_geo.cellPx + 1);
    for (std::int64_t r = firstRow - firstRow % every; r < lastRow; r += every) {
        const int y = static_cast<int>(m_geo.rowTop(r));
        const QRect label(kPad, y, barX - kPad - 4, fm.height());
        if (y < m_headerHeight) continue;
        if (std::any_of(taken.begin(), taken.end(), [&](const QRect& t) { return t.intersects(label); })) continue;
        p.drawText(label, Qt::AlignRight | Qt::AlignTop, hex(Pfn(r) * m_geo.rowFrames()));
    }
    p.restore();
}

void PhysicalMemoryView::paintHeader(QPainter& p)
{
    const Machine& m = m_ctx->machine();
    const int right = m_legendBand || m_legendRect.isNull() ? viewport()->width() : m_legendRect.left();
    const QRect area(kPad, 0, right - 2 * kPad, m_headerHeight);
    QFont bold = textFont();
    bold.setBold(true);
    const QString title = tr("Physical memory");
    const QString scale = m_geo.framesPerCell > 1 ? tr("1 pixel = %n frames", nullptr, m_geo.framesPerCell)
                                                  : tr("1 frame = %n px", nullptr, m_geo.cellPx);
    const QString facts = tr("%1 · %2 frames of %3 · %4")
                              .arg(sizeText(m.frames.size() * m.pageSize()))
                              .arg(m.frames.size())
                              .arg(sizeText(m.pageSize()), scale);
    p.setFont(bold);
    p.setPen(Palette::text());
    const QFontMetrics fmb(bold);
    p.drawText(area, Qt::AlignLeft | Qt::AlignVCenter, fmb.elidedText(title, Qt::ElideRight, area.width()));
    const int x = fmb.horizontalAdvance(title) + 2 * kPad;
    p.setFont(textFont());
    p.setPen(Palette::mutedText());
    const QFontMetrics fm(textFont());
    const QRect rest = area.adjusted(x, 0, 0, 0);
    if (rest.width() > 0)
        p.drawText(rest, Qt::AlignLeft | Qt::AlignVCenter, fm.elidedText(facts, Qt::ElideRight, rest.width()));
    p.setPen(QPen(Palette::gridLine(), Palette::line(1)));
    p.drawLine(0, m_headerHeight - 1, right, m_headerHeight - 1);
}

QString PhysicalMemoryView::zoneRangeText(const Zone& z) const
{
    return tr("pfn %1–%2").arg(z.startPfn).arg(z.endPfn() - 1);
}

QSize PhysicalMemoryView::legend(QPainter* p, const QRect& area, int compact, bool band) const
{
    const Machine& m = m_ctx->machine();
    const QFont font = m_legendFont;
    QFont bold = font;
    bold.setBold(true);
    const QFontMetrics fm(font), fmb(bold);
    const int line = std::max(fm.height(), 18) + 4;
    const int swatch = std::max(14, fm.height() - 2);
    const int indent = swatch + kPad;

    // The items, in reading order; a section starts with a title (side panel) or a
    // new row (band).
    using Swatch = std::function<void(QPainter&, const QRect&)>;
    struct Item {
        enum Kind { Title, Entry, Note } kind;
        QString text;
        bool strong = false;
        Swatch swatch = {};
        bool gapBefore = false;
    };
    std::vector<Item> items;
    auto box = [](QColor c) {
        return [c](QPainter& q, const QRect& r) {
            q.fillRect(r, c);
            q.setPen(QPen(Palette::withAlpha(Palette::text(), 0.5), Palette::line(1)));
            q.drawRect(QRectF(r).adjusted(0.5, 0.5, -0.5, -0.5));
        };
    };
    const auto zones = zonesByStart(m);
    std::vector<ZoneType> zoneTypes;
    for (const Zone* z : zones) zoneTypes.push_back(z->type);
    auto striped = [zoneTypes](FrameState s) {
        // Zone-coloured states show one stripe per zone of the machine.
        return [zoneTypes, s](QPainter& q, const QRect& r) {
            const int n = std::max<int>(1, static_cast<int>(zoneTypes.size()));
            for (int i = 0; i < n; ++i) {
                const ZoneType t = zoneTypes.empty() ? ZoneType::Normal : zoneTypes[static_cast<std::size_t>(i)];
                const int x0 = r.left() + r.width() * i / n, x1 = r.left() + r.width() * (i + 1) / n;
                q.fillRect(QRect(x0, r.top(), x1 - x0, r.height()), Palette::frame(t, s));
            }
            q.setPen(QPen(Palette::withAlpha(Palette::text(), 0.5), Palette::line(1)));
            q.drawRect(QRectF(r).adjusted(0.5, 0.5, -0.5, -0.5));
        };
    };

    items.push_back({Item::Title, tr("Zones"), false, {}, false});
    for (const Zone* z : zones) {
        const QString size = sizeText(z->spanned * m.pageSize());
        if (band) {
            items.push_back({Item::Entry, tr("%1: %2").arg(zoneName(z->type), zoneRangeText(*z)), false,
                             box(Palette::zone(z->type))});
        } else {
            items.push_back(
                {Item::Entry, tr("%1 · %2").arg(zoneName(z->type), size), true, box(Palette::zone(z->type))});
            items.push_back({Item::Note, zoneRangeText(*z), false, {}, false});
        }
    }
    items.push_back({Item::Title, tr("Frame states"), false, {}, false});
    for (FrameState s : {FrameState::Free, FrameState::Kernel, FrameState::InHand, FrameState::Firmware,
                         FrameState::KernelImage, FrameState::MemMap, FrameState::BootAlloc, FrameState::Hole}) {
        const bool zoned = s == FrameState::Free || s == FrameState::Kernel;
        items.push_back({Item::Entry, stateLegendName(s), false,
                         zoned ? Swatch(striped(s)) : Swatch(box(Palette::frame(ZoneType::Normal, s)))});
    }
    if (m_legendKernel) // the kernel's own memory above the buddy allocator: one hue each, whatever the zone
        for (FrameState s : {FrameState::Slab, FrameState::Vmalloc, FrameState::KernelStack})
            items.push_back({Item::Entry, stateLegendName(s), false, box(Palette::frame(ZoneType::Normal, s))});
    if (m_legendVm) {
        // Owner states: stripes of the processes' hues (the first slots before any process).
        std::vector<std::uint32_t> hues = m_legendPids;
        if (hues.empty()) hues = {1000, 1001, 1002};
        auto perProcess = [hues](bool tables) {
            return [hues, tables](QPainter& q, const QRect& r) {
                const int n = static_cast<int>(hues.size());
                for (int i = 0; i < n; ++i) {
                    const int x0 = r.left() + r.width() * i / n, x1 = r.left() + r.width() * (i + 1) / n;
                    const std::uint32_t pid = hues[static_cast<std::size_t>(i)];
                    q.fillRect(QRect(x0, r.top(), x1 - x0, r.height()),
                               tables ? Palette::pageTable(pid) : Palette::process(pid));
                }
                q.setPen(QPen(Palette::withAlpha(Palette::text(), 0.5), Palette::line(1)));
                q.drawRect(QRectF(r).adjusted(0.5, 0.5, -0.5, -0.5));
            };
        };
        items.push_back({Item::Entry, stateLegendName(FrameState::Anon), false, perProcess(false)});
        items.push_back({Item::Entry, stateLegendName(FrameState::PageTable), false, perProcess(true)});
        items.push_back({Item::Entry, tr("Page cache, mapped"), false, box(Palette::pageCache(true))});
        items.push_back({Item::Entry, tr("Page cache, not mapped"), false, box(Palette::pageCache(false))});
        if (m.zeroPfn < m.frames.size())
            items.push_back({Item::Entry, tr("Shared zero page"), false, [](QPainter& q, const QRect& r) {
                                 q.fillRect(r, Palette::zeroPage());
                                 q.setPen(QPen(Palette::text(), Palette::line(1)));
                                 q.drawRect(QRectF(r).adjusted(0.5, 0.5, -0.5, -0.5));
                             }});
    }
    if (!m_legendPids.empty()) {
        items.push_back({Item::Title, tr("Processes"), false, {}, false});
        for (std::uint32_t pid : m_legendPids)
            items.push_back({Item::Entry, tr("%1 %2").arg(pid).arg(procName(m, pid)), false,
                             [pid](QPainter& q, const QRect& r) {
                                 // Anonymous pages above, page tables below: the process's two shades.
                                 const int h = r.height() * 2 / 3;
                                 q.fillRect(QRect(r.left(), r.top(), r.width(), h), Palette::process(pid));
                                 q.fillRect(QRect(r.left(), r.top() + h, r.width(), r.height() - h),
                                            Palette::pageTable(pid));
                                 q.setPen(QPen(Palette::withAlpha(Palette::text(), 0.5), Palette::line(1)));
                                 q.drawRect(QRectF(r).adjusted(0.5, 0.5, -0.5, -0.5));
                             }});
        std::size_t alive = 0;
        for (const auto& [pid, pr] : m.procs) alive += pr.alive();
        if (alive > m_legendPids.size())
            items.push_back({Item::Note, tr("and %n more", nullptr, static_cast<int>(alive - m_legendPids.size())),
                             false, {}, false});
    }
    if (compact < 1) {
        items.push_back({Item::Title, tr("Marks"), false, {}, false});
        items.push_back({Item::Entry, tr("This step's blocks"), false, [](QPainter& q, const QRect& r) {
                             q.setPen(QPen(Palette::highlight(), Palette::line(3)));
                             q.drawRect(QRectF(r).adjusted(1.5, 1.5, -1.5, -1.5));
                         }});
        items.push_back({Item::Entry, tr("Selected frame"), false, [](QPainter& q, const QRect& r) {
                             q.setPen(QPen(Palette::text(), Palette::line(2.5)));
                             q.drawRect(QRectF(r).adjusted(1.5, 1.5, -1.5, -1.5));
                         }});
        items.push_back({Item::Entry, tr("Zone boundary"), false, [](QPainter& q, const QRect& r) {
                             q.setPen(QPen(Palette::text(), Palette::line(2)));
                             q.drawLine(r.left(), r.center().y(), r.right(), r.center().y());
                         }});
        if (!band) items.push_back({Item::Note, tr("Zoom: Ctrl+wheel, + and −; 0 fits"), false, {}, true});
    }

    auto widthOf = [&](const Item& it) {
        const QFontMetrics& f = it.strong || it.kind == Item::Title ? fmb : fm;
        return (it.kind == Item::Title ? 0 : indent) + f.horizontalAdvance(it.text);
    };
    if (p) {
        p->save();
        p->fillRect(area, Palette::tint(Palette::text(), 0.04));
        p->setPen(QPen(Palette::gridLine(), Palette::line(1)));
        if (band) p->drawLine(area.topLeft(), area.topRight());
        else p->drawLine(area.topLeft(), area.bottomLeft());
    }
    auto draw = [&](const Item& it, int x, int y, int w) {
        if (!p) return;
        if (it.kind == Item::Title) {
            p->setFont(bold);
            p->setPen(Palette::text());
            p->drawText(QRect(x, y, w, line), Qt::AlignLeft | Qt::AlignVCenter, it.text);
            return;
        }
        if (it.swatch) {
            p->save();
            p->setRenderHint(QPainter::Antialiasing, false);
            it.swatch(*p, QRect(x, y + (line - swatch) / 2, swatch, swatch));
            p->restore();
        }
        p->setFont(it.strong ? bold : font);
        p->setPen(it.kind == Item::Note ? Palette::mutedText() : Palette::text());
        p->drawText(QRect(x + indent, y, w - indent, line), Qt::AlignLeft | Qt::AlignVCenter, it.text);
    };

    QSize size;
    if (!band) {
        // A side panel: one item a line. Titles and entries set the width; notes
        // (zone ranges, the zoom hint) wrap to it.
        int width = 0;
        for (const Item& it : items)
            if (it.kind != Item::Note) width = std::max(width, widthOf(it));
        const int noteW = std::max(width - indent, 1);
        int y = area.top() + kPad;
        const int x = area.left() + 2 * kPad;
        bool firstTitle = true;
        for (const Item& it : items) {
            if (it.kind == Item::Title && !firstTitle) y += kPad;
            firstTitle = firstTitle && it.kind != Item::Title;
            if (it.gapBefore) y += kPad;
            if (it.kind == Item::Note) {
                const QRect r = fm.boundingRect(QRect(x + indent, y - 4, noteW, 10000), Qt::TextWordWrap, it.text);
                if (p) {
                    p->setFont(font);
                    p->setPen(Palette::mutedText());
                    p->drawText(QRect(x + indent, y - 4, noteW, r.height()), Qt::TextWordWrap | Qt::AlignLeft, it.text);
                }
                y += r.height() + 2;
                continue;
            }
            draw(it, x, y, area.right() - x);
            y += line;
        }
        size = QSize(width + 4 * kPad, y - area.top() + kPad);
    } else {
        // A band: entries in equal columns, each section on new rows.
        int colW = 0;
        for (const Item& it : items)
            if (it.kind != Item::Title) colW = std::max(colW, widthOf(it) + 3 * kPad);
        const int cols = std::max(1, (area.width() - 2 * kPad) / std::max(1, colW));
        int y = area.top() + kPad, col = 0;
        for (const Item& it : items) {
            if (it.kind == Item::Title) {
                if (col) y += line;
                col = 0;
                continue;
            }
            draw(it, area.left() + 2 * kPad + col * colW, y, colW - kPad);
            if (++col == cols) col = 0, y += line;
        }
        if (col) y += line;
        size = QSize(2 * kPad + std::min(cols, 3) * colW, y - area.top() + kPad);
    }
    if (p) p->restore();
    return size;
}

QString PhysicalMemoryView::stateLegendName(FrameState s) const
{
    switch (s) {
    case FrameState::Free: return tr("Free");
    case FrameState::Kernel: return tr("Allocated (kernel)");
    case FrameState::InHand: return tr("In the allocator's hands");
    case FrameState::Firmware: return tr("Firmware");
    case FrameState::KernelImage: return tr("Kernel image");
    case FrameState::MemMap: return tr("memmap (struct page)");
    case FrameState::BootAlloc: return tr("Boot allocations");
    case FrameState::Hole: return tr("Hole (no RAM)");
    case FrameState::PageTable: return tr("Page table (process colour, dark)");
    case FrameState::Anon: return tr("Anonymous page (process colour)");
    case FrameState::File: return tr("Page cache");
    case FrameState::Slab: return tr("Slab (kmalloc, kmem_cache)");
    case FrameState::Vmalloc: return tr("vmalloc area page");
    case FrameState::KernelStack: return tr("Kernel stack");
    case FrameState::Tail:
    case FrameState::Count: break;
    }
    return {};
}

QString PhysicalMemoryView::stateDescription(FrameState s, int order) const
{
    switch (s) {
    case FrameState::Free: return tr("free, on the buddy allocator's order-%1 free list").arg(order);
    case FrameState::Kernel: return tr("allocated by the kernel (alloc_pages)");
    case FrameState::InHand: return tr("in the allocator's hands: being split or merged right now");
    case FrameState::Firmware: return tr("reserved for the firmware (BIOS)");
    case FrameState::KernelImage: return tr("the kernel image (text, data and bss)");
    case FrameState::MemMap: return tr("memmap: the kernel's array of struct page");
    case FrameState::BootAlloc: return tr("reserved at boot (memblock allocation)");
    case FrameState::Hole: return tr("a hole: no RAM at this address");
    case FrameState::PageTable: return tr("a page table of a process");
    case FrameState::Anon: return tr("an anonymous page of a process");
    case FrameState::File: return tr("a page of the page cache");
    case FrameState::Slab: return tr("a slab: objects of one slab cache (kmem_cache_alloc, kmalloc)");
    case FrameState::Vmalloc: return tr("a page of a vmalloc area");
    case FrameState::KernelStack: return tr("a page of a process's kernel stack");
    case FrameState::Tail:
    case FrameState::Count: break;
    }
    return tr("inside a block with no head (inconsistent frame table)");
}

QStringList PhysicalMemoryView::ownerLines(Pfn head) const
{
    const Machine& m = m_ctx->machine();
    const FrameState s = m.frames.state(head);
    const std::uint32_t priv = m.frames.priv(head);
    const int count = m.frames.count(head);
    QStringList lines;
    auto who = [&](std::uint32_t pid) {
        const Process* p = m.proc(pid);
        if (!p) return tr("process %1").arg(pid);
        QString t = tr("process %1 (%2)").arg(pid).arg(procName(m, pid));
        if (!p->alive()) t += tr(", exited");
        return t;
    };
    switch (s) {
    case FrameState::Anon:
        lines << tr("State: anonymous page of %1").arg(who(priv));
        if (count == 0)
            lines << tr("Mapped by no page-table entry yet (mapcount 0)");
        else
            lines << tr("Mapped by page-table entries: mapcount %1").arg(count);
        if (count >= 2)
            lines << tr("Shared copy-on-write since fork(): the first write by a sharer copies it (do_wp_page).");
        break;
    case FrameState::PageTable: {
        lines << tr("State: page table of %1").arg(who(priv));
        if (const Process* p = m.proc(priv)) {
            const int level = tableLevel(m, *p, head);
            const auto& levels = m.config.arch.levels;
            if (level >= 0 && static_cast<std::size_t>(level) < levels.size()) {
                const QString name = QString::fromStdString(levels[static_cast<std::size_t>(level)].name);
                lines << (level == 0 ? tr("Level: %1, the root of the tree (CR3 holds it while the process runs)")
                                           .arg(name)
                                     : tr("Level: %1 (level %2 of %3)").arg(name).arg(level + 1).arg(levels.size()));
            }
        }
        break;
    }
    case FrameState::File: {
        const std::uint32_t idx = m.frames.next(head);
        const QString path
            = priv < m.files.size() ? QString::fromStdString(m.str(m.files[priv].name)) : tr("file %1").arg(priv);
        lines << tr("State: page cache of %1").arg(path);
        lines << tr("Page %1 of the file (offset %2)").arg(idx).arg(hex(std::uint64_t(idx) * m.pageSize()));
        if (count == 0)
            lines << tr("Not mapped by any process: only cached (a later read or mmap finds it here)");
        else
            lines << tr("Mapped by page-table entries: mapcount %1").arg(count);
        break;
    }
    default: break;
    }
    return lines;
}

QStringList PhysicalMemoryView::kernelLines(Pfn head) const
{
    const Machine& m = m_ctx->machine();
    const FrameState s = m.frames.state(head);
    const std::uint32_t priv = m.frames.priv(head);
    QStringList lines;
    const std::uint64_t address = kmem::kernelAddressOf(m, head);
    switch (s) {
    case FrameState::Slab: {
        const auto it = m.kmem.slabs.find(head);
        if (priv >= m.kmem.caches.size() || it == m.kmem.slabs.end()) {
            lines << tr("State: %1").arg(stateDescription(s, m.frames.order(head)));
            break;
        }
        const SlabCache& c = m.kmem.caches[priv];
        const Slab& slab = it->second;
        lines << tr("State: slab of the cache %1").arg(QString::fromStdString(m.str(c.name)));
        lines << tr("Objects in use: %1 of %2, %3 bytes each").arg(slab.inuse).arg(c.objsPerSlab).arg(c.size);
        QString list;
        switch (slab.list) {
        case SlabList::Full: list = m.config.slab == SlabKind::Slub ? tr("none (a full slab)") : QStringLiteral("slabs_full"); break;
        case SlabList::Partial:
            list = m.config.slab == SlabKind::Slub ? tr("the partial list of node %1").arg(slab.node) : QStringLiteral("slabs_partial");
            break;
        case SlabList::Free: list = QStringLiteral("slabs_free"); break;
        case SlabList::Cpu: list = tr("the CPU's slab (SLUB)"); break;
        }
        lines << tr("List: %1").arg(list);
        if (address) lines << tr("Kernel address %1 (direct map)").arg(hex(address));
        break;
    }
    case FrameState::Vmalloc: {
        const VmArea* a = address ? kmem::vmAreaAt(m, address) : nullptr;
        if (!a) {
            lines << tr("State: %1").arg(stateDescription(s, 0));
            break;
        }
        const std::uint64_t page = m.pageSize();
        lines << tr("State: page %1 of the vmalloc area %2–%3")
                     .arg((address - a->addr) / page)
                     .arg(hex(a->addr), hex(a->addr + a->size));
        lines << tr("vmalloc(%1): %2 mapped, the last page a guard").arg(a->requested).arg(sizeText(a->size - page));
        lines << tr("Kernel address %1").arg(hex(address));
        break;
    }
    case FrameState::KernelStack: {
        const Process* p = m.proc(priv);
        lines << (p ? tr("State: kernel stack of process %1 (%2)").arg(priv).arg(procName(m, priv))
                    : tr("State: kernel stack of process %1").arg(priv));
        if (address)
            lines << (m.config.arch.is32bit ? tr("Kernel address %1 (direct map)").arg(hex(address))
                                            : tr("Kernel address %1 (vmalloc area)").arg(hex(address)));
        break;
    }
    case FrameState::Kernel:
        if (priv == kKmallocLargePriv) {
            lines << tr("State: a large kmalloc() (above 8 KiB: straight from the buddy allocator)");
            if (address) lines << tr("Kernel address %1 (direct map)").arg(hex(address));
        }
        break;
    default: break;
    }
    return lines;
}

QString PhysicalMemoryView::ownerTag(Pfn head) const
{
    const Machine& m = m_ctx->machine();
    if (head == m.zeroPfn) return tr("zero", "the shared zero page, in a cell");
    switch (m.frames.state(head)) {
    case FrameState::Anon: return QString::number(m.frames.priv(head));
    case FrameState::PageTable: return tr("PT %1", "page table of a pid, in a cell").arg(m.frames.priv(head));
    case FrameState::File: return tr("cache", "page cache, in a cell");
    case FrameState::Slab: {
        const std::uint32_t cache = m.frames.priv(head);
        if (cache < m.kmem.caches.size()) return QString::fromStdString(m.str(m.kmem.caches[cache].name));
        return tr("slab", "a slab, in a cell");
    }
    case FrameState::Vmalloc: return tr("vmalloc", "a vmalloc page, in a cell");
    case FrameState::KernelStack: return tr("stack %1", "kernel stack of a pid, in a cell").arg(m.frames.priv(head));
    default: break;
    }
    return {};
}

QString PhysicalMemoryView::toolTipForFrame(Pfn pfn) const
{
    const Machine& m = m_ctx->machine();
    if (pfn >= m.frames.size()) return {};
    const std::uint64_t page = m.pageSize();
    const Pfn head = m.frames.headOf(pfn);
    const FrameState s = m.frames.state(head);
    const int order = s == FrameState::Tail ? 0 : m.frames.order(head);
    const std::uint8_t zid = m.zoneOf(pfn);

    QStringList lines;
    lines << tr("Frame %1 (pfn %2)").arg(pfn).arg(hex(pfn));
    lines << tr("Physical address %1 – %2").arg(hex(pfn * page), hex((pfn + 1) * page - 1));
    if (zid == kNoZone) lines << tr("Zone: none (outside every zone)");
    else if (m.nodes.size() > 1) lines << tr("Zone: %1 (node %2)").arg(zoneName(m.zones[zid].type)).arg(m.zones[zid].node);
    else lines << tr("Zone: %1").arg(zoneName(m.zones[zid].type));
    if (pfn == m.zeroPfn) {
        lines << tr("State: the shared zero page (empty_zero_page, in the kernel's bss)");
        lines << tr("A read of untouched anonymous memory maps this frame read-only instead of allocating; "
                    "the first write gives the page a zeroed frame of its own.");
    } else if (Palette::isOwnerState(s)) {
        lines << ownerLines(head);
    } else if (const QStringList kernel = kernelLines(head); !kernel.isEmpty()) {
        lines << kernel;
    } else {
        lines << tr("State: %1").arg(stateDescription(s, order));
    }
    // A frame with an owner is one page: the lines above say what it is.
    const bool owned = pfn == m.zeroPfn || Palette::isOwnerState(s);
    if (!owned && (s == FrameState::Free || s == FrameState::InHand || isAllocated(s)))
        lines << tr("Block: head pfn %1 (%2), order %3 = %n frame(s), %4", nullptr, 1 << order)
                     .arg(head)
                     .arg(hex(head))
                     .arg(order)
                     .arg(sizeText((std::uint64_t(1) << order) * page));
    else if (!owned)
        lines << tr("Block: this frame alone (order 0), reserved at boot, never handed to the buddy allocator");
    if (m_geo.framesPerCell > 1) {
        const Pfn cell = pfn - pfn % Pfn(m_geo.framesPerCell);
        const Pfn end = std::min(cell + Pfn(m_geo.framesPerCell), m.frames.size());
        lines << tr("This pixel shows pfn %1–%2 (%n frame(s)) by its most important state", nullptr,
                    static_cast<int>(end - cell))
                     .arg(cell)
                     .arg(end - 1);
    }
    return lines.join(QLatin1Char('\n'));
}

void PhysicalMemoryView::populateContextMenu(QMenu* menu, Pfn pfn)
{
    const Machine& m = m_ctx->machine();
    if (pfn >= m.frames.size()) return;
    const Pfn head = m.frames.headOf(pfn);
    const FrameState s = m.frames.state(head);
    const int order = s == FrameState::Tail ? 0 : m.frames.order(head);
    QAction* title = menu->addAction(tr("Frame %1 (pfn %2)").arg(pfn).arg(hex(pfn)));
    title->setEnabled(false);
    if (s == FrameState::Kernel) {
        QAction* free = menu->addAction(tr("Free this block (order %1)").arg(order));
        free->setObjectName(QStringLiteral("freeBlock"));
        connect(free, &QAction::triggered, this, [this, head, order] {
            emit m_ctx->commandRequested(Command::freePages(head, order));
        });
    }
    menu->addSeparator();
    connect(menu->addAction(tr("Select this frame")), &QAction::triggered, this,
            [this, pfn] { m_ctx->setSelectedFrame(pfn); });
    connect(menu->addAction(tr("Copy frame details")), &QAction::triggered, this,
            [this, pfn] { QGuiApplication::clipboard()->setText(toolTipForFrame(pfn)); });
    menu->addSeparator();
    QAction* fit = menu->addAction(tr("Zoom to fit"));
    connect(fit, &QAction::triggered, this, &PhysicalMemoryView::zoomToFit);
    QAction* follow = menu->addAction(tr("Follow the current step"));
    follow->setCheckable(true);
    follow->setChecked(m_follow);
    connect(follow, &QAction::toggled, this, &PhysicalMemoryView::setFollowsSteps);
}

// --- input ------------------------------------------------------------------------

void PhysicalMemoryView::wheelEvent(QWheelEvent* e)
{
    if (!(e->modifiers() & Qt::ControlModifier)) {
        QAbstractScrollArea::wheelEvent(e);
        return;
    }
    m_wheelAccum += e->angleDelta().y();
    const QPoint anchor = e->position().toPoint();
    while (m_wheelAccum >= 120) {
        zoomIn(anchor);
        m_wheelAccum -= 120;
    }
    while (m_wheelAccum <= -120) {
        zoomOut(anchor);
        m_wheelAccum += 120;
    }
    e->accept();
}

void PhysicalMemoryView::keyPressEvent(QKeyEvent* e)
{
    const Machine& m = m_ctx->machine();
    switch (e->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal: zoomIn(); return;
    case Qt::Key_Minus: zoomOut(); return;
    case Qt::Key_0: zoomToFit(); return;
    case Qt::Key_Escape: m_ctx->setSelectedFrame(std::nullopt); return;
    case Qt::Key_Left:
    case Qt::Key_Right:
    case Qt::Key_Up:
    case Qt::Key_Down: {
        if (!m.frames.size()) break;
        const Pfn cur = m_ctx->selectedFrame().value_or(0);
        const Pfn stepX = Pfn(m_geo.framesPerCell), stepY = m_geo.rowFrames();
        Pfn next = cur;
        if (e->key() == Qt::Key_Left) next = cur >= stepX ? cur - stepX : 0;
        if (e->key() == Qt::Key_Right) next = cur + stepX;
        if (e->key() == Qt::Key_Up) next = cur >= stepY ? cur - stepY : cur;
        if (e->key() == Qt::Key_Down) next = cur + stepY;
        if (next >= m.frames.size()) next = cur;
        m_ctx->setSelectedFrame(next);
        return;
    }
    default: break;
    }
    QAbstractScrollArea::keyPressEvent(e);
}

void PhysicalMemoryView::mousePressEvent(QMouseEvent* e)
{
    if (e->button() != Qt::LeftButton) {
        QAbstractScrollArea::mousePressEvent(e);
        return;
    }
    if (const auto pfn = frameAt(e->position().toPoint())) m_ctx->setSelectedFrame(*pfn);
    e->accept();
}

void PhysicalMemoryView::mouseReleaseEvent(QMouseEvent* e)
{
    e->setAccepted(e->button() == Qt::LeftButton);
}

void PhysicalMemoryView::contextMenuEvent(QContextMenuEvent* e)
{
    const auto pfn = frameAt(e->pos());
    if (!pfn) return;
    QMenu menu(this);
    populateContextMenu(&menu, *pfn);
    menu.exec(e->globalPos());
}

bool PhysicalMemoryView::viewportEvent(QEvent* e)
{
    if (e->type() == QEvent::ToolTip) {
        auto* he = static_cast<QHelpEvent*>(e);
        if (const auto pfn = frameAt(he->pos())) {
            const QRect cell = atLeast(m_geo.cellRect(*pfn), 1);
            QToolTip::showText(he->globalPos(), toolTipForFrame(*pfn), viewport(), cell);
        } else {
            QToolTip::hideText();
            e->ignore();
        }
        return true;
    }
    return QAbstractScrollArea::viewportEvent(e);
}

void PhysicalMemoryView::changeEvent(QEvent* e)
{
    switch (e->type()) {
    case QEvent::LanguageChange:
        setAccessibleName(tr("Physical memory"));
        relayout(); // the legend's width follows its texts
        break;
    case QEvent::FontChange:
    case QEvent::StyleChange: relayout(); break;
    case QEvent::PaletteChange: viewport()->update(); break;
    default: break;
    }
    QAbstractScrollArea::changeEvent(e);
}

} // namespace memviz
