// The transformer through bankbench-cli: train --model transformer, pretrain, train --init-from the
// pretrained encoder, train --pretrain, export-model, and the usage errors of those options.

#include "clirunner.h"

#include <filesystem>

namespace bankbench::test {
namespace {

using CliTransformer = CliTest;

/// CSV "text,intent": a keyword of the intent among filler words (seeded, so every run sees one file).
std::string keywordCsv(int perClass) {
    const std::vector<std::pair<std::string, std::vector<std::string>>> intents = {
        {"card_lost", {"lost my card", "card stolen", "挂失"}},
        {"balance", {"balance", "how much money", "余额"}},
        {"transfer", {"transfer", "send money", "转账"}},
    };
    const std::vector<std::string> filler = {"please", "help", "me", "today", "need", "the", "请", "now"};
    std::uint64_t state = 7;
    const auto below = [&](std::size_t n) {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<std::size_t>((state >> 33) % n);
    };
    std::string csv = "text,intent\n";
    for (int i = 0; i < perClass; ++i)
        for (const auto& [label, keywords] : intents)
            csv += filler[below(filler.size())] + " " + keywords[below(keywords.size())] + " " +
                   filler[below(filler.size())] + "," + label + "\n";
    return csv;
}

void writeTinyConfig(const std::string& path, int epochs) {
    writeFile(path, nlohmann::json({{"model", "transformer"},
                                    {"epochs", epochs},
                                    {"batch_size", 8},
                                    {"learning_rate", 0.001},
                                    {"validation_fraction", 0.25},
                                    {"early_stopping_patience", 0},
                                    {"threads", 1},
                                    {"transformer",
                                     {{"layers", 1},
                                      {"hidden", 32},
                                      {"heads", 2},
                                      {"ffn", 64},
                                      {"max_length", 16},
                                      {"vocab_size", 100}}}})
                        .dump(2));
}

} // namespace

TEST_F(CliTransformer, TrainsPretrainsFineTunesAndExports) {
    initProject();
    writeFile(path("train.csv"), keywordCsv(60));
    ASSERT_EQ(run({"import", project(), path("train.csv"), "--dataset", "train", "--text-col", "text",
                   "--label-col", "intent"})
                  .exitCode,
              0);
    writeTinyConfig(path("cfg.json"), 30);

    const auto trained = run(
        {"train", project(), "--dataset", "train", "--config", path("cfg.json"), "--run", "bert", "--json"});
    ASSERT_EQ(trained.exitCode, 0) << trained.err;
    const auto t = trained.json();
    EXPECT_EQ(t["model"], "transformer");
    EXPECT_EQ(t["status"], "finished");
    EXPECT_GE(t["validation"]["accuracy"].get<double>(), 0.85);
    EXPECT_TRUE(std::filesystem::exists(path("test.bbproj.runs/bert/vocab.txt")));

    const auto predicted = run({"predict", project(), "--run", "bert", "--json", "I lost my card"});
    ASSERT_EQ(predicted.exitCode, 0) << predicted.err;
    EXPECT_EQ(predicted.json()["predictions"][0]["labels"], nlohmann::json({"card_lost"}));

    const auto exported = run({"export-model", project(), "--run", "bert", path("hf"), "--json"});
    ASSERT_EQ(exported.exitCode, 0) << exported.err;
    EXPECT_EQ(exported.json()["files"].size(), 4u);
    const auto hf = nlohmann::json::parse(readFile(path("hf/config.json")));
    EXPECT_EQ(hf["architectures"][0], "BertForSequenceClassification");
    EXPECT_EQ(hf["num_labels"], 3);

    const auto pretrained = run({"pretrain", project(), "--out", path("mlm"), "--config", path("cfg.json"),
                                 "--epochs", "3", "--json"});
    ASSERT_EQ(pretrained.exitCode, 0) << pretrained.err;
    const auto p = pretrained.json();
    EXPECT_EQ(p["status"], "finished");
    EXPECT_EQ(p["texts"], 180);
    EXPECT_EQ(p["epoch_losses"].size(), 3u);
    EXPECT_TRUE(std::filesystem::exists(path("mlm/model.safetensors")));
    // The output folder is never overwritten.
    EXPECT_EQ(run({"pretrain", project(), "--out", path("mlm")}).exitCode, 4);

    const auto fineTuned = run({"train", project(), "--dataset", "train", "--config", path("cfg.json"),
                                "--init-from", path("mlm"), "--run", "ft", "--json"});
    ASSERT_EQ(fineTuned.exitCode, 0) << fineTuned.err;
    EXPECT_EQ(fineTuned.json()["init_from"], std::filesystem::path(path("mlm")).lexically_normal().string());

    const auto both = run({"train", project(), "--dataset", "train", "--config", path("cfg.json"),
                           "--pretrain", "--pretrain-epochs", "2", "--run", "both", "--json"});
    ASSERT_EQ(both.exitCode, 0) << both.err;
    EXPECT_EQ(both.json()["pretraining"]["epoch_losses"].size(), 2u);
    EXPECT_TRUE(std::filesystem::exists(path("test.bbproj.runs/both.pretrained/model.safetensors")));
}

TEST_F(CliTransformer, MisusedOptionsAreUsageErrors) {
    initProject();
    writeFile(path("train.csv"), keywordCsv(5));
    ASSERT_EQ(run({"import", project(), path("train.csv"), "--dataset", "train", "--text-col", "text",
                   "--label-col", "intent"})
                  .exitCode,
              0);
    const auto fast = run({"train", project(), "--dataset", "train", "--model", "fast", "--pretrain"});
    EXPECT_EQ(fast.exitCode, 2);
    EXPECT_NE(fast.err.find("transformer model only"), std::string::npos) << fast.err;
    const auto missing = run({"train", project(), "--dataset", "train", "--init-from", path("nowhere")});
    EXPECT_EQ(missing.exitCode, 3);
    EXPECT_NE(missing.err.find("config.json and model.safetensors"), std::string::npos) << missing.err;
    writeTinyConfig(path("cfg.json"), 1);
    const auto conflict =
        run({"train", project(), "--dataset", "train", "--model", "fast", "--config", path("cfg.json")});
    EXPECT_EQ(conflict.exitCode, 2);
    EXPECT_NE(conflict.err.find("conflicts"), std::string::npos) << conflict.err;
    const auto noRun = run({"export-model", project(), "--run", "nope", path("out")});
    EXPECT_EQ(noRun.exitCode, 3) << noRun.err;
}

} // namespace bankbench::test
