#pragma once

#include "data/chunkrequestqueue.h"
#include "data/recordrow.h"

#include <store/records.h>
#include <util/canceltoken.h>

#include <QObject>
#include <QString>

#include <atomic>
#include <memory>

namespace bankbench::core {
class Project;
}

namespace bankbench::ui {

/// Shared by the model (GUI thread) and the loader (its thread): the pending chunk requests, and a counter
/// the model bumps whenever it replaces its id list so the loader skips requests that became stale.
struct LoaderControl {
    static constexpr std::size_t kQueueCapacity = 8;
    std::atomic<quint64> rowsGeneration{0};
    ChunkRequestQueue chunkRequests{kQueueCapacity};
};

/// Runs the Data table's SQL on its own thread with its own read-only core::Project connection. Lives on
/// the loader thread; every slot is invoked with a queued call and every result leaves as a signal tagged
/// with the generation it was asked for. Cancellation: the query's CancelToken, set from the GUI thread.
class RecordLoader : public QObject {
    Q_OBJECT

public:
    explicit RecordLoader(std::shared_ptr<LoaderControl> control, QObject* parent = nullptr);
    ~RecordLoader() override;

public slots:
    void openProject(const QString& path);
    void closeProject();
    void runQuery(quint64 queryGeneration, const bankbench::core::RecordQuery& query,
                  std::shared_ptr<bankbench::core::CancelToken> cancel);
    /// Serves the newest request in LoaderControl::chunkRequests, if any. Invoked once per pushed request.
    void serveChunkRequest();

signals:
    void projectFailed(const QString& message);
    void queryFinished(quint64 queryGeneration, bankbench::ui::RecordIdList ids);
    void queryFailed(quint64 queryGeneration, const QString& message);
    void chunkFetched(quint64 rowsGeneration, int chunk, bankbench::ui::RecordRows rows);
    void chunkFailed(quint64 rowsGeneration, int chunk, const QString& message);

private:
    std::shared_ptr<LoaderControl> m_control;
    std::unique_ptr<core::Project> m_project;
    QString m_openError;
};

} // namespace bankbench::ui
