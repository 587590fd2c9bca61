#include "ml/trainerloop.h"

#include <numeric>

// What a training step reads (the run's encoded texts, or augmented variants of the batch), and the trainer's
// hook for models with a fused training step (TrainableModel::fusedTrainStep): only where that step computes
// exactly what the autograd path would (single-label, no gradient clipping, CPU).

namespace bankbench::ml::detail {

std::optional<double> Trainer::fusedStep(const std::vector<std::int64_t>& batch, const StepInputs& inputs) {
    if (m_data.multiLabel || m_config.gradientClip > 0 || !m_device.is_cpu())
        return std::nullopt;
    std::vector<std::int64_t> targets(batch.size());
    for (std::size_t i = 0; i < batch.size(); ++i)
        targets[i] = m_data.labels[static_cast<std::size_t>(batch[i])].front();
    FusedStepRequest request;
    request.targets = &targets;
    request.classWeights = m_classWeights;
    request.labelSmoothing = m_config.labelSmoothing;
    request.learningRate = m_lastLearningRate;
    request.optimizer = m_optimizer.get();
    request.generator = &m_generator;
    return m_model->fusedTrainStep(*inputs.inputs, inputs.indices, request);
}

Trainer::StepInputs Trainer::stepInputs(const std::vector<std::int64_t>& batch) const {
    StepInputs step;
    if (!m_augmenter) {
        step.inputs = m_inputs.get();
        step.indices = batch;
        return step;
    }
    // Seeded by the run's seed, phase, epoch, step and example: a resumed run draws the same variants.
    std::vector<std::string> texts;
    texts.reserve(batch.size());
    for (std::size_t i = 0; i < batch.size(); ++i) {
        std::uint64_t seed =
            m_config.seed ^ (0xD1B54A32D192ED03ULL * static_cast<std::uint64_t>(m_state.phase + 1));
        for (const auto part :
             {static_cast<std::uint64_t>(m_state.epoch), static_cast<std::uint64_t>(m_state.batch),
              static_cast<std::uint64_t>(batch[i])})
            seed = (seed ^ part) * 0x9E3779B97F4A7C15ULL + 0x632BE59BD9B4E019ULL;
        texts.push_back(m_augmenter->augment(m_data.texts[static_cast<std::size_t>(batch[i])], seed));
    }
    step.variants = m_model->encode(texts);
    step.inputs = step.variants.get();
    step.indices.resize(batch.size());
    std::iota(step.indices.begin(), step.indices.end(), 0);
    return step;
}

} // namespace bankbench::ml::detail
