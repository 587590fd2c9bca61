// ChatEngine (core/chat/chatengine.h) over a fake intent model: answers, multi-turn follow-ups, clarify
// with quick replies, hand-over, masking, the no-responses answer, knowledge-base answers with sources.

#include "chat/chatengine.h"
#include "chatfakemodel.h"
#include "support/testsupport.h"

#include <gtest/gtest.h>

namespace bankbench::core::chat {
namespace {

using test::FakeIntentModel;

const char* const kResponses = R"({"intents": {
  "card_lost": {"responses": {"en": ["Card ending {card_last4} is blocked."], "zh": ["尾号{card_last4}的卡已为您挂失。"]},
                "follow_up": {"card_last4": {"en": "What are the last four digits of the card?", "zh": "请提供卡号后四位。"}}},
  "transfer": {"responses": {"en": ["Sending {amount} {currency} on {date}."]},
               "slots": ["amount", "date"],
               "follow_up": {"amount": {"en": "How much?"}, "date": {"en": "On which day?"}}},
  "balance": {"responses": {"en": ["Balance variant A", "Balance variant B", "Balance variant C"]}}
}})";

BotVersion testBot(LowConfidenceAction low = LowConfidenceAction::Clarify) {
    BotVersion bot;
    bot.botName = "test";
    bot.version = 1;
    bot.runs = {"fake-run"};
    bot.responses = *ResponseSet::parseJson(kResponses, "test.json");
    bot.policy.threshold = 0.6;
    bot.policy.margin = 0.1;
    bot.policy.lowConfidence = low;
    return bot;
}

class ChatEngineTest : public ::testing::Test {
protected:
    ChatEngineTest() : engine(testBot(), model) { engine.setReferenceDate(CivilDate{2026, 12, 4}); }
    TurnResult say(const std::string& text, const std::string& language = "auto") {
        auto result = engine.turn(session, text, language);
        EXPECT_TRUE(result) << result.error().what();
        return result ? *result : TurnResult{};
    }
    FakeIntentModel model;
    ChatEngine engine;
    ChatSession session{"s1"};
};

TEST_F(ChatEngineTest, MissingRequiredSlotIsAskedForThenAnswered) {
    const auto first = say("my card was stolen, I lost it");
    EXPECT_EQ(first.intent, "card_lost");
    EXPECT_EQ(first.decision, Decision::FollowUp);
    EXPECT_EQ(first.responseKey, "card_lost.ask.card_last4");
    EXPECT_EQ(first.answer, "What are the last four digits of the card?");
    EXPECT_EQ(session.pendingIntent, "card_lost");

    const auto second = say("it ends with 4821");
    EXPECT_EQ(second.intent, "card_lost");
    EXPECT_EQ(second.intentSource, "context");
    EXPECT_EQ(second.decision, Decision::Answer);
    EXPECT_EQ(second.responseKey, "card_lost");
    EXPECT_EQ(second.answer, "Card ending 4821 is blocked.");
    EXPECT_EQ(second.slots.at("card_last4"), "4821");
    EXPECT_TRUE(session.pendingIntent.empty());
    EXPECT_EQ(second.turn, 2);
}

TEST_F(ChatEngineTest, SlotsGivenUpFrontAreUsedAndRememberedAcrossTurns) {
    const auto first = say("transfer 500 USD please");
    EXPECT_EQ(first.decision, Decision::FollowUp);
    EXPECT_EQ(first.responseKey, "transfer.ask.date");
    EXPECT_EQ(first.slots.at("amount"), "500");
    const auto second = say("tomorrow");
    EXPECT_EQ(second.decision, Decision::Answer);
    EXPECT_EQ(second.answer, "Sending 500 USD on 2026-12-05.");
}

TEST_F(ChatEngineTest, ChineseMessagesGetChineseAnswersAndCardNumbersAreMasked) {
    const auto result = say("我的卡丢了要挂失，卡号 4111 1111 1111 1111");
    EXPECT_EQ(result.language, "zh");
    EXPECT_EQ(result.decision, Decision::Answer);
    EXPECT_EQ(result.answer, "尾号1111的卡已为您挂失。");
    EXPECT_EQ(result.text.find("4111 1111 1111 1111"), std::string::npos) << result.text;
    EXPECT_NE(result.text.find("1111"), std::string::npos);
    for (const auto& slot : result.newSlots)
        EXPECT_EQ(slot.raw.find("4111 1111"), std::string::npos);
    const auto json = toJson(result).dump();
    EXPECT_EQ(json.find("4111111111111111"), std::string::npos);
}

TEST_F(ChatEngineTest, AmbiguousMessageOffersTheTopTwoAndAQuickReplyPicksOne) {
    const auto unsure = say("I lost my card");
    EXPECT_EQ(unsure.decision, Decision::Clarify);
    EXPECT_EQ(unsure.responseKey, "clarify");
    ASSERT_EQ(unsure.quickReplies.size(), 2u);
    std::set<std::string> offered = {unsure.quickReplies[0].reply, unsure.quickReplies[1].reply};
    EXPECT_EQ(offered, (std::set<std::string>{"card_lost", "card_arrival"}));
    EXPECT_NE(unsure.answer.find("Did you mean"), std::string::npos);

    const auto picked = say("card_lost");
    EXPECT_EQ(picked.intent, "card_lost");
    EXPECT_EQ(picked.intentSource, "quick_reply");
    EXPECT_EQ(picked.decision, Decision::FollowUp);
}

TEST_F(ChatEngineTest, RepeatedMissesAndRequestsForAPersonHandOver) {
    EXPECT_EQ(say("what is the weather like").decision, Decision::Clarify);
    const auto second = say("tell me a joke");
    EXPECT_EQ(second.decision, Decision::Handover);
    EXPECT_EQ(second.responseKey, "handover");
    EXPECT_EQ(say("I want to talk to a human agent").decision, Decision::Handover);
    EXPECT_EQ(say("转人工").decision, Decision::Handover);
}

TEST(ChatEngine, HandoverPolicyPassesOutOfScopeMessagesToAnAgentAtOnce) {
    FakeIntentModel model;
    ChatEngine engine(testBot(LowConfidenceAction::Handover), model);
    ChatSession session("s");
    auto result = engine.turn(session, "what is the weather like");
    ASSERT_TRUE(result);
    EXPECT_EQ(result->decision, Decision::Handover);
    EXPECT_LT(result->confidence, 0.6);
    ASSERT_EQ(result->topIntents.size(), 4u);
    EXPECT_GE(result->topIntents[0].confidence, result->topIntents[1].confidence);
}

TEST(ChatEngine, WithoutResponsesTheBotNamesTheIntentAndWhatItWouldDo) {
    FakeIntentModel model;
    BotVersion bot = testBot();
    bot.responses = ResponseSet();
    ChatEngine engine(bot, model);
    ChatSession session("s");
    auto en = engine.turn(session, "what is my balance");
    ASSERT_TRUE(en);
    EXPECT_EQ(en->decision, Decision::Answer);
    EXPECT_EQ(en->responseKey, "balance.default");
    EXPECT_NE(en->answer.find("\"balance\""), std::string::npos);
    EXPECT_NE(en->answer.find("I would now"), std::string::npos);
    auto zh = engine.turn(session, "查余额");
    ASSERT_TRUE(zh);
    EXPECT_NE(zh->answer.find("「balance」"), std::string::npos) << zh->answer;
}

TEST(ChatEngine, VariantsDifferAcrossSessionsAndReplayIdentically) {
    FakeIntentModel model;
    ChatEngine engine(testBot(), model);
    std::set<std::string> answers;
    for (int s = 0; s < 30; ++s) {
        ChatSession session("session-" + std::to_string(s));
        answers.insert(engine.turn(session, "balance please")->answer);
    }
    EXPECT_EQ(answers.size(), 3u);
    ChatSession a("same"), b("same");
    EXPECT_EQ(engine.turn(a, "balance please")->answer, engine.turn(b, "balance please")->answer);
}

TEST(ChatEngine, JsonCarriesTheContractKeys) {
    FakeIntentModel model;
    ChatEngine engine(testBot(), model);
    ChatSession session("s");
    auto result = engine.turn(session, "balance please");
    ASSERT_TRUE(result);
    const auto json = toJson(*result);
    for (const char* key :
         {"session", "turn", "intent", "confidence", "decision", "answer", "sources", "slots",
          "quick_replies", "response_key", "top_intents", "threshold", "elapsed_ms"})
        EXPECT_TRUE(json.contains(key)) << key;
    EXPECT_EQ(json["decision"], "answer");
    EXPECT_FALSE(toJson(*result, false).contains("top_intents"));
}

} // namespace
} // namespace bankbench::core::chat
