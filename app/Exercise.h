#pragma once
/// Generated exercises with worked answers (issue 6): address translation on a textbook
/// machine, TLB hits and misses, the buddy allocator, page replacement. Each exercise is
/// built from a seed (std::mt19937_64 with our own range math, so every standard library
/// gives the same problem) and its answers are read off memviz's own simulator: the
/// Translate command's walk, the TLB's TlbLookup/TlbFill events, a machine's zone free
/// lists, simulateReplacement(). `memviz --exercise KIND --seed N [--answers]` prints it;
/// ExerciseDialog lets a student try it and reveals the solution step by step.

#include "CommandLine.h"

#include "reclaim/Replacement.h"
#include "sim/Command.h"
#include "sim/MachineConfig.h"

#include <QString>
#include <QStringList>

#include <cstdint>
#include <vector>

namespace memviz {

enum class ExerciseKind : std::uint8_t { Translate, Tlb, Buddy, Replacement };

/// "translate", "tlb", "buddy", "replacement" (the command-line names, in menu order).
QStringList exerciseKindNames();
QString exerciseKindName(ExerciseKind k);
/// Case-insensitive; false for an unknown name.
bool exerciseKindFromName(const QString& name, ExerciseKind* out);
/// The kind as the dialog's picker shows it ("Address translation", ...), translated.
QString exerciseKindTitle(ExerciseKind k);

/// One question a student answers on one line: an address to translate, an access, a request.
struct ExerciseItem {
    enum class Form : std::uint8_t {
        Address,  ///< a physical address (value) and the byte there (byte), or a fault at level `level` (0: PDE, 1: PTE)
        HitMiss,  ///< hit (value 1) or miss (value 0)
        Victim,   ///< hit (value 1) or miss (value 0) evicting page `level` (kNoPage: a free frame was filled)
        Pfn,      ///< a frame number (value)
        PfnOrder, ///< a block: pfn (value) and order (level)
    };
    Form form = Form::HitMiss;
    std::int64_t value = 0;
    std::int64_t level = -1;
    std::int64_t byte = -1; ///< Address: the byte stored at the physical address (-1: the translation faults)
    QString prompt;   ///< what the line asks about: "0x611c", "7 (access 3)", "A = alloc(2)"
    QString expected; ///< the right answer as the solution writes it: "0x6bc, byte 0x3f", "PTE fault", "miss, evicts 3"
};

enum class AnswerCheck : std::uint8_t { Empty, Right, Wrong, Unreadable };
/// Checks what a student typed against the item (forgiving about case, spaces, 0x, and
/// the English or Chinese words for hit/miss and fault). An address may be followed by the
/// byte stored there (hex); then both must be right. For a Wrong answer that is partly
/// right (the address but not the byte), `why` gets a sentence saying which part is wrong.
AnswerCheck checkAnswer(const ExerciseItem& item, const QString& typed, QString* why = nullptr);

/// A buddy exercise's request: alloc(order) naming a block, or free() of a named block.
struct BuddyRequest {
    bool alloc = true;
    int order = 0;  ///< alloc: the order asked for
    int block = 0;  ///< index of the block (0 = "A", 1 = "B", ...)
};

struct Exercise {
    ExerciseKind kind = ExerciseKind::Translate;
    std::uint64_t seed = 1;
    QString title;      ///< one line, with the seed
    QString problem;    ///< everything needed to solve it (plain text; paragraphs are single lines)
    QString answerHelp; ///< how to type the answers in the dialog
    std::vector<ExerciseItem> items;
    QStringList steps;  ///< the worked solution, one step per item, then a summary step
    std::vector<int> noWrapLines; ///< lines of `problem` (0-based) that must not be wrapped: a memory dump

    // What the exercise was built from, so that a test can re-derive every answer.
    MachineConfig config;           ///< translate, tlb, buddy: the simulated machine
    std::vector<Command> setup;     ///< commands that set the machine up before the questions
    std::vector<std::uint64_t> addresses; ///< translate: virtual addresses; tlb: addresses read, in order
    std::uint32_t pid = 0;          ///< tlb: the process that reads them
    std::vector<BuddyRequest> requests; ///< buddy
    std::vector<std::int64_t> refs; ///< replacement: the reference string
    int frames = 0;                 ///< replacement: frames
    ReplPolicy policy = ReplPolicy::Fifo; ///< replacement

    /// The problem, and with `answers` the whole worked solution after it (what the CLI prints).
    QString text(bool answers) const { return textWithSteps(answers ? static_cast<int>(steps.size()) : 0); }
    /// The problem and the first n steps of the solution.
    QString textWithSteps(int n) const;
};

/// Builds the exercise of `kind` for `seed`. Deterministic: the same arguments give the
/// same text in the same language. Every exercise meets its kind's minimums, as the
/// simulator finds them: translate: 4-6 addresses on pages of their own, two that translate,
/// a PDE and a PTE fault; tlb: 10-12 accesses to 5-6 pages, none read more than 4 times,
/// 3 hits, 2 evictions, and in a 2-way TLB two pages in each set; buddy: 6-8 requests, two
/// sizes asked for, two frees, a merge; replacement: 12-15 references, never one page twice
/// in a row, 3 hits, 3 evictions. Random sequences are tried, and when none meets them a
/// built-in one (on the seed's pages) is used. A machine or command the simulator refuses
/// is a bug and aborts (qFatal).
Exercise generateExercise(ExerciseKind kind, std::uint64_t seed);

/// Tests only: how many random sequences a generator tries before it falls back to its
/// built-in one (default 200; 0 always falls back). Returns the previous limit.
int setExerciseAttemptLimit(int attempts);

/// `memviz --exercise KIND [--seed N] [--answers]`: prints to stdout and returns 0; an
/// unknown KIND or a bad seed prints a message naming it to stderr and returns 2.
int runExerciseCli(const Options& o);

/// Long lines cut at spaces (or between CJK characters) to `columns` terminal cells,
/// continuation lines indented like the first; what the CLI prints. Never breaks before
/// closing punctuation (，。；：）」』、！？ , . ; : ) ] }) nor after opening punctuation
/// (（「『 ( [ {), nor inside —— or ……; U+00A0 does not break.
QString wrapForTerminal(const QString& text, int columns = 100);

} // namespace memviz
