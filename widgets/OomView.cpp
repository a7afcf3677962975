#include "OomView.h"

#include "ViewContext.h"
#include "reclaim/Reclaim.h"
#include "sim/History.h"
#include "sim/Machine.h"
#include "sim/Simulator.h"

#include <QEvent>
#include <QFontInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPainter>
#include <QSpinBox>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <deque>
#include <functional>

namespace memviz {

using namespace Qt::StringLiterals;

namespace {

QString num(std::uint64_t v)
{
    return QLocale().toString(qulonglong(v));
}

QString snum(std::int64_t v)
{
    return QLocale().toString(qlonglong(v));
}

QString procName(const Machine& m, std::uint32_t pid)
{
    const Process* p = m.proc(pid);
    return p ? QString::fromStdString(m.str(p->comm)) : QString();
}

std::uint64_t scoreOf(std::int64_t points, std::uint64_t total)
{
    if (total == 0) return 0;
    const std::int64_t s = (1000 + points * 1000 / static_cast<std::int64_t>(total)) * 2 / 3;
    return s < 0 ? 0 : static_cast<std::uint64_t>(s);
}

QColor victimFill()
{
    return Palette::tint(Palette::highlight(), Palette::isDark() ? 0.38 : 0.20);
}

QColor currentFill()
{
    return Palette::tint(Palette::watermark(Wmark::Low), Palette::isDark() ? 0.30 : 0.20);
}

} // namespace

/// Paints the points column as a bar with the number beside it, and edits oom_score_adj
/// with a spin box limited to -1000..1000.
class OomDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    bool compact = false; ///< a narrow view: less room around the numbers

    void paint(QPainter* p, const QStyleOptionViewItem& option, const QModelIndex& index) const override
    {
        if (index.column() != OomTableModel::Points) {
            QStyledItemDelegate::paint(p, option, index);
            return;
        }
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        const QString text = opt.text;
        opt.text.clear();
        opt.widget->style()->drawControl(QStyle::CE_ItemViewItem, &opt, p, opt.widget);
        const QFontMetricsF fm(opt.font);
        const QRectF r = QRectF(opt.rect).adjusted(6, 0, -6, 0);
        const qreal textW = std::min(r.width(),
            std::max(fm.horizontalAdvance(text), std::min(fm.horizontalAdvance(u"-0,000,000"_s), r.width() * 0.5)));
        const QRectF textR(r.right() - textW, r.top(), textW, r.height());
        const QRectF barArea(r.left(), r.top() + r.height() * 0.22, std::max(0.0, r.width() - textW - 8),
            r.height() * 0.56);
        const double frac = std::clamp(index.data(OomTableModel::BarRole).toDouble(), 0.0, 1.0);
        const bool victim = index.data(Qt::FontRole).value<QFont>().bold();
        p->save();
        p->setRenderHint(QPainter::Antialiasing);
        p->setPen(Qt::NoPen);
        p->setBrush(Palette::tint(Palette::text(), Palette::isDark() ? 0.10 : 0.06));
        p->drawRoundedRect(barArea, 3, 3);
        if (frac > 0) {
            const std::uint32_t pid = index.data(OomTableModel::PidRole).toUInt();
            p->setBrush(victim ? Palette::highlight() : Palette::process(pid));
            p->drawRoundedRect(QRectF(barArea.left(), barArea.top(), std::max(2.0, barArea.width() * frac), barArea.height()),
                3, 3);
        }
        p->setFont(opt.font);
        p->setPen(opt.palette.color(QPalette::Text));
        const QVariant fg = index.data(Qt::ForegroundRole);
        if (fg.canConvert<QBrush>()) p->setPen(fg.value<QBrush>().color());
        p->drawText(textR, Qt::AlignRight | Qt::AlignVCenter, fm.elidedText(text, Qt::ElideRight, textR.width()));
        p->restore();
    }

    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override
    {
        // Room around the numbers, so the columns do not run into each other.
        QSize s = QStyledItemDelegate::sizeHint(option, index);
        const int pad = QFontMetrics(option.font).horizontalAdvance(compact ? u"0"_s : u"000"_s);
        s.rwidth() += pad;
        if (index.column() == OomTableModel::Points) s.rwidth() += pad * (compact ? 6 : 4); // the bar
        return s;
    }

    QWidget* createEditor(QWidget* parent, const QStyleOptionViewItem& option, const QModelIndex& index) const override
    {
        if (index.column() != OomTableModel::Adj) return QStyledItemDelegate::createEditor(parent, option, index);
        auto* spin = new QSpinBox(parent);
        spin->setRange(OomTableModel::kMinAdj, OomTableModel::kMaxAdj);
        spin->setSingleStep(100);
        spin->setAlignment(Qt::AlignRight);
        spin->setAccessibleName(OomView::tr("oom_score_adj"));
        return spin;
    }

    void setEditorData(QWidget* editor, const QModelIndex& index) const override
    {
        if (auto* spin = qobject_cast<QSpinBox*>(editor)) {
            spin->setValue(index.data(Qt::EditRole).toInt());
            return;
        }
        QStyledItemDelegate::setEditorData(editor, index);
    }

    void setModelData(QWidget* editor, QAbstractItemModel* model, const QModelIndex& index) const override
    {
        if (auto* spin = qobject_cast<QSpinBox*>(editor)) {
            spin->interpretText();
            model->setData(index, spin->value(), Qt::EditRole);
            return;
        }
        QStyledItemDelegate::setModelData(editor, model, index);
    }
};

// ---- the model ----------------------------------------------------------------------------

OomTableModel::OomTableModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void OomTableModel::sortRows(std::vector<OomRow>& rows)
{
    std::stable_sort(rows.begin(), rows.end(), [](const OomRow& a, const OomRow& b) {
        if (a.unkillable != b.unkillable) return b.unkillable;
        if (a.points != b.points) return a.points > b.points;
        return a.pid > b.pid;
    });
}

void OomTableModel::setRows(std::vector<OomRow> rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    m_maxPoints = 0;
    for (const OomRow& r : m_rows)
        if (!r.unkillable) m_maxPoints = std::max(m_maxPoints, r.points);
    endResetModel();
}

int OomTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int OomTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant OomTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_rows.size()) || index.column() >= ColumnCount) return QVariant();
    const OomRow& r = m_rows[std::size_t(index.row())];
    const int c = index.column();
    switch (role) {
    case Qt::DisplayRole:
        switch (c) {
        case Pid:
            return QString::number(r.pid);
        case Name:
            if (r.victim) return tr("%1 — killed").arg(r.name);
            return r.name;
        case Rss:
            return num(r.rss);
        case Swap:
            return num(r.swapEnts);
        case PageTables:
            return num(r.pgTables);
        case Adj:
            return snum(r.adj);
        case Points:
            return r.unkillable ? tr("unkillable") : snum(r.points);
        case Score:
            return num(r.score);
        }
        break;
    case Qt::EditRole:
        if (c == Adj) return r.adj;
        if (c == Points) return qlonglong(r.points);
        if (c == Pid) return r.pid;
        break;
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(Qt::Alignment((c == Name ? Qt::AlignLeft : Qt::AlignRight) | Qt::AlignVCenter));
    case Qt::BackgroundRole:
        if (r.victim) return QBrush(victimFill());
        if (r.current) return QBrush(currentFill());
        break;
    case Qt::ForegroundRole:
        if (r.unkillable) return QBrush(Palette::mutedText());
        return QBrush(Palette::text());
    case Qt::FontRole:
        if (r.victim) {
            QFont f;
            f.setBold(true);
            return f;
        }
        break;
    case Qt::ToolTipRole:
        if (r.unkillable)
            return r.adj == kMinAdj ? tr("oom_score_adj is -1000: the OOM killer never chooses this process.")
                                    : tr("The OOM killer cannot choose this process.");
        return tr("points = %1 RSS + %2 swap entries + %3 page tables + oom_score_adj %4 × totalpages/1000 = %5")
            .arg(num(r.rss), num(r.swapEnts), num(r.pgTables), snum(r.adj), snum(r.points));
    case BarRole:
        if (r.unkillable || m_maxPoints <= 0 || r.points <= 0) return 0.0;
        return double(r.points) / double(m_maxPoints);
    case PidRole:
        return r.pid;
    default:
        break;
    }
    return QVariant();
}

QVariant OomTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal) return QVariant();
    if (role == Qt::DisplayRole) {
        switch (section) {
        case Pid:
            return tr("PID");
        case Name:
            return tr("Name");
        case Rss:
            return tr("RSS\n(pages)");
        case Swap:
            return tr("Swap\nentries");
        case PageTables:
            return tr("Page\ntables");
        case Adj:
            return tr("oom_score_adj");
        case Points:
            return tr("Points\n(badness)");
        case Score:
            return tr("oom_score");
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case Rss:
            return tr("Resident pages: anonymous + file + shmem (get_mm_rss)");
        case Swap:
            return tr("Swap entries in the page tables (MM_SWAPENTS), pages");
        case PageTables:
            return tr("Page-table pages (mm_pgtables_bytes / PAGE_SIZE)");
        case Adj:
            return tr("/proc/PID/oom_score_adj, -1000 (never kill) to 1000 (kill first). Double-click to change it.");
        case Points:
            return tr("oom_badness(): RSS + swap + page tables + oom_score_adj × totalpages / 1000. The highest is killed.");
        case Score:
            return tr("/proc/PID/oom_score: (1000 + points × 1000 / totalpages) × 2 / 3, 0 to 2000");
        default:
            break;
        }
    }
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue(Qt::Alignment((section == Name ? Qt::AlignLeft : Qt::AlignRight) | Qt::AlignVCenter));
    return QVariant();
}

Qt::ItemFlags OomTableModel::flags(const QModelIndex& index) const
{
    if (!index.isValid()) return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (index.column() == Adj && index.row() < int(m_rows.size()) && m_rows[std::size_t(index.row())].editable)
        f |= Qt::ItemIsEditable;
    return f;
}

bool OomTableModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (role != Qt::EditRole || !index.isValid() || index.column() != Adj || index.row() >= int(m_rows.size()))
        return false;
    const OomRow& r = m_rows[std::size_t(index.row())];
    if (!r.editable) return false;
    bool ok = false;
    const int v = value.toInt(&ok);
    if (!ok || v < kMinAdj || v > kMaxAdj) return false;
    if (v != r.adj) emit adjRequested(r.pid, v);
    return true;
}

// ---- the banner -----------------------------------------------------------------------------

class OomView::Banner : public QWidget {
public:
    enum class Kind { Info, Scanning, Kill, Panic };
    explicit Banner(QWidget* parent)
        : QWidget(parent)
    {
        setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    }
    void set(Kind k, const QString& title, const QString& detail)
    {
        m_kind = k;
        m_title = title;
        m_detail = detail;
        setAccessibleName(title);
        setAccessibleDescription(detail);
        updateGeometry();
        update();
    }
    Kind kind() const { return m_kind; }
    QSize sizeHint() const override { return QSize(400, heightForWidth(width() > 0 ? width() : 800)); }
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int w) const override
    {
        const QFontMetricsF ft(titleFont()), fd(font());
        const qreal pad = fd.height() * 0.6;
        const qreal inner = std::max<qreal>(50, w - 2 * pad - (m_kind == Kind::Panic ? fd.height() * 2.2 : 0));
        const QRectF t = ft.boundingRect(QRectF(0, 0, inner, 1e6), Qt::TextWordWrap, m_title);
        const QRectF d = fd.boundingRect(QRectF(0, 0, inner, 1e6), Qt::TextWordWrap, m_detail);
        return int(std::ceil(t.height() + (m_detail.isEmpty() ? 0 : d.height() + pad * 0.4) + 2 * pad));
    }

protected:
    void paintEvent(QPaintEvent*) override
    {
        QPainter p(this);
        p.setRenderHint(QPainter::Antialiasing);
        p.setRenderHint(QPainter::TextAntialiasing);
        QColor fill, ink, sub;
        switch (m_kind) {
        case Kind::Info:
            fill = Palette::tint(Palette::text(), Palette::isDark() ? 0.07 : 0.04);
            ink = Palette::text();
            sub = Palette::mutedText();
            break;
        case Kind::Scanning:
            fill = currentFill();
            ink = Palette::text();
            sub = Palette::text();
            break;
        case Kind::Kill:
            fill = victimFill();
            ink = Palette::text();
            sub = Palette::text();
            break;
        case Kind::Panic:
            fill = Palette::alarm();
            ink = Qt::white;
            sub = Qt::white;
            break;
        }
        const QRectF r = QRectF(rect()).adjusted(1, 1, -1, -1);
        p.setPen(m_kind == Kind::Kill ? QPen(Palette::highlight(), Palette::line(2))
                                      : QPen(Palette::gridLine(), Palette::line(1)));
        p.setBrush(fill);
        p.drawRoundedRect(r, 6, 6);
        const QFontMetricsF fd(font());
        const qreal pad = fd.height() * 0.6;
        QRectF inner = r.adjusted(pad, pad, -pad, -pad);
        if (m_kind == Kind::Panic) {
            // A warning sign, so the state reads from the back of the room.
            const qreal s = fd.height() * 1.7;
            QPolygonF tri;
            tri << QPointF(inner.left() + s / 2, inner.top()) << QPointF(inner.left() + s, inner.top() + s * 0.9)
                << QPointF(inner.left(), inner.top() + s * 0.9);
            p.setPen(Qt::NoPen);
            p.setBrush(Qt::white);
            p.drawPolygon(tri);
            p.setPen(Palette::alarm());
            p.setFont(Palette::bold(font()));
            p.drawText(QRectF(inner.left(), inner.top() + s * 0.25, s, s * 0.65), Qt::AlignCenter, u"!"_s);
            inner.setLeft(inner.left() + s + pad * 0.8);
        }
        p.setFont(titleFont());
        p.setPen(ink);
        const QRectF used = p.boundingRect(inner, Qt::TextWordWrap, m_title);
        p.drawText(inner, Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop, m_title);
        if (!m_detail.isEmpty()) {
            p.setFont(font());
            p.setPen(sub);
            p.drawText(QRectF(inner.left(), used.bottom() + pad * 0.4, inner.width(), inner.bottom() - used.bottom()),
                Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop, m_detail);
        }
    }

private:
    QFont titleFont() const
    {
        QFont f = Palette::bold(font());
        if (m_kind == Kind::Panic) {
            if (f.pointSizeF() > 0)
                f.setPointSizeF(f.pointSizeF() * 1.2);
            else
                f.setPixelSize(int(f.pixelSize() * 1.2));
        }
        return f;
    }
    Kind m_kind = Kind::Info;
    QString m_title, m_detail;
};

// ---- the view -------------------------------------------------------------------------------

OomView::OomView(ViewContext* ctx, QWidget* parent)
    : QWidget(parent)
    , m_ctx(ctx)
    , m_model(new OomTableModel(this))
    , m_table(new QTableView(this))
    , m_banner(new Banner(this))
    , m_note(new QLabel(this))
    , m_delegate(nullptr)
{
    setAutoFillBackground(true);
    auto* lay = new QVBoxLayout(this);
    lay->addWidget(m_banner);
    lay->addWidget(m_table, 1);
    lay->addWidget(m_note);
    m_table->setModel(m_model);
    m_delegate = new OomDelegate(m_table);
    m_table->setItemDelegate(m_delegate);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(
        QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed | QAbstractItemView::SelectedClicked);
    m_table->verticalHeader()->hide();
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->horizontalHeader()->setDefaultAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_table->horizontalHeader()->setMinimumSectionSize(24);
    m_note->setWordWrap(true);
    m_note->setTextFormat(Qt::PlainText);
    connect(m_model, &OomTableModel::adjRequested, this, &OomView::oomScoreAdjRequested);
    connect(m_ctx, &ViewContext::stateChanged, this, [this] {
        m_override.clear();
        refresh();
    });
    setAccessibleName(tr("OOM killer"));
    m_table->setAccessibleName(tr("OOM candidates"));
    applyFonts();
    refresh();
}

OomView::~OomView() = default;

void OomView::setStepEvents(std::vector<Event> events)
{
    m_override = std::move(events);
    refresh();
}

OomView::Mode OomView::mode() const
{
    return m_mode;
}

const std::vector<OomRow>& OomView::rows() const
{
    return m_model->rows();
}

int OomView::victimRow() const
{
    const auto& rs = m_model->rows();
    for (std::size_t i = 0; i < rs.size(); ++i)
        if (rs[i].victim) return int(i);
    return -1;
}

bool OomView::panicShown() const
{
    return m_panic;
}

QString OomView::bannerTitle() const
{
    return m_title;
}

QString OomView::bannerDetail() const
{
    return m_detail;
}

std::vector<OomRow> OomView::liveRows(const Machine& m)
{
    std::vector<OomRow> out;
    const std::uint64_t total = reclaim::oomTotalPages(m);
    for (const auto& [pid, p] : m.procs) {
        if (!p.alive() || p.mm.pgd == kNoPfn) continue; // no mm: not a candidate at all
        OomRow r;
        r.pid = pid;
        r.name = QString::fromStdString(m.str(p.comm));
        r.rss = p.mm.rss();
        r.swapEnts = p.mm.swapEnts;
        r.pgTables = reclaim::pgtablesPages(m, p);
        r.adj = p.oomScoreAdj;
        r.points = reclaim::oomBadness(m, p, total, &r.unkillable);
        r.score = r.unkillable ? 0 : reclaim::oomScore(m, p);
        r.editable = true;
        out.push_back(r);
    }
    OomTableModel::sortRows(out);
    return out;
}

bool OomView::stepEvents(std::vector<Event>& candidates, std::optional<Event>& kill) const
{
    candidates.clear();
    kill.reset();
    const Simulator* sim = m_ctx->simulator();
    std::uint64_t n = 0;
    std::function<const Event&(std::uint64_t)> at;
    if (!m_override.empty()) {
        n = m_override.size();
        at = [this](std::uint64_t i) -> const Event& { return m_override[std::size_t(i)]; };
    } else if (sim && m_ctx->cursor() > 0 && m_ctx->cursor() <= sim->eventCount()) {
        n = m_ctx->cursor();
        at = [sim](std::uint64_t i) -> const Event& { return sim->events()[i]; };
    } else {
        return false;
    }
    const Event& cur = at(n - 1);
    std::uint64_t j = n;
    if (cur.type == EventType::OomKill) {
        kill = cur;
        j = n - 1;
    } else if (cur.type != EventType::OomCandidates) {
        return false;
    }
    std::deque<Event> rows;
    while (j > 0) {
        const Event& e = at(j - 1);
        if (e.type != EventType::OomCandidates || e.cmd != cur.cmd) break;
        rows.push_front(e);
        --j;
    }
    candidates.assign(rows.begin(), rows.end());
    return true;
}

void OomView::refresh()
{
    // Presentation mode changes the fonts as well as the colours (applyTheme() below).
    if (m_generation != Palette::generation()) applyFonts();
    const Machine& m = m_ctx->machine();
    std::vector<Event> cands;
    std::optional<Event> kill;
    std::vector<OomRow> rows;
    const std::uint64_t liveTotal = reclaim::oomTotalPages(m);
    std::uint64_t total = liveTotal;
    if (stepEvents(cands, kill)) {
        m_mode = kill ? Mode::Killed : Mode::Scanning;
        if (kill && kill->b) total = kill->b;
        for (std::size_t i = 0; i < cands.size(); ++i) {
            const Event& e = cands[i];
            OomRow r;
            r.pid = e.pid;
            r.name = procName(m, e.pid);
            r.points = static_cast<std::int64_t>(e.a);
            r.rss = e.b;
            r.swapEnts = e.c;
            r.pgTables = e.pfn;
            r.adj = static_cast<std::int16_t>(e.flags & 0xFFFF);
            r.unkillable = r.adj == OomTableModel::kMinAdj;
            r.score = r.unkillable ? 0 : scoreOf(r.points, total);
            r.current = !kill && i + 1 == cands.size();
            r.victim = kill && kill->pid == e.pid;
            rows.push_back(r);
        }
        if (kill && std::none_of(rows.begin(), rows.end(), [](const OomRow& r) { return r.victim; })) {
            // The victim was not in the dumped table (oom_kill_allocating_task): add its row.
            const Machine& before = m_ctx->previousMachine();
            const Process* p = before.proc(kill->pid) ? before.proc(kill->pid) : m.proc(kill->pid);
            OomRow r;
            r.pid = kill->pid;
            r.name = procName(m, kill->pid);
            r.points = static_cast<std::int64_t>(kill->a);
            r.score = scoreOf(r.points, total);
            if (p) {
                r.rss = p->mm.rss();
                r.swapEnts = p->mm.swapEnts;
                r.pgTables = reclaim::pgtablesPages(m, *p);
                r.adj = p->oomScoreAdj;
            }
            r.victim = true;
            rows.push_back(r);
        }
        OomTableModel::sortRows(rows);
    } else {
        m_mode = Mode::Live;
        rows = liveRows(m);
    }
    m_model->setRows(rows);

    // The banner.
    m_panic = m.panicked;
    const std::uint64_t ram = m.totalramPages(), swap = m.swap.totalPages();
    if (m_panic) {
        PanicReason why = PanicReason::NoVictim;
        for (auto it = m.klog.rbegin(); it != m.klog.rend(); ++it)
            if (it->kind == KlogKind::Panic) {
                why = static_cast<PanicReason>(it->v[0]);
                break;
            }
        if (why == PanicReason::PanicOnOom) {
            m_title = tr("Kernel panic - not syncing: Out of memory: system-wide panic_on_oom is enabled");
            m_detail = tr("vm.panic_on_oom is set, so running out of memory stops the whole machine instead of "
                          "killing a process. Nothing runs any more.");
        } else {
            m_title = tr("Kernel panic - not syncing: System is deadlocked on memory");
            m_detail = tr("Memory ran out and the OOM killer found no process it may kill (every candidate is "
                          "unkillable or already gone). Nothing runs any more.");
        }
        m_banner->set(Banner::Kind::Panic, m_title, m_detail);
    } else if (m_mode == Mode::Killed) {
        const QString victim = tr("%1 (%2)").arg(kill->pid).arg(procName(m, kill->pid));
        const std::uint32_t trigger = static_cast<std::uint32_t>(kill->c);
        const QString by = trigger ? tr("%1 (%2)").arg(trigger).arg(procName(m, trigger)) : tr("the kernel");
        m_title = tr("Out of memory: Killed process %1").arg(victim);
        if (kill->flags & EventFlag::AllocTask)
            m_detail = tr("vm.oom_kill_allocating_task is set: the task whose allocation failed, %1, is killed "
                          "without comparing points.")
                           .arg(by);
        else
            m_detail = tr("It has the largest badness, %1 points (totalpages %2 = RAM + swap). The allocation of %3 "
                          "invoked the OOM killer.")
                           .arg(snum(static_cast<std::int64_t>(kill->a)), num(total), by);
        m_banner->set(Banner::Kind::Kill, m_title, m_detail);
    } else if (m_mode == Mode::Scanning) {
        const Event& e = cands.back();
        m_title = tr("Out of memory: the OOM killer scores every process (oom_badness)");
        m_detail = tr("%1 (%2) scores %3 points. %4 processes scored so far; the highest will be killed.")
                       .arg(e.pid)
                       .arg(procName(m, e.pid), snum(static_cast<std::int64_t>(e.a)))
                       .arg(cands.size());
        m_banner->set(Banner::Kind::Scanning, m_title, m_detail);
    } else {
        const auto first = std::find_if(rows.begin(), rows.end(), [](const OomRow& r) { return !r.unkillable; });
        if (rows.empty())
            m_title = tr("No processes: the OOM killer has nobody to choose.");
        else if (first == rows.end())
            m_title = tr("Every process is unkillable: running out of memory now would panic the kernel.");
        else
            m_title = tr("If memory ran out now, the OOM killer would kill %1 (%2): it has the most points.")
                          .arg(first->pid)
                          .arg(first->name);
        m_detail.clear();
        for (auto it = m.klog.rbegin(); it != m.klog.rend(); ++it)
            if (it->kind == KlogKind::OomKilled) {
                m_detail = tr("Last OOM kill: %1 (%2) at %3 s.")
                               .arg(it->pid)
                               .arg(QString::fromStdString(m.str(it->comm)))
                               .arg(double(it->timeNs) / 1e9, 0, 'f', 1);
                break;
            }
        m_banner->set(Banner::Kind::Info, m_title, m_detail);
    }
    m_note->setText(tr("points = RSS + swap entries + page tables + oom_score_adj × (totalpages / 1000), the "
                       "division first. totalpages = RAM %1 + swap %2 = %3 pages, so each step of oom_score_adj "
                       "is worth %4 pages. oom_score_adj -1000 makes a process unkillable.%5")
                        .arg(num(ram), num(swap), num(ram + swap), num((ram + swap) / 1000))
                        .arg(m_mode == Mode::Live ? tr(" Double-click an oom_score_adj cell to change it.")
                                                  : QString()));
    applyTheme();
    fitRows();
    fitColumns();
    // Show the victim (or the row being scored).
    for (std::size_t i = 0; i < rows.size(); ++i)
        if (rows[i].victim || rows[i].current) m_table->scrollTo(m_model->index(int(i), 0));
}

void OomView::applyFonts()
{
    const QFont base = Palette::viewFont(this);
    // A docked, narrow view may go below the view font so that every column fits.
    const bool compact = width() < 760;
    const qreal basePx = compact ? std::min<qreal>(QFontInfo(base).pixelSize(), 12) : QFontInfo(base).pixelSize();
    // Presentation mode: the text grows faster with the view's height and further, as far as
    // the columns fit across (the view font is larger too).
    const qreal grow = Palette::presentation() ? 1.25 : 1.0;
    const qreal px
        = std::clamp(std::min(height() * grow / 34.0, width() / 60.0), basePx, std::max(basePx, 26.0 * grow));
    m_delegate->compact = compact;
    // A narrow view drops the two columns the points' tooltip also gives.
    m_table->setColumnHidden(OomTableModel::Swap, compact);
    m_table->setColumnHidden(OomTableModel::PageTables, compact);
    m_note->setVisible(height() >= 380);
    const QFont f = Palette::pixelFont(base, px);
    m_table->setFont(f);
    m_table->horizontalHeader()->setFont(Palette::bold(f));
    m_banner->setFont(f);
    m_note->setFont(Palette::pixelFont(base, std::max(11.0, px * 0.85)));
    m_banner->updateGeometry();
}

void OomView::applyTheme()
{
    m_generation = Palette::generation();
    QPalette pal = palette();
    pal.setColor(QPalette::Window, Palette::background());
    pal.setColor(QPalette::WindowText, Palette::text());
    setPalette(pal);
    QPalette tp = m_table->palette();
    tp.setColor(QPalette::Base, Palette::background());
    tp.setColor(QPalette::AlternateBase, Palette::tint(Palette::text(), 0.04));
    tp.setColor(QPalette::Text, Palette::text());
    tp.setColor(QPalette::Window, Palette::tint(Palette::text(), 0.06));
    tp.setColor(QPalette::Button, Palette::tint(Palette::text(), 0.06));
    tp.setColor(QPalette::ButtonText, Palette::text());
    tp.setColor(QPalette::WindowText, Palette::text());
    tp.setColor(QPalette::Highlight, Palette::tint(QColor(0x35, 0x74, 0xf0), 0.35));
    tp.setColor(QPalette::HighlightedText, Palette::text());
    m_table->setPalette(tp);
    m_table->horizontalHeader()->setPalette(tp);
    QPalette np = m_note->palette();
    np.setColor(QPalette::WindowText, Palette::mutedText());
    m_note->setPalette(np);
    m_table->viewport()->update();
}

void OomView::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        setAccessibleName(tr("OOM killer"));
        m_table->setAccessibleName(tr("OOM candidates"));
        refresh();
    } else if (event->type() == QEvent::FontChange) {
        applyFonts();
    } else if ((event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange)
        && m_generation != Palette::generation()) {
        refresh();
    }
    QWidget::changeEvent(event);
}

void OomView::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    applyFonts();
    fitRows();
    fitColumns();
}

void OomView::fitColumns()
{
    // Every column as wide as its contents; the points column (the bars) takes the rest.
    QHeaderView* h = m_table->horizontalHeader();
    int others = 0;
    for (int c = 0; c < OomTableModel::ColumnCount; ++c) {
        if (m_table->isColumnHidden(c)) continue;
        const int w = std::max(static_cast<const QAbstractItemView*>(m_table)->sizeHintForColumn(c), h->sectionSizeHint(c));
        if (c != OomTableModel::Points) {
            h->resizeSection(c, w);
            others += w;
        }
    }
    const int need = std::max(static_cast<const QAbstractItemView*>(m_table)->sizeHintForColumn(OomTableModel::Points), h->sectionSizeHint(OomTableModel::Points));
    h->resizeSection(OomTableModel::Points, std::max(need, m_table->viewport()->width() - others));
}

void OomView::fitRows()
{
    // Rows share the table's height (as if there were at least five), within readable limits.
    const qreal fh = QFontMetricsF(m_table->font()).height();
    const int n = std::max(5, m_model->rowCount());
    const qreal avail = m_table->viewport()->height();
    m_table->verticalHeader()->setDefaultSectionSize(int(std::clamp(avail / n, fh * 1.7, fh * 2.6)));
}

} // namespace memviz
