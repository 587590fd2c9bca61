#pragma once

#include "playground/playgroundtypes.h"

#include <QAbstractListModel>
#include <QList>

#include <optional>

namespace bankbench::ui {

/// One bubble of the conversation.
struct ChatMessage {
    enum class Kind { User, Bot, Typing };
    Kind kind = Kind::User;
    QString text;                               ///< masked (personal data never reaches the screen in clear)
    std::optional<core::chat::TurnResult> turn; ///< bot messages
    qint64 turnId = 0;                          ///< chat log id (0: not logged)
    int feedback = 0;                           ///< -1, 0, +1 as stored
    bool sentToLabeling = false;                ///< a record of this turn is in the label workspace
};

/// The conversation shown by ChatView: user and bot messages in order, and a typing bubble while a turn
/// runs. GUI thread.
class ChatModel : public QAbstractListModel {
    Q_OBJECT

public:
    enum Role {
        KindRole = Qt::UserRole + 1,
        FeedbackRole,
        TurnIdRole,
        TypingPhaseRole,
        DecisionRole,
        SentToLabelingRole
    };

    explicit ChatModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;

    /// Adds the user's message (masked here) and the typing bubble after it.
    void addUserMessage(const QString& text);
    /// Replaces the typing bubble by the bot's answer.
    void addBotAnswer(const core::chat::TurnResult& turn, qint64 turnId);
    /// Drops the typing bubble (the turn failed).
    void stopTyping();
    bool isTyping() const;
    void advanceTypingPhase();
    void setFeedback(qint64 turnId, int feedback);
    void setSentToLabeling(qint64 turnId);
    void clear();

    const QList<ChatMessage>& messages() const { return m_messages; }
    const ChatMessage* message(int row) const;
    /// The latest bot answer, if any.
    const ChatMessage* lastAnswer() const;

private:
    QList<ChatMessage> m_messages;
    int m_typingPhase = 0;
};

} // namespace bankbench::ui
