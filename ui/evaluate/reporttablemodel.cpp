#include "evaluate/reporttablemodel.h"

#include <QBrush>
#include <QColor>
#include <QFont>

namespace bankbench::ui {

ReportTableModel::ReportTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void ReportTableModel::setResult(std::shared_ptr<const EvaluationResult> result) {
    beginResetModel();
    m_result = std::move(result);
    endResetModel();
}

int ReportTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() || !m_result ? 0 : static_cast<int>(m_result->perClass.size()) + 2;
}

int ReportTableModel::columnCount(const QModelIndex& parent) const {
    if (parent.isValid())
        return 0;
    return m_result && m_result->multiLabel() ? 6 : 5;
}

QStringList ReportTableModel::columnTitles() const {
    QStringList titles{tr("Class"), tr("Precision"), tr("Recall"), tr("F1"), tr("Support")};
    if (columnCount() > ThresholdColumn)
        titles << tr("Threshold");
    return titles;
}

ReportRow ReportTableModel::reportRow(int row) const {
    const int classes = static_cast<int>(m_result->perClass.size());
    if (row < classes)
        return m_result->perClass[row];
    ReportRow out = row == classes ? m_result->macro : m_result->weighted;
    out.label = row == classes ? tr("Macro average") : tr("Weighted average");
    return out;
}

QVariant ReportTableModel::data(const QModelIndex& index, int role) const {
    if (!m_result || !index.isValid())
        return {};
    const ReportRow row = reportRow(index.row());
    const bool summary = row.classId < 0;
    if (role == SummaryRole)
        return summary;
    if (role == Qt::FontRole && summary) {
        QFont font;
        font.setBold(true);
        return font;
    }
    if (role == Qt::TextAlignmentRole)
        return index.column() == LabelColumn ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                                             : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::BackgroundRole && index.column() == F1Column && !summary) {
        // Weak classes stand out: red below 0.5, amber below 0.8.
        if (row.f1 < 0.5)
            return QBrush(QColor(250, 215, 210));
        if (row.f1 < 0.8)
            return QBrush(QColor(252, 238, 200));
        return {};
    }
    if (role != Qt::DisplayRole && role != SortRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case LabelColumn:
        return row.label;
    case PrecisionColumn:
        return role == SortRole ? QVariant(row.precision) : QVariant(QString::number(row.precision, 'f', 3));
    case RecallColumn:
        return role == SortRole ? QVariant(row.recall) : QVariant(QString::number(row.recall, 'f', 3));
    case F1Column:
        return role == SortRole ? QVariant(row.f1) : QVariant(QString::number(row.f1, 'f', 3));
    case SupportColumn:
        return role == SortRole ? QVariant(row.support) : QVariant(QString::number(row.support));
    case ThresholdColumn:
        if (!row.threshold)
            return {};
        return role == SortRole ? QVariant(*row.threshold)
                                : QVariant(QString::number(*row.threshold, 'f', 3));
    default:
        return {};
    }
}

QVariant ReportTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    const QStringList titles = columnTitles();
    return section < titles.size() ? QVariant(titles[section]) : QVariant();
}

} // namespace bankbench::ui
