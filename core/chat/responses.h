#pragma once

#include "util/result.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace bankbench::core::chat {

/// What the bot says for one intent: answer variants per language ("zh", "en"), and a follow-up question
/// per slot the answer needs (a slot with a follow-up is required: the bot asks for it before answering).
struct IntentResponse {
    std::string intent;
    std::map<std::string, std::vector<std::string>> variants; ///< language -> templates with {placeholders}
    /// Required slots in the order they are asked for: placeholder name ("amount", "date", "card_last4"...).
    std::vector<std::string> requiredSlots;
    std::map<std::string, std::map<std::string, std::string>> followUps; ///< slot -> language -> question
};

/// The responses of a bot version. Plain value type; safe to share read-only between threads.
///
/// JSON file: {"intents": {"card_lost": {"responses": {"zh": ["..."], "en": ["..."]},
///                                       "follow_up": {"card_last4": {"zh": "...", "en": "..."}}}}}
/// (an optional "slots" array orders the required slots; every slot named there needs a follow-up).
/// CSV file with header `intent,language,kind,slot,text`: kind "response" (slot empty) or "follow_up".
class ResponseSet {
public:
    /// Parses a JSON or CSV file (by extension: .json, else CSV). Errors name FILE:LINE:COL.
    static Result<ResponseSet> load(const std::string& path);
    static Result<ResponseSet> parseJson(const std::string& text, const std::string& file);
    static Result<ResponseSet> parseCsv(const std::string& text, const std::string& file);
    /// From the stored form (toJson()); `file` names the source in errors.
    static Result<ResponseSet> fromJson(const nlohmann::json& value, const std::string& file = "responses");

    nlohmann::json toJson() const;
    bool empty() const { return m_intents.empty(); }
    const IntentResponse* find(const std::string& intent) const;
    const std::map<std::string, IntentResponse>& intents() const { return m_intents; }
    /// Adds or replaces one intent (editors, tests).
    void set(IntentResponse response);

private:
    std::map<std::string, IntentResponse> m_intents;
};

/// Replaces each {name} in `text` by values[name]; names without a value are left as written and listed
/// in `missing` (when given). "{{" and "}}" stand for literal braces.
std::string fillTemplate(const std::string& text, const std::map<std::string, std::string>& values,
                         std::vector<std::string>* missing = nullptr);

/// Deterministic variant choice: the same (session, turn, intent) always picks the same variant, so a
/// conversation replays identically while different sessions see different wordings.
std::size_t chooseVariant(const std::string& session, std::int64_t turn, const std::string& intent,
                          std::size_t count);

} // namespace bankbench::core::chat
