#pragma once
/// The processes of the machine and the address space of one of them: the fork tree
/// (dead processes greyed with how they ended), the selected process's VMAs on a
/// bar whose scale compresses the huge empty gaps of a 47-bit address space behind
/// zig-zag breaks, the same VMAs as /proc/PID/maps lines, and live counters (VSZ,
/// RSS, faults, page-table pages). The VMA the current step touches is highlighted.

#include "Palette.h"

#include <QRectF>
#include <QString>
#include <QStringList>
#include <QWidget>

#include <cstdint>
#include <vector>

class QCheckBox;
class QPainter;

namespace memviz {

class ViewContext;
struct Machine;
struct Process;
struct Vma;

/// Maps a sparse address range onto a vertical pixel span, highest address at the
/// top. Every VMA gets a height that grows with the logarithm of its size (at least
/// `minVmaPx`), small gaps keep a thin proportional sliver, and gaps of `breakBytes`
/// or more shrink to a fixed-height break (drawn as a zig-zag), so a 128 TiB space
/// holding 4 KiB mappings stays readable.
class AddressSpaceScale {
public:
    struct Params {
        double breakPx = 30; ///< height of a compressed gap
        double minVmaPx = 8; ///< no VMA thinner than this (when there is room)
        double gapPx = 3; ///< least height of a small gap
        std::uint64_t breakBytes = 1ull << 20; ///< gaps from this size on become breaks
        std::uint64_t pageSize = 4096;
    };
    struct Piece {
        std::uint64_t start = 0, end = 0; ///< [start, end)
        double top = 0, bottom = 0; ///< pixel span: top shows `end`, bottom shows `start`
        bool vma = false; ///< else a gap
        bool isBreak = false; ///< a compressed gap
        int index = -1; ///< the range's index for VMAs
    };

    AddressSpaceScale() = default;
    /// `ranges` sorted by start, not overlapping, inside [lo, hi).
    AddressSpaceScale(const std::vector<std::pair<std::uint64_t, std::uint64_t>>& ranges, std::uint64_t lo,
        std::uint64_t hi, double top, double height, const Params& params);
    AddressSpaceScale(const std::vector<std::pair<std::uint64_t, std::uint64_t>>& ranges, std::uint64_t lo,
        std::uint64_t hi, double top, double height)
        : AddressSpaceScale(ranges, lo, hi, top, height, Params {})
    {
    }

    const std::vector<Piece>& pieces() const { return m_pieces; }
    /// The y of an address (clamped to the range); linear inside each piece.
    double yOf(std::uint64_t va) const;
    /// The piece of the range with this index (VMAs), nullptr when none.
    const Piece* vmaPiece(int index) const;
    int breakCount() const;

private:
    std::vector<Piece> m_pieces; ///< by address, lowest first
};

class ProcessView : public QWidget {
    Q_OBJECT
public:
    explicit ProcessView(ViewContext* ctx, QWidget* parent = nullptr);
    ~ProcessView() override;

    QSize sizeHint() const override { return QSize(1100, 640); }
    QSize minimumSizeHint() const override { return QSize(440, 320); }

    /// The process shown (0 when the machine has none).
    std::uint32_t selectedPid() const;
    /// True while the view shows the process of the current step (the default).
    bool isFollowing() const { return m_following; }
    /// Shows this process and stops following the steps (clicking the tree does the same).
    void selectProcess(std::uint32_t pid);
    /// Goes back to showing the process of the current step.
    void followEvents();

    /// One line of the fork tree.
    struct TreeRow {
        std::uint32_t pid = 0;
        int depth = 0; ///< 0 for processes whose parent is not in the machine
        QString name; ///< "1000 cow"
        QString status; ///< "running", "exited", "killed by SIGSEGV"
        bool alive = true;
        bool onCpu = false;
        QRectF rect;
    };
    const std::vector<TreeRow>& treeRows() const;

    /// One VMA as drawn on the bar.
    struct VmaBox {
        std::uint64_t start = 0, end = 0;
        VmaKind kind = VmaKind::Anon;
        QString name; ///< "libc.so.6", "[heap]", "" for anonymous memory
        QString perms; ///< "r-xp"
        QRectF rect;
        bool highlighted = false;
    };
    const std::vector<VmaBox>& vmaBoxes() const;
    /// Index in vmaBoxes() of the VMA the current step touches, -1 when none.
    int highlightedVma() const;
    /// The address the current step is about (a fault address, a region's start), 0 for none.
    std::uint64_t eventAddress() const;
    /// The /proc/PID/maps lines shown (start-end perms offset name).
    QStringList mapsLines() const;
    const AddressSpaceScale& scale() const;

    /// The counters of the selected process, as shown.
    struct Counters {
        std::uint64_t vszKb = 0, rssKb = 0, rssAnonKb = 0, rssFileKb = 0;
        std::uint64_t minFlt = 0, majFlt = 0, ptPages = 0;
    };
    Counters counters() const;

    /// The tooltip of VMA `index` of vmaBoxes(): its maps line, kind, size, resident pages.
    QString toolTipForVma(int index) const;

    /// Kind of a VMA of `p` (the program is the file of its lowest exec-time mapping).
    static VmaKind kindOf(const Machine& m, const Process& p, const Vma& v);
    /// A /proc/PID/maps line without device and inode: "55d1c3a4b000-55d1c3a4c000 r--p 00000000 /path".
    static QString mapsLine(const Machine& m, const Vma& v);
    /// "exited", "killed by SIGSEGV", "running".
    static QString statusText(const Process& p);

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void changeEvent(QEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    bool event(QEvent* event) override;

private:
    struct Label {
        QString text;
        QString detail; ///< second, muted text on the same line
        double want = 0; ///< y it belongs to
        double y = 0; ///< y it is drawn at (centre)
        QColor colour;
        bool strong = false;
        bool hot = false;
    };
    struct ListRow {
        QString text;
        VmaKind kind = VmaKind::Anon;
        bool highlighted = false;
    };
    struct CounterRow {
        QString name;
        QString value;
        QString delta; ///< change in this step, empty when none
        QString note;
    };

    void onStateChanged();
    void invalidate();
    void ensureLayout() const;
    void layoutTree() const;
    void layoutProcess() const;
    void placeHeader();
    void retranslate();
    std::uint32_t choosePid() const;
    QRectF headerRect() const;

    void paintTree(QPainter& p) const;
    void paintCounters(QPainter& p) const;
    void paintBar(QPainter& p) const;
    void paintList(QPainter& p) const;
    void paintCaption(QPainter& p) const;

    QFont textFont() const;
    QFont monoFont() const;

    ViewContext* m_ctx;
    QCheckBox* m_follow;
    bool m_following = true;
    std::uint32_t m_pinned = 0;
    mutable int m_listScroll = 0; ///< first maps line shown
    bool m_userScrolled = false;

    // Everything below is rebuilt by ensureLayout() when the state, size, font,
    // language or theme changes; paintEvent only draws it.
    mutable bool m_dirty = true;
    mutable std::uint32_t m_pid = 0;
    mutable std::vector<TreeRow> m_tree;
    mutable std::vector<VmaBox> m_boxes;
    mutable std::vector<ListRow> m_list;
    mutable std::vector<CounterRow> m_counters;
    mutable std::vector<Label> m_rightLabels;
    mutable std::vector<Label> m_leftLabels;
    mutable AddressSpaceScale m_scale;
    mutable int m_highlight = -1;
    mutable std::uint64_t m_eventVa = 0;
    mutable std::uint64_t m_eventStart = 0, m_eventEnd = 0; ///< a range the step names (munmap, mmap)
    mutable QString m_title;
    mutable QString m_caption;
    mutable QString m_captionTag;
    mutable QRectF m_treeRect, m_countersRect, m_barArea, m_barRect, m_listRect, m_captionRect;
    mutable double m_lineH = 18;
    mutable int m_listRows = 0;
    mutable int m_generation = -1; ///< Palette::generation() it was made for (theme, presentation mode)
};

} // namespace memviz
