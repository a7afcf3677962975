// EventLogModel and EventLogView: one row per event, rows appended as the run grows,
// reset when it is cut back, filter by type, the current row follows the cursor and
// activating a row asks for a seek. The model runs under QAbstractItemModelTester.

#include "EventLogModel.h"
#include "TestUtil.h"
#include "EventLogView.h"
#include "ViewContext.h"
#include "sim/MachineConfig.h"
#include "sim/Simulator.h"
#include "vm/Vm.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QHeaderView>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using namespace memviz;
using namespace Qt::StringLiterals;

namespace {

/// What the app's controller does after a command: show the new end of the run.
void showEnd(ViewContext& ctx, const Simulator& sim)
{
    ctx.setSimulator(&sim);
    const std::uint64_t n = sim.eventCount();
    ctx.setState(sim.stateAt(n ? n - 1 : 0), sim.stateAt(n), n);
}

std::uint64_t bit(EventType t)
{
    return 1ull << static_cast<int>(t);
}

} // namespace

class TestEventLogModel : public QObject {
    Q_OBJECT
private slots:
    void rowsAreEvents();
    void appendsInsertRows();
    void truncateResets();
    void otherRunResets();
    void filterByType();
    void typesMatching();
    void texts();
    void commandLabels_data();
    void commandLabels();
    void kernelCommandsNameTheirCache();
    void vmSummariesNameFiles();
    void viewSelectsCurrentRow();
    void activationSeeks();
    void viewFilterEdit();
    void millionEvents();
};

void TestEventLogModel::rowsAreEvents()
{
    Simulator sim = test::boot("x86-64", "64M");
    ViewContext ctx;
    EventLogModel model(&ctx);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.columnCount(), int(EventLogModel::ColumnCount));
    showEnd(ctx, sim);
    QCOMPARE(model.rowCount(), 0);
    sim.apply(Command::allocPages(0));
    showEnd(ctx, sim);
    QCOMPARE(std::uint64_t(model.rowCount()), sim.eventCount());
    for (int r = 0; r < model.rowCount(); ++r) {
        QCOMPARE(model.eventIndex(r), std::uint64_t(r));
        QCOMPARE(model.index(r, 0).data(EventLogModel::EventIndexRole).toULongLong(), qulonglong(r));
        QCOMPARE(model.index(r, 0).data().toULongLong(), qulonglong(r + 1));
        QCOMPARE(model.index(r, 0).data(EventLogModel::EventTypeRole).toInt(), int(sim.events()[std::size_t(r)].type));
    }
}

void TestEventLogModel::appendsInsertRows()
{
    Simulator sim = test::boot("x86-64", "64M");
    ViewContext ctx;
    EventLogModel model(&ctx);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    showEnd(ctx, sim);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    for (int i = 0; i < 5; ++i) {
        const std::uint64_t before = sim.eventCount();
        sim.apply(Command::allocPages(i % 3));
        showEnd(ctx, sim);
        QCOMPARE(std::uint64_t(model.rowCount()), sim.eventCount());
        QCOMPARE(inserted.size(), i + 1);
        QCOMPARE(inserted.last().at(1).toInt(), int(before));
        QCOMPARE(inserted.last().at(2).toInt(), int(sim.eventCount() - 1));
    }
    QCOMPARE(reset.size(), 0);
    // Stepping back and forth without new events changes nothing.
    ctx.setState(sim.stateAt(1), sim.stateAt(2), 2);
    QCOMPARE(inserted.size(), 5);
    QCOMPARE(reset.size(), 0);
    // refresh() picks up events appended without a state change.
    sim.apply(Command::allocPages(0));
    model.refresh();
    QCOMPARE(std::uint64_t(model.rowCount()), sim.eventCount());
    QCOMPARE(reset.size(), 0);
}

void TestEventLogModel::truncateResets()
{
    Simulator sim = test::boot("x86-64", "64M");
    ViewContext ctx;
    EventLogModel model(&ctx);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    for (int i = 0; i < 4; ++i) sim.apply(Command::allocPages(0));
    showEnd(ctx, sim);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    // A new future after stepping back: fewer events, then more again with different content.
    sim.truncate(2);
    showEnd(ctx, sim);
    QCOMPARE(reset.size(), 1);
    QCOMPARE(std::uint64_t(model.rowCount()), sim.eventCount());
    const std::uint64_t cut = sim.eventCount();
    sim.truncate(1);
    sim.apply(Command::allocPages(3));
    sim.apply(Command::allocPages(3));
    QVERIFY(sim.eventCount() > cut);
    showEnd(ctx, sim);
    QCOMPARE(reset.size(), 2); // same or larger count, different events: still a reset
    QCOMPARE(std::uint64_t(model.rowCount()), sim.eventCount());
}

void TestEventLogModel::otherRunResets()
{
    Simulator a = test::boot("x86-64", "64M");
    a.apply(Command::allocPages(0));
    Simulator b = test::boot("x86-64", "64M");
    b.apply(Command::allocPages(5));
    ViewContext ctx;
    EventLogModel model(&ctx);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    showEnd(ctx, a);
    QCOMPARE(std::uint64_t(model.rowCount()), a.eventCount());
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    showEnd(ctx, b);
    QCOMPARE(reset.size(), 1);
    QCOMPARE(std::uint64_t(model.rowCount()), b.eventCount());
    ctx.setSimulator(nullptr);
    ctx.setState(Machine {}, Machine {}, 0);
    QCOMPARE(model.rowCount(), 0);
}

void TestEventLogModel::filterByType()
{
    Simulator sim = test::boot("x86-64", "64M");
    ViewContext ctx;
    EventLogModel model(&ctx);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const Pfn p = *sim.apply(Command::allocPages(0)).pfn;
    showEnd(ctx, sim);
    model.setTypeFilter(bit(EventType::BuddySplit));
    QCOMPARE(model.rowCount(), 8); // order 8 split down to order 0
    for (int r = 0; r < model.rowCount(); ++r) QCOMPARE(sim.events()[model.eventIndex(r)].type, EventType::BuddySplit);
    // Appended events of the type arrive as inserted rows, others are skipped.
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    sim.apply(Command::freePages(p, 0));
    showEnd(ctx, sim);
    QCOMPARE(inserted.size(), 0);
    model.setTypeFilter(bit(EventType::BuddySplit) | bit(EventType::BuddyMerge));
    QCOMPARE(model.rowCount(), 16);
    sim.apply(Command::allocPages(1));
    showEnd(ctx, sim);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(model.rowCount(), 16 + 7);
    // rowAtOrBefore maps a cursor to the nearest shown row.
    QCOMPARE(model.rowAtOrBefore(0), -1); // event 0 is a ZoneCheck, nothing shown before it
    QCOMPARE(model.rowAtOrBefore(1), 0);
    QCOMPARE(model.rowAtOrBefore(sim.eventCount() - 1), model.rowCount() - 1);
    model.setTypeFilter(EventLogModel::allTypes());
    QCOMPARE(std::uint64_t(model.rowCount()), sim.eventCount());
    model.setTypeFilter(0);
    QCOMPARE(model.rowCount(), 0);
}

void TestEventLogModel::typesMatching()
{
    QCOMPARE(EventLogModel::typesMatching(QString()), EventLogModel::allTypes());
    QCOMPARE(EventLogModel::typesMatching(u"split"_s), bit(EventType::BuddySplit) | bit(EventType::ThpSplit));
    QCOMPARE(EventLogModel::typesMatching(u"MERGE"_s), bit(EventType::BuddyMerge));
    QCOMPARE(
        EventLogModel::typesMatching(u"watermark"_s), bit(EventType::ZoneCheck) | bit(EventType::WatermarkCrossed));
    QVERIFY(EventLogModel::typesMatching(u"buddy"_s) & bit(EventType::BuddyAlloc)); // internal names match too
    QCOMPARE(EventLogModel::typesMatching(u"nothing-like-this"_s), 0ull);
}

void TestEventLogModel::texts()
{
    Simulator sim = test::boot("x86-64", "64M");
    sim.apply(Command::allocPages(0));
    ViewContext ctx;
    EventLogModel model(&ctx);
    showEnd(ctx, sim);
    const QModelIndex cmd = model.index(1, EventLogModel::CommandColumn);
    QCOMPARE(cmd.data().toString(), u"#1 alloc_pages(order 0, Normal)"_s);
    QCOMPARE(model.index(1, EventLogModel::TypeColumn).data().toString(), u"Split"_s);
    QVERIFY(model.index(1, EventLogModel::SummaryColumn).data().toString().startsWith(u"Split order-8 block 0x3e00"_s));
    QVERIFY(!model.headerData(EventLogModel::SummaryColumn, Qt::Horizontal).toString().isEmpty());
    QCOMPARE(EventLogModel::commandText(Command::freePages(0x3e00, 2)), u"free_pages(0x3e00, order 2)"_s);
}

Q_DECLARE_METATYPE(memviz::Command)

void TestEventLogModel::commandLabels_data()
{
    QTest::addColumn<Command>("command");
    QTest::addColumn<QString>("label");
    const auto vmc = [](CommandType t, std::uint32_t pid, auto&& fill) {
        Command c = vmCommand(t, pid);
        fill(c);
        return c;
    };
    const auto none = [](Command&) {};
    QTest::newRow("alloc_pages") << Command::allocPages(3, ZoneType::DMA32) << u"alloc_pages(order 3, DMA32)"_s;
    QTest::newRow("spawn") << vmc(CommandType::Spawn, 0, [](Command& c) { c.text = "cow"; }) << u"spawn \"cow\""_s;
    QTest::newRow("fork") << vmc(CommandType::Fork, 1000, none) << u"fork() in PID 1000"_s;
    QTest::newRow("exit") << vmc(CommandType::Exit, 1001, [](Command& c) { c.len = 3; }) << u"exit(3) in PID 1001"_s;
    QTest::newRow("mmap anonymous") << vmc(CommandType::Mmap, 1000, [](Command& c) {
        c.len = 100 << 20;
        c.prot = Prot::Read | Prot::Write;
        c.mapFlags = MapFlag::Private | MapFlag::Anonymous;
    }) << u"mmap(NULL, 100 MiB, rw-, private anonymous) in PID 1000"_s;
    QTest::newRow("mmap shared file") << vmc(CommandType::Mmap, 1000, [](Command& c) {
        c.addr = 0x7f0000000000;
        c.len = 8192;
        c.prot = Prot::Read;
        c.mapFlags = MapFlag::Shared;
        c.text = "testfile";
        c.offset = 4096;
    }) << u"mmap(0x7f0000000000, 8 KiB, r--, shared, \"testfile\" at offset 4096) in PID 1000"_s;
    QTest::newRow("munmap") << vmc(CommandType::Munmap, 1000, [](Command& c) {
        c.addr = 0x7f0000000000;
        c.len = 4096;
    }) << u"munmap(0x7f0000000000, 4 KiB) in PID 1000"_s;
    QTest::newRow("mprotect") << vmc(CommandType::Mprotect, 1000, [](Command& c) {
        c.addr = 0x7f0000000000;
        c.len = 4096;
        c.prot = Prot::Read | Prot::Exec;
    }) << u"mprotect(0x7f0000000000, 4 KiB, r-x) in PID 1000"_s;
    QTest::newRow("brk") << vmc(CommandType::Brk, 1000, [](Command& c) { c.addr = 0x5600000a1000; })
                         << u"brk(0x5600000a1000) in PID 1000"_s;
    QTest::newRow("read") << vmc(CommandType::Access, 1000, [](Command& c) {
        c.addr = 0x7f3a2c000000;
        c.len = 100 << 20;
    }) << u"read 100 MiB at 0x7f3a2c000000 in PID 1000"_s;
    QTest::newRow("write") << vmc(CommandType::Access, 1000, [](Command& c) {
        c.addr = 0x7f3a2c000000;
        c.len = 4;
        c.write = true;
    }) << u"write 4 B at 0x7f3a2c000000 in PID 1000"_s;
    QTest::newRow("write data") << vmc(CommandType::Access, 1000, [](Command& c) {
        c.addr = 0x7f3a2c000000;
        c.data = "HELLO";
    }) << u"write 5 bytes at 0x7f3a2c000000 in PID 1000"_s;
    QTest::newRow("malloc") << vmc(CommandType::Malloc, 1000, [](Command& c) { c.len = 1024; })
                            << u"malloc(1024) in PID 1000"_s;
    QTest::newRow("free") << vmc(CommandType::Free, 1000, [](Command& c) { c.addr = 0x5600000a0010; })
                          << u"free(0x5600000a0010) in PID 1000"_s;
    QTest::newRow("file create") << vmc(CommandType::FileCreate, 0, [](Command& c) {
        c.text = "testfile";
        c.len = 6;
    }) << u"create file \"testfile\" (6 B)"_s;
    QTest::newRow("phys write") << vmc(CommandType::PhysWrite, 0, [](Command& c) {
        c.addr = 0x1000;
        c.data = "AB";
    }) << u"write 2 bytes at physical 0x1000"_s;
    QTest::newRow("set CR3") << vmc(CommandType::SetPageTableBase, 0, [](Command& c) { c.pfn = 0x20; })
                             << u"set CR3 to frame 0x20"_s;
    QTest::newRow("translate from CR3") << vmc(CommandType::Translate, 0, [](Command& c) { c.addr = 0x1234; })
                                        << u"translate 0x1234 from CR3"_s;
    QTest::newRow("translate in a process")
        << vmc(CommandType::Translate, 1000, [](Command& c) { c.addr = 0x1234; }) << u"translate 0x1234 in PID 1000"_s;
    QTest::newRow("switch") << vmc(CommandType::Switch, 1001, none) << u"switch to PID 1001"_s;
    // The kernel's own memory and NUMA nodes.
    Command node = Command::allocPages(2);
    node.node = 1;
    QTest::newRow("alloc_pages_node") << node << u"alloc_pages_node(node 1, order 2, Normal)"_s;
    QTest::newRow("spawn on a node") << vmc(CommandType::Spawn, 0, [](Command& c) {
        c.text = "remote";
        c.node = 1;
    }) << u"spawn \"remote\" on node 1"_s;
    QTest::newRow("kmem_cache_create") << vmc(CommandType::KmemCacheCreate, 0, [](Command& c) {
        c.text = "my_obj";
        c.len = 100;
    }) << u"kmem_cache_create(\"my_obj\", 100)"_s;
    QTest::newRow("kmem_cache_create aligned") << vmc(CommandType::KmemCacheCreate, 0, [](Command& c) {
        c.text = "my_obj";
        c.len = 100;
        c.step = 64;
    }) << u"kmem_cache_create(\"my_obj\", 100, align 64)"_s;
    QTest::newRow("kmem_cache_alloc") << vmc(CommandType::KmemCacheAlloc, 0, [](Command& c) { c.pfn = 3; })
                                      << u"kmem_cache_alloc(cache 3)"_s;
    QTest::newRow("kmem_cache_alloc_node") << vmc(CommandType::KmemCacheAlloc, 0, [](Command& c) {
        c.pfn = 3;
        c.node = 0;
    }) << u"kmem_cache_alloc_node(cache 3, node 0)"_s;
    QTest::newRow("kmem_cache_free") << vmc(CommandType::KmemCacheFree, 0, [](Command& c) {
        c.pfn = 3;
        c.addr = 0xffff888002000080;
    }) << u"kmem_cache_free(cache 3, 0xffff888002000080)"_s;
    QTest::newRow("kmem_cache_shrink") << vmc(CommandType::KmemCacheShrink, 0, [](Command& c) { c.pfn = 3; })
                                       << u"kmem_cache_shrink(cache 3)"_s;
    QTest::newRow("kmalloc") << vmc(CommandType::Kmalloc, 0, [](Command& c) { c.len = 100; }) << u"kmalloc(100)"_s;
    QTest::newRow("kfree") << vmc(CommandType::Kfree, 0, [](Command& c) { c.addr = 0xffff888002000080; })
                           << u"kfree(0xffff888002000080)"_s;
    QTest::newRow("vmalloc") << vmc(CommandType::Vmalloc, 0, [](Command& c) { c.len = 64 << 10; })
                             << u"vmalloc(64 KiB)"_s;
    QTest::newRow("vmalloc_node") << vmc(CommandType::Vmalloc, 0, [](Command& c) {
        c.len = 1 << 20;
        c.node = 1;
    }) << u"vmalloc_node(1 MiB, node 1)"_s;
    QTest::newRow("vfree") << vmc(CommandType::Vfree, 0, [](Command& c) { c.addr = 0xffffc90000000000; })
                           << u"vfree(0xffffc90000000000)"_s;
    QTest::newRow("kmap") << vmc(CommandType::Kmap, 0, [](Command& c) { c.pfn = 0x3a000; }) << u"kmap(pfn 0x3a000)"_s;
    QTest::newRow("kmap_local_page") << vmc(CommandType::Kmap, 0, [](Command& c) {
        c.pfn = 0x3a000;
        c.write = true;
    }) << u"kmap_local_page(pfn 0x3a000)"_s;
    QTest::newRow("kunmap") << vmc(CommandType::Kunmap, 0, [](Command& c) { c.pfn = 0x3a000; })
                            << u"kunmap(pfn 0x3a000)"_s;
    QTest::newRow("kunmap_local") << vmc(CommandType::Kunmap, 0, [](Command& c) {
        c.addr = 0xfffbb000;
        c.write = true;
    }) << u"kunmap_local(0xfffbb000)"_s;
}

void TestEventLogModel::commandLabels()
{
    QFETCH(Command, command);
    QFETCH(QString, label);
    QCOMPARE(EventLogModel::commandText(command), label);
}

void TestEventLogModel::kernelCommandsNameTheirCache()
{
    // In the log the cache a kmem_cache_* command names is shown by its name.
    Simulator sim = test::boot("x86-64", "64M");
    Command cc = vmCommand(CommandType::KmemCacheCreate, 0);
    cc.text = "my_obj";
    cc.len = 100;
    const std::uint64_t cache = sim.apply(cc).value;
    Command ca = vmCommand(CommandType::KmemCacheAlloc, 0);
    ca.pfn = cache;
    const CommandResult r = sim.apply(ca);
    QVERIFY(!r.error && r.value);
    ViewContext ctx;
    EventLogModel model(&ctx);
    showEnd(ctx, sim);
    const QString label = model.index(static_cast<int>(r.firstEvent), EventLogModel::CommandColumn).data().toString();
    QCOMPARE(label, u"#2 kmem_cache_alloc(my_obj)"_s);
    QCOMPARE(model.index(0, EventLogModel::CommandColumn).data().toString(), u"#1 kmem_cache_create(\"my_obj\", 100)"_s);
}

void TestEventLogModel::vmSummariesNameFiles()
{
    // The boot machine knows no file; the rows still name the file a page-cache event reads.
    Simulator sim = test::boot("x86-64", "256M");
    Command fc = vmCommand(CommandType::FileCreate, 0);
    fc.text = "testfile";
    fc.len = 6;
    QVERIFY(!sim.apply(fc).error);
    Command sp = vmCommand(CommandType::Spawn, 0);
    sp.text = "cow";
    const auto pid = static_cast<std::uint32_t>(sim.apply(sp).value);
    QVERIFY(pid);
    ViewContext ctx;
    EventLogModel model(&ctx);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    showEnd(ctx, sim);
    model.setTypeFilter(bit(EventType::PageCacheAdd));
    QVERIFY(model.rowCount() > 0);
    QVERIFY(model.index(0, EventLogModel::SummaryColumn).data().toString().contains(u"/cow"_s));
    QCOMPARE(model.index(0, EventLogModel::CommandColumn).data().toString(), u"#2 spawn \"cow\""_s);
    QCOMPARE(model.index(0, EventLogModel::TypeColumn).data().toString(), u"Add to page cache"_s);
}

void TestEventLogModel::viewSelectsCurrentRow()
{
    Simulator sim = test::boot("x86-64", "64M");
    for (int i = 0; i < 3; ++i) sim.apply(Command::allocPages(0));
    ViewContext ctx;
    EventLogView view(&ctx);
    view.resize(view.sizeHint());
    showEnd(ctx, sim);
    const auto current = [&] { return view.table()->selectionModel()->currentIndex().row(); };
    QCOMPARE(std::uint64_t(current()), sim.eventCount() - 1);
    ctx.setState(sim.stateAt(4), sim.stateAt(5), 5);
    QCOMPARE(current(), 4);
    QVERIFY(view.table()->selectionModel()->isRowSelected(4, {}));
    ctx.setState(sim.stateAt(0), sim.stateAt(0), 0);
    QVERIFY(!view.table()->selectionModel()->hasSelection());
}

void TestEventLogModel::activationSeeks()
{
    Simulator sim = test::boot("x86-64", "64M");
    sim.apply(Command::allocPages(0));
    ViewContext ctx;
    EventLogView view(&ctx);
    view.resize(view.sizeHint());
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    showEnd(ctx, sim);
    QSignalSpy seek(&ctx, &ViewContext::seekRequested);
    // Moving the cursor selects a row but never asks for a seek.
    ctx.setState(sim.stateAt(2), sim.stateAt(3), 3);
    QCOMPARE(seek.size(), 0);

    QTableView* table = view.table();
    const QModelIndex idx = view.model()->index(5, EventLogModel::SummaryColumn);
    table->scrollTo(idx);
    const QPoint at = table->visualRect(idx).center();
    // A widget double-click in QTest is only the DblClick event: press and release first, as a mouse does.
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, at);
    QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, at);
    QVERIFY(!seek.isEmpty());
    QCOMPARE(seek.last().at(0).toULongLong(), 6ull); // row + 1 = events applied

    const qsizetype before = seek.size();
    table->setCurrentIndex(view.model()->index(2, 0));
    QTest::keyClick(table, Qt::Key_Return);
    QCOMPARE(seek.size(), before + 1);
    QCOMPARE(seek.last().at(0).toULongLong(), 3ull);

    // Filtered: the seek goes to the event of the row, not to the row number.
    view.setFilterText(u"alloc"_s);
    const int rows = view.model()->rowCount();
    QVERIFY(rows >= 1);
    const QModelIndex last = view.model()->index(rows - 1, 0);
    emit table->activated(last);
    QCOMPARE(seek.last().at(0).toULongLong(), qulonglong(view.model()->eventIndex(rows - 1) + 1));
}

void TestEventLogModel::viewFilterEdit()
{
    Simulator sim = test::boot("x86-64", "64M");
    sim.apply(Command::allocPages(0));
    ViewContext ctx;
    EventLogView view(&ctx);
    showEnd(ctx, sim);
    QTest::keyClicks(view.filterEdit(), u"merge"_s);
    QCOMPARE(view.model()->rowCount(), 0); // no merges yet
    view.filterEdit()->clear();
    QCOMPARE(std::uint64_t(view.model()->rowCount()), sim.eventCount());
    view.setFilterText(u"Split"_s);
    QCOMPARE(view.filterEdit()->text(), u"Split"_s);
    QCOMPARE(view.model()->rowCount(), 8);
    // The current event (an allocation) is filtered out: the nearest split before it is current.
    QCOMPARE(view.table()->selectionModel()->currentIndex().row(), 7);
    QEvent change(QEvent::LanguageChange);
    QCoreApplication::sendEvent(&view, &change);
    QCOMPARE(view.model()->rowCount(), 8);
}

void TestEventLogModel::millionEvents()
{
    Simulator sim = test::boot("x86-64", "64M");
    sim.setCheckpointPolicy(1u << 16, 64ull << 20);
    // Each alloc/free pair of an order-0 page produces about 20 events (split chain, merge chain).
    while (sim.eventCount() < 1'000'000) {
        const Pfn p = *sim.apply(Command::allocPages(0)).pfn;
        sim.apply(Command::freePages(p, 0));
    }
    ViewContext ctx;
    EventLogView view(&ctx);
    view.resize(view.sizeHint());
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QElapsedTimer timer;
    timer.start();
    ctx.setSimulator(&sim);
    const std::uint64_t n = sim.eventCount();
    ctx.setState(sim.stateAt(n - 1), sim.stateAt(n), n);
    QCoreApplication::processEvents();
    QCOMPARE(std::uint64_t(view.model()->rowCount()), n);
    QCOMPARE(view.table()->selectionModel()->currentIndex().row(), int(n - 1));
    const qint64 show = timer.restart();
    // Appending one more command inserts rows, it does not rebuild.
    const Pfn p = *sim.apply(Command::allocPages(0)).pfn;
    Q_UNUSED(p);
    ctx.setState(sim.stateAt(n), sim.stateAt(n + 1), n + 1);
    QCoreApplication::processEvents();
    const qint64 append = timer.restart();
    view.setFilterText(u"merge"_s);
    QCoreApplication::processEvents();
    const qint64 filter = timer.elapsed();
    qInfo("%llu events: show %lld ms, append %lld ms, filter %lld ms", static_cast<unsigned long long>(n), show, append,
        filter);
    QVERIFY2(show < 3000, qPrintable(QString::number(show)));
    QVERIFY2(append < 500, qPrintable(QString::number(append)));
    QVERIFY2(filter < 3000, qPrintable(QString::number(filter)));
}

QTEST_MAIN(TestEventLogModel)
#include "tst_eventlogmodel.moc"
