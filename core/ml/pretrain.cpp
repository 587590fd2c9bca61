#include "ml/pretrain.h"

#include "ml/hfcheckpoint.h"
#include "ml/lazyadam.h"
#include "ml/runtime.h"
#include "ml/tensorio.h"
#include "ml/trainablemodel.h"
#include "ml/trainingdata.h"
#include "ml/transformermodel.h"

#include <ATen/CPUGeneratorImpl.h>

#include <chrono>
#include <filesystem>
#include <numeric>

namespace bankbench::ml {

using core::Error;
using core::ErrorCode;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

/// Hugging Face's BertOnlyMLMHead ("cls.predictions.*"): dense + GELU + LayerNorm, then the word
/// embedding matrix (tied, not a parameter of its own) plus a per-token bias.
class MlmHeadImpl : public torch::nn::Module {
public:
    MlmHeadImpl(const BertOptions& o) {
        auto transform = register_module("transform", std::make_shared<torch::nn::Module>());
        dense = transform->register_module("dense", torch::nn::Linear(o.hidden, o.hidden));
        norm = transform->register_module(
            "LayerNorm", torch::nn::LayerNorm(torch::nn::LayerNormOptions({o.hidden}).eps(o.layerNormEps)));
        bias = register_parameter("bias", torch::zeros({o.vocabSize}));
    }
    torch::Tensor forward(const torch::Tensor& hidden, const torch::Tensor& wordEmbeddings) {
        auto x = norm->forward(torch::gelu(dense->forward(hidden)));
        return torch::linear(x, wordEmbeddings, bias);
    }
    torch::nn::Linear dense{nullptr};
    torch::nn::LayerNorm norm{nullptr};
    torch::Tensor bias;
};
TORCH_MODULE(MlmHead);

struct MaskedBatch {
    torch::Tensor ids, mask, positions,
        targets; ///< positions: flat indices into [B * L] of the chosen tokens
};

/// BERT's masking: 15% of the real tokens ([CLS]/[SEP]/padding never), of which 80% become [MASK], 10% a
/// random id and 10% stay; at least one token per batch. Draws from the run's SplitMix64.
MaskedBatch maskBatch(const TokenizedTexts& texts, const std::vector<std::int64_t>& batch,
                      const BertTextEncoder& encoder, double probability, SplitMix64& random) {
    auto [ids, mask] = texts.batch(batch, encoder.padId());
    const auto rows = ids.size(0), length = ids.size(1);
    auto* idData = ids.data_ptr<std::int64_t>();
    std::vector<std::int64_t> positions, targets;
    const auto uniform = [&] { return static_cast<double>(random.next() >> 11) * 0x1.0p-53; };
    std::int64_t fallback = -1;
    for (std::int64_t r = 0; r < rows; ++r) {
        const auto count = texts.length(batch[r]);
        for (std::int64_t t = 1; t + 1 < count; ++t) { // between [CLS] and [SEP]
            const auto flat = r * length + t;
            if (fallback < 0)
                fallback = flat;
            if (uniform() >= probability)
                continue;
            positions.push_back(flat);
            targets.push_back(idData[flat]);
            const double action = uniform();
            if (action < 0.8)
                idData[flat] = encoder.maskId();
            else if (action < 0.9)
                idData[flat] =
                    static_cast<std::int64_t>(random.below(static_cast<std::uint64_t>(encoder.vocabSize())));
        }
    }
    if (positions.empty() && fallback >= 0) {
        positions.push_back(fallback);
        targets.push_back(idData[fallback]);
        idData[fallback] = encoder.maskId();
    }
    return {ids, mask, torch::tensor(positions, torch::kInt64), torch::tensor(targets, torch::kInt64)};
}

} // namespace

nlohmann::json toJson(const PretrainConfig& c) {
    auto train = toJson([&] {
        TrainConfig t;
        t.transformer = c.model;
        return t;
    }());
    return {{"transformer", train["transformer"]},
            {"seed", c.seed},
            {"epochs", c.epochs},
            {"batch_size", c.batchSize},
            {"learning_rate", c.learningRate},
            {"warmup_fraction", c.warmupFraction},
            {"weight_decay", c.weightDecay},
            {"gradient_clip", c.gradientClip},
            {"dropout", c.dropout},
            {"mask_probability", c.maskProbability},
            {"threads", c.threads},
            {"device", devicePreferenceName(c.device)}};
}

core::Result<PretrainResult> pretrainMlm(const std::vector<std::string>& texts, const PretrainConfig& config,
                                         const std::string& outputDir, ProgressSink& sink,
                                         const core::CancelToken& cancel) {
    if (texts.empty())
        return Error{ErrorCode::InvalidArgument, "no texts to pretrain on", {}};
    const ReturnFreedMemoryAtExit returnMemory;
    try {
        PretrainResult result;
        result.outputDir = outputDir;
        result.texts = static_cast<std::int64_t>(texts.size());
        auto device = chooseDevice(config.device);
        if (!device)
            return device.error();
        result.threads = configureThreads(config.threads);
        keepFreedMemoryForReuse();
        result.device = device->str();
        sink.log("pretraining (masked language model) on " + std::to_string(texts.size()) + " texts, " +
                 std::to_string(result.threads) + " threads, device " + result.device);

        // The tokenizer goes into the output folder first; the encoder is then built like a classifier's.
        TrainConfig asTrain = defaultTrainConfig(ModelKind::Transformer);
        asTrain.transformer = config.model;
        asTrain.seed = config.seed;
        asTrain.dropout = config.dropout;
        asTrain.threads = config.threads;
        if (auto status = prepareTransformerAssets(asTrain, outputDir, texts, sink, &cancel); !status)
            return status.error();
        auto model = TransformerClassifier::create(asTrain, 1, outputDir);
        if (!model)
            return model.error();
        auto& classifier = **model;
        const auto& encoder = classifier.textEncoder();
        if (encoder.maskId() < 0)
            return Error{ErrorCode::InvalidArgument, "the vocabulary has no [MASK] token", {outputDir, 0, 0}};
        auto bert = classifier.bert();
        MlmHead head(bert->options());
        if (!config.model.initFrom.empty()) {
            // Continue from a BertForMaskedLM checkpoint's head when it has one.
            auto tensors = loadTensors((fs::path(config.model.initFrom) / "model.safetensors").string());
            if (tensors && tensors->count("cls.predictions.bias")) {
                NamedTensors targets = namedParameters(*head, "cls.predictions.");
                for (auto& [name, tensor] : targets)
                    if (name.find("transform.LayerNorm") != std::string::npos ||
                        name.find("transform.dense") != std::string::npos || name == "cls.predictions.bias")
                        if (auto status = copyInto(*tensors, {{name, tensor}}, config.model.initFrom);
                            !status)
                            return status.error();
            }
        }
        {
            torch::NoGradGuard noGrad;
            auto generator = at::make_generator<at::CPUGeneratorImpl>(config.seed + 7);
            if (config.model.initFrom.empty()) {
                // Every value from our own generator: LibTorch's default init would draw from global state.
                head->dense->weight.copy_(
                    torch::empty(head->dense->weight.sizes()).normal_(0.0, 0.02, generator));
                head->dense->bias.zero_();
            }
        }
        bert->to(*device);
        head->to(*device);
        bert->train(true);

        // Parameters: the encoder without the pooler (MLM never reads it) and the head.
        std::vector<LazyAdam::Param> params;
        NamedTensors saved;
        for (auto& [name, tensor] : namedParameters(*bert, "bert.")) {
            if (name.rfind("bert.pooler.", 0) == 0)
                continue;
            const bool decay =
                name.find("LayerNorm") == std::string::npos && name.find(".bias") == std::string::npos;
            params.push_back({name, tensor, false, decay});
            saved.emplace_back(name, tensor);
        }
        for (auto& [name, tensor] : namedParameters(*head, "cls.predictions.")) {
            const bool decay =
                name.find("LayerNorm") == std::string::npos && name.find("bias") == std::string::npos;
            params.push_back({name, tensor, false, decay});
            saved.emplace_back(name, tensor);
        }
        LazyAdam optimizer(std::move(params), LazyAdamOptions{0.9, 0.999, 1e-6, config.weightDecay});

        auto inputs = classifier.encode(texts);
        const auto& tokenized = static_cast<const TokenizedTexts&>(*inputs);
        std::vector<std::int64_t> usable;
        for (std::int64_t i = 0; i < tokenized.size(); ++i)
            if (tokenized.length(i) > 2)
                usable.push_back(i);
        if (usable.empty())
            return Error{ErrorCode::InvalidArgument, "every text is empty after tokenization", {}};
        const auto batchSize = static_cast<std::size_t>(config.batchSize);
        const auto stepsPerEpoch = static_cast<std::int64_t>((usable.size() + batchSize - 1) / batchSize);
        const auto totalSteps = stepsPerEpoch * config.epochs;
        const auto warmup = std::max<std::int64_t>(
            1, static_cast<std::int64_t>(config.warmupFraction * static_cast<double>(totalSteps)));
        SplitMix64 random(config.seed ^ 0x4D4C4DULL);
        auto dropoutGenerator = at::make_generator<at::CPUGeneratorImpl>(config.seed ^ 0xD20F);
        std::int64_t examples = 0;
        const auto started = Clock::now();
        auto lastEmit = Clock::time_point{};
        for (int epoch = 0; epoch < config.epochs; ++epoch) {
            auto order = usable;
            seededShuffle(order, config.seed + 0x9E3779B97F4A7C15ULL * static_cast<std::uint64_t>(epoch + 1));
            // Length buckets, as the classifier trainer does: sort windows of 50 batches by length.
            for (std::size_t b = 0; b < order.size(); b += batchSize * 50)
                std::stable_sort(order.begin() + static_cast<long>(b),
                                 order.begin() +
                                     static_cast<long>(std::min(order.size(), b + batchSize * 50)),
                                 [&](auto x, auto y) { return tokenized.length(x) < tokenized.length(y); });
            double lossSum = 0;
            std::int64_t batches = 0;
            for (std::size_t begin = 0; begin < order.size(); begin += batchSize) {
                if (cancel.isCancelled()) {
                    result.cancelled = true;
                    sink.log("pretraining cancelled at step " + std::to_string(result.steps) +
                             "; nothing written");
                    return result;
                }
                const std::vector<std::int64_t> batch(
                    order.begin() + static_cast<long>(begin),
                    order.begin() + static_cast<long>(std::min(order.size(), begin + batchSize)));
                auto masked = maskBatch(tokenized, batch, encoder, config.maskProbability, random);
                const auto step = result.steps;
                const double lr =
                    step < warmup
                        ? config.learningRate * static_cast<double>(step + 1) / static_cast<double>(warmup)
                        : config.learningRate * static_cast<double>(totalSteps - step) /
                              static_cast<double>(std::max<std::int64_t>(totalSteps - warmup, 1));
                const DropoutSource dropout{true, device->is_cpu() ? &dropoutGenerator : nullptr};
                auto hidden = bert->forward(masked.ids.to(*device), masked.mask.to(*device), dropout);
                auto chosen = hidden.view({-1, hidden.size(2)}).index_select(0, masked.positions.to(*device));
                auto logits = head->forward(chosen, bert->embeddings->word_embeddings->weight);
                auto loss = torch::nn::functional::cross_entropy(logits.to(torch::kFloat32),
                                                                 masked.targets.to(*device));
                loss.backward();
                optimizer.step(lr, config.gradientClip > 0 ? optimizer.denseClipFactor(config.gradientClip)
                                                           : 1.0F);
                optimizer.zeroGrad();
                lossSum += loss.item<double>();
                ++batches;
                ++result.steps;
                examples += static_cast<std::int64_t>(batch.size());
                const auto now = Clock::now();
                if (now - lastEmit >= sink.progressInterval()) {
                    lastEmit = now;
                    TrainProgress p;
                    p.phase = TrainProgress::Phase::Training;
                    p.epoch = epoch + 1;
                    p.epochs = config.epochs;
                    p.step = result.steps;
                    p.totalSteps = totalSteps;
                    p.trainLoss = lossSum / static_cast<double>(batches);
                    p.learningRate = lr;
                    p.elapsedSeconds = std::chrono::duration<double>(now - started).count();
                    p.examplesPerSecond = static_cast<double>(examples) / std::max(p.elapsedSeconds, 1e-9);
                    p.etaSeconds = p.elapsedSeconds / static_cast<double>(result.steps) *
                                   static_cast<double>(totalSteps - result.steps);
                    p.message = "pretraining";
                    sink.progress(p);
                }
            }
            result.epochLosses.push_back(lossSum / static_cast<double>(std::max<std::int64_t>(batches, 1)));
            sink.log("pretraining epoch " + std::to_string(epoch + 1) + "/" + std::to_string(config.epochs) +
                     ": masked-token loss " + std::to_string(result.epochLosses.back()));
        }
        result.seconds = std::chrono::duration<double>(Clock::now() - started).count();
        result.examplesPerSecond = static_cast<double>(examples) / std::max(result.seconds, 1e-9);

        auto hf = toHfConfig(bert->options());
        hf["architectures"] = {"BertForMaskedLM"};
        hf["bankbench_pretraining"] = {{"config", toJson(config)}, {"result", toJson(result)}};
        if (auto status =
                saveTensors((fs::path(outputDir) / "model.safetensors").string(), saved, {{"format", "pt"}});
            !status)
            return status.error();
        if (auto status = writeFileAtomically((fs::path(outputDir) / "config.json").string(), hf.dump(2));
            !status)
            return status.error();
        return result;
    } catch (const c10::Error& e) {
        return Error{
            ErrorCode::Io, std::string("pretraining failed in LibTorch: ") + e.what_without_backtrace(), {}};
    } catch (const std::exception& e) {
        return Error{ErrorCode::Io, std::string("pretraining failed: ") + e.what(), {}};
    }
}

core::Result<std::vector<std::string>> datasetTexts(core::Project& project,
                                                    const std::vector<std::string>& datasets,
                                                    const core::CancelToken* cancel) {
    std::vector<core::DatasetId> ids;
    if (datasets.empty()) {
        auto all = project.datasets();
        if (!all)
            return all.error();
        for (const auto& info : *all)
            ids.push_back(info.id);
    } else {
        for (const auto& name : datasets) {
            auto info = project.dataset(name);
            if (!info)
                return info.error();
            ids.push_back(info->id);
        }
    }
    std::vector<std::string> texts;
    for (const auto id : ids) {
        auto status = project.forEachRecord(id, [&](const core::Record& record) {
            if (!record.text.empty())
                texts.push_back(record.text);
            return !(cancel && cancel->isCancelled());
        });
        if (!status)
            return status.error();
        if (cancel && cancel->isCancelled())
            return Error{ErrorCode::Cancelled, "cancelled while reading texts", {}};
    }
    return texts;
}

core::Result<PretrainResult> runPretrainJob(const PretrainJobRequest& request, ProgressSink& sink,
                                            const core::CancelToken& cancel) {
    std::vector<std::string> texts;
    {
        auto project = core::Project::open(request.projectPath, /*readOnly=*/true);
        if (!project)
            return project.error();
        auto read = datasetTexts(**project, request.datasets, &cancel);
        if (!read)
            return read.error();
        texts = std::move(*read);
    }
    return pretrainMlm(texts, request.config, request.outputDir, sink, cancel);
}

} // namespace bankbench::ml
