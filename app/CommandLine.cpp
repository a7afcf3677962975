#include "CommandLine.h"

#include "ErrorText.h"
#include "util/Size.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>

namespace memviz {

namespace {
// lupdate files calls of this helper under the context "memviz" (the enclosing namespace).
QString tr(const char* s) { return QCoreApplication::translate("memviz", s); }

QString presetList()
{
    QStringList names;
    for (const auto& n : MachineConfig::presetNames()) names << QString::fromStdString(n);
    return names.join(QStringLiteral(", "));
}
} // namespace

bool parseCommandLine(const QStringList& args, Options* result, int* exitCode)
{
    QCommandLineParser p;
    p.setApplicationDescription(
        tr("memviz — an interactive laboratory for Linux memory management.\n"
           "Without options it opens the window with the default machine. With --headless it runs a\n"
           "script without a window, prints what the script prints, and writes the event log and\n"
           "pictures of every view."));
    p.addHelpOption();
    p.addPositionalArgument(QStringLiteral("session"), tr("A .memviz session file to open."), tr("[session.memviz]"));
    p.addVersionOption();
    const QCommandLineOption headless(QStringLiteral("headless"), tr("Run without a window (needs --script)."));
    const QCommandLineOption script(QStringList{QStringLiteral("script"), QStringLiteral("s")},
                                    tr("JavaScript file to run (in the window: opened in the editor and run)."),
                                    tr("file"));
    const QCommandLineOption out(QStringList{QStringLiteral("out"), QStringLiteral("o")},
                                 tr("Headless: directory for events.jsonl and the PNG pictures (created if missing)."),
                                 tr("dir"));
    const QCommandLineOption preset(QStringLiteral("preset"), tr("Machine preset: %1 (default x86-64).").arg(presetList()),
                                    tr("name"));
    const QCommandLineOption ram(QStringLiteral("ram"), tr("RAM size, e.g. 512M, 8G (default: the preset's)."),
                                 tr("size"));
    const QCommandLineOption swap(QStringLiteral("swap"), tr("Swap size, e.g. 2G (default: the preset's)."), tr("size"));
    const QCommandLineOption seed(QStringLiteral("seed"), tr("Random seed of the machine (default 1)."), tr("n"));
    const QCommandLineOption lang(QStringLiteral("lang"), tr("User interface language: en or zh_CN (default: the system's)."),
                                  tr("language"));
    const QCommandLineOption timeout(QStringLiteral("timeout"),
                                     tr("Stop a script that runs longer than this many seconds (default 10)."),
                                     tr("seconds"));
    const QCommandLineOption exercise(QStringLiteral("exercise"),
                                      tr("Print a generated exercise and exit: translate, tlb, buddy or replacement "
                                         "(the same --seed gives the same exercise)."),
                                      tr("kind"));
    const QCommandLineOption answers(QStringLiteral("answers"), tr("With --exercise: also print the worked solution."));
    const QCommandLineOption animate(QStringLiteral("animate"),
                                     tr("Headless: write numbered PNG frames of one view (buddy, walk, ...) for a range "
                                        "of steps into --out."),
                                     tr("view"));
    const QCommandLineOption from(QStringLiteral("from"), tr("With --animate: start at the run after n events, shown at rest (default 0)."), tr("n"));
    const QCommandLineOption to(QStringLiteral("to"), tr("With --animate: the last step, included (default: the end of the run)."),
                                tr("n"));
    const QCommandLineOption gif(QStringLiteral("gif"), tr("With --animate: also write VIEW.gif (looping)."));
    const QCommandLineOption size(QStringLiteral("size"), tr("With --animate: the picture size (default 1280x800)."),
                                  tr("WxH"));
    const QCommandLineOption fps(QStringLiteral("fps"), tr("With --animate --gif: frames per second (default 8)."),
                                 tr("n"));
    const QCommandLineOption perStep(QStringLiteral("frames-per-step"),
                                     tr("With --animate: pictures per step, showing its animation (default 1)."),
                                     tr("n"));
    const QCommandLineOption presentation(QStringLiteral("presentation"),
                                          tr("Start in presentation mode (headless: pictures in its look: large type, thick "
                                             "lines, high contrast)."));
    const QCommandLineOption theme(QStringLiteral("theme"), tr("Colour theme: light or dark (default: the saved choice)."),
                                   tr("theme"));
    p.addOptions({presentation, theme});
    p.addOptions({headless, script, out, preset, ram, swap, seed, lang, timeout, exercise, answers, animate, from, to,
                  gif, size, fps, perStep});

    if (!p.parse(args)) {
        std::fprintf(stderr, "memviz: %s\n%s", qPrintable(p.errorText()), qPrintable(tr("Try memviz --help.\n")));
        *exitCode = 2;
        return false;
    }
    if (p.isSet(QStringLiteral("help"))) {
        std::fputs(qPrintable(p.helpText()), stdout);
        *exitCode = 0;
        return false;
    }
    if (p.isSet(QStringLiteral("version"))) {
        std::printf("memviz %s\n", MEMVIZ_VERSION);
        *exitCode = 0;
        return false;
    }
    const QStringList positional = p.positionalArguments();
    if (positional.size() > 1 || (positional.size() == 1 && !positional.first().endsWith(QLatin1String(".memviz")))) {
        std::fprintf(stderr, "memviz: %s\n", qPrintable(tr("unexpected argument \"%1\" (only a .memviz session file can be "
                                                            "named without an option)").arg(positional.last())));
        *exitCode = 2;
        return false;
    }
    Options o;
    if (!positional.isEmpty()) o.sessionFile = positional.first();
    o.headless = p.isSet(headless);
    o.script = p.value(script);
    o.outDir = p.value(out);
    if (p.isSet(preset)) o.preset = p.value(preset);
    o.ram = p.value(ram);
    o.swap = p.value(swap);
    o.seed = p.value(seed);
    o.language = p.value(lang);
    if (p.isSet(timeout)) {
        bool ok = false;
        o.timeoutSeconds = p.value(timeout).toInt(&ok);
        if (!ok || o.timeoutSeconds < 1) {
            std::fprintf(stderr, "memviz: %s\n", qPrintable(tr("--timeout needs a whole number of seconds ≥ 1")));
            *exitCode = 2;
            return false;
        }
    }
    auto fail = [exitCode](const QString& message) {
        std::fprintf(stderr, "memviz: %s\n", qPrintable(message));
        *exitCode = 2;
        return false;
    };
    auto whole = [&p](const QCommandLineOption& opt, std::uint64_t min, std::uint64_t max, std::uint64_t* dst) {
        if (!p.isSet(opt)) return true;
        bool ok = false;
        const qulonglong v = p.value(opt).toULongLong(&ok);
        if (!ok || v < min || v > max) return false;
        *dst = v;
        return true;
    };
    o.presentation = p.isSet(presentation);
    o.theme = p.value(theme);
    if (!o.theme.isEmpty() && o.theme != QLatin1String("light") && o.theme != QLatin1String("dark"))
        return fail(tr("--theme needs light or dark, not \"%1\"").arg(o.theme));
    o.exercise = p.value(exercise);
    o.answers = p.isSet(answers);
    if (o.answers && o.exercise.isEmpty()) return fail(tr("--answers needs --exercise KIND"));
    o.animateView = p.value(animate);
    const bool animating = !o.animateView.isEmpty();
    for (const QCommandLineOption* opt : {&from, &to, &gif, &size, &fps, &perStep})
        if (!animating && p.isSet(*opt))
            return fail(tr("--%1 needs --animate VIEW").arg(opt->names().constFirst()));
    if (animating && !o.headless) return fail(tr("--animate needs --headless"));
    if (!whole(from, 0, UINT64_MAX, &o.from)) return fail(tr("--from needs a whole number ≥ 0"));
    o.toSet = p.isSet(to);
    if (!whole(to, 0, UINT64_MAX, &o.to)) return fail(tr("--to needs a whole number ≥ 0"));
    if (o.toSet && o.to < o.from) return fail(tr("--to %1 is before --from %2").arg(o.to).arg(o.from));
    o.gif = p.isSet(gif);
    if (p.isSet(size)) {
        const QStringList wh = p.value(size).split(QLatin1Char('x'));
        bool okW = false, okH = false;
        o.width = wh.size() == 2 ? wh[0].toInt(&okW) : 0;
        o.height = wh.size() == 2 ? wh[1].toInt(&okH) : 0;
        if (!okW || !okH || o.width < 64 || o.height < 64 || o.width > 7680 || o.height > 4320)
            return fail(tr("--size needs WIDTHxHEIGHT between 64x64 and 7680x4320, e.g. 1280x800"));
    }
    std::uint64_t n = static_cast<std::uint64_t>(o.fps);
    if (!whole(fps, 1, 50, &n)) return fail(tr("--fps needs a whole number from 1 to 50"));
    o.fps = static_cast<int>(n);
    n = static_cast<std::uint64_t>(o.framesPerStep);
    if (!whole(perStep, 1, 30, &n)) return fail(tr("--frames-per-step needs a whole number from 1 to 30"));
    o.framesPerStep = static_cast<int>(n);
    if (!o.sessionFile.isEmpty() && (o.headless || !o.exercise.isEmpty()))
        return fail(tr("a session file opens in the window: not with --headless or --exercise"));
    if (o.headless && o.script.isEmpty()) {
        std::fprintf(stderr, "memviz: %s\n", qPrintable(tr("--headless needs --script FILE")));
        *exitCode = 2;
        return false;
    }
    if (o.headless && o.outDir.isEmpty()) o.outDir = QStringLiteral("memviz-out");
    *result = o;
    return true;
}

bool configFromOptions(const Options& o, MachineConfig* out, QString* error)
{
    auto preset = MachineConfig::fromPreset(o.preset.toStdString());
    if (auto* e = std::get_if<Error>(&preset)) {
        *error = QStringLiteral("--preset: ") + errorText(*e);
        return false;
    }
    MachineConfig c = std::get<MachineConfig>(preset);
    auto size = [&](const QString& text, const char* option, std::uint64_t* dst) {
        if (text.isEmpty()) return true;
        const auto v = parseSize(text.toStdString());
        if (!v) {
            *error = QStringLiteral("--%1: ").arg(QString::fromLatin1(option))
                + errorText(Error{ErrorCode::BadSize, 0, 0, text.toStdString()});
            return false;
        }
        *dst = *v;
        return true;
    };
    if (!size(o.ram, "ram", &c.ramBytes) || !size(o.swap, "swap", &c.swapBytes)) return false;
    if (!o.seed.isEmpty()) {
        bool ok = false;
        c.seed = o.seed.toULongLong(&ok);
        if (!ok) {
            *error = QStringLiteral("--seed: ") + tr("\"%1\" is not a whole number").arg(o.seed);
            return false;
        }
    }
    if (Error e = c.validate()) {
        *error = errorText(e);
        return false;
    }
    *out = c;
    return true;
}

} // namespace memviz
