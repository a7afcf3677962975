#pragma once
/// Turns core's typed events into translated sentences: a one-line summary for
/// lists and a short plain-language explanation that names the kernel function
/// doing the step (core never holds a user-visible sentence; this file does).

#include "phys/FrameTable.h"
#include "phys/Zone.h"
#include "sim/Event.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <cstdint>

namespace memviz {

struct Machine;

class EventText {
    Q_DECLARE_TR_FUNCTIONS(EventText)
public:
    /// "Split", "Merge", "Watermark check" ... (translated).
    static QString typeName(EventType t);

    /// One line for an event list. Reads only the machine's static facts (zone
    /// types, page size) and names that never change once given (file paths,
    /// interned strings), so any machine of the run at or after the event gives the
    /// same text; the event log passes the run's current machine instead of
    /// rebuilding past states.
    static QString summary(const Machine& after, const Event& e);

    /// Two to four sentences with this run's numbers and the kernel function doing
    /// the step. `after` is the machine right after the event (list lengths, free pages).
    static QString explanation(const Machine& after, const Event& e);

    /// "free", "kernel", "in hand" ... (translated).
    static QString frameStateName(FrameState s);
    /// The kernel's zone_names[] spelling: DMA, DMA32, Normal, HighMem (never translated).
    static QString zoneName(ZoneType t);
    /// zoneName plus the node when the machine has more than one ("Normal (node 1)").
    static QString zoneLabel(const Machine& m, int zoneId);

    /// "0x3e00".
    static QString pfn(std::uint64_t pfn);
    /// An address or any other value in hex: "0x7f3a2c000000".
    static QString hex(std::uint64_t value);
    /// A page-table entry of the machine's format, decoded:
    /// "0x8000000005e22067 (frame 0x5e22: P RW US A D NX)", "0 (empty)".
    static QString entry(const Machine& m, std::uint64_t value);
    /// PROT_* bits as ls and /proc/PID/maps print them: "rw-", "r-x".
    static QString protection(std::uint64_t prot);
    /// "4 KiB", "2 MiB", "1.5 GiB".
    static QString bytes(std::uint64_t bytes);
    /// "1 page", "8 pages".
    static QString pages(std::uint64_t n);
    /// A span of simulated time: "2 s", "1.5 s", "250 ms", "40 µs", "800 ns".
    static QString duration(std::uint64_t ns);
    /// "order 3 · 8 pages · 32 KiB" for a machine's page size.
    static QString orderLabel(const Machine& m, int order);
};

} // namespace memviz
