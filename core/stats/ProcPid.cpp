// /proc/PID/{maps,status,stat,statm,comm} byte for byte as Linux 6.12 prints them,
// and ps(1) of procps-ng 4.0.2 (src/ps/output.c show_one_proc and its format table).
//
// What memviz does not simulate gets a constant a student's Debian 12 box shows for a
// program started from an interactive shell (each is marked "not simulated" below):
// uid/gid 1000, umask 0022, one thread, no signals pending/blocked/caught, no
// capabilities, no seccomp, the shell's session (kLoginShellPid) and pts/0, CPU time
// and context switches 0, the layout of argv/envp on the stack. ps itself (and the
// shell) is not simulated, so it does not appear in its own listing.
#include "stats/ProcPid.h"

#include "reclaim/Reclaim.h"
#include "sim/Machine.h"
#include "stats/MemInfo.h"
#include "stats/Printf.h"
#include "vm/Layout.h"
#include "vm/VmOps.h"

#include <algorithm>
#include <charconv>
#include <cstring>
#include <optional>
#include <string_view>

namespace memviz {

namespace {

using ull = unsigned long long;

/// The interactive bash that started the simulated programs: their session and the
/// terminal's. Not simulated; memviz's pids start at 1000, the shell came just before.
constexpr std::uint32_t kLoginShellPid = 999;
/// new_encode_dev(MKDEV(136, 0)): /dev/pts/0.
constexpr std::uint64_t kTtyNr = 136u << 8;
constexpr const char* kTtyName = "pts/0";
constexpr std::uint32_t kUid = 1000;
/// The disk the notes' files live on (seeds/001: "rw-s 00000000 08:20 2367 .../testfile").
constexpr unsigned kDiskMajor = 0x08, kDiskMinor = 0x20;

std::uint64_t toKb(const Machine& m, std::uint64_t pages)
{
    return pages * m.pageSize() / 1024;
}

/// The program's own file: the lowest VMA mapped at exec (the PIE image sits below the
/// libraries on every preset). kNoFile for a process with no image.
std::uint32_t exeFile(const Process& p)
{
    for (const Vma& v : p.mm.vmas)
        if ((v.flags & VmaFlag::Image) && !v.anon()) return v.file;
    return kNoFile;
}

/// The program's text (mm->start_code .. end_code) and data (start_data .. end_data).
struct ExeRanges {
    std::uint64_t startCode = 0, endCode = 0, startData = 0, endData = 0;
};

ExeRanges exeRanges(const Process& p)
{
    ExeRanges r;
    const std::uint32_t f = exeFile(p);
    if (f == kNoFile) return r;
    for (const Vma& v : p.mm.vmas) {
        if (v.file != f || !(v.flags & VmaFlag::Image)) continue;
        if ((v.prot & Prot::Exec) && !r.startCode) {
            r.startCode = v.start;
            r.endCode = v.end;
        }
        if ((v.prot & Prot::Write) && !r.startData) {
            r.startData = v.start;
            r.endData = v.end;
        }
    }
    return r;
}

std::string exePath(const Machine& m, const Process& p)
{
    const std::uint32_t f = exeFile(p);
    return f == kNoFile || f >= m.files.size() ? std::string() : m.str(m.files[f].name);
}

/// /proc/PID/cmdline as ps shows it: argv joined by spaces. memviz keeps no argv; the
/// notes start their programs from the project directory as "./name".
std::string cmdline(const Machine& m, const Process& p)
{
    const std::string path = exePath(m, p);
    if (path.empty()) return m.str(p.comm);
    const std::string dir = userDirectory(m) + "/";
    if (path.compare(0, dir.size(), dir) == 0 && path.find('/', dir.size()) == std::string::npos)
        return "./" + path.substr(dir.size());
    return path;
}

/// The login name behind userDirectory(): "/home/NAME/...".
std::string userName(const Machine& m)
{
    const std::string dir = userDirectory(m);
    const std::size_t from = std::strlen("/home/");
    const std::size_t end = dir.find('/', from);
    return dir.compare(0, from, "/home/") == 0 ? dir.substr(from, end - from) : std::string("student");
}

/// The process group: a program started by the shell leads its own group (job control);
/// a forked child stays in its parent's.
std::uint32_t pgidOf(const Machine& m, const Process& p)
{
    const Process* q = &p;
    for (int guard = 0; guard < 4096; ++guard) {
        const Process* parent = m.proc(q->ppid);
        if (!parent) break;
        q = parent;
    }
    return q->pid;
}

bool isRunning(const Machine& m, const Process& p)
{
    return m.cpu.current == p.pid;
}

/// State letter of get_task_state(): the process whose mm the CPU has loaded runs, the
/// others wait (for the Enter key, in the notes' programs).
char stateChar(const Machine& m, const Process& p)
{
    return isRunning(m, p) ? 'R' : 'S';
}

/// mm_pgtables_bytes() in pages (reclaim/Reclaim.h).
std::uint64_t pgtablePages(const Machine& m, const Process& p) { return reclaim::pgtablesPages(m, p); }

/// "%*pb" of a bitmap of `bits` bits with the lowest `set` bits set: hex in 32-bit
/// chunks, most significant first, separated by commas.
std::string bitmapHex(int bits, int set)
{
    std::string out;
    const int chunks = (bits + 31) / 32;
    for (int c = chunks - 1; c >= 0; --c) {
        std::uint32_t word = 0;
        for (int b = 0; b < 32; ++b) {
            const int bit = c * 32 + b;
            if (bit < set && bit < bits) word |= 1u << b;
        }
        const int width = c == chunks - 1 ? ((bits - c * 32) + 3) / 4 : 8;
        if (!out.empty()) out.push_back(',');
        appendf(out, "%0*x", width, word);
    }
    return out;
}

/// "%*pbl": the set bits as ranges.
std::string bitmapList(int set)
{
    if (set <= 0) return {};
    return set == 1 ? std::string("0") : "0-" + std::to_string(set - 1);
}

} // namespace

std::uint32_t pidMax(const Machine& m)
{
    return m.config.arch.is32bit ? 32768u : 4194304u;
}

TaskMem taskMem(const Machine& m, const Process& p)
{
    const Mm& mm = p.mm;
    std::uint64_t total = 0, data = 0, stack = 0, exec = 0;
    for (const Vma& v : mm.vmas) {
        const std::uint64_t pages = v.size() / m.pageSize();
        total += pages;
        const bool write = v.prot & Prot::Write, isStack = v.flags & VmaFlag::Stack;
        if (write && !v.shared() && !isStack) data += pages; // is_data_mapping()
        if (isStack) stack += pages; // is_stack_mapping()
        if ((v.prot & Prot::Exec) && !write && !isStack) exec += pages; // is_exec_mapping(): [vdso] too
    }
    const ExeRanges r = exeRanges(p);
    const std::uint64_t textBytes = std::min(r.endCode - r.startCode, exec * m.pageSize());
    TaskMem t;
    t.vmSize = toKb(m, total);
    t.vmPeak = toKb(m, std::max(total, mm.hiwaterVm));
    t.vmRss = toKb(m, mm.rss());
    t.vmHwm = toKb(m, std::max(mm.rss(), mm.hiwaterRss));
    t.rssAnon = toKb(m, mm.rssAnon);
    t.rssFile = toKb(m, mm.rssFile);
    t.rssShmem = toKb(m, mm.rssShmem);
    t.vmData = toKb(m, data);
    t.vmStk = toKb(m, stack);
    t.vmExe = textBytes >> 10;
    t.vmLib = (exec * m.pageSize() - textBytes) >> 10;
    t.vmPte = toKb(m, pgtablePages(m, p));
    t.vmSwap = toKb(m, mm.swapEnts); // MM_SWAPENTS
    return t;
}

std::string formatProcMaps(const Machine& m, const Process& p)
{
    // show_vma_header_prefix(): seq_setwidth(25 + 6 * sizeof(void *) - 1), so a name
    // starts in column 73 on 64-bit kernels and 49 on 32-bit ones.
    const std::size_t padTo = 25 + 6 * (m.config.arch.is32bit ? 4 : 8) - 1;
    std::string out;
    for (const Vma& v : p.mm.vmas) {
        const std::size_t lineStart = out.size();
        const bool file = !v.anon() && v.file < m.files.size();
        const File* f = file ? &m.files[v.file] : nullptr;
        appendf(out, "%08llx-%08llx %c%c%c%c %08llx %02x:%02x %llu ", static_cast<ull>(v.start),
            static_cast<ull>(v.end), (v.prot & Prot::Read) ? 'r' : '-', (v.prot & Prot::Write) ? 'w' : '-',
            (v.prot & Prot::Exec) ? 'x' : '-', v.shared() ? 's' : 'p',
            static_cast<ull>(file ? v.pgoff * m.pageSize() : 0), file ? kDiskMajor : 0u, file ? kDiskMinor : 0u,
            static_cast<ull>(file ? f->inode : 0));
        const std::string name = file ? m.str(f->name) : v.name ? m.str(v.name) : std::string();
        if (!name.empty()) {
            const std::size_t col = out.size() - lineStart;
            if (col < padTo) out.append(padTo - col, ' '); // seq_pad(m, ' ')
            out.push_back(' ');
            out += name;
        }
        out.push_back('\n');
    }
    return out;
}

std::string formatProcStatus(const Machine& m, const Process& p)
{
    const bool is32 = m.config.arch.is32bit;
    const std::uint32_t pgid = pgidOf(m, p);
    std::string out = "Name:\t";
    for (char c : m.str(p.comm)) { // proc_task_name(escape): "\n" and "\\" escaped
        if (c == '\n')
            out += "\\n";
        else if (c == '\\')
            out += "\\\\";
        else
            out.push_back(c);
    }
    out.push_back('\n');
    // task_state()
    out += "Umask:\t0022\n"; // not simulated
    out += isRunning(m, p) ? "State:\tR (running)" : "State:\tS (sleeping)";
    appendf(out, "\nTgid:\t%u\nNgid:\t0\nPid:\t%u\nPPid:\t%u\nTracerPid:\t0", p.pid, p.pid, p.ppid);
    appendf(out, "\nUid:\t%u\t%u\t%u\t%u\nGid:\t%u\t%u\t%u\t%u", kUid, kUid, kUid, kUid, kUid, kUid, kUid, kUid);
    appendf(out, "\nFDSize:\t%d", is32 ? 32 : 64); // NR_OPEN_DEFAULT: stdin, stdout, stderr fit
    appendf(out, "\nGroups:\t%u ", kUid); // the trailing space is the kernel's
    appendf(out, "\nNStgid:\t%u\nNSpid:\t%u\nNSpgid:\t%u\nNSsid:\t%u\n", p.pid, p.pid, pgid, kLoginShellPid);
    out += "Kthread:\t0\n";
    // task_mem(): SEQ_PUT_DEC is seq_put_decimal_ull_width(..., 8).
    const TaskMem t = taskMem(m, p);
    const std::pair<const char*, std::uint64_t> mem[] = {
        { "VmPeak:\t", t.vmPeak }, { "VmSize:\t", t.vmSize }, { "VmLck:\t", t.vmLck }, { "VmPin:\t", t.vmPin },
        { "VmHWM:\t", t.vmHwm }, { "VmRSS:\t", t.vmRss }, { "RssAnon:\t", t.rssAnon }, { "RssFile:\t", t.rssFile },
        { "RssShmem:\t", t.rssShmem }, { "VmData:\t", t.vmData }, { "VmStk:\t", t.vmStk }, { "VmExe:\t", t.vmExe },
        { "VmLib:\t", t.vmLib }, { "VmPTE:\t", t.vmPte }, { "VmSwap:\t", t.vmSwap },
        { "HugetlbPages:\t", 0 }, // hugetlb_report_usage()
    };
    for (const auto& [label, kb] : mem) appendf(out, "%s%8llu kB\n", label, static_cast<ull>(kb));
    out += "CoreDumping:\t0\n";
    out += "THP_enabled:\t1\n"; // CONFIG_TRANSPARENT_HUGEPAGE, not disabled by prctl
    out += is32 ? "untag_mask:\t0xffffffff\n" : "untag_mask:\t0xffffffffffffffff\n"; // no LAM
    // task_sig(): RLIMIT_SIGPENDING defaults to max_threads / 2, and max_threads is
    // RAM / (8 * THREAD_SIZE) (16 KiB stacks on x86-64, 8 KiB on x86-32).
    const std::uint64_t threadSize = is32 ? 8192 : 16384;
    const std::uint64_t maxThreads
        = std::clamp<std::uint64_t>(m.totalramPages() * m.pageSize() / (8 * threadSize), 20, 0x3fffffff);
    appendf(out, "Threads:\t1\nSigQ:\t0/%llu\n", static_cast<ull>(maxThreads / 2));
    for (const char* s : { "SigPnd", "ShdPnd", "SigBlk", "SigIgn", "SigCgt" })
        appendf(out, "%s:\t0000000000000000\n", s); // _NSIG = 64: 16 hex digits
    // task_cap(): an ordinary user has no capabilities; the bounding set is all 41.
    out += "CapInh:\t0000000000000000\nCapPrm:\t0000000000000000\nCapEff:\t0000000000000000\n"
           "CapBnd:\t000001ffffffffff\nCapAmb:\t0000000000000000\n";
    out += "NoNewPrivs:\t0\nSeccomp:\t0\nSeccomp_filters:\t0\n";
    // spectre_v2_user=prctl and ssbd=prctl, the defaults on current Intel and AMD CPUs.
    out += "Speculation_Store_Bypass:\tthread vulnerable\nSpeculationIndirectBranch:\tconditional enabled\n";
    const int cpus = std::max(1, m.config.cpus);
    appendf(
        out, "Cpus_allowed:\t%s\nCpus_allowed_list:\t%s\n", bitmapHex(cpus, cpus).c_str(), bitmapList(cpus).c_str());
    // MAX_NUMNODES: 1024 with Debian's CONFIG_NODES_SHIFT=10; 1 without CONFIG_NUMA (32-bit).
    appendf(out, "Mems_allowed:\t%s\nMems_allowed_list:\t0\n", bitmapHex(is32 ? 1 : 1024, 1).c_str());
    out += "voluntary_ctxt_switches:\t0\nnonvoluntary_ctxt_switches:\t0\n"; // not simulated per process
    return out;
}

std::string formatProcStat(const Machine& m, const Process& p)
{
    const bool is32 = m.config.arch.is32bit;
    const std::uint32_t pgid = pgidOf(m, p);
    const ExeRanges r = exeRanges(p);
    const std::string args = cmdline(m, p);
    // argv, envp and the executable's name sit at the top of the stack (not simulated:
    // a 1.5 KiB environment, and the usual distance to the initial stack pointer).
    const std::uint64_t envEnd = p.mm.stackTop - 8 - (exePath(m, p).size() + 1);
    const std::uint64_t envStart = envEnd - 1536;
    const std::uint64_t argEnd = envStart, argStart = argEnd - (args.size() + 1);
    const std::uint64_t startStack = (argStart - 7456) & ~std::uint64_t(15);
    const ull rlimInfinity = is32 ? 0xffffffffull : ~0ull;
    std::string out;
    appendf(out, "%u (%.64s) %c %u %u %u %llu %u %u", p.pid, m.str(p.comm).c_str(), stateChar(m, p), p.ppid, pgid,
        kLoginShellPid, static_cast<ull>(kTtyNr), pgid, 0x00400000u /* PF_RANDOMIZE */);
    appendf(out, " %llu 0 %llu 0 0 0 0 0 20 0 1 0 %llu", static_cast<ull>(p.minFlt), static_cast<ull>(p.majFlt),
        static_cast<ull>(p.startTimeNs / 10000000)); // start_time in USER_HZ (100) ticks
    appendf(out, " %llu %llu %llu", static_cast<ull>(p.mm.totalVmPages(m.config.arch.pageShift) * m.pageSize()),
        static_cast<ull>(p.mm.rss()), rlimInfinity);
    appendf(out, " %llu %llu %llu 0 0 0 0 0 0 %d 0 0 17 0 0 0 0 0 0", static_cast<ull>(r.startCode),
        static_cast<ull>(r.endCode), static_cast<ull>(startStack), isRunning(m, p) ? 0 : 1 /* wchan */);
    appendf(out, " %llu %llu %llu %llu %llu %llu %llu 0\n", static_cast<ull>(r.startData), static_cast<ull>(r.endData),
        static_cast<ull>(p.mm.startBrk), static_cast<ull>(argStart), static_cast<ull>(argEnd),
        static_cast<ull>(envStart), static_cast<ull>(envEnd));
    return out;
}

std::string formatProcStatm(const Machine& m, const Process& p)
{
    std::uint64_t data = 0;
    for (const Vma& v : p.mm.vmas)
        if ((v.flags & VmaFlag::Stack) || v.accountable()) data += v.size() / m.pageSize();
    const ExeRanges r = exeRanges(p);
    const std::uint64_t page = m.pageSize();
    const std::uint64_t text
        = r.endCode ? ((r.endCode + page - 1) / page * page - r.startCode / page * page) / page : 0;
    std::string out;
    appendf(out, "%llu %llu %llu %llu 0 %llu 0\n", static_cast<ull>(p.mm.totalVmPages(m.config.arch.pageShift)),
        static_cast<ull>(p.mm.rss()), static_cast<ull>(p.mm.rssFile + p.mm.rssShmem), static_cast<ull>(text),
        static_cast<ull>(data));
    return out;
}

bool readProcPidFile(const Machine& m, const std::string& path, std::string* text, bool* isDir)
{
    if (isDir) *isDir = false;
    constexpr std::string_view prefix = "/proc/";
    if (path.compare(0, prefix.size(), prefix) != 0) return false;
    std::string_view rest = std::string_view(path).substr(prefix.size());
    while (!rest.empty() && rest.back() == '/') rest.remove_suffix(1);
    const std::size_t slash = rest.find('/');
    const std::string_view who = rest.substr(0, slash);
    const std::string_view file = slash == std::string_view::npos ? std::string_view() : rest.substr(slash + 1);
    std::uint32_t pid = 0;
    if (who == "self") {
        pid = m.cpu.current;
    } else {
        const auto r = std::from_chars(who.data(), who.data() + who.size(), pid);
        if (r.ec != std::errc() || r.ptr != who.data() + who.size() || who.empty() || who[0] == '0') return false;
    }
    // Exited processes are gone: the shell that started them has reaped them.
    const Process* p = m.proc(pid);
    if (!p || !p->alive()) return false;
    if (file.empty()) {
        if (isDir) *isDir = true;
        return true;
    }
    if (file == "maps")
        *text = formatProcMaps(m, *p);
    else if (file == "status")
        *text = formatProcStatus(m, *p);
    else if (file == "stat")
        *text = formatProcStat(m, *p);
    else if (file == "statm")
        *text = formatProcStatm(m, *p);
    else if (file == "comm")
        *text = m.str(p->comm) + "\n";
    else if (file == "oom_score")
        *text = std::to_string(reclaim::oomScore(m, *p)) + "\n"; // proc_oom_score(): "%lu\n"
    else if (file == "oom_score_adj")
        *text = std::to_string(p->oomScoreAdj) + "\n"; // oom_score_adj_read(): "%hd\n"
    else
        return false;
    return true;
}

std::vector<std::string> procPidFiles(const Machine& m)
{
    std::vector<std::string> out;
    auto add = [&](const std::string& dir) {
        for (const char* f : { "maps", "status", "stat", "statm", "comm", "oom_score", "oom_score_adj" })
            out.push_back(dir + "/" + f);
    };
    if (const Process* self = m.proc(m.cpu.current); self && self->alive()) add("/proc/self");
    for (const auto& [pid, p] : m.procs)
        if (p.alive()) add("/proc/" + std::to_string(pid));
    return out;
}

// ---- ps ---------------------------------------------------------------------------

namespace {

/// Column justification of procps's format table (CF_* of src/ps/common.h).
enum class Just : std::uint8_t { Right, Left, Unlimited, User };

enum class Field : std::uint8_t {
    Pid,
    Ppid,
    Pgid,
    Sid,
    Tpgid,
    Comm,
    Args,
    Vsz,
    Rss,
    Sz,
    MinFlt,
    MajFlt,
    Stat,
    State,
    PMem,
    PCpu,
    Time,
    BsdTime,
    Etime,
    Tty,
    User,
    Uid,
    Nice,
    Nlwp,
    Psr,
    Flags,
    Pri,
    Oom,
    OomAdj
};

struct Spec {
    const char* spec;
    const char* head;
    Field field;
    int width;
    Just just;
    bool pidMax = false; ///< CF_PIDMAX: as wide as pid_max has digits
};

/// The part of format_array[] (procps-ng 4.0.2 src/ps/output.c) that memviz can fill,
/// sorted like the original.
constexpr Spec kSpecs[] = {
    { "%cpu", "%CPU", Field::PCpu, 4, Just::Right },
    { "%mem", "%MEM", Field::PMem, 4, Just::Right },
    { "args", "COMMAND", Field::Args, 27, Just::Unlimited },
    { "bsdtime", "TIME", Field::BsdTime, 6, Just::Right },
    { "cmd", "CMD", Field::Args, 27, Just::Unlimited },
    { "comm", "COMMAND", Field::Comm, 15, Just::Unlimited },
    { "command", "COMMAND", Field::Args, 27, Just::Unlimited },
    { "cputime", "TIME", Field::Time, 8, Just::Right },
    { "etime", "ELAPSED", Field::Etime, 11, Just::Right },
    { "euid", "EUID", Field::Uid, 5, Just::Right },
    { "euser", "EUSER", Field::User, 8, Just::User },
    { "f", "F", Field::Flags, 1, Just::Right },
    { "flag", "F", Field::Flags, 1, Just::Right },
    { "flags", "F", Field::Flags, 1, Just::Right },
    { "maj_flt", "MAJFL", Field::MajFlt, 6, Just::Right },
    { "majflt", "MAJFLT", Field::MajFlt, 6, Just::Right },
    { "min_flt", "MINFL", Field::MinFlt, 6, Just::Right },
    { "minflt", "MINFLT", Field::MinFlt, 6, Just::Right },
    { "ni", "NI", Field::Nice, 3, Just::Right },
    { "nice", "NI", Field::Nice, 3, Just::Right },
    { "nlwp", "NLWP", Field::Nlwp, 4, Just::Right },
    { "oom", "OOM", Field::Oom, 4, Just::Right },
    { "oomadj", "OOMADJ", Field::OomAdj, 5, Just::Right },
    { "pagein", "PAGEIN", Field::MajFlt, 6, Just::Right },
    { "pcpu", "%CPU", Field::PCpu, 4, Just::Right },
    { "pgid", "PGID", Field::Pgid, 5, Just::Right, true },
    { "pgrp", "PGRP", Field::Pgid, 5, Just::Right, true },
    { "pid", "PID", Field::Pid, 5, Just::Right, true },
    { "pmem", "%MEM", Field::PMem, 4, Just::Right },
    { "ppid", "PPID", Field::Ppid, 5, Just::Right, true },
    { "pri", "PRI", Field::Pri, 3, Just::Right },
    { "psr", "PSR", Field::Psr, 3, Just::Right },
    { "rss", "RSS", Field::Rss, 5, Just::Right },
    { "rssize", "RSS", Field::Rss, 5, Just::Right },
    { "rsz", "RSZ", Field::Rss, 5, Just::Right },
    { "s", "S", Field::State, 1, Just::Left },
    { "sess", "SESS", Field::Sid, 5, Just::Right, true },
    { "session", "SESS", Field::Sid, 5, Just::Right, true },
    { "sid", "SID", Field::Sid, 5, Just::Right, true },
    { "stat", "STAT", Field::Stat, 4, Just::Left },
    { "state", "S", Field::State, 1, Just::Left },
    { "sz", "SZ", Field::Sz, 5, Just::Right },
    { "tgid", "TGID", Field::Pid, 5, Just::Right, true },
    { "thcount", "THCNT", Field::Nlwp, 5, Just::Right },
    { "time", "TIME", Field::Time, 8, Just::Right },
    { "tname", "TTY", Field::Tty, 8, Just::Left },
    { "tpgid", "TPGID", Field::Tpgid, 5, Just::Right, true },
    { "tt", "TT", Field::Tty, 8, Just::Left },
    { "tty", "TT", Field::Tty, 8, Just::Left },
    { "ucmd", "CMD", Field::Comm, 15, Just::Unlimited },
    { "ucomm", "COMMAND", Field::Comm, 15, Just::Unlimited },
    { "uid", "UID", Field::Uid, 5, Just::Right },
    { "uname", "USER", Field::User, 8, Just::User },
    { "user", "USER", Field::User, 8, Just::User },
    { "vsize", "VSZ", Field::Vsz, 6, Just::Right },
    { "vsz", "VSZ", Field::Vsz, 6, Just::Right },
};

/// Specs procps has that print nothing memviz simulates (signals, namespaces, cgroups ...).
constexpr const char* kUnsimulatedSpecs[] = { "addr", "blocked", "caught", "cgroup", "class", "cls", "context", "drs",
    "egid", "egroup", "eip", "esp", "etimes", "exe", "fgid", "fgroup", "fname", "fuid", "fuser", "gid", "group",
    "ignored", "ipcns", "label", "lstart", "lwp", "luid", "mntns", "netns", "nwchan", "opri", "pending", "pidns",
    "policy", "priority", "pss", "rgid", "rgroup", "rtprio", "ruid", "ruser", "sched", "sgid", "sgroup", "sig",
    "sigcatch", "sigignore", "sigmask", "size", "spid", "stackp", "start", "start_time", "stime", "suid", "supgid",
    "supgrp", "suser", "svgid", "svuid", "tid", "times", "trs", "tsiz", "userns", "uss", "utsns", "wchan", "wname" };

const Spec* findSpec(std::string_view name)
{
    for (const Spec& s : kSpecs)
        if (name == s.spec) return &s;
    return nullptr;
}

struct Column {
    const Spec* spec = nullptr;
    std::string head;
    int width = 0;
};

struct PsError {
    std::string text; ///< the line after "error: "
    bool notSimulated = false; ///< a real specifier memviz has no data for (text = its name)
};

std::string usage()
{
    return "\nUsage:\n ps [options]\n\n Try 'ps --help <simple|list|output|threads|misc|all>'\n"
           "  or 'ps --help <s|l|o|t|m|a>'\n for additional help text.\n\nFor more details see ps(1).\n";
}

/// One entry of a -o list: "spec", "spec=HEADER" or "spec:WIDTH".
std::optional<PsError> parseFormat(const Machine& m, std::string_view list, std::vector<Column>* cols)
{
    std::vector<std::string_view> items;
    std::size_t pos = 0;
    // Commas and blanks separate items; an empty item ("pid,,comm") is an error.
    while (true) {
        const std::size_t sep = list.find_first_of(", \t\n", pos);
        items.push_back(list.substr(pos, sep == std::string_view::npos ? std::string_view::npos : sep - pos));
        if (sep == std::string_view::npos) break;
        pos = sep + 1;
    }
    for (std::string_view item : items) {
        if (item.empty()) return PsError { "improper format list" };
        std::string_view name = item;
        std::optional<std::string> head;
        std::optional<int> width;
        if (const std::size_t eq = item.find('='); eq != std::string_view::npos) {
            name = item.substr(0, eq);
            head = std::string(item.substr(eq + 1));
        } else if (const std::size_t colon = item.find(':'); colon != std::string_view::npos) {
            name = item.substr(0, colon);
            const std::string_view w = item.substr(colon + 1);
            int v = 0;
            const auto r = std::from_chars(w.data(), w.data() + w.size(), v);
            if (r.ec != std::errc() || r.ptr != w.data() + w.size() || v <= 0)
                return PsError { "column widths must be unsigned decimal numbers" };
            width = v;
        }
        const Spec* s = findSpec(name);
        if (!s) {
            for (const char* u : kUnsimulatedSpecs)
                if (name == u) return PsError { std::string(name), true };
            return PsError { "unknown user-defined format specifier \"" + std::string(name) + "\"" };
        }
        Column c;
        c.spec = s;
        int w1 = s->width;
        if (s->pidMax) // procps_pid_length(): the digits of /proc/sys/kernel/pid_max
            w1 = std::max<int>(
                static_cast<int>(std::to_string(pidMax(m)).size()), static_cast<int>(std::strlen(s->head)));
        if (head) {
            c.head = *head;
            c.width = std::max<int>(w1, static_cast<int>(head->size()));
        } else {
            c.head = s->head;
            c.width = width ? *width : w1;
        }
        cols->push_back(c);
    }
    return std::nullopt;
}

/// A -p/--pid list: numbers separated by commas or blanks.
std::optional<PsError> parsePids(std::string_view list, std::vector<std::uint32_t>* pids)
{
    std::size_t pos = 0;
    while (true) {
        const std::size_t sep = list.find_first_of(", \t\n", pos);
        const std::string_view item
            = list.substr(pos, sep == std::string_view::npos ? std::string_view::npos : sep - pos);
        if (item.empty()) return PsError { "improper list" };
        long long v = 0;
        const auto r = std::from_chars(item.data(), item.data() + item.size(), v);
        if (r.ec == std::errc::result_out_of_range) return PsError { "process ID out of range" };
        if (r.ec != std::errc() || r.ptr != item.data() + item.size())
            return PsError { "process ID list syntax error" };
        if (v < 1 || v > 0x7fffffff) return PsError { "process ID out of range" };
        pids->push_back(static_cast<std::uint32_t>(v));
        if (sep == std::string_view::npos) break;
        pos = sep + 1;
    }
    return std::nullopt;
}

/// escape_str(): what a terminal can print, '?' for the rest, at most `cells` cells.
std::string escaped(const std::string& s, int cells)
{
    std::string out;
    for (char c : s) {
        if (static_cast<int>(out.size()) >= cells) break;
        out.push_back(c >= 0x20 && c < 0x7f ? c : '?');
    }
    return out;
}

std::string cell(const Machine& m, const Process& p, Field f, int maxRight)
{
    char buf[64];
    auto num = [&](ull v) { return std::to_string(v); };
    const std::uint32_t pgid = pgidOf(m, p);
    switch (f) {
    case Field::Pid:
        return num(p.pid);
    case Field::Ppid:
        return num(p.ppid);
    case Field::Pgid:
        return num(pgid);
    case Field::Sid:
        return num(kLoginShellPid);
    case Field::Tpgid:
        return num(pgid); // each program is in the foreground of its terminal
    case Field::Comm:
        return escaped(m.str(p.comm), maxRight);
    case Field::Args:
        return escaped(cmdline(m, p), maxRight);
    case Field::Vsz:
        return num(toKb(m, p.mm.totalVmPages(m.config.arch.pageShift)));
    case Field::Rss:
        return num(toKb(m, p.mm.rss()));
    case Field::Sz:
        return num(p.mm.totalVmPages(m.config.arch.pageShift) * m.pageSize() / 4096); // kB / (page/1024)
    case Field::MinFlt:
        return num(p.minFlt);
    case Field::MajFlt:
        return num(p.majFlt);
    case Field::Stat: // pr_stat(): state, then '+' for the terminal's foreground group
        return std::string(1, stateChar(m, p)) + "+";
    case Field::State:
        return std::string(1, stateChar(m, p));
    case Field::PMem: {
        // pr_pmem(): rss * 1000 / MemTotal, both in kB.
        const std::uint64_t total = computeMemInfo(m).memTotal;
        std::uint64_t pmem = total ? toKb(m, p.mm.rss()) * 1000 / total : 0;
        if (pmem > 999) pmem = 999;
        std::snprintf(buf, sizeof buf, "%2u.%u", static_cast<unsigned>(pmem / 10), static_cast<unsigned>(pmem % 10));
        return buf;
    }
    case Field::PCpu:
        return "0.0"; // CPU time is not simulated
    case Field::Time:
        return "00:00:00";
    case Field::BsdTime:
        return "  0:00";
    case Field::Etime: {
        std::uint64_t t = (m.timeNs - std::min(m.timeNs, p.startTimeNs)) / 1000000000;
        const unsigned ss = static_cast<unsigned>(t % 60), mm = static_cast<unsigned>(t / 60 % 60),
                       hh = static_cast<unsigned>(t / 3600 % 24), dd = static_cast<unsigned>(t / 86400);
        std::string s;
        if (dd) s += std::to_string(dd) + "-";
        if (dd || hh) appendf(s, "%02u:", hh);
        appendf(s, "%02u:%02u", mm, ss);
        return s;
    }
    case Field::Tty:
        return kTtyName;
    case Field::User: {
        // do_pr_name(): a name wider than the column ends in '+'.
        std::string name = userName(m);
        if (static_cast<int>(name.size()) > maxRight && maxRight >= 1)
            name = name.substr(0, static_cast<std::size_t>(maxRight - 1)) + "+";
        return name;
    }
    case Field::Uid:
        return num(kUid);
    case Field::Nice:
        return "0";
    case Field::Nlwp:
        return "1";
    case Field::Psr:
        return "0";
    case Field::Flags:
        return "0"; // (PF_RANDOMIZE >> 6) & 7
    case Field::Pri:
        return "19"; // 39 - priority (20)
    case Field::Oom: // pr_oom(): /proc/PID/oom_score
        return num(reclaim::oomScore(m, p));
    case Field::OomAdj: // pr_oomadj(): /proc/PID/oom_score_adj
        return std::to_string(p.oomScoreAdj);
    }
    return {};
}

/// show_one_proc(): one row (header when p is null), with procps's column arithmetic:
/// right-aligned columns take their padding from the space owed, a column that ran
/// over its width pushes the next one right, and at least one blank separates columns.
/// Output is not a terminal, so the last column is never cut.
void appendRow(std::string& out, const Machine& m, const Process* p, const std::vector<Column>& cols)
{
    int correct = 0, actual = 0, dospace = 0;
    for (std::size_t i = 0; i < cols.size(); ++i) {
        const Column& c = cols[i];
        const bool last = i + 1 == cols.size();
        const int maxRight = last ? 1 << 20 : c.width;
        const std::string text = p ? cell(m, *p, c.spec->field, maxRight) : c.head;
        const int amount = static_cast<int>(text.size());
        int leftpad = 0;
        if (c.spec->just == Just::Right) leftpad = std::max(0, c.width - amount);
        int space = correct - actual + leftpad;
        if (space < 1) space = dospace;
        if (space > 144) space = 144; // SPACE_AMOUNT
        out.append(static_cast<std::size_t>(space), ' ');
        out += text;
        if (last) {
            out.push_back('\n');
            break;
        }
        actual += space + amount;
        correct += c.width + 1;
        dospace = 1;
    }
}

} // namespace

ShellResult runPs(const Machine& m, const std::vector<std::string>& args)
{
    ShellResult r;
    bool all = false, headers = true, bsdDefault = false;
    std::vector<std::uint32_t> pids;
    std::vector<std::string> names; // -C: command names
    std::vector<Column> cols;
    std::optional<PsError> error;
    auto notSimulated = [&](const std::string& what) {
        r.err = "ps: " + what + " is not simulated\n"; // memviz's own note, not procps text
        r.status = 1;
        return r;
    };
    auto fail = [&](const PsError& e) {
        if (e.notSimulated) return notSimulated("format specifier \"" + e.text + "\"");
        r.err = "error: " + e.text + "\n" + usage();
        r.status = 1;
        return r;
    };

    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a.rfind("--", 0) == 0) {
            std::string name = a.substr(2), value;
            bool hasValue = false;
            if (const std::size_t eq = name.find('='); eq != std::string::npos) {
                value = name.substr(eq + 1);
                name = name.substr(0, eq);
                hasValue = true;
            }
            auto takeValue = [&]() -> bool {
                if (hasValue) return true;
                if (i + 1 >= args.size()) return false;
                value = args[++i];
                return true;
            };
            if (name == "no-headers" || name == "no-heading" || name == "noheader" || name == "noheaders"
                || name == "noheading" || name == "noheadings") {
                headers = false;
            } else if (name == "headers" || name == "heading") {
                headers = true;
            } else if (name == "format") {
                if (!takeValue()) return fail(PsError { "format specification must follow --format" });
                if ((error = parseFormat(m, value, &cols))) return fail(*error);
            } else if (name == "pid" || name == "quick-pid") {
                if (!takeValue()) return fail(PsError { "list of process IDs must follow --" + name });
                if ((error = parsePids(value, &pids))) return fail(*error);
            } else if (name == "version" || name == "info") {
                if (name == "info") return notSimulated("--info");
                r.out = "ps from procps-ng 4.0.2\n";
                return r;
            } else if (name == "help") {
                r.out = usage();
                return r;
            } else if (name == "Group" || name == "User" || name == "cols" || name == "columns" || name == "context"
                || name == "cumulative" || name == "deselect" || name == "forest" || name == "group" || name == "lines"
                || name == "ppid" || name == "rows" || name == "sid" || name == "signames" || name == "sort"
                || name == "tty" || name == "user" || name == "width") {
                return notSimulated("--" + name);
            } else {
                return fail(PsError { "unknown gnu long option" });
            }
        } else if (a.size() > 1 && a[0] == '-') {
            // UNIX options, bundled ("-eo", "-ef"); -o and -p take the rest or the next word.
            for (std::size_t k = 1; k < a.size(); ++k) {
                const char c = a[k];
                if (c == 'e' || c == 'A') {
                    all = true;
                } else if (c == 'o' || c == 'p' || c == 'q') {
                    std::string value = a.substr(k + 1);
                    if (value.empty()) {
                        if (i + 1 >= args.size()) {
                            if (c == 'o') return fail(PsError { "format specification must follow -o" });
                            if (c == 'q') return fail(PsError { "List of process IDs must follow -q." });
                            return fail(PsError { "list of process IDs must follow -p" });
                        }
                        value = args[++i];
                    }
                    if (c == 'o')
                        error = parseFormat(m, value, &cols);
                    else
                        error = parsePids(value, &pids);
                    if (error) return fail(*error);
                    break;
                } else if (c == 'C') {
                    std::string value = a.substr(k + 1);
                    if (value.empty() && i + 1 < args.size()) value = args[++i];
                    if (value.empty()) return fail(PsError { "list of command names must follow -C" });
                    for (std::size_t from = 0;;) {
                        const std::size_t comma = value.find_first_of(", ", from);
                        names.push_back(
                            value.substr(from, comma == std::string::npos ? std::string::npos : comma - from));
                        if (comma == std::string::npos) break;
                        from = comma + 1;
                    }
                    break;
                } else if (c == 'V') {
                    r.out = "ps from procps-ng 4.0.2\n";
                    return r;
                } else if (std::strchr("acdDfFgGHjlLMmNnOPsStTuUwyZ", c)) {
                    return notSimulated(std::string("-") + c);
                } else {
                    return fail(PsError { "unsupported SysV option" });
                }
            }
        } else if (!a.empty() && a.find_first_not_of("0123456789") == std::string::npos) {
            // A bare number is a BSD process list, shown in the BSD default format.
            if ((error = parsePids(a, &pids))) return fail(*error);
            bsdDefault = true;
        } else {
            for (char c : a)
                if (!std::strchr("aceEfFhHjlLmMnOprsStTuUvVwXxZ", c))
                    return fail(PsError { "unsupported option (BSD syntax)" });
            return notSimulated(a);
        }
    }
    if (cols.empty()) {
        // DefSysV ("pid,tname,time,cmd"; without -f the CMD column shows the command
        // name), or DefBSD ("pid,tname,stat,bsdtime,args") after a BSD pid list.
        parseFormat(m, bsdDefault ? "pid,tname,stat,bsdtime,args" : "pid,tname,time,ucmd", &cols);
        if (!bsdDefault) cols.back().head = "CMD";
    }

    std::vector<const Process*> shown;
    for (const auto& [pid, p] : m.procs) {
        if (!p.alive()) continue;
        // -p selects those pids, -C those command names, -e (or -A) everything; none of
        // them: this terminal's, which are all the simulated processes. Selections add up.
        const bool byPid = std::find(pids.begin(), pids.end(), pid) != pids.end();
        const bool byName = std::find(names.begin(), names.end(), m.str(p.comm)) != names.end();
        if (all || byPid || byName || (pids.empty() && names.empty())) shown.push_back(&p);
    }
    bool anyHeader = false;
    for (const Column& c : cols) anyHeader |= !c.head.empty();
    if (headers && anyHeader) appendRow(r.out, m, nullptr, cols);
    for (const Process* p : shown) appendRow(r.out, m, p, cols);
    if (shown.empty()) r.status = 1; // procps exits 1 when it printed no process
    return r;
}

} // namespace memviz
