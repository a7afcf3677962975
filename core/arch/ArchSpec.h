#pragma once
/// Architecture specs: paging geometry and the facts that shape physical memory
/// (which zones exist and where they end). Presets follow reference §2 and §9.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
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
    int entryBytes = 8;               ///< page-table entry size
    int physAddrBits = 46;            ///< MAXPHYADDR
    bool is32bit = false;             ///< 32-bit kernel: HighMem exists, no DMA32
    std::uint64_t maxRamBytes = 0;    ///< largest RAM the preset accepts
    std::uint64_t lowmemLimitBytes = 0; ///< end of directly mapped memory (896 MiB on x86-32), 0 = all
    std::uint64_t kernelLoadBytes = 16ull << 20; ///< CONFIG_PHYSICAL_START
    std::uint64_t kernelImageBytes = 16ull << 20; ///< text+data+bss reserved at boot

    std::uint64_t pageSize() const { return 1ull << pageShift; }
    int pageblockOrder() const; ///< min(HPAGE_PMD_ORDER, MAX_PAGE_ORDER)
};

/// The preset names memviz knows, in menu order.
std::vector<std::string> archPresetNames();
std::optional<ArchSpec> archPreset(std::string_view name);

} // namespace memviz
