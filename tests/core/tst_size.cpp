// Byte sizes as people write them: parseSize accepts and rejects, formatSize prints.

#include "util/Size.h"

#include <QTest>

using namespace memviz;
using namespace Qt::StringLiterals;

class TestSize : public QObject {
    Q_OBJECT
private slots:
    void parse_data();
    void parse();
    void reject_data();
    void reject();
    void format_data();
    void format();
};

void TestSize::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qulonglong>("bytes");
    QTest::newRow("512M") << u"512M"_s << 536870912ull;
    QTest::newRow("8G") << u"8G"_s << 8589934592ull;
    QTest::newRow("1.5G") << u"1.5G"_s << 1610612736ull;
    QTest::newRow("4096") << u"4096"_s << 4096ull;
    QTest::newRow("2 GiB") << u"2 GiB"_s << 2147483648ull;
    QTest::newRow("lower case") << u"512m"_s << 536870912ull;
    QTest::newRow("MiB") << u"512MiB"_s << 536870912ull;
    QTest::newRow("MB means MiB") << u"512MB"_s << 536870912ull;
    QTest::newRow("Ki") << u"64Ki"_s << 65536ull;
    QTest::newRow("kb") << u"64kb"_s << 65536ull;
    QTest::newRow("T") << u"1T"_s << 1099511627776ull;
    QTest::newRow("1.5T") << u"1.5T"_s << 1649267441664ull;
    QTest::newRow("B") << u"5B"_s << 5ull;
    QTest::newRow("zero") << u"0"_s << 0ull;
    QTest::newRow("0M") << u"0M"_s << 0ull;
    QTest::newRow("spaces around") << u"  8G  "_s << 8589934592ull;
    QTest::newRow("1.25K") << u"1.25K"_s << 1280ull;
    QTest::newRow("0.1K truncates") << u"0.1K"_s << 102ull;
    QTest::newRow("4352M") << u"4352M"_s << 4563402752ull;
    QTest::newRow("largest") << u"18446744073709551615"_s << 18446744073709551615ull;
    QTest::newRow("16 EiB - 1 GiB") << u"17179869183G"_s << 18446744072635809792ull;
}

void TestSize::parse()
{
    QFETCH(QString, text);
    QFETCH(qulonglong, bytes);
    const auto v = parseSize(text.toStdString());
    QVERIFY(v.has_value());
    QCOMPARE(*v, std::uint64_t(bytes));
}

void TestSize::reject_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("empty") << QString();
    QTest::newRow("blank") << u"   "_s;
    QTest::newRow("-1") << u"-1"_s;
    QTest::newRow("-1G") << u"-1G"_s;
    QTest::newRow("12Q") << u"12Q"_s;
    QTest::newRow("1.5 (a fraction of a byte)") << u"1.5"_s;
    QTest::newRow("0.5B") << u"0.5B"_s;
    QTest::newRow("1.") << u"1."_s;
    QTest::newRow(".5G") << u".5G"_s;
    QTest::newRow("1e3") << u"1e3"_s;
    QTest::newRow("5iB") << u"5iB"_s;
    QTest::newRow("unit twice") << u"8GG"_s;
    QTest::newRow("8 G B") << u"8 G B"_s;
    QTest::newRow("trailing junk") << u"8G!"_s;
    QTest::newRow("overflow digits") << u"18446744073709551616"_s;
    QTest::newRow("overflow unit") << u"16777216T"_s;
    QTest::newRow("huge") << u"99999999999999999999999G"_s;
}

void TestSize::reject()
{
    QFETCH(QString, text);
    QVERIFY(!parseSize(text.toStdString()).has_value());
}

void TestSize::format_data()
{
    QTest::addColumn<qulonglong>("bytes");
    QTest::addColumn<QString>("text");
    QTest::newRow("0") << 0ull << u"0 B"_s;
    QTest::newRow("1000") << 1000ull << u"1000 B"_s;
    QTest::newRow("4096") << 4096ull << u"4 KiB"_s;
    QTest::newRow("1536") << 1536ull << u"1.5 KiB"_s;
    QTest::newRow("512M") << 536870912ull << u"512 MiB"_s;
    QTest::newRow("1.5G") << 1610612736ull << u"1.5 GiB"_s;
    QTest::newRow("8G") << 8589934592ull << u"8 GiB"_s;
    QTest::newRow("2T") << 2199023255552ull << u"2 TiB"_s;
    QTest::newRow("2048T stays in TiB") << 2251799813685248ull << u"2048 TiB"_s;
}

void TestSize::format()
{
    QFETCH(qulonglong, bytes);
    QFETCH(QString, text);
    QCOMPARE(QString::fromStdString(formatSize(bytes)), text);
    // Whole units read back as the same number of bytes.
    if (!text.contains(u'.')) QCOMPARE(parseSize(text.toStdString()), std::optional<std::uint64_t>(bytes));
}

QTEST_GUILESS_MAIN(TestSize)
#include "tst_size.moc"
