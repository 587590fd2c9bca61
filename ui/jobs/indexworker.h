#pragma once

#include <util/canceltoken.h>

#include <QObject>
#include <QString>

#include <memory>

namespace bankbench::ui {

/// Runs core::Project::buildSearchIndex on the thread it was moved to, with its own read-write
/// core::Project. The index is built in committed batches, so a cancelled run keeps what it indexed and
/// the next run resumes. Requests in by a queued call to run(), results out by signals; never throws.
class IndexWorker : public QObject {
    Q_OBJECT

public:
    explicit IndexWorker(std::shared_ptr<core::CancelToken> cancel, QObject* parent = nullptr);

public slots:
    void run(const QString& projectPath);

signals:
    void progressed(qint64 indexed, qint64 total);
    void succeeded(qint64 indexed);
    void failed(const QString& message);
    void cancelled();

private:
    std::shared_ptr<core::CancelToken> m_cancel;
};

} // namespace bankbench::ui
