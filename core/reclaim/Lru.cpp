#include "reclaim/Lru.h"

#include "sim/Machine.h"

namespace memviz {

std::string_view lruListName(LruList l)
{
    switch (l) {
    case LruList::InactiveAnon: return "inactive_anon";
    case LruList::ActiveAnon: return "active_anon";
    case LruList::InactiveFile: return "inactive_file";
    case LruList::ActiveFile: return "active_file";
    case LruList::Unevictable: return "unevictable";
    case LruList::Count: break;
    }
    return "?";
}

void lruUnlink(Machine& m, Pfn p)
{
    PageExt& x = m.pageExt;
    const std::uint8_t l = x.lru(p);
    if (l == kNoLru) return;
    LruHead& h = m.lru.lists[l];
    const std::uint32_t n = x.next(p), pr = x.prev(p);
    if (pr != kNil) x.setNext(pr, n); else h.head = n;
    if (n != kNil) x.setPrev(n, pr); else h.tail = pr;
    x.setNext(p, kNil);
    x.setPrev(p, kNil);
    x.setLru(p, kNoLru);
    h.size -= Pfn(1) << m.frames.order(p);
}

void lruLink(Machine& m, Pfn p, LruList l, bool atHead)
{
    lruUnlink(m, p);
    PageExt& x = m.pageExt;
    LruHead& h = m.lru.lists[static_cast<std::size_t>(l)];
    const auto self = static_cast<std::uint32_t>(p);
    if (atHead) {
        x.setPrev(p, kNil);
        x.setNext(p, h.head);
        if (h.head != kNil) x.setPrev(h.head, self); else h.tail = self;
        h.head = self;
    } else {
        x.setNext(p, kNil);
        x.setPrev(p, h.tail);
        if (h.tail != kNil) x.setNext(h.tail, self); else h.head = self;
        h.tail = self;
    }
    x.setLru(p, static_cast<std::uint8_t>(l));
    h.size += Pfn(1) << m.frames.order(p);
}

void lruSplit(Machine& m, Pfn head, int order)
{
    PageExt& x = m.pageExt;
    const std::uint8_t l = x.lru(head);
    if (l == kNoLru) return;
    LruHead& h = m.lru.lists[l];
    // lru_add_split_folio(): each new folio goes just before the head on the newer side,
    // last one first, so the list reads ..., head+511, ..., head+1, head towards the tail
    // and reclaim meets the pages in address order. The pages stay counted: 2^order
    // before and after.
    const std::uint8_t keep = static_cast<std::uint8_t>(x.flags(head) & ~(0xF << PageFlag::LruShift));
    for (Pfn i = (Pfn(1) << order) - 1; i >= 1; --i) {
        const Pfn p = head + i;
        const auto self = static_cast<std::uint32_t>(p);
        const std::uint32_t newer = x.prev(head);
        x.setPrev(p, newer);
        x.setNext(p, static_cast<std::uint32_t>(head));
        if (newer != kNil) x.setNext(newer, self); else h.head = self;
        x.setPrev(head, self);
        x.setLru(p, l);
        x.set(p, keep, true);
    }
}

} // namespace memviz
