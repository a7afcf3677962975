// Per-process text of the real tools: /proc/PID/maps (show_map_vma's padding, checked
// line by line against hand-typed lines), /proc/PID/status and stat (the 6.12 field
// order, the values against the simulation), ps(1) of procps-ng 4.0.2 (headers and
// column arithmetic typed from the real ps, its error texts), the shell's pipes into
// grep, and the meminfo/vmstat/free counters that virtual memory moves. Golden files
// of whole scenarios live in tests/fixtures/procpid (MEMVIZ_UPDATE_FIXTURES=1 rewrites
// them; review the diff).

#include "TestUtil.h"

#include "check/Checker.h"
#include "reclaim/Reclaim.h"
#include "stats/Free.h"
#include "stats/MemInfo.h"
#include "stats/ProcFiles.h"
#include "stats/ProcPid.h"
#include "stats/Shell.h"
#include "vm/VmOps.h"

#include <QFile>
#include <QTest>

using namespace memviz;
using namespace memviz::test;
using namespace Qt::StringLiterals;

namespace {

ShellResult sh(const Simulator& sim, const std::string& line)
{
    return runShell(sim.current(), line);
}

std::vector<std::string> lines(const std::string& text)
{
    std::vector<std::string> out;
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t eol = text.find('\n', pos);
        if (eol == std::string::npos) eol = text.size();
        out.push_back(text.substr(pos, eol - pos));
        pos = eol + 1;
    }
    return out;
}

std::vector<std::string> words(const std::string& line)
{
    return shellSplit(line);
}

/// The value after "Label:\t" in /proc/PID/status.
std::string statusValue(const std::string& status, const std::string& label)
{
    for (const std::string& l : lines(status))
        if (l.rfind(label + ":\t", 0) == 0) return l.substr(label.size() + 2);
    return "<missing " + label + ">";
}

std::uint64_t statusKb(const std::string& status, const std::string& label)
{
    const std::string v = statusValue(status, label);
    return std::stoull(v);
}

std::uint64_t meminfoKb(const std::string& meminfo, const std::string& label)
{
    for (const std::string& l : lines(meminfo))
        if (l.rfind(label + ":", 0) == 0) return std::stoull(l.substr(label.size() + 1));
    qFatal("no %s in meminfo", label.c_str());
}

/// A booted machine with processes put in by hand, for exact ps rows that do not depend
/// on how many pages the simulated loader touches.
struct HandMachine {
    Simulator sim = boot("seed-8g");
    Machine m = sim.current();

    Process& add(std::uint32_t pid, const char* comm, std::uint64_t vszKb, std::uint64_t rssKb, std::uint64_t minFlt,
        std::uint64_t majFlt, std::uint32_t ppid = 1)
    {
        Process p;
        p.pid = pid;
        p.ppid = ppid;
        p.comm = m.intern(comm);
        Vma v;
        v.start = 0x7f0000000000ull;
        v.end = v.start + vszKb * 1024;
        v.prot = Prot::Read | Prot::Write;
        if (vszKb) p.mm.vmas.push_back(v);
        p.mm.rssAnon = rssKb / 4;
        p.minFlt = minFlt;
        p.majFlt = majFlt;
        return m.procs[pid] = p;
    }
};

const char* const kUsage = "\nUsage:\n"
                           " ps [options]\n"
                           "\n"
                           " Try 'ps --help <simple|list|output|threads|misc|all>'\n"
                           "  or 'ps --help <s|l|o|t|m|a>'\n"
                           " for additional help text.\n"
                           "\n"
                           "For more details see ps(1).\n";

/// Labels of /proc/PID/status on 6.12 (fs/proc/array.c proc_pid_status), typed from
/// `cat /proc/self/status` of a 6.x x86-64 kernel without user shadow stacks.
const char* const kStatusLabels[] = { "Name", "Umask", "State", "Tgid", "Ngid", "Pid", "PPid", "TracerPid", "Uid",
    "Gid", "FDSize", "Groups", "NStgid", "NSpid", "NSpgid", "NSsid", "Kthread", "VmPeak", "VmSize", "VmLck", "VmPin",
    "VmHWM", "VmRSS", "RssAnon", "RssFile", "RssShmem", "VmData", "VmStk", "VmExe", "VmLib", "VmPTE", "VmSwap",
    "HugetlbPages", "CoreDumping", "THP_enabled", "untag_mask", "Threads", "SigQ", "SigPnd", "ShdPnd", "SigBlk",
    "SigIgn", "SigCgt", "CapInh", "CapPrm", "CapEff", "CapBnd", "CapAmb", "NoNewPrivs", "Seccomp", "Seccomp_filters",
    "Speculation_Store_Bypass", "SpeculationIndirectBranch", "Cpus_allowed", "Cpus_allowed_list", "Mems_allowed",
    "Mems_allowed_list", "voluntary_ctxt_switches", "nonvoluntary_ctxt_switches" };

/// A scenario whose per-process text is kept under tests/fixtures/procpid.
struct Scenario {
    const char* name;
    const char* preset;
    /// Runs the workload; returns the shell lines whose output is the golden text.
    std::function<std::vector<std::string>(Simulator&)> run;
};

std::vector<Scenario> scenarios()
{
    return {
        // seeds/001 §5.2: demand-paging before and after malloc(100 MiB) and touching it.
        { "seed-8g-demand-paging", "seed-8g",
            [](Simulator& sim) {
                Proc p = spawnProc(sim, "demand-paging");
                const std::uint64_t buf = p.malloc(100 * MiB);
                p.touch(buf, 100 * MiB);
                return std::vector<std::string> { "cat /proc/self/maps", "cat /proc/self/status", "cat /proc/self/stat",
                    "cat /proc/self/statm", "ps -eo pid,comm,vsz,rss,maj_flt,min_flt", "ps" };
            } },
        // seeds/001 §5.3: cow's child after writing the buffer it shares with its parent.
        { "seed-8g-cow", "seed-8g",
            [](Simulator& sim) {
                Proc p = spawnProc(sim, "cow");
                const std::uint64_t buf = p.malloc(100 * MiB);
                p.touch(buf, 100 * MiB);
                Proc c = p.fork();
                c.touch(buf, 100 * MiB);
                const std::string child = std::to_string(c.pid);
                return std::vector<std::string> { "ps -eo pid,ppid,comm,cmd,vsz,rss,minflt,majflt,stat,%mem,time",
                    "cat /proc/" + child + "/status", "cat /proc/" + child + "/stat" };
            } },
        // A 32-bit kernel: maps pads names to column 49, status has 32-bit limits.
        { "x86-32-demand-paging", "x86-32",
            [](Simulator& sim) {
                Proc p = spawnProc(sim, "demand-paging");
                p.touch(p.malloc(8 * MiB), 8 * MiB);
                return std::vector<std::string> { "cat /proc/self/maps", "cat /proc/self/status",
                    "ps -eo pid,comm,vsz,rss,maj_flt,min_flt" };
            } },
    };
}

} // namespace

class TestProcFmt : public QObject {
    Q_OBJECT
private slots:
    void mapsLine_data();
    void mapsLine();
    void mapsMatchesLiveKernel();
    void mapsAfterMalloc();
    void mapsMatchesTheProcess();
    void statusLabels();
    void statusValues();
    void statusVmPteSkipsUpperTables();
    void statFields();
    void psHeaders_data();
    void psHeaders();
    void psRows_data();
    void psRows();
    void psVszGrowsByMalloc();
    void psSelection();
    void psErrors_data();
    void psErrors();
    void grepPipe();
    void grepOptions_data();
    void grepOptions();
    void shellErrors_data();
    void shellErrors();
    void catSimulatedFile();
    void meminfoFollowsVm();
    void freeFollowsCache();
    void vmstatCounters();
    void oomScoreFiles();
    void shellWrites_data();
    void shellWrites();
    void shellWriteErrors_data();
    void shellWriteErrors();
    void vmSwap();
    void golden_data();
    void golden();
};

void TestProcFmt::mapsLine_data()
{
    QTest::addColumn<bool>("is32");
    QTest::addColumn<qulonglong>("start");
    QTest::addColumn<qulonglong>("end");
    QTest::addColumn<int>("prot");
    QTest::addColumn<int>("flags");
    QTest::addColumn<QString>("file"); // path of a file mapping, or empty
    QTest::addColumn<qulonglong>("inode");
    QTest::addColumn<qulonglong>("pgoff");
    QTest::addColumn<QString>("name"); // name of an anonymous mapping
    QTest::addColumn<QString>("expected");
    const int rw = Prot::Read | Prot::Write, r = Prot::Read, rx = Prot::Read | Prot::Exec;
    // The notes' lines (seeds/001 §4.4): an anonymous mapping ends with the blank after
    // the inode; a named one pads to column 73 (25 + 6 * 8 - 1 = 72, then a blank).
    QTest::newRow("anonymous") << false << 0x7f3d665fd000ull << 0x7f3d6ca01000ull << rw << 0 << QString() << 0ull
                               << 0ull << QString() << u"7f3d665fd000-7f3d6ca01000 rw-p 00000000 00:00 0 "_s;
    QTest::newRow("heap") << false << 0x55c818a13000ull << 0x55c818a34000ull << rw << int(VmaFlag::Heap) << QString()
                          << 0ull << 0ull << u"[heap]"_s
                          << u"55c818a13000-55c818a34000 rw-p 00000000 00:00 0                          [heap]"_s;
    QTest::newRow("shared file") << false << 0x7fc98bbfb000ull << 0x7fc991ffb000ull << rw << int(VmaFlag::Shared)
                                 << u"/home/syz/projects/class5/testfile"_s << 2367ull << 0ull << QString()
                                 << u"7fc98bbfb000-7fc991ffb000 rw-s 00000000 08:20 2367                       "
                                    "/home/syz/projects/class5/testfile"_s;
    QTest::newRow("file offset") << false << 0x7f41b41e1000ull << 0x7f41b4337000ull << rx << 0
                                 << u"/usr/lib/x86_64-linux-gnu/libc.so.6"_s << 332835ull << 0x26ull << QString()
                                 << u"7f41b41e1000-7f41b4337000 r-xp 00026000 08:20 332835                     "
                                    "/usr/lib/x86_64-linux-gnu/libc.so.6"_s;
    QTest::newRow("vdso") << false << 0x7ffe97a98000ull << 0x7ffe97a9a000ull << rx << int(VmaFlag::Special) << QString()
                          << 0ull << 0ull << u"[vdso]"_s
                          << u"7ffe97a98000-7ffe97a9a000 r-xp 00000000 00:00 0                          [vdso]"_s;
    // Addresses are %08lx: short ones get leading zeros.
    QTest::newRow("low address") << false << 0x1000ull << 0x3000ull << r << 0 << QString() << 0ull << 0ull << QString()
                                 << u"00001000-00003000 r--p 00000000 00:00 0 "_s;
    // 32-bit: 25 + 6 * 4 - 1 = 48, the name in column 49.
    QTest::newRow("32-bit heap") << true << 0x56558000ull << 0x56579000ull << rw << int(VmaFlag::Heap) << QString()
                                 << 0ull << 0ull << u"[heap]"_s
                                 << u"56558000-56579000 rw-p 00000000 00:00 0          [heap]"_s;
    QTest::newRow("32-bit file")
        << true << 0xf7d00000ull << 0xf7d22000ull << r << 0 << u"/usr/lib/i386-linux-gnu/libc.so.6"_s << 1035ull << 0ull
        << QString() << u"f7d00000-f7d22000 r--p 00000000 08:20 1035       /usr/lib/i386-linux-gnu/libc.so.6"_s;
    // A prefix already past the pad width: seq_pad adds nothing but its one blank.
    QTest::newRow("32-bit long inode") << true << 0x08048000ull << 0x08049000ull << rx << 0 << u"/bin/x"_s
                                       << 123456789ull << 0ull << QString()
                                       << u"08048000-08049000 r-xp 00000000 08:20 123456789  /bin/x"_s;
}

void TestProcFmt::mapsLine()
{
    QFETCH(bool, is32);
    QFETCH(qulonglong, start);
    QFETCH(qulonglong, end);
    QFETCH(int, prot);
    QFETCH(int, flags);
    QFETCH(QString, file);
    QFETCH(qulonglong, inode);
    QFETCH(qulonglong, pgoff);
    QFETCH(QString, name);
    QFETCH(QString, expected);
    Machine m;
    m.config.arch.is32bit = is32;
    Process p;
    Vma v;
    v.start = start;
    v.end = end;
    v.prot = static_cast<std::uint8_t>(prot);
    v.flags = static_cast<std::uint8_t>(flags);
    if (!file.isEmpty()) {
        File f;
        f.name = m.intern(file.toStdString());
        f.inode = inode;
        m.files.push_back(f);
        v.file = 0;
        v.pgoff = pgoff;
    } else if (!name.isEmpty()) {
        v.name = m.intern(name.toStdString());
    }
    p.mm.vmas.push_back(v);
    QCOMPARE(QString::fromStdString(formatProcMaps(m, p)), expected + u"\n"_s);
}

void TestProcFmt::mapsMatchesLiveKernel()
{
    // This test's own /proc/self/maps, rebuilt as VMAs and printed again: byte for byte
    // the kernel's text, apart from the device (memviz's disk is 08:20).
    QFile f(u"/proc/self/maps"_s);
    if (!f.open(QIODevice::ReadOnly)) QSKIP("no /proc/self/maps");
    const std::string real = f.readAll().toStdString();
    Machine m;
    m.config.arch.is32bit = sizeof(void*) == 4;
    Process p;
    std::string expected;
    for (const std::string& l : lines(real)) {
        const auto w = words(l);
        QVERIFY(w.size() >= 5);
        Vma v;
        const std::size_t dash = w[0].find('-');
        v.start = std::stoull(w[0].substr(0, dash), nullptr, 16);
        v.end = std::stoull(w[0].substr(dash + 1), nullptr, 16);
        v.prot = static_cast<std::uint8_t>(
            (w[1][0] == 'r' ? Prot::Read : 0) | (w[1][1] == 'w' ? Prot::Write : 0) | (w[1][2] == 'x' ? Prot::Exec : 0));
        v.flags = w[1][3] == 's' ? VmaFlag::Shared : 0;
        // The first five fields are separated by single blanks; the name, if any, follows
        // the padding after the inode.
        std::size_t sp[4] = {};
        for (std::size_t k = 0, at = 0; k < 4; ++k) sp[k] = at = l.find(' ', at) + 1; // field k+1 starts at sp[k]
        const std::size_t inodeEnd = l.find(' ', sp[3]);
        const std::size_t nameAt
            = inodeEnd == std::string::npos ? std::string::npos : l.find_first_not_of(' ', inodeEnd);
        const std::string name = nameAt == std::string::npos ? std::string() : l.substr(nameAt);
        if (w[4] != "0") {
            File file;
            file.name = m.intern(name);
            file.inode = std::stoull(w[4]);
            v.file = static_cast<std::uint32_t>(m.files.size());
            m.files.push_back(file);
            v.pgoff = std::stoull(w[2], nullptr, 16) / 4096;
        } else if (!name.empty()) {
            v.name = m.intern(name);
        }
        p.mm.vmas.push_back(v);
        expected += l.substr(0, sp[2]) + (w[4] != "0" ? "08:20" : w[3]) + l.substr(sp[2] + 5) + "\n";
    }
    QVERIFY(p.mm.vmas.size() > 5);
    QCOMPARE(QString::fromStdString(formatProcMaps(m, p)), QString::fromStdString(expected));
}

void TestProcFmt::mapsAfterMalloc()
{
    // seeds/001 §4.4: the 100 MiB mapping joins the anonymous area below the libraries,
    // whose start moves down by exactly the request plus glibc's header page.
    Simulator sim = boot("seed-8g");
    Proc p = spawnProc(sim, "mmap");
    const auto before = lines(sh(sim, "cat /proc/" + std::to_string(p.pid) + "/maps").out);
    p.malloc(100 * MiB);
    const auto after = lines(sh(sim, "cat /proc/" + std::to_string(p.pid) + "/maps").out);
    QCOMPARE(after.size(), before.size());
    int changed = 0;
    for (std::size_t i = 0; i < before.size(); ++i) {
        if (before[i] == after[i]) continue;
        ++changed;
        // "7fb9f5703000-7fb9f5705000 rw-p 00000000 00:00 0 " -> "7fb9ef302000-7fb9f5705000 ..."
        QCOMPARE(after[i].size(), std::size_t(48));
        QCOMPARE(after[i].substr(12), before[i].substr(12));
        QVERIFY(after[i].ends_with(" rw-p 00000000 00:00 0 "));
        const std::uint64_t was = std::stoull(before[i].substr(0, 12), nullptr, 16);
        const std::uint64_t now = std::stoull(after[i].substr(0, 12), nullptr, 16);
        QCOMPARE(was - now, 102404u * 1024); // the notes' VSZ step: 6056 -> 108460 kB
    }
    QCOMPARE(changed, 1);
}

void TestProcFmt::mapsMatchesTheProcess()
{
    Simulator sim = boot("seed-8g");
    Proc p = spawnProc(sim, "demand-paging");
    const Process& pr = p.p();
    const auto ls = lines(formatProcMaps(sim.current(), pr));
    QCOMPARE(ls.size(), pr.mm.vmas.size());
    for (std::size_t i = 0; i < ls.size(); ++i) {
        const Vma& v = pr.mm.vmas[i];
        const auto w = words(ls[i]);
        QVERIFY(w.size() == 5 || w.size() == 6);
        char range[64];
        std::snprintf(range, sizeof range, "%llx-%llx", static_cast<unsigned long long>(v.start),
            static_cast<unsigned long long>(v.end));
        QCOMPARE(w[0], std::string(range));
        QCOMPARE(w[1][3], v.shared() ? 's' : 'p');
        if (v.anon()) {
            QCOMPARE(w[2] + " " + w[3] + " " + w[4], std::string("00000000 00:00 0"));
        } else {
            QCOMPARE(w[3], std::string("08:20"));
            QCOMPARE(std::stoull(w[2], nullptr, 16), v.pgoff * 4096);
            QCOMPARE(w[5], sim.current().str(sim.current().files[v.file].name));
            QCOMPARE(ls[i].find('/'), std::size_t(73));
        }
    }
    // The program first, then [heap], the libraries, [stack], [vvar], [vdso].
    QVERIFY(ls.front().ends_with(" /home/syz/projects/class5/demand-paging"));
    QVERIFY(ls[5].ends_with(" [heap]"));
    QVERIFY(ls[ls.size() - 3].ends_with(" [stack]"));
    QVERIFY(ls.back().ends_with(" [vdso]"));
}

void TestProcFmt::statusLabels()
{
    Simulator sim = boot("seed-8g");
    spawnProc(sim, "demand-paging");
    const std::string status = sh(sim, "cat /proc/self/status").out;
    std::vector<std::string> got;
    for (const std::string& l : lines(status)) {
        const std::size_t colon = l.find(":\t");
        QVERIFY2(colon != std::string::npos, l.c_str());
        got.push_back(l.substr(0, colon));
    }
    const std::vector<std::string> want(std::begin(kStatusLabels), std::end(kStatusLabels));
    QCOMPARE(got, want);
    // seq_put_decimal_ull_width(..., 8) for every Vm line, and the kernel's odd spots.
    QVERIFY(status.find("\nVmLck:\t       0 kB\n") != std::string::npos);
    QVERIFY(status.find("\nGroups:\t1000 \n") != std::string::npos); // trailing blank
    QVERIFY(status.find("\nUmask:\t0022\nState:\tR (running)\n") != std::string::npos);
    QVERIFY(status.find("\nHugetlbPages:\t       0 kB\nCoreDumping:\t0\n") != std::string::npos);
}

void TestProcFmt::statusValues()
{
    Simulator sim = boot("seed-8g");
    Proc p = spawnProc(sim, "demand-paging");
    std::string st = sh(sim, "cat /proc/" + std::to_string(p.pid) + "/status").out;
    QCOMPARE(statusValue(st, "Name"), std::string("demand-paging"));
    QCOMPARE(statusValue(st, "Pid"), std::to_string(p.pid));
    QCOMPARE(statusValue(st, "PPid"), std::to_string(p.p().ppid));
    QCOMPARE(statusValue(st, "Uid"), std::string("1000\t1000\t1000\t1000"));
    // The notes' VSZ at start, and every kB accounted: the program's one text page, the
    // libraries' text (37 + 346 + 121 + 23 + 348 pages) plus [vdso]'s 2, the 33-page stack.
    QCOMPARE(statusKb(st, "VmSize"), 6056u);
    QCOMPARE(statusKb(st, "VmPeak"), 6056u);
    QCOMPARE(statusKb(st, "VmExe"), 4u);
    QCOMPARE(statusKb(st, "VmLib"), (875u + 2) * 4);
    QCOMPARE(statusKb(st, "VmStk"), 132u);
    // Private writable, not stack: the program's and libraries' data (1+2+2+1+1+2 pages),
    // their bss (3 + 13), ld.so's 2 pages and the 132 kB heap.
    QCOMPARE(statusKb(st, "VmData"), (9u + 16 + 2) * 4 + 132);
    const Process& pr = p.p();
    QCOMPARE(statusKb(st, "VmRSS"), pr.mm.rss() * 4);
    QCOMPARE(statusKb(st, "RssAnon") + statusKb(st, "RssFile") + statusKb(st, "RssShmem"), statusKb(st, "VmRSS"));
    QCOMPARE(statusKb(st, "VmHWM"), statusKb(st, "VmRSS"));
    QCOMPARE(statusKb(st, "VmPTE"), (pr.mm.ptPages - 1) * 4); // the PGD is not counted
    QVERIFY(statusKb(st, "VmPTE") > 0);

    // malloc(100 MiB) is data; touching it is RSS; freeing it leaves the peaks.
    const std::uint64_t buf = p.malloc(100 * MiB);
    st = sh(sim, "cat /proc/self/status").out;
    QCOMPARE(statusKb(st, "VmSize"), 6056u + 102404);
    QCOMPARE(statusKb(st, "VmData"), (27u * 4 + 132) + 102404);
    const std::uint64_t rss0 = statusKb(st, "VmRSS");
    p.touch(buf, 100 * MiB);
    st = sh(sim, "cat /proc/self/status").out;
    QCOMPARE(statusKb(st, "VmRSS"), rss0 + 102400);
    QCOMPARE(statusKb(st, "RssAnon"), pr.mm.rssAnon * 4);
    Command f = vmCommand(CommandType::Free, p.pid);
    f.addr = buf;
    p.run(f);
    st = sh(sim, "cat /proc/self/status").out;
    QCOMPARE(statusKb(st, "VmSize"), 6056u);
    QCOMPARE(statusKb(st, "VmPeak"), 6056u + 102404);
    QCOMPARE(statusKb(st, "VmRSS"), rss0);
    QCOMPARE(statusKb(st, "VmHWM"), rss0 + 102400);

    // Another process is not the one running: it sleeps.
    Proc q = spawnProc(sim, "other");
    QCOMPARE(statusValue(sh(sim, "cat /proc/" + std::to_string(p.pid) + "/status").out, "State"),
        std::string("S (sleeping)"));
    QCOMPARE(statusValue(sh(sim, "cat /proc/self/status").out, "Pid"), std::to_string(q.pid));
}

void TestProcFmt::statusVmPteSkipsUpperTables()
{
    // mm_pgtables_bytes() counts PTE, PMD and PUD tables; with 5-level paging the P4D
    // tables are left out as well as the PGD.
    Simulator sim = boot("x86-64-la57", "1G");
    Proc p = spawnProc(sim, "la57");
    const Machine& m = sim.current();
    std::uint64_t p4d = 0;
    for (std::uint64_t i = 0; i < 512; ++i) p4d += m.config.arch.entry.present(vm::readEntry(m, p.p().mm.pgd, i));
    QVERIFY(p4d >= 1);
    QCOMPARE(taskMem(m, p.p()).vmPte, (p.p().mm.ptPages - 1 - p4d) * 4);
}

void TestProcFmt::statFields()
{
    Simulator sim = boot("seed-8g");
    Proc p = spawnProc(sim, "demand-paging");
    p.touch(p.malloc(MiB), MiB);
    const std::string stat = sh(sim, "cat /proc/self/stat").out;
    QVERIFY(stat.ends_with("\n"));
    const auto f = words(stat);
    QCOMPARE(f.size(), std::size_t(52));
    const Process& pr = p.p();
    const TaskMem t = taskMem(sim.current(), pr);
    QCOMPARE(f[0], std::to_string(p.pid));
    QCOMPARE(f[1], std::string("(demand-paging)"));
    QCOMPARE(f[2], std::string("R"));
    QCOMPARE(f[3], std::to_string(pr.ppid));
    QCOMPARE(f[9], std::to_string(pr.minFlt)); // field 10: minflt
    QCOMPARE(f[11], std::to_string(pr.majFlt)); // field 12: majflt
    QCOMPARE(f[22], std::to_string(t.vmSize * 1024)); // vsize in bytes
    QCOMPARE(f[23], std::to_string(t.vmRss / 4)); // rss in pages
    QCOMPARE(f[24], std::string("18446744073709551615")); // RLIM_INFINITY
    QCOMPARE(f[46], std::to_string(pr.mm.startBrk)); // start_brk
    const auto statm = words(sh(sim, "cat /proc/self/statm").out);
    QCOMPARE(statm.size(), std::size_t(7));
    QCOMPARE(statm[0], std::to_string(t.vmSize / 4));
    QCOMPARE(statm[1], std::to_string(t.vmRss / 4));
    QCOMPARE(statm[2], std::to_string((t.rssFile + t.rssShmem) / 4));
    QCOMPARE(statm[5], std::to_string((t.vmData + t.vmStk) / 4));
}

void TestProcFmt::psHeaders_data()
{
    QTest::addColumn<QString>("args");
    QTest::addColumn<QString>("header");
    // Typed from procps-ng 4.0.2 on Debian 12 (pid columns as wide as pid_max 4194304).
    QTest::newRow("default") << QString() << u"    PID TTY          TIME CMD"_s;
    QTest::newRow("-e") << u"-e"_s << u"    PID TTY          TIME CMD"_s;
    QTest::newRow("notes 5.2") << u"-eo pid,comm,vsz,rss,maj_flt,min_flt"_s
                               << u"    PID COMMAND            VSZ   RSS  MAJFL  MINFL"_s;
    QTest::newRow("notes 5.3") << u"-eo pid,comm,vsz,rss,min_flt,maj_flt"_s
                               << u"    PID COMMAND            VSZ   RSS  MINFL  MAJFL"_s;
    QTest::newRow("aliases") << u"-o minflt,majflt"_s << u"MINFLT MAJFLT"_s;
    QTest::newRow("comm last") << u"-o pid,comm"_s << u"    PID COMMAND"_s;
    QTest::newRow("comm first") << u"-o comm,pid"_s << u"COMMAND             PID"_s;
    QTest::newRow("wide") << u"-eo pid,ppid,comm,cmd,vsz,rss,minflt,majflt,stat,%mem,time"_s
                          << u"    PID    PPID COMMAND         CMD                            VSZ   RSS MINFLT MAJFLT "
                             "STAT %MEM     TIME"_s;
    QTest::newRow("user") << u"-o pid,user,uid,%mem,etime,s,stat,tty,time,cmd"_s
                          << u"    PID USER       UID %MEM     ELAPSED S STAT TT           TIME CMD"_s;
    QTest::newRow("two -o") << u"-o pid,comm -o vsz"_s << u"    PID COMMAND            VSZ"_s;
    QTest::newRow("blank separated") << u"-o 'pid comm'"_s << u"    PID COMMAND"_s;
    QTest::newRow("renamed") << u"-o pid=X"_s << u"      X"_s;
    QTest::newRow("renamed wide") << u"-o comm=COMMANDNAMEVERYLONG,pid"_s << u"COMMANDNAMEVERYLONG     PID"_s;
    QTest::newRow("width") << u"-o pid:3"_s << u"PID"_s;
    QTest::newRow("args cut") << u"-o args:5,pid"_s << u"COMMAND   PID"_s; // the header runs over
    QTest::newRow("bsd pid list") << u"1000"_s << u"    PID TTY      STAT   TIME COMMAND"_s;
    QTest::newRow("--format") << u"--format=pid,sz,rsz"_s << u"    PID    SZ   RSZ"_s;
}

void TestProcFmt::psHeaders()
{
    QFETCH(QString, args);
    QFETCH(QString, header);
    Simulator sim = boot("seed-8g");
    spawnProc(sim, "demand-paging");
    const ShellResult r = sh(sim, ("ps " + args).toStdString());
    QCOMPARE(r.status, 0);
    QCOMPARE(QString::fromStdString(r.err), QString());
    QCOMPARE(QString::fromStdString(lines(r.out).front()), header);
}

void TestProcFmt::psRows_data()
{
    QTest::addColumn<QString>("args");
    QTest::addColumn<QString>("expected");
    // The notes' demand-paging before and after (seeds/001 §5.2), with procps's column
    // arithmetic: a value wider than its column pushes the next ones right, and a
    // right-aligned column takes back the space it is owed.
    QTest::newRow("fits") << u"-o pid,comm,vsz,rss,maj_flt,min_flt -p 1000"_s
                          << u"    PID COMMAND            VSZ   RSS  MAJFL  MINFL\n"
                             "   1000 demand-paging     6056  2064      0    152\n"_s;
    QTest::newRow("overflows") << u"-o pid,comm,vsz,rss,min_flt,maj_flt -p 1001"_s
                               << u"    PID COMMAND            VSZ   RSS  MINFL  MAJFL\n"
                                  "   1001 demand-paging   108460 105904   715      0\n"_s;
    QTest::newRow("long comm cut") << u"-o comm,pid -p 1002"_s
                                   << u"COMMAND             PID\n"
                                      "a-very-long-nam    1002\n"_s;
    QTest::newRow("long comm last") << u"-o pid,comm -p 1002"_s
                                    << u"    PID COMMAND\n"
                                       "   1002 a-very-long-name\n"_s;
    QTest::newRow("no headers") << u"--no-headers -o pid,rss -p 1000,1001"_s
                                << u"   1000  2064\n"
                                   "   1001 105904\n"_s;
    QTest::newRow("empty headers") << u"-o pid=,comm= -p 1000"_s << u"   1000 demand-paging\n"_s;
    QTest::newRow("default") << u"-p 1000"_s
                             << u"    PID TTY          TIME CMD\n"
                                "   1000 pts/0    00:00:00 demand-paging\n"_s;
    QTest::newRow("stat and %mem") << u"-o pid,stat,%mem,ni -p 1001"_s
                                   << u"    PID STAT %MEM  NI\n"
                                      "   1001 S+    1.3   0\n"_s; // 105904 * 1000 / 7942512 = 13
    QTest::newRow("width override") << u"-o pid:3,vsz:3 -p 1001"_s
                                    << u"PID VSZ\n"
                                       "1001 108460\n"_s;
}

void TestProcFmt::psRows()
{
    QFETCH(QString, args);
    QFETCH(QString, expected);
    HandMachine h;
    h.add(1000, "demand-paging", 6056, 2064, 152, 0);
    h.add(1001, "demand-paging", 108460, 105904, 715, 0);
    h.add(1002, "a-very-long-name", 4, 4, 1, 0); // comm is 15 characters in the kernel; ps cuts anyway
    const ShellResult r = runShell(h.m, ("ps " + args).toStdString());
    QCOMPARE(QString::fromStdString(r.err), QString());
    QCOMPARE(QString::fromStdString(r.out), expected);
}

void TestProcFmt::psVszGrowsByMalloc()
{
    Simulator sim = boot("seed-8g");
    // Transparent huge pages off (seed-8g has "always"): one minor fault per 4 KiB page below.
    Command thp = vmCommand(CommandType::SetSysctl, 0);
    thp.text = "kernel.mm.transparent_hugepage.enabled";
    thp.len = 2;
    QVERIFY(!sim.apply(thp).error);
    Proc p = spawnProc(sim, "demand-paging");
    auto row = [&] {
        const ShellResult r = sh(sim, "ps -eo pid,comm,vsz,rss,maj_flt,min_flt | grep demand-paging");
        const auto l = lines(r.out);
        if (l.size() != 1) qFatal("one row expected, got %zu", l.size());
        return words(l[0]);
    };
    const auto before = row();
    QCOMPARE(before[0], std::to_string(p.pid));
    QCOMPARE(before[2], std::string("6056")); // the notes: 6056 at start
    const std::uint64_t buf = p.malloc(100 * MiB);
    const auto allocated = row();
    QCOMPARE(std::stoull(allocated[2]) - std::stoull(before[2]), 102404u); // 6056 -> 108460
    QCOMPARE(allocated[3], before[3]); // nothing touched yet
    p.touch(buf, 100 * MiB);
    const auto touched = row();
    QCOMPARE(std::stoull(touched[3]) - std::stoull(before[3]), 102400u);
    QCOMPARE(std::stoull(touched[5]) - std::stoull(before[5]), 25600u); // one minor fault per page
    QCOMPARE(touched[4], std::string("0"));
    QCOMPARE(touched[2], std::to_string(taskMem(sim.current(), p.p()).vmSize));
}

void TestProcFmt::psSelection()
{
    Simulator sim = boot("seed-8g");
    Proc a = spawnProc(sim, "first");
    Proc b = spawnProc(sim, "second");
    Proc c = a.fork();
    auto pids = [&](const std::string& args) {
        std::vector<std::string> out;
        for (const std::string& l : lines(sh(sim, "ps --no-headers -o pid " + args).out)) out.push_back(words(l)[0]);
        return out;
    };
    const std::string sa = std::to_string(a.pid), sb = std::to_string(b.pid), sc = std::to_string(c.pid);
    QCOMPARE(pids("-e"), (std::vector<std::string> { sa, sb, sc })); // by pid
    QCOMPARE(pids(""), pids("-e")); // this terminal's processes: all simulated ones
    QCOMPARE(pids("-p " + sc + "," + sa), (std::vector<std::string> { sa, sc }));
    QCOMPARE(pids("-p " + sb + " -e"), pids("-A")); // selections add up
    QCOMPARE(pids("-C first"), (std::vector<std::string> { sa, sc })); // by command name
    QCOMPARE(pids("-C second,nothing -p " + sa), (std::vector<std::string> { sa, sb }));
    b.exit();
    QCOMPARE(pids("-e"), (std::vector<std::string> { sa, sc })); // exited: not listed
    const ShellResult none = sh(sim, "ps -p " + sb);
    QCOMPARE(none.out, std::string("    PID TTY          TIME CMD\n"));
    QCOMPARE(none.status, 1);
    // The child shares its parent's command line and process group.
    const auto row = words(lines(sh(sim, "ps --no-headers -o pid,ppid,pgid,comm,args -p " + sc).out)[0]);
    QCOMPARE(row, (std::vector<std::string> { sc, sa, sa, "first", "./first" }));
    QCOMPARE(sh(sim, "ps -V").out, std::string("ps from procps-ng 4.0.2\n"));
}

void TestProcFmt::psErrors_data()
{
    QTest::addColumn<QString>("args");
    QTest::addColumn<QString>("error");
    // procps-ng 4.0.2's words, each followed by the short usage; status 1.
    QTest::newRow("sysv") << u"-J"_s << u"unsupported SysV option"_s;
    QTest::newRow("long") << u"--foo"_s << u"unknown gnu long option"_s;
    QTest::newRow("bsd") << u"Q"_s << u"unsupported option (BSD syntax)"_s;
    QTest::newRow("spec") << u"-o bogus"_s << u"unknown user-defined format specifier \"bogus\""_s;
    QTest::newRow("spec in -eo") << u"-eo pid,bogus"_s << u"unknown user-defined format specifier \"bogus\""_s;
    QTest::newRow("-o alone") << u"-eo"_s << u"format specification must follow -o"_s;
    QTest::newRow("--format alone") << u"--format"_s << u"format specification must follow --format"_s;
    QTest::newRow("-p alone") << u"-p"_s << u"list of process IDs must follow -p"_s;
    QTest::newRow("--pid alone") << u"--pid"_s << u"list of process IDs must follow --pid"_s;
    QTest::newRow("-q alone") << u"-q"_s << u"List of process IDs must follow -q."_s;
    QTest::newRow("-C alone") << u"-C"_s << u"list of command names must follow -C"_s;
    QTest::newRow("pid syntax") << u"-p abc"_s << u"process ID list syntax error"_s;
    QTest::newRow("pid zero") << u"-p 0"_s << u"process ID out of range"_s;
    QTest::newRow("pid huge") << u"-p 99999999999"_s << u"process ID out of range"_s;
    QTest::newRow("empty pid") << u"-p 1,"_s << u"improper list"_s;
    QTest::newRow("empty spec") << u"-o pid,,comm"_s << u"improper format list"_s;
    QTest::newRow("bad width") << u"-o pid:x"_s << u"column widths must be unsigned decimal numbers"_s;
    QTest::newRow("zero width") << u"-o comm:0"_s << u"column widths must be unsigned decimal numbers"_s;
}

void TestProcFmt::psErrors()
{
    QFETCH(QString, args);
    QFETCH(QString, error);
    Simulator sim = boot("x86-64", "64M");
    const ShellResult r = sh(sim, ("ps " + args).toStdString());
    QCOMPARE(r.status, 1);
    QCOMPARE(QString::fromStdString(r.out), QString());
    QCOMPARE(QString::fromStdString(r.err), u"error: "_s + error + u"\n"_s + QString::fromLatin1(kUsage));
}

void TestProcFmt::grepPipe()
{
    Simulator sim = boot("seed-8g");
    Proc p = spawnProc(sim, "demand-paging");
    Proc q = spawnProc(sim, "vsz-rss.sh");
    const std::string ps = sh(sim, "ps -eo pid,comm,vsz,rss,maj_flt,min_flt").out;
    const std::string row = lines(ps)[1] + "\n";
    // The notes' vsz-rss.sh line (seeds/001 §5.2), and its `| grep -v grep`.
    ShellResult r = sh(sim, "ps -eo pid,comm,vsz,rss,maj_flt,min_flt | grep demand-paging | grep -v grep");
    QCOMPARE(r.out, row);
    QCOMPARE(r.status, 0);
    // cow.cpp's `grep '^ *PID '` (the pid column is right-aligned: leading blanks).
    r = sh(sim, "ps -eo pid,comm | grep '^ *" + std::to_string(q.pid) + " '");
    QCOMPARE(r.out, "   " + std::to_string(q.pid) + " vsz-rss.sh\n");
    r = sh(sim, "ps -eo pid,comm | grep '^" + std::to_string(q.pid) + " '");
    QCOMPARE(r.out, std::string());
    QCOMPARE(r.status, 1); // nothing selected
    // Once the program has exited the script's INFO is empty.
    p.exit();
    r = sh(sim, "ps -eo pid,comm,vsz,rss,maj_flt,min_flt | grep demand-paging | grep -v grep");
    QCOMPARE(r.out, std::string());
    QCOMPARE(r.status, 1);
    // A quoted bar is no pipe.
    QCOMPARE(sh(sim, "echo 'a | b'").out, std::string("a | b\n"));
    QCOMPARE(sh(sim, "echo a \\| b").out, std::string("a | b\n"));
    // stderr of every command reaches the terminal; the status is the last command's.
    r = sh(sim, "cat /nonexistent | grep x");
    QCOMPARE(r.err, std::string("cat: /nonexistent: No such file or directory\n"));
    QCOMPARE(r.status, 1);
    r = sh(sim, "free | grep -c Mem");
    QCOMPARE(r.out, std::string("1\n"));
}

void TestProcFmt::grepOptions_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QString>("out");
    QTest::addColumn<QString>("err");
    QTest::addColumn<int>("status");
    const QString input = u"echo 'MemFree: 5 kB' | "_s;
    QTest::newRow("match") << input + u"grep Free"_s << u"MemFree: 5 kB\n"_s << QString() << 0;
    QTest::newRow("no match") << input + u"grep Total"_s << QString() << QString() << 1;
    QTest::newRow("-v") << input + u"grep -v Total"_s << u"MemFree: 5 kB\n"_s << QString() << 0;
    QTest::newRow("-i") << input + u"grep -i memfree"_s << u"MemFree: 5 kB\n"_s << QString() << 0;
    QTest::newRow("-c") << input + u"grep -c kB"_s << u"1\n"_s << QString() << 0;
    QTest::newRow("-n") << input + u"grep -n kB"_s << u"1:MemFree: 5 kB\n"_s << QString() << 0;
    QTest::newRow("anchored") << input + u"grep '^Mem.*kB$'"_s << u"MemFree: 5 kB\n"_s << QString() << 0;
    QTest::newRow("bracket") << input + u"grep '[0-9] kB'"_s << u"MemFree: 5 kB\n"_s << QString() << 0;
    QTest::newRow("-E") << input + u"grep -E 'Mem(Free|Total)'"_s << u"MemFree: 5 kB\n"_s << QString() << 0;
    QTest::newRow("-F") << input + u"grep -F '5 kB'"_s << u"MemFree: 5 kB\n"_s << QString() << 0;
    QTest::newRow("-w") << input + u"grep -w Mem"_s << QString() << QString() << 1;
    QTest::newRow("-x") << input + u"grep -x 'MemFree: 5 kB'"_s << u"MemFree: 5 kB\n"_s << QString() << 0;
    QTest::newRow("-e -e") << input + u"grep -e Total -e Free"_s << u"MemFree: 5 kB\n"_s << QString() << 0;
    QTest::newRow("-q") << input + u"grep -q Free"_s << QString() << QString() << 0;
    // GNU grep 3.8's messages.
    QTest::newRow("bad regex") << input + u"grep '['"_s << QString() << u"grep: Invalid regular expression\n"_s << 2;
    QTest::newRow("bad paren") << input + u"grep '\\('"_s << QString() << u"grep: Unmatched ( or \\(\n"_s << 2;
    QTest::newRow("bad option") << input + u"grep -j x"_s << QString()
                                << u"grep: invalid option -- 'j'\nUsage: grep [OPTION]... PATTERNS [FILE]...\n"
                                   "Try 'grep --help' for more information.\n"_s
                                << 2;
    QTest::newRow("no pattern") << input + u"grep"_s << QString()
                                << u"Usage: grep [OPTION]... PATTERNS [FILE]...\n"
                                   "Try 'grep --help' for more information.\n"_s
                                << 2;
    // Files: names in front when there are several (-h: never, -H: always).
    QTest::newRow("two files") << u"grep nr_free_pages /proc/vmstat /proc/nothing"_s
                               << u"/proc/vmstat:nr_free_pages FREE\n"_s
                               << u"grep: /proc/nothing: No such file or directory\n"_s << 2;
    QTest::newRow("-h") << u"grep -h nr_free_pages /proc/vmstat /proc/vmstat"_s
                        << u"nr_free_pages FREE\nnr_free_pages FREE\n"_s << QString() << 0;
    QTest::newRow("-H") << u"grep -H nr_free_pages /proc/vmstat"_s << u"/proc/vmstat:nr_free_pages FREE\n"_s
                        << QString() << 0;
}

void TestProcFmt::grepOptions()
{
    QFETCH(QString, line);
    QFETCH(QString, out);
    QFETCH(QString, err);
    QFETCH(int, status);
    Simulator sim = boot("x86-64", "64M");
    const ShellResult r = sh(sim, line.toStdString());
    QCOMPARE(QString::fromStdString(r.err), err);
    out.replace(u"FREE"_s, QString::number(sim.current().freePages()));
    QCOMPARE(QString::fromStdString(r.out), out);
    QCOMPARE(r.status, status);
}

void TestProcFmt::shellErrors_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QString>("err");
    QTest::addColumn<int>("status");
    QTest::newRow("no such pid") << u"cat /proc/99/maps"_s << u"cat: /proc/99/maps: No such file or directory\n"_s << 1;
    QTest::newRow("no such file") << u"cat /proc/1000/smaps"_s
                                  << u"cat: /proc/1000/smaps: No such file or directory\n"_s << 1;
    QTest::newRow("leading zero") << u"cat /proc/01000/maps"_s
                                  << u"cat: /proc/01000/maps: No such file or directory\n"_s << 1;
    QTest::newRow("directory") << u"cat /proc/1000"_s << u"cat: /proc/1000: Is a directory\n"_s << 1;
    QTest::newRow("exited") << u"cat /proc/1001/status"_s << u"cat: /proc/1001/status: No such file or directory\n"_s
                            << 1;
    QTest::newRow("unknown command") << u"ps -e | wc -l"_s << u"bash: wc: command not found\n"_s << 127;
    QTest::newRow("empty stage") << u"| grep x"_s << u"bash: syntax error near unexpected token `|'\n"_s << 2;
    QTest::newRow("not simulated spec") << u"ps -o wchan"_s << u"ps: format specifier \"wchan\" is not simulated\n"_s
                                        << 1;
}

void TestProcFmt::shellErrors()
{
    QFETCH(QString, line);
    QFETCH(QString, err);
    QFETCH(int, status);
    Simulator sim = boot("seed-8g");
    spawnProc(sim, "alive"); // 1000
    spawnProc(sim, "gone").exit(); // 1001
    const ShellResult r = sh(sim, line.toStdString());
    QCOMPARE(QString::fromStdString(r.err), err);
    QCOMPARE(r.status, status);
}

void TestProcFmt::catSimulatedFile()
{
    Simulator sim = boot("seed-8g");
    // /proc/self with no process on the CPU: the kernel's own context has no /proc/self here.
    QCOMPARE(sh(sim, "cat /proc/self/maps").err, std::string("cat: /proc/self/maps: No such file or directory\n"));
    Command fc = vmCommand(CommandType::FileCreate, 0);
    fc.text = "testfile";
    fc.len = 6;
    fc.data = "hello\n";
    QVERIFY(!sim.apply(fc).error);
    QCOMPARE(sh(sim, "cat testfile").out, std::string("hello\n"));
    QCOMPARE(sh(sim, "cat /home/syz/projects/class5/testfile").out, std::string("hello\n"));
    QCOMPARE(sh(sim, "cat testfile testfile | grep -c hello").out, std::string("2\n"));
    QCOMPARE(sh(sim, "cat /proc/sys/kernel/pid_max").out, std::string("4194304\n"));
    QCOMPARE(sh(boot("x86-32"), "cat /proc/sys/kernel/pid_max").out, std::string("32768\n"));
    // The shell knows the new paths (completion).
    spawnProc(sim, "p");
    const auto files = shellFiles(sim.current());
    for (const char* f : { "/home/syz/projects/class5/testfile", "/proc/1000/maps", "/proc/self/status" })
        QVERIFY2(std::find(files.begin(), files.end(), std::string(f)) != files.end(), f);
    const auto cmds = shellCommands();
    QVERIFY(std::find(cmds.begin(), cmds.end(), std::string("ps")) != cmds.end());
}

void TestProcFmt::meminfoFollowsVm()
{
    Simulator sim = boot("seed-8g");
    auto mi = [&] { return formatMeminfo(sim.current()); };
    const std::string boot0 = mi();
    QCOMPARE(meminfoKb(boot0, "Cached"), 0u);
    QCOMPARE(meminfoKb(boot0, "AnonPages"), 0u);
    QCOMPARE(meminfoKb(boot0, "PageTables"), 0u);

    Proc p = spawnProc(sim, "demand-paging");
    const Machine& m = sim.current();
    std::string s = mi();
    QCOMPARE(meminfoKb(s, "Cached"), m.vmc.filePages * 4);
    QVERIFY(meminfoKb(s, "Cached") >= 5000); // the program and its libraries, read at exec
    QCOMPARE(meminfoKb(s, "AnonPages"), m.vmc.anonPages * 4);
    QCOMPARE(meminfoKb(s, "PageTables"), m.vmc.pageTablePages * 4);
    QCOMPARE(meminfoKb(s, "Mapped"), m.vmc.fileMapped * 4);
    QCOMPARE(meminfoKb(s, "Active(file)") + meminfoKb(s, "Inactive(file)"), meminfoKb(s, "Cached"));
    QCOMPARE(meminfoKb(s, "Active(anon)") + meminfoKb(s, "Inactive(anon)"), meminfoKb(s, "AnonPages"));
    QCOMPARE(meminfoKb(s, "Active"), meminfoKb(s, "Active(anon)") + meminfoKb(s, "Active(file)"));
    // Committed_AS: the private writable mappings (VmData + VmStk of the only process).
    const TaskMem t = taskMem(m, p.p());
    QCOMPARE(meminfoKb(s, "Committed_AS"), t.vmData + t.vmStk);

    const std::uint64_t anon0 = meminfoKb(s, "AnonPages"), pt0 = meminfoKb(s, "PageTables"),
                        cached0 = meminfoKb(s, "Cached");
    const std::uint64_t buf = p.malloc(100 * MiB);
    s = mi();
    QCOMPARE(meminfoKb(s, "AnonPages"), anon0); // demand paging: nothing yet
    QCOMPARE(meminfoKb(s, "Committed_AS"), t.vmData + t.vmStk + 102404);
    p.touch(buf, 100 * MiB);
    s = mi();
    QCOMPARE(meminfoKb(s, "AnonPages"), anon0 + 102400);
    // 50 PTE tables map the 100 MiB (2 MiB each), plus a PMD table when it crossed one.
    const std::uint64_t ptGrew = meminfoKb(s, "PageTables") - pt0;
    QVERIFY2(ptGrew >= 50 * 4 && ptGrew <= 53 * 4, qPrintable(QString::number(ptGrew)));
    QCOMPARE(meminfoKb(s, "Cached"), cached0);

    // Exit: anonymous memory and page tables go, the page cache stays.
    p.exit();
    s = mi();
    QCOMPARE(meminfoKb(s, "AnonPages"), 0u);
    QCOMPARE(meminfoKb(s, "PageTables"), 0u);
    QCOMPARE(meminfoKb(s, "Committed_AS"), 0u);
    QCOMPARE(meminfoKb(s, "Cached"), cached0);
    QCOMPARE(meminfoKb(s, "Mapped"), 0u);
    QCOMPARE(meminfoKb(s, "Active(file)"), 0u);
    QVERIFY(checkMachine(sim.current()).empty());
}

void TestProcFmt::freeFollowsCache()
{
    Simulator sim = boot("seed-8g");
    Command fc = vmCommand(CommandType::FileCreate, 0);
    fc.text = "testfile";
    fc.len = 100 * MiB;
    QVERIFY(!sim.apply(fc).error);
    Proc p = spawnProc(sim, "filemap");
    auto check = [&](MemInfo* out) {
        // si_mem_available(): free - totalreserve + pagecache - min(pagecache / 2, Σ low).
        const Machine& m = sim.current();
        std::uint64_t low = 0;
        for (const Zone& z : m.zones) low += z.mark(Wmark::Low);
        const std::uint64_t pc = m.vmc.filePages;
        const std::uint64_t avail = m.freePages() - m.totalreservePages + pc - std::min(pc / 2, low);
        const MemInfo i = computeMemInfo(m);
        QCOMPARE(i.memAvailable, avail * 4);
        QCOMPARE(i.cached, pc * 4);
        // free's buff/cache is Buffers + Cached + SReclaimable; used is total - available.
        const auto row = words(lines(sh(sim, "free").out)[1]);
        QCOMPARE(row[5], std::to_string(i.cached));
        QCOMPARE(row[6], std::to_string(i.memAvailable));
        QCOMPARE(row[2], std::to_string(i.memTotal - i.memAvailable));
        *out = i;
    };
    MemInfo before, after;
    check(&before);
    Command mm = vmCommand(CommandType::Mmap, p.pid);
    mm.len = 100 * MiB;
    mm.prot = Prot::Read;
    mm.mapFlags = MapFlag::Shared;
    mm.text = "testfile";
    const std::uint64_t at = p.run(mm).value;
    p.touch(at, 40 * MiB, false); // major faults: 10240 pages read into the page cache
    check(&after);
    QCOMPARE(after.cached - before.cached, 40u * 1024);
    QCOMPARE(after.mapped - before.mapped, 40u * 1024);
    QCOMPARE(p.p().majFlt, 10240u);
    QCOMPARE(words(lines(sh(sim, "ps -o maj_flt -p " + std::to_string(p.pid)).out)[1])[0], std::string("10240"));
}

void TestProcFmt::vmstatCounters()
{
    Simulator sim = boot("seed-8g");
    Proc p = spawnProc(sim, "demand-paging");
    p.touch(p.malloc(MiB), MiB);
    const Machine& m = sim.current();
    const std::string v = sh(sim, "cat /proc/vmstat").out;
    std::vector<std::string> names;
    for (const std::string& l : lines(v)) names.push_back(words(l)[0]);
    // vmstat_text[] order (the whole list is checked in tst_procfiles): zone items, NUMA
    // events, node items, the global items, then the events.
    auto at = [&](const char* n) {
        return static_cast<int>(std::find(names.begin(), names.end(), std::string(n)) - names.begin());
    };
    QCOMPARE(names.front(), std::string("nr_free_pages"));
    QVERIFY(at("nr_zone_write_pending") < at("numa_hit"));
    QVERIFY(at("numa_hit") < at("nr_inactive_anon"));
    QVERIFY(at("nr_swapcached") < at("nr_dirty_threshold"));
    QVERIFY(at("nr_memmap_boot_pages") < at("pgpgin"));
    QVERIFY(at("pgalloc_device") < at("allocstall_dma"));
    QVERIFY(at("pgmajfault") < at("pgsteal_kswapd"));
    QCOMPARE(names.back(), std::string("nr_unstable"));
    QCOMPARE(sh(sim, "grep -w pgfault /proc/vmstat").out, "pgfault " + std::to_string(m.vmc.pgfault) + "\n");
    QCOMPARE(m.vmc.pgfault, p.p().minFlt + p.p().majFlt);
    QCOMPARE(sh(sim, "grep nr_anon_pages /proc/vmstat").out, "nr_anon_pages " + std::to_string(m.vmc.anonPages) + "\n");
    QCOMPARE(sh(sim, "grep nr_page_table_pages /proc/vmstat").out,
        "nr_page_table_pages " + std::to_string(m.vmc.pageTablePages) + "\n");
    // The LRU lists as the zone items (summed over zones) and as the node items.
    QCOMPARE(sh(sim, "grep -w nr_zone_inactive_anon /proc/vmstat").out,
        "nr_zone_inactive_anon " + std::to_string(m.lru[LruList::InactiveAnon].size) + "\n");
    QCOMPARE(sh(sim, "grep -w nr_inactive_anon /proc/vmstat").out,
        "nr_inactive_anon " + std::to_string(m.lru[LruList::InactiveAnon].size) + "\n");
    // zoneinfo's per-node block reads the same counters.
    const std::string zi = formatZoneinfo(m);
    QVERIFY(zi.find("\n      nr_anon_pages " + std::to_string(m.vmc.anonPages) + "\n") != std::string::npos);
}

void TestProcFmt::oomScoreFiles()
{
    Simulator sim = boot("seed-8g");
    Proc p = spawnProc(sim, "demand-paging");
    const std::string dir = "/proc/" + std::to_string(p.pid);
    // proc_oom_score(): (1000 + badness * 1000 / totalpages) * 2 / 3. A small program with
    // adj 0 shows 666 (its few pages are < 1/1000 of RAM + swap = 1985628 + 524288 pages).
    QVERIFY(p.p().mm.rss() + p.p().mm.ptPages < 2509);
    QCOMPARE(sh(sim, "cat " + dir + "/oom_score").out, std::string("666\n"));
    QCOMPARE(sh(sim, "cat " + dir + "/oom_score_adj").out, std::string("0\n"));
    // echo -500 > oom_score_adj: adj * (totalpages / 1000) = -500 * 2509 = -1254500 pages,
    // so badness * 1000 / 2509916 = -499 and the score is 501 * 2 / 3 = 334.
    const ShellResult w = sh(sim, "echo -500 > " + dir + "/oom_score_adj");
    QVERIFY(w.out.empty() && w.err.empty());
    QVERIFY(w.command.has_value());
    QCOMPARE(w.command->type, CommandType::SetOomScoreAdj);
    QCOMPARE(w.command->pid, p.pid);
    QCOMPARE(static_cast<std::int64_t>(w.command->addr), std::int64_t(-500));
    p.run(*w.command);
    QCOMPARE(sh(sim, "cat " + dir + "/oom_score_adj").out, std::string("-500\n"));
    QCOMPARE(sh(sim, "cat /proc/self/oom_score").out, std::string("334\n"));
    QCOMPARE(sh(sim, "cat " + dir + "/oom_score").out, std::to_string(reclaim::oomScore(sim.current(), p.p())) + "\n");
    // ps's OOM and OOMADJ columns read the same files (OOMADJ: width 5 under its 6-wide
    // header, as procps 4.0.2 prints it).
    QCOMPARE(sh(sim, "ps -o pid,oom,oomadj -p " + std::to_string(p.pid)).out,
        "    PID  OOM OOMADJ\n" + std::string("   ") + std::to_string(p.pid) + "  334  -500\n");
    // -1000: never killed, score 0.
    p.run(*sh(sim, "echo -1000 > /proc/self/oom_score_adj").command);
    QCOMPARE(sh(sim, "cat " + dir + "/oom_score").out, std::string("0\n"));
    const auto files = shellFiles(sim.current());
    QVERIFY(std::find(files.begin(), files.end(), dir + "/oom_score_adj") != files.end());
    QVERIFY(std::find(files.begin(), files.end(), std::string("/proc/swaps")) != files.end());
    const auto cmds = shellCommands();
    for (const char* c : { "sar", "vmstat", "swapon", "dmesg", "sleep" })
        QVERIFY(std::find(cmds.begin(), cmds.end(), std::string(c)) != cmds.end());
}

void TestProcFmt::shellWrites_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QString>("out");
    QTest::addColumn<int>("type");
    QTest::addColumn<qulonglong>("len");
    const int drop = static_cast<int>(CommandType::DropCaches), sleep = static_cast<int>(CommandType::Sleep);
    QTest::newRow("echo 3 > drop_caches") << u"echo 3 > /proc/sys/vm/drop_caches"_s << QString() << drop << 3ull;
    QTest::newRow("sudo sysctl") << u"sudo sysctl vm.drop_caches=1"_s << u"vm.drop_caches = 1\n"_s << drop << 1ull;
    QTest::newRow("sysctl -w") << u"sysctl -w vm.drop_caches=2"_s << u"vm.drop_caches = 2\n"_s << drop << 2ull;
    QTest::newRow("tee") << u"echo 3 | sudo tee /proc/sys/vm/drop_caches"_s << u"3\n"_s << drop << 3ull;
    QTest::newRow("sleep 1") << u"sleep 1"_s << QString() << sleep << 1000000000ull;
    QTest::newRow("sleep 1.5") << u"sleep 1.5"_s << QString() << sleep << 1500000000ull;
    QTest::newRow("sleep 0.001") << u"sleep 0.001"_s << QString() << sleep << 1000000ull;
    QTest::newRow("sleep 2m 3") << u"sleep 2m 3"_s << QString() << sleep << 123000000000ull;
}

void TestProcFmt::shellWrites()
{
    QFETCH(QString, line);
    QFETCH(QString, out);
    QFETCH(int, type);
    QFETCH(qulonglong, len);
    Simulator sim = boot("x86-64", "256M");
    const ShellResult r = sh(sim, line.toStdString());
    QCOMPARE(QString::fromStdString(r.out), out);
    QCOMPARE(r.err, std::string());
    QVERIFY(r.command.has_value());
    QCOMPARE(static_cast<int>(r.command->type), type);
    QCOMPARE(static_cast<qulonglong>(r.command->len), len);
    const CommandResult c = sim.apply(*r.command);
    QVERIFY(!c.error);
    if (type == static_cast<int>(CommandType::Sleep)) QCOMPARE(static_cast<qulonglong>(sim.current().timeNs), len);
    if (type == static_cast<int>(CommandType::DropCaches) && (len & 1))
        QCOMPARE(sh(sim, "grep drop_pagecache /proc/vmstat").out, std::string("drop_pagecache 1\n"));
}

void TestProcFmt::shellWriteErrors_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QString>("out");
    QTest::addColumn<QString>("err");
    QTest::newRow("drop_caches 5") << u"echo 5 > /proc/sys/vm/drop_caches"_s << QString()
                                   << u"bash: echo: write error: Invalid argument\n"_s;
    QTest::newRow("read drop_caches") << u"cat /proc/sys/vm/drop_caches"_s << QString()
                                      << u"cat: /proc/sys/vm/drop_caches: Permission denied\n"_s;
    QTest::newRow("sysctl read drop_caches")
        << u"sysctl vm.drop_caches"_s << QString() << u"sysctl: permission denied on key 'vm.drop_caches'\n"_s;
    QTest::newRow("sysctl drop_caches=9")
        << u"sysctl vm.drop_caches=9"_s << QString() << u"sysctl: setting key \"vm.drop_caches\": Invalid argument\n"_s;
    QTest::newRow("adj out of range") << u"echo 1001 > /proc/self/oom_score_adj"_s << QString()
                                      << u"bash: echo: write error: Invalid argument\n"_s;
    QTest::newRow("adj not a number") << u"echo high > /proc/self/oom_score_adj"_s << QString()
                                      << u"bash: echo: write error: Invalid argument\n"_s;
    QTest::newRow("adj of no process") << u"echo 1 > /proc/99999/oom_score_adj"_s << QString()
                                       << u"bash: /proc/99999/oom_score_adj: No such file or directory\n"_s;
    QTest::newRow("tee to a read-only file")
        << u"echo 1 | tee /proc/meminfo"_s << u"1\n"_s << u"tee: /proc/meminfo: Permission denied\n"_s;
    QTest::newRow("sleep") << u"sleep"_s << QString()
                           << u"sleep: missing operand\nTry 'sleep --help' for more information.\n"_s;
    QTest::newRow("sleep x") << u"sleep x"_s << QString()
                             << u"sleep: invalid time interval 'x'\nTry 'sleep --help' for more information.\n"_s;
    // The new tunables read like the old ones.
    QTest::newRow("swappiness") << u"sysctl vm.swappiness"_s << u"vm.swappiness = 60\n"_s << QString();
    QTest::newRow("cat swappiness") << u"cat /proc/sys/vm/swappiness"_s << u"60\n"_s << QString();
    QTest::newRow("panic_on_oom") << u"cat /proc/sys/vm/panic_on_oom"_s << u"0\n"_s << QString();
    QTest::newRow("oom_kill_allocating_task")
        << u"sysctl vm.oom_kill_allocating_task"_s << u"vm.oom_kill_allocating_task = 0\n"_s << QString();
}

void TestProcFmt::shellWriteErrors()
{
    QFETCH(QString, line);
    QFETCH(QString, out);
    QFETCH(QString, err);
    Simulator sim = boot("x86-64", "256M");
    spawnProc(sim, "a");
    const ShellResult r = sh(sim, line.toStdString());
    QCOMPARE(QString::fromStdString(r.out), out);
    QCOMPARE(QString::fromStdString(r.err), err);
    QVERIFY(!r.command.has_value());
    QCOMPARE(r.status != 0, !err.isEmpty());
}

void TestProcFmt::vmSwap()
{
    // 128 MiB of RAM, 256 MiB of swap: touching 150 MiB pushes pages out to swap.
    MachineConfig c = config("x86-64", "128M");
    c.swapBytes = 256 * MiB;
    Simulator sim = boot(c);
    Proc p = spawnProc(sim, "big");
    p.touch(p.malloc(150 * MiB), 150 * MiB);
    const Process& pr = p.p();
    QVERIFY(pr.mm.swapEnts > 0);
    const std::string status = sh(sim, "cat /proc/self/status").out;
    // task_mem(): VmSwap is MM_SWAPENTS in kB.
    QCOMPARE(statusKb(status, "VmSwap"), pr.mm.swapEnts * 4);
    QCOMPARE(sh(sim, "cat /proc/self/oom_score").out, std::to_string(reclaim::oomScore(sim.current(), pr)) + "\n");
    // swap used in /proc/swaps and free agree with the swap map.
    const std::uint64_t usedKb = sim.current().swap.usedPages() * 4;
    QVERIFY(usedKb >= pr.mm.swapEnts * 4);
    QVERIFY(sh(sim, "cat /proc/swaps").out.find("partition\t262144\t\t" + std::to_string(usedKb) + "\t")
        != std::string::npos);
}

void TestProcFmt::golden_data()
{
    QTest::addColumn<int>("index");
    const auto all = scenarios();
    for (int i = 0; i < static_cast<int>(all.size()); ++i) QTest::newRow(all[static_cast<std::size_t>(i)].name) << i;
}

void TestProcFmt::golden()
{
    QFETCH(int, index);
    const Scenario sc = scenarios()[static_cast<std::size_t>(index)];
    Simulator sim = boot(sc.preset);
    const std::vector<std::string> cmds = sc.run(sim);
    QVERIFY(checkMachine(sim.current()).empty());
    // One file per scenario: each command as "$ cmd", then what it printed.
    std::string text;
    for (const std::string& c : cmds) {
        const ShellResult r = sh(sim, c);
        QCOMPARE(r.err, std::string());
        text += "$ " + c + "\n" + r.out;
    }
    const QString rel = u"procpid/"_s + QString::fromLatin1(sc.name) + u".txt"_s;
    if (updatingFixtures()) {
        writeFixture(rel, text);
        QSKIP("fixture written");
    }
    QCOMPARE(QString::fromStdString(text), QString::fromStdString(readFixture(rel)));
}

QTEST_GUILESS_MAIN(TestProcFmt)
#include "tst_procfmt.moc"
