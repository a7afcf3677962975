#pragma once
/// Helpers shared by the test suites: small machines, the golden machines
/// whose /proc text is kept under tests/fixtures, and fixture file access.

#include "check/Checker.h"
#include "sim/Command.h"
#include "sim/MachineConfig.h"
#include "sim/Simulator.h"
#include "util/Size.h"
#include "vm/Vm.h"

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QString>
#include <QStringList>
#include <QTest>

#include <algorithm>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace memviz::test {

/// Debug or sanitizer builds run the long randomized suites with fewer steps, so the
/// core suite stays around a minute under -fsanitize=address,undefined.
#if !defined(NDEBUG) || defined(__SANITIZE_ADDRESS__)
inline constexpr bool kSlowBuild = true;
#else
inline constexpr bool kSlowBuild = false;
#endif

/// A preset's config, with a different RAM size when `ram` is given ("64M").
inline MachineConfig config(const char* preset, const char* ram = nullptr)
{
    auto v = MachineConfig::fromPreset(preset);
    if (!std::holds_alternative<MachineConfig>(v)) qFatal("unknown preset %s", preset);
    MachineConfig c = std::get<MachineConfig>(v);
    if (ram) c.ramBytes = *parseSize(ram);
    return c;
}

/// Turns off the whole-machine check Debug builds run after every command
/// (Simulator::setCheckAfterEachCommand), for loops of thousands of commands on big
/// machines that check consistency themselves. Compiles with or without that API.
template <class Sim> void skipPerCommandCheck(Sim& s)
{
    if constexpr (requires { s.setCheckAfterEachCommand(false); }) s.setCheckAfterEachCommand(false);
}

/// A SLIT written as "10,20;20,10" -> {{10,20},{20,10}}; "" -> no matrix (10 local, 20 remote).
inline std::vector<std::vector<std::uint32_t>> distanceMatrix(const QString& text)
{
    std::vector<std::vector<std::uint32_t>> m;
    if (text.isEmpty()) return m;
    for (const QString& row : text.split(u';')) {
        std::vector<std::uint32_t> r;
        for (const QString& v : row.split(u',')) r.push_back(v.toUInt());
        m.push_back(r);
    }
    return m;
}

/// `base` with one NUMA node per entry of `sizes` ("512M", ...; RAM is their sum), the
/// distances of distanceMatrix(), `cpuCount` CPUs; "1" in `cpus` marks the nodes with CPUs
/// (empty: every node has some).
inline MachineConfig withNumaNodes(MachineConfig c, const QStringList& sizes, const QString& distances,
                                   const QString& cpus, int cpuCount)
{
    c.numaNodes.clear();
    c.ramBytes = 0;
    for (int i = 0; i < sizes.size(); ++i) {
        NumaNodeConfig n;
        n.ramBytes = *parseSize(sizes[i].toStdString());
        n.hasCpus = cpus.isEmpty() || cpus[i] == u'1';
        c.numaNodes.push_back(n);
        c.ramBytes += n.ramBytes;
    }
    c.distance = distanceMatrix(distances);
    c.cpus = cpuCount;
    return c;
}

inline Simulator boot(const MachineConfig& c)
{
    auto v = Simulator::create(c);
    if (!std::holds_alternative<Simulator>(v))
        qFatal("machine does not boot: %s", errorCodeName(std::get<Error>(v).code));
    return std::get<Simulator>(std::move(v));
}

inline Simulator boot(const char* preset, const char* ram = nullptr)
{
    return boot(config(preset, ram));
}

/// A booted machine on the heap, for fixtures kept across test functions; a RAM size
/// of 0 keeps the preset's.
inline std::unique_ptr<Simulator> bootOwned(std::uint64_t ramBytes, const char* preset = "x86-64")
{
    MachineConfig c = config(preset);
    if (ramBytes) c.ramBytes = ramBytes;
    return std::make_unique<Simulator>(boot(c));
}

inline QString fixturePath(const QString& relative)
{
    return QStringLiteral(MEMVIZ_TEST_DATA) + QLatin1Char('/') + relative;
}

/// The bytes of a fixture file; an empty string (and a test warning) when missing.
inline std::string readFixture(const QString& relative)
{
    QFile f(fixturePath(relative));
    if (!f.open(QIODevice::ReadOnly)) {
        qWarning("missing fixture %s", qPrintable(f.fileName()));
        return {};
    }
    const QByteArray b = f.readAll();
    return std::string(b.constData(), static_cast<std::size_t>(b.size()));
}

/// MEMVIZ_UPDATE_FIXTURES=1 makes golden-file tests write what the code prints
/// instead of comparing (then review the diff before committing it).
inline bool updatingFixtures()
{
    return qEnvironmentVariableIntValue("MEMVIZ_UPDATE_FIXTURES") == 1;
}

inline void writeFixture(const QString& relative, const std::string& text)
{
    const QString path = fixturePath(relative);
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate)) qFatal("cannot write %s", qPrintable(path));
    f.write(text.data(), static_cast<qint64>(text.size()));
}

/// A machine whose /proc files are kept as golden files (tests/fixtures/procfiles)
/// and whose meminfo also feeds the `free` fixtures made by the real free(1).
struct GoldenMachine {
    const char* name;
    MachineConfig config;
    std::function<void(Simulator&)> workload; ///< commands run after boot (may be empty)
};

inline std::vector<GoldenMachine> goldenMachines()
{
    // Deterministic loads: blocks of several orders from each zone the preset has.
    auto seedBusy = [](Simulator& s) {
        for (int i = 0; i < 500; ++i) s.apply(Command::allocPages(10));
        for (int i = 0; i < 1000; ++i) s.apply(Command::allocPages(i % 4));
        for (int i = 0; i < 40; ++i) s.apply(Command::allocPages(5, ZoneType::DMA32));
        s.apply(Command::allocPages(0, ZoneType::DMA));
    };
    auto x86_32Busy = [](Simulator& s) {
        for (int i = 0; i < 200; ++i) s.apply(Command::allocPages(9, ZoneType::HighMem));
        for (int i = 0; i < 500; ++i) s.apply(Command::allocPages(i % 3));
    };
    return {
        { "seed-8g-boot", config("seed-8g"), {} },
        { "seed-8g-busy", config("seed-8g"), seedBusy },
        { "x86-64-64m-boot", config("x86-64", "64M"), {} },
        { "x86-64-la57-1g-boot", config("x86-64-la57", "1G"), {} },
        { "x86-32-2g-boot", config("x86-32"), {} },
        { "x86-32-2g-busy", config("x86-32"), x86_32Busy },
        { "x86-pae-4g-boot", config("x86-pae", "4G"), {} },
    };
}

/// An event with the given fields, as the narration and event-text tests build them.
inline Event makeEvent(EventType t, std::uint8_t zone, int order, std::uint64_t pfn, std::uint64_t a = 0,
                       std::uint64_t b = 0, std::uint64_t c = 0, std::uint32_t flags = 0, std::uint32_t pid = 0)
{
    Event e;
    e.type = t;
    e.zone = zone;
    e.order = static_cast<std::uint8_t>(order);
    e.pfn = pfn;
    e.a = a;
    e.b = b;
    e.c = c;
    e.flags = flags;
    e.pid = pid;
    return e;
}

// Virtual-memory commands at the level of core (what the script API issues).
/// A new program; fails the test when the machine refuses.
inline std::uint32_t spawn(Simulator& sim, const char* name)
{
    Command c = vmCommand(CommandType::Spawn, 0);
    c.text = name;
    const CommandResult r = sim.apply(c);
    if (r.error || !r.value) qFatal("spawn(%s) failed: %s", name, errorCodeName(r.error.code));
    return static_cast<std::uint32_t>(r.value);
}

inline std::uint64_t mallocIn(Simulator& sim, std::uint32_t pid, std::uint64_t n)
{
    Command c = vmCommand(CommandType::Malloc, pid);
    c.len = n;
    return sim.apply(c).value;
}

/// len bytes from addr, one access every `step` bytes (0: one per page).
inline CommandResult access(Simulator& sim, std::uint32_t pid, std::uint64_t addr, std::uint64_t len, bool write,
                            std::uint64_t step = 0)
{
    Command c = vmCommand(CommandType::Access, pid);
    c.addr = addr;
    c.len = len;
    c.write = write;
    c.step = step;
    return sim.apply(c);
}

inline std::uint64_t mmapAnon(Simulator& sim, std::uint32_t pid, std::uint64_t len)
{
    Command c = vmCommand(CommandType::Mmap, pid);
    c.len = len;
    c.prot = Prot::Read | Prot::Write;
    c.mapFlags = MapFlag::Private | MapFlag::Anonymous;
    return sim.apply(c).value;
}

inline std::uint32_t forkOf(Simulator& sim, std::uint32_t pid)
{
    return static_cast<std::uint32_t>(sim.apply(vmCommand(CommandType::Fork, pid)).value);
}

/// Events of type t among events [from, to) of the run.
inline std::uint64_t countEvents(const Simulator& s, EventType t, std::uint64_t from = 0, std::uint64_t to = ~0ull)
{
    std::uint64_t n = 0;
    to = std::min<std::uint64_t>(to, s.eventCount());
    for (std::uint64_t i = from; i < to; ++i) n += s.events()[i].type == t;
    return n;
}

/// PageFault events of kind k from event `from` on.
inline std::uint64_t countFaults(const Simulator& s, FaultKind k, std::uint64_t from)
{
    std::uint64_t n = 0;
    for (std::uint64_t i = from; i < s.eventCount(); ++i)
        n += s.events()[i].type == EventType::PageFault && s.events()[i].order == static_cast<std::uint8_t>(k);
    return n;
}

/// A process seen from a test, like a script's handle: every command must be accepted,
/// and the consistency checker runs after each one.
struct Proc {
    Simulator& sim;
    std::uint32_t pid;

    CommandResult run(Command c)
    {
        c.pid = pid;
        CommandResult r = sim.apply(c);
        if (r.error)
            qFatal("command %s refused: %s", std::string(commandTypeName(c.type)).c_str(), errorCodeName(r.error.code));
        const auto f = checkMachine(sim.current());
        if (!f.empty()) qFatal("checker: %s", describe(f.front()).c_str());
        return r;
    }
    std::uint64_t malloc(std::uint64_t n)
    {
        Command c = vmCommand(CommandType::Malloc, pid);
        c.len = n;
        return run(c).value;
    }
    CommandResult touch(std::uint64_t addr, std::uint64_t len, bool write = true, std::uint64_t step = 4096)
    {
        Command c = vmCommand(CommandType::Access, pid);
        c.addr = addr;
        c.len = len;
        c.write = write;
        c.step = step;
        return run(c);
    }
    /// Stores the bytes of `s` at addr.
    CommandResult write(std::uint64_t addr, const std::string& s)
    {
        Command c = vmCommand(CommandType::Access, pid);
        c.addr = addr;
        c.len = s.size();
        c.write = true;
        c.data = s;
        return run(c);
    }
    /// A private anonymous read-write mapping.
    std::uint64_t mmap(std::uint64_t len)
    {
        Command c = vmCommand(CommandType::Mmap, pid);
        c.len = len;
        c.prot = Prot::Read | Prot::Write;
        c.mapFlags = MapFlag::Private | MapFlag::Anonymous;
        return run(c).value;
    }
    Proc fork() { return Proc { sim, static_cast<std::uint32_t>(run(vmCommand(CommandType::Fork, pid)).value) }; }
    void exit() { run(vmCommand(CommandType::Exit, pid)); }
    const Process& p() const { return *sim.current().proc(pid); }
    std::uint64_t vszKb() const { return p().mm.totalVmPages(12) * 4; }
    std::uint64_t rssKb() const { return p().mm.rss() * 4; }
};

inline Proc spawnProc(Simulator& sim, const char* name) { return Proc { sim, spawn(sim, name) }; }

} // namespace memviz::test
