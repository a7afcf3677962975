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
    p.addOptions({headless, script, out, preset, ram, swap, seed, lang, timeout});

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
    if (!p.positionalArguments().isEmpty()) {
        std::fprintf(stderr, "memviz: %s\n", qPrintable(tr("unexpected argument \"%1\"").arg(p.positionalArguments().first())));
        *exitCode = 2;
        return false;
    }
    Options o;
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
