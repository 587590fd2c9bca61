#include "label/labelwriter.h"

#include "common/qtconvert.h"

#include <store/project.h>

#include <exception>

namespace bankbench::ui {

namespace {

QString message(const core::Error& error) {
    return toQString(error.what());
}

} // namespace

LabelWriter::LabelWriter(QObject* parent) : QObject(parent) {}

LabelWriter::~LabelWriter() = default;

void LabelWriter::openProject(const QString& path) {
    closeProject();
    if (path.isEmpty())
        return;
    try {
        auto project = core::Project::open(toStdString(path));
        if (!project) {
            m_openError = message(project.error());
            emit projectOpened(m_openError);
            return;
        }
        m_project = std::move(project.value());
        m_store = std::make_unique<core::LabelStore>(*m_project);
        emit projectOpened(QString());
    } catch (const std::exception& e) {
        m_openError = QString::fromUtf8(e.what());
        emit projectOpened(m_openError);
    }
}

void LabelWriter::closeProject() {
    m_store.reset();
    m_project.reset();
    m_openError.clear();
    m_decisions.clear();
    m_schema.clear();
}

void LabelWriter::failWritesWith(const QString& message) {
    m_injectedFailure = message;
}

bool LabelWriter::ready(quint64 token, WriteOp op) {
    if (!m_injectedFailure.isEmpty()) {
        fail(token, op, m_injectedFailure);
        return false;
    }
    if (!m_store) {
        fail(token, op, m_openError.isEmpty() ? tr("No project is open.") : m_openError);
        return false;
    }
    return true;
}

void LabelWriter::fail(quint64 token, WriteOp op, const QString& message) {
    emit finished(token, op, 0, message);
}

void LabelWriter::save(quint64 token, const DecisionRequest& request) {
    if (!ready(token, WriteOp::Save))
        return;
    try {
        auto id =
            request.adjudication
                ? m_store->adjudicate(request.recordId, request.labelSetId, request.labels, request.spans,
                                      request.comment, request.annotator)
                : m_store->recordDecision(request.recordId, request.labelSetId, request.annotator,
                                          request.status, request.labels, request.spans, request.comment);
        if (!id) {
            fail(token, WriteOp::Save, message(id.error()));
            return;
        }
        m_decisions.insert(token, id.value());
        emit finished(token, WriteOp::Save, id.value(), QString());
    } catch (const std::exception& e) {
        fail(token, WriteOp::Save, QString::fromUtf8(e.what()));
    }
}

void LabelWriter::undo(quint64 token) {
    if (!ready(token, WriteOp::Undo))
        return;
    const auto it = m_decisions.constFind(token);
    if (it == m_decisions.constEnd()) {
        // The save failed (and said so); there is nothing to withdraw.
        emit finished(token, WriteOp::Undo, 0, QString());
        return;
    }
    try {
        const core::Status status = m_store->undoDecision(*it);
        if (!status) {
            fail(token, WriteOp::Undo, message(status.error()));
            return;
        }
        emit finished(token, WriteOp::Undo, *it, QString());
    } catch (const std::exception& e) {
        fail(token, WriteOp::Undo, QString::fromUtf8(e.what()));
    }
}

void LabelWriter::redo(quint64 token) {
    if (!ready(token, WriteOp::Redo))
        return;
    const auto it = m_decisions.constFind(token);
    if (it == m_decisions.constEnd()) {
        fail(token, WriteOp::Redo, tr("This decision was never saved, so it cannot be redone."));
        return;
    }
    try {
        const core::Status status = m_store->redoDecision(*it);
        if (!status) {
            fail(token, WriteOp::Redo, message(status.error()));
            return;
        }
        emit finished(token, WriteOp::Redo, *it, QString());
    } catch (const std::exception& e) {
        fail(token, WriteOp::Redo, QString::fromUtf8(e.what()));
    }
}

core::Status LabelWriter::apply(SchemaState& state) {
    const SchemaEdit& edit = state.edit;
    switch (edit.kind) {
    case SchemaEdit::Kind::Create: {
        if (state.deleted) { // redo after undo: the same label, same id
            const core::Status restored = m_store->restoreLabel(*state.deleted);
            if (restored)
                state.deleted.reset();
            return restored;
        }
        auto created = m_store->createLabel(edit.labelSetId, edit.label);
        if (!created)
            return created.error();
        state.createdId = created->id;
        return {};
    }
    case SchemaEdit::Kind::Update:
        return m_store->updateLabel(edit.label);
    case SchemaEdit::Kind::Rename:
        return m_store->renameLabel(edit.label.id, edit.newName);
    case SchemaEdit::Kind::Merge: {
        auto merged = m_store->mergeLabel(edit.label.id, edit.targetId);
        if (!merged)
            return merged.error();
        state.merged = std::move(merged.value());
        return {};
    }
    case SchemaEdit::Kind::Reorder:
        return m_store->reorderLabels(edit.labelSetId, edit.order);
    case SchemaEdit::Kind::Delete: {
        auto deleted = m_store->deleteLabel(edit.label.id);
        if (!deleted)
            return deleted.error();
        state.deleted = std::move(deleted.value());
        return {};
    }
    }
    return {};
}

core::Status LabelWriter::revert(SchemaState& state) {
    const SchemaEdit& edit = state.edit;
    switch (edit.kind) {
    case SchemaEdit::Kind::Create: {
        auto deleted = m_store->deleteLabel(state.createdId);
        if (!deleted)
            return deleted.error();
        state.deleted = std::move(deleted.value());
        return {};
    }
    case SchemaEdit::Kind::Update:
        return m_store->updateLabel(edit.previous);
    case SchemaEdit::Kind::Rename:
        return m_store->renameLabel(edit.label.id, edit.oldName);
    case SchemaEdit::Kind::Merge: {
        if (!state.merged)
            return core::Error{core::ErrorCode::InvalidArgument, "the merge was not applied", {}};
        const core::Status status = m_store->unmergeLabel(*state.merged);
        if (status)
            state.merged.reset();
        return status;
    }
    case SchemaEdit::Kind::Reorder:
        return m_store->reorderLabels(edit.labelSetId, edit.previousOrder);
    case SchemaEdit::Kind::Delete: {
        if (!state.deleted)
            return core::Error{core::ErrorCode::InvalidArgument, "the label was not deleted", {}};
        const core::Status status = m_store->restoreLabel(*state.deleted);
        if (status)
            state.deleted.reset();
        return status;
    }
    }
    return {};
}

void LabelWriter::applySchema(quint64 token, const SchemaEdit& edit) {
    if (!ready(token, WriteOp::SchemaApply))
        return;
    try {
        auto it = m_schema.find(token);
        if (it == m_schema.end())
            it = m_schema.insert(token, SchemaState{edit, std::nullopt, std::nullopt, 0});
        const core::Status status = apply(*it);
        if (!status) {
            fail(token, WriteOp::SchemaApply, message(status.error()));
            return;
        }
        emit finished(token, WriteOp::SchemaApply, it->createdId, QString());
        emit schemaChanged(edit.labelSetId);
    } catch (const std::exception& e) {
        fail(token, WriteOp::SchemaApply, QString::fromUtf8(e.what()));
    }
}

void LabelWriter::revertSchema(quint64 token) {
    if (!ready(token, WriteOp::SchemaRevert))
        return;
    const auto it = m_schema.find(token);
    if (it == m_schema.end()) {
        emit finished(token, WriteOp::SchemaRevert, 0, QString()); // never applied
        return;
    }
    try {
        const core::Status status = revert(*it);
        if (!status) {
            fail(token, WriteOp::SchemaRevert, message(status.error()));
            return;
        }
        emit finished(token, WriteOp::SchemaRevert, 0, QString());
        emit schemaChanged(it->edit.labelSetId);
    } catch (const std::exception& e) {
        fail(token, WriteOp::SchemaRevert, QString::fromUtf8(e.what()));
    }
}

void LabelWriter::createLabelSet(quint64 token, core::DatasetId dataset, const std::string& name,
                                 core::LabelSetKind kind, const std::string& column,
                                 const std::optional<std::string>& separator,
                                 const std::vector<core::Label>& labels) {
    if (!ready(token, WriteOp::CreateLabelSet))
        return;
    try {
        auto set = column.empty() ? m_store->createLabelSet(name, kind)
                                  : m_store->createLabelSetFromColumn(dataset, column, name, kind, separator);
        if (!set) {
            fail(token, WriteOp::CreateLabelSet, message(set.error()));
            return;
        }
        if (!labels.empty()) {
            auto added = m_store->addLabels(set->id, labels);
            if (!added) {
                fail(token, WriteOp::CreateLabelSet, message(added.error()));
                return;
            }
        }
        const core::Status assigned = m_store->assignLabelSet(dataset, set->id);
        if (!assigned) {
            fail(token, WriteOp::CreateLabelSet, message(assigned.error()));
            return;
        }
        emit finished(token, WriteOp::CreateLabelSet, set->id, QString());
        emit schemaChanged(set->id);
    } catch (const std::exception& e) {
        fail(token, WriteOp::CreateLabelSet, QString::fromUtf8(e.what()));
    }
}

void LabelWriter::assignLabelSet(quint64 token, core::DatasetId dataset,
                                 std::optional<core::LabelSetId> labelSet) {
    if (!ready(token, WriteOp::CreateLabelSet))
        return;
    try {
        const core::Status status = m_store->assignLabelSet(dataset, labelSet);
        if (!status) {
            fail(token, WriteOp::CreateLabelSet, message(status.error()));
            return;
        }
        emit finished(token, WriteOp::CreateLabelSet, labelSet.value_or(0), QString());
        emit schemaChanged(labelSet.value_or(0));
    } catch (const std::exception& e) {
        fail(token, WriteOp::CreateLabelSet, QString::fromUtf8(e.what()));
    }
}

void LabelWriter::importLabels(quint64 token, core::LabelSetId labelSet,
                               const std::vector<core::Label>& labels) {
    if (!ready(token, WriteOp::ImportLabels))
        return;
    try {
        auto added = m_store->addLabels(labelSet, labels);
        if (!added) {
            fail(token, WriteOp::ImportLabels, message(added.error()));
            return;
        }
        emit finished(token, WriteOp::ImportLabels, added.value(), QString());
        emit schemaChanged(labelSet);
    } catch (const std::exception& e) {
        fail(token, WriteOp::ImportLabels, QString::fromUtf8(e.what()));
    }
}

} // namespace bankbench::ui
