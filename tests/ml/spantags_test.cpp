// Spans <-> BIO tags on WordPiece tokens, span-level scores, and reading span annotations from a project.
#include "ml/spandata.h"
#include "ml/spantags.h"
#include "spantestdata.h"
#include "store/labelstore.h"
#include "support/testsupport.h"

#include <gtest/gtest.h>

using namespace bankbench;
using core::Span;
using ml::kIgnoreTag;

namespace {

core::WordPieceTokenizer tokenizer(std::vector<std::string> words) {
    std::vector<std::string> vocab = {"[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"};
    vocab.insert(vocab.end(), words.begin(), words.end());
    return core::WordPieceTokenizer::fromVocab(vocab).value();
}

ml::TagSet tags(std::vector<std::string> types) {
    return ml::TagSet::fromTypes(std::move(types)).value();
}

} // namespace

TEST(SpanTags, TagSetNamesAndOrder) {
    const auto set = tags({"amount", "city"});
    EXPECT_EQ(set.size(), 5);
    EXPECT_EQ(set.tagNames(), (std::vector<std::string>{"O", "B-amount", "I-amount", "B-city", "I-city"}));
    EXPECT_EQ(set.typeIndex("city"), 1);
    EXPECT_EQ(set.typeIndex("payee"), -1);
    EXPECT_FALSE(ml::TagSet::fromTypes({}).ok());
    EXPECT_FALSE(ml::TagSet::fromTypes({"a", "a"}).ok());
}

TEST(SpanTags, EnglishTagsGoOnFirstPiecesOnly) {
    const auto wp = tokenizer({"pay", "50", "##us", "##d", "to", "new", "york", "."});
    const std::string text = "Pay 50usd to New York.";
    const auto aligned = ml::alignTokens(wp, text, 64);
    // [CLS] pay 50 ##us ##d to new york . [SEP]
    ASSERT_EQ(aligned.ids.size(), 10u);
    EXPECT_EQ(aligned.wordBegin, (std::vector<std::int64_t>{0, 4, 10, 13, 17, 21}));
    EXPECT_EQ(aligned.wordEnd, (std::vector<std::int64_t>{3, 9, 12, 16, 21, 22}));
    const auto set = tags({"amount", "city"});
    auto bio = ml::spansToTokenTags(text, aligned, {{4, 9, "amount"}, {13, 21, "city"}}, set);
    ASSERT_TRUE(bio.ok()) << bio.error().what();
    EXPECT_EQ(bio->tags,
              (std::vector<std::int64_t>{kIgnoreTag, 0, 1, kIgnoreTag, kIgnoreTag, 0, 3, 4, 0, kIgnoreTag}));
    EXPECT_EQ(bio->widened, 0);

    // Decoding the word tags gives the spans back, with their text and bytes.
    const std::vector<std::int64_t> wordTags = {0, 1, 0, 3, 4, 0};
    const auto spans = ml::tagsToSpans(text, aligned, wordTags, {0.9F, 0.8F, 0.9F, 0.6F, 0.4F, 0.9F}, set);
    ASSERT_EQ(spans.size(), 2u);
    EXPECT_EQ(spans[0].type, "amount");
    EXPECT_EQ(spans[0].text, "50usd");
    EXPECT_EQ(spans[0].start, 4);
    EXPECT_EQ(spans[0].end, 9);
    EXPECT_NEAR(spans[0].confidence, 0.8, 1e-6);
    EXPECT_EQ(spans[1].text, "New York");
    EXPECT_NEAR(spans[1].confidence, 0.5, 1e-6);
}

TEST(SpanTags, SpanEdgeInsideAWordWidensToTheWord) {
    const auto wp = tokenizer({"pay", "50", "##us", "##d"});
    const std::string text = "pay 50usd";
    const auto aligned = ml::alignTokens(wp, text, 64);
    auto bio = ml::spansToTokenTags(text, aligned, {{4, 6, "amount"}}, tags({"amount"}));
    ASSERT_TRUE(bio.ok());
    EXPECT_EQ(bio->widened, 1);
    EXPECT_EQ(bio->tags, (std::vector<std::int64_t>{kIgnoreTag, 0, 1, kIgnoreTag, kIgnoreTag, kIgnoreTag}));
    // A second span inside the same word has no word left: dropped, and counted.
    bio = ml::spansToTokenTags(text, aligned, {{4, 6, "amount"}, {6, 9, "currency"}},
                               tags({"amount", "currency"}));
    ASSERT_TRUE(bio.ok());
    EXPECT_EQ(bio->dropped, 1);
}

TEST(SpanTags, ChineseCharactersAreWordsOfTheirOwn) {
    const auto wp = tokenizer({"转", "账", "五", "百", "元", "给", "张", "三"});
    const std::string text = "转账五百元给张三";
    const auto aligned = ml::alignTokens(wp, text, 64);
    ASSERT_EQ(aligned.wordBegin.size(), 8u);
    auto bio =
        ml::spansToTokenTags(text, aligned, {{2, 5, "amount"}, {6, 8, "payee"}}, tags({"amount", "payee"}));
    ASSERT_TRUE(bio.ok()) << bio.error().what();
    EXPECT_EQ(bio->tags, (std::vector<std::int64_t>{kIgnoreTag, 0, 0, 1, 2, 2, 0, 3, 4, kIgnoreTag}));
    const std::vector<std::int64_t> wordTags = {0, 0, 1, 2, 2, 0, 3, 4};
    const auto spans =
        ml::tagsToSpans(text, aligned, wordTags, std::vector<float>(8, 1.0F), tags({"amount", "payee"}));
    ASSERT_EQ(spans.size(), 2u);
    EXPECT_EQ(spans[0].text, "五百元");
    EXPECT_EQ(spans[0].start, 2);
    EXPECT_EQ(spans[0].end, 5);
    EXPECT_EQ(spans[0].byteBegin, 6u); // three bytes per character
    EXPECT_EQ(spans[0].byteEnd, 15u);
    EXPECT_EQ(spans[1].text, "张三");
}

TEST(SpanTags, MixedTextAndLenientIReading) {
    const auto wp = tokenizer({"卡", "号", "1234", "pay", "me"});
    const std::string text = "卡号1234 pay me";
    const auto aligned = ml::alignTokens(wp, text, 64);
    EXPECT_EQ(aligned.wordBegin, (std::vector<std::int64_t>{0, 1, 2, 7, 11}));
    // I-x after O starts a span (seqeval's default); B-y inside x's span starts a new one.
    const auto set = tags({"card", "payee"});
    const auto spans = ml::tagsToSpans(text, aligned, {0, 0, 2, 3, 3}, std::vector<float>(5, 1.0F), set);
    ASSERT_EQ(spans.size(), 3u);
    EXPECT_EQ(spans[0].text, "1234");
    EXPECT_EQ(spans[1].text, "pay");
    EXPECT_EQ(spans[2].text, "me");
}

TEST(SpanTags, OverlappingAndInvalidSpansAreRejectedClearly) {
    const auto wp = tokenizer({"pay", "50", "to", "bob"});
    const std::string text = "pay 50 to bob";
    const auto aligned = ml::alignTokens(wp, text, 64);
    const auto set = tags({"amount", "payee"});
    auto overlap = ml::spansToTokenTags(text, aligned, {{4, 9, "amount"}, {7, 13, "payee"}}, set);
    ASSERT_FALSE(overlap.ok());
    EXPECT_EQ(overlap.error().code, core::ErrorCode::InvalidArgument);
    EXPECT_NE(overlap.error().message.find("overlap"), std::string::npos) << overlap.error().message;
    auto outside = ml::spansToTokenTags(text, aligned, {{10, 40, "payee"}}, set);
    ASSERT_FALSE(outside.ok());
    EXPECT_NE(outside.error().message.find("outside the text"), std::string::npos) << outside.error().message;
    auto empty = ml::spansToTokenTags(text, aligned, {{5, 5, "amount"}}, set);
    EXPECT_FALSE(empty.ok());
    auto unknown = ml::spansToTokenTags(text, aligned, {{10, 13, "city"}}, set);
    ASSERT_FALSE(unknown.ok());
    EXPECT_NE(unknown.error().message.find("\"city\", which is not a label of the span label set"),
              std::string::npos)
        << unknown.error().message;
}

TEST(SpanTags, TruncationKeepsWholeWordsAndCountsLostSpans) {
    const auto wp = tokenizer({"pay", "50", "##us", "##d", "to", "bob"});
    const std::string text = "pay 50usd to bob";
    const auto aligned = ml::alignTokens(wp, text, 5); // room for 3 pieces: "pay 50 ##us" would split a word
    EXPECT_TRUE(aligned.truncated);
    EXPECT_EQ(aligned.ids.size(), 3u); // [CLS] pay [SEP]
    auto bio = ml::spansToTokenTags(text, aligned, {{13, 16, "payee"}}, tags({"payee"}));
    ASSERT_TRUE(bio.ok());
    EXPECT_EQ(bio->truncated, 1);
}

TEST(SpanTags, TrimmedSpansDropEdgeWhitespace) {
    auto trimmed = ml::trimmedSpans("pay  bob now", {{3, 9, "payee"}});
    ASSERT_TRUE(trimmed.ok());
    EXPECT_EQ(*trimmed, (std::vector<Span>{{5, 8, "payee"}}));
}

// Hand-computed, as seqeval's classification_report would give (exact span match).
TEST(SpanScores, MatchesHandComputedSeqevalNumbers) {
    const std::vector<std::vector<Span>> gold = {{{0, 2, "amount"}, {5, 8, "city"}}, {{1, 3, "amount"}}};
    const std::vector<std::vector<Span>> predicted = {{{0, 2, "amount"}, {5, 7, "city"}},
                                                      {{1, 3, "amount"}, {4, 6, "card"}}};
    const auto s = ml::spanScores(gold, predicted, {"amount", "city"});
    ASSERT_EQ(s.perType.size(), 3u); // card is only predicted: appended
    EXPECT_EQ(s.perType[0].type, "amount");
    EXPECT_DOUBLE_EQ(s.perType[0].precision, 1.0);
    EXPECT_DOUBLE_EQ(s.perType[0].recall, 1.0);
    EXPECT_EQ(s.perType[0].support, 2);
    EXPECT_EQ(s.perType[1].type, "city");
    EXPECT_DOUBLE_EQ(s.perType[1].f1, 0.0); // wrong end: no partial credit
    EXPECT_EQ(s.perType[2].type, "card");
    EXPECT_EQ(s.perType[2].predicted, 1);
    EXPECT_EQ(s.perType[2].support, 0);
    EXPECT_EQ(s.correct, 2);
    EXPECT_EQ(s.predicted, 4);
    EXPECT_EQ(s.gold, 3);
    EXPECT_DOUBLE_EQ(s.microPrecision, 0.5);
    EXPECT_NEAR(s.microRecall, 2.0 / 3.0, 1e-12);
    EXPECT_NEAR(s.microF1, 4.0 / 7.0, 1e-12);
    EXPECT_NEAR(s.macroF1, 1.0 / 3.0, 1e-12);
    const auto json = ml::toJson(s);
    EXPECT_EQ(json["task"], "tokens");
    EXPECT_EQ(json["per_type"].size(), 3u);
    EXPECT_EQ(json["samples"], 2);
}

TEST(SpanScores, NothingPredictedIsZeroNotNaN) {
    const auto s = ml::spanScores({{{0, 2, "amount"}}}, {{}}, {"amount"});
    EXPECT_EQ(s.microPrecision, 0.0);
    EXPECT_EQ(s.microF1, 0.0);
}

TEST(SpanData, ReadsAcceptedDecisionsOfASpanLabelSet) {
    test::TempDir dir;
    ml::SpanData source;
    source.types = {"amount", "payee"};
    source.texts = {"pay 50 to bob", "hello there", "check my balance"};
    source.spans = {{{4, 6, "amount"}, {10, 13, "payee"}}, {}, {}};
    auto project = test::createSlotProject(dir.file("p.bbproj"), "chat", source);
    ASSERT_TRUE(project);
    core::LabelStore store(*project);
    const auto set = store.labelSet("slots").value();
    const auto info = project->dataset("chat").value();
    std::vector<core::RecordId> ids;
    ASSERT_TRUE(project
                    ->forEachRecord(info.id,
                                    [&](const core::Record& r) {
                                        ids.push_back(r.id);
                                        return true;
                                    })
                    .ok());
    // The third record's decision becomes "skipped": no example.
    ASSERT_TRUE(store.recordDecision(ids[2], set.id, "ann", core::DecisionStatus::Skipped, {}).ok());

    auto data = ml::loadSpanData(*project, "chat", "");
    ASSERT_TRUE(data.ok()) << data.error().what();
    EXPECT_EQ(data->labelSetName, "slots");
    EXPECT_EQ(data->types, (std::vector<std::string>{"amount", "payee"}));
    ASSERT_EQ(data->size(), 2u);
    EXPECT_EQ(data->texts[0], "pay 50 to bob");
    EXPECT_EQ(data->spans[0].size(), 2u);
    EXPECT_TRUE(data->spans[1].empty()); // accepted with no span: "nothing to extract"

    const auto intents = store.createLabelSet("intents", core::LabelSetKind::SingleLabel).value();
    auto wrongKind = ml::loadSpanData(*project, "chat", "intents");
    ASSERT_FALSE(wrongKind.ok());
    EXPECT_NE(wrongKind.error().message.find("needs a span (slot) label set"), std::string::npos);
    (void)intents;
    EXPECT_FALSE(ml::loadSpanData(*project, "chat", "nope").ok());

    std::vector<std::int64_t> train, validation;
    ml::randomSplit(10, 0.2, 7, train, validation);
    EXPECT_EQ(train.size(), 8u);
    EXPECT_EQ(validation.size(), 2u);
    std::vector<std::int64_t> again, againValidation;
    ml::randomSplit(10, 0.2, 7, again, againValidation);
    EXPECT_EQ(validation, againValidation);
}
