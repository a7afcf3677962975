#include "sim/Event.h"

#include "sim/Machine.h"
#include "util/Json.h"

namespace memviz {

std::string_view eventTypeName(EventType t)
{
    switch (t) {
    case EventType::BuddyAlloc: return "BuddyAlloc";
    case EventType::BuddySplit: return "BuddySplit";
    case EventType::BuddyFree: return "BuddyFree";
    case EventType::BuddyMerge: return "BuddyMerge";
    case EventType::BuddyListAdd: return "BuddyListAdd";
    case EventType::ZoneCheck: return "ZoneCheck";
    case EventType::SlowPath: return "SlowPath";
    case EventType::AllocFailed: return "AllocFailed";
    case EventType::WatermarkCrossed: return "WatermarkCrossed";
    case EventType::Count: break;
    }
    return "?";
}

bool eventTypeFromName(std::string_view name, EventType* out)
{
    for (int t = 0; t < static_cast<int>(EventType::Count); ++t)
        if (eventTypeName(static_cast<EventType>(t)) == name) {
            *out = static_cast<EventType>(t);
            return true;
        }
    return false;
}

void appendEventJson(std::string& out, const Machine& m, std::uint64_t seq, const Event& e)
{
    JsonObjectWriter w(out);
    w.field("seq", seq).field("cmd", static_cast<std::uint64_t>(e.cmd)).field("type", eventTypeName(e.type));
    w.field("time_ns", e.time);
    if (e.zone < m.zones.size()) {
        const Zone& z = m.zones[e.zone];
        if (m.nodes.size() > 1) w.field("node", static_cast<std::uint64_t>(z.node));
        w.field("zone", zoneTypeName(z.type));
    }
    const auto mark = static_cast<Wmark>(e.flags & EventFlag::MarkMask);
    switch (e.type) {
    case EventType::BuddyAlloc: w.field("order", e.order).field("pfn", e.pfn).field("from_order", e.a); break;
    case EventType::BuddySplit: w.field("order", e.order).field("pfn", e.pfn).field("upper", e.a); break;
    case EventType::BuddyFree: w.field("order", e.order).field("pfn", e.pfn); break;
    case EventType::BuddyMerge:
        w.field("order", e.order).field("pfn", e.pfn).field("buddy", e.a).field("merged", e.b);
        break;
    case EventType::BuddyListAdd:
        w.field("order", e.order).field("pfn", e.pfn).field("tail", (e.flags & EventFlag::Tail) != 0);
        if (e.flags & EventFlag::Tail) w.field("likely_buddy", e.a);
        break;
    case EventType::ZoneCheck:
        w.field("order", e.order).field("free", e.a).field("mark", wmarkName(mark)).field("mark_pages", e.b);
        w.field("reserve", e.c).field("ok", (e.flags & EventFlag::Ok) != 0);
        break;
    case EventType::SlowPath:
    case EventType::AllocFailed:
        w.field("order", e.order).field("highest_zone", zoneTypeName(static_cast<ZoneType>(e.flags)));
        break;
    case EventType::WatermarkCrossed:
        w.field("mark", wmarkName(mark)).field("direction", (e.flags & EventFlag::Below) ? "below" : "above");
        w.field("free", e.a).field("mark_pages", e.b);
        break;
    case EventType::Count: break;
    }
    w.close();
}

} // namespace memviz
