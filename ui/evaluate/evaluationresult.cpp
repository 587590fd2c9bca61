#include "evaluate/evaluationresult.h"

#include "common/qtconvert.h"

#include <metrics/calibration.h>

#include <algorithm>
#include <cmath>

namespace bankbench::ui {

namespace {

ReportRow rowFrom(const nlohmann::json& entry, const QString& label) {
    ReportRow row;
    row.label = label;
    row.precision = entry.value("precision", 0.0);
    row.recall = entry.value("recall", 0.0);
    row.f1 = entry.value("f1", 0.0);
    row.support = entry.value("support", std::int64_t{0});
    return row;
}

bool isCorrect(const ml::EvalExample& example) {
    return example.predictedClasses == example.trueClasses;
}

} // namespace

qint64 EvaluationResult::rowTotal(int trueClass) const {
    qint64 total = 0;
    for (int p = 0; p < classes; ++p)
        total += count(trueClass, p);
    return total;
}

QVector<Confusion> EvaluationResult::topConfusions(int limit) const {
    QVector<Confusion> out;
    for (int t = 0; t < classes && !confusion.isEmpty(); ++t) {
        for (int p = 0; p < classes; ++p) {
            if (t != p && count(t, p) > 0)
                out.push_back({t, p, count(t, p)});
        }
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const Confusion& a, const Confusion& b) { return a.count > b.count; });
    if (out.size() > limit)
        out.resize(limit);
    return out;
}

QVector<int> EvaluationResult::classesByErrors() const {
    QVector<int> order(classes);
    QVector<qint64> errors(classes, 0);
    for (int c = 0; c < classes; ++c) {
        order[c] = c;
        if (!confusion.isEmpty())
            errors[c] = rowTotal(c) - count(c, c);
    }
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return errors[a] > errors[b]; });
    return order;
}

QString EvaluationResult::classNames(const std::vector<int>& ids) const {
    QStringList names;
    for (int id : ids)
        names << (id >= 0 && id < labels.size() ? labels[id] : QString::number(id));
    return names.join(QStringLiteral(", "));
}

std::shared_ptr<const EvaluationResult> makeEvaluationResult(std::shared_ptr<const ml::EvalDetail> detail) {
    auto out = std::make_shared<EvaluationResult>();
    const nlohmann::json& report = detail->report;
    for (const auto& name : detail->labels)
        out->labels << toQString(name);
    out->classes = static_cast<int>(out->labels.size());
    const nlohmann::json perClass = report.value("per_class", nlohmann::json::array());
    for (const auto& entry : perClass) {
        const int id = entry.value("id", -1);
        ReportRow row = rowFrom(entry, toQString(entry.value("label", std::string())));
        row.classId = id;
        if (detail->multiLabel && id >= 0 && id < static_cast<int>(detail->thresholds.size()))
            row.threshold = detail->thresholds[static_cast<std::size_t>(id)];
        else if (detail->multiLabel && report.contains("thresholds") && id >= 0 &&
                 id < static_cast<int>(report["thresholds"].size()))
            row.threshold = report["thresholds"][static_cast<std::size_t>(id)].get<double>();
        out->perClass.push_back(row);
    }
    out->macro = rowFrom(report.value("macro_avg", nlohmann::json::object()), QString());
    out->weighted = rowFrom(report.value("weighted_avg", nlohmann::json::object()), QString());
    out->accuracy = report.value(detail->multiLabel ? "subset_accuracy" : "accuracy", 0.0);
    if (report.contains("ece"))
        out->ece = report["ece"].get<double>();
    if (report.contains("confusion")) {
        const auto& matrix = report["confusion"]["matrix"];
        out->confusion.reserve(out->classes * out->classes);
        for (const auto& row : matrix)
            for (const auto& value : row)
                out->confusion.push_back(value.get<qint64>());
        if (out->confusion.size() != out->classes * out->classes)
            out->confusion.clear();
    }
    const int bins = core::metrics::kDefaultCalibrationBins;
    for (int b = 0; b < bins; ++b)
        out->bins.push_back({static_cast<double>(b) / bins, static_cast<double>(b + 1) / bins, 0, 0, 0});
    for (const auto& example : detail->examples) {
        // (lower, upper]: ceil(c * bins) - 1, with confidence 0 in the first bin.
        int b = static_cast<int>(std::ceil(static_cast<double>(example.confidence) * bins)) - 1;
        b = std::clamp(b, 0, bins - 1);
        ConfidenceBin& bin = out->bins[b];
        ++bin.count;
        bin.correct += isCorrect(example) ? 1 : 0;
        bin.meanConfidence += example.confidence;
    }
    for (ConfidenceBin& bin : out->bins) {
        if (bin.count > 0)
            bin.meanConfidence /= static_cast<double>(bin.count);
    }
    out->detail = std::move(detail);
    return out;
}

} // namespace bankbench::ui
