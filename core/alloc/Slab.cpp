// PLACEHOLDER: being written by the lead in this session.
#include "alloc/KmemOps.h"
#include "sim/Machine.h"

namespace memviz::kmem {
SlabGeometry slabGeometry(SlabKind, std::uint64_t, std::uint64_t, int, bool, std::uint64_t, std::uint64_t, std::uint32_t) { return {}; }
std::uint32_t kmallocSize(SlabKind, std::uint64_t) { return 0; }
std::uint32_t objectCache(const Machine&, std::uint64_t, Pfn*, std::uint32_t*) { return kNoCache; }
std::uint64_t objectAddress(const Machine&, Pfn, std::uint32_t) { return 0; }
}
namespace memviz::kmem::detail {
void bootSlab(Machine&) {}
Error validateSlab(const Machine&, const Command&) { return Error{ErrorCode::UnknownCache, 0, 0, {}}; }
void runSlab(const Machine&, Emitter&, const Command&, std::uint64_t*) {}
void applySlab(Machine&, const Event&) {}
std::optional<std::uint64_t> cacheAlloc(const Machine&, Emitter&, std::uint32_t, int, std::uint32_t) { return 1; }
void cacheFree(const Machine&, Emitter&, std::uint32_t, std::uint64_t, std::uint32_t) {}
} // namespace memviz::kmem::detail
