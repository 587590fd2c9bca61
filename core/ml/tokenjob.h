#pragma once

// Torch-free: the token-classification (slot span) jobs behind runTrainJob / runEvalJob (trainjob.h), which
// hand over to these when the config's task is "tokens" or the run is a token run.

#include "ml/trainjob.h"

#include <nlohmann/json.hpp>

#include <string>

namespace bankbench::ml {

/// As runTrainJob for TrainConfig::task == Tokens: reads the span annotations (spandata.h; the label set is
/// config.labelSet or the dataset's own, and the run stores the name it resolved), splits them at random
/// (seeded), records the run (labels = span types), trains (tokentrainer.h) and stores per-epoch metrics and
/// the final report. TrainJobSummary::labels are the span types; report["validation"] is the best epoch's
/// span report. Resumes like classification runs. Never throws.
core::Result<TrainJobSummary> runTokenTrainJob(const TrainJobRequest& request, ProgressSink& sink,
                                               const core::CancelToken& cancel);

/// Scores a token run on the span annotations of any dataset in the run's label set: toJson(SpanScores)
/// (spantags.h) plus "run", "dataset", "label_set", "device". Never throws.
core::Result<nlohmann::json> runTokenEvalJob(const EvalJobRequest& request,
                                             const core::CancelToken* cancel = nullptr);

/// Whether run `runName` of the project is a token run (false when it cannot be read: the caller's normal
/// path reports that).
bool isTokenRun(const std::string& projectPath, const std::string& runName);

} // namespace bankbench::ml
