#include "BuddyLayout.h"

#include "sim/Machine.h"

#include <algorithm>

namespace memviz {

namespace {

/// How far a row's list is walked from each end. Lists are only ever shown a few
/// boxes at a time, so a long order-0 list costs a bounded walk, not its length.
constexpr std::size_t kWalk = 4096;

} // namespace

BuddyLayout::BuddyLayout(const Machine& m, int zoneId, const QRectF& area, int maxBlocksPerRow, const Metrics& metrics,
    std::span<const Pfn> focus)
    : m_zoneId(zoneId)
    , m_area(area)
    , m_metrics(metrics)
{
    if (zoneId < 0 || static_cast<std::size_t>(zoneId) >= m.zones.size()) return;
    const Zone& z = m.zones[static_cast<std::size_t>(zoneId)];
    if (!z.populated()) return;
    maxBlocksPerRow = std::max(maxBlocksPerRow, 1);

    const Metrics& k = m_metrics;
    const qreal left = area.left() + k.margin;
    const qreal right = area.right() - k.margin;
    const qreal top = area.top();
    const qreal rowsTop = top + k.headerHeight;
    const qreal rowH = std::max<qreal>(1, (area.bottom() - rowsTop) / kNrOrders);
    m_boxHeight = std::min(rowH * k.boxHeightRatio, k.maxBoxHeight);

    // Columns, left to right.
    qreal x = left;
    const qreal labelX = x;
    x += k.labelWidth + k.columnGap;
    const qreal countX = x;
    x += k.countWidth + k.columnGap;
    const qreal workX = x;
    const qreal workW = boxWidth(kMaxOrder) + 8;
    x += workW + k.columnGap;
    const qreal headX = x;
    x += k.markerWidth + 4;
    const qreal listX = x;
    const qreal exitX = right - k.exitWidth;
    const qreal listRight = std::max(listX + 1, exitX - k.columnGap - k.markerWidth - 4);

    m_labelHeader = QRectF(labelX, top, k.labelWidth, k.headerHeight);
    m_countHeader = QRectF(countX, top, k.countWidth, k.headerHeight);
    m_workHeader = QRectF(workX, top, workW, k.headerHeight);
    m_listHeader = QRectF(headX, top, listRight + 4 + k.markerWidth - headX, k.headerHeight);
    m_exitHeader = QRectF(exitX, top, right - exitX, k.headerHeight);

    m_rows.resize(kNrOrders);
    for (int order = kMaxOrder; order >= 0; --order) {
        BuddyRow& row = m_rows[static_cast<std::size_t>(kMaxOrder - order)];
        const qreal y = rowsTop + rowH * (kMaxOrder - order);
        row.order = order;
        row.rect = QRectF(area.left(), y, area.width(), rowH);
        row.labelRect = QRectF(labelX, y, k.labelWidth, rowH);
        row.countRect = QRectF(countX, y, k.countWidth, rowH);
        row.workCell = QRectF(workX, y, workW, rowH);
        row.listRect = QRectF(listX, y, listRight - listX, rowH);
        row.exitCell = QRectF(exitX, y, right - exitX, rowH);
        row.nrFree = z.freeArea[static_cast<std::size_t>(order)].nrFree;
        layoutRow(m, order, maxBlocksPerRow, focus);
        if (row.boxCount > 0) {
            const qreal by = y + (rowH - m_boxHeight) / 2;
            row.headMarker = QRectF(headX, by, k.markerWidth, m_boxHeight);
            const BuddyBox& last = m_boxes[static_cast<std::size_t>(row.firstBox + row.boxCount - 1)];
            row.tailMarker = QRectF(last.rect.right() + 4, by, k.markerWidth, m_boxHeight);
        }
    }

    if (z.workPfn != kNil && z.workOrder <= kMaxOrder) {
        BuddyBox b;
        b.key = BuddyBoxKey::block(z.workPfn, z.workOrder);
        b.role = BuddyBox::Role::Working;
        b.rect = workRect(z.workOrder);
        m_workingIndex = static_cast<int>(m_boxes.size());
        m_boxes.push_back(b);
    }
}

void BuddyLayout::layoutRow(const Machine& m, int order, int maxBlocksPerRow, std::span<const Pfn> focus)
{
    BuddyRow& row = m_rows[static_cast<std::size_t>(kMaxOrder - order)];
    row.firstBox = static_cast<int>(m_boxes.size());
    const Zone& z = m.zones[static_cast<std::size_t>(m_zoneId)];
    const FreeArea& fa = z.freeArea[static_cast<std::size_t>(order)];
    const Pfn frames = m.frames.size();

    // The list from both ends; for short lists fromHead is the whole list.
    std::vector<std::uint32_t> fromHead, fromTail;
    for (std::uint32_t p = fa.head; p != kNil && p < frames && fromHead.size() < kWalk; p = m.frames.next(p))
        fromHead.push_back(p);
    std::uint64_t n = fromHead.size();
    if (fromHead.size() == kWalk && fa.nrFree > kWalk) {
        n = fa.nrFree;
        const std::uint64_t rest = std::min<std::uint64_t>(kWalk, n - kWalk);
        for (std::uint32_t p = fa.tail; p != kNil && p < frames && fromTail.size() < rest; p = m.frames.prev(p))
            fromTail.push_back(p);
    }
    if (n == 0) return;
    const auto pfnAt = [&](std::uint64_t i) -> Pfn {
        if (i < fromHead.size()) return fromHead[i];
        const std::uint64_t back = n - 1 - i;
        return back < fromTail.size() ? fromTail[back] : kNil;
    };

    const Metrics& k = m_metrics;
    const qreal room = row.listRect.width();
    // A list column narrower than one box (a small window) still shows the head block, narrower,
    // rather than a "+1 more" that would not fit either.
    const qreal w = std::min(boxWidth(order), std::max<qreal>(room, 1));
    const qreal mw = std::max(k.moreWidth, w);

    // Which list positions get a box: the head always, then the tail and the event's
    // blocks, then as many from the head as fit. Gaps become "+N more" boxes.
    std::vector<std::uint64_t> visible;
    const auto fits = [&](const std::vector<std::uint64_t>& vis) {
        int boxes = 0;
        qreal width = 0;
        std::int64_t prev = -1;
        for (std::uint64_t v : vis) {
            if (static_cast<std::int64_t>(v) - prev > 1) ++boxes, width += mw;
            ++boxes, width += w;
            prev = static_cast<std::int64_t>(v);
        }
        if (prev != static_cast<std::int64_t>(n) - 1) ++boxes, width += mw;
        width += std::max(0, boxes - 1) * k.gap;
        return width <= room && boxes <= maxBlocksPerRow;
    };
    const bool allFit = n <= static_cast<std::uint64_t>(maxBlocksPerRow) && n * w + (n - 1) * k.gap <= room;
    if (allFit) {
        for (std::uint64_t i = 0; i < n; ++i) visible.push_back(i);
    } else {
        std::vector<std::uint64_t> focusIdx;
        for (Pfn f : focus) {
            for (std::size_t i = 0; i < fromHead.size(); ++i)
                if (fromHead[i] == f) focusIdx.push_back(i);
            for (std::size_t i = 0; i < fromTail.size(); ++i)
                if (fromTail[i] == f) focusIdx.push_back(n - 1 - i);
        }
        std::sort(focusIdx.begin(), focusIdx.end());
        focusIdx.erase(std::unique(focusIdx.begin(), focusIdx.end()), focusIdx.end());
        const auto build = [&](bool withTail, std::size_t focusCount) {
            std::vector<std::uint64_t> v { 0 };
            if (withTail) v.push_back(n - 1);
            v.insert(v.end(), focusIdx.begin(), focusIdx.begin() + static_cast<std::ptrdiff_t>(focusCount));
            std::sort(v.begin(), v.end());
            v.erase(std::unique(v.begin(), v.end()), v.end());
            return v;
        };
        // Give up the tail before the event's blocks, and those from the last one.
        std::size_t nf = focusIdx.size();
        bool withTail = true;
        visible = build(withTail, nf);
        while (!fits(visible) && (withTail || nf > 0)) {
            const bool tailIsFocus = std::find(focusIdx.begin(), focusIdx.end(), n - 1) != focusIdx.end();
            if (withTail && !tailIsFocus)
                withTail = false;
            else if (nf > 0)
                --nf;
            else
                withTail = false;
            visible = build(withTail, nf);
        }
        if (!fits(visible)) visible.clear(); // not even head + "+N more": one "+N more" box
        for (std::uint64_t i = 1; i < n && !visible.empty(); ++i) {
            if (std::binary_search(visible.begin(), visible.end(), i)) continue;
            auto more = visible;
            more.insert(std::upper_bound(more.begin(), more.end(), i), i);
            if (!fits(more)) break;
            visible = std::move(more);
        }
    }

    const qreal by = row.rect.top() + (row.rect.height() - m_boxHeight) / 2;
    qreal x = row.listRect.left();
    int moreOrdinal = 0;
    const auto addMore = [&](std::uint64_t first, std::uint64_t count) {
        BuddyBox b;
        b.key = BuddyBoxKey::more(order, moreOrdinal++);
        b.role = BuddyBox::Role::More;
        b.listIndex = first;
        b.hidden = count;
        b.rect = QRectF(x, by, mw, m_boxHeight);
        x += mw + k.gap;
        m_boxes.push_back(b);
    };
    std::int64_t prev = -1;
    for (std::uint64_t i : visible) {
        if (static_cast<std::int64_t>(i) - prev > 1)
            addMore(static_cast<std::uint64_t>(prev + 1), i - static_cast<std::uint64_t>(prev + 1));
        BuddyBox b;
        b.key = BuddyBoxKey::block(pfnAt(i), order);
        b.role = BuddyBox::Role::Free;
        b.listIndex = i;
        b.isHead = i == 0;
        b.isTail = i == n - 1;
        b.rect = QRectF(x, by, w, m_boxHeight);
        x += w + k.gap;
        m_boxes.push_back(b);
        prev = static_cast<std::int64_t>(i);
    }
    if (prev != static_cast<std::int64_t>(n) - 1)
        addMore(static_cast<std::uint64_t>(prev + 1), n - static_cast<std::uint64_t>(prev + 1));
    row.boxCount = static_cast<int>(m_boxes.size()) - row.firstBox;
}

const BuddyBox* BuddyLayout::find(const BuddyBoxKey& key) const
{
    for (const BuddyBox& b : m_boxes)
        if (b.key == key) return &b;
    return nullptr;
}

const BuddyBox* BuddyLayout::working() const
{
    return m_workingIndex >= 0 ? &m_boxes[static_cast<std::size_t>(m_workingIndex)] : nullptr;
}

qreal BuddyLayout::boxWidth(int order) const
{
    return m_metrics.boxMinWidth * (1 + m_metrics.boxGrowth * std::clamp(order, 0, kMaxOrder));
}

QRectF BuddyLayout::workRect(int order) const
{
    if (!isValid()) return {};
    const QRectF cell = row(order).workCell;
    const qreal w = boxWidth(order);
    return QRectF(cell.center().x() - w / 2, cell.center().y() - m_boxHeight / 2, w, m_boxHeight);
}

QRectF BuddyLayout::exitRect(int order) const
{
    if (!isValid()) return {};
    const QRectF cell = row(order).exitCell;
    const qreal w = std::min(boxWidth(order), std::max<qreal>(cell.width() - 8, 8));
    return QRectF(cell.left() + 4, cell.center().y() - m_boxHeight / 2, w, m_boxHeight);
}

QRectF BuddyLayout::partOf(const QRectF& parentRect, Pfn parentPfn, int parentOrder, Pfn pfn, int order)
{
    const double total = double(Pfn(1) << parentOrder);
    const double f0 = std::clamp(double(pfn - parentPfn) / total, 0.0, 1.0);
    const double f1 = std::clamp(double(pfn + (Pfn(1) << order) - parentPfn) / total, 0.0, 1.0);
    return QRectF(parentRect.left() + f0 * parentRect.width(), parentRect.top(), (f1 - f0) * parentRect.width(),
        parentRect.height());
}

} // namespace memviz
