// free(1) of procps-ng 4.0.2: src/free.c and the derived values of library/meminfo.c, in C++.
#include "stats/Free.h"

#include <algorithm>
#include <climits>
#include <cstdio>
#include <string_view>

namespace memviz {

namespace {

double power(unsigned base, unsigned expo)
{
    return expo == 0 ? 1.0 : base * power(base, expo - 1);
}

enum : int { KiloOpt = 256, MegaOpt, GigaOpt, TeraOpt, PetaOpt, TebiOpt, PebiOpt, SiOpt, HelpOpt };

struct LongOpt {
    std::string_view name;
    bool hasArg;
    int id;
};

// longopts[] of src/free.c, in its order (getopt_long lists ambiguous matches in this order).
constexpr LongOpt kLongOpts[] = {
    { "bytes", false, 'b' },
    { "kilo", false, KiloOpt },
    { "mega", false, MegaOpt },
    { "giga", false, GigaOpt },
    { "tera", false, TeraOpt },
    { "peta", false, PetaOpt },
    { "kibi", false, 'k' },
    { "mebi", false, 'm' },
    { "gibi", false, 'g' },
    { "tebi", false, TebiOpt },
    { "pebi", false, PebiOpt },
    { "human", false, 'h' },
    { "si", false, SiOpt },
    { "lohi", false, 'l' },
    { "total", false, 't' },
    { "committed", false, 'v' },
    { "seconds", true, 's' },
    { "count", true, 'c' },
    { "wide", false, 'w' },
    { "help", false, HelpOpt },
    { "version", false, 'V' },
};
constexpr std::string_view kShortOpts = "bkmghltvc:ws:V";

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}
bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

/// A parse failure: the message free prints on stderr, before it exits with 1.
struct Failure {
    std::string text;
};

std::string quoted(const std::string& s)
{
    return "'" + s + "'";
}

/// strtol_or_err() of procps lib/strutils.c: base 10, the whole string, errno in the message.
long strtolOrErr(const std::string& str, const char* errmesg, Failure* fail)
{
    const std::string prefix = std::string("free: ") + errmesg + ": " + quoted(str);
    if (str.empty()) {
        // errno is whatever setlocale()/bindtextdomain() left behind: ENOENT in the
        // C locale without translations (observed with free 4.0.2 on Debian 12).
        fail->text = prefix + ": No such file or directory\n";
        return 0;
    }
    std::size_t i = 0;
    while (i < str.size() && isSpace(str[i])) ++i;
    bool negative = false;
    if (i < str.size() && (str[i] == '+' || str[i] == '-')) negative = str[i++] == '-';
    const std::size_t digits = i;
    unsigned long long v = 0;
    bool overflow = false;
    const unsigned long long limit = static_cast<unsigned long long>(LONG_MAX) + (negative ? 1 : 0);
    for (; i < str.size() && isDigit(str[i]); ++i) {
        const auto d = static_cast<unsigned>(str[i] - '0');
        if (v > (limit - d) / 10)
            overflow = true;
        else
            v = v * 10 + d;
    }
    if (i == digits || i != str.size()) {
        fail->text = prefix + "\n"; // no conversion or trailing garbage: errno 0
        return 0;
    }
    if (overflow) {
        fail->text = prefix + ": Numerical result out of range\n";
        return 0;
    }
    return negative ? static_cast<long>(0 - v) : static_cast<long>(v);
}

/// strtod_nol_or_err() of procps lib/strutils.c: '.' or ',' as the radix, no exponent.
double strtodNolOrErr(const std::string& str, const char* errmesg, Failure* fail)
{
    const std::string prefix = std::string("free: ") + errmesg + ": " + quoted(str);
    if (!str.empty()) {
        double num = 0.0;
        std::size_t cp = 0;
        bool negative = false;
        while (cp < str.size() && isSpace(str[cp])) ++cp;
        if (cp < str.size() && str[cp] == '-')
            negative = true, ++cp;
        else if (cp < str.size() && str[cp] == '+')
            ++cp;
        double mult = 0.1;
        for (std::size_t radix = cp; radix < str.size() && isDigit(str[radix]); ++radix) mult *= 10;
        for (; cp < str.size() && isDigit(str[cp]); ++cp) {
            num += (str[cp] - '0') * mult;
            mult /= 10;
        }
        if (cp == str.size()) return negative ? -num : num;
        if (str[cp] != '.' && str[cp] != ',') {
            fail->text = prefix + ": Invalid argument\n";
            return 0;
        }
        ++cp;
        mult = 0.1;
        for (; cp < str.size() && isDigit(str[cp]); ++cp) {
            num += (str[cp] - '0') * mult;
            mult /= 10;
        }
        if (cp == str.size()) return negative ? -num : num;
    }
    fail->text = prefix + "\n"; // errno was cleared before the call
    return 0;
}

/// The values free prints, derived as libproc2's meminfo_read_failed() does
/// (procps-ng >= 4.0.1: used = MemTotal - MemAvailable). All arithmetic is the C
/// code's unsigned long arithmetic, wrap-around included.
struct FreeValues {
    std::uint64_t total, used, free, shared, buffers, cachedAll, available;
    std::uint64_t lowTotal, lowUsed, lowFree, highTotal, highUsed, highFree;
    std::uint64_t swapTotal, swapUsed, swapFree, commitLimit, committedAs;
};

FreeValues deriveValues(const MemInfo& i)
{
    FreeValues v {};
    v.total = i.memTotal;
    v.free = i.memFree;
    v.shared = i.shmem;
    v.buffers = i.buffers;
    v.available = i.memAvailable;
    if (v.available == 0) v.available = i.memFree;
    v.cachedAll = i.cached + i.sReclaimable;
    if (v.available > i.memTotal) v.available = i.memFree;
    auto memUsed = static_cast<long long>(i.memTotal - v.available);
    if (memUsed < 0) memUsed = static_cast<long long>(i.memTotal - i.memFree);
    v.used = static_cast<std::uint64_t>(memUsed);
    v.highTotal = i.highTotal;
    v.highFree = i.highFree;
    v.highUsed = i.highFree < i.highTotal ? i.highTotal - i.highFree : 0;
    v.lowTotal = i.lowTotal;
    v.lowFree = i.lowFree;
    if (v.lowTotal == 0) { // no LowTotal line (64-bit): Low repeats Mem
        v.lowTotal = i.memTotal;
        v.lowFree = i.memFree;
    }
    v.lowUsed = v.lowFree < v.lowTotal ? v.lowTotal - v.lowFree : 0;
    v.swapTotal = i.swapTotal;
    v.swapFree = i.swapFree;
    v.swapUsed = i.swapFree < i.swapTotal ? i.swapTotal - i.swapFree : 0;
    v.commitLimit = i.commitLimit;
    v.committedAs = i.committedAs;
    return v;
}

} // namespace

std::string freeScaleSize(std::uint64_t size, const FreeOptions& opt)
{
    static const char up[] = { 'B', 'K', 'M', 'G', 'T', 'P', 0 };
    char buf[128];
    const float base = opt.si ? 1000.0f : 1024.0f;
    const auto ubase = static_cast<unsigned>(base);
    // `size * 1024LL` with an unsigned long size is unsigned long long arithmetic,
    // stored into a long long: a wrapped-around size prints as a negative number.
    const auto bytes = static_cast<long long>(size * 1024ull);
    if (!opt.human) {
        switch (opt.exponent) {
        case 0:
            std::snprintf(buf, sizeof buf, "%ld", static_cast<long>(bytes / static_cast<long long>(base)));
            break;
        case 1:
            std::snprintf(buf, sizeof buf, "%lld", bytes);
            break;
        default:
            std::snprintf(buf, sizeof buf, "%ld",
                static_cast<long>(static_cast<double>(bytes) / power(ubase, static_cast<unsigned>(opt.exponent - 1))));
        }
        return buf;
    }
    if (std::snprintf(buf, sizeof buf, "%lld%c", bytes, up[0]) <= 4) return buf;
    for (int i = 1; up[i] != 0; ++i) {
        const double scaled = static_cast<double>(bytes) / power(ubase, static_cast<unsigned>(i));
        // (float)(...) passed through printf's varargs: rounded to float, then to double.
        const double asFloat = static_cast<double>(static_cast<float>(scaled));
        if (opt.si) {
            if (std::snprintf(buf, sizeof buf, "%.1f%c", asFloat, up[i]) <= 4) return buf;
            if (std::snprintf(buf, sizeof buf, "%ld%c", static_cast<long>(scaled), up[i]) <= 4) return buf;
        } else {
            if (std::snprintf(buf, sizeof buf, "%.1f%ci", asFloat, up[i]) <= 5) return buf;
            if (std::snprintf(buf, sizeof buf, "%ld%ci", static_cast<long>(scaled), up[i]) <= 5) return buf;
        }
    }
    return buf; // past P the last (too wide) attempt stays, as in free
}

std::string freeUsage()
{
    return "\n"
           "Usage:\n"
           " free [options]\n"
           "\n"
           "Options:\n"
           " -b, --bytes         show output in bytes\n"
           "     --kilo          show output in kilobytes\n"
           "     --mega          show output in megabytes\n"
           "     --giga          show output in gigabytes\n"
           "     --tera          show output in terabytes\n"
           "     --peta          show output in petabytes\n"
           " -k, --kibi          show output in kibibytes\n"
           " -m, --mebi          show output in mebibytes\n"
           " -g, --gibi          show output in gibibytes\n"
           "     --tebi          show output in tebibytes\n"
           "     --pebi          show output in pebibytes\n"
           " -h, --human         show human-readable output\n"
           "     --si            use powers of 1000 not 1024\n"
           " -l, --lohi          show detailed low and high memory statistics\n"
           " -t, --total         show total for RAM + swap\n"
           " -v, --committed     show committed memory and commit limit\n"
           " -s N, --seconds N   repeat printing every N seconds\n"
           " -c N, --count N     repeat printing N times, then exit\n"
           " -w, --wide          wide output\n"
           "\n"
           "     --help     display this help and exit\n"
           " -V, --version  output version information and exit\n"
           "\n"
           "For more details see free(1).\n";
}

bool parseFreeArgs(const std::vector<std::string>& args, FreeOptions* out, std::string* error)
{
    FreeOptions o;
    bool unitSet = false;
    bool operands = false;
    Failure fail;

    // One option, as the switch in free.c's main() handles it. False: stop parsing
    // (an error in `fail`, or --help / -V, which exit at once).
    auto handle = [&](int id, const std::string& arg) -> bool {
        auto unit = [&](int exponent, bool si) {
            if (unitSet) {
                fail.text = "free: Multiple unit options don't make sense.\n";
                return false;
            }
            unitSet = true;
            o.exponent = exponent;
            if (si) o.si = true;
            return true;
        };
        switch (id) {
        case 'b':
            return unit(1, false);
        case 'k':
            return unit(2, false);
        case 'm':
            return unit(3, false);
        case 'g':
            return unit(4, false);
        case TebiOpt:
            return unit(5, false);
        case PebiOpt:
            return unit(6, false);
        case KiloOpt:
            return unit(2, true);
        case MegaOpt:
            return unit(3, true);
        case GigaOpt:
            return unit(4, true);
        case TeraOpt:
            return unit(5, true);
        case PetaOpt:
            return unit(6, true);
        case 'h':
            o.human = true;
            return true;
        case SiOpt:
            o.si = true;
            return true;
        case 'l':
            o.lohi = true;
            return true;
        case 't':
            o.total = true;
            return true;
        case 'v':
            o.committed = true;
            return true;
        case 'w':
            o.wide = true;
            return true;
        case 's': {
            o.repeat = true;
            const double seconds = strtodNolOrErr(arg, "seconds argument failed", &fail);
            if (!fail.text.empty()) return false;
            const auto interval = static_cast<float>(1000000 * seconds); // args.repeat_interval is a float
            if (interval < 1) {
                fail.text = "free: seconds argument `" + arg + "' is not positive number\n";
                return false;
            }
            o.seconds = seconds;
            return true;
        }
        case 'c': {
            o.repeat = true;
            const long n = strtolOrErr(arg, "failed to parse count argument", &fail);
            if (!fail.text.empty()) return false;
            o.count = static_cast<int>(n); // args.repeat_counter is an int
            if (o.count < 1) {
                fail.text
                    = "free: failed to parse count argument: " + quoted(arg) + ": Numerical result out of range\n";
                return false;
            }
            return true;
        }
        case HelpOpt:
            o.help = true;
            return false;
        case 'V':
            o.version = true;
            return false;
        }
        return false;
    };
    auto usageError = [&](const std::string& first) { fail.text = first + freeUsage(); };

    bool stopped = false;
    for (std::size_t i = 0; i < args.size() && !stopped; ++i) {
        const std::string& a = args[i];
        if (a == "--") { // everything after it is an operand
            operands = operands || i + 1 < args.size();
            break;
        }
        if (a.size() > 2 && a[0] == '-' && a[1] == '-') {
            const std::string body = a.substr(2);
            const std::size_t eq = body.find('=');
            const std::string name = body.substr(0, eq);
            const LongOpt* found = nullptr;
            std::vector<const LongOpt*> matches;
            for (const LongOpt& lo : kLongOpts) {
                if (lo.name == name) {
                    found = &lo;
                    matches.clear();
                    break;
                }
                if (lo.name.substr(0, name.size()) == name) matches.push_back(&lo);
            }
            if (!found && matches.size() == 1) found = matches[0];
            if (!found && matches.size() > 1) {
                std::string msg = "free: option '" + a + "' is ambiguous; possibilities:";
                for (const LongOpt* lo : matches) msg += " '--" + std::string(lo->name) + "'";
                usageError(msg + "\n");
                break;
            }
            if (!found) {
                usageError("free: unrecognized option '" + a + "'\n");
                break;
            }
            std::string arg;
            if (eq != std::string::npos) {
                if (!found->hasArg) {
                    usageError("free: option '--" + std::string(found->name) + "' doesn't allow an argument\n");
                    break;
                }
                arg = body.substr(eq + 1);
            } else if (found->hasArg) {
                if (i + 1 >= args.size()) {
                    usageError("free: option '--" + std::string(found->name) + "' requires an argument\n");
                    break;
                }
                arg = args[++i];
            }
            stopped = !handle(found->id, arg);
            continue;
        }
        if (a.size() > 1 && a[0] == '-') { // a cluster of short options: -hw, -c3, -hc 3
            for (std::size_t k = 1; k < a.size(); ++k) {
                const char c = a[k];
                const std::size_t at = c == ':' ? std::string_view::npos : kShortOpts.find(c);
                if (at == std::string_view::npos) {
                    usageError(std::string("free: invalid option -- '") + c + "'\n");
                    stopped = true;
                    break;
                }
                const bool needsArg = at + 1 < kShortOpts.size() && kShortOpts[at + 1] == ':';
                if (!needsArg) {
                    if (!handle(c, {})) {
                        stopped = true;
                        break;
                    }
                    continue;
                }
                std::string arg;
                if (k + 1 < a.size()) {
                    arg = a.substr(k + 1);
                } else if (i + 1 < args.size()) {
                    arg = args[++i];
                } else {
                    usageError(std::string("free: option requires an argument -- '") + c + "'\n");
                    stopped = true;
                    break;
                }
                stopped = !handle(c, arg);
                break;
            }
            continue;
        }
        operands = true; // getopt_long permutes operands to the end; free rejects them after the loop
    }
    if (!fail.text.empty()) {
        *error = fail.text;
        return false;
    }
    if (operands && !o.help && !o.version) {
        *error = freeUsage();
        return false;
    }
    *out = o;
    return true;
}

std::string formatFree(const MemInfo& i, const FreeOptions& opt)
{
    if (opt.help) return freeUsage();
    if (opt.version) return "free from procps-ng 4.0.2\n";
    const FreeValues v = deriveValues(i);
    std::string block;
    auto col = [&](std::uint64_t kb, bool first) {
        char buf[160];
        std::snprintf(buf, sizeof buf, first ? "%11s" : " %11s", freeScaleSize(kb, opt).c_str());
        block.append(buf);
    };
    // print_head_col(): the label padded to HC_WIDTH (9) columns.
    auto row = [&](const char* label, std::uint64_t a, std::uint64_t b, std::uint64_t c) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%-9s", label);
        block.append(buf);
        col(a, true);
        col(b, false);
        col(c, false);
        block.push_back('\n');
    };

    if (opt.wide)
        block.append("               total        used        free      shared     buffers       cache   available");
    else
        block.append("               total        used        free      shared  buff/cache   available");
    block.push_back('\n');
    block.append("Mem:     ");
    col(v.total, true);
    col(v.used, false);
    col(v.free, false);
    col(v.shared, false);
    if (opt.wide) {
        col(v.buffers, false);
        col(v.cachedAll, false);
    } else {
        col(v.buffers + v.cachedAll, false);
    }
    col(v.available, false);
    block.push_back('\n');
    if (opt.lohi) {
        row("Low:", v.lowTotal, v.lowUsed, v.lowFree);
        row("High:", v.highTotal, v.highUsed, v.highFree);
    }
    row("Swap:", v.swapTotal, v.swapUsed, v.swapFree);
    if (opt.total) row("Total:", v.total + v.swapTotal, v.used + v.swapUsed, v.free + v.swapFree);
    if (opt.committed) row("Comm:", v.commitLimit, v.committedAs, v.commitLimit - v.committedAs);

    if (!opt.repeat) return block;
    // The do/while of main(): with -c the last block ends the program; without it
    // free would go on forever, so the first block and its separator stand for it.
    const int blocks = opt.count > 0 ? std::min(opt.count, kFreeMaxBlocks) : 1;
    std::string out;
    out.reserve((block.size() + 1) * static_cast<std::size_t>(blocks));
    for (int b = 0; b < blocks; ++b) {
        out += block;
        if (b + 1 < blocks || opt.count == 0) out.push_back('\n');
    }
    return out;
}

} // namespace memviz
