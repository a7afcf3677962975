#pragma once
/// memviz's command line (QCommandLineParser): options and the machine they ask for.

#include "sim/MachineConfig.h"

#include <QString>
#include <QStringList>

namespace memviz {

struct Options {
    bool headless = false;
    QString script;
    QString outDir;
    QString preset = QStringLiteral("x86-64");
    QString ram;
    QString swap;
    QString seed;
    QString language; ///< "en", "zh_CN" or empty for the system's
    int timeoutSeconds = 10;
};

/// Parses argv. On --help/--version prints and returns false with exitCode 0; on a
/// bad option prints the error and returns false with exitCode 2.
bool parseCommandLine(const QStringList& args, Options* out, int* exitCode);

/// The machine the options describe; a translated error when it is impossible.
bool configFromOptions(const Options& o, MachineConfig* out, QString* error);

} // namespace memviz
