#include "metrics/metricsjson.h"

namespace bankbench::core::metrics {

namespace {

std::string nameOf(std::int64_t id, const std::vector<std::string>& names) {
    return id >= 0 && static_cast<size_t>(id) < names.size() ? names[static_cast<size_t>(id)]
                                                             : std::to_string(id);
}

nlohmann::json averaged(const AveragedMetrics& m) {
    return {{"precision", m.precision}, {"recall", m.recall}, {"f1", m.f1}, {"support", m.support}};
}

nlohmann::json perClass(const std::vector<ClassMetrics>& metrics, const std::vector<std::string>& names) {
    auto out = nlohmann::json::array();
    for (const auto& m : metrics)
        out.push_back({{"label", nameOf(m.label, names)},
                       {"id", m.label},
                       {"precision", m.precision},
                       {"recall", m.recall},
                       {"f1", m.f1},
                       {"support", m.support}});
    return out;
}

} // namespace

nlohmann::json toJson(const ClassificationReport& report, const std::vector<std::string>& names) {
    return {{"accuracy", report.accuracy},
            {"macro_f1", report.macro.f1},
            {"weighted_f1", report.weighted.f1},
            {"micro_f1", report.micro.f1},
            {"samples", report.samples},
            {"macro_avg", averaged(report.macro)},
            {"weighted_avg", averaged(report.weighted)},
            {"micro_avg", averaged(report.micro)},
            {"per_class", perClass(report.perClass, names)}};
}

nlohmann::json toJson(const ConfusionMatrix& matrix, const std::vector<std::string>& names) {
    auto labels = nlohmann::json::array();
    for (std::int64_t i = 0; i < matrix.numClasses; ++i)
        labels.push_back(nameOf(i, names));
    return {{"labels", labels}, {"matrix", matrix.rows()}};
}

nlohmann::json toJson(const MultiLabelReport& report, const std::vector<std::string>& names) {
    return {{"micro_f1", report.micro.f1},
            {"macro_f1", report.macro.f1},
            {"weighted_f1", report.weighted.f1},
            {"subset_accuracy", report.subsetAccuracy},
            {"hamming_loss", report.hammingLoss},
            {"samples", report.samples},
            {"micro_avg", averaged(report.micro)},
            {"macro_avg", averaged(report.macro)},
            {"weighted_avg", averaged(report.weighted)},
            {"per_label", perClass(report.perLabel, names)}};
}

} // namespace bankbench::core::metrics
