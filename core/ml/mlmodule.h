#pragma once

// Torch-free: programs that load LibTorch only when they need it include this and mlloader.h.

#include "ml/ensemble.h"
#include "ml/pretrain.h"
#include "ml/runmodel.h"
#include "ml/runtime.h"
#include "ml/spanmodel.h"
#include "ml/trainjob.h"

namespace bankbench::ml {

/// bankbench_ml behind an interface, built as a loadable module (libbankbench_ml_module.so) so that
/// bankbench-cli's data commands start without mapping LibTorch's ~290 libraries (0.4 s, 130 MB).
/// Thread-safe as the functions it forwards to; owned by the module, valid until process exit.
class MlModule {
public:
    virtual ~MlModule() = default;
    virtual RuntimeInfo runtimeInfo() = 0;
    virtual int configureThreads(int requested) = 0;
    virtual std::string describeRuntime(const RuntimeInfo& info) = 0;

    /// The jobs of trainjob.h, run on the calling thread (see there for cancellation and errors).
    virtual core::Result<TrainJobSummary> train(const TrainJobRequest& request, ProgressSink& sink,
                                                const core::CancelToken& cancel) = 0;
    virtual core::Result<nlohmann::json> evaluate(const EvalJobRequest& request,
                                                  const core::CancelToken* cancel) = 0;
    virtual core::Result<std::vector<Prediction>> predict(const PredictJobRequest& request) = 0;
    /// runmodel.h: a run's model held for repeated predictions (chat, serve).
    virtual core::Result<std::unique_ptr<LoadedModel>> loadRunModel(const std::string& projectPath,
                                                                    const std::string& runName,
                                                                    DevicePreference device) = 0;
    /// pretrain.h: masked-language-model pretraining of the BERT encoder on the calling thread.
    virtual core::Result<PretrainResult> pretrain(const PretrainJobRequest& request, ProgressSink& sink,
                                                  const core::CancelToken& cancel) = 0;
    /// hfcheckpointexport.h: a transformer run in the Hugging Face layout; returns the files written.
    virtual core::Result<std::vector<std::string>> exportModel(const std::string& projectPath,
                                                               const std::string& runName,
                                                               const std::string& outDir) = 0;
    /// ensemble.h: an ensemble run of finished runs, calibrated on their shared validation split.
    virtual core::Result<EnsembleSummary> createEnsemble(const EnsembleRequest& request,
                                                         const core::CancelToken* cancel) = 0;
    /// spanmodel.h: a token-classification (slot span) run's model held for repeated predictions (predict,
    /// chat). Training and evaluation of token runs go through train() and evaluate() (tokenjob.h).
    virtual core::Result<std::unique_ptr<SpanModel>> loadSpanModel(const std::string& projectPath,
                                                                   const std::string& runName,
                                                                   DevicePreference device) = 0;
};

/// Bumped whenever MlModule changes, so a stale module next to a newer executable is refused.
inline constexpr int kMlModuleAbiVersion = 4;

} // namespace bankbench::ml

/// The module's one exported symbol: returns the module when `abiVersion` matches, else nullptr.
extern "C" bankbench::ml::MlModule* bankbench_ml_module(int abiVersion);
