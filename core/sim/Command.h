#pragma once
/// Commands: the user-level operations a script line, a button or the console asks
/// for. They are recorded; replaying them from the same config gives the same events.

#include "phys/Zone.h"

#include <cstdint>
#include <string>

namespace memviz {

enum class CommandType : std::uint8_t {
    AllocPages, ///< kernel alloc_pages(gfp, order): order, zone = highest zone allowed
    FreePages,  ///< kernel __free_pages(page, order): pfn, order
};

struct Command {
    CommandType type = CommandType::AllocPages;
    int order = 0;
    ZoneType zone = ZoneType::Normal; ///< gfp_zone(): the highest zone the caller accepts
    std::uint64_t pfn = 0;

    static Command allocPages(int order, ZoneType highest = ZoneType::Normal)
    {
        Command c;
        c.type = CommandType::AllocPages;
        c.order = order;
        c.zone = highest;
        return c;
    }
    static Command freePages(std::uint64_t pfn, int order)
    {
        Command c;
        c.type = CommandType::FreePages;
        c.pfn = pfn;
        c.order = order;
        return c;
    }
};

/// {"op":"alloc_pages","order":3,"zone":"Normal"}
std::string commandToJson(const Command& c);

} // namespace memviz
