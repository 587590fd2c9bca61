#pragma once

#include "evaluate/evaluationresult.h"

#include <QAbstractTableModel>
#include <QHash>

#include <memory>
#include <vector>

namespace bankbench::ui {

/// The examples behind one confusion-matrix cell (or any chosen set of examples): text, true and predicted
/// label, confidence and the top probabilities. A relabelled example shows its new label until the next
/// evaluation. GUI thread.
class CellExamplesModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { TextColumn, TrueColumn, PredictedColumn, ConfidenceColumn, TopColumn };
    static constexpr int RecordIdRole = Qt::UserRole;

    explicit CellExamplesModel(QObject* parent = nullptr);

    /// Shows `examples` (indices into result->detail->examples), most confident first.
    void setExamples(std::shared_ptr<const EvaluationResult> result, std::vector<std::size_t> examples);
    /// Shows `label` as the example's label (after a relabel; empty: as evaluated again).
    void setCorrectedLabel(core::RecordId record, const QString& label);

    const ml::EvalExample* example(int row) const;
    std::size_t exampleIndex(int row) const { return m_examples[static_cast<std::size_t>(row)]; }

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::shared_ptr<const EvaluationResult> m_result;
    std::vector<std::size_t> m_examples;
    QHash<core::RecordId, QString> m_corrected;
};

} // namespace bankbench::ui
