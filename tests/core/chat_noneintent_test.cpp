// A model's "none of these" label (Policy::noneIntent): tuning leaves its validation rows out and never
// counts a prediction of it as an answer; the engine turns such a turn away (knowledge base, else a
// hand-over, never a clarification that offers it) and says so in the turn's JSON.

#include "chat/chatengine.h"
#include "chat/policy.h"
#include "chatfakemodel.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace bankbench::core::chat {
namespace {

using test::FakeIntentModel;

void addRow(std::vector<float>& probabilities, std::vector<int>& gold, int truth, int predicted, float top) {
    std::vector<float> row(3, (1 - top) / 2);
    row[static_cast<std::size_t>(predicted)] = top;
    probabilities.insert(probabilities.end(), row.begin(), row.end());
    gold.push_back(truth);
}

TEST(ChatNoneIntent, TuningLeavesItsRowsOutAndNeverCountsAPredictionOfItAsRight) {
    const std::vector<std::string> labels = {"a", "b", "other"};
    std::vector<float> probabilities;
    std::vector<int> gold;
    for (int i = 0; i < 300; ++i)
        addRow(probabilities, gold, i % 2, i % 2, 0.9f);
    for (int i = 0; i < 100; ++i)
        addRow(probabilities, gold, 2, 2, 0.95f); // out-of-scope examples the model recognises
    for (int i = 0; i < 20; ++i)
        addRow(probabilities, gold, 0, 2, 0.8f); // in-scope rows the model calls "none of these"

    TuningOptions options;
    options.minExamplesPerIntent = 50;
    auto plain = tunePolicy(probabilities, gold, labels, {}, options);
    ASSERT_TRUE(plain) << plain.error().what();
    EXPECT_EQ(plain->tuning["examples"], 420);
    EXPECT_NEAR(plain->tuning["accuracy"].get<double>(), 400.0 / 420, 1e-12);
    EXPECT_TRUE(plain->intentThresholds.count("other"));

    Policy base;
    base.noneIntent = "other";
    auto tuned = tunePolicy(probabilities, gold, labels, base, options);
    ASSERT_TRUE(tuned) << tuned.error().what();
    EXPECT_EQ(tuned->noneIntent, "other");
    EXPECT_EQ(tuned->tuning["examples"], 320);
    EXPECT_EQ(tuned->tuning["none_examples"], 100);
    EXPECT_NEAR(tuned->tuning["accuracy"].get<double>(), 300.0 / 320, 1e-12);
    // The 20 rows predicted "other" are turned away at any threshold.
    EXPECT_GE(tuned->tuning["rejected"].get<double>(), 20.0 / 320 - 1e-12);
    EXPECT_FALSE(tuned->intentThresholds.count("other"));

    auto back = Policy::fromJson(nlohmann::json::parse(tuned->toJson().dump()));
    ASSERT_TRUE(back) << back.error().what();
    EXPECT_EQ(back->noneIntent, "other");
    EXPECT_FALSE(Policy().toJson().contains("none_intent"));
    EXPECT_FALSE(Policy::fromJson({{"none_intent", 3}}));

    base.noneIntent = "others";
    auto unknown = tunePolicy(probabilities, gold, labels, base, options);
    ASSERT_FALSE(unknown);
    EXPECT_NE(unknown.error().message.find("\"others\" is not a label"), std::string::npos)
        << unknown.error().message;
}

BotVersion botWithNone(double threshold) {
    BotVersion bot;
    bot.botName = "none";
    bot.runs = {"fake-run"};
    bot.policy.threshold = threshold;
    bot.policy.margin = 0.05;
    bot.policy.noneIntent = "card_arrival"; // the fake model's stand-in for "other"
    return bot;
}

TEST(ChatNoneIntent, EngineHandsOverInsteadOfAnsweringIt) {
    FakeIntentModel model;
    ChatEngine engine(botWithNone(0.5), model);
    ChatSession session{"s"};
    auto turn = engine.turn(session, "when will the delivery arrive");
    ASSERT_TRUE(turn) << turn.error().what();
    EXPECT_GT(turn->confidence, 0.9);
    EXPECT_EQ(turn->topIntents.front().intent, "card_arrival");
    EXPECT_TRUE(turn->noneIntent);
    EXPECT_EQ(turn->decision, Decision::Handover);
    EXPECT_TRUE(turn->quickReplies.empty());
    EXPECT_EQ(toJson(*turn)["none_intent"], true);

    // Any other intent is answered as before, and says nothing of the none-of-these label.
    ChatSession other{"t"};
    auto balance = engine.turn(other, "what is my balance");
    ASSERT_TRUE(balance);
    EXPECT_EQ(balance->decision, Decision::Answer);
    EXPECT_FALSE(balance->noneIntent);
    EXPECT_FALSE(toJson(*balance).contains("none_intent"));
}

TEST(ChatNoneIntent, ClarificationNeverOffersIt) {
    FakeIntentModel model;
    // card_lost 3 keyword hits, card_arrival (none) 2, balance 1: an unsure turn under a 0.99 threshold.
    ChatEngine engine(botWithNone(0.99), model);
    ChatSession session{"s"};
    auto turn = engine.turn(session, "挂失 lost stolen arrive delivery balance");
    ASSERT_TRUE(turn) << turn.error().what();
    ASSERT_GE(turn->topIntents.size(), 3u);
    ASSERT_EQ(turn->topIntents[1].intent, "card_arrival");
    EXPECT_FALSE(turn->noneIntent);
    EXPECT_EQ(turn->decision, Decision::Clarify);
    std::vector<std::string> offered;
    for (const auto& reply : turn->quickReplies)
        offered.push_back(reply.reply);
    EXPECT_EQ(offered, (std::vector<std::string>{"card_lost", "balance"}));
}

} // namespace
} // namespace bankbench::core::chat
