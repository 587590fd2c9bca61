#include "common/translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QPointer>
#include <QTranslator>

namespace bankbench::ui {

namespace {

QList<QPointer<QTranslator>>& installedTranslators() {
    static QList<QPointer<QTranslator>> translators;
    return translators;
}

QString& currentLanguage() {
    static QString language = QStringLiteral("en");
    return language;
}

void removeInstalledTranslators() {
    for (const QPointer<QTranslator>& translator : installedTranslators()) {
        if (translator) {
            QCoreApplication::removeTranslator(translator);
            delete translator;
        }
    }
    installedTranslators().clear();
}

bool installFrom(const QString& fileName, const QString& directory) {
    auto* translator = new QTranslator(QCoreApplication::instance());
    if (!translator->load(fileName, directory)) {
        delete translator;
        return false;
    }
    QCoreApplication::installTranslator(translator);
    installedTranslators().push_back(translator);
    return true;
}

} // namespace

QList<LanguageChoice> availableLanguages() {
    return {{QStringLiteral("en"), QStringLiteral("English")},
            {QStringLiteral("zh_CN"), QStringLiteral("简体中文")}};
}

QString resolveLanguage(const QString& setting, const QString& systemLocaleName) {
    const QString wanted = setting.isEmpty() ? systemLocaleName : setting;
    if (wanted.startsWith(QLatin1String("zh"), Qt::CaseInsensitive))
        return QStringLiteral("zh_CN");
    return QStringLiteral("en");
}

bool installTranslations(const QString& code) {
    removeInstalledTranslators();
    currentLanguage() = QStringLiteral("en");
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    if (code == QLatin1String("en"))
        return true;

    // Our catalog is embedded by qt_add_translations; Qt's own (dialog buttons, file dialog) comes from
    // the system when the package is installed, and its absence is not an error.
    if (!installFrom(QStringLiteral("bankbench_") + code, QStringLiteral(":/i18n")))
        return false;
    installFrom(QStringLiteral("bankbench_qt_") + code, QStringLiteral(":/i18n"));
    installFrom(QStringLiteral("qtbase_") + code, QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    currentLanguage() = code;
    QLocale::setDefault(QLocale(code));
    return true;
}

QString installedLanguage() {
    return currentLanguage();
}

} // namespace bankbench::ui
