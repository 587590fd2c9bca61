#pragma once

#include "store/records.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace bankbench::core {

enum class InputFormat { Auto, Csv, Tsv, Jsonl };
const char* inputFormatName(InputFormat format); ///< "auto", "csv", "tsv", "jsonl"
std::optional<InputFormat> inputFormatFromName(const std::string& name);

/// How delimited text is split. Detected by sniffing unless the user overrides it.
struct CsvDialect {
    char delimiter = ',';
    char quote = '"'; ///< '\0': no quote processing
    bool hasHeader = true;
};

/// Everything the import dialog and `bankbench-cli import` can choose. Unset optionals mean "detect".
struct ImportOptions {
    std::string path;
    std::string datasetName;
    InputFormat format = InputFormat::Auto;
    std::string encoding = "auto"; ///< "auto" or an iconv name: "utf-8", "gbk", "gb18030", "utf-16le"...
    std::optional<char> delimiter;
    std::optional<char> quote; ///< '\0' turns quote processing off (plain TSV exports)
    std::optional<bool> hasHeader;
    std::string textColumn;                 ///< "" = pick the most text-like column
    std::optional<std::string> labelColumn; ///< unset = suggest one by name; "" = no label column
    /// Splits a label cell into several labels (multi-label); JSONL arrays are multi-label without it.
    std::optional<std::string> labelSeparator;
    bool skipBadRows = false; ///< false: stop at the first bad row and import nothing
    std::string annotator = "import";
    /// Project::BulkJournal::RollbackIfAlone for a process that owns the file while it imports (the CLI).
    bool rollbackJournalIfAlone = false;
    /// Index the records for search as they are written (one pass); false leaves them to
    /// Project::buildSearchIndex (`bankbench-cli import --no-index`).
    bool indexForSearch = true;
    /// Minimum time between progress callbacks; 0 calls back after every batch (tests, cancel).
    int progressIntervalMs = 100;
    /// Bytes read from the file per step. Tests shrink it to push records across buffer boundaries.
    std::size_t readChunkBytes = std::size_t{1} << 20;
};

/// A problem at a place in the source: a skipped bad row, a padded ragged row, a replaced byte.
struct ImportWarning {
    std::int64_t line = 0;   ///< 1-based physical line
    std::int64_t column = 0; ///< 1-based character (code point) column in that line, 0 if unknown
    std::string message;
};

/// What the file will look like once imported: shown before the user commits to an import.
struct ImportPreview {
    std::string encoding;          ///< encoding used for this preview (detected or forced)
    std::string detectedEncoding;  ///< what detection found (even when the user forced another)
    double encodingConfidence = 0; ///< 0..1, from uchardet; 1 for a BOM
    InputFormat format = InputFormat::Csv;
    CsvDialect dialect;
    std::vector<std::string> columns;
    std::vector<std::vector<std::string>> rows; ///< first rows as display strings, aligned with columns
    std::string textColumn;                     ///< suggested (or the chosen one when set)
    std::optional<std::string> labelColumn;     ///< suggested (or the chosen one when set)
    std::vector<ImportWarning> warnings;
    std::int64_t fileSize = 0;
};

/// Emitted at most ~10 times a second while importing.
struct ImportProgress {
    std::int64_t bytesRead = 0;
    std::int64_t bytesTotal = 0;
    std::int64_t rowsImported = 0;
    std::int64_t rowsSkipped = 0;
    double elapsedSeconds = 0;
    double rowsPerSecond = 0;
    double etaSeconds = -1; ///< -1 when unknown
};

struct ImportResult {
    DatasetId datasetId = 0;
    std::int64_t rowsImported = 0;
    std::int64_t rowsSkipped = 0;
    std::int64_t labelledRows = 0;
    std::string encoding;
    InputFormat format = InputFormat::Csv;
    std::vector<std::string> columns;
    std::string textColumn;
    std::optional<std::string> labelColumn; ///< the column labels were read from, if any
    std::vector<ImportWarning> warnings; ///< capped (see kMaxImportWarnings); warningCount has the total
    std::int64_t warningCount = 0;
    double elapsedSeconds = 0;
};

inline constexpr std::size_t kMaxImportWarnings = 1000;

} // namespace bankbench::core
