// findAmounts(): money amounts with currencies in Chinese and English (declared in chat/slots.h).
#include "chat/chinesenumber.h"
#include "chat/patternscan.h"
#include "chat/slots.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <regex>
#include <vector>

namespace bankbench::core::chat {
namespace {

struct CurrencyWord {
    const char* word;
    const char* code;
};

constexpr CurrencyWord kPrefixes[] = {{"US$", "USD"}, {"HK$", "HKD"}, {"RMB", "CNY"}, {"CNY", "CNY"},
                                      {"USD", "USD"}, {"EUR", "EUR"}, {"GBP", "GBP"}, {"HKD", "HKD"},
                                      {"JPY", "JPY"}, {"¥", "CNY"},   {"￥", "CNY"},  {"$", "USD"},
                                      {"€", "EUR"},   {"£", "GBP"}};
constexpr CurrencyWord kSuffixes[] = {
    {"块钱", "CNY"},   {"元钱", "CNY"},  {"人民币", "CNY"}, {"元", "CNY"},      {"块", "CNY"},
    {"圆", "CNY"},     {"美元", "USD"},  {"美金", "USD"},   {"刀", "USD"},      {"欧元", "EUR"},
    {"英镑", "GBP"},   {"港币", "HKD"},  {"港元", "HKD"},   {"日元", "JPY"},    {"RMB", "CNY"},
    {"CNY", "CNY"},    {"yuan", "CNY"},  {"USD", "USD"},    {"dollars", "USD"}, {"dollar", "USD"},
    {"bucks", "USD"},  {"EUR", "EUR"},   {"euros", "EUR"},  {"euro", "EUR"},    {"GBP", "GBP"},
    {"pounds", "GBP"}, {"pound", "GBP"}, {"HKD", "HKD"},    {"JPY", "JPY"}};

std::string escapeRegex(const std::string& s) {
    std::string out;
    for (char c : s) {
        if (std::string_view("\\^$.|?*+()[]{}").find(c) != std::string_view::npos)
            out += '\\';
        out += c;
    }
    return out;
}

template <std::size_t N> std::string alternation(const CurrencyWord (&words)[N]) {
    // Longest first: the regex alternation takes the first word that lets the match succeed ("EUR" would
    // win over "euros").
    std::vector<std::string> sorted;
    for (const auto& w : words)
        sorted.push_back(w.word);
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
    std::string out = "(?:";
    for (std::size_t i = 0; i < sorted.size(); ++i)
        out += (i ? "|" : "") + escapeRegex(sorted[i]);
    return out + ")";
}

template <std::size_t N> std::string codeOf(const CurrencyWord (&words)[N], const std::string& written) {
    std::string lower = written;
    for (auto& c : lower)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (const auto& w : words) {
        std::string word = w.word;
        for (auto& c : word)
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (word == lower)
            return w.code;
    }
    return {};
}

// Groups: 1 prefix currency, 2 digits, 3 multiplier, 4 Chinese numeral, 5 suffix currency.
const std::regex& amountPattern() {
    static const std::regex re = [] {
        const std::string cn = chineseNumeralCharPattern();
        const std::string number = "(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)";
        const std::string multiplier = "(k|K|千|万|亿|w|W|\\s?thousand|\\s?million)?";
        const std::string pattern = "(?:(" + alternation(kPrefixes) + ")\\s?)?(?:" + number + multiplier +
                                    "|(" + cn + "+))(?:\\s?(" + alternation(kSuffixes) + "))?";
        return std::regex(pattern, std::regex::icase);
    }();
    return re;
}

double multiplierValue(std::string m) {
    while (!m.empty() && m.front() == ' ')
        m.erase(m.begin());
    for (auto& c : m)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (m == "k" || m == "千" || m == "thousand")
        return 1e3;
    if (m == "万" || m == "w")
        return 1e4;
    if (m == "million")
        return 1e6;
    if (m == "亿")
        return 1e8;
    return 1;
}

std::string formatAmount(double value, bool showCents) {
    const long long cents = std::llround(value * 100);
    char buffer[48];
    if (!showCents && cents % 100 == 0)
        std::snprintf(buffer, sizeof buffer, "%lld", cents / 100);
    else
        std::snprintf(buffer, sizeof buffer, "%lld.%02lld", cents / 100, std::llabs(cents % 100));
    return buffer;
}

} // namespace

std::vector<Slot> findAmounts(std::string_view text) {
    std::vector<Slot> found;
    scan::forEachMatch(text, amountPattern(), [&](const std::smatch& m) {
        const std::string prefix = m.str(1), suffix = m.str(5), mult = m.str(3);
        std::string unit = !prefix.empty() ? codeOf(kPrefixes, prefix) : codeOf(kSuffixes, suffix);
        double value = 0;
        bool showCents = false;
        if (m[2].matched) {
            std::string digits;
            for (char c : m.str(2))
                if (c != ',')
                    digits += c;
            value = std::stod(digits) * multiplierValue(mult);
            showCents = digits.find('.') != std::string::npos && !m[3].matched;
        } else {
            const std::string numeral = m.str(4);
            const auto v = parseChineseNumber(numeral);
            if (!v)
                return;
            value = *v;
            // A Chinese numeral is an amount with a currency, or when it carries 千/万/亿 (两万, 三千).
            if (unit.empty() && numeral.find("万") == std::string::npos &&
                numeral.find("千") == std::string::npos && numeral.find("亿") == std::string::npos)
                return;
            showCents = numeral.find("点") != std::string::npos;
        }
        // A bare number is an amount only with a currency or a multiplier ("3 days" is not, "5k" is).
        if (unit.empty() && !m[3].matched && m[2].matched)
            return;
        auto begin = static_cast<std::size_t>(m.position(0));
        auto end = begin + static_cast<std::size_t>(m.length(0));
        // The optional space before a suffix may have been swallowed with no suffix: trim it.
        while (end > begin && text[end - 1] == ' ')
            --end;
        if (!scan::digitBoundary(text, begin, end))
            return;
        const bool asciiSuffix = !suffix.empty() && scan::isAsciiAlpha(suffix[0]);
        const bool asciiMult = !mult.empty() && scan::isAsciiAlpha(mult.back());
        if ((asciiSuffix || asciiMult) && end < text.size() && scan::isAsciiAlpha(text[end]))
            return; // "5 kg", "100 dollarsx"
        if (m[1].matched && scan::isAsciiAlpha(prefix[0]) && begin > 0 && scan::isAsciiAlpha(text[begin - 1]))
            return;
        found.push_back(
            scan::makeSlot(text, slotname::kAmount, begin, end, formatAmount(value, showCents), unit));
    });
    return scan::longestNonOverlapping(std::move(found));
}

} // namespace bankbench::core::chat
