#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace bankbench::core::utf8 {

/// Decodes the code point at `pos` and advances `pos`; invalid bytes yield U+FFFD and advance by one.
char32_t next(std::string_view text, size_t& pos);
void append(std::string& out, char32_t codePoint);
/// Number of code points (invalid bytes count as one each).
std::int64_t length(std::string_view text);
/// True when `text` is well-formed UTF-8 (no overlongs, no surrogates).
bool isValid(std::string_view text);
/// Offset of the first invalid byte, or npos.
size_t firstInvalid(std::string_view text);

/// Han, kana and hangul: scripts written without spaces, which search and tokenizers split per character.
bool isCjk(char32_t c);
/// Full-width ASCII forms (Ａ, １, ！) and the ideographic space map to their half-width twins.
char32_t toHalfWidth(char32_t c);

} // namespace bankbench::core::utf8
