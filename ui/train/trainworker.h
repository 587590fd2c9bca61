#pragma once

#include <ml/trainjob.h>
#include <ml/trainprogress.h>
#include <util/canceltoken.h>

#include <QMetaType>
#include <QObject>
#include <QString>

#include <memory>

Q_DECLARE_METATYPE(bankbench::ml::TrainProgress)
Q_DECLARE_METATYPE(bankbench::ml::EpochMetrics)

namespace bankbench::ui {

/// How a training session ended, as the GUI needs it (the full summary stays in the run's report).
struct TrainOutcomeInfo {
    QString runName;
    bool cancelled = false;
    int bestEpoch = 0;
    double bestMacroF1 = 0;
    double examplesPerSecond = 0; ///< this session's training throughput
    QString model;                ///< "fast", "transformer"
    QString device;
};

} // namespace bankbench::ui

Q_DECLARE_METATYPE(bankbench::ui::TrainOutcomeInfo)

namespace bankbench::ui {

/// The training threads the GUI uses for "0: automatic": every usable core but one, so the window (and
/// labeling meanwhile) keeps a core; at least 1. Any thread.
int automaticTrainingThreads();

/// Runs ml::runTrainJob on the thread it was moved to. Progress, epoch metrics and log lines leave as
/// signals (queued to the GUI thread by the connections TrainingJob makes). Never throws: exceptions
/// become failed(). Cancellation: the shared CancelToken, set from the GUI thread.
class TrainWorker : public QObject {
    Q_OBJECT

public:
    explicit TrainWorker(std::shared_ptr<core::CancelToken> cancel, QObject* parent = nullptr);

    /// Called by a queued invocation from TrainingJob::start().
    Q_INVOKABLE void run(const QString& projectPath, const QString& datasetName, const QString& runName,
                         const QString& configJson, bool resume, int pretrainEpochs);

signals:
    /// The run's name is known (chosen here for a fresh run without one).
    void runNamed(const QString& runName);
    void progressed(const bankbench::ml::TrainProgress& progress);
    void epochFinished(const bankbench::ml::EpochMetrics& metrics);
    void logged(const QString& line);
    void succeeded(const bankbench::ui::TrainOutcomeInfo& outcome);
    void failed(const QString& message);
    void cancelled(const QString& message);

private:
    void runGuarded(const QString& projectPath, const QString& datasetName, QString runName,
                    const QString& configJson, bool resume, int pretrainEpochs);

    std::shared_ptr<core::CancelToken> m_cancel;
};

} // namespace bankbench::ui
