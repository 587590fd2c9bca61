#include "evaluate/cellexamplesmodel.h"

#include "common/qtconvert.h"

#include <QBrush>
#include <QColor>
#include <QFont>

#include <algorithm>

namespace bankbench::ui {

CellExamplesModel::CellExamplesModel(QObject* parent) : QAbstractTableModel(parent) {}

void CellExamplesModel::setExamples(std::shared_ptr<const EvaluationResult> result,
                                    std::vector<std::size_t> examples) {
    beginResetModel();
    m_result = std::move(result);
    m_examples = std::move(examples);
    if (m_result) {
        const auto& rows = m_result->detail->examples;
        // The model's most confident mistakes first: the likeliest wrong labels in the data.
        std::stable_sort(m_examples.begin(), m_examples.end(), [&rows](std::size_t a, std::size_t b) {
            return rows[a].confidence > rows[b].confidence;
        });
    }
    endResetModel();
}

void CellExamplesModel::setCorrectedLabel(core::RecordId record, const QString& label) {
    if (label.isEmpty())
        m_corrected.remove(record);
    else
        m_corrected.insert(record, label);
    for (int row = 0; row < rowCount(); ++row) {
        if (example(row)->recordId == record)
            emit dataChanged(index(row, 0), index(row, columnCount() - 1));
    }
}

const ml::EvalExample* CellExamplesModel::example(int row) const {
    if (!m_result || row < 0 || row >= rowCount())
        return nullptr;
    return &m_result->detail->examples[m_examples[static_cast<std::size_t>(row)]];
}

int CellExamplesModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_examples.size());
}

int CellExamplesModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : 5;
}

QVariant CellExamplesModel::data(const QModelIndex& index, int role) const {
    const ml::EvalExample* row = example(index.row());
    if (!row)
        return {};
    if (role == RecordIdRole)
        return QVariant::fromValue<qint64>(row->recordId);
    const auto corrected = m_corrected.constFind(row->recordId);
    const bool relabelled = corrected != m_corrected.constEnd();
    if (role == Qt::FontRole && index.column() == TrueColumn && relabelled) {
        QFont font;
        font.setBold(true);
        return font;
    }
    if (role == Qt::ForegroundRole && index.column() == TrueColumn && relabelled)
        return QBrush(QColor(0, 110, 50));
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case TextColumn:
        return role == Qt::ToolTipRole ? toQString(row->text) : singleLine(toQString(row->text), 300);
    case TrueColumn:
        if (relabelled)
            return tr("%1 (was %2)").arg(*corrected, m_result->classNames(row->trueClasses));
        return m_result->classNames(row->trueClasses);
    case PredictedColumn:
        return m_result->classNames(row->predictedClasses);
    case ConfidenceColumn:
        return QString::number(100.0 * row->confidence, 'f', 1) + QLatin1Char('%');
    case TopColumn: {
        QStringList parts;
        for (const auto& [id, probability] : row->top)
            parts << QStringLiteral("%1 %2%").arg(m_result->labels[id]).arg(100.0 * probability, 0, 'f', 1);
        return parts.join(QStringLiteral(" · "));
    }
    default:
        return {};
    }
}

QVariant CellExamplesModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TextColumn:
        return tr("Text");
    case TrueColumn:
        return tr("True label");
    case PredictedColumn:
        return tr("Predicted");
    case ConfidenceColumn:
        return tr("Confidence");
    case TopColumn:
        return tr("Top probabilities");
    default:
        return {};
    }
}

} // namespace bankbench::ui
