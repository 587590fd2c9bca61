#pragma once

// Torch-free: the jobs the CLI and the GUI run (through MlModule), each on a project file path so that it
// opens its own connection on the thread it runs on.

#include "ml/pretrain.h"
#include "ml/trainconfig.h"
#include "ml/trainprogress.h"
#include "store/runstore.h"
#include "util/canceltoken.h"
#include "util/result.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace bankbench::ml {

struct TrainJobRequest {
    std::string projectPath;
    std::string datasetName; ///< labelled dataset to train on (ignored when resuming: the run's dataset)
    std::string runName;     ///< empty: "<model>-N"
    TrainConfig config;      ///< ignored when resuming, except threads and device
    /// Continue run `runName` from its last checkpoint (same config, same split, same seed).
    bool resume = false;
    /// Transformer only: masked-language-model pretraining (pretrain.h) on every text of the dataset,
    /// labelled or not, into "<run folder>.pretrained" first, then fine-tuning from it (the stored config's
    /// transformer.init_from names that folder). Its encoder settings, seed, threads and device follow
    /// `config`. Ignored when resuming.
    std::optional<PretrainConfig> pretrain;
    /// Versions the caller knows (e.g. {"bankbench": "0.1.0"}); LibTorch and BLAS are added.
    nlohmann::json versions = nlohmann::json::object();
};

struct TrainJobSummary {
    std::string runName;
    core::RunId runId = 0;
    std::string modelDir; ///< absolute
    std::string datasetName;
    std::vector<std::string> labels;
    bool multiLabel = false;
    std::int64_t trainExamples = 0;
    std::int64_t validationExamples = 0;
    TrainResult result;
    nlohmann::json report; ///< what the run stores as its final report
    nlohmann::json pretraining; ///< toJson(PretrainResult) when TrainJobRequest::pretrain ran; else null
};

/// Reads the labelled records, splits them (stratified, seeded), records the run in the project, trains,
/// stores per-epoch metrics as they come and the final report at the end, and marks the run finished,
/// cancelled or failed. Runs on the calling thread; cancellable within one batch. Never throws.
core::Result<TrainJobSummary> runTrainJob(const TrainJobRequest& request, ProgressSink& sink,
                                          const core::CancelToken& cancel);

struct EvalJobRequest {
    std::string projectPath;
    std::string runName;
    std::string datasetName;
    DevicePreference device = DevicePreference::Auto;
    bool store = true; ///< keep the report with the run (run_evaluations)
};

/// Scores a finished (or cancelled, once it has a best epoch) run on any labelled dataset of the project.
/// The report is evaluationReport()'s, plus "run" and "dataset". Never throws.
core::Result<nlohmann::json> runEvalJob(const EvalJobRequest& request,
                                        const core::CancelToken* cancel = nullptr);

struct PredictJobRequest {
    std::string projectPath;
    std::string runName;
    std::vector<std::string> texts;
    int topK = 1;
    DevicePreference device = DevicePreference::Auto;
};

struct Prediction {
    std::string text;
    std::vector<std::pair<std::string, float>> top; ///< best first (label, probability)
    std::vector<std::string> labels; ///< predicted: the argmax, or every label over its threshold
};

core::Result<std::vector<Prediction>> runPredictJob(const PredictJobRequest& request);

} // namespace bankbench::ml
