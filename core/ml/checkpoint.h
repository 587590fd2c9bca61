#pragma once

// Includes torch: for bankbench_ml's own sources and tests only (never from Qt code).

#include "ml/tensorio.h"
#include "ml/trainprogress.h"
#include "util/result.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace bankbench::ml {

/// Where a training loop stands; with the tensors it is everything a resumed run needs to continue
/// exactly as the uninterrupted run would have.
struct TrainerState {
    std::int64_t step = 0;   ///< optimizer steps done
    int epoch = 0;           ///< 0-based epoch in progress
    std::int64_t batch = 0;  ///< next batch of that epoch
    double epochLossSum = 0; ///< sum of batch losses so far in the epoch
    std::int64_t epochBatches = 0;
    double epochSeconds = 0; ///< training time so far in the epoch
    std::vector<EpochMetrics> history;
    int bestEpoch = 0;
    double bestMacroF1 = -1;
    int epochsWithoutImprovement = 0;
    double trainSeconds = 0;
    int phase = 0; ///< 0: selection on the validation split, 1: refit on all examples
    int refitEpochs = 0;
    std::int64_t phaseStartStep = 0; ///< `step` when the phase began (its schedule starts there)
    nlohmann::json selectionReport;  ///< the selection model's validation report (phase 1)
    std::vector<float> thresholds;   ///< multi-label thresholds tuned on validation (phase 1)
    nlohmann::json config;           ///< the run's TrainConfig, to refuse resuming with another one
    std::uint64_t splitHash = 0;     ///< the split's indices, to refuse resuming on other data
};

nlohmann::json toJson(const TrainerState& state);
core::Result<TrainerState> trainerStateFromJson(const nlohmann::json& json, const std::string& source);

struct CheckpointTensors {
    NamedTensors model;
    NamedTensors optimizer; ///< LazyAdam::state()
    torch::Tensor rngState; ///< dropout generator (uint8)
    NamedTensors best;      ///< best epoch's weights; empty before the first validation
};

struct LoadedCheckpoint {
    TrainerState state;
    std::map<std::string, torch::Tensor> model;
    std::map<std::string, torch::Tensor> optimizer;
    torch::Tensor rngState;
    std::map<std::string, torch::Tensor> best;
};

/// Writes modelDir/checkpoint/ as a whole: the files go to checkpoint.new/, which then replaces
/// checkpoint/ by renames, so a kill at any moment leaves one complete checkpoint (the old or the new).
core::Status saveCheckpoint(const std::string& modelDir, const TrainerState& state,
                            const CheckpointTensors& tensors);
/// NotFound when the folder has no checkpoint.
core::Result<LoadedCheckpoint> loadCheckpoint(const std::string& modelDir);
bool hasCheckpoint(const std::string& modelDir);
void removeCheckpoint(const std::string& modelDir);

/// The model folder's config.json plus model.safetensors (the weights a TextClassifier loads).
core::Status writeModelFiles(const std::string& modelDir, const nlohmann::json& config,
                             const NamedTensors& weights);

/// FNV-1a over the split's indices.
std::uint64_t splitHash(const std::vector<std::int64_t>& train, const std::vector<std::int64_t>& validation);

} // namespace bankbench::ml
