#include "Language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace memviz {

namespace {
QTranslator* g_app = nullptr;
QTranslator* g_qt = nullptr;
QString g_current;
} // namespace

void applyLanguage(const QString& code)
{
    QString lang = code;
    if (lang.isEmpty()) lang = QLocale::system().name().startsWith(QLatin1String("zh")) ? QStringLiteral("zh_CN") : QStringLiteral("en");
    if (g_app) {
        QCoreApplication::removeTranslator(g_app);
        delete g_app;
        g_app = nullptr;
    }
    if (g_qt) {
        QCoreApplication::removeTranslator(g_qt);
        delete g_qt;
        g_qt = nullptr;
    }
    g_current = lang;
    QLocale::setDefault(QLocale(lang == QLatin1String("zh_CN") ? QLocale::Chinese : QLocale::English,
                                lang == QLatin1String("zh_CN") ? QLocale::China : QLocale::UnitedStates));
    if (lang == QLatin1String("en")) {
        // English is the source language: removing translators sends LanguageChange too.
        QEvent ev(QEvent::LanguageChange);
        QCoreApplication::sendEvent(QCoreApplication::instance(), &ev);
        return;
    }
    g_app = new QTranslator;
    if (g_app->load(QStringLiteral(":/i18n/memviz_%1.qm").arg(lang))) QCoreApplication::installTranslator(g_app);
    g_qt = new QTranslator;
    if (g_qt->load(QStringLiteral("qtbase_%1").arg(lang), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(g_qt);
}

QString currentLanguage() { return g_current; }

} // namespace memviz
