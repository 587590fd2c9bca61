#include "ml/bertmodel.h"

#include "ml/dropoutmask.h"

#include <ATen/CPUGeneratorImpl.h>

#include <cmath>
#include <limits>
#include <mutex>
#include <tuple>

namespace bankbench::ml {

namespace {

/// A container module that only names its children ("encoder" around "layer", "pooler" around "dense").
std::shared_ptr<torch::nn::Module> group(torch::nn::Module& parent, const std::string& name) {
    return parent.register_module(name, std::make_shared<torch::nn::Module>());
}

torch::nn::LayerNorm layerNorm(const BertOptions& o) {
    return torch::nn::LayerNorm(torch::nn::LayerNormOptions({o.hidden}).eps(o.layerNormEps));
}

} // namespace

torch::Tensor DropoutSource::apply(const torch::Tensor& x, double p) const {
    if (!training || p <= 0)
        return x;
    const double keep = 1.0 - p;
    torch::Tensor mask;
    if (generator && x.device().is_cpu() && x.scalar_type() == torch::kFloat32) {
        std::uint64_t seed = 0;
        {
            std::lock_guard<std::mutex> lock(generator->mutex());
            seed = at::check_generator<at::CPUGeneratorImpl>(*generator)->random64();
        }
        mask = torch::empty(x.sizes(), x.options());
        fillDropoutMask(mask.data_ptr<float>(), mask.numel(), keep, seed);
        return x * mask;
    }
    if (generator && x.device().is_cpu())
        mask = torch::empty(x.sizes(), x.options().dtype(torch::kFloat32)).bernoulli_(keep, *generator);
    else
        mask = torch::empty(x.sizes(), x.options().dtype(torch::kFloat32)).bernoulli_(keep);
    return x * mask.div_(keep).to(x.scalar_type());
}

BertEmbeddingsImpl::BertEmbeddingsImpl(const BertOptions& o) : m_dropout(o.hiddenDropout) {
    word_embeddings = register_module("word_embeddings", torch::nn::Embedding(o.vocabSize, o.hidden));
    position_embeddings =
        register_module("position_embeddings", torch::nn::Embedding(o.maxPositions, o.hidden));
    token_type_embeddings =
        register_module("token_type_embeddings", torch::nn::Embedding(o.typeVocabSize, o.hidden));
    LayerNorm = register_module("LayerNorm", layerNorm(o));
}

torch::Tensor BertEmbeddingsImpl::forward(const torch::Tensor& ids, const DropoutSource& dropout) {
    const auto length = ids.size(1);
    auto positions = torch::arange(length, ids.options());
    // Single-segment inputs: token type 0 everywhere, i.e. the first row of the table for every token.
    auto x = word_embeddings->forward(ids) + position_embeddings->forward(positions).unsqueeze(0) +
             token_type_embeddings->weight[0];
    return dropout.apply(LayerNorm->forward(x), m_dropout);
}

BertSelfAttentionImpl::BertSelfAttentionImpl(const BertOptions& o)
    : m_heads(o.heads), m_dropout(o.attentionDropout) {
    query = register_module("query", torch::nn::Linear(o.hidden, o.hidden));
    key = register_module("key", torch::nn::Linear(o.hidden, o.hidden));
    value = register_module("value", torch::nn::Linear(o.hidden, o.hidden));
}

torch::Tensor BertSelfAttentionImpl::forward(const torch::Tensor& x, const torch::Tensor& maskBias,
                                             const DropoutSource& dropout, bool firstTokenOnly) {
    const auto batch = x.size(0), length = x.size(1), hidden = x.size(2);
    const auto headDim = hidden / m_heads;
    const auto queries = firstTokenOnly ? 1 : length;
    torch::Tensor q, k, v;
    if (firstTokenOnly) {
        q = query->forward(x.narrow(1, 0, 1)).view({batch, 1, m_heads, headDim}).transpose(1, 2);
        auto kv =
            torch::linear(x, torch::cat({key->weight, value->weight}), torch::cat({key->bias, value->bias}));
        kv = kv.view({batch, length, 2, m_heads, headDim}).permute({2, 0, 3, 1, 4}); // 2, B, h, L, d
        k = kv[0];
        v = kv[1];
    } else {
        // One [H, 3H] product instead of three: fewer, larger matrix products on small batches.
        auto qkv = torch::linear(x, torch::cat({query->weight, key->weight, value->weight}),
                                 torch::cat({query->bias, key->bias, value->bias}));
        qkv = qkv.view({batch, length, 3, m_heads, headDim}).permute({2, 0, 3, 1, 4}); // 3, B, h, L, d
        q = qkv[0];
        k = qkv[1];
        v = qkv[2];
    }
    // In place: neither the product's backward nor the scaling's needs the scores themselves.
    auto scores = torch::matmul(q, k.transpose(-1, -2)).mul_(1.0 / std::sqrt(static_cast<double>(headDim)));
    scores.add_(maskBias.to(scores.scalar_type()));
    auto probabilities = dropout.apply(torch::softmax(scores, -1), m_dropout);
    return torch::matmul(probabilities, v).transpose(1, 2).reshape({batch, queries, hidden});
}

BertResidualOutputImpl::BertResidualOutputImpl(std::int64_t in, const BertOptions& o)
    : m_dropout(o.hiddenDropout) {
    dense = register_module("dense", torch::nn::Linear(in, o.hidden));
    LayerNorm = register_module("LayerNorm", layerNorm(o));
}

torch::Tensor BertResidualOutputImpl::forward(const torch::Tensor& x, const torch::Tensor& residual,
                                              const DropoutSource& dropout) {
    return LayerNorm->forward(dropout.apply(dense->forward(x), m_dropout) + residual);
}

BertAttentionImpl::BertAttentionImpl(const BertOptions& o) {
    self = register_module("self", BertSelfAttention(o));
    output = register_module("output", BertResidualOutput(o.hidden, o));
}

torch::Tensor BertAttentionImpl::forward(const torch::Tensor& x, const torch::Tensor& maskBias,
                                         const DropoutSource& dropout, bool firstTokenOnly) {
    return output->forward(self->forward(x, maskBias, dropout, firstTokenOnly),
                           firstTokenOnly ? x.narrow(1, 0, 1) : x, dropout);
}

BertLayerImpl::BertLayerImpl(const BertOptions& o) {
    attention = register_module("attention", BertAttention(o));
    intermediate =
        group(*this, "intermediate")->register_module("dense", torch::nn::Linear(o.hidden, o.intermediate));
    output = register_module("output", BertResidualOutput(o.intermediate, o));
}

torch::Tensor BertLayerImpl::forward(const torch::Tensor& x, const torch::Tensor& maskBias,
                                     const DropoutSource& dropout, bool firstTokenOnly) {
    auto attended = attention->forward(x, maskBias, dropout, firstTokenOnly);
    // hidden_act "gelu" in Hugging Face is the exact (erf) GELU, LibTorch's default.
    return output->forward(torch::gelu(intermediate->forward(attended)), attended, dropout);
}

BertModelImpl::BertModelImpl(const BertOptions& o) : m_options(o) {
    embeddings = register_module("embeddings", BertEmbeddings(o));
    layer = group(*this, "encoder")->register_module("layer", torch::nn::ModuleList());
    for (std::int64_t i = 0; i < o.layers; ++i)
        layer->push_back(BertLayer(o));
    pooler = group(*this, "pooler")->register_module("dense", torch::nn::Linear(o.hidden, o.hidden));
}

torch::Tensor BertModelImpl::forward(const torch::Tensor& ids, const torch::Tensor& attentionMask,
                                     const DropoutSource& dropout, bool lastLayerFirstTokenOnly) {
    // Padding keys get the lowest float, as Hugging Face's extended attention mask does.
    auto maskBias = (1.0 - attentionMask.to(torch::kFloat32)).mul_(std::numeric_limits<float>::lowest());
    maskBias = maskBias.view({ids.size(0), 1, 1, ids.size(1)});
    auto x = embeddings->forward(ids, dropout);
    const auto layers = layer->size();
    for (std::size_t i = 0; i < layers; ++i)
        x = layer[i]->as<BertLayer>()->forward(x, maskBias, dropout,
                                               lastLayerFirstTokenOnly && i + 1 == layers);
    return x;
}

torch::Tensor BertModelImpl::pool(const torch::Tensor& hidden) {
    return torch::tanh(pooler->forward(hidden.select(1, 0)));
}

void BertModelImpl::initialize(std::uint64_t seed) {
    torch::NoGradGuard noGrad;
    auto generator = at::make_generator<at::CPUGeneratorImpl>(seed);
    for (auto& item : named_parameters()) {
        auto& tensor = item.value();
        const auto& name = item.key();
        const bool isNorm = name.find("LayerNorm") != std::string::npos;
        if (name.size() >= 4 && name.compare(name.size() - 4, 4, "bias") == 0) {
            tensor.zero_();
        } else if (isNorm) {
            tensor.fill_(1.0);
        } else {
            auto values = torch::empty(tensor.sizes(), torch::kFloat32).normal_(0.0, 0.02, generator);
            tensor.copy_(values);
        }
    }
    // Hugging Face zeroes the padding token's embedding (nn.Embedding padding_idx).
    if (m_options.padTokenId >= 0 && m_options.padTokenId < m_options.vocabSize)
        embeddings->word_embeddings->weight[m_options.padTokenId].zero_();
}

std::vector<std::pair<std::string, torch::Tensor>> namedParameters(torch::nn::Module& module,
                                                                   const std::string& prefix) {
    std::vector<std::pair<std::string, torch::Tensor>> out;
    for (auto& item : module.named_parameters())
        out.emplace_back(prefix + item.key(), item.value());
    return out;
}

nlohmann::json toHfConfig(const BertOptions& o) {
    return {{"model_type", "bert"},
            {"vocab_size", o.vocabSize},
            {"hidden_size", o.hidden},
            {"num_hidden_layers", o.layers},
            {"num_attention_heads", o.heads},
            {"intermediate_size", o.intermediate},
            {"max_position_embeddings", o.maxPositions},
            {"type_vocab_size", o.typeVocabSize},
            {"hidden_act", "gelu"},
            {"layer_norm_eps", o.layerNormEps},
            {"hidden_dropout_prob", o.hiddenDropout},
            {"attention_probs_dropout_prob", o.attentionDropout},
            {"initializer_range", 0.02},
            {"pad_token_id", o.padTokenId},
            {"position_embedding_type", "absolute"}};
}

std::string bertOptionsFromHfConfig(const nlohmann::json& c, BertOptions& o) {
    if (!c.is_object())
        return "config.json must be a JSON object";
    const auto integer = [&](const char* key, std::int64_t& out, bool required) -> std::string {
        if (!c.contains(key)) {
            return required ? std::string("missing key \"") + key + "\"" : std::string();
        }
        if (!c[key].is_number_integer() || c[key].get<std::int64_t>() < 1)
            return std::string("key \"") + key + "\": expected a positive integer, got " + c[key].dump();
        out = c[key].get<std::int64_t>();
        return {};
    };
    for (auto [key, out, required] :
         {std::tuple{"vocab_size", &o.vocabSize, true}, std::tuple{"hidden_size", &o.hidden, true},
          std::tuple{"num_hidden_layers", &o.layers, true}, std::tuple{"num_attention_heads", &o.heads, true},
          std::tuple{"intermediate_size", &o.intermediate, true},
          std::tuple{"max_position_embeddings", &o.maxPositions, true},
          std::tuple{"type_vocab_size", &o.typeVocabSize, false}})
        if (auto message = integer(key, *out, required); !message.empty())
            return message;
    if (o.hidden % o.heads != 0)
        return "hidden_size " + std::to_string(o.hidden) + " is not a multiple of num_attention_heads " +
               std::to_string(o.heads);
    const auto act = c.value("hidden_act", std::string("gelu"));
    if (act != "gelu")
        return "hidden_act \"" + act + "\" is not supported (only \"gelu\", BERT's exact GELU)";
    const auto position = c.value("position_embedding_type", std::string("absolute"));
    if (position != "absolute")
        return "position_embedding_type \"" + position + "\" is not supported (only \"absolute\")";
    if (c.contains("layer_norm_eps")) {
        if (!c["layer_norm_eps"].is_number())
            return "key \"layer_norm_eps\": expected a number";
        o.layerNormEps = c["layer_norm_eps"].get<double>();
    }
    if (c.contains("hidden_dropout_prob") && c["hidden_dropout_prob"].is_number())
        o.hiddenDropout = c["hidden_dropout_prob"].get<double>();
    if (c.contains("attention_probs_dropout_prob") && c["attention_probs_dropout_prob"].is_number())
        o.attentionDropout = c["attention_probs_dropout_prob"].get<double>();
    if (c.contains("pad_token_id") && c["pad_token_id"].is_number_integer())
        o.padTokenId = c["pad_token_id"].get<std::int64_t>();
    return {};
}

} // namespace bankbench::ml
