#include "chat/patternscan.h"

#include <algorithm>

namespace bankbench::core::chat::scan {

bool digitBoundary(std::string_view text, std::size_t begin, std::size_t end) {
    return !(begin > 0 && isDigit(text[begin - 1])) && !(end < text.size() && isDigit(text[end]));
}

bool wordBoundary(std::string_view text, std::size_t begin, std::size_t end) {
    return !(begin > 0 && isAsciiAlnum(text[begin - 1])) && !(end < text.size() && isAsciiAlnum(text[end]));
}

std::string digitsOf(std::string_view text) {
    std::string out;
    for (char c : text)
        if (isDigit(c))
            out += c;
    return out;
}

std::vector<Slot> longestNonOverlapping(std::vector<Slot> candidates) {
    std::stable_sort(candidates.begin(), candidates.end(), [](const Slot& a, const Slot& b) {
        const auto la = a.end - a.begin, lb = b.end - b.begin;
        return la != lb ? la > lb : a.begin < b.begin;
    });
    std::vector<Slot> kept;
    for (auto& c : candidates) {
        const bool overlaps = std::any_of(kept.begin(), kept.end(),
                                          [&](const Slot& k) { return c.begin < k.end && k.begin < c.end; });
        if (!overlaps)
            kept.push_back(std::move(c));
    }
    std::sort(kept.begin(), kept.end(), [](const Slot& a, const Slot& b) { return a.begin < b.begin; });
    return kept;
}

Slot makeSlot(std::string_view text, const char* name, std::size_t begin, std::size_t end, std::string value,
              std::string unit) {
    Slot slot;
    slot.name = name;
    slot.raw = std::string(text.substr(begin, end - begin));
    slot.value = std::move(value);
    slot.unit = std::move(unit);
    slot.begin = begin;
    slot.end = end;
    return slot;
}

} // namespace bankbench::core::chat::scan
