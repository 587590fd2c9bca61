#pragma once

#include "store/labeltypes.h"
#include "util/result.h"

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace bankbench::core {

/// Checks spans against a record's text: every span has a label, 0 <= start < end <= code points of
/// `text`, covers at least one non-whitespace character, and no two spans overlap (BIO tags cannot
/// express overlaps, and slot filling has none). The error names the offending span. Pure function.
Status validateSpans(std::string_view text, const std::vector<Span>& spans);
/// Sorted by (start, end, label), exact duplicates removed.
std::vector<Span> normalizedSpans(std::vector<Span> spans);

/// The common interchange form: [{"start":0,"end":2,"label":"city"}, ...] (offsets in code points).
nlohmann::json spansToJson(const std::vector<Span>& spans);
/// Parses that form; the error says which element and field is wrong.
Result<std::vector<Span>> spansFromJson(const nlohmann::json& value);

/// One token of the BIO tokenization, with its code point range in the text.
struct BioToken {
    std::string text;
    std::int64_t start = 0;
    std::int64_t end = 0;
};

/// Text split into tokens with one BIO tag each ("O", "B-label", "I-label").
struct BioTagging {
    std::vector<BioToken> tokens;
    std::vector<std::string> tags;
};

/// Tokenization for BIO tags: every CJK character (utf8::isCjk) is a token of its own (Chinese is
/// tagged per character, as Chinese NER data sets do); other text is split at whitespace; and tokens
/// are also cut at every span boundary, so tags reproduce the spans exactly (spansFromBio is the
/// inverse) except for whitespace at a span's edges, which no token holds: "[ New York]" comes back as
/// "[New York]". Spans must be valid (validateSpans), else the error is returned.
Result<BioTagging> spansToBio(std::string_view text, const std::vector<Span>& spans);
/// Rebuilds spans from tokens and tags. An I- tag after O or after another label starts a new span
/// (the usual lenient reading); an unknown tag is an error naming the token index. Adjacent tokens of
/// one span may be separated by whitespace, which the span then covers.
Result<std::vector<Span>> spansFromBio(const std::vector<BioToken>& tokens,
                                       const std::vector<std::string>& tags);

} // namespace bankbench::core
