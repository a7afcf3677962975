#pragma once
/// The run's event stream as a table (#, command, type, summary) for the event log.
/// Rows are the simulator's events in order, optionally only some event types.
/// Built for long runs: a row costs nothing until a view asks for its text, and
/// appended events arrive as inserted rows instead of a reset.

#include "sim/Command.h"
#include "sim/Event.h"

#include <QAbstractTableModel>

#include <cstdint>
#include <vector>

namespace memviz {

class Simulator;
class ViewContext;

class EventLogModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { NumberColumn, CommandColumn, TypeColumn, SummaryColumn, ColumnCount };
    enum Role {
        EventIndexRole = Qt::UserRole + 1, ///< qulonglong: index of the event in Simulator::events()
        EventTypeRole, ///< int: the EventType
    };

    explicit EventLogModel(ViewContext* ctx, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// Catches up with the run: inserts rows for appended events, resets when the run
    /// was replaced or cut back. Called on every state change of the context; call it
    /// after appending events without moving the cursor.
    void refresh();
    /// Re-reads every translated text (after a language change).
    void retranslate();

    /// Event types shown, one bit per EventType (bit i = type i; up to 64 types). All types by default.
    void setTypeFilter(std::uint64_t mask);
    std::uint64_t typeFilter() const { return m_mask; }
    static std::uint64_t allTypes() { return (1ull << static_cast<int>(EventType::Count)) - 1; }
    /// Types whose translated or internal name contains `text` (case-insensitive); all for empty text.
    static std::uint64_t typesMatching(const QString& text);

    /// The event shown in a row.
    std::uint64_t eventIndex(int row) const;
    /// The last row showing an event at or before `eventIndex`, -1 when none.
    int rowAtOrBefore(std::uint64_t eventIndex) const;

    /// "alloc_pages(order 3, Normal)", "free_pages(0x3e00, order 0)", "spawn \"cow\"",
    /// "malloc(1024) in PID 1000", "write 100 MiB at 0x7f3a2c000000 in PID 1000".
    static QString commandText(const Command& c);

private:
    bool filtered() const { return m_mask != allTypes(); }
    bool sameEvent(const Event& a, const Event& b) const;
    void rebuild();

    ViewContext* m_ctx;
    const Simulator* m_sim = nullptr;
    std::uint64_t m_count = 0; ///< events of the run the rows cover
    Event m_last; ///< the last of them, to notice a run that was cut and regrown
    std::uint64_t m_mask = allTypes();
    std::vector<std::uint32_t> m_rows; ///< event indices shown, only when filtered
};

} // namespace memviz
