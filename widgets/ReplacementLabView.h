#pragma once
/// The page-replacement lab (issue 6): a reference string — typed, drawn at random from a
/// seed, or recorded from the page accesses of the run up to the player's cursor — replayed
/// frame by frame under FIFO, LRU, OPT, CLOCK and the kernel's two lists (LINUX) side by
/// side, with a stepper of its own, a one-line narration per policy and a plot of misses
/// against the number of frames. A policy can also be shown with one frame more, which is
/// how Belady's anomaly is seen: FIFO with 3 and 4 frames on 1,2,3,4,1,2,5,1,2,3,4,5.

#include "Palette.h"
#include "ReplacementLabTable.h"
#include "reclaim/Replacement.h"

#include <QImage>
#include <QList>
#include <QString>
#include <QVector>
#include <QWidget>

#include <cstdint>
#include <optional>
#include <vector>

class QCheckBox;
class QComboBox;
class QCPItemStraightLine;
class QCPTextElement;
class QCustomPlot;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QSplitter;
class QTimer;
class QToolButton;

namespace memviz {

class ViewContext;

class ReplacementLabView : public QWidget {
    Q_OBJECT
public:
    static constexpr int kMaxFrames = 10; ///< the frame count's range is 1 .. kMaxFrames
    static constexpr int kMaxLength = 128; ///< references in a typed or random string
    static constexpr int kRecordLength = 64; ///< references recorded from a run (the last ones)
    static constexpr std::int64_t kMaxPage = 999999; ///< typed page numbers are 0 .. kMaxPage
    static constexpr int kMaxRandomPages = 20; ///< distinct pages of a random string
    static constexpr int kPlayIntervalMs = 900; ///< the lab's own player: one reference per tick

    /// Where the current string came from.
    enum class Source { Typed, Random, Recorded, Belady };
    Q_ENUM(Source)

    explicit ReplacementLabView(ViewContext* ctx, QWidget* parent = nullptr);
    ~ReplacementLabView() override;

    QSize sizeHint() const override { return QSize(1280, 760); }
    QSize minimumSizeHint() const override { return QSize(560, 380); }

    // ---- the reference string ----

    /// Replaces the string (page numbers 0 .. kMaxPage, 1 .. kMaxLength of them). On bad
    /// input returns false, sets lastError() and keeps the string shown.
    bool setReferenceString(const std::vector<std::int64_t>& refs);
    const std::vector<std::int64_t>& referenceString() const { return m_refs; }
    /// As typed in the line edit ("1 2 3 4 1 2 5", "1,2,3", hex as 0x1f): false with
    /// lastError() naming the bad token and its position, the old string kept.
    bool setReferenceText(const QString& text);
    /// The string as the line edit shows it: page numbers separated by spaces.
    QString referenceText() const;
    /// The parser behind setReferenceText: the pages, or nothing with *error set and the bad
    /// token's place in `text` in *errorStart and *errorLength (0 and the whole text when
    /// the string as a whole is refused).
    static std::optional<std::vector<std::int64_t>> parseReferenceText(
        const QString& text, QString* error = nullptr, int* errorStart = nullptr, int* errorLength = nullptr);
    /// `length` references to pages 1 .. pages, uniform (by rejection, not by a library
    /// distribution), never the same page twice in a row when pages > 1; the same for
    /// the same seed on every platform (std::mt19937_64 is specified bit for bit).
    static std::vector<std::int64_t> randomReferenceString(std::uint64_t seed, int length, int pages);
    /// Shows randomReferenceString(seed, length, pages) (values clamped to the controls' ranges).
    void setRandom(std::uint64_t seed, int length, int pages);
    /// The page accesses (TlbLookup events) of process pid up to the player's cursor, the
    /// last kRecordLength of them, consecutive accesses to one page counted once; pages are
    /// renumbered 1, 2, 3 … in order of first use (recordedPages() gives the real ones).
    /// With a mapping (the start address of one of the process's mappings at the cursor),
    /// only the accesses inside that mapping count: the pages of one array, without exec
    /// setting up the stack or the program's other data.
    /// False with lastError() when there is no run, no such process or mapping, or no access.
    bool recordFromRun(std::uint32_t pid, std::uint64_t mapping = kAllMappings);
    static constexpr std::uint64_t kAllMappings = ~std::uint64_t(0);
    /// The mapping of the last recording (its start address), kAllMappings for all.
    std::uint64_t recordedMapping() const { return m_recordedMapping; }
    /// The mapping chosen in the "From the run" controls (kAllMappings: all of them).
    std::uint64_t chosenMapping() const;
    /// While on, the recorded string follows the player (re-recorded at every step of the run).
    void setFollowRun(bool on);
    bool followRun() const { return m_follow; }
    /// Virtual page numbers of a recorded string: label k stands for recordedPages()[k - 1].
    const std::vector<std::uint64_t>& recordedPages() const { return m_vpns; }
    std::uint32_t recordedPid() const { return m_recordedPid; }
    Source source() const { return m_source; }
    /// Why the last input was refused (typed text, a recording); empty when it was taken.
    QString lastError() const { return m_error; }
    /// The line under the controls: where the string came from, or the error.
    QString messageText() const;

    // ---- what is replayed ----

    void setFrames(int frames); ///< clamped to 1 .. kMaxFrames
    int frames() const { return m_frames; }
    /// The policies shown, in the fixed order FIFO, LRU, OPT, CLOCK, LINUX.
    void setPolicies(const QList<ReplPolicy>& policies);
    QList<ReplPolicy> policies() const;
    /// Shows each policy a second time with frames() + 1 frames, next to the first.
    void setCompareNextFrames(bool on);
    bool compareNextFrames() const { return m_compare; }
    /// Belady's string, 3 frames, FIFO only, compared with 4 frames.
    void showBeladyAnomaly();

    // ---- the lab's stepper ----

    int step() const { return m_step; } ///< references replayed, 0 .. stepCount()
    int stepCount() const { return int(m_refs.size()); }
    void setStep(int step); ///< clamped
    void stepForward();
    void stepBack();
    void toStart();
    void toEnd();
    void setPlaying(bool on);
    bool isPlaying() const;

    // ---- what is shown ----

    ReplacementLabTable* table() const { return m_table; }
    QCustomPlot* plot() const { return m_plot; }
    const std::vector<ReplacementLabPanel>& panels() const { return m_table->model().panels; }
    /// A panel's label column as drawn ("FIFO", "3 frames", "misses: 9", "hits: 3 (25 %)").
    QStringList panelLabel(int panel) const { return m_table->labelLines(panel); }
    /// A panel's narration line at the current step.
    QString narration(int panel) const { return m_table->narrationText(panel); }
    /// What the plot draws for a policy: misses with 1, 2, … frames (read back from its graph;
    /// empty when the policy is not shown).
    QVector<double> plottedMisses(ReplPolicy policy) const;
    /// The frame counts of the plot's x axis (1 .. 10, or 11 when comparing 10 with 11).
    int plotMaxFrames() const;
    /// The sentence under the plot: where more frames gave more misses (Belady's anomaly).
    QString plotCaption() const;
    /// The whole view drawn at `size` (logical pixels, at the screen's device pixel ratio).
    QImage renderToImage(QSize size);

    /// One sentence per access of `r` (what happened and why), as the panels narrate them.
    static std::vector<QString> narrate(ReplPolicy policy, const std::vector<std::int64_t>& refs, const ReplResult& r);
    /// What a policy does, in a sentence.
    static QString policyRule(ReplPolicy policy);

signals:
    void stepChanged(int step);
    void referenceStringChanged();

protected:
    bool event(QEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;
    void changeEvent(QEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void buildControls();
    void buildPlot();
    void retranslate();
    void applyTheme();
    void applyFonts();
    void rebuild();
    void updatePlot();
    void updateStepper();
    void updateMessage();
    void refreshProcesses();
    /// The chosen process's mappings at the cursor, "all mappings" first; keeps the choice.
    void refreshMappings();
    /// The plot's minimum height from its fonts; the caption under it only when both fit.
    void fitPlotPane();
    void onRunChanged();
    void setError(const QString& error);
    void takeString(std::vector<std::int64_t> refs, Source source);
    QString sourceDescription() const;

    ViewContext* m_ctx;
    std::vector<std::int64_t> m_refs;
    std::vector<std::uint64_t> m_vpns;
    Source m_source = Source::Typed;
    std::uint64_t m_seed = 1;
    int m_randomPages = 6;
    std::uint32_t m_recordedPid = 0;
    std::uint64_t m_recordedAt = 0; ///< the run's cursor when recorded
    std::uint64_t m_recordedMapping = kAllMappings; ///< start of the recorded mapping
    std::uint64_t m_recordedMappingEnd = 0;
    bool m_recordedAll = true; ///< fewer than kRecordLength accesses: the whole history
    int m_frames = 3;
    std::vector<ReplPolicy> m_policies;
    bool m_compare = false;
    bool m_follow = false;
    int m_step = 0;
    QString m_error;
    Theme m_theme = Theme::Light;

    // Controls.
    QWidget* m_controls = nullptr;
    QLabel* m_stringLabel = nullptr;
    QLineEdit* m_edit = nullptr;
    QPushButton* m_apply = nullptr;
    QLabel* m_randomLabel = nullptr;
    QLabel* m_seedLabel = nullptr;
    QSpinBox* m_seedBox = nullptr;
    QLabel* m_lengthLabel = nullptr;
    QSpinBox* m_lengthBox = nullptr;
    QLabel* m_pagesLabel = nullptr;
    QSpinBox* m_pagesBox = nullptr;
    QPushButton* m_generate = nullptr;
    QLabel* m_runLabel = nullptr;
    QComboBox* m_processBox = nullptr;
    QComboBox* m_mappingBox = nullptr; ///< all mappings, or one (data: its start address)
    QPushButton* m_record = nullptr;
    QCheckBox* m_followBox = nullptr;
    QLabel* m_framesLabel = nullptr;
    QSpinBox* m_framesBox = nullptr;
    QCheckBox* m_compareBox = nullptr;
    QLabel* m_policiesLabel = nullptr;
    std::vector<QCheckBox*> m_policyBoxes; ///< FIFO, LRU, OPT, CLOCK, LINUX
    QPushButton* m_belady = nullptr;
    QToolButton* m_startButton = nullptr;
    QToolButton* m_backButton = nullptr;
    QToolButton* m_playButton = nullptr;
    QToolButton* m_forwardButton = nullptr;
    QToolButton* m_endButton = nullptr;
    QLabel* m_stepLabel = nullptr;
    QLabel* m_message = nullptr;

    QSplitter* m_splitter = nullptr;
    ReplacementLabTable* m_table = nullptr;
    QWidget* m_plotBox = nullptr;
    QCustomPlot* m_plot = nullptr;
    QCPTextElement* m_plotTitle = nullptr;
    QCPItemStraightLine* m_markN = nullptr;
    QCPItemStraightLine* m_markN1 = nullptr;
    QLabel* m_caption = nullptr;
    QTimer* m_timer = nullptr;
    qreal m_fontPx = 0;
    bool m_userSplit = false; ///< the user moved the splitter: keep their sizes
};

} // namespace memviz
