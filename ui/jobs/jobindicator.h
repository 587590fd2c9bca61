#pragma once

#include <QPointer>
#include <QWidget>

class QLabel;
class QProgressBar;
class QToolButton;

namespace bankbench::ui {

class Job;

/// Status-bar widget for the running background job: its title, a progress bar (busy when the total is
/// unknown), the job's detail line and a Cancel button. Hidden when no job runs. Does not own the job.
/// GUI thread.
class JobIndicator : public QWidget {
    Q_OBJECT

public:
    explicit JobIndicator(QWidget* parent = nullptr);

    void attach(Job* job);
    Job* job() const { return m_job; }
    QString detailText() const;

private:
    void onProgress(double fraction, const QString& detail);
    void onFinished();

    QPointer<Job> m_job;
    QLabel* m_title;
    QProgressBar* m_bar;
    QLabel* m_detail;
    QToolButton* m_cancel;
};

} // namespace bankbench::ui
