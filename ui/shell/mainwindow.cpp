#include "shell/mainwindow.h"

#include "common/appsettings.h"
#include "common/projectsession.h"
#include "common/qtconvert.h"
#include "common/translations.h"
#include "data/dataworkspace.h"
#include "evaluate/evaluateworkspace.h"
#include "importexport/exportdialog.h"
#include "importexport/importdialog.h"
#include "importexport/importreportdialog.h"
#include "jobs/exportjob.h"
#include "jobs/importjob.h"
#include "jobs/indexjob.h"
#include "jobs/jobindicator.h"
#include "label/labelworkspace.h"
#include "playground/playgroundworkspace.h"
#include "shell/aboutdialog.h"
#include "shell/recentprojectsmenu.h"
#include "train/trainworkspace.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFrame>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProcess>
#include <QPushButton>
#include <QScreen>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QTimer>
#include <QToolBar>

namespace bankbench::ui {

namespace {

const QStringList kDataSuffixes = {QStringLiteral("csv"), QStringLiteral("tsv"), QStringLiteral("txt"),
                                   QStringLiteral("jsonl"), QStringLiteral("ndjson")};
const QString kProjectSuffix = QStringLiteral("bbproj");

QString droppedFile(const QMimeData* mime) {
    if (!mime || !mime->hasUrls() || mime->urls().size() != 1 || !mime->urls().first().isLocalFile())
        return {};
    const QString path = mime->urls().first().toLocalFile();
    const QString suffix = QFileInfo(path).suffix().toLower();
    return kDataSuffixes.contains(suffix) || suffix == kProjectSuffix ? path : QString();
}

} // namespace

MainWindow::MainWindow(AppSettings& settings, QWidget* parent)
    : QMainWindow(parent), m_settings(settings), m_session(new ProjectSession(this)),
      m_stack(new QStackedWidget(this)), m_workspaceBar(new QToolBar(this)),
      m_workspaceActions(new QActionGroup(this)), m_projectLabel(new QLabel(this)),
      m_workspaceStatus(new QLabel(this)), m_jobIndicator(new JobIndicator(this)) {
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Bankbench"));
    setAcceptDrops(true);
    setCentralWidget(m_stack);

    m_workspaceBar->setObjectName(QStringLiteral("workspaceBar"));
    m_workspaceBar->setWindowTitle(tr("Workspaces"));
    m_workspaceBar->setMovable(false);
    m_workspaceBar->setFloatable(false);
    m_workspaceBar->setToolButtonStyle(Qt::ToolButtonTextUnderIcon);
    m_workspaceBar->setIconSize(QSize(28, 28));
    addToolBar(Qt::LeftToolBarArea, m_workspaceBar);

    m_projectLabel->setObjectName(QStringLiteral("statusProject"));
    m_workspaceStatus->setObjectName(QStringLiteral("statusWorkspace"));
    auto* separator = new QFrame(this);
    separator->setFrameShape(QFrame::VLine);
    separator->setFrameShadow(QFrame::Sunken);
    statusBar()->addWidget(m_projectLabel);
    statusBar()->addWidget(separator);
    statusBar()->addWidget(m_workspaceStatus, 1);
    statusBar()->addPermanentWidget(m_jobIndicator);

    createActions();
    createMenus();

    m_data = new DataWorkspace(*m_session, this);
    m_data->setEmptyStateActions({m_newAction, m_openAction, m_demoAction}, {m_importAction});
    addWorkspace(m_data, QKeySequence(Qt::CTRL | Qt::Key_1));
    m_label = new LabelWorkspace(*m_session, m_settings, this);
    addWorkspace(m_label, QKeySequence(Qt::CTRL | Qt::Key_2));
    m_train = new TrainWorkspace(*m_session, m_settings, this);
    // The project's active model feeds the label workspace's suggestions and uncertainty order.
    connect(m_train, &TrainWorkspace::suggestionProviderChanged, m_label, &LabelWorkspace::setSuggestionProvider);
    addWorkspace(m_train, QKeySequence(Qt::CTRL | Qt::Key_3));
    m_evaluate = new EvaluateWorkspace(*m_session, this);
    m_evaluate->setLabelWorkspace(m_label);
    connect(m_evaluate, &EvaluateWorkspace::labelWorkspaceRequested, this, [this] { switchToWorkspace(m_label); });
    // Retraining shows its progress in the Train workspace (which explains itself when it cannot start).
    connect(m_evaluate, &EvaluateWorkspace::retrainRequested, this, [this](const QString& runName) {
        m_train->retrain(runName);
        switchToWorkspace(m_train);
    });
    addWorkspace(m_evaluate, QKeySequence(Qt::CTRL | Qt::Key_4));
    addWorkspace(new PlaygroundWorkspace(*m_session, this), QKeySequence(Qt::CTRL | Qt::Key_5));

    connect(m_session, &ProjectSession::projectOpened, this, &MainWindow::onProjectOpened);
    connect(m_session, &ProjectSession::projectFailed, this, &MainWindow::onProjectFailed);
    connect(m_session, &ProjectSession::projectClosed, this, &MainWindow::updateStatus);
    connect(m_session, &ProjectSession::datasetsChanged, this, &MainWindow::updateActions);
    // Queued: start indexing once every receiver of datasetsChanged has seen the new list.
    connect(m_session, &ProjectSession::datasetsChanged, this, &MainWindow::maybeStartIndexing,
            Qt::QueuedConnection);
    connect(m_session, &ProjectSession::busyChanged, this, &MainWindow::updateActions);

    for (Workspace* workspace : m_workspaces)
        workspace->restoreState(m_settings);
    Workspace* initial = m_workspaces.first();
    for (Workspace* workspace : m_workspaces) {
        if (workspace->id() == m_settings.currentWorkspace.get())
            initial = workspace;
    }
    switchToWorkspace(initial);

    if (!restoreGeometry(m_settings.mainWindowGeometry)) {
        const QRect screen = QApplication::primaryScreen()->availableGeometry();
        resize(std::min(1360, screen.width() - 40), std::min(860, screen.height() - 40));
    }
    restoreState(m_settings.mainWindowState);
    updateActions();
    updateStatus();
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions() {
    QStyle* style = this->style();
    m_newAction = new QAction(style->standardIcon(QStyle::SP_FileIcon), tr("&New Project…"), this);
    m_newAction->setShortcut(QKeySequence::New);
    connect(m_newAction, &QAction::triggered, this, &MainWindow::newProject);
    m_demoAction = new QAction(tr("New &Demo Project…"), this);
    m_demoAction->setToolTip(tr("A new project with synthetic bilingual customer-service messages"));
    connect(m_demoAction, &QAction::triggered, this, &MainWindow::newDemoProject);
    m_openAction = new QAction(style->standardIcon(QStyle::SP_DialogOpenButton), tr("&Open Project…"), this);
    m_openAction->setShortcut(QKeySequence::Open);
    connect(m_openAction, &QAction::triggered, this, &MainWindow::chooseProjectToOpen);
    m_importAction = new QAction(style->standardIcon(QStyle::SP_ArrowDown), tr("&Import Data…"), this);
    m_importAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    connect(m_importAction, &QAction::triggered, this, [this] { showImportDialog(); });
    m_exportAction = new QAction(style->standardIcon(QStyle::SP_ArrowUp), tr("&Export Dataset…"), this);
    m_exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    connect(m_exportAction, &QAction::triggered, this, &MainWindow::exportData);
    m_closeAction = new QAction(tr("&Close Project"), this);
    connect(m_closeAction, &QAction::triggered, m_session, &ProjectSession::closeProject);
    m_quitAction = new QAction(tr("&Quit"), this);
    m_quitAction->setShortcut(QKeySequence::Quit);
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);
}

void MainWindow::createMenus() {
    QMenu* project = menuBar()->addMenu(tr("&Project"));
    project->addAction(m_newAction);
    project->addAction(m_openAction);
    auto* recent = new RecentProjectsMenu(m_settings, project);
    connect(recent, &RecentProjectsMenu::projectChosen, this, &MainWindow::openProject);
    project->addMenu(recent);
    project->addAction(m_demoAction);
    project->addSeparator();
    project->addAction(m_importAction);
    project->addAction(m_exportAction);
    project->addSeparator();
    project->addAction(m_closeAction);
    project->addAction(m_quitAction);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    m_workspaceMenu = view->addMenu(tr("&Workspace"));
    QMenu* language = view->addMenu(tr("&Language"));
    language->setObjectName(QStringLiteral("languageMenu"));
    auto* languages = new QActionGroup(language);
    const QString current = m_settings.language;
    QAction* system = language->addAction(tr("System Default"));
    system->setData(QString());
    for (const LanguageChoice& choice : availableLanguages())
        language->addAction(choice.nativeName)->setData(choice.code);
    for (QAction* action : language->actions()) {
        action->setCheckable(true);
        action->setChecked(action->data().toString() == current);
        languages->addAction(action);
    }
    connect(languages, &QActionGroup::triggered, this,
            [this](QAction* action) { chooseLanguage(action->data().toString()); });

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Bankbench"), this, &MainWindow::showAbout);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

void MainWindow::addWorkspace(Workspace* workspace, const QKeySequence& shortcut) {
    m_workspaces.push_back(workspace);
    m_stack->addWidget(workspace->widget());
    QAction* action = m_workspaceActions->addAction(workspace->icon(), workspace->title());
    action->setCheckable(true);
    action->setShortcut(shortcut);
    action->setData(workspace->id());
    connect(action, &QAction::triggered, this, [this, workspace] { switchToWorkspace(workspace); });
    m_workspaceBar->addAction(action);
    m_workspaceMenu->addAction(action);
    connect(workspace, &Workspace::statusTextChanged, this, &MainWindow::updateStatus);
}

Workspace* MainWindow::currentWorkspace() const {
    for (Workspace* workspace : m_workspaces) {
        if (workspace->widget() == m_stack->currentWidget())
            return workspace;
    }
    return nullptr;
}

void MainWindow::switchToWorkspace(Workspace* workspace) {
    Workspace* previous = currentWorkspace();
    if (previous && previous != workspace)
        previous->deactivate();
    m_stack->setCurrentWidget(workspace->widget());
    for (QAction* action : m_workspaceActions->actions())
        action->setChecked(action->data().toString() == workspace->id());
    workspace->activate();
    updateStatus();
}

QString MainWindow::projectDirectory() const {
    const QString remembered = m_settings.lastProjectDir;
    return remembered.isEmpty() ? QDir::homePath() : remembered;
}

void MainWindow::openProject(const QString& path) {
    if (m_job) {
        // A job writes into the open project; switching under it would show its result in the wrong one.
        showMessage(tr("A job is running"), tr("Wait for the running job to finish, or cancel it."), false);
        return;
    }
    statusBar()->showMessage(tr("Opening %1…").arg(QDir::toNativeSeparators(path)));
    m_session->openProject(path);
}

void MainWindow::newProject() {
    QString path = QFileDialog::getSaveFileName(this, tr("New Project"), projectDirectory(),
                                                tr("Bankbench projects (*.bbproj)"), nullptr,
                                                QFileDialog::DontConfirmOverwrite);
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix() != kProjectSuffix)
        path += QLatin1Char('.') + kProjectSuffix;
    m_session->createProject(path);
}

void MainWindow::newDemoProject() {
    QString path = QFileDialog::getSaveFileName(
        this, tr("New Demo Project"),
        QDir(projectDirectory()).filePath(QStringLiteral("bankbench-demo.bbproj")),
        tr("Bankbench projects (*.bbproj)"), nullptr, QFileDialog::DontConfirmOverwrite);
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix() != kProjectSuffix)
        path += QLatin1Char('.') + kProjectSuffix;
    statusBar()->showMessage(tr("Writing the demo project…"));
    m_session->createDemoProject(path);
}

void MainWindow::chooseProjectToOpen() {
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Project"), projectDirectory(),
                                                      tr("Bankbench projects (*.bbproj);;All files (*)"));
    if (!path.isEmpty())
        openProject(path);
}

void MainWindow::onProjectOpened(const QString& path) {
    m_indexingPaused = false;
    m_settings.addRecentProject(path);
    m_settings.lastProjectDir = QFileInfo(path).absolutePath();
    statusBar()->clearMessage();
    updateActions();
    updateStatus();
}

void MainWindow::onProjectFailed(const QString& path, const QString& message) {
    statusBar()->clearMessage();
    showMessage(tr("Cannot open project"),
                tr("Bankbench could not open %1.\n\n%2").arg(QDir::toNativeSeparators(path), message), true);
}

void MainWindow::showImportDialog(const QString& filePath) {
    if (!m_session->isOpen()) {
        showMessage(tr("No project open"),
                    tr("Open or create a project first; imported data is stored in it."), false);
        return;
    }
    if (m_importDialog) {
        m_importDialog->raise();
        if (!filePath.isEmpty())
            m_importDialog->setFilePath(filePath);
        return;
    }
    auto* dialog = new ImportDialog(m_session->datasetNames(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_importDialog = dialog;
    if (!filePath.isEmpty())
        dialog->setFilePath(filePath);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        m_settings.lastImportDir = QFileInfo(dialog->filePath()).absolutePath();
        startImport(dialog->options());
    });
    dialog->open();
}

void MainWindow::startImport(const core::ImportOptions& options) {
    startJob(new ImportJob(m_session->path(), options, this));
}

void MainWindow::exportData() {
    if (!m_session->isOpen() || m_session->datasets().isEmpty())
        return;
    auto* dialog =
        new ExportDialog(m_session->datasets(), m_data->currentDatasetId(), m_settings.lastExportDir, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const core::ExportOptions options = dialog->options();
        m_settings.lastExportDir = QFileInfo(toQString(options.outPath)).absolutePath();
        startExport(options);
    });
    dialog->open();
}

void MainWindow::startExport(const core::ExportOptions& options) {
    startJob(new ExportJob(m_session->path(), options, this));
}

void MainWindow::startJob(Job* job) {
    if (m_job) {
        delete job;
        showMessage(tr("A job is running"), tr("Wait for the running job to finish, or cancel it."), false);
        return;
    }
    m_job = job;
    connect(job, &Job::finished, this, &MainWindow::onJobFinished);
    m_jobIndicator->attach(job);
    job->start();
    updateActions();
}

void MainWindow::maybeStartIndexing() {
    if (m_session->isOpen() && !m_session->isBusy() && !m_job && !m_indexingPaused &&
        m_session->needsIndexing())
        startJob(new IndexJob(m_session->path(), this));
}

void MainWindow::onJobFinished() {
    Job* job = m_job;
    m_job = nullptr;
    if (!job)
        return;
    job->deleteLater();
    if (qobject_cast<IndexJob*>(job)) {
        // A failed or cancelled run is not retried automatically; reopening the project resumes it.
        m_indexingPaused = job->outcome() != Job::Outcome::Succeeded;
        m_session->refreshDatasets();
    }
    if (job->outcome() == Job::Outcome::Failed) {
        showMessage(job->title(), job->message(), true);
    } else {
        statusBar()->showMessage(job->message(), 6000);
    }
    if (auto* import = qobject_cast<ImportJob*>(job); import && import->result() && m_session->isOpen()) {
        const core::ImportResult& result = *import->result();
        m_data->showDataset(result.datasetId);
        m_session->refreshDatasets();
        switchToWorkspace(m_data);
        if (result.warningCount > 0 || result.rowsSkipped > 0) {
            auto* report = new ImportReportDialog(toQString(import->options().datasetName), result, this);
            report->setAttribute(Qt::WA_DeleteOnClose);
            report->show();
        }
    }
    updateActions();
    emit jobFinished();
}

void MainWindow::chooseLanguage(const QString& code) {
    if (code == m_settings.language.get())
        return;
    m_settings.language = code;
    m_settings.sync();
    QMessageBox box(QMessageBox::Information, tr("Language"),
                    tr("The new language is used after Bankbench restarts."), QMessageBox::NoButton, this);
    QPushButton* restart = box.addButton(tr("Restart Now"), QMessageBox::AcceptRole);
    box.addButton(tr("Later"), QMessageBox::RejectRole);
    box.exec();
    if (box.clickedButton() != restart)
        return;
    if (m_job) {
        showMessage(tr("A job is running"), tr("Restart Bankbench after the running job has finished."),
                    false);
        return;
    }
    QStringList arguments;
    if (m_session->isOpen())
        arguments << m_session->path();
    if (close())
        QProcess::startDetached(QApplication::applicationFilePath(), arguments);
}

void MainWindow::showAbout() {
    auto* about = new AboutDialog(this);
    about->setAttribute(Qt::WA_DeleteOnClose);
    about->open();
}

void MainWindow::updateActions() {
    const bool open = m_session->isOpen();
    const bool idle = !m_job && !m_session->isBusy();
    m_importAction->setEnabled(open && idle);
    m_exportAction->setEnabled(open && idle && !m_session->datasets().isEmpty());
    m_closeAction->setEnabled(open && idle);
    m_newAction->setEnabled(idle);
    m_demoAction->setEnabled(idle);
    m_openAction->setEnabled(idle);
}

void MainWindow::updateStatus() {
    const QString path = m_session->path();
    if (path.isEmpty()) {
        setWindowTitle(tr("Bankbench"));
        m_projectLabel->setText(tr("No project open"));
        m_projectLabel->setToolTip(QString());
    } else {
        setWindowTitle(tr("%1 — Bankbench").arg(QFileInfo(path).fileName()));
        m_projectLabel->setText(tr("Project: %1").arg(QFileInfo(path).fileName()));
        m_projectLabel->setToolTip(QDir::toNativeSeparators(path));
    }
    Workspace* workspace = currentWorkspace();
    m_workspaceStatus->setText(workspace ? workspace->statusText() : QString());
}

Job* MainWindow::currentJob() const {
    return m_job;
}

ImportDialog* MainWindow::importDialog() const {
    return m_importDialog;
}

QString MainWindow::workspaceStatusText() const {
    return m_workspaceStatus->text();
}

void MainWindow::showMessage(const QString& title, const QString& text, bool error) {
    // open(), not exec(): a message must never stall background jobs' signals or tests.
    auto* box = new QMessageBox(error ? QMessageBox::Critical : QMessageBox::Information, title, text,
                                QMessageBox::NoButton, this);
    box->addButton(tr("OK"), QMessageBox::AcceptRole);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setTextInteractionFlags(Qt::TextSelectableByMouse);
    box->open();
}

void MainWindow::closeEvent(QCloseEvent* event) {
    if (m_job) {
        QMessageBox box(QMessageBox::Question, tr("Quit Bankbench"),
                        tr("%1 is still running. Cancel it and quit?").arg(m_job->title()),
                        QMessageBox::NoButton, this);
        QPushButton* quit = box.addButton(tr("Cancel Job and Quit"), QMessageBox::AcceptRole);
        box.addButton(tr("Keep Running"), QMessageBox::RejectRole);
        box.exec();
        if (box.clickedButton() != quit) {
            event->ignore();
            return;
        }
        m_job->cancel();
    }
    for (Workspace* workspace : m_workspaces)
        workspace->saveState(m_settings);
    if (Workspace* workspace = currentWorkspace())
        m_settings.currentWorkspace = workspace->id();
    m_settings.mainWindowGeometry = saveGeometry();
    m_settings.mainWindowState = saveState();
    m_settings.sync();
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
    if (!droppedFile(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event) {
    const QString path = droppedFile(event->mimeData());
    if (path.isEmpty())
        return;
    event->acceptProposedAction();
    if (QFileInfo(path).suffix().toLower() == kProjectSuffix)
        openProject(path);
    else
        showImportDialog(path);
}

} // namespace bankbench::ui
