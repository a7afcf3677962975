#pragma once
/// The virtual-memory side of the script API, reading like the C programs of the
/// notes: spawn() gives a process handle with malloc/free/touch/read/write/mmap/
/// munmap/mprotect/madvise/brk/fork/exit; files.create(); translate(pid, vaddr); and, for
/// textbook machines, phys.read/write and cpu.setPageTableBase/translate.
///
/// Handles are QObjects owned by the JavaScript engine: calling their methods goes
/// straight to C++, so an error is reported at the script's own line.

#include <QJSValue>
#include <QObject>
#include <QPointer>

class QJSEngine;

namespace memviz {

class ScriptApi;
class Simulator;
struct Command;
struct CommandResult;
struct Machine;
struct Process;

/// Shared plumbing: the run, errors, and turning commands into results.
class VmScript : public QObject {
    Q_OBJECT
public:
    VmScript(QJSEngine* engine, ScriptApi* api);

    QJSEngine* engine() const { return m_engine; }
    Simulator* sim() const;
    /// Applies the command; on a refusal throws "what(): reason" and returns false.
    bool apply(const Command& c, const QString& what, CommandResult* out);
    void throwType(const QString& text) const;
    void throwRange(const QString& text) const;
    /// Reads a byte count ("100M" or 104857600); throws and returns false when invalid.
    bool size(const QJSValue& v, const QString& what, std::uint64_t* out, bool allowZero = false) const;
    bool address(const QJSValue& v, const QString& what, std::uint64_t* out) const;
    /// Tells the script's output that a process died the way a shell would ("Segmentation fault").
    void reportDeath(std::uint32_t pid);
    QJSValue handle(std::uint32_t pid);
    /// The walk of a translation as a JS object {ok, paddr, faultLevel, steps:[...]}.
    QJSValue walkObject(const Machine& m, std::uint32_t pid, std::uint64_t va, bool withValue);

    Q_INVOKABLE QJSValue spawn(const QJSValue& name, const QJSValue& options = QJSValue());
    Q_INVOKABLE QJSValue process(const QJSValue& pid);
    Q_INVOKABLE QJSValue translate(const QJSValue& pid, const QJSValue& vaddr);
    Q_INVOKABLE QJSValue createFile(const QJSValue& name, const QJSValue& size, const QJSValue& content);
    Q_INVOKABLE QJSValue physRead(const QJSValue& paddr, const QJSValue& count);
    Q_INVOKABLE void physWrite(const QJSValue& paddr, const QJSValue& bytes);
    Q_INVOKABLE void setPageTableBase(const QJSValue& pfn);
    Q_INVOKABLE QJSValue cpuTranslate(const QJSValue& vaddr);
    /// TLB counters: { hits, misses, hitRate, fills, evictions, flushes, entries, ways, pcid, switches }.
    Q_INVOKABLE QJSValue tlbStats();
    /// sleep(seconds): simulated time passes (kswapd keeps working; sar gets a sample each second).
    Q_INVOKABLE void sleep(const QJSValue& seconds);
    /// swapon(name, size, { priority }): enables another swap area.
    Q_INVOKABLE void swapon(const QJSValue& name, const QJSValue& size, const QJSValue& opts = QJSValue());
    /// sysctl(name): the value; sysctl(name, value): writes it (vm.swappiness, vm.panic_on_oom, ...).
    Q_INVOKABLE QJSValue sysctl(const QJSValue& name, const QJSValue& value = QJSValue());
    /// drop_caches(n): echo n > /proc/sys/vm/drop_caches.
    Q_INVOKABLE void dropCaches(const QJSValue& mode);
    /// Simulated seconds since boot.
    Q_INVOKABLE double now() const;

private:
    QJSEngine* m_engine;
    QPointer<ScriptApi> m_api;
};

class ProcessHandle : public QObject {
    Q_OBJECT
    Q_PROPERTY(double pid READ pid CONSTANT)
    Q_PROPERTY(double ppid READ ppid CONSTANT)
    Q_PROPERTY(QString name READ name CONSTANT)
    Q_PROPERTY(bool alive READ alive)
    Q_PROPERTY(double vsz READ vsz)
    Q_PROPERTY(double rss READ rss)
    Q_PROPERTY(double min_flt READ minFlt)
    Q_PROPERTY(double maj_flt READ majFlt)
    Q_PROPERTY(double brk READ brkValue)
    Q_PROPERTY(double swap READ swapKb)
    Q_PROPERTY(double oom_score READ oomScore)
    Q_PROPERTY(double oom_score_adj READ oomScoreAdj WRITE setOomScoreAdj)
    Q_PROPERTY(QString state READ state)
    Q_PROPERTY(double node READ node)
public:
    ProcessHandle(VmScript* vm, std::uint32_t pid);

    double pid() const { return m_pid; }
    double ppid() const;
    QString name() const;
    bool alive() const;
    double vsz() const;   ///< kB, like ps
    double rss() const;   ///< kB, like ps
    double minFlt() const;
    double majFlt() const;
    double brkValue() const;
    double swapKb() const;     ///< VmSwap, kB
    double oomScore() const;   ///< /proc/PID/oom_score
    double oomScoreAdj() const;
    double node() const; ///< the NUMA node it runs on
    void setOomScoreAdj(double v);
    QString state() const;     ///< "running", "exited" or "killed"

    Q_INVOKABLE QJSValue malloc(const QJSValue& size);
    Q_INVOKABLE void free(const QJSValue& ptr);
    Q_INVOKABLE bool touch(const QJSValue& addr, const QJSValue& len = QJSValue(), const QJSValue& opts = QJSValue());
    Q_INVOKABLE QJSValue read(const QJSValue& addr, const QJSValue& len = QJSValue(), const QJSValue& opts = QJSValue());
    Q_INVOKABLE bool write(const QJSValue& addr, const QJSValue& lenOrData = QJSValue(), const QJSValue& opts = QJSValue());
    Q_INVOKABLE QJSValue mmap(const QJSValue& len, const QJSValue& prot = QJSValue(), const QJSValue& flags = QJSValue(),
                              const QJSValue& file = QJSValue(), const QJSValue& offset = QJSValue());
    Q_INVOKABLE void munmap(const QJSValue& addr, const QJSValue& len);
    Q_INVOKABLE void mprotect(const QJSValue& addr, const QJSValue& len, const QJSValue& prot);
    /// madvise(addr, len, advice): MADV_HUGEPAGE, MADV_NOHUGEPAGE, MADV_DONTNEED (or "hugepage", ...).
    Q_INVOKABLE void madvise(const QJSValue& addr, const QJSValue& len, const QJSValue& advice);
    Q_INVOKABLE QJSValue brk(const QJSValue& addr);
    Q_INVOKABLE QJSValue fork();
    Q_INVOKABLE void exit(const QJSValue& status = QJSValue());
    Q_INVOKABLE void run();   ///< context switch to this process
    Q_INVOKABLE QJSValue translate(const QJSValue& vaddr);
    Q_INVOKABLE QString toString() const;

private:
    bool access(const QJSValue& addr, const QJSValue& len, const QJSValue& opts, bool write, const QString& what,
                const std::string* data = nullptr);
    const Process* proc() const;
    QPointer<VmScript> m_vm;
    std::uint32_t m_pid;
};

} // namespace memviz
