#include "io/csvreader.h"
#include "io/textinput.h"

#include <gtest/gtest.h>

#include <iconv.h>

#include <string>
#include <vector>

namespace bankbench::core {
namespace {

// One record as read, or a bad record's error, flattened for comparison.
struct Read {
    bool bad = false;
    std::int64_t line = 0;
    std::vector<std::string> fields;
    RowError error;

    bool operator==(const Read& o) const {
        return bad == o.bad && line == o.line && fields == o.fields && error.line == o.error.line &&
               error.column == o.error.column && error.message == o.error.message &&
               error.code == o.error.code;
    }
};

std::ostream& operator<<(std::ostream& os, const Read& r) {
    os << (r.bad ? "BAD " : "") << "line " << r.line << " [";
    for (const auto& f : r.fields)
        os << '<' << f << '>';
    os << "] " << r.error.line << ':' << r.error.column << ' ' << r.error.message;
    return os;
}

std::vector<Read> readAll(const std::string& bytes, std::size_t chunk, CsvDialect dialect = {},
                          const std::string& encoding = "utf-8",
                          std::size_t maxRecord = CsvReader::kDefaultMaxRecordBytes) {
    auto input = TextInput::fromBytes(bytes, encoding, chunk);
    EXPECT_TRUE(input.ok());
    CsvReader reader(**input, dialect, maxRecord);
    std::vector<Read> out;
    for (;;) {
        const auto status = reader.next();
        if (status == CsvReader::Status::End || status == CsvReader::Status::Failed)
            break;
        Read r;
        r.bad = status == CsvReader::Status::BadRecord;
        r.line = reader.line();
        if (r.bad)
            r.error = reader.error();
        else
            for (std::size_t i = 0; i < reader.fieldCount(); ++i)
                r.fields.emplace_back(reader.field(i));
        out.push_back(std::move(r));
    }
    return out;
}

Read row(std::int64_t line, std::vector<std::string> fields) {
    return Read{false, line, std::move(fields), {}};
}
Read bad(std::int64_t line, std::int64_t errLine, std::int64_t errColumn, std::string message,
         ErrorCode code = ErrorCode::Parse) {
    return Read{true, line, {}, RowError{code, errLine, errColumn, std::move(message)}};
}

TEST(CsvReader, PlainRecords) {
    EXPECT_EQ(readAll("a,b,c\n1,2,3\n", 1024),
              (std::vector<Read>{row(1, {"a", "b", "c"}), row(2, {"1", "2", "3"})}));
}

TEST(CsvReader, LastLineWithoutLineBreakAndTrailingDelimiter) {
    EXPECT_EQ(readAll("a,b,\nx,,", 1024), (std::vector<Read>{row(1, {"a", "b", ""}), row(2, {"x", "", ""})}));
}

TEST(CsvReader, QuotedFieldsWithDelimitersDoubledQuotesAndLineBreaks) {
    const std::string text =
        "id,text\n1,\"hello, \"\"world\"\"\"\n2,\"two\nlines\"\n3,\"crlf\r\ninside\"\r\n4,end\n";
    EXPECT_EQ(readAll(text, 1024),
              (std::vector<Read>{row(1, {"id", "text"}), row(2, {"1", "hello, \"world\""}),
                                 row(3, {"2", "two\nlines"}), row(5, {"3", "crlf\r\ninside"}),
                                 row(7, {"4", "end"})}));
}

TEST(CsvReader, CrLfAndLoneCrLineEndsAndBlankLinesAreSkipped) {
    EXPECT_EQ(
        readAll("a,b\r\n\r\n1,2\r3,4\r\r5,6", 1024),
        (std::vector<Read>{row(1, {"a", "b"}), row(3, {"1", "2"}), row(4, {"3", "4"}), row(6, {"5", "6"})}));
}

TEST(CsvReader, QuoteInsideUnquotedFieldIsLiteral) {
    EXPECT_EQ(readAll("5\" screen,ok\n", 1024), (std::vector<Read>{row(1, {"5\" screen", "ok"})}));
}

TEST(CsvReader, CharacterAfterClosingQuoteIsABadRecordAtItsColumn) {
    // Columns count characters, not bytes: 你好 is two columns.
    const std::string text = "a,b\n你好,\"quoted\"x,c\nnext,row\n";
    EXPECT_EQ(readAll(text, 1024),
              (std::vector<Read>{
                  row(1, {"a", "b"}),
                  bad(2, 2, 12,
                      "unexpected 'x' after the closing quote of a field; expected ',' or the end of "
                      "the line"),
                  row(3, {"next", "row"})}));
}

TEST(CsvReader, UnterminatedQuoteIsABadRecordAtTheQuoteAndReadingResumesOnTheNextLine) {
    const std::string text = "a,b\n1,\"never closed\n2,fine\n3,also fine\n";
    EXPECT_EQ(
        readAll(text, 1024),
        (std::vector<Read>{row(1, {"a", "b"}),
                           bad(2, 2, 3, "unterminated quoted field: the quote that opens it is never closed"),
                           row(3, {"2", "fine"}), row(4, {"3", "also fine"})}));
}

TEST(CsvReader, UnterminatedQuoteOnTheLastLine) {
    EXPECT_EQ(readAll("a\n\"x", 1024),
              (std::vector<Read>{
                  row(1, {"a"}),
                  bad(2, 2, 1, "unterminated quoted field: the quote that opens it is never closed")}));
}

TEST(CsvReader, OverlongQuotedFieldIsCutAtTheLimit) {
    std::string text = "a,b\n1,\"open\n";
    for (int i = 0; i < 200; ++i)
        text += "filler line " + std::to_string(i) + "\n";
    const auto records = readAll(text, 64, CsvDialect{}, "utf-8", 1000);
    ASSERT_GE(records.size(), 3u);
    EXPECT_TRUE(records[1].bad);
    EXPECT_EQ(records[1].error.line, 2);
    EXPECT_EQ(records[1].error.column, 3);
    EXPECT_EQ(records[2], row(3, {"filler line 0"}));
    EXPECT_EQ(records.back(), row(202, {"filler line 199"}));
}

TEST(CsvReader, OtherDelimitersAndNoQuoting) {
    CsvDialect tsv{'\t', '"', true};
    EXPECT_EQ(readAll("a\tb\n\"x\ty\"\tz\n", 1024, tsv),
              (std::vector<Read>{row(1, {"a", "b"}), row(2, {"x\ty", "z"})}));
    CsvDialect literal{'\t', '\0', true};
    EXPECT_EQ(readAll("a\tb\n\"x\" y\tz\n", 1024, literal),
              (std::vector<Read>{row(1, {"a", "b"}), row(2, {"\"x\" y", "z"})}));
    CsvDialect semicolon{';', '"', true};
    EXPECT_EQ(readAll("a;b\n1,5;\"x;y\"\n", 1024, semicolon),
              (std::vector<Read>{row(1, {"a", "b"}), row(2, {"1,5", "x;y"})}));
}

TEST(CsvReader, InvalidBytesMakeTheirRecordBad) {
    const std::string text = "a,b\nok,row\nbad,x\xFFy\nlast,row\n";
    EXPECT_EQ(readAll(text, 1024),
              (std::vector<Read>{row(1, {"a", "b"}), row(2, {"ok", "row"}),
                                 bad(3, 3, 6, "invalid UTF-8 byte sequence 0xFF", ErrorCode::Encoding),
                                 row(4, {"last", "row"})}));
}

TEST(CsvReader, FieldAndEndLocations) {
    auto input = TextInput::fromBytes("h1,h2\n\"multi\nline\",说明文字,x\n", "utf-8", 3);
    ASSERT_TRUE(input.ok());
    CsvReader reader(**input, CsvDialect{});
    ASSERT_EQ(reader.next(), CsvReader::Status::Record);
    ASSERT_EQ(reader.next(), CsvReader::Status::Record);
    EXPECT_EQ(reader.line(), 2);
    EXPECT_EQ(reader.fieldLocation(0).line, 2);
    EXPECT_EQ(reader.fieldLocation(0).column, 1);
    EXPECT_EQ(reader.fieldLocation(1).line, 3);
    EXPECT_EQ(reader.fieldLocation(1).column, 7);
    EXPECT_EQ(reader.fieldLocation(2).column, 12);
    EXPECT_EQ(reader.endLocation().line, 3);
    EXPECT_EQ(reader.endLocation().column, 13);
}

// The streaming logic at buffer boundaries: every chunk size from one byte up must read exactly what a
// single buffer reads, including errors and their locations.
TEST(CsvReader, EveryChunkSizeReadsTheSameRecords) {
    const std::string text = "id,text,label\r\n"
                             "1,\"多行\r\n文本, with \"\"quotes\"\"\",card_lost\r\n"
                             "\r\n"
                             "2,plain 中文 text,\"\"\r"
                             "3,\"bad\"quote,x\n"
                             "4,\"\",\n"
                             "5,after,\"end\"\n"
                             "6,\"unterminated\n"
                             "7,tail";
    const auto expected = readAll(text, text.size() + 1);
    ASSERT_EQ(expected.size(), 8u);
    EXPECT_EQ(expected[1], row(2, {"1", "多行\r\n文本, with \"quotes\"", "card_lost"}));
    EXPECT_EQ(expected[2], row(5, {"2", "plain 中文 text", ""}));
    EXPECT_TRUE(expected[3].bad);
    EXPECT_EQ(expected[4], row(7, {"4", "", ""}));
    EXPECT_EQ(expected[5], row(8, {"5", "after", "end"}));
    EXPECT_EQ(expected[6],
              bad(9, 9, 3, "unterminated quoted field: the quote that opens it is never closed"));
    EXPECT_EQ(expected[7], row(10, {"7", "tail"}));
    for (std::size_t chunk = 1; chunk <= 40; ++chunk)
        EXPECT_EQ(readAll(text, chunk), expected) << "chunk " << chunk;
}

TEST(CsvReader, EveryChunkSizeReadsTheSameRecordsThroughGbk) {
    const std::string utf8 = "文本,标签\n\"我的卡\n丢了\",挂失\n余额查询,\"查询\"\"余额\"\"\"\n坏\"行,x\n";
    iconv_t cd = iconv_open("GBK", "UTF-8");
    std::string gbk(utf8.size() * 2, '\0');
    char* in = const_cast<char*>(utf8.data());
    std::size_t inLeft = utf8.size();
    char* out = gbk.data();
    std::size_t outLeft = gbk.size();
    ASSERT_NE(iconv(cd, &in, &inLeft, &out, &outLeft), static_cast<std::size_t>(-1));
    iconv_close(cd);
    gbk.resize(gbk.size() - outLeft);
    const auto expected = readAll(utf8, 4096);
    ASSERT_EQ(expected.size(), 4u);
    for (std::size_t chunk = 1; chunk <= 24; ++chunk)
        EXPECT_EQ(readAll(gbk, chunk, CsvDialect{}, "gbk"), expected) << "chunk " << chunk;
}

} // namespace
} // namespace bankbench::core
