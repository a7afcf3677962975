// Zone watermarks, min_free_kbytes, lowmem_reserve and totalreserve_pages at boot,
// checked against the formulas of reference §2 re-implemented here on their own.

#include "TestUtil.h"

#include "stats/MemInfo.h"

#include <QTest>

#include <algorithm>
#include <cmath>

using namespace memviz;
using namespace memviz::test;
using namespace Qt::StringLiterals;

namespace {

struct Marks {
    std::uint64_t min = 0, low = 0, high = 0, promo = 0;
};

bool highOrMovable(ZoneType t)
{
    return t == ZoneType::HighMem || t == ZoneType::Movable;
}

std::uint64_t isqrt(std::uint64_t x)
{
    auto r = static_cast<std::uint64_t>(std::sqrt(static_cast<double>(x)));
    while (r * r > x) --r;
    while ((r + 1) * (r + 1) <= x) ++r;
    return r;
}

/// __setup_per_zone_wmarks() for every zone of node 0, from the zones' managed pages.
std::vector<Marks> wmarks(const Machine& m, std::uint64_t minFreeKbytes, std::uint64_t scaleFactor)
{
    const std::uint64_t pagesMin = minFreeKbytes / 4;
    std::uint64_t lowmem = 0;
    for (const Zone& z : m.zones)
        if (!highOrMovable(z.type)) lowmem += z.managed;
    std::vector<Marks> out;
    for (const Zone& z : m.zones) {
        const std::uint64_t tmp = pagesMin * z.managed / lowmem;
        Marks w;
        w.min = highOrMovable(z.type) ? std::clamp<std::uint64_t>(z.managed / 1024, 32, 128) : tmp;
        // mult_frac(managed, scale, 10000) is managed * scale / 10000 without overflow.
        const std::uint64_t delta = std::max(tmp / 4, z.managed * scaleFactor / 10000);
        w.low = w.min + delta;
        w.high = w.low + delta;
        w.promo = w.high + delta;
        out.push_back(w);
    }
    return out;
}

/// nr_free_buffer_pages(): Σ (managed - high) over zones up to ZONE_NORMAL.
std::uint64_t freeBufferPages(const Machine& m, const std::vector<Marks>& w)
{
    std::uint64_t sum = 0;
    for (std::size_t i = 0; i < m.zones.size(); ++i) {
        const Zone& z = m.zones[i];
        if (z.type == ZoneType::HighMem || z.type == ZoneType::Movable || z.type == ZoneType::Device) continue;
        const std::uint64_t high = w.empty() ? 0 : w[i].high;
        if (z.managed > high) sum += z.managed - high;
    }
    return sum;
}

/// calculate_min_free_kbytes(), then khugepaged's recommendation when THP can be
/// enabled (memviz: every preset but non-PAE x86-32), then a user's sysctl value.
std::uint64_t minFreeKbytes(const Machine& m)
{
    std::uint64_t v = std::clamp<std::uint64_t>(isqrt(freeBufferPages(m, {}) * 4 * 16), 128, 262144);
    const MachineConfig& c = m.config;
    if (c.sysctl.thp != ThpMode::Never && c.arch.kind != ArchKind::X86_32) {
        std::uint64_t zones = 0;
        for (const Zone& z : m.zones)
            if (z.populated() && (z.type == ZoneType::DMA || z.type == ZoneType::DMA32 || z.type == ZoneType::Normal))
                ++zones;
        const std::uint64_t pageblock = 512; // 2 MiB
        std::uint64_t recommended = pageblock * zones * 2 + pageblock * zones * 3 * 3;
        recommended = std::min(recommended, freeBufferPages(m, wmarks(m, v, c.sysctl.watermarkScaleFactor)) / 20);
        if (recommended * 4 > v) v = recommended * 4;
    }
    if (c.sysctl.minFreeKbytes) v = c.sysctl.minFreeKbytes;
    return v;
}

/// setup_per_zone_lowmem_reserve(): zone i's protection against allocations that may
/// use zone j is the managed pages of zones i+1..j over the ratio of zone i.
std::vector<std::vector<std::uint64_t>> protection(const Machine& m)
{
    std::vector<std::vector<std::uint64_t>> out;
    const auto& ids = m.nodes[0].zones;
    for (std::size_t i = 0; i < ids.size(); ++i) {
        const Zone& z = m.zones[ids[i]];
        const std::uint32_t ratio = m.config.sysctl.lowmemReserveRatio[static_cast<int>(z.type)];
        std::vector<std::uint64_t> row(ids.size(), 0);
        std::uint64_t sum = 0;
        for (std::size_t j = i + 1; j < ids.size(); ++j) {
            sum += m.zones[ids[j]].managed;
            row[j] = (ratio == 0 || z.managed == 0) ? 0 : sum / ratio;
        }
        out.push_back(row);
    }
    return out;
}

MachineConfig variant(const char* preset, const char* ram, const std::function<void(MachineConfig&)>& edit = {})
{
    MachineConfig c = config(preset, ram);
    if (edit) edit(c);
    return c;
}

} // namespace

Q_DECLARE_METATYPE(memviz::MachineConfig)

class TestWatermarks : public QObject {
    Q_OBJECT
private slots:
    void seed8g();
    void formulas_data();
    void formulas();
    void highmemClamp_data();
    void highmemClamp();
    void emptyMovableZone();
};

void TestWatermarks::seed8g()
{
    // The notes' machine: x86-64, 8 GiB, THP "always", DMA + DMA32 + Normal populated.
    const Simulator s = boot("seed-8g");
    const Machine& m = s.current();
    // 512 pages per pageblock x 3 zones x (2 + 3 x 3) = 16896 pages.
    QCOMPARE(m.minFreeKbytes, std::uint64_t(67584));
    QCOMPARE(computeMemInfo(m).memTotal, std::uint64_t(7942512));
    QCOMPARE(m.totalramPages(), std::uint64_t(1985628));
    const Zone& dma = m.zones[m.zoneId(ZoneType::DMA)];
    const Zone& dma32 = m.zones[m.zoneId(ZoneType::DMA32)];
    const Zone& normal = m.zones[m.zoneId(ZoneType::Normal)];
    // min = 16896 * managed / 1985628; delta = max(min / 4, managed / 1000).
    QCOMPARE(dma.wmark, (std::array<std::uint64_t, 4> { 32, 40, 48, 56 }));
    QCOMPARE(dma32.wmark, (std::array<std::uint64_t, 4> { 8852, 11065, 13278, 15491 }));
    QCOMPARE(normal.wmark, (std::array<std::uint64_t, 4> { 8010, 10012, 12014, 14016 }));
    QCOMPARE(dma.lowmemReserve[1], std::uint64_t(4064)); // 1040384 / 256
    QCOMPARE(dma.lowmemReserve[2], std::uint64_t(7741)); // (1040384 + 941404) / 256
    QCOMPARE(dma32.lowmemReserve[2], std::uint64_t(3677));
    // Σ min(managed, high + max protection): 3840 + (13278 + 3677) + 12014.
    QCOMPARE(m.totalreservePages, std::uint64_t(32809));
}

void TestWatermarks::formulas_data()
{
    QTest::addColumn<MachineConfig>("config");
    QTest::addColumn<qulonglong>("expectedMinFreeKbytes"); // 0: only the formula
    QTest::newRow("seed-8g") << config("seed-8g") << 67584ull;
    QTest::newRow("x86-64 64M") << config("x86-64", "64M") << 0ull;
    QTest::newRow("x86-64 1G") << config("x86-64", "1G") << 0ull;
    QTest::newRow("x86-64 4352M") << config("x86-64", "4352M") << 67584ull;
    QTest::newRow("x86-64 16G") << config("x86-64", "16G") << 67584ull;
    QTest::newRow("x86-64-la57 1G") << config("x86-64-la57", "1G") << 0ull;
    QTest::newRow("x86-32 128M") << config("x86-32", "128M") << 0ull;
    QTest::newRow("x86-32 2G") << config("x86-32", "2G") << 3742ull; // sqrt((3840 + 215040) * 4 * 16)
    QTest::newRow("x86-32 4G") << config("x86-32", "4G") << 0ull;
    QTest::newRow("x86-pae 4G") << config("x86-pae", "4G") << 0ull;
    QTest::newRow("x86-pae 16G") << config("x86-pae", "16G") << 0ull;
    QTest::newRow("THP never: sqrt rule")
        << variant("x86-64", "8G", [](MachineConfig& c) { c.sysctl.thp = ThpMode::Never; }) << 0ull;
    QTest::newRow("watermark_scale_factor 1000")
        << variant("x86-64", "8G", [](MachineConfig& c) { c.sysctl.watermarkScaleFactor = 1000; }) << 0ull;
    QTest::newRow("user min_free_kbytes")
        << variant("x86-64", "2G", [](MachineConfig& c) { c.sysctl.minFreeKbytes = 100000; }) << 100000ull;
    QTest::newRow("lowmem_reserve_ratio") << variant("x86-64", "8G", [](MachineConfig& c) {
        c.sysctl.lowmemReserveRatio[0] = 1;
        c.sysctl.lowmemReserveRatio[1] = 0; // 0 disables DMA32's protection
        c.sysctl.lowmemReserveRatio[2] = 7;
    }) << 0ull;
}

void TestWatermarks::formulas()
{
    QFETCH(MachineConfig, config);
    QFETCH(qulonglong, expectedMinFreeKbytes);
    const Simulator s = boot(config);
    const Machine& m = s.current();
    const std::uint64_t mfk = minFreeKbytes(m);
    if (expectedMinFreeKbytes) QCOMPARE(mfk, std::uint64_t(expectedMinFreeKbytes));
    QCOMPARE(m.minFreeKbytes, mfk);
    const auto w = wmarks(m, mfk, config.sysctl.watermarkScaleFactor);
    const auto prot = protection(m);
    std::uint64_t totalreserve = 0;
    for (std::size_t i = 0; i < m.zones.size(); ++i) {
        const Zone& z = m.zones[i];
        const QByteArray name = QByteArray(zoneTypeName(z.type).data(), static_cast<int>(zoneTypeName(z.type).size()));
        QVERIFY2(z.watermarkBoost == 0, name);
        QVERIFY2(z.mark(Wmark::Min) == w[i].min, name);
        QVERIFY2(z.mark(Wmark::Low) == w[i].low, name);
        QVERIFY2(z.mark(Wmark::High) == w[i].high, name);
        QVERIFY2(z.mark(Wmark::Promo) == w[i].promo, name);
        for (std::size_t j = 0; j < prot[i].size(); ++j) QVERIFY2(z.lowmemReserve[j] == prot[i][j], name);
        const std::uint64_t maxProt
            = *std::max_element(prot[i].begin() + static_cast<std::ptrdiff_t>(i), prot[i].end());
        totalreserve += std::min(z.managed, w[i].high + maxProt);
    }
    QCOMPARE(m.totalreservePages, totalreserve);
    // MemAvailable at boot: free minus totalreserve (nothing cached yet).
    QCOMPARE(memAvailablePages(m), m.freePages() - totalreserve);
}

void TestWatermarks::highmemClamp_data()
{
    QTest::addColumn<QString>("preset");
    QTest::addColumn<QString>("ram");
    QTest::addColumn<qulonglong>("highmemManaged");
    QTest::addColumn<qulonglong>("min");
    // HighMem min = clamp(managed / 1024, SWAP_CLUSTER_MAX = 32, 128); the gaps to
    // low, high and promo are not capped.
    QTest::newRow("x86-32 2G: 288 -> 128") << u"x86-32"_s << u"2G"_s << 294912ull << 128ull;
    QTest::newRow("x86-32 1G: 32") << u"x86-32"_s << u"1G"_s << 32768ull << 32ull;
    QTest::newRow("x86-32 960M: 16 -> 32") << u"x86-32"_s << u"960M"_s << 16384ull << 32ull;
    QTest::newRow("x86-32 1152M: 64") << u"x86-32"_s << u"1152M"_s << 65536ull << 64ull;
    QTest::newRow("x86-pae 16G") << u"x86-pae"_s << u"16G"_s << 3964928ull << 128ull;
}

void TestWatermarks::highmemClamp()
{
    QFETCH(QString, preset);
    QFETCH(QString, ram);
    QFETCH(qulonglong, highmemManaged);
    QFETCH(qulonglong, min);
    const Simulator s = boot(preset.toLatin1().constData(), ram.toLatin1().constData());
    const Machine& m = s.current();
    const Zone& high = m.zones[m.zoneId(ZoneType::HighMem)];
    QCOMPARE(high.managed, std::uint64_t(highmemManaged)); // [896M, RAM): nothing reserved up there
    QCOMPARE(high.mark(Wmark::Min), std::uint64_t(min));
    std::uint64_t lowmem = 0;
    for (const Zone& z : m.zones)
        if (!highOrMovable(z.type)) lowmem += z.managed;
    const std::uint64_t tmp = m.minFreeKbytes / 4 * high.managed / lowmem;
    const std::uint64_t delta = std::max(tmp / 4, high.managed / 1000);
    QCOMPARE(high.mark(Wmark::Low), min + delta);
    QCOMPARE(high.mark(Wmark::High), min + 2 * delta);
    QCOMPARE(high.mark(Wmark::Promo), min + 3 * delta);
}

void TestWatermarks::emptyMovableZone()
{
    // for_each_zone() also visits unpopulated zones: Movable (highmem-like) gets the
    // SWAP_CLUSTER_MAX floor on all four marks; Device (lowmem-like) gets 0.
    for (const char* preset : { "seed-8g", "x86-64", "x86-32", "x86-pae", "x86-64-la57" }) {
        const Simulator s = boot(preset, "1G");
        const Machine& m = s.current();
        const Zone& movable = m.zones[m.zoneId(ZoneType::Movable)];
        QVERIFY(!movable.populated());
        QCOMPARE(movable.wmark, (std::array<std::uint64_t, 4> { 32, 32, 32, 32 }));
        if (m.zoneId(ZoneType::Device) != kNoZone)
            QCOMPARE(m.zones[m.zoneId(ZoneType::Device)].wmark, (std::array<std::uint64_t, 4> { 0, 0, 0, 0 }));
    }
}

QTEST_GUILESS_MAIN(TestWatermarks)
#include "tst_watermarks.moc"
