#pragma once
/// Paints one pixel per physical frame into a cached 8-bit indexed QImage (row-major,
/// a configurable number of frames per row, colours from Palette's frame table: zone
/// and state, or the owning process / file for pages of processes and the page
/// cache, and the zero page marked). It
/// walks block heads rather than frames, so a 16 GiB machine (4 Mi frames) renders
/// in a few milliseconds and a one-event step re-renders only the frames it touched.

#include "phys/FrameTable.h"

#include <QImage>

#include <array>
#include <cstdint>
#include <vector>

namespace memviz {

struct Machine;

class FrameMapRenderer {
public:
    FrameMapRenderer();

    /// Frames per row (>= 1). Takes effect at the next renderAll().
    void setColumns(int columns);
    int columns() const { return m_columns; }

    /// Rebuilds the whole image: columns() wide, ceil(frames / columns()) rows; pixels
    /// past the last frame get index 0 ("no frame").
    void renderAll(const Machine& m);
    /// Re-renders frames [first, last) only (clamped to the machine). Falls back to
    /// renderAll() when the image does not hold this machine's layout yet.
    void renderRange(const Machine& m, Pfn first, Pfn last);

    /// Format_Indexed8, colour table Palette::frameColourTable(); null before the
    /// first render of a non-empty machine.
    const QImage& image() const { return m_image; }
    /// Frames the image holds (the machine's frame count at the last renderAll()).
    Pfn frames() const { return m_frames; }

    /// Re-reads the colour table from Palette (after a theme change). The indices
    /// stay, so nothing is re-rendered.
    void refreshColours();

    /// The colour-table index a frame gets (what renderAll writes for it).
    static std::uint8_t indexOfFrame(const Machine& m, Pfn p);

    /// Pixel (column, row) of a frame.
    int columnOf(Pfn p) const { return static_cast<int>(p % static_cast<Pfn>(m_columns)); }
    int rowOf(Pfn p) const { return static_cast<int>(p / static_cast<Pfn>(m_columns)); }

    /// Downsamples rows [firstRow, lastRow) of an Indexed8 frame map by `factor`
    /// horizontally, keeping the largest index of each run of `factor` pixels, i.e.
    /// the most interesting state (Palette orders the indices that way). `dst` must
    /// be src.width() / factor wide and as tall as `src`; it is (re)created when not.
    static void downsampleMax(const QImage& src, int factor, QImage* dst, int firstRow, int lastRow);

private:
    /// A pfn range of one zone (or of no zone) with its state -> index table.
    struct Run {
        Pfn start = 0;
        Pfn end = 0;
        std::array<std::uint8_t, 256> lut{};
    };
    void buildRuns(const Machine& m);
    /// Writes the indices of frames [first, last) to out[0 .. last - first).
    void writeLinear(const Machine& m, Pfn first, Pfn last, std::uint8_t* out) const;
    void render(const Machine& m, Pfn first, Pfn last);

    QImage m_image;
    int m_columns = 1024;
    Pfn m_frames = 0;
    std::vector<Run> m_runs;
    std::vector<std::uint8_t> m_scratch; ///< used when rows are padded (columns not a multiple of 4)
};

} // namespace memviz
