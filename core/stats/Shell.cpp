#include "stats/Shell.h"

#include "alloc/KernelMap.h"

#include "sim/Sysctl.h"

#include "sim/Machine.h"
#include "stats/Dmesg.h"
#include "stats/Free.h"
#include "stats/MemInfo.h"
#include "stats/Numa.h"
#include "stats/ProcFiles.h"
#include "stats/ProcPid.h"
#include "stats/Sar.h"
#include "stats/Slabinfo.h"
#include "stats/Swaps.h"
#include "stats/Vmstat.h"
#include "vm/VmOps.h"

#include <cctype>
#include <charconv>
#include <cmath>
#include <regex>
#include <string_view>

namespace memviz {

namespace {

enum class ReadResult : std::uint8_t { Ok, NoSuchFile, IsDirectory, PermissionDenied };

ReadResult readFile(const Machine& m, const std::string& path, std::string* text)
{
    if (path.rfind("/proc/", 0) == 0 && path.size() > 6 && path.compare(0, 10, "/proc/sys/") != 0) {
        bool isDir = false;
        if (readProcPidFile(m, path, text, &isDir)) return isDir ? ReadResult::IsDirectory : ReadResult::Ok;
    }
    if (path == "/proc/buddyinfo")
        *text = formatBuddyinfo(m);
    else if (path == "/proc/zoneinfo")
        *text = formatZoneinfo(m);
    else if (path == "/proc/meminfo")
        *text = formatMeminfo(m);
    else if (path == "/proc/vmstat")
        *text = formatVmstat(m);
    else if (path == "/proc/sys/vm/min_free_kbytes")
        *text = std::to_string(m.minFreeKbytes) + "\n";
    else if (path == "/proc/swaps")
        *text = formatProcSwaps(m);
    else if (path == "/proc/slabinfo" && !m.config.arch.custom)
        *text = formatSlabinfo(m); // mode 0400: the shell runs as root
    else if (path == "/proc/vmallocinfo" && !m.config.arch.custom)
        *text = kmem::formatVmallocinfo(m);
    else if (path == "/proc/sys/vm/drop_caches")
        return ReadResult::PermissionDenied; // mode 0200: write-only
    else if (const auto info = sysctlByName(path); info && path.rfind("/proc/sys/", 0) == 0)
        *text = std::to_string(sysctlValue(m, info->id)) + "\n";
    else if (path == "/proc/sys/kernel/pid_max")
        *text = std::to_string(pidMax(m)) + "\n";
    else if (path == "/proc/sys/vm/watermark_scale_factor")
        *text = std::to_string(m.config.sysctl.watermarkScaleFactor) + "\n";
    else if (path == "/proc/sys/vm/lowmem_reserve_ratio") {
        // One column per zone type the kernel is built with, tab separated.
        std::string s;
        for (std::uint8_t zid : m.nodes[0].zones) {
            if (!s.empty()) s.push_back('\t');
            s += std::to_string(m.config.sysctl.lowmemReserveRatio[static_cast<int>(m.zones[zid].type)]);
        }
        *text = s + "\n";
    } else if (path.rfind("/sys/devices/system/node/node", 0) == 0) {
        // /sys/devices/system/node/node<N>/<file> (stats/Numa.h)
        const std::string rest = path.substr(29);
        const auto slash = rest.find('/');
        const std::string num = rest.substr(0, slash);
        if (num.empty() || num.size() > 3 || num.find_first_not_of("0123456789") != std::string::npos)
            return ReadResult::NoSuchFile;
        const int node = std::stoi(num);
        if (slash == std::string::npos || slash + 1 == rest.size()) { // the node's directory itself
            std::string probe;
            return readNodeFile(m, node, "distance", &probe) ? ReadResult::IsDirectory : ReadResult::NoSuchFile;
        }
        if (!readNodeFile(m, node, rest.substr(slash + 1), text)) return ReadResult::NoSuchFile;
    } else if (path == "/sys/kernel/mm/transparent_hugepage/enabled") {
        switch (m.config.sysctl.thp) {
        case ThpMode::Always:
            *text = "[always] madvise never\n";
            break;
        case ThpMode::Madvise:
            *text = "always [madvise] never\n";
            break;
        case ThpMode::Never:
            *text = "always madvise [never]\n";
            break;
        }
    } else {
        // A file on the simulated disk (relative names live in the user's directory).
        const std::uint32_t f = m.fileByName(vm::absolutePath(m, path));
        if (f == kNoFile) return ReadResult::NoSuchFile;
        *text = vm::fileContents(m, f);
    }
    return ReadResult::Ok;
}

ShellResult runCat(const Machine& m, const std::vector<std::string>& args, const std::string* input)
{
    ShellResult r;
    if (args.empty()) {
        if (input) {
            r.out = *input;
        } else {
            r.err = "cat: reading standard input is not simulated\n";
            r.status = 1;
        }
        return r;
    }
    for (const std::string& path : args) {
        std::string text;
        switch (readFile(m, path, &text)) {
        case ReadResult::Ok:
            r.out += text;
            break;
        case ReadResult::IsDirectory:
            r.err += "cat: " + path + ": Is a directory\n";
            r.status = 1;
            break;
        case ReadResult::NoSuchFile:
            r.err += "cat: " + path + ": No such file or directory\n";
            r.status = 1;
            break;
        case ReadResult::PermissionDenied:
            r.err += "cat: " + path + ": Permission denied\n";
            r.status = 1;
            break;
        }
    }
    return r;
}

/// What GNU grep 3.8 prints for a pattern std::regex refuses (its dfa.c / regerror()
/// texts; an unmatched '[' is "Invalid regular expression" there).
std::string regexMessage(const std::regex_error& e)
{
    switch (e.code()) {
    case std::regex_constants::error_paren:
        return "Unmatched ( or \\(";
    case std::regex_constants::error_brace:
        return "Unmatched \\{";
    case std::regex_constants::error_badbrace:
        return "Invalid content of \\{\\}";
    case std::regex_constants::error_range:
        return "Invalid range end";
    case std::regex_constants::error_ctype:
        return "Invalid character class name";
    case std::regex_constants::error_escape:
        return "Trailing backslash";
    case std::regex_constants::error_badrepeat:
        return "Invalid preceding regular expression";
    default:
        return "Invalid regular expression";
    }
}

/// GNU grep with the options scripts use: -v -i -c -n -E -F -G -w -x -q -h -H -e, a pattern,
/// and files or stdin. Exit status 0 when a line was selected, 1 when none, 2 on error.
ShellResult runGrep(const Machine& m, const std::vector<std::string>& args, const std::string* input)
{
    ShellResult r;
    bool invert = false, icase = false, count = false, number = false, extended = false, fixed = false;
    bool word = false, line = false, quiet = false;
    int names = 0; // -H: always prefix the file name, -h: never, 0: when several files
    std::vector<std::string> patterns; // -e PATTERN (any may match), else the first operand
    bool fromE = false;
    std::vector<std::string> files;
    bool optionsDone = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (!optionsDone && a == "--") {
            optionsDone = true;
        } else if (!optionsDone && a.size() > 1 && a[0] == '-') {
            for (std::size_t k = 1; k < a.size(); ++k) {
                switch (a[k]) {
                case 'v':
                    invert = true;
                    break;
                case 'i':
                    icase = true;
                    break;
                case 'c':
                    count = true;
                    break;
                case 'n':
                    number = true;
                    break;
                case 'E':
                    extended = true;
                    break;
                case 'F':
                    fixed = true;
                    break;
                case 'G':
                    extended = fixed = false;
                    break;
                case 'w':
                    word = true;
                    break;
                case 'x':
                    line = true;
                    break;
                case 'q':
                    quiet = true;
                    break;
                case 'h':
                    names = -1;
                    break;
                case 'H':
                    names = 1;
                    break;
                case 'e':
                    fromE = true;
                    if (k + 1 < a.size())
                        patterns.push_back(a.substr(k + 1));
                    else if (i + 1 < args.size())
                        patterns.push_back(args[++i]);
                    else {
                        r.err = "grep: option requires an argument -- 'e'\n"
                                "Usage: grep [OPTION]... PATTERNS [FILE]...\n"
                                "Try 'grep --help' for more information.\n";
                        r.status = 2;
                        return r;
                    }
                    k = a.size();
                    break;
                default:
                    r.err = std::string("grep: invalid option -- '") + a[k] + "'\n"
                        + "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n";
                    r.status = 2;
                    return r;
                }
            }
        } else if (!fromE && patterns.empty()) {
            patterns.push_back(a);
        } else {
            files.push_back(a);
        }
    }
    if (patterns.empty()) {
        r.err = "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n";
        r.status = 2;
        return r;
    }
    // -F compares plain strings; otherwise POSIX BRE (or ERE with -E) through std::regex,
    // without GNU's extensions (\| \+ \? \< \>). -w and -x check the match's ends.
    auto lower = [](std::string t) {
        for (char& c : t) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        return t;
    };
    auto wordChar = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
    auto isWord = [&](const std::string& ln, std::size_t at, std::size_t len) {
        return len > 0 && (at == 0 || !wordChar(ln[at - 1])) && (at + len >= ln.size() || !wordChar(ln[at + len]));
    };
    std::vector<std::regex> res;
    if (!fixed) {
        try {
            auto flags = extended ? std::regex::extended : std::regex::basic;
            if (icase) flags |= std::regex::icase;
            for (const std::string& pat : patterns) res.emplace_back(pat, flags);
        } catch (const std::regex_error& e) {
            r.err = "grep: " + regexMessage(e) + "\n";
            r.status = 2;
            return r;
        }
    }
    auto matchesOne = [&](const std::string& ln, std::size_t k) {
        if (fixed) {
            const std::string needle = icase ? lower(patterns[k]) : patterns[k];
            const std::string hay = icase ? lower(ln) : ln;
            if (line) return hay == needle;
            for (std::size_t at = hay.find(needle); at != std::string::npos; at = hay.find(needle, at + 1))
                if (!word || isWord(hay, at, needle.size())) return true;
            return false;
        }
        const std::regex& re = res[k];
        if (line) return std::regex_match(ln, re);
        if (!word) return std::regex_search(ln, re);
        for (auto it = std::sregex_iterator(ln.begin(), ln.end(), re); it != std::sregex_iterator(); ++it)
            if (isWord(ln, static_cast<std::size_t>(it->position()), static_cast<std::size_t>(it->length())))
                return true;
        return false;
    };
    auto matches = [&](const std::string& ln) {
        for (std::size_t k = 0; k < patterns.size(); ++k)
            if (matchesOne(ln, k)) return true;
        return false;
    };

    bool selected = false, failed = false;
    auto scan = [&](const std::string& text, const std::string& label) {
        std::uint64_t n = 0, lineNo = 0;
        std::size_t pos = 0;
        while (pos < text.size()) {
            std::size_t eol = text.find('\n', pos);
            if (eol == std::string::npos) eol = text.size();
            const std::string ln = text.substr(pos, eol - pos);
            pos = eol + 1;
            ++lineNo;
            if (matches(ln) == invert) continue;
            ++n;
            selected = true;
            if (quiet || count) continue;
            if (!label.empty()) r.out += label + ":";
            if (number) r.out += std::to_string(lineNo) + ":";
            r.out += ln + "\n";
        }
        if (count && !quiet) r.out += (label.empty() ? std::string() : label + ":") + std::to_string(n) + "\n";
    };
    if (files.empty()) {
        if (!input) {
            r.err = "grep: reading standard input is not simulated\n";
            r.status = 2;
            return r;
        }
        scan(*input, std::string());
    }
    for (const std::string& f : files) {
        std::string text;
        const ReadResult rr = readFile(m, f, &text);
        if (rr == ReadResult::NoSuchFile) {
            r.err += "grep: " + f + ": No such file or directory\n";
            failed = true;
        } else if (rr == ReadResult::IsDirectory) {
            r.err += "grep: " + f + ": Is a directory\n";
            failed = true;
        } else if (rr == ReadResult::PermissionDenied) {
            r.err += "grep: " + f + ": Permission denied\n";
            failed = true;
        } else {
            scan(text, names > 0 || (names == 0 && files.size() > 1) ? f : std::string());
        }
    }
    r.status = failed && !(quiet && selected) ? 2 : selected ? 0 : 1;
    return r;
}

/// Cuts a command line at the pipes that are not quoted or escaped.
std::vector<std::string> splitPipeline(std::string_view line)
{
    // Quotes and escapes stay in the parts: shellSplit() reads them afterwards.
    std::vector<std::string> parts;
    std::string cur;
    char quote = 0;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (!quote && c == '|') {
            parts.push_back(cur);
            cur.clear();
            continue;
        }
        cur.push_back(c);
        if (c == '\\' && quote != '\'' && i + 1 < line.size()) {
            cur.push_back(line[++i]); // an escaped character, a bar included
        } else if (quote) {
            if (c == quote) quote = 0;
        } else if (c == '\'' || c == '"') {
            quote = c;
        }
    }
    parts.push_back(cur);
    return parts;
}

} // namespace

std::vector<std::string> shellSplit(std::string_view line)
{
    std::vector<std::string> words;
    std::string cur;
    bool inWord = false;
    char quote = 0;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (quote) {
            if (c == quote)
                quote = 0;
            else if (c == '\\' && quote == '"' && i + 1 < line.size())
                cur.push_back(line[++i]);
            else
                cur.push_back(c);
        } else if (c == '\'' || c == '"') {
            quote = c;
            inWord = true;
        } else if (c == '\\' && i + 1 < line.size()) {
            cur.push_back(line[++i]);
            inWord = true;
        } else if (c == ' ' || c == '\t' || c == '\n') {
            if (inWord) words.push_back(cur);
            cur.clear();
            inWord = false;
        } else {
            cur.push_back(c);
            inWord = true;
        }
    }
    if (inWord) words.push_back(cur);
    return words;
}

std::vector<std::string> shellCommands()
{
    return { "cat", "free", "echo", "ps", "grep", "sysctl", "sar", "vmstat", "swapon", "dmesg", "sleep", "tee",
        "sudo", "numactl", "numastat" };
}

std::vector<std::string> shellFiles(const Machine& m)
{
    std::vector<std::string> files = { "/proc/buddyinfo", "/proc/zoneinfo", "/proc/meminfo", "/proc/vmstat",
        "/proc/sys/vm/min_free_kbytes", "/proc/sys/vm/watermark_scale_factor", "/proc/sys/vm/lowmem_reserve_ratio",
        "/proc/sys/kernel/pid_max", "/sys/kernel/mm/transparent_hugepage/enabled", "/proc/sys/vm/overcommit_memory",
        "/proc/sys/vm/overcommit_ratio", "/proc/sys/vm/overcommit_kbytes", "/proc/sys/vm/swappiness",
        "/proc/sys/vm/panic_on_oom", "/proc/sys/vm/oom_kill_allocating_task", "/proc/sys/vm/drop_caches",
        "/proc/swaps", "/proc/slabinfo", "/proc/vmallocinfo" };
    for (std::string& f : nodeFiles(m)) files.push_back(std::move(f));
    for (std::string& f : procPidFiles(m)) files.push_back(std::move(f));
    for (const File& f : m.files) files.push_back(m.str(f.name));
    return files;
}

namespace {

ShellResult writeFile(const Machine& m, const std::string& path, const std::string& text, const std::string& who);
ShellResult runSleep(const std::vector<std::string>& args);
ShellResult runTee(const Machine& m, const std::vector<std::string>& args, const std::string* input);

/// One command of a pipeline; `input` is the previous command's stdout (null: the terminal).
ShellResult runCommand(const Machine& m, const std::vector<std::string>& words, const std::string* input)
{
    ShellResult r;
    if (words.empty()) return r;
    const std::string& cmd = words[0];
    const std::vector<std::string> args(words.begin() + 1, words.end());
    if (cmd == "sudo") return runCommand(m, args, input); // the shell already writes tunables as root
    if (cmd == "cat") return runCat(m, args, input);
    if (cmd == "grep") return runGrep(m, args, input);
    if (cmd == "ps") return runPs(m, args);
    if (cmd == "sar") return runSar(m, args);
    if (cmd == "vmstat") return runVmstat(m, args);
    if (cmd == "swapon") return runSwapon(m, args);
    if (cmd == "dmesg") return runDmesg(m, args);
    if (cmd == "numactl") return runNumactl(m, args);
    if (cmd == "numastat") return runNumastat(m, args);
    if (cmd == "sleep") return runSleep(args);
    if (cmd == "tee") return runTee(m, args, input);
    if (cmd == "free") {
        FreeOptions opt;
        std::string err;
        if (!parseFreeArgs(args, &opt, &err)) {
            r.err = err; // already exactly what free writes to stderr
            r.status = 1;
            return r;
        }
        r.out = formatFree(computeMemInfo(m), opt);
        return r;
    }
    if (cmd == "echo") {
        for (std::size_t i = 0; i < args.size(); ++i) {
            if (i) r.out.push_back(' ');
            r.out += args[i];
        }
        r.out.push_back('\n');
        return r;
    }
    r.err = "bash: " + cmd + ": command not found\n";
    r.status = 127;
    return r;
}

} // namespace

namespace {

ShellResult runPipeline(const Machine& m, std::string_view line);

/// The value text written to a tunable, as its handler parses it; nothing when invalid.
std::optional<std::uint64_t> parseTunable(const SysctlInfo& info, const std::string& text)
{
    if (info.id == Sysctl::ThpEnabled) {
        if (text == "always") return 0;
        if (text == "madvise") return 1;
        if (text == "never") return 2;
        return std::nullopt;
    }
    if (text.empty() || text.size() > 19 || text.find_first_not_of("0123456789") != std::string::npos)
        return std::nullopt;
    return std::stoull(text);
}

Command sysctlCommand(const SysctlInfo& info, std::uint64_t value)
{
    Command c = vmCommand(CommandType::SetSysctl, 0);
    c.text = std::string(info.name);
    c.len = value;
    return c;
}

/// drop_caches_sysctl_handler(): proc_dointvec_minmax over 1..4.
std::optional<std::uint64_t> parseDropCaches(const std::string& text)
{
    if (text.empty() || text.size() > 10 || text.find_first_not_of("0123456789") != std::string::npos)
        return std::nullopt;
    const std::uint64_t v = std::stoull(text);
    if (v < 1 || v > 4) return std::nullopt;
    return v;
}

Command dropCachesCommand(std::uint64_t mode)
{
    Command c = vmCommand(CommandType::DropCaches, 0);
    c.len = mode;
    return c;
}

/// sysctl(8) of procps-ng: `sysctl vm.x`, `sysctl vm.x=y`, `sysctl -w vm.x=y`.
ShellResult runSysctl(const Machine& m, const std::vector<std::string>& words)
{
    ShellResult r;
    for (std::size_t i = 1; i < words.size(); ++i) {
        const std::string& w = words[i];
        if (w == "-w" || w == "-q") continue;
        const auto eq = w.find('=');
        const std::string key = w.substr(0, eq);
        std::string path = "/proc/sys/" + key;
        for (char& ch : path)
            if (ch == '.') ch = '/';
        if (path == "/proc/sys/vm/drop_caches") {
            if (eq == std::string::npos) {
                // sysctl reads the write-only file: EACCES.
                r.err += "sysctl: permission denied on key '" + key + "'\n";
                r.status = 255;
                continue;
            }
            const auto v = parseDropCaches(w.substr(eq + 1));
            if (!v) {
                r.err += "sysctl: setting key \"" + key + "\": Invalid argument\n";
                r.status = 255;
                continue;
            }
            r.out += key + " = " + w.substr(eq + 1) + "\n";
            if (*v != 4) r.command = dropCachesCommand(*v);
            continue;
        }
        const auto info = sysctlByName(path);
        if (!info || info->id == Sysctl::ThpEnabled) {
            r.err += "sysctl: cannot stat " + path + ": No such file or directory\n";
            r.status = 255;
            continue;
        }
        if (eq == std::string::npos) {
            r.out += key + " = " + std::to_string(sysctlValue(m, info->id)) + "\n";
            continue;
        }
        const auto v = parseTunable(*info, w.substr(eq + 1));
        if (!v) {
            r.err += "sysctl: setting key \"" + key + "\": Invalid argument\n";
            r.status = 255;
            continue;
        }
        r.out += key + " = " + std::to_string(*v) + "\n";
        r.command = sysctlCommand(*info, *v);
    }
    return r;
}

/// The pid of a /proc/PID/oom_score_adj path (self: the process the CPU runs); 0 for none.
std::uint32_t oomScoreAdjPid(const Machine& m, const std::string& path)
{
    constexpr std::string_view prefix = "/proc/", suffix = "/oom_score_adj";
    if (path.size() <= prefix.size() + suffix.size() || path.compare(0, prefix.size(), prefix) != 0
        || path.compare(path.size() - suffix.size(), suffix.size(), suffix) != 0)
        return 0;
    const std::string who = path.substr(prefix.size(), path.size() - prefix.size() - suffix.size());
    std::uint32_t pid = 0;
    if (who == "self") {
        pid = m.cpu.current;
    } else {
        const auto res = std::from_chars(who.data(), who.data() + who.size(), pid);
        if (res.ec != std::errc() || res.ptr != who.data() + who.size() || who[0] == '0') return 0;
    }
    const Process* p = m.proc(pid);
    return p && p->alive() ? pid : 0;
}

/// Writing `text` (echo's words, without the newline) to a file: the tunables of sysctl,
/// drop_caches and /proc/PID/oom_score_adj become commands. `who` names the writer in
/// error messages ("bash: echo", "tee").
ShellResult writeFile(const Machine& m, const std::string& path, const std::string& text, const std::string& who)
{
    ShellResult r;
    const bool bash = who == "bash: echo";
    auto writeError = [&](const char* why) {
        r.err = bash ? "bash: echo: write error: " + std::string(why) + "\n" : who + ": " + path + ": " + why + "\n";
        r.status = 1;
        return r;
    };
    if (path == "/proc/sys/vm/drop_caches") {
        const auto v = parseDropCaches(text);
        if (!v) return writeError("Invalid argument");
        if (*v != 4) r.command = dropCachesCommand(*v); // 4 only silences the kernel's log line
        return r;
    }
    if (path.rfind("/proc/", 0) == 0 && path.size() > 14 && path.compare(path.size() - 14, 14, "/oom_score_adj") == 0) {
        const std::uint32_t pid = oomScoreAdjPid(m, path);
        if (!pid) {
            r.err = (bash ? "bash: " : who + ": ") + path + ": No such file or directory\n";
            r.status = 1;
            return r;
        }
        // oom_score_adj_write(): kstrtoint, then the range check.
        long long v = 0;
        const char* first = text.data();
        const char* last = text.data() + text.size();
        if (first != last && *first == '+') ++first;
        const auto res = std::from_chars(first, last, v);
        if (res.ec != std::errc() || res.ptr != last || v < -1000 || v > 1000) return writeError("Invalid argument");
        Command c = vmCommand(CommandType::SetOomScoreAdj, pid);
        c.addr = static_cast<std::uint64_t>(static_cast<std::int64_t>(v));
        r.command = c;
        return r;
    }
    const auto info = sysctlByName(path);
    if (!info) {
        const bool kernel = path.rfind("/proc/", 0) == 0 || path.rfind("/sys/", 0) == 0;
        if (bash) {
            r.err = "bash: " + path + ": " + (kernel ? "Permission denied\n" : "Read-only file system\n");
        } else {
            r.err = who + ": " + path + ": " + (kernel ? "Permission denied\n" : "Read-only file system\n");
        }
        r.status = 1;
        return r;
    }
    const auto v = parseTunable(*info, text);
    if (!v) return writeError("Invalid argument");
    r.command = sysctlCommand(*info, *v);
    return r;
}

/// `echo VALUE > FILE` for the writable files; other redirections are not simulated.
std::optional<ShellResult> runRedirect(const Machine& m, const std::vector<std::string>& words)
{
    std::size_t at = words.size();
    std::string target;
    for (std::size_t i = 1; i < words.size(); ++i)
        if (words[i] == ">" && i + 1 < words.size()) {
            at = i;
            target = words[i + 1];
            break;
        } else if (words[i].size() > 1 && words[i][0] == '>') {
            at = i;
            target = words[i].substr(1);
            break;
        }
    if (at == words.size()) return std::nullopt;
    ShellResult r;
    if (words[0] != "echo") {
        r.err = "memviz: only `echo VALUE > FILE` is simulated for redirections\n";
        r.status = 1;
        return r;
    }
    std::string text;
    for (std::size_t i = 1; i < at; ++i) text += (i > 1 ? " " : "") + words[i];
    return writeFile(m, target, text, "bash: echo");
}

/// tee(1) of coreutils into the writable files: the input goes to stdout and to FILE.
ShellResult runTee(const Machine& m, const std::vector<std::string>& args, const std::string* input)
{
    ShellResult r;
    std::vector<std::string> files;
    for (const std::string& a : args)
        if (a != "-a" && a != "--append") files.push_back(a);
    const std::string in = input ? *input : std::string();
    r.out = in;
    std::string text = in;
    while (!text.empty() && text.back() == '\n') text.pop_back(); // the handlers stop at the newline
    for (const std::string& f : files) {
        ShellResult w = writeFile(m, f, text, "tee");
        r.err += w.err;
        if (w.status) r.status = w.status;
        if (w.command) r.command = w.command;
    }
    return r;
}

/// sleep(1) of coreutils: NUMBER[smhd] arguments, summed; the pause becomes a Sleep command.
ShellResult runSleep(const std::vector<std::string>& args)
{
    ShellResult r;
    const char* const tryHelp = "Try 'sleep --help' for more information.\n";
    if (args.empty()) {
        r.err = std::string("sleep: missing operand\n") + tryHelp;
        r.status = 1;
        return r;
    }
    double seconds = 0;
    bool bad = false;
    for (const std::string& a : args) {
        std::string num = a;
        double unit = 1;
        if (!num.empty()) {
            switch (num.back()) {
            case 's':
                num.pop_back();
                break;
            case 'm':
                unit = 60;
                num.pop_back();
                break;
            case 'h':
                unit = 3600;
                num.pop_back();
                break;
            case 'd':
                unit = 86400;
                num.pop_back();
                break;
            default:
                break;
            }
        }
        double v = 0;
        const auto res = std::from_chars(num.data(), num.data() + num.size(), v);
        if (num.empty() || res.ec != std::errc() || res.ptr != num.data() + num.size() || v < 0 || std::isnan(v)) {
            r.err += "sleep: invalid time interval '" + a + "'\n";
            bad = true;
            continue;
        }
        seconds += v * unit;
    }
    if (bad) {
        r.err += tryHelp;
        r.status = 1;
        return r;
    }
    Command c = vmCommand(CommandType::Sleep, 0);
    const double ns = seconds * 1e9;
    c.len = ns >= 1.8e19 ? ~std::uint64_t(0) : static_cast<std::uint64_t>(std::llround(ns));
    r.command = c;
    return r;
}

} // namespace

ShellResult runShell(const Machine& m, std::string_view line)
{
    {
        auto words = shellSplit(line);
        while (!words.empty() && words[0] == "sudo") words.erase(words.begin());
        if (!words.empty() && line.find('|') == std::string_view::npos) {
            if (auto r = runRedirect(m, words)) return *r;
            if (words[0] == "sysctl") return runSysctl(m, words);
        }
    }
    return runPipeline(m, line);
}

namespace {

ShellResult runPipeline(const Machine& m, std::string_view line)
{
    // A pipeline: each command reads the one before; every stderr reaches the terminal
    // and the status is the last command's (bash without pipefail). A write (tee) in any
    // command is the line's command.
    const std::vector<std::string> parts = splitPipeline(line);
    ShellResult r;
    std::string piped;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        const auto words = shellSplit(parts[i]);
        if (words.empty()) {
            if (parts.size() == 1) return r;
            r.out.clear();
            r.err += "bash: syntax error near unexpected token `|'\n";
            r.status = 2;
            return r;
        }
        ShellResult step = runCommand(m, words, i ? &piped : nullptr);
        r.err += step.err;
        r.status = step.status;
        if (step.command) r.command = step.command;
        piped = step.out;
    }
    r.out = piped;
    return r;
}

} // namespace

} // namespace memviz
