// Narration coverage in both languages: every event type has a summary, an
// explanation and a name in English AND in Simplified Chinese (a missing zh_CN
// translation falls back to the English source, which fails here), on events built
// with empty and garbage fields and on the first event of each type the bundled demos
// record. The ExplainPanel shows it, with memviz's simplifications set apart.
#include "EventText.h"
#include "ExplainPanel.h"
#include "Language.h"
#include "ScriptEngine.h"
#include "TestUtil.h"
#include "ViewContext.h"

#include <QApplication>
#include <QFile>
#include <QRegularExpression>
#include <QtTest>

#include <map>

using namespace memviz;

namespace {

bool hasCjk(const QString& s)
{
    for (QChar c : s)
        if (c.unicode() >= 0x4e00 && c.unicode() <= 0x9fff) return true;
    return false;
}

/// Whether `s` has English words a translation should have changed: what is left after
/// dropping function calls, hex numbers, sizes, constants (MADV_HUGEPAGE) and "PID".
bool hasEnglishWords(QString s)
{
    static const QRegularExpression code(
        QStringLiteral("[A-Za-z_][A-Za-z0-9_]*\\(|0x[0-9a-fA-F]+|\\b[KMGT]i?B\\b|\\b[A-Z][A-Z0-9_]+\\b"));
    s.remove(code);
    static const QRegularExpression word(QStringLiteral("[A-Za-z]{3,}"));
    return word.match(s).hasMatch();
}

using test::makeEvent;

struct Texts {
    QString name, summary, explanation;
};

Texts texts(const Machine& m, const Event& e)
{
    return {EventText::typeName(e.type), EventText::summary(m, e), EventText::explanation(m, e)};
}

} // namespace

class TestNarration : public QObject {
    Q_OBJECT
    /// The demos whose runs together record nearly every event type, with the machine after
    /// the first event of each type (narrations read list lengths and counters from it).
    struct Sample {
        QString demo;
        Machine after;
        Event event;
    };
    std::map<int, Sample> m_first;

private slots:
    void initTestCase()
    {
        for (const char* demo : {"buddy", "swap", "oom", "slab", "kmalloc-vmalloc", "highmem", "numa", "thp",
                                 "hugetlb-fork", "tlb", "textbook-2level", "filemap", "overcommit", "segv", "mmap"}) {
            QFile f(QStringLiteral(MEMVIZ_SOURCE_DIR "/resources/demos/%1.js").arg(QLatin1String(demo)));
            QVERIFY(f.open(QIODevice::ReadOnly));
            ScriptEngine e;
            e.setTimeoutMs(120000);
            const auto r = e.run(QString::fromUtf8(f.readAll()), QLatin1String(demo), nullptr, test::config("x86-64"));
            QVERIFY2(r.ok, qPrintable(r.errorLine()));
            const Simulator& sim = *r.sim;
            std::vector<std::uint64_t> want;
            for (std::uint64_t i = 0; i < sim.eventCount(); ++i) {
                const int t = static_cast<int>(sim.events()[i].type);
                if (!m_first.count(t)) {
                    m_first[t] = Sample{QLatin1String(demo), Machine(), sim.events()[i]};
                    want.push_back(i);
                }
            }
            for (std::uint64_t i : want) {
                auto [before, after] = sim.stepAt(i + 1);
                m_first[static_cast<int>(sim.events()[i].type)].after = std::move(after);
            }
        }
        // The demos between them record all but a handful of event types; those have hand-built rows below.
        QVERIFY2(m_first.size() >= static_cast<std::size_t>(EventType::Count) - 8,
                 qPrintable(QString::number(m_first.size())));
    }

    void cleanup() { applyLanguage(QStringLiteral("en")); }

    void everyTypeInBothLanguages_data()
    {
        QTest::addColumn<int>("type");
        for (int t = 0; t < static_cast<int>(EventType::Count); ++t) {
            const auto type = static_cast<EventType>(t);
            QTest::newRow(qPrintable(EventText::typeName(type))) << t;
        }
    }

    void everyTypeInBothLanguages()
    {
        QFETCH(int, type);
        const auto t = static_cast<EventType>(type);
        const Simulator sim = test::boot("x86-64", "64M");
        std::vector<std::pair<const Machine*, Event>> cases;
        cases.emplace_back(&sim.current(), makeEvent(t, 0xFF, 0, 0, 0, 0, 0, 0, 0));
        cases.emplace_back(&sim.current(), makeEvent(t, 1, 3, 0x3e00, 0x7f0000001000, 0x3e04, 2, 1, 1000));
        if (auto it = m_first.find(type); it != m_first.end()) cases.emplace_back(&it->second.after, it->second.event);
        static const QRegularExpression placeholder(QStringLiteral("%\\d"));
        for (const auto& [machine, e] : cases) {
            applyLanguage(QStringLiteral("en"));
            const Texts en = texts(*machine, e);
            applyLanguage(QStringLiteral("zh_CN"));
            const Texts zh = texts(*machine, e);
            for (const QString& s : {en.name, en.summary, en.explanation, zh.name, zh.summary, zh.explanation}) {
                QVERIFY(!s.isEmpty());
                QVERIFY2(!placeholder.match(s).hasMatch(), qPrintable(s));
            }
            // Chinese text, not the English source that a missing translation falls back to.
            QVERIFY2(zh.explanation != en.explanation && hasCjk(zh.explanation), qPrintable(zh.explanation));
            // A summary may be code alone ("PID 1000 madvise(0x7f0000001000, 2 MiB, 14)"); else it is Chinese.
            if (hasEnglishWords(en.summary))
                QVERIFY2(zh.summary != en.summary && hasCjk(zh.summary), qPrintable(en.summary + u" | " + zh.summary));
            // Type names are Chinese, or the kernel's function names, which stay ("kmalloc / kfree").
            static const QRegularExpression functionNames(QStringLiteral("^[a-z_]+( / [a-z_]+)?$"));
            QVERIFY2(hasCjk(zh.name) || (zh.name == en.name && functionNames.match(en.name).hasMatch()), qPrintable(zh.name));
            QVERIFY2(!hasCjk(en.explanation), qPrintable(en.explanation));
        }
    }

    void panelShowsNarrationAndSimplification_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("marker"); // the simplification box's title
        QTest::newRow("en") << QStringLiteral("en") << QStringLiteral("memviz simplifies:");
        QTest::newRow("zh_CN") << QStringLiteral("zh_CN") << QStringLiteral("memviz 的简化处理：");
    }

    void panelShowsNarrationAndSimplification()
    {
        QFETCH(QString, language);
        QFETCH(QString, marker);
        applyLanguage(language);
        // A run whose free of an order-0 page the kernel would park on a per-CPU list.
        Simulator sim = test::boot("x86-64", "64M");
        const auto a = sim.apply(Command::allocPages(0));
        QVERIFY(!a.error && a.pfn);
        sim.apply(Command::freePages(*a.pfn, 0));
        ViewContext ctx;
        ctx.setSimulator(&sim);
        ExplainPanel panel(&ctx);
        panel.resize(700, 400);
        // At the start: how to use it.
        auto [b0, a0] = sim.stepAt(0);
        ctx.setState(std::move(b0), std::move(a0), 0);
        QVERIFY(!panel.plainText().isEmpty());
        QVERIFY(panel.simplificationText().isEmpty());
        // Every step of the run is narrated, with the step number and the command.
        bool sawSimplification = false;
        for (std::uint64_t n = 1; n <= sim.eventCount(); ++n) {
            auto [before, after] = sim.stepAt(n);
            ctx.setState(std::move(before), std::move(after), n);
            const QString text = panel.plainText();
            QVERIFY2(text.contains(QString::number(n)), qPrintable(text));
            QVERIFY(text.contains(EventText::typeName(sim.events()[n - 1].type)));
            if (language == QLatin1String("zh_CN")) QVERIFY2(hasCjk(text), qPrintable(text));
            if (!panel.simplificationText().isEmpty()) {
                sawSimplification = true;
                QVERIFY2(text.contains(marker), qPrintable(text));
                QVERIFY(!text.contains(EventText::tr("Simplification:")));
            }
        }
        QVERIFY(sawSimplification); // the per-CPU list note of the order-0 free
    }

    void functionNamesInCodeType()
    {
        QVERIFY(!hasEnglishWords(QStringLiteral("PID 1000 madvise(0x7f0000001000, 2 MiB, MADV_HUGEPAGE)")));
        QVERIFY(hasEnglishWords(QStringLiteral("PID 1000 maps 2 MiB")));
        QCOMPARE(ExplainPanel::markupFunctions(QStringLiteral("expand() halves <it> via __rmqueue_smallest() in mm/page_alloc.c.")),
                 QStringLiteral("<code>expand()</code> halves &lt;it&gt; via <code>__rmqueue_smallest()</code> in "
                                "<code>mm/page_alloc.c</code>."));
        QCOMPARE(ExplainPanel::markupFunctions(QStringLiteral("and/or 3/4 of it")), QStringLiteral("and/or 3/4 of it"));
        const auto [k, s] = ExplainPanel::splitSimplification(QStringLiteral("The kernel does A. Simplification: memviz does B."));
        QCOMPARE(k, QStringLiteral("The kernel does A."));
        QCOMPARE(s, QStringLiteral("memviz does B."));
        QCOMPARE(ExplainPanel::splitSimplification(QStringLiteral("No note.")).second, QString());
    }
};

QTEST_MAIN(TestNarration)
#include "tst_narration.moc"
