#pragma once
/// The LRU lists of page reclaim (reference §3, mm/vmscan.c, mm/swap.c) and the
/// per-page flags reclaim and swap need (PG_lru, PG_active, PG_referenced,
/// PG_swapcache, PG_dirty and the page's swap entry, page->private).
///
/// The flags live beside the 16-byte frame table in their own copy-on-write chunks
/// (17 more bytes per frame) so the buddy allocator's hot path is unchanged. Lists
/// are doubly linked through lruNext/lruPrev like the kernel's folio->lru: new and
/// rotated pages go to the head, reclaim isolates from the tail.

#include "phys/FrameTable.h"
#include "util/CowChunks.h"

#include <array>
#include <cstdint>
#include <string_view>

namespace memviz {

/// enum lru_list.
enum class LruList : std::uint8_t { InactiveAnon, ActiveAnon, InactiveFile, ActiveFile, Unevictable, Count };
inline constexpr std::uint8_t kNoLru = 0xF;
inline constexpr int kNrLru = static_cast<int>(LruList::Count);
std::string_view lruListName(LruList l); ///< "inactive_anon", "active_file", ...
inline constexpr bool lruIsActive(LruList l) { return l == LruList::ActiveAnon || l == LruList::ActiveFile; }
inline constexpr bool lruIsFile(LruList l) { return l == LruList::InactiveFile || l == LruList::ActiveFile; }

/// Page flag bits kept per frame (on the head of a folio).
namespace PageFlag {
inline constexpr std::uint8_t Referenced = 1u << 0; ///< PG_referenced: the second chance was used
inline constexpr std::uint8_t Dirty = 1u << 1;      ///< PG_dirty: newer than its copy on disk or in swap
inline constexpr std::uint8_t SwapCache = 1u << 2;  ///< PG_swapcache: in the swap cache (swap holds the entry)
inline constexpr std::uint8_t Workingset = 1u << 3; ///< PG_workingset: was deactivated from the active list
inline constexpr std::uint8_t LruShift = 4;         ///< bits 4..7: the LruList the page is on, kNoLru for none
} // namespace PageFlag

struct PageExtChunk {
    PageExtChunk()
    {
        lruNext.fill(kNil);
        lruPrev.fill(kNil);
        flags.fill(static_cast<std::uint8_t>(kNoLru << PageFlag::LruShift));
    }
    static constexpr int kShift = 12;
    static constexpr std::uint32_t kSize = 1u << kShift;
    std::array<std::uint32_t, kSize> lruNext {};
    std::array<std::uint32_t, kSize> lruPrev {};
    std::array<std::uint32_t, kSize> swap {}; ///< swap entry (SwapEntry::pack) while in the swap cache, else 0
    std::array<std::uint64_t, kSize> index {}; ///< anon pages: the virtual page number it was faulted at (rmap)
    std::array<std::uint8_t, kSize> flags {};
};

class PageExt {
public:
    void reset(Pfn frames) { m_chunks.resize(static_cast<std::size_t>((frames + PageExtChunk::kSize - 1) >> PageExtChunk::kShift)); }
    std::uint32_t next(Pfn p) const { return c(p).lruNext[i(p)]; }
    std::uint32_t prev(Pfn p) const { return c(p).lruPrev[i(p)]; }
    std::uint32_t swap(Pfn p) const { return c(p).swap[i(p)]; }
    std::uint64_t index(Pfn p) const { return c(p).index[i(p)]; }
    std::uint8_t flags(Pfn p) const { return c(p).flags[i(p)]; }
    std::uint8_t lru(Pfn p) const { return static_cast<std::uint8_t>(flags(p) >> PageFlag::LruShift); }
    bool test(Pfn p, std::uint8_t bit) const { return flags(p) & bit; }

    void setNext(Pfn p, std::uint32_t v) { m(p).lruNext[i(p)] = v; }
    void setPrev(Pfn p, std::uint32_t v) { m(p).lruPrev[i(p)] = v; }
    void setSwap(Pfn p, std::uint32_t v)
    {
        if (swap(p) != v) m(p).swap[i(p)] = v;
    }
    void setIndex(Pfn p, std::uint64_t v)
    {
        if (index(p) != v) m(p).index[i(p)] = v;
    }
    void setLru(Pfn p, std::uint8_t l)
    {
        const std::uint8_t f = static_cast<std::uint8_t>((flags(p) & 0x0F) | (l << PageFlag::LruShift));
        if (f != flags(p)) m(p).flags[i(p)] = f;
    }
    void set(Pfn p, std::uint8_t bit, bool on)
    {
        const std::uint8_t f = static_cast<std::uint8_t>(on ? (flags(p) | bit) : (flags(p) & ~bit));
        if (f != flags(p)) m(p).flags[i(p)] = f;
    }
    /// Back to the state of a free frame (no list, no flags, no swap entry).
    void clear(Pfn p)
    {
        if (flags(p) != (kNoLru << PageFlag::LruShift)) m(p).flags[i(p)] = static_cast<std::uint8_t>(kNoLru << PageFlag::LruShift);
        if (swap(p)) m(p).swap[i(p)] = 0;
        if (index(p)) m(p).index[i(p)] = 0;
    }
    static constexpr std::size_t bytesPerFrame() { return sizeof(PageExtChunk) / PageExtChunk::kSize; }
    /// Bytes of chunks this table holds that `o` does not share (what a checkpoint pins beyond it).
    std::size_t bytesNotSharedWith(const PageExt& o) const { return m_chunks.chunksNotSharedWith(o.m_chunks) * sizeof(PageExtChunk); }

private:
    static std::size_t i(Pfn p) { return static_cast<std::size_t>(p & (PageExtChunk::kSize - 1)); }
    const PageExtChunk& c(Pfn p) const { return m_chunks.get(static_cast<std::size_t>(p >> PageExtChunk::kShift)); }
    PageExtChunk& m(Pfn p) { return m_chunks.mut(static_cast<std::size_t>(p >> PageExtChunk::kShift)); }
    CowChunks<PageExtChunk> m_chunks;
};

struct LruHead {
    std::uint32_t head = kNil; ///< newest (folio_add_lru puts pages here)
    std::uint32_t tail = kNil; ///< oldest (reclaim isolates from here)
    std::uint64_t size = 0;    ///< pages: a folio on the list counts 2^order (a huge page 512)
};

/// struct lruvec of one node.
struct LruVec {
    std::array<LruHead, kNrLru> lists {};
    const LruHead& operator[](LruList l) const { return lists[static_cast<std::size_t>(l)]; }
};

struct Machine;

/// List surgery applied by events (sim/Apply). A page on a list is unlinked first.
/// The list's size changes by the folio's pages (2^order of its frame-table order).
void lruLink(Machine& m, Pfn p, LruList l, bool atHead = true);
void lruUnlink(Machine& m, Pfn p);
/// split_huge_page(): the frames after `head` of a 2^order folio that is on a list join
/// it there as order-0 pages (their frame-table order must already be 0). The size is
/// unchanged; the caller keeps it right by having set the head's order to 0 too.
void lruSplit(Machine& m, Pfn head, int order);

/// The list a new anonymous or page-cache page joins (folio_add_lru: inactive of its type).
inline constexpr LruList lruForNew(bool anon) { return anon ? LruList::InactiveAnon : LruList::InactiveFile; }

} // namespace memviz
