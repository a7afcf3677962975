#pragma once
/// The address translation the player is at: the virtual address cut into its
/// page-table indices, the TLB lookup, CR3 and each table the walker reads (a window
/// of entries around the one it uses, decoded), the page frame and the physical
/// address, and on a fault the branch the handler took and the entries it rewrote.
/// Each step grows in as the player animates it; nothing after the cursor is shown.

#include "Palette.h"
#include "arch/ArchSpec.h"
#include "sim/Event.h"
#include "sim/Machine.h"

#include <QImage>
#include <QWidget>

#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <vector>

class QPainter;

namespace memviz {

class Simulator;
class ViewContext;

/// One address translation rebuilt from the event log, up to a cursor (never later):
/// the TLB lookup, the walk steps, the fault and its fix-ups, the TLB fill or the
/// TranslateDone that ends it. Every part records the event that made it known
/// (`at`, an event index), which is what the view animates. Tested on its own.
struct PageWalkTrace {
    static constexpr std::uint64_t kNever = std::numeric_limits<std::uint64_t>::max();

    enum class Source : std::uint8_t {
        None, ///< no translation before the cursor
        Access, ///< a memory access by a process: TlbLookup, walk, fault, fill
        Translate, ///< a Translate command (textbook machines walk from CR3 with pid 0)
    };

    /// One page-table level: the entry the walk read (or the handler created), or
    /// nothing when the walk never got there.
    struct Level {
        int level = 0;
        std::uint64_t index = 0; ///< from the virtual address
        Pfn table = kNoPfn; ///< frame of the table; kNoPfn while unknown
        std::uint64_t entry = 0; ///< the entry as read (or as first written, for a new table)
        std::uint64_t entryAddr = 0; ///< its physical address
        bool valid = false;
        bool leaf = false; ///< maps the page (last level, or a large page)
        bool walked = false; ///< read by the page walker in this translation (a WalkStep)
        bool skipped = false; ///< TLB hit: the walk the TLB saved, shown for reference
        bool created = false; ///< the table was allocated by the fault handler
        std::uint64_t tableAt = kNever; ///< when the table became known
        std::uint64_t at = kNever; ///< when its entry was read (or first written)
    };

    /// A PteSet inside the translation: an A/D update by the MMU, or a fault fix-up.
    struct EntryWrite {
        int level = 0;
        Pfn table = 0;
        std::uint64_t index = 0;
        std::uint64_t oldValue = 0, newValue = 0;
        std::uint64_t at = kNever;
    };

    Source source = Source::None;
    std::uint64_t start = 0; ///< index of its first event
    std::uint64_t end = 0; ///< one past its last event seen (<= cursor)
    std::uint64_t cursor = 0; ///< the cursor it was built for
    /// Where the simulated clock ticked inside [start, end) (work put on the clock, not a step of the walk).
    std::vector<std::uint64_t> clockAt;
    bool complete = false; ///< its last event (fill, TranslateDone, kill) is before the cursor

    std::uint32_t pid = 0;
    std::uint64_t va = 0;
    bool write = false;
    AddressSplit split;
    Pfn root = kNoPfn; ///< CR3: the top-level table
    std::vector<Level> levels; ///< one per level of the architecture, top first

    // The TLB (Access only).
    bool tlbLooked = false, tlbHit = false, tlbHuge = false;
    std::uint64_t tlbSet = 0, tlbWay = 0, tlbRepeats = 0;
    Pfn tlbPfn = kNoPfn; ///< a hit: the frame the TLB entry gives
    bool tlbReadOnly = false; ///< a write hit an entry without W: protection fault
    bool filled = false, fillRetry = false;
    std::uint64_t fillSet = 0, fillWay = 0, fillAt = kNever;
    Pfn fillPfn = kNoPfn;
    bool fillEvicts = false; ///< the filled way held another valid entry
    bool flushed = false; ///< a TlbFlush inside the fault handler (invlpg)
    std::uint64_t flushAt = kNever;

    // The fault.
    bool faulted = false;
    FaultKind faultKind = FaultKind::Count;
    std::uint32_t faultFlags = 0; ///< AccessFlag bits of the PageFault event
    std::uint64_t faultAt = kNever;
    std::vector<EntryWrite> writes;
    Pfn newFrame = kNoPfn; ///< FrameOwner Anon: the page's new frame
    std::uint64_t newFrameAt = kNever;
    Pfn cacheFrame = kNoPfn; ///< PageCacheAdd: read from disk (major fault)
    std::uint64_t cacheAt = kNever;
    bool cow = false, cowZero = false;
    Pfn cowFrom = kNoPfn, cowTo = kNoPfn;
    std::uint64_t cowAt = kNever;
    bool killed = false;
    int signal = 0;
    std::uint64_t killedAt = kNever;

    // TranslateDone.
    bool done = false, doneOk = false;
    int doneFaultLevel = -1;
    std::uint64_t doneAt = kNever;

    // The result.
    bool resolved = false;
    Pfn frame = kNoPfn;
    std::uint64_t paddr = 0;
    int mapShift = 12; ///< bits of the address the mapping's offset covers (large pages: more)
    std::uint64_t resolvedAt = kNever;

    bool isValid() const { return source != Source::None; }
    /// Steps so far (events of this translation up to the cursor).
    std::uint64_t eventCount() const { return end - start; }
    /// Levels the walker read in this translation.
    int walkedLevels() const;
    /// The level whose entry was not valid (the walk stopped there), -1 if none.
    int failedLevel() const;
    /// The PteSet that rewrote the entry a level uses, if any (latest one).
    const EntryWrite* writeOf(int level) const;
    /// Leaf entries written besides the one of this address (fault-around).
    int neighbourWrites() const;

    /// Index of the first event of the translation the cursor is in or after, or
    /// kNever. `hintCursor`/`hintStart` from an earlier call make stepping forward cheap.
    static std::uint64_t findStart(
        const Simulator& sim, std::uint64_t cursor, std::uint64_t hintCursor = 0, std::uint64_t hintStart = kNever);
    /// The translation starting at event `start`, as far as `cursor`. `atStart` is the
    /// machine before that event (for the TLB entry of a hit and the walk a hit saved).
    static PageWalkTrace build(const Simulator& sim, std::uint64_t start, std::uint64_t cursor, const Machine& atStart);
};

class PageWalkView : public QWidget {
    Q_OBJECT
public:
    explicit PageWalkView(ViewContext* ctx, QWidget* parent = nullptr);
    ~PageWalkView() override;

    QSize sizeHint() const override { return QSize(1100, 640); }
    QSize minimumSizeHint() const override { return QSize(460, 320); }

    // What the view shows (tests, exports, the narration).
    const PageWalkTrace& trace() const;
    bool hasTranslation() const { return trace().isValid(); }
    /// Level names as the view labels them: PGD/P4D/PUD/PMD/PTE or the custom spec's.
    QStringList levelNames() const;
    /// The entry index highlighted in a level's table (-1 when the level is not shown).
    qint64 highlightedIndex(int level) const;
    /// Table rows the view draws for a level: entry indices, -1 for a "…" gap.
    std::vector<qint64> shownRows(int level) const;
    /// The fault kind on display, nothing without a fault.
    std::optional<FaultKind> faultKind() const;
    /// The physical address once known.
    std::optional<std::uint64_t> physicalAddress() const;
    /// A name for the part of the picture the current event grows in: "tlb", "level 2",
    /// "fault", "fix-up", "fill", "done", or empty when the cursor is not inside it.
    QString currentStage() const;
    /// Base text size (pixels) the layout settled on for the widget's size.
    qreal baseFontPixels() const;
    /// Tooltip for a widget position (empty where there is nothing to explain).
    QString toolTipAt(QPointF pos) const;

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void changeEvent(QEvent* event) override;
    bool event(QEvent* event) override;

private:
    struct Layout;
    struct Scene;

    void onStateChanged();
    void rebuildTrace() const;
    void ensureLayout() const;
    void invalidateLayout();
    bool fits(Layout& l, qreal px, int context) const;
    void paintEmpty(QPainter& p) const;
    /// Paints the parts that appeared before the current event (`overlay` false) or
    /// the part the current event adds, grown to `t` (overlay true).
    void paintScene(QPainter& p, bool overlay, double t) const;

    ViewContext* m_ctx;
    mutable PageWalkTrace m_trace;
    mutable Machine m_atStart; ///< the machine before the translation's first event
    mutable bool m_traceDirty = true;
    mutable std::uint64_t m_hintCursor = 0;
    mutable std::uint64_t m_hintStart = PageWalkTrace::kNever;
    mutable std::uint64_t m_snapshotStart = PageWalkTrace::kNever;
    mutable const Simulator* m_snapshotSim = nullptr;
    mutable Event m_snapshotEvent; ///< the first event of the translation m_atStart belongs to

    mutable std::unique_ptr<Layout> m_layout;
    mutable QString m_fitKey; ///< what the fitted text size below was found for
    mutable qreal m_fitPx = 0;
    mutable int m_fitContext = 2;
    mutable bool m_layoutDirty = true;
    mutable QImage m_cache; ///< the settled part of the picture
    mutable bool m_cacheDirty = true;
    int m_cacheGeneration = -1; ///< Palette::generation() it was made for (theme, presentation mode)
};

} // namespace memviz
