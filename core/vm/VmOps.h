#pragma once
/// Virtual-memory decisions and their application (reference §9–§11).
///
/// Decision code (run) reads the machine and emits events through an Emitter that
/// applies each one before returning, exactly like the buddy allocator. apply() is
/// the only code that changes virtual-memory state.
///
/// Simplifications (the UI says so): one CPU; no kernel half in the user page
/// tables; after a fault the retried access is shown as a TLB fill without a second
/// walk; hardware Accessed/Dirty updates happen on the walk that loads the TLB;
/// dirty page-cache pages are not written back (the page cache is what `cat` reads).
/// Huge pages: PMD-sized only (no 1 GiB pages, none on 2-level x86-32); a transparent
/// huge page is taken from the free lists at the low watermark without reclaim or
/// compaction, read faults map the 4 KiB zero page, there is no khugepaged, and
/// splitting one mapping splits the whole folio at once (every mapping of it, no
/// deferred split); reclaim splits before swapping; hugetlb has no hugetlbfs files,
/// no overcommit (surplus) allocations, per-process rather than per-VMA reservations,
/// and pages of a MAP_SHARED hugetlb mapping faulted after fork() are not shared.

#include "alloc/Buddy.h"
#include "reclaim/Lru.h"
#include "sim/Command.h"
#include "sim/Error.h"
#include "sim/Event.h"
#include "vm/Vm.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace memviz {

struct Machine;
struct MachineConfig;

namespace vm {

/// Boot-time virtual-memory state: the zero page, TLB geometry, global kernel TLB entries.
void boot(Machine& m);

Error validate(const Machine& m, const Command& c);
/// Runs a validated command; `value` receives its result (pid, address, ...).
void run(const Machine& m, Emitter& em, const Command& c, std::uint64_t* value);
void apply(Machine& m, const Event& e);
/// Called by the buddy allocator when a frame of some use is freed (counters follow the state).
void frameReleased(Machine& m, Pfn pfn);

/// __alloc_pages() for the kernel itself (slab, vmalloc, kernel stacks, large kmalloc):
/// 2^order pages from `node`'s zonelist (-1: the node of process pid, or 0), with the
/// slow path (kswapd, direct reclaim, the OOM killer up to PAGE_ALLOC_COSTLY_ORDER).
/// The block is left a Kernel block; nothing when memory ran out.
std::optional<Pfn> allocKernelPages(const Machine& m, Emitter& em, std::uint32_t pid, int order, ZoneType highest,
                                    int node);

/// inactive_is_low(): the inactive list of the type is smaller than the active one
/// over int_sqrt(10 * GiB of the type) (1:1 below 1 GiB, 3:1 at 1 GiB, 10:1 at 10 GiB).
bool inactiveIsLow(const Machine& m, bool file);

/// One kswapd batch over list `l`: shrink_inactive_list() or shrink_active_list() of
/// up to n pages from its tail, with the reference rules of reference §3 (tests).
void shrinkList(const Machine& m, Emitter& em, LruList l, std::uint64_t n);

/// One level of a page walk.
struct WalkStep {
    int level = 0; ///< 0 = top level
    std::uint64_t index = 0; ///< index into the table
    Pfn table = 0; ///< frame of the table
    std::uint64_t entryAddr = 0; ///< physical address of the entry
    std::uint64_t entry = 0; ///< its value
    bool valid = false;
    bool leaf = false; ///< maps the page (last level, or a large page)
    Pfn pfn = 0; ///< frame the entry points at
};

struct WalkResult {
    std::vector<WalkStep> steps;
    bool ok = false;
    bool canonical = true;
    int faultLevel = -1; ///< 0-based level whose entry was not valid
    std::uint64_t paddr = 0;
    std::uint32_t flags = 0; ///< PteFlag bits of the leaf
    int pageShift = 12; ///< of the mapping found (21/22 for large pages)
};

/// Walks the tables rooted at `root` for `va`, reading entries from simulated memory.
WalkResult walk(const Machine& m, Pfn root, std::uint64_t va);
/// walk() with the process's page-table root; root kNoPfn gives ok=false, no steps.
WalkResult translate(const Machine& m, std::uint32_t pid, std::uint64_t va);
/// Entry `index` of the table in frame `table`.
std::uint64_t readEntry(const Machine& m, Pfn table, std::uint64_t index);

/// The TLB lookup the MMU does first: the way holding va's page in its set for the
/// current address space (PCID), or -1 on a miss. Reads only; allocates nothing.
int tlbFind(const Machine& m, std::uint64_t va);
/// The same in the huge-page TLB (2 MiB entries): the way, or -1.
int tlbFindHuge(const Machine& m, std::uint64_t va);
/// The frame the TLB gives for va (either TLB), or kNoPfn on a miss.
Pfn tlbTranslate(const Machine& m, std::uint64_t va);
/// A walk that records nothing (allocates nothing): the physical address, or ~0 when
/// some level's entry is not valid. A huge PMD ends the walk (the PS bit).
std::uint64_t translateAddress(const Machine& m, Pfn root, std::uint64_t va);

/// User address-space geometry of the machine's architecture.
std::uint64_t taskSize(const Machine& m);

/// The path a file name refers to (relative names live in the user's project directory).
std::string absolutePath(const Machine& m, const std::string& name);
/// What `cat` prints for a file: the disk bytes overlaid with newer page-cache contents,
/// up to the file size, without trailing NULs.
std::string fileContents(const Machine& m, std::uint32_t file);
/// The bytes a process would read at [va, va+len) (zeros where nothing is mapped).
std::string readUser(const Machine& m, std::uint32_t pid, std::uint64_t va, std::uint64_t len);

/// The glibc request size for malloc(n): request2size() (header, 16-byte alignment, MINSIZE).
std::uint64_t mallocChunkSize(std::uint64_t n, bool is32bit = false);

} // namespace vm
} // namespace memviz
