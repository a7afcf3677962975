// kmap()/kunmap() and kmap_local_page()/kunmap_local() (mm/highmem.c, include/linux/highmem-internal.h).
//
// A lowmem page has a direct-map address and needs no mapping (64-bit: every page):
// kmap() returns page_address() and kunmap() does nothing (KmapKind::Direct events, for
// the narration only). A HighMem page (x86-32 above 896 MiB) gets a slot of the
// persistent window: kmap_high() increments pkmap_count[] of the slot already mapping
// the page, or map_new_virtual() scans from last_pkmap_nr + 1 for a slot whose count is
// 0; when the scan wraps to slot 0 it first runs flush_all_zero_pkmaps(), which frees
// every slot left at count 1 (mapped but unused since its last kunmap) and flushes the
// kernel TLB over the window. A new mapping has count 1, and kmap_high() adds one for its
// user: 2. kunmap_high() subtracts one; the slot keeps the page at count 1 until the next
// wrap. kmap_local_page() of a HighMem page pushes a per-CPU fixmap slot
// (FIX_KMAP_BEGIN + idx); kunmap_local() pops the top slot and flushes that one page.
//
// Simplifications (the UI says so): one CPU; the page_address() hash table is a scan of
// the window; where the kernel would sleep for a free slot (all LAST_PKMAP held) or hit
// BUG() (a 17th kmap_local slot, kunmap of a page not mapped), the command is refused;
// kmap_local slots are one per-CPU stack rather than saved and restored per task.

#include "alloc/Buddy.h"
#include "alloc/KernelMap.h"
#include "alloc/KmemOps.h"
#include "sim/Machine.h"

namespace memviz::kmem {

namespace {

constexpr Pfn kNoPage = ~Pfn(0);

Event kmapEvent(const Machine& m, EventType t, KmapKind kind, Pfn pfn, std::uint32_t pid)
{
    Event e;
    e.type = t;
    e.pid = pid;
    e.order = static_cast<std::uint8_t>(kind);
    e.pfn = pfn;
    if (pfn < m.frames.size()) e.zone = m.zoneOf(pfn);
    return e;
}

/// A frame of a block the kernel code (a script) allocated with alloc_pages() and holds.
bool ownedKernelPage(const Machine& m, Pfn pfn)
{
    if (pfn >= m.frames.size()) return false;
    const Pfn head = m.frames.headOf(pfn);
    return m.frames.state(head) == FrameState::Kernel && m.frames.priv(head) == 0;
}

std::uint64_t directAddress(const Machine& m, Pfn pfn)
{
    return physToVirt(m.kmem.layout, pfn * m.pageSize());
}

/// Whether map_new_virtual() can find a slot: one free, or one at count 1 that the flush
/// at the wrap frees (the scan always passes slot 0 within LAST_PKMAP steps).
bool pkmapHasRoom(const Machine& m)
{
    for (const PkmapSlot& s : m.kmem.pkmap)
        if (s.count <= 1) return true;
    return false;
}

/// kmap_high() of a HighMem page: the slot's address.
std::uint64_t kmapHigh(const Machine& m, Emitter& em, Pfn pfn, std::uint32_t pid)
{
    const KernelLayout& l = m.kmem.layout;
    int slot = pkmapSlotOfPage(m, pfn);
    if (slot < 0) {
        // map_new_virtual()
        const auto n = static_cast<std::uint32_t>(m.kmem.pkmap.size());
        std::uint32_t nr = m.kmem.lastPkmapNr;
        std::uint32_t count = n;
        for (;;) {
            nr = (nr + 1) % n; // get_next_pkmap_nr()
            if (nr == 0) {      // no_more_pkmaps(): flush_all_zero_pkmaps()
                std::uint64_t freed = 0;
                for (const PkmapSlot& s : m.kmem.pkmap) freed += s.count == 1;
                Event f = kmapEvent(m, EventType::Kunmap, KmapKind::Flush, 0, pid);
                f.zone = 0xFF;
                f.a = freed;
                em.onEvent(f);
                if (freed) flushTlbKernelRange(m, em, l.pkmapAddr(0), l.pkmapAddr(n));
                count = n;
            }
            if (m.kmem.pkmap[nr].count == 0) break;
            if (--count == 0) return 0; // the kernel sleeps here; validateKmap refused this case
        }
        slot = static_cast<int>(nr);
    }
    const PkmapSlot& s = m.kmem.pkmap[static_cast<std::size_t>(slot)];
    Event e = kmapEvent(m, EventType::Kmap, KmapKind::Pkmap, pfn, pid);
    e.c = static_cast<std::uint64_t>(slot);
    e.a = l.pkmapAddr(static_cast<std::uint32_t>(slot));
    e.b = s.page == pfn ? s.count + 1u : 2u; // a new mapping: 1, and one for this user
    em.onEvent(e);
    return e.a;
}

} // namespace

bool isHighMemPage(const Machine& m, Pfn pfn)
{
    if (pfn >= m.frames.size()) return false;
    const std::uint8_t z = m.zoneOf(pfn);
    return z < m.zones.size() && m.zones[z].type == ZoneType::HighMem;
}

int pkmapSlotOfPage(const Machine& m, Pfn pfn)
{
    const auto& slots = m.kmem.pkmap;
    for (std::size_t i = 0; i < slots.size(); ++i)
        if (slots[i].page == pfn && slots[i].count >= 1) return static_cast<int>(i);
    return -1;
}

std::uint64_t pageAddress(const Machine& m, Pfn pfn)
{
    if (pfn >= m.frames.size() || m.config.arch.custom) return 0;
    if (!isHighMemPage(m, pfn)) return directAddress(m, pfn);
    const int slot = pkmapSlotOfPage(m, pfn);
    return slot < 0 ? 0 : m.kmem.layout.pkmapAddr(static_cast<std::uint32_t>(slot));
}

std::uint32_t kmapUsers(const Machine& m, Pfn pfn, int order)
{
    const Pfn end = pfn + (Pfn(1) << order);
    std::uint32_t n = 0;
    for (const PkmapSlot& s : m.kmem.pkmap)
        if (s.count >= 2 && s.page >= pfn && s.page < end) n += s.count - 1;
    for (const Pfn p : m.kmem.kmapLocal) n += p >= pfn && p < end;
    return n;
}

Pfn kernelVirtToPfn(const Machine& m, std::uint64_t va)
{
    const KernelLayout& l = m.kmem.layout;
    if (m.config.arch.custom) return kNoPage;
    const int shift = m.config.arch.pageShift;
    const std::uint64_t pa = virtToPhys(l, va);
    if (pa != ~0ull) {
        const Pfn p = pa >> shift;
        return p < m.frames.size() ? p : kNoPage;
    }
    if (inVmallocRange(l, va)) {
        const VmArea* a = vmAreaAt(m, va);
        if (!a) return kNoPage;
        const std::uint64_t i = (va - a->addr) >> shift;
        return i < a->pages.size() ? a->pages[i] : kNoPage; // the guard page maps nothing
    }
    if (const int s = pkmapSlotOf(l, va); s >= 0 && static_cast<std::size_t>(s) < m.kmem.pkmap.size()) {
        const PkmapSlot& slot = m.kmem.pkmap[static_cast<std::size_t>(s)];
        return slot.count >= 1 ? slot.page : kNoPage;
    }
    if (const int s = kmapLocalSlotOf(l, va); s >= 0 && static_cast<std::size_t>(s) < m.kmem.kmapLocal.size())
        return m.kmem.kmapLocal[static_cast<std::size_t>(s)];
    return kNoPage;
}

} // namespace memviz::kmem

namespace memviz::kmem::detail {

void bootKmap(Machine& m)
{
    // kmap_init(): the pkmap page table exists with CONFIG_HIGHMEM; memviz keeps slots
    // only when there is HighMem to map.
    Kmem& k = m.kmem;
    k.pkmap.clear();
    k.lastPkmapNr = 0;
    k.kmapLocal.clear();
    bool highmem = false;
    for (const Zone& z : m.zones) highmem = highmem || (z.type == ZoneType::HighMem && z.populated());
    if (highmem && k.layout.lastPkmap) k.pkmap.assign(k.layout.lastPkmap, PkmapSlot{});
}

Error validateKmap(const Machine& m, const Command& c)
{
    const KernelLayout& l = m.kmem.layout;
    auto notKmapped = [](std::uint64_t v) { return Error{ErrorCode::NotKmapped, static_cast<std::int64_t>(v), 0, {}}; };
    if (c.type == CommandType::Kunmap && c.write) {
        // kunmap_local(addr): the top kmap_local slot, or a direct-map address (nothing was mapped).
        const std::uint64_t va = c.addr & ~(m.pageSize() - 1);
        if (const int s = kmapLocalSlotOf(l, va); s >= 0) {
            if (m.kmem.kmapLocal.empty() || static_cast<std::size_t>(s) != m.kmem.kmapLocal.size() - 1)
                return notKmapped(c.addr);
            return {};
        }
        if (inDirectMap(l, va) && ownedKernelPage(m, virtToPhys(l, va) / m.pageSize())) return {};
        return notKmapped(c.addr);
    }
    if (c.pfn >= m.frames.size()) return Error{ErrorCode::PfnOutOfRange, static_cast<std::int64_t>(c.pfn), 0, {}};
    if (!ownedKernelPage(m, c.pfn)) return Error{ErrorCode::NotAllocated, static_cast<std::int64_t>(c.pfn), 0, {}};
    if (!isHighMemPage(m, c.pfn)) return {}; // page_address(): nothing to map or unmap
    if (c.type == CommandType::Kunmap) {
        const int s = pkmapSlotOfPage(m, c.pfn);
        if (s < 0 || m.kmem.pkmap[static_cast<std::size_t>(s)].count <= 1) return notKmapped(c.pfn);
        return {};
    }
    if (c.write) {
        if (m.kmem.kmapLocal.size() >= l.kmapLocalSlots)
            return Error{ErrorCode::KmapFull, static_cast<std::int64_t>(l.kmapLocalSlots), 0, {}};
        return {};
    }
    if (pkmapSlotOfPage(m, c.pfn) < 0 && !pkmapHasRoom(m))
        return Error{ErrorCode::KmapFull, static_cast<std::int64_t>(l.lastPkmap), 0, {}};
    return {};
}

void runKmap(const Machine& m, Emitter& em, const Command& c, std::uint64_t* value)
{
    const KernelLayout& l = m.kmem.layout;
    std::uint64_t result = 0;
    if (c.type == CommandType::Kmap) {
        if (!isHighMemPage(m, c.pfn)) {
            Event e = kmapEvent(m, EventType::Kmap, KmapKind::Direct, c.pfn, c.pid);
            e.a = directAddress(m, c.pfn);
            em.onEvent(e);
            result = e.a;
        } else if (c.write) {
            // __kmap_local_pfn_prot(): kmap_local_idx_push(), the fixmap slot's PTE, no flush.
            const auto idx = static_cast<std::uint32_t>(m.kmem.kmapLocal.size());
            Event e = kmapEvent(m, EventType::Kmap, KmapKind::Local, c.pfn, c.pid);
            e.c = idx;
            e.a = l.kmapLocalAddr(idx);
            e.b = idx + 1u;
            em.onEvent(e);
            result = e.a;
        } else {
            result = kmapHigh(m, em, c.pfn, c.pid);
        }
    } else if (c.write) {
        const std::uint64_t va = c.addr & ~(m.pageSize() - 1);
        if (const int s = kmapLocalSlotOf(l, va); s >= 0) {
            // kunmap_local_indexed(): the PTE cleared, flush_tlb_one_kernel(), kmap_local_idx_pop().
            Event e = kmapEvent(m, EventType::Kunmap, KmapKind::Local, m.kmem.kmapLocal.back(), c.pid);
            e.c = static_cast<std::uint64_t>(s);
            e.a = va;
            e.b = static_cast<std::uint64_t>(s);
            em.onEvent(e);
            flushTlbKernelRange(m, em, va, va + m.pageSize());
        } else {
            Event e = kmapEvent(m, EventType::Kunmap, KmapKind::Direct, virtToPhys(l, va) / m.pageSize(), c.pid);
            e.a = va;
            em.onEvent(e);
        }
    } else if (!isHighMemPage(m, c.pfn)) {
        Event e = kmapEvent(m, EventType::Kunmap, KmapKind::Direct, c.pfn, c.pid);
        e.a = directAddress(m, c.pfn);
        em.onEvent(e);
    } else {
        // kunmap_high(): --pkmap_count[nr]; the slot keeps the page until the next flush.
        const int s = pkmapSlotOfPage(m, c.pfn);
        const PkmapSlot& slot = m.kmem.pkmap[static_cast<std::size_t>(s)];
        Event e = kmapEvent(m, EventType::Kunmap, KmapKind::Pkmap, c.pfn, c.pid);
        e.c = static_cast<std::uint64_t>(s);
        e.a = l.pkmapAddr(static_cast<std::uint32_t>(s));
        e.b = slot.count - 1u;
        em.onEvent(e);
    }
    if (value) *value = result;
}

void applyKmap(Machine& m, const Event& e)
{
    Kmem& k = m.kmem;
    const auto kind = static_cast<KmapKind>(e.order);
    if (e.type == EventType::Kmap) {
        if (kind == KmapKind::Pkmap && e.c < k.pkmap.size()) {
            PkmapSlot& s = k.pkmap[e.c];
            if (s.page != e.pfn || s.count == 0) { // map_new_virtual() took this slot
                s.page = e.pfn;
                k.lastPkmapNr = static_cast<std::uint32_t>(e.c);
            }
            s.count = static_cast<std::uint32_t>(e.b);
        } else if (kind == KmapKind::Local) {
            k.kmapLocal.push_back(e.pfn);
        }
        return;
    }
    switch (kind) {
    case KmapKind::Pkmap:
        if (e.c < k.pkmap.size()) k.pkmap[e.c].count = static_cast<std::uint32_t>(e.b);
        break;
    case KmapKind::Local:
        if (!k.kmapLocal.empty()) k.kmapLocal.pop_back();
        break;
    case KmapKind::Flush:
        // flush_all_zero_pkmaps(): the scan has wrapped to slot 0.
        for (PkmapSlot& s : k.pkmap)
            if (s.count == 1) {
                s.count = 0;
                s.page = kNoPage;
            }
        k.lastPkmapNr = 0;
        break;
    case KmapKind::Direct:
        break;
    }
}

} // namespace memviz::kmem::detail
