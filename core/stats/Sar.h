#pragma once
/// sar(1) of sysstat 12.6.x (reference §8) over the history the machine recorded:
/// `-r`, `-r ALL`, `-B`, `-W`, `-S`, `-u` (a quiet CPU), several at once, and
/// `[interval [count]]`, with sysstat's own texts for bad command lines.
///
/// memviz semantics (the README quotes this paragraph):
///   sar reports the history the machine recorded (one sample per simulated second
///   since boot, sim/History.h), as if `sar <opts> <interval>` had been started in a
///   second terminal at boot. Each row covers `interval` seconds of history, the rows
///   start at boot (rows end at interval, 2*interval, ... seconds after boot) and the
///   rates of a row are computed over its interval with S_VALUE, as sar does. With a
///   `count`, sar prints the last `count` of those rows (the Average line averages the
///   rows printed). Without an interval it reports every second since boot (interval
///   1 over the whole history) instead of reading a daily data file. `sar <opts> 0`
///   prints one row with the values since boot, as the real sar does. History shorter
///   than one interval prints only the banner, as a sar still waiting for its first
///   interval shows. Times are the wall clock of the machine's boot (config.bootEpoch)
///   plus the simulated time, printed in UTC as HH:MM:SS, and the date as MM/DD/YY:
///   what sar prints in the C locale (S_TIME_FORMAT=ISO would print the same time).

#include "sim/History.h"
#include "stats/Shell.h"

#include <cstdint>
#include <string>
#include <vector>

namespace memviz {

struct Machine;

/// What sar's banner says about the machine (print_gal_header()).
struct SarHost {
    std::string release = "6.12.0-memviz"; ///< uname -r
    std::string hostname = "memviz";
    std::string machine = "x86_64"; ///< x86_64, or i686 on the 32-bit presets
    int cpus = 1;
    std::uint64_t bootEpoch = 0; ///< wall clock at boot, seconds since 1970 (UTC)
};
SarHost sarHost(const Machine& m);

struct SarOptions {
    bool cpu = false, cpuAll = false; ///< -u, -u ALL
    bool swapping = false; ///< -W
    bool paging = false; ///< -B
    bool memory = false, memoryAll = false; ///< -r, -r ALL
    bool swapSpace = false; ///< -S
    long interval = -1; ///< -1: none given
    long count = -1; ///< -1: none given
    int decimals = 2; ///< --dec={0|1|2}: decimal places of rates and percentages
};

/// Parses sar's arguments (argv without "sar"). On `--help`, `-V`, a bad command line
/// or an option memviz does not simulate, returns false with `early` set to what sar
/// prints and its exit status. No activity option means -u, as in sar.
bool parseSarArgs(const std::vector<std::string>& args, SarOptions* opt, ShellResult* early);

/// The report over consecutive samples: row k covers points[k] .. points[k+1] (their
/// timeNs give each row's interval), followed by the Average section. One point
/// prints the banner only. `sinceBoot` is the `sar <opts> 0` form: points are the
/// values at boot and now, one row stamped with the present time, no Average.
std::string formatSar(
    const SarHost& host, const SarOptions& opt, const std::vector<Sample>& points, bool sinceBoot = false);

/// The samples the rows of `sar ... interval [count]` cover, as the semantics above
/// say: samples 0, interval, 2*interval, ... of the history, the last count+1 of them.
std::vector<Sample> sarPoints(const SampleLog& history, long interval, long count);

/// sar with argv (without "sar") on the machine's history.
ShellResult runSar(const Machine& m, const std::vector<std::string>& args);

} // namespace memviz
