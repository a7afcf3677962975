#include "sim/MachineConfig.h"

#include "util/Size.h"

#include <algorithm>
#include <limits>

namespace memviz {

const char* errorCodeName(ErrorCode c)
{
    switch (c) {
    case ErrorCode::None: return "None";
    case ErrorCode::UnknownPreset: return "UnknownPreset";
    case ErrorCode::BadSize: return "BadSize";
    case ErrorCode::RamTooSmall: return "RamTooSmall";
    case ErrorCode::RamTooLarge: return "RamTooLarge";
    case ErrorCode::SwapTooLarge: return "SwapTooLarge";
    case ErrorCode::BadSysctl: return "BadSysctl";
    case ErrorCode::OrderOutOfRange: return "OrderOutOfRange";
    case ErrorCode::UnknownZone: return "UnknownZone";
    case ErrorCode::ZoneNotPopulated: return "ZoneNotPopulated";
    case ErrorCode::PfnOutOfRange: return "PfnOutOfRange";
    case ErrorCode::NotAllocated: return "NotAllocated";
    case ErrorCode::OrderMismatch: return "OrderMismatch";
    case ErrorCode::NotBlockHead: return "NotBlockHead";
    case ErrorCode::BadArchSpec: return "BadArchSpec";
    case ErrorCode::UnknownPid: return "UnknownPid";
    case ErrorCode::ProcessDead: return "ProcessDead";
    case ErrorCode::BadLength: return "BadLength";
    case ErrorCode::BadAddress: return "BadAddress";
    case ErrorCode::NoAddressSpace: return "NoAddressSpace";
    case ErrorCode::UnknownFile: return "UnknownFile";
    case ErrorCode::FileExists: return "FileExists";
    case ErrorCode::NotMallocPointer: return "NotMallocPointer";
    case ErrorCode::PhysOutOfRange: return "PhysOutOfRange";
    case ErrorCode::NeedsProcesses: return "NeedsProcesses";
    case ErrorCode::OutOfMemory: return "OutOfMemory";
    case ErrorCode::NotMapped: return "NotMapped";
    case ErrorCode::Panicked: return "Panicked";
    case ErrorCode::BadOomScoreAdj: return "BadOomScoreAdj";
    case ErrorCode::SwapExists: return "SwapExists";
    case ErrorCode::TooManySwapAreas: return "TooManySwapAreas";
    case ErrorCode::BadDropCaches: return "BadDropCaches";
    case ErrorCode::BadDuration: return "BadDuration";
    case ErrorCode::UnknownCache: return "UnknownCache";
    case ErrorCode::CacheExists: return "CacheExists";
    case ErrorCode::BadCacheName: return "BadCacheName";
    case ErrorCode::ObjectTooLarge: return "ObjectTooLarge";
    case ErrorCode::BadAlign: return "BadAlign";
    case ErrorCode::NotKernelObject: return "NotKernelObject";
    case ErrorCode::WrongCache: return "WrongCache";
    case ErrorCode::UnknownVmArea: return "UnknownVmArea";
    case ErrorCode::NoVmallocSpace: return "NoVmallocSpace";
    case ErrorCode::KmapFull: return "KmapFull";
    case ErrorCode::NotKmapped: return "NotKmapped";
    case ErrorCode::BadNuma: return "BadNuma";
    case ErrorCode::UnknownNode: return "UnknownNode";
    }
    return "?";
}

std::vector<std::string> MachineConfig::presetNames()
{
    auto names = archPresetNames();
    names.push_back("seed-8g");
    return names;
}

std::variant<MachineConfig, Error> MachineConfig::fromPreset(std::string_view name)
{
    MachineConfig c;
    c.preset = std::string(name);
    if (name == "seed-8g") {
        // The machine of the notes (seeds/001): `free` shows total 7942512 kB and
        // 2 GiB of swap. Boot-time reservations are sized so MemTotal matches exactly.
        c.arch = *archPreset("x86-64");
        c.ramBytes = 8 * GiB;
        c.swapBytes = 2 * GiB;
        c.bootReservedBytes = 297616 * KiB;
        c.sysctl.thp = ThpMode::Always; // the notes show "[always] madvise never"
        c.hostname = "syz";
        c.cpus = 20; // the notes' sar banner: (20 CPU)
        return c;
    }
    auto arch = archPreset(name);
    if (!arch) return Error{ErrorCode::UnknownPreset, 0, 0, std::string(name)};
    c.arch = *arch;
    c.ramBytes = arch->is32bit ? 2 * GiB : 8 * GiB;
    c.swapBytes = 2 * GiB;
    return c;
}

std::uint64_t MachineConfig::memmapBytes() const
{
    const std::uint64_t frames = ramBytes >> arch.pageShift;
    const std::uint64_t bytes = frames * 64;
    const std::uint64_t page = arch.pageSize();
    return (bytes + page - 1) / page * page;
}

std::uint32_t MachineConfig::nodeDistance(int from, int to) const
{
    // node_distance(): the SLIT entry, else LOCAL_DISTANCE / REMOTE_DISTANCE (include/linux/topology.h).
    const auto f = static_cast<std::size_t>(from), t = static_cast<std::size_t>(to);
    if (f < distance.size() && t < distance[f].size()) return distance[f][t];
    return from == to ? 10 : 20;
}

Error MachineConfig::validate() const
{
    auto pow2 = [](int v) { return v >= 1 && v <= 4096 && (v & (v - 1)) == 0; };
    if (!pow2(tlb.sets) || !pow2(tlb.ways) || !pow2(tlb.hugeSets) || !pow2(tlb.hugeWays) || tlb.sets * tlb.ways > 65536)
        return Error{ErrorCode::BadSysctl, tlb.sets * tlb.ways, 0, "tlb"};
    if (tlb.policy > 2) return Error{ErrorCode::BadSysctl, tlb.policy, 0, "tlb.policy"};
    // NUMA nodes exist on the 64-bit x86 presets only (CONFIG_NUMA; no textbook machine).
    if ((!numaNodes.empty() || !distance.empty()) && (arch.custom || arch.is32bit))
        return Error{ErrorCode::BadNuma, 0, 0, "node-arch"};
    if (arch.custom) { // a textbook machine: exactly the physical memory its spec describes
        if (ramBytes != arch.maxRamBytes)
            return Error{ErrorCode::BadArchSpec, static_cast<std::int64_t>(ramBytes), 0, "ram"};
        return {};
    }
    // The kernel image loads at 16 MiB; leave room for it, its memmap and some free memory.
    const std::uint64_t minRam = 64 * MiB;
    if (ramBytes < minRam)
        return Error{ErrorCode::RamTooSmall, static_cast<std::int64_t>(ramBytes), static_cast<std::int64_t>(minRam), {}};
    if (ramBytes > arch.maxRamBytes)
        return Error{ErrorCode::RamTooLarge, static_cast<std::int64_t>(ramBytes),
                     static_cast<std::int64_t>(arch.maxRamBytes), {}};
    const std::uint64_t maxSwap = kMaxSwapBytes;
    if (swapBytes > maxSwap)
        return Error{ErrorCode::SwapTooLarge, static_cast<std::int64_t>(swapBytes), static_cast<std::int64_t>(maxSwap),
                     {}};
    // Each part is checked against the RAM before the sum, so that no 64-bit sum wraps.
    if (bootReservedBytes > ramBytes)
        return Error{ErrorCode::RamTooSmall, static_cast<std::int64_t>(ramBytes),
                     static_cast<std::int64_t>(std::min<std::uint64_t>(
                         bootReservedBytes, static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))),
                     {}};
    const std::uint64_t reserved = arch.kernelLoadBytes + arch.kernelImageBytes + memmapBytes() + bootReservedBytes;
    if (reserved + 16 * MiB > ramBytes)
        return Error{ErrorCode::RamTooSmall, static_cast<std::int64_t>(ramBytes),
                     static_cast<std::int64_t>(reserved + 16 * MiB), {}};
    if (sysctl.watermarkScaleFactor < 1 || sysctl.watermarkScaleFactor > 3000)
        return Error{ErrorCode::BadSysctl, sysctl.watermarkScaleFactor, 0, "vm.watermark_scale_factor"};

    // NUMA nodes (reference §2): only 64-bit x86 kernels are built with CONFIG_NUMA here.
    if (!numaNodes.empty() || !distance.empty()) {
        const auto n = static_cast<std::int64_t>(nodeCount());
        if (n < 1 || n > kMaxNumaNodes) return Error{ErrorCode::BadNuma, n, kMaxNumaNodes, "nodes"};
        const std::uint64_t page = arch.pageSize();
        const std::uint64_t minNode = 64 * MiB;
        std::uint64_t sum = 0;
        for (std::size_t i = 0; i < numaNodes.size(); ++i) {
            const std::uint64_t r = numaNodes[i].ramBytes;
            if (r < minNode || r % page != 0 || r > ramBytes) // no node is larger than the machine: no wrap
                return Error{ErrorCode::BadNuma, static_cast<std::int64_t>(i), static_cast<std::int64_t>(r),
                             "node-ram"};
            sum += r;
        }
        // Node 0 holds the firmware area, the kernel image, the boot allocations and its
        // own memmap (64 bytes per frame of the node), and keeps 16 MiB free.
        if (!numaNodes.empty()) {
            const std::uint64_t r0 = numaNodes[0].ramBytes;
            const std::uint64_t memmap0 = ((r0 >> arch.pageShift) * 64 + page - 1) / page * page;
            if (arch.kernelLoadBytes + arch.kernelImageBytes + memmap0 + bootReservedBytes + 16 * MiB > r0)
                return Error{ErrorCode::BadNuma, 0, static_cast<std::int64_t>(r0), "node-ram"};
            if (sum != ramBytes) // a = -1: no single node is wrong, the sum is (b)
                return Error{ErrorCode::BadNuma, -1, static_cast<std::int64_t>(sum), "node-ram"};
        }
        // The SLIT: n x n, diagonal LOCAL_DISTANCE, symmetric, remote entries 11..255.
        if (!distance.empty()) {
            // Wrong shape: a = -1 for the number of rows (b = rows given), b = -1 for row a's length.
            if (static_cast<std::int64_t>(distance.size()) != n)
                return Error{ErrorCode::BadNuma, -1, static_cast<std::int64_t>(distance.size()), "distance"};
            for (std::size_t i = 0; i < distance.size(); ++i)
                if (static_cast<std::int64_t>(distance[i].size()) != n)
                    return Error{ErrorCode::BadNuma, static_cast<std::int64_t>(i), -1, "distance"};
            for (std::size_t i = 0; i < distance.size(); ++i)
                for (std::size_t j = 0; j < distance.size(); ++j) {
                    const std::uint32_t d = distance[i][j];
                    const bool ok = i == j ? d == 10 : d > 10 && d <= 255 && d == distance[j][i];
                    if (!ok)
                        return Error{ErrorCode::BadNuma, static_cast<std::int64_t>(i), static_cast<std::int64_t>(j),
                                     "distance"};
                }
        }
    }
    return {};
}

} // namespace memviz
