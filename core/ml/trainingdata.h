#pragma once

// Torch-free: labelled examples read from a project, and the seeded stratified split of a run.

#include "store/project.h"
#include "util/canceltoken.h"
#include "util/result.h"

#include <cstdint>
#include <string>
#include <vector>

namespace bankbench::ml {

/// The labelled records of one dataset, with labels as class ids into `labelNames`.
struct LabelledData {
    std::string datasetName;
    bool multiLabel = false;
    std::vector<std::string> labelNames;   ///< class id -> label name
    std::vector<core::RecordId> recordIds; ///< one per example, import order
    std::vector<std::string> texts;
    std::vector<std::vector<int>> labels; ///< class ids per example (exactly one when single-label)

    std::size_t size() const { return texts.size(); }
};

/// Reads every record of `datasetName` that has a current accepted label in the dataset's label set.
/// Class ids follow the label set's order, keeping only labels that occur in the dataset. Errors:
/// NotFound (dataset), InvalidArgument (no label set, a span label set, fewer than 2 labels or no labelled
/// records), Cancelled.
core::Result<LabelledData> loadLabelledData(core::Project& project, const std::string& datasetName,
                                            const core::CancelToken* cancel = nullptr);

/// The same for evaluation against a trained model's classes: labels the model knows keep its ids; labels
/// it never saw get new ids after them (appended to `labelNames`, in first-seen order), so they count as
/// errors rather than vanish. `multiLabel` must match the dataset's label set kind.
core::Result<LabelledData> loadLabelledDataFor(core::Project& project, const std::string& datasetName,
                                               const std::vector<std::string>& modelLabels, bool multiLabel,
                                               const core::CancelToken* cancel = nullptr);

/// Indices into a LabelledData, in ascending order.
struct DataSplit {
    std::vector<std::int64_t> train;
    std::vector<std::int64_t> validation;
};

/// Stratified by label (multi-label: by each example's rarest label), seeded, and the same on every
/// platform (own generator and shuffle, not std::shuffle). Each class with at least 2 examples puts
/// round(n * fraction) of them, at least 1, into validation; a class with 1 example stays in train.
DataSplit stratifiedSplit(const LabelledData& data, double validationFraction, std::uint64_t seed);

/// Portable deterministic generator (SplitMix64) for splits and batch orders.
class SplitMix64 {
public:
    explicit SplitMix64(std::uint64_t seed) : m_state(seed) {}
    std::uint64_t next();
    /// Uniform in [0, bound) without modulo bias.
    std::uint64_t below(std::uint64_t bound);

private:
    std::uint64_t m_state;
};

/// Fisher–Yates with SplitMix64: the same order for the same seed everywhere.
void seededShuffle(std::vector<std::int64_t>& values, std::uint64_t seed);

} // namespace bankbench::ml
