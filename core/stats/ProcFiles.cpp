// Formats /proc/buddyinfo, /proc/zoneinfo, /proc/meminfo and /proc/vmstat byte for byte as Linux 6.12 does.
#include "stats/ProcFiles.h"

#include "sim/Machine.h"
#include "stats/MemInfo.h"
#include "stats/Printf.h"

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

namespace memviz {

namespace {

using ull = unsigned long long;

struct Stat {
    const char* name;
    std::uint64_t value;
};

/// fls(): 1-based index of the highest set bit, 0 for 0.
int fls(std::uint64_t x)
{
    return x ? 64 - __builtin_clzll(x) : 0;
}

/// zone_batchsize(): ~0.1% of the zone or 1 MiB, whichever is smaller, /4, then
/// clamped to 2^n - 1 (power-of-two batches alias badly in the cache).
int zoneBatchsize(const Zone& z, std::uint64_t pageSize)
{
    std::int64_t batch = static_cast<std::int64_t>(std::min<std::uint64_t>(z.managed >> 10, (1u << 20) / pageSize));
    batch /= 4;
    if (batch < 1) batch = 1;
    batch = (std::int64_t(1) << (fls(static_cast<std::uint64_t>(batch + batch / 2)) - 1)) - 1;
    return static_cast<int>(std::max<std::int64_t>(1, batch)); // zone_set_pageset_high_and_batch: max(1, ...)
}

/// zone_highsize() with cpu_online = 0 (the call from setup_per_zone_wmarks): the
/// low watermark (fraction 0) or managed/fraction, split across the node's CPUs,
/// at least 4 batches.
int zoneHighsize(const Zone& z, int batch, int cpus, int fraction)
{
    const std::uint64_t total
        = fraction ? z.managed / static_cast<std::uint64_t>(fraction) : z.wmark[static_cast<int>(Wmark::Low)];
    const std::uint64_t nrSplitCpus = cpus > 0 ? static_cast<std::uint64_t>(cpus) : 1;
    const auto high = static_cast<std::int64_t>(total / nrSplitCpus);
    return static_cast<int>(std::max<std::int64_t>(high, std::int64_t(batch) << 2));
}

/// calculate_normal_threshold(): the per-CPU vmstat drift allowed before folding.
int normalThreshold(const Zone& z, int cpus, int pageShift)
{
    const std::uint64_t mem = z.managed >> (27 - pageShift); // 128 MiB units
    const int threshold = 2 * fls(static_cast<std::uint64_t>(std::max(cpus, 0))) * (1 + fls(mem));
    return std::min(125, threshold);
}

/// enum node_stat_item in 6.12 order (x86-64 Debian config: NUMA, MEMCG, SWAP, THP,
/// NUMA_BALANCING, IOMMU_SUPPORT). Node counters equal the global ones: memviz
/// simulates one node. THP items are in huge pages, nr_kernel_stack in kB.
std::vector<Stat> nodeStats(const Machine& m)
{
    const MemInfo i = computeMemInfo(m);
    const std::uint64_t kbPerPage = m.pageSize() / 1024;
    const bool is32 = m.config.arch.is32bit;
    const std::uint64_t hpagePmdNr = std::uint64_t(1)
        << (m.config.arch.levels.empty() ? 9 : m.config.arch.levels.back().bits);
    auto pages = [&](std::uint64_t kb) { return kb / kbPerPage; };
    auto thps = [&](std::uint64_t kb) { return pages(kb) / hpagePmdNr; };
    std::vector<Stat> s = {
        { "nr_inactive_anon", pages(i.inactiveAnon) },
        { "nr_active_anon", pages(i.activeAnon) },
        { "nr_inactive_file", pages(i.inactiveFile) },
        { "nr_active_file", pages(i.activeFile) },
        { "nr_unevictable", pages(i.unevictable) },
        { "nr_slab_reclaimable", pages(i.sReclaimable) },
        { "nr_slab_unreclaimable", pages(i.sUnreclaim) },
        { "nr_isolated_anon", 0 },
        { "nr_isolated_file", 0 },
        { "workingset_nodes", 0 },
        { "workingset_refault_anon", 0 },
        { "workingset_refault_file", 0 },
        { "workingset_activate_anon", 0 },
        { "workingset_activate_file", 0 },
        { "workingset_restore_anon", 0 },
        { "workingset_restore_file", 0 },
        { "workingset_nodereclaim", 0 },
        { "nr_anon_pages", pages(i.anonPages) },
        { "nr_mapped", pages(i.mapped) },
        { "nr_file_pages", pages(i.cached + i.buffers + i.swapCached) }, // NR_FILE_PAGES holds all three
        { "nr_dirty", pages(i.dirty) },
        { "nr_writeback", pages(i.writeback) },
        { "nr_writeback_temp", pages(i.writebackTmp) },
        { "nr_shmem", pages(i.shmem) },
        { "nr_shmem_hugepages", thps(i.shmemHugePages) },
        { "nr_shmem_pmdmapped", thps(i.shmemPmdMapped) },
        { "nr_file_hugepages", thps(i.fileHugePages) },
        { "nr_file_pmdmapped", thps(i.filePmdMapped) },
        { "nr_anon_transparent_hugepages", thps(i.anonHugePages) },
        { "nr_vmscan_write", 0 },
        { "nr_vmscan_immediate_reclaim", 0 },
        { "nr_dirtied", 0 },
        { "nr_written", 0 },
        { "nr_throttled_written", 0 },
        { "nr_kernel_misc_reclaimable", pages(i.kernelMiscReclaimable) },
        { "nr_foll_pin_acquired", 0 },
        { "nr_foll_pin_released", 0 },
        { "nr_kernel_stack", i.kernelStack },
        { "nr_page_table_pages", pages(i.pageTables) },
        { "nr_sec_page_table_pages", pages(i.secPageTables) },
        { "nr_iommu_pages", 0 },
        { "nr_swapcached", pages(i.swapCached) },
    };
    // CONFIG_NUMA_BALANCING is x86-64 only (ARCH_SUPPORTS_NUMA_BALANCING if X86_64).
    if (!is32) {
        s.push_back({ "pgpromote_success", 0 });
        s.push_back({ "pgpromote_candidate", 0 });
    }
    s.push_back({ "pgdemote_kswapd", 0 });
    s.push_back({ "pgdemote_direct", 0 });
    s.push_back({ "pgdemote_khugepaged", 0 });
    return s;
}

void appendStat(std::string& out, const Stat& s)
{
    appendf(out, "\n      %-12s %llu", s.name, static_cast<ull>(s.value));
}

} // namespace

std::string formatBuddyinfo(const Machine& m)
{
    std::string out;
    for (const Node& n : m.nodes)
        for (std::uint8_t zid : n.zones) {
            const Zone& z = m.zones[zid];
            if (!z.populated()) continue;
            appendf(out, "Node %d, zone %8s ", n.id, std::string(zoneTypeName(z.type)).c_str());
            for (int o = 0; o < kNrOrders; ++o)
                appendf(out, "%6llu ", static_cast<ull>(z.freeArea[static_cast<std::size_t>(o)].nrFree));
            out.push_back('\n');
        }
    return out;
}

std::string formatZoneinfo(const Machine& m)
{
    std::string out;
    const bool is32 = m.config.arch.is32bit;
    const int cpus = m.config.cpus;
    for (const Node& n : m.nodes) {
        bool firstPopulated = true;
        for (std::uint8_t zid : n.zones) {
            const Zone& z = m.zones[zid];
            appendf(out, "Node %d, zone %8s", n.id, std::string(zoneTypeName(z.type)).c_str());
            if (z.populated() && firstPopulated) {
                firstPopulated = false;
                out.append("\n  per-node stats");
                for (const Stat& s : nodeStats(m)) appendStat(out, s);
            }
            appendf(out,
                "\n  pages free     %llu"
                "\n        boost    %llu"
                "\n        min      %llu"
                "\n        low      %llu"
                "\n        high     %llu"
                "\n        promo    %llu"
                "\n        spanned  %llu"
                "\n        present  %llu"
                "\n        managed  %llu"
                "\n        cma      %llu",
                static_cast<ull>(z.freePages), static_cast<ull>(z.watermarkBoost), static_cast<ull>(z.mark(Wmark::Min)),
                static_cast<ull>(z.mark(Wmark::Low)), static_cast<ull>(z.mark(Wmark::High)),
                static_cast<ull>(z.mark(Wmark::Promo)), static_cast<ull>(z.spanned), static_cast<ull>(z.present),
                static_cast<ull>(z.managed), 0ull);
            // One protection entry per zone type the kernel is built with (MAX_NR_ZONES).
            appendf(out, "\n        protection: (%lld", static_cast<long long>(z.lowmemReserve[0]));
            for (std::size_t i = 1; i < n.zones.size(); ++i)
                appendf(out, ", %lld", static_cast<long long>(z.lowmemReserve[i]));
            out.push_back(')');
            if (!z.populated()) { // "If unpopulated, no other information is useful"
                out.push_back('\n');
                continue;
            }

            // enum zone_stat_item. Per-zone LRU, mlock, zsmalloc and CMA are not simulated.
            const Stat zoneStats[] = {
                { "nr_free_pages", z.freePages },
                { "nr_zone_inactive_anon", 0 },
                { "nr_zone_active_anon", 0 },
                { "nr_zone_inactive_file", 0 },
                { "nr_zone_active_file", 0 },
                { "nr_zone_unevictable", 0 },
                { "nr_zone_write_pending", 0 },
                { "nr_mlock", 0 },
                { "nr_bounce", 0 },
                { "nr_zspages", 0 },
                { "nr_free_cma", 0 },
            };
            for (const Stat& s : zoneStats) appendStat(out, s);
            if (!is32) appendStat(out, { "nr_unaccepted", 0 }); // CONFIG_UNACCEPTED_MEMORY: x86-64 only
            // CONFIG_NUMA (x86-64 only in memviz's configs [U] for 32-bit distro kernels).
            if (!is32) {
                const Stat numa[] = {
                    { "numa_hit", z.numaHit },
                    { "numa_miss", 0 },
                    { "numa_foreign", 0 },
                    { "numa_interleave", 0 },
                    { "numa_local", z.numaLocal },
                    { "numa_other", 0 },
                };
                for (const Stat& s : numa) appendStat(out, s);
            }

            // Per-CPU page lists are not simulated, so every list is empty (count 0).
            // batch/high_min/high_max are what zone_set_pageset_high_and_batch() computes
            // after setup_per_zone_wmarks() with percpu_pagelist_high_fraction 0 and
            // MIN_PERCPU_PAGELIST_HIGH_FRACTION 8. pcp->high is auto-tuned between
            // high_min and high_max and decays to high_min on an idle CPU; memviz shows
            // high_min. [U] A CPU that never used the list shows high 0 on a live 6.18
            // system (pcp->high is clamped up only on first use).
            out.append("\n  pagesets");
            const int batch = zoneBatchsize(z, m.pageSize());
            const int highMin = zoneHighsize(z, batch, cpus, 0);
            const int highMax = zoneHighsize(z, batch, cpus, 8);
            const int threshold = normalThreshold(z, cpus, m.config.arch.pageShift);
            for (int cpu = 0; cpu < cpus; ++cpu) {
                appendf(out,
                    "\n    cpu: %i"
                    "\n              count:    %i"
                    "\n              high:     %i"
                    "\n              batch:    %i"
                    "\n              high_min: %i"
                    "\n              high_max: %i",
                    cpu, 0, highMin, batch, highMin, highMax);
                appendf(out, "\n  vm stats threshold: %d", threshold);
            }
            // kswapd is not simulated yet, so kswapd_failures never reaches MAX_RECLAIM_RETRIES.
            appendf(out,
                "\n  node_unreclaimable:  %u"
                "\n  start_pfn:           %llu",
                0u, static_cast<ull>(z.startPfn));
            out.push_back('\n');
        }
    }
    return out;
}

std::string formatMeminfo(const Machine& m)
{
    const MemInfo i = computeMemInfo(m);
    std::string out;
    // show_val_kb(): the label literal, the value in 8 columns (wider values grow), " kB".
    auto kb = [&](const char* label, std::uint64_t v) {
        out.append(label);
        appendf(out, "%8llu kB\n", static_cast<ull>(v));
    };
    kb("MemTotal:       ", i.memTotal);
    kb("MemFree:        ", i.memFree);
    kb("MemAvailable:   ", i.memAvailable);
    kb("Buffers:        ", i.buffers);
    kb("Cached:         ", i.cached);
    kb("SwapCached:     ", i.swapCached);
    kb("Active:         ", i.activeAnon + i.activeFile);
    kb("Inactive:       ", i.inactiveAnon + i.inactiveFile);
    kb("Active(anon):   ", i.activeAnon);
    kb("Inactive(anon): ", i.inactiveAnon);
    kb("Active(file):   ", i.activeFile);
    kb("Inactive(file): ", i.inactiveFile);
    kb("Unevictable:    ", i.unevictable);
    kb("Mlocked:        ", i.mlocked);
    if (i.hasHighmem) { // CONFIG_HIGHMEM
        kb("HighTotal:      ", i.highTotal);
        kb("HighFree:       ", i.highFree);
        kb("LowTotal:       ", i.lowTotal);
        kb("LowFree:        ", i.lowFree);
    }
    kb("SwapTotal:      ", i.swapTotal);
    kb("SwapFree:       ", i.swapFree);
    kb("Zswap:          ", i.zswap);
    kb("Zswapped:       ", i.zswapped);
    kb("Dirty:          ", i.dirty);
    kb("Writeback:      ", i.writeback);
    kb("AnonPages:      ", i.anonPages);
    kb("Mapped:         ", i.mapped);
    kb("Shmem:          ", i.shmem);
    kb("KReclaimable:   ", i.kReclaimable());
    kb("Slab:           ", i.slab());
    kb("SReclaimable:   ", i.sReclaimable);
    kb("SUnreclaim:     ", i.sUnreclaim);
    kb("KernelStack:    ", i.kernelStack);
    kb("PageTables:     ", i.pageTables);
    kb("SecPageTables:  ", i.secPageTables);
    kb("NFS_Unstable:   ", 0);
    kb("Bounce:         ", i.bounce);
    kb("WritebackTmp:   ", i.writebackTmp);
    kb("CommitLimit:    ", i.commitLimit);
    kb("Committed_AS:   ", i.committedAs);
    kb("VmallocTotal:   ", i.vmallocTotal);
    kb("VmallocUsed:    ", i.vmallocUsed);
    kb("VmallocChunk:   ", 0);
    kb("Percpu:         ", i.percpu);
    appendf(out, "HardwareCorrupted: %5llu kB\n", static_cast<ull>(i.hardwareCorrupted));
    kb("AnonHugePages:  ", i.anonHugePages);
    kb("ShmemHugePages: ", i.shmemHugePages);
    kb("ShmemPmdMapped: ", i.shmemPmdMapped);
    kb("FileHugePages:  ", i.fileHugePages);
    kb("FilePmdMapped:  ", i.filePmdMapped);
    kb("CmaTotal:       ", i.cmaTotal);
    kb("CmaFree:        ", i.cmaFree);
    if (i.hasUnaccepted) kb("Unaccepted:     ", i.unaccepted);
    // hugetlb_report_meminfo()
    appendf(out,
        "HugePages_Total:   %5llu\n"
        "HugePages_Free:    %5llu\n"
        "HugePages_Rsvd:    %5llu\n"
        "HugePages_Surp:    %5llu\n",
        static_cast<ull>(i.hugePagesTotal), static_cast<ull>(i.hugePagesFree), static_cast<ull>(i.hugePagesRsvd),
        static_cast<ull>(i.hugePagesSurp));
    kb("Hugepagesize:   ", i.hugepagesize);
    kb("Hugetlb:        ", i.hugetlb);
    // arch_report_meminfo() (arch/x86/mm/pat/set_memory.c); 1G only with direct_gbpages.
    kb("DirectMap4k:    ", i.directMap4k);
    kb(i.largeIs4M ? "DirectMap4M:    " : "DirectMap2M:    ", i.directMapLarge);
    if (i.hasDirectMap1G) kb("DirectMap1G:    ", i.directMap1G);
    return out;
}

std::string formatVmstat(const Machine& m)
{
    std::string out;
    auto line = [&](const char* name, std::uint64_t v) { appendf(out, "%s %llu\n", name, static_cast<ull>(v)); };
    line("nr_free_pages", m.freePages());
    // Node items, in enum node_stat_item order (vmstat_text[] follows the enums).
    line("nr_anon_pages", m.vmc.anonPages);
    line("nr_mapped", m.vmc.fileMapped);
    line("nr_file_pages", m.vmc.filePages);
    line("nr_page_table_pages", m.vmc.pageTablePages);
    static const char* const pgallocNames[]
        = { "pgalloc_dma", "pgalloc_dma32", "pgalloc_normal", "pgalloc_high", "pgalloc_movable", "pgalloc_device" };
    const bool is32 = m.config.arch.is32bit;
    for (int t = 0; t < static_cast<int>(ZoneType::Count); ++t) {
        const auto zt = static_cast<ZoneType>(t);
        if (zt == ZoneType::Device) continue;
        if (zt == ZoneType::DMA32 && is32) continue;
        if (zt == ZoneType::HighMem && !is32) continue;
        line(pgallocNames[t], m.vm.pgalloc[static_cast<std::size_t>(t)]);
    }
    line("pgfree", m.vm.pgfree);
    line("pgfault", m.vmc.pgfault);
    line("pgmajfault", m.vmc.pgmajfault);
    return out;
}

} // namespace memviz
