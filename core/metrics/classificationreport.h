#pragma once

#include "util/result.h"

#include <cstdint>
#include <span>
#include <vector>

/// Single-label classification metrics with scikit-learn's conventions (`classification_report`,
/// `precision_recall_fscore_support`, `accuracy_score`, `confusion_matrix`, sklearn 1.2):
/// - a ratio whose denominator is zero is 0 (sklearn's `zero_division="warn"` value);
/// - per-class numbers are reported for the label list given, in that order; a label with no true and no
///   predicted samples gets precision = recall = F1 = 0 and support 0, and still counts in the macro mean;
/// - samples whose true or predicted class is outside the label list still count as false negatives /
///   false positives of the listed classes they touch (sklearn's `labels=` behaviour);
/// - macro = unweighted mean over the label list; weighted = mean weighted by support (0 when the total
///   support is 0); micro = pooled TP/FP/FN over the label list.
/// Pure functions over caller-owned spans: safe to call from any thread.
namespace bankbench::core::metrics {

struct ClassMetrics {
    std::int64_t label = 0; ///< the class id these numbers are for
    double precision = 0;
    double recall = 0;
    double f1 = 0;
    std::int64_t support = 0; ///< number of true samples of the class
};

struct AveragedMetrics {
    double precision = 0;
    double recall = 0;
    double f1 = 0;
    std::int64_t support = 0; ///< sum of the supports of the labels averaged over
};

struct ClassificationReport {
    std::vector<ClassMetrics> perClass; ///< one entry per label of the label list, same order
    double accuracy = 0;                ///< over all samples, whatever the label list (accuracy_score)
    AveragedMetrics micro;
    AveragedMetrics macro;
    AveragedMetrics weighted;
    std::int64_t samples = 0;
};

/// Report over the classes `labels` (distinct ids). Errors: InvalidArgument when the spans differ in
/// length, are empty, or `labels` is empty or has duplicates.
Result<ClassificationReport> classificationReport(std::span<const std::int64_t> yTrue,
                                                  std::span<const std::int64_t> yPred,
                                                  std::span<const std::int64_t> labels);
/// Same with labels 0..numClasses-1 (numClasses >= 1).
Result<ClassificationReport> classificationReport(std::span<const std::int64_t> yTrue,
                                                  std::span<const std::int64_t> yPred,
                                                  std::int64_t numClasses);

/// Fraction of samples with yPred == yTrue. Errors: length mismatch or empty input.
Result<double> accuracy(std::span<const std::int64_t> yTrue, std::span<const std::int64_t> yPred);

} // namespace bankbench::core::metrics
