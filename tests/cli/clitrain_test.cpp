// train, eval, predict and runs through bankbench-cli on generated intent data: the JSON contract, errors,
// progress on a terminal, Ctrl+C, and SIGKILL followed by --resume reproducing the uninterrupted run.

#include "clirunner.h"

#include <chrono>
#include <csignal>
#include <filesystem>
#include <thread>

namespace bankbench::test {
namespace {

using CliTrain = CliTest;

// Deterministic generator (SplitMix64) so every run of the test sees the same file.
struct Rng {
    std::uint64_t state;
    std::uint64_t next() {
        std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }
};

/// CSV "text,intent": one keyword of the intent among filler words; multi-label rows join intents with |.
std::string intentCsv(int perClass, std::uint64_t seed, bool multiLabel = false) {
    const std::vector<std::pair<std::string, std::vector<std::string>>> intents = {
        {"card_lost", {"lost my card", "card stolen", "挂失"}},
        {"balance", {"balance", "how much money", "余额"}},
        {"transfer", {"transfer", "send money", "转账"}},
        {"loan", {"loan", "mortgage", "贷款"}},
    };
    const std::vector<std::string> filler = {"please", "help", "me",   "today", "need",
                                             "the",    "请",   "帮我", "now"};
    Rng rng{seed};
    std::string csv = "text,intent\n";
    for (int i = 0; i < perClass; ++i) {
        for (std::size_t c = 0; c < intents.size(); ++c) {
            std::vector<std::size_t> classes = {c};
            if (multiLabel && rng.below(3) == 0)
                classes.push_back((c + 1 + rng.below(intents.size() - 1)) % intents.size());
            std::string text = filler[rng.below(filler.size())] + " " + filler[rng.below(filler.size())];
            std::string labels;
            for (auto k : classes) {
                text += " " + intents[k].second[rng.below(intents[k].second.size())];
                labels += (labels.empty() ? "" : "|") + intents[k].first;
            }
            csv += text + " " + filler[rng.below(filler.size())] + "," + labels + "\n";
        }
    }
    return csv;
}

void writeSmallConfig(const std::string& path, int epochs, int checkpointEvery = 0) {
    writeFile(path, nlohmann::json({{"epochs", epochs},
                                    {"batch_size", 8},
                                    {"learning_rate", 0.1},
                                    {"dropout", 0.2},
                                    {"validation_fraction", 0.25},
                                    {"early_stopping_patience", 0},
                                    {"checkpoint_every_steps", checkpointEvery},
                                    {"threads", 1},
                                    {"fast", {{"dim", 24}, {"features", {{"bucket_bits", 14}}}}}})
                        .dump(2));
}

bool waitFor(const std::function<bool()>& condition, std::chrono::seconds limit) {
    const auto deadline = std::chrono::steady_clock::now() + limit;
    while (!condition()) {
        if (std::chrono::steady_clock::now() > deadline)
            return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return true;
}

} // namespace

TEST_F(CliTrain, TrainEvalPredictAndRunsFollowTheJsonContract) {
    initProject();
    writeFile(path("train.csv"), intentCsv(40, 1));
    writeFile(path("test.csv"), intentCsv(10, 2));
    for (const char* name : {"train", "test"})
        ASSERT_EQ(run({"import", project(), path(std::string(name) + ".csv"), "--dataset", name, "--text-col",
                       "text", "--label-col", "intent"})
                      .exitCode,
                  0);
    writeSmallConfig(path("cfg.json"), 20);

    const auto trained = run({"train", project(), "--dataset", "train", "--model", "fast", "--config",
                              path("cfg.json"), "--run", "intents-v1", "--json"});
    ASSERT_EQ(trained.exitCode, 0) << trained.err;
    const auto t = trained.json();
    ASSERT_FALSE(t.is_discarded()) << trained.out;
    EXPECT_EQ(t["run"], "intents-v1");
    EXPECT_EQ(t["status"], "finished");
    EXPECT_EQ(t["train_examples"], 120);
    EXPECT_EQ(t["validation_examples"], 40);
    EXPECT_EQ(t["history"].size(), 20u);
    EXPECT_EQ(t["threads"], 1);
    EXPECT_EQ(t["device"], "cpu");
    EXPECT_GE(t["validation"]["accuracy"].get<double>(), 0.85);
    EXPECT_TRUE(std::filesystem::exists(path("test.bbproj.runs/intents-v1/model.safetensors")));
    EXPECT_TRUE(trained.err.empty()) << "no progress on a pipe without --progress:\n" << trained.err;

    const auto evaluated = run({"eval", project(), "--run", "intents-v1", "--dataset", "test", "--json"});
    ASSERT_EQ(evaluated.exitCode, 0) << evaluated.err;
    const auto e = evaluated.json();
    for (const char* key : {"accuracy", "macro_f1", "per_class", "confusion"})
        EXPECT_TRUE(e.contains(key)) << key;
    EXPECT_GE(e["accuracy"].get<double>(), 0.8);
    EXPECT_EQ(e["per_class"].size(), 4u);
    EXPECT_EQ(e["confusion"]["matrix"].size(), 4u);
    EXPECT_EQ(e["samples"], 40);

    const auto predicted = run({"predict", project(), "--run", "intents-v1", "--top", "2", "--json",
                                "I lost my card yesterday", "请帮我查一下余额"});
    ASSERT_EQ(predicted.exitCode, 0) << predicted.err;
    const auto p = predicted.json()["predictions"];
    ASSERT_EQ(p.size(), 2u);
    EXPECT_EQ(p[0]["labels"], nlohmann::json({"card_lost"}));
    EXPECT_EQ(p[1]["labels"], nlohmann::json({"balance"}));
    EXPECT_EQ(p[0]["top"].size(), 2u);
    const auto text = run({"predict", project(), "--run", "intents-v1", "I want a mortgage"});
    EXPECT_NE(text.out.find("* loan"), std::string::npos) << text.out;

    const auto runs = run({"runs", project(), "--json"});
    ASSERT_EQ(runs.exitCode, 0) << runs.err;
    const auto r = runs.json()["runs"];
    ASSERT_EQ(r.size(), 1u);
    EXPECT_EQ(r[0]["name"], "intents-v1");
    EXPECT_EQ(r[0]["status"], "finished");
    EXPECT_EQ(r[0]["epochs"].size(), 20u);
    EXPECT_EQ(r[0]["evaluations"].size(), 1u);
    EXPECT_EQ(r[0]["config"]["epochs"], 20);
    EXPECT_TRUE(r[0]["versions"].contains("bankbench"));
    const auto table = run({"runs", project()});
    EXPECT_NE(table.out.find("intents-v1"), std::string::npos);
}

TEST_F(CliTrain, MultiLabelEvalReportsMicroMacroAndSubsetAccuracy) {
    initProject();
    writeFile(path("multi.csv"), intentCsv(40, 5, true));
    ASSERT_EQ(run({"import", project(), path("multi.csv"), "--dataset", "multi", "--text-col", "text",
                   "--label-col", "intent", "--label-sep", "|"})
                  .exitCode,
              0);
    writeSmallConfig(path("cfg.json"), 15);
    const auto trained =
        run({"train", project(), "--dataset", "multi", "--config", path("cfg.json"), "--json"});
    ASSERT_EQ(trained.exitCode, 0) << trained.err;
    EXPECT_EQ(trained.json()["multi_label"], true);
    const auto evaluated = run({"eval", project(), "--run", "fast-1", "--dataset", "multi", "--json"});
    ASSERT_EQ(evaluated.exitCode, 0) << evaluated.err;
    const auto e = evaluated.json();
    for (const char* key : {"micro_f1", "macro_f1", "subset_accuracy", "per_class"})
        EXPECT_TRUE(e.contains(key)) << key;
    EXPECT_GE(e["micro_f1"].get<double>(), 0.85);
}

TEST_F(CliTrain, BadRequestsGetClearErrorsAndExitCodes) {
    initProject();
    writeFile(path("train.csv"), intentCsv(5, 1));
    ASSERT_EQ(run({"import", project(), path("train.csv"), "--dataset", "train", "--text-col", "text",
                   "--label-col", "intent"})
                  .exitCode,
              0);
    // Transformer options with the fast model, or both ways to start the encoder at once (more in
    // clitransformer_test.cpp).
    auto fastPretrain = run({"train", project(), "--dataset", "train", "--model", "fast", "--pretrain"});
    EXPECT_EQ(fastPretrain.exitCode, 2);
    EXPECT_NE(fastPretrain.err.find("transformer model only"), std::string::npos) << fastPretrain.err;
    EXPECT_EQ(
        run({"train", project(), "--dataset", "train", "--pretrain", "--init-from", path("bert")}).exitCode,
        2);
    EXPECT_EQ(run({"train", project(), "--dataset", "train", "--init-from", path("bert")}).exitCode, 3);
    EXPECT_EQ(run({"train", project(), "--resume"}).exitCode, 2);
    EXPECT_EQ(run({"train", project()}).exitCode, 2);

    const auto missingDataset = run({"train", project(), "--dataset", "nope", "--json"});
    EXPECT_EQ(missingDataset.exitCode, 3);
    EXPECT_EQ(missingDataset.json()["error"]["code"], "not_found");

    writeFile(path("bad.json"), "{\n  \"epochs\": 3,\n  \"dropout\": oops\n}\n");
    const auto badConfig = run({"train", project(), "--dataset", "train", "--config", path("bad.json")});
    EXPECT_EQ(badConfig.exitCode, 1);
    EXPECT_NE(badConfig.err.find(path("bad.json") + ":3:"), std::string::npos) << badConfig.err;
    writeFile(path("unknown.json"), R"({"epochz": 3})");
    const auto unknownKey = run({"train", project(), "--dataset", "train", "--config", path("unknown.json")});
    EXPECT_EQ(unknownKey.exitCode, 2);
    EXPECT_NE(unknownKey.err.find("unknown config key \"epochz\""), std::string::npos) << unknownKey.err;

    EXPECT_EQ(run({"eval", project(), "--run", "nope", "--dataset", "train"}).exitCode, 3);
    EXPECT_EQ(run({"predict", project(), "--run", "nope", "hello"}).exitCode, 3);
    EXPECT_EQ(run({"runs", path("missing.bbproj")}).exitCode, 3);
    EXPECT_NE(run({"runs", project()}).out.find("No runs yet"), std::string::npos);
}

// train --synonyms: the list's groups go into the run's stored config (repeatable without the file), with
// augment_synonym 0.3 unless the config sets it; a bad list names its file and line.
TEST_F(CliTrain, SynonymListGoesIntoTheRunsConfigAndABadOneNamesTheLine) {
    initProject();
    writeFile(path("train.csv"), intentCsv(20, 1));
    ASSERT_EQ(run({"import", project(), path("train.csv"), "--dataset", "train", "--text-col", "text",
                   "--label-col", "intent"})
                  .exitCode,
              0);
    writeSmallConfig(path("cfg.json"), 2);
    writeFile(path("synonyms.txt"), "# card words\nlost my card, card stolen\n挂失，报失\n");
    const auto trained = run({"train", project(), "--dataset", "train", "--config", path("cfg.json"),
                              "--synonyms", path("synonyms.txt"), "--run", "syn", "--json"});
    ASSERT_EQ(trained.exitCode, 0) << trained.err;
    const auto runs = run({"runs", project(), "--json"}).json();
    ASSERT_EQ(runs["runs"].size(), 1u);
    const auto& config = runs["runs"][0]["config"];
    EXPECT_EQ(config["synonyms"],
              nlohmann::json::array({nlohmann::json::array({"lost my card", "card stolen"}),
                                     nlohmann::json::array({"挂失", "报失"})}));
    EXPECT_EQ(config["augment_synonym"], 0.3);

    writeFile(path("bad.txt"), "lost my card, card stolen\nbalance\n");
    const auto bad = run({"train", project(), "--dataset", "train", "--synonyms", path("bad.txt"), "--json"});
    EXPECT_EQ(bad.exitCode, 2);
    EXPECT_EQ(bad.json()["error"]["line"], 2);
    EXPECT_NE(bad.json()["error"]["message"].get<std::string>().find("balance"), std::string::npos)
        << bad.out;
}

TEST_F(CliTrain, ProgressIsDrawnOnATerminal) {
    initProject();
    writeFile(path("train.csv"), intentCsv(20, 3));
    ASSERT_EQ(run({"import", project(), path("train.csv"), "--dataset", "train", "--text-col", "text",
                   "--label-col", "intent"})
                  .exitCode,
              0);
    writeSmallConfig(path("cfg.json"), 3);
    const auto result = runCliWithTerminalStderr(
        {"train", project(), "--dataset", "train", "--config", path("cfg.json")}, m_dir.path());
    ASSERT_EQ(result.exitCode, 0) << result.err;
    EXPECT_NE(result.err.find("threads: 1"), std::string::npos) << result.err;
    EXPECT_NE(result.err.find("BLAS"), std::string::npos);
    EXPECT_NE(result.err.find("epoch 3: train loss"), std::string::npos) << result.err;
    EXPECT_NE(result.out.find("Trained run \"fast-1\""), std::string::npos) << result.out;
}

// The acceptance test for resumable training: kill -9 after a periodic checkpoint, resume, and get exactly
// the numbers of a run that was never interrupted (same config and seed).
TEST_F(CliTrain, SigkillThenResumeReproducesTheUninterruptedRun) {
    initProject();
    writeFile(path("train.csv"), intentCsv(250, 7));
    ASSERT_EQ(run({"import", project(), path("train.csv"), "--dataset", "train", "--text-col", "text",
                   "--label-col", "intent"})
                  .exitCode,
              0);
    writeSmallConfig(path("cfg.json"), 8, 20);
    const auto whole = run(
        {"train", project(), "--dataset", "train", "--config", path("cfg.json"), "--run", "whole", "--json"});
    ASSERT_EQ(whole.exitCode, 0) << whole.err;

    const auto state = path("test.bbproj.runs/killed/checkpoint/trainer_state.json");
    {
        CliProcess process(
            {"train", project(), "--dataset", "train", "--config", path("cfg.json"), "--run", "killed"},
            m_dir.path());
        // Kill once a checkpoint from the second epoch or later exists (the run has 94 steps per epoch).
        ASSERT_TRUE(waitFor(
            [&] {
                if (!std::filesystem::exists(state))
                    return false;
                const auto json = nlohmann::json::parse(readFile(state), nullptr, false);
                return !json.is_discarded() && json.value("step", 0) >= 120;
            },
            std::chrono::seconds(120)));
        process.sendSignal(SIGKILL);
        EXPECT_EQ(process.wait().exitCode, 128 + SIGKILL);
    }
    const auto listed = run({"runs", project(), "--json"}).json()["runs"];
    EXPECT_EQ(listed[0]["name"], "killed");
    EXPECT_EQ(listed[0]["status"], "running"); // killed: nobody could mark it

    const auto resumed = run({"train", project(), "--run", "killed", "--resume", "--json"});
    ASSERT_EQ(resumed.exitCode, 0) << resumed.err;
    const auto a = whole.json();
    const auto b = resumed.json();
    EXPECT_EQ(b["resumed"], true);
    ASSERT_EQ(a["history"].size(), b["history"].size());
    for (std::size_t i = 0; i < a["history"].size(); ++i) {
        SCOPED_TRACE("epoch " + std::to_string(i + 1));
        for (const char* key :
             {"train_loss", "validation_loss", "validation_accuracy", "validation_macro_f1", "step"})
            EXPECT_EQ(a["history"][i][key], b["history"][i][key]) << key;
    }
    EXPECT_EQ(a["validation"], b["validation"]);
    EXPECT_EQ(run({"runs", project(), "--json"}).json()["runs"][0]["status"], "finished");
}

TEST_F(CliTrain, CtrlCCancelsWithExitCode130AndKeepsTheBestModelSoFar) {
    initProject();
    writeFile(path("train.csv"), intentCsv(250, 9));
    ASSERT_EQ(run({"import", project(), path("train.csv"), "--dataset", "train", "--text-col", "text",
                   "--label-col", "intent"})
                  .exitCode,
              0);
    writeSmallConfig(path("cfg.json"), 200);
    CliProcess process({"train", project(), "--dataset", "train", "--config", path("cfg.json"), "--progress"},
                       m_dir.path());
    ASSERT_TRUE(waitFor([&] { return process.errSoFar().find("epoch 1: train loss") != std::string::npos; },
                        std::chrono::seconds(120)));
    process.sendSignal(SIGINT);
    const auto result = process.wait();
    EXPECT_EQ(result.exitCode, 130) << result.err;
    EXPECT_NE(result.err.find("--resume"), std::string::npos) << result.err;
    EXPECT_NE(result.out.find("Cancelled run \"fast-1\""), std::string::npos) << result.out;
    EXPECT_EQ(run({"runs", project(), "--json"}).json()["runs"][0]["status"], "cancelled");
    // The cancelled run already has a usable best model.
    EXPECT_EQ(run({"predict", project(), "--run", "fast-1", "loan please"}).exitCode, 0);
}

} // namespace bankbench::test
