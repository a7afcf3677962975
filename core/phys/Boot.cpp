#include "phys/Boot.h"
#include "phys/Numa.h"
#include "alloc/Kmem.h"
#include "reclaim/Reclaim.h"
#include "vm/VmOps.h"

#include "util/Size.h"

#include <algorithm>

namespace memviz {

namespace {

struct Range {
    Pfn start = 0;
    Pfn end = 0;
    FrameState state = FrameState::Firmware;
};

std::vector<ZoneType> zoneTypesOf(const ArchSpec& a)
{
    if (a.custom) return { ZoneType::Normal }; // a textbook machine: one zone, all RAM
    if (a.is32bit) return { ZoneType::DMA, ZoneType::Normal, ZoneType::HighMem, ZoneType::Movable };
    return { ZoneType::DMA, ZoneType::DMA32, ZoneType::Normal, ZoneType::Movable, ZoneType::Device };
}

/// gfp_zone(GFP_USER): the highest zone index a GFP_USER allocation may use.
int gfpUserZoneIndex(const Machine& m)
{
    const Node& n = m.nodes[0];
    for (std::size_t i = 0; i < n.zones.size(); ++i)
        if (m.zones[n.zones[i]].type == ZoneType::Normal) return static_cast<int>(i);
    return 0;
}

bool isHighOrMovable(ZoneType t)
{
    return t == ZoneType::HighMem || t == ZoneType::Movable;
}

/// nr_free_buffer_pages(): Σ (managed - high) over zones up to ZONE_NORMAL.
std::uint64_t nrFreeBufferPages(const Machine& m)
{
    const int top = gfpUserZoneIndex(m);
    std::uint64_t sum = 0;
    for (const Node& n : m.nodes)
        for (std::size_t i = 0; i < n.zones.size() && static_cast<int>(i) <= top; ++i) {
            const Zone& z = m.zones[n.zones[i]];
            const std::uint64_t high = z.wmark[static_cast<int>(Wmark::High)];
            if (z.managed > high) sum += z.managed - high;
        }
    return sum;
}

/// mult_frac(x, n, d) without overflow, as include/linux/math.h.
std::uint64_t multFrac(std::uint64_t x, std::uint64_t n, std::uint64_t d)
{
    const std::uint64_t q = x / d, r = x % d;
    return q * n + r * n / d;
}

/// calculate_totalreserve_pages(): per zone, the high watermark plus the largest
/// lowmem_reserve it keeps against higher zones, capped at its size.
void calculateTotalreservePages(Machine& m)
{
    std::uint64_t reserve = 0;
    for (const Node& n : m.nodes)
        for (std::size_t i = 0; i < n.zones.size(); ++i) {
            const Zone& z = m.zones[n.zones[i]];
            std::uint64_t max = 0;
            for (std::size_t j = i; j < n.zones.size(); ++j) max = std::max(max, z.lowmemReserve[j]);
            max += z.wmark[static_cast<int>(Wmark::High)];
            reserve += std::min<std::uint64_t>(max, z.managed);
        }
    m.totalreservePages = reserve;
}

/// __setup_per_zone_wmarks(), which ends with calculate_totalreserve_pages().
void setupPerZoneWmarks(Machine& m)
{
    const std::uint64_t pagesMin = m.minFreeKbytes * 1024 / m.pageSize(); // also for pages smaller than 1 KiB
    std::uint64_t lowmemPages = 0;
    for (const Zone& z : m.zones)
        if (!isHighOrMovable(z.type)) lowmemPages += z.managed;
    const std::uint64_t wsf = m.config.sysctl.watermarkScaleFactor;
    for (Zone& z : m.zones) {
        std::uint64_t tmp = lowmemPages ? pagesMin * z.managed / lowmemPages : 0;
        if (isHighOrMovable(z.type)) {
            // HighMem/Movable: a small fixed pool, clamp(managed/1024, SWAP_CLUSTER_MAX, 128).
            z.wmark[0] = std::clamp<std::uint64_t>(z.managed / 1024, 32, 128);
        } else {
            z.wmark[0] = tmp;
        }
        tmp = std::max<std::uint64_t>(tmp >> 2, multFrac(z.managed, wsf, 10000));
        z.watermarkBoost = 0;
        z.wmark[1] = z.wmark[0] + tmp;
        z.wmark[2] = z.wmark[1] + tmp;
        z.wmark[3] = z.wmark[2] + tmp;
    }
    calculateTotalreservePages(m);
}

/// setup_per_zone_lowmem_reserve(): protection of lower zones against fallbacks; like
/// the kernel's it ends by recomputing totalreserve_pages.
void setupLowmemReserve(Machine& m)
{
    for (const Node& n : m.nodes)
        for (std::size_t i = 0; i < n.zones.size(); ++i) {
            Zone& z = m.zones[n.zones[i]];
            const std::uint32_t ratio = m.config.sysctl.lowmemReserveRatio[static_cast<int>(z.type)];
            const bool clear = ratio == 0 || z.managed == 0;
            std::uint64_t managed = 0;
            z.lowmemReserve.fill(0);
            for (std::size_t j = i + 1; j < n.zones.size(); ++j) {
                managed += m.zones[n.zones[j]].managed;
                z.lowmemReserve[j] = clear ? 0 : managed / ratio;
            }
        }
    calculateTotalreservePages(m);
}

bool thpAvailable(const ArchSpec& a)
{
    return a.kind != ArchKind::X86_32 && !a.custom;
}

} // namespace

std::uint64_t intSqrt(std::uint64_t x)
{
    if (x < 2) return x;
    std::uint64_t r = static_cast<std::uint64_t>(__builtin_sqrtl(static_cast<long double>(x)));
    while (r * r > x) --r;
    while ((r + 1) * (r + 1) <= x) ++r;
    return r;
}

void recomputeWatermarks(Machine& m)
{
    for (Zone& z : m.zones) z.wmark.fill(0);
    // calculate_min_free_kbytes(): int_sqrt(lowmem_kbytes * 16), clamped to [128, 262144].
    const std::uint64_t lowmemKbytes = nrFreeBufferPages(m) * m.pageSize() / 1024;
    m.minFreeKbytes = std::clamp<std::uint64_t>(intSqrt(lowmemKbytes * 16), 128, 262144);
    // init_per_zone_wmark_min(): watermarks, then the lowmem reserves.
    setupPerZoneWmarks(m);
    setupLowmemReserve(m);
    // khugepaged's set_recommended_min_free_kbytes(): room for a free pageblock per
    // zone and migrate type, capped at 5% of lowmem.
    if (m.config.sysctl.thp != ThpMode::Never && thpAvailable(m.config.arch)) {
        const int top = gfpUserZoneIndex(m);
        std::uint64_t nrZones = 0;
        for (const Node& n : m.nodes)
            for (std::size_t i = 0; i < n.zones.size(); ++i)
                if (m.zones[n.zones[i]].populated() && static_cast<int>(i) <= top) ++nrZones;
        const std::uint64_t pageblockPages = 1ull << m.config.arch.pageblockOrder();
        std::uint64_t recommended = pageblockPages * nrZones * 2 + pageblockPages * nrZones * 3 * 3;
        recommended = std::min(recommended, nrFreeBufferPages(m) / 20);
        recommended = recommended * m.pageSize() / 1024;
        if (recommended > m.minFreeKbytes) {
            m.minFreeKbytes = recommended;
            setupPerZoneWmarks(m);
        }
    }
    if (m.config.sysctl.minFreeKbytes != 0) { // vm.min_free_kbytes written by the user
        m.minFreeKbytes = m.config.sysctl.minFreeKbytes;
        setupPerZoneWmarks(m);
    }
}

Machine bootMachine(const MachineConfig& config)
{
    Machine m;
    m.config = config;
    const ArchSpec& a = config.arch;
    const int shift = a.pageShift;
    const Pfn frames = config.ramBytes >> shift;
    m.frames.reset(frames);

    // Nodes lie one after the other in physical memory (node i spans its RAM right after
    // node i-1). Every node gets the same zone array, in zone-index order, with the
    // boundaries of zone_sizes_init() cut to the node's span: node 0 holds DMA and most
    // of DMA32, nodes above 4 GiB only Normal; the zones a node does not reach stay empty.
    const Pfn dmaEnd = std::min<Pfn>(frames, (16 * MiB) >> shift);
    const Pfn dma32End = std::min<Pfn>(frames, (4 * GiB) >> shift);
    const Pfn lowEnd = a.lowmemLimitBytes ? std::min<Pfn>(frames, a.lowmemLimitBytes >> shift) : frames;
    const int nodeCount = config.nodeCount();
    Pfn nodeStart = 0;
    for (int nid = 0; nid < nodeCount; ++nid) {
        Node node;
        node.id = nid;
        node.startPfn = nodeStart;
        // The last node ends with RAM (validate() made the nodes add up to ramBytes).
        if (nid == nodeCount - 1)
            node.spanned = frames - nodeStart;
        else
            node.spanned = static_cast<Pfn>(config.numaNodes[static_cast<std::size_t>(nid)].ramBytes >> shift);
        const Pfn nodeEnd = nodeStart + node.spanned;
        for (ZoneType t : zoneTypesOf(a)) {
            Zone z;
            z.type = t;
            z.node = static_cast<std::uint8_t>(nid);
            z.indexInNode = static_cast<std::uint8_t>(node.zones.size());
            Pfn s = 0, e = 0;
            switch (t) {
            case ZoneType::DMA:
                s = 0, e = dmaEnd;
                break;
            case ZoneType::DMA32:
                s = dmaEnd, e = dma32End;
                break;
            case ZoneType::Normal:
                s = a.custom ? 0 : a.is32bit ? dmaEnd : dma32End, e = a.is32bit ? lowEnd : frames;
                break;
            case ZoneType::HighMem:
                s = lowEnd, e = frames;
                break;
            default:
                break; // Movable and Device stay empty (no kernelcore=, no pmem)
            }
            if (t == ZoneType::DMA && e > 1) s = 1; // pfn 0 is never usable RAM on a PC
            s = std::max(s, nodeStart);
            e = std::min(e, nodeEnd);
            if (e > s) {
                z.startPfn = s;
                z.spanned = e - s;
                z.present = e - s;
            }
            node.zones.push_back(static_cast<std::uint8_t>(m.zones.size()));
            m.zones.push_back(z);
        }
        m.nodes.push_back(node);
        nodeStart = nodeEnd;
    }

    // What boot keeps for itself (memblock reservations), bottom-up in address order.
    auto toPfnUp = [&](std::uint64_t bytes) { return static_cast<Pfn>((bytes + a.pageSize() - 1) >> shift); };
    std::vector<Range> reserved;
    if (!a.custom) {
        // The low megabyte as a PC firmware leaves it: pfn 0 and the 640 KiB-1 MiB
        // legacy area (VGA, option ROMs, BIOS) are holes; the rest below 640 KiB is kept
        // by firmware and early boot. This gives the DMA zone of a real x86 machine:
        // start_pfn 1, spanned 4095, present 3998, managed 3840.
        reserved.push_back({ 0, 1, FrameState::Hole });
        reserved.push_back({ 1, 0x9f, FrameState::Firmware });
        reserved.push_back({ 0x9f, 0x100, FrameState::Hole });
        const Pfn kStart = a.kernelLoadBytes >> shift;
        reserved.push_back({ kStart, kStart + toPfnUp(a.kernelImageBytes), FrameState::KernelImage });
        // Each node's memmap (64 bytes per frame of the node) comes from the top of that
        // node: memblock allocates top-down and node-locally; it must be directly mapped
        // (below lowmem on 32-bit). The other boot allocations stay on node 0, below its memmap.
        for (const Node& node : m.nodes) {
            const Pfn mmTop = std::min<Pfn>(node.startPfn + node.spanned, lowEnd);
            const Pfn mmPages = toPfnUp(node.spanned * 64);
            reserved.push_back({ mmTop - mmPages, mmTop, FrameState::MemMap });
            if (node.id != 0) continue;
            const Pfn bootPages = toPfnUp(config.bootReservedBytes);
            if (bootPages) reserved.push_back({ mmTop - mmPages - bootPages, mmTop - mmPages, FrameState::BootAlloc });
        }
    }
    std::sort(reserved.begin(), reserved.end(), [](const Range& x, const Range& y) { return x.start < y.start; });

    for (const Range& r : reserved)
        for (Pfn p = r.start; p < r.end; ++p) m.frames.setHead(p, r.state, 0);

    for (Zone& z : m.zones) {
        if (!z.populated()) continue;
        Pfn res = 0, holes = 0;
        for (const Range& r : reserved) {
            const Pfn s = std::max(r.start, z.startPfn), e = std::min(r.end, z.endPfn());
            if (e > s) (r.state == FrameState::Hole ? holes : res) += e - s;
        }
        z.present -= holes;
        z.managed = z.present - res;
    }

    // memblock_free_all(): each free range goes to the buddy allocator in the largest
    // naturally aligned chunks, added at the list tail (FPI_TO_TAIL), lowest first.
    auto freeRange = [&](Pfn start, Pfn end) {
        while (start < end) {
            int order = start ? std::min(kMaxOrder, __builtin_ctzll(start)) : kMaxOrder;
            while (start + (Pfn(1) << order) > end) --order;
            const std::uint8_t zid = m.zoneOf(start);
            Zone& z = m.zones[zid];
            for (Pfn t = start + 1; t < start + (Pfn(1) << order); ++t) m.frames.setTail(t);
            m.frames.setHead(start, FrameState::Free, order);
            FreeArea& fa = z.freeArea[static_cast<std::size_t>(order)];
            m.frames.setNext(start, kNil);
            m.frames.setPrev(start, fa.tail);
            if (fa.tail != kNil)
                m.frames.setNext(fa.tail, static_cast<std::uint32_t>(start));
            else
                fa.head = static_cast<std::uint32_t>(start);
            fa.tail = static_cast<std::uint32_t>(start);
            ++fa.nrFree;
            z.freePages += Pfn(1) << order;
            start += Pfn(1) << order;
        }
    };
    for (const Zone& z : m.zones) {
        if (!z.populated()) continue;
        Pfn cursor = z.startPfn;
        for (const Range& r : reserved) {
            if (r.end <= cursor || r.start >= z.endPfn()) continue;
            if (r.start > cursor) freeRange(cursor, std::min(r.start, z.endPfn()));
            cursor = std::max(cursor, r.end);
        }
        if (cursor < z.endPfn()) freeRange(cursor, z.endPfn());
    }

    // Zonelists (ZONELIST_FALLBACK): every node's populated zones, highest first, the
    // nodes in the order find_next_best_node() gives (phys/Numa.h).
    numa::buildZonelists(m);

    recomputeWatermarks(m);
    vm::boot(m);
    reclaim::boot(m);
    kmem::boot(m);
    // build_all_zonelists() logs each node's fallback order on a NUMA machine, early in
    // boot (before swapon's line).
    if (m.nodes.size() > 1)
        for (std::size_t n = 0; n < m.nodes.size(); ++n) {
            KlogRecord r;
            r.kind = KlogKind::FallbackOrder;
            r.v[0] = static_cast<std::int64_t>(n);
            m.klog.insert(m.klog.begin() + static_cast<std::ptrdiff_t>(n), r);
        }
    return m;
}

} // namespace memviz
