#pragma once
/// Pictures of a view or the whole window: PNG through grab(), SVG through
/// QSvgGenerator and QWidget::render().

#include <QString>

class QWidget;

namespace memviz {

/// Writes `widget` to `path`; the format follows the suffix (.png or .svg).
/// Returns an empty string on success, else a translated reason.
QString exportWidget(QWidget* widget, const QString& path);

} // namespace memviz
