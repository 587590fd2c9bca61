#pragma once

#include "evaluate/evaluationresult.h"

#include <QWidget>

#include <memory>
#include <vector>

class QComboBox;
class QLabel;
class QPushButton;
class QTableView;

namespace bankbench::ui {

class CellExamplesModel;

/// The examples behind a confusion-matrix cell, with what to do about them: relabel the selected example
/// (the label workspace stores it, undoable), undo that, open the example in the label workspace, or retrain
/// the run on the corrected labels. It only asks (signals); the workspace does. GUI thread.
class DrillDownPanel : public QWidget {
    Q_OBJECT

public:
    explicit DrillDownPanel(QWidget* parent = nullptr);

    /// Shows the examples of cell (trueClass, predictedClass) of `result`.
    void showCell(std::shared_ptr<const EvaluationResult> result, int trueClass, int predictedClass);
    void clear();

    CellExamplesModel* model() const { return m_model; }
    QTableView* table() const { return m_table; }
    QComboBox* labelChoice() const { return m_labels; }
    QPushButton* relabelButton() const { return m_relabel; }
    QPushButton* undoButton() const { return m_undo; }
    QPushButton* openButton() const { return m_open; }
    QPushButton* retrainButton() const { return m_retrain; }
    QString title() const;

    /// The example of the selected row, or nullptr.
    const ml::EvalExample* selectedExample() const;
    void setStatus(const QString& text, bool error = false);
    void setUndoText(const QString& text);
    void setUndoEnabled(bool enabled);
    /// Off while the data cannot be relabelled (no label workspace, or a multi-label run).
    void setRelabelAvailable(bool available);

signals:
    void relabelRequested(const bankbench::ml::EvalExample& example, const QString& label);
    void undoRequested();
    void openRequested(const bankbench::ml::EvalExample& example);
    void retrainRequested();

private:
    void onSelectionChanged();
    void updateButtons();

    std::shared_ptr<const EvaluationResult> m_result;
    QLabel* m_title;
    CellExamplesModel* m_model;
    QTableView* m_table;
    QComboBox* m_labels;
    QPushButton* m_relabel;
    QPushButton* m_undo;
    QPushButton* m_open;
    QPushButton* m_retrain;
    QLabel* m_status;
    bool m_relabelAvailable = true;
};

} // namespace bankbench::ui
