#pragma once

#include <QColor>
#include <QList>
#include <QString>
#include <QWidget>

#include <optional>

class QCustomPlot;
class QLabel;
class QProgressBar;
class QTimer;

namespace bankbench::ui {

/// One bar of the per-label chart.
struct LabelCountBar {
    QString name; ///< display name
    QColor color;
    qint64 count = 0;
};

/// Progress of the labeling work: labelled / total with a bar, labels per hour, agreement between
/// annotators, and the per-label counts as a small horizontal QCustomPlot bar chart. The chart redraws on
/// a coalescing single-shot timer, never on the keypress that changed a count. GUI thread.
class LabelProgressPanel : public QWidget {
    Q_OBJECT

public:
    static constexpr int kReplotDelayMs = 150;

    explicit LabelProgressPanel(QWidget* parent = nullptr);

    void setProgress(qint64 labelled, qint64 total);
    void setCounts(const QList<LabelCountBar>& bars);
    /// `labelsPerHour` < 0 hides the rate (not enough decisions yet).
    void setRate(double labelsPerHour, qint64 decisionsThisSession);
    /// Overall kappa and how it was computed; nothing hides the line (fewer than two annotators).
    void setAgreement(std::optional<double> kappa, const QString& method, const QString& details);

    QString progressText() const;
    QString rateText() const;
    QString agreementText() const;
    const QList<LabelCountBar>& counts() const { return m_bars; }
    /// The chart's replot is pending (tests wait for it).
    bool isReplotPending() const;
    QCustomPlot* chart() const { return m_chart; }

private:
    void replot();

    QLabel* m_progressLabel;
    QProgressBar* m_progressBar;
    QLabel* m_rate;
    QLabel* m_agreement;
    QCustomPlot* m_chart;
    QTimer* m_replotTimer;
    QList<LabelCountBar> m_bars;
};

} // namespace bankbench::ui
