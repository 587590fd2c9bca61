#pragma once

#include "playground/chatmodel.h"

#include <QString>

namespace bankbench::ui {

/// The conversation as plain text: one "You: ..." / "Bot: ..." block per message (masked as on screen),
/// answers followed by intent, confidence and decision.
QString transcriptText(const QList<ChatMessage>& messages, const QString& botName, const QString& sessionId);

/// The conversation as JSON: {"bot", "session", "messages": [{"role": "user"|"bot", "text", "turn":
/// <chat --json object>, "feedback"}]}.
QByteArray transcriptJson(const QList<ChatMessage>& messages, const QString& botName,
                          const QString& sessionId);

/// Writes the transcript to `path` (JSON when it ends in .json, else text). Returns an error message, or
/// an empty string on success.
QString writeTranscript(const QString& path, const QList<ChatMessage>& messages, const QString& botName,
                        const QString& sessionId);

} // namespace bankbench::ui
