#include "ConsoleWidget.h"

#include "Palette.h"

#include <QFontDatabase>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QTextCharFormat>
#include <QVBoxLayout>

namespace memviz {

ConsoleWidget::ConsoleWidget(QWidget* parent) : QWidget(parent)
{
    auto* lay = new QVBoxLayout(this);
    lay->setContentsMargins(2, 2, 2, 2);
    lay->setSpacing(2);
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_output = new QPlainTextEdit(this);
    m_output->setReadOnly(true);
    m_output->setFont(mono);
    m_output->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_output->setMaximumBlockCount(20000);
    lay->addWidget(m_output, 1);
    auto* row = new QHBoxLayout;
    m_prompt = new QLabel(QStringLiteral("$"), this);
    m_prompt->setFont(mono);
    row->addWidget(m_prompt);
    m_input = new QLineEdit(this);
    m_input->setFont(mono);
    m_input->installEventFilter(this);
    row->addWidget(m_input, 1);
    lay->addLayout(row);
    connect(m_input, &QLineEdit::returnPressed, this, [this] {
        const QString line = m_input->text();
        m_input->clear();
        submit(line);
    });
    retranslate();
}

void ConsoleWidget::retranslate()
{
    m_input->setPlaceholderText(
        tr("Type a command (free -h, cat /proc/buddyinfo) or JavaScript (kernel.alloc_pages(3)); ↑/↓ for history"));
}

void ConsoleWidget::changeEvent(QEvent* e)
{
    if (e->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(e);
}

void ConsoleWidget::submit(const QString& line)
{
    if (line.trimmed().isEmpty()) return;
    if (m_history.isEmpty() || m_history.constLast() != line) m_history.append(line);
    m_historyPos = static_cast<int>(m_history.size());
    append(QStringLiteral("$ ") + line, Kind::Echo);
    emit submitted(line);
}

void ConsoleWidget::append(const QString& text, Kind kind)
{
    QTextCharFormat fmt;
    switch (kind) {
    case Kind::Output: break;
    case Kind::Error: fmt.setForeground(QColor(0xd6, 0x27, 0x28)); break;
    case Kind::Echo: fmt.setFontWeight(QFont::Bold); break;
    case Kind::Info: fmt.setForeground(Palette::mutedText()); break;
    }
    QString t = text;
    if (t.endsWith(QLatin1Char('\n'))) t.chop(1);
    QTextCursor c(m_output->document());
    c.movePosition(QTextCursor::End);
    if (!m_output->document()->isEmpty()) c.insertBlock();
    c.insertText(t, fmt);
    m_output->verticalScrollBar()->setValue(m_output->verticalScrollBar()->maximum());
}

void ConsoleWidget::clear() { m_output->clear(); }
QString ConsoleWidget::text() const { return m_output->toPlainText(); }

bool ConsoleWidget::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_input && event->type() == QEvent::KeyPress) {
        auto* k = static_cast<QKeyEvent*>(event);
        if (k->key() == Qt::Key_Up && !m_history.isEmpty()) {
            m_historyPos = std::max(0, m_historyPos - 1);
            m_input->setText(m_history.at(m_historyPos));
            return true;
        }
        if (k->key() == Qt::Key_Down && !m_history.isEmpty()) {
            m_historyPos = std::min(static_cast<int>(m_history.size()), m_historyPos + 1);
            m_input->setText(m_historyPos < m_history.size() ? m_history.at(m_historyPos) : QString());
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace memviz
