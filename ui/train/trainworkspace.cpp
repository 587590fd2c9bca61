#include "train/trainworkspace.h"

#include "common/appsettings.h"
#include "common/formatting.h"
#include "common/projectsession.h"
#include "common/qtconvert.h"
#include "common/workspacelayout.h"
#include "shell/emptystatepanel.h"
#include "train/runhistorymodel.h"
#include "train/runhistorypanel.h"
#include "train/trainestimate.h"
#include "train/trainingjob.h"
#include "train/trainlivepanel.h"
#include "train/trainsetuppanel.h"

#include <ml/runtime.h>

#include <QApplication>
#include <QEvent>
#include <QFutureWatcher>
#include <QLocale>
#include <QScrollArea>
#include <QSplitter>
#include <QStackedWidget>
#include <QStyle>
#include <QTabWidget>
#include <QtConcurrent>

#include <algorithm>

namespace bankbench::ui {

TrainWorkspace::TrainWorkspace(ProjectSession& session, AppSettings& settings, QObject* parent)
    : Workspace(parent), m_session(session), m_settings(settings), m_repository(new RunRepository(this)) {
    buildWidgets();
    connect(&m_session, &ProjectSession::projectOpened, this, &TrainWorkspace::onProjectOpened);
    connect(&m_session, &ProjectSession::projectClosed, this, &TrainWorkspace::onProjectClosed);
    connect(&m_session, &ProjectSession::datasetsChanged, this, &TrainWorkspace::onDatasetsChanged);
    connect(m_repository, &RunRepository::listed, this, &TrainWorkspace::onListed);
    connect(m_repository, &RunRepository::metricsLoaded, m_history, &RunHistoryPanel::setOverlay);
    connect(m_repository, &RunRepository::changed, this, [this](bool ok, const QString& message) {
        m_lastMessage = message;
        m_history->setToolTip(QString());
        m_live->appendLog(message);
        emit runsChanged(ok, message);
        emit statusTextChanged();
    });
    updatePage();
}

TrainWorkspace::~TrainWorkspace() {
    // The job's destructor cancels and waits; do it while the widgets it reports to still exist.
    delete m_job.data();
    delete m_pages.data();
}

void TrainWorkspace::buildWidgets() {
    m_pages = new QStackedWidget;
    m_pages->setObjectName(QStringLiteral("trainWorkspace"));
    m_empty = new EmptyStatePanel(m_pages);
    m_empty->setMessage(tr("No project open"),
                        tr("Open or create a project, import labelled data, then train "
                           "a model here."));
    m_pages->addWidget(m_empty);

    m_splitter = new QSplitter(Qt::Horizontal, m_pages);
    m_splitter->setObjectName(QStringLiteral("trainSplitter"));
    m_setup = new TrainSetupPanel;
    auto* scroll = new QScrollArea(m_splitter);
    scroll->setWidget(m_setup);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setMinimumWidth(360);
    m_setupScroll = scroll;
    scroll->viewport()->installEventFilter(this);
    m_tabs = new QTabWidget(m_splitter);
    m_tabs->setObjectName(QStringLiteral("trainTabs"));
    m_live = new TrainLivePanel(m_tabs);
    m_history = new RunHistoryPanel(m_tabs);
    m_tabs->addTab(m_live, tr("Current Run"));
    m_tabs->addTab(m_history, tr("Run History"));
    m_splitter->addWidget(scroll);
    m_splitter->addWidget(m_tabs);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({420, 900});
    m_pages->addWidget(m_splitter);

    connect(m_setup, &TrainSetupPanel::datasetChanged, this, &TrainWorkspace::checkDataset);
    connect(m_setup, &TrainSetupPanel::configChanged, this, &TrainWorkspace::updateEstimate);
    connect(m_setup, &TrainSetupPanel::startRequested, this, &TrainWorkspace::startTraining);
    connect(m_setup, &TrainSetupPanel::cancelRequested, this, &TrainWorkspace::cancelTraining);
    connect(m_history, &RunHistoryPanel::selectionChanged, this, [this](const QStringList& names) {
        if (m_session.isOpen())
            m_repository->loadMetrics(m_session.path(), names);
    });
    connect(m_history, &RunHistoryPanel::resumeRequested, this, &TrainWorkspace::resumeRun);
    connect(m_history, &RunHistoryPanel::retrainRequested, this, &TrainWorkspace::retrain);
    connect(m_history, &RunHistoryPanel::renameRequested, this, &TrainWorkspace::promptRename);
    connect(m_history, &RunHistoryPanel::deleteRequested, this, &TrainWorkspace::confirmDelete);
    connect(m_history, &RunHistoryPanel::exportRequested, this, &TrainWorkspace::chooseExportFolder);
    connect(m_history, &RunHistoryPanel::activateRequested, this,
            [this](const QString& name) { setActiveModel(name); });
}

QString TrainWorkspace::title() const {
    return tr("Train");
}

QIcon TrainWorkspace::icon() const {
    return qApp->style()->standardIcon(QStyle::SP_MediaPlay);
}

QWidget* TrainWorkspace::widget() const {
    return m_pages;
}

bool TrainWorkspace::eventFilter(QObject* watched, QEvent* event) {
    if (m_setupScroll && watched == m_setupScroll->viewport() && event->type() == QEvent::Resize)
        m_setup->setAvailableWidth(m_setupScroll->viewport()->width());
    return Workspace::eventFilter(watched, event);
}

void TrainWorkspace::activate() {
    loadRuntime();
}

void TrainWorkspace::saveState(AppSettings& settings) const {
    QVariantMap state;
    saveWorkspaceLayout(state, *m_splitter, *m_tabs);
    state.insert(QStringLiteral("preset"), m_setup->presetId());
    // The dataset belongs to one project: remembered with it, chosen again only when it is reopened.
    const QString project = m_session.isOpen() ? m_session.path() : m_restoredProject;
    const QString dataset = m_session.isOpen() ? m_setup->datasetName() : m_restoredDataset;
    if (!project.isEmpty() && !dataset.isEmpty()) {
        state.insert(QStringLiteral("project"), project);
        state.insert(QStringLiteral("dataset"), dataset);
    }
    settings.trainState = state;
}

void TrainWorkspace::restoreState(const AppSettings& settings) {
    const QVariantMap state = settings.trainState;
    restoreWorkspaceLayout(state, *m_splitter, *m_tabs);
    const QString preset = state.value(QStringLiteral("preset")).toString();
    if (!preset.isEmpty())
        m_setup->selectPreset(preset);
    m_restoredProject = state.value(QStringLiteral("project")).toString();
    m_restoredDataset = state.value(QStringLiteral("dataset")).toString();
    if (m_session.isOpen())
        onDatasetsChanged();
}

QString TrainWorkspace::statusText() const {
    if (!m_session.isOpen())
        return {};
    if (isTraining()) {
        const ml::TrainProgress& p = m_job->lastProgress();
        return p.epochs > 0 ? tr("Training %1 · epoch %2/%3").arg(m_job->runName()).arg(p.epoch).arg(p.epochs)
                            : tr("Training %1").arg(m_job->runName());
    }
    const int runs = static_cast<int>(m_history->model()->runs().size());
    QString text = tr("%n run(s)", "", runs);
    if (!m_activeModel.isEmpty())
        text += tr(" · active model: %1").arg(m_activeModel);
    return text;
}

TrainingJob* TrainWorkspace::job() const {
    return m_job;
}

bool TrainWorkspace::isTraining() const {
    return m_job && m_job->isRunning();
}

void TrainWorkspace::updatePage() {
    m_pages->setCurrentIndex(m_session.isOpen() ? 1 : 0);
}

void TrainWorkspace::onProjectOpened() {
    updatePage();
    onDatasetsChanged();
    m_activeModel.clear();
    m_history->setRuns({}, QString());
    refreshRuns();
    loadRuntime();
}

void TrainWorkspace::onProjectClosed() {
    m_preflight.reset();
    m_checkingData = false;
    ++m_preflightGeneration; // a check still running belongs to the closed project
    m_activeModel.clear();
    m_history->setRuns({}, QString());
    m_setup->setDatasets({}, QString());
    loadActiveModel(QString());
    updatePage();
    emit statusTextChanged();
}

void TrainWorkspace::onDatasetsChanged() {
    QString keep;
    if (!m_restoredProject.isEmpty() && m_session.path() == m_restoredProject) {
        keep = m_restoredDataset; // once, when the remembered project opens again
        m_restoredProject.clear();
        m_restoredDataset.clear();
    }
    m_setup->setDatasets(m_session.datasetNames(), keep);
    checkDataset(m_setup->datasetName());
}

void TrainWorkspace::refreshRuns() {
    if (m_session.isOpen())
        m_repository->list(m_session.path());
}

void TrainWorkspace::checkDataset(const QString& name) {
    const int generation = ++m_preflightGeneration;
    m_preflight.reset();
    m_checkingData = false;
    if (!m_session.isOpen() || name.isEmpty()) {
        m_setup->setPreflight(std::nullopt, false);
        updateEstimate();
        return;
    }
    m_setup->setPreflight(std::nullopt, true);
    m_checkingData = true;
    updateEstimate();
    auto* watcher = new QFutureWatcher<TrainPreflight>(this);
    connect(watcher, &QFutureWatcher<TrainPreflight>::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != m_preflightGeneration)
            return;
        m_checkingData = false;
        m_preflight = watcher->result();
        m_setup->setPreflight(m_preflight, false);
        updateEstimate();
    });
    watcher->setFuture(QtConcurrent::run(runTrainPreflight, m_session.path(), name));
}

void TrainWorkspace::loadRuntime() {
    if (m_runtimeRequested)
        return;
    m_runtimeRequested = true;
    m_setup->setDeviceText(tr("Inspecting the numeric runtime…"), QString());
    auto* watcher = new QFutureWatcher<ml::RuntimeInfo>(this);
    connect(watcher, &QFutureWatcher<ml::RuntimeInfo>::finished, this, [this, watcher] {
        watcher->deleteLater();
        m_runtime = watcher->result();
        updateEstimate();
    });
    // The first call maps the BLAS and runs a tiny matmul: never on the GUI thread.
    watcher->setFuture(QtConcurrent::run([] { return ml::runtimeInfo(); }));
}

double TrainWorkspace::measuredThroughput(const ml::TrainConfig& config) const {
    return m_settings.trainThroughput.get()
        .value(QString::fromLatin1(ml::modelKindName(config.model)))
        .toDouble();
}

void TrainWorkspace::updateEstimate() {
    const ml::TrainConfig config = m_setup->config();
    const QLocale locale;
    if (m_runtime) {
        const ml::RuntimeInfo& r = *m_runtime;
        const bool gpu = r.cudaAvailable && config.device != ml::DevicePreference::Cpu;
        const int threads = config.threads > 0 ? config.threads : automaticTrainingThreads();
        QString text = gpu ? tr("GPU: %1 (CUDA)").arg(toQString(r.deviceName))
                           : tr("CPU: %1 of %2 usable cores · BLAS: %3")
                                 .arg(threads)
                                 .arg(r.usableCores)
                                 .arg(toQString(r.blasName));
        if (!gpu && config.device == ml::DevicePreference::Cuda)
            text = tr("No CUDA GPU in this build or machine: the run would fail. Choose Automatic or CPU.");
        if (!gpu && r.blasIsReference)
            text += tr(" (reference BLAS: install OpenBLAS for ~10× faster training)");
        m_setup->setDeviceText(text, toQString(ml::describeRuntime(r)));
    }
    if (!m_preflight || !m_preflight->trainable) {
        m_setup->setEstimateText(tr("—"));
        m_setup->setCanStart(false);
        return;
    }
    const QString missing = m_setup->missingChoice();
    m_setup->setCanStart(missing.isEmpty());
    const double throughput = measuredThroughput(config);
    const TrainEstimate estimate =
        estimateTraining(config, m_preflight->examples, m_preflight->classes, throughput);
    QStringList parts;
    parts << (estimate.seconds >= 0
                  ? tr("time up to %1 (%2 examples at %3 examples/s measured on this machine)")
                        .arg(formatDuration(estimate.seconds), locale.toString(estimate.examplesToProcess),
                             locale.toString(qRound64(throughput)))
                  : tr("time: not measured yet for this model on this machine (the first run measures it; "
                       "%1 examples to process)")
                        .arg(locale.toString(estimate.examplesToProcess)));
    if (estimate.parameters > 0)
        parts << tr("memory about %1 for %2 parameters (weights, optimizer state, best-epoch copy); "
                    "a checkpoint takes about %3 on disk")
                     .arg(formatBytes(estimate.memoryBytes), locale.toString(estimate.parameters),
                          formatBytes(estimate.checkpointBytes));
    if (m_setup->pretrainEpochs() > 0)
        parts << tr("pretraining comes on top");
    QString text = tr("Estimate: %1.").arg(parts.join(tr("; ")));
    if (!missing.isEmpty())
        text = missing + QLatin1Char('\n') + text;
    m_setup->setEstimateText(text);
}

bool TrainWorkspace::startTraining() {
    if (!m_session.isOpen() || isTraining())
        return false;
    if (!m_preflight || !m_preflight->trainable) {
        m_live->appendLog(m_preflight ? tr("Cannot train: %1").arg(m_preflight->problem)
                                      : tr("Cannot train yet: the data check has not finished."));
        return false;
    }
    TrainingJob::Request request;
    request.projectPath = m_session.path();
    request.datasetName = m_setup->datasetName();
    request.runName = m_setup->runName();
    request.config = m_setup->config();
    request.pretrainEpochs = m_setup->pretrainEpochs();
    if (const QString missing = m_setup->missingChoice(); !missing.isEmpty()) {
        m_live->appendLog(missing);
        return false;
    }
    const bool started =
        startJob(new TrainingJob(request, this), tr("Training on “%1”").arg(request.datasetName));
    if (started)
        m_setup->clearRunName();
    return started;
}

bool TrainWorkspace::resumeRun(const QString& runName) {
    const RunRow* run = m_history->model()->run(runName);
    if (!m_session.isOpen() || isTraining() || !run)
        return false;
    auto config = ml::trainConfigFromJson(run->info.config);
    if (!config) {
        m_live->appendLog(toQString(config.error().what()));
        return false;
    }
    // Resuming repeats the stored settings; only where it runs comes from the current form.
    const ml::TrainConfig form = m_setup->config();
    config->threads = form.threads;
    config->device = form.device;
    TrainingJob::Request request;
    request.projectPath = m_session.path();
    request.datasetName = toQString(run->info.datasetName);
    request.runName = runName;
    request.config = *config;
    request.resume = true;
    return startJob(new TrainingJob(request, this), tr("Resuming “%1”").arg(runName));
}

bool TrainWorkspace::retrain(const QString& runName) {
    const RunRow* run = m_history->model()->run(runName);
    if (!m_session.isOpen() || isTraining() || !run)
        return false;
    auto config = ml::trainConfigFromJson(run->info.config);
    if (!config) {
        m_live->appendLog(toQString(config.error().what()));
        return false;
    }
    TrainingJob::Request request;
    request.projectPath = m_session.path();
    request.datasetName = toQString(run->info.datasetName);
    request.config = *config;
    return startJob(new TrainingJob(request, this),
                    tr("Retraining “%1” on the current labels of “%2”").arg(runName, request.datasetName));
}

bool TrainWorkspace::startJob(TrainingJob* job, const QString& heading) {
    m_job = job;
    m_live->beginRun(heading);
    m_tabs->setCurrentWidget(m_live);
    m_setup->setRunning(true);
    connect(job, &TrainingJob::runNamed, this, [this, heading](const QString& name) {
        m_live->setHeading(tr("%1 — run %2").arg(heading, name));
        m_history->setTrainingRun(name);
        refreshRuns();
        emit statusTextChanged();
    });
    connect(job, &TrainingJob::trainProgressed, this, [this](const ml::TrainProgress& progress) {
        m_live->setProgress(progress, TrainingJob::progressText(progress));
    });
    connect(job, &TrainingJob::epochFinished, this, [this](const ml::EpochMetrics& metrics) {
        m_live->addEpoch(metrics);
        m_live->appendLog(tr("Epoch %1: training loss %2 · validation loss %3 · accuracy %4 · macro-F1 %5")
                              .arg(metrics.epoch)
                              .arg(metrics.trainLoss, 0, 'f', 4)
                              .arg(metrics.validationLoss, 0, 'f', 4)
                              .arg(metrics.validationAccuracy, 0, 'f', 4)
                              .arg(metrics.validationMacroF1, 0, 'f', 4));
        emit statusTextChanged();
    });
    connect(job, &TrainingJob::logged, m_live, &TrainLivePanel::appendLog);
    connect(job, &Job::finished, this, &TrainWorkspace::onJobFinished);
    job->start();
    emit statusTextChanged();
    return true;
}

void TrainWorkspace::cancelTraining() {
    if (isTraining()) {
        m_live->appendLog(
            tr("Cancelling: the trainer stops after the current batch and writes a checkpoint…"));
        m_job->cancel();
    }
}

void TrainWorkspace::onJobFinished() {
    TrainingJob* job = m_job;
    if (!job)
        return;
    if (const auto& outcome = job->outcomeInfo(); outcome && outcome->examplesPerSecond > 0) {
        QVariantMap throughput = m_settings.trainThroughput;
        throughput.insert(outcome->model, outcome->examplesPerSecond);
        m_settings.trainThroughput = throughput;
    }
    m_live->finishRun(job->message());
    m_setup->setRunning(false);
    m_history->setTrainingRun(QString());
    job->deleteLater();
    m_job = nullptr;
    refreshRuns();
    updateEstimate();
    emit statusTextChanged();
    emit trainingFinished();
}

} // namespace bankbench::ui
