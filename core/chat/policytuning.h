#pragma once

#include "chat/policy.h"
#include "ml/runmodel.h"
#include "store/project.h"
#include "util/canceltoken.h"
#include "util/result.h"

#include <string>

namespace bankbench::core::chat {

/// Tunes a policy on the validation split of run `runName` (the records the run held out while
/// training), scored by `model` (that run's model). Runs on the calling thread with the project's
/// connection (its thread rule applies) and the model (one thread at a time); cancellable between batches.
/// tuning["refit"] tells whether the run's final model was refit on all examples (validation included,
/// so its confidences there are optimistic: train bots' runs with "refit": false).
/// NotFound when the run is unknown; InvalidArgument when its validation split is empty.
Result<Policy> tunePolicyOnRun(Project& project, const std::string& runName, ml::LoadedModel& model,
                               const Policy& base = {}, const TuningOptions& options = {},
                               const CancelToken* cancel = nullptr);

} // namespace bankbench::core::chat
