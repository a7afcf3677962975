#pragma once
/// Plots and tables of a run as CSV (RFC 4180: quoted fields, CRLF) and as column-aligned
/// plain text: the timeline's series (what is plotted, or every column of a run's history)
/// and any item model (the OOM candidates, the event log). Cells are read on demand and
/// written as they come, so a million-row event log needs no copy in memory.

#include "ReplacementLabTable.h"
#include "TimelinePlot.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringView>

#include <memory>
#include <optional>

class QAbstractItemModel;
class QIODevice;
class QWidget;

namespace memviz {

/// A table to export: a header row and cells, each in the form its format wants.
class ExportTable {
public:
    enum class Target {
        Csv, ///< for programs: numbers plain (no digit grouping, '.' decimal point), full precision
        Text ///< for people: as the app shows them, numbers rounded as the plot's tooltips
    };
    virtual ~ExportTable() = default;
    virtual int columnCount() const = 0;
    virtual qint64 rowCount() const = 0;
    virtual QString header(int column) const = 0;
    virtual QString cell(qint64 row, int column, Target target) const = 0;
    /// Right-aligned in text (numbers); nullopt lets the text writer decide from the cells.
    virtual std::optional<bool> rightAligned(int column) const = 0;
    /// Indentation level of a row (a tree model's depth), shown in text only.
    virtual int depth(qint64 row) const { return 0; }
};

class TableExport {
    Q_DECLARE_TR_FUNCTIONS(memviz::TableExport)
public:
    enum class Format { Csv, Text };

    /// The columns of `model` (header: the horizontal header text on one line) and its rows,
    /// children after their parent. The model must outlive the table and not change while it
    /// is written.
    static std::unique_ptr<ExportTable> fromModel(const QAbstractItemModel& model);
    /// The plotted series of `plot` (its graphs' data): "time (s)", then one column per series
    /// named as the plot's legend with its unit ("Mem used (kB)", "pgscank/s (/s)",
    /// "%vmeff (%)"); one row per time any graph has a point; a series without a point at
    /// that time (a rate at the first second) leaves its cell empty.
    static std::unique_ptr<ExportTable> fromTimeline(const TimelinePlot& plot);
    /// The same columns computed from a history, for `series` (all when empty) in the plot's
    /// order: what the plot would show with those series selected. The log must outlive the table.
    static std::unique_ptr<ExportTable> fromSamples(const SampleLog& log,
                                                    const QList<TimelinePlot::Series>& series = {});

    /// The page-replacement lab's table in long form: one row per policy panel and reference,
    /// panels in the view's order: policy, frames, step, page (and its virtual page for a
    /// recorded string), hit or miss, the victim, each frame's page after the access, and
    /// the sentence the lab shows for that step. The table holds a copy of the model.
    static std::unique_ptr<ExportTable> fromReplacementLab(const ReplacementLabModel& model);

    /// The table as CSV, RFC 4180: fields with a comma, quote, CR or LF in double quotes
    /// (quotes doubled), CRLF after every record.
    static QString csv(const ExportTable& table);
    /// The table as plain text for a terminal or a plain-text editor: columns padded to their
    /// widest cell (East Asian wide characters count two columns), numbers right-aligned,
    /// two spaces between columns, the header underlined with dashes.
    static QString text(const ExportTable& table);
    static bool write(const ExportTable& table, Format format, QIODevice* device);
    /// Writes `path` atomically in UTF-8; the format follows the suffix (.csv, else text).
    /// False with a translated reason naming the file.
    static bool save(const ExportTable& table, const QString& path, QString* error = nullptr);
    static Format formatFor(const QString& path);
    /// Asks where to save `table` (CSV or plain text, suggested name `baseName`.csv in the
    /// last folder used), saves it and reports a failure in a message box. For menu entries.
    static void saveWithDialog(QWidget* parent, const ExportTable& table, const QString& baseName,
                               const QString& title);

    /// One CSV field, quoted when needed.
    static QString csvField(const QString& s);
    /// Columns a string takes in a monospaced terminal: East Asian wide and fullwidth
    /// characters (CJK, Hangul, fullwidth forms, most emoji) 2, combining marks and
    /// zero-width characters 0, others 1. Independent of any font.
    static int displayWidth(QStringView s);
    /// A number formatted for CSV: shortest form that reads back to the same double.
    static QString plainNumber(double v);
    /// `s` with digit grouping and a locale's decimal point undone when it is a number as
    /// QLocale() prints it ("12,345" -> "12345"); other text unchanged.
    static QString unlocalised(const QString& s);
    /// "kB", "/s", "%".
    static QString unitName(TimelinePlot::Unit u);
};

} // namespace memviz
