#pragma once

// Torch-free: a detailed evaluation of a run for the Evaluate workspace — the evaluationReport() numbers plus
// one row per scored example (what was true, what the model predicted, how sure it was), so a GUI can show
// the examples behind any cell of the confusion matrix.

#include "ml/trainconfig.h"
#include "store/records.h"
#include "util/canceltoken.h"
#include "util/result.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace bankbench::ml {

struct EvalDetailRequest {
    std::string projectPath;
    std::string runName;
    /// Dataset to score. Empty: the run's own validation split (the records stored in run_split).
    std::string datasetName;
    int topK = 3;                 ///< probabilities kept per example, best first
    std::int64_t batchSize = 256; ///< texts per prediction call (progress and cancel granularity)
    DevicePreference device = DevicePreference::Auto;
};

/// One scored example. Class ids index EvalDetail::labels.
struct EvalExample {
    core::RecordId recordId = 0;
    std::string text;
    std::vector<int> trueClasses; ///< exactly one when single-label
    std::vector<int>
        predictedClasses; ///< single-label: the argmax; multi-label: every class over its threshold
    std::vector<std::pair<int, float>> top; ///< the topK most probable model classes, best first
    float confidence = 0;                   ///< the highest probability
};

struct EvalDetail {
    std::string runName;
    std::string runDataset;  ///< the dataset the run trained on
    std::string datasetName; ///< the dataset scored (the run's dataset when validationSplit)
    bool validationSplit = false;
    /// The run refit its model on training + validation data: validation-split numbers are optimistic.
    bool refit = false;
    core::DatasetId datasetId = 0;
    std::optional<core::LabelSetId> labelSetId;
    std::vector<std::string> labels; ///< model classes first, then labels of the data the model never saw
    std::int64_t modelClasses = 0;
    bool multiLabel = false;
    std::vector<float> thresholds; ///< multi-label: per model class
    std::string device;
    std::int64_t missingRecords = 0; ///< validation records no longer labelled (skipped)
    nlohmann::json report;           ///< evaluationReport()'s, plus "run" and "dataset"
    std::vector<EvalExample> examples;
};

/// Called between batches with (examples scored, examples in all).
using EvalProgress = std::function<void(std::int64_t done, std::int64_t total)>;

/// Loads the run's model through loadRunModel (so any run kind works), scores the chosen data batch by
/// batch and builds the report and the example rows. Runs on the calling thread with its own read-only
/// connection; cancellable between batches (Cancelled). Never throws.
core::Result<EvalDetail> runEvalDetailJob(const EvalDetailRequest& request, const EvalProgress& progress,
                                          const core::CancelToken& cancel);

/// Indices into detail.examples of the single-label examples with true class `trueClass` and predicted
/// class `predictedClass`: exactly the ones report["confusion"]["matrix"][trueClass][predictedClass] counts.
std::vector<std::size_t> confusionCellExamples(const EvalDetail& detail, int trueClass, int predictedClass);

} // namespace bankbench::ml
