#include "text/searchtext.h"

#include "text/utf8.h"

#include <vector>

namespace bankbench::core {

namespace {

bool isWordChar(char32_t c) {
    if (c < 0x80)
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    // Everything non-ASCII that is not CJK and not CJK punctuation is left to unicode61.
    return !(c >= 0x3000 && c <= 0x303F) && !(c >= 0xFF00 && c <= 0xFFEF) && c != 0xFFFD;
}

} // namespace

std::string searchBody(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 2);
    size_t pos = 0;
    while (pos < text.size()) {
        const char32_t c = utf8::toHalfWidth(utf8::next(text, pos));
        if (utf8::isCjk(c)) {
            if (!out.empty() && out.back() != ' ')
                out += ' ';
            utf8::append(out, c);
            out += ' ';
        } else {
            utf8::append(out, c);
        }
    }
    return out;
}

std::string searchQuery(std::string_view userInput) {
    std::vector<std::string> terms;
    std::string word;
    std::string phrase;
    auto flushWord = [&] {
        if (!word.empty())
            terms.push_back("\"" + word + "\"*");
        word.clear();
    };
    auto flushPhrase = [&] {
        if (!phrase.empty())
            terms.push_back("\"" + phrase + "\"");
        phrase.clear();
    };
    size_t pos = 0;
    while (pos < userInput.size()) {
        const char32_t c = utf8::toHalfWidth(utf8::next(userInput, pos));
        if (utf8::isCjk(c)) {
            flushWord();
            if (!phrase.empty())
                phrase += ' ';
            utf8::append(phrase, c);
        } else if (isWordChar(c)) {
            flushPhrase();
            utf8::append(word, c);
        } else {
            flushWord();
            flushPhrase();
        }
    }
    flushWord();
    flushPhrase();
    std::string query;
    for (const auto& term : terms) {
        if (!query.empty())
            query += " AND ";
        query += term;
    }
    return query;
}

} // namespace bankbench::core
