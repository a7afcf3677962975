#pragma once
/// Queries over the kernel's own mappings (alloc/Kmem.h): vmalloc areas and kernel stacks
/// (Vmalloc.cpp), the persistent kmap window and kmap_local slots (Kmap.cpp). For the
/// script API, the views, /proc/vmallocinfo and the consistency checker. Read-only.
///
/// Frame states these mappings use (phys/FrameTable.h):
///  - FrameState::Vmalloc: an order-0 page of a vmalloc area; priv = the low 32 bits of
///    its page number inside the vmalloc range ((address - VMALLOC_START) >> PAGE_SHIFT).
///  - FrameState::KernelStack: a page of a kernel stack, priv = pid. 64-bit: order-0
///    pages of a Stack-kind vmalloc area (CONFIG_VMAP_STACK); x86-32: one order-1 block
///    of lowmem (THREAD_SIZE 8 KiB) addressed through the direct map.

#include "alloc/Kmem.h"

#include <cstdint>
#include <string>

namespace memviz {

struct Machine;
class Emitter;

namespace kmem {

/// Vmalloc/Vfree event operation (order) beyond VmallocOp for an x86-32 kernel stack,
/// which is not vmalloc'd: Vmalloc{kVmallocDirectStack} makes the order-1 block at pfn
/// pid's stack at direct-map address a (b = THREAD_SIZE); Vfree{kVmallocDirectStack}
/// (same fields) gives it back before the block is freed.
inline constexpr VmallocOp kVmallocDirectStack = VmallocOp::DirectStack;

/// THREAD_SIZE: 16 KiB on 64-bit (4 pages), 8 KiB on x86-32 (an order-1 block).
std::uint64_t threadSize(const Machine& m);

/// The vmalloc area whose range (its guard page included) holds addr, or nullptr.
const VmArea* vmAreaAt(const Machine& m, std::uint64_t addr);
/// The area a vfree(addr) would free: one of Vmalloc kind starting exactly at addr.
const VmArea* vmallocAreaStarting(const Machine& m, std::uint64_t addr);

/// The lowest address where an area of `size` bytes (guard page included) aligned to
/// `align` fits in [VMALLOC_START, VMALLOC_END) (alloc_vmap_area's first fit), or 0.
std::uint64_t findVmallocGap(const Machine& m, std::uint64_t size, std::uint64_t align);

/// flush_tlb_kernel_range(start, end): one TlbFlush event (pid 0, EventFlag::Kernel, kind
/// Page) per page up to tlb_single_page_flush_ceiling = 33 pages, else one flush of
/// everything (kind All, global entries too). Used by vfree, kunmap_local and the pkmap flush.
void flushTlbKernelRange(const Machine& m, Emitter& em, std::uint64_t start, std::uint64_t end);

/// The frame behind a kernel virtual address: the direct map (lowmem), the kernel text
/// mapping (64-bit), a mapped vmalloc page, a pkmap slot in use or a kmap_local slot;
/// ~0 (kNoPfn) when nothing is mapped there.
Pfn kernelVirtToPfn(const Machine& m, std::uint64_t va);

/// The other way round, for the physical map's tooltip and the KernelSpaceView's lines:
/// where the kernel sees frame pfn. A Vmalloc page or a 64-bit kernel-stack page: its
/// address in the vmalloc area; any other frame: pageAddress(). 0 when it has none.
std::uint64_t kernelAddressOf(const Machine& m, Pfn pfn);

/// PageHighMem(): the frame lies in a HighMem zone (x86-32 above 896 MiB).
bool isHighMemPage(const Machine& m, Pfn pfn);
/// page_address(): the direct-map address of a lowmem page, the pkmap address of a
/// HighMem page with a pkmap slot (count >= 1), else 0.
std::uint64_t pageAddress(const Machine& m, Pfn pfn);
/// The pkmap slot mapping pfn (count >= 1), or -1.
int pkmapSlotOfPage(const Machine& m, Pfn pfn);
/// Users of the frames [pfn, pfn + 2^order) through kmap: pkmap slots held (count >= 2)
/// and kmap_local slots. A block with users must not be freed (the lead's validateFree
/// can refuse it with this).
std::uint32_t kmapUsers(const Machine& m, Pfn pfn, int order);

/// /proc/vmallocinfo as mm/vmalloc.c's vmalloc_info_show() prints it, one line per area
/// in address order:
///   0xffffc90000000000-0xffffc90000005000   20480 dup_task_struct+0x51/0x1f0 pages=4 vmalloc N0=4
/// "0x%pK-0x%pK %7ld %pS pages=%d vmalloc" and, on a NUMA kernel (64-bit, or several
/// nodes), " N<node>=<pages>" for each node holding pages. The callers are fixed symbols:
/// dup_task_struct for kernel stacks, vmalloc_user_script [memviz] (a module's function)
/// for a script's vmalloc(); their offsets are illustrative. Only memviz's areas are
/// listed (a real kernel also shows ioremap, module and BPF areas from boot).
std::string formatVmallocinfo(const Machine& m);

} // namespace kmem
} // namespace memviz
