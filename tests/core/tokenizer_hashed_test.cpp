#include "text/hashedfeatures.h"

#include <gtest/gtest.h>

#include <algorithm>

using namespace bankbench::core;

namespace {
using Ids = std::vector<std::int64_t>;

// The documented feature encoding, recomputed independently: kind letter, U+001F, the feature text.
std::int64_t bucket(const std::string& kindAndText, int bits) {
    return static_cast<std::int64_t>(fnv1a64(kindAndText) & ((std::uint64_t{1} << bits) - 1));
}
} // namespace

TEST(Fnv1a64, KnownVectors) {
    // Reference values of the FNV specification (draft-eastlake-fnv, test vectors for FNV-1a 64).
    EXPECT_EQ(fnv1a64(""), 0xcbf29ce484222325ULL);
    EXPECT_EQ(fnv1a64("a"), 0xaf63dc4c8601ec8cULL);
    EXPECT_EQ(fnv1a64("foobar"), 0x85944171f73967e8ULL);
    // Continuing from a state hashes the concatenation.
    EXPECT_EQ(fnv1a64("bar", fnv1a64("foo")), fnv1a64("foobar"));
    // Bytes, not chars: UTF-8 "我" is E6 88 91.
    EXPECT_EQ(fnv1a64("我"), fnv1a64(std::string("\xE6\x88\x91")));
}

TEST(HashedFeatures, WordIdsComeFirstAndMatchTheEncoding) {
    HashedFeatureOptions options;
    options.bucketBits = 12;
    const HashedFeaturizer featurizer(options);
    Ids ids;
    // "Hello, World" → normalised "hello, world" → tokens hello | , | world.
    const size_t words = featurizer.featurize("Hello, World", ids);
    // 3 unigrams + 2 bigrams; char n-grams (2..4) of "<hello>" (7 chars: 6 + 5 + 4 = 15), "<,>" (3 chars:
    // 2 + 1 = 3) and "<world>" (15): 33 more.
    EXPECT_EQ(words, 5U);
    ASSERT_EQ(ids.size(), 5U + 33U);
    EXPECT_EQ(ids[0], bucket("w\x1fhello", 12));
    EXPECT_EQ(ids[1], bucket("w\x1f,", 12));
    EXPECT_EQ(ids[2], bucket("w\x1fworld", 12));
    EXPECT_EQ(ids[3], bucket("b\x1fhello\x1f,", 12));
    EXPECT_EQ(ids[4], bucket("b\x1f,\x1fworld", 12));
    EXPECT_EQ(ids[5], bucket("c\x1f<h", 12));        // first 2-gram of "<hello>"
    EXPECT_EQ(ids[5 + 14], bucket("c\x1fllo>", 12)); // last 4-gram of "<hello>"
    for (const auto id : ids) {
        EXPECT_GE(id, 0);
        EXPECT_LT(id, featurizer.numBuckets());
    }
}

TEST(HashedFeatures, ChineseGetsCharacterUniBiAndTrigrams) {
    const HashedFeaturizer featurizer;
    // 我要转账: four CJK tokens → 4 unigrams, 3 bigrams, then CJK trigrams 我要转, 要转账.
    Ids ids;
    EXPECT_EQ(featurizer.featurize("我要转账", ids), 7U);
    ASSERT_EQ(ids.size(), 9U);
    EXPECT_EQ(ids[0], bucket("w\x1f我", 20));
    EXPECT_EQ(ids[4], bucket("b\x1f我\x1f要", 20));
    EXPECT_EQ(ids[7], bucket("h\x1f我要转", 20));
    EXPECT_EQ(ids[8], bucket("h\x1f要转账", 20));
}

TEST(HashedFeatures, MixedTextAndRunsOfChinese) {
    const HashedFeaturizer featurizer;
    // "用ATM取钱": tokens 用 | atm | 取 | 钱; CJK runs [用] and [取钱] have no trigram;
    // 4 unigrams + 3 bigrams + n-grams of "<atm>" (5 chars: 4 + 3 + 2 = 9) = 16.
    Ids ids;
    EXPECT_EQ(featurizer.featurize("用ATM取钱", ids), 7U);
    EXPECT_EQ(ids.size(), 16U);
    EXPECT_EQ(HashedFeaturizer::tokens("用atm取钱"), (std::vector<std::string>{"用", "atm", "取", "钱"}));
}

TEST(HashedFeatures, NormalisationMakesFullWidthAndCaseAgree) {
    const HashedFeaturizer featurizer;
    EXPECT_EQ(featurizer.featurize("ＡＴＭ取款？"), featurizer.featurize("atm取款?"));
    EXPECT_NE(featurizer.featurize("atm"), featurizer.featurize("atms"));
    EXPECT_TRUE(featurizer.featurize("   ").empty());
}

TEST(HashedFeatures, DeterministicAndAppending) {
    const HashedFeaturizer a;
    const HashedFeaturizer b;
    const std::string text = "My card was declined at the ATM 我的卡被拒了";
    EXPECT_EQ(a.featurize(text), b.featurize(text));
    Ids batch;
    a.featurize("first text", batch);
    const size_t before = batch.size();
    a.featurize(text, batch);
    EXPECT_EQ(Ids(batch.begin() + static_cast<std::ptrdiff_t>(before), batch.end()), a.featurize(text));
}

TEST(HashedFeatures, OptionsSwitchFeatureKinds) {
    HashedFeatureOptions wordsOnly;
    wordsOnly.charMinN = 0;
    wordsOnly.cjkMinN = 0;
    wordsOnly.wordBigrams = false;
    // hello | world → 2 unigrams only.
    EXPECT_EQ(HashedFeaturizer(wordsOnly).featurize("hello world").size(), 2U);
    HashedFeatureOptions small;
    small.bucketBits = 3;
    const auto ids = HashedFeaturizer(small).featurize("a fairly long sentence about loans");
    EXPECT_TRUE(std::all_of(ids.begin(), ids.end(), [](std::int64_t id) { return id >= 0 && id < 8; }));
}

TEST(HashedFeatures, OptionsJsonRoundTripAndValidation) {
    HashedFeatureOptions options;
    options.bucketBits = 18;
    options.charMaxN = 5;
    options.normalize.caseFold = false;
    auto back = hashedFeatureOptionsFromJson(toJson(options));
    ASSERT_TRUE(back) << back.error().what();
    EXPECT_EQ(back->bucketBits, 18);
    EXPECT_EQ(back->charMaxN, 5);
    EXPECT_FALSE(back->normalize.caseFold);
    EXPECT_EQ(HashedFeaturizer(*back).featurize("Loan"), HashedFeaturizer(options).featurize("Loan"));

    auto tooBig = hashedFeatureOptionsFromJson(nlohmann::json{{"bucket_bits", 40}});
    ASSERT_FALSE(tooBig);
    EXPECT_NE(tooBig.error().message.find("bucket_bits"), std::string::npos);
    EXPECT_FALSE(hashedFeatureOptionsFromJson(nlohmann::json{{"char_min_n", 4}, {"char_max_n", 2}}));
    EXPECT_FALSE(hashedFeatureOptionsFromJson(nlohmann::json{{"word_bigrams", 1}}));
}
