#include "ml/transformermodel.h"

#include "ml/bertvocab.h"
#include "ml/hfcheckpoint.h"
#include "ml/safetensors.h"

#include <ATen/CPUGeneratorImpl.h>
#include <torch/cuda.h>

#include <mutex>

#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace bankbench::ml {

using core::Error;
using core::ErrorCode;
namespace fs = std::filesystem;

// ---- BertTextEncoder ----------------------------------------------------------------------------------

core::Result<BertTextEncoder> BertTextEncoder::load(const std::string& dir, bool lowerCase) {
    const auto vocab = fs::path(dir) / kVocabFile;
    if (!fs::exists(vocab))
        return Error{ErrorCode::NotFound,
                     std::string("no tokenizer in the folder (expected ") + kVocabFile + ")",
                     {dir, 0, 0}};
    core::WordPieceOptions options;
    options.lowerCase = lowerCase;
    // A checkpoint's own tokenizer settings win (cased models set do_lower_case false).
    std::ifstream in(fs::path(dir) / "tokenizer_config.json", std::ios::binary);
    if (in) {
        std::stringstream text;
        text << in.rdbuf();
        const auto json = nlohmann::json::parse(text.str(), nullptr, false);
        if (json.is_object() && json.contains("do_lower_case") && json["do_lower_case"].is_boolean())
            options.lowerCase = json["do_lower_case"].get<bool>();
    }
    auto tokenizer = core::WordPieceTokenizer::fromVocabFile(vocab, options);
    if (!tokenizer)
        return tokenizer.error();
    return BertTextEncoder(std::move(*tokenizer));
}

core::Status BertTextEncoder::save(const std::string& dir) const {
    std::error_code ec;
    fs::create_directories(dir, ec);
    std::string text;
    for (const auto& token : m_tokenizer.vocab())
        text += token + "\n";
    if (auto status = writeFileAtomically((fs::path(dir) / kVocabFile).string(), text); !status)
        return status;
    const nlohmann::json config = {{"tokenizer_class", "BertTokenizer"}, {"do_lower_case", lowerCase()}};
    return writeFileAtomically((fs::path(dir) / "tokenizer_config.json").string(), config.dump(2));
}

std::vector<std::int64_t> BertTextEncoder::encode(std::string_view text, std::int64_t maxLength) const {
    return m_tokenizer.encode(text, static_cast<std::size_t>(std::max<std::int64_t>(maxLength, 2))).ids;
}

// ---- TokenizedTexts -----------------------------------------------------------------------------------

std::pair<torch::Tensor, torch::Tensor> TokenizedTexts::batch(const std::vector<std::int64_t>& indices,
                                                              std::int64_t padId) const {
    std::int64_t longest = 1;
    for (const auto index : indices)
        longest = std::max(longest, length(index));
    const auto rows = static_cast<std::int64_t>(indices.size());
    auto idTensor = torch::full({rows, longest}, padId, torch::kInt64);
    auto mask = torch::zeros({rows, longest}, torch::kInt64);
    auto* idData = idTensor.data_ptr<std::int64_t>();
    auto* maskData = mask.data_ptr<std::int64_t>();
    for (std::int64_t r = 0; r < rows; ++r) {
        const auto begin = starts[indices[r]];
        const auto count = length(indices[r]);
        std::memcpy(idData + r * longest, ids.data() + begin,
                    static_cast<std::size_t>(count) * sizeof(std::int64_t));
        std::fill(maskData + r * longest, maskData + r * longest + count, 1);
    }
    return {idTensor, mask};
}

// ---- TransformerClassifier ----------------------------------------------------------------------------

TransformerClassifier::TransformerClassifier(BertTextEncoder encoder, const BertOptions& options,
                                             std::int64_t numClasses, Pooling pooling, std::int64_t maxLength,
                                             double classifierDropout)
    : m_encoder(std::move(encoder)), m_bert(options), m_pooling(pooling),
      m_maxLength(std::min(maxLength, options.maxPositions)), m_classifierDropout(classifierDropout) {
    m_classifier = torch::nn::Linear(options.hidden, numClasses);
}

nlohmann::json TransformerClassifier::architecture() const {
    const auto& o = m_bert->options();
    return {{"bert", toHfConfig(o)},
            {"tokenizer", "wordpiece"},
            {"lower_case", m_encoder.lowerCase()},
            {"pooling", m_pooling == Pooling::Cls ? "cls" : "mean"},
            {"max_length", m_maxLength},
            {"classifier_dropout", m_classifierDropout}};
}

std::unique_ptr<EncodedTexts> TransformerClassifier::encode(const std::vector<std::string>& texts) const {
    auto encoded = std::make_unique<TokenizedTexts>();
    encoded->starts.reserve(texts.size() + 1);
    for (const auto& text : texts) {
        const auto ids = m_encoder.encode(text, m_maxLength);
        encoded->ids.insert(encoded->ids.end(), ids.begin(), ids.end());
        encoded->starts.push_back(static_cast<std::int64_t>(encoded->ids.size()));
    }
    return encoded;
}

torch::Tensor TransformerClassifier::pooled(const EncodedTexts& inputs,
                                            const std::vector<std::int64_t>& indices,
                                            const DropoutSource& dropout) {
    auto [ids, mask] = static_cast<const TokenizedTexts&>(inputs).batch(indices, m_encoder.padId());
    if (!m_device.is_cpu()) {
        ids = ids.to(m_device);
        mask = mask.to(m_device);
    }
    // [CLS] pooling reads the first position only, so the last layer computes that one alone.
    auto hidden = m_bert->forward(ids, mask, dropout, m_pooling == Pooling::Cls);
    if (m_pooling == Pooling::Cls)
        return m_bert->pool(hidden);
    auto weights = mask.to(hidden.scalar_type()).unsqueeze(-1);
    return (hidden * weights).sum(1) / weights.sum(1).clamp_min(1.0);
}

torch::Tensor TransformerClassifier::forward(const EncodedTexts& inputs,
                                             const std::vector<std::int64_t>& indices,
                                             const ForwardContext& context) {
    m_bert->train(context.training);
    at::Generator* generator = context.generator;
    if (context.training && generator && !m_device.is_cpu()) {
        // Masks are drawn on the device from its default generator, seeded from the run's generator
        // each step so a resumed run draws the same ones.
        std::lock_guard<std::mutex> lock(generator->mutex());
        torch::cuda::manual_seed(at::check_generator<at::CPUGeneratorImpl>(*generator)->random64());
        generator = nullptr;
    }
    const DropoutSource dropout{context.training, generator};
    auto features = dropout.apply(pooled(inputs, indices, dropout), m_classifierDropout);
    return m_classifier->forward(features);
}

torch::Tensor TransformerClassifier::embed(const EncodedTexts& inputs,
                                           const std::vector<std::int64_t>& indices) {
    torch::NoGradGuard noGrad;
    return pooled(inputs, indices, DropoutSource{});
}

std::vector<TrainableModel::Parameter> TransformerClassifier::parameters() {
    std::vector<Parameter> out;
    for (auto& [name, tensor] : namedParameters(*m_bert, "bert.")) {
        // Mean pooling never reads the pooler: leaving it out keeps it from being saved or decayed.
        if (m_pooling == Pooling::Mean && name.rfind("bert.pooler.", 0) == 0)
            continue;
        const bool decay =
            name.find("LayerNorm") == std::string::npos && name.compare(name.size() - 4, 4, "bias") != 0;
        out.push_back({name, tensor, false, decay});
    }
    out.push_back({"classifier.weight", m_classifier->weight, false, true});
    out.push_back({"classifier.bias", m_classifier->bias, false, false});
    return out;
}

void TransformerClassifier::to(const torch::Device& device) {
    m_bert->to(device);
    m_classifier->to(device);
    m_device = device;
}

core::Result<std::unique_ptr<TransformerClassifier>>
TransformerClassifier::create(const TrainConfig& config, std::int64_t numClasses,
                              const std::string& assetsDir) {
    const auto& t = config.transformer;
    auto encoder = BertTextEncoder::load(assetsDir);
    if (!encoder)
        return encoder.error();
    BertOptions options;
    if (!t.initFrom.empty()) {
        auto imported = readHfBertConfig(t.initFrom);
        if (!imported)
            return imported.error();
        options = *imported;
    } else {
        options.vocabSize = encoder->vocabSize();
        options.hidden = t.hidden;
        options.layers = t.layers;
        options.heads = t.heads;
        options.intermediate = t.ffn;
        options.maxPositions = std::max<std::int64_t>(t.maxLength, 16);
        options.typeVocabSize = 2;
        options.padTokenId = encoder->padId();
    }
    options.hiddenDropout = config.dropout;
    options.attentionDropout = config.dropout;
    if (encoder->vocabSize() > options.vocabSize)
        return Error{ErrorCode::InvalidArgument,
                     "the tokenizer has " + std::to_string(encoder->vocabSize()) +
                         " ids but the model's vocab_size is " + std::to_string(options.vocabSize),
                     {assetsDir, 0, 0}};
    auto model = std::make_unique<TransformerClassifier>(std::move(*encoder), options, numClasses, t.pooling,
                                                         t.maxLength, config.dropout);
    model->m_bert->initialize(config.seed);
    {
        torch::NoGradGuard noGrad;
        auto generator = at::make_generator<at::CPUGeneratorImpl>(config.seed + 1);
        model->m_classifier->weight.copy_(
            torch::empty(model->m_classifier->weight.sizes()).normal_(0.0, 0.02, generator));
        model->m_classifier->bias.zero_();
    }
    if (!t.initFrom.empty())
        if (auto status = loadHfBertWeights(t.initFrom, model->m_bert, nullptr); !status)
            return status.error();
    return model;
}

core::Result<std::unique_ptr<TransformerClassifier>>
TransformerClassifier::fromArchitecture(const nlohmann::json& architecture, std::int64_t numClasses,
                                        const std::string& assetsDir) {
    const auto invalid = [&](const std::string& message) {
        return Error{ErrorCode::Parse, "transformer model config: " + message, {}};
    };
    if (!architecture.is_object() || !architecture.contains("bert"))
        return invalid("missing object \"bert\"");
    BertOptions options;
    if (auto message = bertOptionsFromHfConfig(architecture["bert"], options); !message.empty())
        return invalid(message);
    auto encoder = BertTextEncoder::load(assetsDir, architecture.value("lower_case", true));
    if (!encoder)
        return encoder.error();
    const auto pooling =
        architecture.value("pooling", std::string("cls")) == "mean" ? Pooling::Mean : Pooling::Cls;
    return std::make_unique<TransformerClassifier>(std::move(*encoder), options, numClasses, pooling,
                                                   architecture.value("max_length", std::int64_t{128}),
                                                   architecture.value("classifier_dropout", 0.1));
}

core::Status prepareTransformerAssets(const TrainConfig& config, const std::string& modelDir,
                                      const std::vector<std::string>& texts, ProgressSink& sink,
                                      const core::CancelToken* cancel) {
    if (config.model != ModelKind::Transformer || fs::exists(fs::path(modelDir) / kVocabFile))
        return {};
    if (!config.transformer.initFrom.empty()) {
        auto encoder = BertTextEncoder::load(config.transformer.initFrom);
        if (!encoder)
            return encoder.error();
        sink.log(std::string("tokenizer: ") + kVocabFile + " of " + config.transformer.initFrom + " (" +
                 std::to_string(encoder->vocabSize()) + " tokens)");
        return encoder->save(modelDir);
    }
    WordPieceTrainOptions options;
    options.vocabSize = config.transformer.vocabSize;
    const auto started = std::chrono::steady_clock::now();
    auto tokenizer = trainWordPieceVocab(texts, options, cancel);
    if (!tokenizer)
        return tokenizer.error();
    sink.log(
        "tokenizer: WordPiece vocabulary learned from " + std::to_string(texts.size()) + " texts, " +
        std::to_string(tokenizer->vocabSize()) + " tokens, " +
        std::to_string(std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count()) +
        " s");
    return BertTextEncoder(std::move(*tokenizer)).save(modelDir);
}

} // namespace bankbench::ml
