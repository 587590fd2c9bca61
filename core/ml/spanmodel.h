#pragma once

// Torch-free: a token-classification (slot span) run's model loaded for prediction, for programs that reach
// LibTorch only through the MlModule (bankbench-cli) and for the chatbot's slot extraction
// (core/chat/slots.h ExtraSlotSource: PredictedSpan::byteBegin/byteEnd are the Slot's byte span).

#include "ml/spantags.h"
#include "ml/trainconfig.h"
#include "util/canceltoken.h"
#include "util/result.h"

#include <nlohmann/json.hpp>

#include <memory>
#include <string>
#include <vector>

namespace bankbench::ml {

/// One run's BERT token tagger. Use from one thread at a time; load one per thread to predict in parallel.
class SpanModel {
public:
    virtual ~SpanModel() = default;
    virtual const std::string& runName() const = 0;
    virtual const std::vector<std::string>& types() const = 0; ///< span types the model tags
    virtual std::string device() const = 0;
    /// Spans of each text, in text order (texts longer than the model's max_length tokens are tagged on
    /// their beginning). Cancelled between batches.
    virtual core::Result<std::vector<std::vector<PredictedSpan>>>
    predictSpans(const std::vector<std::string>& texts, const core::CancelToken* cancel = nullptr) = 0;
};

/// Loads token run `runName` of the project (opened read-only for the lookup). NotFound when the run or its
/// files are missing; InvalidArgument when it is a text-classification run.
core::Result<std::unique_ptr<SpanModel>> loadSpanRunModel(const std::string& projectPath,
                                                          const std::string& runName,
                                                          DevicePreference device = DevicePreference::Auto);
/// Loads a token model folder written by a token run directly (no project).
core::Result<std::unique_ptr<SpanModel>> loadSpanModelDir(const std::string& modelDir,
                                                          const std::string& runName,
                                                          DevicePreference device = DevicePreference::Auto);

/// Whether a stored TrainConfig JSON (RunInfo::config) is a token-classification run's.
inline bool isTokenTaskConfig(const nlohmann::json& config) {
    return config.is_object() && config.contains("task") && config["task"] == "tokens";
}

} // namespace bankbench::ml
