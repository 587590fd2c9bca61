#pragma once

// Internal to the label store and label import: SQL shared by the LabelStore files. Not a public API.

#include "store/database.h"
#include "store/labeltypes.h"
#include "util/result.h"

#include <functional>
#include <string>
#include <vector>

namespace bankbench::core::labelrows {

Error databaseError(const DatabaseError& e, const std::string& path);
std::optional<std::string> nullIfEmpty(const std::string& value);
/// Key names: non-empty UTF-8 without surrounding spaces or line breaks (they end up in exports).
Status checkLabelName(const std::string& name);
/// One character, not used by another label (`self`) of the set.
Status checkHotkey(Database& db, LabelSetId set, const std::string& hotkey, LabelId self);

/// Columns every decision read selects, aliased `a` = annotations, `l` = labels (LEFT JOIN).
extern const char* const kDecisionSelect;

/// Runs kDecisionSelect + `tail` (WHERE/ORDER, must order rows of one decision together) and folds the
/// rows into decisions, in first-seen order.
std::vector<Decision> readDecisions(Database& db, const std::string& tail,
                                    const std::function<void(Statement&)>& bind);

/// Validates and inserts one decision inside the caller's transaction: supersedes the annotator's
/// current decision on the record and set. Returns the new decision id or an InvalidArgument/NotFound.
Result<DecisionId> insertDecision(Database& db, RecordId record, LabelSetId labelSet,
                                  const std::string& annotator, DecisionStatus status,
                                  const std::vector<std::string>& labels, const std::vector<Span>& spans,
                                  const std::string& comment, const std::string& createdAt);

} // namespace bankbench::core::labelrows
