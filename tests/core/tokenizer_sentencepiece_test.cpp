#include "text/sentencepiecemodel.h"

#include <gtest/gtest.h>

#include <random>
#include <thread>

using namespace bankbench::core;

namespace {

// A small bilingual banking corpus, generated deterministically: English and Chinese sentences built
// from templates, with full-width and upper-case variants that normalisation must fold.
std::vector<std::string> bilingualCorpus(int count) {
    const std::vector<std::string> english = {
        "my card was declined at the atm", "how do i transfer money to another account",
        "i want to top up my card",        "why was i charged a fee for the transfer",
        "the atm did not give me my cash", "please freeze my lost card",
        "how long does a transfer take",   "can i change my pin at the atm"};
    const std::vector<std::string> chinese = {
        "我的银行卡在取款机被拒了", "怎么给别的账户转账",   "我想给卡充值",     "为什么转账收了手续费",
        "取款机没有吐出现金",       "请冻结我丢失的银行卡", "转账需要多长时间", "可以在取款机修改密码吗"};
    std::mt19937 rng(1234);
    std::vector<std::string> corpus;
    for (int i = 0; i < count; ++i) {
        std::string text = i % 2 == 0 ? english[rng() % english.size()] : chinese[rng() % chinese.size()];
        if (i % 7 == 0)
            text += "，ＡＴＭ　１２３";
        if (i % 5 == 0)
            text = "URGENT: " + text;
        corpus.push_back(text);
    }
    return corpus;
}

SentencePieceTrainOptions smallOptions() {
    SentencePieceTrainOptions options;
    options.vocabSize = 150;
    return options;
}

} // namespace

TEST(SentencePieceModel, TrainsOnBilingualCorpusAndRoundTrips) {
    const auto corpus = bilingualCorpus(400);
    auto model = SentencePieceModel::train(corpus, smallOptions());
    ASSERT_TRUE(model) << model.error().what();
    EXPECT_GT(model->vocabSize(), 20);
    EXPECT_LE(model->vocabSize(), 150);
    EXPECT_EQ(model->unkId(), 0);
    EXPECT_EQ(model->bosId(), 1);
    EXPECT_EQ(model->eosId(), 2);
    EXPECT_EQ(model->padId(), 3);

    for (const std::string text : {"my card was declined at the atm", "请冻结我丢失的银行卡",
                                   "URGENT: how long does a transfer take，ＡＴＭ　１２３"}) {
        SCOPED_TRACE(text);
        const auto ids = model->encodeIds(text);
        ASSERT_FALSE(ids.empty());
        for (const int id : ids)
            EXPECT_NE(id, model->unkId());
        // Decoding gives back the normalised text exactly.
        EXPECT_EQ(model->decodeIds(ids), normalizeText(text));
        EXPECT_EQ(model->encodePieces(text).size(), ids.size());
    }
    // Frequent words become single pieces with the word-start mark.
    const auto pieces = model->encodePieces("the atm");
    EXPECT_NE(std::find(pieces.begin(), pieces.end(),
                        "\xE2\x96\x81"
                        "atm"),
              pieces.end());
}

TEST(SentencePieceModel, NormalisesWidthAndCase) {
    auto model = SentencePieceModel::train(bilingualCorpus(400), smallOptions());
    ASSERT_TRUE(model);
    EXPECT_EQ(model->encodeIds("ＭＹ ＣＡＲＤ，取款机"), model->encodeIds("my card,取款机"));
    EXPECT_EQ(model->encodeIds("My Card"), model->encodeIds("my card"));
    // Digits are split one by one (splitDigits), so amounts do not become rare pieces.
    EXPECT_EQ(model->encodePieces("123"), (std::vector<std::string>{"\xE2\x96\x81", "1", "2", "3"}));
}

TEST(SentencePieceModel, TrainingIsDeterministic) {
    const auto corpus = bilingualCorpus(300);
    auto first = SentencePieceModel::train(corpus, smallOptions());
    auto second = SentencePieceModel::train(corpus, smallOptions());
    ASSERT_TRUE(first);
    ASSERT_TRUE(second);
    EXPECT_EQ(first->modelProto(), second->modelProto());
    EXPECT_EQ(first->serialized(), second->serialized());
}

TEST(SentencePieceModel, SerializedBytesReloadWithTheirNormalisation) {
    SentencePieceTrainOptions options = smallOptions();
    options.normalize.caseFold = false;
    auto model = SentencePieceModel::train(bilingualCorpus(300), options);
    ASSERT_TRUE(model);
    const std::string bytes = model->serialized();
    auto reloaded = SentencePieceModel::fromBytes(bytes);
    ASSERT_TRUE(reloaded) << reloaded.error().what();
    EXPECT_FALSE(reloaded->normalizeOptions().caseFold);
    EXPECT_TRUE(reloaded->normalizeOptions().nfkc);
    EXPECT_EQ(reloaded->vocabSize(), model->vocabSize());
    for (const std::string text : {"Please freeze my LOST card", "转账需要多长时间？"})
        EXPECT_EQ(reloaded->encodeIds(text), model->encodeIds(text));

    // The bare proto loads too (no normalisation of ours: full-width stays full-width).
    auto bare = SentencePieceModel::fromBytes(model->modelProto());
    ASSERT_TRUE(bare) << bare.error().what();
    EXPECT_FALSE(bare->normalizeOptions().nfkc);
    EXPECT_EQ(bare->encodeIds("转账需要多长时间"), model->encodeIds("转账需要多长时间"));
}

TEST(SentencePieceModel, SharedAcrossThreads) {
    auto model = SentencePieceModel::train(bilingualCorpus(300), smallOptions());
    ASSERT_TRUE(model);
    const auto expected = model->encodeIds("how do i transfer money 怎么给别的账户转账");
    std::atomic<int> mismatches{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t)
        threads.emplace_back([&] {
            for (int i = 0; i < 200; ++i)
                if (model->encodeIds("how do i transfer money 怎么给别的账户转账") != expected)
                    ++mismatches;
        });
    for (auto& thread : threads)
        thread.join();
    EXPECT_EQ(mismatches.load(), 0);
}

TEST(SentencePieceModel, IteratorSourceAndErrors) {
    // Streaming source: the same corpus through the callback gives the same model.
    const auto corpus = bilingualCorpus(300);
    size_t next = 0;
    auto streamed = SentencePieceModel::train(
        [&](std::string& text) {
            if (next == corpus.size())
                return false;
            text = corpus[next++];
            return true;
        },
        smallOptions());
    ASSERT_TRUE(streamed) << streamed.error().what();
    EXPECT_EQ(streamed->modelProto(), SentencePieceModel::train(corpus, smallOptions())->modelProto());

    auto empty = SentencePieceModel::train(std::vector<std::string>{"", "   "}, smallOptions());
    ASSERT_FALSE(empty);
    EXPECT_EQ(empty.error().code, ErrorCode::Empty);

    CancelToken cancel;
    cancel.cancel();
    auto cancelled = SentencePieceModel::train(corpus, smallOptions(), &cancel);
    ASSERT_FALSE(cancelled);
    EXPECT_EQ(cancelled.error().code, ErrorCode::Cancelled);

    SentencePieceTrainOptions hard = smallOptions();
    hard.vocabSize = 5000;
    hard.hardVocabLimit = true;
    auto tooBig = SentencePieceModel::train(corpus, hard);
    ASSERT_FALSE(tooBig);
    EXPECT_EQ(tooBig.error().code, ErrorCode::InvalidArgument);
    EXPECT_NE(tooBig.error().message.find("SentencePiece"), std::string::npos);

    auto garbage = SentencePieceModel::fromBytes("definitely not a model");
    ASSERT_FALSE(garbage);
    EXPECT_EQ(garbage.error().code, ErrorCode::Parse);
    auto truncated = SentencePieceModel::fromBytes(std::string("BBSPM\x01\xFF\x00\x00\x00{", 11));
    ASSERT_FALSE(truncated);
    EXPECT_EQ(truncated.error().code, ErrorCode::Parse);
}
