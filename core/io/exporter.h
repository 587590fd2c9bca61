#pragma once

#include "store/project.h"
#include "util/canceltoken.h"
#include "util/result.h"

#include <cstdint>
#include <string>

namespace bankbench::core {

enum class ExportFormat { Csv, Jsonl };

struct ExportOptions {
    std::string datasetName;
    ExportFormat format = ExportFormat::Csv;
    std::string outPath;
    /// Joins several labels in one CSV cell; defaults to the separator the dataset was imported with, or "|".
    std::optional<std::string> labelSeparator;
};

/// Writes every record with all its columns in source order (UTF-8, RFC 4180 CSV or JSONL). The label
/// column carries the current labels (a JSON array in JSONL for multi-label sets); a dataset imported
/// without one gains a "label" column when it has labels. Returns the number of rows written. Writes to a
/// temporary file renamed into place, so a failed export never leaves a half-written file.
Result<std::int64_t> exportDataset(Project& project, const ExportOptions& options,
                                   const CancelToken* cancel = nullptr);

} // namespace bankbench::core
