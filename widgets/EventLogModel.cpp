#include "EventLogModel.h"

#include "EventText.h"
#include "Palette.h"
#include "ViewContext.h"
#include "sim/Simulator.h"
#include "vm/Vm.h"

#include <algorithm>
#include <climits>

namespace memviz {

using namespace Qt::StringLiterals;

namespace {

/// kmem_cache_alloc/free/shrink with the cache named: "kmem_cache_alloc(task_struct)".
QString cacheCommandText(const Command& c, const QString& cache)
{
    switch (c.type) {
    case CommandType::KmemCacheAlloc:
        if (c.node >= 0) return EventLogModel::tr("kmem_cache_alloc_node(%1, node %2)").arg(cache).arg(c.node);
        return EventLogModel::tr("kmem_cache_alloc(%1)").arg(cache);
    case CommandType::KmemCacheFree:
        return EventLogModel::tr("kmem_cache_free(%1, %2)").arg(cache, EventText::hex(c.addr));
    case CommandType::KmemCacheShrink:
        return EventLogModel::tr("kmem_cache_shrink(%1)").arg(cache);
    default:
        return EventLogModel::commandText(c);
    }
}

} // namespace

EventLogModel::EventLogModel(ViewContext* ctx, QObject* parent)
    : QAbstractTableModel(parent)
    , m_ctx(ctx)
{
    connect(m_ctx, &ViewContext::stateChanged, this, &EventLogModel::refresh);
    m_sim = m_ctx->simulator();
    rebuild();
}

int EventLogModel::rowCount(const QModelIndex& parent) const
{
    if (parent.isValid()) return 0;
    const std::uint64_t n = filtered() ? m_rows.size() : m_count;
    return static_cast<int>(std::min<std::uint64_t>(n, INT_MAX));
}

int EventLogModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

std::uint64_t EventLogModel::eventIndex(int row) const
{
    return filtered() ? m_rows[static_cast<std::size_t>(row)] : static_cast<std::uint64_t>(row);
}

int EventLogModel::rowAtOrBefore(std::uint64_t eventIndex) const
{
    if (!filtered()) {
        if (m_count == 0) return -1;
        return static_cast<int>(std::min<std::uint64_t>(eventIndex, m_count - 1));
    }
    const auto it = std::upper_bound(m_rows.begin(), m_rows.end(), eventIndex);
    return it == m_rows.begin() ? -1 : static_cast<int>(it - m_rows.begin()) - 1;
}

QVariant EventLogModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid) || !m_sim) return {};
    const std::uint64_t n = eventIndex(index.row());
    if (n >= m_sim->eventCount()) return {};
    const Event& e = m_sim->events()[n];
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        switch (index.column()) {
        case NumberColumn:
            return role == Qt::DisplayRole ? QVariant(qulonglong(n + 1)) : QVariant();
        case CommandColumn:
            if (e.cmd < m_sim->commands().size()) {
                const Command& c = m_sim->commands()[e.cmd];
                // Caches are never destroyed, so the run's current machine knows every cache id of it.
                const auto& caches = m_sim->current().kmem.caches;
                const bool byCache = c.type == CommandType::KmemCacheAlloc || c.type == CommandType::KmemCacheFree
                    || c.type == CommandType::KmemCacheShrink;
                if (byCache && c.pfn < caches.size())
                    return tr("#%1 %2")
                        .arg(e.cmd + 1)
                        .arg(cacheCommandText(c, QString::fromStdString(m_sim->current().str(caches[c.pfn].name))));
                return tr("#%1 %2").arg(e.cmd + 1).arg(commandText(c));
            }
            return QVariant();
        case TypeColumn:
            return EventText::typeName(e.type);
        // Summaries read only static machine facts and names given once (file paths), so the
        // run's current machine, which knows every file of the run, serves every row.
        case SummaryColumn:
            return EventText::summary(m_sim->current(), e);
        }
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == NumberColumn) return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::ForegroundRole:
        if ((e.type == EventType::AllocFailed || e.type == EventType::OomKill || e.type == EventType::KernelPanic)
            && index.column() == TypeColumn)
            return Palette::highlight();
        return {};
    case EventIndexRole:
        return qulonglong(n);
    case EventTypeRole:
        return static_cast<int>(e.type);
    default:
        return {};
    }
}

QVariant EventLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NumberColumn:
        return tr("#");
    case CommandColumn:
        return tr("Command");
    case TypeColumn:
        return tr("Event");
    case SummaryColumn:
        return tr("What happens");
    }
    return {};
}

QString EventLogModel::commandText(const Command& c)
{
    switch (c.type) {
    case CommandType::AllocPages:
        if (c.node >= 0)
            return tr("alloc_pages_node(node %1, order %2, %3)").arg(c.node).arg(c.order).arg(EventText::zoneName(c.zone));
        return tr("alloc_pages(order %1, %2)").arg(c.order).arg(EventText::zoneName(c.zone));
    case CommandType::FreePages:
        return tr("free_pages(%1, order %2)").arg(EventText::pfn(c.pfn)).arg(c.order);
    case CommandType::Spawn:
        if (c.node >= 0) return tr("spawn \"%1\" on node %2").arg(QString::fromStdString(c.text)).arg(c.node);
        return tr("spawn \"%1\"").arg(QString::fromStdString(c.text));
    case CommandType::Fork:
        return tr("fork() in PID %1").arg(c.pid);
    case CommandType::Exit:
        return tr("exit(%1) in PID %2").arg(c.len).arg(c.pid);
    case CommandType::Mmap: {
        const QString hint = c.addr ? EventText::hex(c.addr) : u"NULL"_s;
        const QString prot = EventText::protection(c.prot);
        const QString len = EventText::bytes(c.len);
        const bool shared = c.mapFlags & MapFlag::Shared;
        if (c.text.empty())
            return shared ? tr("mmap(%1, %2, %3, shared anonymous) in PID %4").arg(hint, len, prot).arg(c.pid)
                          : tr("mmap(%1, %2, %3, private anonymous) in PID %4").arg(hint, len, prot).arg(c.pid);
        const QString file = QString::fromStdString(c.text);
        const QString offset = QString::number(c.offset), pid = QString::number(c.pid);
        return shared
            ? tr("mmap(%1, %2, %3, shared, \"%4\" at offset %5) in PID %6").arg(hint, len, prot, file, offset, pid)
            : tr("mmap(%1, %2, %3, private, \"%4\" at offset %5) in PID %6").arg(hint, len, prot, file, offset, pid);
    }
    case CommandType::Munmap:
        return tr("munmap(%1, %2) in PID %3").arg(EventText::hex(c.addr), EventText::bytes(c.len)).arg(c.pid);
    case CommandType::Mprotect:
        return tr("mprotect(%1, %2, %3) in PID %4")
            .arg(EventText::hex(c.addr), EventText::bytes(c.len), EventText::protection(c.prot))
            .arg(c.pid);
    case CommandType::Brk:
        return tr("brk(%1) in PID %2").arg(EventText::hex(c.addr)).arg(c.pid);
    case CommandType::Access:
        if (!c.data.empty())
            return tr("write %1 bytes at %2 in PID %3").arg(c.data.size()).arg(EventText::hex(c.addr)).arg(c.pid);
        if (c.write)
            return tr("write %1 at %2 in PID %3").arg(EventText::bytes(c.len), EventText::hex(c.addr)).arg(c.pid);
        return tr("read %1 at %2 in PID %3").arg(EventText::bytes(c.len), EventText::hex(c.addr)).arg(c.pid);
    case CommandType::Malloc:
        return tr("malloc(%1) in PID %2").arg(c.len).arg(c.pid);
    case CommandType::Free:
        return tr("free(%1) in PID %2").arg(EventText::hex(c.addr)).arg(c.pid);
    case CommandType::FileCreate:
        return tr("create file \"%1\" (%2)").arg(QString::fromStdString(c.text), EventText::bytes(c.len));
    case CommandType::PhysWrite:
        return tr("write %1 bytes at physical %2").arg(c.data.size()).arg(EventText::hex(c.addr));
    case CommandType::SetPageTableBase:
        return tr("set CR3 to frame %1").arg(EventText::pfn(c.pfn));
    case CommandType::Translate:
        if (c.pid == 0) return tr("translate %1 from CR3").arg(EventText::hex(c.addr));
        return tr("translate %1 in PID %2").arg(EventText::hex(c.addr)).arg(c.pid);
    case CommandType::Switch:
        return tr("switch to PID %1").arg(c.pid);
    case CommandType::SetSysctl:
        return tr("sysctl %1 = %2").arg(QString::fromStdString(c.text)).arg(c.len);
    case CommandType::Sleep:
        return tr("sleep %1").arg(EventText::duration(c.len));
    case CommandType::SwapOn:
        if (c.write)
            return tr("swapon -p %1 %2 (%3)")
                .arg(static_cast<std::int64_t>(c.addr))
                .arg(QString::fromStdString(c.text), EventText::bytes(c.len));
        return tr("swapon %1 (%2)").arg(QString::fromStdString(c.text), EventText::bytes(c.len));
    case CommandType::SetOomScoreAdj:
        return tr("echo %1 > /proc/%2/oom_score_adj").arg(static_cast<std::int64_t>(c.addr)).arg(c.pid);
    case CommandType::DropCaches:
        return tr("echo %1 > /proc/sys/vm/drop_caches").arg(c.len);
    case CommandType::Madvise: {
        const QString advice = c.mapFlags == Madv::HugePage ? u"MADV_HUGEPAGE"_s
            : c.mapFlags == Madv::NoHugePage                ? u"MADV_NOHUGEPAGE"_s
            : c.mapFlags == Madv::DontNeed                  ? u"MADV_DONTNEED"_s
                                                            : QString::number(c.mapFlags);
        return tr("madvise(%1, %2, %3) in PID %4").arg(EventText::hex(c.addr), EventText::bytes(c.len), advice).arg(c.pid);
    }
    case CommandType::KmemCacheCreate:
        if (c.step)
            return tr("kmem_cache_create(\"%1\", %2, align %3)")
                .arg(QString::fromStdString(c.text))
                .arg(c.len)
                .arg(c.step);
        return tr("kmem_cache_create(\"%1\", %2)").arg(QString::fromStdString(c.text)).arg(c.len);
    case CommandType::KmemCacheAlloc:
    case CommandType::KmemCacheFree:
    case CommandType::KmemCacheShrink:
        return cacheCommandText(c, tr("cache %1").arg(c.pfn));
    case CommandType::Kmalloc:
        if (c.node >= 0) return tr("kmalloc_node(%1, node %2)").arg(c.len).arg(c.node);
        return tr("kmalloc(%1)").arg(c.len);
    case CommandType::Kfree:
        return tr("kfree(%1)").arg(EventText::hex(c.addr));
    case CommandType::Vmalloc:
        if (c.node >= 0) return tr("vmalloc_node(%1, node %2)").arg(EventText::bytes(c.len)).arg(c.node);
        return tr("vmalloc(%1)").arg(EventText::bytes(c.len));
    case CommandType::Vfree:
        return tr("vfree(%1)").arg(EventText::hex(c.addr));
    case CommandType::Kmap:
        if (c.write) return tr("kmap_local_page(pfn %1)").arg(EventText::pfn(c.pfn));
        return tr("kmap(pfn %1)").arg(EventText::pfn(c.pfn));
    case CommandType::Kunmap:
        if (c.write) return tr("kunmap_local(%1)").arg(EventText::hex(c.addr));
        return tr("kunmap(pfn %1)").arg(EventText::pfn(c.pfn));
    }
    return QString();
}


std::uint64_t EventLogModel::typesMatching(const QString& text)
{
    const QString needle = text.trimmed();
    if (needle.isEmpty()) return allTypes();
    std::uint64_t mask = 0;
    for (int t = 0; t < static_cast<int>(EventType::Count); ++t) {
        const auto type = static_cast<EventType>(t);
        const std::string_view raw = eventTypeName(type);
        const QString internal = QString::fromLatin1(raw.data(), static_cast<qsizetype>(raw.size()));
        if (EventText::typeName(type).contains(needle, Qt::CaseInsensitive)
            || internal.contains(needle, Qt::CaseInsensitive))
            mask |= 1ull << t;
    }
    return mask;
}

void EventLogModel::setTypeFilter(std::uint64_t mask)
{
    mask &= allTypes();
    if (mask == m_mask) return;
    beginResetModel();
    m_mask = mask;
    m_rows.clear();
    if (m_sim && filtered())
        for (std::uint64_t i = 0; i < m_count; ++i)
            if (m_mask & (1ull << static_cast<int>(m_sim->events()[i].type)))
                m_rows.push_back(static_cast<std::uint32_t>(i));
    endResetModel();
}

bool EventLogModel::sameEvent(const Event& a, const Event& b) const
{
    return a.type == b.type && a.zone == b.zone && a.order == b.order && a.cmd == b.cmd && a.flags == b.flags
        && a.time == b.time && a.pfn == b.pfn && a.a == b.a && a.b == b.b && a.c == b.c;
}

void EventLogModel::rebuild()
{
    m_count = m_sim ? m_sim->eventCount() : 0;
    if (m_count) m_last = m_sim->events()[m_count - 1];
    m_rows.clear();
    if (m_sim && filtered())
        for (std::uint64_t i = 0; i < m_count; ++i)
            if (m_mask & (1ull << static_cast<int>(m_sim->events()[i].type)))
                m_rows.push_back(static_cast<std::uint32_t>(i));
}

void EventLogModel::refresh()
{
    const Simulator* sim = m_ctx->simulator();
    const std::uint64_t n = sim ? sim->eventCount() : 0;
    const bool sameRun
        = sim == m_sim && n >= m_count && (m_count == 0 || sameEvent(sim->events()[m_count - 1], m_last));
    if (!sameRun) {
        beginResetModel();
        m_sim = sim;
        rebuild();
        endResetModel();
        return;
    }
    if (n == m_count) return;
    // Appended events: new rows at the end.
    if (!filtered()) {
        beginInsertRows({}, static_cast<int>(m_count), static_cast<int>(std::min<std::uint64_t>(n, INT_MAX) - 1));
        m_count = n;
        m_last = sim->events()[n - 1];
        endInsertRows();
        return;
    }
    std::vector<std::uint32_t> added;
    for (std::uint64_t i = m_count; i < n; ++i)
        if (m_mask & (1ull << static_cast<int>(sim->events()[i].type))) added.push_back(static_cast<std::uint32_t>(i));
    m_count = n;
    m_last = sim->events()[n - 1];
    if (added.empty()) return;
    const int first = static_cast<int>(m_rows.size());
    beginInsertRows({}, first, first + static_cast<int>(added.size()) - 1);
    m_rows.insert(m_rows.end(), added.begin(), added.end());
    endInsertRows();
}

void EventLogModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (rowCount() > 0) emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

} // namespace memviz
