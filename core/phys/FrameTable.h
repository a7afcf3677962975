#pragma once
/// The frame table: the simulator's `struct page`, one 16-byte record per physical
/// frame, stored as structure-of-arrays in copy-on-write chunks of 4096 frames.
///
/// Only the first frame of a block (its head) carries the block's state and order;
/// the other frames are `Tail`. Buddy blocks are naturally aligned, so the head of
/// any frame is found by aligning its pfn down (see headOf), as the kernel's
/// compound pages and buddy heads work.

#include "util/CowChunks.h"

#include <array>
#include <cstdint>

namespace memviz {

using Pfn = std::uint64_t;
inline constexpr std::uint32_t kNil = 0xFFFFFFFFu;
inline constexpr int kMaxOrder = 10; ///< MAX_PAGE_ORDER
inline constexpr int kNrOrders = kMaxOrder + 1;

enum class FrameState : std::uint8_t {
    Tail = 0,     ///< inside a block; the head holds its state
    Free,         ///< head of a free block on a buddy free list (PageBuddy)
    InHand,       ///< head of a block the allocator is splitting or merging right now
    Kernel,       ///< head of a block allocated by kernel code (alloc_pages)
    Firmware,     ///< reserved at boot: firmware/BIOS area
    KernelImage,  ///< reserved at boot: kernel text, data and bss
    MemMap,       ///< reserved at boot: the kernel's struct page array
    BootAlloc,    ///< reserved at boot: other early (memblock) allocations
    Hole,         ///< no RAM at this address (e820 hole): not present, never allocated
    PageTable,    ///< head of a page-table page of a process (priv = pid)
    Anon,         ///< an anonymous page of a process (priv = pid that faulted it in, count = mapcount)
    File,         ///< a page-cache page (priv = file id, next = page index, count = mapcount)
    Slab,         ///< head of a slab (priv = cache id, count = objects in use; alloc/Kmem.h)
    Vmalloc,      ///< a page mapped in a vmalloc area (priv = low 32 bits of its page number within the vmalloc range)
    KernelStack,  ///< a page of a process's kernel stack (priv = pid)
    Count
};

inline constexpr bool isReserved(FrameState s)
{
    return s == FrameState::Firmware || s == FrameState::KernelImage || s == FrameState::MemMap
        || s == FrameState::BootAlloc;
}
/// Allocated from the buddy allocator (by the kernel, for a page table, a process or the page cache).
inline constexpr bool isAllocated(FrameState s)
{
    return s == FrameState::Kernel || s == FrameState::PageTable || s == FrameState::Anon || s == FrameState::File
        || s == FrameState::Slab || s == FrameState::Vmalloc || s == FrameState::KernelStack;
}

/// Stable identifier of a frame state, e.g. "PageTable" (logs, JSON).
const char* frameStateName(FrameState s);

struct FrameChunk {
    FrameChunk()
    {
        next.fill(kNil); // off every list
        prev.fill(kNil);
    }
    static constexpr int kShift = 12;
    static constexpr std::uint32_t kSize = 1u << kShift;
    std::array<std::uint8_t, kSize> state{};   // FrameState
    std::array<std::uint8_t, kSize> order{};   // block order, valid on heads
    std::array<std::uint16_t, kSize> count{};  // reference count (later: mapcount)
    std::array<std::uint32_t, kSize> next{};   // list link (buddy free list; later LRU)
    std::array<std::uint32_t, kSize> prev{};
    std::array<std::uint32_t, kSize> priv{};   // per-use data (later: rmap, swap entry)
};
static_assert(sizeof(FrameChunk) == 16 * FrameChunk::kSize, "16 bytes per frame");

class FrameTable {
public:
    void reset(Pfn frames);
    Pfn size() const { return m_frames; }

    FrameState state(Pfn p) const { return static_cast<FrameState>(c(p).state[i(p)]); }
    int order(Pfn p) const { return c(p).order[i(p)]; }
    std::uint32_t next(Pfn p) const { return c(p).next[i(p)]; }
    std::uint32_t prev(Pfn p) const { return c(p).prev[i(p)]; }
    std::uint16_t count(Pfn p) const { return c(p).count[i(p)]; }
    std::uint32_t priv(Pfn p) const { return c(p).priv[i(p)]; }
    bool isHead(Pfn p) const { return state(p) != FrameState::Tail; }

    void setHead(Pfn p, FrameState s, int order)
    {
        auto& ch = m(p);
        ch.state[i(p)] = static_cast<std::uint8_t>(s);
        ch.order[i(p)] = static_cast<std::uint8_t>(order);
    }
    void setTail(Pfn p)
    {
        auto& ch = m(p);
        ch.state[i(p)] = static_cast<std::uint8_t>(FrameState::Tail);
        ch.order[i(p)] = 0;
        ch.next[i(p)] = kNil; // a tail is on no list; keeps equal states byte-equal
        ch.prev[i(p)] = kNil;
    }
    void setNext(Pfn p, std::uint32_t v) { m(p).next[i(p)] = v; }
    void setPrev(Pfn p, std::uint32_t v) { m(p).prev[i(p)] = v; }
    void setCount(Pfn p, std::uint16_t v) { m(p).count[i(p)] = v; }
    void setPriv(Pfn p, std::uint32_t v) { m(p).priv[i(p)] = v; }

    /// The head of the block containing p (p itself when p is a head).
    Pfn headOf(Pfn p) const;

    /// Direct read access to a chunk for fast scans (views, checker).
    const FrameChunk& chunk(std::size_t index) const { return m_chunks.get(index); }
    std::size_t chunkCount() const { return m_chunks.size(); }
    /// Test hook: writable chunk (used to corrupt state deliberately in checker tests).
    FrameChunk& mutableChunk(std::size_t index) { return m_chunks.mut(index); }

    std::uint64_t clones() const { return m_chunks.clones(); }
    /// Bytes of frame-table state per simulated frame.
    static constexpr std::size_t bytesPerFrame() { return sizeof(FrameChunk) / FrameChunk::kSize; }

    bool sameAs(const FrameTable& o) const; ///< equal contents (shared chunks compare cheaply)
    /// Chunks this table holds that `o` does not share: the memory a snapshot pins
    /// beyond its neighbour's, in chunks of sizeof(FrameChunk).
    std::size_t chunksNotSharedWith(const FrameTable& o) const;

private:
    static std::size_t i(Pfn p) { return static_cast<std::size_t>(p & (FrameChunk::kSize - 1)); }
    const FrameChunk& c(Pfn p) const { return m_chunks.get(static_cast<std::size_t>(p >> FrameChunk::kShift)); }
    FrameChunk& m(Pfn p) { return m_chunks.mut(static_cast<std::size_t>(p >> FrameChunk::kShift)); }

    CowChunks<FrameChunk> m_chunks;
    Pfn m_frames = 0;
};

} // namespace memviz
