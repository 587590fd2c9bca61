#include "io/jsonlreader.h"
#include "io/textinput.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace bankbench::core {
namespace {

struct JsonlRead {
    std::vector<nlohmann::json> rows; // a bad row appears as {"bad": [line, column, message]}
    std::vector<std::int64_t> lines;
    std::vector<std::string> columns;
};

JsonlRead readAll(const std::string& text, std::size_t chunk) {
    auto input = TextInput::fromBytes(text, "utf-8", chunk);
    EXPECT_TRUE(input.ok());
    JsonlReader reader(std::move(input).value());
    JsonlRead out;
    nlohmann::json fields;
    for (;;) {
        const auto status = reader.next(fields);
        if (status == RowReader::Status::End || status == RowReader::Status::Failed)
            break;
        if (status == RowReader::Status::BadRow)
            out.rows.push_back(
                {{"bad", {reader.error().line, reader.error().column, reader.error().message}}});
        else
            out.rows.push_back(fields);
        out.lines.push_back(reader.line());
    }
    out.columns = reader.columns();
    return out;
}

TEST(JsonlReader, KeysInOrderOfFirstAppearanceAndLateKeysGrowTheColumns) {
    const auto read =
        readAll("{\"text\":\"hi\",\"id\":1}\n\n{\"id\":2,\"text\":\"yo\",\"extra\":[1,{\"b\":2}]}\n", 1024);
    EXPECT_EQ(read.columns, (std::vector<std::string>{"text", "id", "extra"}));
    ASSERT_EQ(read.rows.size(), 2u);
    EXPECT_EQ(read.rows[0], nlohmann::json::parse(R"(["hi", 1])"));
    EXPECT_EQ(read.rows[1], nlohmann::json::parse(R"(["yo", 2, [1, {"b": 2}]])"));
    EXPECT_EQ(read.lines, (std::vector<std::int64_t>{1, 3}));
}

TEST(JsonlReader, SyntaxErrorsAreBadRowsAtTheCharacterColumn) {
    const auto read = readAll("{\"a\":1,}\n{\"文本\":\"好\",x}\n{\"a\":2}\r\n", 1024);
    ASSERT_EQ(read.rows.size(), 3u);
    ASSERT_TRUE(read.rows[0].contains("bad"));
    EXPECT_EQ(read.rows[0]["bad"][0], 1);
    EXPECT_EQ(read.rows[0]["bad"][1], 8);
    EXPECT_NE(read.rows[0]["bad"][2].get<std::string>().find("invalid JSON: syntax error"),
              std::string::npos);
    ASSERT_TRUE(read.rows[1].contains("bad"));
    EXPECT_EQ(read.rows[1]["bad"][0], 2);
    EXPECT_EQ(read.rows[1]["bad"][1], 11);
    EXPECT_EQ(read.rows[2], nlohmann::json::parse("[2]"));
}

TEST(JsonlReader, NonObjectLinesAreBadRows) {
    const auto read = readAll("  [1,2]\n\"text\"\n{\"a\":1}\n", 1024);
    ASSERT_EQ(read.rows.size(), 3u);
    EXPECT_EQ(read.rows[0]["bad"],
              nlohmann::json::parse(R"([1, 3, "expected a JSON object, found an array"])"));
    EXPECT_EQ(read.rows[1]["bad"],
              nlohmann::json::parse(R"([2, 1, "expected a JSON object, found a string"])"));
    EXPECT_EQ(read.rows[2], nlohmann::json::parse("[1]"));
}

TEST(JsonlReader, InvalidBytesAreBadRows) {
    const auto read = readAll("{\"a\":\"ok\"}\n{\"a\":\"b\xFF\"}\n{\"a\":\"c\"}", 1024);
    ASSERT_EQ(read.rows.size(), 3u);
    EXPECT_EQ(read.rows[1]["bad"], nlohmann::json::parse(R"([2, 8, "invalid UTF-8 byte sequence 0xFF"])"));
    EXPECT_EQ(read.rows[2], nlohmann::json::parse(R"(["c"])"));
}

TEST(JsonlReader, EveryChunkSizeReadsTheSameRows) {
    const std::string text = "{\"text\":\"多行？不，一行\",\"labels\":[\"a\",\"b\"]}\r\n"
                             "\n"
                             "{\"text\":\"坏的\",}\n"
                             "{\"text\":\"x\",\"n\":3.5,\"nested\":{\"k\":[true,null]}}\n"
                             "{\"text\":\"末尾\"}";
    const auto expected = readAll(text, text.size() + 1);
    ASSERT_EQ(expected.rows.size(), 4u);
    for (std::size_t chunk = 1; chunk <= 30; ++chunk) {
        const auto read = readAll(text, chunk);
        EXPECT_EQ(read.rows, expected.rows) << chunk;
        EXPECT_EQ(read.lines, expected.lines) << chunk;
        EXPECT_EQ(read.columns, expected.columns) << chunk;
    }
}

TEST(JsonlReader, OverlongLineIsABadRowAndReadingGoesOn) {
    std::string text = "{\"a\":\"" + std::string(5000, 'x') + "\"}\n{\"a\":\"short\"}\n";
    auto input = TextInput::fromBytes(text, "utf-8", 100);
    ASSERT_TRUE(input.ok());
    JsonlReader reader(std::move(input).value(), 1000);
    nlohmann::json fields;
    ASSERT_EQ(reader.next(fields), RowReader::Status::BadRow);
    EXPECT_EQ(reader.error().line, 1);
    ASSERT_EQ(reader.next(fields), RowReader::Status::Row);
    EXPECT_EQ(reader.line(), 2);
    EXPECT_EQ(fields, nlohmann::json::parse(R"(["short"])"));
}

} // namespace
} // namespace bankbench::core
