#pragma once

#include "metrics/classificationreport.h"
#include "util/result.h"

#include <cstdint>
#include <span>
#include <vector>

/// Multi-label metrics over 0/1 indicator matrices, with scikit-learn's conventions (zero division → 0;
/// `f1_score(average="micro"|"macro"|"weighted")`, `accuracy_score` on indicator matrices = subset
/// accuracy, `hamming_loss`). Pure functions over caller-owned spans: any thread.
namespace bankbench::core::metrics {

struct MultiLabelReport {
    std::vector<ClassMetrics> perLabel; ///< label = column index; support = number of true 1s
    AveragedMetrics micro;              ///< pooled TP/FP/FN over all labels
    AveragedMetrics macro;              ///< unweighted mean over labels
    AveragedMetrics weighted;           ///< weighted by support
    double subsetAccuracy = 0;          ///< fraction of samples whose whole label set is exactly right
    double hammingLoss = 0;             ///< fraction of wrong cells
    std::int64_t samples = 0;
};

/// `yTrue` and `yPred` are row-major n x numLabels matrices of 0/1 (any non-zero byte counts as 1).
/// Errors: InvalidArgument when numLabels < 1, sizes differ, are empty or not a multiple of numLabels.
Result<MultiLabelReport> multiLabelReport(std::span<const std::uint8_t> yTrue,
                                          std::span<const std::uint8_t> yPred, std::int64_t numLabels);

} // namespace bankbench::core::metrics
