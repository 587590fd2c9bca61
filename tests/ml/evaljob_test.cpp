#include "mltestdata.h"

#include "ml/evaljob.h"
#include "ml/trainjob.h"
#include "store/runstore.h"

#include "support/testsupport.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

using namespace bankbench;
using bankbench::test::TempDir;

namespace {

/// A project with a small trained run "small" on dataset "train" and a differently seeded "test" dataset.
class EvalDetailJob : public ::testing::Test {
protected:
    void SetUp() override {
        m_path = m_dir.file("p.bbproj");
        auto project = test::createSyntheticProject(m_path, "train", {.perClass = 30});
        // Few epochs and a tiny model, so the confusion matrix has off-diagonal cells to check too.
        test::addSyntheticDataset(*project, "test", {.perClass = 25, .seed = 7});
        project.reset();
        ml::TrainJobRequest request;
        request.projectPath = m_path;
        request.datasetName = "train";
        request.runName = "small";
        request.config.epochs = 2;
        request.config.threads = 1;
        request.config.fast.dim = 4;
        request.config.fast.features.bucketBits = 10;
        request.config.checkpointEveryMinutes = 0;
        ml::NullProgressSink sink;
        core::CancelToken cancel;
        auto summary = ml::runTrainJob(request, sink, cancel);
        ASSERT_TRUE(summary.ok()) << summary.error().what();
    }

    ml::EvalDetailRequest request(const std::string& dataset) const {
        ml::EvalDetailRequest out;
        out.projectPath = m_path;
        out.runName = "small";
        out.datasetName = dataset;
        out.batchSize = 16;
        out.device = ml::DevicePreference::Cpu;
        return out;
    }

    TempDir m_dir;
    std::string m_path;
};

} // namespace

TEST_F(EvalDetailJob, ConfusionCellExamplesAreExactlyTheOnesTheMatrixCounts) {
    core::CancelToken cancel;
    auto detail = ml::runEvalDetailJob(request("test"), {}, cancel);
    ASSERT_TRUE(detail.ok()) << detail.error().what();
    const auto& matrix = detail->report.at("confusion").at("matrix");
    const int classes = static_cast<int>(detail->labels.size());
    ASSERT_EQ(static_cast<int>(matrix.size()), classes);
    std::set<std::size_t> seen;
    std::int64_t offDiagonal = 0;
    for (int t = 0; t < classes; ++t) {
        for (int p = 0; p < classes; ++p) {
            const auto cell = ml::confusionCellExamples(*detail, t, p);
            EXPECT_EQ(static_cast<std::int64_t>(cell.size()), matrix[t][p].get<std::int64_t>())
                << "cell " << t << "," << p;
            for (const auto i : cell) {
                EXPECT_EQ(detail->examples[i].trueClasses.front(), t);
                EXPECT_EQ(detail->examples[i].predictedClasses.front(), p);
                EXPECT_TRUE(seen.insert(i).second) << "example " << i << " in two cells";
            }
            if (t != p)
                offDiagonal += static_cast<std::int64_t>(cell.size());
        }
    }
    EXPECT_EQ(seen.size(), detail->examples.size());
    EXPECT_GT(offDiagonal, 0) << "the undertrained model should make some errors to check";
    EXPECT_EQ(detail->examples.size(), detail->report.at("samples").get<std::size_t>());
    // The accuracy agrees with the rows: the diagonal share.
    const double accuracy = 1.0 - static_cast<double>(offDiagonal) / detail->examples.size();
    EXPECT_NEAR(detail->report.at("accuracy").get<double>(), accuracy, 1e-9);
}

TEST_F(EvalDetailJob, MatchesTheEvalJobReportAndRowsCarryTopProbabilities) {
    core::CancelToken cancel;
    auto detail = ml::runEvalDetailJob(request("test"), {}, cancel);
    ASSERT_TRUE(detail.ok()) << detail.error().what();
    ml::EvalJobRequest eval;
    eval.projectPath = m_path;
    eval.runName = "small";
    eval.datasetName = "test";
    eval.device = ml::DevicePreference::Cpu;
    eval.store = false;
    auto report = ml::runEvalJob(eval);
    ASSERT_TRUE(report.ok()) << report.error().what();
    EXPECT_EQ(detail->report.at("confusion"), report->at("confusion"));
    EXPECT_EQ(detail->report.at("per_class"), report->at("per_class"));
    EXPECT_EQ(detail->runName, "small");
    EXPECT_EQ(detail->datasetName, "test");
    EXPECT_FALSE(detail->validationSplit);
    for (const auto& example : detail->examples) {
        ASSERT_EQ(example.top.size(), 3U);
        EXPECT_EQ(example.top.front().first, example.predictedClasses.front());
        EXPECT_FLOAT_EQ(example.top.front().second, example.confidence);
        EXPECT_GE(example.top[0].second, example.top[1].second);
        EXPECT_FALSE(example.text.empty());
    }
}

TEST_F(EvalDetailJob, ValidationSplitScoresExactlyTheRunsValidationRecords) {
    core::CancelToken cancel;
    std::vector<std::pair<std::int64_t, std::int64_t>> calls;
    auto detail = ml::runEvalDetailJob(
        request(""), [&](std::int64_t done, std::int64_t total) { calls.emplace_back(done, total); }, cancel);
    ASSERT_TRUE(detail.ok()) << detail.error().what();
    EXPECT_TRUE(detail->validationSplit);
    EXPECT_EQ(detail->datasetName, "train");
    auto project = core::Project::open(m_path, true);
    ASSERT_TRUE(project.ok());
    core::RunStore store(**project);
    auto run = store.run("small");
    ASSERT_TRUE(run.ok());
    auto split = store.split(run->id);
    ASSERT_TRUE(split.ok());
    std::set<core::RecordId> expected(split->validation.begin(), split->validation.end());
    std::set<core::RecordId> scored;
    for (const auto& example : detail->examples)
        scored.insert(example.recordId);
    EXPECT_EQ(scored, expected);
    EXPECT_EQ(detail->missingRecords, 0);
    // Progress: from 0 to all, never backwards, in batches of 16.
    ASSERT_GE(calls.size(), 2U);
    EXPECT_EQ(calls.front().first, 0);
    EXPECT_EQ(calls.back().first, static_cast<std::int64_t>(expected.size()));
    EXPECT_TRUE(std::is_sorted(calls.begin(), calls.end()));
}

TEST_F(EvalDetailJob, CancelStopsBetweenBatches) {
    core::CancelToken cancel;
    int batches = 0;
    auto detail = ml::runEvalDetailJob(
        request("test"),
        [&](std::int64_t done, std::int64_t) {
            if (done > 0 && ++batches == 1)
                cancel.cancel();
        },
        cancel);
    ASSERT_FALSE(detail.ok());
    EXPECT_EQ(detail.error().code, core::ErrorCode::Cancelled);
    EXPECT_EQ(batches, 1);
}

TEST_F(EvalDetailJob, UnknownRunIsNotFound) {
    core::CancelToken cancel;
    auto bad = request("test");
    bad.runName = "nope";
    auto detail = ml::runEvalDetailJob(bad, {}, cancel);
    ASSERT_FALSE(detail.ok());
    EXPECT_EQ(detail.error().code, core::ErrorCode::NotFound);
}
