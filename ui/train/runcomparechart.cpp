#include "train/runcomparechart.h"

#include "train/plothover.h"

#include <qcustomplot.h>

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

#include <iterator>

namespace bankbench::ui {

namespace {

// Distinct colours that stay apart for colour-blind readers (Okabe–Ito), then repeat with dashes.
const QColor kColors[] = {QColor(0x00, 0x72, 0xb2), QColor(0xe6, 0x9f, 0x00), QColor(0x00, 0x9e, 0x73),
                          QColor(0xcc, 0x79, 0xa7), QColor(0xd5, 0x5e, 0x00), QColor(0x56, 0xb4, 0xe9),
                          QColor(0x33, 0x33, 0x33)};

double valueOf(const ml::EpochMetrics& m, RunCompareChart::Metric metric) {
    switch (metric) {
    case RunCompareChart::Metric::MacroF1:
        return m.validationMacroF1;
    case RunCompareChart::Metric::Accuracy:
        return m.validationAccuracy;
    case RunCompareChart::Metric::ValidationLoss:
        return m.validationLoss;
    case RunCompareChart::Metric::TrainLoss:
        return m.trainLoss;
    }
    return 0;
}

} // namespace

RunCompareChart::RunCompareChart(QWidget* parent)
    : QWidget(parent), m_metric(new QComboBox(this)), m_plot(new QCustomPlot(this)) {
    setObjectName(QStringLiteral("runCompareChart"));
    m_metric->setObjectName(QStringLiteral("runCompareMetric"));
    m_metric->addItem(tr("Validation macro-F1"), static_cast<int>(Metric::MacroF1));
    m_metric->addItem(tr("Validation accuracy"), static_cast<int>(Metric::Accuracy));
    m_metric->addItem(tr("Validation loss"), static_cast<int>(Metric::ValidationLoss));
    m_metric->addItem(tr("Training loss"), static_cast<int>(Metric::TrainLoss));
    connect(m_metric, &QComboBox::currentIndexChanged, this, &RunCompareChart::rebuild);

    m_plot->setObjectName(QStringLiteral("runComparePlot"));
    m_plot->setMinimumHeight(180);
    m_plot->setBackground(palette().base());
    m_plot->legend->setVisible(true);
    m_plot->legend->setFont(font());
    m_plot->legend->setBrush(QColor(255, 255, 255, 210));
    m_plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignBottom | Qt::AlignRight);
    m_plot->xAxis->setLabel(tr("epoch"));
    for (QCPAxis* axis : {m_plot->xAxis, m_plot->yAxis}) {
        axis->setTickLabelFont(font());
        axis->setLabelFont(font());
    }
    auto ticks = QSharedPointer<QCPAxisTickerFixed>::create();
    ticks->setTickStep(1);
    ticks->setScaleStrategy(QCPAxisTickerFixed::ssMultiples);
    m_plot->xAxis->setTicker(ticks);
    makeInteractive(m_plot);

    auto* top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Compare selected runs by:"), this));
    top->addWidget(m_metric);
    top->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_plot, 1);
    rebuild();
}

void RunCompareChart::setRuns(const QStringList& order, const RunMetricsMap& metrics) {
    m_order = order;
    m_metrics = metrics;
    m_plot->setProperty(kFollowProperty, true);
    rebuild();
}

void RunCompareChart::setMetric(Metric metric) {
    m_metric->setCurrentIndex(m_metric->findData(static_cast<int>(metric)));
}

RunCompareChart::Metric RunCompareChart::metric() const {
    return static_cast<Metric>(m_metric->currentData().toInt());
}

int RunCompareChart::curveCount() const {
    return m_plot->graphCount();
}

void RunCompareChart::rebuild() {
    m_plot->clearGraphs();
    const Metric chosen = metric();
    const bool score = chosen == Metric::MacroF1 || chosen == Metric::Accuracy;
    m_plot->yAxis->setLabel(m_metric->currentText());
    int index = 0;
    double maxEpoch = 1;
    double maxValue = 0;
    for (const QString& name : m_order) {
        const auto found = m_metrics.constFind(name);
        if (found == m_metrics.constEnd() || found->empty())
            continue;
        QCPGraph* graph = m_plot->addGraph();
        graph->setName(name);
        const int count = static_cast<int>(std::size(kColors));
        QPen pen(kColors[index % count], 2);
        if (index >= count)
            pen.setStyle(Qt::DashLine);
        graph->setPen(pen);
        graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, 5));
        for (const auto& m : *found) {
            const double value = valueOf(m, chosen);
            graph->addData(m.epoch, value);
            maxEpoch = std::max(maxEpoch, static_cast<double>(m.epoch));
            maxValue = std::max(maxValue, value);
        }
        ++index;
    }
    m_plot->xAxis->setRange(0.5, maxEpoch + 0.5);
    m_plot->yAxis->setRange(0, score ? 1.02 : std::max(0.1, maxValue * 1.1));
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

} // namespace bankbench::ui
