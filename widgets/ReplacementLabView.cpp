#include "ReplacementLabView.h"
#include "ProcessView.h"

#include "ViewContext.h"
#include "sim/Machine.h"
#include "sim/Simulator.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QFontInfo>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLayout>
#include <QLineEdit>
#include <QLocale>
#include <QPainter>
#include <QPixmap>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QSplitter>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

// qcustomplot.h uses Qt's foreach in two inline templates, which QT_NO_FOREACH removes
// (as in TimelinePlot.cpp): a range-for stands in for it while the header is read.
#define foreach(declaration, container) for (declaration : container)
#include <qcustomplot.h>
#undef foreach

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>

namespace memviz {

using namespace Qt::StringLiterals;

namespace {

constexpr ReplPolicy kAllPolicies[]
    = { ReplPolicy::Fifo, ReplPolicy::Lru, ReplPolicy::Opt, ReplPolicy::Clock, ReplPolicy::Linux };
constexpr int kPolicyCount = 5;

int policyIndex(ReplPolicy p)
{
    for (int i = 0; i < kPolicyCount; ++i)
        if (kAllPolicies[i] == p) return i;
    return 0;
}

QString label(std::int64_t page)
{
    return ReplacementLabTable::pageLabel(page);
}

/// "1, 2 and 3" in the UI's language.
QString listOf(const std::vector<std::int64_t>& pages)
{
    QStringList l;
    for (std::int64_t p : pages) l << label(p);
    return QLocale().createSeparatedList(l);
}

/// Lays its items out left to right and wraps them into as many rows as the width needs
/// (Qt's flow layout example): the lab's control groups stay whole and move down a row on
/// a narrow window or with longer (translated) labels.
class FlowLayout : public QLayout {
public:
    explicit FlowLayout(QWidget* parent, int hSpacing, int vSpacing)
        : QLayout(parent)
        , m_h(hSpacing)
        , m_v(vSpacing)
    {
        setContentsMargins(0, 0, 0, 0);
    }
    ~FlowLayout() override
    {
        while (QLayoutItem* item = takeAt(0)) delete item;
    }
    void addItem(QLayoutItem* item) override { m_items.append(item); }
    int count() const override { return int(m_items.size()); }
    QLayoutItem* itemAt(int i) const override { return i >= 0 && i < m_items.size() ? m_items[i] : nullptr; }
    QLayoutItem* takeAt(int i) override { return i >= 0 && i < m_items.size() ? m_items.takeAt(i) : nullptr; }
    Qt::Orientations expandingDirections() const override { return {}; }
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int w) const override { return doLayout(QRect(0, 0, w, 0), true); }
    void setGeometry(const QRect& r) override
    {
        QLayout::setGeometry(r);
        doLayout(r, false);
    }
    QSize sizeHint() const override { return minimumSize(); }
    QSize minimumSize() const override
    {
        QSize s;
        for (const QLayoutItem* item : m_items) s = s.expandedTo(item->minimumSize());
        const QMargins m = contentsMargins();
        return s + QSize(m.left() + m.right(), m.top() + m.bottom());
    }

private:
    int doLayout(const QRect& rect, bool testOnly) const
    {
        const QMargins m = contentsMargins();
        const QRect r = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom());
        int x = r.x(), y = r.y(), lineH = 0;
        // Items of a row share its height and are centred in it.
        QList<QPair<QLayoutItem*, QRect>> row;
        auto flush = [&] {
            if (!testOnly)
                for (auto& [item, g] : row)
                    item->setGeometry(QRect(QPoint(g.x(), g.y() + (lineH - g.height()) / 2), g.size()));
            row.clear();
        };
        for (QLayoutItem* item : m_items) {
            if (item->isEmpty()) continue;
            const QSize s = item->sizeHint().boundedTo(QSize(r.width(), QWIDGETSIZE_MAX));
            if (x > r.x() && x + s.width() > r.right() + 1) {
                flush();
                x = r.x();
                y += lineH + m_v;
                lineH = 0;
            }
            row.append({ item, QRect(QPoint(x, y), s) });
            x += s.width() + m_h;
            lineH = std::max(lineH, s.height());
        }
        flush();
        return y + lineH - rect.y() + m.bottom();
    }

    QList<QLayoutItem*> m_items;
    int m_h, m_v;
};

enum class StepIcon { Start, Back, Play, Pause, Forward, End };

/// The stepper's icons painted in the theme's text colour (the style's media icons are
/// black, which the dark theme's background swallows).
QIcon stepIcon(StepIcon kind, const QColor& on, const QColor& off)
{
    QIcon icon;
    for (const auto& [mode, colour] : { std::pair { QIcon::Normal, on }, std::pair { QIcon::Disabled, off } }) {
        QPixmap pm(QSize(48, 48));
        pm.setDevicePixelRatio(2.0); // 24 × 24 logical, sharp on HiDPI screens
        pm.fill(Qt::transparent);
        QPainter p(&pm);
        p.setRenderHint(QPainter::Antialiasing);
        p.setPen(Qt::NoPen);
        p.setBrush(colour);
        const auto tri = [&](qreal x, qreal w, bool right) {
            const QPointF pts[3]
                = { QPointF(right ? x : x + w, 5), QPointF(right ? x + w : x, 12), QPointF(right ? x : x + w, 19) };
            p.drawPolygon(pts, 3);
        };
        switch (kind) {
        case StepIcon::Start:
            p.drawRect(QRectF(4, 5, 2.5, 14));
            tri(6.5, 7, false);
            tri(13.5, 7, false);
            break;
        case StepIcon::Back:
            tri(4, 8, false);
            tri(12, 8, false);
            break;
        case StepIcon::Play:
            tri(7, 11, true);
            break;
        case StepIcon::Pause:
            p.drawRect(QRectF(6, 5, 4, 14));
            p.drawRect(QRectF(14, 5, 4, 14));
            break;
        case StepIcon::Forward:
            tri(4, 8, true);
            tri(12, 8, true);
            break;
        case StepIcon::End:
            tri(3.5, 7, true);
            tri(10.5, 7, true);
            p.drawRect(QRectF(17.5, 5, 2.5, 14));
            break;
        }
        p.end();
        icon.addPixmap(pm, mode);
    }
    return icon;
}

/// A group of controls that wraps as one piece.
QWidget* group(QWidget* parent, std::initializer_list<QWidget*> widgets)
{
    auto* w = new QWidget(parent);
    auto* l = new QHBoxLayout(w);
    l->setContentsMargins(0, 0, 0, 0);
    l->setSpacing(6);
    for (QWidget* c : widgets) {
        c->setParent(w);
        l->addWidget(c);
    }
    return w;
}

} // namespace

// ---- narration ----------------------------------------------------------------------------

QString ReplacementLabView::policyRule(ReplPolicy p)
{
    switch (p) {
    case ReplPolicy::Fifo:
        return tr("FIFO evicts the page that was loaded first, however often it is used.");
    case ReplPolicy::Lru:
        return tr("LRU evicts the page whose last use lies furthest back.");
    case ReplPolicy::Opt:
        return tr("OPT (Belady's optimum) evicts the page whose next use lies farthest ahead: the fewest misses "
                  "possible, but only with knowledge of the future.");
    case ReplPolicy::Clock:
        return tr("CLOCK (second chance): the hand passes over pages whose use bit is set, clearing it, and evicts "
                  "the first page without one.");
    case ReplPolicy::Linux:
        return tr("LINUX: a new page joins the inactive list; a second access moves it to the active list; reclaim "
                  "takes the inactive list's tail, giving a referenced page another round.");
    }
    return QString();
}

std::vector<QString> ReplacementLabView::narrate(
    ReplPolicy policy, const std::vector<std::int64_t>& refs, const ReplResult& r)
{
    std::vector<QString> out;
    out.reserve(r.steps.size());
    for (std::size_t t = 0; t < r.steps.size(); ++t) {
        const ReplStep& st = r.steps[t];
        const ReplStep* prev = t ? &r.steps[t - 1] : nullptr;
        const std::size_t n = st.frames.size();
        const auto prevPage
            = [&](std::size_t s) { return prev && s < prev->frames.size() ? prev->frames[s] : kNoPage; };
        const auto prevUse = [&](std::size_t s) { return prev && s < prev->useBits.size() && prev->useBits[s]; };
        const auto prevActive = [&](std::size_t s) { return prev && s < prev->active.size() && prev->active[s]; };
        const auto slot = std::size_t(std::max(0, st.slot));
        const QString page = label(st.ref), victim = label(st.victim);
        QString s;
        if (st.hit) {
            switch (policy) {
            case ReplPolicy::Fifo:
                s = tr("hit: %1 is already in frame %2; FIFO's order does not change").arg(page).arg(st.slot);
                break;
            case ReplPolicy::Lru:
                s = tr("hit: %1 is in frame %2 and becomes the most recently used page").arg(page).arg(st.slot);
                break;
            case ReplPolicy::Opt:
                s = tr("hit: %1 is already in frame %2").arg(page).arg(st.slot);
                break;
            case ReplPolicy::Clock:
                s = prevUse(slot) ? tr("hit: %1 is in frame %2; its use bit stays set").arg(page).arg(st.slot)
                                  : tr("hit: %1 is in frame %2; its use bit is set").arg(page).arg(st.slot);
                break;
            case ReplPolicy::Linux: {
                const bool nowActive = slot < st.active.size() && st.active[slot];
                if (nowActive && !prevActive(slot))
                    s = tr("hit: %1 was referenced before on the inactive list: mark_page_accessed() moves it to the "
                           "active list")
                            .arg(page);
                else if (!prevUse(slot))
                    s = nowActive
                        ? tr("hit: %1 on the active list gets PG_referenced").arg(page)
                        : tr("hit: %1 on the inactive list gets PG_referenced (mark_page_accessed)").arg(page);
                else
                    s = tr("hit: %1 is in frame %2 and already has PG_referenced").arg(page).arg(st.slot);
                break;
            }
            }
        } else if (st.victim == kNoPage) {
            switch (policy) {
            case ReplPolicy::Clock:
                s = tr("miss: %1 goes into free frame %2 with its use bit set").arg(page).arg(st.slot);
                break;
            case ReplPolicy::Linux:
                s = tr("miss: %1 goes into free frame %2 at the head of the inactive list").arg(page).arg(st.slot);
                break;
            default:
                s = tr("miss: %1 goes into free frame %2").arg(page).arg(st.slot);
                break;
            }
        } else {
            switch (policy) {
            case ReplPolicy::Fifo: {
                // The step that loaded the victim's frame.
                int loaded = -1;
                for (std::size_t k = t; k-- > 0;)
                    if (!r.steps[k].hit && r.steps[k].slot == st.slot) {
                        loaded = int(k);
                        break;
                    }
                s = tr("miss: %1 evicts %2 (first in: loaded at step %3)").arg(page, victim).arg(loaded + 1);
                break;
            }
            case ReplPolicy::Lru: {
                int used = -1;
                for (std::size_t k = t; k-- > 0;)
                    if (refs[k] == st.victim) {
                        used = int(k);
                        break;
                    }
                s = tr("miss: %1 evicts %2 (least recently used: last used at step %3)")
                        .arg(page, victim)
                        .arg(used + 1);
                break;
            }
            case ReplPolicy::Opt: {
                int next = -1;
                for (std::size_t k = t + 1; k < refs.size(); ++k)
                    if (refs[k] == st.victim) {
                        next = int(k);
                        break;
                    }
                s = next < 0
                    ? tr("miss: %1 evicts %2: next used farthest away (never again)").arg(page, victim)
                    : tr("miss: %1 evicts %2: next used farthest away (at step %3)").arg(page, victim).arg(next + 1);
                break;
            }
            case ReplPolicy::Clock: {
                // Replays the hand's sweep from where it stood: the pages it passed had their bits cleared.
                std::vector<bool> use(n, false);
                for (std::size_t k = 0; k < n; ++k) use[k] = prevUse(k);
                std::size_t h = prev && prev->hand >= 0 ? std::size_t(prev->hand) : 0;
                std::vector<std::int64_t> cleared;
                for (std::size_t guard = 0; guard < 2 * n && h < n && use[h]; ++guard) {
                    cleared.push_back(prevPage(h));
                    use[h] = false;
                    h = (h + 1) % n;
                }
                if (cleared.empty())
                    s = tr("miss: the hand finds %1 with its use bit clear and evicts it for %2").arg(victim, page);
                else if (cleared.size() == 1)
                    s = tr("miss: %1 has its use bit set — cleared, the hand moves on; %2 is evicted for %3")
                            .arg(listOf(cleared), victim, page);
                else
                    s = tr("miss: %1 have their use bits set — cleared, the hand moves on; %2 is evicted for %3")
                            .arg(listOf(cleared), victim, page);
                break;
            }
            case ReplPolicy::Linux: {
                std::vector<std::int64_t> deactivated, second;
                for (std::size_t k = 0; k < n; ++k) {
                    if (k == slot || prevPage(k) != st.frames[k] || st.frames[k] == kNoPage) continue;
                    const bool active = k < st.active.size() && st.active[k];
                    const bool use = k < st.useBits.size() && st.useBits[k];
                    if (prevActive(k) && !active)
                        deactivated.push_back(st.frames[k]);
                    else if (!prevActive(k) && prevUse(k) && !use)
                        second.push_back(st.frames[k]);
                }
                s = tr("miss: %1 evicts %2 from the tail of the inactive list").arg(page, victim);
                if (!deactivated.empty())
                    s += tr("; %1 moved to the inactive list (the active list was the longer one)")
                             .arg(listOf(deactivated));
                if (!second.empty()) s += tr("; %1 had PG_referenced — cleared, another round").arg(listOf(second));
                break;
            }
            }
        }
        out.push_back(s);
    }
    return out;
}

// ---- input --------------------------------------------------------------------------------

std::optional<std::vector<std::int64_t>> ReplacementLabView::parseReferenceText(
    const QString& text, QString* error, int* errorStart, int* errorLength)
{
    std::vector<std::int64_t> out;
    qsizetype tokStart = 0, tokLength = text.size();
    const auto fail = [&](const QString& e) -> std::optional<std::vector<std::int64_t>> {
        if (error) *error = e;
        if (errorStart) *errorStart = int(tokStart);
        if (errorLength) *errorLength = int(tokLength);
        return std::nullopt;
    };
    const auto isSep = [](QChar c) { return c.isSpace() || c == u',' || c == u';'; };
    int tokens = 0;
    for (qsizetype i = 0; i < text.size();) {
        if (isSep(text[i])) {
            ++i;
            continue;
        }
        const qsizetype start = i;
        while (i < text.size() && !isSep(text[i])) ++i;
        const QString tok = text.mid(start, i - start);
        tokStart = start;
        tokLength = i - start;
        ++tokens;
        bool ok = false;
        qlonglong v = -1;
        const bool hex = tok.startsWith(u"0x"_s, Qt::CaseInsensitive);
        const QString digits = hex ? tok.mid(2) : tok;
        const bool allDigits = !digits.isEmpty() && std::all_of(digits.begin(), digits.end(), [&](QChar c) {
            return hex ? (c.isDigit() || (c.toLower() >= u'a' && c.toLower() <= u'f')) : (c >= u'0' && c <= u'9');
        });
        if (allDigits) v = digits.toLongLong(&ok, hex ? 16 : 10);
        if (!allDigits)
            return fail(tr("“%1” (entry %2, column %3) is not a page number: type whole numbers from 0 to %4, "
                           "separated by spaces or commas.")
                            .arg(tok)
                            .arg(tokens)
                            .arg(start + 1)
                            .arg(kMaxPage));
        if (!ok || v > kMaxPage)
            return fail(tr("“%1” (entry %2, column %3) is too large: page numbers go from 0 to %4.")
                            .arg(tok)
                            .arg(tokens)
                            .arg(start + 1)
                            .arg(kMaxPage));
        out.push_back(v);
    }
    tokStart = 0;
    tokLength = text.size();
    if (out.empty()) return fail(tr("Type at least one page number, for example 1 2 3 4 1 2 5."));
    if (out.size() > std::size_t(kMaxLength))
        return fail(tr("%1 references: the lab replays at most %2.").arg(out.size()).arg(kMaxLength));
    if (error) error->clear();
    return out;
}

std::vector<std::int64_t> ReplacementLabView::randomReferenceString(std::uint64_t seed, int length, int pages)
{
    std::vector<std::int64_t> out;
    if (length <= 0 || pages <= 0) return out;
    std::mt19937_64 rng(seed);
    // A uniform value below n by rejection: the same numbers from every standard library.
    const auto below = [&rng](std::uint64_t n) {
        const std::uint64_t limit
            = std::numeric_limits<std::uint64_t>::max() - std::numeric_limits<std::uint64_t>::max() % n;
        std::uint64_t x;
        do x = rng();
        while (x >= limit);
        return x % n;
    };
    out.reserve(std::size_t(length));
    for (int i = 0; i < length; ++i) {
        if (i == 0 || pages == 1) {
            out.push_back(std::int64_t(below(std::uint64_t(pages))) + 1);
            continue;
        }
        // One of the other pages-1 pages: a page referenced twice in a row always hits.
        std::int64_t v = std::int64_t(below(std::uint64_t(pages - 1))) + 1;
        if (v >= out.back()) ++v;
        out.push_back(v);
    }
    return out;
}

// ---- the view -----------------------------------------------------------------------------

ReplacementLabView::ReplacementLabView(ViewContext* ctx, QWidget* parent)
    : QWidget(parent)
    , m_ctx(ctx)
    , m_policies(std::begin(kAllPolicies), std::end(kAllPolicies))
{
    setFocusPolicy(Qt::StrongFocus);
    m_timer = new QTimer(this);
    m_timer->setInterval(kPlayIntervalMs);
    connect(m_timer, &QTimer::timeout, this, [this] {
        if (m_step >= stepCount())
            setPlaying(false);
        else
            setStep(m_step + 1);
    });

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 4);
    layout->setSpacing(4);
    buildControls();
    layout->addWidget(m_controls);
    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    layout->addWidget(m_message);

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setChildrenCollapsible(true);
    m_table = new ReplacementLabTable(m_splitter);
    m_plotBox = new QWidget(m_splitter);
    buildPlot();
    m_splitter->addWidget(m_table);
    m_splitter->addWidget(m_plotBox);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 1);
    // The plot keeps about a quarter of the width until the user drags the handle.
    connect(m_splitter, &QSplitter::splitterMoved, this, [this] { m_userSplit = true; });
    layout->addWidget(m_splitter, 1);
    setFocusProxy(m_table);
    connect(m_table, &ReplacementLabTable::columnClicked, this, [this](int col) { setStep(col + 1); });

    connect(m_ctx, &ViewContext::stateChanged, this, &ReplacementLabView::onRunChanged);

    retranslate();
    // The string of the textbooks to start with: Belady's, which every policy can be compared on.
    takeString({ 1, 2, 3, 4, 1, 2, 5, 1, 2, 3, 4, 5 }, Source::Typed);
    refreshProcesses();
    applyTheme();
    applyFonts();
}

ReplacementLabView::~ReplacementLabView() = default;

void ReplacementLabView::buildControls()
{
    m_controls = new QWidget(this);
    auto* flow = new FlowLayout(m_controls, 18, 6);

    m_stringLabel = new QLabel;
    m_edit = new QLineEdit;
    m_edit->setClearButtonEnabled(true);
    m_edit->setMinimumWidth(260);
    m_stringLabel->setBuddy(m_edit);
    m_apply = new QPushButton;
    // Typed: a refused token is selected in the field, so that it can be typed over.
    const auto applyTyped = [this] {
        if (setReferenceText(m_edit->text())) return;
        int start = 0, length = 0;
        parseReferenceText(m_edit->text(), nullptr, &start, &length);
        m_edit->setFocus();
        m_edit->setSelection(start, length);
    };
    connect(m_edit, &QLineEdit::returnPressed, this, applyTyped);
    connect(m_apply, &QPushButton::clicked, this, applyTyped);
    flow->addWidget(group(m_controls, { m_stringLabel, m_edit, m_apply }));

    m_randomLabel = new QLabel;
    m_seedLabel = new QLabel;
    m_seedBox = new QSpinBox;
    m_seedBox->setRange(0, 999999);
    m_seedBox->setValue(1);
    m_seedLabel->setBuddy(m_seedBox);
    m_lengthLabel = new QLabel;
    m_lengthBox = new QSpinBox;
    m_lengthBox->setRange(1, kMaxLength);
    m_lengthBox->setValue(20);
    m_lengthLabel->setBuddy(m_lengthBox);
    m_pagesLabel = new QLabel;
    m_pagesBox = new QSpinBox;
    m_pagesBox->setRange(1, kMaxRandomPages);
    m_pagesBox->setValue(6);
    m_pagesLabel->setBuddy(m_pagesBox);
    m_generate = new QPushButton;
    connect(m_generate, &QPushButton::clicked, this,
        [this] { setRandom(std::uint64_t(m_seedBox->value()), m_lengthBox->value(), m_pagesBox->value()); });
    flow->addWidget(group(m_controls,
        { m_randomLabel, m_seedLabel, m_seedBox, m_lengthLabel, m_lengthBox, m_pagesLabel, m_pagesBox, m_generate }));

    m_runLabel = new QLabel;
    m_processBox = new QComboBox;
    m_processBox->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_runLabel->setBuddy(m_processBox);
    m_mappingBox = new QComboBox;
    // Mappings read as /proc/PID/maps lines, which are long: the closed box shows their start.
    m_mappingBox->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_mappingBox->setMinimumContentsLength(14);
    m_record = new QPushButton;
    m_followBox = new QCheckBox;
    connect(m_record, &QPushButton::clicked, this, [this] {
        if (m_processBox->currentIndex() >= 0) recordFromRun(m_processBox->currentData().toUInt(), chosenMapping());
    });
    connect(m_followBox, &QCheckBox::toggled, this, &ReplacementLabView::setFollowRun);
    connect(m_processBox, &QComboBox::activated, this, [this] {
        refreshMappings();
        if (m_follow) recordFromRun(m_processBox->currentData().toUInt(), chosenMapping());
    });
    connect(m_mappingBox, &QComboBox::activated, this, [this] {
        if (m_follow && m_processBox->currentIndex() >= 0)
            recordFromRun(m_processBox->currentData().toUInt(), chosenMapping());
    });
    flow->addWidget(group(m_controls, { m_runLabel, m_processBox, m_mappingBox, m_record, m_followBox }));

    m_framesLabel = new QLabel;
    m_framesBox = new QSpinBox;
    m_framesBox->setRange(1, kMaxFrames);
    m_framesBox->setValue(m_frames);
    m_framesLabel->setBuddy(m_framesBox);
    m_compareBox = new QCheckBox;
    connect(m_framesBox, &QSpinBox::valueChanged, this, &ReplacementLabView::setFrames);
    connect(m_compareBox, &QCheckBox::toggled, this, &ReplacementLabView::setCompareNextFrames);
    flow->addWidget(group(m_controls, { m_framesLabel, m_framesBox, m_compareBox }));

    m_policiesLabel = new QLabel;
    QList<QWidget*> pol { m_policiesLabel };
    for (ReplPolicy p : kAllPolicies) {
        auto* b = new QCheckBox(replacementPolicyText(p));
        b->setChecked(true);
        connect(b, &QCheckBox::toggled, this, [this] {
            QList<ReplPolicy> l;
            for (int i = 0; i < kPolicyCount; ++i)
                if (m_policyBoxes[std::size_t(i)]->isChecked()) l << kAllPolicies[i];
            setPolicies(l);
        });
        m_policyBoxes.push_back(b);
        pol << b;
    }
    auto* polGroup = new QWidget(m_controls);
    auto* pl = new QHBoxLayout(polGroup);
    pl->setContentsMargins(0, 0, 0, 0);
    pl->setSpacing(8);
    for (QWidget* w : pol) {
        w->setParent(polGroup);
        pl->addWidget(w);
    }
    flow->addWidget(polGroup);

    m_belady = new QPushButton;
    connect(m_belady, &QPushButton::clicked, this, &ReplacementLabView::showBeladyAnomaly);
    flow->addWidget(group(m_controls, { m_belady }));

    auto tool = [this](auto slot) {
        auto* b = new QToolButton;
        b->setIconSize(QSize(24, 24));
        b->setAutoRaise(true);
        b->setFocusPolicy(Qt::TabFocus);
        connect(b, &QToolButton::clicked, this, slot);
        return b;
    };
    m_startButton = tool(&ReplacementLabView::toStart);
    m_backButton = tool(&ReplacementLabView::stepBack);
    m_playButton = tool([this] { setPlaying(!isPlaying()); });
    m_forwardButton = tool(&ReplacementLabView::stepForward);
    m_endButton = tool(&ReplacementLabView::toEnd);
    m_stepLabel = new QLabel;
    flow->addWidget(
        group(m_controls, { m_startButton, m_backButton, m_playButton, m_forwardButton, m_endButton, m_stepLabel }));
}

void ReplacementLabView::buildPlot()
{
    auto* l = new QVBoxLayout(m_plotBox);
    l->setContentsMargins(4, 0, 0, 0);
    l->setSpacing(4);
    m_plot = new QCustomPlot(m_plotBox);
    m_plot->setMinimumSize(220, 200);
    m_plot->installEventFilter(this);
    l->addWidget(m_plot, 1);
    m_caption = new QLabel(m_plotBox);
    m_caption->setWordWrap(true);
    m_caption->setTextFormat(Qt::PlainText);
    l->addWidget(m_caption);

    m_plotTitle = new QCPTextElement(m_plot);
    m_plot->plotLayout()->insertRow(0);
    m_plot->plotLayout()->addElement(0, 0, m_plotTitle);
    auto ticker = QSharedPointer<QCPAxisTickerFixed>::create();
    ticker->setTickStep(1.0);
    ticker->setScaleStrategy(QCPAxisTickerFixed::ssMultiples);
    m_plot->xAxis->setTicker(ticker);
    auto yTicker = QSharedPointer<QCPAxisTickerFixed>::create();
    yTicker->setTickStep(1.0);
    yTicker->setScaleStrategy(QCPAxisTickerFixed::ssMultiples);
    m_plot->yAxis->setTicker(yTicker);
    m_plot->xAxis->grid()->setSubGridVisible(false);
    m_plot->yAxis->grid()->setSubGridVisible(false);
    for (ReplPolicy p : kAllPolicies) {
        QCPGraph* g = m_plot->addGraph();
        g->setName(replacementPolicyText(p));
        g->setLineStyle(QCPGraph::lsLine);
        g->setSelectable(QCP::stNone);
    }
    m_markN = new QCPItemStraightLine(m_plot);
    m_markN1 = new QCPItemStraightLine(m_plot);
    for (QCPItemStraightLine* m : { m_markN, m_markN1 }) {
        m->setSelectable(false);
        m->setLayer(u"grid"_s);
    }
    m_plot->legend->setVisible(true);
    m_plot->plotLayout()->addElement(2, 0, m_plot->legend);
    m_plot->plotLayout()->setRowStretchFactor(2, 0.001);
    m_plot->plotLayout()->setRowStretchFactor(0, 0.001);
    m_plot->legend->setFillOrder(QCPLegend::foColumnsFirst);
    m_plot->legend->setWrap(2);
    m_plot->legend->setIconSize(28, 12);
}

void ReplacementLabView::retranslate()
{
    m_stringLabel->setText(tr("&String:"));
    m_edit->setPlaceholderText(tr("e.g. 1 2 3 4 1 2 5"));
    m_edit->setToolTip(tr("Page numbers (0 to %1) separated by spaces or commas, at most %2; Enter replays them.")
                           .arg(kMaxPage)
                           .arg(kMaxLength));
    m_apply->setText(tr("Apply"));
    m_randomLabel->setText(tr("Random:"));
    m_seedLabel->setText(tr("seed"));
    m_lengthLabel->setText(tr("length"));
    m_pagesLabel->setText(tr("pages"));
    m_generate->setText(tr("&Generate"));
    m_generate->setToolTip(tr("A random string for this seed (the same seed always gives the same string); "
                              "no page twice in a row, since a repeated page always hits."));
    m_runLabel->setText(tr("From the &run:"));
    m_processBox->setToolTip(tr("The process whose page accesses are recorded"));
    m_mappingBox->setToolTip(tr("Only the accesses inside this mapping of the process (as in /proc/PID/maps), "
                                "for example the array a program walks; or all of its accesses, exec's set-up "
                                "of the stack included"));
    if (m_mappingBox->count() > 0) m_mappingBox->setItemText(0, tr("all mappings"));
    m_record->setText(tr("Record last %1").arg(kRecordLength));
    m_record->setToolTip(tr("The last %1 page accesses of the process up to the player's position (consecutive "
                            "accesses to one page count once); pages are numbered 1, 2, 3 … in order of first use.")
                             .arg(kRecordLength));
    m_followBox->setText(tr("follow the player"));
    m_followBox->setToolTip(tr("Record again at every step of the run"));
    m_framesLabel->setText(tr("&Frames:"));
    m_compareBox->setText(tr("compare with %1").arg(m_frames + 1));
    m_compareBox->setToolTip(tr("Show every policy a second time with one frame more"));
    m_policiesLabel->setText(tr("Policies:"));
    for (int i = 0; i < kPolicyCount; ++i) m_policyBoxes[std::size_t(i)]->setToolTip(policyRule(kAllPolicies[i]));
    m_belady->setText(tr("Belady's anomaly"));
    m_belady->setToolTip(tr("FIFO on 1 2 3 4 1 2 5 1 2 3 4 5 with 3 and with 4 frames: more frames, more misses"));
    m_startButton->setToolTip(tr("To the start (Home)"));
    m_backButton->setToolTip(tr("Step back (←)"));
    m_forwardButton->setToolTip(tr("Step forward (→)"));
    m_endButton->setToolTip(tr("To the end (End)"));
    m_plotTitle->setText(tr("Misses by frames"));
    fitPlotPane();
    m_plot->setToolTip(tr("Misses of the whole string with 1, 2, 3 … frames. A line that goes up is Belady's anomaly: "
                          "LRU and OPT never show one (they are stack algorithms: n frames always hold what n − 1 "
                          "would), FIFO and CLOCK can."));
    m_plot->xAxis->setLabel(tr("frames"));
    m_plot->yAxis->setLabel(tr("misses"));
    setAccessibleName(tr("Page-replacement lab"));
    setAccessibleDescription(tr("A reference string replayed under several page-replacement policies side by side"));
    refreshProcesses();
    rebuild();
}

void ReplacementLabView::applyTheme()
{
    m_theme = Palette::theme();
    for (QLabel* l : { m_stringLabel, m_randomLabel, m_seedLabel, m_lengthLabel, m_pagesLabel, m_runLabel,
             m_framesLabel, m_policiesLabel, m_stepLabel, m_caption })
        Palette::applyTextColour(l);
    for (QCheckBox* b : m_policyBoxes) Palette::applyTextColour(b);
    Palette::applyTextColour(m_followBox);
    Palette::applyTextColour(m_compareBox);
    // Fusion draws a check box's outline from the window colour, which the dark theme's
    // background swallows: a lighter window colour keeps the boxes visible.
    std::vector<QWidget*> framed { m_edit, m_seedBox, m_lengthBox, m_pagesBox, m_processBox, m_mappingBox, m_framesBox,
        m_followBox, m_compareBox };
    framed.insert(framed.end(), m_policyBoxes.begin(), m_policyBoxes.end());
    for (QWidget* w : framed) {
        QPalette pal = w->palette();
        pal.setColor(QPalette::Window,
            Palette::isDark() ? Palette::mutedText() : QApplication::palette().color(QPalette::Window));
        w->setPalette(pal);
    }
    const QColor bg = Palette::background(), text = Palette::text(), muted = Palette::mutedText();
    m_plot->setBackground(bg);
    m_plot->axisRect()->setBackground(bg);
    for (QCPAxis* a : { m_plot->xAxis, m_plot->yAxis }) {
        a->setBasePen(QPen(muted, 1));
        a->setTickPen(QPen(muted, 1));
        a->setSubTickPen(QPen(muted, 1));
        a->setTickLabelColor(text);
        a->setLabelColor(text);
        a->grid()->setPen(QPen(Palette::gridLine(), 1, Qt::SolidLine));
        a->grid()->setZeroLinePen(QPen(Palette::gridLine(), 1, Qt::SolidLine));
    }
    m_plotTitle->setTextColor(text);
    m_plot->legend->setBrush(bg);
    m_plot->legend->setBorderPen(Qt::NoPen);
    m_plot->legend->setTextColor(text);
    m_markN->setPen(QPen(Palette::withAlpha(Palette::highlight(), 0.6), 2));
    m_markN1->setPen(QPen(Palette::withAlpha(Palette::highlight(), 0.6), 2, Qt::DashLine));
    for (int i = 0; i < kPolicyCount; ++i) {
        QCPGraph* g = m_plot->graph(i);
        const QColor c = Palette::ink(replacementPolicyColour(kAllPolicies[i]));
        QPen pen(c, 2.5);
        if (kAllPolicies[i] == ReplPolicy::Opt) pen.setStyle(Qt::DashLine);
        g->setPen(pen);
        // Markers of different shapes, so overlapping lines stay apart.
        static constexpr QCPScatterStyle::ScatterShape shapes[] = { QCPScatterStyle::ssDisc, QCPScatterStyle::ssSquare,
            QCPScatterStyle::ssDiamond, QCPScatterStyle::ssTriangle, QCPScatterStyle::ssCircle };
        g->setScatterStyle(QCPScatterStyle(shapes[i], c, i == 4 ? bg : c, 8));
    }
    m_startButton->setIcon(stepIcon(StepIcon::Start, text, Palette::withAlpha(muted, 0.5)));
    m_backButton->setIcon(stepIcon(StepIcon::Back, text, Palette::withAlpha(muted, 0.5)));
    m_forwardButton->setIcon(stepIcon(StepIcon::Forward, text, Palette::withAlpha(muted, 0.5)));
    m_endButton->setIcon(stepIcon(StepIcon::End, text, Palette::withAlpha(muted, 0.5)));
    updateStepper();
    updateMessage();
    m_plot->replot(QCustomPlot::rpQueuedRefresh);
    m_table->viewport()->update();
    update();
}

void ReplacementLabView::applyFonts()
{
    const QFont f = Palette::viewFont(this);
    const qreal px = QFontInfo(f).pixelSize();
    // As many legend entries in a row as the plot's width holds.
    const int perEntry = int(QFontMetricsF(f).horizontalAdvance(u"CLOCK"_s) + 28 + 24);
    const int wrap = std::clamp(std::max(1, m_plot->width() - 16) / std::max(1, perEntry), 1, kPolicyCount);
    if (wrap != m_plot->legend->wrap()) {
        m_plot->legend->setWrap(wrap);
        m_plot->legend->setFillOrder(QCPLegend::foColumnsFirst, true); // re-flows the entries
        m_plot->replot(QCustomPlot::rpQueuedRefresh);
    }
    fitPlotPane();
    if (px == m_fontPx) return;
    m_fontPx = px;
    // The controls grow with the view too, for the back row of a lecture hall.
    m_controls->setFont(f);
    for (QLabel* l : { m_randomLabel, m_runLabel, m_framesLabel, m_policiesLabel, m_stringLabel })
        l->setFont(Palette::bold(f));
    for (QCPAxis* a : { m_plot->xAxis, m_plot->yAxis }) {
        a->setTickLabelFont(f);
        a->setLabelFont(f);
    }
    m_plotTitle->setFont(Palette::bold(f));
    m_plot->legend->setFont(f);
    m_caption->setFont(f);
    m_message->setFont(f);
    fitPlotPane();
    m_plot->replot(QCustomPlot::rpQueuedRefresh);
}

void ReplacementLabView::fitPlotPane()
{
    // The plot keeps room for its title, legend, axes and a readable area; the sentence under
    // it goes when the pane is too short for both (a projector's large type on 720 lines).
    const int line = QFontMetrics(m_plot->legend->font()).height();
    const int legendRows = (kPolicyCount + m_plot->legend->wrap() - 1) / std::max(1, m_plot->legend->wrap());
    int need = line * (4 + legendRows) + 120;
    // Too short even for that: the axis label says what is plotted, the title goes.
    const bool titled = m_plotBox->height() >= need;
    if (!titled) need -= line * 3 / 2;
    const QString title = titled ? tr("Misses by frames") : QString();
    if (m_plotTitle->text() != title) {
        m_plotTitle->setText(title);
        m_plot->replot(QCustomPlot::rpQueuedRefresh);
    }
    if (m_plot->minimumHeight() != need) m_plot->setMinimumHeight(need);
    // As many misses ticks as the axis holds without their labels touching.
    const int axisH = std::max(1, m_plot->height() - (need - 120));
    const int ticks = std::clamp(axisH * 2 / (line * 3), 2, 5);
    if (m_plot->yAxis->ticker()->tickCount() != ticks) {
        m_plot->yAxis->ticker()->setTickCount(ticks);
        m_plot->replot(QCustomPlot::rpQueuedRefresh);
    }
    const int captionH = m_caption->heightForWidth(std::max(1, m_plotBox->width() - 4));
    const bool captionFits = m_plotBox->height() >= need + captionH + 4;
    if (m_caption->isVisibleTo(m_plotBox) != captionFits) m_caption->setVisible(captionFits);
}

bool ReplacementLabView::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_plot && event->type() == QEvent::Resize) applyFonts(); // the legend's wrap follows the width
    return QWidget::eventFilter(watched, event);
}

bool ReplacementLabView::event(QEvent* event)
{
    // The lab's stepper keys win over the main window's player shortcuts while the lab has focus
    // (text fields and spin boxes accept their own keys before this sees them).
    if (event->type() == QEvent::ShortcutOverride) {
        auto* ke = static_cast<QKeyEvent*>(event);
        if (!(ke->modifiers() & ~Qt::KeypadModifier)) switch (ke->key()) {
            case Qt::Key_Left:
            case Qt::Key_Right:
            case Qt::Key_Home:
            case Qt::Key_End:
            case Qt::Key_Space:
                event->accept();
                return true;
            default:
                break;
            }
    }
    return QWidget::event(event);
}

void ReplacementLabView::keyPressEvent(QKeyEvent* event)
{
    if (!(event->modifiers() & ~Qt::KeypadModifier)) switch (event->key()) {
        case Qt::Key_Left:
            stepBack();
            return;
        case Qt::Key_Right:
            stepForward();
            return;
        case Qt::Key_Home:
            toStart();
            return;
        case Qt::Key_End:
            toEnd();
            return;
        case Qt::Key_Space:
            setPlaying(!isPlaying());
            return;
        default:
            break;
        }
    QWidget::keyPressEvent(event);
}

void ReplacementLabView::changeEvent(QEvent* event)
{
    switch (event->type()) {
    case QEvent::LanguageChange:
        retranslate();
        break;
    case QEvent::FontChange:
        m_fontPx = 0;
        applyFonts();
        break;
    case QEvent::PaletteChange:
    case QEvent::StyleChange:
        applyTheme();
        break;
    default:
        break;
    }
    QWidget::changeEvent(event);
}

void ReplacementLabView::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    if (!m_userSplit) {
        const int w = std::max(1, m_splitter->width());
        const int plotW = std::clamp(int(w * 0.27), std::min(260, w / 3), 560);
        m_splitter->setSizes({ w - plotW, plotW });
    }
    applyFonts();
    updateMessage();
}

void ReplacementLabView::paintEvent(QPaintEvent*)
{
    // The theme may have changed without an event (Palette::setTheme): children follow before they paint.
    if (m_theme != Palette::theme()) applyTheme();
    QPainter p(this);
    p.fillRect(rect(), Palette::background());
}

// ---- the string ---------------------------------------------------------------------------

void ReplacementLabView::setError(const QString& error)
{
    m_error = error;
    updateMessage();
}

void ReplacementLabView::takeString(std::vector<std::int64_t> refs, Source source)
{
    m_refs = std::move(refs);
    m_source = source;
    if (source != Source::Recorded) {
        m_vpns.clear();
        setFollowRun(false); // a string of one's own is not replaced at the next step of the run
    }
    m_error.clear();
    m_step = stepCount();
    {
        const QSignalBlocker b(m_edit);
        m_edit->setText(referenceText());
        m_edit->setCursorPosition(0); // the string's start in view
    }
    rebuild();
    emit referenceStringChanged();
    emit stepChanged(m_step);
}

bool ReplacementLabView::setReferenceString(const std::vector<std::int64_t>& refs)
{
    if (refs.empty()) {
        setError(tr("The reference string is empty."));
        return false;
    }
    if (refs.size() > std::size_t(kMaxLength)) {
        setError(tr("%1 references: the lab replays at most %2.").arg(refs.size()).arg(kMaxLength));
        return false;
    }
    for (std::size_t i = 0; i < refs.size(); ++i)
        if (refs[i] < 0 || refs[i] > kMaxPage) {
            setError(tr("Page %1 (entry %2) is out of range: page numbers go from 0 to %3.")
                         .arg(refs[i])
                         .arg(i + 1)
                         .arg(kMaxPage));
            return false;
        }
    takeString(refs, Source::Typed);
    return true;
}

bool ReplacementLabView::setReferenceText(const QString& text)
{
    QString error;
    const auto refs = parseReferenceText(text, &error);
    if (!refs) {
        setError(error);
        return false;
    }
    takeString(*refs, Source::Typed);
    return true;
}

QString ReplacementLabView::referenceText() const
{
    QStringList l;
    for (std::int64_t r : m_refs) l << QString::number(r);
    return l.join(u' ');
}

void ReplacementLabView::setRandom(std::uint64_t seed, int length, int pages)
{
    length = std::clamp(length, 1, kMaxLength);
    pages = std::clamp(pages, 1, kMaxRandomPages);
    seed = std::min<std::uint64_t>(seed, std::uint64_t(m_seedBox->maximum()));
    m_seed = seed;
    m_randomPages = pages;
    {
        const QSignalBlocker a(m_seedBox), b(m_lengthBox), c(m_pagesBox);
        m_seedBox->setValue(int(seed));
        m_lengthBox->setValue(length);
        m_pagesBox->setValue(pages);
    }
    takeString(randomReferenceString(seed, length, pages), Source::Random);
}

std::uint64_t ReplacementLabView::chosenMapping() const
{
    if (!m_mappingBox || m_mappingBox->currentIndex() <= 0) return kAllMappings;
    return m_mappingBox->currentData().toULongLong();
}

void ReplacementLabView::refreshMappings()
{
    if (!m_mappingBox) return;
    const std::uint64_t keep = m_mappingBox->currentIndex() > 0 ? m_mappingBox->currentData().toULongLong()
                                                                  : m_recordedMapping;
    const Machine& m = m_ctx->machine();
    QList<QPair<QString, std::uint64_t>> items { { tr("all mappings"), kAllMappings } };
    if (m_processBox->currentIndex() >= 0)
        if (const Process* p = m.proc(m_processBox->currentData().toUInt()))
            for (const Vma& v : p->mm.vmas) items.append({ ProcessView::mapsLine(m, v), v.start });
    bool same = items.size() == m_mappingBox->count();
    for (int k = 0; same && k < items.size(); ++k)
        same = m_mappingBox->itemText(k) == items[k].first
            && m_mappingBox->itemData(k).toULongLong() == items[k].second;
    if (same) return;
    const QSignalBlocker b(m_mappingBox);
    m_mappingBox->clear();
    for (const auto& [text, start] : items) m_mappingBox->addItem(text, QVariant::fromValue<qulonglong>(start));
    const int i = m_mappingBox->findData(QVariant::fromValue<qulonglong>(keep));
    m_mappingBox->setCurrentIndex(std::max(0, i));
}

bool ReplacementLabView::recordFromRun(std::uint32_t pid, std::uint64_t mapping)
{
    const Simulator* sim = m_ctx->simulator();
    if (!sim || sim->eventCount() == 0) {
        setError(tr("No run to record from yet: run a script or spawn a process first."));
        return false;
    }
    const Machine& m = m_ctx->machine();
    const Process* proc = m.proc(pid);
    if (!proc) {
        setError(tr("There is no process %1 at this point of the run.").arg(pid));
        return false;
    }
    const std::uint64_t pageSize = std::max<std::uint64_t>(1, m.pageSize());
    const std::uint64_t end = std::min<std::uint64_t>(m_ctx->cursor(), sim->eventCount());
    // One mapping: its range at the cursor (accesses to it before an mremap elsewhere are not its).
    std::uint64_t lo = 0, hi = ~std::uint64_t(0);
    if (mapping != kAllMappings) {
        const Vma* v = proc->mm.find(mapping);
        if (!v || v->start != mapping) {
            setError(tr("Process %1 has no mapping at 0x%2 at this point of the run.")
                         .arg(pid)
                         .arg(QString::number(mapping, 16)));
            return false;
        }
        lo = v->start;
        hi = v->end;
    }
    // Backwards from the cursor: the last kRecordLength references, repeats of one page folded.
    std::vector<std::uint64_t> vpns;
    bool more = false;
    const EventLog& log = sim->events();
    for (std::uint64_t i = end; i-- > 0;) {
        const Event& e = log[i];
        if (e.type != EventType::TlbLookup || e.pid != pid || e.a < lo || e.a >= hi) continue;
        const std::uint64_t vpn = e.a / pageSize;
        if (!vpns.empty() && vpns.back() == vpn) continue;
        if (vpns.size() == std::size_t(kRecordLength)) {
            more = true;
            break;
        }
        vpns.push_back(vpn);
    }
    const QString name = QString::fromStdString(m.str(proc->comm));
    if (vpns.empty()) {
        if (mapping != kAllMappings)
            setError(tr("Process %1 (%2) made no page access inside 0x%3–0x%4 up to event %5.")
                         .arg(pid)
                         .arg(name)
                         .arg(QString::number(lo, 16), QString::number(hi, 16))
                         .arg(end));
        else
            setError(tr("Process %1 (%2) made no page access up to event %3.").arg(pid).arg(name).arg(end));
        return false;
    }
    std::reverse(vpns.begin(), vpns.end());
    // Short labels in order of first use.
    std::vector<std::uint64_t> order;
    std::vector<std::int64_t> refs;
    refs.reserve(vpns.size());
    for (std::uint64_t v : vpns) {
        auto it = std::find(order.begin(), order.end(), v);
        if (it == order.end()) {
            order.push_back(v);
            it = order.end() - 1;
        }
        refs.push_back(std::int64_t(it - order.begin()) + 1);
    }
    m_vpns = std::move(order);
    m_recordedPid = pid;
    m_recordedMapping = mapping;
    m_recordedMappingEnd = hi;
    m_recordedAt = end;
    m_recordedAll = !more;
    {
        const QSignalBlocker b(m_processBox);
        const int i = m_processBox->findData(pid);
        if (i >= 0) m_processBox->setCurrentIndex(i);
    }
    refreshMappings();
    if (mapping != kAllMappings) {
        const QSignalBlocker b(m_mappingBox);
        const int i = m_mappingBox->findData(QVariant::fromValue<qulonglong>(mapping));
        if (i >= 0) m_mappingBox->setCurrentIndex(i);
    }
    takeString(std::move(refs), Source::Recorded);
    return true;
}

void ReplacementLabView::setFollowRun(bool on)
{
    if (on == m_follow) return;
    m_follow = on;
    {
        const QSignalBlocker b(m_followBox);
        m_followBox->setChecked(on);
    }
    if (on && m_processBox->currentIndex() >= 0) recordFromRun(m_processBox->currentData().toUInt(), chosenMapping());
}

void ReplacementLabView::refreshProcesses()
{
    if (!m_processBox) return;
    const std::uint32_t keep = m_processBox->currentIndex() >= 0 ? m_processBox->currentData().toUInt() : m_recordedPid;
    const Machine& m = m_ctx->machine();
    QList<QPair<QString, std::uint32_t>> items;
    for (const auto& [pid, proc] : m.procs) {
        QString s = tr("%1 %2").arg(pid).arg(QString::fromStdString(m.str(proc.comm)));
        if (!proc.alive()) s = tr("%1 (ended)").arg(s);
        items.append({ s, pid });
    }
    bool same = items.size() == m_processBox->count();
    for (int k = 0; same && k < items.size(); ++k)
        same = m_processBox->itemText(k) == items[k].first && m_processBox->itemData(k).toUInt() == items[k].second;
    if (!same) { // the player steps often; the list seldom changes
        const QSignalBlocker b(m_processBox);
        m_processBox->clear();
        for (const auto& [text, pid] : items) m_processBox->addItem(text, pid);
        int i = m_processBox->findData(keep);
        const Event* e = m_ctx->currentEvent();
        if (i < 0 && e && e->pid) i = m_processBox->findData(e->pid);
        if (i < 0 && m_processBox->count() > 0) i = 0;
        m_processBox->setCurrentIndex(i);
    }
    refreshMappings();
    const bool any = m_processBox->count() > 0;
    m_processBox->setEnabled(any);
    m_mappingBox->setEnabled(any);
    m_record->setEnabled(any);
    m_followBox->setEnabled(any);
    if (!any) m_processBox->setPlaceholderText(tr("no process"));
}

void ReplacementLabView::onRunChanged()
{
    refreshProcesses();
    if (m_theme != Palette::theme()) applyTheme();
    if (m_follow && m_processBox->currentIndex() >= 0) recordFromRun(m_processBox->currentData().toUInt(), chosenMapping());
}

QString ReplacementLabView::sourceDescription() const
{
    const QLocale loc;
    std::vector<std::int64_t> distinct = m_refs;
    std::sort(distinct.begin(), distinct.end());
    distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
    switch (m_source) {
    case Source::Typed:
        return tr("Typed string: %1 references to %2 distinct pages.").arg(m_refs.size()).arg(distinct.size());
    case Source::Random:
        return tr("Random string, seed %1: %2 references to pages 1–%3, no page twice in a row.")
            .arg(m_seed)
            .arg(m_refs.size())
            .arg(m_randomPages);
    case Source::Recorded: {
        const Machine& m = m_ctx->machine();
        const Process* p = m.proc(m_recordedPid);
        const QString name = p ? QString::fromStdString(m.str(p->comm)) : QString();
        QStringList legend;
        for (std::size_t k = 0; k < m_vpns.size(); ++k)
            legend << tr("%1 = 0x%2").arg(k + 1).arg(QString::number(m_vpns[k], 16));
        const QString head = m_recordedAll
            ? tr("Recorded: all %1 page accesses of process %2 (%3) up to event %4 (repeats of one page folded).")
                  .arg(m_refs.size())
                  .arg(m_recordedPid)
                  .arg(name)
                  .arg(m_recordedAt)
            : tr("Recorded: the last %1 page accesses of process %2 (%3) up to event %4 (repeats of one page folded).")
                  .arg(m_refs.size())
                  .arg(m_recordedPid)
                  .arg(name)
                  .arg(m_recordedAt);
        const QString where = m_recordedMapping == kAllMappings
            ? QString()
            : u' ' + tr("Only accesses inside the mapping 0x%1–0x%2.")
                         .arg(QString::number(m_recordedMapping, 16), QString::number(m_recordedMappingEnd, 16));
        return head + where + u' ' + tr("Virtual pages: %1").arg(legend.join(u", "_s));
    }
    case Source::Belady: {
        const ReplResult a = simulateReplacement(ReplPolicy::Fifo, m_frames, m_refs);
        const ReplResult b = simulateReplacement(ReplPolicy::Fifo, m_frames + 1, m_refs);
        return tr(
            "Belady's anomaly: FIFO misses %1 times with %2 frames and %3 times with %4 frames on the same string.")
            .arg(a.misses)
            .arg(m_frames)
            .arg(b.misses)
            .arg(m_frames + 1);
    }
    }
    return QString();
}

QString ReplacementLabView::messageText() const
{
    return m_error.isEmpty() ? sourceDescription() : m_error;
}

void ReplacementLabView::updateMessage()
{
    if (!m_message) return;
    QPalette pal = m_message->palette();
    pal.setColor(QPalette::WindowText, m_error.isEmpty() ? Palette::mutedText() : Palette::ink(Palette::alarm()));
    m_message->setPalette(pal);
    QString text = messageText();
    // A recorded string's page legend can be long: the label shows two lines' worth, the tooltip all of it.
    m_message->setToolTip(text);
    const QFontMetrics fm(m_message->font());
    const int room = std::max(200, m_message->width()) * 2;
    if (fm.horizontalAdvance(text) > room) text = fm.elidedText(text, Qt::ElideRight, room - fm.averageCharWidth() * 4);
    m_message->setText(text);
}

// ---- what is replayed ---------------------------------------------------------------------

void ReplacementLabView::setFrames(int frames)
{
    frames = std::clamp(frames, 1, kMaxFrames);
    if (frames == m_frames) return;
    m_frames = frames;
    {
        const QSignalBlocker b(m_framesBox);
        m_framesBox->setValue(frames);
    }
    m_compareBox->setText(tr("compare with %1").arg(m_frames + 1));
    if (m_source == Source::Belady) m_source = Source::Typed;
    rebuild();
}

void ReplacementLabView::setPolicies(const QList<ReplPolicy>& policies)
{
    m_policies.clear();
    for (ReplPolicy p : kAllPolicies)
        if (policies.contains(p)) m_policies.push_back(p);
    for (int i = 0; i < kPolicyCount; ++i) {
        const QSignalBlocker b(m_policyBoxes[std::size_t(i)]);
        m_policyBoxes[std::size_t(i)]->setChecked(policies.contains(kAllPolicies[i]));
    }
    rebuild();
}

QList<ReplPolicy> ReplacementLabView::policies() const
{
    return QList<ReplPolicy>(m_policies.begin(), m_policies.end());
}

void ReplacementLabView::setCompareNextFrames(bool on)
{
    if (on == m_compare) return;
    m_compare = on;
    {
        const QSignalBlocker b(m_compareBox);
        m_compareBox->setChecked(on);
    }
    rebuild();
}

void ReplacementLabView::showBeladyAnomaly()
{
    setPlaying(false);
    {
        m_frames = 3;
        const QSignalBlocker f(m_framesBox);
        m_framesBox->setValue(3);
        m_compareBox->setText(tr("compare with %1").arg(4));
        m_compare = true;
        const QSignalBlocker c(m_compareBox);
        m_compareBox->setChecked(true);
        m_policies = { ReplPolicy::Fifo };
        for (int i = 0; i < kPolicyCount; ++i) {
            const QSignalBlocker pb(m_policyBoxes[std::size_t(i)]);
            m_policyBoxes[std::size_t(i)]->setChecked(i == 0);
        }
    }
    takeString({ 1, 2, 3, 4, 1, 2, 5, 1, 2, 3, 4, 5 }, Source::Belady);
}

void ReplacementLabView::rebuild()
{
    if (!m_table) return;
    ReplacementLabModel model;
    model.refs = m_refs;
    model.vpns = m_source == Source::Recorded ? m_vpns : std::vector<std::uint64_t>();
    model.step = m_step;
    for (ReplPolicy p : m_policies)
        for (int k = 0; k < (m_compare ? 2 : 1); ++k) {
            ReplacementLabPanel pn;
            pn.policy = p;
            pn.frames = m_frames + k;
            pn.result = simulateReplacement(p, pn.frames, m_refs);
            pn.narration = narrate(p, m_refs, pn.result);
            pn.rule = policyRule(p);
            pn.pairedWithPrevious = k == 1;
            model.panels.push_back(std::move(pn));
        }
    m_table->setModel(std::move(model));
    updatePlot();
    updateStepper();
    updateMessage();
}

// ---- the plot -----------------------------------------------------------------------------

int ReplacementLabView::plotMaxFrames() const
{
    return std::max(kMaxFrames, m_compare ? m_frames + 1 : m_frames);
}

void ReplacementLabView::updatePlot()
{
    if (!m_plot) return;
    const int maxF = plotMaxFrames();
    double top = 1;
    for (int i = 0; i < kPolicyCount; ++i) {
        QCPGraph* g = m_plot->graph(i);
        const ReplPolicy p = kAllPolicies[i];
        const bool shown = std::find(m_policies.begin(), m_policies.end(), p) != m_policies.end() && !m_refs.empty();
        QVector<QCPGraphData> data;
        if (shown)
            for (int f = 1; f <= maxF; ++f) {
                const double v = double(simulateReplacement(p, f, m_refs).misses);
                data.append(QCPGraphData(f, v));
                top = std::max(top, v);
            }
        g->data()->set(data, true);
        g->setVisible(shown);
    }
    // The legend lists the shown policies in their fixed order.
    m_plot->legend->clearItems();
    for (int i = 0; i < kPolicyCount; ++i)
        if (m_plot->graph(i)->visible()) m_plot->graph(i)->addToLegend();
    m_plot->xAxis->setRange(0.5, maxF + 0.5);
    m_plot->yAxis->setRange(0, std::ceil(top * 1.08) + 0.5);
    // Tick labels at every integer while they fit, else every 2nd, 5th … (QCPAxisTickerFixed multiples).
    m_markN->point1->setCoords(m_frames, 0);
    m_markN->point2->setCoords(m_frames, 1);
    m_markN1->point1->setCoords(m_frames + 1, 0);
    m_markN1->point2->setCoords(m_frames + 1, 1);
    m_markN1->setVisible(m_compare);
    m_caption->setText(plotCaption());
    fitPlotPane();
    m_plot->replot(QCustomPlot::rpQueuedRefresh);
}

QVector<double> ReplacementLabView::plottedMisses(ReplPolicy policy) const
{
    QVector<double> out;
    const QCPGraph* g = m_plot->graph(policyIndex(policy));
    if (!g || !g->visible()) return out;
    for (auto it = g->data()->constBegin(); it != g->data()->constEnd(); ++it) out.append(it->value);
    return out;
}

QString ReplacementLabView::plotCaption() const
{
    QStringList anomalies;
    for (ReplPolicy p : m_policies) {
        const QVector<double> v = plottedMisses(p);
        for (int k = 0; k + 1 < v.size(); ++k)
            if (v[k + 1] > v[k])
                anomalies << tr("%1: more frames, more misses (Belady's anomaly) at %2→%3 frames: %4 → %5 misses.")
                                 .arg(replacementPolicyText(p))
                                 .arg(k + 1)
                                 .arg(k + 2)
                                 .arg(v[k])
                                 .arg(v[k + 1]);
    }
    if (m_refs.empty() || m_policies.empty()) return QString();
    if (anomalies.isEmpty()) return tr("No anomaly on this string: one frame more never costs a miss more.");
    return anomalies.join(u'\n');
}

// ---- the stepper --------------------------------------------------------------------------

void ReplacementLabView::setStep(int step)
{
    step = std::clamp(step, 0, stepCount());
    if (step == m_step) return;
    m_step = step;
    m_table->setStep(step);
    updateStepper();
    emit stepChanged(step);
}

void ReplacementLabView::stepForward()
{
    setStep(m_step + 1);
}

void ReplacementLabView::stepBack()
{
    setStep(m_step - 1);
}

void ReplacementLabView::toStart()
{
    setStep(0);
}

void ReplacementLabView::toEnd()
{
    setPlaying(false);
    setStep(stepCount());
}

void ReplacementLabView::setPlaying(bool on)
{
    if (on == isPlaying()) return;
    if (on) {
        if (m_step >= stepCount()) setStep(0); // play again from the start
        m_timer->start();
    } else {
        m_timer->stop();
    }
    updateStepper();
}

bool ReplacementLabView::isPlaying() const
{
    return m_timer->isActive();
}

void ReplacementLabView::updateStepper()
{
    if (!m_stepLabel) return;
    m_stepLabel->setText(tr("step %1 of %2").arg(m_step).arg(stepCount()));
    m_startButton->setEnabled(m_step > 0);
    m_backButton->setEnabled(m_step > 0);
    m_forwardButton->setEnabled(m_step < stepCount());
    m_endButton->setEnabled(m_step < stepCount());
    m_playButton->setIcon(stepIcon(isPlaying() ? StepIcon::Pause : StepIcon::Play, Palette::text(),
        Palette::withAlpha(Palette::mutedText(), 0.5)));
    m_playButton->setToolTip(isPlaying() ? tr("Pause (Space)") : tr("Play the string step by step (Space)"));
}

QImage ReplacementLabView::renderToImage(QSize size)
{
    const QSize old = this->size();
    resize(size);
    if (layout()) layout()->activate();
    // Scroll bars that come or go re-lay out the table's viewport through posted events.
    for (int i = 0; i < 3; ++i) QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    const qreal dpr = devicePixelRatioF();
    QImage img(size * dpr, QImage::Format_ARGB32_Premultiplied);
    img.setDevicePixelRatio(dpr);
    img.fill(Palette::background());
    render(&img);
    resize(old);
    return img;
}

} // namespace memviz
