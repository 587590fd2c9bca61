#pragma once

#include "playground/playgroundtypes.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace bankbench::ui {

/// Replays a conversation test file (the `bankbench-cli chat-test` format, conversationtest.h) through
/// the loaded bot and shows pass/fail per turn with what was expected and what the bot did. The run
/// happens on the workspace's worker; this view asks for it and shows the outcomes as they come. GUI
/// thread.
class ConversationTestView : public QWidget {
    Q_OBJECT

public:
    explicit ConversationTestView(QWidget* parent = nullptr);

    void setReady(bool ready);
    /// Starts a run of `path` (as if chosen and Run pressed).
    void run(const QString& path);
    void addOutcome(const core::chat::TurnOutcome& outcome);
    void finish(qint64 passed, qint64 failed, bool cancelled);
    void fail(const QString& message);

    bool isRunning() const { return m_running; }
    QTableWidget* table() const { return m_table; }
    QString summary() const;

signals:
    void runRequested(const QString& path);
    void cancelRequested();

protected:
    void changeEvent(QEvent* event) override;

private:
    void choose();
    void updateButtons();
    void retranslate();

    QLineEdit* m_path;
    QPushButton* m_browse;
    QPushButton* m_run;
    QPushButton* m_cancel;
    QTableWidget* m_table;
    QLabel* m_summary;
    bool m_ready = false;
    bool m_running = false;
};

} // namespace bankbench::ui
