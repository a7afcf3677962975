#pragma once
/// The narration of the current step: what happened and why, in plain language with
/// this run's numbers and the kernel function that does it in Linux, and — set apart —
/// where memviz simplifies the kernel. Follows the player; a class reads it while a
/// teacher steps, a student reads it alone.

#include <QWidget>

class QLabel;
class QTextBrowser;

namespace memviz {

class ViewContext;
struct Event;

class ExplainPanel : public QWidget {
    Q_OBJECT
public:
    explicit ExplainPanel(ViewContext* ctx, QWidget* parent = nullptr);

    /// The text shown now, without markup (for tests and the clipboard).
    QString plainText() const;
    /// The "Simplification:" part of the current narration; empty when memviz follows the kernel here.
    QString simplificationText() const { return m_simplification; }

    /// Splits a narration at its translated "Simplification:" marker: what the kernel does,
    /// and the note on what memviz does differently (empty when there is none).
    static std::pair<QString, QString> splitSimplification(const QString& explanation);
    /// `text` as HTML with kernel function names ("do_wp_page()") in a fixed-pitch font.
    static QString markupFunctions(const QString& text);

    QSize sizeHint() const override { return QSize(520, 260); }

protected:
    void changeEvent(QEvent* e) override;
    void resizeEvent(QResizeEvent* e) override;

private:
    void refresh();

    ViewContext* m_ctx;
    QLabel* m_header;
    QTextBrowser* m_body;
    QString m_simplification;
};

} // namespace memviz
