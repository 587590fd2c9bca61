#pragma once

#include <store/labeltypes.h>
#include <store/records.h>

#include <string>
#include <vector>

namespace bankbench::ui {
class LabelSession;
}

namespace bankbench::test {

/// Texts of the labeling fixture: Chinese, English, mixed, emoji (outside the BMP), a CRLF line break.
const std::vector<std::string>& labelTexts();

struct LabelProject {
    core::DatasetId datasetId = 0;
    core::LabelSetId labelSetId = 0;
    std::vector<core::Label> labels; ///< position order
};

/// Creates a project at `path` with dataset "calls" (columns id, channel, text; labelTexts() and then
/// `extraRows` generated rows) and a label set of `kind` assigned to it. Intent sets get card_lost (key 1),
/// balance (2), transfer (3), complaint (q); span sets get amount (a), card (c), date (d).
LabelProject createLabelProject(const std::string& path, core::LabelSetKind kind, int extraRows = 0);

/// Waits (processing events) until the session has no read, write or stats outstanding.
bool waitIdle(ui::LabelSession& session, int timeoutMs = 15000);

/// Every annotator's current decisions in the dataset, read through a fresh connection.
std::vector<core::Decision> storedDecisions(const std::string& path, core::DatasetId dataset);
/// `annotator`'s current decision on `record`, read through a fresh connection.
std::optional<core::Decision> storedDecision(const std::string& path, core::RecordId record,
                                             core::LabelSetId labelSet, const std::string& annotator);

} // namespace bankbench::test
