#include "AnimationDialog.h"

#include "Views.h"
#include "sim/Simulator.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QUrl>

#include <algorithm>
#include <climits>

namespace memviz {

namespace {
constexpr int kDefaultWidth = 1280, kDefaultHeight = 800;

enum SizePreset { AsShown, Hd, FullHd, Typed };

QString settingsKey(const char* name) { return QStringLiteral("animation/") + QLatin1String(name); }

int clampInt(std::uint64_t v) { return static_cast<int>(std::min<std::uint64_t>(v, INT_MAX)); }
} // namespace

AnimationDialog::AnimationDialog(AnimationSetup setup, QWidget* parent)
    : QDialog(parent)
    , m_setup(std::move(setup))
    , m_source(new QComboBox(this))
    , m_range(new QComboBox(this))
    , m_from(new QSpinBox(this))
    , m_to(new QSpinBox(this))
    , m_rangeNote(new QLabel(this))
    , m_perStep(new QSpinBox(this))
    , m_perStepNote(new QLabel(this))
    , m_size(new QComboBox(this))
    , m_width(new QSpinBox(this))
    , m_height(new QSpinBox(this))
    , m_fps(new QSpinBox(this))
    , m_png(new QCheckBox(this))
    , m_gif(new QCheckBox(this))
    , m_folder(new QLineEdit(this))
    , m_browse(new QPushButton(this))
    , m_summary(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("animationDialog"));
    m_source->setObjectName(QStringLiteral("source"));
    m_range->setObjectName(QStringLiteral("range"));
    m_from->setObjectName(QStringLiteral("from"));
    m_to->setObjectName(QStringLiteral("to"));
    m_perStep->setObjectName(QStringLiteral("perStep"));
    m_size->setObjectName(QStringLiteral("size"));
    m_width->setObjectName(QStringLiteral("width"));
    m_height->setObjectName(QStringLiteral("height"));
    m_fps->setObjectName(QStringLiteral("fps"));
    m_png->setObjectName(QStringLiteral("png"));
    m_gif->setObjectName(QStringLiteral("gif"));
    m_folder->setObjectName(QStringLiteral("folder"));
    m_summary->setObjectName(QStringLiteral("summary"));

    const std::uint64_t events = m_setup.sim ? m_setup.sim->eventCount() : 0;
    m_setup.cursor = std::min(m_setup.cursor, events);
    for (QSpinBox* s : {m_from, m_to}) {
        s->setRange(0, clampInt(events));
        s->setGroupSeparatorShown(true);
        s->setMinimumWidth(s->fontMetrics().horizontalAdvance(QStringLiteral("0,000,000,0")));
    }
    m_perStep->setRange(1, 30);
    m_fps->setRange(1, 50);
    m_width->setRange(64, 7680);
    m_height->setRange(64, 4320);
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setMinimumHeight(m_summary->fontMetrics().lineSpacing() * 3);
    m_rangeNote->setTextFormat(Qt::PlainText);
    m_perStepNote->setWordWrap(true);
    m_folder->setClearButtonEnabled(true);
    // Room for a path such as /home/teacher/Pictures/memviz/chapter-3 without scrolling.
    m_folder->setMinimumWidth(m_folder->fontMetrics().averageCharWidth() * 44);

    auto row = [this](std::initializer_list<QWidget*> widgets, bool stretch = true) {
        auto* box = new QHBoxLayout;
        box->setContentsMargins(0, 0, 0, 0);
        for (QWidget* w : widgets) box->addWidget(w);
        if (stretch) box->addStretch(1);
        return box;
    };
    auto label = [this] {
        auto* l = new QLabel(this);
        m_labels << l;
        return l;
    };
    auto* toLabel = label();
    auto* timesLabel = label();
    auto* pixelsLabel = label();
    auto* fpsUnit = label();
    toLabel->setObjectName(QStringLiteral("toLabel"));
    timesLabel->setObjectName(QStringLiteral("timesLabel"));
    pixelsLabel->setObjectName(QStringLiteral("pixelsLabel"));
    fpsUnit->setObjectName(QStringLiteral("fpsUnit"));

    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(label(), m_source);
    form->addRow(label(), m_range);
    form->addRow(label(), row({m_from, toLabel, m_to, m_rangeNote}));
    auto* perStepBox = row({m_perStep}, false);
    perStepBox->addWidget(m_perStepNote, 1);
    form->addRow(label(), perStepBox);
    form->addRow(label(), m_size);
    form->addRow(label(), row({m_width, timesLabel, m_height, pixelsLabel}));
    form->addRow(label(), row({m_fps, fpsUnit}));
    form->addRow(label(), row({m_png, m_gif}));
    auto* folderBox = row({m_folder, m_browse}, false);
    form->addRow(label(), folderBox);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_summary);
    layout->addWidget(m_buttons);

    // Defaults: last time's choices; the range follows the player.
    QSettings settings;
    m_perStep->setValue(settings.value(settingsKey("perStep"), 1).toInt());
    m_fps->setValue(settings.value(settingsKey("fps"), 8).toInt());
    m_png->setChecked(settings.value(settingsKey("png"), true).toBool());
    m_gif->setChecked(settings.value(settingsKey("gif"), true).toBool());
    m_width->setValue(settings.value(settingsKey("width"), kDefaultWidth).toInt());
    m_height->setValue(settings.value(settingsKey("height"), kDefaultHeight).toInt());
    QString folder = settings.value(settingsKey("folder")).toString();
    if (folder.isEmpty()) folder = m_setup.defaultFolder;
    if (folder.isEmpty()) {
        const QString pictures = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
        folder = QDir(pictures.isEmpty() ? QDir::homePath() : pictures).filePath(QStringLiteral("memviz"));
    }
    m_folder->setText(QDir::toNativeSeparators(folder));

    retranslate(); // fills the combo boxes
    const int sizePreset = std::clamp(settings.value(settingsKey("sizePreset"), int(AsShown)).toInt(), 0, int(Typed));
    m_size->setCurrentIndex(sizePreset);
    const QString wanted = m_setup.currentView.isEmpty() ? QString::fromLatin1(kWindowId) : m_setup.currentView;
    const int at = m_source->findData(wanted);
    m_source->setCurrentIndex(at >= 0 ? at : 0);
    const bool inCommand = m_setup.sim && !m_setup.sim->commands().empty() && events > 0;
    setRange(inCommand ? Range::Command : Range::Chapter);
    sizePresetChanged();

    connect(m_range, &QComboBox::currentIndexChanged, this, &AnimationDialog::rangePresetChanged);
    connect(m_size, &QComboBox::currentIndexChanged, this, &AnimationDialog::sizePresetChanged);
    connect(m_source, &QComboBox::currentIndexChanged, this, &AnimationDialog::sizePresetChanged);
    for (QSpinBox* s : {m_from, m_to})
        connect(s, &QSpinBox::valueChanged, this, [this] {
            if (m_updating) return;
            // Typing a number makes the range a typed one (unless it still matches a preset).
            const auto r = qMakePair(std::uint64_t(m_from->value()), std::uint64_t(m_to->value()));
            Range match = Range::Custom;
            for (Range p : {Range::Command, Range::Chapter, Range::Whole})
                if (presetRange(p) == r) {
                    match = p;
                    break;
                }
            m_updating = true;
            m_range->setCurrentIndex(int(match));
            m_updating = false;
            refresh();
        });
    for (QSpinBox* s : {m_perStep, m_width, m_height, m_fps})
        connect(s, &QSpinBox::valueChanged, this, &AnimationDialog::refresh);
    for (QCheckBox* c : {m_png, m_gif}) connect(c, &QCheckBox::toggled, this, &AnimationDialog::refresh);
    connect(m_folder, &QLineEdit::textChanged, this, &AnimationDialog::refresh);
    connect(m_browse, &QPushButton::clicked, this, &AnimationDialog::chooseFolder);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &AnimationDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &AnimationDialog::reject);
    refresh();
}

AnimationDialog::~AnimationDialog() = default;

void AnimationDialog::retranslate()
{
    setWindowTitle(tr("Export animation"));
    const QStringList labels = {tr("Picture of:"),   tr("Steps:"),  tr("Events:"), tr("Pictures per step:"),
                                tr("Size:"),         tr("Width × height:"), tr("GIF speed:"), tr("Write:"),
                                tr("Folder:")};
    // m_labels: "to", "×", "pixels", the fps unit, then the form's row labels in order.
    m_labels[0]->setText(tr("to"));
    m_labels[1]->setText(QStringLiteral("×"));
    m_labels[2]->setText(tr("pixels"));
    m_labels[3]->setText(tr("pictures per second"));
    for (int i = 0; i < labels.size() && 4 + i < m_labels.size(); ++i) m_labels[4 + i]->setText(labels[i]);

    m_from->setToolTip(tr("Event n shows the machine after n events (0: just booted), as the player counts them"));
    m_to->setToolTip(m_from->toolTip());
    m_perStep->setToolTip(tr("1: one picture per event. More: the step's animation in between, the last picture "
                             "showing the event done"));
    m_perStepNote->setText(tr("1 = one picture per event; more show each step's animation"));
    m_fps->setToolTip(tr("How fast the GIF plays"));
    m_png->setText(tr("Numbered PNG pictures"));
    m_gif->setText(tr("Animated GIF (loops)"));
    m_browse->setText(tr("Choose…"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Export"));

    const bool wasUpdating = m_updating;
    m_updating = true;
    const QString source = m_source->currentData().toString();
    m_source->clear();
    if (m_setup.windowFrames) m_source->addItem(tr("The whole window"), QString::fromLatin1(kWindowId));
    for (const ViewInfo& v : viewCatalogue()) m_source->addItem(v.title, v.id);
    if (!source.isEmpty()) m_source->setCurrentIndex(std::max(0, m_source->findData(source)));

    const int range = m_range->currentIndex();
    m_range->clear();
    const auto cmd = presetRange(Range::Command), chap = presetRange(Range::Chapter), whole = presetRange(Range::Whole);
    m_range->addItem(tr("This command (events %L1 to %L2)").arg(cmd.first).arg(cmd.second));
    m_range->addItem(tr("This chapter, \"%1\" (events %L2 to %L3)").arg(chapterName()).arg(chap.first).arg(chap.second));
    m_range->addItem(tr("The whole run (events %L1 to %L2)").arg(whole.first).arg(whole.second));
    m_range->addItem(tr("The events typed below"));
    if (range >= 0) m_range->setCurrentIndex(range);

    const int size = m_size->currentIndex();
    m_size->clear();
    const QSize shown = screenSize();
    m_size->addItem(tr("As on screen (%1×%2)").arg(shown.width()).arg(shown.height()));
    m_size->addItem(tr("HD (1280×720)"));
    m_size->addItem(tr("Full HD (1920×1080)"));
    m_size->addItem(tr("Typed below"));
    if (size >= 0) m_size->setCurrentIndex(size);
    m_updating = wasUpdating;
    refresh();
}

void AnimationDialog::changeEvent(QEvent* e)
{
    if (e->type() == QEvent::LanguageChange) retranslate();
    QDialog::changeEvent(e);
}

QPair<std::uint64_t, std::uint64_t> AnimationDialog::presetRange(Range r) const
{
    const Simulator* sim = m_setup.sim;
    const std::uint64_t end = sim ? sim->eventCount() : 0;
    const std::uint64_t c = m_setup.cursor;
    switch (r) {
    case Range::Command: {
        if (!sim || end == 0 || sim->commands().empty()) return {0, end};
        // The command whose events lead to the cursor (the first one at the start), from the
        // picture before its first event to the one after its last.
        const std::size_t cmd = c > 0 ? sim->commandOfEvent(c - 1) : sim->commandOfEvent(0);
        return {sim->commandStart(cmd), sim->commandStart(cmd + 1)};
    }
    case Range::Chapter: {
        std::vector<std::uint64_t> bounds {0, end};
        for (const auto& ch : m_setup.chapters) bounds.push_back(std::min(ch.first, end));
        std::sort(bounds.begin(), bounds.end());
        bounds.erase(std::unique(bounds.begin(), bounds.end()), bounds.end());
        for (std::size_t i = 0; i + 1 < bounds.size(); ++i)
            if (c >= bounds[i] && (c < bounds[i + 1] || i + 2 == bounds.size())) return {bounds[i], bounds[i + 1]};
        return {0, end};
    }
    case Range::Whole:
    case Range::Custom:
        break;
    }
    return {0, end};
}

QString AnimationDialog::chapterName() const
{
    const std::uint64_t start = presetRange(Range::Chapter).first;
    QString name;
    for (const auto& ch : m_setup.chapters)
        if (ch.first == start) name = ch.second;
    return name.isEmpty() ? tr("start") : name;
}

void AnimationDialog::setRange(Range r)
{
    m_range->setCurrentIndex(int(r));
    rangePresetChanged();
}

AnimationDialog::Range AnimationDialog::range() const
{
    return Range(std::max(0, m_range->currentIndex()));
}

void AnimationDialog::rangePresetChanged()
{
    if (m_updating) return;
    const Range r = range();
    if (r != Range::Custom) {
        const auto [from, to] = presetRange(r);
        m_updating = true;
        m_from->setValue(clampInt(from));
        m_to->setValue(clampInt(to));
        m_updating = false;
    }
    refresh();
}

QSize AnimationDialog::screenSize() const
{
    const QString id = m_source->currentData().toString();
    QSize logical;
    if (id == QLatin1String(kWindowId))
        logical = m_setup.windowSize;
    else if (m_setup.viewSize)
        logical = m_setup.viewSize(id);
    if (logical.isEmpty()) return QSize(kDefaultWidth, kDefaultHeight);
    const qreal dpr = std::max<qreal>(1.0, m_setup.devicePixelRatio);
    return QSize(std::clamp(qRound(logical.width() * dpr), 64, 7680), std::clamp(qRound(logical.height() * dpr), 64, 4320));
}

void AnimationDialog::sizePresetChanged()
{
    if (m_updating) return;
    const QSize shown = screenSize();
    // The first entry names the chosen picture's size on screen.
    m_size->setItemText(AsShown, tr("As on screen (%1×%2)").arg(shown.width()).arg(shown.height()));
    QSize s;
    switch (m_size->currentIndex()) {
    case AsShown:
        s = shown;
        break;
    case Hd:
        s = QSize(1280, 720);
        break;
    case FullHd:
        s = QSize(1920, 1080);
        break;
    default:
        break;
    }
    const bool typed = m_size->currentIndex() == Typed;
    m_width->setEnabled(typed);
    m_height->setEnabled(typed);
    if (!typed) {
        m_updating = true;
        m_width->setValue(s.width());
        m_height->setValue(s.height());
        m_updating = false;
    }
    refresh();
}

QString AnimationDialog::sourceId() const
{
    return m_source->currentData().toString();
}

AnimationSpec AnimationDialog::spec() const
{
    AnimationSpec s;
    s.from = std::uint64_t(m_from->value());
    s.to = std::uint64_t(m_to->value());
    s.framesPerStep = m_perStep->value();
    s.fps = m_fps->value();
    s.size = QSize(m_width->value(), m_height->value());
    s.outDir = QDir::fromNativeSeparators(m_folder->text().trimmed());
    if (s.outDir.startsWith(QLatin1String("~/"))) s.outDir = QDir::home().filePath(s.outDir.mid(2));
    s.baseName = sourceId();
    s.png = m_png->isChecked();
    s.gif = m_gif->isChecked();
    return s;
}

QString AnimationDialog::problem() const
{
    if (!m_setup.sim) return tr("There is no run to export yet");
    AnimationSpec s = spec();
    return Animation::check(&s, m_setup.sim->eventCount());
}

void AnimationDialog::refresh()
{
    if (m_updating) return;
    const AnimationSpec s = spec();
    m_rangeNote->setText(s.to < s.from ? QString() : s.steps() == 1 ? tr("1 step") : tr("%L1 steps").arg(s.steps()));
    m_fps->setEnabled(s.gif);
    const QString p = problem();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(p.isEmpty());
    if (!p.isEmpty()) {
        m_summary->setText(p);
        return;
    }
    const std::uint64_t n = s.pictureCount();
    QStringList parts;
    parts << (n == 1 ? tr("1 picture of %1×%2").arg(s.size.width()).arg(s.size.height())
                     : tr("%L1 pictures of %2×%3").arg(n).arg(s.size.width()).arg(s.size.height()));
    if (s.png)
        parts << (n == 1 ? s.pngName(0) : tr("%1 … %2").arg(s.pngName(0), s.pngName(n - 1)));
    if (s.gif)
        parts << tr("%1, playing %2 s").arg(s.gifName(), QLocale().toString(double(n) / s.fps, 'f', 1));
    m_summary->setText(parts.join(QStringLiteral(" · ")));
}

void AnimationDialog::chooseFolder()
{
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Folder for the pictures"), spec().outDir);
    if (!dir.isEmpty()) m_folder->setText(QDir::toNativeSeparators(dir));
}

AnimationResult AnimationDialog::exportNow(const AnimationProgress& progress)
{
    AnimationResult result;
    AnimationSpec s = spec();
    result.error = problem();
    if (!result.error.isEmpty()) return result;
    Animation::check(&s, m_setup.sim->eventCount());
    const bool window = sourceId() == QLatin1String(kWindowId);
    FrameSource frames;
    if (window) {
        frames = m_setup.windowFrames;
    } else {
        // "As on screen" keeps the screen's pixel density; typed sizes draw one pixel per pixel.
        const qreal scale = m_size->currentIndex() == AsShown ? std::max<qreal>(1.0, m_setup.devicePixelRatio) : 1.0;
        frames = Animation::viewSource(*m_setup.sim, sourceId(), s.size, scale, &result.error);
    }
    if (!frames) {
        if (result.error.isEmpty()) result.error = tr("There is nothing to draw the pictures from");
        return result;
    }
    result = Animation::write(frames, s, progress);
    if (window && m_setup.windowDone) m_setup.windowDone();
    if (result.ok) {
        QSettings settings;
        settings.setValue(settingsKey("perStep"), s.framesPerStep);
        settings.setValue(settingsKey("fps"), s.fps);
        settings.setValue(settingsKey("png"), s.png);
        settings.setValue(settingsKey("gif"), s.gif);
        settings.setValue(settingsKey("width"), s.size.width());
        settings.setValue(settingsKey("height"), s.size.height());
        settings.setValue(settingsKey("sizePreset"), m_size->currentIndex());
        settings.setValue(settingsKey("folder"), s.outDir);
    }
    return result;
}

void AnimationDialog::reject()
{
    if (m_busy) {
        m_cancelled = true;
        return;
    }
    QDialog::reject();
}

void AnimationDialog::accept()
{
    if (m_busy || !problem().isEmpty()) return;
    m_busy = true;
    m_cancelled = false;
    m_buttons->setEnabled(false);
    // The form is read once: while the pictures are drawn (events are processed) it stays as it
    // was, and the message afterwards names what was really written.
    const AnimationSpec ran = spec();
    QList<QWidget*> inputs;
    for (QWidget* w : findChildren<QWidget*>())
        if ((qobject_cast<QLineEdit*>(w) || qobject_cast<QAbstractSpinBox*>(w) || qobject_cast<QComboBox*>(w)
             || qobject_cast<QAbstractButton*>(w))
            && w->isEnabled() && !m_buttons->isAncestorOf(w))
            inputs << w;
    for (QWidget* w : std::as_const(inputs)) w->setEnabled(false);
    QProgressDialog progress(this);
    progress.setWindowTitle(tr("Export animation"));
    progress.setCancelButtonText(tr("Cancel"));
    progress.setRange(0, 1000);
    progress.setMinimumDuration(400);
    progress.setWindowModality(Qt::WindowModal);
    progress.setAutoClose(false);
    progress.setAutoReset(false);
    const AnimationResult r = exportNow([this, &progress](std::uint64_t done, std::uint64_t total) {
        progress.setLabelText(tr("Drawing picture %L1 of %L2…").arg(done).arg(total));
        progress.setValue(int(done * 1000 / std::max<std::uint64_t>(total, 1)));
        return !progress.wasCanceled() && !m_cancelled;
    });
    progress.close();
    m_busy = false;
    m_buttons->setEnabled(true);
    for (QWidget* w : std::as_const(inputs)) w->setEnabled(true);
    if (r.cancelled) return; // the dialog stays, as it was
    if (!r.ok) {
        QMessageBox::warning(this, tr("Export animation"), r.error);
        return;
    }
    const AnimationSpec& s = ran;
    QMessageBox done(QMessageBox::Information, tr("Export animation"),
                     (r.pictures == 1 ? tr("Wrote 1 picture to %1.") : tr("Wrote %L1 pictures to %2.").arg(r.pictures))
                         .arg(QDir::toNativeSeparators(s.outDir)),
                     QMessageBox::Ok, this);
    QPushButton* open = done.addButton(tr("Open the folder"), QMessageBox::ActionRole);
    done.exec();
    if (done.clickedButton() == open) QDesktopServices::openUrl(QUrl::fromLocalFile(s.outDir));
    QDialog::accept();
}

} // namespace memviz
