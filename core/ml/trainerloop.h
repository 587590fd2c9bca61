#pragma once

// Private to trainer*.cpp: the training loop's state machine (selection on the validation split, then the
// optional refit on all examples). Includes torch.

#include "ml/checkpoint.h"
#include "ml/lazyadam.h"
#include "ml/trainablemodel.h"
#include "ml/trainer.h"
#include "ml/trainershared.h"

#include <ATen/CPUGeneratorImpl.h>

#include <chrono>
#include <memory>
#include <optional>
#include <vector>

namespace bankbench::ml::detail {

using Clock = std::chrono::steady_clock;

std::vector<float> toVector(const torch::Tensor& tensor);
/// The config without the keys that may change between sessions of one run (threads, device, ...).
nlohmann::json resumableConfig(nlohmann::json config);

/// One training job on the calling thread; see train() in trainer.h.
class Trainer {
public:
    Trainer(const TrainRequest& request, ProgressSink& sink, const core::CancelToken& cancel)
        : m_request(request), m_config(request.config), m_data(*request.data), m_sink(sink),
          m_cancel(cancel) {}

    core::Result<TrainResult> run();

private:
    enum class EpochsEnd { Done, Cancelled };

    core::Status prepare();
    core::Status resetModel(std::uint64_t generatorSeed);
    void enterPhase();
    core::Status restore();
    core::Result<EpochsEnd> runEpochs();
    void endSelectionEpoch();
    /// What one training step reads: the encoded texts and the batch's positions in them. Without
    /// augmentation the run's encoded texts; with it, fresh variants of the batch's texts encoded for this
    /// step.
    struct StepInputs {
        const EncodedTexts* inputs = nullptr;
        std::vector<std::int64_t> indices;
        std::unique_ptr<EncodedTexts> variants;
    };
    StepInputs stepInputs(const std::vector<std::int64_t>& batch) const;
    /// trainerfused.cpp: the model's fused step for this batch, or nullopt (then the autograd path runs).
    /// Labels come from `batch`, texts from `inputs`.
    std::optional<double> fusedStep(const std::vector<std::int64_t>& batch, const StepInputs& inputs);
    torch::Tensor lossOf(const torch::Tensor& logits, const std::vector<std::int64_t>& batch, bool training);
    double learningRateAt(std::int64_t step) const;
    /// The epoch's example order: a seeded shuffle, length-bucketed when config.bucketByLength.
    std::vector<std::int64_t> epochOrder(std::uint64_t seed) const;
    EpochMetrics validate(double epochSeconds, std::int64_t epochExamples);
    CheckpointTensors checkpointTensors();
    NamedTensors currentWeights();
    core::Status finishSelection();
    core::Status writeModel(const NamedTensors& weights);
    void emit(TrainProgress::Phase phase, bool force);

    const TrainRequest& m_request;
    const TrainConfig& m_config;
    const LabelledData& m_data;
    ProgressSink& m_sink;
    const core::CancelToken& m_cancel;

    torch::Device m_device = torch::kCPU;
    int m_threads = 1;
    std::unique_ptr<TrainableModel> m_model;
    std::unique_ptr<EncodedTexts> m_inputs;
    std::optional<core::TextAugmenter> m_augmenter; ///< when config.augment is enabled
    std::unique_ptr<LazyAdam> m_optimizer;
    at::Generator m_generator;
    torch::Tensor m_classWeights;
    NamedTensors m_best; ///< copies of the best selection epoch's weights
    TrainerState m_state;
    std::vector<std::int64_t> m_indices; ///< what the current phase trains on
    int m_phaseEpochs = 0;
    std::int64_t m_stepsPerEpoch = 0;
    std::int64_t m_totalSteps = 0; ///< of the current phase
    bool m_stoppedEarly = false;   ///< this session's selection stopped early
    StepTally m_tally;
    double m_lastLearningRate = 0;
    Clock::time_point m_started = Clock::now();
    /// Last throttled Training report. Forced reports (epoch ends) do not move it: with epochs shorter
    /// than the interval they would otherwise starve the per-step curve.
    Clock::time_point m_lastStepEmit{};
    Clock::time_point m_lastCheckpoint = Clock::now();
};

} // namespace bankbench::ml::detail
