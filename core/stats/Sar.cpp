// sar(1) of sysstat 12.6.x: sar.c's command line, activity.c's header lines and
// pr_stats.c's row and average formulas (print_swap_stats, print_paging_stats,
// print_ram_memory_stats, print_swap_memory_stats, print_cpu_stats), in C++.
#include "stats/Sar.h"

#include "sim/Machine.h"
#include "stats/Printf.h"

#include <algorithm>
#include <ctime>

namespace memviz {

namespace {

using ull = unsigned long long;

constexpr std::uint64_t kNsPerSec = 1000000000ull;

const char* const kUsage = "Usage: sar [ options ] [ <interval> [ <count> ] ]\n"
                           "Options are:\n"
                           "[ -A ] [ -B ] [ -b ] [ -C ] [ -D ] [ -d ] [ -F [ MOUNT ] ] [ -H ] [ -h ]\n"
                           "[ -p ] [ -r [ ALL ] ] [ -S ] [ -t ] [ -u [ ALL ] ] [ -V ]\n"
                           "[ -v ] [ -W ] [ -w ] [ -y ] [ -z ]\n"
                           "[ -I [ SUM | ALL ] ] [ -P { <cpu_list> | ALL } ]\n"
                           "[ -m { <keyword> [,...] | ALL } ] [ -n { <keyword> [,...] | ALL } ]\n"
                           "[ -q [ <keyword> [,...] | ALL ] ]\n"
                           "[ --dev=<dev_list> ] [ --fs=<fs_list> ] [ --iface=<iface_list> ] [ --int=<int_list> ]\n"
                           "[ --dec={ 0 | 1 | 2 } ] [ --help ] [ --human ] [ --pretty ] [ --sadc ]\n"
                           "[ -j { SID | ID | LABEL | PATH | UUID | ... } ]\n"
                           "[ -f [ <filename> ] | -o [ <filename> ] | -[0-9]+ ]\n"
                           "[ -i <interval> ] [ -s [ <hh:mm[:ss]> ] ] [ -e [ <hh:mm[:ss]> ] ]\n";

const char* const kHelp = "Usage: sar [ options ] [ <interval> [ <count> ] ]\n"
                          "Main options and reports (report name between square brackets):\n"
                          "\t-B\tPaging statistics [A_PAGE]\n"
                          "\t-b\tI/O and transfer rate statistics [A_IO]\n"
                          "\t-d\tBlock devices statistics [A_DISK]\n"
                          "\t-F [ MOUNT ]\n"
                          "\t\tFilesystems statistics [A_FS]\n"
                          "\t-H\tHugepages utilization statistics [A_HUGE]\n"
                          "\t-I [ SUM | ALL ]\n"
                          "\t\tInterrupts statistics [A_IRQ]\n"
                          "\t-m { <keyword> [,...] | ALL }\n"
                          "\t\tPower management statistics [A_PWR_...]\n"
                          "\t\tKeywords are:\n"
                          "\t\tCPU\tCPU instantaneous clock frequency\n"
                          "\t\tFAN\tFans speed\n"
                          "\t\tFREQ\tCPU average clock frequency\n"
                          "\t\tIN\tVoltage inputs\n"
                          "\t\tTEMP\tDevices temperature\n"
                          "\t\tUSB\tUSB devices plugged into the system\n"
                          "\t-n { <keyword> [,...] | ALL }\n"
                          "\t\tNetwork statistics [A_NET_...]\n"
                          "\t\tKeywords are:\n"
                          "\t\tDEV\tNetwork interfaces\n"
                          "\t\tEDEV\tNetwork interfaces (errors)\n"
                          "\t\tNFS\tNFS client\n"
                          "\t\tNFSD\tNFS server\n"
                          "\t\tSOCK\tSockets\t(v4)\n"
                          "\t\tIP\tIP traffic\t(v4)\n"
                          "\t\tEIP\tIP traffic\t(v4) (errors)\n"
                          "\t\tICMP\tICMP traffic\t(v4)\n"
                          "\t\tEICMP\tICMP traffic\t(v4) (errors)\n"
                          "\t\tTCP\tTCP traffic\t(v4)\n"
                          "\t\tETCP\tTCP traffic\t(v4) (errors)\n"
                          "\t\tUDP\tUDP traffic\t(v4)\n"
                          "\t\tSOCK6\tSockets\t(v6)\n"
                          "\t\tIP6\tIP traffic\t(v6)\n"
                          "\t\tEIP6\tIP traffic\t(v6) (errors)\n"
                          "\t\tICMP6\tICMP traffic\t(v6)\n"
                          "\t\tEICMP6\tICMP traffic\t(v6) (errors)\n"
                          "\t\tUDP6\tUDP traffic\t(v6)\n"
                          "\t\tFC\tFibre channel HBAs\n"
                          "\t\tSOFT\tSoftware-based network processing\n"
                          "\t-q [ <keyword> [,...] | PSI | ALL ]\n"
                          "\t\tSystem load and pressure-stall statistics\n"
                          "\t\tKeywords are:\n"
                          "\t\tLOAD\tQueue length and load average statistics [A_QUEUE]\n"
                          "\t\tCPU\tPressure-stall CPU statistics [A_PSI_CPU]\n"
                          "\t\tIO\tPressure-stall I/O statistics [A_PSI_IO]\n"
                          "\t\tMEM\tPressure-stall memory statistics [A_PSI_MEM]\n"
                          "\t-r [ ALL ]\n"
                          "\t\tMemory utilization statistics [A_MEMORY]\n"
                          "\t-S\tSwap space utilization statistics [A_MEMORY]\n"
                          "\t-u [ ALL ]\n"
                          "\t\tCPU utilization statistics [A_CPU]\n"
                          "\t-v\tKernel tables statistics [A_KTABLES]\n"
                          "\t-W\tSwapping statistics [A_SWAP]\n"
                          "\t-w\tTask creation and system switching statistics [A_PCSW]\n"
                          "\t-y\tTTY devices statistics [A_SERIAL]\n";

const char* const kVersion = "sysstat version 12.6.1\n(C) Sebastien Godard (sysstat <at> orange.fr)\n";

bool allDigits(const std::string& s)
{
    return !s.empty() && s.find_first_not_of("0123456789") == std::string::npos;
}

ShellResult usage()
{
    ShellResult r;
    r.err = kUsage;
    r.status = 1;
    return r;
}

ShellResult notSimulated(const std::string& what)
{
    ShellResult r;
    r.err = "memviz: sar " + what + " is not simulated (memviz simulates -B, -r [ ALL ], -S, -u [ ALL ] and -W)\n";
    r.status = 1;
    return r;
}

/// Seconds since 1970 as a broken-down UTC time.
std::tm utc(std::uint64_t epoch)
{
    const auto t = static_cast<std::time_t>(epoch);
    std::tm tm {};
    gmtime_r(&t, &tm);
    return tm;
}

std::string timeOfDay(const SarHost& h, std::uint64_t timeNs)
{
    const std::tm tm = utc(h.bootEpoch + timeNs / kNsPerSec);
    char buf[16];
    std::snprintf(buf, sizeof buf, "%02d:%02d:%02d", tm.tm_hour, tm.tm_min, tm.tm_sec);
    return buf;
}

/// The columns of one output (activity.c hdr_line, one part of it).
struct Output {
    enum Kind { Cpu, Swapping, Paging, Memory, SwapSpace } kind;
    std::vector<const char*> columns;
    int firstWidth = 0; ///< print_hdr_line's iwidth: the CPU column is 7 wide
};

std::vector<Output> outputsOf(const SarOptions& o)
{
    // act[] order of activity.c: A_CPU, A_PCSW, A_IRQ, A_SWAP, A_PAGE, A_IO, A_MEMORY, ...;
    // A_MEMORY prints its RAM part (-r) before its swap part (-S).
    std::vector<Output> out;
    if (o.cpu) {
        if (o.cpuAll)
            out.push_back({ Output::Cpu,
                { "CPU", "%usr", "%nice", "%sys", "%iowait", "%steal", "%irq", "%soft", "%guest", "%gnice", "%idle" },
                7 });
        else
            out.push_back({ Output::Cpu, { "CPU", "%user", "%nice", "%system", "%iowait", "%steal", "%idle" }, 7 });
    }
    if (o.swapping) out.push_back({ Output::Swapping, { "pswpin/s", "pswpout/s" } });
    if (o.paging)
        out.push_back({ Output::Paging,
            { "pgpgin/s", "pgpgout/s", "fault/s", "majflt/s", "pgfree/s", "pgscank/s", "pgscand/s", "pgsteal/s",
                "%vmeff" } });
    if (o.memory) {
        Output mem { Output::Memory,
            { "kbmemfree", "kbavail", "kbmemused", "%memused", "kbbuffers", "kbcached", "kbcommit", "%commit",
                "kbactive", "kbinact", "kbdirty" } };
        if (o.memoryAll)
            for (const char* c : { "kbanonpg", "kbslab", "kbkstack", "kbpgtbl", "kbvmused" }) mem.columns.push_back(c);
        out.push_back(mem);
    }
    if (o.swapSpace)
        out.push_back({ Output::SwapSpace, { "kbswpfree", "kbswpused", "%swpused", "kbswpcad", "%swpcad" } });
    return out;
}

/// print_hdr_line(): a blank line, the timestamp, the column names.
void header(std::string& s, const std::string& stamp, const Output& o)
{
    appendf(s, "\n%-11s", stamp.c_str());
    for (std::size_t i = 0; i < o.columns.size(); ++i)
        appendf(s, " %*s", i == 0 && o.firstWidth ? o.firstWidth : 9, o.columns[i]);
    s.push_back('\n');
}

/// S_VALUE(): a per-second rate over itv hundredths of a second.
double sValue(std::uint64_t before, std::uint64_t after, std::uint64_t itv)
{
    return static_cast<double>(after - before) / static_cast<double>(itv) * 100.0;
}

/// The pgsteal sum of sysstat ≤ 12.7.8: every "pgsteal_*" line of /proc/vmstat, which on
/// Linux ≥ 5.x counts each reclaimed page twice (pgsteal_kswapd/direct and pgsteal_anon/file).
std::uint64_t pgstealSum(const Sample& s)
{
    return 2 * (s.pgstealKswapd + s.pgstealDirect);
}

/// The running sums print_ram_memory_stats() and print_swap_memory_stats() keep.
struct MemSums {
    ull frm = 0, buf = 0, cam = 0, com = 0, active = 0, inact = 0, dirty = 0, anonpg = 0, slab = 0, kstack = 0,
        pgtbl = 0, vmused = 0, avail = 0;
    ull frs = 0, tls = 0, cas = 0;
};

class Printer {
public:
    explicit Printer(const SarOptions& opt)
        : m_opt(opt)
        , m_dec(opt.decimals)
    {
    }

    void f(std::string& s, double v) const { appendf(s, " %9.*f", m_dec, v); }
    void u(std::string& s, std::uint64_t v) const { appendf(s, " %9llu", static_cast<ull>(v)); }
    void avg(std::string& s, double v) const { appendf(s, " %9.0f", v); }

    void row(
        std::string& s, const Output& o, const Sample& prev, const Sample& curr, std::uint64_t itv, MemSums& sums) const
    {
        switch (o.kind) {
        case Output::Cpu:
            // A quiet machine: memviz charges no CPU time, every tick is idle.
            s += "     all"; // cprintf_in(IS_STR, " %s", "    all")
            for (std::size_t i = 2; i < o.columns.size(); ++i) f(s, 0.0);
            f(s, 100.0);
            break;
        case Output::Swapping:
            f(s, sValue(prev.pswpin, curr.pswpin, itv));
            f(s, sValue(prev.pswpout, curr.pswpout, itv));
            break;
        case Output::Paging: {
            f(s, sValue(prev.pgpgin, curr.pgpgin, itv));
            f(s, sValue(prev.pgpgout, curr.pgpgout, itv));
            f(s, sValue(prev.pgfault, curr.pgfault, itv));
            f(s, sValue(prev.pgmajfault, curr.pgmajfault, itv));
            f(s, sValue(prev.pgfree, curr.pgfree, itv));
            f(s, sValue(prev.pgscanKswapd, curr.pgscanKswapd, itv));
            f(s, sValue(prev.pgscanDirect, curr.pgscanDirect, itv));
            f(s, sValue(pgstealSum(prev), pgstealSum(curr), itv));
            const std::uint64_t scanned = curr.pgscanKswapd + curr.pgscanDirect - prev.pgscanKswapd - prev.pgscanDirect;
            // %vmeff = SP_VALUE(pgsteal before, after, pages scanned), 0 when nothing was scanned.
            f(s,
                scanned
                    ? static_cast<double>(pgstealSum(curr) - pgstealSum(prev)) / static_cast<double>(scanned) * 100.0
                    : 0.0);
            break;
        }
        case Output::Memory: {
            ull nousedmem = curr.memFree + curr.buffers + curr.cached + curr.slab;
            if (nousedmem > curr.memTotal) nousedmem = curr.memTotal;
            u(s, curr.memFree);
            u(s, curr.memAvailable);
            u(s, curr.memTotal - nousedmem);
            f(s,
                curr.memTotal
                    ? static_cast<double>(curr.memTotal - nousedmem) / static_cast<double>(curr.memTotal) * 100.0
                    : 0.0);
            u(s, curr.buffers);
            u(s, curr.cached);
            u(s, curr.committedAs);
            const ull all = curr.memTotal + curr.swapTotal;
            f(s, all ? static_cast<double>(curr.committedAs) / static_cast<double>(all) * 100.0 : 0.0);
            u(s, curr.active);
            u(s, curr.inactive);
            u(s, curr.dirty);
            if (m_opt.memoryAll) {
                u(s, curr.anonPages);
                u(s, curr.slab);
                u(s, curr.kernelStack);
                u(s, curr.pageTables);
                u(s, curr.vmallocUsed);
            }
            sums.frm += curr.memFree;
            sums.buf += curr.buffers;
            sums.cam += curr.cached;
            sums.com += curr.committedAs;
            sums.active += curr.active;
            sums.inact += curr.inactive;
            sums.dirty += curr.dirty;
            sums.anonpg += curr.anonPages;
            sums.slab += curr.slab;
            sums.kstack += curr.kernelStack;
            sums.pgtbl += curr.pageTables;
            sums.vmused += curr.vmallocUsed;
            sums.avail += curr.memAvailable;
            break;
        }
        case Output::SwapSpace: {
            const ull used = curr.swapTotal - curr.swapFree;
            u(s, curr.swapFree);
            u(s, used);
            f(s, curr.swapTotal ? static_cast<double>(used) / static_cast<double>(curr.swapTotal) * 100.0 : 0.0);
            u(s, curr.swapCached);
            f(s, used ? static_cast<double>(curr.swapCached) / static_cast<double>(used) * 100.0 : 0.0);
            sums.frs += curr.swapFree;
            sums.tls += curr.swapTotal;
            sums.cas += curr.swapCached;
            break;
        }
        }
        s.push_back('\n');
    }

    /// The Average row: rates over the whole span (first and last sample), levels as the
    /// mean of the rows (with pr_stats.c's integer divisions where it has them).
    void average(std::string& s, const Output& o, const Sample& first, const Sample& last, std::uint64_t itv,
        const MemSums& sums, ull n) const
    {
        switch (o.kind) {
        case Output::Cpu:
        case Output::Swapping:
        case Output::Paging: {
            MemSums unused;
            row(s, o, first, last, itv, unused);
            return;
        }
        case Output::Memory: {
            const Sample& c = last; // smc: the last sample read (MemTotal, SwapTotal)
            const ull nousedmem = sums.frm + sums.buf + sums.cam + sums.slab;
            const auto dn = static_cast<double>(n);
            avg(s, static_cast<double>(sums.frm) / dn);
            avg(s, static_cast<double>(sums.avail) / dn);
            avg(s, static_cast<double>(c.memTotal) - static_cast<double>(nousedmem) / dn);
            f(s,
                c.memTotal ? static_cast<double>(c.memTotal - nousedmem / n) / static_cast<double>(c.memTotal) * 100.0
                           : 0.0);
            avg(s, static_cast<double>(sums.buf) / dn);
            avg(s, static_cast<double>(sums.cam) / dn);
            avg(s, static_cast<double>(sums.com) / dn);
            const ull all = c.memTotal + c.swapTotal;
            f(s, all ? static_cast<double>(sums.com / n) / static_cast<double>(all) * 100.0 : 0.0);
            avg(s, static_cast<double>(sums.active) / dn);
            avg(s, static_cast<double>(sums.inact) / dn);
            avg(s, static_cast<double>(sums.dirty) / dn);
            if (m_opt.memoryAll) {
                avg(s, static_cast<double>(sums.anonpg) / dn);
                avg(s, static_cast<double>(sums.slab) / dn);
                avg(s, static_cast<double>(sums.kstack) / dn);
                avg(s, static_cast<double>(sums.pgtbl) / dn);
                avg(s, static_cast<double>(sums.vmused) / dn);
            }
            break;
        }
        case Output::SwapSpace: {
            const auto dn = static_cast<double>(n);
            const double frs = static_cast<double>(sums.frs) / dn, tls = static_cast<double>(sums.tls) / dn;
            avg(s, frs);
            avg(s, tls - frs);
            f(s, sums.tls ? (tls - frs) / tls * 100.0 : 0.0);
            avg(s, static_cast<double>(sums.cas) / dn);
            f(s, sums.tls != sums.frs ? static_cast<double>(sums.cas) / dn / (tls - frs) * 100.0 : 0.0);
            break;
        }
        }
        s.push_back('\n');
    }

private:
    const SarOptions& m_opt;
    int m_dec;
};

/// Hundredths of a second between two samples (the itv of sar), at least 1.
std::uint64_t itvOf(const Sample& a, const Sample& b)
{
    const std::uint64_t cs = (b.timeNs - a.timeNs) / 10000000ull;
    return cs ? cs : 1;
}

} // namespace

SarHost sarHost(const Machine& m)
{
    SarHost h;
    h.hostname = m.config.hostname;
    h.machine = m.config.arch.is32bit ? "i686" : "x86_64";
    h.cpus = std::max(1, m.config.cpus);
    h.bootEpoch = m.config.bootEpoch;
    return h;
}

bool parseSarArgs(const std::vector<std::string>& args, SarOptions* opt, ShellResult* early)
{
    SarOptions o;
    bool countSet = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "--help") {
            early->out = kHelp;
            early->status = 0;
            return false;
        }
        if (a.rfind("--dec=", 0) == 0) {
            if (a.size() != 7 || a[6] < '0' || a[6] > '2') {
                *early = usage();
                return false;
            }
            o.decimals = a[6] - '0';
            continue;
        }
        if (a.rfind("--", 0) == 0) {
            static const char* const known[]
                = { "--human", "--pretty", "--sadc", "--dev=", "--fs=", "--iface=", "--int=" };
            for (const char* k : known)
                if (a.rfind(k, 0) == 0) {
                    *early = notSimulated(a);
                    return false;
                }
            *early = usage();
            return false;
        }
        if (a.size() > 1 && a[0] == '-') {
            if (allDigits(a.substr(1))) {
                *early = notSimulated(a + " (the data file of an earlier day)");
                return false;
            }
            for (std::size_t k = 1; k < a.size(); ++k) {
                switch (a[k]) {
                case 'B':
                    o.paging = true;
                    break;
                case 'W':
                    o.swapping = true;
                    break;
                case 'S':
                    o.swapSpace = true;
                    break;
                case 'r':
                    o.memory = true;
                    if (i + 1 < args.size() && args[i + 1] == "ALL") {
                        o.memoryAll = true;
                        ++i;
                    }
                    break;
                case 'u':
                    o.cpu = true;
                    if (i + 1 < args.size() && args[i + 1] == "ALL") {
                        o.cpuAll = true;
                        ++i;
                    }
                    break;
                case 'V':
                    early->out = kVersion;
                    early->status = 0;
                    return false;
                case 'A':
                case 'b':
                case 'C':
                case 'D':
                case 'd':
                case 'F':
                case 'H':
                case 'h':
                case 'I':
                case 'j':
                case 'm':
                case 'n':
                case 'P':
                case 'p':
                case 'q':
                case 't':
                case 'v':
                case 'w':
                case 'y':
                case 'z':
                case 'f':
                case 'o':
                case 'i':
                case 's':
                case 'e':
                    *early = notSimulated(std::string("-") + a[k]);
                    return false;
                default:
                    *early = usage();
                    return false;
                }
            }
            continue;
        }
        if (a == "-") continue; // sar reads an empty option cluster and goes on
        if (o.interval < 0) {
            if (!allDigits(a)) {
                *early = usage();
                return false;
            }
            o.interval = std::stol(a.substr(0, 9));
            continue;
        }
        if (countSet || !allDigits(a) || o.interval == 0) {
            *early = usage();
            return false;
        }
        o.count = std::stol(a.substr(0, 9));
        countSet = true;
        if (o.count < 1) {
            *early = usage();
            return false;
        }
    }
    if (!o.cpu && !o.swapping && !o.paging && !o.memory && !o.swapSpace) o.cpu = true; // sar's default: -u
    *opt = o;
    return true;
}

std::string formatSar(const SarHost& host, const SarOptions& opt, const std::vector<Sample>& points, bool sinceBoot)
{
    std::string s;
    const std::uint64_t startNs = points.empty() ? 0 : (sinceBoot ? points.back().timeNs : points.front().timeNs);
    const std::tm day = utc(host.bootEpoch + startNs / kNsPerSec);
    // print_gal_header(): "%s %s (%s) \t%s \t_%s_\t(%d CPU)\n", the date as %x in the C locale.
    appendf(s, "Linux %s (%s) \t%02d/%02d/%02d \t_%s_\t(%d CPU)\n", host.release.c_str(), host.hostname.c_str(),
        day.tm_mon + 1, day.tm_mday, day.tm_year % 100, host.machine.c_str(), host.cpus);
    if (points.size() < 2) return s;

    const std::vector<Output> outs = outputsOf(opt);
    const bool several = outs.size() > 1;
    const Printer p(opt);
    std::vector<MemSums> sums(outs.size());
    const std::size_t rows = points.size() - 1;
    for (std::size_t k = 0; k < rows; ++k) {
        const Sample& prev = points[k];
        const Sample& curr = points[k + 1];
        const std::string from = timeOfDay(host, sinceBoot ? curr.timeNs : prev.timeNs);
        const std::string to = timeOfDay(host, curr.timeNs);
        const std::uint64_t itv = itvOf(prev, curr);
        for (std::size_t i = 0; i < outs.size(); ++i) {
            if (several || k == 0) header(s, from, outs[i]);
            appendf(s, "%-11s", to.c_str());
            p.row(s, outs[i], prev, curr, itv, sums[i]);
        }
    }
    if (sinceBoot) return s;
    for (std::size_t i = 0; i < outs.size(); ++i) {
        if (several) header(s, "Average:", outs[i]);
        appendf(s, "%-11s", "Average:");
        p.average(s, outs[i], points.front(), points.back(), itvOf(points.front(), points.back()), sums[i], rows);
    }
    return s;
}

std::vector<Sample> sarPoints(const SampleLog& history, long interval, long count)
{
    std::vector<Sample> out;
    if (history.empty() || interval <= 0) return out;
    const std::size_t step = static_cast<std::size_t>(interval);
    const std::size_t full = (history.size() - 1) / step; // rows that have ended
    const std::size_t rows = count < 0 ? full : std::min(full, static_cast<std::size_t>(count));
    for (std::size_t j = full - rows; j <= full; ++j) out.push_back(history[j * step]);
    return out;
}

ShellResult runSar(const Machine& m, const std::vector<std::string>& args)
{
    ShellResult r;
    SarOptions opt;
    if (!parseSarArgs(args, &opt, &r)) return r;
    const SarHost host = sarHost(m);
    if (opt.interval == 0) {
        Sample boot; // the counters at boot are zero; the levels of "now" are printed
        Sample now = takeSample(m);
        now.timeNs = m.timeNs;
        r.out = formatSar(host, opt, { boot, now }, true);
        return r;
    }
    r.out = formatSar(host, opt, sarPoints(m.samples, opt.interval < 0 ? 1 : opt.interval, opt.count));
    return r;
}

} // namespace memviz
