// Conversation test files (core/chat/conversationtest.h) and knowledge-base answers through the engine.

#include "chat/botstore.h"
#include "chat/chatengine.h"
#include "chat/conversationtest.h"
#include "chatfakemodel.h"
#include "support/testsupport.h"

#include <gtest/gtest.h>

namespace bankbench::core::chat {
namespace {

BotVersion lostCardBot() {
    BotVersion bot;
    bot.runs = {"fake-run"};
    IntentResponse r;
    r.intent = "card_lost";
    r.variants["en"] = {"Card ending {card_last4} is blocked."};
    r.requiredSlots = {"card_last4"};
    r.followUps["card_last4"]["en"] = "Last four digits?";
    bot.responses.set(r);
    bot.policy.threshold = 0.6;
    bot.policy.margin = 0.1;
    return bot;
}

const char* const kTests = R"({"conversations": [
  {"name": "lost card", "language": "en", "turns": [
    {"user": "my card was stolen, lost", "intent": "card_lost", "decision": "follow_up", "response": "card_lost.ask.card_last4"},
    {"user": "1234", "slots": {"card_last4": "1234"}, "response": "card_lost"}]},
  {"name": "wrong on purpose", "turns": [
    {"user": "balance please", "intent": "transfer"}]}
]})";

TEST(ChatConversationTests, TurnsPassOrFailWithReasonsAndLines) {
    auto tests = parseConversationTests(kTests, "t.json");
    ASSERT_TRUE(tests) << tests.error().what();
    ASSERT_EQ(tests->size(), 2u);
    EXPECT_EQ((*tests)[0].turns[0].line, 3);
    EXPECT_EQ((*tests)[1].turns[0].line, 6);
    test::FakeIntentModel model;
    ChatEngine engine(lostCardBot(), model);
    std::vector<std::string> seen;
    auto report =
        runConversationTests(engine, *tests, [&](const TurnOutcome& o) { seen.push_back(o.conversation); });
    ASSERT_TRUE(report) << report.error().what();
    EXPECT_EQ(seen.size(), 3u);
    EXPECT_EQ(report->passed, 2);
    EXPECT_EQ(report->failed, 1);
    EXPECT_EQ(report->intentChecked, 2);
    EXPECT_EQ(report->intentCorrect, 1);
    const auto& failed = report->turns[2];
    ASSERT_EQ(failed.failures.size(), 1u);
    EXPECT_EQ(failed.failures[0], "intent: expected transfer, got balance");
    EXPECT_EQ(report->toJson()["failed"], 1);
}

TEST(ChatConversationTests, BadFilesNameLineAndColumn) {
    auto syntax = parseConversationTests("{\"conversations\": [\n  {\"turns\": [}\n]}", "t.json");
    ASSERT_FALSE(syntax);
    EXPECT_EQ(syntax.error().where.line, 2);
    auto unknown =
        parseConversationTests("[{\"turns\": [\n {\"user\": \"hi\", \"intnet\": \"x\"}]}]", "t.json");
    ASSERT_FALSE(unknown);
    EXPECT_EQ(unknown.error().where.line, 2);
    EXPECT_NE(unknown.error().message.find("unknown key \"intnet\""), std::string::npos);
    auto decision =
        parseConversationTests("[{\"turns\": [{\"user\": \"hi\", \"decision\": \"maybe\"}]}]", "t.json");
    ASSERT_FALSE(decision);
    EXPECT_NE(decision.error().message.find("unknown decision"), std::string::npos);
    EXPECT_EQ(parseConversationTests("[]", "t.json").error().code, ErrorCode::Empty);
}

TEST(ChatKnowledge, QuestionsWithoutAnIntentAreAnsweredFromTheFaqWithTheSource) {
    test::TempDir dir;
    auto project = Project::create(dir.file("p.bbproj"));
    ASSERT_TRUE(project);
    BotStore store(**project);
    const auto id = *store.createBot("faq");
    KnowledgeBase kb(**project, id);
    ASSERT_TRUE(kb.add("How do I reset my online banking password?",
                       "Tap 'Forgot password' on the login page.", "faq.csv:2"));
    ASSERT_TRUE(kb.add("What are your opening hours?", "Branches open 9:00-17:00 on weekdays.", "faq.csv:3"));
    test::FakeIntentModel model;
    ChatEngine engine(lostCardBot(), model, &kb);
    ChatSession session("s");
    auto result = engine.turn(session, "how can I reset my online banking password");
    ASSERT_TRUE(result) << result.error().what();
    EXPECT_EQ(result->decision, Decision::Knowledge);
    EXPECT_EQ(result->responseKey, "knowledge");
    EXPECT_EQ(result->answer, "Tap 'Forgot password' on the login page.");
    ASSERT_EQ(result->sources.size(), 1u);
    EXPECT_EQ(result->sources[0].source, "faq.csv:2");
    EXPECT_FALSE(result->consideredFaq.empty());

    // An understood intent with a template still answers from the template.
    auto intent = engine.turn(session, "my card was stolen, lost it, card 4111 1111 1111 1111");
    ASSERT_TRUE(intent);
    EXPECT_EQ(intent->decision, Decision::Answer);
    EXPECT_EQ(intent->answer, "Card ending 1111 is blocked.");
}

} // namespace
} // namespace bankbench::core::chat
