#include "metrics/thresholds.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <string>
#include <utility>

namespace bankbench::core::metrics {

Result<ThresholdTuning> tuneThresholds(std::span<const float> probabilities,
                                       std::span<const std::uint8_t> yTrue, std::int64_t numLabels,
                                       float fallback) {
    auto invalid = [](std::string message) {
        return Error{ErrorCode::InvalidArgument, "threshold tuning: " + std::move(message), {}};
    };
    if (numLabels < 1)
        return invalid("number of labels must be at least 1");
    const auto cols = static_cast<size_t>(numLabels);
    if (probabilities.size() != yTrue.size())
        return invalid(std::to_string(probabilities.size()) + " probabilities but " +
                       std::to_string(yTrue.size()) + " true cells");
    if (yTrue.empty() || yTrue.size() % cols != 0)
        return invalid(std::to_string(yTrue.size()) + " cells is not a non-empty multiple of " +
                       std::to_string(numLabels) + " labels");
    for (size_t i = 0; i < probabilities.size(); ++i)
        if (std::isnan(probabilities[i]))
            return invalid("probability " + std::to_string(i) + " is NaN");

    const size_t rows = yTrue.size() / cols;
    ThresholdTuning tuning;
    tuning.thresholds.assign(cols, fallback);
    tuning.f1.assign(cols, 0.0);
    std::vector<std::pair<float, bool>> scored(rows);
    for (size_t c = 0; c < cols; ++c) {
        std::int64_t positives = 0;
        for (size_t r = 0; r < rows; ++r) {
            scored[r] = {probabilities[r * cols + c], yTrue[r * cols + c] != 0};
            positives += scored[r].second ? 1 : 0;
        }
        if (positives == 0)
            continue; // no F1 to maximise: any threshold scores 0
        std::sort(scored.begin(), scored.end(),
                  [](const auto& a, const auto& b) { return a.first > b.first; });
        // Sweep "keep the top m" cuts; only cuts between distinct scores are realisable by a threshold.
        std::int64_t tp = 0;
        double bestF1 = -1.0;
        size_t bestKeep = 0;
        for (size_t m = 1; m <= rows; ++m) {
            tp += scored[m - 1].second ? 1 : 0;
            if (m < rows && scored[m].first == scored[m - 1].first)
                continue;
            // F1 = 2TP / (2TP + FP + FN) = 2TP / (kept + positives).
            const double f1 =
                2.0 * static_cast<double>(tp) / static_cast<double>(static_cast<std::int64_t>(m) + positives);
            if (f1 > bestF1) { // strict: the earlier (higher) cut wins ties
                bestF1 = f1;
                bestKeep = m;
            }
        }
        const float lowestKept = scored[bestKeep - 1].first;
        float threshold = lowestKept;
        if (bestKeep < rows) {
            const float highestDropped = scored[bestKeep].first;
            const float mid = lowestKept / 2 + highestDropped / 2;
            // Adjacent floats have no midpoint strictly between them: fall back to the kept score.
            threshold = mid > highestDropped ? mid : lowestKept;
        }
        tuning.thresholds[c] = threshold;
        tuning.f1[c] = bestF1;
    }
    return tuning;
}

std::vector<std::uint8_t> applyThresholds(std::span<const float> probabilities,
                                          std::span<const float> thresholds) {
    assert(!thresholds.empty() && probabilities.size() % thresholds.size() == 0);
    std::vector<std::uint8_t> out(probabilities.size());
    for (size_t i = 0; i < probabilities.size(); ++i)
        out[i] = probabilities[i] >= thresholds[i % thresholds.size()] ? 1 : 0;
    return out;
}

} // namespace bankbench::core::metrics
