#pragma once
/// /proc/meminfo values (kB unless noted) as fs/proc/meminfo.c, si_mem_available(),
/// hugetlb_report_meminfo() and the x86 arch_report_meminfo() compute them (Linux 6.12).
///
/// Every line of the 6.12 x86 file has a field here. Fields of subsystems the
/// simulator does not model yet (slab, swap use, vmalloc, hugetlb ...) stay 0 until
/// those subsystems fill them in computeMemInfo(); the page cache, anonymous pages,
/// page tables and Committed_AS come from virtual memory (vm/).

#include <cstdint>
#include <optional>
#include <string_view>

namespace memviz {

struct Machine;

struct MemInfo {
    std::uint64_t memTotal = 0, memFree = 0, memAvailable = 0;
    std::uint64_t buffers = 0, cached = 0, swapCached = 0;
    std::uint64_t activeAnon = 0, inactiveAnon = 0, activeFile = 0, inactiveFile = 0;
    std::uint64_t unevictable = 0, mlocked = 0;
    bool hasHighmem = false; ///< CONFIG_HIGHMEM (32-bit presets): the High/Low lines exist
    std::uint64_t highTotal = 0, highFree = 0, lowTotal = 0, lowFree = 0;
    std::uint64_t swapTotal = 0, swapFree = 0;
    std::uint64_t zswap = 0, zswapped = 0;
    std::uint64_t dirty = 0, writeback = 0, anonPages = 0, mapped = 0, shmem = 0;
    std::uint64_t kernelMiscReclaimable = 0; ///< NR_KERNEL_MISC_RECLAIMABLE (KReclaimable minus SReclaimable)
    std::uint64_t sReclaimable = 0, sUnreclaim = 0;
    std::uint64_t kernelStack = 0, pageTables = 0, secPageTables = 0;
    std::uint64_t bounce = 0, writebackTmp = 0;
    std::uint64_t commitLimit = 0, committedAs = 0;
    std::uint64_t vmallocTotal = 0, vmallocUsed = 0, percpu = 0;
    std::uint64_t hardwareCorrupted = 0;
    std::uint64_t anonHugePages = 0, shmemHugePages = 0, shmemPmdMapped = 0, fileHugePages = 0, filePmdMapped = 0;
    std::uint64_t cmaTotal = 0, cmaFree = 0;
    bool hasUnaccepted = true; ///< CONFIG_UNACCEPTED_MEMORY (x86-64 only)
    std::uint64_t unaccepted = 0;
    /// Default hstate: counts in huge pages, size in kB. Hugetlb is kB over all hstates.
    std::uint64_t hugePagesTotal = 0, hugePagesFree = 0, hugePagesRsvd = 0, hugePagesSurp = 0;
    std::uint64_t hugepagesize = 2048, hugetlb = 0;
    /// The kernel's direct mapping by page size (kB). `directMapLarge` is 2M pages,
    /// or 4M pages on non-PAE x86-32; 1G pages exist on 64-bit only.
    std::uint64_t directMap4k = 0, directMapLarge = 0, directMap1G = 0;
    bool largeIs4M = false;
    bool hasDirectMap1G = true;

    std::uint64_t kReclaimable() const { return sReclaimable + kernelMiscReclaimable; }
    std::uint64_t slab() const { return sReclaimable + sUnreclaim; }
};

MemInfo computeMemInfo(const Machine& m);

/// Pages of slab caches (NR_SLAB_RECLAIMABLE_B or NR_SLAB_UNRECLAIMABLE_B in pages; the
/// unreclaimable count includes large kmalloc blocks).
std::uint64_t slabPages(const Machine& m, bool reclaimable);

/// si_mem_available() in pages.
std::uint64_t memAvailablePages(const Machine& m);

/// Reads the text of a /proc/meminfo (a real one or formatMeminfo's) into the
/// fields `free` needs and every other known line; unknown lines are ignored,
/// missing lines stay 0. Nothing when a known line is malformed.
std::optional<MemInfo> parseMeminfo(std::string_view text);

} // namespace memviz
