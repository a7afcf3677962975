#pragma once
/// Switching the user-interface language at run time (embedded .qm files).

#include <QString>

namespace memviz {

/// "en", "zh_CN", or empty for the system locale. Installs translators for memviz
/// and (when available) Qt's own dialogs; widgets retranslate on LanguageChange.
void applyLanguage(const QString& code);
QString currentLanguage();

} // namespace memviz
