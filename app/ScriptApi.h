#pragma once
/// The objects a script sees: machine(), the kernel object (alloc_pages, free_pages, the
/// slab allocator, kmalloc, vmalloc, kmap, zonelist), sh(), print(), shot(). Errors are
/// thrown as JavaScript errors at the caller's line.

#include "ScriptEngine.h"

#include <QJSValue>
#include <QObject>

class QJSEngine;

namespace memviz {

class ScriptApi : public QObject {
    Q_OBJECT
public:
    ScriptApi(QJSEngine* engine, ScriptEngine* owner);

    // State of the current run; set by ScriptEngine::run.
    ScriptOutcome* outcome = nullptr;
    MachineConfig defaultConfig;

    Q_INVOKABLE QJSValue machine(const QJSValue& options);
    Q_INVOKABLE QString sh(const QJSValue& commandLine);
    Q_INVOKABLE void shot(const QJSValue& name);
    Q_INVOKABLE void printList(const QJSValue& args);
    /// lab.replacement({ policy, frames, refs }): the page-replacement lab's records.
    Q_INVOKABLE QJSValue replacement(const QJSValue& options);
    /// Appends to nothing; tells listeners (the console) that text was printed.
    void printedText(const QString& text);

private:
    bool readArch(const QJSValue& v, MachineConfig* cfg);
    bool readTlb(const QJSValue& v, MachineConfig* cfg);
    bool readNuma(const QJSValue& options, MachineConfig* cfg);
    bool readSlab(const QJSValue& v, MachineConfig* cfg);
    QJSEngine* m_engine;
    ScriptEngine* m_owner;
};

class KernelApi : public QObject {
    Q_OBJECT
public:
    explicit KernelApi(QJSEngine* engine, ScriptApi* api);

    Q_INVOKABLE QJSValue alloc_pages(const QJSValue& order, const QJSValue& options = QJSValue());
    Q_INVOKABLE void free_pages(const QJSValue& block, const QJSValue& order = QJSValue());
    // The slab allocator (a cache handle has alloc(), free(obj), shrink() too).
    Q_INVOKABLE QJSValue kmem_cache_create(const QJSValue& name, const QJSValue& size, const QJSValue& align = QJSValue(),
                                           const QJSValue& flags = QJSValue());
    Q_INVOKABLE QJSValue kmem_cache_alloc(const QJSValue& cache, const QJSValue& options = QJSValue());
    Q_INVOKABLE void kmem_cache_free(const QJSValue& cache, const QJSValue& object);
    Q_INVOKABLE QJSValue kmem_cache_shrink(const QJSValue& cache);
    Q_INVOKABLE QJSValue kmalloc(const QJSValue& size, const QJSValue& options = QJSValue());
    Q_INVOKABLE void kfree(const QJSValue& addr);
    Q_INVOKABLE QJSValue vmalloc(const QJSValue& size, const QJSValue& options = QJSValue());
    Q_INVOKABLE void vfree(const QJSValue& addr);
    Q_INVOKABLE QJSValue kmap(const QJSValue& page);
    Q_INVOKABLE void kunmap(const QJSValue& page);
    Q_INVOKABLE QJSValue kmap_local_page(const QJSValue& page);
    Q_INVOKABLE void kunmap_local(const QJSValue& addr);
    /// The zonelist of a node for an allocation up to `zone` (default Normal): ["N0:Normal", ...].
    Q_INVOKABLE QJSValue zonelist(const QJSValue& node, const QJSValue& zone = QJSValue());
    /// __pa() / __va() of the direct map (exposed as kernel.__pa and kernel.__va).
    Q_INVOKABLE QJSValue pa(const QJSValue& vaddr);
    Q_INVOKABLE QJSValue va(const QJSValue& paddr);

    /// Runs a kmem command; throws (prefixed with `what`) and returns false when refused.
    bool apply(const Command& c, const QString& what, CommandResult* r);
    QJSEngine* engine() const { return m_engine; }
    Simulator* sim();

private:
    /// The cache id of a handle from kmem_cache_create or a cache name; nullopt (thrown) otherwise.
    std::optional<std::uint32_t> cacheOf(const QJSValue& v, const QString& what);
    /// The pfn of a block handle from alloc_pages or a pfn; nullopt (thrown) otherwise.
    std::optional<std::uint64_t> pageOf(const QJSValue& v, const QString& what);
    /// Reads { node: N } (-1 when absent); false (thrown) when malformed.
    bool nodeOption(const QJSValue& options, const QString& what, int* node);
    /// kmalloc/vmalloc: a size and { node } to an address (null when memory ran out).
    QJSValue allocCall(CommandType type, const QString& what, const QString& usage, const QJSValue& size,
                       const QJSValue& options);
    /// kfree/vfree/kunmap_local: an address back.
    void freeCall(CommandType type, const QString& what, const QString& usage, const QJSValue& addr, bool local = false);
    /// kmap/kmap_local_page: a page to its kernel address.
    QJSValue mapCall(const QString& what, const QJSValue& page, bool local);
    QJSEngine* m_engine;
    ScriptApi* m_api;
};

/// What kmem_cache_create() returns to a script: the cache's geometry and its operations.
class SlabCacheHandle : public QObject {
    Q_OBJECT
    Q_PROPERTY(double id READ id CONSTANT)
    Q_PROPERTY(QString name READ name CONSTANT)
    Q_PROPERTY(double size READ size CONSTANT)
    Q_PROPERTY(double objsize READ objsize CONSTANT)
    Q_PROPERTY(double objperslab READ objperslab CONSTANT)
    Q_PROPERTY(double pagesperslab READ pagesperslab CONSTANT)
    Q_PROPERTY(double active_objs READ activeObjs)
    Q_PROPERTY(double num_objs READ numObjs)
    Q_PROPERTY(double num_slabs READ numSlabs)
public:
    SlabCacheHandle(KernelApi* kernel, std::uint32_t id);
    double id() const { return m_id; }
    QString name() const;
    double size() const;
    double objsize() const;
    double objperslab() const;
    double pagesperslab() const;
    double activeObjs() const;
    double numObjs() const;
    double numSlabs() const;
    Q_INVOKABLE QJSValue alloc(const QJSValue& options = QJSValue());
    Q_INVOKABLE void free(const QJSValue& object);
    Q_INVOKABLE QJSValue shrink();
    Q_INVOKABLE QString toString() const;

private:
    const SlabCache& cache() const;
    KernelApi* m_kernel;
    std::uint32_t m_id;
};

/// Reads a size given as a number of bytes or a string like "512M"; nothing when invalid.
std::optional<std::uint64_t> sizeFromJs(const QJSValue& v);

} // namespace memviz
