#pragma once

// Includes torch: for bankbench_ml's own sources and tests only (never from Qt code).

#include "ml/bertmodel.h"
#include "ml/trainablemodel.h"
#include "ml/trainprogress.h"
#include "text/wordpiecetokenizer.h"

#include <memory>
#include <string>
#include <vector>

namespace bankbench::ml {

/// The tokenizer file inside a model folder (and a `pretrain` output): BERT's WordPiece vocabulary, an
/// imported checkpoint's or one learned from the project's texts (bertvocab.h).
inline constexpr const char* kVocabFile = "vocab.txt";

/// Text -> BERT ids through a WordPiece vocabulary. Immutable; any thread.
class BertTextEncoder {
public:
    explicit BertTextEncoder(core::WordPieceTokenizer tokenizer) : m_tokenizer(std::move(tokenizer)) {}
    /// Reads vocab.txt from `dir`; NotFound when it is not there. tokenizer_config.json's do_lower_case,
    /// when present, overrides `lowerCase`.
    static core::Result<BertTextEncoder> load(const std::string& dir, bool lowerCase = true);
    /// Writes vocab.txt and tokenizer_config.json (do_lower_case) into `dir`.
    core::Status save(const std::string& dir) const;

    /// [CLS] pieces [SEP], at most maxLength ids.
    std::vector<std::int64_t> encode(std::string_view text, std::int64_t maxLength) const;
    std::int64_t vocabSize() const { return m_tokenizer.vocabSize(); }
    std::int64_t padId() const { return m_tokenizer.padId(); }
    std::int64_t clsId() const { return m_tokenizer.clsId(); }
    std::int64_t sepId() const { return m_tokenizer.sepId(); }
    std::int64_t maskId() const { return m_tokenizer.maskId(); } ///< -1 when the vocabulary has no [MASK]
    bool lowerCase() const { return m_tokenizer.options().lowerCase; }
    const core::WordPieceTokenizer& tokenizer() const { return m_tokenizer; }

private:
    core::WordPieceTokenizer m_tokenizer;
};

/// Texts as id rows (CSR), built once before training.
class TokenizedTexts final : public EncodedTexts {
public:
    std::int64_t size() const override { return static_cast<std::int64_t>(starts.size()) - 1; }
    std::int64_t length(std::int64_t index) const override { return starts[index + 1] - starts[index]; }
    /// ids [B, Lmax] padded with `padId`, and the attention mask [B, Lmax] (1 token, 0 padding), on the CPU.
    std::pair<torch::Tensor, torch::Tensor> batch(const std::vector<std::int64_t>& indices,
                                                  std::int64_t padId) const;

    std::vector<std::int64_t> ids;
    std::vector<std::int64_t> starts{0};
};

/// BERT encoder + dropout + linear classifier (Hugging Face's BertForSequenceClassification: parameters
/// "bert.*" and "classifier.weight/bias"), or with mean pooling over the tokens instead of the pooler.
class TransformerClassifier final : public TrainableModel {
public:
    TransformerClassifier(BertTextEncoder encoder, const BertOptions& options, std::int64_t numClasses,
                          Pooling pooling, std::int64_t maxLength, double classifierDropout);

    ModelKind kind() const override { return ModelKind::Transformer; }
    nlohmann::json architecture() const override;
    std::int64_t numClasses() const override { return m_classifier->weight.size(0); }
    std::unique_ptr<EncodedTexts> encode(const std::vector<std::string>& texts) const override;
    torch::Tensor forward(const EncodedTexts& inputs, const std::vector<std::int64_t>& indices,
                          const ForwardContext& context) override;
    /// The pooled sentence vector the classifier reads ([CLS] pooler output, or the token mean).
    torch::Tensor embed(const EncodedTexts& inputs, const std::vector<std::int64_t>& indices) override;
    std::int64_t embeddingDim() const override { return m_bert->options().hidden; }
    std::vector<Parameter> parameters() override;
    void to(const torch::Device& device) override;
    torch::Device device() const override { return m_device; }

    BertModel& bert() { return m_bert; }
    torch::nn::Linear& classifier() { return m_classifier; }
    const BertTextEncoder& textEncoder() const { return m_encoder; }
    Pooling pooling() const { return m_pooling; }
    std::int64_t maxLength() const { return m_maxLength; }

    /// A model for `config.transformer`: random (seeded) weights and the tokenizer found in `assetsDir`,
    /// or, with config.transformer.initFrom, the encoder weights of that BERT folder (hfcheckpoint.h).
    static core::Result<std::unique_ptr<TransformerClassifier>>
    create(const TrainConfig& config, std::int64_t numClasses, const std::string& assetsDir);
    /// Rebuilds from architecture() output with the tokenizer in `assetsDir` (weights are loaded separately).
    static core::Result<std::unique_ptr<TransformerClassifier>>
    fromArchitecture(const nlohmann::json& architecture, std::int64_t numClasses,
                     const std::string& assetsDir);

private:
    torch::Tensor pooled(const EncodedTexts& inputs, const std::vector<std::int64_t>& indices,
                         const DropoutSource& dropout);

    BertTextEncoder m_encoder;
    BertModel m_bert;
    torch::nn::Linear m_classifier{nullptr};
    Pooling m_pooling;
    std::int64_t m_maxLength;
    double m_classifierDropout;
    torch::Device m_device = torch::kCPU;
};

/// Puts the tokenizer a transformer run needs into `modelDir` unless it is there: with
/// config.transformer.initFrom, that folder's vocab.txt; otherwise a WordPiece vocabulary of
/// config.transformer.vocabSize tokens learned from `texts` (bertvocab.h). Logs what it did. No-op for
/// other model kinds.
core::Status prepareTransformerAssets(const TrainConfig& config, const std::string& modelDir,
                                      const std::vector<std::string>& texts, ProgressSink& sink,
                                      const core::CancelToken* cancel);

} // namespace bankbench::ml
