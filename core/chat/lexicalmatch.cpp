#include "chat/lexicalmatch.h"

#include <algorithm>
#include <cmath>
#include <unordered_set>

namespace bankbench::core::chat {
namespace {

bool formMatches(const std::string& form, const std::string& term) {
    return term == form || (form.size() >= 4 && term.compare(0, form.size(), form) == 0);
}

// A synonym is evidence, but weaker than the customer's own word.
constexpr double kSynonymCredit = 0.8;

} // namespace

void TermStatistics::build(const std::vector<std::vector<std::string>>& documents) {
    m_df.clear();
    m_documents = static_cast<int>(documents.size());
    for (const auto& terms : documents) {
        std::unordered_set<std::string> unique(terms.begin(), terms.end());
        for (const auto& t : unique)
            ++m_df[t];
    }
}

double TermStatistics::idf(const std::string& term) const {
    const auto it = m_df.find(term);
    const double df = it == m_df.end() ? 0.0 : it->second;
    return std::log(1.0 + m_documents / (1.0 + df));
}

LexicalMatch lexicalMatch(const RetrievalQuery& query, const std::vector<std::string>& questionTerms,
                          const TermStatistics& statistics) {
    LexicalMatch match;
    double queryTotal = 0, queryFound = 0;
    std::vector<bool> questionHit(questionTerms.size(), false);
    for (const auto& term : query.terms) {
        if (term.bigram || term.forms.empty())
            continue;
        const double weight = statistics.idf(term.forms.front());
        queryTotal += weight;
        double credit = 0;
        for (std::size_t f = 0; f < term.forms.size(); ++f) {
            for (std::size_t i = 0; i < questionTerms.size(); ++i) {
                if (!formMatches(term.forms[f], questionTerms[i]))
                    continue;
                questionHit[i] = true;
                credit = std::max(credit, f == 0 ? 1.0 : kSynonymCredit);
            }
        }
        queryFound += weight * credit;
    }
    // Each distinct question term once; hit when any of its occurrences matched a query form.
    std::unordered_set<std::string> hitTerms, seen;
    for (std::size_t i = 0; i < questionTerms.size(); ++i)
        if (questionHit[i])
            hitTerms.insert(questionTerms[i]);
    double questionTotal = 0, questionFound = 0;
    for (const auto& t : questionTerms) {
        if (!seen.insert(t).second)
            continue;
        const double weight = statistics.idf(t);
        questionTotal += weight;
        if (hitTerms.count(t))
            questionFound += weight;
    }
    match.queryCoverage = queryTotal > 0 ? queryFound / queryTotal : 0;
    match.questionCoverage = questionTotal > 0 ? questionFound / questionTotal : 0;
    const double sum = match.queryCoverage + match.questionCoverage;
    match.f1 = sum > 0 ? 2 * match.queryCoverage * match.questionCoverage / sum : 0;
    return match;
}

} // namespace bankbench::core::chat
