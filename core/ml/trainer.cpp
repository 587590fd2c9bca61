#include "ml/trainer.h"

#include "ml/trainerloop.h"
#include "ml/trainershared.h"

#include <ATen/autocast_mode.h>

#include <algorithm>
#include <filesystem>

// The training loop proper: epochs, batches, checkpoints, early stopping, selection then refit.

namespace bankbench::ml {

using core::Error;
using core::ErrorCode;

namespace detail {

namespace {

/// Turns CUDA autocast on (bfloat16) for one scope; a no-op when `enabled` is false.
class AutocastGuard {
public:
    explicit AutocastGuard(bool enabled) : m_enabled(enabled) {
        if (!m_enabled)
            return;
        m_previousDtype = at::autocast::get_autocast_gpu_dtype();
        at::autocast::set_autocast_gpu_dtype(at::kBFloat16);
        at::autocast::set_enabled(true);
        at::autocast::increment_nesting();
    }
    ~AutocastGuard() {
        if (!m_enabled)
            return;
        if (at::autocast::decrement_nesting() == 0)
            at::autocast::clear_cache();
        at::autocast::set_enabled(false);
        at::autocast::set_autocast_gpu_dtype(m_previousDtype);
    }
    AutocastGuard(const AutocastGuard&) = delete;
    AutocastGuard& operator=(const AutocastGuard&) = delete;

private:
    bool m_enabled;
    at::ScalarType m_previousDtype = at::kHalf;
};

} // namespace

// The epochs of the current phase from where the state stands; checks cancel before every batch.
core::Result<Trainer::EpochsEnd> Trainer::runEpochs() {
    const std::uint64_t phaseSalt = m_state.phase == 0 ? 0 : 0xA5A5A5A5A5A5A5A5ULL;
    while (m_state.epoch < m_phaseEpochs && !(m_state.phase == 0 && m_stoppedEarly)) {
        const std::vector<std::int64_t> order =
            epochOrder((m_config.seed ^ phaseSalt) +
                       0x9E3779B97F4A7C15ULL * static_cast<std::uint64_t>(m_state.epoch + 1));
        for (; m_state.batch < m_stepsPerEpoch; ++m_state.batch) {
            if (m_cancel.isCancelled())
                return EpochsEnd::Cancelled;
            const auto batch = batchAt(order, m_state.batch, m_config.batchSize);
            const auto started = Clock::now();
            m_lastLearningRate = learningRateAt(m_state.step);
            // The model's fused step when it has one (fast model on the CPU), else autograd.
            const auto inputs = stepInputs(batch);
            const auto fusedLoss = fusedStep(batch, inputs);
            torch::Tensor loss;
            if (!fusedLoss) {
                {
                    // bf16 autocast on CUDA: matrix products in bfloat16, weights and optimizer in float32.
                    AutocastGuard autocast(m_device.is_cuda() && m_config.bf16Autocast);
                    auto logits =
                        m_model->forward(*inputs.inputs, inputs.indices, ForwardContext{true, &m_generator});
                    loss = lossOf(logits.to(torch::kFloat32), batch, true);
                }
                loss.backward();
                // clip_grad_norm_'s factor, applied by the optimizer in its own pass over the gradients.
                const float clip =
                    m_config.gradientClip > 0 ? m_optimizer->denseClipFactor(m_config.gradientClip) : 1.0F;
                m_optimizer->step(m_lastLearningRate, clip);
                m_optimizer->zeroGrad();
            }
            const double seconds = std::chrono::duration<double>(Clock::now() - started).count();
            const double batchLoss = fusedLoss ? *fusedLoss : loss.item<double>();
            m_tally.add(m_state, batchLoss, seconds, static_cast<std::int64_t>(batch.size()));
            emit(TrainProgress::Phase::Training, false);
            if (auto status = checkpointIfDue(m_config, m_state, m_lastCheckpoint, m_request.modelDir,
                                              [this] { return checkpointTensors(); });
                !status)
                return status.error();
        }
        if (m_state.phase == 0) {
            endSelectionEpoch();
        } else {
            m_sink.log("refit epoch " + std::to_string(m_state.epoch + 1) + "/" +
                       std::to_string(m_phaseEpochs) + " on all " + std::to_string(m_indices.size()) +
                       " examples: train loss " +
                       std::to_string(m_state.epochLossSum /
                                      static_cast<double>(std::max<std::int64_t>(m_state.epochBatches, 1))));
        }
        startNextEpoch(m_state);
    }
    return EpochsEnd::Done;
}

void Trainer::endSelectionEpoch() {
    // Examples of the whole epoch (a resumed epoch counts the part done before as well).
    auto metrics = validate(m_state.epochSeconds, static_cast<std::int64_t>(m_indices.size()));
    m_state.history.push_back(metrics);
    if (recordSelectionScore(m_state, metrics.epoch, metrics.validationMacroF1))
        copyWeightsInto(currentWeights(), m_best);
    m_sink.epochFinished(metrics);
    emit(TrainProgress::Phase::EpochFinished, true);
    m_stoppedEarly = earlyStopDue(m_config, m_state, m_sink, "validation macro-F1");
}

core::Result<TrainResult> Trainer::run() {
    if (auto status = prepare(); !status)
        return status.error();
    if (m_request.resume) {
        if (auto status = restore(); !status)
            return status.error();
    }
    TrainResult result;
    result.resumed = m_request.resume;
    result.threads = m_threads;
    result.device = m_device.str();
    auto end = EpochsEnd::Done;
    if (m_state.phase == 0) {
        auto selection = runEpochs();
        if (!selection)
            return selection.error();
        end = *selection;
        if (end == EpochsEnd::Done && !m_best.empty()) {
            if (auto status = finishSelection(); !status)
                return status.error();
            if (m_config.refit) {
                // Same number of epochs as the best selection epoch, on every labelled example, from scratch.
                m_state.phase = 1;
                m_state.refitEpochs = m_state.bestEpoch;
                m_state.phaseStartStep = m_state.step;
                m_state.epoch = 0;
                m_state.batch = 0;
                m_best.clear();
                if (auto status = resetModel((m_config.seed ^ 0x5DEECE66DULL) + 1); !status)
                    return status.error();
                enterPhase();
            }
        }
    }
    if (m_state.phase == 1 && end == EpochsEnd::Done) {
        auto refit = runEpochs();
        if (!refit)
            return refit.error();
        end = *refit;
        if (end == EpochsEnd::Done)
            if (auto status = writeModel(currentWeights()); !status)
                return status.error();
        result.refitEpochs = m_state.refitEpochs;
        result.refitExamples = static_cast<std::int64_t>(m_indices.size());
    }

    const bool cancelled = end == EpochsEnd::Cancelled;
    result.outcome = cancelled ? TrainOutcome::Cancelled : TrainOutcome::Finished;
    if (cancelled) {
        if (auto status = saveCheckpoint(m_request.modelDir, m_state, checkpointTensors()); !status)
            return status.error();
        // During selection, the best epoch so far becomes the model; during the refit the selection model
        // is already on disk.
        if (m_state.phase == 0 && !m_best.empty())
            if (auto status = finishSelection(); !status)
                return status.error();
        m_sink.log("cancelled at step " + std::to_string(m_state.step) + "; checkpoint written");
    } else {
        removeCheckpoint(m_request.modelDir);
    }
    result.validationReport = m_state.selectionReport;
    result.history = m_state.history;
    result.bestEpoch = m_state.bestEpoch;
    result.bestValidationMacroF1 = std::max(m_state.bestMacroF1, 0.0);
    // Selection ends before its last epoch only by early stopping (also when that happened before a resume).
    result.stoppedEarly = !cancelled && static_cast<int>(m_state.history.size()) < m_config.epochs;
    result.steps = m_state.step;
    result.trainSeconds = m_state.trainSeconds;
    result.examplesPerSecond = m_tally.examplesPerSecond();
    emit(TrainProgress::Phase::Finished, true);
    return result;
}

} // namespace detail

core::Result<TrainResult> train(const TrainRequest& request, ProgressSink& sink,
                                const core::CancelToken& cancel) {
    if (!request.data)
        return Error{ErrorCode::InvalidArgument, "no training data", {}};
    if (auto status = validate(request.config); !status)
        return status.error();
    return detail::guardedTraining(request.modelDir, [&] {
        detail::Trainer trainer(request, sink, cancel);
        return trainer.run();
    });
}

} // namespace bankbench::ml
