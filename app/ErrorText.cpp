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
/// BadNuma: MachineConfig::validate() says what is wrong in detail and where in a and b.
QString numaText(const Error& e)
{
    if (e.detail == "node-arch")
        return tr("NUMA nodes need a 64-bit x86 preset: 32-bit and textbook machines have a single node");
    if (e.detail == "nodes") return tr("%1 NUMA nodes: memviz supports 1 to %2 nodes").arg(e.a).arg(e.b);
    if (e.detail == "node-ram") {
        if (e.a < 0) return tr("the NUMA nodes' memory adds up to %1, not to the machine's RAM").arg(size(e.b));
        if (e.b < 64 * 1024 * 1024 || e.b % 4096 != 0)
            return tr("NUMA node %1 has %2 of memory: each node needs at least 64 MiB, a whole number of pages")
                .arg(e.a)
                .arg(size(e.b));
        return tr("NUMA node %1 has %2 of memory: too little for the kernel image, the boot allocations and the "
                  "node's memmap with 16 MiB to spare")
            .arg(e.a)
            .arg(size(e.b));
    }
    if (e.detail == "distance") {
        if (e.a < 0) return tr("the distance matrix has %1 rows: it needs one row per NUMA node").arg(e.b);
        if (e.b < 0)
            return tr("row %1 of the distance matrix has the wrong length: it needs one entry per NUMA node").arg(e.a);
        if (e.a == e.b)
            return tr("distance[%1][%1] must be 10 (LOCAL_DISTANCE): a node's distance to itself").arg(e.a);
        return tr("distance[%1][%2] is not valid: a distance between two nodes must be 11 to 255, and the matrix "
                  "symmetric (distance[%1][%2] equal to distance[%2][%1])")
            .arg(e.a)
            .arg(e.b);
    }
    return tr("the NUMA configuration is not valid (%1)").arg(QString::fromStdString(e.detail));
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
        if (e.detail == "kmapped")
            return tr("pfn %1 (0x%2) is still mapped with kmap() or kmap_local_page(): kunmap it before freeing the "
                      "block")
                .arg(e.a)
                .arg(e.a, 0, 16);
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
    case ErrorCode::UnknownCache:
        return tr("there is no slab cache with id %1 (kmem_cache_create() returns the id of a new cache)").arg(e.a);
    case ErrorCode::CacheExists: return tr("a slab cache named \"%1\" exists already").arg(detail);
    case ErrorCode::BadCacheName:
        if (detail.isEmpty()) return tr("a slab cache needs a name");
        return tr("\"%1\" is not a valid slab cache name: it must be 1 to 32 characters, without spaces, colons or "
                  "control characters")
            .arg(detail);
    case ErrorCode::ObjectTooLarge:
        return tr("%1 bytes (%2) is too large: at most %3 (KMALLOC_MAX_SIZE for kmalloc() and slab objects, the "
                  "machine's RAM for vmalloc())")
            .arg(e.a)
            .arg(size(e.a), size(e.b));
    case ErrorCode::BadAlign:
        return tr("alignment %1 is not valid: it must be a power of two and at most the page size").arg(e.a);
    case ErrorCode::NotKernelObject:
        return tr("kfree() / kmem_cache_free() of 0x%1: not an object kmalloc() or kmem_cache_alloc() handed out to "
                  "the script, or it was freed already (double free)")
            .arg(static_cast<qulonglong>(e.a), 0, 16);
    case ErrorCode::WrongCache:
        return tr("0x%1 is an object of the slab cache %2 (\"%3\"), not of the cache given to kmem_cache_free()")
            .arg(static_cast<qulonglong>(e.a), 0, 16)
            .arg(e.b)
            .arg(detail);
    case ErrorCode::UnknownVmArea:
        return tr("vfree(0x%1): not an address vmalloc() returned, or it was freed already (double free)")
            .arg(static_cast<qulonglong>(e.a), 0, 16);
    case ErrorCode::NoVmallocSpace:
        return tr("no free range of %1 (plus a guard page) is left in the kernel's vmalloc area").arg(size(e.a));
    case ErrorCode::KmapFull:
        return tr("all %1 kmap slots are in use (LAST_PKMAP for kmap(), KM_MAX_IDX for kmap_local_page()): kunmap a "
                  "page first; the kernel would wait for a slot")
            .arg(e.a);
    case ErrorCode::NotKmapped:
        return tr("kunmap of 0x%1: no kmap() or kmap_local_page() mapping of that page or address is in use (a "
                  "kmap_local slot can only be released from the top, the most recent first)")
            .arg(static_cast<qulonglong>(e.a), 0, 16);
    case ErrorCode::BadNuma: return numaText(e);
    case ErrorCode::UnknownNode:
        if (e.b <= 1) return tr("there is no NUMA node %1: this machine has one node, node 0").arg(e.a);
        return tr("there is no NUMA node %1: this machine has nodes 0 to %2").arg(e.a).arg(e.b - 1);
    }
    return tr("unknown error");
}

/// errorText() with the values of the machine configuration the error was found in, for
/// MachineConfig::validate()'s errors: the distances or node sizes themselves. (For the
/// callers that hold the config: declare it in ErrorText.h.)
QString errorText(const Error& e, const MachineConfig& config)
{
    if (e.code != ErrorCode::BadNuma) return errorText(e);
    const auto n = static_cast<std::int64_t>(config.distance.size());
    if (e.detail == "distance" && e.a >= 0 && e.b >= 0 && e.a < n && e.b < n) {
        const auto i = static_cast<std::size_t>(e.a), j = static_cast<std::size_t>(e.b);
        if (j >= config.distance[i].size() || i >= config.distance[j].size()) return errorText(e);
        const std::uint32_t d = config.distance[i][j], back = config.distance[j][i];
        if (i == j)
            return tr("distance[%1][%1] is %2, but a node's distance to itself must be 10 (LOCAL_DISTANCE)")
                .arg(e.a)
                .arg(d);
        if (d != back)
            return tr("The distance matrix must be symmetric: distance[%1][%2] is %3 but distance[%2][%1] is %4")
                .arg(e.a)
                .arg(e.b)
                .arg(d)
                .arg(back);
        return tr("distance[%1][%2] is %3: a distance between two different nodes must be 11 to 255")
            .arg(e.a)
            .arg(e.b)
            .arg(d);
    }
    if (e.detail == "node-ram" && e.a < 0)
        return tr("the NUMA nodes' memory adds up to %1, but the machine's RAM is %2")
            .arg(size(e.b), size(static_cast<std::int64_t>(config.ramBytes)));
    return errorText(e);
}

} // namespace memviz
