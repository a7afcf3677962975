#pragma once
/// The `free` command of procps-ng 4.0.2 (reference §7): options, units, layout.

#include "stats/MemInfo.h"

#include <string>
#include <vector>

namespace memviz {

struct FreeOptions {
    int exponent = 0;      ///< 0 default (KiB), 1 bytes, 2 KiB, 3 MiB, 4 GiB, 5 TiB, 6 PiB
    bool si = false;       ///< powers of 1000
    bool human = false;    ///< -h
    bool wide = false;     ///< -w
    bool total = false;    ///< -t
    bool lohi = false;     ///< -l
    bool committed = false; ///< -v
};

/// Parses free's arguments (argv without "free"). On a bad option returns false
/// and sets `error` to what free prints on stderr.
bool parseFreeArgs(const std::vector<std::string>& args, FreeOptions* out, std::string* error);

std::string formatFree(const MemInfo& info, const FreeOptions& opt);

/// scale_size() of src/free.c: one value (given in kB) in the chosen unit.
std::string freeScaleSize(std::uint64_t kb, const FreeOptions& opt);

} // namespace memviz
