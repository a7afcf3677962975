#pragma once
/// Typed events: the fine-grained steps of a command that the views animate.
///
/// Every change to a Machine is made by applying an event (sim/Apply.h), so the
/// state after any event is well defined: seeking replays events, never commands.
/// An Event is a fixed-size record with no heap data, so recording one allocates
/// nothing beyond the log's own growth.

#include <cstdint>
#include <string>
#include <string_view>

namespace memviz {

struct Machine;

enum class EventType : std::uint16_t {
    BuddyAlloc,       ///< a block leaves the allocator for its caller
    BuddySplit,       ///< expand(): a block is halved, the upper half goes on the lower free list
    BuddyFree,        ///< a block comes back to the allocator (__free_one_page starts)
    BuddyMerge,       ///< the freed block meets its free buddy and they combine
    BuddyListAdd,     ///< the (merged) block is put on a free list, at the head or the tail
    ZoneCheck,        ///< the zonelist walk tests a zone against a watermark
    SlowPath,         ///< every zone failed the low watermark: __alloc_pages_slowpath
    AllocFailed,      ///< no zone could satisfy the request
    WatermarkCrossed, ///< a zone's free pages crossed its min/low/high watermark
    Count
};

/// Bits of Event::flags for ZoneCheck / WatermarkCrossed / BuddyListAdd.
namespace EventFlag {
inline constexpr std::uint32_t MarkMask = 0x3; ///< Wmark in the low bits
inline constexpr std::uint32_t Ok = 1u << 4;   ///< ZoneCheck passed
inline constexpr std::uint32_t Below = 1u << 5; ///< WatermarkCrossed downwards
inline constexpr std::uint32_t Tail = 1u << 6;  ///< BuddyListAdd at the tail
} // namespace EventFlag

struct Event {
    EventType type = EventType::Count;
    std::uint8_t zone = 0xFF;   ///< machine zone id, 0xFF when none
    std::uint8_t order = 0;
    std::uint32_t cmd = 0;      ///< index of the command that produced it
    std::uint32_t flags = 0;
    std::uint32_t pid = 0;      ///< process on whose behalf (0: the kernel itself)
    std::uint64_t time = 0;     ///< simulated time, ns
    std::uint64_t pfn = 0;
    std::uint64_t a = 0;        ///< per type, see eventFieldNames in Event.cpp
    std::uint64_t b = 0;
    std::uint64_t c = 0;
};

std::string_view eventTypeName(EventType t);
bool eventTypeFromName(std::string_view name, EventType* out);

/// One JSON object (no newline): {"seq":7,"cmd":2,"type":"BuddySplit","zone":"Normal",...}
void appendEventJson(std::string& out, const Machine& m, std::uint64_t seq, const Event& e);

} // namespace memviz
