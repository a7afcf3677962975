#include "vm/Vm.h"

#include <algorithm>

namespace memviz {

PhysMem::Page& PhysMem::slot(Pfn p)
{
    const std::size_t c = static_cast<std::size_t>(p >> Chunk::kShift);
    if (c >= m_chunks.size()) m_chunks.resize(c + 1);
    auto& chunk = m_chunks[c];
    if (!chunk) chunk = std::make_shared<Chunk>();
    else if (chunk.use_count() != 1) chunk = std::make_shared<Chunk>(*chunk);
    return chunk->pages[p & ((1u << Chunk::kShift) - 1)];
}

std::vector<std::uint8_t>& PhysMem::mut(Pfn p)
{
    Page& pg = slot(p);
    if (!pg) {
        pg = std::make_shared<std::vector<std::uint8_t>>(m_pageSize, 0);
        ++m_held;
    } else if (pg.use_count() != 1) {
        pg = std::make_shared<std::vector<std::uint8_t>>(*pg);
    }
    return *pg;
}

void PhysMem::write8(std::uint64_t paddr, std::uint8_t v) { mut(paddr / m_pageSize)[paddr % m_pageSize] = v; }

void PhysMem::writeLE(std::uint64_t paddr, std::uint64_t v, int bytes)
{
    auto& page = mut(paddr / m_pageSize);
    std::uint8_t* p = page.data() + paddr % m_pageSize;
    for (int i = 0; i < bytes; ++i, v >>= 8) p[i] = static_cast<std::uint8_t>(v);
}

void PhysMem::copyPage(Pfn from, Pfn to)
{
    if (!hasContents(from)) {
        clearPage(to);
        return;
    }
    const std::size_t c = static_cast<std::size_t>(from >> Chunk::kShift);
    Page src = m_chunks[c]->pages[from & ((1u << Chunk::kShift) - 1)];
    Page& dst = slot(to);
    if (!dst) ++m_held;
    dst = std::move(src); // shared until either side writes
}

void PhysMem::clearPage(Pfn p)
{
    if (!hasContents(p)) return;
    slot(p).reset();
    --m_held;
}

void PhysMem::clearRange(Pfn p, Pfn count)
{
    for (Pfn q = p; q < p + count; ++q) clearPage(q);
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
    case FaultKind::Swap:
        return "swap";
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
