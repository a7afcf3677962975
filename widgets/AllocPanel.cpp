#include "AllocPanel.h"

#include "ViewContext.h"
#include "sim/Simulator.h"
#include "util/Size.h"

#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QTimer>
#include <QVBoxLayout>

namespace memviz {

namespace {
QString bytesText(std::uint64_t bytes) { return QString::fromStdString(formatSize(bytes)); }
} // namespace

AllocPanel::AllocPanel(ViewContext* ctx, QWidget* parent) : QWidget(parent), m_ctx(ctx)
{
    auto* lay = new QVBoxLayout(this);
    m_machineTitle = new QLabel(this);
    QFont bold = font();
    bold.setBold(true);
    m_machineTitle->setFont(bold);
    lay->addWidget(m_machineTitle);
    m_machine = new QLabel(this);
    m_machine->setWordWrap(true);
    lay->addWidget(m_machine);
    m_newMachine = new QPushButton(this);
    lay->addWidget(m_newMachine);
    connect(m_newMachine, &QPushButton::clicked, this, &AllocPanel::newMachineRequested);

    m_allocTitle = new QLabel(this);
    m_allocTitle->setFont(bold);
    lay->addSpacing(8);
    lay->addWidget(m_allocTitle);
    auto* form = new QFormLayout;
    m_order = new QSpinBox(this);
    m_order->setRange(0, kMaxOrder);
    m_orderLabel = new QLabel(this);
    form->addRow(m_orderLabel, m_order);
    m_size = new QLabel(this);
    form->addRow(QString(), m_size);
    m_zone = new QComboBox(this);
    m_zoneLabel = new QLabel(this);
    form->addRow(m_zoneLabel, m_zone);
    lay->addLayout(form);
    m_alloc = new QPushButton(this);
    lay->addWidget(m_alloc);
    connect(m_order, &QSpinBox::valueChanged, this, &AllocPanel::updateSizeLabel);
    connect(m_alloc, &QPushButton::clicked, this, [this] {
        const auto zone = static_cast<ZoneType>(m_zone->currentData().toInt());
        emit m_ctx->commandRequested(Command::allocPages(m_order->value(), zone));
    });

    m_listTitle = new QLabel(this);
    m_listTitle->setFont(bold);
    lay->addSpacing(8);
    lay->addWidget(m_listTitle);
    m_list = new QListWidget(this);
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    lay->addWidget(m_list, 1);
    auto* row = new QHBoxLayout;
    m_free = new QPushButton(this);
    m_freeAll = new QPushButton(this);
    row->addWidget(m_free);
    row->addWidget(m_freeAll);
    lay->addLayout(row);
    connect(m_free, &QPushButton::clicked, this, [this] {
        for (QListWidgetItem* it : m_list->selectedItems()) {
            const int i = m_list->row(it);
            if (i >= 0 && i < m_blocks.size())
                emit m_ctx->commandRequested(Command::freePages(m_blocks[i].first, m_blocks[i].second));
        }
    });
    connect(m_freeAll, &QPushButton::clicked, this, [this] {
        const auto blocks = m_blocks;
        for (const auto& b : blocks) emit m_ctx->commandRequested(Command::freePages(b.first, b.second));
    });
    connect(m_list, &QListWidget::currentRowChanged, this, [this](int i) {
        if (i >= 0 && i < m_blocks.size()) m_ctx->setSelectedFrame(m_blocks[i].first);
    });
    connect(m_list, &QListWidget::itemDoubleClicked, this, [this](QListWidgetItem* it) {
        const int i = m_list->row(it);
        if (i >= 0 && i < m_blocks.size())
            emit m_ctx->commandRequested(Command::freePages(m_blocks[i].first, m_blocks[i].second));
    });

    m_note = new QLabel(this);
    m_note->setWordWrap(true);
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    m_note->setFont(small);
    lay->addWidget(m_note);

    // Rebuilding the list walks the frame table; coalesce while the player runs.
    m_refresh = new QTimer(this);
    m_refresh->setSingleShot(true);
    m_refresh->setInterval(120);
    connect(m_refresh, &QTimer::timeout, this, &AllocPanel::refresh);
    connect(ctx, &ViewContext::stateChanged, m_refresh, qOverload<>(&QTimer::start));
    retranslate();
    refresh();
}

void AllocPanel::retranslate()
{
    m_machineTitle->setText(tr("Machine"));
    m_newMachine->setText(tr("New machine…"));
    m_allocTitle->setText(tr("Allocate pages (alloc_pages)"));
    m_orderLabel->setText(tr("Order:"));
    m_zoneLabel->setText(tr("Highest zone:"));
    m_zone->setToolTip(tr("gfp_zone(): the allocation may use this zone and, if it is short, the lower zones "
                          "after it in the zonelist."));
    m_alloc->setText(tr("Allocate"));
    m_listTitle->setText(tr("Allocated blocks"));
    m_free->setText(tr("Free selected"));
    m_freeAll->setText(tr("Free all"));
    m_note->setText(tr("memviz keeps one free list per order (the kernel keeps one per migrate type) and has no "
                       "per-CPU page lists, so a freed page merges with its buddy at once."));
    refreshZones();
    updateSizeLabel();
    refresh();
}

void AllocPanel::changeEvent(QEvent* e)
{
    if (e->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(e);
}

void AllocPanel::updateSizeLabel()
{
    const int o = m_order->value();
    const std::uint64_t pages = std::uint64_t(1) << o;
    const std::uint64_t page = m_ctx->simulator() ? m_ctx->machine().pageSize() : 4096;
    m_size->setText(tr("%n page(s) = %1", nullptr, static_cast<int>(pages)).arg(bytesText(pages * page)));
}

void AllocPanel::refreshZones()
{
    const int keep = m_zone->currentData().isValid() ? m_zone->currentData().toInt() : static_cast<int>(ZoneType::Normal);
    m_zone->clear();
    if (!m_ctx->simulator()) return;
    const Machine& m = m_ctx->machine();
    for (std::uint8_t zid : m.nodes[0].zones) {
        const Zone& z = m.zones[zid];
        if (!z.populated()) continue;
        QString gfp;
        switch (z.type) {
        case ZoneType::DMA: gfp = QStringLiteral("GFP_DMA"); break;
        case ZoneType::DMA32: gfp = QStringLiteral("GFP_DMA32"); break;
        case ZoneType::Normal: gfp = QStringLiteral("GFP_KERNEL"); break;
        case ZoneType::HighMem: gfp = QStringLiteral("GFP_HIGHUSER"); break;
        default: break;
        }
        m_zone->addItem(QStringLiteral("%1 (%2)").arg(QString::fromLatin1(zoneTypeName(z.type).data()), gfp),
                        static_cast<int>(z.type));
    }
    // Default: GFP_KERNEL, i.e. Normal if the machine has it, else the highest zone.
    int idx = m_zone->findData(keep);
    if (idx < 0) idx = m_zone->findData(static_cast<int>(ZoneType::Normal));
    if (idx < 0) idx = m_zone->count() - 1;
    m_zone->setCurrentIndex(idx);
}

void AllocPanel::refresh()
{
    m_blocks.clear();
    if (!m_ctx->simulator()) {
        m_machine->clear();
        m_list->clear();
        return;
    }
    const Machine& m = m_ctx->machine();
    const MachineConfig& c = m.config;
    m_machine->setText(tr("%1 · %2 RAM · %3 swap · %Ln CPU(s)", nullptr, c.cpus)
                           .arg(QString::fromStdString(c.preset), bytesText(c.ramBytes), bytesText(c.swapBytes)));
    // Walk heads only: a head's order says how far to jump.
    const FrameTable& ft = m.frames;
    for (Pfn p = 0; p < ft.size();) {
        const FrameState s = ft.state(p);
        const int o = s == FrameState::Tail ? 0 : ft.order(p);
        if (s == FrameState::Kernel) m_blocks.append({p, o});
        p += Pfn(1) << o;
    }
    const int current = m_list->currentRow();
    m_list->clear();
    for (const auto& b : m_blocks) {
        const std::uint8_t zid = m.zoneOf(b.first);
        const QString zone = zid == kNoZone ? QString() : QString::fromLatin1(zoneTypeName(m.zones[zid].type).data());
        m_list->addItem(tr("pfn 0x%1 · order %2 · %3 · %4")
                            .arg(b.first, 0, 16)
                            .arg(b.second)
                            .arg(bytesText((std::uint64_t(1) << b.second) * m.pageSize()), zone));
    }
    if (current >= 0 && current < m_list->count()) m_list->setCurrentRow(current);
    m_free->setEnabled(!m_blocks.isEmpty());
    m_freeAll->setEnabled(!m_blocks.isEmpty());
    // A new machine may have other zones (x86-32 has HighMem, no DMA32).
    int populated = 0;
    bool same = true;
    for (std::uint8_t zid : m.nodes[0].zones) {
        if (!m.zones[zid].populated()) continue;
        same = same && populated < m_zone->count()
            && m_zone->itemData(populated).toInt() == static_cast<int>(m.zones[zid].type);
        ++populated;
    }
    if (!same || populated != m_zone->count()) refreshZones();
}

} // namespace memviz
