#pragma once

#include "util/result.h"

#include <cstdint>
#include <span>
#include <vector>

/// Pure function over caller-owned spans: safe to call from any thread.
namespace bankbench::core::metrics {

/// Counts indexed [true class][predicted class], like sklearn's `confusion_matrix`. Rows sum to the
/// class supports; the diagonal holds the correct predictions.
struct ConfusionMatrix {
    std::int64_t numClasses = 0;
    std::vector<std::int64_t> counts; ///< row-major, numClasses * numClasses

    std::int64_t at(std::int64_t trueClass, std::int64_t predictedClass) const {
        return counts[static_cast<size_t>(trueClass * numClasses + predictedClass)];
    }
    /// As nested rows, e.g. for JSON output.
    std::vector<std::vector<std::int64_t>> rows() const;
};

/// Confusion matrix over classes 0..numClasses-1. Errors: InvalidArgument on a length mismatch, or a
/// class id outside [0, numClasses) (the caller mapped labels to ids, so a stray id is a bug to report,
/// not a sample to drop silently).
Result<ConfusionMatrix> confusionMatrix(std::span<const std::int64_t> yTrue,
                                        std::span<const std::int64_t> yPred, std::int64_t numClasses);

} // namespace bankbench::core::metrics
