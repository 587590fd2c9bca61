#include "ml/evaluation.h"

#include "metrics/calibration.h"
#include "metrics/classificationreport.h"
#include "metrics/confusionmatrix.h"
#include "metrics/metricsjson.h"
#include "metrics/multilabel.h"
#include "metrics/thresholds.h"
#include "metrics/topk.h"

#include <algorithm>
#include <numeric>
#include <span>

namespace bankbench::ml {

using core::Error;
using core::ErrorCode;
namespace metrics = core::metrics;

namespace {

struct Prepared {
    std::vector<std::int64_t> examples;
    std::int64_t totalClasses = 0;
};

core::Result<Prepared> prepare(const LabelledData& data, const std::vector<std::int64_t>& examples,
                               const std::vector<float>& probabilities, std::int64_t modelClasses) {
    Prepared out;
    out.examples = examples;
    if (out.examples.empty()) {
        out.examples.resize(data.size());
        std::iota(out.examples.begin(), out.examples.end(), 0);
    }
    out.totalClasses =
        std::max<std::int64_t>(modelClasses, static_cast<std::int64_t>(data.labelNames.size()));
    if (modelClasses < 1 ||
        probabilities.size() != out.examples.size() * static_cast<std::size_t>(modelClasses))
        return Error{ErrorCode::InvalidArgument, "probabilities do not match the examples and classes", {}};
    if (out.examples.empty())
        return Error{ErrorCode::Empty, "nothing to evaluate", {}};
    return out;
}

std::vector<std::int64_t> argmaxRows(const std::vector<float>& probabilities, std::int64_t classes) {
    std::vector<std::int64_t> out(probabilities.size() / static_cast<std::size_t>(classes));
    for (std::size_t i = 0; i < out.size(); ++i) {
        const float* row = probabilities.data() + i * classes;
        out[i] = std::max_element(row, row + classes) - row;
    }
    return out;
}

// Multi-label truth and predictions over every class (unknown labels are columns nobody predicts).
void indicatorMatrices(const LabelledData& data, const Prepared& p, const std::vector<float>& probabilities,
                       std::int64_t modelClasses, const std::vector<float>& thresholds,
                       std::vector<std::uint8_t>& truth, std::vector<std::uint8_t>& predicted) {
    const auto n = p.examples.size();
    truth.assign(n * p.totalClasses, 0);
    predicted.assign(n * p.totalClasses, 0);
    const auto modelPredictions = metrics::applyThresholds(probabilities, thresholds);
    for (std::size_t i = 0; i < n; ++i) {
        for (int label : data.labels[p.examples[i]])
            truth[i * p.totalClasses + label] = 1;
        for (std::int64_t c = 0; c < modelClasses; ++c)
            predicted[i * p.totalClasses + c] = modelPredictions[i * modelClasses + c];
    }
}

std::vector<float> effectiveThresholds(const std::vector<float>& thresholds, std::int64_t modelClasses) {
    if (static_cast<std::int64_t>(thresholds.size()) == modelClasses)
        return thresholds;
    return std::vector<float>(static_cast<std::size_t>(modelClasses), 0.5F);
}

} // namespace

core::Result<QuickScores> quickScores(const LabelledData& data, const std::vector<std::int64_t>& examples,
                                      const std::vector<float>& probabilities, std::int64_t modelClasses,
                                      const std::vector<float>& thresholds) {
    auto p = prepare(data, examples, probabilities, modelClasses);
    if (!p)
        return p.error();
    QuickScores scores;
    if (data.multiLabel) {
        std::vector<std::uint8_t> truth, predicted;
        indicatorMatrices(data, *p, probabilities, modelClasses,
                          effectiveThresholds(thresholds, modelClasses), truth, predicted);
        auto report = metrics::multiLabelReport(truth, predicted, p->totalClasses);
        if (!report)
            return report.error();
        scores.accuracy = report->subsetAccuracy;
        scores.macroF1 = report->macro.f1;
        scores.microF1 = report->micro.f1;
        return scores;
    }
    std::vector<std::int64_t> truth;
    for (auto index : p->examples)
        truth.push_back(data.labels[index].front());
    const auto predicted = argmaxRows(probabilities, modelClasses);
    auto report = metrics::classificationReport(truth, predicted, p->totalClasses);
    if (!report)
        return report.error();
    scores.accuracy = report->accuracy;
    scores.macroF1 = report->macro.f1;
    scores.microF1 = report->micro.f1;
    return scores;
}

core::Result<nlohmann::json> evaluationReport(const LabelledData& data,
                                              const std::vector<std::int64_t>& examples,
                                              const std::vector<float>& probabilities,
                                              std::int64_t modelClasses,
                                              const std::vector<float>& thresholds) {
    auto p = prepare(data, examples, probabilities, modelClasses);
    if (!p)
        return p.error();
    std::vector<std::string> names = data.labelNames;
    names.resize(static_cast<std::size_t>(p->totalClasses));
    auto unknown = nlohmann::json::array();
    for (std::int64_t c = modelClasses; c < p->totalClasses; ++c)
        unknown.push_back(names[c]);

    nlohmann::json out;
    if (data.multiLabel) {
        const auto used = effectiveThresholds(thresholds, modelClasses);
        std::vector<std::uint8_t> truth, predicted;
        indicatorMatrices(data, *p, probabilities, modelClasses, used, truth, predicted);
        auto report = metrics::multiLabelReport(truth, predicted, p->totalClasses);
        if (!report)
            return report.error();
        out = metrics::toJson(*report, names);
        out["per_class"] = out["per_label"];
        out["thresholds"] = used;
    } else {
        std::vector<std::int64_t> truth;
        for (auto index : p->examples)
            truth.push_back(data.labels[index].front());
        const auto predicted = argmaxRows(probabilities, modelClasses);
        auto report = metrics::classificationReport(truth, predicted, p->totalClasses);
        if (!report)
            return report.error();
        auto confusion = metrics::confusionMatrix(truth, predicted, p->totalClasses);
        if (!confusion)
            return confusion.error();
        out = metrics::toJson(*report, names);
        out["confusion"] = metrics::toJson(*confusion, names);
        // Calibration and top-k need a probability for the true class: only examples of known labels.
        std::vector<float> knownRows;
        std::vector<std::int64_t> knownTruth;
        for (std::size_t i = 0; i < truth.size(); ++i) {
            if (truth[i] < modelClasses) {
                knownTruth.push_back(truth[i]);
                knownRows.insert(knownRows.end(), probabilities.begin() + i * modelClasses,
                                 probabilities.begin() + (i + 1) * modelClasses);
            }
        }
        out["top_k"] = nlohmann::json::object();
        if (!knownTruth.empty()) {
            for (int k : {1, 3, 5}) {
                auto topK = metrics::topKAccuracy(knownRows, modelClasses, knownTruth, k);
                if (topK)
                    out["top_k"][std::to_string(k)] = *topK * knownTruth.size() / truth.size();
            }
            auto calibration = metrics::calibration(knownRows, modelClasses, knownTruth);
            if (calibration)
                out["ece"] = calibration->expectedCalibrationError;
        }
    }
    out["multi_label"] = data.multiLabel;
    out["unknown_labels"] = unknown;
    return out;
}

} // namespace bankbench::ml
