// The kernel's own address space: the per-architecture layout (x86-32's 3G/1G split with
// its 896 MiB direct map, HighMem, vmalloc area, pkmap window and fixmap; x86-64 4-level
// and LA57 from mm.rst), __pa()/__va(); vmalloc()/vfree() (pages mapped contiguously in
// the vmalloc area with a guard page between areas, frames scattered, torn down with a
// kernel TLB flush); kmap()/kunmap() slot reuse and the wrap flush, kmap_local's stack;
// kernel stacks at spawn/fork/exit; bad input refused with no event and no change;
// determinism. The kernel-mapping consistency check runs after every command.

#include "TestUtil.h"

#include "alloc/KernelMap.h"
#include "check/CheckKernelMap.h"
#include "sim/Apply.h"

#include <QTest>

#include <algorithm>
#include <set>

using namespace memviz;
using namespace memviz::test;

namespace {

constexpr std::uint64_t kPage = 4096;
constexpr Pfn kNone = ~Pfn(0);

/// Every consistency finding of the machine and of its kernel mappings.
std::vector<Finding> findings(const Machine& m)
{
    std::vector<Finding> f = checkMachine(m);
    checkKernelMappings(m, f);
    return f;
}

/// Applies a command that must be accepted; the consistency checks must stay clean.
CommandResult run(Simulator& s, const Command& c)
{
    const CommandResult r = s.apply(c);
    if (r.error)
        qFatal("command %s refused: %s", std::string(commandTypeName(c.type)).c_str(), errorCodeName(r.error.code));
    const auto f = findings(s.current());
    if (!f.empty()) qFatal("checker after %s: %s", std::string(commandTypeName(c.type)).c_str(), describe(f.front()).c_str());
    return r;
}

Command vmallocCmd(std::uint64_t len, int node = -1)
{
    Command c;
    c.type = CommandType::Vmalloc;
    c.len = len;
    c.node = node;
    return c;
}

Command vfreeCmd(std::uint64_t addr)
{
    Command c;
    c.type = CommandType::Vfree;
    c.addr = addr;
    return c;
}

Command kmapCmd(Pfn pfn, bool local = false)
{
    Command c;
    c.type = CommandType::Kmap;
    c.pfn = pfn;
    c.write = local;
    return c;
}

Command kunmapCmd(Pfn pfn)
{
    Command c;
    c.type = CommandType::Kunmap;
    c.pfn = pfn;
    return c;
}

Command kunmapLocalCmd(std::uint64_t addr)
{
    Command c;
    c.type = CommandType::Kunmap;
    c.write = true;
    c.addr = addr;
    return c;
}

std::uint64_t vmalloc(Simulator& s, std::uint64_t len) { return run(s, vmallocCmd(len)).value; }
std::uint64_t kmap(Simulator& s, Pfn pfn, bool local = false) { return run(s, kmapCmd(pfn, local)).value; }

Pfn allocPage(Simulator& s, ZoneType zone)
{
    const CommandResult r = run(s, Command::allocPages(0, zone));
    if (!r.pfn) qFatal("alloc_pages failed");
    return *r.pfn;
}

const VmArea& area(const Simulator& s, std::uint64_t addr)
{
    const VmArea* a = kmem::vmAreaAt(s.current(), addr);
    if (!a || a->addr != addr) qFatal("no vmalloc area at %llx", static_cast<unsigned long long>(addr));
    return *a;
}

/// What a refused command must leave alone.
struct KernelSnapshot {
    std::uint64_t events = 0, freePages = 0, vmallocPages = 0, stackPages = 0;
    std::vector<std::uint64_t> areas;
    std::vector<std::pair<Pfn, std::uint32_t>> pkmap;
    std::vector<Pfn> local;
    std::uint32_t lastPkmapNr = 0;
    bool operator==(const KernelSnapshot&) const = default;
};

KernelSnapshot snapshot(const Simulator& s)
{
    const Machine& m = s.current();
    KernelSnapshot k;
    k.events = s.eventCount();
    k.freePages = m.freePages();
    k.vmallocPages = m.kmem.vmallocPages;
    k.stackPages = m.kmem.kernelStackPages;
    for (const auto& [addr, a] : m.kmem.vmAreas) k.areas.push_back(addr);
    for (const PkmapSlot& p : m.kmem.pkmap) k.pkmap.emplace_back(p.page, p.count);
    k.local = m.kmem.kmapLocal;
    k.lastPkmapNr = m.kmem.lastPkmapNr;
    return k;
}

/// The command is refused with `code` (and a), and nothing changes.
void expectRefused(Simulator& s, const Command& c, ErrorCode code, std::int64_t a)
{
    const KernelSnapshot before = snapshot(s);
    const CommandResult r = s.apply(c);
    QCOMPARE(errorCodeName(r.error.code), errorCodeName(code));
    QCOMPARE(r.error.a, a);
    QCOMPARE(r.endEvent, r.firstEvent);
    QVERIFY(snapshot(s) == before);
}

std::uint64_t eventsOf(const Simulator& s, const CommandResult& r, EventType t)
{
    return countEvents(s, t, r.firstEvent, r.endEvent);
}

/// Events of type t and kind k (order) of the command's events.
std::vector<Event> eventsOf(const Simulator& s, const CommandResult& r, EventType t, std::uint8_t order)
{
    std::vector<Event> out;
    for (std::uint64_t i = r.firstEvent; i < r.endEvent; ++i)
        if (s.events()[i].type == t && s.events()[i].order == order) out.push_back(s.events()[i]);
    return out;
}

TlbFlushKind flushKind(const Event& e)
{
    return static_cast<TlbFlushKind>((e.flags >> EventFlag::FlushKindShift) & 0xF);
}

std::vector<Event> flushes(const Simulator& s, const CommandResult& r)
{
    std::vector<Event> out;
    for (std::uint64_t i = r.firstEvent; i < r.endEvent; ++i)
        if (s.events()[i].type == EventType::TlbFlush) out.push_back(s.events()[i]);
    return out;
}

} // namespace

class TestKernelSpace : public QObject {
    Q_OBJECT
private slots:
    void x86_32Zones_data();
    void x86_32Zones();
    void directMap_data();
    void directMap();
    void layout_data();
    void layout();
    void regionsCoverTheAddressSpace_data();
    void regionsCoverTheAddressSpace();
    void vmallocMapsPages_data();
    void vmallocMapsPages();
    void vmallocFramesScattered();
    void vfreeTearsDown_data();
    void vfreeTearsDown();
    void vmallocLimits();
    void kmapSlotReuse();
    void kmapWrapFlush();
    void kmapLowmemAnd64bit_data();
    void kmapLowmemAnd64bit();
    void kmapLocalStack();
    void kernelStacks_data();
    void kernelStacks();
    void vmallocinfo();
    void badInput_data();
    void badInput();
    void determinism();
    void eventJson();
};

void TestKernelSpace::x86_32Zones_data()
{
    QTest::addColumn<QString>("zone");
    QTest::addColumn<quint64>("startMiB");
    QTest::addColumn<quint64>("endMiB");
    QTest::newRow("DMA") << "DMA" << quint64(0) << quint64(16);
    QTest::newRow("Normal") << "Normal" << quint64(16) << quint64(896);
    QTest::newRow("HighMem") << "HighMem" << quint64(896) << quint64(2048);
}

void TestKernelSpace::x86_32Zones()
{
    QFETCH(QString, zone);
    QFETCH(quint64, startMiB);
    QFETCH(quint64, endMiB);
    const Simulator s = boot("x86-32", "2G");
    const Machine& m = s.current();
    ZoneType t;
    QVERIFY(zoneTypeFromName(zone.toStdString(), &t));
    const std::uint8_t z = m.zoneId(t);
    QVERIFY(z != kNoZone);
    QCOMPARE(m.zones[z].startPfn * kPage / MiB, startMiB); // DMA's start_pfn is 1: page 0 is never RAM
    QCOMPARE(m.zones[z].endPfn() * kPage, endMiB * MiB);
    // The direct map ends where HighMem begins.
    QCOMPARE(m.kmem.layout.highMemory, 0xC0000000ull + 896 * MiB);
    const Pfn first = m.zones[z].startPfn, last = m.zones[z].endPfn() - 1;
    QCOMPARE(kmem::isHighMemPage(m, first), t == ZoneType::HighMem);
    QCOMPARE(kmem::isHighMemPage(m, last), t == ZoneType::HighMem);
}

void TestKernelSpace::directMap_data()
{
    QTest::addColumn<QString>("preset");
    QTest::addColumn<quint64>("pa");
    QTest::addColumn<quint64>("va");
    QTest::addColumn<bool>("mapped"); ///< below high_memory: __pa(__va(pa)) == pa
    QTest::newRow("x86-32 0") << "x86-32" << quint64(0) << quint64(0xC0000000ull) << true;
    QTest::newRow("x86-32 16M") << "x86-32" << quint64(16 * MiB) << quint64(0xC1000000ull) << true;
    QTest::newRow("x86-32 last lowmem byte") << "x86-32" << quint64(896 * MiB - 1) << quint64(0xF7FFFFFFull) << true;
    QTest::newRow("x86-32 high_memory") << "x86-32" << quint64(896 * MiB) << quint64(0xF8000000ull) << false;
    QTest::newRow("x86-pae 16M") << "x86-pae" << quint64(16 * MiB) << quint64(0xC1000000ull) << true;
    QTest::newRow("x86-64 0") << "x86-64" << quint64(0) << quint64(0xffff888000000000ull) << true;
    QTest::newRow("x86-64 1G") << "x86-64" << quint64(GiB) << quint64(0xffff888040000000ull) << true;
    QTest::newRow("x86-64 high_memory") << "x86-64" << quint64(2 * GiB) << quint64(0xffff888080000000ull) << false;
    QTest::newRow("la57 16M") << "x86-64-la57" << quint64(16 * MiB) << quint64(0xff11000001000000ull) << true;
}

void TestKernelSpace::directMap()
{
    QFETCH(QString, preset);
    QFETCH(quint64, pa);
    QFETCH(quint64, va);
    QFETCH(bool, mapped);
    const Simulator s = boot(preset.toLatin1().constData(), "2G");
    const KernelLayout& l = s.current().kmem.layout;
    QCOMPARE(physToVirt(l, pa), va); // __va()
    QCOMPARE(inDirectMap(l, va), mapped);
    QCOMPARE(virtToPhys(l, va), mapped ? pa : ~0ull); // __pa()
    if (mapped) QCOMPARE(kmem::kernelVirtToPfn(s.current(), va), Pfn(pa / kPage));
    if (!mapped && preset == "x86-32") QCOMPARE(l.highMemory, va);
}

void TestKernelSpace::layout_data()
{
    QTest::addColumn<QString>("preset");
    QTest::addColumn<QString>("ram");
    QTest::addColumn<QString>("field");
    QTest::addColumn<quint64>("value");
    auto row = [](const char* preset, const char* ram, const char* field, std::uint64_t v) {
        QTest::addRow("%s %s %s", preset, ram, field) << preset << ram << field << quint64(v);
    };
    // x86-32 (pgtable_32_areas.h with an i386_defconfig build): FIXADDR_TOT_START 0xffd39000,
    // cpu_entry_area at 0xff800000, LDT at 0xff400000, PKMAP_BASE 0xff000000.
    row("x86-32", "2G", "PAGE_OFFSET", 0xC0000000ull);
    row("x86-32", "2G", "high_memory", 0xF8000000ull);
    row("x86-32", "2G", "VMALLOC_START", 0xF8800000ull);
    row("x86-32", "2G", "VMALLOC_END", 0xFEFFE000ull);
    row("x86-32", "2G", "PKMAP_BASE", 0xFF000000ull);
    row("x86-32", "2G", "LAST_PKMAP", 1024);
    row("x86-32", "2G", "FIXADDR_TOP", 0xFFFFF000ull);
    row("x86-32", "2G", "kmap_local slot 0", 0xFFFBB000ull); // FIX_KMAP_BEGIN = 68
    row("x86-32", "2G", "kmap_local slot 15", 0xFFFAC000ull);
    row("x86-32", "2G", "KM_MAX_IDX", 16);
    row("x86-32", "512M", "high_memory", 0xE0000000ull);
    row("x86-32", "512M", "VMALLOC_START", 0xE0800000ull);
    // PAE: 2 MiB PMDs, 512 pkmap slots, the early_ioremap slots moved to a page-table boundary.
    row("x86-pae", "4G", "high_memory", 0xF8000000ull);
    row("x86-pae", "4G", "PKMAP_BASE", 0xFF600000ull);
    row("x86-pae", "4G", "VMALLOC_END", 0xFF5FE000ull);
    row("x86-pae", "4G", "LAST_PKMAP", 512);
    // Documentation/arch/x86/x86_64/mm.rst
    row("x86-64", "2G", "PAGE_OFFSET", 0xffff888000000000ull);
    row("x86-64", "2G", "high_memory", 0xffff888080000000ull);
    row("x86-64", "2G", "VMALLOC_START", 0xffffc90000000000ull);
    row("x86-64", "2G", "VMALLOC_END", 0xffffe90000000000ull);
    row("x86-64", "2G", "vmemmap", 0xffffea0000000000ull);
    row("x86-64", "2G", "__START_KERNEL_map", 0xffffffff80000000ull);
    row("x86-64", "2G", "_text", 0xffffffff81000000ull);
    row("x86-64", "2G", "FIXADDR_TOP", 0xffffffffff7ff000ull);
    row("x86-64", "2G", "LAST_PKMAP", 0);
    row("x86-64", "2G", "KM_MAX_IDX", 0);
    row("x86-64-la57", "2G", "PAGE_OFFSET", 0xff11000000000000ull);
    row("x86-64-la57", "2G", "VMALLOC_START", 0xffa0000000000000ull);
    row("x86-64-la57", "2G", "VMALLOC_END", 0xffd2000000000000ull);
    row("x86-64-la57", "2G", "vmemmap", 0xffd4000000000000ull);
    row("x86-64-la57", "2G", "__START_KERNEL_map", 0xffffffff80000000ull);
}

void TestKernelSpace::layout()
{
    QFETCH(QString, preset);
    QFETCH(QString, ram);
    QFETCH(QString, field);
    QFETCH(quint64, value);
    const Simulator s = boot(preset.toLatin1().constData(), ram.toLatin1().constData());
    const KernelLayout& l = s.current().kmem.layout;
    const std::map<QString, std::uint64_t> fields = {
        { "PAGE_OFFSET", l.pageOffset },
        { "high_memory", l.highMemory },
        { "VMALLOC_START", l.vmallocStart },
        { "VMALLOC_END", l.vmallocEnd },
        { "PKMAP_BASE", l.pkmapBase },
        { "LAST_PKMAP", l.lastPkmap },
        { "FIXADDR_TOP", l.fixaddrTop },
        { "KM_MAX_IDX", l.kmapLocalSlots },
        { "kmap_local slot 0", l.kmapLocalAddr(0) },
        { "kmap_local slot 15", l.kmapLocalAddr(15) },
        { "vmemmap", l.vmemmapBase },
        { "__START_KERNEL_map", l.startKernelMap },
        { "_text", l.kernelTextStart },
    };
    QVERIFY(fields.count(field));
    QCOMPARE(quint64(fields.at(field)), value);
    // The same layout as kernelLayout() computes for the preset.
    QCOMPARE(kernelLayout(s.current().config.arch, s.current().config.ramBytes).vmallocEnd, l.vmallocEnd);
}

void TestKernelSpace::regionsCoverTheAddressSpace_data()
{
    QTest::addColumn<QString>("preset");
    for (const char* p : { "x86-32", "x86-pae", "x86-64", "x86-64-la57" }) QTest::newRow(p) << p;
}

void TestKernelSpace::regionsCoverTheAddressSpace()
{
    QFETCH(QString, preset);
    const Simulator s = boot(preset.toLatin1().constData(), "2G");
    const KernelLayout& l = s.current().kmem.layout;
    QVERIFY(!l.regions.empty());
    QCOMPARE(l.regions.front().start, 0ull);
    QCOMPARE(l.regions.front().kind, KernelRegionKind::User);
    const std::uint64_t top = s.current().config.arch.is32bit ? 0x100000000ull : 0;
    for (std::size_t i = 0; i < l.regions.size(); ++i) {
        const KernelRegion& r = l.regions[i];
        QVERIFY2(r.end == 0 || r.start < r.end, std::string(r.name).c_str());
        if (i + 1 < l.regions.size()) QCOMPARE(l.regions[i + 1].start, r.end);
    }
    QCOMPARE(l.regions.back().end, top);
    auto kindAt = [&](std::uint64_t va) { return regionOf(l, va)->kind; };
    QCOMPARE(kindAt(l.pageOffset), KernelRegionKind::DirectMap);
    QCOMPARE(kindAt(l.vmallocStart), KernelRegionKind::Vmalloc);
    QCOMPARE(kindAt(l.vmallocEnd - 1), KernelRegionKind::Vmalloc);
    if (l.lastPkmap) QCOMPARE(kindAt(l.pkmapAddr(l.lastPkmap - 1)), KernelRegionKind::Pkmap);
    if (l.kmapLocalSlots) {
        QCOMPARE(kindAt(l.kmapLocalAddr(0)), KernelRegionKind::Fixmap);
        QCOMPARE(kindAt(l.kmapLocalAddr(l.kmapLocalSlots - 1)), KernelRegionKind::Fixmap);
        QCOMPARE(kmapLocalSlotOf(l, l.kmapLocalAddr(3) + 100), 3);
    }
}

void TestKernelSpace::vmallocMapsPages_data()
{
    QTest::addColumn<QString>("preset");
    QTest::addColumn<bool>("highmem"); ///< pages come from HighMem (GFP_KERNEL | __GFP_HIGHMEM)
    QTest::newRow("x86-64") << "x86-64" << false;
    QTest::newRow("x86-64-la57") << "x86-64-la57" << false;
    QTest::newRow("x86-32") << "x86-32" << true;
    QTest::newRow("x86-pae") << "x86-pae" << true;
}

void TestKernelSpace::vmallocMapsPages()
{
    QFETCH(QString, preset);
    QFETCH(bool, highmem);
    Simulator s = boot(preset.toLatin1().constData(), "2G");
    const KernelLayout& l = s.current().kmem.layout;
    const std::uint64_t freeBefore = s.current().freePages();

    // 20 KiB + 1 byte: six pages and a guard page, at VMALLOC_START (nothing is there yet).
    const CommandResult r = run(s, vmallocCmd(20 * KiB + 1));
    const std::uint64_t a = r.value;
    QCOMPARE(a, l.vmallocStart);
    QCOMPARE(eventsOf(s, r, EventType::Vmalloc), 7ull); // reserve + 6 maps
    const VmArea& v = area(s, a);
    QCOMPARE(v.kind, VmAreaKind::Vmalloc);
    QCOMPARE(v.size, 7 * kPage);
    QCOMPARE(v.requested, 20 * KiB + 1);
    QCOMPARE(v.pages.size(), std::size_t(6));
    QCOMPARE(s.current().kmem.vmallocPages, 6ull);
    QCOMPARE(s.current().freePages(), freeBefore - 6);
    std::set<Pfn> distinct;
    for (std::size_t i = 0; i < v.pages.size(); ++i) {
        const Pfn p = v.pages[i];
        QCOMPARE(s.current().frames.state(p), FrameState::Vmalloc);
        QCOMPARE(s.current().frames.order(p), 0);
        QCOMPARE(kmem::isHighMemPage(s.current(), p), highmem);
        // Virtually contiguous: page i is at a + i pages, whatever frame backs it.
        QCOMPARE(kmem::kernelVirtToPfn(s.current(), a + i * kPage + 123), p);
        QCOMPARE(kmem::kernelAddressOf(s.current(), p), a + i * kPage);
        distinct.insert(p);
    }
    QCOMPARE(distinct.size(), std::size_t(6));
    QCOMPARE(kmem::kernelVirtToPfn(s.current(), a + 6 * kPage), kNone); // the guard page maps nothing

    // The next area starts after the guard page; an area is page-aligned.
    const std::uint64_t b = vmalloc(s, 3 * kPage);
    QCOMPARE(b, a + 7 * kPage);
    const std::uint64_t c = vmalloc(s, 1);
    QCOMPARE(c, b + 4 * kPage);
    QCOMPARE(area(s, c).pages.size(), std::size_t(1));
    QCOMPARE(s.current().kmem.vmallocPages, 10ull);
    QCOMPARE(s.current().kmem.vmAreas.size(), std::size_t(3));
}

void TestKernelSpace::vmallocFramesScattered()
{
    // Fragment the order-0 free list: take 64 pages and give every other one back. The
    // vmalloc'd pages then come from those holes, physically apart but virtually together.
    Simulator s = boot("x86-64", "256M");
    std::vector<Pfn> taken;
    for (int i = 0; i < 64; ++i) taken.push_back(allocPage(s, ZoneType::Normal));
    for (std::size_t i = 0; i < taken.size(); i += 2) run(s, Command::freePages(taken[i], 0));
    const std::uint64_t a = vmalloc(s, 8 * kPage);
    const VmArea& v = area(s, a);
    int apart = 0;
    for (std::size_t i = 1; i < v.pages.size(); ++i) apart += v.pages[i] != v.pages[i - 1] + 1;
    QVERIFY2(apart >= 4, "the frames of a vmalloc area are scattered");
    for (std::size_t i = 0; i < v.pages.size(); ++i) QCOMPARE(kmem::kernelVirtToPfn(s.current(), a + i * kPage), v.pages[i]);
}

void TestKernelSpace::vfreeTearsDown_data()
{
    QTest::addColumn<QString>("preset");
    QTest::addColumn<quint64>("pages");
    QTest::addColumn<bool>("flushAll"); ///< more than tlb_single_page_flush_ceiling (33) pages with the guard
    QTest::newRow("x86-64 6 pages") << "x86-64" << quint64(6) << false;
    QTest::newRow("x86-64 32 pages") << "x86-64" << quint64(32) << false;
    QTest::newRow("x86-64 33 pages") << "x86-64" << quint64(33) << true;
    QTest::newRow("x86-64 100 pages") << "x86-64" << quint64(100) << true;
    QTest::newRow("x86-32 6 pages") << "x86-32" << quint64(6) << false;
    QTest::newRow("x86-32 40 pages") << "x86-32" << quint64(40) << true;
}

void TestKernelSpace::vfreeTearsDown()
{
    QFETCH(QString, preset);
    QFETCH(quint64, pages);
    QFETCH(bool, flushAll);
    Simulator s = boot(preset.toLatin1().constData(), "1G");
    const std::uint64_t freeBefore = s.current().freePages();
    const std::uint64_t a = vmalloc(s, pages * kPage);
    const std::vector<Pfn> frames = area(s, a).pages;
    const std::uint64_t b = vmalloc(s, kPage); // a neighbour that stays
    QVERIFY(s.current().tlb.small.end()
        != std::find_if(s.current().tlb.small.begin(), s.current().tlb.small.end(),
                        [](const TlbEntry& t) { return t.flags & TlbFlag::Valid; })); // the kernel text's global entries

    const CommandResult r = run(s, vfreeCmd(a));
    QCOMPARE(r.value, 0ull);
    QCOMPARE(eventsOf(s, r, EventType::Vfree), 1ull);
    QCOMPARE(eventsOf(s, r, EventType::BuddyFree), pages);
    const Machine& m = s.current();
    QVERIFY(!kmem::vmAreaAt(m, a));
    QCOMPARE(m.kmem.vmallocPages, 1ull);
    QCOMPARE(m.freePages(), freeBefore - 1);
    for (const Pfn p : frames) {
        QCOMPARE(m.frames.state(m.frames.headOf(p)), FrameState::Free);
        QCOMPARE(kmem::kernelVirtToPfn(m, a), kNone);
    }
    // flush_tlb_kernel_range() over the area and its guard page.
    const std::vector<Event> f = flushes(s, r);
    if (flushAll) {
        QCOMPARE(f.size(), std::size_t(1));
        QCOMPARE(flushKind(f[0]), TlbFlushKind::All);
        for (const TlbEntry& t : m.tlb.small) QVERIFY(!(t.flags & TlbFlag::Valid)); // global entries too
    } else {
        QCOMPARE(f.size(), std::size_t(pages + 1));
        for (std::size_t i = 0; i < f.size(); ++i) {
            QCOMPARE(flushKind(f[i]), TlbFlushKind::Page);
            QCOMPARE(f[i].a, a + i * kPage);
            QVERIFY(f[i].flags & EventFlag::Kernel);
        }
    }
    // The space is reusable: the same request lands at the same address.
    const std::uint64_t again = vmalloc(s, pages * kPage);
    QCOMPARE(again, a);
    QVERIFY(kmem::vmAreaAt(s.current(), b));
    // And vfree(NULL) does nothing.
    const CommandResult n = run(s, vfreeCmd(0));
    QCOMPARE(n.endEvent, n.firstEvent);
}

void TestKernelSpace::vmallocLimits()
{
    // x86-32: the vmalloc area is 104 MiB; 2 GiB of RAM does not help.
    Simulator s = boot("x86-32", "2G");
    const KernelLayout& l = s.current().kmem.layout;
    const std::uint64_t span = l.vmallocEnd - l.vmallocStart;
    expectRefused(s, vmallocCmd(span), ErrorCode::NoVmallocSpace, static_cast<std::int64_t>(span)); // no room for the guard
    const std::uint64_t big = vmalloc(s, span - 3 * kPage);
    QCOMPARE(big, l.vmallocStart);
    // Two pages and a guard are left at the top: one page fits, two do not.
    expectRefused(s, vmallocCmd(2 * kPage), ErrorCode::NoVmallocSpace, static_cast<std::int64_t>(2 * kPage));
    const std::uint64_t last = vmalloc(s, kPage);
    QCOMPARE(last, l.vmallocEnd - 2 * kPage);
    run(s, vfreeCmd(big));
    QCOMPARE(vmalloc(s, 10 * kPage), l.vmallocStart); // first fit from the bottom
    // More than all of RAM: "vmalloc error: size %lu, exceeds total pages".
    Simulator t = boot("x86-64", "256M");
    const std::uint64_t total = t.current().totalramPages() * kPage;
    expectRefused(t, vmallocCmd(total + 1), ErrorCode::ObjectTooLarge, static_cast<std::int64_t>(total + 1));
    expectRefused(t, vmallocCmd(0), ErrorCode::BadLength, 0);
}

void TestKernelSpace::kmapSlotReuse()
{
    Simulator s = boot("x86-32", "1G");
    const Machine& m = s.current();
    const KernelLayout& l = m.kmem.layout;
    QCOMPARE(m.kmem.pkmap.size(), std::size_t(1024));
    const Pfn a = allocPage(s, ZoneType::HighMem);
    QVERIFY(kmem::isHighMemPage(m, a));
    QCOMPARE(kmem::pageAddress(m, a), 0ull); // no kernel address until kmap()

    // map_new_virtual() starts at last_pkmap_nr + 1: slot 1. A new mapping has count 2.
    const CommandResult r = run(s, kmapCmd(a));
    QCOMPARE(r.value, l.pkmapAddr(1));
    QCOMPARE(eventsOf(s, r, EventType::Kmap, static_cast<std::uint8_t>(KmapKind::Pkmap)).size(), std::size_t(1));
    QCOMPARE(s.current().kmem.pkmap[1].page, a);
    QCOMPARE(s.current().kmem.pkmap[1].count, 2u);
    QCOMPARE(s.current().kmem.lastPkmapNr, 1u);
    QCOMPARE(kmem::kernelAddressOf(s.current(), a), l.pkmapAddr(1));
    QCOMPARE(kmem::kernelVirtToPfn(s.current(), l.pkmapAddr(1) + 5), a);
    // The same page again: the same address, one more user.
    QCOMPARE(kmap(s, a), l.pkmapAddr(1));
    QCOMPARE(s.current().kmem.pkmap[1].count, 3u);
    run(s, kunmapCmd(a));
    const CommandResult u = run(s, kunmapCmd(a));
    QCOMPARE(eventsOf(s, u, EventType::Kunmap, static_cast<std::uint8_t>(KmapKind::Pkmap))[0].b, 1ull);
    // Count 1: unused but still mapped, so page_address() still finds it.
    QCOMPARE(s.current().kmem.pkmap[1].count, 1u);
    QCOMPARE(kmem::pageAddress(s.current(), a), l.pkmapAddr(1));
    expectRefused(s, kunmapCmd(a), ErrorCode::NotKmapped, static_cast<std::int64_t>(a));
    // kmap() of it again reuses the slot without a new mapping.
    QCOMPARE(kmap(s, a), l.pkmapAddr(1));
    QCOMPARE(s.current().kmem.pkmap[1].count, 2u);
    run(s, kunmapCmd(a));
    // A different page takes the next slot.
    const Pfn b = allocPage(s, ZoneType::HighMem);
    QCOMPARE(kmap(s, b), l.pkmapAddr(2));
    QCOMPARE(s.current().kmem.lastPkmapNr, 2u);
    QCOMPARE(kmem::kmapUsers(s.current(), b, 0), 1u);
    QCOMPARE(kmem::kmapUsers(s.current(), a, 0), 0u);
}

void TestKernelSpace::kmapWrapFlush()
{
    Simulator s = boot("x86-32", "1G");
    skipPerCommandCheck(s);
    const KernelLayout& l = s.current().kmem.layout;
    const std::uint32_t n = l.lastPkmap;
    std::vector<Pfn> pages;
    for (std::uint32_t i = 0; i < n + 2; ++i) pages.push_back(*s.apply(Command::allocPages(0, ZoneType::HighMem)).pfn);
    // Page 0 is mapped and released (slot 1 at count 1); pages 1..1022 take slots 2..1023.
    QCOMPARE(kmap(s, pages[0]), l.pkmapAddr(1));
    run(s, kunmapCmd(pages[0]));
    for (std::uint32_t i = 1; i < n - 1; ++i) {
        const CommandResult r = s.apply(kmapCmd(pages[i]));
        QVERIFY(!r.error);
        QCOMPARE(r.value, l.pkmapAddr(i + 1));
        QCOMPARE(eventsOf(s, r, EventType::Kunmap), 0ull); // no flush before the wrap
    }
    QVERIFY(findings(s.current()).empty());
    // The next scan wraps to slot 0: flush_all_zero_pkmaps() frees slot 1 and flushes the
    // kernel TLB over the window (1024 pages: everything); slot 0 is free and taken.
    CommandResult r = run(s, kmapCmd(pages[n - 1]));
    QCOMPARE(r.value, l.pkmapAddr(0));
    const auto flush = eventsOf(s, r, EventType::Kunmap, static_cast<std::uint8_t>(KmapKind::Flush));
    QCOMPARE(flush.size(), std::size_t(1));
    QCOMPARE(flush[0].a, 1ull);
    const std::vector<Event> f = flushes(s, r);
    QCOMPARE(f.size(), std::size_t(1));
    QCOMPARE(flushKind(f[0]), TlbFlushKind::All);
    QCOMPARE(kmem::pageAddress(s.current(), pages[0]), 0ull);
    QCOMPARE(s.current().kmem.pkmap[1].count, 0u);
    // The scan goes on from slot 0: slot 1 is free again.
    r = run(s, kmapCmd(pages[n]));
    QCOMPARE(r.value, l.pkmapAddr(1));
    QCOMPARE(eventsOf(s, r, EventType::Kunmap), 0ull);
    // Every slot is held now: a new page would wait (KmapFull), a mapped page still maps.
    expectRefused(s, kmapCmd(pages[n + 1]), ErrorCode::KmapFull, n);
    QCOMPARE(kmap(s, pages[5]), l.pkmapAddr(6));
    run(s, kunmapCmd(pages[5]));
    run(s, kunmapCmd(pages[5])); // slot 6 at count 1
    // The scan from slot 1 finds nothing free before the wrap; the flush frees slot 6.
    r = run(s, kmapCmd(pages[n + 1]));
    QCOMPARE(r.value, l.pkmapAddr(6));
    QCOMPARE(eventsOf(s, r, EventType::Kunmap, static_cast<std::uint8_t>(KmapKind::Flush))[0].a, 1ull);
    QCOMPARE(s.current().kmem.lastPkmapNr, 6u);
}

void TestKernelSpace::kmapLowmemAnd64bit_data()
{
    QTest::addColumn<QString>("preset");
    QTest::addColumn<int>("zone");
    QTest::newRow("x86-32 Normal") << "x86-32" << int(ZoneType::Normal);
    QTest::newRow("x86-32 DMA") << "x86-32" << int(ZoneType::DMA);
    QTest::newRow("x86-64 Normal") << "x86-64" << int(ZoneType::Normal);
    QTest::newRow("x86-64 DMA32") << "x86-64" << int(ZoneType::DMA32);
}

void TestKernelSpace::kmapLowmemAnd64bit()
{
    QFETCH(QString, preset);
    QFETCH(int, zone);
    Simulator s = boot(preset.toLatin1().constData(), "2G");
    const Pfn p = allocPage(s, static_cast<ZoneType>(zone));
    const std::uint64_t direct = physToVirt(s.current().kmem.layout, p * kPage);
    for (const bool local : { false, true }) {
        const KernelSnapshot before = snapshot(s);
        const CommandResult r = run(s, kmapCmd(p, local));
        QCOMPARE(r.value, direct); // page_address(): nothing to map
        QCOMPARE(eventsOf(s, r, EventType::Kmap, static_cast<std::uint8_t>(KmapKind::Direct)).size(), std::size_t(1));
        const CommandResult u = run(s, local ? kunmapLocalCmd(direct) : kunmapCmd(p));
        QCOMPARE(eventsOf(s, u, EventType::Kunmap, static_cast<std::uint8_t>(KmapKind::Direct)).size(), std::size_t(1));
        KernelSnapshot after = snapshot(s);
        after.events = before.events;
        QVERIFY(after == before);
    }
    QCOMPARE(s.current().kmem.pkmap.empty(), !s.current().config.arch.is32bit);
}

void TestKernelSpace::kmapLocalStack()
{
    Simulator s = boot("x86-32", "1G");
    const KernelLayout& l = s.current().kmem.layout;
    std::vector<Pfn> h;
    for (int i = 0; i < 17; ++i) h.push_back(allocPage(s, ZoneType::HighMem));
    QCOMPARE(kmap(s, h[0], true), l.kmapLocalAddr(0));
    QCOMPARE(kmap(s, h[1], true), l.kmapLocalAddr(1));
    const CommandResult r = run(s, kmapCmd(h[2], true));
    QCOMPARE(r.value, l.kmapLocalAddr(2));
    QCOMPARE(flushes(s, r).size(), std::size_t(0)); // mapping needs no flush
    QVERIFY(s.current().kmem.kmapLocal == (std::vector<Pfn>{ h[0], h[1], h[2] }));
    QCOMPARE(kmem::kernelVirtToPfn(s.current(), l.kmapLocalAddr(1)), h[1]);
    // Stack order: only the last mapping may go.
    expectRefused(s, kunmapLocalCmd(l.kmapLocalAddr(1)), ErrorCode::NotKmapped,
                  static_cast<std::int64_t>(l.kmapLocalAddr(1)));
    const CommandResult u = run(s, kunmapLocalCmd(l.kmapLocalAddr(2) + 100)); // any address inside the page
    const std::vector<Event> f = flushes(s, u);
    QCOMPARE(f.size(), std::size_t(1));
    QCOMPARE(flushKind(f[0]), TlbFlushKind::Page);
    QCOMPARE(f[0].a, l.kmapLocalAddr(2));
    run(s, kunmapLocalCmd(l.kmapLocalAddr(1)));
    run(s, kunmapLocalCmd(l.kmapLocalAddr(0)));
    QVERIFY(s.current().kmem.kmapLocal.empty());
    expectRefused(s, kunmapLocalCmd(l.kmapLocalAddr(0)), ErrorCode::NotKmapped,
                  static_cast<std::int64_t>(l.kmapLocalAddr(0)));
    // KM_MAX_IDX slots, then the kernel would BUG(): refused.
    for (std::uint32_t i = 0; i < l.kmapLocalSlots; ++i) QCOMPARE(kmap(s, h[i], true), l.kmapLocalAddr(i));
    expectRefused(s, kmapCmd(h[16], true), ErrorCode::KmapFull, l.kmapLocalSlots);
    // A page may be mapped by kmap() and kmap_local at once, at two addresses.
    QCOMPARE(kmap(s, h[3]), l.pkmapAddr(1));
    QCOMPARE(kmem::kmapUsers(s.current(), h[3], 0), 2u);
    for (std::uint32_t i = l.kmapLocalSlots; i-- > 0;) run(s, kunmapLocalCmd(l.kmapLocalAddr(i)));
    QVERIFY(s.current().kmem.kmapLocal.empty());
}

void TestKernelSpace::kernelStacks_data()
{
    QTest::addColumn<QString>("preset");
    QTest::newRow("x86-64") << "x86-64";
    QTest::newRow("x86-64-la57") << "x86-64-la57";
    QTest::newRow("x86-32") << "x86-32";
    QTest::newRow("x86-pae") << "x86-pae";
}

void TestKernelSpace::kernelStacks()
{
    QFETCH(QString, preset);
    Simulator s = boot(preset.toLatin1().constData(), "1G");
    const bool is32 = s.current().config.arch.is32bit;
    const std::uint64_t stackPages = is32 ? 2 : 4; // THREAD_SIZE 8 KiB / 16 KiB
    const KernelLayout& l = s.current().kmem.layout;
    QCOMPARE(s.current().kmem.kernelStackPages, 0ull);

    Proc parent = spawnProc(s, "a");
    QVERIFY(findings(s.current()).empty());
    QCOMPARE(s.current().kmem.kernelStackPages, stackPages);
    const std::uint64_t k = parent.p().kstack;
    QVERIFY(k != 0);
    QCOMPARE(k % (stackPages * kPage), 0ull); // THREAD_ALIGN / a naturally aligned order-1 block
    if (is32) {
        // An order-1 lowmem block at its direct-map address.
        QVERIFY(inDirectMap(l, k));
        const Pfn f = virtToPhys(l, k) / kPage;
        QCOMPARE(s.current().frames.state(f), FrameState::KernelStack);
        QCOMPARE(s.current().frames.order(f), 1);
        QCOMPARE(s.current().frames.priv(f), parent.pid);
        QCOMPARE(kmem::kernelAddressOf(s.current(), f), k);
        QCOMPARE(s.current().kmem.vmallocPages, 0ull);
        QVERIFY(s.current().kmem.vmAreas.empty());
    } else {
        // CONFIG_VMAP_STACK: four pages of a vmalloc area with a guard page.
        QCOMPARE(k, l.vmallocStart);
        const VmArea& v = area(s, k);
        QCOMPARE(v.kind, VmAreaKind::Stack);
        QCOMPARE(v.pid, parent.pid);
        QCOMPARE(v.size, 5 * kPage);
        for (std::size_t i = 0; i < v.pages.size(); ++i) {
            const Pfn p = v.pages[i];
            QCOMPARE(kmem::kernelAddressOf(s.current(), p), k + i * kPage);
            QCOMPARE(s.current().frames.state(p), FrameState::KernelStack);
            QCOMPARE(s.current().frames.priv(p), parent.pid);
        }
        QCOMPARE(s.current().kmem.vmallocPages, 4ull); // VmallocUsed counts stacks too
        // A script cannot vfree a task's stack.
        expectRefused(s, vfreeCmd(k), ErrorCode::UnknownVmArea, static_cast<std::int64_t>(k));
    }

    Proc child = parent.fork();
    QCOMPARE(s.current().kmem.kernelStackPages, 2 * stackPages);
    const std::uint64_t ck = child.p().kstack;
    QVERIFY(ck != 0 && ck != k);
    if (!is32) QCOMPARE(ck, k + 16 * KiB + 16 * KiB); // 20 KiB with the guard, aligned up to 16 KiB

    const std::uint64_t freeBefore = s.current().freePages();
    const CommandResult r = child.sim.apply(vmCommand(CommandType::Exit, child.pid));
    QVERIFY(!r.error);
    QVERIFY(findings(s.current()).empty());
    QCOMPARE(s.current().kmem.kernelStackPages, stackPages);
    QCOMPARE(child.p().kstack, 0ull);
    QCOMPARE(eventsOf(s, r, EventType::Vfree), 1ull);
    QVERIFY(s.current().freePages() >= freeBefore + stackPages);
    if (!is32) {
        QVERIFY(!kmem::vmAreaAt(s.current(), ck));
        QCOMPARE(flushes(s, r).size() >= 5, true); // the stack's four pages and its guard
    }
    // The freed space is taken by the next task.
    Proc again = parent.fork();
    if (!is32) QCOMPARE(again.p().kstack, ck);
    parent.exit();
    again.exit();
    QCOMPARE(s.current().kmem.kernelStackPages, 0ull);
    QCOMPARE(s.current().kmem.vmallocPages, 0ull);
    QVERIFY(s.current().kmem.vmAreas.empty());
}

void TestKernelSpace::vmallocinfo()
{
    Simulator s = boot("x86-64", "1G");
    spawn(s, "a");
    const std::uint64_t a = vmalloc(s, 10000);
    QCOMPARE(a, 0xffffc90000005000ull); // right after the stack's guard page
    QCOMPARE(QString::fromStdString(kmem::formatVmallocinfo(s.current())),
             QStringLiteral("0xffffc90000000000-0xffffc90000005000   20480 dup_task_struct+0x51/0x1f0 pages=4 vmalloc N0=4\n"
                            "0xffffc90000005000-0xffffc90000009000   16384 vmalloc_user_script+0x1e/0x40 [memviz] pages=3 vmalloc N0=3\n"));
    Simulator t = boot("x86-32", "2G");
    vmalloc(t, 600 * kPage);
    QCOMPARE(QString::fromStdString(kmem::formatVmallocinfo(t.current())),
             QStringLiteral("0xf8800000-0xf8a59000 2461696 vmalloc_user_script+0x1e/0x40 [memviz] pages=600 vmalloc\n"));
    vmalloc(t, 1025 * kPage); // the array of page pointers is larger than a page: vmalloc'd itself
    QVERIFY(QString::fromStdString(kmem::formatVmallocinfo(t.current())).endsWith(QStringLiteral(" pages=1025 vmalloc vpages\n")));
}

void TestKernelSpace::badInput_data()
{
    QTest::addColumn<QString>("preset");
    QTest::newRow("x86-64") << "x86-64";
    QTest::newRow("x86-32") << "x86-32";
}

void TestKernelSpace::badInput()
{
    QFETCH(QString, preset);
    Simulator s = boot(preset.toLatin1().constData(), "1G");
    const bool is32 = s.current().config.arch.is32bit;
    const KernelLayout& l = s.current().kmem.layout;
    spawn(s, "a");
    const std::uint64_t a = vmalloc(s, 4 * kPage);
    auto addr = [](std::uint64_t v) { return static_cast<std::int64_t>(v); };
    // vfree of something vmalloc did not return: an unknown address, the inside of an
    // area, a kernel stack, a direct-map address; and a second vfree of the same area.
    expectRefused(s, vfreeCmd(0x1234), ErrorCode::UnknownVmArea, 0x1234);
    expectRefused(s, vfreeCmd(a + kPage), ErrorCode::UnknownVmArea, addr(a + kPage));
    const std::uint64_t stack = s.current().proc(1000)->kstack;
    expectRefused(s, vfreeCmd(stack), ErrorCode::UnknownVmArea, addr(stack));
    expectRefused(s, vfreeCmd(l.pageOffset), ErrorCode::UnknownVmArea, addr(l.pageOffset));
    run(s, vfreeCmd(a));
    expectRefused(s, vfreeCmd(a), ErrorCode::UnknownVmArea, addr(a));
    expectRefused(s, vmallocCmd(0), ErrorCode::BadLength, 0);
    // kmap of a page the caller does not hold, or past the end of memory.
    const Pfn frames = s.current().frames.size();
    expectRefused(s, kmapCmd(frames), ErrorCode::PfnOutOfRange, addr(frames));
    const Pfn page = allocPage(s, is32 ? ZoneType::HighMem : ZoneType::Normal);
    run(s, Command::freePages(page, 0));
    expectRefused(s, kmapCmd(page), ErrorCode::NotAllocated, addr(page));
    expectRefused(s, kmapCmd(page, true), ErrorCode::NotAllocated, addr(page));
    expectRefused(s, kunmapCmd(page), ErrorCode::NotAllocated, addr(page));
    const std::uint64_t stackPfn = kmem::kernelVirtToPfn(s.current(), stack);
    expectRefused(s, kmapCmd(stackPfn), ErrorCode::NotAllocated, addr(stackPfn)); // not the script's page
    // kunmap of a page that is not mapped; kunmap_local of what is not the top slot.
    expectRefused(s, kunmapLocalCmd(0x1000), ErrorCode::NotKmapped, 0x1000);
    expectRefused(s, kunmapLocalCmd(a), ErrorCode::NotKmapped, addr(a));
    if (is32) {
        const Pfn h = allocPage(s, ZoneType::HighMem);
        expectRefused(s, kunmapCmd(h), ErrorCode::NotKmapped, addr(h));
        kmap(s, h);
        run(s, kunmapCmd(h));
        expectRefused(s, kunmapCmd(h), ErrorCode::NotKmapped, addr(h)); // count 1: nobody holds it
        const std::uint64_t x = kmap(s, h, true);
        kmap(s, allocPage(s, ZoneType::HighMem), true);
        expectRefused(s, kunmapLocalCmd(x), ErrorCode::NotKmapped, addr(x));
        expectRefused(s, kunmapLocalCmd(l.pkmapAddr(1)), ErrorCode::NotKmapped, addr(l.pkmapAddr(1)));
    }
    QVERIFY(findings(s.current()).empty());
}

void TestKernelSpace::determinism()
{
    auto script = [](Simulator& s) {
        Proc p = spawnProc(s, "a");
        const std::uint64_t v1 = vmalloc(s, 37 * KiB);
        Proc c = p.fork();
        const std::uint64_t v2 = vmalloc(s, 200 * KiB);
        std::vector<Pfn> h;
        for (int i = 0; i < 4; ++i) h.push_back(allocPage(s, ZoneType::HighMem));
        kmap(s, h[0]);
        kmap(s, h[1]);
        run(s, kunmapCmd(h[0]));
        kmap(s, h[2], true);
        kmap(s, h[3], true);
        run(s, vfreeCmd(v1));
        c.exit();
        run(s, kunmapLocalCmd(s.current().kmem.layout.kmapLocalAddr(1)));
        vmalloc(s, 5 * kPage);
        run(s, vfreeCmd(v2));
    };
    Simulator a = boot("x86-32", "1G");
    Simulator b = boot("x86-32", "1G");
    script(a);
    script(b);
    QCOMPARE(a.eventCount(), b.eventCount());
    for (std::uint64_t i = 0; i < a.eventCount(); ++i) {
        std::string ja, jb;
        appendEventJson(ja, a.current(), i, a.events()[i]);
        appendEventJson(jb, b.current(), i, b.events()[i]);
        QCOMPARE(ja, jb);
    }
    // Replaying the events rebuilds the same kernel state, at the end and midway.
    for (const std::uint64_t n : { a.eventCount(), a.eventCount() / 2 }) {
        const Machine replay = a.stateAt(n);
        Machine again = a.initial();
        for (std::uint64_t i = 0; i < n; ++i) applyEvent(again, a.events()[i]);
        QCOMPARE(replay.kmem.vmAreas.size(), again.kmem.vmAreas.size());
        QCOMPARE(replay.kmem.vmallocPages, again.kmem.vmallocPages);
        QVERIFY(replay.kmem.kmapLocal == again.kmem.kmapLocal);
        QVERIFY(findings(replay).empty());
    }
    const Machine end = a.stateAt(a.eventCount());
    QCOMPARE(kmem::formatVmallocinfo(end), kmem::formatVmallocinfo(a.current()));
    QCOMPARE(end.kmem.kernelStackPages, a.current().kmem.kernelStackPages);
    QCOMPARE(end.kmem.lastPkmapNr, a.current().kmem.lastPkmapNr);
    for (std::size_t i = 0; i < end.kmem.pkmap.size(); ++i) {
        QCOMPARE(end.kmem.pkmap[i].page, a.current().kmem.pkmap[i].page);
        QCOMPARE(end.kmem.pkmap[i].count, a.current().kmem.pkmap[i].count);
    }
    QVERIFY(end.frames.sameAs(a.current().frames));
}

void TestKernelSpace::eventJson()
{
    Simulator s = boot("x86-32", "1G");
    const CommandResult v = run(s, vmallocCmd(100));
    std::string j;
    appendEventJson(j, s.current(), v.firstEvent, s.events()[v.firstEvent]); // the reservation comes first
    QVERIFY(j.find("\"op\":\"reserve\"") != std::string::npos);
    QVERIFY(j.find("\"requested\":100") != std::string::npos);
    const Pfn h = allocPage(s, ZoneType::HighMem);
    const CommandResult k = run(s, kmapCmd(h));
    j.clear();
    appendEventJson(j, s.current(), k.firstEvent, s.events()[k.firstEvent]);
    QVERIFY(j.find("\"kind\":\"pkmap\"") != std::string::npos);
    QVERIFY(j.find("\"slot\":1") != std::string::npos);
    QVERIFY(j.find("\"count\":2") != std::string::npos);
    const Proc p = spawnProc(s, "a");
    bool stack = false;
    for (std::uint64_t i = 0; i < s.eventCount(); ++i)
        if (s.events()[i].type == EventType::Vmalloc && s.events()[i].pid == p.pid) {
            j.clear();
            appendEventJson(j, s.current(), i, s.events()[i]);
            stack = j.find("\"op\":\"stack\"") != std::string::npos;
        }
    QVERIFY(stack);
}

QTEST_MAIN(TestKernelSpace)
#include "tst_kernelspace.moc"
