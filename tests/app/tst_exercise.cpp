// Generated exercises (issue 6): the same seed gives the same text, other seeds other
// problems, and every printed answer is re-derived here from the simulator itself (the
// Translate command's walk, the TLB's TlbLookup events, the zone's free lists after each
// alloc_pages/free_pages, simulateReplacement()) and, independently of it, from small
// textbook models written here (a two-level walk over the printed memory dump, an LRU/FIFO
// set-associative TLB, a buddy allocator with per-order lists, FIFO/LRU/OPT/CLOCK), over a
// sweep of a thousand seeds per kind that also checks each generator's minimums. Also the
// command line's bad input, the answer checker, the terminal wrapper's line-breaking rules
// (no break before 。 or after （), the separators of the Chinese text, and the dialog (type
// a right and a wrong answer, reveal the steps).
#include "CommandLine.h"
#include "Exercise.h"
#include "ExerciseDialog.h"
#include "Language.h"
#include "TestUtil.h"

#include "arch/ArchSpec.h"
#include "reclaim/Replacement.h"

#include <QFile>
#include <QLineEdit>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryFile>
#include <QTranslator>
#include <QtTest>

#include <chrono>
#include <cstdio>
#include <deque>
#include <map>
#include <optional>
#include <set>
#include <unistd.h>

using namespace memviz;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(memviz::ExerciseKind)
Q_DECLARE_METATYPE(memviz::AnswerCheck)
Q_DECLARE_METATYPE(memviz::ExerciseItem::Form)

namespace {

Exercise make(ExerciseKind kind, std::uint64_t seed)
{
    return generateExercise(kind, seed);
}

Simulator replaySetup(const Exercise& ex)
{
    auto created = Simulator::create(ex.config);
    if (!std::holds_alternative<Simulator>(created)) qFatal("the exercise's machine does not boot");
    Simulator sim = std::move(std::get<Simulator>(created));
    for (const Command& c : ex.setup)
        if (sim.apply(c).error) qFatal("a setup command was refused");
    return sim;
}

QString hexPad(std::uint64_t v, int digits) { return QStringLiteral("0x%1").arg(v, digits, 16, QLatin1Char('0')); }

/// The zone's free lists as the buddy exercise prints them: "[0] —  [1] 2, 6  [2] 4 ...".
QString freeListsOf(const Machine& m, int maxOrder)
{
    QStringList parts;
    for (int o = 0; o <= maxOrder; ++o) {
        QStringList pfns;
        for (std::uint32_t p = m.zones[0].freeArea[static_cast<std::size_t>(o)].head; p != kNil; p = m.frames.next(p))
            pfns << QString::number(p);
        parts << QStringLiteral("[%1]\u00a0%2").arg(o).arg(pfns.isEmpty() ? QStringLiteral("—") : pfns.join(QStringLiteral(", ")));
    }
    return parts.join(QStringLiteral("  "));
}

/// An answer that must be marked wrong for `item`.
QString wrongAnswer(const ExerciseItem& item)
{
    switch (item.form) {
    case ExerciseItem::Form::Address:
        if (item.value >= 0) return hexPad(static_cast<std::uint64_t>(item.value) + 1, 3);
        return item.level == 0 ? QStringLiteral("PTE") : QStringLiteral("PDE");
    case ExerciseItem::Form::HitMiss: return item.value ? QStringLiteral("m") : QStringLiteral("h");
    case ExerciseItem::Form::Victim: return item.value ? QStringLiteral("m") : QStringLiteral("h");
    case ExerciseItem::Form::Pfn: return QString::number(item.value + 1);
    case ExerciseItem::Form::PfnOrder: return QStringLiteral("%1/%2").arg(item.value).arg(item.level + 1);
    }
    return {};
}

struct CliRun {
    int code = 0;
    QByteArray out, err;
};

/// Runs the CLI entry point with stdout and stderr sent to files.
CliRun runCli(const Options& o)
{
    QTemporaryFile out, err;
    if (!out.open() || !err.open()) qFatal("no temporary files");
    std::fflush(stdout);
    std::fflush(stderr);
    const int savedOut = dup(1), savedErr = dup(2);
    dup2(out.handle(), 1);
    dup2(err.handle(), 2);
    CliRun r;
    r.code = runExerciseCli(o);
    std::fflush(stdout);
    std::fflush(stderr);
    dup2(savedOut, 1);
    dup2(savedErr, 2);
    close(savedOut);
    close(savedErr);
    QFile o1(out.fileName()), e1(err.fileName());
    if (o1.open(QIODevice::ReadOnly)) r.out = o1.readAll();
    if (e1.open(QIODevice::ReadOnly)) r.err = e1.readAll();
    return r;
}

/// Rows of (kind, seed): every kind, or only `only`.
void kindRows(std::optional<ExerciseKind> only = std::nullopt)
{
    QTest::addColumn<ExerciseKind>("kind");
    QTest::addColumn<quint64>("seed");
    for (const QString& name : exerciseKindNames()) {
        ExerciseKind k;
        exerciseKindFromName(name, &k);
        if (only && *only != k) continue;
        for (quint64 seed : {0ull, 1ull, 2ull, 7ull, 42ull, 1000ull, 123456789ull})
            QTest::addRow("%s seed %llu", qPrintable(name), seed) << k << seed;
    }
}

const std::uint64_t kSeeds[] = {0, 1, 2, 3, 7, 42, 1000};

// ---- textbook models, independent of the simulator ---------------------------------------

QString hexOf(std::uint64_t v)
{
    return QStringLiteral("0x%1").arg(v, 0, 16);
}

/// The translate problem solved from its printed text alone: the spec, the PDBR and the dump.
struct TextbookWalk {
    int page = 0, validBit = 0, pfnLow = 0, pfnHigh = 0, indexBits = 0, offsetBits = 0, pdbr = -1;
    std::map<int, std::vector<int>> dump; // frame -> bytes
    bool read(const QString& problem)
    {
        auto grab = [&](const char* re, int group = 1) {
            const auto m = QRegularExpression(QString::fromUtf8(re)).match(problem);
            return m.hasMatch() ? m.captured(group).toInt() : -1;
        };
        page = grab("page size: (\\d+) bytes");
        indexBits = grab("= (\\d+) bits page-directory index");
        offsetBits = grab("\\| (\\d+) bits offset");
        validBit = grab("bit (\\d+) = valid");
        pfnHigh = grab("bits (\\d+)–(\\d+) = PFN", 1);
        pfnLow = grab("bits (\\d+)–(\\d+) = PFN", 2);
        pdbr = grab("PDBR = (\\d+)");
        static const QRegularExpression line(
            QStringLiteral("^page +(\\d+): ((?:[0-9a-f]{8} ?)+)$"), QRegularExpression::MultilineOption);
        for (auto it = line.globalMatch(problem); it.hasNext();) {
            const auto m = it.next();
            const QString hexBytes = m.captured(2).remove(QLatin1Char(' '));
            std::vector<int> bytes;
            for (qsizetype i = 0; i + 1 < hexBytes.size(); i += 2)
                bytes.push_back(hexBytes.mid(i, 2).toInt(nullptr, 16));
            dump[m.captured(1).toInt()] = bytes;
        }
        return page > 0 && indexBits > 0 && offsetBits > 0 && validBit >= 0 && pfnHigh >= pfnLow && pdbr >= 0
            && dump.count(pdbr);
    }
    struct Answer {
        int faultLevel = -1; // 0: PDE, 1: PTE, -1: translates
        std::int64_t pa = -1;
        int byte = -1;
        bool dumped = true; // every page the walk reads is in the dump
    };
    Answer translate(std::uint64_t va) const
    {
        Answer a;
        const auto mask = static_cast<std::uint64_t>((1 << indexBits) - 1);
        const std::uint64_t index[2] = { (va >> (indexBits + offsetBits)) & mask, (va >> offsetBits) & mask };
        int table = pdbr;
        for (int level = 0; level < 2; ++level) {
            const auto it = dump.find(table);
            if (it == dump.end()) {
                a.dumped = false;
                return a;
            }
            const int entry = it->second[index[level]];
            if (!((entry >> validBit) & 1)) {
                a.faultLevel = level;
                return a;
            }
            table = (entry >> pfnLow) & ((1 << (pfnHigh - pfnLow + 1)) - 1);
        }
        const std::uint64_t offset = va & static_cast<std::uint64_t>(page - 1);
        a.pa = static_cast<std::int64_t>(static_cast<std::uint64_t>(table) * static_cast<std::uint64_t>(page) + offset);
        const auto it = dump.find(table);
        if (it == dump.end())
            a.dumped = false;
        else
            a.byte = it->second[offset];
        return a;
    }
};

/// A set-associative TLB as the textbook draws it: set = VPN mod sets; a miss fills the
/// lowest-numbered empty way of the set, else replaces the entry used (LRU) or loaded (FIFO)
/// longest ago.
struct TextbookTlb {
    struct Way {
        bool valid = false;
        std::uint64_t vpn = 0, stamp = 0;
    };
    struct Access {
        bool hit = false;
        int set = 0, way = 0;
        bool evicted = false;
        std::uint64_t victim = 0;
    };
    int sets, ways;
    bool lru;
    std::vector<Way> entries;
    std::uint64_t clock = 0;
    TextbookTlb(int s, int w, bool l)
        : sets(s)
        , ways(w)
        , lru(l)
        , entries(static_cast<std::size_t>(s * w))
    {
    }
    Access access(std::uint64_t vpn)
    {
        Access a;
        a.set = static_cast<int>(vpn % static_cast<std::uint64_t>(sets));
        Way* row = &entries[static_cast<std::size_t>(a.set * ways)];
        ++clock;
        for (int w = 0; w < ways; ++w)
            if (row[w].valid && row[w].vpn == vpn) {
                if (lru) row[w].stamp = clock;
                a.hit = true;
                a.way = w;
                return a;
            }
        a.way = -1;
        for (int w = 0; w < ways && a.way < 0; ++w)
            if (!row[w].valid) a.way = w;
        if (a.way < 0) {
            a.way = 0;
            for (int w = 1; w < ways; ++w)
                if (row[w].stamp < row[a.way].stamp) a.way = w;
            a.evicted = true;
            a.victim = row[a.way].vpn;
        }
        row[a.way] = { true, vpn, clock };
        return a;
    }
    /// As the solution prints it: "set 0: 0x200, — | set 1: 0x201, 0x203", or "0x200, —, —, —".
    QString contents() const
    {
        QStringList parts;
        for (int s = 0; s < sets; ++s) {
            QStringList w;
            for (int i = 0; i < ways; ++i) {
                const Way& e = entries[static_cast<std::size_t>(s * ways + i)];
                w << (e.valid ? hexOf(e.vpn) : QStringLiteral("—"));
            }
            parts << (sets > 1 ? QStringLiteral("set %1: %2").arg(s).arg(w.join(QStringLiteral(", ")))
                               : w.join(QStringLiteral(", ")));
        }
        return parts.join(QStringLiteral(" | "));
    }
};

/// A buddy allocator as the problem describes it: one list per order, head first; alloc
/// halves the head of the lowest fitting list, upper halves to the heads; free merges with
/// free buddies, then goes to the tail when its buddy is busy but the buddy of the block the
/// two would form is free, else to the head.
struct TextbookBuddy {
    int pages, maxOrder;
    std::vector<std::deque<int>> lists;
    TextbookBuddy(int p, int top)
        : pages(p)
        , maxOrder(top)
        , lists(static_cast<std::size_t>(top + 1))
    {
        lists.back().push_back(0);
    }
    std::deque<int>& list(int order) { return lists[static_cast<std::size_t>(order)]; }
    bool isFree(int pfn, int order)
    {
        if (pfn >= pages || order > maxOrder) return false;
        const auto& l = list(order);
        return std::find(l.begin(), l.end(), pfn) != l.end();
    }
    int alloc(int k)
    {
        int o = k;
        while (o <= maxOrder && list(o).empty()) ++o;
        if (o > maxOrder) return -1;
        const int pfn = list(o).front();
        list(o).pop_front();
        while (o > k) {
            --o;
            list(o).push_front(pfn + (1 << o));
        }
        return pfn;
    }
    struct Freed {
        std::vector<int> mergedWith; // the buddies, in order
        int pfn = 0, order = 0;
        bool tail = false;
    };
    Freed free(int pfn, int order)
    {
        Freed f;
        while (isFree(pfn ^ (1 << order), order)) {
            const int buddy = pfn ^ (1 << order);
            list(order).erase(std::find(list(order).begin(), list(order).end(), buddy));
            f.mergedWith.push_back(buddy);
            pfn = std::min(pfn, buddy);
            ++order;
        }
        const int higher = pfn & ~(1 << order);
        f.tail = isFree(higher ^ (1 << (order + 1)), order + 1);
        if (f.tail)
            list(order).push_back(pfn);
        else
            list(order).push_front(pfn);
        f.pfn = pfn;
        f.order = order;
        return f;
    }
    QString text()
    {
        QStringList parts;
        for (int o = 0; o <= maxOrder; ++o) {
            QStringList pfns;
            for (int p : list(o)) pfns << QString::number(p);
            parts << QStringLiteral("[%1]\u00a0%2")
                         .arg(o)
                         .arg(pfns.isEmpty() ? QStringLiteral("—") : pfns.join(QStringLiteral(", ")));
        }
        return parts.join(QStringLiteral("  "));
    }
};

/// Page replacement as the problem's rules say: empty frames first (the lowest), then FIFO
/// (loaded longest ago), LRU (used longest ago), OPT (next use farthest, never counting as
/// farthest, ties to the lowest frame), CLOCK (the hand clears set use bits until it finds
/// a clear one, the victim, and stops one past it; it stays put while empty frames fill).
struct TextbookReplacement {
    struct Step {
        bool hit = false;
        int frame = -1;
        std::int64_t victim = kNoPage;
        std::vector<std::int64_t> frames;
        std::vector<bool> use;
        std::vector<int> cleared; // CLOCK: the frames whose use bit the hand cleared
        int hand = 0;
    };
    static std::vector<Step> run(ReplPolicy policy, int n, const std::vector<std::int64_t>& refs)
    {
        std::vector<Step> out;
        std::vector<std::int64_t> frame(static_cast<std::size_t>(n), kNoPage);
        std::vector<std::size_t> loaded(frame.size()), used(frame.size());
        std::vector<bool> use(frame.size());
        int hand = 0;
        for (std::size_t t = 0; t < refs.size(); ++t) {
            Step st;
            const auto at = std::find(frame.begin(), frame.end(), refs[t]);
            if (at != frame.end()) {
                st.hit = true;
                st.frame = static_cast<int>(at - frame.begin());
            } else {
                const auto empty = std::find(frame.begin(), frame.end(), kNoPage);
                if (empty != frame.end()) {
                    st.frame = static_cast<int>(empty - frame.begin());
                } else if (policy == ReplPolicy::Clock) {
                    while (use[static_cast<std::size_t>(hand)]) {
                        use[static_cast<std::size_t>(hand)] = false;
                        st.cleared.push_back(hand);
                        hand = (hand + 1) % n;
                    }
                    st.frame = hand;
                    hand = (hand + 1) % n;
                } else {
                    auto key = [&](std::size_t f) -> std::size_t { // the smallest key goes
                        if (policy == ReplPolicy::Fifo) return loaded[f];
                        if (policy == ReplPolicy::Lru) return used[f];
                        for (std::size_t u = t + 1; u < refs.size(); ++u)
                            if (refs[u] == frame[f]) return refs.size() - u;
                        return 0; // never used again: farthest of all
                    };
                    st.frame = 0;
                    for (std::size_t f = 1; f < frame.size(); ++f)
                        if (key(f) < key(static_cast<std::size_t>(st.frame))) st.frame = static_cast<int>(f);
                }
                const auto f = static_cast<std::size_t>(st.frame);
                st.victim = frame[f];
                frame[f] = refs[t];
                loaded[f] = t + 1;
            }
            used[static_cast<std::size_t>(st.frame)] = t + 1;
            use[static_cast<std::size_t>(st.frame)] = true;
            st.frames = frame;
            st.use = use;
            st.hand = hand;
            out.push_back(st);
        }
        return out;
    }
    /// "[3* 6 2 4]" (CLOCK marks set use bits) or "[3 6 2 4]".
    static QString framesText(const Step& s, bool clock)
    {
        QStringList f;
        for (std::size_t i = 0; i < s.frames.size(); ++i) {
            QString x = s.frames[i] == kNoPage ? QStringLiteral("—") : QString::number(s.frames[i]);
            if (clock && s.frames[i] != kNoPage && s.use[i]) x += QLatin1Char('*');
            f << x;
        }
        return QLatin1Char('[') + f.join(QLatin1Char(' ')) + QLatin1Char(']');
    }
};

// ---- the sweep: minimums and the textbook answers --------------------------------------------

/// Texts that only some exercises print, counted over a sweep: each must occur at least once
/// (a branch of the generator that no seed reaches would be dead text).
using Seen = std::map<QString, int>;

/// Checks one exercise against its kind's minimums and the textbook model; the first
/// problem found, or an empty string.
QString checkExercise(const Exercise& ex, Seen& seen)
{
    auto fail = [&](const QString& what) {
        return QStringLiteral("%1 seed %2: %3").arg(exerciseKindName(ex.kind)).arg(ex.seed).arg(what);
    };
    if (ex.steps.size() != static_cast<qsizetype>(ex.items.size()) + 1)
        return fail(QStringLiteral("not one step per item"));
    const QString all = ex.text(true);
    if (all.contains(QStringLiteral("stops at"))) return fail(QStringLiteral("the hand \"stops at\" its victim"));
    switch (ex.kind) {
    case ExerciseKind::Translate: {
        TextbookWalk walk;
        if (!walk.read(ex.problem)) return fail(QStringLiteral("the problem's spec or dump cannot be read"));
        const int n = static_cast<int>(ex.addresses.size());
        if (n < 4 || n > 6 || ex.items.size() != ex.addresses.size())
            return fail(QStringLiteral("%1 addresses").arg(n));
        int ok = 0, faults[2] = { 0, 0 };
        std::set<std::uint64_t> vpns;
        for (std::size_t i = 0; i < ex.addresses.size(); ++i) {
            const std::uint64_t va = ex.addresses[i];
            vpns.insert(va >> walk.offsetBits);
            const TextbookWalk::Answer a = walk.translate(va);
            const ExerciseItem& it = ex.items[i];
            const QString& step = ex.steps[static_cast<qsizetype>(i)];
            if (!a.dumped) return fail(QStringLiteral("a page the walk of %1 needs is not in the dump").arg(hexOf(va)));
            if (a.faultLevel >= 0) {
                ++faults[a.faultLevel];
                if (it.value != -1 || it.level != a.faultLevel)
                    return fail(QStringLiteral("%1 should fault at level %2").arg(hexOf(va)).arg(a.faultLevel));
                if (!step.contains(a.faultLevel == 0 ? QStringLiteral("(PDE fault)") : QStringLiteral("(PTE fault)")))
                    return fail(step);
                seen[a.faultLevel == 0 ? QStringLiteral("PDE fault") : QStringLiteral("PTE fault")]++;
            } else {
                ++ok;
                if (it.value != a.pa || it.byte != a.byte)
                    return fail(
                        QStringLiteral("%1 should give %2 and byte %3").arg(hexOf(va), hexOf(a.pa)).arg(a.byte));
                if (!step.contains(QStringLiteral("; the byte there is 0x%1 (%2)")
                                       .arg(a.byte, 2, 16, QLatin1Char('0'))
                                       .arg(a.byte)))
                    return fail(step);
                if (checkAnswer(it, QStringLiteral("%1 %2").arg(hexOf(a.pa), hexOf(a.byte))) != AnswerCheck::Right)
                    return fail(QStringLiteral("address and byte not accepted"));
            }
        }
        if (ok < 2 || faults[0] < 1 || faults[1] < 1)
            return fail(QStringLiteral("%1 translate, %2 PDE and %3 PTE faults").arg(ok).arg(faults[0]).arg(faults[1]));
        if (vpns.size() != ex.addresses.size()) return fail(QStringLiteral("two addresses on one page"));
        return {};
    }
    case ExerciseKind::Tlb: {
        const int sets = ex.config.tlb.sets, ways = ex.config.tlb.ways;
        const bool lru = ex.config.tlb.policy == 0;
        TextbookTlb tlb(sets, ways, lru);
        const int n = static_cast<int>(ex.addresses.size());
        if (n < 10 || n > 12 || ex.items.size() != ex.addresses.size())
            return fail(QStringLiteral("%1 accesses").arg(n));
        int hits = 0, evictions = 0;
        std::map<std::uint64_t, int> uses;
        std::vector<std::set<std::uint64_t>> pagesOfSet(static_cast<std::size_t>(sets));
        for (int i = 0; i < n; ++i) {
            const std::uint64_t vpn = ex.addresses[static_cast<std::size_t>(i)] >> 12;
            const TextbookTlb::Access a = tlb.access(vpn);
            ++uses[vpn];
            pagesOfSet[static_cast<std::size_t>(a.set)].insert(vpn);
            const QString& step = ex.steps[i];
            if (ex.items[static_cast<std::size_t>(i)].value != (a.hit ? 1 : 0))
                return fail(QStringLiteral("access %1: hit/miss").arg(i + 1));
            QString outcome;
            if (a.hit) {
                outcome = QStringLiteral("hit (way %1)").arg(a.way);
                ++hits;
            } else if (!a.evicted) {
                outcome = QStringLiteral("miss → loaded into way %1, which was empty").arg(a.way);
                seen[QStringLiteral("TLB way was empty")]++;
            } else {
                outcome = QStringLiteral("miss → way %1: evicts %2, the entry %3 longest ago")
                              .arg(a.way)
                              .arg(hexOf(a.victim), lru ? QStringLiteral("used") : QStringLiteral("loaded"));
                ++evictions;
                seen[lru ? QStringLiteral("TLB LRU eviction") : QStringLiteral("TLB FIFO eviction")]++;
            }
            const QString where = sets > 1 ? QStringLiteral("VPN %1, set %2").arg(hexOf(vpn)).arg(a.set)
                                           : QStringLiteral("VPN %1").arg(hexOf(vpn));
            if (!step.contains(
                    QStringLiteral("%1: %2: %3").arg(ex.items[static_cast<std::size_t>(i)].prompt, where, outcome)))
                return fail(step + QStringLiteral("\nexpected: ") + outcome);
            if (!step.contains(QStringLiteral("TLB: ") + tlb.contents()))
                return fail(step + QStringLiteral("\nexpected TLB: ") + tlb.contents());
        }
        if (!ex.steps.last().contains(QStringLiteral("In all: %1 hits and %2 misses").arg(hits).arg(n - hits)))
            return fail(ex.steps.last());
        if (!ex.steps.last().endsWith(tlb.contents())) return fail(ex.steps.last());
        if (hits < 3 || evictions < 2) return fail(QStringLiteral("%1 hits, %2 evictions").arg(hits).arg(evictions));
        if (uses.size() < 5) return fail(QStringLiteral("only %1 pages").arg(uses.size()));
        for (const auto& [vpn, count] : uses)
            if (count > 4) return fail(QStringLiteral("page %1 read %2 times").arg(hexOf(vpn)).arg(count));
        for (const auto& ps : pagesOfSet)
            if (ps.size() < 2) return fail(QStringLiteral("a set with %1 pages").arg(ps.size()));
        seen[sets == 1 ? QStringLiteral("TLB fully associative") : QStringLiteral("TLB 2-way")]++;
        return {};
    }
    case ExerciseKind::Buddy: {
        const int pages = static_cast<int>(ex.config.ramBytes / 4096);
        TextbookBuddy b(pages, pages == 16 ? 4 : 5);
        if (!ex.problem.contains(QStringLiteral("At the start: ") + b.text())) return fail(QStringLiteral("the start"));
        const int n = static_cast<int>(ex.requests.size());
        if (n < 6 || n > 8 || ex.items.size() != ex.requests.size()) return fail(QStringLiteral("%1 requests").arg(n));
        std::vector<std::pair<int, int>> blocks;
        std::set<int> orders;
        int frees = 0, merges = 0;
        for (int i = 0; i < n; ++i) {
            const BuddyRequest& rq = ex.requests[static_cast<std::size_t>(i)];
            const ExerciseItem& it = ex.items[static_cast<std::size_t>(i)];
            const QString& step = ex.steps[i];
            if (rq.alloc) {
                orders.insert(rq.order);
                const int pfn = b.alloc(rq.order);
                if (pfn < 0) return fail(QStringLiteral("request %1 cannot be met").arg(i + 1));
                if (rq.block != static_cast<int>(blocks.size())) return fail(QStringLiteral("block names"));
                blocks.push_back({ pfn, rq.order });
                if (it.value != pfn)
                    return fail(QStringLiteral("request %1: pfn %2, not %3").arg(i + 1).arg(pfn).arg(it.value));
                if (!step.contains(QStringLiteral("= pfn %1").arg(pfn))) return fail(step);
                seen[step.contains(QStringLiteral("is split")) ? QStringLiteral("buddy split")
                                                               : QStringLiteral("buddy no split")]++;
            } else {
                ++frees;
                const auto [pfn, order] = blocks[static_cast<std::size_t>(rq.block)];
                const TextbookBuddy::Freed f = b.free(pfn, order);
                merges += static_cast<int>(f.mergedWith.size());
                if (it.value != f.pfn || it.level != f.order)
                    return fail(QStringLiteral("request %1: %2/%3").arg(i + 1).arg(f.pfn).arg(f.order));
                int o = order;
                for (int buddy : f.mergedWith) {
                    if (!step.contains(QStringLiteral("Its buddy %1 (").arg(buddy)
                            + QStringLiteral("%1 XOR %2) is free with order %3")
                                  .arg(buddy ^ (1 << o))
                                  .arg(1 << o)
                                  .arg(o)))
                        return fail(step);
                    ++o;
                }
                const bool whole = f.order == b.maxOrder;
                if (whole != step.contains(QStringLiteral("is the whole zone"))) return fail(step);
                if (!step.contains(QStringLiteral("%1/%2 goes to the %3 of list %2")
                                       .arg(f.pfn)
                                       .arg(f.order)
                                       .arg(f.tail ? QStringLiteral("tail") : QStringLiteral("head"))))
                    return fail(step);
                seen[whole ? QStringLiteral("buddy whole zone") : QStringLiteral("buddy stops merging")]++;
                seen[f.tail ? QStringLiteral("buddy tail") : QStringLiteral("buddy head")]++;
            }
            if (!step.contains(QStringLiteral("Free lists: ") + b.text()))
                return fail(step + QStringLiteral("\nexpected: ") + b.text());
        }
        if (!ex.steps.last().contains(b.text())) return fail(ex.steps.last());
        if (orders.size() < 2 || frees < 2 || merges < 1)
            return fail(QStringLiteral("%1 sizes, %2 frees, %3 merges").arg(orders.size()).arg(frees).arg(merges));
        return {};
    }
    case ExerciseKind::Replacement: {
        const int n = static_cast<int>(ex.refs.size());
        if (n < 12 || n > 15 || ex.frames < 3 || ex.frames > 4 || ex.items.size() != ex.refs.size())
            return fail(QStringLiteral("%1 references").arg(n));
        for (int i = 0; i + 1 < n; ++i)
            if (ex.refs[static_cast<std::size_t>(i)] == ex.refs[static_cast<std::size_t>(i) + 1])
                return fail(QStringLiteral("a page twice in a row"));
        const bool clock = ex.policy == ReplPolicy::Clock;
        const auto model = TextbookReplacement::run(ex.policy, ex.frames, ex.refs);
        int hits = 0, evictions = 0;
        for (int i = 0; i < n; ++i) {
            const TextbookReplacement::Step& m = model[static_cast<std::size_t>(i)];
            const ExerciseItem& it = ex.items[static_cast<std::size_t>(i)];
            const QString& step = ex.steps[i];
            if (it.value != (m.hit ? 1 : 0) || (!m.hit && it.level != m.victim))
                return fail(QStringLiteral("access %1").arg(i + 1));
            QString outcome;
            if (m.hit) {
                ++hits;
                outcome = QStringLiteral("hit (frame %1)").arg(m.frame);
            } else if (m.victim == kNoPage) {
                outcome = QStringLiteral("miss → frame %1, which was empty").arg(m.frame);
            } else {
                ++evictions;
                outcome = QStringLiteral("miss → frame %1: evicts %2 (").arg(m.frame).arg(m.victim);
            }
            if (!step.contains(QStringLiteral("→ %1").arg(TextbookReplacement::framesText(m, clock))))
                return fail(step);
            if (!step.contains(outcome)) return fail(step + QStringLiteral("\nexpected: ") + outcome);
            if (!clock) continue;
            if (!step.endsWith(QStringLiteral("; hand → frame %1").arg(m.hand))) return fail(step);
            if (m.victim == kNoPage) continue;
            QStringList cleared;
            for (int f : m.cleared) cleared << QString::number(f);
            QString reason;
            if (cleared.isEmpty()) {
                reason = QStringLiteral("the hand is at frame %1, whose use bit is clear").arg(m.frame);
                seen[QStringLiteral("CLOCK no sweep")]++;
            } else if (cleared.size() == ex.frames) {
                reason = QStringLiteral(
                    "the hand clears the use bits of frames %1 and comes back to frame %2, whose use bit is now clear")
                             .arg(cleared.join(QStringLiteral(", ")))
                             .arg(m.frame);
                seen[QStringLiteral("CLOCK full sweep")]++;
            } else {
                reason
                    = QStringLiteral("the hand clears the use %1 %2 and moves on to frame %3, whose use bit is clear")
                          .arg(cleared.size() == 1 ? QStringLiteral("bit of frame") : QStringLiteral("bits of frames"),
                              cleared.join(QStringLiteral(", ")))
                          .arg(m.frame);
                seen[cleared.size() == 1 ? QStringLiteral("CLOCK one cleared")
                                         : QStringLiteral("CLOCK some cleared")]++;
            }
            if (!step.contains(QStringLiteral("(%1)").arg(reason)))
                return fail(step + QStringLiteral("\nexpected: ") + reason);
        }
        if (!ex.steps.last().contains(QStringLiteral("In all: %1 misses and %2 hits").arg(n - hits).arg(hits)))
            return fail(ex.steps.last());
        if (hits < 3 || evictions < 3) return fail(QStringLiteral("%1 hits, %2 evictions").arg(hits).arg(evictions));
        seen[QString::fromLatin1(replPolicyName(ex.policy).data())]++;
        return {};
    }
    }
    return fail(QStringLiteral("unknown kind"));
}

/// Sets the generators' attempt limit for one scope.
struct AttemptLimit {
    int previous;
    explicit AttemptLimit(int n)
        : previous(setExerciseAttemptLimit(n))
    {
    }
    ~AttemptLimit() { setExerciseAttemptLimit(previous); }
};

// ---- line breaking ---------------------------------------------------------------------------

const QString kClosing = QStringLiteral("，。；：）」』、！？》〉】,.;:!?)]}");
const QString kOpening = QStringLiteral("（「『《〈【([{");

int cells(const QString& s)
{
    int w = 0;
    for (QChar c : s)
        w += (c.unicode() >= 0x2e80 && c.unicode() <= 0xa4cf) || (c.unicode() >= 0xff00 && c.unicode() <= 0xff60) ? 2
                                                                                                                  : 1;
    return w;
}

/// What is wrong with how `wrapped` breaks its lines (empty: nothing).
QString breakingProblem(const QString& wrapped, int columns)
{
    const QStringList lines = wrapped.split(QLatin1Char('\n'));
    for (int i = 0; i < lines.size(); ++i) {
        const QString l = lines[i];
        if (cells(l) > columns) return QStringLiteral("too wide: ") + l;
        if (i > 0 && !l.trimmed().isEmpty() && kClosing.contains(l.trimmed().front()))
            return QStringLiteral("starts with closing punctuation: ") + l;
        if (i + 1 < lines.size() && !l.trimmed().isEmpty() && kOpening.contains(l.trimmed().back()))
            return QStringLiteral("ends with opening punctuation: ") + l;
        if (i + 1 < lines.size() && !l.isEmpty() && !lines[i + 1].trimmed().isEmpty()) {
            const QChar a = l.back(), b = lines[i + 1].trimmed().front();
            if (a == b && (a == QChar(0x2014) || a == QChar(0x2026))) return QStringLiteral("splits —— or ……: ") + l;
        }
    }
    return {};
}

/// The separators as a Chinese translation will have them (the real zh_CN translations of
/// these strings are added after this change): the test sees whether the text asks for them.
class ChineseSeparators : public QTranslator {
public:
    QString translate(
        const char* context, const char* source, const char* disambiguation = nullptr, int = -1) const override
    {
        if (qstrcmp(context, "ExerciseText") != 0) return {};
        const QByteArray s(source), d(disambiguation);
        if (s == ", ") return d.startsWith("between frame numbers") ? QStringLiteral("、") : QStringLiteral("，");
        if (s == "; ") return QStringLiteral("；");
        if (s == "%1. %2 = alloc(%3): %4") return QStringLiteral("%1. %2 = alloc(%3)：%4");
        if (s == "%1. %2: %3: %4") return QStringLiteral("%1. %2：%3：%4");
        if (s == "%1, byte %2") return QStringLiteral("%1，字节 %2");
        return {};
    }
    bool isEmpty() const override { return false; }
};

} // namespace

class TestExercise : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // the dialog keeps its text size in QSettings
        QSettings().clear();
    }

    void sameSeedSameText_data() { kindRows(); }
    void sameSeedSameText()
    {
        QFETCH(ExerciseKind, kind);
        QFETCH(quint64, seed);
        const Exercise a = make(kind, seed), b = make(kind, seed);
        QCOMPARE(a.text(true), b.text(true));
        QCOMPARE(a.text(false), b.text(false));
        QVERIFY(a.text(true).startsWith(a.text(false)));
        QVERIFY(a.text(true).size() > a.text(false).size());
        QVERIFY(a.title.contains(QString::number(seed)));
        // One step per item, then a summary; every expected answer is accepted by the checker.
        QCOMPARE(a.steps.size(), static_cast<qsizetype>(a.items.size()) + 1);
        QVERIFY(a.items.size() >= 4);
        for (const ExerciseItem& it : a.items) {
            QCOMPARE(memviz::checkAnswer(it, it.expected), AnswerCheck::Right);
            QCOMPARE(memviz::checkAnswer(it, wrongAnswer(it)), AnswerCheck::Wrong);
            QVERIFY(!it.prompt.isEmpty());
        }
    }

    void differentSeedsDiffer_data()
    {
        QTest::addColumn<ExerciseKind>("kind");
        for (const QString& name : exerciseKindNames()) {
            ExerciseKind k;
            exerciseKindFromName(name, &k);
            QTest::newRow(qPrintable(name)) << k;
        }
    }
    void differentSeedsDiffer()
    {
        QFETCH(ExerciseKind, kind);
        // The problems themselves (not only the seed in the title) differ.
        std::set<QString> problems;
        for (std::uint64_t seed : kSeeds) problems.insert(make(kind, seed).problem);
        QCOMPARE(problems.size(), std::size(kSeeds));
    }

    void translateAnswersComeFromTheWalk_data() { kindRows(ExerciseKind::Translate); }
    void translateAnswersComeFromTheWalk()
    {
        QFETCH(ExerciseKind, kind);
        QFETCH(quint64, seed);
        const Exercise ex = make(kind, seed);
        QVERIFY(ex.config.arch.custom);
        QCOMPARE(ex.config.arch.levels.size(), std::size_t(2));
        Simulator sim = replaySetup(ex);
        const Machine& m0 = sim.current();
        const std::uint64_t page = ex.config.arch.pageSize();

        // The dump shows exactly what the machine holds, and includes the page directory.
        static const QRegularExpression dumpLine(QStringLiteral("^page +(\\d+): ((?:[0-9a-f]{8} ?)+)$"),
                                                 QRegularExpression::MultilineOption);
        std::set<std::uint64_t> dumped;
        for (auto it = dumpLine.globalMatch(ex.problem); it.hasNext();) {
            const auto match = it.next();
            // A dump line is never wrapped (neither in the dialog nor by the terminal wrapper).
            const int lineNo = static_cast<int>(ex.problem.left(match.capturedStart()).count(QLatin1Char('\n')));
            QVERIFY(std::find(ex.noWrapLines.begin(), ex.noWrapLines.end(), lineNo) != ex.noWrapLines.end());
            QVERIFY(match.captured(0).size() <= 100);
            const std::uint64_t frame = match.captured(1).toULongLong();
            const QString bytes = match.captured(2).remove(QLatin1Char(' '));
            QCOMPARE(bytes.size(), qsizetype(page * 2));
            for (std::uint64_t i = 0; i < page; ++i)
                QCOMPARE(bytes.mid(static_cast<qsizetype>(i * 2), 2).toUInt(nullptr, 16), uint(m0.phys.read8(frame * page + i)));
            dumped.insert(frame);
        }
        QVERIFY(dumped.count(m0.cpu.cr3));
        QVERIFY(ex.problem.contains(QStringLiteral("PDBR = %1").arg(m0.cpu.cr3)));

        int faults[2] = {0, 0}, ok = 0;
        for (std::size_t i = 0; i < ex.addresses.size(); ++i) {
            const std::uint64_t va = ex.addresses[i];
            Command t = vmCommand(CommandType::Translate, 0);
            t.addr = va;
            const CommandResult r = sim.apply(t);
            QVERIFY(!r.error);
            const Event& done = sim.events()[r.endEvent - 1];
            QCOMPARE(done.type, EventType::TranslateDone);
            const ExerciseItem& item = ex.items[i];
            const QString step = ex.steps[static_cast<qsizetype>(i)];
            QVERIFY(ex.problem.contains(item.prompt));
            if (done.flags & EventFlag::Valid) {
                ++ok;
                QCOMPARE(item.value, static_cast<std::int64_t>(done.b));
                const int digits = (ex.config.arch.physAddrBits + 3) / 4;
                QVERIFY2(step.contains(hexPad(done.b, digits)), qPrintable(step));
                const int byte = sim.current().phys.read8(done.b);
                QVERIFY2(step.contains(QStringLiteral("the byte there is %1 (%2)").arg(hexPad(byte, 2)).arg(byte)), qPrintable(step));
                QCOMPARE(item.byte, std::int64_t(byte));
                // The data page reached is in the dump, so the byte can be looked up.
                QVERIFY(dumped.count(done.b / page));
            } else {
                const int level = static_cast<int>(done.c);
                ++faults[level];
                QCOMPARE(item.value, std::int64_t(-1));
                QCOMPARE(item.level, std::int64_t(level));
                QVERIFY(step.contains(level == 0 ? QStringLiteral("PDE fault") : QStringLiteral("PTE fault")));
            }
            // Every entry the walk read is named with its contents.
            for (std::uint64_t e = r.firstEvent; e < r.endEvent; ++e) {
                const Event& w = sim.events()[e];
                if (w.type != EventType::WalkStep) continue;
                QVERIFY(step.contains(QStringLiteral("= %1: valid %2").arg(hexPad(w.c, 2)).arg((w.flags & EventFlag::Valid) ? 1 : 0)));
                QVERIFY(dumped.count(w.pfn));
            }
        }
        QVERIFY(ok >= 2);
        QVERIFY(faults[0] >= 1);
        QVERIFY(faults[1] >= 1);
        QVERIFY(ex.addresses.size() >= 4 && ex.addresses.size() <= 6);
    }

    void tlbAnswersComeFromTlbLookups_data() { kindRows(ExerciseKind::Tlb); }
    void tlbAnswersComeFromTlbLookups()
    {
        QFETCH(ExerciseKind, kind);
        QFETCH(quint64, seed);
        const Exercise ex = make(kind, seed);
        QCOMPARE(ex.config.tlb.sets * ex.config.tlb.ways, 4);
        QVERIFY(ex.config.tlb.policy == 0 || ex.config.tlb.policy == 1);
        QVERIFY(ex.problem.contains(ex.config.tlb.policy == 0 ? QStringLiteral("LRU") : QStringLiteral("FIFO")));
        Simulator sim = replaySetup(ex);
        for (const TlbEntry& e : sim.current().tlb.small) QVERIFY(!(e.flags & TlbFlag::Valid)); // "empty at the start"
        QVERIFY(ex.problem.contains(QStringLiteral("The TLB is empty at the start")));
        int hits = 0;
        for (std::size_t i = 0; i < ex.addresses.size(); ++i) {
            QVERIFY(ex.problem.contains(hexPad(ex.addresses[i], 8)));
            Command a = vmCommand(CommandType::Access, ex.pid);
            a.addr = ex.addresses[i];
            a.len = 1;
            const CommandResult r = sim.apply(a);
            QVERIFY(!r.error);
            int lookups = 0;
            bool hit = false;
            for (std::uint64_t e = r.firstEvent; e < r.endEvent; ++e)
                if (sim.events()[e].type == EventType::TlbLookup && lookups++ == 0) hit = sim.events()[e].flags & EventFlag::Hit;
            QCOMPARE(lookups, 1);
            QCOMPARE(ex.items[i].value, hit ? 1 : 0);
            QVERIFY(ex.steps[static_cast<qsizetype>(i)].contains(hit ? QStringLiteral("hit") : QStringLiteral("miss")));
            hits += hit;
        }
        const int total = static_cast<int>(ex.addresses.size());
        QVERIFY(hits >= 3);
        QVERIFY2(ex.steps.last().contains(QStringLiteral("In all: %1 hits and %2 misses").arg(hits).arg(total - hits)),
                 qPrintable(ex.steps.last()));
        // The final contents the summary lists are the TLB's.
        for (const TlbEntry& e : sim.current().tlb.small)
            if (e.flags & TlbFlag::Valid) QVERIFY(ex.steps.last().contains(QStringLiteral("0x%1").arg(e.vpn, 0, 16)));
    }

    void buddyFreeListsComeFromTheZone_data() { kindRows(ExerciseKind::Buddy); }
    void buddyFreeListsComeFromTheZone()
    {
        QFETCH(ExerciseKind, kind);
        QFETCH(quint64, seed);
        const Exercise ex = make(kind, seed);
        auto created = Simulator::create(ex.config);
        QVERIFY(std::holds_alternative<Simulator>(created));
        Simulator sim = std::move(std::get<Simulator>(created));
        const Machine& boot = sim.current();
        QCOMPARE(boot.zones.size(), std::size_t(1));
        const int pages = static_cast<int>(boot.zones[0].managed);
        QVERIFY(pages == 16 || pages == 32);
        const int maxOrder = pages == 16 ? 4 : 5;
        QCOMPARE(boot.zones[0].freePages, std::uint64_t(pages)); // all free, as the problem says
        QVERIFY(ex.problem.contains(QStringLiteral("At the start: ") + freeListsOf(boot, maxOrder)));

        std::vector<std::pair<Pfn, int>> blocks;
        int merges = 0;
        for (std::size_t i = 0; i < ex.requests.size(); ++i) {
            const BuddyRequest& rq = ex.requests[i];
            const ExerciseItem& item = ex.items[i];
            const QString step = ex.steps[static_cast<qsizetype>(i)];
            if (rq.alloc) {
                const CommandResult r = sim.apply(Command::allocPages(rq.order));
                QVERIFY(!r.error);
                QVERIFY(r.pfn.has_value());
                QCOMPARE(rq.block, static_cast<int>(blocks.size()));
                blocks.push_back({*r.pfn, rq.order});
                QCOMPARE(item.form, ExerciseItem::Form::Pfn);
                QCOMPARE(item.value, static_cast<std::int64_t>(*r.pfn));
            } else {
                const auto [pfn, order] = blocks[static_cast<std::size_t>(rq.block)];
                const CommandResult r = sim.apply(Command::freePages(pfn, order));
                QVERIFY(!r.error);
                const Event& add = sim.events()[r.endEvent - 1];
                QCOMPARE(add.type, EventType::BuddyListAdd);
                for (std::uint64_t e = r.firstEvent; e < r.endEvent; ++e) merges += sim.events()[e].type == EventType::BuddyMerge;
                QCOMPARE(item.form, ExerciseItem::Form::PfnOrder);
                QCOMPARE(item.value, static_cast<std::int64_t>(add.pfn));
                QCOMPARE(item.level, std::int64_t(add.order));
                QVERIFY(step.contains((add.flags & EventFlag::Tail) ? QStringLiteral("to the tail") : QStringLiteral("to the head")));
            }
            QVERIFY2(step.contains(QStringLiteral("Free lists: ") + freeListsOf(sim.current(), maxOrder)), qPrintable(step));
        }
        QVERIFY(merges >= 1);
        QVERIFY(ex.steps.last().contains(freeListsOf(sim.current(), maxOrder)));
        QCOMPARE(ex.setup.size(), ex.requests.size()); // the commands the test replayed are the exercise's
    }

    void replacementAnswersComeFromTheLab_data() { kindRows(ExerciseKind::Replacement); }
    void replacementAnswersComeFromTheLab()
    {
        QFETCH(ExerciseKind, kind);
        QFETCH(quint64, seed);
        const Exercise ex = make(kind, seed);
        QVERIFY(ex.policy != ReplPolicy::Linux);
        QStringList refs;
        for (std::int64_t r : ex.refs) refs << QString::number(r);
        QVERIFY(ex.problem.contains(refs.join(QLatin1Char(' '))));
        QVERIFY(ex.problem.contains(QStringLiteral("Frames: %1").arg(ex.frames)));
        const ReplResult res = simulateReplacement(ex.policy, ex.frames, ex.refs);
        QCOMPARE(ex.items.size(), res.steps.size());
        for (std::size_t i = 0; i < res.steps.size(); ++i) {
            QCOMPARE(ex.items[i].value, res.steps[i].hit ? 1 : 0);
            if (!res.steps[i].hit) QCOMPARE(ex.items[i].level, res.steps[i].victim);
        }
        QVERIFY(ex.steps.last().contains(QStringLiteral("In all: %1 misses and %2 hits").arg(res.misses).arg(res.hits)));
    }

    void sweep_data()
    {
        QTest::addColumn<ExerciseKind>("kind");
        QTest::addColumn<int>("seeds");
        QTest::addColumn<int>("attempts"); // -1: the generators' own limit; 0: their built-in sequences
        const int n = test::kSlowBuild ? 300 : 1000;
        for (const QString& name : exerciseKindNames()) {
            ExerciseKind k;
            exerciseKindFromName(name, &k);
            QTest::addRow("%s, seeds 0-%d", qPrintable(name), n - 1) << k << n << -1;
            if (k != ExerciseKind::Translate)
                QTest::addRow("%s, built-in sequences", qPrintable(name)) << k << 100 << 0;
        }
    }
    void sweep()
    {
        QFETCH(ExerciseKind, kind);
        QFETCH(int, seeds);
        QFETCH(int, attempts);
        std::optional<AttemptLimit> limit;
        if (attempts >= 0) limit.emplace(attempts);
        Seen seen;
        for (int seed = 0; seed < seeds; ++seed) {
            const Exercise ex = make(kind, static_cast<std::uint64_t>(seed));
            const QString bad = checkExercise(ex, seen);
            QVERIFY2(bad.isEmpty(), qPrintable(bad));
        }
        if (attempts >= 0) return;
        // Every variant of the text is printed by some seed (none is dead).
        std::vector<const char*> variants;
        switch (kind) {
        case ExerciseKind::Translate:
            variants = { "PDE fault", "PTE fault" };
            break;
        case ExerciseKind::Tlb:
            variants = { "TLB way was empty", "TLB LRU eviction", "TLB FIFO eviction", "TLB fully associative",
                "TLB 2-way" };
            break;
        case ExerciseKind::Buddy:
            variants = { "buddy split", "buddy no split", "buddy whole zone", "buddy stops merging", "buddy tail",
                "buddy head" };
            break;
        case ExerciseKind::Replacement:
            variants = { "FIFO", "LRU", "OPT", "CLOCK", "CLOCK no sweep", "CLOCK one cleared", "CLOCK some cleared",
                "CLOCK full sweep" };
            break;
        }
        for (const char* v : variants) QVERIFY2(seen[QString::fromLatin1(v)] > 0, v);
    }

    void reportedSeeds_data()
    {
        QTest::addColumn<ExerciseKind>("kind");
        QTest::addColumn<quint64>("seed");
        // Seeds whose exercises were degenerate before: no TLB eviction, one page read 8 times,
        // two evictions where three are promised, a 2-way TLB with one set used.
        QTest::newRow("tlb 90") << ExerciseKind::Tlb << quint64(90);
        QTest::newRow("tlb 289") << ExerciseKind::Tlb << quint64(289);
        QTest::newRow("replacement 280") << ExerciseKind::Replacement << quint64(280);
        for (quint64 s : { 3, 9, 11, 14, 17, 20 }) QTest::addRow("tlb %llu", s) << ExerciseKind::Tlb << s;
        QTest::newRow("translate 5") << ExerciseKind::Translate << quint64(5); // two addresses on one page
    }
    void reportedSeeds()
    {
        QFETCH(ExerciseKind, kind);
        QFETCH(quint64, seed);
        Seen seen;
        const QString bad = checkExercise(make(kind, seed), seen);
        QVERIFY2(bad.isEmpty(), qPrintable(bad));
    }

    void wrapKeepsPunctuationWithItsNeighbour_data()
    {
        QTest::addColumn<QString>("text");
        // The lines that broke badly: 。 alone on a line (tlb seed 2), a line ending in （ (buddy seed 1).
        QTest::newRow("full stop")
            << u"  • 未命中时，把该页的地址转换装入其所在的组：若还有空路，则装入编号最小的空路，否则替换被淘汰的表项。"_s;
        QTest::newRow("parenthesis")
            << u"   8/1 放到 1 阶链表的尾部：它将组成的块的伙伴 12/2 是空闲的，因此很可能很快就会合并（buddy_merge_likely()）。"_s;
        QTest::newRow("clock step")
            << u" 8. 页 3 → [3* 6 2 4]      未命中 → 页框 0：淘汰 1（指针清除页框 0、1、2、3 的使用位，回到页框 0，其使用位已为 0）；指针 → 页框 1"_s;
        QTest::newRow("spaces beside the marks")
            << u"一个数 0x208 ，然后 （ 页框 1 ） 与 「 引用 」 。 ( round ) 和 [ square ] 结束 ， 完 ： 0x1f ； 再 ( 一次 ) 。"_s;
        QTest::newRow("mixed marks")
            << u"11. 页 5 → [3* 1* 5* 4]    未命中 → 页框 2（原为空）; 指针 → 页框 3; 然后「引用」『书名』——破折号……省略号！问号？（括号）[方括号] (round) 结束。"_s;
    }
    void wrapKeepsPunctuationWithItsNeighbour()
    {
        QFETCH(QString, text);
        QString squeezed = text;
        squeezed.remove(QLatin1Char(' '));
        for (int columns = 12; columns <= 100; ++columns) {
            const QString wrapped = wrapForTerminal(text, columns);
            const QString bad = breakingProblem(wrapped, columns);
            QVERIFY2(bad.isEmpty(), qPrintable(QStringLiteral("%1 columns: %2").arg(columns).arg(bad)));
            QString joined = wrapped;
            joined.remove(QLatin1Char('\n')).remove(QLatin1Char(' '));
            QCOMPARE(joined, squeezed); // nothing lost, nothing added
        }
        // A no-break space holds its neighbours together.
        const QString nbsp = QStringLiteral("xxxxxxxx [2]\u00a04,\u00a012 yy");
        QCOMPARE(wrapForTerminal(nbsp, 16), QStringLiteral("xxxxxxxx\n[2]\u00a04,\u00a012 yy"));
    }

    void chineseText_data() { kindRows(); }
    void chineseText()
    {
        QFETCH(ExerciseKind, kind);
        QFETCH(quint64, seed);
        applyLanguage(QStringLiteral("zh_CN"));
        ChineseSeparators separators;
        QCoreApplication::installTranslator(&separators);
        const auto restore = qScopeGuard([&] {
            QCoreApplication::removeTranslator(&separators);
            applyLanguage(QStringLiteral("en"));
        });
        static const QRegularExpression stray(QStringLiteral("[：，；（] |[\\x{3400}-\\x{9fff}）][,;] "));
        // This row's seed and its neighbours, so that every kind's rarer lines show up.
        for (quint64 s = seed; s < seed + 8; ++s) {
            const Exercise ex = make(kind, s);
            const QString text = ex.text(true);
            QVERIFY(text.contains(QStringLiteral("种子")));
            const auto m = stray.match(text);
            QVERIFY2(
                !m.hasMatch(), qPrintable(QStringLiteral("seed %1: \"%2\" in %3").arg(s).arg(m.captured(0), text)));
            const QString bad = breakingProblem(wrapForTerminal(text), 100);
            QVERIFY2(bad.isEmpty(), qPrintable(QStringLiteral("seed %1: %2").arg(s).arg(bad)));
            // The separators and formats are the translation's.
            switch (kind) {
            case ExerciseKind::Translate:
                for (const ExerciseItem& it : ex.items)
                    if (it.value >= 0)
                        QVERIFY2(it.expected.contains(QStringLiteral("，字节 0x")), qPrintable(it.expected));
                break;
            case ExerciseKind::Tlb:
                QVERIFY(text.contains(QStringLiteral("：VPN 0x")));
                break;
            case ExerciseKind::Buddy:
                QVERIFY(QRegularExpression(QStringLiteral("alloc\\(\\d\\)：\\S")).match(text).hasMatch());
                break;
            case ExerciseKind::Replacement:
                if (ex.policy == ReplPolicy::Clock) QVERIFY(text.contains(QStringLiteral("；指针 → 页框")));
                if (ex.policy == ReplPolicy::Fifo || ex.policy == ReplPolicy::Lru)
                    QVERIFY(QRegularExpression(QStringLiteral("次访问，\\d")).match(text).hasMatch());
                break;
            }
        }
    }

    void addressAndByte_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<AnswerCheck>("result");
        QTest::addColumn<bool>("saysByte");
        // The item: physical address 0x6bc, byte 0x3f there.
        QTest::newRow("address only") << "0x6bc" << AnswerCheck::Right << false;
        QTest::newRow("address and byte") << "0x6bc 3f" << AnswerCheck::Right << false;
        QTest::newRow("both with 0x") << "0x6bc 0x3F" << AnswerCheck::Right << false;
        QTest::newRow("as the solution writes it") << "0x6bc, byte 0x3f" << AnswerCheck::Right << false;
        QTest::newRow("with =") << "6bc = 3f" << AnswerCheck::Right << false;
        QTest::newRow("colon") << "0x6bc: 3f" << AnswerCheck::Right << false;
        QTest::newRow("chinese") << "0x6bc，字节 3f" << AnswerCheck::Right << false;
        QTest::newRow("wrong byte") << "0x6bc 40" << AnswerCheck::Wrong << true;
        QTest::newRow("wrong byte, words") << "0x6bc, byte 0x00" << AnswerCheck::Wrong << true;
        QTest::newRow("wrong address, right byte") << "0x6bd 3f" << AnswerCheck::Wrong << false;
        QTest::newRow("wrong address, wrong byte") << "0x6bd 40" << AnswerCheck::Wrong << false;
        QTest::newRow("three numbers") << "0x6bc 3f 1" << AnswerCheck::Unreadable << false;
        QTest::newRow("not hex") << "0x6bc zz" << AnswerCheck::Unreadable << false;
        QTest::newRow("a fault instead") << "PTE" << AnswerCheck::Wrong << false;
    }
    void addressAndByte()
    {
        QFETCH(QString, typed);
        QFETCH(AnswerCheck, result);
        QFETCH(bool, saysByte);
        ExerciseItem item;
        item.form = ExerciseItem::Form::Address;
        item.value = 0x6bc;
        item.byte = 0x3f;
        QString why = QStringLiteral("stale");
        QCOMPARE(memviz::checkAnswer(item, typed, &why), result);
        QCOMPARE(why.contains(QStringLiteral("byte")), saysByte);
        if (!saysByte) QVERIFY(why.isEmpty());
        // An address given for a translation that faults is wrong, byte or not.
        ExerciseItem fault;
        fault.form = ExerciseItem::Form::Address;
        fault.value = -1;
        fault.level = 1;
        if (result == AnswerCheck::Right) QCOMPARE(memviz::checkAnswer(fault, typed), AnswerCheck::Wrong);
    }

    void answerChecker_data()
    {
        QTest::addColumn<ExerciseItem::Form>("form");
        QTest::addColumn<qint64>("value");
        QTest::addColumn<qint64>("level");
        QTest::addColumn<QString>("typed");
        QTest::addColumn<AnswerCheck>("result");
        using F = ExerciseItem::Form;
        QTest::newRow("address hex") << F::Address << qint64(0x6bc) << qint64(-1) << "0x6bc" << AnswerCheck::Right;
        QTest::newRow("address no 0x, capitals") << F::Address << qint64(0x6bc) << qint64(-1) << " 6BC " << AnswerCheck::Right;
        QTest::newRow("address leading zeros") << F::Address << qint64(0x6bc) << qint64(-1) << "0x06bc" << AnswerCheck::Right;
        QTest::newRow("address wrong") << F::Address << qint64(0x6bc) << qint64(-1) << "0x6bd" << AnswerCheck::Wrong;
        QTest::newRow("address when it faults") << F::Address << qint64(-1) << qint64(0) << "0x6bc" << AnswerCheck::Wrong;
        QTest::newRow("pde fault") << F::Address << qint64(-1) << qint64(0) << "PDE fault" << AnswerCheck::Right;
        QTest::newRow("pde in chinese") << F::Address << qint64(-1) << qint64(0) << "页目录项无效" << AnswerCheck::Right;
        QTest::newRow("pte for a pde fault") << F::Address << qint64(-1) << qint64(0) << "pte" << AnswerCheck::Wrong;
        QTest::newRow("pte fault") << F::Address << qint64(-1) << qint64(1) << "fault: PTE" << AnswerCheck::Right;
        QTest::newRow("fault without level") << F::Address << qint64(-1) << qint64(1) << "fault" << AnswerCheck::Unreadable;
        QTest::newRow("both levels") << F::Address << qint64(-1) << qint64(1) << "pde pte" << AnswerCheck::Unreadable;
        QTest::newRow("empty") << F::Address << qint64(-1) << qint64(1) << "   " << AnswerCheck::Empty;
        QTest::newRow("hit h") << F::HitMiss << qint64(1) << qint64(-1) << "h" << AnswerCheck::Right;
        QTest::newRow("hit word") << F::HitMiss << qint64(1) << qint64(-1) << "Hit" << AnswerCheck::Right;
        QTest::newRow("hit chinese") << F::HitMiss << qint64(1) << qint64(-1) << "命中" << AnswerCheck::Right;
        QTest::newRow("miss chinese for a hit") << F::HitMiss << qint64(1) << qint64(-1) << "未命中" << AnswerCheck::Wrong;
        QTest::newRow("miss m") << F::HitMiss << qint64(0) << qint64(-1) << "M" << AnswerCheck::Right;
        QTest::newRow("hit for a miss") << F::HitMiss << qint64(0) << qint64(-1) << "hit" << AnswerCheck::Wrong;
        QTest::newRow("neither") << F::HitMiss << qint64(0) << qint64(-1) << "maybe" << AnswerCheck::Unreadable;
        QTest::newRow("victim right") << F::Victim << qint64(0) << qint64(3) << "m 3" << AnswerCheck::Right;
        QTest::newRow("victim words") << F::Victim << qint64(0) << qint64(3) << "miss, evicts 3" << AnswerCheck::Right;
        QTest::newRow("victim glued") << F::Victim << qint64(0) << qint64(3) << "m3" << AnswerCheck::Right;
        QTest::newRow("victim chinese") << F::Victim << qint64(0) << qint64(3) << "未命中，换出 3" << AnswerCheck::Right;
        QTest::newRow("victim wrong page") << F::Victim << qint64(0) << qint64(3) << "m 4" << AnswerCheck::Wrong;
        QTest::newRow("victim missing") << F::Victim << qint64(0) << qint64(3) << "m" << AnswerCheck::Wrong;
        QTest::newRow("free frame filled") << F::Victim << qint64(0) << qint64(kNoPage) << "m" << AnswerCheck::Right;
        QTest::newRow("victim named for a free frame") << F::Victim << qint64(0) << qint64(kNoPage) << "m 2" << AnswerCheck::Wrong;
        QTest::newRow("victim hit") << F::Victim << qint64(1) << qint64(-1) << "h" << AnswerCheck::Right;
        QTest::newRow("hit with a page") << F::Victim << qint64(1) << qint64(-1) << "h 2" << AnswerCheck::Unreadable;
        QTest::newRow("pfn") << F::Pfn << qint64(16) << qint64(-1) << "16" << AnswerCheck::Right;
        QTest::newRow("pfn word") << F::Pfn << qint64(16) << qint64(-1) << "pfn 16" << AnswerCheck::Right;
        QTest::newRow("pfn wrong") << F::Pfn << qint64(16) << qint64(-1) << "8" << AnswerCheck::Wrong;
        QTest::newRow("fails, for an alloc that succeeds")
            << F::Pfn << qint64(16) << qint64(-1) << "fails" << AnswerCheck::Wrong;
        QTest::newRow("pfn two numbers") << F::Pfn << qint64(16) << qint64(-1) << "16 2" << AnswerCheck::Unreadable;
        QTest::newRow("pfn/order") << F::PfnOrder << qint64(8) << qint64(3) << "8/3" << AnswerCheck::Right;
        QTest::newRow("pfn order spaced") << F::PfnOrder << qint64(8) << qint64(3) << "pfn 8, order 3" << AnswerCheck::Right;
        QTest::newRow("pfn/order wrong order") << F::PfnOrder << qint64(8) << qint64(3) << "8/2" << AnswerCheck::Wrong;
        QTest::newRow("pfn only") << F::PfnOrder << qint64(8) << qint64(3) << "8" << AnswerCheck::Unreadable;
    }
    void answerChecker()
    {
        QFETCH(ExerciseItem::Form, form);
        QFETCH(qint64, value);
        QFETCH(qint64, level);
        QFETCH(QString, typed);
        QFETCH(AnswerCheck, result);
        ExerciseItem item;
        item.form = form;
        item.value = value;
        item.level = level;
        QCOMPARE(memviz::checkAnswer(item, typed), result);
    }

    void cli_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("seed");
        QTest::addColumn<bool>("answers");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("stderrHas");
        QTest::newRow("translate") << "translate" << "5" << false << 0 << "";
        QTest::newRow("tlb with answers") << "tlb" << "5" << true << 0 << "";
        QTest::newRow("kind in capitals") << "Buddy" << "" << true << 0 << "";
        QTest::newRow("replacement, big seed") << "replacement" << "18446744073709551615" << true << 0 << "";
        QTest::newRow("unknown kind") << "paging" << "1" << false << 2 << "unknown kind \"paging\"; the kinds are translate, tlb, buddy, replacement";
        QTest::newRow("seed not a number") << "tlb" << "abc" << false << 2 << "--seed: \"abc\" is not a whole number";
        QTest::newRow("negative seed") << "tlb" << "-3" << false << 2 << "--seed: \"-3\"";
        QTest::newRow("seed too large") << "tlb" << "18446744073709551616" << false << 2 << "--seed:";
    }
    void cli()
    {
        QFETCH(QString, kind);
        QFETCH(QString, seed);
        QFETCH(bool, answers);
        QFETCH(int, code);
        QFETCH(QString, stderrHas);
        Options o;
        o.exercise = kind;
        o.seed = seed;
        o.answers = answers;
        const CliRun r = runCli(o);
        QCOMPARE(r.code, code);
        if (code != 0) {
            QVERIFY(r.out.isEmpty());
            QVERIFY2(QString::fromUtf8(r.err).contains(stderrHas), r.err.constData());
            return;
        }
        QVERIFY(r.err.isEmpty());
        ExerciseKind k;
        QVERIFY(exerciseKindFromName(kind, &k));
        const Exercise ex = make(k, seed.isEmpty() ? 1 : seed.toULongLong());
        QCOMPARE(QString::fromUtf8(r.out), wrapForTerminal(ex.text(answers)));
        QCOMPARE(r.out.contains("Worked solution"), answers);
        for (const QByteArray& line : r.out.split('\n')) QVERIFY2(line.size() <= 100 * 3, line.constData()); // UTF-8 bytes
    }

    void answersNeedExercise()
    {
        Options o;
        int code = -1;
        QVERIFY(!parseCommandLine({QStringLiteral("memviz"), QStringLiteral("--answers")}, &o, &code));
        QCOMPARE(code, 2);
        QVERIFY(parseCommandLine({QStringLiteral("memviz"), QStringLiteral("--exercise"), QStringLiteral("tlb"),
                                  QStringLiteral("--seed"), QStringLiteral("9"), QStringLiteral("--answers")},
                                 &o, &code));
        QCOMPARE(o.exercise, QStringLiteral("tlb"));
        QCOMPARE(o.seed, QStringLiteral("9"));
        QVERIFY(o.answers);
    }

    void wrapKeepsWordsAndIndent()
    {
        const QString line = QStringLiteral("  • ") + QStringLiteral("word ").repeated(40).trimmed();
        const QStringList out = wrapForTerminal(line, 40).split(QLatin1Char('\n'));
        QVERIFY(out.size() > 1);
        QVERIFY(out[0].startsWith(QStringLiteral("  • word")));
        for (int i = 1; i < out.size(); ++i) QVERIFY(out[i].startsWith(QStringLiteral("    word")));
        for (const QString& l : out) QVERIFY(l.size() <= 40);
        QCOMPARE(QStringList(out).join(QLatin1Char(' ')).simplified(), line.simplified());
        // CJK text counts two columns a character and breaks between characters.
        const QString cjk = QString(60, QChar(0x9875));
        for (const QString& l : wrapForTerminal(cjk, 40).split(QLatin1Char('\n'))) QVERIFY(l.size() <= 20);
        QCOMPARE(wrapForTerminal(QStringLiteral("short\n  kept"), 40), QStringLiteral("short\n  kept"));
    }

    void dialog_data()
    {
        QTest::addColumn<ExerciseKind>("kind");
        for (const QString& name : exerciseKindNames()) {
            ExerciseKind k;
            exerciseKindFromName(name, &k);
            QTest::newRow(qPrintable(name)) << k;
        }
    }
    void dialog()
    {
        QFETCH(ExerciseKind, kind);
        ExerciseDialog d;
        QVERIFY(!d.isModal());
        d.showExercise(kind, 3);
        const Exercise ex = make(kind, 3);
        QCOMPARE(d.exercise().text(true), ex.text(true));
        QCOMPARE(d.stepCount(), static_cast<int>(ex.steps.size()));
        QCOMPARE(d.revealedSteps(), 0);

        // Each field shows its whole hint (the Chinese one is the longest).
        for (int i = 0; d.answerField(i); ++i) {
            QLineEdit* f = d.answerField(i);
            QVERIFY(!f->placeholderText().isEmpty());
            QVERIFY2(f->minimumWidth() >= f->fontMetrics().horizontalAdvance(f->placeholderText()),
                qPrintable(f->placeholderText()));
        }
        // A right answer checked with Enter, a wrong one and an unreadable one with the button.
        QLineEdit* f0 = d.answerField(0);
        QVERIFY(f0);
        QTest::keyClicks(f0, ex.items[0].expected);
        QTest::keyClick(f0, Qt::Key_Return);
        QCOMPARE(d.verdict(0), AnswerCheck::Right);
        QTest::keyClicks(d.answerField(1), wrongAnswer(ex.items[1]));
        QTest::keyClicks(d.answerField(2), QStringLiteral("zzz"));
        QCOMPARE(d.verdict(1), AnswerCheck::Empty);
        d.checkAnswers();
        QCOMPARE(d.verdict(1), AnswerCheck::Wrong);
        QCOMPARE(d.verdict(2), AnswerCheck::Unreadable);
        QCOMPARE(d.verdict(3), AnswerCheck::Empty);
        // Editing a line clears its mark until it is checked again.
        QTest::keyClick(d.answerField(1), Qt::Key_Backspace);
        QCOMPARE(d.verdict(1), AnswerCheck::Empty);
        QVERIFY(!d.answerField(static_cast<int>(ex.items.size())));
        if (kind == ExerciseKind::Translate) {
            // The right address with a wrong byte: wrong, and the line says it is the byte.
            int k = 0;
            while (ex.items[static_cast<std::size_t>(k)].value < 0) ++k;
            const ExerciseItem& it = ex.items[static_cast<std::size_t>(k)];
            d.answerField(k)->clear();
            QTest::keyClicks(d.answerField(k),
                hexPad(static_cast<std::uint64_t>(it.value), 3) + QStringLiteral(" ")
                    + hexPad(static_cast<std::uint64_t>(it.byte ^ 1), 2));
            QTest::keyClick(d.answerField(k), Qt::Key_Return);
            QCOMPARE(d.verdict(k), AnswerCheck::Wrong);
            QVERIFY(d.note(k).contains(QStringLiteral("byte")));
            QCOMPARE(d.noteShown(k), d.note(k));
            QTest::keyClick(d.answerField(k), Qt::Key_Backspace);
            QVERIFY(d.noteShown(k).isEmpty());
            d.answerField(k)->clear();
            QTest::keyClicks(d.answerField(k),
                hexPad(static_cast<std::uint64_t>(it.value), 3) + QStringLiteral(" ")
                    + hexPad(static_cast<std::uint64_t>(it.byte), 2));
            QTest::keyClick(d.answerField(k), Qt::Key_Return);
            QCOMPARE(d.verdict(k), AnswerCheck::Right);
            QVERIFY(d.note(k).isEmpty());
            d.answerField(k)->clear();
            QTest::keyClicks(d.answerField(k), ex.items[static_cast<std::size_t>(k)].expected); // as it was for k == 0
            d.checkAnswers();
        }

        // The solution, one step at a time.
        QVERIFY(!d.clipboardText().contains(QStringLiteral("Worked solution")));
        d.revealNextStep();
        d.revealNextStep();
        QCOMPARE(d.revealedSteps(), 2);
        QVERIFY(d.clipboardText().contains(ex.steps[0]));
        QVERIFY(d.clipboardText().contains(ex.steps[1]));
        QVERIFY(!d.clipboardText().contains(ex.steps[2]));
        d.revealAll();
        QCOMPARE(d.revealedSteps(), d.stepCount());
        d.revealNextStep();
        QCOMPARE(d.revealedSteps(), d.stepCount());
        QCOMPARE(d.clipboardText(), ex.text(true));
        d.hideSolution();
        QCOMPARE(d.revealedSteps(), 0);

        // A language change rebuilds the texts but keeps what the student typed and saw.
        d.revealNextStep();
        QEvent languageChange(QEvent::LanguageChange);
        QCoreApplication::sendEvent(&d, &languageChange);
        QCOMPARE(d.revealedSteps(), 1);
        QCOMPARE(d.answerField(0)->text(), ex.items[0].expected);
        QCOMPARE(d.verdict(0), AnswerCheck::Right);
        QCOMPARE(d.exercise().text(true), ex.text(true));

        // A new exercise: the next seed, answers and steps start over.
        d.revealNextStep();
        d.newExercise();
        QCOMPARE(d.exercise().seed, std::uint64_t(4));
        QCOMPARE(d.exercise().kind, kind);
        QCOMPARE(d.revealedSteps(), 0);
        QCOMPARE(d.verdict(0), AnswerCheck::Empty);
        QVERIFY(d.answerField(0)->text().isEmpty());
        QCOMPARE(d.exercise().problem, make(kind, 4).problem);

        // Text size for a projector, within bounds.
        d.setZoom(100);
        QCOMPARE(d.zoom(), 3.0);
        d.setZoom(0.1);
        QCOMPARE(d.zoom(), 0.8);
        d.setZoom(1.25);
        QVERIFY(!d.grab().isNull());
    }
};

QTEST_MAIN(TestExercise)
#include "tst_exercise.moc"
