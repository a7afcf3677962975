// Formats /proc/buddyinfo, /proc/zoneinfo, /proc/meminfo and /proc/vmstat byte for byte as Linux 6.12 does.
#include "stats/ProcFiles.h"

#include "phys/Numa.h"
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
                // memviz keeps one set of node counters (one lruvec): node 0 shows them,
                // the other nodes show zeros.
                for (const Stat& s : nodeStats(m)) appendStat(out, { s.name, n.id == 0 ? s.value : 0 });
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
                    { "numa_miss", z.numaMiss },
                    { "numa_foreign", z.numaForeign },
                    { "numa_interleave", 0 },
                    { "numa_local", z.numaLocal },
                    { "numa_other", z.numaOther },
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
            // nr_split_cpus: the CPUs of the zone's node, all online CPUs when it has none.
            const auto nodeCpuCount = static_cast<int>(numa::nodeCpus(m.config, n.id).size());
            const int splitCpus = nodeCpuCount ? nodeCpuCount : cpus;
            const int highMin = zoneHighsize(z, batch, splitCpus, 0);
            const int highMax = zoneHighsize(z, batch, splitCpus, 8);
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

namespace {

/// Pages of a zone on the file LRU lists (the zone's NR_ZONE_INACTIVE_FILE + NR_ZONE_ACTIVE_FILE).
std::uint64_t zoneFileLruPages(const Machine& m, const Zone& z)
{
    std::uint64_t n = 0;
    const Pfn end = std::min<Pfn>(z.endPfn(), m.frames.size());
    for (Pfn p = z.startPfn; p < end; ++p) {
        const std::uint8_t l = m.pageExt.lru(p);
        if (l != kNoLru && lruIsFile(static_cast<LruList>(l))) ++n;
    }
    return n;
}

} // namespace

DirtyLimits dirtyLimits(const Machine& m)
{
    // global_dirtyable_memory(): free pages above the reserves plus the file LRU, less the
    // dirtyable highmem (vm_highmem_is_dirtyable = 0), plus one.
    std::uint64_t x = m.freePages();
    x -= std::min(x, m.totalreservePages);
    x += m.lru[LruList::InactiveFile].size + m.lru[LruList::ActiveFile].size;
    std::uint64_t high = 0;
    for (const Zone& z : m.zones) {
        if (z.type != ZoneType::HighMem || !z.populated()) continue;
        std::uint64_t nr = z.freePages;
        nr -= std::min(nr, z.mark(Wmark::High));
        high += nr + zoneFileLruPages(m, z);
    }
    x -= std::min(high, x);
    x += 1;
    // domain_dirty_limits() with vm.dirty_ratio 20 and vm.dirty_background_ratio 10, the
    // ratios first converted to per-PAGE_SIZE units.
    const std::uint64_t page = m.pageSize();
    const std::uint64_t ratio = 20 * page / 100, bgRatio = 10 * page / 100;
    DirtyLimits d;
    d.thresh = ratio * x / page;
    d.bgThresh = bgRatio * x / page;
    if (d.bgThresh >= d.thresh) d.bgThresh = d.thresh / 2;
    return d;
}

std::string formatVmstat(const Machine& m)
{
    // vmstat_text[] of Linux 6.12 (mm/vmstat.c) for Debian's x86 configs: zone items, NUMA
    // events (64-bit), node items, the global items, then the events. Counters of things
    // memviz does not simulate are 0.
    std::string out;
    auto line = [&](const char* name, std::uint64_t v) { appendf(out, "%s %llu\n", name, static_cast<ull>(v)); };
    const bool is32 = m.config.arch.is32bit;
    const MemInfo i = computeMemInfo(m);
    const std::uint64_t kbPerPage = std::max<std::uint64_t>(1, m.pageSize() / 1024);
    auto pages = [&](std::uint64_t kb) { return kb / kbPerPage; };

    // enum zone_stat_item, summed over the zones (the LRU items equal the node's lists).
    line("nr_free_pages", m.freePages());
    line("nr_zone_inactive_anon", m.lru[LruList::InactiveAnon].size);
    line("nr_zone_active_anon", m.lru[LruList::ActiveAnon].size);
    line("nr_zone_inactive_file", m.lru[LruList::InactiveFile].size);
    line("nr_zone_active_file", m.lru[LruList::ActiveFile].size);
    line("nr_zone_unevictable", m.lru[LruList::Unevictable].size);
    line("nr_zone_write_pending", pages(i.dirty + i.writeback));
    line("nr_mlock", pages(i.mlocked));
    line("nr_bounce", 0);
    line("nr_zspages", 0);
    line("nr_free_cma", 0);
    if (!is32) line("nr_unaccepted", 0); // CONFIG_UNACCEPTED_MEMORY
    if (!is32) { // CONFIG_NUMA: enum numa_stat_item
        std::uint64_t hit = 0, miss = 0, foreign = 0, local = 0, other = 0;
        for (const Zone& z : m.zones) {
            hit += z.numaHit;
            miss += z.numaMiss;
            foreign += z.numaForeign;
            local += z.numaLocal;
            other += z.numaOther;
        }
        line("numa_hit", hit);
        line("numa_miss", miss);
        line("numa_foreign", foreign);
        line("numa_interleave", 0);
        line("numa_local", local);
        line("numa_other", other);
    }
    for (const Stat& s : nodeStats(m)) line(s.name, s.value); // enum node_stat_item
    // enum vm_stat_item
    const DirtyLimits d = dirtyLimits(m);
    line("nr_dirty_threshold", d.thresh);
    line("nr_dirty_background_threshold", d.bgThresh);
    line("nr_memmap_pages", 0);
    line("nr_memmap_boot_pages", (m.config.memmapBytes() + m.pageSize() - 1) / m.pageSize());

    // enum vm_event_item
    const ReclaimCounters& rc = m.rc;
    line("pgpgin", rc.pgpgin);
    line("pgpgout", rc.pgpgout);
    line("pswpin", rc.pswpin);
    line("pswpout", rc.pswpout);
    // TEXTS_FOR_ZONES(): one counter per zone type the kernel is built with.
    static const char* const zoneSuffix[] = { "_dma", "_dma32", "_normal", "_high", "_movable", "_device" };
    auto perZone = [&](const char* prefix, auto value) {
        for (std::uint8_t zid : m.nodes[0].zones) {
            const auto t = static_cast<std::size_t>(m.zones[zid].type);
            const std::string name = std::string(prefix) + zoneSuffix[t];
            line(name.c_str(), value(m.zones[zid].type));
        }
    };
    perZone("pgalloc", [&](ZoneType t) { return m.vm.pgalloc[static_cast<std::size_t>(t)]; });
    // Direct reclaim is counted against the allocation's highest zone: ZONE_MOVABLE for the
    // user pages (GFP_HIGHUSER_MOVABLE) that memviz's direct reclaim serves.
    perZone("allocstall", [&](ZoneType t) { return t == ZoneType::Movable ? rc.allocstall : std::uint64_t(0); });
    perZone("pgskip", [&](ZoneType) { return std::uint64_t(0); });
    line("pgfree", m.vm.pgfree);
    line("pgactivate", rc.pgactivate);
    line("pgdeactivate", rc.pgdeactivate);
    line("pglazyfree", 0);
    line("pgfault", m.vmc.pgfault);
    line("pgmajfault", m.vmc.pgmajfault);
    line("pglazyfreed", 0);
    line("pgrefill", rc.pgrefill);
    line("pgreuse", 0);
    line("pgsteal_kswapd", rc.pgstealKswapd);
    line("pgsteal_direct", rc.pgstealDirect);
    line("pgsteal_khugepaged", 0);
    line("pgscan_kswapd", rc.pgscanKswapd);
    line("pgscan_direct", rc.pgscanDirect);
    line("pgscan_khugepaged", 0);
    line("pgscan_direct_throttle", 0);
    line("pgscan_anon", rc.pgscanAnon);
    line("pgscan_file", rc.pgscanFile);
    line("pgsteal_anon", rc.pgstealAnon);
    line("pgsteal_file", rc.pgstealFile);
    if (!is32) { // CONFIG_NUMA
        line("zone_reclaim_success", 0);
        line("zone_reclaim_failed", 0);
    }
    line("pginodesteal", 0);
    line("slabs_scanned", 0);
    line("kswapd_inodesteal", 0);
    line("kswapd_low_wmark_hit_quickly", 0);
    line("kswapd_high_wmark_hit_quickly", 0);
    line("pageoutrun", rc.pageoutrun);
    line("pgrotated", rc.pgrotated);
    line("drop_pagecache", rc.dropPagecache);
    line("drop_slab", 0);
    line("oom_kill", rc.oomKill);
    if (!is32) { // CONFIG_NUMA_BALANCING
        for (const char* n : { "numa_pte_updates", "numa_huge_pte_updates", "numa_hint_faults",
                 "numa_hint_faults_local", "numa_pages_migrated" })
            line(n, 0);
    }
    for (const char* n : { "pgmigrate_success", "pgmigrate_fail", "thp_migration_success", "thp_migration_fail",
             "thp_migration_split", // CONFIG_MIGRATION
             "compact_migrate_scanned", "compact_free_scanned", "compact_isolated", "compact_stall", "compact_fail",
             "compact_success", "compact_daemon_wake", "compact_daemon_migrate_scanned",
             "compact_daemon_free_scanned", // CONFIG_COMPACTION
             "htlb_buddy_alloc_success", "htlb_buddy_alloc_fail", // CONFIG_HUGETLB_PAGE
             "cma_alloc_success", "cma_alloc_fail", // CONFIG_CMA
             "unevictable_pgs_culled", "unevictable_pgs_scanned", "unevictable_pgs_rescued", "unevictable_pgs_mlocked",
             "unevictable_pgs_munlocked", "unevictable_pgs_cleared", "unevictable_pgs_stranded" })
        line(n, 0);
    // CONFIG_TRANSPARENT_HUGEPAGE
    line("thp_fault_alloc", rc.thpFaultAlloc);
    line("thp_fault_fallback", rc.thpFaultFallback);
    for (const char* n : { "thp_fault_fallback_charge", "thp_collapse_alloc", "thp_collapse_alloc_failed",
             "thp_file_alloc", "thp_file_fallback", "thp_file_fallback_charge", "thp_file_mapped" })
        line(n, 0);
    line("thp_split_page", m.vmc.thpSplitPage);
    for (const char* n : { "thp_split_page_failed", "thp_deferred_split_page", "thp_underused_split_page" })
        line(n, 0);
    line("thp_split_pmd", m.vmc.thpSplitPmd);
    for (const char* n : { "thp_scan_exceed_none_pte", "thp_scan_exceed_swap_pte", "thp_scan_exceed_share_pte" })
        line(n, 0);
    if (!is32) line("thp_split_pud", 0); // CONFIG_HAVE_ARCH_TRANSPARENT_HUGEPAGE_PUD
    for (const char* n : { "thp_zero_page_alloc", "thp_zero_page_alloc_failed", "thp_swpout", "thp_swpout_fallback",
             "balloon_inflate", "balloon_deflate", "balloon_migrate" }) // CONFIG_MEMORY_BALLOON
        line(n, 0);
    // CONFIG_SWAP
    line("swap_ra", rc.swapRa);
    line("swap_ra_hit", rc.swapRaHit);
    for (const char* n : { "ksm_swpin_copy", "cow_ksm", // CONFIG_KSM
             "zswpin", "zswpout", "zswpwb", // CONFIG_ZSWAP
             "direct_map_level2_splits", "direct_map_level3_splits" }) // CONFIG_X86
        line(n, 0);
    // vmstat_show(): the counter removed in 5.8, kept for userspace that reads it.
    line("nr_unstable", 0);
    return out;
}

} // namespace memviz
