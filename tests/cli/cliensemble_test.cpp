// `bankbench-cli ensemble`: two fast runs combined into an ensemble run that eval, predict and runs see like
// any other run; the JSON contract and the refusal of members with another split.

#include "clirunner.h"

#include <filesystem>

namespace bankbench::test {
namespace {

using CliEnsemble = CliTest;

/// "text,intent": one keyword of the intent among filler words (deterministic).
std::string keywordCsv(int perClass, std::uint64_t seed) {
    const std::vector<std::pair<std::string, std::vector<std::string>>> intents = {
        {"card_lost", {"lost my card", "card stolen", "挂失"}},
        {"balance", {"balance", "how much money", "余额"}},
        {"transfer", {"transfer", "send money", "转账"}},
    };
    const std::vector<std::string> filler = {"please", "help", "me", "today", "请", "帮我", "now"};
    std::uint64_t state = seed;
    auto below = [&state](std::size_t n) {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<std::size_t>((state >> 33) % n);
    };
    std::string csv = "text,intent\n";
    for (int i = 0; i < perClass; ++i)
        for (const auto& [intent, keywords] : intents)
            csv += filler[below(filler.size())] + " " + keywords[below(keywords.size())] + " " +
                   filler[below(filler.size())] + "," + intent + "\n";
    return csv;
}

void writeConfig(const std::string& path, int dim, int seed) {
    writeFile(path, nlohmann::json({{"epochs", 6},
                                    {"batch_size", 8},
                                    {"learning_rate", 0.1},
                                    {"seed", seed},
                                    {"validation_fraction", 0.25},
                                    {"early_stopping_patience", 0},
                                    {"threads", 1},
                                    {"fast", {{"dim", dim}, {"features", {{"bucket_bits", 12}}}}}})
                        .dump(2));
}

} // namespace

TEST_F(CliEnsemble, CombinesRunsIntoARunThatEvalAndPredictUse) {
    initProject();
    writeFile(path("train.csv"), keywordCsv(30, 1));
    writeFile(path("test.csv"), keywordCsv(8, 2));
    for (const char* name : {"train", "test"})
        ASSERT_EQ(run({"import", project(), path(std::string(name) + ".csv"), "--dataset", name, "--text-col",
                       "text", "--label-col", "intent"})
                      .exitCode,
                  0);
    writeConfig(path("a.json"), 16, 42);
    writeConfig(path("b.json"), 24, 42);
    writeConfig(path("other-seed.json"), 16, 5);
    using RunConfig = std::pair<std::string, std::string>;
    for (const auto& [runName, config] :
         {RunConfig{"a", "a.json"}, RunConfig{"b", "b.json"}, RunConfig{"c", "other-seed.json"}})
        ASSERT_EQ(run({"train", project(), "--dataset", "train", "--config", path(config), "--run", runName})
                      .exitCode,
                  0);

    const auto made = run({"ensemble", project(), "--runs", "a, b", "--name", "both", "--json"});
    ASSERT_EQ(made.exitCode, 0) << made.err;
    const auto e = made.json();
    ASSERT_FALSE(e.is_discarded()) << made.out;
    EXPECT_EQ(e["run"], "both");
    EXPECT_EQ(e["model"], "ensemble");
    EXPECT_EQ(e["dataset"], "train");
    EXPECT_EQ(e["labels"], 3);
    EXPECT_EQ(e["validation_examples"], 24);
    ASSERT_EQ(e["members"].size(), 2u);
    for (const auto& m : e["members"]) {
        for (const char* key : {"run", "temperature", "weight", "validation_accuracy",
                                "validation_nll_before", "validation_nll_after", "calibrated_on"})
            EXPECT_TRUE(m.contains(key)) << key;
        EXPECT_DOUBLE_EQ(m["weight"].get<double>(), 0.5);
        EXPECT_EQ(m["calibrated_on"], "selection");
    }
    EXPECT_GE(e["validation"]["accuracy"].get<double>(), 0.6); // chance is 1/3
    EXPECT_TRUE(e["validation"].contains("nll"));

    const auto evaluated = run({"eval", project(), "--run", "both", "--dataset", "test", "--json"});
    ASSERT_EQ(evaluated.exitCode, 0) << evaluated.err;
    EXPECT_GE(evaluated.json()["accuracy"].get<double>(), 0.6);
    EXPECT_EQ(evaluated.json()["samples"], 24);
    const auto predicted = run({"predict", project(), "--run", "both", "--json", "I lost my card"});
    ASSERT_EQ(predicted.exitCode, 0) << predicted.err;
    EXPECT_EQ(predicted.json()["predictions"][0]["labels"], nlohmann::json({"card_lost"}));
    const auto runs = run({"runs", project(), "--json"});
    ASSERT_EQ(runs.exitCode, 0);
    EXPECT_EQ(runs.json()["runs"][0]["name"], "both");
    EXPECT_EQ(runs.json()["runs"][0]["model"], "ensemble");

    // Text output names the members and how to use the ensemble.
    const auto text = run({"ensemble", project(), "--runs", "a,b", "--tune-weights"});
    ASSERT_EQ(text.exitCode, 0) << text.err;
    EXPECT_NE(text.out.find("ensemble-1"), std::string::npos) << text.out;
    EXPECT_NE(text.out.find("temperature"), std::string::npos) << text.out;

    // Another seed means another validation split: refused, naming the seeds.
    const auto refused = run({"ensemble", project(), "--runs", "a,c", "--json"});
    EXPECT_EQ(refused.exitCode, 2) << refused.out;
    EXPECT_NE(refused.err.find("seed 5"), std::string::npos) << refused.err;
    EXPECT_EQ(refused.json()["error"]["code"], "invalid_argument");
    const auto missing = run({"ensemble", project(), "--runs", "a,nope"});
    EXPECT_EQ(missing.exitCode, 3) << missing.err;
    const auto single = run({"ensemble", project(), "--runs", "a"});
    EXPECT_EQ(single.exitCode, 2) << single.err;
}

} // namespace bankbench::test
