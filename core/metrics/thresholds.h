#pragma once

#include "util/result.h"

#include <cstdint>
#include <span>
#include <vector>

/// Per-label decision thresholds for multi-label classifiers. Pure functions: any thread.
namespace bankbench::core::metrics {

struct ThresholdTuning {
    std::vector<float> thresholds; ///< one per label; predict 1 when probability >= threshold
    std::vector<double> f1;        ///< validation F1 of each label at its threshold
};

/// Chooses, for each label independently, the threshold that maximises that label's F1 on validation
/// data. With the label's scores sorted descending s1 >= s2 >= ... >= sn, every "keep the top m" cut
/// between two distinct scores is tried; the threshold returned is the midpoint (s_m + s_{m+1}) / 2, so
/// it generalises better than sitting on a validation score (keeping all n returns s_n). Among equal F1
/// the higher threshold (fewer positives) wins. A label with no positive in validation keeps `fallback`
/// and reports F1 0.
/// `probabilities` and `yTrue` are row-major n x numLabels. Errors: InvalidArgument on size mismatch,
/// empty input, numLabels < 1 or a probability that is NaN.
Result<ThresholdTuning> tuneThresholds(std::span<const float> probabilities,
                                       std::span<const std::uint8_t> yTrue, std::int64_t numLabels,
                                       float fallback = 0.5F);

/// 0/1 predictions: row-major n x thresholds.size(), cell = probability >= threshold of its label.
/// `probabilities.size()` must be a multiple of thresholds.size() (asserted: a programmer error).
std::vector<std::uint8_t> applyThresholds(std::span<const float> probabilities,
                                          std::span<const float> thresholds);

} // namespace bankbench::core::metrics
