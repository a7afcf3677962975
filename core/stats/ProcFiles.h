#pragma once
/// Text of /proc files exactly as the kernel prints them (reference §1, §7).

#include <string>

namespace memviz {

struct Machine;

std::string formatBuddyinfo(const Machine& m);  ///< mm/vmstat.c frag_show_print
std::string formatZoneinfo(const Machine& m);   ///< mm/vmstat.c zoneinfo_show_print
std::string formatMeminfo(const Machine& m);    ///< fs/proc/meminfo.c meminfo_proc_show
std::string formatVmstat(const Machine& m);     ///< mm/vmstat.c vmstat_show (counters simulated so far)

} // namespace memviz
