// memviz_bench: bytes of simulator state per frame, buddy alloc/free throughput
// (with and without event recording, beside a naive baseline) and seek latency.
//
// Prints one "name value" line per measurement, with a comment line above each
// group. Timing uses std::chrono::steady_clock; every workload is seeded, so two
// runs do the same work.

#include "sim/Simulator.h"
#include "vm/VmOps.h"
#include "util/Size.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <unordered_map>
#include <vector>

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace memviz;

namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point t0)
{
    return std::chrono::duration<double>(Clock::now() - t0).count();
}

/// splitmix64: portable and fast.
struct Rng {
    std::uint64_t s;
    std::uint64_t next()
    {
        std::uint64_t z = (s += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    std::uint64_t below(std::uint64_t n) { return next() % n; }
};

/// Orders 0..3 weighted 8:4:2:1, as small kernel allocations dominate.
int mixedOrder(Rng& r)
{
    const std::uint64_t x = r.below(15);
    return x < 8 ? 0 : x < 12 ? 1 : x < 14 ? 2 : 3;
}

/// Debug builds check the whole machine after every command; a benchmark measures
/// the simulator without that (compiles with or without the switch).
template <class Sim> void skipPerCommandCheck(Sim& s)
{
    if constexpr (requires { s.setCheckAfterEachCommand(false); }) s.setCheckAfterEachCommand(false);
}

/// Frame-table bytes the checkpoints keep alive, where the simulator reports it.
template <class Sim> double checkpointMiB(const Sim& s)
{
    if constexpr (requires { s.checkpointBytes(); })
        return static_cast<double>(s.checkpointBytes()) / MiB;
    else
        return -1;
}

Simulator bootOrDie(const char* preset, std::uint64_t ram)
{
    auto cfg = std::get<MachineConfig>(MachineConfig::fromPreset(preset));
    if (ram) cfg.ramBytes = ram;
    auto v = Simulator::create(cfg);
    if (!std::holds_alternative<Simulator>(v)) {
        std::fprintf(stderr, "cannot boot %s\n", preset);
        std::exit(1);
    }
    Simulator s = std::get<Simulator>(std::move(v));
    skipPerCommandCheck(s);
    return s;
}

struct Block {
    Pfn pfn;
    int order;
};

/// Alloc+free pairs through the simulator: keep about `live` blocks allocated; each
/// pair allocates one block of a mixed order and frees a random live one.
double simPairsPerSecond(Simulator& s, std::uint64_t pairs, std::size_t live, std::uint64_t* events)
{
    Rng rng { 12345 };
    std::vector<Block> held;
    held.reserve(live + 1);
    for (std::size_t i = 0; i < live; ++i) {
        const int o = mixedOrder(rng);
        if (auto p = s.apply(Command::allocPages(o)).pfn) held.push_back({ *p, o });
    }
    const std::uint64_t e0 = s.eventCount();
    const auto t0 = Clock::now();
    for (std::uint64_t i = 0; i < pairs; ++i) {
        const int o = mixedOrder(rng);
        if (auto p = s.apply(Command::allocPages(o)).pfn) held.push_back({ *p, o });
        const std::size_t k = static_cast<std::size_t>(rng.below(held.size()));
        s.apply(Command::freePages(held[k].pfn, held[k].order));
        held[k] = held.back();
        held.pop_back();
    }
    const double dt = secondsSince(t0);
    *events = s.eventCount() - e0;
    return static_cast<double>(pairs) / dt;
}

/// The baseline: a textbook buddy allocator with one std::vector<uint64_t> stack of
/// free block addresses per order, and no frame table. Allocation pops the smallest
/// non-empty order and pushes the upper halves while splitting; freeing looks for
/// the buddy (pfn ^ 2^order) by a linear search of that order's vector and merges
/// while it finds it. No zones, watermarks, events or checks.
class NaiveBuddy {
public:
    void add(Pfn p, int order) { m_free[static_cast<std::size_t>(order)].push_back(p); }
    bool alloc(int order, Pfn* out)
    {
        int cur = order;
        while (cur <= kMaxOrder && m_free[static_cast<std::size_t>(cur)].empty()) ++cur;
        if (cur > kMaxOrder) return false;
        const Pfn p = m_free[static_cast<std::size_t>(cur)].back();
        m_free[static_cast<std::size_t>(cur)].pop_back();
        while (cur > order) {
            --cur;
            m_free[static_cast<std::size_t>(cur)].push_back(p + (Pfn(1) << cur));
        }
        *out = p;
        return true;
    }
    void free(Pfn p, int order)
    {
        while (order < kMaxOrder) {
            auto& list = m_free[static_cast<std::size_t>(order)];
            const auto it = std::find(list.begin(), list.end(), p ^ (Pfn(1) << order));
            if (it == list.end()) break;
            *it = list.back();
            list.pop_back();
            p &= ~(Pfn(1) << order);
            ++order;
        }
        m_free[static_cast<std::size_t>(order)].push_back(p);
    }

private:
    std::array<std::vector<Pfn>, kNrOrders> m_free;
};

double naivePairsPerSecond(const Machine& m, std::uint64_t pairs, std::size_t live)
{
    // The same free memory as the simulator's Normal zone at boot.
    NaiveBuddy b;
    const Zone& z = m.zones[m.zoneId(ZoneType::Normal)];
    for (int o = 0; o < kNrOrders; ++o)
        for (std::uint32_t p = z.freeArea[static_cast<std::size_t>(o)].head; p != kNil; p = m.frames.next(p))
            b.add(p, o);
    Rng rng { 12345 };
    std::vector<Block> held;
    Pfn p = 0;
    for (std::size_t i = 0; i < live; ++i) {
        const int o = mixedOrder(rng);
        if (b.alloc(o, &p)) held.push_back({ p, o });
    }
    const auto t0 = Clock::now();
    for (std::uint64_t i = 0; i < pairs; ++i) {
        const int o = mixedOrder(rng);
        if (b.alloc(o, &p)) held.push_back({ p, o });
        const std::size_t k = static_cast<std::size_t>(rng.below(held.size()));
        b.free(held[k].pfn, held[k].order);
        held[k] = held.back();
        held.pop_back();
    }
    return static_cast<double>(pairs) / secondsSince(t0);
}

/// The notes' cow.cpp for real, in this process: malloc 100 MiB, write one byte per page,
/// fork; the child writes one byte per page (a COW fault each) and exits; the parent waits.
double realCowSeconds()
{
    const std::size_t size = 100 * MiB;
    const auto t0 = Clock::now();
    char* p = static_cast<char*>(std::malloc(size));
    if (!p) return -1;
    for (std::size_t i = 0; i < size; i += 4096) p[i] = 0;
    const pid_t child = fork();
    if (child == 0) {
        for (std::size_t i = 0; i < size; i += 4096) p[i] = 1;
        _exit(0);
    }
    int status = 0;
    waitpid(child, &status, 0);
    const double dt = secondsSince(t0);
    std::free(p);
    return dt;
}

Command vmc(CommandType t, std::uint32_t pid)
{
    Command c = vmCommand(t, pid);
    return c;
}

/// The same experiment in the simulator (events recorded), from the process's malloc on.
double simulatedCowSeconds(std::uint64_t* events, bool recording = true)
{
    Simulator s = bootOrDie("seed-8g", 0);
    s.setRecording(recording);
    Command sp = vmc(CommandType::Spawn, 0);
    sp.text = "cow";
    const auto pid = static_cast<std::uint32_t>(s.apply(sp).value);
    const std::uint64_t e0 = s.eventCount();
    const auto t0 = Clock::now();
    Command m = vmc(CommandType::Malloc, pid);
    m.len = 100 * MiB;
    const std::uint64_t buf = s.apply(m).value;
    Command touch = vmc(CommandType::Access, pid);
    touch.addr = buf;
    touch.len = 100 * MiB;
    touch.write = true;
    s.apply(touch);
    const auto child = static_cast<std::uint32_t>(s.apply(vmc(CommandType::Fork, pid)).value);
    touch.pid = child;
    s.apply(touch);
    s.apply(vmc(CommandType::Exit, child));
    const double dt = secondsSince(t0);
    *events = s.eventCount() - e0;
    return dt;
}

/// Issue 4's scale test: 10^6 page touches under continuous reclaim on a 1 GiB machine
/// with 2 GiB of swap. A process maps 2 GiB, writes all of it once (the first pass
/// already swaps), then touches random pages: about half are out, so most touches
/// reclaim one page and swap one in.
struct ReclaimRun {
    double seconds = 0;
    std::uint64_t touches = 0, reclaimed = 0, swapins = 0, events = 0;
};
ReclaimRun reclaimTouches(std::uint64_t touches, bool recording)
{
    auto v = MachineConfig::fromPreset("x86-64");
    MachineConfig c = std::get<MachineConfig>(v);
    c.ramBytes = 1 * GiB;
    c.swapBytes = 2 * GiB;
    auto sv = Simulator::create(c);
    Simulator s = std::move(std::get<Simulator>(sv));
    s.setRecording(recording);
    Command sp = vmc(CommandType::Spawn, 0);
    sp.text = "bench";
    const auto pid = static_cast<std::uint32_t>(s.apply(sp).value);
    Command mm = vmc(CommandType::Mmap, pid);
    mm.len = 2 * GiB;
    mm.prot = Prot::Read | Prot::Write;
    mm.mapFlags = MapFlag::Private | MapFlag::Anonymous;
    const std::uint64_t base = s.apply(mm).value;
    Command fill = vmc(CommandType::Access, pid);
    fill.addr = base;
    fill.len = 2 * GiB;
    fill.write = true;
    fill.step = 4096;
    s.apply(fill);
    const std::uint64_t steal0 = s.current().rc.pgstealKswapd + s.current().rc.pgstealDirect;
    const std::uint64_t in0 = s.current().rc.pswpin, e0 = s.eventCount();
    Rng rng { 4242 };
    Command t = vmc(CommandType::Access, pid);
    t.len = 8;
    t.write = true;
    const auto t0 = Clock::now();
    for (std::uint64_t i = 0; i < touches; ++i) {
        t.addr = base + rng.below((2 * GiB) / 4096) * 4096;
        s.apply(t);
    }
    ReclaimRun r;
    r.seconds = secondsSince(t0);
    r.touches = touches;
    r.reclaimed = s.current().rc.pgstealKswapd + s.current().rc.pgstealDirect - steal0;
    r.swapins = s.current().rc.pswpin - in0;
    r.events = s.eventCount() - e0;
    return r;
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

} // namespace

int main(int argc, char** argv)
{
    std::printf("# memviz core benchmark\n");
    // "memviz_bench vm" runs only the virtual-memory sections (d) and (e).
    const bool vmOnly = argc > 1 && std::string(argv[1]) == "vm";
    if (argc > 1 && std::string(argv[1]) == "reclaim") {
        std::printf("# (f) 10^6 random page touches (8-byte writes) under continuous reclaim: 1 GiB RAM, 2 GiB swap,\n"
                    "#     a 2 GiB working set, events not recorded; then 10^5 touches recorded\n");
        const ReclaimRun r = reclaimTouches(1'000'000, false);
        std::printf("reclaim_touches_per_sec %.0f\n", static_cast<double>(r.touches) / r.seconds);
        std::printf("reclaim_pages_reclaimed_per_sec %.0f\n", static_cast<double>(r.reclaimed) / r.seconds);
        std::printf("reclaim_swapins_per_touch %.3f\n", static_cast<double>(r.swapins) / static_cast<double>(r.touches));
        struct rusage ru0 {};
        getrusage(RUSAGE_SELF, &ru0);
        std::printf("reclaim_unrecorded_peak_rss_mib %.0f\n", static_cast<double>(ru0.ru_maxrss) / 1024.0);
        const ReclaimRun rec = reclaimTouches(100'000, true);
        std::printf("reclaim_recorded_touches_per_sec %.0f\n", static_cast<double>(rec.touches) / rec.seconds);
        std::printf("reclaim_recorded_events_per_touch %.1f\n", static_cast<double>(rec.events) / static_cast<double>(rec.touches));
        struct rusage ru {};
        getrusage(RUSAGE_SELF, &ru);
        std::printf("reclaim_recorded_peak_rss_mib %.0f\n", static_cast<double>(ru.ru_maxrss) / 1024.0);
        std::printf("reclaim_recorded_events %llu\n", static_cast<unsigned long long>(rec.events));
        return 0;
    }
    if (argc > 1 && std::string(argv[1]) == "cow") { // for profiling: the simulated experiment alone
        std::uint64_t ev = 0;
        for (int i = 0; i < 5; ++i) std::printf("cow_simulated_ms %.1f\n", simulatedCowSeconds(&ev) * 1e3);
        return 0;
    }
    if (!vmOnly) {

    // (a) State per simulated frame on a 64 GiB machine.
    const auto tb = Clock::now();
    Simulator big = bootOrDie("x86-64", 64 * GiB);
    const double bootSeconds = secondsSince(tb);
    const Machine& m = big.current();
    const double perFrame
        = static_cast<double>(m.frames.chunkCount() * sizeof(FrameChunk)) / static_cast<double>(m.frames.size());
    std::printf("# (a) frame table of a 64 GiB x86-64 machine (%llu frames); the kernel's struct page is 64 bytes\n",
        static_cast<unsigned long long>(m.frames.size()));
    std::printf("frame_state_bytes_per_frame %.2f\n", perFrame);
    std::printf("kernel_struct_page_bytes_per_frame %d\n", 64);
    std::printf("frame_table_mib %.1f\n", static_cast<double>(m.frames.chunkCount() * sizeof(FrameChunk)) / MiB);
    std::printf("boot_64g_ms %.1f\n", bootSeconds * 1e3);

    // (b) Buddy alloc+free pairs per second, orders 0..3 weighted 8:4:2:1, 4096 blocks held.
    const std::size_t live = 4096;
    std::printf("# (b) alloc+free pairs/s on the 64 GiB machine, orders 0-3 weighted 8:4:2:1, %zu blocks held\n", live);
    {
        Simulator s = bootOrDie("x86-64", 64 * GiB);
        s.setRecording(false);
        std::uint64_t ev = 0;
        const double rate = simPairsPerSecond(s, 2'000'000, live, &ev);
        std::printf("buddy_pairs_per_sec_recording_off %.0f\n", rate);
    }
    {
        Simulator s = bootOrDie("x86-64", 64 * GiB);
        std::uint64_t ev = 0;
        const std::uint64_t pairs = 300'000; // ~9 events a pair: keeps the log under ~200 MB
        const double rate = simPairsPerSecond(s, pairs, live, &ev);
        std::printf("buddy_pairs_per_sec_recording_on %.0f\n", rate);
        std::printf("events_per_pair %.2f\n", static_cast<double>(ev) / static_cast<double>(pairs));
        std::printf("event_bytes %zu\n", sizeof(Event));
    }
    std::printf("# baseline: per-order std::vector<uint64_t> stacks, buddy found by linear search, no frame table\n");
    std::printf("naive_vector_buddy_pairs_per_sec %.0f\n", naivePairsPerSecond(m, 2'000'000, live));

    // (c) Seeking in a run of 10^6 events on the default 8 GiB machine.
    {
        Simulator s = bootOrDie("x86-64", 0);
        Rng rng { 777 };
        std::vector<Block> held;
        const auto tr = Clock::now();
        while (s.eventCount() < 1'000'000) {
            // Grow to ~20000 blocks, then alloc and free in turn.
            const bool doFree = held.size() > 20000 || (!held.empty() && rng.below(100) < 40);
            if (doFree) {
                const std::size_t k = static_cast<std::size_t>(rng.below(held.size()));
                s.apply(Command::freePages(held[k].pfn, held[k].order));
                held[k] = held.back();
                held.pop_back();
            } else {
                const int o = rng.below(10) == 0 ? static_cast<int>(rng.below(11)) : mixedOrder(rng);
                if (auto p = s.apply(Command::allocPages(o)).pfn) held.push_back({ *p, o });
            }
        }
        const double record = secondsSince(tr);
        std::vector<double> ms;
        std::uint64_t sink = 0;
        for (int i = 0; i < 50; ++i) {
            const std::uint64_t n = rng.below(s.eventCount() + 1);
            const auto t0 = Clock::now();
            const Machine at = s.stateAt(n);
            ms.push_back(secondsSince(t0) * 1e3);
            sink += at.freePages();
        }
        std::sort(ms.begin(), ms.end());
        std::printf("# (c) stateAt() to random events of a %llu-event run on the default 8 GiB machine (50 seeks)\n",
            static_cast<unsigned long long>(s.eventCount()));
        std::printf("record_run_s %.2f\n", record);
        std::printf("checkpoints %zu\n", s.checkpointCount());
        std::printf("checkpoint_interval_events %llu\n", static_cast<unsigned long long>(s.checkpointInterval()));
        std::printf("checkpoint_mib %.1f\n", checkpointMiB(s));
        std::printf("seek_median_ms %.2f\n", (ms[24] + ms[25]) / 2);
        std::printf("seek_max_ms %.2f\n", ms.back());
        if (sink == 0) std::printf("# (no free pages?)\n");
    }
    } // !vmOnly

    // (d) The notes' copy-on-write experiment: simulated (events recorded) beside the real
    //     program on this machine, 5 runs each, medians.
    {
        std::vector<double> sim, real, unrec;
        std::uint64_t ev = 0, ev2 = 0;
        for (int i = 0; i < 5; ++i) {
            sim.push_back(simulatedCowSeconds(&ev));
            real.push_back(realCowSeconds());
            unrec.push_back(simulatedCowSeconds(&ev2, false));
        }
        std::printf("# (d) malloc 100 MiB, touch every page, fork, the child writes every page (COW): medians of 5\n");
        std::printf("cow_simulated_ms %.1f\n", median(sim) * 1e3);
        std::printf("cow_simulated_events %llu\n", static_cast<unsigned long long>(ev));
        std::printf("cow_simulated_unrecorded_ms %.1f\n", median(unrec) * 1e3);
        std::printf("cow_real_ms %.1f\n", median(real) * 1e3);
        std::printf("cow_ratio_simulated_over_real %.2f\n", median(sim) / median(real));
    }

    // (e) Translations per second: a TLB hit, a 4-level walk through simulated memory,
    //     and a plain std::unordered_map<vpn, pfn> lookup loop over the same pages.
    {
        Simulator s = bootOrDie("x86-64", 1 * GiB);
        Command sp = vmc(CommandType::Spawn, 0);
        sp.text = "tlb";
        const auto pid = static_cast<std::uint32_t>(s.apply(sp).value);
        Command m = vmc(CommandType::Malloc, pid);
        m.len = 16 * 4096;
        const std::uint64_t buf = s.apply(m).value;
        Command touch = vmc(CommandType::Access, pid);
        touch.addr = buf;
        touch.len = 16 * 4096;
        touch.write = true;
        s.apply(touch); // the 16 pages are now in the TLB (64 entries) and in the page tables
        const Machine& mc = s.current();
        const Pfn root = mc.proc(pid)->mm.pgd;
        std::unordered_map<std::uint64_t, std::uint64_t> map;
        for (int i = 0; i < 16; ++i) map[(buf >> 12) + static_cast<std::uint64_t>(i)] = vm::tlbTranslate(mc, buf + static_cast<std::uint64_t>(i) * 4096);
        const std::uint64_t n = 20'000'000;
        std::uint64_t sink = 0;
        auto t0 = Clock::now();
        for (std::uint64_t i = 0; i < n; ++i) sink += vm::tlbTranslate(mc, buf + ((i * 7) & 15) * 4096);
        const double tlb = static_cast<double>(n) / secondsSince(t0);
        t0 = Clock::now();
        for (std::uint64_t i = 0; i < n; ++i) sink += vm::translateAddress(mc, root, buf + ((i * 7) & 15) * 4096);
        const double walk = static_cast<double>(n) / secondsSince(t0);
        t0 = Clock::now();
        for (std::uint64_t i = 0; i < n; ++i) sink += map.find((buf >> 12) + ((i * 7) & 15))->second;
        const double um = static_cast<double>(n) / secondsSince(t0);
        std::printf("# (e) translations/s over 16 resident pages: TLB hit, 4-level walk in simulated memory, unordered_map\n");
        std::printf("tlb_hit_per_sec %.0f\n", tlb);
        std::printf("walk_4level_per_sec %.0f\n", walk);
        std::printf("unordered_map_per_sec %.0f\n", um);
        std::printf("tlb_hit_vs_map %.2f\n", um / tlb);
        if (sink == 42) std::printf("#\n");
    }
    return 0;
}
