#pragma once
/// The catalogue of views: ids, translated titles and a factory, shared by the
/// main window (docks) and the headless exporter (one PNG per view).

#include <QString>
#include <QStringList>
#include <QWidget>

namespace memviz {

class ViewContext;

struct ViewInfo {
    QString id;    ///< stable, used in file names and settings: "physical", "buddy", "events"
    QString title; ///< translated
};

QList<ViewInfo> viewCatalogue();
QWidget* createView(const QString& id, ViewContext* ctx, QWidget* parent = nullptr);

} // namespace memviz
