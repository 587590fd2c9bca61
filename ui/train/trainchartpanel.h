#pragma once

#include <ml/trainprogress.h>

#include <QWidget>

class QCPGraph;
class QCustomPlot;
class QTimer;

namespace bankbench::ui {

/// Live curves of one training run: training loss per step (each point the mean loss of the steps since
/// the previous report; raw and smoothed) and the learning rate, plus the validation numbers of each epoch
/// (loss; accuracy and macro-F1 on a 0–1 axis). Points arrive at most ~10 times a second and at each
/// epoch end; every add only stores the point and (re)starts a short single-shot timer, so bursts cost one
/// replot. Zoom/pan/hover from makeInteractive(). GUI thread.
class TrainChartPanel : public QWidget {
    Q_OBJECT

public:
    /// Points are drawn at most 4 times a second: each replot paints on the GUI thread, and at 10 a second
    /// the painting alone pushed the p99 gap of a 10 ms GUI timer past 20 ms while a transformer trained.
    static constexpr int kReplotDelayMs = 250;
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
    bool m_stepsDirty = false;  ///< the loss and rate charts have points not drawn yet
    bool m_epochsDirty = false; ///< the validation chart has
    double m_ema = 0;
    double m_emaWeight = 0;
};

} // namespace bankbench::ui
