#include "io/jsonlreader.h"

#include <cstring>

namespace bankbench::core {

namespace {

bool isBlank(std::string_view text) {
    for (const char c : text)
        if (c != ' ' && c != '\t' && c != '\r' && c != '\f' && c != '\v')
            return false;
    return true;
}

// 1-based character column of byte `offset` in `text`.
std::int64_t characterColumn(std::string_view text, std::size_t offset) {
    offset = std::min(offset, text.size());
    std::int64_t column = 1;
    for (std::size_t i = 0; i < offset; ++i)
        column += (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
    return column;
}

// nlohmann's message without its "[json.exception...] parse error at line 1, column 9: " preamble,
// since we give the location ourselves.
std::string parseErrorReason(const std::string& what) {
    const auto at = what.find("parse error");
    const auto colon = at == std::string::npos ? std::string::npos : what.find(": ", at);
    return colon == std::string::npos ? what : what.substr(colon + 2);
}

const char* jsonKindName(const nlohmann::ordered_json& value) {
    switch (value.type()) {
    case nlohmann::ordered_json::value_t::array:
        return "an array";
    case nlohmann::ordered_json::value_t::string:
        return "a string";
    case nlohmann::ordered_json::value_t::boolean:
        return "a boolean";
    case nlohmann::ordered_json::value_t::null:
        return "null";
    default:
        return "a number";
    }
}

} // namespace

JsonlReader::JsonlReader(std::unique_ptr<TextInput> input, std::size_t maxLineBytes)
    : m_input(std::move(input)), m_maxLineBytes(maxLineBytes) {}

RowReader::Status JsonlReader::bad(ErrorCode code, std::int64_t column, std::string message) {
    m_error = RowError{code, m_rowLine, column, std::move(message)};
    return Status::BadRow;
}

RowReader::Status JsonlReader::next(nlohmann::json& fields) {
    for (;;) {
        const char* buf = m_input->data();
        const std::size_t size = m_input->size();
        const void* newline = m_pos < size ? std::memchr(buf + m_pos, '\n', size - m_pos) : nullptr;
        std::size_t lineEnd;
        if (newline) {
            lineEnd = static_cast<std::size_t>(static_cast<const char*>(newline) - buf);
        } else {
            if (m_input->error()) {
                m_error = RowError{ErrorCode::Io, 0, 0, m_input->error()->message};
                return Status::Failed;
            }
            if (!m_input->atEnd()) {
                if (!m_skippingLongLine && size - m_pos > m_maxLineBytes) {
                    m_skippingLongLine = true;
                    m_rowLine = m_nextLine;
                    m_error =
                        RowError{ErrorCode::Parse, m_rowLine, 1,
                                 "line is longer than " + std::to_string(m_maxLineBytes >> 20) + " MiB"};
                }
                // While skipping an overlong line none of it is kept.
                const std::size_t keepFrom = m_skippingLongLine ? size : m_pos;
                const std::size_t shift = m_input->fill(keepFrom);
                m_pos = keepFrom - shift;
                continue;
            }
            if (m_pos >= size || m_input->truncated()) // a preview's cut last line is not shown
                return Status::End;
            lineEnd = size;
        }
        const std::size_t lineStart = m_pos;
        m_pos = lineEnd + 1;
        if (m_skippingLongLine) {
            m_skippingLongLine = false;
            ++m_nextLine;
            m_input->dropInvalidBefore(m_pos);
            return Status::BadRow;
        }
        m_rowLine = m_nextLine++;
        std::string_view text(buf + lineStart, lineEnd - lineStart);
        if (!text.empty() && text.back() == '\r')
            text.remove_suffix(1);
        m_input->dropInvalidBefore(lineStart);
        const auto& invalid = m_input->invalid();
        if (!invalid.empty() && invalid.front().offset < lineEnd) {
            const std::size_t offset = invalid.front().offset - lineStart;
            std::string message = invalidSequenceMessage(m_input->encoding(), invalid.front());
            m_input->dropInvalidBefore(lineEnd);
            return bad(ErrorCode::Encoding, characterColumn(text, offset), std::move(message));
        }
        if (isBlank(text))
            continue;
        return parseLine(text, fields);
    }
}

RowReader::Status JsonlReader::parseLine(std::string_view text, nlohmann::json& fields) {
    try {
        m_object = nlohmann::ordered_json::parse(text.data(), text.data() + text.size());
    } catch (const nlohmann::ordered_json::parse_error& e) {
        // e.byte counts from 1 and points at the character that broke the parse.
        const std::size_t offset = e.byte > 0 ? e.byte - 1 : 0;
        return bad(ErrorCode::Parse, characterColumn(text, offset),
                   "invalid JSON: " + parseErrorReason(e.what()));
    }
    if (!m_object.is_object()) {
        const std::size_t first = text.find_first_not_of(" \t");
        return bad(ErrorCode::Parse, characterColumn(text, first == std::string_view::npos ? 0 : first),
                   std::string("expected a JSON object, found ") + jsonKindName(m_object));
    }
    m_slotOfKey.clear();
    for (auto it = m_object.begin(); it != m_object.end(); ++it) {
        auto found = m_columnIndex.find(it.key());
        if (found == m_columnIndex.end()) {
            found = m_columnIndex.emplace(it.key(), m_columns.size()).first;
            m_columns.push_back(it.key());
        }
        m_slotOfKey.push_back(found->second);
    }
    if (!fields.is_array())
        fields = nlohmann::json::array();
    auto& slots = fields.get_ref<nlohmann::json::array_t&>();
    slots.assign(m_columns.size(), nullptr);
    std::size_t k = 0;
    for (auto it = m_object.begin(); it != m_object.end(); ++it, ++k)
        slots[m_slotOfKey[k]] = nlohmann::json(std::move(it.value()));
    return Status::Row;
}

} // namespace bankbench::core
