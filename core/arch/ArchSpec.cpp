#include "arch/ArchSpec.h"

#include <algorithm>

namespace memviz {

int ArchSpec::pageblockOrder() const
{
    // HPAGE_PMD_ORDER: a PMD entry maps 2^(bits of the last level) pages.
    const int pmdOrder = levels.empty() ? 9 : levels.back().bits;
    return std::min(pmdOrder, 10);
}

std::vector<std::string> archPresetNames()
{
    return {"x86-64", "x86-64-la57", "x86-32", "x86-pae"};
}

std::optional<ArchSpec> archPreset(std::string_view name)
{
    ArchSpec a;
    a.name = std::string(name);
    if (name == "x86-64") {
        a.kind = ArchKind::X86_64;
        a.levels = {{"PGD", 9}, {"PUD", 9}, {"PMD", 9}, {"PTE", 9}};
        a.entryBytes = 8;
        a.physAddrBits = 46;
        a.maxRamBytes = 256ull << 30; // the simulator's own cap, not the hardware's
        a.kernelImageBytes = 16ull << 20;
        return a;
    }
    if (name == "x86-64-la57") {
        a.kind = ArchKind::X86_64_LA57;
        a.levels = {{"PGD", 9}, {"P4D", 9}, {"PUD", 9}, {"PMD", 9}, {"PTE", 9}};
        a.entryBytes = 8;
        a.physAddrBits = 52;
        a.maxRamBytes = 256ull << 30;
        a.kernelImageBytes = 16ull << 20;
        return a;
    }
    if (name == "x86-32") {
        a.kind = ArchKind::X86_32;
        a.levels = {{"PGD", 10}, {"PTE", 10}};
        a.entryBytes = 4;
        a.physAddrBits = 32;
        a.is32bit = true;
        a.maxRamBytes = 4ull << 30;
        a.lowmemLimitBytes = 896ull << 20;
        a.kernelImageBytes = 8ull << 20;
        return a;
    }
    if (name == "x86-pae") {
        a.kind = ArchKind::X86_PAE;
        a.levels = {{"PGD", 2}, {"PMD", 9}, {"PTE", 9}};
        a.entryBytes = 8;
        a.physAddrBits = 36;
        a.is32bit = true;
        a.maxRamBytes = 64ull << 30;
        a.lowmemLimitBytes = 896ull << 20;
        a.kernelImageBytes = 8ull << 20;
        return a;
    }
    return std::nullopt;
}

} // namespace memviz
