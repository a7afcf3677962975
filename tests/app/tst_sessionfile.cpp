// Session files: every demo, a textbook machine and a NUMA machine saved, opened and
// rebuilt to the same events; saving is deterministic; damaged, truncated, newer,
// tampered and unreadable files are refused with the file and the place named.
#include "Headless.h"
#include "ScriptEngine.h"
#include "Session.h"
#include "SessionFile.h"
#include "TestUtil.h"
#include "ViewContext.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace memviz;

namespace {

/// The first field in which two configs differ, empty when they are equal.
QString configDiff(const MachineConfig& a, const MachineConfig& b)
{
#define SAME(f)                                                                                                        \
    if (!(a.f == b.f)) return QStringLiteral(#f)
    SAME(preset);
    SAME(arch.kind);
    SAME(arch.name);
    SAME(arch.pageShift);
    SAME(arch.levels.size());
    for (std::size_t i = 0; i < a.arch.levels.size(); ++i) {
        SAME(arch.levels[i].name);
        SAME(arch.levels[i].bits);
    }
    SAME(arch.entry.bytes);
    SAME(arch.entry.validBit);
    SAME(arch.entry.pfnShift);
    SAME(arch.entry.pfnBits);
    SAME(arch.entry.writeBit);
    SAME(arch.entry.userBit);
    SAME(arch.entry.accessedBit);
    SAME(arch.entry.dirtyBit);
    SAME(arch.entry.hugeBit);
    SAME(arch.entry.globalBit);
    SAME(arch.entry.nxBit);
    SAME(arch.physAddrBits);
    SAME(arch.is32bit);
    SAME(arch.maxRamBytes);
    SAME(arch.lowmemLimitBytes);
    SAME(arch.kernelLoadBytes);
    SAME(arch.kernelImageBytes);
    SAME(arch.custom);
    SAME(ramBytes);
    SAME(swapBytes);
    SAME(swapName);
    SAME(bootEpoch);
    SAME(seed);
    SAME(bootReservedBytes);
    SAME(hostname);
    SAME(cpus);
    SAME(sysctl.minFreeKbytes);
    SAME(sysctl.watermarkScaleFactor);
    for (int i = 0; i < 6; ++i) SAME(sysctl.lowmemReserveRatio[i]);
    SAME(sysctl.thp);
    SAME(sysctl.overcommitMemory);
    SAME(sysctl.overcommitRatio);
    SAME(sysctl.overcommitKbytes);
    SAME(sysctl.swappiness);
    SAME(sysctl.panicOnOom);
    SAME(sysctl.oomKillAllocatingTask);
    SAME(tlb.sets);
    SAME(tlb.ways);
    SAME(tlb.hugeSets);
    SAME(tlb.hugeWays);
    SAME(tlb.policy);
    SAME(tlb.pcid);
    SAME(numaNodes.size());
    for (std::size_t i = 0; i < a.numaNodes.size(); ++i) {
        SAME(numaNodes[i].ramBytes);
        SAME(numaNodes[i].hasCpus);
    }
    SAME(distance);
    SAME(slab);
    return {};
}

/// The first command and field in which two logs differ, empty when they are equal.
QString commandsDiff(const std::vector<Command>& a, const std::vector<Command>& b)
{
    if (a.size() != b.size()) return QStringLiteral("size %1 vs %2").arg(a.size()).arg(b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        const Command &x = a[i], &y = b[i];
        const QString at = QStringLiteral("commands[%1].").arg(i);
#define SAMEC(f)                                                                                                       \
    if (!(x.f == y.f)) return at + QStringLiteral(#f)
        SAMEC(type);
        SAMEC(order);
        SAMEC(zone);
        SAMEC(pfn);
        SAMEC(pid);
        SAMEC(addr);
        SAMEC(len);
        SAMEC(step);
        SAMEC(offset);
        SAMEC(prot);
        SAMEC(mapFlags);
        SAMEC(write);
        SAMEC(text);
        SAMEC(data);
        SAMEC(node);
    }
    return {};
}

/// The first event in which two runs differ (every field of the raw struct), empty when equal.
QString eventsDiff(const Simulator& a, const Simulator& b)
{
    if (a.eventCount() != b.eventCount())
        return QStringLiteral("count %1 vs %2").arg(a.eventCount()).arg(b.eventCount());
    for (std::uint64_t i = 0; i < a.eventCount(); ++i) {
        const Event &x = a.events()[i], &y = b.events()[i];
        if (x.type != y.type || x.zone != y.zone || x.order != y.order || x.cmd != y.cmd || x.flags != y.flags
            || x.pid != y.pid || x.time != y.time || x.pfn != y.pfn || x.a != y.a || x.b != y.b || x.c != y.c)
            return QStringLiteral("event %1 (%2)").arg(i).arg(QString::fromLatin1(eventTypeName(x.type)));
    }
    return {};
}

std::uint64_t fnv1a(const QByteArray& bytes)
{
    std::uint64_t h = 14695981039346656037ull;
    for (const char c : bytes) {
        h ^= static_cast<unsigned char>(c);
        h *= 1099511628211ull;
    }
    return h;
}

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeAll(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

/// The window, script and UI parts a main window would add to a run's data.
void fillUi(SessionData& d, const QString& source, const QString& name, std::vector<ScriptShot> shots)
{
    d.windowState = QByteArray("\x00\x00\x00\xff state \x01\x02", 14);
    d.windowGeometry = QByteArray("geometry\n\x7f\x80", 11);
    d.centreView = QStringLiteral("walk");
    d.visibleDocks = { QStringLiteral("physical"), QStringLiteral("events"), QStringLiteral("script") };
    d.scriptSource = source;
    d.scriptName = name;
    d.chapters = std::move(shots);
    d.language = QStringLiteral("zh_CN");
    d.theme = QStringLiteral("dark");
}

/// Saves `d`, checks that a second save gives the same bytes, opens the file and checks
/// that the data and the rebuilt run are those of `original`.
void roundTrip(const Simulator& original, const SessionData& d, const QString& dir)
{
    const QString path = dir + QStringLiteral("/session.memviz");
    const QString again = dir + QStringLiteral("/again.memviz");
    QCOMPARE(saveSession(path, d), QString());
    QCOMPARE(saveSession(again, d), QString());
    const QByteArray bytes = readAll(path);
    QVERIFY(!bytes.isEmpty());
    QCOMPARE(readAll(again), bytes); // deterministic: the same session gives the same bytes
    QVERIFY(QJsonDocument::fromJson(bytes).isObject());

    auto loaded = loadSession(path);
    if (auto* e = std::get_if<SessionError>(&loaded)) QFAIL(qPrintable(e->message()));
    const LoadedSession& s = std::get<LoadedSession>(loaded);
    QVERIFY2(configDiff(s.data.config, original.config()).isEmpty(),
        qPrintable(configDiff(s.data.config, original.config())));
    QVERIFY2(configDiff(s.sim.config(), original.config()).isEmpty(),
        qPrintable(configDiff(s.sim.config(), original.config())));
    QVERIFY2(commandsDiff(s.data.commands, original.commands()).isEmpty(),
        qPrintable(commandsDiff(s.data.commands, original.commands())));
    QVERIFY2(commandsDiff(s.sim.commands(), original.commands()).isEmpty(),
        qPrintable(commandsDiff(s.sim.commands(), original.commands())));
    QVERIFY2(eventsDiff(s.sim, original).isEmpty(), qPrintable(eventsDiff(s.sim, original)));
    QCOMPARE(s.sim.eventCount(), original.eventCount());
    for (std::size_t i = 0; i <= original.commands().size(); ++i)
        QCOMPARE(s.sim.commandStart(i), original.commandStart(i));
    QCOMPARE(s.data.eventCount, d.eventCount);
    QCOMPARE(s.data.eventChecksum, d.eventChecksum);
    QCOMPARE(s.data.commandEvents, d.commandEvents);
    QVERIFY(s.data.strings == d.strings);
    QVERIFY(*s.sim.current().strings == *original.current().strings); // every name has its id
    QCOMPARE(s.data.cursor, d.cursor);
    QCOMPARE(s.data.chapters.size(), d.chapters.size());
    for (std::size_t i = 0; i < d.chapters.size(); ++i) {
        QCOMPARE(s.data.chapters[i].name, d.chapters[i].name);
        QCOMPARE(s.data.chapters[i].cursor, d.chapters[i].cursor);
    }
    QCOMPARE(s.data.scriptSource, d.scriptSource);
    QCOMPARE(s.data.scriptName, d.scriptName);
    QCOMPARE(s.data.windowState, d.windowState);
    QCOMPARE(s.data.windowGeometry, d.windowGeometry);
    QCOMPARE(s.data.centreView, d.centreView);
    QCOMPARE(s.data.visibleDocks, d.visibleDocks);
    QCOMPARE(s.data.language, d.language);
    QCOMPARE(s.data.theme, d.theme);
    // Saving what was opened gives the file back byte for byte.
    QCOMPARE(sessionToJson(s.data), bytes);
    QCOMPARE(sessionToJson(sessionFromSimulator(s.sim, d.cursor)).left(bytes.indexOf("\"player\"")),
        bytes.left(bytes.indexOf("\"player\"")));
}

/// Sets (or with an undefined value removes) the value at a path like "commands.3.len".
QJsonValue setAt(const QJsonValue& node, QStringList path, const QJsonValue& v)
{
    const QString head = path.takeFirst();
    if (node.isArray()) {
        QJsonArray a = node.toArray();
        const int i = head.toInt();
        if (path.isEmpty())
            a[i] = v;
        else
            a[i] = setAt(a[i], path, v);
        return a;
    }
    QJsonObject o = node.toObject();
    if (path.isEmpty()) {
        if (v.isUndefined())
            o.remove(head);
        else
            o[head] = v;
    } else {
        o[head] = setAt(o[head], path, v);
    }
    return o;
}

QByteArray edited(const QByteArray& json, const QString& path, const QJsonValue& v)
{
    const QJsonValue root = setAt(QJsonDocument::fromJson(json).object(), path.split(QLatin1Char('.')), v);
    return QJsonDocument(root.toObject()).toJson();
}

} // namespace

class TestSessionFile : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QByteArray m_base; ///< a small valid session (x86-64, a process, malloc, touches, free)
    std::uint64_t m_mallocArg = 0; ///< index of the command "malloc(64)" in m_base

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        Simulator sim = test::boot("x86-64", "256M");
        const std::uint32_t pid = test::spawn(sim, "lab");
        const std::uint64_t p = test::mallocIn(sim, pid, 100); // 1
        QVERIFY(!test::access(sim, pid, p, 100, true).error); // 2
        const std::uint64_t big = test::mmapAnon(sim, pid, 64 * KiB); // 3
        QVERIFY(!test::access(sim, pid, big, 8192, true).error); // 4
        m_mallocArg = sim.commands().size();
        QVERIFY(test::mallocIn(sim, pid, 64)); // 5
        Command f = vmCommand(CommandType::Free, pid); // 6
        f.addr = p;
        QVERIFY(!sim.apply(f).error);
        Command sleep = vmCommand(CommandType::Sleep, 0); // 7
        sleep.len = 1500000000;
        QVERIFY(!sim.apply(sleep).error);
        SessionData d = sessionFromSimulator(sim, sim.commandStart(3));
        fillUi(d, QStringLiteral("spawn('lab');\n"), QStringLiteral("lab.js"), { { QStringLiteral("a"), 5 } });
        m_base = sessionToJson(d);
        // The base itself opens.
        auto ok = sessionFromJson(m_base, QStringLiteral("base.memviz"));
        if (auto* e = std::get_if<SessionError>(&ok)) QFAIL(qPrintable(e->message()));
        QCOMPARE(std::get<LoadedSession>(ok).sim.eventCount(), sim.eventCount());
    }

    void demosRoundTrip_data()
    {
        QTest::addColumn<QString>("demo");
        const QDir dir(QStringLiteral(MEMVIZ_SOURCE_DIR "/resources/demos"));
        const QStringList demos = dir.entryList({ QStringLiteral("*.js") }, QDir::Files, QDir::Name);
        QVERIFY(demos.size() >= 20);
        for (const QString& f : demos) QTest::newRow(qPrintable(f)) << QFileInfo(f).completeBaseName();
    }

    void demosRoundTrip()
    {
        // Each bundled demo run as the window runs it, saved at a chapter, opened and
        // rebuilt: the same config, commands and events, byte for byte.
        QFETCH(QString, demo);
        // Millions of events each: under the sanitizers (and the checker after every
        // command) they take minutes, so only optimised builds replay them.
        if (test::kSlowBuild
            && (demo == QLatin1String("thrashing") || demo == QLatin1String("hugetlb-fork")
                || demo == QLatin1String("swap")))
            QSKIP("millions of events: replayed in optimised builds only");
        QFile f(QStringLiteral(MEMVIZ_SOURCE_DIR "/resources/demos/%1.js").arg(demo));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString source = QString::fromUtf8(f.readAll());
        ScriptEngine e;
        e.setTimeoutMs(120000);
        const auto r = e.run(source, demo + QStringLiteral(".js"), nullptr, test::config("x86-64"));
        QVERIFY2(r.ok, qPrintable(r.errorLine()));
        QVERIFY(r.sim && r.sim->eventCount() > 0);
        const std::uint64_t cursor = r.shots.empty() ? r.sim->eventCount() : r.shots[r.shots.size() / 2].cursor;
        SessionData d = sessionFromSimulator(*r.sim, cursor);
        fillUi(d, source, QStringLiteral(":/demos/%1.js").arg(demo), r.shots);
        QTemporaryDir dir;
        roundTrip(*r.sim, d, dir.path());
        if (QTest::currentTestFailed()) return;
        if (demo == QLatin1String("buddy") || demo == QLatin1String("textbook-2level")
            || demo == QLatin1String("numa")) {
            // The events.jsonl the headless exporter writes is the same, byte for byte.
            auto loaded = loadSession(dir.filePath(QStringLiteral("session.memviz")));
            QVERIFY(std::holds_alternative<LoadedSession>(loaded));
            QCOMPARE(eventsJsonl(std::get<LoadedSession>(loaded).sim), eventsJsonl(*r.sim));
        }
    }

    void machinesRoundTrip_data()
    {
        QTest::addColumn<int>("kind");
        QTest::newRow("textbook 2-level, 32-byte pages") << 0;
        QTest::newRow("NUMA, SLUB, FIFO TLB, tuned sysctls") << 1;
        QTest::newRow("x86-32 HighMem, kmap") << 2;
        QTest::newRow("fresh machine, no commands") << 3;
    }

    void machinesRoundTrip()
    {
        QFETCH(int, kind);
        MachineConfig c;
        if (kind == 0) {
            auto spec = ArchSpec::makeCustom(32, { 5, 5 }, 1, 7, 0, 7, 4096);
            QVERIFY(std::holds_alternative<ArchSpec>(spec));
            c.preset = "custom";
            c.arch = std::get<ArchSpec>(spec);
            c.ramBytes = 4096;
            c.swapBytes = 0;
        } else if (kind == 1) {
            c = test::withNumaNodes(test::config("x86-64"),
                { QStringLiteral("512M"), QStringLiteral("256M"), QStringLiteral("256M") },
                QStringLiteral("10,21,31;21,10,17;31,17,10"), QStringLiteral("110"), 6);
            c.slab = SlabKind::Slub;
            c.tlb = TlbConfig { 8, 2, 4, 2, 1, false };
            c.seed = 0xfedcba9876543210ull; // above 2^53: must survive as a decimal string
            c.hostname = "labor-Rechner-实验";
            c.swapName = "/swapfile";
            c.swapBytes = 256 * MiB;
            c.bootEpoch = 1700000000;
            c.bootReservedBytes = 3 * MiB;
            c.sysctl.minFreeKbytes = 8192;
            c.sysctl.watermarkScaleFactor = 150;
            c.sysctl.lowmemReserveRatio[1] = 128;
            c.sysctl.thp = ThpMode::Never;
            c.sysctl.overcommitMemory = 1;
            c.sysctl.overcommitRatio = 80;
            c.sysctl.overcommitKbytes = 123456;
            c.sysctl.swappiness = 133;
            c.sysctl.panicOnOom = 0;
            c.sysctl.oomKillAllocatingTask = 1;
        } else if (kind == 2) {
            c = test::config("x86-32");
        } else {
            c = test::config("x86-pae", "1G");
        }
        auto created = Simulator::create(c);
        QVERIFY(std::holds_alternative<Simulator>(created));
        Simulator sim = std::get<Simulator>(std::move(created));
        auto must = [&](const Command& cmd) {
            const CommandResult r = sim.apply(cmd);
            if (r.error)
                qFatal("refused: %s %s", std::string(commandTypeName(cmd.type)).c_str(), errorCodeName(r.error.code));
            return r;
        };
        if (kind == 0) {
            Command w = vmCommand(CommandType::PhysWrite, 0);
            w.addr = 108 * 32 + 24;
            w.data = std::string("\xa1\x00\xff", 3); // binary bytes, a NUL among them
            must(w);
            Command base = vmCommand(CommandType::SetPageTableBase, 0);
            base.pfn = 108;
            must(base);
            Command t = vmCommand(CommandType::Translate, 0);
            t.addr = 0x611c;
            must(t);
            // A refused command leaves no trace in the log.
            Command bad = vmCommand(CommandType::PhysWrite, 0);
            bad.addr = 5000;
            bad.data = "x";
            QVERIFY(sim.apply(bad).error);
        } else if (kind == 1) {
            Command sp = vmCommand(CommandType::Spawn, 0);
            sp.text = "numa-prog";
            sp.node = 1;
            const auto pid = static_cast<std::uint32_t>(must(sp).value);
            Command m = vmCommand(CommandType::Malloc, pid);
            m.len = 3 * MiB;
            const std::uint64_t p = must(m).value;
            Command a = vmCommand(CommandType::Access, pid);
            a.addr = p;
            a.len = 4;
            a.write = true;
            a.data = std::string("\x00\x01\xfe\xff", 4);
            must(a);
            Command adj = vmCommand(CommandType::SetOomScoreAdj, pid);
            adj.addr = static_cast<std::uint64_t>(std::int64_t(-500)); // int64 in a uint64 field
            must(adj);
            Command km = vmCommand(CommandType::Kmalloc, 0);
            km.len = 100;
            km.node = 2;
            const std::uint64_t obj = must(km).value;
            QVERIFY(obj > (1ull << 53));
            Command kf = vmCommand(CommandType::Kfree, 0);
            kf.addr = obj;
            must(kf);
            Command fc = vmCommand(CommandType::FileCreate, 0);
            fc.text = "données.bin";
            fc.len = 5000;
            fc.data = std::string("\x89PNG\r\n\x1a\n\x00", 9);
            must(fc);
            Command so = vmCommand(CommandType::SwapOn, 0);
            so.text = "/swap2";
            so.len = 64 * MiB;
            so.write = true;
            so.addr = 5;
            must(so);
            Command sc = vmCommand(CommandType::SetSysctl, 0);
            sc.text = "vm.swappiness";
            sc.len = 10;
            must(sc);
            must(Command::allocPages(3, ZoneType::DMA32));
            QVERIFY(sim.apply(Command::freePages(1, 0)).error); // refused: not recorded
        } else if (kind == 2) {
            const CommandResult blk = must(Command::allocPages(0, ZoneType::HighMem));
            Command k = vmCommand(CommandType::Kmap, 0);
            k.pfn = *blk.pfn;
            must(k);
            k.write = true; // kmap_local_page
            const std::uint64_t local = must(k).value;
            Command u = vmCommand(CommandType::Kunmap, 0);
            u.write = true;
            u.addr = local;
            must(u);
        }
        const std::uint64_t cursor = sim.eventCount() / 2;
        SessionData d = sessionFromSimulator(sim, cursor);
        // Text that JSON must escape, characters outside the BMP, CJK.
        fillUi(d, QStringLiteral("// 😀 \"quotes\" back\\slash\ttab\x01 中文 \u2028\n"),
            QStringLiteral("/tmp/我的 script.js"), { { QStringLiteral("chapter \"1\" 😀"), cursor } });
        d.language.clear();
        d.theme = QStringLiteral("light");
        d.visibleDocks.clear();
        d.centreView.clear();
        QTemporaryDir dir;
        roundTrip(sim, d, dir.path());
        if (kind == 1) {
            const QByteArray bytes = sessionToJson(d);
            QVERIFY(bytes.contains("\"seed\": \"18364758544493064720\""));
            QVERIFY(bytes.contains("\"addr\": \"18446744073709551116\"")); // oom_score_adj -500
        }
    }

    void savingTwiceGivesTheSameBytes()
    {
        auto parsed = parseSession(m_base, QStringLiteral("base.memviz"));
        QVERIFY(std::holds_alternative<SessionData>(parsed));
        const SessionData& d = std::get<SessionData>(parsed);
        const QString a = m_dir.filePath(QStringLiteral("a.memviz")), b = m_dir.filePath(QStringLiteral("b.memviz"));
        QCOMPARE(saveSession(a, d), QString());
        QCOMPARE(saveSession(b, d), QString());
        QCOMPARE(readAll(a), m_base);
        QCOMPARE(readAll(b), m_base);
        // Overwriting a session replaces it whole.
        QVERIFY(writeAll(a, QByteArray(100000, 'x')));
        QCOMPARE(saveSession(a, d), QString());
        QCOMPARE(readAll(a), m_base);
        // The documented header, keys in their documented order.
        QVERIFY(
            m_base.startsWith("{\n  \"format\": \"memviz-session\",\n  \"version\": 1,\n  \"memviz\": \"" MEMVIZ_VERSION
                              "\",\n  \"config\": {"));
    }

    void runsBeyondTheReadersLimitsAreRefusedWhenSaved_data()
    {
        QTest::addColumn<int>("what");
        QTest::addColumn<QString>("place");
        QTest::newRow("a process name of 2^20 + 1 characters") << 0 << QStringLiteral("commands[");
        QTest::newRow("a chapter name of 2^16 + 1 characters") << 1 << QStringLiteral("player.chapters[0].name");
    }

    void runsBeyondTheReadersLimitsAreRefusedWhenSaved()
    {
        // The simulator takes them, the reader would not: saving says so, naming the place,
        // and the file already there stays as it was (also when running as root).
        QFETCH(int, what);
        QFETCH(QString, place);
        Simulator sim = test::boot("x86-64", "256M");
        SessionData d;
        if (what == 0) {
            const std::string longName((1 << 20) + 1, 'x');
            QVERIFY(test::spawn(sim, longName.c_str()));
            d = sessionFromSimulator(sim, sim.eventCount());
        } else {
            d = sessionFromSimulator(sim, sim.eventCount());
            fillUi(d, QString(), QString(), { { QString((1 << 16) + 1, u'c'), 0 } });
        }
        const QString kept = m_dir.filePath(QStringLiteral("kept-%1.memviz").arg(what));
        QVERIFY(writeAll(kept, "old contents"));
        const QString msg = saveSession(kept, d);
        QVERIFY2(msg.contains(QStringLiteral("could not open it again")) && msg.contains(place)
                     && msg.contains(QStringLiteral("too long")),
            qPrintable(msg));
        QCOMPARE(readAll(kept), QByteArray("old contents"));
    }

    void chaptersPastTheEndAreDropped()
    {
        auto parsed = parseSession(m_base, QStringLiteral("base.memviz"));
        SessionData d = std::get<SessionData>(parsed);
        d.chapters = { { QStringLiteral("in"), d.eventCount }, { QStringLiteral("gone"), d.eventCount + 1 } };
        d.cursor = d.eventCount + 10;
        auto again = parseSession(sessionToJson(d), QStringLiteral("x.memviz"));
        QVERIFY(std::holds_alternative<SessionData>(again));
        const SessionData& e = std::get<SessionData>(again);
        QCOMPARE(e.chapters.size(), std::size_t(1));
        QCOMPARE(e.chapters[0].name, QStringLiteral("in"));
        QCOMPARE(e.cursor, d.eventCount);
    }

    void damagedFilesAreRefused_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("place"); // the error's place, exactly
        QTest::addColumn<QString>("reason"); // a part of the reason
        const QByteArray b = m_base;
        const QString m = QString::number(m_mallocArg);
        QTest::newRow("empty file") << QByteArray() << QString() << QStringLiteral("empty");
        QTest::newRow("only white space") << QByteArray(" \n\t\n") << QString() << QStringLiteral("empty");
        QTest::newRow("not JSON") << QByteArray("memviz session\n") << QStringLiteral("line 1, column 1")
                                  << QStringLiteral("not valid JSON");
        QTest::newRow("JSON error on line 3")
            << QByteArray("{\n  \"format\": \"memviz-session\",\n  \"version\" 1\n}")
            << QStringLiteral("line 3, column 13") << QStringLiteral("not valid JSON");
        QTest::newRow("JSON array") << QByteArray("[1, 2, 3]") << QStringLiteral("the top level")
                                    << QStringLiteral("a list");
        QTest::newRow("binary garbage") << QByteArray("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe", 18) << QString()
                                        << QStringLiteral("not text");
        QTest::newRow("truncated (half)") << b.left(b.size() / 2) << QString() << QStringLiteral("truncated");
        QTest::newRow("truncated (last byte)") << b.left(b.size() - 2) << QString() << QStringLiteral("truncated");
        QTest::newRow("no format") << edited(b, QStringLiteral("format"), QJsonValue::Undefined)
                                   << QStringLiteral("format") << QStringLiteral("not a memviz session");
        QTest::newRow("wrong format") << edited(b, QStringLiteral("format"), QStringLiteral("memviz-exercise"))
                                      << QStringLiteral("format") << QStringLiteral("not a memviz session");
        QTest::newRow("version 2") << edited(b, QStringLiteral("version"), 2) << QStringLiteral("version")
                                   << QStringLiteral(
                                          "made by a newer memviz (format version 2); this memviz reads version 1");
        QTest::newRow("version 0") << edited(b, QStringLiteral("version"), 0) << QStringLiteral("version")
                                   << QStringLiteral("out of range");
        QTest::newRow("version \"1\"") << edited(b, QStringLiteral("version"), QStringLiteral("1"))
                                       << QStringLiteral("version") << QStringLiteral("expected a whole number");
        QTest::newRow("missing config") << edited(b, QStringLiteral("config"), QJsonValue::Undefined)
                                        << QStringLiteral("config") << QStringLiteral("missing");
        QTest::newRow("missing commands") << edited(b, QStringLiteral("commands"), QJsonValue::Undefined)
                                          << QStringLiteral("commands") << QStringLiteral("missing");
        QTest::newRow("commands[3].len a number")
            << edited(b, QStringLiteral("commands.3.len"), 65536) << QStringLiteral("commands[3].len")
            << QStringLiteral("decimal string");
        QTest::newRow("commands[3].len missing") << edited(b, QStringLiteral("commands.3.len"), QJsonValue::Undefined)
                                                 << QStringLiteral("commands[3].len") << QStringLiteral("missing");
        QTest::newRow("commands[2].addr negative")
            << edited(b, QStringLiteral("commands.2.addr"), QStringLiteral("-4096"))
            << QStringLiteral("commands[2].addr") << QStringLiteral("out of range");
        QTest::newRow("commands[2].addr 2^64")
            << edited(b, QStringLiteral("commands.2.addr"), QStringLiteral("18446744073709551616"))
            << QStringLiteral("commands[2].addr") << QStringLiteral("out of range");
        QTest::newRow("commands[2].addr hex") << edited(b, QStringLiteral("commands.2.addr"), QStringLiteral("0x1000"))
                                              << QStringLiteral("commands[2].addr") << QStringLiteral("decimal string");
        QTest::newRow("commands[0].pid huge") << edited(b, QStringLiteral("commands.0.pid"), 1e20)
                                              << QStringLiteral("commands[0].pid") << QStringLiteral("out of range");
        QTest::newRow("commands[0].pid fraction")
            << edited(b, QStringLiteral("commands.0.pid"), 2.5) << QStringLiteral("commands[0].pid")
            << QStringLiteral("whole number");
        QTest::newRow("config.cpus negative") << edited(b, QStringLiteral("config.cpus"), -3)
                                              << QStringLiteral("config.cpus") << QStringLiteral("out of range");
        QTest::newRow("commands[1].op unknown")
            << edited(b, QStringLiteral("commands.1.op"), QStringLiteral("teleport"))
            << QStringLiteral("commands[1].op") << QStringLiteral("\"alloc_pages\"");
        QTest::newRow("commands[2].data not base64")
            << edited(b, QStringLiteral("commands.2.data"), QStringLiteral("*not base64*"))
            << QStringLiteral("commands[2].data") << QStringLiteral("base64");
        QTest::newRow("commands[4] not an object") << edited(b, QStringLiteral("commands.4"), true)
                                                   << QStringLiteral("commands[4]") << QStringLiteral("an object");
        QTest::newRow("ram 0") << edited(b, QStringLiteral("config.ramBytes"), QStringLiteral("0"))
                               << QStringLiteral("config.ramBytes") << QStringLiteral("too small");
        QTest::newRow("swap 1 TiB") << edited(b, QStringLiteral("config.swapBytes"), QStringLiteral("1099511627776"))
                                    << QStringLiteral("config.swapBytes") << QString();
        QTest::newRow("swappiness 300") << edited(b, QStringLiteral("config.sysctl.swappiness"), 300)
                                        << QStringLiteral("config.sysctl.swappiness") << QStringLiteral("out of range");
        QTest::newRow("tlb ways 3") << edited(b, QStringLiteral("config.tlb.ways"), 3) << QStringLiteral("config.tlb")
                                    << QString();
        QTest::newRow("thp sometimes") << edited(b, QStringLiteral("config.sysctl.thp"), QStringLiteral("sometimes"))
                                       << QStringLiteral("config.sysctl.thp") << QStringLiteral("\"madvise\"");
        QTest::newRow("arch tampered") << edited(b, QStringLiteral("config.arch.pageShift"), 13)
                                       << QStringLiteral("config.arch.pageShift")
                                       << QStringLiteral("x86-64 architecture");
        QTest::newRow("arch level renamed")
            << edited(b, QStringLiteral("config.arch.levels.1.name"), QStringLiteral("P4D"))
            << QStringLiteral("config.arch.levels[1].name") << QStringLiteral("\"PUD\"");
        QTest::newRow("arch unknown") << edited(b, QStringLiteral("config.arch.name"), QStringLiteral("riscv"))
                                      << QStringLiteral("config.arch.name") << QStringLiteral("unknown architecture");
        QTest::newRow("distance matrix without nodes")
            << edited(b, QStringLiteral("config.distance"), QJsonArray { QJsonArray { 10, 20 }, QJsonArray { 20, 10 } })
            << QStringLiteral("config.distance") << QStringLiteral("one row per NUMA node");
        QTest::newRow("NUMA node too small")
            << edited(edited(b, QStringLiteral("config.numaNodes"),
                          QJsonArray { QJsonObject { { QStringLiteral("ramBytes"), QStringLiteral("201326592") },
                                           { QStringLiteral("hasCpus"), true } },
                              QJsonObject { { QStringLiteral("ramBytes"), QStringLiteral("1048576") },
                                  { QStringLiteral("hasCpus"), false } } }),
                   QStringLiteral("config.ramBytes"), QStringLiteral("202375168"))
            << QStringLiteral("config.numaNodes[1].ramBytes") << QStringLiteral("at least 64 MiB");
        QTest::newRow("events.count wrong") << edited(b, QStringLiteral("events.count"), QStringLiteral("5"))
                                            << QStringLiteral("events.count") << QStringLiteral("add up to");
        QTest::newRow("cursor past the end") << edited(b, QStringLiteral("player.cursor"), QStringLiteral("99999999"))
                                             << QStringLiteral("player.cursor") << QStringLiteral("out of range");
        QTest::newRow("chapter past the end")
            << edited(b, QStringLiteral("player.chapters.0.cursor"), QStringLiteral("99999999"))
            << QStringLiteral("player.chapters[0].cursor") << QStringLiteral("out of range");
        QTest::newRow("window state not base64") << edited(b, QStringLiteral("window.state"), QStringLiteral("é"))
                                                 << QStringLiteral("window.state") << QStringLiteral("base64");
        QTest::newRow("dock listed twice") << edited(
            b, QStringLiteral("window.visibleDocks"), QJsonArray { QStringLiteral("events"), QStringLiteral("events") })
                                           << QStringLiteral("window.visibleDocks[1]") << QStringLiteral("twice");
        QTest::newRow("centre view id") << edited(b, QStringLiteral("window.centreView"), QStringLiteral("Walk View"))
                                        << QStringLiteral("window.centreView") << QStringLiteral("view id");
        QTest::newRow("theme") << edited(b, QStringLiteral("ui.theme"), QStringLiteral("pink"))
                               << QStringLiteral("ui.theme") << QStringLiteral("\"dark\"");
        QTest::newRow("language") << edited(b, QStringLiteral("ui.language"), QStringLiteral("fr"))
                                  << QStringLiteral("ui.language") << QStringLiteral("\"zh_CN\"");
        QTest::newRow("strings missing") << edited(b, QStringLiteral("strings"), QJsonValue::Undefined)
                                         << QStringLiteral("strings") << QStringLiteral("missing");
        QTest::newRow("strings[0] not empty") << edited(b, QStringLiteral("strings.0"), QStringLiteral("x"))
                                              << QStringLiteral("strings[0]") << QStringLiteral("must be empty");
        QTest::newRow("strings: a name twice") << edited(b, QStringLiteral("strings.2"),
            QJsonDocument::fromJson(b).object().value(QStringLiteral("strings")).toArray().at(1))
                                               << QStringLiteral("strings[2]") << QStringLiteral("listed twice");
        // Files that parse but do not replay.
        QTest::newRow("strings: a boot name changed")
            << edited(b, QStringLiteral("strings.1"), QStringLiteral("not-from-boot")) << QStringLiteral("strings[1]")
            << QStringLiteral("a fresh boot");
        QTest::newRow("strings: a name removed") << [&] {
            QJsonObject root = QJsonDocument::fromJson(b).object();
            QJsonArray names = root.value(QStringLiteral("strings")).toArray();
            for (qsizetype i = 1; i < names.size(); ++i)
                if (names[i] == QStringLiteral("lab")) names.removeAt(i); // the process's name gets another id
            root[QStringLiteral("strings")] = names;
            return QJsonDocument(root).toJson();
        }() << QStringLiteral("events.fnv1a64") << QStringLiteral("differ from the recorded ones");
        QTest::newRow("tampered len: more events")
            << edited(b, QStringLiteral("commands.4.len"), QStringLiteral("16384")) << QStringLiteral("commands[4]")
            << QStringLiteral("events, but the file records");
        QTest::newRow("tampered len: same events, other content")
            << edited(b, QStringLiteral("commands.%1.len").arg(m), QStringLiteral("300"))
            << QStringLiteral("events.fnv1a64") << QStringLiteral("differ from the recorded ones");
        QTest::newRow("tampered checksum")
            << edited(b, QStringLiteral("events.fnv1a64"), QStringLiteral("12345")) << QStringLiteral("events.fnv1a64")
            << QStringLiteral("differ from the recorded ones");
        QTest::newRow("refused on replay")
            << edited(b, QStringLiteral("commands.6.addr"), QStringLiteral("4096")) << QStringLiteral("commands[6]")
            << QStringLiteral("refused when the run is rebuilt");
        QTest::newRow("a command removed") <<
            [&] {
                QJsonObject root = QJsonDocument::fromJson(b).object();
                QJsonArray cmds = root.value(QStringLiteral("commands")).toArray();
                cmds.removeAt(4);
                root[QStringLiteral("commands")] = cmds;
                return QJsonDocument(root).toJson();
            }() << QStringLiteral("events.count")
                                           << QStringLiteral("add up to");
    }

    void damagedFilesAreRefused()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, place);
        QFETCH(QString, reason);
        const QString path = m_dir.filePath(QStringLiteral("damaged session.memviz"));
        QVERIFY(writeAll(path, bytes));
        auto r = loadSession(path);
        QVERIFY2(std::holds_alternative<SessionError>(r), "a damaged file was accepted");
        const SessionError& e = std::get<SessionError>(r);
        const QString msg = e.message();
        if (QByteArray(QTest::currentDataTag()).startsWith("truncated")) {
            QVERIFY2(e.place.startsWith(QStringLiteral("line ")), qPrintable(msg));
        } else {
            QCOMPARE(e.place, place);
        }
        QVERIFY2(msg.contains(QDir::toNativeSeparators(path)), qPrintable(msg));
        if (!e.place.isEmpty())
            QVERIFY2(msg.contains(QStringLiteral("at ") + e.place + QStringLiteral(": ")), qPrintable(msg));
        QVERIFY2(msg.contains(reason), qPrintable(msg));
        QVERIFY(!e.reason.isEmpty());
        // The file itself is left alone.
        QCOMPARE(readAll(path), bytes);
    }

    void unreadableAndUnwritablePaths()
    {
        // A file that does not exist.
        const QString missing = m_dir.filePath(QStringLiteral("nowhere/missing.memviz"));
        auto r = loadSession(missing);
        QVERIFY(std::holds_alternative<SessionError>(r));
        QString msg = std::get<SessionError>(r).message();
        QVERIFY2(msg.contains(QDir::toNativeSeparators(missing)) && msg.contains(QStringLiteral("no such file")),
            qPrintable(msg));
        // A folder.
        const QString folder = m_dir.filePath(QStringLiteral("folder.memviz"));
        QVERIFY(QDir().mkpath(folder));
        r = loadSession(folder);
        QVERIFY(std::holds_alternative<SessionError>(r));
        msg = std::get<SessionError>(r).message();
        QVERIFY2(
            msg.contains(QDir::toNativeSeparators(folder)) && msg.contains(QStringLiteral("folder")), qPrintable(msg));

        const SessionData d = std::get<SessionData>(parseSession(m_base, QStringLiteral("base")));
        // Saving onto a folder, or into a folder that does not exist.
        msg = saveSession(folder, d);
        QVERIFY2(msg.contains(QDir::toNativeSeparators(folder)) && msg.contains(QStringLiteral("Cannot save")),
            qPrintable(msg));
        QVERIFY(QFileInfo(folder).isDir());
        msg = saveSession(missing, d);
        QVERIFY2(msg.contains(QDir::toNativeSeparators(missing)), qPrintable(msg));
        QVERIFY(!QFileInfo::exists(missing));
        // A read-only folder: the old file stays as it was.
        const QString ro = m_dir.filePath(QStringLiteral("readonly"));
        QVERIFY(QDir().mkpath(ro));
        const QString kept = ro + QStringLiteral("/kept.memviz");
        QVERIFY(writeAll(kept, "old contents"));
        QVERIFY(QFile::setPermissions(ro, QFileDevice::ReadOwner | QFileDevice::ExeOwner));
        const bool canStillWrite = QFileInfo(ro).isWritable(); // running as root
        msg = saveSession(kept, d);
        QFile::setPermissions(ro, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        if (!canStillWrite) {
            QVERIFY2(msg.contains(QDir::toNativeSeparators(kept)), qPrintable(msg));
            QCOMPARE(readAll(kept), QByteArray("old contents"));
        }
    }

    void openingIntoALiveSession()
    {
        // How the window opens a file: adopt the rebuilt run on success, keep the open
        // session on any error.
        ViewContext ctx;
        Session session(&ctx);
        QVERIFY(!session.newMachine(test::config("x86-64", "64M")));
        QVERIFY(!session.runCommand(Command::allocPages(3)).error);
        session.toEnd();
        const std::uint64_t before = session.simulator()->eventCount();
        const QString bad = m_dir.filePath(QStringLiteral("bad.memviz"));
        QVERIFY(writeAll(bad, m_base.left(m_base.size() / 3)));
        auto open = [&](const QString& path) {
            auto r = loadSession(path);
            if (auto* l = std::get_if<LoadedSession>(&r)) {
                session.adopt(std::move(l->sim), l->data.cursor);
                return QString();
            }
            return std::get<SessionError>(r).message();
        };
        QVERIFY(!open(bad).isEmpty());
        QCOMPARE(session.simulator()->eventCount(), before);
        QCOMPARE(session.simulator()->commands().size(), std::size_t(1));
        QCOMPARE(session.cursor(), before);

        const QString good = m_dir.filePath(QStringLiteral("good.memviz"));
        QVERIFY(writeAll(good, m_base));
        QCOMPARE(open(good), QString());
        const SessionData d = std::get<SessionData>(parseSession(m_base, good));
        QCOMPARE(session.simulator()->eventCount(), d.eventCount);
        QCOMPARE(session.cursor(), d.cursor);
        QCOMPARE(ctx.cursor(), d.cursor);
        QVERIFY(session.simulator()->config().ramBytes == 256 * MiB);
        // Commands typed after opening continue the rebuilt run.
        session.toEnd();
        QVERIFY(!session.runCommand(Command::allocPages(0)).error);
        QCOMPARE(session.simulator()->commands().size(), d.commands.size() + 1);
    }

    void checksumFollowsItsDefinition()
    {
        // FNV-1a 64 over each event's fields as little-endian bytes, as SessionFile.h documents.
        auto loaded = sessionFromJson(m_base, QStringLiteral("base"));
        QVERIFY(std::holds_alternative<LoadedSession>(loaded));
        const Simulator& sim = std::get<LoadedSession>(loaded).sim;
        QByteArray bytes;
        auto put = [&bytes](std::uint64_t v, int n) {
            for (int i = 0; i < n; ++i) bytes.append(static_cast<char>((v >> (8 * i)) & 0xFF));
        };
        for (std::uint64_t i = 0; i < sim.eventCount(); ++i) {
            const Event& e = sim.events()[i];
            put(static_cast<std::uint64_t>(e.type), 2);
            put(e.zone, 1);
            put(e.order, 1);
            put(e.cmd, 4);
            put(e.flags, 4);
            put(e.pid, 4);
            put(e.time, 8);
            put(e.pfn, 8);
            put(e.a, 8);
            put(e.b, 8);
            put(e.c, 8);
        }
        QCOMPARE(bytes.size(), qsizetype(sim.eventCount() * 56));
        QCOMPARE(sessionEventChecksum(sim), fnv1a(bytes));
        QVERIFY(m_base.contains(QByteArray(QByteArray("\"fnv1a64\": \"") + QByteArray::number(fnv1a(bytes)) + '"')));
        // Another run has another checksum.
        Simulator other = sim;
        other.truncate(other.commands().size() - 1);
        QVERIFY(sessionEventChecksum(other) != sessionEventChecksum(sim));
    }

    void discardedFuturesKeepTheirNames()
    {
        // Names are interned in a table shared by every copy of a run: a future cut off by
        // stepping back, or a script that failed on a staging copy, leaves its names there,
        // and later names get later ids. The session keeps the table so the rebuilt run's
        // events carry the same ids.
        Simulator sim = test::boot("x86-64", "256M");
        test::spawn(sim, "first");
        test::spawn(sim, "discarded");
        sim.truncate(1);
        {
            Simulator staging = sim; // a script that failed after spawning
            test::spawn(staging, "failed-script");
        }
        const std::uint32_t pid = test::spawn(sim, "kept");
        Command fc = vmCommand(CommandType::FileCreate, 0);
        fc.text = "notes.txt";
        fc.len = 10;
        fc.data = "0123456789";
        QVERIFY(!sim.apply(fc).error);
        Command mm = vmCommand(CommandType::Mmap, pid);
        mm.len = 4096;
        mm.prot = Prot::Read;
        mm.mapFlags = MapFlag::Private;
        mm.text = "notes.txt";
        QVERIFY(!sim.apply(mm).error);

        // Replayed on a fresh table, the ids would differ: the check below is not vacuous.
        Simulator naive = test::boot("x86-64", "256M");
        for (const Command& c : sim.commands()) QVERIFY(!naive.apply(c).error);
        QCOMPARE(naive.eventCount(), sim.eventCount());
        QVERIFY(!eventsDiff(naive, sim).isEmpty());
        QCOMPARE(eventsJsonl(naive), eventsJsonl(sim)); // the same names, other ids

        SessionData d = sessionFromSimulator(sim, sim.eventCount());
        QTemporaryDir dir;
        roundTrip(sim, d, dir.path());
    }
};

QTEST_MAIN(TestSessionFile)
#include "tst_sessionfile.moc"
