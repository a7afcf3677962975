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
    const QColor base = zone(z);
    const bool dark = g_theme == Theme::Dark;
    switch (s) {
    case FrameState::Free: {
        // A pale tint of the zone hue: free memory recedes, allocations stand out.
        const QColor bg = background();
        const double a = dark ? 0.28 : 0.22;
        return QColor::fromRgbF(bg.redF() * (1 - a) + base.redF() * a, bg.greenF() * (1 - a) + base.greenF() * a,
                                bg.blueF() * (1 - a) + base.blueF() * a);
    }
    case FrameState::Kernel: return dark ? base.lighter(115) : base;
    case FrameState::InHand: return highlight();
    case FrameState::Firmware: return dark ? QColor(0x55, 0x55, 0x55) : QColor(0x9e, 0x9e, 0x9e);
    case FrameState::KernelImage: return dark ? QColor(0x70, 0x70, 0x70) : QColor(0x61, 0x61, 0x61);
    case FrameState::MemMap: return dark ? QColor(0x64, 0x64, 0x78) : QColor(0x75, 0x75, 0x8a);
    case FrameState::BootAlloc: return dark ? QColor(0x5a, 0x5a, 0x5a) : QColor(0x8a, 0x8a, 0x8a);
    case FrameState::Hole: return dark ? QColor(0x10, 0x10, 0x10) : QColor(0x30, 0x30, 0x30);
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
