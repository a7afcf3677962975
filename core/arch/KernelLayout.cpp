#include "arch/KernelLayout.h"

#include <algorithm>

namespace memviz {

namespace {

constexpr std::uint64_t MiB = 1ull << 20;
constexpr std::uint64_t kPage = 4096;

// The i386 build the 32-bit layout is computed for (see KernelLayout.h).
constexpr std::uint64_t kNrCpus32 = 8;     ///< CONFIG_NR_CPUS (i386 default without X86_BIGSMP)
constexpr std::uint64_t kMaxIoApics32 = 64; ///< MAX_IO_APICS on 32-bit (asm/apicdef.h)
constexpr std::uint32_t kKmMaxIdx = 16;     ///< KM_MAX_IDX (asm-generic/kmap_size.h, no DEBUG_KMAP_LOCAL)
/// sizeof(struct cpu_entry_area) on x86-32 in pages: gdt, guard, entry stack, guard,
/// doublefault stack, tss_struct (the TSS and two 8 KiB I/O bitmaps: 5 pages), the debug
/// store, and the BTS and PEBS buffers (16 pages each).
constexpr std::uint64_t kCpuEntryAreaPages32 = 1 + 1 + 1 + 1 + 1 + 5 + 1 + 32;

void layout32(KernelLayout& l, const ArchSpec& a, std::uint64_t ramBytes)
{
    // The 3G/1G split (CONFIG_VMSPLIT_3G): PAGE_OFFSET 0xC0000000, lowmem directly mapped
    // up to 896 MiB, an 8 MiB gap (VMALLOC_OFFSET), the vmalloc area up to two pages
    // below PKMAP_BASE, the pkmap window, the LDT remap, the cpu_entry_area, the fixmap.
    const bool pae = a.kind == ArchKind::X86_PAE;
    const std::uint64_t pmdSize = pae ? 2 * MiB : 4 * MiB; // one PMD entry maps 2 MiB (PAE) or 4 MiB
    const std::uint64_t pmdMask = ~(pmdSize - 1);
    const std::uint64_t ptrsPerPte = pae ? 512 : 1024;
    l.pageOffset = 0xC0000000ull;
    const std::uint64_t lowmem = std::min(ramBytes, a.lowmemLimitBytes ? a.lowmemLimitBytes : ramBytes);
    l.highMemory = l.pageOffset + lowmem;
    l.vmallocStart = l.highMemory + 8 * MiB; // VMALLOC_START = high_memory + VMALLOC_OFFSET
    l.fixaddrTop = 0xFFFFF000ull;            // __FIXADDR_TOP
    l.lastPkmap = pae ? 512 : 1024;          // LAST_PKMAP
    // enum fixed_addresses: FIX_HOLE, FIX_DBGP_BASE, FIX_EARLYCON_MEM_BASE, FIX_APIC_BASE,
    // FIX_IO_APIC_BASE_0..END, then FIX_KMAP_BEGIN..END (KM_MAX_IDX per CPU), FIX_PCIE_MCFG.
    l.fixKmapBegin = static_cast<std::uint32_t>(4 + kMaxIoApics32);
    l.kmapLocalSlots = kKmMaxIdx;
    const std::uint64_t endPermanent = l.fixKmapBegin + kKmMaxIdx * kNrCpus32 + 1;
    // 512 early_ioremap slots, moved up to a 512-page boundary when they would straddle a
    // page table (FIX_BTMAP_END), then FIX_WP_TEST.
    const std::uint64_t btmaps = 512;
    const std::uint64_t btmapEnd = ((endPermanent ^ (endPermanent + btmaps - 1)) & ~(ptrsPerPte - 1))
        ? endPermanent + btmaps - (endPermanent & (btmaps - 1))
        : endPermanent;
    const std::uint64_t endFixed = btmapEnd + btmaps + 1;
    l.fixaddrStart = l.fixaddrTop - endPermanent * kPage;
    const std::uint64_t fixaddrTotStart = l.fixaddrTop - endFixed * kPage;
    // pgtable_32_areas.h: each area below the previous one, aligned down to a PMD.
    const std::uint64_t ceaPages = kNrCpus32 * kCpuEntryAreaPages32;
    const std::uint64_t ceaBase = (fixaddrTotStart - kPage * (ceaPages + 1)) & pmdMask; // +1: the read-only IDT
    const std::uint64_t ldtBase = (ceaBase - kPage) & pmdMask;
    l.pkmapBase = (ldtBase - kPage) & pmdMask;
    l.vmallocEnd = l.pkmapBase - 2 * kPage; // CONFIG_HIGHMEM
    l.kernelTextStart = l.pageOffset + a.kernelLoadBytes;
    const std::uint64_t pkmapEnd = l.pkmapBase + (std::uint64_t(l.lastPkmap) << 12);
    const std::uint64_t ldtEnd = ldtBase + pmdSize;
    const std::uint64_t ceaEnd = ceaBase + (ceaPages + 1) * kPage;
    l.regions = {
        { KernelRegionKind::User, "user", 0, l.pageOffset },
        { KernelRegionKind::DirectMap, "lowmem", l.pageOffset, l.highMemory },
        { KernelRegionKind::Hole, "VMALLOC_OFFSET", l.highMemory, l.vmallocStart },
        { KernelRegionKind::Vmalloc, "vmalloc", l.vmallocStart, l.vmallocEnd },
        { KernelRegionKind::Hole, "guard", l.vmallocEnd, l.pkmapBase },
        { KernelRegionKind::Pkmap, "pkmap", l.pkmapBase, pkmapEnd },
    };
    if (pkmapEnd < ldtBase) l.regions.push_back({ KernelRegionKind::Hole, "unused", pkmapEnd, ldtBase });
    l.regions.push_back({ KernelRegionKind::Other, "LDT remap", ldtBase, ldtEnd });
    if (ldtEnd < ceaBase) l.regions.push_back({ KernelRegionKind::Hole, "unused", ldtEnd, ceaBase });
    l.regions.push_back({ KernelRegionKind::Other, "cpu_entry_area", ceaBase, ceaEnd });
    if (ceaEnd < fixaddrTotStart) l.regions.push_back({ KernelRegionKind::Hole, "unused", ceaEnd, fixaddrTotStart });
    l.regions.push_back({ KernelRegionKind::Fixmap, "fixmap", fixaddrTotStart, l.fixaddrTop + kPage });
}

void layout64(KernelLayout& l, const ArchSpec& a, std::uint64_t ramBytes)
{
    const bool la57 = a.kind == ArchKind::X86_64_LA57;
    l.startKernelMap = 0xffffffff80000000ull;
    l.kernelTextStart = l.startKernelMap + a.kernelLoadBytes;
    // FIXADDR_TOP = round_up(VSYSCALL_ADDR + PAGE_SIZE, PMD_SIZE) - PAGE_SIZE. The permanent
    // entries: indices up to VSYSCALL_PAGE (511), FIX_DBGP_BASE, FIX_EARLYCON_MEM_BASE,
    // FIX_APIC_BASE, 128 IO-APICs, FIX_PARAVIRT_BOOTMAP, two APEI GHES entries (a Debian
    // 12 build): FIXADDR_START is 646 pages below, about -10.5 MB as mm.rst says.
    l.fixaddrTop = 0xffffffffff7ff000ull;
    l.fixaddrStart = l.fixaddrTop - 646 * kPage;
    l.fixKmapBegin = 0;
    l.kmapLocalSlots = 0; // CONFIG_KMAP_LOCAL is for HIGHMEM: kmap_local_page() is page_address()
    const std::uint64_t user = la57 ? 0x0100000000000000ull : 0x0000800000000000ull;
    const std::uint64_t guardHole = la57 ? 0xff00000000000000ull : 0xffff800000000000ull;
    const std::uint64_t ldt = la57 ? 0xff10000000000000ull : 0xffff880000000000ull;
    l.pageOffset = la57 ? 0xff11000000000000ull : 0xffff888000000000ull;
    const std::uint64_t directEnd = la57 ? 0xff91000000000000ull : 0xffffc88000000000ull;
    l.vmallocStart = la57 ? 0xffa0000000000000ull : 0xffffc90000000000ull;
    l.vmallocEnd = la57 ? 0xffd2000000000000ull : 0xffffe90000000000ull; // VMALLOC_SIZE_TB 12800 / 32
    l.vmemmapBase = la57 ? 0xffd4000000000000ull : 0xffffea0000000000ull;
    const std::uint64_t vmemmapEnd = la57 ? 0xffd6000000000000ull : 0xffffeb0000000000ull;
    const std::uint64_t kasan = la57 ? 0xffdf000000000000ull : 0xffffec0000000000ull;
    l.regions = {
        { KernelRegionKind::User, "user", 0, user },
        { KernelRegionKind::Hole, "non-canonical", user, guardHole },
        { KernelRegionKind::Hole, "guard hole", guardHole, ldt },
        { KernelRegionKind::Other, "LDT remap", ldt, l.pageOffset },
        { KernelRegionKind::DirectMap, "direct map", l.pageOffset, directEnd },
        { KernelRegionKind::Hole, "unused", directEnd, l.vmallocStart },
        { KernelRegionKind::Vmalloc, "vmalloc", l.vmallocStart, l.vmallocEnd },
        { KernelRegionKind::Hole, "unused", l.vmallocEnd, l.vmemmapBase },
        { KernelRegionKind::Vmemmap, "vmemmap", l.vmemmapBase, vmemmapEnd },
        { KernelRegionKind::Hole, "unused", vmemmapEnd, kasan },
        // From here on both layouts are the same.
        { KernelRegionKind::Other, "KASAN shadow", kasan, 0xfffffc0000000000ull },
        { KernelRegionKind::Hole, "unused", 0xfffffc0000000000ull, 0xfffffe0000000000ull },
        { KernelRegionKind::Other, "cpu_entry_area", 0xfffffe0000000000ull, 0xfffffe8000000000ull },
        { KernelRegionKind::Hole, "unused", 0xfffffe8000000000ull, 0xffffff0000000000ull },
        { KernelRegionKind::Other, "%esp fixup stacks", 0xffffff0000000000ull, 0xffffff8000000000ull },
        { KernelRegionKind::Hole, "unused", 0xffffff8000000000ull, 0xffffffef00000000ull },
        { KernelRegionKind::Other, "EFI", 0xffffffef00000000ull, 0xffffffff00000000ull },
        { KernelRegionKind::Hole, "unused", 0xffffffff00000000ull, 0xffffffff80000000ull },
        { KernelRegionKind::KernelText, "kernel text", 0xffffffff80000000ull, 0xffffffffa0000000ull },
        { KernelRegionKind::Modules, "modules", 0xffffffffa0000000ull, 0xffffffffff000000ull },
        { KernelRegionKind::Hole, "unused", 0xffffffffff000000ull, l.fixaddrStart },
        { KernelRegionKind::Fixmap, "fixmap", l.fixaddrStart, 0xffffffffff600000ull },
        { KernelRegionKind::Other, "vsyscall", 0xffffffffff600000ull, 0xffffffffff601000ull },
        { KernelRegionKind::Hole, "unused", 0xffffffffff601000ull, 0 },
    };
    l.highMemory = l.pageOffset + ramBytes;
}

} // namespace

KernelLayout kernelLayout(const ArchSpec& a, std::uint64_t ramBytes)
{
    KernelLayout l;
    if (a.custom) return l;
    if (a.is32bit)
        layout32(l, a, ramBytes);
    else
        layout64(l, a, ramBytes);
    return l;
}

std::uint64_t physToVirt(const KernelLayout& l, std::uint64_t pa)
{
    return l.pageOffset + pa;
}

std::uint64_t virtToPhys(const KernelLayout& l, std::uint64_t va)
{
    if (va >= l.pageOffset && va < l.highMemory) return va - l.pageOffset;
    if (l.startKernelMap && va >= l.startKernelMap && va < l.startKernelMap + (512ull << 20))
        return va - l.startKernelMap; // __phys_addr_symbol(): phys_base is 0 without KASLR
    return ~0ull;
}

bool inDirectMap(const KernelLayout& l, std::uint64_t va)
{
    return va >= l.pageOffset && va < l.highMemory;
}

bool inVmallocRange(const KernelLayout& l, std::uint64_t va)
{
    return va >= l.vmallocStart && va < l.vmallocEnd;
}

int pkmapSlotOf(const KernelLayout& l, std::uint64_t va)
{
    if (!l.lastPkmap || va < l.pkmapBase) return -1;
    const std::uint64_t nr = (va - l.pkmapBase) >> 12;
    return nr < l.lastPkmap ? static_cast<int>(nr) : -1;
}

int kmapLocalSlotOf(const KernelLayout& l, std::uint64_t va)
{
    if (!l.kmapLocalSlots) return -1;
    const std::uint64_t page = va & ~(kPage - 1);
    if (page > l.kmapLocalAddr(0) || page < l.kmapLocalAddr(l.kmapLocalSlots - 1)) return -1;
    return static_cast<int>((l.kmapLocalAddr(0) - page) >> 12);
}

const KernelRegion* regionOf(const KernelLayout& l, std::uint64_t va)
{
    for (const KernelRegion& r : l.regions)
        if (va >= r.start && (r.end == 0 || va < r.end)) return &r;
    return nullptr;
}

} // namespace memviz
