// Query normalisation for knowledge-base retrieval and the character-overlap baseline.
#include "chat/lexicalmatch.h"
#include "chat/retrievalquery.h"
#include "chat/textsimilarity.h"

#include <gtest/gtest.h>

using namespace bankbench::core::chat;

TEST(ChatRetrievalQuery, LightStemmingFoldsInflections) {
    EXPECT_EQ(lightStem("charges"), "charg");
    EXPECT_EQ(lightStem("charged"), "charg");
    EXPECT_EQ(lightStem("charging"), "charg");
    EXPECT_EQ(lightStem("transferring"), "transfer");
    EXPECT_EQ(lightStem("policies"), "polic");
    EXPECT_EQ(lightStem("policy"), "polic");
    EXPECT_EQ(lightStem("address"), "address");
    EXPECT_EQ(lightStem("card"), "card");
}

TEST(ChatRetrievalQuery, DropsStopWordsAndBuildsPrefixTerms) {
    const auto q = buildRetrievalQuery("What are the charges for my cards?", {true, false, true, 0});
    ASSERT_EQ(q.terms.size(), 2u);
    EXPECT_EQ(q.terms[0].key, "charg");
    EXPECT_EQ(q.terms[1].key, "card");
    EXPECT_EQ(q.match, "\"charg\"* OR \"card\"*");
    EXPECT_TRUE(buildRetrievalQuery("how do I?").match.empty());
}

TEST(ChatRetrievalQuery, ExpandsBankSynonymsIncludingPhrases) {
    const auto q = buildRetrievalQuery("nearest cash machine");
    EXPECT_NE(q.match.find("\"atm\""), std::string::npos) << q.match;
    const auto fee = buildRetrievalQuery("annual fee");
    EXPECT_NE(fee.match.find("\"charg\"*"), std::string::npos) << fee.match;
}

TEST(ChatRetrievalQuery, ChineseCharactersAndBigrams) {
    const auto q = buildRetrievalQuery("我的信用卡怎么还款", {true, false, true, 0});
    std::vector<std::string> keys;
    for (const auto& t : q.terms)
        keys.push_back(t.key);
    EXPECT_EQ(keys, (std::vector<std::string>{"信", "用", "卡", "还", "款", "信 用", "用 卡", "还 款"}));
    EXPECT_NE(q.match.find("\"还 款\""), std::string::npos);
}

TEST(ChatRetrievalQuery, CoverageCountsSynonymsAndInflections) {
    const auto q = buildRetrievalQuery("block stolen cards");
    EXPECT_DOUBLE_EQ(termCoverage(q, contentTerms("How do I hotlist a lost card?")), 1.0);
    EXPECT_NEAR(termCoverage(q, contentTerms("card fees")), 1.0 / 3, 1e-9);
    EXPECT_DOUBLE_EQ(termCoverage(buildRetrievalQuery("the"), contentTerms("card")), 0.0);
}

TEST(ChatTextSimilarity, CharacterOverlapIsDiceOverCharacters) {
    EXPECT_DOUBLE_EQ(characterOverlap("借款", "借款"), 1.0);
    EXPECT_DOUBLE_EQ(characterOverlap("借款", "还款"), 0.5);
    EXPECT_DOUBLE_EQ(characterOverlap("ＡＢ", "ab!"), 1.0);
    EXPECT_DOUBLE_EQ(characterOverlap("", "ab"), 0.0);
    EXPECT_DOUBLE_EQ(characterOverlap("abc", "xyz"), 0.0);
}

TEST(ChatRetrievalQuery, TruncationJoinsWordFamilies) {
    QueryOptions options;
    options.synonyms = false;
    EXPECT_EQ(contentTerms("guarantor", options), contentTerms("guarantee", options));
    EXPECT_EQ(contentTerms("traveller travelling", options), (std::vector<std::string>{"travel", "travel"}));
    EXPECT_EQ(buildRetrievalQuery("guarantee", options).match, "\"guaran\"*");
    options.prefixLength = 0;
    EXPECT_EQ(buildRetrievalQuery("guarantee", options).match, "\"guarante\"*");
}

TEST(ChatRetrievalQuery, QuestionKindsInEnglishAndChinese) {
    EXPECT_EQ(questionType("Who can purchase the card"), QuestionType::Who);
    EXPECT_EQ(questionType("why should I buy it"), QuestionType::Why);
    EXPECT_EQ(questionType("How long will it take"), QuestionType::When);
    EXPECT_EQ(questionType("how much interest do I pay"), QuestionType::HowMuch);
    EXPECT_EQ(questionType("How do I apply"), QuestionType::How);
    EXPECT_EQ(questionType("Can I pay online"), QuestionType::YesNo);
    EXPECT_EQ(questionType("What is IDV"), QuestionType::What);
    EXPECT_EQ(questionType("card fees"), QuestionType::Other);
    EXPECT_EQ(questionType("为什么我的额度降低了"), QuestionType::Why);
    EXPECT_EQ(questionType("怎么还款"), QuestionType::How);
    EXPECT_EQ(questionType("可以提前还款吗"), QuestionType::YesNo);
    EXPECT_EQ(questionType("利息是多少"), QuestionType::HowMuch);
}

TEST(ChatLexicalMatch, IdfWeightedCoverageBothWays) {
    TermStatistics stats;
    stats.build({contentTerms("card fee"), contentTerms("card limit"), contentTerms("card block"),
                 contentTerms("loan rate")});
    EXPECT_GT(stats.idf("fee"), stats.idf("card")); // rarer terms weigh more
    const auto q = buildRetrievalQuery("card fee");
    const auto same = lexicalMatch(q, contentTerms("card fee"), stats);
    EXPECT_DOUBLE_EQ(same.queryCoverage, 1.0);
    EXPECT_DOUBLE_EQ(same.questionCoverage, 1.0);
    EXPECT_DOUBLE_EQ(same.f1, 1.0);
    const auto longer = lexicalMatch(q, contentTerms("card fee waiver for students"), stats);
    EXPECT_DOUBLE_EQ(longer.queryCoverage, 1.0);
    EXPECT_LT(longer.questionCoverage, 1.0);
    const auto synonym = lexicalMatch(q, contentTerms("card charges"), stats);
    EXPECT_GT(synonym.queryCoverage, 0.5);
    EXPECT_LT(synonym.queryCoverage, 1.0); // a synonym earns less than the word itself
    EXPECT_DOUBLE_EQ(lexicalMatch(q, contentTerms("loan rate"), stats).f1, 0.0);
}
