// Train workspace: data checks before a run, a real (small) training run with live curves, cancel and
// resume, offscreen.

#include "train_fixtures.h"

#include "train/runhistorymodel.h"
#include "train/runhistorypanel.h"
#include "train/trainchartpanel.h"
#include "train/trainingjob.h"
#include "train/trainlivepanel.h"
#include "train/trainpreflight.h"
#include "train/trainpresets.h"
#include "train/trainsettingsform.h"
#include "train/trainsetuppanel.h"

#include <store/project.h>
#include <store/runstore.h>

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QSplitter>
#include <QStandardItemModel>

#include <qcustomplot.h>

#include <cmath>
#include <fstream>
#include <vector>

using namespace bankbench;
using namespace bankbench::test;

namespace {

core::RunInfo storedRun(const std::string& project, const std::string& name) {
    auto opened = core::Project::open(project, true);
    EXPECT_TRUE(opened.ok());
    auto run = core::RunStore(**opened).run(name);
    EXPECT_TRUE(run.ok()) << (run.ok() ? "" : run.error().what());
    return run.ok() ? *run : core::RunInfo{};
}

std::vector<double> epochKeys(ui::TrainChartPanel* charts) {
    std::vector<double> keys;
    QCPGraph* f1 = charts->epochPlot()->graph(3);
    for (auto it = f1->data()->constBegin(); it != f1->data()->constEnd(); ++it)
        keys.push_back(it->key);
    return keys;
}

} // namespace

class TrainWorkspaceTest : public TrainHarness {};

TEST_F(TrainWorkspaceTest, RefusesDataThatCannotTrainWithTheReason) {
    open();
    ui::TrainSetupPanel* setup = workspace()->setupPanel();
    EXPECT_TRUE(setup->preflightText().contains(QStringLiteral("120 labelled records")))
        << setup->preflightText().toStdString();
    EXPECT_TRUE(setup->startButton()->isEnabled());
    EXPECT_TRUE(setup->estimateText().startsWith(QStringLiteral("Estimate:")))
        << setup->estimateText().toStdString();
    EXPECT_TRUE(setup->estimateText().contains(QStringLiteral("not measured yet")));

    setup->datasetBox()->setCurrentText(QStringLiteral("one-class"));
    ASSERT_TRUE(waitPreflight());
    EXPECT_TRUE(setup->preflightText().startsWith(QStringLiteral("Cannot train:")))
        << setup->preflightText().toStdString();
    EXPECT_TRUE(setup->preflightText().contains(QStringLiteral("at least 2")))
        << setup->preflightText().toStdString();
    EXPECT_FALSE(setup->startButton()->isEnabled());
    EXPECT_FALSE(workspace()->startTraining());

    setup->datasetBox()->setCurrentText(QStringLiteral("tiny"));
    ASSERT_TRUE(waitPreflight());
    EXPECT_TRUE(setup->preflightText().contains(QStringLiteral("“transfer” (1)")))
        << setup->preflightText().toStdString();
    EXPECT_FALSE(setup->startButton()->isEnabled());
}

TEST_F(TrainWorkspaceTest, PresetsSetTheModelAndTheImportPresetNeedsAFolder) {
    open();
    ui::TrainSetupPanel* setup = workspace()->setupPanel();
    auto* box = setup->presetBox();
    auto* model = qobject_cast<QStandardItemModel*>(box->model());
    ASSERT_NE(model, nullptr);
    ASSERT_EQ(box->count(), 5);
    for (int i = 0; i < box->count(); ++i)
        EXPECT_TRUE(model->item(i)->isEnabled()) << i; // every engine is in this build
    EXPECT_EQ(setup->config().model, ml::ModelKind::Fast);

    ASSERT_TRUE(setup->selectPreset(QStringLiteral("transformer")));
    EXPECT_EQ(setup->config().model, ml::ModelKind::Transformer);
    EXPECT_EQ(setup->pretrainEpochs(), 0);
    EXPECT_TRUE(setup->estimateText().contains(QStringLiteral("parameters")))
        << setup->estimateText().toStdString();
    EXPECT_TRUE(setup->startButton()->isEnabled());

    // The most accurate from-scratch setting: mean pooling, so not exportable, and said so.
    ASSERT_TRUE(setup->selectPreset(QStringLiteral("transformer-accurate")));
    EXPECT_EQ(setup->config().transformer.pooling, ml::Pooling::Mean);
    EXPECT_EQ(setup->config().transformer.hidden, 256);
    EXPECT_TRUE(ml::validate(setup->config()).ok());
    EXPECT_EQ(ui::presetIdFor(setup->config()), QStringLiteral("transformer-accurate"));

    ASSERT_TRUE(setup->selectPreset(QStringLiteral("transformer-pretrain")));
    EXPECT_GT(setup->pretrainEpochs(), 0);
    EXPECT_TRUE(setup->estimateText().contains(QStringLiteral("pretraining")))
        << setup->estimateText().toStdString();

    ASSERT_TRUE(setup->selectPreset(QStringLiteral("bert-import")));
    EXPECT_FALSE(setup->startButton()->isEnabled());
    EXPECT_TRUE(setup->estimateText().startsWith(QStringLiteral("Choose the checkpoint folder")))
        << setup->estimateText().toStdString();
    EXPECT_FALSE(workspace()->startTraining());
    setup->setCheckpointFolder(qs(m_dir.file("bert")));
    EXPECT_TRUE(setup->startButton()->isEnabled());
    EXPECT_EQ(setup->config().transformer.initFrom, m_dir.file("bert"));
}

TEST_F(TrainWorkspaceTest, ARunStreamsCurvesFinishesAndIsListed) {
    open();
    ui::TrainSetupPanel* setup = workspace()->setupPanel();
    setup->setConfig(smallFastConfig(4));
    QSignalSpy finished(workspace(), &ui::TrainWorkspace::trainingFinished);
    QTest::mouseClick(setup->startButton(), Qt::LeftButton);
    ASSERT_TRUE(workspace()->isTraining());
    EXPECT_FALSE(setup->startButton()->isEnabled());
    EXPECT_TRUE(setup->cancelButton()->isEnabled());
    ASSERT_TRUE(finished.wait(60000));
    ASSERT_TRUE(waitIdle());

    ui::TrainLivePanel* live = workspace()->livePanel();
    EXPECT_GT(live->charts()->lossPointCount(), 0);
    EXPECT_EQ(live->charts()->epochPointCount(), 4);
    EXPECT_GT(live->charts()->learningRatePlot()->graph(0)->dataCount(), 0);
    EXPECT_TRUE(live->logText().contains(QStringLiteral("Epoch 4:"))) << live->logText();
    EXPECT_TRUE(live->detailText().contains(QStringLiteral("finished"))) << live->detailText();

    const core::RunInfo run = storedRun(m_project, "fast-1");
    EXPECT_EQ(run.status, core::RunStatus::Finished);
    EXPECT_EQ(run.config["epochs"], 4);
    EXPECT_EQ(run.config["fast"]["dim"], 16);

    ui::RunHistoryModel* history = workspace()->historyPanel()->model();
    ASSERT_EQ(history->rowCount(), 1);
    EXPECT_EQ(history->index(0, ui::RunHistoryModel::Name).data().toString(), QStringLiteral("fast-1"));
    EXPECT_EQ(history->index(0, ui::RunHistoryModel::Status).data().toString(), QStringLiteral("finished"));
    EXPECT_GT(history->index(0, ui::RunHistoryModel::BestMetric).data().toString().toDouble(), 0.5);

    // The run measured this machine's throughput: the estimate now gives a time.
    EXPECT_GT(m_settings->trainThroughput.get().value(QStringLiteral("fast")).toDouble(), 0);
    EXPECT_TRUE(setup->estimateText().contains(QStringLiteral("measured on this machine")))
        << setup->estimateText().toStdString();
}

TEST_F(TrainWorkspaceTest, CancelStopsTheRunAndResumeContinuesFromItsCheckpoint) {
    open();
    ml::TrainConfig config = smallFastConfig(3000);
    config.refit = false;
    workspace()->setupPanel()->setConfig(config);
    ASSERT_TRUE(workspace()->startTraining());
    ui::TrainChartPanel* charts = workspace()->livePanel()->charts();
    ASSERT_TRUE(QTest::qWaitFor([&] { return charts->epochPointCount() >= 3; }, 60000));
    EXPECT_GT(charts->lossPointCount(), 0);
    QSignalSpy finished(workspace(), &ui::TrainWorkspace::trainingFinished);
    QTest::mouseClick(workspace()->setupPanel()->cancelButton(), Qt::LeftButton);
    ASSERT_TRUE(finished.wait(30000));
    ASSERT_TRUE(waitIdle());
    const int epochsBefore = charts->epochPointCount();
    EXPECT_LT(epochsBefore, 3000);
    EXPECT_EQ(storedRun(m_project, "fast-1").status, core::RunStatus::Cancelled);
    ui::RunHistoryModel* history = workspace()->historyPanel()->model();
    EXPECT_EQ(history->index(0, ui::RunHistoryModel::Status).data().toString(),
              QStringLiteral("cancelled (resumable)"));

    ASSERT_TRUE(workspace()->resumeRun(QStringLiteral("fast-1")));
    EXPECT_EQ(charts->epochPointCount(), 0); // a new session starts a fresh chart
    ASSERT_TRUE(QTest::qWaitFor([&] { return charts->epochPointCount() >= 2; }, 60000));
    const std::vector<double> keys = epochKeys(charts);
    // Continued where it stopped, not from epoch 1.
    EXPECT_GE(keys.front(), epochsBefore) << "resumed at epoch " << keys.front();
    EXPECT_EQ(storedRun(m_project, "fast-1").status, core::RunStatus::Running);
    workspace()->cancelTraining();
    ASSERT_TRUE(finished.wait(30000));
    ASSERT_TRUE(waitIdle());
    EXPECT_EQ(storedRun(m_project, "fast-1").status, core::RunStatus::Cancelled);
    EXPECT_EQ(history->rowCount(), 1); // the same run, not a new one
}

// Regression: epochs shorter than the 100 ms report interval (a small fast-model run) used to leave the
// per-step loss and learning-rate charts with the single point of the first step, which draws nothing:
// every forced epoch-end report restarted the interval, so no step report ever came.
TEST_F(TrainWorkspaceTest, ASmallRunPutsPointsOnTheStepLossAndLearningRateCurves) {
    open();
    workspace()->setupPanel()->setConfig(smallFastConfig(4));
    QSignalSpy finished(workspace(), &ui::TrainWorkspace::trainingFinished);
    ASSERT_TRUE(workspace()->startTraining());
    ASSERT_TRUE(finished.wait(60000));
    ASSERT_TRUE(waitIdle());

    ui::TrainChartPanel* charts = workspace()->livePanel()->charts();
    QCPGraph* raw = charts->lossPlot()->graph(0);
    QCPGraph* smooth = charts->lossPlot()->graph(1);
    QCPGraph* rate = charts->learningRatePlot()->graph(0);
    // At least one point per epoch (each epoch end closes a window of steps).
    EXPECT_GE(raw->dataCount(), 4);
    EXPECT_EQ(smooth->dataCount(), raw->dataCount());
    EXPECT_GE(rate->dataCount(), 4);
    double previousStep = 0;
    for (auto it = raw->data()->constBegin(); it != raw->data()->constEnd(); ++it) {
        EXPECT_GT(it->key, previousStep);
        previousStep = it->key;
        EXPECT_TRUE(std::isfinite(it->value) && it->value > 0) << it->value;
    }
    // The loss of 4 balanced classes starts near ln 4 and falls as the model learns.
    EXPECT_GT(raw->data()->constBegin()->value, 1.0);
    EXPECT_LT((raw->data()->constEnd() - 1)->value, raw->data()->constBegin()->value);
    for (auto it = rate->data()->constBegin(); it != rate->data()->constEnd(); ++it)
        EXPECT_GT(it->value, 0);
    // The charts were drawn with those points: the axes follow the data, not QCustomPlot's default range.
    ASSERT_TRUE(QTest::qWaitFor([&] { return !charts->isReplotPending(); }, 3000));
    EXPECT_GE(charts->lossPlot()->xAxis->range().upper, previousStep);
    EXPECT_GT(charts->lossPlot()->xAxis->range().lower, -1.0);
}

TEST(TrainChartPanel, SmoothedLossIsABiasCorrectedMovingAverageOfTheStepLoss) {
    ui::TrainChartPanel charts;
    const std::vector<double> losses = {2.0, 1.0, 1.0, 0.5};
    double ema = 0;
    double weight = 0;
    std::vector<double> expected;
    for (std::size_t i = 0; i < losses.size(); ++i) {
        ml::TrainProgress p;
        p.phase = i == 1 ? ml::TrainProgress::Phase::EpochFinished : ml::TrainProgress::Phase::Training;
        p.step = static_cast<std::int64_t>(10 * (i + 1));
        p.trainLoss = 99; // the epoch mean is not what the per-step curve shows
        p.stepLoss = losses[i];
        p.stepLossSteps = 10;
        p.learningRate = 0.01 * static_cast<double>(i + 1);
        charts.addProgress(p);
        ema = (1 - ui::TrainChartPanel::kSmoothing) * ema + ui::TrainChartPanel::kSmoothing * losses[i];
        weight = (1 - ui::TrainChartPanel::kSmoothing) * weight + ui::TrainChartPanel::kSmoothing;
        expected.push_back(ema / weight);
    }
    // Reports without steps of their own add nothing (the end right after an epoch end, preparing).
    ml::TrainProgress empty;
    empty.phase = ml::TrainProgress::Phase::Finished;
    empty.step = 40;
    charts.addProgress(empty);

    QCPGraph* raw = charts.lossPlot()->graph(0);
    QCPGraph* smooth = charts.lossPlot()->graph(1);
    ASSERT_EQ(raw->dataCount(), 4);
    ASSERT_EQ(smooth->dataCount(), 4);
    ASSERT_EQ(charts.learningRatePlot()->graph(0)->dataCount(), 4);
    for (int i = 0; i < 4; ++i) {
        EXPECT_DOUBLE_EQ(raw->data()->at(i)->value, losses[static_cast<std::size_t>(i)]);
        EXPECT_NEAR(smooth->data()->at(i)->value, expected[static_cast<std::size_t>(i)], 1e-12);
    }
    EXPECT_DOUBLE_EQ(smooth->data()->at(0)->value, 2.0); // bias-corrected: not pulled toward 0
    EXPECT_LT(smooth->data()->at(3)->value, smooth->data()->at(1)->value);
}

TEST_F(TrainWorkspaceTest, LayoutPresetAndDatasetAreRestored) {
    open();
    ui::TrainSetupPanel* setup = workspace()->setupPanel();
    setup->datasetBox()->setCurrentText(QStringLiteral("tiny"));
    ASSERT_TRUE(waitPreflight());
    ASSERT_TRUE(setup->selectPreset(QStringLiteral("transformer")));
    workspace()->tabs()->setCurrentIndex(1);
    auto* splitter = m_window->findChild<QSplitter*>(QStringLiteral("trainSplitter"));
    ASSERT_NE(splitter, nullptr);
    splitter->setSizes({520, 800});
    QTest::qWait(20);
    const QList<int> sizes = splitter->sizes();
    workspace()->saveState(*m_settings);

    m_window = std::make_unique<ui::MainWindow>(*m_settings);
    m_window->resize(1360, 860);
    m_window->show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(m_window.get()));
    for (QAction* action : m_window->findChildren<QAction*>())
        if (action->data().toString() == QStringLiteral("train"))
            action->trigger();
    EXPECT_EQ(workspace()->setupPanel()->presetId(), QStringLiteral("transformer"));
    EXPECT_EQ(workspace()->tabs()->currentIndex(), 1);
    m_window->openProject(qs(m_project));
    ASSERT_TRUE(QTest::qWaitFor([&] { return m_window->session().isOpen(); }, 15000));
    ASSERT_TRUE(waitPreflight());
    EXPECT_EQ(workspace()->setupPanel()->datasetName(), QStringLiteral("tiny"));
    splitter = m_window->findChild<QSplitter*>(QStringLiteral("trainSplitter"));
    ASSERT_NE(splitter, nullptr);
    // The page lays out when it is first shown (the project page only once a project is open).
    QTest::qWaitFor([&] { return splitter->sizes() == sizes; }, 3000);
    EXPECT_EQ(splitter->sizes(), sizes);
}

TEST(TrainPreflight, NamesEveryLabelWithTooFewExamples) {
    ml::LabelledData data;
    data.datasetName = "d";
    data.labelNames = {"a", "b", "c"};
    data.labels = {{0}, {0}, {1}, {0}};
    data.texts = {"x", "y", "z", "w"};
    const ui::TrainPreflight verdict = ui::checkLabelledData(data);
    EXPECT_FALSE(verdict.trainable);
    EXPECT_TRUE(verdict.problem.contains(QStringLiteral("“b” (1)"))) << verdict.problem.toStdString();
    EXPECT_TRUE(verdict.problem.contains(QStringLiteral("“c” (0)"))) << verdict.problem.toStdString();
    EXPECT_EQ(verdict.smallestClass, 0);
    data.labels = {{0}, {0}, {1}, {1}, {2}, {2}};
    data.texts.resize(6);
    EXPECT_TRUE(ui::checkLabelledData(data).trainable);
}

// The augmentation editors round-trip their config values; the synonym groups (set by a config file or
// `train --synonyms`) have no editor and keep the preset's.
TEST(TrainSettingsForm, AugmentationEditorsRoundTripAndKeepTheSynonymList) {
    ui::TrainSettingsForm form;
    ml::TrainConfig config = ml::defaultTrainConfig(ml::ModelKind::Transformer);
    config.augment.deleteProbability = 0.1;
    config.augment.synonymProbability = 0.3;
    config.augment.synonyms = {{"card", "bank card"}};
    form.setConfig(config);
    auto* remove = form.findChild<QDoubleSpinBox*>(QStringLiteral("augmentDelete"));
    auto* swap = form.findChild<QDoubleSpinBox*>(QStringLiteral("augmentSwap"));
    ASSERT_TRUE(remove && swap);
    EXPECT_DOUBLE_EQ(remove->value(), 0.1);
    EXPECT_DOUBLE_EQ(swap->value(), 0.0);
    swap->setValue(0.15);
    const auto edited = form.config();
    EXPECT_DOUBLE_EQ(edited.augment.deleteProbability, 0.1);
    EXPECT_DOUBLE_EQ(edited.augment.swapProbability, 0.15);
    EXPECT_DOUBLE_EQ(edited.augment.synonymProbability, 0.3);
    EXPECT_EQ(edited.augment.synonyms, config.augment.synonyms);
    EXPECT_TRUE(ml::validate(edited).ok());
}

// "Synonym list…" reads a file into the config (the rate becomes 0.3 when it was 0); a bad file is refused
// with its line, and without a list the rate editor is off and no rate reaches the config.
TEST(TrainSettingsForm, SynonymListLoadsIntoTheConfigAndABadOneIsRefused) {
    test::TempDir dir;
    ui::TrainSettingsForm form;
    form.setConfig(ml::defaultTrainConfig(ml::ModelKind::Fast));
    auto* rate = form.findChild<QDoubleSpinBox*>(QStringLiteral("augmentSynonym"));
    auto* summary = form.findChild<QLabel*>(QStringLiteral("synonymSummary"));
    ASSERT_TRUE(rate && summary);
    EXPECT_FALSE(rate->isEnabled());
    EXPECT_TRUE(form.config().augment.synonyms.empty());

    const auto bad = dir.file("bad.txt");
    std::ofstream(bad) << "top up, recharge\nalone\n";
    const QString error = form.loadSynonymList(QString::fromStdString(bad));
    EXPECT_TRUE(error.contains(QStringLiteral(":2:"))) << error.toStdString();
    EXPECT_FALSE(rate->isEnabled());

    const auto good = dir.file("synonyms.txt");
    std::ofstream(good) << "top up, recharge\n借记卡，银行卡\n";
    QSignalSpy changed(&form, &ui::TrainSettingsForm::changed);
    EXPECT_TRUE(form.loadSynonymList(QString::fromStdString(good)).isEmpty());
    EXPECT_GE(changed.count(), 1);
    EXPECT_TRUE(rate->isEnabled());
    EXPECT_TRUE(summary->text().contains(QLatin1Char('2')));
    const auto config = form.config();
    EXPECT_DOUBLE_EQ(config.augment.synonymProbability, 0.3);
    ASSERT_EQ(config.augment.synonyms.size(), 2u);
    EXPECT_EQ(config.augment.synonyms[1], (std::vector<std::string>{"借记卡", "银行卡"}));
    EXPECT_TRUE(ml::validate(config).ok());
}
