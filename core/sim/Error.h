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
    UnknownPid,        ///< a = pid
    ProcessDead,       ///< a = pid (it exited or was killed)
    BadLength,         ///< a = length given (zero, or larger than the address space)
    BadAddress,        ///< a = address (not page aligned, or outside user space)
    NoAddressSpace,    ///< a = length: no gap in the address space is large enough (ENOMEM)
    UnknownFile,       ///< detail = path
    FileExists,        ///< detail = path
    NotMallocPointer,  ///< a = address: free() of something malloc did not return (or freed twice)
    PhysOutOfRange,    ///< a = physical address, b = size of physical memory
    NeedsProcesses,    ///< the command needs an x86 preset (custom textbook machines have no processes)
    OutOfMemory,       ///< a = pages: no memory for what the command needs (page tables at spawn/fork)
    NotMapped,         ///< a = start, b = end: part of the range has no mapping (munmap/mprotect)
    Panicked,          ///< the kernel panicked: the machine runs nothing more (open a new one)
    BadOomScoreAdj,    ///< a = value (outside -1000..1000)
    SwapExists,        ///< detail = name: this swap area is on already
    TooManySwapAreas,  ///< a = MAX_SWAPFILES
    BadDropCaches,     ///< a = value (not 1, 2 or 3)
    BadDuration,       ///< a = nanoseconds (a sleep must be positive and at most a day)
    // The kernel's own memory (alloc/Kmem.h) and NUMA.
    UnknownCache,      ///< a = cache id given
    CacheExists,       ///< detail = name: a cache of that name exists
    BadCacheName,      ///< detail = name (empty, too long, or with spaces)
    ObjectTooLarge,    ///< a = bytes asked, b = the largest allowed
    BadAlign,          ///< a = alignment given (not a power of two, or above a page)
    NotKernelObject,   ///< a = address: not an object the allocator handed out (or freed twice)
    WrongCache,        ///< a = address, b = the cache id it belongs to
    UnknownVmArea,     ///< a = address: vfree() of something vmalloc did not return
    NoVmallocSpace,    ///< a = bytes: no gap in the vmalloc area is large enough
    KmapFull,          ///< a = LAST_PKMAP: every persistent kmap slot is in use
    NotKmapped,        ///< a = pfn or address: kunmap of what is not mapped
    BadNuma,           ///< detail = what ("distance", "nodes", "node-ram", "node-arch"), a, b = where
    UnknownNode,       ///< a = node given
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
