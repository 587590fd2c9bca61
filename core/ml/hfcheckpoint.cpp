#include "ml/hfcheckpoint.h"

#include "ml/hfcheckpointexport.h"
#include "ml/tensorio.h"
#include "ml/trainer.h"
#include "ml/transformermodel.h"
#include "store/runstore.h"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace bankbench::ml {

using core::Error;
using core::ErrorCode;
namespace fs = std::filesystem;

namespace {

core::Result<nlohmann::json> readJsonFile(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return Error{ErrorCode::NotFound, "cannot open file", {path.string(), 0, 0}};
    std::stringstream buffer;
    buffer << in.rdbuf();
    const std::string text = buffer.str();
    try {
        return nlohmann::json::parse(text);
    } catch (const nlohmann::json::parse_error& e) {
        std::int64_t line = 1, column = 1;
        for (std::size_t i = 0; i + 1 < e.byte && i < text.size(); ++i) {
            if (text[i] == '\n') {
                ++line;
                column = 1;
            } else {
                ++column;
            }
        }
        return Error{
            ErrorCode::Parse, std::string("invalid JSON: ") + e.what(), {path.string(), line, column}};
    }
}

/// The checkpoint's tensor for one of our parameter names, trying the spellings checkpoints use.
const torch::Tensor* findTensor(const std::map<std::string, torch::Tensor>& tensors,
                                const std::string& name) {
    std::vector<std::string> candidates = {"bert." + name, name};
    for (const auto& [from, to] : {std::pair<std::string, std::string>{"LayerNorm.weight", "LayerNorm.gamma"},
                                   std::pair<std::string, std::string>{"LayerNorm.bias", "LayerNorm.beta"}}) {
        if (name.size() > from.size() && name.compare(name.size() - from.size(), from.size(), from) == 0) {
            const auto old = name.substr(0, name.size() - from.size()) + to;
            candidates.push_back("bert." + old);
            candidates.push_back(old);
        }
    }
    for (const auto& candidate : candidates) {
        const auto found = tensors.find(candidate);
        if (found != tensors.end())
            return &found->second;
    }
    return nullptr;
}

} // namespace

core::Result<BertOptions> readHfBertConfig(const std::string& dir) {
    const auto path = fs::path(dir) / "config.json";
    auto json = readJsonFile(path);
    if (!json)
        return json.error();
    BertOptions options;
    if (auto message = bertOptionsFromHfConfig(*json, options); !message.empty())
        return Error{ErrorCode::InvalidArgument, "BERT config: " + message, {path.string(), 0, 0}};
    return options;
}

core::Result<int> loadHfBertWeights(const std::string& dir, BertModel& bert, torch::nn::Linear* classifier) {
    const auto path = (fs::path(dir) / "model.safetensors").string();
    auto tensors = loadTensors(path);
    if (!tensors)
        return tensors.error();
    torch::NoGradGuard noGrad;
    int loaded = 0;
    const auto copy = [&](const std::string& name, const torch::Tensor* source,
                          torch::Tensor target) -> core::Status {
        if (source->sizes() != target.sizes()) {
            std::ostringstream message;
            message << "tensor \"" << name << "\" has shape " << source->sizes() << ", the model expects "
                    << target.sizes();
            return Error{ErrorCode::Parse, message.str(), {path, 0, 0}};
        }
        target.copy_(*source);
        ++loaded;
        return {};
    };
    for (auto& [name, target] : namedParameters(*bert, "")) {
        const auto* source = findTensor(*tensors, name);
        if (!source) {
            if (name.rfind("pooler.", 0) == 0)
                continue; // checkpoints saved from BertForMaskedLM have no pooler: keep it as initialised
            return Error{
                ErrorCode::Parse, "no tensor for \"" + name + "\" (nor \"bert." + name + "\")", {path, 0, 0}};
        }
        if (auto status = copy(name, source, target); !status)
            return status.error();
    }
    if (classifier) {
        for (auto [name, target] : {std::pair{"classifier.weight", (*classifier)->weight},
                                    std::pair{"classifier.bias", (*classifier)->bias}}) {
            const auto found = tensors->find(name);
            if (found == tensors->end())
                return Error{ErrorCode::Parse, std::string("no tensor \"") + name + "\"", {path, 0, 0}};
            if (auto status = copy(name, &found->second, target); !status)
                return status.error();
        }
    }
    return loaded;
}

core::Result<std::vector<std::string>> exportHfModel(const std::string& modelDir, const std::string& outDir) {
    const auto configPath = fs::path(modelDir) / kModelConfigFile;
    auto config = readJsonFile(configPath);
    if (!config)
        return config.error();
    if (config->value("format", "") != kModelFormat)
        return Error{ErrorCode::Parse, "not a Bankbench model folder", {configPath.string(), 0, 0}};
    if (config->value("model", "") != "transformer")
        return Error{
            ErrorCode::InvalidArgument,
            "only transformer runs can be exported in the Hugging Face layout (this run's model is \"" +
                config->value("model", std::string()) + "\")",
            {configPath.string(), 0, 0}};
    const auto& architecture = (*config)["architecture"];
    // Token (slot span) models are BertForTokenClassification: per-token classifier, no pooler.
    const bool tokens = config->value("task", "classify") == "tokens";
    if (!tokens && architecture.value("pooling", "cls") != "cls")
        return Error{
            ErrorCode::InvalidArgument,
            "a mean-pooled transformer cannot be exported as BertForSequenceClassification (which "
            "classifies the [CLS] pooler output); train with \"transformer\": {\"pooling\": \"cls\"}",
            {configPath.string(), 0, 0}};
    std::error_code ec;
    fs::create_directories(outDir, ec);
    if (ec)
        return Error{ErrorCode::Io, "cannot create folder: " + ec.message(), {outDir, 0, 0}};

    std::vector<std::string> written;
    const auto labels = config->at(tokens ? "tags" : "labels").get<std::vector<std::string>>();
    nlohmann::json hf = architecture.at("bert");
    hf["architectures"] = {tokens ? "BertForTokenClassification" : "BertForSequenceClassification"};
    nlohmann::json id2label = nlohmann::json::object(), label2id = nlohmann::json::object();
    for (std::size_t i = 0; i < labels.size(); ++i) {
        id2label[std::to_string(i)] = labels[i];
        label2id[labels[i]] = i;
    }
    hf["id2label"] = id2label;
    hf["label2id"] = label2id;
    hf["num_labels"] = labels.size();
    const bool multiLabel = config->value("multi_label", false);
    if (!tokens)
        hf["problem_type"] = multiLabel ? "multi_label_classification" : "single_label_classification";
    hf["torch_dtype"] = "float32";
    hf["bankbench"] = {{"max_length", architecture.value("max_length", 128)},
                       {"thresholds", config->value("thresholds", nlohmann::json::array())}};

    // Tensors are copied byte for byte: the model folder already uses Hugging Face's names.
    const auto weightsPath = (fs::path(modelDir) / kModelWeightsFile).string();
    auto reader = SafetensorsReader::open(weightsPath);
    if (!reader)
        return reader.error();
    SafetensorsWriter writer;
    for (const auto& name : (*reader)->names()) {
        auto view = (*reader)->tensor(name).value();
        if (auto status = writer.add(name, view.dtype, view.shape, view.data, view.byteSize); !status)
            return status.error();
    }
    writer.setMetadata("format", "pt");
    const auto outWeights = (fs::path(outDir) / "model.safetensors").string();
    if (auto status = writer.write(outWeights); !status)
        return status.error();
    written.push_back(outWeights);
    const auto outConfig = (fs::path(outDir) / "config.json").string();
    if (auto status = writeFileAtomically(outConfig, hf.dump(2)); !status)
        return status.error();
    written.push_back(outConfig);

    auto encoder = BertTextEncoder::load(modelDir, architecture.value("lower_case", true));
    if (!encoder)
        return encoder.error();
    if (auto status = encoder->save(outDir); !status)
        return status.error();
    written.push_back((fs::path(outDir) / kVocabFile).string());
    written.push_back((fs::path(outDir) / "tokenizer_config.json").string());
    return written;
}

core::Result<HfClassifier> loadHfClassifier(const std::string& dir, std::int64_t maxLength) {
    auto options = readHfBertConfig(dir);
    if (!options)
        return options.error();
    auto config = readJsonFile(fs::path(dir) / "config.json");
    HfClassifier out;
    if (config->contains("id2label") && (*config)["id2label"].is_object()) {
        const auto& map = (*config)["id2label"];
        for (std::size_t i = 0; i < map.size(); ++i) {
            const auto key = std::to_string(i);
            if (!map.contains(key) || !map[key].is_string())
                return Error{ErrorCode::InvalidArgument,
                             "id2label has no label for id " + key,
                             {(fs::path(dir) / "config.json").string(), 0, 0}};
            out.labels.push_back(map[key].get<std::string>());
        }
    }
    if (out.labels.empty())
        return Error{ErrorCode::InvalidArgument,
                     "config.json has no id2label (not a classifier)",
                     {(fs::path(dir) / "config.json").string(), 0, 0}};
    if (config->contains("bankbench") && (*config)["bankbench"].is_object())
        maxLength = (*config)["bankbench"].value("max_length", maxLength);
    auto encoder = BertTextEncoder::load(dir);
    if (!encoder)
        return encoder.error();
    out.model = std::make_unique<TransformerClassifier>(std::move(*encoder), *options,
                                                        static_cast<std::int64_t>(out.labels.size()),
                                                        Pooling::Cls, maxLength, options->hiddenDropout);
    auto loaded = loadHfBertWeights(dir, out.model->bert(), &out.model->classifier());
    if (!loaded)
        return loaded.error();
    return out;
}

core::Result<std::vector<std::string>> exportRunModel(const std::string& projectPath,
                                                      const std::string& runName, const std::string& outDir) {
    std::string modelDir;
    {
        auto project = core::Project::open(projectPath, /*readOnly=*/true);
        if (!project)
            return project.error();
        core::RunStore store(**project);
        auto run = store.run(runName);
        if (!run)
            return run.error();
        modelDir = store.modelDirPath(*run);
    }
    if (!fs::exists(fs::path(modelDir) / kModelWeightsFile))
        return Error{
            ErrorCode::NotFound, "run \"" + runName + "\" has no trained model yet", {modelDir, 0, 0}};
    return exportHfModel(modelDir, outDir);
}

} // namespace bankbench::ml
