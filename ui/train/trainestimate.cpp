#include "train/trainestimate.h"

#include <cmath>

namespace bankbench::ui {

std::int64_t parameterCount(const ml::TrainConfig& config, int classes) {
    switch (config.model) {
    case ml::ModelKind::Fast: {
        const std::int64_t buckets = std::int64_t{1} << config.fast.features.bucketBits;
        const std::int64_t dim = config.fast.dim;
        return buckets * dim + dim * classes + classes;
    }
    case ml::ModelKind::Transformer: {
        const auto& t = config.transformer;
        if (!t.initFrom.empty())
            return 0; // the checkpoint's config.json decides the size
        const std::int64_t h = t.hidden;
        const std::int64_t embeddings = (std::int64_t{t.vocabSize} + t.maxLength + 2) * h + 2 * h;
        // Per layer: Q, K, V and output projections, the feed-forward pair, two layer norms.
        const std::int64_t layer =
            4 * (h * h + h) + (h * t.ffn + t.ffn) + (std::int64_t{t.ffn} * h + h) + 4 * h;
        const std::int64_t pooler = h * h + h;
        return embeddings + t.layers * layer + pooler + h * classes + classes;
    }
    }
    return 0;
}

TrainEstimate estimateTraining(const ml::TrainConfig& config, std::int64_t examples, int classes,
                               double examplesPerSecond) {
    TrainEstimate out;
    out.parameters = parameterCount(config, classes);
    // fp32 weights, Adam's two moments, and the weights of the best epoch kept aside for the end.
    out.memoryBytes = out.parameters * 4 * 4;
    if (config.model == ml::ModelKind::Transformer && out.parameters > 0) {
        // Activations kept for the backward pass: per layer about 16 floats per token and hidden unit
        // plus the attention maps (heads x length^2), for one batch.
        const auto& t = config.transformer;
        const std::int64_t tokens = std::int64_t{config.batchSize} * t.maxLength;
        out.memoryBytes += std::int64_t{t.layers} * 4 *
                           (tokens * t.hidden * 16 +
                            std::int64_t{config.batchSize} * t.heads * t.maxLength * t.maxLength * 2);
    }
    out.checkpointBytes = out.parameters * 4 * 3;
    const auto validation =
        static_cast<std::int64_t>(std::llround(static_cast<double>(examples) * config.validationFraction));
    const std::int64_t train = std::max<std::int64_t>(0, examples - validation);
    out.examplesToProcess = train * config.epochs;
    if (config.refit)
        out.examplesToProcess += examples * config.epochs; // at most as many epochs as the selection pass
    if (examplesPerSecond > 0)
        out.seconds = static_cast<double>(out.examplesToProcess) / examplesPerSecond;
    return out;
}

} // namespace bankbench::ui
