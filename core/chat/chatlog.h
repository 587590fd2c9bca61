#pragma once

#include "chat/knowledgebase.h"
#include "chat/turnresult.h"
#include "store/project.h"
#include "util/result.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace bankbench::core::chat {

using ChatTurnId = std::int64_t;

/// One logged turn (table chat_turns). The text is masked before it is stored.
struct ChatTurnRecord {
    ChatTurnId id = 0;
    BotId botId = 0;
    int botVersion = 0;
    std::string session;
    std::int64_t turn = 0;
    std::string text;
    std::optional<std::string> intent;
    std::optional<double> confidence;
    std::string decision;
    std::string answer;
    nlohmann::json sources = nlohmann::json::array();
    nlohmann::json slots = nlohmann::json::object();
    int feedback = 0;                 ///< -1 thumbs down, 0 none, +1 thumbs up
    std::optional<RecordId> recordId; ///< set once sent to labeling
    std::string createdAt;
};

/// Which turns sendToLabeling() takes (never one already sent).
struct LabelingRequest {
    std::string datasetName = "chat-feedback";
    /// Turns whose confidence is below this count as low-confidence; typically the policy threshold.
    double lowConfidenceBelow = 0.5;
    /// Also turns the bot did not act on as an intent (clarify, hand-over).
    bool includeNotUnderstood = true;
    bool includeThumbsDown = true;
    /// The label set of a dataset created on first use: the bot's intent model labels.
    std::vector<std::string> labels;
    std::string annotator = "chatbot";
    /// Non-empty: exactly these turns of the bot (the user picked them, e.g. one bubble in the
    /// Playground), whatever their confidence, decision or feedback; the criteria above are ignored.
    std::vector<ChatTurnId> turnIds;
};

struct LabelingReport {
    std::string datasetName;
    bool datasetCreated = false;
    std::int64_t sent = 0;
    std::vector<RecordId> recordIds;
};

/// The conversation log of the project's bots and the loop back to labeling. Holds a reference to the
/// Project and shares its thread rule (one thread at a time). Each write is one transaction; nothing
/// throws.
class ChatLog {
public:
    explicit ChatLog(Project& project) : m_project(project) {}

    /// Stores `turn` (its text is masked again here: callers cannot log personal data by mistake).
    Result<ChatTurnId> logTurn(BotId botId, int botVersion, const TurnResult& turn);
    /// -1, 0 or +1; NotFound for an unknown turn.
    Status setFeedback(ChatTurnId id, int feedback);
    /// A bot's turns in order; `session` empty: every session.
    Result<std::vector<ChatTurnRecord>> turns(BotId botId, const std::string& session = {});

    /// Adds the selected turns of `botId` as unlabelled records of dataset `request.datasetName`
    /// (created on first use with columns text, bot, session, turn, intent, confidence, decision,
    /// feedback, and a single-label set holding `request.labels`), and sets each turn's record_id.
    /// The records enter the label queue; the search index picks them up on its next build.
    Result<LabelingReport> sendToLabeling(BotId botId, const LabelingRequest& request);

private:
    Project& m_project;
};

} // namespace bankbench::core::chat
