#include "metrics/calibration.h"
#include "metrics/classificationreport.h"
#include "metrics/confusionmatrix.h"
#include "metrics/metricsjson.h"
#include "metrics/multilabel.h"
#include "metrics/thresholds.h"
#include "metrics/topk.h"

#include <gtest/gtest.h>

#include <random>

using namespace bankbench::core;
using namespace bankbench::core::metrics;

namespace {
using Ids = std::vector<std::int64_t>;
using Cells = std::vector<std::uint8_t>;
constexpr double kTight = 1e-12;
} // namespace

TEST(ClassificationReport, HandComputedThreeClasses) {
    // sample:   0  1  2  3  4  5
    // true:     0  0  1  1  1  2
    // pred:     0  1  1  1  0  2
    // class 0: TP 1 (s0), predicted 2 (s0, s4), true 2 → P 1/2, R 1/2, F1 2·1/(2+2) = 1/2
    // class 1: TP 2 (s2, s3), predicted 3 (s1..s3), true 3 → P 2/3, R 2/3, F1 4/6 = 2/3
    // class 2: TP 1, predicted 1, true 1 → 1, 1, 1
    // accuracy 4/6; macro F1 (1/2 + 2/3 + 1)/3 = 13/18; weighted F1 (2·1/2 + 3·2/3 + 1·1)/6 = 4/6
    const Ids yTrue{0, 0, 1, 1, 1, 2};
    const Ids yPred{0, 1, 1, 1, 0, 2};
    auto report = classificationReport(yTrue, yPred, 3);
    ASSERT_TRUE(report) << report.error().what();
    ASSERT_EQ(report->perClass.size(), 3U);
    EXPECT_NEAR(report->perClass[0].precision, 0.5, kTight);
    EXPECT_NEAR(report->perClass[0].recall, 0.5, kTight);
    EXPECT_NEAR(report->perClass[0].f1, 0.5, kTight);
    EXPECT_EQ(report->perClass[0].support, 2);
    EXPECT_NEAR(report->perClass[1].precision, 2.0 / 3, kTight);
    EXPECT_NEAR(report->perClass[1].recall, 2.0 / 3, kTight);
    EXPECT_NEAR(report->perClass[1].f1, 2.0 / 3, kTight);
    EXPECT_EQ(report->perClass[1].support, 3);
    EXPECT_NEAR(report->perClass[2].f1, 1.0, kTight);
    EXPECT_NEAR(report->accuracy, 4.0 / 6, kTight);
    EXPECT_NEAR(report->macro.f1, 13.0 / 18, kTight);
    EXPECT_NEAR(report->macro.precision, 13.0 / 18, kTight);
    EXPECT_NEAR(report->weighted.f1, 4.0 / 6, kTight);
    EXPECT_EQ(report->weighted.support, 6);
    // Every sample's class is listed, so micro P = R = F1 = accuracy.
    EXPECT_NEAR(report->micro.f1, 4.0 / 6, kTight);
    EXPECT_EQ(report->samples, 6);
}

TEST(ClassificationReport, ZeroDivisionGivesZeroNotNan) {
    // true 0 0, pred 0 1. Class 0: TP 1, predicted 1, true 2 → P 1, R 1/2, F1 2/(2+1) = 2/3.
    // Class 1 is predicted once and never true: P = 0/1 = 0, R = 0/0 → 0, F1 = 0/(0+1) = 0.
    // Macro F1 (2/3 + 0)/2 = 1/3; weighted F1 (2·2/3 + 0·0)/2 = 2/3.
    const Ids yTrue{0, 0};
    const Ids yPred{0, 1};
    auto report = classificationReport(yTrue, yPred, 2);
    ASSERT_TRUE(report);
    EXPECT_NEAR(report->perClass[0].precision, 1.0, kTight);
    EXPECT_NEAR(report->perClass[0].recall, 0.5, kTight);
    EXPECT_NEAR(report->perClass[0].f1, 2.0 / 3, kTight);
    EXPECT_EQ(report->perClass[1].precision, 0.0);
    EXPECT_EQ(report->perClass[1].recall, 0.0);
    EXPECT_EQ(report->perClass[1].f1, 0.0);
    EXPECT_NEAR(report->macro.f1, 1.0 / 3, kTight);
    EXPECT_NEAR(report->weighted.f1, 2.0 / 3, kTight);

    // A listed label with no samples at all: weighted averages divide by a total support of 0 → 0.
    const Ids absent{7};
    auto empty = classificationReport(yTrue, yPred, absent);
    ASSERT_TRUE(empty);
    EXPECT_EQ(empty->perClass[0].support, 0);
    EXPECT_EQ(empty->weighted.f1, 0.0);
    EXPECT_EQ(empty->macro.f1, 0.0);
    EXPECT_NEAR(empty->accuracy, 0.5, kTight); // accuracy ignores the label list
}

// Produced once with Debian's python3-sklearn 1.2.1 (/usr/bin/python3):
//   yt = [0,0,0,1,1,2,2,2,2,0,1,2,4]; yp = [0,1,0,1,2,2,2,0,2,0,1,1,0]
//   precision_recall_fscore_support(yt, yp, labels=[0,1,2,3], average=None / "micro" / "macro" /
//   "weighted"), accuracy_score(yt, yp), classification_report(yt, yp, labels=[0,1,2,3], digits=6)
// Label 3 has no true and no predicted sample; the last sample's true class 4 is not listed.
TEST(ClassificationReport, MatchesScikitLearnWithLabelList) {
    const Ids yTrue{0, 0, 0, 1, 1, 2, 2, 2, 2, 0, 1, 2, 4};
    const Ids yPred{0, 1, 0, 1, 2, 2, 2, 0, 2, 0, 1, 1, 0};
    const Ids labels{0, 1, 2, 3};
    auto report = classificationReport(yTrue, yPred, labels);
    ASSERT_TRUE(report);
    const double precision[] = {0.6, 0.5, 0.75, 0.0};
    const double recall[] = {0.75, 0.6666666666666666, 0.6, 0.0};
    const double f1[] = {0.6666666666666665, 0.5714285714285715, 0.6666666666666665, 0.0};
    const std::int64_t support[] = {4, 3, 5, 0};
    for (size_t i = 0; i < 4; ++i) {
        SCOPED_TRACE(i);
        EXPECT_EQ(report->perClass[i].label, labels[i]);
        EXPECT_NEAR(report->perClass[i].precision, precision[i], kTight);
        EXPECT_NEAR(report->perClass[i].recall, recall[i], kTight);
        EXPECT_NEAR(report->perClass[i].f1, f1[i], kTight);
        EXPECT_EQ(report->perClass[i].support, support[i]);
    }
    EXPECT_NEAR(report->micro.precision, 0.6153846153846154, kTight);
    EXPECT_NEAR(report->micro.recall, 0.6666666666666666, kTight);
    EXPECT_NEAR(report->micro.f1, 0.64, kTight);
    EXPECT_NEAR(report->macro.precision, 0.4625, kTight);
    EXPECT_NEAR(report->macro.recall, 0.5041666666666667, kTight);
    EXPECT_NEAR(report->macro.f1, 0.47619047619047616, kTight);
    EXPECT_NEAR(report->weighted.precision, 0.6375000000000001, kTight);
    EXPECT_NEAR(report->weighted.recall, 0.6666666666666666, kTight);
    EXPECT_NEAR(report->weighted.f1, 0.6428571428571428, kTight);
    EXPECT_EQ(report->macro.support, 12);
    EXPECT_NEAR(report->accuracy, 0.6153846153846154, kTight);
}

TEST(ClassificationReport, RejectsBadInput) {
    const Ids two{0, 1};
    const Ids three{0, 1, 2};
    EXPECT_FALSE(classificationReport(two, three, 3));
    EXPECT_FALSE(classificationReport(Ids{}, Ids{}, 3));
    EXPECT_FALSE(classificationReport(two, two, 0));
    const Ids duplicated{0, 1, 0};
    auto r = classificationReport(two, two, duplicated);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, ErrorCode::InvalidArgument);
    EXPECT_NE(r.error().message.find("listed twice"), std::string::npos);
    EXPECT_FALSE(accuracy(two, three));
    EXPECT_NEAR(*accuracy(Ids{1, 2, 3, 4}, Ids{1, 0, 3, 0}), 0.5, kTight);
}

TEST(ConfusionMatrix, RowsAreTrueClasses) {
    // Same samples as HandComputedThreeClasses: true 0 0 1 1 1 2, pred 0 1 1 1 0 2.
    auto matrix = confusionMatrix(Ids{0, 0, 1, 1, 1, 2}, Ids{0, 1, 1, 1, 0, 2}, 3);
    ASSERT_TRUE(matrix);
    const std::vector<std::vector<std::int64_t>> expected{{1, 1, 0}, {1, 2, 0}, {0, 0, 1}};
    EXPECT_EQ(matrix->rows(), expected);
    EXPECT_EQ(matrix->at(1, 0), 1);

    // sklearn confusion_matrix(yt, yp, labels=[0,1,2,3,4]) on the scikit-learn example above.
    auto sk = confusionMatrix(Ids{0, 0, 0, 1, 1, 2, 2, 2, 2, 0, 1, 2, 4},
                              Ids{0, 1, 0, 1, 2, 2, 2, 0, 2, 0, 1, 1, 0}, 5);
    ASSERT_TRUE(sk);
    const std::vector<std::vector<std::int64_t>> skExpected{
        {3, 1, 0, 0, 0}, {0, 2, 1, 0, 0}, {1, 1, 3, 0, 0}, {0, 0, 0, 0, 0}, {1, 0, 0, 0, 0}};
    EXPECT_EQ(sk->rows(), skExpected);

    auto outOfRange = confusionMatrix(Ids{0, 3}, Ids{0, 1}, 3);
    ASSERT_FALSE(outOfRange);
    EXPECT_NE(outOfRange.error().message.find("sample 1 has class 3"), std::string::npos);
}

TEST(Calibration, HandComputedFourBins) {
    // Bins (0,.25] (.25,.5] (.5,.75] (.75,1]; values are exact binary fractions.
    // s0 [.875 .125] y0: conf .875 bin 3, right      s1 [.875 .125] y1: conf .875 bin 3, wrong
    // s2 [.375 .625] y1: conf .625 bin 2, right      s3 [.5 .5] y1: tie → class 0, conf .5 bin 1, wrong
    // bin 3: 2 samples, acc .5, conf .875, gap .375 → 2/4 · .375 = .1875
    // bin 2: 1 sample, acc 1, conf .625, gap .375 → 1/4 · .375 = .09375
    // bin 1: 1 sample, acc 0, conf .5, gap .5 → 1/4 · .5 = .125
    // ECE = .40625, MCE = .5
    const std::vector<float> probs{0.875F, 0.125F, 0.875F, 0.125F, 0.375F, 0.625F, 0.5F, 0.5F};
    auto report = calibration(probs, 2, Ids{0, 1, 1, 1}, 4);
    ASSERT_TRUE(report) << report.error().what();
    EXPECT_NEAR(report->expectedCalibrationError, 0.40625, kTight);
    EXPECT_NEAR(report->maxCalibrationError, 0.5, kTight);
    ASSERT_EQ(report->bins.size(), 4U);
    EXPECT_EQ(report->bins[0].count, 0);
    EXPECT_EQ(report->bins[1].count, 1);
    EXPECT_EQ(report->bins[2].count, 1);
    EXPECT_EQ(report->bins[3].count, 2);
    EXPECT_NEAR(report->bins[3].accuracy, 0.5, kTight);
    EXPECT_NEAR(report->bins[3].confidence, 0.875, kTight);
    EXPECT_NEAR(report->bins[1].upper, 0.5, kTight);

    auto defaults = calibration(probs, 2, Ids{0, 1, 1, 1});
    ASSERT_TRUE(defaults);
    EXPECT_EQ(defaults->bins.size(), static_cast<size_t>(kDefaultCalibrationBins));
}

TEST(Calibration, PerfectlyConfidentAndRightIsZero) {
    const std::vector<float> probs{1.0F, 0.0F, 0.0F, 1.0F};
    auto report = calibration(probs, 2, Ids{0, 1});
    ASSERT_TRUE(report);
    EXPECT_EQ(report->expectedCalibrationError, 0.0);
    EXPECT_FALSE(calibration(std::vector<float>{1.5F, -0.5F}, 2, Ids{0}));
    EXPECT_FALSE(calibration(probs, 2, Ids{0}));
    EXPECT_FALSE(calibration(probs, 2, Ids{0, 2}));
}

// Scores: numpy.random.RandomState(0).dirichlet(np.ones(4), size=8).astype(np.float32), true classes
// [0,1,2,3,0,1,2,3]; sklearn 1.2.1 top_k_accuracy_score(..., k=1/2/3, labels=[0,1,2,3]) = .125/.5/.875.
TEST(TopK, MatchesScikitLearn) {
    const std::vector<float> scores{
        0.21154330670833588F,  0.3338261842727661F,  0.2453925609588623F,   0.2092379331588745F,
        0.12557359039783478F,  0.23657698929309845F, 0.1311500072479248F,   0.5066994428634644F,
        0.541644811630249F,    0.07901886105537415F, 0.256352037191391F,    0.12298426777124405F,
        0.23301181197166443F,  0.7212297320365906F,  0.020453760400414467F, 0.025304701179265976F,
        0.003815005999058485F, 0.33385950326919556F, 0.28124409914016724F,  0.38108140230178833F,
        0.5068888664245605F,   0.21160757541656494F, 0.08158916980028152F,  0.19991439580917358F,
        0.029995406046509743F, 0.24340343475341797F, 0.03687150776386261F,  0.689729630947113F,
        0.24041855335235596F,  0.17451229691505432F, 0.10012627393007278F,  0.48494288325309753F};
    const Ids yTrue{0, 1, 2, 3, 0, 1, 2, 3};
    EXPECT_NEAR(*topKAccuracy(scores, 4, yTrue, 1), 0.125, kTight);
    EXPECT_NEAR(*topKAccuracy(scores, 4, yTrue, 2), 0.5, kTight);
    EXPECT_NEAR(*topKAccuracy(scores, 4, yTrue, 3), 0.875, kTight);
    EXPECT_NEAR(*topKAccuracy(scores, 4, yTrue, 4), 1.0, kTight);
}

TEST(TopK, TiesGoToTheLowerIndex) {
    // Row [.5 .5 0] with true class 1: class 0 ranks above it (equal score, lower index), so it is not
    // top-1 but is top-2. topKIndices orders the same way.
    const std::vector<float> row{0.5F, 0.5F, 0.0F};
    EXPECT_EQ(*topKAccuracy(row, 3, Ids{1}, 1), 0.0);
    EXPECT_EQ(*topKAccuracy(row, 3, Ids{1}, 2), 1.0);
    EXPECT_EQ(topKIndices(row, 2), (Ids{0, 1}));
    EXPECT_EQ(topKIndices(std::vector<float>{0.1F, 0.7F, 0.2F}, 5), (Ids{1, 2, 0}));
    EXPECT_FALSE(topKAccuracy(row, 3, Ids{1}, 0));
    EXPECT_FALSE(topKAccuracy(row, 2, Ids{1}, 1));
}

// Produced once with sklearn 1.2.1: Yt = [[1,0,1,0],[0,1,0,0],[1,1,0,0],[0,0,0,0],[1,0,0,1]],
// Yp = [[1,0,0,0],[0,1,1,0],[1,1,0,0],[0,0,0,0],[0,0,0,0]]; precision_recall_fscore_support(Yt, Yp,
// average=None/"micro"/"macro"/"weighted"), accuracy_score(Yt, Yp), hamming_loss(Yt, Yp).
TEST(MultiLabel, MatchesScikitLearn) {
    const Cells yTrue{1, 0, 1, 0, 0, 1, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 1, 0, 0, 1};
    const Cells yPred{1, 0, 0, 0, 0, 1, 1, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
    auto report = multiLabelReport(yTrue, yPred, 4);
    ASSERT_TRUE(report) << report.error().what();
    EXPECT_NEAR(report->micro.precision, 0.8, kTight);
    EXPECT_NEAR(report->micro.recall, 0.5714285714285714, kTight);
    EXPECT_NEAR(report->micro.f1, 0.6666666666666666, kTight);
    EXPECT_NEAR(report->macro.precision, 0.5, kTight);
    EXPECT_NEAR(report->macro.recall, 0.41666666666666663, kTight);
    EXPECT_NEAR(report->macro.f1, 0.45, kTight);
    EXPECT_NEAR(report->weighted.precision, 0.7142857142857143, kTight);
    EXPECT_NEAR(report->weighted.recall, 0.5714285714285714, kTight);
    EXPECT_NEAR(report->weighted.f1, 0.6285714285714287, kTight);
    const double f1[] = {0.8, 1.0, 0.0, 0.0};
    const std::int64_t support[] = {3, 2, 1, 1};
    for (size_t i = 0; i < 4; ++i) {
        EXPECT_NEAR(report->perLabel[i].f1, f1[i], kTight);
        EXPECT_EQ(report->perLabel[i].support, support[i]);
    }
    EXPECT_NEAR(report->subsetAccuracy, 0.4, kTight);
    EXPECT_NEAR(report->hammingLoss, 0.2, kTight);
}

TEST(MultiLabel, HandComputedAndErrors) {
    // 2 samples x 2 labels. true [1 1 | 0 1], pred [1 0 | 0 1].
    // label 0: TP 1, FP 0, FN 0 → F1 1; label 1: TP 1, FP 0, FN 1 → F1 2/(2+0+1) = 2/3
    // micro: TP 2, FP 0, FN 1 → F1 4/5; macro (1 + 2/3)/2 = 5/6; subset: sample 1 only → 1/2
    auto report = multiLabelReport(Cells{1, 1, 0, 1}, Cells{1, 0, 0, 1}, 2);
    ASSERT_TRUE(report);
    EXPECT_NEAR(report->perLabel[1].f1, 2.0 / 3, kTight);
    EXPECT_NEAR(report->micro.f1, 0.8, kTight);
    EXPECT_NEAR(report->macro.f1, 5.0 / 6, kTight);
    EXPECT_NEAR(report->subsetAccuracy, 0.5, kTight);
    EXPECT_NEAR(report->hammingLoss, 0.25, kTight);
    EXPECT_FALSE(multiLabelReport(Cells{1, 1, 0}, Cells{1, 0, 0}, 2));
    EXPECT_FALSE(multiLabelReport(Cells{1, 1}, Cells{1, 0, 0, 1}, 2));
    EXPECT_FALSE(multiLabelReport(Cells{}, Cells{}, 2));
}

TEST(Thresholds, HandComputedPerLabel) {
    // Three labels (columns) over six samples.
    // Label 0: scores .9 .8 .7 .4 .3 .2, truth 1 1 0 1 0 0 (3 positives). F1 = 2TP/(kept + 3):
    //   keep 1: 2/4 = .5, keep 2: 4/5 = .8, keep 3: 4/6, keep 4: 6/7 ≈ .857 (best), keep 5: 6/8, keep 6: 6/9
    //   → threshold (.4 + .3)/2 = .35, F1 6/7.
    // Label 1: no positive → fallback .5, F1 0.
    // Label 2: scores .9 .8 .7 .6 .1 .05, truth 1 0 0 1 0 0: keep 1: 2/3; keep 4: 4/6 = 2/3 (tie) → the
    //   higher threshold wins: (.9 + .8)/2 = .85.
    const std::vector<float> probs{0.9F, 0.1F, 0.9F, 0.8F, 0.2F, 0.8F, 0.7F, 0.3F, 0.7F,
                                   0.4F, 0.4F, 0.6F, 0.3F, 0.5F, 0.1F, 0.2F, 0.6F, 0.05F};
    const Cells truth{1, 0, 1, 1, 0, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0};
    auto tuning = tuneThresholds(probs, truth, 3);
    ASSERT_TRUE(tuning) << tuning.error().what();
    EXPECT_FLOAT_EQ(tuning->thresholds[0], 0.35F);
    EXPECT_NEAR(tuning->f1[0], 6.0 / 7, kTight);
    EXPECT_EQ(tuning->thresholds[1], 0.5F);
    EXPECT_EQ(tuning->f1[1], 0.0);
    EXPECT_FLOAT_EQ(tuning->thresholds[2], 0.85F);
    EXPECT_NEAR(tuning->f1[2], 2.0 / 3, kTight);

    const auto predicted = applyThresholds(probs, tuning->thresholds);
    // Label 0 keeps the four scores >= .35; label 2 keeps only .9.
    const Cells expected{1, 0, 1, 1, 0, 0, 1, 0, 0, 1, 0, 0, 0, 1, 0, 0, 1, 0};
    EXPECT_EQ(predicted, expected);
    EXPECT_FALSE(tuneThresholds(probs, Cells{1, 0}, 3));
}

TEST(Thresholds, TunedF1IsTheBestAnyThresholdReaches) {
    // Random validation data: the tuned threshold must reach the F1 it reports, and no threshold on a
    // fine grid may beat it.
    std::mt19937 rng(7);
    std::uniform_real_distribution<float> uniform(0.0F, 1.0F);
    const int rows = 200;
    const int labels = 5;
    std::vector<float> probs(rows * labels);
    Cells truth(rows * labels);
    for (int i = 0; i < rows * labels; ++i) {
        truth[static_cast<size_t>(i)] = uniform(rng) < 0.3F ? 1 : 0;
        // Informative but noisy scores.
        probs[static_cast<size_t>(i)] =
            std::clamp(0.35F * truth[static_cast<size_t>(i)] + 0.65F * uniform(rng), 0.0F, 1.0F);
    }
    auto tuning = tuneThresholds(probs, truth, labels);
    ASSERT_TRUE(tuning);
    auto tuned = multiLabelReport(truth, applyThresholds(probs, tuning->thresholds), labels);
    ASSERT_TRUE(tuned);
    for (int c = 0; c < labels; ++c) {
        SCOPED_TRACE(c);
        EXPECT_NEAR(tuned->perLabel[static_cast<size_t>(c)].f1, tuning->f1[static_cast<size_t>(c)], kTight);
        for (int step = 0; step <= 100; ++step) {
            std::vector<float> thresholds = tuning->thresholds;
            thresholds[static_cast<size_t>(c)] = static_cast<float>(step) / 100.0F;
            auto other = multiLabelReport(truth, applyThresholds(probs, thresholds), labels);
            EXPECT_LE(other->perLabel[static_cast<size_t>(c)].f1,
                      tuning->f1[static_cast<size_t>(c)] + kTight);
        }
    }
}

TEST(MetricsJson, CarriesTheCliKeys) {
    auto report = classificationReport(Ids{0, 0, 1, 1, 1, 2}, Ids{0, 1, 1, 1, 0, 2}, 3);
    const auto json = toJson(*report, {"card_lost", "top_up"});
    EXPECT_NEAR(json.at("accuracy").get<double>(), 4.0 / 6, kTight);
    EXPECT_NEAR(json.at("macro_f1").get<double>(), 13.0 / 18, kTight);
    ASSERT_EQ(json.at("per_class").size(), 3U);
    EXPECT_EQ(json["per_class"][0]["label"], "card_lost");
    EXPECT_EQ(json["per_class"][2]["label"], "2"); // no name given → the id
    EXPECT_EQ(json["per_class"][1]["support"], 3);

    auto matrix = confusionMatrix(Ids{0, 1}, Ids{1, 1}, 2);
    const auto confusion = toJson(*matrix, {"a", "b"});
    EXPECT_EQ(confusion["matrix"], nlohmann::json::parse("[[0,1],[0,1]]"));
    EXPECT_EQ(confusion["labels"], nlohmann::json::parse(R"(["a","b"])"));

    auto multi = multiLabelReport(Cells{1, 1, 0, 1}, Cells{1, 0, 0, 1}, 2);
    const auto multiJson = toJson(*multi, {});
    EXPECT_NEAR(multiJson.at("subset_accuracy").get<double>(), 0.5, kTight);
    EXPECT_NEAR(multiJson.at("micro_f1").get<double>(), 0.8, kTight);
    EXPECT_TRUE(multiJson.contains("macro_f1"));
}
