// Responses (core/chat/responses.h): JSON and CSV files, errors at FILE:LINE:COL, templates, variants.

#include "chat/responses.h"

#include <gtest/gtest.h>

namespace bankbench::core::chat {
namespace {

const char* const kResponsesJson = R"({
  "intents": {
    "card_lost": {
      "responses": {"en": ["Card ending {card_last4} is blocked."], "zh": ["尾号{card_last4}的卡已挂失。"]},
      "follow_up": {"card_last4": {"en": "Last four digits?", "zh": "请提供卡号后四位。"}}
    },
    "balance": {"responses": {"en": ["A", "B", "C"]}}
  }
})";

TEST(ChatResponses, JsonFileParsesVariantsAndFollowUps) {
    auto set = ResponseSet::parseJson(kResponsesJson, "r.json");
    ASSERT_TRUE(set) << set.error().what();
    const auto* lost = set->find("card_lost");
    ASSERT_NE(lost, nullptr);
    EXPECT_EQ(lost->requiredSlots, std::vector<std::string>{"card_last4"});
    EXPECT_EQ(lost->followUps.at("card_last4").at("zh"), "请提供卡号后四位。");
    EXPECT_EQ(set->find("balance")->variants.at("en").size(), 3u);
    EXPECT_EQ(set->find("nothing"), nullptr);
    // The stored form reads back the same.
    auto again = ResponseSet::fromJson(set->toJson());
    ASSERT_TRUE(again);
    EXPECT_EQ(again->toJson(), set->toJson());
}

TEST(ChatResponses, JsonSyntaxErrorNamesLineAndColumn) {
    auto set = ResponseSet::parseJson("{\n  \"intents\": {\n    \"a\": [1,,]\n  }\n}", "bad.json");
    ASSERT_FALSE(set);
    EXPECT_EQ(set.error().code, ErrorCode::Parse);
    EXPECT_EQ(set.error().where.file, "bad.json");
    EXPECT_EQ(set.error().where.line, 3);
    EXPECT_EQ(set.error().where.column, 13);
}

TEST(ChatResponses, JsonSemanticErrorsPointAtTheIntent) {
    auto unknownKey = ResponseSet::parseJson("{\"intents\": {\n \"x\": {\"responses\": {\"en\": [\"hi\"]},\n"
                                             "  \"answers\": 1}}}",
                                             "f.json");
    ASSERT_FALSE(unknownKey);
    EXPECT_EQ(unknownKey.error().where.line, 3);
    EXPECT_NE(unknownKey.error().message.find("unknown key \"answers\""), std::string::npos);

    auto badLanguage =
        ResponseSet::parseJson("{\"intents\": {\"x\": {\"responses\": {\"fr\": [\"salut\"]}}}}", "f.json");
    ASSERT_FALSE(badLanguage);
    EXPECT_NE(badLanguage.error().message.find("unknown language \"fr\""), std::string::npos);

    auto missingQuestion = ResponseSet::parseJson(
        R"({"intents": {"x": {"responses": {"en": ["a"], "zh": ["b"]}, "follow_up": {"date": {"en": "When?"}}}}})",
        "f.json");
    ASSERT_FALSE(missingQuestion);
    EXPECT_NE(missingQuestion.error().message.find("no follow-up question in \"zh\""), std::string::npos);

    auto noResponses = ResponseSet::parseJson(R"({"intents": {"x": {}}})", "f.json");
    ASSERT_FALSE(noResponses);
    EXPECT_NE(noResponses.error().message.find("no responses"), std::string::npos);
}

TEST(ChatResponses, CsvFileParsesAndReportsBadRowsWithColumns) {
    auto set = ResponseSet::parseCsv("intent,language,kind,slot,text\n"
                                     "transfer,en,response,,Sending {amount} on {date}.\n"
                                     "transfer,en,follow_up,amount,How much?\n"
                                     "transfer,en,follow_up,date,When?\n",
                                     "r.csv");
    ASSERT_TRUE(set) << set.error().what();
    EXPECT_EQ(set->find("transfer")->requiredSlots, (std::vector<std::string>{"amount", "date"}));

    auto badKind = ResponseSet::parseCsv("intent,language,kind,slot,text\nx,en,reply,,hi\n", "r.csv");
    ASSERT_FALSE(badKind);
    EXPECT_EQ(badKind.error().where.line, 2);
    EXPECT_EQ(badKind.error().where.column, 6);
    EXPECT_NE(badKind.error().what().find("r.csv:2:6: unknown kind \"reply\""), std::string::npos);

    auto badHeader = ResponseSet::parseCsv("intent,lang,kind,slot,text\n", "r.csv");
    ASSERT_FALSE(badHeader);
    EXPECT_EQ(badHeader.error().where.column, 8);

    auto shortRow = ResponseSet::parseCsv("intent,language,kind,slot,text\nx,en,response\n", "r.csv");
    ASSERT_FALSE(shortRow);
    EXPECT_EQ(shortRow.error().where.line, 2);
    EXPECT_NE(shortRow.error().message.find("expected 5 fields"), std::string::npos);

    auto noAnswer =
        ResponseSet::parseCsv("intent,language,kind,slot,text\nx,en,follow_up,date,When?\n", "r.csv");
    ASSERT_FALSE(noAnswer);
    EXPECT_NE(noAnswer.error().message.find("no response"), std::string::npos);
}

TEST(ChatResponses, FillTemplateReplacesKnownPlaceholdersAndListsMissingOnes) {
    std::vector<std::string> missing;
    EXPECT_EQ(fillTemplate("Send {amount} {currency} on {date} {{ok}}",
                           {{"amount", "100"}, {"currency", "CNY"}}, &missing),
              "Send 100 CNY on {date} {ok}");
    EXPECT_EQ(missing, std::vector<std::string>{"date"});
    EXPECT_EQ(fillTemplate("尾号{card_last4}", {{"card_last4", "1234"}}), "尾号1234");
}

TEST(ChatResponses, VariantChoiceIsDeterministicPerSessionAndVariesAcrossSessions) {
    EXPECT_EQ(chooseVariant("s1", 3, "balance", 3), chooseVariant("s1", 3, "balance", 3));
    std::set<std::size_t> seen;
    for (int s = 0; s < 50; ++s)
        seen.insert(chooseVariant("session-" + std::to_string(s), 1, "balance", 3));
    EXPECT_EQ(seen.size(), 3u);
    EXPECT_EQ(chooseVariant("s", 1, "x", 1), 0u);
}

} // namespace
} // namespace bankbench::core::chat
