#include "stats/MemInfo.h"

#include "sim/Machine.h"

#include <algorithm>

namespace memviz {

std::uint64_t memAvailablePages(const Machine& m)
{
    std::uint64_t wmarkLow = 0;
    for (const Zone& z : m.zones) wmarkLow += z.mark(Wmark::Low);
    std::int64_t avail = static_cast<std::int64_t>(m.freePages()) - static_cast<std::int64_t>(m.totalreservePages);
    // Page cache and reclaimable slab: none yet (page cache and slab arrive later).
    const std::uint64_t pagecache = 0, reclaimable = 0;
    avail += static_cast<std::int64_t>(pagecache - std::min(pagecache / 2, wmarkLow));
    avail += static_cast<std::int64_t>(reclaimable - std::min(reclaimable / 2, wmarkLow));
    return avail < 0 ? 0 : static_cast<std::uint64_t>(avail);
}

MemInfo computeMemInfo(const Machine& m)
{
    MemInfo i;
    const std::uint64_t totalram = m.totalramPages();
    i.memTotal = m.pagesToKb(totalram);
    i.memFree = m.pagesToKb(m.freePages());
    i.memAvailable = m.pagesToKb(memAvailablePages(m));
    if (m.config.arch.is32bit) {
        // CONFIG_HIGHMEM: si_meminfo() splits totals into HighMem zones and the rest.
        i.hasHighmem = true;
        std::uint64_t highTotal = 0, highFree = 0;
        for (const Zone& z : m.zones)
            if (z.type == ZoneType::HighMem) {
                highTotal += z.managed;
                highFree += z.freePages;
            }
        i.highTotal = m.pagesToKb(highTotal);
        i.highFree = m.pagesToKb(highFree);
        i.lowTotal = i.memTotal - i.highTotal;
        i.lowFree = i.memFree - i.highFree;
    }
    i.swapTotal = m.config.swapBytes / 1024;
    i.swapFree = i.swapTotal;
    // vm_commit_limit(): (totalram - hugetlb) * overcommit_ratio / 100 + total swap pages.
    const std::uint64_t swapPages = m.config.swapBytes / m.pageSize();
    i.commitLimit = m.pagesToKb(totalram * 50 / 100 + swapPages);
    return i;
}

} // namespace memviz
