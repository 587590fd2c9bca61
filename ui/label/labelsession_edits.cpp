// LabelSession: the annotator's edits, the decisions they become, and the writes that store them.

#include "label/labelsession.h"

#include "common/qtconvert.h"
#include "label/labelcommands.h"
#include "label/labelwriter.h"

#include <labeling/spans.h>
#include <labeling/textoffsets.h>
#include <store/labelstore.h>
#include <util/clock.h>

#include <QUndoStack>

#include <algorithm>

namespace bankbench::ui {

namespace {

QString snippet(const LabelRecord* record) {
    return record ? singleLine(record->text, 80) : QString();
}

} // namespace

std::optional<core::Decision> LabelSession::proposal() const {
    const std::optional<core::Decision> shown = shownDecision();
    if (shown && shown->status == core::DecisionStatus::Accepted)
        return shown;
    const LabelRecord* record = currentRecord();
    if (!record)
        return std::nullopt;
    if (m_request.review)
        return std::nullopt; // the reviewer decides from the annotators' answers shown beside the text
    if (!record->suggestions.empty() && kind() != core::LabelSetKind::Span &&
        labelByName(record->suggestions.front().label)) {
        core::Decision suggested;
        suggested.labels = {record->suggestions.front().label};
        return suggested;
    }
    // Otherwise the most recent answer of someone else (often the label the data came with).
    const core::Decision* latest = nullptr;
    for (const auto& other : record->others) {
        if (other.status == core::DecisionStatus::Accepted &&
            (!latest || other.createdAt > latest->createdAt))
            latest = &other;
    }
    return latest ? std::optional<core::Decision>(*latest) : std::nullopt;
}

void LabelSession::resetEdit() {
    m_editRecord = currentRecordId();
    m_dirty = false;
    m_editHistory.clear();
    m_pendingLabels.clear();
    m_pendingSpans.clear();
    if (const auto proposed = proposal()) {
        if (kind() == core::LabelSetKind::Span) {
            m_pendingSpans = proposed->spans; // a span decision's labels are its spans' types
        } else {
            for (const auto& name : proposed->labels) {
                if (labelByName(name))
                    m_pendingLabels.push_back(name);
            }
        }
    }
    m_editBase = {m_pendingLabels, m_pendingSpans};
}

void LabelSession::editChanged() {
    // Unsaved only when it differs from where the edit started (the stored decision or the proposal):
    // moving on from an untouched proposal stores nothing; Enter accepts it explicitly.
    m_dirty = m_editBase.first != m_pendingLabels || m_editBase.second != m_pendingSpans;
    emit currentChanged();
}

DecisionRequest LabelSession::request(core::DecisionStatus status, std::vector<std::string> labels,
                                      std::vector<core::Span> spans, const QString& comment) const {
    DecisionRequest out;
    out.recordId = currentRecordId().value_or(0);
    out.labelSetId = m_schema.labelSet ? m_schema.labelSet->id : 0;
    out.adjudication = m_request.review;
    out.annotator = m_request.review ? std::string(core::LabelStore::kAdjudicator) : toStdString(m_annotator);
    out.status = status;
    // A span decision carries its spans' types as labels (as the store derives them), so the decision
    // shown before the write returns reads the same as the stored one.
    for (const core::Span& span : spans)
        labels.push_back(span.label);
    // Labels in the set's order, so equal decisions compare equal whatever order the keys came in.
    std::sort(labels.begin(), labels.end(), [this](const std::string& a, const std::string& b) {
        const core::Label* la = labelByName(a);
        const core::Label* lb = labelByName(b);
        return (la ? la->position : 0) < (lb ? lb->position : 0);
    });
    labels.erase(std::unique(labels.begin(), labels.end()),
                 labels.end()); // sorted by position: equal names adjacent
    out.labels = std::move(labels);
    out.spans = core::normalizedSpans(std::move(spans));
    out.comment = toStdString(comment);
    return out;
}

void LabelSession::commitEdit(core::DecisionStatus status, std::vector<std::string> labels,
                              std::vector<core::Span> spans, const QString& comment,
                              const QString& description) {
    const auto id = currentRecordId();
    if (!id || !m_schema.labelSet)
        return;
    DecisionRequest decision = request(status, std::move(labels), std::move(spans), comment);
    m_undo->push(new DecisionCommand(*this, std::move(decision), shownDecision(), snippet(currentRecord()),
                                     description));
    m_dirty = false;
    m_editHistory.clear();
}

bool LabelSession::commitIfDirty() {
    if (!m_dirty || m_editRecord != currentRecordId())
        return false;
    commitEdit(core::DecisionStatus::Accepted, m_pendingLabels, m_pendingSpans, QString(),
               tr("Label record"));
    return true;
}

void LabelSession::pickLabel(const std::string& name) {
    const core::Label* label = labelByName(name);
    if (!label || !currentRecord())
        return;
    switch (kind()) {
    case core::LabelSetKind::SingleLabel:
        commitEdit(core::DecisionStatus::Accepted, {name}, {}, QString(),
                   tr("Label “%1”").arg(toQString(label->name)));
        advance();
        return;
    case core::LabelSetKind::MultiLabel: {
        m_editHistory.push_back({m_pendingLabels, m_pendingSpans});
        const auto it = std::find(m_pendingLabels.begin(), m_pendingLabels.end(), name);
        if (it == m_pendingLabels.end())
            m_pendingLabels.push_back(name);
        else
            m_pendingLabels.erase(it);
        std::sort(m_pendingLabels.begin(), m_pendingLabels.end(),
                  [this](const std::string& a, const std::string& b) {
                      return labelByName(a)->position < labelByName(b)->position;
                  });
        editChanged();
        return;
    }
    case core::LabelSetKind::Span:
        emit notice(tr("Select some text first, then press the key of its type."));
        return;
    }
}

QString LabelSession::addSpan(std::int64_t start, std::int64_t end, const std::string& label) {
    const LabelRecord* record = currentRecord();
    if (!record || kind() != core::LabelSetKind::Span || !labelByName(label))
        return tr("This label set does not take spans.");
    std::vector<core::Span> spans = m_pendingSpans;
    spans.push_back(core::Span{start, end, label});
    const core::Status valid = core::validateSpans(record->textUtf8, spans);
    if (!valid) {
        // Overlap is the usual cause: say which span is in the way, in the annotator's words.
        for (const auto& span : m_pendingSpans) {
            if (start < span.end && span.start < end)
                return tr("The selection overlaps the span “%1” (%2). Remove that span first (Backspace).")
                    .arg(toQString(std::string(
                             core::textoffsets::substring(record->textUtf8, span.start, span.end))),
                         toQString(span.label));
        }
        return toQString(valid.error().message);
    }
    m_editHistory.push_back({m_pendingLabels, m_pendingSpans});
    m_pendingSpans = core::normalizedSpans(std::move(spans));
    editChanged();
    return {};
}

void LabelSession::retypeSpan(int index, const std::string& label) {
    if (index < 0 || index >= static_cast<int>(m_pendingSpans.size()) || !labelByName(label))
        return;
    if (m_pendingSpans[static_cast<std::size_t>(index)].label == label)
        return;
    m_editHistory.push_back({m_pendingLabels, m_pendingSpans});
    m_pendingSpans[static_cast<std::size_t>(index)].label = label;
    editChanged();
}

void LabelSession::removeSpan(int index) {
    if (index < 0 || index >= static_cast<int>(m_pendingSpans.size()))
        return;
    m_editHistory.push_back({m_pendingLabels, m_pendingSpans});
    m_pendingSpans.erase(m_pendingSpans.begin() + index);
    editChanged();
}

bool LabelSession::undoEdit() {
    if (m_editHistory.isEmpty() || m_editRecord != currentRecordId())
        return false;
    const Edit previous = m_editHistory.takeLast();
    m_pendingLabels = previous.first;
    m_pendingSpans = previous.second;
    editChanged();
    return true;
}

void LabelSession::accept() {
    if (!currentRecord() || !m_schema.labelSet)
        return;
    const std::optional<core::Decision> shown = shownDecision();
    const bool decided = shown && shown->status == core::DecisionStatus::Accepted;
    if (decided && !m_dirty) {
        advance(); // already stored as it is shown
        return;
    }
    if (kind() == core::LabelSetKind::SingleLabel && m_pendingLabels.size() != 1) {
        emit notice(tr("Press a label's key to choose it; Enter accepts the label shown."));
        return;
    }
    commitEdit(core::DecisionStatus::Accepted, m_pendingLabels, m_pendingSpans, QString(),
               tr("Accept record"));
    advance();
}

void LabelSession::skip() {
    if (!currentRecord() || !m_schema.labelSet)
        return;
    if (m_request.review) {
        advance(); // adjudications are answers; skipping one stores nothing
        return;
    }
    commitEdit(core::DecisionStatus::Skipped, {}, {}, QString(), tr("Skip record"));
    advance();
}

void LabelSession::markUnclear(const QString& comment) {
    if (!currentRecord() || !m_schema.labelSet)
        return;
    if (m_request.review) {
        emit notice(tr("In review mode, choose the final label or skip the record."));
        return;
    }
    commitEdit(core::DecisionStatus::Unclear, {}, {}, comment.trimmed(), tr("Mark record unclear"));
    advance();
}

bool LabelSession::acceptTopSuggestion() {
    const LabelRecord* record = currentRecord();
    if (!record || record->suggestions.empty() || kind() == core::LabelSetKind::Span)
        return false;
    const std::string& top = record->suggestions.front().label;
    if (!labelByName(top))
        return false;
    if (kind() == core::LabelSetKind::SingleLabel) {
        pickLabel(top);
    } else if (std::find(m_pendingLabels.begin(), m_pendingLabels.end(), top) == m_pendingLabels.end()) {
        pickLabel(top); // toggles it on
    }
    return true;
}

void LabelSession::relabel(core::RecordId record, core::LabelSetId labelSet, std::vector<std::string> labels,
                           const std::optional<core::Decision>& storedBefore, const QString& recordText) {
    commitIfDirty();
    DecisionRequest decision;
    decision.recordId = record;
    decision.labelSetId = labelSet;
    decision.annotator = toStdString(m_annotator);
    decision.status = core::DecisionStatus::Accepted;
    decision.labels = std::move(labels);
    std::optional<core::Decision> before = storedBefore;
    // A decision of this session not yet read back from the store is newer than what the caller read.
    if (const auto local = m_local[0].constFind(record); local != m_local[0].constEnd())
        before = local->decision;
    m_undo->push(new DecisionCommand(*this, std::move(decision), before, singleLine(recordText, 80),
                                     tr("Relabel record")));
}

} // namespace bankbench::ui
