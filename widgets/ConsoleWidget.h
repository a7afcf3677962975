#pragma once
/// The console: type a shell command (free -h, cat /proc/buddyinfo) or a line of
/// JavaScript (kernel.alloc_pages(3)) and read the answer like a terminal.

#include <QStringList>
#include <QWidget>

class QPlainTextEdit;
class QLineEdit;
class QLabel;

namespace memviz {

class ConsoleWidget : public QWidget {
    Q_OBJECT
public:
    enum class Kind { Output, Error, Echo, Info };
    explicit ConsoleWidget(QWidget* parent = nullptr);

    void append(const QString& text, Kind kind = Kind::Output);
    void clear();
    QString text() const;
    QStringList history() const { return m_history; }
    /// Feeds a line as if typed and submitted (tests, presenter scripts).
    void submit(const QString& line);

signals:
    void submitted(const QString& line);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void changeEvent(QEvent* e) override;

private:
    void retranslate();
    QPlainTextEdit* m_output = nullptr;
    QLineEdit* m_input = nullptr;
    QLabel* m_prompt = nullptr;
    QStringList m_history;
    int m_historyPos = 0;
};

} // namespace memviz
