// Generated exercises (issue 6): the same seed gives the same text, other seeds other
// problems, and every printed answer is re-derived here from the simulator itself: the
// Translate command's walk, the TLB's TlbLookup events, the zone's free lists after each
// alloc_pages/free_pages, simulateReplacement(). Also the command line's bad input and the
// dialog (type a right and a wrong answer, reveal the steps).
#include "CommandLine.h"
#include "Exercise.h"
#include "ExerciseDialog.h"
#include "TestUtil.h"

#include "arch/ArchSpec.h"

#include <QFile>
#include <QLineEdit>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryFile>
#include <QtTest>

#include <cstdio>
#include <optional>
#include <set>
#include <unistd.h>

using namespace memviz;

Q_DECLARE_METATYPE(memviz::ExerciseKind)
Q_DECLARE_METATYPE(memviz::AnswerCheck)
Q_DECLARE_METATYPE(memviz::ExerciseItem::Form)

namespace {

Exercise make(ExerciseKind kind, std::uint64_t seed)
{
    const auto ex = generateExercise(kind, seed);
    if (!ex) qFatal("no exercise for seed %llu", static_cast<unsigned long long>(seed));
    return *ex;
}

Simulator replaySetup(const Exercise& ex)
{
    auto created = Simulator::create(ex.config);
    if (!std::holds_alternative<Simulator>(created)) qFatal("the exercise's machine does not boot");
    Simulator sim = std::move(std::get<Simulator>(created));
    for (const Command& c : ex.setup)
        if (sim.apply(c).error) qFatal("a setup command was refused");
    return sim;
}

QString hexPad(std::uint64_t v, int digits) { return QStringLiteral("0x%1").arg(v, digits, 16, QLatin1Char('0')); }

/// The zone's free lists as the buddy exercise prints them: "[0] —  [1] 2, 6  [2] 4 ...".
QString freeListsOf(const Machine& m, int maxOrder)
{
    QStringList parts;
    for (int o = 0; o <= maxOrder; ++o) {
        QStringList pfns;
        for (std::uint32_t p = m.zones[0].freeArea[static_cast<std::size_t>(o)].head; p != kNil; p = m.frames.next(p))
            pfns << QString::number(p);
        parts << QStringLiteral("[%1]\u00a0%2").arg(o).arg(pfns.isEmpty() ? QStringLiteral("—") : pfns.join(QStringLiteral(", ")));
    }
    return parts.join(QStringLiteral("  "));
}

/// An answer that must be marked wrong for `item`.
QString wrongAnswer(const ExerciseItem& item)
{
    switch (item.form) {
    case ExerciseItem::Form::Address:
        if (item.value >= 0) return hexPad(static_cast<std::uint64_t>(item.value) + 1, 3);
        return item.level == 0 ? QStringLiteral("PTE") : QStringLiteral("PDE");
    case ExerciseItem::Form::HitMiss: return item.value ? QStringLiteral("m") : QStringLiteral("h");
    case ExerciseItem::Form::Victim: return item.value ? QStringLiteral("m") : QStringLiteral("h");
    case ExerciseItem::Form::Pfn: return QString::number(item.value + 1);
    case ExerciseItem::Form::PfnOrder: return QStringLiteral("%1/%2").arg(item.value).arg(item.level + 1);
    }
    return {};
}

struct CliRun {
    int code = 0;
    QByteArray out, err;
};

/// Runs the CLI entry point with stdout and stderr sent to files.
CliRun runCli(const Options& o)
{
    QTemporaryFile out, err;
    if (!out.open() || !err.open()) qFatal("no temporary files");
    std::fflush(stdout);
    std::fflush(stderr);
    const int savedOut = dup(1), savedErr = dup(2);
    dup2(out.handle(), 1);
    dup2(err.handle(), 2);
    CliRun r;
    r.code = runExerciseCli(o);
    std::fflush(stdout);
    std::fflush(stderr);
    dup2(savedOut, 1);
    dup2(savedErr, 2);
    close(savedOut);
    close(savedErr);
    QFile o1(out.fileName()), e1(err.fileName());
    if (o1.open(QIODevice::ReadOnly)) r.out = o1.readAll();
    if (e1.open(QIODevice::ReadOnly)) r.err = e1.readAll();
    return r;
}

/// Rows of (kind, seed): every kind, or only `only`.
void kindRows(std::optional<ExerciseKind> only = std::nullopt)
{
    QTest::addColumn<ExerciseKind>("kind");
    QTest::addColumn<quint64>("seed");
    for (const QString& name : exerciseKindNames()) {
        ExerciseKind k;
        exerciseKindFromName(name, &k);
        if (only && *only != k) continue;
        for (quint64 seed : {0ull, 1ull, 2ull, 7ull, 42ull, 1000ull, 123456789ull})
            QTest::addRow("%s seed %llu", qPrintable(name), seed) << k << seed;
    }
}

const std::uint64_t kSeeds[] = {0, 1, 2, 3, 7, 42, 1000};

} // namespace

class TestExercise : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // the dialog keeps its text size in QSettings
        QSettings().clear();
    }

    void sameSeedSameText_data() { kindRows(); }
    void sameSeedSameText()
    {
        QFETCH(ExerciseKind, kind);
        QFETCH(quint64, seed);
        const Exercise a = make(kind, seed), b = make(kind, seed);
        QCOMPARE(a.text(true), b.text(true));
        QCOMPARE(a.text(false), b.text(false));
        QVERIFY(a.text(true).startsWith(a.text(false)));
        QVERIFY(a.text(true).size() > a.text(false).size());
        QVERIFY(a.title.contains(QString::number(seed)));
        // One step per item, then a summary; every expected answer is accepted by the checker.
        QCOMPARE(a.steps.size(), static_cast<qsizetype>(a.items.size()) + 1);
        QVERIFY(a.items.size() >= 4);
        for (const ExerciseItem& it : a.items) {
            QCOMPARE(memviz::checkAnswer(it, it.expected), AnswerCheck::Right);
            QCOMPARE(memviz::checkAnswer(it, wrongAnswer(it)), AnswerCheck::Wrong);
            QVERIFY(!it.prompt.isEmpty());
        }
    }

    void differentSeedsDiffer_data()
    {
        QTest::addColumn<ExerciseKind>("kind");
        for (const QString& name : exerciseKindNames()) {
            ExerciseKind k;
            exerciseKindFromName(name, &k);
            QTest::newRow(qPrintable(name)) << k;
        }
    }
    void differentSeedsDiffer()
    {
        QFETCH(ExerciseKind, kind);
        // The problems themselves (not only the seed in the title) differ.
        std::set<QString> problems;
        for (std::uint64_t seed : kSeeds) problems.insert(make(kind, seed).problem);
        QCOMPARE(problems.size(), std::size(kSeeds));
    }

    void translateAnswersComeFromTheWalk_data() { kindRows(ExerciseKind::Translate); }
    void translateAnswersComeFromTheWalk()
    {
        QFETCH(ExerciseKind, kind);
        QFETCH(quint64, seed);
        const Exercise ex = make(kind, seed);
        QVERIFY(ex.config.arch.custom);
        QCOMPARE(ex.config.arch.levels.size(), std::size_t(2));
        Simulator sim = replaySetup(ex);
        const Machine& m0 = sim.current();
        const std::uint64_t page = ex.config.arch.pageSize();

        // The dump shows exactly what the machine holds, and includes the page directory.
        static const QRegularExpression dumpLine(QStringLiteral("^page +(\\d+): ((?:[0-9a-f]{8} ?)+)$"),
                                                 QRegularExpression::MultilineOption);
        std::set<std::uint64_t> dumped;
        for (auto it = dumpLine.globalMatch(ex.problem); it.hasNext();) {
            const auto match = it.next();
            // A dump line is never wrapped (neither in the dialog nor by the terminal wrapper).
            const int lineNo = static_cast<int>(ex.problem.left(match.capturedStart()).count(QLatin1Char('\n')));
            QVERIFY(std::find(ex.noWrapLines.begin(), ex.noWrapLines.end(), lineNo) != ex.noWrapLines.end());
            QVERIFY(match.captured(0).size() <= 100);
            const std::uint64_t frame = match.captured(1).toULongLong();
            const QString bytes = match.captured(2).remove(QLatin1Char(' '));
            QCOMPARE(bytes.size(), qsizetype(page * 2));
            for (std::uint64_t i = 0; i < page; ++i)
                QCOMPARE(bytes.mid(static_cast<qsizetype>(i * 2), 2).toUInt(nullptr, 16), uint(m0.phys.read8(frame * page + i)));
            dumped.insert(frame);
        }
        QVERIFY(dumped.count(m0.cpu.cr3));
        QVERIFY(ex.problem.contains(QStringLiteral("PDBR = %1").arg(m0.cpu.cr3)));

        int faults[2] = {0, 0}, ok = 0;
        for (std::size_t i = 0; i < ex.addresses.size(); ++i) {
            const std::uint64_t va = ex.addresses[i];
            Command t = vmCommand(CommandType::Translate, 0);
            t.addr = va;
            const CommandResult r = sim.apply(t);
            QVERIFY(!r.error);
            const Event& done = sim.events()[r.endEvent - 1];
            QCOMPARE(done.type, EventType::TranslateDone);
            const ExerciseItem& item = ex.items[i];
            const QString step = ex.steps[static_cast<qsizetype>(i)];
            QVERIFY(ex.problem.contains(item.prompt));
            if (done.flags & EventFlag::Valid) {
                ++ok;
                QCOMPARE(item.value, static_cast<std::int64_t>(done.b));
                const int digits = (ex.config.arch.physAddrBits + 3) / 4;
                QVERIFY2(step.contains(hexPad(done.b, digits)), qPrintable(step));
                const int byte = sim.current().phys.read8(done.b);
                QVERIFY2(step.contains(QStringLiteral("the byte there is %1 (%2)").arg(hexPad(byte, 2)).arg(byte)), qPrintable(step));
                // The data page reached is in the dump, so the byte can be looked up.
                QVERIFY(dumped.count(done.b / page));
            } else {
                const int level = static_cast<int>(done.c);
                ++faults[level];
                QCOMPARE(item.value, std::int64_t(-1));
                QCOMPARE(item.level, std::int64_t(level));
                QVERIFY(step.contains(level == 0 ? QStringLiteral("PDE fault") : QStringLiteral("PTE fault")));
            }
            // Every entry the walk read is named with its contents.
            for (std::uint64_t e = r.firstEvent; e < r.endEvent; ++e) {
                const Event& w = sim.events()[e];
                if (w.type != EventType::WalkStep) continue;
                QVERIFY(step.contains(QStringLiteral("= %1: valid %2").arg(hexPad(w.c, 2)).arg((w.flags & EventFlag::Valid) ? 1 : 0)));
                QVERIFY(dumped.count(w.pfn));
            }
        }
        QVERIFY(ok >= 2);
        QVERIFY(faults[0] >= 1);
        QVERIFY(faults[1] >= 1);
        QVERIFY(ex.addresses.size() >= 4 && ex.addresses.size() <= 6);
    }

    void tlbAnswersComeFromTlbLookups_data() { kindRows(ExerciseKind::Tlb); }
    void tlbAnswersComeFromTlbLookups()
    {
        QFETCH(ExerciseKind, kind);
        QFETCH(quint64, seed);
        const Exercise ex = make(kind, seed);
        QCOMPARE(ex.config.tlb.sets * ex.config.tlb.ways, 4);
        QVERIFY(ex.config.tlb.policy == 0 || ex.config.tlb.policy == 1);
        QVERIFY(ex.problem.contains(ex.config.tlb.policy == 0 ? QStringLiteral("LRU") : QStringLiteral("FIFO")));
        Simulator sim = replaySetup(ex);
        for (const TlbEntry& e : sim.current().tlb.small) QVERIFY(!(e.flags & TlbFlag::Valid)); // "empty at the start"
        QVERIFY(ex.problem.contains(QStringLiteral("The TLB is empty at the start")));
        int hits = 0;
        for (std::size_t i = 0; i < ex.addresses.size(); ++i) {
            QVERIFY(ex.problem.contains(hexPad(ex.addresses[i], 8)));
            Command a = vmCommand(CommandType::Access, ex.pid);
            a.addr = ex.addresses[i];
            a.len = 1;
            const CommandResult r = sim.apply(a);
            QVERIFY(!r.error);
            int lookups = 0;
            bool hit = false;
            for (std::uint64_t e = r.firstEvent; e < r.endEvent; ++e)
                if (sim.events()[e].type == EventType::TlbLookup && lookups++ == 0) hit = sim.events()[e].flags & EventFlag::Hit;
            QCOMPARE(lookups, 1);
            QCOMPARE(ex.items[i].value, hit ? 1 : 0);
            QVERIFY(ex.steps[static_cast<qsizetype>(i)].contains(hit ? QStringLiteral("hit") : QStringLiteral("miss")));
            hits += hit;
        }
        const int total = static_cast<int>(ex.addresses.size());
        QVERIFY(hits >= 3);
        QVERIFY2(ex.steps.last().contains(QStringLiteral("In all: %1 hits and %2 misses").arg(hits).arg(total - hits)),
                 qPrintable(ex.steps.last()));
        // The final contents the summary lists are the TLB's.
        for (const TlbEntry& e : sim.current().tlb.small)
            if (e.flags & TlbFlag::Valid) QVERIFY(ex.steps.last().contains(QStringLiteral("0x%1").arg(e.vpn, 0, 16)));
    }

    void buddyFreeListsComeFromTheZone_data() { kindRows(ExerciseKind::Buddy); }
    void buddyFreeListsComeFromTheZone()
    {
        QFETCH(ExerciseKind, kind);
        QFETCH(quint64, seed);
        const Exercise ex = make(kind, seed);
        auto created = Simulator::create(ex.config);
        QVERIFY(std::holds_alternative<Simulator>(created));
        Simulator sim = std::move(std::get<Simulator>(created));
        const Machine& boot = sim.current();
        QCOMPARE(boot.zones.size(), std::size_t(1));
        const int pages = static_cast<int>(boot.zones[0].managed);
        QVERIFY(pages == 16 || pages == 32);
        const int maxOrder = pages == 16 ? 4 : 5;
        QCOMPARE(boot.zones[0].freePages, std::uint64_t(pages)); // all free, as the problem says
        QVERIFY(ex.problem.contains(QStringLiteral("At the start: ") + freeListsOf(boot, maxOrder)));

        std::vector<std::pair<Pfn, int>> blocks;
        int merges = 0;
        for (std::size_t i = 0; i < ex.requests.size(); ++i) {
            const BuddyRequest& rq = ex.requests[i];
            const ExerciseItem& item = ex.items[i];
            const QString step = ex.steps[static_cast<qsizetype>(i)];
            if (rq.alloc) {
                const CommandResult r = sim.apply(Command::allocPages(rq.order));
                QVERIFY(!r.error);
                QVERIFY(r.pfn.has_value());
                QCOMPARE(rq.block, static_cast<int>(blocks.size()));
                blocks.push_back({*r.pfn, rq.order});
                QCOMPARE(item.form, ExerciseItem::Form::Pfn);
                QCOMPARE(item.value, static_cast<std::int64_t>(*r.pfn));
            } else {
                const auto [pfn, order] = blocks[static_cast<std::size_t>(rq.block)];
                const CommandResult r = sim.apply(Command::freePages(pfn, order));
                QVERIFY(!r.error);
                const Event& add = sim.events()[r.endEvent - 1];
                QCOMPARE(add.type, EventType::BuddyListAdd);
                for (std::uint64_t e = r.firstEvent; e < r.endEvent; ++e) merges += sim.events()[e].type == EventType::BuddyMerge;
                QCOMPARE(item.form, ExerciseItem::Form::PfnOrder);
                QCOMPARE(item.value, static_cast<std::int64_t>(add.pfn));
                QCOMPARE(item.level, std::int64_t(add.order));
                QVERIFY(step.contains((add.flags & EventFlag::Tail) ? QStringLiteral("to the tail") : QStringLiteral("to the head")));
            }
            QVERIFY2(step.contains(QStringLiteral("Free lists: ") + freeListsOf(sim.current(), maxOrder)), qPrintable(step));
        }
        QVERIFY(merges >= 1);
        QVERIFY(ex.steps.last().contains(freeListsOf(sim.current(), maxOrder)));
        QCOMPARE(ex.setup.size(), ex.requests.size()); // the commands the test replayed are the exercise's
    }

    void replacementAnswersComeFromTheLab_data() { kindRows(ExerciseKind::Replacement); }
    void replacementAnswersComeFromTheLab()
    {
        QFETCH(ExerciseKind, kind);
        QFETCH(quint64, seed);
        const Exercise ex = make(kind, seed);
        QVERIFY(ex.policy != ReplPolicy::Linux);
        QStringList refs;
        for (std::int64_t r : ex.refs) refs << QString::number(r);
        QVERIFY(ex.problem.contains(refs.join(QLatin1Char(' '))));
        QVERIFY(ex.problem.contains(QStringLiteral("Frames: %1").arg(ex.frames)));
        const ReplResult res = simulateReplacement(ex.policy, ex.frames, ex.refs);
        QCOMPARE(ex.items.size(), res.steps.size());
        for (std::size_t i = 0; i < res.steps.size(); ++i) {
            QCOMPARE(ex.items[i].value, res.steps[i].hit ? 1 : 0);
            if (!res.steps[i].hit) QCOMPARE(ex.items[i].level, res.steps[i].victim);
        }
        QVERIFY(ex.steps.last().contains(QStringLiteral("In all: %1 misses and %2 hits").arg(res.misses).arg(res.hits)));
    }

    void answerChecker_data()
    {
        QTest::addColumn<ExerciseItem::Form>("form");
        QTest::addColumn<qint64>("value");
        QTest::addColumn<qint64>("level");
        QTest::addColumn<QString>("typed");
        QTest::addColumn<AnswerCheck>("result");
        using F = ExerciseItem::Form;
        QTest::newRow("address hex") << F::Address << qint64(0x6bc) << qint64(-1) << "0x6bc" << AnswerCheck::Right;
        QTest::newRow("address no 0x, capitals") << F::Address << qint64(0x6bc) << qint64(-1) << " 6BC " << AnswerCheck::Right;
        QTest::newRow("address leading zeros") << F::Address << qint64(0x6bc) << qint64(-1) << "0x06bc" << AnswerCheck::Right;
        QTest::newRow("address wrong") << F::Address << qint64(0x6bc) << qint64(-1) << "0x6bd" << AnswerCheck::Wrong;
        QTest::newRow("address when it faults") << F::Address << qint64(-1) << qint64(0) << "0x6bc" << AnswerCheck::Wrong;
        QTest::newRow("pde fault") << F::Address << qint64(-1) << qint64(0) << "PDE fault" << AnswerCheck::Right;
        QTest::newRow("pde in chinese") << F::Address << qint64(-1) << qint64(0) << "页目录项无效" << AnswerCheck::Right;
        QTest::newRow("pte for a pde fault") << F::Address << qint64(-1) << qint64(0) << "pte" << AnswerCheck::Wrong;
        QTest::newRow("pte fault") << F::Address << qint64(-1) << qint64(1) << "fault: PTE" << AnswerCheck::Right;
        QTest::newRow("fault without level") << F::Address << qint64(-1) << qint64(1) << "fault" << AnswerCheck::Unreadable;
        QTest::newRow("both levels") << F::Address << qint64(-1) << qint64(1) << "pde pte" << AnswerCheck::Unreadable;
        QTest::newRow("empty") << F::Address << qint64(-1) << qint64(1) << "   " << AnswerCheck::Empty;
        QTest::newRow("hit h") << F::HitMiss << qint64(1) << qint64(-1) << "h" << AnswerCheck::Right;
        QTest::newRow("hit word") << F::HitMiss << qint64(1) << qint64(-1) << "Hit" << AnswerCheck::Right;
        QTest::newRow("hit chinese") << F::HitMiss << qint64(1) << qint64(-1) << "命中" << AnswerCheck::Right;
        QTest::newRow("miss chinese for a hit") << F::HitMiss << qint64(1) << qint64(-1) << "未命中" << AnswerCheck::Wrong;
        QTest::newRow("miss m") << F::HitMiss << qint64(0) << qint64(-1) << "M" << AnswerCheck::Right;
        QTest::newRow("hit for a miss") << F::HitMiss << qint64(0) << qint64(-1) << "hit" << AnswerCheck::Wrong;
        QTest::newRow("neither") << F::HitMiss << qint64(0) << qint64(-1) << "maybe" << AnswerCheck::Unreadable;
        QTest::newRow("victim right") << F::Victim << qint64(0) << qint64(3) << "m 3" << AnswerCheck::Right;
        QTest::newRow("victim words") << F::Victim << qint64(0) << qint64(3) << "miss, evicts 3" << AnswerCheck::Right;
        QTest::newRow("victim glued") << F::Victim << qint64(0) << qint64(3) << "m3" << AnswerCheck::Right;
        QTest::newRow("victim chinese") << F::Victim << qint64(0) << qint64(3) << "未命中，换出 3" << AnswerCheck::Right;
        QTest::newRow("victim wrong page") << F::Victim << qint64(0) << qint64(3) << "m 4" << AnswerCheck::Wrong;
        QTest::newRow("victim missing") << F::Victim << qint64(0) << qint64(3) << "m" << AnswerCheck::Wrong;
        QTest::newRow("free frame filled") << F::Victim << qint64(0) << qint64(kNoPage) << "m" << AnswerCheck::Right;
        QTest::newRow("victim named for a free frame") << F::Victim << qint64(0) << qint64(kNoPage) << "m 2" << AnswerCheck::Wrong;
        QTest::newRow("victim hit") << F::Victim << qint64(1) << qint64(-1) << "h" << AnswerCheck::Right;
        QTest::newRow("hit with a page") << F::Victim << qint64(1) << qint64(-1) << "h 2" << AnswerCheck::Unreadable;
        QTest::newRow("pfn") << F::Pfn << qint64(16) << qint64(-1) << "16" << AnswerCheck::Right;
        QTest::newRow("pfn word") << F::Pfn << qint64(16) << qint64(-1) << "pfn 16" << AnswerCheck::Right;
        QTest::newRow("pfn wrong") << F::Pfn << qint64(16) << qint64(-1) << "8" << AnswerCheck::Wrong;
        QTest::newRow("pfn two numbers") << F::Pfn << qint64(16) << qint64(-1) << "16 2" << AnswerCheck::Unreadable;
        QTest::newRow("pfn/order") << F::PfnOrder << qint64(8) << qint64(3) << "8/3" << AnswerCheck::Right;
        QTest::newRow("pfn order spaced") << F::PfnOrder << qint64(8) << qint64(3) << "pfn 8, order 3" << AnswerCheck::Right;
        QTest::newRow("pfn/order wrong order") << F::PfnOrder << qint64(8) << qint64(3) << "8/2" << AnswerCheck::Wrong;
        QTest::newRow("pfn only") << F::PfnOrder << qint64(8) << qint64(3) << "8" << AnswerCheck::Unreadable;
    }
    void answerChecker()
    {
        QFETCH(ExerciseItem::Form, form);
        QFETCH(qint64, value);
        QFETCH(qint64, level);
        QFETCH(QString, typed);
        QFETCH(AnswerCheck, result);
        ExerciseItem item;
        item.form = form;
        item.value = value;
        item.level = level;
        QCOMPARE(memviz::checkAnswer(item, typed), result);
    }

    void cli_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("seed");
        QTest::addColumn<bool>("answers");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("stderrHas");
        QTest::newRow("translate") << "translate" << "5" << false << 0 << "";
        QTest::newRow("tlb with answers") << "tlb" << "5" << true << 0 << "";
        QTest::newRow("kind in capitals") << "Buddy" << "" << true << 0 << "";
        QTest::newRow("replacement, big seed") << "replacement" << "18446744073709551615" << true << 0 << "";
        QTest::newRow("unknown kind") << "paging" << "1" << false << 2 << "unknown kind \"paging\"; the kinds are translate, tlb, buddy, replacement";
        QTest::newRow("seed not a number") << "tlb" << "abc" << false << 2 << "--seed: \"abc\" is not a whole number";
        QTest::newRow("negative seed") << "tlb" << "-3" << false << 2 << "--seed: \"-3\"";
        QTest::newRow("seed too large") << "tlb" << "18446744073709551616" << false << 2 << "--seed:";
    }
    void cli()
    {
        QFETCH(QString, kind);
        QFETCH(QString, seed);
        QFETCH(bool, answers);
        QFETCH(int, code);
        QFETCH(QString, stderrHas);
        Options o;
        o.exercise = kind;
        o.seed = seed;
        o.answers = answers;
        const CliRun r = runCli(o);
        QCOMPARE(r.code, code);
        if (code != 0) {
            QVERIFY(r.out.isEmpty());
            QVERIFY2(QString::fromUtf8(r.err).contains(stderrHas), r.err.constData());
            return;
        }
        QVERIFY(r.err.isEmpty());
        ExerciseKind k;
        QVERIFY(exerciseKindFromName(kind, &k));
        const Exercise ex = make(k, seed.isEmpty() ? 1 : seed.toULongLong());
        QCOMPARE(QString::fromUtf8(r.out), wrapForTerminal(ex.text(answers)));
        QCOMPARE(r.out.contains("Worked solution"), answers);
        for (const QByteArray& line : r.out.split('\n')) QVERIFY2(line.size() <= 100 * 3, line.constData()); // UTF-8 bytes
    }

    void answersNeedExercise()
    {
        Options o;
        int code = -1;
        QVERIFY(!parseCommandLine({QStringLiteral("memviz"), QStringLiteral("--answers")}, &o, &code));
        QCOMPARE(code, 2);
        QVERIFY(parseCommandLine({QStringLiteral("memviz"), QStringLiteral("--exercise"), QStringLiteral("tlb"),
                                  QStringLiteral("--seed"), QStringLiteral("9"), QStringLiteral("--answers")},
                                 &o, &code));
        QCOMPARE(o.exercise, QStringLiteral("tlb"));
        QCOMPARE(o.seed, QStringLiteral("9"));
        QVERIFY(o.answers);
    }

    void wrapKeepsWordsAndIndent()
    {
        const QString line = QStringLiteral("  • ") + QStringLiteral("word ").repeated(40).trimmed();
        const QStringList out = wrapForTerminal(line, 40).split(QLatin1Char('\n'));
        QVERIFY(out.size() > 1);
        QVERIFY(out[0].startsWith(QStringLiteral("  • word")));
        for (int i = 1; i < out.size(); ++i) QVERIFY(out[i].startsWith(QStringLiteral("    word")));
        for (const QString& l : out) QVERIFY(l.size() <= 40);
        QCOMPARE(QStringList(out).join(QLatin1Char(' ')).simplified(), line.simplified());
        // CJK text counts two columns a character and breaks between characters.
        const QString cjk = QString(60, QChar(0x9875));
        for (const QString& l : wrapForTerminal(cjk, 40).split(QLatin1Char('\n'))) QVERIFY(l.size() <= 20);
        QCOMPARE(wrapForTerminal(QStringLiteral("short\n  kept"), 40), QStringLiteral("short\n  kept"));
    }

    void dialog_data()
    {
        QTest::addColumn<ExerciseKind>("kind");
        for (const QString& name : exerciseKindNames()) {
            ExerciseKind k;
            exerciseKindFromName(name, &k);
            QTest::newRow(qPrintable(name)) << k;
        }
    }
    void dialog()
    {
        QFETCH(ExerciseKind, kind);
        ExerciseDialog d;
        QVERIFY(!d.isModal());
        d.showExercise(kind, 3);
        const Exercise ex = make(kind, 3);
        QCOMPARE(d.exercise().text(true), ex.text(true));
        QCOMPARE(d.stepCount(), static_cast<int>(ex.steps.size()));
        QCOMPARE(d.revealedSteps(), 0);

        // A right answer checked with Enter, a wrong one and an unreadable one with the button.
        QLineEdit* f0 = d.answerField(0);
        QVERIFY(f0);
        QTest::keyClicks(f0, ex.items[0].expected);
        QTest::keyClick(f0, Qt::Key_Return);
        QCOMPARE(d.verdict(0), AnswerCheck::Right);
        QTest::keyClicks(d.answerField(1), wrongAnswer(ex.items[1]));
        QTest::keyClicks(d.answerField(2), QStringLiteral("zzz"));
        QCOMPARE(d.verdict(1), AnswerCheck::Empty);
        d.checkAnswers();
        QCOMPARE(d.verdict(1), AnswerCheck::Wrong);
        QCOMPARE(d.verdict(2), AnswerCheck::Unreadable);
        QCOMPARE(d.verdict(3), AnswerCheck::Empty);
        // Editing a line clears its mark until it is checked again.
        QTest::keyClick(d.answerField(1), Qt::Key_Backspace);
        QCOMPARE(d.verdict(1), AnswerCheck::Empty);
        QVERIFY(!d.answerField(static_cast<int>(ex.items.size())));

        // The solution, one step at a time.
        QVERIFY(!d.clipboardText().contains(QStringLiteral("Worked solution")));
        d.revealNextStep();
        d.revealNextStep();
        QCOMPARE(d.revealedSteps(), 2);
        QVERIFY(d.clipboardText().contains(ex.steps[0]));
        QVERIFY(d.clipboardText().contains(ex.steps[1]));
        QVERIFY(!d.clipboardText().contains(ex.steps[2]));
        d.revealAll();
        QCOMPARE(d.revealedSteps(), d.stepCount());
        d.revealNextStep();
        QCOMPARE(d.revealedSteps(), d.stepCount());
        QCOMPARE(d.clipboardText(), ex.text(true));
        d.hideSolution();
        QCOMPARE(d.revealedSteps(), 0);

        // A language change rebuilds the texts but keeps what the student typed and saw.
        d.revealNextStep();
        QEvent languageChange(QEvent::LanguageChange);
        QCoreApplication::sendEvent(&d, &languageChange);
        QCOMPARE(d.revealedSteps(), 1);
        QCOMPARE(d.answerField(0)->text(), ex.items[0].expected);
        QCOMPARE(d.verdict(0), AnswerCheck::Right);
        QCOMPARE(d.exercise().text(true), ex.text(true));

        // A new exercise: the next seed, answers and steps start over.
        d.revealNextStep();
        d.newExercise();
        QCOMPARE(d.exercise().seed, std::uint64_t(4));
        QCOMPARE(d.exercise().kind, kind);
        QCOMPARE(d.revealedSteps(), 0);
        QCOMPARE(d.verdict(0), AnswerCheck::Empty);
        QVERIFY(d.answerField(0)->text().isEmpty());
        QCOMPARE(d.exercise().problem, make(kind, 4).problem);

        // Text size for a projector, within bounds.
        d.setZoom(100);
        QCOMPARE(d.zoom(), 3.0);
        d.setZoom(0.1);
        QCOMPARE(d.zoom(), 0.8);
        d.setZoom(1.25);
        QVERIFY(!d.grab().isNull());
    }
};

QTEST_MAIN(TestExercise)
#include "tst_exercise.moc"
