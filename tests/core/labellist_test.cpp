// Label lists imported from JSON or CSV.
#include "labeling/labellist.h"
#include "support/testsupport.h"

#include <gtest/gtest.h>

using namespace bankbench::core;

TEST(LabelList, JsonObjectsAndStrings) {
    const auto labels = parseLabelListJson(R"([
        {"name": "card_lost", "zh": "挂失", "en": "Card lost", "description": "Lost or stolen card",
         "color": "#e6194b", "hotkey": "1"},
        "balance",
        {"name": "transfer", "hotkey": null}
    ])")
                            .value();
    ASSERT_EQ(labels.size(), 3u);
    EXPECT_EQ(labels[0].displayZh, "挂失");
    EXPECT_EQ(labels[0].displayEn, "Card lost");
    EXPECT_EQ(labels[0].description, "Lost or stolen card");
    EXPECT_EQ(labels[0].color, "#e6194b");
    EXPECT_EQ(labels[0].hotkey, "1");
    EXPECT_EQ(labels[1].name, "balance");
    EXPECT_EQ(labels[2].hotkey, "");
}

TEST(LabelList, JsonErrorsSayWhere) {
    const auto broken = parseLabelListJson("[\n  {\"name\": \"a\",}\n]", "labels.json");
    ASSERT_FALSE(broken.ok());
    EXPECT_EQ(broken.error().where.file, "labels.json");
    EXPECT_EQ(broken.error().where.line, 2);
    EXPECT_GT(broken.error().where.column, 1);
    const auto noName = parseLabelListJson(R"([{"zh": "挂失"}])");
    ASSERT_FALSE(noName.ok());
    EXPECT_NE(noName.error().message.find("element 1"), std::string::npos);
    EXPECT_FALSE(parseLabelListJson(R"({"name": "a"})").ok());
    const auto unknown = parseLabelListJson(R"([{"name": "a", "colour_code": "x"}])");
    ASSERT_FALSE(unknown.ok());
    EXPECT_NE(unknown.error().message.find("colour_code"), std::string::npos);
    const auto twice = parseLabelListJson(R"(["a", "b", "a"])");
    ASSERT_FALSE(twice.ok());
    EXPECT_NE(twice.error().message.find("element 3"), std::string::npos);
}

TEST(LabelList, CsvWithHeaderInAnyOrder) {
    const auto labels = parseLabelListCsv("\xEF\xBB\xBFhotkey,name,zh,en,description,color\n"
                                          "1,card_lost,挂失,Card lost,\"Lost, or stolen\",#e6194b\n"
                                          "2,balance,余额,Balance,,\n")
                            .value();
    ASSERT_EQ(labels.size(), 2u);
    EXPECT_EQ(labels[0].name, "card_lost");
    EXPECT_EQ(labels[0].description, "Lost, or stolen");
    EXPECT_EQ(labels[1].displayZh, "余额");
    EXPECT_EQ(labels[1].color, "");
}

TEST(LabelList, CsvErrorsSayWhere) {
    const auto noName = parseLabelListCsv("zh,en\n挂失,Card lost\n", "l.csv");
    ASSERT_FALSE(noName.ok());
    EXPECT_NE(noName.error().message.find("name"), std::string::npos);
    const auto unknown = parseLabelListCsv("name,shortcut\na,1\n", "l.csv");
    ASSERT_FALSE(unknown.ok());
    EXPECT_EQ(unknown.error().where.line, 1);
    EXPECT_EQ(unknown.error().where.column, 6);
    const auto twice = parseLabelListCsv("name\na\nb\na\n", "l.csv");
    ASSERT_FALSE(twice.ok());
    EXPECT_EQ(twice.error().where.line, 4);
    const auto extra = parseLabelListCsv("name\na,b\n", "l.csv");
    ASSERT_FALSE(extra.ok());
    EXPECT_EQ(extra.error().where.line, 2);
    EXPECT_EQ(parseLabelListCsv("").error().code, ErrorCode::Empty);
}

TEST(LabelList, ReadsFilesByExtension) {
    bankbench::test::TempDir dir;
    bankbench::test::writeFile(dir.file("l.json"), R"(["a","b"])");
    bankbench::test::writeFile(dir.file("l.csv"), "name\nx\n");
    EXPECT_EQ(readLabelList(dir.file("l.json")).value().size(), 2u);
    EXPECT_EQ(readLabelList(dir.file("l.csv")).value()[0].name, "x");
    EXPECT_EQ(readLabelList(dir.file("missing.csv")).error().code, ErrorCode::Io);
}
