#pragma once

// Torch-free: turns predicted probabilities into the metrics report of a run or an `eval`.

#include "ml/trainingdata.h"
#include "util/result.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <vector>

namespace bankbench::ml {

/// The numbers a trainer needs after each epoch (early stopping, progress).
struct QuickScores {
    double accuracy = 0; ///< multi-label: subset accuracy
    double macroF1 = 0;
    double microF1 = 0;
};

/// `probabilities` is row-major, one row of `modelClasses` per example of `examples` (indices into `data`;
/// all of data when empty). Single-label: softmax rows, prediction = argmax. Multi-label: sigmoid rows,
/// label predicted when probability >= its threshold (`thresholds`, one per model class).
core::Result<QuickScores> quickScores(const LabelledData& data, const std::vector<std::int64_t>& examples,
                                      const std::vector<float>& probabilities, std::int64_t modelClasses,
                                      const std::vector<float>& thresholds);

/// The full report (scikit-learn conventions, core/metrics). Single-label keys: accuracy, macro_f1,
/// weighted_f1, micro_f1, per_class, confusion, top_k ({"1","3","5"}), ece, samples. Multi-label keys:
/// micro_f1, macro_f1, weighted_f1, subset_accuracy, hamming_loss, per_label (and per_class, the same list
/// under the single-label name), thresholds. Both: multi_label, unknown_labels (labels of the data the
/// model never saw; their examples count as errors). Classes beyond `modelClasses` are such labels.
core::Result<nlohmann::json> evaluationReport(const LabelledData& data,
                                              const std::vector<std::int64_t>& examples,
                                              const std::vector<float>& probabilities,
                                              std::int64_t modelClasses,
                                              const std::vector<float>& thresholds);

} // namespace bankbench::ml
