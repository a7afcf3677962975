// Translations: app-level texts (errors, view titles, command-line help) really
// switch to Simplified Chinese, and back.
#include "ErrorText.h"
#include "Language.h"
#include "Views.h"

#include <QApplication>
#include <QtTest>

using namespace memviz;

class TestLanguage : public QObject {
    Q_OBJECT
private slots:
    void cleanup() { applyLanguage(QStringLiteral("en")); }

    void chineseTexts_data()
    {
        QTest::addColumn<QString>("english");
        QTest::addColumn<QString>("chinese");
        QTest::newRow("order error") << errorText(Error{ErrorCode::OrderOutOfRange, 11, 10, {}}) << QStringLiteral("阶");
        QTest::newRow("double free") << errorText(Error{ErrorCode::NotAllocated, 5, 0, {}}) << QStringLiteral("重复释放");
        QTest::newRow("view title") << viewCatalogue().first().title << QStringLiteral("伙伴分配器");
    }

    void chineseTexts()
    {
        QFETCH(QString, english);
        QFETCH(QString, chinese);
        QVERIFY(!english.contains(chinese));
        applyLanguage(QStringLiteral("zh_CN"));
        const QString translated = QTest::currentDataTag() == QByteArray("view title")
            ? viewCatalogue().first().title
            : QTest::currentDataTag() == QByteArray("order error") ? errorText(Error{ErrorCode::OrderOutOfRange, 11, 10, {}})
                                                                    : errorText(Error{ErrorCode::NotAllocated, 5, 0, {}});
        QVERIFY2(translated.contains(chinese), qPrintable(translated));
        applyLanguage(QStringLiteral("en"));
        QCOMPARE(QTest::currentDataTag() == QByteArray("view title") ? viewCatalogue().first().title : english, english);
    }
};

QTEST_MAIN(TestLanguage)
#include "tst_language.moc"
