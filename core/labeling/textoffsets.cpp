#include "labeling/textoffsets.h"

#include "text/utf8.h"

#include <algorithm>

namespace bankbench::core::textoffsets {

namespace {

bool isHighSurrogate(char16_t u) {
    return u >= 0xD800 && u <= 0xDBFF;
}
bool isLowSurrogate(char16_t u) {
    return u >= 0xDC00 && u <= 0xDFFF;
}

// Units of the UTF-16 code point starting at `i`: a lone surrogate counts as one (Qt keeps it as is).
std::size_t unitsAt(std::u16string_view text, std::size_t i) {
    return isHighSurrogate(text[i]) && i + 1 < text.size() && isLowSurrogate(text[i + 1]) ? 2 : 1;
}

} // namespace

std::int64_t codePointCount(std::string_view utf8) {
    return utf8::length(utf8);
}

std::int64_t codePointCount(std::u16string_view utf16) {
    std::int64_t count = 0;
    for (std::size_t i = 0; i < utf16.size(); i += unitsAt(utf16, i))
        ++count;
    return count;
}

std::int64_t utf16Count(std::string_view utf8) {
    std::int64_t units = 0;
    for (std::size_t pos = 0; pos < utf8.size();)
        units += utf8::next(utf8, pos) >= 0x10000 ? 2 : 1;
    return units;
}

std::optional<std::int64_t> codePointToUtf16(std::string_view utf8, std::int64_t codePoint) {
    if (codePoint < 0)
        return std::nullopt;
    std::int64_t units = 0;
    std::size_t pos = 0;
    for (std::int64_t i = 0; i < codePoint; ++i) {
        if (pos >= utf8.size())
            return std::nullopt;
        units += utf8::next(utf8, pos) >= 0x10000 ? 2 : 1;
    }
    return units;
}

std::optional<std::int64_t> utf16ToCodePoint(std::string_view utf8, std::int64_t utf16Offset) {
    if (utf16Offset < 0)
        return std::nullopt;
    std::int64_t units = 0;
    std::int64_t points = 0;
    std::size_t pos = 0;
    while (units < utf16Offset) {
        if (pos >= utf8.size())
            return std::nullopt;
        units += utf8::next(utf8, pos) >= 0x10000 ? 2 : 1;
        ++points;
    }
    if (units != utf16Offset)
        return std::nullopt; // between the two halves of a surrogate pair
    return points;
}

std::optional<std::int64_t> codePointToUtf16(std::u16string_view utf16, std::int64_t codePoint) {
    if (codePoint < 0)
        return std::nullopt;
    std::size_t i = 0;
    for (std::int64_t n = 0; n < codePoint; ++n) {
        if (i >= utf16.size())
            return std::nullopt;
        i += unitsAt(utf16, i);
    }
    return static_cast<std::int64_t>(i);
}

std::optional<std::int64_t> utf16ToCodePoint(std::u16string_view utf16, std::int64_t utf16Offset) {
    if (utf16Offset < 0 || utf16Offset > static_cast<std::int64_t>(utf16.size()))
        return std::nullopt;
    std::int64_t points = 0;
    std::size_t i = 0;
    while (static_cast<std::int64_t>(i) < utf16Offset) {
        i += unitsAt(utf16, i);
        ++points;
    }
    if (static_cast<std::int64_t>(i) != utf16Offset)
        return std::nullopt;
    return points;
}

std::optional<std::size_t> codePointToByte(std::string_view utf8, std::int64_t codePoint) {
    if (codePoint < 0)
        return std::nullopt;
    std::size_t pos = 0;
    for (std::int64_t i = 0; i < codePoint; ++i) {
        if (pos >= utf8.size())
            return std::nullopt;
        utf8::next(utf8, pos);
    }
    return pos;
}

std::optional<std::int64_t> byteToCodePoint(std::string_view utf8, std::size_t byteOffset) {
    if (byteOffset > utf8.size())
        return std::nullopt;
    std::int64_t points = 0;
    std::size_t pos = 0;
    while (pos < byteOffset) {
        utf8::next(utf8, pos);
        ++points;
    }
    if (pos != byteOffset)
        return std::nullopt;
    return points;
}

std::string_view substring(std::string_view utf8, std::int64_t start, std::int64_t end) {
    const std::int64_t length = codePointCount(utf8);
    start = std::max<std::int64_t>(0, std::min(start, length));
    end = std::max(start, std::min(end, length));
    const std::size_t from = *codePointToByte(utf8, start);
    const std::size_t to = *codePointToByte(utf8, end);
    return utf8.substr(from, to - from);
}

} // namespace bankbench::core::textoffsets
