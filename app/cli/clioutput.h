#pragma once

#include "io/importoptions.h"
#include "store/records.h"
#include "util/error.h"

#include <nlohmann/json.hpp>

#include <string>

namespace bankbench::ml {
struct RuntimeInfo;
}

namespace bankbench::cli {

/// Process exit codes. Documented in README.md ("Exit codes"); scripts depend on them, so never renumber.
enum ExitCode : int {
    kExitOk = 0,
    kExitDataError = 1,   ///< the input file is bad: parse, encoding, not text, empty
    kExitUsage = 2,       ///< bad command line or option value
    kExitNotFound = 3,    ///< project, dataset, column or input file does not exist
    kExitExists = 4,      ///< project or dataset already exists
    kExitStorage = 5,     ///< I/O or database failure, project from a newer Bankbench
    kExitCancelled = 130, ///< interrupted by Ctrl+C (128 + SIGINT), nothing written
};

int exitCodeFor(core::ErrorCode code);

/// Prints `error` to stderr as `FILE:LINE:COL: message` (the file falls back to `context`, usually the
/// project path, when the error has none). With `json`, also prints `{"error": {...}}` on stdout so a script
/// reading stdout always gets a JSON document. Returns the exit code for the error.
int reportError(core::Error error, const std::string& context, bool json);

/// Writes `value` to stdout as indented UTF-8 JSON followed by a newline.
void printJson(const nlohmann::json& value);

nlohmann::json toJson(const core::ImportWarning& warning);
nlohmann::json toJson(const core::DatasetInfo& dataset);
nlohmann::json toJson(const ml::RuntimeInfo& runtime);

} // namespace bankbench::cli
