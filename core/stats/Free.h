#pragma once
/// The `free` command of procps-ng 4.0.2 (reference §7): options, units, layout,
/// and the exact messages it prints for bad options.

#include "stats/MemInfo.h"

#include <string>
#include <vector>

namespace memviz {

struct FreeOptions {
    int exponent = 0; ///< 0 default (KiB), 1 bytes, 2 KiB, 3 MiB, 4 GiB, 5 TiB, 6 PiB
    bool si = false; ///< powers of 1000
    bool human = false; ///< -h
    bool wide = false; ///< -w
    bool total = false; ///< -t
    bool lohi = false; ///< -l
    bool committed = false; ///< -v
    bool repeat = false; ///< -s or -c given: a blank line follows each block that another follows
    int count = 0; ///< -c N: N blocks, then exit (0: -c not given)
    double seconds = 1.0; ///< -s N: recorded only; simulated time does not pass while printing
    bool help = false; ///< --help: the usage text on stdout, nothing else
    bool version = false; ///< -V: the version line, nothing else
};

/// Most blocks formatFree prints for `-c N` (the real tool would print N).
inline constexpr int kFreeMaxBlocks = 1000;

/// Parses free's arguments (argv without "free") as getopt_long does for free
/// 4.0.2: bundled short options, attached or separate option arguments, unique
/// prefixes of long options. On a bad command line returns false and sets `error`
/// to exactly what free prints on stderr (including the usage text when free
/// prints it); free then exits with status 1.
bool parseFreeArgs(const std::vector<std::string>& args, FreeOptions* out, std::string* error);

/// What free prints on stdout. `-s N` without `-c` repeats forever in the real
/// tool; here it prints the first block and its trailing blank line.
std::string formatFree(const MemInfo& info, const FreeOptions& opt);

/// scale_size() of src/free.c: one value (given in kB) in the chosen unit.
std::string freeScaleSize(std::uint64_t kb, const FreeOptions& opt);

/// usage() of src/free.c: the text `free --help` prints (and free prints on stderr
/// after an option error).
std::string freeUsage();

} // namespace memviz
