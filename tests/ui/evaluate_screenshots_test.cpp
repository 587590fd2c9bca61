// Pictures of the Evaluate workspace (confusion matrix with the drill-down open) in English and Chinese, for
// people to look at. Needs BANKBENCH_SHOTS_DIR (where evaluate-*.png go) and BANKBENCH_EVAL_PROJECT (a
// project with a trained run, e.g. Banking77: see README, `bankbench-cli import` + `train`); the run
// evaluated is BANKBENCH_EVAL_RUN (default: the newest) on dataset BANKBENCH_EVAL_DATA (default "test").
// Skipped when either of the first two is unset.

#include "uifixtures.h"

#include "common/appsettings.h"
#include "common/projectsession.h"
#include "common/translations.h"
#include "evaluate/confusionplot.h"
#include "evaluate/drilldownpanel.h"
#include "evaluate/evaluateworkspace.h"
#include "shell/mainwindow.h"

#include "support/testsupport.h"

#include <QAction>
#include <QDir>
#include <QPixmap>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

#include <gtest/gtest.h>

#include <cstdlib>

using namespace bankbench;
using test::qs;

namespace {

QString env(const char* name, const QString& fallback = QString()) {
    const char* value = std::getenv(name);
    return value ? QString::fromUtf8(value) : fallback;
}

class EvaluateScreenshots : public ::testing::TestWithParam<const char*> {
protected:
    void SetUp() override {
        if (env("BANKBENCH_SHOTS_DIR").isEmpty() || env("BANKBENCH_EVAL_PROJECT").isEmpty())
            GTEST_SKIP() << "set BANKBENCH_SHOTS_DIR and BANKBENCH_EVAL_PROJECT to write screenshots";
        ASSERT_TRUE(ui::installTranslations(QString::fromUtf8(GetParam())));
    }
    void TearDown() override { ui::installTranslations(QStringLiteral("en")); }

    test::TempDir m_dir;
};

} // namespace

TEST_P(EvaluateScreenshots, ConfusionMatrixWithDrillDown) {
    ui::AppSettings settings(qs(m_dir.file("settings.ini")));
    settings.annotatorName = QStringLiteral("analyst");
    ui::MainWindow window(settings);
    window.resize(1440, 900);
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    for (QAction* action : window.findChildren<QAction*>()) {
        if (action->data().toString() == QStringLiteral("evaluate"))
            action->trigger();
    }
    window.openProject(env("BANKBENCH_EVAL_PROJECT"));
    ui::EvaluateWorkspace* workspace = window.evaluateWorkspace();
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return window.session().isOpen() && !workspace->runs().empty(); }, 30000));
    const QString run = env("BANKBENCH_EVAL_RUN", qs(workspace->runs().front().name));
    QSignalSpy finished(workspace, &ui::EvaluateWorkspace::evaluationFinished);
    workspace->evaluate(run, env("BANKBENCH_EVAL_DATA", QStringLiteral("test")));
    ASSERT_TRUE(finished.wait(120000) || finished.count() > 0);
    ASSERT_TRUE(finished.last().at(0).toBool()) << workspace->heading().toStdString();

    // The most frequent confusion, with its examples open.
    workspace->tabs()->setCurrentIndex(0);
    workspace->topConfusions()->selectRow(0);
    const auto top = workspace->result()->topConfusions(1);
    ASSERT_FALSE(top.isEmpty());
    workspace->showCell(top.front().trueClass, top.front().predictedClass);
    QTest::qWait(800);
    const QDir out(env("BANKBENCH_SHOTS_DIR"));
    const QString suffix = QLatin1Char('-') + QString::fromUtf8(GetParam()) + QStringLiteral(".png");
    EXPECT_TRUE(window.grab().save(out.filePath(QStringLiteral("evaluate-confusion") + suffix)));

    // Zoomed in on the most confused classes, ordered by errors.
    workspace->confusionPlot()->setOrder(ui::ConfusionPlot::Order::ByErrors);
    workspace->confusionPlot()->xAxis->setRange(-0.5, 14.5);
    workspace->confusionPlot()->yAxis->setRange(-0.5, 14.5);
    workspace->confusionPlot()->replot();
    QTest::qWait(300);
    EXPECT_TRUE(window.grab().save(out.filePath(QStringLiteral("evaluate-zoomed") + suffix)));

    workspace->tabs()->setCurrentIndex(1);
    QTest::qWait(300);
    EXPECT_TRUE(window.grab().save(out.filePath(QStringLiteral("evaluate-report") + suffix)));
    workspace->tabs()->setCurrentIndex(2);
    QTest::qWait(300);
    EXPECT_TRUE(window.grab().save(out.filePath(QStringLiteral("evaluate-calibration") + suffix)));
}

INSTANTIATE_TEST_SUITE_P(Languages, EvaluateScreenshots, ::testing::Values("en", "zh_CN"));
