// The kernel log of a simulated machine as util-linux dmesg prints it, with Linux 6.12's
// message formats (each quoted next to where it is used).
#include "stats/Dmesg.h"

#include "phys/Numa.h"
#include "reclaim/Reclaim.h"

#include "sim/Machine.h"
#include "stats/Printf.h"

#include <ctime>

namespace memviz {

namespace {

using ull = unsigned long long;

constexpr std::uint64_t kNsPerSec = 1000000000ull;

/// The memory cgroup of a program started from a desktop session on Debian (systemd-logind).
constexpr const char* kTaskMemcg = "/user.slice/user-1000.slice/session-1.scope";
constexpr unsigned kUid = 1000;

class Writer {
public:
    Writer(const Machine& m, DmesgTime t)
        : m_m(m)
        , m_time(t)
    {
    }

    /// One line of the log at `ns` after boot.
    void line(std::uint64_t ns, const std::string& text)
    {
        switch (m_time) {
        case DmesgTime::Monotonic:
            appendf(
                m_out, "[%5llu.%06llu] ", static_cast<ull>(ns / kNsPerSec), static_cast<ull>(ns % kNsPerSec / 1000));
            break;
        case DmesgTime::Ctime: {
            // util-linux: strftime("%a %b %e %H:%M:%S %Y") of boot time + the record's seconds.
            const auto t = static_cast<std::time_t>(m_m.config.bootEpoch + ns / kNsPerSec);
            std::tm tm {};
            gmtime_r(&t, &tm);
            char buf[64];
            std::strftime(buf, sizeof buf, "%a %b %e %H:%M:%S %Y", &tm);
            appendf(m_out, "[%s] ", buf);
            break;
        }
        case DmesgTime::None:
            break;
        }
        m_out += text;
        m_out.push_back('\n');
    }

    std::string take() { return std::move(m_out); }

private:
    const Machine& m_m;
    DmesgTime m_time;
    std::string m_out;
};

std::string fmt(const char* f, auto... args)
{
    std::string s;
    appendf(s, f, args...);
    return s;
}

/// One row of dump_tasks() (mm/oom_kill.c dump_task).
struct TaskRow {
    std::uint64_t ns = 0;
    std::uint32_t pid = 0;
    std::string comm;
    long long uid = kUid, totalVm = 0, rss = 0, anon = 0, file = 0, pgtablesBytes = 0, swapents = 0, adj = 0;
};

std::string taskRow(const TaskRow& t)
{
    return fmt("[%7d] %5d %5d %8lu %8lu %8lu %8lu %9lu %8ld %8lu         %5hd %s", static_cast<int>(t.pid),
        static_cast<int>(t.uid), static_cast<int>(t.pid), static_cast<unsigned long>(t.totalVm),
        static_cast<unsigned long>(t.rss), static_cast<unsigned long>(t.anon), static_cast<unsigned long>(t.file),
        static_cast<unsigned long>(t.rss - t.anon - t.file), static_cast<long>(t.pgtablesBytes),
        static_cast<unsigned long>(t.swapents), static_cast<short>(t.adj), t.comm.c_str());
}

/// dump_header()'s first line (pr_warn in mm/oom_kill.c). A user page fault allocates with
/// GFP_HIGHUSER_MOVABLE, and vma_alloc_folio() adds __GFP_COMP.
std::string invokedLine(const std::string& comm, long long order, long long adj)
{
    return fmt("%s invoked oom-killer: gfp_mask=0x140cca(GFP_HIGHUSER_MOVABLE|__GFP_COMP), order=%d, oom_score_adj=%hd",
        comm.c_str(), static_cast<int>(order), static_cast<short>(adj));
}

} // namespace

std::string formatDmesg(const Machine& m, DmesgTime time)
{
    Writer w(m, time);
    std::vector<TaskRow> pending; // dump_tasks rows logged before their report's first line
    bool inReport = false; // an "invoked oom-killer" line opened a report
    bool tasksShown = false; // its "Tasks state" header is out
    auto commOf = [&](std::uint32_t id) { return id ? m.str(id) : std::string(); };
    auto tasksHeader = [&](std::uint64_t ns) {
        w.line(ns, "Tasks state (memory values in pages):");
        w.line(ns,
            "[  pid  ]   uid  tgid total_vm      rss rss_anon rss_file rss_shmem pgtables_bytes swapents "
            "oom_score_adj name");
        tasksShown = true;
    };
    auto flushTasks = [&]() {
        if (pending.empty()) return;
        if (!tasksShown) tasksHeader(pending.front().ns);
        for (const TaskRow& t : pending) w.line(t.ns, taskRow(t));
        pending.clear();
    };
    for (const KlogRecord& r : m.klog) {
        const auto& v = r.v;
        switch (r.kind) {
        case KlogKind::SwapOn: {
            // mm/swapfile.c swapon: "Adding %uk swap on %s.  Priority:%d extents:%d across:%lluk %s%s%s%s".
            // One extent spanning the area, on a non-rotational disk (SWP_SOLIDSTATE: "SS"), no discard.
            const auto type = static_cast<std::size_t>(v[0]);
            const std::string name = type < m.swap.areas.size() ? m.str(m.swap.areas[type].name) : std::string("?");
            w.line(r.timeNs,
                fmt("Adding %lluk swap on %s.  Priority:%d extents:%d across:%lluk %s%s%s%s", static_cast<ull>(v[1]),
                    name.c_str(), static_cast<int>(v[2]), 1, static_cast<ull>(v[1]), "SS", "", "", ""));
            break;
        }
        case KlogKind::OomTask: {
            TaskRow t;
            t.ns = r.timeNs;
            t.pid = r.pid;
            t.comm = commOf(r.comm);
            t.uid = v[0];
            t.totalVm = v[1];
            t.rss = v[2];
            t.anon = v[3];
            t.file = v[4];
            t.pgtablesBytes = v[5];
            t.swapents = v[6];
            t.adj = v[7];
            pending.push_back(t);
            if (inReport) flushTasks();
            break;
        }
        case KlogKind::OomInvoked:
            w.line(r.timeNs, invokedLine(commOf(r.comm), v[0], v[1]));
            inReport = true;
            tasksShown = false;
            if (!pending.empty()) flushTasks();
            break;
        case KlogKind::OomKilled: {
            flushTasks();
            // dump_oom_victim(): one node, no cpuset or memcg limits (CONSTRAINT_NONE).
            const std::string comm = commOf(r.comm);
            w.line(r.timeNs,
                fmt("oom-kill:constraint=CONSTRAINT_NONE,nodemask=(null),cpuset=/,mems_allowed=0,global_oom,"
                    "task_memcg=%s,task=%s,pid=%d,uid=%d",
                    kTaskMemcg, comm.c_str(), static_cast<int>(r.pid), static_cast<int>(v[6])));
            // __oom_kill_process(): pr_err("%s: Killed process ...", message = "Out of memory").
            w.line(r.timeNs,
                fmt("Out of memory: Killed process %d (%s) total-vm:%lukB, anon-rss:%lukB, file-rss:%lukB, "
                    "shmem-rss:%lukB, UID:%u pgtables:%lukB oom_score_adj:%hd",
                    static_cast<int>(r.pid), comm.c_str(), static_cast<unsigned long>(v[0]),
                    static_cast<unsigned long>(v[1]), static_cast<unsigned long>(v[2]),
                    static_cast<unsigned long>(v[3]), static_cast<unsigned>(v[6]), static_cast<unsigned long>(v[4]),
                    static_cast<short>(v[5])));
            inReport = false;
            tasksShown = false;
            break;
        }
        case KlogKind::OomReaped:
            w.line(r.timeNs,
                fmt("oom_reaper: reaped process %d (%s), now anon-rss:%lukB, file-rss:%lukB, shmem-rss:%lukB",
                    static_cast<int>(r.pid), commOf(r.comm).c_str(), static_cast<unsigned long>(v[0]),
                    static_cast<unsigned long>(v[1]), static_cast<unsigned long>(v[2])));
            break;
        case KlogKind::Panic: {
            const auto reason = static_cast<PanicReason>(v[0]);
            // Both panics come after dump_header(): the invoked line and the task dump. When the
            // log holds none, they are rebuilt from the machine, which stops at a panic.
            if (!inReport) {
                const Process* p = m.proc(r.pid);
                w.line(r.timeNs, invokedLine(p ? m.str(p->comm) : std::string(), 0, p ? p->oomScoreAdj : 0));
                inReport = true;
                tasksShown = false;
            }
            if (pending.empty() && !tasksShown) {
                for (const auto& [pid, pr] : m.procs) {
                    if (!pr.alive() || pr.mm.pgd == kNoPfn) continue;
                    TaskRow t;
                    t.ns = r.timeNs;
                    t.pid = pid;
                    t.comm = m.str(pr.comm);
                    t.totalVm = static_cast<long long>(pr.mm.totalVmPages(m.config.arch.pageShift));
                    t.rss = static_cast<long long>(pr.mm.rss());
                    t.anon = static_cast<long long>(pr.mm.rssAnon);
                    t.file = static_cast<long long>(pr.mm.rssFile);
                    t.pgtablesBytes = static_cast<long long>(reclaim::pgtablesPages(m, pr) * m.pageSize());
                    t.swapents = static_cast<long long>(pr.mm.swapEnts);
                    t.adj = pr.oomScoreAdj;
                    pending.push_back(t);
                }
            }
            flushTasks();
            std::string why;
            if (reason == PanicReason::PanicOnOom) {
                // check_panic_on_oom(): panic("Out of memory: %s panic_on_oom is enabled\n", ...).
                why = fmt("Out of memory: %s panic_on_oom is enabled",
                    m.config.sysctl.panicOnOom == 2 ? "compulsory" : "system-wide");
            } else {
                w.line(r.timeNs, "Out of memory and no killable processes...");
                why = "System is deadlocked on memory";
            }
            // panic(): the message without its newline, then the closing marker.
            w.line(r.timeNs, "Kernel panic - not syncing: " + why);
            w.line(r.timeNs, "---[ end Kernel panic - not syncing: " + why + " ]---");
            inReport = false;
            tasksShown = false;
            break;
        }
        case KlogKind::FallbackOrder: {
            const int node = static_cast<int>(v[0]);
            w.line(r.timeNs, numa::fallbackOrderLine(node, numa::nodeOrder(m, node)));
            break;
        }
        case KlogKind::CommitRefused:
            // mm/util.c __vm_enough_memory(), pr_warn_ratelimited.
            w.line(r.timeNs,
                fmt("__vm_enough_memory: pid: %d, comm: %s, bytes: %lu not enough memory for the allocation",
                    static_cast<int>(r.pid), commOf(r.comm).c_str(), static_cast<unsigned long>(v[0])));
            break;
        }
    }
    flushTasks();
    return w.take();
}

namespace {

const char* const kTryHelp = "Try 'dmesg --help' for more information.\n";

ShellResult dmesgError(const std::string& text)
{
    ShellResult r;
    r.err = "dmesg: " + text + "\n" + kTryHelp;
    r.status = 1;
    return r;
}

ShellResult dmesgNotSimulated(const std::string& opt)
{
    ShellResult r;
    r.err = "memviz: dmesg " + opt + " is not simulated (memviz simulates -T, -t, -k and -P)\n";
    r.status = 1;
    return r;
}

} // namespace

ShellResult runDmesg(const Machine& m, const std::vector<std::string>& args)
{
    DmesgTime time = DmesgTime::Monotonic;
    static const char* const longSimulated[] = { "--ctime", "--notime", "--kernel", "--nopager" };
    static const char* const longOthers[] = { "--clear", "--read-clear", "--console-off", "--console-on", "--file",
        "--facility", "--human", "--json", "--color", "--level", "--console-level", "--force-prefix", "--raw",
        "--noescape", "--syslog", "--buffer-size", "--userspace", "--follow", "--follow-new", "--decode",
        "--show-delta", "--reltime", "--time-format", "--since", "--until", "--help", "--version" };
    for (const std::string& a : args) {
        if (a.rfind("--", 0) == 0) {
            const std::string name = a.substr(0, a.find('='));
            bool done = false;
            for (const char* l : longSimulated)
                if (name == l) {
                    if (name == "--ctime") time = DmesgTime::Ctime;
                    if (name == "--notime") time = DmesgTime::None;
                    done = true;
                }
            if (done) continue;
            for (const char* l : longOthers)
                if (name == l) return dmesgNotSimulated(a);
            return dmesgError("unrecognized option '" + a + "'");
        }
        if (a.size() < 2 || a[0] != '-') return dmesgError("bad usage");
        for (std::size_t k = 1; k < a.size(); ++k) {
            switch (a[k]) {
            case 'T':
                time = DmesgTime::Ctime;
                break;
            case 't':
                time = DmesgTime::None;
                break;
            case 'k':
            case 'P':
                break;
            case 'C':
            case 'c':
            case 'D':
            case 'E':
            case 'F':
            case 'f':
            case 'H':
            case 'J':
            case 'L':
            case 'l':
            case 'n':
            case 'p':
            case 'r':
            case 'S':
            case 's':
            case 'u':
            case 'w':
            case 'W':
            case 'x':
            case 'd':
            case 'e':
            case 'h':
            case 'V':
                return dmesgNotSimulated(std::string("-") + a[k]);
            default:
                return dmesgError(std::string("invalid option -- '") + a[k] + "'");
            }
        }
    }
    ShellResult r;
    r.out = formatDmesg(m, time);
    return r;
}

} // namespace memviz
