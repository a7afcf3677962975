#include "GifWriter.h"

#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

#include <gif_lib.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <unordered_map>
#include <vector>

namespace memviz {

namespace {

/// A frame (or the changed part of it) as palette indices.
struct Indexed {
    std::vector<GifColorType> colours; ///< a power of two entries, 2 to 256
    std::vector<GifByteType> pixels;   ///< row by row
};

/// The palette of a frame. A drawing's colours fall in two kinds: flat fills, text and lines
/// that cover many pixels each, and the anti-aliased edges between them. Up to 256 colours
/// are kept exactly. Beyond that the frequent colours (up to 128) keep their own exact
/// entries, so pale fills stay the colour the view chose, and giflib's median cut shares the
/// remaining entries among the rest, each entry recoloured with the mean of its pixels. No
/// dithering: it would make flat fills crawl from frame to frame.
bool quantize(const QImage& rgb, Indexed* out)
{
    const int w = rgb.width(), h = rgb.height();
    const std::size_t n = static_cast<std::size_t>(w) * static_cast<std::size_t>(h);
    const auto pixelAt = [&](std::size_t i) {
        return reinterpret_cast<const QRgb*>(rgb.constScanLine(int(i / std::size_t(w))))[i % std::size_t(w)]
            & 0xffffffu;
    };
    // Colour histogram (runs of one colour counted at once).
    std::unordered_map<QRgb, std::uint32_t> count;
    count.reserve(1024);
    for (int y = 0; y < h; ++y) {
        const QRgb* line = reinterpret_cast<const QRgb*>(rgb.constScanLine(y));
        for (int x = 0; x < w;) {
            const QRgb c = line[x] & 0xffffffu;
            int run = 1;
            while (x + run < w && (line[x + run] & 0xffffffu) == c) ++run;
            count[c] += std::uint32_t(run);
            x += run;
        }
    }
    // Most frequent first; equal counts by colour, so the palette does not depend on hashing.
    std::vector<std::pair<QRgb, std::uint32_t>> colours(count.begin(), count.end());
    std::sort(colours.begin(), colours.end(),
              [](const auto& a, const auto& b) { return a.second != b.second ? a.second > b.second : a.first < b.first; });
    const bool exact = colours.size() <= 256;
    const std::size_t threshold = std::max<std::size_t>(16, n / 8000);
    std::size_t kept = 0;
    while (kept < colours.size() && (exact || (kept < 128 && colours[kept].second >= threshold))) ++kept;

    std::unordered_map<QRgb, GifByteType> index;
    index.reserve(kept * 2);
    out->colours.clear();
    for (std::size_t k = 0; k < kept; ++k) {
        const QRgb c = colours[k].first;
        index.emplace(c, static_cast<GifByteType>(k));
        out->colours.push_back(GifColorType {static_cast<GifByteType>(qRed(c)), static_cast<GifByteType>(qGreen(c)),
                                             static_cast<GifByteType>(qBlue(c))});
    }
    out->pixels.resize(n);
    std::vector<std::size_t> rest; // pixels left to the median cut
    for (std::size_t i = 0; i < n; ++i) {
        const auto it = index.find(pixelAt(i));
        if (it != index.end())
            out->pixels[i] = it->second;
        else
            rest.push_back(i);
    }
    if (!rest.empty()) {
        const std::size_t m = rest.size();
        std::vector<GifByteType> r(m), g(m), b(m), cut(m);
        for (std::size_t j = 0; j < m; ++j) {
            const QRgb c = pixelAt(rest[j]);
            r[j] = static_cast<GifByteType>(qRed(c));
            g[j] = static_cast<GifByteType>(qGreen(c));
            b[j] = static_cast<GifByteType>(qBlue(c));
        }
        int size = int(256 - kept);
        std::vector<GifColorType> map(256, GifColorType {0, 0, 0});
        if (GifQuantizeBuffer(static_cast<unsigned>(m), 1, &size, r.data(), g.data(), b.data(), cut.data(), map.data())
            != GIF_OK)
            return false;
        // giflib colours each box from its 5-bit cells shifted back (white would come out as
        // 248,248,248): the mean of the pixels an entry stands for is truer.
        std::vector<std::array<std::uint64_t, 4>> sum(256, {0, 0, 0, 0});
        std::size_t used = 0;
        for (std::size_t j = 0; j < m; ++j) {
            auto& s = sum[cut[j]];
            s[0] += r[j];
            s[1] += g[j];
            s[2] += b[j];
            ++s[3];
            used = std::max<std::size_t>(used, std::size_t(cut[j]) + 1);
        }
        for (std::size_t k = 0; k < used; ++k) {
            const auto& s = sum[k];
            const auto mean = [&](std::uint64_t v) { return static_cast<GifByteType>(s[3] ? (v + s[3] / 2) / s[3] : 0); };
            out->colours.push_back(GifColorType {mean(s[0]), mean(s[1]), mean(s[2])});
        }
        for (std::size_t j = 0; j < m; ++j) out->pixels[rest[j]] = static_cast<GifByteType>(kept + cut[j]);
    }
    std::size_t entries = 2;
    while (entries < out->colours.size()) entries *= 2;
    out->colours.resize(entries, GifColorType {0, 0, 0});
    return true;
}

/// The smallest rectangle holding every pixel in which `a` and `b` (same size, RGB32) differ;
/// empty when they are equal.
QRect changedRect(const QImage& a, const QImage& b)
{
    const int w = a.width();
    int top = -1, bottom = -1, left = w, right = -1;
    for (int y = 0; y < a.height(); ++y) {
        const QRgb* ra = reinterpret_cast<const QRgb*>(a.constScanLine(y));
        const QRgb* rb = reinterpret_cast<const QRgb*>(b.constScanLine(y));
        if (std::memcmp(ra, rb, static_cast<std::size_t>(w) * sizeof(QRgb)) == 0) continue;
        if (top < 0) top = y;
        bottom = y;
        for (int x = 0; x < left; ++x)
            if (ra[x] != rb[x]) {
                left = x;
                break;
            }
        for (int x = w - 1; x > right; --x)
            if (ra[x] != rb[x]) {
                right = x;
                break;
            }
    }
    if (top < 0) return {};
    return QRect(QPoint(left, top), QPoint(right, bottom));
}

} // namespace

GifWriter::GifWriter() = default;

GifWriter::~GifWriter()
{
    discard();
}

void GifWriter::discard()
{
    if (m_gif) {
        int error = 0;
        EGifCloseFile(m_gif, &error);
        m_gif = nullptr;
    }
    if (m_file) {
        m_file->cancelWriting();
        m_file.reset();
    }
    m_previous = QImage();
}

bool GifWriter::fail(const QString& message)
{
    m_error = message;
    discard();
    return false;
}

bool GifWriter::failGif(int code)
{
    switch (code) {
    case E_GIF_ERR_WRITE_FAILED:
        return fail(tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(m_path), m_file->errorString()));
    case E_GIF_ERR_NOT_ENOUGH_MEM:
        return fail(tr("Not enough memory to encode the GIF %1").arg(QDir::toNativeSeparators(m_path)));
    default: {
        const char* what = GifErrorString(code);
        return fail(tr("The GIF encoder failed on %1: %2 (giflib error %3)")
                        .arg(QDir::toNativeSeparators(m_path), QString::fromUtf8(what ? what : "?"))
                        .arg(code));
    }
    }
}

int GifWriter::writeBytes(GifFileType* gif, const unsigned char* data, int length)
{
    auto* self = static_cast<GifWriter*>(gif->UserData);
    const qint64 n = self->m_file->write(reinterpret_cast<const char*>(data), length);
    return n < 0 ? 0 : static_cast<int>(n);
}

int GifWriter::delayFor(int index, int fps)
{
    fps = std::max(1, fps);
    const auto at = [fps](long long k) { return (k * 100 + fps / 2) / fps; };
    return static_cast<int>(at(index + 1LL) - at(index));
}

bool GifWriter::open(const QString& path, QSize size, int loops)
{
    discard();
    m_error.clear();
    m_path = path;
    m_size = size;
    m_frames = 0;
    if (size.width() < 1 || size.height() < 1 || size.width() > 65535 || size.height() > 65535)
        return fail(tr("A GIF picture must be 1 to 65535 pixels wide and high, not %1×%2")
                        .arg(size.width())
                        .arg(size.height()));
    m_file = std::make_unique<QSaveFile>(path);
    if (!m_file->open(QIODevice::WriteOnly))
        return fail(tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), m_file->errorString()));
    int error = 0;
    m_gif = EGifOpen(this, &GifWriter::writeBytes, &error);
    if (!m_gif) return failGif(error);
    // Extensions (frame delays, looping) need the GIF89a header.
    EGifSetGifVersion(m_gif, true);
    if (EGifPutScreenDesc(m_gif, size.width(), size.height(), 8, 0, nullptr) != GIF_OK) return failGif(m_gif->Error);
    // NETSCAPE2.0: sub-block 1 carries the loop count, little-endian, 0 = forever.
    const unsigned char app[] = {'N', 'E', 'T', 'S', 'C', 'A', 'P', 'E', '2', '.', '0'};
    const unsigned char loop[] = {1, static_cast<unsigned char>(loops & 0xff),
                                  static_cast<unsigned char>((loops >> 8) & 0xff)};
    if (EGifPutExtensionLeader(m_gif, APPLICATION_EXT_FUNC_CODE) != GIF_OK
        || EGifPutExtensionBlock(m_gif, sizeof app, app) != GIF_OK
        || EGifPutExtensionBlock(m_gif, sizeof loop, loop) != GIF_OK || EGifPutExtensionTrailer(m_gif) != GIF_OK)
        return failGif(m_gif->Error);
    return true;
}

bool GifWriter::addFrame(const QImage& frame, int delayCs)
{
    if (!m_gif) {
        if (m_error.isEmpty()) m_error = tr("The GIF is not open");
        return false;
    }
    if (frame.size() != m_size)
        return fail(tr("A frame of %1×%2 pixels does not fit the GIF %3 of %4×%5")
                        .arg(frame.width())
                        .arg(frame.height())
                        .arg(QDir::toNativeSeparators(m_path))
                        .arg(m_size.width())
                        .arg(m_size.height()));
    QImage rgb = frame.convertToFormat(QImage::Format_RGB32);
    // Only what changed is stored; the rest of the previous frame stays (disposal "do not
    // dispose"). An unchanged frame still needs a picture for its delay: one pixel.
    QRect rect = m_previous.isNull() ? rgb.rect() : changedRect(m_previous, rgb);
    if (rect.isEmpty()) rect = QRect(0, 0, 1, 1);
    Indexed indexed;
    if (!quantize(rect == rgb.rect() ? rgb : rgb.copy(rect), &indexed)) return failGif(E_GIF_ERR_NOT_ENOUGH_MEM);

    GraphicsControlBlock gcb {};
    gcb.DisposalMode = DISPOSE_DO_NOT;
    gcb.UserInputFlag = false;
    gcb.DelayTime = std::clamp(delayCs, 0, 65535);
    gcb.TransparentColor = NO_TRANSPARENT_COLOR;
    GifByteType ext[4];
    EGifGCBToExtension(&gcb, ext);
    if (EGifPutExtension(m_gif, GRAPHICS_EXT_FUNC_CODE, sizeof ext, ext) != GIF_OK) return failGif(m_gif->Error);

    ColorMapObject* map = GifMakeMapObject(static_cast<int>(indexed.colours.size()), indexed.colours.data());
    if (!map) return failGif(E_GIF_ERR_NOT_ENOUGH_MEM);
    // giflib copies the map.
    const int ok = EGifPutImageDesc(m_gif, rect.x(), rect.y(), rect.width(), rect.height(), false, map);
    GifFreeMapObject(map);
    if (ok != GIF_OK) return failGif(m_gif->Error);
    for (int y = 0; y < rect.height(); ++y)
        if (EGifPutLine(m_gif, indexed.pixels.data() + static_cast<std::size_t>(y) * std::size_t(rect.width()),
                        rect.width())
            != GIF_OK)
            return failGif(m_gif->Error);
    m_previous = std::move(rgb);
    ++m_frames;
    return true;
}

bool GifWriter::close()
{
    if (!m_gif) {
        if (m_error.isEmpty()) m_error = tr("The GIF is not open");
        return false;
    }
    if (m_frames == 0) return fail(tr("The GIF %1 has no frames").arg(QDir::toNativeSeparators(m_path)));
    int error = 0;
    const int ok = EGifCloseFile(m_gif, &error);
    m_gif = nullptr;
    if (ok != GIF_OK) return failGif(error);
    if (!m_file->commit())
        return fail(tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(m_path), m_file->errorString()));
    m_file.reset();
    m_previous = QImage();
    m_error.clear();
    return true;
}

} // namespace memviz
