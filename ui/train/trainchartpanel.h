#pragma once

#include <ml/trainprogress.h>

#include <QWidget>

class QCPGraph;
class QCustomPlot;
class QTimer;

namespace bankbench::ui {

/// Live curves of one training run: training loss per progress update (raw and smoothed), the
/// validation numbers of each epoch (loss; accuracy and macro-F1 on a 0–1 axis) and the learning rate.
/// Points arrive at most ~10 times a second; every add only stores the point and (re)starts a short
/// single-shot timer, so bursts cost one replot. Zoom/pan/hover from makeInteractive(). GUI thread.
class TrainChartPanel : public QWidget {
    Q_OBJECT

public:
    static constexpr int kReplotDelayMs = 100;
    /// Weight of the newest point in the smoothed loss (exponential moving average, bias-corrected).
    static constexpr double kSmoothing = 0.1;

    explicit TrainChartPanel(QWidget* parent = nullptr);

    void clear();
    /// A Training update (other phases are ignored).
    void addProgress(const ml::TrainProgress& progress);
    void addEpoch(const ml::EpochMetrics& metrics);
    /// Fills the per-epoch chart from stored metrics (a finished run opened from the history).
    void setEpochs(const std::vector<ml::EpochMetrics>& epochs);

    int lossPointCount() const;
    int epochPointCount() const;
    bool isReplotPending() const;
    QCustomPlot* lossPlot() const { return m_loss; }
    QCustomPlot* epochPlot() const { return m_epochs; }
    QCustomPlot* learningRatePlot() const { return m_rate; }

private:
    QCustomPlot* makePlot(const QString& name, const QString& title);
    QCPGraph* addGraph(QCustomPlot* plot, const QString& name, const QColor& color, bool secondAxis = false,
                       bool dashed = false);
    void scheduleReplot();
    void replot();

    QCustomPlot* m_loss;
    QCustomPlot* m_epochs;
    QCustomPlot* m_rate;
    QCPGraph* m_rawLoss;
    QCPGraph* m_smoothLoss;
    QCPGraph* m_refitLoss;
    QCPGraph* m_epochTrainLoss;
    QCPGraph* m_validationLoss;
    QCPGraph* m_accuracy;
    QCPGraph* m_macroF1;
    QCPGraph* m_learningRate;
    QTimer* m_replotTimer;
    double m_ema = 0;
    double m_emaWeight = 0;
};

} // namespace bankbench::ui
