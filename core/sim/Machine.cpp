#include "sim/Machine.h"

namespace memviz {

std::uint8_t Machine::zoneOf(Pfn p) const
{
    for (std::size_t z = 0; z < zones.size(); ++z)
        if (zones[z].populated() && zones[z].contains(p)) return static_cast<std::uint8_t>(z);
    return kNoZone;
}

std::uint8_t Machine::zoneId(ZoneType t, int node) const
{
    if (node < 0 || static_cast<std::size_t>(node) >= nodes.size()) return kNoZone;
    for (std::uint8_t id : nodes[static_cast<std::size_t>(node)].zones)
        if (zones[id].type == t) return id;
    return kNoZone;
}

std::uint64_t Machine::totalramPages() const
{
    std::uint64_t n = 0;
    for (const Zone& z : zones) n += z.managed;
    return n;
}

std::uint64_t Machine::freePages() const
{
    std::uint64_t n = 0;
    for (const Zone& z : zones) n += z.freePages;
    return n;
}

} // namespace memviz
