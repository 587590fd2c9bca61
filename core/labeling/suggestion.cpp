#include "labeling/suggestion.h"

#include <algorithm>
#include <cmath>

namespace bankbench::core {

std::vector<std::vector<Suggestion>> SuggestionProvider::suggestBatch(const std::vector<Record>& records) {
    std::vector<std::vector<Suggestion>> out;
    out.reserve(records.size());
    for (const auto& record : records)
        out.push_back(suggest(record));
    return out;
}

double margin(const std::vector<Suggestion>& suggestions) {
    if (suggestions.empty())
        return 1.0;
    double first = -1;
    double second = 0;
    for (const auto& s : suggestions) {
        if (s.probability > first) {
            second = std::max(second, first);
            first = s.probability;
        } else {
            second = std::max(second, s.probability);
        }
    }
    return first - second;
}

double entropy(const std::vector<Suggestion>& suggestions) {
    double h = 0;
    for (const auto& s : suggestions)
        if (s.probability > 0)
            h -= s.probability * std::log(s.probability);
    return h;
}

double uncertainty(const std::vector<Suggestion>& suggestions, UncertaintyMeasure measure) {
    return measure == UncertaintyMeasure::Margin ? 1.0 - margin(suggestions) : entropy(suggestions);
}

} // namespace bankbench::core
