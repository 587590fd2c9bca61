#pragma once

#include "chat/slot.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace bankbench::core::chat {

/// What the bot did with a turn.
enum class Decision {
    Answer,    ///< understood intent, answered (template, or "what I would do" without responses)
    FollowUp,  ///< understood intent, asked for a missing required slot
    Clarify,   ///< not sure: offers the top two interpretations as quick replies
    Knowledge, ///< answered from the knowledge base (source entry in `sources`)
    Handover,  ///< passed to a human agent
};
const char* decisionName(Decision decision);
std::optional<Decision> decisionFromName(const std::string& name);

struct IntentScore {
    std::string intent;
    double confidence = 0; ///< calibrated
};

/// A knowledge-base entry behind an answer (or considered for it: the "why" panel shows all).
struct AnswerSource {
    std::int64_t id = 0;
    std::string question;
    std::string answer;
    std::string source;
    double score = 0;
    double coverage = 0;
    double bm25 = 0;                 ///< KbHit::bm25 (why panel)
    std::optional<double> embedding; ///< KbHit::embeddingSimilarity (why panel)
};

/// A button the user can press instead of typing; sending `reply` as the next turn's text picks it.
struct QuickReply {
    std::string label; ///< what the button shows
    std::string reply; ///< what it sends (an intent name for clarifications)
};

/// The outcome of ChatEngine::turn(). Plain value type. No personal data in clear: `text` is masked and
/// `slots` hold masked placeholder values (card_last4, phone_masked...).
struct TurnResult {
    std::string session;
    std::int64_t turn = 0;               ///< 1-based within the session
    std::string language;                ///< "zh" or "en", as answered
    std::string text;                    ///< the user's message, masked
    std::string intent;                  ///< the intent acted on or most likely (empty when none)
    double confidence = 0;               ///< calibrated confidence of `intent` from the model on this text
    std::string intentSource = "model";  ///< "model", "context" (a pending follow-up), "quick_reply"
    std::vector<IntentScore> topIntents; ///< best first, up to 5
    double threshold = 0;                ///< the threshold that applied to the top intent
    double margin = 0;                   ///< the policy's required lead over the second intent
    /// Out-of-scope gate (Policy::outOfScope): the message's score for the top intent and the threshold;
    /// nullopt when the bot has no gate.
    std::optional<double> inScopeScore;
    double inScopeThreshold = 0;
    /// The top intent was the model's "none of these" label (Policy::noneIntent): not answered as an intent.
    bool noneIntent = false;
    Decision decision = Decision::Handover;
    std::string answer;
    /// Which response was given: "<intent>" (template), "<intent>.default" (no template),
    /// "<intent>.ask.<slot>" (follow-up), "clarify", "handover", "knowledge".
    std::string responseKey;
    std::vector<AnswerSource> sources;        ///< the entry answered from (Knowledge), else empty
    std::vector<AnswerSource> consideredFaq;  ///< knowledge-base hits looked at (why panel)
    std::map<std::string, std::string> slots; ///< placeholder values remembered in the session, masked
    std::vector<Slot> newSlots;               ///< slots found in this message, masked
    std::vector<QuickReply> quickReplies;
    double elapsedMs = 0; ///< wall time spent in turn()
    double cpuMs = 0;     ///< CPU time of the calling thread in turn() (robust on a busy machine)
};

/// The `chat --json` / `POST /chat` object (README.md, "CLI JSON contract"). `verbose` adds the why
/// fields (top intents, threshold, FAQ hits considered, new slots, timing).
nlohmann::json toJson(const TurnResult& result, bool verbose = true);

} // namespace bankbench::core::chat
