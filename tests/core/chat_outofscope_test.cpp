// Out-of-scope gate (core/chat/outofscope.h): k-nearest-neighbour score, JSON round trip, tuning on
// validation, the engine turning away a confident but far-off message, and tunePolicyOnRun building the
// gate from a run's training split.

#include "chat/chatengine.h"
#include "chat/policytuning.h"
#include "chatfakemodel.h"
#include "store/runstore.h"
#include "support/testsupport.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

namespace bankbench::core::chat {
namespace {

using test::FakeIntentModel;

std::vector<float> unit(std::vector<float> v) {
    double norm = 0;
    for (const float x : v)
        norm += x * x;
    for (auto& x : v)
        x = static_cast<float>(x / std::sqrt(norm));
    return v;
}

TEST(ChatOutOfScope, ScoreIsTheMeanCosineOfTheKNearestReferencesOfTheIntent) {
    OutOfScopeGate gate;
    gate.dim = 2;
    gate.neighbours = 2;
    gate.references["a"] = {1, 0, 0, 1, -1, 0}; // three references
    const std::vector<float> query = {1, 0};
    const auto score = gate.score("a", query.data(), query.size());
    ASSERT_TRUE(score);
    EXPECT_NEAR(*score, (1.0 + 0.0) / 2, 1e-9); // nearest two: cos 1 and cos 0
    EXPECT_FALSE(gate.score("b", query.data(), query.size()));
    EXPECT_FALSE(gate.score("a", query.data(), 3));
    EXPECT_EQ(gate.referenceCount(), 3u);
}

TEST(ChatOutOfScope, PolicyJsonKeepsTheReferencesExactlyAndNamesBadBlobs) {
    Policy policy;
    policy.outOfScope.dim = 3;
    policy.outOfScope.threshold = 0.61;
    policy.outOfScope.references["card_lost"] = {0.1f, -0.25f, 1e-7f, 3.5f, 0.0f, -1.0f};
    policy.outOfScope.references["balance"] = {0.5f, 0.5f, 0.70710678f};
    auto back = Policy::fromJson(nlohmann::json::parse(policy.toJson().dump()));
    ASSERT_TRUE(back) << back.error().what();
    EXPECT_EQ(back->outOfScope.references, policy.outOfScope.references);
    EXPECT_DOUBLE_EQ(back->outOfScope.threshold, 0.61);
    EXPECT_EQ(back->outOfScope.dim, 3);

    const auto summary = policy.toJson(false);
    EXPECT_FALSE(summary["out_of_scope"].contains("references"));
    EXPECT_EQ(summary["out_of_scope"]["reference_examples"], 3);
    EXPECT_FALSE(Policy().toJson().contains("out_of_scope")); // no gate, no key

    auto json = policy.toJson();
    json["out_of_scope"]["references"]["balance"] = "AAAA"; // one float, not a multiple of dim 3
    auto bad = Policy::fromJson(json);
    ASSERT_FALSE(bad);
    EXPECT_NE(bad.error().message.find("\"balance\""), std::string::npos) << bad.error().message;
    json["out_of_scope"]["references"]["balance"] = "not base64!";
    EXPECT_FALSE(Policy::fromJson(json));
}

// Validation rows whose right predictions sit near their intent's examples and whose wrong ones do not:
// the gate threshold turns the far rows away within the accuracy budget and the confidence threshold stays 0.
TEST(ChatOutOfScope, TuningPutsTheBudgetOnTheGate) {
    std::mt19937 rng(11);
    std::uniform_real_distribution<double> near(0.7, 0.95), far(0.2, 0.5), conf(0.8, 0.99);
    const std::vector<std::string> labels = {"a", "b", "c"};
    std::vector<float> probabilities;
    std::vector<int> gold;
    std::vector<double> scores;
    for (int i = 0; i < 300; ++i) {
        const int truth = i % 3;
        const bool right = i % 10 != 0;
        const int predicted = right ? truth : (truth + 1) % 3;
        const double top = conf(rng); // confident either way: the confidence cannot tell them apart
        std::vector<float> row(3, static_cast<float>((1 - top) / 2));
        row[static_cast<std::size_t>(predicted)] = static_cast<float>(top);
        probabilities.insert(probabilities.end(), row.begin(), row.end());
        gold.push_back(truth);
        scores.push_back(right ? near(rng) : far(rng));
    }
    TuningOptions options;
    options.maxAccuracyDrop = 0.02;
    auto policy = tunePolicy(probabilities, gold, labels, {}, options, &scores);
    ASSERT_TRUE(policy) << policy.error().what();
    EXPECT_DOUBLE_EQ(policy->threshold, 0.0);
    EXPECT_TRUE(policy->intentThresholds.empty());
    EXPECT_GT(policy->outOfScope.threshold, 0.5);
    EXPECT_LT(policy->outOfScope.threshold, 0.75); // the budget may cost a few right but least-near rows
    EXPECT_GE(policy->tuning["accuracy_at_threshold"].get<double>(), 0.9 - 0.02 - 1e-9);
    EXPECT_GE(policy->tuning["rejected"].get<double>(), 0.1 - 1e-9);
    EXPECT_EQ(policy->tuning["out_of_scope"], "knn_cosine");

    const std::vector<double> tooFew(10, 0.5);
    EXPECT_FALSE(tunePolicy(probabilities, gold, labels, {}, options, &tooFew));
}

TEST(ChatOutOfScope, EngineTurnsAwayAConfidentMessageFarFromTheIntentsExamples) {
    FakeIntentModel model;
    BotVersion bot;
    bot.botName = "gate";
    bot.runs = {"fake-run"};
    bot.policy.threshold = 0.5;
    bot.policy.margin = 0.1;
    bot.policy.outOfScope.dim = model.embeddingDim();
    bot.policy.outOfScope.neighbours = 2;
    bot.policy.outOfScope.threshold = 0.6;
    const std::vector<std::string> examples = {"what is my balance", "show my balance please",
                                               "balance of my account"};
    bot.policy.outOfScope.references["balance"] = *model.embed(examples);
    ChatEngine engine(bot, model);

    ChatSession session{"s"};
    auto near = engine.turn(session, "what is my balance please");
    ASSERT_TRUE(near) << near.error().what();
    EXPECT_EQ(near->decision, Decision::Answer);
    ASSERT_TRUE(near->inScopeScore);
    EXPECT_GE(*near->inScopeScore, 0.6);

    // The fake model is just as sure of "balance" here, but the wording is nothing like its examples.
    ChatSession other{"t"};
    auto far = engine.turn(other, "zzz qqq xxj balance vvv kkk");
    ASSERT_TRUE(far) << far.error().what();
    EXPECT_GT(far->confidence, 0.5);
    ASSERT_TRUE(far->inScopeScore);
    EXPECT_LT(*far->inScopeScore, 0.6);
    EXPECT_NE(far->decision, Decision::Answer);
    const auto json = toJson(*far);
    EXPECT_DOUBLE_EQ(json["in_scope_threshold"].get<double>(), 0.6);
    EXPECT_TRUE(json.contains("in_scope_score"));

    // Intents without references are never turned away by the gate.
    ChatSession third{"u"};
    auto transfer = engine.turn(third, "transfer money to my friend");
    ASSERT_TRUE(transfer);
    EXPECT_DOUBLE_EQ(transfer->inScopeScore.value_or(0), 1.0);
    EXPECT_EQ(transfer->intent, "transfer");
}

TEST(ChatOutOfScope, TuningOnARunBuildsTheGateFromItsTrainingSplitOnly) {
    test::TempDir dir;
    auto project = std::move(Project::create(dir.file("p.bbproj"))).value();
    DatasetInfo info;
    info.name = "intents";
    info.sourcePath = "/tmp/intents.csv";
    info.sourceFormat = "csv";
    info.encoding = "UTF-8";
    info.columns = {"text", "intent"};
    info.textColumn = "text";
    info.labelColumn = "intent";
    auto writer = std::move(project->beginDataset(info, LabelSetKind::SingleLabel, "import")).value();
    const std::vector<std::pair<std::string, std::string>> phrasings = {
        {"card_lost", "I lost my card"},
        {"balance", "what is my balance"},
        {"transfer", "transfer money now"},
        {"card_arrival", "when will my card arrive"}};
    int line = 2;
    for (int i = 0; i < 12; ++i)
        for (const auto& [label, text] : phrasings) {
            NewRecord r;
            r.sourceLine = line++;
            r.text = text + " " + std::to_string(i);
            r.fields = nlohmann::json::array({r.text, label});
            r.labels = {label};
            ASSERT_TRUE(writer->add(r).ok());
        }
    ASSERT_TRUE(writer->commit().ok());
    RunStore runs(*project);
    NewRun run;
    run.name = "fake-run";
    run.model = "fast";
    run.datasetId = writer->datasetId();
    run.datasetName = "intents";
    run.config = {{"refit", false}};
    run.labels = {"balance", "card_arrival", "card_lost", "transfer"};
    const auto id = runs.createRun(run).value();
    RunSplit split;
    for (RecordId r = 1; r <= 48; ++r)
        (r <= 36 ? split.train : split.validation).push_back(r);
    ASSERT_TRUE(runs.saveSplit(id, split).ok());

    FakeIntentModel model;
    TuningOptions options;
    options.referencesPerIntent = 5;
    options.neighbours = 3;
    auto policy = tunePolicyOnRun(*project, "fake-run", model, {}, options);
    ASSERT_TRUE(policy) << policy.error().what();
    ASSERT_TRUE(policy->outOfScope.enabled());
    EXPECT_EQ(policy->outOfScope.neighbours, 3);
    EXPECT_EQ(policy->outOfScope.references.size(), 4u);
    EXPECT_EQ(policy->outOfScope.referenceCount(), 20u); // 5 per intent, from 9 training examples each
    EXPECT_EQ(policy->tuning["examples"], 12);
    EXPECT_EQ(policy->tuning["out_of_scope"], "knn_cosine");

    options.outOfScopeGate = false;
    auto plain = tunePolicyOnRun(*project, "fake-run", model, {}, options);
    ASSERT_TRUE(plain);
    EXPECT_FALSE(plain->outOfScope.enabled());
}

} // namespace
} // namespace bankbench::core::chat
