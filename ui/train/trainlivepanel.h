#pragma once

#include <ml/trainprogress.h>

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QProgressBar;

namespace bankbench::ui {

class TrainChartPanel;

/// The "Current run" page: which run is shown (name, model, data), a progress bar with examples/s and
/// the estimated time left, the live charts and the log. GUI thread.
class TrainLivePanel : public QWidget {
    Q_OBJECT

public:
    explicit TrainLivePanel(QWidget* parent = nullptr);

    /// Starts showing a run: clears the charts and the progress, keeps the log (with a separator line).
    void beginRun(const QString& heading);
    void setHeading(const QString& heading);
    void setProgress(const ml::TrainProgress& progress, const QString& detail);
    void addEpoch(const ml::EpochMetrics& metrics);
    void appendLog(const QString& line);
    /// The run ended: the bar shows the result text.
    void finishRun(const QString& message);

    TrainChartPanel* charts() const { return m_charts; }
    QString headingText() const;
    QString detailText() const;
    QString logText() const;
    int progressValue() const;

private:
    QLabel* m_heading;
    QProgressBar* m_bar;
    QLabel* m_detail;
    TrainChartPanel* m_charts;
    QPlainTextEdit* m_log;
};

} // namespace bankbench::ui
