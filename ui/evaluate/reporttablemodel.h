#pragma once

#include "evaluate/evaluationresult.h"

#include <QAbstractTableModel>

#include <memory>

namespace bankbench::ui {

/// The classification report: one row per class, then the macro and weighted averages. Numbers sort as
/// numbers (Qt::UserRole holds the raw value; the view sorts through a proxy with that role); the two
/// average rows always stay at the bottom. Multi-label evaluations get a threshold column. GUI thread.
class ReportTableModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { LabelColumn, PrecisionColumn, RecallColumn, F1Column, SupportColumn, ThresholdColumn };
    static constexpr int SortRole = Qt::UserRole;
    /// true on the average rows (kept last by the proxy).
    static constexpr int SummaryRole = Qt::UserRole + 1;

    explicit ReportTableModel(QObject* parent = nullptr);

    void setResult(std::shared_ptr<const EvaluationResult> result);

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// The translated column titles, in column order (CSV and HTML export use them too).
    QStringList columnTitles() const;
    /// Row `row` in model order (classes, then macro, weighted) with its label as shown.
    ReportRow reportRow(int row) const;

private:
    std::shared_ptr<const EvaluationResult> m_result;
};

} // namespace bankbench::ui
