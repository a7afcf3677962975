// free(1): formatFree/parseFreeArgs against the output of the real procps-ng 4.0.2
// free, recorded by tests/fixtures/free/make_free_fixtures.sh, byte for byte; plus
// hand-worked scale_size cases and the repeat (-c/-s) behaviour.

#include "TestUtil.h"

#include "stats/Free.h"
#include "stats/MemInfo.h"
#include "stats/ProcFiles.h"
#include "stats/Shell.h"

#include <QDir>
#include <QTest>

#include <map>

using namespace memviz;
using namespace memviz::test;
using namespace Qt::StringLiterals;

namespace {

struct Record {
    int status = 0;
    std::string args; ///< as typed after "free" (sh syntax)
    std::string output; ///< stdout, or stderr when status != 0
};

/// Splits an expected file into its ">>> [STATUS] free ARGS" records.
std::vector<Record> readRecords(const std::string& text)
{
    std::vector<Record> out;
    std::size_t pos = 0;
    while (pos < text.size()) {
        if (text.compare(pos, 5, ">>> [") != 0) qFatal("bad record at offset %zu", pos);
        const std::size_t eol = text.find('\n', pos);
        const std::string head = text.substr(pos, eol - pos);
        Record r;
        r.status = std::stoi(head.substr(5));
        const std::size_t cmd = head.find("] free");
        r.args = head.size() > cmd + 6 ? head.substr(cmd + 7) : std::string();
        std::size_t next = text.find("\n>>> [", eol);
        next = next == std::string::npos ? text.size() : next + 1;
        r.output = text.substr(eol + 1, next - eol - 1);
        out.push_back(r);
        pos = next;
    }
    return out;
}

/// meminfo values of an input: memviz's own machines are rebuilt and read through
/// computeMemInfo (the path the simulated shell takes); the hand-written inputs are
/// parsed from their text.
MemInfo inputMemInfo(const QString& name)
{
    static std::map<QString, MemInfo> cache;
    if (auto it = cache.find(name); it != cache.end()) return it->second;
    MemInfo info;
    bool found = false;
    for (const GoldenMachine& g : goldenMachines())
        if (name == QLatin1String(g.name)) {
            Simulator s = boot(g.config);
            skipPerCommandCheck(s); // tst_procfiles checks these machines
            if (g.workload) g.workload(s);
            info = computeMemInfo(s.current());
            found = true;
        }
    if (!found) {
        const auto parsed = parseMeminfo(readFixture(u"free/inputs/"_s + name + u".meminfo"_s));
        if (!parsed) qFatal("cannot parse input %s", qPrintable(name));
        info = *parsed;
    }
    cache[name] = info;
    return info;
}

std::string runFree(const MemInfo& info, const std::string& args, bool* ok)
{
    FreeOptions opt;
    std::string err;
    *ok = parseFreeArgs(shellSplit(args), &opt, &err);
    return *ok ? formatFree(info, opt) : err;
}

} // namespace

class TestFree : public QObject {
    Q_OBJECT
private slots:
    void realFree_data();
    void realFree();
    void scaleSize_data();
    void scaleSize();
    void seedMachineMatchesNotes();
    void secondsWithoutCount();
    void countIsCapped();
    void parseKeepsLastState();
    void shellPrintsFree();
    void shellPrintsFreeErrorsVerbatim();
};

void TestFree::realFree_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("args");
    QTest::addColumn<QString>("expected");
    const QDir dir(fixturePath(u"free/expected"_s));
    const QStringList files = dir.entryList({ u"*.txt"_s }, QDir::Files, QDir::Name);
    QVERIFY2(files.size() >= 10, "run tests/fixtures/free/make_free_fixtures.sh");
    for (const QString& file : files) {
        QString input = file.chopped(4);
        if (input == u"errors"_s) input = u"seed-8g-boot"_s; // the input the errors were recorded with
        for (const Record& r : readRecords(readFixture(u"free/expected/"_s + file))) {
            const QString args = QString::fromStdString(r.args);
            QTest::addRow("%s: free %s", qPrintable(file.chopped(4)), qPrintable(args))
                << input << r.status << args << QString::fromStdString(r.output);
        }
    }
}

void TestFree::realFree()
{
    QFETCH(QString, input);
    QFETCH(int, status);
    QFETCH(QString, args);
    QFETCH(QString, expected);
    bool ok = false;
    const std::string out = runFree(inputMemInfo(input), args.toStdString(), &ok);
    QCOMPARE(ok ? 0 : 1, status);
    QCOMPARE(QString::fromStdString(out), expected);
}

void TestFree::scaleSize_data()
{
    QTest::addColumn<qulonglong>("kb");
    QTest::addColumn<QString>("args");
    QTest::addColumn<QString>("expected");
    // Default: kB as they are; --si: bytes / 1000.
    QTest::newRow("default") << 7942512ull << QString() << u"7942512"_s;
    QTest::newRow("--si") << 7942512ull << u"--si"_s << u"8133132"_s; // 7942512 * 1024 / 1000
    QTest::newRow("-b") << 3ull << u"-b"_s << u"3072"_s;
    QTest::newRow("-b --si ignores si") << 3ull << u"-b --si"_s << u"3072"_s;
    QTest::newRow("-m truncates") << 2047ull << u"-m"_s << u"1"_s;
    QTest::newRow("--mega") << 2047ull << u"--mega"_s << u"2"_s; // 2096128 / 1e6
    QTest::newRow("-g") << 7942512ull << u"-g"_s << u"7"_s;
    // -h: "%lldB" only fits for 0 (1 kB is already 1024B); then one decimal if it
    // fits in 5 characters, else a truncated integer, else the next unit.
    QTest::newRow("-h 0") << 0ull << u"-h"_s << u"0B"_s;
    QTest::newRow("-h 1 kB") << 1ull << u"-h"_s << u"1.0Ki"_s;
    QTest::newRow("-h 9.9Mi") << 10188ull << u"-h"_s << u"9.9Mi"_s;
    QTest::newRow("-h 10.0 does not fit") << 10239ull << u"-h"_s << u"9Mi"_s; // 9.999 -> "10.0Mi" too wide
    QTest::newRow("-h 999Ki") << 999ull << u"-h"_s << u"999Ki"_s;
    QTest::newRow("-h 1000Ki") << 1000ull << u"-h"_s << u"1.0Mi"_s;
    QTest::newRow("-h notes total") << 7942512ull << u"-h"_s << u"7.6Gi"_s;
    QTest::newRow("-h --si notes total") << 7942512ull << u"-h --si"_s << u"8.1G"_s;
    QTest::newRow("-h --si 999 kB") << 999ull << u"-h --si"_s << u"1.0M"_s; // 1022976 B
    // (float) before %.1f: 4.350000128 G rounds to 4.3 through a float, 4.4 as a double.
    QTest::newRow("-h --si float cast") << 4248047ull << u"-h --si"_s << u"4.3G"_s;
    QTest::newRow("-h --si float cast up") << 5517578ull << u"-h --si"_s << u"5.7G"_s;
    QTest::newRow("-h Ti float cast") << 2415919176ull << u"-h"_s << u"2.2Ti"_s;
    // A wrapped-around unsigned value prints negative, as free's `size * 1024LL`.
    QTest::newRow("wrapped") << static_cast<qulonglong>(0 - 5ull) << QString() << u"-5"_s;
    QTest::newRow("wrapped -h") << static_cast<qulonglong>(0 - 5ull) << u"-h"_s << u"-5Ki"_s;
}

void TestFree::scaleSize()
{
    QFETCH(qulonglong, kb);
    QFETCH(QString, args);
    QFETCH(QString, expected);
    FreeOptions opt;
    std::string err;
    QVERIFY(parseFreeArgs(shellSplit(args.toStdString()), &opt, &err));
    QCOMPARE(QString::fromStdString(freeScaleSize(kb, opt)), expected);
}

void TestFree::seedMachineMatchesNotes()
{
    // The notes' machine: `free` shows total 7942512 and 2 GiB of swap, all free at boot.
    const Simulator s = boot("seed-8g");
    const std::string out = formatFree(computeMemInfo(s.current()), FreeOptions {});
    QCOMPARE(out,
        std::string("               total        used        free      shared  buff/cache   available\n"
                    "Mem:         7942512      131236     7942512           0           0     7811276\n"
                    "Swap:        2097152           0     2097152\n"));
}

void TestFree::secondsWithoutCount()
{
    // free -s N repeats forever; the simulated one prints the first block and the
    // blank line that separates it from the next.
    const MemInfo info = inputMemInfo(u"seed-8g-boot"_s);
    bool ok = false;
    const std::string once = runFree(info, "", &ok);
    QVERIFY(ok);
    QCOMPARE(runFree(info, "-s 2", &ok), once + "\n");
    QCOMPARE(runFree(info, "-s 2 -c 3", &ok), once + "\n" + once + "\n" + once);
}

void TestFree::countIsCapped()
{
    const MemInfo info = inputMemInfo(u"zero"_s);
    bool ok = false;
    const std::string once = runFree(info, "", &ok);
    const std::string many = runFree(info, "-c 2147483647", &ok);
    QVERIFY(ok);
    QCOMPARE(many.size(), (once.size() + 1) * kFreeMaxBlocks - 1);
}

void TestFree::parseKeepsLastState()
{
    // A failed parse leaves the caller's options alone.
    FreeOptions opt;
    opt.wide = true;
    std::string err;
    QVERIFY(!parseFreeArgs({ "-h", "-x" }, &opt, &err));
    QVERIFY(opt.wide);
    QVERIFY(!opt.human);
    // Help and version stop parsing where they stand.
    QVERIFY(parseFreeArgs({ "-h", "--help", "--bogus" }, &opt, &err));
    QVERIFY(opt.help);
    QCOMPARE(formatFree(MemInfo {}, opt), freeUsage());
}

void TestFree::shellPrintsFree()
{
    const Simulator s = boot("seed-8g");
    const ShellResult r = runShell(s.current(), "free -h -w");
    QCOMPARE(r.status, 0);
    bool ok = false;
    QCOMPARE(r.out, runFree(computeMemInfo(s.current()), "-h -w", &ok));
}

void TestFree::shellPrintsFreeErrorsVerbatim()
{
    // The shell passes free's own error text through unchanged: the full usage where
    // free prints it, none after "Multiple unit options don't make sense.".
    const Simulator s = boot("x86-64", "64M");
    const ShellResult r = runShell(s.current(), "free -m -g");
    QCOMPARE(r.status, 1);
    QCOMPARE(r.err, std::string("free: Multiple unit options don't make sense.\n"));
}

QTEST_GUILESS_MAIN(TestFree)
#include "tst_free.moc"
