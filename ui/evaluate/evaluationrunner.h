#pragma once

#include "evaluate/evaluationresult.h"

#include <ml/evaljob.h>
#include <store/labeltypes.h>
#include <store/runstore.h>
#include <util/canceltoken.h>

#include <QElapsedTimer>
#include <QObject>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

class QThread;

namespace bankbench::ui {

/// Runs detailed evaluations (ml::runEvalDetailJob) and small store reads on its own worker thread, one
/// evaluation at a time; a new start() cancels the previous one and its late result is dropped. cancel()
/// sets the job's CancelToken directly. Lives on the GUI thread; every signal and callback arrives there.
/// The destructor cancels and waits for the thread.
class EvaluationRunner : public QObject {
    Q_OBJECT

public:
    explicit EvaluationRunner(QObject* parent = nullptr);
    ~EvaluationRunner() override;

    void start(const ml::EvalDetailRequest& request);
    void cancel();
    bool isRunning() const { return m_running; }
    /// Lives on the worker thread: functors queued to it run there, in order with the jobs. Tests hold
    /// the worker with it to make a cancel land before a job starts.
    QObject* workerContext() const { return m_context; }

    using DecisionCallback =
        std::function<void(const std::optional<core::Decision>& decision, const QString& error)>;
    /// Reads `annotator`'s current decision on a record (for undo of a relabel) on the worker thread.
    void lookupDecision(const QString& projectPath, core::RecordId record, core::LabelSetId labelSet,
                        const QString& annotator, DecisionCallback callback);

    using RunsCallback = std::function<void(const std::vector<core::RunInfo>& runs, const QString& error)>;
    /// Lists the project's runs (newest first) on the worker thread.
    void listRuns(const QString& projectPath, RunsCallback callback);

signals:
    /// At most ~10 times a second.
    void progressChanged(qint64 done, qint64 total);
    void finished(std::shared_ptr<const bankbench::ui::EvaluationResult> result);
    /// `message` is the job's error (`FILE:LINE:COL: message`); empty when it was cancelled.
    void failed(const QString& message, bool cancelled);

private:
    QThread* m_thread;
    QObject* m_context; ///< lives on m_thread: queued lambdas run there
    std::shared_ptr<core::CancelToken> m_cancel;
    quint64 m_generation = 0;
    bool m_running = false;
};

} // namespace bankbench::ui
