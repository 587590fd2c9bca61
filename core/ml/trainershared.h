#pragma once

// Private to the training loops (trainer*.cpp, tokentrainer.cpp): the pieces the classification Trainer and
// the TokenTrainer share (schedule, batch and epoch bookkeeping, checkpoints, resume, early stopping, the
// never-throwing entry point). Includes torch. Everything runs on the training thread.

#include "ml/checkpoint.h"
#include "ml/lazyadam.h"
#include "ml/runtime.h"
#include "ml/trainablemodel.h"
#include "ml/trainconfig.h"
#include "ml/trainprogress.h"

#include <ATen/core/Generator.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace bankbench::ml::detail {

using Clock = std::chrono::steady_clock;

/// The config without the keys that may change between sessions of one run (threads, device, ...).
/// Defined in trainerparts.cpp (also declared in trainerloop.h).
nlohmann::json resumableConfig(nlohmann::json config);

/// Learning rate at `step` of a phase of `totalSteps`: linear warm-up over config.warmupFraction, then
/// constant or (config.linearDecay) linear decay to zero.
double scheduledLearningRate(const TrainConfig& config, std::int64_t step, std::int64_t totalSteps);

/// The device and CPU thread count a training run uses.
struct TrainingDevice {
    torch::Device device = torch::kCPU;
    int threads = 1;
};

/// Chooses the device and sets the thread count from `config`, and logs both with the BLAS in use
/// (`task`, when given, ends the line). Errors: no such device.
core::Result<TrainingDevice> setUpTrainingDevice(const TrainConfig& config, ProgressSink& sink,
                                                 const std::string& task = {});

/// Adds one batch's loss and time to the epoch and run totals of `state` and advances its step.
void countBatch(TrainerState& state, double loss, double seconds);

/// What the steps of this process add up to, beside the TrainerState that survives a resume: throughput
/// and ETA over the session, and the mean loss of the steps since the previous Training report.
struct StepTally {
    double reportLossSum = 0;
    std::int64_t reportSteps = 0;
    double sessionSeconds = 0;
    std::int64_t sessionExamples = 0;
    std::int64_t sessionSteps = 0;

    /// Counts one batch of `examples` here and in `state` (countBatch).
    void add(TrainerState& state, double loss, double seconds, std::int64_t examples);
    double examplesPerSecond() const;
};

/// Writes a checkpoint (state as after this batch) when config's step or time interval is due; restarts
/// `lastCheckpoint` when it is. `tensors` is called only then.
core::Status checkpointIfDue(const TrainConfig& config, const TrainerState& state,
                             Clock::time_point& lastCheckpoint, const std::string& modelDir,
                             const std::function<CheckpointTensors()>& tensors);

/// Moves `state` to the start of the next epoch.
void startNextEpoch(TrainerState& state);

/// Whether selection stops early after the epoch `state` just finished (config.earlyStoppingPatience);
/// logs why to `sink` when it does. `metric` names the selection score in that line.
bool earlyStopDue(const TrainConfig& config, const TrainerState& state, ProgressSink& sink,
                  const std::string& metric);

/// Counts an epoch's selection score: true when it beats the best so far (that epoch is then the best one
/// and the patience count restarts), else one more epoch without improvement.
bool recordSelectionScore(TrainerState& state, int epoch, double score);

/// Batch `index` (of `batchSize`) of the epoch's example order; the last one may be shorter.
std::vector<std::int64_t> batchAt(const std::vector<std::int64_t>& order, std::int64_t index,
                                  std::int64_t batchSize);

/// The parameters as named tensors (the same tensors, not copies), in their order.
NamedTensors namedWeights(const std::vector<TrainableModel::Parameter>& parameters);

/// Detached copies of `weights` (the best epoch's model).
NamedTensors cloneWeights(const NamedTensors& weights);

/// Makes `copies` hold the values of `weights`: into the tensors already there when their shapes match
/// (each better epoch then copies into the same memory instead of faulting in a new table), else as
/// cloneWeights() does.
void copyWeightsInto(const NamedTensors& weights, NamedTensors& copies);

/// For its lifetime (or until giveBack()), the parameters `weights` hold the storage of `lender` (copies
/// of them of the same shapes, such as the best epoch's) and `lender` holds theirs: an exchange of
/// storage, no data is copied. Parameters without a counterpart in `lender` keep their own.
class BorrowedWeights {
public:
    BorrowedWeights(NamedTensors weights, NamedTensors& lender);
    ~BorrowedWeights() { giveBack(); }
    BorrowedWeights(const BorrowedWeights&) = delete;
    BorrowedWeights& operator=(const BorrowedWeights&) = delete;
    void giveBack();

private:
    void exchange();

    NamedTensors m_weights;
    NamedTensors& m_lender;
    bool m_borrowed = false;
};

/// Moves the loss of the steps since the previous report into `progress` (the per-step curve: every step's
/// loss lands in exactly one report) and resets the sums; nothing when no step was done since.
void takeStepLoss(TrainProgress& progress, StepTally& tally);

/// This session's throughput, elapsed time and ETA (from progress.step to progress.totalSteps).
void fillSessionProgress(TrainProgress& progress, const StepTally& tally, Clock::time_point started,
                         Clock::time_point now);

/// The report fields that come from `state` alone: train loss of the epoch so far, last validation.
void fillStateProgress(TrainProgress& progress, const TrainerState& state);

/// Resumes from modelDir/checkpoint: checks that it was written with the same config (resumableConfig) and
/// split as `state`, then loads weights into `weights`, the optimizer, the generator and the best-epoch
/// copies into `best`, and takes its state (keeping state's config and split hash).
core::Status restoreCheckpoint(const std::string& modelDir, TrainerState& state, const NamedTensors& weights,
                               LazyAdam& optimizer, at::Generator& generator, NamedTensors& best);

/// Runs `train` after creating `modelDir`; LibTorch and other exceptions come back as errors.
template <class Train> core::Result<TrainResult> guardedTraining(const std::string& modelDir, Train&& train) {
    const ReturnFreedMemoryAtExit returnMemory; // after the training's own tensors are freed
    try {
        std::error_code ec;
        std::filesystem::create_directories(modelDir, ec);
        if (ec)
            return core::Error{
                core::ErrorCode::Io, "cannot create model folder: " + ec.message(), {modelDir, 0, 0}};
        return train();
    } catch (const c10::Error& e) {
        return core::Error{core::ErrorCode::Io,
                           std::string("training failed in LibTorch: ") + e.what_without_backtrace(),
                           {}};
    } catch (const std::exception& e) {
        return core::Error{core::ErrorCode::Io, std::string("training failed: ") + e.what(), {}};
    }
}

} // namespace bankbench::ml::detail
