// numactl --hardware, numastat and the /sys/devices/system/node files, with the real
// tools' and the kernel's format strings (each quoted where it is used).
#include "stats/Numa.h"

#include "phys/Numa.h"
#include "sim/Machine.h"
#include "stats/MemInfo.h"
#include "stats/Printf.h"

#include <algorithm>

namespace memviz {

namespace {

using ull = unsigned long long;

struct NodeMem {
    std::uint64_t totalKb = 0, freeKb = 0;
};

/// si_meminfo_node(): the managed and free pages of the node's zones.
NodeMem nodeMem(const Machine& m, int node)
{
    NodeMem r;
    std::uint64_t managed = 0, free = 0;
    for (std::uint8_t zid : m.nodes[static_cast<std::size_t>(node)].zones) {
        managed += m.zones[zid].managed;
        free += m.zones[zid].freePages;
    }
    r.totalKb = m.pagesToKb(managed);
    r.freeKb = m.pagesToKb(free);
    return r;
}

int nodeCount(const Machine& m)
{
    return static_cast<int>(m.nodes.size());
}

bool validNode(const Machine& m, int node)
{
    return numaAvailable(m) && node >= 0 && node < nodeCount(m);
}

/// "%*pbl": a CPU list as ranges ("0-6,9").
std::string cpuList(const std::vector<int>& cpus)
{
    std::string s;
    for (std::size_t i = 0; i < cpus.size();) {
        std::size_t j = i;
        while (j + 1 < cpus.size() && cpus[j + 1] == cpus[j] + 1) ++j;
        if (!s.empty()) s.push_back(',');
        s += std::to_string(cpus[i]);
        if (j > i) s += "-" + std::to_string(cpus[j]);
        i = j + 1;
    }
    return s;
}

/// node_read_meminfo() of Linux 6.12 on x86-64 (no CONFIG_HIGHMEM, no shadow call stack,
/// CONFIG_TRANSPARENT_HUGEPAGE and CONFIG_UNACCEPTED_MEMORY), then hugetlb_report_node_meminfo().
std::string nodeMeminfo(const Machine& m, int node)
{
    const NodeMem nm = nodeMem(m, node);
    MemInfo i;
    if (node == 0) i = computeMemInfo(m); // the machine's node counters live on node 0 (see Numa.h)
    std::string out;
    auto kb = [&](const char* label, std::uint64_t v) {
        appendf(out, "Node %d %s%8lu kB\n", node, label, static_cast<unsigned long>(v));
    };
    kb("MemTotal:       ", nm.totalKb);
    kb("MemFree:        ", nm.freeKb);
    kb("MemUsed:        ", nm.totalKb - nm.freeKb);
    kb("SwapCached:     ", i.swapCached);
    kb("Active:         ", i.activeAnon + i.activeFile);
    kb("Inactive:       ", i.inactiveAnon + i.inactiveFile);
    kb("Active(anon):   ", i.activeAnon);
    kb("Inactive(anon): ", i.inactiveAnon);
    kb("Active(file):   ", i.activeFile);
    kb("Inactive(file): ", i.inactiveFile);
    kb("Unevictable:    ", i.unevictable);
    kb("Mlocked:        ", i.mlocked);
    kb("Dirty:          ", i.dirty);
    kb("Writeback:      ", i.writeback);
    kb("FilePages:      ", i.cached + i.buffers + i.swapCached); // NR_FILE_PAGES holds all three
    kb("Mapped:         ", i.mapped);
    kb("AnonPages:      ", i.anonPages);
    kb("Shmem:          ", i.shmem);
    kb("KernelStack:    ", i.kernelStack);
    kb("PageTables:     ", i.pageTables);
    kb("SecPageTables:  ", i.secPageTables);
    kb("NFS_Unstable:   ", 0);
    kb("Bounce:         ", 0);
    kb("WritebackTmp:   ", 0);
    kb("KReclaimable:   ", i.kReclaimable());
    kb("Slab:           ", i.slab());
    kb("SReclaimable:   ", i.sReclaimable);
    kb("SUnreclaim:     ", i.sUnreclaim);
    kb("AnonHugePages:  ", i.anonHugePages);
    kb("ShmemHugePages: ", i.shmemHugePages);
    kb("ShmemPmdMapped: ", i.shmemPmdMapped);
    kb("FileHugePages:  ", i.fileHugePages);
    kb("FilePmdMapped:  ", i.filePmdMapped);
    kb("Unaccepted:     ", i.unaccepted);
    appendf(out,
        "Node %d HugePages_Total: %5u\n"
        "Node %d HugePages_Free:  %5u\n"
        "Node %d HugePages_Surp:  %5u\n",
        node, static_cast<unsigned>(i.hugePagesTotal), node, static_cast<unsigned>(i.hugePagesFree), node,
        static_cast<unsigned>(i.hugePagesSurp));
    return out;
}

ShellResult notSimulated(const char* tool, const std::string& opt, const char* simulated)
{
    ShellResult r;
    r.err = std::string("memviz: ") + tool + " " + opt + " is not simulated (memviz simulates " + simulated + ")\n";
    r.status = 1;
    return r;
}

} // namespace

bool numaAvailable(const Machine& m)
{
    const ArchSpec& a = m.config.arch;
    return !a.custom && !a.is32bit && !m.nodes.empty();
}

NodeNumaStat nodeNumaStat(const Machine& m, int node)
{
    NodeNumaStat s;
    if (node < 0 || node >= nodeCount(m)) return s;
    // sum_zone_numa_event_state(): the node's zones.
    for (std::uint8_t zid : m.nodes[static_cast<std::size_t>(node)].zones) {
        const Zone& z = m.zones[zid];
        s.numaHit += z.numaHit;
        s.numaMiss += z.numaMiss;
        s.numaForeign += z.numaForeign;
        s.localNode += z.numaLocal;
        s.otherNode += z.numaOther;
    }
    return s;
}

std::string formatNumactlHardware(const Machine& m)
{
    std::string out;
    const int nodes = nodeCount(m);
    const int maxnode = nodes - 1;
    // "available: %d nodes (" then the node list as ranges (memviz's nodes are 0..n-1).
    appendf(out, "available: %d nodes (", nodes);
    if (maxnode == 0)
        out += "0";
    else
        appendf(out, "0-%d", maxnode);
    out += ")\n";
    for (int i = 0; i <= maxnode; ++i) {
        // numa_node_size64() reads MemTotal/MemFree in kB from the node's meminfo and
        // shifts them to bytes; fmt_mem() prints "%llu MB" of bytes >> 20.
        const NodeMem nm = nodeMem(m, i);
        appendf(out, "node %d cpus:", i);
        for (int cpu : numa::nodeCpus(m.config, i)) appendf(out, " %d", cpu);
        out.push_back('\n');
        appendf(out, "node %d size: %llu MB\n", i, static_cast<ull>((nm.totalKb << 10) >> 20));
        appendf(out, "node %d free: %llu MB\n", i, static_cast<ull>((nm.freeKb << 10) >> 20));
    }
    // print_distances(): "node " and "% 3d " per column, then "% 3d: " and "% 3d " per row.
    out += "node distances:\n";
    out += "node ";
    for (int i = 0; i <= maxnode; ++i) appendf(out, "% 3d ", i);
    out += "\n";
    for (int i = 0; i <= maxnode; ++i) {
        appendf(out, "% 3d: ", i);
        for (int k = 0; k <= maxnode; ++k) appendf(out, "% 3d ", static_cast<int>(m.config.nodeDistance(i, k)));
        out += "\n";
    }
    return out;
}

std::string formatNumastat(const Machine& m, int screenWidth)
{
    // show_info_from_system_file("numastat") in compatibility mode: one header row, a
    // 16-column left-justified label column, one 16-column right-justified column per
    // node headed "node<N>", values as read (pages). The "Total" column exists but has no
    // width in this mode, so it prints nothing. Lines fold at the screen width.
    if (screenWidth < 32) screenWidth = 32; // get_screen_width()
    constexpr int kCol = 16;
    const int nodes = nodeCount(m);
    std::vector<NodeNumaStat> stats;
    for (int n = 0; n < nodes; ++n) stats.push_back(nodeNumaStat(m, n));
    static const char* const labels[]
        = { "numa_hit", "numa_miss", "numa_foreign", "interleave_hit", "local_node", "other_node" };
    auto value = [&](int row, int node) -> std::uint64_t {
        const NodeNumaStat& s = stats[static_cast<std::size_t>(node)];
        switch (row) {
        case 0:
            return s.numaHit;
        case 1:
            return s.numaMiss;
        case 2:
            return s.numaForeign;
        case 3:
            return s.interleaveHit;
        case 4:
            return s.localNode;
        default:
            return s.otherNode;
        }
    };
    std::string out;
    // display_table(): sections of as many node columns as fit after the label column.
    int first = 0;
    bool firstSection = true;
    while (first < nodes) {
        int last = first; // one past the last node column of this section
        int width = kCol;
        while (last < nodes) {
            if (last > first && width + kCol > screenWidth) break;
            width += kCol;
            ++last;
        }
        if (!firstSection) out += "\n";
        firstSection = false;
        appendf(out, "%-16s", "");
        for (int n = first; n < last; ++n) {
            const std::string h = "node" + std::to_string(n);
            appendf(out, "%16s", h.c_str());
        }
        out += "\n";
        for (int row = 0; row < 6; ++row) {
            appendf(out, "%-16s", labels[row]);
            for (int n = first; n < last; ++n) appendf(out, "%16llu", static_cast<ull>(value(row, n)));
            out += "\n";
        }
        first = last;
    }
    return out;
}

bool readNodeFile(const Machine& m, int node, const std::string& file, std::string* text)
{
    if (!validNode(m, node)) return false;
    if (file == "meminfo") {
        *text = nodeMeminfo(m, node);
    } else if (file == "numastat") {
        // node_read_numastat()
        const NodeNumaStat s = nodeNumaStat(m, node);
        std::string out;
        appendf(out,
            "numa_hit %llu\nnuma_miss %llu\nnuma_foreign %llu\ninterleave_hit %llu\nlocal_node %llu\nother_node %llu\n",
            static_cast<ull>(s.numaHit), static_cast<ull>(s.numaMiss), static_cast<ull>(s.numaForeign),
            static_cast<ull>(s.interleaveHit), static_cast<ull>(s.localNode), static_cast<ull>(s.otherNode));
        *text = out;
    } else if (file == "distance") {
        // node_read_distance(): "%s%d" with a space before all but the first, then "\n".
        std::string out;
        for (int i = 0; i < nodeCount(m); ++i)
            appendf(out, "%s%d", i ? " " : "", static_cast<int>(m.config.nodeDistance(node, i)));
        *text = out + "\n";
    } else if (file == "cpulist") {
        *text = cpuList(numa::nodeCpus(m.config, node)) + "\n";
    } else {
        return false;
    }
    return true;
}

std::vector<std::string> nodeFiles(const Machine& m)
{
    std::vector<std::string> files;
    if (!numaAvailable(m)) return files;
    for (int n = 0; n < nodeCount(m); ++n)
        for (const char* f : { "meminfo", "numastat", "distance", "cpulist" })
            files.push_back("/sys/devices/system/node/node" + std::to_string(n) + "/" + f);
    return files;
}

ShellResult runNumactl(const Machine& m, const std::vector<std::string>& args)
{
    ShellResult r;
    if (args.empty()) return notSimulated("numactl", "without options", "--hardware");
    for (const std::string& a : args)
        if (a != "--hardware" && a != "-H") return notSimulated("numactl", a, "--hardware");
    if (!numaAvailable(m)) {
        // hardware(): numa_available() < 0 on a kernel without NUMA.
        r.out = "No NUMA available on this system\n";
        r.status = 1;
        return r;
    }
    r.out = formatNumactlHardware(m);
    return r;
}

ShellResult runNumastat(const Machine& m, const std::vector<std::string>& args)
{
    ShellResult r;
    if (!args.empty()) return notSimulated("numastat", args.front(), "numastat without options");
    if (!numaAvailable(m)) {
        // init_node_ix_map_and_header(): no /sys/devices/system/node/node<N> directory.
        r.err = "sysfs not mounted or system not NUMA aware: No such file or directory\n";
        r.status = 1;
        return r;
    }
    r.out = formatNumastat(m);
    return r;
}

} // namespace memviz
