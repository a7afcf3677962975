#include "reclaim/Swap.h"

#include "arch/EntryFormat.h"

namespace memviz {

namespace SwapEntry {

std::uint64_t toPte(const EntryFormat& fmt, std::uint32_t entry)
{
    const std::uint64_t t = type(entry), off = offset(entry);
    if (fmt.bytes == 8) // __swp_entry(): ~offset << 14 >> 5, type << 59
        return ((~off << 14) >> 5) | (t << 59);
    return (t << 1) | (off << 9);
}

std::uint32_t fromPte(const EntryFormat& fmt, std::uint64_t pte)
{
    if (pte == 0 || fmt.present(pte)) return 0;
    if (fmt.bytes == 8) {
        const std::uint64_t t = pte >> 59;
        const std::uint64_t off = (~pte << 5) >> 14;
        return pack(static_cast<std::uint32_t>(t), off);
    }
    return pack(static_cast<std::uint32_t>((pte >> 1) & 0x1F), (pte >> 9) & ((1u << kTypeShift) - 1));
}

} // namespace SwapEntry

std::uint64_t SwapState::totalPages() const
{
    std::uint64_t n = 0;
    for (const SwapArea& a : areas) n += a.pages;
    return n;
}

std::uint64_t SwapState::usedPages() const
{
    std::uint64_t n = 0;
    for (const SwapArea& a : areas) n += a.inuse;
    return n;
}

std::uint8_t SwapState::countOf(std::uint32_t entry) const
{
    const std::uint32_t t = SwapEntry::type(entry);
    if (t >= areas.size()) return 0;
    const std::uint64_t off = SwapEntry::offset(entry);
    if (off == 0 || off > areas[t].pages) return 0;
    return areas[t].at(off);
}

} // namespace memviz
