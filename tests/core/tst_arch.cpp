// Architecture specs: address splits, entry formats with x86 flag bits, and custom
// textbook specs (reference §9).
#include "TestUtil.h"
#include "arch/ArchSpec.h"

#include <QTest>

using namespace memviz;

class TestArch : public QObject {
    Q_OBJECT
private slots:
    void presetGeometry_data()
    {
        QTest::addColumn<QString>("preset");
        QTest::addColumn<int>("levels");
        QTest::addColumn<int>("vaBits");
        QTest::addColumn<int>("entryBytes");
        QTest::newRow("x86-32") << QStringLiteral("x86-32") << 2 << 32 << 4;
        QTest::newRow("x86-pae") << QStringLiteral("x86-pae") << 3 << 32 << 8;
        QTest::newRow("x86-64") << QStringLiteral("x86-64") << 4 << 48 << 8;
        QTest::newRow("x86-64-la57") << QStringLiteral("x86-64-la57") << 5 << 57 << 8;
    }

    void presetGeometry()
    {
        QFETCH(QString, preset);
        QFETCH(int, levels);
        QFETCH(int, vaBits);
        QFETCH(int, entryBytes);
        const ArchSpec a = *archPreset(preset.toStdString());
        QCOMPARE(static_cast<int>(a.levels.size()), levels);
        QCOMPARE(a.vaBits(), vaBits);
        QCOMPARE(a.entry.bytes, entryBytes);
    }

    void splitX86_64()
    {
        // The notes' mmap() result, 0x7f3d665fd000: bits 47-39, 38-30, 29-21, 20-12.
        const ArchSpec a = *archPreset("x86-64");
        const std::uint64_t va = 0x7f3d665fd123ull;
        const AddressSplit s = splitAddress(a, va);
        QCOMPARE(s.indices.size(), std::size_t(4));
        QCOMPARE(s.indices[0], (va >> 39) & 511);
        QCOMPARE(s.indices[1], (va >> 30) & 511);
        QCOMPARE(s.indices[2], (va >> 21) & 511);
        QCOMPARE(s.indices[3], (va >> 12) & 511);
        QCOMPARE(s.offset, std::uint64_t(0x123));
        QVERIFY(s.canonical);
        QVERIFY(splitAddress(a, 0xffff888000000000ull).canonical); // the direct map, sign-extended
        QVERIFY(!splitAddress(a, 0x0000800000000000ull).canonical); // the hole in the middle
    }

    void splitX86_32()
    {
        // 10/10/12: 0xc0101234 -> PGD 0x300, PTE 0x101, offset 0x234.
        const AddressSplit s = splitAddress(*archPreset("x86-32"), 0xc0101234u);
        QCOMPARE(s.indices[0], std::uint64_t(0x300));
        QCOMPARE(s.indices[1], std::uint64_t(0x101));
        QCOMPARE(s.offset, std::uint64_t(0x234));
    }

    void x86EntryBits_data()
    {
        QTest::addColumn<QString>("preset");
        QTest::addColumn<quint64>("pfn");
        QTest::addColumn<uint>("flags");
        QTest::addColumn<quint64>("entry");
        const uint prw = PteFlag::Present | PteFlag::Write;
        // P=bit0, R/W=bit1, U/S=bit2, A=bit5, D=bit6, PS=bit7, G=bit8, NX=bit63, frame from bit 12.
        QTest::newRow("64 P|RW") << QStringLiteral("x86-64") << quint64(0x1a2b3) << prw << quint64(0x1a2b3003);
        QTest::newRow("64 user A D NX")
            << QStringLiteral("x86-64") << quint64(5)
            << uint(PteFlag::Present | PteFlag::User | PteFlag::Accessed | PteFlag::Dirty | PteFlag::NoExec)
            << quint64(0x8000000000005065ull);
        QTest::newRow("64 huge global") << QStringLiteral("x86-64") << quint64(0x200)
                                        << uint(PteFlag::Present | PteFlag::Huge | PteFlag::Global)
                                        << quint64(0x200181);
        QTest::newRow("32 drops NX") << QStringLiteral("x86-32") << quint64(0xfffff)
                                     << uint(PteFlag::Present | PteFlag::NoExec) << quint64(0xfffff001);
    }

    void x86EntryBits()
    {
        QFETCH(QString, preset);
        QFETCH(quint64, pfn);
        QFETCH(uint, flags);
        QFETCH(quint64, entry);
        const EntryFormat f = archPreset(preset.toStdString())->entry;
        QCOMPARE(quint64(f.make(pfn, flags)), entry);
        QCOMPARE(quint64(f.pfn(entry)), pfn);
        QVERIFY(f.present(entry));
        const uint kept = f.nxBit < 0 ? flags & ~PteFlag::NoExec : flags;
        QCOMPARE(uint(f.flags(entry)), kept);
    }

    void textbookSpec()
    {
        // 32-byte pages, 32 KiB virtual space (15 bits: 5 + 5 index bits + 5 offset bits),
        // 4 KiB of physical memory (128 frames), 1-byte entries: valid bit 7, frame 0-6.
        auto v = ArchSpec::makeCustom(32, {5, 5}, 1, 7, 0, 7, 4096);
        QVERIFY(std::holds_alternative<ArchSpec>(v));
        const ArchSpec a = std::get<ArchSpec>(v);
        QCOMPARE(a.vaBits(), 15);
        QCOMPARE(a.entriesAt(0), std::uint64_t(32));
        const AddressSplit s = splitAddress(a, 0x611c); // 11000 01000 11100
        QCOMPARE(s.indices[0], std::uint64_t(0x18));
        QCOMPARE(s.indices[1], std::uint64_t(0x08));
        QCOMPARE(s.offset, std::uint64_t(0x1c));
        QVERIFY(s.canonical);
        QVERIFY(!splitAddress(a, 0x8000).canonical); // beyond 32 KiB
        QCOMPARE(a.entry.make(0x33, PteFlag::Present), std::uint64_t(0xb3));
        QCOMPARE(a.entry.pfn(0xb3), std::uint64_t(0x33));
        QVERIFY(!a.entry.present(0x33));
        QCOMPARE(a.entry.flags(0xb3), PteFlag::Present); // a custom format has no other flags
    }

    void badCustomSpecs_data()
    {
        QTest::addColumn<quint64>("page");
        QTest::addColumn<int>("bits");
        QTest::addColumn<int>("entryBytes");
        QTest::addColumn<int>("valid");
        QTest::addColumn<int>("pfnShift");
        QTest::addColumn<int>("pfnBits");
        QTest::addColumn<quint64>("phys");
        QTest::addColumn<QString>("field");
        QTest::newRow("page not a power of two") << quint64(48) << 5 << 1 << 7 << 0 << 7 << quint64(4608) << "pageSize";
        QTest::newRow("entry of 3 bytes") << quint64(32) << 5 << 3 << 7 << 0 << 7 << quint64(4096) << "entryBytes";
        QTest::newRow("valid bit outside entry") << quint64(32) << 5 << 1 << 8 << 0 << 7 << quint64(4096) << "validBit";
        QTest::newRow("valid bit inside pfn") << quint64(32) << 5 << 1 << 3 << 0 << 7 << quint64(4096) << "validBit";
        QTest::newRow("pfn too narrow") << quint64(32) << 5 << 1 << 7 << 0 << 6 << quint64(4096) << "pfnBits";
        QTest::newRow("level of 0 bits") << quint64(32) << 0 << 1 << 7 << 0 << 7 << quint64(4096) << "levelBits";
        QTest::newRow("physical not whole pages") << quint64(32) << 5 << 1 << 7 << 0 << 7 << quint64(4100) << "physBytes";
    }

    void badCustomSpecs()
    {
        QFETCH(quint64, page);
        QFETCH(int, bits);
        QFETCH(int, entryBytes);
        QFETCH(int, valid);
        QFETCH(int, pfnShift);
        QFETCH(int, pfnBits);
        QFETCH(quint64, phys);
        QFETCH(QString, field);
        auto v = ArchSpec::makeCustom(page, {bits, 5}, entryBytes, valid, pfnShift, pfnBits, phys);
        QVERIFY(std::holds_alternative<Error>(v));
        QCOMPARE(std::get<Error>(v).code, ErrorCode::BadArchSpec);
        QCOMPARE(QString::fromStdString(std::get<Error>(v).detail), field);
    }
};

QTEST_GUILESS_MAIN(TestArch)
#include "tst_arch.moc"
