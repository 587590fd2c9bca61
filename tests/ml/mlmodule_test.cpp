#include "ml/loader/mlloader.h"
#include "ml/runtime.h"

#include <gtest/gtest.h>

#include <cstdlib>

using namespace bankbench;

TEST(MlModule, LoadsFromTheBuildTreeAndReportsTheSameRuntime) {
    ::setenv("BANKBENCH_ML_MODULE", BANKBENCH_ML_MODULE_PATH, 1);
    auto module = ml::loadMlModule();
    ASSERT_TRUE(module.ok()) << module.error().what();
    const auto viaModule = (*module)->runtimeInfo();
    const auto direct = ml::runtimeInfo();
    EXPECT_EQ(viaModule.blasName, direct.blasName);
    EXPECT_EQ(viaModule.blasLibraryPath, direct.blasLibraryPath);
    EXPECT_EQ(viaModule.torchVersion, direct.torchVersion);
    EXPECT_NE((*module)->describeRuntime(viaModule).find(viaModule.blasName), std::string::npos);
    EXPECT_EQ((*module)->configureThreads(1), 1);
    // Loaded once: the second call hands back the same module.
    EXPECT_EQ(ml::loadMlModule().value(), *module);
}
