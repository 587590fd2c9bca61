#include "train/trainworker.h"

#include "common/appinfo.h"
#include "common/qtconvert.h"

#include <ml/runtime.h>
#include <store/project.h>
#include <store/runstore.h>

#include <algorithm>
#include <exception>

namespace bankbench::ui {

namespace {

/// Forwards the trainer's reports as signals of the worker; emitting from the training thread queues
/// them to the GUI thread, so the trainer never waits for painting.
class SignalSink final : public ml::ProgressSink {
public:
    explicit SignalSink(TrainWorker& worker) : m_worker(worker) {}

    void progress(const ml::TrainProgress& progress) override { emit m_worker.progressed(progress); }
    void log(const std::string& line) override { emit m_worker.logged(toQString(line)); }
    void epochFinished(const ml::EpochMetrics& metrics) override { emit m_worker.epochFinished(metrics); }

private:
    TrainWorker& m_worker;
};

} // namespace

int automaticTrainingThreads() {
    return std::max(1, ml::usableCoreCount() - 1);
}

TrainWorker::TrainWorker(std::shared_ptr<core::CancelToken> cancel, QObject* parent)
    : QObject(parent), m_cancel(std::move(cancel)) {}

void TrainWorker::run(const QString& projectPath, const QString& datasetName, const QString& runName,
                      const QString& configJson, bool resume, int pretrainEpochs) {
    // Nothing may cross the thread boundary as an exception (STYLE.md).
    try {
        runGuarded(projectPath, datasetName, runName, configJson, resume, pretrainEpochs);
    } catch (const std::exception& e) {
        emit failed(tr("Training failed: %1").arg(QString::fromUtf8(e.what())));
    } catch (...) {
        emit failed(tr("Training failed with an unknown error."));
    }
}

void TrainWorker::runGuarded(const QString& projectPath, const QString& datasetName, QString runName,
                             const QString& configJson, bool resume, int pretrainEpochs) {
    ml::TrainJobRequest request;
    request.projectPath = toStdString(projectPath);
    request.datasetName = toStdString(datasetName);
    request.resume = resume;
    request.versions = {{"bankbench", toStdString(applicationVersion())}};
    const auto json = nlohmann::json::parse(toStdString(configJson), nullptr, false);
    auto config = ml::trainConfigFromJson(json.is_discarded() ? nlohmann::json::object() : json);
    if (!config) {
        emit failed(toQString(config.error().what()));
        return;
    }
    request.config = *config;
    // Torch's threads spin on every core they get: with all of them the GUI thread waits its turn and the
    // window stutters (BENCHMARKS.md, "Train workspace: GUI responsiveness").
    if (request.config.threads <= 0)
        request.config.threads = automaticTrainingThreads();
    if (pretrainEpochs > 0 && !resume) {
        ml::PretrainConfig pretrain;
        pretrain.epochs = pretrainEpochs;
        request.pretrain = ml::pretrainConfigFor(request.config, pretrain);
    }
    if (runName.isEmpty()) {
        // Named here so the GUI can show the run before the first epoch; the job refuses a taken name.
        auto project = core::Project::open(request.projectPath);
        if (!project) {
            emit failed(toQString(project.error().what()));
            return;
        }
        auto unique = core::RunStore(**project).uniqueRunName(ml::modelKindName(request.config.model));
        if (!unique) {
            emit failed(toQString(unique.error().what()));
            return;
        }
        runName = toQString(*unique);
    }
    request.runName = toStdString(runName);
    emit runNamed(runName);

    SignalSink sink(*this);
    auto summary = ml::runTrainJob(request, sink, *m_cancel);
    if (!summary) {
        if (summary.error().code == core::ErrorCode::Cancelled || m_cancel->isCancelled())
            emit cancelled(tr("Training cancelled before the first epoch."));
        else
            emit failed(toQString(summary.error().what()));
        return;
    }
    TrainOutcomeInfo outcome;
    outcome.runName = toQString(summary->runName);
    outcome.cancelled = summary->result.outcome == ml::TrainOutcome::Cancelled;
    outcome.bestEpoch = summary->result.bestEpoch;
    outcome.bestMacroF1 = summary->result.bestValidationMacroF1;
    outcome.examplesPerSecond = summary->result.examplesPerSecond;
    outcome.model = QString::fromLatin1(ml::modelKindName(request.config.model));
    outcome.device = toQString(summary->result.device);
    if (outcome.cancelled)
        emit cancelled(tr("Training of “%1” cancelled after %n epoch(s); resume it from the run history.", "",
                          static_cast<int>(summary->result.history.size()))
                           .arg(outcome.runName));
    else
        emit succeeded(outcome);
}

} // namespace bankbench::ui
