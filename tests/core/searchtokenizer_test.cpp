#include "store/database.h"
#include "store/searchtokenizer.h"
#include "support/testsupport.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace bankbench::core {
namespace {

/// A contentless bb_text table over `documents` (rowid = position + 1) and its term list.
class SearchTokenizer : public ::testing::Test {
protected:
    void index(const std::vector<std::string>& documents) {
        m_db.exec("CREATE VIRTUAL TABLE t USING fts5(body, content='', tokenize='bb_text');"
                  "CREATE VIRTUAL TABLE terms USING fts5vocab(t, 'row');");
        auto insert = m_db.prepare("INSERT INTO t(rowid, body) VALUES(?1, ?2)");
        for (std::size_t i = 0; i < documents.size(); ++i)
            insert.bind(1, static_cast<std::int64_t>(i + 1)).bind(2, documents[i]).run();
    }
    std::vector<std::string> terms() {
        std::vector<std::string> all;
        auto stmt = m_db.prepare("SELECT term FROM terms ORDER BY term");
        while (stmt.step())
            all.push_back(stmt.columnText(0));
        return all;
    }
    std::vector<std::int64_t> match(const std::string& query) {
        std::vector<std::int64_t> rows;
        auto stmt = m_db.prepare("SELECT rowid FROM t WHERE t MATCH ?1 ORDER BY rowid");
        stmt.bind(1, query);
        while (stmt.step())
            rows.push_back(stmt.columnInt(0));
        return rows;
    }

    test::TempDir m_dir;
    Database m_db{m_dir.file("t.db")};
};

TEST_F(SearchTokenizer, EachChineseCharacterIsATokenAndAsciiWordsAreLowerCased) {
    index({"我的信用卡丢了，尾号0821。Card LOST_now"});
    EXPECT_EQ(terms(), (std::vector<std::string>{"0821", "card", "lost", "now", "丢", "了", "信", "卡", "号", "尾", "我",
                                                 "用", "的"}));
}

TEST_F(SearchTokenizer, FullWidthFormsCountAsHalfWidth) {
    index({"ＡＴＭ取款１２３元"});
    EXPECT_EQ(terms(), (std::vector<std::string>{"123", "atm", "元", "取", "款"}));
    EXPECT_EQ(match("atm"), (std::vector<std::int64_t>{1}));
    EXPECT_EQ(match("ＡＴＭ"), (std::vector<std::int64_t>{1})); // queries take the same path
}

TEST_F(SearchTokenizer, OtherScriptsGoThroughUnicode61CaseFoldingAndDiacritics) {
    index({"Café Ωmega naïve", "CAFE"});
    EXPECT_EQ(terms(), (std::vector<std::string>{"cafe", "naive", "ωmega"}));
    EXPECT_EQ(match("café"), (std::vector<std::int64_t>{1, 2}));
    EXPECT_EQ(match("ΩMEGA"), (std::vector<std::int64_t>{1}));
}

TEST_F(SearchTokenizer, PunctuationSeparatesAndPhrasesNeedAdjacentCharacters) {
    index({"信用卡挂失“急”", "信用 挂失卡", "々〆〇"});
    EXPECT_EQ(match("\"信 用 卡\""), (std::vector<std::int64_t>{1}));
    EXPECT_EQ(match("信用卡"), (std::vector<std::int64_t>{1})); // unspaced: the same phrase
    EXPECT_EQ(match("急"), (std::vector<std::int64_t>{1}));
    EXPECT_EQ(match("挂 AND 卡"), (std::vector<std::int64_t>{1, 2}));
    EXPECT_EQ(match("々〆〇"), (std::vector<std::int64_t>{3})); // letters and numbers, one word
}

TEST_F(SearchTokenizer, PrefixQueriesMatchWordStarts) {
    index({"transfer failed", "transferred", "refund"});
    EXPECT_EQ(match("\"transf\"*"), (std::vector<std::int64_t>{1, 2}));
}

} // namespace
} // namespace bankbench::core
