#include "ml/trainconfig.h"

#include <fstream>
#include <functional>
#include <sstream>
#include <vector>

namespace bankbench::ml {

using core::Error;
using core::ErrorCode;
using nlohmann::json;

core::HashedFeatureOptions defaultFastFeatures() {
    core::HashedFeatureOptions options;
    options.bucketBits = 15;
    options.charMinN = 3;
    options.charMaxN = 6;
    return options;
}

TrainConfig defaultTrainConfig(ModelKind kind) {
    TrainConfig config;
    config.model = kind;
    if (kind == ModelKind::Transformer) {
        // Chosen on a validation split of Banking77's train.csv (BENCHMARKS.md, "Training: transformer").
        config.epochs = 40;
        config.batchSize = 32;
        config.learningRate = 3e-4;
        config.warmupFraction = 0.06;
        config.weightDecay = 0.01;
        config.dropout = 0.1;
        config.gradientClip = 1.0;
        config.bucketByLength = true;
        config.earlyStoppingPatience = 6;
        config.refit = false; // a second full training from scratch doubles the time for a small gain
        config.checkpointEveryMinutes = 5;
    }
    return config;
}

const char* modelKindName(ModelKind kind) {
    return kind == ModelKind::Fast ? "fast" : "transformer";
}

const char* taskKindName(TaskKind task) {
    return task == TaskKind::Classify ? "classify" : "tokens";
}

const char* devicePreferenceName(DevicePreference device) {
    switch (device) {
    case DevicePreference::Auto:
        return "auto";
    case DevicePreference::Cpu:
        return "cpu";
    case DevicePreference::Cuda:
        return "cuda";
    }
    return "auto";
}

namespace {

/// One JSON key bound to a config field: how to write it and how to read it (returning "" or a complaint).
struct Field {
    const char* key;
    std::function<json(const TrainConfig&)> get;
    std::function<std::string(TrainConfig&, const json&)> set;
};

template <typename T> Field number(const char* key, T TrainConfig::*member) {
    return {key, [member](const TrainConfig& c) { return json(c.*member); },
            [member](TrainConfig& c, const json& v) -> std::string {
                if constexpr (std::is_integral_v<T>) {
                    if (!v.is_number_integer())
                        return "expected an integer";
                    if constexpr (std::is_unsigned_v<T>) {
                        if (!v.is_number_unsigned())
                            return "expected a non-negative integer";
                    }
                } else if (!v.is_number()) {
                    return "expected a number";
                }
                c.*member = v.get<T>();
                return {};
            }};
}

template <typename E>
Field choice(const char* key, E TrainConfig::*member, std::vector<std::pair<const char*, E>> names) {
    return {key,
            [member, names](const TrainConfig& c) {
                for (const auto& [name, value] : names)
                    if (value == c.*member)
                        return json(name);
                return json(nullptr);
            },
            [member, names](TrainConfig& c, const json& v) -> std::string {
                std::string allowed;
                for (const auto& [name, value] : names) {
                    if (v.is_string() && v.get<std::string>() == name) {
                        c.*member = value;
                        return {};
                    }
                    allowed += std::string(allowed.empty() ? "" : ", ") + '"' + name + '"';
                }
                return "expected one of " + allowed;
            }};
}

Field flag(const char* key, bool TrainConfig::*member) {
    return {key, [member](const TrainConfig& c) { return json(c.*member); },
            [member](TrainConfig& c, const json& v) -> std::string {
                if (!v.is_boolean())
                    return "expected true or false";
                c.*member = v.get<bool>();
                return {};
            }};
}

Field transformerInt(const char* key, int TransformerModelConfig::*member) {
    return {key, [member](const TrainConfig& c) { return json(c.transformer.*member); },
            [member](TrainConfig& c, const json& v) -> std::string {
                if (!v.is_number_integer())
                    return "expected an integer";
                c.transformer.*member = v.get<int>();
                return {};
            }};
}

const std::vector<Field>& transformerFields() {
    static const std::vector<Field> fields = {
        transformerInt("layers", &TransformerModelConfig::layers),
        transformerInt("hidden", &TransformerModelConfig::hidden),
        transformerInt("heads", &TransformerModelConfig::heads),
        transformerInt("ffn", &TransformerModelConfig::ffn),
        transformerInt("max_length", &TransformerModelConfig::maxLength),
        transformerInt("vocab_size", &TransformerModelConfig::vocabSize),
        {"pooling",
         [](const TrainConfig& c) { return json(c.transformer.pooling == Pooling::Cls ? "cls" : "mean"); },
         [](TrainConfig& c, const json& v) -> std::string {
             if (v == "cls")
                 c.transformer.pooling = Pooling::Cls;
             else if (v == "mean")
                 c.transformer.pooling = Pooling::Mean;
             else
                 return "expected one of \"cls\", \"mean\"";
             return {};
         }},
        {"init_from", [](const TrainConfig& c) { return json(c.transformer.initFrom); },
         [](TrainConfig& c, const json& v) -> std::string {
             if (!v.is_string())
                 return "expected a folder path (string)";
             c.transformer.initFrom = v.get<std::string>();
             return {};
         }},
    };
    return fields;
}

Field augmentNumber(const char* key, double core::AugmentOptions::*member) {
    return {key, [member](const TrainConfig& c) { return json(c.augment.*member); },
            [member](TrainConfig& c, const json& v) -> std::string {
                if (!v.is_number())
                    return "expected a number";
                c.augment.*member = v.get<double>();
                return {};
            }};
}

Field synonymsField() {
    return {"synonyms", [](const TrainConfig& c) { return json(c.augment.synonyms); },
            [](TrainConfig& c, const json& v) -> std::string {
                const char* shape = "expected a list of synonym groups, each a list of two or more strings";
                if (!v.is_array())
                    return shape;
                std::vector<std::vector<std::string>> groups;
                for (const auto& group : v) {
                    if (!group.is_array() || group.size() < 2)
                        return shape;
                    std::vector<std::string> members;
                    for (const auto& member : group) {
                        if (!member.is_string() || member.get<std::string>().empty())
                            return shape;
                        members.push_back(member.get<std::string>());
                    }
                    groups.push_back(std::move(members));
                }
                c.augment.synonyms = std::move(groups);
                return {};
            }};
}

const std::vector<Field>& topFields() {
    static const std::vector<Field> fields = {
        choice("model", &TrainConfig::model,
               {{"fast", ModelKind::Fast}, {"transformer", ModelKind::Transformer}}),
        choice("task", &TrainConfig::task, {{"classify", TaskKind::Classify}, {"tokens", TaskKind::Tokens}}),
        {"label_set", [](const TrainConfig& c) { return json(c.labelSet); },
         [](TrainConfig& c, const json& v) -> std::string {
             if (!v.is_string())
                 return "expected a label set name (string)";
             c.labelSet = v.get<std::string>();
             return {};
         }},
        number("seed", &TrainConfig::seed),
        number("epochs", &TrainConfig::epochs),
        number("batch_size", &TrainConfig::batchSize),
        number("learning_rate", &TrainConfig::learningRate),
        number("warmup_fraction", &TrainConfig::warmupFraction),
        {"linear_decay", [](const TrainConfig& c) { return json(c.linearDecay); },
         [](TrainConfig& c, const json& v) -> std::string {
             if (!v.is_boolean())
                 return "expected true or false";
             c.linearDecay = v.get<bool>();
             return {};
         }},
        number("beta1", &TrainConfig::beta1),
        number("beta2", &TrainConfig::beta2),
        number("epsilon", &TrainConfig::epsilon),
        number("weight_decay", &TrainConfig::weightDecay),
        number("dropout", &TrainConfig::dropout),
        number("label_smoothing", &TrainConfig::labelSmoothing),
        number("gradient_clip", &TrainConfig::gradientClip),
        flag("bucket_by_length", &TrainConfig::bucketByLength),
        flag("bf16_autocast", &TrainConfig::bf16Autocast),
        choice("class_weights", &TrainConfig::classWeighting,
               {{"none", ClassWeighting::None}, {"balanced", ClassWeighting::Balanced}}),
        augmentNumber("augment_delete", &core::AugmentOptions::deleteProbability),
        augmentNumber("augment_swap", &core::AugmentOptions::swapProbability),
        augmentNumber("augment_synonym", &core::AugmentOptions::synonymProbability),
        synonymsField(),
        number("validation_fraction", &TrainConfig::validationFraction),
        {"refit", [](const TrainConfig& c) { return json(c.refit); },
         [](TrainConfig& c, const json& v) -> std::string {
             if (!v.is_boolean())
                 return "expected true or false";
             c.refit = v.get<bool>();
             return {};
         }},
        number("early_stopping_patience", &TrainConfig::earlyStoppingPatience),
        number("checkpoint_every_steps", &TrainConfig::checkpointEverySteps),
        number("checkpoint_every_minutes", &TrainConfig::checkpointEveryMinutes),
        number("default_threshold", &TrainConfig::defaultThreshold),
        number("threads", &TrainConfig::threads),
        choice("device", &TrainConfig::device,
               {{"auto", DevicePreference::Auto},
                {"cpu", DevicePreference::Cpu},
                {"cuda", DevicePreference::Cuda}}),
    };
    return fields;
}

const std::vector<Field>& fastFields() {
    static const std::vector<Field> fields = {
        {"dim", [](const TrainConfig& c) { return json(c.fast.dim); },
         [](TrainConfig& c, const json& v) -> std::string {
             if (!v.is_number_integer())
                 return "expected an integer";
             c.fast.dim = v.get<int>();
             return {};
         }},
        // Partial objects override the current options key by key (the core parser starts from defaults).
        {"features", [](const TrainConfig& c) { return core::toJson(c.fast.features); },
         [](TrainConfig& c, const json& v) -> std::string {
             if (!v.is_object())
                 return "expected an object";
             json merged = core::toJson(c.fast.features);
             // The core parser ignores unknown keys; a misspelt option must not pass silently here.
             for (const auto& [key, value] : v.items()) {
                 if (!merged.contains(key))
                     return "unknown key \"" + key + "\" in features";
                 if (value.is_object())
                     for (const auto& inner : value.items())
                         if (!merged[key].is_object() || !merged[key].contains(inner.key()))
                             return "unknown key \"" + key + "." + inner.key() + "\" in features";
             }
             merged.update(v, /*merge_objects=*/true);
             auto parsed = core::hashedFeatureOptionsFromJson(merged);
             if (!parsed)
                 return parsed.error().message;
             c.fast.features = *parsed;
             return {};
         }},
    };
    return fields;
}

Error invalid(const std::string& source, const std::string& message) {
    return Error{ErrorCode::InvalidArgument, message, {source, 0, 0}};
}

core::Status applyFields(const std::vector<Field>& fields, const json& object, TrainConfig& config,
                         const std::string& prefix, const std::string& source) {
    for (const auto& [key, value] : object.items()) {
        if (prefix.empty() && (key == "fast" || key == "transformer"))
            continue;
        const Field* field = nullptr;
        for (const auto& candidate : fields)
            if (key == candidate.key)
                field = &candidate;
        if (!field) {
            std::string known;
            for (const auto& candidate : fields)
                known += std::string(known.empty() ? "" : ", ") + candidate.key;
            if (prefix.empty())
                known += ", fast, transformer";
            return invalid(source, "unknown config key \"" + prefix + key + "\" (known keys: " + known + ")");
        }
        if (auto complaint = field->set(config, value); !complaint.empty())
            return invalid(source,
                           "config key \"" + prefix + key + "\": " + complaint + ", got " + value.dump());
    }
    return {};
}

} // namespace

json toJson(const TrainConfig& config) {
    json out = json::object();
    for (const auto& field : topFields())
        out[field.key] = field.get(config);
    json fast = json::object();
    for (const auto& field : fastFields())
        fast[field.key] = field.get(config);
    out["fast"] = fast;
    json transformer = json::object();
    for (const auto& field : transformerFields())
        transformer[field.key] = field.get(config);
    out["transformer"] = transformer;
    return out;
}

core::Result<TrainConfig> trainConfigFromJson(const json& input, const TrainConfig& base,
                                              const std::string& source) {
    if (!input.is_object())
        return invalid(source, "a training config must be a JSON object");
    TrainConfig config = base;
    if (input.contains("model") && input["model"].is_string()) {
        // A config naming another model starts from that model's defaults, not the base model's.
        const auto& name = input["model"].get_ref<const std::string&>();
        const auto kind = name == "transformer" ? ModelKind::Transformer : ModelKind::Fast;
        if ((name == "transformer" || name == "fast") && kind != base.model) {
            config = defaultTrainConfig(kind);
            config.threads = base.threads;
            config.device = base.device;
        }
    }
    if (auto status = applyFields(topFields(), input, config, "", source); !status)
        return status.error();
    if (input.contains("fast")) {
        if (!input["fast"].is_object())
            return invalid(source, "config key \"fast\": expected an object");
        if (auto status = applyFields(fastFields(), input["fast"], config, "fast.", source); !status)
            return status.error();
    }
    if (input.contains("transformer")) {
        if (!input["transformer"].is_object())
            return invalid(source, "config key \"transformer\": expected an object");
        if (auto status =
                applyFields(transformerFields(), input["transformer"], config, "transformer.", source);
            !status)
            return status.error();
    }
    if (auto status = validate(config); !status) {
        auto error = status.error();
        error.where.file = source;
        return error;
    }
    return config;
}

core::Result<TrainConfig> loadTrainConfig(const std::string& path, const TrainConfig& base) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return Error{ErrorCode::NotFound, "cannot open config file", {path, 0, 0}};
    std::stringstream buffer;
    buffer << in.rdbuf();
    const std::string text = buffer.str();
    try {
        return trainConfigFromJson(json::parse(text), base, path);
    } catch (const json::parse_error& e) {
        // e.byte is 1-based; turn it into the line and column a person can jump to.
        std::int64_t line = 1, column = 1;
        for (std::size_t i = 0; i + 1 < e.byte && i < text.size(); ++i) {
            if (text[i] == '\n') {
                ++line;
                column = 1;
            } else {
                ++column;
            }
        }
        std::string message = e.what();
        if (const auto colon = message.find("syntax error"); colon != std::string::npos)
            message = message.substr(colon);
        return Error{ErrorCode::Parse, "invalid JSON: " + message, {path, line, column}};
    }
}

core::Status validate(const TrainConfig& c) {
    auto fail = [](const std::string& message) { return core::Status(invalid("", message)); };
    if (c.epochs < 1 || c.epochs > 10000)
        return fail("epochs must be between 1 and 10000, got " + std::to_string(c.epochs));
    if (c.batchSize < 1 || c.batchSize > 65536)
        return fail("batch_size must be between 1 and 65536, got " + std::to_string(c.batchSize));
    if (!(c.learningRate > 0) || c.learningRate > 10)
        return fail("learning_rate must be in (0, 10]");
    if (!(c.warmupFraction >= 0 && c.warmupFraction < 1))
        return fail("warmup_fraction must be in [0, 1)");
    if (!(c.beta1 >= 0 && c.beta1 < 1) || !(c.beta2 >= 0 && c.beta2 < 1))
        return fail("beta1 and beta2 must be in [0, 1)");
    if (!(c.epsilon > 0))
        return fail("epsilon must be positive");
    if (!(c.weightDecay >= 0))
        return fail("weight_decay must be >= 0");
    if (!(c.dropout >= 0 && c.dropout < 1))
        return fail("dropout must be in [0, 1)");
    if (!(c.labelSmoothing >= 0 && c.labelSmoothing < 1))
        return fail("label_smoothing must be in [0, 1)");
    if (!(c.validationFraction > 0 && c.validationFraction < 1))
        return fail("validation_fraction must be in (0, 1)");
    if (c.earlyStoppingPatience < 0)
        return fail("early_stopping_patience must be >= 0");
    if (c.checkpointEverySteps < 0)
        return fail("checkpoint_every_steps must be >= 0");
    if (!(c.checkpointEveryMinutes >= 0))
        return fail("checkpoint_every_minutes must be >= 0");
    if (!(c.defaultThreshold > 0 && c.defaultThreshold < 1))
        return fail("default_threshold must be in (0, 1)");
    if (c.threads < 0 || c.threads > 1024)
        return fail("threads must be between 0 (all cores) and 1024");
    if (c.fast.dim < 1 || c.fast.dim > 4096)
        return fail("fast.dim must be between 1 and 4096");
    if (auto status = core::HashedFeaturizer::validate(c.fast.features); !status)
        return fail("fast.features: " + status.error().message);
    if (!(c.gradientClip >= 0))
        return fail("gradient_clip must be >= 0 (0 = off)");
    const auto& t = c.transformer;
    if (t.layers < 1 || t.layers > 48)
        return fail("transformer.layers must be between 1 and 48, got " + std::to_string(t.layers));
    if (t.hidden < 8 || t.hidden > 4096)
        return fail("transformer.hidden must be between 8 and 4096, got " + std::to_string(t.hidden));
    if (t.heads < 1 || t.hidden % t.heads != 0)
        return fail("transformer.heads must divide transformer.hidden (" + std::to_string(t.hidden) +
                    "), got " + std::to_string(t.heads));
    if (t.ffn < 1 || t.ffn > 65536)
        return fail("transformer.ffn must be between 1 and 65536, got " + std::to_string(t.ffn));
    if (t.maxLength < 4 || t.maxLength > 4096)
        return fail("transformer.max_length must be between 4 and 4096, got " + std::to_string(t.maxLength));
    if (t.vocabSize < 16 || t.vocabSize > 1000000)
        return fail("transformer.vocab_size must be between 16 and 1000000, got " +
                    std::to_string(t.vocabSize));
    const auto& a = c.augment;
    if (!(a.deleteProbability >= 0 && a.deleteProbability <= 0.5))
        return fail("augment_delete must be between 0 and 0.5 (the share of words dropped)");
    if (!(a.swapProbability >= 0 && a.swapProbability <= 0.5))
        return fail("augment_swap must be between 0 and 0.5 (swaps per word)");
    if (!(a.synonymProbability >= 0 && a.synonymProbability <= 1))
        return fail("augment_synonym must be between 0 and 1");
    if (a.synonymProbability > 0 && a.synonyms.empty())
        return fail(
            "augment_synonym needs a synonym list (\"synonyms\" in the config, or train --synonyms FILE)");
    if (c.task == TaskKind::Tokens) {
        if (a.enabled())
            return fail("text augmentation applies to task \"classify\" only (it would move the slot spans)");
        if (c.model != ModelKind::Transformer)
            return fail(
                "task \"tokens\" (slot spans) needs the transformer model (\"model\": \"transformer\")");
        if (c.refit)
            return fail("refit is not supported for task \"tokens\" (the best validation epoch is kept)");
        if (c.classWeighting != ClassWeighting::None)
            return fail("class_weights applies to task \"classify\" only");
    } else if (!c.labelSet.empty()) {
        return fail("label_set applies to task \"tokens\" only");
    }
    return {};
}

} // namespace bankbench::ml
