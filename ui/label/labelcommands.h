#pragma once

#include "label/labelmessages.h"

#include <QDateTime>
#include <QString>
#include <QUndoCommand>

#include <optional>

namespace bankbench::ui {

class LabelSession;

/// One stored decision (or adjudication). The first redo() saves it; undo() withdraws it in the store,
/// shows the decision it replaced again and navigates back to its record; a later redo() makes it current
/// again. Every step is one queued write (LabelWriter), identified by this command's token.
class DecisionCommand : public QUndoCommand {
public:
    DecisionCommand(LabelSession& session, DecisionRequest request, std::optional<core::Decision> before,
                    QString recordText, const QString& description);

    void redo() override;
    void undo() override;

    quint64 token() const { return m_token; }
    const DecisionRequest& request() const { return m_request; }
    const QString& recordText() const { return m_recordText; }
    const QDateTime& madeAt() const { return m_madeAt; }

private:
    LabelSession& m_session;
    DecisionRequest m_request;
    std::optional<core::Decision> m_before;
    QString m_recordText;
    QDateTime m_madeAt;
    quint64 m_token;
    bool m_saved = false;
};

/// One label schema edit (create, rename, merge, reorder, update, delete), applied and reverted by the
/// writer; see LabelWriter::applySchema.
class SchemaCommand : public QUndoCommand {
public:
    SchemaCommand(LabelSession& session, SchemaEdit edit, const QString& description);

    void redo() override;
    void undo() override;

    const SchemaEdit& edit() const { return m_edit; }

private:
    LabelSession& m_session;
    SchemaEdit m_edit;
    quint64 m_token;
};

} // namespace bankbench::ui
