#pragma once

#include "evaluate/reporttablemodel.h"

#include <QSortFilterProxyModel>

namespace bankbench::ui {

/// Sorts the classification report by the raw numbers (ReportTableModel::SortRole) and keeps the average
/// rows at the bottom in either direction. GUI thread.
class ReportSortProxy : public QSortFilterProxyModel {
public:
    explicit ReportSortProxy(QObject* parent = nullptr) : QSortFilterProxyModel(parent) {
        setSortRole(ReportTableModel::SortRole);
    }

protected:
    bool lessThan(const QModelIndex& left, const QModelIndex& right) const override {
        const bool leftSummary = left.data(ReportTableModel::SummaryRole).toBool();
        const bool rightSummary = right.data(ReportTableModel::SummaryRole).toBool();
        if (leftSummary || rightSummary) {
            if (leftSummary && rightSummary)
                return (left.row() < right.row()) == (sortOrder() == Qt::AscendingOrder);
            // Descending sorts reverse lessThan's answer: answer so that the averages end up last.
            return rightSummary == (sortOrder() == Qt::AscendingOrder);
        }
        if (left.column() == ReportTableModel::LabelColumn)
            return QString::localeAwareCompare(left.data().toString(), right.data().toString()) < 0;
        return left.data(ReportTableModel::SortRole).toDouble() <
               right.data(ReportTableModel::SortRole).toDouble();
    }
};

} // namespace bankbench::ui
