#include "SessionFile.h"

#include "ErrorText.h"
#include "sim/Sysctl.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QSaveFile>

#include <cmath>
#include <limits>
#include <unordered_set>

namespace memviz {

/// The translation context of this file's messages.
class SessionFile {
    Q_DECLARE_TR_FUNCTIONS(memviz::SessionFile)
};

namespace {

constexpr std::uint64_t kFnvOffset = 14695981039346656037ull;
constexpr std::uint64_t kFnvPrime = 1099511628211ull;
/// Larger files are refused before parsing (a session of a million commands is ~250 MB).
constexpr qint64 kMaxFileBytes = 1ll << 30;
constexpr char kFormat[] = "memviz-session";

QString native(const QString& path)
{
    return QDir::toNativeSeparators(path);
}

// ---------------------------------------------------------------------------------------------
// Names of enumerations in the file.

const char* archKindName(ArchKind k)
{
    switch (k) {
    case ArchKind::X86_64:
        return "x86-64";
    case ArchKind::X86_64_LA57:
        return "x86-64-la57";
    case ArchKind::X86_32:
        return "x86-32";
    case ArchKind::X86_PAE:
        return "x86-pae";
    }
    return "x86-64";
}
const char* thpName(ThpMode m)
{
    switch (m) {
    case ThpMode::Always:
        return "always";
    case ThpMode::Madvise:
        return "madvise";
    case ThpMode::Never:
        return "never";
    }
    return "madvise";
}
const char* const kTlbPolicies[] = { "LRU", "FIFO", "random" };
const char* slabName(SlabKind k)
{
    return k == SlabKind::Slub ? "slub" : "slab";
}
constexpr int kCommandTypes = static_cast<int>(CommandType::Kunmap) + 1;
const QStringList kLanguages = { QString(), QStringLiteral("en"), QStringLiteral("zh_CN") };
const QStringList kThemes = { QStringLiteral("light"), QStringLiteral("dark") };

bool validUtf8(std::string_view s)
{
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const std::size_t n = s.size();
    for (std::size_t i = 0; i < n;) {
        const unsigned char c = p[i];
        int more = 0;
        std::uint32_t cp = 0;
        if (c < 0x80) {
            ++i;
            continue;
        }
        if ((c & 0xE0) == 0xC0)
            more = 1, cp = c & 0x1F;
        else if ((c & 0xF0) == 0xE0)
            more = 2, cp = c & 0x0F;
        else if ((c & 0xF8) == 0xF0)
            more = 3, cp = c & 0x07;
        else
            return false;
        if (i + static_cast<std::size_t>(more) >= n) return false;
        for (int k = 1; k <= more; ++k) {
            const unsigned char d = p[i + static_cast<std::size_t>(k)];
            if ((d & 0xC0) != 0x80) return false;
            cp = (cp << 6) | (d & 0x3F);
        }
        // Overlong forms, surrogates and code points above U+10FFFF.
        static constexpr std::uint32_t minimum[] = { 0, 0x80, 0x800, 0x10000 };
        if (cp < minimum[more] || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) return false;
        i += static_cast<std::size_t>(more) + 1;
    }
    return true;
}

// ---------------------------------------------------------------------------------------------
// Writing: a small JSON writer with a fixed key order and a readable layout (one command a
// line), so equal sessions give equal bytes and a diff of two sessions is readable.

class JsonOut {
public:
    JsonOut() { m_out.reserve(1 << 16); }
    void beginObject(bool compact = false) { open('{', compact); }
    void endObject() { close('}'); }
    void beginArray(bool compact = false) { open('[', compact); }
    void endArray() { close(']'); }
    /// Keys are ASCII identifiers: written as they are.
    void key(const char* k)
    {
        item();
        m_out += '"';
        m_out += k;
        m_out += "\": ";
        m_keyed = true;
    }
    void value(std::string_view utf8)
    {
        item();
        string(utf8);
    }
    void value(const std::string& s) { value(std::string_view(s)); }
    void value(const char* s) { value(std::string_view(s)); }
    void value(const QByteArray& utf8)
    {
        value(std::string_view(utf8.constData(), static_cast<std::size_t>(utf8.size())));
    }
    void value(const QString& s) { value(s.toUtf8()); }
    void value(std::int64_t v)
    {
        item();
        m_out += QByteArray::number(static_cast<qlonglong>(v));
    }
    void value(int v) { value(static_cast<std::int64_t>(v)); }
    void value(std::uint32_t v) { value(static_cast<std::int64_t>(v)); }
    void value(bool v)
    {
        item();
        m_out += v ? "true" : "false";
    }
    /// A 64-bit quantity: a decimal string, exact in every JSON reader.
    void decimal(std::uint64_t v)
    {
        item();
        m_out += '"';
        m_out += QByteArray::number(static_cast<qulonglong>(v));
        m_out += '"';
    }
    template <class T> void field(const char* k, const T& v)
    {
        key(k);
        value(v);
    }
    void fieldDecimal(const char* k, std::uint64_t v)
    {
        key(k);
        decimal(v);
    }
    QByteArray take()
    {
        m_out += '\n';
        return std::move(m_out);
    }

private:
    struct Level {
        bool compact;
        bool first;
    };
    void open(char c, bool compact)
    {
        item();
        m_out += c;
        // A container inside a compact one is compact too.
        m_stack.push_back({ compact || (!m_stack.empty() && m_stack.back().compact), true });
    }
    void close(char c)
    {
        const Level l = m_stack.back();
        m_stack.pop_back();
        if (!l.compact && !l.first) newline();
        m_out += c;
    }
    /// Separator and indentation before a key or a value (not before the value after a key).
    void item()
    {
        if (m_keyed) {
            m_keyed = false;
            return;
        }
        if (m_stack.empty()) return;
        Level& l = m_stack.back();
        if (!l.first) m_out += l.compact ? ", " : ",";
        if (!l.compact) newline();
        l.first = false;
    }
    void newline()
    {
        m_out += '\n';
        m_out += QByteArray(static_cast<qsizetype>(m_stack.size()) * 2, ' ');
    }
    /// A JSON string of UTF-8 text: quotes, backslashes, control characters and the line
    /// separators U+2028/U+2029 (which JavaScript does not allow in strings) escaped.
    void string(std::string_view s)
    {
        m_out += '"';
        std::size_t plain = 0;
        auto flush = [&](std::size_t upTo, std::size_t skip) {
            m_out.append(s.data() + plain, static_cast<qsizetype>(upTo - plain));
            plain = upTo + skip;
        };
        for (std::size_t i = 0; i < s.size(); ++i) {
            const auto c = static_cast<unsigned char>(s[i]);
            const char* esc = nullptr;
            switch (c) {
            case '"':
                esc = "\\\"";
                break;
            case '\\':
                esc = "\\\\";
                break;
            case '\n':
                esc = "\\n";
                break;
            case '\r':
                esc = "\\r";
                break;
            case '\t':
                esc = "\\t";
                break;
            case '\b':
                esc = "\\b";
                break;
            case '\f':
                esc = "\\f";
                break;
            default:
                break;
            }
            if (esc) {
                flush(i, 1);
                m_out += esc;
            } else if (c < 0x20 || c == 0x7F) {
                flush(i, 1);
                m_out += "\\u00";
                m_out += QByteArray::number(c, 16).rightJustified(2, '0');
            } else if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80
                && (static_cast<unsigned char>(s[i + 2]) & 0xFE) == 0xA8) {
                flush(i, 3);
                m_out += static_cast<unsigned char>(s[i + 2]) == 0xA8 ? "\\u2028" : "\\u2029";
                i += 2;
            }
        }
        flush(s.size(), 0);
        m_out += '"';
    }

    QByteArray m_out;
    std::vector<Level> m_stack;
    bool m_keyed = false;
};

void writeArch(JsonOut& w, const ArchSpec& a)
{
    w.key("arch");
    w.beginObject();
    w.field("kind", archKindName(a.kind));
    w.field("name", a.name);
    w.field("pageShift", a.pageShift);
    w.key("levels");
    w.beginArray(true);
    for (const PagingLevel& l : a.levels) {
        w.beginObject(true);
        w.field("name", l.name);
        w.field("bits", l.bits);
        w.endObject();
    }
    w.endArray();
    const EntryFormat& e = a.entry;
    w.key("entry");
    w.beginObject(true);
    w.field("bytes", e.bytes);
    w.field("validBit", e.validBit);
    w.field("pfnShift", e.pfnShift);
    w.field("pfnBits", e.pfnBits);
    w.field("writeBit", e.writeBit);
    w.field("userBit", e.userBit);
    w.field("accessedBit", e.accessedBit);
    w.field("dirtyBit", e.dirtyBit);
    w.field("hugeBit", e.hugeBit);
    w.field("globalBit", e.globalBit);
    w.field("nxBit", e.nxBit);
    w.endObject();
    w.field("physAddrBits", a.physAddrBits);
    w.field("is32bit", a.is32bit);
    w.fieldDecimal("maxRamBytes", a.maxRamBytes);
    w.fieldDecimal("lowmemLimitBytes", a.lowmemLimitBytes);
    w.fieldDecimal("kernelLoadBytes", a.kernelLoadBytes);
    w.fieldDecimal("kernelImageBytes", a.kernelImageBytes);
    w.field("custom", a.custom);
    w.endObject();
}

void writeConfig(JsonOut& w, const MachineConfig& c)
{
    w.key("config");
    w.beginObject();
    w.field("preset", c.preset);
    writeArch(w, c.arch);
    w.fieldDecimal("ramBytes", c.ramBytes);
    w.fieldDecimal("swapBytes", c.swapBytes);
    w.field("swapName", c.swapName);
    w.fieldDecimal("bootEpoch", c.bootEpoch);
    w.fieldDecimal("seed", c.seed);
    w.fieldDecimal("bootReservedBytes", c.bootReservedBytes);
    w.field("hostname", c.hostname);
    w.field("cpus", c.cpus);
    const Sysctls& s = c.sysctl;
    w.key("sysctl");
    w.beginObject();
    w.fieldDecimal("minFreeKbytes", s.minFreeKbytes);
    w.field("watermarkScaleFactor", s.watermarkScaleFactor);
    w.key("lowmemReserveRatio");
    w.beginArray(true);
    for (std::uint32_t r : s.lowmemReserveRatio) w.value(r);
    w.endArray();
    w.field("thp", thpName(s.thp));
    w.field("overcommitMemory", s.overcommitMemory);
    w.field("overcommitRatio", s.overcommitRatio);
    w.fieldDecimal("overcommitKbytes", s.overcommitKbytes);
    w.field("swappiness", s.swappiness);
    w.field("panicOnOom", s.panicOnOom);
    w.field("oomKillAllocatingTask", s.oomKillAllocatingTask);
    w.endObject();
    w.key("tlb");
    w.beginObject(true);
    w.field("sets", c.tlb.sets);
    w.field("ways", c.tlb.ways);
    w.field("hugeSets", c.tlb.hugeSets);
    w.field("hugeWays", c.tlb.hugeWays);
    w.field("policy", c.tlb.policy < 3 ? kTlbPolicies[c.tlb.policy] : "LRU");
    w.field("pcid", c.tlb.pcid);
    w.endObject();
    w.key("numaNodes");
    w.beginArray();
    for (const NumaNodeConfig& n : c.numaNodes) {
        w.beginObject(true);
        w.fieldDecimal("ramBytes", n.ramBytes);
        w.field("hasCpus", n.hasCpus);
        w.endObject();
    }
    w.endArray();
    w.key("distance");
    w.beginArray();
    for (const auto& row : c.distance) {
        w.beginArray(true);
        for (std::uint32_t d : row) w.value(d);
        w.endArray();
    }
    w.endArray();
    w.field("slab", slabName(c.slab));
    w.endObject();
}

void writeCommand(JsonOut& w, const Command& c, std::uint64_t events)
{
    w.beginObject(true);
    w.field("op", commandTypeName(c.type));
    w.field("pid", c.pid);
    w.field("order", c.order);
    w.field("zone", zoneTypeName(c.zone));
    w.field("node", c.node);
    w.fieldDecimal("pfn", c.pfn);
    w.fieldDecimal("addr", c.addr);
    w.fieldDecimal("len", c.len);
    w.fieldDecimal("step", c.step);
    w.fieldDecimal("offset", c.offset);
    w.field("prot", static_cast<int>(c.prot));
    w.field("mapFlags", c.mapFlags);
    w.field("write", c.write);
    w.field("text", c.text);
    w.field("data", QByteArray::fromRawData(c.data.data(), static_cast<qsizetype>(c.data.size())).toBase64());
    w.fieldDecimal("events", events);
    w.endObject();
}

// ---------------------------------------------------------------------------------------------
// Reading: every value is checked for its type and range; the first problem is thrown as
// a Bad with its JSON path and caught by parseSession().

struct Bad {
    QString place;
    QString reason;
};

[[noreturn]] void fail(const QString& place, const QString& reason)
{
    throw Bad { place, reason };
}

QString number(double d)
{
    return QString::number(d, 'g', 15);
}

QString describe(const QJsonValue& v)
{
    switch (v.type()) {
    case QJsonValue::Null:
        return SessionFile::tr("null");
    case QJsonValue::Bool:
        return v.toBool() ? SessionFile::tr("true") : SessionFile::tr("false");
    case QJsonValue::Double:
        return SessionFile::tr("the number %1").arg(number(v.toDouble()));
    case QJsonValue::String: {
        const QString s = v.toString();
        return SessionFile::tr("the text \"%1\"").arg(s.size() > 40 ? QString(s.left(40) + QStringLiteral("…")) : s);
    }
    case QJsonValue::Array:
        return SessionFile::tr("a list");
    case QJsonValue::Object:
        return SessionFile::tr("an object");
    case QJsonValue::Undefined:
        break;
    }
    return SessionFile::tr("nothing");
}

/// Where a value is in the file ("commands[3].len"), formatted only when something is wrong there.
class Place {
public:
    Place(const QString& path, const char* key)
        : m_path(&path)
        , m_key(key)
    {
    }
    Place(const QString& path, qsizetype index)
        : m_path(&path)
        , m_index(index)
    {
    }
    Place(const QString& whole)
        : m_path(&whole)
    {
    }
    QString str() const
    {
        if (m_key)
            return m_path->isEmpty() ? QString::fromLatin1(m_key) : *m_path + QLatin1Char('.') + QLatin1String(m_key);
        if (m_index >= 0) return *m_path + QStringLiteral("[%1]").arg(m_index);
        return *m_path;
    }

private:
    const QString* m_path;
    const char* m_key = nullptr;
    qsizetype m_index = -1;
};

/// Typed reads of the JSON tree. A value of the wrong type or out of range throws a Bad
/// naming its place and what was expected; the messages are built only then.
class Reader {
public:
    [[noreturn]] static void fail(const Place& place, const QString& reason) { memviz::fail(place.str(), reason); }
    [[noreturn]] static void wrongType(const Place& place, const QString& expected, const QJsonValue& found)
    {
        fail(place, SessionFile::tr("expected %1, found %2").arg(expected, describe(found)));
    }

    static QString at(const QString& path, const char* key) { return Place(path, key).str(); }
    static QString at(const QString& path, qsizetype i) { return Place(path, i).str(); }

    static QString expectObject() { return SessionFile::tr("an object"); }
    static QString expectList() { return SessionFile::tr("a list"); }
    static QString expectBool() { return SessionFile::tr("true or false"); }
    static QString expectText() { return SessionFile::tr("text"); }
    static QString expectViewId() { return SessionFile::tr("a view id such as \"walk\""); }
    static QString expectInteger(std::int64_t lo, std::int64_t hi)
    {
        return SessionFile::tr("a whole number from %1 to %2").arg(lo).arg(hi);
    }
    static QString expectDecimal(std::uint64_t lo, std::uint64_t hi)
    {
        return SessionFile::tr("a whole number from %1 to %2 written as a decimal string, e.g. \"4096\"")
            .arg(static_cast<qulonglong>(lo))
            .arg(static_cast<qulonglong>(hi));
    }
    static QString expectChoice(const QStringList& names)
    {
        QStringList quoted;
        for (const QString& n : names) quoted << QLatin1Char('"') + n + QLatin1Char('"');
        return SessionFile::tr("one of %1").arg(quoted.join(QStringLiteral(", ")));
    }

    /// obj[key], which must be there.
    template <class Expect>
    static QJsonValue field(const QJsonObject& o, const QString& path, const char* key, Expect expected)
    {
        const auto it = o.constFind(QLatin1String(key));
        if (it == o.constEnd()) fail(Place(path, key), SessionFile::tr("missing (expected %1)").arg(expected()));
        return *it;
    }

    static QJsonObject object(const QJsonValue& v, const Place& place)
    {
        if (!v.isObject()) wrongType(place, expectObject(), v);
        return v.toObject();
    }
    static QJsonObject object(const QJsonObject& o, const QString& path, const char* key)
    {
        return object(field(o, path, key, expectObject), Place(path, key));
    }
    static QJsonArray array(const QJsonValue& v, const Place& place)
    {
        if (!v.isArray()) wrongType(place, expectList(), v);
        return v.toArray();
    }
    static QJsonArray array(const QJsonObject& o, const QString& path, const char* key)
    {
        return array(field(o, path, key, expectList), Place(path, key));
    }
    static bool boolean(const QJsonObject& o, const QString& path, const char* key)
    {
        const QJsonValue v = field(o, path, key, expectBool);
        if (!v.isBool()) wrongType(Place(path, key), expectBool(), v);
        return v.toBool();
    }
    /// A JSON number that is a whole number in [lo, hi] (|lo|, |hi| < 2^53: exact as a double).
    static std::int64_t integer(const QJsonValue& v, const Place& place, std::int64_t lo, std::int64_t hi)
    {
        if (!v.isDouble()) wrongType(place, expectInteger(lo, hi), v);
        const double d = v.toDouble();
        if (!std::isfinite(d) || std::floor(d) != d) wrongType(place, expectInteger(lo, hi), v);
        if (d < static_cast<double>(lo) || d > static_cast<double>(hi))
            fail(place, SessionFile::tr("%1 is out of range: expected %2").arg(number(d), expectInteger(lo, hi)));
        return static_cast<std::int64_t>(d);
    }
    static std::int64_t integer(
        const QJsonObject& o, const QString& path, const char* key, std::int64_t lo, std::int64_t hi)
    {
        return integer(field(o, path, key, [&] { return expectInteger(lo, hi); }), Place(path, key), lo, hi);
    }
    /// A 64-bit quantity written as a decimal string, in [lo, hi].
    static std::uint64_t decimal(const QJsonValue& v, const Place& place, std::uint64_t lo = 0,
        std::uint64_t hi = std::numeric_limits<std::uint64_t>::max())
    {
        if (!v.isString()) wrongType(place, expectDecimal(lo, hi), v);
        const QString s = v.toString();
        bool digits = !s.isEmpty() && s.size() <= 20 && !(s.size() > 1 && s.front() == u'0');
        for (const QChar c : s) digits = digits && c >= u'0' && c <= u'9';
        bool ok = false;
        const qulonglong n = digits ? s.toULongLong(&ok, 10) : 0;
        if (!digits || !ok) {
            if (digits || (s.size() > 1 && (s.front() == u'-' || s.front() == u'+') && s.size() <= 40))
                fail(place, SessionFile::tr("\"%1\" is out of range: expected %2").arg(s, expectDecimal(lo, hi)));
            wrongType(place, expectDecimal(lo, hi), v);
        }
        if (n < lo || n > hi)
            fail(place, SessionFile::tr("\"%1\" is out of range: expected %2").arg(s, expectDecimal(lo, hi)));
        return n;
    }
    static std::uint64_t decimal(const QJsonObject& o, const QString& path, const char* key, std::uint64_t lo = 0,
        std::uint64_t hi = std::numeric_limits<std::uint64_t>::max())
    {
        return decimal(field(o, path, key, [&] { return expectDecimal(lo, hi); }), Place(path, key), lo, hi);
    }
    static QString text(const QJsonValue& v, const Place& place, qsizetype maxChars = 1 << 28)
    {
        if (!v.isString()) wrongType(place, expectText(), v);
        QString s = v.toString();
        if (s.size() > maxChars)
            fail(
                place, SessionFile::tr("the text is too long (%1 characters, at most %2)").arg(s.size()).arg(maxChars));
        return s;
    }
    static QString text(const QJsonObject& o, const QString& path, const char* key, qsizetype maxChars = 1 << 28)
    {
        return text(field(o, path, key, expectText), Place(path, key), maxChars);
    }
    /// Text for a core string field: no NUL (core strings are C strings in places).
    static std::string coreText(
        const QJsonObject& o, const QString& path, const char* key, qsizetype maxChars, bool allowEmpty)
    {
        const QString s = text(o, path, key, maxChars);
        if (!allowEmpty && s.isEmpty()) fail(Place(path, key), SessionFile::tr("must not be empty"));
        if (s.contains(QChar(0))) fail(Place(path, key), SessionFile::tr("must not contain a NUL character"));
        return s.toStdString();
    }
    static QByteArray base64(const QJsonObject& o, const QString& path, const char* key)
    {
        const QString s = text(o, path, key);
        if (s.isEmpty()) return {};
        bool ascii = true;
        for (const QChar c : s) ascii = ascii && c.unicode() < 0x80;
        auto r = QByteArray::fromBase64Encoding(s.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
        if (!ascii || r.decodingStatus != QByteArray::Base64DecodingStatus::Ok)
            fail(Place(path, key), SessionFile::tr("is not valid base64"));
        return r.decoded;
    }
    /// One of `names` (exact spelling); the index.
    static int choice(const QJsonObject& o, const QString& path, const char* key, const QStringList& names)
    {
        const QJsonValue v = field(o, path, key, [&] { return expectChoice(names); });
        const int i = v.isString() ? static_cast<int>(names.indexOf(v.toString())) : -1;
        if (i < 0) wrongType(Place(path, key), expectChoice(names), v);
        return i;
    }
    /// A view or dock id: lower-case letters, digits and '-'.
    static QString viewId(const QJsonValue& v, const Place& place, bool allowEmpty)
    {
        if (!v.isString()) wrongType(place, expectViewId(), v);
        QString s = v.toString();
        bool ok = s.size() <= 40 && (allowEmpty || !s.isEmpty());
        for (const QChar c : s) ok = ok && ((c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || c == u'-');
        if (!ok) wrongType(place, expectViewId(), v);
        return s;
    }
};

using R = Reader;

ArchSpec readArch(const QJsonObject& o, const QString& p)
{
    ArchSpec a;
    QStringList kinds;
    for (ArchKind k : { ArchKind::X86_64, ArchKind::X86_64_LA57, ArchKind::X86_32, ArchKind::X86_PAE })
        kinds << QString::fromLatin1(archKindName(k));
    a.kind = static_cast<ArchKind>(R::choice(o, p, "kind", kinds));
    a.name = R::coreText(o, p, "name", 64, false);
    a.pageShift = static_cast<int>(R::integer(o, p, "pageShift", 1, 40));
    const QJsonArray levels = R::array(o, p, "levels");
    const QString lp = R::at(p, "levels");
    if (levels.isEmpty() || levels.size() > 6)
        fail(lp, SessionFile::tr("a machine has 1 to 6 paging levels, this list has %1").arg(levels.size()));
    for (qsizetype i = 0; i < levels.size(); ++i) {
        const QJsonObject l = R::object(levels[i], R::at(lp, i));
        PagingLevel pl;
        pl.name = R::coreText(l, R::at(lp, i), "name", 16, false);
        pl.bits = static_cast<int>(R::integer(l, R::at(lp, i), "bits", 1, 30));
        a.levels.push_back(pl);
    }
    const QString ep = R::at(p, "entry");
    const QJsonObject e = R::object(o, p, "entry");
    a.entry.bytes = static_cast<int>(R::integer(e, ep, "bytes", 1, 8));
    a.entry.validBit = static_cast<int>(R::integer(e, ep, "validBit", 0, 63));
    a.entry.pfnShift = static_cast<int>(R::integer(e, ep, "pfnShift", 0, 63));
    a.entry.pfnBits = static_cast<int>(R::integer(e, ep, "pfnBits", 1, 64));
    a.entry.writeBit = static_cast<int>(R::integer(e, ep, "writeBit", -1, 63));
    a.entry.userBit = static_cast<int>(R::integer(e, ep, "userBit", -1, 63));
    a.entry.accessedBit = static_cast<int>(R::integer(e, ep, "accessedBit", -1, 63));
    a.entry.dirtyBit = static_cast<int>(R::integer(e, ep, "dirtyBit", -1, 63));
    a.entry.hugeBit = static_cast<int>(R::integer(e, ep, "hugeBit", -1, 63));
    a.entry.globalBit = static_cast<int>(R::integer(e, ep, "globalBit", -1, 63));
    a.entry.nxBit = static_cast<int>(R::integer(e, ep, "nxBit", -1, 63));
    a.physAddrBits = static_cast<int>(R::integer(o, p, "physAddrBits", 1, 64));
    a.is32bit = R::boolean(o, p, "is32bit");
    a.maxRamBytes = R::decimal(o, p, "maxRamBytes");
    a.lowmemLimitBytes = R::decimal(o, p, "lowmemLimitBytes");
    a.kernelLoadBytes = R::decimal(o, p, "kernelLoadBytes");
    a.kernelImageBytes = R::decimal(o, p, "kernelImageBytes");
    a.custom = R::boolean(o, p, "custom");
    return a;
}

/// The simulator only ever runs architectures its own constructors make: the stored spec
/// must be exactly the named preset, or the textbook spec its own fields describe.
void checkArch(const ArchSpec& a, const QString& p)
{
    ArchSpec want;
    QString what;
    if (a.custom) {
        std::vector<int> bits;
        for (const PagingLevel& l : a.levels) bits.push_back(l.bits);
        auto made = ArchSpec::makeCustom(1ull << a.pageShift, bits, a.entry.bytes, a.entry.validBit, a.entry.pfnShift,
            a.entry.pfnBits, a.maxRamBytes);
        if (auto* err = std::get_if<Error>(&made)) {
            static const std::pair<const char*, const char*> where[] = { { "pageSize", "pageShift" },
                { "levels", "levels" }, { "levelBits", "levels" }, { "entryBytes", "entry.bytes" },
                { "validBit", "entry.validBit" }, { "pfnBits", "entry.pfnBits" }, { "physBytes", "maxRamBytes" } };
            QString field = QStringLiteral("custom");
            for (const auto& [core, json] : where)
                if (err->detail == core) field = QString::fromLatin1(json);
            memviz::fail(p + QLatin1Char('.') + field, errorText(*err));
        }
        want = std::get<ArchSpec>(made);
        what = SessionFile::tr("the textbook machine these page size, levels and entries describe");
    } else {
        auto preset = archPreset(a.name);
        if (!preset) {
            QStringList names;
            for (const auto& n : archPresetNames()) names << QString::fromStdString(n);
            Reader::fail(Reader::at(p, "name"),
                SessionFile::tr("unknown architecture \"%1\" (known: %2, or a custom one with \"custom\": true)")
                    .arg(QString::fromStdString(a.name), names.join(QStringLiteral(", "))));
        }
        want = *preset;
        what = SessionFile::tr("the %1 architecture").arg(QString::fromStdString(a.name));
    }
    auto same = [&](const char* field, auto have, auto expected) {
        if (have == expected) return;
        QString h, x;
        if constexpr (std::is_same_v<decltype(have), bool>) {
            h = have ? QStringLiteral("true") : QStringLiteral("false");
            x = expected ? QStringLiteral("true") : QStringLiteral("false");
        } else if constexpr (std::is_same_v<decltype(have), std::string>) {
            h = QLatin1Char('"') + QString::fromStdString(have) + QLatin1Char('"');
            x = QLatin1Char('"') + QString::fromStdString(expected) + QLatin1Char('"');
        } else {
            h = QString::number(have);
            x = QString::number(expected);
        }
        memviz::fail(p + QLatin1Char('.') + QLatin1String(field),
            SessionFile::tr("%1 does not match %2, which has %3").arg(h, what, x));
    };
    same("kind", std::string(archKindName(a.kind)), std::string(archKindName(want.kind)));
    same("name", a.name, want.name);
    same("pageShift", a.pageShift, want.pageShift);
    same("levels.length", static_cast<int>(a.levels.size()), static_cast<int>(want.levels.size()));
    for (std::size_t i = 0; i < a.levels.size(); ++i) {
        const std::string base = "levels[" + std::to_string(i) + "]";
        same((base + ".name").c_str(), a.levels[i].name, want.levels[i].name);
        same((base + ".bits").c_str(), a.levels[i].bits, want.levels[i].bits);
    }
    same("entry.bytes", a.entry.bytes, want.entry.bytes);
    same("entry.validBit", a.entry.validBit, want.entry.validBit);
    same("entry.pfnShift", a.entry.pfnShift, want.entry.pfnShift);
    same("entry.pfnBits", a.entry.pfnBits, want.entry.pfnBits);
    same("entry.writeBit", a.entry.writeBit, want.entry.writeBit);
    same("entry.userBit", a.entry.userBit, want.entry.userBit);
    same("entry.accessedBit", a.entry.accessedBit, want.entry.accessedBit);
    same("entry.dirtyBit", a.entry.dirtyBit, want.entry.dirtyBit);
    same("entry.hugeBit", a.entry.hugeBit, want.entry.hugeBit);
    same("entry.globalBit", a.entry.globalBit, want.entry.globalBit);
    same("entry.nxBit", a.entry.nxBit, want.entry.nxBit);
    same("physAddrBits", a.physAddrBits, want.physAddrBits);
    same("is32bit", a.is32bit, want.is32bit);
    same("maxRamBytes", static_cast<qulonglong>(a.maxRamBytes), static_cast<qulonglong>(want.maxRamBytes));
    same("lowmemLimitBytes", static_cast<qulonglong>(a.lowmemLimitBytes),
        static_cast<qulonglong>(want.lowmemLimitBytes));
    same("kernelLoadBytes", static_cast<qulonglong>(a.kernelLoadBytes), static_cast<qulonglong>(want.kernelLoadBytes));
    same("kernelImageBytes", static_cast<qulonglong>(a.kernelImageBytes),
        static_cast<qulonglong>(want.kernelImageBytes));
    same("custom", a.custom, want.custom);
}

/// The field of `config` a MachineConfig::validate() error is about.
QString configPlace(const Error& e)
{
    switch (e.code) {
    case ErrorCode::RamTooSmall:
    case ErrorCode::RamTooLarge:
    case ErrorCode::BadArchSpec:
        return QStringLiteral("config.ramBytes");
    case ErrorCode::SwapTooLarge:
        return QStringLiteral("config.swapBytes");
    case ErrorCode::BadSysctl:
        if (e.detail.rfind("tlb", 0) == 0) return QStringLiteral("config.tlb");
        return QStringLiteral("config.sysctl");
    case ErrorCode::BadNuma:
        if (e.detail == "distance") return QStringLiteral("config.distance");
        if (e.detail == "node-ram" && e.a >= 0) return QStringLiteral("config.numaNodes[%1].ramBytes").arg(e.a);
        if (e.detail == "node-ram") return QStringLiteral("config.ramBytes");
        return QStringLiteral("config.numaNodes");
    default:
        return QStringLiteral("config");
    }
}

MachineConfig readConfig(const QJsonObject& o)
{
    const QString p = QStringLiteral("config");
    MachineConfig c;
    c.preset = R::coreText(o, p, "preset", 64, false);
    c.arch = readArch(R::object(o, p, "arch"), R::at(p, "arch"));
    c.ramBytes = R::decimal(o, p, "ramBytes");
    c.swapBytes = R::decimal(o, p, "swapBytes");
    c.swapName = R::coreText(o, p, "swapName", 4096, false);
    c.bootEpoch = R::decimal(o, p, "bootEpoch", 0, 253402300799ull); // 9999-12-31: gmtime() stays defined
    c.seed = R::decimal(o, p, "seed");
    c.bootReservedBytes = R::decimal(o, p, "bootReservedBytes");
    c.hostname = R::coreText(o, p, "hostname", 64, false);
    c.cpus = static_cast<int>(R::integer(o, p, "cpus", 1, 256));

    const QString sp = R::at(p, "sysctl");
    const QJsonObject s = R::object(o, p, "sysctl");
    auto tunable = [&](const char* key, Sysctl id) {
        const SysctlInfo& info = sysctlInfo(id);
        return R::integer(s, sp, key, static_cast<std::int64_t>(info.min), static_cast<std::int64_t>(info.max));
    };
    const QJsonValue mfk = R::field(s, sp, "minFreeKbytes", [] { return SessionFile::tr("a decimal string"); });
    c.sysctl.minFreeKbytes = R::decimal(mfk, R::at(sp, "minFreeKbytes"), 0, sysctlInfo(Sysctl::MinFreeKbytes).max);
    c.sysctl.watermarkScaleFactor
        = static_cast<std::uint32_t>(tunable("watermarkScaleFactor", Sysctl::WatermarkScaleFactor));
    const QJsonArray ratios = R::array(s, sp, "lowmemReserveRatio");
    const QString rp = R::at(sp, "lowmemReserveRatio");
    if (ratios.size() != 6)
        fail(rp, SessionFile::tr("expected 6 numbers (one per zone type), found %1").arg(ratios.size()));
    for (qsizetype i = 0; i < 6; ++i)
        c.sysctl.lowmemReserveRatio[i]
            = static_cast<std::uint32_t>(R::integer(ratios[i], R::at(rp, i), 0, 0xFFFFFFFFll));
    c.sysctl.thp = static_cast<ThpMode>(
        R::choice(s, sp, "thp", { QStringLiteral("always"), QStringLiteral("madvise"), QStringLiteral("never") }));
    c.sysctl.overcommitMemory = static_cast<std::uint32_t>(tunable("overcommitMemory", Sysctl::OvercommitMemory));
    c.sysctl.overcommitRatio = static_cast<std::uint32_t>(tunable("overcommitRatio", Sysctl::OvercommitRatio));
    c.sysctl.overcommitKbytes = R::decimal(s, sp, "overcommitKbytes", 0, sysctlInfo(Sysctl::OvercommitKbytes).max);
    c.sysctl.swappiness = static_cast<std::uint32_t>(tunable("swappiness", Sysctl::Swappiness));
    c.sysctl.panicOnOom = static_cast<std::uint32_t>(tunable("panicOnOom", Sysctl::PanicOnOom));
    c.sysctl.oomKillAllocatingTask
        = static_cast<std::uint32_t>(tunable("oomKillAllocatingTask", Sysctl::OomKillAllocatingTask));

    const QString tp = R::at(p, "tlb");
    const QJsonObject t = R::object(o, p, "tlb");
    c.tlb.sets = static_cast<int>(R::integer(t, tp, "sets", 1, 4096));
    c.tlb.ways = static_cast<int>(R::integer(t, tp, "ways", 1, 4096));
    c.tlb.hugeSets = static_cast<int>(R::integer(t, tp, "hugeSets", 1, 4096));
    c.tlb.hugeWays = static_cast<int>(R::integer(t, tp, "hugeWays", 1, 4096));
    c.tlb.policy = static_cast<std::uint8_t>(
        R::choice(t, tp, "policy", { QStringLiteral("LRU"), QStringLiteral("FIFO"), QStringLiteral("random") }));
    c.tlb.pcid = R::boolean(t, tp, "pcid");

    const QString np = R::at(p, "numaNodes");
    const QJsonArray nodes = R::array(o, p, "numaNodes");
    if (nodes.size() > kMaxNumaNodes)
        fail(np, SessionFile::tr("%1 NUMA nodes: memviz supports 1 to %2 nodes").arg(nodes.size()).arg(kMaxNumaNodes));
    for (qsizetype i = 0; i < nodes.size(); ++i) {
        const QJsonObject n = R::object(nodes[i], R::at(np, i));
        NumaNodeConfig nc;
        nc.ramBytes = R::decimal(n, R::at(np, i), "ramBytes");
        nc.hasCpus = R::boolean(n, R::at(np, i), "hasCpus");
        c.numaNodes.push_back(nc);
    }
    const QString dp = R::at(p, "distance");
    const QJsonArray dist = R::array(o, p, "distance");
    if (dist.size() > kMaxNumaNodes)
        fail(dp, SessionFile::tr("the distance matrix has %1 rows: it needs one row per NUMA node").arg(dist.size()));
    for (qsizetype i = 0; i < dist.size(); ++i) {
        const QString rowPath = R::at(dp, i);
        if (!dist[i].isArray()) R::wrongType(rowPath, SessionFile::tr("a list"), dist[i]);
        const QJsonArray row = dist[i].toArray();
        if (row.size() > kMaxNumaNodes)
            fail(rowPath,
                SessionFile::tr("row %1 of the distance matrix has the wrong length: it needs one entry per NUMA node")
                    .arg(i));
        std::vector<std::uint32_t> r;
        for (qsizetype j = 0; j < row.size(); ++j)
            r.push_back(static_cast<std::uint32_t>(R::integer(row[j], R::at(rowPath, j), 0, 255)));
        c.distance.push_back(std::move(r));
    }
    c.slab = R::choice(o, p, "slab", { QStringLiteral("slab"), QStringLiteral("slub") }) == 1 ? SlabKind::Slub
                                                                                              : SlabKind::Slab;

    checkArch(c.arch, R::at(p, "arch"));
    if (Error e = c.validate()) fail(configPlace(e), errorText(e, c));
    return c;
}

Command readCommand(const QJsonValue& v, const QString& p, std::uint64_t* events)
{
    const QJsonObject o = R::object(v, p);
    static const QStringList ops = [] {
        QStringList l;
        for (int t = 0; t < kCommandTypes; ++t) l << QString::fromLatin1(commandTypeName(static_cast<CommandType>(t)));
        return l;
    }();
    static const QStringList zones = [] {
        QStringList l;
        for (int z = 0; z < static_cast<int>(ZoneType::Count); ++z)
            l << QString::fromLatin1(zoneTypeName(static_cast<ZoneType>(z)));
        return l;
    }();
    Command c;
    c.type = static_cast<CommandType>(R::choice(o, p, "op", ops));
    c.pid = static_cast<std::uint32_t>(R::integer(o, p, "pid", 0, 0xFFFFFFFFll));
    c.order = static_cast<int>(
        R::integer(o, p, "order", std::numeric_limits<std::int32_t>::min(), std::numeric_limits<std::int32_t>::max()));
    c.zone = static_cast<ZoneType>(R::choice(o, p, "zone", zones));
    c.node = static_cast<int>(R::integer(o, p, "node", -1, kMaxNumaNodes - 1));
    c.pfn = R::decimal(o, p, "pfn");
    c.addr = R::decimal(o, p, "addr");
    c.len = R::decimal(o, p, "len");
    c.step = R::decimal(o, p, "step");
    c.offset = R::decimal(o, p, "offset");
    c.prot = static_cast<std::uint8_t>(R::integer(o, p, "prot", 0, 255));
    c.mapFlags = static_cast<std::uint32_t>(R::integer(o, p, "mapFlags", 0, 0xFFFFFFFFll));
    c.write = R::boolean(o, p, "write");
    c.text = R::coreText(o, p, "text", 1 << 20, true);
    c.data = R::base64(o, p, "data").toStdString();
    *events = R::decimal(o, p, "events");
    return c;
}

void readDocument(const QJsonObject& root, SessionData* d)
{
    // The format and version first: a newer file may differ in everything else.
    const QJsonValue format = root.value(QLatin1String("format"));
    if (format.isUndefined()) fail(QStringLiteral("format"), SessionFile::tr("missing: this is not a memviz session"));
    if (format.toString() != QLatin1String(kFormat))
        fail(QStringLiteral("format"),
            SessionFile::tr("expected \"%1\", found %2: this is not a memviz session")
                .arg(QLatin1String(kFormat), describe(format)));
    const QJsonValue version = R::field(root, {}, "version", [] { return SessionFile::tr("a whole number"); });
    if (version.isDouble() && std::floor(version.toDouble()) == version.toDouble()
        && version.toDouble() > kSessionFormatVersion && version.toDouble() < 1e9)
        fail(QStringLiteral("version"),
            SessionFile::tr("made by a newer memviz (format version %1); this memviz reads version %2")
                .arg(static_cast<qlonglong>(version.toDouble()))
                .arg(kSessionFormatVersion));
    R::integer(version, QStringLiteral("version"), 1, kSessionFormatVersion);
    R::text(root, {}, "memviz", 64);

    d->config = readConfig(R::object(root, {}, "config"));

    const QJsonArray commands = R::array(root, {}, "commands");
    d->commands.reserve(static_cast<std::size_t>(commands.size()));
    d->commandEvents.reserve(static_cast<std::size_t>(commands.size()));
    std::uint64_t sum = 0;
    for (qsizetype i = 0; i < commands.size(); ++i) {
        std::uint64_t n = 0;
        d->commands.push_back(readCommand(commands[i], R::at(QStringLiteral("commands"), i), &n));
        d->commandEvents.push_back(n);
        if (n > std::numeric_limits<std::uint64_t>::max() - sum)
            fail(R::at(R::at(QStringLiteral("commands"), i), "events"),
                SessionFile::tr("the event counts add up to more than 2^64"));
        sum += n;
    }

    const QJsonArray strings = R::array(root, {}, "strings");
    std::unordered_set<std::string> seen;
    for (qsizetype i = 0; i < strings.size(); ++i) {
        const QString place = R::at(QStringLiteral("strings"), i);
        const QString str = R::text(strings[i], place, 1 << 20);
        if (str.contains(QChar(0))) fail(place, SessionFile::tr("must not contain a NUL character"));
        if (i == 0 && !str.isEmpty())
            fail(place, SessionFile::tr("the first string must be empty (id 0 means no name)"));
        if (!seen.insert(str.toStdString()).second) fail(place, SessionFile::tr("\"%1\" is listed twice").arg(str));
        d->strings.push_back(str.toStdString());
    }
    if (d->strings.empty())
        fail(QStringLiteral("strings"), SessionFile::tr("the list is empty: the first string must be the empty one"));

    const QJsonObject events = R::object(root, {}, "events");
    d->eventCount = R::decimal(events, QStringLiteral("events"), "count");
    d->eventChecksum = R::decimal(events, QStringLiteral("events"), "fnv1a64");
    if (d->eventCount != sum)
        fail(QStringLiteral("events.count"),
            SessionFile::tr("%1 events, but the commands' event counts add up to %2")
                .arg(static_cast<qulonglong>(d->eventCount))
                .arg(static_cast<qulonglong>(sum)));

    const QString pp = QStringLiteral("player");
    const QJsonObject player = R::object(root, {}, "player");
    d->cursor = R::decimal(player, pp, "cursor", 0, d->eventCount);
    const QJsonArray chapters = R::array(player, pp, "chapters");
    const QString cp = R::at(pp, "chapters");
    for (qsizetype i = 0; i < chapters.size(); ++i) {
        const QJsonObject ch = R::object(chapters[i], R::at(cp, i));
        ScriptShot s;
        s.name = R::text(ch, R::at(cp, i), "name", 1 << 16);
        s.cursor = R::decimal(ch, R::at(cp, i), "cursor", 0, d->eventCount);
        d->chapters.push_back(s);
    }

    const QString wp = QStringLiteral("window");
    const QJsonObject window = R::object(root, {}, "window");
    d->windowState = R::base64(window, wp, "state");
    d->windowGeometry = R::base64(window, wp, "geometry");
    d->centreView = R::viewId(R::field(window, wp, "centreView", R::expectViewId), R::at(wp, "centreView"), true);
    const QJsonArray docks = R::array(window, wp, "visibleDocks");
    for (qsizetype i = 0; i < docks.size(); ++i) {
        const QString id = R::viewId(docks[i], R::at(R::at(wp, "visibleDocks"), i), false);
        if (d->visibleDocks.contains(id))
            fail(R::at(R::at(wp, "visibleDocks"), i), SessionFile::tr("\"%1\" is listed twice").arg(id));
        d->visibleDocks << id;
    }

    const QJsonObject script = R::object(root, {}, "script");
    d->scriptName = R::text(script, QStringLiteral("script"), "name", 1 << 16);
    d->scriptSource = R::text(script, QStringLiteral("script"), "source");

    const QJsonObject ui = R::object(root, {}, "ui");
    d->language = kLanguages.value(R::choice(ui, QStringLiteral("ui"), "language", kLanguages));
    d->theme = kThemes.value(R::choice(ui, QStringLiteral("ui"), "theme", kThemes));
}

/// "line 3, column 14" of a byte offset.
QString lineColumn(const QByteArray& bytes, qsizetype offset)
{
    offset = std::clamp<qsizetype>(offset, 0, bytes.size());
    qsizetype line = 1, start = 0;
    for (qsizetype i = 0; i < offset; ++i)
        if (bytes[i] == '\n') {
            ++line;
            start = i + 1;
        }
    const qsizetype column = QString::fromUtf8(bytes.mid(start, offset - start)).size() + 1;
    return SessionFile::tr("line %1, column %2").arg(line).arg(column);
}

} // namespace

// -------------------------------------------------------------------------------------------------

QString SessionError::message() const
{
    if (place.isEmpty()) return SessionFile::tr("Cannot open the session \"%1\": %2").arg(native(path), reason);
    return SessionFile::tr("Cannot open the session \"%1\": at %2: %3").arg(native(path), place, reason);
}

std::uint64_t sessionEventChecksum(const Simulator& sim)
{
    // Each event as 56 bytes, little-endian, in the order of its fields: type (2), zone,
    // order (1 each), cmd, flags, pid (4 each), time, pfn, a, b, c (8 each).
    std::uint64_t h = kFnvOffset;
    auto put = [&h](std::uint64_t v, int bytes) {
        for (int i = 0; i < bytes; ++i) {
            h ^= (v >> (8 * i)) & 0xFF;
            h *= kFnvPrime;
        }
    };
    for (const Event& e : sim.events()) {
        put(static_cast<std::uint16_t>(e.type), 2);
        put(e.zone, 1);
        put(e.order, 1);
        put(e.cmd, 4);
        put(e.flags, 4);
        put(e.pid, 4);
        put(e.time, 8);
        put(e.pfn, 8);
        put(e.a, 8);
        put(e.b, 8);
        put(e.c, 8);
    }
    return h;
}

SessionData sessionFromSimulator(const Simulator& sim, std::uint64_t cursor)
{
    SessionData d;
    d.config = sim.config();
    d.commands = sim.commands();
    d.commandEvents.reserve(d.commands.size());
    for (std::size_t i = 0; i < d.commands.size(); ++i)
        d.commandEvents.push_back(sim.commandStart(i + 1) - sim.commandStart(i));
    d.eventCount = sim.eventCount();
    d.eventChecksum = sessionEventChecksum(sim);
    d.strings = *sim.current().strings;
    d.cursor = std::min(cursor, d.eventCount);
    return d;
}

QByteArray sessionToJson(const SessionData& d)
{
    JsonOut w;
    w.beginObject();
    w.field("format", kFormat);
    w.field("version", kSessionFormatVersion);
    w.field("memviz", MEMVIZ_VERSION);
    writeConfig(w, d.config);
    w.key("commands");
    w.beginArray();
    for (std::size_t i = 0; i < d.commands.size(); ++i)
        writeCommand(w, d.commands[i], i < d.commandEvents.size() ? d.commandEvents[i] : 0);
    w.endArray();
    w.key("strings");
    w.beginArray();
    for (const std::string& str : d.strings) w.value(str);
    w.endArray();
    w.key("events");
    w.beginObject(true);
    w.fieldDecimal("count", d.eventCount);
    w.fieldDecimal("fnv1a64", d.eventChecksum);
    w.endObject();
    w.key("player");
    w.beginObject();
    w.fieldDecimal("cursor", std::min(d.cursor, d.eventCount));
    w.key("chapters");
    w.beginArray();
    for (const ScriptShot& s : d.chapters) {
        if (s.cursor > d.eventCount) continue; // a chapter of a future that was cut off
        w.beginObject(true);
        w.field("name", s.name);
        w.fieldDecimal("cursor", s.cursor);
        w.endObject();
    }
    w.endArray();
    w.endObject();
    w.key("window");
    w.beginObject();
    w.field("state", d.windowState.toBase64());
    w.field("geometry", d.windowGeometry.toBase64());
    w.field("centreView", d.centreView);
    w.key("visibleDocks");
    w.beginArray(true);
    for (const QString& id : d.visibleDocks) w.value(id);
    w.endArray();
    w.endObject();
    w.key("script");
    w.beginObject();
    w.field("name", d.scriptName);
    w.field("source", d.scriptSource);
    w.endObject();
    w.key("ui");
    w.beginObject(true);
    w.field("language", d.language);
    w.field("theme", d.theme);
    w.endObject();
    w.endObject();
    return w.take();
}

QString saveSession(const QString& path, const SessionData& d)
{
    auto refuse = [&](const QString& why) {
        return SessionFile::tr("Cannot save the session \"%1\": %2").arg(native(path), why);
    };
    // Core strings must survive the trip through UTF-8 JSON text unchanged.
    auto text = [](const std::string& s) { return validUtf8(s) && s.find('\0') == std::string::npos; };
    if (!text(d.config.preset) || !text(d.config.hostname) || !text(d.config.swapName) || !text(d.config.arch.name))
        return refuse(SessionFile::tr("the machine's names are not valid UTF-8 text or hold a NUL character"));
    for (std::size_t i = 0; i < d.commands.size(); ++i)
        if (!text(d.commands[i].text))
            return refuse(SessionFile::tr("the text of command %1 is not valid UTF-8 or holds a NUL character").arg(i));
    for (const std::string& str : d.strings)
        if (!text(str))
            return refuse(SessionFile::tr("a name in the simulator's string table is not valid UTF-8 or holds a NUL character"));
    if (d.commandEvents.size() != d.commands.size())
        return refuse(SessionFile::tr(
            "the event counts of the commands are missing (build the data with sessionFromSimulator())"));
    const QFileInfo info(path);
    if (info.isDir()) return refuse(SessionFile::tr("it is a folder"));
    const QByteArray bytes = sessionToJson(d);
    // What is written must open again: the reader's limits (a name's length, the file's size)
    // are checked here, before anything is written, instead of at the next open.
    if (bytes.size() > kMaxFileBytes)
        return refuse(SessionFile::tr("it would be %L1 bytes; memviz opens sessions of at most %L2 bytes")
                          .arg(bytes.size())
                          .arg(kMaxFileBytes));
    {
        const auto back = parseSession(bytes, path);
        if (const auto* e = std::get_if<SessionError>(&back))
            return refuse(SessionFile::tr("memviz could not open it again: at %1: %2").arg(e->place, e->reason));
    }
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly)) return refuse(f.errorString());
    if (f.write(bytes) != bytes.size()) {
        const QString why = f.errorString();
        f.cancelWriting();
        return refuse(why);
    }
    if (!f.commit()) return refuse(f.errorString());
    return {};
}

std::variant<SessionData, SessionError> parseSession(const QByteArray& bytes, const QString& path)
{
    auto error = [&](const QString& place, const QString& reason) { return SessionError { path, place, reason }; };
    if (bytes.trimmed().isEmpty()) return error({}, SessionFile::tr("the file is empty"));
    if (!validUtf8(std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size()))) || bytes.contains('\0'))
        return error({}, SessionFile::tr("the file is not text: this is not a memviz session"));
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &pe);
    if (pe.error != QJsonParseError::NoError) {
        // The parser stops where the text ends: nothing but white space after the error.
        const bool atEnd = bytes.mid(pe.offset).trimmed().isEmpty();
        const QString why = atEnd
            ? SessionFile::tr("the file ends in the middle of the JSON text: it is truncated (%1)")
                  .arg(pe.errorString())
            : SessionFile::tr("not valid JSON (%1)").arg(pe.errorString());
        // Qt reports the offset just past the character it could not use.
        return error(lineColumn(bytes, pe.offset > 0 ? pe.offset - 1 : 0), why);
    }
    if (!doc.isObject())
        return error(SessionFile::tr("the top level"),
            SessionFile::tr("expected a JSON object, found %1: this is not a memviz session")
                .arg(doc.isArray() ? SessionFile::tr("a list") : SessionFile::tr("a single value")));
    SessionData d;
    try {
        readDocument(doc.object(), &d);
    } catch (const Bad& b) {
        return error(b.place, b.reason);
    }
    return d;
}

std::variant<Simulator, SessionError> rebuildSession(const SessionData& d, const QString& path)
{
    auto error = [&](const QString& place, const QString& reason) { return SessionError { path, place, reason }; };
    auto created = Simulator::create(d.config);
    if (auto* e = std::get_if<Error>(&created)) return error(configPlace(*e), errorText(*e, d.config));
    Simulator sim = std::get<Simulator>(std::move(created));
    if (d.commandEvents.size() != d.commands.size())
        return error(QStringLiteral("commands"), SessionFile::tr("the commands' event counts are missing"));
    // Names get their ids in the order the original run first used them (also names of
    // runs it later discarded), so the rebuilt events carry the same ids.
    const Machine& booted = sim.current();
    const std::vector<std::string> bootNames = *booted.strings;
    for (std::size_t i = 0; i < bootNames.size(); ++i)
        if (i >= d.strings.size() || d.strings[i] != bootNames[i])
            return error(QStringLiteral("strings[%1]").arg(i),
                SessionFile::tr("a fresh boot of this machine names its string %1 \"%2\", the file %3")
                    .arg(i)
                    .arg(QString::fromStdString(bootNames[i]),
                        i < d.strings.size()
                            ? QString(QLatin1Char('"') + QString::fromStdString(d.strings[i]) + QLatin1Char('"'))
                            : SessionFile::tr("nothing")));
    for (std::size_t i = bootNames.size(); i < d.strings.size(); ++i)
        if (booted.intern(d.strings[i]) != i)
            return error(QStringLiteral("strings[%1]").arg(i),
                SessionFile::tr("\"%1\" is listed twice").arg(QString::fromStdString(d.strings[i])));
    for (std::size_t i = 0; i < d.commands.size(); ++i) {
        const Command& c = d.commands[i];
        const QString place = QStringLiteral("commands[%1]").arg(i);
        const QString op = QString::fromLatin1(commandTypeName(c.type));
        const CommandResult r = sim.apply(c);
        if (r.error)
            return error(place,
                SessionFile::tr("the %1 command is refused when the run is rebuilt: %2").arg(op, errorText(r.error)));
        const std::uint64_t made = r.endEvent - r.firstEvent;
        if (made != d.commandEvents[i])
            return error(place,
                SessionFile::tr("rebuilding the run, this %1 command makes %2 events, but the file records %3: the "
                                "file was changed, or made by a memviz that simulates differently")
                    .arg(op)
                    .arg(static_cast<qulonglong>(made))
                    .arg(static_cast<qulonglong>(d.commandEvents[i])));
    }
    if (sim.eventCount() != d.eventCount)
        return error(QStringLiteral("events.count"),
            SessionFile::tr("the rebuilt run has %1 events, the file records %2")
                .arg(static_cast<qulonglong>(sim.eventCount()))
                .arg(static_cast<qulonglong>(d.eventCount)));
    const std::uint64_t sum = sessionEventChecksum(sim);
    if (sum != d.eventChecksum)
        return error(QStringLiteral("events.fnv1a64"),
            SessionFile::tr(
                "the rebuilt run's events differ from the recorded ones (checksum %1, the file records %2): the "
                "file was changed, or made by a memviz that simulates differently")
                .arg(static_cast<qulonglong>(sum))
                .arg(static_cast<qulonglong>(d.eventChecksum)));
    return sim;
}

std::variant<LoadedSession, SessionError> sessionFromJson(const QByteArray& bytes, const QString& path)
{
    auto parsed = parseSession(bytes, path);
    if (auto* e = std::get_if<SessionError>(&parsed)) return *e;
    SessionData& d = std::get<SessionData>(parsed);
    auto rebuilt = rebuildSession(d, path);
    if (auto* e = std::get_if<SessionError>(&rebuilt)) return *e;
    return LoadedSession { std::move(d), std::get<Simulator>(std::move(rebuilt)) };
}

std::variant<LoadedSession, SessionError> loadSession(const QString& path)
{
    auto error = [&](const QString& reason) { return SessionError { path, {}, reason }; };
    const QFileInfo info(path);
    if (!info.exists()) return error(SessionFile::tr("there is no such file"));
    if (info.isDir()) return error(SessionFile::tr("it is a folder, not a session file"));
    if (info.size() > kMaxFileBytes)
        return error(SessionFile::tr("the file is too large (%1 bytes; a session is at most %2 bytes)")
                         .arg(info.size())
                         .arg(kMaxFileBytes));
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) return error(f.errorString());
    const QByteArray bytes = f.readAll();
    if (f.error() != QFileDevice::NoError) return error(f.errorString());
    return sessionFromJson(bytes, path);
}

} // namespace memviz
