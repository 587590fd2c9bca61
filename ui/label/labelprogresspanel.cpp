#include "label/labelprogresspanel.h"

#include <qcustomplot.h>

#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace bankbench::ui {

namespace {

constexpr int kBarRowPx = 30;

} // namespace

LabelProgressPanel::LabelProgressPanel(QWidget* parent)
    : QWidget(parent), m_progressLabel(new QLabel(this)), m_progressBar(new QProgressBar(this)),
      m_rate(new QLabel(this)), m_agreement(new QLabel(this)), m_chart(new QCustomPlot(this)),
      m_replotTimer(new QTimer(this)) {
    setObjectName(QStringLiteral("labelProgress"));
    m_progressLabel->setObjectName(QStringLiteral("labelProgressText"));
    QFont bold = m_progressLabel->font();
    bold.setBold(true);
    m_progressLabel->setFont(bold);
    m_progressBar->setObjectName(QStringLiteral("labelProgressBar"));
    m_progressBar->setTextVisible(false);
    m_progressBar->setMaximumHeight(8);
    m_rate->setObjectName(QStringLiteral("labelRate"));
    m_agreement->setObjectName(QStringLiteral("labelAgreement"));
    m_agreement->setWordWrap(true);
    m_agreement->hide();

    m_chart->setObjectName(QStringLiteral("labelCountsChart"));
    m_chart->setBackground(palette().base());
    m_chart->axisRect()->setAutoMargins(QCP::msLeft | QCP::msBottom);
    m_chart->axisRect()->setMargins(QMargins(0, 6, 12, 0));
    m_chart->xAxis->setTickLabelFont(font());
    m_chart->yAxis->setTickLabelFont(font());
    m_chart->xAxis->grid()->setVisible(true);
    m_chart->yAxis->grid()->setVisible(false);
    m_chart->yAxis->setRangeReversed(true); // first label on top, like the buttons
    m_chart->yAxis->setTicker(QSharedPointer<QCPAxisTickerText>(new QCPAxisTickerText));
    m_chart->yAxis->setTickLength(0, 0);
    m_chart->yAxis->setSubTicks(false);
    m_chart->xAxis->setSubTicks(false);
    m_chart->setFixedHeight(100);

    m_replotTimer->setSingleShot(true);
    m_replotTimer->setInterval(kReplotDelayMs);
    connect(m_replotTimer, &QTimer::timeout, this, &LabelProgressPanel::replot);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(m_progressLabel);
    layout->addWidget(m_progressBar);
    layout->addWidget(m_rate);
    layout->addWidget(m_agreement);
    layout->addWidget(m_chart);
    setProgress(0, 0);
    setRate(-1, 0);
}

void LabelProgressPanel::setProgress(qint64 labelled, qint64 total) {
    const QLocale locale;
    const double percent = total > 0 ? 100.0 * static_cast<double>(labelled) / static_cast<double>(total) : 0;
    m_progressLabel->setText(tr("%1 of %2 labelled (%3%)")
                                 .arg(locale.toString(labelled), locale.toString(total),
                                      locale.toString(percent, 'f', percent < 10 ? 1 : 0)));
    // QProgressBar takes int: scale to per-mille so a billion rows still fit.
    m_progressBar->setRange(0, 1000);
    m_progressBar->setValue(static_cast<int>(std::lround(percent * 10)));
}

void LabelProgressPanel::setCounts(const QList<LabelCountBar>& bars) {
    m_bars = bars;
    const int rows = std::max<int>(1, static_cast<int>(bars.size()));
    // Bars of a steady thickness: the chart grows with the label count instead of stretching.
    m_chart->setFixedHeight(std::clamp(40 + rows * kBarRowPx, 100, 480));
    m_replotTimer->start();
}

void LabelProgressPanel::setRate(double labelsPerHour, qint64 decisionsThisSession) {
    const QLocale locale;
    if (labelsPerHour < 0) {
        m_rate->setText(tr("Decisions this session: %1").arg(locale.toString(decisionsThisSession)));
        return;
    }
    m_rate->setText(tr("Decisions this session: %1 · %2 labels per hour")
                        .arg(locale.toString(decisionsThisSession),
                             locale.toString(static_cast<qint64>(std::lround(labelsPerHour)))));
}

void LabelProgressPanel::setAgreement(std::optional<double> kappa, const QString& method,
                                      const QString& details) {
    if (!kappa) {
        m_agreement->hide();
        m_agreement->clear();
        return;
    }
    m_agreement->setText(tr("Agreement (%1): κ = %2").arg(method, QLocale().toString(*kappa, 'f', 3)));
    m_agreement->setToolTip(details);
    m_agreement->show();
}

QString LabelProgressPanel::progressText() const {
    return m_progressLabel->text();
}

QString LabelProgressPanel::rateText() const {
    return m_rate->text();
}

QString LabelProgressPanel::agreementText() const {
    return m_agreement->isHidden() ? QString() : m_agreement->text();
}

bool LabelProgressPanel::isReplotPending() const {
    return m_replotTimer->isActive();
}

void LabelProgressPanel::replot() {
    m_chart->clearPlottables();
    auto ticker = qSharedPointerCast<QCPAxisTickerText>(m_chart->yAxis->ticker());
    ticker->clear();
    qint64 maxCount = 0;
    for (int i = 0; i < m_bars.size(); ++i) {
        const LabelCountBar& bar = m_bars.at(i);
        // One QCPBars per label: each carries its own label colour.
        auto* bars = new QCPBars(m_chart->yAxis, m_chart->xAxis);
        bars->setWidth(0.7);
        const QColor color = bar.color.isValid() ? bar.color : QColor(QStringLiteral("#4a7bd0"));
        bars->setBrush(color);
        bars->setPen(QPen(color.darker(120)));
        bars->addData(i, static_cast<double>(bar.count));
        ticker->addTick(i, bar.name);
        maxCount = std::max(maxCount, bar.count);
    }
    m_chart->yAxis->setRange(-0.6, std::max<double>(0.6, static_cast<double>(m_bars.size()) - 0.4));
    m_chart->xAxis->setRange(0, std::max<double>(5.0, static_cast<double>(maxCount) * 1.08));
    m_chart->replot(QCustomPlot::rpQueuedReplot);
}

} // namespace bankbench::ui
