// The text tools of memory pressure: sar (sysstat 12.6), vmstat (procps-ng 4.0.2),
// swapon and /proc/swaps (util-linux 2.38, Linux 6.12) and dmesg's kernel messages.
//
// The expected reports were printed by the real sar 12.6.1 and vmstat 4.0.2 of Debian 12
// reading /proc/meminfo, /proc/vmstat, /proc/stat and /proc/uptime files holding the
// samples below (bind-mounted over /proc, one state per second); only the banner and the
// clock times are memviz's. The notes' `sar -r 1` (seeds/001 lines 29-50) is the first
// row: %memused 5.54 and its Average line. Error texts were typed from the real tools.

#include "TestUtil.h"

#include "check/Checker.h"
#include "stats/Dmesg.h"
#include "stats/MemInfo.h"
#include "stats/Sar.h"
#include "stats/Shell.h"
#include "stats/Swaps.h"
#include "stats/Vmstat.h"

#include <QTest>

using namespace memviz;
using namespace memviz::test;
using namespace Qt::StringLiterals;

namespace {

/// /proc/meminfo levels (kB) of one sample.
struct Mem {
    std::uint64_t free, avail, buffers, cached, slab, commit, active, inactive, dirty, swapFree, swapCached, anon;
};
/// Cumulative /proc/vmstat counters of one sample.
struct Vm {
    std::uint64_t pgpgin, pgpgout, pgfault, majflt, pgfree, scanK, scanD, stealK, stealD, pswpin, pswpout;
};

Sample sample(std::uint64_t second, std::uint64_t total, std::uint64_t swapTotal, const Mem& m, const Vm& v)
{
    Sample s;
    s.timeNs = second * 1000000000ull;
    s.memTotal = total;
    s.swapTotal = swapTotal;
    s.memFree = m.free;
    s.memAvailable = m.avail;
    s.buffers = m.buffers;
    s.cached = m.cached;
    s.slab = m.slab;
    s.committedAs = m.commit;
    s.active = m.active;
    s.inactive = m.inactive;
    s.dirty = m.dirty;
    s.swapFree = m.swapFree;
    s.swapCached = m.swapCached;
    s.anonPages = m.anon;
    s.pgpgin = v.pgpgin;
    s.pgpgout = v.pgpgout;
    s.pgfault = v.pgfault;
    s.pgmajfault = v.majflt;
    s.pgfree = v.pgfree;
    s.pgscanKswapd = v.scanK;
    s.pgscanDirect = v.scanD;
    s.pgstealKswapd = v.stealK;
    s.pgstealDirect = v.stealD;
    s.pswpin = v.pswpin;
    s.pswpout = v.pswpout;
    return s;
}

/// The notes' machine during `sar -r 1` (seeds/001): MemTotal 7942512 kB, 2 GiB of swap.
std::vector<Sample> notesSamples()
{
    const std::uint64_t total = 7942512, swap = 2097152;
    const Vm v {};
    return {
        sample(0, total, swap, { 7095492, 7204132, 14780, 296628, 95944, 733864, 94588, 389104, 3004, swap, 0, 0 }, v),
        sample(1, total, swap, { 7095492, 7204132, 14780, 296628, 95944, 733864, 94588, 389104, 3004, swap, 0, 0 }, v),
        sample(2, total, swap, { 7095492, 7204132, 14788, 296620, 95944, 733864, 94588, 389104, 3004, swap, 0, 0 }, v),
        sample(3, total, swap, { 7095492, 7204132, 14788, 296620, 95944, 733864, 94588, 389104, 3004, swap, 0, 0 }, v),
        sample(4, total, swap, { 7095492, 7204268, 14786, 296764, 95946, 730520, 94592, 388860, 3020, swap, 0, 0 }, v),
    };
}

/// A 1 GB machine filling up, swapping, then freeing: the pressure scenario. The pgsteal
/// counters keep the kernel's invariant kswapd + direct = anon + file.
std::vector<Sample> pressureSamples()
{
    const std::uint64_t total = 1000000, swap = 2097152;
    std::vector<Sample> s = {
        sample(0, total, swap, { 500000, 700000, 0, 200000, 0, 400000, 100000, 150000, 0, 2097152, 0, 100000 },
            { 100, 0, 5000, 10, 9000, 0, 0, 0, 0, 0, 0 }),
        sample(1, total, swap, { 300000, 500000, 0, 200000, 0, 700000, 250000, 200000, 4, 2097152, 0, 300000 },
            { 100, 0, 56200, 10, 9100, 0, 0, 0, 0, 0, 0 }),
        sample(2, total, swap, { 20000, 30000, 0, 50000, 0, 1500000, 600000, 300000, 0, 1900000, 1000, 850000 },
            { 1100, 197152, 306200, 260, 109100, 60000, 0, 50000, 0, 0, 49288 }),
        sample(3, total, swap, { 18000, 25000, 0, 30000, 0, 1500000, 610000, 310000, 0, 1700001, 2345, 900000 },
            { 41100, 397155, 406201, 10260, 259100, 110000, 33333, 80000, 20001, 10000, 99288 }),
        sample(4, total, swap, { 700000, 750000, 0, 30000, 0, 300000, 100000, 90000, 0, 2097000, 152, 100000 },
            { 41100, 397155, 406201, 10260, 1259100, 110000, 33333, 80000, 20001, 10000, 99288 }),
    };
    for (Sample& x : s) {
        x.kernelStack = 2480;
        x.pageTables = 6000;
        x.vmallocUsed = 14000;
        x.shmem = 1200;
    }
    return s;
}

SarHost host(const char* name, int cpus, std::uint64_t firstSampleEpoch)
{
    SarHost h;
    h.hostname = name;
    h.cpus = cpus;
    h.bootEpoch = firstSampleEpoch;
    return h;
}

/// 2024-02-26 18:39:14 UTC (the notes' first sar line) and 2024-02-29 20:38:30 UTC (bootEpoch).
constexpr std::uint64_t kNotesEpoch = 1708972754, kBootEpoch = 1709239110;

std::vector<std::string> split(const std::string& s)
{
    return shellSplit(s);
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

ShellResult sh(const Simulator& sim, const std::string& line)
{
    return runShell(sim.current(), line);
}

/// Runs a line and applies the command it asks for (sleep, drop_caches, ...).
ShellResult run(Simulator& sim, const std::string& line)
{
    ShellResult r = runShell(sim.current(), line);
    if (r.command) {
        const CommandResult c = sim.apply(*r.command);
        if (c.error) qFatal("%s: %s", line.c_str(), errorCodeName(c.error.code));
    }
    return r;
}

const char* const kSarUsage = "Usage: sar [ options ] [ <interval> [ <count> ] ]\n"
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

const char* const kVmstatUsage = "\n"
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

} // namespace

class TestSar : public QObject {
    Q_OBJECT
private slots:
    void sarReport_data();
    void sarReport();
    void sarSinceBoot();
    void sarErrors_data();
    void sarErrors();
    void sarPoints_data();
    void sarPoints();
    void sarOnMachine();
    void vmstatReport_data();
    void vmstatReport();
    void vmstatErrors_data();
    void vmstatErrors();
    void vmstatOnMachine();
    void humanSize_data();
    void humanSize();
    void swapTools();
    void dmesgFormats();
    void dmesgOom();
    void dmesgPanic();
};

void TestSar::sarReport_data()
{
    QTest::addColumn<bool>("notes");
    QTest::addColumn<QString>("args");
    QTest::addColumn<QString>("expected");
    QTest::newRow("notes sar -r 1")
        << true << u"-r 1"_s
        << u"Linux 6.12.0-memviz (syz) \t02/26/24 \t_x86_64_\t(20 CPU)\n"
           "\n"
           "18:39:14    kbmemfree   kbavail kbmemused  %memused kbbuffers  kbcached  kbcommit   %commit  kbactive   "
           "kbinact   kbdirty\n"
           "18:39:15      7095492   7204132    439668      5.54     14780    296628    733864      7.31     94588    "
           "389104      3004\n"
           "18:39:16      7095492   7204132    439668      5.54     14788    296620    733864      7.31     94588    "
           "389104      3004\n"
           "18:39:17      7095492   7204132    439668      5.54     14788    296620    733864      7.31     94588    "
           "389104      3004\n"
           "18:39:18      7095492   7204268    439524      5.53     14786    296764    730520      7.28     94592    "
           "388860      3020\n"
           "Average:      7095492   7204166    439632      5.54     14786    296658    733028      7.30     94589    389043      3008\n"_s;
    QTest::newRow("-B")
        << false << u"-B 1"_s
        << u"Linux 6.12.0-memviz (memviz) \t02/29/24 \t_x86_64_\t(2 CPU)\n"
           "\n"
           "20:38:30     pgpgin/s pgpgout/s   fault/s  majflt/s  pgfree/s pgscank/s pgscand/s pgsteal/s    %vmeff\n"
           "20:38:31         0.00      0.00  51200.00      0.00    100.00      0.00      0.00      0.00      0.00\n"
           "20:38:32      1000.00 197152.00 250000.00    250.00 100000.00  60000.00      0.00 100000.00    166.67\n"
           "20:38:33     40000.00 200003.00 100001.00  10000.00 150000.00  50000.00  33333.00 100002.00    120.00\n"
           "20:38:34         0.00      0.00      0.00      0.00 1000000.00      0.00      0.00      0.00      0.00\n"
           "Average:     10250.00  99288.75 100300.25   2562.50 312525.00  27500.00   8333.25  50000.50    139.54\n"_s;
    QTest::newRow("-W") << false << u"-W 1"_s
                        << u"Linux 6.12.0-memviz (memviz) \t02/29/24 \t_x86_64_\t(2 CPU)\n"
                           "\n"
                           "20:38:30     pswpin/s pswpout/s\n"
                           "20:38:31         0.00      0.00\n"
                           "20:38:32         0.00  49288.00\n"
                           "20:38:33     10000.00  50000.00\n"
                           "20:38:34         0.00      0.00\n"
                           "Average:      2500.00  24822.00\n"_s;
    QTest::newRow("-S") << false << u"-S 1"_s
                        << u"Linux 6.12.0-memviz (memviz) \t02/29/24 \t_x86_64_\t(2 CPU)\n"
                           "\n"
                           "20:38:30    kbswpfree kbswpused  %swpused  kbswpcad   %swpcad\n"
                           "20:38:31      2097152         0      0.00         0      0.00\n"
                           "20:38:32      1900000    197152      9.40      1000      0.51\n"
                           "20:38:33      1700001    397151     18.94      2345      0.59\n"
                           "20:38:34      2097000       152      0.01       152    100.00\n"
                           "Average:      1948538    148614      7.09       874      0.59\n"_s;
    QTest::newRow("-r ALL")
        << false << u"-r ALL 1"_s
        << u"Linux 6.12.0-memviz (memviz) \t02/29/24 \t_x86_64_\t(2 CPU)\n"
           "\n"
           "20:38:30    kbmemfree   kbavail kbmemused  %memused kbbuffers  kbcached  kbcommit   %commit  kbactive   "
           "kbinact   kbdirty  kbanonpg    kbslab  kbkstack   kbpgtbl  kbvmused\n"
           "20:38:31       300000    500000    500000     50.00         0    200000    700000     22.60    250000    "
           "200000         4    300000         0      2480      6000     14000\n"
           "20:38:32        20000     30000    930000     93.00         0     50000   1500000     48.43    600000    "
           "300000         0    850000         0      2480      6000     14000\n"
           "20:38:33        18000     25000    952000     95.20         0     30000   1500000     48.43    610000    "
           "310000         0    900000         0      2480      6000     14000\n"
           "20:38:34       700000    750000    270000     27.00         0     30000    300000      9.69    100000     "
           "90000         0    100000         0      2480      6000     14000\n"
           "Average:       259500    326250    663000     66.30         0     77500   1000000     32.29    390000    225000         1    537500         0      2480      6000     14000\n"_s;
    // Several activities: each interval prints every block with its header, in sar's
    // activity order (A_SWAP, A_PAGE, A_MEMORY's RAM then swap part), whatever the
    // order on the command line; the Average section likewise.
    QTest::newRow("-S -W -B -r")
        << false << u"-S -W -B -r 1"_s
        << u"Linux 6.12.0-memviz (memviz) \t02/29/24 \t_x86_64_\t(2 CPU)\n"
           "\n"
           "20:38:30     pswpin/s pswpout/s\n"
           "20:38:31         0.00      0.00\n"
           "\n"
           "20:38:30     pgpgin/s pgpgout/s   fault/s  majflt/s  pgfree/s pgscank/s pgscand/s pgsteal/s    %vmeff\n"
           "20:38:31         0.00      0.00  51200.00      0.00    100.00      0.00      0.00      0.00      0.00\n"
           "\n"
           "20:38:30    kbmemfree   kbavail kbmemused  %memused kbbuffers  kbcached  kbcommit   %commit  kbactive   "
           "kbinact   kbdirty\n"
           "20:38:31       300000    500000    500000     50.00         0    200000    700000     22.60    250000    "
           "200000         4\n"
           "\n"
           "20:38:30    kbswpfree kbswpused  %swpused  kbswpcad   %swpcad\n"
           "20:38:31      2097152         0      0.00         0      0.00\n"
           "\n"
           "20:38:31     pswpin/s pswpout/s\n"
           "20:38:32         0.00  49288.00\n"
           "\n"
           "20:38:31     pgpgin/s pgpgout/s   fault/s  majflt/s  pgfree/s pgscank/s pgscand/s pgsteal/s    %vmeff\n"
           "20:38:32      1000.00 197152.00 250000.00    250.00 100000.00  60000.00      0.00 100000.00    166.67\n"
           "\n"
           "20:38:31    kbmemfree   kbavail kbmemused  %memused kbbuffers  kbcached  kbcommit   %commit  kbactive   "
           "kbinact   kbdirty\n"
           "20:38:32        20000     30000    930000     93.00         0     50000   1500000     48.43    600000    "
           "300000         0\n"
           "\n"
           "20:38:31    kbswpfree kbswpused  %swpused  kbswpcad   %swpcad\n"
           "20:38:32      1900000    197152      9.40      1000      0.51\n"
           "\n"
           "20:38:32     pswpin/s pswpout/s\n"
           "20:38:33     10000.00  50000.00\n"
           "\n"
           "20:38:32     pgpgin/s pgpgout/s   fault/s  majflt/s  pgfree/s pgscank/s pgscand/s pgsteal/s    %vmeff\n"
           "20:38:33     40000.00 200003.00 100001.00  10000.00 150000.00  50000.00  33333.00 100002.00    120.00\n"
           "\n"
           "20:38:32    kbmemfree   kbavail kbmemused  %memused kbbuffers  kbcached  kbcommit   %commit  kbactive   "
           "kbinact   kbdirty\n"
           "20:38:33        18000     25000    952000     95.20         0     30000   1500000     48.43    610000    "
           "310000         0\n"
           "\n"
           "20:38:32    kbswpfree kbswpused  %swpused  kbswpcad   %swpcad\n"
           "20:38:33      1700001    397151     18.94      2345      0.59\n"
           "\n"
           "20:38:33     pswpin/s pswpout/s\n"
           "20:38:34         0.00      0.00\n"
           "\n"
           "20:38:33     pgpgin/s pgpgout/s   fault/s  majflt/s  pgfree/s pgscank/s pgscand/s pgsteal/s    %vmeff\n"
           "20:38:34         0.00      0.00      0.00      0.00 1000000.00      0.00      0.00      0.00      0.00\n"
           "\n"
           "20:38:33    kbmemfree   kbavail kbmemused  %memused kbbuffers  kbcached  kbcommit   %commit  kbactive   "
           "kbinact   kbdirty\n"
           "20:38:34       700000    750000    270000     27.00         0     30000    300000      9.69    100000     "
           "90000         0\n"
           "\n"
           "20:38:33    kbswpfree kbswpused  %swpused  kbswpcad   %swpcad\n"
           "20:38:34      2097000       152      0.01       152    100.00\n"
           "\n"
           "Average:     pswpin/s pswpout/s\n"
           "Average:      2500.00  24822.00\n"
           "\n"
           "Average:     pgpgin/s pgpgout/s   fault/s  majflt/s  pgfree/s pgscank/s pgscand/s pgsteal/s    %vmeff\n"
           "Average:     10250.00  99288.75 100300.25   2562.50 312525.00  27500.00   8333.25  50000.50    139.54\n"
           "\n"
           "Average:    kbmemfree   kbavail kbmemused  %memused kbbuffers  kbcached  kbcommit   %commit  kbactive   "
           "kbinact   kbdirty\n"
           "Average:       259500    326250    663000     66.30         0     77500   1000000     32.29    390000    "
           "225000         1\n"
           "\n"
           "Average:    kbswpfree kbswpused  %swpused  kbswpcad   %swpcad\n"
           "Average:      1948538    148614      7.09       874      0.59\n"_s;
    QTest::newRow("--dec=0 -B -S")
        << false << u"--dec=0 -B -S 1"_s
        << u"Linux 6.12.0-memviz (memviz) \t02/29/24 \t_x86_64_\t(2 CPU)\n"
           "\n"
           "20:38:30     pgpgin/s pgpgout/s   fault/s  majflt/s  pgfree/s pgscank/s pgscand/s pgsteal/s    %vmeff\n"
           "20:38:31            0         0     51200         0       100         0         0         0         0\n"
           "\n"
           "20:38:30    kbswpfree kbswpused  %swpused  kbswpcad   %swpcad\n"
           "20:38:31      2097152         0         0         0         0\n"
           "\n"
           "20:38:31     pgpgin/s pgpgout/s   fault/s  majflt/s  pgfree/s pgscank/s pgscand/s pgsteal/s    %vmeff\n"
           "20:38:32         1000    197152    250000       250    100000     60000         0    100000       167\n"
           "\n"
           "20:38:31    kbswpfree kbswpused  %swpused  kbswpcad   %swpcad\n"
           "20:38:32      1900000    197152         9      1000         1\n"
           "\n"
           "20:38:32     pgpgin/s pgpgout/s   fault/s  majflt/s  pgfree/s pgscank/s pgscand/s pgsteal/s    %vmeff\n"
           "20:38:33        40000    200003    100001     10000    150000     50000     33333    100002       120\n"
           "\n"
           "20:38:32    kbswpfree kbswpused  %swpused  kbswpcad   %swpcad\n"
           "20:38:33      1700001    397151        19      2345         1\n"
           "\n"
           "20:38:33     pgpgin/s pgpgout/s   fault/s  majflt/s  pgfree/s pgscank/s pgscand/s pgsteal/s    %vmeff\n"
           "20:38:34            0         0         0         0   1000000         0         0         0         0\n"
           "\n"
           "20:38:33    kbswpfree kbswpused  %swpused  kbswpcad   %swpcad\n"
           "20:38:34      2097000       152         0       152       100\n"
           "\n"
           "Average:     pgpgin/s pgpgout/s   fault/s  majflt/s  pgfree/s pgscank/s pgscand/s pgsteal/s    %vmeff\n"
           "Average:        10250     99289    100300      2562    312525     27500      8333     50000       140\n"
           "\n"
           "Average:    kbswpfree kbswpused  %swpused  kbswpcad   %swpcad\n"
           "Average:      1948538    148614         7       874         1\n"_s;
    // A quiet CPU: memviz charges no CPU time.
    QTest::newRow("-u ALL")
        << false << u"-u ALL 1"_s
        << u"Linux 6.12.0-memviz (memviz) \t02/29/24 \t_x86_64_\t(2 CPU)\n"
           "\n"
           "20:38:30        CPU      %usr     %nice      %sys   %iowait    %steal      %irq     %soft    %guest    "
           "%gnice     %idle\n"
           "20:38:31        all      0.00      0.00      0.00      0.00      0.00      0.00      0.00      0.00      "
           "0.00    100.00\n"
           "20:38:32        all      0.00      0.00      0.00      0.00      0.00      0.00      0.00      0.00      "
           "0.00    100.00\n"
           "20:38:33        all      0.00      0.00      0.00      0.00      0.00      0.00      0.00      0.00      "
           "0.00    100.00\n"
           "20:38:34        all      0.00      0.00      0.00      0.00      0.00      0.00      0.00      0.00      "
           "0.00    100.00\n"
           "Average:        all      0.00      0.00      0.00      0.00      0.00      0.00      0.00      0.00      0.00    100.00\n"_s;
}

void TestSar::sarReport()
{
    QFETCH(bool, notes);
    QFETCH(QString, args);
    QFETCH(QString, expected);
    SarOptions opt;
    ShellResult early;
    QVERIFY(parseSarArgs(split(args.toStdString()), &opt, &early));
    const std::string text = notes ? formatSar(host("syz", 20, kNotesEpoch), opt, notesSamples())
                                   : formatSar(host("memviz", 2, kBootEpoch), opt, pressureSamples());
    QCOMPARE(QString::fromStdString(text), expected);
}

void TestSar::sarSinceBoot()
{
    // `sar ... 0`: one row of values since boot, stamped with the present, no Average
    // (the real sar 12.6.1 over the same /proc files, at 10 s of uptime).
    Sample now;
    now.timeNs = 10000000000ull;
    now.memTotal = 1000000;
    now.memFree = 500000;
    now.memAvailable = 700000;
    now.buffers = 10000;
    now.cached = 200000;
    now.swapCached = 1000;
    now.active = 100000;
    now.inactive = 150000;
    now.swapTotal = 2097152;
    now.swapFree = 2000000;
    now.dirty = 120;
    now.anonPages = 110000;
    now.slab = 50000;
    now.kernelStack = 2000;
    now.pageTables = 3000;
    now.committedAs = 400000;
    now.vmallocUsed = 10000;
    now.pgpgin = 10000;
    now.pgpgout = 3000;
    now.pswpin = 500;
    now.pswpout = 700;
    now.pgfault = 441574434;
    now.pgmajfault = 14275;
    now.pgfree = 441279797;
    now.pgscanKswapd = 1234;
    now.pgscanDirect = 55;
    now.pgstealKswapd = 1000;
    now.pgstealDirect = 45;
    SarOptions opt;
    ShellResult early;
    QVERIFY(parseSarArgs({ "-B", "-W", "-r", "ALL", "-S", "0" }, &opt, &early));
    QCOMPARE(opt.interval, 0L);
    const std::string text = formatSar(host("memviz", 2, kBootEpoch), opt, { Sample {}, now }, true);
    QCOMPARE(QString::fromStdString(text),
        u"Linux 6.12.0-memviz (memviz) \t02/29/24 \t_x86_64_\t(2 CPU)\n"
        "\n"
        "20:38:40     pswpin/s pswpout/s\n"
        "20:38:40        50.00     70.00\n"
        "\n"
        "20:38:40     pgpgin/s pgpgout/s   fault/s  majflt/s  pgfree/s pgscank/s pgscand/s pgsteal/s    %vmeff\n"
        "20:38:40      1000.00    300.00 44157443.40   1427.50 44127979.70    123.40      5.50    209.00    162.14\n"
        "\n"
        "20:38:40    kbmemfree   kbavail kbmemused  %memused kbbuffers  kbcached  kbcommit   %commit  kbactive   "
        "kbinact   kbdirty  kbanonpg    kbslab  kbkstack   kbpgtbl  kbvmused\n"
        "20:38:40       500000    700000    240000     24.00     10000    200000    400000     12.92    100000    "
        "150000       120    110000     50000      2000      3000     10000\n"
        "\n"
        "20:38:40    kbswpfree kbswpused  %swpused  kbswpcad   %swpcad\n"
        "20:38:40      2000000     97152      4.63      1000      1.03\n"_s);
}

void TestSar::sarErrors_data()
{
    QTest::addColumn<QString>("args");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("out");
    QTest::addColumn<QString>("err");
    const QString usage = QString::fromLatin1(kSarUsage);
    QTest::newRow("bad option") << u"-Z"_s << 1 << QString() << usage;
    QTest::newRow("bad interval") << u"-r foo"_s << 1 << QString() << usage;
    QTest::newRow("decimal interval") << u"-r 1.5"_s << 1 << QString() << usage;
    QTest::newRow("count 0") << u"-r 1 0"_s << 1 << QString() << usage;
    QTest::newRow("three numbers") << u"-r 1 2 3"_s << 1 << QString() << usage;
    QTest::newRow("count after 0") << u"0 5"_s << 1 << QString() << usage;
    QTest::newRow("ALLX") << u"-r ALLX"_s << 1 << QString() << usage;
    QTest::newRow("-S ALL") << u"-S ALL 1 1"_s << 1 << QString() << usage;
    QTest::newRow("--dec=3") << u"--dec=3"_s << 1 << QString() << usage;
    QTest::newRow("-V") << u"-r -V"_s << 0
                        << u"sysstat version 12.6.1\n(C) Sebastien Godard (sysstat <at> orange.fr)\n"_s << QString();
    QTest::newRow("not simulated")
        << u"-d 1"_s << 1 << QString()
        << u"memviz: sar -d is not simulated (memviz simulates -B, -r [ ALL ], -S, -u [ ALL ] and -W)\n"_s;
    QTest::newRow("earlier day")
        << u"-r -1"_s << 1 << QString()
        << u"memviz: sar -1 (the data file of an earlier day) is not simulated (memviz simulates -B, -r [ ALL ], -S, "
           "-u [ ALL ] and -W)\n"_s;
}

void TestSar::sarErrors()
{
    QFETCH(QString, args);
    QFETCH(int, status);
    QFETCH(QString, out);
    QFETCH(QString, err);
    Simulator sim = boot("x86-64", "256M");
    const ShellResult r = sh(sim, "sar " + args.toStdString());
    QCOMPARE(r.status, status);
    QCOMPARE(QString::fromStdString(r.out), out);
    QCOMPARE(QString::fromStdString(r.err), err);
    // --help prints the report list on stdout.
    const ShellResult help = sh(sim, "sar --help");
    QCOMPARE(help.status, 0);
    QVERIFY(help.out.rfind("Usage: sar [ options ] [ <interval> [ <count> ] ]\nMain options and reports", 0) == 0);
    QVERIFY(help.out.find("\t-W\tSwapping statistics [A_SWAP]\n") != std::string::npos);
}

void TestSar::sarPoints_data()
{
    QTest::addColumn<int>("samples");
    QTest::addColumn<int>("interval");
    QTest::addColumn<int>("count");
    QTest::addColumn<QList<int>>("seconds");
    QTest::newRow("all seconds") << 5 << 1 << -1 << QList<int> { 0, 1, 2, 3, 4 };
    QTest::newRow("last two") << 5 << 1 << 2 << QList<int> { 2, 3, 4 };
    QTest::newRow("count larger than history") << 3 << 1 << 10 << QList<int> { 0, 1, 2 };
    QTest::newRow("interval 3 from boot") << 11 << 3 << -1 << QList<int> { 0, 3, 6, 9 };
    QTest::newRow("interval 3, last one") << 11 << 3 << 1 << QList<int> { 6, 9 };
    QTest::newRow("shorter than an interval") << 4 << 5 << -1 << QList<int> { 0 };
    QTest::newRow("only boot") << 1 << 1 << -1 << QList<int> { 0 };
}

void TestSar::sarPoints()
{
    QFETCH(int, samples);
    QFETCH(int, interval);
    QFETCH(int, count);
    QFETCH(QList<int>, seconds);
    SampleLog log;
    for (int i = 0; i < samples; ++i) {
        Sample s;
        s.timeNs = static_cast<std::uint64_t>(i) * 1000000000ull;
        log.push(s);
    }
    QList<int> got;
    for (const Sample& s : memviz::sarPoints(log, interval, count))
        got.push_back(static_cast<int>(s.timeNs / 1000000000ull));
    QCOMPARE(got, seconds);
    // One point: the banner alone, as a sar waiting for its first interval shows.
    if (seconds.size() == 1)
        QCOMPARE(formatSar(host("memviz", 2, kBootEpoch), SarOptions {}, memviz::sarPoints(log, interval, count)),
            std::string("Linux 6.12.0-memviz (memviz) \t02/29/24 \t_x86_64_\t(2 CPU)\n"));
}

void TestSar::sarOnMachine()
{
    // The notes' experiment: a program mallocs and touches 10 MiB a second while sar runs.
    Simulator sim = boot("seed-8g");
    Proc p = spawnProc(sim, "demand-paging");
    const std::uint64_t at = p.malloc(100 * MiB);
    run(sim, "sleep 2");
    for (int i = 0; i < 5; ++i) {
        p.touch(at + static_cast<std::uint64_t>(i) * 10 * MiB, 10 * MiB);
        run(sim, "sleep 1");
    }
    const Machine& m = sim.current();
    QVERIFY(m.samples.size() >= 8);
    // One row per second of history, then the Average line.
    const auto all = lines(sh(sim, "sar -r").out);
    QCOMPARE(all.size(), static_cast<std::size_t>(1 + 1 + 1 + (m.samples.size() - 1) + 1));
    QCOMPARE(all[0], std::string("Linux 6.12.0-memviz (syz) \t02/29/24 \t_x86_64_\t(20 CPU)"));
    QVERIFY(all[2].rfind("20:38:30    kbmemfree", 0) == 0);
    QVERIFY(all.back().rfind("Average:", 0) == 0);
    // `sar -r 1 3`: the last three rows; each row's kbmemfree is that second's MemFree.
    const auto last3 = lines(sh(sim, "sar -r 1 3").out);
    QCOMPARE(last3.size(), std::size_t(7));
    for (int k = 0; k < 3; ++k) {
        const Sample& s = m.samples[m.samples.size() - 3 + static_cast<std::size_t>(k)];
        const auto w = split(last3[3 + static_cast<std::size_t>(k)]);
        QCOMPARE(w[1], std::to_string(s.memFree));
        QCOMPARE(w[6], std::to_string(s.cached));
    }
    // The touches show as faults: 2560 a second (10 MiB of 4 KiB pages), mapped by THP
    // where the machine has it, so at least the second's fault count is positive.
    const auto b = lines(sh(sim, "sar -B 1 1").out);
    QCOMPARE(b.size(), std::size_t(5));
    // `sar -r 0` reads the machine now: kbmemfree is MemFree of /proc/meminfo.
    const auto zero = lines(sh(sim, "sar -r 0").out);
    QCOMPARE(zero.size(), std::size_t(4));
    QCOMPARE(split(zero[3])[1], std::to_string(computeMemInfo(m).memFree));
    // A count beyond the history prints what there is.
    QCOMPARE(lines(sh(sim, "sar -W 1 1000").out).size(), all.size());
    QCOMPARE(sh(sim, "sar -W 1000").out, std::string("Linux 6.12.0-memviz (syz) \t02/29/24 \t_x86_64_\t(20 CPU)\n"));
}

void TestSar::vmstatReport_data()
{
    QTest::addColumn<QString>("args");
    QTest::addColumn<QString>("expected");
    // The samples at 100..104 s of uptime on 2 CPUs with 4 KiB pages. procps-ng 4.0.2
    // repeats the first line's memory columns on every line (it reads meminfo once).
    QTest::newRow("1 5") << u"1 5"_s
                         << u"procs -----------memory---------- ---swap-- -----io---- -system-- ------cpu-----\n"
                            " r  b   swpd   free   buff  cache   si   so    bi    bo   in   cs us sy id wa st\n"
                            " 1  0      0 500000      0 200000    0    0     1     0    0    0  0  0 100  0  0\n"
                            " 1  0      0 500000      0 200000    0    0     0     0    0    0  0  0 100  0  0\n"
                            " 1  0      0 500000      0 200000    0 197152  1000 197152    0    0  0  0 100  0  0\n"
                            " 1  0      0 500000      0 200000 40000 200000 40000 200003    0    0  0  0 100  0  0\n"
                            " 1  0      0 500000      0 200000    0    0     0     0    0    0  0  0 100  0  0\n"_s;
    QTest::newRow("-w")
        << u"-w 1 5"_s
        << u"--procs-- -----------------------memory---------------------- ---swap-- -----io---- -system-- "
           u"----------cpu----------\n"
           "   r    b         swpd         free         buff        cache   si   so    bi    bo   in   cs  us  sy  id  "
           "wa  st  gu\n"
           "   1    0            0       500000            0       200000    0    0     1     0    0    0   0   0 100  "
           " 0   0   0\n"
           "   1    0            0       500000            0       200000    0    0     0     0    0    0   0   0 100  "
           " 0   0   0\n"
           "   1    0            0       500000            0       200000    0 197152  1000 197152    0    0   0   0 "
           "100   0   0   0\n"
           "   1    0            0       500000            0       200000 40000 200000 40000 200003    0    0   0   0 "
           "100   0   0   0\n"
           "   1    0            0       500000            0       200000    0    0     0     0    0    0   0   0 100   0   0   0\n"_s;
    QTest::newRow("-a -S M") << u"-a -S M 1 5"_s
                             << u"procs -----------memory---------- ---swap-- -----io---- -system-- ------cpu-----\n"
                                " r  b   swpd   free  inact active   si   so    bi    bo   in   cs us sy id wa st\n"
                                " 1  0      0    488    146     97    0    0     1     0    0    0  0  0 100  0  0\n"
                                " 1  0      0    488    146     97    0    0     0     0    0    0  0  0 100  0  0\n"
                                " 1  0      0    488    146     97    0  192  1000 197152    0    0  0  0 100  0  0\n"
                                " 1  0      0    488    146     97   39  195 40000 200003    0    0  0  0 100  0  0\n"
                                " 1  0      0    488    146     97    0    0     0     0    0    0  0  0 100  0  0\n"_s;
    QTest::newRow("-y -S k")
        << u"-y -S k 1 4"_s
        << u"procs -----------memory---------- ---swap-- -----io---- -system-- ------cpu-----\n"
           " r  b   swpd   free   buff  cache   si   so    bi    bo   in   cs us sy id wa st\n"
           " 1  0      0 512000      0 204800    0    0     0     0    0    0  0  0 100  0  0\n"
           " 1  0      0 512000      0 204800    0 201883  1000 197152    0    0  0  0 100  0  0\n"
           " 1  0      0 512000      0 204800 40960 204800 40000 200003    0    0  0  0 100  0  0\n"
           " 1  0      0 512000      0 204800    0    0     0     0    0    0  0  0 100  0  0\n"_s;
    QTest::newRow("-t")
        << u"-t 1 2"_s
        << u"procs -----------memory---------- ---swap-- -----io---- -system-- ------cpu----- -----timestamp-----\n"
           " r  b   swpd   free   buff  cache   si   so    bi    bo   in   cs us sy id wa st                 UTC\n"
           " 1  0      0 500000      0 200000    0    0     1     0    0    0  0  0 100  0  0 2024-02-29 20:40:10\n"
           " 1  0      0 500000      0 200000    0    0     0     0    0    0  0  0 100  0  0 2024-02-29 20:40:11\n"_s;
}

void TestSar::vmstatReport()
{
    QFETCH(QString, args);
    QFETCH(QString, expected);
    VmstatOptions opt;
    ShellResult early;
    QVERIFY(parseVmstatArgs(split(args.toStdString()), &opt, &early));
    VmstatHost h;
    h.cpus = 2;
    h.kbPerPage = 4;
    h.running = 1;
    h.bootEpoch = kBootEpoch;
    std::vector<Sample> pts = pressureSamples();
    for (Sample& s : pts) s.timeNs += 100000000000ull; // 100 s of uptime at the first line
    pts.resize(static_cast<std::size_t>(opt.count + (opt.noFirst ? 1 : 0)));
    QCOMPARE(QString::fromStdString(formatVmstat(h, opt, pts)), expected);
}

void TestSar::vmstatErrors_data()
{
    QTest::addColumn<QString>("args");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("out");
    QTest::addColumn<QString>("err");
    const QString usage = QString::fromLatin1(kVmstatUsage);
    QTest::newRow("invalid option") << u"-Z"_s << 1 << QString() << u"vmstat: invalid option -- 'Z'\n"_s + usage;
    QTest::newRow("negative count") << u"1 -1"_s << 1 << QString() << u"vmstat: invalid option -- '1'\n"_s + usage;
    QTest::newRow("missing argument") << u"-S"_s << 1 << QString()
                                      << u"vmstat: option requires an argument -- 'S'\n"_s + usage;
    QTest::newRow("bad unit") << u"-S X"_s << 1 << QString()
                              << u"vmstat: -S requires k, K, m or M (default is KiB)\n"_s;
    QTest::newRow("delay 0") << u"0"_s << 1 << QString() << u"vmstat: delay must be positive integer\n"_s;
    QTest::newRow("bad delay") << u"x"_s << 1 << QString() << u"vmstat: failed to parse argument: 'x'\n"_s;
    QTest::newRow("bad count") << u"1 x"_s << 1 << QString() << u"vmstat: failed to parse argument: 'x'\n"_s;
    QTest::newRow("too large") << u"99999999999"_s << 1 << QString() << u"vmstat: too large delay value\n"_s;
    QTest::newRow("three numbers") << u"1 2 3"_s << 1 << QString() << usage;
    QTest::newRow("two reports") << u"-d -s"_s << 1 << QString() << usage;
    QTest::newRow("unknown long") << u"--foo"_s << 1 << QString() << u"vmstat: unrecognized option '--foo'\n"_s + usage;
    QTest::newRow("-V") << u"-s -V"_s << 0 << u"vmstat from procps-ng 4.0.2\n"_s << QString();
    QTest::newRow("--help") << u"--help"_s << 0 << usage << QString();
    QTest::newRow("disk")
        << u"-d"_s << 1 << QString()
        << u"memviz: vmstat -d is not simulated (memviz simulates the default report, -a, -n, -s, -f, -S, -t, -w and -y)\n"_s;
}

void TestSar::vmstatErrors()
{
    QFETCH(QString, args);
    QFETCH(int, status);
    QFETCH(QString, out);
    QFETCH(QString, err);
    Simulator sim = boot("x86-64", "256M");
    const ShellResult r = sh(sim, "vmstat " + args.toStdString());
    QCOMPARE(r.status, status);
    QCOMPARE(QString::fromStdString(r.out), out);
    QCOMPARE(QString::fromStdString(r.err), err);
}

void TestSar::vmstatOnMachine()
{
    Simulator sim = boot("seed-8g");
    Proc p = spawnProc(sim, "hog");
    p.touch(p.malloc(64 * MiB), 64 * MiB);
    run(sim, "sleep 30");
    const Machine& m = sim.current();
    const MemInfo i = computeMemInfo(m);
    // `vmstat`: the since-boot line of now; memory in KiB, every tick idle.
    const auto now = lines(sh(sim, "vmstat").out);
    QCOMPARE(now.size(), std::size_t(3));
    const auto w = split(now[2]);
    QCOMPARE(w.size(), std::size_t(17));
    const Process* cur = m.proc(m.cpu.current);
    QCOMPARE(w[0], std::to_string(1 + (cur && cur->alive() ? 1 : 0))); // vmstat and the program on the CPU
    QCOMPARE(w[3], std::to_string(i.memFree));
    QCOMPARE(w[5], std::to_string(i.cached + i.sReclaimable));
    QCOMPARE(w[14], std::string("100"));
    // `vmstat 1`: a line at boot and one per second; the header comes back every 21 lines.
    const auto all = lines(sh(sim, "vmstat 1").out);
    const std::size_t rows = m.samples.size();
    QCOMPARE(all.size(), rows + 2 * (1 + (rows - 1) / 21));
    QCOMPARE(all[23], std::string("procs -----------memory---------- ---swap-- -----io---- -system-- ------cpu-----"));
    QCOMPARE(lines(sh(sim, "vmstat -n 1").out).size(), rows + 2);
    QCOMPARE(lines(sh(sim, "vmstat 1 3").out).size(), std::size_t(5));
    QCOMPARE(lines(sh(sim, "vmstat 1 0").out).size(), std::size_t(3));
    QCOMPARE(lines(sh(sim, "vmstat 5 2").out).size(), std::size_t(4));
    // `vmstat -s`: the counters of now.
    const std::string s = sh(sim, "vmstat -s").out;
    auto has = [&](const std::string& l) { return s.find(l) != std::string::npos; };
    char buf[64];
    std::snprintf(buf, sizeof buf, "%13llu K total memory\n", static_cast<unsigned long long>(i.memTotal));
    QVERIFY(has(buf));
    std::snprintf(
        buf, sizeof buf, "%13llu K used memory\n", static_cast<unsigned long long>(i.memTotal - i.memAvailable));
    QVERIFY(has(buf));
    std::snprintf(
        buf, sizeof buf, "%13llu idle cpu ticks\n", static_cast<unsigned long long>(m.timeNs / 10000000 * 20));
    QVERIFY(has(buf));
    QVERIFY(has("   1709239110 boot time\n"));
    QVERIFY(has("            1 forks\n"));
    QCOMPARE(lines(s).size(), std::size_t(28));
    QCOMPARE(sh(sim, "vmstat -f").out, std::string("            1 forks\n"));
    std::snprintf(buf, sizeof buf, "%13llu M total memory\n", static_cast<unsigned long long>(i.memTotal / 1024));
    QVERIFY(sh(sim, "vmstat -s -S M").out.rfind(buf, 0) == 0);
}

void TestSar::humanSize_data()
{
    // swapon --show's USED column printed by util-linux 2.38 for these sizes (kB).
    QTest::addColumn<qulonglong>("kb");
    QTest::addColumn<QString>("text");
    QTest::newRow("0") << 0ull << u"0B"_s;
    QTest::newRow("1") << 1ull << u"1K"_s;
    QTest::newRow("1023") << 1023ull << u"1023K"_s;
    QTest::newRow("1024") << 1024ull << u"1M"_s;
    QTest::newRow("1048572") << 1048572ull << u"1024M"_s;
    QTest::newRow("1536") << 1536ull << u"1.5M"_s;
    QTest::newRow("2097152") << 2097152ull << u"2G"_s;
    QTest::newRow("123456") << 123456ull << u"120.6M"_s;
    QTest::newRow("999999999") << 999999999ull << u"953.7G"_s;
    QTest::newRow("1073741824") << 1073741824ull << u"1T"_s;
    QTest::newRow("5000000") << 5000000ull << u"4.8G"_s;
    QTest::newRow("1047040") << 1047040ull << u"1022.5M"_s;
}

void TestSar::humanSize()
{
    QFETCH(qulonglong, kb);
    QFETCH(QString, text);
    QCOMPARE(QString::fromStdString(memviz::humanSize(kb * 1024)), text);
}

void TestSar::swapTools()
{
    Simulator sim = boot("seed-8g");
    // The notes: swapon --show on a machine with a 2 GiB partition.
    QCOMPARE(sh(sim, "swapon --show").out,
        std::string("NAME     TYPE      SIZE USED PRIO\n/dev/sdb partition   2G   0B   -2\n"));
    QCOMPARE(sh(sim, "swapon").out, sh(sim, "swapon --show").out);
    const std::string procSwaps = "Filename\t\t\t\tType\t\tSize\t\tUsed\t\tPriority\n"
                                  "/dev/sdb                                partition\t2097152\t\t0\t\t-2\n";
    QCOMPARE(sh(sim, "cat /proc/swaps").out, procSwaps);
    QCOMPARE(sh(sim, "swapon -s").out, procSwaps);
    QCOMPARE(sh(sim, "swapon --summary").out, procSwaps);
    QCOMPARE(sh(sim, "swapon --show=PRIO,NAME").out, std::string("PRIO NAME\n  -2 /dev/sdb\n"));
    QCOMPARE(sh(sim, "swapon --show=name,uuid,label").out, std::string("NAME     UUID LABEL\n/dev/sdb      \n"));
    QCOMPARE(sh(sim, "swapon --show --bytes --noheadings").out, std::string("/dev/sdb partition 2147483648 0 -2\n"));
    QCOMPARE(
        sh(sim, "swapon --show --raw").out, std::string("NAME TYPE SIZE USED PRIO\n/dev/sdb partition 2G 0B -2\n"));
    ShellResult bad = sh(sim, "swapon --show=FOO");
    QCOMPARE(bad.err, std::string("swapon: unknown column: FOO\n"));
    QCOMPARE(bad.status, 1);
    bad = sh(sim, "swapon -Z");
    QCOMPARE(bad.err, std::string("swapon: invalid option -- 'Z'\nTry 'swapon --help' for more information.\n"));
    bad = sh(sim, "swapon /dev/sdc");
    QCOMPARE(bad.err, std::string("swapon: cannot open /dev/sdc: No such file or directory\n"));
    QCOMPARE(bad.status, 255);
    bad = sh(sim, "sudo swapon /dev/sdb");
    QCOMPARE(bad.err, std::string("swapon: /dev/sdb: swapon failed: Device or resource busy\n"));

    // A swap file of the simulated disk: swapon FILE is a SwapOn command; its size, the
    // priority -3 (the next below the boot area's -2) and the kernel's log line follow.
    Command f = vmCommand(CommandType::FileCreate, 0);
    f.text = "/swapfile";
    f.len = 64 * MiB;
    QVERIFY(!sim.apply(f).error);
    run(sim, "sudo swapon /swapfile");
    QCOMPARE(sh(sim, "swapon").out,
        std::string("NAME      TYPE      SIZE USED PRIO\n"
                    "/dev/sdb  partition   2G   0B   -2\n"
                    "/swapfile file       64M   0B   -3\n"));
    QCOMPARE(sh(sim, "cat /proc/swaps").out,
        procSwaps + "/swapfile                               file\t\t65536\t\t0\t\t-3\n");
    const auto log = lines(sh(sim, "dmesg").out);
    QCOMPARE(log.size(), std::size_t(2));
    QCOMPARE(log[0],
        std::string("[    0.000000] Adding 2097152k swap on /dev/sdb.  Priority:-2 extents:1 across:2097152k SS"));
    QVERIFY(
        log[1].find("] Adding 65536k swap on /swapfile.  Priority:-3 extents:1 across:65536k SS") != std::string::npos);
    run(sim, "swapon -p 5 /swapfile2"); // no such file: nothing is applied
    QCOMPARE(sim.current().swap.areas.size(), std::size_t(2));

    // Escaped names in /proc/swaps; a long name keeps one space.
    f.text = "/my swap";
    QVERIFY(!sim.apply(f).error);
    run(sim, "swapon -p 7 '/my swap'");
    const std::string escaped = "/my\\040swap"; // seq_file_path() escapes the space: 11 characters
    QVERIFY(sh(sim, "cat /proc/swaps").out.find("\n" + escaped + std::string(29, ' ') + "file\t\t65536\t\t0\t\t7\n")
        != std::string::npos);
}

void TestSar::dmesgFormats()
{
    // Hand-made records, the kernel's formats (mm/oom_kill.c, mm/util.c, kernel/panic.c).
    Simulator sim = boot("x86-64", "256M");
    Machine m = sim.current();
    m.klog.clear();
    const std::uint32_t comm = m.intern("hog");
    auto rec = [&](std::uint64_t ns, KlogKind k, std::uint32_t pid, std::uint32_t c, std::array<std::int64_t, 8> v) {
        KlogRecord r;
        r.timeNs = ns;
        r.kind = k;
        r.pid = pid;
        r.comm = c;
        r.v = v;
        m.klog.push_back(r);
    };
    rec(12345678901ull, KlogKind::CommitRefused, 1001, comm, { 4294967296, 0, 0, 0, 0, 0, 0, 0 });
    // dump_tasks rows come before the report that prints them.
    rec(30000001000ull, KlogKind::OomTask, 1000, comm, { 1000, 431, 289, 32, 257, 49152, 0, 0 });
    rec(30000001000ull, KlogKind::OomTask, 1001, comm, { 1000, 2628942, 1995298, 1995157, 141, 16052224, 7, -1000 });
    rec(30000001000ull, KlogKind::OomInvoked, 1001, comm, { 0, 200, 0, 0, 0, 0, 0, 0 });
    rec(30000001000ull, KlogKind::OomKilled, 1000, comm, { 10515768, 7980628, 564, 0, 15676, 1000, 1000, 0 });
    rec(30000002000ull, KlogKind::OomReaped, 1000, comm, { 0, 0, 0, 0, 0, 0, 0, 0 });
    QCOMPARE(formatDmesg(m),
        std::string(
            "[   12.345678] __vm_enough_memory: pid: 1001, comm: hog, bytes: 4294967296 not enough memory for the "
            "allocation\n"
            "[   30.000001] hog invoked oom-killer: gfp_mask=0x140cca(GFP_HIGHUSER_MOVABLE|__GFP_COMP), order=0, "
            "oom_score_adj=200\n"
            "[   30.000001] Tasks state (memory values in pages):\n"
            "[   30.000001] [  pid  ]   uid  tgid total_vm      rss rss_anon rss_file rss_shmem pgtables_bytes "
            "swapents oom_score_adj name\n"
            "[   30.000001] [   1000]  1000  1000      431      289       32      257         0    49152        0      "
            "       0 hog\n"
            "[   30.000001] [   1001]  1000  1001  2628942  1995298  1995157      141         0 16052224        7      "
            "   -1000 hog\n"
            "[   30.000001] "
            "oom-kill:constraint=CONSTRAINT_NONE,nodemask=(null),cpuset=/,mems_allowed=0,global_oom,task_memcg=/"
            "user.slice/user-1000.slice/session-1.scope,task=hog,pid=1000,uid=1000\n"
            "[   30.000001] Out of memory: Killed process 1000 (hog) total-vm:10515768kB, anon-rss:7980628kB, "
            "file-rss:564kB, shmem-rss:0kB, UID:1000 pgtables:15676kB oom_score_adj:1000\n"
            "[   30.000002] oom_reaper: reaped process 1000 (hog), now anon-rss:0kB, file-rss:0kB, shmem-rss:0kB\n"));
    // -T: the wall clock of boot plus the record's seconds; -t: no stamps.
    ShellResult t = runDmesg(m, { "-T" });
    QVERIFY(t.out.rfind("[Thu Feb 29 20:38:42 2024] __vm_enough_memory", 0) == 0);
    t = runDmesg(m, { "--notime" });
    QVERIFY(t.out.rfind("__vm_enough_memory: pid: 1001", 0) == 0);
    t = runDmesg(m, { "-Z" });
    QCOMPARE(t.err, std::string("dmesg: invalid option -- 'Z'\nTry 'dmesg --help' for more information.\n"));
    QCOMPARE(t.status, 1);
    t = runDmesg(m, { "foo" });
    QCOMPARE(t.err, std::string("dmesg: bad usage\nTry 'dmesg --help' for more information.\n"));
}

void TestSar::dmesgOom()
{
    // 128 MiB without swap: two programs touching 100 MiB each; the OOM killer takes the
    // bigger one and the log tells it in the kernel's words.
    MachineConfig c = config("x86-64", "128M");
    c.swapBytes = 0;
    Simulator sim = boot(c);
    skipPerCommandCheck(sim);
    const std::uint32_t a = spawn(sim, "hog");
    access(sim, a, mallocIn(sim, a, 100 * MiB), 100 * MiB, true);
    const std::uint32_t b = spawn(sim, "hog2");
    access(sim, b, mallocIn(sim, b, 100 * MiB), 100 * MiB, true);
    QVERIFY(checkMachine(sim.current()).empty());
    const auto log = lines(sh(sim, "dmesg").out);
    QVERIFY(log.size() >= 6);
    auto text = [&](std::size_t i) { return log[i].substr(15); };
    QVERIFY(log[0].rfind("[    ", 0) == 0);
    QCOMPARE(text(0),
        std::string(
            "hog2 invoked oom-killer: gfp_mask=0x140cca(GFP_HIGHUSER_MOVABLE|__GFP_COMP), order=0, oom_score_adj=0"));
    QCOMPARE(text(1), std::string("Tasks state (memory values in pages):"));
    QVERIFY(text(3).rfind("[   1000]  1000  1000 ", 0) == 0);
    QVERIFY(text(3).size() > 4 && text(3).substr(text(3).size() - 4) == " hog");
    QVERIFY(text(4).rfind("[   1001]  1000  1001 ", 0) == 0);
    QVERIFY(text(5).rfind("oom-kill:constraint=CONSTRAINT_NONE,nodemask=(null),cpuset=/,mems_allowed=0,global_oom,", 0)
        == 0);
    QVERIFY(text(5).find(",task=hog,pid=1000,uid=1000") != std::string::npos);
    QVERIFY(text(6).rfind("Out of memory: Killed process 1000 (hog) total-vm:", 0) == 0);
    // The kill shows in /proc/vmstat and `dmesg | grep -i killed` finds it.
    QCOMPARE(sh(sim, "grep oom_kill /proc/vmstat").out, std::string("oom_kill 1\n"));
    QCOMPARE(lines(sh(sim, "dmesg | grep -i 'killed process'").out).size(), std::size_t(1));
}

void TestSar::dmesgPanic()
{
    // vm.panic_on_oom = 1: the kernel prints the report's head and the task dump, then panics.
    MachineConfig c = config("x86-64", "128M");
    c.swapBytes = 0;
    Simulator sim = boot(c);
    skipPerCommandCheck(sim);
    run(sim, "sysctl vm.panic_on_oom=1");
    const std::uint32_t a = spawn(sim, "hog");
    access(sim, a, mallocIn(sim, a, 200 * MiB / 2), 100 * MiB, true);
    const std::uint32_t b = spawn(sim, "hog2");
    access(sim, b, mallocIn(sim, b, 100 * MiB), 100 * MiB, true);
    QVERIFY(sim.current().panicked);
    const auto log = lines(sh(sim, "dmesg -t").out);
    QVERIFY(log.size() >= 6);
    QCOMPARE(log[log.size() - 2],
        std::string("Kernel panic - not syncing: Out of memory: system-wide panic_on_oom is enabled"));
    QCOMPARE(log.back(),
        std::string("---[ end Kernel panic - not syncing: Out of memory: system-wide panic_on_oom is enabled ]---"));
    QVERIFY(
        log[0].find(" invoked oom-killer: gfp_mask=0x140cca(GFP_HIGHUSER_MOVABLE|__GFP_COMP), order=0, oom_score_adj=0")
        != std::string::npos);
    QCOMPARE(log[1], std::string("Tasks state (memory values in pages):"));
    QVERIFY(log[3].rfind("[   1000]  1000  1000 ", 0) == 0);
}

QTEST_GUILESS_MAIN(TestSar)
#include "tst_sar.moc"
