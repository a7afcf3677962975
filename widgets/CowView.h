#pragma once
/// Copy-on-write after fork(): a parent and a child, each process's leaf page-table
/// entries for a window of virtual pages in a column of its own, the physical frames
/// between them and a line from every entry to its frame. Shared frames are marked,
/// write-protected (COW) entries carry a lock; a write fault animates the copy: a new
/// frame appears, the page's contents travel into it, the writer's line moves over
/// and its entry becomes writable (a reuse only unlocks the entry).

#include "Palette.h"
#include "phys/FrameTable.h"
#include "sim/EventLog.h"

#include <QRectF>
#include <QString>
#include <QWidget>

#include <array>
#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

class QComboBox;
class QLabel;
class QPainter;

namespace memviz {

class ViewContext;
struct Machine;
struct Event;

/// One process's leaf entry for one virtual page, as the view shows it.
struct CowEntry {
    bool inVma = false; ///< the page lies in a VMA of the process
    bool present = false; ///< the entry maps a frame
    Pfn pfn = 0;
    bool writable = false;
    bool cow = false; ///< read-only although the private VMA is writable: a write faults (copy or reuse)
    bool zero = false; ///< maps the shared zero page
};

/// A frame drawn between the two columns.
struct CowFrame {
    Pfn pfn = 0;
    int lane = 1; ///< 0: only the left process maps it here, 1: both, 2: only the right one
    int row = 0;
    FrameState state = FrameState::Free;
    int mapcount = 0; ///< the frame table's count: page-table entries mapping it (all processes)
    std::uint32_t owner = 0; ///< pid that faulted it in (anonymous pages)
    bool zero = false; ///< the shared zero page
    bool inFlight = false; ///< allocated by the fault in progress, mapped by nobody yet
    bool empty = false; ///< in flight and not filled yet (the copy has not happened)
    bool shared() const { return zero || mapcount >= 2; }
    QRectF rect;
};

/// Where the fault in progress is, found from the events of the current command.
struct CowFault {
    bool active = false; ///< between the PageFault event and the retried TLB fill
    bool finished = false; ///< the current step is that retried TLB fill: the fault just ended
    std::uint32_t pid = 0;
    std::uint64_t va = 0;
    int kind = -1; ///< FaultKind
    std::optional<Pfn> newFrame; ///< the frame the fault allocated
    std::optional<Pfn> oldFrame; ///< the frame copied from (CowCopy)
    bool copied = false; ///< the CowCopy event has happened
    bool mapped = false; ///< the writer's entry points at the new frame

    /// The fault around event n (0-based: the state after events [0, n)) of `pids`.
    static CowFault at(const EventLog& events, std::uint64_t n, std::array<std::uint32_t, 2> pids, int leafLevel);
};

/// The picture for one machine state: rows of pages, both columns of entries, the
/// frames in three lanes (left only, shared, right only). Value type, apart from painting.
class CowLayout {
public:
    struct Row {
        std::uint64_t va = 0;
        std::array<CowEntry, 2> entry;
        std::array<QRectF, 2> rect; ///< the entry boxes
    };

    CowLayout() = default;
    /// `rows` pages from `firstVa`, inside `area` (entry columns at its edges).
    CowLayout(const Machine& m, std::array<std::uint32_t, 2> pids, std::uint64_t firstVa, int rows,
        const CowFault& fault, const QRectF& area);

    bool isValid() const { return !m_rows.empty(); }
    const std::vector<Row>& rows() const { return m_rows; }
    const std::vector<CowFrame>& frames() const { return m_frames; }
    const CowFrame* frame(Pfn pfn) const;
    /// The row showing va, -1 when it is outside the window.
    int rowOf(std::uint64_t va) const;
    /// The frame the entry of `side` (0 left, 1 right) in `row` points at.
    std::optional<Pfn> target(int side, int row) const;
    /// Where a line from `side` meets frame `f` (the edge facing that side).
    QPointF anchor(const CowFrame& f, int side) const;
    std::array<double, 3> laneX() const { return m_laneX; }
    double rowHeight() const { return m_rowH; }

private:
    std::vector<Row> m_rows;
    std::vector<CowFrame> m_frames;
    std::array<double, 3> m_laneX {};
    double m_rowH = 0;
    std::uint64_t m_page = 0;
};

class CowView : public QWidget {
    Q_OBJECT
public:
    explicit CowView(ViewContext* ctx, QWidget* parent = nullptr);
    ~CowView() override;

    QSize sizeHint() const override { return QSize(1100, 640); }
    QSize minimumSizeHint() const override { return QSize(520, 360); }

    /// Parent/child pairs of the machine (both processes known to it), oldest first.
    std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs() const;
    /// The pair shown: left (parent) and right (child); zeros when there is none.
    std::pair<std::uint32_t, std::uint32_t> pair() const;
    bool hasPair() const { return pair().first != 0; }
    /// Shows this pair and stops following the steps (the selector does the same).
    void choosePair(std::uint32_t parent, std::uint32_t child);
    /// Goes back to the pair of the current step.
    void followEvents();
    bool isFollowing() const { return m_following; }

    /// The window of virtual pages shown.
    std::uint64_t firstVa() const;
    int rowCount() const;
    /// Layouts of the states before and after the current step (the animation runs between them).
    const CowLayout& layoutBefore() const;
    const CowLayout& layoutAfter() const;
    /// The frame the line from `side`'s entry for page `va` points at, before or after the step.
    std::optional<Pfn> lineTarget(int side, std::uint64_t va, bool after = true) const;
    /// Shown as shared (mapcount 2 or more, or the zero page) after the step.
    bool isSharedFrame(Pfn pfn) const;
    /// The entry of `side` for `va` is write-protected copy-on-write after the step.
    bool isCowEntry(int side, std::uint64_t va) const;
    /// The frame the current step copies into (a CowCopy step), if any.
    std::optional<Pfn> copyingTo() const;
    /// The fault the current step belongs to.
    const CowFault& fault() const;
    /// The text shown when there is no fork yet.
    static QString emptyHint();

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void onStateChanged();
    void syncSelector() const;
    void onPairActivated(int index);
    void rebuildPairList() const;
    void retranslate();
    void invalidate();
    void placeHeader() const;
    void ensureLayouts() const;
    void choose() const;
    std::uint64_t defaultFocus() const;
    QRectF headerRect() const;
    QRectF captionRect() const;
    QString phaseText() const;
    /// The first page of the window showing `focus` (aligned, kept inside its VMA).
    std::uint64_t windowStart(std::uint64_t focus, int rows) const;

    void paintColumnTitles(QPainter& p) const;
    void paintFrames(QPainter& p, double t) const;
    void paintLines(QPainter& p, double t) const;
    void paintEntries(QPainter& p, double t) const;
    void paintCopy(QPainter& p, double t) const;
    void paintCaption(QPainter& p) const;
    void paintLock(QPainter& p, const QRectF& r, const QColor& c, double open) const;

    QFont textFont() const;
    QFont monoFont() const;

    ViewContext* m_ctx;
    QLabel* m_pairLabel;
    QComboBox* m_pairBox;
    bool m_following = true;
    std::pair<std::uint32_t, std::uint32_t> m_pinned {};

    // Rebuilt by ensureLayouts() when the state, size, pair, font or language changes.
    mutable bool m_dirty = true;
    mutable std::pair<std::uint32_t, std::uint32_t> m_pair {};
    mutable std::vector<std::pair<std::uint32_t, std::uint32_t>> m_listed; ///< pairs in the selector
    mutable std::uint64_t m_focus = 0; ///< a page the window must contain
    mutable std::uint64_t m_firstVa = 0;
    mutable int m_rows = 0;
    mutable CowFault m_fault;
    mutable CowFault m_faultBefore;
    mutable CowLayout m_before;
    mutable CowLayout m_after;
    mutable QRectF m_body;
    mutable double m_captionH = 0;
    mutable QString m_captionTag, m_captionTitle, m_captionBody;
    mutable int m_generation = -1; ///< Palette::generation() it was made for (theme, presentation mode)
};

} // namespace memviz
