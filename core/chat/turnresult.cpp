#include "chat/turnresult.h"

namespace bankbench::core::chat {

namespace {

const char* const kDecisionNames[] = {"answer", "follow_up", "clarify", "knowledge", "handover"};

nlohmann::json toJson(const AnswerSource& s) {
    return {{"id", s.id},         {"question", s.question}, {"answer", s.answer},
            {"source", s.source}, {"score", s.score},       {"coverage", s.coverage}};
}

} // namespace

const char* decisionName(Decision decision) {
    return kDecisionNames[static_cast<int>(decision)];
}

std::optional<Decision> decisionFromName(const std::string& name) {
    for (int i = 0; i < 5; ++i)
        if (name == kDecisionNames[i])
            return static_cast<Decision>(i);
    return std::nullopt;
}

nlohmann::json toJson(const TurnResult& r, bool verbose) {
    auto sources = nlohmann::json::array();
    for (const auto& s : r.sources)
        sources.push_back(toJson(s));
    auto replies = nlohmann::json::array();
    for (const auto& q : r.quickReplies)
        replies.push_back({{"label", q.label}, {"reply", q.reply}});
    nlohmann::json out = {{"session", r.session},
                          {"turn", r.turn},
                          {"language", r.language},
                          {"text", r.text},
                          {"intent", r.intent.empty() ? nlohmann::json() : nlohmann::json(r.intent)},
                          {"confidence", r.confidence},
                          {"intent_source", r.intentSource},
                          {"decision", decisionName(r.decision)},
                          {"answer", r.answer},
                          {"response_key", r.responseKey},
                          {"sources", sources},
                          {"slots", r.slots},
                          {"quick_replies", replies}};
    if (!verbose)
        return out;
    auto top = nlohmann::json::array();
    for (const auto& t : r.topIntents)
        top.push_back({{"intent", t.intent}, {"confidence", t.confidence}});
    auto considered = nlohmann::json::array();
    for (const auto& s : r.consideredFaq)
        considered.push_back(toJson(s));
    auto found = nlohmann::json::array();
    for (const auto& s : r.newSlots)
        found.push_back(
            {{"name", s.name}, {"raw", s.raw}, {"value", s.value}, {"unit", s.unit}, {"source", s.source}});
    out["top_intents"] = top;
    out["threshold"] = r.threshold;
    out["margin"] = r.margin;
    if (r.inScopeScore) {
        out["in_scope_score"] = *r.inScopeScore;
        out["in_scope_threshold"] = r.inScopeThreshold;
    }
    if (r.noneIntent)
        out["none_intent"] = true;
    out["faq_considered"] = considered;
    out["new_slots"] = found;
    out["elapsed_ms"] = r.elapsedMs;
    out["cpu_ms"] = r.cpuMs;
    return out;
}

} // namespace bankbench::core::chat
