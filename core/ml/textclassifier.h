#pragma once

// Torch-free: a trained model loaded for prediction (CLI predict/eval, the GUI, later the labelling queue).

#include "ml/trainconfig.h"
#include "util/canceltoken.h"
#include "util/result.h"

#include <nlohmann/json.hpp>

#include <memory>
#include <string>
#include <vector>

namespace bankbench::ml {

/// A model folder written by train(): config.json + model.safetensors. Owns its LibTorch model; use from
/// one thread at a time (load one per thread to predict in parallel).
class TextClassifier {
public:
    /// Parse/NotFound errors name the file. `device` as for training (Auto = CUDA when available).
    static core::Result<std::unique_ptr<TextClassifier>>
    load(const std::string& modelDir, DevicePreference device = DevicePreference::Auto);
    ~TextClassifier();

    const std::vector<std::string>& labels() const;
    bool multiLabel() const;
    /// Per-label decision thresholds (multi-label; tuned on validation), else empty.
    const std::vector<float>& thresholds() const;
    const nlohmann::json& config() const;
    std::string device() const;

    /// Row-major [texts.size() x labels().size()]: softmax probabilities (single-label) or independent
    /// sigmoid probabilities (multi-label). Cancelled when `cancel` is set between batches.
    core::Result<std::vector<float>> predictProbabilities(const std::vector<std::string>& texts,
                                                          const core::CancelToken* cancel = nullptr);

    /// Sentence embeddings, row-major [texts.size() x embeddingDim()], each row L2-normalised (cosine
    /// similarity is a dot product): the representation the output layer reads (fast model: the mean
    /// n-gram embedding; transformer: the pooled [CLS] output).
    core::Result<std::vector<float>> embed(const std::vector<std::string>& texts,
                                           const core::CancelToken* cancel = nullptr);
    std::int64_t embeddingDim() const;

private:
    struct Impl;
    explicit TextClassifier(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

} // namespace bankbench::ml
