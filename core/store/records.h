#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace bankbench::core {

using RecordId = std::int64_t;
using DatasetId = std::int64_t;
using LabelSetId = std::int64_t;

enum class LabelSetKind { SingleLabel, MultiLabel, Span };
const char* labelSetKindName(LabelSetKind kind);
std::optional<LabelSetKind> labelSetKindFromName(const std::string& name);

/// A dataset as stored: where it came from and how its columns map.
struct DatasetInfo {
    DatasetId id = 0;
    std::string name;
    std::string sourcePath;
    std::string sourceFormat;  ///< "csv", "tsv" or "jsonl"
    std::string encoding;      ///< encoding the source was decoded from
    std::string importedAt;    ///< ISO 8601 UTC
    std::vector<std::string> columns;  ///< every source column, in source order
    std::string textColumn;
    std::optional<std::string> labelColumn;
    std::optional<std::string> labelSeparator;
    std::optional<LabelSetId> labelSetId;  ///< label set created for this dataset's labels
    std::int64_t rowCount = 0;
    std::int64_t labelledCount = 0;  ///< records with a current accepted annotation in labelSetId
};

/// One record. `fields` is a JSON array aligned with DatasetInfo::columns: strings for CSV/TSV,
/// any JSON value for JSONL, null where a ragged row had no value.
struct Record {
    RecordId id = 0;
    DatasetId datasetId = 0;
    std::int64_t sourceLine = 0;  ///< 1-based line of the record's first physical line in the source
    std::string text;
    nlohmann::json fields = nlohmann::json::array();
    std::vector<std::string> labels;  ///< current labels in the dataset's label set (latest decision)
};

/// A record to insert: `labels` go into the dataset's label set as annotations by `annotator`.
struct NewRecord {
    std::int64_t sourceLine = 0;
    std::string text;
    nlohmann::json fields = nlohmann::json::array();
    /// Fast path for bulk import: `fields` already serialized as a compact JSON array. When non-empty it is
    /// stored verbatim and `fields` is ignored; put null in the text column's slot (it is filled from
    /// `text` on read) so the text is not stored twice.
    std::string fieldsJson;
    std::vector<std::string> labels;
};

/// How much of a dataset the full-text index covers; search only finds indexed records.
struct SearchIndexStatus {
    std::int64_t indexed = 0;
    std::int64_t total = 0;
    bool complete() const { return indexed >= total; }
};

enum class LabelledFilter { Any, Labelled, Unlabelled };
enum class SortOrder { Ascending, Descending };

/// What the Data workspace's table asks for. An empty `search` means no full-text filter.
struct RecordQuery {
    DatasetId datasetId = 0;
    std::string search;                ///< user text, turned into an FTS5 query by searchQuery()
    std::optional<std::string> label;  ///< only records currently carrying this label
    LabelledFilter labelled = LabelledFilter::Any;
    /// Column to sort by: "" keeps import order; "text" or a column name from DatasetInfo::columns.
    std::string sortColumn;
    SortOrder sortOrder = SortOrder::Ascending;
};

struct LabelCount {
    std::string name;
    std::int64_t count = 0;
};

} // namespace bankbench::core
