#pragma once

// Includes torch: for bankbench_ml's own sources and tests only (never from Qt code).
//
// Hugging Face's BertForTokenClassification: the BERT encoder without its pooler ("bert.*"), dropout and a
// linear layer on every token's last hidden state ("classifier.weight/bias"), one logit per BIO tag.

#include "ml/bertmodel.h"
#include "ml/spantags.h"
#include "ml/trainablemodel.h"
#include "ml/transformermodel.h"

#include <memory>
#include <string>
#include <vector>

namespace bankbench::ml {

/// Owns its torch modules; one thread at a time.
class TokenTagger {
public:
    /// A model for `config.transformer` (random seeded weights, or the encoder of transformer.initFrom) with
    /// the tokenizer found in `assetsDir`; the classifier is normal(0, 0.02) from the seed.
    static core::Result<std::unique_ptr<TokenTagger>> create(const TrainConfig& config, TagSet tags,
                                                             const std::string& assetsDir);
    /// A token model folder (config.json with "task": "tokens", model.safetensors, vocab.txt).
    static core::Result<std::unique_ptr<TokenTagger>> load(const std::string& modelDir);
    /// A BertForTokenClassification folder (config.json with id2label "O"/"B-x"/"I-x", model.safetensors,
    /// vocab.txt), e.g. what export-model writes for a token run.
    static core::Result<std::unique_ptr<TokenTagger>> loadHf(const std::string& dir,
                                                             std::int64_t maxLength = 128);

    const TagSet& tags() const { return m_tags; }
    std::int64_t maxLength() const { return m_model->maxLength(); }
    const BertTextEncoder& textEncoder() const { return m_model->textEncoder(); }
    TokenAlignment align(std::string_view text) const;

    /// Logits [B, L, tags] for a batch of aligned texts (padded to the longest), on the model's device.
    torch::Tensor forward(const std::vector<const TokenAlignment*>& batch, const ForwardContext& context);
    /// Per text: the argmax tag and its probability for each word (eval mode, no gradients).
    void predictWords(const std::vector<const TokenAlignment*>& batch,
                      std::vector<std::vector<std::int64_t>>& tags,
                      std::vector<std::vector<float>>& probabilities);
    /// Spans of `texts`, `batchSize` at a time; an empty result when `cancel` is set before the end.
    std::vector<std::vector<PredictedSpan>> predictSpans(const std::vector<std::string>& texts, int batchSize,
                                                         const core::CancelToken* cancel, bool& cancelled);

    /// "bert.*" (no pooler) and "classifier.*", Hugging Face's names.
    std::vector<TrainableModel::Parameter> parameters();
    /// What config.json stores under "architecture".
    nlohmann::json architecture() const { return m_model->architecture(); }
    void to(const torch::Device& device) { m_model->to(device); }
    torch::Device device() const { return m_model->device(); }

private:
    TokenTagger(std::unique_ptr<TransformerClassifier> model, TagSet tags);

    // The encoder and classifier of a mean-pooled TransformerClassifier with one class per tag: mean pooling
    // leaves the pooler out of parameters(), as BertForTokenClassification has none.
    std::unique_ptr<TransformerClassifier> m_model;
    TagSet m_tags;
    double m_classifierDropout;
};

/// The model folder's config.json for a token model.
nlohmann::json tokenModelConfig(const TokenTagger& model, const TrainConfig& config, int bestEpoch);

} // namespace bankbench::ml
