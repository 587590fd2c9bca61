// Span offsets are Unicode code points; Qt counts UTF-16 units. These tests pin both conversions and
// the BIO tagging on Chinese, emoji (surrogate pairs in UTF-16) and mixed text.
#include "labeling/spans.h"
#include "labeling/textoffsets.h"

#include <gtest/gtest.h>

using namespace bankbench::core;
namespace to = bankbench::core::textoffsets;

namespace {

// 转 账 到 N e w ␠ Y o r k 👍 的 账 户  -> 15 code points; 👍 (U+1F44D) is 2 UTF-16 units, 4 UTF-8 bytes.
const std::string kMixed = "转账到New York👍的账户";
const std::u16string kMixed16 = u"转账到New York👍的账户";

} // namespace

TEST(TextOffsets, CountsCodePointsAndUtf16Units) {
    EXPECT_EQ(to::codePointCount(kMixed), 15);
    EXPECT_EQ(to::codePointCount(kMixed16), 15);
    EXPECT_EQ(to::utf16Count(kMixed), 16);
    EXPECT_EQ(static_cast<std::int64_t>(kMixed16.size()), 16);
    EXPECT_EQ(to::codePointCount(std::string("")), 0);
}

TEST(TextOffsets, ConvertsAcrossTheSurrogatePair) {
    // Before the emoji both counts agree; after it UTF-16 runs one ahead.
    EXPECT_EQ(to::codePointToUtf16(kMixed, 11), 11);
    EXPECT_EQ(to::codePointToUtf16(kMixed, 12), 13);
    EXPECT_EQ(to::codePointToUtf16(kMixed, 15), 16);
    EXPECT_EQ(to::utf16ToCodePoint(kMixed, 13), 12);
    EXPECT_EQ(to::utf16ToCodePoint(kMixed, 16), 15);
    // Between the two halves of 👍 there is no code point offset.
    EXPECT_EQ(to::utf16ToCodePoint(kMixed, 12), std::nullopt);
    EXPECT_EQ(to::utf16ToCodePoint(kMixed16, 12), std::nullopt);
    // Past the end, or negative.
    EXPECT_EQ(to::codePointToUtf16(kMixed, 16), std::nullopt);
    EXPECT_EQ(to::utf16ToCodePoint(kMixed, 17), std::nullopt);
    EXPECT_EQ(to::codePointToUtf16(kMixed, -1), std::nullopt);
}

TEST(TextOffsets, Utf8AndUtf16ViewsAgreeAtEveryOffset) {
    for (std::int64_t cp = 0; cp <= 15; ++cp) {
        const auto u16 = to::codePointToUtf16(kMixed, cp);
        ASSERT_TRUE(u16.has_value()) << cp;
        EXPECT_EQ(to::codePointToUtf16(kMixed16, cp), u16) << cp;
        EXPECT_EQ(to::utf16ToCodePoint(kMixed16, *u16), cp) << cp;
        EXPECT_EQ(to::utf16ToCodePoint(kMixed, *u16), cp) << cp;
        const auto byte = to::codePointToByte(kMixed, cp);
        ASSERT_TRUE(byte.has_value());
        EXPECT_EQ(to::byteToCodePoint(kMixed, *byte), cp);
    }
    EXPECT_EQ(to::byteToCodePoint(kMixed, 1), std::nullopt); // inside 转 (3 bytes)
}

TEST(TextOffsets, SubstringTakesCodePoints) {
    EXPECT_EQ(to::substring(kMixed, 3, 11), "New York");
    EXPECT_EQ(to::substring(kMixed, 11, 12), "👍");
    EXPECT_EQ(to::substring(kMixed, 12, 15), "的账户");
    EXPECT_EQ(to::substring(kMixed, 12, 99), "的账户");
}

TEST(Spans, ValidatesAgainstCodePointLength) {
    EXPECT_TRUE(validateSpans(kMixed, {{12, 15, "account"}}).ok());
    EXPECT_TRUE(validateSpans(kMixed, {{0, 15, "all"}}).ok());
    // 16 is the UTF-16 length, one past the code point length: a typical Qt-offset mistake.
    const auto tooLong = validateSpans(kMixed, {{12, 16, "account"}});
    ASSERT_FALSE(tooLong.ok());
    EXPECT_NE(tooLong.error().message.find("<= 15"), std::string::npos) << tooLong.error().message;
    EXPECT_FALSE(validateSpans(kMixed, {{3, 3, "empty"}}).ok());
    EXPECT_FALSE(validateSpans(kMixed, {{-1, 2, "neg"}}).ok());
    EXPECT_FALSE(validateSpans(kMixed, {{0, 2, ""}}).ok());
    EXPECT_FALSE(validateSpans(kMixed, {{6, 7, "space"}}).ok()); // only the space
    const auto overlap = validateSpans(kMixed, {{3, 11, "city"}, {7, 12, "other"}});
    ASSERT_FALSE(overlap.ok());
    EXPECT_NE(overlap.error().message.find("overlaps"), std::string::npos);
    // Touching spans do not overlap.
    EXPECT_TRUE(validateSpans(kMixed, {{3, 11, "city"}, {11, 12, "emoji"}}).ok());
}

TEST(Spans, JsonRoundTripAndErrors) {
    const std::vector<Span> spans{{3, 11, "city"}, {12, 15, "account"}};
    const auto json = spansToJson(spans);
    EXPECT_EQ(json.dump(),
              R"([{"end":11,"label":"city","start":3},{"end":15,"label":"account","start":12}])");
    EXPECT_EQ(spansFromJson(json).value(), spans);
    const auto bad = spansFromJson(nlohmann::json::parse(R"([{"start":1,"end":"2","label":"x"}])"));
    ASSERT_FALSE(bad.ok());
    EXPECT_NE(bad.error().message.find("spans[0].end"), std::string::npos) << bad.error().message;
    EXPECT_FALSE(spansFromJson(nlohmann::json::parse(R"({"start":1})")).ok());
}

TEST(Bio, ChineseByCharacterOthersByWhitespaceCutAtSpanEdges) {
    const auto bio = spansToBio(kMixed, {{3, 11, "city"}, {12, 15, "account"}}).value();
    std::vector<std::string> tokens;
    for (const auto& t : bio.tokens)
        tokens.push_back(t.text);
    EXPECT_EQ(tokens, (std::vector<std::string>{"转", "账", "到", "New", "York", "👍", "的", "账", "户"}));
    EXPECT_EQ(bio.tags, (std::vector<std::string>{"O", "O", "O", "B-city", "I-city", "O", "B-account",
                                                  "I-account", "I-account"}));
    EXPECT_EQ(bio.tokens[4].start, 7);
    EXPECT_EQ(bio.tokens[4].end, 11);
    EXPECT_EQ(bio.tokens[5].start, 11); // 👍 split from "York" because the span ends there
    EXPECT_EQ(spansFromBio(bio.tokens, bio.tags).value(),
              (std::vector<Span>{{3, 11, "city"}, {12, 15, "account"}}));
}

TEST(Bio, SpanInsideAWordCutsTheToken) {
    // "USD100": a span on "100" alone must survive the round trip.
    const std::string text = "pay USD100 now";
    const auto bio = spansToBio(text, {{7, 10, "amount"}}).value();
    std::vector<std::string> tokens;
    for (const auto& t : bio.tokens)
        tokens.push_back(t.text);
    EXPECT_EQ(tokens, (std::vector<std::string>{"pay", "USD", "100", "now"}));
    EXPECT_EQ(bio.tags, (std::vector<std::string>{"O", "O", "B-amount", "O"}));
    EXPECT_EQ(spansFromBio(bio.tokens, bio.tags).value(), (std::vector<Span>{{7, 10, "amount"}}));
}

TEST(Bio, AdjacentSpansOfOneLabelStaySeparate) {
    const std::string text = "北京上海";
    const std::vector<Span> spans{{0, 2, "city"}, {2, 4, "city"}};
    const auto bio = spansToBio(text, spans).value();
    EXPECT_EQ(bio.tags, (std::vector<std::string>{"B-city", "I-city", "B-city", "I-city"}));
    EXPECT_EQ(spansFromBio(bio.tokens, bio.tags).value(), spans);
}

TEST(Bio, WhitespaceAtSpanEdgesIsDropped) {
    const std::string text = "go to New York";
    const auto bio = spansToBio(text, {{5, 14, "city"}}).value(); // " New York"
    EXPECT_EQ(spansFromBio(bio.tokens, bio.tags).value(), (std::vector<Span>{{6, 14, "city"}}));
}

TEST(Bio, LenientReadingAndErrors) {
    const std::vector<BioToken> tokens{{"a", 0, 1}, {"b", 2, 3}, {"c", 4, 5}};
    // I- after O starts a span; I- of another label starts a new one.
    EXPECT_EQ(spansFromBio(tokens, {"I-x", "I-y", "I-y"}).value(),
              (std::vector<Span>{{0, 1, "x"}, {2, 5, "y"}}));
    EXPECT_FALSE(spansFromBio(tokens, {"O", "X-y", "O"}).ok());
    EXPECT_FALSE(spansFromBio(tokens, {"O"}).ok());
    EXPECT_FALSE(spansToBio("abc", {{0, 9, "x"}}).ok());
}

TEST(Bio, EmptyTextAndNoSpans) {
    const auto bio = spansToBio("", {}).value();
    EXPECT_TRUE(bio.tokens.empty());
    const auto plain = spansToBio("I lost my card 卡", {}).value();
    EXPECT_EQ(plain.tags, (std::vector<std::string>(5, "O")));
}
