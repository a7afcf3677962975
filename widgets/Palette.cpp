#include "Palette.h"

#include <QApplication>
#include <QStyle>
#include <QStyleFactory>

#include <cmath>

#include <QFontInfo>
#include <QFontMetricsF>

#include <algorithm>

#include <QWidget>

#include <QFontDatabase>
#include <QPainter>

namespace memviz {

namespace {
Theme g_theme = Theme::Light;
bool g_presentation = false;
int g_generation = 0;

/// Process hues in slot order: neighbouring slots (consecutive pids) far apart on the
/// colour wheel; none near the crimson of highlight() or the gold of the page cache,
/// and the first six (the processes of a lesson) clear of the green and orange of
/// DMA32 and Normal, the zones user pages come from on x86-64.
constexpr int kProcessHues[Palette::kProcessSlots] = { 265, 170, 300, 200, 330, 230, 100, 285, 140, 25, 185, 75 };

QColor hsl(int hue, double s, double l)
{
    return QColor::fromHslF(static_cast<float>(hue / 360.0), static_cast<float>(s), static_cast<float>(l));
}
} // namespace

Theme Palette::theme()
{
    return g_theme;
}
void Palette::setTheme(Theme t)
{
    if (t != g_theme) ++g_generation;
    g_theme = t;
}

void Palette::applyToApplication(Theme t)
{
    setTheme(t);
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QPalette p;
    if (t == Theme::Dark) {
        p.setColor(QPalette::Window, QColor(0x2b, 0x2d, 0x31));
        p.setColor(QPalette::WindowText, QColor(0xee, 0xee, 0xee));
        p.setColor(QPalette::Base, QColor(0x1e, 0x1f, 0x22));
        p.setColor(QPalette::AlternateBase, QColor(0x2b, 0x2d, 0x31));
        p.setColor(QPalette::Text, QColor(0xee, 0xee, 0xee));
        p.setColor(QPalette::Button, QColor(0x3a, 0x3c, 0x41));
        p.setColor(QPalette::ButtonText, QColor(0xee, 0xee, 0xee));
        p.setColor(QPalette::Highlight, QColor(0x35, 0x74, 0xf0));
        p.setColor(QPalette::HighlightedText, Qt::white);
        p.setColor(QPalette::ToolTipBase, QColor(0x2b, 0x2d, 0x31));
        p.setColor(QPalette::ToolTipText, QColor(0xee, 0xee, 0xee));
        p.setColor(QPalette::PlaceholderText, QColor(0x90, 0x90, 0x90));
        // Disabled fields must look disabled on dark too.
        for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
            p.setColor(QPalette::Disabled, role, QColor(0x80, 0x80, 0x80));
        p.setColor(QPalette::Disabled, QPalette::Base, QColor(0x2b, 0x2d, 0x31));
    } else {
        p = QApplication::style()->standardPalette();
    }
    QApplication::setPalette(p);
}

void Palette::setPresentation(bool on)
{
    if (on != g_presentation) ++g_generation;
    g_presentation = on;
}

bool Palette::presentation()
{
    return g_presentation;
}

int Palette::generation()
{
    return g_generation;
}

qreal Palette::line(qreal width)
{
    return std::max<qreal>(1.0, g_presentation ? 2.0 * width : width);
}

QColor Palette::tint(const QColor& c, double t)
{
    t = std::clamp(t, 0.0, 1.0);
    // Half as much again, less so towards full strength (continuous, stays below 1).
    if (g_presentation) t += 0.5 * std::min(t, 1.0 - t);
    return mix(background(), c, t);
}

QColor Palette::faded(const QColor& c, double t)
{
    t = std::clamp(t, 0.0, 1.0);
    return mix(c, background(), g_presentation ? 0.6 * t : t);
}

QColor Palette::ink(const QColor& c)
{
    // Presentation mode: darker on the light theme (lighter would wash out the hue on dark).
    if (g_presentation && !isDark()) return c.darker(135);
    return isDark() ? c.lighter(150) : c.darker(115);
}

QColor Palette::zone(ZoneType t)
{
    switch (t) {
    case ZoneType::DMA:
        return QColor(0x1f, 0x77, 0xb4); // blue
    case ZoneType::DMA32:
        return QColor(0x2c, 0xa0, 0x2c); // green
    case ZoneType::Normal:
        return QColor(0xe0, 0x7b, 0x10); // orange
    case ZoneType::HighMem:
        return QColor(0x94, 0x67, 0xbd); // purple
    case ZoneType::Movable:
        return QColor(0x17, 0xbe, 0xcf); // cyan
    case ZoneType::Device:
        return QColor(0x8c, 0x56, 0x4b); // brown
    case ZoneType::Count:
        break;
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
        // Presentation mode: more of the hue, so a washed-out projector still shows the zone.
        const double a = g_presentation ? (dark ? 0.42 : 0.38) : (dark ? 0.30 : 0.24);
        return QColor::fromRgbF(bg.redF() * (1 - a) + base.redF() * a, bg.greenF() * (1 - a) + base.greenF() * a,
            bg.blueF() * (1 - a) + base.blueF() * a);
    }
    case FrameState::Kernel:
        return dark ? base.lighter(115) : base;
    case FrameState::InHand:
        return highlight();
    // Boot reservations: neutral greys (they belong to no allocator), spaced in
    // lightness so that they stay apart on a washed-out projector; the memmap
    // (struct page array) has a slate tint because students look for it.
    case FrameState::Firmware:
        return dark ? QColor(0x5c, 0x5c, 0x5c) : QColor(0xb9, 0xb9, 0xb9);
    case FrameState::BootAlloc:
        return dark ? QColor(0x7a, 0x7a, 0x7a) : QColor(0x94, 0x94, 0x94);
    case FrameState::MemMap:
        return dark ? QColor(0x6c, 0x7d, 0x99) : QColor(0x6a, 0x7a, 0x94);
    case FrameState::KernelImage:
        return dark ? QColor(0xa6, 0xa6, 0xa6) : QColor(0x4e, 0x4e, 0x4e);
    case FrameState::Hole:
        return dark ? QColor(0x08, 0x08, 0x08) : QColor(0x22, 0x22, 0x22);
    // The kernel's own allocations above the buddy allocator: fixed hues of their own,
    // whatever the zone, so slab, vmalloc and kernel-stack pages stand apart in any map.
    case FrameState::Slab:
        return dark ? QColor(0xe0, 0xa4, 0x3a) : QColor(0xb0, 0x70, 0x10);
    case FrameState::Vmalloc:
        return dark ? QColor(0xb4, 0x8c, 0xf0) : QColor(0x74, 0x46, 0xc4);
    case FrameState::KernelStack:
        return dark ? QColor(0xf0, 0x78, 0x78) : QColor(0xa8, 0x22, 0x2e);
    case FrameState::PageTable:
        return pageTable(1000);
    case FrameState::Anon:
        return process(1000);
    case FrameState::File:
        return pageCache(true);
    case FrameState::Tail:
    case FrameState::Count:
        break;
    }
    return base;
}

QColor Palette::process(std::uint32_t pid)
{
    const int hue = kProcessHues[processSlot(pid)];
    // Yellow-green hues look lighter at the same HSL lightness: take them down a little.
    const double shift = (hue >= 75 && hue <= 150) ? -0.06 : 0.0;
    return g_theme == Theme::Dark ? hsl(hue, 0.62, 0.66 + shift / 2) : hsl(hue, 0.60, 0.50 + shift);
}

QColor Palette::pageTable(std::uint32_t pid)
{
    const int hue = kProcessHues[processSlot(pid)];
    // On the dark theme a page table still has to stand out from the dark tint of free frames.
    return g_theme == Theme::Dark ? hsl(hue, 0.75, 0.43) : hsl(hue, 0.70, 0.27);
}

QColor Palette::pageCache(bool mapped)
{
    if (g_theme == Theme::Dark)
        return mapped ? hsl(46, 0.72, 0.55) : g_presentation ? hsl(46, 0.55, 0.38) : hsl(46, 0.38, 0.36);
    return mapped ? hsl(46, 0.78, 0.45) : g_presentation ? hsl(46, 0.75, 0.66) : hsl(46, 0.60, 0.74);
}

QColor Palette::zeroPage()
{
    return g_theme == Theme::Dark ? QColor(0x3f, 0xd6, 0xe3) : QColor(0x00, 0x9e, 0xae);
}

QColor Palette::vma(VmaKind k)
{
    const bool dark = g_theme == Theme::Dark;
    switch (k) {
    case VmaKind::Program:
        return dark ? QColor(0x5b, 0x8f, 0xd6) : QColor(0x2f, 0x64, 0xb4);
    case VmaKind::Library:
        return dark ? QColor(0x4f, 0xae, 0xa6) : QColor(0x2a, 0x8a, 0x82);
    case VmaKind::Heap:
        return dark ? QColor(0xf0, 0x9a, 0x3e) : QColor(0xe0, 0x7b, 0x10);
    case VmaKind::Stack:
        return dark ? QColor(0x6c, 0xc0, 0x5a) : QColor(0x3f, 0x9a, 0x2e);
    case VmaKind::Anon:
        return dark ? QColor(0xa7, 0x86, 0xe0) : QColor(0x7e, 0x57, 0xc2);
    case VmaKind::SharedFile:
        return pageCache(true);
    case VmaKind::PrivateFile:
        return dark ? QColor(0xc9, 0xa9, 0x6e) : QColor(0xa6, 0x84, 0x45);
    case VmaKind::Special:
        return dark ? QColor(0x8a, 0x8a, 0x8a) : QColor(0x9a, 0x9a, 0x9a);
    case VmaKind::Count:
        break;
    }
    return Qt::gray;
}

QColor Palette::background()
{
    return g_theme == Theme::Dark ? QColor(0x1e, 0x1f, 0x22) : QColor(0xfb, 0xfb, 0xfb);
}
// Presentation mode: text at full contrast, muted text close to it (contrast ratio above
// 7:1 on the background, WCAG's AAA level), grid lines and outlines that a projector
// does not wash out.
QColor Palette::text()
{
    if (g_presentation) return g_theme == Theme::Dark ? QColor(0xfa, 0xfa, 0xfa) : QColor(0x0a, 0x0a, 0x0a);
    return g_theme == Theme::Dark ? QColor(0xee, 0xee, 0xee) : QColor(0x1a, 0x1a, 0x1a);
}
QColor Palette::mutedText()
{
    if (g_presentation) return g_theme == Theme::Dark ? QColor(0xcc, 0xcc, 0xcc) : QColor(0x3c, 0x3c, 0x3c);
    return g_theme == Theme::Dark ? QColor(0xa0, 0xa0, 0xa0) : QColor(0x60, 0x60, 0x60);
}
QColor Palette::gridLine()
{
    if (g_presentation) return g_theme == Theme::Dark ? QColor(0x6c, 0x6e, 0x76) : QColor(0x9c, 0x9c, 0x9c);
    return g_theme == Theme::Dark ? QColor(0x3a, 0x3b, 0x40) : QColor(0xd6, 0xd6, 0xd6);
}
QColor Palette::highlight()
{
    return QColor(0xe6, 0x19, 0x4b);
} // crimson: "this step"

QColor Palette::textOn(const QColor& fill)
{
    // Relative luminance (sRGB approximation) decides black or white text.
    const double l = 0.2126 * fill.redF() + 0.7152 * fill.greenF() + 0.0722 * fill.blueF();
    return l > 0.5 ? QColor(0x10, 0x10, 0x10) : QColor(0xff, 0xff, 0xff);
}

QList<QRgb> Palette::frameColourTable()
{
    QList<QRgb> table(kFrameIndexCount, background().rgb());
    for (int slot = 0; slot < kZoneSlots; ++slot) {
        for (int rank = 0; rank < kStateRanks; ++rank) {
            const FrameState s = stateOfRank(rank);
            table[frameIndex(slot, s)] = frame(static_cast<ZoneType>(slot), s).rgb();
        }
        table[frameIndex(slot, FrameState::InHand)] = frame(static_cast<ZoneType>(slot), FrameState::InHand).rgb();
    }
    table[kFileIndex] = pageCache(false).rgb();
    table[kFileIndex + 1] = pageCache(true).rgb();
    for (int k = 0; k < kProcessSlots; ++k) {
        // Any pid of slot k: 1000 + k.
        table[kAnonIndex + k] = process(1000u + static_cast<std::uint32_t>(k)).rgb();
        table[kPageTableIndex + k] = pageTable(1000u + static_cast<std::uint32_t>(k)).rgb();
    }
    table[kZeroPageIndex] = zeroPage().rgb();
    return table;
}

QColor Palette::watermark(Wmark w)
{
    switch (w) {
    case Wmark::Min:
        return QColor(0xd6, 0x27, 0x28);
    case Wmark::Low:
        return QColor(0xff, 0x7f, 0x0e);
    case Wmark::High:
        return QColor(0x2c, 0xa0, 0x2c);
    case Wmark::Promo:
        return QColor(0x17, 0xbe, 0xcf);
    }
    return Qt::gray;
}

QFont Palette::viewFont(const QWidget* w)
{
    QFont f = w->font();
    // Presentation mode: read from the back of a classroom on a 720p or 1080p projector.
    const double scaled = g_presentation ? std::clamp(std::min(w->width() / 90.0, w->height() / 54.0), 16.0, 24.0)
                                         : std::clamp(std::min(w->width() / 110.0, w->height() / 66.0), 10.5, 14.0);
    if (f.pointSizeF() > 0)
        f.setPointSizeF(std::max(scaled, f.pointSizeF()));
    else
        f.setPixelSize(std::max(g_presentation ? 21 : 14, f.pixelSize()));
    return f;
}

QColor Palette::mix(const QColor& a, const QColor& b, double t)
{
    t = std::clamp(t, 0.0, 1.0);
    return QColor::fromRgbF(float(a.redF() * (1 - t) + b.redF() * t), float(a.greenF() * (1 - t) + b.greenF() * t),
        float(a.blueF() * (1 - t) + b.blueF() * t), float(a.alphaF() * (1 - t) + b.alphaF() * t));
}

QColor Palette::withAlpha(QColor c, double a)
{
    c.setAlphaF(static_cast<float>(std::clamp(a, 0.0, 1.0)));
    return c;
}

ScaledFonts::ScaledFonts(const QWidget* w, qreal heightDiv, qreal widthDiv, qreal maxPx)
{
    const QFont base = Palette::viewFont(w);
    const qreal basePx = QFontInfo(base).pixelSize();
    // Presentation mode: the text grows faster with the view and further.
    const qreal grow = Palette::presentation() ? 1.25 : 1.0;
    px = std::clamp(std::min(w->height() * grow / heightDiv, w->width() * grow / widthDiv), basePx,
                    std::max(basePx, maxPx * grow));
    text = Palette::pixelFont(base, px);
    bold = Palette::pixelFont(base, px, true);
    small = Palette::pixelFont(base, std::max(11.0, px * 0.88));
    smallBold = Palette::pixelFont(base, std::max(11.0, px * 0.88), true);
    title = Palette::pixelFont(base, px * 1.15, true);
    lh = QFontMetricsF(text).lineSpacing();
    slh = QFontMetricsF(small).lineSpacing();
}

QFont Palette::pixelFont(QFont f, qreal px, bool bold)
{
    f.setPixelSize(std::max(1, int(std::lround(px))));
    f.setBold(bold);
    return f;
}

QString Palette::fitWrapped(const QFont& f, const QRectF& r, const QString& s)
{
    const QFontMetricsF fm(f);
    const QString more = QStringLiteral("…");
    auto fits = [&](const QString& t) { return fm.boundingRect(r, Qt::TextWordWrap, t).height() <= r.height() + 1; };
    if (fits(s)) return s;
    // The longest prefix that still fits with "…" (wrapping breaks between Chinese characters
    // anyway); then, if that cut falls inside a Latin word, back to the space before it.
    int lo = 0, hi = int(s.size());
    while (lo < hi) {
        const int mid = (lo + hi + 1) / 2;
        if (fits(s.left(mid) + more)) lo = mid;
        else hi = mid - 1;
    }
    if (lo == 0) return fm.elidedText(s, Qt::ElideRight, r.width());
    auto wordChar = [](QChar c) { return c.unicode() < 0x2E80 && c.isLetterOrNumber(); };
    int cut = lo;
    if (cut < int(s.size()) && wordChar(s.at(cut - 1)) && wordChar(s.at(cut))) {
        int sp = cut;
        while (sp > 0 && wordChar(s.at(sp - 1))) --sp;
        if (sp > 0) cut = sp;
    }
    return s.left(cut).trimmed() + more;
}

void Palette::applyTextColour(QWidget* w)
{
    QPalette pal = w->palette();
    pal.setColor(QPalette::WindowText, text());
    w->setPalette(pal);
}

void drawViewCaption(QPainter& p, const ScaledFonts& f, const QRectF& r, const QString& text, bool step)
{
    p.setFont(step ? f.bold : f.text);
    p.setPen(step ? Palette::text() : Palette::mutedText());
    p.drawText(r, Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop, Palette::fitWrapped(p.font(), r, text));
}

QFont Palette::monoFont(const QFont& like)
{
    QFont f = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    if (like.pointSizeF() > 0)
        f.setPointSizeF(like.pointSizeF());
    else
        f.setPixelSize(like.pixelSize());
    return f;
}

} // namespace memviz
