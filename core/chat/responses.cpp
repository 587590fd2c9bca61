#include "chat/responses.h"

#include "chat/sourcelocate.h"
#include "io/csvreader.h"
#include "io/textinput.h"

#include <algorithm>
#include <fstream>
#include <sstream>

namespace bankbench::core::chat {

namespace {

const char* const kLanguages[] = {"zh", "en"};

bool knownLanguage(const std::string& language) {
    return std::find(std::begin(kLanguages), std::end(kLanguages), language) != std::end(kLanguages);
}

Error parseError(std::string message, SourceLocation where) {
    return Error{ErrorCode::Parse, std::move(message), std::move(where)};
}

// Every required slot needs a question in each language the intent answers in; checked once for both
// file formats so JSON and CSV users get the same rule.
Status checkComplete(const IntentResponse& response, const std::function<SourceLocation()>& where) {
    for (const auto& slot : response.requiredSlots) {
        auto it = response.followUps.find(slot);
        if (it == response.followUps.end() || it->second.empty())
            return parseError("intent \"" + response.intent + "\": required slot \"" + slot +
                                  "\" has no follow-up question",
                              where());
        for (const auto& [language, templates] : response.variants)
            if (!templates.empty() && !it->second.count(language))
                return parseError("intent \"" + response.intent + "\": slot \"" + slot +
                                      "\" has no follow-up question in \"" + language + "\"",
                                  where());
    }
    return {};
}

} // namespace

Result<ResponseSet> ResponseSet::load(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return Error{ErrorCode::NotFound, "cannot open the responses file", {path, 0, 0}};
    std::stringstream buffer;
    buffer << in.rdbuf();
    const bool json = path.size() >= 5 && path.compare(path.size() - 5, 5, ".json") == 0;
    return json ? parseJson(buffer.str(), path) : parseCsv(buffer.str(), path);
}

Result<ResponseSet> ResponseSet::parseJson(const std::string& text, const std::string& file) {
    nlohmann::json value;
    try {
        value = nlohmann::json::parse(text);
    } catch (const nlohmann::json::parse_error& e) {
        const std::size_t byte = e.byte > 0 ? e.byte - 1 : 0;
        std::string message = e.what();
        // nlohmann prefixes "[json.exception.parse_error.101] parse error at line 1, column 2: ".
        if (const auto colon = message.find(": "); colon != std::string::npos)
            message = message.substr(colon + 2);
        return parseError("invalid JSON: " + message, locateOffset(text, byte, file));
    }
    const auto where = [&](std::vector<std::string> keys) { return locateJsonPath(text, keys, file); };
    if (!value.is_object() || !value.contains("intents") || !value["intents"].is_object())
        return parseError("expected an object with an \"intents\" object", where({"intents"}));
    ResponseSet set;
    for (const auto& [intent, entry] : value["intents"].items()) {
        IntentResponse response;
        response.intent = intent;
        if (!entry.is_object())
            return parseError("intent \"" + intent + "\": expected an object", where({"intents", intent}));
        for (const auto& [key, field] : entry.items())
            if (key != "responses" && key != "follow_up" && key != "slots")
                return parseError("intent \"" + intent + "\": unknown key \"" + key +
                                      "\" (expected responses, follow_up, slots)",
                                  where({"intents", intent, key}));
        if (entry.contains("responses")) {
            const auto& responses = entry["responses"];
            if (!responses.is_object())
                return parseError("intent \"" + intent + "\": \"responses\" must map a language to a list",
                                  where({"intents", intent, "responses"}));
            for (const auto& [language, list] : responses.items()) {
                if (!knownLanguage(language))
                    return parseError("intent \"" + intent + "\": unknown language \"" + language +
                                          "\" (expected zh or en)",
                                      where({"intents", intent, "responses", language}));
                if (list.is_string()) {
                    response.variants[language].push_back(list.get<std::string>());
                    continue;
                }
                if (!list.is_array() || list.empty() ||
                    !std::all_of(list.begin(), list.end(), [](const auto& v) { return v.is_string(); }))
                    return parseError("intent \"" + intent + "\": responses in \"" + language +
                                          "\" must be a non-empty list of strings",
                                      where({"intents", intent, "responses", language}));
                for (const auto& variant : list)
                    response.variants[language].push_back(variant.get<std::string>());
            }
        }
        if (entry.contains("follow_up")) {
            const auto& followUps = entry["follow_up"];
            if (!followUps.is_object())
                return parseError("intent \"" + intent + "\": \"follow_up\" must map a slot to questions",
                                  where({"intents", intent, "follow_up"}));
            for (const auto& [slot, questions] : followUps.items()) {
                if (!questions.is_object())
                    return parseError("intent \"" + intent + "\": follow-up for \"" + slot +
                                          "\" must map a language to a question",
                                      where({"intents", intent, "follow_up", slot}));
                for (const auto& [language, question] : questions.items()) {
                    if (!knownLanguage(language) || !question.is_string())
                        return parseError("intent \"" + intent + "\": follow-up for \"" + slot +
                                              "\" needs a string per language (zh, en)",
                                          where({"intents", intent, "follow_up", slot, language}));
                    response.followUps[slot][language] = question.get<std::string>();
                }
                if (std::find(response.requiredSlots.begin(), response.requiredSlots.end(), slot) ==
                    response.requiredSlots.end())
                    response.requiredSlots.push_back(slot);
            }
        }
        if (entry.contains("slots")) {
            const auto& slots = entry["slots"];
            if (!slots.is_array() ||
                !std::all_of(slots.begin(), slots.end(), [](const auto& v) { return v.is_string(); }))
                return parseError("intent \"" + intent + "\": \"slots\" must be a list of slot names",
                                  where({"intents", intent, "slots"}));
            std::vector<std::string> ordered;
            for (const auto& slot : slots)
                ordered.push_back(slot.get<std::string>());
            for (const auto& slot : response.requiredSlots)
                if (std::find(ordered.begin(), ordered.end(), slot) == ordered.end())
                    ordered.push_back(slot);
            response.requiredSlots = ordered;
        }
        if (response.variants.empty())
            return parseError("intent \"" + intent + "\": no responses", where({"intents", intent}));
        if (auto ok = checkComplete(response, [&] { return where({"intents", intent}); }); !ok)
            return ok.error();
        set.m_intents[intent] = std::move(response);
    }
    return set;
}

Result<ResponseSet> ResponseSet::parseCsv(const std::string& text, const std::string& file) {
    auto input = TextInput::fromBytes(text, "utf-8", std::size_t{1} << 16, file);
    if (!input)
        return input.error();
    CsvReader reader(**input, CsvDialect{});
    const std::vector<std::string> header = {"intent", "language", "kind", "slot", "text"};
    bool sawHeader = false;
    ResponseSet set;
    std::map<std::string, SourceLocation> firstSeen;
    for (;;) {
        const auto status = reader.next();
        if (status == CsvReader::Status::End)
            break;
        if (status == CsvReader::Status::Failed || status == CsvReader::Status::BadRecord) {
            const auto& e = reader.error();
            return Error{status == CsvReader::Status::Failed ? e.code : ErrorCode::Parse,
                         e.message,
                         {file, e.line, e.column}};
        }
        const auto at = [&](std::size_t field) {
            const auto location = reader.fieldLocation(field);
            return SourceLocation{file, location.line, location.column};
        };
        if (!sawHeader) {
            sawHeader = true;
            for (std::size_t i = 0; i < header.size(); ++i)
                if (i >= reader.fieldCount() || reader.field(i) != header[i])
                    return parseError("expected the header intent,language,kind,slot,text",
                                      i < reader.fieldCount() ? at(i) : at(0));
            continue;
        }
        if (reader.fieldCount() != header.size()) {
            const auto end = reader.endLocation();
            return parseError("expected 5 fields (intent,language,kind,slot,text), found " +
                                  std::to_string(reader.fieldCount()),
                              {file, end.line, end.column});
        }
        const std::string intent(reader.field(0)), language(reader.field(1)), kind(reader.field(2));
        const std::string slot(reader.field(3)), body(reader.field(4));
        if (intent.empty())
            return parseError("empty intent", at(0));
        if (!knownLanguage(language))
            return parseError("unknown language \"" + language + "\" (expected zh or en)", at(1));
        if (body.empty())
            return parseError("empty text", at(4));
        auto& response = set.m_intents[intent];
        response.intent = intent;
        firstSeen.emplace(intent, at(0));
        if (kind == "response") {
            if (!slot.empty())
                return parseError("a response row takes no slot (leave the column empty)", at(3));
            response.variants[language].push_back(body);
        } else if (kind == "follow_up") {
            if (slot.empty())
                return parseError("a follow_up row needs the slot it asks for", at(3));
            if (response.followUps[slot].count(language))
                return parseError("second follow-up for slot \"" + slot + "\" in \"" + language + "\"",
                                  at(4));
            response.followUps[slot][language] = body;
            if (std::find(response.requiredSlots.begin(), response.requiredSlots.end(), slot) ==
                response.requiredSlots.end())
                response.requiredSlots.push_back(slot);
        } else {
            return parseError("unknown kind \"" + kind + "\" (expected response or follow_up)", at(2));
        }
    }
    if (!sawHeader)
        return Error{ErrorCode::Empty, "the responses file is empty", {file, 1, 1}};
    for (const auto& [intent, response] : set.m_intents) {
        if (response.variants.empty())
            return parseError("intent \"" + intent + "\": follow-up questions but no response",
                              firstSeen[intent]);
        if (auto ok = checkComplete(response, [&] { return firstSeen[intent]; }); !ok)
            return ok.error();
    }
    return set;
}

Result<ResponseSet> ResponseSet::fromJson(const nlohmann::json& value, const std::string& file) {
    return parseJson(value.dump(2), file);
}

nlohmann::json ResponseSet::toJson() const {
    nlohmann::json intents = nlohmann::json::object();
    for (const auto& [intent, response] : m_intents) {
        nlohmann::json entry = {{"responses", response.variants}};
        if (!response.requiredSlots.empty()) {
            entry["follow_up"] = response.followUps;
            entry["slots"] = response.requiredSlots;
        }
        intents[intent] = entry;
    }
    return {{"intents", intents}};
}

const IntentResponse* ResponseSet::find(const std::string& intent) const {
    const auto it = m_intents.find(intent);
    return it == m_intents.end() ? nullptr : &it->second;
}

void ResponseSet::set(IntentResponse response) {
    auto name = response.intent;
    m_intents[name] = std::move(response);
}

std::string fillTemplate(const std::string& text, const std::map<std::string, std::string>& values,
                         std::vector<std::string>* missing) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        if ((text[i] == '{' || text[i] == '}') && i + 1 < text.size() && text[i + 1] == text[i]) {
            out += text[i];
            i += 2;
            continue;
        }
        if (text[i] == '{') {
            const auto close = text.find('}', i + 1);
            if (close != std::string::npos) {
                const auto name = text.substr(i + 1, close - i - 1);
                if (const auto it = values.find(name); it != values.end()) {
                    out += it->second;
                } else {
                    out += text.substr(i, close - i + 1);
                    if (missing && std::find(missing->begin(), missing->end(), name) == missing->end())
                        missing->push_back(name);
                }
                i = close + 1;
                continue;
            }
        }
        out += text[i++];
    }
    return out;
}

std::size_t chooseVariant(const std::string& session, std::int64_t turn, const std::string& intent,
                          std::size_t count) {
    if (count <= 1)
        return 0;
    // FNV-1a: stable across runs and platforms, unlike std::hash.
    std::uint64_t hash = 1469598103934665603ULL;
    const auto mix = [&hash](std::string_view bytes) {
        for (const unsigned char c : bytes) {
            hash ^= c;
            hash *= 1099511628211ULL;
        }
        hash ^= 0xff;
        hash *= 1099511628211ULL;
    };
    mix(session);
    mix(std::to_string(turn));
    mix(intent);
    return static_cast<std::size_t>(hash % count);
}

} // namespace bankbench::core::chat
