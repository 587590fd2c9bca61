#pragma once

#include "util/result.h"

#include <cstdint>
#include <span>
#include <vector>

/// Top-k ranking over probability rows. Pure functions over caller-owned spans: any thread.
namespace bankbench::core::metrics {

/// Fraction of samples whose true class is among the k highest scores of its row. Ties are broken by the
/// lower class index, so top-1 accuracy equals argmax accuracy. k >= numClasses gives 1.
/// `scores` is row-major (yTrue.size() rows of numClasses); any real scores work (probabilities, logits).
/// Errors: InvalidArgument on a size mismatch, empty input, k < 1, a label outside [0, numClasses) or a
/// NaN score.
Result<double> topKAccuracy(std::span<const float> scores, std::int64_t numClasses,
                            std::span<const std::int64_t> yTrue, int k);

/// The k best class ids of one row, best first, ties by lower index (for `predict --top K`).
std::vector<std::int64_t> topKIndices(std::span<const float> row, int k);

} // namespace bankbench::core::metrics
