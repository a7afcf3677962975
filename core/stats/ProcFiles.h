#pragma once
/// Text of /proc files exactly as the kernel prints them (reference §1, §7).

#include <cstdint>
#include <string>

namespace memviz {

struct Machine;

std::string formatBuddyinfo(const Machine& m); ///< mm/vmstat.c frag_show_print
std::string formatZoneinfo(const Machine& m); ///< mm/vmstat.c zoneinfo_show_print
std::string formatMeminfo(const Machine& m); ///< fs/proc/meminfo.c meminfo_proc_show
std::string formatVmstat(const Machine& m); ///< mm/vmstat.c vmstat_show: the whole 6.12 list

/// global_dirty_limits() (mm/page-writeback.c) with the default ratios, in pages:
/// nr_dirty_threshold and nr_dirty_background_threshold of /proc/vmstat.
struct DirtyLimits {
    std::uint64_t thresh = 0, bgThresh = 0;
};
DirtyLimits dirtyLimits(const Machine& m);

} // namespace memviz
