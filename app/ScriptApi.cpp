#include "ScriptApi.h"

#include "ErrorText.h"
#include "stats/Shell.h"
#include "util/Size.h"

#include <QCoreApplication>
#include <QJSEngine>

#include <cmath>

namespace memviz {

namespace {
bool isInteger(const QJSValue& v, double* out)
{
    if (!v.isNumber()) return false;
    const double d = v.toNumber();
    if (!std::isfinite(d) || std::floor(d) != d) return false;
    *out = d;
    return true;
}
} // namespace

std::optional<std::uint64_t> sizeFromJs(const QJSValue& v)
{
    if (v.isNumber()) {
        const double d = v.toNumber();
        if (!std::isfinite(d) || d < 0 || std::floor(d) != d || d > 1.8e19) return std::nullopt;
        return static_cast<std::uint64_t>(d);
    }
    if (v.isString()) return parseSize(v.toString().toStdString());
    return std::nullopt;
}

ScriptApi::ScriptApi(QJSEngine* engine, ScriptEngine* owner) : m_engine(engine), m_owner(owner) {}

bool ScriptApi::readArch(const QJSValue& v, MachineConfig* cfg)
{
    if (v.isUndefined()) return true;
    if (v.isString()) {
        auto a = archPreset(v.toString().toStdString());
        if (!a) {
            m_engine->throwError(QJSValue::RangeError, QStringLiteral("machine(): ")
                                     + errorText(Error{ErrorCode::UnknownPreset, 0, 0, v.toString().toStdString()}));
            return false;
        }
        cfg->arch = *a;
        return true;
    }
    if (!v.isObject()) {
        m_engine->throwError(QJSValue::TypeError, tr("machine(): arch must be a preset name or an object like { pageSize: 32, levels: [5, 5], entryBytes: 1, validBit: 7, pfnBits: [0, 6] }"));
        return false;
    }
    auto num = [&](const char* key, double def, double* out) {
        const QJSValue x = v.property(QString::fromLatin1(key));
        if (x.isUndefined()) {
            *out = def;
            return true;
        }
        if (!isInteger(x, out)) {
            m_engine->throwError(QJSValue::TypeError, tr("machine(): arch.%1 must be a whole number").arg(QString::fromLatin1(key)));
            return false;
        }
        return true;
    };
    double pageSize = 0, entryBytes = 0, validBit = 0, pfnShift = 0, pfnWidth = 0;
    if (!num("pageSize", 4096, &pageSize) || !num("entryBytes", 8, &entryBytes) || !num("validBit", 0, &validBit)) return false;
    std::vector<int> levels;
    const QJSValue lv = v.property(QStringLiteral("levels"));
    const int n = lv.isArray() ? lv.property(QStringLiteral("length")).toInt() : 0;
    for (int i = 0; i < n; ++i) {
        double b = 0;
        if (!isInteger(lv.property(static_cast<quint32>(i)), &b) || b < 1 || b > 30) {
            m_engine->throwError(QJSValue::RangeError, tr("machine(): arch.levels must list the index bits of each level, e.g. [5, 5]"));
            return false;
        }
        levels.push_back(static_cast<int>(b));
    }
    if (levels.empty()) {
        m_engine->throwError(QJSValue::RangeError, tr("machine(): arch.levels must list the index bits of each level, e.g. [5, 5]"));
        return false;
    }
    const QJSValue pb = v.property(QStringLiteral("pfnBits"));
    if (pb.isArray()) { // [lowest bit, highest bit]
        double lo = 0, hi = 0;
        if (!isInteger(pb.property(0), &lo) || !isInteger(pb.property(1), &hi) || hi < lo) {
            m_engine->throwError(QJSValue::RangeError, tr("machine(): arch.pfnBits must be [lowest bit, highest bit] of the frame number"));
            return false;
        }
        pfnShift = lo;
        pfnWidth = hi - lo + 1;
    } else if (!num("pfnShift", 12, &pfnShift) || !num("pfnBits", 40, &pfnWidth)) {
        return false;
    }
    const auto ram = sizeFromJs(v.property(QStringLiteral("ram")).isUndefined() ? QJSValue(static_cast<double>(cfg->ramBytes))
                                                                               : v.property(QStringLiteral("ram")));
    auto spec = ArchSpec::makeCustom(static_cast<std::uint64_t>(pageSize), levels, static_cast<int>(entryBytes),
                                     static_cast<int>(validBit), static_cast<int>(pfnShift), static_cast<int>(pfnWidth),
                                     ram.value_or(0));
    if (auto* e = std::get_if<Error>(&spec)) {
        m_engine->throwError(QJSValue::RangeError, QStringLiteral("machine(): ") + errorText(*e));
        return false;
    }
    cfg->arch = std::get<ArchSpec>(spec);
    cfg->preset = "custom";
    cfg->ramBytes = ram.value_or(0);
    cfg->swapBytes = 0;
    cfg->bootReservedBytes = 0;
    return true;
}

bool ScriptApi::readTlb(const QJSValue& v, MachineConfig* cfg)
{
    if (v.isUndefined()) return true;
    if (!v.isObject()) {
        m_engine->throwError(QJSValue::TypeError, tr("machine(): tlb must be an object like { entries: 64, ways: 4, policy: \"LRU\", pcid: true }"));
        return false;
    }
    double entries = cfg->tlb.sets * cfg->tlb.ways, ways = cfg->tlb.ways;
    const QJSValue e = v.property(QStringLiteral("entries")), w = v.property(QStringLiteral("ways"));
    if ((!e.isUndefined() && !isInteger(e, &entries)) || (!w.isUndefined() && !isInteger(w, &ways)) || ways < 1
        || entries < ways || static_cast<long long>(entries) % static_cast<long long>(ways) != 0) {
        m_engine->throwError(QJSValue::RangeError, tr("machine(): tlb.entries must be a multiple of tlb.ways (both powers of two)"));
        return false;
    }
    cfg->tlb.ways = static_cast<int>(ways);
    cfg->tlb.sets = static_cast<int>(entries / ways);
    const QJSValue p = v.property(QStringLiteral("policy"));
    if (!p.isUndefined()) {
        const QString s = p.toString().toLower();
        if (s == QLatin1String("lru")) cfg->tlb.policy = 0;
        else if (s == QLatin1String("fifo")) cfg->tlb.policy = 1;
        else if (s == QLatin1String("random")) cfg->tlb.policy = 2;
        else {
            m_engine->throwError(QJSValue::RangeError, tr("machine(): tlb.policy must be \"LRU\", \"FIFO\" or \"random\""));
            return false;
        }
    }
    const QJSValue pc = v.property(QStringLiteral("pcid"));
    if (!pc.isUndefined()) cfg->tlb.pcid = pc.toBool();
    return true;
}

QJSValue ScriptApi::machine(const QJSValue& options)
{
    MachineConfig cfg = defaultConfig;
    if (!options.isUndefined() && !options.isNull() && !options.isObject()) {
        m_engine->throwError(QJSValue::TypeError, tr("machine() takes an object, e.g. machine({ preset: \"x86-64\", ram: \"8G\" })"));
        return {};
    }
    static const QStringList known = {QStringLiteral("preset"), QStringLiteral("ram"), QStringLiteral("swap"),
                                      QStringLiteral("seed"), QStringLiteral("cpus"), QStringLiteral("arch"),
                                      QStringLiteral("tlb")};
    if (options.isObject()) {
        const QJSValue keys = m_engine->globalObject().property(QStringLiteral("Object")).property(QStringLiteral("keys"));
        const QJSValue list = keys.call({options});
        const int n = list.property(QStringLiteral("length")).toInt();
        for (int i = 0; i < n; ++i) {
            const QString k = list.property(static_cast<quint32>(i)).toString();
            if (!known.contains(k)) {
                m_engine->throwError(QJSValue::TypeError, tr("machine(): unknown option \"%1\" (known: %2)")
                                                              .arg(k, known.join(QStringLiteral(", "))));
                return {};
            }
        }
        const QJSValue preset = options.property(QStringLiteral("preset"));
        if (!preset.isUndefined()) {
            auto p = MachineConfig::fromPreset(preset.toString().toStdString());
            if (auto* e = std::get_if<Error>(&p)) {
                m_engine->throwError(QJSValue::RangeError, errorText(*e));
                return {};
            }
            cfg = std::get<MachineConfig>(p);
        }
        auto readSize = [&](const char* key, std::uint64_t* out) {
            const QJSValue v = options.property(QString::fromLatin1(key));
            if (v.isUndefined()) return true;
            const auto s = sizeFromJs(v);
            if (!s) {
                m_engine->throwError(QJSValue::RangeError, QStringLiteral("machine(): %1: ").arg(QString::fromLatin1(key))
                                         + errorText(Error{ErrorCode::BadSize, 0, 0, v.toString().toStdString()}));
                return false;
            }
            *out = *s;
            return true;
        };
        if (!readSize("ram", &cfg.ramBytes) || !readSize("swap", &cfg.swapBytes)) return {};
        const QJSValue seed = options.property(QStringLiteral("seed"));
        double d = 0;
        if (!seed.isUndefined()) {
            if (!isInteger(seed, &d) || d < 0) {
                m_engine->throwError(QJSValue::RangeError, tr("machine(): seed must be a whole number ≥ 0"));
                return {};
            }
            cfg.seed = static_cast<std::uint64_t>(d);
        }
        const QJSValue cpus = options.property(QStringLiteral("cpus"));
        if (!cpus.isUndefined()) {
            if (!isInteger(cpus, &d) || d < 1 || d > 256) {
                m_engine->throwError(QJSValue::RangeError, tr("machine(): cpus must be a whole number from 1 to 256"));
                return {};
            }
            cfg.cpus = static_cast<int>(d);
        }
    }
    if (options.isObject() && (!readArch(options.property(QStringLiteral("arch")), &cfg)
                               || !readTlb(options.property(QStringLiteral("tlb")), &cfg)))
        return {};
    auto created = Simulator::create(cfg);
    if (auto* e = std::get_if<Error>(&created)) {
        m_engine->throwError(QJSValue::RangeError, QStringLiteral("machine(): ") + errorText(*e));
        return {};
    }
    outcome->sim = std::move(std::get<Simulator>(created));
    outcome->newMachine = true;
    outcome->firstNewEvent = 0;
    outcome->shots.clear();
    QJSValue info = m_engine->newObject();
    info.setProperty(QStringLiteral("preset"), QString::fromStdString(cfg.preset));
    info.setProperty(QStringLiteral("ram"), static_cast<double>(cfg.ramBytes));
    info.setProperty(QStringLiteral("swap"), static_cast<double>(cfg.swapBytes));
    info.setProperty(QStringLiteral("seed"), static_cast<double>(cfg.seed));
    return info;
}

QString ScriptApi::sh(const QJSValue& commandLine)
{
    const ShellResult r = runShell(outcome->sim->current(), commandLine.toString().toStdString());
    QString text = QString::fromStdString(r.out + r.err);
    if (r.command) { // a write (sysctl vm.x=y, echo y > /proc/sys/vm/x) becomes a command of the run
        const CommandResult c = outcome->sim->apply(*r.command);
        if (c.error) text += errorText(c.error) + QLatin1Char('\n');
    }
    return text;
}

void ScriptApi::shot(const QJSValue& name)
{
    QString n = name.isUndefined() ? QString() : name.toString();
    if (n.isEmpty()) n = QStringLiteral("shot%1").arg(outcome->shots.size() + 1, 2, 10, QLatin1Char('0'));
    outcome->shots.push_back({n, outcome->sim->eventCount()});
}

void ScriptApi::printedText(const QString& text) { emit m_owner->printed(text); }

void ScriptApi::printList(const QJSValue& args)
{
    QStringList parts;
    const int n = args.property(QStringLiteral("length")).toInt();
    for (int i = 0; i < n; ++i) {
        const QJSValue v = args.property(static_cast<quint32>(i));
        parts << (v.isString() ? v.toString() : ScriptEngine::display(m_engine, v));
    }
    QString text = parts.join(QLatin1Char(' '));
    if (!text.endsWith(QLatin1Char('\n'))) text += QLatin1Char('\n');
    outcome->output += text;
    emit m_owner->printed(text);
}

KernelApi::KernelApi(QJSEngine* engine, ScriptApi* api) : m_engine(engine), m_api(api) {}

Simulator* KernelApi::sim() { return &*m_api->outcome->sim; }

QJSValue KernelApi::alloc_pages(const QJSValue& order, const QJSValue& options)
{
    double o = 0;
    if (!isInteger(order, &o)) {
        m_engine->throwError(QJSValue::TypeError, tr("alloc_pages(order): order must be a whole number from 0 to 10"));
        return {};
    }
    ZoneType zone = ZoneType::Normal;
    if (options.isObject()) {
        const QJSValue z = options.property(QStringLiteral("zone"));
        if (!z.isUndefined() && !zoneTypeFromName(z.toString().toStdString(), &zone)) {
            m_engine->throwError(QJSValue::RangeError,
                                 errorText(Error{ErrorCode::UnknownZone, 0, 0, z.toString().toStdString()}));
            return {};
        }
    } else if (!options.isUndefined() && !options.isNull()) {
        m_engine->throwError(QJSValue::TypeError, tr("alloc_pages(order, options): options must be an object, e.g. { zone: \"DMA32\" }"));
        return {};
    }
    const CommandResult r = sim()->apply(Command::allocPages(o < -1e9 ? -1 : o > 1e9 ? 1000 : static_cast<int>(o), zone));
    if (r.error) {
        m_engine->throwError(QJSValue::RangeError, QStringLiteral("alloc_pages(): ") + errorText(r.error));
        return {};
    }
    if (!r.pfn) return QJSValue(QJSValue::NullValue); // out of memory: NULL, as in C
    const Machine& m = sim()->current();
    QJSValue block = m_engine->newObject();
    block.setProperty(QStringLiteral("pfn"), static_cast<double>(*r.pfn));
    block.setProperty(QStringLiteral("order"), static_cast<int>(o));
    block.setProperty(QStringLiteral("zone"), QString::fromLatin1(zoneTypeName(m.zones[m.zoneOf(*r.pfn)].type).data()));
    block.setProperty(QStringLiteral("address"), static_cast<double>(*r.pfn * m.pageSize()));
    block.setProperty(QStringLiteral("pages"), static_cast<double>(std::uint64_t(1) << static_cast<int>(o)));
    return block;
}

void KernelApi::free_pages(const QJSValue& block, const QJSValue& order)
{
    double pfn = 0, o = 0;
    if (block.isObject() && isInteger(block.property(QStringLiteral("pfn")), &pfn)
        && isInteger(block.property(QStringLiteral("order")), &o)) {
        // a block handle from alloc_pages()
    } else if (isInteger(block, &pfn) && (order.isUndefined() || isInteger(order, &o))) {
        // free_pages(pfn, order)
    } else {
        m_engine->throwError(QJSValue::TypeError,
                             tr("free_pages(block): pass the block alloc_pages() returned, or a pfn and an order"));
        return;
    }
    if (pfn < 0 || o < 0 || o > 1e9) {
        m_engine->throwError(QJSValue::RangeError, tr("free_pages(): pfn and order must not be negative"));
        return;
    }
    const CommandResult r = sim()->apply(Command::freePages(static_cast<std::uint64_t>(pfn), static_cast<int>(o)));
    if (r.error) m_engine->throwError(QJSValue::RangeError, QStringLiteral("free_pages(): ") + errorText(r.error));
}

} // namespace memviz
