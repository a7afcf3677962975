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
        QTest::addColumn<int>("which");
        QTest::addColumn<QString>("chinese");
        QTest::newRow("order error") << 0 << QStringLiteral("阶");
        QTest::newRow("double free") << 1 << QStringLiteral("重复释放");
        QTest::newRow("view title") << 2 << QStringLiteral("伙伴分配器");
    }

    void chineseTexts()
    {
        QFETCH(int, which);
        QFETCH(QString, chinese);
        const auto text = [which] {
            switch (which) {
            case 0: return errorText(Error{ErrorCode::OrderOutOfRange, 11, 10, {}});
            case 1: return errorText(Error{ErrorCode::NotAllocated, 5, 0, {}});
            default: return viewCatalogue().first().title;
            }
        };
        const QString english = text();
        QVERIFY(!english.contains(chinese));
        applyLanguage(QStringLiteral("zh_CN"));
        QVERIFY2(text().contains(chinese), qPrintable(text()));
        applyLanguage(QStringLiteral("en"));
        QCOMPARE(text(), english);
    }
};

QTEST_MAIN(TestLanguage)
#include "tst_language.moc"
