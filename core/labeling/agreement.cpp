#include "labeling/agreement.h"

#include "labeling/textoffsets.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace bankbench::core {

namespace {

std::optional<double> kappaOf(double observed, double expected, std::int64_t items) {
    if (items == 0 || std::abs(1.0 - expected) < 1e-12)
        return std::nullopt;
    return (observed - expected) / (1.0 - expected);
}

// Ratings per item, one category per rater in the order of `annotators`.
using Ratings = std::vector<std::vector<std::string>>;

Result<KappaResult> kappaFor(const Ratings& items) {
    if (!items.empty() && items.front().size() == 2) {
        std::vector<std::string> a, b;
        for (const auto& item : items) {
            a.push_back(item[0]);
            b.push_back(item[1]);
        }
        return cohenKappa(a, b);
    }
    return fleissKappa(items);
}

} // namespace

KappaResult cohenKappa(const std::vector<std::string>& a, const std::vector<std::string>& b) {
    KappaResult result;
    const std::size_t n = std::min(a.size(), b.size());
    result.items = static_cast<std::int64_t>(n);
    if (n == 0)
        return result;
    std::map<std::string, std::pair<std::int64_t, std::int64_t>> marginals;
    std::int64_t agree = 0;
    for (std::size_t i = 0; i < n; ++i) {
        agree += a[i] == b[i] ? 1 : 0;
        ++marginals[a[i]].first;
        ++marginals[b[i]].second;
    }
    const double total = static_cast<double>(n);
    result.observed = static_cast<double>(agree) / total;
    for (const auto& [category, counts] : marginals)
        result.expected +=
            (static_cast<double>(counts.first) / total) * (static_cast<double>(counts.second) / total);
    result.kappa = kappaOf(result.observed, result.expected, result.items);
    return result;
}

Result<KappaResult> fleissKappa(const std::vector<std::vector<int>>& counts) {
    KappaResult result;
    result.items = static_cast<std::int64_t>(counts.size());
    if (counts.empty())
        return result;
    const std::size_t categories = counts.front().size();
    std::int64_t raters = 0;
    for (const int c : counts.front())
        raters += c;
    if (raters < 2)
        return Error{ErrorCode::InvalidArgument, "Fleiss' kappa needs at least two ratings per item", {}};
    std::vector<double> columnTotals(categories, 0);
    double sumP = 0;
    for (std::size_t i = 0; i < counts.size(); ++i) {
        const auto& row = counts[i];
        if (row.size() != categories)
            return Error{ErrorCode::InvalidArgument,
                         "item " + std::to_string(i) + " has a different number of categories",
                         {}};
        std::int64_t rowRaters = 0;
        double squares = 0;
        for (std::size_t j = 0; j < categories; ++j) {
            if (row[j] < 0)
                return Error{ErrorCode::InvalidArgument, "negative count at item " + std::to_string(i), {}};
            rowRaters += row[j];
            squares += static_cast<double>(row[j]) * row[j];
            columnTotals[j] += row[j];
        }
        if (rowRaters != raters)
            return Error{ErrorCode::InvalidArgument,
                         "item " + std::to_string(i) + " has " + std::to_string(rowRaters) +
                             " ratings, the first item " + std::to_string(raters) +
                             "; Fleiss' kappa needs the same number for every item",
                         {}};
        const double n = static_cast<double>(raters);
        sumP += (squares - n) / (n * (n - 1));
    }
    const double totalRatings = static_cast<double>(counts.size()) * static_cast<double>(raters);
    result.observed = sumP / static_cast<double>(counts.size());
    for (const double total : columnTotals)
        result.expected += (total / totalRatings) * (total / totalRatings);
    result.kappa = kappaOf(result.observed, result.expected, result.items);
    return result;
}

Result<KappaResult> fleissKappa(const std::vector<std::vector<std::string>>& ratings) {
    std::map<std::string, std::size_t> index;
    for (const auto& item : ratings)
        for (const auto& category : item)
            index.emplace(category, 0);
    std::size_t next = 0;
    for (auto& [category, i] : index)
        i = next++;
    std::vector<std::vector<int>> counts;
    counts.reserve(ratings.size());
    for (const auto& item : ratings) {
        std::vector<int> row(index.size(), 0);
        for (const auto& category : item)
            ++row[index[category]];
        counts.push_back(std::move(row));
    }
    return fleissKappa(counts);
}

Result<AgreementReport> computeAgreement(LabelStore& store, DatasetId dataset,
                                         std::vector<std::string> annotators) {
    auto set = store.labelSetOf(dataset);
    if (!set)
        return set.error();
    auto labels = store.labels(set->id);
    if (!labels)
        return labels.error();
    auto decisions = store.currentDecisionsInDataset(dataset, 2);
    if (!decisions)
        return decisions.error();

    // record -> annotator -> accepted decision
    std::map<RecordId, std::map<std::string, const Decision*>> byRecord;
    std::set<std::string> seen;
    for (const auto& d : *decisions) {
        if (LabelStore::isAdjudication(d))
            continue;
        seen.insert(d.annotator);
        if (d.status == DecisionStatus::Accepted)
            byRecord[d.recordId][d.annotator] = &d;
    }
    if (annotators.empty())
        annotators.assign(seen.begin(), seen.end());
    std::sort(annotators.begin(), annotators.end());
    annotators.erase(std::unique(annotators.begin(), annotators.end()), annotators.end());
    if (annotators.size() < 2)
        return Error{ErrorCode::InvalidArgument,
                     "agreement needs at least two annotators who labelled the same records",
                     {}};

    AgreementReport report;
    report.annotators = annotators;
    report.method = annotators.size() == 2 ? KappaMethod::Cohen : KappaMethod::Fleiss;

    std::vector<std::pair<RecordId, std::vector<const Decision*>>> items;
    for (const auto& [record, byAnnotator] : byRecord) {
        std::vector<const Decision*> row;
        for (const auto& name : annotators)
            if (auto it = byAnnotator.find(name); it != byAnnotator.end())
                row.push_back(it->second);
        if (row.size() == annotators.size())
            items.emplace_back(record, std::move(row));
    }
    report.records = static_cast<std::int64_t>(items.size());

    Ratings overall;
    std::map<std::string, Ratings> perLabel;
    auto has = [](const Decision* d, const std::string& label) {
        return std::find(d->labels.begin(), d->labels.end(), label) != d->labels.end();
    };
    if (set->kind == LabelSetKind::Span) {
        std::vector<RecordId> ids;
        for (const auto& item : items)
            ids.push_back(item.first);
        auto records = store.project().records(ids);
        if (!records)
            return records.error();
        std::map<RecordId, std::int64_t> lengths;
        for (const auto& r : *records)
            lengths[r.id] = textoffsets::codePointCount(r.text);
        for (const auto& [record, row] : items) {
            const auto length = lengths[record];
            // Per code point, the covering span's label or "O" for every annotator.
            std::vector<std::vector<std::string>> tags(static_cast<std::size_t>(length),
                                                       std::vector<std::string>(row.size(), "O"));
            for (std::size_t r = 0; r < row.size(); ++r)
                for (const auto& span : row[r]->spans)
                    for (auto i = std::max<std::int64_t>(0, span.start); i < std::min(span.end, length); ++i)
                        tags[static_cast<std::size_t>(i)][r] = span.label;
            for (auto& point : tags) {
                for (const auto& label : *labels) {
                    std::vector<std::string> binary;
                    for (const auto& tag : point)
                        binary.push_back(tag == label.name ? "yes" : "no");
                    perLabel[label.name].push_back(std::move(binary));
                }
                overall.push_back(std::move(point));
            }
        }
    } else {
        for (const auto& [record, row] : items) {
            if (set->kind == LabelSetKind::SingleLabel) {
                std::vector<std::string> categories;
                for (const auto* d : row)
                    categories.push_back(d->labels.empty() ? std::string() : d->labels.front());
                overall.push_back(std::move(categories));
            }
            for (const auto& label : *labels) {
                std::vector<std::string> binary;
                for (const auto* d : row)
                    binary.push_back(has(d, label.name) ? "yes" : "no");
                if (set->kind == LabelSetKind::MultiLabel)
                    overall.push_back(binary);
                perLabel[label.name].push_back(std::move(binary));
            }
        }
    }
    auto kappa = kappaFor(overall);
    if (!kappa)
        return kappa.error();
    report.overall = *kappa;
    for (auto& [name, ratings] : perLabel) {
        auto k = kappaFor(ratings);
        if (!k)
            return k.error();
        report.perLabel[name] = *k;
    }
    for (const auto& label : *labels)
        report.perLabel.emplace(label.name, KappaResult{});
    return report;
}

} // namespace bankbench::core
