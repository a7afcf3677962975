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

std::uint32_t Machine::intern(const std::string& s) const
{
    for (std::size_t i = 1; i < strings->size(); ++i)
        if ((*strings)[i] == s) return static_cast<std::uint32_t>(i);
    strings->push_back(s);
    return static_cast<std::uint32_t>(strings->size() - 1);
}

const Process* Machine::proc(std::uint32_t pid) const
{
    auto it = procs.find(pid);
    return it == procs.end() ? nullptr : &it->second;
}

Process* Machine::procMut(std::uint32_t pid)
{
    auto it = procs.find(pid);
    return it == procs.end() ? nullptr : &it->second;
}

std::uint32_t Machine::fileByName(const std::string& path) const
{
    for (std::size_t i = 0; i < files.size(); ++i)
        if (str(files[i].name) == path) return static_cast<std::uint32_t>(i);
    return kNoFile;
}

} // namespace memviz
