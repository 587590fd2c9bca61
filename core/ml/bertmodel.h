#pragma once

// Includes torch: for bankbench_ml's own sources and tests only (never from Qt code).
//
// The BERT encoder as LibTorch modules whose parameter names are those of Hugging Face's `BertModel`
// ("embeddings.word_embeddings.weight", "encoder.layer.0.attention.self.query.weight", ...,
// "pooler.dense.weight"), so checkpoints map one to one.

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <cstdint>

namespace bankbench::ml {

/// BertConfig's fields (Hugging Face names in the comments).
struct BertOptions {
    std::int64_t vocabSize = 30522;   ///< vocab_size
    std::int64_t hidden = 768;        ///< hidden_size
    std::int64_t layers = 12;         ///< num_hidden_layers
    std::int64_t heads = 12;          ///< num_attention_heads
    std::int64_t intermediate = 3072; ///< intermediate_size
    std::int64_t maxPositions = 512;  ///< max_position_embeddings
    std::int64_t typeVocabSize = 2;   ///< type_vocab_size
    double layerNormEps = 1e-12;      ///< layer_norm_eps
    double hiddenDropout = 0.1;       ///< hidden_dropout_prob
    double attentionDropout = 0.1;    ///< attention_probs_dropout_prob
    std::int64_t padTokenId = 0;      ///< pad_token_id
};

/// Dropout with masks drawn from a given generator, so a resumed run draws the masks the uninterrupted
/// run would have (the trainer checkpoints that generator). Inactive when `training` is false.
struct DropoutSource {
    bool training = false;
    at::Generator* generator = nullptr; ///< CPU generator; null = LibTorch's default generator
    torch::Tensor apply(const torch::Tensor& x, double p) const;
};

class BertEmbeddingsImpl : public torch::nn::Module {
public:
    explicit BertEmbeddingsImpl(const BertOptions& options);
    /// ids [B, L] int64 -> [B, L, hidden].
    torch::Tensor forward(const torch::Tensor& ids, const DropoutSource& dropout);

    torch::nn::Embedding word_embeddings{nullptr}, position_embeddings{nullptr},
        token_type_embeddings{nullptr};
    torch::nn::LayerNorm LayerNorm{nullptr};

private:
    double m_dropout;
};
TORCH_MODULE(BertEmbeddings);

/// "attention.self": query, key and value projections, run as one matrix product.
class BertSelfAttentionImpl : public torch::nn::Module {
public:
    BertSelfAttentionImpl(const BertOptions& options);
    /// x [B, L, H]; maskBias [B, 1, 1, L] (0 for tokens, a large negative number for padding). With
    /// `firstTokenOnly` only the first position attends (queries from x[:, :1], keys and values from all of
    /// x): [B, 1, H], the first row of the full result.
    torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& maskBias, const DropoutSource& dropout,
                          bool firstTokenOnly = false);

    torch::nn::Linear query{nullptr}, key{nullptr}, value{nullptr};

private:
    std::int64_t m_heads;
    double m_dropout;
};
TORCH_MODULE(BertSelfAttention);

/// A dense layer, dropout, residual and LayerNorm: "attention.output" and "output" of a BERT layer.
class BertResidualOutputImpl : public torch::nn::Module {
public:
    BertResidualOutputImpl(std::int64_t in, const BertOptions& options);
    torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& residual,
                          const DropoutSource& dropout);

    torch::nn::Linear dense{nullptr};
    torch::nn::LayerNorm LayerNorm{nullptr};

private:
    double m_dropout;
};
TORCH_MODULE(BertResidualOutput);

/// "attention": self-attention then its output block.
class BertAttentionImpl : public torch::nn::Module {
public:
    explicit BertAttentionImpl(const BertOptions& options);
    torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& maskBias, const DropoutSource& dropout,
                          bool firstTokenOnly = false);

    BertSelfAttention self{nullptr};
    BertResidualOutput output{nullptr};
};
TORCH_MODULE(BertAttention);

/// "encoder.layer.N": a post-LN transformer block with a GELU feed-forward part ("intermediate", "output").
class BertLayerImpl : public torch::nn::Module {
public:
    explicit BertLayerImpl(const BertOptions& options);
    /// [B, L, H] -> [B, L, H]; with `firstTokenOnly`, [B, 1, H]: the first position's output alone.
    torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& maskBias, const DropoutSource& dropout,
                          bool firstTokenOnly = false);

    BertAttention attention{nullptr};
    torch::nn::Linear intermediate{nullptr}; ///< registered as "intermediate.dense"
    BertResidualOutput output{nullptr};
};
TORCH_MODULE(BertLayer);

/// BertModel: embeddings, encoder.layer.*, pooler.dense (dense + tanh over the first token).
class BertModelImpl : public torch::nn::Module {
public:
    explicit BertModelImpl(const BertOptions& options);

    /// ids and attentionMask [B, L] int64 -> last hidden states [B, L, hidden]. With
    /// `lastLayerFirstTokenOnly`, [B, 1, hidden]: the last layer computes the first ([CLS]) position alone,
    /// which is all the pooler reads. Same values; the last layer costs about a quarter.
    torch::Tensor forward(const torch::Tensor& ids, const torch::Tensor& attentionMask,
                          const DropoutSource& dropout, bool lastLayerFirstTokenOnly = false);
    /// tanh(dense(hidden[:, 0])).
    torch::Tensor pool(const torch::Tensor& hidden);

    const BertOptions& options() const { return m_options; }
    /// Hugging Face's initialisation: normal(0, 0.02) weights, zero biases, LayerNorm 1 and 0, drawn from a
    /// generator seeded with `seed` (own generator: no global state).
    void initialize(std::uint64_t seed);

    BertEmbeddings embeddings{nullptr};
    torch::nn::ModuleList layer{nullptr}; ///< registered under "encoder" as "encoder.layer"
    torch::nn::Linear pooler{nullptr};    ///< registered as "pooler.dense"

private:
    BertOptions m_options;
};
TORCH_MODULE(BertModel);

/// Every parameter of `module` by its dotted name, with `prefix` in front ("bert.").
std::vector<std::pair<std::string, torch::Tensor>> namedParameters(torch::nn::Module& module,
                                                                   const std::string& prefix);

/// Hugging Face BertConfig JSON <-> options.
nlohmann::json toHfConfig(const BertOptions& options);
/// InvalidArgument-style message (empty = ok) for missing or wrong keys; hidden_act must be "gelu".
std::string bertOptionsFromHfConfig(const nlohmann::json& config, BertOptions& options);

} // namespace bankbench::ml
