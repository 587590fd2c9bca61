#pragma once

#include "labeling/suggestion.h"
#include "store/project.h"
#include "util/canceltoken.h"
#include "util/result.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace bankbench::core {

enum class QueueOrder {
    ImportOrder, ///< record id order
    Random,      ///< seeded shuffle: the same seed gives the same order
    Uncertainty, ///< most uncertain first by a SuggestionProvider (ties by record id)
};

struct QueueOptions {
    DatasetId datasetId = 0;
    QueueOrder order = QueueOrder::ImportOrder;
    /// Records without a current decision come first (each part in `order`). "Decision" counts any
    /// status (skipped and unclear records were seen); with `annotator` set, only that annotator's.
    bool unlabelledFirst = true;
    std::string annotator;
    std::uint64_t seed = 1;
    /// Filters, as in the Data workspace (Project::queryRecordIds): full-text search, a current label.
    std::string search;
    std::optional<std::string> label;
    LabelledFilter labelled = LabelledFilter::Any;
    UncertaintyMeasure measure = UncertaintyMeasure::Margin;
    /// Records passed to the provider per suggestBatch() call (cancel is checked between batches).
    int batchSize = 256;
};

/// The record ids to label, in order. Runs on the caller's thread using `project` (its thread rule);
/// cancellable between steps (ErrorCode::Cancelled). QueueOrder::Uncertainty needs `provider` (else
/// InvalidArgument) and asks it about every record that passes the filters: cost grows with the
/// dataset, so filter (e.g. unlabelled only) on big ones. Random order uses std::mt19937_64 and a
/// Fisher-Yates shuffle written out here, so an order is reproducible across standard libraries.
Result<std::vector<RecordId>> buildLabelQueue(Project& project, const QueueOptions& options,
                                              SuggestionProvider* provider = nullptr,
                                              const CancelToken* cancel = nullptr);

} // namespace bankbench::core
