#pragma once

#include <io/exporter.h>
#include <util/canceltoken.h>

#include <QMetaType>
#include <QObject>
#include <QString>

#include <memory>

Q_DECLARE_METATYPE(bankbench::core::ExportOptions)

namespace bankbench::ui {

/// Runs core::exportDataset on the thread it was moved to, with its own read-only core::Project.
/// Requests in by a queued call to run(), results out by signals; never throws. Cancellation: the shared
/// CancelToken, set by ExportJob from the GUI thread.
class ExportWorker : public QObject {
    Q_OBJECT

public:
    explicit ExportWorker(std::shared_ptr<core::CancelToken> cancel, QObject* parent = nullptr);

public slots:
    void run(const QString& projectPath, const bankbench::core::ExportOptions& options);

signals:
    void succeeded(qint64 rowsWritten);
    void failed(const QString& message);
    void cancelled();

private:
    std::shared_ptr<core::CancelToken> m_cancel;
};

} // namespace bankbench::ui
