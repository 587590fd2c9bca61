#pragma once

#include "store/records.h"

#include <string>
#include <vector>

namespace bankbench::core {

/// A model's guess for a record: a label key name and its probability.
struct Suggestion {
    std::string label;
    double probability = 0;
};

/// Source of model suggestions for the labeling queue and view (implemented by the training engine).
/// Called on whatever thread orders the queue or loads the record (never assume the GUI thread); an
/// implementation must be usable from one thread at a time. Suggestions are returned most probable
/// first; probabilities of a single-label model sum to ~1.
class SuggestionProvider {
public:
    virtual ~SuggestionProvider() = default;
    virtual std::vector<Suggestion> suggest(const Record& record) = 0;
    /// Batched form for models that run faster on batches; the default calls suggest() per record.
    virtual std::vector<std::vector<Suggestion>> suggestBatch(const std::vector<Record>& records);
};

/// Uncertainty measures over one record's suggestions.
enum class UncertaintyMeasure {
    Margin,  ///< p(top1) - p(top2): small = uncertain. A single suggestion has margin p(top1).
    Entropy, ///< -sum p ln p (natural log): large = uncertain.
};

/// p(top1) - p(top2) over the probabilities (order does not matter); 1 for no suggestions.
double margin(const std::vector<Suggestion>& suggestions);
/// Shannon entropy in nats of the probabilities as given (not renormalised; p <= 0 terms are 0).
double entropy(const std::vector<Suggestion>& suggestions);
/// A score where larger always means more uncertain: 1 - margin, or entropy.
double uncertainty(const std::vector<Suggestion>& suggestions, UncertaintyMeasure measure);

} // namespace bankbench::core
