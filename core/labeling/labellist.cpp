#include "labeling/labellist.h"

#include "io/csvreader.h"
#include "io/textinput.h"
#include "util/strings.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

namespace bankbench::core {

namespace {

// The columns/keys a label list may have, and where each goes.
std::string* fieldFor(Label& label, const std::string& key) {
    if (key == "name")
        return &label.name;
    if (key == "zh" || key == "display_zh")
        return &label.displayZh;
    if (key == "en" || key == "display_en")
        return &label.displayEn;
    if (key == "description")
        return &label.description;
    if (key == "color" || key == "colour")
        return &label.color;
    if (key == "hotkey")
        return &label.hotkey;
    return nullptr;
}

std::string trimmed(std::string_view text) {
    return std::string(trimWhitespace(text));
}

// 1-based line and column (in characters) of a byte offset.
SourceLocation locate(std::string_view text, std::size_t offset, const std::string& source) {
    offset = std::min(offset, text.size());
    std::int64_t line = 1;
    std::size_t lineStart = 0;
    for (std::size_t i = 0; i < offset; ++i)
        if (text[i] == '\n') {
            ++line;
            lineStart = i + 1;
        }
    std::int64_t column = 1;
    for (std::size_t i = lineStart; i < offset; ++i)
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80)
            ++column;
    return {source, line, column};
}

// `where[i]` locates label i; `place` names it in words ("line 4", "element 2").
Status checkDuplicates(const std::vector<Label>& labels, const std::vector<SourceLocation>& where,
                       const std::vector<std::string>& place) {
    std::map<std::string, std::size_t> seen;
    for (std::size_t i = 0; i < labels.size(); ++i) {
        auto [it, inserted] = seen.emplace(labels[i].name, i);
        if (!inserted)
            return Error{ErrorCode::Parse,
                         place[i] + ": label \"" + labels[i].name + "\" is listed twice (first at " +
                             place[it->second] + ")",
                         where[i]};
    }
    return {};
}

} // namespace

Result<std::vector<Label>> parseLabelListJson(std::string_view text, const std::string& sourceName) {
    nlohmann::json parsed;
    try {
        parsed = nlohmann::json::parse(text);
    } catch (const nlohmann::json::parse_error& e) {
        // e.byte is 1-based and points just past where parsing stopped.
        std::string message = e.what();
        if (auto colon = message.find("]: "); colon != std::string::npos)
            message = message.substr(colon + 3);
        return Error{ErrorCode::Parse, "not valid JSON: " + message,
                     locate(text, e.byte > 0 ? e.byte - 1 : 0, sourceName)};
    }
    if (!parsed.is_array())
        return Error{
            ErrorCode::Parse, "a label list is a JSON array of {\"name\": ...} objects", {sourceName, 1, 1}};
    std::vector<Label> labels;
    std::vector<SourceLocation> where;
    std::vector<std::string> places;
    for (std::size_t i = 0; i < parsed.size(); ++i) {
        const auto& item = parsed[i];
        const SourceLocation here{sourceName, 0, 0};
        const std::string element = "element " + std::to_string(i + 1);
        Label label;
        if (item.is_string()) {
            label.name = trimmed(item.get<std::string>());
        } else if (item.is_object()) {
            for (const auto& [key, value] : item.items()) {
                std::string* field = fieldFor(label, key);
                if (!field)
                    return Error{ErrorCode::Parse,
                                 element + ": unknown key \"" + key +
                                     "\" (expected name, zh, en, description, color, hotkey)",
                                 here};
                if (value.is_null())
                    continue;
                if (!value.is_string())
                    return Error{ErrorCode::Parse, element + ": \"" + key + "\" must be a string", here};
                *field = trimmed(value.get<std::string>());
            }
        } else {
            return Error{ErrorCode::Parse, element + " must be an object with a \"name\" or a string", here};
        }
        if (label.name.empty())
            return Error{ErrorCode::Parse, element + " has no \"name\"", here};
        labels.push_back(std::move(label));
        where.push_back(here);
        places.push_back(element);
    }
    if (auto ok = checkDuplicates(labels, where, places); !ok)
        return ok.error();
    return labels;
}

Result<std::vector<Label>> parseLabelListCsv(std::string_view text, const std::string& sourceName) {
    if (text.substr(0, 3) == "\xEF\xBB\xBF")
        text.remove_prefix(3);
    auto input = TextInput::fromBytes(std::string(text), "utf-8", text.size() + 1, sourceName);
    if (!input)
        return input.error();
    CsvReader reader(**input, CsvDialect{});
    std::vector<std::string> header;
    std::vector<Label> labels;
    std::vector<SourceLocation> where;
    std::vector<std::string> places;
    for (;;) {
        const auto status = reader.next();
        if (status == CsvReader::Status::End)
            break;
        if (status == CsvReader::Status::Failed || status == CsvReader::Status::BadRecord) {
            const auto& e = reader.error();
            return Error{ErrorCode::Parse, e.message, {sourceName, e.line, e.column}};
        }
        if (header.empty()) {
            for (std::size_t i = 0; i < reader.fieldCount(); ++i) {
                std::string name = trimmed(reader.field(i));
                std::transform(name.begin(), name.end(), name.begin(),
                               [](unsigned char c) { return std::tolower(c); });
                Label probe;
                if (!fieldFor(probe, name)) {
                    const auto at = reader.fieldLocation(i);
                    return Error{ErrorCode::Parse,
                                 "unknown column \"" + name +
                                     "\" (expected name, zh, en, description, color, hotkey)",
                                 {sourceName, at.line, at.column}};
                }
                header.push_back(name);
            }
            if (std::find(header.begin(), header.end(), "name") == header.end())
                return Error{
                    ErrorCode::Parse, "the header has no \"name\" column", {sourceName, reader.line(), 1}};
            continue;
        }
        Label label;
        for (std::size_t i = 0; i < reader.fieldCount() && i < header.size(); ++i)
            *fieldFor(label, header[i]) = trimmed(reader.field(i));
        if (reader.fieldCount() > header.size()) {
            const auto at = reader.fieldLocation(header.size());
            return Error{
                ErrorCode::Parse, "more fields than header columns", {sourceName, at.line, at.column}};
        }
        if (label.name.empty())
            return Error{ErrorCode::Parse, "row has no name", {sourceName, reader.line(), 1}};
        labels.push_back(std::move(label));
        where.push_back({sourceName, reader.line(), 1});
        places.push_back("line " + std::to_string(reader.line()));
    }
    if (header.empty())
        return Error{ErrorCode::Empty, "the label list is empty", {sourceName, 1, 1}};
    if (auto ok = checkDuplicates(labels, where, places); !ok)
        return ok.error();
    return labels;
}

Result<std::vector<Label>> readLabelList(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return Error{ErrorCode::Io, "cannot open the label list", {path, 0, 0}};
    std::ostringstream bytes;
    bytes << in.rdbuf();
    const std::string text = bytes.str();
    const auto dot = path.find_last_of('.');
    std::string extension = dot == std::string::npos ? "" : path.substr(dot + 1);
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return std::tolower(c); });
    if (extension == "json")
        return parseLabelListJson(
            text.substr(0, 3) == "\xEF\xBB\xBF" ? std::string_view(text).substr(3) : text, path);
    return parseLabelListCsv(text, path);
}

} // namespace bankbench::core
