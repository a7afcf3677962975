#include "sim/Event.h"

#include "sim/Machine.h"
#include "sim/Sysctl.h"
#include "util/Json.h"

#include <iterator>

namespace memviz {

std::string_view eventTypeName(EventType t)
{
    switch (t) {
    case EventType::BuddyAlloc:
        return "BuddyAlloc";
    case EventType::BuddySplit:
        return "BuddySplit";
    case EventType::BuddyFree:
        return "BuddyFree";
    case EventType::BuddyMerge:
        return "BuddyMerge";
    case EventType::BuddyListAdd:
        return "BuddyListAdd";
    case EventType::ZoneCheck:
        return "ZoneCheck";
    case EventType::SlowPath:
        return "SlowPath";
    case EventType::AllocFailed:
        return "AllocFailed";
    case EventType::WatermarkCrossed:
        return "WatermarkCrossed";
    case EventType::ProcessNew:
        return "ProcessNew";
    case EventType::ProcessExit:
        return "ProcessExit";
    case EventType::MmapRegion:
        return "MmapRegion";
    case EventType::MunmapRegion:
        return "MunmapRegion";
    case EventType::MprotectRegion:
        return "MprotectRegion";
    case EventType::BrkSet:
        return "BrkSet";
    case EventType::MallocChunk:
        return "MallocChunk";
    case EventType::PteSet:
        return "PteSet";
    case EventType::FrameOwner:
        return "FrameOwner";
    case EventType::PageCacheAdd:
        return "PageCacheAdd";
    case EventType::FileNew:
        return "FileNew";
    case EventType::FileWrite:
        return "FileWrite";
    case EventType::PhysWrite:
        return "PhysWrite";
    case EventType::TlbLookup:
        return "TlbLookup";
    case EventType::TlbFill:
        return "TlbFill";
    case EventType::TlbFlush:
        return "TlbFlush";
    case EventType::WalkStep:
        return "WalkStep";
    case EventType::PageFault:
        return "PageFault";
    case EventType::CowCopy:
        return "CowCopy";
    case EventType::ContextSwitch:
        return "ContextSwitch";
    case EventType::SetPageTableBase:
        return "SetPageTableBase";
    case EventType::TranslateDone:
        return "TranslateDone";
    case EventType::SysctlSet:
        return "SysctlSet";
    case EventType::CommitRefused:
        return "CommitRefused";
    case EventType::Clock:
        return "Clock";
    case EventType::LruMove:
        return "LruMove";
    case EventType::KswapdWake:
        return "KswapdWake";
    case EventType::KswapdSleep:
        return "KswapdSleep";
    case EventType::Reclaim:
        return "Reclaim";
    case EventType::SwapOn:
        return "SwapOn";
    case EventType::SwapOut:
        return "SwapOut";
    case EventType::Writeback:
        return "Writeback";
    case EventType::SwapIn:
        return "SwapIn";
    case EventType::SwapCacheDel:
        return "SwapCacheDel";
    case EventType::OomCandidates:
        return "OomCandidates";
    case EventType::OomKill:
        return "OomKill";
    case EventType::KernelPanic:
        return "KernelPanic";
    case EventType::ThpFault:
        return "ThpFault";
    case EventType::OomScoreAdj:
        return "OomScoreAdj";
    case EventType::DropCaches:
        return "DropCaches";
    case EventType::ThpSplit:
        return "ThpSplit";
    case EventType::MadviseRegion:
        return "MadviseRegion";
    case EventType::HugetlbPool:
        return "HugetlbPool";
    case EventType::SlabCacheNew:
        return "SlabCacheNew";
    case EventType::SlabGrow:
        return "SlabGrow";
    case EventType::SlabAlloc:
        return "SlabAlloc";
    case EventType::SlabFree:
        return "SlabFree";
    case EventType::SlabShrink:
        return "SlabShrink";
    case EventType::Kmalloc:
        return "Kmalloc";
    case EventType::Vmalloc:
        return "Vmalloc";
    case EventType::Vfree:
        return "Vfree";
    case EventType::Kmap:
        return "Kmap";
    case EventType::Kunmap:
        return "Kunmap";
    case EventType::NodeFallback:
        return "NodeFallback";
    case EventType::Count:
        break;
    }
    return "?";
}

bool eventTypeFromName(std::string_view name, EventType* out)
{
    for (int t = 0; t < static_cast<int>(EventType::Count); ++t)
        if (eventTypeName(static_cast<EventType>(t)) == name) {
            *out = static_cast<EventType>(t);
            return true;
        }
    return false;
}

namespace {

const char* flushKindName(TlbFlushKind k)
{
    switch (k) {
    case TlbFlushKind::All:
        return "all";
    case TlbFlushKind::NonGlobal:
        return "non-global";
    case TlbFlushKind::Asid:
        return "pcid";
    case TlbFlushKind::Page:
        return "page";
    case TlbFlushKind::Mm:
        return "mm";
    }
    return "?";
}

std::string_view lruName(int l)
{
    return l == kNoLru ? std::string_view("none") : lruListName(static_cast<LruList>(l));
}

std::string protString(std::uint64_t prot)
{
    std::string s = "---";
    if (prot & Prot::Read) s[0] = 'r';
    if (prot & Prot::Write) s[1] = 'w';
    if (prot & Prot::Exec) s[2] = 'x';
    return s;
}

std::string cacheName(const Machine& m, std::uint64_t id)
{
    return id < m.kmem.caches.size() ? m.str(m.kmem.caches[id].name) : std::to_string(id);
}

void appendVmEventFields(JsonObjectWriter& w, const Machine& m, const Event& e)
{
    if (e.pid) w.field("pid", static_cast<std::uint64_t>(e.pid));
    switch (e.type) {
    case EventType::ProcessNew:
        w.field("ppid", e.a).field("comm", m.str(static_cast<std::uint32_t>(e.b))).field("pgd", e.pfn);
        if (m.nodes.size() > 1) w.field("node", e.c);
        w.field("fork", (e.flags & EventFlag::Fork) != 0);
        break;
    case EventType::ProcessExit:
        w.field("signal", e.a).field("status", e.b);
        break;
    case EventType::MmapRegion: {
        w.field("start", e.a).field("end", e.b).field("prot", protString(e.order));
        w.field("shared", (e.flags & VmaFlag::Shared) != 0);
        if (e.flags & VmaFlag::Hugetlb) w.field("hugetlb", true);
        const auto file = static_cast<std::uint32_t>(e.c & 0xFFFFFFFFu);
        const auto name = static_cast<std::uint32_t>(e.c >> 32);
        if (file != kNoFile && file < m.files.size()) w.field("file", m.str(m.files[file].name)).field("pgoff", e.pfn);
        if (name) w.field("name", m.str(name));
        break;
    }
    case EventType::MunmapRegion:
        w.field("start", e.a).field("end", e.b);
        break;
    case EventType::MprotectRegion:
        w.field("start", e.a).field("end", e.b).field("prot", protString(e.order));
        break;
    case EventType::BrkSet:
        w.field("old", e.a).field("new", e.b);
        break;
    case EventType::MallocChunk:
        w.field("addr", e.a).field("size", e.b).field("free", (e.flags & EventFlag::Free) != 0);
        w.field("mmapped", (e.flags & EventFlag::Mmapped) != 0);
        break;
    case EventType::PteSet:
        w.field("table", e.pfn).field("level", e.order).field("index", e.a).field("value", e.b).field("old", e.c);
        break;
    case EventType::FrameOwner:
        w.field("pfn", e.pfn).field("use", frameStateName(static_cast<FrameState>(e.a))).field("owner", e.b);
        if (e.flags & EventFlag::Deposit) w.field("deposit_pmd", e.c);
        break;
    case EventType::PageCacheAdd:
        w.field("pfn", e.pfn).field("file", e.a).field("index", e.b);
        break;
    case EventType::FileNew:
        w.field("file", e.a).field("size", e.b).field("path", m.str(static_cast<std::uint32_t>(e.c)));
        break;
    case EventType::FileWrite:
        w.field("file", e.a).field("offset", e.b).field("bytes", e.order);
        break;
    case EventType::PhysWrite:
        w.field("paddr", e.a).field("bytes", e.order).field("value", e.b);
        break;
    case EventType::TlbLookup:
        w.field("vaddr", e.a).field("hit", (e.flags & EventFlag::Hit) != 0).field("set", e.b);
        if (e.flags & EventFlag::Hit) w.field("way", e.pfn).field("repeats", e.c);
        w.field("write", (e.flags & AccessFlag::Write) != 0);
        if (e.flags & EventFlag::Huge) w.field("huge", true);
        break;
    case EventType::TlbFill:
        w.field("vaddr", e.a).field("pfn", e.pfn).field("set", e.b).field("way", e.c);
        w.field("retry", (e.flags & EventFlag::Retry) != 0);
        if (e.flags & EventFlag::Huge) w.field("huge", true);
        break;
    case EventType::TlbFlush:
        w.field("kind", flushKindName(static_cast<TlbFlushKind>((e.flags >> EventFlag::FlushKindShift) & 0xF)));
        w.field("vaddr", e.a).field("entries", e.b);
        if (e.c) w.field("pcid", e.c);
        break;
    case EventType::WalkStep: {
        const auto& levels = m.config.arch.levels;
        if (e.order < levels.size()) w.field("level", levels[e.order].name);
        w.field("index", e.a).field("table", e.pfn).field("entry_addr", e.b).field("entry", e.c);
        w.field("valid", (e.flags & EventFlag::Valid) != 0).field("leaf", (e.flags & EventFlag::Leaf) != 0);
        if (e.flags & EventFlag::Huge) w.field("huge", true);
        break;
    }
    case EventType::PageFault:
        w.field("vaddr", e.a).field("kind", faultKindName(static_cast<FaultKind>(e.order)));
        w.field("write", (e.flags & AccessFlag::Write) != 0).field("major", (e.flags & AccessFlag::Major) != 0);
        break;
    case EventType::CowCopy:
        w.field("vaddr", e.a)
            .field("from", e.pfn)
            .field("to", e.b)
            .field("zero_fill", (e.flags & EventFlag::ZeroFill) != 0);
        if (e.flags & EventFlag::Huge) w.field("huge", true);
        break;
    case EventType::ContextSwitch:
        w.field("from", e.a).field("cr3", e.b).field("pcid", e.c).field("flush", (e.flags & EventFlag::Flushed) != 0);
        break;
    case EventType::SetPageTableBase:
        w.field("pfn", e.pfn).field("old", e.a);
        break;
    case EventType::SysctlSet:
        w.field("name", sysctlInfo(static_cast<Sysctl>(e.a)).name).field("value", e.b).field("old", e.c);
        break;
    case EventType::CommitRefused:
        w.field("pages", e.a).field("committed", e.b).field("allowed", e.c).field("mode", e.order);
        break;
    case EventType::Clock:
        w.field("ns", e.a).field("sleep", (e.flags & EventFlag::Sleep) != 0);
        break;
    case EventType::LruMove:
        w.field("pfn", e.pfn).field("from", lruName(e.order >> 4)).field("to", lruName(e.order & 0xF));
        w.field("referenced", (e.flags & EventFlag::Referenced) != 0);
        break;
    case EventType::KswapdWake:
        w.field("highest_zone", zoneTypeName(static_cast<ZoneType>(e.order)));
        break;
    case EventType::KswapdSleep:
        w.field("gave_up", e.a != 0);
        break;
    case EventType::Reclaim:
        w.field("scanned", e.a).field("reclaimed", e.b).field("priority", e.order);
        w.field("direct", (e.flags & EventFlag::Direct) != 0).field("active", (e.flags & EventFlag::Active) != 0);
        w.field("file", (e.flags & EventFlag::FileLru) != 0);
        break;
    case EventType::SwapOn:
        w.field("type", e.a).field("pages", e.b).field("priority", static_cast<std::int64_t>(e.c));
        w.field("name", m.str(static_cast<std::uint32_t>(e.pfn)));
        break;
    case EventType::SwapOut:
    case EventType::SwapIn:
    case EventType::SwapCacheDel:
        w.field("pfn", e.pfn).field("swap_type", static_cast<std::uint64_t>(SwapEntry::type(static_cast<std::uint32_t>(e.a))));
        w.field("swap_offset", SwapEntry::offset(static_cast<std::uint32_t>(e.a)));
        break;
    case EventType::Writeback:
        w.field("pfn", e.pfn).field("file", (e.flags & EventFlag::FileLru) != 0);
        if (e.flags & EventFlag::FileLru)
            w.field("file_id", e.b).field("index", e.a);
        else
            w.field("swap_offset", SwapEntry::offset(static_cast<std::uint32_t>(e.a)));
        break;
    case EventType::OomCandidates:
        w.field("points", static_cast<std::int64_t>(e.a)).field("rss", e.b).field("swapents", e.c);
        w.field("pgtables", e.pfn).field("oom_score_adj", static_cast<std::int64_t>(static_cast<std::int16_t>(e.flags & 0xFFFF)));
        break;
    case EventType::OomKill:
        w.field("points", static_cast<std::int64_t>(e.a)).field("totalpages", e.b).field("trigger", e.c);
        w.field("allocating_task", (e.flags & EventFlag::AllocTask) != 0);
        break;
    case EventType::KernelPanic:
        w.field("reason", e.a);
        break;
    case EventType::ThpFault:
        w.field("vaddr", e.a).field("huge", (e.flags & EventFlag::Ok) != 0).field("pfn", e.pfn);
        break;
    case EventType::OomScoreAdj:
        w.field("value", static_cast<std::int64_t>(e.a)).field("old", static_cast<std::int64_t>(e.c));
        break;
    case EventType::DropCaches:
        w.field("value", e.a).field("pages", e.b);
        break;
    case EventType::ThpSplit:
        w.field("pfn", e.pfn).field("order", e.order).field("vaddr", e.a);
        break;
    case EventType::MadviseRegion:
        w.field("start", e.a).field("end", e.b).field("advice", e.order);
        break;
    case EventType::HugetlbPool: {
        static constexpr const char* ops[] = { "grow", "shrink", "surplus", "reserve", "unreserve", "dequeue",
            "enqueue", "release", "no_page", "no_reserve" };
        w.field("op", e.order < std::size(ops) ? ops[e.order] : "?");
        switch (static_cast<HugetlbOp>(e.order)) {
        case HugetlbOp::Surplus: w.field("delta", static_cast<std::int64_t>(e.a)); break;
        case HugetlbOp::Reserve:
        case HugetlbOp::Unreserve: w.field("pages", e.a); break;
        case HugetlbOp::Dequeue: w.field("pfn", e.pfn).field("reserved", (e.flags & EventFlag::Ok) != 0); break;
        case HugetlbOp::NoPage: w.field("vaddr", e.a); break;
        case HugetlbOp::NoReserve: w.field("bytes", e.a); break;
        default: w.field("pfn", e.pfn); break;
        }
        break;
    }
    case EventType::SlabCacheNew:
        w.field("cache", e.c).field("name", m.str(static_cast<std::uint32_t>(e.pfn))).field("size", e.a);
        w.field("align", e.b).field("flags", static_cast<std::uint64_t>(e.flags));
        break;
    case EventType::SlabGrow:
    case EventType::SlabShrink:
        w.field("cache", cacheName(m, e.b)).field("pfn", e.pfn).field("order", e.order);
        break;
    case EventType::SlabAlloc:
    case EventType::SlabFree:
        w.field("cache", cacheName(m, e.b)).field("pfn", e.pfn).field("object", e.c).field("addr", e.a);
        break;
    case EventType::Kmalloc:
        w.field("addr", e.a).field("size", e.b).field("free", (e.flags & EventFlag::Free) != 0);
        if (e.c == kNoCache)
            w.field("pfn", e.pfn).field("order", e.order);
        else
            w.field("cache", cacheName(m, e.c));
        break;
    case EventType::Vmalloc:
        if (e.order == static_cast<std::uint8_t>(VmallocOp::Reserve))
            w.field("op", "reserve").field("addr", e.a).field("size", e.b).field("requested", e.pfn)
                .field("stack", e.c == static_cast<std::uint64_t>(VmAreaKind::Stack));
        else if (e.order == static_cast<std::uint8_t>(VmallocOp::Map))
            w.field("op", "map").field("addr", e.a).field("pfn", e.pfn).field("index", e.c);
        else // kmem::kVmallocDirectStack: an x86-32 kernel stack, an order-1 lowmem block
            w.field("op", "stack").field("addr", e.a).field("pfn", e.pfn).field("size", e.b);
        break;
    case EventType::Vfree:
        w.field("addr", e.a).field("size", e.b).field("stack", e.c == static_cast<std::uint64_t>(VmAreaKind::Stack));
        if (e.order != 0) w.field("pfn", e.pfn); // kmem::kVmallocDirectStack
        break;
    case EventType::Kmap:
    case EventType::Kunmap: {
        static constexpr const char* kinds[] = { "pkmap", "local", "direct", "flush" };
        w.field("kind", e.order < std::size(kinds) ? kinds[e.order] : "?");
        if (e.order == static_cast<std::uint8_t>(KmapKind::Flush))
            w.field("slots", e.a);
        else if (e.order == static_cast<std::uint8_t>(KmapKind::Direct))
            w.field("pfn", e.pfn).field("addr", e.a);
        else // Pkmap: count = pkmap_count[] after; Local: count = kmap_local slots in use after
            w.field("pfn", e.pfn).field("addr", e.a).field("slot", e.c).field("count", e.b);
        break;
    }
    case EventType::NodeFallback:
        w.field("preferred_node", e.a).field("node", e.b).field("pfn", e.pfn).field("order", e.order);
        break;
    case EventType::TranslateDone:
        w.field("vaddr", e.a).field("ok", (e.flags & EventFlag::Valid) != 0);
        if (e.flags & EventFlag::Valid)
            w.field("paddr", e.b);
        else
            w.field("fault_level", e.c);
        break;
    default:
        break;
    }
}

} // namespace

void appendEventJson(std::string& out, const Machine& m, std::uint64_t seq, const Event& e)
{
    JsonObjectWriter w(out);
    w.field("seq", seq).field("cmd", static_cast<std::uint64_t>(e.cmd)).field("type", eventTypeName(e.type));
    w.field("time_ns", e.time);
    if (e.zone < m.zones.size()) {
        const Zone& z = m.zones[e.zone];
        if (m.nodes.size() > 1) w.field("node", static_cast<std::uint64_t>(z.node));
        w.field("zone", zoneTypeName(z.type));
    }
    const auto mark = static_cast<Wmark>(e.flags & EventFlag::MarkMask);
    switch (e.type) {
    case EventType::BuddyAlloc:
        w.field("order", e.order).field("pfn", e.pfn).field("from_order", e.a);
        break;
    case EventType::BuddySplit:
        w.field("order", e.order).field("pfn", e.pfn).field("upper", e.a);
        break;
    case EventType::BuddyFree:
        w.field("order", e.order).field("pfn", e.pfn);
        break;
    case EventType::BuddyMerge:
        w.field("order", e.order).field("pfn", e.pfn).field("buddy", e.a).field("merged", e.b);
        break;
    case EventType::BuddyListAdd:
        w.field("order", e.order).field("pfn", e.pfn).field("tail", (e.flags & EventFlag::Tail) != 0);
        if (e.flags & EventFlag::Tail) w.field("likely_buddy", e.a);
        break;
    case EventType::ZoneCheck:
        w.field("order", e.order).field("free", e.a).field("mark", wmarkName(mark)).field("mark_pages", e.b);
        w.field("reserve", e.c).field("ok", (e.flags & EventFlag::Ok) != 0);
        break;
    case EventType::SlowPath:
    case EventType::AllocFailed:
        w.field("order", e.order).field("highest_zone", zoneTypeName(static_cast<ZoneType>(e.flags)));
        break;
    case EventType::WatermarkCrossed:
        w.field("mark", wmarkName(mark)).field("direction", (e.flags & EventFlag::Below) ? "below" : "above");
        w.field("free", e.a).field("mark_pages", e.b);
        break;
    default:
        appendVmEventFields(w, m, e);
        break;
    case EventType::Count:
        break;
    }
    w.close();
}

} // namespace memviz
