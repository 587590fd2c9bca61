#pragma once

#include "jobs/job.h"
#include "train/trainworker.h"

#include <ml/trainconfig.h>

#include <optional>

class QThread;

namespace bankbench::ui {

/// One training session (a fresh run, or a resumed one) on a worker thread (TrainWorker running
/// ml::runTrainJob with its own project connection). GUI-thread object; see Job for ownership and
/// cancellation: cancel() stops within one batch and the trainer checkpoints, so the run can be resumed.
class TrainingJob : public Job {
    Q_OBJECT

public:
    struct Request {
        QString projectPath;
        QString datasetName; ///< ignored when resuming
        QString runName;     ///< empty for a fresh run: "<model>-N"
        ml::TrainConfig config;
        bool resume = false;
        /// Transformer only: pretraining epochs on the dataset's texts before fine-tuning (0: none).
        int pretrainEpochs = 0;
    };

    explicit TrainingJob(Request request, QObject* parent = nullptr);
    ~TrainingJob() override;

    QString title() const override;
    void start() override;
    void cancel() override;

    const Request& request() const { return m_request; }
    /// Known once runNamed() was emitted.
    QString runName() const { return m_runName; }
    /// Set when the run finished all its epochs.
    const std::optional<TrainOutcomeInfo>& outcomeInfo() const { return m_outcome; }
    const ml::TrainProgress& lastProgress() const { return m_lastProgress; }

    /// "Epoch 3/30 · 1,234 examples/s · 0:12 left", translated.
    static QString progressText(const ml::TrainProgress& progress);

signals:
    void runNamed(const QString& runName);
    void trainProgressed(const bankbench::ml::TrainProgress& progress);
    void epochFinished(const bankbench::ml::EpochMetrics& metrics);
    void logged(const QString& line);

private:
    void onProgress(const ml::TrainProgress& progress);
    void stopThread();

    Request m_request;
    QString m_runName;
    std::shared_ptr<core::CancelToken> m_cancel;
    QThread* m_thread = nullptr;
    std::optional<TrainOutcomeInfo> m_outcome;
    ml::TrainProgress m_lastProgress;
};

} // namespace bankbench::ui
