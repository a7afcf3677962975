#pragma once
/// The swap areas as text: /proc/swaps (Linux 6.12 mm/swapfile.c swap_show) and
/// swapon(8) of util-linux 2.38 (`--show[=COLUMNS]` through libsmartcols, `--bytes`,
/// `--noheadings`, `--raw`, `-s`/`--summary`, and `swapon` alone = `--show`).

#include "stats/Shell.h"

#include <cstdint>
#include <string>
#include <vector>

namespace memviz {

struct Machine;

std::string formatProcSwaps(const Machine& m);

/// size_to_human_string(SIZE_SUFFIX_1LETTER) of util-linux lib/strutils.c: "2G", "0B",
/// "120.6M", "1024M".
std::string humanSize(std::uint64_t bytes);

/// swapon with argv (without "swapon"). `swapon FILE` of a file on the simulated disk
/// becomes a SwapOn command (priority from -p/--priority); other areas it refuses as
/// swapon does.
ShellResult runSwapon(const Machine& m, const std::vector<std::string>& args);

} // namespace memviz
