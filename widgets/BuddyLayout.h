#pragma once
/// Geometry of the buddy view for one zone of one machine, as a plain value type
/// (no widget, no painting) so it can be tested on its own and computed twice per
/// step (before and after an event) for the view to animate between.
///
/// One row per order, order 10 at the top and order 0 at the bottom. Left to right:
/// the order label, nr_free, the "in hand" column (the block the allocator holds
/// between split or merge steps, at the height of its current order), the free list
/// in list order (head first) and the "allocated" lane where blocks leave the
/// allocator and come back. Every box is keyed by (pfn, order) so that two layouts
/// can be matched box by box.

#include "phys/FrameTable.h"

#include <QRectF>
#include <QSizeF>

#include <cstdint>
#include <span>
#include <vector>

namespace memviz {

struct Machine;

struct BuddyBoxKey {
    enum class Kind : std::uint8_t { Block, More };
    Kind kind = Kind::Block;
    std::uint8_t order = 0;
    /// Block: the block's first pfn. More: the ordinal of the "+N more" box in its row.
    Pfn pfn = 0;

    static BuddyBoxKey block(Pfn pfn, int order) { return { Kind::Block, static_cast<std::uint8_t>(order), pfn }; }
    static BuddyBoxKey more(int order, int ordinal)
    {
        return { Kind::More, static_cast<std::uint8_t>(order), static_cast<Pfn>(ordinal) };
    }
    friend bool operator==(const BuddyBoxKey&, const BuddyBoxKey&) = default;
};

struct BuddyBox {
    enum class Role : std::uint8_t {
        Free, ///< a block on a free list
        Working, ///< the block the allocator holds (FrameState::InHand)
        More, ///< "+N more": blocks of the list that do not fit
    };
    BuddyBoxKey key;
    Role role = Role::Free;
    QRectF rect;
    std::uint64_t listIndex = 0; ///< position in the list (0 = head); More: first hidden position
    std::uint64_t hidden = 0; ///< More: how many blocks the box stands for
    bool isHead = false; ///< the list's first block (allocation takes it next)
    bool isTail = false; ///< the list's last block

    Pfn pfn() const { return key.pfn; }
    int order() const { return key.order; }
};

struct BuddyRow {
    int order = 0;
    QRectF rect; ///< the whole band of the row
    QRectF labelRect; ///< "order 3" / "8 pages · 32 KiB"
    QRectF countRect; ///< nr_free
    QRectF workCell; ///< this row's cell of the "in hand" column
    QRectF listRect; ///< where the list's boxes go
    QRectF exitCell; ///< this row's cell of the "allocated" lane
    QRectF headMarker; ///< "head" tag before the first box (null when the list is empty)
    QRectF tailMarker; ///< "tail" tag after the last box (null when the list is empty)
    std::uint64_t nrFree = 0;
    int firstBox = 0; ///< index into BuddyLayout::boxes() of the row's first list box
    int boxCount = 0; ///< list boxes of this row (the working block is not counted)
};

/// Sizes in device-independent pixels; the view derives them from its fonts.
struct BuddyLayoutMetrics {
    qreal margin = 8;
    qreal columnGap = 10;
    qreal headerHeight = 24; ///< column titles above the rows
    qreal labelWidth = 150;
    qreal countWidth = 56;
    qreal boxMinWidth = 72; ///< an order-0 box
    qreal boxGrowth = 0.05; ///< each order widens a box by this fraction of boxMinWidth
    qreal moreWidth = 96; ///< a "+N more" box
    qreal markerWidth = 40; ///< "head" / "tail" tags
    qreal exitWidth = 110; ///< the "allocated" lane
    qreal gap = 12; ///< between boxes of a list (room for the link arrow)
    qreal boxHeightRatio = 0.72;
    qreal maxBoxHeight = 34;
};

class BuddyLayout {
public:
    using Metrics = BuddyLayoutMetrics;

    BuddyLayout() = default;
    /// Lays out zone `zoneId` of `m` in `area`. `maxBlocksPerRow` caps the boxes of a
    /// list row ("+N more" boxes included). Blocks whose pfn is in `focus` stay
    /// visible even in a long list (the view passes the blocks of the current event).
    BuddyLayout(const Machine& m, int zoneId, const QRectF& area, int maxBlocksPerRow, const Metrics& metrics = {},
        std::span<const Pfn> focus = {});
    BuddyLayout(const Machine& m, int zoneId, const QSizeF& size, int maxBlocksPerRow, const Metrics& metrics = {},
        std::span<const Pfn> focus = {})
        : BuddyLayout(m, zoneId, QRectF(QPointF(0, 0), size), maxBlocksPerRow, metrics, focus)
    {
    }

    /// False for an unknown or unpopulated zone (then there are no rows).
    bool isValid() const { return !m_rows.empty(); }
    int zoneId() const { return m_zoneId; }
    QRectF area() const { return m_area; }
    const Metrics& metrics() const { return m_metrics; }

    /// Top to bottom: rows()[0] is order 10, rows()[10] is order 0.
    const std::vector<BuddyRow>& rows() const { return m_rows; }
    const BuddyRow& row(int order) const { return m_rows[static_cast<std::size_t>(kMaxOrder - order)]; }
    /// List boxes row by row (top row first, head first within a row), then the working block.
    const std::vector<BuddyBox>& boxes() const { return m_boxes; }
    const BuddyBox* find(const BuddyBoxKey& key) const;
    const BuddyBox* findBlock(Pfn pfn, int order) const { return find(BuddyBoxKey::block(pfn, order)); }
    /// The block in the allocator's hand, or null.
    const BuddyBox* working() const;

    // Column titles (the header band above the rows).
    QRectF labelHeader() const { return m_labelHeader; }
    QRectF countHeader() const { return m_countHeader; }
    QRectF workHeader() const { return m_workHeader; }
    QRectF listHeader() const { return m_listHeader; }
    QRectF exitHeader() const { return m_exitHeader; }

    /// Width of a block box of this order: grows moderately with the order.
    qreal boxWidth(int order) const;
    qreal boxHeight() const { return m_boxHeight; }
    /// Where a block of this order sits in the "in hand" column.
    QRectF workRect(int order) const;
    /// Where a block of this order leaves to (alloc) or comes from (free): the "allocated" lane.
    QRectF exitRect(int order) const;

    /// The part of a parent block's rectangle that a sub-block covers (lower pfns to the left).
    static QRectF partOf(const QRectF& parentRect, Pfn parentPfn, int parentOrder, Pfn pfn, int order);

private:
    void layoutRow(const Machine& m, int order, int maxBlocksPerRow, std::span<const Pfn> focus);

    int m_zoneId = -1;
    QRectF m_area;
    Metrics m_metrics;
    qreal m_boxHeight = 0;
    std::vector<BuddyRow> m_rows;
    std::vector<BuddyBox> m_boxes;
    int m_workingIndex = -1;
    QRectF m_labelHeader, m_countHeader, m_workHeader, m_listHeader, m_exitHeader;
};

} // namespace memviz
