#pragma once

// Torch-free: the validation-split probabilities of the model chosen on validation, kept in the model
// folder. A refit run's final model has trained on its validation split, so an ensemble calibrates such a
// member on these held-out predictions instead of on the final model's (ensemble.h).

#include "store/records.h"
#include "util/result.h"

#include <cstdint>
#include <string>
#include <vector>

namespace bankbench::ml {

inline constexpr const char* kSelectionPredictionsFile = "validation_probabilities.safetensors";

struct SelectionPredictions {
    std::vector<core::RecordId> recordIds; ///< the validation records, one per row
    std::int64_t classes = 0;
    std::vector<float> probabilities; ///< row-major [recordIds.size() x classes]
};

/// Writes modelDir/validation_probabilities.safetensors ("record_ids" I64 [n], "probabilities" F32 [n, C]).
core::Status writeSelectionPredictions(const std::string& modelDir, const SelectionPredictions& predictions);
/// NotFound when the folder has none (runs trained before they were kept); Parse when malformed.
core::Result<SelectionPredictions> readSelectionPredictions(const std::string& modelDir);

} // namespace bankbench::ml
