#include "arch/EntryFormat.h"

namespace memviz {

namespace {
struct Bit {
    std::uint32_t flag;
    int EntryFormat::*pos;
};
constexpr Bit kBits[] = {
    {PteFlag::Write, &EntryFormat::writeBit},       {PteFlag::User, &EntryFormat::userBit},
    {PteFlag::Accessed, &EntryFormat::accessedBit}, {PteFlag::Dirty, &EntryFormat::dirtyBit},
    {PteFlag::Huge, &EntryFormat::hugeBit},         {PteFlag::Global, &EntryFormat::globalBit},
    {PteFlag::NoExec, &EntryFormat::nxBit},
};
} // namespace

std::uint64_t EntryFormat::make(std::uint64_t frame, std::uint32_t f) const
{
    std::uint64_t e = (frame & pfnMask()) << pfnShift;
    if (f & PteFlag::Present) e |= 1ull << validBit;
    for (const Bit& b : kBits)
        if ((f & b.flag) && this->*b.pos >= 0) e |= 1ull << (this->*b.pos);
    return e;
}

std::uint32_t EntryFormat::flags(std::uint64_t e) const
{
    std::uint32_t f = present(e) ? PteFlag::Present : 0;
    for (const Bit& b : kBits)
        if (this->*b.pos >= 0 && ((e >> (this->*b.pos)) & 1u)) f |= b.flag;
    return f;
}

EntryFormat EntryFormat::x86Legacy()
{
    // 32-bit, no PAE: P=0 R/W=1 U/S=2 A=5 D=6 PS=7 G=8; frame in bits 12..31; no NX.
    EntryFormat f;
    f.bytes = 4;
    f.validBit = 0;
    f.pfnShift = 12;
    f.pfnBits = 20;
    f.writeBit = 1, f.userBit = 2, f.accessedBit = 5, f.dirtyBit = 6, f.hugeBit = 7, f.globalBit = 8;
    return f;
}

EntryFormat EntryFormat::x86Long(int physAddrBits)
{
    // PAE and 64-bit: the same low bits, frame in 12..MAXPHYADDR-1, NX in bit 63.
    EntryFormat f = x86Legacy();
    f.bytes = 8;
    f.pfnBits = physAddrBits - 12;
    f.nxBit = 63;
    return f;
}

} // namespace memviz
