#pragma once
/// `memviz --headless --script FILE.js --out DIR`: run a script without a window,
/// print its output, write DIR/events.jsonl, DIR/timeline.csv and a PNG of every view per
/// shot(); with --animate VIEW also numbered frames VIEW-NNNNNN.png (and VIEW.gif).

#include "CommandLine.h"

namespace memviz {

class Simulator;

/// Returns the process exit status (0 ok, 1 script error, 2 bad input or I/O error).
int runHeadless(const Options& options);

/// The event log as JSON lines, one object per event.
QByteArray eventsJsonl(const Simulator& sim);

} // namespace memviz
