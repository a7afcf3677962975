#pragma once
/// File ▸ Export animation: which picture (one view of the catalogue, or the whole window),
/// which steps (the current command, the current chapter, the whole run or typed), the
/// picture size, pictures per step, the GIF's speed, the folder and the formats; then the
/// export with a progress dialog that can be cancelled.

#include "Animation.h"

#include <QDialog>
#include <QList>
#include <QPair>
#include <QSize>
#include <QString>

#include <cstdint>
#include <functional>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace memviz {

class Simulator;

/// What the main window hands the dialog.
struct AnimationSetup {
    const Simulator* sim = nullptr;
    std::uint64_t cursor = 0;                    ///< the player's position
    QList<QPair<std::uint64_t, QString>> chapters; ///< (position, name), by position
    QString currentView;                         ///< the view to offer first; empty: the whole window
    /// A view's size on screen in logical pixels (an empty size when it is not shown).
    std::function<QSize(const QString& viewId)> viewSize;
    qreal devicePixelRatio = 1.0; ///< of the window's screen: pictures "as on screen" are this much larger
    /// The whole window at a position (the window moves its player there and grabs itself);
    /// no "Whole window" entry when empty.
    FrameSource windowFrames;
    /// Called after a whole-window export (done, failed or cancelled): the window puts its
    /// player back where it was.
    std::function<void()> windowDone;
    QSize windowSize; ///< logical pixels
    QString defaultFolder; ///< when none was used before
};

class AnimationDialog : public QDialog {
    Q_OBJECT
public:
    explicit AnimationDialog(AnimationSetup setup, QWidget* parent = nullptr);
    ~AnimationDialog() override;

    /// What the fields ask for (baseName from the chosen picture, outDir as typed).
    AnimationSpec spec() const;
    /// The chosen view's id, or "window".
    QString sourceId() const;
    /// Why Export is disabled (translated), empty when the fields make a valid export.
    QString problem() const;
    /// Runs the export the fields describe; `progress` as for Animation::write (none: no
    /// progress dialog either). Remembers the choices for next time on success.
    AnimationResult exportNow(const AnimationProgress& progress);

    enum class Range { Command, Chapter, Whole, Custom };
    void setRange(Range r);
    Range range() const;

    static constexpr const char* kWindowId = "window";

protected:
    void accept() override;
    /// While exporting: cancels the export (the dialog stays).
    void reject() override;
    void changeEvent(QEvent* e) override;

private:
    void retranslate();
    void rangePresetChanged();
    void sizePresetChanged();
    void refresh();
    void chooseFolder();
    QSize screenSize() const;
    /// [from, to] of a preset range.
    QPair<std::uint64_t, std::uint64_t> presetRange(Range r) const;
    QString chapterName() const;

    AnimationSetup m_setup;
    QComboBox* m_source;
    QComboBox* m_range;
    QSpinBox* m_from;
    QSpinBox* m_to;
    QLabel* m_rangeNote;
    QSpinBox* m_perStep;
    QLabel* m_perStepNote;
    QComboBox* m_size;
    QSpinBox* m_width;
    QSpinBox* m_height;
    QSpinBox* m_fps;
    QCheckBox* m_png;
    QCheckBox* m_gif;
    QLineEdit* m_folder;
    QPushButton* m_browse;
    QLabel* m_summary;
    QDialogButtonBox* m_buttons;
    QList<QLabel*> m_labels; ///< the form's row labels, retranslated
    bool m_updating = false;
    bool m_busy = false;      ///< an export is running (accept() is not re-entered)
    bool m_cancelled = false; ///< Escape or the close button during the export
};

} // namespace memviz
