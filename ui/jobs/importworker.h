#pragma once

#include <io/importoptions.h>
#include <util/canceltoken.h>

#include <QMetaType>
#include <QObject>
#include <QString>

#include <memory>

Q_DECLARE_METATYPE(bankbench::core::ImportOptions)
Q_DECLARE_METATYPE(bankbench::core::ImportProgress)
Q_DECLARE_METATYPE(bankbench::core::ImportResult)

namespace bankbench::ui {

/// Runs core::importFile on the thread it was moved to, with its own read-write core::Project. Requests
/// come in by a queued call to run(); results leave by signals. Never throws: any exception becomes
/// failed(). Cancellation: the shared CancelToken, set by ImportJob from the GUI thread.
class ImportWorker : public QObject {
    Q_OBJECT

public:
    explicit ImportWorker(std::shared_ptr<core::CancelToken> cancel, QObject* parent = nullptr);

public slots:
    void run(const QString& projectPath, const bankbench::core::ImportOptions& options);

signals:
    void progressed(const bankbench::core::ImportProgress& progress);
    void succeeded(const bankbench::core::ImportResult& result);
    void failed(const QString& message);
    void cancelled();

private:
    void runGuarded(const QString& projectPath, const core::ImportOptions& options);

    std::shared_ptr<core::CancelToken> m_cancel;
};

} // namespace bankbench::ui
