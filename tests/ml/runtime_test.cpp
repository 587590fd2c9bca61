#include "ml/runtime.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <thread>

namespace bankbench::ml {
namespace {

std::string lowercase(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

/// Restores the thread count a test changed, so test order does not matter.
class ThreadCountGuard {
public:
    ThreadCountGuard() : m_threads(runtimeInfo().intraOpThreads) {}
    ~ThreadCountGuard() { configureThreads(m_threads); }

private:
    int m_threads;
};

TEST(Runtime, BlasIsDetectedAndMappedIntoTheProcess) {
    const RuntimeInfo info = runtimeInfo();
    EXPECT_NE(info.blasName, "unknown");
    ASSERT_FALSE(info.blasLibraryPath.empty());
    EXPECT_TRUE(std::filesystem::exists(info.blasLibraryPath)) << info.blasLibraryPath;
    // The reported path is resolved, never Debian's alternatives symlink.
    EXPECT_FALSE(std::filesystem::is_symlink(info.blasLibraryPath)) << info.blasLibraryPath;
    if (info.blasName == "OpenBLAS") {
        EXPECT_NE(lowercase(info.blasLibraryPath).find("openblas"), std::string::npos);
        EXPECT_NE(info.blasDetails.find("OpenBLAS"), std::string::npos) << info.blasDetails;
        EXPECT_GT(info.blasThreads, 0);
    }
    EXPECT_EQ(info.blasIsReference, info.blasName == "reference BLAS");
}

// The set-up installs OpenBLAS; the reference BLAS would make every model ~10x slower (TOOLCHAIN.md).
TEST(Runtime, SetupProvidesAnOptimisedBlas) {
    const RuntimeInfo info = runtimeInfo();
    EXPECT_FALSE(info.blasIsReference) << info.blasLibraryPath;
}

TEST(Runtime, ConfigureThreadsRoundTrips) {
    ThreadCountGuard guard;
    EXPECT_EQ(configureThreads(2), 2);
    RuntimeInfo info = runtimeInfo();
    EXPECT_EQ(info.intraOpThreads, 2);
    if (info.blasName == "OpenBLAS")
        EXPECT_EQ(info.blasThreads, 2);

    EXPECT_EQ(configureThreads(1), 1);
    info = runtimeInfo();
    EXPECT_EQ(info.intraOpThreads, 1);
    if (info.blasName == "OpenBLAS")
        EXPECT_EQ(info.blasThreads, 1);
}

TEST(Runtime, ConfigureThreadsZeroPicksUsableCores) {
    ThreadCountGuard guard;
    const int cores = usableCoreCount();
    EXPECT_GE(cores, 1);
    const unsigned hardware = std::thread::hardware_concurrency();
    if (hardware > 0)
        EXPECT_LE(cores, static_cast<int>(hardware));
    EXPECT_EQ(configureThreads(0), cores);
    EXPECT_EQ(runtimeInfo().intraOpThreads, cores);
    EXPECT_EQ(configureThreads(-3), cores);
}

TEST(Runtime, ReportsWaitPolicyAndDevice) {
    const RuntimeInfo info = runtimeInfo();
    const char* policy = std::getenv("OMP_WAIT_POLICY");
    EXPECT_EQ(info.ompWaitPolicy, policy != nullptr ? policy : "");
    EXPECT_FALSE(info.torchVersion.empty());
    EXPECT_TRUE(info.torchVersion.rfind("1.", 0) == 0 || info.torchVersion.rfind("2.", 0) == 0)
        << info.torchVersion;
    EXPECT_GE(info.interOpThreads, 1);
    if (info.cudaAvailable) {
        EXPECT_GT(info.cudaDeviceCount, 0);
    } else {
        EXPECT_EQ(info.cudaDeviceCount, 0);
        EXPECT_EQ(info.deviceName, "CPU");
    }
}

TEST(Runtime, DescribeRuntimeNamesBlasThreadsAndDevice) {
    const RuntimeInfo info = runtimeInfo();
    const std::string text = describeRuntime(info);
    EXPECT_NE(text.find("BLAS: " + info.blasName), std::string::npos) << text;
    EXPECT_NE(text.find(info.blasLibraryPath), std::string::npos) << text;
    EXPECT_NE(text.find(std::to_string(info.intraOpThreads) + " intra-op"), std::string::npos) << text;
    EXPECT_NE(text.find("LibTorch: " + info.torchVersion), std::string::npos) << text;
    EXPECT_NE(text.find("Device: " + info.deviceName), std::string::npos) << text;
}

TEST(Runtime, DescribeRuntimeWarnsAboutTheReferenceBlas) {
    RuntimeInfo info;
    info.torchVersion = "1.13.0";
    info.blasName = "reference BLAS";
    info.blasIsReference = true;
    info.blasLibraryPath = "/usr/lib/x86_64-linux-gnu/blas/libblas.so.3.11.0";
    info.deviceName = "CPU";
    const std::string text = describeRuntime(info);
    EXPECT_NE(text.find("libopenblas0-pthread"), std::string::npos) << text;
    EXPECT_NE(text.find("OMP_WAIT_POLICY: unset"), std::string::npos) << text;
}

} // namespace
} // namespace bankbench::ml
