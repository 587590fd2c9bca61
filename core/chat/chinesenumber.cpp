#include "chat/chinesenumber.h"

#include "text/utf8.h"

#include <vector>

namespace bankbench::core::chat {
namespace {

int digitValue(char32_t c) {
    switch (c) {
    case U'零':
    case U'〇':
        return 0;
    case U'一':
        return 1;
    case U'二':
    case U'两':
        return 2;
    case U'三':
        return 3;
    case U'四':
        return 4;
    case U'五':
        return 5;
    case U'六':
        return 6;
    case U'七':
        return 7;
    case U'八':
        return 8;
    case U'九':
        return 9;
    default:
        return -1;
    }
}

int smallUnit(char32_t c) {
    switch (c) {
    case U'十':
        return 10;
    case U'百':
        return 100;
    case U'千':
        return 1000;
    default:
        return 0;
    }
}

std::optional<double> parseInteger(const std::vector<char32_t>& cs) {
    if (cs.empty())
        return std::nullopt;
    bool anyUnit = false;
    for (char32_t c : cs)
        if (smallUnit(c) || c == U'万' || c == U'亿')
            anyUnit = true;
    if (!anyUnit) { // 二零二六: digits read one by one
        double v = 0;
        for (char32_t c : cs) {
            const int d = digitValue(c);
            if (d < 0)
                return std::nullopt;
            v = v * 10 + d;
        }
        return v;
    }
    double yi = 0, wan = 0, cur = 0;
    int num = -1;     // pending digit, -1 when none
    int lastUnit = 0; // the unit just before the pending digit, for 一万二 / 三千五
    bool zeroSeen = false;
    for (char32_t c : cs) {
        if (const int d = digitValue(c); d >= 0) {
            if (num > 0)
                return std::nullopt; // 一二 with a unit elsewhere: not a numeral
            if (d == 0) {
                zeroSeen = true;
                num = -1;
                continue;
            }
            num = d;
        } else if (const int unit = smallUnit(c)) {
            if (num < 0 && !(unit == 10 && (cur == 0)))
                return std::nullopt; // 百 without a digit (十 alone means 10)
            cur += (num < 0 ? 1 : num) * unit;
            num = -1;
            lastUnit = unit;
            zeroSeen = false;
        } else if (c == U'万') {
            wan = (cur + (num > 0 ? num : 0)) * 10000;
            if (wan == 0)
                return std::nullopt;
            cur = 0;
            num = -1;
            lastUnit = 10000;
            zeroSeen = false;
        } else if (c == U'亿') {
            yi = (wan + cur + (num > 0 ? num : 0)) * 1e8;
            if (yi == 0)
                return std::nullopt;
            wan = cur = 0;
            num = -1;
            lastUnit = 100000000;
            zeroSeen = false;
        } else {
            return std::nullopt;
        }
    }
    double tail = num > 0 ? num : 0;
    if (num > 0 && !zeroSeen && lastUnit >= 100)
        tail = num * (lastUnit / 10.0); // 三千五 = 3500, 一万二 = 12000
    return yi + wan + cur + tail;
}

} // namespace

std::optional<double> parseChineseNumber(std::string_view text) {
    std::vector<char32_t> integer, fraction;
    bool inFraction = false;
    for (std::size_t pos = 0; pos < text.size();) {
        const char32_t c = utf8::next(text, pos);
        if (c == U'点') {
            if (inFraction)
                return std::nullopt;
            inFraction = true;
            continue;
        }
        (inFraction ? fraction : integer).push_back(c);
    }
    auto value = parseInteger(integer);
    if (!value)
        return std::nullopt;
    if (inFraction) {
        if (fraction.empty())
            return std::nullopt;
        double scale = 0.1;
        for (char32_t c : fraction) {
            const int d = digitValue(c);
            if (d < 0)
                return std::nullopt;
            *value += d * scale;
            scale /= 10;
        }
    }
    return value;
}

const char* chineseNumeralCharPattern() {
    return "(?:零|〇|一|二|两|三|四|五|六|七|八|九|十|百|千|万|亿|点)";
}

} // namespace bankbench::core::chat
