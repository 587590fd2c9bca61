#pragma once

// Torch-free interface to the training loop (the loop itself, in trainer.cpp, uses LibTorch).

#include "ml/trainconfig.h"
#include "ml/trainingdata.h"
#include "ml/trainprogress.h"
#include "util/canceltoken.h"
#include "util/result.h"

#include <string>
#include <vector>

namespace bankbench::ml {

struct TrainRequest {
    TrainConfig config;
    const LabelledData* data = nullptr; ///< not owned; must outlive train()
    DataSplit split;                    ///< indices into *data
    /// Created when missing. Receives config.json and model.safetensors (best epoch) at the end, and
    /// checkpoint/ (model, optimizer, RNG, trainer state) while training.
    std::string modelDir;
    /// Texts the transformer's WordPiece vocabulary is learned from when it starts from scratch (all texts
    /// of the dataset, labelled or not); empty = the labelled texts of `data`.
    std::vector<std::string> tokenizerTexts;
    /// Continue from modelDir/checkpoint (InvalidArgument when there is none or it belongs to another
    /// config or split).
    bool resume = false;
};

/// Trains a classifier on the calling thread: `config.model` on the split's training part, validating
/// each epoch on its validation part, early stopping on validation macro-F1 and keeping the best epoch.
/// Checks `cancel` before every batch: a cancelled run writes a checkpoint (and the best model so far) and
/// returns TrainOutcome::Cancelled within one batch. Never throws: LibTorch and other exceptions come back
/// as errors. Sets the thread count (config.threads) of the calling thread and logs it with the BLAS.
core::Result<TrainResult> train(const TrainRequest& request, ProgressSink& sink,
                                const core::CancelToken& cancel);

/// Files inside a model folder.
inline constexpr const char* kModelConfigFile = "config.json";
inline constexpr const char* kModelWeightsFile = "model.safetensors";
inline constexpr const char* kCheckpointDir = "checkpoint";
/// "format" of config.json, so other tools can recognise the folder.
inline constexpr const char* kModelFormat = "bankbench-text-classifier";

} // namespace bankbench::ml
