#include "check/Checker.h"

#include "sim/Machine.h"

#include <cstdio>

namespace memviz {

const char* violationName(Violation v)
{
    switch (v) {
    case Violation::OrphanTail: return "OrphanTail";
    case Violation::MisalignedBlock: return "MisalignedBlock";
    case Violation::BlockOverlap: return "BlockOverlap";
    case Violation::BlockCrossesZone: return "BlockCrossesZone";
    case Violation::BadOrder: return "BadOrder";
    case Violation::FreeNotOnList: return "FreeNotOnList";
    case Violation::ListEntryNotFree: return "ListEntryNotFree";
    case Violation::ListWrongZone: return "ListWrongZone";
    case Violation::ListBrokenLinks: return "ListBrokenLinks";
    case Violation::NrFreeMismatch: return "NrFreeMismatch";
    case Violation::FreePagesMismatch: return "FreePagesMismatch";
    case Violation::ManagedMismatch: return "ManagedMismatch";
    case Violation::InHandAtRest: return "InHandAtRest";
    }
    return "?";
}

std::string describe(const Finding& f)
{
    char buf[128];
    std::snprintf(buf, sizeof buf, "%s at pfn %llu (zone %d, order %d)", violationName(f.what),
                  static_cast<unsigned long long>(f.pfn), f.zone, f.order);
    return buf;
}

std::vector<Finding> checkMachine(const Machine& m, bool atRest)
{
    std::vector<Finding> out;
    const FrameTable& ft = m.frames;
    const Pfn n = ft.size();
    auto report = [&](Violation v, Pfn p, int zone = -1, int order = -1) {
        if (out.size() < 64) out.push_back({v, p, zone, order});
    };

    // 1. Walk frames in address order: each head owns exactly 2^order frames, all Tail.
    std::vector<std::uint64_t> freeHeadsPerZoneOrder(m.zones.size() * kNrOrders, 0);
    std::vector<std::uint64_t> reservedPerZone(m.zones.size(), 0);
    std::vector<std::uint64_t> holesPerZone(m.zones.size(), 0);
    Pfn p = 0;
    while (p < n) {
        const FrameState s = ft.state(p);
        const int zid = m.zoneOf(p);
        if (s == FrameState::Tail) {
            report(Violation::OrphanTail, p, zid);
            ++p;
            continue;
        }
        const int order = ft.order(p);
        if (order > kMaxOrder) {
            report(Violation::BadOrder, p, zid, order);
            ++p;
            continue;
        }
        const Pfn size = Pfn(1) << order;
        if (p & (size - 1)) report(Violation::MisalignedBlock, p, zid, order);
        if (s == FrameState::Hole && zid == kNoZone) { ++p; continue; } // pfn 0 lies before every zone
        if (zid < 0 || zid == kNoZone || p + size > m.zones[static_cast<std::size_t>(zid)].endPfn()) {
            report(Violation::BlockCrossesZone, p, zid, order);
        }
        if (isReserved(s) && zid != kNoZone) ++reservedPerZone[static_cast<std::size_t>(zid)];
        if (s == FrameState::Hole && zid != kNoZone) ++holesPerZone[static_cast<std::size_t>(zid)];
        if (s == FrameState::Free && zid != kNoZone)
            ++freeHeadsPerZoneOrder[static_cast<std::size_t>(zid) * kNrOrders + static_cast<std::size_t>(order)];
        if (s == FrameState::InHand && atRest) report(Violation::InHandAtRest, p, zid, order);
        Pfn q = p + 1;
        for (; q < p + size && q < n; ++q)
            if (ft.state(q) != FrameState::Tail) {
                report(Violation::BlockOverlap, q, zid, order);
                break;
            }
        p = q;
    }

    // 2. Free lists: linked both ways, right zone/order/state, lengths match.
    for (std::size_t z = 0; z < m.zones.size(); ++z) {
        const Zone& zone = m.zones[z];
        std::uint64_t pages = 0;
        for (int o = 0; o < kNrOrders; ++o) {
            const FreeArea& fa = zone.freeArea[static_cast<std::size_t>(o)];
            std::uint64_t len = 0;
            std::uint32_t prev = kNil;
            std::uint32_t cur = fa.head;
            bool broken = false;
            while (cur != kNil) {
                if (cur >= n || len > n) {
                    broken = true;
                    break;
                }
                if (ft.prev(cur) != prev) broken = true;
                if (!zone.contains(cur)) report(Violation::ListWrongZone, cur, static_cast<int>(z), o);
                if (ft.state(cur) != FrameState::Free || ft.order(cur) != o)
                    report(Violation::ListEntryNotFree, cur, static_cast<int>(z), o);
                ++len;
                prev = cur;
                cur = ft.next(cur);
            }
            if (broken || fa.tail != prev) report(Violation::ListBrokenLinks, prev == kNil ? 0 : prev, static_cast<int>(z), o);
            if (len != fa.nrFree) report(Violation::NrFreeMismatch, fa.head == kNil ? 0 : fa.head, static_cast<int>(z), o);
            if (freeHeadsPerZoneOrder[z * kNrOrders + static_cast<std::size_t>(o)] != fa.nrFree)
                report(Violation::FreeNotOnList, fa.head == kNil ? 0 : fa.head, static_cast<int>(z), o);
            pages += fa.nrFree << o;
        }
        if (pages != zone.freePages) report(Violation::FreePagesMismatch, zone.startPfn, static_cast<int>(z));
        if (zone.populated()
            && (zone.managed + reservedPerZone[z] != zone.present || zone.present + holesPerZone[z] != zone.spanned))
            report(Violation::ManagedMismatch, zone.startPfn, static_cast<int>(z));
        if (atRest && zone.workPfn != kNil) report(Violation::InHandAtRest, zone.workPfn, static_cast<int>(z));
    }
    return out;
}

} // namespace memviz
