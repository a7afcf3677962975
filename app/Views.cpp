#include "Views.h"

#include "BuddyView.h"
#include "EventLogView.h"
#include "PhysicalMemoryView.h"

#include <QCoreApplication>

namespace memviz {

QList<ViewInfo> viewCatalogue()
{
    auto tr = [](const char* s) { return QCoreApplication::translate("memviz", s); };
    return {{QStringLiteral("buddy"), tr("Buddy allocator")},
            {QStringLiteral("physical"), tr("Physical memory")},
            {QStringLiteral("events"), tr("Events")}};
}

QWidget* createView(const QString& id, ViewContext* ctx, QWidget* parent)
{
    if (id == QLatin1String("buddy")) return new BuddyView(ctx, parent);
    if (id == QLatin1String("physical")) return new PhysicalMemoryView(ctx, parent);
    if (id == QLatin1String("events")) return new EventLogView(ctx, parent);
    return nullptr;
}

} // namespace memviz
