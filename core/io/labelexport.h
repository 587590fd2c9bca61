#pragma once

#include "io/exporter.h"
#include "store/project.h"
#include "util/canceltoken.h"
#include "util/result.h"

#include <cstdint>
#include <optional>
#include <string>

namespace bankbench::core {

struct LabelExportOptions {
    std::string datasetName;
    ExportFormat format = ExportFormat::Jsonl;
    std::string outPath;
    /// Whose decisions: one annotator's current decision, or (empty) the latest current decision of
    /// any annotator, an adjudication first when there is one.
    std::string annotator;
    /// Also write records without an accepted decision (empty labels / spans).
    bool includeUnlabelled = false;
    /// Joins several labels in one CSV cell.
    std::string labelSeparator = "|";
};

/// Writes labelled data: one row per record with its id and text, then
///   JSONL: "label" (single-label sets) or "labels" (multi and span sets, a list); span sets also get
///          "spans" [{"start","end","label"}] in code points, and "tokens" + "tags" (BIO, labeling/spans.h);
///          "annotator" and "status".
///   CSV:   id,text,labels[,spans,tokens,tags] (spans as the JSON list; tokens and tags space-separated,
///          which works because tokens never hold whitespace), annotator,status.
/// Writes a temporary file renamed into place. Returns rows written. Same thread rule as Project.
Result<std::int64_t> exportLabels(Project& project, const LabelExportOptions& options,
                                  const CancelToken* cancel = nullptr);

} // namespace bankbench::core
