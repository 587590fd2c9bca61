#pragma once

#include "shell/workspace.h"
#include "train/runrepository.h"
#include "train/trainpreflight.h"

#include <labeling/suggestion.h>
#include <ml/runtime.h>
#include <ml/trainconfig.h>

#include <QPointer>

#include <memory>
#include <optional>

class QScrollArea;
class QSplitter;
class QStackedWidget;
class QTabWidget;

namespace bankbench::ui {

class EmptyStatePanel;
class ProjectSession;
class RunHistoryPanel;
class TrainLivePanel;
class TrainSetupPanel;
class TrainingJob;

/// Train models visually: choose data and a model, see the device and an estimate, start, watch the
/// live curves, cancel and resume; browse, compare, rename, delete, export runs and choose the project's
/// active model, whose suggestions it hands to labeling (suggestionProviderChanged). Training runs in a
/// TrainingJob owned here, independent of the main window's job slot, so labeling and data browsing stay
/// usable meanwhile. GUI thread; the main window owns it. Destroying it cancels a running session and
/// waits for its checkpoint.
class TrainWorkspace : public Workspace {
    Q_OBJECT

public:
    TrainWorkspace(ProjectSession& session, AppSettings& settings, QObject* parent = nullptr);
    ~TrainWorkspace() override;

    QString id() const override { return QStringLiteral("train"); }
    QString title() const override;
    QIcon icon() const override;
    QWidget* widget() const override;
    void activate() override;
    void saveState(AppSettings& settings) const override;
    void restoreState(const AppSettings& settings) override;
    QString statusText() const override;

    /// Starts a fresh run with the setup panel's data, preset and settings. False (with a message in the
    /// panel) when it cannot start.
    bool startTraining();
    void cancelTraining();
    /// Continues a cancelled (or failed) run from its last checkpoint.
    bool resumeRun(const QString& runName);
    /// A new run with the stored settings of `runName` on the current labels of its dataset (Evaluate's
    /// "retrain with corrected labels"). False when the run is unknown or a run is training.
    bool retrain(const QString& runName);

    void renameRun(const QString& runName, const QString& newName);
    void deleteRun(const QString& runName);
    void exportRun(const QString& runName, const QString& targetDir);
    void setActiveModel(const std::optional<QString>& runName);
    /// Lists the runs again (after a run ended, after the CLI trained...).
    void refreshRuns();

    TrainingJob* job() const;
    bool isTraining() const;
    /// The chosen dataset's labelled records are being checked (Start waits for the verdict).
    bool isCheckingData() const { return m_checkingData; }
    QString activeModel() const { return m_activeModel; }
    /// The run whose model currently feeds labeling suggestions ("" when none is loaded).
    QString loadedModel() const { return m_loadedModel; }
    /// The last message of a history action (rename, delete, export, active model).
    QString lastMessage() const { return m_lastMessage; }
    TrainSetupPanel* setupPanel() const { return m_setup; }
    TrainLivePanel* livePanel() const { return m_live; }
    RunHistoryPanel* historyPanel() const { return m_history; }
    RunRepository* repository() const { return m_repository; }
    QTabWidget* tabs() const { return m_tabs; }

protected:
    /// Resizes of the setup panel's scroll viewport reach the panel (the Advanced form's columns).
    bool eventFilter(QObject* watched, QEvent* event) override;

signals:
    /// The active model's suggestions, or nullptr when the project has none (or it cannot load).
    void suggestionProviderChanged(std::shared_ptr<bankbench::core::SuggestionProvider> provider);
    /// A training session ended (after the history was asked to refresh).
    void trainingFinished();
    /// A history action answered (ok or not; the message says what happened).
    void runsChanged(bool ok, const QString& message);

private:
    void buildWidgets();
    void onProjectOpened();
    void onProjectClosed();
    void onDatasetsChanged();
    void checkDataset(const QString& name);
    void updateEstimate();
    void updatePage();
    void loadRuntime();
    bool startJob(TrainingJob* job, const QString& heading);
    void onJobFinished();
    void onListed(const QList<RunRow>& runs, const QString& active);
    void loadActiveModel(const QString& runName);
    void promptRename(const QString& runName);
    void confirmDelete(const QString& runName);
    void chooseExportFolder(const QString& runName);
    double measuredThroughput(const ml::TrainConfig& config) const;

    ProjectSession& m_session;
    AppSettings& m_settings;
    QPointer<QStackedWidget> m_pages;
    EmptyStatePanel* m_empty = nullptr;
    QScrollArea* m_setupScroll = nullptr;
    QSplitter* m_splitter = nullptr;
    TrainSetupPanel* m_setup = nullptr;
    QTabWidget* m_tabs = nullptr;
    TrainLivePanel* m_live = nullptr;
    RunHistoryPanel* m_history = nullptr;
    RunRepository* m_repository;
    QPointer<TrainingJob> m_job;
    std::optional<TrainPreflight> m_preflight;
    int m_preflightGeneration = 0;
    bool m_checkingData = false;
    int m_modelGeneration = 0;
    QString m_activeModel;
    QString m_loadedModel;
    QString m_lastMessage;
    bool m_runtimeRequested = false;
    QString m_restoredProject; ///< restoreState(): the project whose dataset choice waits for it to open
    QString m_restoredDataset;
    std::optional<ml::RuntimeInfo> m_runtime;
};

} // namespace bankbench::ui
