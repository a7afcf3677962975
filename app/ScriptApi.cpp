#include "ScriptApi.h"

#include "ErrorText.h"
#include "alloc/Buddy.h"
#include "alloc/KernelMap.h"
#include "alloc/Kmem.h"
#include "phys/Numa.h"
#include "reclaim/Replacement.h"
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

bool ScriptApi::readNuma(const QJSValue& options, MachineConfig* cfg)
{
    const QJSValue nodes = options.property(QStringLiteral("nodes"));
    const QJSValue dist = options.property(QStringLiteral("distance"));
    if (nodes.isUndefined() && dist.isUndefined()) return true;
    const int n = nodes.isArray() ? nodes.property(QStringLiteral("length")).toInt() : 0;
    if (!nodes.isArray() || n < 1) {
        m_engine->throwError(QJSValue::TypeError,
                             tr("machine(): nodes must list the NUMA nodes, e.g. nodes: [{ ram: \"8G\" }, { ram: \"8G\" }]"));
        return false;
    }
    cfg->numaNodes.clear();
    std::uint64_t total = 0;
    for (int i = 0; i < n; ++i) {
        const QJSValue node = nodes.property(static_cast<quint32>(i));
        const auto ram = node.isObject() ? sizeFromJs(node.property(QStringLiteral("ram"))) : std::nullopt;
        if (!ram) {
            m_engine->throwError(QJSValue::TypeError,
                                 tr("machine(): nodes[%1] needs its memory, e.g. { ram: \"8G\" } (add memoryOnly: true for a node without CPUs)")
                                     .arg(i));
            return false;
        }
        NumaNodeConfig nc;
        nc.ramBytes = *ram;
        nc.hasCpus = !node.property(QStringLiteral("memoryOnly")).toBool();
        cfg->numaNodes.push_back(nc);
        total += *ram;
    }
    cfg->ramBytes = total;
    cfg->distance.clear();
    if (!dist.isUndefined()) {
        const int rows = dist.isArray() ? dist.property(QStringLiteral("length")).toInt() : -1;
        if (rows < 0) {
            m_engine->throwError(QJSValue::TypeError,
                                 tr("machine(): distance must be a matrix like [[10, 20], [20, 10]]"));
            return false;
        }
        for (int i = 0; i < rows; ++i) {
            const QJSValue row = dist.property(static_cast<quint32>(i));
            const int cols = row.isArray() ? row.property(QStringLiteral("length")).toInt() : -1;
            std::vector<std::uint32_t> r;
            for (int j = 0; j < cols; ++j) {
                double d = 0;
                if (!isInteger(row.property(static_cast<quint32>(j)), &d) || d < 0 || d > 1e6) {
                    m_engine->throwError(QJSValue::TypeError,
                                         tr("machine(): distance[%1][%2] must be a whole number like 10 or 20").arg(i).arg(j));
                    return false;
                }
                r.push_back(static_cast<std::uint32_t>(d));
            }
            if (cols < 0) {
                m_engine->throwError(QJSValue::TypeError, tr("machine(): distance[%1] must be a row of numbers").arg(i));
                return false;
            }
            cfg->distance.push_back(std::move(r));
        }
    }
    return true;
}

bool ScriptApi::readSlab(const QJSValue& v, MachineConfig* cfg)
{
    if (v.isUndefined()) return true;
    const QString s = v.toString().toLower();
    if (s == QLatin1String("slab"))
        cfg->slab = SlabKind::Slab;
    else if (s == QLatin1String("slub"))
        cfg->slab = SlabKind::Slub;
    else {
        m_engine->throwError(QJSValue::RangeError,
                             tr("machine(): slab must be \"slab\" (the classic allocator of the notes) or \"slub\" (Linux 6.8 and later)"));
        return false;
    }
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
                                      QStringLiteral("tlb"), QStringLiteral("nodes"), QStringLiteral("distance"),
                                      QStringLiteral("slab")};
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
                               || !readTlb(options.property(QStringLiteral("tlb")), &cfg)
                               || !readNuma(options, &cfg) || !readSlab(options.property(QStringLiteral("slab")), &cfg)))
        return {};
    auto created = Simulator::create(cfg);
    if (auto* e = std::get_if<Error>(&created)) {
        m_engine->throwError(QJSValue::RangeError, QStringLiteral("machine(): ") + errorText(*e, cfg));
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
    info.setProperty(QStringLiteral("nodes"), cfg.nodeCount());
    info.setProperty(QStringLiteral("slab"), cfg.slab == SlabKind::Slab ? QStringLiteral("slab") : QStringLiteral("slub"));
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

QJSValue ScriptApi::replacement(const QJSValue& options)
{
    const QString usage = tr("lab.replacement({ policy: \"FIFO\" | \"LRU\" | \"OPT\" | \"CLOCK\" | \"LINUX\", frames: 3, "
                             "refs: [1, 2, 3, 4, 1, 2, 5] })");
    if (!options.isObject()) {
        m_engine->throwError(QJSValue::TypeError, usage);
        return {};
    }
    ReplPolicy policy = ReplPolicy::Fifo;
    const QJSValue pol = options.property(QStringLiteral("policy"));
    if (!pol.isUndefined() && !replPolicyFromName(pol.toString().toStdString(), &policy)) {
        m_engine->throwError(QJSValue::RangeError,
                             tr("lab.replacement(): unknown policy \"%1\" (FIFO, LRU, OPT, CLOCK or LINUX)").arg(pol.toString()));
        return {};
    }
    double frames = 3;
    const QJSValue fr = options.property(QStringLiteral("frames"));
    if ((!fr.isUndefined() && !isInteger(fr, &frames)) || frames < 1 || frames > 64) {
        m_engine->throwError(QJSValue::RangeError, tr("lab.replacement(): frames must be a whole number from 1 to 64"));
        return {};
    }
    const QJSValue refs = options.property(QStringLiteral("refs"));
    const int n = refs.isArray() ? refs.property(QStringLiteral("length")).toInt() : -1;
    if (n < 0 || n > 100000) {
        m_engine->throwError(QJSValue::TypeError, usage);
        return {};
    }
    std::vector<std::int64_t> pages;
    for (int i = 0; i < n; ++i) {
        double d = 0;
        if (!isInteger(refs.property(static_cast<quint32>(i)), &d) || d < 0 || d > 1e15) {
            m_engine->throwError(QJSValue::RangeError,
                                 tr("lab.replacement(): refs[%1] must be a page number (a whole number ≥ 0)").arg(i));
            return {};
        }
        pages.push_back(static_cast<std::int64_t>(d));
    }
    const ReplResult r = simulateReplacement(policy, static_cast<int>(frames), pages);
    QJSValue steps = m_engine->newArray(static_cast<quint32>(r.steps.size()));
    for (quint32 i = 0; i < r.steps.size(); ++i) {
        const ReplStep& st = r.steps[i];
        QJSValue o = m_engine->newObject();
        o.setProperty(QStringLiteral("ref"), static_cast<double>(st.ref));
        o.setProperty(QStringLiteral("hit"), st.hit);
        o.setProperty(QStringLiteral("victim"), st.victim == kNoPage ? QJSValue(QJSValue::NullValue)
                                                                     : QJSValue(static_cast<double>(st.victim)));
        QJSValue f = m_engine->newArray(static_cast<quint32>(st.frames.size()));
        for (quint32 k = 0; k < st.frames.size(); ++k)
            f.setProperty(k, st.frames[k] == kNoPage ? QJSValue(QJSValue::NullValue) : QJSValue(static_cast<double>(st.frames[k])));
        o.setProperty(QStringLiteral("frames"), f);
        steps.setProperty(i, o);
    }
    QJSValue out = m_engine->newObject();
    out.setProperty(QStringLiteral("policy"), QString::fromLatin1(replPolicyName(policy).data()));
    out.setProperty(QStringLiteral("steps"), steps);
    out.setProperty(QStringLiteral("hits"), static_cast<double>(r.hits));
    out.setProperty(QStringLiteral("misses"), static_cast<double>(r.misses));
    return out;
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
    int node = -1;
    if (options.isObject()) {
        const QJSValue z = options.property(QStringLiteral("zone"));
        if (!z.isUndefined() && !zoneTypeFromName(z.toString().toStdString(), &zone)) {
            m_engine->throwError(QJSValue::RangeError,
                                 errorText(Error{ErrorCode::UnknownZone, 0, 0, z.toString().toStdString()}));
            return {};
        }
        if (!nodeOption(options, QStringLiteral("alloc_pages()"), &node)) return {};
    } else if (!options.isUndefined() && !options.isNull()) {
        m_engine->throwError(QJSValue::TypeError, tr("alloc_pages(order, options): options must be an object, e.g. { zone: \"DMA32\" }"));
        return {};
    }
    Command cmd = Command::allocPages(o < -1e9 ? -1 : o > 1e9 ? 1000 : static_cast<int>(o), zone);
    cmd.node = node;
    const CommandResult r = sim()->apply(cmd);
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
    block.setProperty(QStringLiteral("node"), static_cast<int>(m.zones[m.zoneOf(*r.pfn)].node));
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


// ---- the kernel's own memory ------------------------------------------------------------

namespace {
double addrValue(std::uint64_t a)
{
    return static_cast<double>(a); // kernel addresses are exact in a double up to 2^53; larger ones lose low bits
}

std::optional<std::uint64_t> addressFromJs(const QJSValue& v)
{
    if (v.isString()) { // "0xffff888000001000": exact for any 64-bit address
        bool ok = false;
        QString t = v.toString().trimmed();
        const std::uint64_t a = t.startsWith(QLatin1String("0x"), Qt::CaseInsensitive) ? t.mid(2).toULongLong(&ok, 16)
                                                                                       : t.toULongLong(&ok, 10);
        return ok ? std::optional<std::uint64_t>(a) : std::nullopt;
    }
    return sizeFromJs(v);
}

QJSValue kernelAddress(QJSEngine* engine, std::uint64_t a)
{
    // 64-bit kernel addresses do not fit a double exactly: hand them out as hex strings,
    // which every kernel call accepts back.
    if (a >= (1ull << 53)) return QJSValue(QStringLiteral("0x%1").arg(a, 16, 16, QLatin1Char('0')));
    (void)engine;
    return QJSValue(addrValue(a));
}
} // namespace

bool KernelApi::apply(const Command& c, const QString& what, CommandResult* r)
{
    *r = sim()->apply(c);
    if (r->error) {
        m_engine->throwError(QJSValue::RangeError, what + QStringLiteral(": ") + errorText(r->error));
        return false;
    }
    return true;
}

bool KernelApi::nodeOption(const QJSValue& options, const QString& what, int* node)
{
    *node = -1;
    if (options.isUndefined() || options.isNull()) return true;
    if (!options.isObject()) {
        m_engine->throwError(QJSValue::TypeError, tr("%1: options must be an object, e.g. { node: 1 }").arg(what));
        return false;
    }
    const QJSValue n = options.property(QStringLiteral("node"));
    if (n.isUndefined()) return true;
    double d = 0;
    if (!isInteger(n, &d) || d < 0 || d >= static_cast<double>(sim()->current().nodes.size())) {
        m_engine->throwError(QJSValue::RangeError,
                             what + QStringLiteral(": ")
                                 + errorText(Error{ErrorCode::UnknownNode, static_cast<std::int64_t>(d),
                                                   static_cast<std::int64_t>(sim()->current().nodes.size()), {}}));
        return false;
    }
    *node = static_cast<int>(d);
    return true;
}

std::optional<std::uint32_t> KernelApi::cacheOf(const QJSValue& v, const QString& what)
{
    const Machine& m = sim()->current();
    if (auto* h = qobject_cast<SlabCacheHandle*>(v.toQObject())) return static_cast<std::uint32_t>(h->id());
    if (v.isString()) {
        const std::string name = v.toString().toStdString();
        for (std::uint32_t i = 0; i < m.kmem.caches.size(); ++i)
            if (m.str(m.kmem.caches[i].name) == name) return i;
    }
    double d = 0;
    if (isInteger(v, &d) && d >= 0 && d < static_cast<double>(m.kmem.caches.size())) return static_cast<std::uint32_t>(d);
    m_engine->throwError(QJSValue::TypeError,
                         tr("%1: pass a cache from kmem_cache_create() or the name of a cache in /proc/slabinfo").arg(what));
    return std::nullopt;
}

std::optional<std::uint64_t> KernelApi::pageOf(const QJSValue& v, const QString& what)
{
    double pfn = 0;
    if (v.isObject() && isInteger(v.property(QStringLiteral("pfn")), &pfn) && pfn >= 0) return static_cast<std::uint64_t>(pfn);
    if (isInteger(v, &pfn) && pfn >= 0) return static_cast<std::uint64_t>(pfn);
    m_engine->throwError(QJSValue::TypeError, tr("%1: pass the page alloc_pages() returned, or its pfn").arg(what));
    return std::nullopt;
}

QJSValue KernelApi::kmem_cache_create(const QJSValue& name, const QJSValue& size, const QJSValue& align,
                                      const QJSValue& flags)
{
    const QString what = QStringLiteral("kmem_cache_create()");
    if (!name.isString()) {
        m_engine->throwError(QJSValue::TypeError,
                             tr("kmem_cache_create(name, size, align, flags): name must be a string, e.g. \"task_struct\""));
        return {};
    }
    const auto bytes = sizeFromJs(size);
    double al = 0, fl = 0;
    if (!bytes || (!align.isUndefined() && !isInteger(align, &al)) || al < 0
        || (!flags.isUndefined() && !isInteger(flags, &fl)) || fl < 0) {
        m_engine->throwError(QJSValue::TypeError,
                             tr("kmem_cache_create(name, size, align, flags): size, align and flags must be whole numbers, "
                                "e.g. kmem_cache_create(\"task_struct\", 1792, 64, SLAB_HWCACHE_ALIGN)"));
        return {};
    }
    Command c;
    c.type = CommandType::KmemCacheCreate;
    c.text = name.toString().toStdString();
    c.len = *bytes;
    c.step = static_cast<std::uint64_t>(al);
    c.mapFlags = static_cast<std::uint32_t>(fl);
    CommandResult r;
    if (!apply(c, what, &r)) return {};
    return m_engine->newQObject(new SlabCacheHandle(this, static_cast<std::uint32_t>(r.value)));
}

QJSValue KernelApi::kmem_cache_alloc(const QJSValue& cache, const QJSValue& options)
{
    const QString what = QStringLiteral("kmem_cache_alloc()");
    const auto id = cacheOf(cache, what);
    int node = -1;
    if (!id || !nodeOption(options, what, &node)) return {};
    Command c;
    c.type = CommandType::KmemCacheAlloc;
    c.pfn = *id;
    c.node = node;
    CommandResult r;
    if (!apply(c, what, &r)) return {};
    if (!r.value) return QJSValue(QJSValue::NullValue); // out of memory: NULL
    return kernelAddress(m_engine, r.value);
}

void KernelApi::kmem_cache_free(const QJSValue& cache, const QJSValue& object)
{
    const QString what = QStringLiteral("kmem_cache_free()");
    const auto id = cacheOf(cache, what);
    if (!id) return;
    const auto a = addressFromJs(object);
    if (!a) {
        m_engine->throwError(QJSValue::TypeError, tr("%1: pass the object's address").arg(what));
        return;
    }
    Command c;
    c.type = CommandType::KmemCacheFree;
    c.pfn = *id;
    c.addr = *a;
    CommandResult r;
    apply(c, what, &r);
}

QJSValue KernelApi::kmem_cache_shrink(const QJSValue& cache)
{
    const QString what = QStringLiteral("kmem_cache_shrink()");
    const auto id = cacheOf(cache, what);
    if (!id) return {};
    Command c;
    c.type = CommandType::KmemCacheShrink;
    c.pfn = *id;
    CommandResult r;
    if (!apply(c, what, &r)) return {};
    return static_cast<double>(r.value);
}

QJSValue KernelApi::allocCall(CommandType type, const QString& what, const QString& usage, const QJSValue& size,
                              const QJSValue& options)
{
    const auto bytes = sizeFromJs(size);
    int node = -1;
    if (!bytes) {
        m_engine->throwError(QJSValue::TypeError, usage);
        return {};
    }
    if (!nodeOption(options, what, &node)) return {};
    Command c;
    c.type = type;
    c.len = *bytes;
    c.node = node;
    CommandResult r;
    if (!apply(c, what, &r)) return {};
    if (!r.value) return QJSValue(QJSValue::NullValue); // out of memory: NULL, as in C
    return kernelAddress(m_engine, r.value);
}

void KernelApi::freeCall(CommandType type, const QString& what, const QString& usage, const QJSValue& addr, bool local)
{
    const auto a = addressFromJs(addr);
    if (!a) {
        m_engine->throwError(QJSValue::TypeError, usage);
        return;
    }
    Command c;
    c.type = type;
    c.addr = *a;
    c.write = local;
    CommandResult r;
    apply(c, what, &r);
}

QJSValue KernelApi::kmalloc(const QJSValue& size, const QJSValue& options)
{
    return allocCall(CommandType::Kmalloc, QStringLiteral("kmalloc()"),
                     tr("kmalloc(size): size must be a number of bytes or a size like \"64K\""), size, options);
}

void KernelApi::kfree(const QJSValue& addr)
{
    freeCall(CommandType::Kfree, QStringLiteral("kfree()"), tr("kfree(addr): pass the address kmalloc() returned"), addr);
}

QJSValue KernelApi::vmalloc(const QJSValue& size, const QJSValue& options)
{
    return allocCall(CommandType::Vmalloc, QStringLiteral("vmalloc()"),
                     tr("vmalloc(size): size must be a number of bytes or a size like \"64K\""), size, options);
}

void KernelApi::vfree(const QJSValue& addr)
{
    freeCall(CommandType::Vfree, QStringLiteral("vfree()"), tr("vfree(addr): pass the address vmalloc() returned"), addr);
}

QJSValue KernelApi::mapCall(const QString& what, const QJSValue& page, bool local)
{
    const auto pfn = pageOf(page, what);
    if (!pfn) return {};
    Command c;
    c.type = CommandType::Kmap;
    c.pfn = *pfn;
    c.write = local;
    CommandResult r;
    if (!apply(c, what, &r)) return {};
    return kernelAddress(m_engine, r.value);
}

QJSValue KernelApi::kmap(const QJSValue& page) { return mapCall(QStringLiteral("kmap()"), page, false); }

void KernelApi::kunmap(const QJSValue& page)
{
    const QString what = QStringLiteral("kunmap()");
    const auto pfn = pageOf(page, what);
    if (!pfn) return;
    Command c;
    c.type = CommandType::Kunmap;
    c.pfn = *pfn;
    CommandResult r;
    apply(c, what, &r);
}

QJSValue KernelApi::kmap_local_page(const QJSValue& page)
{
    return mapCall(QStringLiteral("kmap_local_page()"), page, true);
}

void KernelApi::kunmap_local(const QJSValue& addr)
{
    freeCall(CommandType::Kunmap, QStringLiteral("kunmap_local()"),
             tr("kunmap_local(addr): pass the address kmap_local_page() returned"), addr, true);
}

QJSValue KernelApi::zonelist(const QJSValue& node, const QJSValue& zone)
{
    const Machine& m = sim()->current();
    double d = 0;
    if (!isInteger(node, &d) || d < 0 || d >= static_cast<double>(m.nodes.size())) {
        m_engine->throwError(QJSValue::RangeError,
                             QStringLiteral("zonelist(): ")
                                 + errorText(Error{ErrorCode::UnknownNode, static_cast<std::int64_t>(d),
                                                   static_cast<std::int64_t>(m.nodes.size()), {}}));
        return {};
    }
    ZoneType t = ZoneType::Normal;
    if (!zone.isUndefined() && !zoneTypeFromName(zone.toString().toStdString(), &t)) {
        m_engine->throwError(QJSValue::RangeError,
                             QStringLiteral("zonelist(): ") + errorText(Error{ErrorCode::UnknownZone, 0, 0, zone.toString().toStdString()}));
        return {};
    }
    ZoneType resolved = t;
    if (buddy::resolveHighestZone(m, t, &resolved)) resolved = t;
    const auto labels = numa::zonelistLabels(m, static_cast<int>(d), resolved);
    QJSValue arr = m_engine->newArray(static_cast<quint32>(labels.size()));
    for (quint32 i = 0; i < labels.size(); ++i) arr.setProperty(i, QString::fromStdString(labels[i]));
    return arr;
}

QJSValue KernelApi::pa(const QJSValue& vaddr)
{
    const auto a = addressFromJs(vaddr);
    const KernelLayout& l = sim()->current().kmem.layout;
    const std::uint64_t p = a ? virtToPhys(l, *a) : ~0ull;
    if (p == ~0ull) {
        m_engine->throwError(QJSValue::RangeError,
                             tr("__pa(): %1 is not a direct-map address (only lowmem has one)")
                                 .arg(a ? QStringLiteral("0x%1").arg(*a, 0, 16) : vaddr.toString()));
        return {};
    }
    return static_cast<double>(p);
}

QJSValue KernelApi::va(const QJSValue& paddr)
{
    const auto p = sizeFromJs(paddr);
    const KernelLayout& l = sim()->current().kmem.layout;
    if (!p || l.highMemory == 0 || *p >= l.highMemory - l.pageOffset) {
        m_engine->throwError(QJSValue::RangeError,
                             tr("__va(): physical address %1 is not in the direct map (HighMem has no permanent kernel address; use kmap)")
                                 .arg(paddr.toString()));
        return {};
    }
    return kernelAddress(m_engine, physToVirt(l, *p));
}

SlabCacheHandle::SlabCacheHandle(KernelApi* kernel, std::uint32_t id) : m_kernel(kernel), m_id(id) {}

const SlabCache& SlabCacheHandle::cache() const { return m_kernel->sim()->current().kmem.caches[m_id]; }
QString SlabCacheHandle::name() const { return QString::fromStdString(m_kernel->sim()->current().str(cache().name)); }
double SlabCacheHandle::size() const { return cache().size; }
double SlabCacheHandle::objsize() const { return cache().objectSize; }
double SlabCacheHandle::objperslab() const { return cache().objsPerSlab; }
double SlabCacheHandle::pagesperslab() const { return static_cast<double>(1u << cache().order); }
double SlabCacheHandle::activeObjs() const { return static_cast<double>(cache().activeObjs); }
double SlabCacheHandle::numObjs() const { return static_cast<double>(cache().totalObjs()); }
double SlabCacheHandle::numSlabs() const { return static_cast<double>(cache().numSlabs); }

QJSValue SlabCacheHandle::alloc(const QJSValue& options)
{
    return m_kernel->kmem_cache_alloc(m_kernel->engine()->toScriptValue(static_cast<double>(m_id)), options);
}

void SlabCacheHandle::free(const QJSValue& object)
{
    m_kernel->kmem_cache_free(m_kernel->engine()->toScriptValue(static_cast<double>(m_id)), object);
}

QJSValue SlabCacheHandle::shrink()
{
    return m_kernel->kmem_cache_shrink(m_kernel->engine()->toScriptValue(static_cast<double>(m_id)));
}

QString SlabCacheHandle::toString() const
{
    return QStringLiteral("kmem_cache %1: %2-byte objects, %3 per slab of %4 page(s)")
        .arg(name())
        .arg(cache().size)
        .arg(cache().objsPerSlab)
        .arg(1u << cache().order);
}

} // namespace memviz
