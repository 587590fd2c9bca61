#include "jobs/indexworker.h"

#include "common/qtconvert.h"

#include <store/project.h>

#include <QElapsedTimer>

#include <exception>

namespace bankbench::ui {

IndexWorker::IndexWorker(std::shared_ptr<core::CancelToken> cancel, QObject* parent)
    : QObject(parent), m_cancel(std::move(cancel)) {}

void IndexWorker::run(const QString& projectPath) {
    try {
        auto project = core::Project::open(toStdString(projectPath));
        if (!project) {
            emit failed(toQString(project.error().what()));
            return;
        }
        QElapsedTimer sinceLastSignal;
        sinceLastSignal.start();
        auto indexed = (*project)->buildSearchIndex(
            [&](std::int64_t done, std::int64_t total) {
                if (sinceLastSignal.elapsed() >= 100 || done == total) {
                    sinceLastSignal.restart();
                    emit progressed(done, total);
                }
            },
            m_cancel.get());
        if (indexed)
            emit succeeded(indexed.value());
        else if (indexed.error().code == core::ErrorCode::Cancelled || m_cancel->isCancelled())
            emit cancelled();
        else
            emit failed(toQString(indexed.error().what()));
    } catch (const std::exception& e) {
        emit failed(tr("Search indexing failed: %1").arg(QString::fromUtf8(e.what())));
    } catch (...) {
        emit failed(tr("Search indexing failed with an unknown error."));
    }
}

} // namespace bankbench::ui
