#pragma once
/// The event log: every event of the run in a table with a filter by event type.
/// The row of the current event follows the player; activating a row (double-click
/// or Enter) asks the player to jump there.

#include <QWidget>

class QLineEdit;
class QModelIndex;
class QTableView;

namespace memviz {

class EventLogModel;
class ViewContext;

class EventLogView : public QWidget {
    Q_OBJECT
public:
    explicit EventLogView(ViewContext* ctx, QWidget* parent = nullptr);

    EventLogModel* model() const { return m_model; }
    QTableView* table() const { return m_table; }
    QLineEdit* filterEdit() const { return m_filter; }

    /// Shows only event types whose name contains `text` ("split", "Merge", "watermark").
    void setFilterText(const QString& text);

    QSize sizeHint() const override { return QSize(720, 360); }

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void selectCurrent();
    void onActivated(const QModelIndex& index);

    ViewContext* m_ctx;
    EventLogModel* m_model;
    QLineEdit* m_filter;
    QTableView* m_table;
};

} // namespace memviz
