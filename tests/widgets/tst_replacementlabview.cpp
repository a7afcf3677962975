// ReplacementLabView: the page-replacement lab. The totals it shows against the core's
// simulateReplacement and hand-worked strings (Belady's anomaly among them), the typed,
// random and recorded reference strings, its own stepper and keys, the narration, the plot
// of misses by frame count, the table's layout at projector and laptop sizes, and that it
// paints readably in both themes.
//
// Set MEMVIZ_SCREENSHOTS=<dir> to also save PNGs (replacementlab_*.png) for a human to look at.

#include "Palette.h"
#include "ReplacementLabTable.h"
#include "ReplacementLabView.h"
#include "TestUtil.h"
#include "ViewContext.h"
#include "sim/Simulator.h"
#include "widgets/WidgetTestUtil.h"

#define foreach(declaration, container) for (declaration : container)
#include <qcustomplot.h>
#undef foreach

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QImage>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QShortcut>
#include <QSignalSpy>
#include <QStyle>
#include <QTest>
#include <QTranslator>
#include <QVBoxLayout>

#include <set>

using namespace memviz;
using memviz::test::inkShare;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(memviz::ReplPolicy)

namespace {

const std::vector<std::int64_t> kBelady = { 1, 2, 3, 4, 1, 2, 5, 1, 2, 3, 4, 5 };
/// Silberschatz's string (Operating System Concepts, ch. 10).
const std::vector<std::int64_t> kTextbook = { 7, 0, 1, 2, 0, 3, 0, 4, 2, 3, 0, 3, 2, 1, 2, 0, 1, 7, 0, 1 };

std::vector<std::int64_t> refsOf(const QString& s)
{
    std::vector<std::int64_t> v;
    for (const QString& t : s.split(u' ', Qt::SkipEmptyParts)) v.push_back(t.toLongLong());
    return v;
}

/// The lab's view at a size, laid out (a hidden widget gets its layout on show).
struct Lab {
    ViewContext ctx;
    ReplacementLabView view { &ctx };
    explicit Lab(QSize size = QSize(1280, 800))
    {
        view.setAttribute(Qt::WA_DontShowOnScreen);
        view.resize(size);
        view.show();
        QCoreApplication::processEvents();
    }
    int panelOf(ReplPolicy p, int frames) const
    {
        const auto& ps = view.panels();
        for (std::size_t i = 0; i < ps.size(); ++i)
            if (ps[i].policy == p && ps[i].frames == frames) return int(i);
        return -1;
    }
};

/// The application's palette for a theme, as MainWindow::setTheme sets it (for the screenshots).
void applyTheme(bool dark) { Palette::applyToApplication(dark ? Theme::Dark : Theme::Light); }

/// Marks every string of the lab's two classes, to see that a language change re-reads them.
class MarkingTranslator : public QTranslator {
public:
    QString translate(const char* context, const char* source, const char*, int) const override
    {
        if (qstrcmp(context, "memviz::ReplacementLabView") == 0 || qstrcmp(context, "memviz::ReplacementLabTable") == 0)
            return u"«"_s + QString::fromUtf8(source);
        return QString();
    }
    bool isEmpty() const override { return false; }
};

/// Stands in for the Chinese translation (filled in later): every English word becomes two
/// CJK characters, placeholders and numbers stay. For looking at layouts with the taller
/// CJK glyphs of the fallback font.
class CjkTranslator : public QTranslator {
public:
    QString translate(const char* context, const char* source, const char*, int) const override
    {
        if (qstrcmp(context, "memviz::ReplacementLabView") != 0 && qstrcmp(context, "memviz::ReplacementLabTable") != 0)
            return QString();
        static const QString hanzi = u"页面置换帧命中缺失时钟列表活跃步骤最近使用最远淘汰"_s;
        const QString src = QString::fromUtf8(source);
        QString out;
        int k = 0;
        for (qsizetype i = 0; i < src.size();) {
            if (src[i] == u'%' && i + 1 < src.size() && src[i + 1].isDigit()) {
                out += src.mid(i, 2);
                i += 2;
            } else if (src[i].isLetter() && src[i].unicode() < 128) {
                while (i < src.size() && (src[i].isLetter() || src[i] == u'_' || src[i] == u'\'')) ++i;
                out += hanzi[k++ % hanzi.size()];
                out += hanzi[k++ % hanzi.size()];
            } else if (src[i] == u' ') {
                ++i; // Chinese runs words together
            } else {
                out += src[i++];
            }
        }
        return out;
    }
    bool isEmpty() const override { return false; }
};

/// Entries in the plot's legend (its grid also counts empty cells).
int legendEntries(QCustomPlot* plot)
{
    int n = 0;
    for (int i = 0; i < plot->legend->itemCount(); ++i) n += plot->legend->item(i) != nullptr;
    return n;
}

/// Drops the offscreen platform's note that a shown test window cannot pass on size hints.
QtMessageHandler g_previousHandler = nullptr;
void quietHandler(QtMsgType type, const QMessageLogContext& ctx, const QString& msg)
{
    if (msg.contains(u"does not support propagateSizeHints"_s)) return;
    if (g_previousHandler) g_previousHandler(type, ctx, msg);
}

/// Pixels of `r` in `img` (inset by 3 px from the grid lines) that differ from `fill`.
int pixelsNot(const QImage& img, const QRect& r, QColor fill)
{
    int n = 0;
    const QRect in = r.adjusted(3, 3, -3, -3).intersected(img.rect());
    for (int y = in.top(); y <= in.bottom(); ++y)
        for (int x = in.left(); x <= in.right(); ++x) n += (img.pixel(x, y) & 0xffffff) != (fill.rgb() & 0xffffff);
    return n;
}

} // namespace

class TestReplacementLabView : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QApplication::setStyle(u"Fusion"_s);
        g_previousHandler = qInstallMessageHandler(quietHandler);
    }
    void cleanup() { applyTheme(false); }
    void shownTotals_data();
    void shownTotals();
    void beladyButton();
    void narration_data();
    void narration();
    void parse_data();
    void parse();
    void badInputKeepsTheString();
    void randomStrings();
    void recordFromRun();
    void recordOneMapping();
    void recordLimitsAndFollows();
    void recordRefusals();
    void stepping();
    void futureColumnsAreDimmed();
    void keys();
    void plotData();
    void tooltips();
    void geometry_data();
    void geometry();
    void longStringScrolls();
    void shortPlotPane();
    void renders_data();
    void renders();
    void retranslates();
    void screenshots();
};

// ---- totals -------------------------------------------------------------------------------

void TestReplacementLabView::shownTotals_data()
{
    QTest::addColumn<QString>("refs");
    QTest::addColumn<ReplPolicy>("policy");
    QTest::addColumn<int>("frames");
    QTest::addColumn<int>("misses"); ///< worked by hand
    const QString belady = u"1 2 3 4 1 2 5 1 2 3 4 5"_s;
    const QString book = u"7 0 1 2 0 3 0 4 2 3 0 3 2 1 2 0 1 7 0 1"_s;
    QTest::newRow("Belady FIFO 3") << belady << ReplPolicy::Fifo << 3 << 9;
    QTest::newRow("Belady FIFO 4") << belady << ReplPolicy::Fifo << 4 << 10;
    QTest::newRow("Belady LRU 3") << belady << ReplPolicy::Lru << 3 << 10;
    QTest::newRow("Belady OPT 3") << belady << ReplPolicy::Opt << 3 << 7;
    QTest::newRow("Belady CLOCK 3") << belady << ReplPolicy::Clock << 3 << 9;
    // Silberschatz's figures 10.12, 10.14, 10.15; CLOCK worked by hand (use bits set at load
    // and on a hit, the hand sweeping from frame 0): misses at references 1-4, 6, 8, 9, 11,
    // 12, 14-16, 18 and 20.
    QTest::newRow("textbook FIFO 3") << book << ReplPolicy::Fifo << 3 << 15;
    QTest::newRow("textbook LRU 3") << book << ReplPolicy::Lru << 3 << 12;
    QTest::newRow("textbook OPT 3") << book << ReplPolicy::Opt << 3 << 9;
    QTest::newRow("textbook CLOCK 3") << book << ReplPolicy::Clock << 3 << 14;
    // Enough frames for every page: only the first touches miss.
    QTest::newRow("LINUX, room for all") << belady << ReplPolicy::Linux << 5 << 5;
    QTest::newRow("one frame") << u"1 1 2 2 1"_s << ReplPolicy::Lru << 1 << 3;
}

void TestReplacementLabView::shownTotals()
{
    QFETCH(QString, refs);
    QFETCH(ReplPolicy, policy);
    QFETCH(int, frames);
    QFETCH(int, misses);
    Lab lab;
    QVERIFY(lab.view.setReferenceText(refs));
    lab.view.setFrames(frames);
    QCOMPARE(lab.view.frames(), frames);
    const ReplResult r = simulateReplacement(policy, frames, refsOf(refs));
    QCOMPARE(int(r.misses), misses);
    const int i = lab.panelOf(policy, frames);
    QVERIFY(i >= 0);
    // What the panel's label column says at the end of the string.
    QCOMPARE(lab.view.step(), lab.view.stepCount());
    const QStringList label = lab.view.panelLabel(i);
    QCOMPARE(label.size(), 4);
    QCOMPARE(label[0], QString::fromLatin1(replPolicyName(policy)));
    QCOMPARE(label[2], u"misses: %1"_s.arg(misses));
    const int hits = int(r.hits);
    QCOMPARE(label[3], u"hits: %1 (%2 %)"_s.arg(hits).arg(QLocale().toString(100.0 * hits / r.steps.size(), 'f', 0)));
    // Every step as the core computed it.
    QCOMPARE(lab.view.panels()[std::size_t(i)].result.steps.size(), r.steps.size());
    for (std::size_t t = 0; t < r.steps.size(); ++t) {
        QCOMPARE(lab.view.panels()[std::size_t(i)].result.steps[t].frames, r.steps[t].frames);
        QCOMPARE(lab.view.panels()[std::size_t(i)].result.steps[t].victim, r.steps[t].victim);
    }
    // While stepping, the counts so far of the whole string's.
    lab.view.setStep(4);
    int missesSoFar = 0;
    for (int t = 0; t < 4; ++t) missesSoFar += !r.steps[std::size_t(t)].hit;
    QCOMPARE(lab.view.panelLabel(i)[2], u"misses: %1 of %2"_s.arg(missesSoFar).arg(misses));
}

void TestReplacementLabView::beladyButton()
{
    Lab lab;
    lab.view.setRandom(5, 30, 7);
    lab.view.showBeladyAnomaly();
    QCOMPARE(lab.view.referenceString(), kBelady);
    QCOMPARE(lab.view.policies(), QList<ReplPolicy> { ReplPolicy::Fifo });
    QCOMPARE(lab.view.frames(), 3);
    QVERIFY(lab.view.compareNextFrames());
    QCOMPARE(lab.view.source(), ReplacementLabView::Source::Belady);
    // FIFO with 3 frames and FIFO with 4, next to each other.
    QCOMPARE(int(lab.view.panels().size()), 2);
    QCOMPARE(lab.view.panels()[0].frames, 3);
    QCOMPARE(lab.view.panels()[1].frames, 4);
    QVERIFY(lab.view.panels()[1].pairedWithPrevious);
    QCOMPARE(lab.view.panelLabel(0)[2], u"misses: 9"_s);
    QCOMPARE(lab.view.panelLabel(1)[2], u"misses: 10"_s);
    QVERIFY(lab.view.messageText().contains(u"9 times with 3 frames and 10 times with 4"_s));
    // The plot says where more frames gave more misses.
    QVERIFY2(
        lab.view.plotCaption().contains(u"FIFO: more frames, more misses (Belady's anomaly) at 3→4 frames: 9 → 10"_s),
        qPrintable(lab.view.plotCaption()));
    // A stack algorithm has none.
    lab.view.setPolicies({ ReplPolicy::Lru, ReplPolicy::Opt });
    QVERIFY(!lab.view.plotCaption().contains(u"Belady's anomaly) at"_s));
    QCOMPARE(int(lab.view.panels().size()), 4);
    QCOMPARE(lab.view.panels()[0].policy, ReplPolicy::Lru);
    QCOMPARE(lab.view.panels()[3].policy, ReplPolicy::Opt);
    // Off again: one panel per policy.
    lab.view.setCompareNextFrames(false);
    QCOMPARE(int(lab.view.panels().size()), 2);
}

// ---- narration ----------------------------------------------------------------------------

void TestReplacementLabView::narration_data()
{
    QTest::addColumn<QString>("refs");
    QTest::addColumn<ReplPolicy>("policy");
    QTest::addColumn<int>("frames");
    QTest::addColumn<int>("step"); ///< 1-based
    QTest::addColumn<QString>("expected");
    const QString belady = u"1 2 3 4 1 2 5 1 2 3 4 5"_s;
    const QString book = u"7 0 1 2 0 3 0 4 2 3 0 3 2 1 2 0 1 7 0 1"_s;
    QTest::newRow("cold miss") << belady << ReplPolicy::Fifo << 3 << 2 << u"Step 2: miss: 2 goes into free frame 1"_s;
    QTest::newRow("FIFO first in") << belady << ReplPolicy::Fifo << 3 << 7
                                   << u"Step 7: miss: 5 evicts 4 (first in: loaded at step 4)"_s;
    QTest::newRow("FIFO hit") << belady << ReplPolicy::Fifo << 3 << 8
                              << u"Step 8: hit: 1 is already in frame 1; FIFO's order does not change"_s;
    QTest::newRow("LRU") << belady << ReplPolicy::Lru << 3 << 4
                         << u"Step 4: miss: 4 evicts 1 (least recently used: last used at step 1)"_s;
    QTest::newRow("OPT farthest") << belady << ReplPolicy::Opt << 3 << 4
                                  << u"Step 4: miss: 4 evicts 3: next used farthest away (at step 10)"_s;
    QTest::newRow("OPT never again") << u"1 2 3 2"_s << ReplPolicy::Opt << 2 << 3
                                     << u"Step 3: miss: 3 evicts 1: next used farthest away (never again)"_s;
    QTest::newRow("CLOCK full sweep") << book << ReplPolicy::Clock << 3 << 4
                                      << u"Step 4: miss: %1 have their use bits set — cleared, the hand moves on; "
                                         "7 is evicted for 2"_s.arg(
                                             QLocale().createSeparatedList({ u"7"_s, u"0"_s, u"1"_s }));
    QTest::newRow("CLOCK one cleared") << book << ReplPolicy::Clock << 3 << 6
                                       << u"Step 6: miss: 0 has its use bit set — cleared, the hand moves on; 1 is "
                                          "evicted for 3"_s;
    QTest::newRow("CLOCK clear bit") << book << ReplPolicy::Clock << 3 << 9
                                     << u"Step 9: miss: the hand finds 0 with its use bit clear and evicts it for 2"_s;
    QTest::newRow("CLOCK hit") << book << ReplPolicy::Clock << 3 << 5
                               << u"Step 5: hit: 0 is in frame 1; its use bit is set"_s;
    QTest::newRow("LINUX referenced")
        << u"1 2 1 3"_s << ReplPolicy::Linux << 2 << 3
        << u"Step 3: hit: 1 on the inactive list gets PG_referenced (mark_page_accessed)"_s;
    QTest::newRow("LINUX second chance")
        << u"1 2 1 3"_s << ReplPolicy::Linux << 2 << 4
        << u"Step 4: miss: 3 evicts 2 from the tail of the inactive list; 1 had PG_referenced — cleared, another round"_s;
    // 1 and 2 activated (third touch each), 3 on the inactive list alone: before reclaiming,
    // the active list's tail (1) is deactivated, then the inactive tail (3) goes.
    QTest::newRow("LINUX deactivation") << u"1 1 1 2 2 2 3 4"_s << ReplPolicy::Linux << 3 << 8
                                        << u"Step 8: miss: 4 evicts 3 from the tail of the inactive list; 1 moved to "
                                           "the inactive list (the active list was the longer one)"_s;
    QTest::newRow("LINUX activation")
        << u"1 1 1"_s << ReplPolicy::Linux << 2 << 3
        << u"Step 3: hit: 1 was referenced before on the inactive list: mark_page_accessed() moves it to the active list"_s;
}

void TestReplacementLabView::narration()
{
    QFETCH(QString, refs);
    QFETCH(ReplPolicy, policy);
    QFETCH(int, frames);
    QFETCH(int, step);
    QFETCH(QString, expected);
    Lab lab;
    QVERIFY(lab.view.setReferenceText(refs));
    lab.view.setFrames(frames);
    lab.view.setPolicies({ policy });
    lab.view.setStep(step);
    QCOMPARE(lab.view.narration(0), expected);
    // Before the first step the panel says what the policy does.
    lab.view.toStart();
    QCOMPARE(lab.view.narration(0), ReplacementLabView::policyRule(policy));
    // Every step of every policy has a sentence.
    for (ReplPolicy p : { ReplPolicy::Fifo, ReplPolicy::Lru, ReplPolicy::Opt, ReplPolicy::Clock, ReplPolicy::Linux }) {
        const std::vector<std::int64_t> v = refsOf(refs);
        const auto lines = ReplacementLabView::narrate(p, v, simulateReplacement(p, frames, v));
        QCOMPARE(lines.size(), v.size());
        for (const QString& s : lines) QVERIFY(s.startsWith(u"hit: "_s) || s.startsWith(u"miss: "_s));
    }
}

// ---- input --------------------------------------------------------------------------------

void TestReplacementLabView::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("refs"); ///< expected, "" when refused
    QTest::addColumn<QString>("error"); ///< a part of the message when refused
    QTest::newRow("spaces") << u"1 2 3 4 1 2 5"_s << u"1 2 3 4 1 2 5"_s << QString();
    QTest::newRow("commas") << u"1,2,3,4"_s << u"1 2 3 4"_s << QString();
    QTest::newRow("mixed, padded") << u"  7, 0 ,1;2\t0  "_s << u"7 0 1 2 0"_s << QString();
    QTest::newRow("hex") << u"0x10 0XfF 3"_s << u"16 255 3"_s << QString();
    QTest::newRow("largest page") << u"999999 0"_s << u"999999 0"_s << QString();
    QTest::newRow("letter") << u"1 2 x 4"_s << QString() << u"“x” (entry 3, column 5) is not a page number"_s;
    QTest::newRow("negative") << u"1,-2"_s << QString() << u"“-2” (entry 2, column 3) is not a page number"_s;
    QTest::newRow("decimal point") << u"1 2.5"_s << QString() << u"“2.5” (entry 2, column 3)"_s;
    QTest::newRow("too large") << u"3 1000000"_s << QString() << u"“1000000” (entry 2, column 3) is too large"_s;
    QTest::newRow("bad hex") << u"0x1g"_s << QString() << u"“0x1g” (entry 1, column 1)"_s;
    QTest::newRow("empty") << u"  , "_s << QString() << u"Type at least one page number"_s;
    QString many;
    for (int i = 0; i < 130; ++i) many += u"%1 "_s.arg(i % 7);
    QTest::newRow("too long") << many << QString() << u"130 references: the lab replays at most 128"_s;
}

void TestReplacementLabView::parse()
{
    QFETCH(QString, text);
    QFETCH(QString, refs);
    QFETCH(QString, error);
    QString why;
    const auto parsed = ReplacementLabView::parseReferenceText(text, &why);
    if (refs.isEmpty()) {
        QVERIFY(!parsed);
        QVERIFY2(why.contains(error), qPrintable(why));
        // The place named is the token's.
        int start = -1, length = -1;
        ReplacementLabView::parseReferenceText(text, nullptr, &start, &length);
        const QString quoted = error.section(u'“', 1).section(u'”', 0, 0);
        if (!quoted.isEmpty()) QCOMPARE(text.mid(start, length), quoted);
    } else {
        QVERIFY2(parsed, qPrintable(why));
        QCOMPARE(*parsed, refsOf(refs));
        QVERIFY(why.isEmpty());
    }
}

void TestReplacementLabView::badInputKeepsTheString()
{
    Lab lab;
    QVERIFY(lab.view.setReferenceText(u"4 3 2 1"_s));
    QVERIFY(lab.view.lastError().isEmpty());
    lab.view.setStep(2);
    QVERIFY(!lab.view.setReferenceText(u"4 3 zwei 1"_s));
    QCOMPARE(lab.view.referenceString(), refsOf(u"4 3 2 1"_s));
    QCOMPARE(lab.view.step(), 2);
    QVERIFY(lab.view.lastError().contains(u"“zwei” (entry 3, column 5)"_s));
    // The message line shows the error instead of the string's origin.
    QCOMPARE(lab.view.messageText(), lab.view.lastError());
    // Typed into the line edit and Enter: the same.
    auto* edit = lab.view.findChild<QLineEdit*>();
    QVERIFY(edit);
    edit->setText(u"1 2 ?"_s);
    QTest::keyClick(edit, Qt::Key_Return);
    QCOMPARE(lab.view.referenceString(), refsOf(u"4 3 2 1"_s));
    QVERIFY(lab.view.lastError().contains(u"“?” (entry 3, column 5)"_s));
    QCOMPARE(edit->text(), u"1 2 ?"_s); // kept for fixing, the bad token selected
    QCOMPARE(edit->selectionStart(), 4);
    QCOMPARE(edit->selectedText(), u"?"_s);
    // A good string clears the error.
    edit->setText(u"1 2 3"_s);
    QTest::keyClick(edit, Qt::Key_Return);
    QCOMPARE(lab.view.referenceString(), refsOf(u"1 2 3"_s));
    QVERIFY(lab.view.lastError().isEmpty());
    // The vector API checks too.
    QVERIFY(!lab.view.setReferenceString({}));
    QVERIFY(!lab.view.setReferenceString({ 1, -4 }));
    QVERIFY(lab.view.lastError().contains(u"entry 2"_s));
    QCOMPARE(lab.view.referenceString(), refsOf(u"1 2 3"_s));
}

void TestReplacementLabView::randomStrings()
{
    const auto a = ReplacementLabView::randomReferenceString(42, 40, 6);
    QCOMPARE(a, ReplacementLabView::randomReferenceString(42, 40, 6));
    QVERIFY(a != ReplacementLabView::randomReferenceString(43, 40, 6));
    QCOMPARE(int(a.size()), 40);
    std::set<std::int64_t> seen;
    for (std::size_t i = 0; i < a.size(); ++i) {
        QVERIFY(a[i] >= 1 && a[i] <= 6);
        if (i) QVERIFY(a[i] != a[i - 1]); // never the same page twice in a row
        seen.insert(a[i]);
    }
    QCOMPARE(int(seen.size()), 6);
    // Pinned: std::mt19937_64 and the rejection draw give these on every platform.
    QCOMPARE(ReplacementLabView::randomReferenceString(1, 12, 5), ReplacementLabView::randomReferenceString(1, 12, 5));
    const auto pinned = ReplacementLabView::randomReferenceString(2024, 10, 4);
    QCOMPARE(pinned, (std::vector<std::int64_t> { 3, 2, 4, 2, 3, 1, 3, 4, 3, 2 }));
    // A prefix of a longer string from the same seed.
    const auto longer = ReplacementLabView::randomReferenceString(42, 60, 6);
    QVERIFY(std::equal(a.begin(), a.end(), longer.begin()));
    // One page only: all the same.
    QCOMPARE(ReplacementLabView::randomReferenceString(9, 3, 1), (std::vector<std::int64_t> { 1, 1, 1 }));
    // Through the view: the controls' values and a description.
    Lab lab;
    lab.view.setRandom(42, 40, 6);
    QCOMPARE(lab.view.referenceString(), a);
    QCOMPARE(lab.view.source(), ReplacementLabView::Source::Random);
    QVERIFY(lab.view.messageText().contains(u"seed 42"_s));
    QCOMPARE(lab.view.findChild<QLineEdit*>()->text(), lab.view.referenceText());
}

// ---- recording ----------------------------------------------------------------------------

namespace {

/// A process touching pages of a fresh mapping in the order of `pattern` (page indices),
/// one access command each.
struct Recorded {
    Simulator sim;
    std::uint32_t pid = 0;
    std::uint64_t base = 0;
    std::uint64_t page = 4096;
    std::uint64_t firstAccessEvent = 0; ///< events before the pattern's first access
};

Recorded run(const std::vector<int>& pattern, int mappingPages = 128)
{
    Recorded r { test::boot("x86-64", "256M") };
    r.pid = test::spawn(r.sim, "walker");
    r.page = r.sim.config().arch.pageSize();
    r.base = test::mmapAnon(r.sim, r.pid, std::uint64_t(mappingPages) * r.page);
    r.firstAccessEvent = r.sim.eventCount();
    for (int p : pattern) test::access(r.sim, r.pid, r.base + std::uint64_t(p) * r.page + 8, 1, p % 2 == 0);
    return r;
}

void showAt(ViewContext& ctx, const Simulator& sim, std::uint64_t n)
{
    ctx.setSimulator(&sim);
    auto [before, after] = sim.stepAt(n);
    ctx.setState(std::move(before), std::move(after), n);
}

} // namespace

void TestReplacementLabView::recordFromRun()
{
    // Pages 10 11 12 10 10 13 11: the repeated 10 is folded into one reference.
    Recorded r = run({ 10, 11, 12, 10, 10, 13, 11 });
    Lab lab;
    showAt(lab.ctx, r.sim, r.sim.eventCount());
    QVERIFY2(lab.view.recordFromRun(r.pid), qPrintable(lab.view.lastError()));
    QCOMPARE(lab.view.source(), ReplacementLabView::Source::Recorded);
    QCOMPARE(lab.view.recordedPid(), r.pid);
    const auto& refs = lab.view.referenceString();
    const auto& vpns = lab.view.recordedPages();
    // The pattern is the string's tail (exec's own accesses may come before it).
    QVERIFY(refs.size() >= 6);
    std::vector<std::uint64_t> tail;
    for (std::size_t i = refs.size() - 6; i < refs.size(); ++i) tail.push_back(vpns[std::size_t(refs[i] - 1)]);
    const std::uint64_t v0 = r.base / r.page;
    QCOMPARE(tail, (std::vector<std::uint64_t> { v0 + 10, v0 + 11, v0 + 12, v0 + 10, v0 + 13, v0 + 11 }));
    // Labels are 1, 2, 3 … in order of first use.
    std::int64_t next = 1;
    for (std::int64_t x : refs) {
        QVERIFY(x <= next);
        if (x == next) ++next;
    }
    QCOMPARE(std::size_t(next - 1), vpns.size());
    // The legend names the real pages in hex.
    QVERIFY(lab.view.messageText().contains(u"0x%1"_s.arg(v0 + 13, 0, 16)));
    QVERIFY(lab.view.messageText().contains(u"process %1 (walker)"_s.arg(r.pid)));
    const int col = int(refs.size()) - 1;
    QVERIFY(lab.view.table()->refToolTip(col).contains(u"virtual page 0x%1"_s.arg(v0 + 11, 0, 16)));
    // Totals over the recorded string as the core has them.
    const int i = lab.panelOf(ReplPolicy::Lru, 3);
    QCOMPARE(lab.view.panelLabel(i)[2], u"misses: %1"_s.arg(simulateReplacement(ReplPolicy::Lru, 3, refs).misses));

    // Up to the cursor: after the third access of the pattern, 12 is the last page.
    std::uint64_t n = r.firstAccessEvent, seen = 0;
    for (; n < r.sim.eventCount() && seen < 3; ++n)
        if (r.sim.events()[n].type == EventType::TlbLookup && r.sim.events()[n].pid == r.pid
            && (seen == 0 || r.sim.events()[n].a / r.page != v0 + 10 + seen - 1))
            ++seen;
    showAt(lab.ctx, r.sim, n);
    QVERIFY(lab.view.recordFromRun(r.pid));
    QCOMPARE(lab.view.recordedPages()[std::size_t(lab.view.referenceString().back() - 1)], v0 + 12);
}

void TestReplacementLabView::recordOneMapping()
{
    // Only the mapping's pages: exec's accesses to the stack and the libraries drop out. (The
    // pattern's mapping merged with the small anonymous mapping exec made above it, as
    // vma_merge() does, so exec's accesses to that part stay in.)
    Recorded r = run({ 10, 11, 12, 10, 10, 13, 11 });
    const std::uint32_t idle = test::spawn(r.sim, "idle");
    // Read-only, so that it does not merge with the pattern's mapping next to it.
    Command c = vmCommand(CommandType::Mmap, r.pid);
    c.len = 4 * r.page;
    c.prot = Prot::Read;
    c.mapFlags = MapFlag::Private | MapFlag::Anonymous;
    const std::uint64_t untouched = r.sim.apply(c).value;
    Lab lab;
    showAt(lab.ctx, r.sim, r.sim.eventCount());
    const Vma* vma = lab.ctx.machine().proc(r.pid)->mm.find(r.base);
    QVERIFY(vma);
    const std::uint64_t lo = vma->start, hi = vma->end;
    const std::uint64_t v0 = r.base / r.page;
    QVERIFY2(lab.view.recordFromRun(r.pid, lo), qPrintable(lab.view.lastError()));
    const std::vector<std::int64_t> refs = lab.view.referenceString();
    const std::vector<std::uint64_t> vpns = lab.view.recordedPages();
    QVERIFY(refs.size() >= 6);
    std::vector<std::uint64_t> tail;
    for (std::size_t i = refs.size() - 6; i < refs.size(); ++i) tail.push_back(vpns[std::size_t(refs[i] - 1)]);
    QCOMPARE(tail, (std::vector<std::uint64_t> { v0 + 10, v0 + 11, v0 + 12, v0 + 10, v0 + 13, v0 + 11 }));
    for (std::uint64_t v : vpns) QVERIFY(v * r.page >= lo && v * r.page < hi);
    QCOMPARE(lab.view.recordedMapping(), lo);
    QVERIFY2(lab.view.messageText().contains(u"all %1 page accesses"_s.arg(refs.size())), qPrintable(lab.view.messageText()));
    QVERIFY(lab.view.messageText().contains(u"Only accesses inside the mapping 0x%1–0x%2."_s.arg(lo, 0, 16).arg(hi, 0, 16)));
    // The same from the controls: the mapping box lists the process's maps lines.
    QComboBox* box = nullptr;
    for (QComboBox* c : lab.view.findChildren<QComboBox*>())
        if (c->findData(QVariant::fromValue<qulonglong>(lo)) >= 0) box = c;
    QVERIFY(box);
    QCOMPARE(box->itemText(0), u"all mappings"_s);
    const int at = box->findData(QVariant::fromValue<qulonglong>(lo));
    QVERIFY2(box->itemText(at).startsWith(u"%1-%2 rw-p"_s.arg(lo, 0, 16).arg(hi, 0, 16)), qPrintable(box->itemText(at)));
    QVERIFY(box->findData(QVariant::fromValue<qulonglong>(untouched)) >= 0);
    QVERIFY(lab.view.setReferenceText(u"1 2 3"_s));
    box->setCurrentIndex(at);
    QCOMPARE(lab.view.chosenMapping(), lo);
    QPushButton* record = nullptr;
    for (QPushButton* b : lab.view.findChildren<QPushButton*>())
        if (b->text() == u"Record last 64"_s) record = b;
    QVERIFY(record);
    record->click();
    QCOMPARE(lab.view.source(), ReplacementLabView::Source::Recorded);
    QCOMPARE(lab.view.referenceString(), refs);
    // All mappings: more of exec's accesses come first.
    QVERIFY(lab.view.recordFromRun(r.pid));
    QVERIFY(lab.view.referenceString().size() > refs.size());
    QCOMPARE(lab.view.recordedMapping(), ReplacementLabView::kAllMappings);
    QVERIFY(!lab.view.messageText().contains(u"Only accesses inside"_s));

    // Refusals keep the string: no mapping starts there; a mapping never touched; another
    // process's mapping.
    const auto before = lab.view.referenceString();
    QVERIFY(!lab.view.recordFromRun(r.pid, lo + r.page));
    QVERIFY2(lab.view.lastError().contains(u"has no mapping at 0x%1"_s.arg(lo + r.page, 0, 16)),
        qPrintable(lab.view.lastError()));
    QVERIFY(!lab.view.recordFromRun(r.pid, untouched));
    QVERIFY2(lab.view.lastError().contains(u"made no page access inside 0x%1–0x%2"_s.arg(untouched, 0, 16)
                                               .arg(untouched + 4 * r.page, 0, 16)),
        qPrintable(lab.view.lastError()));
    QVERIFY(!lab.view.recordFromRun(idle, lo));
    QCOMPARE(lab.view.referenceString(), before);
}

void TestReplacementLabView::recordLimitsAndFollows()
{
    std::vector<int> pattern;
    for (int i = 0; i < 100; ++i) pattern.push_back(i % 90);
    Recorded r = run(pattern);
    Lab lab;
    showAt(lab.ctx, r.sim, r.sim.eventCount());
    QVERIFY(lab.view.recordFromRun(r.pid));
    QCOMPARE(int(lab.view.referenceString().size()), ReplacementLabView::kRecordLength);
    QVERIFY(lab.view.messageText().contains(u"the last 64 page accesses"_s));
    // The last of them is page 99 % 90 = 9 of the mapping.
    const std::uint64_t v0 = r.base / r.page;
    QCOMPARE(lab.view.recordedPages()[std::size_t(lab.view.referenceString().back() - 1)], v0 + 9);

    // Following the player: a step back in the run records again.
    lab.view.setFollowRun(true);
    std::uint64_t n = r.sim.eventCount();
    while (n > 0 && !(r.sim.events()[n - 1].type == EventType::TlbLookup && r.sim.events()[n - 1].a / r.page == v0 + 5))
        --n;
    showAt(lab.ctx, r.sim, n);
    QCOMPARE(lab.view.recordedPages()[std::size_t(lab.view.referenceString().back() - 1)], v0 + 5);
    QCOMPARE(lab.view.step(), lab.view.stepCount());
    // A string of one's own ends following: the next step of the run leaves it alone.
    QVERIFY(lab.view.setReferenceText(u"1 2 3"_s));
    QVERIFY(!lab.view.followRun());
    showAt(lab.ctx, r.sim, r.sim.eventCount());
    QCOMPARE(lab.view.referenceString(), refsOf(u"1 2 3"_s));
}

void TestReplacementLabView::recordRefusals()
{
    Lab lab;
    const auto before = lab.view.referenceString();
    QVERIFY(!lab.view.recordFromRun(1000));
    QVERIFY(lab.view.lastError().contains(u"No run to record from yet"_s));
    QCOMPARE(lab.view.referenceString(), before);

    Recorded r = run({ 1, 2, 3 });
    showAt(lab.ctx, r.sim, r.sim.eventCount());
    QVERIFY(!lab.view.recordFromRun(4242));
    QVERIFY(lab.view.lastError().contains(u"no process 4242"_s));
    // A second process, seen right after it appears: it has not touched a page yet.
    const std::uint32_t other = test::spawn(r.sim, "idle");
    std::uint64_t n = 0;
    while (
        n < r.sim.eventCount() && !(r.sim.events()[n].type == EventType::ProcessNew && r.sim.events()[n].pid == other))
        ++n;
    QVERIFY(n < r.sim.eventCount());
    showAt(lab.ctx, r.sim, n + 1);
    QVERIFY(!lab.view.recordFromRun(other));
    QVERIFY2(lab.view.lastError().contains(u"made no page access up to event %1"_s.arg(n + 1)),
        qPrintable(lab.view.lastError()));
    QCOMPARE(lab.view.referenceString(), before);
}

// ---- stepping -----------------------------------------------------------------------------

void TestReplacementLabView::stepping()
{
    Lab lab;
    QVERIFY(lab.view.setReferenceText(u"1 2 3 4 1 2 5 1 2 3 4 5"_s));
    QSignalSpy spy(&lab.view, &ReplacementLabView::stepChanged);
    QCOMPARE(lab.view.stepCount(), 12);
    QCOMPARE(lab.view.step(), 12); // a new string is shown whole
    lab.view.stepForward();
    QCOMPARE(lab.view.step(), 12);
    lab.view.setStep(-3);
    QCOMPARE(lab.view.step(), 0);
    lab.view.stepBack();
    QCOMPARE(lab.view.step(), 0);
    lab.view.setStep(99);
    QCOMPARE(lab.view.step(), 12);
    lab.view.toStart();
    lab.view.stepForward();
    lab.view.stepForward();
    QCOMPARE(lab.view.step(), 2);
    QCOMPARE(lab.view.table()->model().step, 2);
    QCOMPARE(spy.count(), 5); // 0, 12, 0, 1, 2
    // Changing the frames or the policies keeps the cursor; a new string starts at its end.
    lab.view.setFrames(4);
    QCOMPARE(lab.view.step(), 2);
    QVERIFY(lab.view.setReferenceText(u"3 2 1"_s));
    QCOMPARE(lab.view.step(), 3);
    // Clicking a column jumps there.
    lab.view.setStep(0);
    emit lab.view.table()->columnClicked(1);
    QCOMPARE(lab.view.step(), 2);
    // Playing: from the end it starts again at the beginning, and stops at the end.
    lab.view.toEnd();
    lab.view.setPlaying(true);
    QVERIFY(lab.view.isPlaying());
    QCOMPARE(lab.view.step(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(lab.view.step(), 1, 3000);
    lab.view.setPlaying(false);
    QVERIFY(!lab.view.isPlaying());
}

void TestReplacementLabView::futureColumnsAreDimmed()
{
    Lab lab;
    QVERIFY(lab.view.setReferenceText(u"1 2 3 4 1 2 5 1 2 3 4 5"_s));
    lab.view.setPolicies({ ReplPolicy::Fifo });
    lab.view.setStep(5);
    ReplacementLabTable* t = lab.view.table();
    const ReplacementLabGeometry& g = t->geometry();
    const QImage img = t->viewport()->grab().toImage();
    const qreal dpr = img.devicePixelRatio();
    auto px = [&](const QRectF& r) {
        return QRect(int(r.left() * dpr), int(r.top() * dpr), int(r.width() * dpr), int(r.height() * dpr));
    };
    const QColor dim = Palette::mix(Palette::background(), Palette::gridLine(), 0.45);
    // Column 6 (index 5) is not replayed: its frame cells are the dim colour and nothing else.
    for (int s = 0; s < 3; ++s) QCOMPARE(pixelsNot(img, px(g.cellRect(0, s, 5)), dim), 0);
    QCOMPARE(pixelsNot(img, px(g.outcomeRect(0, 9)), dim), 0);
    // Column 4 (index 3, page 4 loaded into frame 0) shows its page.
    QVERIFY(pixelsNot(img, px(g.cellRect(0, 0, 3)), Palette::background()) > 10);
    QVERIFY(pixelsNot(img, px(g.cellRect(0, 1, 3)), Palette::background()) > 10);
    // The current column's reference is on the highlight colour.
    const QRect ref = px(g.refRect(4));
    QCOMPARE(QColor(img.pixel(ref.left() + 4, ref.top() + 4)).rgb(), Palette::highlight().rgb());
    // Tooltips agree.
    QVERIFY(t->cellToolTip(0, 0, 7).contains(u"Not replayed yet"_s));
    QVERIFY(t->cellToolTip(0, 0, 3).contains(u"Holds page 4"_s));
}

void TestReplacementLabView::keys()
{
    // In a window whose player owns the arrow keys, the lab's keys win while it has focus.
    QWidget window;
    auto* layout = new QVBoxLayout(&window);
    auto* other = new QLineEdit(&window);
    layout->addWidget(other);
    ViewContext ctx;
    auto* view = new ReplacementLabView(&ctx, &window);
    layout->addWidget(view);
    int playerSteps = 0;
    auto* right = new QShortcut(QKeySequence(Qt::Key_Right), &window);
    QObject::connect(right, &QShortcut::activated, [&] { ++playerSteps; });
    window.resize(1200, 760);
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QVERIFY(view->setReferenceText(u"1 2 3 4 5"_s));
    view->setStep(2);
    view->table()->setFocus();
    QTRY_VERIFY(view->table()->hasFocus());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Right);
    QCOMPARE(view->step(), 3);
    QCOMPARE(playerSteps, 0);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Left);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Left);
    QCOMPARE(view->step(), 1);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_End);
    QCOMPARE(view->step(), 5);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Home);
    QCOMPARE(view->step(), 0);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Space);
    QVERIFY(view->isPlaying());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Space);
    QVERIFY(!view->isPlaying());
    // Elsewhere in the window the player's shortcut works as before.
    other->setFocus();
    QTRY_VERIFY(other->hasFocus());
    other->clear();
    QTest::keyClick(other, Qt::Key_Right); // a line edit keeps its own arrow keys
    QCOMPARE(view->step(), 0);
}

// ---- the plot -----------------------------------------------------------------------------

void TestReplacementLabView::plotData()
{
    Lab lab;
    lab.view.setRandom(7, 24, 6);
    const auto refs = lab.view.referenceString();
    for (ReplPolicy p : { ReplPolicy::Fifo, ReplPolicy::Lru, ReplPolicy::Opt, ReplPolicy::Clock, ReplPolicy::Linux }) {
        const QVector<double> v = lab.view.plottedMisses(p);
        QCOMPARE(int(v.size()), 10);
        for (int f = 1; f <= 10; ++f) QCOMPARE(v[f - 1], double(simulateReplacement(p, f, refs).misses));
        // One line per shown policy; OPT never above the others.
        QVERIFY(v[2] >= lab.view.plottedMisses(ReplPolicy::Opt)[2]);
    }
    QCOMPARE(legendEntries(lab.view.plot()), 5);
    lab.view.setPolicies({ ReplPolicy::Opt, ReplPolicy::Clock });
    QVERIFY(lab.view.plottedMisses(ReplPolicy::Fifo).isEmpty());
    QCOMPARE(legendEntries(lab.view.plot()), 2);
    // Comparing 10 with 11 frames stretches the axis to 11.
    lab.view.setFrames(10);
    lab.view.setCompareNextFrames(true);
    QCOMPARE(lab.view.plotMaxFrames(), 11);
    QCOMPARE(int(lab.view.plottedMisses(ReplPolicy::Opt).size()), 11);
    // Belady's string: FIFO's line goes up from 3 to 4 frames.
    lab.view.showBeladyAnomaly();
    const QVector<double> fifo = lab.view.plottedMisses(ReplPolicy::Fifo);
    QCOMPARE(fifo[2], 9.0);
    QCOMPARE(fifo[3], 10.0);
}

void TestReplacementLabView::tooltips()
{
    Lab lab;
    QVERIFY(lab.view.setReferenceText(u"1 2 3 4 1 2 5 1 2 3 4 5"_s));
    ReplacementLabTable* t = lab.view.table();
    const int clock = lab.panelOf(ReplPolicy::Clock, 3);
    // CLOCK after the 4th reference: 4 replaced 1 in frame 0, the hand at frame 1.
    const QString c = t->cellToolTip(clock, 0, 3);
    QVERIFY2(c.contains(u"Miss: loaded here in place of page 1."_s), qPrintable(c));
    QVERIFY(c.contains(u"Use bit set."_s));
    QVERIFY(t->cellToolTip(clock, 1, 3).contains(u"The clock hand points here"_s));
    const int lin = lab.panelOf(ReplPolicy::Linux, 3);
    QVERIFY(t->cellToolTip(lin, 0, 0).contains(u"On the inactive list."_s));
    const int opt = lab.panelOf(ReplPolicy::Opt, 3);
    QVERIFY(t->outcomeToolTip(opt, 3).contains(u"next used farthest away"_s));
    // Through the geometry: a point inside a cell gives that cell's tooltip.
    const QRectF r = t->geometry().cellRect(0, 1, 2);
    t->ensureColumnVisible(2);
    QCOMPARE(t->toolTipAt(t->geometry().cellRect(0, 1, 2).center()), t->cellToolTip(0, 1, 2));
    Q_UNUSED(r);
}

// ---- layout -------------------------------------------------------------------------------

void TestReplacementLabView::geometry_data()
{
    QTest::addColumn<int>("panels");
    QTest::addColumn<int>("frames");
    QTest::addColumn<int>("columns");
    QTest::addColumn<QSizeF>("viewport");
    QTest::addColumn<bool>("fitsHeight"); ///< every panel without scrolling
    QTest::addColumn<bool>("scrollsX");
    QTest::newRow("Belady pair, projector") << 2 << 3 << 12 << QSizeF(1200, 800) << true << false;
    QTest::newRow("five policies, 3 frames, 1024x768") << 5 << 3 << 20 << QSizeF(760, 620) << true << false;
    QTest::newRow("five policies, 3 frames, small") << 5 << 3 << 20 << QSizeF(600, 380) << false << true;
    QTest::newRow("five policies, 10 frames, 64 long") << 5 << 10 << 64 << QSizeF(1000, 700) << false << true;
    QTest::newRow("one panel, 128 long") << 1 << 4 << 128 << QSizeF(600, 400) << true << true;
}

void TestReplacementLabView::geometry()
{
    QFETCH(int, panels);
    QFETCH(int, frames);
    QFETCH(int, columns);
    QFETCH(QSizeF, viewport);
    QFETCH(bool, fitsHeight);
    QFETCH(bool, scrollsX);
    const std::vector<int> f(std::size_t(panels), frames);
    const std::vector<bool> paired(std::size_t(panels), false);
    // Text as wide as 0.6 px per character: "misses: 10 of 12" and a two-digit page.
    const auto labelW = [](qreal px) { return 16 * 0.6 * px; };
    const auto cellW = [](qreal px) { return 2 * 0.6 * px; };
    const auto g = ReplacementLabGeometry::fit(f, paired, columns, viewport, 22, 13, labelW, cellW, 1, 1);
    QVERIFY(g.px >= 13 && g.px <= 22);
    const qreal need = g.headerH() + g.bodyH + g.legendH;
    QCOMPARE(need <= viewport.height(), fitsHeight);
    if (!fitsHeight) QCOMPARE(g.px, 13.0); // shrunk to the minimum before scrolling
    QCOMPARE(g.maxScrollX() > 0, scrollsX);
    QCOMPARE(g.maxScrollY() > 0, !fitsHeight);
    // Never narrower than the widest page label with padding; never overlapping.
    QVERIFY(g.colW >= cellW(g.px) + g.px * 0.5);
    QVERIFY(g.labelW <= viewport.width() * 0.34 + 1);
    for (int i = 1; i < panels; ++i) QVERIFY(g.panelTop(i) >= g.panelBodyRect(i - 1).bottom());
    // Round trip through hit testing.
    const QRectF cell = g.cellRect(panels - 1, frames - 1, 1);
    if (g.bodyArea().contains(cell.center())) {
        const auto h = g.hitTest(cell.center());
        QCOMPARE(int(h.kind), int(ReplacementLabGeometry::Hit::Cell));
        QCOMPARE(h.panel, panels - 1);
        QCOMPARE(h.slot, frames - 1);
        QCOMPARE(h.col, 1);
        QCOMPARE(int(g.hitTest(g.outcomeRect(panels - 1, 1).center()).kind), int(ReplacementLabGeometry::Hit::Outcome));
    }
    QCOMPARE(g.hitTest(g.refRect(0).center()).col, 0);
}

void TestReplacementLabView::shortPlotPane()
{
    // A short lab (a projector's 720 lines, large type, the narration docked below): the plot
    // keeps its legend and axes inside its pane; the title and the sentence under it give way.
    Lab tall(QSize(1280, 800));
    QCoreApplication::processEvents();
    const auto title = [](Lab& l) {
        auto* t = qobject_cast<QCPTextElement*>(l.view.plot()->plotLayout()->element(0, 0));
        return t ? t->text() : u"(no title element)"_s;
    };
    const auto captionShown = [](Lab& l) {
        for (QLabel* c : l.view.findChildren<QLabel*>())
            if (c->text().contains(u"Belady's anomaly"_s) && c->parentWidget() == l.view.plot()->parentWidget())
                return c->isVisible();
        return false;
    };
    QCOMPARE(title(tall), u"Misses by frames"_s);
    QVERIFY(tall.view.setReferenceText(u"1 2 3 4 1 2 5 1 2 3 4 5"_s));
    QCoreApplication::processEvents();
    QVERIFY(captionShown(tall));

    Palette::setPresentation(true);
    {
        Lab shortLab(QSize(1280, 470)); // the lab in presentation mode on 1280x720, narration below
        QVERIFY(shortLab.view.setReferenceText(u"1 2 3 4 1 2 5 1 2 3 4 5"_s));
        shortLab.view.resize(1280, 471);
        QCoreApplication::processEvents();
        QCustomPlot* p2 = shortLab.view.plot();
        QVERIFY2(p2->minimumHeight() <= p2->parentWidget()->height(),
            qPrintable(u"%1 > %2"_s.arg(p2->minimumHeight()).arg(p2->parentWidget()->height())));
        QVERIFY(!captionShown(shortLab));
        QVERIFY(title(shortLab).isEmpty());
        QVERIFY(p2->yAxis->ticker()->tickCount() < 5);
    }
    Palette::setPresentation(false);
}

void TestReplacementLabView::longStringScrolls()
{
    // 64 references, five policies, ten frames: columns keep their width and scroll; the
    // current column is scrolled into view while stepping.
    Lab lab(QSize(1280, 800));
    lab.view.setRandom(3, 64, 14);
    lab.view.setFrames(10);
    ReplacementLabTable* t = lab.view.table();
    const ReplacementLabGeometry& g = t->geometry();
    const QFontMetricsF fm(Palette::pixelFont(Palette::viewFont(t), g.px, true));
    QVERIFY(g.colW >= fm.horizontalAdvance(u"14"_s) + 4);
    QVERIFY(t->horizontalScrollBar()->maximum() > 0);
    QVERIFY(t->verticalScrollBar()->maximum() > 0);
    lab.view.setStep(1);
    QCOMPARE(t->horizontalScrollBar()->value(), 0);
    lab.view.setStep(60);
    const QRectF cur = t->geometry().refRect(59);
    QVERIFY(cur.left() >= g.labelW - 1 && cur.right() <= g.viewport.width() + 1);
    // Jumping back out of view: the steps before the current one stay in sight too.
    lab.view.setStep(30);
    const auto inView = [&](int col) {
        const QRectF r = t->geometry().refRect(col);
        return r.left() >= g.labelW - 1 && r.right() <= g.viewport.width() + 1;
    };
    QVERIFY(inView(29));
    QVERIFY(inView(29 - int(g.gridArea().width() / g.colW / 2)));
    QVERIFY(inkShare(lab.view.grab().toImage()) > 0.08);
}

void TestReplacementLabView::renders_data()
{
    QTest::addColumn<bool>("dark");
    QTest::addColumn<QSize>("size");
    QTest::newRow("light 1280x800") << false << QSize(1280, 800);
    QTest::newRow("dark 1280x800") << true << QSize(1280, 800);
    QTest::newRow("light 800x500") << false << QSize(800, 500);
    QTest::newRow("dark 800x500") << true << QSize(800, 500);
}

void TestReplacementLabView::renders()
{
    QFETCH(bool, dark);
    QFETCH(QSize, size);
    applyTheme(dark);
    Lab lab(size);
    lab.view.setRandom(11, 20, 6);
    lab.view.setStep(9);
    const QImage img = lab.view.renderToImage(size);
    QCOMPARE(img.size(), size * img.devicePixelRatio());
    QVERIFY(inkShare(img) > 0.05);
    const QImage table = lab.view.table()->viewport()->grab().toImage();
    QVERIFY(inkShare(table) > 0.05);
    // The theme's background where nothing is drawn (the table's corner).
    QCOMPARE(QColor(table.pixel(2, 2)).rgb(), Palette::background().rgb());
    // Every panel's label column fits: the lines are not cut.
    ReplacementLabTable* t = lab.view.table();
    const QFontMetricsF fb(Palette::pixelFont(Palette::viewFont(t), t->geometry().px, true));
    for (int i = 0; i < int(lab.view.panels().size()); ++i)
        QVERIFY(fb.horizontalAdvance(lab.view.panelLabel(i)[2]) < t->geometry().labelW);
}

void TestReplacementLabView::retranslates()
{
    Lab lab;
    QVERIFY(lab.view.setReferenceText(u"1 2 3 4 1 2 5"_s));
    lab.view.setStep(5);
    MarkingTranslator marking;
    QCoreApplication::installTranslator(&marking);
    QCoreApplication::processEvents(); // the application posts LanguageChange to its windows
    QVERIFY(lab.view.narration(0).startsWith(u"«"_s));
    QVERIFY(lab.view.panelLabel(0)[1].startsWith(u"«"_s));
    QVERIFY(lab.view.panels()[0].narration[0].startsWith(u"«"_s));
    QVERIFY(lab.view.panels()[0].rule.startsWith(u"«"_s));
    QVERIFY(lab.view.messageText().startsWith(u"«"_s));
    QVERIFY(lab.view.plot()->xAxis->label().startsWith(u"«"_s));
    QVERIFY(lab.view.table()->refToolTip(0).startsWith(u"«"_s));
    QCOMPARE(lab.view.step(), 5); // the lab keeps its place
    QCoreApplication::removeTranslator(&marking);
    QCoreApplication::processEvents();
    QVERIFY(!lab.view.narration(0).startsWith(u"«"_s));
    // In the CJK stand-in the table still paints its label column uncut.
    CjkTranslator cjk;
    QCoreApplication::installTranslator(&cjk);
    QCoreApplication::processEvents();
    const ReplacementLabGeometry& g = lab.view.table()->geometry();
    const QFontMetricsF fb(Palette::pixelFont(Palette::viewFont(lab.view.table()), g.px));
    for (int i = 0; i < int(lab.view.panels().size()); ++i)
        for (const QString& line : lab.view.panelLabel(i)) QVERIFY(fb.horizontalAdvance(line) < g.labelW);
    QVERIFY(inkShare(lab.view.renderToImage(QSize(1280, 800))) > 0.05);
    QCoreApplication::removeTranslator(&cjk);
}

// ---- screenshots --------------------------------------------------------------------------

void TestReplacementLabView::screenshots()
{
    const QByteArray dir = qgetenv("MEMVIZ_SCREENSHOTS");
    if (dir.isEmpty()) QSKIP("set MEMVIZ_SCREENSHOTS=<dir> to save screenshots");
    QDir().mkpath(QString::fromLocal8Bit(dir));
    const auto path
        = [&](const QString& name) -> QString { return QString::fromLocal8Bit(dir) + u"/replacementlab_"_s + name; };
    for (bool dark : { false, true }) {
        applyTheme(dark);
        const QString theme = dark ? u"dark"_s : u"light"_s;
        for (QSize size : { QSize(1600, 1000), QSize(1024, 640) }) {
            const QString sz = u"%1x%2"_s.arg(size.width()).arg(size.height());
            Lab lab(size);
            lab.view.showBeladyAnomaly();
            QVERIFY(lab.view.renderToImage(size).save(path(u"belady_%1_%2.png"_s.arg(sz, theme))));
            lab.view.setRandom(2024, 20, 6);
            lab.view.setPolicies(
                { ReplPolicy::Fifo, ReplPolicy::Lru, ReplPolicy::Opt, ReplPolicy::Clock, ReplPolicy::Linux });
            lab.view.setCompareNextFrames(false);
            QVERIFY(lab.view.renderToImage(size).save(path(u"all5_%1_%2.png"_s.arg(sz, theme))));
            lab.view.setStep(9);
            QVERIFY(lab.view.renderToImage(size).save(path(u"midway_%1_%2.png"_s.arg(sz, theme))));
        }
        {
            // Layout with the taller CJK glyphs (a stand-in until zh_CN is translated).
            CjkTranslator cjk;
            QCoreApplication::installTranslator(&cjk);
            QCoreApplication::processEvents();
            for (QSize size : { QSize(1600, 1000), QSize(1024, 640) }) {
                Lab lab(size);
                lab.view.setRandom(2024, 20, 6);
                lab.view.setStep(9);
                QVERIFY(lab.view.renderToImage(size).save(
                    path(u"cjk_%1x%2_%3.png"_s.arg(size.width()).arg(size.height()).arg(theme))));
            }
            QCoreApplication::removeTranslator(&cjk);
        }
        {
            // The two lists and the clock on a string with repeats (pages get activated).
            Lab lab(QSize(1280, 800));
            QVERIFY(lab.view.setReferenceText(u"1 1 1 2 2 2 3 4 1 5 3 2 6 1 2 4"_s));
            lab.view.setPolicies({ ReplPolicy::Clock, ReplPolicy::Linux });
            lab.view.setStep(10);
            QVERIFY(lab.view.renderToImage(QSize(1280, 800)).save(path(u"lists_1280x800_%1.png"_s.arg(theme))));
        }
        {
            // Recorded from a run: Belady's string on the pages of a mapping.
            Recorded r = run({ 1, 2, 3, 4, 1, 2, 5, 1, 2, 3, 4, 5 });
            Lab lab(QSize(1600, 1000));
            showAt(lab.ctx, r.sim, r.sim.eventCount());
            QVERIFY(lab.view.recordFromRun(r.pid));
            lab.view.setStep(lab.view.stepCount() - 4);
            QVERIFY(lab.view.renderToImage(QSize(1600, 1000)).save(path(u"recorded_%1.png"_s.arg(theme))));
        }
        Lab lab(QSize(1600, 1000));
        lab.view.setRandom(3, 64, 12);
        lab.view.setFrames(10);
        lab.view.setStep(40);
        QVERIFY(lab.view.renderToImage(QSize(1600, 1000)).save(path(u"long64_%1.png"_s.arg(theme))));
    }
}

QTEST_MAIN(TestReplacementLabView)
#include "tst_replacementlabview.moc"
