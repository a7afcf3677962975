// Virtual-memory decisions: what the kernel (and glibc, and the CPU's MMU) would do
// for a command, expressed as events. Reads the machine, never writes it: every
// change goes through the Emitter, which applies the event before returning.

#include "vm/VmImpl.h"

#include <algorithm>

namespace memviz::vm {

using detail::Vm;
using detail::ev;
using detail::findGapIn;
using detail::kMmapMinAddr;

std::uint64_t mallocChunkSize(std::uint64_t n, bool is32bit)
{
    // request2size(): SIZE_SZ 8 (4 on i386), MALLOC_ALIGNMENT 16, MINSIZE 32 (16 on i386).
    const std::uint64_t sizeSz = is32bit ? 4 : 8;
    const std::uint64_t sz = (n + sizeSz + 15) & ~std::uint64_t(15);
    return std::max<std::uint64_t>(sz, is32bit ? 16 : 32);
}

std::uint64_t taskSize(const Machine& m)
{
    if (m.config.arch.custom) return 1ull << m.config.arch.vaBits();
    if (m.config.arch.is32bit) return 0xC0000000ull;
    return 0x7ffffffff000ull; // DEFAULT_MAP_WINDOW (also with LA57 unless a hint asks for more)
}

int tlbFind(const Machine& m, std::uint64_t va)
{
    const Tlb& t = m.tlb;
    const std::uint64_t vpn = va >> m.config.arch.pageShift;
    const std::size_t base = static_cast<std::size_t>((vpn & static_cast<std::uint64_t>(t.sets - 1)) * static_cast<std::uint64_t>(t.ways));
    for (int w = 0; w < t.ways; ++w) {
        const TlbEntry& e = t.small[base + static_cast<std::size_t>(w)];
        if ((e.flags & TlbFlag::Valid) && e.vpn == vpn && ((e.flags & TlbFlag::Global) || !t.pcid || e.pcid == m.cpu.pcid))
            return w;
    }
    return -1;
}

int tlbFindHuge(const Machine& m, std::uint64_t va)
{
    const Tlb& t = m.tlb;
    if (t.huge.empty() || m.config.arch.levels.empty()) return -1;
    const int shift = m.config.arch.pageShift + m.config.arch.levels.back().bits;
    const std::uint64_t vpn = va >> shift;
    const std::size_t base = static_cast<std::size_t>((vpn & static_cast<std::uint64_t>(t.hugeSets - 1)) * static_cast<std::uint64_t>(t.hugeWays));
    for (int w = 0; w < t.hugeWays; ++w) {
        const TlbEntry& e = t.huge[base + static_cast<std::size_t>(w)];
        if ((e.flags & TlbFlag::Valid) && e.vpn == vpn && ((e.flags & TlbFlag::Global) || !t.pcid || e.pcid == m.cpu.pcid))
            return w;
    }
    return -1;
}

Pfn tlbTranslate(const Machine& m, std::uint64_t va)
{
    // One pass over the set (the hot path of a TLB hit): no second index computation.
    const Tlb& t = m.tlb;
    const std::uint64_t vpn = va >> m.config.arch.pageShift;
    const TlbEntry* e = t.small.data() + (vpn & static_cast<std::uint64_t>(t.sets - 1)) * static_cast<std::uint64_t>(t.ways);
    const std::uint16_t pcid = t.pcid ? m.cpu.pcid : 0;
    for (const TlbEntry* end = e + t.ways; e != end; ++e)
        if (e->vpn == vpn && (e->flags & TlbFlag::Valid)
            && ((e->flags & TlbFlag::Global) || !t.pcid || e->pcid == pcid))
            return e->pfn;
    const int w = tlbFindHuge(m, va);
    if (w < 0) return kNoPfn;
    const int bits = m.config.arch.levels.back().bits;
    const std::uint64_t set = (va >> (m.config.arch.pageShift + bits)) & static_cast<std::uint64_t>(t.hugeSets - 1);
    const TlbEntry& h = t.huge[static_cast<std::size_t>(set * static_cast<std::uint64_t>(t.hugeWays)) + static_cast<std::size_t>(w)];
    return h.pfn + (vpn & ((Pfn(1) << bits) - 1)); // the 4 KiB frame inside the huge page
}

std::uint64_t translateAddress(const Machine& m, Pfn root, std::uint64_t va)
{
    const ArchSpec& a = m.config.arch;
    const EntryFormat& fmt = a.entry;
    const int n = static_cast<int>(a.levels.size());
    int shift = a.vaBits();
    Pfn table = root;
    for (int l = 0; l < n; ++l) {
        shift -= a.levels[static_cast<std::size_t>(l)].bits;
        const std::uint64_t idx = (va >> shift) & ((1ull << a.levels[static_cast<std::size_t>(l)].bits) - 1);
        const std::uint64_t e = m.phys.readLE(table * a.pageSize() + idx * static_cast<std::uint64_t>(fmt.bytes), fmt.bytes);
        if (!fmt.present(e)) return ~0ull;
        table = fmt.pfn(e);
        if (l > 0 && l + 1 < n && (fmt.flags(e) & PteFlag::Huge)) // a large page: the rest of va is the offset
            return (table << a.pageShift) + (va & ((1ull << shift) - 1));
    }
    return (table << a.pageShift) | (va & (a.pageSize() - 1));
}

std::uint64_t readEntry(const Machine& m, Pfn table, std::uint64_t index)
{
    const int bytes = m.config.arch.entry.bytes;
    return m.phys.readLE(table * m.config.arch.pageSize() + index * static_cast<std::uint64_t>(bytes), bytes);
}

WalkResult walk(const Machine& m, Pfn root, std::uint64_t va)
{
    WalkResult r;
    const ArchSpec& a = m.config.arch;
    const EntryFormat& fmt = a.entry;
    r.pageShift = a.pageShift;
    const AddressSplit split = splitAddress(a, va);
    r.canonical = split.canonical;
    if (root == kNoPfn || !split.canonical) return r;
    Pfn table = root;
    const int n = static_cast<int>(a.levels.size());
    for (int l = 0; l < n; ++l) {
        WalkStep s;
        s.level = l;
        s.index = split.indices[static_cast<std::size_t>(l)];
        s.table = table;
        s.entryAddr = table * a.pageSize() + s.index * static_cast<std::uint64_t>(fmt.bytes);
        s.entry = m.phys.readLE(s.entryAddr, fmt.bytes);
        s.valid = fmt.present(s.entry);
        s.pfn = fmt.pfn(s.entry);
        s.leaf = l + 1 == n || (l > 0 && (fmt.flags(s.entry) & PteFlag::Huge));
        r.steps.push_back(s);
        if (!s.valid) {
            r.faultLevel = l;
            return r;
        }
        if (s.leaf) {
            int shift = a.pageShift;
            for (int k = l + 1; k < n; ++k) shift += a.levels[static_cast<std::size_t>(k)].bits;
            r.pageShift = shift;
            r.ok = true;
            r.flags = fmt.flags(s.entry);
            r.paddr = (s.pfn << a.pageShift) + (va & ((1ull << shift) - 1));
            return r;
        }
        table = s.pfn;
    }
    return r;
}

WalkResult translate(const Machine& m, std::uint32_t pid, std::uint64_t va)
{
    const Process* p = m.proc(pid);
    return walk(m, p ? p->mm.pgd : kNoPfn, va);
}

std::string absolutePath(const Machine& m, const std::string& name)
{
    if (!name.empty() && name[0] == '/') return name;
    return userDirectory(m) + "/" + name;
}

std::string fileContents(const Machine& m, std::uint32_t id)
{
    const File& f = m.files[id];
    const std::uint64_t page = m.config.arch.pageSize();
    std::string out = f.data;
    for (const auto& [idx, pfn] : f.cache) {
        if (!m.phys.hasContents(pfn)) continue;
        const std::uint64_t from = idx * page;
        if (from >= f.size) continue;
        const std::uint64_t to = std::min<std::uint64_t>(f.size, from + page);
        if (out.size() < to) out.resize(to, '\0');
        for (std::uint64_t i = from; i < to; ++i) out[i] = static_cast<char>(m.phys.read8(pfn * page + (i - from)));
    }
    if (out.size() > f.size) out.resize(f.size);
    while (!out.empty() && out.back() == '\0') out.pop_back();
    return out;
}

std::string readUser(const Machine& m, std::uint32_t pid, std::uint64_t va, std::uint64_t len)
{
    std::string out(len, '\0');
    for (std::uint64_t i = 0; i < len; ++i) {
        const WalkResult w = translate(m, pid, va + i);
        if (w.ok) out[i] = static_cast<char>(m.phys.read8(w.paddr));
    }
    return out;
}

void boot(Machine& m)
{
    const ArchSpec& a = m.config.arch;
    m.phys.setPageSize(a.pageSize());
    const TlbConfig& tc = m.config.tlb;
    m.tlb.sets = tc.sets;
    m.tlb.ways = tc.ways;
    m.tlb.hugeSets = tc.hugeSets;
    m.tlb.hugeWays = tc.hugeWays;
    m.tlb.policy = static_cast<TlbPolicy>(tc.policy);
    m.tlb.pcid = tc.pcid;
    m.tlb.small.assign(static_cast<std::size_t>(m.tlb.sets * m.tlb.ways), TlbEntry {});
    m.tlb.huge.assign(static_cast<std::size_t>(m.tlb.hugeSets * m.tlb.hugeWays), TlbEntry {});
    if (a.custom) return;
    // empty_zero_page lives in the kernel's bss: the last page of the image.
    const Pfn kStart = a.kernelLoadBytes >> a.pageShift;
    const Pfn kPages = (a.kernelImageBytes + a.pageSize() - 1) >> a.pageShift;
    m.zeroPfn = kStart + kPages - 1;
    // The kernel's text is mapped with global entries, which survive CR3 loads: the
    // first few kernel pages the boot CPU executed are in the TLB.
    const std::uint64_t ktext = a.is32bit ? 0xC1000000ull : 0xffffffff81000000ull;
    // Each goes to the first free way of its set: with fewer than four sets several share a
    // set (a fully associative TLB holds all four, in ways 0 to 3), none is written over.
    for (std::uint64_t k = 0; k < 4; ++k) {
        const std::uint64_t vpn = (ktext >> a.pageShift) + k;
        const std::size_t set = static_cast<std::size_t>(vpn % static_cast<std::uint64_t>(m.tlb.sets));
        const std::size_t ways = static_cast<std::size_t>(m.tlb.ways);
        std::size_t way = 0;
        while (way < ways && (m.tlb.small[set * ways + way].flags & TlbFlag::Valid)) ++way;
        if (way == ways) continue; // the set is full of kernel text already
        TlbEntry& t = m.tlb.small[set * ways + way];
        t.vpn = vpn;
        t.pfn = kStart + k;
        t.flags = TlbFlag::Valid | TlbFlag::Global;
        t.stamp = ++m.tlb.clock;
    }
}

Error validate(const Machine& m, const Command& c)
{
    if (m.panicked) return Error { ErrorCode::Panicked, 0, 0, {} };
    const bool needsProc = c.type != CommandType::FileCreate && c.type != CommandType::PhysWrite
        && c.type != CommandType::SetPageTableBase && c.type != CommandType::Spawn && c.type != CommandType::SetSysctl
        && c.type != CommandType::Sleep && c.type != CommandType::SwapOn && c.type != CommandType::DropCaches
        && !(c.type == CommandType::Translate && c.pid == 0);
    const std::uint64_t page = m.config.arch.pageSize();
    if (m.config.arch.custom
        && (needsProc || c.type == CommandType::Spawn || c.type == CommandType::FileCreate
            || c.type == CommandType::SwapOn || c.type == CommandType::DropCaches))
        return Error { ErrorCode::NeedsProcesses, 0, 0, {} };
    const Process* p = nullptr;
    if (needsProc) {
        p = m.proc(c.pid);
        if (!p) return Error { ErrorCode::UnknownPid, c.pid, 0, {} };
        if (!p->alive()) return Error { ErrorCode::ProcessDead, c.pid, 0, {} };
    }
    const std::uint64_t top = taskSize(m);
    auto badLen = [&](std::uint64_t len) {
        return Error { ErrorCode::BadLength, static_cast<std::int64_t>(len), 0, {} };
    };
    switch (c.type) {
    case CommandType::Sleep:
        if (!c.len || c.len > 86400ull * 1000000000ull)
            return Error { ErrorCode::BadDuration, static_cast<std::int64_t>(c.len), 0, {} };
        return {};
    case CommandType::SwapOn: {
        if (c.text.empty()) return Error { ErrorCode::UnknownFile, 0, 0, {} };
        for (const SwapArea& s : m.swap.areas)
            if (m.str(s.name) == c.text) return Error { ErrorCode::SwapExists, 0, 0, c.text };
        if (m.swap.areas.size() >= static_cast<std::size_t>(kMaxSwapAreas))
            return Error { ErrorCode::TooManySwapAreas, kMaxSwapAreas, 0, {} };
        if (c.len < 10 * page) return badLen(c.len); // mkswap: at least 10 pages
        const std::uint64_t room = kMaxSwapBytes - m.swap.totalPages() * page;
        if (c.len > room)
            return Error { ErrorCode::SwapTooLarge, static_cast<std::int64_t>(c.len), static_cast<std::int64_t>(room), {} };
        if (c.write && (static_cast<std::int64_t>(c.addr) < -1 || static_cast<std::int64_t>(c.addr) > 32767))
            return Error { ErrorCode::BadSysctl, static_cast<std::int64_t>(c.addr), 0, "swapon --priority" };
        return {};
    }
    case CommandType::SetOomScoreAdj: {
        const auto v = static_cast<std::int64_t>(c.addr);
        if (v < -1000 || v > 1000) return Error { ErrorCode::BadOomScoreAdj, v, 0, {} };
        return {};
    }
    case CommandType::DropCaches:
        if (c.len < 1 || c.len > 3) return Error { ErrorCode::BadDropCaches, static_cast<std::int64_t>(c.len), 0, {} };
        return {};
    case CommandType::Spawn:
        if (c.text.empty() || c.text.find('/') != std::string::npos)
            return Error { ErrorCode::UnknownFile, 0, 0, c.text };
        if (c.node >= static_cast<int>(m.nodes.size()) || c.node < -1)
            return Error { ErrorCode::UnknownNode, c.node, static_cast<std::int64_t>(m.nodes.size()), {} };
        return {};
    case CommandType::Mmap: {
        if (!c.len || c.len > top) return badLen(c.len);
        if (c.addr & (page - 1)) return Error { ErrorCode::BadAddress, static_cast<std::int64_t>(c.addr), 0, {} };
        if (!c.text.empty()) {
            if (m.fileByName(absolutePath(m, c.text)) == kNoFile) return Error { ErrorCode::UnknownFile, 0, 0, c.text };
            if (c.offset & (page - 1))
                return Error { ErrorCode::BadAddress, static_cast<std::int64_t>(c.offset), 0, {} };
        }
        const std::uint64_t len = (c.len + page - 1) & ~(page - 1);
        if (!findGapIn(m, p->mm, len, c.addr))
            return Error { ErrorCode::NoAddressSpace, static_cast<std::int64_t>(c.len), 0, {} };
        return {};
    }
    case CommandType::Munmap:
    case CommandType::Mprotect:
    case CommandType::Madvise: {
        if (c.addr & (page - 1)) return Error { ErrorCode::BadAddress, static_cast<std::int64_t>(c.addr), 0, {} };
        if (!c.len || c.len > top || c.addr + c.len > top) return badLen(c.len);
        if (c.type == CommandType::Madvise && c.mapFlags != Madv::DontNeed && c.mapFlags != Madv::HugePage
            && c.mapFlags != Madv::NoHugePage)
            return Error { ErrorCode::BadSysctl, c.mapFlags, 0, "madvise advice" };
        // mprotect() fails with ENOMEM on a hole; memviz refuses a munmap() of a hole too
        // (Linux accepts it silently), since in a script it is nearly always a mistake.
        const std::uint64_t end = c.addr + ((c.len + page - 1) & ~(page - 1));
        std::uint64_t covered = c.addr;
        for (const Vma& v : p->mm.vmas)
            if (v.start <= covered && v.end > covered) covered = v.end;
        if (covered < end)
            return Error { ErrorCode::NotMapped, static_cast<std::int64_t>(c.addr), static_cast<std::int64_t>(end), {} };
        // A hugetlb mapping is cut only at huge-page boundaries (hugetlb_vm_op_split: EINVAL).
        if (!m.config.arch.levels.empty()) {
            const std::uint64_t huge = page << m.config.arch.levels.back().bits;
            for (const Vma& v : p->mm.vmas) {
                if (!v.hugetlb() || v.end <= c.addr || v.start >= end) continue;
                const std::uint64_t from = std::max(v.start, c.addr), to = std::min(v.end, end);
                if ((from & (huge - 1)) || (to & (huge - 1)))
                    return Error { ErrorCode::BadAddress, static_cast<std::int64_t>((from & (huge - 1)) ? from : to), 0, {} };
            }
        }
        return {};
    }
    case CommandType::Access:
        if (!c.len && c.data.empty()) return badLen(0);
        if (c.len > top || c.addr >= (m.config.arch.is32bit ? (1ull << 32) : (1ull << 57)))
            return Error { ErrorCode::BadAddress, static_cast<std::int64_t>(c.addr), 0, {} };
        return {};
    case CommandType::Malloc:
        if (!c.len || c.len > top) return badLen(c.len);
        return {};
    case CommandType::Free:
        if (c.addr && !p->malloc.mmapped.count(c.addr)
            && !p->malloc.live.count(c.addr - (m.config.arch.is32bit ? 8 : 16)))
            return Error { ErrorCode::NotMallocPointer, static_cast<std::int64_t>(c.addr), 0, {} };
        return {};
    case CommandType::FileCreate:
        if (c.text.empty()) return Error { ErrorCode::UnknownFile, 0, 0, c.text };
        if (m.fileByName(absolutePath(m, c.text)) != kNoFile) return Error { ErrorCode::FileExists, 0, 0, c.text };
        if (c.len > (1ull << 40) || c.data.size() > c.len) return badLen(c.len);
        return {};
    case CommandType::PhysWrite: {
        const std::uint64_t ram = m.frames.size() * page;
        if (c.addr >= ram || c.data.size() > ram - c.addr)
            return Error { ErrorCode::PhysOutOfRange, static_cast<std::int64_t>(c.addr + c.data.size()),
                static_cast<std::int64_t>(ram), {} };
        return {};
    }
    case CommandType::SetPageTableBase:
        if (c.pfn >= m.frames.size())
            return Error { ErrorCode::PfnOutOfRange, static_cast<std::int64_t>(c.pfn), 0, {} };
        return {};
    case CommandType::SetSysctl: {
        const auto info = sysctlByName(c.text);
        if (!info) return Error { ErrorCode::BadSysctl, static_cast<std::int64_t>(c.len), 0, c.text };
        return validateSysctl(info->id, c.len);
    }
    case CommandType::Translate:
        if (c.pid == 0 && m.cpu.cr3 == kNoPfn) return Error { ErrorCode::PfnOutOfRange, -1, 0, {} };
        return {};
    default:
        return {};
    }
}

void run(const Machine& m, Emitter& em, const Command& c, std::uint64_t* value)
{
    Vm v(m, em);
    std::uint64_t out = 0;
    const std::uint64_t page = m.config.arch.pageSize();
    switch (c.type) {
    case CommandType::Sleep:
        v.sleep(c.len);
        break;
    case CommandType::SwapOn:
        v.swapOn(c);
        break;
    case CommandType::SetOomScoreAdj:
        v.setOomScoreAdj(c.pid, static_cast<std::int64_t>(c.addr));
        break;
    case CommandType::DropCaches:
        v.dropCaches(c.len);
        break;
    case CommandType::Spawn:
        out = v.spawn(c);
        break;
    case CommandType::Fork:
        v.switchTo(c.pid);
        out = v.fork(c.pid);
        break;
    case CommandType::Exit:
        v.switchTo(c.pid);
        v.teardown(c.pid, 0, c.len);
        break;
    case CommandType::Mmap: {
        v.switchTo(c.pid);
        const std::uint64_t len = (c.len + page - 1) & ~(page - 1);
        const std::uint64_t at = v.findGap(m.proc(c.pid)->mm, len, c.addr);
        const bool shared = c.mapFlags & MapFlag::Shared;
        if ((c.mapFlags & MapFlag::Hugetlb) && c.text.empty()) { // hugetlbfs behind MAP_ANONYMOUS|MAP_HUGETLB
            out = v.mmapHugetlb(c);
            break;
        }
        if ((c.prot & Prot::Write) && !shared && !v.enoughMemory(c.pid, len / page)) break; // ENOMEM: value 0
        const std::uint32_t file = c.text.empty() ? kNoFile : m.fileByName(absolutePath(m, c.text));
        v.mapRegion(c.pid, at, at + len, c.prot, shared ? VmaFlag::Shared : 0, file, c.offset / page, 0);
        out = at;
        break;
    }
    case CommandType::Munmap:
        v.switchTo(c.pid);
        v.munmap(c.pid, c.addr, c.addr + ((c.len + page - 1) & ~(page - 1)));
        break;
    case CommandType::Mprotect:
        v.switchTo(c.pid);
        v.mprotect(c.pid, c.addr, c.addr + ((c.len + page - 1) & ~(page - 1)), c.prot);
        break;
    case CommandType::Madvise:
        v.switchTo(c.pid);
        v.madvise(c.pid, c.addr, c.addr + ((c.len + page - 1) & ~(page - 1)), c.mapFlags);
        break;
    case CommandType::Brk:
        v.switchTo(c.pid);
        out = v.brk(c.pid, c.addr);
        break;
    case CommandType::Access:
        v.access(c);
        break;
    case CommandType::Malloc:
        v.switchTo(c.pid);
        out = v.malloc(c.pid, c.len);
        break;
    case CommandType::Free:
        v.switchTo(c.pid);
        v.free(c.pid, c.addr);
        break;
    case CommandType::FileCreate: {
        const std::uint32_t id = static_cast<std::uint32_t>(m.files.size());
        Event e = ev(EventType::FileNew, 0);
        e.a = id;
        e.b = c.len;
        e.c = m.intern(absolutePath(m, c.text));
        e.pfn = 2367 + id; // inode numbers like the notes' testfile
        em.onEvent(e);
        for (std::uint64_t k = 0; k < c.data.size(); k += 8) {
            const int n = static_cast<int>(std::min<std::uint64_t>(8, c.data.size() - k));
            std::uint64_t val = 0;
            for (int b = n - 1; b >= 0; --b)
                val = (val << 8) | static_cast<std::uint8_t>(c.data[k + static_cast<std::uint64_t>(b)]);
            Event w = ev(EventType::FileWrite, 0);
            w.a = id;
            w.b = k;
            w.c = val;
            w.order = static_cast<std::uint8_t>(n);
            em.onEvent(w);
        }
        out = id;
        break;
    }
    case CommandType::PhysWrite:
        for (std::uint64_t k = 0; k < c.data.size();) {
            // Stay within one page per event.
            const std::uint64_t pa = c.addr + k;
            const int n = static_cast<int>(std::min<std::uint64_t>({ 8, c.data.size() - k, page - (pa % page) }));
            std::uint64_t val = 0;
            for (int b = n - 1; b >= 0; --b)
                val = (val << 8) | static_cast<std::uint8_t>(c.data[k + static_cast<std::uint64_t>(b)]);
            Event w = ev(EventType::PhysWrite, 0);
            w.a = pa;
            w.b = val;
            w.order = static_cast<std::uint8_t>(n);
            em.onEvent(w);
            k += static_cast<std::uint64_t>(n);
        }
        break;
    case CommandType::SetPageTableBase: {
        Event e = ev(EventType::SetPageTableBase, 0);
        e.pfn = c.pfn;
        e.a = m.cpu.cr3;
        em.onEvent(e);
        break;
    }
    case CommandType::Translate: {
        const Pfn root = c.pid ? m.proc(c.pid)->mm.pgd : m.cpu.cr3;
        const WalkResult w = walk(m, root, c.addr);
        for (const WalkStep& s : w.steps) {
            Event e = ev(EventType::WalkStep, c.pid);
            e.order = static_cast<std::uint8_t>(s.level);
            e.pfn = s.table;
            e.a = s.index;
            e.b = s.entryAddr;
            e.c = s.entry;
            e.flags = (s.valid ? EventFlag::Valid : 0) | (s.leaf ? EventFlag::Leaf : 0)
                | (s.leaf && s.level + 1 < static_cast<int>(m.config.arch.levels.size()) ? EventFlag::Huge : 0);
            em.onEvent(e);
        }
        Event d = ev(EventType::TranslateDone, c.pid);
        d.a = c.addr;
        d.b = w.paddr;
        d.c = w.ok ? ~0ull : static_cast<std::uint64_t>(w.faultLevel);
        d.flags = w.ok ? EventFlag::Valid : 0;
        d.pfn = root;
        em.onEvent(d);
        out = w.ok ? w.paddr : 0;
        break;
    }
    case CommandType::Switch:
        v.switchTo(c.pid);
        break;
    case CommandType::SetSysctl: {
        const SysctlInfo info = *sysctlByName(c.text);
        Event e = ev(EventType::SysctlSet, 0);
        e.a = static_cast<std::uint64_t>(info.id);
        e.b = c.len;
        e.c = sysctlValue(m, info.id);
        em.onEvent(e);
        out = c.len;
        if (info.id == Sysctl::NrHugepages) v.setHugePool(c.len);
        break;
    }
    default:
        break;
    }
    if (!m.config.arch.custom) {
        v.schedule(); // kswapd gets the CPU when the command is done
        v.flushClock();
    }
    if (value) *value = out;
}

} // namespace memviz::vm
