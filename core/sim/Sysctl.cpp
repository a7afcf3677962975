#include "sim/Sysctl.h"

#include "phys/Boot.h"
#include "sim/Machine.h"

namespace memviz {

const std::vector<SysctlInfo>& sysctlTable()
{
    static const std::vector<SysctlInfo> t = {
        { Sysctl::MinFreeKbytes, "vm.min_free_kbytes", "/proc/sys/vm/min_free_kbytes", 1, 67108864 },
        { Sysctl::WatermarkScaleFactor, "vm.watermark_scale_factor", "/proc/sys/vm/watermark_scale_factor", 1, 3000 },
        { Sysctl::OvercommitMemory, "vm.overcommit_memory", "/proc/sys/vm/overcommit_memory", 0, 2 },
        { Sysctl::OvercommitRatio, "vm.overcommit_ratio", "/proc/sys/vm/overcommit_ratio", 0, 1000000 },
        { Sysctl::OvercommitKbytes, "vm.overcommit_kbytes", "/proc/sys/vm/overcommit_kbytes", 0, 1ull << 50 },
        { Sysctl::ThpEnabled, "kernel.mm.transparent_hugepage.enabled", "/sys/kernel/mm/transparent_hugepage/enabled", 0,
            2 },
        { Sysctl::Swappiness, "vm.swappiness", "/proc/sys/vm/swappiness", 0, 200 },
        { Sysctl::PanicOnOom, "vm.panic_on_oom", "/proc/sys/vm/panic_on_oom", 0, 2 },
        { Sysctl::OomKillAllocatingTask, "vm.oom_kill_allocating_task", "/proc/sys/vm/oom_kill_allocating_task", 0,
            1 },
        { Sysctl::NrHugepages, "vm.nr_hugepages", "/proc/sys/vm/nr_hugepages", 0, 1ull << 20 },
    };
    return t;
}

std::optional<SysctlInfo> sysctlByName(std::string_view n)
{
    for (const SysctlInfo& i : sysctlTable())
        if (i.name == n || i.path == n) return i;
    return std::nullopt;
}

const SysctlInfo& sysctlInfo(Sysctl id) { return sysctlTable()[static_cast<std::size_t>(id)]; }

std::uint64_t sysctlValue(const Machine& m, Sysctl id)
{
    const Sysctls& s = m.config.sysctl;
    switch (id) {
    case Sysctl::MinFreeKbytes: return m.minFreeKbytes;
    case Sysctl::WatermarkScaleFactor: return s.watermarkScaleFactor;
    case Sysctl::OvercommitMemory: return s.overcommitMemory;
    case Sysctl::OvercommitRatio: return s.overcommitRatio;
    case Sysctl::OvercommitKbytes: return s.overcommitKbytes;
    case Sysctl::ThpEnabled: return static_cast<std::uint64_t>(s.thp);
    case Sysctl::Swappiness: return s.swappiness;
    case Sysctl::PanicOnOom: return s.panicOnOom;
    case Sysctl::OomKillAllocatingTask: return s.oomKillAllocatingTask;
    case Sysctl::NrHugepages: return m.vmc.hugetlb.total - m.vmc.hugetlb.surplus; // persistent_huge_pages()
    case Sysctl::Count: break;
    }
    return 0;
}

Error validateSysctl(Sysctl id, std::uint64_t value)
{
    const SysctlInfo& i = sysctlInfo(id);
    if (value < i.min || value > i.max)
        return Error { ErrorCode::BadSysctl, static_cast<std::int64_t>(value), 0, std::string(i.name) };
    return {};
}

void applySysctl(Machine& m, Sysctl id, std::uint64_t v)
{
    Sysctls& s = m.config.sysctl;
    switch (id) {
    case Sysctl::MinFreeKbytes:
        s.minFreeKbytes = v;
        recomputeWatermarks(m); // min_free_kbytes_sysctl_handler -> setup_per_zone_wmarks
        break;
    case Sysctl::WatermarkScaleFactor:
        s.watermarkScaleFactor = static_cast<std::uint32_t>(v);
        recomputeWatermarks(m);
        break;
    case Sysctl::OvercommitMemory: s.overcommitMemory = static_cast<std::uint32_t>(v); break;
    case Sysctl::OvercommitRatio: // overcommit_ratio_handler: setting the ratio clears kbytes
        s.overcommitRatio = static_cast<std::uint32_t>(v);
        s.overcommitKbytes = 0;
        break;
    case Sysctl::OvercommitKbytes: // overcommit_kbytes_handler: and the other way round
        s.overcommitKbytes = v;
        if (v) s.overcommitRatio = 0;
        break;
    case Sysctl::ThpEnabled:
        s.thp = static_cast<ThpMode>(v);
        recomputeWatermarks(m); // khugepaged's recommended min_free_kbytes follows THP
        break;
    case Sysctl::Swappiness: s.swappiness = static_cast<std::uint32_t>(v); break;
    case Sysctl::PanicOnOom: s.panicOnOom = static_cast<std::uint32_t>(v); break;
    case Sysctl::OomKillAllocatingTask: s.oomKillAllocatingTask = static_cast<std::uint32_t>(v); break;
    case Sysctl::NrHugepages: break; // HugetlbPool events grow and shrink the pool
    case Sysctl::Count: break;
    }
}

std::uint64_t commitLimitPages(const Machine& m)
{
    const Sysctls& s = m.config.sysctl;
    const std::uint64_t swapPages = m.swap.totalPages();
    if (s.overcommitKbytes) return s.overcommitKbytes * 1024 / m.pageSize() + swapPages;
    const std::uint64_t ram = m.totalramPages(), huge = hugetlbTotalPages(m);
    return (ram > huge ? ram - huge : 0) * s.overcommitRatio / 100 + swapPages;
}

std::uint64_t hugetlbTotalPages(const Machine& m)
{
    const auto& levels = m.config.arch.levels;
    return levels.empty() ? 0 : m.vmc.hugetlb.total << levels.back().bits;
}

std::uint64_t committedPages(const Machine& m)
{
    std::uint64_t n = 0;
    for (const auto& [pid, p] : m.procs) {
        if (!p.alive()) continue;
        for (const Vma& v : p.mm.vmas)
            if (v.accountable()) n += v.size() / m.pageSize();
    }
    return n;
}

} // namespace memviz
