// The entry point of libbankbench_ml_module.so: forwards the MlModule interface to bankbench_ml.
#include "ml/mlmodule.h"

namespace bankbench::ml {
namespace {

class TorchMlModule final : public MlModule {
public:
    RuntimeInfo runtimeInfo() override { return ml::runtimeInfo(); }
    int configureThreads(int requested) override { return ml::configureThreads(requested); }
    std::string describeRuntime(const RuntimeInfo& info) override { return ml::describeRuntime(info); }
};

} // namespace
} // namespace bankbench::ml

extern "C" __attribute__((visibility("default"))) bankbench::ml::MlModule* bankbench_ml_module(int abiVersion) {
    if (abiVersion != bankbench::ml::kMlModuleAbiVersion)
        return nullptr;
    static bankbench::ml::TorchMlModule module;
    return &module;
}
