// Knowledge base: import (CSV/JSONL, errors with locations, duplicates), edits that keep the contentless FTS5
// index in step, BM25 search in English and Chinese, and re-ranking through an embedder.
#include "chat/knowledgebase.h"
#include "store/project.h"
#include "support/testsupport.h"

#include <gtest/gtest.h>

using namespace bankbench;
using namespace bankbench::core;
using namespace bankbench::core::chat;

namespace {

class KnowledgeBaseTest : public ::testing::Test {
protected:
    void SetUp() override {
        auto created = Project::create(m_dir.file("kb.bbproj"));
        ASSERT_TRUE(created.ok()) << created.error().what();
        m_project = std::move(created).value();
        m_bot = addBot("faq");
    }

    BotId addBot(const std::string& name) {
        auto stmt = m_project->database().prepare("INSERT INTO bots(name, created_at) VALUES (?1, 'now')");
        stmt.bind(1, name);
        stmt.run();
        return m_project->database().lastInsertRowId();
    }

    std::string write(const std::string& name, const std::string& text) {
        test::writeFile(m_dir.file(name), text);
        return m_dir.file(name);
    }

    std::int64_t ftsMatches(const std::string& match) {
        auto stmt = m_project->database().prepare("SELECT COUNT(*) FROM kb_fts WHERE kb_fts MATCH ?1");
        stmt.bind(1, match);
        stmt.step();
        return stmt.columnInt(0);
    }

    test::TempDir m_dir;
    std::unique_ptr<Project> m_project;
    BotId m_bot = 0;
};

const char* kFaqCsv =
    "Question,Answer,Class\n"
    "How do I block my lost debit card?,Call the helpline or block it in net banking.,cards\n"
    "What is the interest rate on a home loan?,Home loans start at 8.5% a year.,loans\n"
    "How do I block my lost debit card?,Call the helpline or block it in net banking.,cards\n"
    "\"How can I open a savings account, and what documents are needed?\",Bring your ID and "
    "address proof to any branch.,accounts\n"
    "信用卡怎么还款？,可以通过手机银行或自动还款还信用卡。,cards\n";

// KbSearchOptions::answerMatchWeight: words found only in an entry's answer lift it (off by default).
TEST_F(KnowledgeBaseTest, AnswerCoverageLiftsAnEntryWhoseAnswerNamesTheQuery) {
    KnowledgeBase kb(*m_project, m_bot);
    ASSERT_TRUE(
        kb.add("How do I close my account?", "Visit a branch with your passbook and identity proof."));
    ASSERT_TRUE(kb.add("How do I open an account?", "Apply online in ten minutes."));
    KbSearchOptions options;
    options.matchWeight = 0.2;
    options.typeWeight = 0;
    options.answerMatchWeight = 0.6;
    auto hits = kb.search("account passbook identity", options);
    ASSERT_TRUE(hits) << hits.error().what();
    ASSERT_GE(hits->size(), 2u);
    EXPECT_EQ(hits->front().question, "How do I close my account?");
    EXPECT_GT(hits->front().answerCoverage, 0.5);
    EXPECT_DOUBLE_EQ((*hits)[1].answerCoverage, 0.0);
    options.answerMatchWeight = 0;
    auto plain = kb.search("account passbook identity", options);
    ASSERT_TRUE(plain);
    EXPECT_DOUBLE_EQ(plain->front().answerCoverage, 0.0); // not computed when its weight is 0
}

} // namespace

TEST_F(KnowledgeBaseTest, CsvImportDeduplicatesExactDuplicatesAndReportsThem) {
    KnowledgeBase kb(*m_project, m_bot);
    KbImportOptions options;
    options.path = write("faq.csv", kFaqCsv);
    auto report = kb.importFile(options);
    ASSERT_TRUE(report.ok()) << report.error().what();
    EXPECT_EQ(report->added, 4);
    EXPECT_EQ(report->duplicatesInFile, 1);
    ASSERT_EQ(report->duplicates.size(), 1u);
    EXPECT_EQ(report->duplicates[0].line, 4);
    EXPECT_NE(report->duplicates[0].message.find("line 2"), std::string::npos);
    EXPECT_EQ(*kb.count(), 4);
    EXPECT_EQ(kb.entries()->front().source, "faq.csv:2");

    auto again = kb.importFile(options);
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(again->added, 0);
    EXPECT_EQ(again->duplicatesExisting, 4);
    EXPECT_EQ(*kb.count(), 4);
}

TEST_F(KnowledgeBaseTest, JsonlImportWithNamedColumns) {
    KnowledgeBase kb(*m_project, m_bot);
    KbImportOptions options;
    options.path = write("faq.jsonl",
                         "{\"q\": \"What is my card limit?\", \"reply\": \"See the app.\", \"ref\": \"A1\"}\n"
                         "\n"
                         "{\"q\": \"如何修改密码\", \"reply\": \"在手机银行里修改。\", \"ref\": \"B2\"}\n");
    options.answerColumn = "reply";
    options.sourceColumn = "ref";
    auto report = kb.importFile(options);
    ASSERT_TRUE(report.ok()) << report.error().what();
    EXPECT_EQ(report->added, 2);
    const auto entries = kb.entries().value();
    EXPECT_EQ(entries[1].question, "如何修改密码");
    EXPECT_EQ(entries[1].source, "B2");
}

TEST_F(KnowledgeBaseTest, ImportErrorsNameFileLineAndColumn) {
    KnowledgeBase kb(*m_project, m_bot);
    KbImportOptions options;
    options.path = write("nocol.csv", "Question,Reply\nWhy?,Because.\n");
    auto missing = kb.importFile(options);
    ASSERT_FALSE(missing.ok());
    EXPECT_NE(missing.error().what().find("nocol.csv:1: no answer column; the columns are: Question, Reply"),
              std::string::npos)
        << missing.error().what();

    options.path = write("empty_answer.csv", "question,answer\nA?,Yes.\nB?,  \n");
    auto empty = kb.importFile(options);
    ASSERT_FALSE(empty.ok());
    EXPECT_NE(empty.error().what().find("empty_answer.csv:3: empty answer (column \"answer\")"),
              std::string::npos)
        << empty.error().what();
    EXPECT_EQ(*kb.count(), 0); // nothing from a failed import

    options.path =
        write("bad.jsonl", "{\"question\": \"A?\", \"answer\": \"Yes.\"}\n{\"question\": \"B?\", oops}\n");
    auto bad = kb.importFile(options);
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.error().where.line, 2);
    EXPECT_GT(bad.error().where.column, 0);
    EXPECT_NE(bad.error().what().find("bad.jsonl:2:"), std::string::npos) << bad.error().what();

    options.skipBadRows = true;
    auto skipped = kb.importFile(options);
    ASSERT_TRUE(skipped.ok()) << skipped.error().what();
    EXPECT_EQ(skipped->added, 1);
    EXPECT_EQ(skipped->skipped, 1);
    ASSERT_EQ(skipped->warnings.size(), 1u);
    EXPECT_EQ(skipped->warnings[0].line, 2);
}

TEST_F(KnowledgeBaseTest, ImportIntoAMissingBotFails) {
    KnowledgeBase kb(*m_project, 999);
    KbImportOptions options;
    options.path = write("faq.csv", kFaqCsv);
    auto report = kb.importFile(options);
    ASSERT_FALSE(report.ok());
    EXPECT_EQ(report.error().code, ErrorCode::NotFound);
}

TEST_F(KnowledgeBaseTest, SearchRanksByBm25InEnglishAndChinese) {
    KnowledgeBase kb(*m_project, m_bot);
    KbImportOptions options;
    options.path = write("faq.csv", kFaqCsv);
    ASSERT_TRUE(kb.importFile(options).ok());

    auto hits = kb.search("my debit card was stolen, how can I freeze it?");
    ASSERT_TRUE(hits.ok()) << hits.error().what();
    ASSERT_FALSE(hits->empty());
    EXPECT_EQ(hits->front().question, "How do I block my lost debit card?");
    EXPECT_GT(hits->front().bm25, 0);
    EXPECT_GT(hits->front().match, 0.5);
    EXPECT_GT(hits->front().coverage, 0.5);
    EXPECT_DOUBLE_EQ(hits->front().score, hits->front().lexical);
    EXPECT_FALSE(hits->front().embeddingSimilarity.has_value());
    KbSearchOptions bm25Only;
    bm25Only.matchWeight = 0;
    bm25Only.typeWeight = 0;
    auto relative = kb.search("my debit card was stolen, how can I freeze it?", bm25Only);
    ASSERT_TRUE(relative.ok());
    EXPECT_DOUBLE_EQ(relative->front().lexical, 1.0); // BM25 relative to the best candidate

    auto rates = kb.search("home loan interest rates");
    ASSERT_TRUE(rates.ok());
    EXPECT_EQ(rates->front().answer, "Home loans start at 8.5% a year.");

    auto zh = kb.search("怎样还信用卡");
    ASSERT_TRUE(zh.ok());
    ASSERT_FALSE(zh->empty());
    EXPECT_EQ(zh->front().question, "信用卡怎么还款？");

    EXPECT_TRUE(kb.search("what is the")->empty()); // stop words only
    EXPECT_TRUE(kb.search("zebra")->empty());
}

TEST_F(KnowledgeBaseTest, OtherBotsEntriesStayOut) {
    KnowledgeBase kb(*m_project, m_bot);
    KnowledgeBase other(*m_project, addBot("other"));
    auto added = other.add("How do I block my card?", "Other bot's answer.");
    ASSERT_TRUE(added.ok()) << added.error().what();
    ASSERT_TRUE(kb.add("How do I open an account?", "Visit a branch.").ok());
    auto hits = kb.search("block card");
    ASSERT_TRUE(hits.ok());
    EXPECT_TRUE(hits->empty());
    EXPECT_EQ(other.search("block card")->size(), 1u);
}

TEST_F(KnowledgeBaseTest, AddUpdateAndDeleteKeepTheIndexInStep) {
    KnowledgeBase kb(*m_project, m_bot);
    auto id = kb.add("  How do I reset my PIN?  ", "Use the ATM.", "manual");
    ASSERT_TRUE(id.ok());
    EXPECT_EQ(kb.entry(*id)->question, "How do I reset my PIN?");
    EXPECT_EQ(kb.add("How do I reset my PIN?", "Use the ATM.").error().code, ErrorCode::AlreadyExists);
    EXPECT_EQ(kb.add("", "x").error().code, ErrorCode::InvalidArgument);
    EXPECT_EQ(ftsMatches("reset"), 1);

    ASSERT_TRUE(kb.update(*id, "How do I change my mobile number?", "In net banking.", "manual").ok());
    EXPECT_EQ(ftsMatches("reset"), 0);
    EXPECT_EQ(ftsMatches("mobile"), 1);
    auto hits = kb.search("update phone number");
    ASSERT_TRUE(hits.ok());
    ASSERT_EQ(hits->size(), 1u);
    EXPECT_EQ(hits->front().id, *id);

    EXPECT_EQ(kb.update(12345, "q", "a", "").error().code, ErrorCode::NotFound);
    ASSERT_TRUE(kb.remove(*id).ok());
    EXPECT_EQ(ftsMatches("mobile"), 0);
    EXPECT_TRUE(kb.search("mobile number")->empty());
    EXPECT_EQ(kb.remove(*id).error().code, ErrorCode::NotFound);

    ASSERT_TRUE(kb.add("a question about loans", "an answer").ok());
    ASSERT_TRUE(kb.add("a question about cards", "an answer").ok());
    ASSERT_TRUE(kb.clear().ok());
    EXPECT_EQ(*kb.count(), 0);
    EXPECT_EQ(ftsMatches("question"), 0);
    m_project->database().exec("INSERT INTO kb_fts(kb_fts, rank) VALUES ('integrity-check', 0)");
}

TEST_F(KnowledgeBaseTest, EmbeddingReRankReordersCandidatesAndCachesEntries) {
    KnowledgeBase kb(*m_project, m_bot);
    const KbEntryId lexical = kb.add("card fee card fee card fee", "Fees for cards.").value();
    const KbEntryId semantic = kb.add("how much is the card per year", "It depends on the card.").value();
    // A fake encoder: two dimensions, texts about a "year" point one way, everything else the other.
    int calls = 0;
    std::size_t textsEmbedded = 0;
    KbSearchOptions options;
    options.embedder = [&](const std::vector<std::string>& texts) -> Result<std::vector<float>> {
        ++calls;
        textsEmbedded += texts.size();
        std::vector<float> rows;
        for (const auto& t : texts) {
            const bool money = t.find("year") != std::string::npos;
            rows.push_back(money ? 1.0f : 0.0f);
            rows.push_back(money ? 0.0f : 1.0f);
        }
        return rows;
    };
    options.embeddingWeight = 0.0;
    auto bm25Only = kb.search("yearly card fee", options);
    ASSERT_TRUE(bm25Only.ok()) << bm25Only.error().what();
    ASSERT_EQ(bm25Only->size(), 2u);
    EXPECT_EQ(bm25Only->front().id, lexical);

    options.embeddingWeight = 0.7;
    auto reranked = kb.search("yearly card fee", options);
    ASSERT_TRUE(reranked.ok());
    ASSERT_EQ(reranked->size(), 2u);
    EXPECT_EQ(reranked->front().id, semantic);
    EXPECT_DOUBLE_EQ(*reranked->front().embeddingSimilarity, 1.0);
    EXPECT_DOUBLE_EQ(*reranked->back().embeddingSimilarity, 0.0);
    EXPECT_NEAR(reranked->front().score, 0.3 * reranked->front().lexical + 0.7, 1e-9);
    EXPECT_EQ(calls, 2);
    EXPECT_EQ(textsEmbedded, 3u + 1u); // entries embedded once, then only the query

    options.embedder = [](const std::vector<std::string>&) -> Result<std::vector<float>> {
        return Error{ErrorCode::InvalidArgument, "encoder unavailable", {}};
    };
    auto failed = kb.search("card fee", options);
    ASSERT_FALSE(failed.ok());
    EXPECT_EQ(failed.error().message, "encoder unavailable");
}

TEST_F(KnowledgeBaseTest, ScoreEntriesKeepsTheGivenOrder) {
    KnowledgeBase kb(*m_project, m_bot);
    const auto a = kb.add("借款审核期间能否取消借款", "可以。").value();
    const auto b = kb.add("微粒贷怎么提前还款", "在还款页面操作。").value();
    KbSearchOptions bm25Only;
    bm25Only.matchWeight = 0;
    bm25Only.typeWeight = 0;
    auto scored = kb.scoreEntries("能取消借款吗", {b, a, 424242}, bm25Only);
    ASSERT_TRUE(scored.ok());
    ASSERT_EQ(scored->size(), 2u);
    EXPECT_EQ((*scored)[0].id, b);
    EXPECT_EQ((*scored)[1].id, a);
    EXPECT_GT((*scored)[1].bm25, (*scored)[0].bm25);
    EXPECT_DOUBLE_EQ((*scored)[1].lexical, 1.0);
}

TEST_F(KnowledgeBaseTest, LexicalScoreCombinesBm25MatchAndQuestionKind) {
    KnowledgeBase kb(*m_project, m_bot);
    const auto who = kb.add("Who can buy the gift card", "Any customer.").value();
    const auto why = kb.add("Why should I buy the gift card gift card", "It is a nice present.").value();
    KbSearchOptions options;
    options.matchWeight = 0.5;
    options.typeWeight = 0.2;
    auto hits = kb.search("who is allowed to buy a gift card", options);
    ASSERT_TRUE(hits.ok());
    ASSERT_EQ(hits->size(), 2u);
    EXPECT_EQ(hits->front().id, who);
    for (const auto& h : *hits) {
        const double relative = h.bm25 / std::max((*hits)[0].bm25, (*hits)[1].bm25);
        const double sameKind = h.id == who ? 1.0 : 0.0;
        EXPECT_NEAR(h.lexical, 0.3 * relative + 0.5 * h.match + 0.2 * sameKind, 1e-9);
    }
    EXPECT_NE(hits->back().id, who);
    EXPECT_EQ(hits->back().id, why);
}
