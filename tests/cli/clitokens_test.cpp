// Token classification (slot spans) through bankbench-cli: train --task tokens, eval, predict (spans),
// export-model, runs, and the usage errors of the new options.

#include "clirunner.h"

#include "store/labelstore.h"
#include "store/project.h"
#include "text/utf8.h"

#include <filesystem>
#include <fstream>

namespace bankbench::test {
namespace {

using CliTokens = CliTest;

struct Example {
    std::string text;
    std::vector<core::Span> spans;
};

/// Seeded sentences holding a card's last four digits and/or an amount, English and Chinese.
std::vector<Example> slotExamples(int count) {
    const std::vector<std::vector<std::string>> templates = {
        {"block card ", "{card}", " now"},
        {"pay ", "{amount}", " dollars with card ", "{card}"},
        {"my card ending ", "{card}", " was charged ", "{amount}", " usd"},
        {"尾号", "{card}", "的卡消费了", "{amount}", "元"},
        {"hello, what is my balance"},
    };
    std::uint64_t state = 11;
    const auto below = [&](std::uint64_t n) {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        return (state >> 33) % n;
    };
    std::vector<Example> out;
    for (int i = 0; i < count; ++i) {
        Example e;
        for (const auto& part : templates[below(templates.size())]) {
            std::string value = part, type;
            if (part == "{card}") {
                value = std::to_string(1000 + below(9000));
                type = "card";
            } else if (part == "{amount}") {
                value = std::to_string(1 + below(300));
                type = "amount";
            }
            const auto start = core::utf8::length(e.text);
            e.text += value;
            if (!type.empty())
                e.spans.push_back({start, core::utf8::length(e.text), type});
        }
        out.push_back(std::move(e));
    }
    return out;
}

} // namespace

TEST_F(CliTokens, TrainsEvaluatesPredictsAndExportsSlotSpans) {
    initProject();
    const auto examples = slotExamples(240);
    std::string csv = "text\n";
    for (const auto& e : examples)
        csv += "\"" + e.text + "\"\n";
    writeFile(path("chat.csv"), csv);
    const auto imported = run({"import", project(), path("chat.csv"), "--dataset", "chat", "--text-col",
                               "text", "--label-col", ""});
    ASSERT_EQ(imported.exitCode, 0) << imported.err;
    {
        // Span annotations as the label workspace stores them (the CLI has no command to make a span set).
        auto p = core::Project::open(project(), false).value();
        core::LabelStore store(*p);
        const auto set = store.createLabelSet("slots", core::LabelSetKind::Span).value();
        for (const char* name : {"card", "amount"}) {
            core::Label label;
            label.name = name;
            ASSERT_TRUE(store.createLabel(set.id, label).ok());
        }
        std::vector<core::RecordId> ids;
        ASSERT_TRUE(p->forEachRecord(p->dataset("chat").value().id, [&](const core::Record& r) {
                         ids.push_back(r.id);
                         return true;
                     }).ok());
        ASSERT_EQ(ids.size(), examples.size());
        for (std::size_t i = 0; i < ids.size(); ++i)
            ASSERT_TRUE(store
                            .recordDecision(ids[i], set.id, "ann", core::DecisionStatus::Accepted, {},
                                            examples[i].spans)
                            .ok());
    }
    writeFile(path("tiny.json"), nlohmann::json({{"epochs", 10},
                                                 {"batch_size", 16},
                                                 {"learning_rate", 0.003},
                                                 {"warmup_fraction", 0.1},
                                                 {"early_stopping_patience", 0},
                                                 {"threads", 1},
                                                 {"transformer",
                                                  {{"layers", 1},
                                                   {"hidden", 64},
                                                   {"heads", 2},
                                                   {"ffn", 128},
                                                   {"max_length", 32},
                                                   {"vocab_size", 150}}}})
                                     .dump(2));

    // Usage errors first (no run is made).
    const auto fast = run({"train", project(), "--dataset", "chat", "--task", "tokens", "--model", "fast"});
    EXPECT_EQ(fast.exitCode, 2) << fast.err;
    EXPECT_NE(fast.err.find("needs the transformer"), std::string::npos) << fast.err;
    const auto labelSetAlone = run({"train", project(), "--dataset", "chat", "--label-set", "slots"});
    EXPECT_EQ(labelSetAlone.exitCode, 2);
    EXPECT_NE(labelSetAlone.err.find("--task tokens"), std::string::npos) << labelSetAlone.err;
    const auto wrongSet =
        run({"train", project(), "--dataset", "chat", "--task", "tokens", "--label-set", "nope", "--json"});
    EXPECT_NE(wrongSet.exitCode, 0);

    const auto trained = run({"train", project(), "--dataset", "chat", "--task", "tokens", "--label-set",
                              "slots", "--config", path("tiny.json"), "--run", "slots", "--json"});
    ASSERT_EQ(trained.exitCode, 0) << trained.err << trained.out;
    const auto t = trained.json();
    EXPECT_EQ(t["task"], "tokens");
    EXPECT_EQ(t["model"], "transformer");
    EXPECT_EQ(t["label_set"], "slots");
    EXPECT_EQ(t["labels"], nlohmann::json({"card", "amount"}));
    EXPECT_EQ(t["status"], "finished");
    EXPECT_EQ(t["epochs_run"], 10);
    EXPECT_TRUE(t["validation"].contains("micro_f1"));
    EXPECT_EQ(t["validation"]["per_type"].size(), 2u);

    const auto evaluated = run({"eval", project(), "--run", "slots", "--dataset", "chat", "--json"});
    ASSERT_EQ(evaluated.exitCode, 0) << evaluated.err;
    const auto e = evaluated.json();
    EXPECT_EQ(e["task"], "tokens");
    EXPECT_EQ(e["samples"], 240);
    EXPECT_GE(e["micro_f1"].get<double>(), 0.8) << e.dump(2);
    const auto evalText = run({"eval", project(), "--run", "slots", "--dataset", "chat"});
    ASSERT_EQ(evalText.exitCode, 0);
    EXPECT_NE(evalText.out.find("span micro-F1"), std::string::npos) << evalText.out;

    const auto predicted = run({"predict", project(), "--run", "slots", "--json", "block card 4321 now"});
    ASSERT_EQ(predicted.exitCode, 0) << predicted.err;
    const auto p = predicted.json();
    EXPECT_EQ(p["task"], "tokens");
    ASSERT_EQ(p["predictions"].size(), 1u);
    const auto& spans = p["predictions"][0]["spans"];
    ASSERT_EQ(spans.size(), 1u) << p.dump(2);
    EXPECT_EQ(spans[0]["type"], "card");
    EXPECT_EQ(spans[0]["text"], "4321");
    EXPECT_EQ(spans[0]["start"], 11);
    EXPECT_EQ(spans[0]["end"], 15);
    EXPECT_GT(spans[0]["confidence"].get<double>(), 0.5);
    const auto predictText = run({"predict", project(), "--run", "slots", "block card 4321 now"});
    EXPECT_NE(predictText.out.find("card  [11, 15)  \"4321\""), std::string::npos) << predictText.out;

    const auto exported = run({"export-model", project(), "--run", "slots", path("hf"), "--json"});
    ASSERT_EQ(exported.exitCode, 0) << exported.err;
    std::ifstream in(path("hf") + "/config.json");
    const auto hf = nlohmann::json::parse(in);
    EXPECT_EQ(hf["architectures"][0], "BertForTokenClassification");
    EXPECT_EQ(hf["id2label"]["3"], "B-amount");

    const auto runs = run({"runs", project(), "--json"});
    ASSERT_EQ(runs.exitCode, 0);
    EXPECT_EQ(runs.json()["runs"][0]["task"], "tokens");

    // A bot whose slot run adds the model's spans to the rules' slots (issue 6: rules plus the model).
    std::string intentsCsv = "text,intent\n";
    for (const auto& ex : examples)
        intentsCsv += "\"" + ex.text + "\"," + (ex.spans.empty() ? "balance" : "card") + "\n";
    writeFile(path("intents.csv"), intentsCsv);
    ASSERT_EQ(run({"import", project(), path("intents.csv"), "--dataset", "intents", "--text-col", "text",
                   "--label-col", "intent"})
                  .exitCode,
              0);
    writeFile(path("fast.json"), nlohmann::json({{"epochs", 5}, {"threads", 1}, {"refit", false}}).dump());
    const auto intents = run({"train", project(), "--dataset", "intents", "--model", "fast", "--config",
                              path("fast.json"), "--run", "intents", "--json"});
    ASSERT_EQ(intents.exitCode, 0) << intents.err;
    const auto notTokens =
        run({"bot", "create", project(), "--name", "b", "--run", "intents", "--slot-run", "intents", "--json"});
    EXPECT_NE(notTokens.exitCode, 0) << notTokens.out;
    const auto created = run({"bot", "create", project(), "--name", "b", "--run", "intents", "--slot-run",
                              "slots", "--no-tune", "--json"});
    ASSERT_EQ(created.exitCode, 0) << created.err << created.out;
    EXPECT_EQ(created.json()["slot_run"], "slots");
    writeFile(path("conv.json"),
              R"([{"turns": [{"user": "block card 4321 now", "slots": {"card": "4321"}}]}])");
    const auto tested = run({"chat-test", project(), "--bot", "b", path("conv.json"), "--json"});
    EXPECT_EQ(tested.exitCode, 0) << tested.out << tested.err;
    EXPECT_EQ(tested.json()["passed"], 1) << tested.out;
    const auto removed = run({"bot", "update", project(), "--name", "b", "--slot-run", "", "--json"});
    ASSERT_EQ(removed.exitCode, 0) << removed.err;
    EXPECT_TRUE(removed.json()["slot_run"].is_null()) << removed.out;
    const auto without = run({"chat-test", project(), "--bot", "b", path("conv.json"), "--json"});
    EXPECT_NE(without.exitCode, 0) << "the rules alone do not see a bare last-four: " << without.out;
}

} // namespace bankbench::test
