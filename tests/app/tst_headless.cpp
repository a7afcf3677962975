// The headless runner, end to end: output, events.jsonl, timeline.csv, PNGs, --animate's
// numbered frames and GIF, exit codes, --help.
#include <QDir>
#include <QImage>
#include <QImageReader>
#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <set>

class TestHeadless : public QObject {
    Q_OBJECT
    QTemporaryDir m_config;
    QString memviz() const { return QStringLiteral(MEMVIZ_BINARY_DIR "/app/memviz"); }
    QString demo() const { return QStringLiteral(MEMVIZ_SOURCE_DIR "/resources/demos/buddy.js"); }

    int run(const QStringList& args, QByteArray* out = nullptr, QByteArray* err = nullptr)
    {
        QProcess p;
        // Isolated settings: a language or theme chosen by whoever runs the suite must not leak in.
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_config.path());
        env.remove(QStringLiteral("LANGUAGE"));
        env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
        p.setProcessEnvironment(env);
        p.setProgram(memviz());
        p.setArguments(args);
        p.start();
        if (!p.waitForFinished(120000)) return -1;
        if (out) *out = p.readAllStandardOutput();
        if (err) *err = p.readAllStandardError();
        return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    }

private slots:
    void demoRunsDeterministically()
    {
        QTemporaryDir a, b;
        QByteArray outA, errA, outB;
        QCOMPARE(run({QStringLiteral("--headless"), QStringLiteral("--script"), demo(), QStringLiteral("--out"), a.path()},
                     &outA, &errA),
                 0);
        QVERIFY2(errA.isEmpty(), errA.constData());
        QVERIFY(outA.contains("Node 0, zone"));
        QCOMPARE(run({QStringLiteral("--headless"), QStringLiteral("--script"), demo(), QStringLiteral("--out"), b.path()},
                     &outB),
                 0);
        QCOMPARE(outA, outB);
        QFile ea(a.filePath(QStringLiteral("events.jsonl"))), eb(b.filePath(QStringLiteral("events.jsonl")));
        QVERIFY(ea.open(QIODevice::ReadOnly) && eb.open(QIODevice::ReadOnly));
        const QByteArray ja = ea.readAll();
        QVERIFY(ja.size() > 1000);
        QCOMPARE(ja, eb.readAll());
        const QList<QByteArray> lines = ja.split('\n');
        QVERIFY(lines.first().startsWith("{\"seq\":0,\"cmd\":0,\"type\":"));
        QVERIFY(ja.contains("\"type\":\"BuddySplit\""));
        // The timeline's columns beside the events, as deterministic as they are.
        QFile ta(a.filePath(QStringLiteral("timeline.csv"))), tb(b.filePath(QStringLiteral("timeline.csv")));
        QVERIFY(ta.open(QIODevice::ReadOnly) && tb.open(QIODevice::ReadOnly));
        const QByteArray csv = ta.readAll();
        QCOMPARE(csv, tb.readAll());
        QVERIFY2(csv.startsWith("time (s),Mem total (kB),Mem used (kB),"), csv.left(200).constData());
        QVERIFY(csv.contains("pgscank/s (/s)"));
        QVERIFY(csv.count("\r\n") >= 2); // the header and a sample at least
        QVERIFY(ja.contains("\"type\":\"BuddyMerge\""));

        // A PNG of every view for each shot and at the end, none of them blank.
        for (const QString& shot : {QStringLiteral("boot"), QStringLiteral("first-split"), QStringLiteral("fragmented"),
                                   QStringLiteral("final")})
            for (const QString& view : {QStringLiteral("buddy"), QStringLiteral("physical"), QStringLiteral("events")}) {
                const QString path = a.filePath(QStringLiteral("%1-%2.png").arg(shot, view));
                QImage img(path);
                QVERIFY2(!img.isNull(), qPrintable(path));
                std::set<QRgb> colours;
                for (int y = 0; y < img.height(); y += 7)
                    for (int x = 0; x < img.width(); x += 7) colours.insert(img.pixel(x, y));
                QVERIFY2(colours.size() > 4, qPrintable(path + QStringLiteral(" looks blank")));
            }
    }

    void scriptErrorExitsNonZero()
    {
        QTemporaryDir dir;
        const QString script = dir.filePath(QStringLiteral("bad.js"));
        QFile f(script);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("print('hello');\nkernel.alloc_pages(11);\n");
        f.close();
        QByteArray out, err;
        QCOMPARE(run({QStringLiteral("--headless"), QStringLiteral("--script"), script, QStringLiteral("--out"),
                      dir.filePath(QStringLiteral("o"))},
                     &out, &err),
                 1);
        QCOMPARE(out, QByteArray("hello\n"));
        QVERIFY2(err.contains("bad.js:2: "), err.constData());
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("o/events.jsonl"))));
    }

    void badOptions_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QByteArray>("message");
        QTest::newRow("preset") << QStringList{QStringLiteral("--preset"), QStringLiteral("vax")} << QByteArray("vax");
        QTest::newRow("ram") << QStringList{QStringLiteral("--ram"), QStringLiteral("lots")} << QByteArray("lots");
        QTest::newRow("ram small") << QStringList{QStringLiteral("--ram"), QStringLiteral("1M")} << QByteArray("too small");
        QTest::newRow("no script") << QStringList{} << QByteArray("--script");
    }

    void badOptions()
    {
        QFETCH(QStringList, args);
        QFETCH(QByteArray, message);
        QByteArray err;
        QStringList full{QStringLiteral("--headless")};
        if (!args.isEmpty()) full << QStringLiteral("--script") << demo();
        full << args;
        QCOMPARE(run(full, nullptr, &err), 2);
        QVERIFY2(err.contains(message), err.constData());
    }

    QStringList animateArgs(const QString& out, const QStringList& more) const
    {
        return QStringList{QStringLiteral("--headless"), QStringLiteral("--script"), demo(), QStringLiteral("--out"), out}
            + more;
    }

    void animateWritesFramesAndGif()
    {
        QTemporaryDir dir;
        QByteArray err;
        QCOMPARE(run(animateArgs(dir.path(), {QStringLiteral("--animate"), QStringLiteral("buddy"), QStringLiteral("--from"),
                                              QStringLiteral("3"), QStringLiteral("--to"), QStringLiteral("6"),
                                              QStringLiteral("--frames-per-step"), QStringLiteral("2"),
                                              QStringLiteral("--gif"), QStringLiteral("--fps"), QStringLiteral("5"),
                                              QStringLiteral("--size"), QStringLiteral("400x250")}),
                     nullptr, &err),
                 0);
        QVERIFY2(err.isEmpty(), err.constData());
        // Position 3 at rest, then the 3 steps to 6 in 2 pictures each, numbered so that they
        // sort, and the GIF.
        const QStringList pngs = QDir(dir.path()).entryList({QStringLiteral("buddy-*.png")}, QDir::Files, QDir::Name);
        QStringList expected;
        for (int k = 0; k < 7; ++k) expected << QStringLiteral("buddy-%1.png").arg(k, 6, 10, QLatin1Char('0'));
        QCOMPARE(pngs, expected);
        for (const QString& name : pngs) {
            const QImage img(dir.filePath(name));
            QCOMPARE(img.size(), QSize(400, 250));
            std::set<QRgb> colours;
            for (int y = 0; y < img.height(); y += 5)
                for (int x = 0; x < img.width(); x += 5) colours.insert(img.pixel(x, y));
            QVERIFY2(colours.size() > 4, qPrintable(name + QStringLiteral(" looks blank")));
        }
        QImageReader gif(dir.filePath(QStringLiteral("buddy.gif")), "gif");
        QVERIFY(gif.canRead());
        QCOMPARE(gif.imageCount(), 7);
        QCOMPARE(gif.size(), QSize(400, 250));
        QCOMPARE(gif.loopCount(), -1); // forever
        QImage first;
        QVERIFY(gif.read(&first));
        QCOMPARE(gif.nextImageDelay(), 200); // 5 fps
        // The usual outputs are there too.
        QVERIFY(QFile::exists(dir.filePath(QStringLiteral("events.jsonl"))));
        QVERIFY(QFile::exists(dir.filePath(QStringLiteral("timeline.csv"))));
        QVERIFY(QFile::exists(dir.filePath(QStringLiteral("final-buddy.png"))));
    }

    void animateInterruptedLeavesNothing()
    {
        // A kill (or Ctrl+C) while the pictures are drawn cancels the export: exit 130, no
        // pictures and no hidden staging folder left in --out.
        QTemporaryDir dir;
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_config.path());
        p.setProcessEnvironment(env);
        p.setProgram(memviz());
        p.setArguments(animateArgs(dir.path(), {QStringLiteral("--animate"), QStringLiteral("buddy"),
                                                QStringLiteral("--frames-per-step"), QStringLiteral("30"),
                                                QStringLiteral("--size"), QStringLiteral("640x400")}));
        p.start();
        QVERIFY(p.waitForStarted());
        const auto staging = [&] {
            return QDir(dir.path()).entryList({QStringLiteral(".memviz-export-*")}, QDir::Dirs | QDir::Hidden);
        };
        QElapsedTimer t;
        t.start();
        while (staging().isEmpty() && t.elapsed() < 60000 && p.state() == QProcess::Running) QTest::qWait(50);
        QVERIFY2(!staging().isEmpty(), "the export never started");
        QTest::qWait(300); // some pictures drawn
        p.terminate(); // SIGTERM
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), 130);
        QVERIFY(p.readAllStandardError().contains("interrupted"));
        QVERIFY(staging().isEmpty());
        QVERIFY(QDir(dir.path()).entryList({QStringLiteral("buddy-*.png"), QStringLiteral("buddy.gif")}, QDir::Files).isEmpty());
    }

    void animateRefusesBadInput_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QByteArrayList>("messages");
        QTest::newRow("unknown view") << QStringList{QStringLiteral("--animate"), QStringLiteral("bogus")}
                                      << QByteArrayList{"bogus", "buddy, walk, cow"};
        QTest::newRow("from past the end")
            << QStringList{QStringLiteral("--animate"), QStringLiteral("walk"), QStringLiteral("--from"),
                           QStringLiteral("99999999")}
            << QByteArrayList{"--animate walk", "99999999", "events"};
        QTest::newRow("to past the end")
            << QStringList{QStringLiteral("--animate"), QStringLiteral("buddy"), QStringLiteral("--from"),
                           QStringLiteral("3"), QStringLiteral("--to"), QStringLiteral("99999999")}
            << QByteArrayList{"--animate buddy", "--to 99999999 is past its end"};
        QTest::newRow("without --headless is caught by the parser")
            << QStringList{QStringLiteral("--from"), QStringLiteral("3")} << QByteArrayList{"--from needs --animate"};
    }
    void animateRefusesBadInput()
    {
        QFETCH(QStringList, args);
        QFETCH(QByteArrayList, messages);
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("o"));
        QByteArray err;
        QCOMPARE(run(animateArgs(out, args), nullptr, &err), 2);
        for (const QByteArray& m : messages) QVERIFY2(err.contains(m), err.constData());
        // Refused before anything is written: not even the folder is made.
        QVERIFY(!QFileInfo::exists(out));
    }

    void helpDocumentsOptions()
    {
        QByteArray out;
        QCOMPARE(run({QStringLiteral("--help")}, &out), 0);
        for (const char* opt : {"--headless", "--script", "--out", "--preset", "--ram", "--swap", "--seed", "--lang",
                                "--timeout", "--animate", "--from", "--to", "--gif", "--size", "--fps",
                                "--frames-per-step"})
            QVERIFY2(out.contains(opt), opt);
    }
};

QTEST_MAIN(TestHeadless)
#include "tst_headless.moc"
