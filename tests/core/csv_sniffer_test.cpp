#include "io/csvsniffer.h"

#include <gtest/gtest.h>

namespace bankbench::core {
namespace {

TEST(CsvSniffer, FindsTheDelimiter) {
    EXPECT_EQ(sniffDialect("text,label\nhello; there,a\nhi; you,b\n", ',', {}, {}, {}).delimiter, ',');
    EXPECT_EQ(sniffDialect("text\tlabel\nhello, there\ta\nhi, you, all\tb\n", ',', {}, {}, {}).delimiter,
              '\t');
    EXPECT_EQ(sniffDialect("text;label;n\n\"a;b\";x;1,5\nc;y;2,5\n", ',', {}, {}, {}).delimiter, ';');
    EXPECT_EQ(sniffDialect("text|label\na|x\nb|y\n", ',', {}, {}, {}).delimiter, '|');
    // One column: nothing to split on, keep the expected delimiter.
    EXPECT_EQ(sniffDialect("text\nhello\nworld\n", '\t', {}, {}, {}).delimiter, '\t');
}

TEST(CsvSniffer, ForcedValuesWin) {
    const auto dialect = sniffDialect("a;b\n1;2\n", ',', ',', '\'', false);
    EXPECT_EQ(dialect.delimiter, ',');
    EXPECT_EQ(dialect.quote, '\'');
    EXPECT_FALSE(dialect.hasHeader);
}

TEST(CsvSniffer, TurnsQuotingOffForLiteralQuotes) {
    const auto dialect = sniffDialect("text\tlabel\n\"hi\" she said\ta\nok\tb\n", ',', {}, {}, {});
    EXPECT_EQ(dialect.delimiter, '\t');
    EXPECT_EQ(dialect.quote, '\0');
    EXPECT_TRUE(sniffDialect("a,b\n\"x, y\",z\n", ',', {}, {}, {}).quote == '"');
}

TEST(CsvSniffer, DetectsHeaders) {
    EXPECT_TRUE(looksLikeHeader({{"text", "label"}, {"我的卡丢了", "card_lost"}, {"查余额", "balance"}}));
    EXPECT_TRUE(looksLikeHeader({{"客户留言", "意图"}, {"我的卡丢了", "card_lost"}}));
    EXPECT_TRUE(looksLikeHeader({{"amount", "when"}, {"12.5", "x"}, {"7", "y"}}));
    EXPECT_TRUE(looksLikeHeader({{"c", "msg_body"}, {"x", "a much longer message body here"}}));
    EXPECT_FALSE(looksLikeHeader({{"1", "hello"}, {"2", "world"}}));
    EXPECT_FALSE(looksLikeHeader({{"我的银行卡丢了怎么办", "card_lost"},
                                  {"信用卡账单什么时候出", "bill"},
                                  {"卡丢了要挂失", "card_lost"}}));
    EXPECT_TRUE(sniffDialect("text,label\nhi,a\n", ',', {}, {}, {}).hasHeader);
    EXPECT_FALSE(sniffDialect("1,hello there\n2,general kenobi\n", ',', {}, {}, {}).hasHeader);
}

} // namespace
} // namespace bankbench::core
