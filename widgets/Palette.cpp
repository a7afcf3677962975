#include "Palette.h"

namespace memviz {

namespace {
Theme g_theme = Theme::Light;
}

Theme Palette::theme() { return g_theme; }
void Palette::setTheme(Theme t) { g_theme = t; }

QColor Palette::zone(ZoneType t)
{
    switch (t) {
    case ZoneType::DMA: return QColor(0x1f, 0x77, 0xb4);     // blue
    case ZoneType::DMA32: return QColor(0x2c, 0xa0, 0x2c);   // green
    case ZoneType::Normal: return QColor(0xe0, 0x7b, 0x10);  // orange
    case ZoneType::HighMem: return QColor(0x94, 0x67, 0xbd); // purple
    case ZoneType::Movable: return QColor(0x17, 0xbe, 0xcf); // cyan
    case ZoneType::Device: return QColor(0x8c, 0x56, 0x4b);  // brown
    case ZoneType::Count: break;
    }
    return Qt::gray;
}

QColor Palette::frame(ZoneType z, FrameState s)
{
    const bool dark = g_theme == Theme::Dark;
    // Frames outside every zone (pfn 0 on a PC) have no hue of their own.
    const QColor base = z == ZoneType::Count ? QColor(0x80, 0x80, 0x80) : zone(z);
    switch (s) {
    case FrameState::Free: {
        // A pale tint of the zone hue: free memory recedes, allocations stand out.
        const QColor bg = background();
        const double a = dark ? 0.30 : 0.24;
        return QColor::fromRgbF(bg.redF() * (1 - a) + base.redF() * a, bg.greenF() * (1 - a) + base.greenF() * a,
                                bg.blueF() * (1 - a) + base.blueF() * a);
    }
    case FrameState::Kernel: return dark ? base.lighter(115) : base;
    case FrameState::InHand: return highlight();
    // Boot reservations: neutral greys (they belong to no allocator), spaced in
    // lightness so that they stay apart on a washed-out projector; the memmap
    // (struct page array) has a slate tint because students look for it.
    case FrameState::Firmware: return dark ? QColor(0x5c, 0x5c, 0x5c) : QColor(0xb9, 0xb9, 0xb9);
    case FrameState::BootAlloc: return dark ? QColor(0x7a, 0x7a, 0x7a) : QColor(0x94, 0x94, 0x94);
    case FrameState::MemMap: return dark ? QColor(0x6c, 0x7d, 0x99) : QColor(0x6a, 0x7a, 0x94);
    case FrameState::KernelImage: return dark ? QColor(0xa6, 0xa6, 0xa6) : QColor(0x4e, 0x4e, 0x4e);
    case FrameState::Hole: return dark ? QColor(0x08, 0x08, 0x08) : QColor(0x22, 0x22, 0x22);
    case FrameState::Tail:
    case FrameState::Count: break;
    }
    return base;
}

QColor Palette::background() { return g_theme == Theme::Dark ? QColor(0x1e, 0x1f, 0x22) : QColor(0xfb, 0xfb, 0xfb); }
QColor Palette::text() { return g_theme == Theme::Dark ? QColor(0xee, 0xee, 0xee) : QColor(0x1a, 0x1a, 0x1a); }
QColor Palette::mutedText() { return g_theme == Theme::Dark ? QColor(0xa0, 0xa0, 0xa0) : QColor(0x60, 0x60, 0x60); }
QColor Palette::gridLine() { return g_theme == Theme::Dark ? QColor(0x3a, 0x3b, 0x40) : QColor(0xd6, 0xd6, 0xd6); }
QColor Palette::highlight() { return QColor(0xe6, 0x19, 0x4b); } // crimson: "this step"

QColor Palette::textOn(const QColor& fill)
{
    // Relative luminance (sRGB approximation) decides black or white text.
    const double l = 0.2126 * fill.redF() + 0.7152 * fill.greenF() + 0.0722 * fill.blueF();
    return l > 0.5 ? QColor(0x10, 0x10, 0x10) : QColor(0xff, 0xff, 0xff);
}

QList<QRgb> Palette::frameColourTable()
{
    QList<QRgb> table(kFrameIndexCount, background().rgb());
    for (int rank = 0; rank < kStateRanks; ++rank)
        for (int slot = 0; slot < kZoneSlots; ++slot) {
            const FrameState s = stateOfRank(rank);
            table[frameIndex(slot, s)] = frame(static_cast<ZoneType>(slot), s).rgb();
        }
    return table;
}

QColor Palette::watermark(Wmark w)
{
    switch (w) {
    case Wmark::Min: return QColor(0xd6, 0x27, 0x28);
    case Wmark::Low: return QColor(0xff, 0x7f, 0x0e);
    case Wmark::High: return QColor(0x2c, 0xa0, 0x2c);
    case Wmark::Promo: return QColor(0x17, 0xbe, 0xcf);
    }
    return Qt::gray;
}

} // namespace memviz
