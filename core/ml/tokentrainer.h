#pragma once

// Torch-free interface to the token-classification training loop (tokentrainer.cpp uses LibTorch).

#include "ml/spandata.h"
#include "ml/trainconfig.h"
#include "ml/trainprogress.h"
#include "util/canceltoken.h"
#include "util/result.h"

#include <cstdint>
#include <string>
#include <vector>

namespace bankbench::ml {

struct TokenTrainRequest {
    TrainConfig config;              ///< task Tokens, model Transformer (validate() checks)
    const SpanData* data = nullptr;  ///< not owned; must outlive trainTokenTagger()
    std::vector<std::int64_t> train; ///< indices into *data
    std::vector<std::int64_t> validation;
    /// Created when missing; receives config.json, model.safetensors and vocab.txt (best epoch), and
    /// checkpoint/ while training (the same files as a classification run, see trainer.h).
    std::string modelDir;
    /// Texts the WordPiece vocabulary is learned from when training from scratch; empty = data->texts.
    std::vector<std::string> tokenizerTexts;
    bool resume = false; ///< continue from modelDir/checkpoint (same config and split)
};

/// Trains a BERT token tagger (tokentagger.h) on the calling thread: BIO tags on WordPiece tokens from the
/// spans (spantags.h; an invalid or overlapping span is an error naming its record), cross-entropy over the
/// first piece of each word, AdamW with warm-up and linear decay, gradient clipping, dropout. Validates each
/// epoch on span-level F1 (exact match, micro-averaged) and keeps the best epoch; early stopping on it.
/// Checks `cancel` before every batch: a cancelled run writes a checkpoint (and the best model so far).
/// EpochMetrics carry the word-tag accuracy as validationAccuracy and span macro/micro F1. TrainResult's
/// validationReport is the best epoch's span report (toJson(SpanScores)). Never throws.
core::Result<TrainResult> trainTokenTagger(const TokenTrainRequest& request, ProgressSink& sink,
                                           const core::CancelToken& cancel);

} // namespace bankbench::ml
