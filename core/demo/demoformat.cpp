#include "demo/demoformat.h"

#include <algorithm>
#include <cstdio>

namespace bankbench::core {

namespace {

const char* const kMonthNames[] = {"January", "February", "March",     "April",   "May",      "June",
                                   "July",    "August",   "September", "October", "November", "December"};

std::string ordinal(int day) {
    const char* suffix = "th";
    if (day % 100 < 11 || day % 100 > 13) {
        if (day % 10 == 1)
            suffix = "st";
        else if (day % 10 == 2)
            suffix = "nd";
        else if (day % 10 == 3)
            suffix = "rd";
    }
    return std::to_string(day) + suffix;
}

// 15000 -> "1.5", 20000 -> "2": the number before 万.
std::string inWan(std::int64_t value) {
    const std::int64_t thousands = value / 1000;
    std::string text = std::to_string(thousands / 10);
    if (thousands % 10 != 0)
        text.append(1, '.').append(std::to_string(thousands % 10));
    return text;
}

std::string formatDate(SeededRandom& random, DemoLanguage language, CivilDate date) {
    if (language == DemoLanguage::Chinese) {
        switch (random.below(3)) {
        case 0:
            return std::to_string(date.month) + "月" + std::to_string(date.day) + "日";
        case 1:
            return std::to_string(date.month) + "月" + std::to_string(date.day) + "号";
        default:
            return std::to_string(date.day) + "号";
        }
    }
    const std::string month = kMonthNames[date.month - 1];
    switch (random.below(4)) {
    case 0:
        return "on " + month + " " + std::to_string(date.day);
    case 1:
        return "on " + std::to_string(date.day) + " " + month;
    case 2:
        return "on the " + ordinal(date.day);
    default:
        return "on " + std::to_string(date.month) + "/" + std::to_string(date.day);
    }
}

std::int64_t niceEverydayAmount(SeededRandom& random) {
    if (random.chance(0.25))
        return random.between(100, 20000); // an exact figure, e.g. a bill
    static const std::vector<int> bases = {10, 12, 15, 20, 25, 30, 50, 80};
    static const std::vector<int> scales = {10, 100, 1000};
    return static_cast<std::int64_t>(random.pick(bases)) * random.pick(scales);
}

} // namespace

std::int64_t daysFromCivil(CivilDate date) {
    // Howard Hinnant's days_from_civil.
    const int y = date.year - (date.month <= 2 ? 1 : 0);
    const int era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned mp = static_cast<unsigned>(date.month + (date.month > 2 ? -3 : 9));
    const unsigned doy = (153 * mp + 2) / 5 + static_cast<unsigned>(date.day) - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return static_cast<std::int64_t>(era) * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

CivilDate civilFromDays(std::int64_t days) {
    days += 719468;
    const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(days - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned day = doy - (153 * mp + 2) / 5 + 1;
    const unsigned month = mp < 10 ? mp + 3 : mp - 9;
    const std::int64_t year = static_cast<std::int64_t>(yoe) + era * 400 + (month <= 2 ? 1 : 0);
    return {static_cast<int>(year), static_cast<int>(month), static_cast<int>(day)};
}

std::string chinaTimestamp(std::int64_t localSeconds) {
    const std::int64_t days = localSeconds / 86400;
    const std::int64_t secondOfDay = localSeconds % 86400;
    const CivilDate date = civilFromDays(days);
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02d+08:00", date.year, date.month,
                  date.day, static_cast<int>(secondOfDay / 3600), static_cast<int>(secondOfDay / 60 % 60),
                  static_cast<int>(secondOfDay % 60));
    return buffer;
}

std::string groupThousands(std::int64_t value) {
    const std::string digits = std::to_string(value < 0 ? -value : value);
    std::string out = value < 0 ? "-" : "";
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0)
            out += ',';
        out += digits[i];
    }
    return out;
}

std::string formatAmount(SeededRandom& random, DemoLanguage language, AmountKind kind) {
    std::int64_t value = 0;
    switch (kind) {
    case AmountKind::Everyday:
        value = niceEverydayAmount(random);
        break;
    case AmountKind::Fee: {
        static const std::vector<int> fees = {5, 10, 15, 20, 25, 30, 50, 60, 100, 120, 200, 300};
        value = random.pick(fees);
        break;
    }
    case AmountKind::Large: {
        static const std::vector<int> tenThousands = {5, 8, 10, 15, 20, 30, 50, 60, 80, 100, 120, 150, 200};
        value = static_cast<std::int64_t>(random.pick(tenThousands)) * 10000;
        break;
    }
    case AmountKind::Limit: {
        static const std::vector<int> limits = {10000, 15000, 20000, 30000, 50000, 80000, 100000};
        value = random.pick(limits);
        break;
    }
    }
    const bool roundWan = value >= 10000 && value % 1000 == 0;
    if (language == DemoLanguage::Chinese) {
        // Large sums are said in 万 ("50万"), rarely written out in full.
        if (kind == AmountKind::Large && random.chance(0.7))
            return inWan(value) + (random.chance(0.5) ? "万" : "万元");
        switch (random.below(roundWan ? 5 : 4)) {
        case 0:
            return std::to_string(value) + "元";
        case 1:
            return "¥" + groupThousands(value);
        case 2:
            return std::to_string(value) + (kind == AmountKind::Fee ? "块钱" : "块");
        case 3:
            return groupThousands(value) + "元";
        default:
            return inWan(value) + (random.chance(0.5) ? "万" : "万元");
        }
    }
    if (kind == AmountKind::Everyday && random.chance(0.15)) {
        // Card spending abroad: about 7 yuan to the dollar, rounded the way people quote it.
        const std::int64_t dollars = std::max<std::int64_t>(10, (value / 7 + 5) / 10 * 10);
        return std::string("$").append(groupThousands(dollars));
    }
    const bool thousandsShorthand = roundWan && value < 1000000; // "RMB 50k", not "RMB 1500k"
    switch (random.below(thousandsShorthand ? 5 : 4)) {
    case 0:
        return "¥" + groupThousands(value);
    case 1:
        return groupThousands(value) + " yuan";
    case 2:
        return "RMB " + groupThousands(value);
    case 3:
        return "CNY " + groupThousands(value);
    default:
        return "RMB " + std::to_string(value / 1000) + "k";
    }
}

std::string formatPastDate(SeededRandom& random, DemoLanguage language, std::int64_t today) {
    if (random.chance(0.4))
        return random.pick(demoVocabulary(language).pastPhrases);
    return formatDate(random, language, civilFromDays(today - random.between(1, 20)));
}

std::string formatFutureDate(SeededRandom& random, DemoLanguage language, std::int64_t today) {
    if (random.chance(0.5))
        return random.pick(demoVocabulary(language).futurePhrases);
    return formatDate(random, language, civilFromDays(today + random.between(1, 30)));
}

std::string formatRecentMonth(SeededRandom& random, DemoLanguage language, std::int64_t today) {
    CivilDate date = civilFromDays(today);
    const int back = random.between(1, 3);
    date.month -= back;
    if (date.month < 1)
        date.month += 12;
    if (language == DemoLanguage::English)
        return kMonthNames[date.month - 1];
    switch (random.below(3)) {
    case 0:
        return std::to_string(date.month) + "月份";
    case 1:
        return std::to_string(date.month) + "月";
    default:
        return back == 1 ? "上个月" : std::to_string(date.month) + "月份";
    }
}

} // namespace bankbench::core
