#include "ml/trainingdata.h"
#include "mltestdata.h"
#include "support/testsupport.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>

using namespace bankbench;
using bankbench::test::TempDir;

TEST(TrainingData, LoadsLabelledRecordsWithLabelSetOrder) {
    TempDir dir;
    auto project = test::createSyntheticProject(dir.file("p.bbproj"), "train", {.perClass = 5});
    auto data = ml::loadLabelledData(*project, "train");
    ASSERT_TRUE(data.ok()) << data.error().what();
    EXPECT_EQ(data->size(), 20u);
    EXPECT_FALSE(data->multiLabel);
    EXPECT_EQ(data->labelNames.size(), 4u);
    for (std::size_t i = 0; i < data->size(); ++i)
        ASSERT_EQ(data->labels[i].size(), 1u);
    EXPECT_EQ(ml::loadLabelledData(*project, "nope").error().code, core::ErrorCode::NotFound);
}

TEST(TrainingData, EvaluationDataGivesUnknownLabelsNewIds) {
    TempDir dir;
    auto project = test::createSyntheticProject(dir.file("p.bbproj"), "test", {.perClass = 2});
    auto data = ml::loadLabelledDataFor(*project, "test", {"balance", "transfer"}, false);
    ASSERT_TRUE(data.ok()) << data.error().what();
    ASSERT_EQ(data->labelNames.size(), 4u);
    EXPECT_EQ(data->labelNames[0], "balance");
    EXPECT_EQ(data->labelNames[1], "transfer");
    EXPECT_EQ(data->size(), 8u); // nothing dropped
    const auto mismatch = ml::loadLabelledDataFor(*project, "test", {"balance"}, true);
    ASSERT_FALSE(mismatch.ok());
    EXPECT_NE(mismatch.error().message.find("single-label"), std::string::npos);
}

TEST(TrainingData, SplitIsStratifiedSeededAndDisjoint) {
    ml::LabelledData data;
    data.labelNames = {"big", "small", "single"};
    for (int i = 0; i < 100; ++i) {
        data.texts.push_back("t");
        data.labels.push_back({i < 80 ? 0 : (i < 99 ? 1 : 2)});
    }
    const auto split = ml::stratifiedSplit(data, 0.2, 9);
    std::map<int, int> validationPerClass;
    for (auto i : split.validation)
        ++validationPerClass[data.labels[i][0]];
    EXPECT_EQ(validationPerClass[0], 16);
    EXPECT_EQ(validationPerClass[1], 4); // round(19 * 0.2)
    EXPECT_EQ(validationPerClass[2], 0); // a class of one stays in train
    std::set<std::int64_t> all(split.train.begin(), split.train.end());
    all.insert(split.validation.begin(), split.validation.end());
    EXPECT_EQ(all.size(), 100u);
    EXPECT_EQ(split.train.size() + split.validation.size(), 100u);

    const auto again = ml::stratifiedSplit(data, 0.2, 9);
    EXPECT_EQ(again.validation, split.validation);
    EXPECT_NE(ml::stratifiedSplit(data, 0.2, 10).validation, split.validation);
}

// The shuffle is our own, so a split made on one platform is the same everywhere: pin a few values.
TEST(TrainingData, SeededShuffleIsPinned) {
    std::vector<std::int64_t> values = {0, 1, 2, 3, 4, 5, 6, 7};
    ml::seededShuffle(values, 42);
    std::vector<std::int64_t> sorted = values;
    std::sort(sorted.begin(), sorted.end());
    EXPECT_EQ(sorted, (std::vector<std::int64_t>{0, 1, 2, 3, 4, 5, 6, 7}));
    ml::SplitMix64 rng(0);
    EXPECT_EQ(rng.next(), 0xE220A8397B1DCDAFULL); // SplitMix64's published first output for seed 0
    std::vector<std::int64_t> again = {0, 1, 2, 3, 4, 5, 6, 7};
    ml::seededShuffle(again, 42);
    EXPECT_EQ(again, values);
}
