#include "ml/trainershared.h"

#include "ml/runtime.h"

#include <algorithm>
#include <cmath>

namespace bankbench::ml::detail {

using core::Error;
using core::ErrorCode;

double scheduledLearningRate(const TrainConfig& config, std::int64_t step, std::int64_t totalSteps) {
    const auto warmup =
        static_cast<std::int64_t>(std::llround(config.warmupFraction * static_cast<double>(totalSteps)));
    if (step < warmup)
        return config.learningRate * static_cast<double>(step + 1) / static_cast<double>(warmup);
    if (!config.linearDecay)
        return config.learningRate;
    const auto remaining = std::max<std::int64_t>(totalSteps - step, 0);
    return config.learningRate * static_cast<double>(remaining) /
           static_cast<double>(std::max<std::int64_t>(totalSteps - warmup, 1));
}

void countBatch(TrainerState& state, double loss, double seconds) {
    state.epochLossSum += loss;
    ++state.epochBatches;
    state.epochSeconds += seconds;
    state.trainSeconds += seconds;
    ++state.step;
}

core::Status checkpointIfDue(const TrainConfig& config, const TrainerState& state,
                             Clock::time_point& lastCheckpoint, const std::string& modelDir,
                             const std::function<CheckpointTensors()>& tensors) {
    const bool byStep = config.checkpointEverySteps > 0 && state.step % config.checkpointEverySteps == 0;
    const bool byTime = config.checkpointEveryMinutes > 0 &&
                        Clock::now() - lastCheckpoint >
                            std::chrono::duration<double, std::ratio<60>>(config.checkpointEveryMinutes);
    if (!byStep && !byTime)
        return {};
    lastCheckpoint = Clock::now();
    // The batch just done is part of the checkpoint: a resume starts at the next one.
    auto next = state;
    ++next.batch;
    return saveCheckpoint(modelDir, next, tensors());
}

void startNextEpoch(TrainerState& state) {
    ++state.epoch;
    state.batch = 0;
    state.epochLossSum = 0;
    state.epochBatches = 0;
    state.epochSeconds = 0;
}

bool earlyStopDue(const TrainConfig& config, const TrainerState& state, ProgressSink& sink,
                  const std::string& metric) {
    const bool stop = config.earlyStoppingPatience > 0 &&
                      state.epochsWithoutImprovement >= config.earlyStoppingPatience &&
                      state.epoch + 1 < config.epochs;
    if (stop)
        sink.log("early stop: no better " + metric + " for " +
                 std::to_string(state.epochsWithoutImprovement) + " epochs; best epoch " +
                 std::to_string(state.bestEpoch));
    return stop;
}

bool recordSelectionScore(TrainerState& state, int epoch, double score) {
    if (score > state.bestMacroF1) {
        state.bestMacroF1 = score;
        state.bestEpoch = epoch;
        state.epochsWithoutImprovement = 0;
        return true;
    }
    ++state.epochsWithoutImprovement;
    return false;
}

std::vector<std::int64_t> batchAt(const std::vector<std::int64_t>& order, std::int64_t index,
                                  std::int64_t batchSize) {
    const auto begin = static_cast<std::size_t>(index * batchSize);
    const auto end = std::min(order.size(), begin + static_cast<std::size_t>(batchSize));
    return {order.begin() + static_cast<long>(begin), order.begin() + static_cast<long>(end)};
}

NamedTensors namedWeights(const std::vector<TrainableModel::Parameter>& parameters) {
    NamedTensors out;
    for (const auto& p : parameters)
        out.emplace_back(p.name, p.tensor);
    return out;
}

NamedTensors cloneWeights(const NamedTensors& weights) {
    NamedTensors out;
    for (const auto& [name, tensor] : weights)
        out.emplace_back(name, tensor.detach().clone());
    return out;
}

void copyWeightsInto(const NamedTensors& weights, NamedTensors& copies) {
    bool reusable = copies.size() == weights.size();
    for (std::size_t i = 0; reusable && i < weights.size(); ++i)
        reusable = copies[i].first == weights[i].first &&
                   copies[i].second.sizes() == weights[i].second.sizes() &&
                   copies[i].second.options().type_equal(weights[i].second.options());
    if (!reusable) {
        copies = cloneWeights(weights);
        return;
    }
    torch::NoGradGuard noGrad;
    for (std::size_t i = 0; i < weights.size(); ++i)
        copies[i].second.copy_(weights[i].second);
}

BorrowedWeights::BorrowedWeights(NamedTensors weights, NamedTensors& lender)
    : m_weights(std::move(weights)), m_lender(lender) {
    exchange();
    m_borrowed = true;
}

void BorrowedWeights::giveBack() {
    if (!m_borrowed)
        return;
    exchange();
    m_borrowed = false;
}

void BorrowedWeights::exchange() {
    torch::NoGradGuard noGrad;
    for (std::size_t i = 0; i < m_weights.size() && i < m_lender.size(); ++i) {
        auto& parameter = m_weights[i].second;
        auto own = parameter.detach(); // shares the parameter's current storage
        parameter.set_data(m_lender[i].second);
        m_lender[i].second = own;
    }
}

core::Result<TrainingDevice> setUpTrainingDevice(const TrainConfig& config, ProgressSink& sink,
                                                 const std::string& task) {
    auto device = chooseDevice(config.device);
    if (!device)
        return device.error();
    TrainingDevice chosen{*device, configureThreads(config.threads)};
    keepFreedMemoryForReuse();
    const auto runtime = runtimeInfo();
    sink.log("threads: " + std::to_string(chosen.threads) + " intra-op (" +
             std::to_string(runtime.usableCores) + " usable cores), BLAS: " + runtime.blasName +
             (runtime.blasIsReference ? " (slow reference BLAS)" : "") + ", device: " + chosen.device.str() +
             (chosen.device.is_cuda() ? " (" + runtime.deviceName + ")" : "") +
             (task.empty() ? "" : "; " + task));
    if (chosen.threads > 1 && runtime.ompWaitPolicy.empty())
        sink.log("note: OMP_WAIT_POLICY is unset; with other busy processes, OMP_WAIT_POLICY=passive in the "
                 "environment keeps idle OpenMP threads from spinning (README: BLAS and threads)");
    return chosen;
}

void StepTally::add(TrainerState& state, double loss, double seconds, std::int64_t examples) {
    countBatch(state, loss, seconds);
    reportLossSum += loss;
    ++reportSteps;
    sessionSeconds += seconds;
    sessionExamples += examples;
    ++sessionSteps;
}

double StepTally::examplesPerSecond() const {
    return sessionSeconds > 0 ? static_cast<double>(sessionExamples) / sessionSeconds : 0;
}

void takeStepLoss(TrainProgress& progress, StepTally& tally) {
    if (tally.reportSteps <= 0)
        return;
    progress.stepLoss = tally.reportLossSum / static_cast<double>(tally.reportSteps);
    progress.stepLossSteps = tally.reportSteps;
    tally.reportLossSum = 0;
    tally.reportSteps = 0;
}

void fillSessionProgress(TrainProgress& progress, const StepTally& tally, Clock::time_point started,
                         Clock::time_point now) {
    progress.examplesPerSecond = tally.examplesPerSecond();
    progress.elapsedSeconds = std::chrono::duration<double>(now - started).count();
    if (tally.sessionSteps > 0)
        progress.etaSeconds = tally.sessionSeconds / static_cast<double>(tally.sessionSteps) *
                              static_cast<double>(progress.totalSteps - progress.step);
}

void fillStateProgress(TrainProgress& progress, const TrainerState& state) {
    progress.trainLoss =
        state.epochBatches > 0 ? state.epochLossSum / static_cast<double>(state.epochBatches) : 0;
    if (!state.history.empty()) {
        progress.validationLoss = state.history.back().validationLoss;
        progress.validationAccuracy = state.history.back().validationAccuracy;
        progress.validationMacroF1 = state.history.back().validationMacroF1;
    }
}

core::Status restoreCheckpoint(const std::string& modelDir, TrainerState& state, const NamedTensors& weights,
                               LazyAdam& optimizer, at::Generator& generator, NamedTensors& best) {
    auto checkpoint = loadCheckpoint(modelDir);
    if (!checkpoint)
        return checkpoint.error();
    if (resumableConfig(checkpoint->state.config) != resumableConfig(state.config))
        return Error{ErrorCode::InvalidArgument,
                     "the checkpoint was written with another training config",
                     {modelDir, 0, 0}};
    if (checkpoint->state.splitHash != state.splitHash)
        return Error{ErrorCode::InvalidArgument,
                     "the checkpoint was written for another data split",
                     {modelDir, 0, 0}};
    if (auto status = copyInto(checkpoint->model, weights, modelDir); !status)
        return status;
    if (auto message = optimizer.loadState(checkpoint->optimizer); !message.empty())
        return Error{ErrorCode::Parse, message, {modelDir, 0, 0}};
    generator.set_state(checkpoint->rngState);
    for (const auto& [name, tensor] : weights) {
        const auto found = checkpoint->best.find(name);
        if (found != checkpoint->best.end())
            best.emplace_back(name, found->second.to(tensor.device()));
    }
    // This session's config (threads, device may differ) and split hash stay.
    auto config = std::move(state.config);
    const auto hash = state.splitHash;
    state = std::move(checkpoint->state);
    state.config = std::move(config);
    state.splitHash = hash;
    return {};
}

} // namespace bankbench::ml::detail
