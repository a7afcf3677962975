// vmalloc()/vfree() and kernel stacks (mm/vmalloc.c, kernel/fork.c).
//
// vmalloc(size): the size is rounded up to pages; __get_vm_area_node() reserves
// size + one guard page (VM_NO_GUARD is not set) at the lowest address that fits in
// [VMALLOC_START, VMALLOC_END) (alloc_vmap_area()'s first fit); __vmalloc_area_node()
// then takes order-0 pages one by one with GFP_KERNEL | __GFP_HIGHMEM (HighMem first on
// x86-32, Normal on 64-bit) and maps each at the next address. Running out of memory
// midway vfree()s what was mapped and returns NULL.
//
// vfree(addr): the area's mappings go (remove_vm_area()), its pages go back to the buddy
// allocator one by one, and the kernel TLB is flushed over the area, guard page included
// (flush_tlb_kernel_range(): page by page up to tlb_single_page_flush_ceiling = 33
// pages, else everything).
//
// Kernel stacks (alloc_thread_stack_node()): with CONFIG_VMAP_STACK (64-bit) THREAD_SIZE
// = 16 KiB vmalloc'd with THREAD_ALIGN = 16 KiB from the task's node, 4 pages of state
// KernelStack; on x86-32 THREAD_SIZE = 8 KiB, one order-1 lowmem block addressed through
// the direct map (kVmallocDirectStack events, see alloc/KernelMap.h).
//
// Simplifications (the UI says so): vfree() flushes the TLB at once instead of purging
// lazily (lazy_max_pages), with no vmap_block per-CPU caches or vmap nodes; no
// huge-page vmalloc mappings; the kernel's own page tables for the vmalloc area are not
// kept in simulated memory (the VmArea table stands for them); the array of page
// pointers (kmalloc'd or, above a page, vmalloc'd itself) takes no memory; kernel stacks
// are not kept in the per-CPU cache of two freed stacks (NR_CACHED_STACKS) and are
// freed at exit, not after an RCU grace period.

#include "alloc/Buddy.h"
#include "alloc/KernelMap.h"
#include "alloc/KmemOps.h"
#include "sim/Machine.h"
#include "vm/VmOps.h"

#include <algorithm>
#include <cinttypes>
#include <cstdio>

namespace memviz::kmem {

namespace {

constexpr Pfn kUnmapped = ~Pfn(0);
/// tlb_single_page_flush_ceiling (arch/x86/mm/tlb.c).
constexpr std::uint64_t kTlbSinglePageFlushCeiling = 33;

Event kevent(EventType t, std::uint32_t pid)
{
    Event e;
    e.type = t;
    e.pid = pid;
    return e;
}

/// GFP_KERNEL | __GFP_HIGHMEM as gfp_zone() resolves it on this machine.
ZoneType vmallocZone(const Machine& m)
{
    ZoneType t;
    return buddy::resolveHighestZone(m, ZoneType::HighMem, &t) ? ZoneType::Normal : ZoneType::HighMem;
}

std::uint32_t vmallocPriv(const Machine& m, std::uint64_t va)
{
    return static_cast<std::uint32_t>((va - m.kmem.layout.vmallocStart) >> m.config.arch.pageShift);
}

/// The TLB entries a flush of this kind at va would drop (what vm's flushTlb() drops).
std::uint64_t tlbEntriesDropped(const Machine& m, TlbFlushKind kind, std::uint64_t va)
{
    std::uint64_t n = 0;
    const int shift = m.config.arch.pageShift;
    const int hugeShift = m.config.arch.levels.empty() ? shift : m.config.arch.levels.back().bits + shift;
    for (const auto* arr : { &m.tlb.small, &m.tlb.huge })
        for (const TlbEntry& t : *arr) {
            if (!(t.flags & TlbFlag::Valid)) continue;
            if (kind == TlbFlushKind::All) {
                ++n;
            } else if (!(t.flags & TlbFlag::Global) && t.pid == 0) {
                const bool huge = t.flags & TlbFlag::Huge;
                n += t.vpn == (va >> (huge ? hugeShift : shift));
            }
        }
    return n;
}

/// Applies a Reserve/Map/Vfree area lookup: the area whose range holds va.
std::map<std::uint64_t, VmArea>::iterator areaHolding(Kmem& k, std::uint64_t va)
{
    auto it = k.vmAreas.upper_bound(va);
    if (it == k.vmAreas.begin()) return k.vmAreas.end();
    --it;
    return va < it->second.addr + it->second.size ? it : k.vmAreas.end();
}

/// vfree() of the area at addr (any kind): Vfree, the pages back to the buddy allocator
/// in index order, then the kernel TLB flush over the whole area.
void freeArea(const Machine& m, Emitter& em, std::uint64_t addr)
{
    const auto it = m.kmem.vmAreas.find(addr);
    if (it == m.kmem.vmAreas.end()) return;
    const VmArea area = it->second; // the event removes it
    Event e = kevent(EventType::Vfree, area.pid);
    e.order = 0;
    e.a = area.addr;
    e.b = area.size;
    e.c = static_cast<std::uint64_t>(area.kind);
    em.onEvent(e);
    for (const Pfn p : area.pages)
        if (p != kUnmapped) buddy::freePages(m, em, p, 0);
    flushTlbKernelRange(m, em, area.addr, area.addr + area.size);
}

/// __vmalloc_node_range(): reserves size + guard at `align` and maps size / PAGE_SIZE
/// pages. The address, or nothing (then nothing is left allocated).
std::optional<std::uint64_t> allocArea(const Machine& m, Emitter& em, std::uint32_t pid, std::uint64_t size,
                                       std::uint64_t align, VmAreaKind kind, std::uint64_t requested, int node)
{
    const std::uint64_t page = m.pageSize();
    const std::uint64_t addr = findVmallocGap(m, size + page, align);
    if (!addr) return std::nullopt;
    Event r = kevent(EventType::Vmalloc, pid);
    r.order = static_cast<std::uint8_t>(VmallocOp::Reserve);
    r.a = addr;
    r.b = size + page;
    r.c = static_cast<std::uint64_t>(kind);
    r.pfn = requested;
    em.onEvent(r);
    const ZoneType zone = vmallocZone(m);
    const std::uint64_t n = size / page;
    for (std::uint64_t i = 0; i < n; ++i) {
        const std::optional<Pfn> f = vm::allocKernelPages(m, em, pid, 0, zone, node);
        // Reclaim may have run the OOM killer, and a stack's task may have been its
        // victim: then exit freed the area already.
        const auto it = m.kmem.vmAreas.find(addr);
        const bool alive = it != m.kmem.vmAreas.end() && it->second.kind == kind && i < it->second.pages.size()
            && it->second.pages[i] == kUnmapped;
        if (!f) {
            if (alive && !m.panicked) freeArea(m, em, addr); // __vmalloc_area_node() fails: vfree(area->addr)
            return std::nullopt;
        }
        if (!alive) {
            buddy::freePages(m, em, *f, 0);
            return std::nullopt;
        }
        Event e = kevent(EventType::Vmalloc, pid);
        e.order = static_cast<std::uint8_t>(VmallocOp::Map);
        e.zone = m.zoneOf(*f);
        e.a = addr + i * page;
        e.pfn = *f;
        e.c = i;
        em.onEvent(e);
    }
    return addr;
}

} // namespace

std::uint64_t threadSize(const Machine& m)
{
    return m.config.arch.is32bit ? 8192 : 16384;
}

const VmArea* vmAreaAt(const Machine& m, std::uint64_t addr)
{
    auto it = m.kmem.vmAreas.upper_bound(addr);
    if (it == m.kmem.vmAreas.begin()) return nullptr;
    --it;
    return addr < it->second.addr + it->second.size ? &it->second : nullptr;
}

const VmArea* vmallocAreaStarting(const Machine& m, std::uint64_t addr)
{
    const auto it = m.kmem.vmAreas.find(addr);
    if (it == m.kmem.vmAreas.end() || it->second.kind != VmAreaKind::Vmalloc) return nullptr;
    return &it->second;
}

std::uint64_t kernelAddressOf(const Machine& m, Pfn pfn)
{
    if (pfn >= m.frames.size() || m.config.arch.custom) return 0;
    const FrameState s = m.frames.state(pfn);
    const std::uint64_t page = m.pageSize();
    auto indexIn = [&](const VmArea& a) -> std::uint64_t {
        for (std::size_t i = 0; i < a.pages.size(); ++i)
            if (a.pages[i] == pfn) return a.addr + i * page;
        return 0;
    };
    if (s == FrameState::Vmalloc) {
        // priv holds the low 32 bits of the page number in the vmalloc range: exact below
        // 16 TiB from VMALLOC_START, else the areas are searched.
        const std::uint64_t va = m.kmem.layout.vmallocStart + (std::uint64_t(m.frames.priv(pfn)) << m.config.arch.pageShift);
        if (kernelVirtToPfn(m, va) == pfn) return va;
        for (const auto& [addr, a] : m.kmem.vmAreas)
            if (const std::uint64_t v = indexIn(a)) return v;
        return 0;
    }
    if (s == FrameState::KernelStack && !m.config.arch.is32bit) {
        const Process* p = m.proc(m.frames.priv(pfn));
        const auto it = p ? m.kmem.vmAreas.find(p->kstack) : m.kmem.vmAreas.end();
        return it == m.kmem.vmAreas.end() ? 0 : indexIn(it->second);
    }
    return pageAddress(m, pfn);
}

std::uint64_t findVmallocGap(const Machine& m, std::uint64_t size, std::uint64_t align)
{
    const KernelLayout& l = m.kmem.layout;
    if (!size || l.vmallocEnd <= l.vmallocStart || size > l.vmallocEnd - l.vmallocStart) return 0;
    align = std::max<std::uint64_t>(align, m.pageSize());
    auto alignUp = [&](std::uint64_t v) { return (v + align - 1) & ~(align - 1); };
    std::uint64_t cand = alignUp(l.vmallocStart);
    for (const auto& [start, a] : m.kmem.vmAreas) {
        if (start + a.size <= cand) continue;
        if (start >= cand && start - cand >= size) break; // fits below this area
        cand = alignUp(start + a.size);
        if (cand >= l.vmallocEnd) return 0;
    }
    if (cand >= l.vmallocEnd || l.vmallocEnd - cand < size) return 0;
    return cand;
}

void flushTlbKernelRange(const Machine& m, Emitter& em, std::uint64_t start, std::uint64_t end)
{
    const std::uint64_t page = m.pageSize();
    auto flush = [&](TlbFlushKind kind, std::uint64_t va) {
        Event e = kevent(EventType::TlbFlush, 0);
        e.flags = (static_cast<std::uint32_t>(kind) << EventFlag::FlushKindShift) | EventFlag::Kernel;
        e.a = va;
        e.b = tlbEntriesDropped(m, kind, va);
        em.onEvent(e);
    };
    if ((end - start) / page > kTlbSinglePageFlushCeiling) {
        flush(TlbFlushKind::All, start); // do_flush_tlb_all()
        return;
    }
    for (std::uint64_t va = start; va < end; va += page) flush(TlbFlushKind::Page, va); // flush_tlb_one_kernel()
}

std::string formatVmallocinfo(const Machine& m)
{
    std::string out;
    const bool is32 = m.config.arch.is32bit;
    const int width = is32 ? 8 : 16;
    const bool numa = !is32 || m.nodes.size() > 1; // CONFIG_NUMA: show_numa_info()
    const std::uint64_t ptrBytes = is32 ? 4 : 8;
    char buf[256];
    for (const auto& [addr, a] : m.kmem.vmAreas) {
        std::uint64_t pages = 0;
        std::vector<std::uint64_t> perNode(std::max<std::size_t>(m.nodes.size(), 1), 0);
        for (const Pfn p : a.pages) {
            if (p == kUnmapped) continue;
            ++pages;
            const std::uint8_t z = m.zoneOf(p);
            const std::size_t node = z < m.zones.size() ? m.zones[z].node : 0;
            if (node < perNode.size()) ++perNode[node];
        }
        const char* caller = a.kind == VmAreaKind::Stack ? "dup_task_struct+0x51/0x1f0"
                                                         : "vmalloc_user_script+0x1e/0x40 [memviz]";
        std::snprintf(buf, sizeof buf, "0x%0*" PRIx64 "-0x%0*" PRIx64 " %7" PRIu64 " %s", width, addr, width,
                      addr + a.size, a.size, caller);
        out += buf;
        if (pages) {
            std::snprintf(buf, sizeof buf, " pages=%" PRIu64, pages);
            out += buf;
        }
        out += " vmalloc";
        if (a.pages.size() * ptrBytes > m.pageSize()) out += " vpages"; // the page array is vmalloc'd
        if (numa)
            for (std::size_t n = 0; n < perNode.size(); ++n)
                if (perNode[n]) {
                    std::snprintf(buf, sizeof buf, " N%zu=%" PRIu64, n, perNode[n]);
                    out += buf;
                }
        out += '\n';
    }
    return out;
}

} // namespace memviz::kmem

namespace memviz::kmem::detail {

void bootVmalloc(Machine& m)
{
    // The kernel half as setup_arch()/paging_init() leave it; nothing is vmalloc'd yet.
    m.kmem.layout = kernelLayout(m.config.arch, m.frames.size() * m.pageSize());
    m.kmem.vmAreas.clear();
    m.kmem.vmallocPages = 0;
    m.kmem.kernelStackPages = 0;
}

Error validateVmalloc(const Machine& m, const Command& c)
{
    const std::uint64_t page = m.pageSize();
    if (c.type == CommandType::Vmalloc) {
        if (c.len == 0 || c.len > ~0ull - page) return Error{ErrorCode::BadLength, static_cast<std::int64_t>(c.len), 0, {}};
        const std::uint64_t size = (c.len + page - 1) & ~(page - 1);
        // __vmalloc_node_range(): "vmalloc error: size %lu, exceeds total pages".
        if (size / page > m.totalramPages())
            return Error{ErrorCode::ObjectTooLarge, static_cast<std::int64_t>(c.len),
                         static_cast<std::int64_t>(m.totalramPages() * page), {}};
        if (!findVmallocGap(m, size + page, page))
            return Error{ErrorCode::NoVmallocSpace, static_cast<std::int64_t>(c.len), 0, {}};
        return {};
    }
    // vfree(NULL) does nothing; anything else must be what vmalloc() returned (a kernel
    // stack is the task's, not the script's).
    if (c.addr == 0 || vmallocAreaStarting(m, c.addr)) return {};
    return Error{ErrorCode::UnknownVmArea, static_cast<std::int64_t>(c.addr), 0, {}};
}

void runVmalloc(const Machine& m, Emitter& em, const Command& c, std::uint64_t* value)
{
    const std::uint64_t page = m.pageSize();
    if (c.type == CommandType::Vmalloc) {
        const std::uint64_t size = (c.len + page - 1) & ~(page - 1);
        const auto addr = allocArea(m, em, c.pid, size, page, VmAreaKind::Vmalloc, c.len, c.node);
        if (value) *value = addr.value_or(0);
        return;
    }
    if (c.addr) freeArea(m, em, c.addr);
    if (value) *value = 0;
}

void applyVmalloc(Machine& m, const Event& e)
{
    Kmem& k = m.kmem;
    const std::uint64_t page = m.pageSize();
    if (e.type == EventType::Vmalloc) {
        if (e.order == static_cast<std::uint8_t>(VmallocOp::Reserve)) {
            VmArea a;
            a.addr = e.a;
            a.size = e.b;
            a.kind = static_cast<VmAreaKind>(e.c);
            a.pid = a.kind == VmAreaKind::Stack ? e.pid : 0;
            a.requested = e.pfn;
            a.pages.assign(e.b / page - 1, kUnmapped); // the last page is the guard
            k.vmAreas[e.a] = std::move(a);
            if (static_cast<VmAreaKind>(e.c) == VmAreaKind::Stack)
                if (Process* p = m.procMut(e.pid)) p->kstack = e.a;
        } else if (e.order == static_cast<std::uint8_t>(VmallocOp::Map)) {
            const auto it = areaHolding(k, e.a);
            if (it == k.vmAreas.end() || e.c >= it->second.pages.size()) return;
            VmArea& a = it->second;
            a.pages[e.c] = e.pfn;
            const bool stack = a.kind == VmAreaKind::Stack;
            m.frames.setHead(e.pfn, stack ? FrameState::KernelStack : FrameState::Vmalloc, 0);
            m.frames.setPriv(e.pfn, stack ? a.pid : vmallocPriv(m, e.a));
            ++k.vmallocPages;
            if (stack) ++k.kernelStackPages;
        } else if (e.order == static_cast<std::uint8_t>(kVmallocDirectStack)) {
            const int order = m.frames.order(e.pfn);
            m.frames.setHead(e.pfn, FrameState::KernelStack, order);
            m.frames.setPriv(e.pfn, e.pid);
            k.kernelStackPages += Pfn(1) << order;
            if (Process* p = m.procMut(e.pid)) p->kstack = e.a;
        }
        return;
    }
    // Vfree
    if (e.order == static_cast<std::uint8_t>(kVmallocDirectStack)) {
        const int order = m.frames.order(e.pfn);
        m.frames.setHead(e.pfn, FrameState::Kernel, order);
        m.frames.setPriv(e.pfn, 0);
        k.kernelStackPages -= Pfn(1) << order;
        if (Process* p = m.procMut(e.pid); p && p->kstack == e.a) p->kstack = 0;
        return;
    }
    const auto it = k.vmAreas.find(e.a);
    if (it == k.vmAreas.end()) return;
    const VmArea& a = it->second;
    const bool stack = a.kind == VmAreaKind::Stack;
    for (const Pfn p : a.pages) {
        if (p == kUnmapped) continue;
        m.frames.setHead(p, FrameState::Kernel, 0);
        m.frames.setPriv(p, 0);
        --k.vmallocPages;
        if (stack) --k.kernelStackPages;
    }
    if (stack)
        if (Process* p = m.procMut(a.pid); p && p->kstack == e.a) p->kstack = 0;
    k.vmAreas.erase(it);
}

std::optional<std::uint64_t> allocStack(const Machine& m, Emitter& em, std::uint32_t pid)
{
    const Process* p = m.proc(pid);
    if (!p) return std::nullopt;
    const int node = p->node;
    const std::uint64_t size = threadSize(m);
    if (!m.config.arch.is32bit)
        return allocArea(m, em, pid, size, size, VmAreaKind::Stack, size, node); // THREAD_ALIGN = THREAD_SIZE
    // x86-32: alloc_pages_node(node, THREADINFO_GFP, THREAD_SIZE_ORDER): lowmem, so the
    // stack has a direct-map address (task_stack_page()).
    const int order = 1;
    const std::optional<Pfn> f = vm::allocKernelPages(m, em, pid, order, ZoneType::Normal, node);
    if (!f) return std::nullopt;
    if (const Process* now = m.proc(pid); !now || !now->alive()) { // the OOM killer took the new task
        buddy::freePages(m, em, *f, order);
        return std::nullopt;
    }
    Event e = kevent(EventType::Vmalloc, pid);
    e.order = static_cast<std::uint8_t>(kVmallocDirectStack);
    e.zone = m.zoneOf(*f);
    e.pfn = *f;
    e.a = physToVirt(m.kmem.layout, *f * m.pageSize());
    e.b = size;
    em.onEvent(e);
    return e.a;
}

void freeStack(const Machine& m, Emitter& em, std::uint32_t pid)
{
    const Process* p = m.proc(pid);
    if (!p || !p->kstack) return;
    const std::uint64_t addr = p->kstack;
    const KernelLayout& l = m.kmem.layout;
    if (inDirectMap(l, addr)) { // x86-32: free_thread_stack() gives the order-1 block back
        const Pfn pfn = virtToPhys(l, addr) / m.pageSize();
        Event e = kevent(EventType::Vfree, pid);
        e.order = static_cast<std::uint8_t>(kVmallocDirectStack);
        e.zone = m.zoneOf(pfn);
        e.pfn = pfn;
        e.a = addr;
        e.b = threadSize(m);
        e.c = static_cast<std::uint64_t>(VmAreaKind::Stack);
        em.onEvent(e);
        buddy::freePages(m, em, pfn, m.frames.order(pfn));
        return;
    }
    const auto it = m.kmem.vmAreas.find(addr);
    if (it != m.kmem.vmAreas.end() && it->second.kind == VmAreaKind::Stack) freeArea(m, em, addr); // vfree()
}

} // namespace memviz::kmem::detail
