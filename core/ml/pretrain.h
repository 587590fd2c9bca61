#pragma once

// Torch-free: masked-language-model pretraining of the BERT encoder on a project's own (unlabelled) text,
// run by `bankbench-cli pretrain` and `train --pretrain` (through MlModule).

#include "ml/trainconfig.h"
#include "ml/trainprogress.h"
#include "store/project.h"
#include "util/canceltoken.h"
#include "util/result.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace bankbench::ml {

/// Domain-adaptive MLM pretraining settings. The encoder's size, vocabulary and maximum length come from
/// `model` (with model.initFrom: continue pretraining that BERT folder, with its own tokenizer).
struct PretrainConfig {
    TransformerModelConfig model;
    std::uint64_t seed = 42;
    int epochs = 10;
    int batchSize = 64;
    double learningRate = 5e-4;
    double warmupFraction = 0.06;
    double weightDecay = 0.01;
    double gradientClip = 1.0;
    double dropout = 0.1;
    double maskProbability = 0.15; ///< share of real tokens chosen; 80% become [MASK], 10% random, 10% kept
    int threads = 0;               ///< 0 = every usable core
    DevicePreference device = DevicePreference::Auto;
};

/// The pretraining settings that match a classifier's TrainConfig (same encoder, seed, threads, device,
/// dropout); the rest keeps `base`. Inline: the CLI uses it without LibTorch.
inline PretrainConfig pretrainConfigFor(const TrainConfig& config, PretrainConfig base = {}) {
    base.model = config.transformer;
    base.seed = config.seed;
    base.threads = config.threads;
    base.device = config.device;
    base.dropout = config.dropout;
    return base;
}
nlohmann::json toJson(const PretrainConfig& config);

struct PretrainResult {
    bool cancelled = false;
    std::string outputDir;
    std::int64_t texts = 0;
    std::int64_t steps = 0;
    std::vector<double> epochLosses; ///< mean masked-token cross-entropy per epoch
    double seconds = 0;
    double examplesPerSecond = 0;
    int threads = 1;
    std::string device;
};
inline nlohmann::json toJson(const PretrainResult& r) {
    return {{"status", r.cancelled ? "cancelled" : "finished"},
            {"output_dir", r.outputDir},
            {"texts", r.texts},
            {"steps", r.steps},
            {"epoch_losses", r.epochLosses},
            {"seconds", r.seconds},
            {"examples_per_second", r.examplesPerSecond},
            {"threads", r.threads},
            {"device", r.device}};
}

/// Pretrains on `texts` on the calling thread and writes `outputDir` as a Hugging Face BertForMaskedLM
/// folder (config.json, model.safetensors with "bert.*" and "cls.predictions.*", the tokenizer), which
/// `train --init-from` and readHfBertConfig()/loadHfBertWeights() read. Learns a WordPiece vocabulary
/// on the texts first unless config.model.initFrom names a folder with one. Checks `cancel` before every
/// batch; a cancelled run writes nothing and reports cancelled. Never throws.
core::Result<PretrainResult> pretrainMlm(const std::vector<std::string>& texts, const PretrainConfig& config,
                                         const std::string& outputDir, ProgressSink& sink,
                                         const core::CancelToken& cancel);

/// Every record's text of the named datasets (all datasets when empty), in import order.
core::Result<std::vector<std::string>> datasetTexts(core::Project& project,
                                                    const std::vector<std::string>& datasets,
                                                    const core::CancelToken* cancel = nullptr);

struct PretrainJobRequest {
    std::string projectPath;
    std::vector<std::string> datasets; ///< empty: every dataset of the project
    std::string outputDir;
    PretrainConfig config;
};

/// datasetTexts() then pretrainMlm(). Never throws.
core::Result<PretrainResult> runPretrainJob(const PretrainJobRequest& request, ProgressSink& sink,
                                            const core::CancelToken& cancel);

} // namespace bankbench::ml
