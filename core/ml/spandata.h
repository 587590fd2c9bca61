#pragma once

// Torch-free: span (slot) annotations of a dataset read from a project, for token-classification runs.

#include "store/labeltypes.h"
#include "store/project.h"
#include "util/canceltoken.h"
#include "util/result.h"

#include <cstdint>
#include <string>
#include <vector>

namespace bankbench::ml {

/// The records of one dataset that have an accepted decision in a span label set, with their spans
/// (code point offsets; a record accepted with no span is an example of "nothing to extract").
struct SpanData {
    std::string datasetName;
    std::string labelSetName;
    std::vector<std::string> types; ///< the label set's labels in position order
    std::vector<core::RecordId> recordIds;
    std::vector<std::string> texts;
    std::vector<std::vector<core::Span>> spans;

    std::size_t size() const { return texts.size(); }
};

/// Reads the annotations of `labelSetName` (empty: the dataset's own label set) on the dataset's records.
/// Where several annotators hold current decisions on a record, an adjudication wins, else the most recent.
/// Errors: NotFound (dataset, label set), InvalidArgument (the set is not a span set, has no labels, or no
/// record has an accepted decision in it), Cancelled.
core::Result<SpanData> loadSpanData(core::Project& project, const std::string& datasetName,
                                    const std::string& labelSetName,
                                    const core::CancelToken* cancel = nullptr);

/// A seeded random split of `count` examples (no strata: a text holds any number of spans): round(count *
/// fraction) examples, at least 1, go to validation; both parts ascending.
void randomSplit(std::int64_t count, double validationFraction, std::uint64_t seed,
                 std::vector<std::int64_t>& train, std::vector<std::int64_t>& validation);

} // namespace bankbench::ml
