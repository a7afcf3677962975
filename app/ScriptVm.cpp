#include "ScriptVm.h"

#include "ErrorText.h"
#include "ScriptApi.h"
#include "reclaim/Reclaim.h"
#include "sim/Simulator.h"
#include "sim/Sysctl.h"
#include "vm/VmOps.h"

#include <QJSEngine>

#include <cmath>

namespace memviz {

namespace {

bool wholeNumber(const QJSValue& v, double* out)
{
    if (!v.isNumber()) return false;
    const double d = v.toNumber();
    if (!std::isfinite(d) || std::floor(d) != d || d < 0 || d > 1.8e19) return false;
    *out = d;
    return true;
}

/// "rw", "r-x", "rwx" or PROT_* bits.
bool protFrom(const QJSValue& v, std::uint8_t* out)
{
    if (v.isUndefined()) return false;
    double d = 0;
    if (wholeNumber(v, &d) && d <= 7) {
        *out = static_cast<std::uint8_t>(d);
        return true;
    }
    if (!v.isString()) return false;
    std::uint8_t p = 0;
    for (QChar c : v.toString()) {
        if (c == QLatin1Char('r')) p |= Prot::Read;
        else if (c == QLatin1Char('w')) p |= Prot::Write;
        else if (c == QLatin1Char('x')) p |= Prot::Exec;
        else if (c != QLatin1Char('-')) return false;
    }
    *out = p;
    return true;
}

QString hex(std::uint64_t v) { return QStringLiteral("0x") + QString::number(v, 16); }

} // namespace

VmScript::VmScript(QJSEngine* engine, ScriptApi* api) : m_engine(engine), m_api(api) {}

Simulator* VmScript::sim() const { return m_api && m_api->outcome && m_api->outcome->sim ? &*m_api->outcome->sim : nullptr; }

void VmScript::throwType(const QString& text) const { m_engine->throwError(QJSValue::TypeError, text); }
void VmScript::throwRange(const QString& text) const { m_engine->throwError(QJSValue::RangeError, text); }

bool VmScript::apply(const Command& c, const QString& what, CommandResult* out)
{
    CommandResult r = sim()->apply(c);
    if (r.error) {
        throwRange(what + QStringLiteral(": ") + errorText(r.error));
        return false;
    }
    if (out) *out = r;
    return true;
}

bool VmScript::size(const QJSValue& v, const QString& what, std::uint64_t* out, bool allowZero) const
{
    const auto s = sizeFromJs(v);
    if (!s || (!allowZero && *s == 0)) {
        throwRange(what + QStringLiteral(": ")
                   + tr("%1 is not a size (give a number of bytes, e.g. 100 * MiB, or a string like \"100M\")")
                         .arg(v.isUndefined() ? QStringLiteral("undefined") : v.toString()));
        return false;
    }
    *out = *s;
    return true;
}

bool VmScript::address(const QJSValue& v, const QString& what, std::uint64_t* out) const
{
    double d = 0;
    if (!wholeNumber(v, &d)) {
        throwType(what + QStringLiteral(": ") + tr("%1 is not an address (a whole number such as 0x7f3d665fd000)")
                                                      .arg(v.isUndefined() ? QStringLiteral("undefined") : v.toString()));
        return false;
    }
    *out = static_cast<std::uint64_t>(d);
    return true;
}

void VmScript::reportDeath(std::uint32_t pid)
{
    const Process* p = sim()->current().proc(pid);
    if (!p || p->alive()) return;
    // What bash prints when a child dies of a signal.
    QString text;
    if (p->exitSignal == 11) text = QStringLiteral("Segmentation fault\n");
    else if (p->exitSignal == 9) text = QStringLiteral("Killed\n");
    else return;
    m_api->outcome->output += text;
    m_api->printedText(text);
}

QJSValue VmScript::handle(std::uint32_t pid)
{
    auto* h = new ProcessHandle(this, pid);
    QJSEngine::setObjectOwnership(h, QJSEngine::JavaScriptOwnership);
    return m_engine->newQObject(h);
}

QJSValue VmScript::walkObject(const Machine& m, std::uint32_t pid, std::uint64_t va, bool withValue)
{
    const vm::WalkResult w = pid ? vm::translate(m, pid, va) : vm::walk(m, m.cpu.cr3, va);
    QJSValue r = m_engine->newObject();
    r.setProperty(QStringLiteral("ok"), w.ok);
    r.setProperty(QStringLiteral("vaddr"), static_cast<double>(va));
    if (w.ok) {
        r.setProperty(QStringLiteral("paddr"), static_cast<double>(w.paddr));
        r.setProperty(QStringLiteral("pfn"), static_cast<double>(w.paddr >> m.config.arch.pageShift));
        if (withValue) r.setProperty(QStringLiteral("value"), static_cast<int>(m.phys.read8(w.paddr)));
    } else {
        r.setProperty(QStringLiteral("faultLevel"), w.faultLevel);
    }
    QJSValue steps = m_engine->newArray(static_cast<uint>(w.steps.size()));
    for (std::size_t i = 0; i < w.steps.size(); ++i) {
        const vm::WalkStep& s = w.steps[i];
        QJSValue o = m_engine->newObject();
        o.setProperty(QStringLiteral("level"), s.level);
        o.setProperty(QStringLiteral("name"), QString::fromStdString(m.config.arch.levels[static_cast<std::size_t>(s.level)].name));
        o.setProperty(QStringLiteral("index"), static_cast<double>(s.index));
        o.setProperty(QStringLiteral("entryAddr"), static_cast<double>(s.entryAddr));
        o.setProperty(QStringLiteral("entry"), static_cast<double>(s.entry));
        o.setProperty(QStringLiteral("valid"), s.valid);
        o.setProperty(QStringLiteral("pfn"), static_cast<double>(s.pfn));
        steps.setProperty(static_cast<quint32>(i), o);
    }
    r.setProperty(QStringLiteral("steps"), steps);
    return r;
}

QJSValue VmScript::spawn(const QJSValue& name, const QJSValue& options)
{
    if (!name.isString() || name.toString().isEmpty()) {
        throwType(tr("spawn(name): give the program's name, e.g. spawn(\"demand-paging\")"));
        return {};
    }
    Command c = vmCommand(CommandType::Spawn, 0);
    c.text = name.toString().toStdString();
    if (options.isObject() && !options.property(QStringLiteral("node")).isUndefined()) {
        double d = 0;
        if (!wholeNumber(options.property(QStringLiteral("node")), &d) || d < 0) {
            throwType(tr("spawn(name, { node: N }): the node must be a whole number, e.g. spawn(\"a\", { node: 1 })"));
            return {};
        }
        c.node = d > 255 ? 255 : static_cast<int>(d);
    } else if (!options.isUndefined() && !options.isNull() && !options.isObject()) {
        throwType(tr("spawn(name, options): options must be an object, e.g. { node: 1 }"));
        return {};
    }
    CommandResult r;
    if (!apply(c, QStringLiteral("spawn()"), &r)) return {};
    if (!r.value) {
        throwRange(QStringLiteral("spawn(): ") + errorText(Error{ErrorCode::OutOfMemory, 1, 0, {}}));
        return {};
    }
    return handle(static_cast<std::uint32_t>(r.value));
}

QJSValue VmScript::process(const QJSValue& pid)
{
    double d = 0;
    if (!wholeNumber(pid, &d) || !sim()->current().proc(static_cast<std::uint32_t>(d))) {
        throwRange(QStringLiteral("process(): ") + errorText(Error{ErrorCode::UnknownPid, static_cast<std::int64_t>(d), 0, {}}));
        return {};
    }
    return handle(static_cast<std::uint32_t>(d));
}

QJSValue VmScript::translate(const QJSValue& pid, const QJSValue& vaddr)
{
    double d = 0;
    std::uint64_t va = 0;
    if (pid.isQObject()) {
        if (auto* h = qobject_cast<ProcessHandle*>(pid.toQObject())) d = h->pid();
    } else if (!wholeNumber(pid, &d)) {
        throwType(tr("translate(pid, vaddr): pid must be a process id or handle"));
        return {};
    }
    if (!address(vaddr, QStringLiteral("translate()"), &va)) return {};
    Command c = vmCommand(CommandType::Translate, static_cast<std::uint32_t>(d));
    c.addr = va;
    if (!apply(c, QStringLiteral("translate()"), nullptr)) return {};
    return walkObject(sim()->current(), static_cast<std::uint32_t>(d), va, false);
}

QJSValue VmScript::createFile(const QJSValue& name, const QJSValue& size, const QJSValue& content)
{
    if (!name.isString() || name.toString().isEmpty()) {
        throwType(tr("files.create(name, size[, content]): give a file name, e.g. files.create(\"testfile\", 100 * MiB, \"hello\\n\")"));
        return {};
    }
    Command c = vmCommand(CommandType::FileCreate, 0);
    c.text = name.toString().toStdString();
    if (!content.isUndefined()) c.data = content.toString().toUtf8().toStdString();
    if (size.isUndefined()) c.len = c.data.size();
    else if (!this->size(size, QStringLiteral("files.create()"), &c.len, true)) return {};
    if (!apply(c, QStringLiteral("files.create()"), nullptr)) return {};
    const Machine& m = sim()->current();
    QJSValue f = m_engine->newObject();
    f.setProperty(QStringLiteral("name"), name.toString());
    f.setProperty(QStringLiteral("path"), QString::fromStdString(vm::absolutePath(m, c.text)));
    f.setProperty(QStringLiteral("size"), static_cast<double>(c.len));
    return f;
}

QJSValue VmScript::physRead(const QJSValue& paddr, const QJSValue& count)
{
    std::uint64_t a = 0, n = 1;
    if (!address(paddr, QStringLiteral("phys.read()"), &a)) return {};
    if (!count.isUndefined() && !size(count, QStringLiteral("phys.read()"), &n)) return {};
    const Machine& m = sim()->current();
    const std::uint64_t ram = m.frames.size() * m.pageSize();
    if (a >= ram || n > ram - a || n > 1 << 20) {
        throwRange(QStringLiteral("phys.read(): ")
                   + errorText(Error{ErrorCode::PhysOutOfRange, static_cast<std::int64_t>(a + n), static_cast<std::int64_t>(ram), {}}));
        return {};
    }
    QJSValue arr = m_engine->newArray(static_cast<uint>(n));
    for (std::uint64_t i = 0; i < n; ++i) arr.setProperty(static_cast<quint32>(i), static_cast<int>(m.phys.read8(a + i)));
    return arr;
}

void VmScript::physWrite(const QJSValue& paddr, const QJSValue& bytes)
{
    std::uint64_t a = 0;
    if (!address(paddr, QStringLiteral("phys.write()"), &a)) return;
    Command c = vmCommand(CommandType::PhysWrite, 0);
    c.addr = a;
    if (bytes.isString()) {
        c.data = bytes.toString().toUtf8().toStdString();
    } else if (bytes.isArray()) {
        const int n = bytes.property(QStringLiteral("length")).toInt();
        for (int i = 0; i < n; ++i) {
            double d = 0;
            if (!wholeNumber(bytes.property(static_cast<quint32>(i)), &d) || d > 255) {
                throwRange(tr("phys.write(): element %1 is not a byte (0..255)").arg(i));
                return;
            }
            c.data.push_back(static_cast<char>(static_cast<int>(d)));
        }
    } else {
        double d = 0;
        if (!wholeNumber(bytes, &d) || d > 255) {
            throwType(tr("phys.write(paddr, bytes): bytes must be an array of numbers 0..255, one number, or a string"));
            return;
        }
        c.data.push_back(static_cast<char>(static_cast<int>(d)));
    }
    apply(c, QStringLiteral("phys.write()"), nullptr);
}

void VmScript::setPageTableBase(const QJSValue& pfn)
{
    double d = 0;
    if (!wholeNumber(pfn, &d)) {
        throwType(tr("cpu.setPageTableBase(pfn): give the frame number of the top-level table"));
        return;
    }
    Command c = vmCommand(CommandType::SetPageTableBase, 0);
    c.pfn = static_cast<std::uint64_t>(d);
    apply(c, QStringLiteral("cpu.setPageTableBase()"), nullptr);
}

QJSValue VmScript::cpuTranslate(const QJSValue& vaddr)
{
    std::uint64_t va = 0;
    if (!address(vaddr, QStringLiteral("cpu.translate()"), &va)) return {};
    const Machine& m = sim()->current();
    if (m.cpu.cr3 == kNoPfn) {
        throwRange(tr("cpu.translate(): no page-table base yet: call cpu.setPageTableBase(pfn) first"));
        return {};
    }
    if (va >> m.config.arch.vaBits()) {
        throwRange(tr("cpu.translate(): %1 is outside the %2-bit virtual address space").arg(hex(va)).arg(m.config.arch.vaBits()));
        return {};
    }
    Command c = vmCommand(CommandType::Translate, 0);
    c.addr = va;
    if (!apply(c, QStringLiteral("cpu.translate()"), nullptr)) return {};
    return walkObject(sim()->current(), 0, va, true);
}

QJSValue VmScript::tlbStats()
{
    const Machine& m = sim()->current();
    const Tlb& t = m.tlb;
    QJSValue o = m_engine->newObject();
    o.setProperty(QStringLiteral("hits"), static_cast<double>(t.hits));
    o.setProperty(QStringLiteral("misses"), static_cast<double>(t.misses));
    const double total = static_cast<double>(t.hits + t.misses);
    o.setProperty(QStringLiteral("hitRate"), total > 0 ? static_cast<double>(t.hits) / total : 0.0);
    o.setProperty(QStringLiteral("fills"), static_cast<double>(t.fills));
    o.setProperty(QStringLiteral("evictions"), static_cast<double>(t.evictions));
    o.setProperty(QStringLiteral("flushes"), static_cast<double>(t.flushes));
    o.setProperty(QStringLiteral("entries"), t.sets * t.ways);
    o.setProperty(QStringLiteral("ways"), t.ways);
    o.setProperty(QStringLiteral("pcid"), t.pcid);
    o.setProperty(QStringLiteral("switches"), static_cast<double>(m.cpu.switches));
    return o;
}

// ---- process handles ---------------------------------------------------------------

ProcessHandle::ProcessHandle(VmScript* vm, std::uint32_t pid) : m_vm(vm), m_pid(pid) {}

void VmScript::sleep(const QJSValue& seconds)
{
    if (!seconds.isNumber() || !std::isfinite(seconds.toNumber()) || seconds.toNumber() <= 0) {
        throwType(tr("sleep(): give a number of seconds, e.g. sleep(1) or sleep(0.5)"));
        return;
    }
    Command c = vmCommand(CommandType::Sleep, 0);
    c.len = static_cast<std::uint64_t>(std::llround(seconds.toNumber() * 1e9));
    apply(c, QStringLiteral("sleep()"), nullptr);
}

void VmScript::swapon(const QJSValue& name, const QJSValue& size, const QJSValue& opts)
{
    Command c = vmCommand(CommandType::SwapOn, 0);
    if (!name.isString() || name.toString().isEmpty()) {
        throwType(tr("swapon(): the first argument is the swap area's name, e.g. swapon(\"/swapfile\", \"1G\")"));
        return;
    }
    c.text = name.toString().toStdString();
    if (!this->size(size, QStringLiteral("swapon()"), &c.len)) return;
    const QJSValue prio = opts.isObject() ? opts.property(QStringLiteral("priority")) : QJSValue();
    if (!prio.isUndefined()) {
        if (!prio.isNumber()) {
            throwType(tr("swapon(): priority must be a number from -1 to 32767"));
            return;
        }
        c.write = true;
        c.addr = static_cast<std::uint64_t>(static_cast<std::int64_t>(prio.toNumber()));
    }
    apply(c, QStringLiteral("swapon()"), nullptr);
}

QJSValue VmScript::sysctl(const QJSValue& name, const QJSValue& value)
{
    const auto info = sysctlByName(name.toString().toStdString());
    if (!name.isString() || !info) {
        throwRange(tr("sysctl(): unknown tunable \"%1\"").arg(name.toString()));
        return {};
    }
    if (value.isUndefined()) return static_cast<double>(sysctlValue(sim()->current(), info->id));
    if (!value.isNumber() || !std::isfinite(value.toNumber()) || value.toNumber() < 0) {
        throwRange(tr("sysctl(): %1 takes a whole number from %2 to %3").arg(name.toString()).arg(info->min).arg(info->max));
        return {};
    }
    Command c = vmCommand(CommandType::SetSysctl, 0);
    c.text = std::string(info->name);
    c.len = static_cast<std::uint64_t>(value.toNumber());
    apply(c, QStringLiteral("sysctl()"), nullptr);
    return value;
}

void VmScript::dropCaches(const QJSValue& mode)
{
    Command c = vmCommand(CommandType::DropCaches, 0);
    c.len = mode.isNumber() ? static_cast<std::uint64_t>(std::max(0.0, mode.toNumber())) : 0;
    apply(c, QStringLiteral("drop_caches()"), nullptr);
}

double VmScript::now() const { return sim() ? static_cast<double>(sim()->current().timeNs) / 1e9 : 0; }

const Process* ProcessHandle::proc() const
{
    if (!m_vm || !m_vm->sim()) return nullptr;
    return m_vm->sim()->current().proc(m_pid);
}

double ProcessHandle::ppid() const { return proc() ? proc()->ppid : 0; }
QString ProcessHandle::name() const
{
    return proc() ? QString::fromStdString(m_vm->sim()->current().str(proc()->comm)) : QString();
}
bool ProcessHandle::alive() const { return proc() && proc()->alive(); }
double ProcessHandle::vsz() const
{
    if (!proc()) return 0;
    const Machine& m = m_vm->sim()->current();
    return static_cast<double>(m.pagesToKb(proc()->mm.totalVmPages(m.config.arch.pageShift)));
}
double ProcessHandle::rss() const { return proc() ? static_cast<double>(m_vm->sim()->current().pagesToKb(proc()->mm.rss())) : 0; }
double ProcessHandle::minFlt() const { return proc() ? static_cast<double>(proc()->minFlt) : 0; }
double ProcessHandle::majFlt() const { return proc() ? static_cast<double>(proc()->majFlt) : 0; }
double ProcessHandle::brkValue() const { return proc() ? static_cast<double>(proc()->mm.brk) : 0; }
double ProcessHandle::swapKb() const
{
    return proc() ? static_cast<double>(m_vm->sim()->current().pagesToKb(proc()->mm.swapEnts)) : 0;
}
double ProcessHandle::oomScore() const
{
    return proc() ? static_cast<double>(reclaim::oomScore(m_vm->sim()->current(), *proc())) : 0;
}
double ProcessHandle::oomScoreAdj() const { return proc() ? proc()->oomScoreAdj : 0; }
double ProcessHandle::node() const { return proc() ? proc()->node : 0; }
void ProcessHandle::setOomScoreAdj(double v)
{
    Command c = vmCommand(CommandType::SetOomScoreAdj, m_pid);
    if (!std::isfinite(v)) v = 10000;
    c.addr = static_cast<std::uint64_t>(static_cast<std::int64_t>(v));
    m_vm->apply(c, QStringLiteral("oom_score_adj"), nullptr);
}
QString ProcessHandle::state() const
{
    if (!proc()) return QString();
    switch (proc()->state) {
    case ProcState::Running: return QStringLiteral("running");
    case ProcState::Exited: return QStringLiteral("exited");
    case ProcState::Killed: return QStringLiteral("killed");
    }
    return QString();
}

QString ProcessHandle::toString() const { return QStringLiteral("[process %1 %2]").arg(m_pid).arg(name()); }

QJSValue ProcessHandle::malloc(const QJSValue& size)
{
    Command c = vmCommand(CommandType::Malloc, m_pid);
    if (!m_vm->size(size, QStringLiteral("malloc()"), &c.len)) return {};
    CommandResult r;
    if (!m_vm->apply(c, QStringLiteral("malloc()"), &r)) return {};
    if (!r.value) return QJSValue(QJSValue::NullValue); // NULL, as in C
    return static_cast<double>(r.value);
}

void ProcessHandle::free(const QJSValue& ptr)
{
    Command c = vmCommand(CommandType::Free, m_pid);
    if (ptr.isNull()) return; // free(NULL) does nothing
    if (!m_vm->address(ptr, QStringLiteral("free()"), &c.addr)) return;
    m_vm->apply(c, QStringLiteral("free()"), nullptr);
}

bool ProcessHandle::access(const QJSValue& addr, const QJSValue& len, const QJSValue& opts, bool write, const QString& what,
                           const std::string* data)
{
    Command c = vmCommand(CommandType::Access, m_pid);
    c.write = write;
    if (!m_vm->address(addr, what, &c.addr)) return false;
    if (data) {
        c.data = *data;
    } else {
        c.len = 1;
        if (!len.isUndefined() && !m_vm->size(len, what, &c.len)) return false;
    }
    if (opts.isObject()) {
        const QJSValue step = opts.property(QStringLiteral("step"));
        if (!step.isUndefined() && !m_vm->size(step, what, &c.step)) return false;
        const QJSValue w = opts.property(QStringLiteral("write"));
        if (w.isBool() && !data) c.write = w.toBool(); // touch(addr, len, { write: false }) only reads
    } else if (!opts.isUndefined()) {
        m_vm->throwType(what + QStringLiteral(": ") + tr("options must be an object, e.g. { step: 4096 }"));
        return false;
    }
    if (!m_vm->apply(c, what, nullptr)) return false;
    m_vm->reportDeath(m_pid);
    return alive();
}

bool ProcessHandle::touch(const QJSValue& addr, const QJSValue& len, const QJSValue& opts)
{
    return access(addr, len, opts, true, QStringLiteral("touch()"));
}

QJSValue ProcessHandle::read(const QJSValue& addr, const QJSValue& len, const QJSValue& opts)
{
    if (!access(addr, len, opts, false, QStringLiteral("read()"))) return QJSValue(QJSValue::NullValue);
    std::uint64_t a = 0, n = 1;
    m_vm->address(addr, QStringLiteral("read()"), &a);
    if (!len.isUndefined()) n = *sizeFromJs(len);
    if (n > 4096) return QJSValue(); // large reads only fault pages in; no bytes come back
    std::string bytes = vm::readUser(m_vm->sim()->current(), m_pid, a, n);
    while (!bytes.empty() && bytes.back() == '\0') bytes.pop_back();
    return QString::fromLatin1(bytes.data(), static_cast<qsizetype>(bytes.size()));
}

bool ProcessHandle::write(const QJSValue& addr, const QJSValue& lenOrData, const QJSValue& opts)
{
    if (lenOrData.isString()) {
        const std::string d = lenOrData.toString().toUtf8().toStdString();
        if (d.empty()) return alive();
        return access(addr, QJSValue(), opts, true, QStringLiteral("write()"), &d);
    }
    if (lenOrData.isArray()) {
        std::string d;
        const int n = lenOrData.property(QStringLiteral("length")).toInt();
        for (int i = 0; i < n; ++i) d.push_back(static_cast<char>(lenOrData.property(static_cast<quint32>(i)).toInt()));
        if (d.empty()) return alive();
        return access(addr, QJSValue(), opts, true, QStringLiteral("write()"), &d);
    }
    return access(addr, lenOrData, opts, true, QStringLiteral("write()"));
}

QJSValue ProcessHandle::mmap(const QJSValue& len, const QJSValue& prot, const QJSValue& flags, const QJSValue& file,
                             const QJSValue& offset)
{
    const QString what = QStringLiteral("mmap()");
    Command c = vmCommand(CommandType::Mmap, m_pid);
    if (!m_vm->size(len, what, &c.len)) return {};
    c.prot = Prot::Read | Prot::Write;
    if (!prot.isUndefined() && !protFrom(prot, &c.prot)) {
        m_vm->throwType(what + QStringLiteral(": ") + tr("prot must be PROT_READ | PROT_WRITE ... or a string like \"rw\""));
        return {};
    }
    if (file.isObject()) c.text = file.property(QStringLiteral("name")).toString().toStdString();
    else if (file.isString()) c.text = file.toString().toStdString();
    else if (!file.isUndefined() && !file.isNull()) {
        m_vm->throwType(what + QStringLiteral(": ") + tr("file must be a name or what files.create() returned"));
        return {};
    }
    c.mapFlags = c.text.empty() ? (MapFlag::Private | MapFlag::Anonymous) : MapFlag::Private;
    if (flags.isString()) {
        const QString f = flags.toString().toLower();
        if (f.contains(QLatin1String("shared"))) c.mapFlags = (c.mapFlags & ~MapFlag::Private) | MapFlag::Shared;
    } else if (flags.isNumber()) {
        c.mapFlags = static_cast<std::uint32_t>(flags.toInt());
        if (c.text.empty()) c.mapFlags |= MapFlag::Anonymous;
    }
    if (!offset.isUndefined() && !m_vm->size(offset, what, &c.offset, true)) return {};
    CommandResult r;
    if (!m_vm->apply(c, what, &r)) return {};
    if (!r.value) return QJSValue(QJSValue::NullValue); // MAP_FAILED: the commit limit said no (ENOMEM)
    return static_cast<double>(r.value);
}

void ProcessHandle::munmap(const QJSValue& addr, const QJSValue& len)
{
    Command c = vmCommand(CommandType::Munmap, m_pid);
    if (!m_vm->address(addr, QStringLiteral("munmap()"), &c.addr) || !m_vm->size(len, QStringLiteral("munmap()"), &c.len)) return;
    m_vm->apply(c, QStringLiteral("munmap()"), nullptr);
}

void ProcessHandle::mprotect(const QJSValue& addr, const QJSValue& len, const QJSValue& prot)
{
    Command c = vmCommand(CommandType::Mprotect, m_pid);
    if (!m_vm->address(addr, QStringLiteral("mprotect()"), &c.addr) || !m_vm->size(len, QStringLiteral("mprotect()"), &c.len))
        return;
    if (!protFrom(prot, &c.prot)) {
        m_vm->throwType(QStringLiteral("mprotect(): ") + tr("prot must be PROT_READ | PROT_WRITE ... or a string like \"rw\""));
        return;
    }
    m_vm->apply(c, QStringLiteral("mprotect()"), nullptr);
}

void ProcessHandle::madvise(const QJSValue& addr, const QJSValue& len, const QJSValue& advice)
{
    const QString what = QStringLiteral("madvise()");
    Command c = vmCommand(CommandType::Madvise, m_pid);
    if (!m_vm->address(addr, what, &c.addr) || !m_vm->size(len, what, &c.len)) return;
    double d = 0;
    const QString name = advice.toString().toLower().remove(QStringLiteral("madv_"));
    if (wholeNumber(advice, &d) && d <= 255) c.mapFlags = static_cast<std::uint32_t>(d);
    else if (advice.isString() && name == QLatin1String("hugepage")) c.mapFlags = Madv::HugePage;
    else if (advice.isString() && name == QLatin1String("nohugepage")) c.mapFlags = Madv::NoHugePage;
    else if (advice.isString() && name == QLatin1String("dontneed")) c.mapFlags = Madv::DontNeed;
    else {
        m_vm->throwType(what + QStringLiteral(": ") + tr("advice must be MADV_HUGEPAGE, MADV_NOHUGEPAGE or MADV_DONTNEED"));
        return;
    }
    m_vm->apply(c, what, nullptr);
}

QJSValue ProcessHandle::brk(const QJSValue& addr)
{
    Command c = vmCommand(CommandType::Brk, m_pid);
    if (!m_vm->address(addr, QStringLiteral("brk()"), &c.addr)) return {};
    CommandResult r;
    if (!m_vm->apply(c, QStringLiteral("brk()"), &r)) return {};
    return static_cast<double>(r.value);
}

QJSValue ProcessHandle::fork()
{
    CommandResult r;
    if (!m_vm->apply(vmCommand(CommandType::Fork, m_pid), QStringLiteral("fork()"), &r)) return {};
    if (!r.value) return QJSValue(QJSValue::NullValue); // -1 in C: out of memory
    return m_vm->handle(static_cast<std::uint32_t>(r.value));
}

void ProcessHandle::exit(const QJSValue& status)
{
    Command c = vmCommand(CommandType::Exit, m_pid);
    double d = 0;
    if (!status.isUndefined() && status.isNumber() && std::isfinite(status.toNumber())) d = status.toNumber();
    c.len = static_cast<std::uint64_t>(static_cast<int>(d) & 0xff);
    m_vm->apply(c, QStringLiteral("exit()"), nullptr);
}

void ProcessHandle::run() { m_vm->apply(vmCommand(CommandType::Switch, m_pid), QStringLiteral("run()"), nullptr); }

QJSValue ProcessHandle::translate(const QJSValue& vaddr) { return m_vm->translate(QJSValue(static_cast<double>(m_pid)), vaddr); }

} // namespace memviz
