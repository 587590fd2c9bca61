#include "playground/transcriptexport.h"

#include "common/qtconvert.h"

#include <QCoreApplication>
#include <QSaveFile>

namespace bankbench::ui {

namespace chat = core::chat;

QString transcriptText(const QList<ChatMessage>& messages, const QString& botName, const QString& sessionId) {
    QString out =
        QCoreApplication::translate("bankbench::ui::Transcript", "Conversation with %1 (session %2)")
            .arg(botName, sessionId) +
        QStringLiteral("\n\n");
    for (const ChatMessage& m : messages) {
        if (m.kind == ChatMessage::Kind::Typing)
            continue;
        const bool user = m.kind == ChatMessage::Kind::User;
        out += (user ? QCoreApplication::translate("bankbench::ui::Transcript", "You: %1")
                     : QCoreApplication::translate("bankbench::ui::Transcript", "Bot: %1"))
                   .arg(m.text) +
               QLatin1Char('\n');
        if (m.turn) {
            out += QStringLiteral("    [%1 %2%, %3]\n")
                       .arg(toQString(m.turn->intent))
                       .arg(m.turn->confidence * 100, 0, 'f', 1)
                       .arg(QString::fromLatin1(chat::decisionName(m.turn->decision)));
        }
        out += QLatin1Char('\n');
    }
    return out;
}

QByteArray transcriptJson(const QList<ChatMessage>& messages, const QString& botName,
                          const QString& sessionId) {
    nlohmann::json list = nlohmann::json::array();
    for (const ChatMessage& m : messages) {
        if (m.kind == ChatMessage::Kind::Typing)
            continue;
        nlohmann::json item{{"role", m.kind == ChatMessage::Kind::User ? "user" : "bot"},
                            {"text", toStdString(m.text)}};
        if (m.turn) {
            item["turn"] = chat::toJson(*m.turn, /*verbose=*/true);
            item["feedback"] = m.feedback;
        }
        list.push_back(std::move(item));
    }
    const nlohmann::json out{
        {"bot", toStdString(botName)}, {"session", toStdString(sessionId)}, {"messages", list}};
    return QByteArray::fromStdString(out.dump(2) + "\n");
}

QString writeTranscript(const QString& path, const QList<ChatMessage>& messages, const QString& botName,
                        const QString& sessionId) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return file.errorString();
    const QByteArray bytes = path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive)
                                 ? transcriptJson(messages, botName, sessionId)
                                 : transcriptText(messages, botName, sessionId).toUtf8();
    if (file.write(bytes) != bytes.size() || !file.commit())
        return file.errorString();
    return {};
}

} // namespace bankbench::ui
