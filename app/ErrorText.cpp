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
    case ErrorCode::PfnOutOfRange:
        // Translate from CR3 before any page-table base was set.
        if (e.a < 0) return tr("CR3 holds no page table yet: set the page-table base first");
        return tr("pfn %1 (0x%2) is beyond the end of physical memory").arg(e.a).arg(e.a, 0, 16);
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
    case ErrorCode::UnknownPid: return tr("there is no process with PID %1").arg(e.a);
    case ErrorCode::ProcessDead:
        return tr("process %1 has ended (it exited or was killed), so it cannot do anything any more").arg(e.a);
    case ErrorCode::BadLength:
        return tr("length %1 is not valid: it must be more than 0 and fit in the address space").arg(e.a);
    case ErrorCode::BadAddress:
        return tr("address 0x%1 is not valid here: it must be a multiple of the page size and lie in user space")
            .arg(static_cast<qulonglong>(e.a), 0, 16);
    case ErrorCode::NoAddressSpace:
        return tr("no free range of %1 is left in the process's address space (ENOMEM)").arg(size(e.a));
    case ErrorCode::UnknownFile:
        if (detail.isEmpty()) return tr("a file name is missing");
        return tr("there is no file \"%1\"").arg(detail);
    case ErrorCode::FileExists: return tr("the file \"%1\" exists already").arg(detail);
    case ErrorCode::NotMallocPointer:
        return tr("free(0x%1): malloc() did not return this pointer, or it was freed already (double free)")
            .arg(static_cast<qulonglong>(e.a), 0, 16);
    case ErrorCode::PhysOutOfRange:
        return tr("the write reaches physical address 0x%1, beyond the end of physical memory (%2)")
            .arg(static_cast<qulonglong>(e.a), 0, 16)
            .arg(size(e.b));
    case ErrorCode::NeedsProcesses:
        return tr("this needs processes, and custom textbook machines have none: choose an x86 preset");
    case ErrorCode::OutOfMemory:
        return tr("out of memory: the command needs %1 more pages (page tables for a new process) and none are free")
            .arg(e.a);
    case ErrorCode::NotMapped:
        return tr("nothing is mapped in part of 0x%1–0x%2: munmap() and mprotect() need the whole range to be mapped")
            .arg(QString::number(static_cast<quint64>(e.a), 16), QString::number(static_cast<quint64>(e.b), 16));
    case ErrorCode::Panicked:
        return tr("the kernel has panicked: this machine runs nothing more (step back before the panic, or start a "
                  "new machine)");
    case ErrorCode::BadOomScoreAdj: return tr("oom_score_adj %1 is out of range: it must be between -1000 and 1000").arg(e.a);
    case ErrorCode::SwapExists: return tr("swap area \"%1\" is already in use").arg(detail);
    case ErrorCode::TooManySwapAreas: return tr("no more swap areas: Linux allows at most %1").arg(e.a);
    case ErrorCode::BadDropCaches:
        return tr("drop_caches takes 1 (page cache), 2 (reclaimable slab) or 3 (both), not %1").arg(e.a);
    case ErrorCode::BadDuration:
        return tr("a sleep of %1 ns is not valid: it must be more than 0 and at most one day").arg(e.a);
    }
    return tr("unknown error");
}

} // namespace memviz
