#pragma once
/// vmstat(8) of procps-ng 4.0.2: the one-line report (`-a`, `-w`, `-t`, `-n`, `-y`,
/// `-S k|K|m|M|b|B`), `vmstat delay [count]` over the history, `-s` and `-f`, with the
/// tool's own texts for bad command lines.
///
/// memviz semantics, as for sar (stats/Sar.h): `vmstat N` reports the history as if it
/// had been started at boot in a second terminal: its first line is the since-boot
/// line at boot, then one line per N seconds of history. `vmstat N COUNT` prints the
/// last COUNT of those lines; the first line printed is, as always with vmstat, the
/// averages since boot at that moment. `vmstat` alone prints the since-boot line of
/// the machine as it is now.
///
/// What memviz does not simulate is printed as a quiet machine would show it (for the
/// "What memviz simplifies" list): no CPU time is charged, so every CPU tick is idle
/// (us sy wa st gu 0, id 100; the tick counters of -s are uptime x CPUs of idle); no
/// interrupts or context switches (in, cs 0); r counts vmstat itself plus the process
/// the CPU runs, b is 0; "forks" counts the processes memviz created.
///
/// procps-ng 4.0.2 reads /proc/meminfo once: every line of `vmstat N` repeats the memory
/// columns (swpd free buff cache) of the first line (fixed in 4.0.3). memviz prints what
/// Debian 12's vmstat prints; kVmstatFrozenMemory turns the quirk off.

#include "sim/History.h"
#include "stats/Shell.h"

#include <cstdint>
#include <string>
#include <vector>

namespace memviz {

struct Machine;

inline constexpr bool kVmstatFrozenMemory = true;

struct VmstatOptions {
    bool active = false; ///< -a: inact/active instead of buff/cache
    bool oneHeader = false; ///< -n
    bool stats = false; ///< -s
    bool forks = false; ///< -f
    bool wide = false; ///< -w
    bool timestamp = false; ///< -t
    bool noFirst = false; ///< -y
    std::uint64_t unit = 1024; ///< -S: bytes per unit (1, 1000, 1024, 1000000, 1048576)
    char unitLetter = 'K';
    long delay = -1; ///< -1: none given
    long count = -1; ///< -1: none given
};

/// Parses vmstat's arguments (argv without "vmstat") as getopt_long does. On --help,
/// -V, a bad command line or an unsimulated report (-d -D -p -m), returns false with
/// `early` set to what vmstat prints and its exit status.
bool parseVmstatArgs(const std::vector<std::string>& args, VmstatOptions* opt, ShellResult* early);

/// What the one-line report needs besides the samples.
struct VmstatHost {
    int cpus = 1;
    std::uint64_t kbPerPage = 4;
    std::uint64_t running = 1; ///< procs_running
    std::uint64_t bootEpoch = 0; ///< for -t
};

/// The report over points: the first point gives the since-boot line (its timeNs is the
/// uptime), each later point a line over the time since the point before it (`delay`
/// seconds). With -y the first point only starts the first interval.
std::string formatVmstat(const VmstatHost& host, const VmstatOptions& opt, const std::vector<Sample>& points);

/// `vmstat -s` of the machine now.
std::string formatVmstatStats(const Machine& m, const VmstatOptions& opt);

ShellResult runVmstat(const Machine& m, const std::vector<std::string>& args);

} // namespace memviz
