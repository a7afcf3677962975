#include "stats/Shell.h"

#include "sim/Machine.h"
#include "stats/Free.h"
#include "stats/MemInfo.h"
#include "stats/ProcFiles.h"

#include <functional>

namespace memviz {

namespace {

bool readFile(const Machine& m, const std::string& path, std::string* text)
{
    if (path == "/proc/buddyinfo") *text = formatBuddyinfo(m);
    else if (path == "/proc/zoneinfo") *text = formatZoneinfo(m);
    else if (path == "/proc/meminfo") *text = formatMeminfo(m);
    else if (path == "/proc/vmstat") *text = formatVmstat(m);
    else if (path == "/proc/sys/vm/min_free_kbytes") *text = std::to_string(m.minFreeKbytes) + "\n";
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
    } else if (path == "/sys/kernel/mm/transparent_hugepage/enabled") {
        switch (m.config.sysctl.thp) {
        case ThpMode::Always: *text = "[always] madvise never\n"; break;
        case ThpMode::Madvise: *text = "always [madvise] never\n"; break;
        case ThpMode::Never: *text = "always madvise [never]\n"; break;
        }
    } else {
        return false;
    }
    return true;
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
            if (c == quote) quote = 0;
            else if (c == '\\' && quote == '"' && i + 1 < line.size()) cur.push_back(line[++i]);
            else cur.push_back(c);
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

std::vector<std::string> shellCommands() { return {"cat", "free", "echo"}; }

std::vector<std::string> shellFiles(const Machine& m)
{
    (void)m;
    return {"/proc/buddyinfo", "/proc/zoneinfo", "/proc/meminfo", "/proc/vmstat", "/proc/sys/vm/min_free_kbytes",
            "/proc/sys/vm/watermark_scale_factor", "/proc/sys/vm/lowmem_reserve_ratio",
            "/sys/kernel/mm/transparent_hugepage/enabled"};
}

ShellResult runShell(const Machine& m, std::string_view line)
{
    ShellResult r;
    const auto words = shellSplit(line);
    if (words.empty()) return r;
    const std::string& cmd = words[0];
    const std::vector<std::string> args(words.begin() + 1, words.end());
    if (cmd == "cat") {
        if (args.empty()) {
            r.err = "cat: reading standard input is not simulated\n";
            r.status = 1;
        }
        for (const std::string& path : args) {
            std::string text;
            if (readFile(m, path, &text)) {
                r.out += text;
            } else {
                r.err += "cat: " + path + ": No such file or directory\n";
                r.status = 1;
            }
        }
        return r;
    }
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

} // namespace memviz
