// EvaluateWorkspace: showing a result (heading, report, matrix, charts), the drill-down's actions and
// exports.

#include "evaluate/evaluateworkspace.h"

#include "common/projectsession.h"
#include "common/qtconvert.h"
#include "evaluate/calibrationplots.h"
#include "evaluate/cellexamplesmodel.h"
#include "evaluate/confusionplot.h"
#include "evaluate/drilldownpanel.h"
#include "evaluate/evaluationrunner.h"
#include "evaluate/plotexport.h"
#include "evaluate/reportexport.h"
#include "evaluate/reportsortproxy.h"
#include "evaluate/reporttablemodel.h"
#include "label/labelcommands.h"
#include "label/labelsession.h"
#include "label/labelworkspace.h"

#include <qcustomplot.h>

#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QToolButton>
#include <QUndoStack>

namespace bankbench::ui {

namespace {

QString percent(double value) {
    return QLocale().toString(value * 100.0, 'f', 1) + QLatin1Char('%');
}

} // namespace

QString EvaluateWorkspace::heading() const {
    if (!m_result)
        return {};
    const ml::EvalDetail& detail = *m_result->detail;
    QString model;
    for (const core::RunInfo& run : m_runs) {
        if (run.name == detail.runName)
            model = toQString(run.model);
    }
    const QString examples = QLocale().toString(static_cast<qlonglong>(detail.examples.size()));
    const QString data = detail.validationSplit
                             ? tr("validation split of dataset “%1” (%2 examples)")
                                   .arg(toQString(detail.datasetName), examples)
                             : tr("dataset “%1” (%2 examples)").arg(toQString(detail.datasetName), examples);
    QString text =
        tr("Model: run “%1”%2, trained on “%3” · Data: %4")
            .arg(toQString(detail.runName), model.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(model),
                 toQString(detail.runDataset), data);
    text += QStringLiteral(" · ") +
            (m_result->multiLabel() ? tr("subset accuracy %1") : tr("accuracy %1"))
                .arg(percent(m_result->accuracy)) +
            QStringLiteral(" · ") + tr("macro F1 %1").arg(QLocale().toString(m_result->macro.f1, 'f', 3));
    return text;
}

void EvaluateWorkspace::updateHeading() {
    QStringList lines;
    if (!m_session.isOpen()) {
        lines << tr("Open a project to evaluate its trained runs.");
    } else if (m_runs.empty() && !isEvaluating()) {
        lines << tr(
            "This project has no trained runs yet. Train one in the Train workspace, then evaluate it here.");
    } else if (m_result) {
        lines << heading();
        const ml::EvalDetail& detail = *m_result->detail;
        if (detail.validationSplit && detail.refit)
            lines << tr(
                "Note: this run's final model was refit on its validation split too, so these numbers are "
                "optimistic. Evaluate on a held-out dataset for a fair estimate.");
        if (detail.missingRecords > 0)
            lines << tr("%n validation record(s) are no longer labelled and were left out.", nullptr,
                        static_cast<int>(detail.missingRecords));
        if (detail.modelClasses < static_cast<std::int64_t>(detail.labels.size()))
            lines << tr("%n label(s) of the data are unknown to the model; their examples count as errors.",
                        nullptr, static_cast<int>(detail.labels.size() - detail.modelClasses));
    } else if (!isEvaluating()) {
        lines << tr("Choose a run and the data to score, then press Evaluate.");
    }
    if (isEvaluating())
        lines << tr("Evaluating run “%1”…").arg(m_runChoice->currentData().toString());
    if (!m_error.isEmpty())
        lines << m_error;
    m_heading->setText(lines.join(QLatin1Char('\n')));
    m_heading->setStyleSheet(
        m_error.isEmpty() ? QStringLiteral("QLabel { background: palette(alternate-base); padding: 6px; "
                                           "border: 1px solid palette(mid); border-radius: 3px; }")
                          : QStringLiteral("QLabel { background: #fdecea; padding: 6px; "
                                           "border: 1px solid #e0a0a0; border-radius: 3px; }"));
}

void EvaluateWorkspace::updateControls() {
    const bool running = isEvaluating();
    m_evaluateButton->setEnabled(!running && m_runChoice->currentIndex() >= 0);
    m_cancelButton->setVisible(running);
    m_progress->setVisible(running);
    m_exportButton->setEnabled(m_result != nullptr);
    m_drill->setRelabelAvailable(m_label && m_result && !m_result->multiLabel() &&
                                 m_result->detail->labelSetId);
    // Undo here takes back only this panel's own relabel; the shared stack's top may be a Label workspace
    // edit made since, which only that workspace (or Edit > Undo) should undo.
    QUndoStack* undo = m_label ? m_label->session()->undoStack() : nullptr;
    const DecisionCommand* own = ownUndoCommand();
    m_drill->setUndoEnabled(own != nullptr);
    if (own)
        m_drill->setUndoText(tr("Undo: %1 (%2)").arg(own->text(), own->recordText()));
    else if (undo && undo->canUndo() && !m_relabelTokens.isEmpty())
        m_drill->setUndoText(tr("The last change on the label undo stack was made in the Label workspace "
                                "(%1): undo it there first.")
                                 .arg(undo->undoText()));
    else
        m_drill->setUndoText(tr("Takes back the last relabel made here."));
}

const DecisionCommand* EvaluateWorkspace::ownUndoCommand() const {
    if (!m_label || m_relabelTokens.isEmpty())
        return nullptr;
    const QUndoStack* undo = m_label->session()->undoStack();
    if (!undo->canUndo())
        return nullptr;
    const auto* command = dynamic_cast<const DecisionCommand*>(undo->command(undo->index() - 1));
    return command && m_relabelTokens.contains(command->token()) ? command : nullptr;
}

void EvaluateWorkspace::showResult() {
    m_reportModel->setResult(m_result);
    m_confusion->setResult(m_result);
    m_drill->clear();
    fillTopConfusions();
    if (m_result) {
        const bool multi = m_result->multiLabel();
        QString summary =
            (multi ? tr("Subset accuracy: %1") : tr("Accuracy: %1")).arg(percent(m_result->accuracy));
        summary +=
            QStringLiteral(" · ") + tr("Macro F1: %1").arg(QLocale().toString(m_result->macro.f1, 'f', 3));
        summary += QStringLiteral(" · ") +
                   tr("Weighted F1: %1").arg(QLocale().toString(m_result->weighted.f1, 'f', 3));
        if (m_result->ece)
            summary += QStringLiteral(" · ") +
                       tr("Expected calibration error: %1").arg(QLocale().toString(*m_result->ece, 'f', 3));
        summary += QStringLiteral(" · ") + tr("Click a column header to sort.");
        m_summary->setText(summary);
        m_tabs->setTabEnabled(0, !multi);
        if (multi && m_tabs->currentIndex() == 0)
            m_tabs->setCurrentIndex(1);
        m_calibrationPages->setCurrentIndex(multi ? 1 : 0);
        if (multi) {
            calibrationplots::showPerLabelF1(*m_perLabel, *m_result);
        } else {
            calibrationplots::showReliability(*m_reliability, *m_result);
            calibrationplots::showConfidenceHistogram(*m_histogram, *m_result);
        }
    } else {
        m_summary->clear();
        for (QCustomPlot* plot : {m_reliability, m_histogram, m_perLabel}) {
            plot->clearPlottables();
            plot->replot();
        }
    }
    updateHeading();
    updateControls();
}

void EvaluateWorkspace::fillTopConfusions() {
    m_topConfusions->setRowCount(0);
    if (!m_result)
        return;
    const QVector<Confusion> confusions = m_result->topConfusions(30);
    m_topConfusions->setRowCount(confusions.size());
    for (int row = 0; row < confusions.size(); ++row) {
        const Confusion& c = confusions[row];
        auto* truth = new QTableWidgetItem(m_result->labels[c.trueClass]);
        truth->setData(Qt::UserRole, c.trueClass);
        truth->setData(Qt::UserRole + 1, c.predictedClass);
        truth->setToolTip(truth->text());
        auto* predicted = new QTableWidgetItem(m_result->labels[c.predictedClass]);
        predicted->setToolTip(predicted->text());
        auto* count = new QTableWidgetItem(QLocale().toString(c.count));
        count->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_topConfusions->setItem(row, 0, truth);
        m_topConfusions->setItem(row, 1, predicted);
        m_topConfusions->setItem(row, 2, count);
    }
}

void EvaluateWorkspace::showCell(int trueClass, int predictedClass) {
    if (!m_result || m_result->multiLabel() || trueClass < 0 || predictedClass < 0 ||
        trueClass >= m_result->classes || predictedClass >= m_result->classes)
        return;
    m_confusion->setSelectedCell(QPair<int, int>(trueClass, predictedClass));
    m_drill->showCell(m_result, trueClass, predictedClass);
    updateControls();
}

void EvaluateWorkspace::relabel(const ml::EvalExample& example, const QString& label) {
    if (!m_label || !m_result || !m_result->detail->labelSetId)
        return;
    const ml::EvalDetail& detail = *m_result->detail;
    const core::RecordId record = example.recordId;
    const QString text = toQString(example.text);
    const core::DatasetId dataset = detail.datasetId;
    QPointer<LabelWorkspace> label_ = m_label;
    // The annotator's decision as stored now, so undo shows it again; read off the GUI thread.
    m_runner->lookupDecision(
        m_session.path(), record, *detail.labelSetId, m_label->session()->annotator(),
        [this, label_, record, text, dataset, label](const std::optional<core::Decision>& before,
                                                     const QString& error) {
            if (!error.isEmpty()) {
                m_drill->setStatus(tr("Cannot read the current label: %1").arg(error), true);
                return;
            }
            if (!label_ || !label_->relabelRecord(dataset, record, {toStdString(label)}, before, text)) {
                m_drill->setStatus(tr("This dataset has no label set to store the new label in."), true);
                return;
            }
            // relabelRecord pushed exactly one command, now on top: remember it as this panel's.
            const QUndoStack* undo = label_->session()->undoStack();
            if (const auto* pushed = dynamic_cast<const DecisionCommand*>(undo->command(undo->index() - 1)))
                m_relabelTokens.append(pushed->token());
            m_drill->model()->setCorrectedLabel(record, label);
            m_drill->setStatus(
                tr("Relabelled as “%1” (undo with Undo here or in the Label workspace). Evaluate or "
                   "retrain to see the effect.")
                    .arg(label));
            updateControls();
            emit relabelled(record);
        });
}

void EvaluateWorkspace::undoRelabel() {
    if (!m_label)
        return;
    const DecisionCommand* command = ownUndoCommand();
    if (!command) {
        updateControls(); // the top of the shared stack is not this panel's relabel
        return;
    }
    const core::RecordId record = command->request().recordId;
    const QString text = command->text();
    m_label->session()->undoStack()->undo();
    m_drill->model()->setCorrectedLabel(record, QString());
    m_drill->setStatus(tr("Undone: %1").arg(text));
    emit relabelled(record);
    updateControls();
}

void EvaluateWorkspace::openInLabelWorkspace(const ml::EvalExample& example) {
    if (!m_label || !m_result)
        return;
    m_label->openRecord(m_result->detail->datasetId, example.recordId);
    emit labelWorkspaceRequested();
}

QList<QPair<QString, QImage>> EvaluateWorkspace::plotImages() const {
    QList<QPair<QString, QImage>> out;
    const auto image = [](QCustomPlot* plot) {
        // Drawn at a fixed size, so the report looks the same whatever the window size.
        return plot->toPixmap(960, 720, 1.0).toImage();
    };
    if (!m_result)
        return out;
    if (m_result->multiLabel()) {
        out.append({tr("F1 and threshold per label"), image(m_perLabel)});
    } else {
        out.append({tr("Confusion matrix"), image(m_confusion)});
        out.append({tr("Reliability diagram"), image(m_reliability)});
        out.append({tr("Confidence histogram"), image(m_histogram)});
    }
    return out;
}

QString EvaluateWorkspace::exportReportCsv(const QString& path) const {
    QString error;
    return writeTextFile(path, tableCsv(*m_reportProxy), &error) ? QString() : error;
}

QString EvaluateWorkspace::exportReportHtml(const QString& path) const {
    if (!m_result)
        return tr("Nothing to export yet.");
    QString error;
    const QString page =
        QStringLiteral("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>%1</title></head>"
                       "<body>\n<h1>%1</h1>\n%2</body></html>\n")
            .arg(heading().toHtmlEscaped(), tableHtml(*m_reportProxy));
    return writeTextFile(path, page, &error) ? QString() : error;
}

QString EvaluateWorkspace::exportEvaluationHtml(const QString& path) const {
    if (!m_result)
        return tr("Nothing to export yet.");
    QString error;
    return writeTextFile(path, evaluationHtml(*m_result, heading(), *m_reportProxy, plotImages()), &error)
               ? QString()
               : error;
}

void EvaluateWorkspace::chooseExport(int kind) {
    if (!m_result)
        return;
    const QString base =
        QDir::home().filePath(toQString(m_result->detail->runName) + QStringLiteral("-evaluation"));
    if (kind == 3) {
        QCustomPlot* plot = m_tabs->currentIndex() == 2
                                ? (m_result->multiLabel() ? m_perLabel : m_reliability)
                                : static_cast<QCustomPlot*>(m_confusion);
        plotexport::saveWithDialog(*plot, m_widget, toQString(m_result->detail->runName));
        return;
    }
    const bool csv = kind == 0;
    const QString path = QFileDialog::getSaveFileName(
        m_widget, tr("Export Evaluation"), base + (csv ? QStringLiteral(".csv") : QStringLiteral(".html")),
        csv ? tr("CSV files (*.csv)") : tr("HTML files (*.html *.htm)"));
    if (path.isEmpty())
        return;
    const QString error = kind == 0   ? exportReportCsv(path)
                          : kind == 1 ? exportReportHtml(path)
                                      : exportEvaluationHtml(path);
    if (!error.isEmpty())
        QMessageBox::warning(m_widget, tr("Export Evaluation"),
                             tr("Could not write %1: %2").arg(QDir::toNativeSeparators(path), error));
}

} // namespace bankbench::ui
