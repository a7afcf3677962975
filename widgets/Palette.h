#pragma once
/// Colours shared by every view: one hue family per zone, shades per frame state,
/// one hue per process, kinds of VMAs; chosen to stay distinguishable on a projector.

#include "phys/FrameTable.h"
#include "phys/Zone.h"

#include <QColor>
#include <QFont>
#include <QRectF>
#include <QString>

class QWidget;
#include <QList>
#include <QString>

#include <cstdint>

namespace memviz {

enum class Theme { Light, Dark };

/// What a VMA is, as the process view colours it.
enum class VmaKind {
    Program, ///< the executable's own file mappings
    Library, ///< shared libraries (file mappings made at exec)
    Heap, ///< [heap]: the brk area
    Stack, ///< [stack]
    Anon, ///< anonymous mmap (malloc's big chunks, bss tails, TLS)
    SharedFile, ///< MAP_SHARED file mapping
    PrivateFile, ///< MAP_PRIVATE file mapping made by the program
    Special, ///< [vvar], [vdso]
    Count
};

class Palette {
public:
    static Theme theme();
    static void setTheme(Theme t);
    /// setTheme() plus the application's widget palette (Fusion style; dark window, base and
    /// text colours for Theme::Dark), so tables, labels and dialogs follow the views.
    static void applyToApplication(Theme t);

    /// Presentation mode (a projector in a lit room): lines about twice as thick (line()),
    /// text, outlines and grid lines of higher contrast, pale fills more saturated
    /// (tint()), larger view fonts (viewFont()). The hue families stay the same.
    /// After changing it (or the theme) the caller repaints the views: the app emits
    /// ViewContext::stateChanged(false) and calls update() on each; views that cache
    /// pictures or layouts compare generation().
    static void setPresentation(bool on);
    static bool presentation();
    /// Changes whenever the theme or presentation mode changes: what a view cached under
    /// another generation (a picture, a colour table, a text layout) is stale.
    static int generation();
    /// The pen width for a line drawn `width` device-independent pixels wide: `width` in
    /// normal mode, twice that in presentation mode, never below 1.
    static qreal line(qreal width);
    /// c laid over the background at strength t (0 background, 1 c): the pale fills of
    /// panels and cells. Presentation mode takes them further towards c, so that they
    /// survive a washed-out projector.
    static QColor tint(const QColor& c, double t);
    /// c faded towards the background by t (0 c, 1 background): secondary lines and
    /// text. Presentation mode fades them less.
    static QColor faded(const QColor& c, double t);

    /// Base hue of a zone (DMA blue, DMA32 green, Normal orange, HighMem purple ...).
    static QColor zone(ZoneType t);
    /// A frame's fill: zone hue shaded by state (free pale, allocated saturated,
    /// reserved grey, hole dark, in-hand highlighted). ZoneType::Count means "no zone".
    /// Owner states give their generic colour (the first process's hue, mapped page
    /// cache); maps colour them by owner through ownerIndex.
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

    // Owners of frames (virtual memory). A process keeps one hue everywhere: its
    // anonymous pages, its page tables (darker), its dot in the process tree.

    /// Slots of distinct process hues; pids share a slot only 12 apart.
    static constexpr int kProcessSlots = 12;
    static constexpr int processSlot(std::uint32_t pid)
    {
        // The first pid the simulator hands out (1000) gets slot 0.
        return static_cast<int>((pid % kProcessSlots + kProcessSlots - 1000 % kProcessSlots) % kProcessSlots);
    }
    /// Anonymous pages of process `pid`.
    static QColor process(std::uint32_t pid);
    /// Page-table pages of process `pid`: the same hue, darker.
    static QColor pageTable(std::uint32_t pid);
    /// Page-cache pages: mapped by some process, or only cached.
    static QColor pageCache(bool mapped = true);
    /// The shared zero page (empty_zero_page).
    static QColor zeroPage();
    /// The TLB's outcomes, shared by the page-walk and TLB views: hit, miss (and fill), flush/fault.
    static QColor tlbHit() { return QColor(0x2c, 0xa0, 0x2c); }
    static QColor tlbMiss() { return QColor(0xe6, 0x7e, 0x22); }
    static QColor alarm() { return QColor(0xd6, 0x27, 0x28); }
    /// The text font of a big view: the widget's font, never below 10.5 pt and growing with
    /// the view up to 14 pt (a full-screen view on a 1080p projector); in presentation mode
    /// from 16 pt up to 24 pt.
    static QFont viewFont(const QWidget* w);
    /// A fixed-pitch font the size of `like`.
    static QFont monoFont(const QFont& like);
    static QFont bold(QFont f)
    {
        f.setBold(true);
        return f;
    }
    /// a + (b - a)·t per channel (alpha too), t clamped to 0..1.
    static QColor mix(const QColor& a, const QColor& b, double t);
    /// c with alpha a (clamped to 0..1).
    static QColor withAlpha(QColor c, double a);
    static bool isDark() { return theme() == Theme::Dark; }
    /// A hue as a line or text colour that keeps its contrast on the background.
    static QColor ink(const QColor& c);
    /// f at a pixel size (at least 1), bold or not.
    static QFont pixelFont(QFont f, qreal px, bool bold = false);
    /// s as it fits r when word-wrapped: whole, or cut at a word with "…" (text without
    /// spaces, such as Chinese, is cut between characters), or elided on one line.
    static QString fitWrapped(const QFont& f, const QRectF& r, const QString& s);
    /// Gives a widget drawn by the style (a view's header label or check box) the theme's text colour.
    static void applyTextColour(QWidget* w);

    // Colour tables for frame maps (QImage::Format_Indexed8, one byte per frame).
    //
    // Index 0 is "no frame here" (past the last pfn). The others are ordered by how
    // interesting a frame is, so that the largest index over a run of frames is what
    // a downsampled pixel should show (allocated beats free, a page table beats the
    // anonymous pages around it):
    //
    //   zoned states by rank (Hole .. Kernel) x zone slot, then page cache (cached,
    //   mapped), anonymous pages x process slot, page tables x process slot, the zero
    //   page, and InHand x zone slot last.

    /// Zone slots: the ZoneType values, plus kNoZoneSlot for frames outside every zone.
    static constexpr int kZoneSlots = static_cast<int>(ZoneType::Count) + 1;
    static constexpr int kNoZoneSlot = static_cast<int>(ZoneType::Count);
    /// Zone-coloured states by rank, least interesting first (InHand has its own block).
    static constexpr int kStateRanks = 10;
    static constexpr int kFileSlots = 2; ///< 0: only cached, 1: mapped by a process
    static constexpr int kFileIndex = 1 + kStateRanks * kZoneSlots;
    static constexpr int kAnonIndex = kFileIndex + kFileSlots;
    static constexpr int kPageTableIndex = kAnonIndex + kProcessSlots;
    static constexpr int kZeroPageIndex = kPageTableIndex + kProcessSlots;
    static constexpr int kInHandIndex = kZeroPageIndex + 1;
    static constexpr int kFrameIndexCount = kInHandIndex + kZoneSlots;
    static_assert(kFrameIndexCount < 255, "255 marks owner states in the renderer's tables");

    /// Whether a state is coloured by its owner (process or file) rather than its zone.
    static constexpr bool isOwnerState(FrameState s)
    {
        return s == FrameState::PageTable || s == FrameState::Anon || s == FrameState::File;
    }
    /// Rank of a zone-coloured state in the downsampling order (Tail has none and
    /// counts as Hole; InHand and the owner states rank above every one of these).
    static constexpr int stateRank(FrameState s)
    {
        switch (s) {
        case FrameState::Tail:
        case FrameState::Hole:
            return 0;
        case FrameState::Free:
            return 1;
        case FrameState::Firmware:
            return 2;
        case FrameState::BootAlloc:
            return 3;
        case FrameState::MemMap:
            return 4;
        case FrameState::KernelImage:
            return 5;
        case FrameState::Kernel:
            return 6;
        case FrameState::Slab:
            return 7;
        case FrameState::Vmalloc:
            return 8;
        case FrameState::KernelStack:
            return 9;
        case FrameState::InHand:
        case FrameState::PageTable:
        case FrameState::Anon:
        case FrameState::File:
        case FrameState::Count:
            break;
        }
        return 0;
    }
    static constexpr FrameState stateOfRank(int rank)
    {
        constexpr FrameState byRank[kStateRanks] = { FrameState::Hole, FrameState::Free, FrameState::Firmware,
            FrameState::BootAlloc, FrameState::MemMap, FrameState::KernelImage, FrameState::Kernel, FrameState::Slab,
            FrameState::Vmalloc, FrameState::KernelStack };
        return byRank[rank];
    }
    /// The colour-table index of a frame of `state` in zone slot `zoneSlot`. Owner
    /// states ignore the zone: a page table or anonymous page of slot 0, a mapped
    /// page-cache page (use ownerIndex for the real owner).
    static constexpr std::uint8_t frameIndex(int zoneSlot, FrameState state)
    {
        if (state == FrameState::InHand) return static_cast<std::uint8_t>(kInHandIndex + zoneSlot);
        if (isOwnerState(state)) return ownerIndex(state, 1000, 1);
        return static_cast<std::uint8_t>(1 + stateRank(state) * kZoneSlots + zoneSlot);
    }
    /// The index of an owned frame from its frame-table fields: priv (pid or file id)
    /// and count (mapcount).
    static constexpr std::uint8_t ownerIndex(FrameState state, std::uint32_t priv, std::uint16_t count)
    {
        switch (state) {
        case FrameState::File:
            return static_cast<std::uint8_t>(kFileIndex + (count ? 1 : 0));
        case FrameState::Anon:
            return static_cast<std::uint8_t>(kAnonIndex + processSlot(priv));
        case FrameState::PageTable:
            return static_cast<std::uint8_t>(kPageTableIndex + processSlot(priv));
        default:
            break;
        }
        return 0;
    }
    /// Inverse of frameIndex / ownerIndex (index must be >= 1). The zero page is part
    /// of the kernel image.
    static constexpr FrameState stateOfIndex(int index)
    {
        if (index >= kInHandIndex) return FrameState::InHand;
        if (index == kZeroPageIndex) return FrameState::KernelImage;
        if (index >= kPageTableIndex) return FrameState::PageTable;
        if (index >= kAnonIndex) return FrameState::Anon;
        if (index >= kFileIndex) return FrameState::File;
        return stateOfRank((index - 1) / kZoneSlots);
    }
    /// The zone slot of a zone-coloured index; -1 for owner indices and the zero page.
    static constexpr int zoneSlotOfIndex(int index)
    {
        if (index >= kInHandIndex) return index - kInHandIndex;
        if (index >= kFileIndex) return -1;
        return (index - 1) % kZoneSlots;
    }
    /// The process slot of an anonymous or page-table index, the file slot of a
    /// page-cache index; -1 otherwise.
    static constexpr int ownerSlotOfIndex(int index)
    {
        if (index >= kZeroPageIndex) return -1;
        if (index >= kPageTableIndex) return index - kPageTableIndex;
        if (index >= kAnonIndex) return index - kAnonIndex;
        if (index >= kFileIndex) return index - kFileIndex;
        return -1;
    }

    /// Fill of a VMA of this kind on an address-space bar.
    static QColor vma(VmaKind k);

    /// kFrameIndexCount colours for the current theme; entry 0 is background().
    static QList<QRgb> frameColourTable();
};

/// The fonts of a view whose text grows with it, so a full-screen view on a projector is
/// read from the back row: a pixel size between the widget's font (Palette::viewFont) and
/// maxPx, taken from min(height / heightDiv, width / widthDiv); small text at 88 %, titles at 115 %.
struct ScaledFonts {
    QFont text, bold, small, smallBold, title;
    qreal px = 14, lh = 0, slh = 0; ///< the pixel size, line spacing of text and of small text
    ScaledFonts(const QWidget* w, qreal heightDiv, qreal widthDiv, qreal maxPx);
};

/// A view's caption under its header: the current step's narration in bold text, or (when
/// `step` is false) how to read the view in muted text; word-wrapped into r, cut with "…".
void drawViewCaption(QPainter& p, const ScaledFonts& f, const QRectF& r, const QString& text, bool step);

} // namespace memviz
