#include "ml/textclassifier.h"

#include "ml/tensorio.h"
#include "ml/trainablemodel.h"
#include "ml/trainer.h"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace bankbench::ml {

using core::Error;
using core::ErrorCode;

struct TextClassifier::Impl {
    nlohmann::json config;
    std::vector<std::string> labels;
    bool multiLabel = false;
    std::vector<float> thresholds;
    std::unique_ptr<TrainableModel> model;
};

TextClassifier::TextClassifier(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
TextClassifier::~TextClassifier() = default;

core::Result<std::unique_ptr<TextClassifier>> TextClassifier::load(const std::string& modelDir,
                                                                   DevicePreference devicePreference) {
    const auto configPath = (std::filesystem::path(modelDir) / kModelConfigFile).string();
    try {
        std::ifstream in(configPath, std::ios::binary);
        if (!in)
            return Error{ErrorCode::NotFound,
                         "no trained model here (the run has not finished an epoch, or its files were moved)",
                         {configPath, 0, 0}};
        std::stringstream text;
        text << in.rdbuf();
        auto impl = std::make_unique<Impl>();
        impl->config = nlohmann::json::parse(text.str(), nullptr, false);
        const auto& config = impl->config;
        if (config.is_discarded() || !config.is_object() || config.value("format", "") != kModelFormat)
            return Error{ErrorCode::Parse,
                         std::string("not a Bankbench model config (expected \"format\": \"") + kModelFormat +
                             "\")",
                         {configPath, 0, 0}};
        if (config.value("task", "classify") == "tokens")
            return Error{ErrorCode::InvalidArgument,
                         "this is a token-classification (slot span) model: it finds spans, not labels "
                         "(load it with loadSpanModel; `bankbench-cli predict` prints its spans)",
                         {configPath, 0, 0}};
        impl->labels = config.at("labels").get<std::vector<std::string>>();
        impl->multiLabel = config.value("multi_label", false);
        if (impl->multiLabel)
            impl->thresholds = config.value("thresholds", std::vector<float>{});
        const auto kind = config.value("model", "");
        if (kind != "fast" && kind != "transformer")
            return Error{ErrorCode::Parse,
                         "model \"" + kind + "\" is not supported by this version",
                         {configPath, 0, 0}};
        auto model =
            createModel(kind == "fast" ? ModelKind::Fast : ModelKind::Transformer, config.at("architecture"),
                        static_cast<std::int64_t>(impl->labels.size()), modelDir);
        if (!model) {
            auto error = model.error();
            error.where.file = configPath;
            return error;
        }
        impl->model = std::move(*model);
        const auto weightsPath = (std::filesystem::path(modelDir) / kModelWeightsFile).string();
        auto weights = loadTensors(weightsPath);
        if (!weights)
            return weights.error();
        NamedTensors targets;
        for (auto& p : impl->model->parameters())
            targets.emplace_back(p.name, p.tensor);
        if (auto status = copyInto(*weights, targets, weightsPath); !status)
            return status.error();
        auto device = chooseDevice(devicePreference);
        if (!device)
            return device.error();
        impl->model->to(*device);
        return std::unique_ptr<TextClassifier>(new TextClassifier(std::move(impl)));
    } catch (const c10::Error& e) {
        return Error{ErrorCode::Io,
                     std::string("cannot load the model: ") + e.what_without_backtrace(),
                     {configPath, 0, 0}};
    } catch (const std::exception& e) {
        return Error{ErrorCode::Parse, std::string("invalid model config: ") + e.what(), {configPath, 0, 0}};
    }
}

const std::vector<std::string>& TextClassifier::labels() const {
    return m_impl->labels;
}
bool TextClassifier::multiLabel() const {
    return m_impl->multiLabel;
}
const std::vector<float>& TextClassifier::thresholds() const {
    return m_impl->thresholds;
}
const nlohmann::json& TextClassifier::config() const {
    return m_impl->config;
}
std::string TextClassifier::device() const {
    return m_impl->model->device().str();
}

core::Result<std::vector<float>> TextClassifier::predictProbabilities(const std::vector<std::string>& texts,
                                                                      const core::CancelToken* cancel) {
    try {
        auto inputs = m_impl->model->encode(texts);
        auto logits = predictLogits(*m_impl->model, *inputs, {}, 512, cancel);
        if (!logits.defined())
            return Error{ErrorCode::Cancelled, "prediction cancelled", {}};
        auto probabilities =
            (m_impl->multiLabel ? torch::sigmoid(logits) : torch::softmax(logits, 1)).contiguous();
        const float* data = probabilities.data_ptr<float>();
        return std::vector<float>(data, data + probabilities.numel());
    } catch (const c10::Error& e) {
        return Error{
            ErrorCode::Io, std::string("prediction failed in LibTorch: ") + e.what_without_backtrace(), {}};
    } catch (const std::exception& e) {
        return Error{ErrorCode::Io, std::string("prediction failed: ") + e.what(), {}};
    }
}

std::int64_t TextClassifier::embeddingDim() const {
    return m_impl->model->embeddingDim();
}

core::Result<std::vector<float>> TextClassifier::embed(const std::vector<std::string>& texts,
                                                       const core::CancelToken* cancel) {
    try {
        if (texts.empty())
            return std::vector<float>{};
        auto inputs = m_impl->model->encode(texts);
        auto embedded =
            inLengthSortedBatches(*inputs, {}, 512, cancel, [&](const std::vector<std::int64_t>& batch) {
                return m_impl->model->embed(*inputs, batch);
            });
        if (!embedded.defined())
            return Error{ErrorCode::Cancelled, "embedding cancelled", {}};
        auto rows = torch::nn::functional::normalize(
                        embedded, torch::nn::functional::NormalizeFuncOptions().p(2).dim(1))
                        .contiguous();
        const float* data = rows.data_ptr<float>();
        return std::vector<float>(data, data + rows.numel());
    } catch (const c10::Error& e) {
        return Error{
            ErrorCode::Io, std::string("embedding failed in LibTorch: ") + e.what_without_backtrace(), {}};
    } catch (const std::exception& e) {
        return Error{ErrorCode::Io, std::string("embedding failed: ") + e.what(), {}};
    }
}

} // namespace bankbench::ml
