// Acceptance on real data (label `data`): the fast model with the shipped defaults reaches >= 91% accuracy
// on the official Banking77 test set, scored once after training on train.csv (validation split of train
// for early stopping only). Skips when ../shared/data is absent.

#include "io/importer.h"
#include "ml/trainjob.h"
#include "support/testsupport.h"

#include <gtest/gtest.h>

using namespace bankbench;
using bankbench::test::TempDir;

namespace {

void importCsv(core::Project& project, const std::filesystem::path& file, const std::string& name) {
    core::ImportOptions options;
    options.path = file.string();
    options.datasetName = name;
    options.textColumn = "text";
    options.labelColumn = "category";
    core::CancelToken cancel;
    auto result = core::importFile(project, options, {}, cancel);
    ASSERT_TRUE(result.ok()) << result.error().what();
}

} // namespace

TEST(TrainBanking77, FastModelReachesTheAcceptanceAccuracyOnTheOfficialTestSet) {
    const auto shared = test::sharedDataDir();
    if (shared.empty() || !std::filesystem::exists(shared / "banking77" / "train.csv"))
        GTEST_SKIP() << "../shared/data/banking77 not found";
    TempDir dir;
    const auto path = dir.file("b77.bbproj");
    {
        auto project = core::Project::create(path);
        ASSERT_TRUE(project.ok());
        importCsv(**project, shared / "banking77" / "train.csv", "train");
        importCsv(**project, shared / "banking77" / "test.csv", "test");
    }
    ml::TrainJobRequest request;
    request.projectPath = path;
    request.datasetName = "train";
    request.config.threads = 1; // the acceptance figure is for one CPU core
    ml::NullProgressSink sink;
    core::CancelToken cancel;
    auto summary = ml::runTrainJob(request, sink, cancel);
    ASSERT_TRUE(summary.ok()) << summary.error().what();
    auto report = ml::runEvalJob({path, summary->runName, "test"});
    ASSERT_TRUE(report.ok()) << report.error().what();
    const double accuracy = (*report)["accuracy"].get<double>();
    std::cout << "Banking77 test accuracy " << accuracy << ", macro-F1 "
              << (*report)["macro_f1"].get<double>() << ", training " << summary->result.trainSeconds
              << " s\n";
    EXPECT_GE(accuracy, 0.910);
    EXPECT_EQ((*report)["samples"], 3080);
}
