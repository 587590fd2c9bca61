#include "ml/evaluation.h"

#include <gtest/gtest.h>

using namespace bankbench;

namespace {

ml::LabelledData singleLabel(std::vector<int> truth, std::vector<std::string> names) {
    ml::LabelledData data;
    data.labelNames = std::move(names);
    for (int label : truth) {
        data.texts.push_back("t");
        data.labels.push_back({label});
    }
    return data;
}

} // namespace

// Hand-computed: truth a a b b c, predicted a b b b a. Accuracy 3/5. Per class: a P=1/2 R=1/2 F1=1/2;
// b P=2/3 R=1 F1=0.8; c P=0 R=0 F1=0. Macro F1 = 1.3/3.
TEST(Evaluation, SingleLabelReportMatchesHandComputedValues) {
    const auto data = singleLabel({0, 0, 1, 1, 2}, {"a", "b", "c"});
    const std::vector<float> probabilities = {0.7F, 0.2F, 0.1F, 0.3F, 0.6F, 0.1F, 0.1F, 0.8F,
                                              0.1F, 0.2F, 0.7F, 0.1F, 0.5F, 0.1F, 0.4F};
    auto report = ml::evaluationReport(data, {}, probabilities, 3, {});
    ASSERT_TRUE(report.ok()) << report.error().what();
    EXPECT_DOUBLE_EQ((*report)["accuracy"].get<double>(), 0.6);
    EXPECT_NEAR((*report)["macro_f1"].get<double>(), 1.3 / 3, 1e-12);
    EXPECT_EQ((*report)["per_class"][1]["label"], "b");
    EXPECT_NEAR((*report)["per_class"][1]["precision"].get<double>(), 2.0 / 3, 1e-12);
    EXPECT_EQ((*report)["confusion"]["matrix"], nlohmann::json({{1, 1, 0}, {0, 2, 0}, {1, 0, 0}}));
    // Top-3 of 3 classes is always right; top-1 equals accuracy.
    EXPECT_DOUBLE_EQ((*report)["top_k"]["3"].get<double>(), 1.0);
    EXPECT_DOUBLE_EQ((*report)["top_k"]["1"].get<double>(), 0.6);
    EXPECT_TRUE((*report)["unknown_labels"].empty());

    auto quick = ml::quickScores(data, {}, probabilities, 3, {});
    ASSERT_TRUE(quick.ok());
    EXPECT_DOUBLE_EQ(quick->accuracy, 0.6);
    EXPECT_NEAR(quick->macroF1, 1.3 / 3, 1e-12);
}

// A label the model never saw counts as an error for its examples, not as a dropped example.
TEST(Evaluation, UnknownLabelsCountAsErrors) {
    const auto data = singleLabel({0, 1, 2}, {"a", "b", "new"});
    const std::vector<float> probabilities = {0.9F, 0.1F, 0.2F, 0.8F, 0.6F, 0.4F};
    auto report = ml::evaluationReport(data, {}, probabilities, 2, {});
    ASSERT_TRUE(report.ok()) << report.error().what();
    EXPECT_NEAR((*report)["accuracy"].get<double>(), 2.0 / 3, 1e-12);
    EXPECT_EQ((*report)["unknown_labels"], nlohmann::json({"new"}));
    EXPECT_EQ((*report)["confusion"]["labels"], nlohmann::json({"a", "b", "new"}));
    EXPECT_NEAR((*report)["top_k"]["1"].get<double>(), 2.0 / 3, 1e-12);
}

// Truth {a,b} {b} {c}; at thresholds 0.5 the predictions are {a} {b,c} {c}: one exact row, TP 3, FP 1,
// FN 1, so subset accuracy 1/3 and micro F1 = 2TP / (2TP + FP + FN) = 6/8.
TEST(Evaluation, MultiLabelUsesThresholdsAndReportsMicroMacroSubset) {
    ml::LabelledData data;
    data.multiLabel = true;
    data.labelNames = {"a", "b", "c"};
    data.texts = {"x", "y", "z"};
    data.labels = {{0, 1}, {1}, {2}};
    const std::vector<float> probabilities = {0.9F, 0.4F, 0.1F, 0.2F, 0.7F, 0.6F, 0.1F, 0.2F, 0.55F};
    auto report = ml::evaluationReport(data, {}, probabilities, 3, {0.5F, 0.5F, 0.5F});
    ASSERT_TRUE(report.ok()) << report.error().what();
    EXPECT_NEAR((*report)["subset_accuracy"].get<double>(), 1.0 / 3, 1e-12);
    EXPECT_NEAR((*report)["micro_f1"].get<double>(), 0.75, 1e-12);
    EXPECT_TRUE((*report).contains("macro_f1"));
    EXPECT_TRUE((*report)["multi_label"].get<bool>());
    // Lowering b's threshold to 0.35 makes the first example exactly right.
    auto tuned = ml::evaluationReport(data, {}, probabilities, 3, {0.5F, 0.35F, 0.5F});
    EXPECT_NEAR((*tuned)["subset_accuracy"].get<double>(), 2.0 / 3, 1e-12);
}
