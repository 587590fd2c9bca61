// LabelSession: the writes that store decisions and schema edits, their outcomes and the recent list.

#include "label/labelsession.h"

#include "common/qtconvert.h"
#include "label/labelcommands.h"
#include "label/labelwriter.h"

#include <labeling/spans.h>
#include <store/labelstore.h>
#include <util/clock.h>

#include <QUndoStack>

#include <algorithm>

namespace bankbench::ui {

namespace {

core::Decision toDecision(const DecisionRequest& request) {
    core::Decision decision;
    decision.recordId = request.recordId;
    decision.labelSetId = request.labelSetId;
    decision.annotator = request.annotator;
    decision.createdAt = core::nowIso8601();
    decision.status = request.status;
    decision.labels = request.labels;
    decision.spans = core::normalizedSpans(request.spans);
    decision.comment = request.comment;
    return decision;
}

} // namespace

// ----- writes -----

void LabelSession::beginWrite(quint64 token, const Write& write) {
    m_inFlightWrites.insert(token, write);
    if (!write.schema)
        ++m_local[write.layer][write.record].pending;
    m_tokenState.insert(token, SaveState::Saving);
    m_saveState = SaveState::Saving;
    m_wasIdle = false;
    emit saveStateChanged();
}

void LabelSession::applyLocal(core::RecordId record, const std::optional<core::Decision>& decision,
                              bool adjudication) {
    m_local[adjudication ? 1 : 0][record].decision = decision;
    if (record == currentRecordId() && !m_dirty)
        resetEdit();
}

void LabelSession::submitSave(quint64 token, const DecisionRequest& request) {
    beginWrite(token, Write{request.recordId, request.adjudication ? 1 : 0, false});
    applyLocal(request.recordId, toDecision(request), request.adjudication);
    ++m_sessionDecisions;
    onWriter([writer = m_writer, token, request] { writer->save(token, request); });
    emit currentChanged();
}

void LabelSession::submitUndo(quint64 token, const DecisionRequest& request,
                              const std::optional<core::Decision>& before) {
    beginWrite(token, Write{request.recordId, request.adjudication ? 1 : 0, false});
    applyLocal(request.recordId, before, request.adjudication);
    m_sessionDecisions = std::max<qint64>(0, m_sessionDecisions - 1);
    onWriter([writer = m_writer, token] { writer->undo(token); });
    reveal(request.recordId);
    emit currentChanged();
}

void LabelSession::submitRedo(quint64 token, const DecisionRequest& request) {
    beginWrite(token, Write{request.recordId, request.adjudication ? 1 : 0, false});
    applyLocal(request.recordId, toDecision(request), request.adjudication);
    ++m_sessionDecisions;
    onWriter([writer = m_writer, token] { writer->redo(token); });
    reveal(request.recordId);
    emit currentChanged();
}

void LabelSession::submitSchemaApply(quint64 token, const SchemaEdit& edit) {
    beginWrite(token, Write{0, 0, true});
    onWriter([writer = m_writer, token, edit] { writer->applySchema(token, edit); });
}

void LabelSession::submitSchemaRevert(quint64 token, const SchemaEdit&) {
    beginWrite(token, Write{0, 0, true});
    onWriter([writer = m_writer, token] { writer->revertSchema(token); });
}

void LabelSession::editSchema(const SchemaEdit& edit, const QString& description) {
    commitIfDirty();
    m_undo->push(new SchemaCommand(*this, edit, description));
}

void LabelSession::createLabelSet(const QString& name, core::LabelSetKind kind, const QString& column,
                                  const std::optional<QString>& separator,
                                  const std::vector<core::Label>& labels) {
    if (!m_dataset)
        return;
    commitIfDirty();
    const quint64 token = nextToken();
    beginWrite(token, Write{0, 0, true});
    std::optional<std::string> sep;
    if (separator)
        sep = toStdString(*separator);
    onWriter([writer = m_writer, token, dataset = m_dataset->id, name = toStdString(name), kind,
              column = toStdString(column), sep,
              labels] { writer->createLabelSet(token, dataset, name, kind, column, sep, labels); });
}

void LabelSession::assignLabelSet(std::optional<core::LabelSetId> labelSet) {
    if (!m_dataset)
        return;
    commitIfDirty();
    m_undo->clear(); // decisions in the other set are not this set's to undo
    const quint64 token = nextToken();
    beginWrite(token, Write{0, 0, true});
    onWriter([writer = m_writer, token, dataset = m_dataset->id, labelSet] {
        writer->assignLabelSet(token, dataset, labelSet);
    });
}

void LabelSession::importLabels(const std::vector<core::Label>& labels) {
    if (!m_schema.labelSet)
        return;
    const quint64 token = nextToken();
    beginWrite(token, Write{0, 0, true});
    onWriter([writer = m_writer, token, set = m_schema.labelSet->id, labels] {
        writer->importLabels(token, set, labels);
    });
}

LabelSession::SaveState LabelSession::recordSaveState(core::RecordId record) const {
    const auto& layer = m_local[m_request.review ? 1 : 0];
    const auto it = layer.constFind(record);
    if (it == layer.constEnd())
        return SaveState::Idle;
    return it->pending > 0 ? SaveState::Saving : SaveState::Saved;
}

void LabelSession::injectWriteFailure(const QString& message) {
    onWriter([writer = m_writer, message] { writer->failWritesWith(message); });
}

void LabelSession::onWriteFinished(quint64 token, WriteOp op, qint64, const QString& error) {
    const auto it = m_inFlightWrites.constFind(token);
    if (it == m_inFlightWrites.constEnd())
        return;
    const Write write = *it;
    m_inFlightWrites.erase(it);
    if (!write.schema) {
        auto local = m_local[write.layer].find(write.record);
        if (local != m_local[write.layer].end() && --local->pending <= 0 && !error.isEmpty()) {
            // What is shown was not stored: show the store's state again.
            m_local[write.layer].erase(local);
            m_cache.remove(write.record);
            if (write.record == currentRecordId() && !m_dirty)
                resetEdit();
            prefetch();
            emit currentChanged();
        }
    }
    m_tokenState.insert(token, error.isEmpty() ? SaveState::Saved : SaveState::Failed);
    if (!error.isEmpty()) {
        m_lastError = error;
        m_saveState = SaveState::Failed;
        const QString what = op == WriteOp::Save || op == WriteOp::Redo ? tr("Could not save a decision: %1")
                             : op == WriteOp::Undo                      ? tr("Could not undo a decision: %1")
                                                   : tr("Could not change the labels: %1");
        emit errorOccurred(what.arg(error));
    } else {
        m_lastSavedAt = QDateTime::currentDateTime();
        if (m_inFlightWrites.isEmpty() && m_saveState != SaveState::Failed)
            m_saveState = SaveState::Saved;
    }
    if (m_inFlightWrites.isEmpty() && m_saveState == SaveState::Saving)
        m_saveState = SaveState::Saved;
    for (RecentDecision& recent : m_recent) {
        if (recent.token == token)
            recent.state = m_tokenState.value(token);
    }
    scheduleStats();
    emit saveStateChanged();
    emit recentChanged();
    checkSettled();
}

void LabelSession::onSchemaChangedByWriter() {
    // Label names inside decisions may have changed (rename, merge, delete): read everything again.
    ++m_generation;
    m_cache.clear();
    m_inFlightFetch.clear();
    m_fetchesInFlight = 0;
    for (auto& layer : m_local) {
        for (auto it = layer.begin(); it != layer.end();)
            it = it->pending == 0 ? layer.erase(it) : std::next(it);
    }
    loadSchema();
}

void LabelSession::rebuildRecent() {
    m_recent.clear();
    for (int i = m_undo->index() - 1; i >= 0 && m_recent.size() < kRecentLimit; --i) {
        const auto* command = dynamic_cast<const DecisionCommand*>(m_undo->command(i));
        if (!command)
            continue;
        RecentDecision recent;
        recent.token = command->token();
        recent.recordId = command->request().recordId;
        recent.text = command->recordText();
        recent.decision = toDecision(command->request());
        recent.decision.createdAt = toStdString(command->madeAt().toString(Qt::ISODateWithMs));
        recent.state = m_tokenState.value(command->token(), SaveState::Saving);
        m_recent.push_back(recent);
    }
    emit recentChanged();
}

} // namespace bankbench::ui
