#pragma once

// Internal helpers shared by the rule detectors (not part of the chat API).

#include "chat/slot.h"

#include <regex>
#include <string>
#include <string_view>
#include <vector>

namespace bankbench::core::chat::scan {

inline bool isDigit(char c) {
    return c >= '0' && c <= '9';
}
inline bool isAsciiAlpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
inline bool isAsciiAlnum(char c) {
    return isDigit(c) || isAsciiAlpha(c);
}

/// No ASCII digit right before `begin` or at `end`.
bool digitBoundary(std::string_view text, std::size_t begin, std::size_t end);
/// No ASCII letter or digit right before `begin` or at `end` (English words and numbers).
bool wordBoundary(std::string_view text, std::size_t begin, std::size_t end);

/// The ASCII digits of `text`, in order.
std::string digitsOf(std::string_view text);

/// Calls `visit(match)` for each match of `re` in `text` (std::regex over the UTF-8 bytes).
template <typename Visit> void forEachMatch(std::string_view text, const std::regex& re, Visit&& visit) {
    const std::string owned(text);
    for (auto it = std::sregex_iterator(owned.begin(), owned.end(), re); it != std::sregex_iterator(); ++it)
        visit(*it);
}

/// Keeps the longest of overlapping candidates (earliest on ties) and returns them sorted by begin.
std::vector<Slot> longestNonOverlapping(std::vector<Slot> candidates);

/// Makes a slot over [begin, end) of `text`.
Slot makeSlot(std::string_view text, const char* name, std::size_t begin, std::size_t end, std::string value,
              std::string unit = {});

} // namespace bankbench::core::chat::scan
