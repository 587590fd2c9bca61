// The training job end to end on generated data: learning, cancel within a batch, resume equal to the
// uninterrupted run, multi-label thresholds, early stopping, runs stored in the project, predictions.

#include "ml/runtime.h"
#include "ml/textclassifier.h"
#include "ml/trainjob.h"
#include "mltestdata.h"
#include "support/testsupport.h"

#include <gtest/gtest.h>

#include <filesystem>

using namespace bankbench;
using bankbench::test::TempDir;

namespace {

class RecordingSink : public ml::ProgressSink {
public:
    void progress(const ml::TrainProgress& p) override { updates.push_back(p); }
    void log(const std::string& line) override { lines.push_back(line); }
    void epochFinished(const ml::EpochMetrics& m) override { epochs.push_back(m); }
    std::chrono::milliseconds progressInterval() const override { return std::chrono::milliseconds(0); }

    std::vector<ml::TrainProgress> updates;
    std::vector<std::string> lines;
    std::vector<ml::EpochMetrics> epochs;
};

/// Cancels the job from inside the progress callback, i.e. in the middle of a batch.
class CancellingSink : public RecordingSink {
public:
    CancellingSink(core::CancelToken& token, std::int64_t atStep) : m_token(token), m_atStep(atStep) {}
    void progress(const ml::TrainProgress& p) override {
        RecordingSink::progress(p);
        if (p.phase == ml::TrainProgress::Phase::Training && p.step >= m_atStep && !m_token.isCancelled()) {
            m_token.cancel();
            cancelledAtStep = p.step;
        }
    }
    std::int64_t cancelledAtStep = -1;

private:
    core::CancelToken& m_token;
    std::int64_t m_atStep;
};

ml::TrainConfig smallConfig() {
    ml::TrainConfig config;
    config.epochs = 6;
    config.batchSize = 8;
    config.learningRate = 0.1;
    config.threads = 1;
    config.dropout = 0.2; // exercises the checkpointed generator
    config.validationFraction = 0.25;
    config.earlyStoppingPatience = 0;
    config.checkpointEverySteps = 0;
    config.checkpointEveryMinutes = 0;
    config.fast.dim = 24;
    config.fast.features.bucketBits = 14;
    return config;
}

} // namespace

TEST(Trainer, FastModelLearnsAndTheRunIsStoredInTheProject) {
    TempDir dir;
    const auto path = dir.file("p.bbproj");
    test::createSyntheticProject(path, "train", {.perClass = 40});
    RecordingSink sink;
    core::CancelToken cancel;
    auto config = smallConfig();
    config.epochs = 20;
    auto summary = ml::runTrainJob(test::trainRequest(path, "", config), sink, cancel);
    ASSERT_TRUE(summary.ok()) << summary.error().what();
    EXPECT_EQ(summary->runName, "fast-1");
    EXPECT_EQ(summary->result.outcome, ml::TrainOutcome::Finished);
    EXPECT_EQ(summary->result.history.size(), 20u);
    EXPECT_EQ(summary->trainExamples + summary->validationExamples, 160);
    EXPECT_EQ(summary->validationExamples, 40);
    // Chance is 0.25; the generated texts bury one keyword among filler words, so a 120-example training
    // set does not reach 100%.
    EXPECT_GE(summary->report["validation"]["accuracy"].get<double>(), 0.85);
    EXPECT_LT(summary->result.history.back().trainLoss, summary->result.history.front().trainLoss);
    EXPECT_EQ(summary->result.threads, 1);
    // Linear warm-up over 5% of the 300 steps (15), then linear decay to 0: the rate at each epoch's last
    // step is peak after epoch 1 and peak / 285 after epoch 20.
    EXPECT_DOUBLE_EQ(summary->result.history.front().learningRate, config.learningRate);
    EXPECT_DOUBLE_EQ(summary->result.history.back().learningRate, config.learningRate / 285.0);
    ASSERT_FALSE(sink.lines.empty());
    EXPECT_NE(sink.lines.front().find("BLAS"), std::string::npos); // threads and BLAS are logged

    auto project = core::Project::open(path).value();
    core::RunStore store(*project);
    const auto run = store.run("fast-1").value();
    EXPECT_EQ(run.status, core::RunStatus::Finished);
    EXPECT_EQ(run.device, "cpu");
    EXPECT_EQ(run.versions["bankbench"], "test");
    EXPECT_TRUE(run.versions.contains("libtorch"));
    EXPECT_EQ(run.config["epochs"], 20);
    EXPECT_EQ(run.report["best_epoch"], summary->result.bestEpoch);
    EXPECT_EQ(store.split(run.id).value().validation.size(), 40u);
    EXPECT_EQ(store.metrics(run.id).value().size(), 20u * 8u); // 8 numbers per epoch
    const auto modelDir = store.modelDirPath(run);
    EXPECT_TRUE(std::filesystem::exists(std::filesystem::path(modelDir) / "model.safetensors"));
    EXPECT_TRUE(std::filesystem::exists(std::filesystem::path(modelDir) / "config.json"));
    EXPECT_FALSE(std::filesystem::exists(std::filesystem::path(modelDir) / "checkpoint")); // done: dropped

    // The stored model predicts, and evaluates on another dataset.
    ml::PredictJobRequest predict{path, "fast-1", {"I lost card yesterday", "请帮我查询余额"}, 2};
    auto predictions = ml::runPredictJob(predict);
    ASSERT_TRUE(predictions.ok()) << predictions.error().what();
    EXPECT_EQ((*predictions)[0].labels, std::vector<std::string>{"card_lost"});
    EXPECT_EQ((*predictions)[1].labels, std::vector<std::string>{"balance"});
    EXPECT_EQ((*predictions)[0].top.size(), 2u);
    EXPECT_GT((*predictions)[0].top[0].second, (*predictions)[0].top[1].second);

    test::addSyntheticDataset(*project, "test", {.perClass = 10, .seed = 99});
    project.reset();
    auto eval = ml::runEvalJob({path, "fast-1", "test"});
    ASSERT_TRUE(eval.ok()) << eval.error().what();
    EXPECT_GE((*eval)["accuracy"].get<double>(), 0.8);
    EXPECT_EQ((*eval)["confusion"]["matrix"].size(), 4u);
    EXPECT_EQ((*eval)["samples"], 40);
    project = core::Project::open(path).value();
    EXPECT_EQ(core::RunStore(*project).evaluations(run.id).value().size(), 1u);
}

// Same seed, same order, same dropout masks, same optimizer state: bit-identical numbers every epoch.
void expectSameEpochs(const ml::TrainResult& reference, const ml::TrainResult& resumed) {
    ASSERT_EQ(resumed.history.size(), reference.history.size());
    for (std::size_t e = 0; e < reference.history.size(); ++e) {
        SCOPED_TRACE("epoch " + std::to_string(e + 1));
        const auto& a = reference.history[e];
        const auto& b = resumed.history[e];
        EXPECT_EQ(a.trainLoss, b.trainLoss);
        EXPECT_EQ(a.validationLoss, b.validationLoss);
        EXPECT_EQ(a.validationMacroF1, b.validationMacroF1);
        EXPECT_EQ(a.step, b.step);
    }
}

TEST(Trainer, CancelStopsWithinOneBatchAndResumeReproducesTheUninterruptedRun) {
    TempDir dir;
    const auto path = dir.file("p.bbproj");
    test::createSyntheticProject(path, "train", {.perClass = 40});
    core::CancelToken never;
    RecordingSink plain;
    auto reference = ml::runTrainJob(test::trainRequest(path, "whole", smallConfig()), plain, never);
    ASSERT_TRUE(reference.ok()) << reference.error().what();

    // Stop in the middle of epoch 3 (15 steps per epoch), from inside a batch's progress report.
    core::CancelToken cancel;
    CancellingSink stopping(cancel, 37);
    auto config = smallConfig();
    auto first = ml::runTrainJob(test::trainRequest(path, "split", config), stopping, cancel);
    ASSERT_TRUE(first.ok()) << first.error().what();
    EXPECT_EQ(first->result.outcome, ml::TrainOutcome::Cancelled);
    ASSERT_GE(stopping.cancelledAtStep, 37);
    EXPECT_EQ(first->result.steps, stopping.cancelledAtStep); // no further batch after the request
    const auto modelDir = first->modelDir;
    EXPECT_TRUE(
        std::filesystem::exists(std::filesystem::path(modelDir) / "checkpoint" / "trainer_state.json"));
    {
        auto project = core::Project::open(path).value();
        EXPECT_EQ(core::RunStore(*project).run("split").value().status, core::RunStatus::Cancelled);
    }

    core::CancelToken resumeCancel;
    RecordingSink resumed;
    auto again = test::trainRequest(path, "split", config);
    again.resume = true;
    auto second = ml::runTrainJob(again, resumed, resumeCancel);
    ASSERT_TRUE(second.ok()) << second.error().what();
    EXPECT_TRUE(second->result.resumed);
    EXPECT_EQ(second->result.outcome, ml::TrainOutcome::Finished);
    expectSameEpochs(reference->result, second->result);
    EXPECT_EQ(second->report["validation"], reference->report["validation"]);
    // Resuming a finished run is refused with a reason.
    auto finishedAgain = ml::runTrainJob(again, resumed, resumeCancel);
    ASSERT_FALSE(finishedAgain.ok());
    EXPECT_NE(finishedAgain.error().message.find("already finished"), std::string::npos);
}

// Augmented batches change what the model trains on (not what it is validated on), and the variants are
// seeded by the step: a cancelled and resumed augmented run matches the uninterrupted one bit for bit.
TEST(Trainer, AugmentedTrainingChangesTheRunAndResumesExactly) {
    TempDir dir;
    const auto path = dir.file("p.bbproj");
    test::createSyntheticProject(path, "train", {.perClass = 40});
    core::CancelToken never;
    RecordingSink quiet;
    auto plain = ml::runTrainJob(test::trainRequest(path, "plain", smallConfig()), quiet, never);
    ASSERT_TRUE(plain.ok()) << plain.error().what();
    auto config = smallConfig();
    config.augment.deleteProbability = 0.2;
    config.augment.swapProbability = 0.1;
    RecordingSink logged;
    auto whole = ml::runTrainJob(test::trainRequest(path, "augmented", config), logged, never);
    ASSERT_TRUE(whole.ok()) << whole.error().what();
    EXPECT_NE(whole->result.history.front().trainLoss, plain->result.history.front().trainLoss);
    EXPECT_GT(whole->result.history.back().validationAccuracy, 0.5); // still learns the synthetic intents
    EXPECT_TRUE(std::any_of(logged.lines.begin(), logged.lines.end(), [](const std::string& line) {
        return line.find("augmenting training batches: delete 0.2, swap 0.1") != std::string::npos;
    }));

    core::CancelToken cancel;
    CancellingSink stopping(cancel, 40);
    auto first = ml::runTrainJob(test::trainRequest(path, "split", config), stopping, cancel);
    ASSERT_TRUE(first.ok()) << first.error().what();
    ASSERT_EQ(first->result.outcome, ml::TrainOutcome::Cancelled);
    auto again = test::trainRequest(path, "split", config);
    again.resume = true;
    core::CancelToken resumeCancel;
    auto second = ml::runTrainJob(again, quiet, resumeCancel);
    ASSERT_TRUE(second.ok()) << second.error().what();
    expectSameEpochs(whole->result, second->result);
}

/// Throws from inside a batch, as a crash would end a session: no cancel checkpoint gets written.
class CrashingSink : public RecordingSink {
public:
    explicit CrashingSink(std::int64_t atStep) : m_atStep(atStep) {}
    void progress(const ml::TrainProgress& p) override {
        if (p.phase == ml::TrainProgress::Phase::Training && p.step >= m_atStep)
            throw std::runtime_error("simulated crash");
    }

private:
    std::int64_t m_atStep;
};

TEST(Trainer, ResumeFromThePeriodicCheckpointAfterACrashReproducesTheRun) {
    TempDir dir;
    const auto path = dir.file("p.bbproj");
    test::createSyntheticProject(path, "train", {.perClass = 40});
    auto config = smallConfig();
    config.checkpointEverySteps = 10;
    core::CancelToken cancel;
    RecordingSink plain;
    auto reference = ml::runTrainJob(test::trainRequest(path, "whole", config), plain, cancel);
    ASSERT_TRUE(reference.ok()) << reference.error().what();

    CrashingSink crashing(25); // after the periodic checkpoint of step 20, mid-epoch 2
    auto crashed = ml::runTrainJob(test::trainRequest(path, "crashed", config), crashing, cancel);
    ASSERT_FALSE(crashed.ok());
    EXPECT_NE(crashed.error().message.find("simulated crash"), std::string::npos); // caught, not thrown
    {
        auto project = core::Project::open(path).value();
        EXPECT_EQ(core::RunStore(*project).run("crashed").value().status, core::RunStatus::Failed);
    }

    RecordingSink resumed;
    auto again = test::trainRequest(path, "crashed", config);
    again.resume = true;
    auto second = ml::runTrainJob(again, resumed, cancel);
    ASSERT_TRUE(second.ok()) << second.error().what();
    EXPECT_NE(
        std::find(resumed.lines.begin(), resumed.lines.end(), "resumed from checkpoint at step 20 (epoch 2)"),
        resumed.lines.end());
    ASSERT_EQ(second->result.history.size(), reference->result.history.size());
    for (std::size_t e = 0; e < reference->result.history.size(); ++e) {
        EXPECT_EQ(second->result.history[e].trainLoss, reference->result.history[e].trainLoss) << e;
        EXPECT_EQ(second->result.history[e].validationMacroF1, reference->result.history[e].validationMacroF1)
            << e;
    }
    EXPECT_EQ(second->report["validation"], reference->report["validation"]);
}

std::vector<float> probabilitiesOf(const std::string& project, const std::string& run) {
    auto predictions =
        ml::runPredictJob({project, run, {"I lost card", "转账 please", "how much money now"}, 4});
    EXPECT_TRUE(predictions.ok());
    std::vector<float> out;
    for (const auto& p : *predictions)
        for (const auto& [label, probability] : p.top)
            out.push_back(probability);
    return out;
}

// The final pass on all examples (refit) is checkpointed and resumed like the selection epochs: a crash in
// it ends with the same final model as an uninterrupted run.
TEST(Trainer, RefitOnAllExamplesResumesAfterACrashToTheSameModel) {
    TempDir dir;
    const auto path = dir.file("p.bbproj");
    test::createSyntheticProject(path, "train", {.perClass = 40});
    auto config = smallConfig();
    config.checkpointEverySteps = 10;
    core::CancelToken cancel;
    RecordingSink plain;
    auto reference = ml::runTrainJob(test::trainRequest(path, "whole", config), plain, cancel);
    ASSERT_TRUE(reference.ok()) << reference.error().what();
    ASSERT_GT(reference->result.refitEpochs, 0);
    EXPECT_EQ(reference->result.refitEpochs, reference->result.bestEpoch);
    EXPECT_EQ(reference->result.refitExamples, 160); // training + validation
    const auto selectionSteps = static_cast<std::int64_t>(reference->result.history.size()) * 15;
    EXPECT_EQ(reference->result.steps, selectionSteps + reference->result.refitEpochs * 20);

    CrashingSink crashing(selectionSteps + 25); // inside the refit, after its checkpoint at a multiple of 10
    ASSERT_FALSE(ml::runTrainJob(test::trainRequest(path, "crashed", config), crashing, cancel).ok());
    RecordingSink resumed;
    auto again = test::trainRequest(path, "crashed", config);
    again.resume = true;
    auto second = ml::runTrainJob(again, resumed, cancel);
    ASSERT_TRUE(second.ok()) << second.error().what();
    bool resumedInRefit = false;
    for (const auto& line : resumed.lines)
        resumedInRefit |= line.find("(refit epoch") != std::string::npos;
    EXPECT_TRUE(resumedInRefit);
    EXPECT_EQ(second->result.steps, reference->result.steps);
    EXPECT_EQ(probabilitiesOf(path, "crashed"), probabilitiesOf(path, "whole"));

    // Without refit the final model is the selection model: different weights, same validation report.
    config.refit = false;
    auto plainRun = ml::runTrainJob(test::trainRequest(path, "no-refit", config), plain, cancel);
    ASSERT_TRUE(plainRun.ok());
    EXPECT_EQ(plainRun->result.refitEpochs, 0);
    EXPECT_EQ(plainRun->report["validation"], reference->report["validation"]);
    EXPECT_NE(probabilitiesOf(path, "no-refit"), probabilitiesOf(path, "whole"));
}

TEST(Trainer, TimeBasedCheckpointsAreResumedFrom) {
    TempDir dir;
    const auto path = dir.file("p.bbproj");
    test::createSyntheticProject(path, "train", {.perClass = 40});
    auto config = smallConfig();
    config.checkpointEveryMinutes = 1e-9; // due after every step
    config.epochs = 3;                    // few steps: each one writes a checkpoint
    core::CancelToken cancel;
    CrashingSink crashing(25);
    ASSERT_FALSE(ml::runTrainJob(test::trainRequest(path, "timed", config), crashing, cancel).ok());
    RecordingSink resumed;
    auto again = test::trainRequest(path, "timed", config);
    again.resume = true;
    auto second = ml::runTrainJob(again, resumed, cancel);
    ASSERT_TRUE(second.ok()) << second.error().what();
    // Progress for step 25 comes before its checkpoint, so the crash left the one of step 24.
    EXPECT_NE(
        std::find(resumed.lines.begin(), resumed.lines.end(), "resumed from checkpoint at step 24 (epoch 2)"),
        resumed.lines.end());
}

TEST(Trainer, ResumeWithoutACheckpointOrWithAnotherConfigIsRefused) {
    TempDir dir;
    const auto path = dir.file("p.bbproj");
    test::createSyntheticProject(path, "train", {.perClass = 10});
    core::CancelToken cancel;
    RecordingSink sink;
    CrashingSink crashing(1);
    ASSERT_FALSE(
        ml::runTrainJob(test::trainRequest(path, "early-crash", smallConfig()), crashing, cancel).ok());
    auto resume = test::trainRequest(path, "early-crash", smallConfig());
    resume.resume = true;
    const auto missing = ml::runTrainJob(resume, sink, cancel);
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().code, core::ErrorCode::NotFound);
    EXPECT_NE(missing.error().message.find("no checkpoint"), std::string::npos);
    resume.runName = "never-started";
    EXPECT_EQ(ml::runTrainJob(resume, sink, cancel).error().code, core::ErrorCode::NotFound);
}

TEST(Trainer, MultiLabelTunesPerLabelThresholdsOnValidation) {
    TempDir dir;
    const auto path = dir.file("p.bbproj");
    test::createSyntheticProject(path, "train", {.perClass = 40, .multiLabel = true});
    core::CancelToken cancel;
    RecordingSink sink;
    auto config = smallConfig();
    config.epochs = 10;
    auto summary = ml::runTrainJob(test::trainRequest(path, "multi", config), sink, cancel);
    ASSERT_TRUE(summary.ok()) << summary.error().what();
    EXPECT_TRUE(summary->multiLabel);
    const auto& validation = summary->report["validation"];
    EXPECT_TRUE(validation.contains("subset_accuracy"));
    EXPECT_GE(validation["micro_f1"].get<double>(), 0.85);
    ASSERT_EQ(validation["thresholds"].size(), 4u);

    auto classifier = ml::TextClassifier::load(summary->modelDir, ml::DevicePreference::Cpu);
    ASSERT_TRUE(classifier.ok()) << classifier.error().what();
    EXPECT_TRUE((*classifier)->multiLabel());
    EXPECT_EQ((*classifier)->thresholds().size(), 4u);
    auto predictions = ml::runPredictJob({path, "multi", {"转账 and my balance please"}, 4});
    ASSERT_TRUE(predictions.ok());
    const auto& labels = (*predictions)[0].labels;
    EXPECT_NE(std::find(labels.begin(), labels.end(), "transfer"), labels.end());
    EXPECT_NE(std::find(labels.begin(), labels.end(), "balance"), labels.end());
}

TEST(Trainer, EarlyStoppingKeepsTheBestEpoch) {
    TempDir dir;
    const auto path = dir.file("p.bbproj");
    test::createSyntheticProject(path, "train", {.perClass = 40});
    auto config = smallConfig();
    config.epochs = 40;
    config.earlyStoppingPatience = 2;
    core::CancelToken cancel;
    RecordingSink sink;
    auto summary = ml::runTrainJob(test::trainRequest(path, "early", config), sink, cancel);
    ASSERT_TRUE(summary.ok()) << summary.error().what();
    EXPECT_TRUE(summary->result.stoppedEarly);
    EXPECT_LT(summary->result.history.size(), 40u);
    EXPECT_EQ(summary->result.history.size(), static_cast<std::size_t>(summary->result.bestEpoch) + 2);
    double best = 0;
    for (const auto& m : summary->result.history)
        best = std::max(best, m.validationMacroF1);
    EXPECT_EQ(summary->result.bestValidationMacroF1, best);
    EXPECT_EQ(summary->report["validation"]["macro_f1"].get<double>(), best);
    // Regression: the refit after an early stop must still train (it once ran zero epochs and kept the
    // untrained model).
    ASSERT_EQ(summary->result.refitEpochs, summary->result.bestEpoch);
    EXPECT_EQ(summary->result.steps, static_cast<std::int64_t>(summary->result.history.size()) * 15 +
                                         summary->result.refitEpochs * 20);
    auto predictions = ml::runPredictJob({path, "early", {"I lost card", "need a mortgage"}, 1});
    ASSERT_TRUE(predictions.ok());
    EXPECT_EQ((*predictions)[0].labels[0], "card_lost");
    EXPECT_EQ((*predictions)[1].labels[0], "loan");
    EXPECT_GT((*predictions)[0].top[0].second, 0.5F);
}

TEST(Trainer, ClassWeightsAndLabelSmoothingTrainToo) {
    TempDir dir;
    const auto path = dir.file("p.bbproj");
    test::createSyntheticProject(path, "train", {.perClass = 40});
    auto config = smallConfig();
    config.epochs = 20;
    config.classWeighting = ml::ClassWeighting::Balanced;
    config.labelSmoothing = 0.1;
    core::CancelToken cancel;
    RecordingSink sink;
    auto summary = ml::runTrainJob(test::trainRequest(path, "weighted", config), sink, cancel);
    ASSERT_TRUE(summary.ok()) << summary.error().what();
    EXPECT_GE(summary->report["validation"]["accuracy"].get<double>(), 0.85);
    // Label smoothing keeps the training loss away from 0: with 4 classes and eps 0.1 the optimum is ~0.2.
    EXPECT_GT(summary->result.history.back().trainLoss, 0.1);
    auto project = core::Project::open(path).value();
    EXPECT_EQ(core::RunStore(*project).run("weighted").value().config["class_weights"], "balanced");
}

TEST(Trainer, BadRequestsFailWithClearErrors) {
    TempDir dir;
    const auto path = dir.file("p.bbproj");
    test::createSyntheticProject(path, "train", {.perClass = 5});
    core::CancelToken cancel;
    RecordingSink sink;
    auto missing = test::trainRequest(path, "", smallConfig());
    missing.datasetName = "nope";
    EXPECT_EQ(ml::runTrainJob(missing, sink, cancel).error().code, core::ErrorCode::NotFound);
    auto transformer = ml::defaultTrainConfig(ml::ModelKind::Transformer);
    transformer.transformer.initFrom = dir.file("no-such-bert");
    const auto notThere = ml::runTrainJob(test::trainRequest(path, "", transformer), sink, cancel);
    ASSERT_FALSE(notThere.ok());
    EXPECT_NE(notThere.error().message.find("no tokenizer in the folder"), std::string::npos);
    // The failed attempt is recorded as such, with its reason.
    auto project = core::Project::open(path).value();
    const auto runs = core::RunStore(*project).runs().value();
    ASSERT_EQ(runs.size(), 1u);
    EXPECT_EQ(runs[0].status, core::RunStatus::Failed);
    EXPECT_NE(runs[0].error.find("no tokenizer in the folder"), std::string::npos);
    EXPECT_EQ(ml::runEvalJob({path, "nope", "train"}).error().code, core::ErrorCode::NotFound);
}

TEST(Trainer, TrainsOnTheGpu_CUDA) {
    if (!ml::runtimeInfo().cudaAvailable)
        GTEST_SKIP() << "no CUDA device visible to this LibTorch build";
    TempDir dir;
    const auto path = dir.file("p.bbproj");
    test::createSyntheticProject(path, "train", {.perClass = 40});
    auto config = smallConfig();
    config.device = ml::DevicePreference::Cuda;
    core::CancelToken cancel;
    RecordingSink sink;
    auto summary = ml::runTrainJob(test::trainRequest(path, "gpu", config), sink, cancel);
    ASSERT_TRUE(summary.ok()) << summary.error().what();
    EXPECT_EQ(summary->result.device, "cuda:0");
    EXPECT_GE(summary->report["validation"]["accuracy"].get<double>(), 0.7);
    auto predictions = ml::runPredictJob({path, "gpu", {"I lost card"}, 1, ml::DevicePreference::Cuda});
    ASSERT_TRUE(predictions.ok()) << predictions.error().what();
    EXPECT_EQ((*predictions)[0].labels[0], "card_lost");
}
