#include "metrics/calibration.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace bankbench::core::metrics {

Result<CalibrationReport> calibration(std::span<const float> probabilities, std::int64_t numClasses,
                                      std::span<const std::int64_t> yTrue, int numBins) {
    auto invalid = [](std::string message) {
        return Error{ErrorCode::InvalidArgument, "calibration: " + std::move(message), {}};
    };
    if (numClasses < 1 || numBins < 1)
        return invalid("need at least one class and one bin");
    if (yTrue.empty())
        return invalid("no samples");
    if (probabilities.size() != yTrue.size() * static_cast<size_t>(numClasses))
        return invalid(std::to_string(probabilities.size()) + " probabilities for " +
                       std::to_string(yTrue.size()) + " samples of " + std::to_string(numClasses) +
                       " classes");

    std::vector<std::int64_t> counts(static_cast<size_t>(numBins), 0);
    std::vector<double> correct(static_cast<size_t>(numBins), 0.0);
    std::vector<double> confidenceSum(static_cast<size_t>(numBins), 0.0);
    const auto cols = static_cast<size_t>(numClasses);
    for (size_t i = 0; i < yTrue.size(); ++i) {
        if (yTrue[i] < 0 || yTrue[i] >= numClasses)
            return invalid("sample " + std::to_string(i) + " has class " + std::to_string(yTrue[i]));
        const auto row = probabilities.subspan(i * cols, cols);
        size_t best = 0;
        for (size_t c = 0; c < cols; ++c) {
            if (!std::isfinite(row[c]) || row[c] < 0.0F || row[c] > 1.0F)
                return invalid("sample " + std::to_string(i) + " has probability " + std::to_string(row[c]) +
                               " for class " + std::to_string(c));
            if (row[c] > row[best])
                best = c;
        }
        const double confidence = row[best];
        // Bins are (k/M, (k+1)/M]: ceil(conf * M) - 1, with confidence 0 going to the first bin.
        auto bin = static_cast<int>(std::ceil(confidence * numBins)) - 1;
        bin = std::clamp(bin, 0, numBins - 1);
        ++counts[static_cast<size_t>(bin)];
        confidenceSum[static_cast<size_t>(bin)] += confidence;
        correct[static_cast<size_t>(bin)] += static_cast<std::int64_t>(best) == yTrue[i] ? 1.0 : 0.0;
    }

    CalibrationReport report;
    const auto total = static_cast<double>(yTrue.size());
    for (int b = 0; b < numBins; ++b) {
        const auto k = static_cast<size_t>(b);
        CalibrationBin bin;
        bin.lower = static_cast<double>(b) / numBins;
        bin.upper = static_cast<double>(b + 1) / numBins;
        bin.count = counts[k];
        if (bin.count > 0) {
            bin.accuracy = correct[k] / static_cast<double>(bin.count);
            bin.confidence = confidenceSum[k] / static_cast<double>(bin.count);
            const double gap = std::abs(bin.accuracy - bin.confidence);
            report.expectedCalibrationError += static_cast<double>(bin.count) / total * gap;
            report.maxCalibrationError = std::max(report.maxCalibrationError, gap);
        }
        report.bins.push_back(bin);
    }
    return report;
}

} // namespace bankbench::core::metrics
