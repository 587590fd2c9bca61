#include "evaluate/calibrationplots.h"

#include <qcustomplot.h>

#include <QCoreApplication>

namespace bankbench::ui {

/// Translation context of the calibration charts.
class CalibrationPlots {
    Q_DECLARE_TR_FUNCTIONS(CalibrationPlots)
};

namespace calibrationplots {

namespace {

void reset(QCustomPlot& plot, const QString& title) {
    plot.clearPlottables();
    plot.clearItems();
    if (plot.plotLayout()->rowCount() < 2) {
        plot.plotLayout()->insertRow(0);
        plot.plotLayout()->addElement(
            0, 0, new QCPTextElement(&plot, QString(), QFont(plot.font().family(), 11, QFont::Bold)));
    }
    if (auto* element = qobject_cast<QCPTextElement*>(plot.plotLayout()->element(0, 0)))
        element->setText(title);
    plot.setInteractions(QCP::iRangeZoom | QCP::iRangeDrag);
    plot.axisRect()->setRangeZoom(Qt::Horizontal);
    plot.axisRect()->setRangeDrag(Qt::Horizontal);
}

} // namespace

void showReliability(QCustomPlot& plot, const EvaluationResult& result) {
    QString title = CalibrationPlots::tr("Reliability diagram");
    if (result.ece)
        title += QStringLiteral(" · ") + CalibrationPlots::tr("ECE %1").arg(*result.ece, 0, 'f', 3);
    reset(plot, title);
    auto* bars = new QCPBars(plot.xAxis, plot.yAxis);
    bars->setName(CalibrationPlots::tr("Accuracy in the bin"));
    bars->setBrush(QColor(66, 133, 244, 170));
    bars->setPen(QPen(QColor(40, 90, 180)));
    double width = 1.0;
    for (const ConfidenceBin& bin : result.bins) {
        width = bin.upper - bin.lower;
        if (bin.count > 0)
            bars->addData((bin.lower + bin.upper) / 2, static_cast<double>(bin.correct) / bin.count);
    }
    bars->setWidth(width * 0.92);
    auto* ideal = new QCPGraph(plot.xAxis, plot.yAxis);
    ideal->setName(CalibrationPlots::tr("Perfect calibration"));
    ideal->setPen(QPen(QColor(120, 120, 120), 1.5, Qt::DashLine));
    ideal->setData({0.0, 1.0}, {0.0, 1.0});
    auto* mean = new QCPGraph(plot.xAxis, plot.yAxis);
    mean->setName(CalibrationPlots::tr("Mean confidence in the bin"));
    mean->setLineStyle(QCPGraph::lsNone);
    mean->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDiamond, QColor(230, 120, 20), 7));
    for (const ConfidenceBin& bin : result.bins) {
        if (bin.count > 0)
            mean->addData(bin.meanConfidence, static_cast<double>(bin.correct) / bin.count);
    }
    plot.xAxis->setLabel(CalibrationPlots::tr("Confidence (highest probability)"));
    plot.yAxis->setLabel(CalibrationPlots::tr("Share correct"));
    plot.xAxis->setRange(0, 1);
    plot.yAxis->setRange(0, 1.02);
    plot.legend->setVisible(true);
    plot.axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignLeft);
    plot.replot();
}

void showConfidenceHistogram(QCustomPlot& plot, const EvaluationResult& result) {
    reset(plot, CalibrationPlots::tr("Confidence histogram"));
    auto* correct = new QCPBars(plot.xAxis, plot.yAxis);
    correct->setName(CalibrationPlots::tr("Correct"));
    correct->setBrush(QColor(65, 171, 93, 200));
    correct->setPen(QPen(QColor(35, 120, 60)));
    auto* wrong = new QCPBars(plot.xAxis, plot.yAxis);
    wrong->setName(CalibrationPlots::tr("Wrong"));
    wrong->setBrush(QColor(215, 48, 39, 200));
    wrong->setPen(QPen(QColor(150, 30, 25)));
    wrong->moveAbove(correct);
    double width = 1.0;
    double highest = 1;
    for (const ConfidenceBin& bin : result.bins) {
        width = bin.upper - bin.lower;
        const double centre = (bin.lower + bin.upper) / 2;
        correct->addData(centre, static_cast<double>(bin.correct));
        wrong->addData(centre, static_cast<double>(bin.count - bin.correct));
        highest = std::max(highest, static_cast<double>(bin.count));
    }
    correct->setWidth(width * 0.92);
    wrong->setWidth(width * 0.92);
    plot.xAxis->setLabel(CalibrationPlots::tr("Confidence (highest probability)"));
    plot.yAxis->setLabel(CalibrationPlots::tr("Examples"));
    plot.xAxis->setRange(0, 1);
    plot.yAxis->setRange(0, highest * 1.08);
    plot.legend->setVisible(true);
    plot.axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignLeft);
    plot.replot();
}

void showPerLabelF1(QCustomPlot& plot, const EvaluationResult& result) {
    reset(plot, CalibrationPlots::tr("F1 and threshold per label"));
    auto* bars = new QCPBars(plot.xAxis, plot.yAxis);
    bars->setName(CalibrationPlots::tr("F1"));
    bars->setBrush(QColor(66, 133, 244, 170));
    auto* thresholds = new QCPGraph(plot.xAxis, plot.yAxis);
    thresholds->setName(CalibrationPlots::tr("Threshold"));
    thresholds->setLineStyle(QCPGraph::lsNone);
    thresholds->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, QColor(230, 120, 20), 7));
    auto ticker = QSharedPointer<QCPAxisTickerText>(new QCPAxisTickerText);
    for (int i = 0; i < result.perClass.size(); ++i) {
        const ReportRow& row = result.perClass[i];
        bars->addData(i, row.f1);
        if (row.threshold)
            thresholds->addData(i, *row.threshold);
        ticker->addTick(i, row.label);
    }
    bars->setWidth(0.7);
    plot.xAxis->setTicker(ticker);
    plot.xAxis->setTickLabelRotation(-60);
    plot.xAxis->setSubTicks(false);
    plot.xAxis->setRange(-0.6, result.perClass.size() - 0.4);
    plot.yAxis->setRange(0, 1.02);
    plot.yAxis->setLabel(CalibrationPlots::tr("F1 / threshold"));
    plot.legend->setVisible(true);
    plot.replot();
}

} // namespace calibrationplots

} // namespace bankbench::ui
