#pragma once

#include "train/runrepository.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;

namespace bankbench::ui {

class RunCompareChart;
class RunHistoryModel;

/// The "Run history" page: every run of the project in a table, actions on the selected run (resume,
/// retrain, rename, delete, export, make active) and the overlay of the selected runs' curves. Asks
/// through signals; the workspace does the work (and the dialogs). GUI thread.
class RunHistoryPanel : public QWidget {
    Q_OBJECT

public:
    explicit RunHistoryPanel(QWidget* parent = nullptr);

    void setRuns(const QList<RunRow>& runs, const QString& activeModel);
    void setOverlay(const RunMetricsMap& metrics);
    /// A training session is running (its run cannot be renamed, deleted, resumed meanwhile).
    void setTrainingRun(const QString& runName);

    QStringList selectedRuns() const;
    void selectRuns(const QStringList& names);
    RunHistoryModel* model() const { return m_model; }
    QTableView* table() const { return m_table; }
    RunCompareChart* compareChart() const { return m_compare; }

signals:
    void selectionChanged(const QStringList& runNames);
    void resumeRequested(const QString& runName);
    void retrainRequested(const QString& runName);
    void renameRequested(const QString& runName);
    void deleteRequested(const QString& runName);
    void exportRequested(const QString& runName);
    void activateRequested(const QString& runName);

private:
    QPushButton* button(const QString& name, const QString& text, const QString& tip);
    void updateButtons();
    QString current() const;

    RunHistoryModel* m_model;
    QTableView* m_table;
    RunCompareChart* m_compare;
    QLabel* m_hint;
    QPushButton* m_resume;
    QPushButton* m_retrain;
    QPushButton* m_rename;
    QPushButton* m_delete;
    QPushButton* m_export;
    QPushButton* m_activate;
    QString m_trainingRun;
};

} // namespace bankbench::ui
