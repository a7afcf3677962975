#pragma once
/// Booting a machine: lay out zones, reserve what the kernel keeps for itself,
/// hand the rest to the buddy allocator, compute watermarks and zonelists.

#include "sim/Machine.h"

namespace memviz {

/// Builds the machine right after boot. The config must have passed validate().
Machine bootMachine(const MachineConfig& config);

/// Watermark set-up as in mm/page_alloc.c (reference §2). Re-run when a sysctl changes.
void recomputeWatermarks(Machine& m);

/// floor(sqrt(x)), as the kernel's int_sqrt.
std::uint64_t intSqrt(std::uint64_t x);

} // namespace memviz
