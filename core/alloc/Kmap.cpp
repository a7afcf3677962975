// PLACEHOLDER until the kmap helper lands (replaced in this session).
#include "alloc/KmemOps.h"
#include "sim/Machine.h"

namespace memviz::kmem::detail {
void bootKmap(Machine&) {}
Error validateKmap(const Machine&, const Command& c) { return Error{ErrorCode::NotKmapped, static_cast<std::int64_t>(c.pfn), 0, {}}; }
void runKmap(const Machine&, Emitter&, const Command&, std::uint64_t*) {}
void applyKmap(Machine&, const Event&) {}
} // namespace memviz::kmem::detail
