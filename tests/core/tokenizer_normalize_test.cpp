#include "text/normalize.h"

#include <gtest/gtest.h>

using namespace bankbench::core;

TEST(NormalizeText, FullWidthFoldsToAsciiAndCaseFolds) {
    // NFKC: Ａ→A, １→1, ！→!, U+3000 → space; then case folding: ATM → atm.
    EXPECT_EQ(normalizeText("ＡＴＭ　取款１００元！"), "atm 取款100元!");
    EXPECT_EQ(normalizeText("ＡＴＭ"), normalizeText("atm"));
}

TEST(NormalizeText, CjkPunctuationBecomesAscii) {
    // ，→ , (NFKC)   。→ .   【】→ []   “” → "   …… → ...... (NFKC expands U+2026 itself)   、→ ,
    EXPECT_EQ(normalizeText("你好，世界。【通知】“转账”……、"), "你好,世界.[通知]\"转账\"......,");
    EXPECT_EQ(normalizeText("《条款》「注意」"), "<条款>\"注意\"");
    NormalizeOptions keep;
    keep.cjkPunctuation = false;
    EXPECT_EQ(normalizeText("你好。【通知】", keep), "你好。【通知】");
}

TEST(NormalizeText, WhitespaceAndInvisibleCharacters) {
    EXPECT_EQ(normalizeText("  Hello\t\n WORLD  "), "hello world");
    // Zero-width space and BOM are format characters: removed, not turned into spaces.
    EXPECT_EQ(normalizeText("a\u200Bb\uFEFFc\x01"), "abc");
    EXPECT_EQ(normalizeText(" \u3000\n"), "");
}

TEST(NormalizeText, CompatibilityCharacters) {
    // ① → 1, ﬁ → fi, ㎡ → m2 (NFKC), compatibility ideograph U+F900 → U+8C48.
    EXPECT_EQ(normalizeText("① ﬁ ㎡ \uF900"), "1 fi m2 \u8C48");
}

TEST(NormalizeText, CaseFoldingBeyondAscii) {
    NormalizeOptions foldOnly{false, true, false, false};
    // Simple folding: one code point to one (ß stays ß), Greek and Cyrillic fold too.
    EXPECT_EQ(normalizeText("ÀÉ Straße ΣΑΣ ДЕНЬГИ", foldOnly), "àé straße σασ деньги");
}

TEST(NormalizeText, EverythingOffIsIdentity) {
    const NormalizeOptions off{false, false, false, false};
    EXPECT_EQ(normalizeText("ＡＢ。  X\u200B", off), "ＡＢ。  X\u200B");
    // Invalid UTF-8 is replaced, never passed through.
    EXPECT_EQ(normalizeText("a\xFFz", off), "a\uFFFDz");
}

TEST(NormalizeText, OptionsRoundTripThroughJson) {
    NormalizeOptions options;
    options.caseFold = false;
    options.cleanWhitespace = false;
    auto back = normalizeOptionsFromJson(toJson(options));
    ASSERT_TRUE(back);
    EXPECT_FALSE(back->caseFold);
    EXPECT_FALSE(back->cleanWhitespace);
    EXPECT_TRUE(back->nfkc);
    EXPECT_TRUE(normalizeOptionsFromJson(nlohmann::json::object())->caseFold); // defaults
    auto bad = normalizeOptionsFromJson(nlohmann::json{{"case_fold", "yes"}});
    ASSERT_FALSE(bad);
    EXPECT_NE(bad.error().message.find("case_fold"), std::string::npos);
}
