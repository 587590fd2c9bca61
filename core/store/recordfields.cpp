#include "store/recordfields.h"

namespace bankbench::core {

namespace {

const char* escapeFor(unsigned char byte) {
    switch (byte) {
    case '"': return "\\\"";
    case '\\': return "\\\\";
    case '\n': return "\\n";
    case '\r': return "\\r";
    case '\t': return "\\t";
    default: return nullptr;
    }
}

// Runs of bytes that need no escape are appended whole: nearly every byte of customer text.
void appendJsonString(std::string& out, const std::string& value) {
    static const char* const kHex = "0123456789abcdef";
    out += '"';
    std::size_t runStart = 0;
    for (std::size_t i = 0; i < value.size(); ++i) {
        const auto byte = static_cast<unsigned char>(value[i]);
        if (byte >= 0x20 && byte != '"' && byte != '\\')
            continue;
        out.append(value, runStart, i - runStart);
        runStart = i + 1;
        if (const char* escape = escapeFor(byte)) {
            out += escape;
        } else {
            out += "\\u00";
            out += kHex[byte >> 4];
            out += kHex[byte & 0xF];
        }
    }
    out.append(value, runStart, std::string::npos);
    out += '"';
}

} // namespace

void serializeRecordFields(const nlohmann::json& fields, std::optional<std::size_t> textColumn,
                           const std::string& text, std::string& out) {
    out.clear();
    if (!fields.is_array()) {
        out = "[]";
        return;
    }
    out += '[';
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i)
            out += ',';
        const auto& value = fields[i];
        if (value.is_string()) {
            const auto& string = value.get_ref<const std::string&>();
            if (textColumn && *textColumn == i && string == text)
                out += "null";
            else
                appendJsonString(out, string);
        } else if (value.is_null()) {
            out += "null";
        } else {
            out += value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        }
    }
    out += ']';
}

} // namespace bankbench::core
