#pragma once
/// NUMA views of a machine as the real tools print them: `numactl --hardware` (numactl
/// 2.0.16, numactl.c hardware()), `numastat` without options (numastat.c's mode
/// compatible with the old perl script), and the node files under
/// /sys/devices/system/node/nodeN (Linux 6.12 drivers/base/node.c: meminfo, numastat,
/// distance, cpulist).
///
/// Only the 64-bit x86 presets have NUMA (CONFIG_NUMA); on the others numactl says
/// "No NUMA available on this system" and numastat finds no node directory, as on a
/// kernel without NUMA. A single-node machine shows node 0.
///
/// Simplification: memviz keeps one set of node counters (one lruvec, one kswapd), so in
/// a node's meminfo only MemTotal, MemFree and MemUsed are per node; the other lines
/// (LRU lists, page cache, slab, huge pages ...) show the machine's counters on node 0
/// and 0 on the other nodes, as /proc/zoneinfo's per-node stats do. The numastat
/// counters are per zone and exact.

#include "stats/Shell.h"

#include <cstdint>
#include <string>
#include <vector>

namespace memviz {

struct Machine;

/// Whether the machine's kernel has NUMA (64-bit x86 presets).
bool numaAvailable(const Machine& m);

/// `numactl --hardware` (also -H).
std::string formatNumactlHardware(const Machine& m);

/// `numastat` without arguments. numastat folds the table to the terminal width when its
/// output is a terminal; `screenWidth` is that width (the default: not a terminal, one line).
std::string formatNumastat(const Machine& m, int screenWidth = 10000000);

/// The per-node counters numastat reads (node_read_numastat), in pages, in file order:
/// numa_hit numa_miss numa_foreign interleave_hit local_node other_node.
struct NodeNumaStat {
    std::uint64_t numaHit = 0, numaMiss = 0, numaForeign = 0, interleaveHit = 0, localNode = 0, otherNode = 0;
};
NodeNumaStat nodeNumaStat(const Machine& m, int node);

/// /sys/devices/system/node/node<N>/<file> for file meminfo, numastat, distance or cpulist;
/// false for a node or file that does not exist.
bool readNodeFile(const Machine& m, int node, const std::string& file, std::string* text);

/// The node files that exist, for completion ("/sys/devices/system/node/node0/meminfo", ...).
std::vector<std::string> nodeFiles(const Machine& m);

/// numactl with argv (without "numactl"): --hardware/-H; other options are refused as not simulated.
ShellResult runNumactl(const Machine& m, const std::vector<std::string>& args);

/// numastat with argv (without "numastat"): no options; options are refused as not simulated.
ShellResult runNumastat(const Machine& m, const std::vector<std::string>& args);

} // namespace memviz
