#pragma once

#include "train/runrepository.h"

#include <QWidget>

class QComboBox;
class QCustomPlot;

namespace bankbench::ui {

/// Overlays the per-epoch curves of several runs (validation macro-F1, accuracy, loss or training loss,
/// chosen in a list), one coloured curve per run with a legend. Zoom/pan/hover from makeInteractive().
/// GUI thread.
class RunCompareChart : public QWidget {
    Q_OBJECT

public:
    enum class Metric { MacroF1, Accuracy, ValidationLoss, TrainLoss };

    explicit RunCompareChart(QWidget* parent = nullptr);

    /// Replaces the overlaid runs (in the given order).
    void setRuns(const QStringList& order, const RunMetricsMap& metrics);
    void setMetric(Metric metric);
    Metric metric() const;
    /// Curves drawn now (runs with at least one epoch).
    int curveCount() const;
    QCustomPlot* plot() const { return m_plot; }

private:
    void rebuild();

    QComboBox* m_metric;
    QCustomPlot* m_plot;
    QStringList m_order;
    RunMetricsMap m_metrics;
};

} // namespace bankbench::ui
