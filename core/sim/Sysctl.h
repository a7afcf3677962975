#pragma once
/// The tunables a shell can write (`sysctl vm.X=Y`, `echo Y > /proc/sys/vm/X`, the THP
/// switch in /sys): their names, files, ranges, and how the machine reads and changes
/// them. Writing one is a SetSysctl command whose SysctlSet event changes the machine.

#include "sim/Error.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace memviz {

struct Machine;

enum class Sysctl : std::uint8_t {
    MinFreeKbytes,
    WatermarkScaleFactor,
    OvercommitMemory,
    OvercommitRatio,
    OvercommitKbytes,
    ThpEnabled, ///< 0 always, 1 madvise, 2 never
    Swappiness,
    PanicOnOom,
    OomKillAllocatingTask,
    NrHugepages, ///< the persistent size of the hugetlb pool (pages of the default huge page size)
    Count
};

struct SysctlInfo {
    Sysctl id;
    std::string_view name; ///< "vm.overcommit_memory" (the THP switch: "kernel.mm.transparent_hugepage.enabled")
    std::string_view path; ///< "/proc/sys/vm/overcommit_memory"
    std::uint64_t min, max;
};

const std::vector<SysctlInfo>& sysctlTable();
std::optional<SysctlInfo> sysctlByName(std::string_view nameOrPath);
const SysctlInfo& sysctlInfo(Sysctl id);
/// The value the machine uses now (for min_free_kbytes: the computed one unless written).
std::uint64_t sysctlValue(const Machine& m, Sysctl id);
/// BadSysctl (detail = name, a = value) when the value is outside the tunable's range.
Error validateSysctl(Sysctl id, std::uint64_t value);
/// Applies a SysctlSet event (recomputing watermarks where the kernel does). The hugetlb
/// pool follows vm.nr_hugepages through its own events (vm/), not here.
void applySysctl(Machine& m, Sysctl id, std::uint64_t value);

/// vm_commit_limit() in pages: (totalram - hugetlb) * ratio / 100 + swap, or kbytes/page + swap.
/// hugetlb_total_pages(): the pool's pages in base pages.
std::uint64_t commitLimitPages(const Machine& m);
std::uint64_t hugetlbTotalPages(const Machine& m);
/// vm_committed_as in pages: the accountable (private writable) mappings of live processes.
std::uint64_t committedPages(const Machine& m);

} // namespace memviz
