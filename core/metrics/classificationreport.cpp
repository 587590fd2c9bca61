#include "metrics/classificationreport.h"

#include <numeric>
#include <string>
#include <unordered_map>

namespace bankbench::core::metrics {

namespace {

Error invalid(std::string message) {
    return Error{ErrorCode::InvalidArgument, std::move(message), {}};
}

// sklearn's zero_division: a ratio with an empty denominator is 0 rather than NaN.
double ratio(double numerator, double denominator) {
    return denominator == 0 ? 0.0 : numerator / denominator;
}

Status checkPairs(std::span<const std::int64_t> yTrue, std::span<const std::int64_t> yPred) {
    if (yTrue.size() != yPred.size())
        return invalid("metrics: " + std::to_string(yTrue.size()) + " true labels but " +
                       std::to_string(yPred.size()) + " predictions");
    if (yTrue.empty())
        return invalid("metrics: no samples");
    return {};
}

} // namespace

Result<double> accuracy(std::span<const std::int64_t> yTrue, std::span<const std::int64_t> yPred) {
    if (auto status = checkPairs(yTrue, yPred); !status)
        return status.error();
    std::int64_t correct = 0;
    for (size_t i = 0; i < yTrue.size(); ++i)
        correct += yTrue[i] == yPred[i] ? 1 : 0;
    return static_cast<double>(correct) / static_cast<double>(yTrue.size());
}

Result<ClassificationReport> classificationReport(std::span<const std::int64_t> yTrue,
                                                  std::span<const std::int64_t> yPred,
                                                  std::span<const std::int64_t> labels) {
    if (auto status = checkPairs(yTrue, yPred); !status)
        return status.error();
    if (labels.empty())
        return invalid("metrics: empty label list");
    std::unordered_map<std::int64_t, size_t> index;
    for (size_t i = 0; i < labels.size(); ++i)
        if (!index.emplace(labels[i], i).second)
            return invalid("metrics: label " + std::to_string(labels[i]) + " listed twice");

    const size_t n = labels.size();
    std::vector<std::int64_t> truePositives(n, 0);
    std::vector<std::int64_t> trueCounts(n, 0);
    std::vector<std::int64_t> predCounts(n, 0);
    std::int64_t correct = 0;
    for (size_t i = 0; i < yTrue.size(); ++i) {
        const auto t = index.find(yTrue[i]);
        const auto p = index.find(yPred[i]);
        if (t != index.end())
            ++trueCounts[t->second];
        if (p != index.end())
            ++predCounts[p->second];
        if (yTrue[i] == yPred[i]) {
            ++correct;
            if (t != index.end())
                ++truePositives[t->second];
        }
    }

    ClassificationReport report;
    report.samples = static_cast<std::int64_t>(yTrue.size());
    report.accuracy = static_cast<double>(correct) / static_cast<double>(yTrue.size());
    report.perClass.reserve(n);
    std::int64_t tpSum = 0;
    std::int64_t trueSum = 0;
    std::int64_t predSum = 0;
    for (size_t i = 0; i < n; ++i) {
        ClassMetrics m;
        m.label = labels[i];
        m.support = trueCounts[i];
        m.precision = ratio(static_cast<double>(truePositives[i]), static_cast<double>(predCounts[i]));
        m.recall = ratio(static_cast<double>(truePositives[i]), static_cast<double>(trueCounts[i]));
        // 2TP / (2TP + FP + FN) equals 2PR / (P + R) and is 0 (not NaN) when TP = 0, as in sklearn.
        m.f1 = ratio(2.0 * static_cast<double>(truePositives[i]),
                     static_cast<double>(trueCounts[i] + predCounts[i]));
        report.perClass.push_back(m);
        tpSum += truePositives[i];
        trueSum += trueCounts[i];
        predSum += predCounts[i];
    }

    report.micro.precision = ratio(static_cast<double>(tpSum), static_cast<double>(predSum));
    report.micro.recall = ratio(static_cast<double>(tpSum), static_cast<double>(trueSum));
    report.micro.f1 = ratio(2.0 * static_cast<double>(tpSum), static_cast<double>(trueSum + predSum));
    report.micro.support = trueSum;

    for (const auto& m : report.perClass) {
        report.macro.precision += m.precision;
        report.macro.recall += m.recall;
        report.macro.f1 += m.f1;
        const auto w = static_cast<double>(m.support);
        report.weighted.precision += w * m.precision;
        report.weighted.recall += w * m.recall;
        report.weighted.f1 += w * m.f1;
    }
    const auto count = static_cast<double>(n);
    report.macro.precision /= count;
    report.macro.recall /= count;
    report.macro.f1 /= count;
    report.macro.support = trueSum;
    const auto total = static_cast<double>(trueSum);
    report.weighted.precision = ratio(report.weighted.precision, total);
    report.weighted.recall = ratio(report.weighted.recall, total);
    report.weighted.f1 = ratio(report.weighted.f1, total);
    report.weighted.support = trueSum;
    return report;
}

Result<ClassificationReport> classificationReport(std::span<const std::int64_t> yTrue,
                                                  std::span<const std::int64_t> yPred,
                                                  std::int64_t numClasses) {
    if (numClasses < 1)
        return invalid("metrics: number of classes must be at least 1, got " + std::to_string(numClasses));
    std::vector<std::int64_t> labels(static_cast<size_t>(numClasses));
    std::iota(labels.begin(), labels.end(), std::int64_t{0});
    return classificationReport(yTrue, yPred, labels);
}

} // namespace bankbench::core::metrics
