#pragma once

#include <ml/trainconfig.h>

#include <QString>

#include <cstdint>

namespace bankbench::ui {

/// A before-the-run estimate of a training run's size, derived from the config and the data (no model is
/// built). Everything here is an upper-bound style estimate and is labelled as such in the GUI.
struct TrainEstimate {
    std::int64_t parameters = 0;        ///< trainable numbers in the model (0: unknown for this kind)
    std::int64_t memoryBytes = 0;       ///< weights + optimizer state + best-epoch copy (+ activations)
    std::int64_t checkpointBytes = 0;   ///< one checkpoint (weights + optimizer moments)
    std::int64_t examplesToProcess = 0; ///< training examples over all epochs, refit pass included
    double seconds = -1;                ///< -1: no throughput measured yet for this model kind
};

/// `examples` labelled records, `classes` labels; `examplesPerSecond` <= 0 when this machine has not
/// measured the model kind yet. Assumes no early stop (so the time is an upper bound).
TrainEstimate estimateTraining(const ml::TrainConfig& config, std::int64_t examples, int classes,
                               double examplesPerSecond);

/// The model's trainable parameter count (fast model: the n-gram table plus the output layer; transformer:
/// BERT's embeddings, layers, pooler and classifier). 0 when a checkpoint decides the size.
std::int64_t parameterCount(const ml::TrainConfig& config, int classes);

} // namespace bankbench::ui
