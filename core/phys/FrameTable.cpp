#include "phys/FrameTable.h"

#include <cstring>

namespace memviz {

const char* frameStateName(FrameState s)
{
    switch (s) {
    case FrameState::Tail: return "Tail";
    case FrameState::Free: return "Free";
    case FrameState::InHand: return "InHand";
    case FrameState::Kernel: return "Kernel";
    case FrameState::Firmware: return "Firmware";
    case FrameState::KernelImage: return "KernelImage";
    case FrameState::MemMap: return "MemMap";
    case FrameState::BootAlloc: return "BootAlloc";
    case FrameState::Hole: return "Hole";
    case FrameState::PageTable: return "PageTable";
    case FrameState::Anon: return "Anon";
    case FrameState::File: return "File";
    case FrameState::Slab: return "Slab";
    case FrameState::Vmalloc: return "Vmalloc";
    case FrameState::KernelStack: return "KernelStack";
    case FrameState::Count: break;
    }
    return "?";
}

void FrameTable::reset(Pfn frames)
{
    m_frames = frames;
    m_chunks.resize(static_cast<std::size_t>((frames + FrameChunk::kSize - 1) >> FrameChunk::kShift));
}

Pfn FrameTable::headOf(Pfn p) const
{
    if (isHead(p)) return p;
    for (int o = 1; o <= kMaxOrder; ++o) {
        const Pfn h = p & ~((Pfn(1) << o) - 1);
        if (isHead(h) && order(h) >= o) return h;
    }
    return p; // a tail without a head: the checker reports it
}

std::size_t FrameTable::chunksNotSharedWith(const FrameTable& o) const
{
    if (o.m_chunks.size() != m_chunks.size()) return m_chunks.size();
    std::size_t n = 0;
    for (std::size_t k = 0; k < m_chunks.size(); ++k) n += m_chunks.sharesChunk(o.m_chunks, k) ? 0 : 1;
    return n;
}

bool FrameTable::sameAs(const FrameTable& o) const
{
    if (m_frames != o.m_frames) return false;
    for (std::size_t k = 0; k < m_chunks.size(); ++k) {
        if (m_chunks.sharesChunk(o.m_chunks, k)) continue;
        if (std::memcmp(&m_chunks.get(k), &o.m_chunks.get(k), sizeof(FrameChunk)) != 0) return false;
    }
    return true;
}

} // namespace memviz
