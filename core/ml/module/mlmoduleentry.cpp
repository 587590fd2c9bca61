// The entry point of libbankbench_ml_module.so: forwards the MlModule interface to bankbench_ml.
#include "ml/mlmodule.h"

#include "ml/hfcheckpointexport.h"

namespace bankbench::ml {
namespace {

class TorchMlModule final : public MlModule {
public:
    RuntimeInfo runtimeInfo() override { return ml::runtimeInfo(); }
    int configureThreads(int requested) override { return ml::configureThreads(requested); }
    std::string describeRuntime(const RuntimeInfo& info) override { return ml::describeRuntime(info); }
    core::Result<TrainJobSummary> train(const TrainJobRequest& request, ProgressSink& sink,
                                        const core::CancelToken& cancel) override {
        return runTrainJob(request, sink, cancel);
    }
    core::Result<nlohmann::json> evaluate(const EvalJobRequest& request,
                                          const core::CancelToken* cancel) override {
        return runEvalJob(request, cancel);
    }
    core::Result<std::vector<Prediction>> predict(const PredictJobRequest& request) override {
        return runPredictJob(request);
    }
    core::Result<std::unique_ptr<LoadedModel>> loadRunModel(const std::string& projectPath,
                                                            const std::string& runName,
                                                            DevicePreference device) override {
        return ml::loadRunModel(projectPath, runName, device);
    }
    core::Result<PretrainResult> pretrain(const PretrainJobRequest& request, ProgressSink& sink,
                                          const core::CancelToken& cancel) override {
        return runPretrainJob(request, sink, cancel);
    }
    core::Result<std::vector<std::string>> exportModel(const std::string& projectPath, const std::string& runName,
                                                       const std::string& outDir) override {
        return exportRunModel(projectPath, runName, outDir);
    }
    core::Result<EnsembleSummary> createEnsemble(const EnsembleRequest& request,
                                                 const core::CancelToken* cancel) override {
        return ml::createEnsemble(request, cancel);
    }
    core::Result<std::unique_ptr<SpanModel>> loadSpanModel(const std::string& projectPath, const std::string& runName,
                                                           DevicePreference device) override {
        return loadSpanRunModel(projectPath, runName, device);
    }
};

} // namespace
} // namespace bankbench::ml

extern "C" __attribute__((visibility("default"))) bankbench::ml::MlModule*
bankbench_ml_module(int abiVersion) {
    if (abiVersion != bankbench::ml::kMlModuleAbiVersion)
        return nullptr;
    static bankbench::ml::TorchMlModule module;
    return &module;
}
