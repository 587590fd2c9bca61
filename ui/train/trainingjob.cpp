#include "train/trainingjob.h"

#include "common/formatting.h"
#include "common/qtconvert.h"

#include <QLocale>
#include <QThread>

#include <algorithm>
#include <cmath>

namespace bankbench::ui {

TrainingJob::TrainingJob(Request request, QObject* parent)
    : Job(parent), m_request(std::move(request)), m_runName(m_request.runName),
      m_cancel(std::make_shared<core::CancelToken>()) {
    qRegisterMetaType<ml::TrainProgress>();
    qRegisterMetaType<ml::EpochMetrics>();
    qRegisterMetaType<TrainOutcomeInfo>();
}

TrainingJob::~TrainingJob() {
    m_cancel->cancel();
    stopThread();
}

QString TrainingJob::title() const {
    if (m_request.resume)
        return tr("Resuming %1").arg(m_runName);
    return m_runName.isEmpty() ? tr("Training") : tr("Training %1").arg(m_runName);
}

void TrainingJob::start() {
    if (isRunning() || isFinished())
        return;
    m_thread = new QThread(this);
    m_thread->setObjectName(QStringLiteral("TrainWorker"));
    auto* worker = new TrainWorker(m_cancel);
    worker->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, worker, &QObject::deleteLater);
    connect(worker, &TrainWorker::runNamed, this, [this](const QString& name) {
        m_runName = name;
        emit runNamed(name);
    });
    connect(worker, &TrainWorker::progressed, this, &TrainingJob::onProgress);
    connect(worker, &TrainWorker::epochFinished, this, &TrainingJob::epochFinished);
    connect(worker, &TrainWorker::logged, this, &TrainingJob::logged);
    connect(worker, &TrainWorker::succeeded, this, [this](const TrainOutcomeInfo& outcome) {
        stopThread();
        m_outcome = outcome;
        markFinished(Outcome::Succeeded,
                     tr("Run “%1” finished: best validation macro-F1 %2 (epoch %3).")
                         .arg(outcome.runName, QLocale().toString(outcome.bestMacroF1, 'f', 3))
                         .arg(outcome.bestEpoch));
    });
    connect(worker, &TrainWorker::failed, this, [this](const QString& message) {
        stopThread();
        markFinished(Outcome::Failed, message);
    });
    connect(worker, &TrainWorker::cancelled, this, [this](const QString& message) {
        stopThread();
        markFinished(Outcome::Cancelled, message);
    });
    markStarted();
    m_thread->start();
    const QString configJson = toQString(ml::toJson(m_request.config).dump());
    QMetaObject::invokeMethod(worker, "run", Qt::QueuedConnection, Q_ARG(QString, m_request.projectPath),
                              Q_ARG(QString, m_request.datasetName), Q_ARG(QString, m_runName),
                              Q_ARG(QString, configJson), Q_ARG(bool, m_request.resume),
                              Q_ARG(int, m_request.pretrainEpochs));
}

void TrainingJob::cancel() {
    m_cancel->cancel();
}

QString TrainingJob::progressText(const ml::TrainProgress& progress) {
    const QLocale locale;
    if (progress.phase == ml::TrainProgress::Phase::Preparing)
        return tr("Preparing: %1").arg(toQString(progress.message));
    QString text =
        progress.refit
            ? tr("Final pass on all examples: epoch %1/%2").arg(progress.epoch).arg(progress.epochs)
            : tr("Epoch %1/%2").arg(progress.epoch).arg(progress.epochs);
    if (progress.examplesPerSecond > 0)
        text += tr(" · %1 examples/s")
                    .arg(locale.toString(static_cast<qint64>(std::llround(progress.examplesPerSecond))));
    if (progress.etaSeconds >= 0)
        text += tr(" · %1 left").arg(formatDuration(progress.etaSeconds));
    return text;
}

void TrainingJob::onProgress(const ml::TrainProgress& progress) {
    m_lastProgress = progress;
    const double fraction =
        progress.totalSteps > 0
            ? std::clamp(static_cast<double>(progress.step) / static_cast<double>(progress.totalSteps), 0.0,
                         1.0)
            : -1.0;
    emit trainProgressed(progress);
    emit progressChanged(fraction, progressText(progress));
}

void TrainingJob::stopThread() {
    if (!m_thread)
        return;
    m_thread->quit();
    m_thread->wait();
}

} // namespace bankbench::ui
