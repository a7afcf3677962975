#pragma once
/// The kernel half of the virtual address space of each architecture, with KASLR off
/// (Documentation/arch/x86/x86_64/mm.rst; arch/x86/include/asm/pgtable_32_areas.h,
/// highmem.h, fixmap.h, cpu_entry_area.h of Linux 6.12): where the direct map, the
/// vmalloc area, the persistent kmap window and the fixmap lie, and __pa()/__va() of the
/// direct map.
///
/// x86-32 is computed with the kernel's own formulas for an i386_defconfig-like build
/// (NR_CPUS 8, local APIC and IO-APIC, PCI_MMCONFIG; no PARAVIRT_XXL, APEI GHES, INTEL_TXT
/// or OHCI1394 early DMA): FIXADDR_TOP 0xfffff000, then below it the fixmap (with the
/// early_ioremap slots), the cpu_entry_area, the LDT remap, the pkmap window, two guard
/// pages and the vmalloc area down to high_memory + 8 MiB. memviz keeps the notes' 896 MiB
/// of lowmem (the classic MAXMEM); a 6.12 kernel would lower high_memory until the vmalloc
/// area had its 128 MiB (__VMALLOC_RESERVE), so its vmalloc area is smaller here.

#include "arch/ArchSpec.h"

#include <cstdint>
#include <string_view>
#include <vector>

namespace memviz {

/// What a region of the kernel's address space is for.
enum class KernelRegionKind : std::uint8_t {
    User,        ///< the user half (TASK_SIZE), shown for scale
    Hole,        ///< unused or a guard hole
    DirectMap,   ///< lowmem / all RAM mapped 1:1 at PAGE_OFFSET (kmalloc, slab, page tables)
    Vmalloc,     ///< VMALLOC_START .. VMALLOC_END (vmalloc, ioremap, kernel stacks on 64-bit)
    Vmemmap,     ///< the struct page array (64-bit)
    Pkmap,       ///< the persistent kmap window (x86-32 with HighMem)
    Fixmap,      ///< compile-time fixed addresses, kmap_local's per-CPU slots among them
    KernelText,  ///< the kernel image mapping (__START_KERNEL_map on 64-bit)
    Modules,     ///< loadable modules (64-bit)
    Other,       ///< LDT remap, cpu_entry_area, KASAN shadow, EFI, vsyscall
};

struct KernelRegion {
    KernelRegionKind kind = KernelRegionKind::Hole;
    std::string_view name; ///< the kernel's name for it, e.g. "vmalloc", "cpu_entry_area"
    std::uint64_t start = 0;
    std::uint64_t end = 0; ///< exclusive (0 means the top of the 64-bit address space)
};

struct KernelLayout {
    std::uint64_t pageOffset = 0;    ///< PAGE_OFFSET: the direct map starts here
    std::uint64_t highMemory = 0;    ///< high_memory: end of the direct map of RAM (lowmem)
    std::uint64_t vmallocStart = 0, vmallocEnd = 0; ///< [start, end)
    std::uint64_t pkmapBase = 0;     ///< PKMAP_BASE (x86-32; 0 on 64-bit)
    std::uint32_t lastPkmap = 0;     ///< LAST_PKMAP slots (1024, or 512 with PAE; 0 on 64-bit)
    std::uint64_t fixaddrTop = 0;    ///< FIXADDR_TOP: fixmap index i is at fixaddrTop - i pages
    std::uint64_t fixaddrStart = 0;  ///< FIXADDR_START: below it only the boot-time early_ioremap slots
    std::uint32_t fixKmapBegin = 0;  ///< fixmap index of the first kmap_local slot (FIX_KMAP_BEGIN)
    std::uint32_t kmapLocalSlots = 0; ///< KM_MAX_IDX slots of CPU 0 (0 on 64-bit: no CONFIG_KMAP_LOCAL)
    std::uint64_t kernelTextStart = 0; ///< where the kernel image is mapped (_text)
    std::uint64_t startKernelMap = 0; ///< __START_KERNEL_map (64-bit), 0 on 32-bit
    std::uint64_t vmemmapBase = 0;   ///< 64-bit only
    std::vector<KernelRegion> regions; ///< the whole address space in address order, user half first

    std::uint64_t pkmapAddr(std::uint32_t slot) const { return pkmapBase + (std::uint64_t(slot) << 12); }
    std::uint64_t kmapLocalAddr(std::uint32_t slot) const { return fixaddrTop - (std::uint64_t(fixKmapBegin + slot) << 12); }
};

/// The layout of an x86 preset with `ramBytes` of RAM (custom textbook specs: empty regions).
KernelLayout kernelLayout(const ArchSpec& a, std::uint64_t ramBytes);

/// __va(): the direct-map address of physical address pa (only meaningful below high_memory).
std::uint64_t physToVirt(const KernelLayout& l, std::uint64_t pa);
/// __pa(): the physical address of a direct-map (or, on 64-bit, kernel-text) address; ~0 for others.
std::uint64_t virtToPhys(const KernelLayout& l, std::uint64_t va);
/// Whether va lies in the direct map of RAM ([PAGE_OFFSET, high_memory)).
bool inDirectMap(const KernelLayout& l, std::uint64_t va);
/// is_vmalloc_addr(): va lies in [VMALLOC_START, VMALLOC_END).
bool inVmallocRange(const KernelLayout& l, std::uint64_t va);
/// PKMAP_NR(): the pkmap slot whose page holds va, or -1 outside the window.
int pkmapSlotOf(const KernelLayout& l, std::uint64_t va);
/// The kmap_local slot (of CPU 0) whose page holds va, or -1.
int kmapLocalSlotOf(const KernelLayout& l, std::uint64_t va);
/// The region holding va (nullptr when the layout has none, e.g. a textbook machine).
const KernelRegion* regionOf(const KernelLayout& l, std::uint64_t va);

} // namespace memviz
