#include "Headless.h"

#include "Exporter.h"
#include "ScriptEngine.h"
#include "ViewContext.h"
#include "Views.h"
#include "sim/Simulator.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSaveFile>

#include <cstdio>

namespace memviz {

namespace {
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
    if (!QDir().mkpath(o.outDir)) {
        err(QStringLiteral("memviz: ") + tr("cannot create the directory %1").arg(o.outDir));
        return 2;
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

    QSaveFile events(QDir(o.outDir).filePath(QStringLiteral("events.jsonl")));
    if (!events.open(QIODevice::WriteOnly) || events.write(eventsJsonl(sim)) < 0 || !events.commit()) {
        err(QStringLiteral("memviz: ") + tr("cannot write %1: %2").arg(events.fileName(), events.errorString()));
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
    return 0;
}

} // namespace memviz
