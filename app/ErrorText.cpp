#include "ErrorText.h"

#include "sim/MachineConfig.h"
#include "util/Size.h"

#include <QCoreApplication>

namespace memviz {

namespace {
// lupdate files calls of this helper under the context "memviz" (the enclosing namespace).
QString tr(const char* s) { return QCoreApplication::translate("memviz", s); }
QString size(std::int64_t b) { return QString::fromStdString(formatSize(static_cast<std::uint64_t>(b))); }
QString presets()
{
    QStringList names;
    for (const auto& n : MachineConfig::presetNames()) names << QString::fromStdString(n);
    return names.join(QStringLiteral(", "));
}
} // namespace

QString errorText(const Error& e)
{
    const QString detail = QString::fromStdString(e.detail);
    switch (e.code) {
    case ErrorCode::None: return {};
    case ErrorCode::UnknownPreset: return tr("unknown preset \"%1\" (known presets: %2)").arg(detail, presets());
    case ErrorCode::BadSize:
        return tr("\"%1\" is not a size: write a number of bytes or a number with K, M, G or T, e.g. \"512M\" or \"8G\"")
            .arg(detail);
    case ErrorCode::RamTooSmall: return tr("RAM of %1 is too small for this machine: it needs at least %2").arg(size(e.a), size(e.b));
    case ErrorCode::RamTooLarge: return tr("RAM of %1 is too large for this architecture: at most %2").arg(size(e.a), size(e.b));
    case ErrorCode::SwapTooLarge: return tr("swap of %1 is too large: at most %2").arg(size(e.a), size(e.b));
    case ErrorCode::BadSysctl: return tr("%1 = %2 is out of range").arg(detail).arg(e.a);
    case ErrorCode::OrderOutOfRange:
        return tr("order %1 is out of range: the buddy allocator has orders 0 to %2 (MAX_PAGE_ORDER)").arg(e.a).arg(e.b);
    case ErrorCode::UnknownZone: return tr("this machine has no zone \"%1\"").arg(detail);
    case ErrorCode::ZoneNotPopulated: return tr("zone %1 has no memory on this machine").arg(detail);
    case ErrorCode::PfnOutOfRange: return tr("pfn %1 (0x%2) is beyond the end of physical memory").arg(e.a).arg(e.a, 0, 16);
    case ErrorCode::NotAllocated:
        return tr("pfn %1 (0x%2) is not an allocated block: it is free already or was never allocated (double free?)")
            .arg(e.a)
            .arg(e.a, 0, 16);
    case ErrorCode::OrderMismatch:
        return tr("the block at pfn %1 (0x%2) was allocated with order %3, not order %4")
            .arg(e.a)
            .arg(e.a, 0, 16)
            .arg(detail)
            .arg(e.b);
    case ErrorCode::NotBlockHead:
        return tr("pfn %1 (0x%2) is inside the block that starts at pfn %3 (0x%4): free the block by its first frame")
            .arg(e.a)
            .arg(e.a, 0, 16)
            .arg(e.b)
            .arg(e.b, 0, 16);
    case ErrorCode::BadArchSpec:
        return tr("custom architecture: %1 = %2 does not fit (the page size must be a power of two, each level "
                  "1 to 20 index bits, entries 1, 2, 4 or 8 bytes, the valid bit outside the frame number, and the "
                  "frame number wide enough for every frame)")
            .arg(detail)
            .arg(e.a);
    }
    return tr("unknown error");
}

} // namespace memviz
