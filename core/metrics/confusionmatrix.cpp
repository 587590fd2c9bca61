#include "metrics/confusionmatrix.h"

#include <string>

namespace bankbench::core::metrics {

std::vector<std::vector<std::int64_t>> ConfusionMatrix::rows() const {
    std::vector<std::vector<std::int64_t>> out(static_cast<size_t>(numClasses));
    for (std::int64_t r = 0; r < numClasses; ++r)
        out[static_cast<size_t>(r)].assign(counts.begin() + r * numClasses,
                                           counts.begin() + (r + 1) * numClasses);
    return out;
}

Result<ConfusionMatrix> confusionMatrix(std::span<const std::int64_t> yTrue,
                                        std::span<const std::int64_t> yPred, std::int64_t numClasses) {
    auto invalid = [](std::string message) {
        return Error{ErrorCode::InvalidArgument, "confusion matrix: " + std::move(message), {}};
    };
    if (numClasses < 1)
        return invalid("number of classes must be at least 1");
    if (yTrue.size() != yPred.size())
        return invalid(std::to_string(yTrue.size()) + " true labels but " + std::to_string(yPred.size()) +
                       " predictions");
    ConfusionMatrix matrix;
    matrix.numClasses = numClasses;
    matrix.counts.assign(static_cast<size_t>(numClasses * numClasses), 0);
    for (size_t i = 0; i < yTrue.size(); ++i) {
        const std::int64_t t = yTrue[i];
        const std::int64_t p = yPred[i];
        if (t < 0 || t >= numClasses || p < 0 || p >= numClasses)
            return invalid("sample " + std::to_string(i) + " has class " +
                           std::to_string(t < 0 || t >= numClasses ? t : p) + ", outside [0, " +
                           std::to_string(numClasses) + ")");
        ++matrix.counts[static_cast<size_t>(t * numClasses + p)];
    }
    return matrix;
}

} // namespace bankbench::core::metrics
