#include "ml/tokentrainer.h"

#include "ml/checkpoint.h"
#include "ml/lazyadam.h"
#include "ml/runtime.h"
#include "ml/tokentagger.h"
#include "ml/trainer.h"
#include "ml/trainershared.h"
#include "ml/trainingdata.h"

#include <ATen/CPUGeneratorImpl.h>

#include <algorithm>
#include <chrono>

// The token-classification loop. It mirrors the classification Trainer (trainer.cpp) in schedule,
// checkpoints and cancellation, but its targets are per token and its validation score is span F1.

namespace bankbench::ml {

using core::Error;
using core::ErrorCode;
namespace F = torch::nn::functional;

namespace {

using detail::Clock;

class TokenTrainer {
public:
    TokenTrainer(const TokenTrainRequest& request, ProgressSink& sink, const core::CancelToken& cancel)
        : m_request(request), m_config(request.config), m_data(*request.data), m_sink(sink),
          m_cancel(cancel) {}

    core::Result<TrainResult> run();

private:
    core::Status prepare();
    core::Status resetModel();
    core::Status restore();
    /// Returns true when cancelled.
    core::Result<bool> runEpochs();
    torch::Tensor targetsOf(const std::vector<std::int64_t>& batch, std::int64_t width) const;
    std::vector<const TokenAlignment*> alignmentsOf(const std::vector<std::int64_t>& batch) const;
    EpochMetrics validate(nlohmann::json& report);
    NamedTensors currentWeights();
    CheckpointTensors checkpointTensors();
    void emit(TrainProgress::Phase phase, bool force);

    const TokenTrainRequest& m_request;
    const TrainConfig& m_config;
    const SpanData& m_data;
    ProgressSink& m_sink;
    const core::CancelToken& m_cancel;

    torch::Device m_device = torch::kCPU;
    int m_threads = 1;
    std::unique_ptr<TokenTagger> m_model;
    std::unique_ptr<LazyAdam> m_optimizer;
    at::Generator m_generator;
    std::vector<TokenAlignment> m_aligned;
    std::vector<std::vector<std::int64_t>> m_targets;
    std::vector<std::vector<core::Span>> m_gold; ///< trimmed gold spans of every example
    NamedTensors m_best;
    TrainerState m_state; ///< bestMacroF1 holds the best span micro-F1 (the selection score)
    std::int64_t m_stepsPerEpoch = 0, m_totalSteps = 0;
    detail::StepTally m_tally;
    double m_lastLearningRate = 0;
    bool m_stoppedEarly = false;
    Clock::time_point m_started = Clock::now(), m_lastEmit{}, m_lastCheckpoint = Clock::now();
};

core::Status TokenTrainer::prepare() {
    if (m_request.train.empty() || m_request.validation.empty())
        return Error{
            ErrorCode::InvalidArgument,
            "too few annotated records: the split needs at least one training and one validation example",
            {}};
    auto device = detail::setUpTrainingDevice(m_config, m_sink,
                                              "task: tokens (BIO tags over " +
                                                  std::to_string(m_data.types.size()) + " span types)");
    if (!device)
        return device.error();
    m_device = device->device;
    m_threads = device->threads;
    const auto& texts = m_request.tokenizerTexts.empty() ? m_data.texts : m_request.tokenizerTexts;
    if (auto status = prepareTransformerAssets(m_config, m_request.modelDir, texts, m_sink, &m_cancel);
        !status)
        return status;
    if (auto status = resetModel(); !status)
        return status;

    int widened = 0, truncated = 0, dropped = 0;
    for (std::size_t i = 0; i < m_data.size(); ++i) {
        m_aligned.push_back(m_model->align(m_data.texts[i]));
        auto tags = spansToTokenTags(m_data.texts[i], m_aligned.back(), m_data.spans[i], m_model->tags());
        auto gold = tags ? trimmedSpans(m_data.texts[i], m_data.spans[i])
                         : core::Result<std::vector<core::Span>>(tags.error());
        if (!tags || !gold) {
            auto error = tags ? gold.error() : tags.error();
            error.message = "record " + std::to_string(m_data.recordIds[i]) + " of dataset \"" +
                            m_data.datasetName + "\": " + error.message;
            return error;
        }
        widened += tags->widened;
        truncated += tags->truncated;
        dropped += tags->dropped;
        m_targets.push_back(std::move(tags->tags));
        m_gold.push_back(std::move(*gold));
    }
    if (widened + truncated + dropped > 0)
        m_sink.log("span to token tags: " + std::to_string(widened) +
                   " span edges inside a word (widened to the word), " + std::to_string(truncated) +
                   " spans past max_length tokens, " + std::to_string(dropped) +
                   " spans left without a word of their own");
    m_state.config = toJson(m_config);
    m_state.splitHash = splitHash(m_request.train, m_request.validation);
    const auto count = static_cast<std::int64_t>(m_request.train.size());
    m_stepsPerEpoch = (count + m_config.batchSize - 1) / m_config.batchSize;
    m_totalSteps = m_stepsPerEpoch * m_config.epochs;
    return {};
}

core::Status TokenTrainer::resetModel() {
    auto tags = TagSet::fromTypes(m_data.types);
    if (!tags)
        return tags.error();
    auto model = TokenTagger::create(m_config, std::move(*tags), m_request.modelDir);
    if (!model)
        return model.error();
    m_model = std::move(*model);
    m_model->to(m_device);
    std::vector<LazyAdam::Param> params;
    for (auto& p : m_model->parameters()) {
        params.push_back({p.name, p.tensor, false, p.weightDecay});
    }
    m_optimizer = std::make_unique<LazyAdam>(
        std::move(params),
        LazyAdamOptions{m_config.beta1, m_config.beta2, m_config.epsilon, m_config.weightDecay});
    m_generator = at::make_generator<at::CPUGeneratorImpl>(m_config.seed ^ 0x5DEECE66DULL);
    return {};
}

core::Status TokenTrainer::restore() {
    if (auto status = detail::restoreCheckpoint(m_request.modelDir, m_state, currentWeights(), *m_optimizer,
                                                m_generator, m_best);
        !status)
        return status;
    m_sink.log("resumed from checkpoint at step " + std::to_string(m_state.step) + " (epoch " +
               std::to_string(m_state.epoch + 1) + ")");
    return {};
}

std::vector<const TokenAlignment*> TokenTrainer::alignmentsOf(const std::vector<std::int64_t>& batch) const {
    std::vector<const TokenAlignment*> out;
    for (const auto index : batch)
        out.push_back(&m_aligned[static_cast<std::size_t>(index)]);
    return out;
}

torch::Tensor TokenTrainer::targetsOf(const std::vector<std::int64_t>& batch, std::int64_t width) const {
    auto targets = torch::full({static_cast<std::int64_t>(batch.size()), width}, kIgnoreTag, torch::kInt64);
    auto* cells = targets.data_ptr<std::int64_t>();
    for (std::size_t r = 0; r < batch.size(); ++r) {
        const auto& row = m_targets[static_cast<std::size_t>(batch[r])];
        std::copy(row.begin(), row.end(), cells + static_cast<std::int64_t>(r) * width);
    }
    return targets.to(m_device);
}

core::Result<bool> TokenTrainer::runEpochs() {
    while (m_state.epoch < m_config.epochs && !m_stoppedEarly) {
        auto order = m_request.train;
        seededShuffle(order,
                      m_config.seed + 0x9E3779B97F4A7C15ULL * static_cast<std::uint64_t>(m_state.epoch + 1));
        for (; m_state.batch < m_stepsPerEpoch; ++m_state.batch) {
            if (m_cancel.isCancelled())
                return true;
            const auto batch = detail::batchAt(order, m_state.batch, m_config.batchSize);
            const auto started = Clock::now();
            m_lastLearningRate = detail::scheduledLearningRate(m_config, m_state.step, m_totalSteps);
            auto logits = m_model->forward(alignmentsOf(batch), ForwardContext{true, &m_generator});
            const auto tags = logits.size(2);
            auto targets = targetsOf(batch, logits.size(1)).view({-1});
            auto loss = F::cross_entropy(logits.to(torch::kFloat32).view({-1, tags}), targets,
                                         F::CrossEntropyFuncOptions()
                                             .ignore_index(kIgnoreTag)
                                             .label_smoothing(m_config.labelSmoothing));
            // A batch of texts without a single word has no target: nothing to learn from it.
            const bool learnable = (targets != kIgnoreTag).any().item<bool>();
            if (learnable) {
                loss.backward();
                // clip_grad_norm_'s factor, applied by the optimizer in its own pass over the gradients.
                const float clip =
                    m_config.gradientClip > 0 ? m_optimizer->denseClipFactor(m_config.gradientClip) : 1.0F;
                m_optimizer->step(m_lastLearningRate, clip);
            }
            m_optimizer->zeroGrad();
            const double seconds = std::chrono::duration<double>(Clock::now() - started).count();
            const double batchLoss = learnable ? loss.item<double>() : 0.0;
            m_tally.add(m_state, batchLoss, seconds, static_cast<std::int64_t>(batch.size()));
            emit(TrainProgress::Phase::Training, false);
            if (auto status = detail::checkpointIfDue(m_config, m_state, m_lastCheckpoint, m_request.modelDir,
                                                      [this] { return checkpointTensors(); });
                !status)
                return status.error();
        }
        nlohmann::json report;
        auto metrics = validate(report);
        m_state.history.push_back(metrics);
        if (detail::recordSelectionScore(m_state, metrics.epoch, metrics.validationMicroF1)) {
            m_state.selectionReport = report;
            m_best = detail::cloneWeights(currentWeights());
        }
        m_sink.epochFinished(metrics);
        emit(TrainProgress::Phase::EpochFinished, true);
        m_stoppedEarly = detail::earlyStopDue(m_config, m_state, m_sink, "validation span F1");
        detail::startNextEpoch(m_state);
    }
    return false;
}

EpochMetrics TokenTrainer::validate(nlohmann::json& report) {
    EpochMetrics m;
    m.epoch = m_state.epoch + 1;
    m.step = m_state.step;
    m.trainLoss =
        m_state.epochBatches > 0 ? m_state.epochLossSum / static_cast<double>(m_state.epochBatches) : 0;
    m.learningRate = m_lastLearningRate;
    m.seconds = m_state.epochSeconds;
    m.examplesPerSecond = m.seconds > 0 ? static_cast<double>(m_request.train.size()) / m.seconds : 0;
    torch::NoGradGuard noGrad;
    const auto& indices = m_request.validation;
    std::vector<std::vector<core::Span>> gold, predicted;
    double lossSum = 0;
    std::int64_t tokens = 0, words = 0, wordsRight = 0;
    for (std::size_t begin = 0; begin < indices.size(); begin += 64) {
        const std::vector<std::int64_t> batch(indices.begin() + static_cast<long>(begin),
                                              indices.begin() +
                                                  static_cast<long>(std::min(indices.size(), begin + 64)));
        const auto aligned = alignmentsOf(batch);
        auto logits = m_model->forward(aligned, ForwardContext{false, nullptr}).to(torch::kFloat32);
        const auto tagCount = logits.size(2);
        auto targets = targetsOf(batch, logits.size(1)).view({-1});
        const auto real = (targets != kIgnoreTag).sum().item<std::int64_t>();
        if (real > 0)
            lossSum +=
                F::cross_entropy(logits.view({-1, tagCount}), targets,
                                 F::CrossEntropyFuncOptions().ignore_index(kIgnoreTag).reduction(torch::kSum))
                    .item<double>();
        tokens += real;
        std::vector<std::vector<std::int64_t>> tags;
        std::vector<std::vector<float>> probabilities;
        m_model->predictWords(aligned, tags, probabilities);
        for (std::size_t r = 0; r < batch.size(); ++r) {
            const auto index = static_cast<std::size_t>(batch[r]);
            const auto& a = m_aligned[index];
            for (std::size_t k = 0; k < a.ids.size(); ++k)
                if (a.firstPiece[k]) {
                    ++words;
                    wordsRight += tags[r][static_cast<std::size_t>(a.word[k])] == m_targets[index][k] ? 1 : 0;
                }
            std::vector<core::Span> spans;
            for (const auto& s :
                 tagsToSpans(m_data.texts[index], a, tags[r], probabilities[r], m_model->tags()))
                spans.push_back({s.start, s.end, s.type});
            predicted.push_back(std::move(spans));
            gold.push_back(m_gold[index]);
        }
    }
    const auto scores = spanScores(gold, predicted, m_data.types);
    m.validationLoss = tokens > 0 ? lossSum / static_cast<double>(tokens) : 0;
    m.validationAccuracy = words > 0 ? static_cast<double>(wordsRight) / static_cast<double>(words) : 0;
    m.validationMacroF1 = scores.macroF1;
    m.validationMicroF1 = scores.microF1;
    report = toJson(scores);
    report["token_accuracy"] = m.validationAccuracy;
    report["epoch"] = m.epoch;
    return m;
}

NamedTensors TokenTrainer::currentWeights() {
    return detail::namedWeights(m_model->parameters());
}

CheckpointTensors TokenTrainer::checkpointTensors() {
    return {currentWeights(), m_optimizer->state(), m_generator.get_state(), m_best};
}

void TokenTrainer::emit(TrainProgress::Phase phase, bool force) {
    const auto now = Clock::now();
    if (!force && now - m_lastEmit < m_sink.progressInterval())
        return;
    m_lastEmit = now;
    TrainProgress p;
    p.phase = phase;
    p.epoch = std::min(m_state.epoch + 1, m_config.epochs);
    p.epochs = m_config.epochs;
    p.step = m_state.step;
    p.totalSteps = m_totalSteps;
    detail::fillStateProgress(p, m_state);
    if (phase == TrainProgress::Phase::Training)
        detail::takeStepLoss(p, m_tally);
    p.learningRate = m_lastLearningRate;
    detail::fillSessionProgress(p, m_tally, m_started, now);
    m_sink.progress(p);
}

core::Result<TrainResult> TokenTrainer::run() {
    if (auto status = prepare(); !status)
        return status.error();
    if (m_request.resume)
        if (auto status = restore(); !status)
            return status.error();
    TrainResult result;
    result.resumed = m_request.resume;
    result.threads = m_threads;
    result.device = m_device.str();
    auto cancelled = runEpochs();
    if (!cancelled)
        return cancelled.error();
    if (*cancelled) {
        if (auto status = saveCheckpoint(m_request.modelDir, m_state, checkpointTensors()); !status)
            return status.error();
        m_sink.log("cancelled at step " + std::to_string(m_state.step) + "; checkpoint written");
    } else {
        removeCheckpoint(m_request.modelDir);
    }
    if (!m_best.empty())
        if (auto status = writeModelFiles(m_request.modelDir,
                                          tokenModelConfig(*m_model, m_config, m_state.bestEpoch), m_best);
            !status)
            return status.error();
    result.outcome = *cancelled ? TrainOutcome::Cancelled : TrainOutcome::Finished;
    result.validationReport = m_state.selectionReport;
    result.history = m_state.history;
    result.bestEpoch = m_state.bestEpoch;
    result.bestValidationMacroF1 =
        m_state.selectionReport.is_object() ? m_state.selectionReport.value("macro_f1", 0.0) : 0.0;
    result.stoppedEarly = !*cancelled && static_cast<int>(m_state.history.size()) < m_config.epochs;
    result.steps = m_state.step;
    result.trainSeconds = m_state.trainSeconds;
    result.examplesPerSecond = m_tally.examplesPerSecond();
    emit(TrainProgress::Phase::Finished, true);
    return result;
}

} // namespace

core::Result<TrainResult> trainTokenTagger(const TokenTrainRequest& request, ProgressSink& sink,
                                           const core::CancelToken& cancel) {
    if (!request.data)
        return Error{ErrorCode::InvalidArgument, "no training data", {}};
    if (request.config.task != TaskKind::Tokens)
        return Error{ErrorCode::InvalidArgument, "trainTokenTagger needs a config with task \"tokens\"", {}};
    if (auto status = validate(request.config); !status)
        return status.error();
    return detail::guardedTraining(request.modelDir, [&] {
        TokenTrainer trainer(request, sink, cancel);
        return trainer.run();
    });
}

} // namespace bankbench::ml
