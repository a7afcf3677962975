#pragma once
/// Typed errors. Core never holds a user-visible sentence: the widgets/app layers
/// turn an Error into translated text (see app/ErrorText and widgets/EventText).

#include <cstdint>
#include <string>

namespace memviz {

enum class ErrorCode : std::uint8_t {
    None,
    UnknownPreset,     ///< detail = the name given
    BadSize,           ///< detail = the text given, a = which setting (SizeField)
    RamTooSmall,       ///< a = bytes asked, b = minimum
    RamTooLarge,       ///< a = bytes asked, b = maximum
    SwapTooLarge,      ///< a = bytes asked, b = maximum
    BadSysctl,         ///< detail = name, a = value
    OrderOutOfRange,   ///< a = order given
    UnknownZone,       ///< detail = the zone name given
    ZoneNotPopulated,  ///< detail = zone name
    PfnOutOfRange,     ///< a = pfn
    NotAllocated,      ///< a = pfn (freeing something that is not an allocated block: double free)
    OrderMismatch,     ///< a = pfn, b = order given; detail = the order it was allocated with
    NotBlockHead,      ///< a = pfn (inside a block, not its first frame)
    BadArchSpec,       ///< detail = the field of a custom spec that does not fit, a = its value
};

enum class SizeField : std::uint8_t { Ram, Swap, Other };

struct Error {
    ErrorCode code = ErrorCode::None;
    std::int64_t a = 0;
    std::int64_t b = 0;
    std::string detail;

    explicit operator bool() const { return code != ErrorCode::None; }
};

/// Stable identifier of an error code (for logs and tests), e.g. "NotAllocated".
const char* errorCodeName(ErrorCode c);

} // namespace memviz
