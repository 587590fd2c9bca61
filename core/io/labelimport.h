#pragma once

#include "io/rowerror.h"
#include "store/project.h"
#include "util/canceltoken.h"
#include "util/result.h"

#include <cstdint>
#include <string>
#include <vector>

namespace bankbench::core {

enum class LabelMatch {
    Auto,     ///< by "id" when the file has an id column, else by text
    RecordId, ///< the "id" column holds Bankbench record ids (as exportLabels writes them)
    Text,     ///< exact text of the record (the first record with that text when repeated)
};

struct LabelImportOptions {
    std::string path; ///< .jsonl/.json (JSON Lines) or .csv/.tsv
    std::string datasetName;
    std::string annotator = "import";
    LabelMatch match = LabelMatch::Auto;
    /// Labels missing from the dataset's label set are created (else the row is reported and skipped).
    bool createMissingLabels = true;
};

struct LabelImportResult {
    std::int64_t rows = 0;           ///< data rows read
    std::int64_t decisions = 0;      ///< decisions recorded
    std::int64_t empty = 0;          ///< rows with no decision in them (no status, labels or spans), skipped
    std::vector<RowError> unmatched; ///< rows whose record was not found (line, what was looked for)
    std::vector<RowError> errors;    ///< rows skipped for bad content (unknown label, invalid spans...)
};

/// Reads labels in the exportLabels formats ("label"/"labels", "spans", or "tokens"+"tags" when there
/// are no spans; CSV "labels" split by `|`) and records each row as an accepted decision by
/// `options.annotator` on the matching record of an existing dataset. The dataset needs a label set.
/// Rows with problems are reported, not fatal; an unreadable file or missing columns are. All
/// decisions are written in one transaction (all or nothing on failure, cancel -> Cancelled).
Result<LabelImportResult> importLabels(Project& project, const LabelImportOptions& options,
                                       const CancelToken* cancel = nullptr);

} // namespace bankbench::core
