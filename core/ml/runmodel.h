#pragma once

// Torch-free: a run's trained model loaded for prediction, behind an interface that programs reaching
// LibTorch only through the MlModule (bankbench-cli) can hold. Used by predict/eval, the chatbot and the GUI.

#include "ml/trainconfig.h"
#include "util/canceltoken.h"
#include "util/result.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace bankbench::ml {

/// A loaded model: one run's TextClassifier, or several runs combined (an ensemble run). Use from one
/// thread at a time; load one per thread to predict in parallel.
class LoadedModel {
public:
    virtual ~LoadedModel() = default;

    virtual const std::string& runName() const = 0;
    virtual const std::vector<std::string>& labels() const = 0;
    virtual bool multiLabel() const = 0;
    /// Per-label decision thresholds (multi-label), else empty.
    virtual const std::vector<float>& thresholds() const = 0;
    virtual std::string device() const = 0;

    /// Row-major [texts.size() x labels().size()] probabilities (softmax, or sigmoid for multi-label).
    virtual core::Result<std::vector<float>> predictProbabilities(const std::vector<std::string>& texts,
                                                                  const core::CancelToken* cancel = nullptr) = 0;
    /// Row-major [texts.size() x embeddingDim()] L2-normalised sentence embeddings (TextClassifier::embed).
    virtual core::Result<std::vector<float>> embed(const std::vector<std::string>& texts,
                                                   const core::CancelToken* cancel = nullptr) = 0;
    virtual std::int64_t embeddingDim() const = 0;
};

/// Loads run `runName` of the project at `projectPath` (opened read-only for the lookup and closed
/// again). NotFound when the run or its model files are missing.
core::Result<std::unique_ptr<LoadedModel>> loadRunModel(const std::string& projectPath,
                                                        const std::string& runName,
                                                        DevicePreference device = DevicePreference::Auto);

/// Loads a model folder written by train() directly (no project).
core::Result<std::unique_ptr<LoadedModel>> loadModelDir(const std::string& modelDir, const std::string& runName,
                                                        DevicePreference device = DevicePreference::Auto);

} // namespace bankbench::ml
