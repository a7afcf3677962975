// The virtual-memory script API: process handles (malloc, touch, fork, mmap of files,
// exit), the glibc numbers of the notes, textbook machines driven at the level of raw
// memory, translate(), and bad input reported at the script's line with nothing changed.
#include "ScriptEngine.h"
#include "TestUtil.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QtTest>

using namespace memviz;

namespace {

ScriptOutcome runScript(ScriptEngine& e, const QString& src, const char* preset = "x86-64", const char* ram = "512M")
{
    return e.run(src, QStringLiteral("vm.js"), nullptr, test::config(preset, ram));
}

} // namespace

class TestScriptVm : public QObject {
    Q_OBJECT
private slots:
    void processHandle()
    {
        ScriptEngine e;
        // THP "never": one fault per 4 KiB page (seed-8g has "always", see tst_thp).
        const auto r = runScript(e, QStringLiteral(
                                        "sysctl('kernel.mm.transparent_hugepage.enabled', 2);\n"
                                        "const p = spawn('demand-paging');\n"
                                        "const vsz0 = p.vsz, rss0 = p.rss, flt0 = p.min_flt;\n"
                                        "const buf = p.malloc(100 * MiB);\n"
                                        "print(p.vsz - vsz0, p.rss - rss0);\n"
                                        "p.touch(buf, 100 * MiB, { step: 4096 });\n"
                                        "print(p.min_flt - flt0, p.rss - rss0, p.maj_flt);\n"
                                        "const c = p.fork();\n"
                                        "print(c.ppid == p.pid, c.min_flt, c.name);\n"
                                        "c.write(buf, 100 * MiB, { step: 4096 });\n"
                                        "print(c.min_flt);\n"
                                        "c.exit(); print(c.alive, p.alive);\n"),
                                 "seed-8g", nullptr);
        QVERIFY2(r.ok, qPrintable(r.errorLine()));
        QCOMPARE(r.output, QStringLiteral("102404 0\n25600 102400 0\ntrue 0 demand-paging\n25600\nfalse true\n"));
    }

    void filesAndMappings()
    {
        ScriptEngine e;
        const auto r = runScript(e, QStringLiteral(
                                        "files.create('testfile', 6, 'hello\\n');\n"
                                        "const p = spawn('filemap');\n"
                                        "const a = p.mmap(100 * MiB, PROT_READ | PROT_WRITE, MAP_SHARED, 'testfile');\n"
                                        "print(p.read(a, 5), p.maj_flt);\n"
                                        "p.write(a, 'HELLO');\n"
                                        "print(JSON.stringify(sh('cat testfile')));\n"
                                        "const q = spawn('other');\n"
                                        "const b = q.mmap(4096, 'rw', 'private', 'testfile');\n"
                                        "q.write(b, 'xy');\n"
                                        "print(q.read(b, 5), JSON.stringify(sh('cat testfile')), q.maj_flt);\n"));
        QVERIFY2(r.ok, qPrintable(r.errorLine()));
        QCOMPARE(r.output, QStringLiteral("hello 1\n\"HELLO\\n\"\nxyLLO \"HELLO\\n\" 0\n"));
    }

    void segvIsReportedLikeAShell()
    {
        ScriptEngine e;
        const auto r = runScript(e, QStringLiteral("const p = spawn('segv');\n"
                                                   "print('before invalid access');\n"
                                                   "const alive = p.write(0, [0, 0, 0, 0]);\n"
                                                   "print(alive, p.alive);\n"));
        QVERIFY2(r.ok, qPrintable(r.errorLine()));
        QCOMPARE(r.output, QStringLiteral("before invalid access\nSegmentation fault\nfalse false\n"));
    }

    void textbookMachine()
    {
        ScriptEngine e;
        const auto r = runScript(e, QStringLiteral(
                                        "machine({ arch: { pageSize: 32, levels: [5, 5], entryBytes: 1, validBit: 7, pfnBits: [0, 6] }, ram: 4096 });\n"
                                        "phys.write(108 * 32 + 24, [0xa1]);\n"
                                        "phys.write(33 * 32 + 8, [0xb5]);\n"
                                        "phys.write(53 * 32 + 28, [0x08, 0x09]);\n"
                                        "cpu.setPageTableBase(108);\n"
                                        "const r = cpu.translate(0x611c);\n"
                                        "print(r.ok, r.paddr, r.value, r.steps.length, r.steps[0].index, r.steps[1].entry);\n"
                                        "const f = cpu.translate(0x6000);\n"
                                        "print(f.ok, f.faultLevel);\n"
                                        "print(phys.read(53 * 32 + 28, 2));\n"));
        QVERIFY2(r.ok, qPrintable(r.errorLine()));
        QCOMPARE(r.output, QStringLiteral("true 1724 8 2 24 181\nfalse 1\n[8,9]\n"));
    }

    void translateReturnsTheWalk()
    {
        ScriptEngine e;
        const auto r = runScript(e, QStringLiteral("const p = spawn('t');\n"
                                                   "const a = p.malloc(1 * MiB);\n"
                                                   "p.touch(a, 1);\n"
                                                   "const w = translate(p.pid, a);\n"
                                                   "print(w.ok, w.steps.length, w.steps.map(s => s.name).join('/'));\n"
                                                   "print(translate(p, 0).ok);\n"));
        QVERIFY2(r.ok, qPrintable(r.errorLine()));
        QCOMPARE(r.output, QStringLiteral("true 4 PGD/PUD/PMD/PTE\nfalse\n"));
    }

    void replacementLab()
    {
        // Belady's anomaly from a script: FIFO on 1,2,3,4,1,2,5,1,2,3,4,5 misses 9 times with
        // 3 frames and 10 with 4.
        ScriptEngine e;
        const auto r = e.run(QStringLiteral("const refs = [1, 2, 3, 4, 1, 2, 5, 1, 2, 3, 4, 5];\n"
                                            "const a = lab.replacement({ policy: 'FIFO', frames: 3, refs });\n"
                                            "const b = lab.replacement({ policy: 'FIFO', frames: 4, refs });\n"
                                            "print(a.misses, b.misses, a.steps[3].victim, a.steps[3].frames.join(','), a.steps[0].victim);\n"),
                             QStringLiteral("lab.js"), nullptr, test::config("x86-64", "256M"));
        QVERIFY2(r.ok, qPrintable(r.errorLine()));
        QCOMPARE(r.output, QStringLiteral("9 10 1 4,2,3 null\n"));
    }

    void badInput_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("contains");
        QTest::newRow("size not a number") << QStringLiteral("const p = spawn('x');\n\np.malloc('lots');\n") << 3 << QStringLiteral("lots");
        QTest::newRow("unknown pid") << QStringLiteral("\nprocess(4242);\n") << 2 << QStringLiteral("4242");
        QTest::newRow("dead process") << QStringLiteral("const p = spawn('x');\np.exit();\np.malloc(10);\n") << 3
                                      << QStringLiteral("malloc()");
        QTest::newRow("free twice") << QStringLiteral("const p = spawn('x');\nconst a = p.malloc(1 << 20);\np.free(a);\np.free(a);\n")
                                    << 4 << QStringLiteral("free()");
        QTest::newRow("unknown file") << QStringLiteral("const p = spawn('x');\np.mmap(4096, 'r', 'shared', 'nofile');\n") << 2
                                      << QStringLiteral("nofile");
        QTest::newRow("spec bits") << QStringLiteral("machine({ arch: { pageSize: 32, levels: [5, 5], entryBytes: 1, validBit: 9, pfnBits: [0, 6] }, ram: 4096 });\n")
                                   << 1 << QStringLiteral("machine()");
        QTest::newRow("phys past end") << QStringLiteral("machine({ arch: { pageSize: 32, levels: [5, 5], entryBytes: 1, validBit: 7, pfnBits: [0, 6] }, ram: 4096 });\n"
                                                         "phys.write(4095, [1, 2]);\n")
                                       << 2 << QStringLiteral("phys.write()");
        QTest::newRow("translate without base") << QStringLiteral("machine({ arch: { pageSize: 32, levels: [5, 5], entryBytes: 1, validBit: 7, pfnBits: [0, 6] }, ram: 4096 });\n"
                                                                  "\ncpu.translate(0x10);\n")
                                                << 3 << QStringLiteral("setPageTableBase");
        QTest::newRow("munmap unaligned") << QStringLiteral("const p = spawn('x');\np.munmap(4097, 4096);\n") << 2
                                          << QStringLiteral("munmap()");
        QTest::newRow("mmap bad prot") << QStringLiteral("const p = spawn('x');\np.mmap(4096, 'rwz');\n") << 2
                                       << QStringLiteral("prot");
        // The kernel's own memory: each refusal names the call and the value, and changes nothing.
        QTest::newRow("vfree unknown") << QStringLiteral("const v = kernel.vmalloc(8192);\nkernel.vfree('0xffffc90000100000');\n")
                                       << 2 << QStringLiteral("vfree()");
        QTest::newRow("kfree twice") << QStringLiteral("const k = kernel.kmalloc(100);\nkernel.kfree(k);\nkernel.kfree(k);\n")
                                     << 3 << QStringLiteral("kfree()");
        QTest::newRow("object too large") << QStringLiteral("\nkernel.kmem_cache_create('big', '8M');\n") << 2
                                          << QStringLiteral("kmem_cache_create()");
        QTest::newRow("cache exists") << QStringLiteral("kernel.kmem_cache_create('task_struct', 100);\n") << 1
                                      << QStringLiteral("task_struct");
        QTest::newRow("wrong cache") << QStringLiteral("const a = kernel.kmem_cache_create('a', 64);\nconst b = kernel.kmem_cache_create('b', 64);\n"
                                                       "const o = a.alloc();\nb.free(o);\n")
                                     << 4 << QStringLiteral("kmem_cache_free()");
        QTest::newRow("kunmap not mapped") << QStringLiteral("machine({ preset: 'x86-32', ram: '2G' });\nconst p = kernel.alloc_pages(0, { zone: 'HighMem' });\nkernel.kunmap(p);\n")
                                           << 3 << QStringLiteral("kunmap()");
        QTest::newRow("distance not symmetric") << QStringLiteral("machine({ nodes: [{ ram: '1G' }, { ram: '1G' }, { ram: '1G' }],\n"
                                                                  "  distance: [[10, 20, 30], [20, 10, 20], [20, 20, 10]] });\n")
                                                << 1 << QStringLiteral("distance[0][2] is 30 but distance[2][0] is 20");
        QTest::newRow("distance zero") << QStringLiteral("machine({ nodes: [{ ram: '1G' }, { ram: '1G' }], distance: [[10, 0], [0, 10]] });\n")
                                       << 1 << QStringLiteral("machine()");
        QTest::newRow("numa on 32-bit") << QStringLiteral("machine({ preset: 'x86-32', nodes: [{ ram: '1G' }, { ram: '1G' }] });\n")
                                        << 1 << QStringLiteral("machine()");
        QTest::newRow("unknown node") << QStringLiteral("kernel.kmalloc(64, { node: 2 });\n") << 1 << QStringLiteral("kmalloc()");
        QTest::newRow("zonelist node") << QStringLiteral("\nkernel.zonelist(5);\n") << 2 << QStringLiteral("zonelist()");
        QTest::newRow("lab policy") << QStringLiteral("lab.replacement({ policy: 'MRU', frames: 3, refs: [1, 2] });\n") << 1
                                    << QStringLiteral("MRU");
        QTest::newRow("lab refs") << QStringLiteral("\nlab.replacement({ policy: 'LRU', frames: 3, refs: [1, -2] });\n") << 2
                                  << QStringLiteral("refs[1]");
    }

    void badInput()
    {
        QFETCH(QString, source);
        QFETCH(int, line);
        QFETCH(QString, contains);
        ScriptEngine e;
        const MachineConfig cfg = test::config("x86-64", "512M");
        Simulator base = std::get<Simulator>(Simulator::create(cfg));
        const auto eventsBefore = base.eventCount();
        const auto r = e.run(source, QStringLiteral("demo.js"), &base, cfg);
        QVERIFY(!r.ok);
        QCOMPARE(r.line, line);
        QVERIFY2(r.message.contains(contains), qPrintable(r.message));
        QCOMPARE(base.eventCount(), eventsBefore); // the session the caller holds is untouched
    }

    void demosRunWithTheNotesNumbers_data()
    {
        // Every bundled demo runs to the end.
        QTest::addColumn<QString>("demo");
        const QDir dir(QStringLiteral(MEMVIZ_SOURCE_DIR "/resources/demos"));
        for (const QString& f : dir.entryList({ QStringLiteral("*.js") }, QDir::Files, QDir::Name))
            QTest::newRow(qPrintable(f)) << QFileInfo(f).completeBaseName();
    }

    void demosRunWithTheNotesNumbers()
    {
        QFETCH(QString, demo);
        QFile f(QStringLiteral(MEMVIZ_SOURCE_DIR "/resources/demos/%1.js").arg(demo));
        QVERIFY(f.open(QIODevice::ReadOnly));
        ScriptEngine e;
        e.setTimeoutMs(120000);
        const auto r = e.run(QString::fromUtf8(f.readAll()), demo + QStringLiteral(".js"), nullptr, test::config("x86-64"));
        QVERIFY2(r.ok, qPrintable(r.errorLine()));
        QVERIFY(!r.shots.empty());
        if (demo == QLatin1String("textbook-2level")) {
            QVERIFY2(r.output.contains(QStringLiteral("Translates to Physical Address 0x6bc --> Value: 28")), qPrintable(r.output));
            QVERIFY(r.output.contains(QStringLiteral("Fault (page directory entry not valid)")));
        }
        if (demo == QLatin1String("segv")) QVERIFY(r.output.contains(QStringLiteral("Segmentation fault")));
        if (demo == QLatin1String("sar-demand-paging")) {
            // The notes' sar -r experiment: kbcommit jumps by about 100 MB at the malloc, and
            // kbmemused grows by about 10 MB a sample while 10 MB a second is touched.
            const QStringList lines = r.output.split(QLatin1Char('\n'));
            QList<qint64> used, commit;
            bool inR = false;
            for (const QString& l : lines) {
                if (l.startsWith(QLatin1String("$ sar -r"))) inR = true;
                else if (l.startsWith(QLatin1String("$ "))) inR = false;
                const QStringList f = l.split(QLatin1Char(' '), Qt::SkipEmptyParts);
                if (!inR || f.size() != 12 || !f[0].contains(QLatin1Char(':')) || f[0] == QLatin1String("Average:")) continue;
                bool ok = false;
                const qint64 u = f[3].toLongLong(&ok);
                if (!ok) continue; // the header line
                used << u;
                commit << f[7].toLongLong();
            }
            QVERIFY2(used.size() >= 15, qPrintable(r.output));
            int jumps = 0, tenMb = 0;
            for (int i = 1; i < used.size(); ++i) {
                const qint64 dc = commit[i] - commit[i - 1], du = used[i] - used[i - 1];
                if (dc > 95000 && dc < 110000) ++jumps;
                if (du > 9800 && du < 11600) ++tenMb;
            }
            QCOMPARE(jumps, 1);
            QVERIFY2(tenMb >= 9, qPrintable(QString::number(tenMb)));
        }
        if (demo == QLatin1String("swap"))
            QVERIFY2(r.output.contains(QStringLiteral("re-reading 64 MiB / 重新读取 64 MiB 的硬性缺页: 16384")), qPrintable(r.output));
        if (demo == QLatin1String("oom")) {
            QVERIFY2(r.output.contains(QStringLiteral("hog-b: killed, oom_score_adj 500")), qPrintable(r.output));
            QVERIFY(r.output.contains(QStringLiteral("Out of memory: Killed process")));
            QVERIFY(r.output.contains(QStringLiteral("Kernel panic - not syncing")));
        }
        if (demo == QLatin1String("overcommit")) {
            QVERIFY(r.output.contains(QStringLiteral("--- vm.overcommit_memory = 2 ---\nmmap(1200M): ENOMEM")));
            QVERIFY(r.output.contains(QStringLiteral("--- vm.overcommit_memory = 1 ---\nmmap(1200M): 0x")));
        }
        if (demo == QLatin1String("thrashing")) QVERIFY(r.output.contains(QStringLiteral("28672 major faults")));
        if (demo == QLatin1String("slab")) {
            // 1 KiB objects, 4 per page: 9 objects in 3 slabs, then one slab emptied and given back.
            QVERIFY2(r.output.contains(QStringLiteral("my_obj                 9     12   1024    4    1 : tunables   54   27    8 : slabdata      3      3      0")),
                     qPrintable(r.output));
            QVERIFY(r.output.contains(QStringLiteral("kmem_cache_shrink freed 1 slab(s)")));
            QVERIFY(r.output.contains(QStringLiteral("my_obj                 4      8   1024    4    1 : tunables   54   27    8 : slabdata      2      2      0")));
        }
        if (demo == QLatin1String("kmalloc-vmalloc")) {
            QVERIFY2(r.output.contains(QStringLiteral("pages=16 vmalloc")), qPrintable(r.output));
            QVERIFY(r.output.contains(QStringLiteral("VmallocUsed:          64 kB")));
            QVERIFY(r.output.contains(QStringLiteral("(kmalloc-128, __pa = 0x")));
        }
        if (demo == QLatin1String("highmem")) {
            // 2 GiB on x86-32: 896 MiB of lowmem, the rest HighMem mapped through the pkmap window.
            QVERIFY2(r.output.contains(QStringLiteral("__va(16 MiB) = 0xc1000000, __pa(0xC1000000) = 0x1000000")), qPrintable(r.output));
            QVERIFY(r.output.contains(QStringLiteral("(HighMem)")));
            QVERIFY(r.output.contains(QStringLiteral("kmap(HighMem page) = 0xff0")));
            QVERIFY(r.output.contains(QStringLiteral("kmap(lowmem page) = 0xc")));
        }
        if (demo == QLatin1String("numa")) {
            QVERIFY2(r.output.contains(QStringLiteral("available: 4 nodes (0-3)")), qPrintable(r.output));
            QVERIFY(r.output.contains(QStringLiteral("zonelist(0): N0:DMA32 N0:DMA N1:DMA32 N2:DMA32 N3:DMA32")));
            // Node 0 ran out: the rest came from node 1 (numa_miss there, numa_foreign on node 0).
            const QStringList lines = r.output.split(QLatin1Char('\n'));
            bool spilled = false;
            for (const QString& l : lines) {
                const QStringList f = l.split(QLatin1Char(' '), Qt::SkipEmptyParts);
                if (f.size() == 5 && f[0] == QLatin1String("numa_miss")) spilled = f[2].toLongLong() > 10000 && f[1] == QLatin1String("0");
            }
            QVERIFY2(spilled, qPrintable(r.output));
        }
        if (demo == QLatin1String("replacement")) {
            // Belady's anomaly, and the textbook totals of the other policies on the same string.
            QVERIFY2(r.output.contains(QStringLiteral("FIFO, 3 frames: 9 misses, 3 hits")), qPrintable(r.output));
            QVERIFY(r.output.contains(QStringLiteral("FIFO, 4 frames: 10 misses, 2 hits")));
            QVERIFY(r.output.contains(QStringLiteral("LRU, 3 frames: 10 misses")));
            QVERIFY(r.output.contains(QStringLiteral("OPT, 3 frames: 7 misses")));
            QVERIFY(r.output.contains(QStringLiteral("  out               1 2 3 4 5 1")));
            // The same string as a run's page accesses, for the lab's "From the run".
            QVERIFY(r.output.contains(QStringLiteral("read pages 1 2 3 4 1 2 5 1 2 3 4 5 of its buffer")));
            QCOMPARE(r.shots.size(), std::size_t(3));
        }
        if (demo == QLatin1String("kernel-vs-user")) {
            QVERIFY2(r.output.contains(QStringLiteral("KernelStack:          16 kB")), qPrintable(r.output));
            QVERIFY(r.output.contains(QStringLiteral("KernelStack:           0 kB")));
        }
        if (demo == QLatin1String("thp")) {
            // THP "always": 49 huge pages, the notes' 562 faults; "never": none.
            QVERIFY2(r.output.contains(QStringLiteral("AnonHugePages:    100352 kB")), qPrintable(r.output));
            QVERIFY(r.output.contains(QStringLiteral("AnonHugePages:         0 kB")));
            QVERIFY(r.output.contains(QStringLiteral("thp_fault_alloc 49")));
            QVERIFY(r.output.contains(QStringLiteral("PGD → PUD → PMD → 0x")));
            QVERIFY(r.output.contains(QStringLiteral("PGD → PUD → PMD → PTE → 0x")));
        }
        if (demo == QLatin1String("hugetlb-fork")) {
            // fork() of 512 MiB: milliseconds with 4 KiB pages, microseconds with hugetlb pages.
            QVERIFY2(r.output.contains(QStringLiteral("HugePages_Total:     257")), qPrintable(r.output));
            QVERIFY(r.output.contains(QStringLiteral("HugePages_Rsvd:      256")));
            QList<double> us;
            for (const QString& l : r.output.split(QLatin1Char('\n')))
                if (l.startsWith(QLatin1String("fork() took "))) us << l.section(QLatin1Char(' '), 2, 2).toDouble();
            QCOMPARE(us.size(), 2);
            QVERIFY2(us.at(0) > 50 * us.at(1), qPrintable(r.output));
        }
        if (demo == QLatin1String("cow") || demo == QLatin1String("demand-paging")) {
            // free's "used" column grows by the 100 MiB the process touched or copied.
            const QStringList lines = r.output.split(QLatin1Char('\n'));
            QList<qint64> used;
            for (const QString& l : lines)
                if (l.startsWith(QLatin1String("Mem:"))) used << l.split(QLatin1Char(' '), Qt::SkipEmptyParts).at(2).toLongLong();
            QVERIFY(used.size() >= 2);
            if (demo == QLatin1String("cow")) {
                const qint64 grew = used.at(2) - used.at(1);
                QVERIFY2(grew >= 102400 && grew < 102400 + 400, qPrintable(QString::number(grew)));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestScriptVm)
#include "tst_scriptvm.moc"
