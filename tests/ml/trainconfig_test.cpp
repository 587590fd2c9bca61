#include "ml/trainconfig.h"
#include "support/testsupport.h"

#include <gtest/gtest.h>

using namespace bankbench;
using bankbench::test::TempDir;

TEST(TrainConfig, EveryFieldRoundTripsThroughJson) {
    ml::TrainConfig config;
    config.epochs = 7;
    config.learningRate = 0.125;
    config.labelSmoothing = 0.1;
    config.classWeighting = ml::ClassWeighting::Balanced;
    config.device = ml::DevicePreference::Cpu;
    config.seed = 123456789012345ULL;
    config.fast.dim = 48;
    config.fast.features.bucketBits = 16;
    config.fast.features.charMaxN = 5;
    const auto json = ml::toJson(config);
    auto back = ml::trainConfigFromJson(json);
    ASSERT_TRUE(back.ok()) << back.error().what();
    EXPECT_EQ(ml::toJson(*back), json);
    EXPECT_EQ(json["class_weights"], "balanced");
    EXPECT_EQ(json["fast"]["features"]["bucket_bits"], 16);
}

TEST(TrainConfig, PartialJsonKeepsTheBaseValues) {
    ml::TrainConfig base;
    base.epochs = 3;
    base.fast.features.bucketBits = 12;
    auto config =
        ml::trainConfigFromJson({{"batch_size", 8}, {"fast", {{"features", {{"char_max_n", 3}}}}}}, base);
    ASSERT_TRUE(config.ok()) << config.error().what();
    EXPECT_EQ(config->epochs, 3);
    EXPECT_EQ(config->batchSize, 8);
    EXPECT_EQ(config->fast.features.bucketBits, 12);
    EXPECT_EQ(config->fast.features.charMaxN, 3);
}

TEST(TrainConfig, BadKeysTypesAndRangesNameTheKey) {
    struct Case {
        nlohmann::json json;
        const char* expected;
    };
    const std::vector<Case> cases = {
        {{{"epoch", 3}}, "unknown config key \"epoch\""},
        {{{"epochs", "3"}}, "config key \"epochs\": expected an integer"},
        {{{"learning_rate", -1}}, "learning_rate must be"},
        {{{"device", "tpu"}}, "expected one of \"auto\", \"cpu\", \"cuda\""},
        {{{"fast", {{"dims", 3}}}}, "unknown config key \"fast.dims\""},
        {{{"fast", {{"features", {{"bucketBits", 18}}}}}}, "unknown key \"bucketBits\" in features"},
        {{{"fast", {{"features", {{"bucket_bits", 40}}}}}}, "bucket_bits"},
        {{{"dropout", 1.0}}, "dropout must be in [0, 1)"},
        {{{"seed", -1}}, "non-negative"},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.json.dump());
        auto config = ml::trainConfigFromJson(c.json, {}, "cfg.json");
        ASSERT_FALSE(config.ok());
        EXPECT_EQ(config.error().code, core::ErrorCode::InvalidArgument);
        EXPECT_EQ(config.error().where.file, "cfg.json");
        EXPECT_NE(config.error().message.find(c.expected), std::string::npos) << config.error().message;
    }
}

TEST(TrainConfig, FileSyntaxErrorGivesLineAndColumn) {
    TempDir dir;
    test::writeFile(dir.file("c.json"), "{\n  \"epochs\": 3,\n  \"seed\": ,\n}\n");
    auto config = ml::loadTrainConfig(dir.file("c.json"));
    ASSERT_FALSE(config.ok());
    EXPECT_EQ(config.error().code, core::ErrorCode::Parse);
    EXPECT_EQ(config.error().where.line, 3);
    EXPECT_EQ(config.error().where.column, 11);
    EXPECT_EQ(ml::loadTrainConfig(dir.file("missing.json")).error().code, core::ErrorCode::NotFound);
}

TEST(TrainConfig, AugmentationKeysRoundTripAndAreChecked) {
    auto config = ml::trainConfigFromJson(
        {{"augment_delete", 0.1},
         {"augment_swap", 0.05},
         {"augment_synonym", 0.3},
         {"synonyms", nlohmann::json::array({nlohmann::json::array({"top up", "recharge"}),
                                             nlohmann::json::array({"借记卡", "银行卡"})})}});
    ASSERT_TRUE(config.ok()) << config.error().what();
    EXPECT_DOUBLE_EQ(config->augment.deleteProbability, 0.1);
    EXPECT_EQ(config->augment.synonyms.size(), 2u);
    auto back = ml::trainConfigFromJson(ml::toJson(*config));
    ASSERT_TRUE(back.ok());
    EXPECT_EQ(ml::toJson(*back), ml::toJson(*config));
    EXPECT_FALSE(ml::TrainConfig{}.augment.enabled()); // off by default

    const std::vector<std::pair<nlohmann::json, const char*>> bad = {
        {{{"augment_delete", 0.8}}, "augment_delete must be between 0 and 0.5"},
        {{{"augment_synonym", 0.5}}, "needs a synonym list"},
        {{{"synonyms", nlohmann::json::array({nlohmann::json::array({"lonely"})})}}, "two or more strings"},
        {{{"model", "transformer"}, {"task", "tokens"}, {"refit", false}, {"augment_swap", 0.1}},
         "classify\" only"},
    };
    for (const auto& [json, expected] : bad) {
        SCOPED_TRACE(json.dump());
        auto failed = ml::trainConfigFromJson(json, {}, "cfg.json");
        ASSERT_FALSE(failed.ok());
        EXPECT_NE(failed.error().message.find(expected), std::string::npos) << failed.error().message;
    }
}
