#pragma once
/// The node-distance graph NumaView draws, built with Boost.Graph: one vertex per node, one
/// undirected edge per pair weighted with node_distance(), the vertices on a circle
/// (boost::circle_graph_layout). Kept apart from the view so that no Boost header reaches
/// the translation scanner (lupdate), which crawls through every header it is shown.

#include <cstdint>
#include <vector>

namespace memviz {

struct MachineConfig;

struct NumaGraphEdge {
    int a = 0, b = 0;            ///< nodes, a < b
    std::uint32_t distance = 0;  ///< the SLIT entry
};

struct NumaGraph {
    std::vector<double> x, y;          ///< each node's position on the unit circle
    std::vector<NumaGraphEdge> edges;  ///< every pair once, in Boost's edge order
};

NumaGraph numaGraph(const MachineConfig& config, int nodes);

} // namespace memviz
