#include "sim/Command.h"

#include "util/Json.h"

namespace memviz {

std::string commandToJson(const Command& c)
{
    std::string out;
    JsonObjectWriter w(out);
    switch (c.type) {
    case CommandType::AllocPages:
        w.field("op", "alloc_pages").field("order", c.order).field("zone", zoneTypeName(c.zone));
        break;
    case CommandType::FreePages: w.field("op", "free_pages").field("pfn", c.pfn).field("order", c.order); break;
    }
    w.close();
    return out;
}

} // namespace memviz
