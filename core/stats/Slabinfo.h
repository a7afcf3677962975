#pragma once
/// /proc/slabinfo (mm/slab_common.c: print_slabinfo_header, cache_show; get_slabinfo of
/// mm/slab.c or mm/slub.c), version 2.1, caches newest first as the slab_caches list is.

#include <string>

namespace memviz {

struct Machine;

std::string formatSlabinfo(const Machine& m);

} // namespace memviz
