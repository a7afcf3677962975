#include "Headless.h"

#include "Animation.h"
#include "Exporter.h"
#include "Palette.h"
#include "ScriptEngine.h"
#include "TableExport.h"
#include "ViewContext.h"
#include "Views.h"
#include "sim/Simulator.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSaveFile>

#include <atomic>
#include <csignal>
#include <cstdio>

namespace memviz {

namespace {
/// Set by Ctrl+C or a kill while the pictures are drawn: the export cancels and cleans up.
std::atomic<bool> g_interrupted { false };
extern "C" void onInterrupt(int) { g_interrupted = true; }
// lupdate files calls of this helper under the context "memviz" (the enclosing namespace).
QString tr(const char* s) { return QCoreApplication::translate("memviz", s); }

void err(const QString& s) { std::fprintf(stderr, "%s\n", qPrintable(s)); }

QString safeName(QString n)
{
    n.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9_.-]+")), QStringLiteral("_"));
    return n.isEmpty() ? QStringLiteral("shot") : n;
}
} // namespace

QByteArray eventsJsonl(const Simulator& sim)
{
    std::string out;
    out.reserve(sim.eventCount() * 120);
    const Machine& m = sim.current();
    for (std::uint64_t i = 0; i < sim.eventCount(); ++i) {
        appendEventJson(out, m, i, sim.events()[i]);
        out.push_back('\n');
    }
    return QByteArray::fromStdString(out);
}

int runHeadless(const Options& o)
{
    // Pictures for slides: the dark theme, and presentation mode's look (large type, thick
    // lines, high contrast) as the window's presentation mode gives it.
    Palette::applyToApplication(o.theme == QLatin1String("dark") ? Theme::Dark : Theme::Light);
    if (o.presentation) {
        Palette::setPresentation(true);
        QFont big = QApplication::font();
        if (big.pointSizeF() > 0) big.setPointSizeF(std::max(16.0, big.pointSizeF() * 1.6));
        QApplication::setFont(big);
    }
    MachineConfig cfg;
    QString error;
    if (!configFromOptions(o, &cfg, &error)) {
        err(QStringLiteral("memviz: ") + error);
        return 2;
    }
    QFile f(o.script);
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text)) {
        err(QStringLiteral("memviz: ") + tr("cannot read %1: %2").arg(o.script, f.errorString()));
        return 2;
    }
    const QString source = QString::fromUtf8(f.readAll());
    const bool animating = !o.animateView.isEmpty();
    if (animating) {
        bool known = false;
        for (const ViewInfo& v : viewCatalogue()) known = known || v.id == o.animateView;
        if (!known) {
            err(QStringLiteral("memviz: ")
                + tr("--animate: there is no view \"%1\"; the views are: %2").arg(o.animateView, Animation::viewIds()));
            return 2;
        }
    }
    ScriptEngine engine;
    engine.setTimeoutMs(o.timeoutSeconds * 1000);
    QObject::connect(&engine, &ScriptEngine::printed, [](const QString& text) {
        std::fputs(text.toUtf8().constData(), stdout);
        std::fflush(stdout);
    });
    ScriptOutcome r = engine.run(source, o.script, nullptr, cfg);
    if (!r.ok) {
        err(r.errorLine());
        return 1;
    }
    const Simulator& sim = *r.sim;

    // The range is checked against the run before anything is written.
    AnimationSpec spec;
    if (animating) {
        spec.from = o.from;
        spec.to = o.toSet ? o.to : sim.eventCount();
        spec.framesPerStep = o.framesPerStep;
        spec.fps = o.fps;
        spec.size = QSize(o.width, o.height);
        spec.outDir = o.outDir;
        spec.baseName = o.animateView;
        spec.png = true;
        spec.gif = o.gif;
        // A typed end past the run is a mistake to report, not to cut short in silence.
        QString e = o.toSet && o.to > sim.eventCount()
            ? tr("the run has %1 events, so --to %2 is past its end (choose %3 to %1)")
                  .arg(sim.eventCount())
                  .arg(o.to)
                  .arg(std::min<std::uint64_t>(o.from, sim.eventCount()))
            : Animation::check(&spec, sim.eventCount());
        if (!e.isEmpty()) {
            err(QStringLiteral("memviz: ") + tr("--animate %1: %2").arg(o.animateView, e));
            return 2;
        }
    }
    // The folder is made only once the run and the range are known to be good.
    if (!QDir().mkpath(o.outDir)) {
        err(QStringLiteral("memviz: ") + tr("cannot create the directory %1").arg(o.outDir));
        return 2;
    }

    QSaveFile events(QDir(o.outDir).filePath(QStringLiteral("events.jsonl")));
    if (!events.open(QIODevice::WriteOnly) || events.write(eventsJsonl(sim)) < 0 || !events.commit()) {
        err(QStringLiteral("memviz: ") + tr("cannot write %1: %2").arg(events.fileName(), events.errorString()));
        return 2;
    }
    // The run's history as the timeline plots it, every column.
    const auto timeline = TableExport::fromSamples(sim.current().samples);
    if (!TableExport::save(*timeline, QDir(o.outDir).filePath(QStringLiteral("timeline.csv")), &error)) {
        err(QStringLiteral("memviz: ") + error);
        return 2;
    }

    // One picture of every view for each shot() and at the end.
    ViewContext ctx;
    ctx.setSimulator(&sim);
    struct Made {
        QString id;
        QWidget* widget;
    };
    QList<Made> views;
    for (const ViewInfo& v : viewCatalogue()) {
        QWidget* w = createView(v.id, &ctx);
        w->setAttribute(Qt::WA_DontShowOnScreen);
        w->resize(v.id == QLatin1String("events") ? QSize(1100, 700) : QSize(1280, 800));
        w->show();
        views.append({v.id, w});
    }
    auto shots = r.shots;
    shots.push_back({QStringLiteral("final"), sim.eventCount()});
    for (const ScriptShot& s : shots) {
        const std::uint64_t n = std::min<std::uint64_t>(s.cursor, sim.eventCount());
        auto [before, after] = sim.stepAt(n);
        ctx.setState(std::move(before), std::move(after), n);
        ctx.setProgress(1.0);
        QCoreApplication::processEvents();
        for (const Made& v : views) {
            const QString path = QDir(o.outDir).filePath(QStringLiteral("%1-%2.png").arg(safeName(s.name), v.id));
            const QString e = exportWidget(v.widget, path);
            if (!e.isEmpty()) {
                err(QStringLiteral("memviz: ") + e);
                return 2;
            }
        }
    }
    for (const Made& v : views) delete v.widget;

    if (animating) {
        // Pictures of one view over the range, streamed: numbered PNGs and, with --gif, VIEW.gif.
        const FrameSource frames = Animation::viewSource(sim, o.animateView, spec.size, 1.0, &error);
        // Interrupted (Ctrl+C, a kill): cancelled like the dialog's Cancel, so no half-written
        // folder and no hidden staging folder stay behind.
        g_interrupted = false;
        auto* oldInt = std::signal(SIGINT, onInterrupt);
        auto* oldTerm = std::signal(SIGTERM, onInterrupt);
        const AnimationResult a = Animation::write(frames, spec, [](std::uint64_t, std::uint64_t) { return !g_interrupted; });
        std::signal(SIGINT, oldInt);
        std::signal(SIGTERM, oldTerm);
        if (a.cancelled) {
            err(QStringLiteral("memviz: ") + tr("interrupted: %1").arg(a.error));
            return 130;
        }
        if (!a.ok) {
            err(QStringLiteral("memviz: ") + (frames ? a.error : error));
            return 2;
        }
    }
    return 0;
}

} // namespace memviz
