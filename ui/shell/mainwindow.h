#pragma once

#include <io/exporter.h>
#include <io/importoptions.h>

#include <QList>
#include <QMainWindow>
#include <QPointer>

class QActionGroup;
class QLabel;
class QStackedWidget;
class QToolBar;

namespace bankbench::ui {

class AppSettings;
class DataWorkspace;
class EvaluateWorkspace;
class ImportDialog;
class Job;
class JobIndicator;
class LabelWorkspace;
class TrainWorkspace;
class ProjectSession;
class Workspace;

/// The application window: workspaces (one visible at a time, switched from the workspace bar), the
/// Project/View/Help menus, the status bar (project, workspace status, background job with Cancel),
/// drag-and-drop of data files, and remembered geometry. One background job at a time. GUI thread.
class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(AppSettings& settings, QWidget* parent = nullptr);
    ~MainWindow() override;

    void openProject(const QString& path);
    /// Opens the import dialog (window-modal, non-blocking), optionally on a file. Needs an open project.
    void showImportDialog(const QString& filePath = QString());
    void startImport(const core::ImportOptions& options);
    void startExport(const core::ExportOptions& options);

    ProjectSession& session() const { return *m_session; }
    DataWorkspace* dataWorkspace() const { return m_data; }
    LabelWorkspace* labelWorkspace() const { return m_label; }
    EvaluateWorkspace* evaluateWorkspace() const { return m_evaluate; }
    TrainWorkspace* trainWorkspace() const { return m_train; }
    QList<Workspace*> workspaces() const { return m_workspaces; }
    Workspace* currentWorkspace() const;
    JobIndicator* jobIndicator() const { return m_jobIndicator; }
    Job* currentJob() const;
    ImportDialog* importDialog() const;
    QString workspaceStatusText() const;

signals:
    /// A background job ended (after the window reacted to it).
    void jobFinished();

protected:
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void createActions();
    void createMenus();
    void addWorkspace(Workspace* workspace, const QKeySequence& shortcut);
    void switchToWorkspace(Workspace* workspace);
    void newProject();
    void newDemoProject();
    void chooseProjectToOpen();
    void exportData();
    void startJob(Job* job);
    void maybeStartIndexing();
    void onJobFinished();
    void onProjectOpened(const QString& path);
    void onProjectFailed(const QString& path, const QString& message);
    void chooseLanguage(const QString& code);
    void showAbout();
    void updateActions();
    void updateStatus();
    void showMessage(const QString& title, const QString& text, bool error);
    QString projectDirectory() const;

    AppSettings& m_settings;
    ProjectSession* m_session;
    QStackedWidget* m_stack;
    QToolBar* m_workspaceBar;
    QActionGroup* m_workspaceActions;
    QList<Workspace*> m_workspaces;
    DataWorkspace* m_data = nullptr;
    LabelWorkspace* m_label = nullptr;
    EvaluateWorkspace* m_evaluate = nullptr;
    TrainWorkspace* m_train = nullptr;

    QLabel* m_projectLabel;
    QLabel* m_workspaceStatus;
    JobIndicator* m_jobIndicator;
    QPointer<Job> m_job;
    QPointer<ImportDialog> m_importDialog;
    bool m_indexingPaused = false; ///< the user cancelled indexing (or it failed): not again this session

    QAction* m_newAction = nullptr;
    QAction* m_demoAction = nullptr;
    QAction* m_openAction = nullptr;
    QAction* m_importAction = nullptr;
    QAction* m_exportAction = nullptr;
    QAction* m_closeAction = nullptr;
    QAction* m_quitAction = nullptr;
    QMenu* m_workspaceMenu = nullptr;
};

} // namespace bankbench::ui
