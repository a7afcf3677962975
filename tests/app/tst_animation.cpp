// Animation export: GIF delays and the giflib writer (exact palettes, only changed
// rectangles, the loop extension, median cut for photos), a range of a run as numbered PNGs
// and a GIF (count, size, non-blank, decoded back by giflib and by Qt), the frame source's
// calls, bad ranges, views and folders refused with nothing written, a cancelled export
// leaving the folder as it was, and the dialog's defaults.
//
// Set MEMVIZ_SCREENSHOTS=<dir> to also save the dialog (animationdialog_*.png) for a human.

#include "Animation.h"
#include "BuddyView.h"
#include "AnimationDialog.h"
#include "GifWriter.h"
#include "Palette.h"
#include "TestUtil.h"
#include "ViewContext.h"
#include "Views.h"
#include "sim/Simulator.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QHash>
#include <QImageReader>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSet>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTranslator>

#include <gif_lib.h>

#include <cmath>
#include <set>

using namespace memviz;
using namespace Qt::StringLiterals;

namespace {

/// A decoded GIF as giflib reads it.
struct Gif {
    int width = 0, height = 0, frames = 0;
    bool loopsForever = false;
    QList<int> delays;          ///< hundredths of a second
    QList<QRect> rects;         ///< each frame's stored rectangle
    QList<int> disposals;
};

std::optional<Gif> slurp(const QString& path)
{
    int error = 0;
    GifFileType* g = DGifOpenFileName(QFile::encodeName(path).constData(), &error);
    if (!g) return std::nullopt;
    if (DGifSlurp(g) != GIF_OK) {
        DGifCloseFile(g, &error);
        return std::nullopt;
    }
    Gif out;
    out.width = g->SWidth;
    out.height = g->SHeight;
    out.frames = g->ImageCount;
    for (int i = 0; i < g->ImageCount; ++i) {
        const SavedImage& s = g->SavedImages[i];
        out.rects << QRect(s.ImageDesc.Left, s.ImageDesc.Top, s.ImageDesc.Width, s.ImageDesc.Height);
        GraphicsControlBlock gcb {};
        if (DGifSavedExtensionToGCB(g, i, &gcb) == GIF_OK) {
            out.delays << gcb.DelayTime;
            out.disposals << gcb.DisposalMode;
        }
        // NETSCAPE2.0 and its sub-block {1, loops lo, loops hi}, before the first frame.
        for (int e = 0; e + 1 < s.ExtensionBlockCount; ++e) {
            const ExtensionBlock& b = s.ExtensionBlocks[e];
            const ExtensionBlock& next = s.ExtensionBlocks[e + 1];
            if (b.Function == APPLICATION_EXT_FUNC_CODE && b.ByteCount == 11
                && std::memcmp(b.Bytes, "NETSCAPE2.0", 11) == 0 && next.ByteCount == 3 && next.Bytes[0] == 1)
                out.loopsForever = next.Bytes[1] == 0 && next.Bytes[2] == 0;
        }
    }
    DGifCloseFile(g, &error);
    return out;
}

/// The frames as a viewer composes them (Qt's GIF plugin).
QList<QImage> composedFrames(const QString& path, int* loopCount = nullptr, QList<int>* delaysMs = nullptr)
{
    QImageReader r(path, "gif");
    QList<QImage> frames;
    if (loopCount) *loopCount = r.loopCount();
    QImage img;
    while (r.read(&img)) {
        frames << img.convertToFormat(QImage::Format_RGB32);
        if (delaysMs) *delaysMs << r.nextImageDelay();
    }
    return frames;
}

/// Mean absolute difference per channel, 0..255.
double meanDifference(const QImage& a0, const QImage& b0)
{
    const QImage a = a0.convertToFormat(QImage::Format_RGB32), b = b0.convertToFormat(QImage::Format_RGB32);
    if (a.size() != b.size()) return 255;
    double sum = 0;
    for (int y = 0; y < a.height(); ++y) {
        const QRgb* ra = reinterpret_cast<const QRgb*>(a.constScanLine(y));
        const QRgb* rb = reinterpret_cast<const QRgb*>(b.constScanLine(y));
        for (int x = 0; x < a.width(); ++x)
            sum += std::abs(qRed(ra[x]) - qRed(rb[x])) + std::abs(qGreen(ra[x]) - qGreen(rb[x]))
                + std::abs(qBlue(ra[x]) - qBlue(rb[x]));
    }
    return sum / (3.0 * a.width() * a.height());
}

/// Flat-coloured test pictures (few colours: the writer keeps them exactly).
QImage blocks(QSize size, QColor bg, QRect box, QColor fill)
{
    QImage img(size, QImage::Format_RGB32);
    img.fill(bg);
    for (int y = box.top(); y <= box.bottom(); ++y)
        for (int x = box.left(); x <= box.right(); ++x) img.setPixelColor(x, y, fill);
    return img;
}

/// How much of the picture is not the theme's background, and how many colours it has (sampled).
std::pair<double, int> ink(const QImage& img)
{
    const QRgb bg = Palette::background().rgb() & 0xffffff;
    std::set<QRgb> colours;
    qsizetype differ = 0, total = 0;
    for (int y = 0; y < img.height(); y += 2)
        for (int x = 0; x < img.width(); x += 2) {
            const QRgb c = img.pixel(x, y) & 0xffffff;
            colours.insert(c);
            differ += c != bg;
            ++total;
        }
    return {double(differ) / double(total), int(colours.size())};
}

/// Chinese labels of about the length the translation will have, for looking at the layout.
class FakeChinese : public QTranslator {
public:
    QString translate(const char* context, const char* source, const char* = nullptr, int = -1) const override
    {
        if (qstrcmp(context, "memviz::AnimationDialog") != 0) return {};
        static const QHash<QByteArray, QString> zh {
            {"Export animation", u"导出动画"_s},
            {"Picture of:", u"画面："_s},
            {"Steps:", u"步骤："_s},
            {"Events:", u"事件："_s},
            {"Pictures per step:", u"每步图片数："_s},
            {"Size:", u"尺寸："_s},
            {"Width × height:", u"宽 × 高："_s},
            {"GIF speed:", u"GIF 速度："_s},
            {"Write:", u"输出："_s},
            {"Folder:", u"文件夹："_s},
            {"to", u"至"_s},
            {"pixels", u"像素"_s},
            {"pictures per second", u"张/秒"_s},
            {"1 = one picture per event; more show each step's animation", u"1 = 每个事件一张；更多则显示每一步的动画"_s},
            {"Numbered PNG pictures", u"编号的 PNG 图片"_s},
            {"Animated GIF (loops)", u"GIF 动画（循环）"_s},
            {"Choose…", u"选择…"_s},
            {"Export", u"导出"_s},
            {"The whole window", u"整个窗口"_s},
            {"This command (events %L1 to %L2)", u"当前命令（事件 %L1 至 %L2）"_s},
            {"%L1 steps", u"%L1 步"_s},
            {"As on screen (%1×%2)", u"与屏幕相同（%1×%2）"_s},
            {"%L1 pictures of %2×%3", u"%L1 张 %2×%3 的图片"_s},
            {"%1, playing %2 s", u"%1，播放 %2 秒"_s},
        };
        return zh.value(QByteArray(source));
    }
};

QStringList entries(const QString& dir)
{
    return QDir(dir).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot, QDir::Name);
}

} // namespace

class TestAnimation : public QObject {
    Q_OBJECT
    std::unique_ptr<Simulator> m_sim;

    AnimationSpec spec(const QString& dir, const QString& view, std::uint64_t from, std::uint64_t to, int perStep = 1,
                       bool gif = false, QSize size = QSize(480, 300)) const
    {
        AnimationSpec s;
        s.from = from;
        s.to = to;
        s.framesPerStep = perStep;
        s.fps = 10;
        s.size = size;
        s.outDir = dir;
        s.baseName = view;
        s.png = true;
        s.gif = gif;
        return s;
    }

private slots:
    // The dialog remembers its choices; every test starts from none.
    void init() { QSettings().clear(); }

    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QLocale::setDefault(QLocale::c());
        // A small run: three allocations (splits) and a free (merges).
        m_sim = test::bootOwned(64ull << 20);
        const CommandResult a = m_sim->apply(Command::allocPages(3));
        m_sim->apply(Command::allocPages(0));
        m_sim->apply(Command::allocPages(5));
        QVERIFY(a.pfn);
        m_sim->apply(Command::freePages(*a.pfn, 3));
        QVERIFY(m_sim->eventCount() >= 8);
    }

    void delays_data()
    {
        QTest::addColumn<int>("fps");
        QTest::addColumn<QList<int>>("first");
        QTest::newRow("8 fps") << 8 << QList<int> {13, 12, 13, 12, 13, 12, 13, 12};
        QTest::newRow("3 fps") << 3 << QList<int> {33, 34, 33};
        QTest::newRow("10 fps") << 10 << QList<int> {10, 10, 10};
        QTest::newRow("50 fps") << 50 << QList<int> {2, 2};
        QTest::newRow("1 fps") << 1 << QList<int> {100, 100};
        QTest::newRow("7 fps") << 7 << QList<int> {14, 15, 14, 14, 14, 15, 14};
    }
    void delays()
    {
        QFETCH(int, fps);
        QFETCH(QList<int>, first);
        for (int i = 0; i < first.size(); ++i) QCOMPARE(GifWriter::delayFor(i, fps), first[i]);
        // Any fps whole frames last a second exactly, wherever they start.
        for (int start : {0, 5, 1001}) {
            int sum = 0;
            for (int i = start; i < start + fps; ++i) sum += GifWriter::delayFor(i, fps);
            QCOMPARE(sum, 100);
        }
    }

    void gifExactFramesAndChangedRects()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"t.gif"_s);
        const QSize size(200, 120);
        const QImage a = blocks(size, Qt::white, QRect(10, 10, 50, 30), QColor(0x1f, 0x77, 0xb4));
        const QImage b = blocks(size, Qt::white, QRect(10, 10, 50, 30), QColor(0xd6, 0x27, 0x28));
        QImage c = b;
        for (int x = 150; x < 160; ++x) c.setPixelColor(x, 100, QColor(0x2c, 0xa0, 0x2c));
        const QList<QImage> frames {a, a, b, c};
        {
            GifWriter w;
            QVERIFY2(w.open(path, size), qPrintable(w.errorString()));
            for (const QImage& f : frames) QVERIFY2(w.addFrame(f, 25), qPrintable(w.errorString()));
            QVERIFY(!QFile::exists(path)); // not in place before close()
            QVERIFY2(w.close(), qPrintable(w.errorString()));
            QCOMPARE(w.frameCount(), 4);
        }
        const auto g = slurp(path);
        QVERIFY(g);
        QCOMPARE(QSize(g->width, g->height), size);
        QCOMPARE(g->frames, 4);
        QVERIFY(g->loopsForever);
        QCOMPARE(g->delays, (QList<int> {25, 25, 25, 25}));
        QCOMPARE(g->disposals, (QList<int> {DISPOSE_DO_NOT, DISPOSE_DO_NOT, DISPOSE_DO_NOT, DISPOSE_DO_NOT}));
        // Whole first frame; an unchanged frame is one pixel; then only what changed.
        QCOMPARE(g->rects, (QList<QRect> {QRect(QPoint(0, 0), size), QRect(0, 0, 1, 1), QRect(10, 10, 50, 30),
                                         QRect(150, 100, 10, 1)}));
        // Composed, the frames are the pictures, exactly (few colours need no quantizing).
        int loops = 0;
        QList<int> delaysMs;
        const QList<QImage> back = composedFrames(path, &loops, &delaysMs);
        QCOMPARE(back.size(), 4);
        for (int i = 0; i < 4; ++i) QCOMPARE(back[i], frames[i].convertToFormat(QImage::Format_RGB32));
        QCOMPARE(loops, -1); // Qt: forever
        QCOMPARE(delaysMs.value(0), 250);
    }

    void gifQuantizesManyColours()
    {
        // 65536 colours: giflib's median cut, no dithering.
        QImage img(256, 256, QImage::Format_RGB32);
        for (int y = 0; y < 256; ++y)
            for (int x = 0; x < 256; ++x) img.setPixel(x, y, qRgb(x, y, (x + y) / 2));
        QTemporaryDir dir;
        const QString path = dir.filePath(u"q.gif"_s);
        GifWriter w;
        QVERIFY(w.open(path, img.size()));
        QVERIFY(w.addFrame(img, 10));
        QVERIFY(w.close());
        const QList<QImage> back = composedFrames(path);
        QCOMPARE(back.size(), 1);
        const double diff = meanDifference(back[0], img);
        QVERIFY2(diff < 8, qPrintable(QString::number(diff)));
    }

    void gifWriterErrors()
    {
        QTemporaryDir dir;
        GifWriter w;
        const QString missing = dir.filePath(u"no/such/folder/x.gif"_s);
        QVERIFY(!w.open(missing, QSize(10, 10)));
        QVERIFY2(w.errorString().contains(missing), qPrintable(w.errorString()));
        QVERIFY(!w.isOpen());

        const QString path = dir.filePath(u"x.gif"_s);
        QVERIFY(w.open(path, QSize(10, 10)));
        QVERIFY(!w.addFrame(QImage(11, 10, QImage::Format_RGB32), 10));
        QVERIFY2(w.errorString().contains(u"11×10"_s), qPrintable(w.errorString()));
        QVERIFY(!w.isOpen());
        QVERIFY(!QFile::exists(path));

        QVERIFY(w.open(path, QSize(10, 10)));
        QVERIFY(!w.close()); // no frames
        QVERIFY(!QFile::exists(path));

        {
            GifWriter abandoned;
            QVERIFY(abandoned.open(path, QSize(10, 10)));
            QImage f(10, 10, QImage::Format_RGB32);
            f.fill(Qt::red);
            QVERIFY(abandoned.addFrame(f, 10));
        }
        QVERIFY(!QFile::exists(path)); // never closed: discarded
        QCOMPARE(entries(dir.path()), QStringList());
    }

    void exportsRange_data()
    {
        QTest::addColumn<QString>("view");
        QTest::addColumn<qulonglong>("from");
        QTest::addColumn<qulonglong>("to");
        QTest::addColumn<int>("perStep");
        QTest::addColumn<bool>("gif");
        QTest::newRow("buddy, a picture per event, GIF") << u"buddy"_s << 0ull << 6ull << 1 << true;
        QTest::newRow("buddy, animated steps, GIF") << u"buddy"_s << 1ull << 3ull << 4 << true;
        QTest::newRow("physical, PNG only") << u"physical"_s << 4ull << 5ull << 2 << false;
        QTest::newRow("events, GIF") << u"events"_s << 2ull << 4ull << 1 << true;
        QTest::newRow("timeline, to past the end") << u"timeline"_s << 7ull << 1000000ull << 1 << true;
    }
    void exportsRange()
    {
        QFETCH(QString, view);
        QFETCH(qulonglong, from);
        QFETCH(qulonglong, to);
        QFETCH(int, perStep);
        QFETCH(bool, gif);
        QTemporaryDir dir;
        const QString out = dir.filePath(u"frames"_s); // made by the export
        AnimationSpec s = spec(out, view, from, to, perStep, gif);
        QCOMPARE(Animation::check(&s, m_sim->eventCount()), QString());
        QVERIFY(s.to <= m_sim->eventCount());
        QString error;
        const FrameSource source = Animation::viewSource(*m_sim, view, s.size, 1.0, &error);
        QVERIFY2(source, qPrintable(error));
        std::uint64_t calls = 0, lastDone = 0;
        const AnimationResult r = Animation::write(source, s, [&](std::uint64_t done, std::uint64_t total) {
            ++calls;
            lastDone = done;
            return total == s.pictureCount();
        });
        QVERIFY2(r.ok, qPrintable(r.error));
        // The start once, at rest, then each step of the range in perStep pictures.
        const std::uint64_t n = 1 + (std::min<std::uint64_t>(to, m_sim->eventCount()) - from) * std::uint64_t(perStep);
        QCOMPARE(r.pictures, n);
        QCOMPARE(calls, n);
        QCOMPARE(lastDone, n);

        // Exactly the numbered PNGs (and the GIF), nothing hidden left behind.
        QStringList expected;
        for (std::uint64_t k = 0; k < n; ++k) expected << u"%1-%2.png"_s.arg(view).arg(k, 6, 10, QLatin1Char('0'));
        if (gif) expected << view + u".gif"_s;
        expected.sort();
        QCOMPARE(entries(out), expected);
        QCOMPARE(r.firstPng, QDir(out).filePath(expected.first()));

        QSet<QByteArray> distinct;
        QImage last;
        for (std::uint64_t k = 0; k < n; ++k) {
            const QString path = QDir(out).filePath(s.pngName(k));
            QImage img(path);
            QVERIFY2(!img.isNull(), qPrintable(path));
            QCOMPARE(img.size(), s.size);
            const auto [share, colours] = ink(img);
            QVERIFY2(colours > 2 && share > 0.01, qPrintable(path + u" looks blank"_s));
            distinct.insert(QByteArray(reinterpret_cast<const char*>(img.constBits()), img.sizeInBytes()));
            last = img;
        }
        // With several pictures per step, the in-between ones show the step moving.
        if (perStep > 1 && view == u"buddy"_s) QVERIFY2(std::uint64_t(distinct.size()) > s.steps(), "no animation");

        if (gif) {
            const auto g = slurp(QDir(out).filePath(view + u".gif"_s));
            QVERIFY(g);
            QCOMPARE(std::uint64_t(g->frames), n);
            QCOMPARE(QSize(g->width, g->height), s.size);
            QVERIFY(g->loopsForever);
            for (int d : g->delays) QCOMPARE(d, 10); // 10 fps
            const QList<QImage> frames = composedFrames(QDir(out).filePath(view + u".gif"_s));
            QCOMPARE(std::uint64_t(frames.size()), n);
            const double firstDiff = meanDifference(frames.first(), QImage(r.firstPng));
            const double lastDiff = meanDifference(frames.last(), last);
            QVERIFY2(firstDiff < 3 && lastDiff < 3, qPrintable(u"%1 %2"_s.arg(firstDiff).arg(lastDiff)));
            if (const QByteArray shots = qgetenv("MEMVIZ_SCREENSHOTS"); !shots.isEmpty()) {
                QDir().mkpath(QString::fromLocal8Bit(shots));
                frames.first().save(QDir(QString::fromLocal8Bit(shots)).filePath(u"gif_%1_first.png"_s.arg(view)));
                frames.last().save(QDir(QString::fromLocal8Bit(shots)).filePath(u"gif_%1_last.png"_s.arg(view)));
            }
        }
    }

    void sourceCallsAndFitting()
    {
        // A source of another size and aspect (a HiDPI window): fitted, aspect kept.
        QList<QPair<std::uint64_t, double>> calls;
        const FrameSource source = [&](std::uint64_t cursor, double progress) {
            calls << qMakePair(cursor, progress);
            QImage img(400, 100, QImage::Format_RGB32);
            img.fill(QColor(0x20, 0x60, 0xa0));
            return img;
        };
        QTemporaryDir dir;
        AnimationSpec s = spec(dir.path(), u"window"_s, 2, 4, 2, true, QSize(200, 200));
        QCOMPARE(Animation::check(&s, m_sim->eventCount()), QString());
        const AnimationResult r = Animation::write(source, s);
        QVERIFY2(r.ok, qPrintable(r.error));
        // Position 2 at rest, then the steps to 3 and to 4 (not the step that led to 2).
        QCOMPARE(calls, (QList<QPair<std::uint64_t, double>> {{2, 1.0}, {3, 0.5}, {3, 1.0}, {4, 0.5}, {4, 1.0}}));
        const QImage img(r.lastPng);
        QCOMPARE(img.size(), QSize(200, 200));
        QCOMPARE(img.pixelColor(100, 100), QColor(0x20, 0x60, 0xa0)); // the picture, 200×50 in the middle
        QCOMPARE(img.pixelColor(100, 10), Palette::background());    // the band above it
    }

    void refusesBadSpecs_data()
    {
        QTest::addColumn<qulonglong>("from");
        QTest::addColumn<qulonglong>("to");
        QTest::addColumn<int>("perStep");
        QTest::addColumn<int>("fps");
        QTest::addColumn<QSize>("size");
        QTest::addColumn<QString>("base");
        QTest::addColumn<bool>("png");
        QTest::addColumn<bool>("gif");
        QTest::addColumn<QString>("message");
        QTest::newRow("from past the end") << 9999ull << 10000ull << 1 << 8 << QSize(640, 400) << u"buddy"_s << true
                                           << false << u"9999"_s;
        QTest::newRow("to before from") << 5ull << 2ull << 1 << 8 << QSize(640, 400) << u"buddy"_s << true << false
                                        << u"before"_s;
        QTest::newRow("nothing to write") << 0ull << 2ull << 1 << 8 << QSize(640, 400) << u"buddy"_s << false << false
                                          << u"PNG"_s;
        QTest::newRow("per step") << 0ull << 2ull << 31 << 8 << QSize(640, 400) << u"buddy"_s << true << false
                                  << u"31"_s;
        QTest::newRow("fps") << 0ull << 2ull << 1 << 0 << QSize(640, 400) << u"buddy"_s << false << true << u"0"_s;
        QTest::newRow("tiny") << 0ull << 2ull << 1 << 8 << QSize(10, 400) << u"buddy"_s << true << false
                              << u"10×400"_s;
        QTest::newRow("huge") << 0ull << 2ull << 1 << 8 << QSize(640, 5000) << u"buddy"_s << true << false
                              << u"640×5000"_s;
        QTest::newRow("path in the name") << 0ull << 2ull << 1 << 8 << QSize(640, 400) << u"../buddy"_s << true
                                          << false << u"../buddy"_s;
    }
    void refusesBadSpecs()
    {
        QFETCH(qulonglong, from);
        QFETCH(qulonglong, to);
        QFETCH(int, perStep);
        QFETCH(int, fps);
        QFETCH(QSize, size);
        QFETCH(QString, base);
        QFETCH(bool, png);
        QFETCH(bool, gif);
        QFETCH(QString, message);
        AnimationSpec s = spec(u"/tmp/unused"_s, base, from, to, perStep, gif, size);
        s.png = png;
        s.fps = fps;
        const QString e = Animation::check(&s, m_sim->eventCount());
        QVERIFY(!e.isEmpty());
        QVERIFY2(e.contains(message), qPrintable(e));
        if (QTest::currentDataTag() == QByteArray("from past the end"))
            QVERIFY2(e.contains(QString::number(m_sim->eventCount())), qPrintable(e)); // the run's length
    }

    void unknownView()
    {
        QString error;
        const FrameSource source = Animation::viewSource(*m_sim, u"bogus"_s, QSize(100, 100), 1.0, &error);
        QVERIFY(!source);
        QVERIFY2(error.contains(u"bogus"_s) && error.contains(u"buddy"_s) && error.contains(u"walk"_s),
                 qPrintable(error));
        // Writing from no source is an error, not a crash, and makes no folder.
        QTemporaryDir dir;
        AnimationSpec s = spec(dir.filePath(u"out"_s), u"bogus"_s, 0, 1);
        const AnimationResult r = Animation::write(source, s);
        QVERIFY(!r.ok);
        QVERIFY(!r.error.isEmpty());
        QCOMPARE(entries(dir.path()), QStringList());
    }

    void unwritableFolder()
    {
        QTemporaryDir dir;
        QFile blocker(dir.filePath(u"file"_s));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        AnimationSpec s = spec(dir.filePath(u"file/frames"_s), u"buddy"_s, 0, 2, 1, true);
        QCOMPARE(Animation::check(&s, m_sim->eventCount()), QString());
        const AnimationResult r = Animation::write(Animation::viewSource(*m_sim, u"buddy"_s, s.size), s);
        QVERIFY(!r.ok);
        QVERIFY2(r.error.contains(dir.filePath(u"file/frames"_s)), qPrintable(r.error));
        QCOMPARE(entries(dir.path()), QStringList {u"file"_s});
    }

    void cancelAndFailureLeaveTheFolderAsItWas()
    {
        QTemporaryDir dir;
        // An earlier export's first picture and an unrelated file.
        QImage old(64, 64, QImage::Format_RGB32);
        old.fill(Qt::magenta);
        QVERIFY(old.save(dir.filePath(u"buddy-000000.png"_s)));
        QFile notes(dir.filePath(u"notes.txt"_s));
        QVERIFY(notes.open(QIODevice::WriteOnly));
        notes.write("keep me");
        notes.close();
        const QStringList before = entries(dir.path());

        AnimationSpec s = spec(dir.path(), u"buddy"_s, 0, 6, 1, true);
        QCOMPARE(Animation::check(&s, m_sim->eventCount()), QString());
        const AnimationResult cancelled = Animation::write(
            Animation::viewSource(*m_sim, u"buddy"_s, s.size), s,
            [](std::uint64_t done, std::uint64_t) { return done < 3; });
        QVERIFY(!cancelled.ok);
        QVERIFY(cancelled.cancelled);
        QCOMPARE(entries(dir.path()), before);
        QCOMPARE(QImage(dir.filePath(u"buddy-000000.png"_s)).size(), QSize(64, 64));

        // A source that fails half-way.
        int calls = 0;
        const AnimationResult failed = Animation::write(
            [&](std::uint64_t, double) {
                QImage img(480, 300, QImage::Format_RGB32);
                img.fill(Qt::darkCyan);
                return ++calls == 3 ? QImage() : img;
            },
            s);
        QVERIFY(!failed.ok);
        QVERIFY(!failed.cancelled);
        QVERIFY2(failed.error.contains(u"2"_s), qPrintable(failed.error)); // the event it was drawing
        QCOMPARE(entries(dir.path()), before);
    }

    void smallPicturesAreScaledNotSqueezed()
    {
        // 240x150 is below the buddy view's minimum: it is drawn at its minimum and scaled down,
        // so its rows never overlap; the files still have the size asked for.
        QString error;
        const FrameSource source = Animation::viewSource(*m_sim, u"buddy"_s, QSize(240, 150), 1.0, &error);
        QVERIFY2(source, qPrintable(error));
        const QImage drawn = source(3, 1.0);
        ViewContext ctx;
        BuddyView probe(&ctx);
        QVERIFY(drawn.width() >= probe.minimumSizeHint().width() && drawn.height() >= probe.minimumSizeHint().height());
        QTemporaryDir dir;
        AnimationSpec s = spec(dir.path(), u"buddy"_s, 2, 3, 1, false, QSize(240, 150));
        QCOMPARE(Animation::check(&s, m_sim->eventCount()), QString());
        const AnimationResult r = Animation::write(source, s);
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(QImage(r.lastPng).size(), QSize(240, 150));
        // A size the view can take is drawn as it is.
        const FrameSource exact = Animation::viewSource(*m_sim, u"buddy"_s, QSize(900, 600), 1.0, &error);
        QCOMPARE(exact(3, 1.0).size(), QSize(900, 600));
    }

    void failedMoveLeavesTheFolderAsItWas()
    {
        // The last move fails (a folder has the GIF's name): the pictures already moved in go
        // out again, the earlier export's pictures come back, nothing is left half-written.
        QTemporaryDir dir;
        const FrameSource source = [](std::uint64_t cursor, double) {
            QImage img(100, 80, QImage::Format_RGB32);
            img.fill(QColor::fromHsv(int(cursor * 30 % 360), 200, 200));
            return img;
        };
        AnimationSpec s = spec(dir.path(), u"buddy"_s, 0, 5, 1, false, QSize(100, 80));
        QVERIFY(Animation::write(source, s).ok); // an earlier export: 6 pictures
        QImage marker(100, 80, QImage::Format_RGB32);
        marker.fill(Qt::magenta);
        QVERIFY(marker.save(dir.filePath(u"buddy-000001.png"_s)));
        QVERIFY(QDir(dir.path()).mkdir(u"buddy.gif"_s));
        const QStringList before = entries(dir.path());
        s.to = 2;
        s.gif = true;
        const AnimationResult r = Animation::write(source, s);
        QVERIFY(!r.ok);
        QVERIFY2(r.error.contains(u"buddy.gif"_s) && r.error.contains(u"nothing was written"_s), qPrintable(r.error));
        QCOMPARE(entries(dir.path()), before);
        QCOMPARE(QImage(dir.filePath(u"buddy-000001.png"_s)).pixelColor(5, 5), QColor(Qt::magenta));
        QCOMPARE(QImage(dir.filePath(u"buddy-000005.png"_s)).size(), QSize(100, 80)); // the stale one stays too
        QVERIFY(QFileInfo(dir.filePath(u"buddy.gif"_s)).isDir());
    }

    void replacesAnEarlierLongerExport()
    {
        QTemporaryDir dir;
        QFile other(dir.filePath(u"buddy-notes.png"_s));
        QVERIFY(other.open(QIODevice::WriteOnly));
        other.close();
        const FrameSource source = [](std::uint64_t cursor, double) {
            QImage img(100, 80, QImage::Format_RGB32);
            img.fill(QColor::fromHsv(int(cursor * 30 % 360), 200, 200));
            return img;
        };
        AnimationSpec s = spec(dir.path(), u"buddy"_s, 0, 7, 1, false, QSize(100, 80));
        QVERIFY(Animation::write(source, s).ok);
        QCOMPARE(entries(dir.path()).size(), 9);
        s.to = 2;
        QVERIFY(Animation::write(source, s).ok);
        QCOMPARE(entries(dir.path()), (QStringList {u"buddy-000000.png"_s, u"buddy-000001.png"_s,
                                                    u"buddy-000002.png"_s, u"buddy-notes.png"_s}));
    }

    void dialogDefaultsAndExport()
    {
        // The player in the middle of the third command.
        const std::uint64_t start = m_sim->commandStart(2), end = m_sim->commandStart(3);
        QVERIFY(end > start);
        AnimationSetup setup;
        setup.sim = m_sim.get();
        setup.cursor = start + 1;
        setup.chapters = {{0, u"boot"_s}, {m_sim->commandStart(1), u"second"_s}, {m_sim->commandStart(3), u"free"_s}};
        setup.currentView = u"buddy"_s;
        setup.viewSize = [](const QString&) { return QSize(700, 500); };
        AnimationDialog d(setup);
        QCOMPARE(d.range(), AnimationDialog::Range::Command);
        QCOMPARE(d.sourceId(), u"buddy"_s);
        AnimationSpec s = d.spec();
        QCOMPARE(s.from, start);
        QCOMPARE(s.to, end);
        QCOMPARE(s.size, QSize(700, 500)); // as on screen
        QCOMPARE(s.baseName, u"buddy"_s);
        // No "whole window" without a window to draw.
        auto* source = d.findChild<QComboBox*>(u"source"_s);
        QVERIFY(source);
        QCOMPARE(source->findData(u"window"_s), -1);
        QCOMPARE(source->count(), int(viewCatalogue().size()));

        d.setRange(AnimationDialog::Range::Chapter);
        QCOMPARE(d.spec().from, m_sim->commandStart(1));
        QCOMPARE(d.spec().to, m_sim->commandStart(3));
        d.setRange(AnimationDialog::Range::Whole);
        QCOMPARE(d.spec().from, std::uint64_t(0));
        QCOMPARE(d.spec().to, m_sim->eventCount());
        d.setRange(AnimationDialog::Range::Command);

        QTemporaryDir dir;
        d.findChild<QLineEdit*>(u"folder"_s)->setText(dir.path());
        d.findChild<QCheckBox*>(u"png"_s)->setChecked(false);
        d.findChild<QCheckBox*>(u"gif"_s)->setChecked(false);
        QVERIFY(!d.problem().isEmpty());
        QVERIFY(!d.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok)->isEnabled());
        d.findChild<QCheckBox*>(u"gif"_s)->setChecked(true);
        QCOMPARE(d.problem(), QString());
        QVERIFY(d.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok)->isEnabled());
        const AnimationResult r = d.exportNow({});
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(entries(dir.path()), QStringList {u"buddy.gif"_s});
        const auto g = slurp(dir.filePath(u"buddy.gif"_s));
        QVERIFY(g);
        QCOMPARE(std::uint64_t(g->frames), 1 + (end - start) * std::uint64_t(d.spec().framesPerStep));

        if (const QByteArray shots = qgetenv("MEMVIZ_SCREENSHOTS"); !shots.isEmpty()) {
            const QDir out(QString::fromLocal8Bit(shots));
            QDir().mkpath(out.path());
            d.findChild<QCheckBox*>(u"png"_s)->setChecked(true);
            d.adjustSize();
            d.grab().save(out.filePath(u"animationdialog_light.png"_s));
            // Dark, as MainWindow::setTheme makes it, and with Chinese-length labels (the real
            // zh_CN text comes later): the whole-window entry at 2× pixel density.
            const QPalette light = QApplication::palette();
            Palette::applyToApplication(Theme::Dark);
            FakeChinese zh;
            QCoreApplication::installTranslator(&zh);
            AnimationSetup withWindow = setup;
            withWindow.windowFrames = [](std::uint64_t, double) { return QImage(); };
            withWindow.windowSize = QSize(1600, 1000);
            withWindow.devicePixelRatio = 2;
            withWindow.currentView.clear();
            AnimationDialog dark(withWindow);
            dark.findChild<QLineEdit*>(u"folder"_s)->setText(u"/home/teacher/图片/memviz"_s);
            dark.adjustSize();
            dark.grab().save(out.filePath(u"animationdialog_window_dark_zh.png"_s));
            QCoreApplication::removeTranslator(&zh);
            QApplication::setPalette(light);
            Palette::setTheme(Theme::Light);
        }
    }

    void dialogExportButton()
    {
        AnimationSetup setup;
        setup.sim = m_sim.get();
        setup.cursor = m_sim->eventCount();
        setup.currentView = u"zones"_s;
        QTemporaryDir dir;
        QFile blocker(dir.filePath(u"file"_s));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        AnimationDialog d(setup);
        d.findChild<QCheckBox*>(u"png"_s)->setChecked(true);
        d.findChild<QCheckBox*>(u"gif"_s)->setChecked(false);
        // Message boxes are answered as they appear; their text is kept.
        QStringList messages;
        QTimer answer;
        connect(&answer, &QTimer::timeout, this, [&] {
            for (QWidget* w : QApplication::topLevelWidgets())
                if (auto* box = qobject_cast<QMessageBox*>(w); box && box->isVisible()) {
                    messages << box->text();
                    box->done(QMessageBox::Ok);
                }
        });
        answer.start(20);
        d.show();
        QPushButton* exportButton = d.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);

        // A folder that cannot be made: a warning naming it, the dialog stays open.
        d.findChild<QLineEdit*>(u"folder"_s)->setText(dir.filePath(u"file/frames"_s));
        QTest::mouseClick(exportButton, Qt::LeftButton);
        QCOMPARE(messages.size(), 1);
        QVERIFY2(messages[0].contains(dir.filePath(u"file/frames"_s)), qPrintable(messages[0]));
        QVERIFY(d.isVisible());
        QCOMPARE(d.result(), int(QDialog::Rejected));

        // Then a good one: written, reported, closed. While the pictures are drawn (events are
        // processed) the form cannot change under the export: an edit then does not take, and
        // the message names the folder really written.
        QLineEdit* folder = d.findChild<QLineEdit*>(u"folder"_s);
        folder->setText(dir.filePath(u"frames"_s));
        bool editableDuringExport = true;
        bool sawExport = false;
        QTimer::singleShot(0, this, [&] {
            sawExport = true;
            editableDuringExport = folder->isEnabled();
            folder->setText(dir.filePath(u"elsewhere"_s)); // changed under the export: not what it writes to
        });
        QTest::mouseClick(exportButton, Qt::LeftButton);
        QVERIFY(sawExport);
        QVERIFY(!editableDuringExport);
        QCOMPARE(messages.size(), 2);
        QVERIFY2(messages[1].contains(dir.filePath(u"frames"_s)), qPrintable(messages[1]));
        folder->setText(dir.filePath(u"frames"_s));
        QCOMPARE(d.result(), int(QDialog::Accepted));
        const AnimationSpec s = d.spec();
        QCOMPARE(std::uint64_t(entries(dir.filePath(u"frames"_s)).size()), s.pictureCount());
        // The choices are remembered.
        AnimationDialog again(setup);
        QCOMPARE(again.spec().outDir, dir.filePath(u"frames"_s));
        QVERIFY(!again.spec().gif);
    }

    void dialogWindowEntry()
    {
        AnimationSetup setup;
        setup.sim = m_sim.get();
        setup.cursor = 0; // before any event: the first command's range
        setup.windowFrames = [](std::uint64_t, double) {
            QImage img(300, 200, QImage::Format_RGB32);
            img.fill(Qt::darkGreen);
            return img;
        };
        int restored = 0;
        setup.windowDone = [&] { ++restored; };
        setup.windowSize = QSize(800, 500);
        setup.devicePixelRatio = 1.5;
        AnimationDialog d(setup);
        QCOMPARE(d.sourceId(), u"window"_s);
        QCOMPARE(d.spec().size, QSize(1200, 750)); // device pixels
        QCOMPARE(d.spec().baseName, u"window"_s);
        QTemporaryDir dir;
        d.findChild<QLineEdit*>(u"folder"_s)->setText(dir.path());
        d.findChild<QCheckBox*>(u"png"_s)->setChecked(true);
        d.findChild<QSpinBox*>(u"to"_s)->setValue(1);
        QCOMPARE(d.range(), AnimationDialog::Range::Custom);
        const AnimationResult r = d.exportNow({});
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(restored, 1);
        QCOMPARE(QImage(r.lastPng).size(), QSize(1200, 750));
    }
};

QTEST_MAIN(TestAnimation)
#include "tst_animation.moc"
