#include "jobs/importjob.h"

#include "common/formatting.h"
#include "common/qtconvert.h"

#include <QFileInfo>
#include <QLocale>
#include <QThread>

namespace bankbench::ui {

ImportJob::ImportJob(QString projectPath, core::ImportOptions options, QObject* parent)
    : Job(parent), m_projectPath(std::move(projectPath)), m_options(std::move(options)),
      m_cancel(std::make_shared<core::CancelToken>()) {
    qRegisterMetaType<core::ImportOptions>();
    qRegisterMetaType<core::ImportProgress>();
    qRegisterMetaType<core::ImportResult>();
}

ImportJob::~ImportJob() {
    m_cancel->cancel();
    stopThread();
}

QString ImportJob::title() const {
    return tr("Importing %1").arg(QFileInfo(toQString(m_options.path)).fileName());
}

void ImportJob::start() {
    if (isRunning() || isFinished())
        return;
    m_thread = new QThread(this);
    m_thread->setObjectName(QStringLiteral("ImportWorker"));
    auto* worker = new ImportWorker(m_cancel);
    worker->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, worker, &QObject::deleteLater);
    connect(worker, &ImportWorker::progressed, this, &ImportJob::onProgress);
    connect(worker, &ImportWorker::succeeded, this, &ImportJob::onSucceeded);
    connect(worker, &ImportWorker::failed, this, [this](const QString& message) {
        stopThread();
        markFinished(Outcome::Failed, message);
    });
    connect(worker, &ImportWorker::cancelled, this, [this] {
        stopThread();
        markFinished(Outcome::Cancelled, tr("Import cancelled; nothing was imported."));
    });
    markStarted();
    m_thread->start();
    QMetaObject::invokeMethod(worker, "run", Qt::QueuedConnection, Q_ARG(QString, m_projectPath),
                              Q_ARG(bankbench::core::ImportOptions, m_options));
}

void ImportJob::cancel() {
    m_cancel->cancel();
}

QString ImportJob::progressText(const core::ImportProgress& progress) {
    const QLocale locale;
    QString text = tr("%1 rows · %2 rows/s")
                       .arg(locale.toString(progress.rowsImported),
                            locale.toString(static_cast<qint64>(progress.rowsPerSecond)));
    if (progress.etaSeconds >= 0)
        text += tr(" · %1 left").arg(formatDuration(progress.etaSeconds));
    if (progress.rowsSkipped > 0)
        text += tr(" · %1 skipped").arg(locale.toString(progress.rowsSkipped));
    return text;
}

void ImportJob::onProgress(const core::ImportProgress& progress) {
    m_lastProgress = progress;
    const double fraction = progress.bytesTotal > 0 ? static_cast<double>(progress.bytesRead) /
                                                          static_cast<double>(progress.bytesTotal)
                                                    : -1.0;
    emit importProgressed(progress);
    emit progressChanged(fraction, progressText(progress));
}

void ImportJob::onSucceeded(const core::ImportResult& result) {
    stopThread();
    m_result = result;
    const QLocale locale;
    QString summary = tr("Imported %1 rows into “%2” in %3 s.")
                          .arg(locale.toString(result.rowsImported), toQString(m_options.datasetName),
                               locale.toString(result.elapsedSeconds, 'f', 1));
    if (result.rowsSkipped > 0)
        summary += QLatin1Char(' ') + tr("Bad rows skipped: %1.").arg(locale.toString(result.rowsSkipped));
    markFinished(Outcome::Succeeded, summary);
}

void ImportJob::stopThread() {
    if (!m_thread)
        return;
    m_thread->quit();
    m_thread->wait();
}

} // namespace bankbench::ui
