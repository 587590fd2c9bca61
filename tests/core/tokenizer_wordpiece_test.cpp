// Golden tests for the BERT WordPiece tokenizer over tests/data/tokenizers/bert-tiny/vocab.txt.
// Python `transformers` is not installed on the build machine, so every expected output below is worked
// out by hand from HF's tokenization_bert.py rules; the vocabulary ids are noted next to the tokens.
#include "text/wordpiecetokenizer.h"

#include "support/testsupport.h"

#include <gtest/gtest.h>

#include <thread>

using namespace bankbench::core;
using bankbench::test::TempDir;
using bankbench::test::testDataDir;
using bankbench::test::writeFile;

namespace {

using Ids = std::vector<std::int64_t>;
using Tokens = std::vector<std::string>;

WordPieceTokenizer load(WordPieceOptions options = {}) {
    auto tokenizer =
        WordPieceTokenizer::fromVocabFile(testDataDir() / "tokenizers" / "bert-tiny" / "vocab.txt", options);
    EXPECT_TRUE(tokenizer) << tokenizer.error().what();
    return std::move(tokenizer).value();
}

} // namespace

TEST(WordPieceTokenizer, LoadsVocabularyAndSpecialIds) {
    const auto tokenizer = load();
    EXPECT_EQ(tokenizer.vocabSize(), 49);
    EXPECT_EQ(tokenizer.padId(), 0);
    EXPECT_EQ(tokenizer.unkId(), 1);
    EXPECT_EQ(tokenizer.clsId(), 2);
    EXPECT_EQ(tokenizer.sepId(), 3);
    EXPECT_EQ(tokenizer.maskId(), 4);
    EXPECT_EQ(tokenizer.tokenToId("##ing"), 11);
    EXPECT_EQ(tokenizer.tokenToId("absent"), -1);
    EXPECT_EQ(tokenizer.idToToken(31), "我");
    EXPECT_EQ(tokenizer.idToToken(49), "");
}

TEST(WordPieceTokenizer, EnglishHuggingFaceExample) {
    // HF's own unit test: "UNwant\u00E9d,running" lower-cased and accent-stripped is "unwanted,running";
    // basic tokens unwanted | , | running; WordPiece longest-first: un(9) ##want(6) ##ed(7), ,(12),
    // runn(10) ##ing(11) — "runn" beats the shorter "run" that is also in the vocabulary.
    const auto tokenizer = load();
    EXPECT_EQ(tokenizer.basicTokenize("UNwant\u00E9d,running"), (Tokens{"unwanted", ",", "running"}));
    EXPECT_EQ(tokenizer.tokenize("UNwant\u00E9d,running"),
              (Tokens{"un", "##want", "##ed", ",", "runn", "##ing"}));
    EXPECT_EQ(tokenizer.tokenIds("UNwant\u00E9d,running"), (Ids{9, 6, 7, 12, 10, 11}));
}

TEST(WordPieceTokenizer, ChineseCharactersAreSplitOneByOne) {
    // 我(31) 要(32) 转(33) 账(34) 到(not in vocab → [UNK] 1) 银(35) 行(36) 卡(37) 。(38, punctuation Po)
    const auto tokenizer = load();
    EXPECT_EQ(tokenizer.tokenize("我要转账到银行卡。"),
              (Tokens{"我", "要", "转", "账", "[UNK]", "银", "行", "卡", "。"}));
    EXPECT_EQ(tokenizer.tokenIds("我要转账到银行卡。"), (Ids{31, 32, 33, 34, 1, 35, 36, 37, 38}));

    // Without CJK splitting the run is one word, not in the vocabulary → one [UNK].
    WordPieceOptions noSplit;
    noSplit.tokenizeChineseChars = false;
    EXPECT_EQ(load(noSplit).tokenIds("我要"), (Ids{1}));
}

TEST(WordPieceTokenizer, MixedChineseEnglishAndDigits) {
    // "ATM机取款200元，": lower-cased "atm"(27), 机(42) split off as a CJK ideograph, 取(39) 款(40),
    // "200" = 2(28) ##0(29) ##0(29) (no "200"/"20"/"##00" in the vocabulary), 元(41), full-width comma
    // U+FF0C is punctuation (Po) and stays full-width (NFD does not apply compatibility mappings): ，(43).
    const auto tokenizer = load();
    EXPECT_EQ(tokenizer.tokenize("ATM机取款200元，"),
              (Tokens{"atm", "机", "取", "款", "2", "##0", "##0", "元", "，"}));
    EXPECT_EQ(tokenizer.tokenIds("ATM机取款200元，"), (Ids{27, 42, 39, 40, 28, 29, 29, 41, 43}));
}

TEST(WordPieceTokenizer, AccentsFollowLowerCaseAndStripOptions) {
    // Uncased (default): lower + strip → cafe(23) resume(24) naive = na(25) ##ive(26).
    EXPECT_EQ(load().tokenIds("Café Résumé naïve"), (Ids{23, 24, 25, 26}));

    // Cased (lowerCase false, stripAccents unset → false): "café" is in the vocabulary (47); "Café" is
    // not, nor any prefix of it → [UNK].
    WordPieceOptions cased;
    cased.lowerCase = false;
    EXPECT_EQ(load(cased).tokenIds("café Café"), (Ids{47, 1}));

    // Cased but accents stripped: café → cafe(23).
    WordPieceOptions casedStripped = cased;
    casedStripped.stripAccents = true;
    EXPECT_EQ(load(casedStripped).tokenIds("café"), (Ids{23}));

    // Lower-cased, accents kept: CAFÉ → café(47).
    WordPieceOptions keepAccents;
    keepAccents.stripAccents = false;
    EXPECT_EQ(load(keepAccents).tokenIds("CAFÉ"), (Ids{47}));
}

TEST(WordPieceTokenizer, PunctuationIsSplitIntoSingleCharacters) {
    // hello(18) ,(12) world(19) !(14) !(14) don(44) '(16) t(45) $(17) 1(30): "$" is not Unicode
    // punctuation (Sc) but every non-alphanumeric ASCII character counts, as in HF.
    const auto tokenizer = load();
    EXPECT_EQ(tokenizer.tokenIds("Hello, world!! Don't $1"), (Ids{18, 12, 19, 14, 14, 44, 16, 45, 17, 30}));
    // hello .(13) .(13) .(13) world ?(15)
    EXPECT_EQ(tokenizer.tokenIds("hello...world?"), (Ids{18, 13, 13, 13, 19, 15}));
}

TEST(WordPieceTokenizer, UnknownWordsBecomeOneUnk) {
    const auto tokenizer = load();
    EXPECT_EQ(tokenizer.tokenize("xyz"), (Tokens{"[UNK]"}));
    // "runx": "run" matches, then no "##x" → the whole word is [UNK], not "run [UNK]".
    EXPECT_EQ(tokenizer.tokenize("runx"), (Tokens{"[UNK]"}));

    // 100 characters: want + 24 × ##want = 25 pieces; 101 characters → [UNK] whole.
    std::string hundred;
    for (int i = 0; i < 25; ++i)
        hundred += "want";
    const auto pieces = tokenizer.tokenIds(hundred);
    ASSERT_EQ(pieces.size(), 25U);
    EXPECT_EQ(pieces.front(), 5);
    EXPECT_EQ(pieces.back(), 6);
    EXPECT_EQ(tokenizer.tokenIds(hundred + "s"), (Ids{1}));

    // The limit is configurable: with 4, "hello" (5 chars) is [UNK] although it is in the vocabulary.
    WordPieceOptions shortWords;
    shortWords.maxInputCharsPerWord = 4;
    EXPECT_EQ(load(shortWords).tokenIds("hello want"), (Ids{1, 5}));
}

TEST(WordPieceTokenizer, CleansControlCharactersAndWhitespace) {
    const auto tokenizer = load();
    // U+200B ZERO WIDTH SPACE is a format character (Cf): dropped, so the words join: hello ##world(20).
    EXPECT_EQ(tokenizer.tokenIds("hello\u200Bworld"), (Ids{18, 20}));
    // Tab and U+3000 IDEOGRAPHIC SPACE (Zs) are white space.
    EXPECT_EQ(tokenizer.tokenIds("hello\tworld\u3000the"), (Ids{18, 19, 21}));
    // NUL and U+FFFD are dropped.
    EXPECT_EQ(tokenizer.tokenIds(std::string_view("hel\0lo\xEF\xBF\xBD", 9)), (Ids{18}));
    EXPECT_TRUE(tokenizer.tokenIds(" \n\r\t ").empty());
}

TEST(WordPieceTokenizer, KanaAndHangulAreNotSplitLikeHanzi) {
    // HF's _is_chinese_char covers CJK ideographs only: "ありがとう" stays one word → one [UNK].
    const auto tokenizer = load();
    EXPECT_EQ(tokenizer.tokenIds("我ありがとう要"), (Ids{31, 1, 32}));
    WordPieceOptions cased;
    cased.lowerCase = false;
    EXPECT_EQ(load(cased).basicTokenize("한국은행"), (Tokens{"한국은행"}));
    // HF's accent stripping is NFD minus Mn, with the same side effects on these scripts: hangul
    // syllables decompose into conjoining jamo (Lo, kept), and kana lose their voicing mark U+3099 (Mn).
    EXPECT_EQ(tokenizer.basicTokenize("한국"), (Tokens{"\u1112\u1161\u11AB\u1100\u116E\u11A8"}));
    EXPECT_EQ(tokenizer.basicTokenize("ありがとう"), (Tokens{"ありかとう"}));
    // U+20000 (extension B) is in the ranges: split off.
    EXPECT_EQ(tokenizer.basicTokenize("a\U00020000b"), (Tokens{"a", "\U00020000", "b"}));
}

TEST(WordPieceTokenizer, SpecialTokensInTextStayWhole) {
    const auto tokenizer = load();
    EXPECT_EQ(tokenizer.tokenIds("hello [MASK] world"), (Ids{18, 4, 19}));
    EXPECT_EQ(tokenizer.tokenIds("hello[SEP]world"), (Ids{18, 3, 19}));
    // Lower-case "[mask]" is ordinary text: [ mask ] → three unknowns.
    EXPECT_EQ(tokenizer.tokenIds("[mask]"), (Ids{1, 1, 1}));
}

TEST(WordPieceTokenizer, EncodeAddsSpecialTokensTruncatesAndPads) {
    const auto tokenizer = load();
    // Pieces of "unwanted running": un ##want ##ed runn ##ing (5).
    const auto truncated = tokenizer.encode("unwanted running", 5);
    EXPECT_EQ(truncated.ids, (Ids{2, 9, 6, 7, 3})); // [CLS] + 3 pieces + [SEP]
    EXPECT_EQ(truncated.attentionMask, (Ids{1, 1, 1, 1, 1}));
    EXPECT_TRUE(truncated.truncated);

    const auto padded = tokenizer.encode("unwanted running", 10, true);
    EXPECT_EQ(padded.ids, (Ids{2, 9, 6, 7, 10, 11, 3, 0, 0, 0}));
    EXPECT_EQ(padded.attentionMask, (Ids{1, 1, 1, 1, 1, 1, 1, 0, 0, 0}));
    EXPECT_EQ(padded.tokenTypeIds, Ids(10, 0));
    EXPECT_FALSE(padded.truncated);

    const auto unpadded = tokenizer.encode("unwanted running", 10);
    EXPECT_EQ(unpadded.ids.size(), 7U);

    EXPECT_EQ(tokenizer.encode("").ids, (Ids{2, 3}));
}

TEST(WordPieceTokenizer, OffsetsPointIntoTheOriginalBytes) {
    const auto tokenizer = load();
    // "Café running": C a f é(2 bytes) → [0,5); "running" at 6..13: runn [6,10), ##ing [10,13).
    const auto encoding = tokenizer.encode("Café running");
    ASSERT_EQ(encoding.ids, (Ids{2, 23, 10, 11, 3}));
    using Span = std::pair<size_t, size_t>;
    EXPECT_EQ(encoding.offsets, (std::vector<Span>{{0, 0}, {0, 5}, {6, 10}, {10, 13}, {0, 0}}));
    // Each Chinese character is 3 bytes; the unknown word "xyz" spans its whole word.
    const auto pieces = tokenizer.pieces("我要 xyz");
    ASSERT_EQ(pieces.size(), 3U);
    EXPECT_EQ(pieces[1].begin, 3U);
    EXPECT_EQ(pieces[1].end, 6U);
    EXPECT_EQ(pieces[2].token, "[UNK]");
    EXPECT_EQ(pieces[2].begin, 7U);
    EXPECT_EQ(pieces[2].end, 10U);
}

TEST(WordPieceTokenizer, DecodeGluesContinuations) {
    const auto tokenizer = load();
    const Ids ids{2, 9, 6, 7, 12, 10, 11, 3, 0};
    EXPECT_EQ(tokenizer.decode(ids), "unwanted , running");
    EXPECT_EQ(tokenizer.decode(ids, false), "[CLS] unwanted , running [SEP] [PAD]");
}

TEST(WordPieceTokenizer, SharedAcrossThreads) {
    const auto tokenizer = load();
    const auto expected = tokenizer.tokenIds("UNwant\u00E9d,running 我要转账");
    std::vector<std::thread> threads;
    std::atomic<int> mismatches{0};
    for (int t = 0; t < 4; ++t)
        threads.emplace_back([&] {
            for (int i = 0; i < 200; ++i)
                if (tokenizer.tokenIds("UNwant\u00E9d,running 我要转账") != expected)
                    ++mismatches;
        });
    for (auto& thread : threads)
        thread.join();
    EXPECT_EQ(mismatches.load(), 0);
}

TEST(WordPieceTokenizer, VocabularyErrorsSayWhere) {
    TempDir dir;
    auto missing = WordPieceTokenizer::fromVocabFile(dir.file("nope.txt"));
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error().code, ErrorCode::Io);

    writeFile(dir.file("no-unk.txt"), "[PAD]\n[CLS]\n[SEP]\nhello\n");
    auto noUnk = WordPieceTokenizer::fromVocabFile(dir.file("no-unk.txt"));
    ASSERT_FALSE(noUnk);
    EXPECT_EQ(noUnk.error().code, ErrorCode::NotFound);
    EXPECT_NE(noUnk.error().message.find("[UNK]"), std::string::npos);
    EXPECT_EQ(noUnk.error().where.file, dir.file("no-unk.txt"));

    writeFile(dir.file("bad.txt"), "[PAD]\n[UNK]\nab\xFF\n");
    auto bad = WordPieceTokenizer::fromVocabFile(dir.file("bad.txt"));
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().code, ErrorCode::Encoding);
    EXPECT_EQ(bad.error().where.line, 3);
    EXPECT_EQ(bad.error().where.column, 3);

    // CRLF line ends give the same ids as LF.
    writeFile(dir.file("crlf.txt"), "[PAD]\r\n[UNK]\r\n[CLS]\r\n[SEP]\r\nhello\r\n");
    auto crlf = WordPieceTokenizer::fromVocabFile(dir.file("crlf.txt"));
    ASSERT_TRUE(crlf) << crlf.error().what();
    EXPECT_EQ(crlf->tokenIds("Hello"), (Ids{4}));
    EXPECT_EQ(crlf->maskId(), -1);
}
