// The headless runner, end to end: output, events.jsonl, PNGs, exit codes, --help.
#include <QImage>
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

    void helpDocumentsOptions()
    {
        QByteArray out;
        QCOMPARE(run({QStringLiteral("--help")}, &out), 0);
        for (const char* opt : {"--headless", "--script", "--out", "--preset", "--ram", "--swap", "--seed", "--lang",
                                "--timeout"})
            QVERIFY2(out.contains(opt), opt);
    }
};

QTEST_MAIN(TestHeadless)
#include "tst_headless.moc"
