#pragma once
/// Consistency of the slab allocator and kmalloc (part of checkMachine).

#include "check/Checker.h"

#include <vector>

namespace memviz {

/// Every slab's frames, objects and list; every cache's counts; large kmalloc pages;
/// task_structs of live processes.
void checkSlab(const Machine& m, std::vector<Finding>& out);

} // namespace memviz
