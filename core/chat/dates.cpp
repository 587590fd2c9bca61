#include "chat/dates.h"

#include "chat/chinesenumber.h"
#include "chat/patternscan.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <regex>

namespace bankbench::core::chat {
namespace {

// Howard Hinnant's days_from_civil / civil_from_days.
long long daysFromCivil(int y, int m, int d) {
    y -= m <= 2;
    const long long era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<long long>(doe) - 719468;
}

CivilDate civilFromDays(long long z) {
    z += 719468;
    const long long era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const long long y = static_cast<long long>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    return CivilDate{static_cast<int>(y + (m <= 2)), static_cast<int>(m), static_cast<int>(d)};
}

int monthFromName(std::string name) {
    for (auto& c : name)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    static const char* kNames[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                   "jul", "aug", "sep", "oct", "nov", "dec"};
    for (int i = 0; i < 12; ++i)
        if (name.compare(0, 3, kNames[i]) == 0)
            return i + 1;
    return 0;
}

int weekdayFromName(std::string name) {
    for (auto& c : name)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    static const char* kNames[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
    for (int i = 0; i < 7; ++i)
        if (name.compare(0, 3, kNames[i]) == 0)
            return i + 1;
    return 0;
}

int chineseWeekday(const std::string& s) {
    if (s == "日" || s == "天" || s == "7")
        return 7;
    if (s.size() == 1 && s[0] >= '1' && s[0] <= '6')
        return s[0] - '0';
    const auto v = parseChineseNumber(s);
    return v && *v >= 1 && *v <= 6 ? static_cast<int>(*v) : 0;
}

// A number written in digits or Chinese numerals; -1 when neither.
int smallNumber(const std::string& s) {
    if (s.empty())
        return -1;
    if (scan::isDigit(s[0]))
        return std::atoi(s.c_str());
    const auto v = parseChineseNumber(s);
    return v && *v == static_cast<int>(*v) ? static_cast<int>(*v) : -1;
}

// A month/day with no year: this year, or next year when it is more than a week in the past.
std::optional<CivilDate> monthDay(CivilDate ref, int month, int day, int year = 0) {
    if (year > 0)
        return CivilDate::make(year, month, day);
    auto date = CivilDate::make(ref.year, month, day);
    if (date && *date < ref.plusDays(-7))
        date = CivilDate::make(ref.year + 1, month, day);
    return date;
}

CivilDate mondayOf(CivilDate d) {
    return d.plusDays(1 - d.isoWeekday());
}

CivilDate onOrAfter(CivilDate ref, int weekday) {
    return ref.plusDays((weekday - ref.isoWeekday() + 7) % 7);
}

const std::string kCn = chineseNumeralCharPattern();
const std::string kMonths =
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec";
const std::string kWeekdays = "monday|tuesday|wednesday|thursday|friday|saturday|sunday";

struct Patterns {
    std::regex cnFull{"(?:(\\d{4}|" + kCn + "{4})年)?(\\d{1,2}|" + kCn + "{1,3})月(\\d{1,2}|" + kCn +
                      "{1,3})(?:日|号|號)"};
    std::regex cnDayOnly{"(\\d{1,2}|" + kCn + "{1,3})(?:号|號|日)"};
    std::regex cnRelative{"大后天|大前天|后天|前天|今天|今日|明天|明日|昨天|昨日"};
    std::regex cnWeekday{"(下下|下|这|本|上)?(?:个)?(?:周|星期|礼拜)(一|二|三|四|五|六|日|天|[1-7])"};
    std::regex cnOffset{"(\\d{1,3}|" + kCn + "{1,3})(?:天|日)(以后|之后|后|以前|之前|前)"};
    std::regex iso{"(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})"};
    std::regex monthSlashDay{"(\\d{1,2})/(\\d{1,2})"};
    std::regex enRelative{"day after tomorrow|day before yesterday|today|tonight|tomorrow|tmrw|yesterday",
                          std::regex::icase};
    std::regex enWeekday{"(?:(next|this|coming|last)\\s+)?(" + kWeekdays + ")", std::regex::icase};
    std::regex enDayMonth{"(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(" + kMonths + ")\\.?(?:,?\\s+(\\d{4}))?",
                          std::regex::icase};
    std::regex enMonthDay{"(" + kMonths + ")\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?",
                          std::regex::icase};
    std::regex enIn{
        "in\\s+(\\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten)\\s+(days?|weeks?)",
        std::regex::icase};
};

const Patterns& patterns() {
    static const Patterns p;
    return p;
}

int englishCount(std::string s) {
    for (auto& c : s)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (scan::isDigit(s[0]))
        return std::atoi(s.c_str());
    static const char* kWords[] = {"zero", "one",   "two",   "three", "four", "five",
                                   "six",  "seven", "eight", "nine",  "ten"};
    if (s == "a" || s == "an")
        return 1;
    for (int i = 0; i <= 10; ++i)
        if (s == kWords[i])
            return i;
    return -1;
}

} // namespace

std::string CivilDate::iso() const {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
    return buffer;
}

std::optional<CivilDate> CivilDate::make(int year, int month, int day) {
    if (month < 1 || month > 12 || day < 1)
        return std::nullopt;
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    const int maxDay = kDays[month - 1] + (month == 2 && leap ? 1 : 0);
    if (day > maxDay)
        return std::nullopt;
    return CivilDate{year, month, day};
}

std::optional<CivilDate> CivilDate::fromIso(std::string_view text) {
    static const std::regex re("(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})");
    std::match_results<std::string_view::const_iterator> m;
    if (!std::regex_match(text.begin(), text.end(), m, re))
        return std::nullopt;
    return make(std::stoi(m.str(1)), std::stoi(m.str(2)), std::stoi(m.str(3)));
}

CivilDate CivilDate::today() {
    const auto now = std::chrono::system_clock::now();
    const auto days = std::chrono::duration_cast<std::chrono::hours>(now.time_since_epoch()).count() / 24;
    return civilFromDays(days);
}

CivilDate CivilDate::plusDays(int days) const {
    return civilFromDays(daysFromCivil(year, month, day) + days);
}

int CivilDate::isoWeekday() const {
    const long long z = daysFromCivil(year, month, day);
    return static_cast<int>(((z % 7) + 7 + 3) % 7) + 1; // 1970-01-01 was a Thursday
}

std::vector<Slot> findDates(std::string_view text, CivilDate ref) {
    const auto& p = patterns();
    std::vector<Slot> found;
    auto add = [&](const std::smatch& m, std::optional<CivilDate> date, bool needWordBoundary,
                   bool needDigitBoundary) {
        if (!date)
            return;
        const auto begin = static_cast<std::size_t>(m.position(0));
        const auto end = begin + static_cast<std::size_t>(m.length(0));
        if (needWordBoundary && !scan::wordBoundary(text, begin, end))
            return;
        if (needDigitBoundary && !scan::digitBoundary(text, begin, end))
            return;
        found.push_back(scan::makeSlot(text, slotname::kDate, begin, end, date->iso()));
    };

    scan::forEachMatch(text, p.cnFull, [&](const std::smatch& m) {
        const int year = m[1].matched ? smallNumber(m.str(1)) : 0;
        const int month = smallNumber(m.str(2)), day = smallNumber(m.str(3));
        add(m, monthDay(ref, month, day, year), false, true);
    });
    scan::forEachMatch(text, p.cnDayOnly, [&](const std::smatch& m) {
        const auto begin = static_cast<std::size_t>(m.position(0));
        if (begin >= 3 && text.substr(begin - 3, 3) == "月")
            return; // the day of an impossible "2月30日", not a day of this month
        const int day = smallNumber(m.str(1));
        auto date = CivilDate::make(ref.year, ref.month, day);
        if (date && *date < ref) { // "15号" after the 15th: next month's
            const CivilDate next =
                ref.month == 12 ? CivilDate{ref.year + 1, 1, 1} : CivilDate{ref.year, ref.month + 1, 1};
            date = CivilDate::make(next.year, next.month, day);
        }
        add(m, date, false, true);
    });
    scan::forEachMatch(text, p.cnRelative, [&](const std::smatch& m) {
        static const std::pair<const char*, int> kOffsets[] = {
            {"大后天", 3}, {"大前天", -3}, {"后天", 2}, {"前天", -2}, {"今天", 0},
            {"今日", 0},   {"明天", 1},    {"明日", 1}, {"昨天", -1}, {"昨日", -1}};
        for (auto& [word, offset] : kOffsets)
            if (m.str(0) == word)
                add(m, ref.plusDays(offset), false, false);
    });
    scan::forEachMatch(text, p.cnWeekday, [&](const std::smatch& m) {
        const int weekday = chineseWeekday(m.str(2));
        if (weekday == 0)
            return;
        const std::string which = m.str(1);
        const CivilDate monday = mondayOf(ref);
        CivilDate date = onOrAfter(ref, weekday);
        if (which == "这" || which == "本")
            date = monday.plusDays(weekday - 1);
        else if (which == "下")
            date = monday.plusDays(7 + weekday - 1);
        else if (which == "下下")
            date = monday.plusDays(14 + weekday - 1);
        else if (which == "上")
            date = monday.plusDays(-7 + weekday - 1);
        add(m, date, false, false);
    });
    scan::forEachMatch(text, p.cnOffset, [&](const std::smatch& m) {
        const int n = smallNumber(m.str(1));
        if (n < 0)
            return;
        const bool before = m.str(2).find("前") != std::string::npos;
        add(m, ref.plusDays(before ? -n : n), false, true);
    });
    scan::forEachMatch(text, p.iso, [&](const std::smatch& m) {
        add(m, CivilDate::make(std::stoi(m.str(1)), std::stoi(m.str(2)), std::stoi(m.str(3))), false, true);
    });
    scan::forEachMatch(text, p.monthSlashDay, [&](const std::smatch& m) {
        const auto begin = static_cast<std::size_t>(m.position(0));
        const auto end = begin + static_cast<std::size_t>(m.length(0));
        if ((begin > 0 && text[begin - 1] == '/') || (end < text.size() && text[end] == '/'))
            return;
        add(m, monthDay(ref, std::stoi(m.str(1)), std::stoi(m.str(2))), false, true);
    });
    scan::forEachMatch(text, p.enRelative, [&](const std::smatch& m) {
        std::string w = m.str(0);
        for (auto& c : w)
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        int offset = 0;
        if (w == "day after tomorrow")
            offset = 2;
        else if (w == "day before yesterday")
            offset = -2;
        else if (w == "tomorrow" || w == "tmrw")
            offset = 1;
        else if (w == "yesterday")
            offset = -1;
        add(m, ref.plusDays(offset), true, false);
    });
    scan::forEachMatch(text, p.enWeekday, [&](const std::smatch& m) {
        const int weekday = weekdayFromName(m.str(2));
        std::string which = m.str(1);
        for (auto& c : which)
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        const CivilDate monday = mondayOf(ref);
        CivilDate date = onOrAfter(ref, weekday);
        if (which == "next")
            date = monday.plusDays(7 + weekday - 1);
        else if (which == "last")
            date = monday.plusDays(-7 + weekday - 1);
        add(m, date, true, false);
    });
    scan::forEachMatch(text, p.enDayMonth, [&](const std::smatch& m) {
        const int year = m[3].matched ? std::stoi(m.str(3)) : 0;
        add(m, monthDay(ref, monthFromName(m.str(2)), std::stoi(m.str(1)), year), true, false);
    });
    scan::forEachMatch(text, p.enMonthDay, [&](const std::smatch& m) {
        const int year = m[3].matched ? std::stoi(m.str(3)) : 0;
        add(m, monthDay(ref, monthFromName(m.str(1)), std::stoi(m.str(2)), year), true, false);
    });
    scan::forEachMatch(text, p.enIn, [&](const std::smatch& m) {
        const int n = englishCount(m.str(1));
        if (n < 0)
            return;
        const bool weeks = std::tolower(static_cast<unsigned char>(m.str(2)[0])) == 'w';
        add(m, ref.plusDays(weeks ? 7 * n : n), true, false);
    });
    return scan::longestNonOverlapping(std::move(found));
}

} // namespace bankbench::core::chat
