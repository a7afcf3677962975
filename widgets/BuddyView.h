#pragma once
/// The buddy allocator of one zone: a row of free blocks per order (10 at the top),
/// the block the allocator holds while it splits or merges, and an animation of
/// each step (split halves flying to their lists, buddies merging, blocks leaving
/// for their caller) with a plain-language caption of the current event.

#include "BuddyLayout.h"
#include "Palette.h"

#include <QWidget>

#include <vector>

class QComboBox;
class QLabel;
class QPainter;

namespace memviz {

class ViewContext;
struct Event;

class BuddyView : public QWidget {
    Q_OBJECT
public:
    explicit BuddyView(ViewContext* ctx, QWidget* parent = nullptr);

    QSize sizeHint() const override { return QSize(900, 560); }
    QSize minimumSizeHint() const override { return QSize(480, 360); }

    /// Machine zone id shown, -1 when there is nothing to show.
    int zone() const { return m_zone; }
    /// True when the user chose a zone; false when the view follows the current event.
    bool isZonePinned() const { return m_pinned; }
    /// Shows this zone and stops following events (the zone selector does the same).
    void pinZone(int zoneId);
    /// Goes back to showing the zone of the current event.
    void followEvents();

    /// Most boxes a free-list row shows before it folds the rest into "+N more".
    int maxBlocksPerRow() const { return m_maxBlocksPerRow; }
    void setMaxBlocksPerRow(int n);

    /// The layouts being animated (tests and exports).
    const BuddyLayout& layoutBefore() const;
    const BuddyLayout& layoutAfter() const;

signals:
    void zoneChanged(int zoneId);

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    struct Sprite;

    void onStateChanged();
    void onZoneActivated(int index);
    void rebuildZoneList();
    void retranslate();
    void chooseZone();
    void invalidate();
    void placeHeader();
    void ensureLayouts() const;
    QRectF headerRect() const;
    QRectF captionRect() const;
    QString captionTag() const;
    QString captionTitle() const;
    QString captionBody() const;
    std::vector<Sprite> sprites(double t) const;

    void paintHeader(QPainter& p) const;
    void paintRows(QPainter& p, double t) const;
    void paintLinks(QPainter& p, const BuddyLayout& l, qreal opacity) const;
    void paintMarkers(QPainter& p, double t) const;
    void paintTrails(QPainter& p, const std::vector<Sprite>& all, double t) const;
    void paintLegend(QPainter& p) const;
    void paintSprite(QPainter& p, const Sprite& s) const;
    void paintCaption(QPainter& p) const;

    ViewContext* m_ctx;
    QLabel* m_zoneLabel;
    QComboBox* m_zoneBox;
    int m_zone = -1;
    bool m_pinned = false;
    int m_maxBlocksPerRow = 12;
    std::vector<int> m_zoneIds; ///< populated zones listed in the selector

    // Cached per state, size and language; progress only interpolates between them.
    mutable bool m_dirty = true;
    mutable BuddyLayout m_before;
    mutable BuddyLayout m_after;
    mutable qreal m_captionHeight = 0;
    int m_generation = -1; ///< Palette::generation() it was made for (theme, presentation mode)
};

} // namespace memviz
