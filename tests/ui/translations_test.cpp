#include "uifixtures.h"

#include "common/appsettings.h"
#include "common/translations.h"
#include "data/dataworkspace.h"
#include "shell/emptystatepanel.h"
#include "shell/mainwindow.h"

#include "support/testsupport.h"

#include <QMenuBar>
#include <QTest>

#include <gtest/gtest.h>

using namespace bankbench;
using bankbench::test::TempDir;

namespace {

/// Restores English for the tests that follow, whatever happens in the test.
struct EnglishAfterwards {
    ~EnglishAfterwards() { ui::installTranslations(QStringLiteral("en")); }
};

QStringList menuTitles(const QMainWindow& window) {
    QStringList titles;
    for (QAction* action : window.menuBar()->actions())
        titles << action->text();
    return titles;
}

} // namespace

TEST(Translations, LanguageFollowsTheSystemLocaleUnlessSet) {
    EXPECT_EQ(ui::resolveLanguage(QString(), QStringLiteral("zh_CN")), QStringLiteral("zh_CN"));
    EXPECT_EQ(ui::resolveLanguage(QString(), QStringLiteral("zh_TW")), QStringLiteral("zh_CN"));
    EXPECT_EQ(ui::resolveLanguage(QString(), QStringLiteral("de_DE")), QStringLiteral("en"));
    EXPECT_EQ(ui::resolveLanguage(QStringLiteral("en"), QStringLiteral("zh_CN")), QStringLiteral("en"));
    EXPECT_EQ(ui::resolveLanguage(QStringLiteral("zh_CN"), QStringLiteral("en_US")), QStringLiteral("zh_CN"));
    EXPECT_EQ(ui::resolveLanguage(QStringLiteral("xx"), QStringLiteral("en_US")), QStringLiteral("en"));
}

TEST(Translations, SwitchingToChineseLoadsChineseStrings) {
    EnglishAfterwards restore;
    TempDir dir;
    ui::AppSettings settings(QString::fromStdString(dir.file("settings.ini")));
    ASSERT_TRUE(ui::installTranslations(QStringLiteral("zh_CN")));
    EXPECT_EQ(ui::installedLanguage(), QStringLiteral("zh_CN"));
    {
        ui::MainWindow window(settings);
        EXPECT_EQ(menuTitles(window), (QStringList{QStringLiteral("项目(&P)"), QStringLiteral("视图(&V)"),
                                                   QStringLiteral("帮助(&H)")}));
        EXPECT_EQ(window.dataWorkspace()->title(), QStringLiteral("数据"));
        EXPECT_EQ(window.dataWorkspace()->emptyState()->title(), QStringLiteral("尚未打开项目"));
    }
    ASSERT_TRUE(ui::installTranslations(QStringLiteral("en")));
    ui::MainWindow english(settings);
    EXPECT_EQ(menuTitles(english),
              (QStringList{QStringLiteral("&Project"), QStringLiteral("&View"), QStringLiteral("&Help")}));
}

TEST(Translations, LanguageChoiceIsRemembered) {
    TempDir dir;
    const QString file = QString::fromStdString(dir.file("settings.ini"));
    {
        ui::AppSettings settings(file);
        EXPECT_TRUE(settings.language.get().isEmpty()); // system default until chosen
        settings.language = QStringLiteral("zh_CN");
    }
    ui::AppSettings reopened(file);
    EXPECT_EQ(reopened.language.get(), QStringLiteral("zh_CN"));
}

TEST(AppSettings, RecentProjectsAreMostRecentFirstWithoutDuplicatesOrMissingFiles) {
    TempDir dir;
    ui::AppSettings settings(QString::fromStdString(dir.file("settings.ini")));
    for (const char* name : {"a.bbproj", "b.bbproj", "c.bbproj"})
        test::writeFile(dir.path() / name, "x");
    const auto path = [&](const char* name) { return QString::fromStdString(dir.file(name)); };
    settings.addRecentProject(path("a.bbproj"));
    settings.addRecentProject(path("b.bbproj"));
    settings.addRecentProject(path("a.bbproj"));
    settings.addRecentProject(path("gone.bbproj"));
    settings.addRecentProject(path("c.bbproj"));
    EXPECT_EQ(settings.recentProjects(), (QStringList{path("c.bbproj"), path("a.bbproj"), path("b.bbproj")}));
    settings.clearRecentProjects();
    EXPECT_TRUE(settings.recentProjects().isEmpty());
}
