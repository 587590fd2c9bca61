#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace bankbench::core::chat {

/// One content term of a query and the FTS5 alternatives that match it.
struct QueryTerm {
    std::string key; ///< stem (English), character (CJK) or "a b" (CJK bigram)
    std::vector<std::string>
        matches; ///< FTS5 term expressions: "\"charg\"*", "\"cash machine\"", "\"还 款\""
    std::vector<std::string> forms; ///< stems/characters that count as this term for coverage
    bool bigram = false;            ///< a CJK character pair (scored, not counted in coverage)
};

/// A normalised retrieval query: OR of every term's alternatives, for BM25 ranking.
struct RetrievalQuery {
    std::vector<QueryTerm> terms;
    std::string match; ///< FTS5 MATCH expression; "" when nothing searchable remains
};

/// How queries are normalised (switches for ablations in the bench).
struct QueryOptions {
    bool stem = true;     ///< light English stemming, searched as prefixes ("charges" → charg*)
    bool synonyms = true; ///< expand bankSynonymGroups()
    bool cjkBigrams = true;
    /// Stems longer than this are cut to it (0: never), so guarantee/guarantor and traveller/travelling
    /// meet ("guaran", "travel"): truncation stemming, cheap and robust for English.
    int prefixLength = 6;
};

/// Query normalisation: half-width folding and lower case, English stop words and Chinese function
/// characters dropped, light stemming, synonyms, CJK characters plus adjacent pairs. Pure; thread-safe.
RetrievalQuery buildRetrievalQuery(std::string_view text, const QueryOptions& options = {});

/// Light English stemmer (plural, -ed, -ing, final e, -ies); words shorter than 5 letters stay as they are.
std::string lightStem(std::string_view word);

/// The content terms of a text (stems and CJK characters), as buildRetrievalQuery sees them.
std::vector<std::string> contentTerms(std::string_view text, const QueryOptions& options = {});

/// What a question asks for, from its question words (English and Chinese); Other when none is clear.
enum class QuestionType { Other, What, Who, Why, When, Where, How, HowMuch, YesNo };
QuestionType questionType(std::string_view text);

/// Share of the query's non-bigram terms found in `documentTerms` (contentTerms of the document), where a
/// term is found when a document term starts with its stem or with one of its synonyms' stems. 0..1.
double termCoverage(const RetrievalQuery& query, const std::vector<std::string>& documentTerms);

} // namespace bankbench::core::chat
