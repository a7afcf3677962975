#include "check/CheckKernelMap.h"

#include "alloc/KernelMap.h"
#include "sim/Machine.h"

#include <unordered_set>

namespace memviz {

void checkKernelMappings(const Machine& m, std::vector<Finding>& out)
{
    if (m.config.arch.custom) return; // a textbook machine has no kernel of its own
    auto report = [&](Violation v, Pfn p, std::uint32_t pid = 0, std::uint64_t addr = 0) {
        if (out.size() < 64) out.push_back({v, p, -1, -1, pid, addr});
    };
    const Kmem& k = m.kmem;
    const KernelLayout& l = k.layout;
    const FrameTable& ft = m.frames;
    const std::uint64_t page = m.pageSize();
    const int shift = m.config.arch.pageShift;
    constexpr Pfn kNone = ~Pfn(0);

    // Vmalloc areas and the frames they map.
    std::unordered_set<Pfn> mapped; // frames of state Vmalloc/KernelStack accounted for
    std::uint64_t vmallocPages = 0, stackPages = 0;
    std::uint64_t prevEnd = 0;
    for (const auto& [addr, a] : k.vmAreas) {
        const bool stack = a.kind == VmAreaKind::Stack;
        if (a.addr != addr || addr % page || a.size % page || a.size < 2 * page || addr < l.vmallocStart
            || addr > l.vmallocEnd || a.size > l.vmallocEnd - addr || addr < prevEnd
            || a.pages.size() != a.size / page - 1) // the last page is the guard
            report(Violation::VmallocBroken, 0, a.pid, addr);
        prevEnd = addr + a.size;
        if (stack) {
            const Process* p = m.proc(a.pid);
            if (!p || !p->alive() || p->kstack != addr) report(Violation::VmallocBroken, 0, a.pid, addr);
        } else if (a.pid) {
            report(Violation::VmallocBroken, 0, a.pid, addr);
        }
        for (std::size_t i = 0; i < a.pages.size(); ++i) {
            const Pfn p = a.pages[i];
            const std::uint64_t va = addr + i * page;
            if (p == kNone) {
                if (!m.panicked) report(Violation::VmallocBroken, 0, a.pid, va); // only a panic stops a vmalloc midway
                continue;
            }
            const std::uint32_t priv = stack ? a.pid : static_cast<std::uint32_t>((va - l.vmallocStart) >> shift);
            if (p >= ft.size() || ft.state(p) != (stack ? FrameState::KernelStack : FrameState::Vmalloc)
                || ft.order(p) != 0 || ft.priv(p) != priv || !mapped.insert(p).second) {
                report(Violation::VmallocBroken, p, a.pid, va);
                continue;
            }
            ++vmallocPages;
            if (stack) ++stackPages;
        }
    }

    // Every process's kernel stack.
    for (const auto& [pid, p] : m.procs) {
        if (!p.alive()) {
            if (p.kstack) report(Violation::VmallocBroken, 0, pid, p.kstack);
            continue;
        }
        if (!p.kstack) {
            if (!m.panicked) report(Violation::VmallocBroken, 0, pid, 0); // a panic can stop copy_process() midway
            continue;
        }
        if (inDirectMap(l, p.kstack)) { // x86-32: an order-1 lowmem block
            const Pfn f = virtToPhys(l, p.kstack) >> shift;
            if (!m.config.arch.is32bit || f >= ft.size() || ft.state(f) != FrameState::KernelStack
                || (Pfn(1) << ft.order(f)) * page != kmem::threadSize(m) || ft.priv(f) != pid || (p.kstack & (kmem::threadSize(m) - 1))
                || !mapped.insert(f).second) {
                report(Violation::VmallocBroken, f, pid, p.kstack);
                continue;
            }
            stackPages += Pfn(1) << ft.order(f);
            continue;
        }
        const auto it = k.vmAreas.find(p.kstack);
        if (it == k.vmAreas.end() || it->second.kind != VmAreaKind::Stack || it->second.pid != pid)
            report(Violation::VmallocBroken, 0, pid, p.kstack);
    }

    // No other frame is in a vmalloc area or a kernel stack.
    for (std::size_t c = 0; c < ft.chunkCount(); ++c) {
        const FrameChunk& ch = ft.chunk(c);
        const Pfn base = Pfn(c) << FrameChunk::kShift;
        for (std::uint32_t i = 0; i < FrameChunk::kSize && base + i < ft.size(); ++i) {
            const auto s = static_cast<FrameState>(ch.state[i]);
            if ((s == FrameState::Vmalloc || s == FrameState::KernelStack) && !mapped.count(base + i))
                report(Violation::VmallocBroken, base + i);
        }
    }
    if (vmallocPages != k.vmallocPages || stackPages != k.kernelStackPages) report(Violation::VmallocBroken, 0);

    // The persistent kmap window.
    auto ownedKernelPage = [&](Pfn p) {
        if (p >= ft.size()) return false;
        const Pfn head = ft.headOf(p);
        return ft.state(head) == FrameState::Kernel && ft.priv(head) == 0;
    };
    if (!k.pkmap.empty() && (k.pkmap.size() != l.lastPkmap || k.lastPkmapNr >= k.pkmap.size()))
        report(Violation::KmapBroken, 0);
    if (k.pkmap.empty() && k.lastPkmapNr) report(Violation::KmapBroken, 0);
    std::unordered_set<Pfn> inWindow;
    for (std::size_t i = 0; i < k.pkmap.size(); ++i) {
        const PkmapSlot& s = k.pkmap[i];
        const std::uint64_t va = l.pkmapAddr(static_cast<std::uint32_t>(i));
        if ((s.page == kNone) != (s.count == 0)) {
            report(Violation::KmapBroken, s.page == kNone ? 0 : s.page, 0, va);
            continue;
        }
        if (s.page == kNone) continue;
        // A slot at count 1 may still map a page that was freed since (the kernel's stale
        // mapping until the next flush); a slot in use holds a page its user owns.
        if (!kmem::isHighMemPage(m, s.page) || !inWindow.insert(s.page).second || (s.count >= 2 && !ownedKernelPage(s.page)))
            report(Violation::KmapBroken, s.page, 0, va);
    }
    if (k.kmapLocal.size() > l.kmapLocalSlots) report(Violation::KmapBroken, 0);
    for (std::size_t i = 0; i < k.kmapLocal.size(); ++i) {
        const Pfn p = k.kmapLocal[i];
        if (!kmem::isHighMemPage(m, p) || !ownedKernelPage(p))
            report(Violation::KmapBroken, p, 0, l.kmapLocalAddr(static_cast<std::uint32_t>(i)));
    }
}

} // namespace memviz
