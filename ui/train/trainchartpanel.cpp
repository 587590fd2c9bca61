#include "train/trainchartpanel.h"

#include "train/plothover.h"

#include <qcustomplot.h>

#include <QTimer>
#include <QVBoxLayout>

namespace bankbench::ui {

TrainChartPanel::TrainChartPanel(QWidget* parent) : QWidget(parent), m_replotTimer(new QTimer(this)) {
    setObjectName(QStringLiteral("trainCharts"));
    m_loss = makePlot(QStringLiteral("trainLossPlot"), tr("Training loss"));
    m_epochs = makePlot(QStringLiteral("trainEpochPlot"), tr("Validation per epoch"));
    m_rate = makePlot(QStringLiteral("trainRatePlot"), tr("Learning rate"));

    m_loss->xAxis->setLabel(tr("step"));
    m_loss->yAxis->setLabel(tr("loss"));
    m_rawLoss = addGraph(m_loss, tr("Training loss (recent steps)"), QColor(0x9c, 0xb8, 0xe4));
    m_smoothLoss = addGraph(m_loss, tr("Smoothed"), QColor(0x1f, 0x5f, 0xbf));
    m_refitLoss = addGraph(m_loss, tr("Final pass on all examples"), QColor(0x8e, 0x44, 0xad), false, true);

    m_epochs->xAxis->setLabel(tr("epoch"));
    m_epochs->yAxis->setLabel(tr("loss"));
    m_epochs->yAxis2->setVisible(true);
    m_epochs->yAxis2->setLabel(tr("score"));
    m_epochs->yAxis2->setRange(0, 1.02);
    auto epochTicks = QSharedPointer<QCPAxisTickerFixed>::create();
    epochTicks->setTickStep(1);
    epochTicks->setScaleStrategy(QCPAxisTickerFixed::ssMultiples);
    m_epochs->xAxis->setTicker(epochTicks);
    m_epochTrainLoss = addGraph(m_epochs, tr("Training loss"), QColor(0x9c, 0xb8, 0xe4), false, true);
    m_validationLoss = addGraph(m_epochs, tr("Validation loss"), QColor(0xd3, 0x54, 0x00));
    m_accuracy = addGraph(m_epochs, tr("Validation accuracy"), QColor(0x27, 0xae, 0x60), true);
    m_macroF1 = addGraph(m_epochs, tr("Validation macro-F1"), QColor(0x16, 0x7d, 0x4a), true, true);
    for (QCPGraph* graph : {m_epochTrainLoss, m_validationLoss, m_accuracy, m_macroF1})
        graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, 5));

    m_rate->xAxis->setLabel(tr("step"));
    m_rate->yAxis->setLabel(tr("learning rate"));
    m_learningRate = addGraph(m_rate, tr("Learning rate"), QColor(0x7f, 0x8c, 0x8d));
    // Rates such as 3e-4 in a short chart: few ticks in plain notation, or their labels collide and
    // read "5E-05".
    m_rate->yAxis->setNumberFormat(QStringLiteral("gb"));
    m_rate->yAxis->setNumberPrecision(2);
    m_rate->yAxis->ticker()->setTickCount(3);
    m_rate->legend->setVisible(false);

    m_replotTimer->setSingleShot(true);
    m_replotTimer->setInterval(kReplotDelayMs);
    connect(m_replotTimer, &QTimer::timeout, this, &TrainChartPanel::replot);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addWidget(m_loss, 3);
    layout->addWidget(m_epochs, 3);
    layout->addWidget(m_rate, 2);
}

QCustomPlot* TrainChartPanel::makePlot(const QString& name, const QString& title) {
    auto* plot = new QCustomPlot(this);
    plot->setObjectName(name);
    plot->setMinimumHeight(120);
    plot->setBackground(palette().base());
    plot->plotLayout()->insertRow(0);
    auto* heading = new QCPTextElement(plot, title, QFont(font().family(), font().pointSize(), QFont::Bold));
    plot->plotLayout()->addElement(0, 0, heading);
    plot->legend->setVisible(true);
    plot->legend->setFont(font());
    plot->legend->setBrush(QColor(255, 255, 255, 210));
    plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
    for (QCPAxis* axis : {plot->xAxis, plot->yAxis, plot->yAxis2}) {
        axis->setTickLabelFont(font());
        axis->setLabelFont(font());
    }
    makeInteractive(plot);
    return plot;
}

QCPGraph* TrainChartPanel::addGraph(QCustomPlot* plot, const QString& name, const QColor& color,
                                    bool secondAxis, bool dashed) {
    QCPGraph* graph = plot->addGraph(plot->xAxis, secondAxis ? plot->yAxis2 : plot->yAxis);
    graph->setName(name);
    QPen pen(color, 2);
    if (dashed)
        pen.setStyle(Qt::DashLine);
    graph->setPen(pen);
    return graph;
}

void TrainChartPanel::clear() {
    for (QCustomPlot* plot : {m_loss, m_epochs, m_rate})
        for (int i = 0; i < plot->graphCount(); ++i)
            plot->graph(i)->data()->clear();
    m_ema = 0;
    m_emaWeight = 0;
    m_stepsDirty = true;
    m_epochsDirty = true;
    scheduleReplot();
}

void TrainChartPanel::addProgress(const ml::TrainProgress& progress) {
    // Every report that closes a window of steps adds a point, epoch ends included: with epochs shorter
    // than the report interval those are the only ones. Reports without steps (preparing, pretraining,
    // the end right after an epoch end) carry no step loss.
    if (progress.phase == ml::TrainProgress::Phase::Preparing || progress.stepLossSteps <= 0 ||
        progress.step <= 0)
        return;
    const auto step = static_cast<double>(progress.step);
    if (progress.refit) {
        m_refitLoss->addData(step, progress.stepLoss);
    } else {
        m_rawLoss->addData(step, progress.stepLoss);
        // Bias-corrected EMA (as TensorBoard's smoothing): the first points are not pulled toward 0.
        m_ema = (1 - kSmoothing) * m_ema + kSmoothing * progress.stepLoss;
        m_emaWeight = (1 - kSmoothing) * m_emaWeight + kSmoothing;
        m_smoothLoss->addData(step, m_ema / m_emaWeight);
    }
    m_learningRate->addData(step, progress.learningRate);
    m_stepsDirty = true;
    scheduleReplot();
}

void TrainChartPanel::addEpoch(const ml::EpochMetrics& metrics) {
    const auto epoch = static_cast<double>(metrics.epoch);
    // A resumed run repeats the epochs after its checkpoint: keep one point per epoch.
    for (QCPGraph* graph : {m_epochTrainLoss, m_validationLoss, m_accuracy, m_macroF1})
        graph->data()->remove(epoch);
    m_epochTrainLoss->addData(epoch, metrics.trainLoss);
    m_validationLoss->addData(epoch, metrics.validationLoss);
    m_accuracy->addData(epoch, metrics.validationAccuracy);
    m_macroF1->addData(epoch, metrics.validationMacroF1);
    m_epochsDirty = true;
    scheduleReplot();
}

void TrainChartPanel::setEpochs(const std::vector<ml::EpochMetrics>& epochs) {
    for (QCPGraph* graph : {m_epochTrainLoss, m_validationLoss, m_accuracy, m_macroF1})
        graph->data()->clear();
    for (const auto& metrics : epochs)
        addEpoch(metrics);
}

int TrainChartPanel::lossPointCount() const {
    return m_rawLoss->dataCount() + m_refitLoss->dataCount();
}

int TrainChartPanel::epochPointCount() const {
    return m_macroF1->dataCount();
}

bool TrainChartPanel::isReplotPending() const {
    return m_replotTimer->isActive();
}

void TrainChartPanel::scheduleReplot() {
    if (!m_replotTimer->isActive())
        m_replotTimer->start();
}

void TrainChartPanel::replot() {
    // Only the charts that received points: step reports touch the loss and rate charts, epoch ends the
    // validation chart. Each replot paints on the GUI thread (BENCHMARKS.md, "Train workspace: GUI
    // responsiveness").
    if (m_stepsDirty) {
        for (QCustomPlot* plot : {m_loss, m_rate}) {
            if (followsData(plot)) {
                plot->rescaleAxes(true);
                plot->yAxis->scaleRange(1.08, plot->yAxis->range().center());
                if (plot->yAxis->range().lower < 0)
                    plot->yAxis->setRangeLower(0);
            }
            plot->replot(QCustomPlot::rpQueuedReplot);
        }
    }
    if (m_epochsDirty) {
        if (followsData(m_epochs)) {
            m_epochs->xAxis->rescale(true);
            m_epochs->xAxis->setRange(std::min(0.5, m_epochs->xAxis->range().lower),
                                      std::max(m_epochs->xAxis->range().upper + 0.5, 1.5));
            bool found = false;
            QCPRange losses;
            for (QCPGraph* graph : {m_epochTrainLoss, m_validationLoss}) {
                const QCPRange range = graph->getValueRange(found);
                if (found)
                    losses.expand(range);
            }
            m_epochs->yAxis->setRange(0, std::max(0.1, losses.upper * 1.1));
        }
        m_epochs->replot(QCustomPlot::rpQueuedReplot);
    }
    m_stepsDirty = false;
    m_epochsDirty = false;
}

} // namespace bankbench::ui
