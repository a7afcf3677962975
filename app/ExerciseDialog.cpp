#include "ExerciseDialog.h"

#include "Palette.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QShortcut>
#include <QSpinBox>
#include <QSplitter>
#include <QTextBrowser>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <climits>

namespace memviz {

namespace {

constexpr double kMinZoom = 0.8, kMaxZoom = 3.0, kZoomStep = 1.15;

QString html(const QString& s) { return s.toHtmlEscaped(); }

/// The background of the step just revealed: pale amber by day, dark amber at night.
QColor latestStepBackground() { return Palette::isDark() ? QColor(0x4d, 0x42, 0x1c) : QColor(0xff, 0xf1, 0xb8); }

QString placeholderFor(ExerciseItem::Form f)
{
    switch (f) {
    case ExerciseItem::Form::Address: return ExerciseDialog::tr("0x… (and the byte), or PDE / PTE");
    case ExerciseItem::Form::HitMiss: return ExerciseDialog::tr("h or m");
    case ExerciseItem::Form::Victim: return ExerciseDialog::tr("h, m or m page");
    case ExerciseItem::Form::Pfn: return ExerciseDialog::tr("pfn");
    case ExerciseItem::Form::PfnOrder: return ExerciseDialog::tr("pfn/order");
    }
    return {};
}

} // namespace

ExerciseDialog::ExerciseDialog(QWidget* parent) : QDialog(parent)
{
    setModal(false);
    setWindowFlag(Qt::WindowMaximizeButtonHint, true);
    setWindowFlag(Qt::WindowContextHelpButtonHint, false);
    m_zoom = std::clamp(QSettings().value(QStringLiteral("exercise/zoom"), 1.25).toDouble(), kMinZoom, kMaxZoom);

    auto* lay = new QVBoxLayout(this);
    auto* top = new QHBoxLayout;
    m_kindLabel = new QLabel(this);
    m_kind = new QComboBox(this);
    for (int k = 0; k < exerciseKindNames().size(); ++k) m_kind->addItem(QString(), k);
    m_kindLabel->setBuddy(m_kind);
    m_seedLabel = new QLabel(this);
    m_seed = new QSpinBox(this);
    m_seed->setRange(0, INT_MAX);
    m_seed->setKeyboardTracking(false); // one exercise per finished number, not one per digit
    m_seedLabel->setBuddy(m_seed);
    m_new = new QPushButton(this);
    m_new->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_N));
    m_smaller = new QToolButton(this);
    m_larger = new QToolButton(this);
    m_copy = new QPushButton(this);
    top->addWidget(m_kindLabel);
    top->addWidget(m_kind);
    top->addSpacing(12);
    top->addWidget(m_seedLabel);
    top->addWidget(m_seed);
    top->addWidget(m_new);
    top->addStretch(1);
    top->addWidget(m_smaller);
    top->addWidget(m_larger);
    top->addWidget(m_copy);
    lay->addLayout(top);

    auto* split = m_split = new QSplitter(Qt::Horizontal, this);
    split->setChildrenCollapsible(false);
    m_problem = new QTextBrowser(split);
    m_problem->setOpenLinks(false);
    split->addWidget(m_problem);

    auto* rightSplit = m_rightSplit = new QSplitter(Qt::Vertical, split);
    rightSplit->setChildrenCollapsible(false);
    auto* answers = new QWidget(rightSplit);
    auto* al = new QVBoxLayout(answers);
    al->setContentsMargins(0, 0, 0, 0);
    m_answersTitle = new QLabel(answers);
    m_help = new QLabel(answers);
    m_help->setWordWrap(true);
    auto* scroll = new QScrollArea(answers);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff); // the lines shrink instead
    m_rowsHost = new QWidget(scroll);
    m_rows = new QGridLayout(m_rowsHost);
    m_rows->setContentsMargins(0, 0, 4, 0);
    m_rows->setHorizontalSpacing(10);
    scroll->setWidget(m_rowsHost);
    m_check = new QPushButton(answers);
    auto* checkRow = new QHBoxLayout;
    checkRow->addWidget(m_check);
    checkRow->addStretch(1);
    al->addWidget(m_answersTitle);
    al->addWidget(m_help);
    al->addWidget(scroll, 1);
    al->addLayout(checkRow);

    auto* solution = new QWidget(rightSplit);
    auto* sl = new QVBoxLayout(solution);
    sl->setContentsMargins(0, 0, 0, 0);
    auto* head = new QHBoxLayout;
    m_solutionTitle = new QLabel(solution);
    m_stepCounter = new QLabel(solution);
    head->addWidget(m_solutionTitle);
    head->addStretch(1);
    head->addWidget(m_stepCounter);
    m_solution = new QTextBrowser(solution);
    m_solution->setOpenLinks(false);
    auto* buttons = new QHBoxLayout;
    m_next = new QPushButton(solution);
    m_next->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    m_all = new QPushButton(solution);
    m_all->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    m_hide = new QPushButton(solution);
    buttons->addWidget(m_next);
    buttons->addWidget(m_all);
    buttons->addStretch(1);
    buttons->addWidget(m_hide);
    sl->addLayout(head);
    sl->addWidget(m_solution, 1);
    sl->addLayout(buttons);
    rightSplit->addWidget(answers);
    rightSplit->addWidget(solution);
    rightSplit->setStretchFactor(0, 1);
    rightSplit->setStretchFactor(1, 1);
    split->addWidget(rightSplit);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    lay->addWidget(split, 1);

    connect(m_kind, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_building) showExercise(static_cast<ExerciseKind>(m_kind->currentData().toInt()), static_cast<std::uint64_t>(m_seed->value()));
    });
    connect(m_seed, &QSpinBox::valueChanged, this, [this] {
        if (!m_building) showExercise(m_exercise.kind, static_cast<std::uint64_t>(m_seed->value()));
    });
    connect(m_new, &QPushButton::clicked, this, &ExerciseDialog::newExercise);
    connect(m_smaller, &QToolButton::clicked, this, [this] { setZoom(m_zoom / kZoomStep); });
    connect(m_larger, &QToolButton::clicked, this, [this] { setZoom(m_zoom * kZoomStep); });
    for (const QKeySequence& k : {QKeySequence(QKeySequence::ZoomIn), QKeySequence(Qt::CTRL | Qt::Key_Equal)})
        connect(new QShortcut(k, this), &QShortcut::activated, this, [this] { setZoom(m_zoom * kZoomStep); });
    connect(new QShortcut(QKeySequence(QKeySequence::ZoomOut), this), &QShortcut::activated, this,
            [this] { setZoom(m_zoom / kZoomStep); });
    connect(m_copy, &QPushButton::clicked, this, &ExerciseDialog::copy);
    connect(m_check, &QPushButton::clicked, this, &ExerciseDialog::checkAnswers);
    connect(m_next, &QPushButton::clicked, this, &ExerciseDialog::revealNextStep);
    connect(m_all, &QPushButton::clicked, this, &ExerciseDialog::revealAll);
    connect(m_hide, &QPushButton::clicked, this, &ExerciseDialog::hideSolution);

    resize(1280, 800);
    retranslate();
    showExercise(ExerciseKind::Translate, 1);
}

void ExerciseDialog::retranslate()
{
    setWindowTitle(tr("Exercises"));
    m_kindLabel->setText(tr("&Exercise:"));
    for (int i = 0; i < m_kind->count(); ++i)
        m_kind->setItemText(i, exerciseKindTitle(static_cast<ExerciseKind>(m_kind->itemData(i).toInt())));
    m_seedLabel->setText(tr("&Seed:"));
    m_seed->setToolTip(tr("The same seed always gives the same exercise, in every language."));
    m_new->setText(tr("&New exercise"));
    m_new->setToolTip(tr("The next seed (Ctrl+N)"));
    m_smaller->setText(tr("A−"));
    m_smaller->setToolTip(tr("Smaller text (Ctrl+-)"));
    m_larger->setText(tr("A+"));
    m_larger->setToolTip(tr("Larger text for a projector (Ctrl++)"));
    m_copy->setText(tr("&Copy"));
    m_copy->setToolTip(tr("Copy the problem and the steps shown so far to the clipboard"));
    m_answersTitle->setText(tr("Your answers"));
    m_check->setText(tr("C&heck answers"));
    m_check->setToolTip(tr("Checks every line you filled in (Enter checks one line)"));
    m_solutionTitle->setText(tr("Worked solution"));
    m_next->setText(tr("&Reveal next step"));
    m_next->setToolTip(tr("Ctrl+R"));
    m_all->setText(tr("Reveal &all"));
    m_all->setToolTip(tr("Ctrl+Shift+R"));
    m_hide->setText(tr("H&ide solution"));
}

void ExerciseDialog::showExercise(ExerciseKind kind, std::uint64_t seed)
{
    m_building = true;
    m_kind->setCurrentIndex(static_cast<int>(kind));
    m_seed->setValue(static_cast<int>(std::min<std::uint64_t>(seed, INT_MAX)));
    m_building = false;
    m_exercise = generateExercise(kind, seed);
    m_revealed = 0;
    buildAnswerRows();
    renderProblem();
    renderSolution();
    applyFonts();
}

void ExerciseDialog::regenerate(bool keepProgress)
{
    QStringList typed;
    for (QLineEdit* f : std::as_const(m_fields)) typed << f->text();
    const int revealed = m_revealed;
    m_exercise = generateExercise(m_exercise.kind, m_exercise.seed);
    buildAnswerRows();
    if (keepProgress) {
        m_revealed = std::min(revealed, stepCount());
        for (int i = 0; i < m_fields.size() && i < typed.size(); ++i) {
            m_fields[i]->setText(typed[i]);
            if (!typed[i].isEmpty()) checkRow(i);
        }
    }
    renderProblem();
    renderSolution();
    applyFonts();
}

void ExerciseDialog::buildAnswerRows()
{
    for (auto* list : {&m_prompts, &m_marks, &m_expected}) {
        qDeleteAll(*list);
        list->clear();
    }
    qDeleteAll(m_fields);
    m_fields.clear();
    m_verdicts.clear();
    m_notes.clear();
    const auto& items = m_exercise.items;
    for (int i = 0; i < static_cast<int>(items.size()); ++i) {
        const ExerciseItem& item = items[static_cast<std::size_t>(i)];
        auto* prompt = new QLabel(QStringLiteral("%1. %2").arg(i + 1, 2).arg(item.prompt), m_rowsHost);
        prompt->setTextFormat(Qt::PlainText);
        auto* field = new QLineEdit(m_rowsHost);
        field->setPlaceholderText(placeholderFor(item.form));
        field->setClearButtonEnabled(true);
        auto* mark = new QLabel(m_rowsHost);
        mark->setAlignment(Qt::AlignCenter);
        auto* expected = new QLabel(m_rowsHost);
        expected->setTextFormat(Qt::PlainText);
        prompt->setBuddy(field);
        m_rows->addWidget(prompt, i, 0);
        m_rows->addWidget(field, i, 1);
        m_rows->addWidget(mark, i, 2);
        m_rows->addWidget(expected, i, 3);
        m_prompts << prompt;
        m_fields << field;
        m_marks << mark;
        m_expected << expected;
        m_verdicts << AnswerCheck::Empty;
        m_notes << QString();
        connect(field, &QLineEdit::returnPressed, this, [this, i] {
            checkRow(i);
            if (i + 1 < m_fields.size()) m_fields[i + 1]->setFocus();
        });
        connect(field, &QLineEdit::textEdited, this, [this, i] {
            m_verdicts[i] = AnswerCheck::Empty;
            m_notes[i].clear();
            showVerdict(i);
        });
    }
    m_rows->setColumnStretch(1, 1);
    m_rows->setColumnStretch(3, 1);
    m_rows->setRowStretch(static_cast<int>(items.size()), 1);
    m_help->setText(m_exercise.answerHelp);
}

void ExerciseDialog::renderProblem()
{
    QString h = QStringLiteral("<p style=\"margin-bottom:10px\"><b>%1</b></p>").arg(html(m_exercise.title));
    // Paragraphs wrap; the lines of a memory dump never do (the window makes room for them).
    const QStringList lines = m_exercise.problem.split(QLatin1Char('\n'));
    const auto& fixed = m_exercise.noWrapLines;
    for (int i = 0; i < lines.size();) {
        const bool noWrap = std::find(fixed.begin(), fixed.end(), i) != fixed.end();
        QStringList run;
        for (; i < lines.size() && (std::find(fixed.begin(), fixed.end(), i) != fixed.end()) == noWrap; ++i)
            run << (lines[i].isEmpty() ? QStringLiteral("\u00a0") : lines[i]); // an empty first line would be dropped
        h += QStringLiteral("<div style=\"white-space:%1\">%2</div>")
                 .arg(noWrap ? QStringLiteral("pre") : QStringLiteral("pre-wrap"), html(run.join(QLatin1Char('\n'))));
    }
    m_problem->setHtml(h);
}

void ExerciseDialog::renderSolution()
{
    QString h;
    if (m_revealed == 0) {
        h = QStringLiteral("<p style=\"color:%1\">%2</p>")
                .arg(Palette::mutedText().name(),
                     html(tr("The worked solution appears here one step at a time, as memviz's simulator found it: "
                             "Reveal next step (Ctrl+R), or Reveal all.")));
    }
    for (int k = 0; k < m_revealed; ++k) {
        const bool latest = k + 1 == m_revealed;
        const QString style = latest ? QStringLiteral("white-space:pre-wrap; background-color:%1").arg(latestStepBackground().name())
                                     : QStringLiteral("white-space:pre-wrap");
        if (latest) h += QStringLiteral("<a name=\"latest\"></a>");
        h += QStringLiteral("<div style=\"%1\">%2</div>").arg(style, html(m_exercise.steps[k]));
        if (!latest) h += QStringLiteral("<div style=\"font-size:4pt\">&nbsp;</div>");
    }
    m_solution->setHtml(h);
    if (m_revealed > 0) m_solution->scrollToAnchor(QStringLiteral("latest"));
    m_stepCounter->setText(tr("Step %1 of %2").arg(m_revealed).arg(stepCount()));
    m_next->setEnabled(m_revealed < stepCount());
    m_all->setEnabled(m_revealed < stepCount());
    m_hide->setEnabled(m_revealed > 0);
    for (int i = 0; i < m_expected.size(); ++i) showVerdict(i);
}

void ExerciseDialog::applyFonts()
{
    QFont base = font();
    if (base.pointSizeF() > 0) base.setPointSizeF(base.pointSizeF() * m_zoom);
    else base.setPixelSize(static_cast<int>(base.pixelSize() * m_zoom));
    const QFont mono = Palette::monoFont(base);
    for (QTextBrowser* b : {m_problem, m_solution}) {
        b->setFont(mono);
        b->document()->setDefaultFont(mono);
    }
    QFont bold = base;
    bold.setBold(true);
    m_answersTitle->setFont(bold);
    m_solutionTitle->setFont(bold);
    m_help->setFont(base);
    m_stepCounter->setFont(base);
    QFont markFont = bold;
    markFont.setPointSizeF(bold.pointSizeF() > 0 ? bold.pointSizeF() * 1.2 : 12);
    const int markWidth = QFontMetrics(markFont).horizontalAdvance(QStringLiteral("✓✓"));
    for (int i = 0; i < m_fields.size(); ++i) {
        m_prompts[i]->setFont(mono);
        m_fields[i]->setFont(mono);
        m_marks[i]->setFont(markFont);
        m_marks[i]->setMinimumWidth(markWidth);
        m_expected[i]->setFont(mono);
    }
    // Answers are short: a field as wide as the longest expected answer, growing with the window.
    const QFontMetrics mfm(mono);
    int widest = mfm.horizontalAdvance(QStringLiteral("0x0000"));
    for (const ExerciseItem& it : m_exercise.items) widest = std::max(widest, mfm.horizontalAdvance(it.expected));
    // ... and as its hint, which would be cut off otherwise (room for the clear button too).
    for (QLineEdit* f : std::as_const(m_fields))
        widest = std::max(widest, mfm.horizontalAdvance(f->placeholderText()) + mfm.height());
    for (QLineEdit* f : std::as_const(m_fields)) f->setMinimumWidth(widest + mfm.averageCharWidth() * 2);
    layoutPanes();
}

void ExerciseDialog::layoutPanes()
{
    const int total = std::max(m_split->width(), 600);
    // The problem pane: wide enough for the widest unwrapped line, else half the window.
    const QFontMetrics fm(m_problem->font());
    const QStringList lines = m_exercise.problem.split(QLatin1Char('\n'));
    int needed = 0;
    for (int i : m_exercise.noWrapLines)
        if (i >= 0 && i < lines.size()) needed = std::max(needed, fm.horizontalAdvance(lines[i]));
    if (needed > 0) needed += 2 * m_problem->frameWidth() + 2 * static_cast<int>(m_problem->document()->documentMargin())
            + m_problem->verticalScrollBar()->sizeHint().width() + 8;
    const int minRight = std::min(total / 2, 420);
    const int left = std::clamp(std::max(needed, total / 2), total / 3, total - minRight);
    m_split->setSizes({left, total - left});
    // The answers: every line when they fit in 60 % of the height, the solution below.
    const int height = std::max(m_rightSplit->height(), 400);
    const int rowsHeight = m_rowsHost->sizeHint().height() + m_answersTitle->sizeHint().height()
        + m_help->heightForWidth(std::max(200, total - left)) + m_check->sizeHint().height() + 24;
    const int top = std::clamp(rowsHeight, height / 4, height * 6 / 10);
    m_rightSplit->setSizes({top, height - top});
}

void ExerciseDialog::setZoom(double zoom)
{
    m_zoom = std::clamp(zoom, kMinZoom, kMaxZoom);
    QSettings().setValue(QStringLiteral("exercise/zoom"), m_zoom);
    m_smaller->setEnabled(m_zoom > kMinZoom + 1e-9);
    m_larger->setEnabled(m_zoom < kMaxZoom - 1e-9);
    applyFonts();
}

void ExerciseDialog::revealNextStep()
{
    if (m_revealed >= stepCount()) return;
    ++m_revealed;
    renderSolution();
}

void ExerciseDialog::revealAll()
{
    m_revealed = stepCount();
    renderSolution();
}

void ExerciseDialog::hideSolution()
{
    m_revealed = 0;
    renderSolution();
}

void ExerciseDialog::newExercise()
{
    const std::uint64_t next = m_exercise.seed >= static_cast<std::uint64_t>(INT_MAX) ? 0 : m_exercise.seed + 1;
    showExercise(m_exercise.kind, next);
}

void ExerciseDialog::checkAnswers()
{
    for (int i = 0; i < m_fields.size(); ++i) checkRow(i);
}

void ExerciseDialog::checkRow(int i)
{
    if (i < 0 || i >= m_fields.size()) return;
    m_verdicts[i] = checkAnswer(m_exercise.items[static_cast<std::size_t>(i)], m_fields[i]->text(), &m_notes[i]);
    showVerdict(i);
}

void ExerciseDialog::showVerdict(int i)
{
    QLabel* mark = m_marks[i];
    QString text, tip;
    QColor colour = palette().color(QPalette::WindowText);
    switch (m_verdicts[i]) {
    case AnswerCheck::Empty: break;
    case AnswerCheck::Right:
        text = QStringLiteral("✓");
        colour = Palette::ink(Palette::tlbHit());
        tip = tr("Right");
        break;
    case AnswerCheck::Wrong:
        text = QStringLiteral("✗");
        colour = Palette::ink(Palette::alarm());
        tip = m_notes[i].isEmpty() ? tr("Not what the simulator found") : m_notes[i];
        break;
    case AnswerCheck::Unreadable:
        text = QStringLiteral("?");
        colour = Palette::ink(Palette::tlbMiss());
        tip = tr("Cannot read this answer. %1").arg(m_exercise.answerHelp);
        break;
    }
    mark->setText(text);
    mark->setToolTip(tip);
    mark->setStyleSheet(QStringLiteral("color:%1").arg(colour.name()));
    // Once its step is revealed, the line shows the simulator's answer beside the student's;
    // before that, what is wrong in a partly right answer (the byte of a right address).
    QLabel* expected = m_expected[i];
    if (i < m_revealed)
        expected->setText(QStringLiteral("= ") + m_exercise.items[static_cast<std::size_t>(i)].expected);
    else
        expected->setText(m_verdicts[i] == AnswerCheck::Wrong ? m_notes[i] : QString());
    expected->setStyleSheet(QStringLiteral("color:%1").arg(Palette::mutedText().name()));
}

AnswerCheck ExerciseDialog::verdict(int i) const
{
    return i >= 0 && i < m_verdicts.size() ? m_verdicts[i] : AnswerCheck::Empty;
}

QString ExerciseDialog::note(int i) const
{
    return i >= 0 && i < m_notes.size() ? m_notes[i] : QString();
}

QString ExerciseDialog::noteShown(int i) const
{
    return i >= 0 && i < m_expected.size() ? m_expected[i]->text() : QString();
}

QLineEdit* ExerciseDialog::answerField(int i) const { return i >= 0 && i < m_fields.size() ? m_fields[i] : nullptr; }

QString ExerciseDialog::clipboardText() const { return m_exercise.textWithSteps(m_revealed); }

void ExerciseDialog::copy() { QApplication::clipboard()->setText(clipboardText()); }

void ExerciseDialog::showEvent(QShowEvent* e)
{
    QDialog::showEvent(e);
    layoutPanes(); // the panes' real sizes are known now
}

void ExerciseDialog::changeEvent(QEvent* e)
{
    if (e->type() == QEvent::LanguageChange) {
        retranslate();
        regenerate(true);
    } else if (e->type() == QEvent::PaletteChange) {
        renderProblem();
        renderSolution();
    }
    QDialog::changeEvent(e);
}

} // namespace memviz
