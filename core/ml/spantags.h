#pragma once

// Torch-free: slot spans (character offsets, as the label workspace stores them) <-> BIO tags on a BERT
// WordPiece tokenization, and span-level scores. Pure functions, any thread.
//
// Tags live on words (basic tokens: a run of letters/digits, one punctuation mark, one CJK character); a
// word's first WordPiece carries its tag, its "##" continuations and [CLS]/[SEP]/[PAD] carry kIgnoreTag
// (Hugging Face's run_ner convention: only first sub-tokens count in the loss). A span boundary inside a
// word cannot be expressed that way: the span then grows to cover the whole word (counted in
// BioConversion::widened).

#include "store/labeltypes.h"
#include "text/wordpiecetokenizer.h"
#include "util/result.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace bankbench::ml {

/// Target of tokens that take no part in the loss (cross-entropy's ignore_index).
inline constexpr std::int64_t kIgnoreTag = -100;

/// The tag vocabulary of a span label set: 0 = "O", then "B-type" and "I-type" for each span type in
/// label-set order (tag 1 + 2k = B of type k, 2 + 2k = I of type k).
class TagSet {
public:
    /// InvalidArgument for no types, an empty name or a duplicate.
    static core::Result<TagSet> fromTypes(std::vector<std::string> types);
    const std::vector<std::string>& types() const { return m_types; }
    std::int64_t size() const { return 1 + 2 * static_cast<std::int64_t>(m_types.size()); }
    /// "O", "B-amount", "I-amount", ... in id order.
    std::vector<std::string> tagNames() const;
    /// -1 for a type not in the set.
    std::int64_t typeIndex(std::string_view type) const;

private:
    std::vector<std::string> m_types;
};

/// One text through the WordPiece tokenizer: ids with [CLS]/[SEP] and where each token sits.
struct TokenAlignment {
    std::vector<std::int64_t> ids;
    std::vector<std::int64_t> word; ///< per token: its word's index, or -1 for [CLS]/[SEP]
    std::vector<bool> firstPiece;   ///< per token: the first piece of its word (carries the tag)
    /// Per word: code point range [begin, end) in the text and its byte range (covering all its pieces).
    std::vector<std::int64_t> wordBegin, wordEnd;
    std::vector<std::size_t> wordByteBegin, wordByteEnd;
    bool truncated = false; ///< words past maxLength - 2 tokens were dropped
};

TokenAlignment alignTokens(const core::WordPieceTokenizer& tokenizer, std::string_view text,
                           std::int64_t maxLength);

/// Per-token targets of one text, and what had to be adjusted to get them.
struct BioConversion {
    std::vector<std::int64_t> tags; ///< one per token of the alignment; kIgnoreTag where no tag applies
    int widened = 0;                ///< spans whose edge fell inside a word (they cover the whole word now)
    int truncated = 0;              ///< spans (partly) past the tokens kept, dropped or cut
    /// Spans left without a word: inside a word an earlier span already tags, or over characters the
    /// tokenizer drops (control characters). Dropped.
    int dropped = 0;
};

/// Tags for `spans` (code point offsets) on `alignment` of `text`. Errors (InvalidArgument, naming the span):
/// a span outside the text, empty or only whitespace, two spans overlapping (BIO cannot express it), or a
/// type not in `tags`.
core::Result<BioConversion> spansToTokenTags(std::string_view text, const TokenAlignment& alignment,
                                             const std::vector<core::Span>& spans, const TagSet& tags);

/// A span found by a model, in the text it was found in.
struct PredictedSpan {
    std::string type;
    std::int64_t start = 0; ///< code points, half-open
    std::int64_t end = 0;
    std::size_t byteBegin = 0; ///< the same range in UTF-8 bytes
    std::size_t byteEnd = 0;
    std::string text;      ///< the covered text
    double confidence = 0; ///< mean probability of the chosen tags over the span's words
};

/// Spans from one tag per word (ids of `tags`) and that tag's probability: B-x starts a span of type x,
/// I-x continues a span of type x and otherwise starts one (seqeval's default reading), O ends a span.
std::vector<PredictedSpan> tagsToSpans(std::string_view text, const TokenAlignment& alignment,
                                       const std::vector<std::int64_t>& wordTags,
                                       const std::vector<float>& wordProbabilities, const TagSet& tags);

/// The gold spans as a model can be scored against them: sorted, with whitespace at their edges removed
/// (the spans must be valid for `text`, see spansToTokenTags).
core::Result<std::vector<core::Span>> trimmedSpans(std::string_view text,
                                                   const std::vector<core::Span>& spans);

/// Span-level scores with seqeval's semantics: a predicted span counts only when a gold span has the same
/// type, start and end. Division by zero gives 0.
struct SpanTypeScore {
    std::string type;
    double precision = 0, recall = 0, f1 = 0;
    std::int64_t support = 0;   ///< gold spans of the type
    std::int64_t predicted = 0; ///< predicted spans of the type
    std::int64_t correct = 0;
};
struct SpanScores {
    std::vector<SpanTypeScore> perType; ///< in `types` order, then types only gold or predictions named
    double microPrecision = 0, microRecall = 0, microF1 = 0;
    double macroF1 = 0; ///< mean of the per-type F1 over types with gold or predicted spans
    std::int64_t gold = 0, predicted = 0, correct = 0;
    std::int64_t texts = 0;
};
/// `gold[i]` and `predicted[i]` are the spans of text i (code points).
SpanScores spanScores(const std::vector<std::vector<core::Span>>& gold,
                      const std::vector<std::vector<core::Span>>& predicted,
                      const std::vector<std::string>& types);
/// {"task": "tokens", "samples", "micro_precision", "micro_recall", "micro_f1", "macro_f1", "gold_spans",
/// "predicted_spans", "correct_spans", "per_type": [{"type", "precision", "recall", "f1", "support",
/// "predicted", "correct"}]}.
nlohmann::json toJson(const SpanScores& scores);

} // namespace bankbench::ml
