#pragma once
/// The OOM killer's table: every candidate process with its RSS, swap entries, page
/// tables, oom_score_adj, badness points (with a bar) and /proc/PID/oom_score, highest
/// points first. During an OOM kill it shows the table as the killer built it
/// (dump_tasks, one OomCandidates step per row) and then the victim and why it was
/// chosen; otherwise it shows who would be chosen now. oom_score_adj can be edited per
/// process (the view asks for it by a signal; the app turns that into a command). A
/// kernel panic is shown as a banner across the view.

#include "Palette.h"
#include "sim/Event.h"

#include <QAbstractTableModel>
#include <QString>
#include <QWidget>

#include <cstdint>
#include <optional>
#include <vector>

class QLabel;
class QTableView;

namespace memviz {

class OomDelegate;

class ViewContext;
struct Machine;

/// One row of the table.
struct OomRow {
    std::uint32_t pid = 0;
    QString name;
    std::uint64_t rss = 0;      ///< get_mm_rss(): pages
    std::uint64_t swapEnts = 0; ///< MM_SWAPENTS
    std::uint64_t pgTables = 0; ///< page-table pages
    int adj = 0;                ///< oom_score_adj
    std::int64_t points = 0;    ///< oom_badness()
    std::uint64_t score = 0;    ///< /proc/PID/oom_score, 0..2000
    bool unkillable = false;    ///< oom_badness() returns LONG_MIN (oom_score_adj -1000, no mm)
    bool victim = false;        ///< chosen by the kill of the current step
    bool current = false;       ///< the row the current step adds (the killer is scoring it)
    bool editable = false;      ///< oom_score_adj may be changed (a live process, live table)
};

/// The rows as a Qt model. Sorted by points, highest first; equal points put the higher
/// pid first, because select_bad_process() lets a later task with equal points replace
/// the chosen one, so the top row is the one the kernel picks.
class OomTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Pid, Name, Rss, Swap, PageTables, Adj, Points, Score, ColumnCount };
    static constexpr int BarRole = Qt::UserRole + 1; ///< points / the largest points, 0..1
    static constexpr int PidRole = Qt::UserRole + 2;
    static constexpr int kMinAdj = -1000, kMaxAdj = 1000;

    explicit OomTableModel(QObject* parent = nullptr);

    void setRows(std::vector<OomRow> rows);
    const std::vector<OomRow>& rows() const { return m_rows; }
    static void sortRows(std::vector<OomRow>& rows);

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    /// Editing oom_score_adj asks for the change (adjRequested) and leaves the row as it
    /// is until the machine changes; values outside -1000..1000 are refused.
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;

signals:
    void adjRequested(std::uint32_t pid, int value);

private:
    std::vector<OomRow> m_rows;
    std::int64_t m_maxPoints = 0;
};

class OomView : public QWidget {
    Q_OBJECT
public:
    explicit OomView(ViewContext* ctx, QWidget* parent = nullptr);
    ~OomView() override;

    QSize sizeHint() const override { return QSize(900, 520); }
    QSize minimumSizeHint() const override { return QSize(380, 260); }

    /// Shows `events` as the steps up to the current one (the last) instead of the
    /// context's run: for tests and hand-made states. The next state change of the
    /// context drops them.
    void setStepEvents(std::vector<Event> events);

    enum class Mode {
        Live,     ///< who would be chosen if the OOM killer ran now
        Scanning, ///< during an OOM kill: the rows dumped so far
        Killed,   ///< the kill: the table as it was, the victim marked
    };
    Mode mode() const;
    const std::vector<OomRow>& rows() const;
    /// The victim's row, -1 when there is none.
    int victimRow() const;
    bool panicShown() const;
    /// The banner's two lines: what is shown, and why the victim was chosen (or how to read it).
    QString bannerTitle() const;
    QString bannerDetail() const;

    OomTableModel* model() const { return m_model; }
    QTableView* table() const { return m_table; }

    /// The candidates of machine `m` as the OOM killer would score them now (sorted).
    static std::vector<OomRow> liveRows(const Machine& m);

signals:
    /// The user set /proc/PID/oom_score_adj of `pid` to `value` (-1000..1000).
    void oomScoreAdjRequested(std::uint32_t pid, int value);

protected:
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    class Banner;
    void refresh();
    void applyFonts();
    void applyTheme();
    void fitRows();
    void fitColumns();
    /// The OOM steps of the current kill: candidates so far and the kill, if the current
    /// step is one of them.
    bool stepEvents(std::vector<Event>& candidates, std::optional<Event>& kill) const;

    ViewContext* m_ctx;
    OomTableModel* m_model;
    QTableView* m_table;
    Banner* m_banner;
    QLabel* m_note;
    OomDelegate* m_delegate;
    std::vector<Event> m_override;
    Mode m_mode = Mode::Live;
    bool m_panic = false;
    QString m_title, m_detail;
    int m_generation = -1; ///< Palette::generation() it was made for (theme, presentation mode)
};

} // namespace memviz
