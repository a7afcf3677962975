#include "FrameMapRenderer.h"

#include "Palette.h"
#include "sim/Machine.h"

#include <algorithm>
#include <cstring>

namespace memviz {

namespace {
/// Table value of states whose index depends on the frame's owner (priv, count).
constexpr std::uint8_t kOwnerMark = 0xFF;
} // namespace

FrameMapRenderer::FrameMapRenderer() = default;

std::uint8_t FrameMapRenderer::indexOfFrame(const Machine& m, Pfn p)
{
    if (p >= m.frames.size()) return 0;
    if (p == m.zeroPfn) return Palette::kZeroPageIndex;
    const Pfn h = m.frames.headOf(p);
    const FrameState s = m.frames.state(h);
    if (Palette::isOwnerState(s)) return Palette::ownerIndex(s, m.frames.priv(h), m.frames.count(h));
    const std::uint8_t z = m.zoneOf(p);
    const int slot = z == kNoZone ? Palette::kNoZoneSlot : static_cast<int>(m.zones[z].type);
    return Palette::frameIndex(slot, s == FrameState::Tail || s >= FrameState::Count ? FrameState::Hole : s);
}

void FrameMapRenderer::setColumns(int columns)
{
    m_columns = std::max(1, columns);
}

void FrameMapRenderer::refreshColours()
{
    if (!m_image.isNull()) m_image.setColorTable(Palette::frameColourTable());
}

void FrameMapRenderer::buildRuns(const Machine& m)
{
    const Pfn frames = m.frames.size();
    auto makeRun = [](Pfn start, Pfn end, int slot) {
        Run r;
        r.start = start;
        r.end = end;
        // Bytes that are no valid state (a corrupted table) draw as holes, not as garbage.
        r.lut.fill(Palette::frameIndex(slot, FrameState::Hole));
        for (int s = 0; s < static_cast<int>(FrameState::Count); ++s) {
            const auto st = static_cast<FrameState>(s);
            r.lut[static_cast<std::size_t>(s)] = Palette::isOwnerState(st) ? kOwnerMark : Palette::frameIndex(slot, st);
        }
        return r;
    };
    std::vector<const Zone*> zones;
    for (const Zone& z : m.zones)
        if (z.populated() && z.startPfn < frames) zones.push_back(&z);
    std::sort(zones.begin(), zones.end(), [](const Zone* a, const Zone* b) { return a->startPfn < b->startPfn; });
    m_runs.clear();
    Pfn cursor = 0;
    for (const Zone* z : zones) {
        const Pfn start = std::max(cursor, z->startPfn);
        const Pfn end = std::min(frames, z->endPfn());
        if (end <= start) continue;
        if (start > cursor) m_runs.push_back(makeRun(cursor, start, Palette::kNoZoneSlot));
        m_runs.push_back(makeRun(start, end, static_cast<int>(z->type)));
        cursor = end;
    }
    if (cursor < frames) m_runs.push_back(makeRun(cursor, frames, Palette::kNoZoneSlot));
}

void FrameMapRenderer::writeLinear(const Machine& m, Pfn first, Pfn last, std::uint8_t* out) const
{
    const FrameTable& ft = m.frames;
    constexpr int kShift = FrameChunk::kShift;
    for (const Run& run : m_runs) {
        const Pfn lo = std::max(first, run.start), hi = std::min(last, run.end);
        if (lo >= hi) continue;
        const std::uint8_t* lut = run.lut.data();
        Pfn p = lo;
        // Starting inside a block: its frames take the head's state.
        if (ft.state(p) == FrameState::Tail) {
            const Pfn h = ft.headOf(p);
            if (h < p && h >= run.start) {
                const Pfn end = std::min(hi, h + (Pfn(1) << std::min(ft.order(h), kMaxOrder)));
                if (end > p) {
                    const auto hs = static_cast<std::uint8_t>(ft.state(h));
                    std::uint8_t v = lut[hs];
                    if (v == kOwnerMark) v = Palette::ownerIndex(FrameState(hs), ft.priv(h), ft.count(h));
                    std::memset(out + (p - first), v, end - p);
                    p = end;
                }
            }
        }
        // Hot loop: one chunk at a time, one step per block. Buddy blocks are
        // naturally aligned and at most 2^kMaxOrder < chunk size, so none crosses a chunk.
        while (p < hi) {
            const std::size_t ci = static_cast<std::size_t>(p >> kShift);
            const FrameChunk& ch = ft.chunk(ci);
            const Pfn chunkBase = Pfn(ci) << kShift;
            const auto iend = static_cast<std::uint32_t>(std::min<Pfn>(hi, chunkBase + FrameChunk::kSize) - chunkBase);
            auto i = static_cast<std::uint32_t>(p - chunkBase);
            std::uint8_t* o = out + (chunkBase - first); // o[i] is the frame chunkBase + i
            const std::uint8_t* st = ch.state.data();
            const std::uint8_t* od = ch.order.data();
            while (i < iend) {
                const std::uint8_t s = st[i];
                std::uint8_t v = lut[s];
                // Pages of processes and files take their owner's colour (rare branch on a fresh machine).
                if (v == kOwnerMark) [[unlikely]]
                    v = Palette::ownerIndex(FrameState(s), ch.priv[i], ch.count[i]);
                const std::uint8_t ord = s == 0 ? 0 : od[i]; // an orphan tail covers itself only
                if (ord == 0) {
                    o[i++] = v;
                    continue;
                }
                const std::uint32_t len = 1u << std::min<int>(ord, kMaxOrder);
                const std::uint32_t n = std::min(len, iend - i);
                std::memset(o + i, v, n);
                i += n;
            }
            p = chunkBase + iend;
        }
    }
    // The shared zero page sits inside the kernel image: marked in a colour of its own.
    if (m.zeroPfn >= first && m.zeroPfn < last) out[m.zeroPfn - first] = Palette::kZeroPageIndex;
}

void FrameMapRenderer::render(const Machine& m, Pfn first, Pfn last)
{
    if (first >= last) return;
    buildRuns(m);
    const auto cols = static_cast<Pfn>(m_columns);
    if (m_image.bytesPerLine() == m_columns) {
        // Rows are contiguous: write straight into the image.
        writeLinear(m, first, last, m_image.bits() + first);
        return;
    }
    if (m_scratch.size() < last - first) m_scratch.resize(last - first);
    writeLinear(m, first, last, m_scratch.data());
    for (Pfn p = first; p < last;) {
        const Pfn row = p / cols, col = p % cols;
        const Pfn n = std::min(last - p, cols - col);
        std::memcpy(m_image.scanLine(static_cast<int>(row)) + col, m_scratch.data() + (p - first), n);
        p += n;
    }
}

void FrameMapRenderer::renderAll(const Machine& m)
{
    m_frames = m.frames.size();
    if (m_frames == 0) {
        m_image = QImage();
        return;
    }
    const auto cols = static_cast<Pfn>(m_columns);
    const int rows = static_cast<int>((m_frames + cols - 1) / cols);
    if (m_image.width() != m_columns || m_image.height() != rows || m_image.format() != QImage::Format_Indexed8) {
        m_image = QImage(m_columns, rows, QImage::Format_Indexed8);
        m_image.setColorTable(Palette::frameColourTable());
    }
    // The unused end of the last row shows "no frame".
    const Pfn used = m_frames - Pfn(rows - 1) * cols;
    std::uint8_t* last = m_image.scanLine(rows - 1);
    std::memset(last + used, 0, static_cast<std::size_t>(m_image.bytesPerLine()) - used);
    render(m, 0, m_frames);
}

void FrameMapRenderer::renderRange(const Machine& m, Pfn first, Pfn last)
{
    if (m_image.isNull() || m_frames != m.frames.size() || m_image.width() != m_columns) {
        renderAll(m);
        return;
    }
    render(m, first, std::min(last, m_frames));
}

namespace {

/// out[i] = max(a[i], a[i + shift]) for i < n, sixteen bytes at a time.
void maxShifted(const std::uint8_t* a, std::size_t shift, std::uint8_t* out, std::size_t n)
{
    using V16 = std::uint8_t __attribute__((vector_size(16)));
    std::size_t i = 0;
    for (; i + 16 <= n; i += 16) {
        V16 x, y;
        std::memcpy(&x, a + i, 16);
        std::memcpy(&y, a + i + shift, 16);
        const V16 m = x > y ? x : y;
        std::memcpy(out + i, &m, 16);
    }
    for (; i < n; ++i) out[i] = std::max(a[i], a[i + shift]);
}

/// One row of downsampleMax: the max of every run of f bytes of s (w runs). Sliding
/// window maxima by doubling (contiguous, vectorised passes), then one pick per run.
void maxRow(const std::uint8_t* s, std::uint8_t* d, int w, int f, std::vector<std::uint8_t>& tmp)
{
    const std::size_t n = std::size_t(w) * std::size_t(f);
    if (f == 1) {
        std::memcpy(d, s, n);
        return;
    }
    tmp.resize(n);
    // After the loop, a[i] = max(s[i .. i + c)) for i <= n - c.
    const std::uint8_t* a = s;
    std::size_t c = 1;
    while (2 * c <= std::size_t(f)) {
        maxShifted(a, c, tmp.data(), n - 2 * c + 1);
        a = tmp.data();
        c *= 2;
    }
    const std::size_t rest = std::size_t(f) - c; // 0 when f is a power of two
    for (int x = 0; x < w; ++x) {
        const std::size_t i = std::size_t(x) * std::size_t(f);
        d[x] = std::max(a[i], a[i + rest]);
    }
}

} // namespace

void FrameMapRenderer::downsampleMax(const QImage& src, int factor, QImage* dst, int firstRow, int lastRow)
{
    factor = std::max(1, factor);
    const int w = src.width() / factor;
    if (dst->width() != w || dst->height() != src.height() || dst->format() != QImage::Format_Indexed8) {
        *dst = QImage(w, src.height(), QImage::Format_Indexed8);
        firstRow = 0;
        lastRow = src.height();
    }
    if (dst->colorTable() != src.colorTable()) dst->setColorTable(src.colorTable());
    firstRow = std::max(0, firstRow);
    lastRow = std::min(lastRow, src.height());
    std::vector<std::uint8_t> tmp;
    for (int y = firstRow; y < lastRow; ++y) maxRow(src.constScanLine(y), dst->scanLine(y), w, factor, tmp);
}

} // namespace memviz
