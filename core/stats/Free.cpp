#include "stats/Free.h"

#include <cmath>
#include <cstdio>

namespace memviz {

namespace {

double power(unsigned base, unsigned expo)
{
    return expo == 0 ? 1.0 : base * power(base, expo - 1);
}

} // namespace

std::string freeScaleSize(std::uint64_t size, const FreeOptions& opt)
{
    static const char up[] = {'B', 'K', 'M', 'G', 'T', 'P', 0};
    char buf[64];
    const float base = opt.si ? 1000.0f : 1024.0f;
    const long long bytes = static_cast<long long>(size) * 1024LL;
    if (!opt.human) {
        switch (opt.exponent) {
        case 0: std::snprintf(buf, sizeof buf, "%ld", static_cast<long>(bytes / static_cast<long long>(base))); break;
        case 1: std::snprintf(buf, sizeof buf, "%lld", bytes); break;
        default:
            std::snprintf(buf, sizeof buf, "%ld",
                          static_cast<long>(static_cast<double>(bytes)
                                            / power(static_cast<unsigned>(base), static_cast<unsigned>(opt.exponent - 1))));
        }
        return buf;
    }
    if (std::snprintf(buf, sizeof buf, "%lld%c", bytes, up[0]) <= 4) return buf;
    for (int i = 1; up[i] != 0; ++i) {
        const double scaled = static_cast<double>(bytes) / power(static_cast<unsigned>(base), static_cast<unsigned>(i));
        if (opt.si) {
            if (std::snprintf(buf, sizeof buf, "%.1f%c", static_cast<double>(static_cast<float>(scaled)), up[i]) <= 4)
                return buf;
            if (std::snprintf(buf, sizeof buf, "%ld%c", static_cast<long>(scaled), up[i]) <= 4) return buf;
        } else {
            if (std::snprintf(buf, sizeof buf, "%.1f%ci", static_cast<double>(static_cast<float>(scaled)), up[i]) <= 5)
                return buf;
            if (std::snprintf(buf, sizeof buf, "%ld%ci", static_cast<long>(scaled), up[i]) <= 5) return buf;
        }
    }
    return buf;
}

bool parseFreeArgs(const std::vector<std::string>& args, FreeOptions* out, std::string* error)
{
    FreeOptions o;
    for (const std::string& a : args) {
        if (a == "-b" || a == "--bytes") o.exponent = 1;
        else if (a == "-k" || a == "--kibi") o.exponent = 2;
        else if (a == "-m" || a == "--mebi") o.exponent = 3;
        else if (a == "-g" || a == "--gibi") o.exponent = 4;
        else if (a == "--tebi") o.exponent = 5;
        else if (a == "--pebi") o.exponent = 6;
        else if (a == "--kilo") o.exponent = 2, o.si = true;
        else if (a == "--mega") o.exponent = 3, o.si = true;
        else if (a == "--giga") o.exponent = 4, o.si = true;
        else if (a == "--tera") o.exponent = 5, o.si = true;
        else if (a == "--peta") o.exponent = 6, o.si = true;
        else if (a == "--si") o.si = true;
        else if (a == "-h" || a == "--human") o.human = true;
        else if (a == "-w" || a == "--wide") o.wide = true;
        else if (a == "-t" || a == "--total") o.total = true;
        else if (a == "-l" || a == "--lohi") o.lohi = true;
        else if (a == "-v" || a == "--committed") o.committed = true;
        else if (a.size() > 2 && a[0] == '-' && a[1] != '-') {
            // Bundled short options: -hw, -mt ...
            std::vector<std::string> split;
            for (std::size_t k = 1; k < a.size(); ++k) split.push_back(std::string("-") + a[k]);
            FreeOptions sub = o;
            std::string err;
            // Apply on top of what we have so far.
            std::vector<std::string> rest = split;
            if (!parseFreeArgs(rest, &sub, &err)) {
                *error = err;
                return false;
            }
            // Merge: later flags win, booleans accumulate.
            o.exponent = sub.exponent ? sub.exponent : o.exponent;
            o.si = o.si || sub.si;
            o.human = o.human || sub.human;
            o.wide = o.wide || sub.wide;
            o.total = o.total || sub.total;
            o.lohi = o.lohi || sub.lohi;
            o.committed = o.committed || sub.committed;
        } else if (a.rfind("--", 0) == 0) {
            *error = "free: unrecognized option '" + a + "'\n";
            return false;
        } else if (a.size() == 2 && a[0] == '-') {
            *error = std::string("free: invalid option -- '") + a[1] + "'\n";
            return false;
        } else {
            *error = "free: extra operand '" + a + "'\n";
            return false;
        }
    }
    *out = o;
    return true;
}

std::string formatFree(const MemInfo& i, const FreeOptions& opt)
{
    std::string out;
    auto col = [&](std::uint64_t kb, bool first) {
        char buf[80];
        std::snprintf(buf, sizeof buf, first ? "%11s" : " %11s", freeScaleSize(kb, opt).c_str());
        out.append(buf);
    };
    auto label = [&](const char* l) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%-9s", l);
        out.append(buf);
    };
    // procps-ng >= 4.0.1: used = MemTotal - MemAvailable (MemTotal - MemFree if negative).
    std::uint64_t available = i.memAvailable;
    if (available == 0 || available > i.memTotal) available = i.memFree;
    const std::uint64_t used = i.memTotal >= available ? i.memTotal - available : i.memTotal - i.memFree;
    const std::uint64_t cachedAll = i.cached + i.sReclaimable;
    const std::uint64_t swapUsed = i.swapTotal - i.swapFree;

    if (opt.wide)
        out.append("               total        used        free      shared     buffers       cache   available");
    else
        out.append("               total        used        free      shared  buff/cache   available");
    out.push_back('\n');
    label("Mem:");
    col(i.memTotal, true);
    col(used, false);
    col(i.memFree, false);
    col(i.shmem, false);
    if (opt.wide) {
        col(i.buffers, false);
        col(cachedAll, false);
    } else {
        col(i.buffers + cachedAll, false);
    }
    col(available, false);
    out.push_back('\n');
    if (opt.lohi) {
        // Without HighMem the Low row repeats Mem and High is all zero.
        const std::uint64_t lowTotal = i.hasHighmem ? i.lowTotal : i.memTotal;
        const std::uint64_t lowFree = i.hasHighmem ? i.lowFree : i.memFree;
        label("Low:");
        col(lowTotal, true);
        col(lowTotal - lowFree, false);
        col(lowFree, false);
        out.push_back('\n');
        label("High:");
        col(i.highTotal, true);
        col(i.highTotal - i.highFree, false);
        col(i.highFree, false);
        out.push_back('\n');
    }
    label("Swap:");
    col(i.swapTotal, true);
    col(swapUsed, false);
    col(i.swapFree, false);
    out.push_back('\n');
    if (opt.total) {
        label("Total:");
        col(i.memTotal + i.swapTotal, true);
        col(used + swapUsed, false);
        col(i.memFree + i.swapFree, false);
        out.push_back('\n');
    }
    if (opt.committed) {
        label("Comm:");
        col(i.commitLimit, true);
        col(i.committedAs, false);
        col(i.commitLimit >= i.committedAs ? i.commitLimit - i.committedAs : 0, false);
        out.push_back('\n');
    }
    return out;
}

} // namespace memviz
