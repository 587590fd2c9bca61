#pragma once

#include "label/labelmessages.h"

#include <store/labelstore.h>

#include <QHash>
#include <QObject>
#include <QString>

#include <memory>
#include <optional>

namespace bankbench::core {
class Project;
}

namespace bankbench::ui {

/// Stores every labeling decision and schema edit the moment it is made, on its own thread with its own
/// read-write core::Project connection. Lives on the writer thread: its methods are called there by
/// queued calls from LabelSession (so requests run strictly in the order they were made) and every
/// outcome leaves as finished(token, ...), emitted only after the store's transaction has committed.
/// Tokens are chosen by the caller: an undo names the token of the save it withdraws, so an undo may be
/// queued before that save has even run. Never throws; failures are reported with a readable message.
class LabelWriter : public QObject {
    Q_OBJECT

public:
    explicit LabelWriter(QObject* parent = nullptr);
    ~LabelWriter() override;

    void openProject(const QString& path);
    void closeProject();

    /// Records a decision (or an adjudication). finished(token, Save, decisionId, "").
    void save(quint64 token, const bankbench::ui::DecisionRequest& request);
    /// Withdraws the decision saved under `token`; redo() makes it current again.
    void undo(quint64 token);
    void redo(quint64 token);

    /// Applies a schema edit; revertSchema() undoes exactly that edit, applySchema() again redoes it
    /// (deleted labels come back with their ids, so later edits and decisions stay valid).
    void applySchema(quint64 token, const bankbench::ui::SchemaEdit& edit);
    void revertSchema(quint64 token);

    /// Creates a label set and assigns it to the dataset: from the distinct values of `column` when it is
    /// non-empty, then adds `labels` (a parsed JSON/CSV list). finished(token, CreateLabelSet, setId, "").
    void createLabelSet(quint64 token, core::DatasetId dataset, const std::string& name,
                        core::LabelSetKind kind, const std::string& column,
                        const std::optional<std::string>& separator, const std::vector<core::Label>& labels);
    /// Assigns an existing set to the dataset (std::nullopt detaches it).
    void assignLabelSet(quint64 token, core::DatasetId dataset, std::optional<core::LabelSetId> labelSet);
    /// Adds labels read from a list to the set. finished(token, ImportLabels, created, "").
    void importLabels(quint64 token, core::LabelSetId labelSet, const std::vector<core::Label>& labels);

    /// Test hook: every later write fails with `message` until cleared with "".
    void failWritesWith(const QString& message);

signals:
    void projectOpened(const QString& error);
    void finished(quint64 token, bankbench::ui::WriteOp op, qint64 id, const QString& error);
    /// Labels or label sets changed (after the transaction committed).
    void schemaChanged(qint64 labelSetId);

private:
    struct SchemaState {
        SchemaEdit edit;
        std::optional<core::DeletedLabel> deleted; ///< Delete applied, or Create reverted
        std::optional<core::MergedLabel> merged;   ///< Merge applied
        core::LabelId createdId = 0;
    };

    bool ready(quint64 token, WriteOp op);
    void fail(quint64 token, WriteOp op, const QString& message);
    core::Status apply(SchemaState& state);
    core::Status revert(SchemaState& state);

    std::unique_ptr<core::Project> m_project;
    std::unique_ptr<core::LabelStore> m_store;
    QString m_openError;
    QString m_injectedFailure;
    QHash<quint64, core::DecisionId> m_decisions;
    QHash<quint64, SchemaState> m_schema;
};

} // namespace bankbench::ui
