#include "arch/ArchSpec.h"

#include <algorithm>

namespace memviz {

int ArchSpec::pageblockOrder() const
{
    // HPAGE_PMD_ORDER: a PMD entry maps 2^(bits of the last level) pages.
    const int pmdOrder = levels.empty() ? 9 : levels.back().bits;
    return std::min(pmdOrder, 10);
}

int ArchSpec::vaBits() const
{
    int bits = pageShift;
    for (const PagingLevel& l : levels) bits += l.bits;
    return bits;
}

std::variant<ArchSpec, Error> ArchSpec::makeCustom(std::uint64_t pageSize, const std::vector<int>& levelBits,
                                                   int entryBytes, int validBit, int pfnShift, int pfnBits,
                                                   std::uint64_t physBytes)
{
    auto bad = [](const char* field, std::int64_t value) {
        return Error{ErrorCode::BadArchSpec, value, 0, field};
    };
    if (pageSize < 2 || (pageSize & (pageSize - 1)) != 0) return bad("pageSize", static_cast<std::int64_t>(pageSize));
    const int shift = __builtin_ctzll(pageSize);
    if (levelBits.empty() || levelBits.size() > 6) return bad("levels", static_cast<std::int64_t>(levelBits.size()));
    int va = shift;
    for (int b : levelBits) {
        if (b < 1 || b > 20) return bad("levelBits", b);
        va += b;
    }
    if (va > 64) return bad("levelBits", va);
    if (entryBytes != 1 && entryBytes != 2 && entryBytes != 4 && entryBytes != 8) return bad("entryBytes", entryBytes);
    const int entryBits = entryBytes * 8;
    if (validBit < 0 || validBit >= entryBits) return bad("validBit", validBit);
    if (pfnBits < 1 || pfnShift < 0 || pfnShift + pfnBits > entryBits) return bad("pfnBits", pfnBits);
    if (validBit >= pfnShift && validBit < pfnShift + pfnBits) return bad("validBit", validBit);
    if (physBytes < pageSize || physBytes % pageSize != 0) return bad("physBytes", static_cast<std::int64_t>(physBytes));
    if ((physBytes >> shift) - 1 > ((pfnBits >= 63) ? ~0ull : (1ull << pfnBits) - 1))
        return bad("pfnBits", pfnBits); // the frame number field cannot name every frame

    ArchSpec a;
    a.name = "custom";
    a.custom = true;
    a.pageShift = shift;
    static const char* const names[] = {"L1", "L2", "L3", "L4", "L5", "L6"};
    for (std::size_t i = 0; i < levelBits.size(); ++i) a.levels.push_back({names[i], levelBits[i]});
    a.entry = EntryFormat{};
    a.entry.bytes = entryBytes;
    a.entry.validBit = validBit;
    a.entry.pfnShift = pfnShift;
    a.entry.pfnBits = pfnBits;
    a.physAddrBits = 64 - __builtin_clzll(physBytes - 1);
    a.maxRamBytes = physBytes;
    a.kernelLoadBytes = 0;
    a.kernelImageBytes = 0;
    return a;
}

AddressSplit splitAddress(const ArchSpec& a, std::uint64_t va)
{
    AddressSplit s;
    s.offset = va & (a.pageSize() - 1);
    int shift = a.vaBits();
    for (const PagingLevel& l : a.levels) {
        shift -= l.bits;
        s.indices.push_back((va >> shift) & ((1ull << l.bits) - 1));
    }
    const int top = a.vaBits();
    if (top < 64) {
        // x86-64 and LA57 sign-extend the top bit; 32-bit and custom spaces have nothing above.
        const std::uint64_t high = va >> top;
        const bool signExtended = !a.is32bit && !a.custom;
        const bool negative = (va >> (top - 1)) & 1u;
        const std::uint64_t want = signExtended && negative ? (~0ull >> top) : 0;
        s.canonical = high == want;
    }
    return s;
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
        a.physAddrBits = 46;
        a.entry = EntryFormat::x86Long(a.physAddrBits);
        a.maxRamBytes = 256ull << 30; // the simulator's own cap, not the hardware's
        a.kernelImageBytes = 16ull << 20;
        return a;
    }
    if (name == "x86-64-la57") {
        a.kind = ArchKind::X86_64_LA57;
        a.levels = {{"PGD", 9}, {"P4D", 9}, {"PUD", 9}, {"PMD", 9}, {"PTE", 9}};
        a.physAddrBits = 52;
        a.entry = EntryFormat::x86Long(a.physAddrBits);
        a.maxRamBytes = 256ull << 30;
        a.kernelImageBytes = 16ull << 20;
        return a;
    }
    if (name == "x86-32") {
        a.kind = ArchKind::X86_32;
        a.levels = {{"PGD", 10}, {"PTE", 10}};
        a.physAddrBits = 32;
        a.entry = EntryFormat::x86Legacy();
        a.is32bit = true;
        a.maxRamBytes = 4ull << 30;
        a.lowmemLimitBytes = 896ull << 20;
        a.kernelImageBytes = 8ull << 20;
        return a;
    }
    if (name == "x86-pae") {
        a.kind = ArchKind::X86_PAE;
        a.levels = {{"PGD", 2}, {"PMD", 9}, {"PTE", 9}};
        a.physAddrBits = 36;
        a.entry = EntryFormat::x86Long(a.physAddrBits);
        a.is32bit = true;
        a.maxRamBytes = 64ull << 30;
        a.lowmemLimitBytes = 896ull << 20;
        a.kernelImageBytes = 8ull << 20;
        return a;
    }
    return std::nullopt;
}

} // namespace memviz
