#pragma once

#include "jobs/importworker.h"
#include "jobs/job.h"

#include <optional>

class QThread;

namespace bankbench::ui {

/// Imports one file into a new dataset of the project at `projectPath` on a worker thread
/// (ImportWorker). GUI-thread object; see Job for ownership and cancellation. A failed or cancelled import
/// leaves no dataset behind (core::importFile's transaction).
class ImportJob : public Job {
    Q_OBJECT

public:
    ImportJob(QString projectPath, core::ImportOptions options, QObject* parent = nullptr);
    ~ImportJob() override;

    QString title() const override;
    void start() override;
    void cancel() override;

    const core::ImportOptions& options() const { return m_options; }
    /// Set once the job succeeded.
    const std::optional<core::ImportResult>& result() const { return m_result; }
    /// The last progress report (zeros before the first).
    const core::ImportProgress& lastProgress() const { return m_lastProgress; }

    static QString progressText(const core::ImportProgress& progress);

signals:
    void importProgressed(const bankbench::core::ImportProgress& progress);

private:
    void onProgress(const core::ImportProgress& progress);
    void onSucceeded(const core::ImportResult& result);
    void stopThread();

    QString m_projectPath;
    core::ImportOptions m_options;
    std::shared_ptr<core::CancelToken> m_cancel;
    QThread* m_thread = nullptr;
    std::optional<core::ImportResult> m_result;
    core::ImportProgress m_lastProgress;
};

} // namespace bankbench::ui
