// bankbench-cli on real public data from ../shared/data (CTest label `data`; skipped when absent).

#include "clirunner.h"

namespace bankbench::test {
namespace {

using CliSharedData = CliTest;

TEST_F(CliSharedData, Banking77TrainImportsEveryRowWith77Labels) {
    const auto data = sharedDataDir();
    if (data.empty() || !std::filesystem::is_regular_file(data / "banking77" / "train.csv"))
        GTEST_SKIP() << "../shared/data/banking77/train.csv not found beside the clone";
    initProject();
    const auto file = (data / "banking77" / "train.csv").string();
    const auto result = run({"import", project(), file, "--dataset", "banking77-train", "--text-col", "text",
                             "--label-col", "category", "--json"});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    const auto json = result.json();
    // SOURCE.md: 10,003 rows, 77 intents, every row labelled, plain UTF-8.
    EXPECT_EQ(json["rows_imported"], 10003);
    EXPECT_EQ(json["rows_skipped"], 0);
    EXPECT_EQ(json["labelled"], 10003);
    EXPECT_TRUE(json["warnings"].empty()) << json["warnings"].dump();

    const auto listing = info();
    ASSERT_EQ(listing["datasets"].size(), 1u);
    const auto& dataset = listing["datasets"][0];
    EXPECT_EQ(dataset["rows"], 10003);
    EXPECT_EQ(dataset["labelled"], 10003);
    ASSERT_EQ(dataset["labels"].size(), 77u);
    std::int64_t total = 0;
    for (const auto& label : dataset["labels"])
        total += label["count"].get<std::int64_t>();
    EXPECT_EQ(total, 10003);
}

} // namespace
} // namespace bankbench::test
