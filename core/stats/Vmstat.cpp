// vmstat(8) of procps-ng 4.0.2 (src/vmstat.c: new_header, new_format, sum_format), in C++.
#include "stats/Vmstat.h"

#include "sim/Machine.h"
#include "stats/MemInfo.h"
#include "stats/Printf.h"

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstdlib>
#include <ctime>
#include <string_view>

namespace memviz {

namespace {

using ull = unsigned long long;

constexpr std::uint64_t kNsPerSec = 1000000000ull;
constexpr std::uint64_t kHz = 100; ///< USER_HZ: the tick of /proc/stat
/// Lines between headers when stdout is not a terminal: winhi() falls back to 24 rows, minus 3.
constexpr long kHeaderEvery = 21;

const char* const kUsage = "\n"
                           "Usage:\n"
                           " vmstat [options] [delay [count]]\n"
                           "\n"
                           "Options:\n"
                           " -a, --active           active/inactive memory\n"
                           " -f, --forks            number of forks since boot\n"
                           " -m, --slabs            slabinfo\n"
                           " -n, --one-header       do not redisplay header\n"
                           " -s, --stats            event counter statistics\n"
                           " -d, --disk             disk statistics\n"
                           " -D, --disk-sum         summarize disk statistics\n"
                           " -p, --partition <dev>  partition specific statistics\n"
                           " -S, --unit <char>      define display unit\n"
                           " -w, --wide             wide output\n"
                           " -t, --timestamp        show timestamp\n"
                           " -y, --no-first         skips first line of output\n"
                           "\n"
                           " -h, --help     display this help and exit\n"
                           " -V, --version  output version information and exit\n"
                           "\n"
                           "For more details see vmstat(8).\n";

struct LongOpt {
    std::string_view name;
    bool hasArg;
    char id;
};

// longopts[] of vmstat.c 4.0.2, in its order.
constexpr LongOpt kLongOpts[] = {
    { "active", false, 'a' },
    { "forks", false, 'f' },
    { "slabs", false, 'm' },
    { "one-header", false, 'n' },
    { "stats", false, 's' },
    { "disk", false, 'd' },
    { "disk-sum", false, 'D' },
    { "partition", true, 'p' },
    { "unit", true, 'S' },
    { "wide", false, 'w' },
    { "timestamp", false, 't' },
    { "help", false, 'h' },
    { "version", false, 'V' },
    { "no-first", false, 'y' },
};
constexpr std::string_view kShortOpts = "afmnsdDp:S:wthVy";

ShellResult fail(const std::string& text, bool withUsage)
{
    ShellResult r;
    r.err = "vmstat: " + text + "\n" + (withUsage ? kUsage : "");
    r.status = 1;
    return r;
}

ShellResult usageError()
{
    ShellResult r;
    r.err = kUsage;
    r.status = 1;
    return r;
}

/// strtol_or_err(): the whole word as a decimal long.
bool parseLong(const std::string& s, long* v, ShellResult* err)
{
    std::size_t i = 0;
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
    std::size_t start = i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    const std::size_t digits = i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    if (i == digits || i != s.size()) {
        *err = fail("failed to parse argument: '" + s + "'", false);
        return false;
    }
    errno = 0;
    const long x = std::strtol(s.c_str() + start, nullptr, 10);
    if (errno == ERANGE) {
        *err = fail("failed to parse argument: '" + s + "': Numerical result out of range", false);
        return false;
    }
    *v = x;
    return true;
}

std::string localStamp(std::uint64_t epoch)
{
    const auto t = static_cast<std::time_t>(epoch);
    std::tm tm {};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S", &tm);
    return buf;
}

/// unitConvert(): kB to the -S unit, truncated.
ull unitConvert(const VmstatOptions& o, ull kb)
{
    const double v = static_cast<double>(kb) / static_cast<double>(o.unit) * 1024.0;
    return static_cast<ull>(v);
}

void header(std::string& s, const VmstatOptions& o)
{
    s += o.wide ? "--procs-- -----------------------memory---------------------- ---swap-- -----io---- -system-- "
                  "----------cpu----------"
                : "procs -----------memory---------- ---swap-- -----io---- -system-- ------cpu-----";
    if (o.timestamp) s += " -----timestamp-----";
    s.push_back('\n');
    if (o.wide)
        s += o.active ? "   r    b         swpd         free        inact       active   si   so    bi    bo   in   cs "
                        " us  sy  id  wa  st  gu"
                      : "   r    b         swpd         free         buff        cache   si   so    bi    bo   in   cs "
                        " us  sy  id  wa  st  gu";
    else
        s += o.active ? " r  b   swpd   free  inact active   si   so    bi    bo   in   cs us sy id wa st"
                      : " r  b   swpd   free   buff  cache   si   so    bi    bo   in   cs us sy id wa st";
    if (o.timestamp) appendf(s, " %19s", "UTC"); // strftime("%Z") of the machine's clock
    s.push_back('\n');
}

struct Line {
    ull r = 1, b = 0, swpd = 0, free = 0, buff = 0, cache = 0;
    unsigned si = 0, so = 0, bi = 0, bo = 0, in = 0, cs = 0, us = 0, sy = 0, id = 0, wa = 0, st = 0, gu = 0;
};

void line(std::string& s, const VmstatOptions& o, const Line& l, const std::string& stamp)
{
    if (o.wide)
        appendf(s, "%4llu %4llu %12llu %12llu %12llu %12llu %4u %4u %5u %5u %4u %4u %3u %3u %3u %3u %3u %3u", l.r, l.b,
            l.swpd, l.free, l.buff, l.cache, l.si, l.so, l.bi, l.bo, l.in, l.cs, l.us, l.sy, l.id, l.wa, l.st, l.gu);
    else
        appendf(s, "%2llu %2llu %6llu %6llu %6llu %6llu %4u %4u %5u %5u %4u %4u %2u %2u %2u %2u %2u", l.r, l.b, l.swpd,
            l.free, l.buff, l.cache, l.si, l.so, l.bi, l.bo, l.in, l.cs, l.us, l.sy, l.id, l.wa, l.st);
    if (o.timestamp) s += " " + stamp;
    s.push_back('\n');
}

void memoryColumns(const VmstatOptions& o, const Sample& m, Line* l)
{
    l->swpd = unitConvert(o, m.swapTotal - m.swapFree);
    l->free = unitConvert(o, m.memFree);
    l->buff = unitConvert(o, o.active ? m.inactive : m.buffers);
    l->cache = unitConvert(o, o.active ? m.active : m.cached + m.sReclaimable); // MEMINFO_MEM_CACHED_ALL
}

/// Idle ticks of every CPU together after `ns` of uptime: memviz charges no CPU time.
long long idleTicks(const VmstatHost& h, std::uint64_t ns)
{
    return static_cast<long long>(ns / (kNsPerSec / kHz)) * std::max(1, h.cpus);
}

} // namespace

bool parseVmstatArgs(const std::vector<std::string>& args, VmstatOptions* out, ShellResult* early)
{
    VmstatOptions o;
    std::vector<std::string> operands;
    bool disk = false, diskSum = false, slabs = false, partition = false;
    auto apply = [&](char c, const std::string& arg) -> bool {
        switch (c) {
        case 'a':
            o.active = true;
            break;
        case 'f':
            o.forks = true;
            return false; // forks() prints at once and exits
        case 'm':
            slabs = true;
            break;
        case 'n':
            o.oneHeader = true;
            break;
        case 's':
            o.stats = true;
            break;
        case 'd':
            disk = true;
            break;
        case 'D':
            diskSum = true;
            break;
        case 'p':
            partition = true;
            break;
        case 'S':
            switch (arg.empty() ? '\0' : arg[0]) {
            case 'b':
            case 'B':
                o.unit = 1;
                break;
            case 'k':
                o.unit = 1000;
                break;
            case 'K':
                o.unit = 1024;
                break;
            case 'm':
                o.unit = 1000000;
                break;
            case 'M':
                o.unit = 1048576;
                break;
            default:
                *early = fail("-S requires k, K, m or M (default is KiB)", false);
                return false;
            }
            o.unitLetter = arg[0];
            break;
        case 'w':
            o.wide = true;
            break;
        case 't':
            o.timestamp = true;
            break;
        case 'y':
            o.noFirst = true;
            break;
        case 'h':
            early->out = kUsage;
            early->status = 0;
            return false;
        case 'V':
            early->out = "vmstat from procps-ng 4.0.2\n";
            early->status = 0;
            return false;
        }
        return true;
    };
    bool optionsDone = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (optionsDone || a.size() < 2 || a[0] != '-') {
            operands.push_back(a);
            continue;
        }
        if (a == "--") {
            optionsDone = true;
            continue;
        }
        if (a[1] == '-') {
            const std::size_t eq = a.find('=');
            const std::string name = a.substr(2, eq == std::string::npos ? std::string::npos : eq - 2);
            const LongOpt* hit = nullptr;
            std::vector<const LongOpt*> prefixed;
            for (const LongOpt& l : kLongOpts) {
                if (l.name == name) {
                    hit = &l;
                    break;
                }
                if (l.name.substr(0, name.size()) == name) prefixed.push_back(&l);
            }
            if (!hit && prefixed.size() == 1) hit = prefixed.front();
            if (!hit && prefixed.size() > 1) {
                std::string t = "option '" + a.substr(0, eq) + "' is ambiguous; possibilities:";
                for (const LongOpt* l : prefixed) t += " '--" + std::string(l->name) + "'";
                *early = fail(t, true);
                return false;
            }
            if (!hit) {
                *early = fail("unrecognized option '" + a + "'", true);
                return false;
            }
            std::string arg;
            if (hit->hasArg) {
                if (eq != std::string::npos)
                    arg = a.substr(eq + 1);
                else if (i + 1 < args.size())
                    arg = args[++i];
                else {
                    *early = fail("option '--" + std::string(hit->name) + "' requires an argument", true);
                    return false;
                }
            } else if (eq != std::string::npos) {
                *early = fail("option '--" + std::string(hit->name) + "' doesn't allow an argument", true);
                return false;
            }
            if (!apply(hit->id, arg)) {
                if (o.forks) break;
                return false;
            }
            continue;
        }
        for (std::size_t k = 1; k < a.size(); ++k) {
            const char c = a[k];
            const std::size_t at = kShortOpts.find(c);
            if (c == ':' || at == std::string_view::npos) {
                *early = fail(std::string("invalid option -- '") + c + "'", true);
                return false;
            }
            std::string arg;
            if (at + 1 < kShortOpts.size() && kShortOpts[at + 1] == ':') {
                if (k + 1 < a.size())
                    arg = a.substr(k + 1);
                else if (i + 1 < args.size())
                    arg = args[++i];
                else {
                    *early = fail(std::string("option requires an argument -- '") + c + "'", true);
                    return false;
                }
                k = a.size();
            }
            if (!apply(c, arg)) {
                if (o.forks) break;
                return false;
            }
        }
        if (o.forks) break;
    }
    if (o.forks) {
        *out = o;
        return true;
    }
    // -d -D -p and -m read /proc/diskstats, /proc/partitions and /proc/slabinfo.
    const int modes = (o.stats ? 1 : 0) + (disk ? 1 : 0) + (diskSum ? 1 : 0) + (partition ? 1 : 0) + (slabs ? 1 : 0);
    if (modes > 1) {
        *early = usageError();
        return false;
    }
    if (disk || diskSum || partition || slabs) {
        early->err = std::string("memviz: vmstat ")
            + (disk             ? "-d"
                    : diskSum   ? "-D"
                    : partition ? "-p"
                                : "-m")
            + " is not simulated (memviz simulates the default report, -a, -n, -s, -f, -S, -t, -w and -y)\n";
        early->status = 1;
        return false;
    }
    if (!operands.empty()) {
        long v = 0;
        if (!parseLong(operands[0], &v, early)) return false;
        if (v < 1) {
            *early = fail("delay must be positive integer", false);
            return false;
        }
        if (static_cast<unsigned long>(v) > UINT_MAX) {
            *early = fail("too large delay value", false);
            return false;
        }
        o.delay = v;
    }
    if (operands.size() > 1) {
        long v = 0;
        if (!parseLong(operands[1], &v, early)) return false;
        o.count = v;
    }
    if (operands.size() > 2) {
        *early = usageError();
        return false;
    }
    *out = o;
    return true;
}

std::string formatVmstat(const VmstatHost& host, const VmstatOptions& o, const std::vector<Sample>& points)
{
    std::string s;
    if (points.empty()) return s;
    header(s, o);
    const Sample& first = points.front();
    const auto stamp = [&](const Sample& p) {
        return o.timestamp ? localStamp(host.bootEpoch + p.timeNs / kNsPerSec) : std::string();
    };
    if (!o.noFirst) {
        // The since-boot line: rates are the counters over all ticks of all CPUs.
        Line l;
        l.r = host.running;
        memoryColumns(o, first, &l);
        long long idle = idleTicks(host, first.timeNs);
        long long div = idle;
        if (!div) {
            div = 1;
            idle = 1;
        }
        const long long half = div / 2;
        auto rate = [&](ull x) {
            return static_cast<unsigned>((static_cast<long long>(x) * static_cast<long long>(kHz) + half) / div);
        };
        l.si = rate(unitConvert(o, first.pswpin * host.kbPerPage));
        l.so = rate(unitConvert(o, first.pswpout * host.kbPerPage));
        l.bi = rate(first.pgpgin);
        l.bo = rate(first.pgpgout);
        l.in = rate(0);
        l.cs = rate(0);
        l.us = static_cast<unsigned>((0 + half) / div);
        l.sy = l.us;
        l.id = static_cast<unsigned>((100 * idle + half) / div);
        l.wa = l.st = l.gu = l.us;
        line(s, o, l, stamp(first));
    }
    for (std::size_t k = 1; k < points.size(); ++k) {
        if (!o.oneHeader && static_cast<long>(k) % kHeaderEvery == 0) header(s, o);
        const Sample& a = points[k - 1];
        const Sample& b = points[k];
        const ull delay = std::max<ull>(1, (b.timeNs - a.timeNs) / kNsPerSec);
        const ull half = delay / 2;
        Line l;
        l.r = host.running;
        memoryColumns(o, kVmstatFrozenMemory ? first : b, &l);
        auto per = [&](ull x) { return static_cast<unsigned>((x + half) / delay); };
        l.si = per(unitConvert(o, (b.pswpin - a.pswpin) * host.kbPerPage));
        l.so = per(unitConvert(o, (b.pswpout - a.pswpout) * host.kbPerPage));
        l.bi = per(b.pgpgin - a.pgpgin);
        l.bo = per(b.pgpgout - a.pgpgout);
        l.in = per(0);
        l.cs = per(0);
        const long long div = idleTicks(host, b.timeNs) - idleTicks(host, a.timeNs);
        const long long d = div ? div : 1;
        const long long half2 = d / 2;
        l.us = static_cast<unsigned>(half2 / d);
        l.sy = l.wa = l.st = l.gu = l.us;
        l.id = static_cast<unsigned>((100 * (div ? div : 1) + half2) / d);
        line(s, o, l, stamp(b));
    }
    return s;
}

std::string formatVmstatStats(const Machine& m, const VmstatOptions& o)
{
    const MemInfo i = computeMemInfo(m);
    std::string s;
    const char u = o.unitLetter;
    // MEMINFO_MEM_USED of procps 4.0.2: MemTotal - MemAvailable (MemTotal - MemFree if that is negative).
    const long long used = static_cast<long long>(i.memTotal) - static_cast<long long>(i.memAvailable);
    const ull usedKb = used < 0 ? i.memTotal - i.memFree : static_cast<ull>(used);
    appendf(s, "%13llu %c total memory\n", unitConvert(o, i.memTotal), u);
    appendf(s, "%13llu %c used memory\n", unitConvert(o, usedKb), u);
    appendf(s, "%13llu %c active memory\n", unitConvert(o, i.activeAnon + i.activeFile), u);
    appendf(s, "%13llu %c inactive memory\n", unitConvert(o, i.inactiveAnon + i.inactiveFile), u);
    appendf(s, "%13llu %c free memory\n", unitConvert(o, i.memFree), u);
    appendf(s, "%13llu %c buffer memory\n", unitConvert(o, i.buffers), u);
    appendf(s, "%13llu %c swap cache\n", unitConvert(o, i.cached + i.sReclaimable), u);
    appendf(s, "%13llu %c total swap\n", unitConvert(o, i.swapTotal), u);
    appendf(s, "%13llu %c used swap\n", unitConvert(o, i.swapTotal - i.swapFree), u);
    appendf(s, "%13llu %c free swap\n", unitConvert(o, i.swapFree), u);
    VmstatHost h;
    h.cpus = m.config.cpus;
    const long long idle = idleTicks(h, m.timeNs);
    appendf(s, "%13lld non-nice user cpu ticks\n", 0LL);
    appendf(s, "%13lld nice user cpu ticks\n", 0LL);
    appendf(s, "%13lld system cpu ticks\n", 0LL);
    appendf(s, "%13lld idle cpu ticks\n", idle);
    appendf(s, "%13lld IO-wait cpu ticks\n", 0LL);
    appendf(s, "%13lld IRQ cpu ticks\n", 0LL);
    appendf(s, "%13lld softirq cpu ticks\n", 0LL);
    appendf(s, "%13lld stolen cpu ticks\n", 0LL);
    appendf(s, "%13lld non-nice guest cpu ticks\n", 0LL);
    appendf(s, "%13lld nice guest cpu ticks\n", 0LL);
    appendf(s, "%13llu K paged in\n", static_cast<ull>(m.rc.pgpgin));
    appendf(s, "%13llu K paged out\n", static_cast<ull>(m.rc.pgpgout));
    appendf(s, "%13llu pages swapped in\n", static_cast<ull>(m.rc.pswpin));
    appendf(s, "%13llu pages swapped out\n", static_cast<ull>(m.rc.pswpout));
    appendf(s, "%13llu interrupts\n", 0ULL);
    appendf(s, "%13llu CPU context switches\n", 0ULL);
    appendf(s, "%13llu boot time\n", static_cast<ull>(m.config.bootEpoch));
    appendf(s, "%13llu forks\n", static_cast<ull>(m.nextPid >= 1000 ? m.nextPid - 1000 : 0));
    return s;
}

namespace {

VmstatHost vmstatHost(const Machine& m)
{
    VmstatHost h;
    h.cpus = std::max(1, m.config.cpus);
    h.kbPerPage = std::max<std::uint64_t>(1, m.pageSize() / 1024);
    const Process* cur = m.proc(m.cpu.current);
    h.running = 1 + (cur && cur->alive() ? 1 : 0); // vmstat itself, and the program on the CPU
    h.bootEpoch = m.config.bootEpoch;
    return h;
}

Sample now(const Machine& m)
{
    Sample s = takeSample(m);
    s.timeNs = m.timeNs;
    return s;
}

} // namespace

ShellResult runVmstat(const Machine& m, const std::vector<std::string>& args)
{
    ShellResult r;
    VmstatOptions o;
    if (!parseVmstatArgs(args, &o, &r)) return r;
    if (o.forks) {
        appendf(r.out, "%13llu forks\n", static_cast<ull>(m.nextPid >= 1000 ? m.nextPid - 1000 : 0));
        return r;
    }
    if (o.stats) {
        r.out = formatVmstatStats(m, o);
        return r;
    }
    const VmstatHost host = vmstatHost(m);
    std::vector<Sample> points;
    const SampleLog& h = m.samples;
    if (o.delay < 0) {
        // One line since boot; -y waits one second instead: the last second of history.
        if (o.noFirst && h.size() >= 2) {
            points = { h[h.size() - 2], h.back() };
        } else if (o.noFirst) {
            points = { now(m), now(m) };
        } else {
            points = { now(m) };
        }
    } else if (!h.empty()) {
        const std::size_t step = static_cast<std::size_t>(o.delay);
        const std::size_t last = (h.size() - 1) / step; // lines at 0, step, ..., last * step
        // The first line printed is the since-boot one; -y prints `count` interval lines.
        std::size_t lines = o.count < 0 ? last + 1 : static_cast<std::size_t>(std::max<long>(o.count, 1));
        if (o.noFirst) lines = o.count < 0 ? last + 1 : std::min(last, static_cast<std::size_t>(o.count)) + 1;
        lines = std::min(lines, last + 1);
        for (std::size_t j = last + 1 - lines; j <= last; ++j) points.push_back(h[j * step]);
    }
    r.out = formatVmstat(host, o, points);
    return r;
}

} // namespace memviz
