#pragma once

#include "chat/retrievalquery.h"

#include <string>
#include <unordered_map>
#include <vector>

namespace bankbench::core::chat {

/// Document frequencies of the content terms of a set of questions, for IDF weights. Built once per
/// knowledge-base state; not thread-safe while building.
class TermStatistics {
public:
    /// `documents` holds contentTerms() of each question.
    void build(const std::vector<std::vector<std::string>>& documents);
    /// log(1 + N / (1 + df)): rare terms weigh more; unknown terms weigh the most.
    double idf(const std::string& term) const;
    bool empty() const { return m_documents == 0; }

private:
    std::unordered_map<std::string, int> m_df;
    int m_documents = 0;
};

/// How well a question covers a query and the query covers the question, each IDF-weighted, 0..1.
struct LexicalMatch {
    double queryCoverage = 0;    ///< weight of query terms found in the question (a synonym counts 0.8)
    double questionCoverage = 0; ///< weight of question terms the query mentions
    double f1 = 0;               ///< harmonic mean of the two: 1 when both say the same things
};

/// Compares a query with a question's contentTerms(); a term matches when equal, or when a question term
/// starts with a query form of 4+ letters (stems are searched as prefixes).
LexicalMatch lexicalMatch(const RetrievalQuery& query, const std::vector<std::string>& questionTerms,
                          const TermStatistics& statistics);

} // namespace bankbench::core::chat
