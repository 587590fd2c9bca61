#pragma once

#include <QObject>
#include <QString>

namespace bankbench::ui {

/// A long operation (import, export; later training, scoring) that runs off the GUI thread. The object
/// itself lives on the GUI thread: start() and cancel() are called there and every signal arrives there.
/// cancel() sets the job's CancelToken directly; the job then finishes with Outcome::Cancelled. Whoever
/// starts a job owns it; destroying a running job cancels it and waits for its thread.
class Job : public QObject {
    Q_OBJECT

public:
    enum class Outcome { Succeeded, Failed, Cancelled };
    Q_ENUM(Outcome)

    explicit Job(QObject* parent = nullptr) : QObject(parent) {}

    /// Translated, e.g. "Importing calls.csv".
    virtual QString title() const = 0;
    virtual void start() = 0;
    virtual void cancel() = 0;

    bool isRunning() const { return m_running; }
    bool isFinished() const { return m_finished; }
    Outcome outcome() const { return m_outcome; }
    /// Failure reason (`FILE:LINE:COL: message`) or a short success summary.
    QString message() const { return m_message; }

signals:
    /// `fraction` in [0, 1], or -1 while the total is unknown; `detail` is translated
    /// ("12,000 rows · 40,000 rows/s · 0:12 left"). At most ~10 times a second.
    void progressChanged(double fraction, const QString& detail);
    void finished(bankbench::ui::Job::Outcome outcome, const QString& message);

protected:
    void markStarted() { m_running = true; }
    void markFinished(Outcome outcome, const QString& message) {
        m_running = false;
        m_finished = true;
        m_outcome = outcome;
        m_message = message;
        emit finished(outcome, message);
    }

private:
    bool m_running = false;
    bool m_finished = false;
    Outcome m_outcome = Outcome::Failed;
    QString m_message;
};

} // namespace bankbench::ui
