#include "ScriptEngine.h"

#include "ScriptApi.h"
#include "ScriptVm.h"
#include "alloc/Kmem.h"

#include <QJSEngine>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace memviz {

namespace {

/// Interrupts the engine if a run takes longer than its budget.
class Watchdog {
public:
    Watchdog(QJSEngine* engine, int ms)
        : m_thread([this, engine, ms] {
              std::unique_lock lock(m_mutex);
              if (!m_cv.wait_for(lock, std::chrono::milliseconds(ms), [this] { return m_done; })) {
                  m_fired = true;
                  engine->setInterrupted(true);
              }
          })
    {
    }
    ~Watchdog()
    {
        {
            std::lock_guard lock(m_mutex);
            m_done = true;
        }
        m_cv.notify_all();
        m_thread.join();
    }
    bool fired()
    {
        std::lock_guard lock(m_mutex);
        return m_fired;
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_cv;
    bool m_done = false;
    bool m_fired = false;
    std::thread m_thread;
};

/// print() takes any number of arguments, which a C++ method cannot; a small JS
/// wrapper collects them. It never throws, so error lines stay the caller's.
const char* const kPrint = "(function (api) { return function () { api.printList(Array.prototype.slice.call(arguments)); }; })";

} // namespace

QString ScriptOutcome::errorLine() const
{
    if (ok) return {};
    QString f = fileName;
    return line > 0 ? QStringLiteral("%1:%2: %3").arg(f).arg(line).arg(message) : QStringLiteral("%1: %2").arg(f, message);
}

ScriptEngine::ScriptEngine(QObject* parent) : QObject(parent) { reset(); }

ScriptEngine::~ScriptEngine() = default;

void ScriptEngine::reset()
{
    m_api.reset();
    m_engine = std::make_unique<QJSEngine>();
    install();
}

void ScriptEngine::install()
{
    m_api = std::make_unique<ScriptApi>(m_engine.get(), this);
    auto* kernel = new KernelApi(m_engine.get(), m_api.get());
    kernel->setParent(m_api.get());
    QJSValue api = m_engine->newQObject(m_api.get());
    QJSEngine::setObjectOwnership(m_api.get(), QJSEngine::CppOwnership);
    QJSEngine::setObjectOwnership(kernel, QJSEngine::CppOwnership);
    QJSValue global = m_engine->globalObject();
    global.setProperty(QStringLiteral("machine"), api.property(QStringLiteral("machine")));
    global.setProperty(QStringLiteral("sh"), api.property(QStringLiteral("sh")));
    global.setProperty(QStringLiteral("shot"), api.property(QStringLiteral("shot")));
    QJSValue lab = m_engine->newObject();
    lab.setProperty(QStringLiteral("replacement"), api.property(QStringLiteral("replacement")));
    global.setProperty(QStringLiteral("lab"), lab);
    QJSValue kernelObj = m_engine->newQObject(kernel);
    kernelObj.setProperty(QStringLiteral("__pa"), kernelObj.property(QStringLiteral("pa")));
    kernelObj.setProperty(QStringLiteral("__va"), kernelObj.property(QStringLiteral("va")));
    global.setProperty(QStringLiteral("kernel"), kernelObj);
    // kmem_cache_create() flags (memviz's values; the names are the kernel's).
    global.setProperty(QStringLiteral("SLAB_HWCACHE_ALIGN"), static_cast<int>(SlabFlag::HwcacheAlign));
    global.setProperty(QStringLiteral("SLAB_RECLAIM_ACCOUNT"), static_cast<int>(SlabFlag::Reclaimable));
    auto* vmApi = new VmScript(m_engine.get(), m_api.get());
    vmApi->setParent(m_api.get());
    QJSEngine::setObjectOwnership(vmApi, QJSEngine::CppOwnership);
    QJSValue vm = m_engine->newQObject(vmApi);
    for (const char* f : {"spawn", "process", "translate", "sleep", "swapon", "sysctl", "now"})
        global.setProperty(QString::fromLatin1(f), vm.property(QString::fromLatin1(f)));
    QJSValue files = m_engine->newObject();
    files.setProperty(QStringLiteral("create"), vm.property(QStringLiteral("createFile")));
    global.setProperty(QStringLiteral("files"), files);
    global.setProperty(QStringLiteral("drop_caches"), vm.property(QStringLiteral("dropCaches")));
    QJSValue phys = m_engine->newObject();
    phys.setProperty(QStringLiteral("read"), vm.property(QStringLiteral("physRead")));
    phys.setProperty(QStringLiteral("write"), vm.property(QStringLiteral("physWrite")));
    global.setProperty(QStringLiteral("phys"), phys);
    QJSValue cpu = m_engine->newObject();
    cpu.setProperty(QStringLiteral("setPageTableBase"), vm.property(QStringLiteral("setPageTableBase")));
    cpu.setProperty(QStringLiteral("translate"), vm.property(QStringLiteral("cpuTranslate")));
    cpu.setProperty(QStringLiteral("tlb"), vm.property(QStringLiteral("tlbStats")));
    global.setProperty(QStringLiteral("cpu"), cpu);
    // The C constants of <sys/mman.h>.
    global.setProperty(QStringLiteral("PROT_NONE"), 0);
    global.setProperty(QStringLiteral("PROT_READ"), 1);
    global.setProperty(QStringLiteral("PROT_WRITE"), 2);
    global.setProperty(QStringLiteral("PROT_EXEC"), 4);
    global.setProperty(QStringLiteral("MAP_SHARED"), 1);
    global.setProperty(QStringLiteral("MAP_PRIVATE"), 2);
    global.setProperty(QStringLiteral("MAP_ANONYMOUS"), 0x20);
    global.setProperty(QStringLiteral("MAP_HUGETLB"), 0x40000);
    global.setProperty(QStringLiteral("MADV_DONTNEED"), 4);
    global.setProperty(QStringLiteral("MADV_HUGEPAGE"), 14);
    global.setProperty(QStringLiteral("MADV_NOHUGEPAGE"), 15);
    global.setProperty(QStringLiteral("KiB"), 1024.0);
    global.setProperty(QStringLiteral("MiB"), 1024.0 * 1024);
    global.setProperty(QStringLiteral("GiB"), 1024.0 * 1024 * 1024);
    global.setProperty(QStringLiteral("print"),
                       m_engine->evaluate(QString::fromLatin1(kPrint), QStringLiteral("<memviz>")).call({api}));
}

ScriptOutcome ScriptEngine::run(const QString& source, const QString& fileName, const Simulator* base,
                                const MachineConfig& defaultConfig)
{
    ScriptOutcome out;
    out.fileName = fileName;
    if (base) {
        out.sim = *base;
    } else {
        auto created = Simulator::create(defaultConfig);
        if (auto* e = std::get_if<Simulator>(&created)) out.sim = std::move(*e);
        out.newMachine = true;
    }
    out.firstNewEvent = out.sim ? out.sim->eventCount() : 0;
    m_api->outcome = &out;
    m_api->defaultConfig = defaultConfig;

    m_engine->setInterrupted(false);
    QJSValue result;
    bool interrupted = false;
    {
        Watchdog dog(m_engine.get(), m_timeoutMs);
        result = m_engine->evaluate(source, fileName);
        interrupted = dog.fired();
    }
    m_engine->setInterrupted(false);
    m_api->outcome = nullptr;

    if (interrupted) {
        out.ok = false;
        out.message = tr("the script ran for more than %1 s and was stopped (an endless loop?)")
                          .arg(m_timeoutMs / 1000.0, 0, 'g', 3);
        out.line = result.isError() ? result.property(QStringLiteral("lineNumber")).toInt() : 0;
        return out;
    }
    if (result.isError()) {
        out.ok = false;
        out.line = result.property(QStringLiteral("lineNumber")).toInt();
        QString file = result.property(QStringLiteral("fileName")).toString();
        if (file.startsWith(QLatin1String("file:"))) file = file.mid(5);
        if (!file.isEmpty() && file != QLatin1String("<memviz>")) out.fileName = file;
        out.message = result.toString();
        return out;
    }
    out.ok = true;
    out.value = result;
    return out;
}

QString ScriptEngine::display(QJSEngine* engine, const QJSValue& v)
{
    if (v.isUndefined()) return QStringLiteral("undefined");
    if (v.isNull()) return QStringLiteral("null");
    if (v.isString()) return v.toString();
    if (v.isError() || v.isCallable()) return v.toString();
    if (v.isObject()) {
        QJSValue json = engine ? engine->globalObject().property(QStringLiteral("JSON")) : QJSValue();
        if (json.isObject()) {
            const QJSValue s = json.property(QStringLiteral("stringify")).callWithInstance(json, {v});
            if (s.isString()) return s.toString();
        }
    }
    return v.toString();
}

} // namespace memviz
