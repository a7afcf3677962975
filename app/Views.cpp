#include "Views.h"

#include "BuddyView.h"
#include "CowView.h"
#include "EventLogView.h"
#include "ExplainPanel.h"
#include "PageWalkView.h"
#include "PhysicalMemoryView.h"
#include "ProcessView.h"
#include "ReplacementLabView.h"
#include "SlabView.h"
#include "KernelSpaceView.h"
#include "LruSwapView.h"
#include "NumaView.h"
#include "OomView.h"
#include "TimelinePlot.h"
#include "TlbView.h"
#include "ViewContext.h"
#include "ZoneView.h"

#include "sim/Simulator.h"

#include <QCoreApplication>

namespace memviz {

QList<ViewInfo> viewCatalogue()
{
    auto tr = [](const char* s) { return QCoreApplication::translate("memviz", s); };
    return {{QStringLiteral("buddy"), tr("Buddy allocator")},     {QStringLiteral("walk"), tr("Page walk")},
            {QStringLiteral("cow"), tr("Copy-on-write")},          {QStringLiteral("physical"), tr("Physical memory")},
            {QStringLiteral("processes"), tr("Processes")},        {QStringLiteral("tlb"), tr("TLB")},
            {QStringLiteral("timeline"), tr("Timeline")},         {QStringLiteral("zones"), tr("Zones")},
            {QStringLiteral("lru"), tr("LRU lists and swap")},    {QStringLiteral("oom"), tr("OOM killer")},
            {QStringLiteral("slab"), tr("Slab caches")},          {QStringLiteral("kernel"), tr("Kernel address space")},
            {QStringLiteral("numa"), tr("NUMA nodes")},           {QStringLiteral("events"), tr("Events")},
            {QStringLiteral("replacement"), tr("Page-replacement lab")}, {QStringLiteral("explain"), tr("Explanation")}};
}

QWidget* createView(const QString& id, ViewContext* ctx, QWidget* parent)
{
    if (id == QLatin1String("buddy")) return new BuddyView(ctx, parent);
    if (id == QLatin1String("physical")) return new PhysicalMemoryView(ctx, parent);
    if (id == QLatin1String("events")) return new EventLogView(ctx, parent);
    if (id == QLatin1String("explain")) return new ExplainPanel(ctx, parent);
    if (id == QLatin1String("replacement")) return new ReplacementLabView(ctx, parent);
    if (id == QLatin1String("walk")) return new PageWalkView(ctx, parent);
    if (id == QLatin1String("cow")) return new CowView(ctx, parent);
    if (id == QLatin1String("processes")) return new ProcessView(ctx, parent);
    if (id == QLatin1String("tlb")) return new TlbView(ctx, parent);
    if (id == QLatin1String("zones")) return new ZoneView(ctx, parent);
    if (id == QLatin1String("lru")) return new LruSwapView(ctx, parent);
    if (id == QLatin1String("slab")) return new SlabView(ctx, parent);
    if (id == QLatin1String("kernel")) return new KernelSpaceView(ctx, parent);
    if (id == QLatin1String("numa")) return new NumaView(ctx, parent);
    if (id == QLatin1String("oom")) {
        auto* v = new OomView(ctx, parent);
        // Editing oom_score_adj in the table is a command at the cursor.
        QObject::connect(v, &OomView::oomScoreAdjRequested, ctx, [ctx](std::uint32_t pid, int value) {
            Command c = vmCommand(CommandType::SetOomScoreAdj, pid);
            c.addr = static_cast<std::uint64_t>(static_cast<std::int64_t>(value));
            emit ctx->commandRequested(c);
        });
        return v;
    }
    if (id == QLatin1String("timeline")) {
        // The whole run's history, with the cursor at the player's simulated time.
        auto* plot = new TimelinePlot(parent);
        auto update = [plot, ctx] {
            if (!ctx->simulator()) return;
            plot->setMachine(ctx->simulator()->current());
            plot->setCursorTime(ctx->machine().timeNs);
        };
        QObject::connect(ctx, &ViewContext::stateChanged, plot, update);
        update();
        return plot;
    }
    return nullptr;
}

} // namespace memviz
