#pragma once
/// Helpers shared by the widget suites.

#include "Palette.h"

#include <QImage>

#include <algorithm>

namespace memviz::test {

/// Share of the picture (sampled every third pixel both ways) that is not the theme's
/// background: how much a view drew.
inline double inkShare(const QImage& img)
{
    const QRgb bg = Palette::background().rgb();
    qsizetype differ = 0, total = 0;
    for (int y = 0; y < img.height(); y += 3)
        for (int x = 0; x < img.width(); x += 3) {
            ++total;
            differ += (img.pixel(x, y) & 0xffffff) != (bg & 0xffffff);
        }
    return double(differ) / double(std::max<qsizetype>(1, total));
}

} // namespace memviz::test
