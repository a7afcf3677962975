#pragma once
/// The machine's history over simulated time as the columns of `free` and of
/// `sar -r / -B / -W / -S` (one Sample a second since boot, sim/History.h): memory
/// in kB on the left axis, rates and percentages (dashed) on the right, a cursor at
/// the player's time, zoom and pan along time, export to PNG, PDF, SVG and CSV.
///
/// Growing histories (a live run, a slider dragged forward) append points; only a
/// history that is not a continuation of the plotted one is rebuilt.

#include "sim/History.h"

#include <QList>
#include <QSize>
#include <QString>
#include <QWidget>

#include <array>
#include <cstdint>
#include <optional>

class QCustomPlot;
class QCPGraph;
class QCPItemStraightLine;
class QCPItemText;
class QMenu;
class QToolButton;

namespace memviz {

struct Machine;

class TimelinePlot : public QWidget {
    Q_OBJECT
public:
    /// Every column the plot can show, grouped by the tool that prints it.
    enum class Series {
        // free (procps-ng 4.0.2), the Mem: and Swap: rows
        MemTotal,
        MemUsed, ///< MemTotal − MemAvailable
        MemFree,
        MemShared,
        MemBuffCache, ///< Buffers + Cached + SReclaimable
        MemAvailable,
        SwapUsed,
        // sar -r (sysstat 12.6, with the ALL columns kbanonpg, kbslab, kbpgtbl)
        KbMemFree,
        KbAvail,
        KbMemUsed, ///< MemTotal − min(MemTotal, MemFree + Buffers + Cached + Slab)
        PctMemUsed,
        KbBuffers,
        KbCached,
        KbCommit,
        PctCommit, ///< Committed_AS / (MemTotal + SwapTotal)
        KbActive,
        KbInact,
        KbDirty,
        KbAnonPg,
        KbSlab,
        KbPgTbl,
        // sar -B
        PgpginPerS,
        PgpgoutPerS,
        FaultPerS,
        MajfltPerS,
        PgfreePerS,
        PgscankPerS,
        PgscandPerS,
        PgstealPerS,
        PctVmeff, ///< 100 · Δpgsteal / (Δpgscank + Δpgscand), 0 without scans
        // sar -W
        PswpinPerS,
        PswpoutPerS,
        // sar -S
        KbSwpFree,
        KbSwpUsed,
        PctSwpUsed,
        KbSwpCad,
        Count
    };
    Q_ENUM(Series)
    enum class Group { Free, SarR, SarB, SarW, SarS, Count };
    enum class Unit { KiB, PerSecond, Percent };

    static constexpr int kSeriesCount = static_cast<int>(Series::Count);

    static Group group(Series s);
    static Unit unit(Series s);
    /// Drawn against the right axis (rates and percentages), dashed.
    static bool onRightAxis(Series s) { return unit(s) != Unit::KiB; }
    /// A difference of cumulative counters: no value at the first sample.
    static bool isRate(Series s) { return unit(s) == Unit::PerSecond || s == Series::PctVmeff; }
    /// The column's name as the tool prints it (never translated): "Mem used", "kbmemused",
    /// "pgscank/s", "%vmeff". Legend entries and CSV headers.
    static QString columnName(Series s);
    /// "free", "sar -r" ... (the command, never translated).
    static QString groupName(Group g);
    /// What the column means, for tooltips (translated).
    static QString description(Series s);
    /// The value at sample `cur` (kB, per second or percent); rates need the previous
    /// sample and are nothing without one.
    static std::optional<double> value(Series s, const Sample* prev, const Sample& cur);
    /// free's used/free/buff/cache/available and swap used.
    static QList<Series> defaultSelection();

    explicit TimelinePlot(QWidget* parent = nullptr);
    ~TimelinePlot() override;

    QSize sizeHint() const override { return QSize(960, 540); }
    QSize minimumSizeHint() const override { return QSize(360, 240); }

    /// Shows `log` (a copy is cheap: chunks are shared). A continuation of the plotted
    /// history appends its new points; a shorter prefix of it drops the points past its
    /// end; anything else is rebuilt.
    void setSamples(const SampleLog& log);
    void setMachine(const Machine& m);
    const SampleLog& samples() const { return m_log; }

    QList<Series> selection() const;
    void setSelection(const QList<Series>& series);
    bool isSelected(Series s) const { return m_graphs[static_cast<std::size_t>(s)] != nullptr; }
    void setSeriesSelected(Series s, bool on);

    /// The cursor's position, seconds since boot.
    double cursorSeconds() const { return m_cursorS; }

    /// Whether the time axis follows the data (true until the user zooms or pans).
    bool followsData() const { return m_follow; }

    // Export of exactly what is plotted. A null size means the widget's plot size.
    bool exportPng(const QString& path, QSize size = QSize(), QString* error = nullptr);
    bool exportPdf(const QString& path, QSize size = QSize(), QString* error = nullptr);
    bool exportSvg(const QString& path, QSize size = QSize(), QString* error = nullptr);
    bool exportCsv(const QString& path, QString* error = nullptr) const;
    /// The plotted data as CSV: a header of "time_s" and the selected columns' names, then
    /// one row per sample (seconds since boot, kB as integers, rates and percentages with
    /// two decimals; a rate's first cell is empty).
    QString csv() const;

    // For tests and benchmarks.
    QCustomPlot* customPlot() const { return m_plot; }
    QCPGraph* graph(Series s) const { return m_graphs[static_cast<std::size_t>(s)]; }
    int pointCount(Series s) const;
    /// Times every plotted point was computed afresh from the whole history.
    int rebuildCount() const { return m_rebuilds; }

public slots:
    /// Moves the cursor to the player's simulated time.
    void setCursorTime(std::uint64_t ns);
    /// Shows the whole history again (and follows it as it grows).
    void fit();
    /// Re-reads the colours of Palette's theme.
    void applyTheme();

protected:
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void retranslate();
    void applyFonts();
    void buildMenus();
    void rebuild();
    void append(std::size_t from, std::size_t to);
    QCPGraph* makeGraph(Series s);
    void fillGraph(Series s);
    void updateRanges();
    void replotSoon();
    void placeCursor();
    void showContextMenu(const QPoint& pos);
    void exportWithDialog(const QString& format);
    void showValuesAt(const QPoint& pos);

    QCustomPlot* m_plot = nullptr;
    QCPItemStraightLine* m_cursor = nullptr;
    QCPItemText* m_cursorLabel = nullptr;
    QCPItemText* m_emptyHint = nullptr;
    QToolButton* m_seriesButton = nullptr;
    QToolButton* m_fitButton = nullptr;
    QToolButton* m_exportButton = nullptr;
    QMenu* m_seriesMenu = nullptr;
    QMenu* m_exportMenu = nullptr;
    std::array<QCPGraph*, kSeriesCount> m_graphs {};
    SampleLog m_log;
    double m_cursorS = 0;
    bool m_follow = true;
    bool m_settingRange = false;
    bool m_painted = false; ///< replotted once: the layers have paint buffers
    int m_rebuilds = 0;
    qreal m_fontPx = 0;
    int m_styleGeneration = -1; ///< Palette::generation() the pens, colours and fonts were made for
    /// Restyles the plot when the theme or presentation mode changed since it was styled
    /// (setMachine() calls it: the app hands the plot the machine at every state change).
    void syncStyle();
};

} // namespace memviz
