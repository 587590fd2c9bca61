#pragma once

// Small string helpers shared by readers of user files and settings.

#include <string>
#include <string_view>

namespace bankbench::core {

/// `text` without leading and trailing spaces, tabs and line breaks.
inline std::string_view trimWhitespace(std::string_view text) {
    const auto begin = text.find_first_not_of(" \t\r\n");
    if (begin == std::string_view::npos)
        return {};
    return text.substr(begin, text.find_last_not_of(" \t\r\n") - begin + 1);
}

/// ASCII letters lower-cased; every other byte (UTF-8 included) unchanged.
inline std::string lowerAscii(std::string text) {
    for (char& c : text)
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    return text;
}

} // namespace bankbench::core
