#pragma once

#include "store/labeltypes.h"
#include "store/project.h"
#include "util/result.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace bankbench::core {

/// Records on which the current decisions of several annotators differ (review mode).
struct Disagreement {
    RecordId recordId = 0;
    std::vector<Decision> decisions;      ///< current decisions, one per annotator, by annotator name
    std::optional<Decision> adjudication; ///< the current adjudication, when there is one
};

/// Label sets, labels and annotation decisions of one project.
///
/// Thread affinity: the same as the Project it wraps (one thread at a time; the store keeps a reference,
/// the caller keeps the Project alive longer than the store). Every write is one short IMMEDIATE
/// transaction committed before the call returns. The project runs in WAL mode with
/// synchronous=NORMAL: a committed decision survives the process being killed (SIGKILL, crash) because
/// the commit has reached the WAL file in the OS page cache; only a power loss or OS crash may lose the
/// last commits (FULL would fsync each one). tests/core/label_kill_test.cpp checks the process-kill case.
/// Nothing throws; failures come back as Result/Status (NotFound, AlreadyExists, InvalidArgument, Database).
class LabelStore {
public:
    /// Name recorded for adjudicated decisions unless a reviewer name is given; agreement ignores it.
    static constexpr const char* kAdjudicator = "adjudicator";

    explicit LabelStore(Project& project);

    /// Replaces the clock used for created_at (tests). Must return ISO 8601 UTC with milliseconds.
    void setClock(std::function<std::string()> now);
    Project& project() { return m_project; }

    // ----- label sets -----
    Result<std::vector<LabelSet>> labelSets();
    Result<LabelSet> labelSet(LabelSetId id);
    Result<LabelSet> labelSet(const std::string& name);
    Result<LabelSet> createLabelSet(const std::string& name, LabelSetKind kind);
    Status renameLabelSet(LabelSetId id, const std::string& newName);
    /// Fails (InvalidArgument) while any annotation uses the set; datasets using it lose their set.
    Status deleteLabelSet(LabelSetId id);
    /// Sets datasets.label_set_id; std::nullopt detaches. The set's kind is not checked against old data.
    Status assignLabelSet(DatasetId dataset, std::optional<LabelSetId> labelSet);
    /// The dataset's label set (NotFound when it has none).
    Result<LabelSet> labelSetOf(DatasetId dataset);
    /// Creates a set named `setName` holding every distinct label in `column` of the dataset (split by
    /// `separator` when given, JSON arrays element-wise; io/labelvalues.h rules), in order of first
    /// appearance. When `annotator` is given, each record's column value is also recorded as that
    /// annotator's accepted decision. Does not assign the set to the dataset.
    Result<LabelSet> createLabelSetFromColumn(DatasetId dataset, const std::string& column,
                                              const std::string& setName, LabelSetKind kind,
                                              const std::optional<std::string>& separator = {},
                                              const std::optional<std::string>& annotator = {});

    // ----- labels -----
    /// Labels of a set in position order.
    Result<std::vector<Label>> labels(LabelSetId labelSet);
    Result<Label> label(LabelId id);
    Result<Label> label(LabelSetId labelSet, const std::string& name);
    /// Adds `label` (its id, labelSetId and position are ignored) at the end of the set. Names must be
    /// non-empty and unique in the set; a hotkey must be one character and unique in the set.
    Result<Label> createLabel(LabelSetId labelSet, const Label& label);
    /// Updates display names, description, colour and hotkey of `label.id` (not its name or position).
    Status updateLabel(const Label& label);
    /// Renames the key name. Annotations point at the label id, so they follow. AlreadyExists when the
    /// set already has `newName` (merge instead).
    Status renameLabel(LabelId id, const std::string& newName);
    /// Sets positions 0..n-1 in the order given; `order` must hold exactly the set's label ids.
    Status reorderLabels(LabelSetId labelSet, const std::vector<LabelId>& order);
    /// Moves a label to `position` (clamped), shifting the others.
    Status moveLabel(LabelId id, int position);
    /// Re-points every annotation row of `source` (current and history) to `target` (same set), then
    /// deletes `source`. A decision that carried both keeps both rows (readers fold them into one label).
    Result<MergedLabel> mergeLabel(LabelId source, LabelId target);
    /// Undoes mergeLabel: recreates the source label with its id and points its rows back.
    Status unmergeLabel(const MergedLabel& merged);
    /// Deletes a label with all its annotation rows (history too), returning a snapshot.
    Result<DeletedLabel> deleteLabel(LabelId id);
    /// Puts a deleted label and its rows back with their original ids. Exception: SQLite reuses the
    /// highest row id, so when a decision recorded after the delete took a deleted row's id, that row
    /// comes back under a new id (and so does the decision it starts). A restored decision the annotator
    /// has since replaced comes back Superseded.
    Status restoreLabel(const DeletedLabel& deleted);
    /// Adds a list of labels (labeling/labellist.h parses JSON/CSV lists). Existing names are updated
    /// (display names, description, colour, hotkey) when `updateExisting`, else left alone. Returns the
    /// number of labels created.
    Result<int> addLabels(LabelSetId labelSet, const std::vector<Label>& labels, bool updateExisting = true);

    // ----- decisions -----
    /// Stores one decision: one annotation row per label (a skipped/unclear decision, or an accepted one
    /// with no labels, is one row with no label). The annotator's previous current decision on this
    /// record and set becomes Superseded (kept as history). Labels are key names of the set; for span
    /// sets the decision's labels are those of `spans` plus any in `labels`. Checks: single-label sets
    /// take exactly one label when accepted; skipped/unclear take none; spans only in span sets, valid
    /// (labeling/spans.h) for the record's text and not overlapping. Returns the decision id.
    Result<DecisionId> recordDecision(RecordId record, LabelSetId labelSet, const std::string& annotator,
                                      DecisionStatus status, const std::vector<std::string>& labels,
                                      const std::vector<Span>& spans = {}, const std::string& comment = {});
    /// Withdraws decision `id` (must be current; it becomes Undone) and makes current again the most
    /// recent Superseded decision of the same annotator on that record and set, if any.
    Status undoDecision(DecisionId id);
    /// Makes `id` current again (after undo); the annotator's current decision there becomes Superseded.
    Status redoDecision(DecisionId id);
    Result<Decision> decision(DecisionId id);
    Result<std::optional<Decision>> currentDecision(RecordId record, LabelSetId labelSet,
                                                    const std::string& annotator);
    /// The most recent current decision by any annotator.
    Result<std::optional<Decision>> latestDecision(RecordId record, LabelSetId labelSet);
    /// Every annotator's current decision on the record, ordered by annotator.
    Result<std::vector<Decision>> currentDecisions(RecordId record, LabelSetId labelSet);
    /// Every current decision on these records (any number of ids), by record id then annotator.
    Result<std::vector<Decision>> currentDecisions(const std::vector<RecordId>& records, LabelSetId labelSet);
    /// All decisions on the record (every annotator, every state), oldest first.
    Result<std::vector<Decision>> history(RecordId record, LabelSetId labelSet);
    /// The annotator's most recent decisions in the set (not undone), newest first.
    Result<std::vector<Decision>> recentDecisions(LabelSetId labelSet, const std::string& annotator,
                                                  int limit = 20);
    /// Current decisions on the dataset's records in its label set, by record id then annotator, on the
    /// records where at least `minAnnotators` different annotators hold one (2 = what agreement and
    /// review need, without reading a million imported labels). Adjudications are included.
    Result<std::vector<Decision>> currentDecisionsInDataset(DatasetId dataset, int minAnnotators = 1);

    // ----- progress -----
    /// Counts over the dataset's label set: all annotators together, or one annotator's decisions.
    /// Scans the set's current annotations: about 2 s on a million labelled records, so call it off the
    /// GUI thread and keep counts up to date locally between calls (recordDecision itself takes ~0.1 ms).
    Result<LabelProgress> progress(DatasetId dataset, const std::optional<std::string>& annotator = {});
    /// Annotators with current decisions in the dataset, by name.
    Result<std::vector<std::string>> annotators(DatasetId dataset);
    Result<std::vector<AnnotatorProgress>> annotatorProgress(DatasetId dataset);
    Result<LabelRate> labelRate(const std::string& annotator, LabelSetId labelSet,
                                double idleGapSeconds = 300);

    // ----- review -----
    /// Records of the dataset where at least two annotators (adjudicators excluded) have current
    /// decisions that differ in status, labels or spans, by record id. Resolved ones (with a current
    /// adjudication) are left out unless `includeAdjudicated`.
    Result<std::vector<Disagreement>> disagreements(DatasetId dataset, bool includeAdjudicated = false);
    /// Records the final answer for a record as an accepted decision by `reviewer` (kAdjudicator unless
    /// given), its comment prefixed "adjudicated: ". Undo it with undoDecision.
    Result<DecisionId> adjudicate(RecordId record, LabelSetId labelSet,
                                  const std::vector<std::string>& labels, const std::vector<Span>& spans = {},
                                  const std::string& comment = {},
                                  const std::string& reviewer = kAdjudicator);
    /// True for decisions made by adjudicate().
    static bool isAdjudication(const Decision& decision);

private:
    Project& m_project;
    std::function<std::string()> m_now;
};

} // namespace bankbench::core
