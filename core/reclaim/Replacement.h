#pragma once
/// The page-replacement lab (issue 6): a reference string replayed against a fixed number
/// of frames under the textbook policies and the kernel's two-list LRU, one record per
/// access. Pure functions over plain values: the lab view and scripts (lab.replacement)
/// draw and print them; nothing here touches a Machine.

#include <cstdint>
#include <string_view>
#include <vector>

namespace memviz {

enum class ReplPolicy : std::uint8_t {
    Fifo,  ///< evict the page loaded longest ago
    Lru,   ///< evict the page used longest ago
    Opt,   ///< Belady's optimum: evict the page whose next use is farthest (never again counts as farthest)
    Clock, ///< second chance: a hand sweeps the frames, clearing use bits, and evicts the first page without one
    Linux, ///< the kernel's active/inactive lists with PG_referenced (reference §3), on a handful of frames
};

std::string_view replPolicyName(ReplPolicy p); ///< "FIFO", "LRU", "OPT", "CLOCK", "LINUX"
bool replPolicyFromName(std::string_view name, ReplPolicy* out); ///< case-insensitive

inline constexpr std::int64_t kNoPage = -1;

struct ReplStep {
    std::int64_t ref = 0;            ///< the page referenced
    bool hit = false;
    std::int64_t victim = kNoPage;   ///< the page evicted to make room (kNoPage: none)
    int slot = -1;                   ///< the frame the page is in after the access
    std::vector<std::int64_t> frames; ///< each frame's page after the access (kNoPage: empty)
    std::vector<bool> useBits;       ///< CLOCK: each frame's use bit; LINUX: PG_referenced by frame
    std::vector<bool> active;        ///< LINUX: the frame's page is on the active list
    int hand = -1;                   ///< CLOCK: where the hand points after the access
};

struct ReplResult {
    std::vector<ReplStep> steps;
    std::uint64_t hits = 0, misses = 0;
};

/// Replays `refs` (page numbers ≥ 0) on `frames` frames (1..64) under `policy`.
ReplResult simulateReplacement(ReplPolicy policy, int frames, const std::vector<std::int64_t>& refs);

} // namespace memviz
