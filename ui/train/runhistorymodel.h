#pragma once

#include "train/runrepository.h"

#include <QAbstractTableModel>

namespace bankbench::ui {

/// The run history table: one row per run of the project, newest first (date, name, model, data, best
/// validation macro-F1, duration, device, status). The active model's name is bold. GUI thread.
class RunHistoryModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { Date, Name, Model, Data, BestMetric, Duration, Device, Status, ColumnCount };
    /// Qt::UserRole on any cell: the run name.
    static constexpr int RunNameRole = Qt::UserRole;

    explicit RunHistoryModel(QObject* parent = nullptr);

    void setRuns(const QList<RunRow>& runs, const QString& activeModel);
    const QList<RunRow>& runs() const { return m_runs; }
    const RunRow* row(int index) const;
    const RunRow* run(const QString& name) const;
    int rowOf(const QString& name) const;
    QString activeModel() const { return m_active; }

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString statusText(core::RunStatus status);

private:
    QList<RunRow> m_runs;
    QString m_active;
};

} // namespace bankbench::ui
