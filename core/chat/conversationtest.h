#pragma once

#include "chat/chatengine.h"
#include "util/canceltoken.h"
#include "util/result.h"

#include <nlohmann/json.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace bankbench::core::chat {

/// One user turn of a test conversation and what is expected of the bot (each expectation optional).
struct ExpectedTurn {
    std::string user;
    std::optional<std::string> intent;
    std::optional<std::string> decision; ///< decisionName(): answer, follow_up, clarify, knowledge, handover
    std::optional<std::string> responseKey;   ///< TurnResult::responseKey
    std::map<std::string, std::string> slots; ///< placeholder values that must be remembered after the turn
    std::int64_t line = 0;                    ///< where the turn is written in the file
};

struct TestConversation {
    std::string name;
    std::string language = "auto";
    std::vector<ExpectedTurn> turns;
};

/// Conversation test file (JSON):
///   {"conversations": [{"name": "lost card", "language": "en",
///     "turns": [{"user": "I lost my card", "intent": "card_lost", "response": "card_lost.ask.card_last4"},
///               {"user": "1234", "slots": {"card_last4": "1234"}, "response": "card_lost"}]}]}
/// A top-level array of conversations is accepted too. Errors name FILE:LINE:COL.
Result<std::vector<TestConversation>> parseConversationTests(const std::string& text,
                                                             const std::string& file);
Result<std::vector<TestConversation>> loadConversationTests(const std::string& path);

struct TurnOutcome {
    std::string conversation;
    std::size_t turnIndex = 0; ///< 0-based within the conversation
    ExpectedTurn expected;
    TurnResult actual;
    std::vector<std::string> failures; ///< "intent: expected X, got Y"; empty = passed
    bool passed() const { return failures.empty(); }
};

struct ConversationTestReport {
    std::vector<TurnOutcome> turns;
    std::int64_t passed = 0;
    std::int64_t failed = 0;
    std::int64_t intentChecked = 0; ///< turns with an expected intent
    std::int64_t intentCorrect = 0;
    double intentAccuracy() const {
        return intentChecked ? double(intentCorrect) / double(intentChecked) : 0.0;
    }
    nlohmann::json toJson() const;
};

/// Plays each conversation in a fresh session (id "test-<n>") through `engine` and checks every turn.
/// Runs on the engine's thread; cancellable between turns. `onTurn` (optional) sees each outcome as it
/// comes (the CLI logs turns; the GUI's test view updates its table).
Result<ConversationTestReport>
runConversationTests(ChatEngine& engine, const std::vector<TestConversation>& conversations,
                     const std::function<void(const TurnOutcome&)>& onTurn = {},
                     const CancelToken* cancel = nullptr);

} // namespace bankbench::core::chat
