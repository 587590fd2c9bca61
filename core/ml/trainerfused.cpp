#include "ml/trainerloop.h"

// The trainer's hook for models with a fused training step (TrainableModel::fusedTrainStep): only where
// that step computes exactly what the autograd path would (single-label, no gradient clipping, CPU).

namespace bankbench::ml::detail {

std::optional<double> Trainer::fusedStep(const std::vector<std::int64_t>& batch) {
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
    return m_model->fusedTrainStep(*m_inputs, batch, request);
}

} // namespace bankbench::ml::detail
