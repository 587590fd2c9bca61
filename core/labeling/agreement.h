#pragma once

#include "store/labelstore.h"
#include "util/result.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace bankbench::core {

/// A kappa statistic with its parts. `kappa` is empty when undefined (expected agreement is 1: every
/// rating fell in one category, so chance explains everything) or when there are no items.
struct KappaResult {
    std::optional<double> kappa;
    double observed = 0; ///< P_o (Cohen) or P-bar (Fleiss)
    double expected = 0; ///< P_e (Cohen) or P-bar_e (Fleiss)
    std::int64_t items = 0;
};

/// Cohen's kappa for two raters; `a[i]` and `b[i]` are the categories both gave item i (same length).
KappaResult cohenKappa(const std::vector<std::string>& a, const std::vector<std::string>& b);
/// Fleiss' kappa; `counts[i][j]` = raters who put item i in category j. Every item needs the same number
/// of raters n >= 2 (items with another count are an InvalidArgument error).
Result<KappaResult> fleissKappa(const std::vector<std::vector<int>>& counts);
/// The same from categorical ratings: `ratings[i]` holds the n categories item i received.
Result<KappaResult> fleissKappa(const std::vector<std::vector<std::string>>& ratings);

enum class KappaMethod { Cohen, Fleiss };

/// Inter-annotator agreement over one dataset's current decisions.
///   - Items are the records that every compared annotator accepted (skipped/unclear and missing
///     decisions leave the record out; adjudications never count).
///   - Single-label sets: the category is the label. Multi-label sets: each (record, label) pair is a
///     yes/no item. Span sets: each (record, code point) is an item whose category is the span label
///     covering it or "O" (token-level agreement, as for NER).
///   - per label: one-vs-rest yes/no kappa for each label of the set.
///   - Two annotators use Cohen's kappa; three or more Fleiss' kappa.
struct AgreementReport {
    std::vector<std::string> annotators;
    KappaMethod method = KappaMethod::Cohen;
    std::int64_t records = 0; ///< records rated (accepted) by every annotator compared
    KappaResult overall;
    std::map<std::string, KappaResult> perLabel;
};

/// Computes the report for `annotators` (all annotators of the dataset when empty, except
/// adjudications). InvalidArgument with fewer than two annotators. Same thread rule as LabelStore.
Result<AgreementReport> computeAgreement(LabelStore& store, DatasetId dataset,
                                         std::vector<std::string> annotators = {});

} // namespace bankbench::core
