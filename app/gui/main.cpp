// bankbench: the GUI entry point. Wiring only; everything it shows lives in bankbench_ui.

#include "common/appinfo.h"
#include "common/appsettings.h"
#include "common/projectsession.h"
#include "common/translations.h"
#include "data/datafilterbar.h"
#include "data/dataworkspace.h"
#include "shell/mainwindow.h"
#include "shell/screenshotter.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLineEdit>
#include <QLocale>
#include <QRegularExpression>

#include <memory>

namespace {

struct EarlyOptions {
    QString settingsFile;
    QString language;
};

// Settings and language must be known before the translated --help text can be built.
EarlyOptions scanEarlyOptions(const QStringList& arguments) {
    EarlyOptions early;
    for (qsizetype i = 1; i + 1 < arguments.size(); ++i) {
        if (arguments[i] == QLatin1String("--settings"))
            early.settingsFile = arguments[i + 1];
        else if (arguments[i] == QLatin1String("--language"))
            early.language = arguments[i + 1];
    }
    return early;
}

} // namespace

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    bankbench::ui::setApplicationIdentity();

    const EarlyOptions early = scanEarlyOptions(QApplication::arguments());
    auto settings = early.settingsFile.isEmpty()
                        ? std::make_unique<bankbench::ui::AppSettings>()
                        : std::make_unique<bankbench::ui::AppSettings>(early.settingsFile);
    const QString wanted = early.language.isEmpty() ? settings->language.get() : early.language;
    bankbench::ui::installTranslations(bankbench::ui::resolveLanguage(wanted, QLocale::system().name()));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Bankbench, a workbench for AI in retail banking."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("project"),
                                 QApplication::translate("main", "Project file (*.bbproj) to open."),
                                 QStringLiteral("[project]"));
    const QCommandLineOption languageOption(
        QStringLiteral("language"),
        QApplication::translate("main", "Interface language for this run: en or zh_CN."),
        QStringLiteral("code"));
    const QCommandLineOption settingsOption(
        QStringLiteral("settings"),
        QApplication::translate("main", "Read and write settings in this INI file."), QStringLiteral("file"));
    const QCommandLineOption screenshotOption(
        QStringLiteral("screenshot"),
        QApplication::translate("main", "Save a PNG of the window once the data has loaded, then quit."),
        QStringLiteral("png"));
    const QCommandLineOption sizeOption(QStringLiteral("size"),
                                        QApplication::translate("main", "Window size for --screenshot."),
                                        QStringLiteral("WxH"), QStringLiteral("1440x900"));
    const QCommandLineOption selectOption(
        QStringLiteral("select-row"),
        QApplication::translate("main", "Select this table row (1-based) for --screenshot."),
        QStringLiteral("row"));
    const QCommandLineOption searchOption(
        QStringLiteral("search"), QApplication::translate("main", "Start with this text in the search box."),
        QStringLiteral("text"));
    const QCommandLineOption importOption(
        QStringLiteral("import"),
        QApplication::translate("main", "Open the import dialog on this data file."), QStringLiteral("file"));
    parser.addOptions({languageOption, settingsOption, screenshotOption, sizeOption, selectOption,
                       searchOption, importOption});
    parser.process(app);

    bankbench::ui::MainWindow window(*settings);
    if (parser.isSet(searchOption)) {
        // After the first dataset is shown: choosing a dataset starts it unfiltered.
        QObject::connect(
            &window.session(), &bankbench::ui::ProjectSession::datasetsChanged, &window,
            [&window, text = parser.value(searchOption)] {
                window.dataWorkspace()->filterBar()->searchEdit()->setText(text);
            },
            static_cast<Qt::ConnectionType>(Qt::QueuedConnection | Qt::SingleShotConnection));
    }
    if (!parser.positionalArguments().isEmpty())
        window.openProject(parser.positionalArguments().first());
    if (parser.isSet(importOption)) {
        const QString file = parser.value(importOption);
        // The dialog needs the open project (its dataset names), so wait for it.
        QObject::connect(
            &window.session(), &bankbench::ui::ProjectSession::projectOpened, &window,
            [&window, file] { window.showImportDialog(file); }, Qt::SingleShotConnection);
    }

    std::unique_ptr<bankbench::ui::Screenshotter> screenshotter;
    if (parser.isSet(screenshotOption)) {
        const auto size =
            QRegularExpression(QStringLiteral("^(\\d+)x(\\d+)$")).match(parser.value(sizeOption));
        if (size.hasMatch())
            window.resize(size.captured(1).toInt(), size.captured(2).toInt());
        screenshotter = std::make_unique<bankbench::ui::Screenshotter>(
            window, parser.value(screenshotOption), parser.value(selectOption).toInt() - 1);
        QObject::connect(screenshotter.get(), &bankbench::ui::Screenshotter::done, &app,
                         [](bool saved) { QApplication::exit(saved ? 0 : 1); });
        screenshotter->start();
    }
    window.show();
    return app.exec();
}
