#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace bankbench::core::chat {

/// One conversation's memory, owned by the caller (a GUI chat view, the server's session map) and passed
/// to ChatEngine::turn(), which updates it. Plain value type: copy it to branch or reset a conversation.
struct ChatSession {
    std::string id;
    std::int64_t turns = 0;
    /// Placeholder values remembered across turns (masked where personal: card_last4, phone_masked...).
    std::map<std::string, std::string> slots;
    /// An understood intent still waiting for a required slot; empty when none.
    std::string pendingIntent;
    double pendingConfidence = 0;
    /// Intents offered by the last clarification; a reply naming one of them picks it.
    std::vector<std::string> offered;
    /// Consecutive turns not understood (reset by any understood turn).
    int misses = 0;

    explicit ChatSession(std::string sessionId = {}) : id(std::move(sessionId)) {}
};

} // namespace bankbench::core::chat
