#include "EventLogView.h"

#include "EventLogModel.h"
#include "EventText.h"
#include "ViewContext.h"

#include <QEvent>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QTableView>
#include <QVBoxLayout>

namespace memviz {

using namespace Qt::StringLiterals;

EventLogView::EventLogView(ViewContext* ctx, QWidget* parent)
    : QWidget(parent)
    , m_ctx(ctx)
    , m_model(new EventLogModel(ctx, this))
    , m_filter(new QLineEdit(this))
    , m_table(new QTableView(this))
{
    m_filter->setClearButtonEnabled(true);
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->setAlternatingRowColors(true);
    m_table->setShowGrid(false);
    // Fixed row heights and no per-row sizing: a million rows stay as cheap as a hundred.
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    QHeaderView* h = m_table->horizontalHeader();
    h->setSectionResizeMode(QHeaderView::Interactive);
    h->setStretchLastSection(true);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_filter);
    layout->addWidget(m_table, 1);

    connect(m_filter, &QLineEdit::textChanged, this, &EventLogView::setFilterText);
    connect(m_table, &QAbstractItemView::activated, this, &EventLogView::onActivated);
    // The model refreshes itself on stateChanged first (it connected earlier).
    connect(m_ctx, &ViewContext::stateChanged, this, &EventLogView::selectCurrent);
    retranslate();
    selectCurrent();
}

void EventLogView::setFilterText(const QString& text)
{
    if (m_filter->text() != text) m_filter->setText(text); // comes back here through textChanged
    m_model->setTypeFilter(EventLogModel::typesMatching(text));
    selectCurrent();
}

void EventLogView::selectCurrent()
{
    m_model->refresh();
    const std::uint64_t cursor = m_ctx->cursor();
    const int row = cursor == 0 ? -1 : m_model->rowAtOrBefore(cursor - 1);
    QItemSelectionModel* sel = m_table->selectionModel();
    if (row < 0) {
        sel->clearSelection();
        return;
    }
    const QModelIndex idx = m_model->index(row, EventLogModel::TypeColumn);
    sel->setCurrentIndex(idx, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_table->scrollTo(idx, QAbstractItemView::EnsureVisible);
}

void EventLogView::onActivated(const QModelIndex& index)
{
    if (!index.isValid()) return;
    const auto n = index.data(EventLogModel::EventIndexRole).toULongLong();
    emit m_ctx->seekRequested(n + 1);
}

void EventLogView::retranslate()
{
    m_filter->setPlaceholderText(tr("Filter by event type (e.g. split, merge, watermark)"));
    m_filter->setToolTip(tr("Shows only events whose type contains this text."));
    m_model->retranslate();
    // Columns as wide as their longest text (measured on samples, never on a million rows).
    const QFontMetrics fm = m_table->fontMetrics();
    const int pad = 2 * fm.horizontalAdvance(u' ') + 16;
    m_table->setColumnWidth(EventLogModel::NumberColumn, fm.horizontalAdvance(u"8888888"_s) + pad);
    m_table->setColumnWidth(EventLogModel::CommandColumn,
        fm.horizontalAdvance(u"#88888 "_s + EventLogModel::commandText(Command::allocPages(10, ZoneType::DMA32)))
            + pad);
    int typeW = fm.horizontalAdvance(m_model->headerData(EventLogModel::TypeColumn, Qt::Horizontal).toString());
    for (int t = 0; t < static_cast<int>(EventType::Count); ++t)
        typeW = std::max(typeW, fm.horizontalAdvance(EventText::typeName(static_cast<EventType>(t))));
    m_table->setColumnWidth(EventLogModel::TypeColumn, typeW + pad);
    // Type names are translated: a filter typed in one language is re-matched in the other.
    m_model->setTypeFilter(EventLogModel::typesMatching(m_filter->text()));
}

void EventLogView::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

} // namespace memviz
