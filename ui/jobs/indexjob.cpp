#include "jobs/indexjob.h"

#include "jobs/indexworker.h"

#include <QLocale>
#include <QThread>

namespace bankbench::ui {

IndexJob::IndexJob(QString projectPath, QObject* parent)
    : Job(parent), m_projectPath(std::move(projectPath)), m_cancel(std::make_shared<core::CancelToken>()) {}

IndexJob::~IndexJob() {
    m_cancel->cancel();
    stopThread();
}

QString IndexJob::title() const {
    return tr("Indexing for search");
}

void IndexJob::start() {
    if (isRunning() || isFinished())
        return;
    m_thread = new QThread(this);
    m_thread->setObjectName(QStringLiteral("IndexWorker"));
    auto* worker = new IndexWorker(m_cancel);
    worker->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, worker, &QObject::deleteLater);
    connect(worker, &IndexWorker::progressed, this, [this](qint64 indexed, qint64 total) {
        const QLocale locale;
        emit progressChanged(total > 0 ? static_cast<double>(indexed) / static_cast<double>(total) : -1.0,
                             tr("%1 of %2 rows").arg(locale.toString(indexed), locale.toString(total)));
    });
    connect(worker, &IndexWorker::succeeded, this, [this](qint64 indexed) {
        stopThread();
        markFinished(Outcome::Succeeded,
                     tr("Search index ready (%1 rows added).").arg(QLocale().toString(indexed)));
    });
    connect(worker, &IndexWorker::failed, this, [this](const QString& message) {
        stopThread();
        markFinished(Outcome::Failed, message);
    });
    connect(worker, &IndexWorker::cancelled, this, [this] {
        stopThread();
        markFinished(Outcome::Cancelled,
                     tr("Search indexing paused; search covers the rows indexed so far. It resumes when the "
                        "project is opened again."));
    });
    markStarted();
    m_thread->start();
    QMetaObject::invokeMethod(worker, "run", Qt::QueuedConnection, Q_ARG(QString, m_projectPath));
}

void IndexJob::cancel() {
    m_cancel->cancel();
}

void IndexJob::stopThread() {
    if (!m_thread)
        return;
    m_thread->quit();
    m_thread->wait();
}

} // namespace bankbench::ui
