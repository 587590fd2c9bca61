#include "evaluate/evaluateworkspace.h"

#include "common/appsettings.h"
#include "common/projectsession.h"
#include "common/qtconvert.h"
#include "evaluate/calibrationplots.h"
#include "evaluate/confusionplot.h"
#include "evaluate/drilldownpanel.h"
#include "evaluate/evaluationrunner.h"
#include "evaluate/plotexport.h"
#include "evaluate/reportsortproxy.h"
#include "evaluate/reporttablemodel.h"
#include "label/labelsession.h"
#include "label/labelworkspace.h"

#include <qcustomplot.h>

#include <QApplication>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QStyle>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

namespace bankbench::ui {

EvaluateWorkspace::EvaluateWorkspace(ProjectSession& session, QObject* parent)
    : Workspace(parent), m_session(session), m_runner(new EvaluationRunner(this)) {
    buildWidgets();
    connect(m_runner, &EvaluationRunner::progressChanged, this, [this](qint64 done, qint64 total) {
        m_progress->setRange(0, static_cast<int>(std::max<qint64>(total, 1)));
        m_progress->setValue(static_cast<int>(done));
        m_progress->setFormat(
            tr("%1 of %2 examples").arg(QLocale().toString(done), QLocale().toString(total)));
    });
    connect(m_runner, &EvaluationRunner::finished, this, &EvaluateWorkspace::onFinished);
    connect(m_runner, &EvaluationRunner::failed, this, &EvaluateWorkspace::onFailed);
    connect(&m_session, &ProjectSession::projectOpened, this, &EvaluateWorkspace::onProjectChanged);
    connect(&m_session, &ProjectSession::projectClosed, this, &EvaluateWorkspace::onProjectChanged);
    connect(&m_session, &ProjectSession::datasetsChanged, this, &EvaluateWorkspace::fillDataChoice);
    onProjectChanged();
}

EvaluateWorkspace::~EvaluateWorkspace() {
    delete m_widget; // before the runner (a child QObject) stops its thread
}

QString EvaluateWorkspace::title() const {
    return tr("Evaluate");
}

QIcon EvaluateWorkspace::icon() const {
    return qApp->style()->standardIcon(QStyle::SP_FileDialogContentsView);
}

QWidget* EvaluateWorkspace::widget() const {
    return m_widget;
}

void EvaluateWorkspace::activate() {
    refreshRuns(); // a run may have finished in the Train workspace meanwhile
}

void EvaluateWorkspace::saveState(AppSettings& settings) const {
    QVariantMap state;
    state.insert(QStringLiteral("percent"), m_valueChoice->currentIndex() == 1);
    state.insert(QStringLiteral("tab"), m_tabs->currentIndex());
    state.insert(QStringLiteral("splitter"), m_confusionSplitter->saveState());
    state.insert(QStringLiteral("sideSplitter"), m_sideSplitter->saveState());
    // The run and the data belong to one project: remembered with it, chosen again when it reopens.
    if (m_session.isOpen()) {
        state.insert(QStringLiteral("project"), m_session.path());
        state.insert(QStringLiteral("run"), m_runChoice->currentData().toString());
        state.insert(QStringLiteral("data"), m_dataChoice->currentData().toString());
    } else if (!m_restoredProject.isEmpty()) {
        state.insert(QStringLiteral("project"), m_restoredProject);
        state.insert(QStringLiteral("run"), m_restoredRun);
        state.insert(QStringLiteral("data"), m_restoredData);
    }
    settings.evaluateState = state;
}

void EvaluateWorkspace::restoreState(const AppSettings& settings) {
    const QVariantMap state = settings.evaluateState;
    m_valueChoice->setCurrentIndex(state.value(QStringLiteral("percent")).toBool() ? 1 : 0);
    const int tab = state.value(QStringLiteral("tab"), 0).toInt();
    if (tab >= 0 && tab < m_tabs->count())
        m_tabs->setCurrentIndex(tab);
    for (const auto& [key, splitter] : {std::pair{QStringLiteral("splitter"), m_confusionSplitter},
                                        std::pair{QStringLiteral("sideSplitter"), m_sideSplitter}}) {
        const QByteArray bytes = state.value(key).toByteArray();
        if (!bytes.isEmpty())
            splitter->restoreState(bytes);
    }
    m_restoredProject = state.value(QStringLiteral("project")).toString();
    m_restoredRun = state.value(QStringLiteral("run")).toString();
    m_restoredData = state.value(QStringLiteral("data")).toString();
    if (m_session.isOpen()) {
        fillDataChoice();
        refreshRuns();
    }
}

QString EvaluateWorkspace::statusText() const {
    if (!m_result)
        return isEvaluating() ? tr("Evaluating…") : QString();
    return heading();
}

void EvaluateWorkspace::setLabelWorkspace(LabelWorkspace* label) {
    m_label = label;
    if (label)
        // Context: the widget, which the main window destroys before the label workspace's undo stack
        // (whose destructor still signals canUndoChanged).
        connect(label->session()->undoStack(), &QUndoStack::indexChanged, m_widget.data(), [this] {
            // Tokens count from 1 again in a new project's session, whose stack starts empty.
            if (m_label->session()->undoStack()->count() == 0)
                m_relabelTokens.clear();
            updateControls();
        });
    updateControls();
}

bool EvaluateWorkspace::isEvaluating() const {
    return m_runner->isRunning();
}

void EvaluateWorkspace::buildWidgets() {
    m_widget = new QWidget;
    m_widget->setObjectName(QStringLiteral("evaluateWorkspace"));
    m_runChoice = new QComboBox(m_widget);
    m_runChoice->setObjectName(QStringLiteral("evaluateRunChoice"));
    m_runChoice->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_runChoice->setMinimumContentsLength(16);
    m_dataChoice = new QComboBox(m_widget);
    m_dataChoice->setObjectName(QStringLiteral("evaluateDataChoice"));
    m_dataChoice->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_dataChoice->setMinimumContentsLength(16);
    m_evaluateButton = new QPushButton(tr("Evaluate"), m_widget);
    m_evaluateButton->setObjectName(QStringLiteral("evaluateButton"));
    m_evaluateButton->setDefault(true);
    m_cancelButton = new QPushButton(tr("Cancel"), m_widget);
    m_progress = new QProgressBar(m_widget);
    m_progress->setTextVisible(true);
    m_progress->setMaximumWidth(260);
    m_exportButton = new QToolButton(m_widget);
    m_exportButton->setText(tr("Export"));
    m_exportButton->setPopupMode(QToolButton::InstantPopup);
    m_exportButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto* exportMenu = new QMenu(m_exportButton);
    exportMenu->addAction(tr("Report as CSV…"), this, [this] { chooseExport(0); });
    exportMenu->addAction(tr("Report as HTML…"), this, [this] { chooseExport(1); });
    exportMenu->addAction(tr("Whole Evaluation as HTML Report…"), this, [this] { chooseExport(2); });
    exportMenu->addAction(tr("Current Chart as PNG or PDF…"), this, [this] { chooseExport(3); });
    m_exportButton->setMenu(exportMenu);
    connect(m_evaluateButton, &QPushButton::clicked, this, &EvaluateWorkspace::startFromChoices);
    connect(m_cancelButton, &QPushButton::clicked, this, &EvaluateWorkspace::cancelEvaluation);
    connect(m_runChoice, qOverload<int>(&QComboBox::currentIndexChanged), this, [this] { updateControls(); });

    auto* bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Run:"), m_widget));
    bar->addWidget(m_runChoice);
    bar->addSpacing(8);
    bar->addWidget(new QLabel(tr("Data:"), m_widget));
    bar->addWidget(m_dataChoice);
    bar->addWidget(m_evaluateButton);
    bar->addWidget(m_cancelButton);
    bar->addWidget(m_progress);
    bar->addStretch(1);
    bar->addWidget(m_exportButton);

    m_heading = new QLabel(m_widget);
    m_heading->setObjectName(QStringLiteral("evaluateHeading"));
    m_heading->setWordWrap(true);
    m_heading->setTextFormat(Qt::PlainText);
    m_heading->setStyleSheet(QStringLiteral("QLabel { background: palette(alternate-base); padding: 6px; "
                                            "border: 1px solid palette(mid); border-radius: 3px; }"));
    QFont headingFont = m_heading->font();
    headingFont.setPointSizeF(headingFont.pointSizeF() + 1);
    m_heading->setFont(headingFont);

    m_reportModel = new ReportTableModel(this);
    m_reportProxy = new ReportSortProxy(this);
    m_reportProxy->setSourceModel(m_reportModel);
    m_reportView = new QTableView(m_widget);
    m_reportView->setObjectName(QStringLiteral("reportTable"));
    m_reportView->setModel(m_reportProxy);
    m_reportView->setSortingEnabled(true);
    m_reportView->sortByColumn(-1, Qt::AscendingOrder); // model order until a header is clicked
    m_reportView->setAlternatingRowColors(true);
    m_reportView->verticalHeader()->hide();
    m_reportView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_reportView->horizontalHeader()->setStretchLastSection(true);
    m_summary = new QLabel(m_widget);
    m_summary->setWordWrap(true);
    auto* reportPage = new QWidget(m_widget);
    auto* reportLayout = new QVBoxLayout(reportPage);
    reportLayout->addWidget(m_summary);
    reportLayout->addWidget(m_reportView, 1);

    m_tabs = new QTabWidget(m_widget);
    m_tabs->setObjectName(QStringLiteral("evaluateTabs"));
    m_tabs->addTab(buildConfusionTab(), tr("Confusion Matrix"));
    m_tabs->addTab(reportPage, tr("Classification Report"));
    m_tabs->addTab(buildCalibrationTab(), tr("Calibration"));

    auto* layout = new QVBoxLayout(m_widget);
    layout->addLayout(bar);
    layout->addWidget(m_heading);
    layout->addWidget(m_tabs, 1);
}

QWidget* EvaluateWorkspace::buildConfusionTab() {
    auto* page = new QWidget(m_widget);
    m_confusion = new ConfusionPlot(page);
    plotexport::addExportMenu(*m_confusion, QStringLiteral("confusion-matrix"));
    m_valueChoice = new QComboBox(page);
    m_valueChoice->addItem(tr("Counts"));
    m_valueChoice->addItem(tr("Row percentages"));
    m_orderChoice = new QComboBox(page);
    m_orderChoice->addItem(tr("Label order"));
    m_orderChoice->addItem(tr("Most errors first"));
    auto* resetZoom = new QPushButton(tr("Reset Zoom"), page);
    connect(m_valueChoice, qOverload<int>(&QComboBox::currentIndexChanged), this,
            [this](int index) { m_confusion->setNormalized(index == 1); });
    connect(m_orderChoice, qOverload<int>(&QComboBox::currentIndexChanged), this, [this](int index) {
        m_confusion->setOrder(index == 1 ? ConfusionPlot::Order::ByErrors : ConfusionPlot::Order::ByLabel);
    });
    connect(resetZoom, &QPushButton::clicked, m_confusion, &ConfusionPlot::resetZoom);
    connect(m_confusion, &ConfusionPlot::cellClicked, this, &EvaluateWorkspace::showCell);
    auto* tools = new QHBoxLayout;
    tools->addWidget(new QLabel(tr("Show:"), page));
    tools->addWidget(m_valueChoice);
    tools->addWidget(new QLabel(tr("Order:"), page));
    tools->addWidget(m_orderChoice);
    tools->addWidget(resetZoom);
    tools->addStretch(1);
    auto* hint = new QLabel(tr("Wheel: zoom · drag: pan · click a cell: its examples"), page);
    hint->setEnabled(false);
    tools->addWidget(hint);
    auto* left = new QWidget(page);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addLayout(tools);
    leftLayout->addWidget(m_confusion, 1);

    m_topConfusions = new QTableWidget(0, 3, page);
    m_topConfusions->setObjectName(QStringLiteral("topConfusions"));
    m_topConfusions->setHorizontalHeaderLabels({tr("True label"), tr("Predicted as"), tr("Count")});
    m_topConfusions->verticalHeader()->hide();
    m_topConfusions->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_topConfusions->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_topConfusions->setSelectionMode(QAbstractItemView::SingleSelection);
    m_topConfusions->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_topConfusions->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_topConfusions->horizontalHeader()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    connect(m_topConfusions, &QTableWidget::cellClicked, this, [this](int row, int) {
        const QTableWidgetItem* item = m_topConfusions->item(row, 0);
        if (item)
            showCell(item->data(Qt::UserRole).toInt(), item->data(Qt::UserRole + 1).toInt());
    });
    auto* topBox = new QWidget(page);
    auto* topLayout = new QVBoxLayout(topBox);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addWidget(new QLabel(tr("Top confusions"), topBox));
    topLayout->addWidget(m_topConfusions, 1);

    m_drill = new DrillDownPanel(page);
    connect(m_drill, &DrillDownPanel::relabelRequested, this, &EvaluateWorkspace::relabel);
    connect(m_drill, &DrillDownPanel::undoRequested, this, &EvaluateWorkspace::undoRelabel);
    connect(m_drill, &DrillDownPanel::openRequested, this, &EvaluateWorkspace::openInLabelWorkspace);
    connect(m_drill, &DrillDownPanel::retrainRequested, this, [this] {
        if (m_result)
            emit retrainRequested(toQString(m_result->detail->runName));
    });
    m_sideSplitter = new QSplitter(Qt::Vertical, page);
    m_sideSplitter->setObjectName(QStringLiteral("evaluateSideSplitter"));
    m_sideSplitter->addWidget(topBox);
    m_sideSplitter->addWidget(m_drill);
    m_sideSplitter->setStretchFactor(0, 1);
    m_sideSplitter->setStretchFactor(1, 3);

    m_confusionSplitter = new QSplitter(Qt::Horizontal, page);
    m_confusionSplitter->setObjectName(QStringLiteral("evaluateConfusionSplitter"));
    m_confusionSplitter->addWidget(left);
    m_confusionSplitter->addWidget(m_sideSplitter);
    m_confusionSplitter->setStretchFactor(0, 3);
    m_confusionSplitter->setStretchFactor(1, 2);
    auto* layout = new QVBoxLayout(page);
    layout->addWidget(m_confusionSplitter);
    return page;
}

QWidget* EvaluateWorkspace::buildCalibrationTab() {
    m_calibrationPages = new QStackedWidget(m_widget);
    auto* single = new QWidget(m_calibrationPages);
    m_reliability = new QCustomPlot(single);
    m_reliability->setObjectName(QStringLiteral("reliabilityPlot"));
    m_histogram = new QCustomPlot(single);
    m_histogram->setObjectName(QStringLiteral("confidenceHistogram"));
    plotexport::addExportMenu(*m_reliability, QStringLiteral("reliability-diagram"));
    plotexport::addExportMenu(*m_histogram, QStringLiteral("confidence-histogram"));
    auto* layout = new QHBoxLayout(single);
    layout->addWidget(m_reliability);
    layout->addWidget(m_histogram);
    m_perLabel = new QCustomPlot(m_calibrationPages);
    m_perLabel->setObjectName(QStringLiteral("perLabelPlot"));
    plotexport::addExportMenu(*m_perLabel, QStringLiteral("per-label-f1"));
    m_calibrationPages->addWidget(single);
    m_calibrationPages->addWidget(m_perLabel);
    return m_calibrationPages;
}

void EvaluateWorkspace::onProjectChanged() {
    m_runner->cancel();
    m_relabelTokens.clear();
    m_result.reset();
    m_runs.clear();
    m_error.clear();
    showResult();
    fillDataChoice();
    refreshRuns();
}

void EvaluateWorkspace::refreshRuns() {
    if (!m_session.isOpen()) {
        onRunsListed({}, QString());
        return;
    }
    m_runner->listRuns(m_session.path(),
                       [this, path = m_session.path()](const auto& runs, const QString& error) {
                           if (path == m_session.path())
                               onRunsListed(runs, error);
                       });
}

void EvaluateWorkspace::onRunsListed(const std::vector<core::RunInfo>& runs, const QString& error) {
    QString selected = m_pendingRun.isEmpty() ? m_runChoice->currentData().toString() : m_pendingRun;
    if (m_pendingRun.isEmpty() && !m_restoredRun.isEmpty() && m_session.isOpen() &&
        m_session.path() == m_restoredProject) {
        selected = m_restoredRun; // once, when the remembered project opens again
        m_restoredRun.clear();
    }
    m_runs.clear();
    for (const core::RunInfo& run : runs) {
        // Only runs that kept a model can be evaluated.
        if (run.status == core::RunStatus::Finished || run.status == core::RunStatus::Cancelled)
            m_runs.push_back(run);
    }
    const QSignalBlocker block(m_runChoice);
    m_runChoice->clear();
    for (const core::RunInfo& run : m_runs) {
        const QString name = toQString(run.name);
        m_runChoice->addItem(tr("%1 (%2, %3)").arg(name, toQString(run.model), toQString(run.datasetName)),
                             name);
    }
    const int index = m_runChoice->findData(selected);
    m_runChoice->setCurrentIndex(index >= 0 ? index : (m_runs.empty() ? -1 : 0));
    if (!error.isEmpty())
        m_error = tr("Cannot list the runs: %1").arg(error);
    updateHeading();
    updateControls();
    if (!m_pendingRun.isEmpty()) {
        const QString pending = m_pendingRun;
        m_pendingRun.clear();
        if (index >= 0)
            evaluate(pending, m_dataChoice->currentData().toString());
        else
            m_error = tr("There is no finished run named “%1” in this project.").arg(pending);
        updateHeading();
    }
}

void EvaluateWorkspace::fillDataChoice() {
    QString selected = m_dataChoice->currentData().toString();
    const bool restoring =
        !m_restoredData.isEmpty() && m_session.isOpen() && m_session.path() == m_restoredProject;
    if (restoring)
        selected = m_restoredData;
    const QSignalBlocker block(m_dataChoice);
    m_dataChoice->clear();
    m_dataChoice->addItem(tr("Validation split of the run"), QString());
    for (const core::DatasetInfo& dataset : m_session.datasets()) {
        if (dataset.labelSetId)
            m_dataChoice->addItem(tr("Dataset “%1”").arg(toQString(dataset.name)), toQString(dataset.name));
    }
    const int index = m_dataChoice->findData(selected);
    m_dataChoice->setCurrentIndex(std::max(index, 0));
    if (restoring && index >= 0)
        m_restoredData.clear(); // once the remembered dataset is listed
}

void EvaluateWorkspace::startFromChoices() {
    const QString run = m_runChoice->currentData().toString();
    if (!run.isEmpty())
        evaluate(run, m_dataChoice->currentData().toString());
}

void EvaluateWorkspace::evaluate(const QString& runName, const QString& datasetName) {
    if (!m_session.isOpen())
        return;
    if (m_runChoice->findData(runName) < 0) {
        m_pendingRun = runName; // listed soon: evaluate then
        if (const int data = m_dataChoice->findData(datasetName); data >= 0)
            m_dataChoice->setCurrentIndex(data);
        refreshRuns();
        return;
    }
    m_runChoice->setCurrentIndex(m_runChoice->findData(runName));
    if (const int data = m_dataChoice->findData(datasetName); data >= 0)
        m_dataChoice->setCurrentIndex(data);
    ml::EvalDetailRequest request;
    request.projectPath = toStdString(m_session.path());
    request.runName = toStdString(runName);
    request.datasetName = toStdString(datasetName);
    m_error.clear();
    m_progress->setRange(0, 0);
    m_progress->setFormat(tr("Loading the model…"));
    m_runner->start(request);
    updateHeading();
    updateControls();
    emit statusTextChanged();
}

void EvaluateWorkspace::cancelEvaluation() {
    m_runner->cancel();
}

void EvaluateWorkspace::onFinished(std::shared_ptr<const EvaluationResult> result) {
    m_result = std::move(result);
    showResult();
    emit statusTextChanged();
    emit evaluationFinished(true);
}

void EvaluateWorkspace::onFailed(const QString& message, bool cancelled) {
    m_error = cancelled ? tr("The evaluation was cancelled.") : tr("The evaluation failed: %1").arg(message);
    updateHeading();
    updateControls();
    emit statusTextChanged();
    emit evaluationFinished(false);
}

} // namespace bankbench::ui
