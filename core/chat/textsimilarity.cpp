#include "chat/textsimilarity.h"

#include "text/utf8.h"

#include <algorithm>
#include <vector>

namespace bankbench::core::chat {
namespace {

bool ignored(char32_t c) {
    if (c < 0x80)
        return !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
    return (c >= 0x2000 && c <= 0x206F) || (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFFEF);
}

std::vector<char32_t> characters(std::string_view text) {
    std::vector<char32_t> out;
    for (std::size_t pos = 0; pos < text.size();) {
        char32_t c = utf8::toHalfWidth(utf8::next(text, pos));
        if (c >= 'A' && c <= 'Z')
            c = c - 'A' + 'a';
        if (!ignored(c))
            out.push_back(c);
    }
    std::sort(out.begin(), out.end());
    return out;
}

} // namespace

double characterOverlap(std::string_view a, std::string_view b) {
    const auto ca = characters(a), cb = characters(b);
    if (ca.empty() || cb.empty())
        return 0.0;
    std::vector<char32_t> common;
    std::set_intersection(ca.begin(), ca.end(), cb.begin(), cb.end(), std::back_inserter(common));
    return 2.0 * static_cast<double>(common.size()) / static_cast<double>(ca.size() + cb.size());
}

} // namespace bankbench::core::chat
