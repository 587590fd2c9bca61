#include "label/labelcommands.h"

#include "label/labelsession.h"

namespace bankbench::ui {

DecisionCommand::DecisionCommand(LabelSession& session, DecisionRequest request,
                                 std::optional<core::Decision> before, QString recordText,
                                 const QString& description)
    : QUndoCommand(description), m_session(session), m_request(std::move(request)),
      m_before(std::move(before)), m_recordText(std::move(recordText)),
      m_madeAt(QDateTime::currentDateTime()), m_token(session.nextToken()) {}

void DecisionCommand::redo() {
    if (!m_saved) {
        m_saved = true;
        m_session.submitSave(m_token, m_request);
    } else {
        m_session.submitRedo(m_token, m_request);
    }
}

void DecisionCommand::undo() {
    m_session.submitUndo(m_token, m_request, m_before);
}

SchemaCommand::SchemaCommand(LabelSession& session, SchemaEdit edit, const QString& description)
    : QUndoCommand(description), m_session(session), m_edit(std::move(edit)), m_token(session.nextToken()) {}

void SchemaCommand::redo() {
    m_session.submitSchemaApply(m_token, m_edit);
}

void SchemaCommand::undo() {
    m_session.submitSchemaRevert(m_token, m_edit);
}

} // namespace bankbench::ui
