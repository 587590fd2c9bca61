// Pictures of the Train workspace (a run in progress with live curves; the run comparison; the advanced
// settings) in English and
// Chinese, for people to look at. Writes train-*.png to BANKBENCH_SHOTS_DIR; skipped when it is unset.

#include "train_fixtures.h"

#include "common/translations.h"
#include "train/runcomparechart.h"
#include "train/runhistorypanel.h"
#include "train/trainchartpanel.h"
#include "train/trainlivepanel.h"
#include "train/trainsetuppanel.h"

#include <QDir>
#include <QPixmap>
#include <QSignalSpy>
#include <QTabWidget>
#include <QToolButton>

#include <cstdlib>

using namespace bankbench;
using namespace bankbench::test;

namespace {

class TrainScreenshots : public TrainHarness, public ::testing::WithParamInterface<const char*> {
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
        return m_out.filePath(QStringLiteral("train-") + name + QLatin1Char('-') +
                              QString::fromUtf8(GetParam()) + QStringLiteral(".png"));
    }
    void save(const QString& name) {
        QTest::qWait(300);
        ASSERT_TRUE(m_window->grab().save(shot(name)));
    }
    void train(ml::TrainConfig config) {
        workspace()->setupPanel()->setConfig(config);
        QSignalSpy finished(workspace(), &ui::TrainWorkspace::trainingFinished);
        ASSERT_TRUE(workspace()->startTraining());
        ASSERT_TRUE(finished.wait(120000));
        ASSERT_TRUE(waitIdle());
    }

    QDir m_out;
};

} // namespace

TEST_P(TrainScreenshots, RunInProgressAndComparison) {
    open(60);
    ml::TrainConfig small = smallFastConfig(12);
    small.learningRate = 0.01;
    train(small);
    ml::TrainConfig wide = smallFastConfig(16);
    wide.fast.dim = 32;
    wide.learningRate = 0.02;
    train(wide);

    // The run in progress: a small transformer, whose epochs take long enough (unlike the fast model's
    // milliseconds here) for the per-step curves to fill between epoch ends, as on real data.
    ml::TrainConfig live = ml::defaultTrainConfig(ml::ModelKind::Transformer);
    live.transformer.layers = 2;
    live.transformer.hidden = 64;
    live.transformer.heads = 2;
    live.transformer.ffn = 128;
    live.transformer.maxLength = 32;
    live.transformer.vocabSize = 600;
    live.batchSize = 8;
    live.epochs = 40;
    live.refit = false;
    live.earlyStoppingPatience = 0;
    live.threads = 1;
    live.checkpointEveryMinutes = 0;
    workspace()->setupPanel()->setConfig(live);
    ASSERT_TRUE(workspace()->startTraining());
    ui::TrainChartPanel* charts = workspace()->livePanel()->charts();
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return charts->epochPointCount() >= 6 && charts->lossPointCount() >= 30; }, 180000));
    ASSERT_TRUE(QTest::qWaitFor([&] { return !charts->isReplotPending(); }, 3000));
    save(QStringLiteral("live"));
    QSignalSpy finished(workspace(), &ui::TrainWorkspace::trainingFinished);
    workspace()->cancelTraining();
    ASSERT_TRUE(finished.wait(60000));
    ASSERT_TRUE(waitIdle());

    ui::RunHistoryPanel* history = workspace()->historyPanel();
    workspace()->tabs()->setCurrentWidget(history);
    history->selectRuns(
        {QStringLiteral("fast-1"), QStringLiteral("fast-2"), QStringLiteral("transformer-1")});
    ASSERT_TRUE(QTest::qWaitFor([&] { return history->compareChart()->curveCount() == 3; }, 15000));
    save(QStringLiteral("compare"));
}

// The Advanced section open on the transformer's settings, augmentation included.
TEST_P(TrainScreenshots, AdvancedSettings) {
    open(60);
    ml::TrainConfig config = ml::defaultTrainConfig(ml::ModelKind::Transformer);
    config.augment.deleteProbability = 0.1;
    config.augment.swapProbability = 0.1;
    config.transformer.pooling = ml::Pooling::Mean; // shows the "most accurate" preset and its description
    config.augment.synonymProbability = 0.3;
    config.augment.synonyms = {{"top up", "recharge"}, {"借记卡", "银行卡", "储蓄卡"}};
    workspace()->setupPanel()->setConfig(config);
    auto* toggle = m_window->findChild<QToolButton*>(QStringLiteral("trainAdvancedToggle"));
    ASSERT_TRUE(toggle);
    toggle->setChecked(true);
    save(QStringLiteral("advanced"));
}

INSTANTIATE_TEST_SUITE_P(Languages, TrainScreenshots, ::testing::Values("en", "zh_CN"));
