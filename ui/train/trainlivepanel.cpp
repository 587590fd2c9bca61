#include "train/trainlivepanel.h"

#include "train/trainchartpanel.h"

#include <QDateTime>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QSplitter>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace bankbench::ui {

TrainLivePanel::TrainLivePanel(QWidget* parent)
    : QWidget(parent), m_heading(new QLabel(this)), m_bar(new QProgressBar(this)), m_detail(new QLabel(this)),
      m_charts(new TrainChartPanel(this)), m_log(new QPlainTextEdit(this)) {
    setObjectName(QStringLiteral("trainLive"));
    m_heading->setObjectName(QStringLiteral("trainLiveHeading"));
    QFont bold = m_heading->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.15);
    m_heading->setFont(bold);
    m_heading->setWordWrap(true);
    m_bar->setObjectName(QStringLiteral("trainProgressBar"));
    m_bar->setRange(0, 1000);
    m_bar->setTextVisible(true);
    m_detail->setObjectName(QStringLiteral("trainProgressDetail"));
    m_log->setObjectName(QStringLiteral("trainLog"));
    m_log->setReadOnly(true);
    m_log->setMaximumBlockCount(5000);
    m_log->setLineWrapMode(QPlainTextEdit::NoWrap);
    QFont mono(QStringLiteral("monospace"));
    mono.setStyleHint(QFont::Monospace);
    mono.setPointSizeF(font().pointSizeF() * 0.92);
    m_log->setFont(mono);

    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_charts);
    splitter->addWidget(m_log);
    splitter->setStretchFactor(0, 5);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_heading);
    layout->addWidget(m_bar);
    layout->addWidget(m_detail);
    layout->addWidget(splitter, 1);
    setHeading(tr("No run yet: choose the data and a model, then Start Training."));
    m_bar->setValue(0);
    m_bar->setFormat(QString());
}

void TrainLivePanel::beginRun(const QString& heading) {
    setHeading(heading);
    m_charts->clear();
    m_bar->setValue(0);
    m_bar->setFormat(QStringLiteral("%p%"));
    m_detail->clear();
    if (!m_log->document()->isEmpty())
        appendLog(QStringLiteral("────────"));
}

void TrainLivePanel::setHeading(const QString& heading) {
    m_heading->setText(heading);
}

void TrainLivePanel::setProgress(const ml::TrainProgress& progress, const QString& detail) {
    m_charts->addProgress(progress);
    if (progress.totalSteps > 0) {
        const double fraction = std::clamp(
            static_cast<double>(progress.step) / static_cast<double>(progress.totalSteps), 0.0, 1.0);
        m_bar->setValue(static_cast<int>(std::lround(fraction * 1000)));
    }
    m_detail->setText(detail);
}

void TrainLivePanel::addEpoch(const ml::EpochMetrics& metrics) {
    m_charts->addEpoch(metrics);
}

void TrainLivePanel::appendLog(const QString& line) {
    m_log->appendPlainText(
        QStringLiteral("%1  %2").arg(QTime::currentTime().toString(QStringLiteral("HH:mm:ss")), line));
}

void TrainLivePanel::finishRun(const QString& message) {
    m_detail->setText(message);
    appendLog(message);
}

QString TrainLivePanel::headingText() const {
    return m_heading->text();
}

QString TrainLivePanel::detailText() const {
    return m_detail->text();
}

QString TrainLivePanel::logText() const {
    return m_log->toPlainText();
}

int TrainLivePanel::progressValue() const {
    return m_bar->value();
}

} // namespace bankbench::ui
