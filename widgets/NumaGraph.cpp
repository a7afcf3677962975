#include "NumaGraph.h"

#include "sim/MachineConfig.h"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/circle_layout.hpp>
#include <boost/graph/topology.hpp>

#include <utility>

namespace memviz {

NumaGraph numaGraph(const MachineConfig& config, int n)
{
    using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS, boost::no_property,
        boost::property<boost::edge_weight_t, std::uint32_t>>;
    NumaGraph out;
    if (n <= 0) return out;
    Graph g(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i)
        for (int j = i + 1; j < n; ++j) boost::add_edge(std::size_t(i), std::size_t(j), config.nodeDistance(i, j), g);
    using Point = boost::convex_topology<2>::point;
    std::vector<Point> pos(static_cast<std::size_t>(n));
    boost::circle_graph_layout(g, boost::make_iterator_property_map(pos.begin(), boost::get(boost::vertex_index, g)), 1.0);
    for (const Point& p : pos) {
        out.x.push_back(p[0]);
        out.y.push_back(p[1]);
    }
    for (auto [it, end] = boost::edges(g); it != end; ++it) {
        NumaGraphEdge e;
        e.a = int(boost::source(*it, g));
        e.b = int(boost::target(*it, g));
        if (e.a > e.b) std::swap(e.a, e.b);
        e.distance = boost::get(boost::edge_weight, g, *it);
        out.edges.push_back(e);
    }
    return out;
}

} // namespace memviz
