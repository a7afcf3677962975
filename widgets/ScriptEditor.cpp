#include "ScriptEditor.h"

#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPainter>
#include <QSaveFile>
#include <QStyle>
#include <QTextBlock>
#include <QToolButton>
#include <QVBoxLayout>

namespace memviz {

namespace {
class LineNumberArea : public QWidget {
public:
    explicit LineNumberArea(CodeEdit* e) : QWidget(e), m_edit(e) {}
    QSize sizeHint() const override { return {m_edit->lineNumberAreaWidth(), 0}; }

protected:
    void paintEvent(QPaintEvent* e) override { m_edit->paintLineNumbers(e); }

private:
    CodeEdit* m_edit;
};
} // namespace

CodeEdit::CodeEdit(QWidget* parent) : QPlainTextEdit(parent)
{
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setTabStopDistance(fontMetrics().horizontalAdvance(QLatin1Char(' ')) * 4);
    m_numbers = new LineNumberArea(this);
    connect(this, &QPlainTextEdit::blockCountChanged, this, &CodeEdit::updateMargins);
    connect(this, &QPlainTextEdit::updateRequest, this, [this](const QRect& r, int dy) {
        if (dy) m_numbers->scroll(0, dy);
        else m_numbers->update(0, r.y(), m_numbers->width(), r.height());
    });
    connect(this, &QPlainTextEdit::textChanged, this, [this] {
        if (m_errorLine) setErrorLine(0);
    });
    updateMargins();
}

int CodeEdit::lineNumberAreaWidth() const
{
    int digits = 1;
    for (int n = std::max(1, blockCount()); n >= 10; n /= 10) ++digits;
    return 10 + fontMetrics().horizontalAdvance(QLatin1Char('9')) * std::max(3, digits);
}

void CodeEdit::updateMargins() { setViewportMargins(lineNumberAreaWidth(), 0, 0, 0); }

void CodeEdit::resizeEvent(QResizeEvent* e)
{
    QPlainTextEdit::resizeEvent(e);
    const QRect cr = contentsRect();
    m_numbers->setGeometry(QRect(cr.left(), cr.top(), lineNumberAreaWidth(), cr.height()));
}

void CodeEdit::paintLineNumbers(QPaintEvent* e)
{
    QPainter p(m_numbers);
    p.fillRect(e->rect(), palette().color(QPalette::AlternateBase));
    QTextBlock block = firstVisibleBlock();
    int number = block.blockNumber();
    int top = qRound(blockBoundingGeometry(block).translated(contentOffset()).top());
    int bottom = top + qRound(blockBoundingRect(block).height());
    while (block.isValid() && top <= e->rect().bottom()) {
        if (block.isVisible() && bottom >= e->rect().top()) {
            const bool err = number + 1 == m_errorLine;
            p.setPen(err ? QColor(0xd6, 0x27, 0x28) : palette().color(QPalette::PlaceholderText));
            QFont f = font();
            f.setBold(err);
            p.setFont(f);
            p.drawText(0, top, m_numbers->width() - 5, fontMetrics().height(), Qt::AlignRight,
                       QString::number(number + 1));
        }
        block = block.next();
        top = bottom;
        bottom = top + qRound(blockBoundingRect(block).height());
        ++number;
    }
}

void CodeEdit::setErrorLine(int line)
{
    m_errorLine = line;
    updateExtraSelections();
    m_numbers->update();
}

void CodeEdit::updateExtraSelections()
{
    QList<QTextEdit::ExtraSelection> sels;
    if (m_errorLine > 0) {
        QTextEdit::ExtraSelection s;
        s.format.setBackground(QColor(255, 80, 80, 60));
        s.format.setProperty(QTextFormat::FullWidthSelection, true);
        s.cursor = QTextCursor(document()->findBlockByNumber(m_errorLine - 1));
        sels.append(s);
    }
    setExtraSelections(sels);
}

ScriptEditor::ScriptEditor(QWidget* parent) : QWidget(parent)
{
    auto* lay = new QVBoxLayout(this);
    lay->setContentsMargins(2, 2, 2, 2);
    auto* bar = new QHBoxLayout;
    m_title = new QLabel(this);
    bar->addWidget(m_title, 1);
    auto button = [&](QStyle::StandardPixmap icon) {
        auto* b = new QToolButton(this);
        b->setIcon(style()->standardIcon(icon));
        b->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        bar->addWidget(b);
        return b;
    };
    m_open = button(QStyle::SP_DialogOpenButton);
    m_save = button(QStyle::SP_DialogSaveButton);
    m_run = button(QStyle::SP_MediaPlay);
    lay->addLayout(bar);
    m_edit = new CodeEdit(this);
    lay->addWidget(m_edit, 1);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    lay->addWidget(m_status);
    connect(m_open, &QToolButton::clicked, this, &ScriptEditor::openFile);
    connect(m_save, &QToolButton::clicked, this, &ScriptEditor::saveFile);
    connect(m_run, &QToolButton::clicked, this, [this] { emit runRequested(source(), m_fileName); });
    retranslate();
}

void ScriptEditor::retranslate()
{
    m_open->setText(tr("Open…"));
    m_save->setText(tr("Save"));
    m_run->setText(tr("Run"));
    m_run->setToolTip(tr("Run the script (F5). A failed script leaves the session as it was."));
    m_title->setText(m_fileName.isEmpty() ? tr("Untitled script") : QFileInfo(m_fileName).fileName());
}

void ScriptEditor::changeEvent(QEvent* e)
{
    if (e->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(e);
}

QString ScriptEditor::source() const { return m_edit->toPlainText(); }

bool ScriptEditor::isModified() const { return m_edit->document()->isModified(); }

bool ScriptEditor::mayDiscard()
{
    if (!isModified() || source().trimmed().isEmpty()) return true;
    const QString name = m_fileName.isEmpty() ? tr("Untitled script") : QFileInfo(m_fileName).fileName();
    const auto answer = QMessageBox::question(this, tr("Unsaved script"),
        tr("The script \"%1\" has changes that are not saved. Save them first?").arg(name),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save) return saveFile();
    return answer == QMessageBox::Discard;
}

void ScriptEditor::setSource(const QString& text, const QString& fileName, bool saveInPlace)
{
    m_edit->setPlainText(text);
    m_edit->document()->setModified(false);
    m_fileName = fileName;
    m_saveInPlace = saveInPlace;
    clearError();
    retranslate();
}

void ScriptEditor::showError(int line, const QString& message)
{
    m_edit->setErrorLine(line);
    m_status->setText(QStringLiteral("<span style='color:#d62728'>%1</span>").arg(message.toHtmlEscaped()));
    if (line > 0) {
        QTextCursor c(m_edit->document()->findBlockByNumber(line - 1));
        m_edit->setTextCursor(c);
        m_edit->centerCursor();
    }
}

void ScriptEditor::clearError()
{
    m_edit->setErrorLine(0);
    m_status->clear();
}

void ScriptEditor::openFile()
{
    if (!mayDiscard()) return;
    const QString f = QFileDialog::getOpenFileName(this, tr("Open script"), QFileInfo(m_fileName).path(),
                                                   tr("JavaScript (*.js);;All files (*)"));
    if (f.isEmpty()) return;
    QFile file(f);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        QMessageBox::warning(this, tr("Open script"), tr("Cannot read %1: %2").arg(f, file.errorString()));
        return;
    }
    setSource(QString::fromUtf8(file.readAll()), f);
}

bool ScriptEditor::saveFile()
{
    QString f = m_fileName;
    if (!savesInPlace()) {
        const QString suggested = f.isEmpty() ? QString() : QFileInfo(f).fileName();
        f = QFileDialog::getSaveFileName(this, tr("Save script"), suggested, tr("JavaScript (*.js)"));
        if (f.isEmpty()) return false;
    }
    QSaveFile file(f);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text) || file.write(source().toUtf8()) < 0 || !file.commit()) {
        QMessageBox::warning(this, tr("Save script"), tr("Cannot write %1: %2").arg(f, file.errorString()));
        return false;
    }
    m_fileName = f;
    m_saveInPlace = true;
    m_edit->document()->setModified(false);
    retranslate();
    return true;
}

} // namespace memviz
