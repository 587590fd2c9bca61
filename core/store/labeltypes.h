#pragma once

#include "store/records.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace bankbench::core {

using LabelId = std::int64_t;
/// A decision is identified by the id of its first annotation row (see schema step 2).
using DecisionId = std::int64_t;

/// What an annotator did with a record. Only Accepted decisions carry labels or spans.
enum class DecisionStatus { Accepted, Skipped, Unclear };
const char* decisionStatusName(DecisionStatus status); ///< "accepted", "skipped", "unclear"
std::optional<DecisionStatus> decisionStatusFromName(const std::string& name);

/// Where a decision stands in its annotator's history for one record and label set.
/// Stored in annotations.is_current: 1 = Current, 0 = Superseded (a newer decision replaced it),
/// -1 = Undone (withdrawn by undoDecision; undo never brings an undone decision back, redo does).
enum class DecisionState { Current, Superseded, Undone };

struct LabelSet {
    LabelSetId id = 0;
    std::string name;
    LabelSetKind kind = LabelSetKind::SingleLabel;
    std::string createdAt; ///< ISO 8601 UTC
};

/// One label of a label set. Empty strings mean "not set" (stored as NULL).
struct Label {
    LabelId id = 0;
    LabelSetId labelSetId = 0;
    std::string name; ///< key name, unique within its set; what exports and models use
    std::string displayZh;
    std::string displayEn;
    std::string description; ///< guideline shown on hover
    std::string color;       ///< "#RRGGBB"
    std::string hotkey;      ///< one key, e.g. "1" or "q"; unique within its set when set
    int position = 0;        ///< 0-based order in the set

    /// The name to show for a UI language ("zh..." or anything else = English), falling back to `name`.
    const std::string& displayName(const std::string& language) const;
};

/// A slot span over a record's text. Offsets are Unicode code points (not bytes, not UTF-16 units),
/// half-open: [start, end). Valid when 0 <= start < end <= number of code points of the text.
/// Convert at the Qt boundary with labeling/textoffsets.h.
struct Span {
    std::int64_t start = 0;
    std::int64_t end = 0;
    std::string label;

    bool operator==(const Span& other) const = default;
};

/// One annotator's decision on one record in one label set (all its annotation rows folded together).
struct Decision {
    DecisionId id = 0;
    RecordId recordId = 0;
    LabelSetId labelSetId = 0;
    std::string annotator;
    std::string createdAt; ///< ISO 8601 UTC, milliseconds
    DecisionStatus status = DecisionStatus::Accepted;
    std::vector<std::string> labels; ///< distinct label names in label position order
    std::vector<Span> spans;         ///< sorted by start (span label sets only)
    std::string comment;
    DecisionState state = DecisionState::Current;

    bool isCurrent() const { return state == DecisionState::Current; }
};

/// Everything deleteLabel() removed, enough for restoreLabel() to put it back exactly (same ids).
struct DeletedLabel {
    Label label;
    /// The annotation rows that pointed at the label, verbatim.
    struct Row {
        std::int64_t id = 0;
        RecordId recordId = 0;
        std::optional<std::int64_t> decision;
        std::string annotator;
        std::string createdAt;
        std::string status;
        std::optional<std::string> comment;
        std::optional<std::string> spansJson;
        int isCurrent = 1;
    };
    std::vector<Row> rows;
    /// Decisions whose first row was the deleted label's: their other rows were re-anchored onto the
    /// next row; restoreLabel() points them back.
    std::vector<std::pair<std::int64_t, std::int64_t>> reanchored; ///< (row id, old decision value)
};

/// What mergeLabel() changed, enough for unmergeLabel() to undo it.
struct MergedLabel {
    DeletedLabel source; ///< the merged-away label, its rows as they were before the merge
    LabelId targetId = 0;
};

/// Label usage in one dataset: records whose current accepted decisions carry the label.
struct LabelUsage {
    LabelId labelId = 0;
    std::string name;
    std::int64_t count = 0;
};

/// Progress of one dataset, overall or for one annotator.
struct LabelProgress {
    std::int64_t total = 0;         ///< records in the dataset
    std::int64_t labelled = 0;      ///< records with a current accepted decision
    std::int64_t skipped = 0;       ///< records whose current decision is skipped (and none accepted)
    std::int64_t unclear = 0;       ///< records whose current decision is unclear (and none accepted)
    std::vector<LabelUsage> labels; ///< every label of the set, in position order (count may be 0)
};

struct AnnotatorProgress {
    std::string annotator;
    LabelProgress progress;
};

/// Labelling speed from decision timestamps. Active time sums the gaps between consecutive decisions
/// that are at most `idleGapSeconds` apart, so breaks do not count; the first decision of each
/// active stretch adds one median gap (minimum 1 s) so a single fast burst does not divide by ~0.
struct LabelRate {
    std::int64_t decisions = 0; ///< decisions recorded (undone ones excluded)
    double activeSeconds = 0;
    double perHour = 0; ///< decisions / active hours; 0 when there are none
};

} // namespace bankbench::core
