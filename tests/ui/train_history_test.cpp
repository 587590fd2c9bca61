// Train workspace run history: overlay, rename, export, delete, active model feeding labeling, retrain.

#include "train_fixtures.h"

#include "label/labelsession.h"
#include "label/labelworkspace.h"
#include "train/runcomparechart.h"
#include "train/runhistorymodel.h"
#include "train/runhistorypanel.h"
#include "train/trainsetuppanel.h"

#include <store/project.h>
#include <store/projectsettings.h>
#include <store/runstore.h>

#include <qcustomplot.h>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>

#include <filesystem>

using namespace bankbench;
using namespace bankbench::test;

class TrainHistoryTest : public TrainHarness {
protected:
    /// Trains one short fast run to the end.
    void trainOnce(int epochs) {
        workspace()->setupPanel()->setConfig(smallFastConfig(epochs));
        QSignalSpy finished(workspace(), &ui::TrainWorkspace::trainingFinished);
        ASSERT_TRUE(workspace()->startTraining());
        ASSERT_TRUE(finished.wait(60000));
        ASSERT_TRUE(waitIdle());
    }
    /// Waits for a history action's answer.
    bool changed(QSignalSpy& spy) {
        if (spy.isEmpty() && !spy.wait(15000))
            return false;
        const bool ok = spy.takeFirst().at(0).toBool();
        return waitIdle() && ok;
    }
    std::string modelDir(const std::string& run) {
        auto project = core::Project::open(m_project, true);
        core::RunStore store(**project);
        return store.modelDirPath(store.run(run).value());
    }
};

TEST_F(TrainHistoryTest, SelectingRunsOverlaysTheirCurves) {
    open();
    trainOnce(3);
    trainOnce(5);
    ui::RunHistoryPanel* history = workspace()->historyPanel();
    ASSERT_EQ(history->model()->rowCount(), 2);
    history->selectRuns({QStringLiteral("fast-1"), QStringLiteral("fast-2")});
    ui::RunCompareChart* chart = history->compareChart();
    ASSERT_TRUE(QTest::qWaitFor([&] { return chart->curveCount() == 2; }, 15000));
    // Newest first in the table, so fast-2 (5 epochs) is the first curve.
    EXPECT_EQ(chart->plot()->graph(0)->name(), QStringLiteral("fast-2"));
    EXPECT_EQ(chart->plot()->graph(0)->dataCount(), 5);
    EXPECT_EQ(chart->plot()->graph(1)->dataCount(), 3);
    chart->setMetric(ui::RunCompareChart::Metric::ValidationLoss);
    EXPECT_EQ(chart->curveCount(), 2);
    history->selectRuns({QStringLiteral("fast-1")});
    ASSERT_TRUE(QTest::qWaitFor([&] { return chart->curveCount() == 1; }, 15000));
}

TEST_F(TrainHistoryTest, RenameExportAndDeleteARun) {
    open();
    trainOnce(2);
    trainOnce(2);
    QSignalSpy spy(workspace(), &ui::TrainWorkspace::runsChanged);
    workspace()->renameRun(QStringLiteral("fast-1"), QStringLiteral("基线 baseline"));
    ASSERT_TRUE(changed(spy)) << workspace()->lastMessage().toStdString();
    ui::RunHistoryModel* model = workspace()->historyPanel()->model();
    EXPECT_GE(model->rowOf(QStringLiteral("基线 baseline")), 0);
    EXPECT_LT(model->rowOf(QStringLiteral("fast-1")), 0);
    EXPECT_TRUE(std::filesystem::exists(modelDir("基线 baseline")));

    workspace()->renameRun(QStringLiteral("fast-2"), QStringLiteral("基线 baseline"));
    EXPECT_FALSE(changed(spy));
    EXPECT_TRUE(workspace()->lastMessage().contains(QStringLiteral("already exists")));

    const std::string target = m_dir.file("exported");
    std::filesystem::create_directories(target);
    workspace()->exportRun(QStringLiteral("基线 baseline"), qs(target));
    ASSERT_TRUE(changed(spy)) << workspace()->lastMessage().toStdString();
    QFile report(qs(target + "/基线 baseline/report.json"));
    ASSERT_TRUE(report.open(QIODevice::ReadOnly));
    const QJsonObject json = QJsonDocument::fromJson(report.readAll()).object();
    EXPECT_EQ(json.value(QStringLiteral("run")).toString(), QStringLiteral("基线 baseline"));
    EXPECT_EQ(json.value(QStringLiteral("epochs")).toArray().size(), 2);
    // The model files came along with the report.
    int files = 0;
    for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(target + "/基线 baseline"))
        ++files;
    EXPECT_GT(files, 1);
    workspace()->exportRun(QStringLiteral("基线 baseline"), qs(target)); // the folder is there now
    EXPECT_FALSE(changed(spy));

    const std::string folder = modelDir("fast-2");
    workspace()->deleteRun(QStringLiteral("fast-2"));
    ASSERT_TRUE(changed(spy)) << workspace()->lastMessage().toStdString();
    EXPECT_EQ(model->rowCount(), 1);
    EXPECT_FALSE(std::filesystem::exists(folder));
}

TEST_F(TrainHistoryTest, TheActiveModelFeedsLabelingSuggestions) {
    open();
    trainOnce(4);
    ui::LabelWorkspace* label = m_window->labelWorkspace();
    EXPECT_FALSE(label->session()->hasSuggestionProvider());
    QSignalSpy spy(workspace(), &ui::TrainWorkspace::runsChanged);
    workspace()->setActiveModel(QStringLiteral("fast-1"));
    ASSERT_TRUE(changed(spy)) << workspace()->lastMessage().toStdString();
    EXPECT_EQ(workspace()->activeModel(), QStringLiteral("fast-1"));
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return workspace()->loadedModel() == QStringLiteral("fast-1"); }, 30000));
    EXPECT_TRUE(label->session()->hasSuggestionProvider());
    {
        auto project = core::Project::open(m_project, true);
        EXPECT_EQ(core::ProjectSettings(**project).activeModel().value(),
                  std::optional<std::string>("fast-1"));
    }
    ui::RunHistoryModel* model = workspace()->historyPanel()->model();
    EXPECT_TRUE(model->index(0, ui::RunHistoryModel::Name).data().toString().contains(QStringLiteral("★")));

    // Renaming keeps it active; the rename is followed without reloading anything else.
    workspace()->renameRun(QStringLiteral("fast-1"), QStringLiteral("best"));
    ASSERT_TRUE(changed(spy));
    EXPECT_EQ(workspace()->activeModel(), QStringLiteral("best"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return workspace()->loadedModel() == QStringLiteral("best"); }, 30000));

    workspace()->setActiveModel(std::nullopt);
    ASSERT_TRUE(changed(spy));
    ASSERT_TRUE(QTest::qWaitFor([&] { return !label->session()->hasSuggestionProvider(); }, 15000));
    EXPECT_TRUE(workspace()->loadedModel().isEmpty());
}

TEST_F(TrainHistoryTest, ProjectOpenLoadsTheStoredActiveModel) {
    open();
    trainOnce(2);
    QSignalSpy spy(workspace(), &ui::TrainWorkspace::runsChanged);
    workspace()->setActiveModel(QStringLiteral("fast-1"));
    ASSERT_TRUE(changed(spy));
    m_window->session().closeProject();
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return !m_window->labelWorkspace()->session()->hasSuggestionProvider(); }, 15000));
    m_window->openProject(qs(m_project));
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return m_window->labelWorkspace()->session()->hasSuggestionProvider(); }, 30000));
    EXPECT_EQ(workspace()->loadedModel(), QStringLiteral("fast-1"));
}

TEST_F(TrainHistoryTest, RetrainRepeatsTheSettingsOnTheCurrentLabels) {
    open();
    trainOnce(3);
    // The form changes after the first run; retrain must use the run's settings, not the form's.
    workspace()->setupPanel()->setConfig(smallFastConfig(7));
    QSignalSpy finished(workspace(), &ui::TrainWorkspace::trainingFinished);
    ASSERT_TRUE(workspace()->retrain(QStringLiteral("fast-1")));
    ASSERT_TRUE(finished.wait(60000));
    ASSERT_TRUE(waitIdle());
    auto project = core::Project::open(m_project, true);
    core::RunStore store(**project);
    auto retrained = store.run("fast-2");
    ASSERT_TRUE(retrained.ok());
    EXPECT_EQ(retrained->config, store.run("fast-1").value().config);
    EXPECT_EQ(retrained->status, core::RunStatus::Finished);
    EXPECT_FALSE(workspace()->retrain(QStringLiteral("no-such-run")));
}
