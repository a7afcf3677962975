#include "reclaim/Replacement.h"

#include <algorithm>
#include <cctype>
#include <deque>
#include <string>

namespace memviz {

std::string_view replPolicyName(ReplPolicy p)
{
    switch (p) {
    case ReplPolicy::Fifo: return "FIFO";
    case ReplPolicy::Lru: return "LRU";
    case ReplPolicy::Opt: return "OPT";
    case ReplPolicy::Clock: return "CLOCK";
    case ReplPolicy::Linux: return "LINUX";
    }
    return "?";
}

bool replPolicyFromName(std::string_view name, ReplPolicy* out)
{
    std::string up(name);
    for (char& c : up) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    for (ReplPolicy p : { ReplPolicy::Fifo, ReplPolicy::Lru, ReplPolicy::Opt, ReplPolicy::Clock, ReplPolicy::Linux })
        if (replPolicyName(p) == up) {
            *out = p;
            return true;
        }
    return false;
}

ReplResult simulateReplacement(ReplPolicy policy, int frames, const std::vector<std::int64_t>& refs)
{
    ReplResult r;
    if (frames < 1) return r;
    const auto n = static_cast<std::size_t>(frames);
    std::vector<std::int64_t> frame(n, kNoPage);
    std::vector<std::uint64_t> loaded(n, 0), used(n, 0); // FIFO / LRU stamps
    std::vector<bool> use(n, false), act(n, false);      // CLOCK use bits; LINUX PG_referenced, active list
    std::deque<std::size_t> inactive, activeList;        // LINUX: frame indices, front = head
    std::size_t hand = 0;
    auto slotOf = [&](std::int64_t page) -> int {
        for (std::size_t i = 0; i < n; ++i)
            if (frame[i] == page) return static_cast<int>(i);
        return -1;
    };
    auto remove = [](std::deque<std::size_t>& d, std::size_t s) { d.erase(std::find(d.begin(), d.end(), s)); };
    for (std::size_t t = 0; t < refs.size(); ++t) {
        const std::int64_t page = refs[t];
        ReplStep st;
        st.ref = page;
        int s = slotOf(page);
        if (s >= 0) {
            st.hit = true;
            ++r.hits;
            const auto i = static_cast<std::size_t>(s);
            used[i] = t + 1;
            if (policy == ReplPolicy::Clock) use[i] = true;
            if (policy == ReplPolicy::Linux) {
                // mark_page_accessed(): a second access to a referenced inactive page activates it.
                if (!act[i] && use[i]) {
                    remove(inactive, i);
                    activeList.push_front(i);
                    act[i] = true;
                    use[i] = false;
                } else {
                    use[i] = true;
                }
            }
        } else {
            ++r.misses;
            // A free frame first (the lowest), else the policy's victim.
            std::size_t victim = n;
            for (std::size_t i = 0; i < n; ++i)
                if (frame[i] == kNoPage) {
                    victim = i;
                    break;
                }
            if (victim == n) {
                switch (policy) {
                case ReplPolicy::Fifo:
                    victim = static_cast<std::size_t>(std::min_element(loaded.begin(), loaded.end()) - loaded.begin());
                    break;
                case ReplPolicy::Lru:
                    victim = static_cast<std::size_t>(std::min_element(used.begin(), used.end()) - used.begin());
                    break;
                case ReplPolicy::Opt: {
                    // The page used again farthest in the future; never again beats any distance
                    // (the first such frame wins a tie).
                    std::size_t best = 0, bestNext = 0;
                    for (std::size_t i = 0; i < n; ++i) {
                        std::size_t next = refs.size() + 1;
                        for (std::size_t u = t + 1; u < refs.size(); ++u)
                            if (refs[u] == frame[i]) {
                                next = u;
                                break;
                            }
                        if (next > bestNext) best = i, bestNext = next;
                    }
                    victim = best;
                    break;
                }
                case ReplPolicy::Clock:
                    while (use[hand]) {
                        use[hand] = false;
                        hand = (hand + 1) % n;
                    }
                    victim = hand;
                    hand = (hand + 1) % n;
                    break;
                case ReplPolicy::Linux: {
                    // shrink_active_list() keeps the inactive list at least as long as the active
                    // one (inactive_is_low with ratio 1 on a small machine): deactivated pages go
                    // to the inactive head without PG_referenced. Then shrink_inactive_list() from
                    // the tail: a referenced page gets a second round at the head.
                    while (inactive.size() < activeList.size()) {
                        const std::size_t d = activeList.back();
                        activeList.pop_back();
                        act[d] = false;
                        use[d] = false;
                        inactive.push_front(d);
                    }
                    for (;;) {
                        const std::size_t tail = inactive.back();
                        inactive.pop_back();
                        if (use[tail]) {
                            use[tail] = false;
                            inactive.push_front(tail);
                            continue;
                        }
                        victim = tail;
                        break;
                    }
                    break;
                }
                }
                st.victim = frame[victim];
            }
            frame[victim] = page;
            loaded[victim] = used[victim] = t + 1;
            if (policy == ReplPolicy::Clock) use[victim] = true;
            if (policy == ReplPolicy::Linux) {
                if (act[victim]) remove(activeList, victim);
                else if (std::find(inactive.begin(), inactive.end(), victim) != inactive.end()) remove(inactive, victim);
                act[victim] = false;
                use[victim] = false;
                inactive.push_front(victim); // new pages start on the inactive list (lru_cache_add)
            }
            s = static_cast<int>(victim);
        }
        st.slot = s;
        st.frames = frame;
        if (policy == ReplPolicy::Clock || policy == ReplPolicy::Linux) st.useBits = use;
        if (policy == ReplPolicy::Linux) st.active = act;
        if (policy == ReplPolicy::Clock) st.hand = static_cast<int>(hand);
        r.steps.push_back(std::move(st));
    }
    return r;
}

} // namespace memviz
