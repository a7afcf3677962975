#include "Animation.h"

#include "GifWriter.h"
#include "Palette.h"
#include "ViewContext.h"
#include "Views.h"
#include "sim/Apply.h"
#include "sim/Simulator.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QPainter>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QWidget>

#include <cmath>
#include <memory>
#include <optional>

namespace memviz {

namespace {
constexpr int kMinSide = 64, kMaxWidth = 7680, kMaxHeight = 4320;
constexpr int kMaxFramesPerStep = 30, kMaxFps = 50;

QString native(const QString& path) { return QDir::toNativeSeparators(path); }
} // namespace

// ---- the spec ---------------------------------------------------------------------------

int AnimationSpec::digits() const
{
    const std::uint64_t n = pictureCount();
    int d = 1;
    for (std::uint64_t last = n ? n - 1 : 0; last >= 10; last /= 10) ++d;
    return std::max(6, d);
}

QString AnimationSpec::pngName(std::uint64_t picture) const
{
    return QStringLiteral("%1-%2.png").arg(baseName).arg(picture, digits(), 10, QLatin1Char('0'));
}

QString AnimationSpec::gifName() const
{
    return baseName + QStringLiteral(".gif");
}

// Picture 0 is the start at rest; then picture 1 + (s − 1) × per + i shows step from + s at
// progress (i + 1) / per: the range's own steps animate, not the one that led to `from`.
std::uint64_t AnimationSpec::cursorOf(std::uint64_t k) const
{
    if (k == 0) return from;
    return from + 1 + (k - 1) / static_cast<std::uint64_t>(std::max(1, framesPerStep));
}

double AnimationSpec::progressOf(std::uint64_t k) const
{
    if (k == 0) return 1.0;
    const int per = std::max(1, framesPerStep);
    return static_cast<double>((k - 1) % static_cast<std::uint64_t>(per) + 1) / per;
}

// ---- checking ---------------------------------------------------------------------------

QString Animation::check(AnimationSpec* spec, std::uint64_t runLength)
{
    if (spec->from > runLength)
        // Plain numbers: the message echoes what was typed (--from 1000000).
        return tr("The run has %1 events, so a range cannot start at event %2 (choose 0 to %1)")
            .arg(runLength)
            .arg(spec->from);
    spec->to = std::min(spec->to, runLength);
    if (spec->to < spec->from)
        return tr("The range ends at event %1, before its start at event %2").arg(spec->to).arg(spec->from);
    if (!spec->png && !spec->gif) return tr("Choose numbered PNG pictures, an animated GIF, or both");
    if (spec->framesPerStep < 1 || spec->framesPerStep > kMaxFramesPerStep)
        return tr("Pictures per step must be 1 to %1, not %2").arg(kMaxFramesPerStep).arg(spec->framesPerStep);
    if (spec->fps < 1 || spec->fps > kMaxFps)
        return tr("The GIF's speed must be 1 to %1 pictures per second, not %2").arg(kMaxFps).arg(spec->fps);
    if (spec->size.width() < kMinSide || spec->size.height() < kMinSide || spec->size.width() > kMaxWidth
        || spec->size.height() > kMaxHeight)
        return tr("The picture size must be between %1×%1 and %2×%3 pixels, not %4×%5")
            .arg(kMinSide)
            .arg(kMaxWidth)
            .arg(kMaxHeight)
            .arg(spec->size.width())
            .arg(spec->size.height());
    if (spec->outDir.trimmed().isEmpty()) return tr("Choose a folder for the pictures");
    static const QRegularExpression safe(QStringLiteral("^[A-Za-z0-9_][A-Za-z0-9_.-]*$"));
    if (!safe.match(spec->baseName).hasMatch())
        return tr("\"%1\" cannot start file names: use letters, digits, '_', '-' and '.'").arg(spec->baseName);
    return {};
}

// ---- writing ----------------------------------------------------------------------------

QImage Animation::fit(const QImage& image, QSize size, const QColor& background)
{
    QImage out(size, QImage::Format_RGB32);
    out.fill(background);
    const QSize scaled = image.size().scaled(size, Qt::KeepAspectRatio);
    QPainter p(&out);
    p.setRenderHint(QPainter::SmoothPixmapTransform);
    QImage src = image;
    src.setDevicePixelRatio(1);
    p.drawImage(QRect(QPoint((size.width() - scaled.width()) / 2, (size.height() - scaled.height()) / 2), scaled),
                src);
    return out;
}

AnimationResult Animation::write(const FrameSource& source, const AnimationSpec& spec,
                                 const AnimationProgress& progress)
{
    AnimationResult result;
    const QDir out(spec.outDir);
    const bool existed = out.exists();
    auto failed = [&](const QString& message) {
        result.error = message;
        // A folder made for this export goes again (only if still empty).
        if (!existed) QDir().rmdir(out.absolutePath());
        return result;
    };
    if (!source) return failed(tr("There is nothing to draw the pictures from"));
    if (!QDir().mkpath(out.absolutePath())) return failed(tr("Cannot create the folder %1").arg(native(spec.outDir)));
    std::optional<QTemporaryDir> staging;
    staging.emplace(out.filePath(QStringLiteral(".memviz-export-XXXXXX")));
    if (!staging->isValid())
        return failed(tr("Cannot write in the folder %1: %2").arg(native(out.absolutePath()), staging->errorString()));
    const QDir stage(staging->path());

    const std::uint64_t total = spec.pictureCount();
    GifWriter gif;
    if (spec.gif && !gif.open(stage.filePath(spec.gifName()), spec.size)) {
        staging.reset();
        return failed(gif.errorString());
    }
    for (std::uint64_t k = 0; k < total; ++k) {
        const std::uint64_t cursor = spec.cursorOf(k);
        QImage picture = source(cursor, spec.progressOf(k));
        if (picture.isNull()) {
            staging.reset();
            return failed(tr("Nothing was drawn at event %L1").arg(cursor));
        }
        if (picture.size() != spec.size) picture = fit(picture, spec.size, Palette::background());
        picture.setDevicePixelRatio(1);
        if (spec.png) {
            const QString path = stage.filePath(spec.pngName(k));
            if (!picture.save(path, "PNG")) {
                staging.reset();
                return failed(tr("Cannot write %1").arg(native(out.filePath(spec.pngName(k)))));
            }
        }
        if (spec.gif && !gif.addFrame(picture, GifWriter::delayFor(static_cast<int>(k % static_cast<std::uint64_t>(spec.fps)), spec.fps))) {
            QString e = gif.errorString();
            staging.reset();
            return failed(e.replace(stage.filePath(spec.gifName()), native(out.filePath(spec.gifName()))));
        }
        ++result.pictures;
        if (progress && !progress(k + 1, total)) {
            staging.reset();
            result.cancelled = true;
            return failed(tr("The export was cancelled; nothing was written"));
        }
    }
    if (spec.gif && !gif.close()) {
        QString e = gif.errorString();
        staging.reset();
        return failed(e.replace(stage.filePath(spec.gifName()), native(out.filePath(spec.gifName()))));
    }

    // Into place, all or nothing. Files of the same names (and numbered pictures of an
    // earlier, longer export under this name, which would mix with these) are first moved
    // aside into the staging folder; if anything fails, everything moved goes back.
    QStringList names;
    if (spec.png)
        for (std::uint64_t k = 0; k < total; ++k) names << spec.pngName(k);
    if (spec.gif) names << spec.gifName();
    QStringList stale;
    if (spec.png) {
        const QRegularExpression numbered(QStringLiteral("^%1-(\\d{6,})\\.png$")
                                              .arg(QRegularExpression::escape(spec.baseName)));
        for (const QString& name : out.entryList({spec.baseName + QStringLiteral("-*.png")}, QDir::Files)) {
            const QRegularExpressionMatch m = numbered.match(name);
            if (!m.hasMatch()) continue;
            bool ok = false;
            const qulonglong n = m.captured(1).toULongLong(&ok);
            if (!ok || n >= total || m.captured(1).size() != spec.digits()) stale << name;
        }
    }
    const QString aside = QStringLiteral("old-");
    QStringList movedAside, movedIn;
    auto rollBack = [&] {
        for (const QString& name : std::as_const(movedIn)) QFile::rename(out.filePath(name), stage.filePath(name));
        for (const QString& name : std::as_const(movedAside)) QFile::rename(stage.filePath(aside + name), out.filePath(name));
    };
    for (const QString& name : names + stale) {
        const QString target = out.filePath(name);
        if (!QFileInfo::exists(target) && !QFileInfo(target).isSymLink()) continue;
        if (QFileInfo(target).isDir() || !QFile::rename(target, stage.filePath(aside + name))) {
            rollBack();
            staging.reset();
            return failed(tr("Cannot replace %1: it is a folder, or the folder does not let it be replaced; nothing was "
                             "written")
                              .arg(native(target)));
        }
        movedAside << name;
    }
    for (const QString& name : std::as_const(names)) {
        if (!QFile::rename(stage.filePath(name), out.filePath(name))) {
            rollBack();
            staging.reset();
            return failed(tr("Cannot write %1; nothing was written").arg(native(out.filePath(name))));
        }
        movedIn << name;
    }
    if (spec.png) {
        result.firstPng = out.filePath(spec.pngName(0));
        result.lastPng = out.filePath(spec.pngName(total - 1));
    }
    if (spec.gif) result.gifFile = out.filePath(spec.gifName());
    result.ok = true;
    return result;
}

// ---- one view as a source --------------------------------------------------------------

QString Animation::viewIds()
{
    QStringList ids;
    for (const ViewInfo& v : viewCatalogue()) ids << v.id;
    return ids.join(QStringLiteral(", "));
}

FrameSource Animation::viewSource(const Simulator& sim, const QString& viewId, QSize size, qreal scale,
                                  QString* error)
{
    struct State {
        ViewContext ctx;
        std::unique_ptr<QWidget> view;
        Machine after;                 ///< the machine at `at`, to step forward by one event cheaply
        std::uint64_t at = UINT64_MAX; ///< the position shown
    };
    bool known = false;
    for (const ViewInfo& v : viewCatalogue()) known = known || v.id == viewId;
    if (!known) {
        if (error) *error = tr("There is no view \"%1\"; the views are: %2").arg(viewId, viewIds());
        return {};
    }
    scale = scale > 0 ? scale : 1.0;
    auto st = std::make_shared<State>();
    st->ctx.setSimulator(&sim);
    st->view.reset(createView(viewId, &st->ctx));
    if (!st->view) {
        if (error) *error = tr("There is no view \"%1\"; the views are: %2").arg(viewId, viewIds());
        return {};
    }
    QWidget* w = st->view.get();
    w->setAttribute(Qt::WA_DontShowOnScreen);
    // Never smaller than the view's own minimum: a small picture is drawn at that size and
    // scaled down (Animation::write fits it), instead of a layout squeezed until it overlaps.
    const QSize asked(std::max(1, qRound(size.width() / scale)), std::max(1, qRound(size.height() / scale)));
    const QSize logical = asked.expandedTo(w->minimumSizeHint());
    const QSize drawn = logical == asked ? size : logical * scale;
    w->resize(logical);
    w->show();
    const Simulator* s = &sim;
    return [st, s, size = drawn, scale](std::uint64_t cursor, double progress) {
        cursor = std::min(cursor, s->eventCount());
        if (cursor != st->at) {
            if (st->at != UINT64_MAX && cursor == st->at + 1) {
                Machine before = st->after;
                applyEvent(st->after, s->events()[st->at]);
                st->ctx.setState(std::move(before), st->after, cursor);
            } else {
                auto [before, after] = s->stepAt(cursor);
                // Arrive by a step, as the player does, so the first picture animates too.
                if (cursor > 0) st->ctx.setState(before, before, cursor - 1);
                st->after = after;
                st->ctx.setState(std::move(before), std::move(after), cursor);
            }
            st->at = cursor;
        }
        st->ctx.setProgress(progress);
        // Queued work (layouts, the timeline's queued replot) happens before the picture.
        QCoreApplication::processEvents();
        QImage img(size, QImage::Format_RGB32);
        img.setDevicePixelRatio(scale);
        img.fill(Palette::background());
        st->view->render(&img);
        return img;
    };
}

} // namespace memviz
