#pragma once

#include "chat/lexicalmatch.h"
#include "chat/retrievalquery.h"
#include "io/importoptions.h"
#include "store/project.h"
#include "util/canceltoken.h"
#include "util/result.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace bankbench::core::chat {

using BotId = std::int64_t;
using KbEntryId = std::int64_t;

/// One FAQ entry of a bot's knowledge base (table kb_entries).
struct KbEntry {
    KbEntryId id = 0;
    BotId botId = 0;
    std::string question;
    std::string answer;
    std::string source; ///< where it came from: "FILE:LINE" after an import, or what the editor set
    std::string createdAt;
    std::string updatedAt;
};

/// How importFile() reads a CSV/TSV/JSONL file of question/answer pairs.
struct KbImportOptions {
    std::string path;
    InputFormat format = InputFormat::Auto;
    std::string encoding = "auto";
    /// Column names; "" picks the first column named question/q/问题/标准问 (answer/a/答案/回答,
    /// source/来源), compared case-insensitively.
    std::string questionColumn;
    std::string answerColumn;
    /// Optional; without it an entry's source is "FILE:LINE" (file name without folders).
    std::string sourceColumn;
    /// false: the first bad row (malformed, or an empty question/answer) fails the import and nothing is
    /// added; true: bad rows are skipped and reported as warnings.
    bool skipBadRows = false;
};

/// What an import did. Exact duplicates (same question and answer after trimming) are not added twice.
struct KbImportReport {
    std::int64_t added = 0;
    std::int64_t duplicatesInFile = 0;     ///< rows repeating an earlier row of the same file
    std::int64_t duplicatesExisting = 0;   ///< rows already in the knowledge base
    std::int64_t skipped = 0;              ///< bad rows skipped (skipBadRows)
    std::vector<ImportWarning> duplicates; ///< line of each duplicate row and the line/id it repeats
    std::vector<ImportWarning> warnings;   ///< skipped rows and reader warnings
};

/// Sentence embeddings for re-ranking: row-major [texts.size() x dim], each row L2-normalised. The engine
/// passes ml::LoadedModel::embed; tests pass a fake. Called on the searching thread.
using Embedder = std::function<Result<std::vector<float>>(const std::vector<std::string>& texts)>;

/// Search settings. BM25 (column weights questionWeight/answerWeight) over an OR query of the normalised
/// terms (stop words dropped, light English stemming as prefix terms, bank synonyms expanded; Chinese as
/// characters plus two-character phrases) picks up to `candidates` entries; they are re-ranked by
///   lexical = (1 - matchWeight - typeWeight) * bm25 / bm25 of the best candidate  +  matchWeight * match
///             + typeWeight * (1 when query and question ask the same kind of question, else 0)
///   score   = (1 - embeddingWeight) * lexical + embeddingWeight * max(0, cosine)   with an embedder,
///   score   = lexical                                                             without,
/// where match is the IDF-weighted F1 of "question covers the query" and "query covers the question"
/// (lexicalmatch.h), the question kind comes from question words (who/why/how much/为什么/多少...:
/// questionType()), and cosine compares the query's and the question's sentence embeddings. The best k
/// are returned. Defaults are the settings chosen on the dev half of the bank FAQ paraphrase set
/// (BENCHMARKS.md, "Chatbot retrieval").
struct KbSearchOptions {
    int k = 5;
    int candidates = 50;
    double questionWeight = 8.0;
    double answerWeight = 1.0;
    double matchWeight = 0.75; ///< weight of the lexical match F1 against relative BM25, 0..1
    double typeWeight = 0.05;  ///< weight of agreeing question kinds; matchWeight + typeWeight <= 1
    /// Weight of the answer's coverage of the query (IDF-weighted share of the query's content terms found
    /// in the answer): a paraphrase often names what the answer talks about rather than the question's
    /// words. matchWeight + typeWeight + answerMatchWeight <= 1.
    double answerMatchWeight = 0.0;
    Embedder embedder;            ///< empty: lexical only
    double embeddingWeight = 0.4; ///< weight of the cosine in score, 0..1
    QueryOptions query;           ///< query normalisation switches (ablations)
};

/// One search result.
struct KbHit {
    KbEntryId id = 0;
    std::string question;
    std::string answer;
    std::string source;
    double bm25 = 0;    ///< FTS5 bm25 with the column weights, sign flipped (higher is better)
    double match = 0;   ///< IDF-weighted F1 of query/question term coverage, 0..1 (lexicalmatch.h)
    double lexical = 0; ///< the lexical part of score (see KbSearchOptions), 0..1
    /// IDF-weighted share of the query's content terms found in the entry's question, 0..1: an absolute
    /// lexical confidence, comparable across queries (for "I don't know" thresholds).
    double coverage = 0;
    double answerCoverage = 0; ///< the same share of the query's terms found in the entry's answer
    std::optional<double> embeddingSimilarity; ///< cosine of query and question embeddings, with an embedder
    double score = 0;                          ///< the combination above; hits are sorted by it
};

/// A bot's FAQ knowledge base over the project's kb_entries and its contentless FTS5 index kb_fts.
/// Holds a reference to `project` (which must outlive it); use from the project's thread only. Every
/// write is one savepoint that keeps the index in step (so it also works inside a caller's transaction).
/// Embeddings of questions are cached per entry (invalidated on update/delete; clearEmbeddingCache() after
/// switching embedders).
class KnowledgeBase {
public:
    KnowledgeBase(Project& project, BotId botId);

    BotId botId() const { return m_botId; }

    /// Imports question/answer pairs. Errors carry file, line and column (e.g. a missing column names the
    /// header line). Cancellable between rows: a cancelled import adds nothing.
    Result<KbImportReport> importFile(const KbImportOptions& options, const CancelToken* cancel = nullptr);

    /// Adds one entry; InvalidArgument for an empty question or answer, AlreadyExists for an exact
    /// duplicate (same trimmed question and answer).
    Result<KbEntryId> add(std::string_view question, std::string_view answer, std::string_view source = {});
    /// Replaces an entry's texts (NotFound when it is not in this bot's knowledge base).
    Status update(KbEntryId id, std::string_view question, std::string_view answer, std::string_view source);
    Status remove(KbEntryId id);
    /// Removes every entry of this bot.
    Status clear();

    Result<KbEntry> entry(KbEntryId id);
    Result<std::vector<KbEntry>> entries();
    Result<std::int64_t> count();

    /// Best entries for `query` (see KbSearchOptions). An empty or stop-words-only query gives no hits.
    Result<std::vector<KbHit>> search(std::string_view query, const KbSearchOptions& options = {});
    /// Scores the given entries against `query` the way search() does (bm25 0 when an entry shares no
    /// term), in the order of `ids`; unknown ids are omitted. For "why" panels and pair matching.
    Result<std::vector<KbHit>> scoreEntries(std::string_view query, const std::vector<KbEntryId>& ids,
                                            const KbSearchOptions& options = {});

    void clearEmbeddingCache() { m_embeddings.clear(); }

private:
    // Both throw DatabaseError; callers convert at the API edge.
    KbEntryId insertRow(std::string_view question, std::string_view answer, std::string_view source,
                        const std::string& now);
    Status checkBot();
    /// Rebuilds m_statistics when this bot's entries changed (count, last id or last update differ), also
    /// when another connection changed them; looks only after something was written (total_changes(),
    /// PRAGMA data_version), so a search costs no scan of the entries.
    void refreshStatistics(const QueryOptions& options);
    Result<std::vector<KbHit>> rerank(std::string_view query, std::vector<KbHit> hits,
                                      const KbSearchOptions& options);

    Project& m_project;
    BotId m_botId;
    std::unordered_map<KbEntryId, std::vector<float>> m_embeddings;
    struct QuestionFeatures {
        std::vector<std::string> terms; // contentTerms() of the question
        QuestionType kind = QuestionType::Other;
        std::vector<std::string> answerTerms; // contentTerms() of the answer
    };
    TermStatistics m_statistics;
    std::unordered_map<KbEntryId, QuestionFeatures> m_questions; // rebuilt with m_statistics
    std::string m_statisticsKey;     // this bot's entries: count, last id, last update, options
    std::string m_statisticsWritten; // connection-wide write counters when last checked
};

} // namespace bankbench::core::chat
