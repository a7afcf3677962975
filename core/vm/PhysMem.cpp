#include "vm/Vm.h"

#include <algorithm>

namespace memviz {

std::uint8_t PhysMem::read8(std::uint64_t paddr) const
{
    auto it = m_pages.find(paddr / m_pageSize);
    if (it == m_pages.end()) return 0;
    return (*it->second)[paddr % m_pageSize];
}

std::uint64_t PhysMem::readLE(std::uint64_t paddr, int bytes) const
{
    auto it = m_pages.find(paddr / m_pageSize);
    if (it == m_pages.end()) return 0;
    const std::uint8_t* p = it->second->data() + paddr % m_pageSize;
    std::uint64_t v = 0;
    for (int i = bytes - 1; i >= 0; --i) v = (v << 8) | p[i];
    return v;
}

std::vector<std::uint8_t>& PhysMem::mut(Pfn p)
{
    auto& slot = m_pages[p];
    if (!slot)
        slot = std::make_shared<std::vector<std::uint8_t>>(m_pageSize, 0);
    else if (slot.use_count() != 1)
        slot = std::make_shared<std::vector<std::uint8_t>>(*slot);
    return *slot;
}

void PhysMem::write8(std::uint64_t paddr, std::uint8_t v)
{
    mut(paddr / m_pageSize)[paddr % m_pageSize] = v;
}

void PhysMem::writeLE(std::uint64_t paddr, std::uint64_t v, int bytes)
{
    auto& page = mut(paddr / m_pageSize);
    std::uint8_t* p = page.data() + paddr % m_pageSize;
    for (int i = 0; i < bytes; ++i, v >>= 8) p[i] = static_cast<std::uint8_t>(v);
}

void PhysMem::copyPage(Pfn from, Pfn to)
{
    auto it = m_pages.find(from);
    if (it == m_pages.end()) {
        m_pages.erase(to);
        return;
    }
    m_pages[to] = it->second; // shared until either side writes
}

void PhysMem::clearPage(Pfn p)
{
    m_pages.erase(p);
}

void PhysMem::clearRange(Pfn p, Pfn count)
{
    m_pages.erase(m_pages.lower_bound(p), m_pages.lower_bound(p + count));
}

std::uint64_t Mm::totalVmPages(int pageShift) const
{
    std::uint64_t n = 0;
    for (const Vma& v : vmas) n += (v.end - v.start) >> pageShift;
    return n;
}

const Vma* Mm::find(std::uint64_t va) const
{
    auto it = std::upper_bound(vmas.begin(), vmas.end(), va, [](std::uint64_t a, const Vma& v) { return a < v.start; });
    if (it == vmas.begin()) return nullptr;
    --it;
    return it->contains(va) ? &*it : nullptr;
}

const char* faultKindName(FaultKind k)
{
    switch (k) {
    case FaultKind::ZeroPage:
        return "zero-page";
    case FaultKind::Anon:
        return "anon";
    case FaultKind::CowCopy:
        return "cow-copy";
    case FaultKind::CowReuse:
        return "cow-reuse";
    case FaultKind::FileMinor:
        return "file-minor";
    case FaultKind::FileMajor:
        return "file-major";
    case FaultKind::Segv:
        return "segv";
    case FaultKind::Oom:
        return "oom";
    case FaultKind::Count:
        break;
    }
    return "?";
}

} // namespace memviz
