// memviz: parse the command line, then run headless or open the main window.
#include "CommandLine.h"
#include "Exercise.h"
#include "Headless.h"
#include "Language.h"
#include "MainWindow.h"

#include <QApplication>
#include <QSettings>

#include <cstdio>

namespace {
// Headless runs print only what the script prints (stdout) and real errors (stderr);
// Qt's own chatter (no XDG_RUNTIME_DIR, offscreen plugin notes) is dropped unless asked for.
void quietHandler(QtMsgType type, const QMessageLogContext&, const QString& msg)
{
    if (type == QtFatalMsg || qEnvironmentVariableIsSet("MEMVIZ_DEBUG")) std::fprintf(stderr, "%s\n", qPrintable(msg));
}
} // namespace

int main(int argc, char** argv)
{
    QStringList args;
    for (int i = 0; i < argc; ++i) args << QString::fromLocal8Bit(argv[i]);
    // A headless run, --help and --version never need a display.
    bool noWindow = false;
    for (const char* flag : {"--headless", "--help", "-h", "--help-all", "--version", "-v", "-?", "--exercise"})
        for (const QString& a : args) noWindow = noWindow || a == QLatin1String(flag) || a.startsWith(QLatin1String(flag) + u'=');
    if (noWindow && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    if (noWindow) qInstallMessageHandler(quietHandler);
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("memviz"));
    QApplication::setOrganizationName(QStringLiteral("memviz"));
    QApplication::setApplicationVersion(QStringLiteral(MEMVIZ_VERSION));

    memviz::Options options;
    int exitCode = 0;
    if (!memviz::parseCommandLine(QApplication::arguments(), &options, &exitCode)) return exitCode;
    memviz::applyLanguage(options.language.isEmpty() ? QSettings().value(QStringLiteral("ui/language")).toString()
                                                     : options.language);
    if (!options.exercise.isEmpty()) return memviz::runExerciseCli(options);
    if (options.headless) return memviz::runHeadless(options);
    memviz::MainWindow w(options);
    w.show();
    return app.exec();
}
