#include "metrics/multilabel.h"

#include <string>

namespace bankbench::core::metrics {

namespace {
double ratio(double numerator, double denominator) {
    return denominator == 0 ? 0.0 : numerator / denominator;
}
} // namespace

Result<MultiLabelReport> multiLabelReport(std::span<const std::uint8_t> yTrue,
                                          std::span<const std::uint8_t> yPred, std::int64_t numLabels) {
    auto invalid = [](std::string message) {
        return Error{ErrorCode::InvalidArgument, "multi-label metrics: " + std::move(message), {}};
    };
    if (numLabels < 1)
        return invalid("number of labels must be at least 1");
    const auto cols = static_cast<size_t>(numLabels);
    if (yTrue.size() != yPred.size())
        return invalid(std::to_string(yTrue.size()) + " true cells but " + std::to_string(yPred.size()) +
                       " predicted cells");
    if (yTrue.empty() || yTrue.size() % cols != 0)
        return invalid(std::to_string(yTrue.size()) + " cells is not a non-empty multiple of " +
                       std::to_string(numLabels) + " labels");

    const size_t rows = yTrue.size() / cols;
    std::vector<std::int64_t> tp(cols, 0);
    std::vector<std::int64_t> trueCounts(cols, 0);
    std::vector<std::int64_t> predCounts(cols, 0);
    std::int64_t exact = 0;
    std::int64_t wrongCells = 0;
    for (size_t r = 0; r < rows; ++r) {
        bool allRight = true;
        for (size_t c = 0; c < cols; ++c) {
            const bool t = yTrue[r * cols + c] != 0;
            const bool p = yPred[r * cols + c] != 0;
            trueCounts[c] += t ? 1 : 0;
            predCounts[c] += p ? 1 : 0;
            tp[c] += t && p ? 1 : 0;
            if (t != p) {
                allRight = false;
                ++wrongCells;
            }
        }
        exact += allRight ? 1 : 0;
    }

    MultiLabelReport report;
    report.samples = static_cast<std::int64_t>(rows);
    report.subsetAccuracy = static_cast<double>(exact) / static_cast<double>(rows);
    report.hammingLoss = static_cast<double>(wrongCells) / static_cast<double>(yTrue.size());
    std::int64_t tpSum = 0;
    std::int64_t trueSum = 0;
    std::int64_t predSum = 0;
    for (size_t c = 0; c < cols; ++c) {
        ClassMetrics m;
        m.label = static_cast<std::int64_t>(c);
        m.support = trueCounts[c];
        m.precision = ratio(static_cast<double>(tp[c]), static_cast<double>(predCounts[c]));
        m.recall = ratio(static_cast<double>(tp[c]), static_cast<double>(trueCounts[c]));
        m.f1 = ratio(2.0 * static_cast<double>(tp[c]), static_cast<double>(trueCounts[c] + predCounts[c]));
        report.perLabel.push_back(m);
        tpSum += tp[c];
        trueSum += trueCounts[c];
        predSum += predCounts[c];
        report.macro.precision += m.precision;
        report.macro.recall += m.recall;
        report.macro.f1 += m.f1;
        report.weighted.precision += static_cast<double>(m.support) * m.precision;
        report.weighted.recall += static_cast<double>(m.support) * m.recall;
        report.weighted.f1 += static_cast<double>(m.support) * m.f1;
    }
    report.micro.precision = ratio(static_cast<double>(tpSum), static_cast<double>(predSum));
    report.micro.recall = ratio(static_cast<double>(tpSum), static_cast<double>(trueSum));
    report.micro.f1 = ratio(2.0 * static_cast<double>(tpSum), static_cast<double>(trueSum + predSum));
    const auto count = static_cast<double>(cols);
    report.macro.precision /= count;
    report.macro.recall /= count;
    report.macro.f1 /= count;
    report.weighted.precision = ratio(report.weighted.precision, static_cast<double>(trueSum));
    report.weighted.recall = ratio(report.weighted.recall, static_cast<double>(trueSum));
    report.weighted.f1 = ratio(report.weighted.f1, static_cast<double>(trueSum));
    report.micro.support = report.macro.support = report.weighted.support = trueSum;
    return report;
}

} // namespace bankbench::core::metrics
