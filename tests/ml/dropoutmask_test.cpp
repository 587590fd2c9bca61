#include "ml/dropoutmask.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

using namespace bankbench;

namespace {

std::vector<float> mask(std::int64_t count, double keep, std::uint64_t seed) {
    std::vector<float> out(static_cast<std::size_t>(count), -1.0F);
    ml::fillDropoutMask(out.data(), count, keep, seed);
    return out;
}

} // namespace

TEST(DropoutMask, KeepsTheRightShareScaledByOneOverKeep) {
    for (const double keep : {0.9, 0.7, 0.5}) {
        const auto values = mask(200001, keep, 42); // odd: the last element comes from its own draw
        double kept = 0, sum = 0;
        for (const float v : values) {
            ASSERT_TRUE(v == 0.0F || v == static_cast<float>(1.0 / keep)) << v;
            kept += v > 0 ? 1 : 0;
            sum += v;
        }
        const double n = static_cast<double>(values.size());
        // Binomial standard deviation of the kept share is under 0.0012 here; 5 of them.
        EXPECT_NEAR(kept / n, keep, 0.006) << "keep " << keep;
        EXPECT_NEAR(sum / n, 1.0, 0.01) << "dropout must leave the expected activation unchanged";
    }
}

TEST(DropoutMask, SameSeedSameMaskAndNeighbouringSeedsDiffer) {
    EXPECT_EQ(mask(1000, 0.9, 7), mask(1000, 0.9, 7));
    const auto a = mask(1000, 0.5, 7), b = mask(1000, 0.5, 8);
    int same = 0;
    for (std::size_t i = 0; i < a.size(); ++i)
        same += a[i] == b[i] ? 1 : 0;
    EXPECT_GT(same, 400); // independent fair coins agree about half the time
    EXPECT_LT(same, 600);
}

TEST(DropoutMask, NeighbouringElementsAreNotCorrelated) {
    // Each 64-bit draw feeds two elements: its halves must not agree more than chance.
    const auto values = mask(100000, 0.5, 3);
    int agree = 0;
    for (std::size_t i = 0; i + 1 < values.size(); i += 2)
        agree += (values[i] > 0) == (values[i + 1] > 0) ? 1 : 0;
    EXPECT_NEAR(agree / 50000.0, 0.5, 0.015);
}

TEST(DropoutMask, KeepOneKeepsEverythingAndZeroDropsEverything) {
    for (const float v : mask(99, 1.0, 1))
        EXPECT_EQ(v, 1.0F);
    for (const float v : mask(99, 0.0, 1))
        EXPECT_EQ(v, 0.0F);
}
