#include "jobs/exportjob.h"

#include "common/qtconvert.h"

#include <QFileInfo>
#include <QLocale>
#include <QThread>

namespace bankbench::ui {

ExportJob::ExportJob(QString projectPath, core::ExportOptions options, QObject* parent)
    : Job(parent), m_projectPath(std::move(projectPath)), m_options(std::move(options)),
      m_cancel(std::make_shared<core::CancelToken>()) {
    qRegisterMetaType<core::ExportOptions>();
}

ExportJob::~ExportJob() {
    m_cancel->cancel();
    stopThread();
}

QString ExportJob::title() const {
    return tr("Exporting to %1").arg(QFileInfo(toQString(m_options.outPath)).fileName());
}

void ExportJob::start() {
    if (isRunning() || isFinished())
        return;
    m_thread = new QThread(this);
    m_thread->setObjectName(QStringLiteral("ExportWorker"));
    auto* worker = new ExportWorker(m_cancel);
    worker->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, worker, &QObject::deleteLater);
    connect(worker, &ExportWorker::succeeded, this, [this](qint64 rows) {
        stopThread();
        m_rowsWritten = rows;
        markFinished(Outcome::Succeeded, tr("Exported %1 rows of “%2” to %3.")
                                             .arg(QLocale().toString(rows), toQString(m_options.datasetName),
                                                  toQString(m_options.outPath)));
    });
    connect(worker, &ExportWorker::failed, this, [this](const QString& message) {
        stopThread();
        markFinished(Outcome::Failed, message);
    });
    connect(worker, &ExportWorker::cancelled, this, [this] {
        stopThread();
        markFinished(Outcome::Cancelled, tr("Export cancelled; no file was written."));
    });
    markStarted();
    m_thread->start();
    emit progressChanged(-1.0, tr("Writing %1…").arg(QFileInfo(toQString(m_options.outPath)).fileName()));
    QMetaObject::invokeMethod(worker, "run", Qt::QueuedConnection, Q_ARG(QString, m_projectPath),
                              Q_ARG(bankbench::core::ExportOptions, m_options));
}

void ExportJob::cancel() {
    m_cancel->cancel();
}

void ExportJob::stopThread() {
    if (!m_thread)
        return;
    m_thread->quit();
    m_thread->wait();
}

} // namespace bankbench::ui
