#include "chat/sourcelocate.h"

#include "text/utf8.h"

#include <algorithm>

namespace bankbench::core::chat {

SourceLocation locateOffset(std::string_view text, std::size_t offset, const std::string& file) {
    offset = std::min(offset, text.size());
    std::int64_t line = 1;
    std::size_t lineStart = 0;
    for (std::size_t i = 0; i < offset; ++i)
        if (text[i] == '\n') {
            ++line;
            lineStart = i + 1;
        }
    const auto column = utf8::length(text.substr(lineStart, offset - lineStart)) + 1;
    return {file, line, column};
}

SourceLocation locateJsonPath(std::string_view text, const std::vector<std::string>& keys,
                              const std::string& file) {
    std::size_t position = 0;
    bool found = false;
    for (const auto& key : keys) {
        const auto quoted = "\"" + key + "\"";
        const auto at = text.find(quoted, position);
        if (at == std::string_view::npos)
            break;
        position = at;
        found = true;
    }
    return found ? locateOffset(text, position, file) : SourceLocation{file, 1, 1};
}

} // namespace bankbench::core::chat
