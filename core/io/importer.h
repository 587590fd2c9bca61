#pragma once

#include "io/importoptions.h"
#include "store/project.h"
#include "util/canceltoken.h"
#include "util/result.h"

#include <functional>

namespace bankbench::core {

using ImportProgressSink = std::function<void(const ImportProgress&)>;

/// Reads the head of `options.path` (never the whole file) and shows how it would be imported:
/// detected encoding/format/dialect, columns, the first `maxRows` rows, suggested text/label columns.
/// Fails with NotText for binary files, Empty for empty files.
Result<ImportPreview> previewImport(const ImportOptions& options, int maxRows = 50);

/// Streams the file into a new dataset of `project` inside one transaction. On error (without
/// skipBadRows), cancel or any failure nothing is written. Any thread; the project must be used only by
/// this call meanwhile. Errors carry file, line and column.
Result<ImportResult> importFile(Project& project, const ImportOptions& options,
                                const ImportProgressSink& progress, const CancelToken& cancel);

} // namespace bankbench::core
