#include "Views.h"

#include "BuddyView.h"
#include "CowView.h"
#include "EventLogView.h"
#include "PageWalkView.h"
#include "PhysicalMemoryView.h"
#include "ProcessView.h"
#include "TlbView.h"

#include <QCoreApplication>

namespace memviz {

QList<ViewInfo> viewCatalogue()
{
    auto tr = [](const char* s) { return QCoreApplication::translate("memviz", s); };
    return {{QStringLiteral("buddy"), tr("Buddy allocator")},     {QStringLiteral("walk"), tr("Page walk")},
            {QStringLiteral("cow"), tr("Copy-on-write")},          {QStringLiteral("physical"), tr("Physical memory")},
            {QStringLiteral("processes"), tr("Processes")},        {QStringLiteral("tlb"), tr("TLB")},
            {QStringLiteral("events"), tr("Events")}};
}

QWidget* createView(const QString& id, ViewContext* ctx, QWidget* parent)
{
    if (id == QLatin1String("buddy")) return new BuddyView(ctx, parent);
    if (id == QLatin1String("physical")) return new PhysicalMemoryView(ctx, parent);
    if (id == QLatin1String("events")) return new EventLogView(ctx, parent);
    if (id == QLatin1String("walk")) return new PageWalkView(ctx, parent);
    if (id == QLatin1String("cow")) return new CowView(ctx, parent);
    if (id == QLatin1String("processes")) return new ProcessView(ctx, parent);
    if (id == QLatin1String("tlb")) return new TlbView(ctx, parent);
    return nullptr;
}

} // namespace memviz
