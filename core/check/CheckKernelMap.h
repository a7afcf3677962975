#pragma once
/// Consistency of the kernel's own mappings (part of checkMachine): vmalloc areas,
/// kernel stacks, the persistent kmap window and the kmap_local slots (alloc/KernelMap.h).

#include "check/Checker.h"

#include <vector>

namespace memviz {

/// VmallocBroken: an area outside [VMALLOC_START, VMALLOC_END), overlapping the next
/// one, without its guard page, or with a page that is not a frame of the matching state
/// (Vmalloc with its priv, KernelStack of its pid) or is mapped twice; a frame of state
/// Vmalloc/KernelStack that no area or stack holds; VmallocUsed/KernelStack counts that
/// differ from the pages they count; a live process whose kstack is not its stack (a
/// Stack area of its pid, or on x86-32 an order-1 KernelStack block), a dead one still
/// holding one. KmapBroken: a pkmap slot holding a page with count 0 or none with a
/// count, a page in two slots or not in HighMem, a slot in use (count >= 2) or a
/// kmap_local slot whose page is not an allocated kernel page, more kmap_local slots than
/// KM_MAX_IDX, a window of the wrong size.
void checkKernelMappings(const Machine& m, std::vector<Finding>& out);

} // namespace memviz
