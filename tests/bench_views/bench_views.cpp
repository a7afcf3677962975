// Times the physical memory map: FrameMapRenderer::renderAll on a 16 GiB machine
// (4 Mi frames), fresh and fragmented, and a full PhysicalMemoryView repaint into a
// 1280x800 image at fit zoom; and a TimelinePlot replot with 10^5 samples per series
// (a day of simulated seconds). Prints "name value" lines (medians of ~30 runs, ms).
//
//   memviz_bench_views [--runs N] [--screenshots DIR]
//
// With --screenshots it also saves the pictures used to review the view by eye:
// DIR/physview.png (8 GiB seed machine after a few allocations, fit zoom),
// DIR/physview_zoom.png (64 MiB machine zoomed in), DIR/timeline.png (memory filling
// up, then swapping), and their dark-theme twins.

#include "FrameMapRenderer.h"
#include "Palette.h"
#include "PhysicalMemoryView.h"
#include "TimelinePlot.h"
#include "ViewContext.h"
#include "sim/MachineConfig.h"
#include "sim/Simulator.h"
#include "util/Size.h"

#include <QApplication>
#include <QDir>
#include <QImage>
#include <QPainter>
#include <QSvgGenerator>

// qcustomplot.h needs foreach, which QT_NO_FOREACH removes (see TimelinePlot.cpp).
#define foreach(declaration, container) for (declaration : container)
#include <qcustomplot.h>
#undef foreach

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <memory>
#include <vector>

using namespace memviz;

namespace {

std::unique_ptr<Simulator> makeSim(const char* preset, std::uint64_t ram)
{
    auto cfg = std::get<MachineConfig>(MachineConfig::fromPreset(preset));
    if (ram) cfg.ramBytes = ram;
    auto created = Simulator::create(cfg);
    if (!std::holds_alternative<Simulator>(created)) {
        std::fprintf(stderr, "cannot boot %s\n", preset);
        std::exit(1);
    }
    return std::make_unique<Simulator>(std::get<Simulator>(std::move(created)));
}

template <class F>
double medianMs(int runs, F&& f)
{
    std::vector<double> t;
    for (int i = 0; i < runs; ++i) {
        const auto a = std::chrono::steady_clock::now();
        f();
        const auto b = std::chrono::steady_clock::now();
        t.push_back(std::chrono::duration<double, std::milli>(b - a).count());
    }
    std::sort(t.begin(), t.end());
    return t[t.size() / 2];
}

/// `n` seconds of a 2 GiB machine with 2 GiB of swap: a program fills memory, the page
/// cache shrinks, then kswapd scans and swaps out while memory stays full.
SampleLog fillingHistory(std::size_t n)
{
    SampleLog log;
    const double total = 2.0 * 1024 * 1024, scale = double(n) / 300.0; // kB; the story takes n seconds
    Sample prev;
    for (std::size_t i = 0; i < n; ++i) {
        const double t = double(i) / scale;
        Sample s = prev;
        s.timeNs = std::uint64_t(i) * 1000000000ull;
        s.memTotal = std::uint64_t(total);
        s.swapTotal = 2 * 1024 * 1024;
        const double anon = std::min(total * 0.93, 200000.0 + t * 14000.0);
        const double cache = std::max(60000.0, 700000.0 - std::max(0.0, t - 60) * 9000.0);
        const double swapped = std::max(0.0, 200000.0 + t * 14000.0 - total * 0.93) * 0.9;
        const double freeKb = std::max(40000.0 + 5000 * std::sin(double(i) / 3.0), total - anon - cache - 80000);
        const bool pressure = freeKb < 60000;
        s.memFree = std::uint64_t(freeKb);
        s.cached = std::uint64_t(cache);
        s.buffers = 20000;
        s.sReclaimable = 30000;
        s.slab = 60000;
        s.memAvailable = std::uint64_t(freeKb + cache * 0.7);
        s.swapFree = s.swapTotal - std::uint64_t(std::min<double>(swapped, double(s.swapTotal)));
        s.swapCached = std::uint64_t(swapped * 0.05);
        s.anonPages = std::uint64_t(anon);
        s.committedAs = std::uint64_t(anon * 1.3);
        s.pgfault = prev.pgfault + 3500 + (i % 7) * 200;
        s.pgscanKswapd = prev.pgscanKswapd + (pressure ? 9000 + (i % 5) * 700 : 0);
        s.pgstealKswapd = prev.pgstealKswapd + (pressure ? 7000 + (i % 3) * 600 : 0);
        s.pswpout = prev.pswpout + (pressure ? 3500 : 0);
        s.pswpin = prev.pswpin + (pressure ? 300 + (i % 4) * 80 : 0);
        log.push(s);
        prev = s;
    }
    return log;
}

void show(ViewContext& ctx, const Simulator& sim, std::uint64_t n)
{
    ctx.setSimulator(&sim);
    ctx.setState(sim.stateAt(n ? n - 1 : 0), sim.stateAt(n), n);
}

} // namespace

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    int runs = 30;
    QString shots;
    const QStringList args = app.arguments();
    for (int i = 1; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--runs") && i + 1 < args.size()) runs = std::max(1, args[++i].toInt());
        else if (args[i] == QLatin1String("--screenshots") && i + 1 < args.size()) shots = args[++i];
    }

    // FrameMapRenderer::renderAll, 16 GiB = 4 Mi frames.
    auto big = makeSim("x86-64", 16 * GiB);
    FrameMapRenderer r;
    r.setColumns(6144);
    r.renderAll(big->current()); // warm up (allocates the image)
    std::printf("physmap_render_4Mi_ms %.2f\n", medianMs(runs, [&] { r.renderAll(big->current()); }));

    // Worst case for the head walk: order-0 blocks everywhere. Allocate 1 Mi single
    // frames, free every other one (nothing can merge back), keep the rest.
    big->setRecording(false);
    std::vector<Pfn> pages;
    for (int i = 0; i < (1 << 20); ++i)
        if (auto p = big->apply(Command::allocPages(0)).pfn) pages.push_back(*p);
    for (std::size_t i = 0; i < pages.size(); i += 2) big->apply(Command::freePages(pages[i], 0));
    std::printf("physmap_render_4Mi_fragmented_ms %.2f\n", medianMs(runs, [&] { r.renderAll(big->current()); }));
    {
        QImage small;
        FrameMapRenderer::downsampleMax(r.image(), 6, &small, 0, r.image().height());
        std::printf("physmap_downsample_4Mi_by6_ms %.2f\n", medianMs(runs, [&] {
                        FrameMapRenderer::downsampleMax(r.image(), 6, &small, 0, r.image().height());
                    }));
    }
    std::printf("physmap_render_range_4096_ms %.4f\n",
                medianMs(runs, [&] { r.renderRange(big->current(), 1 << 20, (1 << 20) + 4096); }));

    // A full repaint of the view, 1280x800, fit zoom, 16 GiB machine.
    {
        ViewContext ctx;
        ctx.setState(big->current(), big->current(), 0);
        PhysicalMemoryView view(&ctx);
        view.resize(1280, 800);
        QImage img(view.size(), QImage::Format_ARGB32_Premultiplied);
        view.render(&img); // lays out and renders the map once
        std::printf("physmap_repaint_ms %.2f\n", medianMs(runs, [&] { view.render(&img); }));
        // After a jump the whole map is rebuilt (render + downsample + paint).
        std::printf("physmap_jump_repaint_ms %.2f\n", medianMs(runs, [&] {
                        emit ctx.stateChanged(false);
                        view.render(&img);
                    }));
    }

    // TimelinePlot: 10^5 samples in each of the five default series (free's used, free,
    // buff/cache, available, swap used), the whole history in view, 1280x800.
    {
        const SampleLog history = fillingHistory(100000);
        TimelinePlot plot;
        plot.resize(1280, 800);
        plot.show();
        const auto fill = std::chrono::steady_clock::now();
        plot.setSamples(history);
        std::printf("timeline_fill_1e5_ms %.2f\n",
                    std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - fill).count());
        plot.setCursorTime(50000ull * 1000000000ull);
        QCoreApplication::processEvents();
        QCustomPlot* cp = plot.customPlot();
        cp->replot(QCustomPlot::rpImmediateRefresh); // warm up (paint buffers, label cache)
        std::printf("timeline_replot_1e5_ms %.2f\n",
                    medianMs(runs, [&] { cp->replot(QCustomPlot::rpImmediateRefresh); }));
        // A live run: one more second appended, then replotted.
        SampleLog grown = history;
        std::printf("timeline_append_replot_1e5_ms %.2f\n", medianMs(runs, [&] {
                        Sample s = grown.back();
                        s.timeNs += 1000000000ull;
                        grown.push(s);
                        plot.setSamples(grown);
                        cp->replot(QCustomPlot::rpImmediateRefresh);
                    }));
        std::printf("timeline_cursor_move_ms %.3f\n", medianMs(runs, [&] {
                        static std::uint64_t t = 1;
                        plot.setCursorTime(((t++ * 7919) % 100000) * 1000000000ull);
                    }));
    }

    if (shots.isEmpty()) return 0;
    QDir().mkpath(shots);
    auto seed = makeSim("seed-8g", 0);
    for (int order : {0, 3, 5, 9, 2, 10, 10, 7})
        if (const auto pfn = seed->apply(Command::allocPages(order)).pfn)
            std::fprintf(stderr, "seed-8g: alloc_pages(order %d) -> pfn %llu\n", order,
                         static_cast<unsigned long long>(*pfn));
    auto small = makeSim("x86-64", 64 * MiB);
    std::vector<Pfn> blocks;
    for (int order : {0, 3, 1, 2, 0, 4}) blocks.push_back(*small->apply(Command::allocPages(order)).pfn);
    small->apply(Command::freePages(blocks[2], 1));
    const CommandResult last = small->apply(Command::allocPages(3)); // animate its split steps
    std::uint64_t split = last.firstEvent;
    while (split < last.endEvent && small->events()[split].type != EventType::BuddySplit) ++split;

    for (Theme theme : {Theme::Light, Theme::Dark}) {
        Palette::setTheme(theme);
        const QString suffix = theme == Theme::Dark ? QStringLiteral("_dark") : QString();
        {
            TimelinePlot plot;
            plot.resize(1280, 720);
            plot.setSamples(fillingHistory(301));
            plot.setCursorTime(180ull * 1000000000ull);
            plot.show();
            QCoreApplication::processEvents();
            plot.grab().save(shots + QStringLiteral("/timeline") + suffix + QStringLiteral(".png"));
        }
        {
            ViewContext ctx;
            show(ctx, *seed, seed->eventCount());
            PhysicalMemoryView view(&ctx);
            view.resize(1280, 800);
            view.show();
            ctx.setSelectedFrame(seed->stateAt(seed->eventCount()).zones[2].startPfn + 5000);
            (QCoreApplication::processEvents(), view.grab())
                .save(shots + QStringLiteral("/physview") + suffix + QStringLiteral(".png"));
            QSvgGenerator gen;
            gen.setFileName(shots + QStringLiteral("/physview") + suffix + QStringLiteral(".svg"));
            gen.setSize(view.size());
            gen.setViewBox(QRect(QPoint(0, 0), view.size()));
            QPainter p(&gen);
            view.render(&p);
        }
        {
            ViewContext ctx;
            show(ctx, *small, split + 1);
            ctx.setProgress(0.35);
            PhysicalMemoryView view(&ctx);
            view.resize(1280, 800);
            view.show();
            view.setZoom({1, 24});
            ctx.setSelectedFrame(blocks[1] + 2);
            (QCoreApplication::processEvents(), view.grab())
                .save(shots + QStringLiteral("/physview_zoom") + suffix + QStringLiteral(".png"));
            view.setZoom({1, 48});
            ctx.setProgress(1.0);
            (QCoreApplication::processEvents(), view.grab())
                .save(shots + QStringLiteral("/physview_zoom48") + suffix + QStringLiteral(".png"));
            view.resize(640, 480);
            view.zoomToFit();
            (QCoreApplication::processEvents(), view.grab())
                .save(shots + QStringLiteral("/physview_small") + suffix + QStringLiteral(".png"));
        }
    }
    return 0;
}
