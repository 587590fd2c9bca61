#include "ml/tokentagger.h"

#include "ml/hfcheckpoint.h"
#include "ml/spanmodel.h"
#include "ml/tensorio.h"
#include "ml/trainer.h"
#include "store/runstore.h"

#include <ATen/CPUGeneratorImpl.h>
#include <torch/cuda.h>

#include <filesystem>
#include <fstream>
#include <mutex>
#include <sstream>

namespace bankbench::ml {

using core::Error;
using core::ErrorCode;
namespace fs = std::filesystem;

namespace {

/// "O", "B-x", "I-x", ... in TagSet order back to the span types; Parse error otherwise.
core::Result<TagSet> tagSetFromNames(const std::vector<std::string>& names, const std::string& source) {
    std::vector<std::string> types;
    bool ok = names.size() >= 3 && names.size() % 2 == 1 && names[0] == "O";
    for (std::size_t i = 1; ok && i + 1 < names.size(); i += 2) {
        ok = names[i].rfind("B-", 0) == 0 && names[i + 1].rfind("I-", 0) == 0 &&
             names[i].substr(2) == names[i + 1].substr(2);
        if (ok)
            types.push_back(names[i].substr(2));
    }
    if (!ok)
        return Error{
            ErrorCode::Parse,
            "expected BIO tags in the order \"O\", \"B-type\", \"I-type\", ... (one B/I pair per span type)",
            {source, 0, 0}};
    auto tags = TagSet::fromTypes(std::move(types));
    if (!tags)
        return Error{ErrorCode::Parse, tags.error().message, {source, 0, 0}};
    return tags;
}

} // namespace

TokenTagger::TokenTagger(std::unique_ptr<TransformerClassifier> model, TagSet tags)
    : m_model(std::move(model)), m_tags(std::move(tags)),
      m_classifierDropout(m_model->architecture().value("classifier_dropout", 0.1)) {}

core::Result<std::unique_ptr<TokenTagger>> TokenTagger::create(const TrainConfig& config, TagSet tags,
                                                               const std::string& assetsDir) {
    TrainConfig encoderConfig = config;
    encoderConfig.transformer.pooling = Pooling::Mean; // no pooler, as BertForTokenClassification
    auto model = TransformerClassifier::create(encoderConfig, tags.size(), assetsDir);
    if (!model)
        return model.error();
    return std::unique_ptr<TokenTagger>(new TokenTagger(std::move(*model), std::move(tags)));
}

core::Result<std::unique_ptr<TokenTagger>> TokenTagger::load(const std::string& modelDir) {
    const auto configPath = (fs::path(modelDir) / kModelConfigFile).string();
    std::ifstream in(configPath, std::ios::binary);
    if (!in)
        return Error{ErrorCode::NotFound,
                     "no trained model here (the run has not finished an epoch, or its files were moved)",
                     {configPath, 0, 0}};
    std::stringstream text;
    text << in.rdbuf();
    const auto config = nlohmann::json::parse(text.str(), nullptr, false);
    if (config.is_discarded() || !config.is_object() || config.value("format", "") != kModelFormat)
        return Error{ErrorCode::Parse,
                     std::string("not a Bankbench model config (expected \"format\": \"") + kModelFormat +
                         "\")",
                     {configPath, 0, 0}};
    if (config.value("task", "classify") != "tokens")
        return Error{ErrorCode::InvalidArgument,
                     "this is a text-classification model, not a token (slot span) model",
                     {configPath, 0, 0}};
    if (!config.contains("tags") || !config["tags"].is_array())
        return Error{ErrorCode::Parse, "missing array \"tags\"", {configPath, 0, 0}};
    auto tags = tagSetFromNames(config["tags"].get<std::vector<std::string>>(), configPath);
    if (!tags)
        return tags.error();
    auto model = TransformerClassifier::fromArchitecture(config.value("architecture", nlohmann::json()),
                                                         tags->size(), modelDir);
    if (!model) {
        auto error = model.error();
        error.where.file = configPath;
        return error;
    }
    std::unique_ptr<TokenTagger> tagger(new TokenTagger(std::move(*model), std::move(*tags)));
    const auto weightsPath = (fs::path(modelDir) / kModelWeightsFile).string();
    auto weights = loadTensors(weightsPath);
    if (!weights)
        return weights.error();
    NamedTensors targets;
    for (auto& p : tagger->parameters())
        targets.emplace_back(p.name, p.tensor);
    if (auto status = copyInto(*weights, targets, weightsPath); !status)
        return status.error();
    return tagger;
}

core::Result<std::unique_ptr<TokenTagger>> TokenTagger::loadHf(const std::string& dir,
                                                               std::int64_t maxLength) {
    auto classifier = loadHfClassifier(dir, maxLength);
    if (!classifier)
        return classifier.error();
    auto tags = tagSetFromNames(classifier->labels, (fs::path(dir) / "config.json").string());
    if (!tags)
        return tags.error();
    return std::unique_ptr<TokenTagger>(new TokenTagger(std::move(classifier->model), std::move(*tags)));
}

TokenAlignment TokenTagger::align(std::string_view text) const {
    return alignTokens(m_model->textEncoder().tokenizer(), text, m_model->maxLength());
}

torch::Tensor TokenTagger::forward(const std::vector<const TokenAlignment*>& batch,
                                   const ForwardContext& context) {
    std::int64_t longest = 1;
    for (const auto* a : batch)
        longest = std::max(longest, static_cast<std::int64_t>(a->ids.size()));
    const auto rows = static_cast<std::int64_t>(batch.size());
    auto ids = torch::full({rows, longest}, m_model->textEncoder().padId(), torch::kInt64);
    auto mask = torch::zeros({rows, longest}, torch::kInt64);
    auto* idData = ids.data_ptr<std::int64_t>();
    auto* maskData = mask.data_ptr<std::int64_t>();
    for (std::int64_t r = 0; r < rows; ++r) {
        const auto& row = batch[static_cast<std::size_t>(r)]->ids;
        std::copy(row.begin(), row.end(), idData + r * longest);
        std::fill(maskData + r * longest, maskData + r * longest + static_cast<std::int64_t>(row.size()), 1);
    }
    const auto device = m_model->device();
    if (!device.is_cpu()) {
        ids = ids.to(device);
        mask = mask.to(device);
    }
    auto& bert = m_model->bert();
    bert->train(context.training);
    at::Generator* generator = context.generator;
    if (context.training && generator && !device.is_cpu()) {
        // As TransformerClassifier: device masks from the device generator, seeded from the run's generator.
        std::lock_guard<std::mutex> lock(generator->mutex());
        torch::cuda::manual_seed(at::check_generator<at::CPUGeneratorImpl>(*generator)->random64());
        generator = nullptr;
    }
    const DropoutSource dropout{context.training, generator};
    auto hidden = bert->forward(ids, mask, dropout);
    return m_model->classifier()->forward(dropout.apply(hidden, m_classifierDropout));
}

void TokenTagger::predictWords(const std::vector<const TokenAlignment*>& batch,
                               std::vector<std::vector<std::int64_t>>& tags,
                               std::vector<std::vector<float>>& probabilities) {
    torch::NoGradGuard noGrad;
    auto logits = forward(batch, ForwardContext{false, nullptr});
    auto [best, index] = torch::softmax(logits.to(torch::kFloat32), -1).max(-1);
    best = best.to(torch::kCPU).contiguous();
    index = index.to(torch::kCPU).contiguous();
    const auto width = best.size(1);
    const auto* p = best.data_ptr<float>();
    const auto* t = index.data_ptr<std::int64_t>();
    tags.clear();
    probabilities.clear();
    for (std::size_t r = 0; r < batch.size(); ++r) {
        const auto& a = *batch[r];
        std::vector<std::int64_t> rowTags(a.wordBegin.size(), 0);
        std::vector<float> rowProbabilities(a.wordBegin.size(), 0.0F);
        for (std::size_t k = 0; k < a.ids.size(); ++k) {
            if (!a.firstPiece[k])
                continue;
            const auto word = static_cast<std::size_t>(a.word[k]);
            const auto cell = static_cast<std::int64_t>(r) * width + static_cast<std::int64_t>(k);
            rowTags[word] = t[cell];
            rowProbabilities[word] = p[cell];
        }
        tags.push_back(std::move(rowTags));
        probabilities.push_back(std::move(rowProbabilities));
    }
}

std::vector<std::vector<PredictedSpan>> TokenTagger::predictSpans(const std::vector<std::string>& texts,
                                                                  int batchSize,
                                                                  const core::CancelToken* cancel,
                                                                  bool& cancelled) {
    cancelled = false;
    std::vector<std::vector<PredictedSpan>> out;
    out.reserve(texts.size());
    const auto step = static_cast<std::size_t>(std::max(batchSize, 1));
    for (std::size_t begin = 0; begin < texts.size(); begin += step) {
        if (cancel && cancel->isCancelled()) {
            cancelled = true;
            return {};
        }
        const auto end = std::min(texts.size(), begin + step);
        std::vector<TokenAlignment> aligned;
        for (auto i = begin; i < end; ++i)
            aligned.push_back(align(texts[i]));
        std::vector<const TokenAlignment*> batch;
        for (const auto& a : aligned)
            batch.push_back(&a);
        std::vector<std::vector<std::int64_t>> tags;
        std::vector<std::vector<float>> probabilities;
        predictWords(batch, tags, probabilities);
        for (auto i = begin; i < end; ++i)
            out.push_back(
                tagsToSpans(texts[i], aligned[i - begin], tags[i - begin], probabilities[i - begin], m_tags));
    }
    return out;
}

std::vector<TrainableModel::Parameter> TokenTagger::parameters() {
    std::vector<TrainableModel::Parameter> out;
    for (auto& p : m_model->parameters())
        if (p.name.rfind("bert.pooler.", 0) != 0)
            out.push_back(std::move(p));
    return out;
}

nlohmann::json tokenModelConfig(const TokenTagger& model, const TrainConfig& config, int bestEpoch) {
    return {{"format", kModelFormat},
            {"format_version", 1},
            {"model", modelKindName(ModelKind::Transformer)},
            {"task", taskKindName(TaskKind::Tokens)},
            {"architecture", model.architecture()},
            {"labels", model.tags().types()},
            {"tags", model.tags().tagNames()},
            {"multi_label", false},
            {"best_epoch", bestEpoch},
            {"train_config", toJson(config)}};
}

// ---- SpanModel (spanmodel.h)
// -------------------------------------------------------------------------------

namespace {

class LoadedSpanModel final : public SpanModel {
public:
    LoadedSpanModel(std::unique_ptr<TokenTagger> tagger, std::string runName)
        : m_tagger(std::move(tagger)), m_runName(std::move(runName)) {}
    const std::string& runName() const override { return m_runName; }
    const std::vector<std::string>& types() const override { return m_tagger->tags().types(); }
    std::string device() const override { return m_tagger->device().str(); }
    core::Result<std::vector<std::vector<PredictedSpan>>>
    predictSpans(const std::vector<std::string>& texts, const core::CancelToken* cancel) override {
        try {
            bool cancelled = false;
            auto spans = m_tagger->predictSpans(texts, 64, cancel, cancelled);
            if (cancelled)
                return Error{ErrorCode::Cancelled, "prediction cancelled", {}};
            return spans;
        } catch (const c10::Error& e) {
            return Error{ErrorCode::Io,
                         std::string("prediction failed in LibTorch: ") + e.what_without_backtrace(),
                         {}};
        } catch (const std::exception& e) {
            return Error{ErrorCode::Io, std::string("prediction failed: ") + e.what(), {}};
        }
    }

private:
    std::unique_ptr<TokenTagger> m_tagger;
    std::string m_runName;
};

} // namespace

core::Result<std::unique_ptr<SpanModel>>
loadSpanModelDir(const std::string& modelDir, const std::string& runName, DevicePreference devicePreference) {
    try {
        auto tagger = TokenTagger::load(modelDir);
        if (!tagger)
            return tagger.error();
        auto device = chooseDevice(devicePreference);
        if (!device)
            return device.error();
        (*tagger)->to(*device);
        return std::unique_ptr<SpanModel>(new LoadedSpanModel(std::move(*tagger), runName));
    } catch (const c10::Error& e) {
        return Error{ErrorCode::Io,
                     std::string("cannot load the model: ") + e.what_without_backtrace(),
                     {modelDir, 0, 0}};
    } catch (const std::exception& e) {
        return Error{ErrorCode::Io, std::string("cannot load the model: ") + e.what(), {modelDir, 0, 0}};
    }
}

core::Result<std::unique_ptr<SpanModel>>
loadSpanRunModel(const std::string& projectPath, const std::string& runName, DevicePreference device) {
    std::string modelDir;
    {
        auto project = core::Project::open(projectPath, /*readOnly=*/true);
        if (!project)
            return project.error();
        core::RunStore store(**project);
        auto run = store.run(runName);
        if (!run)
            return run.error();
        if (!isTokenTaskConfig(run->config))
            return Error{ErrorCode::InvalidArgument,
                         "run \"" + runName + "\" is a text-classification run, not a token (slot span) run",
                         {projectPath, 0, 0}};
        modelDir = store.modelDirPath(*run);
    }
    return loadSpanModelDir(modelDir, runName, device);
}

} // namespace bankbench::ml
