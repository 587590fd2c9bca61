#pragma once

#include "data/recordrow.h"
#include "label/labelmessages.h"

#include <store/records.h>
#include <util/canceltoken.h>

#include <QObject>
#include <QString>

#include <memory>
#include <optional>
#include <vector>

namespace bankbench::core {
class LabelStore;
class Project;
} // namespace bankbench::core

namespace bankbench::ui {

/// The labeling view's reads, on its own thread with its own read-only core::Project: the label schema,
/// the queue of record ids (core::buildLabelQueue or the review list), and records prefetched ahead of
/// the one shown, with their decisions and model suggestions. Lives on the reader thread; its methods
/// run there by queued calls from LabelSession and results leave as signals tagged with the caller's
/// generation (stale ones are dropped there). Cancellation: a queue build's CancelToken, set from the GUI
/// thread. Never throws.
class LabelReader : public QObject {
    Q_OBJECT

public:
    explicit LabelReader(QObject* parent = nullptr);
    ~LabelReader() override;

    void openProject(const QString& path);
    void closeProject();
    /// Used for the uncertainty order and the suggestions shown with each record (nullptr: no model).
    void setSuggestionProvider(std::shared_ptr<core::SuggestionProvider> provider);

    void loadSchema(quint64 generation, core::DatasetId dataset);
    void buildQueue(quint64 generation, const bankbench::ui::QueueRequest& request,
                    std::shared_ptr<core::CancelToken> cancel);
    void fetchRecords(quint64 generation, const std::vector<core::RecordId>& ids, core::LabelSetId labelSet,
                      const std::string& annotator);

signals:
    void projectFailed(const QString& message);
    void schemaLoaded(quint64 generation, const bankbench::ui::LabelSchema& schema, const QString& error);
    void queueBuilt(quint64 generation, bankbench::ui::RecordIdList ids, const QString& error);
    void recordsFetched(quint64 generation, const bankbench::ui::LabelRecords& records, const QString& error);

private:
    std::optional<core::DatasetInfo> datasetInfo(core::DatasetId id);

    std::unique_ptr<core::Project> m_project;
    std::unique_ptr<core::LabelStore> m_store;
    std::shared_ptr<core::SuggestionProvider> m_provider;
    std::optional<core::DatasetInfo> m_dataset; ///< the dataset of the last schema load
    QString m_openError;
};

} // namespace bankbench::ui
