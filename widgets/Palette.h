#pragma once
/// Colours shared by every view: one hue family per zone, shades per frame state,
/// chosen to stay distinguishable on a projector and for common colour blindness.

#include "phys/FrameTable.h"
#include "phys/Zone.h"

#include <QColor>
#include <QList>
#include <QString>

#include <cstdint>

namespace memviz {

enum class Theme { Light, Dark };

class Palette {
public:
    static Theme theme();
    static void setTheme(Theme t);

    /// Base hue of a zone (DMA blue, DMA32 green, Normal orange, HighMem purple ...).
    static QColor zone(ZoneType t);
    /// A frame's fill: zone hue shaded by state (free pale, allocated saturated,
    /// reserved grey, hole dark, in-hand highlighted). ZoneType::Count means "no zone".
    static QColor frame(ZoneType zone, FrameState state);
    static QColor background();
    static QColor text();
    static QColor mutedText();
    static QColor gridLine();
    /// The colour of "this is what the current step is about".
    static QColor highlight();
    static QColor watermark(Wmark w);
    /// Black or white, whichever reads better on `fill`.
    static QColor textOn(const QColor& fill);

    // Colour tables for frame maps (QImage::Format_Indexed8, one byte per frame).
    //
    // Index 0 is "no frame here" (past the last pfn). The others are ordered by how
    // interesting a state is, zone second, so that the largest index over a run of
    // frames is what a downsampled pixel should show (allocated beats free).

    /// Zone slots: the ZoneType values, plus kNoZoneSlot for frames outside every zone.
    static constexpr int kZoneSlots = static_cast<int>(ZoneType::Count) + 1;
    static constexpr int kNoZoneSlot = static_cast<int>(ZoneType::Count);
    /// States by rank, least interesting first.
    static constexpr int kStateRanks = 8;
    static constexpr int kFrameIndexCount = 1 + kStateRanks * kZoneSlots;

    /// Rank of a state in the downsampling order (Tail has none and counts as Hole).
    static constexpr int stateRank(FrameState s)
    {
        switch (s) {
        case FrameState::Tail:
        case FrameState::Hole: return 0;
        case FrameState::Free: return 1;
        case FrameState::Firmware: return 2;
        case FrameState::BootAlloc: return 3;
        case FrameState::MemMap: return 4;
        case FrameState::KernelImage: return 5;
        case FrameState::Kernel: return 6;
        case FrameState::InHand: return 7;
        case FrameState::Count: break;
        }
        return 0;
    }
    static constexpr FrameState stateOfRank(int rank)
    {
        constexpr FrameState byRank[kStateRanks] = {FrameState::Hole,      FrameState::Free,
                                                    FrameState::Firmware,  FrameState::BootAlloc,
                                                    FrameState::MemMap,    FrameState::KernelImage,
                                                    FrameState::Kernel,    FrameState::InHand};
        return byRank[rank];
    }
    /// The colour-table index of a frame of `state` in zone slot `zoneSlot`.
    static constexpr std::uint8_t frameIndex(int zoneSlot, FrameState state)
    {
        return static_cast<std::uint8_t>(1 + stateRank(state) * kZoneSlots + zoneSlot);
    }
    /// Inverse of frameIndex (index must be >= 1).
    static constexpr FrameState stateOfIndex(int index) { return stateOfRank((index - 1) / kZoneSlots); }
    static constexpr int zoneSlotOfIndex(int index) { return (index - 1) % kZoneSlots; }

    /// kFrameIndexCount colours for the current theme; entry 0 is background().
    static QList<QRgb> frameColourTable();
};

} // namespace memviz
