// Pictures of states a command-line screenshot cannot reach (a running import, dialogs), in English and
// Chinese, for people to look at. Writes PNGs to BANKBENCH_SHOTS_DIR; skipped when it is unset.

#include "uifixtures.h"

#include "common/appsettings.h"
#include "common/projectsession.h"
#include "common/translations.h"
#include "demo/demogenerator.h"
#include "data/datafilterbar.h"
#include "data/dataworkspace.h"
#include "data/recordtablemodel.h"
#include "jobs/importjob.h"
#include "jobs/jobindicator.h"
#include "shell/aboutdialog.h"
#include "shell/mainwindow.h"

#include "support/testsupport.h"

#include <QDir>
#include <QLineEdit>
#include <QPixmap>
#include <QPointer>
#include <QTest>

#include <gtest/gtest.h>

#include <cstdlib>

using namespace bankbench;
using bankbench::test::qs;

namespace {

class Screenshots : public ::testing::TestWithParam<const char*> {
protected:
    void SetUp() override {
        const char* dir = std::getenv("BANKBENCH_SHOTS_DIR");
        if (!dir)
            GTEST_SKIP() << "set BANKBENCH_SHOTS_DIR to write screenshots";
        m_out = QDir(QString::fromUtf8(dir));
        ASSERT_TRUE(ui::installTranslations(QString::fromUtf8(GetParam())));
    }
    void TearDown() override { ui::installTranslations(QStringLiteral("en")); }

    QString shot(const QString& name) const {
        return m_out.filePath(name + QLatin1Char('-') + QString::fromUtf8(GetParam()) +
                              QStringLiteral(".png"));
    }

    QDir m_out;
    test::TempDir m_dir;
};

} // namespace

TEST_P(Screenshots, EmptyStateRunningImportAndAbout) {
    ui::AppSettings settings(qs(m_dir.file("settings.ini")));
    ui::MainWindow window(settings);
    window.resize(1280, 800);
    window.show();
    ASSERT_TRUE(window.grab().save(shot(QStringLiteral("empty")), "PNG"));

    const std::string project = m_dir.file("shots.bbproj");
    test::createFixtureProject(project);
    window.openProject(qs(project));
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return window.session().isOpen() && window.dataWorkspace()->model()->isIdle(); }, 10000));
    const std::string csv = m_dir.file("calls.csv");
    test::writeCsv(csv, 600000);
    core::ImportOptions options;
    options.path = csv;
    options.datasetName = "calls";
    window.startImport(options);
    QPointer<ui::ImportJob> job = qobject_cast<ui::ImportJob*>(window.currentJob());
    ASSERT_TRUE(QTest::qWaitFor([&] { return !job || job->lastProgress().rowsImported > 50000; }, 30000));
    ASSERT_TRUE(job) << "the import ended before the picture";
    ASSERT_TRUE(window.grab().save(shot(QStringLiteral("importing")), "PNG"));
    job->cancel();
    ASSERT_TRUE(QTest::qWaitFor([&] { return window.currentJob() == nullptr; }, 30000));

    ui::AboutDialog about(&window);
    about.show();
    ASSERT_TRUE(QTest::qWaitFor([&] { return about.isRuntimeKnown(); }, 30000));
    ASSERT_TRUE(about.grab().save(shot(QStringLiteral("about")), "PNG"));
}

// The Data workspace on the demo project, narrowed by a Chinese search (the bb_text search index).
TEST_P(Screenshots, DataWorkspaceWithAChineseSearch) {
    const std::string project = m_dir.file("demo.bbproj");
    ASSERT_TRUE(core::createDemoProject(project).ok());
    ui::AppSettings settings(qs(m_dir.file("settings.ini")));
    ui::MainWindow window(settings);
    window.resize(1280, 800);
    window.show();
    window.openProject(qs(project));
    ui::DataWorkspace* data = window.dataWorkspace();
    ASSERT_TRUE(QTest::qWaitFor([&] { return window.session().isOpen() && data->model()->isIdle(); }, 10000));
    ASSERT_TRUE(QTest::qWaitFor([&] { return window.currentJob() == nullptr; }, 30000)); // the demo's index
    data->filterBar()->searchEdit()->setText(QStringLiteral("信用卡"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return !data->model()->isQueryRunning() && data->model()->rowCount() > 0 &&
                                             data->model()->rowCount() < 1000; },
                                10000));
    QTest::qWait(300);
    ASSERT_TRUE(window.grab().save(shot(QStringLiteral("data-search")), "PNG"));
}

INSTANTIATE_TEST_SUITE_P(Languages, Screenshots, ::testing::Values("en", "zh_CN"));
