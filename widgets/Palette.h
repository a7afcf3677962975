#pragma once
/// Colours shared by every view: one hue family per zone, shades per frame state,
/// chosen to stay distinguishable on a projector and for common colour blindness.

#include "phys/FrameTable.h"
#include "phys/Zone.h"

#include <QColor>
#include <QString>

namespace memviz {

enum class Theme { Light, Dark };

class Palette {
public:
    static Theme theme();
    static void setTheme(Theme t);

    /// Base hue of a zone (DMA blue, DMA32 green, Normal orange, HighMem purple ...).
    static QColor zone(ZoneType t);
    /// A frame's fill: zone hue shaded by state (free pale, allocated saturated,
    /// reserved grey, hole dark, in-hand highlighted).
    static QColor frame(ZoneType zone, FrameState state);
    static QColor background();
    static QColor text();
    static QColor mutedText();
    static QColor gridLine();
    /// The colour of "this is what the current step is about".
    static QColor highlight();
    static QColor watermark(Wmark w);
};

} // namespace memviz
