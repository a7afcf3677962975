#pragma once
/// NUMA nodes (reference §2): the node-distance graph, the fallback order of each node
/// as build_all_zonelists() computes it (find_next_best_node with node_load carried
/// from node to node), the zonelists made from it, and which CPUs sit on which node.
///
/// CPUs: memviz numbers config.cpus CPUs 0..cpus-1 and deals them out in contiguous
/// blocks over the nodes with hasCpus, in node order, the first nodes taking one more
/// when they do not divide evenly (20 CPUs on 3 nodes: 0-6, 7-13, 14-19). With no node
/// marked hasCpus every CPU is on node 0. A node marked hasCpus keeps its
/// PENALTY_FOR_NODE_WITH_CPUS even if there are fewer CPUs than such nodes.

#include "phys/Zone.h"

#include <cstdint>
#include <string>
#include <vector>

namespace memviz {

struct Machine;
struct MachineConfig;

namespace numa {

inline constexpr std::uint32_t kLocalDistance = 10; ///< LOCAL_DISTANCE
inline constexpr std::uint32_t kRemoteDistance = 20; ///< REMOTE_DISTANCE
inline constexpr int kPenaltyForNodeWithCpus = 1; ///< PENALTY_FOR_NODE_WITH_CPUS

/// Whether node n has CPUs (the config's hasCpus; a machine without numaNodes: node 0 has).
bool nodeHasCpus(const MachineConfig& c, int node);

/// The CPU numbers on a node (see the file comment), ascending.
std::vector<int> nodeCpus(const MachineConfig& c, int node);

/// The fallback order of every node, orders[n] for node n (local node first), as
/// __build_all_zonelists() builds them one node after the other: node_load is reset once
/// and carried from each node's build_zonelists() to the next, so equal distances are
/// used round-robin. The distances are read from a Boost.Graph adjacency matrix of the
/// nodes whose edge weights are node_distance().
std::vector<std::vector<int>> nodeOrders(const MachineConfig& c);

/// The fallback order of one node (nodeOrders(c)[node]).
std::vector<int> nodeOrder(const MachineConfig& c, int node);

/// build_zonerefs_node() over a node order: for each node in order, its populated zones of
/// type <= highest, highest first. The zone ids of the machine.
std::vector<std::uint8_t> zonelistFor(const Machine& m, const std::vector<int>& order, ZoneType highest);

/// Fills m.zonelists (ZONELIST_FALLBACK of every node for every highest zone type).
/// Needs m.nodes and m.zones with their spans.
void buildZonelists(Machine& m);

/// The zonelist an allocation from `node` whose highest zone is `highest` walks
/// (m.zonelists[node][highest]); empty for an unknown node.
const std::vector<std::uint8_t>& zonelist(const Machine& m, int node, ZoneType highest = ZoneType::Normal);

/// The fallback order of a booted machine's node (read back from its zonelists: the
/// nodes in the order their zones first appear in the full zonelist).
std::vector<int> nodeOrder(const Machine& m, int node);

/// "N0:Normal": a zone as the zonelist shows it (an identifier, not a sentence).
std::string zoneLabel(const Machine& m, std::uint8_t zoneId);

/// The zone labels of zonelist(m, node, highest), e.g. N0:Normal N0:DMA32 N0:DMA N1:Normal.
std::vector<std::string> zonelistLabels(const Machine& m, int node, ZoneType highest = ZoneType::Normal);

/// The kernel's boot line for one node, exactly as build_zonelists() prints it
/// (pr_info "Fallback order for Node %d: " then pr_cont "%d " per node), without the
/// newline: "Fallback order for Node 0: 0 1 2 ".
std::string fallbackOrderLine(int node, const std::vector<int>& order);

/// The boot log's lines of every node in node order (fallbackOrderLine of nodeOrders(c)).
std::vector<std::string> fallbackOrderLines(const MachineConfig& c);

} // namespace numa
} // namespace memviz
