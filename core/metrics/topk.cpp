#include "metrics/topk.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>

namespace bankbench::core::metrics {

Result<double> topKAccuracy(std::span<const float> scores, std::int64_t numClasses,
                            std::span<const std::int64_t> yTrue, int k) {
    auto invalid = [](std::string message) {
        return Error{ErrorCode::InvalidArgument, "top-k accuracy: " + std::move(message), {}};
    };
    if (numClasses < 1 || k < 1)
        return invalid("need at least one class and k >= 1");
    if (yTrue.empty())
        return invalid("no samples");
    const auto cols = static_cast<size_t>(numClasses);
    if (scores.size() != yTrue.size() * cols)
        return invalid(std::to_string(scores.size()) + " scores for " + std::to_string(yTrue.size()) +
                       " samples of " + std::to_string(numClasses) + " classes");
    std::int64_t hits = 0;
    for (size_t i = 0; i < yTrue.size(); ++i) {
        const std::int64_t t = yTrue[i];
        if (t < 0 || t >= numClasses)
            return invalid("sample " + std::to_string(i) + " has class " + std::to_string(t));
        const auto row = scores.subspan(i * cols, cols);
        // The true class is in the top k when fewer than k classes rank above it; a class ranks above
        // when its score is higher, or equal with a lower index (the tie rule of topKIndices).
        const float own = row[static_cast<size_t>(t)];
        std::int64_t above = 0;
        for (size_t c = 0; c < cols; ++c) {
            if (std::isnan(row[c]))
                return invalid("sample " + std::to_string(i) + " has a NaN score");
            if (row[c] > own || (row[c] == own && static_cast<std::int64_t>(c) < t))
                ++above;
        }
        hits += above < k ? 1 : 0;
    }
    return static_cast<double>(hits) / static_cast<double>(yTrue.size());
}

std::vector<std::int64_t> topKIndices(std::span<const float> row, int k) {
    std::vector<std::int64_t> order(row.size());
    std::iota(order.begin(), order.end(), std::int64_t{0});
    const auto keep = std::min(order.size(), static_cast<size_t>(std::max(k, 0)));
    std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(keep), order.end(),
                      [&](std::int64_t a, std::int64_t b) {
                          const float sa = row[static_cast<size_t>(a)];
                          const float sb = row[static_cast<size_t>(b)];
                          return sa > sb || (sa == sb && a < b);
                      });
    order.resize(keep);
    return order;
}

} // namespace bankbench::core::metrics
