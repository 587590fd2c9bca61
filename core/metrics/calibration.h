#pragma once

#include "util/result.h"

#include <cstdint>
#include <span>
#include <vector>

/// Calibration of predicted probabilities. Pure functions over caller-owned spans: any thread.
namespace bankbench::core::metrics {

/// Guo et al. 2017 ("On Calibration of Modern Neural Networks") use 15 equal-width bins; so do we.
inline constexpr int kDefaultCalibrationBins = 15;

struct CalibrationBin {
    double lower = 0; ///< bin covers (lower, upper]; the first bin also takes confidence 0
    double upper = 0;
    std::int64_t count = 0; ///< samples whose confidence falls in the bin
    double accuracy = 0;    ///< fraction of those whose argmax is the true class (0 when empty)
    double confidence = 0;  ///< mean max-probability of those samples (0 when empty)
};

struct CalibrationReport {
    /// ECE = sum over bins of (count / n) * |accuracy - confidence|.
    double expectedCalibrationError = 0;
    /// MCE = max over non-empty bins of |accuracy - confidence|.
    double maxCalibrationError = 0;
    std::vector<CalibrationBin> bins; ///< the reliability diagram
};

/// `probabilities` is row-major, one row of `numClasses` probabilities per sample; confidence = the row's
/// maximum, prediction = its argmax (lowest index on ties). Errors: InvalidArgument when the size is not
/// yTrue.size() * numClasses, input is empty, numBins < 1, a label is outside [0, numClasses), or a
/// probability is not finite or outside [0, 1].
Result<CalibrationReport> calibration(std::span<const float> probabilities, std::int64_t numClasses,
                                      std::span<const std::int64_t> yTrue,
                                      int numBins = kDefaultCalibrationBins);

} // namespace bankbench::core::metrics
