#pragma once

#include "playground/playgroundtypes.h"

#include <QWidget>

class QComboBox;
class QHBoxLayout;
class QLineEdit;
class QListView;
class QPushButton;
class QTimer;

namespace bankbench::ui {

class ChatBubbleDelegate;
class ChatModel;

/// The conversation: message bubbles, a typing indicator while the bot thinks, quick-reply buttons for
/// the latest clarification, the message box with Send and the answer language. Emits what the user
/// does; the workspace talks to the worker. GUI thread.
class ChatView : public QWidget {
    Q_OBJECT

public:
    explicit ChatView(QWidget* parent = nullptr);

    ChatModel* model() const { return m_model; }
    QListView* list() const { return m_list; }
    ChatBubbleDelegate* delegate() const { return m_delegate; }
    QLineEdit* input() const { return m_input; }
    QPushButton* sendButton() const { return m_send; }
    QList<QPushButton*> quickReplyButtons() const;

    /// "auto", "zh" or "en".
    QString language() const;
    /// While a turn runs: typing bubble, input disabled.
    void setBusy(bool busy);
    bool isBusy() const { return m_busy; }
    void setReady(bool ready);
    void showAnswer(const core::chat::TurnResult& turn, qint64 turnId);
    void clearConversation();
    /// Scales the conversation's font (presenter mode).
    void setFontScale(double scale);

signals:
    void messageSubmitted(const QString& text, const QString& language);
    void feedbackRequested(qint64 turnId, int feedback);
    /// The user asked for this turn to become a record in the label workspace.
    void labelingRequested(qint64 turnId);

protected:
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void submit();
    void submitText(const QString& text);
    void setQuickReplies(const std::vector<core::chat::QuickReply>& replies);
    void retranslate();
    void relayout();

    ChatModel* m_model;
    QListView* m_list;
    ChatBubbleDelegate* m_delegate;
    QWidget* m_quickBar;
    QHBoxLayout* m_quickLayout;
    QLineEdit* m_input;
    QPushButton* m_send;
    QComboBox* m_language;
    QTimer* m_typingTimer;
    QFont m_baseFont;
    bool m_busy = false;
    bool m_ready = false;
};

} // namespace bankbench::ui
