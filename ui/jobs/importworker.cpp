#include "jobs/importworker.h"

#include "common/qtconvert.h"

#include <io/importer.h>
#include <store/project.h>

#include <QElapsedTimer>

#include <exception>

namespace bankbench::ui {

ImportWorker::ImportWorker(std::shared_ptr<core::CancelToken> cancel, QObject* parent)
    : QObject(parent), m_cancel(std::move(cancel)) {}

void ImportWorker::run(const QString& projectPath, const core::ImportOptions& options) {
    // Nothing may cross the thread boundary as an exception (STYLE.md).
    try {
        runGuarded(projectPath, options);
    } catch (const std::exception& e) {
        emit failed(tr("Import failed: %1").arg(QString::fromUtf8(e.what())));
    } catch (...) {
        emit failed(tr("Import failed with an unknown error."));
    }
}

void ImportWorker::runGuarded(const QString& projectPath, const core::ImportOptions& options) {
    auto project = core::Project::open(toStdString(projectPath));
    if (!project) {
        emit failed(toQString(project.error().what()));
        return;
    }
    QElapsedTimer sinceLastSignal;
    sinceLastSignal.start();
    bool first = true;
    const core::ImportProgressSink sink = [&](const core::ImportProgress& progress) {
        // Core already throttles; this keeps the GUI's event queue short even if it did not.
        if (first || sinceLastSignal.elapsed() >= 100) {
            first = false;
            sinceLastSignal.restart();
            emit progressed(progress);
        }
    };
    auto result = core::importFile(**project, options, sink, *m_cancel);
    if (result) {
        emit succeeded(result.value());
        return;
    }
    if (result.error().code == core::ErrorCode::Cancelled || m_cancel->isCancelled())
        emit cancelled();
    else
        emit failed(toQString(result.error().what()));
}

} // namespace bankbench::ui
