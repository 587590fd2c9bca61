#include "mltestdata.h"

#include "ml/runmodel.h"
#include "ml/trainjob.h"

#include "support/testsupport.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace bankbench;
using bankbench::test::TempDir;

namespace {

float dot(const std::vector<float>& rows, std::int64_t dim, int a, int b) {
    float sum = 0;
    for (std::int64_t i = 0; i < dim; ++i)
        sum += rows[static_cast<std::size_t>(a * dim + i)] * rows[static_cast<std::size_t>(b * dim + i)];
    return sum;
}

} // namespace

TEST(RunModel, LoadsARunByNameAndEmbedsTextsOfOneIntentCloserTogether) {
    TempDir dir;
    const auto path = dir.file("p.bbproj");
    test::createSyntheticProject(path, "train", {.perClass = 40});
    ml::TrainJobRequest request;
    request.projectPath = path;
    request.datasetName = "train";
    request.runName = "small";
    request.config.epochs = 15;
    request.config.threads = 1;
    request.config.fast.dim = 24;
    request.config.fast.features.bucketBits = 14;
    request.config.checkpointEveryMinutes = 0;
    ml::NullProgressSink sink;
    core::CancelToken cancel;
    auto summary = ml::runTrainJob(request, sink, cancel);
    ASSERT_TRUE(summary.ok()) << summary.error().what();

    auto model = ml::loadRunModel(path, "small", ml::DevicePreference::Cpu);
    ASSERT_TRUE(model.ok()) << model.error().what();
    EXPECT_EQ((*model)->runName(), "small");
    EXPECT_EQ((*model)->labels(), summary->labels);
    EXPECT_EQ((*model)->embeddingDim(), 24);

    const std::vector<std::string> texts = {"I lost card today", "stolen card please help", "转账 一下",
                                            "send money now"};
    auto embeddings = (*model)->embed(texts);
    ASSERT_TRUE(embeddings.ok()) << embeddings.error().what();
    ASSERT_EQ(embeddings->size(), texts.size() * 24);
    for (int row = 0; row < 4; ++row)
        EXPECT_NEAR(dot(*embeddings, 24, row, row), 1.0F, 1e-4F);
    // Same intent (lost card; transfer) closer than across intents.
    EXPECT_GT(dot(*embeddings, 24, 0, 1), dot(*embeddings, 24, 0, 2));
    EXPECT_GT(dot(*embeddings, 24, 2, 3), dot(*embeddings, 24, 1, 3));

    auto probabilities = (*model)->predictProbabilities({"转账"});
    ASSERT_TRUE(probabilities.ok());
    EXPECT_EQ(probabilities->size(), summary->labels.size());

    auto missing = ml::loadRunModel(path, "no-such-run", ml::DevicePreference::Cpu);
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().code, core::ErrorCode::NotFound);
}
