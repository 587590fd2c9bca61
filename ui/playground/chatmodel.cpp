#include "playground/chatmodel.h"

#include "common/qtconvert.h"

#include "playground/chatcore.h"

namespace bankbench::ui {

ChatModel::ChatModel(QObject* parent) : QAbstractListModel(parent) {}

int ChatModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_messages.size());
}

QVariant ChatModel::data(const QModelIndex& index, int role) const {
    const ChatMessage* m = message(index.row());
    if (!m)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        return m->text;
    case KindRole:
        return static_cast<int>(m->kind);
    case FeedbackRole:
        return m->feedback;
    case TurnIdRole:
        return m->turnId;
    case TypingPhaseRole:
        return m_typingPhase;
    case SentToLabelingRole:
        return m->sentToLabeling;
    case Qt::ToolTipRole:
        if (m->turn && m->turn->decision == core::chat::Decision::Knowledge && !m->turn->sources.empty()) {
            // An FAQ answer: where it came from, not the intent the model guessed on the way.
            const auto& source = m->turn->sources.front();
            return tr("FAQ #%1 · %2 · %3")
                .arg(source.id)
                .arg(toQString(source.question), toQString(source.source));
        }
        if (!m->turn || m->turn->intent.empty())
            return {};
        return tr("%1 · %2%").arg(toQString(m->turn->intent)).arg(qRound(m->turn->confidence * 100));
    case DecisionRole:
        return m->turn ? QString::fromLatin1(core::chat::decisionName(m->turn->decision)) : QString();
    default:
        return {};
    }
}

const ChatMessage* ChatModel::message(int row) const {
    return row >= 0 && row < m_messages.size() ? &m_messages[row] : nullptr;
}

const ChatMessage* ChatModel::lastAnswer() const {
    for (auto it = m_messages.crbegin(); it != m_messages.crend(); ++it)
        if (it->kind == ChatMessage::Kind::Bot)
            return &*it;
    return nullptr;
}

void ChatModel::addUserMessage(const QString& text) {
    stopTyping();
    const int row = static_cast<int>(m_messages.size());
    beginInsertRows({}, row, row + 1);
    ChatMessage user;
    user.text = toQString(core::chat::maskPersonalData(toStdString(text)));
    m_messages.push_back(user);
    ChatMessage typing;
    typing.kind = ChatMessage::Kind::Typing;
    m_messages.push_back(typing);
    endInsertRows();
}

void ChatModel::addBotAnswer(const core::chat::TurnResult& turn, qint64 turnId) {
    stopTyping();
    const int row = static_cast<int>(m_messages.size());
    beginInsertRows({}, row, row);
    ChatMessage bot;
    bot.kind = ChatMessage::Kind::Bot;
    // Answers can repeat remembered slots; they are masked placeholders, but mask again to be sure.
    bot.text = toQString(core::chat::maskPersonalData(turn.answer));
    bot.turn = turn;
    bot.turnId = turnId;
    m_messages.push_back(bot);
    endInsertRows();
}

bool ChatModel::isTyping() const {
    return !m_messages.isEmpty() && m_messages.back().kind == ChatMessage::Kind::Typing;
}

void ChatModel::stopTyping() {
    if (!isTyping())
        return;
    const int row = static_cast<int>(m_messages.size()) - 1;
    beginRemoveRows({}, row, row);
    m_messages.pop_back();
    endRemoveRows();
}

void ChatModel::advanceTypingPhase() {
    m_typingPhase = (m_typingPhase + 1) % 3;
    if (isTyping()) {
        const QModelIndex last = index(static_cast<int>(m_messages.size()) - 1);
        emit dataChanged(last, last, {TypingPhaseRole});
    }
}

void ChatModel::setFeedback(qint64 turnId, int feedback) {
    for (int row = 0; row < m_messages.size(); ++row) {
        if (m_messages[row].turnId == turnId && m_messages[row].kind == ChatMessage::Kind::Bot) {
            m_messages[row].feedback = feedback;
            emit dataChanged(index(row), index(row), {FeedbackRole});
        }
    }
}

void ChatModel::setSentToLabeling(qint64 turnId) {
    for (int row = 0; row < m_messages.size(); ++row) {
        if (m_messages[row].turnId == turnId && m_messages[row].kind == ChatMessage::Kind::Bot) {
            m_messages[row].sentToLabeling = true;
            emit dataChanged(index(row), index(row), {SentToLabelingRole});
        }
    }
}

void ChatModel::clear() {
    beginResetModel();
    m_messages.clear();
    endResetModel();
}

} // namespace bankbench::ui
