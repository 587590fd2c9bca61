#pragma once

// Torch-free: what a training job reports while it runs and when it ends.

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace bankbench::ml {

struct EpochMetrics;

/// A snapshot of a running job. Emitted at most ~10 times a second during steps, and once at each epoch
/// end with the validation numbers filled in.
struct TrainProgress {
    enum class Phase { Preparing, Training, EpochFinished, Finished };
    Phase phase = Phase::Preparing;
    int epoch = 0; ///< 1-based epoch in progress (or just finished)
    int epochs = 0;
    std::int64_t step = 0;       ///< optimizer steps done in the whole run
    std::int64_t totalSteps = 0; ///< where the current phase ends (selection: if it never stops early)
    double trainLoss = 0;        ///< mean loss over this epoch's batches so far
    /// Mean loss of the steps since the previous report (`stepLossSteps` of them; 0 when none): the
    /// per-step training curve. Each step is counted in exactly one report, so throttling thins the curve
    /// without hiding any step's loss.
    double stepLoss = 0;
    std::int64_t stepLossSteps = 0;
    std::optional<double> validationLoss;
    std::optional<double> validationAccuracy;
    std::optional<double> validationMacroF1;
    double learningRate = 0;
    double examplesPerSecond = 0; ///< training examples per second of training time (this session)
    double elapsedSeconds = 0;
    double etaSeconds = -1; ///< -1 while unknown
    std::string message;    ///< for Preparing: what is being prepared
    bool refit = false;     ///< the final pass on all labelled examples (TrainConfig::refit)
};

/// Receives progress and log lines from a job, on the job's thread. Implementations forward to the GUI
/// thread (queued signal) or print; they must return quickly and must not throw.
class ProgressSink {
public:
    virtual ~ProgressSink() = default;
    virtual void progress(const TrainProgress& progress) = 0;
    /// One line of log (thread count and BLAS, device, checkpoint written, ...).
    virtual void log(const std::string& line) = 0;
    /// After each epoch's validation (a job stores these with its run).
    virtual void epochFinished(const EpochMetrics& /*metrics*/) {}
    /// Shortest time between two Training updates (epoch ends and the end always come). 0 = every step.
    virtual std::chrono::milliseconds progressInterval() const { return std::chrono::milliseconds(100); }
};

/// A sink that drops everything, for callers that do not watch.
class NullProgressSink final : public ProgressSink {
public:
    void progress(const TrainProgress&) override {}
    void log(const std::string&) override {}
};

/// The numbers of one finished epoch; the run keeps one per epoch.
struct EpochMetrics {
    int epoch = 0;
    std::int64_t step = 0;
    double trainLoss = 0;
    double validationLoss = 0;
    double validationAccuracy = 0; ///< multi-label: subset accuracy
    double validationMacroF1 = 0;
    double validationMicroF1 = 0;
    double learningRate = 0; ///< at the epoch's last step
    double seconds = 0;      ///< training time of the epoch (validation excluded)
    double examplesPerSecond = 0;
};

nlohmann::json toJson(const EpochMetrics& metrics);
EpochMetrics epochMetricsFromJson(const nlohmann::json& json);

enum class TrainOutcome { Finished, Cancelled };

/// What `train()` hands back. The best epoch's weights are in the model folder.
struct TrainResult {
    TrainOutcome outcome = TrainOutcome::Finished;
    std::vector<EpochMetrics> history;
    int bestEpoch = 0; ///< 0 when no epoch finished
    double bestValidationMacroF1 = 0;
    bool stoppedEarly = false;
    std::int64_t steps = 0;
    double trainSeconds = 0;      ///< pure training time over all sessions (resumes add up)
    double examplesPerSecond = 0; ///< over this session's training steps
    int threads = 1;
    std::string device;              ///< "cpu" or "cuda:0"
    bool resumed = false;            ///< continued from a checkpoint
    int refitEpochs = 0;             ///< epochs of the final pass on all examples (0: no refit)
    std::int64_t refitExamples = 0;  ///< examples in that pass
    nlohmann::json validationReport; ///< best model on the validation split (metrics JSON)
};

} // namespace bankbench::ml
