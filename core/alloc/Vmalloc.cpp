// PLACEHOLDER until the vmalloc helper lands (replaced in this session).
#include "alloc/KmemOps.h"
#include "sim/Machine.h"

namespace memviz::kmem::detail {
void bootVmalloc(Machine&) {}
Error validateVmalloc(const Machine&, const Command& c) { return Error{ErrorCode::UnknownVmArea, static_cast<std::int64_t>(c.addr), 0, {}}; }
void runVmalloc(const Machine&, Emitter&, const Command&, std::uint64_t*) {}
void applyVmalloc(Machine&, const Event&) {}
std::optional<std::uint64_t> allocStack(const Machine&, Emitter&, std::uint32_t) { return 1; }
void freeStack(const Machine&, Emitter&, std::uint32_t) {}
} // namespace memviz::kmem::detail
