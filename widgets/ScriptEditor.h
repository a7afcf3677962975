#pragma once
/// The script editor: a JavaScript source with line numbers, Open/Save/Run, and
/// the line of the last error marked.

#include <QPlainTextEdit>
#include <QWidget>

class QLabel;
class QToolButton;

namespace memviz {

class CodeEdit : public QPlainTextEdit {
    Q_OBJECT
public:
    explicit CodeEdit(QWidget* parent = nullptr);
    int lineNumberAreaWidth() const;
    void paintLineNumbers(QPaintEvent* e);
    void setErrorLine(int line); ///< 1-based; 0 clears
    int errorLine() const { return m_errorLine; }

protected:
    void resizeEvent(QResizeEvent* e) override;

private:
    void updateMargins();
    void updateExtraSelections();
    QWidget* m_numbers = nullptr;
    int m_errorLine = 0;
};

class ScriptEditor : public QWidget {
    Q_OBJECT
public:
    explicit ScriptEditor(QWidget* parent = nullptr);

    QString source() const;
    /// Shows `text` under `fileName`. With saveInPlace, Save writes back to that file; without
    /// (a script from a session file, a demo in the resources), Save asks where.
    void setSource(const QString& text, const QString& fileName, bool saveInPlace = true);
    QString fileName() const { return m_fileName; }
    /// The text was edited since it was opened or saved.
    bool isModified() const;
    /// Before the text is replaced: true when it is unchanged (or empty), or the user saved it
    /// or chose to discard the changes; false when they cancelled.
    bool mayDiscard();
    /// Whether Save writes to fileName() without asking.
    bool savesInPlace() const { return m_saveInPlace && !m_fileName.isEmpty() && !m_fileName.startsWith(u':'); }
    /// Marks an error at a line (1-based) with its message; 0 clears.
    void showError(int line, const QString& message);
    void clearError();
    CodeEdit* editor() const { return m_edit; }

public slots:
    void openFile();
    bool saveFile();

signals:
    void runRequested(const QString& source, const QString& fileName);

protected:
    void changeEvent(QEvent* e) override;

private:
    void retranslate();
    CodeEdit* m_edit = nullptr;
    QLabel* m_status = nullptr;
    QLabel* m_title = nullptr;
    QToolButton* m_open = nullptr;
    QToolButton* m_save = nullptr;
    QToolButton* m_run = nullptr;
    QString m_fileName;
    bool m_saveInPlace = true;
};

} // namespace memviz
