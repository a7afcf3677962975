#include "TableExport.h"

#include <QAbstractItemModel>
#include <QBuffer>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QLocale>
#include <QMessageBox>
#include <QSaveFile>
#include <QSettings>

// qcustomplot.h uses Qt's foreach, which QT_NO_FOREACH removes (as in TimelinePlot.cpp).
#define foreach(declaration, container) for (declaration : container)
#include <qcustomplot.h>
#undef foreach

#include <algorithm>
#include <cmath>
#include <vector>

namespace memviz {

namespace {

using Series = TimelinePlot::Series;
using Target = ExportTable::Target;

QString oneLine(QString s)
{
    s.replace(QLatin1String("\r\n"), QLatin1String(" "));
    for (QChar& c : s)
        if (c == u'\n' || c == u'\r' || c == u'\t') c = u' ';
    return s;
}

QString seriesHeader(Series s)
{
    return QStringLiteral("%1 (%2)").arg(TimelinePlot::columnName(s), TableExport::unitName(TimelinePlot::unit(s)));
}

/// A value of a timeline column: exact for CSV; for people kB whole and rates and
/// percentages with two decimals, as the plot's tooltips.
QString seriesCell(Series s, double v, Target target)
{
    if (target == Target::Csv) return TableExport::plainNumber(v);
    if (TimelinePlot::unit(s) == TimelinePlot::Unit::KiB) return QString::number(std::llround(v));
    return QString::number(v, 'f', 2);
}

QString timeHeader() { return QStringLiteral("time (s)"); }

// ---- an item model --------------------------------------------------------------------

class ModelTable : public ExportTable {
public:
    explicit ModelTable(const QAbstractItemModel& m)
        : m_model(m)
    {
        // A flat table (the usual case, and the event log's million rows) needs no index list.
        const int n = m_model.rowCount();
        bool flat = true;
        for (int r = 0; r < n && flat; ++r) flat = !m_model.hasChildren(m_model.index(r, 0));
        if (flat)
            m_flatRows = n;
        else
            collect(QModelIndex(), 0);
    }
    int columnCount() const override { return m_model.columnCount(); }
    qint64 rowCount() const override { return m_flatRows >= 0 ? m_flatRows : qint64(m_rows.size()); }
    QString header(int column) const override
    {
        return oneLine(m_model.headerData(column, Qt::Horizontal, Qt::DisplayRole).toString()).simplified();
    }
    QString cell(qint64 row, int column, Target target) const override
    {
        const QVariant v = m_model.data(at(row, column), Qt::DisplayRole);
        if (target == Target::Text) return oneLine(v.toString());
        switch (v.typeId()) {
        case QMetaType::Int:
        case QMetaType::Long:
        case QMetaType::LongLong:
        case QMetaType::Short:
            return QString::number(v.toLongLong());
        case QMetaType::UInt:
        case QMetaType::ULong:
        case QMetaType::ULongLong:
        case QMetaType::UShort:
            return QString::number(v.toULongLong());
        case QMetaType::Double:
        case QMetaType::Float:
            return TableExport::plainNumber(v.toDouble());
        case QMetaType::QString:
            return TableExport::unlocalised(v.toString());
        default:
            return v.toString();
        }
    }
    std::optional<bool> rightAligned(int column) const override
    {
        QVariant a = m_model.headerData(column, Qt::Horizontal, Qt::TextAlignmentRole);
        if (!a.isValid() && rowCount() > 0) a = m_model.data(at(0, column), Qt::TextAlignmentRole);
        if (!a.isValid()) return std::nullopt;
        // Qt::Alignment since Qt 6.4, an int before (and in many models still).
        const Qt::Alignment align = a.metaType() == QMetaType::fromType<Qt::Alignment>() ? a.value<Qt::Alignment>()
            : a.metaType() == QMetaType::fromType<Qt::AlignmentFlag>()
            ? Qt::Alignment(a.value<Qt::AlignmentFlag>())
            : Qt::Alignment(a.toInt());
        if (align & Qt::AlignRight) return true;
        if (align & (Qt::AlignLeft | Qt::AlignHCenter | Qt::AlignJustify)) return false;
        return std::nullopt;
    }
    int depth(qint64 row) const override { return m_flatRows >= 0 ? 0 : m_rows[std::size_t(row)].depth; }

private:
    struct Row {
        QModelIndex index; ///< column 0
        int depth = 0;
    };
    QModelIndex at(qint64 row, int column) const
    {
        if (m_flatRows >= 0) return m_model.index(int(row), column);
        const QModelIndex first = m_rows[std::size_t(row)].index;
        return m_model.index(first.row(), column, first.parent());
    }
    void collect(const QModelIndex& parent, int depth)
    {
        const int n = m_model.rowCount(parent);
        for (int r = 0; r < n; ++r) {
            const QModelIndex i = m_model.index(r, 0, parent);
            m_rows.push_back({i, depth});
            if (m_model.hasChildren(i)) collect(i, depth + 1);
        }
    }
    const QAbstractItemModel& m_model;
    qint64 m_flatRows = -1; ///< row count of a flat model, -1 for a tree (rows in m_rows)
    std::vector<Row> m_rows;
};

// ---- the timeline -----------------------------------------------------------------------

class PlotTable : public ExportTable {
public:
    explicit PlotTable(const TimelinePlot& plot)
    {
        for (Series s : plot.selection())
            if (const QCPGraph* g = plot.graph(s)) m_columns.push_back({s, g->data()});
        for (const Column& c : m_columns)
            for (auto it = c.data->constBegin(); it != c.data->constEnd(); ++it) m_keys.push_back(it->key);
        std::sort(m_keys.begin(), m_keys.end());
        m_keys.erase(std::unique(m_keys.begin(), m_keys.end()), m_keys.end());
    }
    int columnCount() const override { return 1 + int(m_columns.size()); }
    qint64 rowCount() const override { return qint64(m_keys.size()); }
    QString header(int column) const override
    {
        return column == 0 ? timeHeader() : seriesHeader(m_columns[std::size_t(column - 1)].series);
    }
    QString cell(qint64 row, int column, Target target) const override
    {
        const double key = m_keys[std::size_t(row)];
        if (column == 0) return TableExport::plainNumber(key);
        const Column& c = m_columns[std::size_t(column - 1)];
        const auto it = c.data->findBegin(key, false);
        if (it == c.data->constEnd() || it->key != key) return {};
        return seriesCell(c.series, it->value, target);
    }
    std::optional<bool> rightAligned(int) const override { return true; }

private:
    struct Column {
        Series series;
        QSharedPointer<QCPGraphDataContainer> data;
    };
    std::vector<Column> m_columns;
    std::vector<double> m_keys;
};

class SampleTable : public ExportTable {
public:
    SampleTable(const SampleLog& log, QList<Series> series)
        : m_log(log)
        , m_series(std::move(series))
    {
        if (m_series.isEmpty())
            for (int i = 0; i < TimelinePlot::kSeriesCount; ++i) m_series << static_cast<Series>(i);
        // The plot's order (its columns as free and sar print them), each series once.
        std::sort(m_series.begin(), m_series.end());
        m_series.erase(std::unique(m_series.begin(), m_series.end()), m_series.end());
    }
    int columnCount() const override { return 1 + int(m_series.size()); }
    qint64 rowCount() const override { return qint64(m_log.size()); }
    QString header(int column) const override { return column == 0 ? timeHeader() : seriesHeader(m_series[column - 1]); }
    QString cell(qint64 row, int column, Target target) const override
    {
        const std::size_t i = std::size_t(row);
        // The same double the plot's points are keyed by.
        if (column == 0) return TableExport::plainNumber(double(m_log[i].timeNs) / 1e9);
        const Series s = m_series[column - 1];
        const auto v = TimelinePlot::value(s, i ? &m_log[i - 1] : nullptr, m_log[i]);
        return v ? seriesCell(s, *v, target) : QString();
    }
    std::optional<bool> rightAligned(int) const override { return true; }

private:
    const SampleLog& m_log;
    QList<Series> m_series;
};

// ---- writing ----------------------------------------------------------------------------

/// UTF-8 into a device in pieces (a long table never becomes one string).
class Sink {
public:
    explicit Sink(QIODevice* d)
        : m_device(d)
    {
    }
    void add(const QString& s)
    {
        m_pending += s;
        if (m_pending.size() > 1 << 16) flush();
    }
    bool flush()
    {
        if (!m_pending.isEmpty()) {
            const QByteArray bytes = m_pending.toUtf8();
            m_ok = m_ok && m_device->write(bytes) == bytes.size();
            m_pending.clear();
        }
        return m_ok;
    }

private:
    QIODevice* m_device;
    QString m_pending;
    bool m_ok = true;
};

bool writeCsv(const ExportTable& t, Sink& out)
{
    const int cols = t.columnCount();
    const QString crlf = QStringLiteral("\r\n");
    for (int c = 0; c < cols; ++c) out.add((c ? QStringLiteral(",") : QString()) + TableExport::csvField(t.header(c)));
    out.add(crlf);
    for (qint64 r = 0; r < t.rowCount(); ++r) {
        for (int c = 0; c < cols; ++c)
            out.add((c ? QStringLiteral(",") : QString()) + TableExport::csvField(t.cell(r, c, Target::Csv)));
        out.add(crlf);
    }
    return out.flush();
}

bool isNumberCell(const QString& csvCell)
{
    if (csvCell.isEmpty()) return true; // an empty cell does not make a column text
    bool ok = false;
    csvCell.toDouble(&ok);
    return ok;
}

bool writeText(const ExportTable& t, Sink& out)
{
    const int cols = t.columnCount();
    const qint64 rows = t.rowCount();
    const QString indentUnit = QStringLiteral("  ");
    // First pass: widths, and which columns hold only numbers.
    std::vector<int> width(std::size_t(std::max(0, cols)), 0);
    std::vector<bool> numeric(width.size(), true), anyValue(width.size(), false);
    for (int c = 0; c < cols; ++c) width[std::size_t(c)] = TableExport::displayWidth(t.header(c));
    std::vector<std::optional<bool>> declared(width.size());
    for (int c = 0; c < cols; ++c) declared[std::size_t(c)] = t.rightAligned(c);
    for (qint64 r = 0; r < rows; ++r)
        for (int c = 0; c < cols; ++c) {
            const std::size_t k = std::size_t(c);
            QString s = t.cell(r, c, Target::Text);
            if (c == 0) s = indentUnit.repeated(t.depth(r)) + s;
            width[k] = std::max(width[k], TableExport::displayWidth(s));
            if (!declared[k] && numeric[k] && !s.isEmpty()) {
                anyValue[k] = true;
                numeric[k] = isNumberCell(t.cell(r, c, Target::Csv));
            }
        }
    std::vector<bool> right(width.size());
    for (std::size_t k = 0; k < width.size(); ++k) right[k] = declared[k] ? *declared[k] : numeric[k] && anyValue[k];

    auto line = [&](const auto& cellAt) {
        QString s;
        for (int c = 0; c < cols; ++c) {
            const std::size_t k = std::size_t(c);
            const QString v = cellAt(c);
            const QString pad(std::max(0, width[k] - TableExport::displayWidth(v)), u' ');
            if (c) s += QStringLiteral("  ");
            s += right[k] ? pad + v : v + pad;
        }
        // No trailing blanks: a left-aligned last column would leave them.
        while (s.endsWith(u' ')) s.chop(1);
        out.add(s + u'\n');
    };
    line([&](int c) { return t.header(c); });
    line([&](int c) { return QString(width[std::size_t(c)], u'-'); });
    for (qint64 r = 0; r < rows; ++r)
        line([&](int c) {
            const QString s = t.cell(r, c, Target::Text);
            return c == 0 ? indentUnit.repeated(t.depth(r)) + s : s;
        });
    return out.flush();
}

/// East Asian Wide (W) and Fullwidth (F) ranges after Unicode's EastAsianWidth.txt (15.0).
struct Range {
    char32_t first, last;
};
constexpr Range kWide[] = {
    {0x1100, 0x115F},   {0x231A, 0x231B},   {0x2329, 0x232A},   {0x23E9, 0x23EC},   {0x23F0, 0x23F0},
    {0x23F3, 0x23F3},   {0x25FD, 0x25FE},   {0x2614, 0x2615},   {0x2648, 0x2653},   {0x267F, 0x267F},
    {0x2693, 0x2693},   {0x26A1, 0x26A1},   {0x26AA, 0x26AB},   {0x26BD, 0x26BE},   {0x26C4, 0x26C5},
    {0x26CE, 0x26CE},   {0x26D4, 0x26D4},   {0x26EA, 0x26EA},   {0x26F2, 0x26F3},   {0x26F5, 0x26F5},
    {0x26FA, 0x26FA},   {0x26FD, 0x26FD},   {0x2705, 0x2705},   {0x270A, 0x270B},   {0x2728, 0x2728},
    {0x274C, 0x274C},   {0x274E, 0x274E},   {0x2753, 0x2755},   {0x2757, 0x2757},   {0x2795, 0x2797},
    {0x27B0, 0x27B0},   {0x27BF, 0x27BF},   {0x2B1B, 0x2B1C},   {0x2B50, 0x2B50},   {0x2B55, 0x2B55},
    {0x2E80, 0x303E},   {0x3041, 0x33FF},   {0x3400, 0x4DBF},   {0x4E00, 0x9FFF},   {0xA000, 0xA4CF},
    {0xA960, 0xA97F},   {0xAC00, 0xD7A3},   {0xF900, 0xFAFF},   {0xFE10, 0xFE19},   {0xFE30, 0xFE6F},
    {0xFF00, 0xFF60},   {0xFFE0, 0xFFE6},   {0x16FE0, 0x16FE4}, {0x17000, 0x18CFF}, {0x1B000, 0x1B2FF},
    {0x1F004, 0x1F004}, {0x1F0CF, 0x1F0CF}, {0x1F18E, 0x1F18E}, {0x1F191, 0x1F19A}, {0x1F200, 0x1F251},
    {0x1F300, 0x1F320}, {0x1F32D, 0x1F335}, {0x1F337, 0x1F37C}, {0x1F37E, 0x1F393}, {0x1F3A0, 0x1F3CA},
    {0x1F3CF, 0x1F3D3}, {0x1F3E0, 0x1F3F0}, {0x1F3F4, 0x1F3F4}, {0x1F3F8, 0x1F43E}, {0x1F440, 0x1F440},
    {0x1F442, 0x1F4FC}, {0x1F4FF, 0x1F53D}, {0x1F54B, 0x1F54E}, {0x1F550, 0x1F567}, {0x1F57A, 0x1F57A},
    {0x1F595, 0x1F596}, {0x1F5A4, 0x1F5A4}, {0x1F5FB, 0x1F64F}, {0x1F680, 0x1F6C5}, {0x1F6CC, 0x1F6CC},
    {0x1F6D0, 0x1F6D2}, {0x1F6D5, 0x1F6D7}, {0x1F6DC, 0x1F6DF}, {0x1F6EB, 0x1F6EC}, {0x1F6F4, 0x1F6FC},
    {0x1F7E0, 0x1F7EB}, {0x1F7F0, 0x1F7F0}, {0x1F90C, 0x1F93A}, {0x1F93C, 0x1F945}, {0x1F947, 0x1F9FF},
    {0x1FA70, 0x1FAFF}, {0x20000, 0x2FFFD}, {0x30000, 0x3FFFD},
};

bool isWide(char32_t c)
{
    const auto it = std::upper_bound(std::begin(kWide), std::end(kWide), c,
                                     [](char32_t v, const Range& r) { return v < r.first; });
    return it != std::begin(kWide) && c <= std::prev(it)->last;
}

// ---- the page-replacement lab --------------------------------------------------------------

class ReplacementTable : public ExportTable {
public:
    explicit ReplacementTable(ReplacementLabModel m)
        : m_model(std::move(m))
    {
    }
    int columnCount() const override { return recorded() ? 9 : 8; }
    qint64 rowCount() const override
    {
        return static_cast<qint64>(m_model.panels.size()) * static_cast<qint64>(m_model.refs.size());
    }
    QString header(int column) const override
    {
        switch (logical(column)) {
        case Col::Policy: return TableExport::tr("policy");
        case Col::Frames: return TableExport::tr("frames");
        case Col::Step: return TableExport::tr("step");
        case Col::Page: return TableExport::tr("page");
        case Col::Vpn: return TableExport::tr("virtual page");
        case Col::Outcome: return TableExport::tr("hit or miss");
        case Col::Victim: return TableExport::tr("victim");
        case Col::Contents: return TableExport::tr("frames after the access");
        case Col::Narration: return TableExport::tr("what happened");
        }
        return {};
    }
    QString cell(qint64 row, int column, Target target) const override
    {
        const std::size_t n = m_model.refs.size();
        const ReplacementLabPanel& p = m_model.panels[static_cast<std::size_t>(row) / n];
        const std::size_t t = static_cast<std::size_t>(row) % n;
        const ReplStep& s = p.result.steps[t];
        const QString empty = target == Target::Csv ? QStringLiteral("-") : QStringLiteral("—");
        switch (logical(column)) {
        case Col::Policy: return replacementPolicyText(p.policy);
        case Col::Frames: return QString::number(p.frames);
        case Col::Step: return QString::number(t + 1);
        case Col::Page: return QString::number(s.ref);
        case Col::Vpn: {
            const auto k = static_cast<std::size_t>(s.ref - 1);
            return k < m_model.vpns.size() ? QStringLiteral("0x%1").arg(m_model.vpns[k], 0, 16) : QString();
        }
        case Col::Outcome: return s.hit ? TableExport::tr("hit") : TableExport::tr("miss");
        case Col::Victim: return s.victim == kNoPage ? QString() : QString::number(s.victim);
        case Col::Contents: {
            QStringList pages;
            for (std::int64_t f : s.frames) pages << (f == kNoPage ? empty : QString::number(f));
            return pages.join(u' ');
        }
        case Col::Narration: return t < p.narration.size() ? oneLine(p.narration[t]) : QString();
        }
        return {};
    }
    std::optional<bool> rightAligned(int column) const override
    {
        switch (logical(column)) {
        case Col::Frames:
        case Col::Step:
        case Col::Page:
        case Col::Victim: return true;
        default: return false;
        }
    }

private:
    enum class Col { Policy, Frames, Step, Page, Vpn, Outcome, Victim, Contents, Narration };
    bool recorded() const { return !m_model.vpns.empty(); }
    Col logical(int column) const
    {
        if (!recorded() && column >= static_cast<int>(Col::Vpn)) ++column;
        return static_cast<Col>(column);
    }
    ReplacementLabModel m_model;
};

} // namespace

// ---- public -------------------------------------------------------------------------------

std::unique_ptr<ExportTable> TableExport::fromReplacementLab(const ReplacementLabModel& model)
{
    return std::make_unique<ReplacementTable>(model);
}

std::unique_ptr<ExportTable> TableExport::fromModel(const QAbstractItemModel& model)
{
    return std::make_unique<ModelTable>(model);
}

std::unique_ptr<ExportTable> TableExport::fromTimeline(const TimelinePlot& plot)
{
    return std::make_unique<PlotTable>(plot);
}

std::unique_ptr<ExportTable> TableExport::fromSamples(const SampleLog& log, const QList<TimelinePlot::Series>& series)
{
    return std::make_unique<SampleTable>(log, series);
}

QString TableExport::unitName(TimelinePlot::Unit u)
{
    switch (u) {
    case TimelinePlot::Unit::KiB:
        return QStringLiteral("kB");
    case TimelinePlot::Unit::PerSecond:
        return QStringLiteral("/s");
    case TimelinePlot::Unit::Percent:
        return QStringLiteral("%");
    }
    return {};
}

QString TableExport::csvField(const QString& s)
{
    bool quote = false;
    for (QChar c : s) quote = quote || c == u',' || c == u'"' || c == u'\n' || c == u'\r';
    if (!quote) return s;
    QString q = s;
    q.replace(QLatin1String("\""), QLatin1String("\"\""));
    return u'"' + q + u'"';
}

int TableExport::displayWidth(QStringView s)
{
    int w = 0;
    for (char32_t c : s.toUcs4()) {
        if (c < 0x20 || (c >= 0x7f && c < 0xa0)) continue; // controls
        const QChar::Category cat = QChar::category(c);
        if (cat == QChar::Mark_NonSpacing || cat == QChar::Mark_Enclosing
            || (cat == QChar::Other_Format && c != 0x00AD)) // combining marks, ZWSP, ZWJ, BOM
            continue;
        if (c >= 0x1160 && c <= 0x11FF) continue; // Hangul medial vowels and final consonants join the syllable
        w += isWide(c) ? 2 : 1;
    }
    return w;
}

QString TableExport::plainNumber(double v)
{
    if (!std::isfinite(v)) return {};
    if (v == 0) return QStringLiteral("0"); // and not "-0"
    return QString::number(v, 'f', QLocale::FloatingPointShortest);
}

QString TableExport::unlocalised(const QString& s)
{
    const QString t = s.trimmed();
    if (t.isEmpty()) return s;
    const QLocale locale;
    // Only text a number could be: digits, signs, the locale's separators.
    for (QChar c : t)
        if (!c.isDigit() && c != locale.groupSeparator().front() && c != locale.decimalPoint().front()
            && c != locale.negativeSign().front() && c != locale.positiveSign().front())
            return s;
    bool ok = false;
    const qlonglong i = locale.toLongLong(t, &ok);
    if (ok) return QString::number(i);
    const qulonglong u = locale.toULongLong(t, &ok);
    if (ok) return QString::number(u);
    const double d = locale.toDouble(t, &ok);
    if (!ok || !std::isfinite(d)) return s;
    const qsizetype point = t.indexOf(locale.decimalPoint());
    const int decimals = point < 0 ? 0 : int(t.size() - point - locale.decimalPoint().size());
    return QString::number(d, 'f', decimals);
}

QString TableExport::csv(const ExportTable& table)
{
    QBuffer b;
    b.open(QIODevice::WriteOnly);
    write(table, Format::Csv, &b);
    return QString::fromUtf8(b.data());
}

QString TableExport::text(const ExportTable& table)
{
    QBuffer b;
    b.open(QIODevice::WriteOnly);
    write(table, Format::Text, &b);
    return QString::fromUtf8(b.data());
}

bool TableExport::write(const ExportTable& table, Format format, QIODevice* device)
{
    Sink out(device);
    return format == Format::Csv ? writeCsv(table, out) : writeText(table, out);
}

TableExport::Format TableExport::formatFor(const QString& path)
{
    return QFileInfo(path).suffix().compare(QLatin1String("csv"), Qt::CaseInsensitive) == 0 ? Format::Csv
                                                                                             : Format::Text;
}

bool TableExport::save(const ExportTable& table, const QString& path, QString* error)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || !write(table, formatFor(path), &f) || !f.commit()) {
        if (error) *error = tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), f.errorString());
        return false;
    }
    return true;
}

void TableExport::saveWithDialog(QWidget* parent, const ExportTable& table, const QString& baseName,
                                 const QString& title)
{
    QSettings settings;
    const QString folder = settings.value(QStringLiteral("tables/folder"), QDir::homePath()).toString();
    const QString csvFilter = tr("CSV table (*.csv)"), textFilter = tr("Plain-text table (*.txt)");
    QString filter = csvFilter;
    QString path = QFileDialog::getSaveFileName(parent, title, QDir(folder).filePath(baseName + QStringLiteral(".csv")),
                                                csvFilter + QStringLiteral(";;") + textFilter, &filter);
    if (path.isEmpty()) return;
    const QString suffix = filter == textFilter ? QStringLiteral(".txt") : QStringLiteral(".csv");
    if (QFileInfo(path).suffix().isEmpty()) path += suffix;
    QString error;
    if (!save(table, path, &error)) {
        QMessageBox::warning(parent, title, error);
        return;
    }
    settings.setValue(QStringLiteral("tables/folder"), QFileInfo(path).absolutePath());
}

} // namespace memviz
