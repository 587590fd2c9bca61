#include "text/textaugment.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>

using namespace bankbench;
using core::AugmentOptions;
using core::TextAugmenter;

TEST(TextAugment, WordsAreSpaceSeparatedExceptCjkCharacters) {
    EXPECT_EQ(core::augmentationWords("my  card\tis lost"),
              (std::vector<std::string>{"my", "card", "is", "lost"}));
    EXPECT_EQ(core::augmentationWords("我的卡丢了"),
              (std::vector<std::string>{"我", "的", "卡", "丢", "了"}));
    EXPECT_EQ(core::augmentationWords("我的visa卡 lost"),
              (std::vector<std::string>{"我", "的", "visa", "卡", "lost"}));
    EXPECT_EQ(core::joinAugmentationWords({"我", "的", "visa", "卡", "lost", "it"}), "我的visa卡lost it");
}

TEST(TextAugment, NothingEnabledLeavesTheTextAlone) {
    const TextAugmenter augmenter{AugmentOptions{}};
    EXPECT_EQ(augmenter.augment("why was my card declined", 1), "why was my card declined");
}

TEST(TextAugment, DeletionDropsWordsAtTheRateAskedAndKeepsOne) {
    AugmentOptions options;
    options.deleteProbability = 0.3;
    const TextAugmenter augmenter{options};
    const std::string text = "one two three four five six seven eight nine ten";
    double words = 0;
    for (std::uint64_t seed = 0; seed < 400; ++seed) {
        const auto variant = core::augmentationWords(augmenter.augment(text, seed));
        ASSERT_FALSE(variant.empty());
        words += static_cast<double>(variant.size());
        for (const auto& w : variant) // deletion keeps the order of what it keeps
            EXPECT_NE(text.find(w), std::string::npos);
    }
    EXPECT_NEAR(words / 400.0, 7.0, 0.3);
    options.deleteProbability = 0.5;
    for (std::uint64_t seed = 0; seed < 50; ++seed)
        EXPECT_EQ(core::augmentationWords(TextAugmenter{options}.augment("单", seed)).size(), 1u);
}

TEST(TextAugment, SwapsKeepTheWordsAndChineseSwapsCharacters) {
    AugmentOptions options;
    options.swapProbability = 0.2;
    const TextAugmenter augmenter{options};
    int changed = 0;
    for (std::uint64_t seed = 0; seed < 50; ++seed) {
        const auto variant = augmenter.augment("我的银行卡被冻结了", seed);
        auto a = core::augmentationWords(variant), b = core::augmentationWords("我的银行卡被冻结了");
        changed += variant != "我的银行卡被冻结了" ? 1 : 0;
        std::sort(a.begin(), a.end());
        std::sort(b.begin(), b.end());
        EXPECT_EQ(a, b) << variant;
    }
    EXPECT_GT(changed, 40);
}

TEST(TextAugment, SynonymsReplacePhrasesWithAnotherMemberOfTheirGroup) {
    AugmentOptions options;
    options.synonymProbability = 1.0;
    options.synonyms = {{"debit card", "bank card", "card"}, {"借记卡", "银行卡"}};
    const TextAugmenter augmenter{options};
    std::set<std::string> seen;
    for (std::uint64_t seed = 0; seed < 40; ++seed) {
        const auto variant = augmenter.augment("My Debit Card was eaten", seed);
        seen.insert(variant);
        EXPECT_NE(variant, "My Debit Card was eaten");
    }
    // The longest match ("debit card") is replaced as a whole, never by itself.
    EXPECT_EQ(seen, (std::set<std::string>{"My bank card was eaten", "My card was eaten"}));
    EXPECT_EQ(augmenter.augment("我的借记卡丢了", 3), "我的银行卡丢了");
}

TEST(TextAugment, SameSeedSameVariant) {
    AugmentOptions options;
    options.deleteProbability = 0.2;
    options.swapProbability = 0.2;
    const TextAugmenter augmenter{options};
    const std::string text = "how do I top up my account with a transfer from another bank";
    EXPECT_EQ(augmenter.augment(text, 77), augmenter.augment(text, 77));
    std::set<std::string> variants;
    for (std::uint64_t seed = 0; seed < 20; ++seed)
        variants.insert(augmenter.augment(text, seed));
    EXPECT_GT(variants.size(), 15u);
}

TEST(TextAugment, SynonymFileGroupsAndErrorsNameTheLine) {
    const auto dir = std::filesystem::temp_directory_path() / "bankbench-synonyms-test";
    std::filesystem::create_directories(dir);
    const auto good = (dir / "good.txt").string();
    std::ofstream(good) << "# bank words\n\ntop up, top-up ,recharge\n借记卡，银行卡、储蓄卡\n";
    auto groups = core::readSynonymFile(good);
    ASSERT_TRUE(groups.ok()) << groups.error().what();
    EXPECT_EQ(*groups, (std::vector<std::vector<std::string>>{{"top up", "top-up", "recharge"},
                                                              {"借记卡", "银行卡", "储蓄卡"}}));
    const auto bad = (dir / "bad.txt").string();
    std::ofstream(bad) << "card, bank card\nlonely\n";
    auto failed = core::readSynonymFile(bad);
    ASSERT_FALSE(failed.ok());
    EXPECT_EQ(failed.error().where.line, 2);
    EXPECT_NE(failed.error().message.find("lonely"), std::string::npos);
    EXPECT_FALSE(core::readSynonymFile((dir / "missing.txt").string()).ok());
    std::filesystem::remove_all(dir);
}
