#pragma once

#include "jobs/job.h"

#include <util/canceltoken.h>

#include <memory>

class QThread;

namespace bankbench::ui {

/// Builds the full-text search index for every record not indexed yet (after an import, or for a
/// project whose indexing was interrupted) on a worker thread (IndexWorker). Cancelling keeps the
/// batches already indexed. GUI-thread object; see Job.
class IndexJob : public Job {
    Q_OBJECT

public:
    explicit IndexJob(QString projectPath, QObject* parent = nullptr);
    ~IndexJob() override;

    QString title() const override;
    void start() override;
    void cancel() override;

private:
    void stopThread();

    QString m_projectPath;
    std::shared_ptr<core::CancelToken> m_cancel;
    QThread* m_thread = nullptr;
};

} // namespace bankbench::ui
