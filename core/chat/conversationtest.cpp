#include "chat/conversationtest.h"

#include "chat/sourcelocate.h"

#include <fstream>
#include <sstream>

namespace bankbench::core::chat {

namespace {

Error parseError(std::string message, SourceLocation where) {
    return Error{ErrorCode::Parse, std::move(message), std::move(where)};
}

// Turn locations: the n-th "user" key of the file is the n-th turn (keys are only used for turns).
std::vector<std::size_t> userKeyOffsets(const std::string& text) {
    std::vector<std::size_t> offsets;
    for (auto at = text.find("\"user\""); at != std::string::npos; at = text.find("\"user\"", at + 6))
        offsets.push_back(at);
    return offsets;
}

} // namespace

Result<std::vector<TestConversation>> parseConversationTests(const std::string& text,
                                                             const std::string& file) {
    nlohmann::json value;
    try {
        value = nlohmann::json::parse(text);
    } catch (const nlohmann::json::parse_error& e) {
        std::string message = e.what();
        if (const auto colon = message.find(": "); colon != std::string::npos)
            message = message.substr(colon + 2);
        return parseError("invalid JSON: " + message, locateOffset(text, e.byte > 0 ? e.byte - 1 : 0, file));
    }
    const nlohmann::json* list = &value;
    if (value.is_object() && value.contains("conversations"))
        list = &value["conversations"];
    if (!list->is_array())
        return parseError("expected {\"conversations\": [...]} or an array of conversations",
                          locateJsonPath(text, {"conversations"}, file));
    const auto offsets = userKeyOffsets(text);
    std::size_t turnNumber = 0;
    const auto turnWhere = [&](std::size_t n) {
        return n < offsets.size() ? locateOffset(text, offsets[n], file) : SourceLocation{file, 1, 1};
    };
    std::vector<TestConversation> out;
    for (std::size_t c = 0; c < list->size(); ++c) {
        const auto& conv = (*list)[c];
        const auto convName = "conversation " + std::to_string(c + 1);
        if (!conv.is_object() || !conv.contains("turns") || !conv["turns"].is_array() ||
            conv["turns"].empty())
            return parseError(convName + ": expected an object with a non-empty \"turns\" list",
                              turnWhere(turnNumber));
        TestConversation test;
        test.name =
            conv.contains("name") && conv["name"].is_string() ? conv["name"].get<std::string>() : convName;
        if (conv.contains("language")) {
            const auto language = conv["language"].is_string() ? conv["language"].get<std::string>() : "";
            if (language != "zh" && language != "en" && language != "auto")
                return parseError(convName + ": \"language\" must be zh, en or auto", turnWhere(turnNumber));
            test.language = language;
        }
        for (const auto& turn : conv["turns"]) {
            const auto where = turnWhere(turnNumber);
            if (!turn.is_object() || !turn.contains("user") || !turn["user"].is_string())
                return parseError(test.name + ": each turn needs a \"user\" string", where);
            ++turnNumber;
            ExpectedTurn expected;
            expected.user = turn["user"].get<std::string>();
            expected.line = where.line;
            for (const auto& [key, field] : turn.items()) {
                if (key == "user")
                    continue;
                if (key == "slots") {
                    if (!field.is_object())
                        return parseError(test.name + ": \"slots\" must map slot names to strings", where);
                    for (const auto& [slot, v] : field.items()) {
                        if (!v.is_string())
                            return parseError(test.name + ": expected slot \"" + slot + "\" must be a string",
                                              where);
                        expected.slots[slot] = v.get<std::string>();
                    }
                    continue;
                }
                if (key != "intent" && key != "decision" && key != "response")
                    return parseError(test.name + ": unknown key \"" + key +
                                          "\" in a turn (expected user, intent, decision, response, slots)",
                                      where);
                if (!field.is_string())
                    return parseError(test.name + ": \"" + key + "\" must be a string", where);
                const auto v = field.get<std::string>();
                if (key == "intent")
                    expected.intent = v;
                else if (key == "response")
                    expected.responseKey = v;
                else if (!decisionFromName(v))
                    return parseError(test.name + ": unknown decision \"" + v +
                                          "\" (answer, follow_up, clarify, knowledge, handover)",
                                      where);
                else
                    expected.decision = v;
            }
            test.turns.push_back(std::move(expected));
        }
        out.push_back(std::move(test));
    }
    if (out.empty())
        return Error{ErrorCode::Empty, "the conversation test file has no conversations", {file, 1, 1}};
    return out;
}

Result<std::vector<TestConversation>> loadConversationTests(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return Error{ErrorCode::NotFound, "cannot open the conversation test file", {path, 0, 0}};
    std::stringstream buffer;
    buffer << in.rdbuf();
    return parseConversationTests(buffer.str(), path);
}

Result<ConversationTestReport> runConversationTests(ChatEngine& engine,
                                                    const std::vector<TestConversation>& conversations,
                                                    const std::function<void(const TurnOutcome&)>& onTurn,
                                                    const CancelToken* cancel) {
    ConversationTestReport report;
    for (std::size_t c = 0; c < conversations.size(); ++c) {
        const auto& conversation = conversations[c];
        ChatSession session("test-" + std::to_string(c + 1));
        for (std::size_t t = 0; t < conversation.turns.size(); ++t) {
            if (cancel && cancel->isCancelled())
                return Error{ErrorCode::Cancelled, "conversation tests cancelled", {}};
            const auto& expected = conversation.turns[t];
            auto actual = engine.turn(session, expected.user, conversation.language);
            if (!actual)
                return actual.error();
            TurnOutcome outcome{conversation.name, t, expected, std::move(*actual), {}};
            const auto& got = outcome.actual;
            if (expected.intent) {
                ++report.intentChecked;
                if (got.intent == *expected.intent)
                    ++report.intentCorrect;
                else
                    outcome.failures.push_back("intent: expected " + *expected.intent + ", got " +
                                               got.intent);
            }
            if (expected.decision && *expected.decision != decisionName(got.decision))
                outcome.failures.push_back("decision: expected " + *expected.decision + ", got " +
                                           decisionName(got.decision));
            if (expected.responseKey && *expected.responseKey != got.responseKey)
                outcome.failures.push_back("response: expected " + *expected.responseKey + ", got " +
                                           got.responseKey);
            for (const auto& [slot, value] : expected.slots) {
                const auto it = got.slots.find(slot);
                if (it == got.slots.end())
                    outcome.failures.push_back("slot " + slot + ": expected " + value + ", missing");
                else if (it->second != value)
                    outcome.failures.push_back("slot " + slot + ": expected " + value + ", got " +
                                               it->second);
            }
            (outcome.passed() ? report.passed : report.failed)++;
            if (onTurn)
                onTurn(outcome);
            report.turns.push_back(std::move(outcome));
        }
    }
    return report;
}

nlohmann::json ConversationTestReport::toJson() const {
    auto list = nlohmann::json::array();
    for (const auto& t : turns) {
        nlohmann::json expected = nlohmann::json::object();
        if (t.expected.intent)
            expected["intent"] = *t.expected.intent;
        if (t.expected.decision)
            expected["decision"] = *t.expected.decision;
        if (t.expected.responseKey)
            expected["response"] = *t.expected.responseKey;
        if (!t.expected.slots.empty())
            expected["slots"] = t.expected.slots;
        list.push_back({{"conversation", t.conversation},
                        {"turn", t.turnIndex + 1},
                        {"line", t.expected.line},
                        {"user", t.actual.text},
                        {"passed", t.passed()},
                        {"failures", t.failures},
                        {"expected", expected},
                        {"intent", t.actual.intent},
                        {"confidence", t.actual.confidence},
                        {"decision", decisionName(t.actual.decision)},
                        {"response_key", t.actual.responseKey},
                        {"answer", t.actual.answer},
                        {"slots", t.actual.slots}});
    }
    return {{"turns", list},
            {"total", turns.size()},
            {"passed", passed},
            {"failed", failed},
            {"intent_checked", intentChecked},
            {"intent_correct", intentCorrect},
            {"intent_accuracy", intentAccuracy()}};
}

} // namespace bankbench::core::chat
