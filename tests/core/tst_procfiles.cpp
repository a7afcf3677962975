// /proc/buddyinfo, /proc/zoneinfo and /proc/meminfo text: the 6.12 layout, values
// worked out by hand from the boot layout and the kernel formulas, and golden files
// (tests/fixtures/procfiles, also the inputs of the free(1) fixtures).

#include "TestUtil.h"

#include "check/Checker.h"
#include "stats/MemInfo.h"
#include "stats/ProcFiles.h"

#include <QTest>

#include <cstdio>

using namespace memviz;
using namespace memviz::test;
using namespace Qt::StringLiterals;

namespace {

std::vector<std::string> lines(const std::string& text)
{
    std::vector<std::string> out;
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t eol = text.find('\n', pos);
        if (eol == std::string::npos) eol = text.size();
        out.push_back(text.substr(pos, eol - pos));
        pos = eol + 1;
    }
    return out;
}

/// The block of one zone in zoneinfo: from its "Node 0, zone ..." line to the next.
std::string zoneBlock(const std::string& zoneinfo, const char* zone)
{
    char head[64];
    std::snprintf(head, sizeof head, "Node 0, zone %8s\n", zone);
    const std::size_t start = zoneinfo.find(head);
    if (start == std::string::npos) return {};
    const std::size_t end = zoneinfo.find("Node 0, zone ", start + 1);
    return zoneinfo.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

std::string buddyLine(const char* zone, std::vector<unsigned long> counts)
{
    std::string s;
    char buf[64];
    std::snprintf(buf, sizeof buf, "Node 0, zone %8s ", zone);
    s += buf;
    for (unsigned long c : counts) {
        std::snprintf(buf, sizeof buf, "%6lu ", c);
        s += buf;
    }
    return s + "\n";
}

/// The node items of 6.12 (formats.md §1.2), typed out independently of the code.
const char* const kNodeItems64[] = {
    "nr_inactive_anon",
    "nr_active_anon",
    "nr_inactive_file",
    "nr_active_file",
    "nr_unevictable",
    "nr_slab_reclaimable",
    "nr_slab_unreclaimable",
    "nr_isolated_anon",
    "nr_isolated_file",
    "workingset_nodes",
    "workingset_refault_anon",
    "workingset_refault_file",
    "workingset_activate_anon",
    "workingset_activate_file",
    "workingset_restore_anon",
    "workingset_restore_file",
    "workingset_nodereclaim",
    "nr_anon_pages",
    "nr_mapped",
    "nr_file_pages",
    "nr_dirty",
    "nr_writeback",
    "nr_writeback_temp",
    "nr_shmem",
    "nr_shmem_hugepages",
    "nr_shmem_pmdmapped",
    "nr_file_hugepages",
    "nr_file_pmdmapped",
    "nr_anon_transparent_hugepages",
    "nr_vmscan_write",
    "nr_vmscan_immediate_reclaim",
    "nr_dirtied",
    "nr_written",
    "nr_throttled_written",
    "nr_kernel_misc_reclaimable",
    "nr_foll_pin_acquired",
    "nr_foll_pin_released",
    "nr_kernel_stack",
    "nr_page_table_pages",
    "nr_sec_page_table_pages",
    "nr_iommu_pages",
    "nr_swapcached",
    "pgpromote_success",
    "pgpromote_candidate",
    "pgdemote_kswapd",
    "pgdemote_direct",
    "pgdemote_khugepaged",
};

/// /proc/vmstat of Linux 6.12 on x86-64 (Debian config: NUMA, NUMA_BALANCING, ZONE_DEVICE,
/// UNACCEPTED_MEMORY, CMA, KSM, ZSWAP, MEMORY_BALLOON, THP with PUD), in vmstat_text[] order,
/// typed from mm/vmstat.c and include/linux/vm_event_item.h. The node items in between are
/// kNodeItems64.
const char* const kVmstatZone64[] = {
    "nr_free_pages",
    "nr_zone_inactive_anon",
    "nr_zone_active_anon",
    "nr_zone_inactive_file",
    "nr_zone_active_file",
    "nr_zone_unevictable",
    "nr_zone_write_pending",
    "nr_mlock",
    "nr_bounce",
    "nr_zspages",
    "nr_free_cma",
    "nr_unaccepted",
    "numa_hit",
    "numa_miss",
    "numa_foreign",
    "numa_interleave",
    "numa_local",
    "numa_other",
};
const char* const kVmstatEvents64[] = {
    "nr_dirty_threshold",
    "nr_dirty_background_threshold",
    "nr_memmap_pages",
    "nr_memmap_boot_pages",
    "pgpgin",
    "pgpgout",
    "pswpin",
    "pswpout",
    "pgalloc_dma",
    "pgalloc_dma32",
    "pgalloc_normal",
    "pgalloc_movable",
    "pgalloc_device",
    "allocstall_dma",
    "allocstall_dma32",
    "allocstall_normal",
    "allocstall_movable",
    "allocstall_device",
    "pgskip_dma",
    "pgskip_dma32",
    "pgskip_normal",
    "pgskip_movable",
    "pgskip_device",
    "pgfree",
    "pgactivate",
    "pgdeactivate",
    "pglazyfree",
    "pgfault",
    "pgmajfault",
    "pglazyfreed",
    "pgrefill",
    "pgreuse",
    "pgsteal_kswapd",
    "pgsteal_direct",
    "pgsteal_khugepaged",
    "pgscan_kswapd",
    "pgscan_direct",
    "pgscan_khugepaged",
    "pgscan_direct_throttle",
    "pgscan_anon",
    "pgscan_file",
    "pgsteal_anon",
    "pgsteal_file",
    "zone_reclaim_success",
    "zone_reclaim_failed",
    "pginodesteal",
    "slabs_scanned",
    "kswapd_inodesteal",
    "kswapd_low_wmark_hit_quickly",
    "kswapd_high_wmark_hit_quickly",
    "pageoutrun",
    "pgrotated",
    "drop_pagecache",
    "drop_slab",
    "oom_kill",
    "numa_pte_updates",
    "numa_huge_pte_updates",
    "numa_hint_faults",
    "numa_hint_faults_local",
    "numa_pages_migrated",
    "pgmigrate_success",
    "pgmigrate_fail",
    "thp_migration_success",
    "thp_migration_fail",
    "thp_migration_split",
    "compact_migrate_scanned",
    "compact_free_scanned",
    "compact_isolated",
    "compact_stall",
    "compact_fail",
    "compact_success",
    "compact_daemon_wake",
    "compact_daemon_migrate_scanned",
    "compact_daemon_free_scanned",
    "htlb_buddy_alloc_success",
    "htlb_buddy_alloc_fail",
    "cma_alloc_success",
    "cma_alloc_fail",
    "unevictable_pgs_culled",
    "unevictable_pgs_scanned",
    "unevictable_pgs_rescued",
    "unevictable_pgs_mlocked",
    "unevictable_pgs_munlocked",
    "unevictable_pgs_cleared",
    "unevictable_pgs_stranded",
    "thp_fault_alloc",
    "thp_fault_fallback",
    "thp_fault_fallback_charge",
    "thp_collapse_alloc",
    "thp_collapse_alloc_failed",
    "thp_file_alloc",
    "thp_file_fallback",
    "thp_file_fallback_charge",
    "thp_file_mapped",
    "thp_split_page",
    "thp_split_page_failed",
    "thp_deferred_split_page",
    "thp_underused_split_page",
    "thp_split_pmd",
    "thp_scan_exceed_none_pte",
    "thp_scan_exceed_swap_pte",
    "thp_scan_exceed_share_pte",
    "thp_split_pud",
    "thp_zero_page_alloc",
    "thp_zero_page_alloc_failed",
    "thp_swpout",
    "thp_swpout_fallback",
    "balloon_inflate",
    "balloon_deflate",
    "balloon_migrate",
    "swap_ra",
    "swap_ra_hit",
    "ksm_swpin_copy",
    "cow_ksm",
    "zswpin",
    "zswpout",
    "zswpwb",
    "direct_map_level2_splits",
    "direct_map_level3_splits",
    "nr_unstable",
};

const char* const kMeminfoLabels64[] = {
    "MemTotal",
    "MemFree",
    "MemAvailable",
    "Buffers",
    "Cached",
    "SwapCached",
    "Active",
    "Inactive",
    "Active(anon)",
    "Inactive(anon)",
    "Active(file)",
    "Inactive(file)",
    "Unevictable",
    "Mlocked",
    "SwapTotal",
    "SwapFree",
    "Zswap",
    "Zswapped",
    "Dirty",
    "Writeback",
    "AnonPages",
    "Mapped",
    "Shmem",
    "KReclaimable",
    "Slab",
    "SReclaimable",
    "SUnreclaim",
    "KernelStack",
    "PageTables",
    "SecPageTables",
    "NFS_Unstable",
    "Bounce",
    "WritebackTmp",
    "CommitLimit",
    "Committed_AS",
    "VmallocTotal",
    "VmallocUsed",
    "VmallocChunk",
    "Percpu",
    "HardwareCorrupted",
    "AnonHugePages",
    "ShmemHugePages",
    "ShmemPmdMapped",
    "FileHugePages",
    "FilePmdMapped",
    "CmaTotal",
    "CmaFree",
    "Unaccepted",
    "HugePages_Total",
    "HugePages_Free",
    "HugePages_Rsvd",
    "HugePages_Surp",
    "Hugepagesize",
    "Hugetlb",
    "DirectMap4k",
    "DirectMap2M",
    "DirectMap1G",
};

std::string meminfoValue(const std::string& meminfo, const std::string& label)
{
    for (const std::string& l : lines(meminfo))
        if (l.rfind(label + ":", 0) == 0) {
            std::string v = l.substr(label.size() + 1);
            const auto first = v.find_first_not_of(' ');
            return first == std::string::npos ? std::string() : v.substr(first);
        }
    return "<missing>";
}

} // namespace

class TestProcFiles : public QObject {
    Q_OBJECT
private slots:
    void buddyinfoAtBoot_data();
    void buddyinfoAtBoot();
    void buddyinfoAfterSplit();
    void zoneinfoPerNodeStats();
    void zoneinfoWatermarksSeed8g_data();
    void zoneinfoWatermarksSeed8g();
    void zoneinfoZoneStatsAndNuma();
    void zoneinfoPagesets_data();
    void zoneinfoPagesets();
    void zoneinfoPagesetsMatchLiveKernel();
    void zoneinfoEmptyZones();
    void zoneinfoLongLines();
    void zoneinfo32bit();
    void meminfoLabels_data();
    void meminfoLabels();
    void meminfoValuesSeed8g();
    void meminfoDirectMap_data();
    void meminfoDirectMap();
    void meminfoParsesBack();
    void vmstatNames_data();
    void vmstatNames();
    void vmstatValuesSeed8g();
    void golden_data();
    void golden();
};

void TestProcFiles::buddyinfoAtBoot_data()
{
    QTest::addColumn<QString>("preset");
    QTest::addColumn<QString>("ram");
    QTest::addColumn<QString>("expected");
    // seed-8g: DMA holds [0x100, 0x1000) = 256@o8 + 512@o9 + 3x1024@o10 (as a real
    // x86-64 machine shows). DMA32 is [16M, 4G) minus the 16 MiB kernel image at
    // 16 MiB: [8192, 1048576) = 1016 blocks of 1024. Normal [4G, 8G) minus memmap
    // (2 Mi frames x 64 B = 32768 pages) and boot allocations (74404 pages) at the
    // top: 941404 pages = 919 x 1024 + 348, 348 = 256 + 64 + 16 + 8 + 4.
    QTest::newRow("seed-8g") << u"seed-8g"_s << QString()
                             << QString::fromStdString(buddyLine("DMA", { 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 3 })
                                    + buddyLine("DMA32", { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1016 })
                                    + buddyLine("Normal", { 0, 0, 1, 1, 1, 0, 1, 0, 1, 0, 919 }));
    // x86-64 with 64 MiB: no Normal zone. DMA32 [4096, 16384) minus the kernel image
    // [4096, 8192) and the memmap (16384 x 64 B = 256 pages) at the top:
    // [8192, 16128) = 7 x 1024 + 512 + 256.
    QTest::newRow("x86-64 64M") << u"x86-64"_s << u"64M"_s
                                << QString::fromStdString(buddyLine("DMA", { 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 3 })
                                       + buddyLine("DMA32", { 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 7 }));
    // x86-32 with 2 GiB: Normal is [16M, 896M) minus the 8 MiB image at 16 MiB and
    // the memmap (512 Ki frames x 64 B = 8192 pages) below 896 MiB:
    // [6144, 221184) = 210 x 1024. HighMem [896M, 2G) = 288 x 1024.
    QTest::newRow("x86-32 2G") << u"x86-32"_s << QString()
                               << QString::fromStdString(buddyLine("DMA", { 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 3 })
                                      + buddyLine("Normal", { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 210 })
                                      + buddyLine("HighMem", { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 288 }));
}

void TestProcFiles::buddyinfoAtBoot()
{
    QFETCH(QString, preset);
    QFETCH(QString, ram);
    QFETCH(QString, expected);
    const QByteArray p = preset.toLatin1(), r = ram.toLatin1();
    const Simulator s = boot(p.constData(), ram.isEmpty() ? nullptr : r.constData());
    QCOMPARE(QString::fromStdString(formatBuddyinfo(s.current())), expected);
}

void TestProcFiles::buddyinfoAfterSplit()
{
    // One order-0 page from Normal comes out of the only order-2 block: one block
    // each goes onto the order-1 and order-0 lists, the order-2 list empties.
    Simulator s = boot("seed-8g");
    QVERIFY(s.apply(Command::allocPages(0)).pfn.has_value());
    const std::string text = formatBuddyinfo(s.current());
    QVERIFY(text.find(buddyLine("Normal", { 1, 1, 0, 1, 1, 0, 1, 0, 1, 0, 919 })) != std::string::npos);
    for (const std::string& l : lines(text)) QCOMPARE(l.back(), ' '); // frag_show_print ends each line with a space
}

void TestProcFiles::zoneinfoPerNodeStats()
{
    const Simulator s = boot("seed-8g");
    const std::string z = formatZoneinfo(s.current());
    const auto ls = lines(z);
    QCOMPARE(ls[0], std::string("Node 0, zone      DMA"));
    QCOMPARE(ls[1], std::string("  per-node stats"));
    const std::size_t n = std::size(kNodeItems64);
    QCOMPARE(n, std::size_t(47));
    for (std::size_t i = 0; i < n; ++i) {
        char expect[80];
        std::snprintf(expect, sizeof expect, "      %-12s 0", kNodeItems64[i]);
        QCOMPARE(ls[2 + i], std::string(expect));
    }
    QCOMPARE(ls[2 + n], std::string("  pages free     3840"));
    // Short names are padded to 12 columns, long ones get exactly one space.
    QVERIFY(z.find("\n      nr_mapped    0\n") != std::string::npos);
    QVERIFY(z.find("\n      nr_anon_transparent_hugepages 0\n") != std::string::npos);
    // Only the first populated zone of the node carries the per-node block.
    QCOMPARE(zoneBlock(z, "DMA32").find("per-node"), std::string::npos);
    QCOMPARE(zoneBlock(z, "Normal").find("per-node"), std::string::npos);
}

void TestProcFiles::zoneinfoWatermarksSeed8g_data()
{
    QTest::addColumn<QString>("zone");
    QTest::addColumn<QString>("expected");
    // pages_min = 67584 kB / 4 = 16896; lowmem = 3840 + 1040384 + 941404 = 1985628.
    // min = 16896 * managed / lowmem; delta = max(min / 4, managed * 10 / 10000).
    // protection[j] = managed of zones (i, j] / ratio (256 for DMA and DMA32).
    QTest::newRow("DMA") << u"DMA"_s
                         << u"  pages free     3840\n"
                            "        boost    0\n"
                            "        min      32\n"
                            "        low      40\n"
                            "        high     48\n"
                            "        promo    56\n"
                            "        spanned  4095\n"
                            "        present  3998\n"
                            "        managed  3840\n"
                            "        cma      0\n"
                            "        protection: (0, 4064, 7741, 7741, 7741)\n"_s;
    QTest::newRow("DMA32") << u"DMA32"_s
                           << u"  pages free     1040384\n"
                              "        boost    0\n"
                              "        min      8852\n"
                              "        low      11065\n"
                              "        high     13278\n"
                              "        promo    15491\n"
                              "        spanned  1044480\n"
                              "        present  1044480\n"
                              "        managed  1040384\n"
                              "        cma      0\n"
                              "        protection: (0, 0, 3677, 3677, 3677)\n"_s;
    QTest::newRow("Normal") << u"Normal"_s
                            << u"  pages free     941404\n"
                               "        boost    0\n"
                               "        min      8010\n"
                               "        low      10012\n"
                               "        high     12014\n"
                               "        promo    14016\n"
                               "        spanned  1048576\n"
                               "        present  1048576\n"
                               "        managed  941404\n"
                               "        cma      0\n"
                               "        protection: (0, 0, 0, 0, 0)\n"_s;
}

void TestProcFiles::zoneinfoWatermarksSeed8g()
{
    QFETCH(QString, zone);
    QFETCH(QString, expected);
    const Simulator s = boot("seed-8g");
    const std::string block = zoneBlock(formatZoneinfo(s.current()), zone.toLatin1().constData());
    QVERIFY(!block.empty());
    const std::size_t at = block.find("  pages free");
    QVERIFY(at != std::string::npos);
    QCOMPARE(QString::fromStdString(block.substr(at, static_cast<std::size_t>(expected.size()))), expected);
}

void TestProcFiles::zoneinfoZoneStatsAndNuma()
{
    Simulator s = boot("seed-8g");
    for (int i = 0; i < 3; ++i) s.apply(Command::allocPages(1));
    const std::string block = zoneBlock(formatZoneinfo(s.current()), "Normal");
    const std::string expected = "        protection: (0, 0, 0, 0, 0)\n"
                                 "      nr_free_pages 941398\n"
                                 "      nr_zone_inactive_anon 0\n"
                                 "      nr_zone_active_anon 0\n"
                                 "      nr_zone_inactive_file 0\n"
                                 "      nr_zone_active_file 0\n"
                                 "      nr_zone_unevictable 0\n"
                                 "      nr_zone_write_pending 0\n"
                                 "      nr_mlock     0\n"
                                 "      nr_bounce    0\n"
                                 "      nr_zspages   0\n"
                                 "      nr_free_cma  0\n"
                                 "      nr_unaccepted 0\n"
                                 "      numa_hit     3\n"
                                 "      numa_miss    0\n"
                                 "      numa_foreign 0\n"
                                 "      numa_interleave 0\n"
                                 "      numa_local   3\n"
                                 "      numa_other   0\n"
                                 "  pagesets\n"
                                 "    cpu: 0\n";
    QVERIFY2(block.find(expected) != std::string::npos, block.c_str());
    // The trailer closes every populated zone.
    const std::string trailer = "\n  node_unreclaimable:  0\n  start_pfn:           1048576\n";
    QVERIFY(block.size() > trailer.size());
    QCOMPARE(block.substr(block.size() - trailer.size()), trailer);
}

void TestProcFiles::zoneinfoPagesets_data()
{
    QTest::addColumn<QString>("zone");
    QTest::addColumn<int>("batch");
    QTest::addColumn<int>("highMin");
    QTest::addColumn<int>("highMax");
    QTest::addColumn<int>("threshold");
    // seed-8g has 20 CPUs, fls(20) = 5.
    // batch = rounddown_pow_of_two(b + b/2) - 1 with b = max(1, min(managed >> 10, 256) / 4);
    // high_min = max(low / 20, 4 * batch); high_max = max(managed / 8 / 20, 4 * batch);
    // threshold = min(125, 2 * fls(20) * (1 + fls(managed >> 15))).
    QTest::newRow("DMA") << u"DMA"_s << 1 << 4 << 24 << 10; // b = 3/4 -> 1; 40/20 = 2 < 4
    QTest::newRow("DMA32") << u"DMA32"_s << 63 << 553 << 6502 << 60; // b = 64 -> 96 -> 64 - 1; fls(31) = 5
    QTest::newRow("Normal") << u"Normal"_s << 63 << 500 << 5883 << 60; // 10012/20; 117675/20; fls(28) = 5
}

void TestProcFiles::zoneinfoPagesets()
{
    QFETCH(QString, zone);
    QFETCH(int, batch);
    QFETCH(int, highMin);
    QFETCH(int, highMax);
    QFETCH(int, threshold);
    const Simulator s = boot("seed-8g");
    const std::string block = zoneBlock(formatZoneinfo(s.current()), zone.toLatin1().constData());
    for (int cpu = 0; cpu < 20; ++cpu) {
        char expect[400];
        std::snprintf(expect, sizeof expect,
            "\n    cpu: %d\n"
            "              count:    0\n"
            "              high:     %d\n"
            "              batch:    %d\n"
            "              high_min: %d\n"
            "              high_max: %d\n"
            "  vm stats threshold: %d\n",
            cpu, highMin, batch, highMin, highMax, threshold);
        QVERIFY2(block.find(expect) != std::string::npos, expect);
    }
    QVERIFY(block.find("    cpu: 20\n") == std::string::npos);
}

void TestProcFiles::zoneinfoPagesetsMatchLiveKernel()
{
    // Numbers read from /proc/zoneinfo of a live 2-CPU kernel: DMA (managed 3840,
    // low 58) shows batch 1, high_min 29, high_max 240, threshold 4; DMA32 (managed
    // 772915, low 11945) shows batch 63, high_min 5972, high_max 48307, threshold 24.
    Machine m = boot("x86-64", "64M").current();
    m.config.cpus = 2;
    m.zones[0].wmark[static_cast<int>(Wmark::Low)] = 58;
    m.zones[1].managed = 772915;
    m.zones[1].wmark[static_cast<int>(Wmark::Low)] = 11945;
    const std::string z = formatZoneinfo(m);
    QVERIFY(zoneBlock(z, "DMA").find("              batch:    1\n"
                                     "              high_min: 29\n"
                                     "              high_max: 240\n"
                                     "  vm stats threshold: 4\n")
        != std::string::npos);
    QVERIFY(zoneBlock(z, "DMA32")
                .find("              batch:    63\n"
                      "              high_min: 5972\n"
                      "              high_max: 48307\n"
                      "  vm stats threshold: 24\n")
        != std::string::npos);
}

void TestProcFiles::zoneinfoEmptyZones()
{
    const Simulator s = boot("seed-8g");
    const std::string z = formatZoneinfo(s.current());
    // An unpopulated zone: the watermark block and protection, nothing else. Movable
    // is clamped to SWAP_CLUSTER_MAX; Device counts as lowmem, so its min is 0.
    const std::string tail = "Node 0, zone  Movable\n"
                             "  pages free     0\n"
                             "        boost    0\n"
                             "        min      32\n"
                             "        low      32\n"
                             "        high     32\n"
                             "        promo    32\n"
                             "        spanned  0\n"
                             "        present  0\n"
                             "        managed  0\n"
                             "        cma      0\n"
                             "        protection: (0, 0, 0, 0, 0)\n"
                             "Node 0, zone   Device\n"
                             "  pages free     0\n"
                             "        boost    0\n"
                             "        min      0\n"
                             "        low      0\n"
                             "        high     0\n"
                             "        promo    0\n"
                             "        spanned  0\n"
                             "        present  0\n"
                             "        managed  0\n"
                             "        cma      0\n"
                             "        protection: (0, 0, 0, 0, 0)\n";
    QVERIFY(z.size() > tail.size());
    QCOMPARE(z.substr(z.size() - tail.size()), tail);
    // Five zones in zone-index order.
    std::vector<std::string> heads;
    for (const std::string& l : lines(z))
        if (l.rfind("Node ", 0) == 0) heads.push_back(l);
    QCOMPARE(heads,
        (std::vector<std::string> { "Node 0, zone      DMA", "Node 0, zone    DMA32", "Node 0, zone   Normal",
            "Node 0, zone  Movable", "Node 0, zone   Device" }));
}

void TestProcFiles::zoneinfoLongLines()
{
    // The watermark block is one printf; with 20-digit counters it is longer than any
    // fixed buffer and must still come out whole.
    Machine m = boot("x86-64", "64M").current();
    Zone& z = m.zones[1];
    z.freePages = z.spanned = z.present = z.managed = 18446744073709551615ull;
    z.wmark = { 12345678901234567890ull, 12345678901234567891ull, 12345678901234567892ull, 12345678901234567893ull };
    const std::string block = zoneBlock(formatZoneinfo(m), "DMA32");
    QVERIFY(block.find("\n        promo    12345678901234567893\n        spanned  18446744073709551615\n"
                       "        present  18446744073709551615\n        managed  18446744073709551615\n"
                       "        cma      0\n        protection: (")
        != std::string::npos);
}

void TestProcFiles::zoneinfo32bit()
{
    const Simulator s = boot("x86-32");
    const std::string z = formatZoneinfo(s.current());
    std::vector<std::string> heads;
    for (const std::string& l : lines(z))
        if (l.rfind("Node ", 0) == 0) heads.push_back(l);
    QCOMPARE(heads,
        (std::vector<std::string> {
            "Node 0, zone      DMA", "Node 0, zone   Normal", "Node 0, zone  HighMem", "Node 0, zone  Movable" }));
    const std::string high = zoneBlock(z, "HighMem");
    // HighMem: min clamped to 128 (294912 / 1024 = 288); four protection entries.
    QVERIFY(high.find("\n        min      128\n") != std::string::npos);
    QVERIFY(high.find("\n        protection: (0, 0, 0, 0)\n") != std::string::npos);
    // No NUMA, so no numa_* lines and no NUMA-balancing node items.
    QCOMPARE(z.find("numa_hit"), std::string::npos);
    QCOMPARE(z.find("pgpromote"), std::string::npos);
    QCOMPARE(z.find("nr_unaccepted"), std::string::npos);
    QVERIFY(z.find("      pgdemote_khugepaged 0\n") != std::string::npos);
    // x86-32 has 2 CPUs by default: two pagesets per populated zone.
    QVERIFY(high.find("    cpu: 1\n") != std::string::npos);
    QCOMPARE(high.find("    cpu: 2\n"), std::string::npos);
}

void TestProcFiles::meminfoLabels_data()
{
    QTest::addColumn<QString>("preset");
    QTest::addColumn<QStringList>("labels");
    QStringList l64;
    for (const char* l : kMeminfoLabels64) l64 << QString::fromLatin1(l);
    QStringList lla57 = l64;
    // 32-bit: HighTotal..LowFree after Mlocked, no Unaccepted, no 1G direct map.
    QStringList l32 = l64;
    l32.removeAll(u"Unaccepted"_s);
    l32.removeAll(u"DirectMap1G"_s);
    const int at = static_cast<int>(l32.indexOf(u"Mlocked"_s)) + 1;
    l32.insert(at, u"LowFree"_s);
    l32.insert(at, u"LowTotal"_s);
    l32.insert(at, u"HighFree"_s);
    l32.insert(at, u"HighTotal"_s);
    QStringList lpae = l32;
    QStringList lnonpae = l32;
    lnonpae.replace(lnonpae.indexOf(u"DirectMap2M"_s), u"DirectMap4M"_s);
    QTest::newRow("x86-64") << u"x86-64"_s << l64;
    QTest::newRow("x86-64-la57") << u"x86-64-la57"_s << lla57;
    QTest::newRow("x86-pae") << u"x86-pae"_s << lpae;
    QTest::newRow("x86-32") << u"x86-32"_s << lnonpae;
}

void TestProcFiles::meminfoLabels()
{
    QFETCH(QString, preset);
    QFETCH(QStringList, labels);
    const Simulator s = boot(preset.toLatin1().constData(), "1G");
    QStringList got;
    for (const std::string& l : lines(formatMeminfo(s.current()))) {
        const auto colon = l.find(':');
        QVERIFY(colon != std::string::npos);
        got << QString::fromStdString(l.substr(0, colon));
        // Label and padding take 16 columns; the value is right-aligned in 8 more.
        if (l.rfind("HugePages_", 0) == 0) {
            QCOMPARE(l.size(), std::size_t(24)); // "HugePages_Total:   %5lu"
        } else if (l.rfind("HardwareCorrupted", 0) == 0) {
            QCOMPARE(l, std::string("HardwareCorrupted:     0 kB"));
        } else if (l.rfind("VmallocTotal", 0) != 0) {
            QCOMPARE(l.size(), std::size_t(27));
            QCOMPARE(l.substr(24), std::string(" kB"));
        }
    }
    QCOMPARE(got, labels);
}

void TestProcFiles::meminfoValuesSeed8g()
{
    const Simulator s = boot("seed-8g");
    const std::string mi = formatMeminfo(s.current());
    // MemTotal of the notes; all free at boot. MemAvailable = free - totalreserve,
    // totalreserve = Σ min(managed, high + max protection) = 3840 + (13278 + 3677)
    // + 12014 = 32809 pages; nothing cached yet.
    QCOMPARE(meminfoValue(mi, "MemTotal"), std::string("7942512 kB"));
    QCOMPARE(meminfoValue(mi, "MemFree"), std::string("7942512 kB"));
    QCOMPARE(meminfoValue(mi, "MemAvailable"), std::string("7811276 kB"));
    QCOMPARE(meminfoValue(mi, "SwapTotal"), std::string("2097152 kB"));
    QCOMPARE(meminfoValue(mi, "SwapFree"), std::string("2097152 kB"));
    // vm_commit_limit(): totalram * 50% + swap = 1985628 / 2 + 524288 pages.
    QCOMPARE(meminfoValue(mi, "CommitLimit"), std::string("6068408 kB"));
    QCOMPARE(meminfoValue(mi, "VmallocTotal"), std::string("34359738367 kB"));
    QCOMPARE(meminfoValue(mi, "Hugepagesize"), std::string("2048 kB"));
    QCOMPARE(meminfoValue(mi, "HugePages_Total"), std::string("0"));
    QVERIFY(mi.find("\nVmallocTotal:   34359738367 kB\n") != std::string::npos); // wider than 8: just grows
    QVERIFY(mi.find("\nHugePages_Total:       0\n") != std::string::npos);
    QVERIFY(mi.find("\nHardwareCorrupted:     0 kB\n") != std::string::npos);

    // Allocating moves MemFree and MemAvailable by exactly the pages taken.
    Simulator busy = boot("seed-8g");
    for (int i = 0; i < 10; ++i) busy.apply(Command::allocPages(10));
    const std::string mb = formatMeminfo(busy.current());
    QCOMPARE(meminfoValue(mb, "MemFree"), std::to_string(7942512 - 10 * 4096) + " kB");
    QCOMPARE(meminfoValue(mb, "MemAvailable"), std::to_string(7811276 - 10 * 4096) + " kB");
    QCOMPARE(meminfoValue(mb, "MemTotal"), std::string("7942512 kB"));
}

void TestProcFiles::meminfoDirectMap_data()
{
    QTest::addColumn<QString>("preset");
    QTest::addColumn<QString>("ram");
    QTest::addColumn<QString>("expected");
    // 4k for the first large page, large pages up to 1 GiB, 1G pages for whole GiB
    // above, then large pages and 4k for an unaligned end.
    QTest::newRow("x86-64 8G") << u"x86-64"_s << u"8G"_s
                               << u"DirectMap4k:        2048 kB\n"
                                  "DirectMap2M:     1046528 kB\n" // 511 x 2 MiB
                                  "DirectMap1G:     7340032 kB\n"_s; // 7 GiB
    QTest::newRow("x86-64 8G+6M+12K") << u"x86-64"_s << u"8394764K"_s
                                      << u"DirectMap4k:        2060 kB\n" // 2048 + 12
                                         "DirectMap2M:     1052672 kB\n" // (511 + 3) x 2 MiB
                                         "DirectMap1G:     7340032 kB\n"_s;
    QTest::newRow("x86-64 64M") << u"x86-64"_s << u"64M"_s
                                << u"DirectMap4k:        2048 kB\n"
                                   "DirectMap2M:       63488 kB\n"
                                   "DirectMap1G:           0 kB\n"_s;
    QTest::newRow("x86-64 1G") << u"x86-64"_s << u"1G"_s
                               << u"DirectMap4k:        2048 kB\n"
                                  "DirectMap2M:     1046528 kB\n"
                                  "DirectMap1G:           0 kB\n"_s;
    // 32-bit: only lowmem (896 MiB) is mapped; non-PAE uses 4 MiB pages.
    QTest::newRow("x86-32 2G") << u"x86-32"_s << u"2G"_s
                               << u"DirectMap4k:        4096 kB\n"
                                  "DirectMap4M:      913408 kB\n"_s; // 223 x 4 MiB
    QTest::newRow("x86-pae 4G") << u"x86-pae"_s << u"4G"_s
                                << u"DirectMap4k:        2048 kB\n"
                                   "DirectMap2M:      915456 kB\n"_s; // 447 x 2 MiB
    QTest::newRow("x86-32 512M") << u"x86-32"_s << u"512M"_s
                                 << u"DirectMap4k:        4096 kB\n"
                                    "DirectMap4M:      520192 kB\n"_s;
}

void TestProcFiles::meminfoDirectMap()
{
    QFETCH(QString, preset);
    QFETCH(QString, ram);
    QFETCH(QString, expected);
    const Simulator s = boot(preset.toLatin1().constData(), ram.toLatin1().constData());
    const std::string mi = formatMeminfo(s.current());
    const std::size_t at = mi.find("DirectMap4k:");
    QVERIFY(at != std::string::npos);
    QCOMPARE(QString::fromStdString(mi.substr(at)), expected);
    // The direct map covers exactly the mapped RAM.
    const MemInfo i = computeMemInfo(s.current());
    const std::uint64_t lowmem = s.config().arch.lowmemLimitBytes;
    const std::uint64_t mapped = lowmem ? std::min(s.config().ramBytes, lowmem) : s.config().ramBytes;
    QCOMPARE((i.directMap4k + i.directMapLarge + i.directMap1G) * 1024, mapped);
}

void TestProcFiles::meminfoParsesBack()
{
    Simulator s = boot("x86-32");
    for (int i = 0; i < 5; ++i) s.apply(Command::allocPages(3, ZoneType::HighMem));
    const MemInfo a = computeMemInfo(s.current());
    const auto b = parseMeminfo(formatMeminfo(s.current()));
    QVERIFY(b.has_value());
    QCOMPARE(b->memTotal, a.memTotal);
    QCOMPARE(b->memFree, a.memFree);
    QCOMPARE(b->memAvailable, a.memAvailable);
    QCOMPARE(b->highTotal, a.highTotal);
    QCOMPARE(b->highFree, a.highFree);
    QCOMPARE(b->lowTotal, a.lowTotal);
    QCOMPARE(b->lowFree, a.lowFree);
    QCOMPARE(b->hasHighmem, true);
    QCOMPARE(b->commitLimit, a.commitLimit);
    QCOMPARE(b->directMapLarge, a.directMapLarge);
    QCOMPARE(b->largeIs4M, true);
    QCOMPARE(b->hugepagesize, std::uint64_t(4096));
    QVERIFY(!parseMeminfo("MemTotal:       12x kB\n").has_value());
    QVERIFY(!parseMeminfo("MemTotal:  kB\n").has_value());
    QVERIFY(parseMeminfo("Whatever: 12 apples\nMemFree: 5 kB\n")->memFree == 5);
}

void TestProcFiles::vmstatNames_data()
{
    QTest::addColumn<QString>("preset");
    QTest::addColumn<QStringList>("names");
    QStringList n64;
    for (const char* n : kVmstatZone64) n64 << QString::fromLatin1(n);
    for (const char* n : kNodeItems64) n64 << QString::fromLatin1(n);
    for (const char* n : kVmstatEvents64) n64 << QString::fromLatin1(n);
    // x86-32: no NUMA (numa_*, pgpromote_*, zone_reclaim_*, NUMA balancing), no
    // unaccepted memory, no DMA32 or Device zone but HighMem, no PUD-sized THP.
    QStringList n32 = n64;
    for (const QString& gone : { u"nr_unaccepted"_s, u"numa_hit"_s, u"numa_miss"_s, u"numa_foreign"_s,
             u"numa_interleave"_s, u"numa_local"_s, u"numa_other"_s, u"pgpromote_success"_s, u"pgpromote_candidate"_s,
             u"zone_reclaim_success"_s, u"zone_reclaim_failed"_s, u"numa_pte_updates"_s, u"numa_huge_pte_updates"_s,
             u"numa_hint_faults"_s, u"numa_hint_faults_local"_s, u"numa_pages_migrated"_s, u"thp_split_pud"_s })
        n32.removeAll(gone);
    for (const QString& prefix : { u"pgalloc"_s, u"allocstall"_s, u"pgskip"_s }) {
        n32.removeAll(prefix + u"_dma32"_s);
        n32.removeAll(prefix + u"_device"_s);
        n32.insert(n32.indexOf(prefix + u"_movable"_s), prefix + u"_high"_s);
    }
    QTest::newRow("x86-64") << u"x86-64"_s << n64;
    QTest::newRow("x86-64-la57") << u"x86-64-la57"_s << n64;
    QTest::newRow("x86-pae") << u"x86-pae"_s << n32;
    QTest::newRow("x86-32") << u"x86-32"_s << n32;
}

void TestProcFiles::vmstatNames()
{
    QFETCH(QString, preset);
    QFETCH(QStringList, names);
    const Simulator s = boot(preset.toLatin1().constData(), "1G");
    QStringList got;
    for (const std::string& l : lines(formatVmstat(s.current()))) {
        const auto space = l.find(' ');
        QVERIFY(space != std::string::npos && space + 1 < l.size());
        QVERIFY(l.find_first_not_of("0123456789", space + 1) == std::string::npos); // "%s %lu"
        got << QString::fromStdString(l.substr(0, space));
    }
    QCOMPARE(got, names);
}

void TestProcFiles::vmstatValuesSeed8g()
{
    const Simulator s = boot("seed-8g");
    const std::string v = formatVmstat(s.current());
    auto has = [&](const char* l) { return v.find(std::string("\n") + l + "\n") != std::string::npos; };
    // global_dirty_limits() at boot: dirtyable = free - totalreserve + file LRU + 1
    // = 1985628 - 32809 + 0 + 1 = 1952820 pages; thresh = (20 * 4096 / 100) * 1952820 / 4096
    // = 819 * 1952820 / 4096 = 390468, background = 409 * 1952820 / 4096 = 194995.
    QVERIFY(has("nr_dirty_threshold 390468"));
    QVERIFY(has("nr_dirty_background_threshold 194995"));
    // The boot allocator's memmap: 64 bytes per frame of 8 GiB = 128 MiB = 32768 pages.
    QVERIFY(has("nr_memmap_boot_pages 32768"));
    QVERIFY(v.rfind("nr_free_pages 1985628\n", 0) == 0);
    QVERIFY(has("nr_swapcached 0"));
    QVERIFY(v.size() > 15 && v.substr(v.size() - 15) == "\nnr_unstable 0\n");

    // x86-32, 2 GiB: the dirtyable HighMem (free above its high watermark, 294912 - 756)
    // is left out: 513792 - 13364 - 294156 + 1 = 206273 pages; 819 * 206273 / 4096 = 41244
    // and 409 * 206273 / 4096 = 20597.
    const std::string v32 = formatVmstat(boot("x86-32").current());
    QVERIFY(v32.find("\nnr_dirty_threshold 41244\nnr_dirty_background_threshold 20597\n") != std::string::npos);
}

void TestProcFiles::golden_data()
{
    QTest::addColumn<int>("index");
    QTest::addColumn<QString>("file");
    const auto machines = goldenMachines();
    for (int i = 0; i < static_cast<int>(machines.size()); ++i)
        for (const char* ext : { "buddyinfo", "zoneinfo", "meminfo" }) {
            const QString file = QString::fromLatin1(machines[static_cast<std::size_t>(i)].name) + QLatin1Char('.')
                + QString::fromLatin1(ext);
            QTest::newRow(qPrintable(file)) << i << file;
        }
}

void TestProcFiles::golden()
{
    QFETCH(int, index);
    QFETCH(QString, file);
    const GoldenMachine g = goldenMachines()[static_cast<std::size_t>(index)];
    Simulator s = boot(g.config);
    skipPerCommandCheck(s);
    if (g.workload) g.workload(s);
    QVERIFY(checkMachine(s.current()).empty());
    std::string text;
    if (file.endsWith(u".buddyinfo"_s))
        text = formatBuddyinfo(s.current());
    else if (file.endsWith(u".zoneinfo"_s))
        text = formatZoneinfo(s.current());
    else
        text = formatMeminfo(s.current());
    const QString rel = u"procfiles/"_s + file;
    if (updatingFixtures()) {
        writeFixture(rel, text);
        QSKIP("fixture written");
    }
    QCOMPARE(QString::fromStdString(text), QString::fromStdString(readFixture(rel)));
}

QTEST_GUILESS_MAIN(TestProcFiles)
#include "tst_procfiles.moc"
