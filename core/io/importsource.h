#pragma once

#include "io/importoptions.h"
#include "io/rowreader.h"
#include "util/result.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace bankbench::core {

/// Rows looked at to suggest columns and label kinds; the most of a file a preview reads.
inline constexpr int kHeadSampleRows = 200;
inline constexpr std::int64_t kHeadSampleBytes = std::int64_t{4} << 20;

/// How a source file will be read, detected from its head or forced by the options.
struct SourceSettings {
    std::string encoding;         ///< canonical name decoding uses
    std::string detectedEncoding; ///< what detection alone found ("" if it refused the file)
    double confidence = 0;
    std::size_t bomLength = 0;
    InputFormat format = InputFormat::Csv;
    CsvDialect dialect;
    std::int64_t fileSize = 0;
};

/// Looks at the first 64 KB of `options.path`: refuses missing, empty and binary files, detects the
/// encoding, the format (by extension, else by content) and the CSV dialect.
Result<SourceSettings> resolveSource(const ImportOptions& options);

/// Opens the rows of the source; with `maxBytes` >= 0 only that much of the file is read (previews).
/// Fails when the header row is malformed or the file has no rows.
Result<std::unique_ptr<RowReader>> openRows(const ImportOptions& options, const SourceSettings& settings,
                                            std::int64_t maxBytes = -1);

/// The first rows of a source, for previews and for choosing columns and label kinds before an import.
struct HeadSample {
    std::vector<std::string> columns;
    std::vector<nlohmann::json> rows; ///< each aligned with columns (padded with nulls)
    std::vector<ImportWarning> warnings;
};

/// Reads up to `maxRows` rows from the first `maxBytes` of the source. Bad rows become warnings.
Result<HeadSample> sampleHead(const ImportOptions& options, const SourceSettings& settings, int maxRows,
                              std::int64_t maxBytes);

} // namespace bankbench::core
