#pragma once

#include <QList>
#include <QString>

namespace bankbench::ui {

struct LanguageChoice {
    QString code;       ///< "en", "zh_CN"
    QString nativeName; ///< shown in the language menu in its own script, never translated
};

/// The languages the GUI ships: English (the source strings) and Simplified Chinese.
QList<LanguageChoice> availableLanguages();

/// Maps the language setting to a shipped language: "" follows the system locale (any Chinese locale
/// gets Simplified Chinese, everything else English); an unknown code falls back to English.
QString resolveLanguage(const QString& setting, const QString& systemLocaleName);

/// Installs the translators for `code` ("en" or "zh_CN") on the running application, replacing those
/// installed before, and makes it the default QLocale. Returns false when the catalog could not be
/// loaded. GUI thread; widgets created afterwards read the new strings.
bool installTranslations(const QString& code);

/// The language installed by the last installTranslations() call ("en" before any).
QString installedLanguage();

} // namespace bankbench::ui
