#include "io/encodingdetector.h"
#include "io/textdecoder.h"
#include "io/textinput.h"

#include <gtest/gtest.h>

#include <iconv.h>

#include <stdexcept>
#include <string>
#include <vector>

namespace bankbench::core {
namespace {

using namespace std::string_literals;

// Encodes UTF-8 text into `encoding` with iconv, to build non-UTF-8 inputs.
std::string encodeAs(const std::string& utf8, const char* encoding) {
    iconv_t cd = iconv_open(encoding, "UTF-8");
    if (cd == reinterpret_cast<iconv_t>(-1))
        throw std::runtime_error("iconv cannot encode to this encoding");
    std::string out(utf8.size() * 4 + 16, '\0');
    char* in = const_cast<char*>(utf8.data());
    std::size_t inLeft = utf8.size();
    char* outPtr = out.data();
    std::size_t outLeft = out.size();
    const std::size_t rc = iconv(cd, &in, &inLeft, &outPtr, &outLeft);
    iconv_close(cd);
    if (rc == static_cast<std::size_t>(-1))
        throw std::runtime_error("iconv failed");
    out.resize(out.size() - outLeft);
    return out;
}

const std::string kChinese =
    "text,label\n我的银行卡丢了，怎么挂失？,card_lost\n请问信用卡账单什么时候出？,bill_inquiry\n"
    "转账一直失败，钱会退回吗,transfer_failed\n理财产品的收益率是多少,wealth_product\n";

std::string decodeAll(const std::string& bytes, const std::string& encoding, std::size_t chunk,
                      std::vector<InvalidSequence>* invalidOut = nullptr) {
    auto decoder = TextDecoder::create(encoding);
    EXPECT_TRUE(decoder.ok());
    std::string out;
    std::vector<InvalidSequence> invalid;
    for (std::size_t i = 0; i < bytes.size(); i += chunk)
        (*decoder)->decode(std::string_view(bytes).substr(i, chunk), out, invalid);
    (*decoder)->finish(out, invalid);
    if (invalidOut)
        *invalidOut = invalid;
    return out;
}

TEST(EncodingDetect, EmptyFileIsRefused) {
    auto result = detectEncoding("", true, "auto", "in.csv");
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().code, ErrorCode::Empty);
    EXPECT_EQ(result.error().what(), "in.csv: file is empty");
}

TEST(EncodingDetect, AsciiIsUtf8) {
    auto result = detectEncoding("a,b\n1,2\n", true, "auto", "in.csv");
    ASSERT_TRUE(result.ok());
    EXPECT_EQ(result->encoding, "utf-8");
    EXPECT_EQ(result->bomLength, 0u);
    EXPECT_DOUBLE_EQ(result->confidence, 1.0);
}

TEST(EncodingDetect, Utf8WithAndWithoutBom) {
    auto plain = detectEncoding(kChinese, true, "auto", "in.csv");
    ASSERT_TRUE(plain.ok());
    EXPECT_EQ(plain->encoding, "utf-8");
    EXPECT_EQ(plain->bomLength, 0u);
    auto bom = detectEncoding("\xEF\xBB\xBF" + kChinese, true, "auto", "in.csv");
    ASSERT_TRUE(bom.ok());
    EXPECT_EQ(bom->encoding, "utf-8");
    EXPECT_EQ(bom->bomLength, 3u);
}

TEST(EncodingDetect, Utf8CutMidCharacterAtEndOfSampleIsStillUtf8) {
    const std::string head = kChinese.substr(0, kChinese.find("丢") + 1); // ends inside a 3-byte character
    auto result = detectEncoding(head, false, "auto", "in.csv");
    ASSERT_TRUE(result.ok());
    EXPECT_EQ(result->encoding, "utf-8");
}

TEST(EncodingDetect, Utf16WithBom) {
    auto le = detectEncoding("\xFF\xFE"s + encodeAs(kChinese, "UTF-16LE"), true, "auto", "in.csv");
    ASSERT_TRUE(le.ok());
    EXPECT_EQ(le->encoding, "utf-16le");
    EXPECT_EQ(le->bomLength, 2u);
    auto be = detectEncoding("\xFE\xFF"s + encodeAs(kChinese, "UTF-16BE"), true, "auto", "in.csv");
    ASSERT_TRUE(be.ok());
    EXPECT_EQ(be->encoding, "utf-16be");
}

TEST(EncodingDetect, Utf16WithoutBomByNulPattern) {
    auto le = detectEncoding(encodeAs(kChinese, "UTF-16LE"), true, "auto", "in.csv");
    ASSERT_TRUE(le.ok());
    EXPECT_EQ(le->encoding, "utf-16le");
    EXPECT_EQ(le->bomLength, 0u);
    auto be = detectEncoding(encodeAs(kChinese, "UTF-16BE"), true, "auto", "in.csv");
    ASSERT_TRUE(be.ok());
    EXPECT_EQ(be->encoding, "utf-16be");
}

TEST(EncodingDetect, MostlyChineseUtf16WithoutBomIsNotTakenForBinary) {
    const std::string text =
        "我的银行卡丢了怎么办，请帮忙处理一下谢谢\r\n信用卡账单什么时候出来呢我想知道\r\n";
    auto le = detectEncoding(encodeAs(text, "UTF-16LE"), true, "auto", "in.txt");
    ASSERT_TRUE(le.ok()) << le.error().what();
    EXPECT_EQ(le->encoding, "utf-16le");
    auto be = detectEncoding(encodeAs(text, "UTF-16BE"), true, "auto", "in.txt");
    ASSERT_TRUE(be.ok()) << be.error().what();
    EXPECT_EQ(be->encoding, "utf-16be");
}

TEST(EncodingDetect, GbkIsDetectedAndDecodedAsGb18030) {
    const std::string gbk = encodeAs(kChinese, "GBK");
    auto result = detectEncoding(gbk, true, "auto", "in.csv");
    ASSERT_TRUE(result.ok());
    EXPECT_EQ(result->encoding, "gb18030");
    EXPECT_GT(result->confidence, 0.5);
    EXPECT_EQ(decodeAll(gbk, result->encoding, 1 << 20), kChinese);
}

TEST(EncodingDetect, Utf8WithADamagedByteStaysUtf8) {
    std::string text = kChinese + kChinese;
    text.insert(text.find("怎么"), "\xFF");
    auto result = detectEncoding(text, true, "auto", "in.csv");
    ASSERT_TRUE(result.ok());
    EXPECT_EQ(result->encoding, "utf-8");
    EXPECT_LT(result->confidence, 0.5);
}

TEST(EncodingDetect, UserOverrideWins) {
    auto result = detectEncoding(kChinese, true, "GBK", "in.csv");
    ASSERT_TRUE(result.ok());
    EXPECT_EQ(result->encoding, "gbk");
    auto bom = detectEncoding("\xEF\xBB\xBF" + kChinese, true, "utf8", "in.csv");
    ASSERT_TRUE(bom.ok());
    EXPECT_EQ(bom->encoding, "utf-8");
    EXPECT_EQ(bom->bomLength, 3u);
    auto generic16 = detectEncoding("\xFE\xFF"s + encodeAs(kChinese, "UTF-16BE"), true, "utf-16", "in.csv");
    ASSERT_TRUE(generic16.ok());
    EXPECT_EQ(generic16->encoding, "utf-16be");
    EXPECT_EQ(generic16->bomLength, 2u);
}

TEST(EncodingDetect, UnknownOverrideIsAnError) {
    auto result = detectEncoding(kChinese, true, "klingon-8", "in.csv");
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().code, ErrorCode::InvalidArgument);
    EXPECT_NE(result.error().message.find("klingon-8"), std::string::npos);
}

TEST(EncodingDetect, BinarySignaturesAreRefused) {
    struct Case {
        std::string head;
        std::string expected;
    };
    const std::vector<Case> cases{
        {"PK\x03\x04\x14\x00\x06\x00"s, "looks like a ZIP archive, e.g. .xlsx"},
        {"\x1F\x8B\x08\x00"s, "looks like a gzip archive"},
        {"%PDF-1.7\n%\xE2\xE3"s, "looks like a PDF document"},
        {"\x7F"
         "ELF\x02\x01\x01"s,
         "looks like an executable (ELF)"},
        {"\x89PNG\r\n\x1A\n\0\0\0\rIHDR"s, "looks like a PNG image"},
        {"\xFF\xD8\xFF\xE0\0\x10JFIF"s, "looks like a JPEG image"},
        {"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"s, "looks like an old Office document, e.g. .xls"},
    };
    for (const auto& c : cases) {
        auto result = detectEncoding(c.head, true, "auto", "data.xlsx");
        ASSERT_FALSE(result.ok()) << c.expected;
        EXPECT_EQ(result.error().code, ErrorCode::NotText);
        EXPECT_EQ(result.error().what(),
                  "data.xlsx: not a text file (" + c.expected + "); export it as CSV, TSV or JSONL");
    }
    // A forced encoding does not turn a zip into text.
    auto forced = detectEncoding("PK\x03\x04\x14\x00"s, true, "gbk", "data.xlsx");
    ASSERT_FALSE(forced.ok());
    EXPECT_EQ(forced.error().code, ErrorCode::NotText);
}

TEST(EncodingDetect, NulAndControlHeavyContentIsRefused) {
    std::string binary;
    for (int i = 0; i < 4096; ++i)
        binary += static_cast<char>((i * 7919) % 256);
    auto result = detectEncoding(binary, true, "auto", "blob.csv");
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().code, ErrorCode::NotText);

    std::string controls(200, '\x01');
    controls += "a,b\n";
    auto control = detectEncoding(controls, true, "auto", "c.csv");
    ASSERT_FALSE(control.ok());
    EXPECT_NE(control.error().message.find("control characters"), std::string::npos);
}

TEST(TextDecoder, Utf8ChunksSplitAnywhereGiveTheSameText) {
    for (std::size_t chunk = 1; chunk <= 9; ++chunk) {
        std::vector<InvalidSequence> invalid;
        EXPECT_EQ(decodeAll(kChinese, "utf-8", chunk, &invalid), kChinese) << chunk;
        EXPECT_TRUE(invalid.empty());
    }
}

TEST(TextDecoder, GbkAndUtf16ChunksSplitAnywhereGiveTheSameText) {
    const std::string gbk = encodeAs(kChinese, "GBK");
    const std::string utf16 = encodeAs(kChinese, "UTF-16LE");
    const std::string gb4 = encodeAs("€ 𠀀 ok", "GB18030"); // four-byte GB18030 sequences
    for (std::size_t chunk = 1; chunk <= 9; ++chunk) {
        EXPECT_EQ(decodeAll(gbk, "gbk", chunk), kChinese) << chunk;
        EXPECT_EQ(decodeAll(utf16, "utf-16le", chunk), kChinese) << chunk;
        EXPECT_EQ(decodeAll(gb4, "gb18030", chunk), "€ 𠀀 ok") << chunk;
    }
}

TEST(TextDecoder, InvalidUtf8IsReplacedAndReported) {
    std::vector<InvalidSequence> invalid;
    const std::string out = decodeAll("ab\xFF"
                                      "c\xE4\xB8"
                                      "d",
                                      "utf-8", 2, &invalid);
    EXPECT_EQ(out, "ab\xEF\xBF\xBD"
                   "c\xEF\xBF\xBD"
                   "d");
    ASSERT_EQ(invalid.size(), 2u);
    EXPECT_EQ(invalid[0].offset, 2u);
    EXPECT_EQ(invalid[0].bytes, "\xFF");
    EXPECT_EQ(invalid[1].offset, 6u);
    EXPECT_EQ(invalid[1].bytes, "\xE4\xB8");
    EXPECT_EQ(invalidSequenceMessage("utf-8", invalid[0]), "invalid UTF-8 byte sequence 0xFF");
}

TEST(TextDecoder, TruncatedSequenceAtEndIsInvalid) {
    std::vector<InvalidSequence> invalid;
    const std::string out = decodeAll("ok\xE4\xB8", "utf-8", 64, &invalid);
    EXPECT_EQ(out, "ok\xEF\xBF\xBD");
    ASSERT_EQ(invalid.size(), 1u);
    EXPECT_EQ(invalid[0].bytes, "\xE4\xB8");
}

TEST(TextDecoder, InvalidGbkBytesAreReplacedAndReported) {
    const std::string bytes = encodeAs("你好", "GBK") + "\x80" + encodeAs("世界", "GBK");
    for (std::size_t chunk : {1u, 3u, 64u}) {
        std::vector<InvalidSequence> invalid;
        EXPECT_EQ(decodeAll(bytes, "gbk", chunk, &invalid), "你好\xEF\xBF\xBD世界") << chunk;
        ASSERT_EQ(invalid.size(), 1u);
        EXPECT_EQ(invalid[0].offset, 6u);
        EXPECT_EQ(invalid[0].bytes, "\x80");
    }
}

TEST(TextDecoder, EncodingNames) {
    EXPECT_EQ(canonicalEncodingName("UTF8"), "utf-8");
    EXPECT_EQ(canonicalEncodingName("CP936"), "gbk");
    EXPECT_EQ(canonicalEncodingName("EUC-CN"), "gb2312");
    EXPECT_EQ(canonicalEncodingName("UTF-16LE"), "utf-16le");
    EXPECT_EQ(iconvEncodingName("gbk"), "GB18030");
    EXPECT_EQ(iconvEncodingName("big5"), "BIG5");
}

TEST(TextInput, ReadsInChunksAndDropsConsumedText) {
    auto input = TextInput::fromBytes(encodeAs(kChinese, "GBK"), "gbk", 5);
    ASSERT_TRUE(input.ok());
    std::string all;
    std::size_t consumed = 0;
    for (;;) {
        all.append((*input)->text().substr(consumed));
        consumed = (*input)->size();
        if ((*input)->atEnd())
            break;
        consumed -= (*input)->fill(consumed);
    }
    EXPECT_EQ(all, kChinese);
    EXPECT_LT((*input)->size(), 64u); // never held the whole text
}

} // namespace
} // namespace bankbench::core
