// Policy (core/chat/policy.h): calibration, tuning on validation predictions, JSON round trip.

#include "chat/policy.h"

#include <gtest/gtest.h>

#include <random>

namespace bankbench::core::chat {
namespace {

TEST(ChatPolicy, CalibrationKeepsTheOrderAndSharpensOrFlattens) {
    const std::vector<float> p = {0.6f, 0.3f, 0.1f};
    const auto same = calibrate(p, 1.0);
    EXPECT_NEAR(same[0], 0.6, 1e-5);
    const auto flatter = calibrate(p, 2.0);
    const auto sharper = calibrate(p, 0.5);
    EXPECT_LT(flatter[0], 0.6f);
    EXPECT_GT(sharper[0], 0.6f);
    EXPECT_GT(flatter[0], flatter[1]);
    EXPECT_NEAR(flatter[0] + flatter[1] + flatter[2], 1.0, 1e-5);
}

// Validation rows: right predictions mostly confident, wrong ones mostly not (as from a real model).
TEST(ChatPolicy, TuningTurnsAwayUnsureRowsWithinTheAccuracyBudget) {
    std::mt19937 rng(7);
    std::uniform_real_distribution<double> high(0.7, 0.99), low(0.4, 0.6);
    const std::vector<std::string> labels = {"a", "b", "c"};
    std::vector<float> probabilities;
    std::vector<int> gold;
    for (int i = 0; i < 400; ++i) {
        const int truth = i % 3;
        const bool right = i % 10 != 0;
        const double top = (right && i % 20 != 1) ? high(rng) : low(rng);
        const int predicted = right ? truth : (truth + 1) % 3;
        std::vector<float> row(3, static_cast<float>((1 - top) / 2));
        row[static_cast<std::size_t>(predicted)] = static_cast<float>(top);
        probabilities.insert(probabilities.end(), row.begin(), row.end());
        gold.push_back(truth);
    }
    TuningOptions options;
    options.maxAccuracyDrop = 0.03;
    options.minExamplesPerIntent = 1000; // global only
    auto policy = tunePolicy(probabilities, gold, labels, {}, options);
    ASSERT_TRUE(policy) << policy.error().what();
    const double before = policy->tuning["accuracy"].get<double>();
    const double after = policy->tuning["accuracy_at_threshold"].get<double>();
    EXPECT_NEAR(before, 0.9, 1e-9);
    EXPECT_GE(after, before - 0.03 - 1e-9);
    EXPECT_GE(policy->tuning["rejected"].get<double>(), 0.09); // the wrong, unsure rows are turned away
    EXPECT_GT(policy->threshold, 0.3);
    EXPECT_TRUE(policy->intentThresholds.empty());

    options.minExamplesPerIntent = 50;
    auto perIntent = tunePolicy(probabilities, gold, labels, {}, options);
    ASSERT_TRUE(perIntent);
    EXPECT_EQ(perIntent->intentThresholds.size(), 3u);
    EXPECT_GE(perIntent->tuning["accuracy_at_threshold"].get<double>(), before - 0.04);
}

TEST(ChatPolicy, TuningRejectsMismatchedInput) {
    EXPECT_FALSE(tunePolicy({0.5f, 0.5f}, {0, 1}, {"a", "b"}));
    EXPECT_FALSE(tunePolicy({}, {}, {"a", "b"}));
    EXPECT_FALSE(tunePolicy({0.5f, 0.5f}, {2}, {"a", "b"}));
}

TEST(ChatPolicy, JsonRoundTripAndErrorsNameTheKey) {
    Policy p;
    p.threshold = 0.42;
    p.margin = 0.07;
    p.intentThresholds["a"] = 0.9;
    p.lowConfidence = LowConfidenceAction::Handover;
    auto back = Policy::fromJson(p.toJson());
    ASSERT_TRUE(back);
    EXPECT_DOUBLE_EQ(back->threshold, 0.42);
    EXPECT_DOUBLE_EQ(back->thresholdFor("a"), 0.9);
    EXPECT_DOUBLE_EQ(back->thresholdFor("b"), 0.42);
    EXPECT_EQ(back->lowConfidence, LowConfidenceAction::Handover);
    auto bad = Policy::fromJson({{"threshold", 2}});
    ASSERT_FALSE(bad);
    EXPECT_NE(bad.error().message.find("\"threshold\""), std::string::npos);
    EXPECT_FALSE(Policy::fromJson({{"low_confidence", "panic"}}));
}

// With the out-of-scope gate the tuned confidence threshold can be 0; the labeling loop must still take
// unsure turns rather than none.
TEST(ChatPolicy, LabelingThresholdNeverFallsToZero) {
    Policy policy;
    policy.threshold = 0.0;
    EXPECT_DOUBLE_EQ(policy.labelingThreshold(), Policy::kLabelingConfidenceFloor);
    policy.threshold = 0.7;
    EXPECT_DOUBLE_EQ(policy.labelingThreshold(), 0.7);
}

} // namespace
} // namespace bankbench::core::chat
