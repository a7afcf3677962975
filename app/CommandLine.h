#pragma once
/// memviz's command line (QCommandLineParser): options and the machine they ask for.

#include "sim/MachineConfig.h"

#include <QString>
#include <QStringList>

#include <cstdint>

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
    bool presentation = false; ///< start in presentation mode (headless: pictures in its look)
    QString theme;             ///< "light", "dark" or empty (the saved choice)
    QString sessionFile; ///< a .memviz session to open in the window (the one positional argument)
    // --exercise KIND [--answers]: print a generated problem (and its worked solution).
    QString exercise;
    bool answers = false;
    // Headless animation: --animate VIEW --from N --to M [--gif] [--size WxH] [--fps F] [--frames-per-step K].
    QString animateView;      ///< a view id ("buddy", "walk", ...); empty: no animation
    std::uint64_t from = 0;   ///< first event position (cursor) of the range
    std::uint64_t to = 0;     ///< last event position of the range (inclusive)
    bool toSet = false;       ///< --to given (else: the end of the run)
    bool gif = false;         ///< also write animation.gif beside the numbered PNGs
    int width = 1280, height = 800;
    int fps = 8;              ///< GIF frames per second
    int framesPerStep = 1;    ///< pictures per event (more: the step's animation in between)
};

/// Parses argv. On --help/--version prints and returns false with exitCode 0; on a
/// bad option prints the error and returns false with exitCode 2.
bool parseCommandLine(const QStringList& args, Options* out, int* exitCode);

/// The machine the options describe; a translated error when it is impossible.
bool configFromOptions(const Options& o, MachineConfig* out, QString* error);

} // namespace memviz
