#pragma once
/// Animation export: a range of the run's steps as numbered PNG pictures and/or a looping
/// GIF. Pictures come from a frame source — one view drawn offscreen (headless and the
/// dialog) or the whole window (the main window's callback) — and are written one by one,
/// so a long range never sits in memory.

#include <QCoreApplication>
#include <QImage>
#include <QSize>
#include <QString>

#include <algorithm>
#include <cstdint>
#include <functional>

namespace memviz {

class Simulator;

/// Draws the run after `cursor` events, the step to it animated to `progress` (0 start,
/// 1 fully shown). Called with increasing positions, mostly one step apart.
using FrameSource = std::function<QImage(std::uint64_t cursor, double progress)>;

/// Called after each picture with the pictures done and their total; false cancels.
using AnimationProgress = std::function<bool(std::uint64_t done, std::uint64_t total)>;

struct AnimationSpec {
    std::uint64_t from = 0; ///< first position (events applied), included: shown once, at rest
    std::uint64_t to = 0;   ///< last position, included
    int framesPerStep = 1;  ///< pictures per step after `from`: the step at progress 1/k, 2/k, ... 1
    int fps = 8;            ///< GIF pictures per second
    QSize size {1280, 800}; ///< of every picture; a source's picture of another size is fitted to it
    QString outDir;
    QString baseName;       ///< "buddy": buddy-000000.png, buddy-000001.png, ..., buddy.gif
    bool png = true;
    bool gif = false;

    /// Positions in the range, both ends included.
    std::uint64_t steps() const { return to >= from ? to - from + 1 : 0; }
    /// The start once, then every step to the end in framesPerStep pictures:
    /// 1 + (to − from) × framesPerStep (a range of one position: one picture).
    std::uint64_t pictureCount() const
    {
        return steps() == 0 ? 0 : 1 + (steps() - 1) * static_cast<std::uint64_t>(std::max(1, framesPerStep));
    }
    /// Digits of the picture numbers: 6, more for a range of a million pictures or more.
    int digits() const;
    /// "buddy-000042.png"
    QString pngName(std::uint64_t picture) const;
    QString gifName() const;
    /// The position and progress of picture `k` (0-based).
    std::uint64_t cursorOf(std::uint64_t k) const;
    double progressOf(std::uint64_t k) const;
};

struct AnimationResult {
    bool ok = false;
    bool cancelled = false;
    QString error;          ///< translated; names the file, folder or option
    std::uint64_t pictures = 0; ///< drawn (and written as PNGs when asked for)
    QString firstPng, lastPng;  ///< full paths, empty without PNGs
    QString gifFile;            ///< full path, empty without a GIF
};

class Animation {
    Q_DECLARE_TR_FUNCTIONS(memviz::Animation)
public:
    /// Checks `spec` against a run of `runLength` events and clamps `to` to its end. An
    /// error (translated) names what is wrong: a start beyond the run (with its length), an
    /// empty range, no output, sizes, speeds or counts out of range, an unusable base name.
    static QString check(AnimationSpec* spec, std::uint64_t runLength);

    /// Writes the pictures of `spec` (already checked). Everything is drawn into a hidden
    /// folder inside `outDir` first and moved into place at the end, so a failure or a
    /// cancel leaves `outDir` as it was; numbered PNGs of an earlier, longer export under the
    /// same name are removed, so the folder holds one sequence.
    static AnimationResult write(const FrameSource& source, const AnimationSpec& spec,
                                 const AnimationProgress& progress = {});

    /// A source drawing one view of the catalogue ("buddy", "walk", ...) for `sim`: a fresh
    /// instance with its own ViewContext, hidden, `size` device pixels at `scale` device
    /// pixels per logical pixel (2 on a HiDPI screen). Null, with `error` set, for an unknown
    /// id. The simulator must outlive the source.
    static FrameSource viewSource(const Simulator& sim, const QString& viewId, QSize size, qreal scale = 1.0,
                                  QString* error = nullptr);

    /// "buddy, walk, cow, ...": the ids viewSource() knows.
    static QString viewIds();
    /// `image` scaled to `size` with its aspect kept, centred on `background`.
    static QImage fit(const QImage& image, QSize size, const QColor& background);
};

} // namespace memviz
