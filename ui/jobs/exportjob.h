#pragma once

#include "jobs/exportworker.h"
#include "jobs/job.h"

class QThread;

namespace bankbench::ui {

/// Exports one dataset to a CSV or JSONL file on a worker thread (ExportWorker). The exporter reports no
/// progress, so the job shows as busy without a percentage. GUI-thread object; see Job.
class ExportJob : public Job {
    Q_OBJECT

public:
    ExportJob(QString projectPath, core::ExportOptions options, QObject* parent = nullptr);
    ~ExportJob() override;

    QString title() const override;
    void start() override;
    void cancel() override;

    const core::ExportOptions& options() const { return m_options; }
    qint64 rowsWritten() const { return m_rowsWritten; }

private:
    void stopThread();

    QString m_projectPath;
    core::ExportOptions m_options;
    std::shared_ptr<core::CancelToken> m_cancel;
    QThread* m_thread = nullptr;
    qint64 m_rowsWritten = 0;
};

} // namespace bankbench::ui
