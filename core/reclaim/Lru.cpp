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
    --h.size;
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
    ++h.size;
}

} // namespace memviz
