#include "ml/ensemble.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>

// Temperature scaling (Guo et al., "On Calibration of Modern Neural Networks", 2017) and the weighted
// average of calibrated member probabilities.

namespace bankbench::ml {

namespace {

constexpr double kFloor = 1e-30;

// Mean NLL of softmax(beta * z) and its first two derivatives in beta (beta = 1 / T):
//   f(beta)   = mean_i [ logsumexp(beta z_i) - beta z_iy ]
//   f'(beta)  = mean_i [ E_p[z_i] - z_iy ]
//   f''(beta) = mean_i Var_p[z_i] >= 0, so f is convex in beta.
struct NllAt {
    double value = 0, slope = 0, curvature = 0;
};

NllAt nllAt(const std::vector<float>& logits, const std::vector<int>& labels, std::int64_t classes,
            double beta) {
    NllAt out;
    const auto rows = labels.size();
    for (std::size_t i = 0; i < rows; ++i) {
        const float* z = logits.data() + i * static_cast<std::size_t>(classes);
        double maxScaled = -std::numeric_limits<double>::infinity();
        for (std::int64_t c = 0; c < classes; ++c)
            maxScaled = std::max(maxScaled, beta * z[c]);
        double sum = 0, mean = 0, square = 0;
        for (std::int64_t c = 0; c < classes; ++c) {
            const double e = std::exp(beta * z[c] - maxScaled);
            sum += e;
            mean += e * z[c];
            square += e * static_cast<double>(z[c]) * z[c];
        }
        mean /= sum;
        square /= sum;
        out.value += maxScaled + std::log(sum) - beta * z[labels[i]];
        out.slope += mean - z[labels[i]];
        out.curvature += std::max(square - mean * mean, 0.0);
    }
    const double n = std::max<double>(static_cast<double>(rows), 1.0);
    out.value /= n;
    out.slope /= n;
    out.curvature /= n;
    return out;
}

} // namespace

double fitTemperature(const std::vector<float>& logits, const std::vector<int>& labels,
                      std::int64_t classes) {
    if (labels.empty() || classes < 2)
        return 1.0;
    // Bracket [1/100, 1/0.01] in beta; the minimum of a convex function lies where the slope changes sign.
    double low = 0.01, high = 100.0;
    if (nllAt(logits, labels, classes, low).slope >= 0)
        return 1.0 / low;
    if (nllAt(logits, labels, classes, high).slope <= 0)
        return 1.0 / high;
    double beta = 1.0;
    for (int iteration = 0; iteration < 100; ++iteration) {
        const auto at = nllAt(logits, labels, classes, beta);
        if (at.slope > 0)
            high = beta;
        else
            low = beta;
        double next = at.curvature > 0 ? beta - at.slope / at.curvature : 0.5 * (low + high);
        if (!(next > low && next < high))
            next = 0.5 * (low + high);
        if (std::abs(next - beta) < 1e-10 * std::max(1.0, beta) || high - low < 1e-12)
            return 1.0 / next;
        beta = next;
    }
    return 1.0 / beta;
}

std::vector<float> temperatureSoftmax(const std::vector<float>& logits, std::int64_t classes,
                                      double temperature) {
    std::vector<float> out(logits.size());
    const auto rows = classes > 0 ? logits.size() / static_cast<std::size_t>(classes) : 0;
    for (std::size_t i = 0; i < rows; ++i) {
        const float* z = logits.data() + i * static_cast<std::size_t>(classes);
        float* p = out.data() + i * static_cast<std::size_t>(classes);
        double maxScaled = -std::numeric_limits<double>::infinity();
        for (std::int64_t c = 0; c < classes; ++c)
            maxScaled = std::max(maxScaled, z[c] / temperature);
        double sum = 0;
        for (std::int64_t c = 0; c < classes; ++c)
            sum += std::exp(z[c] / temperature - maxScaled);
        for (std::int64_t c = 0; c < classes; ++c)
            p[c] = static_cast<float>(std::exp(z[c] / temperature - maxScaled) / sum);
    }
    return out;
}

std::vector<float> logOf(const std::vector<float>& probabilities) {
    std::vector<float> out(probabilities.size());
    std::transform(probabilities.begin(), probabilities.end(), out.begin(),
                   [](float p) { return static_cast<float>(std::log(std::max<double>(p, kFloor))); });
    return out;
}

double meanNll(const std::vector<float>& probabilities, const std::vector<int>& labels,
               std::int64_t classes) {
    if (labels.empty())
        return 0;
    double sum = 0;
    for (std::size_t i = 0; i < labels.size(); ++i)
        sum -= std::log(
            std::max<double>(probabilities[i * static_cast<std::size_t>(classes) + labels[i]], kFloor));
    return sum / static_cast<double>(labels.size());
}

std::vector<float> averageProbabilities(const std::vector<std::vector<float>>& members,
                                        const std::vector<double>& weights) {
    if (members.empty())
        return {};
    std::vector<double> sum(members.front().size(), 0.0);
    for (std::size_t m = 0; m < members.size(); ++m)
        for (std::size_t j = 0; j < sum.size(); ++j)
            sum[j] += weights[m] * members[m][j];
    return {sum.begin(), sum.end()};
}

std::vector<double> tuneWeights(const std::vector<std::vector<float>>& members,
                                const std::vector<int>& labels, std::int64_t classes, double step) {
    const auto count = members.size();
    std::vector<double> equal(count, count ? 1.0 / static_cast<double>(count) : 0.0);
    if (count < 2 || labels.empty())
        return equal;
    const int units = std::max(1, static_cast<int>(std::lround(1.0 / step)));
    std::vector<double> best = equal;
    double bestNll = meanNll(averageProbabilities(members, equal), labels, classes);
    double bestDistance = 0;
    std::vector<int> parts(count, 0);
    // Every composition of `units` into `count` non-negative parts: the grid points of the simplex.
    std::function<void(std::size_t, int)> visit = [&](std::size_t index, int left) {
        if (index + 1 == count) {
            parts[index] = left;
            std::vector<double> weights(count);
            double distance = 0;
            for (std::size_t m = 0; m < count; ++m) {
                weights[m] = static_cast<double>(parts[m]) / units;
                distance += (weights[m] - equal[m]) * (weights[m] - equal[m]);
            }
            const double nll = meanNll(averageProbabilities(members, weights), labels, classes);
            if (nll < bestNll - 1e-12 || (std::abs(nll - bestNll) <= 1e-12 && distance < bestDistance)) {
                bestNll = nll;
                best = weights;
                bestDistance = distance;
            }
            return;
        }
        for (int part = 0; part <= left; ++part) {
            parts[index] = part;
            visit(index + 1, left - part);
        }
    };
    visit(0, units);
    return best;
}

} // namespace bankbench::ml
