#include "text/utf8.h"

namespace bankbench::core::utf8 {

namespace {
constexpr char32_t kReplacement = 0xFFFD;

// Returns the sequence length for a valid sequence at `pos`, or 0.
size_t validSequenceLength(std::string_view s, size_t pos, char32_t* out) {
    const auto b0 = static_cast<unsigned char>(s[pos]);
    if (b0 < 0x80) {
        *out = b0;
        return 1;
    }
    size_t len;
    char32_t cp;
    char32_t min;
    if ((b0 & 0xE0) == 0xC0) {
        len = 2, cp = b0 & 0x1F, min = 0x80;
    } else if ((b0 & 0xF0) == 0xE0) {
        len = 3, cp = b0 & 0x0F, min = 0x800;
    } else if ((b0 & 0xF8) == 0xF0) {
        len = 4, cp = b0 & 0x07, min = 0x10000;
    } else {
        return 0;
    }
    if (pos + len > s.size())
        return 0;
    for (size_t i = 1; i < len; ++i) {
        const auto b = static_cast<unsigned char>(s[pos + i]);
        if ((b & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (b & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    *out = cp;
    return len;
}
} // namespace

char32_t next(std::string_view text, size_t& pos) {
    char32_t cp = 0;
    const size_t len = validSequenceLength(text, pos, &cp);
    if (len == 0) {
        ++pos;
        return kReplacement;
    }
    pos += len;
    return cp;
}

void append(std::string& out, char32_t c) {
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

std::int64_t length(std::string_view text) {
    std::int64_t count = 0;
    for (size_t pos = 0; pos < text.size(); ++count)
        next(text, pos);
    return count;
}

size_t firstInvalid(std::string_view text) {
    size_t pos = 0;
    while (pos < text.size()) {
        if (static_cast<unsigned char>(text[pos]) < 0x80) {
            ++pos;
            continue;
        }
        char32_t cp;
        const size_t len = validSequenceLength(text, pos, &cp);
        if (len == 0)
            return pos;
        pos += len;
    }
    return std::string_view::npos;
}

bool isValid(std::string_view text) { return firstInvalid(text) == std::string_view::npos; }

bool isCjk(char32_t c) {
    return (c >= 0x2E80 && c <= 0x2FDF)      // radicals
           || (c >= 0x3040 && c <= 0x30FF)   // hiragana, katakana
           || (c >= 0x3400 && c <= 0x4DBF)   // extension A
           || (c >= 0x4E00 && c <= 0x9FFF)   // unified ideographs
           || (c >= 0xAC00 && c <= 0xD7AF)   // hangul syllables
           || (c >= 0xF900 && c <= 0xFAFF)   // compatibility ideographs
           || (c >= 0x20000 && c <= 0x3134F); // extensions B-G
}

char32_t toHalfWidth(char32_t c) {
    if (c >= 0xFF01 && c <= 0xFF5E)
        return c - 0xFEE0;
    if (c == 0x3000)
        return U' ';
    return c;
}

} // namespace bankbench::core::utf8
