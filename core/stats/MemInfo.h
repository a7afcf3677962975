#pragma once
/// /proc/meminfo values (kB) as fs/proc/meminfo.c and si_mem_available() compute
/// them, for the fields the simulator has so far.

#include <cstdint>

namespace memviz {

struct Machine;

struct MemInfo {
    std::uint64_t memTotal = 0, memFree = 0, memAvailable = 0;
    std::uint64_t buffers = 0, cached = 0, swapCached = 0;
    std::uint64_t activeFile = 0, inactiveFile = 0;
    bool hasHighmem = false;
    std::uint64_t highTotal = 0, highFree = 0, lowTotal = 0, lowFree = 0;
    std::uint64_t swapTotal = 0, swapFree = 0;
    std::uint64_t shmem = 0, sReclaimable = 0, sUnreclaim = 0;
    std::uint64_t commitLimit = 0, committedAs = 0;
};

MemInfo computeMemInfo(const Machine& m);

/// si_mem_available() in pages.
std::uint64_t memAvailablePages(const Machine& m);

} // namespace memviz
