#include "arch/KernelLayout.h"

#include <algorithm>

namespace memviz {

namespace {

constexpr std::uint64_t MiB = 1ull << 20;

void layout32(KernelLayout& l, const ArchSpec& a, std::uint64_t ramBytes)
{
    // The 3G/1G split (CONFIG_VMSPLIT_3G): PAGE_OFFSET 0xC0000000, lowmem directly mapped
    // up to MAXMEM (≈896 MiB), an 8 MiB gap (VMALLOC_OFFSET), the vmalloc area up to two
    // pages below PKMAP_BASE, the pkmap window, then the fixmap up to FIXADDR_TOP.
    const bool pae = a.kind == ArchKind::X86_PAE;
    l.pageOffset = 0xC0000000ull;
    const std::uint64_t lowmem = std::min(ramBytes, a.lowmemLimitBytes ? a.lowmemLimitBytes : ramBytes);
    l.highMemory = l.pageOffset + lowmem;
    const std::uint64_t vmallocOffset = 8 * MiB;
    l.vmallocStart = (l.highMemory + vmallocOffset) & ~(vmallocOffset - 1);
    l.fixaddrTop = 0xFFFFF000ull;
    l.lastPkmap = pae ? 512 : 1024;
    l.pkmapBase = 0xFF800000ull;
    l.vmallocEnd = l.pkmapBase - 2 * 4096;
    l.fixKmapBegin = 16; // after the fixed entries at the top (APIC, IO-APIC, ...)
    l.kmapLocalSlots = 16;     // KM_MAX_IDX
    l.kernelTextStart = l.pageOffset + a.kernelLoadBytes;
    const std::uint64_t pkmapEnd = l.pkmapBase + (std::uint64_t(l.lastPkmap) << 12);
    const std::uint64_t fixStart = 0xFFC00000ull;
    l.regions = {
        { KernelRegionKind::User, "user", 0, l.pageOffset },
        { KernelRegionKind::DirectMap, "lowmem", l.pageOffset, l.highMemory },
        { KernelRegionKind::Hole, "VMALLOC_OFFSET", l.highMemory, l.vmallocStart },
        { KernelRegionKind::Vmalloc, "vmalloc", l.vmallocStart, l.vmallocEnd },
        { KernelRegionKind::Hole, "guard", l.vmallocEnd, l.pkmapBase },
        { KernelRegionKind::Pkmap, "pkmap", l.pkmapBase, pkmapEnd },
    };
    if (pkmapEnd < fixStart) l.regions.push_back({ KernelRegionKind::Hole, "unused", pkmapEnd, fixStart });
    l.regions.push_back({ KernelRegionKind::Fixmap, "fixmap", fixStart, l.fixaddrTop + 4096 });
    if (ramBytes <= lowmem) { // no HighMem: CONFIG_HIGHMEM still reserves the window, nothing maps there
    }
}

void layout64(KernelLayout& l, const ArchSpec& a, std::uint64_t ramBytes)
{
    const bool la57 = a.kind == ArchKind::X86_64_LA57;
    l.startKernelMap = 0xffffffff80000000ull;
    l.kernelTextStart = l.startKernelMap + a.kernelLoadBytes;
    l.fixaddrTop = 0xffffffffff5ff000ull; // FIXADDR_TOP: just below the vsyscall page
    l.fixKmapBegin = 16;
    l.kmapLocalSlots = 16;
    if (!la57) {
        l.pageOffset = 0xffff888000000000ull;
        l.vmallocStart = 0xffffc90000000000ull;
        l.vmallocEnd = 0xffffe90000000000ull;
        l.vmemmapBase = 0xffffea0000000000ull;
        l.regions = {
            { KernelRegionKind::User, "user", 0, 0x0000800000000000ull },
            { KernelRegionKind::Hole, "non-canonical", 0x0000800000000000ull, 0xffff800000000000ull },
            { KernelRegionKind::Hole, "guard hole", 0xffff800000000000ull, 0xffff880000000000ull },
            { KernelRegionKind::Other, "LDT remap", 0xffff880000000000ull, 0xffff888000000000ull },
            { KernelRegionKind::DirectMap, "direct map", 0xffff888000000000ull, 0xffffc88000000000ull },
            { KernelRegionKind::Hole, "unused", 0xffffc88000000000ull, 0xffffc90000000000ull },
            { KernelRegionKind::Vmalloc, "vmalloc", l.vmallocStart, l.vmallocEnd },
            { KernelRegionKind::Hole, "unused", 0xffffe90000000000ull, 0xffffea0000000000ull },
            { KernelRegionKind::Vmemmap, "vmemmap", 0xffffea0000000000ull, 0xffffeb0000000000ull },
            { KernelRegionKind::Hole, "unused", 0xffffeb0000000000ull, 0xffffec0000000000ull },
            { KernelRegionKind::Other, "KASAN shadow", 0xffffec0000000000ull, 0xfffffc0000000000ull },
            { KernelRegionKind::Hole, "unused", 0xfffffc0000000000ull, 0xfffffe0000000000ull },
            { KernelRegionKind::Other, "cpu_entry_area", 0xfffffe0000000000ull, 0xfffffe8000000000ull },
            { KernelRegionKind::Hole, "unused", 0xfffffe8000000000ull, 0xffffff0000000000ull },
            { KernelRegionKind::Other, "%esp fixup stacks", 0xffffff0000000000ull, 0xffffff8000000000ull },
            { KernelRegionKind::Hole, "unused", 0xffffff8000000000ull, 0xffffffef00000000ull },
            { KernelRegionKind::Other, "EFI", 0xffffffef00000000ull, 0xffffffff00000000ull },
            { KernelRegionKind::Hole, "unused", 0xffffffff00000000ull, 0xffffffff80000000ull },
            { KernelRegionKind::KernelText, "kernel text", 0xffffffff80000000ull, 0xffffffffa0000000ull },
            { KernelRegionKind::Modules, "modules", 0xffffffffa0000000ull, 0xffffffffff000000ull },
            { KernelRegionKind::Fixmap, "fixmap", 0xffffffffff000000ull, 0xffffffffff600000ull },
            { KernelRegionKind::Other, "vsyscall", 0xffffffffff600000ull, 0xffffffffff601000ull },
            { KernelRegionKind::Hole, "unused", 0xffffffffff601000ull, 0 },
        };
    } else {
        l.pageOffset = 0xff11000000000000ull;
        l.vmallocStart = 0xffa0000000000000ull;
        l.vmallocEnd = 0xffd2000000000000ull;
        l.vmemmapBase = 0xffd4000000000000ull;
        l.regions = {
            { KernelRegionKind::User, "user", 0, 0x0100000000000000ull },
            { KernelRegionKind::Hole, "non-canonical", 0x0100000000000000ull, 0xff00000000000000ull },
            { KernelRegionKind::Hole, "guard hole", 0xff00000000000000ull, 0xff10000000000000ull },
            { KernelRegionKind::Other, "LDT remap", 0xff10000000000000ull, 0xff11000000000000ull },
            { KernelRegionKind::DirectMap, "direct map", 0xff11000000000000ull, 0xff91000000000000ull },
            { KernelRegionKind::Hole, "unused", 0xff91000000000000ull, 0xffa0000000000000ull },
            { KernelRegionKind::Vmalloc, "vmalloc", l.vmallocStart, l.vmallocEnd },
            { KernelRegionKind::Hole, "unused", 0xffd2000000000000ull, 0xffd4000000000000ull },
            { KernelRegionKind::Vmemmap, "vmemmap", 0xffd4000000000000ull, 0xffd6000000000000ull },
            { KernelRegionKind::Hole, "unused", 0xffd6000000000000ull, 0xffdf000000000000ull },
            { KernelRegionKind::Other, "KASAN shadow", 0xffdf000000000000ull, 0xfffffc0000000000ull },
            { KernelRegionKind::Hole, "unused", 0xfffffc0000000000ull, 0xfffffe0000000000ull },
            { KernelRegionKind::Other, "cpu_entry_area", 0xfffffe0000000000ull, 0xfffffe8000000000ull },
            { KernelRegionKind::Hole, "unused", 0xfffffe8000000000ull, 0xffffff0000000000ull },
            { KernelRegionKind::Other, "%esp fixup stacks", 0xffffff0000000000ull, 0xffffff8000000000ull },
            { KernelRegionKind::Hole, "unused", 0xffffff8000000000ull, 0xffffffef00000000ull },
            { KernelRegionKind::Other, "EFI", 0xffffffef00000000ull, 0xffffffff00000000ull },
            { KernelRegionKind::Hole, "unused", 0xffffffff00000000ull, 0xffffffff80000000ull },
            { KernelRegionKind::KernelText, "kernel text", 0xffffffff80000000ull, 0xffffffffa0000000ull },
            { KernelRegionKind::Modules, "modules", 0xffffffffa0000000ull, 0xffffffffff000000ull },
            { KernelRegionKind::Fixmap, "fixmap", 0xffffffffff000000ull, 0xffffffffff600000ull },
            { KernelRegionKind::Other, "vsyscall", 0xffffffffff600000ull, 0xffffffffff601000ull },
            { KernelRegionKind::Hole, "unused", 0xffffffffff601000ull, 0 },
        };
    }
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

} // namespace memviz
