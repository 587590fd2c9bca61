#include "ml/runtime.h"

// The one translation unit of the runtime check that includes torch (each costs ~20 s to compile).
#include <ATen/Parallel.h>
#include <torch/torch.h>
#if defined(BANKBENCH_TORCH_CUDA)
#include <ATen/cuda/CUDAContext.h>
#endif

#include <dlfcn.h>
#include <link.h>
#include <malloc.h>
#include <sched.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <climits>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <mutex>
#include <optional>
#include <sstream>
#include <thread>

namespace bankbench::ml {
namespace {

struct BlasIdentity {
    std::string name;
    std::string path;
    bool reference = false;
};

std::string resolvedPath(const char* path) {
    char buffer[PATH_MAX];
    if (path != nullptr && ::realpath(path, buffer) != nullptr)
        return buffer;
    return path != nullptr ? path : "";
}

std::string lowercase(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

// Debian's libblas.so.3 is an alternatives symlink to either OpenBLAS (openblas-pthread/libblas.so.3) or the
// netlib reference (blas/libblas.so.3): the name alone does not tell them apart, the resolved path does.
std::optional<BlasIdentity> classifyBlas(const std::string& realPath) {
    const std::string path = lowercase(realPath);
    const std::string base = path.substr(path.rfind('/') + 1);
    if (path.find("openblas") != std::string::npos)
        return BlasIdentity{"OpenBLAS", realPath, false};
    if (path.find("mkl") != std::string::npos)
        return BlasIdentity{"MKL", realPath, false};
    if (path.find("blis") != std::string::npos)
        return BlasIdentity{"BLIS", realPath, false};
    if (path.find("atlas") != std::string::npos)
        return BlasIdentity{"ATLAS", realPath, false};
    if (base.starts_with("libblas.so") || base.starts_with("libcblas.so"))
        return BlasIdentity{"reference BLAS", realPath, true};
    return std::nullopt;
}

// The object that answers a global lookup of sgemm_ is the one torch's float matmuls call.
std::optional<BlasIdentity> blasProvidingSgemm() {
    void* symbol = ::dlsym(RTLD_DEFAULT, "sgemm_");
    Dl_info info{};
    if (symbol == nullptr || ::dladdr(symbol, &info) == 0 || info.dli_fname == nullptr)
        return std::nullopt;
    const std::string path = resolvedPath(info.dli_fname);
    if (auto blas = classifyBlas(path))
        return blas;
    // A LibTorch with MKL linked in statically (the official builds) exports sgemm_ itself.
    if (at::hasMKL())
        return BlasIdentity{"MKL", path, false};
    return std::nullopt;
}

// Fallback when sgemm_ is not globally visible: the first BLAS-like object in load order.
std::optional<BlasIdentity> firstLoadedBlas() {
    std::optional<BlasIdentity> found;
    ::dl_iterate_phdr(
        [](dl_phdr_info* info, size_t, void* data) -> int {
            auto* result = static_cast<std::optional<BlasIdentity>*>(data);
            if (info->dlpi_name == nullptr || info->dlpi_name[0] == '\0')
                return 0;
            *result = classifyBlas(resolvedPath(info->dlpi_name));
            return result->has_value() ? 1 : 0;
        },
        &found);
    return found;
}

// OpenBLAS's C API, looked up in the library actually loaded (its libblas.so.3 wrapper finds it in its
// libopenblas.so.0 dependency). Absent in other BLAS implementations.
template <typename Function> Function openBlasFunction(const std::string& libraryPath, const char* name) {
    void* handle = ::dlopen(libraryPath.c_str(), RTLD_LAZY | RTLD_NOLOAD);
    void* symbol = handle != nullptr ? ::dlsym(handle, name) : ::dlsym(RTLD_DEFAULT, name);
    if (handle != nullptr)
        ::dlclose(handle); // RTLD_NOLOAD only added a reference; the library stays mapped
    return reinterpret_cast<Function>(symbol);
}

std::string trimmed(std::string text) {
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())))
        text.pop_back();
    return text;
}

struct StaticFacts {
    std::string torchVersion;
    BlasIdentity blas{"unknown", "", false};
    std::string blasDetails;
    std::string ompWaitPolicy;
    bool cudaAvailable = false;
    int cudaDeviceCount = 0;
    std::string deviceName = "CPU";
};

StaticFacts collectStaticFacts() {
    StaticFacts facts;
    facts.torchVersion = TORCH_VERSION;
    if (const char* policy = std::getenv("OMP_WAIT_POLICY"))
        facts.ompWaitPolicy = policy;

    {
        // A BLAS that is loaded lazily (dlopen on first use) is only visible after a real matmul.
        torch::NoGradGuard noGrad;
        const auto a = torch::ones({4, 4});
        (void)torch::mm(a, a).sum().item<float>();
    }
    if (auto blas = blasProvidingSgemm())
        facts.blas = *blas;
    else if (auto loaded = firstLoadedBlas())
        facts.blas = *loaded;

    if (facts.blas.name == "OpenBLAS") {
        using TextFunction = const char* (*)();
        std::string details;
        if (auto config = openBlasFunction<TextFunction>(facts.blas.path, "openblas_get_config"))
            details = trimmed(config());
        if (auto core = openBlasFunction<TextFunction>(facts.blas.path, "openblas_get_corename"))
            details += (details.empty() ? "" : ", kernel ") + trimmed(core());
        facts.blasDetails = details;
    }

    facts.cudaAvailable = torch::cuda::is_available();
    facts.cudaDeviceCount = facts.cudaAvailable ? static_cast<int>(torch::cuda::device_count()) : 0;
#if defined(BANKBENCH_TORCH_CUDA)
    if (facts.cudaDeviceCount > 0)
        facts.deviceName = at::cuda::getDeviceProperties(0)->name;
#endif
    return facts;
}

const StaticFacts& staticFacts() {
    static std::once_flag once;
    static StaticFacts facts;
    std::call_once(once, [] {
        try {
            facts = collectStaticFacts();
        } catch (const std::exception& error) {
            // A broken runtime is worth reporting, not worth crashing Help -> About over.
            facts.torchVersion = TORCH_VERSION;
            facts.blasDetails = std::string("runtime check failed: ") + error.what();
        }
    });
    return facts;
}

int affinityCoreCount() {
    for (int cpus = CPU_SETSIZE; cpus <= (1 << 16); cpus *= 2) {
        cpu_set_t* set = CPU_ALLOC(cpus);
        const size_t size = CPU_ALLOC_SIZE(cpus);
        CPU_ZERO_S(size, set);
        const int rc = ::sched_getaffinity(0, size, set);
        const int count = rc == 0 ? CPU_COUNT_S(size, set) : 0;
        CPU_FREE(set);
        if (rc == 0)
            return count;
        if (errno != EINVAL) // EINVAL: the kernel's mask is larger than ours
            break;
    }
    return static_cast<int>(std::thread::hardware_concurrency());
}

// cgroup v2 `cpu.max` holds "QUOTA PERIOD" or "max PERIOD". Containers often limit CPU this way while the
// affinity mask still shows every host core.
std::optional<int> cgroupCoreLimit() {
    std::ifstream in("/sys/fs/cgroup/cpu.max");
    std::string quota;
    long long period = 0;
    if (!(in >> quota >> period) || quota == "max" || period <= 0)
        return std::nullopt;
    const long long microseconds = std::atoll(quota.c_str());
    if (microseconds <= 0)
        return std::nullopt;
    return static_cast<int>(std::ceil(static_cast<double>(microseconds) / static_cast<double>(period)));
}

} // namespace

int usableCoreCount() {
    int cores = affinityCoreCount();
    if (auto limit = cgroupCoreLimit())
        cores = std::min(cores, *limit);
    return std::max(cores, 1);
}

RuntimeInfo runtimeInfo() {
    const StaticFacts& facts = staticFacts();
    RuntimeInfo info;
    info.torchVersion = facts.torchVersion;
    info.blasName = facts.blas.name;
    info.blasLibraryPath = facts.blas.path;
    info.blasIsReference = facts.blas.reference;
    info.blasDetails = facts.blasDetails;
    if (info.blasName == "OpenBLAS") {
        if (auto threads = openBlasFunction<int (*)()>(info.blasLibraryPath, "openblas_get_num_threads"))
            info.blasThreads = threads();
    }
    info.intraOpThreads = at::get_num_threads();
    info.interOpThreads = at::get_num_interop_threads();
    info.usableCores = usableCoreCount();
    info.ompWaitPolicy = facts.ompWaitPolicy;
    info.cudaAvailable = facts.cudaAvailable;
    info.cudaDeviceCount = facts.cudaDeviceCount;
    info.deviceName = facts.deviceName;
    return info;
}

int configureThreads(int requested) {
    const int threads = requested > 0 ? requested : usableCoreCount();
    at::set_num_threads(threads);
    const StaticFacts& facts = staticFacts();
    if (facts.blas.name == "OpenBLAS") {
        if (auto setThreads = openBlasFunction<void (*)(int)>(facts.blas.path, "openblas_set_num_threads"))
            setThreads(threads);
    }
    return at::get_num_threads();
}

void keepFreedMemoryForReuse() {
#if defined(__GLIBC__)
    mallopt(M_MMAP_THRESHOLD, 256 << 20);
    mallopt(M_TRIM_THRESHOLD, 1 << 30);
#endif
}

void returnFreedMemory() {
#if defined(__GLIBC__)
    malloc_trim(0);
#endif
}

std::string describeRuntime(const RuntimeInfo& info) {
    std::ostringstream out;
    out << "LibTorch: " << info.torchVersion << '\n';
    out << "BLAS: " << info.blasName;
    if (info.blasIsReference)
        out << " (slow reference implementation: install libopenblas0-pthread)";
    out << '\n';
    if (!info.blasLibraryPath.empty())
        out << "BLAS library: " << info.blasLibraryPath << '\n';
    if (!info.blasDetails.empty())
        out << "BLAS build: " << info.blasDetails << '\n';
    out << "Threads: " << info.intraOpThreads << " intra-op, " << info.interOpThreads << " inter-op";
    if (info.blasThreads > 0)
        out << ", " << info.blasThreads << " BLAS";
    out << " (" << info.usableCores << " usable cores)\n";
    out << "OMP_WAIT_POLICY: " << (info.ompWaitPolicy.empty() ? "unset" : info.ompWaitPolicy) << '\n';
    out << "Device: " << info.deviceName;
    if (info.cudaAvailable)
        out << " (CUDA, " << info.cudaDeviceCount << (info.cudaDeviceCount == 1 ? " device)" : " devices)");
    else
        out << " (no CUDA device)";
    out << '\n';
    return out.str();
}

} // namespace bankbench::ml
