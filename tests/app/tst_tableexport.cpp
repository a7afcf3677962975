// TableExport: RFC 4180 quoting (commas, quotes, line breaks, CJK) read back by a strict
// parser, display widths of East Asian text, text tables aligned in terminal columns, the
// OOM table and the event log as models, and the timeline's CSV equal to the plotted data.

#include "OomView.h"
#include "ReplacementLabView.h"
#include "TableExport.h"
#include "TestUtil.h"
#include "EventLogModel.h"
#include "TimelinePlot.h"
#include "ViewContext.h"
#include "sim/History.h"

#define foreach(declaration, container) for (declaration : container)
#include <qcustomplot.h>
#undef foreach

#include <QFile>
#include <QLocale>
#include <QStandardItemModel>
#include <QTemporaryDir>
#include <QTest>

using namespace memviz;
using Series = TimelinePlot::Series;

namespace {

/// A strict RFC 4180 reader: CRLF after every record, quoted fields may hold anything.
/// Fails the test (returns nothing) on a malformed input.
std::optional<QList<QStringList>> parseCsv(const QString& s)
{
    QList<QStringList> records;
    QStringList record;
    QString field;
    qsizetype i = 0;
    bool quotedField = false;
    while (i < s.size()) {
        const QChar c = s[i];
        if (field.isEmpty() && !quotedField && c == u'"') {
            quotedField = true;
            ++i;
            while (true) {
                if (i >= s.size()) return std::nullopt; // unterminated quote
                if (s[i] == u'"') {
                    if (i + 1 < s.size() && s[i + 1] == u'"') {
                        field += u'"';
                        i += 2;
                        continue;
                    }
                    ++i;
                    break;
                }
                field += s[i++];
            }
            continue;
        }
        if (c == u',') {
            record << field;
            field.clear();
            quotedField = false;
            ++i;
        } else if (c == u'\r') {
            if (i + 1 >= s.size() || s[i + 1] != u'\n') return std::nullopt; // a bare CR
            record << field;
            records << record;
            record.clear();
            field.clear();
            quotedField = false;
            i += 2;
        } else if (c == u'\n' || c == u'"' || quotedField) {
            return std::nullopt; // a bare LF, a quote inside an unquoted field, text after a closing quote
        } else {
            field += c;
            ++i;
        }
    }
    if (!field.isEmpty() || !record.isEmpty()) return std::nullopt; // the last record lacks its CRLF
    return records;
}

/// A model of strings, `header` then `rows`.
std::unique_ptr<QStandardItemModel> stringModel(const QStringList& header, const QList<QStringList>& rows)
{
    auto m = std::make_unique<QStandardItemModel>(int(rows.size()), int(header.size()));
    m->setHorizontalHeaderLabels(header);
    for (int r = 0; r < rows.size(); ++r)
        for (int c = 0; c < header.size(); ++c) m->setItem(r, c, new QStandardItem(rows[r][c]));
    return m;
}

/// The display column where each cell of a text line starts, for a table whose columns are
/// separated by two spaces and whose cells hold no double spaces.
QList<int> cellStarts(const QString& line)
{
    QList<int> starts;
    int col = 0;
    bool inCell = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const bool gap = line[i] == u' ' && (i + 1 < line.size() && line[i + 1] == u' ');
        if (!inCell && line[i] != u' ') {
            starts << col;
            inCell = true;
        } else if (inCell && gap) {
            inCell = false;
        }
        col += TableExport::displayWidth(QStringView(line).mid(i, 1));
    }
    return starts;
}

Sample sampleAt(std::uint64_t second)
{
    Sample s;
    s.timeNs = second * 1000000000ull;
    s.memTotal = 1000000;
    s.memFree = 200000 - second * 1234;
    s.memAvailable = 500000 - second * 1000;
    s.cached = 300000;
    s.buffers = 10000;
    s.swapTotal = 2000000;
    s.swapFree = 2000000 - second * second * 7;
    s.pgfault = second * second * 333;
    s.pgscanKswapd = second * 37;
    s.pgstealKswapd = second * 11;
    s.pswpout = second * 3;
    return s;
}

} // namespace

class TestTableExport : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void csvField_data()
    {
        QTest::addColumn<QString>("in");
        QTest::addColumn<QString>("out");
        QTest::newRow("plain") << u"kbmemfree"_qs << u"kbmemfree"_qs;
        QTest::newRow("empty") << QString() << QString();
        QTest::newRow("comma") << u"a,b"_qs << u"\"a,b\""_qs;
        QTest::newRow("quote") << u"say \"hi\""_qs << u"\"say \"\"hi\"\"\""_qs;
        QTest::newRow("only a quote") << u"\""_qs << u"\"\"\"\""_qs;
        QTest::newRow("newline") << u"two\nlines"_qs << u"\"two\nlines\""_qs;
        QTest::newRow("CR") << u"a\rb"_qs << u"\"a\rb\""_qs;
        QTest::newRow("CJK") << u"页框，伙伴"_qs << u"页框，伙伴"_qs; // a fullwidth comma is no separator
        QTest::newRow("CJK with comma") << u"页框,伙伴"_qs << u"\"页框,伙伴\""_qs;
        QTest::newRow("spaces kept") << u" x "_qs << u" x "_qs;
    }
    void csvField()
    {
        QFETCH(QString, in);
        QFETCH(QString, out);
        QCOMPARE(TableExport::csvField(in), out);
    }

    void csvRoundTrip()
    {
        const QStringList header {u"名称"_qs, u"note, with comma"_qs, u"n"_qs};
        const QList<QStringList> rows {
            {u"hog \"big\""_qs, u"line one\nline two"_qs, u"1"_qs},
            {u"内存"_qs, u"a,b,c"_qs, u"2"_qs},
            {QString(), u"\r\n"_qs, u"3"_qs},
            {u"x"_qs, u"\"\""_qs, u"4"_qs},
        };
        const auto model = stringModel(header, rows);
        const QString csv = TableExport::csv(*TableExport::fromModel(*model));
        QVERIFY(csv.endsWith(u"\r\n"_qs));
        QCOMPARE(csv.section(u"\r\n"_qs, 0, 0), u"名称,\"note, with comma\",n"_qs);
        const auto parsed = parseCsv(csv);
        QVERIFY2(parsed, qPrintable(csv));
        QCOMPARE(parsed->size(), 1 + rows.size());
        QCOMPARE(parsed->at(0), header);
        for (int r = 0; r < rows.size(); ++r) QCOMPARE(parsed->at(r + 1), rows[r]);
        // And as bytes: UTF-8 without a byte-order mark.
        QTemporaryDir dir;
        const QString path = dir.filePath(u"t.csv"_qs);
        QString error;
        QVERIFY(TableExport::save(*TableExport::fromModel(*model), path, &error));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        QVERIFY(!bytes.startsWith("\xef\xbb\xbf"));
        QCOMPARE(QString::fromUtf8(bytes), csv);
    }

    void saveRefusesUnwritable()
    {
        QTemporaryDir dir;
        QFile blocker(dir.filePath(u"file"_qs));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        const auto model = stringModel({u"a"_qs}, {{u"1"_qs}});
        QString error;
        const QString path = dir.filePath(u"file/t.txt"_qs);
        QVERIFY(!TableExport::save(*TableExport::fromModel(*model), path, &error));
        QVERIFY2(error.contains(path), qPrintable(error));
    }

    void displayWidth_data()
    {
        QTest::addColumn<QString>("s");
        QTest::addColumn<int>("width");
        QTest::newRow("ascii") << u"abc"_qs << 3;
        QTest::newRow("empty") << QString() << 0;
        QTest::newRow("Chinese") << u"伙伴分配器"_qs << 10;
        QTest::newRow("mixed") << u"RSS（页）"_qs << 9;
        QTest::newRow("fullwidth latin") << u"ＰＩＤ"_qs << 6;
        QTest::newRow("ideographic space") << u"\u3000"_qs << 2;
        QTest::newRow("Hangul") << u"메모리"_qs << 6;
        QTest::newRow("kana") << u"メモリ"_qs << 6;
        QTest::newRow("CJK ext B (surrogates)") << u"\U00020000"_qs << 2;
        QTest::newRow("emoji") << u"\U0001F600"_qs << 2;
        QTest::newRow("combining acute") << u"e\u0301"_qs << 1;
        QTest::newRow("zero-width space") << u"a\u200Bb"_qs << 2;
        QTest::newRow("ellipsis (ambiguous: narrow)") << u"…"_qs << 1;
        QTest::newRow("em dash, times") << u"—×"_qs << 2;
        QTest::newRow("halfwidth katakana") << u"ｱ"_qs << 1;
    }
    void displayWidth()
    {
        QFETCH(QString, s);
        QFETCH(int, width);
        QCOMPARE(TableExport::displayWidth(s), width);
    }

    void textAlignsCjk()
    {
        const auto model = stringModel({u"进程"_qs, u"PID"_qs, u"说明"_qs},
                                       {{u"hog"_qs, u"1000"_qs, u"ok"_qs},
                                        {u"浏览器进程"_qs, u"12"_qs, u"使用 1 GiB"_qs},
                                        {u"ｘ"_qs, u"123456"_qs, u"multi\nline"_qs}});
        const QString text = TableExport::text(*TableExport::fromModel(*model));
        const QStringList lines = text.split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 5); // header, dashes, three rows
        QCOMPARE(lines[1], u"----------  ------  ----------"_qs);
        // Every cell of a left-aligned column starts at the same terminal column...
        for (const QString& l : lines) {
            QVERIFY2(!l.endsWith(u' '), qPrintable(l));
            const QList<int> starts = cellStarts(l);
            QCOMPARE(starts.value(0), 0);
            QCOMPARE(starts.last(), 20); // "说明": after 10 + 2 + 6 + 2 columns
        }
        // ...and the numbers, right-aligned, end at the same one.
        for (int i = 2; i < lines.size(); ++i) {
            const QString l = lines[i];
            const qsizetype third = l.indexOf(QRegularExpression(u"\\d  \\S"_qs)) + 1;
            QVERIFY(third > 0);
            QCOMPARE(TableExport::displayWidth(QStringView(l).left(third)), 18);
        }
        QVERIFY(lines[2].startsWith(u"hog           1000  ok"_qs));
        QVERIFY(lines[3].startsWith(u"浏览器进程      12  使用 1 GiB"_qs));
        QCOMPARE(lines[4], u"ｘ          123456  multi line"_qs);
    }

    void unlocalised_data()
    {
        QTest::addColumn<QString>("in");
        QTest::addColumn<QString>("out");
        QTest::newRow("grouped") << u"12,345"_qs << u"12345"_qs;
        QTest::newRow("millions") << u"1,234,567"_qs << u"1234567"_qs;
        QTest::newRow("negative") << u"-1,000"_qs << u"-1000"_qs;
        QTest::newRow("decimals kept") << u"1,234.50"_qs << u"1234.50"_qs;
        QTest::newRow("plain") << u"42"_qs << u"42"_qs;
        QTest::newRow("words") << u"unkillable"_qs << u"unkillable"_qs;
        QTest::newRow("name with digits") << u"hog 3"_qs << u"hog 3"_qs;
        QTest::newRow("hex") << u"0x3e00"_qs << u"0x3e00"_qs;
        QTest::newRow("list") << u"1, 2"_qs << u"1, 2"_qs;
    }
    void unlocalised()
    {
        QFETCH(QString, in);
        QFETCH(QString, out);
        QCOMPARE(TableExport::unlocalised(in), out);
    }

    void oomTable()
    {
        OomTableModel model;
        std::vector<OomRow> rows(2);
        rows[0].pid = 1000;
        rows[0].name = u"hog"_qs;
        rows[0].rss = 262144;
        rows[0].points = 262200;
        rows[0].score = 1200;
        rows[1].pid = 1001;
        rows[1].name = u"浏览器, \"tab\""_qs;
        rows[1].rss = 1000;
        rows[1].adj = -1000;
        rows[1].unkillable = true;
        model.setRows(rows);
        const auto table = TableExport::fromModel(model);
        const auto parsed = parseCsv(TableExport::csv(*table));
        QVERIFY(parsed);
        QCOMPARE(parsed->size(), 3);
        // Headers on one line; numbers without the grouping the view shows.
        QCOMPARE(parsed->at(0).value(OomTableModel::Rss), u"RSS (pages)"_qs);
        QCOMPARE(parsed->at(1).value(OomTableModel::Pid), u"1000"_qs);
        QCOMPARE(parsed->at(1).value(OomTableModel::Rss), u"262144"_qs);
        QCOMPARE(parsed->at(1).value(OomTableModel::Points), u"262200"_qs);
        QCOMPARE(parsed->at(2).value(OomTableModel::Name), u"浏览器, \"tab\""_qs);
        QCOMPARE(parsed->at(2).value(OomTableModel::Adj), u"-1000"_qs);
        QCOMPARE(parsed->at(2).value(OomTableModel::Points), model.index(1, OomTableModel::Points).data().toString());
        // Text keeps what the view shows, right-aligned as the view aligns it.
        const QStringList lines = TableExport::text(*table).split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 4);
        QVERIFY2(lines[2].contains(u"262,144"_qs), qPrintable(lines[2]));
        // The RSS cells end at the same terminal column (the second row's name is wide).
        const int end = TableExport::displayWidth(QStringView(lines[2]).left(lines[2].indexOf(u"262,144"_qs) + 7));
        const qsizetype at = lines[3].indexOf(u"1,000"_qs);
        QVERIFY(at > 0);
        QCOMPARE(TableExport::displayWidth(QStringView(lines[3]).left(at + 5)), end);
    }

    void eventLog()
    {
        Simulator sim = test::boot("x86-64", "64M");
        for (int o : {3, 0, 5}) sim.apply(Command::allocPages(o));
        ViewContext ctx;
        ctx.setSimulator(&sim);
        auto [before, after] = sim.stepAt(sim.eventCount());
        ctx.setState(std::move(before), std::move(after), sim.eventCount());
        EventLogModel model(&ctx);
        QCOMPARE(std::uint64_t(model.rowCount()), sim.eventCount());
        const auto table = TableExport::fromModel(model);
        const auto parsed = parseCsv(TableExport::csv(*table));
        QVERIFY(parsed);
        QCOMPARE(std::uint64_t(parsed->size()), sim.eventCount() + 1);
        for (int r = 0; r < model.rowCount(); ++r) {
            QCOMPARE(parsed->at(r + 1).size(), model.columnCount());
            QCOMPARE(parsed->at(r + 1).value(EventLogModel::NumberColumn), QString::number(r + 1));
            QCOMPARE(parsed->at(r + 1).value(EventLogModel::SummaryColumn),
                     model.index(r, EventLogModel::SummaryColumn).data().toString());
        }
        const QStringList lines = TableExport::text(*table).split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(std::uint64_t(lines.size()), sim.eventCount() + 2);
    }

    void timelineEqualsPlot()
    {
        SampleLog log;
        for (std::uint64_t s = 0; s < 12; ++s) log.push(sampleAt(s));
        TimelinePlot plot;
        plot.setSamples(log);
        // Chosen in any order; the plot orders its columns as free and sar print them.
        const QList<Series> chosen {Series::PctSwpUsed, Series::MemUsed, Series::FaultPerS, Series::PctVmeff,
                                    Series::KbSwpUsed};
        plot.setSelection(chosen);
        const QList<Series> columns = plot.selection();
        const auto table = TableExport::fromTimeline(plot);
        const auto parsed = parseCsv(TableExport::csv(*table));
        QVERIFY(parsed);
        QCOMPARE(parsed->at(0), (QStringList {u"time (s)"_qs, u"Mem used (kB)"_qs, u"fault/s (/s)"_qs,
                                              u"%vmeff (%)"_qs, u"kbswpused (kB)"_qs, u"%swpused (%)"_qs}));
        QCOMPARE(parsed->size(), 1 + 12);
        // Every cell is the plotted point, exactly; a rate has none at the first second.
        QCOMPARE(columns.size(), chosen.size());
        for (int c = 0; c < columns.size(); ++c) {
            const QCPGraph* g = plot.graph(columns[c]);
            QVERIFY(g);
            int points = 0;
            for (int r = 1; r < parsed->size(); ++r) {
                const QStringList& row = parsed->at(r);
                bool ok = false;
                const double t = row[0].toDouble(&ok);
                QVERIFY(ok);
                QCOMPARE(t, double(r - 1));
                const QString cell = row[c + 1];
                const auto it = g->data()->findBegin(t, false);
                const bool plotted = it != g->data()->constEnd() && it->key == t;
                QCOMPARE(!cell.isEmpty(), plotted);
                if (!plotted) continue;
                ++points;
                QCOMPARE(cell.toDouble(&ok), it->value); // exact, not rounded
                QVERIFY(ok);
            }
            QCOMPARE(points, g->data()->size());
        }
        QVERIFY(parsed->at(1)[2].isEmpty());
        // The same columns straight from the history (what headless writes) are identical.
        QCOMPARE(TableExport::csv(*TableExport::fromSamples(log, chosen)), TableExport::csv(*table));
        // And every column by default, headers with units.
        const auto all = parseCsv(TableExport::csv(*TableExport::fromSamples(log)));
        QVERIFY(all);
        QCOMPARE(all->at(0).size(), 1 + TimelinePlot::kSeriesCount);
        QCOMPARE(all->at(0).value(1 + int(Series::PgscankPerS)), u"pgscank/s (/s)"_qs);
        // Text: rounded as people read it, right-aligned.
        const QStringList lines = TableExport::text(*table).split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2 + 12);
        // fault/s between seconds 1 and 2: 333·(4 − 1); %vmeff 100·11/37.
        QVERIFY2(lines[4].contains(u"  999.00  "_qs), qPrintable(lines[4]));
        QVERIFY2(lines[4].contains(u"  29.73  "_qs), qPrintable(lines[4]));
    }

    void emptyTimeline()
    {
        TimelinePlot plot;
        const auto table = TableExport::fromTimeline(plot);
        const QString csv = TableExport::csv(*table);
        const auto parsed = parseCsv(csv);
        QVERIFY(parsed);
        QCOMPARE(parsed->size(), 1);
        QCOMPARE(parsed->at(0).value(0), u"time (s)"_qs);
    }

    void replacementLab()
    {
        // Belady's string under the five policies on 3 frames: one row per panel and step.
        ViewContext ctx;
        ReplacementLabView view(&ctx);
        QVERIFY(view.setReferenceText(u"1 2 3 4 1 2 5 1 2 3 4 5"_qs));
        const auto& panels = view.panels();
        QCOMPARE(int(panels.size()), 5);
        const auto table = TableExport::fromReplacementLab(view.table()->model());
        QCOMPARE(table->rowCount(), 60);
        QCOMPARE(table->columnCount(), 8); // no virtual pages for a typed string
        const auto parsed = parseCsv(TableExport::csv(*table));
        QVERIFY(parsed);
        QCOMPARE(parsed->size(), 61);
        QCOMPARE(parsed->at(0), QStringList({ u"policy"_qs, u"frames"_qs, u"step"_qs, u"page"_qs, u"hit or miss"_qs,
                                    u"victim"_qs, u"frames after the access"_qs, u"what happened"_qs }));
        // FIFO first: step 1 fills frame 0, step 7 evicts 4 (loaded at step 4), the totals are the textbook's.
        QCOMPARE(parsed->at(1).mid(0, 7), QStringList({ u"FIFO"_qs, u"3"_qs, u"1"_qs, u"1"_qs, u"miss"_qs, QString(), u"1 - -"_qs }));
        QCOMPARE(parsed->at(7).mid(0, 7), QStringList({ u"FIFO"_qs, u"3"_qs, u"7"_qs, u"5"_qs, u"miss"_qs, u"4"_qs, u"5 1 2"_qs }));
        QVERIFY(!parsed->at(7).value(7).isEmpty());
        for (std::size_t k = 0; k < panels.size(); ++k) {
            int misses = 0;
            for (int t = 0; t < 12; ++t) {
                const QStringList& row = parsed->at(1 + int(k) * 12 + t);
                QCOMPARE(row.value(0), QString::fromLatin1(replPolicyName(panels[k].policy)));
                if (row.value(4) == u"miss"_qs) ++misses;
            }
            QCOMPARE(std::uint64_t(misses), panels[k].result.misses);
        }
        QCOMPARE(panels[0].result.misses, std::uint64_t(9));
        // The text form for a handout: empty frames as dashes, columns aligned.
        const QString text = TableExport::text(*table);
        QVERIFY(text.contains(u"1 — —"_qs));
        QCOMPARE(text.count(u'\n'), 62); // header, rule, 60 rows

        // A string recorded from a run names each page's virtual page number too.
        ReplacementLabModel m;
        m.refs = { 1, 2, 1 };
        m.vpns = { 0x7f000, 0x7f3a1 };
        m.panels.push_back({ ReplPolicy::Fifo, 1, simulateReplacement(ReplPolicy::Fifo, 1, m.refs), {}, {}, false });
        const auto rec = TableExport::fromReplacementLab(m);
        QCOMPARE(rec->columnCount(), 9);
        QCOMPARE(rec->header(4), u"virtual page"_qs);
        QCOMPARE(rec->cell(1, 4, ExportTable::Target::Csv), u"0x7f3a1"_qs);
        QCOMPARE(rec->cell(2, 6, ExportTable::Target::Csv), u"2"_qs); // the victim of the third access
        QCOMPARE(rec->cell(2, 8, ExportTable::Target::Csv), QString()); // no narration given
    }
};

QTEST_MAIN(TestTableExport)
#include "tst_tableexport.moc"
