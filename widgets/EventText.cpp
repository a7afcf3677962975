#include "EventText.h"

#include "sim/Sysctl.h"

#include "alloc/KernelMap.h"
#include "phys/Numa.h"
#include "reclaim/Reclaim.h"
#include "sim/Machine.h"
#include "stats/MemInfo.h"
#include "vm/VmOps.h"

#include <algorithm>
#include <bit>
#include <functional>
#include <optional>

namespace memviz {

using namespace Qt::StringLiterals;

namespace {

std::uint64_t blockPages(int order)
{
    return std::uint64_t(1) << order;
}

QString markName(Wmark w)
{
    switch (w) {
    case Wmark::Min:
        return EventText::tr("min");
    case Wmark::Low:
        return EventText::tr("low");
    case Wmark::High:
        return EventText::tr("high");
    case Wmark::Promo:
        return EventText::tr("promo");
    }
    return QString();
}

QString eventZone(const Machine& m, const Event& e)
{
    if (e.zone < m.zones.size()) return EventText::zoneLabel(m, e.zone);
    return EventText::tr("(no zone)");
}

std::uint64_t nrFree(const Machine& m, const Event& e, int order)
{
    if (e.zone >= m.zones.size() || order < 0 || order > kMaxOrder) return 0;
    return m.zones[e.zone].freeArea[static_cast<std::size_t>(order)].nrFree;
}

std::uint64_t zoneFree(const Machine& m, const Event& e)
{
    return e.zone < m.zones.size() ? m.zones[e.zone].freePages : 0;
}

/// "0x3e00–0x3e07" for a block of several pages, "0x3e00" for one page.
QString pfnRange(std::uint64_t pfn, int order)
{
    if (order == 0) return EventText::pfn(pfn);
    return EventText::pfn(pfn) + u"–"_s + EventText::pfn(pfn + blockPages(order) - 1);
}

/// The zones an allocation limited to `highest` may use, in fallback order: "DMA32, DMA".
QString zonelist(const Machine& m, ZoneType highest)
{
    QStringList names;
    const auto t = static_cast<std::size_t>(highest);
    if (!m.zonelists.empty() && t < m.zonelists[0].size())
        for (std::uint8_t id : m.zonelists[0][t]) names << EventText::zoneLabel(m, id);
    return names.isEmpty() ? EventText::zoneName(highest) : names.join(u", "_s);
}

QString blockCount(std::uint64_t n)
{
    return n == 1 ? EventText::tr("1 block") : EventText::tr("%1 blocks").arg(n);
}

QString num(std::uint64_t n)
{
    return QString::number(n);
}

/// SIZE_SZ of glibc: the chunk header is 2 × SIZE_SZ before the user pointer.
std::uint64_t sizeSz(const Machine& m)
{
    return m.config.arch.is32bit ? 4 : 8;
}

QString interned(const Machine& m, std::uint64_t id)
{
    if (!m.strings || id >= m.strings->size()) return QString();
    return QString::fromStdString(m.str(static_cast<std::uint32_t>(id)));
}

/// The path of file `id`, or "file 3" when this machine does not know it.
QString fileName(const Machine& m, std::uint64_t id)
{
    if (id < m.files.size()) {
        const QString path = interned(m, m.files[static_cast<std::size_t>(id)].name);
        if (!path.isEmpty()) return path;
    }
    return EventText::tr("file %1").arg(id);
}

/// "PID 1000 (demand-paging)", or "PID 1000" when the process is unknown.
QString processLabel(const Machine& m, std::uint32_t pid)
{
    const Process* p = m.proc(pid);
    const QString name = p ? interned(m, p->comm) : QString();
    if (name.isEmpty()) return EventText::tr("PID %1").arg(pid);
    return EventText::tr("PID %1 (%2)").arg(pid).arg(name);
}

QString entryCount(std::uint64_t n)
{
    return n == 1 ? EventText::tr("1 entry") : EventText::tr("%1 entries").arg(n);
}

/// Linux's name of page-table level `level` ("PGD", "PMD", "PTE"; "L1" on textbook machines).
QString levelName(const Machine& m, std::uint64_t level)
{
    const auto& levels = m.config.arch.levels;
    if (level < levels.size()) return QString::fromStdString(levels[static_cast<std::size_t>(level)].name);
    return EventText::tr("level %1").arg(level);
}

bool isLeafLevel(const Machine& m, std::uint64_t level)
{
    return level + 1 == m.config.arch.levels.size();
}

/// log2 of the bytes one entry of `level` covers (12 for a PTE, 21 for a PMD on x86-64).
int spanShift(const Machine& m, std::uint64_t level)
{
    const auto& levels = m.config.arch.levels;
    int s = m.config.arch.pageShift;
    for (std::size_t l = static_cast<std::size_t>(level) + 1; l < levels.size(); ++l) s += levels[l].bits;
    return s;
}

/// The virtual address entry 0 of `table` (a table of `level`) covers in the page tables
/// rooted at `root`; nothing when the table is not linked there. Only the tables above
/// `level` are searched (a few thousand entries for a process), 65536 entries at most.
std::optional<std::uint64_t> tableBase(const Machine& m, Pfn root, Pfn table, std::uint64_t level)
{
    const ArchSpec& a = m.config.arch;
    if (root == kNoPfn || root >= m.frames.size() || level >= a.levels.size()) return std::nullopt;
    std::uint64_t budget = 1u << 16;
    std::function<std::optional<std::uint64_t>(Pfn, std::uint64_t, std::uint64_t)> find
        = [&](Pfn t, std::uint64_t l, std::uint64_t base) -> std::optional<std::uint64_t> {
        if (t == table && l == level) return base;
        if (l >= level) return std::nullopt;
        const std::uint64_t n = a.entriesAt(static_cast<int>(l));
        for (std::uint64_t i = 0; i < n && budget; ++i, --budget) {
            const std::uint64_t e = vm::readEntry(m, t, i);
            if (!a.entry.present(e) || (a.entry.flags(e) & PteFlag::Huge)) continue;
            const Pfn next = a.entry.pfn(e);
            if (next >= m.frames.size()) continue;
            if (auto r = find(next, l + 1, base + (i << spanShift(m, l)))) return r;
        }
        return std::nullopt;
    };
    return find(root, 0, 0);
}

/// What a frame holds, for "maps ... to frame 0x5e22, <this>".
QString frameUse(const Machine& m, Pfn p)
{
    if (p == m.zeroPfn) return EventText::tr("the shared zero page");
    if (p >= m.frames.size()) return EventText::tr("beyond the end of RAM");
    switch (m.frames.state(p)) {
    case FrameState::Anon:
        if (m.frames.count(p) > 1) return EventText::tr("an anonymous page mapped %1 times").arg(m.frames.count(p));
        return EventText::tr("an anonymous page");
    case FrameState::File:
        return EventText::tr("page %1 of %2 in the page cache")
            .arg(m.frames.next(p))
            .arg(fileName(m, m.frames.priv(p)));
    default:
        return EventText::frameStateName(m.frames.state(p));
    }
}

/// Bytes of a FileWrite/PhysWrite (little-endian in `value`) as a C string when printable,
/// else as hex bytes: "\"hello\\n\"", "0x41 0x00 0xff".
QString byteText(std::uint64_t value, int count)
{
    QString text;
    QStringList hexBytes;
    bool printable = true;
    for (int i = 0; i < count; ++i) {
        const auto c = static_cast<unsigned char>((value >> (8 * i)) & 0xFF);
        hexBytes << (u"0x"_s + QString::number(c, 16).rightJustified(2, u'0'));
        if (c == '\n')
            text += u"\\n"_s;
        else if (c == '\t')
            text += u"\\t"_s;
        else if (c >= 0x20 && c < 0x7f)
            text += QLatin1Char(static_cast<char>(c));
        else
            printable = false;
    }
    return printable ? u'"' + text + u'"' : hexBytes.join(u' ');
}

QString policyName(TlbPolicy p)
{
    switch (p) {
    case TlbPolicy::Lru:
        return EventText::tr("LRU");
    case TlbPolicy::Fifo:
        return EventText::tr("FIFO");
    case TlbPolicy::Random:
        return EventText::tr("random");
    }
    return QString();
}

QString accessName(bool write)
{
    return write ? EventText::tr("write") : EventText::tr("read");
}

/// The VMA of the event's process that contains va in machine m, or nullptr.
const Vma* vmaAt(const Machine& m, std::uint32_t pid, std::uint64_t va)
{
    const Process* p = m.proc(pid);
    return p ? p->mm.find(va) : nullptr;
}

/// The frame the process's page tables map va to, or nothing.
std::optional<Pfn> mappedFrame(const Machine& m, std::uint32_t pid, std::uint64_t va)
{
    const vm::WalkResult w = vm::translate(m, pid, va);
    if (!w.ok) return std::nullopt;
    return w.paddr >> m.config.arch.pageShift;
}

/// A malloc chunk size: "1040 bytes" (sizes like "1.0 KiB" would hide the header and alignment), "256 KiB".
QString chunkBytes(std::uint64_t b)
{
    if (b % 1024 == 0) return EventText::bytes(b);
    return EventText::tr("%1 bytes").arg(b);
}

/// The kernel's name of an LRU list ("inactive_anon"), never translated; kNoLru has none.
QString lruName(int l)
{
    if (l < 0 || l >= kNrLru) return EventText::tr("no LRU list");
    const std::string_view n = lruListName(static_cast<LruList>(l));
    return QString::fromLatin1(n.data(), static_cast<qsizetype>(n.size()));
}

/// Simulated time since boot: "12.345 s", to the microsecond when it is not a whole millisecond.
QString clockTime(std::uint64_t ns)
{
    return QString::number(double(ns) / 1e9, 'f', ns % 1000000 ? 6 : 3) + u" s"_s;
}

/// A swap area's device or file ("/dev/sdb"), or "swap area 1" when the machine does not know it.
QString swapAreaName(const Machine& m, std::uint64_t type)
{
    if (type < m.swap.areas.size()) {
        const QString name = interned(m, m.swap.areas[static_cast<std::size_t>(type)].name);
        if (!name.isEmpty()) return name;
    }
    return EventText::tr("swap area %1").arg(type);
}

/// A swap entry (SwapEntry::pack) as "slot 42 of /dev/sdb".
QString swapSlot(const Machine& m, std::uint64_t entry)
{
    const auto e = static_cast<std::uint32_t>(entry);
    return EventText::tr("slot %1 of %2").arg(SwapEntry::offset(e)).arg(swapAreaName(m, SwapEntry::type(e)));
}

/// Slots in use of the area holding `entry`, "12 of 524288 slots", after the event.
QString swapAreaUse(const Machine& m, std::uint64_t entry)
{
    const std::uint32_t t = SwapEntry::type(static_cast<std::uint32_t>(entry));
    if (t >= m.swap.areas.size()) return EventText::tr("unknown");
    const SwapArea& a = m.swap.areas[t];
    return EventText::tr("%1 of %2 slots").arg(a.inuse).arg(a.pages);
}

/// log2 of a huge page's size: what one entry of the level above the PTEs maps (21 on x86-64).
int hugeShift(const Machine& m)
{
    const auto& levels = m.config.arch.levels;
    if (levels.size() < 2) return m.config.arch.pageShift + 9;
    return spanShift(m, levels.size() - 2);
}

/// The advice as a program writes it.
QString madviseName(int advice)
{
    switch (advice) {
    case Madv::DontNeed: return u"MADV_DONTNEED"_s;
    case Madv::HugePage: return u"MADV_HUGEPAGE"_s;
    case Madv::NoHugePage: return u"MADV_NOHUGEPAGE"_s;
    }
    return QString::number(advice);
}

QString hugetlbSummary(const Machine& m, const Event& e)
{
    const QString size = EventText::bytes(std::uint64_t(1) << hugeShift(m));
    const int order = hugeShift(m) - m.config.arch.pageShift;
    const HugetlbPool& h = m.vmc.hugetlb;
    switch (static_cast<HugetlbOp>(e.order)) {
    case HugetlbOp::Grow:
        return EventText::tr("Hugetlb pool grows: frames %1 become a free %2 huge page (%3 in the pool)")
            .arg(pfnRange(e.pfn, order), size, num(h.total));
    case HugetlbOp::Shrink:
        return EventText::tr("Hugetlb pool shrinks: the free huge page at frames %1 goes back (%2 left)")
            .arg(pfnRange(e.pfn, order), num(h.total));
    case HugetlbOp::Surplus:
        return EventText::tr("Hugetlb pool: %1 surplus huge pages").arg(num(h.surplus));
    case HugetlbOp::Reserve:
        return EventText::tr("PID %1 reserves %2 huge pages (HugePages_Rsvd %3)").arg(num(e.pid), num(e.a), num(h.resv));
    case HugetlbOp::Unreserve:
        return EventText::tr("PID %1 gives back %2 reserved huge pages (HugePages_Rsvd %3)")
            .arg(num(e.pid), num(e.a), num(h.resv));
    case HugetlbOp::Dequeue:
        return EventText::tr("PID %1 takes the huge page at frames %2 from the pool (%3 free)")
            .arg(num(e.pid), pfnRange(e.pfn, order), num(h.free));
    case HugetlbOp::Enqueue:
        return EventText::tr("The huge page at frames %1 goes back on the pool's free list (%2 free)")
            .arg(pfnRange(e.pfn, order), num(h.free));
    case HugetlbOp::Release:
        return EventText::tr("The surplus huge page at frames %1 leaves the pool").arg(pfnRange(e.pfn, order));
    case HugetlbOp::NoPage:
        return EventText::tr("PID %1 faults at %2 but the pool has no huge page for it: SIGBUS").arg(num(e.pid), EventText::hex(e.a));
    case HugetlbOp::NoReserve:
        return EventText::tr("PID %1 mmap(MAP_HUGETLB) of %2: the pool cannot reserve the pages, ENOMEM")
            .arg(num(e.pid), EventText::bytes(e.a));
    }
    return EventText::tr("Hugetlb pool");
}

QString hugetlbExplanation(const Machine& m, const Event& e)
{
    const QString size = EventText::bytes(std::uint64_t(1) << hugeShift(m));
    const HugetlbPool& h = m.vmc.hugetlb;
    const QString state = EventText::tr("The pool now holds %1 huge pages: %2 free, %3 reserved, %4 surplus (HugePages_Total, "
                                "_Free, _Rsvd, _Surp in /proc/meminfo).")
                              .arg(num(h.total), num(h.free), num(h.resv), num(h.surplus));
    switch (static_cast<HugetlbOp>(e.order)) {
    case HugetlbOp::Grow:
    case HugetlbOp::Shrink:
    case HugetlbOp::Surplus:
        return EventText::tr("Writing vm.nr_hugepages makes set_max_huge_pages() (mm/hugetlb.c) grow or shrink the pool of "
                     "%1 pages: it takes order-%2 blocks from the buddy allocator (they are allocated memory from "
                     "then on, in use or not, and CommitLimit no longer counts them), or gives free ones back. Pages "
                     "in use or reserved cannot go: they become surplus and leave when unmapped. %3")
            .arg(size)
            .arg(hugeShift(m) - m.config.arch.pageShift)
            .arg(state);
    case HugetlbOp::Reserve:
    case HugetlbOp::Unreserve:
        return EventText::tr("mmap(MAP_HUGETLB) reserves all the huge pages of the mapping at once "
                     "(hugetlb_reserve_pages()), so a later fault cannot fail; munmap() and exit give back the "
                     "reservations that were never faulted. Hugetlb memory is not charged to Committed_AS. %1")
            .arg(state);
    case HugetlbOp::Dequeue:
        return EventText::tr("hugetlb_no_page() or hugetlb_wp() (mm/hugetlb.c) takes a page from the pool's free list and "
                     "clears it: one fault for %1, one PMD entry, no PTE table. Hugetlb pages never go on the LRU "
                     "and are never swapped, and they are not counted in RSS. %2")
            .arg(size, state);
    case HugetlbOp::Enqueue:
    case HugetlbOp::Release:
        return EventText::tr("free_huge_folio(): nothing maps the huge page any more, so it goes back on the pool's free "
                     "list, or to the buddy allocator if it was a surplus page. %1")
            .arg(state);
    case HugetlbOp::NoPage:
        return EventText::tr("The fault needs a huge page but the pool has none this process may take (every free page is "
                     "reserved for another mapping): hugetlb returns VM_FAULT_SIGBUS and the process dies of SIGBUS. "
                     "%1")
            .arg(state);
    case HugetlbOp::NoReserve:
        return EventText::tr("hugetlb_reserve_pages() finds fewer free huge pages than the mapping needs beyond those already "
                     "reserved, so mmap() fails with ENOMEM at once instead of a later fault failing. Raise "
                     "vm.nr_hugepages first. %1")
            .arg(state);
    }
    return state;
}

/// The kernel's own panic message (never translated: it is what the console prints).
QString panicMessage(std::uint64_t reason)
{
    switch (static_cast<PanicReason>(reason)) {
    case PanicReason::PanicOnOom:
        return u"Out of memory: system-wide panic_on_oom is enabled"_s;
    case PanicReason::NoVictim:
        return u"System is deadlocked on memory"_s;
    }
    return u"Out of memory"_s;
}

/// Whether the kernel log says the OOM killer killed `pid` (the victim's SIGKILL, not a failed fault's).
bool oomKilled(const Machine& m, std::uint32_t pid)
{
    return std::any_of(m.klog.begin(), m.klog.end(),
        [&](const KlogRecord& r) { return r.kind == KlogKind::OomKilled && r.pid == pid; });
}

QString lruMoveSummary(const Event& e)
{
    const int from = e.order >> 4, to = e.order & 0xF;
    const QString page = EventText::pfn(e.pfn);
    if (from == kNoLru) return EventText::tr("Page %1 joins the %2 list").arg(page, lruName(to));
    if (to == kNoLru) return EventText::tr("Page %1 leaves the %2 list").arg(page, lruName(from));
    if (from == to && (e.flags & EventFlag::Referenced) && !lruIsActive(static_cast<LruList>(from)))
        return EventText::tr("Page %1 stays on %2 with PG_referenced set: a second chance").arg(page, lruName(to));
    if (from == to) return EventText::tr("Page %1 rotates to the head of %2").arg(page, lruName(to));
    if (to < kNrLru && lruIsActive(static_cast<LruList>(to)))
        return EventText::tr("Page %1 is activated: %2 → %3").arg(page, lruName(from), lruName(to));
    return EventText::tr("Page %1 is deactivated: %2 → %3").arg(page, lruName(from), lruName(to));
}

QString lruMoveExplanation(const Machine& m, const Event& e)
{
    const int from = e.order >> 4, to = e.order & 0xF;
    const QString page = EventText::pfn(e.pfn);
    const auto size = [&](int l) { return l >= 0 && l < kNrLru ? m.lru.lists[static_cast<std::size_t>(l)].size : 0; };
    if (from == kNoLru)
        return EventText::tr("folio_add_lru() (mm/swap.c) puts the new page in frame %1 at the head of %2, now %3: "
                             "new anonymous and page-cache pages start on the inactive list of their type and must "
                             "be used again to be promoted. Reclaim takes pages from the other end, the tail.")
            .arg(page, lruName(to), EventText::pages(size(to)));
    if (to == kNoLru)
        return EventText::tr("The page in frame %1 leaves %2 (now %3): it is isolated for reclaim or freed, and "
                             "no LRU list holds it any more.")
            .arg(page, lruName(from), EventText::pages(size(from)));
    const bool activeFrom = from < kNrLru && lruIsActive(static_cast<LruList>(from));
    const bool activeTo = to < kNrLru && lruIsActive(static_cast<LruList>(to));
    if (from == to && activeTo)
        return EventText::tr("shrink_active_list() (mm/vmscan.c) finds the executable file page in frame %1 "
                             "referenced and rotates it back to the head of %2: program code in use stays in memory. "
                             "Every other page it scans moves to the inactive list.")
            .arg(page, lruName(to));
    if (from == to && (e.flags & EventFlag::Referenced))
        return EventText::tr("folio_check_references() (mm/vmscan.c), called by shrink_folio_list() while "
                             "shrink_inactive_list() scans %1, finds the Accessed bit set in a page-table entry of "
                             "the page in frame %2 but PG_referenced still clear: its first use since it was last "
                             "looked at. It sets PG_referenced and keeps the page, moving it to the head of %1 "
                             "(FOLIOREF_KEEP): a second chance. Used again before reclaim comes back and it is "
                             "activated, otherwise it is reclaimed.")
            .arg(lruName(from), page);
    if (from == to)
        return EventText::tr("The page in frame %1 is in use right now (the fault being handled holds it), so "
                             "reclaim puts it back at the head of %2 instead of freeing it.")
            .arg(page, lruName(to));
    if (activeTo && !activeFrom)
        return EventText::tr("folio_check_references() (mm/vmscan.c) finds the page in frame %1 referenced again: "
                             "PG_referenced was already set from an earlier scan, or several page-table entries "
                             "have the Accessed bit, or it is executable code (a page that cannot get a swap slot "
                             "is activated too). So it is activated: it leaves %2 for the head of %3, now %4. "
                             "folio_activate() does the same for a file page read twice (folio_mark_accessed()).")
            .arg(page, lruName(from), lruName(to), EventText::pages(size(to)));
    return EventText::tr("shrink_active_list() (mm/vmscan.c) takes the page in frame %1 from the tail of %2 because "
                         "the inactive list is too short (inactive_is_low()) and moves it to the head of %3, now %4, "
                         "clearing PG_active and setting PG_workingset. Unless it is used again it will be reclaimed "
                         "from there.")
        .arg(page, lruName(from), lruName(to), EventText::pages(size(to)));
}

QString reclaimExplanation(const Machine& m, const Event& e)
{
    const bool direct = e.flags & EventFlag::Direct, file = e.flags & EventFlag::FileLru;
    const QString who = direct
        ? EventText::tr("PID %1's allocation found no free page even at the min watermark, so the task reclaims "
                        "itself (direct reclaim: try_to_free_pages() → shrink_node()) and stalls meanwhile.")
              .arg(e.pid)
        : EventText::tr("kswapd0 reclaims in the background (balance_pgdat() → shrink_node()).");
    if (e.flags & EventFlag::Active) {
        const LruList active = file ? LruList::ActiveFile : LruList::ActiveAnon;
        const LruList inactive = file ? LruList::InactiveFile : LruList::InactiveAnon;
        return who + u' '
            + EventText::tr("At priority %1 shrink_active_list() (mm/vmscan.c) moves %2 from the tail of %3 to %4, "
                            "which was too short (inactive_is_low()); /proc/vmstat counts them in pgrefill. No page "
                            "is freed here: they get their last chance on the inactive list, which now holds %5.")
                  .arg(e.order)
                  .arg(EventText::pages(e.a), lruName(static_cast<int>(active)), lruName(static_cast<int>(inactive)),
                      EventText::pages(m.lru[inactive].size));
    }
    const LruList l = file ? LruList::InactiveFile : LruList::InactiveAnon;
    const QString how = file
        ? EventText::tr("Clean page-cache pages are simply dropped; dirty ones are written back first.")
        : EventText::tr("Anonymous pages get a swap slot (add_to_swap()) and are written out (pageout()).");
    const QString eff = e.a ? QString::number(100.0 * double(e.b) / double(e.a), 'f', 0) : u"0"_s;
    return who + u' '
        + EventText::tr("At priority %1 (the scan target is the list's size >> %1) shrink_inactive_list() "
                        "(mm/vmscan.c) isolates %2 from the tail of %3 and shrink_folio_list() reclaims %4 of them "
                        "(%5%)%6. %7 %8 and %9 grow by these numbers (sar -B %10 and pgsteal/s).")
              .arg(e.order)
              .arg(EventText::pages(e.a), lruName(static_cast<int>(l)), QString::number(e.b), eff,
                  e.b < e.a ? EventText::tr("; the rest were in use: kept for a second chance or activated")
                            : QString(),
                  how, direct ? u"pgscan_direct"_s : u"pgscan_kswapd"_s,
                  direct ? u"pgsteal_direct"_s : u"pgsteal_kswapd"_s)
              .arg(direct ? u"pgscand/s"_s : u"pgscank/s"_s);
}

QString oomExplanation(const Machine& m, const Event& e)
{
    const QString victim = processLabel(m, e.pid);
    const std::int64_t points = static_cast<std::int64_t>(e.a);
    const std::int64_t total = static_cast<std::int64_t>(e.b);
    const std::int64_t score = total > 0 ? std::max<std::int64_t>(0, (1000 + points * 1000 / total) * 2 / 3) : 0;
    const QString head = (e.flags & EventFlag::AllocTask)
        ? EventText::tr("The allocation of %1 failed even after reclaim made no progress, so "
                        "__alloc_pages_may_oom() calls out_of_memory(). vm.oom_kill_allocating_task is set, so the "
                        "OOM killer takes the allocating task itself (%2 points) instead of scanning for the worst "
                        "one.")
              .arg(processLabel(m, static_cast<std::uint32_t>(e.c)))
              .arg(points)
        : EventText::tr("The allocation of %1 failed even after reclaim made no progress, so "
                        "__alloc_pages_may_oom() calls out_of_memory(). select_bad_process() chose %2, the task with "
                        "the most points: %3 of totalpages = %4 (RAM + swap), an oom_score of %5.")
              .arg(processLabel(m, static_cast<std::uint32_t>(e.c)), victim)
              .arg(points)
              .arg(total)
              .arg(score);
    return head + u' '
        + EventText::tr("oom_kill_process() (mm/oom_kill.c) sends %1 SIGKILL and the oom_reaper frees its anonymous "
                        "memory at once; dmesg reads \"Out of memory: Killed process %2\". The machine now has %3 "
                        "free pages.")
              .arg(victim)
              .arg(e.pid)
              .arg(m.freePages());
}

QString mallocExplanation(const Machine& m, const Event& e)
{
    const std::uint64_t header = 2 * sizeSz(m);
    const bool freeing = e.flags & EventFlag::Free;
    const Process* p = m.proc(e.pid);
    const QString who = processLabel(m, e.pid);
    const std::uint64_t maxThreshold = m.config.arch.is32bit ? 512 * 1024 : 32ull << 20;
    if (e.flags & EventFlag::Mmapped) {
        if (!freeing)
            return EventText::tr("malloc() in %1: the chunk this request needs is at least the mmap threshold (%2), "
                                 "so sysmalloc() does not use the heap. It maps %3 of its own at %4, the chunk plus "
                                 "its header rounded up to pages, and returns %5. free() will give it straight back "
                                 "to the kernel with munmap(); its pages fault in when first touched.")
                .arg(who, EventText::bytes(p ? p->malloc.mmapThreshold : 128 * 1024), EventText::bytes(e.b),
                    EventText::hex(e.a - header), EventText::hex(e.a));
        const QString head = EventText::tr("free(%1) in %2 finds the IS_MMAPPED bit in the chunk header, so "
                                           "munmap_chunk() gives the whole %3 mapping back to the kernel with "
                                           "munmap(): VSZ and RSS drop at once.")
                                 .arg(EventText::hex(e.a), who, EventText::bytes(e.b));
        if (p && p->malloc.mmapThreshold == e.b && e.b <= maxThreshold)
            return head + u' '
                + EventText::tr("Because the chunk was larger than the mmap threshold (and at most %1), glibc raises "
                                "the threshold to %2 and the trim threshold to %3 (the dynamic mmap threshold): "
                                "requests of this size come from the heap from now on.")
                      .arg(EventText::bytes(maxThreshold), EventText::bytes(e.b), EventText::bytes(2 * e.b));
        return head + u' '
            + EventText::tr("The mmap threshold stays at %1, so requests of this size keep getting mappings of their "
                            "own.")
                  .arg(EventText::bytes(p ? p->malloc.mmapThreshold : 128 * 1024));
    }
    if (freeing) {
        const QString head = EventText::tr("free(%1) in %2 gives the chunk of %3 at %4 back to malloc, coalesced with "
                                           "free neighbours.")
                                 .arg(EventText::hex(e.a + header), who, chunkBytes(e.b), EventText::hex(e.a));
        QString where;
        if (p && p->malloc.topStart <= e.a)
            where = EventText::tr("It borders the top chunk and merges into it; the top now starts at %1.")
                        .arg(EventText::hex(p->malloc.topStart));
        else
            where = EventText::tr("It stays on the free chunks for a later malloc() to reuse.");
        const QString rest = EventText::tr("The memory stays in the process, so RSS does not drop, unless the top "
                                           "chunk grows past M_TRIM_THRESHOLD (%1) and systrim() lowers the break. "
                                           "Simplification: memviz has no tcache or fastbins and coalesces at once.")
                                 .arg(EventText::bytes(p ? p->malloc.trimThreshold : 128 * 1024));
        return head + u' ' + where + u' ' + rest;
    }
    if (p && p->malloc.topStart == e.a + e.b) {
        const std::uint64_t brk = p->mm.brk;
        return EventText::tr("glibc's malloc() (_int_malloc() in malloc/malloc.c) of %1 finds no free chunk large "
                             "enough and carves a chunk of %2 off the top chunk at %3: the request plus SIZE_SZ (%4 "
                             "bytes) for the header, rounded up to 16 bytes (request2size()). It returns %5, just "
                             "past the header. The top chunk now runs from %6 to the program break %7 (%8 left); no "
                             "page is touched until the program writes.")
            .arg(who, chunkBytes(e.b), EventText::hex(e.a), QString::number(sizeSz(m)), EventText::hex(e.a + header),
                EventText::hex(p->malloc.topStart), EventText::hex(brk),
                chunkBytes(brk > p->malloc.topStart ? brk - p->malloc.topStart : 0));
    }
    return EventText::tr(
        "glibc's malloc() in %1 reuses a free chunk: the chunk of %2 at %3 is memory an earlier free() "
        "gave back, so neither the heap nor RSS grows, and it returns %4. Simplification: memviz "
        "keeps one address-ordered list of free heap chunks instead of glibc's tcache, fastbins and "
        "bins, and takes the first that fits.")
        .arg(who, chunkBytes(e.b), EventText::hex(e.a), EventText::hex(e.a + header));
}

QString pteExplanation(const Machine& m, const Event& e)
{
    const ArchSpec& a = m.config.arch;
    const EntryFormat& f = a.entry;
    const QString level = levelName(m, e.order);
    const QString head = EventText::tr("Entry %1 of the %2 table in frame %3 (physical address %4) changes from %5 to "
                                       "%6.")
                             .arg(QString::number(e.a), level, EventText::pfn(e.pfn),
                                 EventText::hex(e.pfn * m.pageSize() + e.a * static_cast<std::uint64_t>(f.bytes)),
                                 EventText::entry(m, e.c), EventText::entry(m, e.b));
    const bool leaf = isLeafLevel(m, e.order) || (f.flags(e.b) & PteFlag::Huge);
    const bool wasPresent = f.present(e.c), isPresent = f.present(e.b);
    std::optional<std::uint64_t> va;
    if (const Process* p = m.proc(e.pid))
        if (auto base = tableBase(m, p->mm.pgd, e.pfn, e.order)) va = *base + (e.a << spanShift(m, e.order));
    const QString who = processLabel(m, e.pid);
    QString meaning;
    if (!leaf) {
        const QString covers = EventText::bytes(std::uint64_t(1) << spanShift(m, e.order));
        if (isPresent)
            meaning = EventText::tr("This %1 entry of %2 now points to the %3 table in frame %4, allocated with %5 "
                                    "(on a fault, or while fork() copies the tables) for the %6 of the address space "
                                    "this entry covers.")
                          .arg(level, who, levelName(m, e.order + 1u), EventText::pfn(f.pfn(e.b)),
                              levelName(m, e.order + 1u).toLower() + u"_alloc()"_s, covers);
        else
            meaning = EventText::tr("free_pgtables() unhooks the next-level table in frame %1, which no VMA of %2 "
                                    "needs any more; it goes back to the buddy allocator.")
                          .arg(EventText::pfn(f.pfn(e.c)), who);
        return head + u' ' + meaning;
    }
    const std::uint32_t oldFlags = f.flags(e.c), newFlags = f.flags(e.b);
    const QString page = va ? EventText::hex(*va) : EventText::tr("a page");
    if (!isPresent)
        meaning = EventText::tr("The leaf entry for %1 of %2 is cleared (zap_pte_range() when unmapping or at exit): "
                                "the next access to it faults.")
                      .arg(page, who);
    else if (!wasPresent)
        meaning = EventText::tr("This leaf entry maps the virtual page %1 of %2 to frame %3, %4, %5.")
                      .arg(page, who, EventText::pfn(f.pfn(e.b)), frameUse(m, f.pfn(e.b)),
                          (newFlags & PteFlag::Write) ? EventText::tr("writable") : EventText::tr("read-only"));
    else if (f.pfn(e.b) != f.pfn(e.c))
        meaning = EventText::tr("The leaf entry for %1 of %2 now maps frame %3 instead of %4 (a copy-on-write copy "
                                "replaces the shared page), %5.")
                      .arg(page, who, EventText::pfn(f.pfn(e.b)), EventText::pfn(f.pfn(e.c)),
                          (newFlags & PteFlag::Write) ? EventText::tr("writable") : EventText::tr("read-only"));
    else if ((oldFlags & PteFlag::Write) && !(newFlags & PteFlag::Write))
        meaning = EventText::tr("The leaf entry for %1 of %2 loses RW: fork's copy_present_pte() write-protects a "
                                "private page in parent and child so the first write copies it, and mprotect's "
                                "change_protection() does the same when writing is no longer allowed.")
                      .arg(page, who);
    else if (!(oldFlags & PteFlag::Write) && (newFlags & PteFlag::Write))
        meaning = EventText::tr("The leaf entry for %1 of %2 becomes writable and dirty in place, without a copy "
                                "(wp_page_reuse() or wp_page_shared()).")
                      .arg(page, who);
    else if ((newFlags & ~oldFlags) & (PteFlag::Accessed | PteFlag::Dirty))
        meaning = EventText::tr("The MMU sets Accessed (and Dirty on a write) in the leaf entry for %1 of %2 during "
                                "the walk; memviz shows this hardware update as a write of the entry.")
                      .arg(page, who);
    else
        meaning = EventText::tr("The leaf entry for %1 of %2 gets new permission bits.").arg(page, who);
    return head + u' ' + meaning;
}

QString faultExplanation(const Machine& m, const Event& e)
{
    const QString who = processLabel(m, e.pid), at = EventText::hex(e.a);
    const bool write = e.flags & AccessFlag::Write;
    const bool present = e.flags & AccessFlag::Present;
    const Process* p = m.proc(e.pid);
    const Vma* v = vmaAt(m, e.pid, e.a);
    const std::optional<Pfn> mapped = mappedFrame(m, e.pid, e.a);
    const QString counted
        = EventText::tr("It is minor fault number %1 of the process (no disk I/O).").arg(p ? p->minFlt : 0);
    std::uint64_t fileIndex = 0;
    QString file = EventText::tr("a file");
    if (v && !v->anon()) {
        fileIndex = v->pgoff + ((e.a - v->start) >> m.config.arch.pageShift);
        file = fileName(m, v->file);
    }
    switch (static_cast<FaultKind>(e.order)) {
    case FaultKind::ZeroPage:
        return EventText::tr("%1 reads %2, which lies in an anonymous VMA but has no page yet. do_anonymous_page() "
                             "(mm/memory.c) sees a read fault and maps the shared zero page (frame %3) read-only: no "
                             "memory is allocated and RSS does not grow. A later write faults again and gets a page of "
                             "its own.")
                   .arg(who, at, EventText::pfn(m.zeroPfn))
            + u' ' + counted;
    case FaultKind::Anon:
        return EventText::tr("%1 writes to %2 in an anonymous VMA for the first time. do_anonymous_page() "
                             "(mm/memory.c) allocates a frame, zeroes it and maps it writable and dirty; RssAnon "
                             "grows by one page.")
                   .arg(who, at)
            + u' ' + counted;
    case FaultKind::CowCopy:
        if (!present && v && !v->anon()) {
            if (e.flags & AccessFlag::Major)
                return EventText::tr("%1 writes to %2 in a private mapping of %3 (file page %4) that is not mapped "
                                     "yet and not cached. do_cow_fault() reads the page from disk into the page cache "
                                     "first (a major fault), then copies it into a new anonymous frame, so the file "
                                     "never sees the write.")
                    .arg(who, at, file, QString::number(fileIndex));
            return EventText::tr("%1 writes to %2 in a private mapping of %3 (file page %4) that is not mapped yet. "
                                 "do_cow_fault() takes the cached page and copies it into a new anonymous frame, so "
                                 "the file never sees the write.")
                       .arg(who, at, file, QString::number(fileIndex))
                + u' ' + counted;
        }
        if (mapped && *mapped == m.zeroPfn)
            return EventText::tr("%1 writes to %2, whose entry maps the shared zero page (frame %3) read-only. "
                                 "do_wp_page() finds no normal page behind it (vm_normal_page() is NULL), so "
                                 "wp_page_copy() allocates a new frame and zero-fills it instead of copying.")
                       .arg(who, at, EventText::pfn(m.zeroPfn))
                + u' ' + counted;
        if (mapped && *mapped < m.frames.size() && m.frames.state(*mapped) == FrameState::File)
            return EventText::tr("%1 writes to %2 in a private mapping of %3, whose entry maps the page-cache page "
                                 "(frame %4) read-only until the first write. do_wp_page() → wp_page_copy() allocates "
                                 "a new anonymous frame and copies the page into it, so the file never sees the "
                                 "write.")
                       .arg(who, at, file, EventText::pfn(*mapped))
                + u' ' + counted;
        if (mapped)
            return EventText::tr("%1 writes to %2, whose entry is read-only although the VMA is writable: frame %3 "
                                 "(%4) is shared copy-on-write since a fork. do_wp_page() cannot reuse it, so "
                                 "wp_page_copy() allocates a new frame, copies the page and maps the copy writable "
                                 "in this process only; the other users keep frame %3.")
                       .arg(who, at, EventText::pfn(*mapped), frameUse(m, *mapped))
                + u' ' + counted;
        return EventText::tr("%1 writes to %2, a copy-on-write page: do_wp_page() → wp_page_copy() gives it a new "
                             "frame of its own with a copy of the page.")
                   .arg(who, at)
            + u' ' + counted;
    case FaultKind::CowReuse:
        return EventText::tr("%1 writes to %2, whose entry is read-only since a fork, but the page (frame %3) now has "
                             "a single reference: the other sharers copied it already or exited. do_wp_page() → "
                             "wp_page_reuse() (wp_can_reuse_anon_folio(): refcount 1) makes the entry writable and "
                             "dirty in place, with no copy and no new frame.")
                   .arg(who, at, mapped ? EventText::pfn(*mapped) : EventText::tr("?"))
            + u' ' + counted;
    case FaultKind::FileMinor:
        if (write && present)
            return EventText::tr("%1 writes to %2 in a shared mapping of %3; the page (frame %4) is mapped read-only "
                                 "so that the kernel notices the first write. wp_page_shared() marks the entry "
                                 "writable and dirty, and the write goes to the page-cache page, so to the file. "
                                 "Simplification: memviz does not write dirty pages back to disk; the page cache is "
                                 "what cat reads.")
                .arg(who, at, file, mapped ? EventText::pfn(*mapped) : EventText::tr("?"));
        return EventText::tr("A %1 by %2 at %3 hits a mapping of %4 (file page %5), and that page is already in the "
                             "page cache. filemap_fault() finds it and maps it; on a read, do_read_fault() also maps "
                             "the cached neighbours within 64 KiB read-only (fault-around).")
                   .arg(accessName(write), who, at, file, QString::number(fileIndex))
            + u' ' + counted;
    case FaultKind::FileMajor:
        return EventText::tr("A %1 by %2 at %3 hits a mapping of %4 (file page %5), and that page is not in the page "
                             "cache. "
                             "filemap_fault() allocates a frame, reads the page from disk and returns VM_FAULT_MAJOR: "
                             "a major fault, counted in the process's majflt (now %6) and in /proc/vmstat pgmajfault. "
                             "Simplification: memviz reads just this page, without readahead.")
            .arg(accessName(write), who, at, file, QString::number(fileIndex), QString::number(p ? p->majFlt : 0));
    case FaultKind::Segv:
        if (!v)
            return EventText::tr("%1 tries to %2 %3, but no VMA contains that address, so do_user_addr_fault() goes "
                                 "to bad_area(). The kernel sends SIGSEGV (signal 11, SEGV_MAPERR); its default action "
                                 "ends the process and the shell prints \"Segmentation fault\".")
                .arg(who, accessName(write), at);
        return EventText::tr("%1 tries to %2 %3 in the VMA %4–%5, whose protection %6 does not allow it: "
                             "access_error() sends the fault to bad_area_access_error(). The kernel sends SIGSEGV "
                             "(signal 11, SEGV_ACCERR); its default action ends the process and the shell prints "
                             "\"Segmentation fault\".")
            .arg(who, accessName(write), at, EventText::hex(v->start), EventText::hex(v->end),
                EventText::protection(v->prot));
    case FaultKind::Oom:
        return EventText::tr("%1 faults at %2, but no frame can be allocated for the page or its page tables, even "
                             "after reclaim and the OOM killer: the handler returns VM_FAULT_OOM. Simplification: "
                             "Linux would retry the fault once the OOM killer's victim has freed its memory; memviz "
                             "ends the faulting process with SIGKILL.")
            .arg(who, at);
    case FaultKind::Swap:
        if (e.flags & AccessFlag::Major)
            return EventText::tr("A %1 by %2 at %3 finds a swap entry in the page-table entry: the page was swapped "
                                 "out. do_swap_page() (mm/memory.c) does not find it in the swap cache, so it "
                                 "allocates a frame and swap_read_folio() reads the page back from swap: a major "
                                 "fault, counted in the process's majflt (now %4) and in /proc/vmstat pgmajfault. "
                                 "Simplification: no swap readahead, just this page is read.")
                .arg(accessName(write), who, at, QString::number(p ? p->majFlt : 0));
        return EventText::tr("A %1 by %2 at %3 finds a swap entry in the page-table entry, but the page is still "
                             "in the swap cache (not freed yet, or read back for another process). do_swap_page() "
                             "(mm/memory.c) maps that page again without any disk I/O.")
                   .arg(accessName(write), who, at)
            + u' ' + counted;
    case FaultKind::Count:
        break;
    }
    return EventText::tr("%1 takes a page fault at %2.").arg(who, at);
}


// --- the kernel's own memory (alloc/Kmem.h) and NUMA ---------------------------------

/// The event's order, clamped to the buddy allocator's (for blocks named in a text).
int ord(const Event& e)
{
    return std::min<int>(e.order, kMaxOrder);
}

bool slub(const Machine& m)
{
    return m.config.slab == SlabKind::Slub;
}

const SlabCache* cacheOf(const Machine& m, std::uint64_t id)
{
    return id < m.kmem.caches.size() ? &m.kmem.caches[static_cast<std::size_t>(id)] : nullptr;
}

/// A slab cache's name ("kmalloc-128", "task_struct"), or "cache 7" when this machine does not know it.
QString cacheName(const Machine& m, std::uint64_t id)
{
    if (const SlabCache* c = cacheOf(m, id)) {
        const QString n = interned(m, c->name);
        if (!n.isEmpty()) return n;
    }
    return EventText::tr("cache %1").arg(id);
}

QString slabCount(std::uint64_t n)
{
    return n == 1 ? EventText::tr("1 slab") : EventText::tr("%1 slabs").arg(n);
}

QString objectCount(std::uint64_t n)
{
    return n == 1 ? EventText::tr("1 object") : EventText::tr("%1 objects").arg(n);
}

const Slab* slabAt(const Machine& m, Pfn pfn)
{
    const auto it = m.kmem.slabs.find(pfn);
    return it == m.kmem.slabs.end() ? nullptr : &it->second;
}

/// "3 of 32 objects in use" for the slab at pfn in machine m.
QString slabUse(const Machine& m, Pfn pfn)
{
    const Slab* s = slabAt(m, pfn);
    if (!s) return EventText::tr("no objects in use");
    const SlabCache* c = cacheOf(m, s->cache);
    return EventText::tr("%1 of %2 objects in use").arg(s->inuse).arg(c ? c->objsPerSlab : 0);
}

/// Where the slab at pfn sits now: SLAB's three lists, SLUB's cpu slab or node partial list.
QString slabPlace(const Machine& m, Pfn pfn)
{
    const Slab* s = slabAt(m, pfn);
    if (!s) return EventText::tr("no list");
    switch (s->list) {
    case SlabList::Full:
        return slub(m) ? EventText::tr("no list (SLUB keeps full slabs on a list only with debugging on)")
                       : u"slabs_full"_s;
    case SlabList::Partial:
        return slub(m) ? EventText::tr("the partial list of node %1").arg(s->node) : u"slabs_partial"_s;
    case SlabList::Free: return u"slabs_free"_s;
    case SlabList::Cpu: return EventText::tr("the CPU's slab");
    }
    return QString();
}

std::uint64_t slabKb(const Machine& m)
{
    return m.pagesToKb(slabPages(m, true) + slabPages(m, false));
}

/// The source file of the machine's slab allocator.
QString slabFile(const Machine& m)
{
    return slub(m) ? u"mm/slub.c"_s : u"mm/slab.c"_s;
}

/// "task_struct of PID 1000 (cow)" sentences for the task_struct cache, else empty.
bool isTaskStruct(const Machine& m, const Event& e)
{
    return e.pid && e.b == m.kmem.cacheTaskStruct && m.kmem.cacheTaskStruct != kNoCache;
}

QString slabCacheNewSummary(const Machine& m, const Event& e)
{
    QString name = interned(m, e.pfn);
    if (name.isEmpty()) name = cacheName(m, e.c);
    const SlabCache* c = cacheOf(m, e.c);
    if (!c || c->objsPerSlab == 0)
        return EventText::tr("kmem_cache_create(\"%1\", %2 bytes): cache %3").arg(name, num(e.a), num(e.c));
    return EventText::tr("kmem_cache_create(\"%1\", %2 bytes): %3 objects of %4 bytes per slab of %5")
        .arg(name, num(e.a), num(c->objsPerSlab), num(c->size), EventText::pages(blockPages(c->order)));
}

QString slabCacheNewExplanation(const Machine& m, const Event& e)
{
    QString name = interned(m, e.pfn);
    if (name.isEmpty()) name = cacheName(m, e.c);
    const SlabCache* c = cacheOf(m, e.c);
    QStringList fl;
    if (e.flags & SlabFlag::HwcacheAlign) fl << u"SLAB_HWCACHE_ALIGN"_s;
    if (e.flags & SlabFlag::Reclaimable) fl << u"SLAB_RECLAIM_ACCOUNT"_s;
    const QString flags = fl.isEmpty() ? u"0"_s : fl.join(u" | "_s);
    const QString head
        = EventText::tr("kmem_cache_create() (mm/slab_common.c) makes the cache %1 for objects of %2 bytes (align %3, "
                        "flags %4): calculate_alignment() aligns them to %5 bytes, so each takes %6 bytes in a slab.")
              .arg(name, num(e.a), num(e.b), flags, num(c ? c->align : 0), num(c ? c->size : 0));
    const std::uint64_t slabBytes = m.pageSize() << (c ? c->order : 0);
    const std::uint64_t used = c ? std::uint64_t(c->objsPerSlab) * c->size : 0;
    const QString left = num(slabBytes > used ? slabBytes - used : 0);
    QString order;
    if (!c || c->objsPerSlab == 0)
        order = EventText::tr("No slab layout fits objects of this size.");
    else if (slub(m)) {
        const auto cpus = static_cast<std::uint32_t>(std::max(m.config.cpus, 1));
        const int fls = 32 - std::countl_zero(cpus);
        order = EventText::tr("calculate_order() (mm/slub.c) wants at least min_objects = 4 × (fls(%1 CPUs) + 1) = "
                              "%2 objects per slab with little waste, at most order 3 (slub_max_order): order %3, "
                              "%4 per slab of %5, %6 bytes left over.")
                    .arg(num(cpus), num(4u * static_cast<std::uint32_t>(fls + 1)), num(c->order),
                        objectCount(c->objsPerSlab), EventText::bytes(slabBytes), left);
    } else {
        // Where kmem_cache_create() put the freelist index: the same layout computed again.
        const bool sane = e.a >= 1 && e.a <= kmem::kKmallocMaxSize && e.b <= m.pageSize() && !(e.b & (e.b - 1));
        const bool onSlab = sane
            && kmem::slabGeometry(m.config.slab, m.pageSize(), m.config.ramBytes, m.config.cpus, m.config.arch.is32bit,
                   e.a, e.b, e.flags)
                   .onSlabFreelist;
        const std::uint64_t index = onSlab ? c->objsPerSlab : 0;
        const QString where = onSlab
            ? EventText::tr("the freelist index (a byte per object) in the slab after the objects")
            : EventText::tr("the freelist index in a free object (OBJFREELIST_SLAB) or off the slab (OFF_SLAB)");
        order = EventText::tr("calculate_slab_order() (mm/slab.c) tries order 0 upwards until at most 1/8 of the "
                              "slab is left over or slab_max_order (%1) is reached: order %2, %3 per slab of %4, "
                              "%5, %6 bytes left over.")
                    .arg(num(m.config.ramBytes > (32ull << 20) ? 1 : 0), num(c->order), objectCount(c->objsPerSlab),
                        EventText::bytes(slabBytes), where,
                        num(slabBytes > used + index ? slabBytes - used - index : 0));
    }
    const QString lazy = EventText::tr("No memory is taken yet: the first allocation grows the cache by a slab.");
    const QString simple = slub(m)
        ? EventText::tr("Simplification: memviz never merges a new cache with a compatible one (as if booted with "
                        "slab_nomerge).")
        : EventText::tr("Simplification: memviz never merges a new cache with a compatible one (as with slab_nomerge) "
                        "and has no slab colouring.");
    return head + u' ' + order + u' ' + lazy + u' ' + simple;
}

QString slabGrowExplanation(const Machine& m, const Event& e)
{
    const SlabCache* c = cacheOf(m, e.b);
    const Slab* s = slabAt(m, e.pfn);
    const QString node = num(s ? s->node : (e.zone < m.zones.size() ? m.zones[e.zone].node : 0));
    const QString tail = EventText::tr("%1 now has %2; /proc/meminfo Slab is %3 kB.")
                             .arg(cacheName(m, e.b), slabCount(c ? c->numSlabs : 0), num(slabKb(m)));
    if (slub(m))
        return EventText::tr("___slab_alloc() (mm/slub.c) finds no free object in the cpu slab of %1 and no slab on "
                             "node %2's partial list, so new_slab() → allocate_slab() takes an order-%3 block from the "
                             "buddy allocator, frames %4 in %5, and threads its %6 of %7 bytes on a freelist. It "
                             "becomes the CPU's slab; a previous cpu slab goes back to its node (deactivate_slab()).")
                   .arg(cacheName(m, e.b), node, num(e.order), pfnRange(e.pfn, ord(e)), eventZone(m, e),
                       objectCount(c ? c->objsPerSlab : 0), num(c ? c->size : 0))
            + u' ' + tail + u' '
            + EventText::tr("Simplification: one CPU, so one cpu slab and no per-CPU partial list.");
    return EventText::tr("cache_alloc_refill() (mm/slab.c) finds neither a partial nor a free slab of %1 on node %2, "
                         "so cache_grow_begin() takes an order-%3 block from the buddy allocator (kmem_getpages()), "
                         "frames %4 in %5, and cuts it into %6 of %7 bytes. The new slab goes on slabs_free, and the "
                         "allocation takes its object from it next.")
               .arg(cacheName(m, e.b), node, num(e.order), pfnRange(e.pfn, ord(e)), eventZone(m, e),
                   objectCount(c ? c->objsPerSlab : 0), num(c ? c->size : 0))
        + u' ' + tail + u' '
        + EventText::tr("Simplification: no slab colouring, so every slab's first object starts at its first byte.");
}

QString slabAllocExplanation(const Machine& m, const Event& e)
{
    const SlabCache* c = cacheOf(m, e.b);
    QString text;
    if (slub(m))
        text = EventText::tr("slab_alloc_node() (mm/slub.c) pops object %1 off the freelist of the cpu slab at frames "
                             "%2 of %3: address %4 in the direct map, the slab's start plus %1 × %5 bytes. When the "
                             "cpu slab had no free object, ___slab_alloc() first made a partial slab of the node or "
                             "a new one the cpu slab. The slab has %6; a full slab leaves every list until one of "
                             "its objects is freed.")
                   .arg(num(e.c), EventText::pfn(e.pfn), cacheName(m, e.b), EventText::hex(e.a), num(c ? c->size : 0),
                       slabUse(m, e.pfn));
    else
        text = EventText::tr("____cache_alloc() → cache_alloc_refill() (mm/slab.c) takes object %1 of the slab at "
                             "frames %2 of %3, partial slabs first, then free ones: address %4 in the direct map, the "
                             "slab's start plus %1 × %5 bytes. fixup_slab_list() puts the slab at the head of %6; it "
                             "has %7. Simplification: one CPU and no per-CPU array cache, so objects come straight "
                             "from their slab instead of batchcount (%8) at a time.")
                   .arg(num(e.c), EventText::pfn(e.pfn), cacheName(m, e.b), EventText::hex(e.a), num(c ? c->size : 0),
                       slabPlace(m, e.pfn), slabUse(m, e.pfn), num(c ? c->batchcount : 0));
    if (isTaskStruct(m, e))
        text += u' '
            + EventText::tr("It is the task_struct of %1: dup_task_struct() (kernel/fork.c) allocates it for "
                            "copy_process().")
                  .arg(processLabel(m, e.pid));
    return text;
}

QString slabFreeExplanation(const Machine& m, const Event& e)
{
    const SlabCache* c = cacheOf(m, e.b);
    QString text;
    if (slub(m))
        text = EventText::tr("kmem_cache_free() → do_slab_free() (mm/slub.c) pushes object %1 at %2 on the freelist of "
                             "its slab at frames %3 of %4, which has %5. In __slab_free() a full slab that gets an "
                             "object back goes on the node's partial list, and an empty slab other than the cpu slab "
                             "is freed once the node keeps min_partial (%6) partial slabs.")
                   .arg(num(e.c), EventText::hex(e.a), EventText::pfn(e.pfn), cacheName(m, e.b), slabUse(m, e.pfn),
                       num(c ? c->minPartial : 0));
    else {
        const std::uint64_t freeLimit
            = c ? (1 + static_cast<std::uint64_t>(std::max(m.config.cpus, 1))) * c->batchcount + c->objsPerSlab : 0;
        text = EventText::tr("kmem_cache_free() → __cache_free() → free_block() (mm/slab.c) puts object %1 at %2 back "
                             "on the freelist of its slab at frames %3 of %4, which has %5. free_block() moves an "
                             "empty slab to the head of slabs_free and any other to the tail of slabs_partial; "
                             "while the node holds more than free_limit (%6) free objects, free slabs go back to the "
                             "buddy allocator. Simplification: no per-CPU array cache, so the object does not wait "
                             "there for cache_flusharray().")
                   .arg(num(e.c), EventText::hex(e.a), EventText::pfn(e.pfn), cacheName(m, e.b), slabUse(m, e.pfn),
                       num(freeLimit));
    }
    if (isTaskStruct(m, e))
        text += u' ' + EventText::tr("%1 has ended, and free_task() gives its task_struct back.").arg(processLabel(m, e.pid));
    return text;
}

QString slabShrinkExplanation(const Machine& m, const Event& e)
{
    const SlabCache* c = cacheOf(m, e.b);
    if (e.flags & kSlabDeactivate)
        return EventText::tr("deactivate_slab() (mm/slub.c) takes the slab at frames %1 of %2 away from the CPU: it "
                             "has %3 and goes to %4. ___slab_alloc() does this when the cpu slab has no free object "
                             "or lies on another node than the one asked for, and kmem_cache_shrink() flushes the "
                             "cpu slab first (flush_all()).")
            .arg(EventText::pfn(e.pfn), cacheName(m, e.b), slabUse(m, e.pfn), slabPlace(m, e.pfn));
    const QString tail = EventText::tr("%1 has %2 left; /proc/meminfo Slab is %3 kB.")
                             .arg(cacheName(m, e.b), slabCount(c ? c->numSlabs : 0), num(slabKb(m)));
    if (slub(m))
        return EventText::tr("No object of the slab at frames %1 of %2 is in use, so discard_slab() → free_slab() "
                             "(mm/slub.c) gives its order-%3 block back to the buddy allocator (the steps that "
                             "follow). __slab_free() does this once the node keeps min_partial (%4) partial slabs, "
                             "kmem_cache_shrink() frees every empty slab, and ___slab_alloc() drops an empty cpu "
                             "slab left on another node.")
                   .arg(pfnRange(e.pfn, ord(e)), cacheName(m, e.b), num(e.order), num(c ? c->minPartial : 0))
            + u' ' + tail;
    return EventText::tr("No object of the slab at frames %1 of %2 is in use, so slab_destroy() → kmem_freepages() "
                         "(mm/slab.c) gives its order-%3 block back to the buddy allocator (the steps that follow). "
                         "free_block() does this while the node holds more than free_limit free objects, and "
                         "kmem_cache_shrink() (drain_freelist()) empties slabs_free.")
               .arg(pfnRange(e.pfn, ord(e)), cacheName(m, e.b), num(e.order))
        + u' ' + tail;
}

QString kmallocSummary(const Machine& m, const Event& e)
{
    const bool freeing = e.flags & EventFlag::Free;
    if (e.c == kNoCache) {
        if (freeing)
            return EventText::tr("kfree(%1): the order-%2 block at frames %3 goes back to the buddy allocator")
                .arg(EventText::hex(e.a), num(e.order), pfnRange(e.pfn, ord(e)));
        return EventText::tr("kmalloc(%1) → %2: too large for a slab cache, an order-%3 block at frames %4")
            .arg(num(e.b), EventText::hex(e.a), num(e.order), pfnRange(e.pfn, ord(e)));
    }
    if (freeing) return EventText::tr("kfree(%1): an object of %2").arg(EventText::hex(e.a), cacheName(m, e.c));
    return EventText::tr("kmalloc(%1) → %2 from %3").arg(num(e.b), EventText::hex(e.a), cacheName(m, e.c));
}

QString kmallocExplanation(const Machine& m, const Event& e)
{
    const bool freeing = e.flags & EventFlag::Free;
    if (e.c == kNoCache) {
        const std::uint64_t block = m.pageSize() << std::min<int>(e.order, 63 - m.config.arch.pageShift);
        if (freeing)
            return EventText::tr("kfree(%1) finds that the page the address lies in is not a slab, so it is a large "
                                 "kmalloc: free_large_kmalloc() (mm/slab_common.c) gives the order-%2 block at frames "
                                 "%3 back to the buddy allocator (the steps that follow). SUnreclaim in /proc/meminfo "
                                 "drops by %4 kB.")
                .arg(EventText::hex(e.a), num(e.order), pfnRange(e.pfn, ord(e)), num(block / 1024));
        return EventText::tr("kmalloc(%1) is above KMALLOC_MAX_CACHE_SIZE (8 KiB, two pages), so kmalloc_large() "
                             "(mm/slab_common.c) skips the slab caches and takes an order-%2 block straight from the "
                             "buddy allocator: frames %3 in %4, at %5 in the direct map, %6 of it unused. The pages "
                             "count in /proc/meminfo SUnreclaim (NR_SLAB_UNRECLAIMABLE_B) although no cache holds "
                             "them; kmalloc() of more than KMALLOC_MAX_SIZE (4 MiB) fails.")
            .arg(num(e.b), num(e.order), pfnRange(e.pfn, ord(e)), eventZone(m, e), EventText::hex(e.a),
                EventText::bytes(block > e.b ? block - e.b : 0));
    }
    const SlabCache* c = cacheOf(m, e.c);
    if (freeing)
        return EventText::tr("kfree(%1) (%2) needs no size: the page the address lies in is a slab of %3, and the "
                             "object's offset in the slab gives its index. So the object goes back to %3 like a "
                             "kmem_cache_free() (the steps that follow).")
            .arg(EventText::hex(e.a), slabFile(m), cacheName(m, e.c));
    const std::uint64_t size = c ? c->objectSize : 0;
    return EventText::tr("kmalloc(%1) picks a size class with kmalloc_slab(): up to 192 bytes through "
                         "kmalloc_size_index[] (96 and 192 are classes of their own), above that the next power of "
                         "two, from %2 bytes up under %3. So the request goes to %4, and %5 bytes of the %6-byte "
                         "object stay unused. The object comes from that cache like any kmem_cache_alloc() (the steps "
                         "before) and lies at %7 in the direct map: physically contiguous, as kmalloc() memory always "
                         "is.")
        .arg(num(e.b), num(slub(m) ? 8 : 32), slub(m) ? u"SLUB"_s : u"SLAB"_s, cacheName(m, e.c),
            num(size > e.b ? size - e.b : 0), num(size), EventText::hex(e.a));
}

QString areaRange(std::uint64_t addr, std::uint64_t size)
{
    return EventText::hex(addr) + u"–"_s + EventText::hex(addr + size);
}

QString vmallocSummary(const Machine& m, const Event& e)
{
    const bool stack = e.c == static_cast<std::uint64_t>(VmAreaKind::Stack);
    switch (static_cast<VmallocOp>(e.order)) {
    case VmallocOp::Reserve:
        if (stack)
            return EventText::tr("Kernel stack of PID %1: reserve %2 in the vmalloc area (%3 with the guard page)")
                .arg(num(e.pid), areaRange(e.a, e.b), EventText::bytes(e.b));
        return EventText::tr("vmalloc(%1): reserve %2 (%3 with the guard page)")
            .arg(EventText::bytes(e.pfn), areaRange(e.a, e.b), EventText::bytes(e.b));
    case VmallocOp::Map:
        // The area's start from the page's address and index: the summary reads no state that changes later.
        return EventText::tr("Map page %1 of the vmalloc area at %2: %3 → frame %4")
            .arg(num(e.c), EventText::hex(e.a - e.c * m.pageSize()), EventText::hex(e.a), EventText::pfn(e.pfn));
    case VmallocOp::DirectStack:
        return EventText::tr("Kernel stack of PID %1: the order-1 block at frames %2, at %3 in the direct map")
            .arg(num(e.pid), pfnRange(e.pfn, 1), EventText::hex(e.a));
    }
    return EventText::tr("vmalloc at %1").arg(EventText::hex(e.a));
}

QString vmallocExplanation(const Machine& m, const Event& e)
{
    const KernelLayout& l = m.kmem.layout;
    const bool stack = e.c == static_cast<std::uint64_t>(VmAreaKind::Stack);
    const QString table = EventText::tr("Simplification: memviz keeps the kernel's mappings as a table of areas "
                                        "instead of page tables in simulated memory.");
    switch (static_cast<VmallocOp>(e.order)) {
    case VmallocOp::Reserve: {
        const std::uint64_t page = m.pageSize();
        const std::uint64_t pages = e.b >= page ? e.b / page - 1 : 0;
        if (stack)
            return EventText::tr("copy_process() → dup_task_struct() → alloc_thread_stack_node() (kernel/fork.c) gives "
                                 "%1 its kernel stack: with CONFIG_VMAP_STACK it is vmalloc'd, %2 (THREAD_SIZE) "
                                 "aligned to its size, here at %3. Every vmalloc area ends in an unmapped guard page, so a "
                                 "stack overflowing downwards runs into unmapped memory and faults instead of "
                                 "corrupting its neighbour; the %4 come next, from the process's node. Simplification: no per-CPU cache of freed "
                                 "stacks (NR_CACHED_STACKS).")
                .arg(processLabel(m, e.pid), EventText::bytes(e.b >= page ? e.b - page : 0), areaRange(e.a, e.b),
                    EventText::pages(pages));
        return EventText::tr("__vmalloc_node_range() (mm/vmalloc.c) rounds %1 up to %2 and alloc_vmap_area() reserves "
                             "%3 at %4: the lowest gap that fits in the vmalloc area %5–%6 (first fit), a guard page "
                             "included so that an overrun faults instead of running into the next area. Then "
                             "__vmalloc_area_node() takes the pages one by one from the buddy allocator and maps "
                             "each: the memory is contiguous in kernel virtual addresses only.")
                   .arg(EventText::bytes(e.pfn), EventText::pages(pages), EventText::bytes(e.b), EventText::hex(e.a),
                       EventText::hex(l.vmallocStart), EventText::hex(l.vmallocEnd))
            + u' ' + table;
    }
    case VmallocOp::Map: {
        const VmArea* a = kmem::vmAreaAt(m, e.a);
        const QString area = a ? EventText::hex(a->addr) : EventText::tr("(unknown)");
        const QString stackNote = a && a->kind == VmAreaKind::Stack
            ? EventText::tr("It is a page of the kernel stack of %1; KernelStack in /proc/meminfo is now %2 kB.")
                  .arg(processLabel(m, a->pid), num(m.pagesToKb(m.kmem.kernelStackPages)))
            : EventText::tr("VmallocUsed in /proc/meminfo is now %1 kB.").arg(num(m.pagesToKb(m.kmem.vmallocPages)));
        return EventText::tr("__vmalloc_area_node() (mm/vmalloc.c) took frame %1 in %2 from the buddy allocator "
                             "(vm_area_alloc_pages(), GFP_KERNEL | __GFP_HIGHMEM) and vmap_pages_range() maps it at "
                             "%3, page %4 of the area at %5. The frames of an area need not be contiguous, nor in "
                             "lowmem on x86-32: only the addresses are.")
                   .arg(EventText::pfn(e.pfn), eventZone(m, e), EventText::hex(e.a), num(e.c), area)
            + u' ' + stackNote + u' ' + table;
    }
    case VmallocOp::DirectStack:
        return EventText::tr("x86-32 has no vmalloc'd stacks (no CONFIG_VMAP_STACK): alloc_thread_stack_node() "
                             "(kernel/fork.c) takes an order-1 block of lowmem, %1 = THREAD_SIZE, frames %2, and the "
                             "kernel stack of %3 lives at its direct-map address %4. There is no guard page, so an "
                             "overflowing stack silently overwrites the memory below it. KernelStack in /proc/meminfo "
                             "is now %5 kB.")
            .arg(EventText::bytes(e.b), pfnRange(e.pfn, 1), processLabel(m, e.pid), EventText::hex(e.a),
                num(m.pagesToKb(m.kmem.kernelStackPages)));
    }
    return EventText::tr("A vmalloc area changes at %1. %2").arg(EventText::hex(e.a), table);
}

QString vfreeSummary(const Event& e)
{
    if (e.order == static_cast<std::uint8_t>(VmallocOp::DirectStack))
        return EventText::tr("Kernel stack of PID %1: the order-1 block at frames %2 goes back")
            .arg(num(e.pid), pfnRange(e.pfn, 1));
    if (e.c == static_cast<std::uint64_t>(VmAreaKind::Stack))
        return EventText::tr("Kernel stack of PID %1 at %2 is freed").arg(num(e.pid), areaRange(e.a, e.b));
    return EventText::tr("vfree(%1): unmap %2 (%3 with the guard page)")
        .arg(EventText::hex(e.a), areaRange(e.a, e.b), EventText::bytes(e.b));
}

QString vfreeExplanation(const Machine& m, const Event& e)
{
    const std::uint64_t page = m.pageSize();
    const std::uint64_t pages = e.b >= page ? e.b / page - 1 : 0;
    if (e.order == static_cast<std::uint8_t>(VmallocOp::DirectStack))
        return EventText::tr("%1 has ended: free_thread_stack() (kernel/fork.c) gives its kernel stack, the order-1 "
                             "block at frames %2 (%3 at %4 in the direct map), back to the buddy allocator (the steps "
                             "that follow). KernelStack in /proc/meminfo is now %5 kB.")
            .arg(processLabel(m, e.pid), pfnRange(e.pfn, 1), EventText::bytes(e.b), EventText::hex(e.a),
                num(m.pagesToKb(m.kmem.kernelStackPages)));
    const QString lazy = EventText::tr("Simplification: Linux purges freed areas lazily (lazy_max_pages) with one TLB "
                                       "flush for many; memviz flushes at once, page by page up to 33 pages "
                                       "(tlb_single_page_flush_ceiling) or the whole TLB above that.");
    if (e.c == static_cast<std::uint64_t>(VmAreaKind::Stack))
        return EventText::tr("%1 has ended: free_thread_stack() (kernel/fork.c) vfree()s its kernel stack at %2. "
                             "remove_vm_area() unmaps its %3, which go back to the buddy allocator, and the kernel "
                             "TLB entries of the range are flushed (the steps that follow). Linux would keep the "
                             "stack for the next fork (NR_CACHED_STACKS) and free it after an RCU grace period.")
                   .arg(processLabel(m, e.pid), areaRange(e.a, e.b), EventText::pages(pages))
            + u' ' + lazy;
    return EventText::tr("vfree(%1) (mm/vmalloc.c) finds the area with find_vmap_area() and remove_vm_area() unmaps "
                         "its %2; they go back to the buddy allocator one by one and the kernel TLB entries of "
                         "%3 are flushed (the steps that follow). VmallocUsed in /proc/meminfo is now %4 kB.")
               .arg(EventText::hex(e.a), EventText::pages(pages), areaRange(e.a, e.b),
                   num(m.pagesToKb(m.kmem.vmallocPages)))
        + u' ' + lazy;
}

QString kmapSummary(const Event& e, bool unmap)
{
    const QString page = EventText::pfn(e.pfn);
    switch (static_cast<KmapKind>(e.order)) {
    case KmapKind::Pkmap:
        if (unmap)
            return EventText::tr("kunmap(page %1): pkmap slot %2 at %3, count now %4")
                .arg(page, num(e.c), EventText::hex(e.a), num(e.b));
        return EventText::tr("kmap(page %1) → %2 (pkmap slot %3, count %4)")
            .arg(page, EventText::hex(e.a), num(e.c), num(e.b));
    case KmapKind::Local:
        if (unmap)
            return EventText::tr("kunmap_local(%1): fixmap slot %2 of page %3 is released")
                .arg(EventText::hex(e.a), num(e.c), page);
        return EventText::tr("kmap_local_page(page %1) → %2 (fixmap slot %3)").arg(page, EventText::hex(e.a), num(e.c));
    case KmapKind::Direct:
        if (unmap) return EventText::tr("kunmap(page %1): a direct-map page, nothing to undo").arg(page);
        return EventText::tr("kmap(page %1) → %2: a direct-map address, nothing to map").arg(page, EventText::hex(e.a));
    case KmapKind::Flush:
        return EventText::tr("flush_all_zero_pkmaps(): %1 unused pkmap slots freed").arg(num(e.a));
    }
    return unmap ? EventText::tr("kunmap(page %1)").arg(page) : EventText::tr("kmap(page %1)").arg(page);
}

QString kmapExplanation(const Machine& m, const Event& e)
{
    const KernelLayout& l = m.kmem.layout;
    const QString page = EventText::pfn(e.pfn);
    switch (static_cast<KmapKind>(e.order)) {
    case KmapKind::Pkmap:
        return EventText::tr("kmap() (mm/highmem.c) of the HighMem page in frame %1: the page has no permanent kernel "
                             "address, so kmap_high() gives it one in the persistent kmap window at %2. A slot "
                             "already mapping the page just counts one user more; otherwise map_new_virtual() scans "
                             "on from last_pkmap_nr for a slot with count 0 and writes its PTE: slot %3, address %4. "
                             "pkmap_count[%3] is now %5: 1 for the mapping plus one per user, so the page stays "
                             "mapped until kunmap(). The window has %6 slots (LAST_PKMAP); when all are in use "
                             "kmap() sleeps.")
            .arg(page, EventText::hex(l.pkmapBase), num(e.c), EventText::hex(e.a), num(e.b), num(l.lastPkmap));
    case KmapKind::Local:
        return EventText::tr("kmap_local_page() (include/linux/highmem-internal.h → __kmap_local_pfn_prot() in "
                             "mm/highmem.c) maps the HighMem page in frame %1 at a per-CPU fixmap slot: "
                             "kmap_local_idx_push() takes slot %2 at %3 and its PTE is written, with no lock and no "
                             "TLB flush. The slots form a stack, %4 of %5 in use now, so kunmap_local() must release "
                             "them in reverse order. It is the cheap way to reach a HighMem page for a moment; "
                             "kmap_atomic() does the same with page faults and preemption off.")
            .arg(page, num(e.c), EventText::hex(e.a), num(e.b), num(l.kmapLocalSlots));
    case KmapKind::Direct:
        return EventText::tr("The page in frame %1 is not in HighMem, so it has a permanent address in the direct "
                             "map: kmap() and kmap_local_page() just return page_address() = %2, and kunmap() has "
                             "nothing to undo. On 64-bit every page is like this, since all RAM is in the direct "
                             "map.")
            .arg(page, EventText::hex(e.a));
    case KmapKind::Flush:
        break;
    }
    return EventText::tr("kmap() maps the page in frame %1. Only HighMem pages need it.").arg(page);
}

QString kunmapExplanation(const Machine& m, const Event& e)
{
    const QString page = EventText::pfn(e.pfn);
    switch (static_cast<KmapKind>(e.order)) {
    case KmapKind::Pkmap:
        return EventText::tr("kunmap() → kunmap_high() (mm/highmem.c) drops one user of pkmap slot %1 (%2, page %3): "
                             "pkmap_count is now %4. At 1 the slot keeps its mapping, unused, until map_new_virtual() "
                             "wraps around to slot 0 and flush_all_zero_pkmaps() frees all such slots with one TLB "
                             "flush: kunmap() itself never flushes.")
            .arg(num(e.c), EventText::hex(e.a), page, num(e.b));
    case KmapKind::Local:
        return EventText::tr("kunmap_local() → kunmap_local_indexed() (mm/highmem.c) clears the PTE of fixmap slot %1 "
                             "(%2, page %3), flushes that one kernel address from the TLB (flush_tlb_one_kernel(), "
                             "the step that follows) and pops the slot: %4 of %5 in use. Unlike kunmap(), the slot is free again at "
                             "once: a kmap_local mapping lives only until its kunmap_local().")
            .arg(num(e.c), EventText::hex(e.a), page, num(e.b), num(m.kmem.layout.kmapLocalSlots));
    case KmapKind::Direct:
        return EventText::tr("The page in frame %1 (%2) is in the direct map, not in HighMem: kmap() gave its "
                             "permanent address, so kunmap() and kunmap_local() have nothing to undo. On 64-bit every page is like "
                             "this.")
            .arg(page, EventText::hex(e.a));
    case KmapKind::Flush:
        return EventText::tr("map_new_virtual() has scanned to the end of the pkmap window and wraps to slot 0, so "
                             "flush_all_zero_pkmaps() (mm/highmem.c) first frees every slot whose pkmap_count is 1 "
                             "(mapped, but without a user since its kunmap()): %1 slots, their PTEs cleared. When it "
                             "freed any, one flush_tlb_kernel_range() over the whole window follows: batching the "
                             "flushes at the wrap is why kunmap() does not flush.")
            .arg(num(e.a));
    }
    return EventText::tr("kunmap() of the page in frame %1. Only HighMem pages need it.").arg(page);
}

QString nodeFallbackExplanation(const Machine& m, const Event& e)
{
    QStringList order;
    if (e.a < m.nodes.size())
        for (int n : numa::nodeOrder(m, static_cast<int>(e.a))) order << QString::number(n);
    const QString fallback = order.isEmpty() ? EventText::tr("unknown") : order.join(u' ');
    const std::uint64_t distance = e.a < m.nodes.size() && e.b < m.nodes.size()
        ? m.config.nodeDistance(static_cast<int>(e.a), static_cast<int>(e.b))
        : 0;
    return EventText::tr("get_page_from_freelist() (mm/page_alloc.c) walks the zonelist of node %1, whose fallback "
                         "order is %2: none of node %1's zones could give an order-%3 block at the watermark, so "
                         "the block %4 comes from %5, next in that order (node_distance(%1, %6) = %7). "
                         "zone_statistics() counts it as numa_miss of node %6 and numa_foreign of node %1 "
                         "(numastat shows both), and a CPU of node %1 reaches it only across the interconnect, more "
                         "slowly than its own memory. The order was fixed at boot by build_zonelists(): nearest node first, equal "
                         "distances taken in turn.")
        .arg(num(e.a), fallback, num(e.order), pfnRange(e.pfn, ord(e)), eventZone(m, e),
            num(e.b), num(distance));
}

} // namespace

QString EventText::pfn(std::uint64_t pfn)
{
    return u"0x"_s + QString::number(pfn, 16);
}

QString EventText::hex(std::uint64_t value)
{
    return u"0x"_s + QString::number(value, 16);
}

QString EventText::entry(const Machine& m, std::uint64_t value)
{
    const EntryFormat& f = m.config.arch.entry;
    if (value == 0) return tr("0 (empty)");
    if (!f.present(value)) return tr("%1 (not present)").arg(hex(value));
    // x86 names of the bits (Intel SDM, _PAGE_BIT_*): never translated.
    const std::uint32_t fl = f.flags(value);
    QStringList bits;
    if (fl & PteFlag::Present) bits << u"P"_s;
    if (fl & PteFlag::Write) bits << u"RW"_s;
    if (fl & PteFlag::User) bits << u"US"_s;
    if (fl & PteFlag::Accessed) bits << u"A"_s;
    if (fl & PteFlag::Dirty) bits << u"D"_s;
    if (fl & PteFlag::Huge) bits << u"PS"_s;
    if (fl & PteFlag::Global) bits << u"G"_s;
    if (fl & PteFlag::NoExec) bits << u"NX"_s;
    return tr("%1 (frame %2: %3)").arg(hex(value), pfn(f.pfn(value)), bits.join(u' '));
}

QString EventText::protection(std::uint64_t prot)
{
    QString s = u"---"_s;
    if (prot & Prot::Read) s[0] = u'r';
    if (prot & Prot::Write) s[1] = u'w';
    if (prot & Prot::Exec) s[2] = u'x';
    return s;
}

QString EventText::bytes(std::uint64_t bytes)
{
    constexpr std::uint64_t kKiB = 1024, kMiB = kKiB * 1024, kGiB = kMiB * 1024, kTiB = kGiB * 1024;
    const auto fmt = [](std::uint64_t b, std::uint64_t unit, const QString& name) -> QString {
        if (b % unit == 0) return QString::number(b / unit) + u' ' + name;
        return QString::number(double(b) / double(unit), 'f', 1) + u' ' + name;
    };
    if (bytes >= kTiB) return fmt(bytes, kTiB, u"TiB"_s);
    if (bytes >= kGiB) return fmt(bytes, kGiB, u"GiB"_s);
    if (bytes >= kMiB) return fmt(bytes, kMiB, u"MiB"_s);
    if (bytes >= kKiB) return fmt(bytes, kKiB, u"KiB"_s);
    return QString::number(bytes) + u" B"_s;
}

QString EventText::pages(std::uint64_t n)
{
    return n == 1 ? tr("1 page") : tr("%1 pages").arg(n);
}

QString EventText::duration(std::uint64_t ns)
{
    const auto fmt = [](std::uint64_t v, std::uint64_t unit, const QString& name) -> QString {
        if (v % unit == 0) return QString::number(v / unit) + u' ' + name;
        return QString::number(double(v) / double(unit), 'g', 4) + u' ' + name;
    };
    if (ns >= 1000000000ull) return fmt(ns, 1000000000ull, u"s"_s);
    if (ns >= 1000000ull) return fmt(ns, 1000000ull, u"ms"_s);
    if (ns >= 1000ull) return fmt(ns, 1000ull, u"µs"_s);
    return QString::number(ns) + u" ns"_s;
}

QString EventText::orderLabel(const Machine& m, int order)
{
    return tr("order %1 · %2 · %3").arg(order).arg(pages(blockPages(order)), bytes(m.pageSize() << order));
}

QString EventText::zoneName(ZoneType t)
{
    switch (t) {
    case ZoneType::DMA:
        return u"DMA"_s;
    case ZoneType::DMA32:
        return u"DMA32"_s;
    case ZoneType::Normal:
        return u"Normal"_s;
    case ZoneType::HighMem:
        return u"HighMem"_s;
    case ZoneType::Movable:
        return u"Movable"_s;
    case ZoneType::Device:
        return u"Device"_s;
    case ZoneType::Count:
        break;
    }
    return u"?"_s;
}

QString EventText::zoneLabel(const Machine& m, int zoneId)
{
    if (zoneId < 0 || static_cast<std::size_t>(zoneId) >= m.zones.size()) return tr("(no zone)");
    const Zone& z = m.zones[static_cast<std::size_t>(zoneId)];
    if (m.nodes.size() > 1) return tr("%1 (node %2)").arg(zoneName(z.type)).arg(z.node);
    return zoneName(z.type);
}

QString EventText::frameStateName(FrameState s)
{
    switch (s) {
    case FrameState::Tail:
        return tr("inside a block");
    case FrameState::Free:
        return tr("free");
    case FrameState::InHand:
        return tr("in the allocator's hand");
    case FrameState::Kernel:
        return tr("allocated (kernel)");
    case FrameState::Firmware:
        return tr("firmware");
    case FrameState::KernelImage:
        return tr("kernel image");
    case FrameState::MemMap:
        return tr("memmap (struct page array)");
    case FrameState::BootAlloc:
        return tr("boot allocation");
    case FrameState::Hole:
        return tr("hole (no RAM)");
    case FrameState::PageTable:
        return tr("page table");
    case FrameState::Anon:
        return tr("anonymous page");
    case FrameState::File:
        return tr("page cache");
    case FrameState::Slab:
        return tr("slab");
    case FrameState::Vmalloc:
        return tr("vmalloc page");
    case FrameState::KernelStack:
        return tr("kernel stack");
    case FrameState::Count:
        break;
    }
    return tr("unknown");
}

QString EventText::typeName(EventType t)
{
    switch (t) {
    case EventType::BuddyAlloc:
        return tr("Allocate");
    case EventType::BuddySplit:
        return tr("Split");
    case EventType::BuddyFree:
        return tr("Free");
    case EventType::BuddyMerge:
        return tr("Merge");
    case EventType::BuddyListAdd:
        return tr("Add to free list");
    case EventType::ZoneCheck:
        return tr("Watermark check");
    case EventType::SlowPath:
        return tr("Slow path");
    case EventType::AllocFailed:
        return tr("Allocation failed");
    case EventType::WatermarkCrossed:
        return tr("Watermark crossed");
    case EventType::ProcessNew:
        return tr("New process");
    case EventType::ProcessExit:
        return tr("Process exit");
    case EventType::MmapRegion:
        return tr("Map region");
    case EventType::MunmapRegion:
        return tr("Unmap region");
    case EventType::MprotectRegion:
        return tr("Change protection");
    case EventType::BrkSet:
        return tr("Move program break");
    case EventType::MallocChunk:
        return tr("malloc / free");
    case EventType::PteSet:
        return tr("Set page-table entry");
    case EventType::FrameOwner:
        return tr("Frame use");
    case EventType::PageCacheAdd:
        return tr("Add to page cache");
    case EventType::FileNew:
        return tr("New file");
    case EventType::FileWrite:
        return tr("Write file");
    case EventType::PhysWrite:
        return tr("Write physical memory");
    case EventType::TlbLookup:
        return tr("TLB lookup");
    case EventType::TlbFill:
        return tr("TLB fill");
    case EventType::TlbFlush:
        return tr("TLB flush");
    case EventType::WalkStep:
        return tr("Page walk step");
    case EventType::PageFault:
        return tr("Page fault");
    case EventType::CowCopy:
        return tr("Copy on write");
    case EventType::ContextSwitch:
        return tr("Context switch");
    case EventType::SetPageTableBase:
        return tr("Load CR3");
    case EventType::TranslateDone:
        return tr("Translation");
    case EventType::SysctlSet:
        return tr("Tunable changed");
    case EventType::CommitRefused:
        return tr("Commit refused");
    case EventType::Clock:
        return tr("Time passes");
    case EventType::LruMove:
        return tr("LRU move");
    case EventType::KswapdWake:
        return tr("Wake kswapd");
    case EventType::KswapdSleep:
        return tr("kswapd sleeps");
    case EventType::Reclaim:
        return tr("Shrink LRU list");
    case EventType::SwapOn:
        return tr("Enable swap area");
    case EventType::SwapOut:
        return tr("Swap out");
    case EventType::Writeback:
        return tr("Write back");
    case EventType::SwapIn:
        return tr("Swap in");
    case EventType::SwapCacheDel:
        return tr("Leave swap cache");
    case EventType::OomCandidates:
        return tr("OOM candidate");
    case EventType::OomKill:
        return tr("OOM kill");
    case EventType::KernelPanic:
        return tr("Kernel panic");
    case EventType::ThpFault:
        return tr("Huge page fault");
    case EventType::OomScoreAdj:
        return tr("Set oom_score_adj");
    case EventType::DropCaches:
        return tr("Drop caches");
    case EventType::ThpSplit:
        return tr("Split huge page");
    case EventType::MadviseRegion:
        return tr("madvise");
    case EventType::HugetlbPool:
        return tr("Hugetlb pool");
    case EventType::SlabCacheNew:
        return tr("New slab cache");
    case EventType::SlabGrow:
        return tr("Slab cache grows");
    case EventType::SlabAlloc:
        return tr("Slab object allocated");
    case EventType::SlabFree:
        return tr("Slab object freed");
    case EventType::SlabShrink:
        return tr("Slab leaves cache");
    case EventType::Kmalloc:
        return tr("kmalloc / kfree");
    case EventType::Vmalloc:
        return tr("vmalloc");
    case EventType::Vfree:
        return tr("vfree");
    case EventType::Kmap:
        return tr("kmap");
    case EventType::Kunmap:
        return tr("kunmap");
    case EventType::NodeFallback:
        return tr("NUMA node fallback");
    case EventType::Count:
        break;
    }
    return tr("Unknown event");
}

QString EventText::summary(const Machine& m, const Event& e)
{
    const QString zone = eventZone(m, e);
    const int o = e.order;
    const auto mark = static_cast<Wmark>(e.flags & EventFlag::MarkMask);
    switch (e.type) {
    case EventType::BuddyAlloc:
        if (static_cast<int>(e.a) == o)
            return tr("Allocate order-%1 block %2 of %3 (%4) from the head of the order-%1 free list")
                .arg(o)
                .arg(pfn(e.pfn), zone, bytes(m.pageSize() << o));
        return tr("Allocate order-%1 block %2 of %3 (%4), the low end of an order-%5 block")
            .arg(o)
            .arg(pfn(e.pfn), zone, bytes(m.pageSize() << o))
            .arg(e.a);
    case EventType::BuddySplit:
        return tr("Split order-%1 block %2 of %3: upper half %4 → order-%5 free list (head)")
            .arg(o)
            .arg(pfn(e.pfn), zone, pfn(e.a))
            .arg(o - 1);
    case EventType::BuddyFree:
        return tr("Free order-%1 block %2 of %3 (%4)").arg(o).arg(pfn(e.pfn), zone, bytes(m.pageSize() << o));
    case EventType::BuddyMerge:
        return tr("Merge order-%1 block %2 with its free buddy %3 → order-%4 block %5")
            .arg(o)
            .arg(pfn(e.pfn), pfn(e.a))
            .arg(o + 1)
            .arg(pfn(e.b));
    case EventType::BuddyListAdd:
        if (e.flags & EventFlag::Tail)
            return tr("Put order-%1 block %2 of %3 at the TAIL of the order-%1 free list (likely buddy %4 is free)")
                .arg(o)
                .arg(pfn(e.pfn), zone, pfn(e.a));
        return tr("Put order-%1 block %2 of %3 at the head of the order-%1 free list").arg(o).arg(pfn(e.pfn), zone);
    case EventType::ZoneCheck: {
        const bool ok = e.flags & EventFlag::Ok;
        return tr("Watermark check %1, order %2: free %3 vs %4 %5 + reserve %6 → %7")
            .arg(zone)
            .arg(o)
            .arg(e.a)
            .arg(markName(mark))
            .arg(e.b)
            .arg(e.c)
            .arg(ok ? tr("pass") : tr("fail"));
    }
    case EventType::SlowPath:
        return tr("Slow path for an order-%1 request: no zone (%2) passed its low watermark")
            .arg(o)
            .arg(zonelist(m, static_cast<ZoneType>(e.flags)));
    case EventType::AllocFailed:
        return tr("Allocation failed: no zone (%1) can supply an order-%2 block (%3)")
            .arg(zonelist(m, static_cast<ZoneType>(e.flags)))
            .arg(o)
            .arg(bytes(m.pageSize() << o));
    case EventType::WatermarkCrossed:
        if (e.flags & EventFlag::Below)
            return tr("%1 fell to its %2 watermark: %3 free pages ≤ %4").arg(zone, markName(mark)).arg(e.a).arg(e.b);
        return tr("%1 rose above its %2 watermark: %3 free pages > %4").arg(zone, markName(mark)).arg(e.a).arg(e.b);
    case EventType::ProcessNew:
        if (e.flags & EventFlag::Fork)
            return tr("fork: PID %1 (%2) is a copy of PID %3, its PGD in frame %4")
                .arg(num(e.pid), interned(m, e.b), num(e.a), pfn(e.pfn));
        return tr("New process PID %1 runs %2, its PGD in frame %3").arg(num(e.pid), interned(m, e.b), pfn(e.pfn));
    case EventType::ProcessExit:
        if (e.a == 11) return tr("PID %1 is killed by SIGSEGV (Segmentation fault)").arg(e.pid);
        if (e.a == 9) return tr("PID %1 is killed by SIGKILL").arg(e.pid);
        if (e.a) return tr("PID %1 is killed by signal %2").arg(e.pid).arg(e.a);
        return tr("PID %1 exits with status %2").arg(e.pid).arg(e.b);
    case EventType::MmapRegion: {
        const auto file = static_cast<std::uint32_t>(e.c & 0xFFFFFFFFu);
        const auto name = static_cast<std::uint32_t>(e.c >> 32);
        const QString range = hex(e.a) + u"–"_s + hex(e.b);
        const QString kind = (e.flags & VmaFlag::Shared) ? tr("shared") : tr("private");
        if (name)
            return tr("PID %1 maps %2 (%3, %4) as %5")
                .arg(num(e.pid), range, bytes(e.b - e.a), protection(e.order), interned(m, name));
        if (file != kNoFile)
            return tr("PID %1 maps %2 (%3, %4, %5) from page %6 of %7")
                .arg(num(e.pid), range, bytes(e.b - e.a), protection(e.order), kind, num(e.pfn), fileName(m, file));
        return tr("PID %1 maps %2 (%3, %4, %5) anonymous")
            .arg(num(e.pid), range, bytes(e.b - e.a), protection(e.order), kind);
    }
    case EventType::MunmapRegion:
        return tr("PID %1 unmaps %2–%3 (%4)").arg(num(e.pid), hex(e.a), hex(e.b), bytes(e.b - e.a));
    case EventType::MprotectRegion:
        return tr("PID %1 sets %2–%3 (%4) to %5")
            .arg(num(e.pid), hex(e.a), hex(e.b), bytes(e.b - e.a), protection(e.order));
    case EventType::BrkSet:
        if (e.b >= e.a)
            return tr("PID %1 moves its program break %2 → %3 (+%4)")
                .arg(num(e.pid), hex(e.a), hex(e.b), bytes(e.b - e.a));
        return tr("PID %1 moves its program break %2 → %3 (−%4)").arg(num(e.pid), hex(e.a), hex(e.b), bytes(e.a - e.b));
    case EventType::MallocChunk: {
        const std::uint64_t header = 2 * sizeSz(m);
        const bool freeing = e.flags & EventFlag::Free;
        if (e.flags & EventFlag::Mmapped) {
            if (freeing)
                return tr("PID %1 free(%2): munmap_chunk() unmaps its %3 mapping")
                    .arg(num(e.pid), hex(e.a), bytes(e.b));
            return tr("PID %1 malloc: a mapping of its own, %2 at %3, returns %4")
                .arg(num(e.pid), bytes(e.b), hex(e.a - header), hex(e.a));
        }
        if (freeing)
            return tr("PID %1 free(%2): the chunk of %3 at %4 goes back to the heap")
                .arg(num(e.pid), hex(e.a + header), chunkBytes(e.b), hex(e.a));
        return tr("PID %1 malloc: chunk of %2 at %3 in the heap, returns %4")
            .arg(num(e.pid), chunkBytes(e.b), hex(e.a), hex(e.a + header));
    }
    case EventType::PteSet:
        return tr("PID %1: %2 entry %3 of table %4: %5 → %6")
            .arg(num(e.pid), levelName(m, e.order), num(e.a), pfn(e.pfn), hex(e.c), hex(e.b));
    case EventType::FrameOwner:
        switch (static_cast<FrameState>(e.a)) {
        case FrameState::PageTable:
            return tr("Frame %1 becomes a page table of PID %2").arg(pfn(e.pfn)).arg(e.b);
        case FrameState::Anon:
            return tr("Frame %1 becomes an anonymous page of PID %2").arg(pfn(e.pfn)).arg(e.b);
        default:
            return tr("Frame %1 becomes %2").arg(pfn(e.pfn), frameStateName(static_cast<FrameState>(e.a)));
        }
    case EventType::PageCacheAdd:
        return tr("Page %1 of %2 is read from disk into frame %3 (page cache)")
            .arg(num(e.b), fileName(m, e.a), pfn(e.pfn));
    case EventType::FileNew:
        return tr("New file %1 (%2, inode %3)").arg(interned(m, e.c), bytes(e.b), num(e.pfn));
    case EventType::FileWrite:
        return tr("Write %1 at offset %2 of %3").arg(byteText(e.c, e.order), num(e.b), fileName(m, e.a));
    case EventType::PhysWrite:
        return tr("Write %1 at physical address %2").arg(byteText(e.b, e.order), hex(e.a));
    case EventType::TlbLookup: {
        const QString access = accessName(e.flags & AccessFlag::Write);
        if (!(e.flags & EventFlag::Hit)) return tr("TLB miss: %1 %2 (set %3)").arg(access, hex(e.a), num(e.b));
        if (e.c)
            return tr("TLB hit: %1 %2 (set %3, way %4), then %5 more hits in this page")
                .arg(access, hex(e.a), num(e.b), num(e.pfn), num(e.c));
        return tr("TLB hit: %1 %2 (set %3, way %4)").arg(access, hex(e.a), num(e.b), num(e.pfn));
    }
    case EventType::TlbFill:
        if (e.flags & EventFlag::Retry)
            return tr("TLB fill after the fault: page %1 → frame %2 (set %3, way %4)")
                .arg(hex(e.a), pfn(e.pfn), num(e.b), num(e.c));
        return tr("TLB fill: page %1 → frame %2 (set %3, way %4)").arg(hex(e.a), pfn(e.pfn), num(e.b), num(e.c));
    case EventType::TlbFlush:
        switch (static_cast<TlbFlushKind>((e.flags >> EventFlag::FlushKindShift) & 0xF)) {
        case TlbFlushKind::All:
            return tr("TLB flush: every entry, global ones too (%1)").arg(entryCount(e.b));
        case TlbFlushKind::NonGlobal:
            return tr("TLB flush: every non-global entry (%1)").arg(entryCount(e.b));
        case TlbFlushKind::Asid:
            return tr("TLB flush: PCID %1 is reused (%2)").arg(num(e.c), entryCount(e.b));
        case TlbFlushKind::Page:
            if (e.flags & EventFlag::Kernel)
                return tr("TLB flush: invlpg kernel address %1 (%2)").arg(hex(e.a), entryCount(e.b));
            return tr("TLB flush: invlpg %1 of PID %2 (%3)").arg(hex(e.a), num(e.pid), entryCount(e.b));
        case TlbFlushKind::Mm:
            return tr("TLB flush: every entry of PID %1 (%2)").arg(num(e.pid), entryCount(e.b));
        }
        return tr("TLB flush (%1)").arg(entryCount(e.b));
    case EventType::WalkStep: {
        const QString where = tr("%1 entry %2 at %3").arg(levelName(m, e.order), num(e.a), hex(e.b));
        const EntryFormat& f = m.config.arch.entry;
        if (!(e.flags & EventFlag::Valid)) return tr("Walk: %1 is not present → page fault").arg(where);
        if ((e.flags & EventFlag::Leaf) && (e.flags & EventFlag::Huge))
            return tr("Walk: %1 maps the %2 page at frame %3 (PS bit: the walk ends here)")
                .arg(where, bytes(std::uint64_t(1) << hugeShift(m)), pfn(f.pfn(e.c)));
        if (e.flags & EventFlag::Leaf) return tr("Walk: %1 maps frame %2").arg(where, pfn(f.pfn(e.c)));
        return tr("Walk: %1 → next table in frame %2").arg(where, pfn(f.pfn(e.c)));
    }
    case EventType::PageFault: {
        const QString pid = num(e.pid), at = hex(e.a);
        const bool write = e.flags & AccessFlag::Write;
        switch (static_cast<FaultKind>(e.order)) {
        case FaultKind::ZeroPage:
            return tr("PID %1 page fault, read at %2: map the shared zero page").arg(pid, at);
        case FaultKind::Anon:
            return tr("PID %1 page fault, write at %2: a new anonymous page").arg(pid, at);
        case FaultKind::CowCopy:
            return tr("PID %1 page fault, write at %2: copy on write").arg(pid, at);
        case FaultKind::CowReuse:
            return tr("PID %1 page fault, write at %2: reuse the page, the only reference").arg(pid, at);
        case FaultKind::FileMinor:
            return tr("PID %1 page fault, %2 at %3: file page in the page cache (minor)")
                .arg(pid, accessName(write), at);
        case FaultKind::FileMajor:
            return tr("PID %1 page fault, %2 at %3: file page read from disk (major)").arg(pid, accessName(write), at);
        case FaultKind::Segv:
            return tr("PID %1 page fault, %2 at %3: not allowed → SIGSEGV").arg(pid, accessName(write), at);
        case FaultKind::Oom:
            return tr("PID %1 page fault, %2 at %3: out of memory").arg(pid, accessName(write), at);
        case FaultKind::Swap:
            if (e.flags & AccessFlag::Major)
                return tr("PID %1 page fault, %2 at %3: swapped out, read back from swap (major)")
                    .arg(pid, accessName(write), at);
            return tr("PID %1 page fault, %2 at %3: swapped out, still in the swap cache (minor)")
                .arg(pid, accessName(write), at);
        case FaultKind::Count:
            break;
        }
        return tr("PID %1 page fault at %2").arg(pid, at);
    }
    case EventType::CowCopy:
        if (e.flags & EventFlag::ZeroFill)
            return tr("PID %1 copy on write at %2: new frame %3 zero-filled (the source is the zero page)")
                .arg(num(e.pid), hex(e.a), pfn(e.b));
        return tr("PID %1 copy on write at %2: frame %3 → new frame %4")
            .arg(num(e.pid), hex(e.a), pfn(e.pfn), pfn(e.b));
    case EventType::ContextSwitch:
        if (!e.c) return tr("Switch to PID %1: CR3 = frame %2, TLB flushed").arg(num(e.pid), pfn(e.b));
        if (e.flags & EventFlag::Flushed)
            return tr("Switch to PID %1: CR3 = frame %2, new PCID %3 (flushed)").arg(num(e.pid), pfn(e.b), num(e.c));
        return tr("Switch to PID %1: CR3 = frame %2, PCID %3 kept (no flush)").arg(num(e.pid), pfn(e.b), num(e.c));
    case EventType::SetPageTableBase:
        if (e.a == kNoPfn) return tr("CR3 = frame %1").arg(pfn(e.pfn));
        return tr("CR3 = frame %1 (was %2)").arg(pfn(e.pfn), pfn(e.a));
    case EventType::TranslateDone:
        if (e.flags & EventFlag::Valid) return tr("Translate %1 → physical %2").arg(hex(e.a), hex(e.b));
        if (e.c < m.config.arch.levels.size())
            return tr("Translate %1: not mapped, the %2 entry is not present").arg(hex(e.a), levelName(m, e.c));
        return tr("Translate %1: no walk (no page table, or not a canonical address)").arg(hex(e.a));
    case EventType::SysctlSet:
        if (e.a >= static_cast<std::uint64_t>(Sysctl::Count)) return tr("A tunable = %1 (was %2)").arg(e.b).arg(e.c);
        return tr("%1 = %2 (was %3)")
            .arg(QString::fromLatin1(sysctlInfo(static_cast<Sysctl>(e.a)).name.data(),
                     static_cast<qsizetype>(sysctlInfo(static_cast<Sysctl>(e.a)).name.size())))
            .arg(e.b)
            .arg(e.c);
    case EventType::CommitRefused:
        return tr("PID %1 may not commit %2 more: ENOMEM (overcommit_memory = %3)")
            .arg(num(e.pid), bytes(e.a * m.pageSize()))
            .arg(e.order);
    case EventType::Clock: {
        const std::uint64_t end = e.time + e.a;
        const std::uint64_t samples = end / reclaim::kSecondNs - e.time / reclaim::kSecondNs;
        const QString line = (e.flags & EventFlag::Sleep)
            ? tr("Sleep %1: the clock goes from %2 to %3").arg(duration(e.a), clockTime(e.time), clockTime(end))
            : tr("Time passes: %1 of work, the clock reaches %2").arg(duration(e.a), clockTime(end));
        if (!samples) return line;
        return line + u" · "_s + (samples == 1 ? tr("1 new sar sample") : tr("%1 new sar samples").arg(samples));
    }
    case EventType::LruMove:
        return lruMoveSummary(e);
    case EventType::KswapdWake:
        return tr("Wake kswapd0: every zone up to %1 is below its low watermark")
            .arg(zoneName(static_cast<ZoneType>(e.order)));
    case EventType::KswapdSleep:
        if (e.a) return tr("kswapd0 gives up after %1 passes that reclaimed nothing and sleeps").arg(e.b);
        return tr("kswapd0 goes back to sleep: the node is balanced");
    case EventType::Reclaim: {
        const bool file = e.flags & EventFlag::FileLru;
        const QString who = (e.flags & EventFlag::Direct) ? tr("Direct reclaim by PID %1").arg(e.pid) : u"kswapd0"_s;
        if (e.flags & EventFlag::Active)
            return tr("%1, priority %2: %3 from %4 to %5 (shrink_active_list)")
                .arg(who)
                .arg(o)
                .arg(pages(e.a), lruName(static_cast<int>(file ? LruList::ActiveFile : LruList::ActiveAnon)),
                    lruName(static_cast<int>(file ? LruList::InactiveFile : LruList::InactiveAnon)));
        return tr("%1, priority %2: scanned %3 of %4, reclaimed %5")
            .arg(who)
            .arg(o)
            .arg(pages(e.a), lruName(static_cast<int>(file ? LruList::InactiveFile : LruList::InactiveAnon)))
            .arg(e.b);
    }
    case EventType::SwapOn:
        return tr("swapon %1: %2 (%3), priority %4")
            .arg(interned(m, e.pfn), bytes(e.b * m.pageSize()), pages(e.b))
            .arg(static_cast<std::int64_t>(e.c));
    case EventType::SwapOut:
        return tr("Page %1 gets swap %2 and joins the swap cache").arg(pfn(e.pfn), swapSlot(m, e.a));
    case EventType::Writeback:
        if (e.flags & EventFlag::FileLru)
            return tr("Write dirty page %1 of %2 (frame %3) back to disk").arg(num(e.a), fileName(m, e.b), pfn(e.pfn));
        return tr("Write page %1 to swap %2").arg(pfn(e.pfn), swapSlot(m, e.a));
    case EventType::SwapIn:
        return tr("PID %1 reads swap %2 into frame %3 (major fault)").arg(num(e.pid), swapSlot(m, e.a), pfn(e.pfn));
    case EventType::SwapCacheDel:
        return tr("Page %1 leaves the swap cache and releases swap %2").arg(pfn(e.pfn), swapSlot(m, e.a));
    case EventType::OomCandidates:
        return tr("OOM candidate PID %1: %2 points (rss %3 + swapents %4 + pgtables %5 pages, oom_score_adj %6)")
            .arg(num(e.pid))
            .arg(static_cast<std::int64_t>(e.a))
            .arg(e.b)
            .arg(e.c)
            .arg(e.pfn)
            .arg(static_cast<std::int16_t>(e.flags & 0xFFFF));
    case EventType::OomKill:
        if (e.flags & EventFlag::AllocTask)
            return tr("OOM killer kills PID %1, the allocating task (oom_kill_allocating_task)").arg(e.pid);
        return tr("OOM killer kills PID %1: %2 points, the most of all, for the allocation of PID %3")
            .arg(e.pid)
            .arg(static_cast<std::int64_t>(e.a))
            .arg(e.c);
    case EventType::KernelPanic:
        return tr("Kernel panic - not syncing: %1").arg(panicMessage(e.a));
    case EventType::ThpFault: {
        const QString huge = bytes(std::uint64_t(1) << hugeShift(m));
        if (e.flags & EventFlag::Ok)
            return tr("PID %1 huge page fault at %2: one %3 page, frames %4")
                .arg(num(e.pid), hex(e.a), huge, pfnRange(e.pfn, hugeShift(m) - m.config.arch.pageShift));
        return tr("PID %1 huge page fault at %2: no free %3 block, falls back to %4 pages")
            .arg(num(e.pid), hex(e.a), huge, bytes(m.pageSize()));
    }
    case EventType::OomScoreAdj:
        return tr("PID %1 oom_score_adj = %2 (was %3)")
            .arg(e.pid)
            .arg(static_cast<std::int64_t>(e.a))
            .arg(static_cast<std::int64_t>(e.c));
    case EventType::DropCaches:
        return tr("echo %1 > /proc/sys/vm/drop_caches: %2 dropped (%3)")
            .arg(e.a)
            .arg(pages(e.b), bytes(e.b * m.pageSize()));
    case EventType::ThpSplit:
        return tr("Split the huge page at %1 (frames %2) into %3 of %4")
            .arg(hex(e.a), pfnRange(e.pfn, o), pages(blockPages(o)), bytes(m.pageSize()));
    case EventType::MadviseRegion:
        return tr("PID %1 madvise(%2, %3, %4)").arg(num(e.pid), hex(e.a), bytes(e.b - e.a), madviseName(e.order));
    case EventType::HugetlbPool:
        return hugetlbSummary(m, e);
    case EventType::SlabCacheNew:
        return slabCacheNewSummary(m, e);
    case EventType::SlabGrow:
        return tr("%1 grows: a new slab of %2 at frames %3 in %4")
            .arg(cacheName(m, e.b), pages(blockPages(ord(e))), pfnRange(e.pfn, ord(e)), zone);
    case EventType::SlabAlloc:
        return tr("kmem_cache_alloc(%1) → %2: object %3 of the slab at %4")
            .arg(cacheName(m, e.b), hex(e.a), num(e.c), pfn(e.pfn));
    case EventType::SlabFree:
        return tr("kmem_cache_free(%1, %2): object %3 of the slab at %4")
            .arg(cacheName(m, e.b), hex(e.a), num(e.c), pfn(e.pfn));
    case EventType::SlabShrink:
        if (e.flags & kSlabDeactivate)
            return tr("%1: the cpu slab at %2 goes back to its node (deactivate_slab)").arg(cacheName(m, e.b), pfn(e.pfn));
        return tr("%1 gives the empty slab at frames %2 back to the buddy allocator")
            .arg(cacheName(m, e.b), pfnRange(e.pfn, ord(e)));
    case EventType::Kmalloc:
        return kmallocSummary(m, e);
    case EventType::Vmalloc:
        return vmallocSummary(m, e);
    case EventType::Vfree:
        return vfreeSummary(e);
    case EventType::Kmap:
        return kmapSummary(e, false);
    case EventType::Kunmap:
        return kmapSummary(e, true);
    case EventType::NodeFallback:
        return tr("Node %1 has no room for an order-%2 block: %3 comes from %4")
            .arg(num(e.a), num(e.order), pfnRange(e.pfn, ord(e)), zone);
    case EventType::Count:
        break;
    }
    return tr("Unknown event");
}

QString EventText::explanation(const Machine& m, const Event& e)
{
    const QString zone = eventZone(m, e);
    const int o = e.order;
    const auto size = [&](int order) { return bytes(m.pageSize() << order); };
    const auto mark = static_cast<Wmark>(e.flags & EventFlag::MarkMask);
    switch (e.type) {
    case EventType::BuddySplit:
        return tr("expand() in mm/page_alloc.c, called from __rmqueue_smallest(), halves the order-%1 block at %2 "
                  "(%3, %4). The lower half %2 stays in the allocator's hand as an order-%5 block; the upper half "
                  "%6 (%7) goes on the head of the order-%5 free list of %8, which now holds %9. Halving repeats "
                  "until the block is exactly as large as the request.")
            .arg(o)
            .arg(pfn(e.pfn), pages(blockPages(o)), size(o))
            .arg(o - 1)
            .arg(pfn(e.a), size(o - 1), zone, blockCount(nrFree(m, e, o - 1)));
    case EventType::BuddyAlloc: {
        const int from = static_cast<int>(e.a);
        QString how = from == o
            ? tr("It was the first block on the order-%1 free list, which now holds %2.")
                  .arg(o)
                  .arg(blockCount(nrFree(m, e, o)))
            : tr("It is the low end of the order-%1 block taken from the head of the order-%1 list; the upper "
                 "halves split off on the way down now wait on the free lists of orders %2 to %3.")
                  .arg(from)
                  .arg(o)
                  .arg(from - 1);
        return tr("__rmqueue_smallest() (through rmqueue() in mm/page_alloc.c) hands the order-%1 block %2 "
                  "(%3, %4) to the caller of alloc_pages(). %5 %6 now has %7 free pages (%8).")
            .arg(o)
            .arg(pfnRange(e.pfn, o), pages(blockPages(o)), size(o), how, zone)
            .arg(zoneFree(m, e))
            .arg(bytes(m.pageSize() * zoneFree(m, e)));
    }
    case EventType::BuddyFree: {
        const QString pcp = o <= 3
            ? tr("Simplification: memviz has no per-CPU page lists. A real kernel would normally park a freed "
                 "order-%1 block on a per-CPU list (free_unref_page()) and merge it only later, in batches.")
                  .arg(o)
            : tr("Blocks above order 3 skip the per-CPU lists in the kernel too and go straight to the buddy "
                 "free lists.");
        return tr("__free_pages() gives the order-%1 block %2 (%3, %4) back to %5. __free_one_page() in "
                  "mm/page_alloc.c now looks for its buddy, %6 (pfn XOR %7), to merge with. %8")
            .arg(o)
            .arg(pfnRange(e.pfn, o), pages(blockPages(o)), size(o), zone, pfn(e.pfn ^ blockPages(o)))
            .arg(blockPages(o))
            .arg(pcp);
    }
    case EventType::BuddyMerge:
        return tr("__free_one_page() finds the buddy with __find_buddy_pfn(): buddy = pfn XOR (1 << order) = "
                  "%1 XOR %2 = %3. page_is_buddy() confirms that %3 is a free order-%4 block of the same zone, so "
                  "it leaves the order-%4 free list (now %5) and the two halves become the order-%6 block %7 "
                  "(%8). The search repeats one order up.")
            .arg(pfn(e.pfn), pfn(blockPages(o)), pfn(e.a))
            .arg(o)
            .arg(blockCount(nrFree(m, e, o)))
            .arg(o + 1)
            .arg(pfn(e.b), size(o + 1));
    case EventType::BuddyListAdd: {
        const std::uint64_t buddy = e.pfn ^ blockPages(o);
        const QString why = o >= kMaxOrder
            ? tr("Order %1 is the largest order, so the block cannot grow any further.").arg(kMaxOrder)
            : tr("Its buddy %1 is not a free order-%2 block, so __free_one_page() stops merging.")
                  .arg(pfn(buddy))
                  .arg(o);
        if (e.flags & EventFlag::Tail) {
            return tr("%1 buddy_merge_likely() looks one level up: the order-%2 block that %3 would form with "
                      "%4 has the buddy %5, and that block is free. So a merge two levels up is likely once %4 "
                      "comes back, and %3 goes on the TAIL of the order-%6 free list (now %7): allocations take "
                      "from the head, so they reach it last.")
                .arg(why)
                .arg(o + 1)
                .arg(pfn(e.pfn), pfn(buddy), pfn(e.a))
                .arg(o)
                .arg(blockCount(nrFree(m, e, o)));
        }
        QString rule;
        if (o < kMaxOrder - 1) {
            const std::uint64_t higher = e.pfn & ~blockPages(o);
            rule = tr("buddy_merge_likely() checked the order-%1 buddy %2 of the block %3 would form, found it "
                      "busy, so there is no reason to save the block for later.")
                       .arg(o + 1)
                       .arg(pfn(higher ^ blockPages(o + 1)), pfn(higher));
        }
        return tr("%1 The order-%2 block %3 goes on the head of the order-%2 free list of %4 (now %5), so "
                  "the next order-%2 allocation takes it first.")
            .arg(rule.isEmpty() ? why : why + u' ' + rule)
            .arg(o)
            .arg(pfn(e.pfn), zone, blockCount(nrFree(m, e, o)));
    }
    case EventType::ZoneCheck: {
        const bool ok = e.flags & EventFlag::Ok;
        const std::int64_t usable = static_cast<std::int64_t>(e.a) - static_cast<std::int64_t>(blockPages(o) - 1);
        const std::uint64_t need = e.b + e.c;
        const QString path = mark == Wmark::Min
            ? tr("The slow path retries against the min watermark (ALLOC_WMARK_MIN).")
            : tr("The fast path checks the %1 watermark (ALLOC_WMARK_LOW).").arg(markName(mark));
        QString verdict;
        if (ok)
            verdict
                = tr("%1 > %2, so %3 passes and the block is taken from this zone.").arg(usable).arg(need).arg(zone);
        else if (usable > static_cast<std::int64_t>(need))
            verdict = tr("There are enough free pages, but no free list of order %1 or more holds a block, so %2 "
                         "fails and the walk moves on to the next zone.")
                          .arg(o)
                          .arg(zone);
        else
            verdict = tr("%1 ≤ %2, so %3 fails and the zonelist walk moves on to the next zone.")
                          .arg(usable)
                          .arg(need)
                          .arg(zone);
        return tr("%11 get_page_from_freelist() asks __zone_watermark_ok() (through zone_watermark_fast()) "
                  "whether %1 may serve an order-%2 request: free pages minus the 2^%2 − 1 the request itself uses "
                  "(%3 − %4 = %5) must stay above the %6 watermark plus lowmem_reserve (%7 + %8 = %9). %10")
            .arg(zone)
            .arg(o)
            .arg(e.a)
            .arg(blockPages(o) - 1)
            .arg(usable)
            .arg(markName(mark))
            .arg(e.b)
            .arg(e.c)
            .arg(need)
            .arg(verdict, path);
    }
    case EventType::SlowPath:
        if (e.pid)
            return tr("None of the zones %1 passed its low watermark for this order-%2 request of PID %3, so "
                      "__alloc_pages() enters __alloc_pages_slowpath(). It wakes kswapd (wake_all_kswapds() → "
                      "wakeup_kswapd()) to reclaim in the background, unless kswapd is awake already, and tries the "
                      "zonelist again at the lower min watermark, which lets the request dip into the reserve. If "
                      "that fails too, the task reclaims itself (direct reclaim).")
                .arg(zonelist(m, static_cast<ZoneType>(e.flags)))
                .arg(o)
                .arg(e.pid);
        return tr("None of the zones %1 passed its low watermark for this order-%2 request, so __alloc_pages() enters "
                  "__alloc_pages_slowpath(). The kernel would now wake kswapd (wake_all_kswapds()) to reclaim in "
                  "the background; memviz's bare alloc_pages() exercise does not simulate kswapd or reclaim. The "
                  "zonelist is then tried again at the lower min watermark, which lets the request dip into the "
                  "reserve.")
            .arg(zonelist(m, static_cast<ZoneType>(e.flags)))
            .arg(o);
    case EventType::AllocFailed:
        if (e.pid)
            return tr("None of the zones %1 can supply an order-%2 block (%3) for PID %4, even at the min watermark "
                      "and after direct reclaim (__alloc_pages_direct_reclaim()) and the OOM killer "
                      "(__alloc_pages_may_oom()) had their turn, so the allocation fails. The machine has %5 free "
                      "pages in all.")
                .arg(zonelist(m, static_cast<ZoneType>(e.flags)))
                .arg(o)
                .arg(size(o))
                .arg(e.pid)
                .arg(m.freePages());
        return tr("Even at the min watermark none of the zones %1 could supply an order-%2 block (%3). A real kernel "
                  "would now try direct reclaim (__alloc_pages_direct_reclaim()), compaction and finally the OOM "
                  "killer (__alloc_pages_may_oom()); memviz's bare alloc_pages() exercise does not simulate these, "
                  "so alloc_pages() returns NULL. The machine has %4 free pages in all.")
            .arg(zonelist(m, static_cast<ZoneType>(e.flags)))
            .arg(o)
            .arg(size(o))
            .arg(m.freePages());
    case EventType::WatermarkCrossed: {
        const bool below = e.flags & EventFlag::Below;
        QString head = below ? tr("%1 now has %2 free pages, at or below its %3 watermark (%4 pages).")
                                   .arg(zone)
                                   .arg(e.a)
                                   .arg(markName(mark))
                                   .arg(e.b)
                             : tr("%1 now has %2 free pages, above its %3 watermark (%4 pages) again.")
                                   .arg(zone)
                                   .arg(e.a)
                                   .arg(markName(mark))
                                   .arg(e.b);
        QString meaning;
        switch (mark) {
        case Wmark::Low:
            meaning = below ? tr("The fast path (get_page_from_freelist() with ALLOC_WMARK_LOW) now skips this zone; "
                                 "when every zone is this low, __alloc_pages_slowpath() wakes kswapd "
                                 "(wakeup_kswapd()) to reclaim in the background.")
                            : tr("The fast path (get_page_from_freelist() with ALLOC_WMARK_LOW) may allocate from "
                                 "it again without waking kswapd.");
            break;
        case Wmark::Min:
            meaning = below ? tr("Only the slow path's retries and allocations allowed into the reserve (__GFP_HIGH, "
                                 "GFP_ATOMIC) may still take pages here; an ordinary request would go to direct "
                                 "reclaim (__alloc_pages_direct_reclaim()).")
                            : tr("Ordinary allocations in the slow path (ALLOC_WMARK_MIN) may use this zone again.");
            break;
        case Wmark::High:
        case Wmark::Promo:
            meaning = below ? tr("Once woken, kswapd keeps reclaiming until the zone is back above this mark "
                                 "(pgdat_balanced() in mm/vmscan.c).")
                            : tr("kswapd would now consider the node balanced (pgdat_balanced() in mm/vmscan.c) and "
                                 "go back to sleep.");
            break;
        }
        return head + u' ' + meaning;
    }
    case EventType::ProcessNew: {
        const Process* p = m.proc(e.pid);
        const QString name = interned(m, e.b);
        if (e.flags & EventFlag::Fork)
            return tr("fork() creates PID %1 as a copy of %2: copy_process() duplicates the task and dup_mm() its "
                      "address space, %3 VMAs, with a new PGD in frame %4. copy_page_range() then gives the child "
                      "page tables that map the parent's private pages, write-protected in both processes, so the "
                      "first write by either side takes a copy-on-write fault. Shared mappings are not copied: the "
                      "child faults them in again.")
                .arg(num(e.pid), processLabel(m, static_cast<std::uint32_t>(e.a)), num(p ? p->mm.vmas.size() : 0),
                    pfn(e.pfn));
        return tr("The shell forks and the child calls execve() for %1: load_elf_binary() gives PID %2 a new, empty "
                  "address space whose top-level table (PGD) is frame %3. Next the program, ld.so and the shared "
                  "libraries, [vvar], [vdso] and the stack are mapped, and start-up code touches its first pages. "
                  "Simplification: memviz creates the process directly, without the shell's fork, and its page "
                  "tables have no kernel half.")
            .arg(name, num(e.pid), pfn(e.pfn));
    }
    case EventType::ProcessExit: {
        const QString who = processLabel(m, e.pid);
        QString cause;
        if (e.a == 11)
            cause = tr("%1 made an access no VMA allows (the page fault before), so the kernel sent it SIGSEGV "
                       "(signal 11); its default action ends the process and the shell prints \"Segmentation "
                       "fault\".")
                        .arg(who);
        else if (e.a == 9 && oomKilled(m, e.pid))
            cause = tr("The OOM killer chose %1 (oom_kill_process(), the step before) and sent it SIGKILL (signal 9), "
                       "which cannot be caught or ignored.")
                        .arg(who);
        else if (e.a == 9)
            cause = tr("%1 ran out of memory for a page or a page table, even after reclaim and the OOM killer, and "
                       "is killed with SIGKILL (signal 9). Simplification: Linux would retry the fault once memory "
                       "was freed; memviz ends the process that needed the memory.")
                        .arg(who);
        else if (e.a)
            cause = tr("%1 is killed by signal %2.").arg(who).arg(e.a);
        else
            cause = tr("%1 calls exit(%2).").arg(who).arg(e.b);
        return cause + u' '
            + tr("do_exit() → exit_mm() → mmput() → exit_mmap() unmapped every VMA, freed the anonymous pages no "
                 "other process maps and their swap slots, then the page tables and the PGD; page-cache pages stay "
                 "cached. The machine now has %1 free pages.")
                  .arg(m.freePages());
    }
    case EventType::MmapRegion: {
        const auto file = static_cast<std::uint32_t>(e.c & 0xFFFFFFFFu);
        const auto name = static_cast<std::uint32_t>(e.c >> 32);
        const bool shared = e.flags & VmaFlag::Shared;
        const QString head
            = tr("mmap_region() in mm/mmap.c adds a VMA for %1–%2 (%3, %4) to the address space "
                 "of %5.")
                  .arg(hex(e.a), hex(e.b), bytes(e.b - e.a), protection(e.order), processLabel(m, e.pid));
        QString kind;
        if (e.flags & VmaFlag::Special)
            kind = tr("%1 is the kernel's page for system calls that need no kernel entry (gettimeofday(), "
                      "clock_gettime()). memviz counts it in VSZ but never faults it in.")
                       .arg(interned(m, name));
        else if (e.flags & VmaFlag::Stack)
            kind = tr("It is the process's stack, [stack] (VM_GROWSDOWN), set up by execve(); argv and the "
                      "environment sit at its top.");
        else if (file != kNoFile && shared)
            kind = tr("It is a shared mapping of %1 from file page %2: reads and writes go to the page-cache pages "
                      "themselves, so every process mapping the file and the file itself see the writes.")
                       .arg(fileName(m, file), num(e.pfn));
        else if (file != kNoFile)
            kind = tr("It is a private mapping of %1 from file page %2: reads come from the page cache, and the "
                      "first write to a page copies it (copy on write), so the file never changes.")
                       .arg(fileName(m, file), num(e.pfn));
        else if (shared)
            kind = tr("It is a shared anonymous mapping: its pages read as zeros until written.");
        else
            kind = tr("It is a private anonymous mapping: a read of an untouched page maps the shared zero page, the "
                      "first write gets a zeroed frame of its own.");
        QString merged;
        if (const Vma* v = vmaAt(m, e.pid, e.a); v && (v->start != e.a || v->end != e.b))
            merged = tr("It joins an adjacent VMA of the same kind (vma_merge()), which now spans %1–%2.")
                         .arg(hex(v->start), hex(v->end));
        const QString lazy = tr("No frame is allocated and no page-table entry written: pages arrive on first "
                                "access (demand paging), so VSZ grows by %1 while RSS does not.")
                                 .arg(bytes(e.b - e.a));
        QStringList parts { head, kind };
        if (!merged.isEmpty()) parts << merged;
        parts << lazy;
        return parts.join(u' ');
    }
    case EventType::MunmapRegion: {
        const Process* p = m.proc(e.pid);
        return tr("do_vmi_munmap() removes %1–%2 (%3) from the address space of %4, splitting VMAs that straddle "
                  "the edges. Before this, zap_pte_range() cleared the range's page-table entries, flushed them from "
                  "the TLB and freed the anonymous pages no one else maps; free_pgtables() then frees page tables no "
                  "VMA needs any more. The process now has %5 VMAs and an RSS of %6.")
            .arg(hex(e.a), hex(e.b), bytes(e.b - e.a), processLabel(m, e.pid), num(p ? p->mm.vmas.size() : 0),
                bytes(p ? p->mm.rss() * m.pageSize() : 0));
    }
    case EventType::MprotectRegion:
        return tr("mprotect() (mprotect_fixup() in mm/mprotect.c) gives %1–%2 (%3) of %4 the protection %5, "
                  "splitting VMAs at the edges when needed. change_protection() rewrites the present page-table "
                  "entries of the range at once: they lose RW when writing is no longer allowed and get NX when "
                  "executing is not, and the process's TLB entries are flushed. Pages not present yet get the new "
                  "rights when they fault in; an access the new protection forbids ends in SIGSEGV.")
            .arg(hex(e.a), hex(e.b), bytes(e.b - e.a), processLabel(m, e.pid), protection(e.order));
    case EventType::BrkSet: {
        const Process* p = m.proc(e.pid);
        if (e.b < e.a)
            return tr("The program break of %1 moves down from %2 to %3 (%4 less). glibc's free() does this through "
                      "systrim() once the top chunk has grown past M_TRIM_THRESHOLD (128 KiB), keeping M_TOP_PAD; "
                      "the kernel's brk() unmaps the pages above the new break and the [heap] VMA shrinks.")
                .arg(processLabel(m, e.pid), hex(e.a), hex(e.b), bytes(e.a - e.b));
        const QString heap = p
            ? tr("The [heap] VMA now spans %1 from %2.").arg(bytes(e.b - p->mm.startBrk), hex(p->mm.startBrk))
            : QString();
        const QString head = tr("The brk() system call moves the program break of %1 from %2 to %3 (%4 more).")
                                 .arg(processLabel(m, e.pid), hex(e.a), hex(e.b), bytes(e.b - e.a));
        const QString why = tr("glibc's malloc grows the heap this way when its top chunk is too small: by the "
                               "request plus M_TOP_PAD (128 KiB), rounded up to a page, so the next small mallocs "
                               "need no system call. No frame is allocated yet: the new heap pages fault in when "
                               "first written.");
        if (heap.isEmpty()) return head + u' ' + why;
        return head + u' ' + heap + u' ' + why;
    }
    case EventType::MallocChunk:
        return mallocExplanation(m, e);
    case EventType::PteSet:
        return pteExplanation(m, e);
    case EventType::FrameOwner:
        switch (static_cast<FrameState>(e.a)) {
        case FrameState::PageTable:
            return tr("The buddy allocator handed out frame %1, zeroed, and it becomes a page table of PID %2 "
                      "(pgd_alloc() for the top level, __pte_alloc() / __pmd_alloc() / __pud_alloc() below it). "
                      "Page tables are counted in /proc/meminfo PageTables, now %3 kB, and in the process's VmPTE.")
                .arg(pfn(e.pfn), num(e.b), num(m.pagesToKb(m.vmc.pageTablePages)));
        case FrameState::Anon:
            return tr("The buddy allocator handed out frame %1; it is zeroed and becomes an anonymous page of PID "
                      "%2 (folio_add_new_anon_rmap() in do_anonymous_page() or wp_page_copy()). It counts in "
                      "/proc/meminfo AnonPages, now %3 kB, and once mapped in the process's RssAnon.")
                .arg(pfn(e.pfn), num(e.b), num(m.pagesToKb(m.vmc.anonPages)));
        default:
            return tr("Frame %1 is now used as %2 on behalf of PID %3. Its use decides what freeing it later "
                      "updates.")
                .arg(pfn(e.pfn), frameStateName(static_cast<FrameState>(e.a)), num(e.b));
        }
    case EventType::PageCacheAdd:
        return tr("Page %1 of %2 (file offset %3) is read from disk into frame %4 and added to the file's page "
                  "cache (filemap_add_folio()); /proc/meminfo Cached is now %5 kB. filemap_fault() does this when "
                  "a mapped file page is not cached, which makes the fault a major one. When a program starts, "
                  "memviz loads its file and the libraries' pages this way up front, as if they had been read "
                  "since boot.")
            .arg(num(e.b), fileName(m, e.a), num(e.b * m.pageSize()), pfn(e.pfn), num(m.pagesToKb(m.vmc.filePages)));
    case EventType::FileNew:
        if (e.pid)
            return tr("The program file %1 (%2, inode %3) exists on the disk memviz simulates; execve() needs it. "
                      "memviz assumes its pages have been read since boot and puts them in the page cache right "
                      "away, so starting a program costs no disk reads (no major faults).")
                .arg(interned(m, e.c), bytes(e.b), num(e.pfn));
        return tr("The script creates %1 on memviz's simulated disk: %2, inode %3. None of its pages is in the "
                  "page cache yet, so the first access through mmap() costs a major fault (a disk read).")
            .arg(interned(m, e.c), bytes(e.b), num(e.pfn));
    case EventType::FileWrite:
        return tr("%1 byte(s), %2, are written at offset %3 of %4 on the simulated disk: this is how a script "
                  "gives a new file its contents. A later fault copies them into the page cache, which then holds "
                  "the newest bytes of that page.")
            .arg(num(e.order), byteText(e.c, e.order), num(e.b), fileName(m, e.a));
    case EventType::PhysWrite: {
        const std::uint64_t page = m.pageSize();
        if (e.pid)
            return tr("The store of %1 reaches physical memory: the MMU translated the virtual address to physical "
                      "address %2 (frame %3, offset %4) and the %5 byte(s) %6 land there. Which frame that is depends "
                      "on the mapping: after a copy-on-write fault it is the process's own copy.")
                .arg(processLabel(m, e.pid), hex(e.a), pfn(e.a / page), hex(e.a % page), num(e.order),
                    byteText(e.b, e.order));
        return tr("The script stores %1 byte(s), %2, directly at physical address %3 (frame %4, offset %5), as a "
                  "textbook exercise sets up memory by hand, for example page tables to walk. Nothing checks what "
                  "the frame is used for.")
            .arg(num(e.order), byteText(e.b, e.order), hex(e.a), pfn(e.a / page), hex(e.a % page));
    }
    case EventType::TlbLookup: {
        const std::uint64_t vpn = e.a >> m.config.arch.pageShift;
        const QString sets = num(static_cast<std::uint64_t>(m.tlb.sets));
        if (!(e.flags & EventFlag::Hit))
            return tr("The CPU looks up virtual page %1 (page number %2) in the TLB: set %3 = %2 mod %4 sets, and "
                      "none of its ways holds this page for the current process. So the MMU walks the page tables "
                      "from CR3 (frame %5), reading one entry per level, %6 levels.")
                .arg(hex(e.a), hex(vpn), num(e.b), sets, pfn(m.cpu.cr3), num(m.config.arch.levels.size()));
        const QString hit = tr("The CPU looks up virtual page %1 (page number %2) in the TLB: set %3 = %2 mod %4 "
                               "sets, and way %5 holds a valid translation for this process. So the physical "
                               "address is known at once, without the %6 memory reads of a page walk.")
                                .arg(hex(e.a), hex(vpn), num(e.b), sets, num(e.pfn), num(m.config.arch.levels.size()));
        const std::size_t slot = static_cast<std::size_t>(e.b * static_cast<std::uint64_t>(m.tlb.ways) + e.pfn);
        if ((e.flags & AccessFlag::Write) && slot < m.tlb.small.size() && !(m.tlb.small[slot].flags & TlbFlag::Write))
            return hit + u' '
                + tr("But the entry does not allow writing, so the CPU raises a page fault (error code: present, "
                     "write) without walking the tables.");
        if (e.c)
            return hit + u' '
                + tr("The next %1 accesses to the same page hit the same entry; memviz counts them in this one "
                     "step.")
                      .arg(e.c);
        return hit;
    }
    case EventType::TlbFill: {
        const QString rights = (e.order & TlbFlag::Write) ? tr("reads and writes") : tr("reads only");
        const QString head
            = tr("The translation of page %1 to frame %2 is loaded into way %3 of TLB set %4 (%5 sets "
                 "× %6 ways, %7 replacement), tagged with PCID %8; it allows %9.")
                  .arg(hex(e.a), pfn(e.pfn), num(e.c), num(e.b), num(static_cast<std::uint64_t>(m.tlb.sets)),
                      num(static_cast<std::uint64_t>(m.tlb.ways)), policyName(m.tlb.policy), num(m.cpu.pcid), rights);
        if (e.flags & EventFlag::Retry)
            return head + u' '
                + tr("This is the access retried after the fault handler fixed the entry. Simplification: the CPU "
                     "would walk the page tables again; memviz loads the TLB straight from the fixed entry.");
        return head + u' '
            + tr("The walk found a valid entry; later accesses to this page hit here until the entry is evicted or "
                 "flushed.");
    }
    case EventType::TlbFlush:
        switch (static_cast<TlbFlushKind>((e.flags >> EventFlag::FlushKindShift) & 0xF)) {
        case TlbFlushKind::All:
            if (e.flags & EventFlag::Kernel)
                return tr("flush_tlb_kernel_range() (arch/x86/mm/tlb.c) was asked to flush more than "
                          "tlb_single_page_flush_ceiling = 33 pages of kernel addresses, so do_flush_tlb_all() "
                          "invalidates every TLB entry, the global ones too: %1 valid translations are gone. Every "
                          "page touched next costs a miss and a page walk.")
                    .arg(e.b);
            return tr("Every TLB entry is invalidated, the global kernel entries too (as when CR4.PGE is toggled): "
                      "%1 valid translations are gone. Every page touched next costs a miss and a page walk.")
                .arg(e.b);
        case TlbFlushKind::NonGlobal:
            return tr("Without PCID, writing CR3 invalidates every TLB entry that is not global: %1 of the previous "
                      "process are gone, while the kernel's global entries (_PAGE_GLOBAL) survive. The new process "
                      "starts with a cold TLB: each page it touches costs a miss and a walk.")
                .arg(entryCount(e.b));
        case TlbFlushKind::Asid:
            if (!e.b)
                return tr("switch_mm_irqs_off() found no ASID slot for PID %1 on this CPU, so choose_new_asid() takes "
                          "the next one round-robin (TLB_NR_DYN_ASIDS = 6 slots): PCID %2. CR3 is written without "
                          "CR3_NOFLUSH, but no entry tagged with PCID %2 was left, so nothing is lost.")
                    .arg(num(e.pid), num(e.c));
            return tr("switch_mm_irqs_off() found no ASID slot for PID %1 on this CPU, so choose_new_asid() takes the "
                      "next one round-robin (TLB_NR_DYN_ASIDS = 6 slots): PCID %2, last used by another mm. CR3 is "
                      "written without CR3_NOFLUSH and the %3 tagged with PCID %2 are flushed; entries of the other "
                      "PCIDs stay.")
                .arg(num(e.pid), num(e.c), entryCount(e.b));
        case TlbFlushKind::Page:
            if (e.flags & EventFlag::Kernel)
                return tr("The kernel unmapped %1 (vfree(), kunmap_local() or the pkmap flush), so "
                          "flush_tlb_kernel_range() (arch/x86/mm/tlb.c) invalidates its translation with invlpg "
                          "(flush_tlb_one_kernel()), page by page for up to tlb_single_page_flush_ceiling = 33 pages. "
                          "Kernel mappings are global (_PAGE_GLOBAL): no CR3 write drops them, only such a flush. It "
                          "dropped %2.")
                    .arg(hex(e.a), entryCount(e.b));
            return tr(
                "The page-table entry for %1 of %2 changed (write-protected, copied on write or unmapped), so "
                "its old translation must not be used again: invlpg invalidates just that page (flush_tlb_page(); "
                "range flushes do this for up to tlb_single_page_flush_ceiling = 33 pages). It dropped %3.")
                .arg(hex(e.a), processLabel(m, e.pid), entryCount(e.b));
        case TlbFlushKind::Mm:
            return tr("flush_tlb_mm() invalidates every TLB entry of %1: %2. The kernel does this after fork() "
                      "write-protected the parent's pages, after mprotect(), and when more than 33 pages are "
                      "unmapped at once. The next access to each page misses and walks the tables again.")
                .arg(processLabel(m, e.pid), entryCount(e.b));
        }
        return tr("TLB entries are invalidated: %1. The next access to those pages misses and walks the tables.")
            .arg(entryCount(e.b));
    case EventType::WalkStep: {
        const ArchSpec& a = m.config.arch;
        const QString level = levelName(m, e.order);
        const int low = spanShift(m, e.order);
        const int bits = e.order < a.levels.size() ? a.levels[e.order].bits : 0;
        const QString head
            = tr("Level %1 of %2, the %3 table in frame %4: the MMU takes index %5 from bits %6–%7 of "
                 "the virtual address and reads the %8-byte entry at physical address %9.")
                  .arg(num(e.order + 1u), num(a.levels.size()), level, pfn(e.pfn), num(e.a),
                      num(static_cast<std::uint64_t>(low + bits - 1)), num(static_cast<std::uint64_t>(low)),
                      num(static_cast<std::uint64_t>(a.entry.bytes)), hex(e.b));
        if (!(e.flags & EventFlag::Valid))
            return head + u' '
                + tr("The entry, %1, is not present: the walk stops at the %2 level. A real access raises a page "
                     "fault (#PF) here for the kernel's handler to decide; a translation only reports it.")
                      .arg(entry(m, e.c), level);
        if (e.flags & EventFlag::Leaf)
            return head + u' '
                + tr("The entry, %1, is present and maps the page itself: the physical address is frame %2 plus the "
                     "offset within the page.")
                      .arg(entry(m, e.c), pfn(a.entry.pfn(e.c)));
        return head + u' '
            + tr("The entry, %1, is present and points to the next-level table in frame %2; each %3 entry covers %4.")
                  .arg(entry(m, e.c), pfn(a.entry.pfn(e.c)), level, bytes(std::uint64_t(1) << low));
    }
    case EventType::PageFault:
        return faultExplanation(m, e);
    case EventType::CowCopy:
        if (e.flags & EventFlag::ZeroFill)
            return tr("The page at %1 of %2 mapped the shared zero page (frame %3), so wp_page_copy() does not copy "
                      "it: it clears the new frame %4 instead (zero-fill). The process gets a zeroed page of its "
                      "own, mapped writable, and RssAnon grows by one page.")
                .arg(hex(e.a), processLabel(m, e.pid), pfn(e.pfn), pfn(e.b));
        if (!mappedFrame(m, e.pid, e.a))
            return tr("do_cow_fault() copies page %1 of %2, the page-cache page in frame %3, into the new anonymous "
                      "frame %4 (copy_user_highpage()) for %5 at %6. The private mapping gets frame %4, writable and "
                      "dirty; the page cache and the file keep the original.")
                .arg(num(e.pfn < m.frames.size() ? m.frames.next(e.pfn) : 0),
                    fileName(m, e.pfn < m.frames.size() ? m.frames.priv(e.pfn) : kNoFile), pfn(e.pfn), pfn(e.b),
                    processLabel(m, e.pid), hex(e.a));
        return tr("do_wp_page() → wp_page_copy() copies the %1 page in frame %2 into the new frame %3 "
                  "(copy_user_highpage()) for %4 at %5. This process's entry will point at frame %3, writable and "
                  "dirty; the other users of frame %2 keep the original.")
            .arg(bytes(m.pageSize()), pfn(e.pfn), pfn(e.b), processLabel(m, e.pid), hex(e.a));
    case EventType::ContextSwitch: {
        const QString from = e.a ? processLabel(m, static_cast<std::uint32_t>(e.a)) : tr("the kernel");
        const QString head = tr("The scheduler of memviz's single CPU switches from %1 to %2: switch_mm_irqs_off() "
                                "writes CR3 with frame %3, the new process's top-level table (%4).")
                                 .arg(from, processLabel(m, e.pid), pfn(e.b), levelName(m, 0));
        if (!e.c)
            return head + u' '
                + tr("Without PCID every CR3 write flushes all non-global TLB entries: the new process starts "
                     "with a cold TLB, and only the kernel's global entries survive.");
        if (e.flags & EventFlag::Flushed)
            return head + u' '
                + tr("This mm has no ASID slot on the CPU, so choose_new_asid() takes slot %1 round-robin "
                     "(TLB_NR_DYN_ASIDS = 6) and CR3 gets PCID %2 without CR3_NOFLUSH: the old entries tagged "
                     "with PCID %2 are flushed, those of the other PCIDs survive.")
                      .arg(num(e.c - 1), num(e.c));
        return head + u' '
            + tr("This mm still owns ASID slot %1, so CR3 gets PCID %2 with CR3_NOFLUSH (bit 63) set: the TLB "
                 "entries it left behind are still valid and are used again, no flush.")
                  .arg(num(e.c - 1), num(e.c));
    }
    case EventType::SetPageTableBase:
        return tr("The script loads CR3 with frame %1 (physical address %2): a translation without a process now "
                  "walks the tables whose top level (%3) is in that frame. On x86 CR3 holds the physical address "
                  "of the top-level table; the kernel writes it on every switch between processes "
                  "(switch_mm_irqs_off()).")
            .arg(pfn(e.pfn), hex(e.pfn * m.pageSize()), levelName(m, 0));
    case EventType::TranslateDone:
        if (e.flags & EventFlag::Valid)
            return tr("The walk from the top-level table in frame %1 ends at a present leaf entry: virtual address "
                      "%2 is physical address %3 (frame %4, offset %5). This walk only reads the tables, as a "
                      "textbook exercise does: it sets no Accessed bit, fills no TLB entry and never faults.")
                .arg(
                    pfn(e.pfn), hex(e.a), hex(e.b), pfn(e.b >> m.config.arch.pageShift), hex(e.b & (m.pageSize() - 1)));
        if (e.c < m.config.arch.levels.size())
            return tr("The walk for %1 stops at the %2 level: that entry is not present, so the address has no "
                      "physical address now. A real access would raise a page fault here and the kernel would "
                      "decide (demand paging, copy on write or SIGSEGV); this translation only reports it.")
                .arg(hex(e.a), levelName(m, e.c));
        return tr("No walk happens for %1: there is no page table to start from, or the address is not canonical "
                  "(on x86-64 the bits above the virtual-address width must repeat its top bit). A real access "
                  "would fault at once.")
            .arg(hex(e.a));
    case EventType::SysctlSet: {
        if (e.a >= static_cast<std::uint64_t>(Sysctl::Count))
            return tr("A tunable memviz does not know is now %1 (was %2). The kernel applies a new value at once.")
                .arg(e.b)
                .arg(e.c);
        const SysctlInfo& info = sysctlInfo(static_cast<Sysctl>(e.a));
        const QString name = QString::fromLatin1(info.name.data(), static_cast<qsizetype>(info.name.size()));
        switch (info.id) {
        case Sysctl::OvercommitMemory:
            return tr("vm.overcommit_memory is now %1 (was %2). 0: guess — only a single request larger than RAM "
                      "plus swap fails; 1: always — every request succeeds; 2: never — requests fail with ENOMEM "
                      "once Committed_AS would reach CommitLimit (%3) minus the admin and user reserves "
                      "(__vm_enough_memory() in mm/util.c).")
                .arg(e.b)
                .arg(e.c)
                .arg(bytes(commitLimitPages(m) * m.pageSize()));
        case Sysctl::OvercommitRatio:
        case Sysctl::OvercommitKbytes:
            return tr("%1 is now %2 (was %3): CommitLimit = RAM × overcommit_ratio / 100 + swap, or "
                      "overcommit_kbytes + swap when that is set, is now %4 (vm_commit_limit()). Setting one of the "
                      "two clears the other.")
                .arg(name)
                .arg(e.b)
                .arg(e.c)
                .arg(bytes(commitLimitPages(m) * m.pageSize()));
        case Sysctl::Swappiness:
            return tr("vm.swappiness is now %1 (was %2): how readily reclaim takes anonymous pages (to swap) rather "
                      "than page-cache pages, from 0 to 200. get_scan_count() (mm/vmscan.c) weighs the anon lists by "
                      "swappiness and the file lists by 200 − swappiness: 0 avoids swapping until the page cache is "
                      "nearly gone, 100 treats both alike.")
                .arg(e.b)
                .arg(e.c);
        case Sysctl::PanicOnOom:
            return tr("vm.panic_on_oom is now %1 (was %2). When it is not 0, out_of_memory() calls panic() from "
                      "check_panic_on_oom() instead of killing a process; memviz has one node and no cgroups, so 1 "
                      "and 2 act alike.")
                .arg(e.b)
                .arg(e.c);
        case Sysctl::OomKillAllocatingTask:
            return tr("vm.oom_kill_allocating_task is now %1 (was %2). When it is not 0, the OOM killer kills the "
                      "task whose allocation failed instead of scanning every task for the highest oom_badness() "
                      "(unless that task is unkillable); vm.panic_on_oom still comes first.")
                .arg(e.b)
                .arg(e.c);
        default:
            return tr("%1 is now %2 (was %3). Where it matters the kernel recomputes at once: the watermarks of "
                      "every zone follow min_free_kbytes, watermark_scale_factor and the THP setting "
                      "(setup_per_zone_wmarks()).")
                .arg(name)
                .arg(e.b)
                .arg(e.c);
        }
    }
    case EventType::CommitRefused:
        return tr("__vm_enough_memory() refuses PID %1 %2 more of committed memory: Committed_AS is %3 and the "
                  "limit under vm.overcommit_memory = %4 is %5. The mmap(), brk() or fork() fails with ENOMEM "
                  "now — malloc() returns NULL — instead of the OOM killer choosing a victim later.")
            .arg(num(e.pid), bytes(e.a * m.pageSize()), bytes(e.b * m.pageSize()))
            .arg(e.order)
            .arg(bytes(e.c * m.pageSize()));
    case EventType::Clock: {
        const std::uint64_t end = e.time + e.a;
        const QString head = (e.flags & EventFlag::Sleep)
            ? tr("The program sleeps (nanosleep()) for %1: simulated time moves from %2 to %3 since boot. Meanwhile "
                 "kswapd keeps reclaiming if it is awake.")
                  .arg(duration(e.a), clockTime(e.time), clockTime(end))
            : tr("Time passes while the CPU works: %1, from %2 to %3 since boot. memviz charges each page access, "
                 "fault, reclaim scan and disk write a little simulated time and adds it up in steps like this one.")
                  .arg(duration(e.a), clockTime(e.time), clockTime(end));
        if (end / reclaim::kSecondNs == e.time / reclaim::kSecondNs) return head;
        return head + u' '
            + tr("At every whole second sar's collector (sadc) reads /proc/meminfo and /proc/vmstat: the history now "
                 "holds %1 samples, what sar and the timeline plot show.")
                  .arg(m.samples.size());
    }
    case EventType::LruMove:
        return lruMoveExplanation(m, e);
    case EventType::KswapdWake:
        return tr("__alloc_pages_slowpath() calls wakeup_kswapd() (mm/vmscan.c): every zone up to %1 (%2) is below "
                  "its low watermark. kswapd0, node 0's reclaim thread, now reclaims in the background with "
                  "balance_pgdat(), priority falling from DEF_PRIORITY (12), until a zone is above its high "
                  "watermark (pgdat_balanced()); the allocation goes on at the min watermark meanwhile. The machine "
                  "has %3 free pages. Simplification: kswapd runs between two page accesses of the program.")
            .arg(zoneName(static_cast<ZoneType>(e.order)), zonelist(m, static_cast<ZoneType>(e.order)))
            .arg(m.freePages());
    case EventType::KswapdSleep:
        if (e.a)
            return tr("balance_pgdat() made %1 passes in a row that reclaimed nothing (kswapd_failures reached "
                      "MAX_RECLAIM_RETRIES = 16): no page can be freed, for lack of swap space or because every page "
                      "is in use. kswapd0 sleeps, and wakeup_kswapd() leaves it asleep until some reclaim succeeds; "
                      "allocations now reclaim directly and finally call the OOM killer. The machine has %2 free "
                      "pages.")
                .arg(e.b)
                .arg(m.freePages());
        return tr("balance_pgdat() stops: a zone is above its high watermark again (pgdat_balanced()), with %1 free "
                  "pages in the machine. kswapd_try_to_sleep() puts kswapd0 to sleep until the next "
                  "wakeup_kswapd().")
            .arg(m.freePages());
    case EventType::Reclaim:
        return reclaimExplanation(m, e);
    case EventType::SwapOn:
        return tr("sys_swapon() (mm/swapfile.c) enables %1 as swap area %2: %3, %4 slots of one page each, priority "
                  "%5. Areas of higher priority fill first; equal priorities take turns. SwapTotal is now %6 kB and "
                  "CommitLimit grows with it; anonymous pages can be reclaimed only while swap has room.")
            .arg(interned(m, e.pfn))
            .arg(e.a)
            .arg(bytes(e.b * m.pageSize()))
            .arg(e.b)
            .arg(static_cast<std::int64_t>(e.c))
            .arg(m.pagesToKb(m.swap.totalPages()));
    case EventType::SwapOut:
        return tr("Reclaim chose the anonymous page in frame %1, so add_to_swap() (mm/swap_state.c) reserves %2 "
                  "(folio_alloc_swap() → get_swap_pages()) and puts the page in the swap cache, marked dirty: the "
                  "slot holds nothing yet, pageout() writes it next. try_to_unmap() then turns every page-table entry "
                  "mapping the page into that swap entry, so the next access faults into do_swap_page(). The area "
                  "has %3 in use.")
            .arg(pfn(e.pfn), swapSlot(m, e.a), swapAreaUse(m, e.a));
    case EventType::Writeback:
        if (e.flags & EventFlag::FileLru)
            return tr("pageout() (mm/vmscan.c) has the file system write the dirty page %1 of %2 from frame %3 back "
                      "to disk (->writepage()); once clean, the page can leave the page cache. pgpgout is now %4 kB. "
                      "Simplification: the write completes at once.")
                .arg(num(e.a), fileName(m, e.b), pfn(e.pfn), num(m.rc.pgpgout));
        return tr("pageout() (mm/vmscan.c) calls swap_writepage() (mm/page_io.c), which writes the %1 page in frame "
                  "%2 to %3. /proc/vmstat pswpout is now %4 (sar -W pswpout/s) and pgpgout %5 kB. Then the frame is "
                  "freed: the data lives only in swap, and the page-table entries hold the swap entry. "
                  "Simplification: the write completes at once.")
            .arg(bytes(m.pageSize()), pfn(e.pfn), swapSlot(m, e.a), num(m.rc.pswpout), num(m.rc.pgpgout));
    case EventType::SwapIn:
        return tr("do_swap_page() (mm/memory.c) allocated frame %1 for %2 and swap_read_folio() (mm/page_io.c) reads "
                  "%3 into it. pswpin is now %4 (sar -W pswpin/s). The page stays in the swap cache with its slot: if "
                  "it is not written, reclaim can drop it again without another write.")
            .arg(pfn(e.pfn), processLabel(m, e.pid), swapSlot(m, e.a), num(m.rc.pswpin));
    case EventType::SwapCacheDel:
        return tr("folio_free_swap() → delete_from_swap_cache() (mm/swap_state.c) takes the page in frame %1 out of "
                  "the swap cache and releases %2: no page-table entry refers to the slot any more, and the page was "
                  "written to (its copy in swap is stale) or swap is more than half full (vm_swap_full()). The area "
                  "has %3 in use; should the page be reclaimed again it needs a new slot and a new write.")
            .arg(pfn(e.pfn), swapSlot(m, e.a), swapAreaUse(m, e.a));
    case EventType::OomCandidates: {
        const std::int64_t adj = static_cast<std::int16_t>(e.flags & 0xFFFF);
        const QString who = processLabel(m, e.pid);
        if (adj == -1000)
            return tr("oom_evaluate_task() (mm/oom_kill.c) skips %1: its oom_score_adj is -1000, so oom_badness() "
                      "returns LONG_MIN and the OOM killer never chooses it. dump_tasks() still lists it in the "
                      "kernel log with rss %2, swapents %3 and %4 page-table pages.")
                .arg(who)
                .arg(e.b)
                .arg(e.c)
                .arg(e.pfn);
        const std::uint64_t sum = e.b + e.c + e.pfn;
        return tr("select_bad_process() → oom_evaluate_task() (mm/oom_kill.c) scores %1 with oom_badness(): rss %2 "
                  "+ swap entries %3 + page-table pages %4 = %5 pages, plus oom_score_adj %6 × totalpages / 1000, "
                  "%7 points in all. The task with the most points is killed; a later task with equal points "
                  "replaces an earlier one. dump_tasks() prints this row in the kernel log.")
            .arg(who)
            .arg(e.b)
            .arg(e.c)
            .arg(e.pfn)
            .arg(sum)
            .arg(adj)
            .arg(static_cast<std::int64_t>(e.a));
    }
    case EventType::OomKill:
        return oomExplanation(m, e);
    case EventType::KernelPanic:
        if (static_cast<PanicReason>(e.a) == PanicReason::PanicOnOom)
            return tr("out_of_memory() calls check_panic_on_oom() before choosing a victim: vm.panic_on_oom is %1, so "
                      "instead of killing a process the kernel calls panic(\"%2\"). The machine stops: nothing runs "
                      "any more and every later command is refused. Servers choose this (with kernel.panic = N to "
                      "reboot) when a clean restart is better than a machine missing a random process.")
                .arg(m.config.sysctl.panicOnOom)
                .arg(panicMessage(e.a));
        return tr("out_of_memory() found no process it may kill: select_bad_process() chose none, because every task "
                  "is init, a kernel thread or has oom_score_adj -1000. So the kernel calls panic(\"%1\"). The "
                  "machine stops: nothing runs any more and every later command is refused.")
            .arg(panicMessage(e.a));
    case EventType::ThpFault: {
        const int shift = hugeShift(m);
        const QString huge = bytes(std::uint64_t(1) << shift);
        const int order = shift - m.config.arch.pageShift;
        if (e.flags & EventFlag::Ok)
            return tr("%1 faults at %2 in an anonymous VMA with transparent huge pages enabled, and the %3-aligned "
                      "range around it lies inside the VMA. do_huge_pmd_anonymous_page() (mm/huge_memory.c) takes an "
                      "order-%4 block, frames %5, zeroes it and maps it with one PMD entry (PS bit): one fault for %6, "
                      "one TLB entry in the huge-page TLB. A PTE table is still allocated and deposited with the PMD "
                      "(pgtable_trans_huge_deposit), so that splitting the huge page later needs no memory; it counts "
                      "in PageTables. thp_fault_alloc counts the fault and AnonHugePages grows by %3.")
                .arg(processLabel(m, e.pid), hex(e.a), huge)
                .arg(order)
                .arg(pfnRange(e.pfn, order), pages(blockPages(order)));
        return tr("%1 faults at %2 where a %3 huge page would fit, but do_huge_pmd_anonymous_page() "
                  "(mm/huge_memory.c) finds no free order-%4 block (memory is low or fragmented). The fault falls "
                  "back to a normal %5 page (do_anonymous_page()) and thp_fault_fallback counts it. "
                  "Simplification: memviz has no khugepaged to collapse the range later.")
            .arg(processLabel(m, e.pid), hex(e.a), huge)
            .arg(order)
            .arg(bytes(m.pageSize()));
    }
    case EventType::OomScoreAdj: {
        const Process* p = m.proc(e.pid);
        const std::int64_t adj = static_cast<std::int64_t>(e.a);
        return tr("Writing %1 to /proc/%2/oom_score_adj (fs/proc/base.c; it was %4) changes how the OOM killer "
                  "weighs %3: oom_badness() adds oom_score_adj × totalpages / 1000 = %5 pages to its points. -1000 "
                  "makes it unkillable, 1000 makes it the first victim; children inherit the value across fork(). "
                  "/proc/%2/oom_score is now %6 (0 to 2000).")
            .arg(adj)
            .arg(e.pid)
            .arg(processLabel(m, e.pid))
            .arg(static_cast<std::int64_t>(e.c))
            .arg(adj * static_cast<std::int64_t>(reclaim::oomTotalPages(m) / 1000))
            .arg(p ? reclaim::oomScore(m, *p) : 0);
    }
    case EventType::DropCaches: {
        const QString slab = (e.a & 2)
            ? tr("drop_slab() (mm/vmscan.c) then runs the shrinkers of the reclaimable slab caches (dentries, inodes) "
                 "so that they free unused objects and empty slabs. memviz's slab caches have no shrinkers: their "
                 "objects belong to the script or to live processes, so drop_slab() frees nothing here.")
            : QString();
        const QString head = (e.a & 1)
            ? tr("Writing %1 to /proc/sys/vm/drop_caches makes drop_pagecache_sb() (fs/drop_caches.c) walk every "
                 "file's page cache and free the clean pages no process maps (invalidate_mapping_pages()): %2, %3. "
                 "Dirty and mapped pages stay; Cached is now %4 kB, and the next read of a dropped page is a major "
                 "fault again.")
                  .arg(e.a)
                  .arg(pages(e.b), bytes(e.b * m.pageSize()), num(computeMemInfo(m).cached))
            : tr("Writing %1 to /proc/sys/vm/drop_caches leaves the page cache alone (only 1 and 3 drop it).").arg(e.a);
        return slab.isEmpty() ? head : head + u' ' + slab;
    }
    case EventType::ThpSplit:
        return tr("split_huge_page() (mm/huge_memory.c) turns the order-%1 transparent huge page at %2 back into "
                  "%3 of %4, frames %5. First __split_huge_pmd() replaces every PMD that maps it by the PTE table "
                  "deposited with that PMD, filled with %6 entries pointing at consecutive frames, so no memory is "
                  "needed; then the folio becomes %6 order-0 pages on the LRU, next to each other. The bytes stay "
                  "where they are. The kernel splits when a munmap(), mprotect() or brk() cuts the huge page, when a "
                  "process writes to one it shares after fork(), and when reclaim wants to swap it out. "
                  "thp_split_page and thp_split_pmd in /proc/vmstat count it.")
            .arg(o)
            .arg(hex(e.a), pages(blockPages(o)), bytes(m.pageSize()), pfnRange(e.pfn, o), num(blockPages(o)));
    case EventType::MadviseRegion:
        switch (e.order) {
        case Madv::HugePage:
            return tr("madvise(MADV_HUGEPAGE) marks [%1, %2) of %3 VM_HUGEPAGE (hugepage_madvise(), splitting VMAs "
                      "at the edges). With transparent_hugepage/enabled = madvise only such ranges get huge pages "
                      "at fault time; with always every private anonymous range does.")
                .arg(hex(e.a), hex(e.b), processLabel(m, e.pid));
        case Madv::NoHugePage:
            return tr("madvise(MADV_NOHUGEPAGE) marks [%1, %2) of %3 VM_NOHUGEPAGE: no transparent huge pages there "
                      "from now on, even with transparent_hugepage/enabled = always. Huge pages already mapped stay.")
                .arg(hex(e.a), hex(e.b), processLabel(m, e.pid));
        default:
            return tr("madvise(MADV_DONTNEED) drops the pages of [%1, %2) in %3 (zap_page_range_single()): the "
                      "entries are cleared and the anonymous pages freed; the next access faults in a zero page "
                      "again. A huge page only partly in the range is split first.")
                .arg(hex(e.a), hex(e.b), processLabel(m, e.pid));
        }
    case EventType::HugetlbPool:
        return hugetlbExplanation(m, e);
    case EventType::SlabCacheNew:
        return slabCacheNewExplanation(m, e);
    case EventType::SlabGrow:
        return slabGrowExplanation(m, e);
    case EventType::SlabAlloc:
        return slabAllocExplanation(m, e);
    case EventType::SlabFree:
        return slabFreeExplanation(m, e);
    case EventType::SlabShrink:
        return slabShrinkExplanation(m, e);
    case EventType::Kmalloc:
        return kmallocExplanation(m, e);
    case EventType::Vmalloc:
        return vmallocExplanation(m, e);
    case EventType::Vfree:
        return vfreeExplanation(m, e);
    case EventType::Kmap:
        return kmapExplanation(m, e);
    case EventType::Kunmap:
        return kunmapExplanation(m, e);
    case EventType::NodeFallback:
        return nodeFallbackExplanation(m, e);
    case EventType::Count:
        break;
    }
    return tr("memviz does not know this kind of event.");
}

} // namespace memviz
