#pragma once
/// The zones of the machine against their watermarks: one bar per populated zone with
/// its free pages, the min/low/high marks (pages and MiB), the danger and warning bands
/// below min and low, its managed size and lowmem_reserve, and kswapd's state as a
/// badge (asleep, awake, gave up). A watermark crossing or a kswapd wake/sleep step is
/// highlighted; the free pages of the step animate from before to after.

#include "Palette.h"
#include "phys/Zone.h"
#include "sim/Event.h"

#include <QRectF>
#include <QString>
#include <QWidget>

#include <cstdint>
#include <optional>
#include <vector>

class QComboBox;
class QLabel;
class QPainter;

namespace memviz {

class ViewContext;
struct Machine;

/// Maps a page count of one zone onto 0..1 of its bar. Every bar is scaled to its own
/// managed pages, so a 16 MiB DMA zone and an 8 GiB Normal zone are both full width.
/// The watermarks of a big zone sit within a few per cent of empty, so the default mode
/// magnifies them: 0 .. 2·high takes the first 70 % of the bar, the rest of the zone is
/// compressed behind a break. Linear and logarithmic modes are the alternatives.
struct ZoneBarScale {
    enum class Mode : std::uint8_t { WatermarkZoom, Linear, Log };
    static constexpr double kZoomShare = 0.7; ///< bar share of 0 .. zoomEnd in WatermarkZoom

    Mode mode = Mode::Linear;
    std::uint64_t managed = 0;
    std::uint64_t zoomEnd = 0; ///< pages at the break (0: no break)

    /// The scale of a zone of `managed` pages whose high watermark is `high`. The zoom
    /// falls back to linear when it would not magnify (tiny zones).
    static ZoneBarScale make(Mode mode, std::uint64_t managed, std::uint64_t high);
    /// Where `pages` lies on the bar, 0 (empty) .. 1 (managed); clamped.
    double fraction(std::uint64_t pages) const;
    bool hasBreak() const { return mode == Mode::WatermarkZoom && zoomEnd > 0; }
    /// Page counts worth a tick on the axis (always 0 and managed, the break, powers of ten on a log scale).
    std::vector<std::uint64_t> ticks() const;
};

class ZoneView : public QWidget {
    Q_OBJECT
public:
    using Scale = ZoneBarScale::Mode;

    explicit ZoneView(ViewContext* ctx, QWidget* parent = nullptr);
    ~ZoneView() override;

    QSize sizeHint() const override { return QSize(900, 520); }
    QSize minimumSizeHint() const override { return QSize(380, 260); }

    Scale scale() const { return m_scale; }
    void setScale(Scale s);

    /// Shows `e` as the current step instead of the context's event: for tests and
    /// hand-made states (a context without a run has no events). The next state change
    /// of the context drops it.
    void setStepEvent(std::optional<Event> e);

    /// One zone's bar as drawn (widget coordinates).
    struct Bar {
        int zoneId = -1;
        QRectF row;   ///< everything of this zone
        QRectF track; ///< the bar: left = 0 pages, right = managed
        ZoneBarScale scale;
        double xMin = 0, xLow = 0, xHigh = 0; ///< watermark lines
        double xFree = 0;                     ///< end of the free-pages fill (after the step)
    };
    /// Populated zones in zone order.
    const std::vector<Bar>& bars() const;
    /// The x of `pages` on `bar` (what the marks use).
    static double xOf(const Bar& bar, std::uint64_t pages);

    enum class KswapdState { Asleep, Awake, GaveUp };
    KswapdState kswapdState() const;
    /// "kswapd0: asleep" ... as on the badge.
    QString kswapdText() const;
    /// "kswapd0 awake": the badge's text when the whole one does not fit.
    QString kswapdShortText() const;
    QRectF kswapdBadgeRect() const;

    /// What the current step highlights: a zone (-1 none), one of its marks, the kswapd badge.
    int highlightedZone() const;
    std::optional<Wmark> highlightedMark() const;
    bool kswapdHighlighted() const;

    /// The short explanation under the header (what the current step did, or how to read the view).
    QString captionText() const;

signals:
    void scaleChanged(memviz::ZoneView::Scale scale);

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void changeEvent(QEvent* event) override;
    bool event(QEvent* event) override;

private:
    struct Fonts;
    struct Marks;
    struct LegendItem {
        QColor fill;
        QString text;
    };
    std::vector<LegendItem> legendItems() const;
    std::vector<QRectF> flowLegend(const QRectF& r, const QFont& font) const;
    void onStateChanged();
    void invalidate();
    void retranslate();
    void placeHeader() const;
    void ensureLayout() const;
    const Event* stepEvent() const;
    QString zoneTooltip(int zoneId) const;
    /// What the current step did, empty when it is not about zones or kswapd.
    QString stepCaption() const;

    void paintHeader(QPainter& p, const Fonts& f) const;
    void paintBar(QPainter& p, const Fonts& f, const Bar& bar, double t) const;
    void paintLegend(QPainter& p, const Fonts& f) const;

    ViewContext* m_ctx;
    QLabel* m_scaleLabel;
    QComboBox* m_scaleBox;
    Scale m_scale = Scale::WatermarkZoom;
    std::optional<Event> m_override;

    mutable bool m_dirty = true;
    mutable std::vector<Bar> m_bars;
    mutable std::vector<Marks> m_marks; ///< watermark labels of each bar
    mutable QRectF m_header, m_badge, m_caption, m_legend;
    mutable QString m_captionText;
    mutable QString m_badgeText;
    mutable qreal m_trackH = 24;
    mutable qreal m_axisH = 16; ///< the line of tick labels under a track (taller in Chinese)
    mutable bool m_showReserve = true; ///< room for the lowmem_reserve line
    mutable int m_generation = -1; ///< Palette::generation() it was made for (theme, presentation mode)
};

} // namespace memviz
