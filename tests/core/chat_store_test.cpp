// BotStore and ChatLog (core/chat): bots and versions, the turn log with feedback, and sending
// low-confidence / thumbs-down turns to labeling as new records.

#include "chat/botstore.h"
#include "chat/chatlog.h"
#include "store/labelstore.h"
#include "support/testsupport.h"

#include <gtest/gtest.h>

namespace bankbench::core::chat {
namespace {

class ChatStoreTest : public ::testing::Test {
protected:
    void SetUp() override {
        auto created = Project::create(dir.file("p.bbproj"));
        ASSERT_TRUE(created) << created.error().what();
        project = std::move(*created);
    }
    NewBotVersion version(const std::string& run) {
        NewBotVersion v;
        v.runs = {run};
        IntentResponse r;
        r.intent = "balance";
        r.variants["en"] = {"Your balance is {amount}."};
        v.responses.set(r);
        v.policy.threshold = 0.7;
        return v;
    }
    TurnResult turn(const std::string& session, int n, const std::string& text, double confidence,
                    Decision decision) {
        TurnResult t;
        t.session = session;
        t.turn = n;
        t.text = text;
        t.intent = "balance";
        t.confidence = confidence;
        t.decision = decision;
        t.answer = "ok";
        return t;
    }
    test::TempDir dir;
    std::unique_ptr<Project> project;
};

TEST_F(ChatStoreTest, BotsHaveNumberedImmutableVersions) {
    BotStore store(*project);
    auto id = store.createBot("helpdesk");
    ASSERT_TRUE(id) << id.error().what();
    EXPECT_EQ(store.createBot("helpdesk").error().code, ErrorCode::AlreadyExists);
    EXPECT_EQ(store.createBot("").error().code, ErrorCode::InvalidArgument);
    EXPECT_EQ(store.version(*id).error().code, ErrorCode::NotFound);
    EXPECT_EQ(*store.addVersion(*id, version("fast-1")), 1);
    EXPECT_EQ(*store.addVersion(*id, version("fast-2")), 2);
    EXPECT_EQ(store.addVersion(*id, NewBotVersion{}).error().code, ErrorCode::InvalidArgument);
    auto latest = store.version(*id);
    ASSERT_TRUE(latest);
    EXPECT_EQ(latest->version, 2);
    EXPECT_EQ(latest->runs, std::vector<std::string>{"fast-2"});
    EXPECT_DOUBLE_EQ(latest->policy.threshold, 0.7);
    ASSERT_NE(latest->responses.find("balance"), nullptr);
    EXPECT_EQ(store.version(*id, 1)->runs, std::vector<std::string>{"fast-1"});
    EXPECT_EQ(store.versions(*id)->size(), 2u);
    auto bots = store.bots();
    ASSERT_EQ(bots->size(), 1u);
    EXPECT_EQ((*bots)[0].latestVersion, 2);
    EXPECT_EQ(store.bot("nobody").error().code, ErrorCode::NotFound);
}

TEST_F(ChatStoreTest, DeletingABotRemovesItsVersionsKnowledgeAndLog) {
    BotStore store(*project);
    const auto id = *store.createBot("b");
    ASSERT_TRUE(store.addVersion(id, version("r")));
    KnowledgeBase kb(*project, id);
    ASSERT_TRUE(kb.add("How do I reset my PIN?", "Use the app."));
    ChatLog log(*project);
    ASSERT_TRUE(log.logTurn(id, 1, turn("s", 1, "hi", 0.9, Decision::Answer)));
    ASSERT_TRUE(store.deleteBot(id));
    EXPECT_TRUE(store.bots()->empty());
    auto rows = project->database().prepare(
        "SELECT (SELECT COUNT(*) FROM kb_entries) + (SELECT COUNT(*) FROM chat_turns) "
        "+ (SELECT COUNT(*) FROM bot_versions)");
    ASSERT_TRUE(rows.step());
    EXPECT_EQ(rows.columnInt(0), 0);
}

TEST_F(ChatStoreTest, TurnsAreLoggedMaskedAndRated) {
    BotStore store(*project);
    const auto id = *store.createBot("b");
    ChatLog log(*project);
    auto turnId = log.logTurn(id, 1, turn("s", 1, "card 4111 1111 1111 1111 lost", 0.9, Decision::Answer));
    ASSERT_TRUE(turnId);
    ASSERT_TRUE(log.setFeedback(*turnId, -1));
    EXPECT_EQ(log.setFeedback(*turnId, 5).error().code, ErrorCode::InvalidArgument);
    EXPECT_EQ(log.setFeedback(9999, 1).error().code, ErrorCode::NotFound);
    auto turns = log.turns(id, "s");
    ASSERT_TRUE(turns);
    ASSERT_EQ(turns->size(), 1u);
    EXPECT_EQ((*turns)[0].feedback, -1);
    EXPECT_EQ((*turns)[0].text.find("4111 1111 1111 1111"), std::string::npos) << (*turns)[0].text;
    EXPECT_EQ((*turns)[0].decision, "answer");
}

TEST_F(ChatStoreTest, LowConfidenceAndThumbsDownTurnsBecomeUnlabelledRecordsOnce) {
    BotStore store(*project);
    const auto id = *store.createBot("b");
    ChatLog log(*project);
    ASSERT_TRUE(log.logTurn(id, 1, turn("s", 1, "sure thing", 0.95, Decision::Answer)));
    ASSERT_TRUE(log.logTurn(id, 1, turn("s", 2, "unsure thing", 0.40, Decision::Clarify)));
    auto disliked = log.logTurn(id, 1, turn("s", 3, "disliked thing", 0.99, Decision::Answer));
    ASSERT_TRUE(disliked);
    ASSERT_TRUE(log.setFeedback(*disliked, -1));
    ASSERT_TRUE(log.logTurn(id, 1, turn("s", 4, "handed over", 0.65, Decision::Handover)));

    LabelingRequest request;
    request.lowConfidenceBelow = 0.7;
    request.labels = {"balance", "card_lost"};
    auto report = log.sendToLabeling(id, request);
    ASSERT_TRUE(report) << report.error().what();
    EXPECT_TRUE(report->datasetCreated);
    EXPECT_EQ(report->sent, 3);
    auto dataset = project->dataset("chat-feedback");
    ASSERT_TRUE(dataset);
    EXPECT_EQ(dataset->rowCount, 3);
    EXPECT_EQ(dataset->labelledCount, 0);
    auto records = project->records(report->recordIds);
    ASSERT_EQ(records->size(), 3u);
    EXPECT_EQ((*records)[0].text, "unsure thing");
    EXPECT_TRUE((*records)[0].labels.empty());
    LabelStore labels(*project);
    auto set = labels.labels(*dataset->labelSetId);
    ASSERT_TRUE(set);
    ASSERT_EQ(set->size(), 2u);
    EXPECT_EQ((*set)[1].name, "card_lost");
    for (const auto& t : *log.turns(id))
        EXPECT_EQ(t.recordId.has_value(), t.text != "sure thing") << t.text;

    auto again = log.sendToLabeling(id, request);
    ASSERT_TRUE(again);
    EXPECT_FALSE(again->datasetCreated);
    EXPECT_EQ(again->sent, 0);
    ASSERT_TRUE(log.logTurn(id, 1, turn("t", 1, "another unsure", 0.1, Decision::Clarify)));
    auto third = log.sendToLabeling(id, request);
    ASSERT_TRUE(third);
    EXPECT_EQ(third->sent, 1);
    EXPECT_EQ(project->dataset("chat-feedback")->rowCount, 4);
}

} // namespace
// The Playground's per-bubble "send to labeling": exactly the picked turns, confident or not, never twice,
// never another bot's.
TEST_F(ChatStoreTest, PickedTurnsGoToLabelingWhateverTheirConfidence) {
    BotStore store(*project);
    const auto id = *store.createBot("b");
    const auto other = *store.createBot("other");
    ChatLog log(*project);
    const auto sure = *log.logTurn(id, 1, turn("s", 1, "sure thing", 0.95, Decision::Answer));
    ASSERT_TRUE(log.logTurn(id, 1, turn("s", 2, "unsure thing", 0.40, Decision::Clarify)));
    const auto foreign = *log.logTurn(other, 1, turn("s", 1, "other bot", 0.2, Decision::Clarify));

    LabelingRequest request;
    request.turnIds = {sure, foreign};
    auto report = log.sendToLabeling(id, request);
    ASSERT_TRUE(report) << report.error().what();
    EXPECT_EQ(report->sent, 1);
    auto records = project->records(report->recordIds);
    ASSERT_EQ(records->size(), 1u);
    EXPECT_EQ((*records)[0].text, "sure thing");
    const auto turns = *log.turns(id);
    EXPECT_TRUE(turns[0].recordId.has_value());
    EXPECT_FALSE(turns[1].recordId.has_value()); // unsure, but not picked
    EXPECT_FALSE(log.turns(other)->front().recordId.has_value());

    auto again = log.sendToLabeling(id, request);
    ASSERT_TRUE(again);
    EXPECT_EQ(again->sent, 0);
}

} // namespace bankbench::core::chat
