#pragma once
/// The TLB of the simulated CPU: the 4 KiB-page TLB as a grid of sets × ways and the
/// smaller huge-page TLB beside it, every valid entry coloured by the process it
/// belongs to (global kernel entries neutral), with the counters, PCID and the ASID
/// slots above. The entry the current step touches flashes (green hit, orange fill,
/// an evicted entry fading out) and a flush sweeps the entries it drops.

#include "Palette.h"

#include <QImage>
#include <QString>
#include <QWidget>

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

class QPainter;

namespace memviz {

class ViewContext;
struct Machine;
struct TlbEntry;

class TlbView : public QWidget {
    Q_OBJECT
public:
    explicit TlbView(ViewContext* ctx, QWidget* parent = nullptr);
    ~TlbView() override;

    QSize sizeHint() const override { return QSize(1000, 640); }
    QSize minimumSizeHint() const override { return QSize(400, 280); }

    /// One way of one set, in the small-page or the huge-page TLB.
    struct Cell {
        bool huge = false;
        int set = 0;
        int way = 0;
        friend bool operator==(const Cell&, const Cell&) = default;
    };

    /// What the current event does to the TLB.
    enum class Touch { None, Hit, Miss, Fill, Flush, Switch };
    Touch touch() const;
    /// The way a hit or a fill touches.
    std::optional<Cell> touchedCell() const;
    /// The set a lookup searched (hit or miss) or a fill wrote, -1 otherwise.
    int touchedSet() const;
    /// A fill that replaced another valid entry.
    bool evicts() const;
    /// Entries the current event invalidated (valid before it, empty after).
    std::vector<Cell> flushedCells() const;

    /// Where a cell is drawn (widget coordinates); empty when it is not shown.
    QRectF cellRect(Cell c) const;
    std::optional<Cell> cellAt(QPointF pos) const;
    QString toolTipForCell(Cell c) const;
    /// Base text size (pixels) the layout settled on.
    qreal baseFontPixels() const;
    /// Text lines each small-page cell has room for (0: colour only).
    int cellTextLines() const;

    /// The colour of a process's entries (a hue per pid); pid 0 / global entries are neutral.
    static QColor processColour(std::uint32_t pid, bool global = false);

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void changeEvent(QEvent* event) override;
    bool event(QEvent* event) override;

private:
    struct Layout;
    struct Painter;

    void invalidate();
    void ensureLayout() const;
    bool fits(Layout& l, qreal px) const;
    const TlbEntry* entry(const Machine& m, Cell c) const;

    ViewContext* m_ctx;
    mutable std::unique_ptr<Layout> m_layout;
    mutable bool m_layoutDirty = true;
    mutable QString m_fitKey; ///< what the fitted text size below was found for
    mutable qreal m_fitPx = 0;
    QImage m_cache; ///< everything but the cells the current step animates
    bool m_cacheDirty = true;
    int m_cacheGeneration = -1; ///< Palette::generation() it was made for (theme, presentation mode)
};

} // namespace memviz
