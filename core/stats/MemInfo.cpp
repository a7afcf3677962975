// Computes the /proc/meminfo values of a simulated machine and parses meminfo text back.
#include "stats/MemInfo.h"

#include "sim/Sysctl.h"

#include "sim/Machine.h"
#include "util/Size.h"

#include <algorithm>
#include <charconv>

namespace memviz {

namespace {

struct DirectMapPages {
    std::uint64_t small = 0, large = 0, huge = 0;
};

/// How the kernel's direct mapping of [0, end) is split into page sizes. A
/// simplification of init_mem_mapping()/split_mem_range(): the first large page
/// (ISA range, early boot) is mapped with 4k pages, then large pages up to the
/// first 1 GiB boundary, 1G pages for whole GiB (when `gbPages`), large pages for
/// the rest and 4k pages for a tail that is not large-page aligned. Real machines
/// show more 4k pages (holes, splits by set_memory_*), which are not simulated.
DirectMapPages directMap(std::uint64_t end, std::uint64_t large, bool gbPages)
{
    DirectMapPages d;
    end &= ~(4 * KiB - 1);
    if (end <= large) {
        d.small = end / (4 * KiB);
        return d;
    }
    const std::uint64_t largeEnd = end / large * large;
    d.small = large / (4 * KiB) + (end - largeEnd) / (4 * KiB);
    if (gbPages && largeEnd >= GiB) {
        const std::uint64_t gbEnd = end / GiB * GiB;
        d.huge = (gbEnd - GiB) / GiB;
        d.large = (GiB - large) / large + (largeEnd - gbEnd) / large;
    } else {
        d.large = (largeEnd - large) / large;
    }
    return d;
}

} // namespace

std::uint64_t slabPages(const Machine& m, bool reclaimable)
{
    std::uint64_t n = 0;
    for (const SlabCache& c : m.kmem.caches)
        if (((c.flags & SlabFlag::Reclaimable) != 0) == reclaimable) n += c.numSlabs << c.order;
    // kmalloc_large(): NR_SLAB_UNRECLAIMABLE_B counts the pages of large kmallocs too.
    if (!reclaimable) n += m.kmem.largeKmallocPages;
    return n;
}

std::uint64_t memAvailablePages(const Machine& m)
{
    std::uint64_t wmarkLow = 0;
    for (const Zone& z : m.zones) wmarkLow += z.mark(Wmark::Low);
    std::int64_t avail = static_cast<std::int64_t>(m.freePages()) - static_cast<std::int64_t>(m.totalreservePages);
    // Page cache: Active(file) + Inactive(file); reclaimable: SReclaimable (+ KReclaimable's rest, none here).
    const std::uint64_t pagecache = m.lru[LruList::ActiveFile].size + m.lru[LruList::InactiveFile].size;
    const std::uint64_t reclaimable = slabPages(m, true);
    avail += static_cast<std::int64_t>(pagecache - std::min(pagecache / 2, wmarkLow));
    avail += static_cast<std::int64_t>(reclaimable - std::min(reclaimable / 2, wmarkLow));
    return avail < 0 ? 0 : static_cast<std::uint64_t>(avail);
}

MemInfo computeMemInfo(const Machine& m)
{
    MemInfo i;
    const ArchSpec& a = m.config.arch;
    const std::uint64_t totalram = m.totalramPages();
    i.memTotal = m.pagesToKb(totalram);
    i.memFree = m.pagesToKb(m.freePages());
    i.memAvailable = m.pagesToKb(memAvailablePages(m));
    if (a.is32bit) {
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
    // Virtual memory (vm/) and reclaim (reclaim/): page cache, anonymous and page-table
    // pages, the LRU lists as they are. Cached = NR_FILE_PAGES - SwapCached - Buffers:
    // memviz counts swap-cache pages apart from the page cache and has no block-device buffers.
    i.cached = m.pagesToKb(m.vmc.filePages);
    i.mapped = m.pagesToKb(m.vmc.fileMapped);
    i.activeFile = m.pagesToKb(m.lru[LruList::ActiveFile].size);
    i.inactiveFile = m.pagesToKb(m.lru[LruList::InactiveFile].size);
    i.activeAnon = m.pagesToKb(m.lru[LruList::ActiveAnon].size);
    i.inactiveAnon = m.pagesToKb(m.lru[LruList::InactiveAnon].size);
    i.unevictable = m.pagesToKb(m.lru[LruList::Unevictable].size);
    i.anonPages = m.pagesToKb(m.vmc.anonPages); // transparent huge pages included (NR_ANON_MAPPED)
    i.dirty = m.pagesToKb(m.vmc.dirtyFile);
    i.pageTables = m.pagesToKb(m.vmc.pageTablePages);
    // The kernel's own memory (alloc/Kmem.h).
    i.sReclaimable = m.pagesToKb(slabPages(m, true));
    i.sUnreclaim = m.pagesToKb(slabPages(m, false));
    i.kernelStack = m.pagesToKb(m.kmem.kernelStackPages);
    i.vmallocUsed = m.pagesToKb(m.kmem.vmallocPages);
    // vm_committed_as: pages of the accountable mappings (VM_ACCOUNT: private and
    // writable, the stack and brk heap included) of the live processes.
    i.committedAs = m.pagesToKb(committedPages(m));

    i.swapTotal = m.pagesToKb(m.swap.totalPages());
    i.swapFree = m.pagesToKb(m.swap.freePages());
    i.swapCached = m.pagesToKb(m.swap.cache.size());
    // vm_commit_limit(): (totalram - hugetlb) * overcommit_ratio / 100 + total swap pages.
    i.commitLimit = m.pagesToKb(commitLimitPages(m));

    // VMALLOC_TOTAL: 32 TiB with 4-level paging, 12800 TiB with LA57 (both minus one
    // byte before the >> 10); 120 MiB between high_memory and the fixmaps on x86-32.
    switch (a.kind) {
    case ArchKind::X86_64:
        i.vmallocTotal = 34359738367ull;
        break;
    case ArchKind::X86_64_LA57:
        i.vmallocTotal = 13743895347199ull;
        break;
    case ArchKind::X86_32:
    case ArchKind::X86_PAE:
        i.vmallocTotal = 122880;
        break;
    }
    i.hasUnaccepted = !a.is32bit; // selected by INTEL_TDX_GUEST / AMD_MEM_ENCRYPT, 64-bit only

    // PMD-sized huge pages: 2 MiB, or 4 MiB with the 2-level non-PAE tables.
    const bool nonPae = a.kind == ArchKind::X86_32;
    i.hugepagesize = nonPae ? 4096 : 2048;
    i.largeIs4M = nonPae;
    // NR_ANON_THPS; hugetlb_report_meminfo() for the default hstate, and Hugetlb over all
    // of them (memviz has the one).
    i.anonHugePages = m.vmc.anonThps * i.hugepagesize;
    const HugetlbPool& h = m.vmc.hugetlb;
    i.hugePagesTotal = h.total;
    i.hugePagesFree = h.free;
    i.hugePagesRsvd = h.resv;
    i.hugePagesSurp = h.surplus;
    i.hugetlb = h.total * i.hugepagesize;
    i.hasDirectMap1G = !a.is32bit;
    const std::uint64_t mapped
        = a.lowmemLimitBytes ? std::min(m.config.ramBytes, a.lowmemLimitBytes) : m.config.ramBytes;
    const DirectMapPages d = directMap(mapped, i.hugepagesize * KiB, i.hasDirectMap1G);
    i.directMap4k = d.small * 4;
    i.directMapLarge = d.large * i.hugepagesize;
    i.directMap1G = d.huge * (GiB / KiB);
    return i;
}

std::optional<MemInfo> parseMeminfo(std::string_view text)
{
    MemInfo i;
    i.hasUnaccepted = false;
    i.hasDirectMap1G = false;
    i.hugepagesize = 0;
    struct Field {
        std::string_view label;
        std::uint64_t MemInfo::*field;
    };
    static const Field fields[] = {
        { "MemTotal", &MemInfo::memTotal },
        { "MemFree", &MemInfo::memFree },
        { "MemAvailable", &MemInfo::memAvailable },
        { "Buffers", &MemInfo::buffers },
        { "Cached", &MemInfo::cached },
        { "SwapCached", &MemInfo::swapCached },
        { "Active(anon)", &MemInfo::activeAnon },
        { "Inactive(anon)", &MemInfo::inactiveAnon },
        { "Active(file)", &MemInfo::activeFile },
        { "Inactive(file)", &MemInfo::inactiveFile },
        { "Unevictable", &MemInfo::unevictable },
        { "Mlocked", &MemInfo::mlocked },
        { "HighTotal", &MemInfo::highTotal },
        { "HighFree", &MemInfo::highFree },
        { "LowTotal", &MemInfo::lowTotal },
        { "LowFree", &MemInfo::lowFree },
        { "SwapTotal", &MemInfo::swapTotal },
        { "SwapFree", &MemInfo::swapFree },
        { "Zswap", &MemInfo::zswap },
        { "Zswapped", &MemInfo::zswapped },
        { "Dirty", &MemInfo::dirty },
        { "Writeback", &MemInfo::writeback },
        { "AnonPages", &MemInfo::anonPages },
        { "Mapped", &MemInfo::mapped },
        { "Shmem", &MemInfo::shmem },
        { "SReclaimable", &MemInfo::sReclaimable },
        { "SUnreclaim", &MemInfo::sUnreclaim },
        { "KernelStack", &MemInfo::kernelStack },
        { "PageTables", &MemInfo::pageTables },
        { "SecPageTables", &MemInfo::secPageTables },
        { "Bounce", &MemInfo::bounce },
        { "WritebackTmp", &MemInfo::writebackTmp },
        { "CommitLimit", &MemInfo::commitLimit },
        { "Committed_AS", &MemInfo::committedAs },
        { "VmallocTotal", &MemInfo::vmallocTotal },
        { "VmallocUsed", &MemInfo::vmallocUsed },
        { "Percpu", &MemInfo::percpu },
        { "HardwareCorrupted", &MemInfo::hardwareCorrupted },
        { "AnonHugePages", &MemInfo::anonHugePages },
        { "ShmemHugePages", &MemInfo::shmemHugePages },
        { "ShmemPmdMapped", &MemInfo::shmemPmdMapped },
        { "FileHugePages", &MemInfo::fileHugePages },
        { "FilePmdMapped", &MemInfo::filePmdMapped },
        { "CmaTotal", &MemInfo::cmaTotal },
        { "CmaFree", &MemInfo::cmaFree },
        { "Unaccepted", &MemInfo::unaccepted },
        { "HugePages_Total", &MemInfo::hugePagesTotal },
        { "HugePages_Free", &MemInfo::hugePagesFree },
        { "HugePages_Rsvd", &MemInfo::hugePagesRsvd },
        { "HugePages_Surp", &MemInfo::hugePagesSurp },
        { "Hugepagesize", &MemInfo::hugepagesize },
        { "Hugetlb", &MemInfo::hugetlb },
        { "DirectMap4k", &MemInfo::directMap4k },
        { "DirectMap2M", &MemInfo::directMapLarge },
        { "DirectMap4M", &MemInfo::directMapLarge },
        { "DirectMap1G", &MemInfo::directMap1G },
    };
    std::uint64_t kReclaimable = 0;
    bool haveKReclaimable = false;
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t eol = text.find('\n', pos);
        if (eol == std::string_view::npos) eol = text.size();
        const std::string_view line = text.substr(pos, eol - pos);
        pos = eol + 1;
        const std::size_t colon = line.find(':');
        if (colon == std::string_view::npos) continue;
        const std::string_view label = line.substr(0, colon);
        std::uint64_t* target = nullptr;
        for (const Field& f : fields)
            if (f.label == label) target = &(i.*f.field);
        if (label == "KReclaimable") target = &kReclaimable;
        if (!target) continue;
        std::size_t k = colon + 1;
        while (k < line.size() && line[k] == ' ') ++k;
        const char* first = line.data() + k;
        const char* last = line.data() + line.size();
        std::uint64_t v = 0;
        const auto r = std::from_chars(first, last, v);
        if (r.ec != std::errc() || r.ptr == first) return std::nullopt;
        const std::string_view rest(r.ptr, static_cast<std::size_t>(last - r.ptr));
        if (!rest.empty() && rest != " kB") return std::nullopt;
        *target = v;
        if (label == "HighTotal") i.hasHighmem = true;
        if (label == "Unaccepted") i.hasUnaccepted = true;
        if (label == "DirectMap1G") i.hasDirectMap1G = true;
        if (label == "DirectMap4M") i.largeIs4M = true;
        if (label == "KReclaimable") haveKReclaimable = true;
    }
    if (haveKReclaimable && kReclaimable >= i.sReclaimable) i.kernelMiscReclaimable = kReclaimable - i.sReclaimable;
    return i;
}

} // namespace memviz
