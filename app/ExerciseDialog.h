#pragma once
/// The exercises window: pick a kind and a seed, read the problem, type answers line by
/// line (checked against the simulator's answers with ✓/✗), and reveal the worked solution
/// one step at a time, large enough for a projector.

#include "Exercise.h"

#include <QDialog>
#include <QList>

class QComboBox;
class QGridLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QSplitter;
class QTextBrowser;
class QToolButton;
class QWidget;

namespace memviz {

class ExerciseDialog : public QDialog {
    Q_OBJECT
public:
    /// Non-modal: show() it; it opens on the translation exercise of seed 1.
    explicit ExerciseDialog(QWidget* parent = nullptr);

    /// Generates and shows the exercise; typed answers and revealed steps start over.
    void showExercise(ExerciseKind kind, std::uint64_t seed);
    const Exercise& exercise() const { return m_exercise; }

    int stepCount() const { return static_cast<int>(m_exercise.steps.size()); }
    int revealedSteps() const { return m_revealed; }
    void revealNextStep();
    void revealAll();
    void hideSolution();
    /// A new seed (the next one) of the same kind.
    void newExercise();
    /// Checks every line that has something typed in it.
    void checkAnswers();
    /// The answer field of item i, and what checking it gave.
    QLineEdit* answerField(int i) const;
    AnswerCheck verdict(int i) const;
    /// What checking item i said is wrong in a partly right answer (empty otherwise), and
    /// the text beside the line (that note, or "= answer" once the step is revealed).
    QString note(int i) const;
    QString noteShown(int i) const;
    /// The problem and the steps revealed so far, as plain text (what Copy puts on the clipboard).
    QString clipboardText() const;
    /// Text size for a projector: 1.0 is the window's font, up to 3.0.
    void setZoom(double zoom);
    double zoom() const { return m_zoom; }

protected:
    void changeEvent(QEvent* e) override;
    void showEvent(QShowEvent* e) override;

private:
    void retranslate();
    void regenerate(bool keepProgress);
    void buildAnswerRows();
    void renderProblem();
    void renderSolution();
    void applyFonts();
    /// Splits the window so that the memory dump fits unwrapped and every answer line shows.
    void layoutPanes();
    void checkRow(int i);
    void showVerdict(int i);
    void copy();

    Exercise m_exercise;
    int m_revealed = 0;
    double m_zoom = 1.25;
    QList<AnswerCheck> m_verdicts;
    QList<QString> m_notes;

    QLabel* m_kindLabel = nullptr;
    QComboBox* m_kind = nullptr;
    QLabel* m_seedLabel = nullptr;
    QSpinBox* m_seed = nullptr;
    QPushButton* m_new = nullptr;
    QToolButton* m_smaller = nullptr;
    QToolButton* m_larger = nullptr;
    QPushButton* m_copy = nullptr;
    QSplitter* m_split = nullptr;
    QSplitter* m_rightSplit = nullptr;
    QTextBrowser* m_problem = nullptr;
    QLabel* m_answersTitle = nullptr;
    QLabel* m_help = nullptr;
    QWidget* m_rowsHost = nullptr;
    QGridLayout* m_rows = nullptr;
    QList<QLabel*> m_prompts;
    QList<QLineEdit*> m_fields;
    QList<QLabel*> m_marks;
    QList<QLabel*> m_expected;
    QPushButton* m_check = nullptr;
    QLabel* m_solutionTitle = nullptr;
    QLabel* m_stepCounter = nullptr;
    QTextBrowser* m_solution = nullptr;
    QPushButton* m_next = nullptr;
    QPushButton* m_all = nullptr;
    QPushButton* m_hide = nullptr;
    bool m_building = false;
};

} // namespace memviz
