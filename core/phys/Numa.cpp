// The node fallback order and the zonelists (mm/page_alloc.c, 6.x: find_next_best_node,
// build_zonelists, build_zonelists_in_node_order, build_zonerefs_node, __build_all_zonelists).
#include "phys/Numa.h"

#include "sim/Machine.h"

#include <boost/graph/adjacency_matrix.hpp>
#include <boost/graph/properties.hpp>

#include <algorithm>
#include <climits>

namespace memviz::numa {

namespace {

/// The node-distance graph: one vertex per node, a directed edge u -> v for every pair
/// (self loops included) weighted with node_distance(u, v), as the ACPI SLIT lists them.
using DistanceGraph = boost::adjacency_matrix<boost::directedS, boost::no_property,
    boost::property<boost::edge_weight_t, std::uint32_t>>;

DistanceGraph distanceGraph(const MachineConfig& c)
{
    const auto n = static_cast<std::size_t>(c.nodeCount());
    DistanceGraph g(n);
    for (std::size_t u = 0; u < n; ++u)
        for (std::size_t v = 0; v < n; ++v)
            boost::add_edge(u, v, c.nodeDistance(static_cast<int>(u), static_cast<int>(v)), g);
    return g;
}

/// node_distance(from, to), read from the graph.
std::uint32_t distance(const DistanceGraph& g, int from, int to)
{
    const auto e = boost::edge(static_cast<std::size_t>(from), static_cast<std::size_t>(to), g);
    return e.second ? boost::get(boost::edge_weight, g, e.first) : kRemoteDistance;
}

/// find_next_best_node(): the local node if unused (every memviz node has memory), else
/// the unused node minimising (distance + (n < local) + PENALTY_FOR_NODE_WITH_CPUS if it
/// has CPUs) * MAX_NUMNODES + node_load[n]; the first such node on a tie. -1 when none is left.
int findNextBestNode(const DistanceGraph& g, const std::vector<bool>& hasCpus, int local, std::vector<bool>& used,
    const std::vector<int>& nodeLoad)
{
    if (!used[static_cast<std::size_t>(local)]) {
        used[static_cast<std::size_t>(local)] = true;
        return local;
    }
    int minVal = INT_MAX, best = -1;
    const int count = static_cast<int>(used.size());
    for (int n = 0; n < count; ++n) {
        if (used[static_cast<std::size_t>(n)]) continue; // no node twice
        int val = static_cast<int>(distance(g, local, n));
        val += n < local ? 1 : 0; // "prefer the next node"
        if (hasCpus[static_cast<std::size_t>(n)]) val += kPenaltyForNodeWithCpus; // headless nodes first
        val *= kMaxNumaNodes; // MAX_NUMNODES
        val += nodeLoad[static_cast<std::size_t>(n)]; // less loaded first
        if (val < minVal) {
            minVal = val;
            best = n;
        }
    }
    if (best >= 0) used[static_cast<std::size_t>(best)] = true;
    return best;
}

const std::vector<std::uint8_t> kNoZones;

} // namespace

bool nodeHasCpus(const MachineConfig& c, int node)
{
    if (c.numaNodes.empty()) return node == 0;
    if (node < 0 || static_cast<std::size_t>(node) >= c.numaNodes.size()) return false;
    return c.numaNodes[static_cast<std::size_t>(node)].hasCpus;
}

std::vector<int> nodeCpus(const MachineConfig& c, int node)
{
    const int nodes = c.nodeCount();
    std::vector<int> withCpus;
    for (int n = 0; n < nodes; ++n)
        if (nodeHasCpus(c, n)) withCpus.push_back(n);
    if (withCpus.empty()) withCpus.push_back(0);
    const int cpus = std::max(c.cpus, 0);
    const int k = static_cast<int>(withCpus.size());
    int first = 0;
    for (int i = 0; i < k; ++i) {
        const int share = cpus / k + (i < cpus % k ? 1 : 0);
        if (withCpus[static_cast<std::size_t>(i)] == node) {
            std::vector<int> out;
            for (int cpu = first; cpu < first + share; ++cpu) out.push_back(cpu);
            return out;
        }
        first += share;
    }
    return {};
}

std::vector<std::vector<int>> nodeOrders(const MachineConfig& c)
{
    const int nodes = c.nodeCount();
    const DistanceGraph g = distanceGraph(c);
    std::vector<bool> hasCpus(static_cast<std::size_t>(nodes));
    for (int n = 0; n < nodes; ++n) hasCpus[static_cast<std::size_t>(n)] = nodeHasCpus(c, n);
    // __build_all_zonelists(): node_load is cleared once, then build_zonelists() runs for
    // each node in turn and the loads it adds stay for the nodes after it.
    std::vector<int> nodeLoad(static_cast<std::size_t>(nodes), 0);
    std::vector<std::vector<int>> orders;
    for (int local = 0; local < nodes; ++local) {
        std::vector<bool> used(static_cast<std::size_t>(nodes), false);
        std::vector<int> order;
        int prev = local;
        int node;
        while ((node = findNextBestNode(g, hasCpus, local, used, nodeLoad)) >= 0) {
            // "We don't want to pressure a particular node": the first node of each new
            // distance group gets a penalty, which makes equal distances round-robin.
            if (distance(g, local, node) != distance(g, local, prev)) nodeLoad[static_cast<std::size_t>(node)] += 1;
            order.push_back(node);
            prev = node;
        }
        orders.push_back(std::move(order));
    }
    return orders;
}

std::vector<int> nodeOrder(const MachineConfig& c, int node)
{
    if (node < 0 || node >= c.nodeCount()) return {};
    return nodeOrders(c)[static_cast<std::size_t>(node)];
}

std::vector<std::uint8_t> zonelistFor(const Machine& m, const std::vector<int>& order, ZoneType highest)
{
    std::vector<std::uint8_t> list;
    for (int n : order) {
        if (n < 0 || static_cast<std::size_t>(n) >= m.nodes.size()) continue;
        // build_zonerefs_node(): the node's zones from the highest type down, populated only.
        const auto& zs = m.nodes[static_cast<std::size_t>(n)].zones;
        for (auto it = zs.rbegin(); it != zs.rend(); ++it) {
            const Zone& z = m.zones[*it];
            if (static_cast<int>(z.type) <= static_cast<int>(highest) && z.populated()) list.push_back(*it);
        }
    }
    return list;
}

void buildZonelists(Machine& m)
{
    const auto orders = nodeOrders(m.config);
    m.zonelists.assign(m.nodes.size(), {});
    for (std::size_t n = 0; n < m.nodes.size(); ++n)
        for (int t = 0; t < static_cast<int>(ZoneType::Count); ++t)
            m.zonelists[n][static_cast<std::size_t>(t)] = zonelistFor(m, orders[n], static_cast<ZoneType>(t));
}

const std::vector<std::uint8_t>& zonelist(const Machine& m, int node, ZoneType highest)
{
    if (node < 0 || static_cast<std::size_t>(node) >= m.zonelists.size() || highest >= ZoneType::Count) return kNoZones;
    return m.zonelists[static_cast<std::size_t>(node)][static_cast<std::size_t>(highest)];
}

std::vector<int> nodeOrder(const Machine& m, int node)
{
    std::vector<int> order;
    for (std::uint8_t id : zonelist(m, node, static_cast<ZoneType>(static_cast<int>(ZoneType::Count) - 1))) {
        const int n = m.zones[id].node;
        if (order.empty() || order.back() != n) order.push_back(n);
    }
    return order;
}

std::string zoneLabel(const Machine& m, std::uint8_t zoneId)
{
    if (zoneId >= m.zones.size()) return {};
    const Zone& z = m.zones[zoneId];
    return "N" + std::to_string(z.node) + ":" + std::string(zoneTypeName(z.type));
}

std::vector<std::string> zonelistLabels(const Machine& m, int node, ZoneType highest)
{
    std::vector<std::string> out;
    for (std::uint8_t id : zonelist(m, node, highest)) out.push_back(zoneLabel(m, id));
    return out;
}

std::string fallbackOrderLine(int node, const std::vector<int>& order)
{
    std::string s = "Fallback order for Node " + std::to_string(node) + ": ";
    for (int n : order) s += std::to_string(n) + " ";
    return s;
}

std::vector<std::string> fallbackOrderLines(const MachineConfig& c)
{
    std::vector<std::string> lines;
    const auto orders = nodeOrders(c);
    for (std::size_t n = 0; n < orders.size(); ++n) lines.push_back(fallbackOrderLine(static_cast<int>(n), orders[n]));
    return lines;
}

} // namespace memviz::numa
