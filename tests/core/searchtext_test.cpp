#include "text/searchtext.h"
#include "text/utf8.h"

#include <gtest/gtest.h>

using namespace bankbench::core;

TEST(SearchText, ChineseCharactersAreSetApart) {
    EXPECT_EQ(searchBody("信用卡挂失"), "信 用 卡 挂 失 ");
    EXPECT_EQ(searchBody("my 信用卡 lost"), "my 信 用 卡  lost");
}

TEST(SearchText, FullWidthFormsAreFolded) {
    EXPECT_EQ(searchBody("ＡＴＭ１２３"), "ATM123");
    EXPECT_EQ(searchBody("卡　号"), "卡  号 ");
}

TEST(SearchText, QueryMakesPhrasesForChineseAndPrefixesForWords) {
    EXPECT_EQ(searchQuery("挂失"), "\"挂 失\"");
    EXPECT_EQ(searchQuery("card 挂失"), "\"card\"* AND \"挂 失\"");
    EXPECT_EQ(searchQuery("转账失败，怎么办"), "\"转 账 失 败\" AND \"怎 么 办\"");
}

TEST(SearchText, QueryDropsOperatorsAndQuotes) {
    EXPECT_EQ(searchQuery("\"card\" OR -(x)"), "\"card\"* AND \"OR\"* AND \"x\"*");
    EXPECT_EQ(searchQuery("  ,,, "), "");
}

TEST(Utf8, LengthCountsCodePoints) {
    EXPECT_EQ(utf8::length("a中😀"), 3);
    EXPECT_TRUE(utf8::isValid("中文"));
    EXPECT_FALSE(utf8::isValid(std::string("\xC4\xE3", 2)));  // GBK bytes for 你
    EXPECT_EQ(utf8::firstInvalid(std::string("ab\xFF", 3)), 2u);
}
