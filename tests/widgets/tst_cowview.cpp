// CowView: after fork() both columns of entries point at the same frames, marked
// shared and write-protected; a write by the child is followed step by step (the
// fault, the new frame, the copy, the entry moving over and unlocking); a later write
// by the parent reuses its frame in place; the pair selector, the empty state, and
// grabs in both themes.
//
// Set MEMVIZ_SCREENSHOTS=<dir> to also save cowview_*.png (after fork, mid-copy).

#include "CowView.h"
#include "Palette.h"
#include "TestUtil.h"
#include "widgets/WidgetTestUtil.h"
#include "ViewContext.h"
#include "sim/Machine.h"
#include "sim/Simulator.h"
#include "vm/VmOps.h"

#include <QComboBox>
#include <QDir>
#include <QSet>
#include <QTest>

using namespace memviz;
using memviz::test::inkShare;
using namespace Qt::StringLiterals;

namespace {

using memviz::test::spawn;

void access(Simulator& sim, std::uint32_t pid, std::uint64_t addr, std::uint64_t len, bool write)
{
    Command c = vmCommand(CommandType::Access, pid);
    c.addr = addr;
    c.len = len;
    c.write = write;
    c.step = 4096;
    QVERIFY(!sim.apply(c).error);
}

void showAt(ViewContext& ctx, const Simulator& sim, std::uint64_t n, double progress = 1.0)
{
    ctx.setSimulator(&sim);
    const auto [before, after] = sim.stepAt(n);
    ctx.setState(before, after, n);
    ctx.setProgress(progress);
}

/// 1 + the index of the first event at or after `from` that matches.
template <class Pred> std::uint64_t stepOf(const Simulator& sim, std::uint64_t from, Pred pred)
{
    for (std::uint64_t i = from; i < sim.eventCount(); ++i)
        if (pred(sim.events()[i])) return i + 1;
    return 0;
}


} // namespace

class TestCowView : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        m_sim = test::bootOwned(1 * GiB);
        m_parent = spawn(*m_sim, "cow");
        m_spawnEnd = m_sim->eventCount();
        Command mc = vmCommand(CommandType::Malloc, m_parent);
        mc.len = 100 * MiB;
        m_buf = m_sim->apply(mc).value;
        QVERIFY(m_buf);
        access(*m_sim, m_parent, m_buf, 64 * KiB, true); // 16 pages of the parent's own
        m_child = static_cast<std::uint32_t>(m_sim->apply(vmCommand(CommandType::Fork, m_parent)).value);
        QVERIFY(m_child);
        m_forkEnd = m_sim->eventCount();
        m_va = m_buf + 3 * 4096;
        const vm::WalkResult w = vm::translate(m_sim->current(), m_parent, m_va);
        QVERIFY(w.ok);
        m_old = w.paddr >> 12;
        access(*m_sim, m_child, m_va, 1, true); // the child writes: copy
        m_childWriteEnd = m_sim->eventCount();
        access(*m_sim, m_parent, m_va, 1, true); // then the parent: reuse
        m_parentWriteEnd = m_sim->eventCount();
        const vm::WalkResult c = vm::translate(m_sim->current(), m_child, m_va);
        QVERIFY(c.ok);
        m_new = c.paddr >> 12;
        QVERIFY(m_new != m_old);
    }

    void emptyBeforeFork()
    {
        ViewContext ctx;
        showAt(ctx, *m_sim, m_spawnEnd);
        CowView view(&ctx);
        view.resize(1280, 720);
        QVERIFY(!view.hasPair());
        QVERIFY(view.pairs().empty());
        QVERIFY(!CowView::emptyHint().isEmpty());
        QVERIFY(!view.layoutAfter().isValid());
        const QImage img = view.grab().toImage();
        QVERIFY(inkShare(img) > 0.003); // the hint is drawn
        QVERIFY(!view.findChild<QComboBox*>()->isEnabled());
    }

    void afterForkEverythingIsShared()
    {
        ViewContext ctx;
        showAt(ctx, *m_sim, m_forkEnd);
        CowView view(&ctx);
        view.resize(1280, 720);
        QCOMPARE(view.pair(), std::make_pair(m_parent, m_child));
        QVERIFY(view.firstVa() <= m_buf + 3 * 4096);
        const CowLayout& l = view.layoutAfter();
        QVERIFY(l.isValid());
        QCOMPARE(int(l.rows().size()), view.rowCount());
        int shared = 0;
        for (const auto& row : l.rows()) {
            if (row.va < m_buf || row.va >= m_buf + 64 * KiB) continue;
            const CowEntry& a = row.entry[0];
            const CowEntry& b = row.entry[1];
            QVERIFY(a.present && b.present);
            QCOMPARE(a.pfn, b.pfn); // the same frame
            QVERIFY(a.cow && b.cow); // write-protected in both
            QVERIFY(!a.writable && !b.writable);
            QVERIFY(view.isSharedFrame(a.pfn));
            QCOMPARE(l.frame(a.pfn)->lane, 1);
            QCOMPARE(l.frame(a.pfn)->mapcount, 2);
            QVERIFY(view.isCowEntry(0, row.va) && view.isCowEntry(1, row.va));
            ++shared;
        }
        QVERIFY2(shared >= 3, qPrintable(QString::number(shared)));
        // Entry boxes do not overlap the frames.
        for (const auto& row : l.rows())
            for (const CowFrame& f : l.frames()) {
                QVERIFY(!row.rect[0].intersects(f.rect));
                QVERIFY(!row.rect[1].intersects(f.rect));
            }
    }

    void copyStepByStep_data()
    {
        QTest::addColumn<int>("type"); // the step shown
        QTest::addColumn<QString>("before"); // the child's line before the step: old / new
        QTest::addColumn<QString>("after");
        QTest::addColumn<bool>("inFlight"); // the new frame drawn, mapped by nobody
        QTest::addColumn<bool>("childCow"); // the child's entry still write-protected after the step
        QTest::newRow("the write fault") << int(EventType::PageFault) << u"old"_s << u"old"_s << false << true;
        QTest::newRow("a new frame") << int(EventType::FrameOwner) << u"old"_s << u"old"_s << true << true;
        QTest::newRow("the copy") << int(EventType::CowCopy) << u"old"_s << u"old"_s << true << true;
        QTest::newRow("the entry moves") << int(EventType::PteSet) << u"old"_s << u"new"_s << false << false;
    }
    void copyStepByStep()
    {
        QFETCH(int, type);
        QFETCH(QString, before);
        QFETCH(QString, after);
        QFETCH(bool, inFlight);
        QFETCH(bool, childCow);
        const auto t = static_cast<EventType>(type);
        const int leaf = static_cast<int>(m_sim->config().arch.levels.size()) - 1;
        const std::uint64_t n = stepOf(*m_sim, m_forkEnd, [&](const Event& e) {
            if (e.pid != m_child || e.type != t) return false;
            if (t == EventType::PteSet) return e.order == leaf && m_sim->config().arch.entry.pfn(e.b) == m_new;
            if (t == EventType::FrameOwner) return static_cast<FrameState>(e.a) == FrameState::Anon;
            return true;
        });
        QVERIFY(n > m_forkEnd && n <= m_childWriteEnd);
        ViewContext ctx;
        showAt(ctx, *m_sim, n, 0.5);
        CowView view(&ctx);
        view.resize(1280, 720);
        QCOMPARE(view.pair(), std::make_pair(m_parent, m_child));
        QVERIFY(view.fault().active);
        QCOMPARE(view.fault().pid, m_child);
        QCOMPARE(view.fault().kind, int(FaultKind::CowCopy));
        const auto pfnOf = [&](const QString& s) { return s == u"old"_s ? m_old : m_new; };
        QCOMPARE(view.lineTarget(1, m_va, false).value_or(0), pfnOf(before));
        QCOMPARE(view.lineTarget(1, m_va, true).value_or(0), pfnOf(after));
        // The parent's entry keeps pointing at the old frame all along.
        QCOMPARE(view.lineTarget(0, m_va, true).value_or(0), m_old);
        const CowFrame* fresh = view.layoutAfter().frame(m_new);
        QCOMPARE(fresh != nullptr, t != EventType::PageFault);
        if (fresh) {
            QCOMPARE(fresh->inFlight, inFlight);
            QCOMPARE(fresh->lane, 2); // on the child's side
            QCOMPARE(fresh->row, view.layoutAfter().rowOf(m_va));
        }
        QCOMPARE(view.isCowEntry(1, m_va), childCow);
        QVERIFY(view.isCowEntry(0, m_va));
        QCOMPARE(view.copyingTo().has_value(), t == EventType::CowCopy);
        if (t == EventType::CowCopy) QCOMPARE(*view.copyingTo(), m_new);
        if (t == EventType::PteSet) {
            // The old frame is the parent's alone now: it leaves the shared lane.
            QCOMPARE(view.layoutBefore().frame(m_old)->lane, 1);
            QCOMPARE(view.layoutAfter().frame(m_old)->lane, 0);
            QVERIFY(!view.isSharedFrame(m_old));
            QVERIFY(!view.isSharedFrame(m_new));
        } else {
            QVERIFY(view.isSharedFrame(m_old));
        }
        QVERIFY(inkShare(view.grab().toImage()) > 0.1);
    }

    void retriedAccessEndsTheFault()
    {
        // The TLB fill after the fault: the fault is over, its outcome still shown.
        const std::uint64_t n = stepOf(*m_sim, m_forkEnd, [&](const Event& e) {
            return e.type == EventType::TlbFill && e.pid == m_child && (e.flags & EventFlag::Retry);
        });
        QVERIFY(n && n <= m_childWriteEnd);
        ViewContext ctx;
        showAt(ctx, *m_sim, n, 1.0);
        CowView view(&ctx);
        view.resize(1280, 720);
        QVERIFY(!view.fault().active);
        QVERIFY(view.fault().finished);
        QCOMPARE(view.fault().kind, int(FaultKind::CowCopy));
        QCOMPARE(view.lineTarget(1, m_va).value_or(0), m_new);
        QVERIFY(!view.layoutAfter().frame(m_new)->inFlight);
        // One step later it is history: only its page stays in the window.
        showAt(ctx, *m_sim, n + 1, 1.0);
        QVERIFY(!view.fault().active && !view.fault().finished);
        QVERIFY(view.layoutAfter().rowOf(m_va) >= 0);
    }

    void parentReusesItsFrame()
    {
        const int leaf = static_cast<int>(m_sim->config().arch.levels.size()) - 1;
        const std::uint64_t fault = stepOf(*m_sim, m_childWriteEnd,
            [&](const Event& e) { return e.type == EventType::PageFault && e.pid == m_parent; });
        QVERIFY(fault);
        QCOMPARE(m_sim->events()[fault - 1].order, std::uint8_t(FaultKind::CowReuse));
        const std::uint64_t pte = stepOf(*m_sim, fault,
            [&](const Event& e) { return e.type == EventType::PteSet && e.pid == m_parent && e.order == leaf; });
        QVERIFY(pte && pte <= m_parentWriteEnd);
        ViewContext ctx;
        showAt(ctx, *m_sim, pte, 0.5);
        CowView view(&ctx);
        view.resize(1280, 720);
        QCOMPARE(view.fault().kind, int(FaultKind::CowReuse));
        // Same frame before and after, no copy; the entry unlocks.
        QCOMPARE(view.lineTarget(0, m_va, false).value_or(0), m_old);
        QCOMPARE(view.lineTarget(0, m_va, true).value_or(0), m_old);
        QVERIFY(view.layoutBefore().rows()[std::size_t(view.layoutBefore().rowOf(m_va))].entry[0].cow);
        QVERIFY(!view.isCowEntry(0, m_va));
        QVERIFY(view.layoutAfter().rows()[std::size_t(view.layoutAfter().rowOf(m_va))].entry[0].writable);
        QVERIFY(!view.copyingTo());
        QCOMPARE(view.layoutAfter().frame(m_old)->lane, 0);
        QVERIFY(!view.grab().isNull());
    }

    void windowFollowsTheFault()
    {
        // A later write far into the buffer moves the window there.
        auto sim = test::bootOwned(512 * MiB);
        const std::uint32_t p = spawn(*sim, "cow");
        Command mc = vmCommand(CommandType::Malloc, p);
        mc.len = 8 * MiB;
        const std::uint64_t buf = sim->apply(mc).value;
        access(*sim, p, buf, 8 * MiB, true);
        const auto c = static_cast<std::uint32_t>(sim->apply(vmCommand(CommandType::Fork, p)).value);
        const std::uint64_t far = buf + 5 * MiB + 7 * 4096;
        const std::uint64_t from = sim->eventCount();
        access(*sim, c, far, 1, true);
        const std::uint64_t n
            = stepOf(*sim, from, [&](const Event& e) { return e.type == EventType::CowCopy && e.pid == c; });
        QVERIFY(n);
        ViewContext ctx;
        showAt(ctx, *sim, n, 0.5);
        CowView view(&ctx);
        view.resize(1280, 720);
        QVERIFY(view.firstVa() <= far);
        QVERIFY(far < view.firstVa() + std::uint64_t(view.rowCount()) * 4096);
        QVERIFY(view.layoutAfter().rowOf(far) >= 0);
    }

    void choosingAPair()
    {
        auto sim = test::bootOwned(512 * MiB);
        const std::uint32_t p = spawn(*sim, "cow");
        const auto a = static_cast<std::uint32_t>(sim->apply(vmCommand(CommandType::Fork, p)).value);
        const auto b = static_cast<std::uint32_t>(sim->apply(vmCommand(CommandType::Fork, p)).value);
        const auto g = static_cast<std::uint32_t>(sim->apply(vmCommand(CommandType::Fork, a)).value);
        ViewContext ctx;
        showAt(ctx, *sim, sim->eventCount());
        CowView view(&ctx);
        view.resize(1280, 720);
        const auto all = view.pairs();
        QCOMPARE(all.size(), std::size_t(3));
        QVERIFY(std::find(all.begin(), all.end(), std::make_pair(a, g)) != all.end());
        QVERIFY(view.isFollowing());
        auto* box = view.findChild<QComboBox*>();
        QVERIFY(box);
        QCOMPARE(box->count(), 4); // follow + three pairs
        view.choosePair(p, b);
        QCOMPARE(view.pair(), std::make_pair(p, b));
        QVERIFY(!view.isFollowing());
        QCOMPARE(box->currentIndex(), box->findData(QVariant::fromValue<qulonglong>((qulonglong(p) << 32) | b)));
        view.followEvents();
        QVERIFY(view.isFollowing());
        QCOMPARE(box->currentIndex(), 0);
        // The selector pins a pair too.
        const int idx = box->findData(QVariant::fromValue<qulonglong>((qulonglong(a) << 32) | g));
        QVERIFY(idx > 0);
        box->setCurrentIndex(idx);
        emit box->activated(idx);
        QCOMPARE(view.pair(), std::make_pair(a, g));
    }

    void grabsAndScreenshots_data()
    {
        QTest::addColumn<QSize>("size");
        QTest::addColumn<int>("theme");
        QTest::addColumn<QString>("when");
        QTest::newRow("mid-copy 1280x720") << QSize(1280, 720) << int(Theme::Light) << u"midcopy"_s;
        QTest::newRow("mid-copy 1920x1080") << QSize(1920, 1080) << int(Theme::Light) << u"midcopy"_s;
        QTest::newRow("mid-copy 1280x720 dark") << QSize(1280, 720) << int(Theme::Dark) << u"midcopy"_s;
        QTest::newRow("after fork 1280x720") << QSize(1280, 720) << int(Theme::Light) << u"fork"_s;
        QTest::newRow("entry moves 1280x720") << QSize(1280, 720) << int(Theme::Light) << u"pte"_s;
        QTest::newRow("small 760x460") << QSize(760, 460) << int(Theme::Light) << u"midcopy"_s;
    }
    void grabsAndScreenshots()
    {
        QFETCH(QSize, size);
        QFETCH(int, theme);
        QFETCH(QString, when);
        const int leaf = static_cast<int>(m_sim->config().arch.levels.size()) - 1;
        std::uint64_t n = m_forkEnd;
        if (when == u"midcopy"_s)
            n = stepOf(*m_sim, m_forkEnd, [&](const Event& e) { return e.type == EventType::CowCopy; });
        if (when == u"pte"_s)
            n = stepOf(*m_sim, m_forkEnd, [&](const Event& e) {
                return e.type == EventType::PteSet && e.pid == m_child && e.order == leaf
                    && m_sim->config().arch.entry.pfn(e.b) == m_new;
            });
        QVERIFY(n);
        Palette::setTheme(static_cast<Theme>(theme));
        ViewContext ctx;
        showAt(ctx, *m_sim, n, 0.5);
        CowView view(&ctx);
        view.resize(size);
        const QImage img = view.grab().toImage();
        const double ink = inkShare(img);
        Palette::setTheme(Theme::Light);
        QVERIFY2(ink > 0.1, qPrintable(QString::number(ink)));
        const QString dir = qEnvironmentVariable("MEMVIZ_SCREENSHOTS");
        if (!dir.isEmpty()) {
            QDir().mkpath(dir);
            const QString name = u"cowview_%1_%2x%3%4.png"_s.arg(when)
                                     .arg(size.width())
                                     .arg(size.height())
                                     .arg(theme == int(Theme::Dark) ? u"_dark"_s : QString());
            QVERIFY(img.save(dir + u'/' + name));
        }
    }

private:
    std::unique_ptr<Simulator> m_sim;
    std::uint32_t m_parent = 0, m_child = 0;
    std::uint64_t m_buf = 0, m_va = 0;
    Pfn m_old = 0, m_new = 0;
    std::uint64_t m_spawnEnd = 0, m_forkEnd = 0, m_childWriteEnd = 0, m_parentWriteEnd = 0;
};

QTEST_MAIN(TestCowView)
#include "tst_cowview.moc"
