#include "ml/loader/mlloader.h"

#include <dlfcn.h>

#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <optional>
#include <vector>

namespace bankbench::ml {

namespace {

constexpr const char* kModuleFile = "libbankbench_ml_module.so";

std::vector<std::filesystem::path> candidates() {
    std::vector<std::filesystem::path> paths;
    if (const char* forced = std::getenv("BANKBENCH_ML_MODULE"); forced && *forced)
        paths.emplace_back(forced);
    std::error_code ec;
    const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        paths.push_back(exe.parent_path() / kModuleFile);
        paths.push_back(exe.parent_path().parent_path() / "lib" / "bankbench" / kModuleFile);
    }
    return paths;
}

core::Result<MlModule*> load() {
    std::string tried;
    for (const auto& path : candidates()) {
        std::error_code ec;
        if (!std::filesystem::exists(path, ec)) {
            tried += "\n  " + path.string() + " (missing)";
            continue;
        }
        void* handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
        if (!handle) {
            tried += "\n  " + path.string() + " (" + dlerror() + ")";
            continue;
        }
        using Entry = MlModule* (*)(int);
        auto entry = reinterpret_cast<Entry>(dlsym(handle, "bankbench_ml_module"));
        MlModule* module = entry ? entry(kMlModuleAbiVersion) : nullptr;
        if (module)
            return module;
        tried += "\n  " + path.string() + " (not a matching Bankbench ML module)";
        dlclose(handle);
    }
    return core::Error{core::ErrorCode::NotFound,
                       std::string("cannot load the machine-learning module ") + kModuleFile + "; tried:" + tried, {}};
}

} // namespace

core::Result<MlModule*> loadMlModule() {
    static std::mutex mutex;
    static std::optional<core::Result<MlModule*>> loaded;
    std::lock_guard lock(mutex);
    if (!loaded)
        loaded.emplace(load());
    return *loaded;
}

} // namespace bankbench::ml
