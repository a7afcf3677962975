#include "Exercise.h"

#include "ErrorText.h"
#include "TableExport.h"

#include "arch/ArchSpec.h"
#include "sim/Simulator.h"
#include "util/Size.h"
#include "vm/Vm.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <algorithm>
#include <cstdio>
#include <random>

namespace memviz {

/// Gives the exercise texts their own translation context ("ExerciseText").
class ExerciseText {
    Q_DECLARE_TR_FUNCTIONS(ExerciseText)
};

namespace {

// ---- seeded choices ------------------------------------------------------------------

/// std::mt19937_64 is specified bit for bit; the distributions are not, so the ranges
/// are cut here (rejection sampling, no modulo bias).
class Rng {
public:
    explicit Rng(std::uint64_t seed) : m_gen(seed) {}
    /// 0 <= x < n (n >= 1).
    std::uint64_t below(std::uint64_t n)
    {
        const std::uint64_t limit = ~0ull - (~0ull % n);
        for (;;) {
            const std::uint64_t x = m_gen();
            if (x < limit) return x % n;
        }
    }
    int range(int lo, int hi) { return lo + static_cast<int>(below(static_cast<std::uint64_t>(hi - lo + 1))); }
    bool chance(int num, int den) { return below(static_cast<std::uint64_t>(den)) < static_cast<std::uint64_t>(num); }
    template <class V> void shuffle(V& v)
    {
        for (std::size_t i = v.size(); i > 1; --i) std::swap(v[i - 1], v[below(i)]);
    }

private:
    std::mt19937_64 m_gen;
};

// ---- number formatting (the same in every language) -----------------------------------

QString hex(std::uint64_t v) { return QStringLiteral("0x") + QString::number(v, 16); }
QString hexPad(std::uint64_t v, int digits) { return QStringLiteral("0x%1").arg(v, digits, 16, QLatin1Char('0')); }
QString num(std::int64_t v) { return QString::number(v); }
QString bin(std::uint64_t v, int bits)
{
    QString s;
    for (int b = bits - 1; b >= 0; --b) s += QLatin1Char(((v >> b) & 1u) ? '1' : '0');
    return s;
}
QString blockName(int i)
{
    // A..Z, then A1, B1, ... (a buddy exercise never has that many).
    QString s(QChar(u'A' + i % 26));
    if (i >= 26) s += QString::number(i / 26);
    return s;
}

/// How many random sequences a generator tries before its built-in one (setExerciseAttemptLimit).
int g_attemptLimit = 200;

Simulator makeSimulator(const MachineConfig& c)
{
    auto created = Simulator::create(c);
    if (auto* e = std::get_if<Error>(&created)) qFatal("exercise machine refused: %s", qPrintable(errorText(*e, c)));
    Simulator s = std::move(std::get<Simulator>(created));
    s.setCheckAfterEachCommand(false); // small machines, every command checked by the simulator suites
    return s;
}

CommandResult mustApply(Simulator& s, const Command& c, std::vector<Command>* log = nullptr)
{
    const CommandResult r = s.apply(c);
    if (r.error) qFatal("exercise command refused: %s", qPrintable(errorText(r.error)));
    if (log) log->push_back(c);
    return r;
}

MachineConfig customMachine(std::uint64_t pageSize, int levelBits, int validBit, int pfnShift, int pfnBits, int entryBytes,
                            std::uint64_t frames)
{
    auto preset = MachineConfig::fromPreset("x86-64");
    MachineConfig c = std::get<MachineConfig>(preset);
    auto spec = ArchSpec::makeCustom(pageSize, {levelBits, levelBits}, entryBytes, validBit, pfnShift, pfnBits,
                                     pageSize * frames);
    if (auto* e = std::get_if<Error>(&spec)) qFatal("exercise arch refused: %s", qPrintable(errorText(*e)));
    c.arch = std::get<ArchSpec>(spec);
    c.preset = "custom";
    c.ramBytes = pageSize * frames;
    c.swapBytes = 0;
    c.bootReservedBytes = 0;
    return c;
}

// ---- address translation ----------------------------------------------------------------

struct TranslateSpec {
    int pageSize, levelBits, validBit, pfnShift, pfnBits;
};

Exercise makeTranslate(std::uint64_t seed)
{
    Rng rng(seed);
    static const TranslateSpec specs[] = {
        {32, 5, 7, 0, 7}, // OSTEP's paging-multilevel-translate.py
        {32, 5, 0, 1, 7}, // the valid bit at the bottom
        {16, 4, 7, 0, 7}, // smaller pages, 12-bit addresses
    };
    const TranslateSpec sp = specs[rng.below(3)];
    constexpr int kFrames = 128;
    const int page = sp.pageSize, shift = __builtin_ctz(static_cast<unsigned>(sp.pageSize)), bits = sp.levelBits;
    const int entries = 1 << bits;

    Exercise ex;
    ex.kind = ExerciseKind::Translate;
    ex.seed = seed;
    ex.config = customMachine(static_cast<std::uint64_t>(page), bits, sp.validBit, sp.pfnShift, sp.pfnBits, 1, kFrames);
    const EntryFormat fmt = ex.config.arch.entry;

    // Memory: random data; a page directory and 2-3 page tables in distinct random frames.
    std::vector<std::uint8_t> mem(static_cast<std::size_t>(page * kFrames));
    for (auto& b : mem) b = static_cast<std::uint8_t>(rng.below(256));
    std::vector<int> order(kFrames);
    for (int i = 0; i < kFrames; ++i) order[static_cast<std::size_t>(i)] = i;
    rng.shuffle(order);
    const int pd = order[0];
    const int nTables = rng.range(2, 3);
    std::vector<int> tables(order.begin() + 1, order.begin() + 1 + nTables);
    const std::vector<int> pool(order.begin() + 1 + nTables, order.end()); // data frames
    const auto invalid = static_cast<std::uint8_t>(0xff & ~(1u << sp.validBit));
    auto validEntry = [&](int pfn) {
        return static_cast<std::uint8_t>((1u << sp.validBit) | (static_cast<unsigned>(pfn) << sp.pfnShift));
    };
    auto at = [&](int frame, int index) -> std::uint8_t& { return mem[static_cast<std::size_t>(frame * page + index)]; };
    for (int i = 0; i < entries; ++i) at(pd, i) = invalid;
    std::vector<int> pdeIndex;
    while (static_cast<int>(pdeIndex.size()) < nTables) {
        const int i = static_cast<int>(rng.below(static_cast<std::uint64_t>(entries)));
        if (std::find(pdeIndex.begin(), pdeIndex.end(), i) == pdeIndex.end()) pdeIndex.push_back(i);
    }
    std::vector<std::vector<int>> validPtes(static_cast<std::size_t>(nTables)), invalidPtes(static_cast<std::size_t>(nTables));
    for (int k = 0; k < nTables; ++k) {
        const auto ks = static_cast<std::size_t>(k);
        at(pd, pdeIndex[ks]) = validEntry(tables[ks]);
        std::vector<bool> valid(static_cast<std::size_t>(entries));
        for (int i = 0; i < entries; ++i) valid[static_cast<std::size_t>(i)] = rng.chance(1, 3);
        while (std::count(valid.begin(), valid.end(), true) < 3) valid[rng.below(static_cast<std::uint64_t>(entries))] = true;
        while (std::count(valid.begin(), valid.end(), false) < 3) valid[rng.below(static_cast<std::uint64_t>(entries))] = false;
        for (int i = 0; i < entries; ++i) {
            if (valid[static_cast<std::size_t>(i)]) {
                at(tables[ks], i) = validEntry(pool[rng.below(pool.size())]);
                validPtes[ks].push_back(i);
            } else {
                at(tables[ks], i) = invalid;
                invalidPtes[ks].push_back(i);
            }
        }
    }

    // 4-6 addresses: at least two that translate, one PTE fault and one PDE fault.
    const int n = rng.range(4, 6);
    enum Want { Ok, PteFault, PdeFault };
    std::vector<Want> wants = {Ok, Ok, PteFault, PdeFault};
    while (static_cast<int>(wants.size()) < n) wants.push_back(rng.chance(1, 2) ? Ok : rng.chance(1, 2) ? PteFault : PdeFault);
    rng.shuffle(wants);
    for (Want w : wants) {
        for (;;) {
            std::uint64_t pdi = 0, pti = 0;
            const std::uint64_t off = rng.below(static_cast<std::uint64_t>(page));
            if (w == PdeFault) {
                do pdi = rng.below(static_cast<std::uint64_t>(entries));
                while (std::find(pdeIndex.begin(), pdeIndex.end(), static_cast<int>(pdi)) != pdeIndex.end());
                pti = rng.below(static_cast<std::uint64_t>(entries));
            } else {
                const auto k = static_cast<std::size_t>(rng.below(static_cast<std::uint64_t>(nTables)));
                pdi = static_cast<std::uint64_t>(pdeIndex[k]);
                const auto& list = w == Ok ? validPtes[k] : invalidPtes[k];
                pti = static_cast<std::uint64_t>(list[rng.below(list.size())]);
            }
            const std::uint64_t va = (pdi << (bits + shift)) | (pti << shift) | off;
            // Every address on a page of its own: each one is a walk of its own.
            if (std::any_of(ex.addresses.begin(), ex.addresses.end(),
                    [&](std::uint64_t a) { return a >> shift == va >> shift; }))
                continue;
            ex.addresses.push_back(va);
            break;
        }
    }

    // The machine: memory written as one phys.write, CR3 loaded, then one Translate per address.
    Simulator sim = makeSimulator(ex.config);
    Command w = vmCommand(CommandType::PhysWrite, 0);
    w.addr = 0;
    w.data.assign(mem.begin(), mem.end());
    mustApply(sim, w, &ex.setup);
    Command base = vmCommand(CommandType::SetPageTableBase, 0);
    base.pfn = static_cast<std::uint64_t>(pd);
    mustApply(sim, base, &ex.setup);

    const int vaBits = ex.config.arch.vaBits();
    const int vaDigits = (vaBits + 3) / 4;
    const int paDigits = (ex.config.arch.physAddrBits + 3) / 4;
    std::vector<int> shown = {pd};
    shown.insert(shown.end(), tables.begin(), tables.end());
    for (std::size_t q = 0; q < ex.addresses.size(); ++q) {
        const std::uint64_t va = ex.addresses[q];
        Command t = vmCommand(CommandType::Translate, 0);
        t.addr = va;
        const CommandResult r = mustApply(sim, t);
        std::vector<Event> walk;
        Event done;
        for (std::uint64_t i = r.firstEvent; i < r.endEvent; ++i) {
            const Event& e = sim.events()[i];
            if (e.type == EventType::WalkStep) walk.push_back(e);
            if (e.type == EventType::TranslateDone) done = e;
        }
        const bool ok = done.flags & EventFlag::Valid;
        const AddressSplit split = splitAddress(ex.config.arch, va);
        QString step = ExerciseText::tr("%1. Virtual address %2 = %3 %4 %5 (binary: PDE index | PTE index | offset)")
                           .arg(q + 1)
                           .arg(hexPad(va, vaDigits), bin(split.indices[0], bits), bin(split.indices[1], bits),
                                bin(split.offset, shift));
        for (const Event& s : walk) {
            const std::uint64_t pfn = fmt.pfn(s.c);
            const bool valid = s.flags & EventFlag::Valid;
            // An entry that is not valid has no frame number worth reading.
            const QString line = s.order == 0
                ? (valid ? ExerciseText::tr("PDE index %1 (%2): byte %2 of page %3 (address %4) = %5: valid 1, PFN %6 (%7)")
                         : ExerciseText::tr("PDE index %1 (%2): byte %2 of page %3 (address %4) = %5: valid 0"))
                : (valid ? ExerciseText::tr("PTE index %1 (%2): byte %2 of page %3 (address %4) = %5: valid 1, PFN %6 (%7)")
                         : ExerciseText::tr("PTE index %1 (%2): byte %2 of page %3 (address %4) = %5: valid 0"));
            QString filled = line.arg(hex(s.a)).arg(s.a).arg(s.pfn).arg(hexPad(s.b, paDigits), hexPad(s.c, 2));
            if (valid) filled = filled.arg(hex(pfn)).arg(pfn);
            step += QStringLiteral("\n   ") + filled;
        }
        ExerciseItem item;
        item.form = ExerciseItem::Form::Address;
        item.prompt = hexPad(va, vaDigits);
        if (ok) {
            const std::uint64_t pa = done.b;
            const int value = sim.current().phys.read8(pa);
            const auto frame = static_cast<int>(pa >> shift);
            if (std::find(shown.begin(), shown.end(), frame) == shown.end()) shown.push_back(frame);
            step += QStringLiteral("\n   ")
                + ExerciseText::tr("→ physical address %1 × %2 + %3 = %4; the byte there is %5 (%6)")
                      .arg(frame)
                      .arg(page)
                      .arg(split.offset)
                      .arg(hexPad(pa, paDigits), hexPad(static_cast<std::uint64_t>(value), 2))
                      .arg(value);
            item.value = static_cast<std::int64_t>(pa);
            item.byte = value;
            item.expected = ExerciseText::tr("%1, byte %2")
                                .arg(hexPad(pa, paDigits), hexPad(static_cast<std::uint64_t>(value), 2));
        } else {
            const auto level = static_cast<int>(done.c);
            step += QStringLiteral("\n   ")
                + (level == 0 ? ExerciseText::tr("→ fault: the page-directory entry is not valid (PDE fault)")
                              : ExerciseText::tr("→ fault: the page-table entry is not valid (PTE fault)"));
            item.value = -1;
            item.level = level;
            item.expected = level == 0 ? ExerciseText::tr("PDE fault") : ExerciseText::tr("PTE fault");
        }
        ex.steps << step;
        ex.items.push_back(item);
    }
    // Two more data pages, so that the dump does not give away which pages are reached.
    for (int extra = 0; extra < 2;) {
        const int f = pool[rng.below(pool.size())];
        if (std::find(shown.begin(), shown.end(), f) != shown.end()) continue;
        shown.push_back(f);
        ++extra;
    }
    std::sort(shown.begin(), shown.end());

    const int total = static_cast<int>(ex.items.size());
    int okCount = 0;
    for (const auto& it : ex.items) okCount += it.value >= 0;
    ex.steps << ExerciseText::tr("In all: %1 of the %2 addresses translate; %3 fault.").arg(okCount).arg(total).arg(total - okCount);

    ex.title = ExerciseText::tr("Address translation with a two-level page table (seed %1)").arg(seed);
    QString p;
    p += ExerciseText::tr("A textbook machine, as in OSTEP's paging-multilevel-translate.py:") + QLatin1Char('\n');
    p += QStringLiteral("  • ") + ExerciseText::tr("page size: %1 bytes").arg(page) + QLatin1Char('\n');
    p += QStringLiteral("  • ")
        + ExerciseText::tr("virtual addresses: %1 bits = %2 bits page-directory index | %2 bits page-table index | %3 bits offset")
              .arg(vaBits)
              .arg(bits)
              .arg(shift)
        + QLatin1Char('\n');
    p += QStringLiteral("  • ")
        + ExerciseText::tr("physical memory: %1 bytes = %2 frames of %3 bytes; physical address = PFN × %3 + offset")
              .arg(page * kFrames)
              .arg(kFrames)
              .arg(page)
        + QLatin1Char('\n');
    const QString fields = sp.validBit > sp.pfnShift
        ? ExerciseText::tr("bit %1 = valid, bits %2–%3 = PFN (frame number)").arg(sp.validBit).arg(sp.pfnShift + sp.pfnBits - 1).arg(sp.pfnShift)
        : ExerciseText::tr("bits %2–%3 = PFN (frame number), bit %1 = valid").arg(sp.validBit).arg(sp.pfnShift + sp.pfnBits - 1).arg(sp.pfnShift);
    p += QStringLiteral("  • ") + ExerciseText::tr("page-directory and page-table entries: 1 byte each, %1").arg(fields)
        + QLatin1Char('\n');
    p += QStringLiteral("  • ")
        + ExerciseText::tr("the page directory and every page table fill one page (%1 entries); the page directory is in frame %2 "
                "(PDBR = %2, decimal)")
              .arg(entries)
              .arg(pd)
        + QLatin1Char('\n');
    p += QLatin1Char('\n');
    p += ExerciseText::tr("Memory dump (hex, byte offsets on top). These are all the pages the questions need; every other page "
               "holds data too.")
        + QLatin1Char('\n');
    QString ruler = QStringLiteral("          ");
    for (int i = 0; i < page; i += 4) ruler += QStringLiteral("+%1      ").arg(i, 2, 16, QLatin1Char('0'));
    ex.noWrapLines.push_back(static_cast<int>(p.count(QLatin1Char('\n'))));
    p += ruler.trimmed().prepend(QStringLiteral("          ")) + QLatin1Char('\n');
    for (int f : shown) {
        QString line = QStringLiteral("page %1:").arg(f, 3); // OSTEP's dump format, untranslated so the columns line up
        for (int i = 0; i < page; ++i) {
            if (i % 4 == 0) line += QLatin1Char(' ');
            line += QStringLiteral("%1").arg(sim.current().phys.read8(static_cast<std::uint64_t>(f * page + i)), 2, 16,
                                             QLatin1Char('0'));
        }
        ex.noWrapLines.push_back(static_cast<int>(p.count(QLatin1Char('\n'))));
        p += line + QLatin1Char('\n');
    }
    p += QLatin1Char('\n');
    p += ExerciseText::tr("Translate each virtual address: give the physical address and the byte stored there, or say that "
               "the translation faults and whether the page-directory entry (PDE) or the page-table entry (PTE) is "
               "not valid.")
        + QLatin1Char('\n');
    for (std::size_t q = 0; q < ex.addresses.size(); ++q)
        p += QStringLiteral("  %1. %2\n").arg(q + 1).arg(hexPad(ex.addresses[q], vaDigits));
    ex.problem = p.trimmed();
    ex.answerHelp
        = ExerciseText::tr("Type the physical address and the byte stored there in hex (e.g. 0x1a7 3c), or PDE or PTE "
                           "when the translation faults at that level.");
    return ex;
}

// ---- the TLB ------------------------------------------------------------------------------

/// The TLB's contents as a line per set: "set 0: 0x200, 0x203 | ..."; empty ways as "—".
QString tlbContents(const Machine& m)
{
    const Tlb& t = m.tlb;
    QStringList sets;
    for (int s = 0; s < t.sets; ++s) {
        QStringList ways;
        for (int w = 0; w < t.ways; ++w) {
            const TlbEntry& e = t.small[static_cast<std::size_t>(s * t.ways + w)];
            ways << ((e.flags & TlbFlag::Valid) ? hex(e.vpn) : QStringLiteral("—"));
        }
        sets << (t.sets > 1 ? ExerciseText::tr("set %1: %2").arg(s).arg(ways.join(QStringLiteral(", "))) : ways.join(QStringLiteral(", ")));
    }
    return sets.join(QStringLiteral(" | "));
}

/// The built-in access sequences, used when no random one met the minimums: indices into
/// the seed's pages (2-way: even indices are pages of set 0, odd ones of set 1). Each meets
/// the minimums under LRU and under FIFO (with different answers).
constexpr int kTlbBuiltInFull[] = { 1, 2, 3, 4, 2, 0, 4, 2, 1, 3, 0 };
constexpr int kTlbBuiltInTwoWay[] = { 1, 3, 4, 5, 3, 1, 2, 4, 3, 2, 0 };

Exercise makeTlb(std::uint64_t seed)
{
    Rng rng(seed);
    Exercise ex;
    ex.kind = ExerciseKind::Tlb;
    ex.seed = seed;
    const int sets = rng.chance(1, 2) ? 1 : 2;
    const bool lru = rng.chance(1, 2);
    auto preset = MachineConfig::fromPreset("x86-64");
    ex.config = std::get<MachineConfig>(preset);
    ex.config.ramBytes = 64 * MiB;
    ex.config.tlb.sets = sets;
    ex.config.tlb.ways = 4 / sets;
    ex.config.tlb.policy = lru ? 0 : 1;
    ex.config.tlb.pcid = false; // a context switch flushes: the exercise starts with an empty TLB

    // One process with a 16-page read-only anonymous mapping at 0x200000; another program
    // runs, then the first is switched back in (CR3 reloaded, the TLB flushed).
    Simulator sim = makeSimulator(ex.config);
    Command spawn = vmCommand(CommandType::Spawn, 0);
    spawn.text = "tlb-exercise";
    ex.pid = static_cast<std::uint32_t>(mustApply(sim, spawn, &ex.setup).value);
    constexpr std::uint64_t kPages = 16;
    Command mm = vmCommand(CommandType::Mmap, ex.pid);
    mm.addr = 0x200000;
    mm.len = kPages * 4096;
    mm.prot = Prot::Read;
    mm.mapFlags = MapFlag::Private | MapFlag::Anonymous;
    const std::uint64_t mapBase = mustApply(sim, mm, &ex.setup).value;
    Command other = vmCommand(CommandType::Spawn, 0);
    other.text = "other";
    mustApply(sim, other, &ex.setup);
    mustApply(sim, vmCommand(CommandType::Switch, ex.pid), &ex.setup);
    for (const TlbEntry& e : sim.current().tlb.small)
        if (e.flags & TlbFlag::Valid) qFatal("tlb exercise: the TLB is not empty after the switch");
    // The set of page i of the mapping (VPN mod sets).
    auto setOf = [&](std::uint64_t page) {
        return static_cast<int>(((mapBase >> 12) + page) % static_cast<std::uint64_t>(sets));
    };

    // Plays pages of the mapping (a random offset in each) on a copy of the machine and
    // reads the outcomes off the simulator's events. True when the exercise is worth doing:
    // three hits, two evictions, no page more than four times, 2-way: two pages in each set.
    struct Outcome {
        bool hit = false;
        std::uint64_t set = 0, way = 0;
        bool evicted = false;
        std::uint64_t evictedVpn = 0;
        QString after;
    };
    std::vector<Outcome> out;
    auto play = [&](const std::vector<std::uint64_t>& seq) {
        Simulator run = sim;
        out.clear();
        ex.addresses.clear();
        int hits = 0, evictions = 0;
        for (std::uint64_t p : seq) {
            const std::uint64_t va = mapBase + p * 4096 + rng.below(4096);
            ex.addresses.push_back(va);
            const std::vector<TlbEntry> before = run.current().tlb.small;
            Command a = vmCommand(CommandType::Access, ex.pid);
            a.addr = va;
            a.len = 1;
            const CommandResult r = mustApply(run, a);
            Outcome o;
            bool looked = false;
            for (std::uint64_t i = r.firstEvent; i < r.endEvent; ++i) {
                const Event& e = run.events()[i];
                if (e.type == EventType::TlbLookup && !looked) {
                    looked = true;
                    o.hit = e.flags & EventFlag::Hit;
                    o.set = e.b;
                    o.way = e.pfn;
                } else if (e.type == EventType::TlbFill && !(e.flags & EventFlag::Huge)) {
                    o.set = e.b;
                    o.way = e.c;
                    const TlbEntry& old = before[static_cast<std::size_t>(e.b * static_cast<std::uint64_t>(run.current().tlb.ways) + e.c)];
                    o.evicted = old.flags & TlbFlag::Valid;
                    o.evictedVpn = old.vpn;
                }
            }
            o.after = tlbContents(run.current());
            hits += o.hit;
            evictions += o.evicted;
            out.push_back(o);
        }
        std::vector<std::vector<std::uint64_t>> pagesOfSet(static_cast<std::size_t>(sets));
        bool fewUses = true;
        for (std::uint64_t p : seq) {
            auto& ps = pagesOfSet[static_cast<std::size_t>(setOf(p))];
            if (std::find(ps.begin(), ps.end(), p) == ps.end()) ps.push_back(p);
            fewUses = fewUses && std::count(seq.begin(), seq.end(), p) <= 4;
        }
        const bool everySet
            = std::all_of(pagesOfSet.begin(), pagesOfSet.end(), [](const auto& ps) { return ps.size() >= 2; });
        return hits >= 3 && evictions >= 2 && fewUses && everySet;
    };

    // Random sequences first: a pool of 5-6 pages (2-way: at least two in each set), every
    // one of them used, in 10-12 accesses; between the pool's first uses, pages used lately
    // come back (locality).
    bool met = false;
    for (int attempt = 0; attempt < g_attemptLimit && !met; ++attempt) {
        std::vector<std::uint64_t> pool;
        for (;;) {
            pool.resize(kPages);
            for (std::uint64_t i = 0; i < kPages; ++i) pool[i] = i;
            rng.shuffle(pool);
            pool.resize(static_cast<std::size_t>(rng.range(5, 6)));
            int inSet0 = 0;
            for (std::uint64_t p : pool) inSet0 += setOf(p) == 0;
            if (sets == 1 || (inSet0 >= 2 && static_cast<int>(pool.size()) - inSet0 >= 2)) break;
        }
        const int len = rng.range(10, 12);
        int reuses = len - static_cast<int>(pool.size());
        std::vector<std::uint64_t> fresh = pool, seq;
        while (static_cast<int>(seq.size()) < len) {
            const int left = len - static_cast<int>(seq.size());
            // Pages used before, latest first, each at most 4 times; the page just read only
            // now and then (the same page again is a hit that teaches little).
            const bool again = rng.chance(1, 6);
            std::vector<std::uint64_t> recent;
            for (auto it = seq.rbegin(); it != seq.rend(); ++it)
                if (std::find(recent.begin(), recent.end(), *it) == recent.end()
                    && std::count(seq.begin(), seq.end(), *it) < 4 && (again || *it != seq.back()))
                    recent.push_back(*it);
            const bool reuse = reuses > 0 && !recent.empty() && (fresh.empty() || rng.range(1, left) <= reuses);
            if (reuse) {
                const std::size_t span = rng.chance(7, 10) ? std::min<std::size_t>(4, recent.size()) : recent.size();
                seq.push_back(recent[rng.below(span)]);
                --reuses;
            } else {
                seq.push_back(fresh.back());
                fresh.pop_back();
            }
        }
        met = play(seq);
    }
    if (!met) {
        // The built-in sequence, on pages of the seed's choosing.
        std::vector<std::vector<std::uint64_t>> bySet(static_cast<std::size_t>(sets));
        for (std::uint64_t p = 0; p < kPages; ++p) bySet[static_cast<std::size_t>(setOf(p))].push_back(p);
        for (auto& ps : bySet) rng.shuffle(ps);
        std::vector<std::uint64_t> seq;
        if (sets == 1)
            for (int i : kTlbBuiltInFull) seq.push_back(bySet[0][static_cast<std::size_t>(i)]);
        else
            for (int i : kTlbBuiltInTwoWay)
                seq.push_back(bySet[static_cast<std::size_t>(i % 2)][static_cast<std::size_t>(i / 2)]);
        if (!play(seq)) qFatal("tlb exercise: the built-in sequence does not meet the minimums");
    }

    const QString policyName = lru ? QStringLiteral("LRU") : QStringLiteral("FIFO");
    ex.title = ExerciseText::tr("TLB hits and misses (seed %1)").arg(seed);
    QString p;
    p += ExerciseText::tr("A process reads the virtual addresses below, one after the other. The machine is x86-64 with 4 KiB "
               "pages: the virtual page number (VPN) is the address without its last three hex digits (address >> 12).")
        + QLatin1Char('\n');
    p += QLatin1Char('\n');
    if (sets == 1)
        p += QStringLiteral("  • ") + ExerciseText::tr("The TLB has 4 entries and is fully associative (one set of 4 ways).")
            + QLatin1Char('\n');
    else
        p += QStringLiteral("  • ")
            + ExerciseText::tr("The TLB has 4 entries and is 2-way set-associative: 2 sets of 2 ways; a page goes to set "
                    "VPN mod 2 (the lowest bit of the VPN).")
            + QLatin1Char('\n');
    p += QStringLiteral("  • ")
        + (lru ? ExerciseText::tr("Replacement: LRU. A miss in a full set evicts the entry used longest ago (a hit counts as a use).")
               : ExerciseText::tr("Replacement: FIFO. A miss in a full set evicts the entry loaded longest ago (hits do not change "
                       "the order)."))
        + QLatin1Char('\n');
    p += QStringLiteral("  • ")
        + ExerciseText::tr("A miss loads the page's translation into its set: into the lowest-numbered empty way while there is "
                "one, else in place of the victim.")
        + QLatin1Char('\n');
    p += QStringLiteral("  • ")
        + ExerciseText::tr("Every address lies in one read-only anonymous mapping of 16 pages at %1, so no access fails (the "
                "first access to a page also takes a page fault; that does not change what the TLB does).")
              .arg(hex(mapBase))
        + QLatin1Char('\n');
    p += QStringLiteral("  • ")
        + ExerciseText::tr(
            "The TLB is empty at the start: the process has just been switched back in, and without PCID "
            "loading CR3 flushed the TLB.")
        + QLatin1Char('\n');
    p += QLatin1Char('\n');
    p += ExerciseText::tr("Accesses:") + QLatin1Char('\n');
    for (std::size_t i = 0; i < ex.addresses.size(); ++i)
        p += QStringLiteral("  %1. %2\n").arg(i + 1, 2).arg(hexPad(ex.addresses[i], 8));
    p += QLatin1Char('\n');
    p += ExerciseText::tr("Which accesses hit in the TLB and which miss? Which entry does each miss evict? What does the TLB hold "
               "at the end?");
    ex.problem = p;
    ex.answerHelp = ExerciseText::tr("Type h for a hit or m for a miss.");

    int hits = 0;
    for (std::size_t i = 0; i < out.size(); ++i) {
        const Outcome& o = out[i];
        const std::uint64_t vpn = ex.addresses[i] >> 12;
        const QString setText = sets > 1 ? ExerciseText::tr("VPN %1, set %2").arg(hex(vpn)).arg(o.set) : ExerciseText::tr("VPN %1").arg(hex(vpn));
        QString outcome;
        if (o.hit) {
            ++hits;
            outcome = ExerciseText::tr("hit (way %1)").arg(o.way);
        } else if (!o.evicted) {
            outcome = ExerciseText::tr("miss → loaded into way %1, which was empty").arg(o.way);
        } else {
            outcome = (lru ? ExerciseText::tr("miss → way %1: evicts %2, the entry used longest ago")
                           : ExerciseText::tr("miss → way %1: evicts %2, the entry loaded longest ago"))
                          .arg(o.way)
                          .arg(hex(o.evictedVpn));
        }
        QString step = ExerciseText::tr(
            "%1. %2: %3: %4", "a TLB access: its number, the address, the VPN (and set), the outcome")
                           .arg(i + 1, 2)
                           .arg(hexPad(ex.addresses[i], 8), setText, outcome);
        step += QStringLiteral("\n      ") + ExerciseText::tr("TLB: %1").arg(o.after);
        ex.steps << step;
        ExerciseItem item;
        item.form = ExerciseItem::Form::HitMiss;
        item.value = o.hit ? 1 : 0;
        item.prompt = hexPad(ex.addresses[i], 8);
        item.expected = o.hit ? ExerciseText::tr("hit") : ExerciseText::tr("miss");
        ex.items.push_back(item);
    }
    const int total = static_cast<int>(out.size());
    ex.steps << ExerciseText::tr(
        "In all: %1 hits and %2 misses in %3 accesses (%4 TLB, %5). At the end the TLB holds: %6")
                    .arg(hits)
                    .arg(total - hits)
                    .arg(total)
                    .arg(sets == 1 ? ExerciseText::tr("fully associative") : ExerciseText::tr("2-way"), policyName)
                    .arg(out.back().after);
    return ex;
}

// ---- the buddy allocator -------------------------------------------------------------------

/// "[0] —  [1] 2  [2] 4, 12 ..." for the zone's orders 0..maxOrder, head first.
QString freeLists(const Machine& m, int maxOrder)
{
    QStringList parts;
    const Zone& z = m.zones[0];
    for (int o = 0; o <= maxOrder; ++o) {
        QStringList pfns;
        for (std::uint32_t p = z.freeArea[static_cast<std::size_t>(o)].head; p != kNil; p = m.frames.next(p))
            pfns << num(p);
        parts << QStringLiteral("[%1]\u00a0%2").arg(o).arg(pfns.isEmpty() ? QStringLiteral("—") : pfns.join(QStringLiteral(", ")));
    }
    return parts.join(QStringLiteral("  "));
}

/// pfn/order as the solution writes a block: "16/3".
QString blk(std::uint64_t pfn, int order) { return QStringLiteral("%1/%2").arg(pfn).arg(order); }

Exercise makeBuddy(std::uint64_t seed)
{
    Rng rng(seed);
    Exercise ex;
    ex.kind = ExerciseKind::Buddy;
    ex.seed = seed;
    const int pages = rng.chance(1, 2) ? 16 : 32;
    const int maxOrder = pages == 16 ? 4 : 5;
    const int maxAlloc = pages == 16 ? 2 : 3;
    // A textbook machine with 4 KiB pages is nothing but one zone of `pages` frames; a
    // min_free_kbytes of 1 puts its watermarks at 0, so only fragmentation refuses.
    ex.config = customMachine(4096, 10, 0, 12, 20, 4, static_cast<std::uint64_t>(pages));
    ex.config.sysctl.minFreeKbytes = 1;
    QString initialLists, finalLists;
    // Plays requests on a fresh machine and writes the solution from the allocator's events.
    // The requests are drawn at random as the zone allows, or taken from `script`. True when
    // the requests make the allocator work: 6-8 of them, two sizes asked for, two frees, a merge.
    auto play = [&](const std::vector<BuddyRequest>* script) {
        ex.setup.clear();
        ex.items.clear();
        ex.steps.clear();
        ex.requests.clear();
        Simulator sim = makeSimulator(ex.config);
        int merges = 0;
        std::vector<int> ordersAsked;
        initialLists = freeLists(sim.current(), maxOrder);

        struct Live {
            int block;
            Pfn pfn;
            int order;
        };
        std::vector<Live> live;
        const int count = script ? static_cast<int>(script->size()) : rng.range(6, 8);
        int frees = 0, blocks = 0;
        auto canAlloc = [&](int order) {
            for (int o = order; o <= maxOrder; ++o)
                if (sim.current().zones[0].freeArea[static_cast<std::size_t>(o)].nrFree) return true;
            return false;
        };
        for (int i = 0; i < count; ++i) {
            bool doFree = false;
            int order = 0;
            std::size_t k = 0; // the live block a free gives back
            if (script) {
                const BuddyRequest& s = (*script)[static_cast<std::size_t>(i)];
                doFree = !s.alloc;
                order = s.order;
                if (doFree) {
                    while (k < live.size() && live[k].block != s.block) ++k;
                    if (k == live.size()) return false;
                } else if (!canAlloc(order)) {
                    return false;
                }
            } else {
                const int left = count - i;
                const bool mustFree = frees + left <= 2 && !live.empty();
                doFree = mustFree || (i >= 2 && !live.empty() && rng.chance(2, 5));
                order = rng.range(0, maxAlloc);
                while (!doFree && !canAlloc(order)) {
                    if (order == 0) {
                        doFree = true;
                        break;
                    }
                    --order;
                }
                if (doFree && live.empty()) break;
                if (doFree) k = rng.below(live.size());
            }
            BuddyRequest req;
            if (doFree) {
                const Live victim = live[k];
                live.erase(live.begin() + static_cast<std::ptrdiff_t>(k));
                req.alloc = false;
                req.block = victim.block;
                req.order = victim.order;
                const CommandResult r = mustApply(sim, Command::freePages(victim.pfn, victim.order), &ex.setup);
                ++frees;
                // The narration: the merges, and where the block lands.
                QString step = ExerciseText::tr("%1. free(%2): block %3 (order %4).")
                                   .arg(i + 1)
                                   .arg(blockName(victim.block), num(static_cast<std::int64_t>(victim.pfn)))
                                   .arg(victim.order);
                Pfn pfn = victim.pfn;
                int ord = victim.order;
                for (std::uint64_t e = r.firstEvent; e < r.endEvent; ++e) {
                    const Event& ev = sim.events()[e];
                    if (ev.type == EventType::BuddyMerge) {
                        ++merges;
                        step += QStringLiteral("\n   ")
                            + ExerciseText::tr("Its buddy %1 (%2 XOR %3) is free with order %4: they merge into %5.")
                                  .arg(ev.a)
                                  .arg(ev.pfn)
                                  .arg(1u << ev.order)
                                  .arg(ev.order)
                                  .arg(blk(ev.b, ev.order + 1));
                        pfn = ev.b;
                        ord = ev.order + 1;
                    } else if (ev.type == EventType::BuddyListAdd) {
                        const Pfn buddy = pfn ^ (Pfn(1) << ord);
                        if (buddy >= static_cast<Pfn>(pages))
                            step += QStringLiteral("\n   ") + ExerciseText::tr("Block %1 is the whole zone: nothing left to merge with.").arg(blk(pfn, ord));
                        else
                            step += QStringLiteral("\n   ")
                                + ExerciseText::tr("Its buddy %1 (%2 XOR %3) is not a free block of order %4: no more merging.")
                                      .arg(buddy)
                                      .arg(pfn)
                                      .arg(1u << ord)
                                      .arg(ord);
                        if (ev.flags & EventFlag::Tail)
                            step += QStringLiteral("\n   ")
                                + ExerciseText::tr("%1 goes to the tail of list %2: the buddy of the block it would form, %3, is free, "
                                        "so a merge is likely soon (buddy_merge_likely()).")
                                      .arg(blk(ev.pfn, ev.order))
                                      .arg(ev.order)
                                      .arg(blk(ev.a, ev.order + 1));
                        else
                            step += QStringLiteral("\n   ") + ExerciseText::tr("%1 goes to the head of list %2.").arg(blk(ev.pfn, ev.order)).arg(ev.order);
                        ExerciseItem item;
                        item.form = ExerciseItem::Form::PfnOrder;
                        item.value = static_cast<std::int64_t>(ev.pfn);
                        item.level = ev.order;
                        item.prompt = ExerciseText::tr("free(%1)").arg(blockName(victim.block));
                        item.expected = blk(ev.pfn, ev.order);
                        ex.items.push_back(item);
                    }
                }
                step += QStringLiteral("\n   ") + ExerciseText::tr("Free lists: %1").arg(freeLists(sim.current(), maxOrder));
                ex.steps << step;
            } else {
                req.alloc = true;
                req.order = order;
                ordersAsked.push_back(order);
                req.block = blocks++;
                const CommandResult r = mustApply(sim, Command::allocPages(order), &ex.setup);
                if (!r.pfn) qFatal("buddy exercise: alloc_pages(%d) failed although a block was free", order);
                QString where; // which list the block comes from
                for (std::uint64_t e = r.firstEvent; e < r.endEvent; ++e) {
                    const Event& ev = sim.events()[e];
                    if (ev.type == EventType::BuddyAlloc && ev.a == static_cast<std::uint64_t>(order))
                        where = ExerciseText::tr("list %1 is not empty; its head, block %2, is taken.")
                                    .arg(order)
                                    .arg(ev.pfn);
                    else if (ev.type == EventType::BuddyAlloc)
                        where = ExerciseText::tr("the lowest non-empty list of order ≥ %1 is list %2.")
                                    .arg(order)
                                    .arg(ev.a);
                }
                QString step = ExerciseText::tr("%1. %2 = alloc(%3): %4")
                                   .arg(i + 1)
                                   .arg(blockName(req.block))
                                   .arg(order)
                                   .arg(where);
                bool first = true;
                for (std::uint64_t e = r.firstEvent; e < r.endEvent; ++e) {
                    const Event& ev = sim.events()[e];
                    if (ev.type != EventType::BuddySplit) continue;
                    if (first)
                        step += QStringLiteral("\n   ")
                            + ExerciseText::tr("Its head, block %1, is split (expand()):").arg(blk(ev.pfn, ev.order));
                    first = false;
                    step += QStringLiteral("\n   ")
                        + ExerciseText::tr("  %1 → %2 + %3; %4 goes to the head of list %5.")
                              .arg(blk(ev.pfn, ev.order), blk(ev.pfn, ev.order - 1), blk(ev.a, ev.order - 1))
                              .arg(ev.a)
                              .arg(ev.order - 1);
                }
                step += QStringLiteral("\n   ")
                    + (order == 0 ? ExerciseText::tr("%1 = pfn %2.").arg(blockName(req.block)).arg(*r.pfn)
                                  : ExerciseText::tr("%1 = pfn %2 (pages %2–%3).")
                                        .arg(blockName(req.block))
                                        .arg(*r.pfn)
                                        .arg(*r.pfn + (Pfn(1) << order) - 1));
                live.push_back({ req.block, *r.pfn, order });
                step += QStringLiteral("\n   ") + ExerciseText::tr("Free lists: %1").arg(freeLists(sim.current(), maxOrder));
                ex.steps << step;
                ExerciseItem item;
                item.form = ExerciseItem::Form::Pfn;
                item.prompt = ExerciseText::tr("%1 = alloc(%2)").arg(blockName(req.block)).arg(order);
                item.value = static_cast<std::int64_t>(*r.pfn);
                item.expected = num(static_cast<std::int64_t>(*r.pfn));
                ex.items.push_back(item);
            }
            ex.requests.push_back(req);
        }
        finalLists = freeLists(sim.current(), maxOrder);
        std::sort(ordersAsked.begin(), ordersAsked.end());
        const bool sizes = std::unique(ordersAsked.begin(), ordersAsked.end()) - ordersAsked.begin() >= 2;
        const auto n = static_cast<int>(ex.requests.size());
        return merges >= 1 && sizes && frees >= 2 && n >= 6 && n <= 8;
    };
    bool met = false;
    for (int attempt = 0; attempt < g_attemptLimit && !met; ++attempt) met = play(nullptr);
    if (!met) {
        // The built-in requests: A = alloc(1), B = alloc(0), C = alloc(2), free(A),
        // D = alloc(0), free(B), free(D) (D merges with B's page, then with A).
        const std::vector<BuddyRequest> builtIn = { { true, 1, 0 }, { true, 0, 1 }, { true, 2, 2 }, { false, 1, 0 },
            { true, 0, 3 }, { false, 0, 1 }, { false, 0, 3 } };
        if (!play(&builtIn)) qFatal("buddy exercise: the built-in requests do not meet the minimums");
    }
    ex.steps << ExerciseText::tr("After all requests: %1").arg(finalLists);

    ex.title = ExerciseText::tr("The buddy allocator (seed %1)").arg(seed);
    QString p;
    p += ExerciseText::tr("A zone of %1 page frames, pfn 0 to %2, all free at the start: one block of order %3 (%1 pages) at "
               "pfn 0. A block of order k is 2^k pages and starts at a multiple of 2^k; its buddy starts at pfn XOR 2^k. "
               "Linux has orders up to 10; this zone only uses orders 0 to %3.")
             .arg(pages)
             .arg(pages - 1)
             .arg(maxOrder)
        + QLatin1Char('\n');
    p += ExerciseText::tr("The allocator works as Linux's (mm/page_alloc.c), with one free list per order:") + QLatin1Char('\n');
    p += QStringLiteral("  • ")
        + ExerciseText::tr("alloc(k) takes the block at the head of the lowest non-empty free list of order ≥ k. While that block is "
                "larger than 2^k pages it is halved (expand()): the lower half is kept, the upper half goes to the "
                "head of the list one order lower.")
        + QLatin1Char('\n');
    p += QStringLiteral("  • ")
        + ExerciseText::tr("free(X) gives block X back. While its buddy is a free block of the same order, the two merge into one "
                "block of the next order (at the lower pfn) and the buddy leaves its list.")
        + QLatin1Char('\n');
    p += QStringLiteral("  • ")
        + ExerciseText::tr("The block that comes out goes to the head of its list, except when its buddy is busy but the buddy of "
                "the block the two would form is free: then a merge is likely soon, and it goes to the tail "
                "(buddy_merge_likely()).")
        + QLatin1Char('\n');
    p += QStringLiteral("  • ")
        + ExerciseText::tr(
            "Free lists are written as [order] and the first pfn of each block on that list, head first: "
            "%1 means the list of order 2 holds block 4, then block 12. Nothing else allocates from this "
            "zone, and there are no per-CPU page lists.")
              .arg(QStringLiteral("[2]\u00a04,\u00a012")) // no-break spaces: the example stays on one line
        + QLatin1Char('\n');
    p += QLatin1Char('\n');
    p += ExerciseText::tr("At the start: %1").arg(initialLists) + QLatin1Char('\n');
    p += QLatin1Char('\n');
    p += ExerciseText::tr("Requests, in order (each alloc names its block):") + QLatin1Char('\n');
    for (std::size_t i = 0; i < ex.requests.size(); ++i) {
        const BuddyRequest& r = ex.requests[i];
        p += QStringLiteral("  %1. ").arg(i + 1)
            + (r.alloc ? ExerciseText::tr("%1 = alloc(%2)").arg(blockName(r.block)).arg(r.order) : ExerciseText::tr("free(%1)").arg(blockName(r.block)))
            + QLatin1Char('\n');
    }
    p += QLatin1Char('\n');
    p += ExerciseText::tr("For each request: which pfn does the alloc return, which blocks are split or merged, and what are the "
               "free lists afterwards?");
    ex.problem = p;
    ex.answerHelp = ExerciseText::tr("For an alloc type the pfn it returns. For a free type the block that ends up on a free list "
                          "after merging, as pfn/order (e.g. 8/3).");
    return ex;
}

// ---- page replacement ---------------------------------------------------------------------

QString framesText(const ReplStep& s, ReplPolicy policy)
{
    QStringList f;
    for (std::size_t i = 0; i < s.frames.size(); ++i) {
        QString x = s.frames[i] == kNoPage ? QStringLiteral("—") : num(s.frames[i]);
        if (policy == ReplPolicy::Clock && s.frames[i] != kNoPage && s.useBits[i]) x += QLatin1Char('*');
        f << x;
    }
    return QLatin1Char('[') + f.join(QStringLiteral(" ")) + QLatin1Char(']');
}

Exercise makeReplacement(std::uint64_t seed)
{
    Rng rng(seed);
    Exercise ex;
    ex.kind = ExerciseKind::Replacement;
    ex.seed = seed;
    static const ReplPolicy policies[] = {ReplPolicy::Fifo, ReplPolicy::Lru, ReplPolicy::Opt, ReplPolicy::Clock};
    ex.policy = policies[rng.below(4)];
    ex.frames = rng.range(3, 4);
    // Random strings first, tried until the policy makes three hits and three evictions;
    // then the built-in string for the number of frames (which makes them under every policy).
    ReplResult res;
    auto meets = [&] {
        res = simulateReplacement(ex.policy, ex.frames, ex.refs);
        int evictions = 0;
        for (const ReplStep& s : res.steps) evictions += s.victim != kNoPage;
        return res.hits >= 3 && evictions >= 3;
    };
    bool met = false;
    for (int attempt = 0; attempt < g_attemptLimit && !met; ++attempt) {
        const int distinct = ex.frames + rng.range(2, 3);
        const int len = rng.range(12, 15);
        ex.refs.clear();
        // Locality: often a page of the last few references comes back; never the same page
        // twice in a row (that hit teaches nothing).
        while (static_cast<int>(ex.refs.size()) < len) {
            std::int64_t p = 0;
            if (ex.refs.size() >= 3 && rng.chance(2, 5))
                p = ex.refs[ex.refs.size() - 2 - rng.below(std::min<std::size_t>(3, ex.refs.size() - 1))];
            else
                p = static_cast<std::int64_t>(rng.below(static_cast<std::uint64_t>(distinct)));
            if (!ex.refs.empty() && p == ex.refs.back()) continue;
            ex.refs.push_back(p);
        }
        met = meets();
    }
    if (!met) {
        static const std::vector<std::int64_t> builtIn3 = { 0, 1, 2, 1, 0, 3, 2, 0, 4, 2, 4, 1, 0 };
        static const std::vector<std::int64_t> builtIn4 = { 0, 1, 2, 0, 3, 4, 3, 0, 5, 1, 2, 1, 3 };
        const auto& builtIn = ex.frames == 3 ? builtIn3 : builtIn4;
        std::vector<std::int64_t> names(static_cast<std::size_t>(ex.frames + 2)); // the pages renamed by the seed
        for (std::size_t i = 0; i < names.size(); ++i) names[i] = static_cast<std::int64_t>(i);
        rng.shuffle(names);
        ex.refs.clear();
        for (std::int64_t r : builtIn) ex.refs.push_back(names[static_cast<std::size_t>(r)]);
        if (!meets()) qFatal("replacement exercise: the built-in string does not meet the minimums");
    }
    const QString name = QString::fromLatin1(replPolicyName(ex.policy).data(), static_cast<int>(replPolicyName(ex.policy).size()));
    ex.title = ExerciseText::tr("Page replacement with %1 (seed %2)").arg(name).arg(seed);
    QStringList refText;
    for (std::int64_t r : ex.refs) refText << num(r);
    QString p;
    p += ExerciseText::tr("Reference string (page numbers, in order): %1").arg(refText.join(QStringLiteral(" "))) + QLatin1Char('\n');
    p += ExerciseText::tr("Frames: %1 (numbered 0 to %2), all empty at the start. Policy: %3.").arg(ex.frames).arg(ex.frames - 1).arg(name)
        + QLatin1Char('\n');
    p += QLatin1Char('\n');
    p += QStringLiteral("  • ")
        + ExerciseText::tr("A miss fills the lowest-numbered empty frame while there is one; after that the policy chooses the "
                "victim.")
        + QLatin1Char('\n');
    switch (ex.policy) {
    case ReplPolicy::Fifo:
        p += QStringLiteral("  • ") + ExerciseText::tr("FIFO evicts the page that was loaded longest ago; hits change nothing.") + QLatin1Char('\n');
        break;
    case ReplPolicy::Lru:
        p += QStringLiteral("  • ") + ExerciseText::tr("LRU evicts the page that was used longest ago; a hit counts as a use.") + QLatin1Char('\n');
        break;
    case ReplPolicy::Opt:
        p += QStringLiteral("  • ")
            + ExerciseText::tr("OPT (Belady) evicts the page whose next use is farthest in the future; a page never used again counts "
                    "as farthest, and among several such pages the one in the lowest-numbered frame goes.")
            + QLatin1Char('\n');
        break;
    case ReplPolicy::Clock:
        p += QStringLiteral("  • ")
            + ExerciseText::tr("CLOCK (second chance): each frame has a use bit, set when its page is loaded or used. The hand "
                    "points at frame 0 at the start and stays there while empty frames are filled. On a miss with no "
                    "empty frame, the hand looks at its frame: a set use bit is cleared and the hand moves on to the "
                    "next frame (after the last comes frame 0); the first frame with a clear use bit is the victim, and "
                    "the hand stops one frame past it. In the solution, * marks a set use bit.")
            + QLatin1Char('\n');
        break;
    case ReplPolicy::Linux:
        break;
    }
    p += QLatin1Char('\n');
    p += ExerciseText::tr("For each access: is it a hit or a miss, and which page does a miss evict? How many misses are there in "
               "all?");
    ex.problem = p;
    ex.answerHelp = ExerciseText::tr("Type h for a hit, m for a miss that fills an empty frame, or m and the evicted page for a miss "
                          "that evicts one (e.g. m 3).");

    std::vector<bool> prevUse(static_cast<std::size_t>(ex.frames), false);
    int prevHand = 0;
    std::vector<std::int64_t> prevFrames(static_cast<std::size_t>(ex.frames), kNoPage);
    for (std::size_t t = 0; t < res.steps.size(); ++t) {
        const ReplStep& s = res.steps[t];
        QString outcome;
        ExerciseItem item;
        item.form = ExerciseItem::Form::Victim;
        item.prompt = ExerciseText::tr("page %1").arg(s.ref);
        if (s.hit) {
            outcome = ExerciseText::tr("hit (frame %1)").arg(s.slot);
            item.value = 1;
            item.expected = ExerciseText::tr("hit");
        } else if (s.victim == kNoPage) {
            outcome = ExerciseText::tr("miss → frame %1, which was empty").arg(s.slot);
            item.value = 0;
            item.level = kNoPage;
            item.expected = ExerciseText::tr("miss");
        } else {
            // Why this victim: the facts the policy looked at, read off the reference string.
            QStringList why;
            for (std::size_t f = 0; f < prevFrames.size(); ++f) {
                const std::int64_t page = prevFrames[f];
                if (ex.policy == ReplPolicy::Fifo || ex.policy == ReplPolicy::Lru) {
                    std::size_t when = 0;
                    if (ex.policy == ReplPolicy::Lru) {
                        for (std::size_t u = 0; u < t; ++u)
                            if (ex.refs[u] == page) when = u + 1;
                    } else {
                        for (std::size_t u = 0; u < t; ++u)
                            if (res.steps[u].slot == static_cast<int>(f) && !res.steps[u].hit) when = u + 1;
                    }
                    why << ExerciseText::tr("%1 at access %2").arg(page).arg(when);
                } else if (ex.policy == ReplPolicy::Opt) {
                    std::size_t next = 0;
                    for (std::size_t u = t + 1; u < ex.refs.size() && !next; ++u)
                        if (ex.refs[u] == page) next = u + 1;
                    why << (next ? ExerciseText::tr("%1 at access %2").arg(page).arg(next) : ExerciseText::tr("%1 never").arg(page));
                }
            }
            QString reason;
            const QString whyText = why.join(
                ExerciseText::tr(", ", "between the pages of a victim's reason: 1 at access 2, 3 at access 5"));
            if (ex.policy == ReplPolicy::Fifo)
                reason = ExerciseText::tr("loaded: %1").arg(whyText);
            else if (ex.policy == ReplPolicy::Lru)
                reason = ExerciseText::tr("last used: %1").arg(whyText);
            else if (ex.policy == ReplPolicy::Opt)
                reason = ExerciseText::tr("next used: %1").arg(whyText);
            else {
                // The hand's sweep as the rule in the problem tells it: it clears set use bits
                // until it finds a clear one; that frame is the victim (the hand then moves
                // one past it, which the step says after this).
                QStringList cleared;
                int h = prevHand;
                for (int k = 0; k < ex.frames && prevUse[static_cast<std::size_t>(h)]; ++k) {
                    cleared << num(h);
                    h = (h + 1) % ex.frames;
                }
                const QString clearedText
                    = cleared.join(ExerciseText::tr(", ", "between frame numbers: frames 0, 1, 2"));
                if (cleared.isEmpty())
                    reason = ExerciseText::tr("the hand is at frame %1, whose use bit is clear").arg(prevHand);
                else if (cleared.size() == ex.frames)
                    reason = ExerciseText::tr(
                        "the hand clears the use bits of frames %1 and comes back to frame %2, whose use bit "
                        "is now clear")
                                 .arg(clearedText)
                                 .arg(s.slot);
                else if (cleared.size() == 1)
                    reason = ExerciseText::tr(
                        "the hand clears the use bit of frame %1 and moves on to frame %2, whose use bit is clear")
                                 .arg(clearedText)
                                 .arg(s.slot);
                else
                    reason = ExerciseText::tr(
                        "the hand clears the use bits of frames %1 and moves on to frame %2, whose use bit is "
                        "clear")
                                 .arg(clearedText)
                                 .arg(s.slot);
            }
            outcome = ExerciseText::tr("miss → frame %1: evicts %2 (%3)").arg(s.slot).arg(s.victim).arg(reason);
            item.value = 0;
            item.level = s.victim;
            item.expected = ExerciseText::tr("miss, evicts %1").arg(s.victim);
        }
        if (ex.policy == ReplPolicy::Clock)
            outcome += ExerciseText::tr("; ", "before where the CLOCK hand is after the access")
                + ExerciseText::tr("hand → frame %1").arg(s.hand);
        // The frames after the access first, padded to one width, so that they line up.
        const int width = ex.frames * (ex.policy == ReplPolicy::Clock ? 3 : 2) + 1;
        ex.steps << ExerciseText::tr("%1. page %2 → %3   %4").arg(t + 1, 2).arg(s.ref).arg(framesText(s, ex.policy), -width).arg(outcome);
        ex.items.push_back(item);
        prevFrames = s.frames;
        if (ex.policy == ReplPolicy::Clock) {
            prevUse = s.useBits;
            prevHand = s.hand;
        }
    }
    ex.steps << ExerciseText::tr("In all: %1 misses and %2 hits in %3 accesses with %4 frames (%5).")
                    .arg(res.misses)
                    .arg(res.hits)
                    .arg(ex.refs.size())
                    .arg(ex.frames)
                    .arg(name);
    return ex;
}

// ---- answer parsing ------------------------------------------------------------------------------

QString normalized(const QString& typed)
{
    QString s = typed.toLower().trimmed();
    static const QRegularExpression punct(QStringLiteral("[,;:()\\[\\]，；：（）、。]"));
    s.replace(punct, QStringLiteral(" "));
    return s.simplified();
}

std::vector<std::int64_t> integers(const QString& s, bool hexDefault)
{
    std::vector<std::int64_t> out;
    static const QRegularExpression numRe(QStringLiteral("(0x[0-9a-f]+|[0-9a-f]+)"));
    auto it = numRe.globalMatch(s);
    while (it.hasNext()) {
        const QString t = it.next().captured(1);
        bool ok = false;
        const qlonglong v = t.startsWith(QLatin1String("0x")) ? t.mid(2).toLongLong(&ok, 16) : t.toLongLong(&ok, hexDefault ? 16 : 10);
        if (ok) out.push_back(v);
    }
    return out;
}

/// 1 hit, 0 miss, -1 neither; `rest` gets what follows the word.
int hitOrMiss(const QString& s, QString* rest)
{
    for (const char* w : {"未命中", "不命中", "缺失", "miss", "m"}) {
        const QString word = QString::fromUtf8(w);
        if (s.startsWith(word)) {
            *rest = s.mid(word.size()).trimmed();
            return 0;
        }
    }
    for (const char* w : {"命中", "hit", "h"}) {
        const QString word = QString::fromUtf8(w);
        if (s.startsWith(word)) {
            *rest = s.mid(word.size()).trimmed();
            return 1;
        }
    }
    return -1;
}

} // namespace

// ---- public API --------------------------------------------------------------------------------

QStringList exerciseKindNames()
{
    return {QStringLiteral("translate"), QStringLiteral("tlb"), QStringLiteral("buddy"), QStringLiteral("replacement")};
}

QString exerciseKindName(ExerciseKind k) { return exerciseKindNames().at(static_cast<int>(k)); }

bool exerciseKindFromName(const QString& name, ExerciseKind* out)
{
    const int i = exerciseKindNames().indexOf(name.trimmed().toLower());
    if (i < 0) return false;
    *out = static_cast<ExerciseKind>(i);
    return true;
}

QString exerciseKindTitle(ExerciseKind k)
{
    switch (k) {
    case ExerciseKind::Translate: return ExerciseText::tr("Address translation");
    case ExerciseKind::Tlb: return ExerciseText::tr("TLB hits and misses");
    case ExerciseKind::Buddy: return ExerciseText::tr("Buddy allocator");
    case ExerciseKind::Replacement: return ExerciseText::tr("Page replacement");
    }
    return {};
}

AnswerCheck checkAnswer(const ExerciseItem& item, const QString& typed, QString* why)
{
    if (why) why->clear();
    const QString s = normalized(typed);
    if (s.isEmpty()) return AnswerCheck::Empty;
    // The answer exactly as the solution writes it is right in every language.
    if (!item.expected.isEmpty() && s == normalized(item.expected)) return AnswerCheck::Right;
    auto verdict = [](bool right) { return right ? AnswerCheck::Right : AnswerCheck::Wrong; };
    switch (item.form) {
    case ExerciseItem::Form::Address: {
        int level = -1;
        for (const char* w : {"pde", "l1", "目录"})
            if (s.contains(QString::fromUtf8(w))) level = 0;
        for (const char* w : {"pte", "l2", "页表"})
            if (s.contains(QString::fromUtf8(w))) level = level == 0 ? -2 : 1;
        if (level == -2) return AnswerCheck::Unreadable;
        if (level >= 0) return verdict(item.value < 0 && item.level == level);
        // The address, optionally followed by the byte stored there: "0x1a7", "0x1a7 3c",
        // "0x1a7, byte 0x3c", "0x1a7 = 3c", "0x1a7，字节 3c".
        QString t = s;
        for (const char* w : { "byte", "字节", "=", "→", "->" }) t.replace(QString::fromUtf8(w), QStringLiteral(" "));
        static const QRegularExpression hexRe(QStringLiteral("^(0x)?([0-9a-f]+)$"));
        const QStringList parts = t.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        if (parts.isEmpty() || parts.size() > 2) return AnswerCheck::Unreadable;
        std::int64_t v[2] = { -1, -1 };
        for (qsizetype k = 0; k < parts.size(); ++k) {
            const auto m = hexRe.match(parts[k]);
            bool ok = false;
            if (m.hasMatch()) v[k] = m.captured(2).toLongLong(&ok, 16);
            if (!ok) return AnswerCheck::Unreadable;
        }
        if (item.value < 0 || v[0] != item.value) return AnswerCheck::Wrong;
        if (parts.size() == 2 && v[1] != item.byte) {
            if (why) *why = ExerciseText::tr("The physical address is right, but the byte stored there is not.");
            return AnswerCheck::Wrong;
        }
        return AnswerCheck::Right;
    }
    case ExerciseItem::Form::HitMiss: {
        QString rest;
        const int h = hitOrMiss(s, &rest);
        if (h < 0 || !rest.isEmpty()) return AnswerCheck::Unreadable;
        return verdict(h == item.value);
    }
    case ExerciseItem::Form::Victim: {
        QString rest;
        const int h = hitOrMiss(s, &rest);
        if (h < 0) return AnswerCheck::Unreadable;
        for (const char* w : {"evicts", "evict", "换出", "淘汰"}) rest.remove(QString::fromUtf8(w));
        const auto nums = integers(rest.trimmed(), false);
        if (nums.size() > 1 || (h == 1 && !nums.empty())) return AnswerCheck::Unreadable;
        if (h != item.value) return AnswerCheck::Wrong;
        if (h == 1) return AnswerCheck::Right;
        return verdict(nums.empty() ? item.level == kNoPage : nums.front() == item.level);
    }
    case ExerciseItem::Form::Pfn: {
        for (const char* w : {"fail", "none", "失败"})
            if (s.contains(QString::fromUtf8(w))) return verdict(item.value < 0);
        QString t = s;
        t.remove(QStringLiteral("pfn"));
        const auto nums = integers(t.trimmed(), false);
        if (nums.size() != 1) return AnswerCheck::Unreadable;
        return verdict(nums.front() == item.value);
    }
    case ExerciseItem::Form::PfnOrder: {
        QString t = s;
        t.remove(QStringLiteral("pfn"));
        t.remove(QStringLiteral("order"));
        t.replace(QLatin1Char('/'), QLatin1Char(' '));
        t.replace(QLatin1Char('@'), QLatin1Char(' '));
        const auto nums = integers(t, false);
        if (nums.size() != 2) return AnswerCheck::Unreadable;
        return verdict(nums[0] == item.value && nums[1] == item.level);
    }
    }
    return AnswerCheck::Unreadable;
}

QString Exercise::textWithSteps(int n) const
{
    QString out = title + QStringLiteral("\n\n") + problem.trimmed() + QLatin1Char('\n');
    n = std::clamp(n, 0, static_cast<int>(steps.size()));
    if (n == 0) return out;
    // Translation and buddy steps run over several lines: a blank line between them.
    const bool multiLine = kind == ExerciseKind::Translate || kind == ExerciseKind::Buddy;
    out += QLatin1Char('\n') + ExerciseText::tr("Worked solution (by memviz's simulator):") + QStringLiteral("\n\n");
    out += steps.mid(0, n).join(multiLine ? QStringLiteral("\n\n") : QStringLiteral("\n")) + QLatin1Char('\n');
    return out;
}

Exercise generateExercise(ExerciseKind kind, std::uint64_t seed)
{
    switch (kind) {
    case ExerciseKind::Translate: return makeTranslate(seed);
    case ExerciseKind::Tlb: return makeTlb(seed);
    case ExerciseKind::Buddy: return makeBuddy(seed);
    case ExerciseKind::Replacement:
        break;
    }
    return makeReplacement(seed);
}

int setExerciseAttemptLimit(int attempts)
{
    const int previous = g_attemptLimit;
    g_attemptLimit = std::max(0, attempts);
    return previous;
}

namespace {
/// Terminal columns of one character (East Asian wide: 2), as the text tables count them.
int columnsOf(QChar c)
{
    return TableExport::displayWidth(QStringView(&c, 1));
}
bool wide(QChar c)
{
    return columnsOf(c) == 2;
}

/// Punctuation a line must not start with (closing) or end with (opening).
bool closing(QChar c)
{
    static const QString set = QStringLiteral("，。；：）」』、！？》〉】〕〗”’,.;:!?)]}");
    return set.contains(c);
}
bool opening(QChar c)
{
    static const QString set = QStringLiteral("（「『《〈【〔〖“‘([{");
    return set.contains(c);
}
/// May a line end before rest[cut] (spaces around the cut are dropped)?
bool breakAllowed(const QString& rest, qsizetype cut)
{
    qsizetype b = cut - 1, a = cut;
    while (b >= 0 && rest[b] == QLatin1Char(' ')) --b;
    while (a < rest.size() && rest[a] == QLatin1Char(' ')) ++a;
    if (b < 0 || a >= rest.size()) return true;
    const QChar before = rest[b], after = rest[a];
    if (opening(before) || closing(after)) return false;
    // "——" and "……" are one mark each.
    if (before == after && (before == QChar(0x2014) || before == QChar(0x2026))) return false;
    return true;
}

} // namespace

QString wrapForTerminal(const QString& text, int columns)
{
    static const QRegularExpression marker(QStringLiteral("^(\\s*(?:\\d+\\.|•|-)?\\s*)"));
    QStringList out;
    for (const QString& line : text.split(QLatin1Char('\n'))) {
        const int width = TableExport::displayWidth(line);
        if (width <= columns) {
            out << line;
            continue;
        }
        const QString indent(static_cast<int>(marker.match(line).capturedLength(1)), QLatin1Char(' '));
        QString rest = line;
        bool first = true;
        while (!rest.isEmpty()) {
            const QString lead = first ? QString() : indent;
            int w = 0, cut = -1, i = 0;
            for (; i < rest.size(); ++i) {
                const int cw = columnsOf(rest[i]);
                if (lead.size() + w + cw > columns) break;
                w += cw;
                // A break at a space, or after a CJK character; not next to punctuation
                // that belongs to its neighbour (kinsoku).
                if (rest[i] == QLatin1Char(' ')) {
                    if (breakAllowed(rest, i)) cut = i;
                } else if (wide(rest[i]) && i + 1 < rest.size() && rest[i + 1] != QLatin1Char(' ')
                    && breakAllowed(rest, i + 1)) {
                    cut = i + 1;
                }
            }
            if (i == rest.size()) {
                out << lead + rest;
                break;
            }
            if (rest[i] == QLatin1Char(' ') && breakAllowed(rest, i)) cut = i; // the line is full just before a space
            if ((cut <= static_cast<int>(indent.size()) && first) || cut <= 0) {
                // No break found: cut hard, though not next to punctuation when it can be helped.
                cut = i;
                while (cut > 1 && !breakAllowed(rest, cut)) --cut;
            }
            QString piece = rest.left(cut);
            while (piece.endsWith(QLatin1Char(' '))) piece.chop(1);
            out << lead + (first ? piece : piece.trimmed());
            rest = rest.mid(cut).trimmed();
            first = false;
        }
    }
    return out.join(QLatin1Char('\n'));
}

int runExerciseCli(const Options& o)
{
    ExerciseKind kind;
    if (!exerciseKindFromName(o.exercise, &kind)) {
        std::fprintf(stderr, "memviz: %s\n",
                     ExerciseText::tr("--exercise: unknown kind \"%1\"; the kinds are %2")
                         .arg(o.exercise, exerciseKindNames().join(QStringLiteral(", ")))
                         .toUtf8()
                         .constData());
        return 2;
    }
    std::uint64_t seed = 1;
    if (!o.seed.isEmpty()) {
        bool ok = false;
        seed = o.seed.trimmed().toULongLong(&ok);
        if (!ok) {
            std::fprintf(stderr, "memviz: %s\n",
                         ExerciseText::tr("--seed: \"%1\" is not a whole number from 0 to 18446744073709551615")
                             .arg(o.seed)
                             .toUtf8()
                             .constData());
            return 2;
        }
    }
    const QByteArray text = wrapForTerminal(generateExercise(kind, seed).text(o.answers)).toUtf8();
    std::fwrite(text.constData(), 1, static_cast<std::size_t>(text.size()), stdout);
    std::fflush(stdout);
    return 0;
}

} // namespace memviz
