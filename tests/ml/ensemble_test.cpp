// Ensembles (core/ml/ensemble.h): temperature scaling and averaging checked by hand, then an ensemble of two
// fast runs stored as a run that eval, predict and loadRunModel use like any other, and its refusals.

#include "ml/ensemble.h"
#include "ml/runmodel.h"
#include "ml/selectionpredictions.h"
#include "ml/trainjob.h"
#include "mltestdata.h"
#include "support/testsupport.h"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>

using namespace bankbench;
using bankbench::test::TempDir;

// Two classes, every example with logits (a, 0), 3 of 4 labelled class 0: the NLL is minimal where
// sigmoid(a / T) = 3/4, i.e. a / T = ln 3, so T = a / ln 3.
TEST(EnsembleMath, TemperatureOfAHandWorkedBinaryCase) {
    const std::vector<int> labels = {0, 0, 0, 1};
    for (const float a : {1.0F, 2.0F, 5.0F}) {
        const std::vector<float> logits = {a, 0, a, 0, a, 0, a, 0};
        EXPECT_NEAR(ml::fitTemperature(logits, labels, 2), a / std::log(3.0), 1e-6) << a;
    }
}

// Log-probabilities differ from the logits by one constant per row, which the softmax ignores.
TEST(EnsembleMath, TemperatureIgnoresAShiftPerRow) {
    const std::vector<float> logits = {2.0F,  0.5F, -1.0F, 0.1F, 1.5F, 0.0F,
                                       -0.3F, 0.2F, 2.2F,  1.0F, 0.0F, 0.4F};
    const std::vector<int> labels = {0, 1, 2, 2};
    auto shifted = logits;
    for (std::size_t i = 0; i < shifted.size(); ++i)
        shifted[i] += static_cast<float>(i / 3) * 7.0F - 3.0F;
    const double t = ml::fitTemperature(logits, labels, 3);
    EXPECT_NEAR(ml::fitTemperature(shifted, labels, 3), t, 1e-5);
    // It is a minimum: nearby temperatures give a higher NLL.
    const auto nll = [&](double temperature) {
        return ml::meanNll(ml::temperatureSoftmax(logits, 3, temperature), labels, 3);
    };
    EXPECT_LT(nll(t), nll(t * 1.05));
    EXPECT_LT(nll(t), nll(t / 1.05));
}

// All predictions right and already confident: sharpening only helps, up to the bracket's end (T = 0.01);
// all wrong: flattening helps, up to T = 100.
TEST(EnsembleMath, TemperatureStaysInsideItsBracket) {
    EXPECT_DOUBLE_EQ(ml::fitTemperature({3, 0, 0, 3}, {0, 1}, 2), 0.01);
    EXPECT_DOUBLE_EQ(ml::fitTemperature({3, 0, 0, 3}, {1, 0}, 2), 100.0);
    EXPECT_DOUBLE_EQ(ml::fitTemperature({}, {}, 2), 1.0);
}

TEST(EnsembleMath, SoftmaxAtATemperatureNllAndAverageByHand) {
    // (ln 4, 0) at T = 2 is (ln 2, 0): probabilities 2/3 and 1/3.
    const auto p = ml::temperatureSoftmax({static_cast<float>(std::log(4.0)), 0.0F}, 2, 2.0);
    EXPECT_NEAR(p[0], 2.0 / 3.0, 1e-6);
    EXPECT_NEAR(p[1], 1.0 / 3.0, 1e-6);
    EXPECT_NEAR(ml::meanNll({0.5F, 0.5F, 0.25F, 0.75F}, {0, 1}, 2), -(std::log(0.5) + std::log(0.75)) / 2,
                1e-7);
    const auto averaged = ml::averageProbabilities({{1.0F, 0.0F}, {0.2F, 0.8F}}, {0.25, 0.75});
    EXPECT_NEAR(averaged[0], 0.25 * 1.0 + 0.75 * 0.2, 1e-7);
    EXPECT_NEAR(averaged[1], 0.75 * 0.8, 1e-7);
    const auto logs = ml::logOf({0.5F, 0.0F});
    EXPECT_NEAR(logs[0], std::log(0.5), 1e-7);
    EXPECT_TRUE(std::isfinite(logs[1])); // a zero probability stays finite
}

TEST(EnsembleMath, TunedWeightsFavourTheBetterMember) {
    // Member 0 is right on every example, member 1 is confidently wrong on half of them.
    const std::vector<int> labels = {0, 1, 0, 1};
    const std::vector<float> good = {0.9F, 0.1F, 0.2F, 0.8F, 0.7F, 0.3F, 0.1F, 0.9F};
    const std::vector<float> bad = {0.1F, 0.9F, 0.2F, 0.8F, 0.05F, 0.95F, 0.4F, 0.6F};
    const auto weights = ml::tuneWeights({good, bad}, labels, 2, 0.05);
    ASSERT_EQ(weights.size(), 2u);
    EXPECT_NEAR(weights[0] + weights[1], 1.0, 1e-12);
    EXPECT_GT(weights[0], 0.75);
    // Identical members: every grid point ties, and equal weights are kept.
    const auto tie = ml::tuneWeights({good, good}, labels, 2, 0.05);
    EXPECT_NEAR(tie[0], 0.5, 1e-12);
}

TEST(EnsembleConfig, RoundTripsAndNamesBadKeys) {
    ml::EnsembleConfig config;
    config.members = {{"a", 1, 1.5, 0.25}, {"b", 2, 0.8, 0.75}};
    config.tunedWeights = true;
    auto parsed = ml::ensembleConfigFromJson(ml::toJson(config));
    ASSERT_TRUE(parsed.ok()) << parsed.error().what();
    ASSERT_EQ(parsed->members.size(), 2u);
    EXPECT_EQ(parsed->members[1].run, "b");
    EXPECT_EQ(parsed->members[1].runId, 2);
    EXPECT_DOUBLE_EQ(parsed->members[0].temperature, 1.5);
    EXPECT_DOUBLE_EQ(parsed->members[1].weight, 0.75);
    EXPECT_TRUE(parsed->tunedWeights);
    auto json = ml::toJson(config);
    json["members"][0]["temperature"] = -1;
    auto bad = ml::ensembleConfigFromJson(json);
    ASSERT_FALSE(bad.ok());
    EXPECT_NE(bad.error().message.find("temperature"), std::string::npos);
}

namespace {

ml::TrainConfig memberConfig(int dim, int charMaxN) {
    ml::TrainConfig config;
    config.epochs = 5;
    config.batchSize = 8;
    config.learningRate = 0.1;
    config.threads = 1;
    config.validationFraction = 0.25;
    config.earlyStoppingPatience = 0;
    config.checkpointEveryMinutes = 0;
    config.fast.dim = dim;
    config.fast.features.bucketBits = 12;
    config.fast.features.charMaxN = charMaxN;
    return config;
}

void trainRun(const std::string& path, const std::string& name, const ml::TrainConfig& config) {
    ml::TrainJobRequest request;
    request.projectPath = path;
    request.datasetName = "train";
    request.runName = name;
    request.config = config;
    ml::NullProgressSink sink;
    core::CancelToken cancel;
    auto summary = ml::runTrainJob(request, sink, cancel);
    ASSERT_TRUE(summary.ok()) << summary.error().what();
}

} // namespace

TEST(Ensemble, TwoFastRunsBecomeARunThatEvalAndPredictUse) {
    TempDir dir;
    const auto path = dir.file("p.bbproj");
    {
        auto project = test::createSyntheticProject(path, "train", {40, false, 1});
        test::addSyntheticDataset(*project, "test", {10, false, 2});
    }
    trainRun(path, "a", memberConfig(16, 4));
    auto refit = memberConfig(24, 5);
    refit.refit = true;
    trainRun(path, "b", refit);
    // Each member keeps its selection model's held-out validation probabilities.
    {
        auto project = core::Project::open(path);
        ASSERT_TRUE(project.ok());
        core::RunStore store(**project);
        auto stored = ml::readSelectionPredictions(store.modelDirPath(store.run("b").value()));
        ASSERT_TRUE(stored.ok()) << stored.error().what();
        EXPECT_EQ(stored->recordIds.size(), store.split(store.run("b")->id).value().validation.size());
    }

    ml::EnsembleRequest request;
    request.projectPath = path;
    request.runs = {"a", "b"};
    request.tuneWeights = true;
    auto summary = ml::createEnsemble(request);
    ASSERT_TRUE(summary.ok()) << summary.error().what();
    EXPECT_EQ(summary->runName, "ensemble-1");
    ASSERT_EQ(summary->members.size(), 2u);
    double weights = 0;
    for (const auto& m : summary->members) {
        EXPECT_EQ(m.source, "selection");
        EXPECT_GT(m.member.temperature, 0.0);
        EXPECT_LE(m.nllAfter, m.nllBefore + 1e-9); // the fitted temperature never makes NLL worse
        weights += m.member.weight;
    }
    EXPECT_NEAR(weights, 1.0, 1e-9);
    EXPECT_GE(summary->report["validation"]["accuracy"].get<double>(), 0.8);

    {
        auto project = core::Project::open(path);
        ASSERT_TRUE(project.ok());
        core::RunStore store(**project);
        auto run = store.run("ensemble-1");
        ASSERT_TRUE(run.ok());
        EXPECT_EQ(run->model, "ensemble");
        EXPECT_EQ(run->status, core::RunStatus::Finished);
        EXPECT_EQ(store.split(run->id).value().validation,
                  store.split(store.run("a")->id).value().validation);
    }

    // loadRunModel: probabilities are the weighted average of the calibrated members'.
    auto ensemble = ml::loadRunModel(path, "ensemble-1", ml::DevicePreference::Cpu);
    ASSERT_TRUE(ensemble.ok()) << ensemble.error().what();
    auto a = ml::loadRunModel(path, "a", ml::DevicePreference::Cpu);
    auto b = ml::loadRunModel(path, "b", ml::DevicePreference::Cpu);
    ASSERT_TRUE(a.ok() && b.ok());
    const std::vector<std::string> texts = {"I lost my card", "余额是多少"};
    const auto classes = static_cast<std::int64_t>((*ensemble)->labels().size());
    auto pa = (*a)->predictProbabilities(texts).value();
    auto pb = (*b)->predictProbabilities(texts).value();
    const auto expected = ml::averageProbabilities(
        {ml::temperatureSoftmax(ml::logOf(pa), classes, summary->members[0].member.temperature),
         ml::temperatureSoftmax(ml::logOf(pb), classes, summary->members[1].member.temperature)},
        {summary->members[0].member.weight, summary->members[1].member.weight});
    auto pe = (*ensemble)->predictProbabilities(texts);
    ASSERT_TRUE(pe.ok());
    ASSERT_EQ(pe->size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i)
        EXPECT_NEAR((*pe)[i], expected[i], 1e-6);
    auto embeddings = (*ensemble)->embed(texts);
    ASSERT_TRUE(embeddings.ok());
    EXPECT_EQ((*ensemble)->embeddingDim(), 16 + 24);
    double norm = 0;
    for (std::int64_t d = 0; d < (*ensemble)->embeddingDim(); ++d)
        norm += (*embeddings)[d] * (*embeddings)[d];
    EXPECT_NEAR(norm, 1.0, 1e-5);

    auto report = ml::runEvalJob({path, "ensemble-1", "test", ml::DevicePreference::Cpu});
    ASSERT_TRUE(report.ok()) << report.error().what();
    EXPECT_GE((*report)["accuracy"].get<double>(), 0.8);
    auto predictions = ml::runPredictJob({path, "ensemble-1", texts, 2, ml::DevicePreference::Cpu});
    ASSERT_TRUE(predictions.ok()) << predictions.error().what();
    EXPECT_EQ((*predictions)[0].top.size(), 2u);
}

TEST(Ensemble, RefusesMembersThatDoNotShareASplitOrDoNotExist) {
    TempDir dir;
    const auto path = dir.file("p.bbproj");
    test::createSyntheticProject(path, "train", {20, false, 1});
    trainRun(path, "a", memberConfig(8, 4));
    auto otherSeed = memberConfig(8, 4);
    otherSeed.seed = 7;
    trainRun(path, "b", otherSeed);

    ml::EnsembleRequest request;
    request.projectPath = path;
    request.runs = {"a", "b"};
    auto split = ml::createEnsemble(request);
    ASSERT_FALSE(split.ok());
    EXPECT_EQ(split.error().code, core::ErrorCode::InvalidArgument);
    EXPECT_NE(split.error().message.find("train/validation split"), std::string::npos)
        << split.error().message;
    EXPECT_NE(split.error().message.find("seed 7"), std::string::npos) << split.error().message;

    request.runs = {"a", "missing"};
    auto missing = ml::createEnsemble(request);
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().code, core::ErrorCode::NotFound);

    request.runs = {"a"};
    EXPECT_FALSE(ml::createEnsemble(request).ok());
    request.runs = {"a", "a"};
    EXPECT_FALSE(ml::createEnsemble(request).ok());
}
