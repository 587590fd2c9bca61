#pragma once

// Includes torch: for bankbench_ml's own sources and tests only (never from Qt code).
//
// Hugging Face BERT folders: config.json (BertConfig) + model.safetensors + vocab.txt.

#include "ml/bertmodel.h"
#include "util/result.h"

#include <memory>
#include <string>
#include <vector>

namespace bankbench::ml {

class TransformerClassifier;

/// BertConfig from DIR/config.json. Parse errors name the file, line and column; missing or unsupported
/// keys (hidden_act other than gelu, relative positions) are InvalidArgument naming the key.
core::Result<BertOptions> readHfBertConfig(const std::string& dir);

/// Copies DIR/model.safetensors into `bert` (names with or without the "bert." prefix; old "gamma"/"beta"
/// LayerNorm names accepted; any float dtype converted). A checkpoint without pooler weights keeps the
/// pooler as initialised. With `classifier`, "classifier.weight/bias" are loaded too (required then).
/// Every other encoder tensor is required: Parse error naming the file and tensor when missing or
/// mis-shaped. Returns the number of tensors loaded.
core::Result<int> loadHfBertWeights(const std::string& dir, BertModel& bert, torch::nn::Linear* classifier);

/// Writes a trained transformer model folder (a run's) to `outDir` in the Hugging Face layout:
/// config.json with architectures ["BertForSequenceClassification"], id2label/label2id and problem_type,
/// model.safetensors ("bert.*", "classifier.*"), vocab.txt and tokenizer_config.json. InvalidArgument for
/// fast models and mean-pooled transformers (which Hugging Face's classifier cannot express). A token
/// (slot span) run is written as BertForTokenClassification with its BIO tags as id2label. Returns the
/// files written.
core::Result<std::vector<std::string>> exportHfModel(const std::string& modelDir, const std::string& outDir);

/// Loads a BertForSequenceClassification folder (e.g. written by exportHfModel) as a classifier with its
/// labels in id order.
struct HfClassifier {
    std::unique_ptr<TransformerClassifier> model;
    std::vector<std::string> labels;
};
core::Result<HfClassifier> loadHfClassifier(const std::string& dir, std::int64_t maxLength = 128);

} // namespace bankbench::ml
