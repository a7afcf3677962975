#pragma once
/// A chunked array whose copies share chunks until one side writes (copy-on-write).
///
/// Machine snapshots (checkpoints, the player's view, a script's staging copy) are
/// copies of the whole machine; sharing the frame table chunk by chunk makes such a
/// copy cost a few pointer copies, and only the chunks written afterwards are cloned.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

namespace memviz {

template <class Chunk>
class CowChunks {
public:
    void resize(std::size_t count)
    {
        m_chunks.clear();
        m_chunks.reserve(count);
        for (std::size_t i = 0; i < count; ++i) m_chunks.push_back(std::make_shared<Chunk>());
    }

    std::size_t size() const { return m_chunks.size(); }
    const Chunk& get(std::size_t i) const { return *m_chunks[i]; }

    /// Writable access; clones the chunk first when another copy still shares it.
    Chunk& mut(std::size_t i)
    {
        auto& p = m_chunks[i];
        if (p.use_count() != 1) [[unlikely]] {
            p = std::make_shared<Chunk>(*p);
            ++m_clones;
        }
        return *p;
    }

    /// How many chunks this object (and the copies it was copied from) had to clone.
    std::uint64_t clones() const { return m_clones; }

    /// True when both share every chunk (the same state without comparing contents).
    bool sharesAllWith(const CowChunks& o) const
    {
        if (o.m_chunks.size() != m_chunks.size()) return false;
        for (std::size_t i = 0; i < m_chunks.size(); ++i)
            if (m_chunks[i] != o.m_chunks[i]) return false;
        return true;
    }

    bool sharesChunk(const CowChunks& o, std::size_t i) const { return m_chunks[i] == o.m_chunks[i]; }

    /// Chunks this object holds that `o` does not share (all of them when the sizes differ).
    std::size_t chunksNotSharedWith(const CowChunks& o) const
    {
        if (o.m_chunks.size() != m_chunks.size()) return m_chunks.size();
        std::size_t n = 0;
        for (std::size_t k = 0; k < m_chunks.size(); ++k) n += m_chunks[k] == o.m_chunks[k] ? 0 : 1;
        return n;
    }

private:
    std::vector<std::shared_ptr<Chunk>> m_chunks;
    std::uint64_t m_clones = 0;
};

} // namespace memviz
