#include "stats/ProcFiles.h"

#include "sim/Machine.h"
#include "stats/MemInfo.h"

#include <cstdio>

namespace memviz {

namespace {

void appendf(std::string& out, const char* fmt, auto... args)
{
    char buf[256];
    const int n = std::snprintf(buf, sizeof buf, fmt, args...);
    if (n > 0) out.append(buf, static_cast<std::size_t>(n < static_cast<int>(sizeof buf) ? n : sizeof buf - 1));
}

using ull = unsigned long long;

} // namespace

std::string formatBuddyinfo(const Machine& m)
{
    std::string out;
    for (const Node& n : m.nodes)
        for (std::uint8_t zid : n.zones) {
            const Zone& z = m.zones[zid];
            if (!z.populated()) continue;
            appendf(out, "Node %d, zone %8s ", n.id, std::string(zoneTypeName(z.type)).c_str());
            for (int o = 0; o < kNrOrders; ++o) appendf(out, "%6llu ", static_cast<ull>(z.freeArea[static_cast<std::size_t>(o)].nrFree));
            out.push_back('\n');
        }
    return out;
}

std::string formatZoneinfo(const Machine& m)
{
    std::string out;
    for (const Node& n : m.nodes) {
        bool firstPopulated = true;
        for (std::uint8_t zid : n.zones) {
            const Zone& z = m.zones[zid];
            appendf(out, "Node %d, zone %8s", n.id, std::string(zoneTypeName(z.type)).c_str());
            if (z.populated() && firstPopulated) {
                firstPopulated = false;
                // Per-node stats of the counters the simulator keeps so far.
                out.append("\n  per-node stats");
                appendf(out, "\n      %-12s %llu", "nr_inactive_anon", 0ull);
                appendf(out, "\n      %-12s %llu", "nr_active_anon", 0ull);
                appendf(out, "\n      %-12s %llu", "nr_inactive_file", 0ull);
                appendf(out, "\n      %-12s %llu", "nr_active_file", 0ull);
                appendf(out, "\n      %-12s %llu", "nr_unevictable", 0ull);
            }
            appendf(out,
                    "\n  pages free     %llu"
                    "\n        boost    %llu"
                    "\n        min      %llu"
                    "\n        low      %llu"
                    "\n        high     %llu"
                    "\n        promo    %llu"
                    "\n        spanned  %llu"
                    "\n        present  %llu"
                    "\n        managed  %llu"
                    "\n        cma      %llu",
                    static_cast<ull>(z.freePages), static_cast<ull>(z.watermarkBoost), static_cast<ull>(z.mark(Wmark::Min)),
                    static_cast<ull>(z.mark(Wmark::Low)), static_cast<ull>(z.mark(Wmark::High)),
                    static_cast<ull>(z.mark(Wmark::Promo)), static_cast<ull>(z.spanned), static_cast<ull>(z.present),
                    static_cast<ull>(z.managed), 0ull);
            appendf(out, "\n        protection: (%lld", static_cast<long long>(z.lowmemReserve[0]));
            for (std::size_t i = 1; i < n.zones.size(); ++i)
                appendf(out, ", %lld", static_cast<long long>(z.lowmemReserve[i]));
            out.push_back(')');
            if (!z.populated()) {
                out.push_back('\n');
                continue;
            }
            appendf(out, "\n      %-12s %llu", "nr_free_pages", static_cast<ull>(z.freePages));
            appendf(out, "\n  pagesets");
            appendf(out, "\n    cpu: %i\n              count:    %i\n              high:     %i\n              batch:    %i",
                    0, 0, 0, 1);
            appendf(out, "\n  vm stats threshold: %d", 0);
            appendf(out, "\n  node_unreclaimable:  %u\n  start_pfn:           %llu", 0u, static_cast<ull>(z.startPfn));
            out.push_back('\n');
        }
    }
    return out;
}

std::string formatMeminfo(const Machine& m)
{
    const MemInfo i = computeMemInfo(m);
    std::string out;
    auto line = [&](const char* label, std::uint64_t kb) {
        out.append(label);
        appendf(out, "%8llu kB\n", static_cast<ull>(kb));
    };
    line("MemTotal:       ", i.memTotal);
    line("MemFree:        ", i.memFree);
    line("MemAvailable:   ", i.memAvailable);
    line("Buffers:        ", i.buffers);
    line("Cached:         ", i.cached);
    line("SwapCached:     ", i.swapCached);
    if (i.hasHighmem) {
        line("HighTotal:      ", i.highTotal);
        line("HighFree:       ", i.highFree);
        line("LowTotal:       ", i.lowTotal);
        line("LowFree:        ", i.lowFree);
    }
    line("SwapTotal:      ", i.swapTotal);
    line("SwapFree:       ", i.swapFree);
    line("Shmem:          ", i.shmem);
    line("CommitLimit:    ", i.commitLimit);
    line("Committed_AS:   ", i.committedAs);
    return out;
}

std::string formatVmstat(const Machine& m)
{
    std::string out;
    auto line = [&](const char* name, std::uint64_t v) { appendf(out, "%s %llu\n", name, static_cast<ull>(v)); };
    line("nr_free_pages", m.freePages());
    static const char* const pgallocNames[] = {"pgalloc_dma", "pgalloc_dma32", "pgalloc_normal", "pgalloc_high",
                                               "pgalloc_movable", "pgalloc_device"};
    const bool is32 = m.config.arch.is32bit;
    for (int t = 0; t < static_cast<int>(ZoneType::Count); ++t) {
        const auto zt = static_cast<ZoneType>(t);
        if (zt == ZoneType::Device) continue;
        if (zt == ZoneType::DMA32 && is32) continue;
        if (zt == ZoneType::HighMem && !is32) continue;
        line(pgallocNames[t], m.vm.pgalloc[static_cast<std::size_t>(t)]);
    }
    line("pgfree", m.vm.pgfree);
    return out;
}

} // namespace memviz
