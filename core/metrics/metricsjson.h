#pragma once

#include "metrics/classificationreport.h"
#include "metrics/confusionmatrix.h"
#include "metrics/multilabel.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

/// JSON forms of the reports for `bankbench-cli eval --json` and for runs stored in a project. Key names
/// follow the CLI contract: `accuracy`, `macro_f1`, `weighted_f1`, `micro_f1`, `per_class`, `confusion`,
/// `subset_accuracy`. Pure functions: any thread.
namespace bankbench::core::metrics {

/// `names[i]` names class id i (ids beyond the list print as their number). Per-class entries are
/// objects {label, id, precision, recall, f1, support} in report order.
nlohmann::json toJson(const ClassificationReport& report, const std::vector<std::string>& names);
/// {labels: [names...], matrix: [[...], ...]} with rows = true class.
nlohmann::json toJson(const ConfusionMatrix& matrix, const std::vector<std::string>& names);
nlohmann::json toJson(const MultiLabelReport& report, const std::vector<std::string>& names);

} // namespace bankbench::core::metrics
