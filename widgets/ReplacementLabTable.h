#pragma once
/// The page-replacement lab's table: the textbook picture of a reference string replayed
/// under one policy per panel — one column per reference, each frame's page in its slot,
/// the referenced page framed green (hit) or orange (loaded on a miss), the victim of
/// each miss struck through under the column, CLOCK's use bits and hand, the LINUX
/// policy's active list shaded. Columns after the lab's step are empty and dimmed, the
/// current one is outlined. Painted straight into the viewport, visible columns only.

#include "reclaim/Replacement.h"

#include <QAbstractScrollArea>
#include <QColor>
#include <QFont>
#include <QRectF>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace memviz {

/// The policy's own colour (its panel's stripe, its line in the plot), before Palette::ink.
QColor replacementPolicyColour(ReplPolicy p);
/// The policy's name as the lab shows it: "FIFO", "LRU", "OPT", "CLOCK", "LINUX".
QString replacementPolicyText(ReplPolicy p);

/// One policy on one frame count, as a panel of the table.
struct ReplacementLabPanel {
    ReplPolicy policy = ReplPolicy::Fifo;
    int frames = 3;
    ReplResult result;
    std::vector<QString> narration; ///< narration[t]: what access t did (one sentence)
    QString rule; ///< what the policy does, shown before the first step
    bool pairedWithPrevious = false; ///< the "N + 1 frames" twin of the panel above it
};

/// What the table shows.
struct ReplacementLabModel {
    std::vector<std::int64_t> refs;
    std::vector<ReplacementLabPanel> panels;
    int step = 0; ///< references replayed so far (0 .. refs.size()); column step - 1 is the current one
    /// A recorded string's pages are numbered 1, 2, 3 … in order of first use; vpns[k - 1]
    /// is the virtual page number that k stands for. Empty for typed and random strings.
    std::vector<std::uint64_t> vpns;
};

/// Where the rows and columns of the table go, in the viewport's coordinates. The index
/// and reference rows stay at the top, the legend at the bottom and the panels' labels on
/// the left; the columns scroll sideways and the panels up and down. Heights grow with
/// the text size `px`: the preferred size, shrunk (down to minPx) until every panel and every
/// column fits; past that the panels scroll up and down and the columns sideways.
struct ReplacementLabGeometry {
    qreal px = 14; ///< text pixel size
    qreal idxH = 0; ///< the row of step numbers
    qreal refH = 0; ///< the row of referenced pages
    qreal narrH = 0; ///< a panel's narration line(s)
    qreal rowH = 0; ///< one frame (and the outcome row)
    qreal gap = 0; ///< between panels (a paired twin follows closer)
    qreal legendH = 0;
    qreal labelW = 0; ///< the panels' label column on the left
    qreal colW = 0; ///< one reference column
    int columns = 0;
    QSizeF viewport;
    QPointF scroll; ///< horizontal and vertical scroll offsets
    std::vector<qreal> panelY; ///< top of each panel (its narration line), from the top of the body
    std::vector<int> panelFrames;
    qreal bodyH = 0; ///< all panels

    /// Body rows of a panel below its narration: its frames and the outcome row, at least
    /// four so that the label column has room for the policy, frames, misses and hits.
    static int bodyRows(int frames) { return std::max(frames + 1, 4); }

    /// Lays out panels of `panelFrames` frames (`paired[i]`: panel i is the twin of i - 1)
    /// and `columns` references in `viewport`. `preferredPx` is the text size the window
    /// suggests; labelWidth(px) and cellWidth(px) measure the widest label column text and
    /// page label at a text size; narrLines and legendLines are the lines those rows take,
    /// smallLine the line spacing of their (small) font per pixel of text size.
    static ReplacementLabGeometry fit(const std::vector<int>& panelFrames, const std::vector<bool>& paired, int columns,
        QSizeF viewport, qreal preferredPx, qreal minPx, const std::function<qreal(qreal)>& labelWidth,
        const std::function<qreal(qreal)>& cellWidth, int narrLines, int legendLines, qreal smallLine = 1.03);

    qreal headerH() const { return idxH + refH; }
    qreal gridLeft() const { return labelW; }
    qreal gridW() const { return colW * columns; }
    /// The part of the viewport the panels scroll in.
    QRectF bodyArea() const;
    /// The part the columns scroll in (right of the label column, below the header).
    QRectF gridArea() const;
    QRectF legendArea() const;
    qreal maxScrollX() const;
    qreal maxScrollY() const;

    qreal columnX(int col) const { return labelW + colW * col - scroll.x(); }
    qreal panelTop(int panel) const;
    /// The header cells of column col.
    QRectF indexRect(int col) const;
    QRectF refRect(int col) const;
    QRectF narrationRect(int panel) const;
    /// The panel's rows (frames and outcome) across the label column and every column.
    QRectF panelBodyRect(int panel) const;
    QRectF labelRect(int panel) const;
    /// The cell of frame `slot` in column col of a panel.
    QRectF cellRect(int panel, int slot, int col) const;
    /// The cell under the frames: hit, or miss with its victim.
    QRectF outcomeRect(int panel, int col) const;

    /// What is under a viewport point.
    struct Hit {
        enum Kind { None, Index, Ref, Narration, Label, Cell, Outcome } kind = None;
        int panel = -1, slot = -1, col = -1;
    };
    Hit hitTest(QPointF p) const;
};

class ReplacementLabTable : public QAbstractScrollArea {
    Q_OBJECT
public:
    explicit ReplacementLabTable(QWidget* parent = nullptr);
    ~ReplacementLabTable() override;

    QSize sizeHint() const override { return QSize(900, 560); }
    QSize minimumSizeHint() const override { return QSize(320, 220); }

    void setModel(ReplacementLabModel model);
    const ReplacementLabModel& model() const { return m_model; }
    /// Moves the lab's cursor (references replayed); scrolls the current column into view.
    void setStep(int step);

    /// The layout for the current size and model (viewport coordinates).
    const ReplacementLabGeometry& geometry() const;
    /// How a page is written in the table: its number, or for a recorded string its short label.
    static QString pageLabel(std::int64_t page);
    /// Tooltips of the table's parts ("" when nothing is there).
    QString toolTipAt(QPointF viewportPos) const;
    QString cellToolTip(int panel, int slot, int col) const;
    QString outcomeToolTip(int panel, int col) const;
    QString refToolTip(int col) const;
    /// The narration line of a panel at the current step (the rule before the first step).
    QString narrationText(int panel) const;
    /// The label column's lines of a panel: policy, frames, misses, hits (so far, while
    /// stepping: "misses: 5 of 9"; the whole string's at the end).
    QStringList labelLines(int panel) const;
    /// Scrolls horizontally so that column col is in view.
    void ensureColumnVisible(int col);

signals:
    /// The user clicked column col (0-based): the lab can jump there.
    void columnClicked(int col);

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    bool viewportEvent(QEvent* event) override;
    void changeEvent(QEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void scrollContentsBy(int dx, int dy) override;

private:
    struct Fonts;
    struct Legend;

    void invalidate();
    void ensureLayout() const;
    Fonts fonts(qreal px) const;
    std::vector<std::pair<QString, int>> legendItems() const;
    /// labelLines at `step` (clamped); `widest` gives the so-far form with the totals in both places (for measuring).
    QStringList labelLinesAt(int panel, int step, bool widest = false) const;

    void paintHeader(QPainter& p, const Fonts& f, int c0, int c1) const;
    void paintPanel(QPainter& p, const Fonts& f, int panel, int c0, int c1) const;
    void paintLegend(QPainter& p, const Fonts& f) const;
    /// The legend's entries flowed into `width` from (0, 0) at text size px: one box per entry.
    std::vector<QRectF> flowLegend(qreal px, qreal width) const;
    void paintCurrentColumn(QPainter& p) const;

    ReplacementLabModel m_model;
    mutable bool m_dirty = true;
    mutable ReplacementLabGeometry m_geo;
    struct LabelCache;
    std::unique_ptr<LabelCache> m_cache; ///< page labels laid out once per font
    mutable int m_legendLines = 1;
    bool m_settingScroll = false;
};

} // namespace memviz
