#pragma once

// Deliberately free of torch headers: Qt code (Help -> About) includes this (TOOLCHAIN.md, trap 1).

#include <string>

namespace bankbench::ml {

/// What the numeric runtime is: which BLAS is loaded, how many threads, which device.
struct RuntimeInfo {
    /// TORCH_VERSION from the headers. Debian's libtorch 1.13.1 package still says "1.13.0" there (and in
    /// its library file names); nothing at run time reports the patch level.
    std::string torchVersion;
    std::string blasName;         ///< "OpenBLAS", "reference BLAS", "MKL", ... or "unknown"
    std::string blasLibraryPath;  ///< the shared object actually mapped into the process
    bool blasIsReference = false; ///< the slow netlib fallback (TOOLCHAIN.md: ~10x slower matmuls)
    std::string blasDetails;      ///< e.g. OpenBLAS's build config and CPU kernel; "" when not reported
    int blasThreads = -1;         ///< the BLAS's own thread pool size; -1 when it does not say
    int intraOpThreads = 1;
    int interOpThreads = 1;
    int usableCores = 1;       ///< cores this process may run on (affinity mask, cgroup quota)
    std::string ompWaitPolicy; ///< value of OMP_WAIT_POLICY at start-up ("" when unset)
    bool cudaAvailable = false;
    int cudaDeviceCount = 0;
    std::string deviceName; ///< "CPU" or the first CUDA device's name
};

/// Inspects the loaded libraries and torch's settings. Runs one tiny matmul so the BLAS is mapped.
/// Any thread; cheap after the first call (library and device facts are cached, thread counts are not).
RuntimeInfo runtimeInfo();

/// The number of cores available to the process: the sched_getaffinity mask, capped by a cgroup v2 CPU
/// quota when one is set (containers). At least 1.
int usableCoreCount();

/// Sets torch's intra-op thread count and, for OpenBLAS, the BLAS's own pool to the same size (OpenBLAS
/// otherwise uses every core whatever torch says). `requested` > 0 is taken as is, 0 (or less) picks
/// usableCoreCount(). Returns torch's count now in effect. torch's OpenMP setting is per thread until a
/// thread first runs parallel work: call this on the thread that trains, or before starting workers.
int configureThreads(int requested);

/// For training: keeps the memory of freed tensors in the process for the next step instead of returning it
/// to the kernel (glibc: tensors up to 256 MiB from the heap, up to 1 GiB of free heap kept). A training step
/// frees and reallocates the same few tensor sizes, and glibc's adaptive defaults returned their pages and
/// faulted them in again: 1.5 million page faults in one epoch of the 4-layer transformer, about 6% of its
/// time (BENCHMARKS.md). Process-wide and lasting; call returnFreedMemory() when a job ends.
void keepFreedMemoryForReuse();
/// Gives the free memory that keepFreedMemoryForReuse() kept back to the system (glibc malloc_trim).
void returnFreedMemory();
/// Calls returnFreedMemory() when the scope of a job ends, however it ends.
struct ReturnFreedMemoryAtExit {
    ReturnFreedMemoryAtExit() = default;
    ReturnFreedMemoryAtExit(const ReturnFreedMemoryAtExit&) = delete;
    ReturnFreedMemoryAtExit& operator=(const ReturnFreedMemoryAtExit&) = delete;
    ~ReturnFreedMemoryAtExit() { returnFreedMemory(); }
};

/// One human-readable line per fact, for logs and Help -> About.
std::string describeRuntime(const RuntimeInfo& info);

} // namespace bankbench::ml
