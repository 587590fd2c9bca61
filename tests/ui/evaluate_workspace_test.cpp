// The Evaluate workspace on a trained run: evaluation with progress, the confusion matrix and the examples
// behind a clicked cell, relabeling through the label workspace's undo stack, sorting and exports.

#include "evaluate_fixtures.h"
#include "labelfixtures.h"
#include "uifixtures.h"

#include "common/appsettings.h"
#include "common/projectsession.h"
#include "evaluate/cellexamplesmodel.h"
#include "evaluate/confusionplot.h"
#include "evaluate/drilldownpanel.h"
#include "evaluate/evaluateworkspace.h"
#include "evaluate/evaluationrunner.h"
#include "label/labelsession.h"
#include "label/labelworkspace.h"
#include "shell/mainwindow.h"

#include "support/testsupport.h"

#include <QAction>
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSemaphore>
#include <QSignalSpy>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <QUndoStack>

#include <ml/trainjob.h>

#include <gtest/gtest.h>

#include <memory>
#include <set>

using namespace bankbench;
using test::qs;

namespace {

class EvaluateWorkspaceTest : public ::testing::Test {
protected:
    void SetUp() override {
        m_project = test::createEvaluationProject(m_dir.path().string());
        m_settings = std::make_unique<ui::AppSettings>(qs(m_dir.file("settings.ini")));
        m_settings->annotatorName = QStringLiteral("alice");
        m_window = std::make_unique<ui::MainWindow>(*m_settings);
        m_window->resize(1360, 860);
        m_window->show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(m_window.get()));
        for (QAction* action : m_window->findChildren<QAction*>()) {
            if (action->data().toString() == QStringLiteral("evaluate"))
                action->trigger();
        }
        ASSERT_EQ(m_window->currentWorkspace(), workspace());
        m_window->openProject(qs(m_project));
        ASSERT_TRUE(QTest::qWaitFor(
            [&] { return m_window->session().isOpen() && !workspace()->runs().empty(); }, 15000));
    }

    ui::EvaluateWorkspace* workspace() const { return m_window->evaluateWorkspace(); }
    ui::LabelSession& labelSession() const { return *m_window->labelWorkspace()->session(); }

    /// Evaluates run "small" on `dataset` and waits for the result.
    void evaluate(const QString& dataset) {
        QSignalSpy finished(workspace(), &ui::EvaluateWorkspace::evaluationFinished);
        workspace()->evaluate(QStringLiteral("small"), dataset);
        ASSERT_TRUE(finished.wait(30000) || finished.count() > 0);
        ASSERT_TRUE(finished.last().at(0).toBool()) << workspace()->heading().toStdString();
        ASSERT_TRUE(workspace()->result());
    }

    /// The off-diagonal cell with the most examples.
    QPair<int, int> busiestError() const {
        const auto& result = *workspace()->result();
        QPair<int, int> best(-1, -1);
        qint64 most = 0;
        for (int t = 0; t < result.classes; ++t)
            for (int p = 0; p < result.classes; ++p)
                if (t != p && result.count(t, p) > most) {
                    most = result.count(t, p);
                    best = {t, p};
                }
        return best;
    }

    test::TempDir m_dir;
    std::string m_project;
    std::unique_ptr<ui::AppSettings> m_settings;
    std::unique_ptr<ui::MainWindow> m_window;
};

} // namespace

TEST_F(EvaluateWorkspaceTest, HeaderNamesTheModelAndTheData) {
    evaluate(QStringLiteral("holdout"));
    const QString heading = workspace()->heading();
    EXPECT_TRUE(heading.contains(QStringLiteral("“small”"))) << heading.toStdString();
    EXPECT_TRUE(heading.contains(QStringLiteral("dataset “holdout” (40 examples)"))) << heading.toStdString();
    EXPECT_TRUE(heading.contains(QStringLiteral("trained on “intents”"))) << heading.toStdString();
    EXPECT_EQ(m_window->workspaceStatusText(), heading);

    evaluate(QString()); // the run's validation split
    const auto& detail = *workspace()->result()->detail;
    EXPECT_TRUE(detail.validationSplit);
    EXPECT_TRUE(workspace()->heading().contains(QStringLiteral("validation split of dataset “intents”")))
        << workspace()->heading().toStdString();
    EXPECT_EQ(detail.examples.size(), detail.report.at("samples").get<std::size_t>());
}

TEST_F(EvaluateWorkspaceTest, ClickingACellShowsExactlyItsExamples) {
    evaluate(QStringLiteral("holdout"));
    const auto result = workspace()->result();
    const auto [t, p] = busiestError();
    ASSERT_GE(t, 0) << "the mislabelled holdout records should give errors";
    ui::ConfusionPlot* plot = workspace()->confusionPlot();
    workspace()->tabs()->setCurrentIndex(0);
    plot->replot();
    QTest::qWait(50);
    const QPoint centre = plot->cellCenter(t, p).toPoint();
    ASSERT_EQ(plot->cellAt(centre), (QPair<int, int>(t, p)));
    EXPECT_TRUE(plot->cellText(t, p).contains(result->labels[t]));
    EXPECT_TRUE(plot->cellText(t, p).contains(QStringLiteral("Count: %1").arg(result->count(t, p))));
    QTest::mouseClick(plot, Qt::LeftButton, Qt::NoModifier, centre);

    ui::CellExamplesModel* model = workspace()->drillDown()->model();
    const auto& matrix = result->detail->report.at("confusion").at("matrix");
    ASSERT_EQ(model->rowCount(), matrix[t][p].get<int>());
    // Every example of the data whose true label is t and whose top prediction is p, and no other.
    std::set<core::RecordId> expected;
    for (const auto& example : result->detail->examples) {
        const auto best = std::max_element(example.top.begin(), example.top.end(),
                                           [](const auto& a, const auto& b) { return a.second < b.second; });
        if (example.trueClasses.front() == t && best->first == p)
            expected.insert(example.recordId);
    }
    std::set<core::RecordId> shown;
    for (int row = 0; row < model->rowCount(); ++row) {
        shown.insert(model->index(row, 0).data(ui::CellExamplesModel::RecordIdRole).toLongLong());
        EXPECT_EQ(model->index(row, ui::CellExamplesModel::TrueColumn).data().toString(), result->labels[t]);
        EXPECT_EQ(model->index(row, ui::CellExamplesModel::PredictedColumn).data().toString(),
                  result->labels[p]);
        EXPECT_TRUE(
            model->index(row, ui::CellExamplesModel::TopColumn).data().toString().contains(QLatin1Char('%')));
    }
    EXPECT_EQ(shown, expected);
    EXPECT_TRUE(workspace()->drillDown()->title().contains(result->labels[p]));

    // The top-confusions list leads to the same cell.
    QTableWidget* top = workspace()->topConfusions();
    ASSERT_GT(top->rowCount(), 0);
    EXPECT_EQ(top->item(0, 2)->text().toLongLong(), result->count(t, p));
}

TEST_F(EvaluateWorkspaceTest, RelabelGoesThroughTheLabelUndoStack) {
    evaluate(QStringLiteral("holdout"));
    const auto result = workspace()->result();
    const auto [t, p] = busiestError();
    ASSERT_GE(t, 0);
    workspace()->showCell(t, p);
    ui::DrillDownPanel* drill = workspace()->drillDown();
    ASSERT_GT(drill->model()->rowCount(), 0);
    drill->table()->selectRow(0);
    const ml::EvalExample example = *drill->selectedExample();
    const auto labelSet = *result->detail->labelSetId;
    ASSERT_FALSE(test::storedDecision(m_project, example.recordId, labelSet, "alice"));

    // The model's prediction is offered as the correction.
    EXPECT_EQ(drill->labelChoice()->currentText(), result->labels[p]);
    QSignalSpy relabelled(workspace(), &ui::EvaluateWorkspace::relabelled);
    QTest::mouseClick(drill->relabelButton(), Qt::LeftButton);
    ASSERT_TRUE(relabelled.wait(10000));
    ASSERT_TRUE(test::waitIdle(labelSession()));
    auto stored = test::storedDecision(m_project, example.recordId, labelSet, "alice");
    ASSERT_TRUE(stored);
    EXPECT_EQ(stored->labels, std::vector<std::string>{result->labels[p].toStdString()});
    EXPECT_EQ(labelSession().undoStack()->count(), 1);
    EXPECT_TRUE(drill->model()
                    ->index(0, ui::CellExamplesModel::TrueColumn)
                    .data()
                    .toString()
                    .startsWith(result->labels[p]));
    EXPECT_TRUE(drill->undoButton()->isEnabled());

    QTest::mouseClick(drill->undoButton(), Qt::LeftButton);
    ASSERT_TRUE(test::waitIdle(labelSession()));
    EXPECT_FALSE(test::storedDecision(m_project, example.recordId, labelSet, "alice"));
    EXPECT_EQ(drill->model()->index(0, ui::CellExamplesModel::TrueColumn).data().toString(),
              result->labels[t]);
    EXPECT_FALSE(drill->undoButton()->isEnabled());

    // Redo from the Label workspace's own stack stores it again: it is one stack.
    labelSession().undoStack()->redo();
    ASSERT_TRUE(test::waitIdle(labelSession()));
    EXPECT_TRUE(test::storedDecision(m_project, example.recordId, labelSet, "alice"));
}

TEST_F(EvaluateWorkspaceTest, OpenInLabelWorkspaceAndRetrain) {
    evaluate(QStringLiteral("holdout"));
    const auto [t, p] = busiestError();
    ASSERT_GE(t, 0);
    workspace()->showCell(t, p);
    ui::DrillDownPanel* drill = workspace()->drillDown();
    drill->table()->selectRow(0);
    const core::RecordId record = drill->selectedExample()->recordId;

    QTest::mouseClick(drill->openButton(), Qt::LeftButton);
    EXPECT_EQ(m_window->currentWorkspace(), m_window->labelWorkspace());
    ASSERT_TRUE(QTest::qWaitFor([&] { return labelSession().currentRecordId() == record; }, 15000));
    EXPECT_EQ(labelSession().dataset()->name, "holdout");

    for (QAction* action : m_window->findChildren<QAction*>()) {
        if (action->data().toString() == QStringLiteral("evaluate"))
            action->trigger();
    }
    ASSERT_EQ(m_window->currentWorkspace(), workspace());
    QSignalSpy retrain(workspace(), &ui::EvaluateWorkspace::retrainRequested);
    QTest::mouseClick(drill->retrainButton(), Qt::LeftButton);
    ASSERT_EQ(retrain.count(), 1);
    EXPECT_EQ(retrain.first().at(0).toString(), QStringLiteral("small"));
    // The main window hands it to the Train workspace, which shows the new run.
    EXPECT_EQ(m_window->currentWorkspace()->id(), QStringLiteral("train"));
}

TEST_F(EvaluateWorkspaceTest, ReportSortsKeepsAveragesLastAndExports) {
    evaluate(QStringLiteral("holdout"));
    const auto result = workspace()->result();
    QTableView* view = workspace()->reportView();
    QAbstractItemModel* table = view->model();
    ASSERT_EQ(table->rowCount(), result->classes + 2);
    view->sortByColumn(3, Qt::DescendingOrder); // F1
    for (int row = 1; row < result->classes; ++row)
        EXPECT_GE(table->index(row - 1, 3).data().toDouble(), table->index(row, 3).data().toDouble());
    EXPECT_EQ(table->index(result->classes, 0).data().toString(), QStringLiteral("Macro average"));
    EXPECT_EQ(table->index(result->classes + 1, 0).data().toString(), QStringLiteral("Weighted average"));
    view->sortByColumn(3, Qt::AscendingOrder);
    EXPECT_EQ(table->index(result->classes, 0).data().toString(), QStringLiteral("Macro average"));

    const std::string csvPath = m_dir.file("report.csv");
    ASSERT_EQ(workspace()->exportReportCsv(qs(csvPath)), QString());
    const QString csv = qs(test::readFile(csvPath));
    const QStringList lines = csv.split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    ASSERT_EQ(lines.size(), result->classes + 3);
    EXPECT_EQ(lines[0], QStringLiteral("Class,Precision,Recall,F1,Support"));
    EXPECT_TRUE(csv.contains(QString::fromUtf8(test::kLongChineseLabel)));
    EXPECT_TRUE(lines.last().startsWith(QStringLiteral("Weighted average,")));
    // The first data line is the first row on screen, with its numbers.
    EXPECT_TRUE(lines[1].startsWith(table->index(0, 0).data().toString() + QLatin1Char(',') +
                                    table->index(0, 1).data().toString()));

    const std::string htmlPath = m_dir.file("evaluation.html");
    ASSERT_EQ(workspace()->exportEvaluationHtml(qs(htmlPath)), QString());
    const QString html = qs(test::readFile(htmlPath));
    EXPECT_TRUE(html.contains(workspace()->heading().toHtmlEscaped()));
    EXPECT_TRUE(html.contains(QStringLiteral("<th>Precision</th>")));
    EXPECT_TRUE(html.contains(QString::fromUtf8(test::kLongChineseLabel)));
    EXPECT_EQ(html.count(QStringLiteral("src=\"data:image/png;base64,")), 3);
    EXPECT_TRUE(html.contains(QStringLiteral("Top confusions")));

    const std::string reportPath = m_dir.file("report.html");
    ASSERT_EQ(workspace()->exportReportHtml(qs(reportPath)), QString());
    EXPECT_EQ(qs(test::readFile(reportPath)).count(QStringLiteral("<tr>")), result->classes + 3);
}

// Deterministic: the worker thread is held before the job starts, Cancel is clicked, then the worker goes
// on and the job finds the cancel before its first batch. No sleeps, no race with a fast evaluation.
TEST_F(EvaluateWorkspaceTest, CancelBeforeTheFirstBatchStopsTheEvaluation) {
    QSemaphore gate;
    // Releases the worker whatever happens below, before the semaphore goes away.
    const std::unique_ptr<QSemaphore, void (*)(QSemaphore*)> release(&gate,
                                                                     [](QSemaphore* g) { g->release(); });
    QMetaObject::invokeMethod(workspace()->runner()->workerContext(), [&gate] { gate.acquire(); });

    QSignalSpy finished(workspace(), &ui::EvaluateWorkspace::evaluationFinished);
    workspace()->evaluate(QStringLiteral("small"), QStringLiteral("holdout"));
    ASSERT_TRUE(workspace()->isEvaluating());
    QPushButton* cancel = workspace()->cancelButton();
    ASSERT_TRUE(cancel->isVisible());
    QTest::mouseClick(cancel, Qt::LeftButton);
    gate.release();
    ASSERT_TRUE(finished.wait(30000) || finished.count() > 0);
    ASSERT_EQ(finished.count(), 1);
    EXPECT_FALSE(finished.first().at(0).toBool());
    EXPECT_FALSE(workspace()->isEvaluating());
    EXPECT_FALSE(workspace()->result());
    EXPECT_FALSE(cancel->isVisible());
    EXPECT_TRUE(m_window->findChild<QLabel*>(QStringLiteral("evaluateHeading"))
                    ->text()
                    .contains(QStringLiteral("The evaluation was cancelled.")));

    // The cancel belonged to that evaluation only: the next one runs to the end.
    evaluate(QStringLiteral("holdout"));
    EXPECT_EQ(workspace()->result()->detail->examples.size(), 40U);
}

TEST_F(EvaluateWorkspaceTest, DrillDownUndoTakesBackOnlyItsOwnRelabel) {
    evaluate(QStringLiteral("holdout"));
    const auto result = workspace()->result();
    const auto labelSet = *result->detail->labelSetId;
    const auto [t, p] = busiestError();
    ASSERT_GE(t, 0);
    workspace()->showCell(t, p);
    ui::DrillDownPanel* drill = workspace()->drillDown();
    ASSERT_GT(drill->model()->rowCount(), 0);
    drill->table()->selectRow(0);
    const core::RecordId relabelled = drill->selectedExample()->recordId;
    QSignalSpy relabelledSpy(workspace(), &ui::EvaluateWorkspace::relabelled);
    QTest::mouseClick(drill->relabelButton(), Qt::LeftButton);
    ASSERT_TRUE(relabelledSpy.wait(10000));
    ASSERT_TRUE(test::waitIdle(labelSession()));
    ASSERT_TRUE(test::storedDecision(m_project, relabelled, labelSet, "alice"));
    EXPECT_TRUE(drill->undoButton()->isEnabled());

    // Meanwhile the Label workspace decides on a record of its own: now that is on top of the shared stack.
    QUndoStack* stack = labelSession().undoStack();
    ASSERT_TRUE(QTest::qWaitFor([&] { return labelSession().currentRecordId().has_value(); }, 15000));
    const core::RecordId other = *labelSession().currentRecordId();
    labelSession().skip();
    ASSERT_TRUE(test::waitIdle(labelSession()));
    ASSERT_EQ(stack->index(), 2);
    EXPECT_FALSE(drill->undoButton()->isEnabled());
    EXPECT_TRUE(drill->undoButton()->toolTip().contains(QStringLiteral("Label workspace")))
        << drill->undoButton()->toolTip().toStdString();
    // Even asked directly, the drill-down does not undo the other workspace's decision.
    emit drill->undoRequested();
    ASSERT_TRUE(test::waitIdle(labelSession()));
    EXPECT_EQ(stack->index(), 2);
    const auto skipped = test::storedDecision(m_project, other, labelSet, "alice");
    ASSERT_TRUE(skipped);
    EXPECT_EQ(skipped->status, core::DecisionStatus::Skipped);

    // Once that one is undone where it was made, the relabel is on top again and the drill-down takes it
    // back.
    stack->undo();
    ASSERT_TRUE(test::waitIdle(labelSession()));
    ASSERT_TRUE(drill->undoButton()->isEnabled());
    QTest::mouseClick(drill->undoButton(), Qt::LeftButton);
    ASSERT_TRUE(test::waitIdle(labelSession()));
    EXPECT_EQ(stack->index(), 0);
    EXPECT_FALSE(test::storedDecision(m_project, relabelled, labelSet, "alice"));
    EXPECT_FALSE(drill->undoButton()->isEnabled());
}

TEST_F(EvaluateWorkspaceTest, RunDataPercentagesAndSplittersAreRestored) {
    // A second, newer run, so the restored choice is not simply the first in the list.
    test::trainSmallFastRun(m_project, "holdout", "newer", 2);
    ASSERT_FALSE(HasFatalFailure());
    workspace()->refreshRuns();
    ASSERT_TRUE(QTest::qWaitFor([&] { return workspace()->runs().size() == 2; }, 15000));
    ASSERT_EQ(workspace()->runChoice()->currentData().toString(), QStringLiteral("small"));
    workspace()->runChoice()->setCurrentIndex(workspace()->runChoice()->findData(QStringLiteral("newer")));
    workspace()->dataChoice()->setCurrentIndex(
        workspace()->dataChoice()->findData(QStringLiteral("holdout")));
    workspace()->valueChoice()->setCurrentIndex(1);
    ASSERT_TRUE(workspace()->confusionPlot()->isNormalized());
    workspace()->tabs()->setCurrentIndex(0);
    workspace()->confusionSplitter()->setSizes({500, 700});
    workspace()->sideSplitter()->setSizes({300, 300});
    QTest::qWait(20);
    const QList<int> sizes = workspace()->confusionSplitter()->sizes();
    const QList<int> sideSizes = workspace()->sideSplitter()->sizes();
    workspace()->tabs()->setCurrentIndex(1);
    workspace()->saveState(*m_settings);

    m_window = std::make_unique<ui::MainWindow>(*m_settings);
    m_window->resize(1360, 860);
    m_window->show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(m_window.get()));
    for (QAction* action : m_window->findChildren<QAction*>())
        if (action->data().toString() == QStringLiteral("evaluate"))
            action->trigger();
    EXPECT_TRUE(workspace()->confusionPlot()->isNormalized());
    EXPECT_EQ(workspace()->valueChoice()->currentIndex(), 1);
    EXPECT_EQ(workspace()->tabs()->currentIndex(), 1);
    m_window->openProject(qs(m_project));
    ASSERT_TRUE(QTest::qWaitFor([&] { return workspace()->runs().size() == 2; }, 15000));
    EXPECT_EQ(workspace()->runChoice()->currentData().toString(), QStringLiteral("newer"));
    EXPECT_EQ(workspace()->dataChoice()->currentData().toString(), QStringLiteral("holdout"));
    workspace()->tabs()->setCurrentIndex(0);
    // The page lays out when it is first shown.
    QTest::qWaitFor([&] { return workspace()->confusionSplitter()->sizes() == sizes; }, 3000);
    EXPECT_EQ(workspace()->confusionSplitter()->sizes(), sizes);
    EXPECT_EQ(workspace()->sideSplitter()->sizes(), sideSizes);
}
