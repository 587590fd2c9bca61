#include "jobs/exportworker.h"

#include "common/qtconvert.h"

#include <store/project.h>

#include <exception>

namespace bankbench::ui {

ExportWorker::ExportWorker(std::shared_ptr<core::CancelToken> cancel, QObject* parent)
    : QObject(parent), m_cancel(std::move(cancel)) {}

void ExportWorker::run(const QString& projectPath, const core::ExportOptions& options) {
    try {
        auto project = core::Project::open(toStdString(projectPath), /*readOnly=*/true);
        if (!project) {
            emit failed(toQString(project.error().what()));
            return;
        }
        auto rows = core::exportDataset(**project, options, m_cancel.get());
        if (rows) {
            emit succeeded(rows.value());
        } else if (rows.error().code == core::ErrorCode::Cancelled || m_cancel->isCancelled()) {
            emit cancelled();
        } else {
            emit failed(toQString(rows.error().what()));
        }
    } catch (const std::exception& e) {
        emit failed(tr("Export failed: %1").arg(QString::fromUtf8(e.what())));
    } catch (...) {
        emit failed(tr("Export failed with an unknown error."));
    }
}

} // namespace bankbench::ui
