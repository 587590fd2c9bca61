#pragma once

#include "util/result.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace bankbench::core {

/// Settings of a BERT tokenizer; the defaults are those of Hugging Face's `BertTokenizer` (uncased
/// models). A checkpoint's `tokenizer_config.json` may override `do_lower_case` / `strip_accents`.
struct WordPieceOptions {
    bool lowerCase = true;            ///< do_lower_case
    std::optional<bool> stripAccents; ///< strip_accents; unset = follow lowerCase (HF's None)
    bool tokenizeChineseChars = true; ///< put spaces around every CJK ideograph (HF's ranges)
    int maxInputCharsPerWord = 100;   ///< longer words become [UNK] whole
    std::string unkToken = "[UNK]";
    std::string clsToken = "[CLS]";
    std::string sepToken = "[SEP]";
    std::string padToken = "[PAD]";
    std::string maskToken = "[MASK]"; ///< optional in the vocabulary (maskId() is -1 without it)
};

/// One encoded text, ready for a BERT forward pass: [CLS] pieces... [SEP] then [PAD]s when padding.
struct BertEncoding {
    std::vector<std::int64_t> ids;
    std::vector<std::int64_t> attentionMask; ///< 1 for real tokens (including [CLS]/[SEP]), 0 for [PAD]
    std::vector<std::int64_t> tokenTypeIds;  ///< all 0 (single segment)
    /// Byte range [first, second) of each token in the original text; {0, 0} for special tokens. A piece
    /// of a word covers the bytes of the characters it came from (accents stripped or not).
    std::vector<std::pair<size_t, size_t>> offsets;
    bool truncated = false; ///< pieces were dropped to fit maxLength
};

/// BERT's tokenizer: BasicTokenizer (drop NUL/U+FFFD/control characters, white space to spaces, CJK
/// ideographs split apart, optional lower-casing and accent stripping by NFD, punctuation split into
/// single characters) followed by WordPiece (greedy longest-match-first with "##" continuations; a word
/// that cannot be covered, or has more than maxInputCharsPerWord characters, becomes [UNK]). Special
/// tokens written in the text ("[MASK]", "[SEP]"...) stay whole, as HF's `tokenize` keeps them.
/// Character classes and case mapping come from ICU, matching Python's unicodedata up to Unicode version.
/// Immutable after construction: one instance can be shared by any number of threads.
class WordPieceTokenizer {
public:
    /// A standard vocab.txt: one token per line, id = line number from 0 (UTF-8, LF or CRLF). Errors: Io
    /// when unreadable, Encoding (with line) on invalid UTF-8, NotFound when [UNK], [CLS], [SEP] or [PAD]
    /// is missing.
    static Result<WordPieceTokenizer> fromVocabFile(const std::filesystem::path& vocabTxt,
                                                    WordPieceOptions options = {});
    /// Same from tokens in id order. A duplicated token maps to its last id (as HF's load_vocab).
    static Result<WordPieceTokenizer> fromVocab(std::vector<std::string> tokens,
                                                WordPieceOptions options = {});

    const WordPieceOptions& options() const { return m_options; }

    /// BasicTokenizer output: words and single punctuation/CJK characters.
    std::vector<std::string> basicTokenize(std::string_view text) const;
    /// WordPiece tokens of the text (no [CLS]/[SEP]), e.g. "unaffable" → un ##aff ##able.
    std::vector<std::string> tokenize(std::string_view text) const;
    std::vector<std::int64_t> tokenIds(std::string_view text) const;

    /// [CLS] + pieces (truncated to maxLength - 2) + [SEP], padded with [PAD] to maxLength when
    /// `padToMaxLength`. maxLength < 2 is treated as 2.
    BertEncoding encode(std::string_view text, size_t maxLength = 512, bool padToMaxLength = false) const;

    /// Tokens of the ids joined with spaces, "##" continuations glued, special tokens skipped when
    /// `skipSpecial` (HF's decode with clean_up_tokenization_spaces=False).
    std::string decode(const std::vector<std::int64_t>& ids, bool skipSpecial = true) const;

    /// -1 when the token is not in the vocabulary.
    std::int64_t tokenToId(std::string_view token) const;
    /// "" for an id out of range.
    const std::string& idToToken(std::int64_t id) const;
    std::int64_t vocabSize() const { return static_cast<std::int64_t>(m_vocab.size()); }
    const std::vector<std::string>& vocab() const { return m_vocab; }

    std::int64_t unkId() const { return m_unkId; }
    std::int64_t clsId() const { return m_clsId; }
    std::int64_t sepId() const { return m_sepId; }
    std::int64_t padId() const { return m_padId; }
    std::int64_t maskId() const { return m_maskId; }

    struct Piece {
        std::string token;
        std::int64_t id = -1;
        size_t begin = 0; ///< byte range in the original text
        size_t end = 0;
    };
    /// The pieces with their ids and byte ranges (what encode() is built on).
    std::vector<Piece> pieces(std::string_view text) const;

private:
    WordPieceTokenizer() = default;
    struct Word {
        std::u32string chars;
        std::vector<size_t> begins; ///< byte offset of each char in the original text
        std::vector<size_t> ends;
        bool special = false;
    };
    std::vector<Word> basicWords(std::string_view text) const;
    void wordPiece(const Word& word, std::vector<Piece>& out) const;

    WordPieceOptions m_options;
    std::vector<std::string> m_vocab;
    std::unordered_map<std::string, std::int64_t> m_ids;
    std::vector<std::string> m_specials; ///< special tokens present in the vocabulary
    std::int64_t m_unkId = -1;
    std::int64_t m_clsId = -1;
    std::int64_t m_sepId = -1;
    std::int64_t m_padId = -1;
    std::int64_t m_maskId = -1;
};

} // namespace bankbench::core
