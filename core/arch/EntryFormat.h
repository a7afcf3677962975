#pragma once
/// Page-table entry formats: where the valid bit, the frame number and the x86 flag
/// bits sit in an entry, for the x86 presets (reference §9) and for custom textbook
/// specs such as 1-byte entries with the valid bit on top.

#include <cstdint>

namespace memviz {

/// Flag values independent of where an architecture puts them.
namespace PteFlag {
inline constexpr std::uint32_t Present = 1u << 0;
inline constexpr std::uint32_t Write = 1u << 1;
inline constexpr std::uint32_t User = 1u << 2;
inline constexpr std::uint32_t Accessed = 1u << 3;
inline constexpr std::uint32_t Dirty = 1u << 4;
inline constexpr std::uint32_t Huge = 1u << 5;   ///< PSE: a large page at PMD/PUD level
inline constexpr std::uint32_t Global = 1u << 6;
inline constexpr std::uint32_t NoExec = 1u << 7; ///< NX (bit 63), PAE and 64-bit only
} // namespace PteFlag

struct EntryFormat {
    int bytes = 8;        ///< entry size
    int validBit = 0;     ///< Present
    int pfnShift = 12;    ///< lowest bit of the frame number
    int pfnBits = 40;     ///< width of the frame number field
    // x86 flag bits, -1 where the format has none (custom specs have only valid + pfn).
    int writeBit = -1, userBit = -1, accessedBit = -1, dirtyBit = -1, hugeBit = -1, globalBit = -1, nxBit = -1;

    int bits() const { return bytes * 8; }
    std::uint64_t pfnMask() const { return pfnBits >= 64 ? ~0ull : ((1ull << pfnBits) - 1); }

    /// An entry pointing at `pfn` with PteFlag bits; flags the format lacks are dropped.
    std::uint64_t make(std::uint64_t pfn, std::uint32_t flags) const;
    std::uint64_t pfn(std::uint64_t entry) const { return (entry >> pfnShift) & pfnMask(); }
    std::uint32_t flags(std::uint64_t entry) const;
    bool present(std::uint64_t entry) const { return (entry >> validBit) & 1u; }

    /// x86 formats: 4-byte non-PAE, 8-byte PAE / 64-bit with the given MAXPHYADDR.
    static EntryFormat x86Legacy();
    static EntryFormat x86Long(int physAddrBits);
};

} // namespace memviz
