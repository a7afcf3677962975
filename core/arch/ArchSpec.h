#pragma once
/// Architecture specs: paging geometry and the facts that shape physical memory
/// (which zones exist and where they end). Presets follow reference §2 and §9.

#include "arch/EntryFormat.h"
#include "sim/Error.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace memviz {

enum class ArchKind : std::uint8_t { X86_64, X86_64_LA57, X86_32, X86_PAE };

struct PagingLevel {
    std::string name; ///< Linux name: "PGD", "P4D", "PUD", "PMD", "PTE"
    int bits = 0;     ///< index bits taken from the virtual address
};

struct ArchSpec {
    ArchKind kind = ArchKind::X86_64;
    std::string name;                 ///< preset name, e.g. "x86-64"
    int pageShift = 12;               ///< 4 KiB pages
    std::vector<PagingLevel> levels;  ///< top level first
    EntryFormat entry;                ///< page-table entry layout (size, valid bit, frame number, flags)
    int physAddrBits = 46;            ///< MAXPHYADDR
    bool is32bit = false;             ///< 32-bit kernel: HighMem exists, no DMA32
    std::uint64_t maxRamBytes = 0;    ///< largest RAM the preset accepts
    std::uint64_t lowmemLimitBytes = 0; ///< end of directly mapped memory (896 MiB on x86-32), 0 = all
    std::uint64_t kernelLoadBytes = 16ull << 20; ///< CONFIG_PHYSICAL_START
    std::uint64_t kernelImageBytes = 16ull << 20; ///< text+data+bss reserved at boot

    bool custom = false;              ///< a textbook spec, not an x86 preset

    std::uint64_t pageSize() const { return 1ull << pageShift; }
    int pageblockOrder() const; ///< min(HPAGE_PMD_ORDER, MAX_PAGE_ORDER)
    /// Width of a virtual address: the offset plus every level's index bits.
    int vaBits() const;
    /// Entries in one table of level `level` (0 = top).
    std::uint64_t entriesAt(int level) const { return 1ull << levels[static_cast<std::size_t>(level)].bits; }

    /// A textbook spec: page size (a power of two), index bits per level (top first),
    /// entry size in bytes, the valid bit, the frame number's lowest bit and width, and
    /// the size of physical memory. An Error (BadArchSpec, detail = the field) when the
    /// pieces do not fit together.
    static std::variant<ArchSpec, Error> makeCustom(std::uint64_t pageSize, const std::vector<int>& levelBits,
                                                    int entryBytes, int validBit, int pfnShift, int pfnBits,
                                                    std::uint64_t physBytes);
};

/// A virtual address cut into its page-table indices (top level first) and offset.
struct AddressSplit {
    std::vector<std::uint64_t> indices;
    std::uint64_t offset = 0;
    bool canonical = true; ///< false when bits above vaBits() are not a sign extension (x86-64) or not zero
};
AddressSplit splitAddress(const ArchSpec& a, std::uint64_t va);

/// The preset names memviz knows, in menu order.
std::vector<std::string> archPresetNames();
std::optional<ArchSpec> archPreset(std::string_view name);

} // namespace memviz
