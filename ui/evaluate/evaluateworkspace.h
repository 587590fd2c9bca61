#pragma once

#include "evaluate/evaluationresult.h"
#include "shell/workspace.h"

#include <store/runstore.h>

#include <QPointer>

#include <memory>
#include <vector>

class QComboBox;
class QCustomPlot;
class QLabel;
class QProgressBar;
class QPushButton;
class QSplitter;
class QStackedWidget;
class QTabWidget;
class QTableView;
class QTableWidget;
class QToolButton;

namespace bankbench::ui {

class ConfusionPlot;
class DecisionCommand;
class DrillDownPanel;
class EvaluationRunner;
class LabelWorkspace;
class ProjectSession;
class ReportSortProxy;
class ReportTableModel;

/// Evaluate a trained run on a dataset or on its own validation split: the classification report, the
/// confusion matrix with the examples behind each cell (relabel them through the label workspace's undo
/// stack, or open them there), calibration charts, and exports (CSV, HTML, PNG/PDF). The header always
/// names the model and the data shown. Evaluations run on the runner's worker thread. GUI thread; the
/// main window owns it.
class EvaluateWorkspace : public Workspace {
    Q_OBJECT

public:
    explicit EvaluateWorkspace(ProjectSession& session, QObject* parent = nullptr);
    ~EvaluateWorkspace() override;

    QString id() const override { return QStringLiteral("evaluate"); }
    QString title() const override;
    QIcon icon() const override;
    QWidget* widget() const override;
    void activate() override;
    void saveState(AppSettings& settings) const override;
    void restoreState(const AppSettings& settings) override;
    QString statusText() const override;

    /// Where relabels go (decisions through its undo stack) and examples open. Without one, relabeling is
    /// off.
    void setLabelWorkspace(LabelWorkspace* label);

    /// Reloads the run list (after a run finished elsewhere).
    void refreshRuns();
    /// Evaluates run `runName` on `datasetName` (empty: the run's validation split).
    void evaluate(const QString& runName, const QString& datasetName = QString());
    void cancelEvaluation();
    /// Shows the examples of one confusion-matrix cell in the drill-down panel.
    void showCell(int trueClass, int predictedClass);
    /// Exports the report table (as sorted on screen) or the whole evaluation; a translated error or "".
    QString exportReportCsv(const QString& path) const;
    QString exportReportHtml(const QString& path) const;
    QString exportEvaluationHtml(const QString& path) const;

    std::shared_ptr<const EvaluationResult> result() const { return m_result; }
    bool isEvaluating() const;
    QString heading() const;
    const std::vector<core::RunInfo>& runs() const { return m_runs; }
    QComboBox* runChoice() const { return m_runChoice; }
    QComboBox* dataChoice() const { return m_dataChoice; }
    QTabWidget* tabs() const { return m_tabs; }
    QTableView* reportView() const { return m_reportView; }
    ConfusionPlot* confusionPlot() const { return m_confusion; }
    QTableWidget* topConfusions() const { return m_topConfusions; }
    DrillDownPanel* drillDown() const { return m_drill; }
    QCustomPlot* reliabilityPlot() const { return m_reliability; }
    QCustomPlot* histogramPlot() const { return m_histogram; }
    QComboBox* valueChoice() const { return m_valueChoice; }
    QPushButton* cancelButton() const { return m_cancelButton; }
    QSplitter* confusionSplitter() const { return m_confusionSplitter; }
    QSplitter* sideSplitter() const { return m_sideSplitter; }
    EvaluationRunner* runner() const { return m_runner; }

signals:
    /// The drill-down asked to retrain this run with the same settings on the corrected labels.
    void retrainRequested(const QString& runName);
    /// The label workspace should be shown (an example was opened there).
    void labelWorkspaceRequested();
    /// An evaluation finished (or failed / was cancelled); tests and screenshots wait for it.
    void evaluationFinished(bool ok);
    /// A relabel was stored through the label workspace (or undone).
    void relabelled(core::RecordId record);

private:
    void buildWidgets();
    QWidget* buildConfusionTab();
    QWidget* buildCalibrationTab();
    void onProjectChanged();
    void onRunsListed(const std::vector<core::RunInfo>& runs, const QString& error);
    void fillDataChoice();
    void startFromChoices();
    void onFinished(std::shared_ptr<const EvaluationResult> result);
    void onFailed(const QString& message, bool cancelled);
    void showResult();
    void updateHeading();
    void updateControls();
    void fillTopConfusions();
    void relabel(const ml::EvalExample& example, const QString& label);
    void undoRelabel();
    /// The label undo stack's top command when it is one of the drill-down's relabels, else nullptr.
    const DecisionCommand* ownUndoCommand() const;
    void openInLabelWorkspace(const ml::EvalExample& example);
    void chooseExport(int kind);
    QList<QPair<QString, QImage>> plotImages() const;

    ProjectSession& m_session;
    QPointer<LabelWorkspace> m_label;
    EvaluationRunner* m_runner;
    std::vector<core::RunInfo> m_runs;
    std::shared_ptr<const EvaluationResult> m_result;
    QString m_error;
    QString m_pendingRun; ///< run to select once the list arrives
    /// Tokens of the relabels made here: the drill-down's Undo only takes back one of these, never another
    /// workspace's edit that happens to be on top of the shared stack.
    QList<quint64> m_relabelTokens;
    /// restoreState(): choices waiting for their project to open.
    QString m_restoredProject;
    QString m_restoredRun;
    QString m_restoredData;

    QPointer<QWidget> m_widget;
    QComboBox* m_runChoice = nullptr;
    QComboBox* m_dataChoice = nullptr;
    QPushButton* m_evaluateButton = nullptr;
    QPushButton* m_cancelButton = nullptr;
    QProgressBar* m_progress = nullptr;
    QToolButton* m_exportButton = nullptr;
    QLabel* m_heading = nullptr;
    QTabWidget* m_tabs = nullptr;
    ReportTableModel* m_reportModel = nullptr;
    ReportSortProxy* m_reportProxy = nullptr;
    QTableView* m_reportView = nullptr;
    QLabel* m_summary = nullptr;
    ConfusionPlot* m_confusion = nullptr;
    QComboBox* m_valueChoice = nullptr;
    QComboBox* m_orderChoice = nullptr;
    QTableWidget* m_topConfusions = nullptr;
    DrillDownPanel* m_drill = nullptr;
    QSplitter* m_confusionSplitter = nullptr;
    QSplitter* m_sideSplitter = nullptr; ///< top confusions above the drill-down
    QStackedWidget* m_calibrationPages = nullptr;
    QCustomPlot* m_reliability = nullptr;
    QCustomPlot* m_histogram = nullptr;
    QCustomPlot* m_perLabel = nullptr;
};

} // namespace bankbench::ui
