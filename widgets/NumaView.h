#pragma once
/// The NUMA nodes of the machine (reference §2): one card per node with its CPUs, its
/// memory and free memory and its zones against their watermarks; the SLIT distances
/// between nodes as a graph; the zonelist of the selected node numbered 1, 2, 3 … in
/// the order build_zonelists() made it. During an allocation the zonelist walk lights up
/// zone by zone (passes the watermark / fails it) and a NodeFallback step draws the
/// spill to the other node; a numastat table sits under the graph.

#include "Palette.h"
#include "ZoneView.h"
#include "phys/Zone.h"
#include "sim/Event.h"

#include <QLineF>
#include <QPainterPath>
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

class NumaView : public QWidget {
    Q_OBJECT
public:
    explicit NumaView(ViewContext* ctx, QWidget* parent = nullptr);
    ~NumaView() override;

    QSize sizeHint() const override { return QSize(1000, 700); }
    QSize minimumSizeHint() const override { return QSize(420, 320); }

    /// The node whose fallback order is drawn. It follows the current step (the node an
    /// allocation prefers); the node selector and a click on a card change it.
    int selectedNode() const { return m_node; }
    void setSelectedNode(int node);

    /// Shows `e` as the current step instead of the context's event: for tests and
    /// hand-made states (a context without a run has no events). The next state change
    /// of the context drops it.
    void setStepEvent(std::optional<Event> e);
    /// Shows `events` as the steps of the current command up to the current one (the
    /// last), so a zonelist walk can be shown from hand-made events.
    void setStepEvents(std::vector<Event> events);

    /// One zone of a card (widget coordinates).
    struct ZoneRow {
        int zoneId = -1;
        QRectF row; ///< the zone's line: badge, name, bar
        QRectF badge; ///< the fallback badge's circle
        QRectF bar; ///< free pages against managed, watermarks as ticks
        ZoneBarScale scale;
        int rank = 0; ///< 1-based place in the zonelist drawn, 0: not in it
    };
    /// One node.
    struct Card {
        int node = -1;
        QRectF rect;
        QRectF title; ///< the "Node 1" line
        QRectF freeBar; ///< the node's free memory, a segment per zone (empty when left out)
        std::vector<ZoneRow> zones; ///< populated zones, highest first (the zonelist's order within a node)
    };
    /// One pair of nodes and its SLIT distance.
    struct Edge {
        int a = -1, b = -1;
        std::uint32_t distance = 0;
        QLineF line; ///< from card a's border to card b's
        QRectF label; ///< the distance's pill (empty when not labelled)
        qreal width = 1; ///< pen width: the closer, the thicker
        QString text; ///< what the pill says
        /// Up to four nodes every edge has its label; with more, only the selected node's
        /// (the others are drawn faint, their distances are in the cards' tooltips).
        bool labelled = true;
    };
    /// One entry of the zonelist line under the graph.
    struct Chip {
        int zoneId = -1;
        int rank = 0;
        QRectF rect;
    };

    const std::vector<Card>& cards() const;
    const std::vector<Edge>& edges() const;
    const std::vector<Chip>& chips() const;
    const Card* card(int node) const;
    const ZoneRow* zoneRow(int zoneId) const;
    /// The node of the card under `pos` (-1: none) and the zone of the row under it.
    int nodeAt(const QPointF& pos) const;
    int zoneAt(const QPointF& pos) const;

    /// "CPUs 0-1", "memory only", as on the card.
    QString cpuText(int node) const;
    /// The highest zone type of the zonelist drawn: the walk's (gfp_zone of the
    /// allocation), Normal otherwise.
    ZoneType highestZone() const;
    /// The zonelist drawn: zone ids in the order an allocation tries them.
    std::vector<std::uint8_t> fallbackZones() const;
    /// The nodes in the order their zones come in the zonelist (the fallback order).
    std::vector<int> fallbackNodes() const;
    /// "Fallback order for Node 0: 0 1 2", as the kernel logs it at boot.
    QString fallbackLine() const;

    /// The zonelist walk of the current step.
    enum class Check : std::uint8_t { None, Pass, Fail };
    /// The zone the current ZoneCheck step tests, -1 when the step is no ZoneCheck.
    int checkingZone() const;
    /// How the walk so far (the current step included) found a zone.
    Check checkOf(int zoneId) const;
    /// The node whose zonelist the current step walks, -1 when it walks none.
    int walkNode() const;

    /// An arrow from the preferred node to the node the walk went on to: confirmed by a
    /// NodeFallback (solid), or only being tried (dashed).
    struct Spill {
        int from = -1, to = -1;
        int zoneId = -1;
        bool confirmed = false;
        double shown = 1; ///< how much of the arrow is drawn (it grows with the step)
        QPainterPath path; ///< the whole arrow, widget coordinates
    };
    std::optional<Spill> spill() const;

    /// The sentence under the header: what the step did, or how to read the view.
    QString captionText() const;
    /// Where the numastat table is drawn; empty when there is no room or no NUMA.
    QRectF numastatRect() const;
    /// The note beside a lone node (a PC without NUMA is one node); empty otherwise.
    QRectF noteRect() const;
    QString noteText() const;

signals:
    void selectedNodeChanged(int node);

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void changeEvent(QEvent* event) override;
    bool event(QEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;

private:
    struct Fonts;
    struct CardFonts;
    struct Walk {
        std::vector<std::pair<std::uint8_t, bool>> checks; ///< zone, passed; in walk order
        int node = -1;
        ZoneType highest = ZoneType::Normal;
        std::optional<Event> fallback, alloc;
        bool valid() const { return !checks.empty(); }
    };

    void onStateChanged();
    void invalidate();
    void retranslate();
    void syncNodeBox();
    void followStep();
    std::vector<Event> recentSteps() const;
    const Event* stepEvent() const;
    const Walk& walk() const;
    void ensureLayout() const;
    void placeHeader() const;
    void layoutGraph(const Fonts& f, const QRectF& area) const;
    void layoutBottom(const Fonts& f, const QRectF& area, bool table) const;
    CardFonts cardFonts() const;
    qreal cardHeight(const CardFonts& f, int zones, int detail) const;
    void layoutCard(const CardFonts& f, Card& c, int detail) const;
    QString nodeTooltip(int node) const;
    QString zoneTooltip(int zoneId) const;
    QString stepCaption() const;

    void paintHeader(QPainter& p, const Fonts& f) const;
    void paintEdges(QPainter& p) const;
    void paintCard(QPainter& p, const CardFonts& f, const Card& c, double t) const;
    void paintSpill(QPainter& p, const Fonts& f) const;
    void paintBottom(QPainter& p, const Fonts& f) const;
    void paintBadge(QPainter& p, const QFont& font, const QRectF& r, int rank, int zoneId) const;

    ViewContext* m_ctx;
    QLabel* m_nodeLabel;
    QComboBox* m_nodeBox;
    int m_node = 0;
    std::vector<Event> m_override;

    mutable bool m_dirty = true;
    mutable bool m_walkDirty = true;
    mutable Walk m_walk;
    mutable std::vector<Card> m_cards;
    mutable std::vector<Edge> m_edges;
    mutable std::vector<Chip> m_chips;
    mutable QRectF m_header, m_caption, m_graph, m_fallbackText, m_chipsLabel, m_table, m_note;
    mutable QString m_captionText;
    mutable int m_detail = 2; ///< 2: every line of a card, 1: no size line, 0: no free bar either
    mutable qreal m_cardPx = 14; ///< the cards' text size: as large as the room allows
    mutable qreal m_notePx = 14; ///< the one-node note's text size
    mutable bool m_chipsSmall = false; ///< the zonelist chips in small text (a long zonelist in a narrow view)
    mutable int m_generation = -1; ///< Palette::generation() it was made for (theme, presentation mode)
};

} // namespace memviz
