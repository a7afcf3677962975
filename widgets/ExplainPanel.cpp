#include "ExplainPanel.h"

#include "EventLogModel.h"
#include "EventText.h"
#include "Palette.h"
#include "ViewContext.h"

#include "sim/Simulator.h"

#include <QEvent>
#include <QLabel>
#include <QRegularExpression>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace memviz {

ExplainPanel::ExplainPanel(ViewContext* ctx, QWidget* parent) : QWidget(parent), m_ctx(ctx)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 6);
    layout->setSpacing(4);
    m_header = new QLabel(this);
    m_header->setObjectName(QStringLiteral("explainHeader"));
    m_header->setTextFormat(Qt::PlainText);
    m_header->setWordWrap(true);
    m_body = new QTextBrowser(this);
    m_body->setObjectName(QStringLiteral("explainBody"));
    m_body->setOpenLinks(false);
    m_body->setFrameShape(QFrame::NoFrame);
    layout->addWidget(m_header);
    layout->addWidget(m_body, 1);
    connect(ctx, &ViewContext::stateChanged, this, &ExplainPanel::refresh);
    refresh();
}

std::pair<QString, QString> ExplainPanel::splitSimplification(const QString& explanation)
{
    const QString marker = EventText::tr("Simplification:");
    const qsizetype at = explanation.indexOf(marker);
    if (at < 0) return {explanation, QString()};
    return {explanation.left(at).trimmed(), explanation.mid(at + marker.size()).trimmed()};
}

QString ExplainPanel::markupFunctions(const QString& text)
{
    // Kernel and libc functions are written "name()" in the narration: set them in code type.
    // So are the kernel's source files ("mm/page_alloc.c").
    static const QRegularExpression fn(QStringLiteral("\\b([A-Za-z_][A-Za-z0-9_]*\\(\\)|[a-z0-9_]+(?:/[a-z0-9_]+)+\\.[ch])"));
    QString html = text.toHtmlEscaped();
    html.replace(fn, QStringLiteral("<code>\\1</code>"));
    return html;
}

QString ExplainPanel::plainText() const
{
    return m_header->text() + QLatin1Char('\n') + m_body->toPlainText();
}

void ExplainPanel::changeEvent(QEvent* e)
{
    QWidget::changeEvent(e);
    if (e->type() == QEvent::LanguageChange || e->type() == QEvent::PaletteChange || e->type() == QEvent::FontChange)
        refresh();
}

void ExplainPanel::resizeEvent(QResizeEvent* e)
{
    QWidget::resizeEvent(e);
    // The text grows with the panel (a docked panel on a projector reads from the back row).
    const QFont f = Palette::viewFont(this);
    if (m_body->font() != f) refresh();
}

void ExplainPanel::refresh()
{
    const QFont font = Palette::viewFont(this);
    m_header->setFont(font);
    m_body->setFont(font);
    Palette::applyTextColour(m_header);
    const Simulator* sim = m_ctx->simulator();
    const Event* e = m_ctx->currentEvent();
    m_simplification.clear();
    if (!sim || !e) {
        m_header->setText(sim ? tr("Start of the run · %Ln step(s) recorded", nullptr, static_cast<int>(std::min<std::uint64_t>(sim->eventCount(), INT32_MAX)))
                              : tr("No machine yet"));
        m_body->setHtml(QStringLiteral("<p>%1</p>")
                            .arg(tr("Every step of the run is explained here: what happened, why, with this run's "
                                    "numbers and the kernel function that does it in Linux. Step with → and ←, jump "
                                    "to the next command with Page Down, or press Space to play.")
                                     .toHtmlEscaped()));
        return;
    }
    const std::uint64_t index = m_ctx->cursor() - 1;
    QString header = tr("Step %L1 of %L2").arg(index + 1).arg(sim->eventCount());
    if (e->cmd < sim->commands().size())
        header += QStringLiteral(" · ") + tr("command %L1: %2").arg(e->cmd + 1).arg(EventLogModel::commandText(sim->commands()[e->cmd]));
    m_header->setText(header);

    const Machine& after = m_ctx->machine();
    const auto [kernel, simplified] = splitSimplification(EventText::explanation(after, *e));
    m_simplification = simplified;
    const QColor accent = Palette::ink(Palette::highlight());
    const QColor note = Palette::mix(Palette::background(), Palette::tlbMiss(), Palette::isDark() ? 0.25 : 0.14);
    QString html = QStringLiteral("<p style=\"margin-bottom:6px\"><span style=\"color:%1; font-weight:bold\">%2</span> — %3</p>")
                       .arg(accent.name(), EventText::typeName(e->type).toHtmlEscaped(),
                            markupFunctions(EventText::summary(sim->current(), *e)));
    html += QStringLiteral("<p>%1</p>").arg(markupFunctions(kernel));
    if (!simplified.isEmpty())
        html += QStringLiteral("<table width=\"100%\" cellpadding=\"6\" style=\"margin-top:6px\"><tr><td bgcolor=\"%1\">"
                               "<b>%2</b> %3</td></tr></table>")
                    .arg(note.name(), tr("memviz simplifies:").toHtmlEscaped(), markupFunctions(simplified));
    m_body->setHtml(html);
}

} // namespace memviz
