#include "chat/policy.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace bankbench::core::chat {

namespace {

const char* actionName(LowConfidenceAction action) {
    return action == LowConfidenceAction::Clarify ? "clarify" : "handover";
}

struct Row {
    double top1 = 0;
    double top2 = 0;
    int predicted = 0;
    bool correct = false;
    double gate = 0; ///< out-of-scope gate score (when tuned with one)
    bool none = false; ///< predicted as the none-of-these label: turned away whatever the thresholds
};

double negativeLogLikelihood(const std::vector<float>& probabilities, const std::vector<int>& gold,
                             std::size_t labelCount, double temperature) {
    double total = 0;
    std::vector<float> row(labelCount);
    for (std::size_t r = 0; r < gold.size(); ++r) {
        std::copy_n(probabilities.begin() + static_cast<std::ptrdiff_t>(r * labelCount), labelCount,
                    row.begin());
        const auto calibrated = calibrate(row, temperature);
        total -=
            std::log(std::max(1e-12, static_cast<double>(calibrated[static_cast<std::size_t>(gold[r])])));
    }
    return total / static_cast<double>(gold.size());
}

/// Largest threshold t on `key` over `rows` (those passing the margin) such that the accuracy among all
/// `rows` stays >= floor. Thresholds are the scores themselves, so the search is exact; `lowest` when
/// none keeps the floor.
double strictestThreshold(const std::vector<const Row*>& rows, double margin, double floorCorrect,
                          double Row::*key = &Row::top1, double lowest = 0) {
    std::vector<const Row*> sorted = rows;
    std::sort(sorted.begin(), sorted.end(), [key](const Row* a, const Row* b) { return a->*key < b->*key; });
    // Correct and accepted at t = sorted[i]->*key: correct rows passing the margin from i on.
    std::vector<double> correctFrom(sorted.size() + 1, 0);
    for (std::size_t i = sorted.size(); i-- > 0;)
        correctFrom[i] = correctFrom[i + 1] +
                         ((sorted[i]->correct && sorted[i]->top1 - sorted[i]->top2 >= margin) ? 1.0 : 0.0);
    double best = lowest;
    for (std::size_t i = 0; i < sorted.size(); ++i) {
        if (i > 0 && sorted[i]->*key == sorted[i - 1]->*key)
            continue;
        if (correctFrom[i] >= floorCorrect)
            best = sorted[i]->*key;
    }
    return best;
}

Result<Policy> tunePolicyRows(const std::vector<float>& probabilities, const std::vector<int>& gold,
                              const std::vector<std::string>& labels, const Policy& base,
                              const TuningOptions& options, const std::vector<double>* inScopeScores,
                              int noneIndex);

} // namespace

double Policy::labelingThreshold() const { return std::max(threshold, kLabelingConfidenceFloor); }

double Policy::thresholdFor(const std::string& intent) const {
    const auto it = intentThresholds.find(intent);
    return it == intentThresholds.end() ? threshold : it->second;
}

nlohmann::json Policy::toJson(bool withReferences) const {
    nlohmann::json out = {{"temperature", temperature},
                          {"threshold", threshold},
                          {"margin", margin},
                          {"intent_thresholds", intentThresholds},
                          {"low_confidence", actionName(lowConfidence)},
                          {"handover_after_misses", handoverAfterMisses},
                          {"kb_min_coverage", kbMinCoverage},
                          {"kb_min_score", kbMinScore},
                          {"tuning", tuning}};
    if (outOfScope.enabled())
        out["out_of_scope"] = outOfScope.toJson(withReferences);
    if (!noneIntent.empty())
        out["none_intent"] = noneIntent;
    return out;
}

Result<Policy> Policy::fromJson(const nlohmann::json& value) {
    if (!value.is_object())
        return Error{ErrorCode::InvalidArgument, "a policy must be a JSON object", {}};
    Policy policy;
    const auto number = [&](const char* key, double& out, double low, double high) -> Status {
        if (!value.contains(key))
            return {};
        if (!value[key].is_number() || value[key].get<double>() < low || value[key].get<double>() > high)
            return Error{ErrorCode::InvalidArgument,
                         std::string("policy \"") + key + "\" must be a number in [" + std::to_string(low) +
                             ", " + std::to_string(high) + "]",
                         {}};
        out = value[key].get<double>();
        return {};
    };
    for (auto status :
         {number("temperature", policy.temperature, 1e-3, 1e3), number("threshold", policy.threshold, 0, 1),
          number("margin", policy.margin, 0, 1), number("kb_min_coverage", policy.kbMinCoverage, 0, 1),
          number("kb_min_score", policy.kbMinScore, 0, 1)})
        if (!status)
            return status.error();
    if (value.contains("intent_thresholds")) {
        if (!value["intent_thresholds"].is_object())
            return Error{
                ErrorCode::InvalidArgument, "policy \"intent_thresholds\" must map intents to numbers", {}};
        for (const auto& [intent, t] : value["intent_thresholds"].items()) {
            if (!t.is_number())
                return Error{
                    ErrorCode::InvalidArgument, "policy threshold of \"" + intent + "\" is not a number", {}};
            policy.intentThresholds[intent] = t.get<double>();
        }
    }
    if (value.contains("low_confidence")) {
        const auto action =
            value["low_confidence"].is_string() ? value["low_confidence"].get<std::string>() : "";
        if (action != "clarify" && action != "handover")
            return Error{
                ErrorCode::InvalidArgument, "policy \"low_confidence\" must be clarify or handover", {}};
        policy.lowConfidence =
            action == "clarify" ? LowConfidenceAction::Clarify : LowConfidenceAction::Handover;
    }
    if (value.contains("handover_after_misses")) {
        if (!value["handover_after_misses"].is_number_integer() ||
            value["handover_after_misses"].get<int>() < 1)
            return Error{
                ErrorCode::InvalidArgument, "policy \"handover_after_misses\" must be an integer >= 1", {}};
        policy.handoverAfterMisses = value["handover_after_misses"].get<int>();
    }
    if (value.contains("out_of_scope")) {
        auto gate = OutOfScopeGate::fromJson(value["out_of_scope"]);
        if (!gate)
            return gate.error();
        policy.outOfScope = std::move(*gate);
    }
    if (value.contains("none_intent")) {
        if (!value["none_intent"].is_string())
            return Error{ErrorCode::InvalidArgument, "policy \"none_intent\" must be a label (a string)", {}};
        policy.noneIntent = value["none_intent"].get<std::string>();
    }
    if (value.contains("tuning"))
        policy.tuning = value["tuning"];
    return policy;
}

std::vector<float> calibrate(const std::vector<float>& probabilities, double temperature) {
    std::vector<float> out(probabilities.size());
    if (probabilities.empty())
        return out;
    std::vector<double> logits(probabilities.size());
    double maxLogit = -1e300;
    for (std::size_t i = 0; i < probabilities.size(); ++i) {
        logits[i] = std::log(std::max(1e-12, static_cast<double>(probabilities[i]))) / temperature;
        maxLogit = std::max(maxLogit, logits[i]);
    }
    double sum = 0;
    for (auto& l : logits)
        sum += (l = std::exp(l - maxLogit));
    for (std::size_t i = 0; i < logits.size(); ++i)
        out[i] = static_cast<float>(logits[i] / sum);
    return out;
}

Result<Policy> tunePolicy(const std::vector<float>& probabilities, const std::vector<int>& gold,
                          const std::vector<std::string>& labels, const Policy& base,
                          const TuningOptions& options, const std::vector<double>* inScopeScores) {
    const std::size_t labelCount = labels.size();
    if (gold.empty() || labelCount < 2 || probabilities.size() != gold.size() * labelCount)
        return Error{ErrorCode::InvalidArgument,
                     "policy tuning needs validation probabilities for at least one example and two labels",
                     {}};
    if (inScopeScores && inScopeScores->size() != gold.size())
        return Error{
            ErrorCode::InvalidArgument, "policy tuning: one out-of-scope score per row is needed", {}};
    for (const int g : gold)
        if (g < 0 || static_cast<std::size_t>(g) >= labelCount)
            return Error{ErrorCode::InvalidArgument, "policy tuning: gold label index out of range", {}};

    // The none-of-these label's rows are out-of-scope examples: tuning keeps the in-scope ones only.
    const auto none = std::find(labels.begin(), labels.end(), base.noneIntent);
    if (!base.noneIntent.empty() && none == labels.end())
        return Error{ErrorCode::InvalidArgument,
                     "the none-of-these intent \"" + base.noneIntent + "\" is not a label of the model", {}};
    const int noneIndex = base.noneIntent.empty() ? -1 : static_cast<int>(none - labels.begin());
    if (noneIndex >= 0) {
        std::vector<float> keptProbabilities;
        std::vector<int> keptGold;
        for (std::size_t r = 0; r < gold.size(); ++r) {
            if (gold[r] == noneIndex)
                continue;
            keptGold.push_back(gold[r]);
            keptProbabilities.insert(keptProbabilities.end(),
                                     probabilities.begin() + static_cast<std::ptrdiff_t>(r * labelCount),
                                     probabilities.begin() + static_cast<std::ptrdiff_t>((r + 1) * labelCount));
        }
        std::vector<double> keptScores;
        if (inScopeScores)
            for (std::size_t r = 0; r < gold.size(); ++r)
                if (gold[r] != noneIndex)
                    keptScores.push_back((*inScopeScores)[r]);
        auto tuned = tunePolicyRows(keptProbabilities, keptGold, labels, base, options,
                                    inScopeScores ? &keptScores : nullptr, noneIndex);
        if (!tuned)
            return tuned.error();
        tuned->tuning["none_intent"] = base.noneIntent;
        tuned->tuning["none_examples"] = gold.size() - keptGold.size();
        return tuned;
    }
    return tunePolicyRows(probabilities, gold, labels, base, options, inScopeScores, -1);
}

namespace {

Result<Policy> tunePolicyRows(const std::vector<float>& probabilities, const std::vector<int>& gold,
                              const std::vector<std::string>& labels, const Policy& base,
                              const TuningOptions& options, const std::vector<double>* inScopeScores,
                              int noneIndex) {
    const std::size_t labelCount = labels.size();
    if (gold.empty())
        return Error{ErrorCode::InvalidArgument,
                     "policy tuning needs validation examples of at least one intent besides \"" +
                         (noneIndex >= 0 ? labels[static_cast<std::size_t>(noneIndex)] : std::string()) + "\"",
                     {}};
    Policy policy = base;
    policy.intentThresholds.clear();
    // Temperature: a log-spaced grid is enough for one parameter and cannot diverge.
    double bestTemperature = 1.0;
    double bestNll = negativeLogLikelihood(probabilities, gold, labelCount, 1.0);
    // Bounded: a perfectly separated validation split would otherwise drive it towards 0.
    for (int step = -12; step <= 12; ++step) {
        const double t = std::pow(10.0, step * 0.6 / 12.0);
        const double nll = negativeLogLikelihood(probabilities, gold, labelCount, t);
        if (nll < bestNll) {
            bestNll = nll;
            bestTemperature = t;
        }
    }
    policy.temperature = bestTemperature;

    std::vector<Row> rows(gold.size());
    std::vector<float> row(labelCount);
    for (std::size_t r = 0; r < gold.size(); ++r) {
        std::copy_n(probabilities.begin() + static_cast<std::ptrdiff_t>(r * labelCount), labelCount,
                    row.begin());
        const auto calibrated = calibrate(row, bestTemperature);
        std::vector<std::size_t> order(labelCount);
        std::iota(order.begin(), order.end(), 0);
        std::partial_sort(order.begin(), order.begin() + 2, order.end(),
                          [&](std::size_t a, std::size_t b) { return calibrated[a] > calibrated[b]; });
        // A row predicted as the none-of-these label is turned away whatever the thresholds: never correct.
        const int predicted = static_cast<int>(order[0]);
        rows[r] = {calibrated[order[0]], calibrated[order[1]], predicted,
                   predicted == gold[r] && predicted != noneIndex, inScopeScores ? (*inScopeScores)[r] : 0.0,
                   predicted == noneIndex};
    }
    std::vector<const Row*> all;
    for (const auto& r : rows)
        all.push_back(&r);
    const double n = static_cast<double>(rows.size());
    const double correct0 =
        static_cast<double>(std::count_if(rows.begin(), rows.end(), [](const Row& r) { return r.correct; }));
    const double floorCorrect = std::ceil((correct0 / n - options.maxAccuracyDrop) * n - 1e-9);

    if (inScopeScores) {
        // The whole budget goes to (margin, gate threshold); the confidence threshold stays at 0.
        policy.threshold = 0;
        double bestRejected = -1;
        for (const double margin : {0.0, 0.02, 0.05, 0.1, 0.15, 0.2, 0.3}) {
            const double t = strictestThreshold(all, margin, floorCorrect, &Row::gate, -1.0);
            const auto acceptedCorrect = std::count_if(rows.begin(), rows.end(), [&](const Row& r) {
                return r.correct && r.gate >= t && r.top1 - r.top2 >= margin;
            });
            if (static_cast<double>(acceptedCorrect) < floorCorrect)
                continue;
            const auto rejected = std::count_if(rows.begin(), rows.end(), [&](const Row& r) {
                return r.none || r.gate < t || r.top1 - r.top2 < margin;
            });
            if (static_cast<double>(rejected) > bestRejected) {
                bestRejected = static_cast<double>(rejected);
                policy.outOfScope.threshold = t;
                policy.margin = margin;
            }
        }
        const auto accepted = [&](const Row& r) {
            return !r.none && r.gate >= policy.outOfScope.threshold && r.top1 - r.top2 >= policy.margin;
        };
        const double correctAfter = static_cast<double>(
            std::count_if(rows.begin(), rows.end(), [&](const Row& r) { return r.correct && accepted(r); }));
        policy.tuning = {{"examples", rows.size()},
                         {"accuracy", correct0 / n},
                         {"accuracy_at_threshold", correctAfter / n},
                         {"rejected", std::max(0.0, bestRejected) / n},
                         {"max_accuracy_drop", options.maxAccuracyDrop},
                         {"nll", bestNll},
                         {"out_of_scope", "knn_cosine"}};
        return policy;
    }

    double bestRejected = -1;
    for (const double margin : {0.0, 0.02, 0.05, 0.1, 0.15, 0.2, 0.3}) {
        const double t = std::min(options.maxThreshold, strictestThreshold(all, margin, floorCorrect));
        const auto rejected = std::count_if(rows.begin(), rows.end(), [&](const Row& r) {
            return r.none || r.top1 < t || r.top1 - r.top2 < margin;
        });
        const auto acceptedCorrect = std::count_if(rows.begin(), rows.end(), [&](const Row& r) {
            return r.correct && r.top1 >= t && r.top1 - r.top2 >= margin;
        });
        if (static_cast<double>(acceptedCorrect) < floorCorrect)
            continue;
        if (static_cast<double>(rejected) > bestRejected) {
            bestRejected = static_cast<double>(rejected);
            policy.threshold = t;
            policy.margin = margin;
        }
    }
    // Per intent: the same rule within the rows predicted as that intent, where there are enough of them.
    for (std::size_t label = 0; label < labelCount; ++label) {
        if (static_cast<int>(label) == noneIndex)
            continue;
        std::vector<const Row*> mine;
        for (const auto& r : rows)
            if (r.predicted == static_cast<int>(label))
                mine.push_back(&r);
        if (static_cast<int>(mine.size()) < options.minExamplesPerIntent)
            continue;
        const double mineCorrect = static_cast<double>(
            std::count_if(mine.begin(), mine.end(), [](const Row* r) { return r->correct; }));
        const double mineN = static_cast<double>(mine.size());
        const double floor = std::ceil((mineCorrect / mineN - options.maxAccuracyDrop) * mineN - 1e-9);
        policy.intentThresholds[labels[label]] =
            std::min(options.maxThreshold, strictestThreshold(mine, policy.margin, floor));
    }
    const auto accepted = [&](const Row& r) {
        return !r.none && r.top1 >= policy.thresholdFor(labels[static_cast<std::size_t>(r.predicted)]) &&
               r.top1 - r.top2 >= policy.margin;
    };
    const double correctAfter = static_cast<double>(
        std::count_if(rows.begin(), rows.end(), [&](const Row& r) { return r.correct && accepted(r); }));
    const double rejectedAfter = static_cast<double>(
        std::count_if(rows.begin(), rows.end(), [&](const Row& r) { return !accepted(r); }));
    policy.tuning = {{"examples", rows.size()},
                     {"accuracy", correct0 / n},
                     {"accuracy_at_threshold", correctAfter / n},
                     {"rejected", rejectedAfter / n},
                     {"max_accuracy_drop", options.maxAccuracyDrop},
                     {"nll", bestNll}};
    return policy;
}

} // namespace

} // namespace bankbench::core::chat
