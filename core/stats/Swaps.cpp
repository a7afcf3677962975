// /proc/swaps and swapon(8) of util-linux 2.38 for the simulated swap areas.
#include "stats/Swaps.h"

#include "sim/Machine.h"
#include "stats/Printf.h"
#include "vm/VmOps.h"

#include <algorithm>
#include <cctype>

namespace memviz {

namespace {

using ull = unsigned long long;

/// seq_file_path(m, file, " \t\n\\"): those characters as \ooo.
std::string escapedPath(const std::string& path)
{
    std::string s;
    for (char c : path) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\\')
            appendf(s, "\\%03o", static_cast<unsigned>(static_cast<unsigned char>(c)));
        else
            s.push_back(c);
    }
    return s;
}

const char* const kTryHelp = "Try 'swapon --help' for more information.\n";

ShellResult swaponError(const std::string& text, int status = 1, bool tryHelp = false)
{
    ShellResult r;
    r.err = "swapon: " + text + "\n" + (tryHelp ? kTryHelp : "");
    r.status = status;
    return r;
}

enum class Col : std::uint8_t { Name, Type, Size, Used, Prio, Uuid, Label };

struct ColInfo {
    const char* name;
    Col id;
    bool right; ///< SCOLS_FL_RIGHT
};

// infos[] of sys-utils/swapon.c.
constexpr ColInfo kCols[] = {
    { "NAME", Col::Name, false },
    { "TYPE", Col::Type, false },
    { "SIZE", Col::Size, true },
    { "USED", Col::Used, true },
    { "PRIO", Col::Prio, true },
    { "UUID", Col::Uuid, false },
    { "LABEL", Col::Label, false },
};

const ColInfo* columnByName(const std::string& n)
{
    for (const ColInfo& c : kCols) {
        std::string a = c.name;
        if (a.size() != n.size()) continue;
        bool same = true;
        for (std::size_t i = 0; i < a.size(); ++i)
            if (std::toupper(static_cast<unsigned char>(n[i])) != a[i]) same = false;
        if (same) return &c;
    }
    return nullptr;
}

/// A libsmartcols table printed to a pipe: columns as wide as their widest cell, one space
/// between them, right-aligned columns padded on the left, the last column unpadded when
/// left-aligned.
std::string table(
    const std::vector<const ColInfo*>& cols, const std::vector<std::vector<std::string>>& rows, bool headings, bool raw)
{
    std::vector<std::vector<std::string>> all;
    if (headings) {
        std::vector<std::string> h;
        for (const ColInfo* c : cols) h.push_back(c->name);
        all.push_back(h);
    }
    for (const auto& r : rows) all.push_back(r);
    std::vector<std::size_t> width(cols.size(), 0);
    for (const auto& r : all)
        for (std::size_t i = 0; i < cols.size(); ++i) width[i] = std::max(width[i], r[i].size());
    std::string s;
    for (const auto& r : all) {
        for (std::size_t i = 0; i < cols.size(); ++i) {
            if (i) s.push_back(' ');
            if (raw) {
                s += r[i];
                continue;
            }
            const std::size_t pad = width[i] - r[i].size();
            if (cols[i]->right) {
                s.append(pad, ' ');
                s += r[i];
            } else {
                s += r[i];
                if (i + 1 < cols.size()) s.append(pad, ' ');
            }
        }
        s.push_back('\n');
    }
    return s;
}

} // namespace

std::string formatProcSwaps(const Machine& m)
{
    std::string s = "Filename\t\t\t\tType\t\tSize\t\tUsed\t\tPriority\n";
    for (const SwapArea& a : m.swap.areas) {
        if (!a.pages) continue;
        const std::string path = escapedPath(m.str(a.name));
        const int len = static_cast<int>(path.size());
        const ull bytes = m.pagesToKb(a.pages), inuse = m.pagesToKb(a.inuse);
        s += path;
        // swap_show(): "%*s%s\t%lu\t%s%lu\t%s%d\n"
        appendf(s, "%*s%s\t%llu\t%s%llu\t%s%d\n", len < 40 ? 40 - len : 1, " ", a.partition ? "partition" : "file\t",
            bytes, bytes < 10000000 ? "\t" : "", inuse, inuse < 10000000 ? "\t" : "", static_cast<int>(a.priority));
    }
    return s;
}

std::string humanSize(std::uint64_t bytes)
{
    int exp = 10;
    for (; exp <= 60; exp += 10)
        if (bytes < (1ULL << exp)) break;
    exp -= 10;
    const char letter = "BKMGTPE"[exp / 10];
    int dec = static_cast<int>(exp ? bytes / (1ULL << exp) : bytes);
    std::uint64_t frac = exp ? bytes % (1ULL << exp) : 0;
    if (frac) {
        // Three digits after the point, rounded to one.
        if (frac >= UINT64_MAX / 1000)
            frac = ((frac / 1024) * 1000) / (1ULL << (exp - 10));
        else
            frac = (frac * 1000) / (1ULL << exp);
        frac = ((frac + 50) / 100) * 10;
        if (frac == 100) {
            ++dec;
            frac = 0;
        }
    }
    std::string s;
    if (frac) {
        appendf(s, "%d.%02llu", dec, static_cast<ull>(frac));
        if (s.back() == '0') s.pop_back();
    } else {
        appendf(s, "%d", dec);
    }
    s.push_back(letter);
    return s;
}

ShellResult runSwapon(const Machine& m, const std::vector<std::string>& args)
{
    bool show = false, summary = false, bytes = false, headings = true, raw = false;
    std::string showList;
    std::vector<std::string> specs;
    long long prio = -1;
    bool prioGiven = false;
    bool optionsDone = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (optionsDone || a.size() < 2 || a[0] != '-') {
            specs.push_back(a);
            continue;
        }
        if (a == "--") {
            optionsDone = true;
        } else if (a == "--show" || a.rfind("--show=", 0) == 0) {
            show = true;
            if (a.size() > 7) showList = a.substr(7);
        } else if (a == "--summary") {
            summary = true;
        } else if (a == "--bytes") {
            bytes = true;
        } else if (a == "--noheadings") {
            headings = false;
        } else if (a == "--raw") {
            raw = true;
        } else if (a == "--priority" || a.rfind("--priority=", 0) == 0 || a.rfind("-p", 0) == 0) {
            std::string v;
            if (a.rfind("--priority=", 0) == 0)
                v = a.substr(11);
            else if (a.rfind("-p", 0) == 0 && a.size() > 2)
                v = a.substr(2);
            else if (i + 1 < args.size())
                v = args[++i];
            else
                return swaponError(
                    a == "-p" ? "option requires an argument -- 'p'" : "option '--priority' requires an argument", 1,
                    true);
            char* end = nullptr;
            prio = std::strtoll(v.c_str(), &end, 10);
            if (v.empty() || *end || prio < -32768 || prio > 32767)
                return swaponError("failed to parse priority: '" + v + "'");
            prioGiven = true;
        } else if (a == "-s") {
            summary = true;
        } else if (a == "--help" || a == "-h") {
            return swaponError(
                "--help is not simulated (memviz simulates --show, --bytes, --noheadings, --raw, -s and -p)");
        } else if (a.rfind("--", 0) == 0) {
            static const char* const others[] = { "--all", "--discard", "--ifexists", "--options", "--fixpgsz",
                "--output-all", "--verbose", "--version" };
            const std::string name = a.substr(0, a.find('='));
            for (const char* o : others)
                if (name == o) return swaponError(a + " is not simulated");
            return swaponError("unrecognized option '" + a + "'", 1, true);
        } else {
            for (std::size_t k = 1; k < a.size(); ++k) {
                const char c = a[k];
                if (c == 's') {
                    summary = true;
                } else if (std::string_view("adefovVLUT").find(c) != std::string_view::npos) {
                    return swaponError(std::string("-") + c + " is not simulated");
                } else {
                    return swaponError(std::string("invalid option -- '") + c + "'", 1, true);
                }
            }
        }
    }
    ShellResult r;
    if (!specs.empty() && !show && !summary) {
        // Enable a swap area: a file of the simulated disk (mkswap is taken as done).
        for (const std::string& spec : specs) {
            const std::string path = vm::absolutePath(m, spec);
            bool active = false;
            for (const SwapArea& a : m.swap.areas)
                if (a.pages && (m.str(a.name) == spec || m.str(a.name) == path)) active = true;
            if (active) return swaponError(spec + ": swapon failed: Device or resource busy", 255);
            const std::uint32_t f = m.fileByName(path);
            if (f == kNoFile) return swaponError("cannot open " + spec + ": No such file or directory", 255);
            Command c = vmCommand(CommandType::SwapOn, 0);
            c.text = path;
            c.len = m.files[f].size;
            c.addr = static_cast<std::uint64_t>(prio);
            c.write = prioGiven; // SwapOn: a priority was given
            r.command = c;
        }
        return r;
    }
    if (summary && !show) {
        // display_summary(): the kernel's layout, nothing at all without swap areas.
        bool any = false;
        for (const SwapArea& a : m.swap.areas) any = any || a.pages;
        if (any) r.out = formatProcSwaps(m);
        return r;
    }
    std::vector<const ColInfo*> cols;
    if (showList.empty()) {
        for (int i = 0; i < 5; ++i) cols.push_back(&kCols[i]);
    } else {
        std::size_t pos = 0;
        while (true) {
            const std::size_t comma = showList.find(',', pos);
            const std::string name = showList.substr(pos, comma == std::string::npos ? std::string::npos : comma - pos);
            const ColInfo* c = columnByName(name);
            if (!c) return swaponError("unknown column: " + name);
            cols.push_back(c);
            if (comma == std::string::npos) break;
            pos = comma + 1;
        }
    }
    std::vector<std::vector<std::string>> rows;
    for (const SwapArea& a : m.swap.areas) {
        if (!a.pages) continue;
        std::vector<std::string> row;
        const ull size = m.pagesToKb(a.pages) * 1024, used = m.pagesToKb(a.inuse) * 1024;
        for (const ColInfo* c : cols) {
            switch (c->id) {
            case Col::Name:
                row.push_back(m.str(a.name));
                break;
            case Col::Type:
                row.push_back(a.partition ? "partition" : "file");
                break;
            case Col::Size:
                row.push_back(bytes ? std::to_string(size) : humanSize(size));
                break;
            case Col::Used:
                row.push_back(bytes ? std::to_string(used) : humanSize(used));
                break;
            case Col::Prio:
                row.push_back(std::to_string(a.priority));
                break;
            case Col::Uuid:
            case Col::Label:
                row.emplace_back();
                break;
            }
        }
        rows.push_back(row);
    }
    if (!rows.empty()) r.out = table(cols, rows, headings, raw);
    return r;
}

} // namespace memviz
