// Kappa statistics against hand-computed examples; the arithmetic is written out beside each check.
#include "labeling/agreement.h"
#include "labeltestsupport.h"

#include <gtest/gtest.h>

using namespace bankbench::core;
using bankbench::test::LabelProject;

namespace {

std::vector<std::string> repeat(const std::string& value, int times) {
    return std::vector<std::string>(times, value);
}

void append(std::vector<std::string>& to, const std::vector<std::string>& more) {
    to.insert(to.end(), more.begin(), more.end());
}

} // namespace

TEST(CohenKappa, TextbookTwoByTwo) {
    // 50 items rated yes/no by A and B:   B yes  B no
    //                               A yes   20     5
    //                               A no    10    15
    // P_o = (20 + 15) / 50 = 0.70
    // P(A yes) = 25/50 = 0.5, P(B yes) = 30/50 = 0.6
    // P_e = 0.5 * 0.6 + 0.5 * 0.4 = 0.30 + 0.20 = 0.50
    // kappa = (0.70 - 0.50) / (1 - 0.50) = 0.40
    std::vector<std::string> a, b;
    append(a, repeat("yes", 20)), append(b, repeat("yes", 20));
    append(a, repeat("yes", 5)), append(b, repeat("no", 5));
    append(a, repeat("no", 10)), append(b, repeat("yes", 10));
    append(a, repeat("no", 15)), append(b, repeat("no", 15));
    const auto k = cohenKappa(a, b);
    EXPECT_EQ(k.items, 50);
    EXPECT_DOUBLE_EQ(k.observed, 0.70);
    EXPECT_DOUBLE_EQ(k.expected, 0.50);
    ASSERT_TRUE(k.kappa.has_value());
    EXPECT_NEAR(*k.kappa, 0.40, 1e-12);
}

TEST(CohenKappa, ThreeCategories) {
    // 10 items, categories x/y/z:
    //   A: x x x x y y y z z z      B: x x x y y y z z z x
    // agreements: items 1-3 (x), 5-6 (y), 8-9 (z) = 7 -> P_o = 0.7
    // A: x 4, y 3, z 3;  B: x 4, y 3, z 3
    // P_e = 0.4*0.4 + 0.3*0.3 + 0.3*0.3 = 0.16 + 0.09 + 0.09 = 0.34
    // kappa = (0.7 - 0.34) / 0.66 = 0.36 / 0.66 = 0.545454...
    const std::vector<std::string> a{"x", "x", "x", "x", "y", "y", "y", "z", "z", "z"};
    const std::vector<std::string> b{"x", "x", "x", "y", "y", "y", "z", "z", "z", "x"};
    const auto k = cohenKappa(a, b);
    EXPECT_NEAR(k.observed, 0.7, 1e-12);
    EXPECT_NEAR(k.expected, 0.34, 1e-12);
    EXPECT_NEAR(*k.kappa, 0.36 / 0.66, 1e-12);
}

TEST(CohenKappa, UndefinedWhenEveryoneUsesOneCategory) {
    // P_e = 1 * 1 = 1: kappa = 0/0.
    EXPECT_FALSE(cohenKappa({"a", "a"}, {"a", "a"}).kappa.has_value());
    EXPECT_FALSE(cohenKappa({}, {}).kappa.has_value());
    // Perfect agreement on two categories is 1.
    EXPECT_DOUBLE_EQ(*cohenKappa({"a", "b"}, {"a", "b"}).kappa, 1.0);
}

TEST(FleissKappa, TextbookFourteenRatersFiveCategories) {
    // Fleiss (1971) style worked example (also on Wikipedia): 10 items, 14 raters, 5 categories.
    // Column totals 20, 28, 39, 21, 32 of 140 -> p_j = .142857, .2, .278571, .15, .228571
    // P_e = sum p_j^2 = .020408 + .04 + .077602 + .0225 + .052245 = .212755
    // P_i = (sum_j n_ij^2 - 14) / (14 * 13): 182/182, 46/182, 56/182, 80/182, 60/182, 84/182, 44/182,
    //       32/182, 52/182, 52/182 -> sum 688/182 = 3.780220 -> P-bar = .378022
    // kappa = (.378022 - .212755) / (1 - .212755) = .165267 / .787245 = .209931
    //   exactly: P-bar = 688/1820, P_e = (20^2 + 28^2 + 39^2 + 21^2 + 32^2) / 140^2 = 4170/19600
    const std::vector<std::vector<int>> counts{
        {0, 0, 0, 0, 14}, {0, 2, 6, 4, 2}, {0, 0, 3, 5, 6}, {0, 3, 9, 2, 0}, {2, 2, 8, 1, 1},
        {7, 7, 0, 0, 0},  {3, 2, 6, 3, 0}, {2, 5, 3, 2, 2}, {6, 5, 2, 1, 0}, {0, 2, 2, 3, 7}};
    const auto k = fleissKappa(counts).value();
    EXPECT_EQ(k.items, 10);
    EXPECT_NEAR(k.observed, 688.0 / 182.0 / 10.0, 1e-12);
    EXPECT_NEAR(k.expected, 0.212755, 1e-6);
    EXPECT_NEAR(*k.kappa, 0.209931, 1e-6);
    const double exact = (688.0 / 1820.0 - 4170.0 / 19600.0) / (1.0 - 4170.0 / 19600.0);
    EXPECT_NEAR(*k.kappa, exact, 1e-12);
}

TEST(FleissKappa, SmallExampleFromRatings) {
    // 3 raters, 4 items: (a,a,a) (a,a,b) (b,b,b) (a,b,b)
    // P_i = (sum n_ij^2 - 3) / 6: (9-3)/6 = 1, (4+1-3)/6 = 1/3, 1, 1/3 -> P-bar = (8/3)/4 = 2/3
    // p_a = (3+2+0+1)/12 = 0.5, p_b = 0.5 -> P_e = 0.5
    // kappa = (2/3 - 1/2) / (1/2) = 1/3
    const auto k = fleissKappa(std::vector<std::vector<std::string>>{
                                   {"a", "a", "a"}, {"a", "a", "b"}, {"b", "b", "b"}, {"a", "b", "b"}})
                       .value();
    EXPECT_NEAR(k.observed, 2.0 / 3.0, 1e-12);
    EXPECT_NEAR(k.expected, 0.5, 1e-12);
    EXPECT_NEAR(*k.kappa, 1.0 / 3.0, 1e-12);
}

TEST(FleissKappa, TwoRatersMatchesScottsPi) {
    // With two raters Fleiss' kappa is Scott's pi: pooled marginals. Ratings (a,a) (a,b) (b,b) (b,b):
    // P_i = 1, 0, 1, 1 -> P-bar = 0.75; pooled a = 3/8, b = 5/8 -> P_e = 9/64 + 25/64 = 34/64
    // pi = (0.75 - 34/64) / (30/64) = (48/64 - 34/64) / (30/64) = 14/30
    const auto k =
        fleissKappa(std::vector<std::vector<std::string>>{{"a", "a"}, {"a", "b"}, {"b", "b"}, {"b", "b"}})
            .value();
    EXPECT_NEAR(*k.kappa, 14.0 / 30.0, 1e-12);
}

TEST(FleissKappa, RejectsUnequalRaterCounts) {
    EXPECT_FALSE(fleissKappa(std::vector<std::vector<int>>{{2, 1}, {1, 1}}).ok());
    EXPECT_FALSE(fleissKappa(std::vector<std::vector<int>>{{1, 0}}).ok());
}

TEST(Agreement, CohenFromStoreSingleLabelOverallAndPerLabel) {
    LabelProject p({"r1", "r2", "r3", "r4", "r5"});
    LabelStore store(*p.project);
    const auto set = p.addLabelSet(store, LabelSetKind::SingleLabel, {"a", "b"});
    // alice: a a b b, bob: a b b b on r1..r4; r5 only alice (left out); bob skips nothing.
    // P_o = 3/4; alice a .5 b .5; bob a .25 b .75; P_e = .5*.25 + .5*.75 = .5; kappa = .25/.5 = .5
    // Per label "a" (yes/no): alice y y n n, bob y n n n -> the same table -> .5; "b" likewise .5.
    const std::vector<std::string> alice{"a", "a", "b", "b", "a"}, bob{"a", "b", "b", "b"};
    for (std::size_t i = 0; i < alice.size(); ++i)
        BB_ASSERT_OK(store.recordDecision(p.ids[i], set, "alice", DecisionStatus::Accepted, {alice[i]}));
    for (std::size_t i = 0; i < bob.size(); ++i)
        BB_ASSERT_OK(store.recordDecision(p.ids[i], set, "bob", DecisionStatus::Accepted, {bob[i]}));
    // An adjudication never counts as a rater.
    BB_ASSERT_OK(store.adjudicate(p.ids[1], set, {"a"}));
    const auto report = computeAgreement(store, p.dataset).value();
    EXPECT_EQ(report.annotators, (std::vector<std::string>{"alice", "bob"}));
    EXPECT_EQ(report.method, KappaMethod::Cohen);
    EXPECT_EQ(report.records, 4);
    EXPECT_NEAR(*report.overall.kappa, 0.5, 1e-12);
    EXPECT_NEAR(*report.perLabel.at("a").kappa, 0.5, 1e-12);
    EXPECT_NEAR(*report.perLabel.at("b").kappa, 0.5, 1e-12);
}

TEST(Agreement, FleissFromStoreWithThreeAnnotators) {
    LabelProject p({"r1", "r2", "r3", "r4"});
    LabelStore store(*p.project);
    const auto set = p.addLabelSet(store, LabelSetKind::SingleLabel, {"a", "b"});
    // Items (a,a,a) (a,a,b) (b,b,b) (a,b,b) as in FleissKappa.SmallExampleFromRatings: kappa = 1/3.
    const std::vector<std::vector<std::string>> ratings{
        {"a", "a", "a"}, {"a", "a", "b"}, {"b", "b", "b"}, {"a", "b", "b"}};
    const std::vector<std::string> names{"ann", "ben", "cai"};
    for (std::size_t i = 0; i < ratings.size(); ++i)
        for (std::size_t r = 0; r < 3; ++r)
            BB_ASSERT_OK(
                store.recordDecision(p.ids[i], set, names[r], DecisionStatus::Accepted, {ratings[i][r]}));
    const auto report = computeAgreement(store, p.dataset).value();
    EXPECT_EQ(report.method, KappaMethod::Fleiss);
    EXPECT_NEAR(*report.overall.kappa, 1.0 / 3.0, 1e-12);
    // Choosing two of them switches to Cohen: ann a a b a, ben a a b b -> P_o 3/4;
    // ann a .75 b .25, ben a .5 b .5 -> P_e = .375 + .125 = .5 -> kappa .5
    const auto pair = computeAgreement(store, p.dataset, {"ann", "ben"}).value();
    EXPECT_EQ(pair.method, KappaMethod::Cohen);
    EXPECT_NEAR(*pair.overall.kappa, 0.5, 1e-12);
}

TEST(Agreement, MultiLabelUsesRecordLabelPairs) {
    LabelProject p({"r1", "r2"});
    LabelStore store(*p.project);
    const auto set = p.addLabelSet(store, LabelSetKind::MultiLabel, {"a", "b"});
    // r1: alice {a,b}, bob {a}; r2: alice {b}, bob {b}
    // pairs (r1,a) y/y, (r1,b) y/n, (r2,a) n/n, (r2,b) y/y -> P_o = 3/4
    // alice yes 3/4, bob yes 2/4 -> P_e = .75*.5 + .25*.5 = .5 -> kappa = .5
    BB_ASSERT_OK(store.recordDecision(p.ids[0], set, "alice", DecisionStatus::Accepted, {"a", "b"}));
    BB_ASSERT_OK(store.recordDecision(p.ids[0], set, "bob", DecisionStatus::Accepted, {"a"}));
    BB_ASSERT_OK(store.recordDecision(p.ids[1], set, "alice", DecisionStatus::Accepted, {"b"}));
    BB_ASSERT_OK(store.recordDecision(p.ids[1], set, "bob", DecisionStatus::Accepted, {"b"}));
    const auto report = computeAgreement(store, p.dataset).value();
    EXPECT_NEAR(*report.overall.kappa, 0.5, 1e-12);
    // label a: r1 y/y, r2 n/n -> perfect: 1. label b: r1 y/n, r2 y/y -> P_o .5; alice yes 1, bob yes .5
    // -> P_e = 1*.5 + 0*.5 = .5 -> kappa 0.
    EXPECT_NEAR(*report.perLabel.at("a").kappa, 1.0, 1e-12);
    EXPECT_NEAR(*report.perLabel.at("b").kappa, 0.0, 1e-12);
}

TEST(Agreement, SpansCompareCodePoints) {
    LabelProject p({"abcd", "wxyz"});
    LabelStore store(*p.project);
    const auto set = p.addLabelSet(store, LabelSetKind::Span, {"X", "Y"});
    // Code points: alice X X O O | O O Y Y ; bob X X X O | O O Y Y -> 7 of 8 agree, P_o = .875
    // alice X 2 O 4 Y 2; bob X 3 O 3 Y 2 -> P_e = (2*3 + 4*3 + 2*2) / 64 = 22/64
    // kappa = (56/64 - 22/64) / (42/64) = 34/42 = 0.809524
    BB_ASSERT_OK(store.recordDecision(p.ids[0], set, "alice", DecisionStatus::Accepted, {}, {{0, 2, "X"}}));
    BB_ASSERT_OK(store.recordDecision(p.ids[0], set, "bob", DecisionStatus::Accepted, {}, {{0, 3, "X"}}));
    BB_ASSERT_OK(store.recordDecision(p.ids[1], set, "alice", DecisionStatus::Accepted, {}, {{2, 4, "Y"}}));
    BB_ASSERT_OK(store.recordDecision(p.ids[1], set, "bob", DecisionStatus::Accepted, {}, {{2, 4, "Y"}}));
    const auto report = computeAgreement(store, p.dataset).value();
    EXPECT_EQ(report.overall.items, 8);
    EXPECT_NEAR(*report.overall.kappa, 34.0 / 42.0, 1e-12);
    // Y: perfect (2 yes, 6 no each) -> 1.
    EXPECT_NEAR(*report.perLabel.at("Y").kappa, 1.0, 1e-12);
}

TEST(Agreement, NeedsTwoAnnotators) {
    LabelProject p({"r1"});
    LabelStore store(*p.project);
    const auto set = p.addLabelSet(store, LabelSetKind::SingleLabel, {"a"});
    BB_ASSERT_OK(store.recordDecision(p.ids[0], set, "alice", DecisionStatus::Accepted, {"a"}));
    const auto report = computeAgreement(store, p.dataset);
    ASSERT_FALSE(report.ok());
    EXPECT_EQ(report.error().code, ErrorCode::InvalidArgument);
}
