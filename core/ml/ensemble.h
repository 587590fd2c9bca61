#pragma once

// Torch-free: ensembles of trained runs. An ensemble is itself a run (model "ensemble") whose config lists
// its member runs with a temperature and a weight each; loadRunModel() (runmodel.h) loads it like any run,
// so eval, predict, the chatbot and the GUI use it without knowing.

#include "ml/trainconfig.h"
#include "store/runstore.h"
#include "util/canceltoken.h"
#include "util/result.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace bankbench::ml {

/// The `model` of an ensemble run.
inline constexpr const char* kEnsembleModel = "ensemble";

struct EnsembleMember {
    std::string run;
    core::RunId runId = 0;  ///< found by id first, so a renamed member still loads
    double temperature = 1; ///< member logits are divided by it before the softmax
    double weight = 0;      ///< share of the average; the weights sum to 1
};

/// What an ensemble run stores as its config.
struct EnsembleConfig {
    std::vector<EnsembleMember> members;
    bool tunedWeights = false; ///< weights tuned on validation (else equal)
};

nlohmann::json toJson(const EnsembleConfig& config);
/// Parse errors name the key.
core::Result<EnsembleConfig> ensembleConfigFromJson(const nlohmann::json& json);

struct EnsembleRequest {
    std::string projectPath;
    std::vector<std::string> runs; ///< at least 2 distinct finished single-label runs
    std::string name;              ///< empty: "ensemble-N"
    bool tuneWeights = false;      ///< tune the weights on validation (NLL), else equal weights
    DevicePreference device = DevicePreference::Auto;
    nlohmann::json versions = nlohmann::json::object(); ///< as TrainJobRequest::versions
};

/// How one member did on the validation split, before and after its temperature.
struct EnsembleMemberReport {
    EnsembleMember member;
    double nllBefore = 0; ///< mean negative log-likelihood at temperature 1
    double nllAfter = 0;  ///< at the fitted temperature
    double accuracy = 0;  ///< temperature does not change the argmax
    /// "selection": the validation probabilities its trainer stored for the model chosen on validation;
    /// "model": computed now with the member's final model (a refit model has seen these examples).
    std::string source;
};

struct EnsembleSummary {
    std::string runName;
    core::RunId runId = 0;
    std::string datasetName;
    std::vector<std::string> labels;
    std::int64_t validationExamples = 0;
    std::vector<EnsembleMemberReport> members;
    double validationNll = 0; ///< of the ensemble
    nlohmann::json report;    ///< what the run stores: "validation" (evaluationReport), "members", "nll"
    std::vector<std::string> warnings;
};

/// Checks the members (same dataset, same labels, single-label, the same stored train/validation split,
/// finished), fits each member's temperature on the validation split, optionally tunes the weights there,
/// scores the ensemble on validation and stores it as a finished run. InvalidArgument names the member and
/// what differs; NotFound a missing run; Cancelled. Runs on the calling thread; never throws.
core::Result<EnsembleSummary> createEnsemble(const EnsembleRequest& request,
                                             const core::CancelToken* cancel = nullptr);

// The maths, on row-major [n x classes] float matrices (exposed for tests).

/// The temperature T in [0.01, 100] minimising the mean negative log-likelihood of softmax(logits / T) for
/// the true `labels`. `logits` may be any per-row shift of the logits (log-probabilities work too). The NLL
/// is convex in 1/T: Newton's method on 1/T, bisection where Newton would leave the bracket.
double fitTemperature(const std::vector<float>& logits, const std::vector<int>& labels, std::int64_t classes);
/// softmax(logits / temperature) per row.
std::vector<float> temperatureSoftmax(const std::vector<float>& logits, std::int64_t classes,
                                      double temperature);
/// Log-probabilities of probabilities (floored at 1e-30 so a zero stays finite): logits up to a row shift.
std::vector<float> logOf(const std::vector<float>& probabilities);
/// Mean of -log p[label] (p floored at 1e-30).
double meanNll(const std::vector<float>& probabilities, const std::vector<int>& labels, std::int64_t classes);
/// sum_m weights[m] * members[m], element-wise (all the same size).
std::vector<float> averageProbabilities(const std::vector<std::vector<float>>& members,
                                        const std::vector<double>& weights);
/// Weights on a grid of the simplex (multiples of `step`) minimising the validation NLL of the average;
/// ties keep the grid point closest to equal weights.
std::vector<double> tuneWeights(const std::vector<std::vector<float>>& members,
                                const std::vector<int>& labels, std::int64_t classes, double step = 0.05);

} // namespace bankbench::ml
