#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace bankbench::core {

/// Offset conversions for span positions. Bankbench stores span offsets in Unicode code points; Qt
/// (QString, QTextCursor) counts UTF-16 code units, where a character outside the BMP (emoji, rare
/// CJK extension characters) takes two units; UTF-8 byte offsets index std::string. Offsets are
/// positions *between* characters, so an offset equal to the length (the end) is valid. A UTF-16
/// offset that falls between the two halves of a surrogate pair, or past the end, has no code point
/// offset: the functions return std::nullopt rather than guess. Invalid UTF-8 bytes count as one code
/// point and one UTF-16 unit each (they decode to U+FFFD, as Qt's fromUtf8 does). Pure functions.
namespace textoffsets {

/// Number of code points.
std::int64_t codePointCount(std::string_view utf8);
std::int64_t codePointCount(std::u16string_view utf16);
/// Number of UTF-16 code units the UTF-8 text takes (QString::size() of the same text).
std::int64_t utf16Count(std::string_view utf8);

std::optional<std::int64_t> codePointToUtf16(std::string_view utf8, std::int64_t codePoint);
std::optional<std::int64_t> utf16ToCodePoint(std::string_view utf8, std::int64_t utf16Offset);
/// The same over UTF-16 text, e.g. `std::u16string_view(reinterpret_cast<const char16_t*>(s.utf16()),
/// s.size())`.
std::optional<std::int64_t> codePointToUtf16(std::u16string_view utf16, std::int64_t codePoint);
std::optional<std::int64_t> utf16ToCodePoint(std::u16string_view utf16, std::int64_t utf16Offset);

std::optional<std::size_t> codePointToByte(std::string_view utf8, std::int64_t codePoint);
/// std::nullopt when `byteOffset` is inside a multi-byte sequence or past the end.
std::optional<std::int64_t> byteToCodePoint(std::string_view utf8, std::size_t byteOffset);

/// The code points [start, end) of `utf8` (clamped to the text).
std::string_view substring(std::string_view utf8, std::int64_t start, std::int64_t end);

} // namespace textoffsets
} // namespace bankbench::core
