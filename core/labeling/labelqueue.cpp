#include "labeling/labelqueue.h"
#include "store/datasetrange.h"

#include <algorithm>
#include <limits>
#include <random>
#include <unordered_set>

namespace bankbench::core {

namespace {

Error cancelled() {
    return Error{ErrorCode::Cancelled, "queue ordering cancelled", {}};
}

// Unbiased integer in [0, bound) by rejection: std::uniform_int_distribution differs between standard
// libraries, and a saved seed must give the same order on every build.
std::uint64_t below(std::mt19937_64& rng, std::uint64_t bound) {
    const std::uint64_t limit =
        std::numeric_limits<std::uint64_t>::max() - std::numeric_limits<std::uint64_t>::max() % bound;
    std::uint64_t value;
    do
        value = rng();
    while (value >= limit);
    return value % bound;
}

void shuffle(std::vector<RecordId>& ids, std::mt19937_64& rng) {
    for (std::size_t i = ids.size(); i > 1; --i)
        std::swap(ids[i - 1], ids[below(rng, i)]);
}

Result<std::unordered_set<RecordId>> decidedRecords(Project& project, const DatasetInfo& info,
                                                    const std::string& annotator) {
    std::unordered_set<RecordId> decided;
    if (!info.labelSetId)
        return decided;
    try {
        auto stmt = project.database().prepare(
            "SELECT DISTINCT a.record_id FROM annotations a "
            "WHERE a.label_set_id = ?1 AND a.is_current = 1 AND " + annotationsOfDataset("a", "?2") +
            std::string(annotator.empty() ? "" : " AND a.annotator = ?3"));
        stmt.bind(1, *info.labelSetId).bind(2, info.id);
        if (!annotator.empty())
            stmt.bind(3, annotator);
        while (stmt.step())
            decided.insert(stmt.columnInt(0));
        return decided;
    } catch (const DatabaseError& e) {
        return Error{ErrorCode::Database, e.what(), {project.path(), 0, 0}};
    }
}

Status orderByUncertainty(Project& project, std::vector<RecordId>& ids, SuggestionProvider& provider,
                          const QueueOptions& options, const CancelToken* cancel) {
    std::vector<std::pair<double, RecordId>> scored;
    scored.reserve(ids.size());
    const std::size_t batch = static_cast<std::size_t>(std::max(1, options.batchSize));
    for (std::size_t start = 0; start < ids.size(); start += batch) {
        if (cancel && cancel->isCancelled())
            return cancelled();
        const std::vector<RecordId> chunk(
            ids.begin() + static_cast<std::ptrdiff_t>(start),
            ids.begin() + static_cast<std::ptrdiff_t>(std::min(ids.size(), start + batch)));
        auto records = project.records(chunk);
        if (!records)
            return records.error();
        const auto suggestions = provider.suggestBatch(*records);
        for (std::size_t i = 0; i < records->size() && i < suggestions.size(); ++i)
            scored.emplace_back(uncertainty(suggestions[i], options.measure), (*records)[i].id);
    }
    // Stable: equally uncertain records keep the filter's order.
    std::stable_sort(scored.begin(), scored.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
    ids.clear();
    for (const auto& [score, id] : scored)
        ids.push_back(id);
    return {};
}

} // namespace

Result<std::vector<RecordId>> buildLabelQueue(Project& project, const QueueOptions& options,
                                              SuggestionProvider* provider, const CancelToken* cancel) {
    if (options.order == QueueOrder::Uncertainty && !provider)
        return Error{ErrorCode::InvalidArgument, "ordering by model uncertainty needs a trained model", {}};
    auto info = project.dataset(options.datasetId);
    if (!info)
        return info.error();
    RecordQuery query;
    query.datasetId = options.datasetId;
    query.search = options.search;
    query.label = options.label;
    query.labelled = options.labelled;
    auto ids = project.queryRecordIds(query, cancel);
    if (!ids)
        return ids.error();

    std::vector<std::vector<RecordId>> parts;
    if (options.unlabelledFirst) {
        auto decided = decidedRecords(project, *info, options.annotator);
        if (!decided)
            return decided.error();
        std::vector<RecordId> open, done;
        for (const auto id : *ids)
            (decided->count(id) ? done : open).push_back(id);
        parts.push_back(std::move(open));
        parts.push_back(std::move(done));
    } else {
        parts.push_back(std::move(*ids));
    }

    std::mt19937_64 rng(options.seed);
    std::vector<RecordId> queue;
    for (auto& part : parts) {
        if (cancel && cancel->isCancelled())
            return cancelled();
        if (options.order == QueueOrder::Random) {
            shuffle(part, rng);
        } else if (options.order == QueueOrder::Uncertainty) {
            if (auto ok = orderByUncertainty(project, part, *provider, options, cancel); !ok)
                return ok.error();
        }
        queue.insert(queue.end(), part.begin(), part.end());
    }
    return queue;
}

} // namespace bankbench::core
